/* ll-simulation.c — a policy's reallocations, computed without allocating the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ll-arith.h"
#include "ll-growth.h"
#include "ll-simulation.h"

#define BATCH 4096

/* Called up to ~10^9 times by a simulation: keep it to arithmetic. */
static inline void
event_from_step (guint               header_bytes,
                 guint               slot_bytes,
                 gboolean            copies,
                 const LlGrowthStep *step,
                 LlEvent            *event)
{
  memset (event, 0, sizeof *event);
  event->length = step->length;
  event->old_capacity = step->old_capacity;
  event->new_capacity = step->new_capacity;
  event->old_bytes = ll_sat_add (header_bytes, ll_sat_mul (step->old_capacity, slot_bytes));
  event->new_bytes = ll_sat_add (header_bytes, ll_sat_mul (step->new_capacity, slot_bytes));
  event->bytes_added = ll_sat_sub (event->new_bytes, event->old_bytes);
  /* Only the copy mechanism's behaviour is known without running it: it
   * always moves and copies the slots in use. */
  if (copies && step->old_capacity > 0)
    {
      event->moved = TRUE;
      event->bytes_copied = ll_sat_mul (step->fill_to, slot_bytes);
    }
}

gboolean
ll_simulate (const LlRunConfig     *config,
             LlHistory             *history,
             LlSimulationSink       sink,
             gpointer               sink_data,
             LlSimulationProgress   progress,
             gpointer               progress_data,
             GCancellable          *cancellable,
             GError               **error)
{
  g_autofree LlEvent *events = NULL;
  g_autofree LlGrowthStep *steps = NULL;
  guint slot_bytes, header_bytes;
  gboolean copies;
  LlGrowth growth;
  guint64 length;
  gsize n_steps;
  gboolean ok = TRUE;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (history != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_run_config_validate (config, error))
    return FALSE;

  slot_bytes = ll_element_get_info (config->element)->slot_bytes;
  header_bytes = ll_run_config_header_bytes (config);
  ll_history_set_header_bytes (history, header_bytes);
  copies = ll_run_config_get_mechanism (config) == LL_MECHANISM_COPY;
  events = g_new (LlEvent, BATCH);
  steps = g_new (LlGrowthStep, BATCH);

  ll_growth_init (&growth, config);
  ll_history_set_start (history, growth.length, growth.capacity);
  length = growth.length;

  while (ok && (n_steps = ll_growth_next_many (&growth, steps, BATCH)) > 0)
    {
      gsize n_events = 0;

      for (gsize i = 0; i < n_steps; i++)
        if (steps[i].realloc)
          event_from_step (header_bytes, slot_bytes, copies, &steps[i], &events[n_events++]);
      length = steps[n_steps - 1].length;

      ll_history_push_events (history, events, n_events);
      if (sink != NULL && n_events > 0)
        ok = sink (events, n_events, sink_data, error);

      if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      if (ok && progress != NULL)
        progress (length, ll_growth_get_metric (&growth), progress_data);
    }

  ll_history_set_end (history, length, growth.capacity);
  return ok;
}
