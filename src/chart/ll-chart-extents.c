/* ll-chart-extents.c — what a chart's data spans, and what of it a zoom
 * shows: the list's span, the buckets in a range, the axes' extents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ll-chart-private.h"

const char *
ll_chart_no_events_hint (const LlChartSeries *series)
{
  const LlHistoryCounters *c = series->counters;

  if (series->n_events > 0)
    return NULL;
  if (series->n_samples > 0 || (c != NULL && (c->end_capacity > 0 || c->n_samples > 0)))
    return _("No reallocations");
  return NULL;
}

void
ll_chart_list_span (const LlChartSeries *data,
                    LlListSpan          *span)
{
  const LlHistoryCounters *c = data->counters;

  memset (span, 0, sizeof *span);

  if (c != NULL)
    {
      span->start_length = c->start_length;
      span->start_capacity = c->start_capacity;
      span->end_length = c->end_length;
      span->end_capacity = c->end_capacity;
    }

  if (data->n_events > 0)
    {
      const LlEvent *first = &data->events[0].first;
      const LlEvent *last = &data->events[data->n_events - 1].last;

      if (c == NULL)
        {
          span->start_length = first->length > 0 ? first->length - 1 : 0;
          span->start_capacity = first->old_capacity;
        }
      if (last->length >= span->end_length)
        {
          span->end_length = last->length;
          span->end_capacity = last->new_capacity;
        }
    }

  if (c == NULL && data->n_samples > 0)
    {
      const LlSample *s = &data->samples[data->n_samples - 1].last;

      if (s->length >= span->end_length)
        {
          span->end_length = s->length;
          span->end_capacity = s->capacity;
        }
    }

  /* Still building the initial list, or stopped before it was built. */
  if (span->end_length < span->start_length)
    {
      span->end_length = span->start_length;
      span->end_capacity = span->start_capacity;
    }
}

/* Of @buckets @start to @n (@size bytes each, in order), the first whose
 * number at @offset lies past @v, or at it with @or_at. */
static gsize
first_beyond (gconstpointer buckets,
              gsize         size,
              gsize         start,
              gsize         n,
              gsize         offset,
              gboolean      or_at,
              double        v)
{
  gsize lo = start, hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      double x = *(const guint64 *) ((const char *) buckets + mid * size + offset);

      if (x < v || (x == v && !or_at))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The first bucket whose span reaches @v: its last point is at or past
 * it. */
static gsize
first_reaching (const LlEventBucket *buckets,
                gsize                n,
                gboolean             by_time,
                double               v)
{
  return first_beyond (buckets, sizeof *buckets, 0, n,
                       by_time ? G_STRUCT_OFFSET (LlEventBucket, last.elapsed_ns)
                               : G_STRUCT_OFFSET (LlEventBucket, last.length),
                       TRUE, v);
}

/* The first bucket that starts past @v. */
static gsize
first_past (const LlEventBucket *buckets,
            gsize                n,
            gboolean             by_time,
            double               v)
{
  return first_beyond (buckets, sizeof *buckets, 0, n,
                       by_time ? G_STRUCT_OFFSET (LlEventBucket, first.elapsed_ns)
                               : G_STRUCT_OFFSET (LlEventBucket, first.length),
                       FALSE, v);
}

void
ll_chart_visible_events (const LlChartSeries *series,
                         gboolean             by_time,
                         double               lo,
                         double               hi,
                         gsize               *from,
                         gsize               *to)
{
  gsize n = series->n_events;
  gsize a = first_reaching (series->events, n, by_time, lo);
  gsize b = first_past (series->events, n, by_time, hi);

  *from = a > 0 ? a - 1 : 0;
  *to = MAX (MIN (b + 1, n), *from);
}

void
ll_chart_visible_samples (const LlChartSeries *series,
                          double               lo,
                          double               hi,
                          gsize               *from,
                          gsize               *to)
{
  const LlSampleBucket *s = series->samples;
  gsize n = series->n_samples;
  /* The first bucket whose span reaches @lo; from there, the first that
   * starts past @hi. */
  gsize a = first_beyond (s, sizeof *s, 0, n, G_STRUCT_OFFSET (LlSampleBucket, last.elapsed_ns), TRUE, lo);
  gsize b = first_beyond (s, sizeof *s, a, n, G_STRUCT_OFFSET (LlSampleBucket, first.elapsed_ns), FALSE, hi);

  *from = a > 0 ? a - 1 : 0;
  *to = MAX (MIN (b + 1, n), *from);
}

guint
ll_chart_events_in_range (const LlChartSeries *series,
                          const LlChartRange  *range,
                          LlBucketSpan         spans[3])
{
  gsize from = 0, to = series->n_events, head, tail;
  guint n = 0;

  if (range != NULL && !ll_chart_range_is_empty (range))
    {
      from = first_reaching (series->events, series->n_events, FALSE, range->from);
      to = MAX (first_past (series->events, series->n_events, FALSE, range->to), from);
    }

  /* Whole groups only: the coarse level's last one may still be open. */
  head = (from + LL_HISTORY_COARSE - 1) / LL_HISTORY_COARSE * LL_HISTORY_COARSE;
  tail = to / LL_HISTORY_COARSE * LL_HISTORY_COARSE;
  if (series->coarse_events == NULL || tail <= head ||
      tail / LL_HISTORY_COARSE > series->n_coarse_events)
    {
      spans[n++] = (LlBucketSpan) { series->events + from, to - from };
      return n;
    }
  spans[n++] = (LlBucketSpan) { series->events + from, head - from };
  spans[n++] = (LlBucketSpan) { series->coarse_events + head / LL_HISTORY_COARSE,
                                (tail - head) / LL_HISTORY_COARSE };
  spans[n++] = (LlBucketSpan) { series->events + tail, to - tail };
  return n;
}

/* A chart of reallocations zoomed between two of them: empty there, and
 * its axis still spans the data, which says where the data is. */
void
ll_chart_extents_none_in_range (LlChartExtents *ext)
{
  ext->empty = TRUE;
  ext->in_range = TRUE;
  ext->hint = _("No reallocation at these lengths");
}

const LlChartSeries *
ll_chart_series_compared (const LlChartKindClass *klass,
                          const LlChartData      *data,
                          const LlChartSeries    *series,
                          LlChartSeries          *copy)
{
  gsize n;

  if (klass->compared_samples == NULL || !ll_chart_data_is_overlay (data))
    return series;
  n = klass->compared_samples (series);
  if (n >= series->n_samples)
    return series;
  *copy = *series;
  copy->n_samples = n;
  /* only joined buckets wholly within the samples compared */
  copy->n_coarse_samples = MIN (copy->n_coarse_samples, n / LL_HISTORY_COARSE);
  if (copy->n_coarse_samples == 0)
    copy->coarse_samples = NULL;
  return copy;
}

/* What every series spans together, and what is shown of it. */
void
ll_chart_compute_extents (LlChartKind           kind,
                 const LlChartData    *data,
                 const LlChartOptions *options,
                 gboolean              zoomed,
                 LlChartExtents       *ext)
{
  const LlChartKindClass *klass = ll_chart_kind_get_class (kind);
  const LlChartRange *range = zoomed ? ll_chart_options_get_range (options, kind) : NULL;
  LlChartSeries none = { 0 };
  LlChartSeries copy;

  if (range != NULL && ll_chart_range_is_empty (range))
    range = NULL;

  memset (ext, 0, sizeof *ext);
  klass->extents (data->n_series > 0 ? ll_chart_series_compared (klass, data, &data->series[0], &copy)
                                     : &none, options, range, ext);

  for (gsize i = 1; i < data->n_series; i++)
    {
      LlChartExtents more;

      /* Over several runs, one with nothing here does not shape the axes. */
      if (klass->has_data != NULL && !klass->has_data (&data->series[i]))
        continue;
      memset (&more, 0, sizeof more);
      klass->extents (ll_chart_series_compared (klass, data, &data->series[i], &copy),
                      options, range, &more);
      /* A run with data, though none in the range, says so rather than
       * one with no data at all; a run with data in it shapes the axes. */
      if (more.empty && !(more.in_range && ext->empty))
        continue;
      if (ext->empty && !(more.empty && ext->in_range))
        {
          *ext = more;
          continue;
        }
      if (more.empty)
        {
          ext->x_lo = MIN (ext->x_lo, more.x_lo);
          ext->x_hi = MAX (ext->x_hi, more.x_hi);
          continue;
        }
      ext->x_lo = MIN (ext->x_lo, more.x_lo);
      ext->x_hi = MAX (ext->x_hi, more.x_hi);
      ext->y_lo = MIN (ext->y_lo, more.y_lo);
      ext->y_hi = MAX (ext->y_hi, more.y_hi);
    }

  ext->x_log = klass->length_axis && options->log_x;
  if (ext->x_log)
    {
      ext->x_lo = MAX (ext->x_lo, 1.0);
      ext->x_hi = MAX (ext->x_hi, ext->x_lo + 1.0);
    }

  /* A range beside the data (a typed one: zooming stays on the data)
   * shows nothing, and says where the data is. */
  if (range != NULL && (!ext->empty || ext->in_range) &&
      (range->from >= ext->x_hi || range->to <= ext->x_lo))
    {
      ext->empty = TRUE;
      ext->in_range = TRUE;
      ext->outside = TRUE;
      ext->data_lo = ext->x_lo;
      ext->data_hi = ext->x_hi;
    }

  if (range != NULL && (!ext->empty || ext->in_range))
    {
      ext->x_lo = range->from;
      ext->x_hi = range->to;
      if (ext->x_log)
        {
          ext->x_lo = MAX (ext->x_lo, 1.0);
          ext->x_hi = MAX (ext->x_hi, ext->x_lo * 1.001);
        }
      ext->x_exact = TRUE;
    }
}

gboolean
ll_chart_get_x_extent (LlChartKind           kind,
                       const LlChartData    *data,
                       const LlChartOptions *options,
                       LlChartRange         *extent)
{
  LlChartOptions default_options;
  LlChartExtents ext;

  g_return_val_if_fail (kind < LL_N_CHARTS, FALSE);
  g_return_val_if_fail (extent != NULL, FALSE);

  options = ll_chart_options_or_defaults (options, &default_options);
  ll_chart_compute_extents (kind, ll_chart_data_or_empty (data), options, FALSE, &ext);
  extent->from = ext.x_lo;
  extent->to = ext.x_hi;
  return !ext.empty;
}

gboolean
ll_chart_data_is_overlay (const LlChartData *data)
{
  return data != NULL && data->n_series > 1;
}
