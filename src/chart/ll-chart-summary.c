/* ll-chart-summary.c — what a chart shows now, in words, for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-chart-private.h"

/* What a run's history says, from its exact counters where it has them. */
typedef struct
{
  guint64         n_events;
  const LlEvent  *last;
  const LlEvent  *slowest;     /* NULL: not known */
  guint64         total_ns;
  const LlSample *first_sample;
  const LlSample *last_sample;
  LlListSpan      span;
} Facts;

static void
facts_init (Facts               *facts,
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

static char *
count_of_reallocations (guint64 n)
{
  g_autofree char *count = ll_format_count_exact (n);

  /* TRANSLATORS: the start of a chart's summary for screen readers */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s reallocation", "%s reallocations",
                                       (gulong) MIN (n, G_MAXULONG)), count);
}

/* "238 M elements" */
static char *
elements (guint64 n)
{
  g_autofree char *count = ll_format_count (n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s element", "%s elements",
                                       (gulong) MIN (n, G_MAXULONG)), count);
}

static void
describe_capacity (GString              *str,
                   const Facts          *f,
                   const LlChartOptions *options)
{
  g_autofree char *count = NULL;
  g_autofree char *length = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *added = NULL;

  if (f->last == NULL)
    {
      g_autofree char *now = elements (f->span.end_length);
      g_autofree char *held = ll_format_count (f->span.end_capacity);

      /* TRANSLATORS: "No reallocation yet; 20.0 M elements in a capacity of 20.0 M" */
      g_string_append_printf (str, _("No reallocation yet; %s in a capacity of %s"),
                              now, held);
      return;
    }

  count = count_of_reallocations (f->n_events);
  length = elements (f->last->length);
  capacity = ll_format_count (f->last->new_capacity);
  bytes = ll_format_bytes (f->last->new_bytes, options->units);
  added = ll_format_bytes_delta ((gint64) f->last->bytes_added, options->units);
  /* TRANSLATORS: "133 reallocations; last: 238 M elements, capacity 268 M,
   * 2.00 GiB, +227.00 MiB" — the last reallocation's length, new capacity,
   * container and what it added */
  g_string_append_printf (str, _("%s; last: %s, capacity %s, %s, %s"),
                          count, length, capacity, bytes, added);
  if (f->span.end_length > f->last->length)
    {
      g_autofree char *now = elements (f->span.end_length);

      /* TRANSLATORS: the list's length now, after its last reallocation:
       * "; now 240 M elements" */
      g_string_append_printf (str, _("; now %s"), now);
    }
}

static void
describe_growth (GString              *str,
                 const Facts          *f,
                 const LlChartOptions *options)
{
  g_autofree char *count = count_of_reallocations (f->n_events);
  g_autofree char *added = ll_format_bytes_delta ((gint64) f->last->bytes_added, options->units);
  g_autofree char *length = elements (f->last->length);

  /* TRANSLATORS: "133 reallocations; last: +227.00 MiB at 238 M elements" */
  g_string_append_printf (str, _("%s; last: %s at %s"), count, added, length);
}

static void
describe_time (GString              *str,
               const Facts          *f,
               const LlChartOptions *options)
{
  g_autofree char *count = count_of_reallocations (f->n_events);
  g_autofree char *total = ll_format_duration (f->total_ns);
  g_autofree char *last = ll_format_duration (f->last->realloc_ns);

  /* TRANSLATORS: "133 reallocations took 1.20 s" */
  g_string_append_printf (str, _("%s took %s"), count, total);
  if (f->slowest != NULL)
    {
      g_autofree char *slowest = ll_format_duration (f->slowest->realloc_ns);
      g_autofree char *at = elements (f->slowest->length);

      /* TRANSLATORS: "; slowest: 45.0 ms at 200 M elements" */
      g_string_append_printf (str, _("; slowest: %s at %s"), slowest, at);
    }
  /* TRANSLATORS: how long the last reallocation took */
  g_string_append_printf (str, _("; last: %s"), last);
}

static void
describe_memory (GString              *str,
                 const Facts          *f,
                 const LlChartOptions *options)
{
  g_autofree char *after = ll_format_duration (f->last_sample->elapsed_ns);
  g_autofree char *now = ll_format_bytes (f->last_sample->available_bytes, options->units);
  g_autofree char *start = ll_format_bytes (f->first_sample->available_bytes, options->units);
  g_autofree char *rss = ll_format_bytes (f->last_sample->rss_bytes, options->units);

  /* TRANSLATORS: "After 6.20 s: 9.10 GiB available (12.30 GiB at the
   * start), the process 2.10 GiB resident" */
  g_string_append_printf (str, _("After %s: %s available (%s at the start), the process %s resident"),
                          after, now, start, rss);
}

/* A sentence for one run; FALSE when the chart shows nothing of it. */
static gboolean
describe_series (GString              *str,
                 LlChartKind           kind,
                 const LlChartSeries  *series,
                 const LlChartOptions *options)
{
  const LlChartKindClass *klass = ll_chart_kind_get_class (kind);
  Facts f;

  if (klass->has_data != NULL && !klass->has_data (series))
    return FALSE;

  facts_init (&f, series);
  switch (kind)
    {
    case LL_CHART_CAPACITY:
      if (f.last == NULL && f.span.end_length == 0)
        return FALSE;
      describe_capacity (str, &f, options);
      return TRUE;

    case LL_CHART_GROWTH:
      if (f.last == NULL)
        return FALSE;
      describe_growth (str, &f, options);
      return TRUE;

    case LL_CHART_TIME:
      if (f.last == NULL)
        return FALSE;
      describe_time (str, &f, options);
      return TRUE;

    case LL_CHART_MEMORY:
      if (f.last_sample == NULL)
        return FALSE;
      describe_memory (str, &f, options);
      return TRUE;

    case LL_N_CHARTS:
    default:
      g_return_val_if_reached (FALSE);
    }
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

  if (options == NULL)
    {
      ll_chart_options_init (&default_options);
      options = &default_options;
    }

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

      if (describe_series (str, kind, series, options))
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
