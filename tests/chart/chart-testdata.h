/* chart-testdata.h — event and sample buckets for chart tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-chart.h"

G_BEGIN_DECLS

/* Buckets built the way the history builds them: every @per_bucket
 * consecutive events (samples) summarised into one bucket. */
typedef struct
{
  GArray           *events;    /* LlEventBucket */
  GArray           *samples;   /* LlSampleBucket */
  guint64           events_per_bucket;
  guint64           samples_per_bucket;
  LlHistoryCounters counters;
  LlChartSeries     series;    /* what test_run_get_data () points at */
} TestRun;

void     test_run_init        (TestRun        *run,
                               guint64         events_per_bucket,
                               guint64         samples_per_bucket);
void     test_run_clear       (TestRun        *run);
void     test_run_add_event   (TestRun        *run,
                               const LlEvent  *event);
void     test_run_add_sample  (TestRun        *run,
                               const LlSample *sample);
/* @data draws the run alone; valid until the run changes. */
void     test_run_get_data    (TestRun        *run,
                               LlChartData    *data);

/* A doubling policy's events, 0 → 4 → 8 → 16 → 32 → 64 (reallocations at
 * lengths 1, 5, 9, 17, 33, each moved, 1.2 µs, a millisecond per element
 * appended), then the list at length 50 in one memory sample. */
void     test_run_fill_doubling (TestRun      *run);

/* CPython's list_resize (3.9+) for one append to a list of @length,
 * through the engine's policy. */
guint64  test_cpython_grow    (guint64         length,
                               guint64         capacity);

/* A run of appends under the CPython policy until the container reaches
 * @target_bytes, with a plausible clock and memory samples every
 * @sample_ns: MemAvailable falls from @available_start as the list grows. */
void     test_run_fill_cpython (TestRun       *run,
                                guint64        target_bytes,
                                guint64        available_start,
                                guint64        sample_ns);

/* A CPython list grown to 80 MB (@run made here): 106 reallocations, one a
 * bucket, 28 of them before length 1,000; memory samples every 50 ms. */
void     test_run_cpython_80mb (TestRun       *run);

/* @n_events reallocations of a fixed-increment policy (+@increment
 * elements each), with @n_samples samples spread over the run. */
void     test_run_fill_fixed   (TestRun       *run,
                                guint64        n_events,
                                guint64        increment,
                                guint64        n_samples,
                                guint64        available_start);

G_END_DECLS
