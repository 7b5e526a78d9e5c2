/* test-chart-overlay.c — several runs on one chart: colours, legend, axes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "chart-test-util.h"
#include "chart-testdata.h"
#include "ll-policy.h"

/* A run of @kind's reallocations from 0 to @target_length elements. */
static void
policy_run (TestRun      *run,
            LlPolicyKind  kind,
            guint64       target_length,
            gboolean      timed)
{
  LlPolicy policy;
  guint64 length = 0, capacity = 0;

  ll_policy_init (&policy, kind);
  test_run_init (run, 1, 1);
  while (length < target_length)
    {
      guint64 next = ll_policy_resize (&policy, length, capacity, length + 1);
      LlEvent e = { 0 };

      length++;
      if (next == capacity)
        continue;
      e.length = length;
      e.old_capacity = capacity;
      e.new_capacity = next;
      e.old_bytes = 56 + 8 * capacity;
      e.new_bytes = 56 + 8 * next;
      e.bytes_added = e.new_bytes - e.old_bytes;
      e.realloc_ns = timed ? 1000 + length : 0;
      e.elapsed_ns = timed ? length * 10 : 0;
      test_run_add_event (run, &e);
      capacity = next;
      length = MIN (capacity, target_length);
    }
  run->counters.end_length = target_length;
  run->counters.end_capacity = capacity;
}

static void
two_runs (TestRun       runs[2],
          LlChartSeries series[2],
          LlChartData  *data,
          gboolean      second_timed)
{
  LlChartData one;

  policy_run (&runs[0], LL_POLICY_DOUBLE, 1000, TRUE);
  policy_run (&runs[1], LL_POLICY_CPYTHON, 700, second_timed);
  for (guint i = 0; i < 2; i++)
    {
      test_run_get_data (&runs[i], &one);
      series[i] = one.series[0];
      series[i].style = i;
      series[i].name = i == 0 ? "libstdc++" : "CPython 3.9+";
    }
  ll_chart_data_init (data, series, 2);
}

static void
options_two_colours (LlChartOptions *options)
{
  options_init_test (options);
  options->palette.runs[0] = (LlColor) { 1, 0, 0, 1 };   /* red */
  options->palette.runs[1] = (LlColor) { 0, 0, 1, 1 };   /* blue */
}

static gboolean
has_color_near (cairo_surface_t *surface,
                double           x,
                double           y,
                int              r,
                int              g,
                int              b)
{
  for (int dy = -2; dy <= 2; dy++)
    for (int dx = -2; dx <= 2; dx++)
      {
        Rgb p = pixel (surface, (int) floor (x) + dx, (int) floor (y) + dy);

        if (abs (p.r - r) < 50 && abs (p.g - g) < 50 && abs (p.b - b) < 50)
          return TRUE;
      }
  return FALSE;
}

/* Each run's capacity line in its own colour; the axes span both; the
 * legend names both. */
static void
test_overlay_capacity (void)
{
  TestRun runs[2];
  LlChartSeries series[2];
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlLegendItem items[LL_CHART_MAX_LEGEND];
  cairo_surface_t *surface;

  two_runs (runs, series, &data, TRUE);
  options_two_colours (&options);
  surface = render (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);

  /* the longer run sets the length axis, the doubling one the capacity */
  g_assert_cmpfloat (layout.x_axis.hi, >=, 1000);
  g_assert_cmpfloat (layout.y_axis.hi, >=, 1024);

  /* at length 600 the doubling list has 1,024 slots, CPython's 704ish */
  g_assert_true (has_color_near (surface, ll_scale_map (&layout.x, 600), ll_scale_map (&layout.y, 1024),
                                 255, 0, 0));
  {
    const LlEventBucket *b = NULL;
    guint64 cap = 0;

    for (gsize i = 0; i < series[1].n_events; i++)
      {
        b = &series[1].events[i];
        if (b->first.length <= 600)
          cap = b->first.new_capacity;
      }
    g_assert_true (has_color_near (surface, ll_scale_map (&layout.x, 600), ll_scale_map (&layout.y, cap),
                                   0, 0, 255));
    g_assert_false (has_color_near (surface, ll_scale_map (&layout.x, 600), ll_scale_map (&layout.y, cap),
                                    255, 0, 0));
  }

  g_assert_cmpuint (ll_chart_legend_items (LL_CHART_CAPACITY, &data, &options, items), ==, 2);
  /* as many names as the legend holds, but the last place */
  {
    LlChartSeries many[LL_CHART_MAX_LEGEND + 2];
    LlChartData lots;

    for (guint i = 0; i < G_N_ELEMENTS (many); i++)
      {
        many[i] = series[i % 2];
        many[i].style = i;
      }
    ll_chart_data_init (&lots, many, G_N_ELEMENTS (many));
    g_assert_cmpuint (ll_chart_legend_items (LL_CHART_CAPACITY, &lots, &options, items), ==,
                      LL_CHART_MAX_LEGEND - 1);
  }
  g_assert_cmpuint (ll_chart_legend_items (LL_CHART_CAPACITY, &data, &options, items), ==, 2);
  g_assert_cmpstr (items[0].label, ==, "libstdc++");
  g_assert_cmpstr (items[1].label, ==, "CPython 3.9+");
  g_assert_cmpfloat (items[1].color.blue, ==, 1);
  /* each run's dash and mark, in its legend too */
  g_assert_cmpint (items[0].dash, ==, LL_DASH_SOLID);
  g_assert_cmpint (items[0].mark, ==, LL_MARK_CIRCLE);
  g_assert_cmpint (items[1].dash, ==, LL_DASH_DASHED);
  g_assert_cmpint (items[1].mark, ==, LL_MARK_SQUARE);

  cairo_surface_destroy (surface);
  test_run_clear (&runs[0]);
  test_run_clear (&runs[1]);
}

/* A simulation has no timings: the time chart leaves it out of the plot
 * and the axes, and says so in one legend item. */
static void
test_overlay_simulated (void)
{
  TestRun runs[2];
  LlChartSeries series[2];
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlLegendItem items[LL_CHART_MAX_LEGEND];
  cairo_surface_t *surface;

  two_runs (runs, series, &data, FALSE);
  runs[1].counters.total_realloc_ns = 0;
  options_two_colours (&options);

  g_assert_cmpuint (ll_chart_legend_items (LL_CHART_TIME, &data, &options, items), ==, 2);
  g_assert_cmpstr (items[0].label, ==, "libstdc++");
  g_assert_cmpstr (items[1].label, ==, "1 run not measured for this chart");

  surface = render (LL_CHART_TIME, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_TIME, &data, &options, WIDTH, HEIGHT);
  g_assert_false (layout.empty);
  /* nothing blue: the simulated run's zeros are not drawn at the floor */
  for (int y = (int) layout.plot.y; y < (int) (layout.plot.y + layout.plot.height); y += 2)
    for (int x = (int) layout.plot.x; x < (int) (layout.plot.x + layout.plot.width); x += 2)
      {
        Rgb p = pixel (surface, x, y);

        g_assert_false (p.b > 200 && p.r < 60 && p.g < 60);
      }

  cairo_surface_destroy (surface);
  test_run_clear (&runs[0]);
  test_run_clear (&runs[1]);
}

/* Over several runs, one legend can name them for all the charts: each
 * chart then gives that row to its plot and keeps only what is its own
 * (the runs it has nothing of); an image of all the charts draws it once,
 * above them. */
static void
test_overlay_runs_named_apart (void)
{
  TestRun runs[2];
  LlChartSeries series[2];
  LlChartData data, one;
  LlChartOptions options;
  LlChartLayout own, apart;
  LlLegendItem items[LL_CHART_MAX_LEGEND];
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;
  int legend_red = 0, legend_blue = 0, below_red = 0;

  two_runs (runs, series, &data, FALSE);
  runs[1].counters.total_realloc_ns = 0;
  options_two_colours (&options);

  /* narrow: the two names take a row of their own over the plot */
  ll_chart_layout_compute (&own, NULL, LL_CHART_CAPACITY, &data, &options, 260, HEIGHT);
  options.runs_named_apart = TRUE;
  /* what the marks mean whatever the run, in a neutral colour */
  g_assert_cmpuint (ll_chart_legend_items (LL_CHART_CAPACITY, &data, &options, items), ==, 1);
  g_assert_cmpstr (items[0].label, ==, "Length");
  g_assert_true (memcmp (&items[0].color, &options.palette.secondary, sizeof (LlColor)) == 0);
  g_assert_cmpuint (ll_chart_legend_items (LL_CHART_GROWTH, &data, &options, items), ==, 0);
  g_assert_cmpuint (ll_chart_legend_items (LL_CHART_TIME, &data, &options, items), ==, 3);
  g_assert_cmpstr (items[0].label, ==, "Reallocation");
  g_assert_cmpstr (items[1].label, ==, "Per append");
  g_assert_cmpstr (items[2].label, ==, "1 run not measured for this chart");
  /* with no run measured, there are no marks to explain */
  {
    guint64 total = runs[0].counters.total_realloc_ns;

    runs[0].counters.total_realloc_ns = 0;
    g_assert_cmpuint (ll_chart_legend_items (LL_CHART_TIME, &data, &options, items), ==, 1);
    g_assert_cmpstr (items[0].label, ==, "2 runs not measured for this chart");
    runs[0].counters.total_realloc_ns = total;
  }
  ll_chart_layout_compute (&apart, NULL, LL_CHART_CAPACITY, &data, &options, 260, HEIGHT);
  g_assert_cmpfloat (apart.plot.height, >, own.plot.height);

  /* The time chart of a small grid: the note ends the y title's row and
   * the marks' key takes one row below it, not two. */
  {
    LlChartLayout time;

    ll_chart_layout_compute (&time, NULL, LL_CHART_TIME, &data, &options, 340, HEIGHT);
    g_assert_true (time.note_in_header);
    g_assert_cmpuint (time.legend_rows, ==, 1);
    g_assert_cmpfloat (time.note_x, >, 340 / 3);
    g_assert_cmpfloat (time.legend_y, >, time.header_y);
    g_assert_cmpfloat (time.plot.y, <, time.legend_y + 2.5 * time.line_height);
    /* room for nothing but the note: the note wraps with the rest */
    ll_chart_layout_compute (&time, NULL, LL_CHART_TIME, &data, &options, 150, HEIGHT);
    g_assert_false (time.note_in_header);
  }

  /* the legend apart: both names, each run's colour; nothing for one run */
  height = ll_chart_draw_runs_legend (NULL, &data, &options, WIDTH, TRUE);
  g_assert_cmpfloat (height, >, 10);
  g_assert_cmpfloat (height, <, 40);
  /* without the padding, the rows alone */
  g_assert_cmpfloat (ll_chart_draw_runs_legend (NULL, &data, &options, WIDTH, FALSE), <=, height - 10);
  /* too narrow for both names on a row: a row more */
  g_assert_cmpfloat (ll_chart_draw_runs_legend (NULL, &data, &options, 60, TRUE), >=, height + 12);
  ll_chart_data_init (&one, series, 1);
  g_assert_cmpfloat (ll_chart_draw_runs_legend (NULL, &one, &options, WIDTH, TRUE), ==, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, 2 * HEIGHT);
  cr = cairo_create (surface);
  ll_chart_draw_all (cr, &data, &options, WIDTH, 2 * HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int y = 0; y < 2 * HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        Rgb p = pixel (surface, x, y);
        gboolean red = p.r > 200 && p.g < 60 && p.b < 60;
        gboolean blue = p.b > 200 && p.r < 60 && p.g < 60;

        if (y < height)
          {
            legend_red += red;
            legend_blue += blue;
          }
        else if (y < height + 40)
          below_red += red;
      }
  /* both swatches in the row above the charts, no run's colour in the
   * charts' title rows (no legend of runs there) */
  g_assert_cmpint (legend_red, >, 10);
  g_assert_cmpint (legend_blue, >, 10);
  g_assert_cmpint (below_red, ==, 0);

  cairo_surface_destroy (surface);
  test_run_clear (&runs[0]);
  test_run_clear (&runs[1]);
}

static void
add_memory_sample (TestRun *run,
                   double   seconds,
                   guint64  length,
                   guint64  available_bytes)
{
  LlSample s = { 0 };

  s.elapsed_ns = (guint64) (seconds * 1e9);
  s.length = length;
  s.capacity = length + length / 8;
  s.container_bytes = 56 + 8 * s.capacity;
  s.available_bytes = available_bytes;
  s.rss_bytes = 16 * length;
  test_run_add_sample (run, &s);
}

/* A run grows for @grow_s seconds, from 8 GiB free down to 6 GiB;
 * then, if @released_s > 0, its list stays until @released_s (a sample
 * just before it goes) and is freed: free memory back at 8 GiB, sampled
 * three more seconds. */
static void
memory_run (TestRun *run,
            double   grow_s,
            double   released_s)
{
  const guint64 GiB = 1ull << 30;
  guint steps = (guint) (grow_s * 10);

  test_run_init (run, 1, 1);
  for (guint i = 0; i <= steps; i++)
    add_memory_sample (run, i / 10.0, 1000000 * (guint64) i, 8 * GiB - 2 * GiB * i / steps);
  if (released_s <= 0)
    return;
  add_memory_sample (run, released_s, 1000000 * (guint64) steps, 6 * GiB);
  for (guint i = 0; i <= 30; i++)
    {
      LlSample s = { 0 };

      s.elapsed_ns = (guint64) ((released_s + 0.01 + i / 10.0) * 1e9);
      s.available_bytes = 8 * GiB;
      s.rss_bytes = 1 << 20;
      test_run_add_sample (run, &s);
    }
}

/* Over several runs the memory chart compares how the lists grew: a run
 * kept for a minute and then freed does not stretch the time axis, nor
 * hand its later samples to the pointer; alone, its chart shows all. */
static void
test_overlay_memory_growth (void)
{
  TestRun runs[2];
  LlChartSeries series[2];
  LlChartData data, one;
  LlChartOptions options;
  LlChartLayout layout;
  LlChartReadout readout;
  cairo_surface_t *surface;
  double end_x, end_y;

  memory_run (&runs[0], 2.0, 60.0);
  memory_run (&runs[1], 3.0, 0.0);
  for (guint i = 0; i < 2; i++)
    {
      test_run_get_data (&runs[i], &one);
      series[i] = one.series[0];
      series[i].style = i;
      series[i].name = i == 0 ? "kept, then freed" : "running";
    }
  ll_chart_data_init (&data, series, 2);
  options_two_colours (&options);

  /* alone: to the last sample after the release */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &one, &options, WIDTH, HEIGHT);
  g_assert_cmpfloat (layout.x_axis.hi, >=, 3.0e9);
  test_run_get_data (&runs[0], &one);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &one, &options, WIDTH, HEIGHT);
  g_assert_cmpfloat (layout.x_axis.hi, >=, 63.0e9);

  /* together: the longer growth, 3 s, sets the axis */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  g_assert_cmpfloat (layout.x_axis.hi, >=, 3.0e9);
  g_assert_cmpfloat (layout.x_axis.hi, <, 10.0e9);

  /* the kept run's line ends where it stopped growing, at 6 GiB free:
   * nothing of it climbs back to 8 GiB */
  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  end_x = ll_scale_map (&layout.x, 2.0e9);
  end_y = ll_scale_map (&layout.y, 6.0 * (1ull << 30));
  g_assert_true (has_color_near (surface, end_x, end_y, 255, 0, 0));
  g_assert_false (has_color_near (surface, ll_scale_map (&layout.x, 2.9e9),
                                  ll_scale_map (&layout.y, 8.0 * (1ull << 30)), 255, 0, 0));
  for (double t = 2.3e9; t < layout.x_axis.hi; t += 0.2e9)
    g_assert_false (has_color_near (surface, ll_scale_map (&layout.x, t), end_y, 255, 0, 0));
  cairo_surface_destroy (surface);

  /* the pointer at its line's end finds its last growth sample */
  ll_chart_pick (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, end_x + 1.0, end_y, &readout);
  g_assert_true (readout.found);
  g_assert_cmpuint (readout.series, ==, 0);
  g_assert_nonnull (strstr (readout.text, "kept, then freed"));
  g_assert_nonnull (strstr (readout.text, "6.00 GiB"));
  g_assert_cmpfloat (fabs (readout.x - end_x), <, 1.0);
  ll_chart_readout_clear (&readout);

  /* and screen readers hear of the same end */
  {
    g_autofree char *text = ll_chart_describe (LL_CHART_MEMORY, &data, &options);

    g_test_message ("%s", text);
    g_assert_nonnull (strstr (text, "kept, then freed: After 2.00 s: 6.00 GiB available (8.00 GiB at the start)"));
    g_assert_null (strstr (text, "min"));
  }

  /* beside a run that grows for 70 s, the kept run's line still ends
   * where it stopped growing */
  test_run_clear (&runs[1]);
  memory_run (&runs[1], 70.0, 0.0);
  test_run_get_data (&runs[1], &one);
  series[1] = one.series[0];
  series[1].style = 1;
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  g_assert_cmpfloat (layout.x_axis.hi, >=, 70.0e9);
  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  end_y = ll_scale_map (&layout.y, 6.0 * (1ull << 30));
  g_assert_true (has_color_near (surface, ll_scale_map (&layout.x, 2.0e9), end_y, 255, 0, 0));
  for (double t = 5.0e9; t < 66.0e9; t += 1.0e9)
    {
      g_assert_false (has_color_near (surface, ll_scale_map (&layout.x, t), end_y, 255, 0, 0));
      g_assert_false (has_color_near (surface, ll_scale_map (&layout.x, t),
                                      ll_scale_map (&layout.y, 8.0 * (1ull << 30)), 255, 0, 0));
    }
  cairo_surface_destroy (surface);

  test_run_clear (&runs[0]);
  test_run_clear (&runs[1]);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/overlay/capacity", test_overlay_capacity);
  g_test_add_func ("/chart/overlay/simulated", test_overlay_simulated);
  g_test_add_func ("/chart/overlay/runs-named-apart", test_overlay_runs_named_apart);
  g_test_add_func ("/chart/overlay/memory-growth", test_overlay_memory_growth);

  ret = g_test_run ();

  pango_cairo_font_map_set_default (NULL);
  return ret;
}
