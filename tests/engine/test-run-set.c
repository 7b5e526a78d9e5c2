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
  return g_list_model_get_item (ll_run_set_get_model (set), i);
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
  g_assert_cmpuint (g_list_model_get_n_items (ll_run_set_get_model (set)), ==, 2);
  g_assert_cmpuint (changes, ==, 5);
  /* Gone: its changes no longer count. */
  ll_run_set_visible (b, TRUE);
  g_assert_cmpuint (changes, ==, 5);

  ll_run_set_clear (set, c);
  g_assert_cmpuint (g_list_model_get_n_items (ll_run_set_get_model (set)), ==, 1);
  {
    g_autoptr(LlRun) run = ll_run_new (LL_RUN_SIMULATED, &config, NULL);

    /* The first style nobody holds: a removed run's colour comes back. */
    ll_run_set_add (set, run);
    g_assert_cmpuint (ll_run_get_style (c), ==, 2);
    g_assert_cmpuint (ll_run_get_style (run), ==, 0);
  }
}

/* A run put back stands where it stood, with its colour and number,
 * unless runs added meanwhile took them. */
static void
test_put_back (void)
{
  g_autoptr(LlRunSet) set = ll_run_set_new ();
  g_autoptr(LlRun) a = NULL, b = NULL, c = NULL, d = NULL;
  GListModel *store = ll_run_set_get_model (set);
  LlRunConfig config;
  guint changes = 0;

  config_for (&config, 1 * MiB);
  a = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  b = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  c = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  d = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  ll_run_set_add (set, a);
  ll_run_set_add (set, b);
  ll_run_set_add (set, c);
  g_signal_connect_swapped (set, "changed", G_CALLBACK (count), &changes);

  /* c b a: b stood second, and a run not here stands nowhere. */
  g_assert_cmpuint (ll_run_set_remove (set, b), ==, 1);
  g_assert_cmpuint (ll_run_set_remove (set, b), ==, G_MAXUINT);
  g_assert_cmpuint (changes, ==, 1);
  ll_run_set_put_back (set, b, 1);
  g_assert_cmpuint (changes, ==, 2);
  {
    g_autoptr(LlRun) second = g_list_model_get_item (store, 1);

    g_assert_true (second == b);
  }
  g_assert_cmpuint (ll_run_get_style (b), ==, 1);
  g_assert_cmpuint (ll_run_get_ordinal (b), ==, 2);
  /* Back, its changes count again. */
  ll_run_set_visible (b, FALSE);
  g_assert_cmpuint (changes, ==, 3);

  /* Removed one after another, put back in the reverse order: as before. */
  g_assert_cmpuint (ll_run_set_remove (set, c), ==, 0);
  g_assert_cmpuint (ll_run_set_remove (set, b), ==, 0);
  ll_run_set_put_back (set, b, 0);
  ll_run_set_put_back (set, c, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LlRun) run = g_list_model_get_item (store, i);

      g_assert_true (run == (i == 0 ? c : i == 1 ? b : a));
    }

  /* A run added meanwhile took b's colour and number: b takes others,
   * and a place past the end is the last. */
  ll_run_set_remove (set, b);
  ll_run_set_remove (set, c);
  ll_run_set_add (set, d);
  g_assert_cmpuint (ll_run_get_style (d), ==, 1);
  g_assert_cmpuint (ll_run_get_ordinal (d), ==, 2);
  ll_run_set_put_back (set, b, 7);
  {
    g_autoptr(LlRun) last = g_list_model_get_item (store, 2);

    g_assert_true (last == b);
  }
  g_assert_cmpuint (ll_run_get_style (b), ==, 2);
  g_assert_cmpuint (ll_run_get_ordinal (b), ==, 3);
  g_assert_cmpuint (ll_run_get_style (d), ==, 1);
  g_assert_cmpuint (ll_run_get_ordinal (d), ==, 2);
}

/* Runs of the same name are told apart by a number, from the second on:
 * in the legend ("CPython 3.9+ #2") and in their title; a name the user
 * gave is left as it is, and the number of a run removed is not given
 * again while a later one holds a greater. */
static void
test_numbers (void)
{
  g_autoptr(LlRunSet) set = ll_run_set_new ();
  g_autoptr(LlRun) a = NULL, b = NULL, c = NULL, d = NULL, other = NULL;
  g_autofree char *name = NULL;
  LlRunConfig config, other_config;

  config_for (&config, 1 * MiB);
  other_config = config;
  ll_policy_init (&other_config.policy, LL_POLICY_GO);
  a = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  b = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  c = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  other = ll_run_new (LL_RUN_SIMULATED, &other_config, NULL);
  name = ll_run_dup_default_name (a);

  ll_run_set_add (set, a);
  ll_run_set_add (set, other);
  ll_run_set_add (set, b);
  ll_run_set_add (set, c);
  {
    g_autofree char *first = ll_run_dup_short_title (a);
    g_autofree char *second = ll_run_dup_short_title (b);
    g_autofree char *third = ll_run_dup_short_title (c);
    g_autofree char *go = ll_run_dup_short_title (other);
    g_autofree char *second_expected = g_strdup_printf ("%s #2", name);
    g_autofree char *third_expected = g_strdup_printf ("%s #3", name);
    g_autofree char *go_expected = ll_run_dup_default_name (other);

    g_assert_cmpstr (first, ==, name);
    g_assert_cmpstr (second, ==, second_expected);
    g_assert_cmpstr (third, ==, third_expected);
    g_assert_cmpstr (go, ==, go_expected);
    g_assert_true (g_str_has_suffix (ll_run_get_title (b), " #2"));
    g_assert_false (g_str_has_suffix (ll_run_get_title (a), " #1"));
    g_assert_false (g_str_has_suffix (ll_run_get_title (a), " #2"));
  }

  /* Renamed: the user's name alone; its own name back, with its number. */
  ll_run_set_title (b, "Mine");
  {
    g_autofree char *short_title = ll_run_dup_short_title (b);

    g_assert_cmpstr (short_title, ==, "Mine");
    g_assert_cmpstr (ll_run_get_title (b), ==, "Mine");
  }
  ll_run_set_title (b, "");
  g_assert_true (g_str_has_suffix (ll_run_get_title (b), " #2"));
  g_assert_false (ll_run_is_renamed (b));

  /* The third goes; the next is the third again. */
  ll_run_set_remove (set, c);
  d = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  ll_run_set_add (set, d);
  g_assert_cmpuint (ll_run_get_ordinal (d), ==, 3);
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

  g_assert_cmpuint (g_list_model_get_n_items (ll_run_set_get_model (set)), ==, 3);
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

  /* array.array beside a list of objects holds int64, as it would. */
  {
    const LlPolicyKind numbers[] = { LL_POLICY_CPYTHON_ARRAY };
    LlRunConfig objects = config;
    g_autoptr(LlRun) run = NULL;

    objects.element = LL_ELEMENT_SHARED;
    ll_run_set_compare (set, &objects, numbers, 1);
    wait_idle (set);
    g_assert_cmpuint (g_list_model_get_n_items (ll_run_set_get_model (set)), ==, 4);
    run = nth (set, 0);
    g_assert_cmpint (ll_run_get_config (run)->policy.kind, ==, LL_POLICY_CPYTHON_ARRAY);
    g_assert_cmpint (ll_run_get_config (run)->element, ==, LL_ELEMENT_INT64);
    g_assert_cmpint (ll_run_get_state (run), ==, LL_ENGINE_FINISHED);
    ll_run_set_remove (set, run);
  }

  /* Cancelled, nothing comes. */
  config.target = 1024 * MiB;
  ll_policy_init (&config.policy, LL_POLICY_FIXED);
  {
    const LlPolicyKind slow[] = { LL_POLICY_FIXED };

    ll_run_set_compare (set, &config, slow, 1);
    ll_run_set_cancel (set);
    wait_idle (set);
    g_assert_cmpuint (g_list_model_get_n_items (ll_run_set_get_model (set)), ==, 3);
  }
}

typedef struct
{
  guint    n;
  LlRun   *run;
  char    *verdict;
  gboolean identical;
} Verified;

static void
on_verified (LlRunSet   *set,
             LlRun      *run,
             const char *verdict,
             gboolean    identical,
             Verified   *v)
{
  v->n++;
  g_set_object (&v->run, run);
  g_free (v->verdict);
  v->verdict = g_strdup (verdict);
  v->identical = identical;
}

static gboolean
tiny_machine (LlMemInfo *info,
              gpointer   user_data,
              GError   **error)
{
  info->total_bytes = 512 * MiB;
  info->available_bytes = 256 * MiB;
  info->cgroup_limit_bytes = LL_NO_LIMIT;
  info->cgroup_usage_bytes = 0;
  return TRUE;
}

/* The interpreter runs off the caller's thread; its run joins the set
 * with the verdict. What it cannot do is refused at once; a cancel kills
 * it and nothing comes. */
static void
test_verify (void)
{
  g_autoptr(LlRunSet) set = ll_run_set_new ();
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(GError) error = NULL;
  Verified v = { 0 };
  LlRunConfig config;

  g_signal_connect (set, "verified", G_CALLBACK (on_verified), &v);

  config_for (&config, 8 * MiB);
  ll_policy_init (&config.policy, LL_POLICY_JAVA);
  g_assert_false (ll_run_set_verify (set, &config, python, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  config_for (&config, 64 * 1024 * MiB);
  config.mem_probe = tiny_machine;
  g_assert_false (ll_run_set_verify (set, &config, python, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_false (ll_run_set_is_busy (set));

  if (python == NULL)
    {
      g_test_skip ("no python3 on this machine");
      return;
    }

  config_for (&config, 8 * MiB);
  g_assert_true (ll_run_set_verify (set, &config, python, &error));
  g_assert_no_error (error);
  g_assert_true (ll_run_set_is_busy (set));
  g_assert_cmpfloat (ll_run_set_get_progress (set), >=, 0.0);
  wait_idle (set);
  g_assert_cmpuint (v.n, ==, 1);
  g_assert_true (v.identical);
  g_assert_true (g_str_has_suffix (v.verdict, "reallocations identical"));
  g_assert_nonnull (v.run);
  g_assert_cmpint (ll_run_get_kind (v.run), ==, LL_RUN_INTERPRETER);
  g_assert_cmpuint (g_list_model_get_n_items (ll_run_set_get_model (set)), ==, 1);
  g_assert_cmpfloat (ll_run_set_get_progress (set), <, 0.0);

  config_for (&config, 1024 * MiB);
  g_assert_true (ll_run_set_verify (set, &config, python, &error));
  ll_run_set_cancel (set);
  wait_idle (set);
  g_assert_cmpuint (v.n, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ll_run_set_get_model (set)), ==, 1);

  g_clear_object (&v.run);
  g_free (v.verdict);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/run-set/add-remove", test_add_remove);
  g_test_add_func ("/run-set/put-back", test_put_back);
  g_test_add_func ("/run-set/numbers", test_numbers);
  g_test_add_func ("/run-set/compare", test_compare);
  g_test_add_func ("/run-set/verify", test_verify);

  return g_test_run ();
}
