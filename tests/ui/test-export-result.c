/* test-export-result.c — how an export ended, said in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "export-test-util.h"
#include "ll-export-result.h"
#include "ui-test-util.h"

/* Whether a label under @root reads @text. */
static gboolean
shows (GtkWidget  *root,
       const char *text)
{
  g_autoptr(GPtrArray) labels = find_widgets (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;
  g_test_message ("no label reads “%s”", text);
  return FALSE;
}

static void
close_dialog (AdwMessageDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_ms (20);
}

/* The notebook's question, answered: the list's 1,000 int64 values take
 * 56 + 8 × 1,100 slots = 8,856 bytes in memory, and 3,890 bytes as text
 * (10 values of two characters with their newline, 90 of three, 900 of
 * four). */
static void
test_contents (void)
{
  LlWindow *window = create_window ();
  g_autoptr(LlRun) run = make_real_run (LL_ELEMENT_INT64, 1000);
  g_autoptr(GError) error = NULL;
  LlExportJob *job;
  AdwMessageDialog *dialog;

  job = ll_export_job_new_for_run (LL_EXPORT_KIND_CONTENTS, "/home/ada/list.txt", run,
                                   LL_UNITS_IEC, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (job->memory_bytes, ==, 8856);
  job->file_bytes = 3890;

  ll_export_result_show (window, job, NULL, LL_UNITS_IEC);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "List Contents Saved");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“list.txt” holds the list’s 1,000 values, one a line.");
  g_assert_true (shows (GTK_WIDGET (dialog), "In Memory"));
  g_assert_true (shows (GTK_WIDGET (dialog), "8.65 KiB"));
  g_assert_true (shows (GTK_WIDGET (dialog), "8.9 bytes per element"));
  g_assert_true (shows (GTK_WIDGET (dialog), "list 8.65 KiB + objects 0 B"));
  g_assert_true (shows (GTK_WIDGET (dialog), "On Disk as CSV"));
  g_assert_true (shows (GTK_WIDGET (dialog), "3.80 KiB"));
  g_assert_true (shows (GTK_WIDGET (dialog), "3.9 bytes per element"));
  g_assert_true (shows (GTK_WIDGET (dialog), "The list takes 2.3× more room in memory than as text."));
  g_assert_true (adw_message_dialog_has_response (dialog, "folder"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "close");
  close_dialog (dialog);

  /* In SI units, and a text larger than the list. */
  job->file_bytes = 17712;
  ll_export_result_show (window, job, NULL, LL_UNITS_SI);
  dialog = find_message_dialog ();
  g_assert_true (shows (GTK_WIDGET (dialog), "8.86 kB"));
  g_assert_true (shows (GTK_WIDGET (dialog), "17.71 kB"));
  g_assert_true (shows (GTK_WIDGET (dialog), "The text takes 2.0× the room the list takes in memory."));
  close_dialog (dialog);

  ll_export_job_unref (job);
  destroy_window (window);
}

/* A failure names the export in its heading and keeps the reason whole;
 * a cancelled export opens no dialog. */
static void
test_failure (void)
{
  static const struct {
    LlExportKind kind;
    const char *heading;
  } kinds[] = {
    { LL_EXPORT_KIND_EVENTS, "Could Not Export the Events" },
    { LL_EXPORT_KIND_SAMPLES, "Could Not Export the Memory Samples" },
    { LL_EXPORT_KIND_CONTENTS, "Could Not Export the List Contents" },
    { LL_EXPORT_KIND_CHART, "Could Not Export the Chart" },
    { LL_EXPORT_KIND_REPORT, "Could Not Export the Report" },
    { LL_EXPORT_KIND_SCRIPT, "Could Not Export the Python Script" },
  };
  LlWindow *window = create_window ();
  g_autoptr(GError) full = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                                                "Cannot write “out”: the disk is full");
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      LlExportJob *job = ll_export_job_new (kinds[i].kind, "/home/ada/out");
      AdwMessageDialog *dialog;

      ll_export_result_show (window, job, full, LL_UNITS_IEC);
      dialog = find_message_dialog ();
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, kinds[i].heading);
      g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "Cannot write “out”: the disk is full");
      close_dialog (dialog);

      ll_export_result_show (window, job, cancelled, LL_UNITS_IEC);
      g_assert_null (find_message_dialog ());
      ll_export_job_unref (job);
    }

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/export-result/contents", test_contents);
  g_test_add_func ("/ui/export-result/failure", test_failure);

  return g_test_run ();
}
