/* test-window.c — the window under Xvfb: runs, figures, stop, input, leaks
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

#define MiB (G_GUINT64_CONSTANT (1) << 20)
#define GiB (G_GUINT64_CONSTANT (1) << 30)

/* Helpers */

static GtkWidget *
find_entry (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ENTRY (child) &&
          g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (child)), text) == 0)
        return child;

      if ((found = find_entry (child, text)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_visible_label (GtkWidget  *root,
                    const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_is_visible (child) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return child;

      if ((found = find_visible_label (child, text)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_action_row (GtkWidget  *root,
                 const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;

      if ((found = find_action_row (child, title)) != NULL)
        return found;
    }

  return NULL;
}

/* CPython's list_resize for one append at a time, as a reference. */
static void
cpython_reference (guint64  target_bytes,
                   guint64 *length,
                   guint64 *capacity,
                   guint64 *n_reallocs)
{
  guint64 len = 0, cap = 0, n = 0;

  while (56 + 8 * cap < target_bytes)
    {
      guint64 newsize = len + 1;

      if (newsize > cap)
        {
          cap = (newsize + (newsize >> 3) + 6) & ~(guint64) 3;
          n++;
        }
      len = newsize;
    }

  *length = len;
  *capacity = cap;
  *n_reallocs = n;
}

static void
assert_figure (LlSummaryView  *summary,
               LlFigure    figure,
               char       *expected)
{
  g_autofree char *owned = expected;

  g_assert_cmpstr (ll_summary_view_get_value (summary, figure), ==, expected);
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
test_small_run (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  LlSummaryView *summary = ll_window_get_summary (window);
  LlHistoryCounters counters;
  LlEngineStatus status;
  const LlChartData *data;
  LlEngine *engine;
  guint64 length, capacity, n_reallocs, appended;
  g_autofree char *count = NULL;
  g_autofree char *target = NULL;
  g_autofree char *expected_status = NULL;
  gboolean released = FALSE;
  gint64 deadline;

  ll_controls_set_policy (controls, LL_POLICY_CPYTHON);
  ll_controls_set_element (controls, LL_ELEMENT_SHARED);
  ll_controls_set_target_text (controls, "32 MiB");
  g_assert_true (ll_controls_get_valid (controls));

  run_to_end (window);

  engine = ll_window_get_engine (window);
  g_assert_nonnull (engine);
  ll_engine_get_status (engine, &status);
  ll_history_get_counters (ll_engine_get_history (engine), &counters);
  g_assert_cmpint (status.state, ==, LL_ENGINE_FINISHED);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);

  /* The engine did what CPython does… */
  cpython_reference (32 * MiB, &length, &capacity, &n_reallocs);
  g_assert_cmpuint (status.length, ==, length);
  g_assert_cmpuint (status.capacity, ==, capacity);
  g_assert_cmpuint (counters.n_events, ==, n_reallocs);

  /* …and the window shows exactly the engine's figures. */
  assert_figure (summary, LL_FIGURE_LENGTH, ll_format_count (status.length));
  assert_figure (summary, LL_FIGURE_CAPACITY, ll_format_count (status.capacity));
  assert_figure (summary, LL_FIGURE_CONTAINER, ll_format_bytes (status.container_bytes, LL_UNITS_IEC));
  assert_figure (summary, LL_FIGURE_OBJECTS, ll_format_bytes (status.objects_bytes, LL_UNITS_IEC));
  assert_figure (summary, LL_FIGURE_SLACK,
                 ll_format_bytes ((status.capacity - status.length) * 8, LL_UNITS_IEC));
  assert_figure (summary, LL_FIGURE_REALLOCATIONS, ll_format_count_exact (counters.n_events));
  assert_figure (summary, LL_FIGURE_MOVED, ll_format_count_exact (counters.n_moved));
  assert_figure (summary, LL_FIGURE_ELAPSED, ll_format_duration (status.elapsed_ns));
  assert_figure (summary, LL_FIGURE_SLOWEST, ll_format_duration (counters.slowest.realloc_ns));
  assert_figure (summary, LL_FIGURE_FREE_NOW,
                 ll_format_bytes (counters.last_sample.available_bytes, LL_UNITS_IEC));
  assert_figure (summary, LL_FIGURE_FREE_START,
                 ll_format_bytes (status.start_available_bytes, LL_UNITS_IEC));

  appended = status.length;
  count = ll_format_count ((guint64) ((double) appended * 1e9 / status.elapsed_ns + 0.5));
  assert_figure (summary, LL_FIGURE_RATE, g_strdup_printf ("%s/s", count));

  g_assert_cmpfloat (ll_summary_view_get_progress (summary), ==, 1.0);

  target = ll_format_bytes (32 * MiB, LL_UNITS_IEC);
  expected_status = g_strdup_printf ("Reached the target of %s", target);
  g_assert_cmpstr (ll_window_get_status_text (window), ==, expected_status);

  /* The charts hold the whole history. */
  data = ll_chart_view_get_data (ll_window_get_chart_view (window, LL_CHART_CAPACITY));
  g_assert_cmpuint (data->series[0].n_events, ==, counters.n_events);
  g_assert_cmpuint (data->series[0].counters->n_events, ==, counters.n_events);
  g_assert_cmpuint (data->series[0].n_samples, >, 0);

  /* Release: the list goes, the history stays, memory keeps being sampled. */
  g_assert_true (gtk_widget_is_sensitive (find_button (GTK_WIDGET (window), "win.release-memory")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.release-memory", NULL));
  deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < deadline && !released)
    {
      g_main_context_iteration (NULL, TRUE);
      released = g_strcmp0 (ll_window_get_status_text (window), "Memory released") == 0;
    }
  g_assert_true (released);
  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_RELEASED);

  {
    guint64 before = counters.n_samples;
    LlHistoryCounters after;

    deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
    do
      {
        wait_ms (20);
        ll_history_get_counters (ll_engine_get_history (engine), &after);
      }
    while (after.n_samples < before + 4 && g_get_monotonic_time () < deadline);
    g_assert_cmpuint (after.n_samples, >=, before + 4);
    g_assert_cmpuint (after.n_events, ==, counters.n_events);
    g_assert_cmpuint (after.last_sample.length, ==, 0);
    g_assert_cmpuint (after.last_sample.elapsed_ns, >, counters.last_sample.elapsed_ns);
  }

  /* Starting again is possible after the release. */
  g_assert_true (start_sensitive (window));

  destroy_window (window);
}

static void
test_stop (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  LlEngineStatus status;
  gboolean finished = FALSE;
  gint64 stop_time, stopped_time, finished_time;

  ll_controls_set_policy (controls, LL_POLICY_CPYTHON);
  ll_controls_set_element (controls, LL_ELEMENT_SHARED);
  ll_controls_set_target_text (controls, "2 GiB");

  g_signal_connect (window, "run-finished", G_CALLBACK (on_run_finished), &finished);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  g_assert_true (ll_window_is_running (window));
  g_assert_false (start_sensitive (window));
  g_assert_true (gtk_widget_is_sensitive (find_button (GTK_WIDGET (window), "win.stop")));

  wait_ms (30);
  g_assert_false (finished);

  stop_time = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stop", NULL));

  /* The engine stops where it is (how fast is bench-stall's figure: the
   * goal is 100 ms; a loaded machine must not fail a test for it)… */
  do
    ll_engine_get_status (ll_window_get_engine (window), &status);
  while (status.state == LL_ENGINE_RUNNING &&
         g_get_monotonic_time () - stop_time < 10 * G_TIME_SPAN_SECOND);
  stopped_time = g_get_monotonic_time ();
  g_assert_cmpint (status.state, !=, LL_ENGINE_RUNNING);

  /* …and the window says so, from the engine's own notice. */
  g_assert_true (wait_for_flag (&finished, 5000));
  finished_time = g_get_monotonic_time ();

  g_test_message ("engine stopped after %.1f ms, window told after %.1f ms",
                  (stopped_time - stop_time) / 1000.0, (finished_time - stop_time) / 1000.0);

  ll_engine_get_status (ll_window_get_engine (window), &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_CANCELLED);
  g_assert_cmpuint (status.container_bytes, <, 2 * GiB);
  g_assert_cmpstr (ll_window_get_status_text (window), ==, "Stopped");
  g_assert_false (ll_window_is_running (window));
  g_assert_true (start_sensitive (window));

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

static gboolean
small_machine (LlMemInfo *info,
               gpointer   user_data,
               GError   **error)
{
  info->total_bytes = 8 * GiB;
  info->available_bytes = 640 * MiB;
  info->cgroup_limit_bytes = LL_NO_LIMIT;
  info->cgroup_usage_bytes = 0;
  return TRUE;
}

typedef struct
{
  LlWindow      *window;
  gint64         started_at;
  gint64         painted_at;
  LlEngineState  state_at_paint;
  gboolean       painted;
} PaintWatch;

static void
on_after_paint_watch (GdkFrameClock *clock,
                      PaintWatch    *watch)
{
  LlEngineStatus status;

  if (watch->painted || ll_window_get_engine (watch->window) == NULL)
    return;

  ll_engine_get_status (ll_window_get_engine (watch->window), &status);
  watch->state_at_paint = status.state;
  watch->painted_at = g_get_monotonic_time ();
  watch->painted = TRUE;
}

/* Start repaints most of the window: that frame is painted before the
 * engine starts. A Stop that comes first still ends the run as a stop. */
static void
test_start_after_paint (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  LlEngineStatus status;
  gboolean finished = FALSE;
  PaintWatch watch = { .window = window };
  gulong watch_id;

  ll_controls_set_policy (controls, LL_POLICY_CPYTHON);
  ll_controls_set_element (controls, LL_ELEMENT_SHARED);
  ll_controls_set_target_text (controls, "64 MiB");
  g_signal_connect (window, "run-finished", G_CALLBACK (on_run_finished), &finished);
  /* Connected before Start, so it runs before the window's own handler. */
  watch_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_watch), &watch);
  watch.started_at = g_get_monotonic_time ();

  /* The window says "running" at once; the engine waits for the paint. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  g_assert_true (ll_window_is_running (window));
  g_assert_cmpint (ll_window_get_run_state (window), ==, LL_ENGINE_RUNNING);
  ll_engine_get_status (ll_window_get_engine (window), &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_IDLE);
  g_assert_cmpstr (ll_window_get_status_text (window), ==, "Growing the list…");

  /* It starts as soon as that frame has been painted (or after 100 ms, on
   * a window that does not paint). */
  g_assert_true (wait_for_flag (&watch.painted, 5000));
  ll_engine_get_status (ll_window_get_engine (window), &status);
  g_assert_cmpint (status.state, !=, LL_ENGINE_IDLE);
  g_test_message ("first frame after Start painted after %.1f ms",
                  (watch.painted_at - watch.started_at) / 1000.0);
  if (watch.painted_at - watch.started_at < 90 * G_TIME_SPAN_MILLISECOND)
    g_assert_cmpint (watch.state_at_paint, ==, LL_ENGINE_IDLE);
  g_signal_handler_disconnect (clock, watch_id);
  g_assert_true (wait_for_flag (&finished, 30000));
  ll_engine_get_status (ll_window_get_engine (window), &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);

  /* Stop before the engine has started: the run ends as stopped, at once. */
  finished = FALSE;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.release-memory", NULL);
  while (!start_sensitive (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  ll_engine_get_status (ll_window_get_engine (window), &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_IDLE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stop", NULL));
  g_assert_true (wait_for_flag (&finished, 5000));
  ll_engine_get_status (ll_window_get_engine (window), &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_CANCELLED);
  g_assert_cmpstr (ll_window_get_status_text (window), ==, "Stopped");
  g_assert_false (ll_window_is_running (window));

  /* Closing the window before the engine starts leaves nothing behind. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.release-memory", NULL);
  while (!start_sensitive (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  destroy_window (window);
}

typedef struct
{
  LlWindow *window;
  gboolean  run_at_map;
  gboolean  idle_ran;
  gboolean  run_at_idle;
} StartWatch;

static gboolean
note_run_at_idle (gpointer user_data)
{
  StartWatch *watch = user_data;

  watch->run_at_idle = ll_window_get_run (watch->window) != NULL;
  watch->idle_ran = TRUE;

  return G_SOURCE_REMOVE;
}

/* Connected after the window's own handler. */
static void
on_map_watch (GtkWidget  *widget,
              StartWatch *watch)
{
  watch->run_at_map = ll_window_get_run (watch->window) != NULL;
  g_idle_add (note_run_at_idle, watch);
}

/* A run asked for on the command line waits until what GTK queued at the
 * default idle priority when the window appeared (registering it with the
 * screen readers among it) has run: the run's frames would hold it back. */
static void
test_start_option (void)
{
  LlWindow *window = ll_window_new (NULL);
  StartWatch watch = { .window = window };
  gboolean finished = FALSE;

  g_assert_true (ll_window_apply_options (window, "cpython", "16MiB", "shared", TRUE, NULL));
  g_signal_connect (window, "map", G_CALLBACK (on_map_watch), &watch);
  g_signal_connect (window, "run-finished", G_CALLBACK (on_run_finished), &finished);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (wait_for_flag (&finished, 30000));
  g_assert_true (watch.idle_ran);
  g_assert_false (watch.run_at_map);
  g_assert_false (watch.run_at_idle);

  destroy_window (window);
}

static void
on_slow_paint (GdkFrameClock *clock,
               gpointer       user_data)
{
  g_usleep (40 * G_TIME_SPAN_MILLISECOND);
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Frames slower than the frame interval follow each other at once during a
 * run; work waiting at the default idle priority still gets its turn. */
static void
test_idle_during_run (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean ran = FALSE, finished = FALSE;
  LlEngineStatus status;
  gint64 queued, waited;
  gulong paint_id;

  /* Growing by 1024 elements at a time, copying the list each time, it
   * runs far longer than the test. */
  ll_controls_set_policy (controls, LL_POLICY_FIXED);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (find_action_row (GTK_WIDGET (window), "_Increment"),
                                                    GTK_TYPE_ENTRY)),
                         "1024");
  ll_controls_set_element (controls, LL_ELEMENT_INT32);
  ll_controls_set_target_text (controls, "1 GiB");
  g_signal_connect (window, "run-finished", G_CALLBACK (on_run_finished), &finished);
  paint_id = g_signal_connect (clock, "paint", G_CALLBACK (on_slow_paint), NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  do
    {
      g_main_context_iteration (NULL, TRUE);
      ll_engine_get_status (ll_window_get_engine (window), &status);
    }
  while (status.state == LL_ENGINE_IDLE);
  wait_ms (200);

  queued = g_get_monotonic_time ();
  g_idle_add (set_flag, &ran);
  g_assert_true (wait_for_flag (&ran, 5000));
  waited = g_get_monotonic_time () - queued;
  g_test_message ("an idle callback waited %.0f ms during the run", waited / 1000.0);
  g_assert_true (ll_window_is_running (window));
  g_assert_cmpint (waited, <, G_TIME_SPAN_SECOND);

  g_signal_handler_disconnect (clock, paint_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.stop", NULL);
  g_assert_true (wait_for_flag (&finished, 5000));
  destroy_window (window);
}

static void
test_does_not_fit (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  AdwMessageDialog *dialog;
  LlEngineStatus status;
  gboolean finished = FALSE;

  ll_window_set_mem_probe (window, small_machine, NULL);
  ll_controls_set_target_text (controls, "2 GiB");
  /* A policy that copies: the plan and the run count old + new blocks
   * alike on every allocator (a sanitizer's realloc () copies too). */
  ll_controls_set_policy (controls, LL_POLICY_DOUBLE);

  /* Cancel: nothing runs. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "fit"));
  g_assert_true (adw_message_dialog_has_response (dialog, "anyway"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (ll_window_get_engine (window));

  /* Run to what fits: a smaller target, reached. */
  g_signal_connect (window, "run-finished", G_CALLBACK (on_run_finished), &finished);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "fit");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_nonnull (ll_window_get_engine (window));
  {
    const LlRunConfig *config = ll_engine_get_config (ll_window_get_engine (window));

    /* Fits what the probe says the machine can spare: 640 MiB less the
     * 512 MiB reserve. */
    g_assert_cmpuint (config->target, <, 2 * GiB);
    g_assert_cmpuint (config->target, >, 0);
    g_assert_cmpuint (ll_run_config_estimate_peak (config, NULL, NULL), <=, 128 * MiB);
  }

  g_assert_true (wait_for_flag (&finished, 60000));
  ll_engine_get_status (ll_window_get_engine (window), &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);
  g_assert_true (g_str_has_prefix (ll_window_get_status_text (window), "Reached the target of "));

  /* With the list kept, a target that does not fit is asked about first,
   * counting the list's memory, and Cancel leaves everything as it was. */
  {
    LlEngine *kept = ll_window_get_engine (window);
    g_autofree char *status_text = g_strdup (ll_window_get_status_text (window));
    g_autofree char *length = g_strdup (ll_summary_view_get_value (ll_window_get_summary (window),
                                                                   LL_FIGURE_LENGTH));
    GtkWidget *release = find_button (GTK_WIDGET (window), "win.release-memory");

    g_assert_true (gtk_widget_get_visible (release));
    ll_controls_set_target_text (controls, "1TB");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                              "once the previous list is freed"));
    /* Nothing happened yet. */
    g_assert_cmpstr (ll_window_get_status_text (window), ==, status_text);
    g_assert_cmpint (ll_window_get_run_state (window), ==, LL_ENGINE_FINISHED);
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    wait_ms (200);

    g_assert_true (ll_window_get_engine (window) == kept);
    g_assert_cmpint (ll_window_get_run_state (window), ==, LL_ENGINE_FINISHED);
    g_assert_cmpstr (ll_window_get_status_text (window), ==, status_text);
    g_assert_cmpstr (ll_summary_view_get_value (ll_window_get_summary (window), LL_FIGURE_LENGTH),
                     ==, length);
    g_assert_true (gtk_widget_get_visible (release));
    g_assert_true (gtk_widget_is_sensitive (release));
    g_assert_true (start_sensitive (window));
    ll_engine_get_status (kept, &status);
    g_assert_cmpint (status.state, ==, LL_ENGINE_FINISHED);
  }

  destroy_window (window);
}

/* What cannot be taken is said at its field, and what was typed stays. */
static void
test_input_at_field (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  GtkWidget *factor_row, *constant_row, *factor_entry;
  const char *subtitle;

  ll_controls_set_policy (controls, LL_POLICY_CUSTOM);
  factor_row = find_action_row (GTK_WIDGET (window), "_Factor");
  constant_row = find_action_row (GTK_WIDGET (window), "Const_ant");
  g_assert_nonnull (factor_row);
  g_assert_nonnull (constant_row);
  g_assert_true (gtk_widget_get_visible (factor_row));
  factor_entry = find_widget (factor_row, GTK_TYPE_ENTRY);
  g_assert_nonnull (factor_entry);

  gtk_editable_set_text (GTK_EDITABLE (factor_entry), "0.5");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (factor_entry)), ==, "0.5");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (factor_row));
  g_assert_nonnull (strstr (subtitle, "0.5"));
  g_assert_nonnull (strstr (subtitle, "shrink"));
  g_assert_true (gtk_widget_has_css_class (factor_entry, "error"));
  /* The constant is fine, and says nothing. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (constant_row)), ==,
                   "Slots added at each growth besides the factor");
  g_assert_false (gtk_widget_has_css_class (constant_row, "error"));
  g_assert_false (start_sensitive (window));

  gtk_editable_set_text (GTK_EDITABLE (factor_entry), "16.0000001");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (factor_row)),
                            "16.0000001"));
  gtk_editable_set_text (GTK_EDITABLE (factor_entry), "one");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (factor_row)),
                            "“one” is not a number"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (factor_entry)), ==, "one");

  /* Factor 1 without a constant never grows: said at the constant. */
  gtk_editable_set_text (GTK_EDITABLE (factor_entry), "1");
  g_assert_false (gtk_widget_has_css_class (factor_entry, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (constant_row)),
                            "never grow"));
  g_assert_false (start_sensitive (window));
  gtk_editable_set_text (GTK_EDITABLE (factor_entry), "1.5");
  g_assert_true (start_sensitive (window));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (factor_row)), ==,
                   "New capacity = old × factor + constant");

  /* A target larger than the machine can spare is said as it is typed,
   * with the largest that fits; Start still asks. */
  ll_controls_set_policy (controls, LL_POLICY_CPYTHON);
  ll_window_set_mem_probe (window, small_machine, NULL);
  ll_controls_set_target_text (controls, "2 GiB");
  g_assert_true (g_str_has_prefix (ll_controls_get_target_message (controls),
                                   "More than the memory free now (128.00 MiB after the reserve): "
                                   "the largest target that fits is "));
  g_assert_true (start_sensitive (window));
  ll_controls_set_target_text (controls, "64 MiB");
  g_assert_cmpstr (ll_controls_get_target_message (controls), ==,
                   "67.11 MB = 64.00 MiB = 67,108,864 bytes");

  /* An initial list that already reaches the target is a warning, not an
   * error: the run makes the list and stops. */
  {
    g_autoptr(GPtrArray) labels = NULL;
    GtkWidget *message = NULL;

    ll_controls_set_initial_text (controls, "10M");
    g_assert_cmpstr (ll_controls_get_target_message (controls), ==,
                     "The initial list of 10,000,000 elements already reaches this target: "
                     "the run makes it and stops without growing it");
    labels = find_widgets (GTK_WIDGET (window), GTK_TYPE_LABEL);
    for (guint i = 0; i < labels->len; i++)
      if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)),
                     ll_controls_get_target_message (controls)) == 0)
        message = g_ptr_array_index (labels, i);
    g_assert_nonnull (message);
    g_assert_true (gtk_widget_has_css_class (message, "warning"));
    g_assert_true (start_sensitive (window));
    ll_controls_set_initial_text (controls, "0");
    g_assert_cmpstr (ll_controls_get_target_message (controls), ==,
                     "67.11 MB = 64.00 MiB = 67,108,864 bytes");
    g_assert_false (gtk_widget_has_css_class (message, "warning"));
  }

  destroy_window (window);
}

/* Under a container's memory limit, free memory is what the limit leaves,
 * and the figure says so. */
static gboolean
limited_machine (LlMemInfo *info,
                 gpointer   user_data,
                 GError   **error)
{
  info->total_bytes = 64 * GiB;
  info->available_bytes = 22 * GiB;
  info->cgroup_limit_bytes = 2 * GiB;
  info->cgroup_usage_bytes = 512 * MiB;
  return TRUE;
}

static void
test_container_limit (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  LlSummaryView *summary = ll_window_get_summary (window);

  ll_window_set_mem_probe (window, limited_machine, NULL);
  ll_controls_set_target_text (controls, "16 MiB");
  run_to_end (window);
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_FREE_NOW), ==, "1.50 GiB");
  g_assert_cmpstr (ll_summary_view_get_detail (summary, LL_FIGURE_FREE_NOW), ==,
                   "Within the container’s 2.00 GiB limit");
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_FREE_START), ==, "1.50 GiB");

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
  GtkWidget *figures = find_widget (summary, GTK_TYPE_BUTTON);
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
                           "<Alt>1", "<Alt>2", "<Alt>3", "<Alt>4", "<Alt>5", "<Control>t" };
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

/* Check Against Python runs the run's experiment in the interpreter: its
 * run joins the list, the verdict in a toast; what it cannot check says
 * why in a dialog. */
static void
test_verify (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  GListModel *store = G_LIST_MODEL (ll_run_set_get_store (ll_window_get_runs (window)));
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

  g_test_add_func ("/ui/window/opens", test_opens);
  g_test_add_func ("/ui/window/bad-target", test_bad_target);
  g_test_add_func ("/ui/window/options", test_options);
  g_test_add_func ("/ui/window/command-line", test_command_line);
  g_test_add_func ("/ui/window/small-run", test_small_run);
  g_test_add_func ("/ui/window/stop", test_stop);
  g_test_add_func ("/ui/window/start-after-paint", test_start_after_paint);
  g_test_add_func ("/ui/window/start-option", test_start_option);
  g_test_add_func ("/ui/window/idle-during-run", test_idle_during_run);
  g_test_add_func ("/ui/window/does-not-fit", test_does_not_fit);
  g_test_add_func ("/ui/window/input-at-field", test_input_at_field);
  g_test_add_func ("/ui/window/container-limit", test_container_limit);
  g_test_add_func ("/ui/window/finalized", test_finalized);
  g_test_add_func ("/ui/window/shortcuts", test_shortcuts);
  g_test_add_func ("/ui/window/tab-order", test_tab_order);
  g_test_add_func ("/ui/window/verify", test_verify);

  return g_test_run ();
}
