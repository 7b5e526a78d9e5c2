/* ll-run-files.c — a window's runs saved to a file and opened again
 *
 * The chooser is the native one (the portal inside the Flatpak); the file
 * is read and written on a worker, from a snapshot of the runs taken on
 * the main thread. Files opened together (named on the command line,
 * dropped at once) join the runs in the order they were given, however
 * long each takes to read. Files opened or saved join the recent files;
 * files dropped on the window open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ll-ui-util.h"
#include "ll-export-job.h"
#include "ll-run-file.h"
#include "ll-run-files.h"
#include "ll-run-set.h"

struct _LlRunFiles
{
  GObject             parent_instance;

  LlWindow           *window;   /* not owned: it owns this */
  GSimpleActionGroup *actions;
  GtkNativeDialog    *chooser;
  GCancellable       *cancellable;
  GQueue              opening;  /* of Opening, in the order asked */
  guint               batch;    /* the last files opened together */
  GHashTable         *refused;  /* batch → why each of its files could not be
                                 * opened (GPtrArray of strings), said in one
                                 * dialog once the whole batch has joined */
};

/* A file being opened: what its reading gave, kept until the files asked
 * for before it have joined. */
typedef struct
{
  GFile     *file;
  guint      batch;
  GTask     *outer;
  GPtrArray *runs;
  GError    *error;
  gboolean   read;
} Opening;

static void
opening_free (Opening *opening)
{
  g_object_unref (opening->file);
  g_clear_object (&opening->outer);
  g_clear_pointer (&opening->runs, g_ptr_array_unref);
  g_clear_error (&opening->error);
  g_free (opening);
}

G_DEFINE_FINAL_TYPE (LlRunFiles, ll_run_files, G_TYPE_OBJECT)

static void
ll_run_files_dispose (GObject *object)
{
  LlRunFiles *self = LL_RUN_FILES (object);

  g_cancellable_cancel (self->cancellable);
  ll_ui_chooser_close (&self->chooser);

  G_OBJECT_CLASS (ll_run_files_parent_class)->dispose (object);
}

static void
ll_run_files_finalize (GObject *object)
{
  LlRunFiles *self = LL_RUN_FILES (object);

  g_queue_clear_full (&self->opening, (GDestroyNotify) opening_free);
  g_clear_pointer (&self->refused, g_hash_table_unref);
  g_clear_object (&self->actions);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ll_run_files_parent_class)->finalize (object);
}

static void
ll_run_files_class_init (LlRunFilesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_run_files_dispose;
  object_class->finalize = ll_run_files_finalize;
}

static void
ll_run_files_init (LlRunFiles *self)
{
  self->cancellable = g_cancellable_new ();
  self->refused = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

/* The runs a file can keep: those that ended, newest first. */
static GPtrArray *
runs_to_save (LlRunFiles *self)
{
  GListModel *store = ll_run_set_get_model (ll_window_get_runs (self->window));
  GPtrArray *runs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(LlRun) run = g_list_model_get_item (store, i);
      LlEngineState state = ll_run_get_state (run);

      if (state == LL_ENGINE_FINISHED || state == LL_ENGINE_RELEASED)
        g_ptr_array_add (runs, g_steal_pointer (&run));
    }

  return runs;
}

static void
remember (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) LL_RUN_FILE_MIME_TYPE,
    .app_name = (char *) "List Lab",
    .app_exec = (char *) "listlab %f",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
show_error (LlRunFiles   *self,
            const char   *heading,
            const GError *error)
{
  ll_ui_show_error (GTK_WINDOW (self->window), heading, error->message);
}

/* Opening */

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (task_data);
  g_autoptr(GError) error = NULL;
  GPtrArray *runs;

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (task_data);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cannot open “%s”: only files in local folders can be opened"), uri);
      return;
    }

  runs = ll_run_file_read (path, cancellable, &error);
  if (runs == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, runs, (GDestroyNotify) g_ptr_array_unref);
}

static void
join_opened (LlRunFiles *self,
             Opening    *opening)
{
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;

  if (self->window == NULL)
    {
      g_task_return_new_error (opening->outer, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The window went away");
      return;
    }
  if (opening->runs == NULL)
    {
      if (!g_error_matches (opening->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GPtrArray *why = g_hash_table_lookup (self->refused, GUINT_TO_POINTER (opening->batch));

          if (why == NULL)
            {
              why = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (self->refused, GUINT_TO_POINTER (opening->batch), why);
            }
          g_ptr_array_add (why, g_strdup (opening->error->message));
        }
      g_task_return_error (opening->outer, g_steal_pointer (&opening->error));
      return;
    }

  name = g_file_get_basename (opening->file);
  shown = g_filename_display_name (name);
  ll_window_add_runs (self->window, opening->runs, shown, opening->batch);
  remember (opening->file);
  ll_run_files_update (self);
  g_task_return_boolean (opening->outer, TRUE);
}

/* Once the last file of @batch has joined: why those that could not be
 * opened were not, in one dialog rather than one a file. */
static void
say_refused (LlRunFiles *self,
             guint       batch)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GPtrArray *why;

  for (GList *l = self->opening.head; l != NULL; l = l->next)
    if (((Opening *) l->data)->batch == batch)
      return;

  why = g_hash_table_lookup (self->refused, GUINT_TO_POINTER (batch));
  if (why == NULL)
    return;

  if (why->len == 1)
    heading = g_strdup (_("Cannot Open the Runs"));
  else
    /* Translators: the heading over why each of several files could not be opened */
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Cannot Open %u File",
                                            "Cannot Open %u Files", why->len),
                               why->len);
  g_ptr_array_add (why, NULL);
  body = g_strjoinv ("\n", (char **) why->pdata);
  if (self->window != NULL)
    ll_ui_show_error (GTK_WINDOW (self->window), heading, body);
  g_hash_table_remove (self->refused, GUINT_TO_POINTER (batch));
}

static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LlRunFiles *self = LL_RUN_FILES (object);
  Opening *opening = user_data;

  g_autoptr(GPtrArray) ready = g_ptr_array_new ();
  g_autoptr(GArray) waiting = g_array_new (FALSE, FALSE, sizeof (guint));

  opening->runs = g_task_propagate_pointer (G_TASK (result), &opening->error);
  opening->read = TRUE;

  /* A file read early waits for those opened with it and asked for
   * before it; other files do not wait for it. */
  for (GList *l = self->opening.head, *next; l != NULL; l = next)
    {
      Opening *o = l->data;
      gboolean blocked = FALSE;

      next = l->next;
      for (guint i = 0; i < waiting->len && !blocked; i++)
        blocked = g_array_index (waiting, guint, i) == o->batch;
      if (blocked)
        continue;
      if (!o->read)
        g_array_append_val (waiting, o->batch);
      else
        {
          g_queue_delete_link (&self->opening, l);
          g_ptr_array_add (ready, o);
        }
    }
  for (guint i = 0; i < ready->len; i++)
    {
      Opening *o = ready->pdata[i];
      gboolean last_of_batch = i + 1 == ready->len || ((Opening *) ready->pdata[i + 1])->batch != o->batch;
      guint batch = o->batch;

      join_opened (self, o);
      opening_free (o);
      if (last_of_batch)
        say_refused (self, batch);
    }
}

static void
open_in_batch (LlRunFiles          *self,
               GFile               *file,
               guint                batch,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Opening *opening;

  opening = g_new0 (Opening, 1);
  opening->file = g_object_ref (file);
  opening->batch = batch;
  opening->outer = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (opening->outer, ll_run_files_open);
  g_queue_push_tail (&self->opening, opening);

  task = g_task_new (self, self->cancellable, on_opened, opening);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, open_thread);
}

void
ll_run_files_open (LlRunFiles          *self,
                   GFile               *file,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_return_if_fail (LL_IS_RUN_FILES (self));
  g_return_if_fail (G_IS_FILE (file));

  open_in_batch (self, file, ++self->batch, callback, user_data);
}

void
ll_run_files_open_together (LlRunFiles  *self,
                            GFile      **files,
                            guint        n_files)
{
  g_return_if_fail (LL_IS_RUN_FILES (self));
  g_return_if_fail (files != NULL || n_files == 0);

  self->batch++;
  for (guint i = 0; i < n_files; i++)
    open_in_batch (self, files[i], self->batch, NULL, NULL);
}

gboolean
ll_run_files_open_finish (LlRunFiles    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Saving */

typedef struct
{
  GPtrArray *snapshots;
  char      *path;
  guint      n_runs;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_ptr_array_unref (save->snapshots);
  g_free (save->path);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autoptr(GError) error = NULL;

  if (ll_run_file_write ((LlRunSnapshot * const *) save->snapshots->pdata, save->snapshots->len,
                         save->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  LlRunFiles *self = LL_RUN_FILES (object);
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;
  SaveData *save = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self->window != NULL)
        show_error (self, _("Cannot Save the Runs"), error);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_path (save->path);
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *shown = g_filename_display_name (name);
    g_autofree char *text = NULL;

    /* Translators: %u runs, %s a file name */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved %u run to “%s”", "Saved %u runs to “%s”",
                                         save->n_runs),
                            save->n_runs, shown);
    if (self->window != NULL)
      ll_window_add_toast (self->window, ll_ui_toast_new (text));
    remember (file);
  }
  g_task_return_boolean (outer, TRUE);
}

void
ll_run_files_save (LlRunFiles          *self,
                   GFile               *file,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autofree char *path = NULL;
  SaveData *save;

  g_return_if_fail (LL_IS_RUN_FILES (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (outer, ll_run_files_save);
  runs = runs_to_save (self);
  path = g_file_get_path (file);
  if (runs->len == 0 || path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("Cannot write “%s”: only files in local folders can be written"), uri);
      else
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No run has ended yet: there is nothing to save"));
      show_error (self, _("Cannot Save the Runs"), error);
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  save = g_new0 (SaveData, 1);
  save->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_run_snapshot_free);
  for (guint i = 0; i < runs->len; i++)
    g_ptr_array_add (save->snapshots, ll_run_snapshot_new (g_ptr_array_index (runs, i)));
  save->path = g_steal_pointer (&path);
  save->n_runs = runs->len;

  task = g_task_new (self, NULL, on_saved, g_steal_pointer (&outer));
  g_task_set_source_tag (task, ll_run_files_save);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
ll_run_files_save_finish (LlRunFiles    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Choosers */

static void
add_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("List Lab Runs"));
  gtk_file_filter_add_mime_type (filter, LL_RUN_FILE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, LL_RUN_FILE_SUFFIX + 1);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     LlRunFiles      *self)
{
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (native)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr(GFile) file = ll_ui_chooser_finish (native, response, &self->chooser);

  if (file == NULL)
    return;
  if (saving)
    ll_run_files_save (self, file, NULL, NULL);
  else
    ll_run_files_open (self, file, NULL, NULL);
}

static void
show_chooser (LlRunFiles           *self,
              GtkFileChooserAction  action)
{
  GtkFileChooserNative *native;
  gboolean saving = action == GTK_FILE_CHOOSER_ACTION_SAVE;

  ll_ui_chooser_close (&self->chooser);

  native = gtk_file_chooser_native_new (saving ? _("Save Runs") : _("Open Runs"),
                                        GTK_WINDOW (self->window), action,
                                        saving ? _("_Save") : _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native));
  if (saving)
    {
      g_autoptr(GPtrArray) runs = runs_to_save (self);
      const LlRunConfig *config = ll_run_get_config (g_ptr_array_index (runs, 0));
      g_autofree char *target = ll_export_format_target (config);
      g_autofree char *name = NULL;

      /* "cpython-10GB.listlab"; several runs: "comparison-10GB.listlab" */
      name = g_strdup_printf ("%s-%s%s", runs->len > 1 ? "comparison" : ll_policy_get_info (config->policy.kind)->name,
                              target, LL_RUN_FILE_SUFFIX);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), self);

  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  show_chooser (user_data, GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  show_chooser (user_data, GTK_FILE_CHOOSER_ACTION_SAVE);
}

/* Drag and drop */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LlRunFiles    *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) together = g_ptr_array_new ();

  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (together, l->data);
  ll_run_files_open_together (self, (GFile **) together->pdata, together->len);

  return files != NULL;
}

static const GActionEntry actions[] = {
  { "open", open_action },
  { "save", save_action },
};

LlRunFiles *
ll_run_files_new (LlWindow *window)
{
  LlRunFiles *self;
  GtkDropTarget *drop;

  g_return_val_if_fail (LL_IS_WINDOW (window), NULL);

  self = g_object_new (LL_TYPE_RUN_FILES, NULL);
  self->window = window;
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), actions, G_N_ELEMENTS (actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "files", G_ACTION_GROUP (self->actions));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (drop));

  ll_run_files_update (self);

  return self;
}

void
ll_run_files_shutdown (LlRunFiles *self)
{
  g_return_if_fail (LL_IS_RUN_FILES (self));

  g_cancellable_cancel (self->cancellable);
  ll_ui_chooser_close (&self->chooser);
  self->window = NULL;
}

void
ll_run_files_update (LlRunFiles *self)
{
  g_autoptr(GPtrArray) runs = NULL;
  GAction *save;

  g_return_if_fail (LL_IS_RUN_FILES (self));

  runs = runs_to_save (self);
  save = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "save");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (save), runs->len > 0);
}

GActionGroup *
ll_run_files_get_actions (LlRunFiles *self)
{
  g_return_val_if_fail (LL_IS_RUN_FILES (self), NULL);

  return G_ACTION_GROUP (self->actions);
}
