/* test-export-controller-image.c — Export › Chart, Export › Report and Copy from the window: the files read back, their pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "export-controller-test-util.h"
#include "ll-export-controller-private.h"
#include "ui-test-util.h"

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

/* One chart and all four on one image each keep the size chosen last:
 * at first the defaults listlab-cli draws at too. */
static void
test_remembered_sizes (void)
{
  LlWindow *window = create_window ();
  LlExportController *exporter = get_exporter (window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LlExportImageOptions image;
  double w, h;

  ll_export_controller_get_remembered_options (exporter, LL_EXPORT_KIND_CHART, LL_N_CHARTS, &image);
  ll_export_size_resolve (LL_EXPORT_ALL_CHARTS, LL_EXPORT_PNG, 0, 0, 0, 0, &w, &h);
  g_assert_cmpint (image.width, ==, 1200);
  g_assert_cmpint (image.height, ==, 1200);
  g_assert_cmpfloat (w, ==, image.width);
  g_assert_cmpfloat (h, ==, image.height);
  ll_export_controller_get_remembered_options (exporter, LL_EXPORT_KIND_CHART, LL_CHART_MEMORY, &image);
  ll_export_size_resolve (LL_CHART_MEMORY, LL_EXPORT_PNG, 0, 0, 0, 0, &w, &h);
  g_assert_cmpint (image.width, ==, 1200);
  g_assert_cmpint (image.height, ==, 600);
  g_assert_cmpfloat (w, ==, image.width);
  g_assert_cmpfloat (h, ==, image.height);

  ll_export_controller_set_size (exporter, LL_N_CHARTS, 2400, 1200);
  ll_export_controller_set_size (exporter, LL_CHART_TIME, 0, 0);
  ll_export_controller_get_remembered_options (exporter, LL_EXPORT_KIND_CHART, LL_N_CHARTS, &image);
  g_assert_cmpint (image.width, ==, 2400);
  g_assert_cmpint (image.height, ==, 1200);
  ll_export_controller_get_remembered_options (exporter, LL_EXPORT_KIND_CHART, LL_CHART_CAPACITY, &image);
  g_assert_cmpint (image.width, ==, 0);
  g_assert_cmpint (image.height, ==, 0);
  assert_setting_string (settings, "export-size-all", "2400x1200");
  assert_setting_string (settings, "export-size", "screen");
  g_settings_reset (settings, "export-size-all");
  g_settings_reset (settings, "export-size");

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/export-controller-image/png", test_png);
  g_test_add_func ("/ui/export-controller-image/svg", test_svg);
  g_test_add_func ("/ui/export-controller-image/pdf-and-report", test_pdf_and_report);
  g_test_add_func ("/ui/export-controller-image/report-compared", test_report_compared);
  g_test_add_func ("/ui/export-controller-image/copy-chart", test_copy_chart);
  g_test_add_func ("/ui/export-controller-image/all-four", test_all_four);
  g_test_add_func ("/ui/export-controller-image/remembered-sizes", test_remembered_sizes);

  return g_test_run ();
}
