/* ll-history.c — what a run did, in bounded memory, readable while it runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/mman.h>

#include "ll-arith.h"
#include "ll-element.h"
#include "ll-history.h"

/* Bucket arrays start small and double up to max_buckets, so a short run
 * does not pay for the cap. */
#define INITIAL_BUCKETS 256

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

struct _LlHistoryView
{
  guint              history_id;  /* 0: not attached to any history yet */
  gint               stamp;
  guint64            events_generation;
  guint64            samples_generation;

  /* Mapped on their own once they take room for all the history can hold
   * (@events_mapped, @samples_mapped: the bytes mapped; 0 for the heap's
   * blocks of a view still growing). */
  LlEventBucket     *events;
  gsize              n_events;
  gsize              events_alloc;
  gsize              events_mapped;

  LlSampleBucket    *samples;
  gsize              n_samples;
  gsize              samples_alloc;
  gsize              samples_mapped;

  /* The same, LL_HISTORY_COARSE buckets joined into one, for drawing many
   * buckets per pixel column without reading them all. */
  LlEventBucket     *coarse_events;
  gsize              n_coarse_events;
  gsize              coarse_events_alloc;
  gsize              coarse_events_mapped;
  LlSampleBucket    *coarse_samples;
  gsize              n_coarse_samples;
  gsize              coarse_samples_alloc;
  gsize              coarse_samples_mapped;

  /* The times of the first @n_closed_groups coarse groups, which no new
   * event can change (their last bucket is not the open one), and of the
   * whole view. */
  LlEventTimes       closed_times;
  gsize              n_closed_groups;
  LlEventTimes       event_times;

  LlHistoryCounters  counters;
};

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

/* @into followed by @next, as one bucket. */
static inline void
event_bucket_join (LlEventBucket       *into,
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
sample_bucket_join (LlSampleBucket       *into,
                    const LlSampleBucket *next)
{
  into->last = next->last;
  into->count += next->count;
  into->min_available_bytes = MIN (into->min_available_bytes, next->min_available_bytes);
  into->max_available_bytes = MAX (into->max_available_bytes, next->max_available_bytes);
  into->min_rss_bytes = MIN (into->min_rss_bytes, next->min_rss_bytes);
  into->max_rss_bytes = MAX (into->max_rss_bytes, next->max_rss_bytes);
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

      event_bucket_join (&merged, &self->events[2 * i + 1]);
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

      sample_bucket_join (&merged, &self->samples[2 * i + 1]);
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

double
ll_history_slack_between (guint64 capacity,
                          guint64 from,
                          guint64 to)
{
  double count, sum_l;

  if (to < from || capacity == 0)
    return 0.0;
  count = (double) (to - from + 1);
  sum_l = ((double) from + (double) to) * count / 2.0;
  return count - sum_l / (double) capacity;
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

  for (gsize i = 0; i < n_events; i++)
    {
      const LlEvent *e = &events[i];
      guint64 new_block = e->new_bytes > header ? e->new_bytes - header : 0;
      guint64 old_block = e->old_bytes > header ? e->old_bytes - header : 0;
      guint64 held = new_block + (e->bytes_copied > 0 ? old_block : 0);

      if (e->length > 0)
        c->slack_sum += ll_history_slack_between (e->old_capacity, previous + 1, e->length - 1);
      if (e->new_capacity > 0)
        c->slack_sum += ((double) e->new_capacity - (double) e->length) / (double) e->new_capacity;
      c->blocks_allocated = ll_sat_add (c->blocks_allocated, new_block);
      if (held >= c->peak_blocks)
        {
          c->peak_blocks = held;
          c->peak_length = e->length;
        }
      previous = e->length;
    }
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

LlHistoryView *
ll_history_view_new (void)
{
  LlHistoryView *view = g_new0 (LlHistoryView, 1);

  ll_event_times_init (&view->closed_times);
  ll_event_times_init (&view->event_times);
  return view;
}

/* A view's buckets: a block of the heap, or (@mapped bytes) a mapping. */
static void
free_buckets (gpointer buckets,
              gsize    mapped)
{
  if (mapped > 0)
    munmap (buckets, mapped);
  else
    g_free (buckets);
}

/* Grows a view's @buckets (@mapped as free_buckets () takes it) to @alloc
 * buckets of @size bytes, the first @n kept. With @all_at_once (the room
 * for all the history can hold) they are mapped on their own: the pages are
 * touched only as buckets arrive, all of them go back when the view is
 * freed, and the heap is not stretched by some 20 MB under the frames'
 * surfaces, which would then be painted into fresh pages. NULL when the
 * address space has no such room; else the old buckets are freed. */
static gpointer
grow_buckets (gpointer  buckets,
              gsize    *mapped,
              gsize     n,
              gsize     alloc,
              gsize     size,
              gboolean  all_at_once)
{
  gpointer grown;
  gsize bytes;

  if (!g_size_checked_mul (&bytes, alloc, size))
    return NULL;
  if (all_at_once)
    {
      grown = mmap (NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (grown == MAP_FAILED)
        return NULL;
    }
  else if (*mapped == 0)
    {
      return g_try_realloc (buckets, bytes);
    }
  else if ((grown = g_try_malloc (bytes)) == NULL)
    {
      return NULL;
    }
  if (n > 0)
    memcpy (grown, buckets, n * size);
  free_buckets (buckets, *mapped);
  *mapped = all_at_once ? bytes : 0;
  return grown;
}

/* Grows @buckets (@mapped as grow_buckets () takes it, @n kept) to room
 * for all @most buckets at once, if @most is not 0 and the address space
 * has it; else to @needed of them. Sets @alloc to the room taken. */
static gpointer
take_room (gpointer  buckets,
           gsize    *mapped,
           gsize     n,
           gsize     size,
           gsize     needed,
           gsize     most,
           gsize    *alloc)
{
  gpointer grown = most > 0 ? grow_buckets (buckets, mapped, n, most, size, TRUE) : NULL;

  if (grown != NULL)
    {
      *alloc = most;
      return grown;
    }
  grown = grow_buckets (buckets, mapped, n, needed, size, FALSE);
  if (grown == NULL)
    g_error ("%s: no memory for %" G_GSIZE_FORMAT " buckets", G_STRLOC, needed);
  *alloc = needed;
  return grown;
}

void
ll_history_view_free (LlHistoryView *view)
{
  if (view == NULL)
    return;

  free_buckets (view->events, view->events_mapped);
  free_buckets (view->samples, view->samples_mapped);
  free_buckets (view->coarse_events, view->coarse_events_mapped);
  free_buckets (view->coarse_samples, view->coarse_samples_mapped);
  g_free (view);
}

void
ll_history_view_clear (LlHistoryView *view)
{
  g_return_if_fail (view != NULL);

  free_buckets (view->events, view->events_mapped);
  free_buckets (view->samples, view->samples_mapped);
  free_buckets (view->coarse_events, view->coarse_events_mapped);
  free_buckets (view->coarse_samples, view->coarse_samples_mapped);
  memset (view, 0, sizeof *view);
  ll_event_times_init (&view->closed_times);
  ll_event_times_init (&view->event_times);
}

/* Copies buckets [@start, @n) of one stream; @start is where the view may
 * differ from the history: the open bucket may have grown since. */
static gsize
copy_start (gboolean same_history,
            guint64  view_generation,
            guint64  history_generation,
            gsize    view_n,
            gsize    history_n)
{
  if (!same_history || view_generation != history_generation || view_n == 0)
    return 0;

  return MIN (view_n - 1, history_n);
}

/* The coarse level from fine bucket @start on (what changed), out of
 * the lock: groups of LL_HISTORY_COARSE, the last one open. */
static void
update_coarse_events (LlHistoryView *view,
                      gsize          start)
{
  gsize n = (view->n_events + LL_HISTORY_COARSE - 1) / LL_HISTORY_COARSE;

  if (n > view->coarse_events_alloc)
    {
      gsize alloc = MAX (n, view->events_alloc / LL_HISTORY_COARSE + 1);

      /* (taken the way the fine buckets took theirs, if it can be) */
      view->coarse_events = take_room (view->coarse_events, &view->coarse_events_mapped,
                                       view->n_coarse_events, sizeof *view->coarse_events,
                                       alloc, view->events_mapped > 0 ? alloc : 0,
                                       &view->coarse_events_alloc);
    }
  for (gsize c = start / LL_HISTORY_COARSE; c < n; c++)
    {
      gsize from = c * LL_HISTORY_COARSE;
      gsize to = MIN (from + LL_HISTORY_COARSE, view->n_events);
      LlEventBucket joined = view->events[from];

      for (gsize i = from + 1; i < to; i++)
        event_bucket_join (&joined, &view->events[i]);
      view->coarse_events[c] = joined;
    }
  view->n_coarse_events = n;
}

static void
update_coarse_samples (LlHistoryView *view,
                       gsize          start)
{
  gsize n = (view->n_samples + LL_HISTORY_COARSE - 1) / LL_HISTORY_COARSE;

  if (n > view->coarse_samples_alloc)
    {
      gsize alloc = MAX (n, view->samples_alloc / LL_HISTORY_COARSE + 1);

      view->coarse_samples = take_room (view->coarse_samples, &view->coarse_samples_mapped,
                                        view->n_coarse_samples, sizeof *view->coarse_samples,
                                        alloc, view->samples_mapped > 0 ? alloc : 0,
                                        &view->coarse_samples_alloc);
    }
  for (gsize c = start / LL_HISTORY_COARSE; c < n; c++)
    {
      gsize from = c * LL_HISTORY_COARSE;
      gsize to = MIN (from + LL_HISTORY_COARSE, view->n_samples);
      LlSampleBucket joined = view->samples[from];

      for (gsize i = from + 1; i < to; i++)
        sample_bucket_join (&joined, &view->samples[i]);
      view->coarse_samples[c] = joined;
    }
  view->n_coarse_samples = n;
}

/* The view's times from fine bucket @start on (what changed): the closed
 * groups' are added once, the open end's at each update. */
static void
update_event_times (LlHistoryView *view,
                    gsize          start)
{
  gsize n = view->n_events;
  gsize closed = n > 0 ? (n - 1) / LL_HISTORY_COARSE : 0;
  gsize whole = n / LL_HISTORY_COARSE;
  const LlEvent *first = n > 0 ? &view->events[0].first : NULL;
  LlEventTimes times;

  if (start < view->n_closed_groups * LL_HISTORY_COARSE)
    {
      ll_event_times_init (&view->closed_times);
      view->n_closed_groups = 0;
    }
  for (gsize c = view->n_closed_groups; c < closed; c++)
    ll_event_times_add (&view->closed_times, &view->coarse_events[c], first);
  view->n_closed_groups = closed;

  times = view->closed_times;
  for (gsize c = closed; c < whole; c++)
    ll_event_times_add (&times, &view->coarse_events[c], first);
  for (gsize i = whole * LL_HISTORY_COARSE; i < n; i++)
    ll_event_times_add (&times, &view->events[i], first);
  view->event_times = times;
}

gboolean
ll_history_view_update (LlHistoryView *view,
                        LlHistory     *history)
{
  gboolean same_history;
  gsize start, events_start, samples_start;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (history != NULL, FALSE);

  same_history = view->history_id == history->id;

  /* The common case at every frame: nothing new, and no lock taken. */
  if (same_history && g_atomic_int_get (&history->stamp) == view->stamp)
    return FALSE;

  g_mutex_lock (&history->mutex);

  /* Never allocate under the lock: grow and look again, as the writers
   * may have moved on meanwhile. A view takes room for all the history
   * can hold at once, not in doublings: its memory is touched as buckets
   * arrive, and no frame copies the whole history into new pages. */
  while (view->events_alloc < history->n_events || view->samples_alloc < history->n_samples)
    {
      gsize events_alloc = MAX (view->events_alloc, history->events_alloc);
      gsize samples_alloc = MAX (view->samples_alloc, history->samples_alloc);
      gsize most = history->max_buckets;

      g_mutex_unlock (&history->mutex);

      /* All at once if the address space allows; else what is needed. */
      if (events_alloc > view->events_alloc)
        view->events = take_room (view->events, &view->events_mapped, view->n_events,
                                  sizeof *view->events, events_alloc,
                                  most > events_alloc ? most : 0, &view->events_alloc);
      if (samples_alloc > view->samples_alloc)
        view->samples = take_room (view->samples, &view->samples_mapped, view->n_samples,
                                   sizeof *view->samples, samples_alloc,
                                   most > samples_alloc ? most : 0, &view->samples_alloc);

      g_mutex_lock (&history->mutex);
    }

  if (same_history && history->stamp == view->stamp)
    {
      g_mutex_unlock (&history->mutex);
      return FALSE;
    }

  start = events_start = copy_start (same_history, view->events_generation, history->events_generation,
                                     view->n_events, history->n_events);
  if (history->n_events > start)
    memcpy (view->events + start, history->events + start,
            (history->n_events - start) * sizeof *view->events);
  view->n_events = history->n_events;
  view->events_generation = history->events_generation;

  start = samples_start = copy_start (same_history, view->samples_generation, history->samples_generation,
                                      view->n_samples, history->n_samples);
  if (history->n_samples > start)
    memcpy (view->samples + start, history->samples + start,
            (history->n_samples - start) * sizeof *view->samples);
  view->n_samples = history->n_samples;
  view->samples_generation = history->samples_generation;

  view->counters = history->counters;
  view->stamp = history->stamp;
  view->history_id = history->id;

  g_mutex_unlock (&history->mutex);

  update_coarse_events (view, events_start);
  update_coarse_samples (view, samples_start);
  update_event_times (view, events_start);

  return TRUE;
}

const LlEventBucket *
ll_history_view_get_events (const LlHistoryView *view,
                            gsize               *n_buckets)
{
  g_return_val_if_fail (view != NULL, NULL);

  if (n_buckets != NULL)
    *n_buckets = view->n_events;

  return view->events;
}

const LlSampleBucket *
ll_history_view_get_samples (const LlHistoryView *view,
                             gsize               *n_buckets)
{
  g_return_val_if_fail (view != NULL, NULL);

  if (n_buckets != NULL)
    *n_buckets = view->n_samples;

  return view->samples;
}

const LlEventBucket *
ll_history_view_get_coarse_events (const LlHistoryView *view,
                                   gsize               *n_buckets)
{
  g_return_val_if_fail (view != NULL, NULL);

  if (n_buckets != NULL)
    *n_buckets = view->n_coarse_events;

  return view->coarse_events;
}

const LlSampleBucket *
ll_history_view_get_coarse_samples (const LlHistoryView *view,
                                    gsize               *n_buckets)
{
  g_return_val_if_fail (view != NULL, NULL);

  if (n_buckets != NULL)
    *n_buckets = view->n_coarse_samples;

  return view->coarse_samples;
}

const LlEventTimes *
ll_history_view_get_event_times (const LlHistoryView *view)
{
  g_return_val_if_fail (view != NULL, NULL);

  return &view->event_times;
}

const LlHistoryCounters *
ll_history_view_get_counters (const LlHistoryView *view)
{
  g_return_val_if_fail (view != NULL, NULL);

  return &view->counters;
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
