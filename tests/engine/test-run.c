/* test-run.c — one run, real or simulated: its life, figures and words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "engine-test.h"
#include "ll-run.h"


static void
count_signal (gpointer  object,
              guint    *count)
{
  (*count)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
wait_finished (LlRun *run,
               guint *finished)
{
  while (*finished == 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
config_for (LlRunConfig *config,
            guint64      target)
{
  ll_run_config_init (config);
  config->target = target;
  config->target_units = LL_UNITS_IEC;
  config->mem_probe = big_machine;
  config->reserve_bytes = 0;
}

static void
on_released (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_assert_true (ll_run_release_finish (LL_RUN (object), result, NULL));
  *(gboolean *) user_data = TRUE;
}

static void
on_refused (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ll_run_release_finish (LL_RUN (object), result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  *(gboolean *) user_data = TRUE;
}

/* A real run from start to release. */
static void
test_run_real (void)
{
  g_autoptr(LlRun) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  LlRunConfig config;
  LlEngineStatus status;
  LlRunProgress progress;
  guint finished = 0, states = 0;
  gboolean released = FALSE;
  LlFit fit;

  config_for (&config, 8 * MiB);
  run = ll_run_new (LL_RUN_REAL, &config, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_run_get_kind (run), ==, LL_RUN_REAL);
  g_assert_nonnull (ll_run_get_engine (run));
  g_assert_cmpuint (ll_run_get_id (run), >, 0);
  g_assert_cmpstr (ll_run_get_title (run), ==, "CPython 3.9+ · Shared object · 8.00 MiB");
  g_assert_cmpint (ll_run_get_state (run), ==, LL_ENGINE_IDLE);
  g_assert_cmpuint (ll_run_get_resident_bytes (run), ==, 0);

  g_assert_true (ll_run_plan (run, 0, &fit, &error));
  g_assert_true (fit.fits);
  g_assert_cmpuint (fit.spare, ==, 32 * GiB);

  g_signal_connect (run, "finished", G_CALLBACK (count_signal), &finished);
  g_signal_connect (run, "notify::state", G_CALLBACK (count_notify), &states);
  ll_run_start (run);
  g_assert_cmpint (ll_run_get_state (run), !=, LL_ENGINE_IDLE);
  wait_finished (run, &finished);
  g_assert_cmpuint (finished, ==, 1);
  g_assert_cmpuint (states, >=, 2);

  ll_run_get_status (run, &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_FINISHED);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);
  g_assert_cmpuint (status.container_bytes, >=, 8 * MiB);
  g_assert_cmpuint (ll_run_get_resident_bytes (run), ==, status.length * 8);

  ll_run_get_progress (run, &progress);
  g_assert_cmpfloat (progress.fraction, ==, 1.0);
  g_assert_cmpfloat (progress.appends_per_second, >, 0);
  g_assert_cmpuint (progress.eta_ns, ==, G_MAXUINT64);
  why = ll_run_dup_stop_message (run, LL_UNITS_IEC);
  g_assert_cmpstr (why, ==, "Reached the target of 8.00 MiB");

  ll_run_release_async (run, NULL, on_released, &released);
  while (!released)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ll_run_get_state (run), ==, LL_ENGINE_RELEASED);
  g_assert_cmpuint (ll_run_get_resident_bytes (run), ==, 0);
  g_assert_cmpuint (finished, ==, 1);
}

/* A simulation: no engine, no memory, the same figures. */
static void
test_run_simulated (void)
{
  g_autoptr(LlRun) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  LlRunConfig config;
  LlEngineStatus status;
  LlRunProgress progress;
  guint finished = 0;

  config_for (&config, 10 * GiB);
  config.target = G_GUINT64_CONSTANT (10000000000);
  config.target_units = LL_UNITS_SI;
  run = ll_run_new (LL_RUN_SIMULATED, &config, &error);
  g_assert_no_error (error);
  g_assert_null (ll_run_get_engine (run));
  g_assert_cmpstr (ll_run_get_title (run), ==, "CPython 3.9+ · Shared object · 10.00 GB");

  g_signal_connect (run, "finished", G_CALLBACK (count_signal), &finished);
  ll_run_start (run);
  g_assert_cmpint (ll_run_get_state (run), ==, LL_ENGINE_RUNNING);
  wait_finished (run, &finished);

  ll_run_get_status (run, &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_FINISHED);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);
  /* CPython's list reaches 10 GB at 1,249,999,993 elements. */
  g_assert_cmpuint (status.container_bytes, >=, G_GUINT64_CONSTANT (10000000000));
  g_assert_cmpuint (status.capacity, ==, (status.container_bytes - 56) / 8);
  ll_run_get_progress (run, &progress);
  g_assert_cmpfloat (progress.fraction, ==, 1.0);
  why = ll_run_dup_stop_message (run, LL_UNITS_IEC);
  g_assert_cmpstr (why, ==, "Reached the target of 10.00 GB");
  g_assert_cmpuint (ll_run_get_resident_bytes (run), ==, 0);

  /* A simulated list holds no memory to give back. */
  {
    gboolean refused = FALSE;

    ll_run_release_async (run, NULL, on_refused, &refused);
    while (!refused)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (ll_run_get_state (run), ==, LL_ENGINE_FINISHED);
  }
}

/* Cancelled at once: stopped, and says so. */
static void
test_run_cancel (void)
{
  LlRunKind kinds[] = { LL_RUN_REAL, LL_RUN_SIMULATED };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(LlRun) run = NULL;
      g_autofree char *why = NULL;
      LlRunConfig config;
      LlEngineStatus status;
      guint finished = 0;

      config_for (&config, 100 * GiB);
      if (kinds[i] == LL_RUN_SIMULATED)
        {
          ll_policy_init (&config.policy, LL_POLICY_FIXED);
          config.target = G_GUINT64_CONSTANT (1) << 50;
        }
      run = ll_run_new (kinds[i], &config, NULL);
      g_signal_connect (run, "finished", G_CALLBACK (count_signal), &finished);
      ll_run_start (run);
      ll_run_cancel (run);
      wait_finished (run, &finished);

      ll_run_get_status (run, &status);
      g_assert_cmpint (status.stop_reason, ==, LL_STOP_CANCELLED);
      why = ll_run_dup_stop_message (run, LL_UNITS_IEC);
      g_assert_cmpstr (why, ==, "Stopped");
    }
}

static void
test_run_title (void)
{
  g_autoptr(LlRun) run = NULL;
  LlRunConfig config;
  guint notified = 0;

  config_for (&config, 1 * MiB);
  ll_policy_init (&config.policy, LL_POLICY_GO);
  config.element = LL_ELEMENT_INT32;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 20000000;
  run = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  g_assert_cmpstr (ll_run_get_title (run), ==, "Go append · Inline int32 · 20,000,000 elements");

  {
    g_autofree char *short_title = ll_run_dup_short_title (run);

    g_assert_cmpstr (short_title, ==, "Go");
  }

  /* Renamed: the name is the run's in legends and tables too. */
  g_signal_connect (run, "notify::title", G_CALLBACK (count_notify), &notified);
  ll_run_set_title (run, "  Go, smaller ");
  g_assert_cmpstr (ll_run_get_title (run), ==, "Go, smaller");
  g_assert_cmpuint (notified, ==, 1);
  {
    g_autofree char *short_title = ll_run_dup_short_title (run);

    g_assert_cmpstr (short_title, ==, "Go, smaller");
  }
  ll_run_set_title (run, "Go, smaller");
  g_assert_cmpuint (notified, ==, 1);

  /* Empty, or its own name again: its own name, and its short name back. */
  ll_run_set_title (run, " ");
  g_assert_cmpstr (ll_run_get_title (run), ==, "Go append · Inline int32 · 20,000,000 elements");
  g_assert_cmpuint (notified, ==, 2);
  ll_run_set_title (run, "Renamed");
  ll_run_set_title (run, "Go append · Inline int32 · 20,000,000 elements");
  g_assert_cmpuint (notified, ==, 4);
  {
    g_autofree char *short_title = ll_run_dup_short_title (run);

    g_assert_cmpstr (short_title, ==, "Go");
  }
}

/* Among other runs: its style and visibility, and a view of its history
 * that follows it. */
static void
test_run_in_a_list (void)
{
  g_autoptr(LlRun) run = NULL;
  g_autoptr(GError) error = NULL;
  LlRunConfig config;
  guint notified = 0;
  const LlHistoryView *view;
  gsize n;

  config_for (&config, 1 * MiB);
  run = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  g_assert_true (ll_run_get_visible (run));
  g_assert_cmpuint (ll_run_get_style (run), ==, 0);

  g_signal_connect (run, "notify::visible", G_CALLBACK (count_notify), &notified);
  g_signal_connect (run, "notify::style", G_CALLBACK (count_notify), &notified);
  ll_run_set_visible (run, FALSE);
  ll_run_set_visible (run, FALSE);
  g_object_set (run, "style", 3, NULL);
  g_assert_false (ll_run_get_visible (run));
  g_assert_cmpuint (ll_run_get_style (run), ==, 3);
  g_assert_cmpuint (notified, ==, 2);

  view = ll_run_get_view (run);
  ll_history_view_get_events (view, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (ll_run_simulate (run, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ll_run_update_view (run));
  g_assert_false (ll_run_update_view (run));
  g_assert_true (ll_run_get_view (run) == view);
  ll_history_view_get_events (view, &n);
  g_assert_cmpuint (n, ==, ll_history_view_get_counters (view)->n_events);
  g_assert_cmpuint (n, >, 10);
}

static void
test_run_invalid (void)
{
  g_autoptr(GError) error = NULL;
  LlRunConfig config;

  ll_run_config_init (&config);
  config.target = 0;
  g_assert_null (ll_run_new (LL_RUN_REAL, &config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/run/real", test_run_real);
  g_test_add_func ("/run/simulated", test_run_simulated);
  g_test_add_func ("/run/cancel", test_run_cancel);
  g_test_add_func ("/run/title", test_run_title);
  g_test_add_func ("/run/in-a-list", test_run_in_a_list);
  g_test_add_func ("/run/invalid", test_run_invalid);

  return g_test_run ();
}
