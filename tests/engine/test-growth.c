/* test-growth.c — the growth stepper: every reallocation of a run, step by
 * step or many at once, as the policies give them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "engine-test.h"
#include "ll-run-config.h"
#include "ll-growth.h"

/* What a run does, computed the slow way: one append (or extend) at a time
 * through ll_policy_resize (), recording every reallocation. */
typedef struct
{
  GArray  *steps;  /* LlGrowthStep */
  guint64  length;
  guint64  capacity;
} Reference;

static guint64
metric (const LlRunConfig *config,
        guint64            length,
        guint64            capacity)
{
  switch (config->target_kind)
    {
    case LL_TARGET_CONTAINER_BYTES:
      return ll_run_config_container_bytes (config, capacity);
    case LL_TARGET_TOTAL_BYTES:
      return ll_run_config_container_bytes (config, capacity) +
             ll_element_objects_bytes (config->element, length);
    case LL_TARGET_ELEMENTS:
    default:
      return length;
    }
}

static void
reference_run (const LlRunConfig *config,
               Reference         *ref)
{
  guint64 length = config->initial_length;
  guint64 capacity = ll_policy_initial_capacity (&config->policy, length);

  ref->steps = g_array_new (FALSE, TRUE, sizeof (LlGrowthStep));

  while (metric (config, length, capacity) < config->target)
    {
      guint64 new_length = length + config->batch;
      guint64 new_capacity;
      LlGrowthStep step = { 0 };

      if (config->target_kind == LL_TARGET_ELEMENTS)
        new_length = MIN (new_length, config->target);

      new_capacity = ll_policy_resize (&config->policy, length, capacity, new_length);
      g_assert_cmpuint (new_capacity, >=, new_length);

      step.fill_to = length;
      step.length = new_length;
      step.old_capacity = capacity;
      step.new_capacity = new_capacity;
      step.realloc = new_capacity != capacity;

      length = new_length;
      capacity = new_capacity;

      if (step.realloc)
        {
          g_array_append_val (ref->steps, step);
        }
      else if (metric (config, length, capacity) >= config->target)
        {
          /* The target reached between two reallocations. */
          step.fill_to = length;
          g_array_append_val (ref->steps, step);
        }
    }

  ref->length = length;
  ref->capacity = capacity;
}

static void
check_against_reference (const LlRunConfig *config)
{
  Reference ref;
  LlGrowth growth;
  LlGrowthStep step;
  guint n = 0;
  guint64 final_length = 0, final_capacity = 0;
  g_autofree char *policy = ll_policy_to_string (&config->policy);

  reference_run (config, &ref);

  ll_growth_init (&growth, config);
  while (ll_growth_next (&growth, &step))
    {
      const LlGrowthStep *expected;

      if (n >= ref.steps->len)
        g_error ("%s batch %" G_GUINT64_FORMAT " initial %" G_GUINT64_FORMAT
                 " kind %d target %" G_GUINT64_FORMAT ": extra step to %" G_GUINT64_FORMAT,
                 policy, config->batch, config->initial_length, config->target_kind,
                 config->target, step.length);

      expected = &g_array_index (ref.steps, LlGrowthStep, n);
      if (expected->fill_to != step.fill_to ||
          expected->length != step.length ||
          expected->realloc != step.realloc ||
          expected->old_capacity != step.old_capacity ||
          expected->new_capacity != step.new_capacity)
        g_error ("%s element %d batch %" G_GUINT64_FORMAT " initial %" G_GUINT64_FORMAT
                 " kind %d target %" G_GUINT64_FORMAT ": step %u is "
                 "%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT "/%d/%" G_GUINT64_FORMAT "/%"
                 G_GUINT64_FORMAT ", expected %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT
                 "/%d/%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT,
                 policy, config->element, config->batch, config->initial_length,
                 config->target_kind, config->target, n,
                 step.fill_to, step.length, step.realloc, step.old_capacity, step.new_capacity,
                 expected->fill_to, expected->length, expected->realloc,
                 expected->old_capacity, expected->new_capacity);
      n++;
    }

  g_assert_cmpuint (n, ==, ref.steps->len);
  g_assert_true (growth.done);
  g_assert_cmpuint (growth.length, ==, ref.length);
  g_assert_cmpuint (growth.capacity, ==, ref.capacity);
  g_assert_false (ll_growth_next (&growth, &step));

  ll_run_config_estimate_peak (config, &final_length, &final_capacity);
  g_assert_cmpuint (final_length, ==, ref.length);
  g_assert_cmpuint (final_capacity, ==, ref.capacity);

  g_array_unref (ref.steps);
}

static void
make_policies (GArray *policies)
{
  LlPolicy policy;

  for (guint kind = 0; kind < LL_N_POLICIES; kind++)
    {
      ll_policy_init (&policy, kind);
      g_array_append_val (policies, policy);
    }

  ll_policy_init (&policy, LL_POLICY_FIXED);
  policy.increment = 1;
  g_array_append_val (policies, policy);
  policy.increment = 1000;
  g_array_append_val (policies, policy);

  ll_policy_init (&policy, LL_POLICY_CUSTOM);
  policy.factor = 1.0;
  policy.constant = 7;
  policy.round = 4;
  g_array_append_val (policies, policy);
  policy.factor = 2.0;
  policy.constant = 3;
  policy.round = 16;
  g_array_append_val (policies, policy);
  policy.factor = 1.125;
  policy.constant = 0;
  policy.round = 1;
  g_array_append_val (policies, policy);
}

static void
test_stepper_reference (void)
{
  static const guint64 batches[] = { 1, 2, 3, 7, 100, 1001 };
  static const guint64 initials[] = { 0, 1, 2, 5, 1000, 12345 };
  static const LlElement elements[] = { LL_ELEMENT_SHARED, LL_ELEMENT_BOXED, LL_ELEMENT_INT32 };
  static const struct { LlTargetKind kind; guint64 target; } targets[] = {
    { LL_TARGET_CONTAINER_BYTES, 1 },
    { LL_TARGET_CONTAINER_BYTES, 56 },
    { LL_TARGET_CONTAINER_BYTES, 57 },
    { LL_TARGET_CONTAINER_BYTES, 4097 },
    { LL_TARGET_CONTAINER_BYTES, 160000 },
    { LL_TARGET_TOTAL_BYTES, 89 },
    { LL_TARGET_TOTAL_BYTES, 9999 },
    { LL_TARGET_TOTAL_BYTES, 300001 },
    { LL_TARGET_ELEMENTS, 1 },
    { LL_TARGET_ELEMENTS, 4 },
    { LL_TARGET_ELEMENTS, 999 },
    { LL_TARGET_ELEMENTS, 12346 },
    { LL_TARGET_ELEMENTS, 20011 },
  };
  g_autoptr(GArray) policies = g_array_new (FALSE, TRUE, sizeof (LlPolicy));
  guint n_runs = 0;

  make_policies (policies);

  for (guint p = 0; p < policies->len; p++)
    for (guint b = 0; b < G_N_ELEMENTS (batches); b++)
      for (guint i = 0; i < G_N_ELEMENTS (initials); i++)
        for (guint e = 0; e < G_N_ELEMENTS (elements); e++)
          for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
            {
              LlRunConfig config;

              ll_run_config_init (&config);
              config.policy = g_array_index (policies, LlPolicy, p);
              config.batch = batches[b];
              config.initial_length = initials[i];
              config.element = elements[e];
              config.target_kind = targets[t].kind;
              config.target = targets[t].target;
              /* array.array and NumPy hold numbers only */
              if (ll_policy_get_info (config.policy.kind)->numbers_only &&
                  config.element != LL_ELEMENT_INT64 && config.element != LL_ELEMENT_INT32)
                {
                  g_assert_false (ll_run_config_validate (&config, NULL));
                  continue;
                }
              g_assert_true (ll_run_config_validate (&config, NULL));

              check_against_reference (&config);
              n_runs++;
            }

  g_test_message ("%u runs compared append by append", n_runs);
}

/* The notebook's table (DESIGN.md): list(range(20_000_000)), two single
 * appends, then a loop appending element i. */
static void
test_stepper_notebook (void)
{
  static const struct { guint64 index; const char *mib; const char *added; } table[] = {
    { 2500002, "193.119", "21.458" },
    { 5312506, "217.259", "24.140" },
    { 8476574, "244.416", "27.157" },
    { 12036150, "274.969", "30.552" },
    { 16040674, "309.340", "34.371" },
  };
  LlRunConfig config;
  LlGrowth growth;
  LlGrowthStep step;
  char buf[64];

  ll_run_config_init (&config);
  config.initial_length = 20000000;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 40000002;

  ll_growth_init (&growth, &config);
  g_assert_cmpuint (growth.capacity, ==, 20000000);
  g_snprintf (buf, sizeof buf, "%.3f",
              ll_element_container_bytes (config.element, growth.capacity) / 1048576.0);
  g_assert_cmpstr (buf, ==, "152.588");

  /* The first append */
  g_assert_true (ll_growth_next (&growth, &step));
  g_assert_true (step.realloc);
  g_assert_cmpuint (step.fill_to, ==, 20000000);
  g_assert_cmpuint (step.length, ==, 20000001);
  g_snprintf (buf, sizeof buf, "%.3f",
              ll_element_container_bytes (config.element, step.new_capacity) / 1048576.0);
  g_assert_cmpstr (buf, ==, "171.661");

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      guint64 old_bytes, new_bytes;

      g_assert_true (ll_growth_next (&growth, &step));
      g_assert_true (step.realloc);
      /* Before the loop the list held 20000002 elements; appending
       * element i makes it 20000003 + i long. */
      g_assert_cmpuint (step.length - 20000003, ==, table[i].index);
      g_assert_cmpuint (step.fill_to + 1, ==, step.length);
      old_bytes = ll_element_container_bytes (config.element, step.old_capacity);
      new_bytes = ll_element_container_bytes (config.element, step.new_capacity);
      g_snprintf (buf, sizeof buf, "%.3f", new_bytes / 1048576.0);
      g_assert_cmpstr (buf, ==, table[i].mib);
      g_snprintf (buf, sizeof buf, "%.3f", (new_bytes - old_bytes) / 1048576.0);
      g_assert_cmpstr (buf, ==, table[i].added);
    }

  /* The loop ends at twice the length, within the capacity. */
  g_assert_true (ll_growth_next (&growth, &step));
  g_assert_false (step.realloc);
  g_assert_cmpuint (step.length, ==, 40000002);
  g_assert_false (ll_growth_next (&growth, &step));
}

static void
test_stepper_cases (void)
{
  LlRunConfig config;
  LlGrowth growth;
  LlGrowthStep step;

  /* Already at the target: no steps. */
  ll_run_config_init (&config);
  config.initial_length = 1000;
  config.target = 1000;
  ll_growth_init (&growth, &config);
  g_assert_true (growth.done);
  g_assert_false (ll_growth_next (&growth, &step));

  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 999;
  ll_growth_init (&growth, &config);
  g_assert_false (ll_growth_next (&growth, &step));

  /* Element targets cut the last extend short. */
  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_DOUBLE);
  config.batch = 10;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 25;
  ll_growth_init (&growth, &config);
  g_assert_true (ll_growth_next (&growth, &step));
  g_assert_true (step.realloc);
  g_assert_cmpuint (step.fill_to, ==, 0);
  g_assert_cmpuint (step.length, ==, 10);
  g_assert_cmpuint (step.new_capacity, ==, 10);
  g_assert_true (ll_growth_next (&growth, &step));
  g_assert_cmpuint (step.fill_to, ==, 10);
  g_assert_cmpuint (step.length, ==, 20);
  g_assert_cmpuint (step.new_capacity, ==, 20);
  g_assert_true (ll_growth_next (&growth, &step));
  g_assert_true (step.realloc);
  g_assert_cmpuint (step.fill_to, ==, 20);
  g_assert_cmpuint (step.length, ==, 25);
  g_assert_cmpuint (step.new_capacity, ==, 40);
  g_assert_false (ll_growth_next (&growth, &step));

  /* Total bytes with boxed objects: reached between reallocations, at the
   * first length where container + objects >= target. */
  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_DOUBLE);
  config.element = LL_ELEMENT_BOXED;
  config.initial_length = 1000;
  config.target_kind = LL_TARGET_TOTAL_BYTES;
  config.target = 16056 + 32 * 1010 + 1;
  ll_growth_init (&growth, &config);
  g_assert_cmpuint (growth.capacity, ==, 1000);
  g_assert_true (ll_growth_next (&growth, &step));
  g_assert_true (step.realloc);
  g_assert_cmpuint (step.length, ==, 1001);
  g_assert_cmpuint (step.new_capacity, ==, 2000);
  g_assert_true (ll_growth_next (&growth, &step));
  g_assert_false (step.realloc);
  /* 16056 + 32 * length >= 16056 + 32 * 1010 + 1 */
  g_assert_cmpuint (step.length, ==, 1011);
  g_assert_cmpuint (step.fill_to, ==, 1011);
  g_assert_cmpuint (step.old_capacity, ==, 2000);
  g_assert_cmpuint (step.new_capacity, ==, 2000);
  g_assert_false (ll_growth_next (&growth, &step));
  g_assert_cmpuint (growth.length, ==, 1011);
}

/* fixed +4 to 10 GB: 3×10^8 reallocations. O(1) a step keeps this fast. */
static void
test_stepper_fast (void)
{
  LlRunConfig config;
  LlGrowth growth;
  LlGrowthStep step;
  guint64 n = 0;
  gint64 start;
  double seconds;

  if (!g_test_slow ())
    {
      /* A tenth of it in the fast suite. */
      ll_run_config_init (&config);
      config.target = G_GUINT64_CONSTANT (1000000000);
    }
  else
    {
      ll_run_config_init (&config);
    }
  ll_policy_init (&config.policy, LL_POLICY_FIXED);

  start = g_get_monotonic_time ();
  ll_growth_init (&growth, &config);
  while (ll_growth_next (&growth, &step))
    n++;
  seconds = (g_get_monotonic_time () - start) / 1e6;

  g_assert_cmpuint (n, ==, (config.target - 56 + 31) / 32);
  g_test_message ("%" G_GUINT64_FORMAT " steps in %.2f s (%.1f ns a step)",
                  n, seconds, seconds * 1e9 / n);

  /* Also with one large gap: a policy that reallocates once. */
  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_FIXED);
  config.policy.increment = G_GUINT64_CONSTANT (1) << 40;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = G_GUINT64_CONSTANT (1) << 39;
  ll_growth_init (&growth, &config);
  g_assert_true (ll_growth_next (&growth, &step));
  g_assert_true (step.realloc);
  g_assert_true (ll_growth_next (&growth, &step));
  g_assert_false (step.realloc);
  g_assert_cmpuint (step.length, ==, config.target);
  g_assert_false (ll_growth_next (&growth, &step));
}

/* Targets at the very top of the range neither overflow nor loop. */
static void
test_stepper_saturation (void)
{
  LlRunConfig config;
  LlGrowth growth;
  LlGrowthStep step;
  guint n = 0;

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_DOUBLE);
  config.target = G_MAXUINT64;
  ll_growth_init (&growth, &config);
  while (ll_growth_next (&growth, &step))
    {
      g_assert_cmpuint (step.new_capacity, >, step.old_capacity);
      g_assert_cmpuint (++n, <, 200);
    }
  g_assert_true (growth.done);

  config.target_kind = LL_TARGET_ELEMENTS;
  config.batch = G_MAXUINT64 / 64;
  ll_growth_init (&growth, &config);
  n = 0;
  while (ll_growth_next (&growth, &step))
    g_assert_cmpuint (++n, <, 200);
  g_assert_cmpuint (growth.length, ==, G_MAXUINT64);
}

/* Batched steps, with or without the closed-form path, are exactly the
 * steps one at a time. */
static void
test_next_many (void)
{
  const LlPolicyKind kinds[] = { LL_POLICY_FIXED, LL_POLICY_CUSTOM, LL_POLICY_CPYTHON, LL_POLICY_GO };
  const LlTargetKind targets[] = { LL_TARGET_CONTAINER_BYTES, LL_TARGET_TOTAL_BYTES, LL_TARGET_ELEMENTS };
  const gsize chunk_sizes[] = { 1, 3, 64 };

  for (guint p = 0; p < G_N_ELEMENTS (kinds); p++)
    for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
      for (guint c = 0; c < G_N_ELEMENTS (chunk_sizes); c++)
        for (guint64 batch = 1; batch <= 2; batch++)
          {
            LlRunConfig config;
            LlGrowth one, many;
            LlGrowthStep expected, got[64];
            gsize n;
            guint64 count = 0;

            ll_run_config_init (&config);
            ll_policy_init (&config.policy, kinds[p]);
            if (kinds[p] == LL_POLICY_FIXED)
              config.policy.increment = 3;
            if (kinds[p] == LL_POLICY_CUSTOM)
              {
                config.policy.factor = 1.0;
                config.policy.constant = 5;
              }
            config.element = t == 1 ? LL_ELEMENT_BOXED : LL_ELEMENT_INT64;
            config.target_kind = targets[t];
            config.target = 20011;
            config.initial_length = 7;
            config.batch = batch;

            ll_growth_init (&one, &config);
            ll_growth_init (&many, &config);
            while ((n = ll_growth_next_many (&many, got, chunk_sizes[c])) > 0)
              for (gsize i = 0; i < n; i++, count++)
                {
                  g_assert_true (ll_growth_next (&one, &expected));
                  g_assert_cmpuint (got[i].fill_to, ==, expected.fill_to);
                  g_assert_cmpuint (got[i].length, ==, expected.length);
                  g_assert_cmpint (got[i].realloc, ==, expected.realloc);
                  g_assert_cmpuint (got[i].old_capacity, ==, expected.old_capacity);
                  g_assert_cmpuint (got[i].new_capacity, ==, expected.new_capacity);
                }
            g_assert_false (ll_growth_next (&one, &expected));
            g_assert_cmpuint (count, >, kinds[p] == LL_POLICY_FIXED ? 100 : 5);
            g_assert_cmpuint (many.length, ==, one.length);
            g_assert_cmpuint (many.capacity, ==, one.capacity);
          }
}

/* Policies that only add, with any increment, rounding and batch (and
 * np.append, a block always as long as the array): jumping over their
 * cycles ends exactly where stepping does, in a few steps. */
static void
test_skip (void)
{
  const struct { LlPolicyKind kind; guint64 add; guint64 round; } policies[] = {
    { LL_POLICY_FIXED, 1, 1 }, { LL_POLICY_FIXED, 4, 1 }, { LL_POLICY_FIXED, 7, 1 },
    { LL_POLICY_CUSTOM, 1, 1 }, { LL_POLICY_CUSTOM, 3, 2 }, { LL_POLICY_CUSTOM, 5, 8 },
    { LL_POLICY_CUSTOM, 16, 3 }, { LL_POLICY_NUMPY_APPEND, 0, 1 },
  };
  const guint64 batches[] = { 1, 2, 3, 10 };
  const guint64 starts[] = { 0, 7, 1001 };
  const struct { LlTargetKind kind; guint64 target; } targets[] = {
    { LL_TARGET_CONTAINER_BYTES, 1000003 }, { LL_TARGET_TOTAL_BYTES, 3000017 },
    { LL_TARGET_ELEMENTS, 200003 },
    /* a container of exactly 120,000 slots, which those adding 1 reach */
    { LL_TARGET_CONTAINER_BYTES, 0 },
  };
  const LlElement elements[] = { LL_ELEMENT_SHARED, LL_ELEMENT_BOXED, LL_ELEMENT_INT32 };

  for (guint p = 0; p < G_N_ELEMENTS (policies); p++)
    for (guint b = 0; b < G_N_ELEMENTS (batches); b++)
      for (guint s = 0; s < G_N_ELEMENTS (starts); s++)
        for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
          {
            LlRunConfig config;
            LlGrowth stepped, skipped;
            LlGrowthStep step;
            guint64 n_stepped = 0, n_skipped = 0;

            ll_run_config_init (&config);
            policy_that_adds (&config.policy, policies[p].kind, policies[p].add, policies[p].round);
            config.element = elements[(p + t) % G_N_ELEMENTS (elements)];
            if (!ll_run_config_holds (config.policy.kind, config.element))
              config.element = t % 2 == 0 ? LL_ELEMENT_INT64 : LL_ELEMENT_INT32;
            config.batch = batches[b];
            config.initial_length = starts[s];
            config.target_kind = targets[t].kind;
            config.target = targets[t].target;
            if (config.target == 0)
              config.target = ll_run_config_container_bytes (&config, 120000);

            ll_growth_init (&stepped, &config);
            while (ll_growth_next (&stepped, &step))
              n_stepped++;

            ll_growth_init (&skipped, &config);
            ll_growth_skip (&skipped, ll_growth_get_capacity_limit (&skipped));
            while (ll_growth_next (&skipped, &step))
              {
                n_skipped++;
                ll_growth_skip (&skipped, ll_growth_get_capacity_limit (&skipped));
              }

            g_assert_cmpuint (skipped.length, ==, stepped.length);
            g_assert_cmpuint (skipped.capacity, ==, stepped.capacity);
            /* thousands of reallocations, a few hundred steps */
            g_assert_cmpuint (n_stepped, >, 10 * n_skipped);
            g_assert_cmpuint (n_skipped, <, 400);
          }
}

/* Other policies grow by a factor: nothing to jump over. */
static void
test_skip_other_policies (void)
{
  LlRunConfig config;
  LlGrowth growth;
  LlGrowthStep step;

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_CUSTOM);
  config.policy.factor = 1.5;
  ll_growth_init (&growth, &config);
  for (guint i = 0; i < 20; i++)
    {
      LlGrowth before;

      g_assert_true (ll_growth_next (&growth, &step));
      before = growth;
      ll_growth_skip (&growth, G_MAXUINT64);
      g_assert_cmpuint (growth.length, ==, before.length);
      g_assert_cmpuint (growth.capacity, ==, before.capacity);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/growth/stepper/next-many", test_next_many);
  g_test_add_func ("/growth/stepper/reference", test_stepper_reference);
  g_test_add_func ("/growth/stepper/notebook", test_stepper_notebook);
  g_test_add_func ("/growth/stepper/cases", test_stepper_cases);
  g_test_add_func ("/growth/stepper/fast", test_stepper_fast);
  g_test_add_func ("/growth/stepper/saturation", test_stepper_saturation);
  g_test_add_func ("/growth/skip/policies-that-add", test_skip);
  g_test_add_func ("/growth/skip/other-policies", test_skip_other_policies);

  return g_test_run ();
}
