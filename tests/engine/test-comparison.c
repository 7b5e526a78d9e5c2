/* test-comparison.c — a run's figures for comparing policies, against sums by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "engine-test.h"
#include "ll-comparison.h"
#include "ll-growth.h"
#include "ll-simulation.h"

static gboolean
collect (const LlEvent  *events,
         gsize           n_events,
         gpointer        user_data,
         GError        **error)
{
  g_array_append_vals (user_data, events, n_events);
  return TRUE;
}

static void
config_for (LlRunConfig  *config,
            LlPolicyKind  kind,
            LlElement     element,
            guint64       target_bytes)
{
  ll_run_config_init (config);
  ll_policy_init (&config->policy, kind);
  config->element = element;
  config->target_kind = LL_TARGET_CONTAINER_BYTES;
  config->target = target_bytes;
}

/* Every figure against the events, summed here one by one; the mean slack
 * against every append walked here one by one. */
static void
check_against_events (const LlRunConfig *config)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (LlEvent));
  g_autoptr(GError) error = NULL;
  const LlElementInfo *info = ll_element_get_info (config->element);
  gboolean copying = ll_run_config_get_mechanism (config) == LL_MECHANISM_COPY;
  LlComparisonBuilder builder;
  LlHistoryCounters counters;
  LlComparison c;
  guint64 allocated, copied = 0, peak, length, capacity;
  double slack = 0.0;
  gsize next = 0;

  ll_comparison_begin (&builder, config);
  g_assert_true (ll_simulate (config, history, collect, events, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  ll_comparison_add_events (&builder, (const LlEvent *) (gpointer) events->data, events->len);
  ll_history_get_counters (history, &counters);
  ll_comparison_finish (&builder, counters.end_length, counters.end_capacity, 0, 0, &c);

  capacity = ll_policy_initial_capacity (&config->policy, config->initial_length);
  allocated = capacity * info->slot_bytes;
  peak = allocated + config->initial_length * info->object_bytes;
  for (guint i = 0; i < events->len; i++)
    {
      const LlEvent *e = &g_array_index (events, LlEvent, i);
      guint64 held = e->new_capacity * info->slot_bytes + e->length * info->object_bytes;

      if (copying)
        held += e->old_capacity * info->slot_bytes;
      allocated += e->new_capacity * info->slot_bytes;
      copied += e->bytes_copied;
      peak = MAX (peak, held);
    }
  /* Every append, with the capacity it landed in. */
  for (length = config->initial_length + 1; length <= counters.end_length; length++)
    {
      while (next < events->len && g_array_index (events, LlEvent, next).length <= length)
        capacity = g_array_index (events, LlEvent, next++).new_capacity;
      slack += (double) (capacity - length) / (double) capacity;
    }

  g_assert_cmpuint (c.n_reallocations, ==, events->len);
  g_assert_cmpuint (c.length, ==, counters.end_length);
  g_assert_cmpuint (c.capacity, ==, counters.end_capacity);
  g_assert_cmpuint (c.container_bytes, ==, 56 + c.capacity * info->slot_bytes);
  g_assert_cmpuint (c.slack_bytes, ==, (c.capacity - c.length) * info->slot_bytes);
  g_assert_cmpfloat_with_epsilon (c.slack_fraction, (double) (c.capacity - c.length) / c.capacity, 1e-12);
  g_assert_cmpfloat_with_epsilon (c.mean_slack_fraction,
                                  slack / (double) (counters.end_length - config->initial_length), 1e-9);
  g_assert_cmpuint (c.bytes_allocated, ==, allocated);
  g_assert_cmpuint (c.bytes_copied, ==, copied);
  g_assert_cmpuint (c.peak_bytes, ==, peak);
  g_assert_cmpint (c.copies_known, ==, ll_run_config_get_mechanism (config) != LL_MECHANISM_REALLOC);
  g_assert_cmpuint (c.elapsed_ns, ==, 0);

  /* The history's counters give the same, whatever it merged. */
  {
    LlComparison d;

    ll_comparison_from_counters (config, &counters, 0, 0, &d);
    g_assert_cmpuint (d.n_reallocations, ==, c.n_reallocations);
    g_assert_cmpuint (d.length, ==, c.length);
    g_assert_cmpuint (d.capacity, ==, c.capacity);
    g_assert_cmpuint (d.slack_bytes, ==, c.slack_bytes);
    g_assert_cmpfloat_with_epsilon (d.mean_slack_fraction, c.mean_slack_fraction, 1e-9);
    g_assert_cmpuint (d.bytes_allocated, ==, c.bytes_allocated);
    g_assert_cmpuint (d.bytes_copied, ==, c.bytes_copied);
    g_assert_cmpuint (d.peak_bytes, ==, c.peak_bytes);
    g_assert_cmpint (d.copies_known, ==, c.copies_known);
  }
}

/* A history far too small for every event still counts them exactly. */
static void
test_merged_history (void)
{
  g_autoptr(LlHistory) small = ll_history_new (64);
  g_autoptr(LlHistory) big = ll_history_new (0);
  g_autoptr(GError) error = NULL;
  LlHistoryCounters a, b;
  LlComparison x, y;
  LlRunConfig config;

  config_for (&config, LL_POLICY_FIXED, LL_ELEMENT_SHARED, 256 * 1024);
  g_assert_true (ll_simulate (&config, small, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_true (ll_simulate (&config, big, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ll_history_is_exact (small));
  ll_history_get_counters (small, &a);
  ll_history_get_counters (big, &b);
  ll_comparison_from_counters (&config, &a, 0, 0, &x);
  ll_comparison_from_counters (&config, &b, 0, 0, &y);
  g_assert_cmpmem (&x, sizeof x, &y, sizeof y);
}

static void
test_figures (void)
{
  LlRunConfig config;

  /* CPython: realloc(), what it copies is the C library's business. */
  config_for (&config, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, 4 * MiB);
  check_against_events (&config);

  /* Doubling with a copy: every growth copies the old block, and both
   * blocks are held while it does. */
  config_for (&config, LL_POLICY_DOUBLE, LL_ELEMENT_BOXED, 4 * MiB);
  check_against_events (&config);

  /* Go from list(range(n)), int32 slots. */
  config_for (&config, LL_POLICY_GO, LL_ELEMENT_INT32, 2 * MiB);
  config.initial_length = 1000;
  check_against_events (&config);

  /* Fixed +4: many small steps. */
  config_for (&config, LL_POLICY_FIXED, LL_ELEMENT_SHARED, 64 * 1024);
  check_against_events (&config);

  /* A length that ends between two growths: the appends after the last
   * one have their slack too. */
  config_for (&config, LL_POLICY_JAVA, LL_ELEMENT_SHARED, 0);
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 1000003;
  check_against_events (&config);
}

/* Doubling with copies: both blocks must fit, so the list stops at the
 * capacity before the growth that would not. */
static void
test_fit_length (void)
{
  LlRunConfig config;
  guint64 free_bytes = GiB, capacity = 0, fit = 0;
  LlPolicy policy;

  config_for (&config, LL_POLICY_DOUBLE, LL_ELEMENT_SHARED, 1 * MiB);
  ll_policy_init (&policy, LL_POLICY_DOUBLE);
  for (guint64 length = 0;; length = capacity)
    {
      guint64 next = ll_policy_resize (&policy, length, capacity, length + 1);

      if ((capacity + next) * 8 > free_bytes)
        {
          fit = capacity;
          break;
        }
      capacity = next;
    }
  g_assert_cmpuint (ll_comparison_fit_length (&config, free_bytes), ==, fit);
  g_assert_cmpuint (fit, ==, 64 * MiB);   /* 64 Mi slots + the next 128 Mi would be 1.5 GiB */

  /* Fixed +4 in closed form agrees with stepping, here by hand. */
  config_for (&config, LL_POLICY_FIXED, LL_ELEMENT_SHARED, 1 * MiB);
  {
    guint64 cap = 0, by_hand;

    ll_policy_init (&policy, LL_POLICY_FIXED);
    for (guint64 length = 0;; length = cap)
      {
        guint64 next = ll_policy_resize (&policy, length, cap, length + 1);

        /* realloc(): the new block alone */
        if (next * 8 > 10 * MiB)
          break;
        cap = next;
      }
    by_hand = cap;
    g_assert_cmpuint (ll_comparison_fit_length (&config, 10 * MiB), ==, by_hand);
  }
}

static void
test_csv (void)
{
  LlRunConfig config;
  LlComparison c;
  g_autoptr(GError) error = NULL;
  g_autofree char *row = NULL;
  g_auto(GStrv) fields = NULL;

  config_for (&config, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, 1 * MiB);
  g_assert_true (ll_comparison_simulate (&config, GiB, NULL, &c, &error));
  g_assert_no_error (error);
  row = ll_comparison_format_csv (&config, &c);
  fields = g_strsplit (row, ",", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, g_strv_length ((GStrv) (const char *[]) {
    "policy", "mechanism", "element", "reallocations", "length", "capacity", "container_bytes",
    "slack_bytes", "slack_percent", "mean_slack_percent", "bytes_allocated", "bytes_copied",
    "peak_bytes", "elapsed_ns", "fit_length", NULL }));
  g_assert_cmpstr (fields[0], ==, "cpython");
  g_assert_cmpstr (fields[1], ==, "realloc");
  g_assert_cmpstr (fields[2], ==, "shared");
  g_assert_cmpuint (g_ascii_strtoull (fields[3], NULL, 10), ==, c.n_reallocations);
  g_assert_cmpstr (fields[11], ==, "");   /* realloc(): not known in a simulation */
  g_assert_cmpstr (fields[13], ==, "");   /* a simulation has no time */
  g_assert_cmpuint (g_ascii_strtoull (fields[14], NULL, 10), ==, c.fit_length);
  g_assert_true (g_str_has_prefix (LL_COMPARISON_CSV_HEADER, "policy,mechanism,element,"));

  /* A custom policy's commas are quoted. */
  ll_policy_init (&config.policy, LL_POLICY_CUSTOM);
  g_clear_pointer (&row, g_free);
  row = ll_comparison_format_csv (&config, &c);
  g_assert_true (g_str_has_prefix (row, "\"custom:factor="));
}

/* The figures as the table, the report and the command line show them. */
static void
test_format (void)
{
  LlComparison c = {
    .n_reallocations = 113,
    .capacity = 25399928,
    .slack_bytes = 22577709,
    .slack_fraction = 0.1111,
    .mean_slack_fraction = 0.05614,
    .bytes_allocated = 1024 * 1024 * 1024,
    .copies_known = FALSE,
    .bytes_copied = 0,
    .peak_bytes = 3 * 1024 * 1024,
    .elapsed_ns = 0,
    .fit_length = 0,
  };
  const char *expected[LL_N_COMPARISON_FIGURES] = {
    "113", "25,399,928", "21.53 MiB (11.1 %)", "5.6 %", "1.00 GiB", "—", "3.00 MiB", "—", "—",
  };

  for (guint f = 0; f < LL_N_COMPARISON_FIGURES; f++)
    {
      g_autofree char *text = ll_comparison_format_figure (&c, f, LL_UNITS_IEC);

      g_assert_cmpstr (text, ==, expected[f]);
      g_assert_nonnull (ll_comparison_figure_title (f));
    }

  /* Known copies, a real run's time, a forecast; SI units. */
  c.copies_known = TRUE;
  c.bytes_copied = 2500000;
  c.elapsed_ns = 70800000;
  c.fit_length = 2820000000;
  {
    g_autofree char *copied = ll_comparison_format_figure (&c, LL_COMPARISON_COPIED, LL_UNITS_SI);
    g_autofree char *time = ll_comparison_format_figure (&c, LL_COMPARISON_TIME, LL_UNITS_SI);
    g_autofree char *fits = ll_comparison_format_figure (&c, LL_COMPARISON_FITS, LL_UNITS_SI);

    g_assert_cmpstr (copied, ==, "2.50 MB");
    g_assert_cmpstr (time, ==, "70.8 ms");
    g_assert_cmpstr (fits, ==, "2.82 G elements");
  }

  /* Unknown copies sort before any known figure, even none copied. */
  g_assert_cmpfloat (ll_comparison_figure_key (&c, LL_COMPARISON_COPIED), ==, 2500000);
  c.copies_known = FALSE;
  g_assert_cmpfloat (ll_comparison_figure_key (&c, LL_COMPARISON_COPIED), <, 0);
}

/* The longest list a constant-increment policy fits in free memory comes
 * in closed form (stepping +4 through 20 GiB took minutes): every slot of
 * the memory for shared elements, slots and objects for boxed ones. */
static void
test_fit_constant_increment (void)
{
  LlRunConfig config;

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_FIXED);
  config.policy.increment = 4;
  config.element = LL_ELEMENT_SHARED;
  g_assert_cmpuint (ll_comparison_fit_length (&config, G_GUINT64_CONSTANT (20) << 30), ==,
                    (G_GUINT64_CONSTANT (20) << 30) / 8);
  config.element = LL_ELEMENT_BOXED;
  g_assert_cmpuint (ll_comparison_fit_length (&config, G_GUINT64_CONSTANT (20) << 30), ==,
                    (G_GUINT64_CONSTANT (20) << 30) / 40);
}

/* The longest list that fits, found the slow way: every reallocation
 * stepped, none jumped over. */
static guint64
fit_by_stepping (const LlRunConfig *config,
                 guint64            free_bytes)
{
  LlRunConfig c = *config;
  guint slot = ll_element_get_info (config->element)->slot_bytes;
  guint objects = ll_element_get_info (config->element)->object_bytes;
  gboolean copying = ll_run_config_get_mechanism (config) == LL_MECHANISM_COPY;
  LlGrowth growth;
  LlGrowthStep step;

  c.target_kind = LL_TARGET_ELEMENTS;
  c.target = G_MAXUINT64 / 2 / (slot + objects);
  ll_growth_init (&growth, &c);
  while (ll_growth_next (&growth, &step))
    {
      guint64 need;

      if (!step.realloc)
        continue;
      need = step.new_capacity * slot + step.length * objects + (copying ? step.old_capacity * slot : 0);
      if (need > free_bytes)
        return MIN (step.old_capacity, free_bytes / (slot + objects));
    }
  return growth.length;
}

/* Policies that only add, with an increment of 1, a batch or a rounding:
 * jumped over in cycles, they agree with stepping, and 20 GiB of free
 * memory (billions of reallocations: minutes, stepped) takes a moment. */
static void
test_fit_policies_that_add (void)
{
  const struct { LlPolicyKind kind; guint64 add; guint64 round; guint64 batch; LlElement element; } cases[] = {
    { LL_POLICY_FIXED, 1, 1, 1, LL_ELEMENT_SHARED },
    { LL_POLICY_FIXED, 4, 1, 3, LL_ELEMENT_BOXED },
    { LL_POLICY_FIXED, 4, 1, 1, LL_ELEMENT_INT32 },
    { LL_POLICY_CUSTOM, 1, 1, 1, LL_ELEMENT_INT64 },
    { LL_POLICY_CUSTOM, 3, 2, 1, LL_ELEMENT_SHARED },
    { LL_POLICY_CUSTOM, 5, 8, 7, LL_ELEMENT_BOXED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint mechanism = LL_MECHANISM_REALLOC; mechanism <= LL_MECHANISM_COPY; mechanism++)
      {
        LlRunConfig config;
        guint slot, objects, per_element;
        guint64 big = G_GUINT64_CONSTANT (20) << 30;
        guint64 fit;

        ll_run_config_init (&config);
        policy_that_adds (&config.policy, cases[i].kind, cases[i].add, cases[i].round);
        config.batch = cases[i].batch;
        config.element = cases[i].element;
        config.mechanism = mechanism;
        slot = ll_element_get_info (config.element)->slot_bytes;
        objects = ll_element_get_info (config.element)->object_bytes;

        g_assert_cmpuint (ll_comparison_fit_length (&config, 3 * MiB + 5), ==,
                          fit_by_stepping (&config, 3 * MiB + 5));

        /* 20 GiB: all of it but a growth or two, and a copy's old block */
        fit = ll_comparison_fit_length (&config, big);
        per_element = slot + objects + (mechanism == LL_MECHANISM_COPY ? slot : 0);
        g_assert_cmpuint (fit, <=, big / per_element + 16);
        g_assert_cmpuint (fit, >=, big / per_element - 16);
      }
}

/* A list that never grows (it starts at its target) has the slack it
 * started with and no mean over appends it never made, whichever way its
 * figures are made; an empty one divides nothing by zero. */
static void
test_nothing_appended (void)
{
  static const struct { guint64 initial; guint64 target; guint64 capacity; double slack; } cases[] = {
    /* list(range(1_000)): CPython 3.9+ allocates it exactly */
    { 1000, 56 + 8 * 1000, 1000, 0.0 },
    /* [] under a 40 B target: not even its header fits */
    { 0, 40, 0, 0.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LlHistory) history = ll_history_new (0);
      g_autoptr(GError) error = NULL;
      LlComparisonBuilder builder;
      LlHistoryCounters counters;
      LlComparison built, counted;
      LlRunConfig config;

      config_for (&config, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, cases[i].target);
      config.initial_length = cases[i].initial;
      g_assert_true (ll_simulate (&config, history, NULL, NULL, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      ll_history_get_counters (history, &counters);
      g_assert_cmpuint (counters.n_events, ==, 0);
      g_assert_cmpuint (counters.end_capacity, ==, cases[i].capacity);

      ll_comparison_begin (&builder, &config);
      ll_comparison_finish (&builder, counters.end_length, counters.end_capacity, 0, 0, &built);
      ll_comparison_from_counters (&config, &counters, 0, 0, &counted);
      for (guint k = 0; k < 2; k++)
        {
          const LlComparison *c = k == 0 ? &built : &counted;

          g_assert_cmpuint (c->length, ==, cases[i].initial);
          g_assert_cmpuint (c->capacity, ==, cases[i].capacity);
          g_assert_cmpuint (c->slack_bytes, ==, 0);
          g_assert_cmpfloat (c->slack_fraction, ==, cases[i].slack);
          g_assert_cmpfloat (c->mean_slack_fraction, ==, 0.0);
          g_assert_cmpuint (c->fit_length, ==, 0);
        }
      g_assert_cmpuint (counted.n_reallocations, ==, 0);
    }

  /* Stopped after 50 appends into the room it started with (1,000 of
   * 1,100 slots): the mean over those appends of (1,100 − length) / 1,100
   * is (99 + … + 50) / 1,100 / 50. */
  {
    LlHistoryCounters counters = { 0 };
    LlRunConfig config;
    LlComparison c;

    config_for (&config, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, G_MAXUINT32);
    config.initial_length = 1000;
    counters.start_length = 1000;
    counters.start_capacity = 1100;
    counters.end_length = 1050;
    counters.end_capacity = 1100;
    ll_comparison_from_counters (&config, &counters, 0, 0, &c);
    g_assert_cmpuint (c.slack_bytes, ==, 50 * 8);
    g_assert_cmpfloat_with_epsilon (c.slack_fraction, 50.0 / 1100, 1e-15);
    g_assert_cmpfloat_with_epsilon (c.mean_slack_fraction, 3725.0 / 1100 / 50, 1e-15);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comparison/figures", test_figures);
  g_test_add_func ("/comparison/nothing-appended", test_nothing_appended);
  g_test_add_func ("/comparison/fit-length", test_fit_length);
  g_test_add_func ("/comparison/merged-history", test_merged_history);
  g_test_add_func ("/comparison/csv", test_csv);
  g_test_add_func ("/comparison/format", test_format);
  g_test_add_func ("/comparison/fit-constant-increment", test_fit_constant_increment);
  g_test_add_func ("/comparison/fit-policies-that-add", test_fit_policies_that_add);

  return g_test_run ();
}
