/* ll-chart-time.c — how long each reallocation took, and the time per append
 *
 * Answers "does appending get slower as the list grows?": each growth is a
 * dot at its length, as high as the realloc() (or copy, or mremap()) took,
 * coloured by what happened to the block; the line is the run's time so
 * far divided by the appends so far.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ll-chart-private.h"

static const LlEvent *
first_event (const LlChartSeries *series)
{
  return series->n_events > 0 ? &series->events[0].first : NULL;
}

/* Each outcome has its shape as well as its colour. */
static const LlMark outcome_marks[LL_N_OUTCOMES] = {
  [LL_OUTCOME_GREW_IN_PLACE] = LL_MARK_CIRCLE,
  [LL_OUTCOME_MOVED] = LL_MARK_DIAMOND,
  [LL_OUTCOME_COPIED] = LL_MARK_TRIANGLE,
};

static const LlColor *
outcome_color (const LlChartPalette *pal,
               LlOutcome             outcome)
{
  switch (outcome)
    {
    case LL_OUTCOME_GREW_IN_PLACE:
      return &pal->series3;
    case LL_OUTCOME_MOVED:
      return &pal->accent;
    case LL_OUTCOME_COPIED:
    default:
      return &pal->warning;
    }
}

/* Whether the run's reallocations were timed, one by one. */
static gboolean
time_has_data (const LlChartSeries *series)
{
  return series->n_events > 0 &&
         (series->counters == NULL || ll_history_counters_timed (series->counters));
}

static void
time_extents (const LlChartSeries  *series,
              const LlChartOptions *options,
              const LlChartRange   *range,
              LlChartExtents       *ext)
{
  double x = 0.0, lo, hi;
  LlListSpan span;
  LlEventTimes times;

  ll_chart_list_span (series, &span);
  if (series->n_events > 0)
    x = series->events[series->n_events - 1].last.length;

  /* The whole run's, as its view keeps them; a range's, read. */
  if (range == NULL && series->event_times != NULL)
    times = *series->event_times;
  else
    {
      LlBucketSpan spans[3];
      guint n_spans = ll_chart_events_in_range (series, range, spans);
      const LlEvent *first = first_event (series);

      ll_event_times_init (&times);
      for (guint s = 0; s < n_spans; s++)
        for (gsize i = 0; i < spans[s].n; i++)
          ll_event_times_add (&times, &spans[s].buckets[i], first);
    }
  lo = times.shortest;
  hi = times.longest;

  ext->empty = !time_has_data (series) || hi <= 0.0;
  /* A simulation computes capacities; nothing is allocated, nothing timed.
   * An interpreter's run (it has free memory samples) is timed as a whole:
   * its events have times, its reallocations none. */
  if (series->n_events > 0 && !time_has_data (series))
    ext->hint = series->n_samples > 0 ? _("No timings: the interpreter is timed as a whole")
                                      : _("No timings: a simulation allocates nothing");
  else
    ext->hint = ll_chart_no_events_hint (series);
  ext->xq = LL_QUANTITY_COUNT;
  ext->yq = LL_QUANTITY_TIME;
  ext->y_log = TRUE;
  ext->x_lo = series->n_events == 0 ? 0.0 : span.start_length;
  ext->x_hi = series->n_events == 0 ? 1000.0 : MAX (MAX (x, span.end_length), ext->x_lo + 1);
  /* Room below the fastest: nothing sits on the axis. */
  ext->y_lo = lo < G_MAXDOUBLE ? lo / 2.0 : 1.0;
  ext->y_hi = hi > 0.0 ? MAX (hi, ext->y_lo * 10.0) : 1e6;
  if (range != NULL && time_has_data (series) && hi <= 0.0)
    ll_chart_extents_none_in_range (ext);
}

static void
time_draw (LlPainter           *p,
           const LlChartSeries *series)
{
  const LlChartPalette *pal = &p->options->palette;
  cairo_t *cr = p->cr;
  guint n = p->columns.n_columns;
  LlColumn *line = p->cols + LL_N_OUTCOMES * (gsize) n;
  const LlEventBucket *events;
  gsize from, to, n_events;
  double dw;
  guint used = 0;
  gboolean dense, squares;
  gboolean overlay = ll_chart_data_is_overlay (p->data);
  const LlEvent *first = first_event (series);

  /* One run: the buckets as they are, since joining them would mix their
   * outcomes. Several: each run is its colour and mark whatever the
   * outcome, so the joined buckets serve where many fall in a column. */
  if (overlay)
    events = ll_painter_visible_events (p, series, FALSE, &n_events);
  else
    {
      ll_chart_visible_events (series, FALSE, p->layout->x_axis.lo, p->layout->x_axis.hi, &from, &to);
      events = series->events + from;
      n_events = to - from;
    }
  ll_columns_reset (p->cols, LL_PAINTER_SERIES * n);

  for (gsize i = 0; i < n_events; i++)
    {
      const LlEventBucket *b = &events[i];
      LlColumn *cols = p->cols + (overlay ? LL_OUTCOME_GREW_IN_PLACE : ll_event_bucket_get_outcome (b)) * (gsize) n;
      guint64 count = MAX (b->count, 1);
      double a = ll_event_ns_per_append (&b->first, first);
      double z = ll_event_ns_per_append (&b->last, first);
      int c0, c1;

      /* Both series at the same lengths: the columns are found once. */
      ll_columns_locate (&p->columns, b->first.length, b->last.length, count, &c0, &c1);
      if (count == 1)
        ll_columns_add_at (&p->columns, cols, c0, c1, b->first.realloc_ns, b->first.realloc_ns,
                           b->first.realloc_ns, b->first.realloc_ns, 1);
      else
        ll_columns_add_at (&p->columns, cols, c0, c1, b->first.realloc_ns, b->last.realloc_ns,
                           b->min_realloc_ns, b->max_realloc_ns, count);
      if (a > 0.0 && z > 0.0)
        ll_columns_add_at (&p->columns, line, c0, c1, a, z, MIN (a, z), MAX (a, z), count);
    }

  cairo_save (cr);
  ll_painter_clip_plot (p, 4.0);

  /* The time per append under the dots: the dots are the events. */
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, overlay ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  dw = ll_painter_line_width (p, LL_CHART_SERIES_WIDTH);
  if (overlay)
    ll_painter_run_dash (p, series);
  ll_chart_set_color (cr, overlay ? ll_painter_run_color (p, series) : &pal->series2, 1.0);
  ll_painter_sample_line (p, line, dw);
  cairo_restore (cr);

  /* A dot for a column's reallocation of one kind, in the kind's shape;
   * where a column merges several, a faint bar from the fastest to the
   * slowest (the dot carries the value), and the dot on the slowest.
   * Dense dots merge into a cloud: on screen, pixel-aligned squares look the
   * same as circles a few pixels wide and cost far less; a file, zoomed into
   * or printed sharp, shows every mark as it is. */
  dw = ll_painter_device_width (p, 3.0);
  for (guint o = 0; o < LL_N_OUTCOMES; o++)
    for (guint i = 0; i < n; i++)
      used += p->cols[o * (gsize) n + i].count > 0;
  dense = used * 6.0 > p->layout->plot.width;
  squares = dense && p->options->on_screen;
  for (guint o = 0; o < LL_N_OUTCOMES; o++)
    {
      const LlColumn *cols = p->cols + o * (gsize) n;

      for (guint i = 0; i < n; i++)
        {
          const LlColumn *c = &cols[i];

          if (c->min < c->max)
            {
              double cx = ll_painter_column_x (p, i, dw);
              double top = ll_pixel_grid_round_y (&p->grid, ll_painter_map_y (p, c->max));
              double bottom = ll_pixel_grid_round_y (&p->grid, ll_painter_map_y (p, c->min));

              /* On whole pixels: crisp, and filled without coverage. */
              ll_box_union_rectangle (&p->boxes, &p->grid, cr, cx - 1.5, top, 3.0,
                                      MAX (bottom - top, 1.0 / p->grid.sy));
            }
        }
      ll_box_union_to_path (&p->boxes, &p->grid, cr);
      ll_chart_set_color (cr, overlay ? ll_painter_run_color (p, series) : outcome_color (pal, o), 0.35);
      cairo_fill (cr);

      for (guint i = 0; i < n; i++)
        {
          const LlColumn *c = &cols[i];
          double cx, cy;

          if (c->count == 0)
            continue;
          cx = ll_painter_column_x (p, i, dw);
          cy = ll_painter_map_y (p, c->max);
          if (squares && (overlay || outcome_marks[o] == LL_MARK_CIRCLE))
            ll_box_union_rectangle (&p->boxes, &p->grid, cr, ll_pixel_grid_round_x (&p->grid, cx - 2.0),
                                    ll_pixel_grid_round_y (&p->grid, cy - 2.0), 4.0, 4.0);
          else if (overlay)
            ll_painter_run_marker (p, series, cx, cy, dense ? 2.0 : 2.5);
          else
            ll_painter_mark (p, outcome_marks[o], cx, cy, dense ? 2.0 : 2.5);
        }
      ll_box_union_to_path (&p->boxes, &p->grid, cr);
      /* Over several runs, the run's colour and marker tell them apart. */
      ll_chart_set_color (cr, overlay ? ll_painter_run_color (p, series) : outcome_color (pal, o), 1.0);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}

static guint
time_legend (const LlChartOptions *options,
             LlLegendItem         *items)
{
  const LlChartPalette *p = &options->palette;

  items[0] = (LlLegendItem) { _("In place"), LL_SWATCH_DOT, p->series3, LL_DASH_SOLID,
                              outcome_marks[LL_OUTCOME_GREW_IN_PLACE] };
  items[1] = (LlLegendItem) { _("Moved"), LL_SWATCH_DOT, p->accent, LL_DASH_SOLID,
                              outcome_marks[LL_OUTCOME_MOVED] };
  /* Translators: reallocations whose block was copied (beside "Moved") */
  items[2] = (LlLegendItem) { C_("reallocations", "Copied"), LL_SWATCH_DOT, p->warning, LL_DASH_SOLID,
                              outcome_marks[LL_OUTCOME_COPIED] };
  items[3] = (LlLegendItem) { _("Per append"), LL_SWATCH_LINE, p->series2 };
  return 4;
}

/* Over several runs the marks are the runs': a reallocation is a point,
 * the time per append a line. */
static guint
time_overlay_key (const LlChartOptions *options,
                  LlLegendItem         *items)
{
  const LlChartPalette *p = &options->palette;

  items[0] = (LlLegendItem) { _("Reallocation"), LL_SWATCH_DOT, p->secondary, LL_DASH_SOLID,
                              LL_MARK_CIRCLE };
  items[1] = (LlLegendItem) { _("Per append"), LL_SWATCH_LINE, p->secondary };
  return 2;
}

static void
time_readout (GString              *str,
              const LlChartOptions *options,
              const LlCandidate    *c)
{
  const LlEvent *e = c->event;
  double each;

  ll_readout_event_number (str, c);
  ll_readout_count (str, _("Length"), e->length);
  ll_readout_event_details (str, c, options);

  each = ll_event_ns_per_append (e, first_event (c->series));
  if (each > 0.0)
    {
      g_autofree char *text = each >= 100.0
                              ? ll_format_duration ((guint64) round (each))
                              : g_strdup_printf (_("%.1f ns"), each);

      ll_readout_line (str, _("Per append so far"), text);
    }
}

static double
time_event_y (const LlEvent *event)
{
  return event->realloc_ns;
}

/* What the chart shows of one run, in a sentence for screen readers. */
static gboolean
time_describe (GString              *str,
               const LlChartFacts   *f,
               const LlChartOptions *options)
{
  g_autofree char *count = NULL;
  g_autofree char *total = NULL;
  g_autofree char *last = NULL;

  if (f->last == NULL)
    return FALSE;
  count = ll_chart_count_of_reallocations (f->n_events);
  total = ll_format_duration (f->total_ns);
  last = ll_format_duration (f->last->realloc_ns);
  /* TRANSLATORS: "133 reallocations took 1.20 s" */
  g_string_append_printf (str, _("%s took %s"), count, total);
  if (f->slowest != NULL)
    {
      g_autofree char *slowest = ll_format_duration (f->slowest->realloc_ns);
      g_autofree char *at = ll_chart_elements (f->slowest->length);

      /* TRANSLATORS: "; slowest: 45.0 ms at 200 M elements" */
      g_string_append_printf (str, _("; slowest: %s at %s"), slowest, at);
    }
  /* TRANSLATORS: how long the last reallocation took */
  g_string_append_printf (str, _("; last: %s"), last);
  return TRUE;
}

const LlChartKindClass ll_chart_time_class = {
  "time",
  N_("Time per Reallocation"),
  N_("Time"),
  N_("How long each reallocation took against the length where it happened, "
     "on a logarithmic time axis, coloured by whether the block grew in "
     "place, moved without copying or was copied; the line is the run's "
     "time so far per append"),
  N_("Length"),
  N_("Time"),
  TRUE,
  FALSE,
  time_extents,
  time_legend,
  time_draw,
  NULL,
  time_readout,
  time_has_data,
  time_event_y,
  time_describe,
  time_overlay_key,
};
