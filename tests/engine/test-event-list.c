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
  Change change = { 0 };

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);

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
  ll_event_list_set_view (list, view);
  g_assert_cmpuint (change.calls, ==, 2);
  /* from the last row on (it may have filled up) */
  g_assert_cmpuint (change.position, ==, 4);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 4);

  /* The ninth event merges pairs: [0 1] [2 3] [4 5] [6 7] [8]. Every row
   * is replaced, said as all removed (the list empty meanwhile), then all
   * added: GTK's list views then do not look for the rows they follow
   * among every added one. */
  push (history, 8, 9);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);
  g_assert_cmpuint (change.calls, ==, 4);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.previous_removed, ==, 8);
  g_assert_cmpuint (change.previous_added, ==, 0);
  g_assert_cmpuint (change.previous_n_items, ==, 0);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 5);
  g_assert_cmpuint (change.n_items, ==, 5);
  {
    g_autoptr(LlEventRow) r = row (list, 1);

    g_assert_true (ll_event_row_is_merged (r));
    g_assert_cmpuint (ll_event_row_get_number (r), ==, 3);
    g_assert_cmpuint (ll_event_row_get_bucket (r)->count, ==, 2);
  }
  /* reallocation 4 is in the second row; there is no tenth */
  g_assert_cmpuint (ll_event_list_find_number (list, 4), ==, 1);
  g_assert_cmpuint (ll_event_list_find_number (list, 9), ==, 4);
  g_assert_cmpuint (ll_event_list_find_number (list, 10), ==, G_MAXUINT);
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

  /* A cleared view empties the list. */
  ll_event_list_set_view (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (change.removed, ==, 5);
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

static void
test_sort_small (void)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(LlEventList) list = ll_event_list_new ();
  Change change = { 0 };
  gboolean descending;

  push (history, 0, 1000);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);

  /* Sorted at once: the rows are replaced once, all removed then all
   * added (the rows in the run's order are not replaced by themselves
   * before). */
  ll_event_list_sort (list, LL_EVENT_KEY_TIME, TRUE);
  g_assert_false (ll_event_list_is_sorting (list));  /* short: at once */
  g_assert_cmpuint (change.calls, ==, 2);
  g_assert_cmpuint (change.previous_removed, ==, 1000);
  g_assert_cmpuint (change.previous_n_items, ==, 0);
  g_assert_cmpuint (change.added, ==, 1000);
  g_assert_cmpuint (change.n_items, ==, 1000);
  g_assert_cmpint (ll_event_list_get_sort_key (list, &descending), ==, LL_EVENT_KEY_TIME);
  g_assert_true (descending);
  assert_sorted (list, TRUE);

  ll_event_list_sort (list, LL_EVENT_KEY_TIME, FALSE);
  assert_sorted (list, FALSE);

  /* Back to the run's order, and again: nothing moves the second time. */
  ll_event_list_sort (list, LL_EVENT_KEY_NUMBER, FALSE);
  change.calls = 0;
  ll_event_list_sort (list, LL_EVENT_KEY_NUMBER, FALSE);
  g_assert_cmpuint (change.calls, ==, 0);

  /* The run's order, newest first. */
  ll_event_list_sort (list, LL_EVENT_KEY_NUMBER, TRUE);
  g_assert_cmpuint (change.calls, ==, 2);
  {
    g_autoptr(LlEventRow) first = row (list, 0);

    g_assert_cmpuint (ll_event_row_get_number (first), ==, 1000);
    g_assert_cmpuint (ll_event_list_find_number (list, 1000), ==, 0);
    g_assert_cmpuint (ll_event_list_find_number (list, 1), ==, 999);
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
  guint n;

  push (history, 0, 200000);
  ll_history_view_update (view, history);
  ll_event_list_set_view (list, view);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);

  /* The rows stay in the run's order meanwhile: nothing is said until the
   * sorted rows replace them, once. */
  ll_event_list_sort (list, LL_EVENT_KEY_TIME, FALSE);
  g_assert_true (ll_event_list_is_sorting (list));
  g_assert_cmpuint (change.calls, ==, 0);
  ll_event_list_sort (list, LL_EVENT_KEY_TIME, TRUE);
  g_assert_cmpuint (change.calls, ==, 0);
  wait_for_sort (list);
  g_assert_cmpuint (change.calls, ==, 2);
  g_assert_cmpuint (change.added, ==, 200000);
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
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-list/rows-are-the-events", test_rows_are_the_events);
  g_test_add_func ("/event-list/appends-and-merges", test_appends_and_merges);
  g_test_add_func ("/event-list/sort-small", test_sort_small);
  g_test_add_func ("/event-list/sort-worker", test_sort_worker);

  return g_test_run ();
}
