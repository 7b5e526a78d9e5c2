/* test-verify.c — the real interpreter against List Lab, and the verdict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ll-policy.h"
#include "ll-run-file.h"
#include "ll-verify.h"

static char *python;

static gboolean
have_python (void)
{
  if (python == NULL)
    {
      g_test_skip ("no python3 on this machine");
      return FALSE;
    }
  return TRUE;
}

static void
config_for (LlRunConfig *config,
            LlElement    element,
            guint64      initial,
            guint64      appends,
            guint64      batch)
{
  ll_run_config_init (config);
  config->element = element;
  config->initial_length = initial;
  config->batch = batch;
  config->target_kind = LL_TARGET_ELEMENTS;
  config->target = initial + appends;
}

/* Several starts and batches, shared and boxed: every reallocation the
 * interpreter makes is List Lab's, at the same length, to the byte. */
static void
test_identical (void)
{
  static const struct
  {
    LlElement element;
    guint64   initial, appends, batch;
  } cases[] = {
    { LL_ELEMENT_SHARED, 0, 300000, 1 },
    { LL_ELEMENT_BOXED, 0, 100000, 1 },
    { LL_ELEMENT_SHARED, 1, 5000, 1 },
    { LL_ELEMENT_SHARED, 7, 20000, 3 },
    { LL_ELEMENT_BOXED, 1000, 50000, 1 },
    { LL_ELEMENT_SHARED, 123457, 100000, 1 },
    { LL_ELEMENT_SHARED, 0, 1000000, 1000 },
    { LL_ELEMENT_BOXED, 10, 10000, 17 },
  };

  if (!have_python ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LlVerify) verify = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *said = NULL;
      LlVerifyVerdict verdict;
      LlRunConfig config;
      gsize n;

      config_for (&config, cases[i].element, cases[i].initial, cases[i].appends, cases[i].batch);
      verify = ll_verify_new (&config, python, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ll_verify_get_length (verify), ==, cases[i].initial + cases[i].appends);
      g_assert_true (ll_verify_run (verify, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (ll_verify_get_fraction (verify), ==, 1.0);
      g_assert_nonnull (ll_verify_get_version (verify));
      ll_verify_get_points (verify, &n);
      g_assert_cmpuint (n, >, 0);

      g_assert_true (ll_verify_compare (verify, &verdict));
      g_assert_cmpuint (verdict.n_compared, ==, n);
      g_assert_cmpuint (verdict.n_identical, ==, n);
      said = ll_verify_describe (&verdict);
      g_test_message ("start %" G_GUINT64_FORMAT ", batch %" G_GUINT64_FORMAT ": CPython %s, %s",
                      cases[i].initial, cases[i].batch, ll_verify_get_version (verify), said);
      g_assert_true (g_str_has_suffix (said, "reallocations identical"));
    }
}

/* The interpreter's run, as the run list shows it: each growth an event
 * equal to the simulation's, its RSS and the free memory in samples; and
 * saved and read back as such. */
static void
test_run (void)
{
  g_autoptr(LlVerify) verify = NULL;
  g_autoptr(LlRun) run = NULL;
  g_autoptr(LlRun) simulated = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(LlHistoryView) expected = ll_history_view_new ();
  g_autoptr(LlRunSnapshot) snapshot = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) read = NULL;
  g_autofree char *short_title = NULL;
  const LlEventBucket *events, *sim_events;
  const LlSampleBucket *samples;
  gsize n_events, n_sim, n_samples, n_points;
  LlRunConfig config;
  LlEngineStatus status;

  if (!have_python ())
    return;

  config_for (&config, LL_ELEMENT_BOXED, 1000, 200000, 1);
  verify = ll_verify_new (&config, python, &error);
  g_assert_no_error (error);
  g_assert_true (ll_verify_run (verify, NULL, &error));
  run = ll_verify_create_run (verify);
  g_assert_nonnull (run);
  g_assert_cmpint (ll_run_get_kind (run), ==, LL_RUN_INTERPRETER);
  g_assert_cmpint (ll_run_get_state (run), ==, LL_ENGINE_FINISHED);
  g_assert_true (g_str_has_prefix (ll_run_get_source (run), "Python 3."));
  short_title = ll_run_dup_short_title (run);
  g_assert_cmpstr (short_title, ==, ll_run_get_source (run));
  g_assert_true (g_str_has_prefix (ll_run_get_title (run), ll_run_get_source (run)));
  ll_run_get_status (run, &status);
  g_assert_cmpuint (status.length, ==, 201000);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);

  simulated = ll_run_new (LL_RUN_SIMULATED, &config, &error);
  g_assert_true (ll_run_simulate (simulated, NULL, NULL, NULL, &error));
  ll_history_view_update (view, ll_run_get_history (run));
  ll_history_view_update (expected, ll_run_get_history (simulated));
  events = ll_history_view_get_events (view, &n_events);
  sim_events = ll_history_view_get_events (expected, &n_sim);
  ll_verify_get_points (verify, &n_points);
  g_assert_cmpuint (n_events, ==, n_points);
  g_assert_cmpuint (n_events, ==, n_sim);
  for (gsize i = 0; i < n_events; i++)
    {
      g_assert_cmpuint (events[i].first.length, ==, sim_events[i].first.length);
      g_assert_cmpuint (events[i].first.old_capacity, ==, sim_events[i].first.old_capacity);
      g_assert_cmpuint (events[i].first.new_capacity, ==, sim_events[i].first.new_capacity);
      g_assert_cmpuint (events[i].first.old_bytes, ==, sim_events[i].first.old_bytes);
      g_assert_cmpuint (events[i].first.new_bytes, ==, sim_events[i].first.new_bytes);
      g_assert_cmpuint (events[i].first.bytes_added, ==, sim_events[i].first.bytes_added);
    }

  samples = ll_history_view_get_samples (view, &n_samples);
  g_assert_cmpuint (n_samples, ==, n_points + 1);
  for (gsize i = 0; i < n_samples; i++)
    {
      g_assert_cmpuint (samples[i].first.rss_bytes, >, 0);
      g_assert_cmpuint (samples[i].first.available_bytes, >, 0);
      g_assert_true (i == 0 || samples[i].first.elapsed_ns >= samples[i - 1].first.elapsed_ns);
    }

  snapshot = ll_run_snapshot_new (run);
  bytes = ll_run_file_serialize (&snapshot, 1);
  read = ll_run_file_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_run_get_kind (g_ptr_array_index (read, 0)), ==, LL_RUN_INTERPRETER);
  g_assert_cmpstr (ll_run_get_source (g_ptr_array_index (read, 0)), ==, ll_run_get_source (run));
  g_assert_cmpstr (ll_run_get_title (g_ptr_array_index (read, 0)), ==, ll_run_get_title (run));
}

/* A policy of another CPython than the interpreter's differs, and the
 * verdict says where first. */
static void
test_difference (void)
{
  g_autoptr(LlVerify) verify = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;
  LlVerifyVerdict verdict;
  LlRunConfig config;
  guint major = 0, minor = 0;

  if (!have_python ())
    return;

  config_for (&config, LL_ELEMENT_SHARED, 0, 100000, 1);
  ll_policy_init (&config.policy, LL_POLICY_CPYTHON_38);
  verify = ll_verify_new (&config, python, &error);
  g_assert_no_error (error);
  g_assert_true (ll_verify_run (verify, NULL, &error));
  sscanf (ll_verify_get_version (verify), "%u.%u", &major, &minor);
  if (major == 3 && minor < 9)
    {
      g_test_skip ("the interpreter is CPython 3.8 or older: cpython-3.8 is its own policy");
      return;
    }

  /* 3.8 grows 16 elements to 25 slots (256 bytes); 3.9 and later to 24 (248). */
  g_assert_false (ll_verify_compare (verify, &verdict));
  g_assert_cmpuint (verdict.first_length, ==, 17);
  g_assert_cmpuint (verdict.python_bytes, ==, 248);
  g_assert_cmpuint (verdict.engine_bytes, ==, 256);
  g_assert_cmpuint (verdict.n_identical, <, verdict.n_compared);
  said = ll_verify_describe (&verdict);
  g_assert_nonnull (strstr (said, "at 17 elements the interpreter’s list is 248 bytes, List Lab’s 256"));
}

static void
test_refusals (void)
{
  LlRunConfig config;
  g_autoptr(GError) error = NULL;

  config_for (&config, LL_ELEMENT_SHARED, 0, 10, 1);
  ll_policy_init (&config.policy, LL_POLICY_GO);
  g_assert_null (ll_verify_new (&config, python, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  config_for (&config, LL_ELEMENT_INT64, 0, 10, 1);
  g_assert_null (ll_verify_new (&config, python, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  config_for (&config, LL_ELEMENT_SHARED, 0, 10, 1);
  g_assert_null (ll_verify_new (&config, "/nonexistent/python3", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/python3"));
}

static gboolean
cancel_soon (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

static gpointer
cancel_thread (gpointer cancellable)
{
  g_usleep (300000);
  cancel_soon (cancellable);
  return NULL;
}

/* A cancel kills the interpreter at once, however long its list. */
static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LlVerify) verify = NULL;
  g_autoptr(GError) error = NULL;
  LlRunConfig config;
  GThread *thread;
  gint64 start;

  if (!have_python ())
    return;

  config_for (&config, LL_ELEMENT_SHARED, 0, G_GUINT64_CONSTANT (10000000000), 1);
  verify = ll_verify_new (&config, python, &error);
  g_assert_no_error (error);
  thread = g_thread_new ("cancel", cancel_thread, cancellable);
  start = g_get_monotonic_time ();
  g_assert_false (ll_verify_run (verify, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_test_message ("stopped after %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpfloat (ll_verify_get_fraction (verify), <, 0.01);
  g_thread_join (thread);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  python = g_find_program_in_path ("python3");

  g_test_add_func ("/verify/identical", test_identical);
  g_test_add_func ("/verify/run", test_run);
  g_test_add_func ("/verify/difference", test_difference);
  g_test_add_func ("/verify/refusals", test_refusals);
  g_test_add_func ("/verify/cancel", test_cancel);

  return g_test_run ();
}
