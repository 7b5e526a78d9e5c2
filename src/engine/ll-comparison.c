/* ll-comparison.c — what a run costs, in figures that compare across policies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ll-arith.h"
#include "ll-comparison.h"
#include "ll-element.h"
#include "ll-growth.h"
#include "ll-simulation.h"

static guint
slot_bytes (const LlRunConfig *config)
{
  return ll_element_get_info (config->element)->slot_bytes;
}

void
ll_comparison_begin (LlComparisonBuilder *b,
                     const LlRunConfig   *config)
{
  guint64 start_capacity;

  g_return_if_fail (b != NULL);
  g_return_if_fail (config != NULL);

  memset (b, 0, sizeof *b);
  b->config = *config;
  start_capacity = ll_policy_initial_capacity (&config->policy, config->initial_length);
  b->length = config->initial_length;
  b->capacity = start_capacity;
  b->result.bytes_allocated = ll_sat_mul (start_capacity, slot_bytes (config));
  b->result.peak_bytes = ll_sat_add (ll_sat_mul (start_capacity, slot_bytes (config)),
                                     ll_sat_mul (config->initial_length,
                                                 ll_element_get_info (config->element)->object_bytes));
  b->result.copies_known = ll_run_config_get_mechanism (config) != LL_MECHANISM_REALLOC;
}

void
ll_comparison_add_events (LlComparisonBuilder *b,
                          const LlEvent       *events,
                          gsize                n_events)
{
  guint slot = slot_bytes (&b->config);
  guint objects = ll_element_get_info (b->config.element)->object_bytes;
  gboolean copying = ll_run_config_get_mechanism (&b->config) == LL_MECHANISM_COPY;

  for (gsize i = 0; i < n_events; i++)
    {
      const LlEvent *e = &events[i];
      gboolean copied = copying || e->bytes_copied > 0;
      guint64 held;

      /* The appends before it filled the old block; the one that made it
       * grow landed in the new one. */
      if (e->length > 0)
        b->slack_sum += ll_history_slack_between (e->old_capacity, b->length + 1, e->length - 1);
      if (e->new_capacity > 0)
        b->slack_sum += ((double) e->new_capacity - (double) e->length) / (double) e->new_capacity;

      held = ll_sat_mul (e->new_capacity, slot);
      if (copied)
        held = ll_sat_add (held, ll_sat_mul (e->old_capacity, slot));
      held = ll_sat_add (held, ll_sat_mul (e->length, objects));
      b->result.peak_bytes = MAX (b->result.peak_bytes, held);
      b->result.bytes_allocated = ll_sat_add (b->result.bytes_allocated, ll_sat_mul (e->new_capacity, slot));
      b->result.bytes_copied = ll_sat_add (b->result.bytes_copied, e->bytes_copied);
      b->result.n_reallocations++;
      b->length = e->length;
      b->capacity = e->new_capacity;
    }
}

void
ll_comparison_finish (LlComparisonBuilder *b,
                      guint64              end_length,
                      guint64              end_capacity,
                      guint64              elapsed_ns,
                      guint64              free_bytes,
                      LlComparison        *out)
{
  LlComparison *r = &b->result;
  guint slot = slot_bytes (&b->config);
  guint64 appended;

  g_return_if_fail (b != NULL && out != NULL);

  b->slack_sum += ll_history_slack_between (b->capacity, b->length + 1, end_length);
  appended = end_length > b->config.initial_length ? end_length - b->config.initial_length : 0;

  r->length = end_length;
  r->capacity = end_capacity;
  r->container_bytes = ll_run_config_container_bytes (&b->config, end_capacity);
  r->slack_bytes = ll_sat_mul (end_capacity > end_length ? end_capacity - end_length : 0, slot);
  r->slack_fraction = end_capacity > 0 ? (double) (end_capacity - MIN (end_length, end_capacity)) / end_capacity : 0.0;
  r->mean_slack_fraction = appended > 0 ? b->slack_sum / (double) appended : 0.0;
  r->elapsed_ns = elapsed_ns;
  r->fit_length = free_bytes > 0 ? ll_comparison_fit_length (&b->config, free_bytes) : 0;
  *out = *r;
}

void
ll_comparison_from_counters (const LlRunConfig       *config,
                             const LlHistoryCounters *counters,
                             guint64                  elapsed_ns,
                             guint64                  free_bytes,
                             LlComparison            *out)
{
  guint slot = slot_bytes (config);
  guint objects = ll_element_get_info (config->element)->object_bytes;
  guint64 start_block = ll_sat_mul (counters->start_capacity, slot);
  guint64 end = counters->end_length, capacity = counters->end_capacity;
  guint64 last = counters->n_events > 0 ? counters->last_event.length : counters->start_length;
  guint64 last_capacity = counters->n_events > 0 ? counters->last_event.new_capacity : counters->start_capacity;
  guint64 appended = end > counters->start_length ? end - counters->start_length : 0;
  double slack = counters->slack_sum + ll_history_slack_between (last_capacity, last + 1, end);

  g_return_if_fail (config != NULL && counters != NULL && out != NULL);

  memset (out, 0, sizeof *out);
  out->n_reallocations = counters->n_events;
  out->length = end;
  out->capacity = capacity;
  out->container_bytes = ll_run_config_container_bytes (config, capacity);
  out->slack_bytes = ll_sat_mul (capacity > end ? capacity - end : 0, slot);
  out->slack_fraction = capacity > 0 ? (double) (capacity - MIN (end, capacity)) / capacity : 0.0;
  out->mean_slack_fraction = appended > 0 ? slack / (double) appended : 0.0;
  out->bytes_allocated = ll_sat_add (start_block, counters->blocks_allocated);
  out->copies_known = elapsed_ns > 0 || ll_run_config_get_mechanism (config) != LL_MECHANISM_REALLOC;
  out->bytes_copied = counters->bytes_copied;
  out->peak_bytes = MAX (ll_sat_add (start_block, ll_sat_mul (counters->start_length, objects)),
                         ll_sat_add (counters->peak_blocks, ll_sat_mul (counters->peak_length, objects)));
  out->elapsed_ns = elapsed_ns;
  out->fit_length = free_bytes > 0 ? ll_comparison_fit_length (config, free_bytes) : 0;
}

guint64
ll_comparison_fit_length (const LlRunConfig *config,
                          guint64            free_bytes)
{
  LlRunConfig c = *config;
  guint slot = slot_bytes (config);
  guint objects = ll_element_get_info (config->element)->object_bytes;
  gboolean copying = ll_run_config_get_mechanism (config) == LL_MECHANISM_COPY;
  LlGrowth growth;
  LlGrowthStep step;

  /* As long as it takes: the free memory ends it. */
  c.target_kind = LL_TARGET_ELEMENTS;
  c.target = G_MAXUINT64 / 2 / MAX (slot + objects, 1);
  ll_growth_init (&growth, &c);

  for (;;)
    {
      guint64 need;

      /* What surely fits is jumped over in closed form where the policy
       * allows: a growth to a capacity C needs at most C slots, C objects
       * and, when it copies, the old block's C slots. Past that bound only
       * the last few growths are stepped. */
      ll_growth_skip (&growth, free_bytes / MAX (slot + objects + (copying ? slot : 0), 1));
      if (!ll_growth_next (&growth, &step))
        return growth.length;
      if (!step.realloc)
        continue;

      need = ll_sat_add (ll_sat_mul (step.new_capacity, slot), ll_sat_mul (step.length, objects));
      if (copying)
        need = ll_sat_add (need, ll_sat_mul (step.old_capacity, slot));
      if (need > free_bytes)
        /* The list fills its block before this growth. */
        return MIN (step.old_capacity, free_bytes / MAX (slot + objects, 1));
    }
}

static gboolean
comparison_sink (const LlEvent  *events,
                 gsize           n_events,
                 gpointer        user_data,
                 GError        **error)
{
  ll_comparison_add_events (user_data, events, n_events);
  return TRUE;
}

gboolean
ll_comparison_simulate (const LlRunConfig *config,
                        guint64            free_bytes,
                        LlHistory         *history,
                        LlComparison      *comparison,
                        GError           **error)
{
  g_autoptr(LlHistory) own = NULL;
  LlComparisonBuilder builder;
  LlHistoryCounters counters;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (comparison != NULL, FALSE);

  if (history == NULL)
    history = own = ll_history_new (0);

  ll_comparison_begin (&builder, config);
  if (!ll_simulate (config, history, comparison_sink, &builder, NULL, NULL, NULL, error))
    return FALSE;
  ll_history_get_counters (history, &counters);
  ll_comparison_finish (&builder, counters.end_length, counters.end_capacity, 0, free_bytes, comparison);
  return TRUE;
}

char *
ll_comparison_format_csv (const LlRunConfig  *config,
                          const LlComparison *c)
{
  g_autofree char *name = ll_policy_to_string (&config->policy);
  /* A custom policy's parameters have commas: quoted, as CSV wants. */
  g_autofree char *policy = strchr (name, ',') != NULL ? g_strdup_printf ("\"%s\"", name)
                                                       : g_strdup (name);
  const char *mechanism = ll_mechanism_to_string (ll_run_config_get_mechanism (config));
  g_autofree char *copied = c->copies_known ? g_strdup_printf ("%" G_GUINT64_FORMAT, c->bytes_copied)
                                            : g_strdup ("");
  g_autofree char *elapsed = c->elapsed_ns > 0 ? g_strdup_printf ("%" G_GUINT64_FORMAT, c->elapsed_ns)
                                               : g_strdup ("");
  char slack[G_ASCII_DTOSTR_BUF_SIZE], mean[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (slack, sizeof slack, "%.3f", c->slack_fraction * 100.0);
  g_ascii_formatd (mean, sizeof mean, "%.3f", c->mean_slack_fraction * 100.0);

  return g_strdup_printf ("%s,%s,%s,%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT
                          ",%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",%s,%s,%" G_GUINT64_FORMAT
                          ",%s,%" G_GUINT64_FORMAT ",%s,%" G_GUINT64_FORMAT,
                          policy, mechanism, ll_element_get_info (config->element)->name,
                          c->n_reallocations, c->length, c->capacity, c->container_bytes,
                          c->slack_bytes, slack, mean, c->bytes_allocated, copied, c->peak_bytes,
                          elapsed, c->fit_length);
}

static const char * const figure_titles[LL_N_COMPARISON_FIGURES] = {
  [LL_COMPARISON_REALLOCATIONS] = N_("Reallocations"),
  [LL_COMPARISON_CAPACITY] = N_("Capacity"),
  [LL_COMPARISON_SLACK] = N_("Slack"),
  [LL_COMPARISON_MEAN_SLACK] = N_("Mean Slack"),
  [LL_COMPARISON_ALLOCATED] = N_("Allocated"),
  [LL_COMPARISON_COPIED] = N_("Copied"),
  [LL_COMPARISON_PEAK] = N_("Peak"),
  [LL_COMPARISON_TIME] = N_("Time"),
  [LL_COMPARISON_FITS] = N_("Fits in Free Memory"),
};

const char *
ll_comparison_figure_title (LlComparisonFigure figure)
{
  g_return_val_if_fail (figure < LL_N_COMPARISON_FIGURES, NULL);

  return _(figure_titles[figure]);
}

static char *
format_percent (double fraction)
{
  return g_strdup_printf ("%.1f %%", fraction * 100.0);
}

char *
ll_comparison_format_figure (const LlComparison *c,
                             LlComparisonFigure  figure,
                             LlUnits             units)
{
  g_return_val_if_fail (c != NULL, NULL);

  switch (figure)
    {
    case LL_COMPARISON_REALLOCATIONS:
      return ll_format_count_exact (c->n_reallocations);
    case LL_COMPARISON_CAPACITY:
      return ll_format_count_exact (c->capacity);
    case LL_COMPARISON_SLACK:
      {
        g_autofree char *bytes = ll_format_bytes (c->slack_bytes, units);
        g_autofree char *percent = format_percent (c->slack_fraction);

        return g_strdup_printf ("%s (%s)", bytes, percent);
      }
    case LL_COMPARISON_MEAN_SLACK:
      return format_percent (c->mean_slack_fraction);
    case LL_COMPARISON_ALLOCATED:
      return ll_format_bytes (c->bytes_allocated, units);
    case LL_COMPARISON_COPIED:
      return c->copies_known ? ll_format_bytes (c->bytes_copied, units) : g_strdup ("—");
    case LL_COMPARISON_PEAK:
      return ll_format_bytes (c->peak_bytes, units);
    case LL_COMPARISON_TIME:
      /* A real run not timed yet counts 1 ns (ll_comparison_from_counters). */
      return c->elapsed_ns > 1 ? ll_format_duration (c->elapsed_ns) : g_strdup ("—");
    case LL_COMPARISON_FITS:
      {
        g_autofree char *count = NULL;

        if (c->fit_length == 0)
          return g_strdup ("—");
        count = ll_format_count (c->fit_length);
        /* Translators: the longest list that fits, "2.82 G elements" ("G" a
         * billion): a count, never a size */
        return g_strdup_printf (_("%s elements"), count);
      }
    case LL_N_COMPARISON_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

double
ll_comparison_figure_key (const LlComparison *c,
                          LlComparisonFigure  figure)
{
  g_return_val_if_fail (c != NULL, 0.0);

  switch (figure)
    {
    case LL_COMPARISON_REALLOCATIONS:
      return c->n_reallocations;
    case LL_COMPARISON_CAPACITY:
      return c->capacity;
    case LL_COMPARISON_SLACK:
      return c->slack_bytes;
    case LL_COMPARISON_MEAN_SLACK:
      return c->mean_slack_fraction;
    case LL_COMPARISON_ALLOCATED:
      return c->bytes_allocated;
    case LL_COMPARISON_COPIED:
      return c->copies_known ? (double) c->bytes_copied : -1.0;
    case LL_COMPARISON_PEAK:
      return c->peak_bytes;
    case LL_COMPARISON_TIME:
      return c->elapsed_ns;
    case LL_COMPARISON_FITS:
      return c->fit_length;
    case LL_N_COMPARISON_FIGURES:
    default:
      g_return_val_if_reached (0.0);
    }
}
