/* test-export-controller.c — the window's Export menu: what it offers when, CSV and
 * contents read back, during a run; failures and cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ll-csv.h"
#include "ll-export-controller.h"
#include "ll-output-private.h"
#include "ll-window.h"
#include "engine-test.h"
#include "export-controller-test-util.h"
#include "ui-test-util.h"

/* The fallback file chooser's sidebar asks libcloudproviders, which
 * keeps a few strings for good. To tell its allocations from ours,
 * LeakSanitizer needs whole stacks: glib has no frame pointers. These only
 * matter in sanitizer builds. */
const char *__asan_default_options (void);
const char *__lsan_default_suppressions (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

const char *
__lsan_default_suppressions (void)
{
  return "leak:libcloudproviders.so\n";
}

/* Tests */

static void
test_nothing_yet (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "events.csv", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *button;

  /* Before a run there is nothing to export: every item is disabled. */
  g_assert_false (action_enabled (window, "events"));
  g_assert_false (action_enabled (window, "samples"));
  g_assert_false (action_enabled (window, "contents"));
  g_assert_false (action_enabled (window, "chart"));
  g_assert_false (action_enabled (window, "report"));
  g_assert_false (action_enabled (window, "copy-chart"));
  g_assert_false (action_enabled (window, "cancel"));

  g_assert_false (export_to (window, LL_EXPORT_KIND_EVENTS, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The Export button is off until there is a run; then Ctrl+E opens its menu. */
  button = find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  while (button != NULL && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), "_Export") != 0)
    button = gtk_widget_get_next_sibling (button);
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "1 MiB");
  run_to_end (window);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  destroy_all ();
  remove_dir (dir);
}

static void
test_csv (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *events_path = g_build_filename (dir, "events.csv", NULL);
  g_autofree char *samples_path = g_build_filename (dir, "samples.csv", NULL);
  g_autofree char *default_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  g_auto(GStrv) lines = NULL;
  const LlEventBucket *events;
  const LlSampleBucket *samples;
  gsize n_events, n_samples;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "16 MiB");
  run_to_end (window);

  default_name = ll_export_controller_get_default_name (get_exporter (window),
                                                        LL_EXPORT_KIND_EVENTS, NULL);
  g_assert_cmpstr (default_name, ==, "listlab-cpython-16MiB-events.csv");

  g_assert_true (action_enabled (window, "events"));
  g_assert_true (action_enabled (window, "samples"));
  g_assert_true (action_enabled (window, "contents"));
  g_assert_true (action_enabled (window, "chart"));
  g_assert_true (action_enabled (window, "report"));

  /* An older file is replaced by a complete new one. */
  g_assert_true (g_file_set_contents (events_path, "old\n", -1, NULL));
  g_assert_true (export_to (window, LL_EXPORT_KIND_EVENTS, events_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (export_to (window, LL_EXPORT_KIND_SAMPLES, samples_path, NULL, &error));
  g_assert_no_error (error);

  ll_history_view_update (view, ll_engine_get_history (ll_window_get_engine (window)));
  events = ll_history_view_get_events (view, &n_events);
  samples = ll_history_view_get_samples (view, &n_samples);
  g_assert_cmpuint (n_events, >, 10);
  g_assert_cmpuint (n_samples, >, 0);
  g_assert_cmpuint (ll_history_view_get_counters (view)->n_events, ==, n_events);

  /* Events: the header, then one row per reallocation, equal to the history. */
  g_assert_true (g_file_get_contents (events_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_suffix (contents, "\n"));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, LL_EVENTS_CSV_HEADER);
  g_assert_cmpuint (g_strv_length (lines), ==, n_events + 2);
  for (gsize i = 0; i < n_events; i++)
    {
      LlEvent event;

      g_assert_cmpuint (events[i].count, ==, 1);
      g_assert_true (ll_csv_parse_event (lines[i + 1], &event, &error));
      g_assert_no_error (error);
      assert_events_equal (&event, &events[i].first);
    }
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&contents, g_free);

  /* Samples: the same for the memory samples. */
  g_assert_true (g_file_get_contents (samples_path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, LL_SAMPLES_CSV_HEADER);
  g_assert_cmpuint (g_strv_length (lines), ==, n_samples + 2);
  for (gsize i = 0; i < n_samples; i++)
    {
      LlSample sample;

      g_assert_cmpuint (samples[i].count, ==, 1);
      g_assert_true (ll_csv_parse_sample (lines[i + 1], &sample, &error));
      g_assert_no_error (error);
      g_assert_cmpmem (&sample, sizeof sample, &samples[i].first, sizeof samples[i].first);
    }

  /* No temporary file is left behind. */
  names = list_folder (dir);
  g_assert_cmpstr (names, ==, "events.csv samples.csv");

  destroy_all ();
  remove_dir (dir);
}

/* The file chooser the native dialog falls back to outside a sandbox. */
static GtkFileChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }

  return NULL;
}

static GtkFileChooser *
wait_for_chooser (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  GtkFileChooser *chooser;

  while ((chooser = find_chooser ()) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (chooser);
  return chooser;
}

/* The chooser loads its folder in the background. */
static GFile *
wait_for_folder (GtkFileChooser *chooser)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  GFile *current;

  while ((current = gtk_file_chooser_get_current_folder (chooser)) == NULL &&
         g_get_monotonic_time () < deadline)
    wait_ms (20);

  g_assert_nonnull (current);
  return current;
}

/* A run going on: the export is a consistent snapshot, a prefix of what
 * the run ends with; the contents wait until the person stops the run. */
static void
test_during_run (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "events.csv", NULL);
  g_autofree char *contents_path = g_build_filename (dir, "contents.csv", NULL);
  g_autofree char *chosen = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  g_auto(GStrv) lines = NULL;
  AdwMessageDialog *dialog;
  GtkFileChooser *chooser;
  const LlEventBucket *events;
  gboolean finished = FALSE;
  gsize n_events, n_rows;
  LlEngineStatus status;
  gulong id;
  gint64 deadline;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *last_folder = NULL;
  g_autofree char *name = NULL;

  /* Slow enough to be still running when the exports start: every
   * element is a boxed object of its own. */
  configure_run (window, LL_POLICY_DOUBLE, LL_ELEMENT_BOXED, "32 MiB");
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "last-export-folder", "");
  id = g_signal_connect (window, "run-finished", G_CALLBACK (on_run_finished), &finished);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  g_assert_true (ll_window_is_running (window));
  g_assert_true (action_enabled (window, "events"));
  g_assert_true (action_enabled (window, "contents"));

  /* The contents cannot be read while the list grows. */
  g_assert_false (export_to (window, LL_EXPORT_KIND_CONTENTS, contents_path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);

  g_assert_true (export_to (window, LL_EXPORT_KIND_EVENTS, path, NULL, &error));
  g_assert_no_error (error);

  /* The menu item asks to stop first, then offers the file chooser. */
  if (ll_window_is_running (window))
    {
      g_action_group_activate_action (ll_export_controller_get_actions (get_exporter (window)),
                                      "contents", NULL);
      dialog = find_message_dialog ();
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                       "Stop the Run to Export the Contents?");
      adw_message_dialog_response (dialog, "stop");
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_assert_true (wait_for_flag (&finished, 30000));
      ll_engine_get_status (ll_window_get_engine (window), &status);
      /* The run may have reached its target while the dialog was up. */
      g_assert_true (status.stop_reason == LL_STOP_CANCELLED || status.stop_reason == LL_STOP_TARGET);
    }
  else
    {
      g_test_message ("The run ended before the contents were asked for");
      g_assert_true (wait_for_flag (&finished, 30000));
      g_action_group_activate_action (ll_export_controller_get_actions (get_exporter (window)),
                                      "contents", NULL);
    }
  g_signal_handler_disconnect (window, id);

  /* The chooser offers a name that says what the file holds; accepting
   * it writes the file. */
  chooser = wait_for_chooser ();
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "listlab-double-32MiB-contents.csv");
  g_clear_pointer (&name, g_free);
  g_object_unref (wait_for_folder (chooser));
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GFile) current = wait_for_folder (chooser);

      if (g_file_equal (current, folder))
        break;
      wait_ms (20);
    }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while ((dialog = find_message_dialog ()) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "List Contents Saved");
  gtk_window_destroy (GTK_WINDOW (dialog));
  names = list_folder (dir);
  g_assert_cmpstr (names, ==, "events.csv listlab-double-32MiB-contents.csv");

  /* The next chooser opens in the folder used last. */
  last_folder = g_settings_get_string (settings, "last-export-folder");
  g_assert_cmpstr (last_folder, ==, dir);
  g_action_group_activate_action (ll_export_controller_get_actions (get_exporter (window)),
                                  "samples", NULL);
  chooser = wait_for_chooser ();
  {
    g_autoptr(GFile) current = wait_for_folder (chooser);

    g_assert_true (g_file_equal (current, folder));
  }
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "listlab-double-32MiB-samples.csv");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);

  ll_history_view_update (view, ll_engine_get_history (ll_window_get_engine (window)));
  events = ll_history_view_get_events (view, &n_events);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  n_rows = g_strv_length (lines) - 2;
  g_assert_cmpstr (lines[0], ==, LL_EVENTS_CSV_HEADER);
  g_assert_cmpuint (n_rows, <=, n_events);
  for (gsize i = 0; i < n_rows; i++)
    {
      LlEvent event;

      g_assert_true (ll_csv_parse_event (lines[i + 1], &event, &error));
      assert_events_equal (&event, &events[i].first);
    }

  destroy_all ();
  remove_dir (dir);
}

static void
test_contents (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "contents.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *memory = NULL;
  g_autofree char *disk = NULL;
  g_autofree char *memory_each = NULL;
  g_autofree char *disk_each = NULL;
  AdwMessageDialog *dialog;
  LlEngineStatus status;
  const char *p, *end;
  guint64 expected = 0;
  gsize size;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_INT64, "8 MiB");
  run_to_end (window);
  ll_engine_get_status (ll_window_get_engine (window), &status);
  g_assert_cmpuint (status.length, >, 500000);

  g_assert_true (export_to (window, LL_EXPORT_KIND_CONTENTS, path, NULL, &error));
  g_assert_no_error (error);

  /* One value a line: 0, 1, … n − 1, as the list holds them. */
  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  p = g_mapped_file_get_contents (mapped);
  size = g_mapped_file_get_length (mapped);
  end = p + size;
  while (p < end)
    {
      char *line_end;
      guint64 value = g_ascii_strtoull (p, &line_end, 10);

      g_assert_cmpuint (value, ==, expected);
      g_assert_true (line_end < end && *line_end == '\n');
      p = line_end + 1;
      expected++;
    }
  g_assert_cmpuint (expected, ==, status.length);

  /* The answer to the notebook's question, side by side. */
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "List Contents Saved");
  {
    g_autoptr(GPtrArray) labels = find_widgets (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_LABEL);

    for (guint i = 0; i < labels->len; i++)
      g_string_append_printf (text, "%s\n", gtk_label_get_label (labels->pdata[i]));
  }
  memory = ll_format_bytes (status.container_bytes + status.objects_bytes, LL_UNITS_IEC);
  disk = ll_format_bytes (size, LL_UNITS_IEC);
  memory_each = g_strdup_printf ("%.1f bytes per element",
                                 (double) (status.container_bytes + status.objects_bytes) / status.length);
  disk_each = g_strdup_printf ("%.1f bytes per element", (double) size / status.length);
  g_test_message ("%s", text->str);
  g_assert_nonnull (strstr (text->str, "In Memory\n"));
  g_assert_nonnull (strstr (text->str, "On Disk as CSV\n"));
  g_assert_nonnull (strstr (text->str, memory));
  g_assert_nonnull (strstr (text->str, disk));
  g_assert_nonnull (strstr (text->str, memory_each));
  g_assert_nonnull (strstr (text->str, disk_each));

  /* Once released, the list's contents are gone. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  ll_engine_release (ll_window_get_engine (window));
  ll_export_controller_update (get_exporter (window));
  g_assert_false (action_enabled (window, "contents"));
  g_assert_true (action_enabled (window, "events"));

  destroy_all ();
  g_clear_pointer (&mapped, g_mapped_file_unref);
  remove_dir (dir);
}

static void
assert_no_file (const char *dir,
                const char *expected)
{
  g_autofree char *names = list_folder (dir);

  g_assert_cmpstr (names, ==, expected);
}

static void
test_failures (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *missing = g_build_filename (dir, "gone", "events.csv", NULL);
  g_autofree char *locked_dir = NULL;
  g_autofree char *locked = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  LlExportImageOptions png = { LL_EXPORT_KIND_CHART, LL_CHART_CAPACITY, LL_EXPORT_PNG, 400, 200, TRUE };

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_INT64, "4 MiB");
  run_to_end (window);

  /* A folder that does not exist. */
  g_assert_false (export_to (window, LL_EXPORT_KIND_EVENTS, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export the Events");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, error->message);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_error (&error);
  assert_no_file (dir, "");

  /* A folder nobody may write to. Root may write anywhere it has a
   * mode for; /sys refuses even root. */
  if (getuid () == 0)
    locked_dir = g_strdup ("/sys");
  else
    {
      locked_dir = g_build_filename (dir, "locked", NULL);
      g_assert_cmpint (g_mkdir (locked_dir, 0500), ==, 0);
    }
  locked = g_build_filename (locked_dir, "capacity.png", NULL);
  g_assert_false (export_to (window, LL_EXPORT_KIND_CHART, locked, &png, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, locked));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (g_file_test (locked, G_FILE_TEST_EXISTS));
  destroy_all ();
  if (getuid () != 0)
    g_assert_cmpint (g_rmdir (locked_dir), ==, 0);

  /* A full disk, for each kind of writer. */
  window = create_window ();
  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_INT64, "4 MiB");
  run_to_end (window);
  g_assert_false (export_to (window, LL_EXPORT_KIND_CONTENTS, "/dev/full", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (error->message, ==, "Cannot write “/dev/full”: the disk is full");
  g_clear_error (&error);
  g_assert_false (export_to (window, LL_EXPORT_KIND_EVENTS, "/dev/full", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "/dev/full"));
  g_clear_error (&error);
  g_assert_false (export_to (window, LL_EXPORT_KIND_REPORT, "/dev/full", &png, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "/dev/full"));
  g_clear_error (&error);

  /* After an error the next export works. */
  g_assert_false (action_enabled (window, "cancel"));
  g_assert_true (action_enabled (window, "contents"));

  destroy_all ();
  remove_dir (dir);
}

static void
close_message_dialogs (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A disk that fills up at any byte, for every writer of the app: each
 * export fails with the reason and the file's name, leaves the file it
 * would replace as it was and no temporary file, and the next one works. */
static void
test_fault_at_any_byte (void)
{
  static const struct
  {
    LlExportKind         kind;
    LlExportImageOptions image;
    const char          *name;
  } writers[] = {
    { LL_EXPORT_KIND_EVENTS, { 0 }, "events.csv" },
    { LL_EXPORT_KIND_SAMPLES, { 0 }, "samples.csv" },
    { LL_EXPORT_KIND_CONTENTS, { 0 }, "contents.txt" },
    { LL_EXPORT_KIND_CHART, { LL_EXPORT_KIND_CHART, LL_CHART_CAPACITY, LL_EXPORT_PNG, 400, 200, TRUE }, "c.png" },
    { LL_EXPORT_KIND_CHART, { LL_EXPORT_KIND_CHART, LL_CHART_GROWTH, LL_EXPORT_SVG, 400, 200, TRUE }, "g.svg" },
    { LL_EXPORT_KIND_CHART, { LL_EXPORT_KIND_CHART, LL_CHART_MEMORY, LL_EXPORT_PDF, 400, 200, TRUE }, "m.pdf" },
    { LL_EXPORT_KIND_REPORT, { LL_EXPORT_KIND_REPORT, 0, LL_EXPORT_PDF, 0, 0, TRUE }, "report.pdf" },
  };
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  guint n_points = 0;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_INT64, "2 MiB");
  run_to_end (window);

  for (guint w = 0; w < G_N_ELEMENTS (writers); w++)
    {
      g_autofree char *path = g_build_filename (dir, writers[w].name, NULL);
      const LlExportImageOptions *image = writers[w].image.kind != 0 ? &writers[w].image : NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize size;

      /* Its size, written whole. */
      g_assert_true (export_to (window, writers[w].kind, path, image, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
      g_assert_cmpuint (size, >, 0);
      close_message_dialogs ();

      for (guint i = 0; i < 30; i++)
        {
          g_autofree char *kept = NULL;
          g_autofree char *names = NULL;
          AdwMessageDialog *dialog;
          guint64 fault = g_test_rand_int_range (0, (gint32) MIN (size, G_MAXINT32));

          ll_output_inject_fault (fault, ENOSPC);
          g_assert_false (export_to (window, writers[w].kind, path, image, &error));
          ll_output_inject_fault (G_MAXUINT64, 0);
          n_points++;

          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
          g_assert_nonnull (strstr (error->message, path));
          g_assert_nonnull (strstr (error->message, "the disk is full"));
          dialog = find_message_dialog ();
          g_assert_nonnull (dialog);
          g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, error->message);
          gtk_window_destroy (GTK_WINDOW (dialog));
          g_clear_error (&error);

          g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
          g_assert_cmpstr (kept, ==, contents);
          names = list_folder (dir);
          g_assert_null (strstr (names, " ."));
          g_assert_false (g_str_has_prefix (names, "."));
        }

      /* Still usable: the same export works again. */
      g_assert_true (export_to (window, writers[w].kind, path, image, &error));
      g_assert_no_error (error);
      close_message_dialogs ();
    }

  g_test_message ("%u write faults at random bytes across %u writers", n_points,
                  (guint) G_N_ELEMENTS (writers));
  g_assert_false (action_enabled (window, "cancel"));
  destroy_all ();
  remove_dir (dir);
}

/* The worker stops after its first block until the test lets it go. */
typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean paused;
  gboolean go;
  guint64  done;
  guint64  total;
} Gate;

static void
gate_hook (guint64  done,
           guint64  total,
           gpointer user_data)
{
  Gate *gate = user_data;

  g_mutex_lock (&gate->lock);
  if (!gate->go)
    {
      gate->done = done;
      gate->total = total;
      gate->paused = TRUE;
      while (!gate->go)
        g_cond_wait (&gate->cond, &gate->lock);
    }
  g_mutex_unlock (&gate->lock);
}

static gboolean
gate_paused (Gate *gate)
{
  gboolean paused;

  g_mutex_lock (&gate->lock);
  paused = gate->paused;
  g_mutex_unlock (&gate->lock);

  return paused;
}

static void
gate_open (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->go = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

static void
test_cancel (void)
{
  LlWindow *window = create_window ();
  LlExportController *exporter = get_exporter (window);
  LlExportBar *bar = ll_export_controller_get_bar (exporter);
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "contents.csv", NULL);
  g_autofree char *names = NULL;
  g_autofree char *old = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Outcome outcome = { 0 };
  Gate gate = { 0 };
  GtkWidget *cancel;
  gint64 deadline;

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);

  /* 64 MiB of int64 slots: the file would be about 60 MB. */
  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_INT64, "64 MiB");
  run_to_end (window);
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));

  ll_export_controller_set_progress_hook (exporter, gate_hook, &gate);
  ll_export_controller_export_to_file (exporter, LL_EXPORT_KIND_CONTENTS, file, NULL,
                                       on_exported, &outcome);
  g_assert_false (action_enabled (window, "contents"));
  g_assert_true (action_enabled (window, "cancel"));

  /* Mid-way: the bar shows it, the new file is still a temporary one and
   * the old file is untouched. */
  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while ((!gate_paused (&gate) || ll_export_bar_get_fraction (bar) == 0) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gate_paused (&gate));
  g_assert_cmpuint (gate.done, >, 0);
  g_assert_cmpuint (gate.done, <, gate.total);
  g_assert_true (ll_export_bar_get_active (bar));
  g_assert_cmpfloat (ll_export_bar_get_fraction (bar), >, 0);
  g_assert_cmpfloat (ll_export_bar_get_fraction (bar), <, 1);
  names = list_folder (dir);
  g_assert_true (g_str_has_prefix (names, ".contents.csv."));
  g_assert_true (g_str_has_suffix (names, " contents.csv"));
  g_assert_true (g_file_get_contents (path, &old, NULL, NULL));
  g_assert_cmpstr (old, ==, "old\n");
  g_clear_pointer (&old, g_free);

  /* Cancel, as the bar's button does. */
  cancel = find_button (GTK_WIDGET (bar), "export.cancel");
  g_assert_nonnull (cancel);
  g_assert_true (gtk_widget_is_sensitive (cancel));
  g_signal_emit_by_name (cancel, "clicked");
  gate_open (&gate);
  g_assert_true (wait_for_flag (&outcome.done, 10000));

  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (outcome.error->message, path));
  g_assert_nonnull (strstr (outcome.error->message, "cancelled"));
  g_clear_error (&outcome.error);

  /* The destination as it was, no temporary left, the bar gone. */
  g_assert_true (g_file_get_contents (path, &old, NULL, NULL));
  g_assert_cmpstr (old, ==, "old\n");
  assert_no_file (dir, "contents.csv");
  g_assert_false (ll_export_bar_get_active (bar));
  g_assert_true (action_enabled (window, "contents"));
  g_assert_false (action_enabled (window, "cancel"));

  /* Without the gate the whole list goes out, and the app stays
   * responsive while it does. */
  ll_export_controller_set_progress_hook (exporter, NULL, NULL);
  outcome = (Outcome) { 0 };
  {
    gint64 last = g_get_monotonic_time ();
    gint64 worst = 0;
    GStatBuf st;
    LlEngineStatus status;

    ll_export_controller_export_to_file (exporter, LL_EXPORT_KIND_CONTENTS, file, NULL,
                                         on_exported, &outcome);
    while (!outcome.done)
      {
        gint64 now;

        g_main_context_iteration (NULL, TRUE);
        now = g_get_monotonic_time ();
        worst = MAX (worst, now - last);
        last = now;
      }
    g_assert_true (outcome.ok);
    g_test_message ("longest main loop gap during the export: %" G_GINT64_FORMAT " µs", worst);
    g_assert_cmpint (worst, <, 500 * G_TIME_SPAN_MILLISECOND);

    ll_engine_get_status (ll_window_get_engine (window), &status);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_size, >, (gint64) status.length * 7);
  }
  assert_no_file (dir, "contents.csv");

  destroy_all ();
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
  remove_dir (dir);
}

/* Closing the window during an export: the export is cancelled and the
 * worker removes its temporary file before the window is gone. */
static void
test_close_during_export (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "contents.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Outcome outcome = { 0 };

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_INT64, "64 MiB");
  run_to_end (window);

  ll_export_controller_export_to_file (get_exporter (window), LL_EXPORT_KIND_CONTENTS, file,
                                       NULL, on_exported, &outcome);
  destroy_all ();
  assert_no_file (dir, "");

  g_assert_true (wait_for_flag (&outcome.done, 10000));
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&outcome.error);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/export-controller/nothing-yet", test_nothing_yet);
  g_test_add_func ("/ui/export-controller/csv", test_csv);
  g_test_add_func ("/ui/export-controller/during-run", test_during_run);
  g_test_add_func ("/ui/export-controller/contents", test_contents);
  g_test_add_func ("/ui/export-controller/failures", test_failures);
  g_test_add_func ("/ui/export-controller/fault-at-any-byte", test_fault_at_any_byte);
  g_test_add_func ("/ui/export-controller/cancel", test_cancel);
  g_test_add_func ("/ui/export-controller/close-during-export", test_close_during_export);

  return g_test_run ();
}
