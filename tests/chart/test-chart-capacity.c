/* test-chart-capacity.c — the capacity chart: its step line on the pixels, the notebook's
 * list(range(n)) drawn from where it starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "chart-test-util.h"
#include "chart-testdata.h"
#include "ll-growth.h"
#include "ll-history.h"
#include "ll-run-config.h"

/* The capacity step line lands on the pixels the scales say, crisp. */
static void
test_capacity_pixels (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlColumns columns;
  cairo_surface_t *surface;
  const LlEventBucket *ev;

  test_run_fill_doubling (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  surface = render (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  columns_for (&columns, &layout, 1.0);
  ev = data.series[0].events;

  g_assert_false (layout.empty);
  g_assert_cmpfloat (layout.x_axis.hi, >=, 50);
  g_assert_cmpfloat (layout.y_axis.hi, >=, 64);
  g_assert_cmpstr (layout.x_title, ==, "Length (elements)");
  g_assert_cmpstr (layout.y_title, ==, "Capacity (elements)");

  for (gsize i = 0; i < data.series[0].n_events; i++)
    {
      /* the jump: a 2-pixel vertical line on the boundary nearest the
       * centre of the event's column, from old to new capacity */
      int col = ll_columns_index (&columns, ev[i].first.length);
      int x = (int) round (ll_columns_center (&columns, col));
      double y_old = ll_scale_map (&layout.y, ev[i].first.old_capacity);
      double y_new = ll_scale_map (&layout.y, ev[i].first.new_capacity);
      int y_mid = (int) ((y_old + y_new) / 2);
      int y_line = (int) round (y_new);
      double x_next = i + 1 < data.series[0].n_events ? ll_scale_map (&layout.x, ev[i + 1].first.length)
                                            : ll_scale_map (&layout.x, 50);
      int x_mid = (int) ((x + x_next) / 2);

      assert_rgb (surface, x - 1, y_mid, 255, 0, 0);
      assert_rgb (surface, x, y_mid, 255, 0, 0);
      /* and nothing of it one pixel further */
      g_assert_false (is_rgb (pixel (surface, x + 1, y_mid), 255, 0, 0));
      g_assert_false (is_rgb (pixel (surface, x - 2, y_mid), 255, 0, 0));

      /* the flat part at the new capacity until the next event */
      assert_rgb (surface, x_mid, y_line - 1, 255, 0, 0);
      assert_rgb (surface, x_mid, y_line, 255, 0, 0);
      g_assert_false (is_rgb (pixel (surface, x_mid, y_line + 1), 255, 0, 0));
      g_assert_false (is_rgb (pixel (surface, x_mid, y_line - 2), 255, 0, 0));

      /* slack between the step and the diagonal: translucent accent */
      if (ll_scale_map (&layout.y, (ev[i].first.length + ev[i].first.new_capacity) / 2.0) <
          y_line - 4)
        {
          double xs = ll_scale_map (&layout.x, ev[i].first.length) + 3;
          double v = ll_scale_unmap (&layout.x, xs);
          double ys = (ll_scale_map (&layout.y, v) + y_line) / 2;
          Rgb p = pixel (surface, (int) xs, (int) ys);

          g_assert_true (is_red (p));
          g_assert_cmpint (p.g, >, 150);  /* not the line itself */
        }
    }

  /* the length diagonal (series2) near 40, dashed: within a dash's
   * length of it */
  {
    gboolean found = FALSE;

    for (double v = 38.0; v <= 42.0 && !found; v += 0.25)
      {
        Rgb p = pixel (surface, (int) ll_scale_map (&layout.x, v), (int) ll_scale_map (&layout.y, v));

        found = p.g > p.r + 60;
      }
    g_assert_true (found);
  }

  /* the step line ends at the current length, 50 */
  {
    int y = (int) round (ll_scale_map (&layout.y, 64));
    int x_end = (int) ll_scale_map (&layout.x, 50);

    assert_rgb (surface, x_end - 2, y, 255, 0, 0);
    g_assert_false (is_red (pixel (surface, x_end + 3, y)));
  }

  cairo_surface_destroy (surface);
  test_run_clear (&run);
}

/* The notebook's list(range(20_000_000)) and appends up to 40 M, recorded
 * in a history as the engine records it (samples while the initial list is
 * built included): the charts start where the list starts, and nothing
 * under the length diagonal is drawn as slack. */
static void
test_capacity_initial_list (void)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  LlRunConfig config;
  LlGrowth growth;
  LlGrowthStep step;
  LlChartSeries series;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  cairo_surface_t *surface;
  LlSample building[2] = {
    { 0, 0, 0, 56, 0, 7 << 20, 1ull << 34 },
    { 50000000, 1310720, 20000000, 160000056, 0, 18 << 20, 1ull << 34 },
  };
  guint n_events = 0;

  ll_run_config_init (&config);
  config.initial_length = 20000000;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 40000000;
  ll_growth_init (&growth, &config);
  g_assert_cmpuint (growth.capacity, ==, 20000000);
  ll_history_set_start (history, growth.length, growth.capacity);
  ll_history_push_samples (history, building, G_N_ELEMENTS (building));
  while (ll_growth_next (&growth, &step))
    {
      LlEvent e = { 0 };

      if (!step.realloc)
        continue;
      e.length = step.length;
      e.old_capacity = step.old_capacity;
      e.new_capacity = step.new_capacity;
      e.old_bytes = 56 + 8 * e.old_capacity;
      e.new_bytes = 56 + 8 * e.new_capacity;
      e.bytes_added = e.new_bytes - e.old_bytes;
      ll_history_push_events (history, &e, 1);
      n_events++;
    }
  ll_history_set_end (history, growth.length, growth.capacity);
  g_assert_cmpuint (n_events, ==, 6);
  g_assert_cmpuint (growth.length, ==, 40000000);

  ll_history_view_update (view, history);
  ll_chart_series_init_from_view (&series, view, 8);
  ll_chart_data_init (&data, &series, 1);
  g_assert_cmpuint (data.series[0].counters->start_length, ==, 20000000);
  g_assert_cmpuint (data.series[0].counters->end_length, ==, 40000000);
  options_init_test (&options);

  surface = render (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  g_assert_cmpfloat (layout.x_axis.lo, ==, 20e6);
  g_assert_cmpfloat (layout.x_axis.hi, ==, 40e6);
  g_assert_cmpfloat (layout.y_axis.lo, ==, 20e6);

  /* Under the diagonal: nothing, all the way along. */
  for (double v = 21e6; v < 40e6; v += 1e6)
    {
      int x = (int) ll_scale_map (&layout.x, v);
      int y_diag = (int) ll_scale_map (&layout.y, v);
      int bottom = (int) (layout.plot.y + layout.plot.height) - 2;

      for (int y = y_diag + 4; y < bottom; y += 3)
        {
          Rgb p = pixel (surface, x, y);

          /* white, or a grid line: grey */
          if (p.r != p.g || p.g != p.b)
            g_error ("#%02x%02x%02x under the diagonal at %.0f elements, y %d",
                     p.r, p.g, p.b, v, y);
        }
    }

  /* Over it, between 20 M and the first growth at 22.5 M: slack, under a
   * step line that starts at the initial capacity. */
  {
    double v = 21e6;
    int x = (int) ll_scale_map (&layout.x, v);
    int y = (int) ((ll_scale_map (&layout.y, v) + ll_scale_map (&layout.y, 22500004)) / 2);
    Rgb p = pixel (surface, x, y);

    /* the accent at the slack's alpha over white */
    g_assert_cmpint (p.r, ==, 255);
    g_assert_cmpint (p.g, ==, p.b);
    g_assert_cmpint (abs (p.g - (int) round (255 * (1 - 0.22))), <=, 1);
    assert_rgb (surface, x, (int) round (ll_scale_map (&layout.y, 22500004)), 255, 0, 0);
  }
  cairo_surface_destroy (surface);

  /* The growth chart shares the length axis. */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  g_assert_cmpfloat (layout.x_axis.lo, ==, 20e6);
  g_assert_cmpfloat (layout.x_axis.hi, ==, 40e6);
}

/* What the charts draw of @history now. */
static void
chart_history (LlHistoryView *view,
               LlHistory     *history,
               LlChartSeries *series,
               LlChartData   *data)
{
  ll_history_view_update (view, history);
  ll_chart_series_init_from_view (series, view, 8);
  ll_chart_data_init (data, series, 1);
}

/* A list made at (or past) its target never grows: the length charts draw
 * no single point on axes a few elements wide, they say why they are
 * empty. Before the list exists they have no data yet. */
static void
test_capacity_never_grew (void)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  LlChartSeries series;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlSample made = { 90000000, 20000000, 20000000, 160000056, 0, 160 << 20, 1ull << 34 };
  const LlChartKind kinds[] = { LL_CHART_CAPACITY, LL_CHART_GROWTH, LL_CHART_TIME };

  options_init_test (&options);
  chart_history (view, history, &series, &data);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      ll_chart_layout_compute (&layout, NULL, kinds[k], &data, &options, WIDTH, HEIGHT);
      g_assert_true (layout.empty);
      g_assert_cmpstr (layout.hint, ==, "No data yet");
    }

  ll_history_set_start (history, 20000000, 20000000);
  ll_history_push_samples (history, &made, 1);
  ll_history_set_end (history, 20000000, 20000000);
  chart_history (view, history, &series, &data);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      ll_chart_layout_compute (&layout, NULL, kinds[k], &data, &options, WIDTH, HEIGHT);
      g_assert_true (layout.empty);
      g_assert_cmpstr (layout.hint, ==, "No reallocations");
    }

  /* Appends within the initial block: the length line runs on. */
  made.length = 20000001;
  ll_history_push_samples (history, &made, 1);
  ll_history_set_end (history, 20000001, 20000000);
  chart_history (view, history, &series, &data);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  g_assert_false (layout.empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/capacity/pixels", test_capacity_pixels);
  g_test_add_func ("/chart/capacity/initial-list", test_capacity_initial_list);
  g_test_add_func ("/chart/capacity/never-grew", test_capacity_never_grew);

  return g_test_run ();
}
