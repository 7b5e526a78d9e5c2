/* engine-run-test.c — runs of the real engine under a memory probe the test controls,
 * and the checks every run must pass
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "engine-run-test.h"
#include "ll-growth.h"
#include "ll-history-view.h"
/* A stop must come while the run is still far from its end: the bounds
 * below tell that from a run that went on, ten times the 100 ms goal so a
 * loaded machine does not fail them (how prompt a stop is, is
 * bench-stall's figure). They stretch under valgrind, ~50× slower. */
gint64
time_limit_us (gint64 us)
{
  return (under_valgrind () ? us * 20 : us) * 10;
}



static gboolean
test_probe (LlMemInfo  *info,
            gpointer    data,
            GError    **error)
{
  TestProbe *probe = data;
  guint64 available = __atomic_load_n (&probe->available, __ATOMIC_RELAXED);
  guint64 rss, grown;

  g_atomic_int_inc (&probe->calls);

  if (g_atomic_int_get (&probe->fail))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no meminfo here");
      return FALSE;
    }

  rss = ll_mem_process_rss ();
  grown = rss > probe->rss_base ? rss - probe->rss_base : 0;
  if (probe->follow_rss)
    available = available > grown ? available - grown : 0;
  if (probe->rss_limit > 0 && grown > probe->rss_limit)
    available = 0;

  for (guint64 lowest = __atomic_load_n (&probe->lowest, __ATOMIC_RELAXED);
       available < lowest &&
       !__atomic_compare_exchange_n (&probe->lowest, &lowest, available, FALSE,
                                     __ATOMIC_RELAXED, __ATOMIC_RELAXED);)
    ;
  __atomic_store_n (&probe->last, available, __ATOMIC_RELAXED);

  info->total_bytes = probe->total;
  info->available_bytes = available;
  info->cgroup_limit_bytes = LL_NO_LIMIT;
  info->cgroup_usage_bytes = 0;
  return TRUE;
}

void
test_probe_init (TestProbe *probe,
                 guint64    available)
{
  memset (probe, 0, sizeof *probe);
  probe->total = 64 * GiB;
  probe->available = available;
  probe->rss_base = ll_mem_process_rss ();
  probe->rss_limit = 256 * MiB;
  probe->lowest = G_MAXUINT64;
}

void
test_config_init (LlRunConfig *config,
                  TestProbe   *probe)
{
  ll_run_config_init (config);
  config->reserve_bytes = 0;
  config->mem_probe = test_probe;
  config->mem_probe_data = probe;
}

LlEngine *
start_engine (const LlRunConfig *config)
{
  g_autoptr(GError) error = NULL;
  LlEngine *engine = ll_engine_new (config, &error);

  g_assert_no_error (error);
  g_assert_nonnull (engine);
  ll_engine_start (engine);
  return engine;
}

LlEngine *
run_engine (const LlRunConfig *config)
{
  LlEngine *engine = start_engine (config);
  LlEngineStatus status;

  ll_engine_join (engine);
  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_FINISHED);
  return engine;
}

void
wait_for_length (LlEngine *engine,
                 guint64   length)
{
  LlEngineStatus status;

  for (;;)
    {
      ll_engine_get_status (engine, &status);
      if (status.length >= length || status.state != LL_ENGINE_RUNNING)
        break;
      g_usleep (200);
    }
}

void
check_values (LlEngine *engine,
              guint64   stride)
{
  const LlRunConfig *config = ll_engine_get_config (engine);
  LlEngineStatus status;

  ll_engine_get_status (engine, &status);
  for (guint64 i = 0; i < status.length; i += stride)
    {
      if (ll_engine_get_value (engine, i) != expected_value (config->element, i))
        g_error ("element %" G_GUINT64_FORMAT " holds %" G_GINT64_FORMAT, i,
                 ll_engine_get_value (engine, i));
    }
  if (status.length > 0)
    g_assert_cmpint (ll_engine_get_value (engine, status.length - 1), ==,
                     expected_value (config->element, status.length - 1));
}

/* The events the engine recorded are the stepper's reallocations, in
 * order; with @complete, all of them, and the list ends where the stepper
 * does. Returns the number of events. */
gsize
check_events (LlEngine *engine,
              gboolean  complete)
{
  const LlRunConfig *config = ll_engine_get_config (engine);
  LlHistory *history = ll_engine_get_history (engine);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  LlMechanism mechanism = ll_run_config_get_mechanism (config);
  guint slot = ll_element_get_info (config->element)->slot_bytes;
  const LlEventBucket *buckets;
  LlHistoryCounters counters;
  LlEngineStatus status;
  LlGrowth growth;
  LlGrowthStep step;
  guint64 previous_elapsed = 0;
  guint64 capacity;
  gsize n, i = 0;

  ll_engine_get_status (engine, &status);
  ll_history_view_update (view, history);
  buckets = ll_history_view_get_events (view, &n);
  g_assert_true (ll_history_is_exact (history));
  ll_history_get_counters (history, &counters);
  g_assert_cmpuint (counters.n_events, ==, n);

  ll_growth_init (&growth, config);
  capacity = growth.capacity;
  while (i < n && ll_growth_next (&growth, &step))
    {
      const LlEvent *event = &buckets[i].first;

      if (!step.realloc)
        continue;

      g_assert_cmpuint (buckets[i].count, ==, 1);
      g_assert_cmpuint (event->length, ==, step.length);
      g_assert_cmpuint (event->old_capacity, ==, step.old_capacity);
      g_assert_cmpuint (event->new_capacity, ==, step.new_capacity);
      g_assert_cmpuint (event->old_bytes, ==,
                        ll_run_config_container_bytes (config, step.old_capacity));
      g_assert_cmpuint (event->new_bytes, ==,
                        ll_run_config_container_bytes (config, step.new_capacity));
      g_assert_cmpuint (event->bytes_added, ==, event->new_bytes - event->old_bytes);
      g_assert_cmpuint (event->elapsed_ns, >=, previous_elapsed);
      g_assert_cmpuint (event->elapsed_ns, >=, event->realloc_ns);
      previous_elapsed = event->elapsed_ns;

      switch (mechanism)
        {
        case LL_MECHANISM_COPY:
          g_assert_cmpint (event->moved, ==, step.old_capacity > 0);
          g_assert_cmpuint (event->bytes_copied, ==, step.fill_to * slot);
          break;
        case LL_MECHANISM_MREMAP:
          g_assert_cmpuint (event->bytes_copied, ==, 0);
          break;
        case LL_MECHANISM_REALLOC:
          if (!event->moved)
            g_assert_cmpuint (event->bytes_copied, ==, 0);
          else
            g_assert_true (event->bytes_copied == 0 ||
                           event->bytes_copied == step.old_capacity * slot);
          break;
        case LL_MECHANISM_DEFAULT:
        case LL_N_MECHANISMS:
        default:
          g_assert_not_reached ();
        }

      capacity = step.new_capacity;
      i++;
    }
  g_assert_cmpuint (i, ==, n);

  if (complete)
    {
      while (ll_growth_next (&growth, &step))
        g_assert_false (step.realloc);
      g_assert_cmpuint (status.length, ==, growth.length);
      g_assert_cmpuint (status.capacity, ==, growth.capacity);
    }
  else if (status.capacity != 0)
    {
      g_assert_cmpuint (status.capacity, ==, capacity);
    }

  g_assert_cmpuint (status.container_bytes, ==,
                    ll_run_config_container_bytes (config, status.capacity));
  g_assert_cmpuint (status.objects_bytes, ==,
                    ll_element_objects_bytes (config->element, status.length));

  return n;
}

void
check_samples (LlEngine *engine)
{
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  const LlSampleBucket *samples;
  LlEngineStatus status;
  gsize n;

  ll_engine_get_status (engine, &status);
  ll_history_view_update (view, ll_engine_get_history (engine));
  samples = ll_history_view_get_samples (view, &n);

  /* One at the start, one at the end, at least. */
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (samples[0].first.elapsed_ns, ==, 0);
  g_assert_cmpuint (samples[0].first.length, ==, 0);
  g_assert_cmpuint (samples[n - 1].last.length, ==, status.length);
  g_assert_cmpuint (samples[n - 1].last.capacity, ==, status.capacity);
  g_assert_cmpuint (samples[n - 1].last.container_bytes, ==, status.container_bytes);
  g_assert_cmpuint (samples[n - 1].last.objects_bytes, ==, status.objects_bytes);
  g_assert_cmpuint (samples[n - 1].last.elapsed_ns, >=, status.elapsed_ns);
  g_assert_cmpuint (samples[n - 1].last.rss_bytes, >, 0);
}

void
add_policy (GArray       *policies,
            LlPolicyKind  kind)
{
  LlPolicy policy;

  ll_policy_init (&policy, kind);
  if (kind == LL_POLICY_FIXED)
    policy.increment = 65536;
  g_array_append_val (policies, policy);
}