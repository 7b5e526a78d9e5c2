/* test-chart-time.c — the time chart, the marked reallocation and every
 * chart on one image, on rendered pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "chart-test-util.h"
#include "chart-testdata.h"

/* Three reallocations, one of each outcome, each slower than the last:
 * grew in place (100 ns), moved without copying (10 µs), copied (1 ms). */
static void
outcomes_run (TestRun *run)
{
  static const struct { guint64 length, ns; gboolean moved; guint64 copied; } events[] = {
    { 100, 100, FALSE, 0 },
    { 200, 10000, TRUE, 0 },
    { 300, 1000000, TRUE, 2400 },
  };
  guint64 capacity = 96;

  test_run_init (run, 1, 1);
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      LlEvent e = { 0 };

      e.length = events[i].length;
      e.old_capacity = capacity;
      e.new_capacity = events[i].length + 96;
      e.old_bytes = 56 + 8 * e.old_capacity;
      e.new_bytes = 56 + 8 * e.new_capacity;
      e.bytes_added = e.new_bytes - e.old_bytes;
      e.moved = events[i].moved;
      e.bytes_copied = events[i].copied;
      e.realloc_ns = events[i].ns;
      e.elapsed_ns = events[i].length * 50;  /* 50 ns per append */
      test_run_add_event (run, &e);
      capacity = e.new_capacity;
    }
}

static gboolean
is_color_near (cairo_surface_t *surface,
               double           x,
               double           y,
               int              r,
               int              g,
               int              b)
{
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        Rgb p = pixel (surface, (int) floor (x) + dx, (int) floor (y) + dy);

        if (abs (p.r - r) < 40 && abs (p.g - g) < 40 && abs (p.b - b) < 40)
          return TRUE;
      }
  return FALSE;
}

static void
test_time_outcomes (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  cairo_surface_t *surface;
  /* series3 blue: in place; accent red: moved; warning orange: copied */
  static const int colors[3][3] = { { 0, 0, 255 }, { 255, 0, 0 }, { 255, 128, 0 } };

  outcomes_run (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  surface = render (LL_CHART_TIME, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_TIME, &data, &options, WIDTH, HEIGHT);
  g_assert_false (layout.empty);
  g_assert_true (layout.y.log);
  g_assert_cmpstr (layout.y_title, ==, "Time");
  /* from the fastest (and the time per append) to the slowest */
  g_assert_cmpfloat (layout.y_axis.lo, <=, 50);
  g_assert_cmpfloat (layout.y_axis.hi, >=, 1000000);

  for (guint i = 0; i < 3; i++)
    {
      const LlEvent *e = &data.series[0].events[i].first;
      double x = ll_scale_map (&layout.x, e->length);
      double y = ll_scale_map (&layout.y, e->realloc_ns);

      g_assert_true (is_color_near (surface, x, y, colors[i][0], colors[i][1], colors[i][2]));
      /* and not in the others' colours */
      for (guint j = 0; j < 3; j++)
        if (j != i)
          g_assert_false (is_color_near (surface, x, y, colors[j][0], colors[j][1], colors[j][2]));
    }

  /* The time per append: 50 ns all along, a green line (series2). */
  {
    double x = ll_scale_map (&layout.x, 250);
    double y = ll_scale_map (&layout.y, 50);

    g_assert_true (is_color_near (surface, x, y, 0, 153, 0));
  }
  cairo_surface_destroy (surface);
  test_run_clear (&run);
}

/* Where a column holds reallocations of one kind at several speeds, a
 * faint bar joins the fastest to the slowest; a reallocation alone in its
 * column has its dot and no bar. */
static void
test_time_range_bars (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  cairo_surface_t *surface;
  guint64 capacity = 992;
  double x, y;
  Rgb p;

  test_run_init (&run, 1, 1);
  for (guint i = 0; i < 5; i++)
    {
      LlEvent e = { 0 };

      /* four in one column, 1 µs and 1 ms in turn; one alone, 10 µs */
      e.length = i < 4 ? 1000 + i : 9000;
      e.old_capacity = capacity;
      e.new_capacity = e.length;
      e.old_bytes = 56 + 8 * e.old_capacity;
      e.new_bytes = 56 + 8 * e.new_capacity;
      e.bytes_added = e.new_bytes - e.old_bytes;
      e.realloc_ns = i < 4 ? (i % 2 ? 1000000 : 1000) : 10000;
      e.elapsed_ns = e.length * 50;
      test_run_add_event (&run, &e);
      capacity = e.new_capacity;
    }
  test_run_get_data (&run, &data);
  options_init_test (&options);
  surface = render (LL_CHART_TIME, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_TIME, &data, &options, WIDTH, HEIGHT);
  g_assert_true (layout.y.log);

  /* the bar: halfway up (on the log scale), a pale series3 blue */
  x = ll_scale_map (&layout.x, 1001);
  y = ll_scale_map (&layout.y, sqrt (1000.0 * 1000000.0));
  p = pixel (surface, (int) floor (x), (int) floor (y));
  g_assert_cmpint (p.b, >, 200);
  g_assert_cmpint (p.r, <, 230);
  g_assert_cmpint (p.r, >, 100);
  /* the dot on the slowest, in full colour */
  g_assert_true (is_color_near (surface, x, ll_scale_map (&layout.y, 1000000), 0, 0, 255));

  /* alone: the dot, and nothing below it */
  x = ll_scale_map (&layout.x, 9000);
  g_assert_true (is_color_near (surface, x, ll_scale_map (&layout.y, 10000), 0, 0, 255));
  /* (between the grid's lines) */
  p = pixel (surface, (int) floor (x), (int) floor (ll_scale_map (&layout.y, 1500)));
  g_assert_true (is_rgb (p, 255, 255, 255));

  cairo_surface_destroy (surface);
  test_run_clear (&run);
}

static void
test_time_readout (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlChartReadout readout;
  const LlEvent *copied;

  outcomes_run (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  copied = &data.series[0].events[2].first;

  ll_chart_layout_compute (&layout, NULL, LL_CHART_TIME, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick (LL_CHART_TIME, &data, &options, WIDTH, HEIGHT,
                 ll_scale_map (&layout.x, copied->length),
                 ll_scale_map (&layout.y, copied->realloc_ns), &readout);
  g_assert_true (readout.found);
  g_assert_cmpuint (readout.event_number, ==, 3);
  g_assert_cmpstr (readout.text, ==,
                   "Reallocation 3 of 3\n"
                   "Length 300\n"
                   "Block moved, 2.34 KiB copied\n"
                   "Took 1.0 ms\n"
                   "Per append so far 50.0 ns");
  ll_chart_readout_clear (&readout);
  test_run_clear (&run);
}

/* A simulation times nothing, an interpreter's run only as a whole: the
 * chart says so instead of a blank plot. */
static void
test_time_simulation (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;

  test_run_init (&run, 1, 1);
  test_run_fill_fixed (&run, 100, 4, 0, 8ull << 30);
  for (guint i = 0; i < run.events->len; i++)
    {
      LlEventBucket *b = &g_array_index (run.events, LlEventBucket, i);

      b->first.realloc_ns = b->last.realloc_ns = b->min_realloc_ns = b->max_realloc_ns = 0;
    }
  run.counters.total_realloc_ns = 0;
  options_init_test (&options);

  /* an interpreter's run: its free memory sampled, the time of each of
   * its events known but not of the reallocations */
  g_assert_cmpuint (run.samples->len, >, 0);
  test_run_get_data (&run, &data);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_TIME, &data, &options, WIDTH, HEIGHT);
  g_assert_true (layout.empty);
  g_assert_cmpstr (layout.hint, ==, "No timings: the interpreter is timed as a whole");

  /* a simulation: nothing sampled, no time at all */
  for (guint i = 0; i < run.events->len; i++)
    {
      LlEventBucket *b = &g_array_index (run.events, LlEventBucket, i);

      b->first.elapsed_ns = b->last.elapsed_ns = 0;
    }
  g_array_set_size (run.samples, 0);
  test_run_get_data (&run, &data);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_TIME, &data, &options, WIDTH, HEIGHT);
  g_assert_true (layout.empty);
  g_assert_cmpstr (layout.hint, ==, "No timings: a simulation allocates nothing");
  /* its grid, with no values to read, has only the major lines: as few as
   * an empty linear chart's, not a faint line for every minor tick */
  {
    cairo_surface_t *surface = render (LL_CHART_TIME, &data, &options, WIDTH, HEIGHT, 1.0);
    int x = (int) (layout.plot.x + layout.plot.width * 0.1), lines = 0;
    Rgb background = pixel (surface, x, (int) layout.plot.y + 2);

    for (int y = (int) layout.plot.y; y < (int) (layout.plot.y + layout.plot.height) - 1; y++)
      {
        Rgb p = pixel (surface, x, y), above = pixel (surface, x, y - 1);

        if (!is_rgb (p, background.r, background.g, background.b) &&
            is_rgb (above, background.r, background.g, background.b))
          lines++;
      }
    g_assert_cmpint (lines, >=, 2);
    g_assert_cmpint (lines, <=, 8);
    cairo_surface_destroy (surface);
  }
  /* the other charts draw it as ever */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  g_assert_false (layout.empty);
  g_assert_cmpstr (layout.hint, ==, "No data yet");
  test_run_clear (&run);
}

/* options->mark points one reallocation out on every chart: a line across
 * the plot at its x, a ring where the chart has it. */
static void
test_mark (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlEvent mark;

  outcomes_run (&run);
  {
    LlSample s = { 0 };

    for (guint i = 0; i <= 20; i++)
      {
        s.elapsed_ns = i * 1000;
        s.length = i * 15;
        s.available_bytes = 4ull << 30;
        s.rss_bytes = 64 << 20;
        test_run_add_sample (&run, &s);
      }
  }
  test_run_get_data (&run, &data);
  options_init_test (&options);
  mark = data.series[0].events[1].first;

  for (LlChartKind k = 0; k < LL_N_CHARTS; k++)
    {
      cairo_surface_t *plain, *marked;
      LlChartLayout layout;
      double x;
      int y = 0;
      gboolean line = FALSE, differs = FALSE;

      options.mark = NULL;
      plain = render (k, &data, &options, WIDTH, HEIGHT, 1.0);
      options.mark = &mark;
      marked = render (k, &data, &options, WIDTH, HEIGHT, 1.0);
      ll_chart_layout_compute (&layout, NULL, k, &data, &options, WIDTH, HEIGHT);
      x = ll_scale_map (&layout.x, ll_chart_kind_has_length_axis (k) ? mark.length : mark.elapsed_ns);

      /* the line: dark pixels down the column, near the top of the plot */
      for (int dx = -1; dx <= 1 && !line; dx++)
        {
          Rgb p = pixel (marked, (int) floor (x) + dx, (int) layout.plot.y + 3);

          line = p.r < 200 && p.g < 200 && p.b < 200;
        }
      g_assert_true (line);

      /* the ring, on the kinds that place the event */
      if (k != LL_CHART_MEMORY)
        {
          double v = k == LL_CHART_CAPACITY ? mark.new_capacity :
                     k == LL_CHART_GROWTH ? mark.bytes_added : mark.realloc_ns;

          y = (int) round (ll_scale_map (&layout.y, v));
          for (int dy = -8; dy <= 8; dy++)
            for (int dx = -8; dx <= 8; dx++)
              {
                int px = (int) floor (x) + dx, py = y + dy;

                if (py < 0 || py >= HEIGHT)
                  continue;
                differs |= !is_rgb (pixel (plain, px, py), pixel (marked, px, py).r,
                                    pixel (marked, px, py).g, pixel (marked, px, py).b);
              }
          g_assert_true (differs);
        }
      cairo_surface_destroy (plain);
      cairo_surface_destroy (marked);
    }
  test_run_clear (&run);
}

/* Draws the time chart of @data at 600 × 300; cairo_surface_destroy. */
static cairo_surface_t *
draw_time (const LlChartData    *data,
           const LlChartOptions *options)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 300);
  cairo_t *cr = cairo_create (surface);

  ll_chart_draw (cr, LL_CHART_TIME, data, options, 600, 300);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The time axis of a whole run comes from the times its view keeps, a
 * zoom's from its buckets: the same axes and the same image as reading
 * every bucket, for one run and for three. */
static void
test_time_kept_times (void)
{
  LlHistory *histories[3];
  LlHistoryView *views[3];
  LlChartSeries kept[3], read[3];
  LlChartOptions options;

  for (guint r = 0; r < G_N_ELEMENTS (histories); r++)
    {
      histories[r] = ll_history_new (512);
      views[r] = ll_history_view_new ();
      for (guint64 i = 0; i < 20000; i++)
        {
          LlEvent e = { 0 };

          e.length = 100 + i;
          e.old_capacity = 99 + i;
          e.new_capacity = 100 + i;
          e.realloc_ns = i % 7 == 0 ? 0 : 1000 + (i * 7919 * (r + 1)) % 90000;
          /* slower as it grows, with a pause of a second every 3,000 */
          e.elapsed_ns = 5000 + i * i * (r + 1) + (i / 3000) * G_GUINT64_CONSTANT (1000000000);
          ll_history_push_events (histories[r], &e, 1);
          /* the view follows the run, as a window does */
          if (i % 1500 == 0)
            ll_history_view_update (views[r], histories[r]);
        }
      ll_history_view_update (views[r], histories[r]);
      ll_chart_series_init_from_view (&kept[r], views[r], 8);
      kept[r].style = r;
      kept[r].name = "run";
      g_assert_nonnull (kept[r].event_times);
      read[r] = kept[r];
      read[r].event_times = NULL;
    }
  options_init_test (&options);

  for (guint n = 1; n <= 3; n += 2)
    {
      LlChartData kept_data, read_data;
      LlChartExtents a, b;
      LlEventTimes wrong = { 1.0, 1e30 };
      cairo_surface_t *sa, *sb;

      ll_chart_data_init (&kept_data, kept, n);
      ll_chart_data_init (&read_data, read, n);

      options.length_range = (LlChartRange) { 0 };
      ll_chart_compute_extents (LL_CHART_TIME, &kept_data, &options, TRUE, &a);
      ll_chart_compute_extents (LL_CHART_TIME, &read_data, &options, TRUE, &b);
      g_assert_false (a.empty);
      g_assert_cmpfloat (a.y_lo, ==, b.y_lo);
      g_assert_cmpfloat (a.y_hi, ==, b.y_hi);
      /* the pauses make the longest: well over the slowest reallocation */
      g_assert_cmpfloat (a.y_hi, >, 100000.0);
      sa = draw_time (&kept_data, &options);
      sb = draw_time (&read_data, &options);
      assert_same_image (sa, sb);
      cairo_surface_destroy (sa);
      cairo_surface_destroy (sb);

      /* Zoomed, the kept times are not read. */
      options.length_range = (LlChartRange) { 5000, 6000 };
      for (guint r = 0; r < n; r++)
        kept[r].event_times = &wrong;
      ll_chart_compute_extents (LL_CHART_TIME, &kept_data, &options, TRUE, &a);
      ll_chart_compute_extents (LL_CHART_TIME, &read_data, &options, TRUE, &b);
      g_assert_cmpfloat (a.y_lo, ==, b.y_lo);
      g_assert_cmpfloat (a.y_hi, ==, b.y_hi);
      g_assert_cmpfloat (a.y_hi, <, 1e7);
      for (guint r = 0; r < n; r++)
        kept[r].event_times = ll_history_view_get_event_times (views[r]);
    }

  for (guint r = 0; r < G_N_ELEMENTS (histories); r++)
    {
      ll_history_view_free (views[r]);
      ll_history_unref (histories[r]);
    }
}

/* Every chart on one image: four cells, each with its title and plot. */
static void
test_draw_all (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  const struct { int width, height, columns; } sizes[] = { { 1200, 800, 2 }, { 600, 1600, 1 } };

  test_run_cpython_80mb (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int w = sizes[s].width, h = sizes[s].height, columns = sizes[s].columns;
      int rows = (LL_N_CHARTS + columns - 1) / columns;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_t *cr = cairo_create (surface);

      ll_chart_draw_all (cr, &data, &options, w, h);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (g_getenv ("CHART_TEST_SAVE") != NULL)
        cairo_surface_write_to_png (surface, g_getenv ("CHART_TEST_SAVE"));

      for (int k = 0; k < LL_N_CHARTS; k++)
        {
          /* cells a 2 % gap apart */
          double gap = round (MIN (w, h) * 0.02);
          double cw = floor ((w - gap * (columns - 1)) / columns);
          double ch = floor ((h - gap * (rows - 1)) / rows);
          double x0 = (k % columns) * (cw + gap), y0 = (k / columns) * (ch + gap);
          LlRect title = { x0 + 8, y0 + 6, cw / 3, 14 };
          LlRect plot = { x0 + cw * 0.3, y0 + ch * 0.3, cw * 0.4, ch * 0.4 };

          g_assert_true (region_has_ink (surface, &title, (Rgb) { 255, 255, 255 }));
          g_assert_true (region_has_ink (surface, &plot, (Rgb) { 255, 255, 255 }));
        }
      cairo_surface_destroy (surface);
    }
  test_run_clear (&run);
}

/* Where points crowd, the window draws squares that pass for dots at its
 * pixel size; a file draws every mark as it is (round, with soft edges). */
static void
test_time_dense_marks (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  guint exact[2] = { 0, 0 }, soft[2] = { 0, 0 };

  test_run_init (&run, 1, 1);
  test_run_fill_fixed (&run, 100, 4, 0, 8ull << 30);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_TIME, &data, &options, WIDTH, HEIGHT);

  for (int screen = 0; screen <= 1; screen++)
    {
      cairo_surface_t *surface;

      options.on_screen = screen;
      surface = render (LL_CHART_TIME, &data, &options, WIDTH, HEIGHT, 1.0);
      for (int y = (int) layout.plot.y; y < (int) (layout.plot.y + layout.plot.height); y++)
        for (int x = (int) layout.plot.x; x < (int) (layout.plot.x + layout.plot.width); x++)
          {
            Rgb p = pixel (surface, x, y);

            /* the in-place colour (blue), whole or blended at an edge */
            if (p.r == 0 && p.g == 0 && p.b == 255)
              exact[screen]++;
            else if (p.b > 200 && p.r > 20 && p.r < 235 && abs (p.r - p.g) < 8)
              soft[screen]++;
          }
      cairo_surface_destroy (surface);
    }
  g_test_message ("dots: exact pixels %u / %u, soft edges %u / %u (file / screen)",
                  exact[0], exact[1], soft[0], soft[1]);
  g_assert_cmpuint (exact[0], >, 100);
  /* the squares: whole pixels; the circles: soft edges */
  g_assert_cmpuint (exact[1], >, 2 * exact[0]);
  g_assert_cmpuint (soft[0], >, soft[1] + 500);
  test_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/time/outcomes", test_time_outcomes);
  g_test_add_func ("/chart/time/range-bars", test_time_range_bars);
  g_test_add_func ("/chart/time/readout", test_time_readout);
  g_test_add_func ("/chart/time/simulation", test_time_simulation);
  g_test_add_func ("/chart/time/dense-marks", test_time_dense_marks);
  g_test_add_func ("/chart/time/kept-times", test_time_kept_times);
  g_test_add_func ("/chart/mark", test_mark);
  g_test_add_func ("/chart/draw-all", test_draw_all);

  ret = g_test_run ();

  pango_cairo_font_map_set_default (NULL);
  return ret;
}
