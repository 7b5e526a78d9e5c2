/* test-window.c — the window under Xvfb: opens, options, bad input, keyboard, leaks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <sys/wait.h>

#include "ll-controls.h"
#include "ll-run-set.h"
#include "ll-window.h"
#include "ui-test-util.h"

/* Helpers */

static gboolean
is_entry_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_ENTRY (widget) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0;
}

static GtkWidget *
find_entry (GtkWidget  *root,
            const char *text)
{
  return find_first (root, is_entry_with, text);
}

static gboolean
reads_visibly (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
find_visible_label (GtkWidget  *root,
                    const char *text)
{
  return find_first (root, reads_visibly, text);
}

/* Tests */

static void
test_opens (void)
{
  LlWindow *window = create_window ();
  LlSummaryView *summary = ll_window_get_summary (window);

  g_assert_true (start_sensitive (window));
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (window), "win.stop")));
  g_assert_null (ll_window_get_engine (window));
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_LENGTH), ==, "—");
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_FREE_NOW), !=, "—");

  for (guint kind = 0; kind < LL_N_CHARTS; kind++)
    {
      LlChartView *view = ll_window_get_chart_view (window, kind);

      g_assert_true (LL_IS_CHART_VIEW (view));
      g_assert_cmpuint (ll_chart_view_get_kind (view), ==, kind);
    }

  destroy_window (window);
}

static void
test_bad_target (void)
{
  g_autoptr(GError) error = NULL;
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  GtkWidget *row;
  guint64 bytes;

  g_assert_true (start_sensitive (window));

  ll_controls_set_target_text (controls, "12XB");
  g_assert_false (ll_controls_get_valid (controls));
  g_assert_false (start_sensitive (window));

  /* The field shows the error style, and the message is the parser's own. */
  g_assert_false (ll_size_parse_bytes ("12XB", LL_SIZE_FLAGS_NONE, &bytes, &error));
  g_assert_cmpstr (ll_controls_get_error (controls), ==, error->message);
  row = find_entry (GTK_WIDGET (window), "12XB");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (find_visible_label (GTK_WIDGET (window), error->message));

  /* Ctrl+Return does nothing then. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  g_assert_null (ll_window_get_engine (window));

  ll_controls_set_target_text (controls, "");
  g_assert_false (ll_controls_get_valid (controls));
  g_assert_false (start_sensitive (window));

  ll_controls_set_target_text (controls, "64MiB");
  g_assert_true (ll_controls_get_valid (controls));
  g_assert_null (ll_controls_get_error (controls));
  g_assert_true (start_sensitive (window));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* Other fields are checked too. */
  ll_controls_set_reserve_text (controls, "lots");
  g_assert_false (ll_controls_get_valid (controls));
  g_assert_false (start_sensitive (window));
  ll_controls_set_reserve_text (controls, "auto");
  ll_controls_set_initial_text (controls, "-5");
  g_assert_false (ll_controls_get_valid (controls));
  ll_controls_set_initial_text (controls, "0");
  g_assert_true (ll_controls_get_valid (controls));

  destroy_window (window);
}

static void
test_options (void)
{
  g_autoptr(GError) error = NULL;
  LlWindow *window = create_window ();
  LlRunConfig config;

  g_assert_false (ll_window_apply_options (window, "nope", NULL, NULL, FALSE, &error));
  g_assert_error (error, LL_POLICY_ERROR, LL_POLICY_ERROR_UNKNOWN);
  g_clear_error (&error);

  g_assert_false (ll_window_apply_options (window, NULL, "12XB", NULL, FALSE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (ll_window_apply_options (window, NULL, NULL, "float", FALSE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Settings no run takes: Start is not pressed in silence. */
  g_assert_false (ll_window_apply_options (window, "numpy-append", NULL, "boxed", TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "Not started: NumPy np.append holds numbers, not Python objects: "
                                       "choose the int64 or int32 element model");
  g_assert_null (ll_window_get_run (window));
  g_clear_error (&error);

  g_assert_true (ll_window_apply_options (window, "go", "48MiB", "int32", FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (ll_controls_get_config (ll_window_get_controls (window), &config, &error));
  g_assert_no_error (error);
  g_assert_cmpint (config.policy.kind, ==, LL_POLICY_GO);
  g_assert_cmpint (config.element, ==, LL_ELEMENT_INT32);
  g_assert_cmpuint (config.target, ==, 48 * MiB);
  g_assert_cmpint (config.target_kind, ==, LL_TARGET_CONTAINER_BYTES);

  destroy_window (window);
}

/* The app itself refuses a bad option with status 2 and says why. */
static void
test_command_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { LISTLAB_GUI, "--policy", "nope", NULL };
  const char *argv2[] = { LISTLAB_GUI, "--target", "12XB", NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_true (g_str_has_prefix (err, "listlab: "));
  g_assert_nonnull (strstr (err, "nope"));

  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) argv2, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_true (g_str_has_prefix (err, "listlab: "));
}

static void
test_finalized (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  gpointer pointers[3 + LL_N_CHARTS];
  gint64 deadline;
  gboolean all_gone = FALSE;

  ll_controls_set_target_text (controls, "8 MiB");
  run_to_end (window);

  /* A run still going when the window closes is cancelled and joined. */
  ll_controls_set_target_text (controls, "2 GiB");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  wait_ms (10);

  pointers[0] = window;
  pointers[1] = controls;
  pointers[2] = ll_window_get_summary (window);
  for (guint i = 0; i < LL_N_CHARTS; i++)
    pointers[3 + i] = ll_window_get_chart_view (window, i);
  for (guint i = 0; i < G_N_ELEMENTS (pointers); i++)
    g_object_add_weak_pointer (pointers[i], &pointers[i]);

  gtk_window_destroy (GTK_WINDOW (window));

  deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  while (!all_gone && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      all_gone = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (pointers); i++)
        all_gone &= pointers[i] == NULL;
      if (!all_gone)
        g_usleep (1000);
    }

  for (guint i = 0; i < G_N_ELEMENTS (pointers); i++)
    g_assert_null (pointers[i]);
}

/* The widgets Tab (or Shift+Tab) stops at, from the first after @from
 * round to @from again: the focus moves at every press, and comes back. */
static GPtrArray *
tab_round (GtkWindow        *window,
           GtkWidget        *from,
           GtkDirectionType  direction)
{
  GPtrArray *stops = g_ptr_array_new ();

  g_assert_true (gtk_widget_grab_focus (from));
  g_assert_true (gtk_window_get_focus (window) == from);
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *before = gtk_window_get_focus (window);
      GtkWidget *focus;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), direction));
      focus = gtk_window_get_focus (window);
      /* No stop where the key does nothing. */
      g_assert_nonnull (focus);
      g_assert_true (focus != before);
      if (focus == from)
        return stops;
      /* Each stop once per round: no loop short of the whole window. */
      g_assert_false (g_ptr_array_find (stops, focus, NULL));
      g_ptr_array_add (stops, focus);
    }
  g_assert_not_reached ();
}

static guint
stop_index (GPtrArray  *stops,
            GtkWidget  *widget,
            const char *what)
{
  guint index = 0;

  /* A widget holding the focus inside (an entry's text) stands for it. */
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);

      if (stop == widget || gtk_widget_is_ancestor (stop, widget))
        return i;
    }
  g_test_message ("no Tab stop at %s", what);
  g_assert_true (g_ptr_array_find (stops, widget, &index));
  return index;
}

/* The button that shows all figures or the main five: the summary's
 * button that is not its idle child (the notebook's example). */
static GtkWidget *
figures_button (LlSummaryView *summary)
{
  g_autoptr(GPtrArray) buttons = find_widgets (GTK_WIDGET (summary), GTK_TYPE_BUTTON);
  GtkWidget *idle = ll_summary_view_get_idle_child (summary);

  g_assert_nonnull (idle);
  for (guint i = 0; i < buttons->len; i++)
    if (g_ptr_array_index (buttons, i) != idle)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

/* Tab and Shift+Tab go round the whole window, in the order it reads:
 * the header bar, the sidebar, the main area down to the charts. */
static void
check_tab_order (LlWindow *window)
{
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *start = find_button (root, "win.start");
  GtkWidget *sidebar = find_icon_button (root, "sidebar-show-symbolic");
  GtkWidget *menu = find_icon_button (root, "open-menu-symbolic");
  GtkWidget *policy = GTK_WIDGET (find_action_row (root, "_Policy"));
  GtkWidget *summary = GTK_WIDGET (ll_window_get_summary (window));
  GtkWidget *figures = figures_button (LL_SUMMARY_VIEW (summary));
  GtkWidget *board = GTK_WIDGET (ll_window_get_board (window));
  GtkWidget *all_charts = find_button (board, "charts.show");
  GtkWidget *table = find_button (board, "charts.show-table");
  g_autoptr(GPtrArray) forward = NULL;
  g_autoptr(GPtrArray) backward = NULL;
  guint last;

  if (!gtk_widget_get_visible (start))
    start = find_button (root, "win.stop");
  g_assert_nonnull (sidebar);
  g_assert_nonnull (menu);
  g_assert_nonnull (policy);
  g_assert_nonnull (figures);
  g_assert_nonnull (all_charts);
  g_assert_nonnull (table);

  /* Tab follows the layout: wait for it. */
  while (gtk_widget_get_width (board) == 0 || gtk_widget_get_width (policy) == 0)
    g_main_context_iteration (NULL, TRUE);

  forward = tab_round (GTK_WINDOW (window), start, GTK_DIR_TAB_FORWARD);
  g_test_message ("%u Tab stops", forward->len);
  backward = tab_round (GTK_WINDOW (window), start, GTK_DIR_TAB_BACKWARD);

  /* Shift+Tab retraces Tab's steps. */
  g_assert_cmpuint (forward->len, ==, backward->len);
  for (guint i = 0; i < forward->len; i++)
    g_assert_true (g_ptr_array_index (forward, i) ==
                   g_ptr_array_index (backward, backward->len - 1 - i));

  /* From Start: the rest of the header, the sidebar, the main area; the
   * sidebar's button comes last, before Start again. */
  g_assert_cmpuint (stop_index (forward, menu, "the main menu"), <,
                    stop_index (forward, policy, "the policy"));
  last = stop_index (forward, policy, "the policy");
  {
    static const char * const fields[] = { "_Mechanism", "E_lements", "Meas_ure" };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        GtkWidget *row = find_action_row (root, fields[i]);
        guint index;

        g_assert_nonnull (row);
        index = stop_index (forward, row, fields[i]);
        g_assert_cmpuint (index, >, last);
        last = index;
      }
  }
  g_assert_cmpuint (stop_index (forward, figures, "the figures' button"), >, last);
  last = stop_index (forward, figures, "the figures' button");
  g_assert_cmpuint (stop_index (forward, all_charts, "the chart switcher"), >, last);
  last = stop_index (forward, all_charts, "the chart switcher");
  g_assert_cmpuint (stop_index (forward, table, "the table's button"), >, last);
  last = stop_index (forward, table, "the table's button");
  for (guint kind = 0; kind < LL_N_CHARTS; kind++)
    {
      GtkWidget *view = GTK_WIDGET (ll_window_get_chart_view (window, kind));

      if (gtk_widget_get_focusable (view))
        {
          g_assert_cmpuint (stop_index (forward, view, ll_chart_kind_get_name (kind)), >, last);
          last = stop_index (forward, view, ll_chart_kind_get_name (kind));
        }
    }
  g_assert_cmpuint (stop_index (forward, sidebar, "the sidebar's button"), ==, forward->len - 1);
}

static void
test_tab_order (void)
{
  LlWindow *window = create_window ();

  ll_controls_set_target_text (ll_window_get_controls (window), "8 MiB");
  check_tab_order (window);
  run_to_end (window);
  g_assert_true (gtk_widget_get_visible (find_button (GTK_WIDGET (window), "win.release-memory")));
  check_tab_order (window);

  destroy_window (window);
}

/* The shortcuts window lists every accelerator the window binds. */
static void
test_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/listlab/ListLab/ll-shortcuts-window.ui");
  GObject *window = gtk_builder_get_object (builder, "shortcuts_window");
  const char *accels[] = { "<Control>Return", "Escape", "<Control>e", "<Control>q",
                           "<Control>question", "<Control>comma", "F9",
                           "<Alt>1", "<Alt>2", "<Alt>3", "<Alt>4", "<Alt>5", "<Control>t",
                           "<Control>z" };
  GSList *objects;
  guint found = 0;

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (window));

  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accel = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accel, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
        if (g_strcmp0 (accel, accels[i]) == 0)
          found |= 1u << i;
    }
  g_slist_free (objects);

  g_assert_cmphex (found, ==, (1u << G_N_ELEMENTS (accels)) - 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/opens", test_opens);
  g_test_add_func ("/ui/window/bad-target", test_bad_target);
  g_test_add_func ("/ui/window/options", test_options);
  g_test_add_func ("/ui/window/command-line", test_command_line);
  g_test_add_func ("/ui/window/finalized", test_finalized);
  g_test_add_func ("/ui/window/shortcuts", test_shortcuts);
  g_test_add_func ("/ui/window/tab-order", test_tab_order);

  return g_test_run ();
}
