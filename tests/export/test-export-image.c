/* test-export-image.c — charts and the report as PNG, SVG and PDF files, read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "export-test-util.h"
#include "ll-export-image.h"

static void
test_format_from_path (void)
{
  LlExportFormat format;

  g_assert_true (ll_export_format_from_path ("a.png", &format));
  g_assert_cmpint (format, ==, LL_EXPORT_PNG);
  g_assert_true (ll_export_format_from_path ("/x/y/Chart.SVG", &format));
  g_assert_cmpint (format, ==, LL_EXPORT_SVG);
  g_assert_true (ll_export_format_from_path ("report.pdf", &format));
  g_assert_cmpint (format, ==, LL_EXPORT_PDF);
  g_assert_false (ll_export_format_from_path ("report.jpeg", &format));
  g_assert_false (ll_export_format_from_path ("report", &format));
}

/* @what written to @path as the app and the CLI write files: atomically. */
static gboolean
export_image (const char           *path,
              LlExportFormat        format,
              guint                 what,
              double                width,
              double                height,
              const LlChartData    *data,
              const LlChartOptions *options,
              const LlReportInfo   *info,
              GError              **error)
{
  g_autoptr(LlOutput) output = ll_output_open (path, error);

  return output != NULL &&
         ll_export_image_write (output, format, what, width, height, data, options, info, error) &&
         ll_output_commit (output, error);
}

static void
data_for (LlRun          *run,
          LlHistoryView  *view,
          LlChartSeries  *series,
          LlChartData    *data)
{
  ll_history_view_update (view, ll_run_get_history (run));
  ll_chart_series_init_from_view (series, view, 8);
  ll_chart_data_init (data, series, 1);
}

/* Each format, read back: the size asked for, and what a reader expects. */
static void
test_image_formats (void)
{
  g_autoptr(LlRun) run = make_simulated_run (LL_POLICY_CPYTHON, 1000000);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autofree char *dir = make_folder ();
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "c.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "r.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  LlChartOptions options;
  LlChartSeries series;
  LlChartData data;
  cairo_surface_t *surface;
  gsize length;

  data_for (run, view, &series, &data);
  ll_chart_options_init (&options);

  g_assert_true (export_image (png, LL_EXPORT_PNG, LL_CHART_CAPACITY, 640, 360,
                                  &data, &options, NULL, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 360);
  cairo_surface_destroy (surface);

  g_assert_true (export_image (svg, LL_EXPORT_SVG, LL_CHART_GROWTH, 640, 360,
                                  &data, &options, NULL, &error));
  g_assert_true (g_file_get_contents (svg, &text, &length, NULL));
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  g_assert_nonnull (strstr (text, "<svg"));
  g_assert_nonnull (strstr (text, "width=\"640\""));
  g_clear_pointer (&text, g_free);

  g_assert_true (export_image (pdf, LL_EXPORT_PDF, LL_EXPORT_REPORT,
                                  LL_REPORT_WIDTH, LL_REPORT_HEIGHT, &data, &options, NULL, &error));
  g_assert_true (g_file_get_contents (pdf, &text, &length, NULL));
  g_assert_true (g_str_has_prefix (text, "%PDF-"));
  /* (PDF streams hold NUL bytes: no string functions past the header.) */
  g_assert_nonnull (memmem (text, length, "%%EOF", 5));

  remove_folder (dir);
}

/* What cannot be written is said, and leaves nothing. */
static void
test_image_errors (void)
{
  g_autoptr(LlRun) run = make_simulated_run (LL_POLICY_CPYTHON, 1000);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autofree char *dir = make_folder ();
  g_autofree char *missing = g_build_filename (dir, "nowhere", "c.png", NULL);
  g_autofree char *path = g_build_filename (dir, "c.png", NULL);
  g_autoptr(GError) error = NULL;
  LlChartOptions options;
  LlChartSeries series;
  LlChartData data;

  data_for (run, view, &series, &data);
  ll_chart_options_init (&options);

  g_assert_false (export_image (path, LL_EXPORT_PNG, LL_CHART_CAPACITY, 8, 8,
                                   &data, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (export_image (missing, LL_EXPORT_PNG, LL_CHART_CAPACITY, 100, 100,
                                   &data, &options, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere"));
  g_clear_error (&error);

  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_assert_false (export_image ("/dev/full", LL_EXPORT_SVG, LL_CHART_CAPACITY, 100, 100,
                                       &data, &options, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    }

  remove_folder (dir);
}

/* Into an output the caller holds: the sizes that can be drawn, from the
 * least to the most; and an output that already failed fails the image. */
static void
test_image_write (void)
{
  g_autoptr(LlRun) run = make_simulated_run (LL_POLICY_CPYTHON, 1000);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "c.png", NULL);
  g_autoptr(GError) error = NULL;
  LlChartOptions options;
  LlChartSeries series;
  LlChartData data;
  static const struct { double width, height; gboolean ok; } sizes[] = {
    { 16, 16, TRUE }, { 16384, 16, TRUE }, { 16, 16384, TRUE },
    { 15, 16, FALSE }, { 16, 15, FALSE }, { 16385, 16, FALSE }, { 16, 16385, FALSE },
  };

  data_for (run, view, &series, &data);
  ll_chart_options_init (&options);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      LlOutput *output = ll_output_open (path, &error);
      gboolean ok;

      g_assert_no_error (error);
      ok = ll_export_image_write (output, LL_EXPORT_PNG, LL_CHART_CAPACITY,
                                      sizes[i].width, sizes[i].height, &data, &options, NULL, &error);
      g_assert_true (ok == sizes[i].ok);
      if (ok)
        {
          cairo_surface_t *png;

          g_assert_no_error (error);
          g_assert_true (ll_output_commit (output, &error));
          png = cairo_image_surface_create_from_png (path);
          g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) sizes[i].width);
          g_assert_cmpint (cairo_image_surface_get_height (png), ==, (int) sizes[i].height);
          cairo_surface_destroy (png);
        }
      else
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
          g_clear_error (&error);
          ll_output_abort (output);
        }
      ll_output_free (output);
    }

  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_autofree guint8 *junk = g_malloc0 (2 * 1024 * 1024);
      LlOutput *output = ll_output_open ("/dev/full", &error);

      g_assert_no_error (error);
      /* More than the output holds: the disk says it is full. */
      g_assert_false (ll_output_write (output, junk, 2 * 1024 * 1024, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_clear_error (&error);
      g_assert_false (ll_export_image_write (output, LL_EXPORT_SVG, LL_CHART_CAPACITY, 100, 100,
                                                 &data, &options, NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_false (ll_export_image_write (output, LL_EXPORT_PNG, LL_CHART_CAPACITY, 100, 100,
                                                 &data, &options, NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      ll_output_abort (output);
      ll_output_free (output);
    }

  remove_folder (dir);
}

/* The surface the clipboard and previews get is what the file gets. */
static void
test_render_surface (void)
{
  g_autoptr(LlRun) run = make_simulated_run (LL_POLICY_CPYTHON, 100000);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autofree char *dir = make_folder ();
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  LlChartOptions options;
  LlChartSeries series;
  LlChartData data;
  cairo_surface_t *a, *b;

  data_for (run, view, &series, &data);
  ll_chart_options_init (&options);

  a = ll_export_render_surface (LL_CHART_CAPACITY, 300, 200, &data, &options, NULL);
  g_assert_true (export_image (png, LL_EXPORT_PNG, LL_CHART_CAPACITY, 300, 200,
                                  &data, &options, NULL, NULL));
  b = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_stride (a), ==, cairo_image_surface_get_stride (b));
  g_assert_cmpint (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                           (gsize) cairo_image_surface_get_stride (a) * 200), ==, 0);
  cairo_surface_destroy (b);

  /* And it is the chart, as the window draws it. */
  {
    cairo_t *cr;

    b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 200);
    cr = cairo_create (b);
    ll_chart_draw (cr, LL_CHART_CAPACITY, &data, &options, 300, 200);
    cairo_destroy (cr);
    cairo_surface_flush (b);
    g_assert_cmpint (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                             (gsize) cairo_image_surface_get_stride (a) * 200), ==, 0);
    cairo_surface_destroy (b);
  }
  cairo_surface_destroy (a);
  remove_folder (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/image/format-from-path", test_format_from_path);
  g_test_add_func ("/export/image/formats", test_image_formats);
  g_test_add_func ("/export/image/errors", test_image_errors);
  g_test_add_func ("/export/image/write", test_image_write);
  g_test_add_func ("/export/image/render-surface", test_render_surface);

  status = g_test_run ();
  /* Leak checkers see pango's fonts released. */
  pango_cairo_font_map_set_default (NULL);
  return status;
}
