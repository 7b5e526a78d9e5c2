/* test-run-list.c — a run's row in the sidebar: renamed there, called so everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ll-run-row.h"
#include "ll-window.h"
#include "ui-test-util.h"

/* The rows of the run list shown, in order. */
static GPtrArray *
list_rows (LlWindow *window)
{
  GtkWidget *list = GTK_WIDGET (ll_controls_get_run_list (ll_window_get_controls (window)));
  GPtrArray *rows = g_ptr_array_new ();
  GPtrArray *todo = g_ptr_array_new ();

  g_ptr_array_add (todo, list);
  while (todo->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (todo, 0);

      if (ADW_IS_PREFERENCES_ROW (widget))
        {
          /* (Not the hidden one of a comparison being computed.) */
          if (gtk_widget_get_visible (widget))
            g_ptr_array_add (rows, widget);
          continue;
        }
      for (GtkWidget *child = gtk_widget_get_last_child (widget); child != NULL;
           child = gtk_widget_get_prev_sibling (child))
        g_ptr_array_insert (todo, 0, child);
    }
  g_ptr_array_unref (todo);
  return rows;
}

/* A run renamed in its row is called so on every chart and in the table;
 * rows stay as they are while names and visibility change. */
static void
test_rename (void)
{
  LlWindow *window = create_window ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(LlRun) go = NULL;
  GtkWidget *button;
  GtkPopover *popover;
  GtkEditable *entry;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "8 MiB");
  run_to_end (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", "go");
  wait_compared (window);
  go = g_list_model_get_item (ll_run_set_get_model (ll_window_get_runs (window)), 0);
  g_assert_cmpint (ll_run_get_config (go)->policy.kind, ==, LL_POLICY_GO);

  rows = list_rows (window);
  g_assert_cmpuint (rows->len, ==, 2);
  /* Each says what kind of run it is, and where a real run is. */
  g_assert_cmpstr (ll_run_row_get_subtitle (g_ptr_array_index (rows, 0)), ==,
                   "Simulated: capacities only, nothing allocated");
  g_assert_cmpstr (ll_run_row_get_subtitle (g_ptr_array_index (rows, 1)), ==, "Real");
  button = find_by_tooltip (g_ptr_array_index (rows, 0), "Rename the Run");
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_mapped (button));
  /* Scrolled into view, as the keyboard would. */
  gtk_widget_grab_focus (button);
  wait_ms (200);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  entry = g_object_get_data (G_OBJECT (popover), "entry");
  /* It opens on the name as it is. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, ll_run_get_title (go));

  gtk_editable_set_text (entry, "Go, the runtime");
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (ll_run_get_title (go), ==, "Go, the runtime");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "Go, the runtime");
  /* The row wraps "libstdc++" whole; the name stays as typed. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gtk_editable_set_text (entry, "Go as in C++ (libstdc++)");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (ll_run_get_title (go), ==, "Go as in C++ (libstdc++)");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==,
                   "Go as in C+\u2060+ (libstdc+\u2060+)");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Go as in C++ (libstdc++)");
  gtk_editable_set_text (entry, "Go, the runtime");
  g_signal_emit_by_name (entry, "activate");
  for (LlChartKind k = 0; k < LL_N_CHARTS; k++)
    {
      const LlChartData *data = ll_chart_view_get_data (ll_window_get_chart_view (window, k));

      g_assert_cmpuint (data->n_series, ==, 2);
      g_assert_cmpstr (data->series[1].name, ==, "Go, the runtime");
    }

  /* Hidden and shown again, renamed: the same rows (the keyboard focus
   * stays where it was). */
  ll_run_set_visible (go, FALSE);
  ll_run_set_visible (go, TRUE);
  after = list_rows (window);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_true (g_ptr_array_index (after, 0) == g_ptr_array_index (rows, 0));
  g_assert_true (g_ptr_array_index (after, 1) == g_ptr_array_index (rows, 1));

  /* Its own name back. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (ll_chart_view_get_data (ll_window_get_chart_view (window, LL_CHART_CAPACITY))->series[1].name,
                   ==, "Go");

  destroy_window (window);
}

/* The note under the run list of what comparing does, found by its text. */
static GtkWidget *
comparing_hint (LlWindow *window)
{
  GtkWidget *list = GTK_WIDGET (ll_controls_get_run_list (ll_window_get_controls (window)));
  g_autoptr(GPtrArray) labels = find_widgets (list, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), "Compare with other policies"))
      return g_ptr_array_index (labels, i);
  g_assert_not_reached ();
  return NULL;
}

/* The number of runs each chart draws. */
static void
assert_series (LlWindow *window,
               guint     n)
{
  for (LlChartKind k = 0; k < LL_N_CHARTS; k++)
    g_assert_cmpuint (ll_chart_view_get_data (ll_window_get_chart_view (window, k))->n_series, ==, n);
}

/* A run's trash button takes it off every chart, the table and the list,
 * and the toast's Undo puts it back as it was: its place, name, colour
 * and history. Runs removed while the toast shows join it. */
static void
test_remove_and_undo (void)
{
  LlWindow *window = create_window ();
  GListModel *store = ll_run_set_get_model (ll_window_get_runs (window));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(LlRun) go = NULL;
  g_autoptr(LlRun) java = NULL;
  GtkWidget *button;
  guint style;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "8 MiB");
  run_to_end (window);
  g_assert_true (gtk_widget_get_visible (comparing_hint (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", "go");
  wait_compared (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", "java");
  wait_compared (window);
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, 3);
  java = g_list_model_get_item (store, 0);
  go = g_list_model_get_item (store, 1);
  g_assert_cmpint (ll_run_get_config (go)->policy.kind, ==, LL_POLICY_GO);
  ll_run_set_title (go, "Go <renamed> & co");
  style = ll_run_get_style (go);
  assert_series (window, 3);

  rows = list_rows (window);
  g_assert_cmpuint (rows->len, ==, 3);
  /* What comparing does is said under a list of one run only. */
  g_assert_false (gtk_widget_get_visible (comparing_hint (window)));
  /* The run shown has none: it is the one the window follows. */
  g_assert_null (find_by_tooltip (g_ptr_array_index (rows, 2), "Remove the Run"));
  button = find_by_tooltip (g_ptr_array_index (rows, 1), "Remove the Run");
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpuint (g_list_model_get_n_items (store), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(LlRun) run = g_list_model_get_item (store, i);

      g_assert_true (run != go);
    }
  assert_series (window, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list_rows (window);
  g_assert_cmpuint (rows->len, ==, 2);
  wait_ms (100);
  g_assert_cmpstr (toast_text (window, "“"), ==, "“Go <renamed> & co” removed");

  /* Another, while the toast shows: one toast for both. */
  button = find_by_tooltip (g_ptr_array_index (rows, 0), "Remove the Run");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, 1);
  assert_series (window, 1);
  wait_ms (100);
  g_assert_cmpstr (toast_text (window, "2 runs"), ==, "2 runs removed");

  /* Undone: both where they were, as they were. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-remove", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, 3);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LlRun) run = g_list_model_get_item (store, i);

      g_assert_true (run == (i == 0 ? java : go));
    }
  g_assert_cmpstr (ll_run_get_title (go), ==, "Go <renamed> & co");
  g_assert_cmpuint (ll_run_get_style (go), ==, style);
  assert_series (window, 3);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list_rows (window);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "Go <renamed> & co");
  /* Nothing more to undo. */
  g_assert_false (press_key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, 3);
  /* Its toast goes (once faded out). */
  for (guint i = 0; i < 100 && toast_text (window, "2 runs") != NULL; i++)
    wait_ms (20);
  g_assert_null (toast_text (window, "2 runs"));

  /* Clear removes all but the run shown; Undo (Ctrl+Z) brings them all
   * back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-runs", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, 1);
  assert_series (window, 1);
  g_assert_true (press_key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, 3);
  assert_series (window, 3);
  {
    g_autoptr(LlRun) second = g_list_model_get_item (store, 1);

    g_assert_true (second == go);
  }

  destroy_window (window);
}

/* A comparison that takes a while shows how far it came in the list, and
 * its row goes as the compared runs come, not at the next look at its
 * progress (a tenth of a second later). */
static void
test_compare_progress (void)
{
  LlWindow *window = create_window ();
  LlRunList *list = ll_controls_get_run_list (ll_window_get_controls (window));
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  gboolean shown = FALSE;

  /* fixed +4 to 512 MiB: some 1.7 × 10⁷ growths */
  configure_run (window, LL_POLICY_FIXED, LL_ELEMENT_SHARED, "512 MiB");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", "fixed"));
  while (ll_run_set_is_busy (ll_window_get_runs (window)) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      shown = shown || ll_run_list_get_progress (list) >= 0;
    }
  g_assert_true (shown);
  g_assert_false (ll_run_set_is_busy (ll_window_get_runs (window)));
  g_assert_cmpuint (g_list_model_get_n_items (ll_run_set_get_model (ll_window_get_runs (window))), ==, 1);
  g_assert_cmpfloat (ll_run_list_get_progress (list), <, 0);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/run-list/rename", test_rename);
  g_test_add_func ("/ui/run-list/remove-and-undo", test_remove_and_undo);
  g_test_add_func ("/ui/run-list/compare-progress", test_compare_progress);

  return g_test_run ();
}
