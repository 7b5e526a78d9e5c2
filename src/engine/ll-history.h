/* ll-history.h — what a run did, in bounded memory, readable while it runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One reallocation, in the events CSV's column order. */
typedef struct
{
  guint64  length;           /* list length after the append that caused it */
  guint64  old_capacity;
  guint64  new_capacity;
  guint64  old_bytes;        /* container bytes, sys.getsizeof-style */
  guint64  new_bytes;
  guint64  bytes_added;      /* new_bytes - old_bytes */
  gboolean moved;
  guint64  bytes_copied;     /* what the growth mechanism really copied */
  guint64  realloc_ns;       /* how long the growth call took */
  guint64  elapsed_ns;       /* since the run started */
  guint64  available_bytes;  /* free memory last sampled (see LlSample) */
} LlEvent;

/* One memory sample, in the samples CSV's column order. */
typedef struct
{
  guint64 elapsed_ns;
  guint64 length;
  guint64 capacity;
  guint64 container_bytes;
  guint64 objects_bytes;
  guint64 rss_bytes;
  guint64 available_bytes;  /* MemAvailable, or what a container's memory
                             * limit leaves when that is less */
} LlSample;

/* @count consecutive events summarised; with @count == 1, @first is the
 * event itself (and equals @last). No extreme is ever lost: min/max keep
 * what a chart must not hide. */
typedef struct
{
  LlEvent first;
  LlEvent last;
  guint64 count;
  guint64 n_moved;          /* events whose block moved */
  guint64 n_copied;         /* events that copied bytes (bytes_copied > 0) */
  guint64 min_bytes_added;
  guint64 max_bytes_added;
  guint64 min_realloc_ns;
  guint64 max_realloc_ns;
  guint64 realloc_ns;       /* all of the bucket's growth calls together */
} LlEventBucket;

/* What a growth did to the block: it grew where it was, moved without its
 * bytes being copied (mremap ()), or was copied to a new place. */
typedef enum
{
  LL_OUTCOME_GREW_IN_PLACE,
  LL_OUTCOME_MOVED,
  LL_OUTCOME_COPIED,
  LL_N_OUTCOMES
} LlOutcome;

/* A reallocation's outcome; a bucket's is what most of its reallocations
 * did, copies first, then moves. */
LlOutcome ll_event_get_outcome        (const LlEvent       *event);
LlOutcome ll_event_bucket_get_outcome (const LlEventBucket *bucket);

/* The run's time per append from its first reallocation @first up to
 * @event, in nanoseconds; 0 when unknown. Counting from the first
 * reallocation leaves out building the initial list (list(range(n))).
 * Inline: charts read it for every bucket they draw. */
static inline double
ll_event_ns_per_append (const LlEvent *event,
                        const LlEvent *first)
{
  if (first == NULL || event->length <= first->length || event->elapsed_ns < first->elapsed_ns)
    return 0.0;
  return (double) (event->elapsed_ns - first->elapsed_ns) / (double) (event->length - first->length);
}

/* What a time axis spans over some of a run's buckets: how long their
 * reallocations took, and the time per append at each bucket's first and
 * last event. */
typedef struct
{
  double shortest;  /* the least above 0 ns; G_MAXDOUBLE: none */
  double longest;   /* the most; 0: none above 0 */
} LlEventTimes;

void      ll_event_times_init         (LlEventTimes        *times);
/* Adds @bucket's times; @first is the run's first reallocation. The
 * result does not depend on the order buckets are added in. */
void      ll_event_times_add          (LlEventTimes        *times,
                                       const LlEventBucket *bucket,
                                       const LlEvent       *first);

typedef struct
{
  LlSample first;
  LlSample last;
  guint64  count;
  guint64  min_available_bytes;
  guint64  max_available_bytes;
  guint64  min_rss_bytes;
  guint64  max_rss_bytes;
} LlSampleBucket;

/* Exact whatever the number of events. */
typedef struct
{
  guint64 n_events;
  guint64 n_moved;
  guint64 bytes_copied;
  guint64 total_realloc_ns;
  LlEvent slowest;       /* valid when n_events > 0 */
  LlEvent last_event;    /* valid when n_events > 0 */
  guint64 n_samples;
  LlSample first_sample; /* valid when n_samples > 0 */
  LlSample last_sample;  /* valid when n_samples > 0 */
  /* Where the list started (list(range(n)) holds n elements in a block of
   * its own size before the first append) and where it is now: the latest
   * event or sample past the end moves it on. */
  guint64 start_length;
  guint64 start_capacity;
  guint64 end_length;
  guint64 end_capacity;
  /* What comparing runs needs, exact over every event: the slot blocks
   * asked for (container bytes past the header), the most held at once by
   * a growth (its new block, and the old one while it is copied) and the
   * length then, and Σ (capacity − length) / capacity over every append
   * up to the last event. */
  guint64 blocks_allocated;
  guint64 peak_blocks;
  guint64 peak_length;
  double  slack_sum;
} LlHistoryCounters;

/* Σ (capacity − l) / capacity for the lengths l from @from to @to: the
 * slack those appends add to LlHistoryCounters.slack_sum. */
double                   ll_history_slack_between  (guint64          capacity,
                                                    guint64          from,
                                                    guint64          to);

typedef struct _LlHistory     LlHistory;
typedef struct _LlHistoryView LlHistoryView;

#define LL_HISTORY_DEFAULT_BUCKETS 65536

/* Keeps every event/sample until @max_buckets of them (0: the default),
 * then halves its resolution by merging neighbours, as often as needed:
 * memory stays under about @max_buckets * sizeof (LlEventBucket). */
LlHistory               *ll_history_new            (guint            max_buckets);
LlHistory               *ll_history_ref            (LlHistory       *history);
void                     ll_history_unref          (LlHistory       *history);

/* Writer side (one writer per stream; events and samples may come from
 * different threads). Takes a short lock; callers batch. */
void                     ll_history_push_events    (LlHistory       *history,
                                                    const LlEvent   *events,
                                                    gsize            n_events);
void                     ll_history_push_samples   (LlHistory       *history,
                                                    const LlSample  *samples,
                                                    gsize            n_samples);
/* The list before the first append (the initial list), and after the
 * latest one: its length and capacity. The start also sets the end. */
void                     ll_history_set_start      (LlHistory       *history,
                                                    guint64          length,
                                                    guint64          capacity);
void                     ll_history_set_end        (LlHistory       *history,
                                                    guint64          length,
                                                    guint64          capacity);
void                     ll_history_get_counters   (LlHistory       *history,
                                                    LlHistoryCounters *counters);
/* TRUE when every event is still stored individually. */
gboolean                 ll_history_is_exact       (LlHistory       *history);
/* The container's header (LL_LIST_HEADER_BYTES unless said): the block
 * the comparison figures count is the container without it. Set before
 * the first event. */
void                     ll_history_set_header_bytes (LlHistory     *history,
                                                      guint          header_bytes);
/* How many events (samples) each bucket holds: 1 while exact, then 2, 4…
 * (the last bucket holds 1…that many). */
guint64                  ll_history_get_event_width  (LlHistory     *history);
guint64                  ll_history_get_sample_width (LlHistory     *history);

/* A finished history as it was saved (ll-run-file.c): the buckets, each
 * stream's width (as above) and the counters, which were exact over every
 * event. The caller has checked that they are consistent. */
LlHistory               *ll_history_new_restored   (const LlEventBucket     *events,
                                                    gsize                    n_events,
                                                    guint64                  events_width,
                                                    const LlSampleBucket    *samples,
                                                    gsize                    n_samples,
                                                    guint64                  samples_width,
                                                    const LlHistoryCounters *counters);

/* Whether the reallocations were timed one by one: not in a simulation,
 * nor in an interpreter's run (it sees sizes, not the allocator); TRUE
 * while there are none yet. */
gboolean                 ll_history_counters_timed    (const LlHistoryCounters *counters);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlHistory, ll_history_unref)

G_END_DECLS
