/* test-chart-memory.c — the memory chart: where the next growth leaves free memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "chart-test-util.h"
#include "chart-testdata.h"

/* Pixels on row @y (±1) across the plot's left half that look like
 * @colour drawn at @alpha over white. */
static guint
count_row (cairo_surface_t *surface,
           const LlRect    *plot,
           double           y,
           const LlColor   *colour,
           double           alpha)
{
  int r = (int) round (255 * (1 - alpha + alpha * colour->red));
  int g = (int) round (255 * (1 - alpha + alpha * colour->green));
  int b = (int) round (255 * (1 - alpha + alpha * colour->blue));
  guint n = 0;

  for (int row = (int) y - 1; row <= (int) y + 1; row++)
    for (int x = (int) plot->x + 2; x < (int) (plot->x + plot->width / 2); x++)
      {
        Rgb p = pixel (surface, x, row);

        if (ABS (p.r - r) <= 8 && ABS (p.g - g) <= 8 && ABS (p.b - b) <= 8)
          n++;
      }
  return n;
}

/* During a run the memory chart shows where the next growth will leave
 * free memory, in the reserve's colour once that is below it. */
static void
test_memory_next_growth (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  cairo_surface_t *surface;
  guint64 now, after;

  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 100 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  options.reserve_bytes = 1ull << 30;
  now = run.series.samples[run.series.n_samples - 1].last.available_bytes;

  /* Room enough: a line where the growth leaves free memory. */
  options.next_growth_bytes = 3ull << 30;
  after = now - options.next_growth_bytes;
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  g_assert_cmpuint (count_row (surface, &layout.plot, ll_scale_map (&layout.y, after),
                               &options.palette.series3, 1.0), >, 40);
  cairo_surface_destroy (surface);

  /* Without a run going on, nothing there. */
  options.next_growth_bytes = 0;
  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  g_assert_cmpuint (count_row (surface, &layout.plot, ll_scale_map (&layout.y, after),
                               &options.palette.series3, 1.0), ==, 0);
  cairo_surface_destroy (surface);

  /* A growth that would leave less than the reserve: in its colour. */
  options.next_growth_bytes = now - (512ull << 20);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  g_assert_cmpuint (count_row (surface, &layout.plot, ll_scale_map (&layout.y, 512ull << 20),
                               &options.palette.warning, 1.0), >, 40);
  cairo_surface_destroy (surface);

  /* A line's label stays readable where another line runs through it:
   * the label lies over the lines, on a plate of the background. A run
   * that takes most of free memory, and the reserve where its label,
   * above it, is crossed by free memory's line. */
  {
    PangoContext *context = ll_chart_create_pango_context ();
    LlChartText text;
    LlChartOptions plain;
    TestRun low;
    LlChartData low_data;
    double label_w, right, line_y = -1.0, label_y;
    guint crossed = 0, seen = 0;

    test_run_init (&low, 1, 1);
    test_run_fill_cpython (&low, 600 * 1024 * 1024, 1ull << 30, 1000000);
    test_run_get_data (&low, &low_data);
    options.next_growth_bytes = 0;
    options.reserve_bytes = 0;
    /* zoomed into the run: the line runs to the plot's edge */
    options.time_range = (LlChartRange) { 0, low.series.samples[low.series.n_samples - 1].last.elapsed_ns * 0.8 };
    plain = options;
    ll_chart_text_init (&text, context, &options);
    ll_chart_text_size (&text, "Reserve", FALSE, &label_w, NULL);
    ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &low_data, &plain, WIDTH, HEIGHT);
    right = layout.plot.x + layout.plot.width - 4.0;
    surface = render (LL_CHART_MEMORY, &low_data, &plain, WIDTH, HEIGHT, 1.0);
    /* where the line crosses the middle of the label's place */
    for (int y = (int) layout.plot.y; y < (int) (layout.plot.y + layout.plot.height) && line_y < 0; y++)
      if (is_series3 (pixel (surface, (int) (right - label_w / 2.0), y)))
        line_y = y;
    g_assert_cmpfloat (line_y, >=, 0);

    options.reserve_bytes = (guint64) ll_scale_unmap (&layout.y, line_y + layout.line_height / 2.0 + 1.0);
    label_y = ll_scale_map (&layout.y, (double) options.reserve_bytes) - layout.line_height - 1.0;
    {
      cairo_surface_t *labelled = render (LL_CHART_MEMORY, &low_data, &options, WIDTH, HEIGHT, 1.0);

      for (int x = (int) ceil (right - label_w); x < (int) floor (right); x++)
        for (int y = (int) ceil (label_y); y < (int) floor (label_y + layout.line_height); y++)
          if (is_series3 (pixel (surface, x, y)))
            {
              crossed++;
              seen += is_series3 (pixel (labelled, x, y));
            }
      cairo_surface_destroy (labelled);
    }
    g_test_message ("free memory: %u pixels in the label's place, %u over the label", crossed, seen);
    g_assert_cmpuint (crossed, >, 10);
    g_assert_cmpuint (seen, ==, 0);
    cairo_surface_destroy (surface);
    ll_chart_text_clear (&text);
    g_object_unref (context);
    test_run_clear (&low);
  }

  test_run_clear (&run);
}

/* The axis reaches the highest free memory and RSS a merged bucket saw,
 * not only its ends'; the reserve is a line only when there is one. */
static void
test_memory_extent (void)
{
  LlSampleBucket buckets[2] = { 0 };
  LlChartSeries series = { 0 };
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  cairo_surface_t *surface;

  for (guint i = 0; i < 2; i++)
    {
      buckets[i].count = 4;
      buckets[i].first.elapsed_ns = 2 * i * 1000000000ull;
      buckets[i].last.elapsed_ns = (2 * i + 1) * 1000000000ull;
      buckets[i].first.available_bytes = buckets[i].last.available_bytes = 1ull << 30;
      buckets[i].first.rss_bytes = buckets[i].last.rss_bytes = 1ull << 29;
      buckets[i].min_available_bytes = 1ull << 30;
      buckets[i].min_rss_bytes = 1ull << 29;
    }
  /* between the ends: 6 GiB free in one bucket, 7 GiB of RSS in the other */
  buckets[0].max_available_bytes = 6ull << 30;
  buckets[0].max_rss_bytes = 1ull << 29;
  buckets[1].max_available_bytes = 1ull << 30;
  buckets[1].max_rss_bytes = 7ull << 30;
  series.samples = buckets;
  series.n_samples = 2;
  ll_chart_data_init (&data, &series, 1);
  options_init_test (&options);

  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  g_assert_false (layout.empty);
  g_assert_cmpfloat (layout.y_axis.hi, >=, 7.0 * (1ull << 30));

  /* no reserve: nothing in its colour (no line, no label); a reserve:
   * its line */
  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  {
    guint orange = 0;

    for (int y = (int) layout.plot.y; y < (int) (layout.plot.y + layout.plot.height); y++)
      for (int x = (int) layout.plot.x; x < (int) (layout.plot.x + layout.plot.width); x++)
        {
          Rgb p = pixel (surface, x, y);

          orange += p.r > 200 && p.g > 60 && p.g < 200 && p.b < 100;
        }
    g_assert_cmpuint (orange, ==, 0);
  }
  cairo_surface_destroy (surface);
  options.reserve_bytes = 2ull << 30;
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  g_assert_cmpuint (count_row (surface, &layout.plot, ll_scale_map (&layout.y, 2ull << 30),
                               &options.palette.warning, 1.0), >, 20);
  cairo_surface_destroy (surface);
}

/* A pixel that looks like @colour drawn at @alpha over white. */
static gboolean
looks_like (Rgb            p,
            const LlColor *colour,
            double         alpha)
{
  return ABS (p.r - (int) round (255 * (1 - alpha + alpha * colour->red))) <= 2 &&
         ABS (p.g - (int) round (255 * (1 - alpha + alpha * colour->green))) <= 2 &&
         ABS (p.b - (int) round (255 * (1 - alpha + alpha * colour->blue))) <= 2;
}

/* Each reallocation is a tick at the top of the plot, in its pixel column
 * at the time it happened, and a faint line on down; a column without one
 * stays clear. */
static void
test_memory_markers (void)
{
  /* (off the grid lines of whole seconds) */
  static const double seconds[] = { 1.3, 4.3, 7.3 };
  const double ns = 1e9;
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  cairo_surface_t *surface;
  const LlColor *marker;
  double tick_y, faint_y;
  guint ticks = 0;

  test_run_init (&run, 1, 1);
  for (guint i = 0; i <= 20; i++)
    {
      LlSample s = { 0 };

      s.elapsed_ns = (guint64) (i * 0.5 * ns);
      s.available_bytes = 8ull << 30;
      s.rss_bytes = 1ull << 30;
      test_run_add_sample (&run, &s);
    }
  for (guint i = 0; i < G_N_ELEMENTS (seconds); i++)
    {
      LlEvent e = { 0 };

      e.length = 1000 * (i + 1);
      e.old_capacity = 1000 * i;
      e.new_capacity = 1000 * (i + 1);
      e.elapsed_ns = (guint64) (seconds[i] * ns);
      e.available_bytes = 8ull << 30;
      test_run_add_event (&run, &e);
    }
  test_run_get_data (&run, &data);
  options_init_test (&options);
  /* the axis to 16 GiB: free memory's line runs through the middle */
  options.total_bytes = 16ull << 30;
  marker = &options.palette.marker;
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  tick_y = layout.plot.y + LL_CHART_RUG_HEIGHT / 2.0;
  faint_y = layout.plot.y + LL_CHART_RUG_HEIGHT + 4.0;

  for (guint i = 0; i < G_N_ELEMENTS (seconds); i++)
    {
      int x = (int) floor (ll_scale_map (&layout.x, seconds[i] * ns));
      int found = -1;

      for (int dx = -1; dx <= 1 && found < 0; dx++)
        if (looks_like (pixel (surface, x + dx, (int) tick_y), marker, marker->alpha))
          found = x + dx;
      if (found < 0)
        g_error ("no tick at %.0f s, near x = %d", seconds[i], x);
      /* fainter below the tick, but there */
      g_assert_false (looks_like (pixel (surface, found, (int) faint_y), marker, marker->alpha));
      g_assert_false (looks_like (pixel (surface, found, (int) faint_y), &options.palette.background, 1.0));
      g_assert_cmpint (pixel (surface, found, (int) faint_y).r, >=, 250);
      g_assert_cmpint (pixel (surface, found, (int) faint_y).b, >=, 250);
    }

  /* three ticks along the top, one pixel wide each, and none between */
  for (int x = (int) layout.plot.x + 1; x < (int) (layout.plot.x + layout.plot.width) - 1; x++)
    ticks += looks_like (pixel (surface, x, (int) tick_y), marker, marker->alpha);
  g_assert_cmpuint (ticks, ==, G_N_ELEMENTS (seconds));
  g_assert_true (looks_like (pixel (surface, (int) ll_scale_map (&layout.x, 3.1 * ns), (int) tick_y),
                             &options.palette.background, 1.0));

  cairo_surface_destroy (surface);
  test_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/memory/next-growth", test_memory_next_growth);
  g_test_add_func ("/chart/memory/extent", test_memory_extent);
  g_test_add_func ("/chart/memory/markers", test_memory_markers);

  return g_test_run ();
}
