/* test-simulation.c — a policy's reallocations, computed without allocating
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ll-simulation.h"

typedef struct
{
  GArray *events;
  guint   batches;
  gint    fail_after;  /* batches; -1: never */
} Sink;

static gboolean
collect (const LlEvent  *events,
         gsize           n_events,
         gpointer        user_data,
         GError        **error)
{
  Sink *sink = user_data;

  if (sink->fail_after >= 0 && sink->batches == (guint) sink->fail_after)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "full");
      return FALSE;
    }
  sink->batches++;
  g_array_append_vals (sink->events, events, n_events);
  return TRUE;
}

/* CPython's list_resize for one append at a time, straight from the
 * formula in Objects/listobject.c. */
static void
test_simulation_cpython (void)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(GError) error = NULL;
  Sink sink = { g_array_new (FALSE, FALSE, sizeof (LlEvent)), 0, -1 };
  LlHistoryCounters counters;
  LlRunConfig config;
  guint64 length = 0, capacity = 0;
  guint n = 0;

  ll_run_config_init (&config);
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 10000000;
  g_assert_true (ll_simulate (&config, history, collect, &sink, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  while (length < config.target)
    {
      guint64 newsize = length + 1;

      if (newsize > capacity)
        {
          guint64 new_allocated = (newsize + (newsize >> 3) + 6) & ~(guint64) 3;
          const LlEvent *e = &g_array_index (sink.events, LlEvent, n);

          g_assert_cmpuint (n, <, sink.events->len);
          g_assert_cmpuint (e->length, ==, newsize);
          g_assert_cmpuint (e->old_capacity, ==, capacity);
          g_assert_cmpuint (e->new_capacity, ==, new_allocated);
          g_assert_cmpuint (e->old_bytes, ==, 56 + 8 * capacity);
          g_assert_cmpuint (e->new_bytes, ==, 56 + 8 * new_allocated);
          g_assert_cmpuint (e->bytes_added, ==, 8 * (new_allocated - capacity));
          /* realloc (): nothing known about moves without running it */
          g_assert_false (e->moved);
          g_assert_cmpuint (e->bytes_copied, ==, 0);
          capacity = new_allocated;
          n++;
        }
      length = newsize;
    }

  g_assert_cmpuint (sink.events->len, ==, n);
  ll_history_get_counters (history, &counters);
  g_assert_cmpuint (counters.n_events, ==, n);
  g_assert_cmpuint (counters.start_length, ==, 0);
  g_assert_cmpuint (counters.end_length, ==, config.target);
  g_assert_cmpuint (counters.end_capacity, ==, capacity);
  g_array_unref (sink.events);
}

/* The copy mechanism copies the slots in use at every growth. */
static void
test_simulation_copy (void)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  Sink sink = { g_array_new (FALSE, FALSE, sizeof (LlEvent)), 0, -1 };
  LlRunConfig config;

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_DOUBLE);
  config.initial_length = 3;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 100;
  g_assert_true (ll_simulate (&config, history, collect, &sink, NULL, NULL, NULL, NULL));

  /* 3 → 6 → 12 → 24 → 48 → 96 → 192 */
  g_assert_cmpuint (sink.events->len, ==, 6);
  for (guint i = 0; i < sink.events->len; i++)
    {
      const LlEvent *e = &g_array_index (sink.events, LlEvent, i);

      g_assert_cmpuint (e->old_capacity, ==, 3u << i);
      g_assert_cmpuint (e->new_capacity, ==, 6u << i);
      g_assert_true (e->moved);
      g_assert_cmpuint (e->bytes_copied, ==, 8 * e->old_capacity);
    }
  g_array_unref (sink.events);
}

/* Counts past what 64-bit byte counts hold are refused; the largest
 * accepted give exact bytes, never wrapped or saturated ones. */
static void
test_simulation_saturates (void)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(GError) error = NULL;
  Sink sink = { g_array_new (FALSE, FALSE, sizeof (LlEvent)), 0, -1 };
  LlRunConfig config;

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_FIXED);
  config.policy.increment = G_GUINT64_CONSTANT (2305843009213693952);  /* 2^61 */
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 100;
  g_assert_false (ll_simulate (&config, history, collect, &sink, NULL, NULL, NULL, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "72,057,594,037,927,936"));
  g_assert_cmpuint (sink.events->len, ==, 0);

  config.policy.increment = LL_RUN_MAX_ELEMENTS;
  g_assert_true (ll_simulate (&config, history, collect, &sink, NULL, NULL, NULL, NULL));
  g_assert_cmpuint (sink.events->len, ==, 1);
  {
    const LlEvent *e = &g_array_index (sink.events, LlEvent, 0);

    g_assert_cmpuint (e->new_capacity, ==, LL_RUN_MAX_ELEMENTS);
    g_assert_cmpuint (e->new_bytes, ==, 56 + 8 * LL_RUN_MAX_ELEMENTS);
    g_assert_cmpuint (e->bytes_added, ==, 8 * LL_RUN_MAX_ELEMENTS);
  }
  g_array_unref (sink.events);
}

static void
cancel_now (guint64  length,
            guint64  metric,
            gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* A cancel or a failing sink stops it between batches; the history keeps
 * what was computed. */
static void
test_simulation_stops (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  LlHistoryCounters counters;
  LlRunConfig config;

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_FIXED);
  config.policy.increment = 3;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 1000000;

  {
    g_autoptr(LlHistory) history = ll_history_new (0);

    g_assert_false (ll_simulate (&config, history, NULL, NULL, cancel_now, cancellable,
                                 cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    ll_history_get_counters (history, &counters);
    g_assert_cmpuint (counters.n_events, >, 0);
    g_assert_cmpuint (counters.n_events, <, 1000000 / 3);
    g_assert_cmpuint (counters.end_length, <, config.target);
  }

  {
    g_autoptr(LlHistory) history = ll_history_new (0);
    Sink sink = { g_array_new (FALSE, FALSE, sizeof (LlEvent)), 0, 2 };

    g_assert_false (ll_simulate (&config, history, collect, &sink, NULL, NULL, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    g_assert_cmpuint (sink.batches, ==, 2);
    g_array_unref (sink.events);
  }

  /* An invalid configuration is refused before anything. */
  {
    g_autoptr(LlHistory) history = ll_history_new (0);
    g_autoptr(GError) invalid = NULL;

    config.batch = 0;
    g_assert_false (ll_simulate (&config, history, NULL, NULL, NULL, NULL, NULL, &invalid));
    g_assert_error (invalid, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/simulation/cpython", test_simulation_cpython);
  g_test_add_func ("/simulation/copy", test_simulation_copy);
  g_test_add_func ("/simulation/saturates", test_simulation_saturates);
  g_test_add_func ("/simulation/stops", test_simulation_stops);

  return g_test_run ();
}
