/* ll-growth.c — the growth stepper that both the real engine and the simulation follow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ll-arith.h"
#include "ll-growth.h"

/* ll_element_container_bytes () without the call: the stepper's hot path
 * for policies that reallocate every few appends. */
static inline guint64
growth_container (const LlGrowth *growth)
{
  guint64 slot = growth->element == LL_ELEMENT_INT32 ? 4 : 8;

  if (G_UNLIKELY (growth->capacity > (G_MAXUINT64 - growth->header) / slot))
    return G_MAXUINT64;
  return growth->header + slot * growth->capacity;
}

static inline guint64
growth_total (const LlGrowth *growth,
              guint64         length)
{
  return ll_sat_add (growth_container (growth),
                  ll_element_objects_bytes (growth->element, length));
}

static inline guint64
growth_metric (const LlGrowth *growth)
{
  switch (growth->target_kind)
    {
    case LL_TARGET_CONTAINER_BYTES:
      return growth_container (growth);
    case LL_TARGET_TOTAL_BYTES:
      return growth_total (growth, growth->length);
    case LL_TARGET_ELEMENTS:
    default:
      return growth->length;
    }
}

guint64
ll_growth_get_metric (const LlGrowth *growth)
{
  return growth_metric (growth);
}

guint64
ll_growth_get_peak (const LlGrowth *growth,
                    guint64         last_copy_capacity)
{
  const LlElementInfo *info = ll_element_get_info (growth->element);
  guint64 peak;

  peak = ll_sat_mul (growth->length, info->slot_bytes);
  peak = ll_sat_add (peak, ll_element_objects_bytes (growth->element, growth->length));
  peak = ll_sat_add (peak, ll_sat_mul (last_copy_capacity, info->slot_bytes));

  return peak;
}

/* The increment of a constant-increment policy, 0 for the others. */
static guint64
growth_constant_increment (const LlGrowth *growth)
{
  if (growth->policy.kind == LL_POLICY_FIXED)
    return growth->policy.increment;
  if (growth->policy.kind == LL_POLICY_CUSTOM && growth->policy.factor == 1.0 && growth->policy.round == 1)
    return growth->policy.constant;
  return 0;
}

/* For a policy that only adds, a shift that moves every later step by
 * itself: shifting the capacity and the length together by a multiple of
 * it changes nothing but where the list is. 0 for the other policies. */
static guint64
growth_shift_unit (const LlGrowth *growth)
{
  /* (np.append's block is always exactly the array: a capacity of its
   * length, whatever that is.) */
  if (growth->policy.kind == LL_POLICY_FIXED || growth->policy.kind == LL_POLICY_NUMPY_APPEND)
    return 1;
  if (growth->policy.kind == LL_POLICY_CUSTOM && growth->policy.factor == 1.0)
    return MAX (growth->policy.round, 1);
  return 0;
}

void
ll_growth_skip (LlGrowth *growth,
                guint64   capacity_limit)
{
  guint64 unit = growth_shift_unit (growth);

  if (unit == 0 || growth->done)
    return;
  /* custom multiplies in doubles: exact below 2^53 only */
  if (growth->policy.kind == LL_POLICY_CUSTOM)
    capacity_limit = MIN (capacity_limit, G_GUINT64_CONSTANT (1) << 53);
  if (growth->capacity >= capacity_limit)
    return;

  /* The next step depends only on the free slots and on where the
   * capacity stands against the rounding: the same pair again, further
   * on, is a cycle that repeats until something else (the limit) ends it. */
  if (growth->seen_span > 0 &&
      growth->capacity > growth->seen_capacity &&
      growth->capacity - growth->length == growth->seen_capacity - growth->seen_length &&
      growth->capacity % unit == growth->seen_capacity % unit)
    {
      guint64 shift = growth->capacity - growth->seen_capacity;
      guint64 cycles = (capacity_limit - growth->capacity) / shift;

      /* Whole cycles, a cycle short of the limit: the last ones are
       * stepped, and their ending is ll_growth_next ()'s. */
      if (cycles >= 2)
        {
          growth->capacity += (cycles - 1) * shift;
          growth->length += (cycles - 1) * shift;
        }
      growth->seen_capacity = growth->capacity;
      growth->seen_length = growth->length;
      growth->seen_steps = 0;
      return;
    }

  /* Brent's search: the state kept is taken again after 1, 2, 4 … steps,
   * so the cycle is found in a few times its length. */
  if (growth->seen_steps == growth->seen_span)
    {
      growth->seen_capacity = growth->capacity;
      growth->seen_length = growth->length;
      growth->seen_span = growth->seen_span > 0 ? growth->seen_span * 2 : 1;
      growth->seen_steps = 0;
    }
  growth->seen_steps++;
}

void
ll_growth_init (LlGrowth          *growth,
                const LlRunConfig *config)
{
  g_return_if_fail (growth != NULL);
  g_return_if_fail (config != NULL);

  memset (growth, 0, sizeof *growth);
  growth->policy = config->policy;
  growth->element = config->element;
  growth->target_kind = config->target_kind;
  growth->target = config->target;
  growth->batch = MAX (config->batch, 1);
  growth->header = ll_run_config_header_bytes (config);
  growth->length = config->initial_length;
  growth->capacity = ll_policy_initial_capacity (&config->policy, config->initial_length);
  growth->done = ll_growth_get_metric (growth) >= growth->target;
}

static gboolean
growth_stop_within (LlGrowth     *growth,
                    LlGrowthStep *step,
                    guint64       length)
{
  step->fill_to = length;
  step->length = length;
  step->realloc = FALSE;
  step->old_capacity = growth->capacity;
  step->new_capacity = growth->capacity;

  growth->length = length;
  growth->done = TRUE;

  return TRUE;
}

gboolean
ll_growth_next (LlGrowth     *growth,
                LlGrowthStep *step)
{
  guint64 batch;
  guint64 appends;
  guint64 fill_to;
  guint64 new_length;
  guint64 new_capacity;
  gboolean overflow;

  g_return_val_if_fail (growth != NULL, FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  if (growth->done)
    return FALSE;

  /* Every append that still fits leaves the capacity alone, so the next
   * reallocation comes with the first batch that does not fit. */
  batch = growth->batch;
  if (growth->capacity <= growth->length)
    appends = 0;
  else if (batch == 1)
    appends = growth->capacity - growth->length;
  else
    appends = (growth->capacity - growth->length) / batch;
  fill_to = growth->length + appends * batch;

  if (growth->target_kind == LL_TARGET_ELEMENTS && growth->target <= fill_to)
    return growth_stop_within (growth, step, growth->target);

  /* Objects grow with every append: the total can reach the target between
   * two reallocations. Happens once a run, so a binary search is cheap. */
  if (growth->target_kind == LL_TARGET_TOTAL_BYTES &&
      appends > 0 &&
      growth_total (growth, fill_to) >= growth->target)
    {
      guint64 lo = 1;
      guint64 hi = appends;

      while (lo < hi)
        {
          guint64 mid = lo + (hi - lo) / 2;

          if (growth_total (growth, growth->length + mid * batch) >= growth->target)
            hi = mid;
          else
            lo = mid + 1;
        }

      return growth_stop_within (growth, step, growth->length + lo * batch);
    }

  overflow = fill_to > G_MAXUINT64 - batch;
  new_length = overflow ? G_MAXUINT64 : fill_to + batch;
  if (growth->target_kind == LL_TARGET_ELEMENTS && (overflow || new_length > growth->target))
    {
      new_length = growth->target;
    }
  else if (overflow)
    {
      growth->done = TRUE;
      return FALSE;
    }

  new_capacity = ll_policy_resize (&growth->policy, fill_to, growth->capacity, new_length);
  if (new_capacity < new_length)
    {
      /* The policy saturated: nothing can grow any further. */
      growth->done = TRUE;
      return FALSE;
    }

  if (new_capacity == growth->capacity)
    return growth_stop_within (growth, step, new_length);

  step->fill_to = fill_to;
  step->length = new_length;
  step->realloc = TRUE;
  step->old_capacity = growth->capacity;
  step->new_capacity = new_capacity;

  growth->length = new_length;
  growth->capacity = new_capacity;
  growth->done = growth_metric (growth) >= growth->target;

  return TRUE;
}

guint64
ll_growth_get_capacity_limit (const LlGrowth *growth)
{
  guint slot = ll_element_get_info (growth->element)->slot_bytes;

  switch (growth->target_kind)
    {
    case LL_TARGET_CONTAINER_BYTES:
      return growth->target > growth->header ? (growth->target - growth->header) / slot : 0;
    case LL_TARGET_ELEMENTS:
      return growth->target;
    case LL_TARGET_TOTAL_BYTES:
    default:
      {
        /* The objects of a length up to the capacity, and the header. */
        guint64 fixed = growth->header + ll_element_objects_bytes (growth->element, 0);
        guint64 each = slot + ll_element_objects_bytes (growth->element, 1) -
                       ll_element_objects_bytes (growth->element, 0);

        return growth->target > fixed ? (growth->target - fixed) / each : 0;
      }
    }
}

gsize
ll_growth_next_many (LlGrowth     *growth,
                     LlGrowthStep *steps,
                     gsize         n_steps)
{
  guint64 increment;
  guint64 limit;
  gsize n = 0;

  g_return_val_if_fail (growth != NULL, 0);
  g_return_val_if_fail (steps != NULL || n_steps == 0, 0);

  increment = growth_constant_increment (growth);
  limit = ll_growth_get_capacity_limit (growth);

  while (n < n_steps)
    {
      /* Steady state, as in ll_growth_skip (): each step appends one
       * element past a full block and grows it by the increment. Stay a
       * step short of the limit; the exact ending is ll_growth_next ()'s. */
      if (increment >= 2 && growth->batch == 1 && !growth->done &&
          growth->capacity >= increment && growth->length == growth->capacity - increment + 1)
        {
          guint64 capacity = growth->capacity;

          while (n < n_steps && capacity < limit && limit - capacity > 2 * increment)
            {
              LlGrowthStep *step = &steps[n++];

              step->fill_to = capacity;
              step->length = capacity + 1;
              step->realloc = TRUE;
              step->old_capacity = capacity;
              step->new_capacity = capacity + increment;
              capacity += increment;
            }
          growth->length = capacity - increment + 1;
          growth->capacity = capacity;
          if (n == n_steps)
            break;
        }

      if (!ll_growth_next (growth, &steps[n]))
        break;
      n++;
    }

  return n;
}
