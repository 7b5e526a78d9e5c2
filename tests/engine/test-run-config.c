/* test-run-config.c — a run's settings: defaults, what is refused, and
 * the peak memory and reallocations a run will take, estimated ahead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "engine-test.h"
#include "ll-run-config.h"
#include "ll-growth.h"

/* Where no element model is chosen: NumPy and array.array hold int64,
 * as np.append and array('q') do; every other policy a list of objects. */
static void
test_default_element (void)
{
  for (guint kind = 0; kind < LL_N_POLICIES; kind++)
    {
      gboolean numbers = kind == LL_POLICY_NUMPY_APPEND || kind == LL_POLICY_CPYTHON_ARRAY;
      LlElement element = ll_run_config_default_element (kind);

      g_assert_cmpint (element, ==, numbers ? LL_ELEMENT_INT64 : LL_ELEMENT_SHARED);
      g_assert_true (ll_run_config_holds (kind, element));
    }
}

/* The set-up for another runtime: its policy's defaults, its own
 * mechanism, and elements it holds; the set-up's own policy as it is. */
static void
test_for_policy (void)
{
  LlRunConfig config, other;

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_CUSTOM);
  config.policy.factor = 1.3;
  config.mechanism = LL_MECHANISM_MREMAP;
  config.element = LL_ELEMENT_BOXED;
  config.initial_length = 1000;
  config.target = 8 * MiB;

  ll_run_config_for_policy (&config, LL_POLICY_CUSTOM, &other);
  g_assert_cmpmem (&other, sizeof other, &config, sizeof config);

  ll_run_config_for_policy (&config, LL_POLICY_JAVA, &other);
  g_assert_cmpint (other.policy.kind, ==, LL_POLICY_JAVA);
  g_assert_cmpfloat (other.policy.factor, !=, 1.3);
  g_assert_cmpint (other.mechanism, ==, LL_MECHANISM_DEFAULT);
  g_assert_cmpint (other.element, ==, LL_ELEMENT_BOXED);
  g_assert_cmpuint (other.initial_length, ==, 1000);
  g_assert_cmpuint (other.target, ==, 8 * MiB);

  for (guint i = 0; i < 2; i++)
    {
      LlPolicyKind numbers = i == 0 ? LL_POLICY_NUMPY_APPEND : LL_POLICY_CPYTHON_ARRAY;

      ll_run_config_for_policy (&config, numbers, &other);
      g_assert_cmpint (other.element, ==, LL_ELEMENT_INT64);
      g_assert_true (ll_run_config_validate (&other, NULL));
    }
  config.element = LL_ELEMENT_INT32;
  ll_run_config_for_policy (&config, LL_POLICY_CPYTHON_ARRAY, &other);
  g_assert_cmpint (other.element, ==, LL_ELEMENT_INT32);
}

static void
test_config_defaults (void)
{
  LlRunConfig config;
  LlMemInfo info = { 0 };

  ll_run_config_init (&config);
  g_assert_cmpint (config.policy.kind, ==, LL_POLICY_CPYTHON);
  g_assert_cmpint (config.mechanism, ==, LL_MECHANISM_DEFAULT);
  g_assert_cmpint (config.element, ==, LL_ELEMENT_SHARED);
  g_assert_cmpuint (config.initial_length, ==, 0);
  g_assert_cmpuint (config.batch, ==, 1);
  g_assert_cmpint (config.target_kind, ==, LL_TARGET_CONTAINER_BYTES);
  g_assert_cmpuint (config.target, ==, G_GUINT64_CONSTANT (10000000000));
  g_assert_cmpuint (config.reserve_bytes, ==, LL_RESERVE_DEFAULT);
  g_assert_cmpuint (config.sample_hz, ==, 20);
  g_assert_false (config.huge_pages);
  g_assert_null (config.mem_probe);
  g_assert_true (ll_run_config_validate (&config, NULL));

  /* Mechanisms: each policy's own unless chosen. */
  g_assert_cmpint (ll_run_config_get_mechanism (&config), ==, LL_MECHANISM_REALLOC);
  for (guint kind = 0; kind < LL_N_POLICIES; kind++)
    {
      ll_policy_init (&config.policy, kind);
      g_assert_cmpint (ll_run_config_get_mechanism (&config), ==,
                       ll_policy_get_info (kind)->mechanism);
    }
  ll_policy_init (&config.policy, LL_POLICY_DOUBLE);
  g_assert_cmpint (ll_run_config_get_mechanism (&config), ==, LL_MECHANISM_COPY);
  config.mechanism = LL_MECHANISM_MREMAP;
  g_assert_cmpint (ll_run_config_get_mechanism (&config), ==, LL_MECHANISM_MREMAP);

  /* The reserve: 512 MiB or 5 % of RAM by default, else as given. */
  info.total_bytes = G_GUINT64_CONSTANT (64) << 30;
  info.available_bytes = G_GUINT64_CONSTANT (32) << 30;
  info.cgroup_limit_bytes = LL_NO_LIMIT;
  g_assert_cmpuint (ll_run_config_get_reserve (&config, &info), ==,
                    ll_mem_default_reserve (&info));
  g_assert_cmpuint (ll_run_config_get_reserve (&config, &info), ==,
                    (G_GUINT64_CONSTANT (64) << 30) / 20);
  config.reserve_bytes = 12345;
  g_assert_cmpuint (ll_run_config_get_reserve (&config, &info), ==, 12345);
  config.reserve_bytes = 0;
  g_assert_cmpuint (ll_run_config_get_reserve (&config, &info), ==, 0);
}

static void
test_config_invalid (void)
{
  LlRunConfig config;
  GError *error = NULL;

  ll_run_config_init (&config);
  config.batch = 0;
  g_assert_false (ll_run_config_validate (&config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "batch"));
  g_clear_error (&error);

  ll_run_config_init (&config);
  config.target = 0;
  g_assert_false (ll_run_config_validate (&config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "target"));
  g_clear_error (&error);

  /* Counts past what a list holds, as people read them. */
  {
    struct {
      guint64 *field;
      const char *expected;
    } counts[] = {
      { &config.batch, "The batch of 72,057,594,037,927,937 elements is too large: "
                       "at most 72,057,594,037,927,936 are accepted" },
      { &config.initial_length, "The initial length of 72,057,594,037,927,937 elements is too "
                                "large: at most 72,057,594,037,927,936 are accepted" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
      {
        ll_run_config_init (&config);
        *counts[i].field = LL_RUN_MAX_ELEMENTS + 1;
        g_assert_false (ll_run_config_validate (&config, &error));
        g_assert_cmpstr (error->message, ==, counts[i].expected);
        g_clear_error (&error);
      }
    ll_run_config_init (&config);
    config.target_kind = LL_TARGET_ELEMENTS;
    config.target = G_MAXUINT64;
    g_assert_false (ll_run_config_validate (&config, &error));
    g_assert_cmpstr (error->message, ==, "A list of 18,446,744,073,709,551,615 elements is too "
                                         "long: at most 72,057,594,037,927,936 are accepted");
    g_clear_error (&error);
  }

  ll_run_config_init (&config);
  config.sample_hz = 0;
  g_assert_false (ll_run_config_validate (&config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 to 1000 Hz"));
  g_clear_error (&error);
  config.sample_hz = 1001;
  g_assert_false (ll_run_config_validate (&config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
  g_clear_error (&error);
  config.sample_hz = 1000;
  g_assert_true (ll_run_config_validate (&config, NULL));
  config.sample_hz = 1;
  g_assert_true (ll_run_config_validate (&config, NULL));

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_FIXED);
  config.policy.increment = 0;
  g_assert_false (ll_run_config_validate (&config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "increment"));
  g_clear_error (&error);

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_CUSTOM);
  config.policy.factor = 0.5;
  g_assert_false (ll_run_config_validate (&config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
  g_clear_error (&error);

  ll_run_config_init (&config);
  config.mechanism = LL_N_MECHANISMS;
  g_assert_false (ll_run_config_validate (&config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
  g_clear_error (&error);

  ll_run_config_init (&config);
  config.element = LL_N_ELEMENTS;
  g_assert_false (ll_run_config_validate (&config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
  g_clear_error (&error);

  ll_run_config_init (&config);
  config.target_kind = 7;
  g_assert_false (ll_run_config_validate (&config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
  g_clear_error (&error);

  ll_run_config_init (&config);
  config.initial_length = G_MAXUINT64;
  g_assert_false (ll_run_config_validate (&config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "initial length"));
  g_clear_error (&error);

  /* At the limits, accepted; one past, not: the batch, a fixed
   * increment, a custom constant; the last policy and the first
   * mechanism named outright. */
  ll_run_config_init (&config);
  config.batch = LL_RUN_MAX_ELEMENTS;
  g_assert_true (ll_run_config_validate (&config, NULL));
  config.batch = LL_RUN_MAX_ELEMENTS + 1;
  g_assert_false (ll_run_config_validate (&config, NULL));
  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_FIXED);
  config.policy.increment = LL_RUN_MAX_ELEMENTS;
  g_assert_true (ll_run_config_validate (&config, NULL));
  config.policy.increment = LL_RUN_MAX_ELEMENTS + 1;
  g_assert_false (ll_run_config_validate (&config, NULL));
  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_CUSTOM);
  config.policy.constant = LL_RUN_MAX_ELEMENTS;
  g_assert_true (ll_run_config_validate (&config, NULL));
  config.policy.constant = LL_RUN_MAX_ELEMENTS + 1;
  g_assert_false (ll_run_config_validate (&config, NULL));
  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_N_POLICIES - 1);
  g_assert_true (ll_run_config_validate (&config, NULL));
  config.policy.kind = LL_N_POLICIES;
  g_assert_false (ll_run_config_validate (&config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
  g_clear_error (&error);
  ll_run_config_init (&config);
  config.mechanism = LL_MECHANISM_REALLOC;
  g_assert_true (ll_run_config_validate (&config, NULL));
  config.mechanism = LL_N_MECHANISMS - 1;
  g_assert_true (ll_run_config_validate (&config, NULL));

  /* Not errors: starting past the target, huge pages without mremap. */
  ll_run_config_init (&config);
  config.initial_length = 1000000;
  config.target = 1000;
  config.huge_pages = TRUE;
  g_assert_true (ll_run_config_validate (&config, NULL));
}

static void
test_estimate_peak (void)
{
  LlRunConfig config;
  guint64 length, capacity, peak;

  /* realloc: the slots written. cpython to 1 MB from empty. */
  ll_run_config_init (&config);
  config.element = LL_ELEMENT_INT64;
  config.target = 1000000;
  peak = ll_run_config_estimate_peak (&config, &length, &capacity);
  g_assert_cmpuint (ll_element_container_bytes (config.element, capacity), >=, 1000000);
  g_assert_cmpuint (peak, ==, length * 8);

  /* boxed: plus 32 bytes an element. */
  config.element = LL_ELEMENT_BOXED;
  peak = ll_run_config_estimate_peak (&config, &length, &capacity);
  g_assert_cmpuint (peak, ==, length * 40);

  /* copy: plus the old block of the last copy. double, 100 elements:
   * capacities 1 2 4 … 64 128; the last copy left 64 slots behind. */
  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_DOUBLE);
  config.element = LL_ELEMENT_INT32;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 100;
  peak = ll_run_config_estimate_peak (&config, &length, &capacity);
  g_assert_cmpuint (length, ==, 100);
  g_assert_cmpuint (capacity, ==, 128);
  g_assert_cmpuint (peak, ==, 100 * 4 + 64 * 4);
  config.mechanism = LL_MECHANISM_MREMAP;
  g_assert_cmpuint (ll_run_config_estimate_peak (&config, NULL, NULL), ==, 400);

  /* Nothing to do: the initial list. */
  ll_run_config_init (&config);
  config.initial_length = 1000;
  config.target = 10;
  g_assert_cmpuint (ll_run_config_estimate_peak (&config, &length, &capacity), ==, 8000 + 32);
  g_assert_cmpuint (length, ==, 1000);
  g_assert_cmpuint (capacity, ==, 1000);
}

/* The closed-form jump over constant increments lands exactly where the
 * step-by-step walk does, for every target kind and a copy mechanism. */
static void
test_estimate_skip (void)
{
  const guint64 increments[] = { 2, 3, 4, 7, 1000 };
  const guint64 targets[] = { 1, 57, 1000, 99991, 1000003 };
  const LlTargetKind kinds[] = { LL_TARGET_CONTAINER_BYTES, LL_TARGET_TOTAL_BYTES, LL_TARGET_ELEMENTS };

  for (guint i = 0; i < G_N_ELEMENTS (increments); i++)
    for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        for (guint custom = 0; custom < 2; custom++)
          {
            LlRunConfig config;
            LlGrowth growth;
            LlGrowthStep step;
            guint64 length, capacity, peak, last_copy = 0;
            guint slot;

            ll_run_config_init (&config);
            if (custom)
              {
                ll_policy_init (&config.policy, LL_POLICY_CUSTOM);
                config.policy.factor = 1.0;
                config.policy.constant = increments[i];
              }
            else
              {
                ll_policy_init (&config.policy, LL_POLICY_FIXED);
                config.policy.increment = increments[i];
              }
            config.mechanism = LL_MECHANISM_COPY;
            config.element = k == 1 ? LL_ELEMENT_BOXED : LL_ELEMENT_INT32;
            config.target_kind = kinds[k];
            config.target = targets[t];

            peak = ll_run_config_estimate_peak (&config, &length, &capacity);

            ll_growth_init (&growth, &config);
            while (ll_growth_next (&growth, &step))
              if (step.realloc)
                last_copy = step.old_capacity;
            g_assert_cmpuint (length, ==, growth.length);
            g_assert_cmpuint (capacity, ==, growth.capacity);
            slot = ll_element_get_info (config.element)->slot_bytes;
            g_assert_cmpuint (peak, ==, (growth.length + last_copy) * slot +
                                        ll_element_objects_bytes (config.element, growth.length));
          }
}

/* A start at the target, by each measure: the list is made and never
 * grows. One element short of it still grows. */
static void
test_starts_at_target (void)
{
  LlRunConfig config;

  ll_run_config_init (&config);
  g_assert_false (ll_run_config_starts_at_target (&config));

  /* list(range(131,065)) is 56 + 8 * 131,065 = 1,048,576 bytes: 1 MiB. */
  config.target = 1 << 20;
  config.initial_length = 131065;
  g_assert_true (ll_run_config_starts_at_target (&config));
  config.initial_length = 131064;
  g_assert_false (ll_run_config_starts_at_target (&config));

  /* Boxed: 32 more bytes an element count in all, not in the container. */
  config.element = LL_ELEMENT_BOXED;
  config.target_kind = LL_TARGET_TOTAL_BYTES;
  config.target = 56 + 40 * 1000;
  config.initial_length = 1000;
  g_assert_true (ll_run_config_starts_at_target (&config));
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  g_assert_false (ll_run_config_starts_at_target (&config));

  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 1000;
  g_assert_true (ll_run_config_starts_at_target (&config));
  config.target = 1001;
  g_assert_false (ll_run_config_starts_at_target (&config));

  /* An empty list is 56 bytes. */
  config.initial_length = 0;
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  config.target = 56;
  g_assert_true (ll_run_config_starts_at_target (&config));
}

/* A reserve typed as "auto", a size or a share of this machine's memory;
 * each mistake says what a reserve can be. */
static void
test_reserve (void)
{
  LlMemInfo info = { .total_bytes = 24 * GiB, .cgroup_limit_bytes = LL_NO_LIMIT };
  const struct { const char *text; guint64 reserve; } good[] = {
    { "auto", LL_RESERVE_DEFAULT }, { "", LL_RESERVE_DEFAULT }, { " AUTO ", LL_RESERVE_DEFAULT },
    { "0", 0 }, { "2GiB", 2 * GiB }, { "24GiB", 24 * GiB },
    /* 24 GiB × 10 % is 2,576,980,377.6 bytes */
    { "10%", 2576980378 }, { "10 %", 2576980378 }, { "10\u00A0%", 2576980378 }, { "10\u202F%", 2576980378 },
    { " 2.5% ", 644245094 }, { "0%", 0 }, { "100%", 24 * GiB },
  };
  const struct { const char *text; int code; const char *message; } bad[] = {
    { "150%", LL_SIZE_ERROR_OVERFLOW, "150 % is more than all of the memory: a share goes from 0 to 100 %" },
    { "-5%", LL_SIZE_ERROR_NEGATIVE, "‘-5%’ is not a share of memory: write a number from 0 to 100 before “%”" },
    { "%", LL_SIZE_ERROR_EMPTY, "‘%’ is not a share of memory: write a number from 0 to 100 before “%”" },
    { "lots", LL_SIZE_ERROR_SYNTAX,
      "‘lots’ is not a reserve: write “auto”, a size such as 2GiB or a share of memory such as 10 %" },
    { "30GiB", LL_SIZE_ERROR_OVERFLOW, "30.00 GiB is more than this machine’s memory (24.00 GiB)" },
    { "30GB", LL_SIZE_ERROR_OVERFLOW, "30.00 GB is more than this machine’s memory (25.77 GB)" },
  };
  guint64 reserve;
  g_autofree char *described = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      reserve = 1;
      g_assert_true (ll_reserve_parse (good[i].text, LL_SIZE_FLAGS_NONE, &info, &reserve, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (reserve, ==, good[i].reserve);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ll_reserve_parse (bad[i].text, LL_SIZE_FLAGS_NONE, &info, &reserve, &error));
      g_assert_error (error, LL_SIZE_ERROR, bad[i].code);
      g_assert_cmpstr (error->message, ==, bad[i].message);
    }

  /* A share is of the memory the process may use, as the automatic
   * reserve's; without the machine's memory it means nothing, while a
   * size still does. */
  info.cgroup_limit_bytes = 4 * GiB;
  g_assert_true (ll_reserve_parse ("50%", LL_SIZE_FLAGS_NONE, &info, &reserve, NULL));
  g_assert_cmpuint (reserve, ==, 2 * GiB);
  info.cgroup_limit_bytes = LL_NO_LIMIT;
  g_assert_false (ll_reserve_parse ("10%", LL_SIZE_FLAGS_NONE, NULL, &reserve, NULL));
  g_assert_true (ll_reserve_parse ("30GiB", LL_SIZE_FLAGS_NONE, NULL, &reserve, NULL));
  g_assert_cmpuint (reserve, ==, 30 * GiB);
  /* All of the machine's memory is a reserve still (a byte more is not). */
  g_assert_true (ll_reserve_parse ("24GiB", LL_SIZE_FLAGS_NONE, &info, &reserve, NULL));
  g_assert_cmpuint (reserve, ==, 24 * GiB);
  g_assert_false (ll_reserve_parse ("25769803777", LL_SIZE_FLAGS_NONE, &info, &reserve, NULL));
  /* As a size, the value that stands for "auto" is not "auto". */
  g_assert_true (ll_reserve_parse ("18446744073709551615", LL_SIZE_FLAGS_NONE, NULL, &reserve, NULL));
  g_assert_cmpuint (reserve, ==, LL_RESERVE_DEFAULT - 1);

  /* What each means, in a sentence. */
  described = ll_reserve_describe ("10 %", LL_SIZE_FLAGS_NONE, &info, LL_UNITS_IEC, NULL);
  g_assert_cmpstr (described, ==, "10 % of memory: 2.40 GiB here. Runs stop before free memory falls below it.");
  g_clear_pointer (&described, g_free);
  described = ll_reserve_describe ("auto", LL_SIZE_FLAGS_NONE, &info, LL_UNITS_IEC, NULL);
  g_assert_cmpstr (described, ==, "5 % of memory, at least 512 MiB: 1.20 GiB here. "
                                  "Runs stop before free memory falls below it.");
  g_clear_pointer (&described, g_free);
  described = ll_reserve_describe ("2GiB", LL_SIZE_FLAGS_NONE, &info, LL_UNITS_SI, NULL);
  g_assert_cmpstr (described, ==, "Runs stop before free memory falls below 2.15 GB");
  g_clear_pointer (&described, g_free);
  described = ll_reserve_describe ("0%", LL_SIZE_FLAGS_NONE, &info, LL_UNITS_IEC, NULL);
  g_assert_cmpstr (described, ==, "No reserve: a large run may leave the system out of memory");
  g_clear_pointer (&described, g_free);
  g_assert_null (ll_reserve_describe ("lots", LL_SIZE_FLAGS_NONE, &info, LL_UNITS_IEC, NULL));
  /* with the reason ll_reserve_parse () gives */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (ll_reserve_describe ("150%", LL_SIZE_FLAGS_NONE, &info, LL_UNITS_IEC, &error));
    g_assert_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_OVERFLOW);
    g_assert_cmpstr (error->message, ==, "150 % is more than all of the memory: a share goes from 0 to 100 %");
  }
}

/* np.append copies the whole array on every append: n² / 2 slots for n
 * appends from empty, a batch's worth at once when extending; a run that
 * would copy for more than ten minutes is refused, with the largest
 * target that does not. */
static void
test_np_append_copies (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *one = NULL;
  g_autofree char *batched = NULL;
  LlRunConfig config;

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_NUMPY_APPEND);
  config.element = LL_ELEMENT_INT64;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 100000;

  /* 8 × 100,000² / 2 = 40 GB, 10 s at 4 GB/s */
  one = ll_run_config_describe_copies (&config);
  g_assert_cmpstr (one, ==, "np.append copies the whole array on every append: about 40.00 GB in all, "
                            "some 10.0 s at memory speed");
  config.batch = 1000;
  batched = ll_run_config_describe_copies (&config);
  g_assert_cmpstr (batched, ==, "np.append copies the whole array on every append: about 40.00 MB in all, "
                                "some 10.0 ms at memory speed");

  /* 1,000,000 appends copy 4 TB (1,000 s): refused; the longest list
   * copied within 600 s is √(2 × 600 × 4 GB/s ÷ 8 B) = 774,596 elements. */
  config.batch = 1;
  config.target = 1000000;
  g_assert_false (ll_run_config_check_copies (&config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "np.append copies the whole array on every append: this target "
                                       "would copy about 4.00 TB, some 16 min 40 s at memory speed. "
                                       "Choose a target of at most 774,596, or simulate it.");
  g_clear_error (&error);
  /* … extended by 1,000 at a time it copies 4 GB: taken. */
  config.batch = 1000;
  g_assert_true (ll_run_config_check_copies (&config, &error));
  g_assert_no_error (error);

  /* Other runtimes copy nothing of the kind. */
  ll_policy_init (&config.policy, LL_POLICY_CPYTHON_ARRAY);
  g_assert_null (ll_run_config_describe_copies (&config));
  g_assert_true (ll_run_config_check_copies (&config, NULL));
}

/* A list as long as a list may be is taken; one element more is not. A
 * custom policy's constant is checked only for a custom policy. */
static void
test_config_limits (void)
{
  LlRunConfig config;

  ll_run_config_init (&config);
  config.initial_length = LL_RUN_MAX_ELEMENTS;
  g_assert_true (ll_run_config_validate (&config, NULL));
  config.initial_length = LL_RUN_MAX_ELEMENTS + 1;
  g_assert_false (ll_run_config_validate (&config, NULL));

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_FIXED);
  config.policy.increment = 1000;
  config.policy.constant = G_MAXUINT64;
  g_assert_true (ll_run_config_validate (&config, NULL));
  ll_policy_init (&config.policy, LL_POLICY_CUSTOM);
  config.policy.constant = LL_RUN_MAX_ELEMENTS + 1;
  g_assert_false (ll_run_config_validate (&config, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/run-config/estimate-skip", test_estimate_skip);
  g_test_add_func ("/run-config/defaults", test_config_defaults);
  g_test_add_func ("/run-config/default-element", test_default_element);
  g_test_add_func ("/run-config/for-policy", test_for_policy);
  g_test_add_func ("/run-config/invalid", test_config_invalid);
  g_test_add_func ("/run-config/limits", test_config_limits);
  g_test_add_func ("/run-config/np-append-copies", test_np_append_copies);
  g_test_add_func ("/run-config/estimate-peak", test_estimate_peak);
  g_test_add_func ("/run-config/starts-at-target", test_starts_at_target);
  g_test_add_func ("/run-config/reserve", test_reserve);

  return g_test_run ();
}
