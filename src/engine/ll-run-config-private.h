/* ll-run-config-private.h — what the engine shares with the run estimator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-run-config.h"

G_BEGIN_DECLS

/* The figure a target of @growth's kind is compared with: container bytes,
 * container + object bytes, or the length. */
guint64 ll_growth_get_metric (const LlGrowth *growth);

/* Bytes resident when a run stops in @growth's state: the slots written and
 * the objects, plus the old block of the last copy (@last_copy_capacity
 * slots, 0 when nothing was copied). Saturates. */
guint64 ll_growth_get_peak   (const LlGrowth *growth,
                              guint64         last_copy_capacity);

/* Jumps over the reallocations of a constant-increment policy (fixed, or
 * custom with factor 1) in closed form, as long as the capacity stays under
 * @capacity_limit: estimates then cost O(1) instead of one step per
 * reallocation. A no-op for other policies, batches > 1, or until the
 * first reallocation put the list in its steady state. */
void    ll_growth_skip       (LlGrowth       *growth,
                              guint64         capacity_limit);

G_END_DECLS
