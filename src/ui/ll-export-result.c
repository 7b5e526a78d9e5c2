/* ll-export-result.c — how an export ended, said in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-ui-util.h"
#include "ll-export-result.h"

static void
add_toast (LlWindow *window,
           AdwToast *toast)
{
  adw_toast_set_timeout (toast, 5);
  ll_window_add_toast (window, toast);
}

static char *
get_folder_uri (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);

  return folder != NULL ? g_file_get_uri (folder) : NULL;
}

static void
on_result_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (dialog), "folder-uri");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "folder") == 0 && uri != NULL)
    gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

static GtkWidget *
make_label (const char *text,
            const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);

  return label;
}

static GtkWidget *
make_column (const char *caption,
             const char *value,
             const char *per_element,
             const char *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_hexpand (box, TRUE);

  label = make_label (caption, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (GTK_BOX (box), label);
  label = make_label (value, "title-2");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), make_label (per_element, NULL));
  label = make_label (detail, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static char *
format_per_element (guint64 bytes,
                    guint64 n)
{
  if (n == 0)
    return g_strdup (_("no elements"));

  /* Translators: "8.0 bytes per element" */
  return g_strdup_printf (_("%.1f bytes per element"), (double) bytes / (double) n);
}

/* The notebook's question: how much room does the list take in memory,
 * and how much as text on disk? */
static void
show_contents_result (LlWindow    *window,
                      LlExportJob *job,
                      LlUnits      units)
{
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *count = ll_format_count_exact (job->n_elements);
  g_autofree char *memory = ll_format_bytes (job->memory_bytes, units);
  g_autofree char *disk = ll_format_bytes (job->file_bytes, units);
  g_autofree char *memory_each = format_per_element (job->memory_bytes, job->n_elements);
  g_autofree char *disk_each = format_per_element (job->file_bytes, job->n_elements);
  g_autofree char *container = NULL;
  g_autofree char *objects = NULL;
  g_autofree char *memory_detail = NULL;
  g_autofree char *ratio = NULL;
  g_autofree char *body = NULL;
  LlEngineStatus status;
  GtkWidget *box, *columns;
  AdwMessageDialog *dialog;

  ll_run_get_status (job->run, &status);
  container = ll_format_bytes (status.container_bytes, units);
  objects = ll_format_bytes (status.objects_bytes, units);
  /* Translators: "list 2.00 GiB + objects 32 B" */
  memory_detail = g_strdup_printf (_("list %s + objects %s"), container, objects);

  if (job->memory_bytes > 0 && job->file_bytes >= job->memory_bytes)
    ratio = g_strdup_printf (_("The text takes %.1f× the room the list takes in memory."),
                             (double) job->file_bytes / (double) job->memory_bytes);
  else if (job->file_bytes > 0)
    ratio = g_strdup_printf (_("The list takes %.1f× more room in memory than as text."),
                             (double) job->memory_bytes / (double) job->file_bytes);

  /* Translators: the first %s is a file name, the second a number of values */
  body = g_strdup_printf (_("“%s” holds the list’s %s values, one a line."), name, count);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  gtk_box_append (GTK_BOX (columns),
                  make_column (_("In Memory"), memory, memory_each, memory_detail));
  gtk_box_append (GTK_BOX (columns),
                  make_column (_("On Disk as CSV"), disk, disk_each,
                               _("decimal digits and a newline each")));
  gtk_box_append (GTK_BOX (box), columns);
  if (ratio != NULL)
    gtk_box_append (GTK_BOX (box), make_label (ratio, "dim-label"));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("List Contents Saved"), body));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog,
                                    "folder", _("_Open Folder"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data_full (G_OBJECT (dialog), "folder-uri", get_folder_uri (job->path), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_result_response), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
get_error_heading (LlExportKind kind)
{
  switch (kind)
    {
    case LL_EXPORT_KIND_EVENTS:
      return _("Could Not Export the Events");
    case LL_EXPORT_KIND_SAMPLES:
      return _("Could Not Export the Memory Samples");
    case LL_EXPORT_KIND_CONTENTS:
      return _("Could Not Export the List Contents");
    case LL_EXPORT_KIND_REPORT:
      return _("Could Not Export the Report");
    case LL_EXPORT_KIND_SCRIPT:
      return _("Could Not Export the Python Script");
    case LL_EXPORT_KIND_CHART:
    case LL_N_EXPORT_KINDS:
    default:
      return _("Could Not Export the Chart");
    }
}

/* The message names the file and says what went wrong. */
static void
show_error (LlWindow     *window,
            LlExportKind  kind,
            const GError *error)
{
  ll_ui_show_error (GTK_WINDOW (window), get_error_heading (kind), error->message);
}

void
ll_export_result_show (LlWindow     *window,
                       LlExportJob  *job,
                       const GError *error,
                       LlUnits       units)
{
  g_autofree char *name = g_path_get_basename (job->path);

  if (error == NULL && job->kind == LL_EXPORT_KIND_CONTENTS)
    show_contents_result (window, job, units);
  else if (error == NULL)
    {
      g_autofree char *uri = get_folder_uri (job->path);
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
      AdwToast *toast = ll_ui_toast_new (text);

      if (uri != NULL)
        {
          adw_toast_set_button_label (toast, _("Open _Folder"));
          adw_toast_set_action_name (toast, "export.open-folder");
          adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
        }
      add_toast (window, toast);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Export cancelled: “%s” was not written"), name);

      add_toast (window, ll_ui_toast_new (text));
    }
  else
    show_error (window, job->kind, error);
}

