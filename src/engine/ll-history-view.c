/* ll-history-view.c — a reader's own copy of a history, brought up to date
 * with only what is new
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/mman.h>

#include "ll-history-private.h"
#include "ll-history-view.h"

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
        ll_event_bucket_join (&joined, &view->events[i]);
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
        ll_sample_bucket_join (&joined, &view->samples[i]);
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
