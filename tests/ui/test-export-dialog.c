/* test-export-dialog.c — the choices of an image export: chart, format, size, style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ll-export-dialog.h"
#include "ui-test-util.h"

/* The dialog's combo row titled @title (with its mnemonic). */
static AdwComboRow *
find_row (LlExportDialog *dialog,
          const char     *title)
{
  g_autoptr(GPtrArray) rows = find_widgets (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  g_assert_not_reached ();
}

static const char *
selected_text (AdwComboRow *row)
{
  return gtk_string_object_get_string (adw_combo_row_get_selected_item (row));
}

/* The row's choices, joined: "PNG Image|SVG Drawing|PDF Document". */
static char *
choices (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", gtk_string_object_get_string (item));
    }
  return g_string_free (text, FALSE);
}

/* Each chart can be chosen, and all four together; "Same as on Screen"
 * is the size of the chart chosen. */
static void
test_charts (void)
{
  const char *names[] = { "Capacity", "Growth", "Time", "Free Memory", "All Four" };

  for (guint k = 0; k <= LL_N_CHARTS; k++)
    {
      LlExportImageOptions asked = { LL_EXPORT_KIND_CHART, k, LL_EXPORT_PNG, 0, 0, TRUE };
      LlExportImageOptions got;
      LlExportDialog *dialog = ll_export_dialog_new (NULL, &asked, 600, 300);

      ll_export_dialog_get_options (dialog, &got);
      g_assert_cmpuint (got.chart, ==, k);
      g_assert_cmpuint (got.kind, ==, LL_EXPORT_KIND_CHART);
      g_assert_cmpstr (selected_text (find_row (dialog, "C_hart")), ==, names[k]);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  {
    LlExportImageOptions asked = { LL_EXPORT_KIND_CHART, LL_CHART_CAPACITY, LL_EXPORT_PNG, 0, 0, TRUE };
    LlExportDialog *dialog = ll_export_dialog_new (NULL, &asked, 600, 300);
    AdwComboRow *chart_row = find_row (dialog, "C_hart");
    AdwComboRow *size_row = find_row (dialog, "_Size");
    LlExportImageOptions got;

    ll_export_dialog_set_screen_size (dialog, LL_N_CHARTS, 1000, 500);
    g_assert_cmpstr (selected_text (size_row), ==, "Same as on Screen (600 × 300)");
    adw_combo_row_set_selected (chart_row, LL_N_CHARTS);
    g_assert_cmpstr (selected_text (size_row), ==, "Same as on Screen (1000 × 500)");
    /* the size stays "as on screen": 0 × 0, whichever chart */
    ll_export_dialog_get_options (dialog, &got);
    g_assert_cmpint (got.width, ==, 0);
    g_assert_cmpint (got.height, ==, 0);
    adw_combo_row_set_selected (chart_row, LL_CHART_TIME);
    g_assert_cmpstr (selected_text (size_row), ==, "Same as on Screen (600 × 300)");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

/* All four charts on one image have sizes of their own: the dialog offers
 * the one chosen for them last, and the chart's again on the way back;
 * "Same as on Screen" holds for any chart. */
static void
test_sizes_of_all_four (void)
{
  LlExportImageOptions asked = { LL_EXPORT_KIND_CHART, LL_CHART_CAPACITY, LL_EXPORT_PNG, 1200, 600, TRUE };
  LlExportDialog *dialog = ll_export_dialog_new (NULL, &asked, 600, 300);
  AdwComboRow *chart_row = find_row (dialog, "C_hart");
  AdwComboRow *size_row = find_row (dialog, "_Size");
  LlExportImageOptions got;
  g_autofree char *sizes = NULL;

  ll_export_dialog_set_screen_size (dialog, LL_N_CHARTS, 1000, 500);
  g_assert_cmpstr (selected_text (size_row), ==, "1200 × 600");
  adw_combo_row_set_selected (chart_row, LL_N_CHARTS);
  sizes = choices (size_row);
  g_assert_cmpstr (sizes, ==, "1200 × 1200|1920 × 1080|2400 × 1200|Same as on Screen (1000 × 500)");
  g_assert_cmpstr (selected_text (size_row), ==, "1200 × 1200");
  ll_export_dialog_get_options (dialog, &got);
  g_assert_cmpint (got.chart, ==, LL_N_CHARTS);
  g_assert_cmpint (got.width, ==, 1200);
  g_assert_cmpint (got.height, ==, 1200);

  /* Chosen for all four, kept for them; the chart gets its own back. */
  adw_combo_row_set_selected (size_row, 2);
  adw_combo_row_set_selected (chart_row, LL_CHART_GROWTH);
  g_assert_cmpstr (selected_text (size_row), ==, "1200 × 600");
  adw_combo_row_set_selected (chart_row, LL_N_CHARTS);
  g_assert_cmpstr (selected_text (size_row), ==, "2400 × 1200");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* What the window remembers for all four, offered when they are chosen,
   * a size none of the presets has first. */
  dialog = ll_export_dialog_new (NULL, &asked, 600, 300);
  chart_row = find_row (dialog, "C_hart");
  size_row = find_row (dialog, "_Size");
  ll_export_dialog_set_size (dialog, LL_N_CHARTS, 1000, 1000);
  g_assert_cmpstr (selected_text (size_row), ==, "1200 × 600");
  adw_combo_row_set_selected (chart_row, LL_N_CHARTS);
  g_assert_cmpstr (selected_text (size_row), ==, "1000 × 1000");
  ll_export_dialog_get_options (dialog, &got);
  g_assert_cmpint (got.width, ==, 1000);
  g_assert_cmpint (got.height, ==, 1000);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The presets and the size on screen; a size asked for that is none of
 * them is offered first. Each format says what its size measures. */
static void
test_sizes_and_formats (void)
{
  LlExportImageOptions asked = { LL_EXPORT_KIND_CHART, LL_CHART_GROWTH, LL_EXPORT_SVG, 1920, 1080, FALSE };
  LlExportImageOptions odd = { LL_EXPORT_KIND_CHART, LL_CHART_GROWTH, LL_EXPORT_PNG, 640, 480, TRUE };
  LlExportImageOptions got;
  LlExportDialog *dialog = ll_export_dialog_new (NULL, &asked, 700, 350);
  AdwComboRow *size_row = find_row (dialog, "_Size");
  AdwComboRow *format_row = find_row (dialog, "_Format");
  g_autofree char *sizes = choices (size_row);
  g_autofree char *formats = choices (format_row);

  g_assert_cmpstr (sizes, ==, "1200 × 600|1920 × 1080|800 × 400|Same as on Screen (700 × 350)");
  g_assert_cmpstr (formats, ==, "PNG Image|SVG Drawing|PDF Document");
  g_assert_cmpstr (selected_text (size_row), ==, "1920 × 1080");
  g_assert_cmpstr (selected_text (format_row), ==, "SVG Drawing");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (size_row)), ==,
                   "In points: the drawing scales without losing detail");
  ll_export_dialog_get_options (dialog, &got);
  g_assert_cmpint (got.format, ==, LL_EXPORT_SVG);
  g_assert_cmpint (got.width, ==, 1920);
  g_assert_cmpint (got.height, ==, 1080);
  g_assert_false (got.light);

  /* PNG measures in pixels; the chosen preset is read back */
  adw_combo_row_set_selected (format_row, 0);
  adw_combo_row_set_selected (size_row, 2);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (size_row)), ==, "In pixels");
  ll_export_dialog_get_options (dialog, &got);
  g_assert_cmpint (got.format, ==, LL_EXPORT_PNG);
  g_assert_cmpint (got.width, ==, 800);
  g_assert_cmpint (got.height, ==, 400);
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = ll_export_dialog_new (NULL, &odd, 700, 350);
  size_row = find_row (dialog, "_Size");
  g_clear_pointer (&sizes, g_free);
  sizes = choices (size_row);
  g_assert_cmpstr (sizes, ==, "640 × 480|1200 × 600|1920 × 1080|800 × 400|Same as on Screen (700 × 350)");
  g_assert_cmpstr (selected_text (size_row), ==, "640 × 480");
  ll_export_dialog_get_options (dialog, &got);
  g_assert_cmpint (got.width, ==, 640);
  g_assert_true (got.light);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The report is one page: no chart or size to choose, PDF first. */
static void
test_report (void)
{
  LlExportImageOptions asked = { LL_EXPORT_KIND_REPORT, LL_CHART_CAPACITY, LL_EXPORT_PNG, 0, 0, FALSE };
  LlExportImageOptions got;
  LlExportDialog *dialog = ll_export_dialog_new (NULL, &asked, 600, 300);
  AdwComboRow *format_row = find_row (dialog, "_Format");
  g_autofree char *formats = choices (format_row);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export Report");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_row (dialog, "C_hart"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_row (dialog, "_Size"))));
  g_assert_cmpstr (formats, ==, "PDF Document|PNG Image");
  g_assert_cmpstr (selected_text (format_row), ==, "PNG Image");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (format_row)), ==,
                   "An A4 page as an image of 1190 × 1684 pixels");
  adw_combo_row_set_selected (format_row, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (format_row)), ==,
                   "One A4 page, sharp at any zoom");
  ll_export_dialog_get_options (dialog, &got);
  g_assert_cmpuint (got.kind, ==, LL_EXPORT_KIND_REPORT);
  g_assert_cmpint (got.format, ==, LL_EXPORT_PDF);
  g_assert_cmpint (got.width, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

typedef struct
{
  guint                calls;
  LlExportImageOptions last;
  gboolean             destroyed;
  guint                exported;
} Watch;

static GdkTexture *
preview (const LlExportImageOptions *options,
         gpointer                    data)
{
  Watch *watch = data;
  g_autoptr(GBytes) bytes = NULL;
  guchar pixels[4 * 4 * 4] = { 0 };

  watch->calls++;
  watch->last = *options;
  bytes = g_bytes_new (pixels, sizeof pixels);
  return gdk_memory_texture_new (4, 4, GDK_MEMORY_DEFAULT, bytes, 16);
}

static void
preview_destroyed (gpointer data)
{
  ((Watch *) data)->destroyed = TRUE;
}

static void
on_export (LlExportDialog *dialog,
           Watch          *watch)
{
  LlExportImageOptions options;

  ll_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, LL_EXPORT_PDF);
  watch->exported++;
}

/* The preview follows each choice; Export says so once and closes the
 * dialog, Escape closes it without a word. */
static void
test_preview_and_export (void)
{
  LlExportImageOptions asked = { LL_EXPORT_KIND_CHART, LL_CHART_TIME, LL_EXPORT_PNG, 0, 0, FALSE };
  Watch watch = { 0 };
  LlExportDialog *dialog = ll_export_dialog_new (NULL, &asked, 600, 300);
  GtkWidget *button = NULL;
  g_autoptr(GPtrArray) buttons = find_widgets (GTK_WIDGET (dialog), GTK_TYPE_BUTTON);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  ll_export_dialog_set_preview_func (dialog, preview, &watch, preview_destroyed);
  g_assert_cmpuint (watch.calls, ==, 1);
  g_assert_cmpuint (watch.last.chart, ==, LL_CHART_TIME);
  adw_combo_row_set_selected (find_row (dialog, "_Format"), 2);
  g_assert_cmpuint (watch.calls, ==, 2);
  g_assert_cmpint (watch.last.format, ==, LL_EXPORT_PDF);
  adw_combo_row_set_selected (find_row (dialog, "St_yle"), 1);
  g_assert_true (watch.last.light);

  g_signal_connect (dialog, "export", G_CALLBACK (on_export), &watch);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Export…") == 0)
      button = g_ptr_array_index (buttons, i);
  g_assert_nonnull (button);
  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_emit_by_name (button, "clicked");
  wait_ms (50);
  g_assert_cmpuint (watch.exported, ==, 1);
  g_assert_null (dialog);
  g_assert_true (watch.destroyed);

  /* Escape: closed, nothing exported */
  watch = (Watch) { 0 };
  dialog = ll_export_dialog_new (NULL, &asked, 600, 300);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "export", G_CALLBACK (on_export), &watch);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (press_key (GTK_WIDGET (dialog), GDK_KEY_Escape, 0));
  wait_ms (50);
  g_assert_null (dialog);
  g_assert_cmpuint (watch.exported, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/export-dialog/charts", test_charts);
  g_test_add_func ("/ui/export-dialog/sizes-and-formats", test_sizes_and_formats);
  g_test_add_func ("/ui/export-dialog/sizes-of-all-four", test_sizes_of_all_four);
  g_test_add_func ("/ui/export-dialog/report", test_report);
  g_test_add_func ("/ui/export-dialog/preview-and-export", test_preview_and_export);

  return g_test_run ();
}
