/* ll-growth.h — the growth stepper that both the real engine and the simulation follow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-run-config.h"

G_BEGIN_DECLS

/* One step of a run, as the engine performs it: append until the list holds
 * @fill_to elements (all within the current capacity), then — when @realloc —
 * grow the block from @old_capacity to @new_capacity, then append until it
 * holds @length elements. The reallocation event's `length` is @length. */
typedef struct
{
  guint64  fill_to;
  guint64  length;
  gboolean realloc;
  guint64  old_capacity;
  guint64  new_capacity;
} LlGrowthStep;

typedef struct
{
  LlPolicy     policy;
  LlElement    element;
  LlTargetKind target_kind;
  guint64      target;
  guint64      batch;
  guint64      length;
  guint64      capacity;
  gboolean     done;
  guint        header;    /* the policy's header bytes */

  /* ll_growth_skip (): a state seen before, to find the cycle that
   * policies which only add repeat, and the steps since it was taken */
  guint64      seen_length;
  guint64      seen_capacity;
  guint64      seen_steps;
  guint64      seen_span;
} LlGrowth;

/* Starts from the config's initial length and capacity
 * (ll_policy_initial_capacity). */
void         ll_growth_init              (LlGrowth          *growth,
                                          const LlRunConfig *config);
/* Computes the next step and advances the state past it. Returns FALSE once
 * the target is reached (nothing more to do). O(1) whatever the gap between
 * reallocations. The run stops right after the append that reaches the
 * target: for byte targets, the reallocation whose container (or container +
 * objects) reaches it; for element targets, exactly at @target elements
 * (the last extend is cut short). */
gboolean     ll_growth_next              (LlGrowth          *growth,
                                          LlGrowthStep      *step);

/* Like ll_growth_next (), for up to @n_steps steps at once; returns how many
 * it wrote into @steps (0 once the target is reached). Constant-increment
 * policies take a closed-form path, so a simulation of fixed +4 to 10 GB
 * spends its time on its own work, not on the stepper. */
gsize        ll_growth_next_many         (LlGrowth          *growth,
                                          LlGrowthStep      *steps,
                                          gsize              n_steps);

/* The figure a target of @growth's kind is compared with: container bytes,
 * container + object bytes, or the length. */
guint64      ll_growth_get_metric        (const LlGrowth    *growth);

/* Bytes resident when a run stops in @growth's state: the slots written and
 * the objects, plus the old block of the last copy (@last_copy_capacity
 * slots, 0 when nothing was copied). Saturates. */
guint64      ll_growth_get_peak          (const LlGrowth    *growth,
                                          guint64            last_copy_capacity);

/* Jumps over the reallocations of a policy that only adds (fixed, or
 * custom with factor 1), whatever its increment, rounding and batch, as
 * long as the capacity stays under @capacity_limit: estimates then cost a
 * few steps instead of one per reallocation. Call it after each step: it
 * finds the cycle of reallocations such a policy repeats (capacity and
 * length shifted by the same amount), then jumps whole cycles. A no-op for
 * other policies. */
void         ll_growth_skip              (LlGrowth          *growth,
                                          guint64            capacity_limit);

/* A capacity the run stays under until it is close to its target. */
guint64      ll_growth_get_capacity_limit (const LlGrowth   *growth);

G_END_DECLS
