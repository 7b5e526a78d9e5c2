/* test-history.c — the run history: exact counters, bounded buckets, merges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "history-test-util.h"
#include "ll-mem.h"

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
  g_test_add_func ("/history/push-speed", test_history_push_speed);
  g_test_add_func ("/history/counters-timed", test_counters_timed);
  g_test_add_func ("/history/outcome", test_outcome);
  g_test_add_func ("/history/slack-between", test_slack_between);

  return g_test_run ();
}
