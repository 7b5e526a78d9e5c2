/* history-test-util.h — what the tests of the history and of its views
 * share: events and samples made from their index, and checks of buckets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-history-view.h"

G_BEGIN_DECLS

/* Events and samples are pure functions of their index, so any bucket can be
 * checked against a recomputation of the range it summarises. */
#define MIN_ADDED_AT   4321987
#define MAX_ADDED_AT   9999998
#define SLOWEST_AT     2500001
#define SLOWEST_TOO_AT 2501001  /* same batch of 4096, same bucket */

/* A well-mixed function of @x. */
guint64   mix                 (guint64                  x);
/* Event (sample) @i of the reference run. */
void      make_event          (guint64                  i,
                               LlEvent                 *e);
void      make_sample         (guint64                  i,
                               LlSample                *s);
gboolean  event_equal         (const LlEvent           *a,
                               const LlEvent           *b);
gboolean  sample_equal        (const LlSample          *a,
                               const LlSample          *b);
gboolean  event_bucket_equal  (const LlEventBucket     *a,
                               const LlEventBucket     *b);
gboolean  sample_bucket_equal (const LlSampleBucket    *a,
                               const LlSampleBucket    *b);
gboolean  counters_equal      (const LlHistoryCounters *a,
                               const LlHistoryCounters *b);
/* Asserts that two views hold the same buckets, fine and joined, and the
 * same counters. */
void      assert_views_equal  (const LlHistoryView     *a,
                               const LlHistoryView     *b);
/* Asserts that each joined bucket of @view sums up its fine ones. */
void      assert_coarse_joins (const LlHistoryView     *view);
/* Pushes events (samples) [@from, @to) in batches of @batch. */
void      push_event_range    (LlHistory               *history,
                               guint64                  from,
                               guint64                  to,
                               gsize                    batch);
void      push_sample_range   (LlHistory               *history,
                               guint64                  from,
                               guint64                  to,
                               gsize                    batch);

G_END_DECLS
