/* test-engine-grow.c — the engine thread: the list it grows, the reserve it keeps,
 * the memory it could not get
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <string.h>
#include <sys/resource.h>

#include "engine-run-test.h"
#include "ll-fit.h"
#include "ll-growth.h"
#include "ll-output.h"

ENGINE_TEST_SMALL_QUARANTINE

/* A real run makes exactly the simulated reallocations, for every
 * mechanism and element model, and holds what it should. */
static void
test_run_matches_simulation (void)
{
  static const LlPolicyKind kinds[] = {
    LL_POLICY_CPYTHON, LL_POLICY_CPYTHON_38, LL_POLICY_DOUBLE, LL_POLICY_MSVC,
    LL_POLICY_JAVA, LL_POLICY_GO, LL_POLICY_RUST, LL_POLICY_DOTNET,
    LL_POLICY_FIXED, LL_POLICY_CUSTOM,
  };
  g_autoptr(GArray) policies = g_array_new (FALSE, TRUE, sizeof (LlPolicy));
  guint64 target = under_valgrind () ? 1 * MiB : 4 * MiB;
  TestProbe probe;
  guint n_runs = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    add_policy (policies, kinds[k]);

  test_probe_init (&probe, 1024 * GiB);

  for (guint p = 0; p < policies->len; p++)
    for (LlMechanism m = LL_MECHANISM_REALLOC; m < LL_N_MECHANISMS; m++)
      for (LlElement e = LL_ELEMENT_SHARED; e < LL_N_ELEMENTS; e++)
        {
          g_autoptr(LlEngine) engine = NULL;
          LlRunConfig config;
          LlEngineStatus status;

          test_config_init (&config, &probe);
          config.policy = g_array_index (policies, LlPolicy, p);
          config.mechanism = m;
          config.element = e;
          /* Boxed objects take four times the slots. */
          config.target = e == LL_ELEMENT_BOXED ? target / 4 : target;

          engine = run_engine (&config);
          ll_engine_get_status (engine, &status);
          g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);
          g_assert_null (ll_engine_get_error (engine));
          g_assert_cmpuint (status.container_bytes, >=, config.target);
          g_assert_cmpuint (check_events (engine, TRUE), >, 0);
          check_samples (engine);
          check_values (engine, p == 0 ? 1 : 4099);
          n_runs++;
        }

  g_test_message ("%u real runs matched their simulation", n_runs);
}

/* Initial lengths, extends and the other target kinds. */
static void
test_run_kinds (void)
{
  static const RunCase runs[] = {
    { LL_POLICY_CPYTHON, LL_MECHANISM_REALLOC, LL_ELEMENT_BOXED, 100000, 1,
      LL_TARGET_CONTAINER_BYTES, 4 * MiB },
    { LL_POLICY_CPYTHON, LL_MECHANISM_MREMAP, LL_ELEMENT_BOXED, 0, 1,
      LL_TARGET_TOTAL_BYTES, 16 * MiB + 12345 },
    { LL_POLICY_CPYTHON, LL_MECHANISM_COPY, LL_ELEMENT_INT64, 3, 7,
      LL_TARGET_ELEMENTS, 1000003 },
    { LL_POLICY_CPYTHON, LL_MECHANISM_REALLOC, LL_ELEMENT_SHARED, 20000, 1000,
      LL_TARGET_CONTAINER_BYTES, 8 * MiB },
    { LL_POLICY_DOUBLE, LL_MECHANISM_COPY, LL_ELEMENT_BOXED, 77777, 13,
      LL_TARGET_TOTAL_BYTES, 24 * MiB },
    { LL_POLICY_GO, LL_MECHANISM_MREMAP, LL_ELEMENT_INT32, 1, 3,
      LL_TARGET_ELEMENTS, 2000000 },
    { LL_POLICY_JAVA, LL_MECHANISM_REALLOC, LL_ELEMENT_INT64, 0, 100000,
      LL_TARGET_ELEMENTS, 1234567 },
    /* Starts past its target: stops at once with the initial list. */
    { LL_POLICY_CPYTHON, LL_MECHANISM_REALLOC, LL_ELEMENT_INT64, 300000, 1,
      LL_TARGET_CONTAINER_BYTES, 1 * MiB },
    { LL_POLICY_RUST, LL_MECHANISM_MREMAP, LL_ELEMENT_BOXED, 1000, 1,
      LL_TARGET_ELEMENTS, 1000 },
  };
  TestProbe probe;

  test_probe_init (&probe, 1024 * GiB);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autoptr(LlEngine) engine = NULL;
      LlRunConfig config;
      LlEngineStatus status;
      LlHistoryCounters counters;
      guint64 length, capacity;

      test_config_init (&config, &probe);
      run_case_apply (&runs[i], &config);

      engine = run_engine (&config);
      ll_engine_get_status (engine, &status);
      g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);
      check_events (engine, TRUE);
      check_samples (engine);
      check_values (engine, 1);

      ll_run_config_estimate_peak (&config, &length, &capacity);
      g_assert_cmpuint (status.length, ==, length);
      g_assert_cmpuint (status.capacity, ==, capacity);

      /* The history knows where the list started and where it ended. */
      ll_history_get_counters (ll_engine_get_history (engine), &counters);
      g_assert_cmpuint (counters.start_length, ==, runs[i].initial);
      g_assert_cmpuint (counters.start_capacity, ==,
                        ll_policy_initial_capacity (&config.policy, runs[i].initial));
      g_assert_cmpuint (counters.end_length, ==, status.length);
      g_assert_cmpuint (counters.end_capacity, ==, status.capacity);
      if (runs[i].kind == LL_TARGET_ELEMENTS)
        g_assert_cmpuint (status.length, ==, MAX (runs[i].target, runs[i].initial));
    }
}

/* Huge pages only change how the memory is mapped. */
static void
test_run_huge_pages (void)
{
  g_autoptr(LlEngine) engine = NULL;
  LlRunConfig config;
  TestProbe probe;

  test_probe_init (&probe, 1024 * GiB);
  test_config_init (&config, &probe);
  config.mechanism = LL_MECHANISM_MREMAP;
  config.element = LL_ELEMENT_BOXED;
  config.huge_pages = TRUE;
  config.target = 16 * MiB;

  engine = run_engine (&config);
  check_events (engine, TRUE);
  check_values (engine, 1);
}

/* Available memory drops during the run: the engine stops before eating
 * into the reserve, and keeps the list. */
static void
test_reserve_drop (void)
{
  g_autoptr(LlEngine) engine = NULL;
  LlRunConfig config;
  LlEngineStatus status;
  TestProbe probe;
  gint64 start, latency;

  test_probe_init (&probe, 1024 * GiB);
  test_config_init (&config, &probe);
  config.element = LL_ELEMENT_BOXED;
  config.target = 100 * G_GUINT64_CONSTANT (1000000000);
  config.reserve_bytes = 1 * GiB;
  config.sample_hz = 100;

  engine = start_engine (&config);
  wait_for_length (engine, 1000000);

  start = g_get_monotonic_time ();
  __atomic_store_n (&probe.available, 1 * GiB + 1 * MiB, __ATOMIC_RELAXED);
  ll_engine_join (engine);
  latency = g_get_monotonic_time () - start;

  ll_engine_get_status (engine, &status);
  g_test_message ("stopped at %" G_GUINT64_FORMAT " elements in %" G_GINT64_FORMAT " µs",
                  status.length, latency);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_RESERVE);
  g_assert_cmpint (latency, <, time_limit_us (200000));
  g_assert_cmpuint (status.reserve_bytes, ==, 1 * GiB);
  g_assert_null (ll_engine_get_error (engine));
  check_events (engine, FALSE);
  check_samples (engine);
  check_values (engine, 1);
}

/* The bytes the growth after @status's would make resident, as the engine
 * counts them: the slots up to the next capacity, and when the growth
 * copies the whole new block beside the old one. A sanitizer's or
 * valgrind's realloc () always copies; glibc's grows a block on a mapping
 * of its own with mremap, and blocks under 32 MiB are on the heap (the
 * threshold ll-allocator.c sets), where growing may copy. */
static guint64
next_growth_need (const LlRunConfig    *config,
                  const LlEngineStatus *status)
{
  LlRunConfig next = *config;
  LlGrowth growth;
  LlGrowthStep step;

  next.initial_length = 0;
  ll_growth_init (&growth, &next);
  do
    g_assert_true (ll_growth_next (&growth, &step));
  while (!step.realloc || step.new_capacity <= status->capacity);

  switch (ll_run_config_get_mechanism (config))
    {
    case LL_MECHANISM_COPY:
      return step.new_capacity * 8;
    case LL_MECHANISM_REALLOC:
#ifdef UNDER_ASAN
      return step.new_capacity * 8;
#else
      if (under_valgrind () || status->capacity * 8 < 32 * MiB)
        return step.new_capacity * 8;
      break;
#endif
    default:
      break;
    }
  return (step.new_capacity - status->length) * 8;
}

/* A probe that sees the process grow, as the real one does: the run stops
 * once the next growth would not fit, well before the target. The process's
 * RSS also moves with what other threads and the allocator do, so the run
 * is judged by the figures the probe gave the engine. */
static void
test_reserve_growth (void)
{
  static const LlMechanism mechanisms[] = {
    LL_MECHANISM_REALLOC, LL_MECHANISM_COPY, LL_MECHANISM_MREMAP,
  };

  for (guint i = 0; i < G_N_ELEMENTS (mechanisms); i++)
    {
      g_autoptr(LlEngine) engine = NULL;
      LlRunConfig config;
      LlEngineStatus status;
      TestProbe probe;
      guint64 lowest, last, need;

      test_probe_init (&probe, 2 * GiB + 32 * MiB);
      probe.follow_rss = TRUE;
      test_config_init (&config, &probe);
      config.mechanism = mechanisms[i];
      config.element = LL_ELEMENT_INT64;
      config.target = 1 * GiB;
      config.reserve_bytes = 2 * GiB;

      engine = run_engine (&config);
      ll_engine_get_status (engine, &status);
      lowest = __atomic_load_n (&probe.lowest, __ATOMIC_RELAXED);
      last = __atomic_load_n (&probe.last, __ATOMIC_RELAXED);
      need = next_growth_need (&config, &status);
      g_test_message ("%s: stopped at %" G_GUINT64_FORMAT " elements; the probe said "
                      "%.1f MiB above the reserve at least, %.1f MiB last; "
                      "the next growth needs %.1f MiB",
                      ll_mechanism_to_string (mechanisms[i]), status.length,
                      ((double) lowest - 2.0 * GiB) / MiB, ((double) last - 2.0 * GiB) / MiB,
                      need / (double) MiB);
      g_assert_cmpint (status.stop_reason, ==, LL_STOP_RESERVE);
      g_assert_cmpuint (status.length, >, 0);
      g_assert_cmpuint (status.length * 8, <, config.target);
      /* The reserve held: the engine looks at free memory every chunk of
       * 256 Ki slots, 2 MiB, so it can be that far off either way. */
      if (!under_valgrind ())
        g_assert_cmpuint (lowest + 2 * MiB, >=, config.reserve_bytes);
      /* And the run went as far as it could: the next growth did not fit
       * in what the probe reported when the engine stopped (or later, when
       * the allocator had given memory back). */
      /* (valgrind runs one thread at a time: the sampler's figures lag.) */
      if (!under_valgrind ())
        g_assert_cmpuint (lowest, <, config.reserve_bytes + need + 2 * MiB);
      check_events (engine, FALSE);
      check_values (engine, 1);
    }
}

/* The growth that reaches the target is written only to its length: a
 * run stops at the reserve for the slack it will never write no more
 * than the fit check does, which says the target fits. A policy that
 * doubles, so the slack is as large as the list: the probe leaves room
 * for the list and half the slack. */
static void
test_reserve_last_growth (void)
{
  g_autoptr(LlEngine) engine = NULL;
  LlRunConfig config;
  LlEngineStatus status;
  TestProbe probe;
  LlGrowth growth;
  LlGrowthStep step, last = { 0 };
  LlMemInfo info;
  LlFit fit;
  guint64 written, slack;

  test_probe_init (&probe, 0);
  probe.follow_rss = TRUE;
  test_config_init (&config, &probe);
  config.policy.kind = LL_POLICY_CUSTOM;
  config.policy.factor = 2.0;
  config.policy.constant = 0;
  config.policy.round = 1;
  config.mechanism = LL_MECHANISM_MREMAP;
  config.element = LL_ELEMENT_INT64;
  config.target = 64 * MiB;
  config.reserve_bytes = 1 * GiB;

  ll_growth_init (&growth, &config);
  while (ll_growth_next (&growth, &step))
    if (step.realloc)
      last = step;
  written = last.length * 8;
  slack = (last.new_capacity - last.length) * 8;
  g_assert_cmpuint (slack, >=, 24 * MiB);
  probe.available = config.reserve_bytes + written + slack / 2;

  info.total_bytes = probe.total;
  info.available_bytes = probe.available;
  info.cgroup_limit_bytes = LL_NO_LIMIT;
  info.cgroup_usage_bytes = 0;
  ll_fit_plan (&fit, &config, &info, 0);
  g_assert_true (fit.fits);

  engine = run_engine (&config);
  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);
  g_assert_cmpuint (status.length, ==, last.length);
  g_assert_cmpuint (status.capacity, ==, last.new_capacity);
  check_events (engine, FALSE);
  check_values (engine, 1);

  /* With room for less than the list, it stops before that growth. */
  g_clear_pointer (&engine, ll_engine_unref);
  probe.available = config.reserve_bytes + written - slack / 2;
  probe.rss_base = ll_mem_process_rss ();
  probe.lowest = G_MAXUINT64;
  engine = run_engine (&config);
  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_RESERVE);
  g_assert_cmpuint (status.capacity, <, last.new_capacity);
}

/* Not even the start fits. */
static void
test_reserve_at_start (void)
{
  g_autoptr(LlEngine) engine = NULL;
  LlRunConfig config;
  LlEngineStatus status;
  TestProbe probe;

  test_probe_init (&probe, 600 * MiB);
  test_config_init (&config, &probe);
  config.initial_length = 20000000;
  config.reserve_bytes = LL_RESERVE_DEFAULT;  /* 5 % of 64 GiB */

  engine = run_engine (&config);
  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_RESERVE);
  g_assert_cmpuint (status.length, ==, 0);
  g_assert_cmpuint (status.reserve_bytes, ==, 64 * GiB / 20);
  g_assert_cmpuint (status.start_available_bytes, ==, 600 * MiB);
  g_assert_cmpuint (check_events (engine, FALSE), ==, 0);
}

/* A failed allocation ends the run cleanly with everything so far kept.
 * In a child process whose address space is capped. */
static void
test_no_memory_child (LlMechanism mechanism,
                      LlElement   element)
{
  g_autoptr(LlEngine) engine = NULL;
  g_autofree char *status_text = NULL;
  LlRunConfig config;
  LlEngineStatus status;
  TestProbe probe;
  struct rlimit limit, unlimited;
  const char *vm;
  guint64 vm_size;
  const GError *error;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status_text, NULL, NULL));
  vm = strstr (status_text, "VmSize:");
  g_assert_nonnull (vm);
  vm_size = g_ascii_strtoull (vm + strlen ("VmSize:"), NULL, 10) * 1024;

  test_probe_init (&probe, 1024 * GiB);
  probe.rss_limit = 0;
  test_config_init (&config, &probe);
  ll_policy_init (&config.policy, mechanism == LL_MECHANISM_COPY ? LL_POLICY_DOUBLE
                                                                 : LL_POLICY_CPYTHON);
  config.mechanism = mechanism;
  config.element = element;
  config.target = 4 * GiB;
  engine = ll_engine_new (&config, NULL);

  /* Room for two thread stacks and some list; one malloc arena for all
   * threads keeps the room each thread takes predictable. */
  mallopt (M_ARENA_MAX, 1);
  g_assert_no_errno (getrlimit (RLIMIT_AS, &limit));
  unlimited = limit;
  limit.rlim_cur = vm_size + 128 * MiB;
  g_assert_no_errno (setrlimit (RLIMIT_AS, &limit));

  ll_engine_start (engine);
  ll_engine_join (engine);
  /* The checks below copy the history: not under the cap the list filled. */
  g_assert_no_errno (setrlimit (RLIMIT_AS, &unlimited));

  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_FINISHED);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_NO_MEMORY);
  error = ll_engine_get_error (engine);
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_NO_MEMORY);
  g_assert_cmpuint (status.length, >, 1000000);
  g_assert_cmpuint (check_events (engine, FALSE), >, 5);
  check_values (engine, 1);
  printf ("stopped at %" G_GUINT64_FORMAT " elements: %s\n", status.length, error->message);
}

static void
test_no_memory (gconstpointer data)
{
  LlMechanism mechanism = GPOINTER_TO_INT (data) & 0xff;
  LlElement element = GPOINTER_TO_INT (data) >> 8;

#ifdef UNDER_ASAN
  g_test_skip ("A capped address space and the address sanitizer do not mix");
  return;
#endif
  /* valgrind's own memory grows with the list inside the same limit, so
   * any allocation may be the one that fails: engine-faults fails each of
   * the engine's in turn under valgrind instead. */
  if (under_valgrind ())
    {
      g_test_skip ("A capped address space and valgrind's own memory do not mix");
      return;
    }

  if (g_test_subprocess ())
    {
      test_no_memory_child (mechanism, element);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  /* Boxed: the next 64 MiB arena of objects is what does not fit. */
  if (element == LL_ELEMENT_BOXED)
    g_test_trap_assert_stdout ("*stopped at*Could not allocate 64.00 MiB more for the element "
                               "objects*The list so far is kept.*");
  else
    g_test_trap_assert_stdout ("*stopped at*Could not grow the list to*The list so far is kept.*");
}

int
main (int    argc,
      char **argv)
{
  engine_test_init (&argc, &argv);

  g_test_add_func ("/engine-grow/run/matches-simulation", test_run_matches_simulation);
  g_test_add_func ("/engine-grow/run/kinds", test_run_kinds);
  g_test_add_func ("/engine-grow/run/huge-pages", test_run_huge_pages);
  g_test_add_func ("/engine-grow/reserve/drop", test_reserve_drop);
  g_test_add_func ("/engine-grow/reserve/growth", test_reserve_growth);
  g_test_add_func ("/engine-grow/reserve/at-start", test_reserve_at_start);
  g_test_add_func ("/engine-grow/reserve/last-growth", test_reserve_last_growth);
  g_test_add_data_func ("/engine-grow/no-memory/realloc",
                        GINT_TO_POINTER (LL_MECHANISM_REALLOC | LL_ELEMENT_INT64 << 8),
                        test_no_memory);
  g_test_add_data_func ("/engine-grow/no-memory/copy",
                        GINT_TO_POINTER (LL_MECHANISM_COPY | LL_ELEMENT_SHARED << 8),
                        test_no_memory);
  g_test_add_data_func ("/engine-grow/no-memory/mremap",
                        GINT_TO_POINTER (LL_MECHANISM_MREMAP | LL_ELEMENT_INT32 << 8),
                        test_no_memory);
  g_test_add_data_func ("/engine-grow/no-memory/arena",
                        GINT_TO_POINTER (LL_MECHANISM_MREMAP | LL_ELEMENT_BOXED << 8),
                        test_no_memory);

  return g_test_run ();
}
