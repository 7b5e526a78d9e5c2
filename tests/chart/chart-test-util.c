/* chart-test-util.c — rendering charts into images and reading their pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart-test-util.h"


/* A palette of pure colours, so lines can be told apart exactly. */
void
options_init_test (LlChartOptions *options)
{
  ll_chart_options_init (options);
  options->palette.background = (LlColor) { 1, 1, 1, 1 };
  options->palette.accent = (LlColor) { 1, 0, 0, 1 };
  options->palette.series2 = (LlColor) { 0, 0.6, 0, 1 };
  options->palette.series3 = (LlColor) { 0, 0, 1, 1 };
  options->palette.marker = (LlColor) { 1, 0, 1, 0.3 };
  options->palette.warning = (LlColor) { 1, 0.5, 0, 1 };
}

cairo_surface_t *
render (LlChartKind           kind,
        const LlChartData    *data,
        const LlChartOptions *options,
        int                   width,
        int                   height,
        double                scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) (width * scale), (int) (height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  ll_chart_draw (cr, kind, data, options, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* CHART_TEST_SAVE_DIR=/tmp/x keeps every image drawn, for looking at. */
  if (g_getenv ("CHART_TEST_SAVE_DIR") != NULL)
    {
      static guint n;
      g_autofree char *name = g_strdup_printf ("%03u-%s.png", n++, ll_chart_kind_get_name (kind));
      g_autofree char *path = g_build_filename (g_getenv ("CHART_TEST_SAVE_DIR"), name, NULL);

      cairo_surface_write_to_png (surface, path);
    }

  return surface;
}

Rgb
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v;
  Rgb rgb;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  memcpy (&v, data + (gsize) y * stride + (gsize) x * 4, 4);
  rgb.r = (v >> 16) & 0xff;
  rgb.g = (v >> 8) & 0xff;
  rgb.b = v & 0xff;
  return rgb;
}

gboolean
is_rgb (Rgb p,
        int r,
        int g,
        int b)
{
  return p.r == r && p.g == g && p.b == b;
}


gboolean
is_red (Rgb p)
{
  /* the accent, alone or blended over the background */
  return p.r > 200 && p.r - p.g > 60 && p.r - p.b > 60 && abs (p.g - p.b) < 12;
}

gboolean
region_has_ink (cairo_surface_t *surface,
                const LlRect    *r,
                Rgb              background)
{
  for (int y = (int) r->y; y < (int) (r->y + r->height); y++)
    for (int x = (int) r->x; x < (int) (r->x + r->width); x++)
      if (!is_rgb (pixel (surface, x, y), background.r, background.g, background.b))
        return TRUE;
  return FALSE;
}

/* The pixel columns of @layout's plot at @scale, as the charts decimate. */
void
columns_for (LlColumns           *columns,
             const LlChartLayout *layout,
             double               scale)
{
  memset (columns, 0, sizeof *columns);
  columns->xscale = &layout->x;
  columns->x0 = layout->plot.x;
  columns->sx = scale;
  columns->n_columns = (guint) ceil (layout->plot.width * scale - 1e-6);
}

/* The third series' colour in the test palette, (0, 0, 1). */
gboolean
is_series3 (Rgb p)
{
  return p.b > 200 && p.r < 60 && p.g < 60;
}

void
assert_same_image (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  int h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  g_assert_true (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                         (gsize) stride * h) == 0);
}
