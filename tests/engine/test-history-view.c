/* test-history-view.c — a reader's copy of the history: brought up to date
 * with what is new, while writers push, in the room it takes, with its times
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history-view/incremental", test_history_view_incremental);
  g_test_add_func ("/history-view/concurrency", test_history_concurrency);
  g_test_add_func ("/history-view/room", test_history_view_room);
  g_test_add_func ("/history-view/event-times", test_event_times);

  return g_test_run ();
}
