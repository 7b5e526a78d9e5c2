/* test-history.c — the run history: exact counters, bounded buckets, views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "ll-history.h"
#include "ll-mem.h"

/* Events and samples are pure functions of their index, so any bucket can be
 * checked against a recomputation of the range it summarises. */
static guint64
mix (guint64 x)
{
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

#define MIN_ADDED_AT   4321987
#define MAX_ADDED_AT   9999998
#define SLOWEST_AT     2500001
#define SLOWEST_TOO_AT 2501001  /* same batch of 4096, same bucket */

static void
make_event (guint64  i,
            LlEvent *e)
{
  guint64 r = mix (i);

  memset (e, 0, sizeof *e);
  e->length = i + 1;
  e->old_capacity = i;
  e->new_capacity = i + 1 + (r & 7);
  e->old_bytes = 56 + 8 * e->old_capacity;
  e->new_bytes = 56 + 8 * e->new_capacity;
  e->bytes_added = 100 + (r >> 8) % 100000;
  e->moved = (r >> 40) & 1;
  e->bytes_copied = e->moved ? (r >> 20) % 65536 : 0;
  e->realloc_ns = (r >> 32) % 1000000;
  e->elapsed_ns = i * 37;
  e->available_bytes = (G_GUINT64_CONSTANT (16) << 30) - i * 4096;

  /* Unique extremes at known places. */
  if (i == MIN_ADDED_AT)
    e->bytes_added = 3;
  if (i == MAX_ADDED_AT)
    e->bytes_added = G_GUINT64_CONSTANT (1) << 40;
  /* Two equally slow events: the first one is "the slowest". */
  if (i == SLOWEST_AT || i == SLOWEST_TOO_AT)
    e->realloc_ns = 5000000000u;
}

static void
make_sample (guint64   i,
             LlSample *s)
{
  guint64 r = mix (i ^ 0xabcdef);

  memset (s, 0, sizeof *s);
  s->elapsed_ns = i * 50000000;
  s->length = i * 1000;
  s->capacity = i * 1100;
  s->container_bytes = 56 + 8 * s->capacity;
  s->objects_bytes = 32 * s->length;
  s->rss_bytes = (G_GUINT64_CONSTANT (1) << 30) + (r % 100000) * 4096;
  s->available_bytes = (G_GUINT64_CONSTANT (20) << 30) - (r >> 20) % (1u << 30);
}

static gboolean
event_equal (const LlEvent *a,
             const LlEvent *b)
{
  return a->length == b->length &&
         a->old_capacity == b->old_capacity &&
         a->new_capacity == b->new_capacity &&
         a->old_bytes == b->old_bytes &&
         a->new_bytes == b->new_bytes &&
         a->bytes_added == b->bytes_added &&
         a->moved == b->moved &&
         a->bytes_copied == b->bytes_copied &&
         a->realloc_ns == b->realloc_ns &&
         a->elapsed_ns == b->elapsed_ns &&
         a->available_bytes == b->available_bytes;
}

static gboolean
sample_equal (const LlSample *a,
              const LlSample *b)
{
  return a->elapsed_ns == b->elapsed_ns &&
         a->length == b->length &&
         a->capacity == b->capacity &&
         a->container_bytes == b->container_bytes &&
         a->objects_bytes == b->objects_bytes &&
         a->rss_bytes == b->rss_bytes &&
         a->available_bytes == b->available_bytes;
}

static gboolean
event_bucket_equal (const LlEventBucket *a,
                    const LlEventBucket *b)
{
  return event_equal (&a->first, &b->first) &&
         event_equal (&a->last, &b->last) &&
         a->count == b->count &&
         a->n_moved == b->n_moved &&
         a->n_copied == b->n_copied &&
         a->min_bytes_added == b->min_bytes_added &&
         a->max_bytes_added == b->max_bytes_added &&
         a->min_realloc_ns == b->min_realloc_ns &&
         a->max_realloc_ns == b->max_realloc_ns &&
         a->realloc_ns == b->realloc_ns;
}

static gboolean
sample_bucket_equal (const LlSampleBucket *a,
                     const LlSampleBucket *b)
{
  return sample_equal (&a->first, &b->first) &&
         sample_equal (&a->last, &b->last) &&
         a->count == b->count &&
         a->min_available_bytes == b->min_available_bytes &&
         a->max_available_bytes == b->max_available_bytes &&
         a->min_rss_bytes == b->min_rss_bytes &&
         a->max_rss_bytes == b->max_rss_bytes;
}

static gboolean
counters_equal (const LlHistoryCounters *a,
                const LlHistoryCounters *b)
{
  if (a->n_events != b->n_events || a->n_moved != b->n_moved ||
      a->bytes_copied != b->bytes_copied || a->total_realloc_ns != b->total_realloc_ns ||
      a->n_samples != b->n_samples)
    return FALSE;

  if (a->n_events > 0 &&
      (!event_equal (&a->slowest, &b->slowest) || !event_equal (&a->last_event, &b->last_event)))
    return FALSE;

  if (a->n_samples > 0 &&
      (!sample_equal (&a->first_sample, &b->first_sample) ||
       !sample_equal (&a->last_sample, &b->last_sample)))
    return FALSE;

  return TRUE;
}

static void
assert_views_equal (const LlHistoryView *a,
                    const LlHistoryView *b)
{
  const LlEventBucket *ea, *eb;
  const LlSampleBucket *sa, *sb;
  gsize na, nb, i;

  ea = ll_history_view_get_events (a, &na);
  eb = ll_history_view_get_events (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (i = 0; i < na; i++)
    g_assert_true (event_bucket_equal (&ea[i], &eb[i]));

  sa = ll_history_view_get_samples (a, &na);
  sb = ll_history_view_get_samples (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (i = 0; i < na; i++)
    g_assert_true (sample_bucket_equal (&sa[i], &sb[i]));

  g_assert_true (counters_equal (ll_history_view_get_counters (a),
                                 ll_history_view_get_counters (b)));

  /* The joined buckets too, however the views came to be. */
  ea = ll_history_view_get_coarse_events (a, &na);
  eb = ll_history_view_get_coarse_events (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (i = 0; i < na; i++)
    g_assert_true (event_bucket_equal (&ea[i], &eb[i]));
  sa = ll_history_view_get_coarse_samples (a, &na);
  sb = ll_history_view_get_coarse_samples (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (i = 0; i < na; i++)
    g_assert_true (sample_bucket_equal (&sa[i], &sb[i]));
}

/* Each joined bucket holds its LL_HISTORY_COARSE buckets' first and last,
 * their counts summed and their extremes. */
static void
assert_coarse_joins (const LlHistoryView *view)
{
  gsize n, n_coarse;
  const LlEventBucket *fine = ll_history_view_get_events (view, &n);
  const LlEventBucket *coarse = ll_history_view_get_coarse_events (view, &n_coarse);
  const LlSampleBucket *fine_s;
  const LlSampleBucket *coarse_s;

  g_assert_cmpuint (n_coarse, ==, (n + LL_HISTORY_COARSE - 1) / LL_HISTORY_COARSE);
  for (gsize c = 0; c < n_coarse; c++)
    {
      gsize from = c * LL_HISTORY_COARSE, to = MIN (from + LL_HISTORY_COARSE, n);
      guint64 count = 0, moved = 0, max_added = 0, min_ns = G_MAXUINT64, ns = 0;

      for (gsize i = from; i < to; i++)
        {
          count += fine[i].count;
          moved += fine[i].n_moved;
          max_added = MAX (max_added, fine[i].max_bytes_added);
          min_ns = MIN (min_ns, fine[i].min_realloc_ns);
          ns += fine[i].realloc_ns;
        }
      g_assert_true (memcmp (&coarse[c].first, &fine[from].first, sizeof (LlEvent)) == 0);
      g_assert_true (memcmp (&coarse[c].last, &fine[to - 1].last, sizeof (LlEvent)) == 0);
      g_assert_cmpuint (coarse[c].count, ==, count);
      g_assert_cmpuint (coarse[c].n_moved, ==, moved);
      g_assert_cmpuint (coarse[c].max_bytes_added, ==, max_added);
      g_assert_cmpuint (coarse[c].min_realloc_ns, ==, min_ns);
      g_assert_cmpuint (coarse[c].realloc_ns, ==, ns);
    }

  fine_s = ll_history_view_get_samples (view, &n);
  coarse_s = ll_history_view_get_coarse_samples (view, &n_coarse);
  g_assert_cmpuint (n_coarse, ==, (n + LL_HISTORY_COARSE - 1) / LL_HISTORY_COARSE);
  for (gsize c = 0; c < n_coarse; c++)
    {
      gsize from = c * LL_HISTORY_COARSE, to = MIN (from + LL_HISTORY_COARSE, n);
      guint64 count = 0, min_available = G_MAXUINT64;

      for (gsize i = from; i < to; i++)
        {
          count += fine_s[i].count;
          min_available = MIN (min_available, fine_s[i].min_available_bytes);
        }
      g_assert_cmpuint (coarse_s[c].count, ==, count);
      g_assert_cmpuint (coarse_s[c].min_available_bytes, ==, min_available);
      g_assert_cmpuint (coarse_s[c].last.elapsed_ns, ==, fine_s[to - 1].last.elapsed_ns);
    }
}

/* Pushes events [from, to) in batches of @batch. */
static void
push_event_range (LlHistory *history,
                  guint64    from,
                  guint64    to,
                  gsize      batch)
{
  g_autofree LlEvent *events = g_new (LlEvent, batch);

  while (from < to)
    {
      gsize n = MIN (batch, to - from);
      gsize i;

      for (i = 0; i < n; i++)
        make_event (from + i, &events[i]);
      ll_history_push_events (history, events, n);
      from += n;
    }
}

static void
push_sample_range (LlHistory *history,
                   guint64    from,
                   guint64    to,
                   gsize      batch)
{
  g_autofree LlSample *samples = g_new (LlSample, batch);

  while (from < to)
    {
      gsize n = MIN (batch, to - from);
      gsize i;

      for (i = 0; i < n; i++)
        make_sample (from + i, &samples[i]);
      ll_history_push_samples (history, samples, n);
      from += n;
    }
}

static void
test_history_empty (void)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  LlHistoryCounters counters;
  gsize n = 99;

  ll_history_get_counters (history, &counters);
  g_assert_cmpuint (counters.n_events, ==, 0);
  g_assert_cmpuint (counters.n_samples, ==, 0);
  g_assert_cmpuint (counters.n_moved, ==, 0);
  g_assert_cmpuint (counters.bytes_copied, ==, 0);
  g_assert_true (ll_history_is_exact (history));

  ll_history_push_events (history, NULL, 0);
  ll_history_push_samples (history, NULL, 0);

  ll_history_view_get_events (view, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (ll_history_view_get_counters (view)->n_events, ==, 0);

  /* Attaching to a history is a change; then nothing is new. */
  g_assert_true (ll_history_view_update (view, history));
  g_assert_false (ll_history_view_update (view, history));
  ll_history_view_get_events (view, &n);
  g_assert_cmpuint (n, ==, 0);
  ll_history_view_get_samples (view, &n);
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (ll_history_ref (history) == history);
  ll_history_unref (history);
}

static void
test_history_counters_exact (void)
{
  static const gsize batches[] = { 1, 7, 4096, 333, 100000, 2 };
  const guint64 n_total = 3000000;
  g_autoptr(LlHistory) history = ll_history_new (0);
  LlHistoryCounters counters;
  LlEvent expected_slowest = { 0 };
  LlEvent expected_last = { 0 };
  LlSample expected_first, expected_last_sample;
  guint64 n_moved = 0, bytes_copied = 0, realloc_ns = 0;
  guint64 i = 0;
  guint b = 0;

  while (i < n_total)
    {
      gsize n = MIN (batches[b++ % G_N_ELEMENTS (batches)], n_total - i);

      push_event_range (history, i, i + n, n);
      i += n;
    }

  for (i = 0; i < n_total; i++)
    {
      LlEvent e;

      make_event (i, &e);
      n_moved += e.moved;
      bytes_copied += e.bytes_copied;
      realloc_ns += e.realloc_ns;
      if (i == 0 || e.realloc_ns > expected_slowest.realloc_ns)
        expected_slowest = e;
      expected_last = e;
    }

  push_sample_range (history, 0, 12345, 17);
  make_sample (0, &expected_first);
  make_sample (12344, &expected_last_sample);

  ll_history_get_counters (history, &counters);
  g_assert_cmpuint (counters.n_events, ==, n_total);
  g_assert_cmpuint (counters.n_moved, ==, n_moved);
  g_assert_cmpuint (counters.bytes_copied, ==, bytes_copied);
  g_assert_cmpuint (counters.total_realloc_ns, ==, realloc_ns);
  g_assert_cmpuint (expected_slowest.length, ==, SLOWEST_AT + 1);
  g_assert_true (event_equal (&counters.slowest, &expected_slowest));
  g_assert_true (event_equal (&counters.last_event, &expected_last));
  g_assert_cmpuint (counters.n_samples, ==, 12345);
  g_assert_true (sample_equal (&counters.first_sample, &expected_first));
  g_assert_true (sample_equal (&counters.last_sample, &expected_last_sample));

  /* Three million events do not fit in the default 65536 buckets. */
  g_assert_false (ll_history_is_exact (history));
}

static void
test_history_exact_small (void)
{
  g_autoptr(LlHistory) history = ll_history_new (8);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  const LlEventBucket *buckets;
  gsize n, i;

  for (i = 0; i < 8; i++)
    push_event_range (history, i, i + 1, 1);

  g_assert_true (ll_history_is_exact (history));
  g_assert_true (ll_history_view_update (view, history));
  buckets = ll_history_view_get_events (view, &n);
  g_assert_cmpuint (n, ==, 8);
  for (i = 0; i < n; i++)
    {
      LlEvent e;

      make_event (i, &e);
      g_assert_cmpuint (buckets[i].count, ==, 1);
      g_assert_true (event_equal (&buckets[i].first, &e));
      g_assert_true (event_equal (&buckets[i].last, &e));
      g_assert_cmpuint (buckets[i].min_bytes_added, ==, e.bytes_added);
      g_assert_cmpuint (buckets[i].max_bytes_added, ==, e.bytes_added);
      g_assert_cmpuint (buckets[i].max_realloc_ns, ==, e.realloc_ns);
      g_assert_cmpuint (buckets[i].min_realloc_ns, ==, e.realloc_ns);
      g_assert_cmpuint (buckets[i].realloc_ns, ==, e.realloc_ns);
      g_assert_cmpuint (buckets[i].n_moved, ==, e.moved ? 1 : 0);
      g_assert_cmpuint (buckets[i].n_copied, ==, e.bytes_copied > 0 ? 1 : 0);
    }

  /* The ninth event merges pairs: [0 1] [2 3] [4 5] [6 7] [8]. */
  push_event_range (history, 8, 9, 1);
  g_assert_false (ll_history_is_exact (history));
  g_assert_true (ll_history_view_update (view, history));
  buckets = ll_history_view_get_events (view, &n);
  g_assert_cmpuint (n, ==, 5);
  for (i = 0; i < n; i++)
    {
      LlEvent a, b;

      make_event (2 * i, &a);
      make_event (MIN (2 * i + 1, 8), &b);
      g_assert_cmpuint (buckets[i].count, ==, i < 4 ? 2 : 1);
      g_assert_true (event_equal (&buckets[i].first, &a));
      g_assert_true (event_equal (&buckets[i].last, &b));
      g_assert_cmpuint (buckets[i].min_bytes_added, ==, MIN (a.bytes_added, b.bytes_added));
      g_assert_cmpuint (buckets[i].max_bytes_added, ==, MAX (a.bytes_added, b.bytes_added));
      g_assert_cmpuint (buckets[i].max_realloc_ns, ==, MAX (a.realloc_ns, b.realloc_ns));
      g_assert_cmpuint (buckets[i].min_realloc_ns, ==, MIN (a.realloc_ns, b.realloc_ns));
      g_assert_cmpuint (buckets[i].realloc_ns, ==,
                        i < 4 ? a.realloc_ns + b.realloc_ns : a.realloc_ns);
      g_assert_cmpuint (buckets[i].n_copied, ==,
                        i < 4 ? (guint64) ((a.bytes_copied > 0) + (b.bytes_copied > 0))
                              : (guint64) (a.bytes_copied > 0));
      g_assert_cmpuint (buckets[i].n_moved, ==,
                        i < 4 ? (guint64) (a.moved + b.moved) : (guint64) a.moved);
    }
}

static void
test_history_odd_cap (void)
{
  g_autoptr(LlHistory) history = ll_history_new (5);
  g_autoptr(LlHistory) tiny = ll_history_new (1);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  static const guint64 expected_first[] = { 0, 4, 8 };
  static const guint64 expected_count[] = { 4, 4, 3 };
  const LlEventBucket *buckets;
  const LlSampleBucket *samples;
  gsize n, i;

  /* 5 singles; merge to [0 1] [2 3] [4 …], the odd one left open at width
   * 2; fill to five pairs; merge again: [0..3] [4..7] [8 9 10]. */
  for (i = 0; i < 11; i++)
    push_event_range (history, i, i + 1, 1);

  ll_history_view_update (view, history);
  buckets = ll_history_view_get_events (view, &n);
  g_assert_cmpuint (n, ==, 3);
  for (i = 0; i < n; i++)
    {
      g_assert_cmpuint (buckets[i].first.length, ==, expected_first[i] + 1);
      g_assert_cmpuint (buckets[i].count, ==, expected_count[i]);
      g_assert_cmpuint (buckets[i].last.length, ==, expected_first[i] + expected_count[i]);
    }

  /* Samples the same way, in one batch. */
  push_sample_range (history, 0, 11, 11);
  ll_history_view_update (view, history);
  samples = ll_history_view_get_samples (view, &n);
  g_assert_cmpuint (n, ==, 3);
  for (i = 0; i < n; i++)
    {
      LlSample first, last;

      make_sample (expected_first[i], &first);
      make_sample (expected_first[i] + expected_count[i] - 1, &last);
      g_assert_cmpuint (samples[i].count, ==, expected_count[i]);
      g_assert_true (sample_equal (&samples[i].first, &first));
      g_assert_true (sample_equal (&samples[i].last, &last));
    }

  /* A cap below two still works (merging needs pairs). */
  push_event_range (tiny, 0, 5, 1);
  ll_history_view_update (view, tiny);
  buckets = ll_history_view_get_events (view, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (buckets[0].count + buckets[1].count, ==, 5);
  g_assert_cmpuint (buckets[0].first.length, ==, 1);
  g_assert_cmpuint (buckets[1].last.length, ==, 5);
}

/* Every bucket against a recomputation of the events it covers. */
static void
test_history_bounded (void)
{
  const guint64 n_total = 10000000;
  const guint64 width = 16384;  /* 1024 * 8192 < 10^7 <= 1024 * 16384 */
  g_autoptr(LlHistory) history = ll_history_new (1024);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  const LlEventBucket *buckets;
  guint64 sum = 0, global_min = G_MAXUINT64, global_max = 0;
  LlEvent first, last;
  gsize n, k;

  push_event_range (history, 0, n_total, 4096);
  g_assert_false (ll_history_is_exact (history));

  g_assert_true (ll_history_view_update (view, history));
  buckets = ll_history_view_get_events (view, &n);
  g_assert_cmpuint (n, <=, 1024);
  g_assert_cmpuint (n, ==, (n_total + width - 1) / width);

  for (k = 0; k < n; k++)
    {
      const LlEventBucket *b = &buckets[k];
      guint64 from = k * width;
      guint64 to = MIN (from + width, n_total);
      guint64 min_added = G_MAXUINT64, max_added = 0, max_ns = 0, moved = 0;
      guint64 min_ns = G_MAXUINT64, sum_ns = 0, copied = 0;
      guint64 i;

      /* Uniform resolution: all full but the open one. */
      g_assert_cmpuint (b->count, ==, to - from);
      g_assert_cmpuint (b->first.length, ==, from + 1);
      g_assert_cmpuint (b->last.length, ==, to);
      if (k > 0)
        g_assert_cmpuint (buckets[k - 1].last.length, <, b->first.length);

      for (i = from; i < to; i++)
        {
          LlEvent e;

          make_event (i, &e);
          min_added = MIN (min_added, e.bytes_added);
          max_added = MAX (max_added, e.bytes_added);
          max_ns = MAX (max_ns, e.realloc_ns);
          min_ns = MIN (min_ns, e.realloc_ns);
          sum_ns += e.realloc_ns;
          copied += e.bytes_copied > 0;
          moved += e.moved;
        }

      g_assert_cmpuint (b->min_bytes_added, ==, min_added);
      g_assert_cmpuint (b->max_bytes_added, ==, max_added);
      g_assert_cmpuint (b->max_realloc_ns, ==, max_ns);
      g_assert_cmpuint (b->min_realloc_ns, ==, min_ns);
      g_assert_cmpuint (b->realloc_ns, ==, sum_ns);
      g_assert_cmpuint (b->n_copied, ==, copied);
      g_assert_cmpuint (b->n_moved, ==, moved);

      sum += b->count;
      global_min = MIN (global_min, b->min_bytes_added);
      global_max = MAX (global_max, b->max_bytes_added);
    }

  g_assert_cmpuint (sum, ==, n_total);
  g_assert_cmpuint (global_min, ==, 3);
  g_assert_cmpuint (global_max, ==, G_GUINT64_CONSTANT (1) << 40);

  make_event (0, &first);
  make_event (n_total - 1, &last);
  g_assert_true (event_equal (&buckets[0].first, &first));
  g_assert_true (event_equal (&buckets[n - 1].last, &last));

  /* Of two equally slow events in one batch, the first is the slowest. */
  g_assert_cmpuint (ll_history_view_get_counters (view)->slowest.length, ==, SLOWEST_AT + 1);
  g_assert_cmpuint (ll_history_view_get_counters (view)->slowest.realloc_ns, ==, 5000000000u);
}

static void
test_history_samples_bounded (void)
{
  const guint64 n_total = 1000000;
  const guint64 width = 1024;  /* 1024 * 512 < 10^6 <= 1024 * 1024 */
  g_autoptr(LlHistory) history = ll_history_new (1024);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  const LlSampleBucket *buckets;
  guint64 sum = 0;
  gsize n, k;

  push_sample_range (history, 0, n_total, 50);
  /* Samples do not make the events inexact. */
  g_assert_true (ll_history_is_exact (history));

  ll_history_view_update (view, history);
  buckets = ll_history_view_get_samples (view, &n);
  g_assert_cmpuint (n, ==, (n_total + width - 1) / width);

  for (k = 0; k < n; k++)
    {
      const LlSampleBucket *b = &buckets[k];
      guint64 from = k * width;
      guint64 to = MIN (from + width, n_total);
      guint64 min_av = G_MAXUINT64, max_av = 0, min_rss = G_MAXUINT64, max_rss = 0;
      LlSample first, last;
      guint64 i;

      for (i = from; i < to; i++)
        {
          LlSample s;

          make_sample (i, &s);
          min_av = MIN (min_av, s.available_bytes);
          max_av = MAX (max_av, s.available_bytes);
          min_rss = MIN (min_rss, s.rss_bytes);
          max_rss = MAX (max_rss, s.rss_bytes);
        }

      make_sample (from, &first);
      make_sample (to - 1, &last);
      g_assert_cmpuint (b->count, ==, to - from);
      g_assert_true (sample_equal (&b->first, &first));
      g_assert_true (sample_equal (&b->last, &last));
      g_assert_cmpuint (b->min_available_bytes, ==, min_av);
      g_assert_cmpuint (b->max_available_bytes, ==, max_av);
      g_assert_cmpuint (b->min_rss_bytes, ==, min_rss);
      g_assert_cmpuint (b->max_rss_bytes, ==, max_rss);
      sum += b->count;
    }

  g_assert_cmpuint (sum, ==, n_total);
  g_assert_cmpuint (ll_history_view_get_counters (view)->n_samples, ==, n_total);
}

static void
test_history_view_incremental (void)
{
  g_autoptr(LlHistory) history = ll_history_new (64);
  g_autoptr(LlHistory) other = ll_history_new (16);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint64 n_events = 0, n_samples = 0;
  guint round;

  for (round = 0; round < 400; round++)
    {
      g_autoptr(LlHistoryView) fresh = ll_history_view_new ();
      guint64 more_events = g_rand_int_range (rand, 0, round < 200 ? 8 : 700);
      guint64 more_samples = g_rand_int_range (rand, 0, 5);

      push_event_range (history, n_events, n_events + more_events,
                        g_rand_int_range (rand, 1, 64));
      push_sample_range (history, n_samples, n_samples + more_samples, 3);
      n_events += more_events;
      n_samples += more_samples;

      /* Changed if and only if something was pushed (or on first use). */
      g_assert_cmpint (ll_history_view_update (view, history), ==,
                       round == 0 || more_events > 0 || more_samples > 0);
      g_assert_false (ll_history_view_update (view, history));

      g_assert_true (ll_history_view_update (fresh, history));
      assert_views_equal (view, fresh);
      assert_coarse_joins (view);
    }

  g_assert_cmpuint (ll_history_view_get_counters (view)->n_events, ==, n_events);
  g_assert_false (ll_history_is_exact (history));

  /* Moving a view to another history and back is a full copy each time. */
  push_event_range (other, 0, 1000, 10);
  push_sample_range (other, 0, 3, 3);
  {
    g_autoptr(LlHistoryView) fresh_other = ll_history_view_new ();
    g_autoptr(LlHistoryView) fresh = ll_history_view_new ();

    ll_history_view_update (fresh_other, other);
    ll_history_view_update (fresh, history);

    g_assert_true (ll_history_view_update (view, other));
    assert_views_equal (view, fresh_other);
    g_assert_true (ll_history_view_update (view, history));
    assert_views_equal (view, fresh);

    ll_history_view_clear (view);
    g_assert_cmpuint (ll_history_view_get_counters (view)->n_events, ==, 0);
    g_assert_true (ll_history_view_update (view, history));
    assert_views_equal (view, fresh);
  }
}

typedef struct
{
  LlHistory *history;
  guint64    n_events;
  guint64    n_samples;
  gint       writers_left;
} Concurrency;

static gpointer
event_writer (gpointer data)
{
  Concurrency *c = data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  guint64 i = 0;

  while (i < c->n_events)
    {
      guint64 n = MIN ((guint64) g_rand_int_range (rand, 1, 5000), c->n_events - i);

      push_event_range (c->history, i, i + n, n);
      i += n;
    }

  g_atomic_int_add (&c->writers_left, -1);

  return NULL;
}

static gpointer
sample_writer (gpointer data)
{
  Concurrency *c = data;
  guint64 i;

  for (i = 0; i < c->n_samples; i += 10)
    push_sample_range (c->history, i, MIN (i + 10, c->n_samples), 10);

  g_atomic_int_add (&c->writers_left, -1);

  return NULL;
}

/* What a reader may rely on at any moment: buckets and counters agree. */
static void
check_view_consistent (const LlHistoryView *view)
{
  const LlHistoryCounters *counters = ll_history_view_get_counters (view);
  const LlEventBucket *events;
  const LlSampleBucket *samples;
  guint64 sum = 0;
  gsize n, i;

  events = ll_history_view_get_events (view, &n);
  for (i = 0; i < n; i++)
    {
      g_assert_cmpuint (events[i].count, >, 0);
      g_assert_cmpuint (events[i].last.length - events[i].first.length + 1, ==, events[i].count);
      if (i + 1 < n)
        {
          g_assert_cmpuint (events[i].count, ==, events[0].count);
          g_assert_cmpuint (events[i].last.length + 1, ==, events[i + 1].first.length);
        }
      sum += events[i].count;
    }
  g_assert_cmpuint (sum, ==, counters->n_events);
  if (n > 0)
    {
      g_assert_cmpuint (events[0].first.length, ==, 1);
      g_assert_true (event_equal (&events[n - 1].last, &counters->last_event));
    }

  sum = 0;
  samples = ll_history_view_get_samples (view, &n);
  for (i = 0; i < n; i++)
    {
      if (i + 1 < n)
        g_assert_cmpuint (samples[i].last.elapsed_ns, <, samples[i + 1].first.elapsed_ns);
      sum += samples[i].count;
    }
  g_assert_cmpuint (sum, ==, counters->n_samples);
  if (n > 0)
    g_assert_true (sample_equal (&samples[n - 1].last, &counters->last_sample));
}

static void
test_history_concurrency (void)
{
  g_autoptr(LlHistory) history = ll_history_new (256);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(LlHistoryView) fresh = ll_history_view_new ();
  Concurrency c = { history, 2000000, 100000, 2 };
  GThread *threads[2];
  guint updates = 0, polls = 0;
  gboolean done;

  threads[0] = g_thread_new ("event-writer", event_writer, &c);
  threads[1] = g_thread_new ("sample-writer", sample_writer, &c);

  do
    {
      done = g_atomic_int_get (&c.writers_left) == 0;
      polls++;
      if (ll_history_view_update (view, history))
        {
          updates++;
          check_view_consistent (view);
        }
    }
  while (!done);

  g_thread_join (threads[0]);
  g_thread_join (threads[1]);

  /* The last update happened after both writers finished. */
  g_assert_false (ll_history_view_update (view, history));
  g_assert_true (ll_history_view_update (fresh, history));
  assert_views_equal (view, fresh);
  g_assert_cmpuint (ll_history_view_get_counters (view)->n_events, ==, c.n_events);
  g_assert_cmpuint (ll_history_view_get_counters (view)->n_samples, ==, c.n_samples);
  check_view_consistent (view);

  g_test_message ("%u of %u reader updates saw changes", updates, polls);
  g_assert_cmpuint (updates, >, 0);
}

/* A view takes room for all the history can hold (some 25 MB by default)
 * in mappings of its own: the heap does not grow by it, so the frames'
 * surfaces are not painted into its fresh pages, and all of it goes back
 * when the view is freed. The buckets read the same either way. */
static void
test_history_view_room (void)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(LlHistoryView) again = ll_history_view_new ();
  const LlEventBucket *events;
  gsize n;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
  struct mallinfo2 before, after;
#endif

  push_event_range (history, 0, 1000, 100);
  push_sample_range (history, 0, 1000, 100);

#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
  before = mallinfo2 ();
#endif
  g_assert_true (ll_history_view_update (view, history));
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
  after = mallinfo2 ();
  /* (under valgrind or a sanitizer, which have allocators of their own,
   * both read 0) */
  g_assert_cmpuint (after.arena + after.hblkhd, <, before.arena + before.hblkhd + 1024 * 1024);
#endif

  /* More buckets, in the room taken: the same as a view made afresh. */
  push_event_range (history, 1000, 5000, 1);
  push_sample_range (history, 1000, 3000, 1);
  g_assert_true (ll_history_view_update (view, history));
  g_assert_true (ll_history_view_update (again, history));
  assert_views_equal (view, again);
  events = ll_history_view_get_events (view, &n);
  g_assert_cmpuint (n, >, 100);
  g_assert_cmpuint (events[n - 1].last.length, ==, 4999 + 1);

  /* Cleared, and filled from another history of its own size. */
  ll_history_view_clear (view);
  g_assert_true (ll_history_view_update (view, history));
  assert_views_equal (view, again);
}

/* Like `simulate --policy fixed` to 10 GB: 3 x 10^8 events in batches of
 * 4096 (with -m perf; a thirtieth of that otherwise). Reported, not
 * asserted: timings depend on the machine. */
static void
test_history_push_speed (void)
{
  const guint64 n_total = g_test_perf () ? 300000000 : 10000000;
  const gsize batch = 4096;
  g_autoptr(LlHistory) history = NULL;
  g_autofree LlEvent *events = g_new (LlEvent, batch);
  LlHistoryCounters counters;
  guint64 rss_before, rss_after;
  gint64 pushing = 0;
  guint64 i;

  for (i = 0; i < batch; i++)
    make_event (i, &events[i]);

  rss_before = ll_mem_process_rss ();
  history = ll_history_new (0);

  for (i = 0; i < n_total; i += batch)
    {
      gint64 start;
      gsize j;

      for (j = 0; j < batch; j++)
        {
          events[j].length += batch;
          events[j].elapsed_ns += batch;
        }

      start = g_get_monotonic_time ();
      ll_history_push_events (history, events, batch);
      pushing += g_get_monotonic_time () - start;
    }

  rss_after = ll_mem_process_rss ();
  ll_history_get_counters (history, &counters);
  g_assert_cmpuint (counters.n_events, ==, (n_total + batch - 1) / batch * batch);

  g_test_message ("pushed %" G_GUINT64_FORMAT " events in %.3f s: %.2f ns per event; "
                  "history grew the RSS by %.1f MiB",
                  counters.n_events, pushing / 1e6, pushing * 1e3 / counters.n_events,
                  ((gint64) rss_after - (gint64) rss_before) / 1048576.0);
}

/* Where the list starts and ends: set by the writer, moved on by events
 * and samples past the end, never by a list being built or released. */
static void
test_history_extent (void)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  LlHistoryCounters c;
  LlEvent e = { 0 };
  LlSample s = { 0 };

  ll_history_get_counters (history, &c);
  g_assert_cmpuint (c.start_length, ==, 0);
  g_assert_cmpuint (c.end_capacity, ==, 0);

  ll_history_set_start (history, 20000000, 20000000);
  ll_history_view_update (view, history);
  c = *ll_history_view_get_counters (view);
  g_assert_cmpuint (c.start_length, ==, 20000000);
  g_assert_cmpuint (c.start_capacity, ==, 20000000);
  g_assert_cmpuint (c.end_length, ==, 20000000);
  g_assert_cmpuint (c.end_capacity, ==, 20000000);

  /* building the initial list */
  s.length = 1310720;
  s.capacity = 20000000;
  ll_history_push_samples (history, &s, 1);
  ll_history_get_counters (history, &c);
  g_assert_cmpuint (c.end_length, ==, 20000000);

  e.length = 20000001;
  e.old_capacity = 20000000;
  e.new_capacity = 22500004;
  ll_history_push_events (history, &e, 1);
  ll_history_get_counters (history, &c);
  g_assert_cmpuint (c.end_length, ==, 20000001);
  g_assert_cmpuint (c.end_capacity, ==, 22500004);

  s.length = 21000000;
  s.capacity = 22500004;
  ll_history_push_samples (history, &s, 1);
  ll_history_set_end (history, 21000123, 22500004);
  /* released: a sample of an empty list */
  s.length = s.capacity = 0;
  ll_history_push_samples (history, &s, 1);

  g_assert_true (ll_history_view_update (view, history));
  c = *ll_history_view_get_counters (view);
  g_assert_cmpuint (c.start_length, ==, 20000000);
  g_assert_cmpuint (c.end_length, ==, 21000123);
  g_assert_cmpuint (c.end_capacity, ==, 22500004);
  /* an unchanged end is no news for the view */
  ll_history_set_end (history, 21000123, 22500004);
  g_assert_false (ll_history_view_update (view, history));
}

/* Reallocations timed one by one, or not (a simulation, an interpreter). */
static void
test_counters_timed (void)
{
  LlHistoryCounters counters = { 0 };

  g_assert_true (ll_history_counters_timed (&counters));
  counters.n_events = 127;
  g_assert_false (ll_history_counters_timed (&counters));
  counters.total_realloc_ns = 1;
  g_assert_true (ll_history_counters_timed (&counters));
}

/* The slack of the appends between two growths, summed in closed form:
 * the same as adding each (capacity − l) / capacity in turn. */
static void
test_slack_between (void)
{
  double sum = 0.0;

  /* (10 − 1 + 10 − 2 + 10 − 3 + 10 − 4) / 10 */
  g_assert_cmpfloat_with_epsilon (ll_history_slack_between (10, 1, 4), 3.0, 1e-12);
  g_assert_cmpfloat (ll_history_slack_between (10, 5, 5), ==, 0.5);
  /* Nothing between, or no block. */
  g_assert_cmpfloat (ll_history_slack_between (10, 5, 4), ==, 0.0);
  g_assert_cmpfloat (ll_history_slack_between (0, 1, 4), ==, 0.0);

  for (guint64 l = 1001; l <= 1129; l++)
    sum += (1129.0 - (double) l) / 1129.0;
  g_assert_cmpfloat_with_epsilon (ll_history_slack_between (1129, 1001, 1129), sum, 1e-9);
}

/* One rule says what a growth did to the block, for the time chart, the
 * table, its sort and the readouts: a copy wins over a move, a bucket is
 * what most (or half) of its reallocations did. */
/* The times a chart of the whole run reads: every whole group's joined
 * bucket, then the buckets after the last whole group. */
static void
scan_event_times (const LlHistoryView *view,
                  LlEventTimes        *times)
{
  gsize n, n_coarse;
  const LlEventBucket *fine = ll_history_view_get_events (view, &n);
  const LlEventBucket *coarse = ll_history_view_get_coarse_events (view, &n_coarse);
  gsize whole = n / LL_HISTORY_COARSE;

  ll_event_times_init (times);
  for (gsize c = 0; c < whole; c++)
    ll_event_times_add (times, &coarse[c], &fine[0].first);
  for (gsize i = whole * LL_HISTORY_COARSE; i < n; i++)
    ll_event_times_add (times, &fine[i], &fine[0].first);
}

static void
assert_event_times (const LlHistoryView *view)
{
  const LlEventTimes *kept = ll_history_view_get_event_times (view);
  LlEventTimes scanned;

  scan_event_times (view, &scanned);
  g_assert_cmpfloat (kept->shortest, ==, scanned.shortest);
  g_assert_cmpfloat (kept->longest, ==, scanned.longest);
}

/* Event @i of a run that pauses for 100 s every @every events: its time
 * per append jumps, then falls as the appends go on. Some reallocations
 * are too quick to time, the others take longer than its first appends. */
static void
make_pausing_event (guint64  i,
                    guint64  every,
                    LlEvent *e)
{
  make_event (i, e);
  e->elapsed_ns = 1000 + i * i + (i / every) * G_GUINT64_CONSTANT (100000000000);
  e->realloc_ns = mix (i) % 5 == 0 ? 0 : 100000 + e->realloc_ns;
}

static void
test_event_times (void)
{
  LlEvent first = { .length = 1000, .elapsed_ns = 5000 };
  LlEvent e = { .length = 1100, .elapsed_ns = 8000 };
  LlEventBucket b = { 0 };
  LlEventTimes times;
  g_autoptr(LlHistory) history = ll_history_new (64);
  g_autoptr(LlHistory) other = ll_history_new (0);
  g_autoptr(LlHistory) small = ll_history_new (16);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  LlEvent batch[40];
  guint64 n_events = 0;

  /* The time per append counts from the first reallocation: 3000 ns over
   * 100 appends. Unknown before it, at it, or without it. */
  g_assert_cmpfloat (ll_event_ns_per_append (&e, &first), ==, 30.0);
  g_assert_cmpfloat (ll_event_ns_per_append (&e, NULL), ==, 0.0);
  g_assert_cmpfloat (ll_event_ns_per_append (&first, &first), ==, 0.0);
  e.elapsed_ns = 4000;
  g_assert_cmpfloat (ll_event_ns_per_append (&e, &first), ==, 0.0);
  e.elapsed_ns = 5100;
  g_assert_cmpfloat (ll_event_ns_per_append (&e, &first), ==, 1.0);

  /* Nothing yet: no shortest, no longest. */
  ll_event_times_init (&times);
  g_assert_cmpfloat (times.shortest, ==, G_MAXDOUBLE);
  g_assert_cmpfloat (times.longest, ==, 0.0);
  g_assert_cmpfloat (ll_history_view_get_event_times (view)->shortest, ==, G_MAXDOUBLE);
  g_assert_cmpfloat (ll_history_view_get_event_times (view)->longest, ==, 0.0);

  /* One reallocation is its own time; its bucket's extremes are not read. */
  b.first = b.last = first;
  b.first.realloc_ns = b.last.realloc_ns = 700;
  b.count = 1;
  b.min_realloc_ns = 1;
  b.max_realloc_ns = 1000000;
  ll_event_times_add (&times, &b, &first);
  g_assert_cmpfloat (times.shortest, ==, 700.0);
  g_assert_cmpfloat (times.longest, ==, 700.0);

  /* Several: their extremes, and the time per append at both ends; a
   * reallocation too quick to time is not the shortest. */
  b.count = 3;
  b.min_realloc_ns = 0;
  b.max_realloc_ns = 900;
  b.last = e;          /* 1 ns per append */
  ll_event_times_add (&times, &b, &first);
  g_assert_cmpfloat (times.shortest, ==, 1.0);
  g_assert_cmpfloat (times.longest, ==, 900.0);
  b.first = e;
  b.first.elapsed_ns = 5000 + 100 * 2000;  /* 2 µs per append */
  ll_event_times_add (&times, &b, &first);
  g_assert_cmpfloat (times.longest, ==, 2000.0);
  g_assert_cmpfloat (times.shortest, ==, 1.0);

  /* A view keeps them as buckets arrive, merge and reopen, whatever the
   * batches, and equal to reading every bucket. */
  for (guint round = 0; round < 300; round++)
    {
      guint n = g_rand_int_range (rand, 0, round < 100 ? 3 : G_N_ELEMENTS (batch));

      for (guint i = 0; i < n; i++)
        make_pausing_event (n_events + i, 997, &batch[i]);
      ll_history_push_events (history, batch, n);
      n_events += n;
      ll_history_view_update (view, history);
      assert_event_times (view);
      if (n_events > 0)
        g_assert_cmpfloat (ll_history_view_get_event_times (view)->longest, >, 0.0);
    }
  g_assert_false (ll_history_is_exact (history));
  /* The quickest is read where the first joined bucket ends: its last
   * event, 8 buckets of W events after the first, took (8W - 1)² ns. */
  g_assert_cmpuint (n_events, >, 2000);
  g_assert_cmpfloat (ll_history_view_get_event_times (view)->shortest, ==,
                     LL_HISTORY_COARSE * ll_history_get_event_width (history) - 1);

  /* One event at a time into 16 buckets. Once pairs are joined, event 30
   * opens the 16th bucket and ends the second group of 8; a pause there
   * is the longest time per append until event 31 joins the bucket. */
  for (guint64 i = 0; i < 3000; i++)
    {
      make_event (i, &batch[0]);
      batch[0].elapsed_ns = 1000 + i * i + (i >= 30 ? G_GUINT64_CONSTANT (100000000000) : 0);
      batch[0].realloc_ns = 0;
      ll_history_push_events (small, batch, 1);
      ll_history_view_update (view, small);
      assert_event_times (view);
    }

  /* Another history, then back, then nothing. */
  for (guint i = 0; i < 5; i++)
    make_pausing_event (i, 997, &batch[i]);
  ll_history_push_events (other, batch, 5);
  ll_history_view_update (view, other);
  assert_event_times (view);
  /* 1 ns from the first reallocation to the second, one append later */
  g_assert_cmpfloat (ll_history_view_get_event_times (view)->shortest, ==, 1.0);
  ll_history_view_update (view, history);
  assert_event_times (view);
  ll_history_view_clear (view);
  g_assert_cmpfloat (ll_history_view_get_event_times (view)->shortest, ==, G_MAXDOUBLE);
  g_assert_cmpfloat (ll_history_view_get_event_times (view)->longest, ==, 0.0);
  ll_history_view_update (view, history);
  assert_event_times (view);
}

static void
test_outcome (void)
{
  LlEvent e = { 0 };
  LlEventBucket b = { 0 };

  g_assert_cmpint (ll_event_get_outcome (&e), ==, LL_OUTCOME_GREW_IN_PLACE);
  e.moved = TRUE;
  g_assert_cmpint (ll_event_get_outcome (&e), ==, LL_OUTCOME_MOVED);
  e.bytes_copied = 8;
  g_assert_cmpint (ll_event_get_outcome (&e), ==, LL_OUTCOME_COPIED);

  /* one reallocation: its own */
  b.first = b.last = e;
  b.count = 1;
  g_assert_cmpint (ll_event_bucket_get_outcome (&b), ==, LL_OUTCOME_COPIED);
  b.count = 0;
  g_assert_cmpint (ll_event_bucket_get_outcome (&b), ==, LL_OUTCOME_COPIED);

  /* several: their counts, not the first one's */
  b.count = 10;
  b.n_moved = 4;
  b.n_copied = 4;
  g_assert_cmpint (ll_event_bucket_get_outcome (&b), ==, LL_OUTCOME_GREW_IN_PLACE);
  b.n_copied = 5;
  g_assert_cmpint (ll_event_bucket_get_outcome (&b), ==, LL_OUTCOME_COPIED);
  b.n_copied = 0;
  b.n_moved = 5;
  g_assert_cmpint (ll_event_bucket_get_outcome (&b), ==, LL_OUTCOME_MOVED);
  b.n_moved = 6;
  b.n_copied = 6;
  g_assert_cmpint (ll_event_bucket_get_outcome (&b), ==, LL_OUTCOME_COPIED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/empty", test_history_empty);
  g_test_add_func ("/history/counters-exact", test_history_counters_exact);
  g_test_add_func ("/history/extent", test_history_extent);
  g_test_add_func ("/history/exact-small", test_history_exact_small);
  g_test_add_func ("/history/odd-cap", test_history_odd_cap);
  g_test_add_func ("/history/bounded", test_history_bounded);
  g_test_add_func ("/history/samples-bounded", test_history_samples_bounded);
  g_test_add_func ("/history/view-incremental", test_history_view_incremental);
  g_test_add_func ("/history/concurrency", test_history_concurrency);
  g_test_add_func ("/history/view-room", test_history_view_room);
  g_test_add_func ("/history/push-speed", test_history_push_speed);
  g_test_add_func ("/history/counters-timed", test_counters_timed);
  g_test_add_func ("/history/outcome", test_outcome);
  g_test_add_func ("/history/event-times", test_event_times);
  g_test_add_func ("/history/slack-between", test_slack_between);

  return g_test_run ();
}
