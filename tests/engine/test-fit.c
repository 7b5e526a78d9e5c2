/* test-fit.c — does a run fit in the memory the system can spare?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ll-element.h"
#include "ll-fit.h"
#include "ll-size.h"

#define MiB (G_GUINT64_CONSTANT (1) << 20)
#define GiB (G_GUINT64_CONSTANT (1) << 30)

static void
machine (LlMemInfo *info,
         guint64    available)
{
  memset (info, 0, sizeof *info);
  info->total_bytes = 16 * GiB;
  info->available_bytes = available;
  info->cgroup_limit_bytes = LL_NO_LIMIT;
}

/* What fits is what the reserve leaves, and the plan says how much. */
static void
test_fit_plan (void)
{
  LlRunConfig config;
  LlMemInfo info;
  LlFit fit;

  ll_run_config_init (&config);
  config.element = LL_ELEMENT_INT64;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 100 * MiB / 8;
  config.reserve_bytes = 256 * MiB;
  machine (&info, 1 * GiB);

  ll_fit_plan (&fit, &config, &info, 0);
  g_assert_true (fit.fits);
  g_assert_cmpuint (fit.peak, ==, 100 * MiB);
  g_assert_cmpuint (fit.spare, ==, 1 * GiB);
  g_assert_cmpuint (fit.reserve, ==, 256 * MiB);
  g_assert_cmpuint (fit.budget, ==, 768 * MiB);
  g_assert_cmpuint (fit.fitting, ==, config.target);

  /* 1 GiB of int64 does not fit in 768 MiB; 768 MiB of them does. */
  config.target = 1 * GiB / 8;
  ll_fit_plan (&fit, &config, &info, 0);
  g_assert_false (fit.fits);
  g_assert_cmpuint (fit.fitting, ==, 768 * MiB / 8);

  /* Exactly what is left above the reserve fits. */
  config.target = 768 * MiB / 8;
  ll_fit_plan (&fit, &config, &info, 0);
  g_assert_cmpuint (fit.peak, ==, fit.budget);
  g_assert_true (fit.fits);
  g_assert_cmpuint (fit.fitting, ==, config.target);
  config.target = 1 * GiB / 8;

  /* A list held now gives back what it holds. */
  ll_fit_plan (&fit, &config, &info, 512 * MiB);
  g_assert_true (fit.fits);
  g_assert_cmpuint (fit.spare, ==, 1 * GiB + 512 * MiB);

  /* A container's limit counts, not the host's memory. */
  info.cgroup_limit_bytes = 512 * MiB;
  info.cgroup_usage_bytes = 0;
  ll_fit_plan (&fit, &config, &info, 0);
  g_assert_cmpuint (fit.spare, ==, 512 * MiB);
  g_assert_cmpuint (fit.budget, ==, 256 * MiB);

  /* Nothing fits above the reserve. */
  config.reserve_bytes = 2 * GiB;
  machine (&info, 1 * GiB);
  ll_fit_plan (&fit, &config, &info, 0);
  g_assert_false (fit.fits);
  g_assert_cmpuint (fit.budget, ==, 0);
  g_assert_cmpuint (fit.fitting, ==, 0);
}

/* The sentences: the two figures that differ, and why. */
static void
test_fit_describe (void)
{
  g_autofree char *bytes = NULL;
  g_autofree char *elements = NULL;
  g_autofree char *none = NULL;
  g_autofree char *fits = NULL;
  LlRunConfig config;
  LlMemInfo info;
  LlFit fit;

  ll_run_config_init (&config);
  config.target = G_GUINT64_CONSTANT (1000000000000);
  config.target_units = LL_UNITS_SI;
  config.reserve_bytes = 1 * GiB;
  machine (&info, 23 * GiB);
  ll_fit_plan (&fit, &config, &info, 0);
  bytes = ll_fit_describe (&fit, &config);
  g_assert_true (g_str_has_prefix (bytes, "Growing the list to 1.00 TB writes about "));
  g_assert_nonnull (strstr (bytes, "the slack beyond its length is reserved but never written"));
  g_assert_nonnull (strstr (bytes, "The system can spare 23.00 GiB now and keeps 1.00 GiB as a reserve, "
                                   "which leaves 22.00 GiB: the largest target that fits is "));
  g_assert_true (g_str_has_suffix (bytes, " GB."));

  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 10000000000;
  ll_fit_plan (&fit, &config, &info, 3 * GiB);
  elements = ll_fit_describe (&fit, &config);
  g_assert_true (g_str_has_prefix (elements, "Growing the list to 10,000,000,000 elements writes about "));
  g_assert_null (strstr (elements, "slack"));
  g_assert_nonnull (strstr (elements, "can spare 26.00 GiB once the previous list is freed"));
  g_assert_true (g_str_has_suffix (elements, " elements."));

  config.reserve_bytes = 64 * GiB;
  ll_fit_plan (&fit, &config, &info, 0);
  none = ll_fit_describe (&fit, &config);
  g_assert_true (g_str_has_suffix (none, "so no run fits: free some memory or lower the reserve."));

  config.reserve_bytes = 0;
  config.target = 1000;
  ll_fit_plan (&fit, &config, &info, 0);
  fits = ll_fit_describe (&fit, &config);
  g_assert_true (g_str_has_suffix (fits, ": it fits."));
}

/* A list made past its target: what it writes is the initial list, and a
 * shorter one is what fits. */
static void
test_fit_describe_at_start (void)
{
  g_autofree char *fits = NULL;
  g_autofree char *none = NULL;
  g_autofree char *one = NULL;
  g_autofree char *empty = NULL;
  LlRunConfig config;
  LlMemInfo info;
  LlFit fit;

  ll_run_config_init (&config);
  config.target = 1 << 20;
  config.target_units = LL_UNITS_IEC;
  config.initial_length = 20000000;
  config.reserve_bytes = 1 * GiB;
  machine (&info, 23 * GiB);
  ll_fit_plan (&fit, &config, &info, 0);
  fits = ll_fit_describe (&fit, &config);
  g_assert_cmpstr (fits, ==,
                   "The initial list of 20,000,000 elements already reaches the target of "
                   "1.00 MiB and writes about 152.59 MiB of memory. The system can spare "
                   "23.00 GiB now and keeps 1.00 GiB as a reserve, which leaves 22.00 GiB: "
                   "it fits.");

  config.initial_length = 10000000000;
  ll_fit_plan (&fit, &config, &info, 0);
  g_assert_false (fit.fits);
  g_assert_cmpuint (fit.fitting, ==, 0);
  none = ll_fit_describe (&fit, &config);
  g_assert_cmpstr (none, ==,
                   "The initial list of 10,000,000,000 elements already reaches the target of "
                   "1.00 MiB and writes about 74.51 GiB of memory. The system can spare "
                   "23.00 GiB now and keeps 1.00 GiB as a reserve, so it does not fit: start "
                   "from a shorter list, free some memory or lower the reserve.");

  /* One element, in the singular. */
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 1;
  config.initial_length = 1;
  ll_fit_plan (&fit, &config, &info, 0);
  one = ll_fit_describe (&fit, &config);
  g_assert_true (g_str_has_prefix (one, "The initial list of 1 element already reaches the target of "
                                        "1 element and writes about 40 B of memory."));

  /* An empty list is no initial list: the sentence of any run. */
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  config.target = 40;
  config.initial_length = 0;
  ll_fit_plan (&fit, &config, &info, 0);
  empty = ll_fit_describe (&fit, &config);
  g_assert_true (g_str_has_prefix (empty, "Growing the list to 40 B writes about "));
}

/* A target past the initial list where no run fits: it says when not
 * even the initial list does, the one thing to make shorter, and only
 * then. */
static void
test_fit_describe_initial (void)
{
  g_autofree char *too_long = NULL;
  g_autofree char *no_growth = NULL;
  LlRunConfig config;
  LlMemInfo info;
  LlFit fit;

  ll_run_config_init (&config);
  config.target = 100 * G_GUINT64_CONSTANT (1000000000);
  config.target_units = LL_UNITS_SI;
  config.element = LL_ELEMENT_INT64;
  config.initial_length = 10000000000;
  config.reserve_bytes = 1 * GiB;
  machine (&info, 23 * GiB);
  ll_fit_plan (&fit, &config, &info, 0);
  g_assert_cmpuint (fit.fitting, ==, 0);
  too_long = ll_fit_describe (&fit, &config);
  g_assert_cmpstr (too_long, ==,
                   "Growing the list to 100.00 GB writes about 83.82 GiB of memory. The system "
                   "can spare 23.00 GiB now and keeps 1.00 GiB as a reserve, so no run fits, "
                   "not even the initial list of 10,000,000,000 elements: start from a shorter "
                   "list, free some memory or lower the reserve.");

  /* The initial list fits, its first growth does not: no run fits, but
   * the initial list is not the reason. */
  config.initial_length = 1000000;
  machine (&info, 1 * GiB + 8000000 + 4);
  ll_fit_plan (&fit, &config, &info, 0);
  g_assert_cmpuint (fit.fitting, ==, 0);
  no_growth = ll_fit_describe (&fit, &config);
  g_assert_true (g_str_has_suffix (no_growth, "so no run fits: free some memory or lower the reserve."));
}

/* The peak of @config grown to @target instead. */
static guint64
peak_at (const LlRunConfig *config,
         guint64            target)
{
  LlRunConfig other = *config;

  other.target = target;
  return ll_run_config_estimate_peak (&other, NULL, NULL);
}

/* The largest target that fits is the largest whose peak stays within the
 * budget, one more does not fit: whatever the policy, mechanism, element
 * model and kind of target, with a budget exactly at a peak, a byte
 * under it or a byte over it. */
static void
test_fitting_is_largest (void)
{
  const LlPolicyKind policies[] = { LL_POLICY_CPYTHON, LL_POLICY_DOUBLE, LL_POLICY_JAVA };
  const LlMechanism mechanisms[] = { LL_MECHANISM_REALLOC, LL_MECHANISM_COPY };
  const LlElement elements[] = { LL_ELEMENT_SHARED, LL_ELEMENT_BOXED, LL_ELEMENT_INT64 };
  const LlTargetKind kinds[] = { LL_TARGET_ELEMENTS, LL_TARGET_CONTAINER_BYTES };
  guint checked = 0;

  for (guint p = 0; p < G_N_ELEMENTS (policies); p++)
    for (guint m = 0; m < G_N_ELEMENTS (mechanisms); m++)
      for (guint e = 0; e < G_N_ELEMENTS (elements); e++)
        for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
          for (int off = -1; off <= 1; off++)
            {
              LlRunConfig config;
              LlMemInfo info;
              LlFit fit;
              guint64 near = kinds[k] == LL_TARGET_ELEMENTS ? 3000001 : 40000003;
              guint64 budget;

              ll_run_config_init (&config);
              ll_policy_init (&config.policy, policies[p]);
              config.mechanism = mechanisms[m];
              config.element = elements[e];
              config.target_kind = kinds[k];
              config.target = 10 * near;
              config.reserve_bytes = 0;
              budget = peak_at (&config, near) + off;
              machine (&info, budget);

              ll_fit_plan (&fit, &config, &info, 0);
              g_assert_cmpuint (fit.budget, ==, budget);
              g_assert_false (fit.fits);
              g_assert_cmpuint (fit.fitting, >, 0);
              g_assert_cmpuint (fit.fitting, <, config.target);
              if (peak_at (&config, fit.fitting) > budget || peak_at (&config, fit.fitting + 1) <= budget)
                g_error ("policy %u, mechanism %u, element %u, kind %u, budget %+d: %" G_GUINT64_FORMAT
                         " fits (peak %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT ") and not one more",
                         p, m, e, k, off, fit.fitting, peak_at (&config, fit.fitting), budget);
              /* At the peak of @near exactly, @near itself fits. */
              if (off == 0)
                g_assert_cmpuint (fit.fitting, >=, near);
              /* The largest target as the reasons say it, typed back,
               * fits too: a size is rounded down there, never up. */
              if (kinds[k] == LL_TARGET_CONTAINER_BYTES)
                {
                  static const char marker[] = "the largest target that fits is ";
                  g_autofree char *why = NULL;
                  g_autofree char *shown = NULL;
                  const char *at;
                  guint64 typed = 0;

                  config.target_units = (p + m + e) % 2 == 0 ? LL_UNITS_SI : LL_UNITS_IEC;
                  why = ll_fit_describe (&fit, &config);
                  at = strstr (why, marker);
                  g_assert_nonnull (at);
                  shown = g_strndup (at + strlen (marker), strlen (at + strlen (marker)) - 1);
                  g_assert_true (ll_size_parse_bytes (shown, LL_SIZE_FLAGS_NONE, &typed, NULL));
                  if (typed > fit.fitting || peak_at (&config, typed) > budget)
                    g_error ("“%s” (%" G_GUINT64_FORMAT ") for %" G_GUINT64_FORMAT " that fits",
                             shown, typed, fit.fitting);
                }
              checked++;
            }
  g_assert_cmpuint (checked, ==, 108);
}

/* The next growth, before it happens: where, how much more, and whether
 * that stays above the reserve. */
static void
test_next_growth (void)
{
  LlRunConfig config;
  LlForecast f;

  ll_run_config_init (&config);
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  config.target = 1024 * MiB;

  /* CPython, realloc(): only what the block adds is needed. 1,000,000
   * elements in 1,000,000 slots: the next append grows it to
   * (1,000,001 + 125,000 + 6) & ~3 = 1,125,004 slots. */
  g_assert_true (ll_fit_next_growth (&f, &config, 1000000, 1000000, 100 * MiB, 10 * MiB));
  g_assert_cmpuint (f.length, ==, 1000001);
  g_assert_cmpuint (f.old_capacity, ==, 1000000);
  g_assert_cmpuint (f.new_capacity, ==, 1125004);
  g_assert_cmpuint (f.need, ==, 125004 * 8);
  g_assert_cmpuint (f.room, ==, 90 * MiB);
  g_assert_true (f.fits);

  /* The same growth when just less than it is left above the reserve:
   * said before it happens. */
  g_assert_true (ll_fit_next_growth (&f, &config, 1000000, 1000000, 10 * MiB + 125004 * 8 - 1, 10 * MiB));
  g_assert_false (f.fits);

  /* Doubling by copying holds both blocks: the whole new one is needed. */
  ll_policy_init (&config.policy, LL_POLICY_DOUBLE);
  g_assert_true (ll_fit_next_growth (&f, &config, 600, 1024, 100 * MiB, 0));
  g_assert_cmpuint (f.length, ==, 1025);
  g_assert_cmpuint (f.new_capacity, ==, 2048);
  g_assert_cmpuint (f.need, ==, 2048 * 8);

  /* A list that reaches its target first never grows again; one whose
   * growing append is its last still grows. */
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 1024;
  g_assert_false (ll_fit_next_growth (&f, &config, 600, 1024, 100 * MiB, 0));
  config.target = 1025;
  g_assert_true (ll_fit_next_growth (&f, &config, 600, 1024, 100 * MiB, 0));
  g_assert_cmpuint (f.length, ==, 1025);

  /* A container already at its target in bytes, likewise. */
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  config.target = 56 + 8 * 1024;
  g_assert_false (ll_fit_next_growth (&f, &config, 600, 1024, 100 * MiB, 0));
  config.target = 56 + 8 * 1024 + 1;
  g_assert_true (ll_fit_next_growth (&f, &config, 600, 1024, 100 * MiB, 0));
}

/* The growth that reaches the target is written only up to its append:
 * it fits where those appends do, however large the block it reserves,
 * as the engine counts it; any other growth needs its block. */
static void
test_next_growth_to_target (void)
{
  LlRunConfig config;
  LlForecast f;

  /* CPython, realloc(): 1,000,000 elements in 1,000,000 slots grow to
   * 1,125,004 slots (1,000,032 bytes more): 9,000,088 bytes, past a
   * target of 8.5 MB. */
  ll_run_config_init (&config);
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  config.target = 8500000;
  g_assert_true (ll_fit_next_growth (&f, &config, 999990, 1000000, GiB + 11 * 8, GiB));
  g_assert_true (f.reaches_target);
  g_assert_cmpuint (f.need, ==, 125004 * 8);
  g_assert_true (f.fits);
  /* (the 11 appends, a byte short) */
  g_assert_true (ll_fit_next_growth (&f, &config, 999990, 1000000, GiB + 11 * 8 - 1, GiB));
  g_assert_false (f.fits);

  /* The same growth short of a larger target needs its block. */
  config.target = 16000000;
  g_assert_true (ll_fit_next_growth (&f, &config, 999990, 1000000, GiB + 11 * 8, GiB));
  g_assert_false (f.reaches_target);
  g_assert_false (f.fits);

  /* Copying writes the rest of the old block, then the new block up to
   * its append, beside the old one. */
  config.target = 8500000;
  config.mechanism = LL_MECHANISM_COPY;
  g_assert_true (ll_fit_next_growth (&f, &config, 999990, 1000000, GiB + (10 + 1000001) * 8, GiB));
  g_assert_cmpuint (f.writes, ==, (10 + 1000001) * 8);
  g_assert_true (f.fits);
  g_assert_true (ll_fit_next_growth (&f, &config, 999990, 1000000, GiB + (10 + 1000001) * 8 - 1, GiB));
  g_assert_false (f.fits);

  /* Objects count too: boxed elements, a target of all the bytes. */
  config.mechanism = LL_MECHANISM_REALLOC;
  config.element = LL_ELEMENT_BOXED;
  config.target_kind = LL_TARGET_TOTAL_BYTES;
  config.target = ll_run_config_container_bytes (&config, 1125004) +
                  ll_element_objects_bytes (LL_ELEMENT_BOXED, 1000001);
  g_assert_true (ll_fit_next_growth (&f, &config, 999990, 1000000, 100 * GiB, GiB));
  g_assert_true (f.reaches_target);
  config.target++;
  g_assert_true (ll_fit_next_growth (&f, &config, 999990, 1000000, 100 * GiB, GiB));
  g_assert_false (f.reaches_target);

  /* Any other growth: the rest of the block, then the new one filled,
   * objects and all, as the engine asks room for it before it grows. */
  config.element = LL_ELEMENT_BOXED;
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  config.target = 1024 * MiB;
  g_assert_true (ll_fit_next_growth (&f, &config, 999990, 1000000, 100 * GiB, GiB));
  g_assert_false (f.reaches_target);
  g_assert_cmpuint (f.need, ==, 125004 * 8);
  g_assert_cmpuint (f.writes, ==, (10 + 125004) * (8 + 32));
  g_assert_true (ll_fit_next_growth (&f, &config, 999990, 1000000, GiB + (10 + 125004) * 40 - 1, GiB));
  g_assert_false (f.fits);
  /* (an element target stops filling at the target) */
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 1000100;
  g_assert_true (ll_fit_next_growth (&f, &config, 999990, 1000000, 100 * GiB, GiB));
  g_assert_cmpuint (f.writes, ==, (10 + 100) * 40);

  /* Past the target, the growth after a run is never the last one. */
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  config.target = 8500000;
  g_assert_true (ll_fit_growth_after (&f, &config, 999990, 1000000, 100 * GiB, GiB));
  g_assert_false (f.reaches_target);
}

/* After its run, the list's growth past the target: the same growth as
 * it would have been, whatever the target says. */
static void
test_growth_after (void)
{
  LlRunConfig config;
  LlForecast f;

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_DOUBLE);
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 600;
  g_assert_false (ll_fit_next_growth (&f, &config, 600, 1024, 100 * MiB, 0));
  g_assert_true (ll_fit_growth_after (&f, &config, 600, 1024, 100 * MiB, 10 * MiB));
  g_assert_cmpuint (f.length, ==, 1025);
  g_assert_cmpuint (f.old_capacity, ==, 1024);
  g_assert_cmpuint (f.new_capacity, ==, 2048);
  g_assert_cmpuint (f.need, ==, 2048 * 8);
  g_assert_cmpuint (f.room, ==, 90 * MiB);
  g_assert_true (f.fits);

  /* A container at its target in bytes, likewise; CPython by realloc()
   * needs only what the block adds. */
  ll_policy_init (&config.policy, LL_POLICY_CPYTHON);
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  config.target = 56 + 8 * 1000000;
  g_assert_false (ll_fit_next_growth (&f, &config, 1000000, 1000000, 100 * MiB, 0));
  g_assert_true (ll_fit_growth_after (&f, &config, 1000000, 1000000, MiB, 0));
  g_assert_cmpuint (f.new_capacity, ==, 1125004);
  g_assert_cmpuint (f.need, ==, 125004 * 8);
  g_assert_true (f.fits);
  g_assert_true (ll_fit_growth_after (&f, &config, 1000000, 1000000, 125004 * 8 - 1, 0));
  g_assert_false (f.fits);
}

/* What fits is what is left above the reserve, to the byte; a reserve
 * above what is free leaves nothing. */
static void
test_next_growth_room (void)
{
  LlRunConfig config;
  LlForecast f;

  ll_run_config_init (&config);
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  config.target = 1024 * MiB;

  g_assert_true (ll_fit_next_growth (&f, &config, 1000000, 1000000, 10 * MiB + 125004 * 8, 10 * MiB));
  g_assert_cmpuint (f.room, ==, 125004 * 8);
  g_assert_true (f.fits);

  g_assert_true (ll_fit_next_growth (&f, &config, 1000000, 1000000, 5 * MiB, 10 * MiB));
  g_assert_cmpuint (f.room, ==, 0);
  g_assert_false (f.fits);
}

/* list.extend by 1,000: the append that grows the list adds a whole
 * batch (CPython 3.11: 1,000,000 slots, then 1,126,128 after extending by
 * 1,000); copying instead of realloc () needs the whole new block. */
static void
test_next_growth_batch_and_copy (void)
{
  LlRunConfig config;
  LlForecast f;

  ll_run_config_init (&config);
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  config.target = 1024 * MiB;
  config.batch = 1000;

  g_assert_true (ll_fit_next_growth (&f, &config, 1000000, 1000000, 100 * MiB, 0));
  g_assert_cmpuint (f.length, ==, 1001000);
  g_assert_cmpuint (f.new_capacity, ==, 1126128);
  g_assert_cmpuint (f.need, ==, 126128 * 8);

  config.mechanism = LL_MECHANISM_COPY;
  g_assert_true (ll_fit_next_growth (&f, &config, 1000000, 1000000, 100 * MiB, 0));
  g_assert_cmpuint (f.new_capacity, ==, 1126128);
  g_assert_cmpuint (f.need, ==, 1126128 * 8);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fit/plan", test_fit_plan);
  g_test_add_func ("/fit/describe", test_fit_describe);
  g_test_add_func ("/fit/describe/at-start", test_fit_describe_at_start);
  g_test_add_func ("/fit/describe/initial", test_fit_describe_initial);
  g_test_add_func ("/fit/next-growth", test_next_growth);
  g_test_add_func ("/fit/next-growth/to-target", test_next_growth_to_target);
  g_test_add_func ("/fit/next-growth/room", test_next_growth_room);
  g_test_add_func ("/fit/next-growth/batch-and-copy", test_next_growth_batch_and_copy);
  g_test_add_func ("/fit/growth-after", test_growth_after);
  g_test_add_func ("/fit/fitting-is-largest", test_fitting_is_largest);

  return g_test_run ();
}
