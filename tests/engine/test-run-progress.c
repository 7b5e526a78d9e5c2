/* test-run-progress.c — how far a run came, how fast, and the sentence
 * that says how it ended
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "engine-test.h"
#include "ll-run-private.h"

#define MS (G_GUINT64_CONSTANT (1000000))

static void
config_for (LlRunConfig  *config,
            LlTargetKind  kind,
            guint64       target,
            LlUnits       units)
{
  ll_run_config_init (config);
  config->target_kind = kind;
  config->target = target;
  config->target_units = units;
  config->mem_probe = big_machine;
  config->reserve_bytes = 0;
}

/* A run read back as it ended: @status's figures, no events. */
static LlRun *
saved_run (const LlRunConfig    *config,
           const LlEngineStatus *status,
           const char           *error_message)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(GError) error = NULL;
  LlRun *run;

  run = ll_run_new_saved (LL_RUN_REAL, config, NULL, history, status, error_message, &error);
  g_assert_no_error (error);
  g_assert_nonnull (run);

  return run;
}

static LlEngineStatus
stopped (LlStopReason reason,
         guint64      length,
         guint64      elapsed_ns)
{
  LlEngineStatus status = { 0 };

  status.state = LL_ENGINE_RELEASED;
  status.stop_reason = reason;
  status.length = length;
  status.capacity = length;
  status.container_bytes = 56 + 8 * length;
  status.elapsed_ns = elapsed_ns;
  status.limit_bytes = LL_NO_LIMIT;

  return status;
}

/* A run going on, frame by frame: @run's figures as its engine (or its
 * simulation) would give them now. */
static void
set_running (LlRun   *run,
             guint64  length,
             guint64  elapsed_ns)
{
  run->saved = TRUE;
  run->saved_status.limit_bytes = LL_NO_LIMIT;
  run->saved_status.state = LL_ENGINE_RUNNING;
  run->saved_status.stop_reason = LL_STOP_NONE;
  run->saved_status.length = length;
  run->saved_status.capacity = length;
  run->saved_status.container_bytes = 56 + 8 * length;
  run->saved_status.elapsed_ns = elapsed_ns;
}

/* The fraction counts what the target counts: elements, the container's
 * bytes, or the container and its objects. */
static void
test_fraction_per_target (void)
{
  LlRunConfig config;
  LlEngineStatus status;

  {
    g_autoptr(LlRun) run = NULL;

    config_for (&config, LL_TARGET_ELEMENTS, 1000000, LL_UNITS_SI);
    status = stopped (LL_STOP_CANCELLED, 250000, 1000);
    run = saved_run (&config, &status, NULL);
    g_assert_cmpfloat (ll_run_get_fraction (run), ==, 0.25);
  }
  {
    g_autoptr(LlRun) run = NULL;

    config_for (&config, LL_TARGET_CONTAINER_BYTES, 8000056, LL_UNITS_SI);
    status = stopped (LL_STOP_CANCELLED, 500000, 1000);
    run = saved_run (&config, &status, NULL);
    /* 56 + 8 × 500,000 bytes of 8,000,056 */
    g_assert_cmpfloat_with_epsilon (ll_run_get_fraction (run), 4000056.0 / 8000056.0, 1e-15);
  }
  {
    g_autoptr(LlRun) run = NULL;

    config_for (&config, LL_TARGET_TOTAL_BYTES, 10000000, LL_UNITS_SI);
    status = stopped (LL_STOP_CANCELLED, 500000, 1000);
    status.objects_bytes = 1000000 - 56;
    run = saved_run (&config, &status, NULL);
    /* (4,000,056 + 999,944) of 10,000,000 */
    g_assert_cmpfloat (ll_run_get_fraction (run), ==, 0.5);
  }
}

/* A run that reached its target is whole, though its last growth may stop
 * a little short of the target's exact bytes; nothing goes past whole. */
static void
test_fraction_bounds (void)
{
  LlRunConfig config;
  LlEngineStatus status;

  {
    g_autoptr(LlRun) run = NULL;

    config_for (&config, LL_TARGET_CONTAINER_BYTES, 10 * GiB, LL_UNITS_IEC);
    status = stopped (LL_STOP_TARGET, GiB, 1000);
    run = saved_run (&config, &status, NULL);
    g_assert_cmpfloat (ll_run_get_fraction (run), ==, 1.0);
  }
  {
    g_autoptr(LlRun) run = NULL;

    /* … its list still held */
    config_for (&config, LL_TARGET_CONTAINER_BYTES, 10 * GiB, LL_UNITS_IEC);
    run = ll_run_new (LL_RUN_REAL, &config, NULL);
    set_running (run, GiB, 1000);
    run->saved_status.state = LL_ENGINE_FINISHED;
    run->saved_status.stop_reason = LL_STOP_TARGET;
    g_assert_cmpfloat (ll_run_get_fraction (run), ==, 1.0);
  }
  {
    g_autoptr(LlRun) run = NULL;

    config_for (&config, LL_TARGET_ELEMENTS, 1000, LL_UNITS_SI);
    status = stopped (LL_STOP_CANCELLED, 5000, 1000);
    run = saved_run (&config, &status, NULL);
    g_assert_cmpfloat (ll_run_get_fraction (run), ==, 1.0);
  }
}

/* An ended run's rate is its appends over its whole time, counting only
 * what was appended to list(range(n)); it has nothing left to wait for. */
static void
test_rate_of_an_ended_run (void)
{
  LlRunConfig config;
  LlEngineStatus status;
  LlRunProgress progress;

  {
    g_autoptr(LlRun) run = NULL;

    config_for (&config, LL_TARGET_ELEMENTS, 40000000, LL_UNITS_SI);
    config.initial_length = 20000000;
    status = stopped (LL_STOP_TARGET, 40000000, G_GUINT64_CONSTANT (250000000));
    run = saved_run (&config, &status, NULL);
    ll_run_get_progress (run, &progress);
    g_assert_cmpfloat (progress.fraction, ==, 1.0);
    /* 20,000,000 appends in 0.25 s */
    g_assert_cmpfloat (progress.appends_per_second, ==, 80e6);
    g_assert_cmpuint (progress.eta_ns, ==, G_MAXUINT64);
  }
  {
    g_autoptr(LlRun) run = NULL;

    /* Stopped before any time passed: no rate to tell. */
    config_for (&config, LL_TARGET_ELEMENTS, 1000, LL_UNITS_SI);
    status = stopped (LL_STOP_CANCELLED, 0, 0);
    run = saved_run (&config, &status, NULL);
    ll_run_get_progress (run, &progress);
    g_assert_cmpfloat (progress.fraction, ==, 0.0);
    g_assert_cmpfloat (progress.appends_per_second, ==, -1);
    g_assert_cmpuint (progress.eta_ns, ==, G_MAXUINT64);
  }
}

/* A run not started has come no way, at no rate, and does not know yet
 * where it will end (that is estimated once it starts). */
static void
test_not_started (void)
{
  g_autoptr(LlRun) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  LlRunConfig config;
  LlRunProgress progress;

  config_for (&config, LL_TARGET_ELEMENTS, 1000000, LL_UNITS_SI);
  run = ll_run_new (LL_RUN_REAL, &config, &error);
  g_assert_no_error (error);

  ll_run_get_progress (run, &progress);
  g_assert_cmpuint (progress.final_length, ==, 0);
  g_assert_cmpfloat (progress.fraction, ==, 0.0);
  g_assert_cmpfloat (progress.appends_per_second, ==, -1);
  g_assert_cmpuint (progress.eta_ns, ==, G_MAXUINT64);

  why = ll_run_dup_stop_message (run, LL_UNITS_SI);
  g_assert_cmpstr (why, ==, "Not started");
}

/* While a run goes on: the fraction of the way to its estimated end, the
 * appends per second measured over half a second of its own clock and
 * smoothed (half the last, half the one before), and the time left at
 * that rate. */
static void
test_running (void)
{
  g_autoptr(LlRun) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  LlRunConfig config;
  LlRunProgress p;

  /* list(range(1_000)), then appends toward 1,001,000 elements */
  config_for (&config, LL_TARGET_ELEMENTS, 1001000, LL_UNITS_SI);
  config.initial_length = 1000;
  run = ll_run_new (LL_RUN_REAL, &config, &error);
  g_assert_no_error (error);
  run->final_length = 1001000;

  set_running (run, 1000, 0);
  why = ll_run_dup_stop_message (run, LL_UNITS_SI);
  g_assert_cmpstr (why, ==, "Growing the list…");
  ll_run_get_progress (run, &p);
  g_assert_cmpfloat (p.fraction, ==, 0.0);
  g_assert_cmpuint (p.final_length, ==, 1001000);
  /* No half second measured yet: no rate, no time left. */
  g_assert_cmpfloat (p.appends_per_second, ==, -1);
  g_assert_cmpuint (p.eta_ns, ==, G_MAXUINT64);

  set_running (run, 101000, 400 * MS);
  ll_run_get_progress (run, &p);
  g_assert_cmpfloat (p.fraction, ==, 0.1);
  g_assert_cmpfloat (p.appends_per_second, ==, -1);
  g_assert_cmpuint (p.eta_ns, ==, G_MAXUINT64);

  /* 250,000 appends in the first 0.5 s: 500,000/s, 750,000 left: 1.5 s */
  set_running (run, 251000, 500 * MS);
  ll_run_get_progress (run, &p);
  g_assert_cmpfloat (p.fraction, ==, 0.25);
  g_assert_cmpfloat (p.appends_per_second, ==, 500000);
  g_assert_cmpuint (p.eta_ns, ==, 1500 * MS);

  /* Within the next half second: the same rate, less left. */
  set_running (run, 351000, 700 * MS);
  ll_run_get_progress (run, &p);
  g_assert_cmpfloat (p.appends_per_second, ==, 500000);
  g_assert_cmpuint (p.eta_ns, ==, 1300 * MS);

  /* 1,000,000/s over the next 0.6 s, smoothed with the first: 750,000/s;
   * 150,000 left: 0.2 s */
  set_running (run, 851000, 1100 * MS);
  ll_run_get_progress (run, &p);
  g_assert_cmpfloat (p.fraction, ==, 0.85);
  g_assert_cmpfloat (p.appends_per_second, ==, 750000);
  g_assert_cmpuint (p.eta_ns, ==, 200 * MS);

  /* A half second without an append (a long first realloc ()): no rate,
   * so no time left to tell; the next half second counts half. */
  {
    g_autoptr(LlRun) stalled = ll_run_new (LL_RUN_REAL, &config, &error);

    stalled->final_length = 1001000;
    set_running (stalled, 1000, 500 * MS);
    ll_run_get_progress (stalled, &p);
    g_assert_cmpfloat (p.appends_per_second, ==, 0);
    g_assert_cmpuint (p.eta_ns, ==, G_MAXUINT64);
    set_running (stalled, 501000, 1000 * MS);
    ll_run_get_progress (stalled, &p);
    g_assert_cmpfloat (p.appends_per_second, ==, 500000);
    g_assert_cmpuint (p.eta_ns, ==, 1000 * MS);
  }

  /* Past the estimate (it was short): whole, and no time left to tell. */
  set_running (run, 1101000, 1700 * MS);
  ll_run_get_progress (run, &p);
  g_assert_cmpfloat (p.fraction, ==, 1.0);
  g_assert_cmpfloat (p.appends_per_second, ==, 0.5 * 750000 + 0.5 * 250000 / 0.6);
  g_assert_cmpuint (p.eta_ns, ==, G_MAXUINT64);
}

/* A simulation being computed says how far toward its target it came,
 * from the worker's figure; never past whole. */
static void
test_simulating (void)
{
  g_autoptr(LlRun) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  LlRunConfig config;

  config_for (&config, LL_TARGET_CONTAINER_BYTES, 8 * MiB, LL_UNITS_IEC);
  run = ll_run_new (LL_RUN_SIMULATED, &config, &error);
  g_assert_no_error (error);
  set_running (run, 0, 0);

  why = ll_run_dup_stop_message (run, LL_UNITS_SI);
  g_assert_cmpstr (why, ==, "Simulating…");
  run->sim_metric = 2 * MiB;
  g_assert_cmpfloat (ll_run_get_fraction (run), ==, 0.25);
  run->sim_metric = 9 * MiB;
  g_assert_cmpfloat (ll_run_get_fraction (run), ==, 1.0);
}

static char *
message_for (LlTargetKind  kind,
             guint64       target,
             LlUnits       target_units,
             LlStopReason  reason,
             const char   *error_message,
             LlUnits       units)
{
  g_autoptr(LlRun) run = NULL;
  LlRunConfig config;
  LlEngineStatus status;

  config_for (&config, kind, target, target_units);
  status = stopped (reason, 1000, 1000);
  status.reserve_bytes = 2 * GiB;
  run = saved_run (&config, &status, error_message);

  return ll_run_dup_stop_message (run, units);
}

/* One sentence for each way a run ends, with the target as the user wrote
 * it and the reserve in the units asked for. */
static void
test_stop_messages (void)
{
  struct {
    LlTargetKind kind;
    guint64 target;
    LlUnits target_units;
    LlStopReason reason;
    const char *error_message;
    LlUnits units;
    const char *expected;
  } cases[] = {
    { LL_TARGET_CONTAINER_BYTES, 10000000000, LL_UNITS_SI, LL_STOP_TARGET, NULL, LL_UNITS_IEC,
      "Reached the target of 10.00 GB" },
    { LL_TARGET_CONTAINER_BYTES, 10 * GiB, LL_UNITS_IEC, LL_STOP_TARGET, NULL, LL_UNITS_SI,
      "Reached the target of 10.00 GiB" },
    { LL_TARGET_ELEMENTS, 40000000, LL_UNITS_SI, LL_STOP_TARGET, NULL, LL_UNITS_SI,
      "Reached the target of 40,000,000 elements" },
    { LL_TARGET_ELEMENTS, 1, LL_UNITS_SI, LL_STOP_TARGET, NULL, LL_UNITS_SI,
      "Reached the target of 1 element" },
    { LL_TARGET_TOTAL_BYTES, 1000000000, LL_UNITS_SI, LL_STOP_TARGET, NULL, LL_UNITS_SI,
      "Reached the target of 1.00 GB in all (container + objects)" },
    { LL_TARGET_ELEMENTS, 1000, LL_UNITS_SI, LL_STOP_CANCELLED, NULL, LL_UNITS_SI,
      "Stopped" },
    { LL_TARGET_ELEMENTS, 1000, LL_UNITS_SI, LL_STOP_RESERVE, NULL, LL_UNITS_IEC,
      "Stopped to keep 2.00 GiB free for the system (memory reserve)" },
    { LL_TARGET_ELEMENTS, 1000, LL_UNITS_SI, LL_STOP_RESERVE, NULL, LL_UNITS_SI,
      "Stopped to keep 2.15 GB free for the system (memory reserve)" },
    { LL_TARGET_ELEMENTS, 1000, LL_UNITS_SI, LL_STOP_NO_MEMORY, "realloc() of 8.00 GiB failed", LL_UNITS_SI,
      "Out of memory: realloc() of 8.00 GiB failed" },
    { LL_TARGET_ELEMENTS, 1000, LL_UNITS_SI, LL_STOP_NO_MEMORY, NULL, LL_UNITS_SI,
      "Out of memory: an allocation failed" },
    { LL_TARGET_ELEMENTS, 1000, LL_UNITS_SI, LL_STOP_FAILED, "No space left on device", LL_UNITS_SI,
      "The run failed: No space left on device" },
    { LL_TARGET_ELEMENTS, 1000, LL_UNITS_SI, LL_STOP_FAILED, NULL, LL_UNITS_SI,
      "The run failed: unknown error" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *why = message_for (cases[i].kind, cases[i].target, cases[i].target_units,
                                          cases[i].reason, cases[i].error_message, cases[i].units);

      g_assert_cmpstr (why, ==, cases[i].expected);
    }
}

/* A run that started from a list at least as large as its target never
 * grew: it says so, rather than that it reached the target. */
static void
test_stop_at_start (void)
{
  struct {
    guint64 initial;
    LlTargetKind kind;
    guint64 target;
    const char *expected;
  } cases[] = {
    { 200000000, LL_TARGET_CONTAINER_BYTES, 1 << 20,
      "The initial list of 200,000,000 elements already reaches the target of 1.00 MiB" },
    { 1, LL_TARGET_ELEMENTS, 1,
      "The initial list of 1 element already reaches the target of 1 element" },
    { 0, LL_TARGET_CONTAINER_BYTES, 40,
      "An empty list already reaches the target of 40 B" },
    { 131064, LL_TARGET_CONTAINER_BYTES, 1 << 20,
      "Reached the target of 1.00 MiB" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LlRun) run = NULL;
      g_autofree char *why = NULL;
      LlRunConfig config;
      LlEngineStatus status;

      config_for (&config, cases[i].kind, cases[i].target, LL_UNITS_IEC);
      config.initial_length = cases[i].initial;
      status = stopped (LL_STOP_TARGET, cases[i].initial, 1000);
      run = saved_run (&config, &status, NULL);
      why = ll_run_dup_stop_message (run, LL_UNITS_SI);
      g_assert_cmpstr (why, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/run-progress/fraction/per-target", test_fraction_per_target);
  g_test_add_func ("/run-progress/fraction/bounds", test_fraction_bounds);
  g_test_add_func ("/run-progress/rate/ended", test_rate_of_an_ended_run);
  g_test_add_func ("/run-progress/not-started", test_not_started);
  g_test_add_func ("/run-progress/running", test_running);
  g_test_add_func ("/run-progress/simulating", test_simulating);
  g_test_add_func ("/run-progress/stop-messages", test_stop_messages);
  g_test_add_func ("/run-progress/stop-at-start", test_stop_at_start);

  return g_test_run ();
}
