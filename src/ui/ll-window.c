/* ll-window.c — List Lab's main window: set up a run, watch it, keep it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-window-private.h"
#include "ll-allocator.h"
#include "ll-export-controller.h"
#include "ll-run-files.h"
#include "ll-ui-util.h"

/* Figures change many times a second; people read them at a calmer pace
 * and relayout costs frame time. Charts follow every frame. */
#define SUMMARY_INTERVAL_US (100 * G_TIME_SPAN_MILLISECOND)
/* After "Release Memory", free memory is sampled this long. */
#define AFTER_RELEASE_US (8 * G_TIME_SPAN_SECOND)
/* At most this long between Start and the engine starting. */
#define START_AFTER_MS 100
/* During a run, work waiting at the default idle priority runs within
 * about this long. */
#define IDLE_WAIT_US (250 * G_TIME_SPAN_MILLISECOND)


G_DEFINE_FINAL_TYPE (LlWindow, ll_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  RUN_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void release_list (LlWindow *self,
                          LlRun    *start_after);

gboolean
ll_window_read_memory (LlWindow  *self,
             LlMemInfo *info)
{
  if (self->mem_probe != NULL)
    return self->mem_probe (info, self->mem_probe_data, NULL);

  return ll_mem_read_system (info, NULL, NULL);
}

static LlEngineState
get_state (LlWindow *self)
{
  if (self->run == NULL)
    return LL_ENGINE_IDLE;
  if (self->run_pending)
    return LL_ENGINE_RUNNING;

  return ll_run_get_state (self->run);
}

void
ll_window_toast (LlWindow   *self,
       const char *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* The heading says where the run is, and so does the window's title:
 * screen readers announce a new title of the window in use, and GTK 4.8
 * has no other way to tell them that a run began or ended. */
void
ll_window_set_status (LlWindow   *self,
            const char *title,
            const char *detail)
{
  g_autofree char *window_title = NULL;

  gtk_label_set_label (self->status_label, title);
  gtk_label_set_label (self->status_detail, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_detail), detail != NULL && *detail != '\0');

  /* Translators: the window's title during and after a run: what the run
   * is doing or how it ended, then the app's name */
  window_title = g_strdup_printf (_("%s — List Lab"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
ll_window_update_actions (LlWindow *self)
{
  LlEngineState state = get_state (self);
  gboolean running = state == LL_ENGINE_RUNNING;
  /* (A simulation, or a run opened from a file, holds no list.) */
  gboolean holds_list = state == LL_ENGINE_FINISHED && ll_run_get_engine (self->run) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start",
                                 !running && !self->releasing &&
                                 ll_controls_get_valid (self->controls));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.release-memory",
                                 holds_list && !self->releasing);

  gtk_stack_set_visible_child_name (self->run_button_stack, running ? "stop" : "start");
  gtk_widget_set_visible (GTK_WIDGET (self->release_button), holds_list || self->releasing);
  gtk_widget_set_visible (GTK_WIDGET (self->example_button), self->run == NULL);
  /* Before the first run there is nothing to export. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), self->run != NULL);
  if (self->exporter != NULL)
    ll_export_controller_update (self->exporter);
  if (self->files != NULL)
    ll_run_files_update (self->files);
}

/* The charts draw the current run on top and every other run shown. */
void
ll_window_push_chart_data (LlWindow *self)
{
  GListModel *store = G_LIST_MODEL (ll_run_set_get_store (self->runs));
  guint n = g_list_model_get_n_items (store);
  g_autoptr(GArray) series = g_array_new (FALSE, TRUE, sizeof (LlChartSeries));
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  LlChartData data;

  if (self->run != NULL && ll_run_get_visible (self->run))
    {
      LlChartSeries s;

      ll_chart_series_init_from_view (&s, self->view,
                                      ll_element_get_info (ll_run_get_config (self->run)->element)->slot_bytes);
      g_ptr_array_add (names, ll_run_dup_short_title (self->run));
      s.name = g_ptr_array_index (names, names->len - 1);
      s.style = ll_run_get_style (self->run);
      g_array_append_val (series, s);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlRun) run = g_list_model_get_item (store, i);
      LlChartSeries s;

      if (run == self->run || !ll_run_get_visible (run))
        continue;
      ll_run_update_view (run);
      ll_chart_series_init_from_view (&s, ll_run_get_view (run),
                                      ll_element_get_info (ll_run_get_config (run)->element)->slot_bytes);
      g_ptr_array_add (names, ll_run_dup_short_title (run));
      s.name = g_ptr_array_index (names, names->len - 1);
      s.style = ll_run_get_style (run);
      g_array_append_val (series, s);
    }
  /* One run alone keeps its own colours. */
  if (series->len == 1)
    g_array_index (series, LlChartSeries, 0).style = 0;

  ll_chart_data_init (&data, (const LlChartSeries *) (gpointer) series->data, series->len);
  ll_chart_board_set_data (self->board, &data);
  ll_chart_board_set_history (self->board, self->run != NULL ? self->view : NULL);
  /* The charts point at the new names now: the old ones can go. */
  g_clear_pointer (&self->series_names, g_ptr_array_unref);
  self->series_names = names;
}

void
ll_window_on_runs_changed (LlWindow *self)
{
  if (self->files != NULL)
    ll_run_files_update (self->files);
  ll_window_push_chart_data (self);
  ll_comparison_table_refresh (ll_chart_board_get_comparison (self->board));
  ll_run_list_set_runs (ll_controls_get_run_list (self->controls),
                        ll_run_set_get_store (self->runs), self->run);
}

static void
clear_chart_data (LlWindow *self)
{
  ll_chart_board_set_data (self->board, NULL);
  ll_chart_board_set_history (self->board, NULL);
}

void
ll_window_update_summary (LlWindow *self)
{
  LlSummaryInfo info = { 0 };
  LlRunProgress progress;

  info.units = self->units;

  if (self->run == NULL)
    {
      info.has_run = FALSE;
      info.available_bytes = self->idle_available_bytes;
      info.limit_bytes = self->idle_limit_bytes;
      ll_summary_view_update (self->summary, &info);
      return;
    }

  info.has_run = TRUE;
  ll_run_get_status (self->run, &info.status);
  info.counters = *ll_history_view_get_counters (self->view);
  info.element = ll_run_get_config (self->run)->element;
  info.limit_bytes = info.status.state == LL_ENGINE_IDLE ? self->idle_limit_bytes
                                                          : info.status.limit_bytes;

  ll_run_get_progress (self->run, &progress);
  info.progress = progress.fraction;
  info.appends_per_second = progress.appends_per_second;
  info.eta_ns = progress.eta_ns;

  if (info.counters.n_samples > 0)
    info.available_bytes = info.counters.last_sample.available_bytes;
  else
    info.available_bytes = info.status.start_available_bytes;

  /* The next growth, against what is free now: a warning comes before a
   * growth that would cross the reserve, not after. */
  if (info.status.state == LL_ENGINE_RUNNING && info.available_bytes > 0)
    {
      info.has_forecast = ll_fit_next_growth (&info.forecast, ll_run_get_config (self->run),
                                              info.status.length, info.status.capacity,
                                              info.available_bytes,
                                              info.status.reserve_bytes == G_MAXUINT64
                                              ? 0 : info.status.reserve_bytes);
      if (info.has_forecast && !info.forecast.fits && !self->forecast_warned)
        {
          self->forecast_warned = TRUE;
          ll_window_toast (self, _("The next growth would cross the memory reserve: the run will stop before it"));
        }
    }
  ll_chart_board_set_next_growth (self->board, info.has_forecast ? info.forecast.need : 0);

  ll_summary_view_update (self->summary, &info);
}

static void
refresh (LlWindow *self,
         gboolean  force_summary)
{
  LlEngineStatus status;
  gboolean summary_due;
  gint64 now;

  if (self->run == NULL)
    return;

  now = g_get_monotonic_time ();
  summary_due = force_summary || now - self->last_summary_us >= SUMMARY_INTERVAL_US;

  /* A frame repaints the bounding box of what changed: the figures and the
   * chart take turns, so that no frame repaints both. */
  if (!summary_due || force_summary)
    {
      if (ll_history_view_update (self->view, ll_run_get_history (self->run)))
        ll_window_push_chart_data (self);
    }

  ll_run_get_status (self->run, &status);
  if (status.reserve_bytes != self->reserve_bytes)
    {
      self->reserve_bytes = status.reserve_bytes;
      ll_chart_board_set_memory_context (self->board,
                                        self->reserve_bytes == G_MAXUINT64 ? 0 : self->reserve_bytes,
                                        self->total_bytes);
    }

  if (summary_due)
    {
      ll_window_update_summary (self);
      self->last_summary_us = now;
    }
}

static gboolean
on_idle_probe (gpointer user_data)
{
  LlWindow *self = user_data;

  self->idle_probe_id = 0;

  return G_SOURCE_REMOVE;
}

/* Frames that take longer than the frame interval (a software renderer, a
 * machine busy with the run) follow each other at once, and the main loop
 * never reaches the default idle priority: GTK's own work waits there, such
 * as registering the window with the screen readers. A probe sits at that
 * priority; when it waited too long, a frame leaves the figures and charts
 * as they are, so that it paints nothing and the main loop gets a turn. */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  LlWindow *self = LL_WINDOW (widget);
  gint64 now = g_get_monotonic_time ();

  if (self->idle_probe_id == 0)
    {
      self->idle_probe_id = g_idle_add (on_idle_probe, self);
      self->idle_probe_us = now;
    }
  else if (now - self->idle_probe_us >= IDLE_WAIT_US)
    return G_SOURCE_CONTINUE;

  refresh (self, FALSE);

  return G_SOURCE_CONTINUE;
}

static void
stop_ticking (LlWindow *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_handle_id (&self->idle_probe_id, g_source_remove);
}

static void
stop_sampler (LlWindow *self)
{
  g_clear_handle_id (&self->sampler_id, g_source_remove);
}

/* Once the list is released and the engine's threads are gone, the window
 * samples free memory itself, into the run's history, so the memory chart
 * goes on showing the system take the memory back. The clock is the
 * engine's: elapsed since the run started. */
static gboolean
on_sample (gpointer user_data)
{
  LlWindow *self = user_data;
  const LlHistoryCounters *counters;
  LlEngineStatus status;
  LlSample sample = { 0 };
  LlMemInfo info;
  gint64 now = g_get_monotonic_time ();

  if (self->run == NULL)
    {
      self->sampler_id = 0;
      return G_SOURCE_REMOVE;
    }

  ll_run_get_status (self->run, &status);
  counters = ll_history_view_get_counters (self->view);

  if (ll_window_read_memory (self, &info))
    {
      sample.elapsed_ns = (guint64) (now - self->run_start_us) * 1000;
      if (counters->n_samples > 0 && sample.elapsed_ns <= counters->last_sample.elapsed_ns)
        sample.elapsed_ns = counters->last_sample.elapsed_ns + 1;
      if (status.state != LL_ENGINE_RELEASED)
        {
          sample.length = status.length;
          sample.capacity = status.capacity;
          sample.container_bytes = status.container_bytes;
          sample.objects_bytes = status.objects_bytes;
        }
      sample.rss_bytes = ll_mem_process_rss ();
      sample.available_bytes = ll_mem_info_spare (&info);
      ll_history_push_samples (ll_run_get_history (self->run), &sample, 1);
    }

  refresh (self, TRUE);

  if (now >= self->sampler_end_us)
    {
      self->sampler_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
start_sampler (LlWindow *self)
{
  guint hz;

  if (self->sampler_id != 0 || self->run == NULL)
    return;

  hz = ll_run_get_config (self->run)->sample_hz;
  if (hz == 0)
    hz = LL_DEFAULT_SAMPLE_HZ;

  self->sampler_end_us = g_get_monotonic_time () + AFTER_RELEASE_US;
  self->sampler_id = g_timeout_add (MAX (1, 1000 / hz), on_sample, self);
}

static void
on_run_finished (LlRun    *run,
                 LlWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  LlEngineStatus status;

  if (run != self->run)
    return;

  ll_run_get_status (run, &status);
  stop_ticking (self);
  refresh (self, TRUE);
  /* Its figures are final. */
  ll_comparison_table_refresh (ll_chart_board_get_comparison (self->board));

  title = ll_run_dup_stop_message (run, self->units);
  {
    g_autofree char *length = ll_format_count_exact (status.length);
    g_autofree char *bytes = ll_format_bytes (status.container_bytes + status.objects_bytes,
                                              self->units);
    g_autofree char *elapsed = ll_format_duration (status.elapsed_ns);

    /* Translators: e.g. "22,500,004 elements, 171.66 MiB, in 1.20 s; kept in memory
     * until released" */
    detail = g_strdup_printf (_("%s elements, %s, in %s; kept in memory until released"),
                              length, bytes, elapsed);
  }

  /* The heading says how the run ended; a toast would only cover the
   * charts with the same words. */
  ll_window_set_status (self, title, detail);
  ll_window_update_actions (self);
  ll_controls_set_reclaimable (self->controls, ll_run_get_resident_bytes (run));

  g_signal_emit (self, signals[RUN_FINISHED], 0);
}

static void
cancel_pending_start (LlWindow *self)
{
  if (self->start_clock != NULL)
    {
      /* A clock whose window is gone has dropped its handlers already. */
      if (g_signal_handler_is_connected (self->start_clock, self->start_paint_id))
        g_signal_handler_disconnect (self->start_clock, self->start_paint_id);
      self->start_paint_id = 0;
      g_clear_object (&self->start_clock);
    }
  g_clear_handle_id (&self->start_timeout_id, g_source_remove);
}

static void
start_engine (LlWindow *self)
{
  LlEngineStatus status;

  cancel_pending_start (self);
  if (!self->run_pending)
    return;

  self->run_pending = FALSE;
  ll_run_start (self->run);
  ll_run_get_status (self->run, &status);
  self->run_start_us = g_get_monotonic_time () - (gint64) (status.elapsed_ns / 1000);
}

void
ll_window_drop_run (LlWindow *self)
{
  if (self->run == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->run, on_run_finished, self);
  g_clear_object (&self->run);
}

/* Shows @run (taken) and starts it once the window painted it running. */
static void
begin_run (LlWindow *self,
           LlRun    *run)
{
  g_autofree char *detail = NULL;
  g_autofree char *target = NULL;
  LlMemInfo info;

  stop_sampler (self);
  stop_ticking (self);
  /* The previous run stays among the runs, with its own copy of its
   * history. */
  if (self->run != NULL)
    ll_run_update_view (self->run);
  ll_window_drop_run (self);
  self->run = run;
  g_signal_connect (run, "finished", G_CALLBACK (on_run_finished), self);
  ll_run_set_add (self->runs, run);

  ll_history_view_clear (self->view);
  clear_chart_data (self);

  self->total_bytes = ll_window_read_memory (self, &info) ? info.total_bytes : 0;
  self->reserve_bytes = 0;
  ll_chart_board_set_memory_context (self->board, 0, self->total_bytes);
  self->last_summary_us = 0;
  ll_controls_set_reclaimable (self->controls, 0);

  self->run_start_us = g_get_monotonic_time ();
  self->run_pending = TRUE;
  self->forecast_warned = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* The frame that shows the run beginning repaints most of the window:
       * it is painted first, and the engine starts right after it, so that
       * this frame does not compete with the engine's first gigabytes. */
      self->start_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
      self->start_paint_id = g_signal_connect_swapped (self->start_clock, "after-paint",
                                                       G_CALLBACK (start_engine), self);
      /* A window that is not redrawn (hidden, say) does not hold the run back. */
      self->start_timeout_id = g_timeout_add_once (START_AFTER_MS,
                                                   (GSourceOnceFunc) start_engine, self);
    }
  else
    {
      start_engine (self);
    }

  adw_window_title_set_subtitle (self->window_title, ll_run_get_title (run));
  target = ll_run_config_format_target (ll_run_get_config (run));
  /* Translators: %s is the target, e.g. "10.00 GB" */
  detail = g_strdup_printf (_("Toward %s. Stop keeps the list as it is."), target);
  ll_window_set_status (self, _("Growing the list…"), detail);

  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);

  refresh (self, TRUE);
  ll_window_update_actions (self);
}

/* Starts @run (taken), once the list the window still holds is freed: the
 * new run needs that memory, and freeing gigabytes takes a moment, off the
 * main thread. */
static void
go_ahead (LlWindow *self,
          LlRun    *run)
{
  if (get_state (self) == LL_ENGINE_FINISHED)
    {
      ll_window_set_status (self, _("Freeing the previous list…"), NULL);
      release_list (self, run);
      return;
    }

  begin_run (self, run);
}

static void
on_fits_response (AdwMessageDialog *dialog,
                  const char       *response,
                  LlWindow         *self)
{
  LlRun *run = g_object_get_data (G_OBJECT (dialog), "run");
  guint64 fitting = *(guint64 *) g_object_get_data (G_OBJECT (dialog), "fitting");

  if (g_strcmp0 (response, "anyway") == 0)
    go_ahead (self, g_object_ref (run));
  else if (g_strcmp0 (response, "fit") == 0)
    {
      g_autoptr(GError) error = NULL;
      LlRunConfig config = *ll_run_get_config (run);
      LlRun *fitting_run;

      config.target = fitting;
      fitting_run = ll_run_new (LL_RUN_REAL, &config, &error);
      if (fitting_run == NULL)
        ll_window_toast (self, error->message);
      else
        go_ahead (self, fitting_run);
    }

  ll_window_update_actions (self);
}

static void
ask_to_fit (LlWindow    *self,
            LlRun       *run,
            const LlFit *fit)
{
  AdwMessageDialog *dialog;
  g_autofree char *why = ll_fit_describe (fit, ll_run_get_config (run));
  g_autofree char *body = NULL;

  if (fit->fitting > 0)
    {
      g_autofree char *target = NULL;
      LlRunConfig config = *ll_run_get_config (run);

      config.target = fit->fitting;
      target = ll_run_config_format_target (&config);
      /* Translators: the first %s explains the numbers, the second is a size */
      body = g_strdup_printf (_("%s\n\n“Run to What Fits” grows the list to %s instead. "
                                "Either way, the run stops before free memory falls "
                                "below the reserve."),
                              why, target);
    }
  else
    body = g_strdup_printf (_("%s\n\nThe run stops before free memory falls below the "
                              "reserve."),
                            why);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Not Enough Free Memory"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "anyway", _("Run _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "anyway", ADW_RESPONSE_DESTRUCTIVE);
  if (fit->fitting > 0)
    {
      adw_message_dialog_add_response (dialog, "fit", _("Run to What _Fits"));
      adw_message_dialog_set_response_appearance (dialog, "fit", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "fit");
    }
  else
    adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "run", g_object_ref (run), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "fitting",
                          g_memdup2 (&fit->fitting, sizeof fit->fitting), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_fits_response), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_released (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LlRun *run = LL_RUN (object);
  g_autoptr(LlWindow) self = user_data;

  ll_run_release_finish (run, result, NULL);
  self->releasing = FALSE;
  ll_allocator_give_back ();
  if (run != self->run)
    return;

  ll_window_update_actions (self);
  ll_controls_set_reclaimable (self->controls, 0);

  if (self->start_after_release != NULL)
    {
      begin_run (self, g_steal_pointer (&self->start_after_release));
      return;
    }

  start_sampler (self);

  ll_window_set_status (self, _("Memory released"),
              _("The list is gone; the charts keep what it did. Free memory is "
                "sampled a few more seconds so you can see the system take it back."));
  refresh (self, TRUE);
}

/* Frees the list off the main thread; then starts @start_after (taken)
 * if not NULL. */
static void
release_list (LlWindow *self,
              LlRun    *start_after)
{
  if (self->releasing || get_state (self) != LL_ENGINE_FINISHED)
    {
      g_clear_object (&start_after);
      return;
    }

  self->releasing = TRUE;
  g_clear_object (&self->start_after_release);
  self->start_after_release = start_after;
  if (start_after == NULL)
    ll_window_set_status (self, _("Releasing memory…"), NULL);
  ll_window_update_actions (self);

  ll_run_release_async (self->run, NULL, on_released, g_object_ref (self));
}

static void
start_run (LlWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlRun) run = NULL;
  LlRunConfig config;
  LlFit fit;

  if (self->releasing || get_state (self) == LL_ENGINE_RUNNING)
    return;

  if (!ll_controls_get_config (self->controls, &config, &error))
    {
      ll_window_toast (self, error->message);
      return;
    }
  config.mem_probe = self->mem_probe;
  config.mem_probe_data = self->mem_probe_data;

  run = ll_run_new (LL_RUN_REAL, &config, &error);
  if (run == NULL)
    {
      ll_window_toast (self, error->message);
      return;
    }

  /* Asked before anything happens: the list still held is freed only once
   * the person goes ahead, and counts as memory the run will have. */
  if (!ll_run_plan (run, self->run != NULL ? ll_run_get_resident_bytes (self->run) : 0,
                    &fit, &error))
    {
      ll_window_toast (self, error->message);
      return;
    }
  if (!fit.fits)
    {
      ask_to_fit (self, run, &fit);
      return;
    }

  /* How long a quadratic run will copy, said as it starts. */
  {
    g_autofree char *copies = ll_run_config_describe_copies (&config);

    if (copies != NULL)
      ll_window_toast (self, copies);
  }
  go_ahead (self, g_steal_pointer (&run));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);

  /* A run of one's own counts its loop from its first append. */
  ll_event_table_set_loop_start (ll_chart_board_get_table (self->board), 0);
  start_run (self);
}

static void
notebook_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);

  if (self->releasing || get_state (self) == LL_ENGINE_RUNNING)
    return;

  ll_controls_load_notebook_example (self->controls);
  /* It appends twice before its loop. */
  ll_event_table_set_loop_start (ll_chart_board_get_table (self->board), 2);
  g_object_set (self->board, "show-table", TRUE, NULL);
  start_run (self);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);

  if (get_state (self) != LL_ENGINE_RUNNING)
    return;

  /* A run that has not started yet starts and stops at once, and ends the
   * way every stopped run does. */
  start_engine (self);
  ll_run_cancel (self->run);
  ll_window_set_status (self, _("Stopping…"), NULL);
}

static void
release_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  release_list (LL_WINDOW (widget), NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);

  if (gtk_widget_is_sensitive (GTK_WIDGET (self->export_button)))
    gtk_menu_button_popup (self->export_button);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
on_controls_valid_changed (LlWindow *self)
{
  ll_window_update_actions (self);
}

static gboolean
start_when_idle (gpointer user_data)
{
  LlWindow *self = user_data;

  self->start_when_idle_id = 0;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.start", NULL);

  return G_SOURCE_REMOVE;
}

/* A run asked for on the command line starts once the main loop has nothing
 * more urgent left: GTK registers the new window with the screen readers
 * from an idle callback, and does so before the run's frames take the main
 * loop's time. */
static void
on_map (LlWindow *self)
{
  if (self->start_when_mapped && self->start_when_idle_id == 0)
    {
      self->start_when_mapped = FALSE;
      self->start_when_idle_id = g_idle_add_full (G_PRIORITY_LOW, start_when_idle, self, NULL);
    }
}

static void
ll_window_dispose (GObject *object)
{
  LlWindow *self = LL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  /* The engine and the exports notice their cancel side by side. */
  if (self->run != NULL)
    ll_run_cancel (self->run);
  g_clear_object (&self->start_after_release);
  cancel_pending_start (self);
  g_clear_handle_id (&self->start_when_idle_id, g_source_remove);
  stop_ticking (self);
  stop_sampler (self);

  if (self->files != NULL)
    {
      ll_run_files_shutdown (self->files);
      g_clear_object (&self->files);
    }

  /* Exports are cancelled first: their workers remove their temporary
   * files before the window lets go of the list. */
  if (self->exporter != NULL)
    {
      ll_export_controller_shutdown (self->exporter);
      g_clear_object (&self->exporter);
    }

  /* Quitting during a run: the engine notices within 100 ms. */
  self->run_pending = FALSE;
  ll_window_drop_run (self);
  g_clear_handle_id (&self->compare_progress_id, g_source_remove);
  if (self->runs != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->runs, self);
      ll_run_set_cancel (self->runs);
      g_clear_object (&self->runs);
    }
  g_clear_pointer (&self->series_names, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_WINDOW);

  G_OBJECT_CLASS (ll_window_parent_class)->dispose (object);
}

static void
ll_window_finalize (GObject *object)
{
  LlWindow *self = LL_WINDOW (object);

  g_clear_pointer (&self->view, ll_history_view_free);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ll_window_parent_class)->finalize (object);
}

static void
ll_window_class_init (LlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_window_dispose;
  object_class->finalize = ll_window_finalize;

  /* Before the first list grows in this process. */
  ll_allocator_init ();

  /* Emitted once the window has taken in a run's end (figures, status). */
  signals[RUN_FINISHED] =
    g_signal_new ("run-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LL_TYPE_CHART_BOARD);
  g_type_ensure (LL_TYPE_EXPORT_BAR);
  g_type_ensure (LL_TYPE_CONTROLS);
  g_type_ensure (LL_TYPE_SUMMARY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/listlab/ListLab/ll-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, run_button_stack);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, export_bar);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, controls);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, status_detail);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, release_button);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, example_button);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, board);

  gtk_widget_class_install_action (widget_class, "win.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "win.notebook-example", NULL, notebook_action);
  ll_window_runs_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "win.release-memory", NULL, release_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL,
                                   toggle_sidebar_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "win.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "win.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.stop", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "files.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "files.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "win.toggle-sidebar", NULL);
}

static void
ll_window_init (LlWindow *self)
{
  LlMemInfo info;

  gtk_widget_init_template (GTK_WIDGET (self));
  ll_ui_name_widgets (GTK_WIDGET (self));

  self->view = ll_history_view_new ();
  self->cancellable = g_cancellable_new ();
  self->runs = ll_run_set_new ();
  g_signal_connect_swapped (self->runs, "changed", G_CALLBACK (ll_window_on_runs_changed), self);
  ll_window_runs_init (self);
  ll_run_list_set_runs (ll_controls_get_run_list (self->controls), ll_run_set_get_store (self->runs), NULL);
  ll_comparison_table_set_runs (ll_chart_board_get_comparison (self->board),
                                G_LIST_MODEL (ll_run_set_get_store (self->runs)));
  self->units = LL_UNITS_IEC;

  if (ll_mem_read_system (&info, NULL, NULL))
    {
      self->idle_available_bytes = ll_mem_info_spare (&info);
      self->idle_limit_bytes = info.cgroup_limit_bytes;
      self->total_bytes = info.total_bytes;
    }

  g_signal_connect_object (self->controls, "notify::valid",
                           G_CALLBACK (on_controls_valid_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);

  self->exporter = ll_export_controller_new (self, self->export_bar);
  self->files = ll_run_files_new (self);

  ll_window_update_summary (self);
  ll_window_update_actions (self);
}

LlWindow *
ll_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (LL_TYPE_WINDOW, "application", application, NULL);
}

gboolean
ll_window_apply_options (LlWindow    *self,
                         const char  *policy,
                         const char  *target,
                         const char  *element,
                         gboolean     start,
                         GError     **error)
{
  LlPolicyKind kind = LL_POLICY_CPYTHON;
  LlElement element_model = LL_ELEMENT_SHARED;
  guint64 bytes;

  g_return_val_if_fail (LL_IS_WINDOW (self), FALSE);

  if (policy != NULL && !ll_policy_kind_from_name (policy, &kind, error))
    return FALSE;
  if (element != NULL && !ll_element_from_name (element, &element_model, error))
    return FALSE;
  if (target != NULL && !ll_size_parse_bytes (target, LL_SIZE_FLAGS_NONE, &bytes, error))
    return FALSE;

  /* For this session only: the saved choices stay as they were. */
  ll_controls_apply_command_line (self->controls,
                                  policy != NULL ? &kind : NULL,
                                  element != NULL ? &element_model : NULL,
                                  target);

  if (start)
    {
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.start", NULL);
      else
        self->start_when_mapped = TRUE;
    }

  return TRUE;
}

LlControls *
ll_window_get_controls (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return self->controls;
}

LlSummaryView *
ll_window_get_summary (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return self->summary;
}

LlChartView *
ll_window_get_chart_view (LlWindow    *self,
                          LlChartKind  kind)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return ll_chart_board_get_view (self->board, kind);
}

LlRunFiles *
ll_window_get_run_files (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return self->files;
}

LlRunSet *
ll_window_get_runs (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return self->runs;
}

LlChartBoard *
ll_window_get_board (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return self->board;
}

LlRun *
ll_window_get_run (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return self->run;
}

LlEngine *
ll_window_get_engine (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return self->run != NULL ? ll_run_get_engine (self->run) : NULL;
}

/* The run's state as the window shows it: a run that is about to start
 * (see begin_run ()) is already running. */
LlEngineState
ll_window_get_run_state (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), LL_ENGINE_IDLE);

  return get_state (self);
}

gboolean
ll_window_is_running (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), FALSE);

  return get_state (self) == LL_ENGINE_RUNNING;
}

const char *
ll_window_get_status_text (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return gtk_label_get_label (self->status_label);
}

void
ll_window_set_mem_probe (LlWindow       *self,
                         LlMemProbeFunc  probe,
                         gpointer        probe_data)
{
  g_return_if_fail (LL_IS_WINDOW (self));

  self->mem_probe = probe;
  self->mem_probe_data = probe_data;
  ll_controls_set_mem_probe (self->controls, probe, probe_data);
}

LlUnits
ll_window_get_units (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), LL_UNITS_IEC);

  return self->units;
}

void
ll_window_set_units (LlWindow *self,
                     LlUnits   units)
{
  g_return_if_fail (LL_IS_WINDOW (self));

  if (self->units == units)
    return;

  self->units = units;
  ll_chart_board_set_units (self->board, units);
  ll_window_update_summary (self);
}

AdwFlap *
ll_window_get_flap (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return self->flap;
}

void
ll_window_add_toast (LlWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (LL_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

LlExportController *
ll_window_get_export_controller (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return self->exporter;
}
