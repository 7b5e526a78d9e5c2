/* ll-export-controller-bundle.c — Export › Bundle: a folder of everything, from the window
 *
 * The export controller's part that asks for a new folder's name and
 * writes the bundle of the window's run and the runs shown with it
 * (ll-export-bundle.h) on a worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ll-export-bundle.h"
#include "ll-export-controller-private.h"
#include "ll-export-job.h"
#include "ll-run-set.h"
#include "ll-ui-util.h"


static void
bundle_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (ll_export_bundle_write (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_bundle_written (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LlExportController *self = LL_EXPORT_CONTROLLER (object);
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;
  const char *dir = g_object_get_data (G_OBJECT (result), "dir");

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self->window != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ll_ui_show_error (GTK_WINDOW (self->window), _("Could Not Write the Bundle"), error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  if (self->window != NULL)
    {
      g_autofree char *name = g_path_get_basename (dir);
      g_autoptr(GFile) file = g_file_new_for_path (dir);
      g_autofree char *uri = g_file_get_uri (file);
      /* Translators: %s is a folder's name */
      g_autofree char *text = g_strdup_printf (_("Bundle written to “%s”"), name);
      AdwToast *toast = ll_ui_toast_new (text);

      adw_toast_set_button_label (toast, _("Open _Folder"));
      adw_toast_set_action_name (toast, "export.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      ll_window_add_toast (self->window, toast);
    }
  g_task_return_boolean (outer, TRUE);
}

void
ll_export_controller_bundle_to (LlExportController  *self,
                                const char          *dir,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GError) error = NULL;
  LlExportBundle *bundle = NULL;
  LlRun *run;

  g_return_if_fail (LL_IS_EXPORT_CONTROLLER (self));
  g_return_if_fail (dir != NULL);

  outer = g_task_new (self, NULL, callback, user_data);
  run = self->window != NULL ? ll_window_get_run (self->window) : NULL;
  if (run == NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no run to bundle yet"));
      return;
    }

  /* The runs shown with it are in the bundle too. */
  others = g_ptr_array_new_with_free_func (g_object_unref);
  {
    GListModel *store = ll_run_set_get_model (ll_window_get_runs (self->window));

    for (guint i = 0; i < g_list_model_get_n_items (store); i++)
      {
        g_autoptr(LlRun) other = g_list_model_get_item (store, i);

        if (other != run && ll_run_get_visible (other) &&
            ll_run_get_state (other) != LL_ENGINE_RUNNING && ll_run_get_state (other) != LL_ENGINE_IDLE)
          g_ptr_array_add (others, g_steal_pointer (&other));
      }
  }

  bundle = ll_export_bundle_new (run, others, dir, ll_window_get_units (self->window), &error);
  if (bundle == NULL)
    {
      ll_ui_show_error (GTK_WINDOW (self->window), _("Could Not Write the Bundle"), error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  task = g_task_new (self, self->cancellable, on_bundle_written, g_steal_pointer (&outer));
  g_object_set_data_full (G_OBJECT (task), "dir", g_strdup (dir), g_free);
  g_task_set_task_data (task, bundle, (GDestroyNotify) ll_export_bundle_free);
  g_task_run_in_thread (task, bundle_thread);
}

gboolean
ll_export_controller_bundle_finish (LlExportController  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_bundle_chooser_response (GtkNativeDialog    *native,
                            int                 response,
                            LlExportController *self)
{
  g_autoptr(GFile) file = ll_ui_chooser_finish (native, response, &self->chooser);
  g_autofree char *path = NULL;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *text = g_strdup_printf (_("Cannot write “%s”: only files in local folders can be written"), uri);

      ll_window_add_toast (self->window, ll_ui_toast_new (text));
      return;
    }
  {
    g_autoptr(GFile) folder = g_file_get_parent (file);
    g_autofree char *folder_path = folder != NULL ? g_file_get_path (folder) : NULL;

    if (folder_path != NULL)
      ll_export_controller_set_last_folder (self, folder_path);
  }
  ll_export_controller_bundle_to (self, path, NULL, NULL);
}

void
ll_export_controller_bundle_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  LlExportController *self = user_data;
  g_autoptr(GFile) folder = ll_export_controller_get_default_folder (self);
  LlRun *run = ll_window_get_run (self->window);
  g_autofree char *target = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (run == NULL)
    return;
  ll_ui_chooser_close (&self->chooser);

  /* A new folder, named as the other exports are. */
  target = ll_export_format_target (ll_run_get_config (run));
  name = g_strdup_printf ("listlab-%s-%s", ll_policy_get_info (ll_run_get_config (run)->policy.kind)->name, target);
  native = gtk_file_chooser_native_new (_("Export Bundle"), GTK_WINDOW (self->window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (on_bundle_chooser_response), self);
  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->chooser);
}
