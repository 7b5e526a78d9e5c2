/* test-chart-zoom.c — zoomed ranges and logarithmic axes, on rendered pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "chart-test-util.h"
#include "chart-testdata.h"

/* test_run_cpython_80mb (): 106 reallocations, 28 of them before length
 * 1,000, all in the first pixel column when nothing is zoomed. */

static guint
events_up_to (const LlChartSeries *series,
              guint64              length)
{
  guint n = 0;

  for (gsize i = 0; i < series->n_events; i++)
    n += series->events[i].first.length <= length;
  return n;
}

/* The number of distinct pixel columns that show a stem of the growth
 * chart just above its baseline. */
static guint
stem_columns (cairo_surface_t     *surface,
              const LlChartLayout *layout)
{
  int y = (int) (layout->plot.y + layout->plot.height) - 2;
  guint n = 0;
  gboolean in_stem = FALSE;

  for (int x = (int) layout->plot.x; x < (int) (layout->plot.x + layout->plot.width); x++)
    {
      gboolean red = is_red (pixel (surface, x, y));

      n += red && !in_stem;
      in_stem = red;
    }
  return n;
}

static void
test_zoom_first_reallocations (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlColumns columns;
  cairo_surface_t *surface;
  guint early;

  test_run_cpython_80mb (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  early = events_up_to (&data.series[0], 1000);
  g_assert_cmpuint (early, ==, 28);

  /* The whole run: the first 28 share a column or two. */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  g_assert_false (layout.zoomed);
  columns_for (&columns, &layout, 1.0);
  g_assert_cmpint (ll_columns_index (&columns, 1000), <=, 1);

  /* Zoomed to lengths 0 to 1,000: the axis is exactly that, and every
   * one of them stands on its own at its length. */
  options.length_range = (LlChartRange) { 0, 1000 };
  surface = render (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  g_assert_true (layout.zoomed);
  g_assert_cmpfloat (layout.x_axis.lo, ==, 0);
  g_assert_cmpfloat (layout.x_axis.hi, ==, 1000);
  for (guint i = 0; i < layout.x_axis.n_ticks; i++)
    {
      g_assert_cmpfloat (layout.x_axis.ticks[i].value, >=, 0);
      g_assert_cmpfloat (layout.x_axis.ticks[i].value, <=, 1000);
    }
  g_assert_cmpuint (stem_columns (surface, &layout), ==, early);

  columns_for (&columns, &layout, 1.0);
  for (gsize i = 0; i < early; i++)
    {
      const LlEvent *e = &data.series[0].events[i].first;
      int x = (int) floor (ll_columns_center (&columns, ll_columns_index (&columns, e->length)));
      int top = (int) round (ll_scale_map (&layout.y, e->bytes_added));

      /* a stem from the baseline up to what it added: y fits the range */
      g_assert_true (is_red (pixel (surface, x, top + 4)));
      g_assert_cmpfloat (layout.y_axis.hi, <, 4096);
    }
  cairo_surface_destroy (surface);
  test_run_clear (&run);
}

static void
test_zoom_pick (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlChartReadout readout;
  const LlEvent *tenth;

  test_run_cpython_80mb (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  options.length_range = (LlChartRange) { 0, 1000 };
  tenth = &data.series[0].events[9].first;

  /* a pixel to the right of it still finds it */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT,
                 ll_scale_map (&layout.x, tenth->length) + 1,
                 ll_scale_map (&layout.y, tenth->bytes_added), &readout);
  g_assert_true (readout.found);
  g_assert_cmpuint (readout.event_number, ==, 10);
  g_assert_true (g_str_has_prefix (readout.text, "Reallocation 10 of 106\nLength 77\n"));
  ll_chart_readout_clear (&readout);

  /* Unzoomed, a pixel holds some 18,000 lengths: a pixel to its right is
   * another reallocation. */
  options.length_range = (LlChartRange) { 0, 0 };
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT,
                 ll_scale_map (&layout.x, tenth->length) + 1,
                 ll_scale_map (&layout.y, tenth->bytes_added), &readout);
  g_assert_cmpuint (readout.event_number, !=, 10);
  ll_chart_readout_clear (&readout);
  test_run_clear (&run);
}

/* Zoomed into the middle of a run, the capacity line enters the plot at
 * the capacity the list had at the left edge, and the length line at the
 * edge's length. */
static void
test_zoom_capacity_edges (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  cairo_surface_t *surface;
  guint64 capacity = 0;
  int x, y;

  test_run_cpython_80mb (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  options.length_range = (LlChartRange) { 5000000, 6000000 };

  for (gsize i = 0; i < data.series[0].n_events; i++)
    if (data.series[0].events[i].first.length <= 5000000)
      capacity = data.series[0].events[i].first.new_capacity;
  g_assert_cmpuint (capacity, >, 5000000);

  surface = render (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  g_assert_cmpfloat (layout.x_axis.lo, ==, 5000000);
  g_assert_cmpfloat (layout.x_axis.hi, ==, 6000000);
  /* y fits what these lengths hold */
  g_assert_cmpfloat (layout.y_axis.lo, >=, 4000000);
  g_assert_cmpfloat (layout.y_axis.hi, <=, 8000000);

  x = (int) layout.plot.x + 2;
  y = (int) round (ll_scale_map (&layout.y, capacity));
  g_assert_true (is_red (pixel (surface, x, y)) || is_red (pixel (surface, x, y - 1)));
  y = (int) round (ll_scale_map (&layout.y, 5000000));
  {
    Rgb p = pixel (surface, x, y);
    Rgb q = pixel (surface, x, y - 1);

    /* the length line (series2, green) */
    g_assert_true ((p.g > 100 && p.r < 80) || (q.g > 100 && q.r < 80));
  }
  /* nothing left of the plot: the series end at its edge */
  g_assert_true (is_rgb (pixel (surface, (int) layout.plot.x - 2,
                                (int) round (ll_scale_map (&layout.y, capacity))),
                         255, 255, 255));
  cairo_surface_destroy (surface);
  test_run_clear (&run);
}

static void
test_log_x (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  cairo_surface_t *surface;
  guint labelled = 0;

  test_run_cpython_80mb (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  options.log_x = TRUE;

  for (LlChartKind k = 0; k < LL_N_CHARTS; k++)
    {
      ll_chart_layout_compute (&layout, NULL, k, &data, &options, WIDTH, HEIGHT);
      /* the length axes only */
      g_assert_cmpint (layout.x.log, ==, ll_chart_kind_has_length_axis (k));
    }

  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  /* decades evenly spaced */
  g_assert_cmpfloat_with_epsilon (ll_scale_map (&layout.x, 100) - ll_scale_map (&layout.x, 10),
                                  ll_scale_map (&layout.x, 10000) - ll_scale_map (&layout.x, 1000),
                                  1e-9);
  for (guint i = 0; i < layout.x_axis.n_ticks; i++)
    if (layout.x_axis.ticks[i].label[0] != '\0')
      labelled++;
  g_assert_cmpuint (labelled, >=, 3);

  /* With the length on a log axis, the first reallocations are apart:
   * at least 20 of the 28 before 1,000 in columns of their own. */
  surface = render (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT, 1.0);
  {
    LlChartLayout l;

    ll_chart_layout_compute (&l, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
    g_assert_cmpuint (stem_columns (surface, &l), >=, 40);
  }
  cairo_surface_destroy (surface);

  /* Log x and linear y: the capacity chart's length diagonal is a curve,
   * and the chart still draws it where y = x (a doubling list has room
   * between the two: at length 40 the capacity is 64). */
  {
    TestRun doubling;
    LlChartData d;
    guint64 capacity = 0;

    test_run_init (&doubling, 1, 1);
    while (capacity < 64)
      {
        LlEvent e = { 0 };

        e.length = capacity + 1;
        e.old_capacity = capacity;
        e.new_capacity = capacity == 0 ? 4 : capacity * 2;
        e.old_bytes = 56 + 8 * e.old_capacity;
        e.new_bytes = 56 + 8 * e.new_capacity;
        e.bytes_added = e.new_bytes - e.old_bytes;
        test_run_add_event (&doubling, &e);
        capacity = e.new_capacity;
      }
    test_run_get_data (&doubling, &d);
    surface = render (LL_CHART_CAPACITY, &d, &options, WIDTH, HEIGHT, 1.0);
    ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &d, &options, WIDTH, HEIGHT);
    g_assert_true (layout.x.log);
    g_assert_false (layout.y.log);
    /* (not where the capacity meets it: 4, 8, 16, 32) */
    for (guint i = 0; i < 5; i++)
      {
        const guint64 v = (guint64[]) { 3, 6, 12, 20, 28 }[i];
        double x0 = ll_scale_map (&layout.x, v);
        gboolean found = FALSE;

        /* along the dashed line, a dash's length either side */
        for (int dx = -6; dx <= 6 && !found; dx++)
          {
            int x = (int) round (x0 + dx);
            int y = (int) round (ll_scale_map (&layout.y, ll_scale_unmap (&layout.x, x)));

            for (int dy = -2; dy <= 2 && !found; dy++)
              {
                Rgb p = pixel (surface, x, y + dy);

                found = p.g > 100 && p.r < 80 && p.b < 80;
              }
          }
        g_assert_true (found);
      }
    cairo_surface_destroy (surface);
    test_run_clear (&doubling);
  }

  /* Zoomed within a decade on a log axis: linear labels, still log. */
  options.length_range = (LlChartRange) { 2000, 5000 };
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  g_assert_true (layout.x.log);
  g_assert_cmpfloat (layout.x_axis.lo, ==, 2000);
  g_assert_cmpfloat (layout.x_axis.hi, ==, 5000);
  labelled = 0;
  for (guint i = 0; i < layout.x_axis.n_ticks; i++)
    if (layout.x_axis.ticks[i].label[0] != '\0')
      labelled++;
  g_assert_cmpuint (labelled, >=, 2);

  test_run_clear (&run);
}

/* Exports say what they show. */
static void
test_zoom_title (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  g_autofree char *to = ll_format_count_exact (1000);
  g_autofree char *expected = NULL;

  test_run_cpython_80mb (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  options.draw_title = TRUE;

  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  g_assert_cmpstr (layout.title, ==, "Bytes Added per Reallocation");

  options.length_range = (LlChartRange) { 0, 1000 };
  options.log_y = TRUE;
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  expected = g_strdup_printf ("Bytes Added per Reallocation (lengths 0 to %s, logarithmic y)", to);
  g_assert_cmpstr (layout.title, ==, expected);

  /* the time chart's y is always logarithmic: nothing to say */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_TIME, &data, &options, WIDTH, HEIGHT);
  g_assert_null (strstr (layout.title, "logarithmic y"));

  options.log_x = TRUE;
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  g_assert_nonnull (strstr (layout.title, "logarithmic length"));

  /* the memory chart zooms in time, and only with its own range */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  g_assert_cmpstr (layout.title, ==, "System Free Memory");
  options.time_range = (LlChartRange) { 0, 20e6 };
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  g_assert_cmpstr (layout.title, ==, "System Free Memory (0 ns to 20.0 ms)");
  g_assert_cmpfloat (layout.x_axis.hi, ==, 20e6);

  /* A narrow chart gives its short title whole rather than cut the long
   * one… */
  options.time_range = (LlChartRange) { 0, 0 };
  options.length_range = (LlChartRange) { 0, 0 };
  options.log_x = FALSE;
  options.log_y = FALSE;
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, 240, HEIGHT);
  g_assert_cmpstr (layout.title, ==, "Bytes Added");
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, 150, HEIGHT);
  g_assert_cmpstr (layout.title, ==, "Free Memory");
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, 400, HEIGHT);
  g_assert_cmpstr (layout.title, ==, "System Free Memory");

  /* …says the lengths in short, and cuts the rest with "…" rather than
   * running past its edge. */
  options.length_range = (LlChartRange) { 5400000, 42000000 };
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, 1200, HEIGHT);
  g_assert_cmpstr (layout.title, ==, "Capacity vs Length (lengths 5,400,000 to 42,000,000)");
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, 400, HEIGHT);
  g_assert_cmpstr (layout.title, ==, "Capacity vs Length (lengths 5.40 M to 42.0 M)");
  for (double w = 300; w >= 120; w -= 30)
    {
      PangoContext *context = ll_chart_create_pango_context ();
      LlChartText text;
      double title_w;

      ll_chart_text_init (&text, context, &options);
      ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, w, HEIGHT);
      ll_chart_text_size (&text, layout.title, TRUE, &title_w, NULL);
      g_test_message ("%.0f px: \"%s\", %.0f px", w, layout.title, title_w);
      g_assert_true (g_str_has_suffix (layout.title, "…"));
      g_assert_true (g_str_has_prefix (layout.title, "Capacity"));
      g_assert_cmpfloat (title_w, <=, w - 2 * layout.pad);
      ll_chart_text_clear (&text);
      g_object_unref (context);
    }

  test_run_clear (&run);
}

static void
test_extent_and_unmap (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlChartRange extent;
  double plot_x, plot_w;

  test_run_cpython_80mb (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  options.length_range = (LlChartRange) { 100, 200 };

  /* the whole run, whatever is zoomed */
  g_assert_true (ll_chart_get_x_extent (LL_CHART_GROWTH, &data, &options, &extent));
  g_assert_cmpfloat (extent.from, ==, 0);
  g_assert_cmpfloat (extent.to, ==, 9899453);
  g_assert_false (ll_chart_get_x_extent (LL_CHART_GROWTH, NULL, &options, &extent));

  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  ll_chart_get_plot_area (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT,
                          &plot_x, NULL, &plot_w, NULL);
  g_assert_cmpfloat (plot_x, ==, layout.plot.x);
  g_assert_cmpfloat (plot_w, ==, layout.plot.width);
  g_assert_cmpfloat_with_epsilon (ll_chart_unmap_x (LL_CHART_GROWTH, &data, &options,
                                                    WIDTH, HEIGHT, plot_x), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (ll_chart_unmap_x (LL_CHART_GROWTH, &data, &options,
                                                    WIDTH, HEIGHT, plot_x + plot_w), 200, 1e-9);
  test_run_clear (&run);
}

/* A zoom far into a huge run keeps every coordinate cairo can hold. */
static void
test_zoom_deep (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;

  test_run_init (&run, 100, 10);
  test_run_fill_fixed (&run, 100000, 16, 1000, 8ull << 30);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  options.length_range = (LlChartRange) { 800000, 800100 };

  for (LlChartKind k = 0; k < LL_N_CHARTS; k++)
    {
      cairo_surface_t *surface = render (k, &data, &options, WIDTH, HEIGHT, 1.0);
      LlChartLayout layout;

      ll_chart_layout_compute (&layout, NULL, k, &data, &options, WIDTH, HEIGHT);
      if (k == LL_CHART_CAPACITY)
        {
          /* the capacity line crosses the whole plot */
          gboolean left = FALSE, right = FALSE;

          for (int y = (int) layout.plot.y; y < (int) (layout.plot.y + layout.plot.height); y++)
            {
              left |= is_red (pixel (surface, (int) layout.plot.x + 1, y));
              right |= is_red (pixel (surface, (int) (layout.plot.x + layout.plot.width) - 2, y));
            }
          g_assert_true (left && right);
        }
      cairo_surface_destroy (surface);
    }
  test_run_clear (&run);
}

/* Zoomed into a hundredth of the run's time, the memory chart draws the
 * samples of that hundredth: free memory crosses the plot edge to edge. */
static void
test_zoom_memory_middle (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  cairo_surface_t *surface;
  gboolean left = FALSE, right = FALSE;
  double end;

  test_run_init (&run, 100, 10);
  test_run_fill_fixed (&run, 100000, 16, 10000, 256ull << 20);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  end = data.series[0].counters->last_sample.elapsed_ns;
  options.time_range = (LlChartRange) { end * 0.5, end * 0.51 };

  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  for (int y = (int) layout.plot.y; y < (int) (layout.plot.y + layout.plot.height); y++)
    {
      left |= is_series3 (pixel (surface, (int) layout.plot.x + 2, y));
      right |= is_series3 (pixel (surface, (int) (layout.plot.x + layout.plot.width) - 3, y));
    }
  g_assert_true (left && right);
  cairo_surface_destroy (surface);
  test_run_clear (&run);
}

static void
test_range_math (void)
{
  const LlChartRange extent = { 0, 1000 };
  const LlChartRange none = { 0, 0 };
  LlChartRange r, visible;

  /* Zooming in keeps the data under the pointer where it is. */
  ll_chart_range_zoom (&none, &extent, FALSE, 0.25, 0.5, 1, &r);
  g_assert_cmpfloat_with_epsilon (r.from, 125, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.to, 625, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.from + 0.25 * (r.to - r.from), 250, 1e-9);

  /* Out again past everything: nothing zoomed. */
  ll_chart_range_zoom (&r, &extent, FALSE, 0.5, 4, 1, &visible);
  g_assert_true (ll_chart_range_is_empty (&visible));

  /* Never narrower than the least width. */
  ll_chart_range_zoom (&r, &extent, FALSE, 0.5, 1e-9, 8, &visible);
  g_assert_cmpfloat_with_epsilon (visible.to - visible.from, 8, 1e-9);

  /* Panning slides, and stops at the end with the same width. */
  visible = (LlChartRange) { 100, 200 };
  ll_chart_range_pan (&visible, &extent, FALSE, 0.5, &r);
  g_assert_cmpfloat (r.from, ==, 150);
  g_assert_cmpfloat (r.to, ==, 250);
  visible = (LlChartRange) { 850, 950 };
  ll_chart_range_pan (&visible, &extent, FALSE, 1.0, &r);
  g_assert_cmpfloat (r.from, ==, 900);
  g_assert_cmpfloat (r.to, ==, 1000);
  ll_chart_range_pan (&none, &extent, FALSE, 0.3, &r);
  g_assert_true (ll_chart_range_is_empty (&r));

  /* A dragged range, either way round, inside the run. */
  ll_chart_range_clamp (700, 300, &extent, 1, &r);
  g_assert_cmpfloat (r.from, ==, 300);
  g_assert_cmpfloat (r.to, ==, 700);
  ll_chart_range_clamp (-50, 1200, &extent, 1, &r);
  g_assert_true (ll_chart_range_is_empty (&r));
  ll_chart_range_clamp (-50, 50, &extent, 1, &r);
  g_assert_cmpfloat (r.from, ==, 0);
  g_assert_cmpfloat (r.to, ==, 100);

  /* On a log axis zoom works in decades: the anchor's value stays. */
  {
    const LlChartRange big = { 1, 1e6 };

    ll_chart_range_zoom (&none, &big, TRUE, 0.5, 0.5, 1, &r);
    g_assert_cmpfloat_with_epsilon (log10 (r.from), 1.5, 1e-9);
    g_assert_cmpfloat_with_epsilon (log10 (r.to), 4.5, 1e-9);
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/zoom/first-reallocations", test_zoom_first_reallocations);
  g_test_add_func ("/chart/zoom/pick", test_zoom_pick);
  g_test_add_func ("/chart/zoom/capacity-edges", test_zoom_capacity_edges);
  g_test_add_func ("/chart/zoom/log-x", test_log_x);
  g_test_add_func ("/chart/zoom/title", test_zoom_title);
  g_test_add_func ("/chart/zoom/extent-and-unmap", test_extent_and_unmap);
  g_test_add_func ("/chart/zoom/deep", test_zoom_deep);
  g_test_add_func ("/chart/zoom/memory-middle", test_zoom_memory_middle);
  g_test_add_func ("/chart/zoom/range-math", test_range_math);

  ret = g_test_run ();

  /* Leave nothing for leak checkers. */
  pango_cairo_font_map_set_default (NULL);
  return ret;
}
