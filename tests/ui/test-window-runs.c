/* test-window-runs.c — the window's run actions: compare with other runtimes,
 * keep the runs, clear them, stop a long comparison, check a run against Python
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ll-window.h"
#include "ll-run-swatch.h"
#include "ui-test-util.h"

static guint
n_runs (LlWindow *window)
{
  return g_list_model_get_n_items (ll_run_set_get_model (ll_window_get_runs (window)));
}

static gsize
n_series (LlWindow *window)
{
  return ll_chart_view_get_data (ll_window_get_chart_view (window, LL_CHART_CAPACITY))->n_series;
}

/* Whether Remove Every Other Run can be pressed (the run list's button). */
static gboolean
clear_sensitive (LlWindow *window)
{
  GtkWidget *button = find_button (GTK_WIDGET (window), "win.clear-runs");

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

static void
test_compare_and_keep (void)
{
  LlWindow *window = create_window ();
  LlRunSet *runs = ll_window_get_runs (window);
  g_autoptr(LlRun) go = NULL;
  g_autoptr(LlRun) first = NULL;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "8 MiB");
  g_assert_cmpuint (n_runs (window), ==, 0);
  /* (nothing to remove) */
  g_assert_false (clear_sensitive (window));

  /* A comparison before any run: drawn alone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", "go");
  g_assert_true (clear_sensitive (window));  /* (one on its way) */
  wait_compared (window);
  g_assert_cmpuint (n_runs (window), ==, 1);
  g_assert_cmpuint (n_series (window), ==, 1);
  g_assert_true (clear_sensitive (window));
  go = g_list_model_get_item (ll_run_set_get_model (runs), 0);
  g_assert_cmpint (ll_run_get_kind (go), ==, LL_RUN_SIMULATED);
  g_assert_cmpint (ll_run_get_config (go)->policy.kind, ==, LL_POLICY_GO);

  /* A real run comes on top; both drawn, each its style. */
  run_to_end (window);
  g_assert_cmpuint (n_runs (window), ==, 2);
  g_assert_cmpuint (n_series (window), ==, 2);
  first = g_object_ref (ll_window_get_run (window));
  {
    const LlChartData *data = ll_chart_view_get_data (ll_window_get_chart_view (window, LL_CHART_GROWTH));

    g_assert_cmpstr (data->series[0].name, ==, "CPython 3.9+ (real)");
    g_assert_cmpstr (data->series[1].name, ==, "Go");
    g_assert_cmpuint (data->series[0].style, !=, data->series[1].style);
  }

  /* Every runtime at once, but CPython's (the real run shows it), fixed,
   * custom and np.append (named one by one); array.array holds int64
   * beside these objects. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", "all");
  wait_compared (window);
  g_assert_cmpuint (n_runs (window), ==, 2 + LL_N_POLICIES - 4);
  {
    gboolean array_seen = FALSE;

    for (guint i = 0; i < n_runs (window); i++)
      {
        g_autoptr(LlRun) r = g_list_model_get_item (ll_run_set_get_model (runs), i);
        const LlRunConfig *c = ll_run_get_config (r);

        if (c->policy.kind == LL_POLICY_CPYTHON_ARRAY)
          {
            array_seen = TRUE;
            g_assert_cmpint (c->element, ==, LL_ELEMENT_INT64);
          }
        else
          g_assert_cmpint (c->element, ==, LL_ELEMENT_SHARED);
      }
    g_assert_true (array_seen);
  }

  /* Asked for by name, array.array and np.append hold the numbers they
   * can (the set-up's are objects) rather than refuse. */
  for (guint i = 0; i < 2; i++)
    {
      LlPolicyKind kind = i == 0 ? LL_POLICY_CPYTHON_ARRAY : LL_POLICY_NUMPY_APPEND;
      guint before = n_runs (window);
      g_autoptr(LlRun) numbers = NULL;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s",
                                  ll_policy_get_info (kind)->name);
      wait_compared (window);
      g_assert_cmpuint (n_runs (window), ==, before + 1);
      numbers = g_list_model_get_item (ll_run_set_get_model (runs), 0);
      g_assert_cmpint (ll_run_get_config (numbers)->policy.kind, ==, kind);
      g_assert_cmpint (ll_run_get_config (numbers)->element, ==, LL_ELEMENT_INT64);
      g_assert_cmpint (ll_run_get_state (numbers), ==, LL_ENGINE_FINISHED);
      ll_run_set_remove (runs, numbers);
    }

  /* Hidden: not drawn. */
  ll_run_set_visible (go, FALSE);
  g_assert_cmpuint (n_series (window), ==, n_runs (window) - 1);

  /* A new real run keeps the first, with its history. */
  run_to_end (window);
  g_assert_cmpuint (n_runs (window), ==, 2 + LL_N_POLICIES - 4 + 1);
  g_assert_true (ll_window_get_run (window) != first);
  {
    LlHistoryCounters counters;

    ll_history_get_counters (ll_run_get_history (first), &counters);
    g_assert_cmpuint (counters.n_events, >, 10);
  }

  /* The comparison table has a row for each, and copies as CSV. */
  {
    LlComparisonTable *table = ll_chart_board_get_comparison (ll_window_get_board (window));
    g_autofree char *csv = ll_comparison_table_copy_csv (table);
    g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);

    g_assert_cmpuint (ll_comparison_table_get_n_rows (table), ==, n_runs (window));
    g_assert_cmpuint (g_strv_length (lines), ==, n_runs (window) + 2);
    g_assert_true (g_str_has_prefix (lines[0], "policy,mechanism,element,reallocations"));

    /* Shown, each row has the run's swatch beside its name, as the
     * charts draw it. */
    g_object_set (ll_window_get_board (window), "show-table", TRUE, NULL);
    gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_STACK)),
                                      "comparison");
    wait_ms (100);
    {
      g_autoptr(GPtrArray) swatches = find_widgets (GTK_WIDGET (table), LL_TYPE_RUN_SWATCH);
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < swatches->len; i++)
        {
          LlRun *run = ll_run_swatch_get_run (swatches->pdata[i]);
          GtkWidget *label = gtk_widget_get_next_sibling (swatches->pdata[i]);
          g_autofree char *name = NULL;

          if (run == NULL)
            continue;  /* a spare row */
          name = ll_run_dup_short_title (run);
          g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, name);
          g_hash_table_add (seen, run);
        }
      g_assert_cmpuint (g_hash_table_size (seen), ==, n_runs (window));
    }

    /* Sorted from the Sort menu, most reallocations first; a click on a
     * header, and the menu says which. */
    {
      g_autofree char *sorted = NULL;
      g_auto(GStrv) rows = NULL;
      guint64 previous = G_MAXUINT64;
      guint column = 0;
      gboolean descending = FALSE;

      LlColumnSort *sort = ll_comparison_table_get_sort (table);

      g_assert_cmpuint (ll_column_sort_get_column (sort, NULL), ==, LL_COLUMN_SORT_NONE);  /* as the run list has them */
      /* (no way to turn in the run list's order) */
      g_assert_false (g_action_group_get_action_enabled (ll_column_sort_get_actions (sort), "descending"));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "sort.column", "u", 1));
      g_assert_true (g_action_group_get_action_enabled (ll_column_sort_get_actions (sort), "descending"));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "sort.descending", NULL));
      sorted = ll_comparison_table_copy_csv (table);
      rows = g_strsplit (sorted, "\n", -1);
      for (guint i = 1; rows[i] != NULL && rows[i][0] != '\0'; i++)
        {
          g_auto(GStrv) fields = g_strsplit (rows[i], ",", -1);
          guint64 reallocations = g_ascii_strtoull (fields[3], NULL, 10);

          g_assert_cmpuint (reallocations, <=, previous);
          previous = reallocations;
        }
      g_assert_cmpuint (previous, <, G_MAXUINT64);

      {
        GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (table), GTK_TYPE_COLUMN_VIEW));
        g_autoptr(GtkColumnViewColumn) third = g_list_model_get_item (gtk_column_view_get_columns (view), 2);

        gtk_column_view_sort_by_column (view, third, GTK_SORT_ASCENDING);
      }
      column = ll_column_sort_get_column (sort, &descending);
      g_assert_cmpuint (column, ==, 2);
      g_assert_false (descending);

      /* and back to the run list's order */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "sort.column", "u", LL_COLUMN_SORT_NONE));
      g_clear_pointer (&sorted, g_free);
      sorted = ll_comparison_table_copy_csv (table);
      g_assert_cmpstr (sorted, ==, csv);
    }
  }

  /* Cleared: the current run stays, alone, and there is nothing more
   * to remove. */
  g_assert_true (clear_sensitive (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-runs", NULL);
  g_assert_cmpuint (n_runs (window), ==, 1);
  g_assert_cmpuint (n_series (window), ==, 1);
  g_assert_false (clear_sensitive (window));

  destroy_window (window);
}

/* A long comparison (fixed +4: 31 M growths to 1 GB) is computed off the
 * main thread, shows how far it came, and stops when asked, adding
 * nothing. */
/* Where the capacity chart stands in the window. */
static double
chart_top (LlWindow *window)
{
  graphene_rect_t bounds;

  g_assert_true (ll_chart_board_get_chart_bounds (ll_window_get_board (window), LL_CHART_CAPACITY,
                                                  GTK_WIDGET (window), &bounds));
  return bounds.origin.y;
}

static LlEngineState
engine_state (LlWindow *window)
{
  LlEngineStatus status;

  ll_engine_get_status (ll_window_get_engine (window), &status);
  return status.state;
}

typedef struct
{
  LlWindow *window;
  gboolean  painted;
  gboolean  started;   /* the engine had started by the end of that frame */
  gsize     n_series;
  double    top;
} FirstFrame;

/* What the frame painted: its charts and where they stood… */
static void
on_first_paint (GdkFrameClock *clock,
                FirstFrame    *first)
{
  if (first->painted)
    return;
  first->n_series = n_series (first->window);
  first->top = chart_top (first->window);
}

/* …and whether the engine started once it was painted. */
static void
on_first_painted (GdkFrameClock *clock,
                  FirstFrame    *first)
{
  if (first->painted)
    return;
  first->painted = TRUE;
  first->started = engine_state (first->window) != LL_ENGINE_IDLE;
}

/* The frame that shows a run beginning shows the runs before it on the
 * charts as they were; the run joins them once it has started, and only
 * then does the legend of the runs come above them. */
static void
test_joins_once_started (void)
{
  LlWindow *window = create_window ();
  FirstFrame first = { .window = window };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean finished = FALSE;
  double before;
  gulong paint_id, painted_id;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "256 MiB");
  run_to_end (window);
  release_memory (window);
  g_assert_cmpuint (n_series (window), ==, 1);
  wait_frames (GTK_WIDGET (window), 2);
  before = chart_top (window);

  /* Started at once (the list is gone), the engine once the next frame is
   * painted: this handler comes after the window's own. */
  g_signal_connect (window, "run-finished", G_CALLBACK (on_run_finished), &finished);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  g_assert_cmpint (engine_state (window), ==, LL_ENGINE_IDLE);
  paint_id = g_signal_connect (clock, "paint", G_CALLBACK (on_first_paint), &first);
  painted_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_painted), &first);
  g_assert_true (wait_for_flag (&first.painted, 10000));
  g_signal_handler_disconnect (clock, paint_id);
  g_signal_handler_disconnect (clock, painted_id);

  g_assert_true (first.started);
  g_assert_cmpuint (first.n_series, ==, 1);
  g_assert_cmpfloat (first.top, ==, before);

  g_assert_true (wait_for_flag (&finished, 60000));
  wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpuint (n_series (window), ==, 2);
  g_assert_cmpfloat (chart_top (window), >, before);

  destroy_window (window);
}

static void
test_long_comparison (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  LlRunList *list = ll_controls_get_run_list (controls);
  LlRunSet *runs = ll_window_get_runs (window);
  gint64 deadline;
  double seen = -1.0;

  ll_controls_set_policy (controls, LL_POLICY_FIXED);
  ll_controls_set_element (controls, LL_ELEMENT_SHARED);
  ll_controls_set_initial_text (controls, "0");
  ll_controls_set_target_kind (controls, LL_TARGET_CONTAINER_BYTES);
  ll_controls_set_target_text (controls, "1 GB");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", "fixed");
  /* The window did not wait. */
  g_assert_true (ll_run_set_is_busy (runs));
  g_assert_cmpfloat (ll_run_list_get_progress (list), <, 0.0);

  deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while (ll_run_set_is_busy (runs) && seen <= 0.0 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      seen = ll_run_list_get_progress (list);
    }
  g_assert_true (ll_run_set_is_busy (runs));
  g_assert_cmpfloat (seen, >, 0.0);
  g_assert_cmpfloat (seen, <, 1.0);
  /* (Remove Every Other Run stops it too) */
  g_assert_true (clear_sensitive (window));

  /* Stopped: the row goes, no run comes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-compare", NULL));
  g_assert_cmpfloat (ll_run_list_get_progress (list), <, 0.0);
  wait_compared (window);
  wait_ms (300);
  g_assert_cmpuint (n_runs (window), ==, 0);
  g_assert_cmpfloat (ll_run_list_get_progress (list), <, 0.0);
  g_assert_false (clear_sensitive (window));

  destroy_window (window);
}

/* Check Against Python runs the run's experiment in the interpreter: its
 * run joins the list, the verdict in a toast; what it cannot check says
 * why in a dialog. */
static void
test_verify (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  GListModel *store = ll_run_set_get_model (ll_window_get_runs (window));
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(LlRun) last = NULL;
  AdwMessageDialog *dialog;

  ll_controls_set_policy (controls, LL_POLICY_JAVA);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.verify", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Check Against Python");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_ms (50);
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, 0);

  if (python == NULL)
    {
      destroy_window (window);
      g_test_skip ("no python3 on this machine");
      return;
    }

  ll_controls_set_policy (controls, LL_POLICY_CPYTHON);
  ll_controls_set_target_text (controls, "4 MiB");
  run_to_end (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.verify", NULL));
  g_assert_true (ll_run_set_is_verifying (ll_window_get_runs (window)));
  wait_compared (window);
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, 2);
  last = g_list_model_get_item (store, 0);
  g_assert_cmpint (ll_run_get_kind (last), ==, LL_RUN_INTERPRETER);
  g_assert_null (find_message_dialog ());

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window-runs/compare-and-keep", test_compare_and_keep);
  g_test_add_func ("/ui/window-runs/joins-once-started", test_joins_once_started);
  g_test_add_func ("/ui/window-runs/long-comparison", test_long_comparison);
  g_test_add_func ("/ui/window-runs/verify", test_verify);

  return g_test_run ();
}
