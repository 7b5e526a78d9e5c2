/* ll-export-controller.c — the window's Export menu: what can be exported, where, how
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-export-controller-private.h"
#include "ll-export-result.h"
#include "ll-run-set.h"
#include "ll-summary.h"
#include "ll-ui-util.h"

/* On the way out, the cancelled workers together get at most this long to
 * remove their temporary files (or to finish renaming a complete one) before
 * the process may end. Each notices the cancel within one block; the bound
 * is for a file system that hangs, not a time anyone waits. */
#define SHUTDOWN_BOUND_MS 10000

G_DEFINE_FINAL_TYPE (LlExportController, ll_export_controller, G_TYPE_OBJECT)

typedef struct
{
  GAsyncReadyCallback callback;
  gpointer            user_data;
} Completion;

/* Settings */

static char *
get_last_folder (LlExportController *self)
{
  return g_settings_get_string (self->settings, "last-export-folder");
}

void
ll_export_controller_set_last_folder (LlExportController *self,
                                      const char         *folder)
{
  g_settings_set_string (self->settings, "last-export-folder", folder);
}

gboolean
ll_export_controller_get_light (LlExportController *self)
{
  return g_settings_get_boolean (self->settings, "export-light-theme");
}

void
ll_export_controller_set_light (LlExportController *self,
                                gboolean            light)
{
  g_settings_set_boolean (self->settings, "export-light-theme", light);
}

/* One chart and all four on one image each keep the size last chosen. */
static const char *
size_key (LlChartKind chart)
{
  return chart >= LL_N_CHARTS ? "export-size-all" : "export-size";
}

void
ll_export_controller_get_size (LlExportController *self,
                               LlChartKind         chart,
                               int                *width,
                               int                *height)
{
  g_autofree char *text = g_settings_get_string (self->settings, size_key (chart));

  if (!ll_export_size_parse (text, width, height, NULL))
    {
      LlExportSize size = ll_export_size_get_default (ll_export_image_chart_what (chart));

      *width = size.width;
      *height = size.height;
    }
}

void
ll_export_controller_set_size (LlExportController *self,
                               LlChartKind         chart,
                               int                 width,
                               int                 height)
{
  g_autofree char *text = ll_export_size_to_string (width, height);

  g_settings_set_string (self->settings, size_key (chart), text);
}

GFile *
ll_export_controller_get_default_folder (LlExportController *self)
{
  g_autofree char *last = get_last_folder (self);
  const char *documents;

  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (last);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

/* The window */

static LlEngineState
get_state (LlExportController *self)
{
  return self->window != NULL ? ll_window_get_run_state (self->window) : LL_ENGINE_IDLE;
}

LlChartView *
ll_export_controller_get_chart_view (LlExportController *self,
                                     LlChartKind         kind)
{
  return ll_window_get_chart_view (self->window, kind);
}

/* The chart the user looks at: shown alone, or focused. */
LlChartKind
ll_export_controller_get_visible_chart (LlExportController *self)
{
  return ll_chart_board_get_current_kind (ll_window_get_board (self->window));
}

static LlUnits
get_units (LlExportController *self)
{
  return ll_chart_view_get_units (ll_export_controller_get_chart_view (self, LL_CHART_CAPACITY));
}

static void
open_folder (LlExportController *self,
             const char         *uri)
{
  if (self->window != NULL && uri != NULL)
    gtk_show_uri (GTK_WINDOW (self->window), uri, GDK_CURRENT_TIME);
}

/* Snapshots */

/* What the export needs, copied now (ll_export_job_new_for_run ()). A run
 * the window shows as running has not started its engine yet, maybe: its
 * contents are not there either. */
LlExportJob *
ll_export_controller_snapshot (LlExportController  *self,
                               LlExportKind         kind,
                               GError             **error)
{
  LlRun *run = self->window != NULL ? ll_window_get_run (self->window) : NULL;

  if (run == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is nothing to export yet: start a run first"));
      return NULL;
    }

  if (kind == LL_EXPORT_KIND_CONTENTS && get_state (self) == LL_ENGINE_RUNNING)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The list is still growing: stop the run to export its contents"));
      return NULL;
    }

  {
    LlExportJob *job = ll_export_job_new_for_run (kind, "", run, get_units (self), error);

    /* Charts and the report draw what the window draws: the other runs
     * shown beside this one. */
    if (job != NULL && (kind == LL_EXPORT_KIND_CHART || kind == LL_EXPORT_KIND_REPORT))
      {
        GListModel *runs = ll_run_set_get_model (ll_window_get_runs (self->window));

        for (guint i = 0; i < g_list_model_get_n_items (runs); i++)
          {
            g_autoptr(LlRun) other = g_list_model_get_item (runs, i);

            if (other != run && ll_run_get_visible (other))
              ll_export_job_add_run (job, other, ll_run_get_style (other));
          }
      }
    return job;
  }
}

/* Running an export */

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LlExportController *self = LL_EXPORT_CONTROLLER (object);
  Completion *completion = user_data;
  LlExportJob *job = ll_export_job_from_result (result);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = ll_export_job_run_finish (result, &error);
  g_ptr_array_remove (self->running, job);

  if (job == self->contents_job)
    {
      g_clear_pointer (&self->contents_job, ll_export_job_unref);
      g_clear_object (&self->contents_cancellable);
      if (self->bar != NULL)
        ll_export_bar_stop (self->bar);
      ll_export_controller_update (self);
    }

  /* After a shutdown the window is gone: nobody to tell. */
  if (self->window != NULL)
    ll_export_result_show (self->window, job, error, get_units (self));

  if (completion->callback != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, completion->callback, completion->user_data);

      g_task_set_source_tag (task, ll_export_controller_export_to_file);
      g_task_set_task_data (task, ll_export_job_ref (job), (GDestroyNotify) ll_export_job_unref);
      if (ok)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_error_copy (error));
    }

  g_free (completion);
}

static void
fail_now (LlExportController  *self,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          GError              *error)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, ll_export_controller_export_to_file);
  g_task_return_error (task, error);
}

static void
start_job (LlExportController  *self,
           LlExportJob         *job,
           GFile               *file,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autofree char *path = g_file_get_path (file);
  GCancellable *cancellable = self->cancellable;
  Completion *completion;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      GError *error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("Cannot write “%s”: only files in local folders can be written"),
                                   uri);

      if (self->window != NULL)
        ll_export_result_show (self->window, job, error, get_units (self));
      fail_now (self, callback, user_data, error);
      return;
    }

  g_free (job->path);
  job->path = g_steal_pointer (&path);
  job->hook = self->hook;
  job->hook_data = self->hook_data;

  if (job->kind == LL_EXPORT_KIND_CONTENTS)
    {
      g_autofree char *name = g_path_get_basename (job->path);
      g_autofree char *title = NULL;

      g_clear_pointer (&self->contents_job, ll_export_job_unref);
      g_clear_object (&self->contents_cancellable);
      self->contents_job = ll_export_job_ref (job);
      self->contents_cancellable = g_cancellable_new ();
      cancellable = self->contents_cancellable;

      /* Translators: %s is a file name */
      title = g_strdup_printf (_("Saving the list’s contents to “%s”"), name);
      if (self->bar != NULL)
        ll_export_bar_start (self->bar, job, title);
      ll_export_controller_update (self);
    }

  completion = g_new0 (Completion, 1);
  completion->callback = callback;
  completion->user_data = user_data;

  g_ptr_array_add (self->running, ll_export_job_ref (job));
  ll_export_job_run_async (job, self, cancellable, on_job_done, completion);
}

/* Choosing a file */

static void
on_chooser_response (GtkNativeDialog    *chooser,
                     int                 response,
                     LlExportController *self)
{
  LlExportJob *job = g_object_get_data (G_OBJECT (chooser), "job");

  if (response == GTK_RESPONSE_ACCEPT && self->window != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;
      g_autofree char *folder_path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (folder_path != NULL)
        ll_export_controller_set_last_folder (self, folder_path);
      if (file != NULL)
        start_job (self, job, file, NULL, NULL);
    }

  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (chooser, filter);
}

static const char *
get_chooser_title (LlExportJob *job)
{
  switch (job->kind)
    {
    case LL_EXPORT_KIND_EVENTS:
      return _("Export Reallocation Events");
    case LL_EXPORT_KIND_SAMPLES:
      return _("Export Memory Samples");
    case LL_EXPORT_KIND_CONTENTS:
      return _("Export List Contents");
    case LL_EXPORT_KIND_REPORT:
      return _("Export Report");
    case LL_EXPORT_KIND_SCRIPT:
      return _("Export Python Script");
    case LL_EXPORT_KIND_CHART:
    case LL_N_EXPORT_KINDS:
    default:
      return _("Export Chart");
    }
}

/* The portal-friendly native chooser: it confirms before replacing a
 * file, and the export only replaces it with a complete new one. */
void
ll_export_controller_open_chooser (LlExportController *self,
                                   LlExportJob        *job)
{
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;
  g_autoptr(GFile) folder = ll_export_controller_get_default_folder (self);
  g_autofree char *name = ll_export_default_name (&job->config, job->kind, job->what, job->format);

  ll_ui_chooser_close (&self->chooser);

  native = gtk_file_chooser_native_new (get_chooser_title (job), GTK_WINDOW (self->window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (native);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
  gtk_file_chooser_set_current_name (chooser, name);

  if (job->kind == LL_EXPORT_KIND_CHART || job->kind == LL_EXPORT_KIND_REPORT)
    switch (job->format)
      {
      case LL_EXPORT_SVG:
        add_filter (chooser, _("SVG Drawings"), "image/svg+xml", "svg");
        break;
      case LL_EXPORT_PDF:
        add_filter (chooser, _("PDF Documents"), "application/pdf", "pdf");
        break;
      case LL_EXPORT_PNG:
      default:
        add_filter (chooser, _("PNG Images"), "image/png", "png");
        break;
      }
  else if (job->kind == LL_EXPORT_KIND_SCRIPT)
    add_filter (chooser, _("Python Scripts"), "text/x-python", "py");
  else
    add_filter (chooser, _("CSV Files"), "text/csv", "csv");

  g_object_set_data_full (G_OBJECT (native), "job", ll_export_job_ref (job),
                          (GDestroyNotify) ll_export_job_unref);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), self);

  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->chooser);
}

static void
export_with_chooser (LlExportController *self,
                     LlExportKind        kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlExportJob) job = ll_export_controller_snapshot (self, kind, &error);

  if (job == NULL)
    {
      ll_window_add_toast (self->window, ll_ui_toast_new (error->message));
      return;
    }

  ll_export_controller_open_chooser (self, job);
}

/* Charts and the report */

/* Contents during a run */

static void
on_run_finished (LlExportController *self)
{
  g_clear_signal_handler (&self->run_finished_id, self->window);

  if (get_state (self) == LL_ENGINE_FINISHED)
    export_with_chooser (self, LL_EXPORT_KIND_CONTENTS);
}

static void
on_stop_response (AdwMessageDialog   *dialog,
                  const char         *response,
                  LlExportController *self)
{
  if (g_strcmp0 (response, "stop") != 0 || self->window == NULL)
    return;

  if (get_state (self) != LL_ENGINE_RUNNING)
    {
      export_with_chooser (self, LL_EXPORT_KIND_CONTENTS);
      return;
    }

  if (self->run_finished_id == 0)
    self->run_finished_id = g_signal_connect_object (self->window, "run-finished",
                                                     G_CALLBACK (on_run_finished), self,
                                                     G_CONNECT_SWAPPED);
  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.stop", NULL);
}

/* The contents can only be read once the list stops growing: each
 * reallocation may move it, so it is asked first rather than refused. */
static void
ask_to_stop (LlExportController *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (self->window),
    _("Stop the Run to Export the Contents?"),
    _("The list is still growing. Each time it runs out of room it is reallocated and may "
      "move to a new place in memory, so its values can only be read once it stops.\n\n"
      "Events, samples and charts can be exported while it runs.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Running"),
                                    "stop", _("_Stop and Export"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "stop");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_stop_response), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
events_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  export_with_chooser (user_data, LL_EXPORT_KIND_EVENTS);
}

static void
script_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  export_with_chooser (user_data, LL_EXPORT_KIND_SCRIPT);
}

static void
samples_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  export_with_chooser (user_data, LL_EXPORT_KIND_SAMPLES);
}

static void
contents_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  LlExportController *self = user_data;

  if (get_state (self) == LL_ENGINE_RUNNING)
    ask_to_stop (self);
  else
    export_with_chooser (self, LL_EXPORT_KIND_CONTENTS);
}

static void
cancel_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  LlExportController *self = user_data;

  if (self->contents_cancellable != NULL)
    g_cancellable_cancel (self->contents_cancellable);
}

static void
open_folder_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  open_folder (user_data, g_variant_get_string (parameter, NULL));
}

static const GActionEntry action_entries[] = {
  { "events", events_action },
  { "samples", samples_action },
  { "script", script_action },
  { "bundle", ll_export_controller_bundle_action },
  { "contents", contents_action },
  { "chart", ll_export_controller_chart_action, "s" },
  { "report", ll_export_controller_report_action },
  { "copy-chart", ll_export_controller_copy_chart_action },
  { "cancel", cancel_action },
  { "open-folder", open_folder_action, "s" },
};

static void
set_enabled (LlExportController *self,
             const char         *name,
             gboolean            enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
ll_export_controller_update (LlExportController *self)
{
  LlEngineState state;
  gboolean has_run;

  g_return_if_fail (LL_IS_EXPORT_CONTROLLER (self));

  state = get_state (self);
  has_run = self->window != NULL && ll_window_get_run (self->window) != NULL;

  set_enabled (self, "events", has_run);
  set_enabled (self, "samples", has_run);
  /* The script grows the list as far as the run went: once it ended. */
  set_enabled (self, "script", has_run && state != LL_ENGINE_RUNNING);
  set_enabled (self, "bundle", has_run && state != LL_ENGINE_RUNNING);
  set_enabled (self, "chart", has_run);
  set_enabled (self, "report", has_run);
  set_enabled (self, "copy-chart", has_run);
  /* During a run the contents action asks to stop first. */
  set_enabled (self, "contents",
               (state == LL_ENGINE_RUNNING || state == LL_ENGINE_FINISHED) &&
               self->contents_job == NULL);
  set_enabled (self, "cancel", self->contents_job != NULL);
}

void
ll_export_controller_export_to_file (LlExportController         *self,
                                     LlExportKind                kind,
                                     GFile                      *file,
                                     const LlExportImageOptions *options,
                                     GAsyncReadyCallback         callback,
                                     gpointer                    user_data)
{
  g_autoptr(LlExportJob) job = NULL;
  GError *error = NULL;

  g_return_if_fail (LL_IS_EXPORT_CONTROLLER (self));
  g_return_if_fail (kind < LL_N_EXPORT_KINDS);
  g_return_if_fail (G_IS_FILE (file));

  if (!(job = ll_export_controller_snapshot (self, kind, &error)))
    {
      fail_now (self, callback, user_data, error);
      return;
    }

  if (kind == LL_EXPORT_KIND_CHART || kind == LL_EXPORT_KIND_REPORT)
    {
      LlExportImageOptions image;

      if (options != NULL)
        image = *options;
      else
        ll_export_controller_get_remembered_options (self, kind, LL_CHART_CAPACITY, &image);
      image.kind = kind;
      ll_export_controller_apply_image_options (self, job, &image);
    }

  start_job (self, job, file, callback, user_data);
}

gboolean
ll_export_controller_export_finish (LlExportController  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (LL_IS_EXPORT_CONTROLLER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
ll_export_controller_get_default_name (LlExportController         *self,
                                       LlExportKind                kind,
                                       const LlExportImageOptions *options)
{
  LlRun *run;

  g_return_val_if_fail (LL_IS_EXPORT_CONTROLLER (self), NULL);

  run = self->window != NULL ? ll_window_get_run (self->window) : NULL;
  if (run == NULL)
    return NULL;

  return ll_export_default_name (ll_run_get_config (run), kind,
                                 kind == LL_EXPORT_KIND_REPORT ? LL_EXPORT_REPORT
                                 : options != NULL ? options->chart : LL_CHART_CAPACITY,
                                 options != NULL ? options->format
                                 : kind == LL_EXPORT_KIND_REPORT ? LL_EXPORT_PDF : LL_EXPORT_PNG);
}

void
ll_export_controller_set_progress_hook (LlExportController   *self,
                                        LlExportProgressHook  hook,
                                        gpointer              user_data)
{
  g_return_if_fail (LL_IS_EXPORT_CONTROLLER (self));

  self->hook = hook;
  self->hook_data = user_data;
}

LlExportBar *
ll_export_controller_get_bar (LlExportController *self)
{
  g_return_val_if_fail (LL_IS_EXPORT_CONTROLLER (self), NULL);

  return self->bar;
}

GActionGroup *
ll_export_controller_get_actions (LlExportController *self)
{
  g_return_val_if_fail (LL_IS_EXPORT_CONTROLLER (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

void
ll_export_controller_shutdown (LlExportController *self)
{
  gint64 deadline;

  g_return_if_fail (LL_IS_EXPORT_CONTROLLER (self));

  g_cancellable_cancel (self->cancellable);
  if (self->contents_cancellable != NULL)
    g_cancellable_cancel (self->contents_cancellable);

  ll_ui_chooser_close (&self->chooser);

  if (self->window != NULL)
    {
      g_clear_signal_handler (&self->run_finished_id, self->window);
      gtk_widget_insert_action_group (GTK_WIDGET (self->window), "export", NULL);
    }

  /* A cancelled worker stops within one block and removes its temporary
   * file; the process must not end before. The workers stop side by side:
   * one deadline for all of them. */
  deadline = g_get_monotonic_time () + SHUTDOWN_BOUND_MS * G_TIME_SPAN_MILLISECOND;
  for (guint i = 0; i < self->running->len; i++)
    {
      LlExportJob *job = g_ptr_array_index (self->running, i);
      gint64 left = MAX (0, deadline - g_get_monotonic_time ());

      if (!ll_export_job_wait (job, (guint) (left / G_TIME_SPAN_MILLISECOND)))
        g_warning ("An export did not stop in time: %s", job->path);
    }

  if (self->bar != NULL)
    ll_export_bar_stop (self->bar);

  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->bar);
}

static void
ll_export_controller_dispose (GObject *object)
{
  LlExportController *self = LL_EXPORT_CONTROLLER (object);

  ll_export_controller_shutdown (self);

  G_OBJECT_CLASS (ll_export_controller_parent_class)->dispose (object);
}

static void
ll_export_controller_finalize (GObject *object)
{
  LlExportController *self = LL_EXPORT_CONTROLLER (object);

  g_clear_object (&self->actions);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->contents_cancellable);
  g_clear_pointer (&self->contents_job, ll_export_job_unref);
  g_clear_pointer (&self->running, g_ptr_array_unref);

  G_OBJECT_CLASS (ll_export_controller_parent_class)->finalize (object);
}

static void
ll_export_controller_class_init (LlExportControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_export_controller_dispose;
  object_class->finalize = ll_export_controller_finalize;
}

static void
ll_export_controller_init (LlExportController *self)
{
  self->cancellable = g_cancellable_new ();
  self->running = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_export_job_unref);
  self->chart_format = LL_EXPORT_PNG;
  self->report_format = LL_EXPORT_PDF;
  self->settings = g_settings_new (APP_ID);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
}

LlExportController *
ll_export_controller_new (LlWindow    *window,
                          LlExportBar *bar)
{
  LlExportController *self;

  g_return_val_if_fail (LL_IS_WINDOW (window), NULL);
  g_return_val_if_fail (bar == NULL || LL_IS_EXPORT_BAR (bar), NULL);

  self = g_object_new (LL_TYPE_EXPORT_CONTROLLER, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->bar, bar);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "export", G_ACTION_GROUP (self->actions));
  ll_export_controller_update (self);

  return self;
}
