/* test-chart-extents.c — what a chart's data spans and what of it a zoom
 * shows: the list's span, the buckets in a range, charts zoomed where
 * nothing happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chart-test-util.h"
#include "chart-testdata.h"

/* From the first reallocation's list to the last one's, or to the last
 * sample's where the list grew on without reallocating; the history's
 * counters say it where they are. */
static void
test_list_span (void)
{
  TestRun run;
  LlChartData data;
  LlChartSeries series;
  LlListSpan span;
  const LlEvent *first, *last;

  test_run_fill_doubling (&run);
  test_run_get_data (&run, &data);
  series = data.series[0];
  first = &series.events[0].first;
  last = &series.events[series.n_events - 1].last;

  /* the samples say the list is at 50 past its last reallocation at 33 */
  series.counters = NULL;
  ll_chart_list_span (&series, &span);
  g_assert_cmpuint (span.start_length, ==, first->length - 1);
  g_assert_cmpuint (span.start_capacity, ==, first->old_capacity);
  g_assert_cmpuint (last->length, ==, 33);
  g_assert_cmpuint (span.end_length, ==, 50);
  g_assert_cmpuint (span.end_capacity, ==, 64);

  /* without samples: the last reallocation */
  series.n_samples = 0;
  ll_chart_list_span (&series, &span);
  g_assert_cmpuint (span.end_length, ==, 33);
  g_assert_cmpuint (span.end_capacity, ==, last->new_capacity);

  /* nothing at all: an empty span */
  series.n_events = 0;
  ll_chart_list_span (&series, &span);
  g_assert_cmpuint (span.start_length, ==, 0);
  g_assert_cmpuint (span.end_length, ==, 0);

  test_run_clear (&run);
}

/* The buckets in a range of lengths are those that reach its start and
 * begin by its end, no other: at every pair of reallocations' lengths, and
 * one past and before them. */
static void
test_events_in_range (void)
{
  TestRun run;
  LlChartData data;
  const LlChartSeries *series;

  test_run_cpython_80mb (&run);
  test_run_get_data (&run, &data);
  series = &data.series[0];

  for (gsize i = 0; i < series->n_events; i += 7)
    for (gsize j = i; j < series->n_events; j += 11)
      for (int d = -1; d <= 1; d++)
        {
          LlChartRange range = { series->events[i].first.length + d, series->events[j].first.length + 1 - d };
          LlBucketSpan spans[3];
          guint n_spans = ll_chart_events_in_range (series, &range, spans);
          gsize n = 0, expected = 0;

          /* (an empty range means all of it, below) */
          if (range.from >= range.to)
            continue;
          for (gsize k = 0; k < series->n_events; k++)
            expected += series->events[k].last.length >= range.from && series->events[k].first.length <= range.to;
          for (guint s = 0; s < n_spans; s++)
            for (gsize k = 0; k < spans[s].n; k++)
              {
                const LlEventBucket *b = &spans[s].buckets[k];

                g_assert_cmpfloat (b->last.length, >=, range.from);
                g_assert_cmpfloat (b->first.length, <=, range.to);
                n++;
              }
          g_assert_cmpuint (n, ==, expected);
        }

  /* no range: every bucket */
  {
    LlBucketSpan spans[3];

    g_assert_cmpuint (ll_chart_events_in_range (series, NULL, spans), ==, 1);
    g_assert_cmpuint (spans[0].n, ==, series->n_events);
  }
  test_run_clear (&run);
}

/* What a length chart zoomed beside its data says, the data spanning
 * @extent. */
static char *
beside_hint (const LlChartRange *extent)
{
  g_autofree char *lo = ll_format_count_exact ((guint64) extent->from);
  g_autofree char *hi = ll_format_count_exact ((guint64) extent->to);

  return g_strdup_printf ("No data at these lengths: they go from %s to %s", lo, hi);
}

/* Zoomed between two reallocations, the charts of reallocations say that
 * none happened there, with the lengths on their axis; zoomed beside the
 * data, every chart says where the data is. Two runs: one with a
 * reallocation in the range is enough to draw it. */
static void
test_no_data (void)
{
  TestRun run, fixed;
  LlChartData data;
  LlChartSeries both[2];
  LlChartData two;
  LlChartOptions options;
  LlChartLayout layout;
  LlChartRange extent;
  const LlChartSeries *series;
  guint64 a, b;
  const LlChartKind of_events[] = { LL_CHART_GROWTH, LL_CHART_TIME };

  test_run_cpython_80mb (&run);
  test_run_get_data (&run, &data);
  series = &data.series[0];
  options_init_test (&options);
  options.draw_title = TRUE;

  /* between the last two reallocations */
  a = series->events[series->n_events - 2].first.length;
  b = series->events[series->n_events - 1].first.length;
  options.length_range = (LlChartRange) { a + 1, b - 1 };
  for (guint k = 0; k < G_N_ELEMENTS (of_events); k++)
    {
      ll_chart_layout_compute (&layout, NULL, of_events[k], &data, &options, WIDTH, HEIGHT);
      g_assert_true (layout.empty);
      g_assert_true (layout.zoomed);
      g_assert_cmpstr (layout.hint, ==, "No reallocation at these lengths");
      g_assert_nonnull (strstr (layout.title, "(lengths "));
      /* the lengths shown still label the axis */
      g_assert_cmpfloat (layout.x_axis.lo, ==, a + 1);
      g_assert_cmpfloat (layout.x_axis.hi, ==, b - 1);
      g_assert_cmpuint (layout.x_axis.n_ticks, >=, 2);
      g_assert_cmpstr (layout.x_axis.ticks[0].label, !=, "");
      g_assert_cmpfloat (ll_chart_unmap_x (of_events[k], &data, &options, WIDTH, HEIGHT, layout.plot.x), ==, a + 1);
    }
  /* the capacity is there all along */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  g_assert_false (layout.empty);

  /* beside another run that grew there */
  test_run_init (&fixed, 1, 1);
  test_run_fill_fixed (&fixed, 64, (b - 1) / 64 + 1, 8, 16ull << 30);
  both[0] = data.series[0];
  test_run_get_data (&fixed, &two);
  both[1] = two.series[0];
  both[1].style = 1;
  ll_chart_data_init (&two, both, 2);
  for (guint k = 0; k < G_N_ELEMENTS (of_events); k++)
    {
      ll_chart_layout_compute (&layout, NULL, of_events[k], &two, &options, WIDTH, HEIGHT);
      g_assert_false (layout.empty);
    }
  /* and with the runs the other way round */
  {
    LlChartSeries first = both[0];

    both[0] = both[1];
    both[1] = first;
  }
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &two, &options, WIDTH, HEIGHT);
  g_assert_false (layout.empty);

  /* past the end of the run: where its lengths go */
  g_assert_true (ll_chart_get_x_extent (LL_CHART_CAPACITY, &data, &options, &extent));
  options.length_range = (LlChartRange) { 10e9, 20e9 };
  for (LlChartKind kind = 0; kind < LL_N_CHARTS; kind++)
    {
      g_autofree char *expected = NULL;

      if (!ll_chart_kind_has_length_axis (kind))
        continue;
      g_assert_true (ll_chart_get_x_extent (kind, &data, &options, &extent));
      expected = beside_hint (&extent);
      ll_chart_layout_compute (&layout, NULL, kind, &data, &options, WIDTH, HEIGHT);
      g_assert_true (layout.empty);
      g_assert_cmpstr (layout.hint, ==, expected);
      g_assert_cmpfloat (layout.x_axis.hi, ==, 20e9);
    }
  /* on a narrow chart the hint takes more lines, not more than the plot's
   * width: nothing is drawn beside the plot */
  {
    cairo_surface_t *surface = render (LL_CHART_CAPACITY, &data, &options, 300, 200, 1.0);
    LlRect left, right;

    ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, 300, 200);
    left = (LlRect) { 0, layout.plot.y + 2, layout.plot.x - 1, layout.plot.height - 4 };
    right = (LlRect) { layout.plot.x + layout.plot.width + 1, layout.plot.y + 2,
                       300 - (layout.plot.x + layout.plot.width + 1), layout.plot.height - 4 };
    g_assert_false (region_has_ink (surface, &left, (Rgb) { 255, 255, 255 }));
    g_assert_false (region_has_ink (surface, &right, (Rgb) { 255, 255, 255 }));
    cairo_surface_destroy (surface);
  }
  options.length_range = (LlChartRange) { 0, 0 };
  /* and the memory chart past its last sample */
  options.time_range = (LlChartRange) { 1e15, 2e15 };
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  g_assert_true (layout.empty);
  g_assert_true (g_str_has_prefix (layout.hint, "No data at these times: the samples end at "));
  g_assert_cmpstr (strrchr (layout.hint, ' ') + 1, !=, "");

  test_run_clear (&fixed);
  test_run_clear (&run);
}

/* Zoomed beside every run, the hint says where the data of all of them is,
 * whichever run comes first. */
static void
test_runs_beside_range (void)
{
  TestRun short_run, long_run;
  LlChartSeries both[2];
  LlChartData one, two;
  LlChartOptions options;
  LlChartLayout layout;
  LlChartRange whole;

  test_run_init (&short_run, 1, 1);
  test_run_fill_cpython (&short_run, 50 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_init (&long_run, 1, 1);
  test_run_fill_cpython (&long_run, 100 * 1024 * 1024, 8ull << 30, 1000000);
  options_init_test (&options);
  test_run_get_data (&long_run, &one);
  g_assert_true (ll_chart_get_x_extent (LL_CHART_GROWTH, &one, &options, &whole));

  options.length_range = (LlChartRange) { 10e9, 20e9 };
  for (int order = 0; order < 2; order++)
    {
      LlChartData a, b;

      test_run_get_data (order ? &long_run : &short_run, &a);
      test_run_get_data (order ? &short_run : &long_run, &b);
      both[0] = a.series[0];
      both[1] = b.series[0];
      both[1].style = 1;
      ll_chart_data_init (&two, both, 2);

      for (LlChartKind kind = 0; kind < LL_N_CHARTS; kind++)
        {
          g_autofree char *expected = beside_hint (&whole);

          if (!ll_chart_kind_has_length_axis (kind))
            continue;
          ll_chart_layout_compute (&layout, NULL, kind, &two, &options, WIDTH, HEIGHT);
          g_assert_true (layout.empty);
          g_assert_cmpstr (layout.hint, ==, expected);
        }
    }

  test_run_clear (&short_run);
  test_run_clear (&long_run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/extents/list-span", test_list_span);
  g_test_add_func ("/chart/extents/events-in-range", test_events_in_range);
  g_test_add_func ("/chart/extents/no-data", test_no_data);
  g_test_add_func ("/chart/extents/runs-beside-range", test_runs_beside_range);

  return g_test_run ();
}
