/* ll-fit.c — does a run fit in the memory the system can spare?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-arith.h"
#include "ll-element.h"
#include "ll-fit.h"
#include "ll-growth.h"
#include "ll-size.h"

/* The largest target (of @config's kind) whose run stays within @budget
 * bytes, 0 if not even the initial list does. The peak grows with the
 * target but not smoothly (a reallocation adds a step), so the growth is
 * followed until the first state over budget, then the target is bisected
 * between it and the last state that does, each from that state on. */
static guint64
fitting_target (const LlRunConfig *config,
                guint64            budget)
{
  gboolean copy = ll_run_config_get_mechanism (config) == LL_MECHANISM_COPY;
  const LlElementInfo *info = ll_element_get_info (config->element);
  /* Peak bytes per slot of capacity, at most: the slot, its object and,
   * while copying, the old block's slot. */
  guint64 per_slot = info->slot_bytes + info->object_bytes + (copy ? info->slot_bytes : 0);
  LlGrowth growth;
  LlGrowth before;
  LlGrowthStep step;
  guint64 last_copy = 0;
  guint64 before_copy = 0;
  guint64 start_metric;
  guint64 lo, hi;
  gboolean found = FALSE;

  ll_growth_init (&growth, config);
  growth.done = FALSE;
  start_metric = ll_growth_get_metric (&growth);
  if (ll_growth_get_peak (&growth, 0) > budget)
    return 0;

  before = growth;
  while (ll_growth_next (&growth, &step))
    {
      if (copy && step.realloc)
        last_copy = step.old_capacity;
      if (ll_growth_get_peak (&growth, last_copy) > budget)
        {
          found = TRUE;
          break;
        }
      ll_growth_skip (&growth, budget / per_slot);
      before = growth;
      before_copy = last_copy;
    }

  if (!found)
    return config->target;

  lo = ll_growth_get_metric (&before);
  hi = MIN (ll_growth_get_metric (&growth), config->target);

  while (hi - lo > 1)
    {
      guint64 mid = lo + (hi - lo) / 2;
      LlGrowth probe = before;
      guint64 probe_copy = before_copy;

      probe.target = mid;
      probe.done = FALSE;
      while (ll_growth_next (&probe, &step))
        {
          if (copy && step.realloc)
            probe_copy = step.old_capacity;
        }

      if (ll_growth_get_peak (&probe, probe_copy) <= budget)
        lo = mid;
      else
        hi = mid;
    }

  return lo > start_metric ? lo : 0;
}

/* What the initial list alone writes, as list(range(n)) makes it. */
static guint64
initial_peak (const LlRunConfig *config)
{
  LlGrowth growth;

  ll_growth_init (&growth, config);
  return ll_growth_get_peak (&growth, 0);
}

void
ll_fit_plan (LlFit             *fit,
             const LlRunConfig *config,
             const LlMemInfo   *info,
             guint64            reclaimable)
{
  g_return_if_fail (fit != NULL);
  g_return_if_fail (config != NULL);
  g_return_if_fail (info != NULL);

  fit->reclaimable = reclaimable;
  fit->spare = ll_sat_add (ll_mem_info_spare (info), reclaimable);
  fit->reserve = ll_run_config_get_reserve (config, info);
  fit->budget = ll_sat_sub (fit->spare, fit->reserve);
  fit->peak = ll_run_config_estimate_peak (config, NULL, NULL);
  fit->fits = fit->peak <= fit->budget;
  fit->initial_fits = config->initial_length == 0 || initial_peak (config) <= fit->budget;
  fit->fitting = fit->fits ? config->target : fitting_target (config, fit->budget);
}

void
ll_fit_get_fitting (const LlFit       *fit,
                    const LlRunConfig *config,
                    LlRunConfig       *fitting)
{
  g_return_if_fail (fit != NULL);
  g_return_if_fail (config != NULL);
  g_return_if_fail (fitting != NULL);

  *fitting = *config;
  fitting->target = fit->fitting;
  ll_run_config_round_target_down (fitting);
}

char *
ll_fit_describe (const LlFit       *fit,
                 const LlRunConfig *config)
{
  g_autofree char *target = NULL;
  g_autofree char *peak = NULL;
  g_autofree char *spare = NULL;
  g_autofree char *reserve = NULL;
  g_autofree char *budget = NULL;
  g_autofree char *can_spare = NULL;

  g_return_val_if_fail (fit != NULL, NULL);
  g_return_val_if_fail (config != NULL, NULL);

  target = ll_run_config_format_target (config);
  peak = ll_format_bytes (fit->peak, LL_UNITS_IEC);
  spare = ll_format_bytes (fit->spare, LL_UNITS_IEC);
  reserve = ll_format_bytes (fit->reserve, LL_UNITS_IEC);
  budget = ll_format_bytes (fit->budget, LL_UNITS_IEC);

  /* Translators: how much memory the system has for the run; the first
   * form counts the list that a new run frees first */
  can_spare = fit->reclaimable > 0
              ? g_strdup_printf (_("The system can spare %s once the previous list is freed"), spare)
              : g_strdup_printf (_("The system can spare %s now"), spare);

  /* A start at the target makes the initial list and nothing more: it
   * either fits whole or not at all. (An empty list is smaller than
   * anything a memory check is for.) */
  if (config->initial_length > 0 && ll_run_config_starts_at_target (config))
    {
      g_autofree char *length = ll_format_count_exact (config->initial_length);
      gulong n = (gulong) MIN (config->initial_length, G_MAXULONG);

      if (fit->fits)
        /* Translators: the initial length, the target, then the memory the
         * initial list writes */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The initial list of %s element already reaches the "
                                             "target of %s and writes about %s of memory. %s and "
                                             "keeps %s as a reserve, which leaves %s: it fits.",
                                             "The initial list of %s elements already reaches the "
                                             "target of %s and writes about %s of memory. %s and "
                                             "keeps %s as a reserve, which leaves %s: it fits.",
                                             n),
                                length, target, peak, can_spare, reserve, budget);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The initial list of %s element already reaches the "
                                           "target of %s and writes about %s of memory. %s and "
                                           "keeps %s as a reserve, so it does not fit: start from "
                                           "a shorter list, free some memory or lower the reserve.",
                                           "The initial list of %s elements already reaches the "
                                           "target of %s and writes about %s of memory. %s and "
                                           "keeps %s as a reserve, so it does not fit: start from "
                                           "a shorter list, free some memory or lower the reserve.",
                                           n),
                              length, target, peak, can_spare, reserve);
    }

  if (fit->fits)
    /* Translators: the target, then the memory its run writes */
    return g_strdup_printf (_("Growing the list to %s writes about %s of memory. %s and "
                              "keeps %s as a reserve, which leaves %s: it fits."),
                            target, peak, can_spare, reserve, budget);

  /* A byte target counts the whole capacity, but only the slots that are
   * written take memory: the two figures differ, and say why. */
  if (fit->fitting > 0)
    {
      LlRunConfig fitting;
      g_autofree char *fitting_str = NULL;

      ll_fit_get_fitting (fit, config, &fitting);
      fitting_str = ll_run_config_format_target (&fitting);
      if (config->target_kind == LL_TARGET_ELEMENTS)
        return g_strdup_printf (_("Growing the list to %s writes about %s of memory. %s and "
                                  "keeps %s as a reserve, which leaves %s: the largest target "
                                  "that fits is %s."),
                                target, peak, can_spare, reserve, budget, fitting_str);
      return g_strdup_printf (_("Growing the list to %s writes about %s of memory (the slack "
                                "beyond its length is reserved but never written). %s and "
                                "keeps %s as a reserve, which leaves %s: the largest target "
                                "that fits is %s."),
                              target, peak, can_spare, reserve, budget, fitting_str);
    }

  /* Not even the initial list: the one thing that can be made shorter. */
  if (!fit->initial_fits)
    {
      g_autofree char *length = ll_format_count_exact (config->initial_length);

      /* Translators: the target, the memory its run writes, what the
       * system can spare, the reserve, then the initial length */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Growing the list to %s writes about %s of memory. %s "
                                           "and keeps %s as a reserve, so no run fits, not even "
                                           "the initial list of %s element: start from a shorter "
                                           "list, free some memory or lower the reserve.",
                                           "Growing the list to %s writes about %s of memory. %s "
                                           "and keeps %s as a reserve, so no run fits, not even "
                                           "the initial list of %s elements: start from a shorter "
                                           "list, free some memory or lower the reserve.",
                                           (gulong) MIN (config->initial_length, G_MAXULONG)),
                              target, peak, can_spare, reserve, length);
    }
  return g_strdup_printf (_("Growing the list to %s writes about %s of memory. %s and keeps "
                            "%s as a reserve, so no run fits: free some memory or lower the "
                            "reserve."),
                          target, peak, can_spare, reserve);
}

/* Whether a growth to @capacity slots at @length elements reaches
 * @config's target: the growth stepper's figure in that state. */
static gboolean
reaches_target (const LlRunConfig *config,
                guint64            length,
                guint64            capacity)
{
  LlGrowth growth;

  ll_growth_init (&growth, config);
  growth.length = length;
  growth.capacity = capacity;
  return ll_growth_get_metric (&growth) >= config->target;
}

static gboolean
forecast_growth (LlForecast        *forecast,
                 const LlRunConfig *config,
                 guint64            length,
                 guint64            capacity,
                 guint64            available,
                 guint64            reserve,
                 gboolean           within_target)
{
  const LlElementInfo *element;
  guint64 target_length, next, batch, touch, rest;
  gboolean copy;

  memset (forecast, 0, sizeof *forecast);
  element = ll_element_get_info (config->element);
  batch = MAX (config->batch, 1);

  /* The append that no longer fits in the block. */
  forecast->length = ll_sat_add (MAX (length, capacity), batch);
  next = ll_policy_resize (&config->policy, MAX (length, capacity), capacity, forecast->length);
  if (next <= capacity)
    return FALSE;

  /* A list that stops first never grows again. */
  target_length = config->target_kind == LL_TARGET_ELEMENTS ? config->target : G_MAXUINT64;
  if (within_target &&
      (forecast->length > target_length ||
       (config->target_kind == LL_TARGET_CONTAINER_BYTES &&
        ll_run_config_container_bytes (config, capacity) >= config->target)))
    return FALSE;

  forecast->old_capacity = capacity;
  forecast->new_capacity = next;
  /* Copying holds both blocks; growing in place or by mremap() only adds. */
  copy = ll_run_config_get_mechanism (config) == LL_MECHANISM_COPY;
  forecast->need = copy ? ll_sat_mul (next, element->slot_bytes)
                        : ll_sat_mul (next - capacity, element->slot_bytes);
  forecast->room = available > reserve ? available - reserve : 0;

  /* What the run writes from now through that growth, as the engine asks
   * room for it: the rest of the block, then the objects of the elements
   * up to the growth after it, and the new slots (when the block is
   * copied, the new block). The growth that reaches the target is written
   * only up to its append. */
  forecast->reaches_target = within_target && reaches_target (config, forecast->length, next);
  if (forecast->reaches_target)
    touch = forecast->length;
  else if (within_target && config->target_kind == LL_TARGET_ELEMENTS)
    touch = MIN (next, config->target);
  else
    touch = next;
  rest = capacity > length ? capacity - length : 0;
  forecast->writes = ll_sat_add (ll_sat_mul (rest, element->slot_bytes + element->object_bytes),
                                 ll_sat_mul (touch - capacity, element->object_bytes));
  if (!copy)
    forecast->writes = ll_sat_add (forecast->writes, ll_sat_mul (touch - capacity, element->slot_bytes));
  else
    forecast->writes = ll_sat_add (forecast->writes,
                                   ll_sat_mul (forecast->reaches_target ? touch : next, element->slot_bytes));
  forecast->fits = forecast->writes <= forecast->room;
  return TRUE;
}

gboolean
ll_fit_next_growth (LlForecast        *forecast,
                    const LlRunConfig *config,
                    guint64            length,
                    guint64            capacity,
                    guint64            available,
                    guint64            reserve)
{
  g_return_val_if_fail (forecast != NULL, FALSE);
  g_return_val_if_fail (config != NULL, FALSE);

  return forecast_growth (forecast, config, length, capacity, available, reserve, TRUE);
}

gboolean
ll_fit_growth_after (LlForecast        *forecast,
                     const LlRunConfig *config,
                     guint64            length,
                     guint64            capacity,
                     guint64            available,
                     guint64            reserve)
{
  g_return_val_if_fail (forecast != NULL, FALSE);
  g_return_val_if_fail (config != NULL, FALSE);

  return forecast_growth (forecast, config, length, capacity, available, reserve, FALSE);
}
