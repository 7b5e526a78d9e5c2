/* chart-preview.c — renders every chart with realistic data, for looking at
 *
 * Usage: chart-preview DIR [WIDTH HEIGHT [SCALE]]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <stdlib.h>

#include "chart-testdata.h"

static void
render_png (const char           *dir,
            const char           *name,
            LlChartKind           kind,
            const LlChartData    *data,
            const LlChartOptions *options,
            int                   width,
            int                   height,
            double                scale)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, name);
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) (width * scale), (int) (height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  ll_chart_draw (cr, kind, data, options, width, height);
  cairo_destroy (cr);
  if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
    g_printerr ("could not write %s\n", path);
  else
    g_print ("%s\n", path);
  cairo_surface_destroy (surface);
}

/* All three charts stacked, titled, as a sheet. */
static void
render_sheet (const char           *dir,
              const char           *name,
              const LlChartData    *data,
              const LlChartOptions *options,
              int                   width,
              int                   height,
              double                scale)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, name);
  LlChartOptions titled = *options;
  cairo_surface_t *surface;
  cairo_t *cr;

  titled.draw_title = TRUE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale),
                                        (int) (height * LL_N_CHARTS * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  for (int k = 0; k < LL_N_CHARTS; k++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, k * height);
      ll_chart_draw (cr, k, data, &titled, width, height);
      cairo_restore (cr);
    }
  cairo_destroy (cr);
  if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
    g_printerr ("could not write %s\n", path);
  else
    g_print ("%s\n", path);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = argc > 1 ? argv[1] : ".";
  int width = argc > 3 ? atoi (argv[2]) : 1200;
  int height = argc > 3 ? atoi (argv[3]) : 400;
  double scale = argc > 4 ? g_ascii_strtod (argv[4], NULL) : 1.0;
  const guint64 gib = G_GUINT64_CONSTANT (1) << 30;
  TestRun run, fixed;
  LlChartData data, fixed_data, empty = { 0 };
  LlChartOptions options;

  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, G_GUINT64_CONSTANT (10000000000), 21 * gib, 50000000);
  test_run_get_data (&run, &data);

  test_run_init (&fixed, 153, 16);
  test_run_fill_fixed (&fixed, 1000000, 1000, 100000, 20 * gib);
  test_run_get_data (&fixed, &fixed_data);

  g_print ("cpython: %u events, %u samples\n", data.series[0].n_events ? (guint) data.series[0].n_events : 0,
           (guint) data.series[0].n_samples);

  for (int dark = 0; dark <= 1; dark++)
    {
      const char *theme = dark ? "dark" : "light";

      ll_chart_options_init (&options);
      if (dark)
        ll_chart_palette_init_dark (&options.palette);
      options.reserve_bytes = gib;
      options.total_bytes = 23 * gib + gib / 2;

      for (int k = 0; k < LL_N_CHARTS; k++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s", ll_chart_kind_get_name (k), theme);
          g_autofree char *ename = g_strdup_printf ("empty-%s-%s", ll_chart_kind_get_name (k), theme);
          g_autofree char *fname = g_strdup_printf ("fixed-%s-%s", ll_chart_kind_get_name (k), theme);

          render_png (dir, name, k, &data, &options, width, height, scale);
          render_png (dir, ename, k, &empty, &options, width, height, scale);
          render_png (dir, fname, k, &fixed_data, &options, width, height, scale);
        }

      render_sheet (dir, dark ? "sheet-dark" : "sheet-light", &data, &options,
                    width, height, scale);

      options.log_y = TRUE;
      render_png (dir, dark ? "growth-log-dark" : "growth-log-light", LL_CHART_GROWTH,
                  &data, &options, width, height, scale);
      options.log_y = FALSE;
      options.draw_title = TRUE;
      render_png (dir, dark ? "titled-memory-dark" : "titled-memory-light", LL_CHART_MEMORY,
                  &data, &options, width, height, scale);
      render_png (dir, dark ? "small-capacity-dark" : "small-capacity-light", LL_CHART_CAPACITY,
                  &data, &options, 480, 260, scale);
    }

  test_run_clear (&run);
  test_run_clear (&fixed);
  return 0;
}
