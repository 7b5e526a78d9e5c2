/* ll-summary.c — a run's settings and results as label/value rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ll-fit.h"
#include "ll-summary.h"

void
ll_summary_row_free (LlSummaryRow *row)
{
  if (row == NULL)
    return;
  g_free (row->id);
  g_free (row->label);
  g_free (row->value);
  g_free (row);
}

/* Takes ownership of @value. */
static void
add_row (GPtrArray  *rows,
         const char *id,
         const char *label,
         char       *value)
{
  LlSummaryRow *row = g_new0 (LlSummaryRow, 1);

  row->id = g_strdup (id);
  row->label = g_strdup (label);
  row->value = value;
  g_ptr_array_add (rows, row);
}

GPtrArray *
ll_summary_settings_rows (const LlRunConfig *config,
                          guint64            reserve_bytes,
                          LlUnits            units)
{
  GPtrArray *rows;
  const LlPolicyInfo *policy;
  g_autofree char *policy_text = NULL;

  g_return_val_if_fail (config != NULL, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_summary_row_free);
  policy = ll_policy_get_info (config->policy.kind);

  if (config->policy.kind == LL_POLICY_FIXED)
    {
      g_autofree char *increment = ll_format_count_exact (config->policy.increment);

      policy_text = g_strdup_printf (_("%s, +%s elements"), _(policy->title), increment);
    }
  else if (config->policy.kind == LL_POLICY_CUSTOM)
    {
      g_autofree char *constant = ll_format_count_exact (config->policy.constant);
      g_autofree char *round = ll_format_count_exact (config->policy.round);

      policy_text = g_strdup_printf (_("%s: ×%g + %s, rounded to %s"),
                                     _(policy->title), config->policy.factor, constant, round);
    }
  else
    policy_text = g_strdup (_(policy->title));

  add_row (rows, "policy", _("Growth policy"), g_steal_pointer (&policy_text));
  add_row (rows, "source", _("Mirrors"), g_strdup (policy->source));
  add_row (rows, "element", _("Element model"),
           g_strdup (_(ll_element_get_info (config->element)->title)));
  add_row (rows, "mechanism", _("Growth mechanism"),
           g_strdup (ll_mechanism_to_string (ll_run_config_get_mechanism (config))));
  add_row (rows, "initial-length", _("Initial length"), ll_format_count_exact (config->initial_length));
  if (config->batch > 1)
    add_row (rows, "batch", _("Elements per append"), ll_format_count_exact (config->batch));
  add_row (rows, "target", _("Target"), ll_run_config_format_target (config));
  add_row (rows, "reserve", _("Memory reserve"), ll_format_bytes (reserve_bytes, units));
  return rows;
}

GPtrArray *
ll_summary_result_rows (const LlRunConfig       *config,
                        const LlEngineStatus    *status,
                        const LlHistoryCounters *counters,
                        guint64                  available_now,
                        LlUnits                  units)
{
  const LlElementInfo *element;
  GPtrArray *rows;
  guint64 appended;
  guint64 slack;
  double seconds;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (status != NULL, NULL);
  g_return_val_if_fail (counters != NULL, NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_summary_row_free);
  element = ll_element_get_info (config->element);
  appended = status->length >= config->initial_length ? status->length - config->initial_length : 0;
  slack = status->capacity >= status->length ? status->capacity - status->length : 0;
  seconds = status->elapsed_ns / 1e9;

  add_row (rows, "length", _("Length"), ll_format_count_exact (status->length));
  add_row (rows, "capacity", _("Capacity"), ll_format_count_exact (status->capacity));
  add_row (rows, "container", _("Container"), ll_format_bytes (status->container_bytes, units));
  add_row (rows, "objects", _("Objects"), ll_format_bytes (status->objects_bytes, units));
  {
    g_autofree char *bytes = ll_format_bytes (slack * element->slot_bytes, units);
    double percent = status->capacity > 0 ? 100.0 * slack / status->capacity : 0;

    add_row (rows, "slack", _("Slack"), g_strdup_printf ("%s (%.1f %%)", bytes, percent));
  }
  add_row (rows, "reallocations", _("Reallocations"), ll_format_count_exact (counters->n_events));
  {
    g_autofree char *moved = ll_format_count_exact (counters->n_moved);
    g_autofree char *copied = ll_format_bytes (counters->bytes_copied, units);

    add_row (rows, "moved", _("Moved"), g_strdup_printf (_("%s (%s copied)"), moved, copied));
  }
  add_row (rows, "elapsed", _("Elapsed"), ll_format_duration (status->elapsed_ns));
  {
    g_autofree char *count = ll_format_count (seconds > 0 ? (guint64) (appended / seconds) : 0);
    g_autofree char *rate = ll_format_rate_bytes (seconds > 0 ? appended * (double) element->slot_bytes / seconds : 0,
                                                  LL_UNITS_SI);

    add_row (rows, "rate", _("Appends per second"), g_strdup_printf ("%s (%s)", count, rate));
  }
  add_row (rows, "slowest", _("Slowest reallocation"),
           counters->n_events > 0 ? ll_format_duration (counters->slowest.realloc_ns) : g_strdup ("—"));
  {
    LlForecast next;

    if (ll_fit_growth_after (&next, config, status->length, status->capacity, 0, 0))
      {
        g_autofree char *at = ll_format_count_exact (next.length);
        g_autofree char *slots = ll_format_count_exact (next.new_capacity);
        g_autofree char *need = ll_format_bytes (next.need, units);

        /* The append that will make the list grow next, and to what. */
        add_row (rows, "next-growth", _("Next growth at"),
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s element", "%s elements",
                                               (gulong) MIN (next.length, G_MAXULONG)), at));
        /* TRANSLATORS: the capacity after the next growth, and the memory
         * it takes beyond what the list holds now */
        add_row (rows, "next-capacity", _("Next capacity"), g_strdup_printf (_("%s (%s more)"), slots, need));
      }
    else
      {
        add_row (rows, "next-growth", _("Next growth at"), g_strdup ("—"));
        add_row (rows, "next-capacity", _("Next capacity"), g_strdup ("—"));
      }
  }
  add_row (rows, "available", _("Free memory now"), ll_format_bytes (available_now, units));
  add_row (rows, "available-start", _("Free memory at start"),
           ll_format_bytes (status->start_available_bytes, units));
  return rows;
}
