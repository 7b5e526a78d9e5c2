/* test-window-run.c — a run's life in the window: started (asked first when it
 * does not fit), followed frame by frame without stalling the window, stopped,
 * finished
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ll-controls.h"
#include "ll-run-set.h"
#include "ll-window.h"
#include "ui-test-util.h"

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
  release_memory (window);
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

/* The status above the figures says where a run is in a line of detail,
 * or in none, and keeps the room of the longest it will say: the figures
 * and the charts stay where they are when a run starts, ends and is
 * released, and are not all painted again for it. At 1200 pixels the
 * ending takes one line; at 1000, beside Release Memory, two. */
static void
check_status_keeps_its_place (int width)
{
  LlWindow *window = create_window_sized (width, 800);
  GtkWidget *status, *detail;
  gboolean finished = FALSE;
  float top;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "32 MiB");
  wait_frames (GTK_WIDGET (window), 2);
  /* (the sidebar beside the status, at both widths) */
  g_assert_false (adw_flap_get_folded (ll_window_get_flap (window)));
  g_assert_true (adw_flap_get_reveal_flap (ll_window_get_flap (window)));
  top = board_top (window);

  run_to_end (window);
  g_assert_true (g_str_has_prefix (ll_window_get_status_text (window), "Reached the target"));
  wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpfloat (board_top (window), ==, top);

  release_memory (window);
  wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpfloat (board_top (window), ==, top);

  /* A second run frees the first one's list first, with no detail to say. */
  run_to_end (window);
  g_signal_connect (window, "run-finished", G_CALLBACK (on_run_finished), &finished);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  g_assert_cmpstr (ll_window_get_status_text (window), ==, "Freeing the previous list…");
  status = find_label (GTK_WIDGET (window), "Freeing the previous list…");
  g_assert_nonnull (status);
  detail = gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_next_sibling (status)));
  g_assert_true (GTK_IS_LABEL (detail));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (detail)), ==, "");
  g_assert_true (gtk_widget_get_visible (detail));

  g_assert_true (wait_for_flag (&finished, 60000));
  wait_frames (GTK_WIDGET (window), 2);
  g_assert_cmpfloat (board_top (window), ==, top);

  destroy_window (window);
}

static void
test_status_keeps_its_place (void)
{
  check_status_keeps_its_place (1200);
  check_status_keeps_its_place (1000);
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

/* "listlab --start" while a run goes on, or while its list is being
 * freed, starts nothing over it and says so; its settings wait in the
 * window for the next run. */
static void
test_start_option_busy (void)
{
  g_autoptr(GError) error = NULL;
  LlWindow *window = create_window ();
  GListModel *runs = ll_run_set_get_model (ll_window_get_runs (window));
  gboolean finished = FALSE;
  LlRunConfig config;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "16 MiB");
  g_signal_connect (window, "run-finished", G_CALLBACK (on_run_finished), &finished);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  g_assert_false (ll_window_apply_options (window, "go", "8MiB", NULL, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==,
                   "Not started: a run is in progress. The settings are ready for the next run: "
                   "press Start when this one ends");
  g_clear_error (&error);
  g_assert_true (ll_controls_get_config (ll_window_get_controls (window), &config, NULL));
  g_assert_cmpint (config.policy.kind, ==, LL_POLICY_GO);
  g_assert_cmpuint (config.target, ==, 8 * MiB);

  /* The run that was going on ends as it was set up, alone. */
  g_assert_true (wait_for_flag (&finished, 30000));
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 1);
  g_assert_cmpint (ll_run_get_config (ll_window_get_run (window))->policy.kind, ==, LL_POLICY_CPYTHON);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.release-memory", NULL));
  g_assert_false (ll_window_apply_options (window, NULL, NULL, NULL, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_true (g_str_has_prefix (error->message, "Not started: the previous list is still being freed."));
  g_clear_error (&error);

  /* Once it is free, the settings that waited start the next run. */
  while (!start_sensitive (window))
    g_main_context_iteration (NULL, TRUE);
  finished = FALSE;
  g_assert_true (ll_window_apply_options (window, NULL, NULL, NULL, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_flag (&finished, 30000));
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 2);
  g_assert_cmpint (ll_run_get_config (ll_window_get_run (window))->policy.kind, ==, LL_POLICY_GO);

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
  g_autofree char *body = NULL;

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
  body = g_strdup (adw_message_dialog_get_body (dialog));
  adw_message_dialog_response (dialog, "fit");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_nonnull (ll_window_get_engine (window));
  {
    const LlRunConfig *config = ll_engine_get_config (ll_window_get_engine (window));
    g_autofree char *target = ll_run_config_format_target (config);
    g_autofree char *largest = g_strdup_printf ("the largest target that fits is %s.", target);
    g_autofree char *instead = g_strdup_printf ("grows the list to %s instead", target);

    /* Fits what the probe says the machine can spare: 640 MiB less the
     * 512 MiB reserve. */
    g_assert_cmpuint (config->target, <, 2 * GiB);
    g_assert_cmpuint (config->target, >, 0);
    g_assert_cmpuint (ll_run_config_estimate_peak (config, NULL, NULL), <=, 128 * MiB);
    /* The target the dialog names, twice, is the one run: rounded down
     * to what it shows, so typed back it fits too. */
    g_assert_nonnull (strstr (body, largest));
    g_assert_nonnull (strstr (body, instead));
    g_assert_cmpuint (config->target, ==, ll_bytes_round_down (config->target, config->target_units));
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

/* A machine whose free memory the test sets. */
static gboolean
changing_machine (LlMemInfo *info,
                  gpointer   user_data,
                  GError   **error)
{
  info->total_bytes = 8 * GiB;
  info->available_bytes = *(const guint64 *) user_data;
  info->cgroup_limit_bytes = LL_NO_LIMIT;
  info->cgroup_usage_bytes = 0;
  return TRUE;
}

/* Waits, a few seconds at most, for the free memory figure to say @text. */
static void
wait_for_free_now (LlSummaryView *summary,
                   const char    *text)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (g_strcmp0 (ll_summary_view_get_value (summary, LL_FIGURE_FREE_NOW), text) != 0 &&
         g_get_monotonic_time () < deadline)
    wait_ms (50);
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_FREE_NOW), ==, text);
}

/* Before a run, free memory is read again while the window is shown: the
 * figure follows it, and so does the target's fit, with nothing typed. */
static void
test_idle_memory (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  LlSummaryView *summary = ll_window_get_summary (window);
  guint64 available = 4 * GiB;
  char *before;

  ll_window_set_mem_probe (window, changing_machine, &available);
  ll_controls_set_target_text (controls, "2 GiB");
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_FREE_NOW), ==, "4.00 GiB");
  g_assert_false (g_str_has_prefix (ll_controls_get_target_message (controls),
                                    "More than the memory free now"));
  before = g_strdup (ll_controls_get_target_message (controls));

  /* Other programs take memory: within a few seconds, both say so. */
  available = 1 * GiB;
  wait_for_free_now (summary, "1.00 GiB");
  g_assert_true (g_str_has_prefix (ll_controls_get_target_message (controls),
                                   "More than the memory free now"));

  /* And give it back. */
  available = 4 * GiB;
  wait_for_free_now (summary, "4.00 GiB");
  g_assert_cmpstr (ll_controls_get_target_message (controls), ==, before);
  g_free (before);

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window-run/small-run", test_small_run);
  g_test_add_func ("/ui/window-run/stop", test_stop);
  g_test_add_func ("/ui/window-run/status-keeps-its-place", test_status_keeps_its_place);
  g_test_add_func ("/ui/window-run/start-after-paint", test_start_after_paint);
  g_test_add_func ("/ui/window-run/start-option", test_start_option);
  g_test_add_func ("/ui/window-run/start-option-busy", test_start_option_busy);
  g_test_add_func ("/ui/window-run/idle-during-run", test_idle_during_run);
  g_test_add_func ("/ui/window-run/does-not-fit", test_does_not_fit);
  g_test_add_func ("/ui/window-run/input-at-field", test_input_at_field);
  g_test_add_func ("/ui/window-run/container-limit", test_container_limit);
  g_test_add_func ("/ui/window-run/idle-memory", test_idle_memory);

  return g_test_run ();
}
