/* ll-chart-pick.c — the point nearest to the pointer, and what it says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

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
                double             (*event_y) (const LlEvent *event),
                gboolean             at_length,
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
          c.py = ll_scale_map (&layout->y, event_y (ends[j]));
          ll_pick_consider (pick, &c, x, y);
          if (at_length)
            {
              c.py = ll_scale_map (&layout->y, ends[j]->length);
              ll_pick_consider (pick, &c, x, y);
            }
        }
      before += count;
    }
}

/* Points, for a keyboard cursor -------------------------------------------- */

/* The points of one series on one chart, walked bucket by bucket. */
typedef struct
{
  const LlChartKindClass *klass;
  const LlChartSeries    *series;
  gboolean                samples;   /* the memory chart steps through samples */
  gboolean                end;       /* the list now, past its last reallocation */
  LlListSpan              span;
  gsize                   n_buckets;
} PointSet;

/* Where a point is: bucket @bucket, its first (@last FALSE) or last end,
 * or the list now (@bucket == n_buckets); @before events came before the
 * bucket. */
typedef struct
{
  gsize    bucket;
  gboolean last;
  guint64  before;
} PointPos;

static gboolean
point_set_init (PointSet          *set,
                LlChartKind        kind,
                const LlChartData *data,
                gsize              series)
{
  const LlChartSeries *s;

  memset (set, 0, sizeof *set);
  if (data == NULL || series >= data->n_series)
    return FALSE;

  s = &data->series[series];
  set->klass = ll_chart_kind_get_class (kind);
  set->series = s;
  if (set->klass->has_data != NULL && !set->klass->has_data (s))
    return FALSE;

  set->samples = !set->klass->length_axis;
  set->n_buckets = set->samples ? s->n_samples : s->n_events;
  /* As the capacity chart draws (and picks) the list beyond its last
   * reallocation. */
  if (kind == LL_CHART_CAPACITY && s->n_events > 0)
    {
      ll_chart_list_span (s, &set->span);
      set->end = set->span.end_length > s->events[s->n_events - 1].last.length;
    }
  return set->n_buckets > 0;
}

static guint64
bucket_count (const PointSet *set,
              gsize           k)
{
  return MAX (set->samples ? set->series->samples[k].count : set->series->events[k].count, 1);
}

static guint64
point_set_size (const PointSet *set)
{
  guint64 n = set->end ? 1 : 0;

  for (gsize k = 0; k < set->n_buckets; k++)
    n += bucket_count (set, k) > 1 ? 2 : 1;
  return n;
}

static gboolean
point_set_locate (const PointSet *set,
                  guint64         point,
                  PointPos       *pos)
{
  guint64 before = 0;

  for (gsize k = 0; k < set->n_buckets; k++)
    {
      guint64 count = bucket_count (set, k);
      guint ends = count > 1 ? 2 : 1;

      if (point < ends)
        {
          *pos = (PointPos) { k, point == 1, before };
          return TRUE;
        }
      point -= ends;
      before += count;
    }

  if (set->end && point == 0)
    {
      *pos = (PointPos) { set->n_buckets, FALSE, before };
      return TRUE;
    }
  return FALSE;
}

static double
point_set_x (const PointSet *set,
             const PointPos *pos)
{
  if (pos->bucket == set->n_buckets)
    return set->span.end_length;
  if (set->samples)
    {
      const LlSampleBucket *b = &set->series->samples[pos->bucket];

      return (pos->last ? &b->last : &b->first)->elapsed_ns;
    }
  else
    {
      const LlEventBucket *b = &set->series->events[pos->bucket];

      return (pos->last ? &b->last : &b->first)->length;
    }
}

guint64
ll_chart_get_n_points (LlChartKind        kind,
                       const LlChartData *data,
                       gsize              series)
{
  PointSet set;

  g_return_val_if_fail (kind < LL_N_CHARTS, 0);

  return point_set_init (&set, kind, data, series) ? point_set_size (&set) : 0;
}

double
ll_chart_get_point_x (LlChartKind        kind,
                      const LlChartData *data,
                      gsize              series,
                      guint64            point)
{
  PointSet set;
  PointPos pos;

  g_return_val_if_fail (kind < LL_N_CHARTS, 0.0);

  if (!point_set_init (&set, kind, data, series) || !point_set_locate (&set, point, &pos))
    return 0.0;
  return point_set_x (&set, &pos);
}

guint64
ll_chart_find_point (LlChartKind        kind,
                     const LlChartData *data,
                     gsize              series,
                     double             value,
                     gboolean           after)
{
  PointSet set;
  guint64 point = 0;

  g_return_val_if_fail (kind < LL_N_CHARTS, 0);

  if (!point_set_init (&set, kind, data, series))
    return 0;

  /* Points lie in order along the axis: the first that is far enough. */
  for (gsize k = 0; k <= set.n_buckets; k++)
    {
      guint ends = k == set.n_buckets ? (set.end ? 1 : 0) : (bucket_count (&set, k) > 1 ? 2 : 1);

      for (guint j = 0; j < ends; j++)
        {
          PointPos pos = { k, j == 1, 0 };
          double x = point_set_x (&set, &pos);

          if (after ? x > value : x >= value)
            return point;
          point++;
        }
    }
  return point;
}

void
ll_chart_pick_point (LlChartKind           kind,
                     const LlChartData    *data,
                     const LlChartOptions *options,
                     double                width,
                     double                height,
                     gsize                 series,
                     guint64               point,
                     LlChartReadout       *readout)
{
  LlChartOptions default_options;
  LlChartLayout layout;
  LlCandidate c = { 0 };
  PointSet set;
  PointPos pos;
  double y;

  g_return_if_fail (kind < LL_N_CHARTS);
  g_return_if_fail (readout != NULL);

  memset (readout, 0, sizeof *readout);

  if (!(width > 0.0 && height > 0.0) ||
      !point_set_init (&set, kind, data, series) || !point_set_locate (&set, point, &pos))
    return;
  options = ll_chart_options_or_defaults (options, &default_options);

  ll_chart_layout_compute (&layout, NULL, kind, data, options, width, height);
  if (layout.empty)
    return;

  c.series = set.series;
  if (pos.bucket == set.n_buckets)
    {
      c.end = TRUE;
      c.length = set.span.end_length;
      c.capacity = set.span.end_capacity;
      y = set.span.end_capacity;
    }
  else if (set.samples)
    {
      const LlSampleBucket *b = &set.series->samples[pos.bucket];

      c.sample = pos.last ? &b->last : &b->first;
      /* On the free memory line, the one that matters. */
      y = c.sample->available_bytes;
    }
  else
    {
      const LlEventBucket *b = &set.series->events[pos.bucket];

      c.event = pos.last ? &b->last : &b->first;
      c.index = pos.before + (pos.last ? MAX (b->count, 1) : 1);
      y = set.klass->event_y != NULL ? set.klass->event_y (c.event) : 0.0;
    }
  c.px = ll_scale_map (&layout.x, point_set_x (&set, &pos));
  c.py = ll_scale_map (&layout.y, y);

  ll_readout_fill (readout, &layout, set.klass, data, options, &c);
}

/* Readouts ----------------------------------------------------------------- */

void
ll_readout_fill (LlChartReadout         *readout,
                 const LlChartLayout    *layout,
                 const LlChartKindClass *klass,
                 const LlChartData      *data,
                 const LlChartOptions   *options,
                 const LlCandidate      *c)
{
  GString *text = g_string_new (NULL);

  /* Over several runs, the readout says whose point it is. */
  if (data->n_series > 1 && c->series->name != NULL)
    ll_readout_line (text, _("Run"), c->series->name);
  klass->readout (text, options, c);

  readout->found = TRUE;
  readout->x = c->px;
  readout->y = c->py;
  readout->plot_x = layout->plot.x;
  readout->plot_y = layout->plot.y;
  readout->plot_width = layout->plot.width;
  readout->plot_height = layout->plot.height;
  readout->text = g_string_free (text, FALSE);
  readout->series = (gsize) (c->series - data->series);
  readout->event_number = c->event != NULL ? c->index : 0;
}

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
                          const LlCandidate    *c,
                          const LlChartOptions *options)
{
  const LlEvent *e = c->event;
  gboolean timed = c->series->counters == NULL || ll_history_counters_timed (c->series->counters);

  if (!timed && e->bytes_copied == 0)
    return;
  switch (ll_event_get_outcome (e))
    {
    case LL_OUTCOME_COPIED:
      {
        g_autofree char *copied = ll_format_bytes (e->bytes_copied, options->units);
        g_autofree char *line = g_strdup_printf (_("moved, %s copied"), copied);

        ll_readout_line (str, _("Block"), line);
      }
      break;
    case LL_OUTCOME_MOVED:
      /* TRANSLATORS: mremap () moved the block: its pages were remapped */
      ll_readout_line (str, _("Block"), _("moved, nothing copied"));
      break;
    case LL_OUTCOME_GREW_IN_PLACE:
    case LL_N_OUTCOMES:
    default:
      ll_readout_line (str, _("Block"), _("grew in place"));
      break;
    }
  if (timed)
    {
      g_autofree char *took = ll_format_duration (e->realloc_ns);

      ll_readout_line (str, _("Took"), took);
    }
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
