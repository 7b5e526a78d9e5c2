/* ll-chart-capacity.c — the list's capacity against its length, slack shaded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ll-chart-private.h"

/* The capacity at length @v: after the last reallocation at or before it. */
static double
capacity_at (const LlChartSeries *series,
             const LlListSpan    *span,
             double               v)
{
  gsize i;
  const LlEventBucket *b;

  if (series->n_events == 0 || series->events[0].first.length > v)
    return span->start_capacity;

  i = ll_pick_find_event (series->events, series->n_events, v, FALSE);
  b = &series->events[i];
  return b->last.length <= v ? b->last.new_capacity : b->first.new_capacity;
}

static void
capacity_extents (const LlChartSeries  *series,
                  const LlChartOptions *options,
                  const LlChartRange   *range,
                  LlChartExtents       *ext)
{
  LlListSpan span;
  LlBucketSpan spans[3];
  guint n_spans;
  double y;

  ll_chart_list_span (series, &span);
  n_spans = ll_chart_events_in_range (series, range, spans);

  /* No list yet, or one that has not grown (yet): at most a single point,
   * nothing to draw. */
  ext->empty = series->n_events == 0 && span.end_length <= span.start_length;
  ext->hint = ll_chart_no_events_hint (series);
  ext->xq = LL_QUANTITY_COUNT;
  ext->yq = LL_QUANTITY_COUNT;
  ext->y_log = options->log_y;
  ext->x_lo = ext->empty ? 0.0 : span.start_length;
  ext->x_hi = ext->empty ? 1000.0 : MAX (span.end_length, span.start_length + 1);

  if (range == NULL)
    {
      y = MAX (span.start_capacity, span.end_capacity);
      ext->y_lo = ext->x_lo;
    }
  else
    {
      /* What the visible lengths hold: from the length (and capacity) at
       * the left edge up to the largest capacity before the right one. */
      double lo = CLAMP (range->from, span.start_length, span.end_length);
      double hi = CLAMP (range->to, span.start_length, span.end_length);

      y = MAX (hi, capacity_at (series, &span, hi));
      ext->y_lo = lo;
    }

  for (guint s = 0; s < n_spans; s++)
    for (gsize i = 0; i < spans[s].n; i++)
      {
        const LlEventBucket *b = &spans[s].buckets[i];

        y = MAX (y, MAX (b->first.new_capacity, b->last.new_capacity));
      }

  if (options->log_y)
    ext->y_lo = MAX (ext->y_lo, 1.0);
  ext->y_hi = ext->empty ? 1000.0 : MAX (MAX (ext->x_hi, y), ext->y_lo + 1.0);
  if (range != NULL)
    ext->y_hi = MAX (y, ext->y_lo + 1.0);
}

static guint
capacity_legend (const LlChartOptions *options,
                 LlLegendItem         *items)
{
  const LlChartPalette *p = &options->palette;

  items[0] = (LlLegendItem) { _("Capacity"), LL_SWATCH_LINE, p->accent };
  items[1] = (LlLegendItem) { _("Length"), LL_SWATCH_LINE, p->series2, LL_DASH_DASHED };
  items[2] = (LlLegendItem) { _("Slack"), LL_SWATCH_AREA, p->accent };
  return 3;
}

/* Over several runs each run's line is its capacity: the thin line under
 * them all is the length. */
static guint
capacity_overlay_key (const LlChartOptions *options,
                      LlLegendItem         *items)
{
  items[0] = (LlLegendItem) { _("Length"), LL_SWATCH_LINE, options->palette.secondary };
  return 1;
}

/* The step line through the decimated columns, from the start (or the
 * left edge) to the current length (or the right edge). */
static void
capacity_path (const LlPainter     *p,
               const LlChartSeries *series,
               const LlListSpan    *span,
               double               dw)
{
  const LlAxis *xa = &p->layout->x_axis;
  cairo_t *cr = p->cr;
  double start = MAX ((double) span->start_length, xa->lo);
  double end = MIN ((double) span->end_length, xa->hi);
  double y, last;

  last = capacity_at (series, span, start);
  y = ll_painter_snap_y (p, last, dw);
  cairo_move_to (cr, ll_painter_map_x_held (p, start), y);

  for (guint i = 0; i < p->columns.n_columns; i++)
    {
      const LlColumn *c = &p->cols[i];
      double cx;
      double ys[4];

      if (c->count == 0)
        continue;

      cx = ll_painter_column_x (p, i, dw);
      ys[0] = ll_painter_snap_y (p, c->first, dw);
      ys[1] = ll_painter_snap_y (p, c->min, dw);
      ys[2] = ll_painter_snap_y (p, c->max, dw);
      ys[3] = ll_painter_snap_y (p, c->last, dw);
      cairo_line_to (cr, cx, y);
      /* Growing lists make one vertical per column; only a shrink adds
       * more. Repeated points would only cost. */
      for (guint k = 0; k < G_N_ELEMENTS (ys); k++)
        {
          if (ys[k] != y)
            {
              cairo_line_to (cr, cx, ys[k]);
              y = ys[k];
            }
        }
      last = c->last;
    }

  /* The capacity now, if it changed after the last event. */
  if ((double) span->end_capacity != last && span->end_length > 0 &&
      (double) span->end_length <= xa->hi)
    {
      double cx = ll_painter_map_x_held (p, span->end_length);

      cairo_line_to (cr, cx, y);
      y = ll_painter_snap_y (p, span->end_capacity, dw);
      cairo_line_to (cr, cx, y);
    }

  cairo_line_to (cr, ll_painter_map_x_held (p, end), y);
}

/* The length, y = x, from @a to @b: straight unless one axis is
 * logarithmic and the other not. */
static void
length_path (const LlPainter *p,
             double           a,
             double           b,
             gboolean         move)
{
  const LlChartLayout *l = p->layout;
  cairo_t *cr = p->cr;
  guint n = l->x.log == l->y.log ? 1 : (guint) MAX (8.0, l->plot.width / 3.0);

  for (guint i = 0; i <= n; i++)
    {
      double t = (double) i / n;
      double v = l->x.log && a > 0.0 && b > 0.0 ? a * pow (b / a, t) : a + (b - a) * t;
      double x = ll_painter_map_x_held (p, v);
      double y = ll_painter_map_y (p, v);

      if (i == 0 && move)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

static void
capacity_draw (LlPainter           *p,
               const LlChartSeries *series)
{
  const LlChartPalette *pal = &p->options->palette;
  const LlAxis *xa = &p->layout->x_axis;
  gboolean overlay = ll_chart_data_is_overlay (p->data);
  const LlColor *color = overlay ? ll_painter_run_color (p, series) : &pal->accent;
  cairo_t *cr = p->cr;
  LlListSpan span;
  double x0, x_end, dw;
  const LlEventBucket *events;
  gsize n_events;

  events = ll_painter_visible_events (p, series, FALSE, &n_events);
  ll_painter_reset_columns (p);
  ll_decimate_events (&p->columns, p->cols, LL_SERIES_CAPACITY, events, n_events);

  ll_chart_list_span (series, &span);
  x0 = MAX ((double) span.start_length, xa->lo);
  x_end = MIN ((double) span.end_length, xa->hi);
  dw = ll_painter_device_width (p, LL_CHART_SERIES_WIDTH);
  if (x_end < x0)
    return;

  /* Slack: between the step line and the diagonal; over several runs it
   * would only blur them. */
  if (!overlay)
    {
      cairo_save (cr);
      ll_painter_clip_plot (p, 0.0);
      cairo_new_path (cr);
      capacity_path (p, series, &span, dw);
      length_path (p, x_end, x0, FALSE);
      cairo_close_path (cr);
      ll_chart_set_color (cr, &pal->accent, ll_chart_slack_alpha (pal));
      cairo_fill (cr);
      cairo_restore (cr);
    }

  cairo_save (cr);
  ll_painter_clip_plot (p, LL_CHART_SERIES_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Length: the diagonal y = x over the lengths the list went through,
   * dashed (the capacity is solid: they differ in more than hue); over
   * several runs, once, thin, under them all (the first run is drawn
   * last). */
  if (!overlay || series == &p->data->series[0])
    {
      if (overlay)
        for (gsize i = 1; i < p->data->n_series; i++)
          {
            LlListSpan other;

            ll_chart_list_span (&p->data->series[i], &other);
            x0 = MIN (x0, MAX ((double) other.start_length, xa->lo));
            x_end = MAX (x_end, MIN ((double) other.end_length, xa->hi));
          }
      cairo_save (cr);
      ll_painter_line_width (p, overlay ? LL_CHART_HAIRLINE : LL_CHART_SERIES_WIDTH);
      if (!overlay)
        {
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          ll_painter_set_dash (p, LL_DASH_DASHED);
        }
      length_path (p, x0, x_end, TRUE);
      ll_chart_set_color (cr, overlay ? &pal->secondary : &pal->series2, 1.0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  ll_painter_line_width (p, LL_CHART_SERIES_WIDTH);
  if (overlay)
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      ll_painter_run_dash (p, series);
    }
  capacity_path (p, series, &span, dw);
  ll_chart_set_color (cr, color, 1.0);
  cairo_stroke (cr);
  /* Over several runs, the run's mark where its list is now. */
  if (overlay && (double) span.end_length <= xa->hi)
    {
      cairo_set_dash (cr, NULL, 0, 0.0);
      ll_painter_run_marker (p, series, ll_painter_map_x_held (p, span.end_length),
                             ll_painter_snap_y (p, span.end_capacity, dw), LL_CHART_END_MARK);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static double
capacity_event_y (const LlEvent *event)
{
  return event->new_capacity;
}

static void
capacity_pick (const LlChartLayout *layout,
               const LlChartSeries *series,
               double               x,
               double               y,
               LlPick              *pick)
{
  LlListSpan span;

  ll_pick_events (layout, series, x, y, capacity_event_y, TRUE, pick);

  /* The chart also extends to the current length. */
  ll_chart_list_span (series, &span);
  if (series->n_events > 0 && span.end_length > series->events[series->n_events - 1].last.length)
    {
      LlCandidate c = { 0 };

      c.series = series;
      c.end = TRUE;
      c.length = span.end_length;
      c.capacity = span.end_capacity;
      c.px = ll_scale_map (&layout->x, span.end_length);
      c.py = ll_scale_map (&layout->y, span.end_capacity);
      ll_pick_consider (pick, &c, x, y);
      c.py = ll_scale_map (&layout->y, span.end_length);
      ll_pick_consider (pick, &c, x, y);
    }
}

static void
capacity_readout (GString              *str,
                  const LlChartOptions *options,
                  const LlCandidate    *c)
{
  if (c->event == NULL)
    {
      ll_readout_count (str, _("Length"), c->length);
      ll_readout_count (str, _("Capacity"), c->capacity);
      ll_readout_slack (str, c->length, c->capacity);
      return;
    }

  ll_readout_event_number (str, c);
  ll_readout_count (str, _("Length"), c->event->length);
  ll_readout_capacity_change (str, c->event);
  ll_readout_slack (str, c->event->length, c->event->new_capacity);
  ll_readout_container (str, c->event, options);
  ll_readout_added (str, c->event, options);
}

/* What the chart shows of one run, in a sentence for screen readers. */
static gboolean
capacity_describe (GString              *str,
                   const LlChartFacts   *f,
                   const LlChartOptions *options)
{
  g_autofree char *count = NULL;
  g_autofree char *length = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *added = NULL;

  if (f->last == NULL && f->span.end_length == 0)
    return FALSE;
  if (f->last == NULL)
    {
      g_autofree char *now = ll_chart_elements (f->span.end_length);
      g_autofree char *held = ll_format_count (f->span.end_capacity);

      /* TRANSLATORS: "No reallocation yet; 20.0 M elements in a capacity of 20.0 M" */
      g_string_append_printf (str, _("No reallocation yet; %s in a capacity of %s"),
                              now, held);
      return TRUE;
    }

  count = ll_chart_count_of_reallocations (f->n_events);
  length = ll_chart_elements (f->last->length);
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
      g_autofree char *now = ll_chart_elements (f->span.end_length);

      /* TRANSLATORS: the list's length now, after its last reallocation:
       * "; now 240 M elements" */
      g_string_append_printf (str, _("; now %s"), now);
    }
  return TRUE;
}

const LlChartKindClass ll_chart_capacity_class = {
  "capacity",
  N_("Capacity vs Length"),
  N_("Capacity"),
  N_("Capacity of the list as a step line against its length, with the "
     "length itself as the diagonal and the unused slack between them shaded"),
  N_("Length"),
  N_("Capacity"),
  TRUE,
  TRUE,
  capacity_extents,
  capacity_legend,
  capacity_draw,
  capacity_pick,
  capacity_readout,
  NULL,
  capacity_event_y,
  capacity_describe,
  capacity_overlay_key,
};
