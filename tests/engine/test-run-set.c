/* test-run-set.c — runs kept for comparing: styles, removal, simulated comparisons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ll-run-set.h"

#define MiB (G_GUINT64_CONSTANT (1) << 20)

static void
config_for (LlRunConfig *config,
            guint64      target)
{
  ll_run_config_init (config);
  config->target_kind = LL_TARGET_CONTAINER_BYTES;
  config->target = target;
}

static void
count (guint *n)
{
  (*n)++;
}

static LlRun *
nth (LlRunSet *set,
     guint     i)
{
  return g_list_model_get_item (G_LIST_MODEL (ll_run_set_get_store (set)), i);
}

static void
test_add_remove (void)
{
  g_autoptr(LlRunSet) set = ll_run_set_new ();
  g_autoptr(LlRun) a = NULL, b = NULL, c = NULL;
  LlRunConfig config;
  guint changes = 0;

  config_for (&config, 1 * MiB);
  a = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  b = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  c = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  g_signal_connect_swapped (set, "changed", G_CALLBACK (count), &changes);

  ll_run_set_add (set, a);
  ll_run_set_add (set, b);
  ll_run_set_add (set, c);
  g_assert_cmpuint (changes, ==, 3);
  /* newest first, each its own style */
  {
    g_autoptr(LlRun) first = nth (set, 0);

    g_assert_true (first == c);
  }
  g_assert_cmpuint (ll_run_get_style (a), ==, 0);
  g_assert_cmpuint (ll_run_get_style (b), ==, 1);
  g_assert_cmpuint (ll_run_get_style (c), ==, 2);

  /* Shown or hidden: said. */
  ll_run_set_visible (b, FALSE);
  g_assert_cmpuint (changes, ==, 4);

  ll_run_set_remove (set, b);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ll_run_set_get_store (set))), ==, 2);
  g_assert_cmpuint (changes, ==, 5);
  /* Gone: its changes no longer count. */
  ll_run_set_visible (b, TRUE);
  g_assert_cmpuint (changes, ==, 5);

  ll_run_set_clear (set, c);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ll_run_set_get_store (set))), ==, 1);
  {
    g_autoptr(LlRun) run = ll_run_new (LL_RUN_SIMULATED, &config, NULL);

    /* The first style nobody holds: a removed run's colour comes back. */
    ll_run_set_add (set, run);
    g_assert_cmpuint (ll_run_get_style (c), ==, 2);
    g_assert_cmpuint (ll_run_get_style (run), ==, 0);
  }
}

static void
wait_idle (LlRunSet *set)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (ll_run_set_is_busy (set) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ll_run_set_is_busy (set));
}

/* Comparisons are simulated off the caller's thread, then added in the
 * order asked, with @config's element and target. */
static void
test_compare (void)
{
  g_autoptr(LlRunSet) set = ll_run_set_new ();
  const LlPolicyKind kinds[] = { LL_POLICY_GO, LL_POLICY_DOUBLE, LL_POLICY_CPYTHON };
  LlRunConfig config;

  config_for (&config, 8 * MiB);
  config.element = LL_ELEMENT_INT32;
  config.mechanism = LL_MECHANISM_MREMAP;
  ll_run_set_compare (set, &config, kinds, G_N_ELEMENTS (kinds));
  g_assert_true (ll_run_set_is_busy (set));
  wait_idle (set);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ll_run_set_get_store (set))), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(LlRun) run = nth (set, i);
      const LlRunConfig *c = ll_run_get_config (run);
      LlHistoryCounters counters;

      g_assert_cmpint (c->policy.kind, ==, kinds[i]);
      g_assert_cmpint (c->element, ==, LL_ELEMENT_INT32);
      g_assert_cmpuint (c->target, ==, 8 * MiB);
      /* a policy of its own grows its own way; the set-up's keeps its own */
      g_assert_cmpint (c->mechanism, ==, kinds[i] == LL_POLICY_CPYTHON ? LL_MECHANISM_MREMAP
                                                                        : LL_MECHANISM_DEFAULT);
      g_assert_cmpint (ll_run_get_kind (run), ==, LL_RUN_SIMULATED);
      g_assert_cmpint (ll_run_get_state (run), ==, LL_ENGINE_FINISHED);
      ll_history_get_counters (ll_run_get_history (run), &counters);
      g_assert_cmpuint (counters.n_events, >, 10);
    }

  /* Cancelled, nothing comes. */
  config.target = 1024 * MiB;
  ll_policy_init (&config.policy, LL_POLICY_FIXED);
  {
    const LlPolicyKind slow[] = { LL_POLICY_FIXED };

    ll_run_set_compare (set, &config, slow, 1);
    ll_run_set_cancel (set);
    wait_idle (set);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ll_run_set_get_store (set))), ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/run-set/add-remove", test_add_remove);
  g_test_add_func ("/run-set/compare", test_compare);

  return g_test_run ();
}
