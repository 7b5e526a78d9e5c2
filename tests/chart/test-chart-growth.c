/* test-chart-growth.c — the growth chart: a stem for each reallocation, on the pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "chart-test-util.h"
#include "chart-testdata.h"

#define MiB (G_GUINT64_CONSTANT (1) << 20)

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

static void
add_growth (TestRun *run,
            guint64  length,
            guint64  bytes_added)
{
  LlEvent e = { 0 };

  e.length = length;
  e.old_capacity = length - 1;
  e.new_capacity = length - 1 + bytes_added / 8;
  e.old_bytes = 56 + 8 * e.old_capacity;
  e.new_bytes = e.old_bytes + bytes_added;
  e.bytes_added = bytes_added;
  test_run_add_event (run, &e);
}

/* A column that merges reallocations: solid over their min..max range,
 * faint (35 % of the colour) from the baseline to the smallest. And the
 * smallest reallocation, next to one two million times larger, still has
 * a pixel above the baseline where many stems go without dots. */
static void
test_growth_merged_and_tiny (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlColumns columns;
  cairo_surface_t *surface;
  int base, x, y_min, y_max;

  test_run_init (&run, 1, 1);
  add_growth (&run, 100000, 1 * MiB);
  add_growth (&run, 100001, 4 * MiB);   /* the same pixel column */
  add_growth (&run, 500000, 8);         /* tiny */
  /* enough stems that they go without dots, which would hide the rule */
  for (guint i = 0; i < 120; i++)
    add_growth (&run, 600000 + 3000 * i, 2 * MiB);
  add_growth (&run, 1000000, 16 * MiB);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  surface = render (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  columns_for (&columns, &layout, 1.0);
  base = (int) (layout.plot.y + layout.plot.height);

  g_assert_cmpint (ll_columns_index (&columns, 100000), ==, ll_columns_index (&columns, 100001));
  x = (int) floor (ll_columns_center (&columns, ll_columns_index (&columns, 100000)));
  y_min = (int) round (ll_scale_map (&layout.y, 1 * MiB));
  y_max = (int) round (ll_scale_map (&layout.y, 4 * MiB));
  g_assert_cmpint (base - y_min, >, 6);
  g_assert_cmpint (y_min - y_max, >, 6);
  /* solid between the two; faint below: over white, 1 − 0.35 of it shows */
  assert_rgb (surface, x, (y_min + y_max) / 2, 255, 0, 0);
  assert_rgb (surface, x, (base + y_min) / 2, 255, 166, 166);
  /* and nothing above the largest but its dot */
  for (int y = y_max - 5; y > layout.plot.y; y--)
    g_assert_false (is_red (pixel (surface, x, y)));

  /* +8 bytes against +16 MiB: under a pixel tall, drawn as one, dotless */
  g_assert_cmpfloat (ll_scale_map (&layout.y, 0) - ll_scale_map (&layout.y, 8), <, 0.01);
  x = (int) floor (ll_columns_center (&columns, ll_columns_index (&columns, 500000)));
  assert_rgb (surface, x, base - 1, 255, 0, 0);
  g_assert_false (is_red (pixel (surface, x, base - 3)));
  g_assert_false (is_red (pixel (surface, x + 3, base - 1)));

  cairo_surface_destroy (surface);
  test_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/growth/pixels", test_growth_pixels);
  g_test_add_func ("/chart/growth/merged-and-tiny", test_growth_merged_and_tiny);

  return g_test_run ();
}
