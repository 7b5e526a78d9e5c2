/* ll-chart-growth.c — the bytes each reallocation adds, one stem each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ll-chart-private.h"

static void
growth_extents (const LlChartSeries  *series,
                const LlChartOptions *options,
                const LlChartRange   *range,
                LlChartExtents       *ext)
{
  double x = 0.0, y = 0.0, lo = G_MAXDOUBLE;
  gsize n_in_range = 0;
  LlListSpan span;
  LlBucketSpan spans[3];
  guint n_spans;

  if (series->n_events > 0)
    x = series->events[series->n_events - 1].last.length;
  n_spans = ll_chart_events_in_range (series, range, spans);
  for (guint s = 0; s < n_spans; s++)
    for (gsize i = 0; i < spans[s].n; i++)
      {
        const LlEventBucket *b = &spans[s].buckets[i];
        double bmin = b->count > 1 ? MIN (b->min_bytes_added, b->first.bytes_added) : b->first.bytes_added;
        double bmax = b->count > 1 ? MAX (b->max_bytes_added, b->first.bytes_added) : b->first.bytes_added;

        n_in_range++;
        bmin = MIN (bmin, b->last.bytes_added);
        bmax = MAX (bmax, b->last.bytes_added);
        x = MAX (x, MAX (b->first.length, b->last.length));
        y = MAX (y, bmax);
        if (bmin > 0.0)
          lo = MIN (lo, bmin);
        else if (bmax > 0.0)
          lo = MIN (lo, bmax);
      }

  ll_chart_list_span (series, &span);
  ext->empty = series->n_events == 0;
  ext->hint = ll_chart_no_events_hint (series);
  ext->xq = LL_QUANTITY_COUNT;
  ext->yq = LL_QUANTITY_BYTES;
  ext->y_log = options->log_y;
  ext->x_lo = ext->empty ? 0.0 : span.start_length;
  ext->x_hi = ext->empty ? 1000.0 : MAX (MAX (x, span.end_length), ext->x_lo + 1);
  ext->y_hi = ext->empty || y <= 0.0 ? 1024.0 : y;
  ext->y_lo = (options->log_y && lo < G_MAXDOUBLE) ? lo : (options->log_y ? 1.0 : 0.0);
  if (range != NULL && !ext->empty && n_in_range == 0)
    ll_chart_extents_none_in_range (ext);
}

static void
growth_draw (LlPainter           *p,
             const LlChartSeries *series)
{
  const LlChartLayout *l = p->layout;
  gboolean overlay = ll_chart_data_is_overlay (p->data);
  const LlColor *color = overlay ? ll_painter_run_color (p, series) : &p->options->palette.accent;
  cairo_t *cr = p->cr;
  double dw, base, radius;
  guint used = 0;
  gboolean ranges = FALSE;
  const LlEventBucket *events;
  gsize n_events;

  events = ll_painter_visible_events (p, series, FALSE, &n_events);
  ll_painter_reset_columns (p);
  ll_decimate_events (&p->columns, p->cols, LL_SERIES_BYTES_ADDED, events, n_events);

  for (guint i = 0; i < p->columns.n_columns; i++)
    {
      if (p->cols[i].count > 0)
        {
          used++;
          if (p->cols[i].min < p->cols[i].max)
            ranges = TRUE;
        }
    }

  base = ll_pixel_grid_round_y (&p->grid, l->plot.y + l->plot.height);
  dw = ll_painter_device_width (p, LL_CHART_HAIRLINE);

  cairo_save (cr);
  ll_painter_clip_plot (p, 4.0);

  /* Where a column merges several reallocations, the part below the
   * smallest is fainter and the min..max range solid (the solid part
   * carries the values, with the contrast graphics need). */
  if (ranges)
    {
      for (guint i = 0; i < p->columns.n_columns; i++)
        {
          const LlColumn *c = &p->cols[i];

          if (c->count == 0 || !(c->min < c->max))
            continue;
          ll_painter_column_span (p, i, base, ll_pixel_grid_round_y (&p->grid, ll_painter_map_y (p, c->min)), dw);
        }
      ll_chart_set_color (cr, color, 0.35);
      cairo_fill (cr);
    }

  for (guint i = 0; i < p->columns.n_columns; i++)
    {
      const LlColumn *c = &p->cols[i];
      double top, bottom;

      if (c->count == 0)
        continue;
      top = ll_pixel_grid_round_y (&p->grid, ll_painter_map_y (p, c->max));
      /* Even the smallest reallocation stays visible. */
      top = MIN (top, base - 1.0 / p->grid.sy);
      bottom = (c->min < c->max) ? ll_pixel_grid_round_y (&p->grid, ll_painter_map_y (p, c->min)) : base;
      ll_painter_column_span (p, i, bottom, top, dw);
    }
  /* Over several runs the stems overlap: the markers say whose. */
  ll_chart_set_color (cr, color, 1.0);
  cairo_fill (cr);

  /* Few reallocations: a dot (a run's marker) on each stem makes every
   * one countable. */
  radius = overlay ? 3.0 : 2.5;
  if (used > 0 && used * radius * 4.0 <= l->plot.width)
    {
      for (guint i = 0; i < p->columns.n_columns; i++)
        {
          const LlColumn *c = &p->cols[i];
          double cx;

          if (c->count == 0)
            continue;
          cx = ll_painter_column_x (p, i, dw);
          if (overlay)
            ll_painter_run_marker (p, series, cx, ll_painter_map_y (p, c->max), radius);
          else
            ll_painter_dot (p, cx, ll_painter_map_y (p, c->max), radius);
        }
      ll_chart_set_color (cr, color, 1.0);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}

static guint
growth_legend (const LlChartOptions *options,
               LlLegendItem         *items)
{
  items[0] = (LlLegendItem) { _("Reallocation"), LL_SWATCH_STEM, options->palette.accent };
  return 1;
}

static void
growth_readout (GString              *str,
                const LlChartOptions *options,
                const LlCandidate    *c)
{
  ll_readout_event_number (str, c);
  ll_readout_count (str, _("Length"), c->event->length);
  ll_readout_capacity_change (str, c->event);
  ll_readout_container (str, c->event, options);
  ll_readout_added (str, c->event, options);
  ll_readout_event_details (str, c, options);
}

static double
growth_event_y (const LlEvent *event)
{
  return event->bytes_added;
}

/* What the chart shows of one run, in a sentence for screen readers. */
static gboolean
growth_describe (GString              *str,
                 const LlChartFacts   *f,
                 const LlChartOptions *options)
{
  g_autofree char *count = NULL;
  g_autofree char *added = NULL;
  g_autofree char *length = NULL;

  if (f->last == NULL)
    return FALSE;
  count = ll_chart_count_of_reallocations (f->n_events);
  added = ll_format_bytes_delta ((gint64) f->last->bytes_added, options->units);
  length = ll_chart_elements (f->last->length);
  /* TRANSLATORS: "133 reallocations; last: +227.00 MiB at 238 M elements" */
  g_string_append_printf (str, _("%s; last: %s at %s"), count, added, length);
  return TRUE;
}

const LlChartKindClass ll_chart_growth_class = {
  "growth",
  N_("Bytes Added per Reallocation"),
  N_("Bytes Added"),
  N_("One stem per reallocation at the length where it happened, as high "
     "as the bytes it added to the container"),
  N_("Length"),
  N_("Bytes added"),
  TRUE,
  TRUE,
  growth_extents,
  growth_legend,
  growth_draw,
  NULL,
  growth_readout,
  NULL,
  growth_event_y,
  growth_describe,
};
