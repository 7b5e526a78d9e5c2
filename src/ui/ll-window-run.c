/* ll-window-run.c — a run's life in the window: start it (asking when it
 * does not fit), follow it frame by frame, finish it, release its list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-window-private.h"
#include "ll-allocator.h"
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
   * chart take turns, so that no frame repaints both. (A run about to
   * start is not on the charts yet.) */
  if ((!summary_due || force_summary) && !self->run_pending)
    {
      /* Frame by frame, the charts draw in turn (at most two a frame). */
      if (ll_history_view_update (self->view, ll_run_get_history (self->run)))
        ll_window_push_chart_data (self, !force_summary);
      else if (!force_summary)
        ll_chart_board_catch_up (self->board);
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

void
ll_window_stop_ticking (LlWindow *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_handle_id (&self->idle_probe_id, g_source_remove);
}

void
ll_window_stop_sampler (LlWindow *self)
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
  ll_window_stop_ticking (self);
  refresh (self, TRUE);
  /* Its figures are final. */
  ll_comparison_table_refresh (ll_chart_board_get_comparison (self->board));

  title = ll_run_dup_stop_message (run, self->units);
  {
    g_autofree char *length = ll_format_count_exact (status.length);
    g_autofree char *bytes = ll_format_bytes (status.container_bytes + status.objects_bytes,
                                              self->units);
    g_autofree char *elapsed = ll_format_duration (status.elapsed_ns);

    detail = ll_window_format_ending (length, bytes, elapsed);
  }

  /* The heading says how the run ended; a toast would only cover the
   * charts with the same words. */
  ll_window_set_status (self, title, detail);
  ll_window_update_actions (self);
  ll_controls_set_reclaimable (self->controls, ll_run_get_resident_bytes (run));

  g_signal_emit_by_name (self, "run-finished");
}

char *
ll_window_format_ending (const char *length,
                         const char *bytes,
                         const char *elapsed)
{
  /* Translators: e.g. "22,500,004 elements, 171.66 MiB, in 1.20 s; kept in memory
   * until released" */
  return g_strdup_printf (_("%s elements, %s, in %s; kept in memory until released"),
                          length, bytes, elapsed);
}

const char *
ll_window_released_detail (void)
{
  return _("The list is gone and the charts keep its run; watch free memory come back.");
}

/* The status's detail keeps the height of its longest at a run's end (in
 * the widest values a run shows) and after a release, at whatever width
 * the window gives it: nothing below moves when a run ends or its list
 * goes. */
void
ll_window_init_status (LlWindow *self)
{
  g_autofree char *length = ll_format_count_exact (LL_UI_WIDEST_COUNT);
  g_autofree char *bytes = ll_format_bytes (LL_UI_WIDEST_BYTES, LL_UNITS_IEC);
  g_autofree char *elapsed = ll_format_duration (LL_UI_WIDEST_ELAPSED_NS);
  g_autofree char *ending = ll_window_format_ending (length, bytes, elapsed);

  gtk_label_set_label (self->status_detail_ending, ending);
  gtk_label_set_label (self->status_detail_released, ll_window_released_detail ());
}

void
ll_window_cancel_pending_start (LlWindow *self)
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

void
ll_window_start_engine (LlWindow *self)
{
  LlEngineStatus status;

  ll_window_cancel_pending_start (self);
  if (!self->run_pending)
    return;

  self->run_pending = FALSE;
  ll_run_start (self->run);
  ll_run_get_status (self->run, &status);
  self->run_start_us = g_get_monotonic_time () - (gint64) (status.elapsed_ns / 1000);
  ll_window_push_chart_data (self, TRUE);
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

  ll_window_stop_sampler (self);
  ll_window_stop_ticking (self);
  /* The previous run stays among the runs, with its own copy of its
   * history. */
  if (self->run != NULL)
    ll_run_update_view (self->run);
  ll_window_drop_run (self);
  self->run = run;
  /* Shown running, but not on the charts until it starts (see
   * ll_window_push_chart_data ()). */
  self->run_pending = TRUE;
  g_signal_connect (run, "finished", G_CALLBACK (on_run_finished), self);
  ll_run_set_add (self->runs, run);

  ll_history_view_clear (self->view);
  ll_window_push_chart_data (self, FALSE);

  self->total_bytes = ll_window_read_memory (self, &info) ? info.total_bytes : 0;
  self->reserve_bytes = 0;
  ll_chart_board_set_memory_context (self->board, 0, self->total_bytes);
  self->last_summary_us = 0;
  ll_controls_set_reclaimable (self->controls, 0);

  self->run_start_us = g_get_monotonic_time ();
  self->forecast_warned = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* The frame that shows the run beginning repaints most of the window:
       * it is painted first, and the engine starts right after it, so that
       * this frame does not compete with the engine's first gigabytes. */
      self->start_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
      self->start_paint_id = g_signal_connect_swapped (self->start_clock, "after-paint",
                                                       G_CALLBACK (ll_window_start_engine), self);
      /* A window that is not redrawn (hidden, say) does not hold the run back. */
      self->start_timeout_id = g_timeout_add_once (START_AFTER_MS,
                                                   (GSourceOnceFunc) ll_window_start_engine, self);
    }
  else
    {
      ll_window_start_engine (self);
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
  if (ll_window_get_run_state (self) == LL_ENGINE_FINISHED)
    {
      ll_window_set_status (self, _("Freeing the previous list…"), NULL);
      ll_window_release_list (self, run);
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
  LlRunConfig fitting;

  /* (as the reasons say it, and as it would be typed) */
  ll_fit_get_fitting (fit, ll_run_get_config (run), &fitting);

  if (fit->fitting > 0)
    {
      g_autofree char *target = ll_run_config_format_target (&fitting);

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
                          g_memdup2 (&fitting.target, sizeof fitting.target), g_free);
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

  ll_window_set_status (self, _("Memory released"), ll_window_released_detail ());
  refresh (self, TRUE);
}

/* Frees the list off the main thread; then starts @start_after (taken)
 * if not NULL. */
void
ll_window_release_list (LlWindow *self,
                        LlRun    *start_after)
{
  if (self->releasing || ll_window_get_run_state (self) != LL_ENGINE_FINISHED)
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

void
ll_window_start_run (LlWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlRun) run = NULL;
  LlRunConfig config;
  LlFit fit;

  if (ll_window_is_busy (self))
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
