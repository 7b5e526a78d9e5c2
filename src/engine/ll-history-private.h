/* ll-history-private.h — a history's insides, for its views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-history.h"

G_BEGIN_DECLS

struct _LlHistory
{
  gatomicrefcount    ref_count;
  guint              id;

  /* Bumped (atomically, under the mutex) by every push: lets a view see
   * that nothing changed without taking the lock. */
  gint               stamp;

  GMutex             mutex;
  gsize              max_buckets;

  /* Each stream has a single writer, which may read its own stream without
   * the lock; every change is made under the lock. All buckets but the last
   * hold exactly @width items; the last one is open while it holds fewer. */
  LlEventBucket     *events;
  gsize              n_events;
  gsize              events_alloc;
  guint64            events_width;
  guint64            events_generation;

  LlSampleBucket    *samples;
  gsize              n_samples;
  gsize              samples_alloc;
  guint64            samples_width;
  guint64            samples_generation;

  LlHistoryCounters  counters;
  guint              header_bytes;  /* of the container: not part of its block */
};

/* @into followed by @next, as one bucket. */
static inline void
ll_event_bucket_join (LlEventBucket       *into,
                      const LlEventBucket *next)
{
  into->last = next->last;
  into->count += next->count;
  into->n_moved += next->n_moved;
  into->n_copied += next->n_copied;
  into->min_bytes_added = MIN (into->min_bytes_added, next->min_bytes_added);
  into->max_bytes_added = MAX (into->max_bytes_added, next->max_bytes_added);
  into->min_realloc_ns = MIN (into->min_realloc_ns, next->min_realloc_ns);
  into->max_realloc_ns = MAX (into->max_realloc_ns, next->max_realloc_ns);
  into->realloc_ns += next->realloc_ns;
}

static inline void
ll_sample_bucket_join (LlSampleBucket       *into,
                       const LlSampleBucket *next)
{
  into->last = next->last;
  into->count += next->count;
  into->min_available_bytes = MIN (into->min_available_bytes, next->min_available_bytes);
  into->max_available_bytes = MAX (into->max_available_bytes, next->max_available_bytes);
  into->min_rss_bytes = MIN (into->min_rss_bytes, next->min_rss_bytes);
  into->max_rss_bytes = MAX (into->max_rss_bytes, next->max_rss_bytes);
}

G_END_DECLS
