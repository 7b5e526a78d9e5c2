/* test-chart-growth.c — the growth chart: a stem for each reallocation, on the pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "chart-test-util.h"
#include "chart-testdata.h"

/* Stems of the growth chart: from the baseline to bytes added. */
static void
test_growth_pixels (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlColumns columns;
  cairo_surface_t *surface;

  test_run_fill_doubling (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  surface = render (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  columns_for (&columns, &layout, 1.0);
  g_assert_cmpstr (layout.y_title, ==, "Bytes added (B)");

  for (gsize i = 0; i < data.series[0].n_events; i++)
    {
      const LlEvent *e = &data.series[0].events[i].first;
      int col = ll_columns_index (&columns, e->length);
      int x = (int) floor (ll_columns_center (&columns, col));
      int top = (int) round (ll_scale_map (&layout.y, e->bytes_added));
      int base = (int) (layout.plot.y + layout.plot.height);

      /* a 1-pixel stem in the pixel column */
      for (int y = top + 4; y < base - 1; y++)
        assert_rgb (surface, x, y, 255, 0, 0);
      g_assert_false (is_red (pixel (surface, x - 1, (top + base) / 2 + 4)) &&
                      is_red (pixel (surface, x + 1, (top + base) / 2 + 4)));
      /* nothing above the dot on its top */
      for (int y = top - 5; y > layout.plot.y; y--)
        g_assert_false (is_red (pixel (surface, x, y)));
    }

  cairo_surface_destroy (surface);

  /* log: decades evenly spaced, stems still on their values */
  options.log_y = TRUE;
  surface = render (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  g_assert_true (layout.y.log);
  g_assert_cmpstr (layout.y_title, ==, "Bytes added");
  g_assert_cmpfloat (layout.y_axis.lo, ==, 32);    /* the smallest: 4 slots */
  g_assert_cmpfloat (layout.y_axis.hi, ==, 256);   /* the largest: 32 slots */
  g_assert_cmpfloat_with_epsilon (ll_scale_map (&layout.y, 64) - ll_scale_map (&layout.y, 128),
                                  ll_scale_map (&layout.y, 128) - ll_scale_map (&layout.y, 256),
                                  1e-9);
  {
    const LlEvent *e = &data.series[0].events[2].first;   /* +64 bytes */
    int col = ll_columns_index (&columns, e->length);
    int x = (int) floor (ll_columns_center (&columns, col));
    int top = (int) round (ll_scale_map (&layout.y, 64));

    g_assert_cmpuint (e->bytes_added, ==, 64);
    assert_rgb (surface, x, top + 5, 255, 0, 0);
    g_assert_false (is_red (pixel (surface, x, top - 5)));
  }
  cairo_surface_destroy (surface);
  test_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/growth/pixels", test_growth_pixels);

  return g_test_run ();
}
