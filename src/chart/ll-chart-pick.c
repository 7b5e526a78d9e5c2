/* ll-chart-pick.c — the point nearest to the pointer, and what it says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ll-chart-private.h"

void
ll_pick_consider (LlPick            *pick,
                  const LlCandidate *c,
                  double             x,
                  double             y)
{
  double dx = fabs (c->px - x);
  double dy = fabs (c->py - y);

  /* Nearest in x first; y only decides between points in the same column. */
  if (dx < pick->dx - 0.5 || (fabs (dx - pick->dx) <= 0.5 && dy < pick->dy))
    {
      pick->best = *c;
      pick->dx = dx;
      pick->dy = dy;
    }
}

/* The bucket index around data x @v: the last whose first point is <= @v. */
gsize
ll_pick_find_event (const LlEventBucket *buckets,
                    gsize                n,
                    double               v,
                    gboolean             by_time)
{
  gsize lo = 0, hi = n;

  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;
      double x = by_time ? buckets[mid].first.elapsed_ns : buckets[mid].first.length;

      if (x <= v)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

gsize
ll_pick_find_sample (const LlSampleBucket *buckets,
                     gsize                 n,
                     double                v)
{
  gsize lo = 0, hi = n;

  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (buckets[mid].first.elapsed_ns <= v)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

void
ll_pick_events (const LlChartLayout *layout,
                const LlChartSeries *series,
                double               x,
                double               y,
                double             (*y_of) (const LlEvent *event,
                                            gboolean       second),
                guint                n_ys,
                LlPick              *pick)
{
  double v = ll_scale_unmap (&layout->x, x);
  gsize i, from, to;
  guint64 before = 0;

  if (series->n_events == 0)
    return;

  i = ll_pick_find_event (series->events, series->n_events, v, FALSE);
  from = i > 0 ? i - 1 : 0;
  to = MIN (i + 2, series->n_events);

  for (gsize k = 0; k < from; k++)
    before += MAX (series->events[k].count, 1);

  for (gsize k = from; k < to; k++)
    {
      const LlEventBucket *b = &series->events[k];
      guint64 count = MAX (b->count, 1);
      const LlEvent *ends[2] = { &b->first, &b->last };
      guint n_ends = count > 1 ? 2 : 1;

      for (guint j = 0; j < n_ends; j++)
        {
          LlCandidate c = { 0 };

          c.series = series;
          c.event = ends[j];
          c.index = before + (j == 0 ? 1 : count);
          c.px = ll_scale_map (&layout->x, ends[j]->length);
          for (guint n = 0; n < n_ys; n++)
            {
              c.py = ll_scale_map (&layout->y, y_of (ends[j], n == 1));
              ll_pick_consider (pick, &c, x, y);
            }
        }
      before += count;
    }
}

/* Readouts ----------------------------------------------------------------- */

void
ll_readout_line (GString    *str,
                 const char *label,
                 const char *value)
{
  if (str->len > 0)
    g_string_append_c (str, '\n');
  g_string_append_printf (str, "%s %s", label, value);
}

void
ll_readout_count (GString    *str,
                  const char *label,
                  guint64     value)
{
  g_autofree char *s = ll_format_count_exact (value);

  ll_readout_line (str, label, s);
}

void
ll_readout_capacity_change (GString       *str,
                            const LlEvent *e)
{
  g_autofree char *from = ll_format_count_exact (e->old_capacity);
  g_autofree char *to = ll_format_count_exact (e->new_capacity);
  g_autofree char *both = g_strdup_printf ("%s → %s", from, to);

  ll_readout_line (str, _("Capacity"), both);
}

void
ll_readout_slack (GString *str,
                  guint64  length,
                  guint64  capacity)
{
  guint64 slack = capacity > length ? capacity - length : 0;
  g_autofree char *count = ll_format_count_exact (slack);
  g_autofree char *pct = g_strdup_printf ("%.1f %%", capacity > 0 ? 100.0 * slack / capacity : 0.0);
  g_autofree char *both = g_strdup_printf ("%s (%s)", count, pct);

  ll_readout_line (str, _("Slack"), both);
}

void
ll_readout_added (GString              *str,
                  const LlEvent        *e,
                  const LlChartOptions *options)
{
  g_autofree char *size = ll_format_bytes_precise (e->bytes_added, options->units);
  g_autofree char *added = g_strconcat (e->bytes_added > 0 ? "+" : "", size, NULL);

  ll_readout_line (str, _("Added"), added);
}

void
ll_readout_event_details (GString              *str,
                          const LlEvent        *e,
                          const LlChartOptions *options)
{
  g_autofree char *took = ll_format_duration (e->realloc_ns);

  if (e->moved)
    {
      g_autofree char *copied = ll_format_bytes (e->bytes_copied, options->units);
      g_autofree char *line = g_strdup_printf (_("moved, %s copied"), copied);

      ll_readout_line (str, _("Block"), line);
    }
  else
    ll_readout_line (str, _("Block"), _("grew in place"));
  ll_readout_line (str, _("Took"), took);
}

void
ll_readout_event_number (GString           *str,
                         const LlCandidate *c)
{
  const LlHistoryCounters *counters = c->series->counters;

  if (c->index > 0 && counters != NULL && counters->n_events > 0)
    {
      g_autofree char *n = ll_format_count_exact (c->index);
      g_autofree char *of = ll_format_count_exact (counters->n_events);
      /* TRANSLATORS: "Reallocation 57 of 176" */
      g_autofree char *line = g_strdup_printf (_("%s of %s"), n, of);

      ll_readout_line (str, _("Reallocation"), line);
    }
}

void
ll_readout_container (GString              *str,
                      const LlEvent        *e,
                      const LlChartOptions *options)
{
  g_autofree char *size = ll_format_bytes_precise (e->new_bytes, options->units);
  g_autofree char *bytes = ll_format_count_exact (e->new_bytes);
  /* TRANSLATORS: "193.119 MiB (202,500,088 bytes)" */
  g_autofree char *both = g_strdup_printf (_("%s (%s bytes)"), size, bytes);

  ll_readout_line (str, _("Container"), e->new_bytes < 1024 ? size : both);
}
