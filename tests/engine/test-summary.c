/* test-summary.c — a run's settings and results as label/value rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ll-summary.h"

static const char *
value_of (GPtrArray  *rows,
          const char *id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const LlSummaryRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->id, id))
        return row->value;
    }
  return NULL;
}

static void
test_summary_settings (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  LlRunConfig config;

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_FIXED);
  config.policy.increment = 1000;
  config.element = LL_ELEMENT_BOXED;
  config.initial_length = 20000000;
  config.target = 10000000000;
  config.target_units = LL_UNITS_SI;
  rows = ll_summary_settings_rows (&config, 1 << 30, LL_UNITS_IEC);

  g_assert_cmpstr (value_of (rows, "policy"), ==, "Fixed increment, +1,000 elements");
  g_assert_cmpstr (value_of (rows, "source"), ==, "capacity + increment");
  g_assert_cmpstr (value_of (rows, "element"), ==, "Boxed integers");
  g_assert_cmpstr (value_of (rows, "mechanism"), ==, "realloc");
  g_assert_cmpstr (value_of (rows, "initial-length"), ==, "20,000,000");
  g_assert_null (value_of (rows, "batch"));
  g_assert_cmpstr (value_of (rows, "target"), ==, "10.00 GB");
  g_assert_cmpstr (value_of (rows, "reserve"), ==, "1.00 GiB");
  g_clear_pointer (&rows, g_ptr_array_unref);

  ll_policy_init (&config.policy, LL_POLICY_CUSTOM);
  config.batch = 7;
  config.target_kind = LL_TARGET_TOTAL_BYTES;
  config.target_units = LL_UNITS_IEC;
  config.target = G_GUINT64_CONSTANT (2) << 30;
  rows = ll_summary_settings_rows (&config, 0, LL_UNITS_SI);
  g_assert_cmpstr (value_of (rows, "policy"), ==, "Custom: ×1.5 + 0, rounded to 1");
  g_assert_cmpstr (value_of (rows, "batch"), ==, "7");
  g_assert_cmpstr (value_of (rows, "target"), ==, "2.00 GiB in all (container + objects)");
  g_assert_cmpstr (value_of (rows, "reserve"), ==, "0 B");
}

/* The notebook's list after its first append, grown from empty. */
static void
test_summary_results (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  LlHistoryCounters counters = { 0 };
  LlEngineStatus status = { 0 };
  LlRunConfig config;

  ll_run_config_init (&config);
  status.state = LL_ENGINE_FINISHED;
  status.length = 20000001;
  status.capacity = 22500004;
  status.container_bytes = 56 + 8 * status.capacity;
  status.objects_bytes = 32;
  status.elapsed_ns = 100000000;
  status.start_available_bytes = G_GUINT64_CONSTANT (8) << 30;
  counters.n_events = 1;
  counters.n_moved = 1;
  counters.bytes_copied = 0;
  counters.slowest.realloc_ns = 460853;

  rows = ll_summary_result_rows (&config, &status, &counters, G_GUINT64_CONSTANT (7) << 30,
                                 LL_UNITS_IEC);
  g_assert_cmpstr (value_of (rows, "length"), ==, "20,000,001");
  g_assert_cmpstr (value_of (rows, "capacity"), ==, "22,500,004");
  g_assert_cmpstr (value_of (rows, "container"), ==, "171.66 MiB");
  g_assert_cmpstr (value_of (rows, "slack"), ==, "19.07 MiB (11.1 %)");
  g_assert_cmpstr (value_of (rows, "reallocations"), ==, "1");
  g_assert_cmpstr (value_of (rows, "moved"), ==, "1 (0 B copied)");
  g_assert_cmpstr (value_of (rows, "elapsed"), ==, "100 ms");
  /* 20,000,001 appends of 8-byte slots in 0.1 s */
  g_assert_cmpstr (value_of (rows, "rate"), ==, "200 M (1.6 GB/s)");
  g_assert_cmpstr (value_of (rows, "slowest"), ==, "461 µs");
  /* The notebook's next reallocation: 193.119 MB, 21.458 MB added. */
  g_assert_cmpstr (value_of (rows, "next-growth"), ==, "22,500,005 elements");
  g_assert_cmpstr (value_of (rows, "next-capacity"), ==, "25,312,508 (21.46 MiB more)");
  g_assert_cmpstr (value_of (rows, "available"), ==, "7.00 GiB");
  g_assert_cmpstr (value_of (rows, "available-start"), ==, "8.00 GiB");
}

/* A run that did nothing yet (an empty list, stopped at once): no slack
 * to share out, no rate, no slowest reallocation, and nothing undefined. */
static void
test_summary_nothing_yet (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  LlHistoryCounters counters = { 0 };
  LlEngineStatus status = { 0 };
  LlRunConfig config;

  ll_run_config_init (&config);
  status.state = LL_ENGINE_FINISHED;
  status.container_bytes = 56;

  rows = ll_summary_result_rows (&config, &status, &counters, 0, LL_UNITS_IEC);
  g_assert_cmpstr (value_of (rows, "length"), ==, "0");
  g_assert_cmpstr (value_of (rows, "slack"), ==, "0 B (0.0 %)");
  g_assert_cmpstr (value_of (rows, "elapsed"), ==, "0 ns");
  g_assert_cmpstr (value_of (rows, "rate"), ==, "0 (0 B/s)");
  g_assert_cmpstr (value_of (rows, "slowest"), ==, "—");
  /* list_resize () of an empty list: 4 slots for its first element. */
  g_assert_cmpstr (value_of (rows, "next-growth"), ==, "1 element");
  g_assert_cmpstr (value_of (rows, "next-capacity"), ==, "4 (32 B more)");
  g_ptr_array_unref (rows);

  /* A list that can hold no more: no growth to come. */
  status.length = status.capacity = G_MAXUINT64;
  rows = ll_summary_result_rows (&config, &status, &counters, 0, LL_UNITS_IEC);
  g_assert_cmpstr (value_of (rows, "next-growth"), ==, "—");
  g_assert_cmpstr (value_of (rows, "next-capacity"), ==, "—");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary/settings", test_summary_settings);
  g_test_add_func ("/summary/results", test_summary_results);
  g_test_add_func ("/summary/nothing-yet", test_summary_nothing_yet);

  return g_test_run ();
}
