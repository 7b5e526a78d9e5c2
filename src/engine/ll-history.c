/* ll-history.c — what a run did, in bounded memory, readable while it runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ll-arith.h"
#include "ll-element.h"
#include "ll-history-private.h"

/* Bucket arrays start small and double up to max_buckets, so a short run
 * does not pay for the cap. */
#define INITIAL_BUCKETS 256

static gint last_history_id;

static gsize
next_alloc (gsize current,
            gsize needed,
            gsize max)
{
  gsize alloc = MAX (current, INITIAL_BUCKETS);

  while (alloc < needed && alloc < max)
    alloc = alloc > max / 2 ? max : alloc * 2;

  return MIN (alloc, max);
}

LlHistory *
ll_history_new (guint max_buckets)
{
  LlHistory *self = g_new0 (LlHistory, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->id = (guint) g_atomic_int_add (&last_history_id, 1) + 1;
  g_mutex_init (&self->mutex);
  /* Merging needs pairs. */
  self->max_buckets = max_buckets == 0 ? LL_HISTORY_DEFAULT_BUCKETS : MAX (max_buckets, 2);
  self->events_width = 1;
  self->samples_width = 1;
  self->header_bytes = LL_LIST_HEADER_BYTES;

  return self;
}

LlHistory *
ll_history_ref (LlHistory *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
ll_history_unref (LlHistory *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_mutex_clear (&self->mutex);
  g_free (self->events);
  g_free (self->samples);
  g_free (self);
}

/* Grows the writer's bucket array before taking the lock for the batch, so
 * the lock is held only to swap in the copy. The copy is made unlocked:
 * only this writer ever changes the stream. */
static void
reserve_event_buckets (LlHistory *self,
                       gsize      n_new)
{
  gsize needed = MIN (self->max_buckets, self->n_events + n_new);
  LlEventBucket *buckets;
  LlEventBucket *old;
  gsize alloc;

  if (needed <= self->events_alloc)
    return;

  alloc = next_alloc (self->events_alloc, needed, self->max_buckets);
  buckets = g_new (LlEventBucket, alloc);
  if (self->n_events > 0)
    memcpy (buckets, self->events, self->n_events * sizeof *buckets);

  g_mutex_lock (&self->mutex);
  old = self->events;
  self->events = buckets;
  self->events_alloc = alloc;
  g_mutex_unlock (&self->mutex);

  g_free (old);
}

static void
reserve_sample_buckets (LlHistory *self,
                        gsize      n_new)
{
  gsize needed = MIN (self->max_buckets, self->n_samples + n_new);
  LlSampleBucket *buckets;
  LlSampleBucket *old;
  gsize alloc;

  if (needed <= self->samples_alloc)
    return;

  alloc = next_alloc (self->samples_alloc, needed, self->max_buckets);
  buckets = g_new (LlSampleBucket, alloc);
  if (self->n_samples > 0)
    memcpy (buckets, self->samples, self->n_samples * sizeof *buckets);

  g_mutex_lock (&self->mutex);
  old = self->samples;
  self->samples = buckets;
  self->samples_alloc = alloc;
  g_mutex_unlock (&self->mutex);

  g_free (old);
}

/* Called with the lock held when every bucket is full: pairs become one,
 * so the resolution stays uniform over the whole run. */
static void
merge_event_buckets (LlHistory *self)
{
  gsize n = self->n_events;
  gsize i;

  for (i = 0; 2 * i + 1 < n; i++)
    {
      LlEventBucket merged = self->events[2 * i];

      ll_event_bucket_join (&merged, &self->events[2 * i + 1]);
      self->events[i] = merged;
    }

  /* With an odd cap the last bucket has no partner: it stays, half full
   * at the new width, and becomes the open one. */
  if (n % 2 != 0)
    self->events[i++] = self->events[n - 1];

  self->n_events = i;
  self->events_width *= 2;
  self->events_generation++;
}

static void
merge_sample_buckets (LlHistory *self)
{
  gsize n = self->n_samples;
  gsize i;

  for (i = 0; 2 * i + 1 < n; i++)
    {
      LlSampleBucket merged = self->samples[2 * i];

      ll_sample_bucket_join (&merged, &self->samples[2 * i + 1]);
      self->samples[i] = merged;
    }

  if (n % 2 != 0)
    self->samples[i++] = self->samples[n - 1];

  self->n_samples = i;
  self->samples_width *= 2;
  self->samples_generation++;
}

/* Returns the open event bucket, opening one (and merging first if the
 * array is full) when the last one is full. Lock held. */
static LlEventBucket *
open_event_bucket (LlHistory     *self,
                   const LlEvent *first)
{
  LlEventBucket *bucket;

  for (;;)
    {
      if (self->n_events > 0 && self->events[self->n_events - 1].count < self->events_width)
        return &self->events[self->n_events - 1];

      if (self->n_events < self->max_buckets)
        break;

      merge_event_buckets (self);
    }

  /* Only reached when reserve_event_buckets () was bypassed by a second
   * writer on the same stream; correct, if slower. */
  if (self->n_events == self->events_alloc)
    {
      self->events_alloc = next_alloc (self->events_alloc, self->n_events + 1, self->max_buckets);
      self->events = g_renew (LlEventBucket, self->events, self->events_alloc);
    }

  bucket = &self->events[self->n_events++];
  bucket->first = *first;
  bucket->count = 0;
  bucket->n_moved = 0;
  bucket->n_copied = 0;
  bucket->min_bytes_added = G_MAXUINT64;
  bucket->max_bytes_added = 0;
  bucket->min_realloc_ns = G_MAXUINT64;
  bucket->max_realloc_ns = 0;
  bucket->realloc_ns = 0;

  return bucket;
}

static LlSampleBucket *
open_sample_bucket (LlHistory      *self,
                    const LlSample *first)
{
  LlSampleBucket *bucket;

  for (;;)
    {
      if (self->n_samples > 0 && self->samples[self->n_samples - 1].count < self->samples_width)
        return &self->samples[self->n_samples - 1];

      if (self->n_samples < self->max_buckets)
        break;

      merge_sample_buckets (self);
    }

  if (self->n_samples == self->samples_alloc)
    {
      self->samples_alloc = next_alloc (self->samples_alloc, self->n_samples + 1, self->max_buckets);
      self->samples = g_renew (LlSampleBucket, self->samples, self->samples_alloc);
    }

  bucket = &self->samples[self->n_samples++];
  bucket->first = *first;
  bucket->count = 0;
  bucket->min_available_bytes = G_MAXUINT64;
  bucket->max_available_bytes = 0;
  bucket->min_rss_bytes = G_MAXUINT64;
  bucket->max_rss_bytes = 0;

  return bucket;
}

/* A count of slots or elements as a double. They are under 2^62 (their
 * bytes are counted in 64 bits), where the signed conversion gives the
 * same double in one instruction, and the unsigned one takes a branch. */
static inline double
slots_to_double (guint64 n)
{
  return (double) (gint64) n;
}

static inline double
slack_between (guint64 capacity,
               guint64 from,
               guint64 to)
{
  double count, sum_l;

  if (to < from || capacity == 0)
    return 0.0;
  count = slots_to_double (to - from + 1);
  sum_l = (slots_to_double (from) + slots_to_double (to)) * count / 2.0;
  return count - sum_l / slots_to_double (capacity);
}

double
ll_history_slack_between (guint64 capacity,
                          guint64 from,
                          guint64 to)
{
  return slack_between (capacity, from, to);
}

/* The comparison figures of a batch: a pass of its own, so the bucket
 * loop stays as lean as it is. */
static void
add_comparison_figures (LlHistoryCounters *c,
                        guint              header,
                        const LlEvent     *events,
                        gsize              n_events)
{
  guint64 previous = c->n_events > 0 ? c->last_event.length : c->start_length;
  /* (summed here, not in @c: stores there might be the events' for all
   * the compiler knows, and each sum would go through memory) */
  double slack_sum = c->slack_sum;
  guint64 blocks_allocated = c->blocks_allocated;
  guint64 peak_blocks = c->peak_blocks;
  guint64 peak_length = c->peak_length;

  for (gsize i = 0; i < n_events; i++)
    {
      const LlEvent *e = &events[i];
      guint64 new_block = e->new_bytes > header ? e->new_bytes - header : 0;
      guint64 old_block = e->old_bytes > header ? e->old_bytes - header : 0;
      guint64 held = new_block + (e->bytes_copied > 0 ? old_block : 0);

      if (e->length > 0)
        slack_sum += slack_between (e->old_capacity, previous + 1, e->length - 1);
      if (e->new_capacity > 0)
        slack_sum += (slots_to_double (e->new_capacity) - slots_to_double (e->length)) /
                     slots_to_double (e->new_capacity);
      blocks_allocated = ll_sat_add (blocks_allocated, new_block);
      if (held >= peak_blocks)
        {
          peak_blocks = held;
          peak_length = e->length;
        }
      previous = e->length;
    }

  c->slack_sum = slack_sum;
  c->blocks_allocated = blocks_allocated;
  c->peak_blocks = peak_blocks;
  c->peak_length = peak_length;
}

void
ll_history_push_events (LlHistory     *self,
                        const LlEvent *events,
                        gsize          n_events)
{
  LlHistoryCounters *counters;
  gsize i = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (events != NULL || n_events == 0);

  if (n_events == 0)
    return;

  reserve_event_buckets (self, n_events);

  g_mutex_lock (&self->mutex);

  counters = &self->counters;
  add_comparison_figures (counters, self->header_bytes, events, n_events);

  /* Each pass fills the open bucket with as many events as it takes, so
   * the per-event work is a handful of additions and comparisons and the
   * bucket's last event is copied once per pass. */
  while (i < n_events)
    {
      LlEventBucket *bucket = open_event_bucket (self, &events[i]);
      gsize n = MIN (n_events - i, self->events_width - bucket->count);
      const LlEvent *e = &events[i];
      const LlEvent *end = e + n;
      const LlEvent *slowest = e;
      guint64 min_added = bucket->min_bytes_added;
      guint64 max_added = bucket->max_bytes_added;
      guint64 min_ns = bucket->min_realloc_ns;
      guint64 n_moved = 0;
      guint64 n_copied = 0;
      guint64 bytes_copied = 0;
      guint64 realloc_ns = 0;

      for (; e < end; e++)
        {
          n_moved += e->moved != FALSE;
          n_copied += e->bytes_copied > 0;
          bytes_copied += e->bytes_copied;
          realloc_ns += e->realloc_ns;
          if (e->realloc_ns < min_ns)
            min_ns = e->realloc_ns;
          if (e->bytes_added < min_added)
            min_added = e->bytes_added;
          if (e->bytes_added > max_added)
            max_added = e->bytes_added;
          if (e->realloc_ns > slowest->realloc_ns)
            slowest = e;
        }

      bucket->last = end[-1];
      bucket->count += n;
      bucket->n_moved += n_moved;
      bucket->n_copied += n_copied;
      bucket->min_bytes_added = min_added;
      bucket->max_bytes_added = max_added;
      bucket->min_realloc_ns = min_ns;
      bucket->max_realloc_ns = MAX (bucket->max_realloc_ns, slowest->realloc_ns);
      bucket->realloc_ns += realloc_ns;

      /* Ties keep the earliest slowest event. */
      if (counters->n_events == 0 || slowest->realloc_ns > counters->slowest.realloc_ns)
        counters->slowest = *slowest;
      counters->n_events += n;
      counters->n_moved += n_moved;
      counters->bytes_copied += bytes_copied;
      counters->total_realloc_ns += realloc_ns;

      i += n;
    }

  counters->last_event = events[n_events - 1];
  if (counters->last_event.length >= counters->end_length)
    {
      counters->end_length = counters->last_event.length;
      counters->end_capacity = counters->last_event.new_capacity;
    }

  g_atomic_int_inc (&self->stamp);
  g_mutex_unlock (&self->mutex);
}

void
ll_history_push_samples (LlHistory      *self,
                         const LlSample *samples,
                         gsize           n_samples)
{
  LlHistoryCounters *counters;
  gsize i = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (samples != NULL || n_samples == 0);

  if (n_samples == 0)
    return;

  reserve_sample_buckets (self, n_samples);

  g_mutex_lock (&self->mutex);

  counters = &self->counters;
  if (counters->n_samples == 0)
    counters->first_sample = samples[0];

  while (i < n_samples)
    {
      LlSampleBucket *bucket = open_sample_bucket (self, &samples[i]);
      gsize n = MIN (n_samples - i, self->samples_width - bucket->count);
      const LlSample *s = &samples[i];
      const LlSample *end = s + n;
      guint64 min_available = bucket->min_available_bytes;
      guint64 max_available = bucket->max_available_bytes;
      guint64 min_rss = bucket->min_rss_bytes;
      guint64 max_rss = bucket->max_rss_bytes;

      for (; s < end; s++)
        {
          if (s->available_bytes < min_available)
            min_available = s->available_bytes;
          if (s->available_bytes > max_available)
            max_available = s->available_bytes;
          if (s->rss_bytes < min_rss)
            min_rss = s->rss_bytes;
          if (s->rss_bytes > max_rss)
            max_rss = s->rss_bytes;
        }

      bucket->last = end[-1];
      bucket->count += n;
      bucket->min_available_bytes = min_available;
      bucket->max_available_bytes = max_available;
      bucket->min_rss_bytes = min_rss;
      bucket->max_rss_bytes = max_rss;

      i += n;
    }

  counters->n_samples += n_samples;
  counters->last_sample = samples[n_samples - 1];
  /* (A list being built, or released, is not past its end.) */
  if (counters->last_sample.length > counters->end_length)
    {
      counters->end_length = counters->last_sample.length;
      counters->end_capacity = counters->last_sample.capacity;
    }

  g_atomic_int_inc (&self->stamp);
  g_mutex_unlock (&self->mutex);
}

void
ll_history_set_start (LlHistory *self,
                      guint64    length,
                      guint64    capacity)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  self->counters.start_length = self->counters.end_length = length;
  self->counters.start_capacity = self->counters.end_capacity = capacity;
  g_atomic_int_inc (&self->stamp);
  g_mutex_unlock (&self->mutex);
}

void
ll_history_set_end (LlHistory *self,
                    guint64    length,
                    guint64    capacity)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  if (self->counters.end_length != length || self->counters.end_capacity != capacity)
    {
      self->counters.end_length = length;
      self->counters.end_capacity = capacity;
      g_atomic_int_inc (&self->stamp);
    }
  g_mutex_unlock (&self->mutex);
}

void
ll_history_get_counters (LlHistory         *self,
                         LlHistoryCounters *counters)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (counters != NULL);

  g_mutex_lock (&self->mutex);
  *counters = self->counters;
  g_mutex_unlock (&self->mutex);
}

gboolean
ll_history_is_exact (LlHistory *self)
{
  gboolean exact;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  exact = self->events_width == 1;
  g_mutex_unlock (&self->mutex);

  return exact;
}

void
ll_history_set_header_bytes (LlHistory *self,
                             guint      header_bytes)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  self->header_bytes = header_bytes;
  g_mutex_unlock (&self->mutex);
}

guint64
ll_history_get_event_width (LlHistory *self)
{
  guint64 width;

  g_return_val_if_fail (self != NULL, 1);

  g_mutex_lock (&self->mutex);
  width = self->events_width;
  g_mutex_unlock (&self->mutex);

  return width;
}

guint64
ll_history_get_sample_width (LlHistory *self)
{
  guint64 width;

  g_return_val_if_fail (self != NULL, 1);

  g_mutex_lock (&self->mutex);
  width = self->samples_width;
  g_mutex_unlock (&self->mutex);

  return width;
}

LlHistory *
ll_history_new_restored (const LlEventBucket     *events,
                         gsize                    n_events,
                         guint64                  events_width,
                         const LlSampleBucket    *samples,
                         gsize                    n_samples,
                         guint64                  samples_width,
                         const LlHistoryCounters *counters)
{
  LlHistory *self;

  g_return_val_if_fail (events != NULL || n_events == 0, NULL);
  g_return_val_if_fail (samples != NULL || n_samples == 0, NULL);
  g_return_val_if_fail (events_width >= 1 && samples_width >= 1, NULL);
  g_return_val_if_fail (counters != NULL, NULL);

  /* As many buckets as it was saved with, and never fewer than a new
   * history's. */
  self = ll_history_new ((guint) MIN (MAX (MAX (n_events, n_samples), LL_HISTORY_DEFAULT_BUCKETS), G_MAXUINT));
  self->events = g_memdup2 (events, n_events * sizeof *events);
  self->n_events = self->events_alloc = n_events;
  self->events_width = events_width;
  self->samples = g_memdup2 (samples, n_samples * sizeof *samples);
  self->n_samples = self->samples_alloc = n_samples;
  self->samples_width = samples_width;
  self->counters = *counters;

  return self;
}

LlOutcome
ll_event_get_outcome (const LlEvent *event)
{
  g_return_val_if_fail (event != NULL, LL_OUTCOME_GREW_IN_PLACE);

  if (event->bytes_copied > 0)
    return LL_OUTCOME_COPIED;
  return event->moved ? LL_OUTCOME_MOVED : LL_OUTCOME_GREW_IN_PLACE;
}

LlOutcome
ll_event_bucket_get_outcome (const LlEventBucket *bucket)
{
  guint64 count;

  g_return_val_if_fail (bucket != NULL, LL_OUTCOME_GREW_IN_PLACE);

  count = MAX (bucket->count, 1);
  if (count == 1)
    return ll_event_get_outcome (&bucket->first);
  if (2 * bucket->n_copied >= count)
    return LL_OUTCOME_COPIED;
  if (2 * bucket->n_moved >= count)
    return LL_OUTCOME_MOVED;
  return LL_OUTCOME_GREW_IN_PLACE;
}

void
ll_event_times_init (LlEventTimes *times)
{
  g_return_if_fail (times != NULL);

  times->shortest = G_MAXDOUBLE;
  times->longest = 0.0;
}

void
ll_event_times_add (LlEventTimes        *times,
                    const LlEventBucket *bucket,
                    const LlEvent       *first)
{
  double v[4];

  g_return_if_fail (times != NULL);
  g_return_if_fail (bucket != NULL);

  v[0] = bucket->count > 1 ? bucket->min_realloc_ns : bucket->first.realloc_ns;
  v[1] = bucket->count > 1 ? bucket->max_realloc_ns : bucket->first.realloc_ns;
  v[2] = ll_event_ns_per_append (&bucket->first, first);
  v[3] = ll_event_ns_per_append (&bucket->last, first);
  for (guint k = 0; k < G_N_ELEMENTS (v); k++)
    {
      if (v[k] > 0.0)
        times->shortest = MIN (times->shortest, v[k]);
      times->longest = MAX (times->longest, v[k]);
    }
}

gboolean
ll_history_counters_timed (const LlHistoryCounters *counters)
{
  g_return_val_if_fail (counters != NULL, FALSE);

  return counters->n_events == 0 || counters->total_realloc_ns > 0;
}
