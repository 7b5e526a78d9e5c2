/* chart-testdata.c — event and sample buckets for chart tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "chart-testdata.h"
#include "ll-policy.h"

void
test_run_init (TestRun *run,
               guint64  events_per_bucket,
               guint64  samples_per_bucket)
{
  memset (run, 0, sizeof *run);
  run->events = g_array_new (FALSE, TRUE, sizeof (LlEventBucket));
  run->samples = g_array_new (FALSE, TRUE, sizeof (LlSampleBucket));
  run->events_per_bucket = MAX (events_per_bucket, 1);
  run->samples_per_bucket = MAX (samples_per_bucket, 1);
}

void
test_run_clear (TestRun *run)
{
  g_clear_pointer (&run->events, g_array_unref);
  g_clear_pointer (&run->samples, g_array_unref);
}

void
test_run_add_event (TestRun       *run,
                    const LlEvent *e)
{
  LlEventBucket *b = NULL;

  if (run->events->len > 0)
    b = &g_array_index (run->events, LlEventBucket, run->events->len - 1);

  if (b == NULL || b->count >= run->events_per_bucket)
    {
      LlEventBucket nb = { 0 };

      nb.first = *e;
      nb.last = *e;
      nb.count = 1;
      nb.n_moved = e->moved ? 1 : 0;
      nb.n_copied = e->bytes_copied > 0 ? 1 : 0;
      nb.min_bytes_added = e->bytes_added;
      nb.max_bytes_added = e->bytes_added;
      nb.min_realloc_ns = e->realloc_ns;
      nb.max_realloc_ns = e->realloc_ns;
      nb.realloc_ns = e->realloc_ns;
      g_array_append_val (run->events, nb);
    }
  else
    {
      b->last = *e;
      b->count++;
      b->n_moved += e->moved ? 1 : 0;
      b->n_copied += e->bytes_copied > 0 ? 1 : 0;
      b->min_bytes_added = MIN (b->min_bytes_added, e->bytes_added);
      b->max_bytes_added = MAX (b->max_bytes_added, e->bytes_added);
      b->min_realloc_ns = MIN (b->min_realloc_ns, e->realloc_ns);
      b->max_realloc_ns = MAX (b->max_realloc_ns, e->realloc_ns);
      b->realloc_ns += e->realloc_ns;
    }

  if (run->counters.n_events == 0 || e->realloc_ns > run->counters.slowest.realloc_ns)
    run->counters.slowest = *e;
  run->counters.n_events++;
  run->counters.n_moved += e->moved ? 1 : 0;
  run->counters.bytes_copied += e->bytes_copied;
  run->counters.total_realloc_ns += e->realloc_ns;
  run->counters.last_event = *e;
  if (e->length >= run->counters.end_length)
    {
      run->counters.end_length = e->length;
      run->counters.end_capacity = e->new_capacity;
    }
}

void
test_run_add_sample (TestRun        *run,
                     const LlSample *s)
{
  LlSampleBucket *b = NULL;

  if (run->samples->len > 0)
    b = &g_array_index (run->samples, LlSampleBucket, run->samples->len - 1);

  if (b == NULL || b->count >= run->samples_per_bucket)
    {
      LlSampleBucket nb = { 0 };

      nb.first = *s;
      nb.last = *s;
      nb.count = 1;
      nb.min_available_bytes = nb.max_available_bytes = s->available_bytes;
      nb.min_rss_bytes = nb.max_rss_bytes = s->rss_bytes;
      g_array_append_val (run->samples, nb);
    }
  else
    {
      b->last = *s;
      b->count++;
      b->min_available_bytes = MIN (b->min_available_bytes, s->available_bytes);
      b->max_available_bytes = MAX (b->max_available_bytes, s->available_bytes);
      b->min_rss_bytes = MIN (b->min_rss_bytes, s->rss_bytes);
      b->max_rss_bytes = MAX (b->max_rss_bytes, s->rss_bytes);
    }

  if (run->counters.n_samples == 0)
    run->counters.first_sample = *s;
  run->counters.n_samples++;
  run->counters.last_sample = *s;
  if (s->length > run->counters.end_length)
    {
      run->counters.end_length = s->length;
      run->counters.end_capacity = s->capacity;
    }
}

void
test_run_get_data (TestRun     *run,
                   LlChartData *data)
{
  LlChartSeries *series = &run->series;

  memset (series, 0, sizeof *series);
  series->events = (const LlEventBucket *) (gpointer) run->events->data;
  series->n_events = run->events->len;
  series->samples = (const LlSampleBucket *) (gpointer) run->samples->data;
  series->n_samples = run->samples->len;
  series->counters = &run->counters;
  series->slot_bytes = 8;
  ll_chart_data_init (data, series, 1);
}

guint64
test_cpython_grow (guint64 length,
                   guint64 capacity)
{
  LlPolicy policy;

  ll_policy_init (&policy, LL_POLICY_CPYTHON);
  return ll_policy_resize (&policy, length, capacity, length + 1);
}

/* Seconds to reach @length: appends plus first-touch page faults. */
static double
clock_at (double length)
{
  return length / 2.2e8 + length * 8.0 / 2.6e9;
}

static double
length_at (double seconds)
{
  return seconds / (1.0 / 2.2e8 + 8.0 / 2.6e9);
}

static guint64
available_at (guint64 start,
              double  seconds,
              double  container)
{
  /* Other programs breathe a little. */
  double noise = 48.0 * 1024 * 1024 * sin (seconds * 1.7) * cos (seconds * 0.43);

  return (guint64) MAX (0.0, (double) start - container - 6.0e6 * seconds + noise);
}

void
test_run_fill_cpython (TestRun *run,
                       guint64  target_bytes,
                       guint64  available_start,
                       guint64  sample_ns)
{
  guint64 length = 0, capacity = 0;
  double extra_s = 0.0;
  double next_sample = 0.0;

  while (56 + 8 * capacity < target_bytes)
    {
      guint64 cap = test_cpython_grow (length, capacity);
      LlEvent e = { 0 };
      double t;

      length++;
      if (cap == capacity)
        {
          /* Jump to the next reallocation: nothing happens in between. */
          length = capacity;
          continue;
        }

      e.length = length;
      e.old_capacity = capacity;
      e.new_capacity = cap;
      e.old_bytes = 56 + 8 * capacity;
      e.new_bytes = 56 + 8 * cap;
      e.bytes_added = e.new_bytes - e.old_bytes;
      /* glibc moves blocks above the mmap threshold with mremap. */
      e.moved = e.old_bytes > 128 * 1024 || (e.length % 3) == 0;
      e.bytes_copied = e.moved && e.old_bytes <= 128 * 1024 ? e.old_bytes - 56 : 0;
      e.realloc_ns = 180 + e.old_bytes / 4000;
      extra_s += e.realloc_ns / 1e9;
      t = clock_at (length) + extra_s;
      e.elapsed_ns = (guint64) (t * 1e9);

      while (next_sample <= t)
        {
          double len = MIN ((double) length, length_at (next_sample));
          LlSample s = { 0 };

          s.elapsed_ns = (guint64) (next_sample * 1e9);
          s.length = (guint64) len;
          s.capacity = len < length ? capacity : cap;
          s.container_bytes = 56 + 8 * s.capacity;
          s.objects_bytes = 0;
          s.rss_bytes = 14 * 1024 * 1024 + 8 * s.length;
          s.available_bytes = available_at (available_start, next_sample, 8.0 * len);
          test_run_add_sample (run, &s);
          next_sample += sample_ns / 1e9;
        }

      e.available_bytes = available_at (available_start, t, 8.0 * length);
      test_run_add_event (run, &e);
      capacity = cap;
    }

  /* The run stops where the target is reached; one last sample there. */
  {
    LlSample s = { 0 };
    double t = clock_at (length) + extra_s;

    s.elapsed_ns = (guint64) (t * 1e9);
    s.length = length;
    s.capacity = capacity;
    s.container_bytes = 56 + 8 * capacity;
    s.rss_bytes = 14 * 1024 * 1024 + 8 * length;
    s.available_bytes = available_at (available_start, t, 8.0 * length);
    test_run_add_sample (run, &s);
  }
}

void
test_run_fill_fixed (TestRun *run,
                     guint64  n_events,
                     guint64  increment,
                     guint64  n_samples,
                     guint64  available_start)
{
  guint64 capacity = 0;
  guint64 total_ns = 0;
  guint64 per_sample = MAX (n_events / MAX (n_samples, 1), 1);

  for (guint64 i = 0; i < n_events; i++)
    {
      LlEvent e = { 0 };

      e.length = capacity + 1;
      e.old_capacity = capacity;
      e.new_capacity = capacity + increment;
      e.old_bytes = 56 + 8 * capacity;
      e.new_bytes = 56 + 8 * e.new_capacity;
      e.bytes_added = e.new_bytes - e.old_bytes;
      e.moved = (i % 7) == 0;
      e.bytes_copied = e.moved ? e.old_bytes - 56 : 0;
      e.realloc_ns = 90 + (i * 2654435761u) % 400;
      total_ns += e.realloc_ns + increment * 3;
      e.elapsed_ns = total_ns;
      e.available_bytes = available_start - MIN (available_start / 2, e.new_bytes);
      test_run_add_event (run, &e);
      capacity = e.new_capacity;

      if (i % per_sample == 0)
        {
          LlSample s = { 0 };

          s.elapsed_ns = total_ns;
          s.length = e.length;
          s.capacity = capacity;
          s.container_bytes = e.new_bytes;
          s.rss_bytes = 14 * 1024 * 1024 + e.new_bytes;
          s.available_bytes = e.available_bytes - (i * 40503u) % (64 * 1024 * 1024);
          test_run_add_sample (run, &s);
        }
    }
}

void
test_run_fill_doubling (TestRun *run)
{
  guint64 capacity = 0;
  LlSample s = { 0 };

  test_run_init (run, 1, 1);
  while (capacity < 64)
    {
      LlEvent e = { 0 };

      e.length = capacity + 1;
      e.old_capacity = capacity;
      e.new_capacity = capacity == 0 ? 4 : capacity * 2;
      e.old_bytes = 56 + 8 * e.old_capacity;
      e.new_bytes = 56 + 8 * e.new_capacity;
      e.bytes_added = e.new_bytes - e.old_bytes;
      e.moved = TRUE;
      e.bytes_copied = e.old_bytes - 56;
      e.realloc_ns = 1200;
      e.elapsed_ns = e.length * 1000000;
      test_run_add_event (run, &e);
      capacity = e.new_capacity;
    }

  s.elapsed_ns = 50000000;
  s.length = 50;
  s.capacity = 64;
  s.rss_bytes = 1000;
  s.available_bytes = 5000;
  test_run_add_sample (run, &s);
}

void
test_run_cpython_80mb (TestRun *run)
{
  test_run_init (run, 1, 1);
  test_run_fill_cpython (run, 80000000, 16ull << 30, 50000000);
  g_assert_cmpuint (run->events->len, ==, 106);
}
