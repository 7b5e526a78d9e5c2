/* test-chart-pick.c — the points a keyboard cursor steps through, and what
 * each says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chart-test-util.h"
#include "chart-testdata.h"

static void
test_points (void)
{
  static const double lengths[] = { 1, 5, 9, 17, 33, 50 };
  TestRun run;
  LlChartData data;

  test_run_fill_doubling (&run);
  test_run_get_data (&run, &data);

  /* Every reallocation, and on the capacity chart the list now. */
  g_assert_cmpuint (ll_chart_get_n_points (LL_CHART_CAPACITY, &data, 0), ==, 6);
  g_assert_cmpuint (ll_chart_get_n_points (LL_CHART_GROWTH, &data, 0), ==, 5);
  g_assert_cmpuint (ll_chart_get_n_points (LL_CHART_TIME, &data, 0), ==, 5);
  g_assert_cmpuint (ll_chart_get_n_points (LL_CHART_MEMORY, &data, 0), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    g_assert_cmpfloat (ll_chart_get_point_x (LL_CHART_CAPACITY, &data, 0, i), ==, lengths[i]);
  g_assert_cmpfloat (ll_chart_get_point_x (LL_CHART_MEMORY, &data, 0, 0), ==, 50000000);

  g_assert_cmpuint (ll_chart_find_point (LL_CHART_CAPACITY, &data, 0, 0, FALSE), ==, 0);
  g_assert_cmpuint (ll_chart_find_point (LL_CHART_CAPACITY, &data, 0, 17, FALSE), ==, 3);
  g_assert_cmpuint (ll_chart_find_point (LL_CHART_CAPACITY, &data, 0, 17, TRUE), ==, 4);
  g_assert_cmpuint (ll_chart_find_point (LL_CHART_CAPACITY, &data, 0, 16.5, TRUE), ==, 3);
  g_assert_cmpuint (ll_chart_find_point (LL_CHART_CAPACITY, &data, 0, 50, TRUE), ==, 6);
  g_assert_cmpuint (ll_chart_find_point (LL_CHART_GROWTH, &data, 0, 1e9, FALSE), ==, 5);

  /* No such series, no data. */
  g_assert_cmpuint (ll_chart_get_n_points (LL_CHART_CAPACITY, &data, 1), ==, 0);
  g_assert_cmpuint (ll_chart_get_n_points (LL_CHART_CAPACITY, NULL, 0), ==, 0);

  test_run_clear (&run);
}

/* A point's readout is the pointer's, where the chart draws the point. */
static void
test_pick_point (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlChartReadout by_key, by_pointer;

  test_run_fill_doubling (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick_point (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, 0, 3, &by_key);
  g_assert_true (by_key.found);
  g_assert_cmpfloat (by_key.x, ==, ll_scale_map (&layout.x, 17));
  g_assert_cmpfloat (by_key.y, ==, ll_scale_map (&layout.y, 32));
  g_assert_cmpuint (by_key.event_number, ==, 4);
  g_assert_cmpuint (by_key.series, ==, 0);
  ll_chart_pick (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, by_key.x, by_key.y, &by_pointer);
  g_assert_cmpstr (by_key.text, ==, by_pointer.text);
  /* both say the plot they lie in: where a crosshair spans */
  g_assert_cmpfloat (by_key.plot_x, ==, layout.plot.x);
  g_assert_cmpfloat (by_key.plot_y, ==, layout.plot.y);
  g_assert_cmpfloat (by_key.plot_width, ==, layout.plot.width);
  g_assert_cmpfloat (by_key.plot_height, ==, layout.plot.height);
  g_assert_cmpfloat (by_pointer.plot_x, ==, layout.plot.x);
  g_assert_cmpfloat (by_pointer.plot_y, ==, layout.plot.y);
  g_assert_cmpfloat (by_pointer.plot_width, ==, layout.plot.width);
  g_assert_cmpfloat (by_pointer.plot_height, ==, layout.plot.height);
  g_assert_cmpstr (by_key.text, ==,
                   "Reallocation 4 of 5\n"
                   "Length 17\n"
                   "Capacity 16 → 32\n"
                   "Slack 15 (46.9 %)\n"
                   "Container 312 B\n"
                   "Added +128 B");
  ll_chart_readout_clear (&by_key);
  ll_chart_readout_clear (&by_pointer);

  /* The list now, past the last reallocation: no reallocation's number. */
  ll_chart_pick_point (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, 0, 5, &by_key);
  g_assert_true (by_key.found);
  g_assert_cmpstr (by_key.text, ==, "Length 50\nCapacity 64\nSlack 14 (21.9 %)");
  g_assert_cmpuint (by_key.event_number, ==, 0);
  g_assert_cmpfloat (by_key.x, ==, ll_scale_map (&layout.x, 50));
  ll_chart_readout_clear (&by_key);

  /* Growth: on the stem's head. */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick_point (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT, 0, 4, &by_key);
  g_assert_true (by_key.found);
  g_assert_cmpfloat (by_key.y, ==, ll_scale_map (&layout.y, 256));
  g_assert_true (g_str_has_prefix (by_key.text, "Reallocation 5 of 5\nLength 33\n"));
  ll_chart_readout_clear (&by_key);

  /* Memory: on the free memory line. */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick_point (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 0, 0, &by_key);
  g_assert_true (by_key.found);
  g_assert_cmpfloat (by_key.x, ==, ll_scale_map (&layout.x, 50000000));
  g_assert_cmpfloat (by_key.y, ==, ll_scale_map (&layout.y, 5000));
  g_assert_cmpstr (by_key.text, ==,
                   "Time 50.0 ms\nAvailable 4.88 KiB\nProcess RSS 1000 B\nLength 50");
  g_assert_cmpuint (by_key.event_number, ==, 0);
  ll_chart_readout_clear (&by_key);

  /* Past the end, or no size: nothing. */
  ll_chart_pick_point (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT, 0, 5, &by_key);
  g_assert_false (by_key.found);
  g_assert_null (by_key.text);
  ll_chart_pick_point (LL_CHART_GROWTH, &data, &options, 0, HEIGHT, 0, 1, &by_key);
  g_assert_false (by_key.found);

  test_run_clear (&run);
}

/* Buckets that join many reallocations: their first and last, exactly. */
static void
test_merged (void)
{
  TestRun run;
  LlChartData data;
  LlChartReadout readout;
  const LlEventBucket *b;

  test_run_init (&run, 100, 10);
  test_run_fill_fixed (&run, 100000, 16, 1000, 8ull << 30);
  test_run_get_data (&run, &data);
  g_assert_cmpuint (data.series[0].n_events, ==, 1000);
  g_assert_cmpuint (ll_chart_get_n_points (LL_CHART_GROWTH, &data, 0), ==, 2000);
  g_assert_cmpuint (ll_chart_get_n_points (LL_CHART_MEMORY, &data, 0), ==, 200);

  b = &data.series[0].events[500];
  g_assert_cmpfloat (ll_chart_get_point_x (LL_CHART_GROWTH, &data, 0, 1000), ==, b->first.length);
  g_assert_cmpfloat (ll_chart_get_point_x (LL_CHART_GROWTH, &data, 0, 1001), ==, b->last.length);
  g_assert_cmpuint (ll_chart_find_point (LL_CHART_GROWTH, &data, 0, b->last.length, FALSE), ==, 1001);
  g_assert_cmpuint (ll_chart_find_point (LL_CHART_GROWTH, &data, 0, b->first.length + 1, FALSE), ==, 1001);

  ll_chart_pick_point (LL_CHART_GROWTH, &data, NULL, WIDTH, HEIGHT, 0, 1000, &readout);
  g_assert_cmpuint (readout.event_number, ==, 50001);
  ll_chart_readout_clear (&readout);
  ll_chart_pick_point (LL_CHART_GROWTH, &data, NULL, WIDTH, HEIGHT, 0, 1001, &readout);
  g_assert_cmpuint (readout.event_number, ==, 50100);
  {
    g_autofree char *n = ll_format_count_exact (50100);
    g_autofree char *total = ll_format_count_exact (100000);
    g_autofree char *line = g_strdup_printf ("Reallocation %s of %s\n", n, total);

    g_assert_true (g_str_has_prefix (readout.text, line));
  }
  ll_chart_readout_clear (&readout);

  test_run_clear (&run);
}

/* A simulation has no timings and no memory: nothing to step through
 * there. Over several runs, each point says whose it is. */
static void
test_simulated_and_overlay (void)
{
  TestRun real, simulated;
  LlChartSeries series[2];
  LlChartData data;
  LlChartReadout readout;

  test_run_fill_doubling (&real);
  test_run_init (&simulated, 1, 1);
  for (guint64 i = 0; i < 3; i++)
    {
      LlEvent e = { 0 };

      e.length = 10 * i + 1;
      e.old_capacity = 10 * i;
      e.new_capacity = 10 * (i + 1);
      e.new_bytes = 56 + 8 * e.new_capacity;
      e.bytes_added = 80;
      /* the last grows the way a copying runtime does */
      e.moved = i == 2;
      e.bytes_copied = i == 2 ? 8 * e.old_capacity : 0;
      test_run_add_event (&simulated, &e);
    }
  test_run_get_data (&real, &data);
  series[0] = real.series;
  series[0].name = "Real";
  test_run_get_data (&simulated, &data);
  series[1] = simulated.series;
  series[1].name = "Simulated";
  ll_chart_data_init (&data, series, 2);

  g_assert_cmpuint (ll_chart_get_n_points (LL_CHART_TIME, &data, 1), ==, 0);
  g_assert_cmpuint (ll_chart_get_n_points (LL_CHART_MEMORY, &data, 1), ==, 0);
  g_assert_cmpuint (ll_chart_get_n_points (LL_CHART_GROWTH, &data, 1), ==, 3);
  g_assert_cmpuint (ll_chart_get_n_points (LL_CHART_TIME, &data, 0), ==, 5);

  ll_chart_pick_point (LL_CHART_GROWTH, &data, NULL, WIDTH, HEIGHT, 1, 2, &readout);
  g_assert_true (readout.found);
  g_assert_cmpuint (readout.series, ==, 1);
  g_assert_cmpuint (readout.event_number, ==, 3);
  /* what a simulation knows: the copy its runtime makes, no time */
  g_assert_cmpstr (readout.text, ==,
                   "Run Simulated\nReallocation 3 of 3\nLength 21\nCapacity 20 → 30\n"
                   "Container 296 B\nAdded +80 B\nBlock moved, 160 B copied");
  ll_chart_readout_clear (&readout);
  /* and nothing of a block realloc () grew */
  ll_chart_pick_point (LL_CHART_GROWTH, &data, NULL, WIDTH, HEIGHT, 1, 1, &readout);
  g_assert_cmpstr (readout.text, ==,
                   "Run Simulated\nReallocation 2 of 3\nLength 11\nCapacity 10 → 20\n"
                   "Container 216 B\nAdded +80 B");
  ll_chart_readout_clear (&readout);

  test_run_clear (&real);
  test_run_clear (&simulated);
}

static void
test_pick (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlChartReadout readout;
  double x, y;

  test_run_fill_doubling (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  /* capacity: at the jump of the event at length 17 */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  x = ll_scale_map (&layout.x, 17);
  y = ll_scale_map (&layout.y, 32);
  ll_chart_pick (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, x + 2, y - 3, &readout);
  g_assert_true (readout.found);
  g_assert_cmpfloat (readout.x, ==, x);
  g_assert_cmpfloat (readout.y, ==, y);
  g_assert_cmpstr (readout.text, ==,
                   "Reallocation 4 of 5\n"
                   "Length 17\n"
                   "Capacity 16 → 32\n"
                   "Slack 15 (46.9 %)\n"
                   "Container 312 B\n"
                   "Added +128 B");
  g_assert_cmpuint (readout.event_number, ==, 4);
  g_assert_cmpuint (readout.series, ==, 0);
  ll_chart_readout_clear (&readout);
  g_assert_null (readout.text);
  g_assert_false (readout.found);

  /* near the diagonal instead: the same event, the length's point */
  ll_chart_pick (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT,
                 x, ll_scale_map (&layout.y, 17), &readout);
  g_assert_true (readout.found);
  g_assert_cmpfloat (readout.y, ==, ll_scale_map (&layout.y, 17));
  ll_chart_readout_clear (&readout);

  /* past the last event: the current length from the samples */
  ll_chart_pick (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT,
                 ll_scale_map (&layout.x, 49), y, &readout);
  g_assert_true (readout.found);
  g_assert_cmpstr (readout.text, ==, "Length 50\nCapacity 64\nSlack 14 (21.9 %)");
  ll_chart_readout_clear (&readout);

  /* outside the plot: nothing */
  ll_chart_pick (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, 1, 1, &readout);
  g_assert_false (readout.found);
  g_assert_null (readout.text);

  /* growth: exact numbers of the nearest reallocation */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT,
                 ll_scale_map (&layout.x, 33) - 3, layout.plot.y + 10, &readout);
  g_assert_true (readout.found);
  g_assert_cmpfloat (readout.y, ==, ll_scale_map (&layout.y, 256));
  g_assert_cmpstr (readout.text, ==,
                   "Reallocation 5 of 5\n"
                   "Length 33\n"
                   "Capacity 32 → 64\n"
                   "Container 568 B\n"
                   "Added +256 B\n"
                   "Block moved, 256 B copied\n"
                   "Took 1.2 µs");
  ll_chart_readout_clear (&readout);

  /* memory: the sample, the nearer of the two lines */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT,
                 layout.plot.x + layout.plot.width - 5, layout.plot.y + layout.plot.height - 2,
                 &readout);
  g_assert_true (readout.found);
  g_assert_cmpfloat (readout.x, ==, ll_scale_map (&layout.x, 50000000));
  g_assert_cmpfloat (readout.y, ==, ll_scale_map (&layout.y, 1000));
  g_assert_cmpstr (readout.text, ==,
                   "Time 50.0 ms\nAvailable 4.88 KiB\nProcess RSS 1000 B\nLength 50");
  ll_chart_readout_clear (&readout);

  /* nothing to pick in an empty chart */
  {
    LlChartData empty = { NULL, 0 };

    ll_chart_pick (LL_CHART_GROWTH, &empty, &options, WIDTH, HEIGHT, 300, 200, &readout);
    g_assert_false (readout.found);
  }

  test_run_clear (&run);
}

/* Exact integers, grouped, with the biggest numbers a run can make. */
static void
test_pick_large (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlChartReadout readout;
  LlEvent e = { 0 };

  test_run_init (&run, 1, 1);
  e.length = 22500005;
  e.old_capacity = 22500004;
  e.new_capacity = 25312509;
  e.old_bytes = 56 + 8 * e.old_capacity;
  e.new_bytes = 56 + 8 * e.new_capacity;
  e.bytes_added = e.new_bytes - e.old_bytes;
  test_run_add_event (&run, &e);
  test_run_get_data (&run, &data);
  ll_chart_options_init (&options);

  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT,
                 ll_scale_map (&layout.x, 22500005), ll_scale_map (&layout.y, 25312509), &readout);
  g_assert_true (readout.found);
  {
    /* grouped as the locale groups (ll-size's rule): "22,500,005" */
    g_autofree char *l = ll_format_count_exact (22500005);
    g_autofree char *c0 = ll_format_count_exact (22500004);
    g_autofree char *c1 = ll_format_count_exact (25312509);
    g_autofree char *sl = ll_format_count_exact (2812504);
    g_autofree char *bytes = ll_format_count_exact (202500128);
    /* the container and what it added to the byte, and in MiB to three
     * decimals as the notebook prints them */
    g_autofree char *expected = g_strdup_printf ("Reallocation 1 of 1\n"
                                                 "Length %s\n"
                                                 "Capacity %s → %s\n"
                                                 "Slack %s (11.1 %%)\n"
                                                 "Container 193.119 MiB (%s bytes)\n"
                                                 "Added +21.458 MiB", l, c0, c1, sl, bytes);

    g_assert_cmpstr (readout.text, ==, expected);
  }
  ll_chart_readout_clear (&readout);

  /* SI units on request */
  options.units = LL_UNITS_SI;
  ll_chart_pick (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT,
                 ll_scale_map (&layout.x, 22500005), ll_scale_map (&layout.y, 25312509), &readout);
  g_assert_nonnull (strstr (readout.text, "Added +22.500 MB"));
  ll_chart_readout_clear (&readout);

  /* huge values still draw */
  e.length = G_MAXUINT64 / 16;
  e.new_capacity = G_MAXUINT64 / 8;
  e.bytes_added = G_MAXUINT64 / 2;
  test_run_add_event (&run, &e);
  test_run_get_data (&run, &data);
  for (int k = 0; k < LL_N_CHARTS; k++)
    {
      cairo_surface_t *surface = render (k, &data, &options, 300, 200, 1.0);

      cairo_surface_destroy (surface);
    }

  test_run_clear (&run);
}

/* Merged buckets: the readout names an exact event at a bucket's end. */
static void
test_pick_merged (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlChartReadout readout;
  const LlEventBucket *b;

  test_run_init (&run, 100, 10);
  test_run_fill_fixed (&run, 100000, 16, 1000, 8ull << 30);
  test_run_get_data (&run, &data);
  ll_chart_options_init (&options);
  g_assert_cmpuint (data.series[0].n_events, ==, 1000);

  b = &data.series[0].events[500];
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT,
                 ll_scale_map (&layout.x, b->last.length), layout.plot.y + 50, &readout);
  g_assert_true (readout.found);
  {
    g_autofree char *n = ll_format_count_exact (50100);
    g_autofree char *total = ll_format_count_exact (100000);
    g_autofree char *line = g_strdup_printf ("Reallocation %s of %s\n", n, total);

    /* the last event of bucket 500, exactly */
    g_assert_true (g_str_has_prefix (readout.text, line));
  }
  ll_chart_readout_clear (&readout);
  test_run_clear (&run);
}

/* The readout says what the growth did to the block, by the rule the
 * time chart and the table use: in place, moved by mremap () without a
 * copy, copied. */
static void
test_block_outcomes (void)
{
  TestRun run;
  LlChartData data;
  LlChartReadout readout;
  static const char *const said[] = {
    "Block grew in place", "Block moved, nothing copied", "Block moved, 160 B copied",
  };

  test_run_init (&run, 1, 1);
  for (guint i = 0; i < G_N_ELEMENTS (said); i++)
    {
      LlEvent e = { 0 };

      e.length = 10 * i + 1;
      e.old_capacity = 10 * i;
      e.new_capacity = 10 * (i + 1);
      e.old_bytes = 56 + 8 * e.old_capacity;
      e.new_bytes = 56 + 8 * e.new_capacity;
      e.bytes_added = 80;
      e.moved = i > 0;
      e.bytes_copied = i == 2 ? 8 * e.old_capacity : 0;
      e.realloc_ns = 1000;
      e.elapsed_ns = 1000 * (i + 1);
      test_run_add_event (&run, &e);
    }
  test_run_get_data (&run, &data);

  for (guint i = 0; i < G_N_ELEMENTS (said); i++)
    {
      g_auto(GStrv) lines = NULL;

      ll_chart_pick_point (LL_CHART_GROWTH, &data, NULL, WIDTH, HEIGHT, 0, i, &readout);
      g_assert_true (readout.found);
      lines = g_strsplit (readout.text, "\n", -1);
      g_assert_true (g_strv_contains ((const char *const *) lines, said[i]));
      g_assert_true (g_strv_contains ((const char *const *) lines, "Took 1.0 µs"));
      ll_chart_readout_clear (&readout);
    }
  test_run_clear (&run);
}

/* The readout's lines at their edges: an empty block, nothing added, a
 * reallocation the run cannot number, a container under and at 1 KiB. */
static void
test_readout_lines (void)
{
  g_autoptr(GString) str = g_string_new (NULL);
  LlHistoryCounters counters = { 0 };
  LlChartSeries series = { 0 };
  LlCandidate c = { 0 };
  LlChartOptions options;
  LlEvent e = { 0 };

  ll_chart_options_init (&options);
  options.units = LL_UNITS_IEC;

  ll_readout_slack (str, 0, 0);
  g_assert_cmpstr (str->str, ==, "Slack 0 (0.0 %)");
  g_string_truncate (str, 0);
  ll_readout_slack (str, 9, 8);
  g_assert_cmpstr (str->str, ==, "Slack 0 (0.0 %)");
  g_string_truncate (str, 0);
  ll_readout_slack (str, 6, 8);
  g_assert_cmpstr (str->str, ==, "Slack 2 (25.0 %)");
  g_string_truncate (str, 0);

  ll_readout_added (str, &e, &options);
  g_assert_cmpstr (str->str, ==, "Added 0 B");
  g_string_truncate (str, 0);
  e.bytes_added = 128;
  ll_readout_added (str, &e, &options);
  g_assert_cmpstr (str->str, ==, "Added +128 B");
  g_string_truncate (str, 0);

  /* numbered only when both the event's place and the run's count are known */
  c.series = &series;
  c.index = 3;
  ll_readout_event_number (str, &c);
  g_assert_cmpstr (str->str, ==, "");
  series.counters = &counters;
  ll_readout_event_number (str, &c);
  g_assert_cmpstr (str->str, ==, "");
  counters.n_events = 5;
  c.index = 0;
  ll_readout_event_number (str, &c);
  g_assert_cmpstr (str->str, ==, "");
  c.index = 3;
  ll_readout_event_number (str, &c);
  g_assert_cmpstr (str->str, ==, "Reallocation 3 of 5");
  g_string_truncate (str, 0);

  e.new_bytes = 1000;
  ll_readout_container (str, &e, &options);
  g_assert_cmpstr (str->str, ==, "Container 1000 B");
  g_string_truncate (str, 0);
  e.new_bytes = 1023;
  ll_readout_container (str, &e, &options);
  g_assert_cmpstr (str->str, ==, "Container 1023 B");
  g_string_truncate (str, 0);
  e.new_bytes = 1024;
  ll_readout_container (str, &e, &options);
  g_assert_cmpstr (str->str, ==, "Container 1.000 KiB (1,024 bytes)");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/pick/points", test_points);
  g_test_add_func ("/chart/pick/point", test_pick_point);
  g_test_add_func ("/chart/pick/merged", test_merged);
  g_test_add_func ("/chart/pick/simulated-and-overlay", test_simulated_and_overlay);
  g_test_add_func ("/chart/pick/readout", test_pick);
  g_test_add_func ("/chart/pick/readout-lines", test_readout_lines);
  g_test_add_func ("/chart/pick/block-outcomes", test_block_outcomes);
  g_test_add_func ("/chart/pick/large", test_pick_large);
  g_test_add_func ("/chart/pick/merged-exact", test_pick_merged);

  ret = g_test_run ();

  return ret;
}
