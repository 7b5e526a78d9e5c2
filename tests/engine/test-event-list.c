/* test-event-list.c — the reallocations as a list model: rows, merges, sorting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ll-csv.h"
#include "ll-event-list.h"
#include "ll-output.h"

static void
make_event (guint64  i,
            LlEvent *e)
{
  memset (e, 0, sizeof *e);
  e->length = 10 * i + 1;
  e->old_capacity = 10 * i;
  e->new_capacity = 10 * i + 10;
  e->old_bytes = 56 + 8 * e->old_capacity;
  e->new_bytes = 56 + 8 * e->new_capacity;
  e->bytes_added = 80;
  e->moved = i % 3 == 0;
  e->bytes_copied = i % 6 == 0 ? e->old_bytes - 56 : 0;
  /* a time that is not in the run's order */
  e->realloc_ns = (i * 7919) % 1000 + 1;
  e->elapsed_ns = 100 * i;
  e->available_bytes = (8ull << 30) - 4096 * i;
}

static void
push (LlHistory *history,
      guint64    from,
      guint64    to)
{
  for (guint64 i = from; i < to; i++)
    {
      LlEvent e;

      make_event (i, &e);
      ll_history_push_events (history, &e, 1);
    }
}

typedef struct
{
  guint position, removed, added, calls;
  guint n_items;                /* what the list said it held, at the signal */
  guint previous_removed;       /* the signal before the last */
  guint previous_added;
  guint previous_n_items;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->previous_removed = change->removed;
  change->previous_added = change->added;
  change->previous_n_items = change->n_items;
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_items = g_list_model_get_n_items (model);
  change->calls++;
}

static LlEventRow *
row (LlEventList *list,
     guint        position)
{
  return g_list_model_get_item (G_LIST_MODEL (list), position);
}

/* Connected swapped: the count first. */
static void
count_signal (guint    *count,
              gpointer  instance)
{
  (*count)++;
}

/* A row held, and how often it said it changed. */
typedef struct
{
  LlEventRow *row;
  guint       changed;
} Held;

static void
hold (Held        *held,
      LlEventList *list,
      guint        position)
{
  held->row = row (list, position);
  held->changed = 0;
  g_signal_connect_swapped (held->row, "changed", G_CALLBACK (count_signal), &held->changed);
}

/* The rows are the events CSV's rows, in the run's order. */
static void
test_rows_are_the_events (void)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(LlEventList) list = ll_event_list_new ();
  g_autofree char *csv = NULL;
  g_autofree char *table = NULL;
  g_autofree guint *all = NULL;
  g_autoptr(GError) error = NULL;
  const LlEventBucket *buckets;
  gsize n;

  push (history, 0, 100);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == LL_TYPE_EVENT_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 100));
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(LlEventRow) r = row (list, i);
      LlEvent e;

      make_event (i, &e);
      g_assert_cmpmem (&ll_event_row_get_bucket (r)->first, sizeof e, &e, sizeof e);
      g_assert_cmpuint (ll_event_row_get_number (r), ==, i + 1);
      g_assert_false (ll_event_row_is_merged (r));
    }

  /* Copied as CSV, every row is the events file's row. */
  buckets = ll_history_view_get_events (view, &n);
  {
    g_autoptr(LlOutput) output = NULL;
    g_autofree char *dir = g_dir_make_tmp ("ll-event-list-XXXXXX", &error);
    g_autofree char *path = g_build_filename (dir, "events.csv", NULL);

    g_assert_no_error (error);
    output = ll_output_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (ll_csv_write_events (output, buckets, n, NULL, &error));
    g_assert_true (ll_output_commit (output, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &csv, NULL, &error));
    g_unlink (path);
    g_rmdir (dir);
  }
  all = g_new (guint, 100);
  for (guint i = 0; i < 100; i++)
    all[i] = i;
  table = ll_event_list_format_csv (list, all, 100);
  g_assert_true (g_str_has_prefix (csv, LL_EVENTS_CSV_HEADER "\n"));
  g_assert_cmpstr (csv + strlen (LL_EVENTS_CSV_HEADER "\n"), ==, table);
}

static void
test_appends_and_merges (void)
{
  g_autoptr(LlHistory) history = ll_history_new (8);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(LlEventList) list = ll_event_list_new ();
  g_autoptr(LlHistory) other = ll_history_new (8);
  Change change = { 0 };
  guint moved = 0;
  Held first, second, last;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);
  g_signal_connect_swapped (list, "rows-moved", G_CALLBACK (count_signal), &moved);

  push (history, 0, 5);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.added, ==, 5);

  /* Nothing new: nothing said. */
  ll_event_list_set_view (list, view);
  g_assert_cmpuint (change.calls, ==, 1);

  push (history, 5, 8);
  ll_history_view_update (view, history);
  hold (&first, list, 0);
  ll_event_list_set_view (list, view);
  g_assert_cmpuint (change.calls, ==, 2);
  /* added at the end; the rows before did not change */
  g_assert_cmpuint (change.position, ==, 5);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 3);
  g_assert_cmpuint (first.changed, ==, 0);
  g_assert_cmpuint (moved, ==, 0);

  /* The ninth event merges pairs: [0 1] [2 3] [4 5] [6 7] [8]. The rows
   * move: the rows handed out show what is at their place now, and say
   * so; the rows past the end go, said as removed there. GTK's views are
   * not told that every row was replaced (they would build every row they
   * show again, and look among every row for the ones they follow). */
  hold (&second, list, 1);
  hold (&last, list, 7);
  g_assert_cmpuint (ll_event_row_get_number (second.row), ==, 2);
  push (history, 8, 9);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);
  g_assert_cmpuint (moved, ==, 1);
  g_assert_cmpuint (change.calls, ==, 3);
  g_assert_cmpuint (change.position, ==, 5);
  g_assert_cmpuint (change.removed, ==, 3);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (change.n_items, ==, 5);
  g_assert_true (ll_event_row_is_merged (second.row));
  g_assert_cmpuint (ll_event_row_get_number (second.row), ==, 3);
  g_assert_cmpuint (ll_event_row_get_bucket (second.row)->count, ==, 2);
  g_assert_cmpuint (second.changed, ==, 1);
  g_assert_cmpuint (first.changed, ==, 1);  /* [0] became [0 1] */
  {
    g_autoptr(LlEventRow) r = row (list, 1);

    /* the same row, asked for again */
    g_assert_true (r == second.row);
  }
  /* The row past the end left the list: it keeps what it showed. */
  g_assert_cmpuint (last.changed, ==, 0);
  g_assert_cmpuint (ll_event_row_get_number (last.row), ==, 8);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 5));

  /* The tenth fills the last row, [8 9]: it says so, nothing moves. */
  g_clear_object (&last.row);
  hold (&last, list, 4);
  push (history, 9, 10);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);
  g_assert_cmpuint (change.calls, ==, 3);
  g_assert_cmpuint (moved, ==, 1);
  g_assert_cmpuint (last.changed, ==, 1);
  g_assert_cmpuint (second.changed, ==, 1);
  g_assert_cmpuint (ll_event_row_get_bucket (last.row)->count, ==, 2);
  g_assert_cmpuint (ll_event_row_get_bucket (last.row)->last.length, ==, 91);
  /* reallocation 4 is in the second row; there is no tenth */
  g_assert_cmpuint (ll_event_list_find_number (list, 4), ==, 1);
  g_assert_cmpuint (ll_event_list_find_number (list, 9), ==, 4);
  g_assert_cmpuint (ll_event_list_find_number (list, 10), ==, 4);
  g_assert_cmpuint (ll_event_list_find_number (list, 11), ==, G_MAXUINT);
  g_assert_cmpuint (ll_event_list_find_number (list, 0), ==, G_MAXUINT);
  {
    guint positions[] = { 1 };
    g_autofree char *csv = ll_event_list_format_csv (list, positions, 1);

    g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
    LlEvent e;
    char expected[256];

    /* a merged row's first and last reallocation, each a line */
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    make_event (2, &e);
    expected[ll_csv_format_event (expected, &e)] = '\0';
    g_assert_cmpstr (lines[0], ==, expected);
    make_event (3, &e);
    expected[ll_csv_format_event (expected, &e)] = '\0';
    g_assert_cmpstr (lines[1], ==, expected);
    g_assert_cmpstr (lines[2], ==, "");
  }

  /* Another run's history replaces every row, said as all removed (the
   * list empty meanwhile), then all added; the rows handed out leave. */
  push (other, 100, 106);
  ll_history_view_update (view, other);
  ll_event_list_set_view (list, view);
  g_assert_cmpuint (change.calls, ==, 5);
  g_assert_cmpuint (change.previous_removed, ==, 5);
  g_assert_cmpuint (change.previous_added, ==, 0);
  g_assert_cmpuint (change.previous_n_items, ==, 0);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 6);
  g_assert_cmpuint (change.n_items, ==, 6);
  g_assert_cmpuint (moved, ==, 1);
  g_assert_cmpuint (second.changed, ==, 1);
  g_assert_cmpuint (ll_event_row_get_number (second.row), ==, 3);
  {
    g_autoptr(LlEventRow) r = row (list, 1);

    g_assert_true (r != second.row);
    g_assert_cmpuint (ll_event_row_get_bucket (r)->first.length, ==, 1011);
  }

  /* A cleared view empties the list. */
  ll_event_list_set_view (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (change.removed, ==, 6);
  g_object_unref (first.row);
  g_object_unref (second.row);
  g_object_unref (last.row);
}

static void
assert_sorted (LlEventList *list,
               gboolean     descending)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint64 previous = descending ? G_MAXUINT64 : 0;
  guint64 previous_number = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlEventRow) r = row (list, i);
      guint64 ns = ll_event_row_get_bucket (r)->first.realloc_ns;

      if (descending)
        g_assert_cmpuint (ns, <=, previous);
      else
        g_assert_cmpuint (ns, >=, previous);
      /* equal times keep the run's order */
      if (ns == previous)
        g_assert_cmpuint (ll_event_row_get_number (r), >, previous_number);
      previous = ns;
      previous_number = ll_event_row_get_number (r);
      /* and the number finds its row again */
      g_assert_cmpuint (ll_event_list_find_number (list, ll_event_row_get_number (r)), ==, i);
    }
}

static void
wait_for_sort (LlEventList *list)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (ll_event_list_is_sorting (list) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ll_event_list_is_sorting (list));
}

/* One update that fills the last merged row and adds rows after it: the
 * new rows are numbered after all the filled row holds. An update with
 * nothing new tells no row it changed. */
static void
test_fill_and_append (void)
{
  g_autoptr(LlHistory) history = ll_history_new (8);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(LlEventList) list = ll_event_list_new ();
  Change change = { 0 };
  Held last;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);

  /* [0 1] [2 3] [4 5] [6 7] [8] */
  push (history, 0, 9);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);

  hold (&last, list, 4);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);
  g_assert_cmpuint (last.changed, ==, 0);

  /* [8 9] [10 11] [12], in one update */
  change.calls = 0;
  push (history, 9, 13);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 7);
  g_assert_cmpuint (change.position, ==, 5);
  g_assert_cmpuint (change.added, ==, 2);
  g_assert_cmpuint (last.changed, ==, 1);
  g_assert_cmpuint (ll_event_row_get_bucket (last.row)->count, ==, 2);
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(LlEventRow) r = row (list, i);

      g_assert_cmpuint (ll_event_row_get_number (r), ==, 2 * i + 1);
      g_assert_cmpuint (ll_event_list_get_number (list, i), ==, 2 * i + 1);
    }
  g_assert_cmpuint (ll_event_list_find_number (list, 11), ==, 5);
  g_assert_cmpuint (ll_event_list_find_number (list, 13), ==, 6);
  g_assert_cmpuint (ll_event_list_find_number (list, 14), ==, G_MAXUINT);
  g_object_unref (last.row);
}

static void
test_sort_small (void)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(LlEventList) list = ll_event_list_new ();
  Change change = { 0 };
  guint moved = 0;
  gboolean descending;
  Held top;

  push (history, 0, 1000);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);
  g_signal_connect_swapped (list, "rows-moved", G_CALLBACK (count_signal), &moved);
  hold (&top, list, 0);

  /* Sorted at once: the rows move, once (the rows in the run's order do
   * not move to themselves before); none is added or removed. The row
   * held at the top shows the slowest now, and said so. */
  ll_event_list_sort (list, LL_EVENT_KEY_TIME, TRUE);
  g_assert_false (ll_event_list_is_sorting (list));  /* short: at once */
  g_assert_cmpuint (moved, ==, 1);
  g_assert_cmpuint (change.calls, ==, 0);
  g_assert_cmpuint (top.changed, ==, 1);
  g_assert_cmpuint (ll_event_row_get_bucket (top.row)->first.realloc_ns, ==, 1000);
  g_assert_cmpint (ll_event_list_get_sort_key (list, &descending), ==, LL_EVENT_KEY_TIME);
  g_assert_true (descending);
  assert_sorted (list, TRUE);

  ll_event_list_sort (list, LL_EVENT_KEY_TIME, FALSE);
  g_assert_cmpuint (moved, ==, 2);
  assert_sorted (list, FALSE);
  g_assert_cmpuint (ll_event_row_get_bucket (top.row)->first.realloc_ns, ==, 1);

  /* Back to the run's order, and again: nothing moves the second time. */
  ll_event_list_sort (list, LL_EVENT_KEY_NUMBER, FALSE);
  g_assert_cmpuint (moved, ==, 3);
  g_assert_cmpuint (ll_event_row_get_number (top.row), ==, 1);
  ll_event_list_sort (list, LL_EVENT_KEY_NUMBER, FALSE);
  g_assert_cmpuint (moved, ==, 3);

  /* The run's order, newest first. */
  ll_event_list_sort (list, LL_EVENT_KEY_NUMBER, TRUE);
  g_assert_cmpuint (moved, ==, 4);
  g_assert_cmpuint (change.calls, ==, 0);
  g_assert_cmpuint (ll_event_row_get_number (top.row), ==, 1000);
  /* New rows come in at the top: the rows move, one more at the end. */
  push (history, 1000, 1001);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);
  g_assert_cmpuint (moved, ==, 5);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 1000);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpuint (ll_event_row_get_number (top.row), ==, 1001);
  g_object_unref (top.row);
  {
    g_autoptr(LlEventRow) first = row (list, 0);

    g_assert_cmpuint (ll_event_row_get_number (first), ==, 1001);
    g_assert_cmpuint (ll_event_list_find_number (list, 1001), ==, 0);
    g_assert_cmpuint (ll_event_list_find_number (list, 1), ==, 1000);
  }
}

/* A long run sorts on a worker; a newer sort wins over one in flight, and
 * rows the run adds meanwhile are sorted in again. */
static void
test_sort_worker (void)
{
  g_autoptr(LlHistory) history = ll_history_new (1 << 20);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(LlEventList) list = ll_event_list_new ();
  Change change = { 0 };
  guint moved = 0;
  guint n;

  push (history, 0, 200000);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);
  g_signal_connect_swapped (list, "rows-moved", G_CALLBACK (count_signal), &moved);

  /* The rows stay in the run's order meanwhile: nothing is said until the
   * sorted rows take their places, once. */
  ll_event_list_sort (list, LL_EVENT_KEY_TIME, FALSE);
  g_assert_true (ll_event_list_is_sorting (list));
  ll_event_list_sort (list, LL_EVENT_KEY_TIME, TRUE);
  g_assert_cmpuint (moved, ==, 0);
  wait_for_sort (list);
  g_assert_cmpuint (moved, ==, 1);
  g_assert_cmpuint (change.calls, ==, 0);
  assert_sorted (list, TRUE);

  /* The run goes on: new rows wait at the end, then are sorted in. */
  push (history, 200000, 200100);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 200100);
  {
    g_autoptr(LlEventRow) last = row (list, n - 1);

    g_assert_cmpuint (ll_event_row_get_number (last), ==, 200100);
  }
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
    gboolean in_order = FALSE;

    while (!in_order && g_get_monotonic_time () < deadline)
      {
        g_autoptr(LlEventRow) last = NULL;

        g_main_context_iteration (NULL, TRUE);
        last = row (list, n - 1);
        in_order = !ll_event_list_is_sorting (list) &&
                   ll_event_row_get_bucket (last)->first.realloc_ns == 1;
      }
    g_assert_true (in_order);
  }
  assert_sorted (list, TRUE);

  /* Sorted the other way: the rows keep the previous sort's order until
   * the new one takes their places, once. */
  {
    guint before = moved;
    g_autoptr(LlEventRow) top = NULL;

    ll_event_list_sort (list, LL_EVENT_KEY_TIME, FALSE);
    g_assert_true (ll_event_list_is_sorting (list));
    g_assert_cmpuint (moved, ==, before);
    top = row (list, 0);
    g_assert_cmpuint (ll_event_row_get_bucket (top)->first.realloc_ns, ==, 1000);
    wait_for_sort (list);
    g_assert_cmpuint (moved, ==, before + 1);
    g_assert_cmpuint (ll_event_row_get_bucket (top)->first.realloc_ns, ==, 1);
    assert_sorted (list, FALSE);
  }
  g_assert_cmpuint (change.calls, ==, 1);  /* the 100 rows added, only */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-list/rows-are-the-events", test_rows_are_the_events);
  g_test_add_func ("/event-list/appends-and-merges", test_appends_and_merges);
  g_test_add_func ("/event-list/fill-and-append", test_fill_and_append);
  g_test_add_func ("/event-list/sort-small", test_sort_small);
  g_test_add_func ("/event-list/sort-worker", test_sort_worker);

  return g_test_run ();
}
