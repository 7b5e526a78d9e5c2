/* test-chart-summary.c — what each chart shows now, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "chart-test-util.h"
#include "chart-testdata.h"

static void
add_event (TestRun *run,
           guint64  length,
           guint64  old_capacity,
           guint64  new_capacity,
           guint64  realloc_ns)
{
  LlEvent e = { 0 };

  e.length = length;
  e.old_capacity = old_capacity;
  e.new_capacity = new_capacity;
  e.old_bytes = 56 + 8 * old_capacity;
  e.new_bytes = 56 + 8 * new_capacity;
  e.bytes_added = e.new_bytes - e.old_bytes;
  e.realloc_ns = realloc_ns;
  e.elapsed_ns = length * 1000;
  test_run_add_event (run, &e);
}

static void
add_sample (TestRun *run,
            guint64  elapsed_ns,
            guint64  length,
            guint64  available_bytes,
            guint64  rss_bytes)
{
  LlSample s = { 0 };

  s.elapsed_ns = elapsed_ns;
  s.length = length;
  s.capacity = length;
  s.available_bytes = available_bytes;
  s.rss_bytes = rss_bytes;
  test_run_add_sample (run, &s);
}

static void
assert_describes (LlChartKind        kind,
                  const LlChartData *data,
                  const char        *expected)
{
  g_autofree char *text = ll_chart_describe (kind, data, NULL);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_empty (void)
{
  LlChartData none = { NULL, 0 };

  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      assert_describes (k, &none, "No data yet");
      assert_describes (k, NULL, "No data yet");
    }
}

/* The notebook's kind of run: the last reallocation, exactly as the
 * figures and the table say it. */
static void
test_run (void)
{
  TestRun run;
  LlChartData data;

  test_run_init (&run, 1, 1);
  add_event (&run, 1, 0, 4, 2000);
  add_event (&run, 5, 4, 8, 45000000);
  add_event (&run, 238000000, 240000000, 268000000, 12000000);
  add_sample (&run, 1000000, 1, 12ull << 30, 100 << 20);
  add_sample (&run, 6200000000, 240000000, 9ull << 30, 2ull << 30);
  test_run_get_data (&run, &data);

  assert_describes (LL_CHART_CAPACITY, &data,
                    "3 reallocations; last: 238 M elements, capacity 268 M, 2.00 GiB, "
                    "+213.62 MiB; now 240 M elements");
  assert_describes (LL_CHART_GROWTH, &data,
                    "3 reallocations; last: +213.62 MiB at 238 M elements");
  assert_describes (LL_CHART_TIME, &data,
                    "3 reallocations took 57.0 ms; slowest: 45.0 ms at 5 elements; "
                    "last: 12.0 ms");
  assert_describes (LL_CHART_MEMORY, &data,
                    "After 6.20 s: 9.00 GiB available (12.00 GiB at the start), "
                    "the process 2.00 GiB resident");

  test_run_clear (&run);
}

/* One reallocation is one; a list that has not grown yet says where it is. */
static void
test_singular_and_start (void)
{
  TestRun run;
  LlChartData data;

  test_run_init (&run, 1, 1);
  run.counters.start_length = run.counters.end_length = 20000000;
  run.counters.start_capacity = run.counters.end_capacity = 20000000;
  test_run_get_data (&run, &data);
  assert_describes (LL_CHART_CAPACITY, &data,
                    "No reallocation yet; 20.0 M elements in a capacity of 20.0 M");
  assert_describes (LL_CHART_GROWTH, &data, "No reallocations");

  add_event (&run, 20000001, 20000000, 22500004, 1000);
  test_run_get_data (&run, &data);
  assert_describes (LL_CHART_GROWTH, &data, "1 reallocation; last: +19.07 MiB at 20.0 M elements");
  /* (the list ends at that reallocation's length: no "now") */
  run.counters.end_length = 20000001;
  run.counters.end_capacity = 22500004;
  test_run_get_data (&run, &data);
  assert_describes (LL_CHART_CAPACITY, &data,
                    "1 reallocation; last: 20.0 M elements, capacity 22.5 M, 171.66 MiB, +19.07 MiB");

  test_run_clear (&run);
}

/* A simulation: what its empty charts say. Several runs: each by name. */
static void
test_simulated_and_overlay (void)
{
  TestRun real, simulated;
  LlChartSeries series[2];
  LlChartData data;

  test_run_init (&simulated, 1, 1);
  add_event (&simulated, 1, 0, 4, 0);
  add_event (&simulated, 5, 4, 8, 0);
  test_run_get_data (&simulated, &data);
  assert_describes (LL_CHART_TIME, &data, "No timings: a simulation allocates nothing");
  assert_describes (LL_CHART_MEMORY, &data, "No free memory: a simulation allocates nothing");
  series[1] = simulated.series;
  series[1].name = "Doubling";

  test_run_init (&real, 1, 1);
  add_event (&real, 1, 0, 4, 1000);
  add_sample (&real, 1000000, 1, 1ull << 30, 1 << 20);
  test_run_get_data (&real, &data);
  series[0] = real.series;
  series[0].name = "CPython";

  ll_chart_data_init (&data, series, 2);
  assert_describes (LL_CHART_GROWTH, &data,
                    "CPython: 1 reallocation; last: +32 B at 1 element. "
                    "Doubling: 2 reallocations; last: +32 B at 5 elements");
  /* Only the runs the chart draws. */
  assert_describes (LL_CHART_TIME, &data,
                    "CPython: 1 reallocation took 1.0 µs; slowest: 1.0 µs at 1 element; "
                    "last: 1.0 µs");

  test_run_clear (&real);
  test_run_clear (&simulated);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/summary/empty", test_empty);
  g_test_add_func ("/chart/summary/run", test_run);
  g_test_add_func ("/chart/summary/singular-and-start", test_singular_and_start);
  g_test_add_func ("/chart/summary/simulated-and-overlay", test_simulated_and_overlay);

  ret = g_test_run ();

  return ret;
}
