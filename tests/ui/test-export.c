/* test-export.c — every export from the window, read back; failures and cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ll-csv.h"
#include "ll-export-controller.h"
#include "ll-export-dialog.h"
#include "ll-run-file.h"
#include "ll-output-private.h"
#include "ll-window.h"
#include "ui-test-util.h"

#define MiB (G_GUINT64_CONSTANT (1) << 20)

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

/* Helpers */

/* Closes every window the test left (dialogs included). */
static void
destroy_all (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static LlExportController *
get_exporter (LlWindow *window)
{
  LlExportController *exporter = ll_window_get_export_controller (window);

  g_assert_true (LL_IS_EXPORT_CONTROLLER (exporter));
  return exporter;
}

static gboolean
action_enabled (LlWindow   *window,
                const char *name)
{
  return g_action_group_get_action_enabled (ll_export_controller_get_actions (get_exporter (window)),
                                            name);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Outcome;

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = ll_export_controller_export_finish (LL_EXPORT_CONTROLLER (object), result,
                                                    &outcome->error);
  outcome->done = TRUE;
}

/* Exports through the same path as the file chooser's answer. */
static gboolean
export_to (LlWindow                   *window,
           LlExportKind                kind,
           const char                 *path,
           const LlExportImageOptions *options,
           GError                    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Outcome outcome = { 0 };

  ll_export_controller_export_to_file (get_exporter (window), kind, file, options,
                                       on_exported, &outcome);
  g_assert_true (wait_for_flag (&outcome.done, 30000));
  g_assert_true (outcome.ok == (outcome.error == NULL));
  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);

  return outcome.ok;
}

/* Pixels of @color (within a small tolerance) in an ARGB32 image. */
static guint
count_color (const guchar  *pixels,
             int            width,
             int            height,
             int            stride,
             const LlColor *color)
{
  guint n = 0;
  int r = (int) (color->red * 255 + 0.5);
  int g = (int) (color->green * 255 + 0.5);
  int b = (int) (color->blue * 255 + 0.5);

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (pixels + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 p = row[x];

          if (ABS ((int) ((p >> 16) & 0xff) - r) <= 6 &&
              ABS ((int) ((p >> 8) & 0xff) - g) <= 6 &&
              ABS ((int) (p & 0xff) - b) <= 6)
            n++;
        }
    }

  return n;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return ((const guint32 *) (data + (gsize) y * cairo_image_surface_get_stride (surface)))[x] & 0xffffff;
}

static void
assert_event_equal (const LlEvent *a,
                    const LlEvent *b)
{
  g_assert_cmpuint (a->length, ==, b->length);
  g_assert_cmpuint (a->old_capacity, ==, b->old_capacity);
  g_assert_cmpuint (a->new_capacity, ==, b->new_capacity);
  g_assert_cmpuint (a->old_bytes, ==, b->old_bytes);
  g_assert_cmpuint (a->new_bytes, ==, b->new_bytes);
  g_assert_cmpuint (a->bytes_added, ==, b->bytes_added);
  g_assert_cmpint (!!a->moved, ==, !!b->moved);
  g_assert_cmpuint (a->bytes_copied, ==, b->bytes_copied);
  g_assert_cmpuint (a->realloc_ns, ==, b->realloc_ns);
  g_assert_cmpuint (a->elapsed_ns, ==, b->elapsed_ns);
  g_assert_cmpuint (a->available_bytes, ==, b->available_bytes);
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
      assert_event_equal (&event, &events[i].first);
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
      assert_event_equal (&event, &events[i].first);
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
test_png (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *light_path = g_build_filename (dir, "light.png", NULL);
  g_autofree char *dark_path = g_build_filename (dir, "dark.png", NULL);
  g_autofree char *screen_path = g_build_filename (dir, "screen.png", NULL);
  g_autoptr(GError) error = NULL;
  LlExportImageOptions options = { LL_EXPORT_KIND_CHART, LL_CHART_CAPACITY, LL_EXPORT_PNG, 800, 400, TRUE };
  LlChartPalette light, dark_palette;
  LlChartOptions screen;
  cairo_surface_t *surface;
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *view;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "16 MiB");
  run_to_end (window);

  /* The requested size, the light palette's background and series. */
  g_assert_true (export_to (window, LL_EXPORT_KIND_CHART, light_path, &options, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (light_path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 400);
  ll_chart_palette_init_light (&light);
  g_assert_cmphex (pixel_at (surface, 2, 2), ==,
                   ((guint32) (light.background.red * 255 + 0.5) << 16) |
                   ((guint32) (light.background.green * 255 + 0.5) << 8) |
                   (guint32) (light.background.blue * 255 + 0.5));
  g_assert_cmpuint (count_color (cairo_image_surface_get_data (surface), 800, 400,
                                 cairo_image_surface_get_stride (surface), &light.accent), >, 500);
  cairo_surface_destroy (surface);

  /* "As on screen" follows the dark style; "Light, for print" does not. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  ll_chart_view_get_options (ll_window_get_chart_view (window, LL_CHART_GROWTH), &screen);
  ll_chart_palette_init_dark (&dark_palette);
  options.chart = LL_CHART_GROWTH;
  options.light = FALSE;
  g_assert_true (export_to (window, LL_EXPORT_KIND_CHART, dark_path, &options, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (dark_path);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  /* A dark background, the screen's accent for the stems. */
  g_assert_cmpuint (pixel_at (surface, 2, 2) & 0xff, <, 0x60);
  g_assert_cmpuint (count_color (cairo_image_surface_get_data (surface), 800, 400,
                                 cairo_image_surface_get_stride (surface), &screen.palette.accent), >, 100);
  cairo_surface_destroy (surface);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* "Same as on screen": the chart's size in the window. */
  options.chart = LL_CHART_CAPACITY;
  options.width = options.height = 0;
  g_assert_true (export_to (window, LL_EXPORT_KIND_CHART, screen_path, &options, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (screen_path);
  view = GTK_WIDGET (ll_window_get_chart_view (window, LL_CHART_CAPACITY));
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, gtk_widget_get_width (view));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, gtk_widget_get_height (view));
  cairo_surface_destroy (surface);

  destroy_all ();
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  remove_dir (dir);
}

typedef struct
{
  int      depth;
  gboolean svg_root;
  char    *width;
  guint    n_glyph_uses;
  guint    n_symbols;
} SvgInfo;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgInfo *info = user_data;

  if (info->depth++ == 0 && g_str_equal (element, "svg"))
    {
      info->svg_root = TRUE;
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "width"))
          info->width = g_strdup (values[i]);
    }
  if (g_str_equal (element, "symbol"))
    info->n_symbols++;
  if (g_str_equal (element, "use"))
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "xlink:href") && g_str_has_prefix (values[i], "#glyph"))
        info->n_glyph_uses++;
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  ((SvgInfo *) user_data)->depth--;
}

static void
test_svg (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "growth.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) parser = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GMarkupParser callbacks = { svg_start, svg_end, NULL, NULL, NULL };
  LlExportImageOptions options = { LL_EXPORT_KIND_CHART, LL_CHART_GROWTH, LL_EXPORT_SVG, 1200, 600, TRUE };
  SvgInfo info = { 0 };
  LlChartPalette light;
  gsize length;
  const char *titles;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "16 MiB");
  run_to_end (window);

  g_assert_true (export_to (window, LL_EXPORT_KIND_CHART, path, &options, &error));
  g_assert_no_error (error);

  /* Well-formed, an <svg> of the requested size in points. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  parser = g_markup_parse_context_new (&callbacks, 0, &info, NULL);
  g_assert_true (g_markup_parse_context_parse (parser, contents, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (parser, &error));
  g_assert_no_error (error);
  g_assert_true (info.svg_root);
  g_assert_cmpint (info.depth, ==, 0);
  g_assert_cmpstr (info.width, ==, "1200pt");

  /* cairo writes text as glyph outlines: the title and both axis titles
   * are there as at least one glyph use per letter. */
  titles = "Bytes Added per Reallocation" "Bytes added (MiB)" "Length (k elements)";
  g_assert_cmpuint (info.n_symbols, >, 10);
  g_assert_cmpuint (info.n_glyph_uses, >=, strlen (titles) - 8);
  g_free (info.width);

  /* Drawn, it shows the series in its colour. */
  pixbuf = gdk_pixbuf_new_from_file_at_size (path, 1200, 600, &error);
  if (pixbuf == NULL)
    {
      g_test_message ("No SVG loader for GdkPixbuf: %s", error->message);
      g_clear_error (&error);
    }
  else
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1200, 600);
      cairo_t *cr = cairo_create (surface);

      gdk_cairo_set_source_pixbuf (cr, pixbuf, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      ll_chart_palette_init_light (&light);
      g_assert_cmpuint (count_color (cairo_image_surface_get_data (surface), 1200, 600,
                                     cairo_image_surface_get_stride (surface), &light.accent), >, 100);
      cairo_surface_destroy (surface);
    }

  destroy_all ();
  remove_dir (dir);
}

static guint
count_pages (const char *pdf,
             gsize       length)
{
  const char *p = pdf;
  guint n = 0;

  /* The streams are binary: search bytes, not a string. */
  while ((p = memmem (p, length - (p - pdf), "/Type /Page", strlen ("/Type /Page"))) != NULL)
    {
      p += strlen ("/Type /Page");
      if (p < pdf + length && *p != 's')
        n++;
    }

  return n;
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, path, "-", NULL };
  char *out = NULL;
  int status;

  if (pdftotext == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
test_pdf_and_report (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *chart_path = g_build_filename (dir, "memory.pdf", NULL);
  g_autofree char *report_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *report_png = g_build_filename (dir, "report.png", NULL);
  g_autoptr(GError) error = NULL;
  LlExportImageOptions chart = { LL_EXPORT_KIND_CHART, LL_CHART_MEMORY, LL_EXPORT_PDF, 800, 400, TRUE };
  LlExportImageOptions report = { LL_EXPORT_KIND_REPORT, 0, LL_EXPORT_PDF, 0, 0, TRUE };
  LlChartPalette light;
  cairo_surface_t *surface;
  const char *pdfs[] = { chart_path, report_path };

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "16 MiB");
  run_to_end (window);

  g_assert_true (export_to (window, LL_EXPORT_KIND_CHART, chart_path, &chart, &error));
  g_assert_no_error (error);
  g_assert_true (export_to (window, LL_EXPORT_KIND_REPORT, report_path, &report, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (pdfs); i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *text = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (pdfs[i], &contents, &length, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      g_assert_cmpuint (count_pages (contents, length), ==, 1);

      text = pdf_text (pdfs[i]);
      if (text == NULL)
        continue;
      if (i == 0)
        {
          g_assert_nonnull (strstr (text, "System Free Memory"));
          g_assert_nonnull (strstr (text, "Memory ("));
        }
      else
        {
          g_assert_nonnull (strstr (text, "List Lab run"));
          g_assert_nonnull (strstr (text, "Settings"));
          g_assert_nonnull (strstr (text, "Results"));
          g_assert_nonnull (strstr (text, "Capacity vs Length"));
          g_assert_nonnull (strstr (text, "Bytes Added per Reallocation"));
          g_assert_nonnull (strstr (text, "System Free Memory"));
        }
    }

  /* The PNG report: an A4 page at twice its points. */
  report.format = LL_EXPORT_PNG;
  g_assert_true (export_to (window, LL_EXPORT_KIND_REPORT, report_png, &report, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (report_png);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1190);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1684);
  ll_chart_palette_init_light (&light);
  g_assert_cmpuint (count_color (cairo_image_surface_get_data (surface), 1190, 1684,
                                 cairo_image_surface_get_stride (surface), &light.accent), >, 1000);
  cairo_surface_destroy (surface);

  destroy_all ();
  remove_dir (dir);
}

/* With another run shown, the report compares them: each run's colour
 * beside its name, in the page's left margin where no chart draws. */
static void
test_report_compared (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *report_png = g_build_filename (dir, "report.png", NULL);
  g_autoptr(GError) error = NULL;
  LlExportImageOptions report = { LL_EXPORT_KIND_REPORT, 0, LL_EXPORT_PNG, 0, 0, TRUE };
  const LlChartData *data;
  LlChartPalette light;
  cairo_surface_t *surface;
  const LlColor *colours[2];
  int stride;
  guchar *pixels;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "16 MiB");
  run_to_end (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", "go");
  wait_compared (window);
  data = ll_chart_view_get_data (ll_window_get_chart_view (window, LL_CHART_CAPACITY));
  g_assert_cmpuint (data->n_series, ==, 2);

  g_assert_true (export_to (window, LL_EXPORT_KIND_REPORT, report_png, &report, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (report_png);
  stride = cairo_image_surface_get_stride (surface);
  pixels = cairo_image_surface_get_data (surface);
  ll_chart_palette_init_light (&light);
  for (guint i = 0; i < 2; i++)
    {
      colours[i] = &light.runs[data->series[i].style % LL_CHART_N_RUN_COLORS];
      /* The margin starts 36 points (72 pixels) in; a swatch is a line
       * 36 pixels long in the run's colour and dash, with its mark. */
      g_assert_cmpuint (count_color (pixels + 72 * 4, 40, 1684, stride, colours[i]), >=, 80);
    }
  cairo_surface_destroy (surface);

  destroy_all ();
  remove_dir (dir);
}

static void
on_texture (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GdkTexture **texture = user_data;

  *texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, NULL);
  g_assert_nonnull (*texture);
}

static void
test_copy_chart (void)
{
  LlWindow *window = create_window ();
  g_autoptr(GError) error = NULL;
  GdkTexture *texture = NULL;
  g_autofree guchar *pixels = NULL;
  GtkWidget *view;
  LlChartOptions options;
  int width, height;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "16 MiB");
  run_to_end (window);
  g_assert_true (action_enabled (window, "copy-chart"));

  g_assert_true (ll_export_controller_copy_chart (get_exporter (window), &error));
  g_assert_no_error (error);

  gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL,
                                    on_texture, &texture);
  while (texture == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* The visible chart, at its size on screen, in the screen's colours. */
  view = GTK_WIDGET (ll_window_get_chart_view (window, LL_CHART_CAPACITY));
  g_assert_true (gtk_widget_get_mapped (view));
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (width, ==, gtk_widget_get_width (view));
  g_assert_cmpint (height, ==, gtk_widget_get_height (view));
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  ll_chart_view_get_options (LL_CHART_VIEW (view), &options);
  g_assert_cmpuint (count_color (pixels, width, height, width * 4, &options.palette.accent), >, 200);

  g_object_unref (texture);
  destroy_all ();
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

static void
on_bundled (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = ll_export_controller_bundle_finish (LL_EXPORT_CONTROLLER (object), result, &outcome->error);
  outcome->done = TRUE;
}

/* A run compared with another, bundled into a new folder: every file, the
 * README saying what was run, the run file holding both runs; a folder
 * that exists is refused and left as it was. */
static void
test_bundle (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *bundle = g_build_filename (dir, "class", NULL);
  g_autofree char *names = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *readme_path = g_build_filename (bundle, "README.txt", NULL);
  g_autofree char *runs_path = g_build_filename (bundle, "runs.listlab", NULL);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome = { 0 };

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "2 MiB");
  run_to_end (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", "go");
  wait_compared (window);
  g_assert_true (g_action_group_get_action_enabled (ll_export_controller_get_actions (get_exporter (window)),
                                                    "bundle"));

  ll_export_controller_bundle_to (get_exporter (window), bundle, on_bundled, &outcome);
  g_assert_true (wait_for_flag (&outcome.done, 30000));
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);

  names = list_folder (bundle);
  g_assert_cmpstr (names, ==, "README.txt capacity.png capacity.svg charts.png charts.svg comparison.csv events.csv growth.png "
                              "growth.svg memory.png memory.svg report.pdf reproduce.py runs.listlab "
                              "samples.csv time.png time.svg");
  g_assert_true (g_file_get_contents (readme_path, &readme, NULL, NULL));
  g_assert_true (g_str_has_prefix (readme, "CPython 3.9+ · Shared object · 2.00 MiB\n"));
  g_assert_nonnull (strstr (readme, "Reached the target of 2.00 MiB"));
  g_assert_nonnull (strstr (readme, "Compared with:\n  Go append"));
  runs = ll_run_file_read (runs_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_cmpint (ll_run_get_kind (g_ptr_array_index (runs, 0)), ==, LL_RUN_REAL);

  /* Not over a folder that exists. */
  outcome = (Outcome) { 0 };
  ll_export_controller_bundle_to (get_exporter (window), bundle, on_bundled, &outcome);
  g_assert_true (wait_for_flag (&outcome.done, 30000));
  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&outcome.error);
  {
    AdwMessageDialog *dialog = find_message_dialog ();

    g_assert_nonnull (dialog);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_clear_pointer (&names, g_free);
  names = list_folder (dir);
  g_assert_cmpstr (names, ==, "class");

  destroy_all ();
  remove_dir (bundle);
  remove_dir (dir);
}

/* All four charts export on one image, as the window shows them (the
 * dialog's choices: test-export-dialog.c). */
static void
test_all_four (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *all_path = g_build_filename (dir, "charts.png", NULL);
  g_autofree char *one_path = g_build_filename (dir, "capacity.png", NULL);
  g_autoptr(GError) error = NULL;
  LlExportImageOptions all = { LL_EXPORT_KIND_CHART, LL_N_CHARTS, LL_EXPORT_PNG, 1200, 800, TRUE };
  LlExportImageOptions one = { LL_EXPORT_KIND_CHART, LL_CHART_CAPACITY, LL_EXPORT_PNG, 1200, 800, TRUE };
  LlChartPalette light;

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "16 MiB");
  run_to_end (window);
  g_assert_true (export_to (window, LL_EXPORT_KIND_CHART, all_path, &all, &error));
  g_assert_no_error (error);
  g_assert_true (export_to (window, LL_EXPORT_KIND_CHART, one_path, &one, &error));
  g_assert_no_error (error);

  /* The memory chart's reserve line, in the warning colour, is at the
   * bottom right of all four, and nowhere on the capacity chart alone. */
  ll_chart_palette_init_light (&light);
  for (guint i = 0; i < 2; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create_from_png (i == 0 ? all_path : one_path);
      const guchar *data = cairo_image_surface_get_data (surface);
      int stride = cairo_image_surface_get_stride (surface);
      guint corner;

      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1200);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 800);
      corner = count_color (data + 400 * stride + 600 * 4, 600, 400, stride, &light.warning);
      if (i == 0)
        g_assert_cmpuint (corner, >, 50);
      else
        g_assert_cmpuint (count_color (data, 1200, 800, stride, &light.warning), ==, 0);
      cairo_surface_destroy (surface);
    }

  destroy_window (window);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/export/nothing-yet", test_nothing_yet);
  g_test_add_func ("/ui/export/csv", test_csv);
  g_test_add_func ("/ui/export/bundle", test_bundle);
  g_test_add_func ("/ui/export/during-run", test_during_run);
  g_test_add_func ("/ui/export/contents", test_contents);
  g_test_add_func ("/ui/export/png", test_png);
  g_test_add_func ("/ui/export/svg", test_svg);
  g_test_add_func ("/ui/export/pdf-and-report", test_pdf_and_report);
  g_test_add_func ("/ui/export/report-compared", test_report_compared);
  g_test_add_func ("/ui/export/copy-chart", test_copy_chart);
  g_test_add_func ("/ui/export/all-four", test_all_four);
  g_test_add_func ("/ui/export/failures", test_failures);
  g_test_add_func ("/ui/export/fault-at-any-byte", test_fault_at_any_byte);
  g_test_add_func ("/ui/export/cancel", test_cancel);
  g_test_add_func ("/ui/export/close-during-export", test_close_during_export);

  return g_test_run ();
}
