/* ll-chart-summary.c — what a chart shows now, in words, for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-chart-private.h"

void
ll_chart_facts_init (LlChartFacts        *facts,
                     const LlChartSeries *series)
{
  const LlHistoryCounters *c = series->counters;

  memset (facts, 0, sizeof *facts);
  ll_chart_list_span (series, &facts->span);

  if (c != NULL)
    {
      facts->n_events = c->n_events;
      facts->last = c->n_events > 0 ? &c->last_event : NULL;
      facts->slowest = c->n_events > 0 ? &c->slowest : NULL;
      facts->total_ns = c->total_realloc_ns;
      facts->first_sample = c->n_samples > 0 ? &c->first_sample : NULL;
      facts->last_sample = c->n_samples > 0 ? &c->last_sample : NULL;
    }
  else
    {
      for (gsize k = 0; k < series->n_events; k++)
        {
          facts->n_events += MAX (series->events[k].count, 1);
          facts->total_ns += series->events[k].realloc_ns;
        }
      if (series->n_events > 0)
        facts->last = &series->events[series->n_events - 1].last;
      if (series->n_samples > 0)
        {
          facts->first_sample = &series->samples[0].first;
          facts->last_sample = &series->samples[series->n_samples - 1].last;
        }
    }
}

char *
ll_chart_count_of_reallocations (guint64 n)
{
  g_autofree char *count = ll_format_count_exact (n);

  /* TRANSLATORS: the start of a chart's summary for screen readers */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s reallocation", "%s reallocations",
                                       (gulong) MIN (n, G_MAXULONG)), count);
}

char *
ll_chart_elements (guint64 n)
{
  g_autofree char *count = ll_format_count (n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s element", "%s elements",
                                       (gulong) MIN (n, G_MAXULONG)), count);
}

/* A sentence for one run; FALSE when the chart shows nothing of it. */
static gboolean
describe_series (GString              *str,
                 LlChartKind           kind,
                 const LlChartData    *data,
                 const LlChartSeries  *series,
                 const LlChartOptions *options)
{
  const LlChartKindClass *klass = ll_chart_kind_get_class (kind);
  const LlChartSeries *compared;
  LlChartSeries copy;
  LlChartFacts f;

  if (klass->has_data != NULL && !klass->has_data (series))
    return FALSE;

  ll_chart_facts_init (&f, series);
  /* Over several runs, where the chart's line of the run ends. */
  compared = ll_chart_series_compared (klass, data, series, &copy);
  if (compared != series && compared->n_samples > 0)
    f.last_sample = &compared->samples[compared->n_samples - 1].last;
  return klass->describe (str, &f, options);
}

char *
ll_chart_describe (LlChartKind           kind,
                   const LlChartData    *data,
                   const LlChartOptions *options)
{
  LlChartOptions default_options;
  GString *str;
  guint n_described = 0;

  g_return_val_if_fail (kind < LL_N_CHARTS, NULL);

  options = ll_chart_options_or_defaults (options, &default_options);

  str = g_string_new (NULL);
  for (gsize i = 0; data != NULL && i < data->n_series; i++)
    {
      const LlChartSeries *series = &data->series[i];
      gsize mark = str->len;

      if (str->len > 0)
        g_string_append (str, ". ");
      /* Over several runs, each says whose it is. */
      if (data->n_series > 1 && series->name != NULL)
        /* TRANSLATORS: a run's name before what a chart shows of it */
        g_string_append_printf (str, _("%s: "), series->name);

      if (describe_series (str, kind, data, series, options))
        n_described++;
      else
        g_string_truncate (str, mark);
    }

  if (n_described == 0)
    {
      LlChartLayout layout;

      /* What the empty chart itself says. */
      ll_chart_layout_compute (&layout, NULL, kind, data, options, 400, 300);
      g_string_assign (str, layout.hint);
    }

  return g_string_free (str, FALSE);
}
