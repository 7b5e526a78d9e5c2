/* ll-run-config.c — everything that defines a run, and the growth stepper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ll-arith.h"
#include "ll-run-config.h"
#include "ll-run-config-private.h"
#include "ll-size.h"

/* Far beyond any real memory, and small enough that no byte count derived
 * from a length (40 bytes an element at most) can overflow. */
#define MAX_LENGTH (G_MAXUINT64 / 64)

G_DEFINE_QUARK (ll-run-error-quark, ll_run_error)

void
ll_run_config_init (LlRunConfig *config)
{
  g_return_if_fail (config != NULL);

  memset (config, 0, sizeof *config);
  ll_policy_init (&config->policy, LL_POLICY_CPYTHON);
  config->mechanism = LL_MECHANISM_DEFAULT;
  config->element = LL_ELEMENT_SHARED;
  config->initial_length = 0;
  config->batch = 1;
  config->target_kind = LL_TARGET_CONTAINER_BYTES;
  config->target = G_GUINT64_CONSTANT (10) * 1000 * 1000 * 1000;
  config->reserve_bytes = LL_RESERVE_DEFAULT;
  config->sample_hz = LL_DEFAULT_SAMPLE_HZ;
  config->huge_pages = FALSE;
  config->mem_probe = NULL;
  config->mem_probe_data = NULL;
}

gboolean
ll_run_config_validate (const LlRunConfig  *config,
                        GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) config->policy.kind >= LL_N_POLICIES)
    {
      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("Unknown growth policy %d"), (int) config->policy.kind);
      return FALSE;
    }

  if (!ll_policy_validate (&config->policy, &local_error))
    {
      g_set_error_literal (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  if (config->mechanism != LL_MECHANISM_DEFAULT &&
      ((int) config->mechanism < 0 || config->mechanism >= LL_N_MECHANISMS))
    {
      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("Unknown growth mechanism %d: use realloc, copy or mremap"),
                   (int) config->mechanism);
      return FALSE;
    }

  if ((guint) config->element >= LL_N_ELEMENTS)
    {
      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("Unknown element model %d: use shared, boxed, int64 or int32"),
                   (int) config->element);
      return FALSE;
    }

  if ((guint) config->target_kind > LL_TARGET_ELEMENTS)
    {
      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("Unknown target kind %d: the target is container bytes, "
                     "total bytes or elements"),
                   (int) config->target_kind);
      return FALSE;
    }

  if (config->target == 0)
    {
      g_set_error_literal (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                           _("The target must be larger than zero"));
      return FALSE;
    }

  if (config->batch == 0)
    {
      g_set_error_literal (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                           _("The batch must be at least 1 element "
                             "(1 is one append, more is one list.extend)"));
      return FALSE;
    }

  if (config->batch > MAX_LENGTH)
    {
      g_autofree char *batch = g_strdup_printf ("%" G_GUINT64_FORMAT, config->batch);
      g_autofree char *max = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) MAX_LENGTH);

      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("The batch of %s elements is too large: at most %s are accepted"),
                   batch, max);
      return FALSE;
    }

  if (config->initial_length > MAX_LENGTH)
    {
      g_autofree char *length = g_strdup_printf ("%" G_GUINT64_FORMAT, config->initial_length);
      g_autofree char *max = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) MAX_LENGTH);

      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("The initial length of %s elements is too large: at most %s are "
                     "accepted"),
                   length, max);
      return FALSE;
    }

  if (config->sample_hz < 1 || config->sample_hz > 1000)
    {
      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("The memory sampling rate of %u Hz is out of range: "
                     "use 1 to 1000 Hz"),
                   config->sample_hz);
      return FALSE;
    }

  /* A start already at or past the target is fine: the run stops at once.
   * Huge pages only apply to the mremap mechanism and are ignored otherwise. */
  return TRUE;
}

LlMechanism
ll_run_config_get_mechanism (const LlRunConfig *config)
{
  const LlPolicyInfo *info;

  g_return_val_if_fail (config != NULL, LL_MECHANISM_REALLOC);

  if (config->mechanism != LL_MECHANISM_DEFAULT)
    return config->mechanism;

  info = ll_policy_get_info (config->policy.kind);
  if (info == NULL || info->mechanism == LL_MECHANISM_DEFAULT)
    return LL_MECHANISM_REALLOC;

  return info->mechanism;
}

guint64
ll_run_config_get_reserve (const LlRunConfig *config,
                           const LlMemInfo   *info)
{
  g_return_val_if_fail (config != NULL, 0);
  g_return_val_if_fail (info != NULL, 0);

  if (config->reserve_bytes == LL_RESERVE_DEFAULT)
    return ll_mem_default_reserve (info);

  return config->reserve_bytes;
}

/* The stepper */

/* ll_element_container_bytes () without the call: the stepper's hot path
 * for policies that reallocate every few appends. */
static inline guint64
growth_container (const LlGrowth *growth)
{
  guint64 slot = growth->element == LL_ELEMENT_INT32 ? 4 : 8;

  if (G_UNLIKELY (growth->capacity > (G_MAXUINT64 - LL_LIST_HEADER_BYTES) / slot))
    return G_MAXUINT64;
  return LL_LIST_HEADER_BYTES + slot * growth->capacity;
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

void
ll_growth_skip (LlGrowth *growth,
                guint64   capacity_limit)
{
  guint64 increment = growth_constant_increment (growth);
  guint64 steps;

  /* Steady state: the last append reallocated, so length = old capacity + 1
   * and every further reallocation adds the increment to both. */
  if (growth->done || growth->batch != 1 || increment < 2 ||
      growth->capacity < increment || growth->length != growth->capacity - increment + 1 ||
      growth->capacity >= capacity_limit)
    return;

  steps = (capacity_limit - growth->capacity) / increment;
  if (steps < 2)
    return;
  steps -= 1;
  growth->capacity += steps * increment;
  growth->length += steps * increment;
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

/* A capacity the run stays under until it is close to its target. */
static guint64
growth_capacity_limit (const LlGrowth *growth)
{
  guint slot = ll_element_get_info (growth->element)->slot_bytes;

  switch (growth->target_kind)
    {
    case LL_TARGET_CONTAINER_BYTES:
      return growth->target > LL_LIST_HEADER_BYTES ? (growth->target - LL_LIST_HEADER_BYTES) / slot : 0;
    case LL_TARGET_ELEMENTS:
      return growth->target;
    case LL_TARGET_TOTAL_BYTES:
    default:
      return growth->target / (slot + LL_OBJECT_BYTES);
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
  limit = growth_capacity_limit (growth);

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

guint64
ll_run_config_estimate_peak (const LlRunConfig *config,
                             guint64           *final_length,
                             guint64           *final_capacity)
{
  LlGrowth growth;
  LlGrowthStep step;
  guint64 last_copy_capacity = 0;
  gboolean copy;

  g_return_val_if_fail (config != NULL, 0);

  copy = ll_run_config_get_mechanism (config) == LL_MECHANISM_COPY;

  ll_growth_init (&growth, config);
  while (ll_growth_next (&growth, &step))
    {
      if (copy && step.realloc)
        last_copy_capacity = step.old_capacity;
      ll_growth_skip (&growth, growth_capacity_limit (&growth));
    }

  if (final_length != NULL)
    *final_length = growth.length;
  if (final_capacity != NULL)
    *final_capacity = growth.capacity;

  return ll_growth_get_peak (&growth, last_copy_capacity);
}

char *
ll_run_config_format_target (const LlRunConfig *config,
                             LlUnits            units)
{
  g_autofree char *count = NULL;

  g_return_val_if_fail (config != NULL, NULL);

  if (config->target_kind != LL_TARGET_ELEMENTS)
    return ll_format_bytes (config->target, units);

  count = ll_format_count_exact (config->target);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s element", "%s elements",
                                       (gulong) MIN (config->target, G_MAXULONG)),
                          count);
}
