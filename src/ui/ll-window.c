/* ll-window.c — List Lab's main window: set up a run, watch it, keep it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-window-private.h"
#include "ll-allocator.h"
#include "ll-export-controller.h"
#include "ll-frame-memory.h"
#include "ll-run-files.h"
#include "ll-text-row.h"
#include "ll-ui-util.h"

G_DEFINE_FINAL_TYPE (LlWindow, ll_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  RUN_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

gboolean
ll_window_is_busy (LlWindow *self)
{
  return self->releasing || get_state (self) == LL_ENGINE_RUNNING;
}

void
ll_window_toast (LlWindow   *self,
                 const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, ll_ui_toast_new (text));
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
                                 !ll_window_is_busy (self) &&
                                 ll_controls_get_valid (self->controls));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.release-memory",
                                 holds_list && !self->releasing);

  gtk_stack_set_visible_child_name (self->run_button_stack, running ? "stop" : "start");
  gtk_stack_set_visible_child_name (self->release_stack,
                                    holds_list || self->releasing ? "release" : "none");
  /* Before the first run there is nothing to export. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), self->run != NULL);
  if (self->exporter != NULL)
    ll_export_controller_update (self->exporter);
  if (self->files != NULL)
    ll_run_files_update (self->files);
}

/* The charts draw the current run on top and every other run shown. */
void
ll_window_push_chart_data (LlWindow *self,
                           gboolean  live)
{
  GListModel *store = ll_run_set_get_model (self->runs);
  guint n = g_list_model_get_n_items (store);
  g_autoptr(GArray) series = g_array_new (FALSE, TRUE, sizeof (LlChartSeries));
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  /* A run joins the charts once it has started: the frame that shows it
   * beginning (the status, the figures, Start turned into Stop) does not
   * also lay the charts out for one run more, and paint them all, card
   * shadows and all, where a legend of the runs comes above them. Until
   * then the charts keep what they drew of the runs before. */
  gboolean run_on_charts = self->run != NULL && !self->run_pending;
  LlChartData data;

  if (run_on_charts && ll_run_get_visible (self->run))
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
  if (self->run_pending)
    ll_chart_board_set_data_later (self->board, &data);
  else if (live)
    ll_chart_board_set_live_data (self->board, &data);
  else
    ll_chart_board_set_data (self->board, &data);
  ll_chart_board_set_history (self->board, run_on_charts ? self->view : NULL);
  /* The charts point at the new names now: the old ones can go. */
  g_clear_pointer (&self->series_names, g_ptr_array_unref);
  self->series_names = names;
}

void
ll_window_on_runs_changed (LlWindow *self)
{
  if (self->files != NULL)
    ll_run_files_update (self->files);
  ll_window_push_chart_data (self, FALSE);
  ll_comparison_table_refresh (ll_chart_board_get_comparison (self->board));
  ll_window_update_compare_progress (self);
  ll_run_list_set_runs (ll_controls_get_run_list (self->controls),
                        ll_run_set_get_model (self->runs), self->run);
}

void
ll_window_update_summary (LlWindow *self)
{
  LlSummaryInfo info = { 0 };
  LlRunProgress progress;
  const LlRunConfig *config;
  guint64 reserve;

  info.units = self->units;

  if (self->run == NULL)
    {
      info.has_run = FALSE;
      info.available_bytes = self->idle_available_bytes;
      info.limit_bytes = self->idle_limit_bytes;
      ll_summary_view_update (self->summary, &info);
      return;
    }

  config = ll_run_get_config (self->run);
  info.has_run = TRUE;
  info.simulated = ll_run_get_kind (self->run) == LL_RUN_SIMULATED;
  info.running = ll_window_get_run_state (self) == LL_ENGINE_RUNNING;
  ll_run_get_status (self->run, &info.status);
  info.counters = *ll_history_view_get_counters (self->view);
  info.element = config->element;
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
  reserve = info.status.reserve_bytes == G_MAXUINT64 ? 0 : info.status.reserve_bytes;
  if (info.status.state == LL_ENGINE_RUNNING && info.available_bytes > 0)
    {
      info.has_forecast = ll_fit_next_growth (&info.forecast, config, info.status.length,
                                              info.status.capacity, info.available_bytes, reserve);
      if (info.has_forecast && !info.forecast.fits && !self->forecast_warned)
        {
          self->forecast_warned = TRUE;
          ll_window_toast (self, _("The next growth would cross the memory reserve: the run will stop before it"));
        }
    }
  /* A list kept after its run: what one more append would cost it. */
  else if (info.status.state == LL_ENGINE_FINISHED)
    info.has_forecast = ll_fit_growth_after (&info.forecast, config, info.status.length,
                                             info.status.capacity, info.available_bytes, reserve);
  ll_chart_board_set_next_growth (self->board,
                                  info.has_forecast && info.status.state == LL_ENGINE_RUNNING
                                  ? info.forecast.need : 0);

  ll_summary_view_update (self->summary, &info);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);

  /* A run of one's own counts its loop from its first append. */
  ll_event_table_set_loop_start (ll_chart_board_get_table (self->board), 0);
  ll_window_start_run (self);
}

/* The notebook's experiment, set up and run: its table shows the
 * notebook's printout row for row. */
static void
notebook_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);

  if (ll_window_is_busy (self))
    return;

  ll_controls_load_notebook_example (self->controls);
  /* It appends twice before its loop. */
  ll_event_table_set_loop_start (ll_chart_board_get_table (self->board), 2);
  ll_chart_board_reveal_table (self->board);
  ll_window_start_run (self);
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
  ll_window_start_engine (self);
  ll_run_cancel (self->run);
  ll_window_set_status (self, _("Stopping…"), NULL);
}

static void
release_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ll_window_release_list (LL_WINDOW (widget), NULL);
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

/* Before a run, the figures say what is free now, and the target says
 * whether it fits now: both read again every few seconds while the window
 * is shown, as a system monitor does. */
#define IDLE_MEMORY_INTERVAL_S 2

static void
read_idle_memory (LlWindow *self)
{
  LlMemInfo info;

  if (self->run == NULL && ll_window_read_memory (self, &info))
    {
      self->idle_available_bytes = ll_mem_info_spare (&info);
      self->idle_limit_bytes = info.cgroup_limit_bytes;
      ll_window_update_summary (self);
    }
  /* (During a run, its own check stands.) */
  if (get_state (self) != LL_ENGINE_RUNNING)
    ll_controls_recheck_memory (self->controls);
}

static gboolean
on_idle_memory (gpointer user_data)
{
  read_idle_memory (user_data);

  return G_SOURCE_CONTINUE;
}

static void
on_unmap (LlWindow *self)
{
  g_clear_handle_id (&self->idle_memory_id, g_source_remove);
}

/* Free memory is read while the window is shown. A run asked for on the
 * command line starts once the main loop has nothing more urgent left:
 * GTK registers the new window with the screen readers from an idle
 * callback, and does so before the run's frames take the main loop's time. */
static void
on_map (LlWindow *self)
{
  if (self->idle_memory_id == 0)
    {
      read_idle_memory (self);
      self->idle_memory_id = g_timeout_add_seconds (IDLE_MEMORY_INTERVAL_S, on_idle_memory, self);
    }

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
  ll_window_cancel_pending_start (self);
  g_clear_handle_id (&self->start_when_idle_id, g_source_remove);
  g_clear_handle_id (&self->idle_memory_id, g_source_remove);
  ll_window_stop_ticking (self);
  ll_window_stop_sampler (self);

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
  ll_window_runs_dispose (self);
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
  g_type_ensure (LL_TYPE_TEXT_ROW);

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
  gtk_widget_class_bind_template_child (widget_class, LlWindow, status_detail_ending);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, status_detail_released);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, release_stack);
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
  ll_window_init_status (self);

  self->view = ll_history_view_new ();
  self->cancellable = g_cancellable_new ();
  self->runs = ll_run_set_new ();
  g_signal_connect_swapped (self->runs, "changed", G_CALLBACK (ll_window_on_runs_changed), self);
  ll_window_runs_init (self);
  ll_run_list_set_runs (ll_controls_get_run_list (self->controls), ll_run_set_get_model (self->runs), NULL);
  ll_comparison_table_set_runs (ll_chart_board_get_comparison (self->board),
                                ll_run_set_get_model (self->runs));
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
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
  ll_frame_memory_keep (GTK_WINDOW (self));

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

  if (!start)
    return TRUE;

  /* A run in progress, or a list still being freed, keeps its turn: the
   * window and the command line both say that nothing started. */
  if (ll_window_is_busy (self))
    {
      const char *why = self->releasing
        ? _("Not started: the previous list is still being freed. The settings are ready: press Start in a moment")
        : _("Not started: a run is in progress. The settings are ready for the next run: press Start when this one ends");

      ll_window_toast (self, why);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, why);
      return FALSE;
    }

  /* Settings no run takes (objects asked of NumPy, say): Start would be
   * refused in silence; said instead, as the sidebar says it. */
  {
    g_autoptr(GError) invalid = NULL;
    LlRunConfig config;

    if (!ll_controls_get_config (self->controls, &config, &invalid))
      {
        /* Translators: why a run asked for on the command line did not
         * start, e.g. "Not started: NumPy np.append holds numbers, …" */
        g_autofree char *why = g_strdup_printf (_("Not started: %s"), invalid->message);

        ll_window_toast (self, why);
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, why);
        return FALSE;
      }
  }

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.start", NULL);
  else
    self->start_when_mapped = TRUE;

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
  read_idle_memory (self);
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
