/* ll-chart.c — List Lab's charts, drawn onto any cairo_t
 *
 * Each kind of chart is a table of functions (ll-chart-capacity.c …); the
 * layout, painting and picking they share are ll-chart-layout.c,
 * ll-chart-paint.c and ll-chart-pick.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ll-chart-private.h"

/* Options ------------------------------------------------------------------ */

void
ll_chart_options_init (LlChartOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  ll_chart_palette_init_light (&options->palette);
  options->units = LL_UNITS_IEC;
  options->log_y = FALSE;
  options->font_family = NULL;
  options->font_size = 0.0;
  options->text_scale = 1.0;
  options->reserve_bytes = 0;
  options->total_bytes = 0;
  options->draw_title = FALSE;
  options->title_says_view = TRUE;
}

const LlChartOptions *
ll_chart_options_or_defaults (const LlChartOptions *options,
                              LlChartOptions       *defaults)
{
  if (options != NULL)
    return options;
  ll_chart_options_init (defaults);
  return defaults;
}

const LlChartData *
ll_chart_data_or_empty (const LlChartData *data)
{
  static const LlChartData empty = { NULL, 0 };

  return data != NULL ? data : &empty;
}

double
ll_chart_options_get_text_scale (const LlChartOptions *options)
{
  g_return_val_if_fail (options != NULL, 1.0);

  return options->text_scale > 0.0 ? CLAMP (options->text_scale, 0.5, 4.0) : 1.0;
}

/* Data --------------------------------------------------------------------- */

void
ll_chart_series_init_from_view (LlChartSeries       *series,
                                const LlHistoryView *view,
                                guint                slot_bytes)
{
  g_return_if_fail (series != NULL);
  g_return_if_fail (view != NULL);

  memset (series, 0, sizeof *series);
  series->events = ll_history_view_get_events (view, &series->n_events);
  series->samples = ll_history_view_get_samples (view, &series->n_samples);
  series->coarse_events = ll_history_view_get_coarse_events (view, &series->n_coarse_events);
  series->coarse_samples = ll_history_view_get_coarse_samples (view, &series->n_coarse_samples);
  series->counters = ll_history_view_get_counters (view);
  series->event_times = ll_history_view_get_event_times (view);
  series->slot_bytes = slot_bytes;
}

void
ll_chart_data_init (LlChartData         *data,
                    const LlChartSeries *series,
                    gsize                n_series)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (series != NULL || n_series == 0);

  data->series = series;
  data->n_series = n_series;
}

/* Kinds -------------------------------------------------------------------- */

static const LlChartKindClass * const classes[LL_N_CHARTS] = {
  [LL_CHART_CAPACITY] = &ll_chart_capacity_class,
  [LL_CHART_GROWTH] = &ll_chart_growth_class,
  [LL_CHART_TIME] = &ll_chart_time_class,
  [LL_CHART_MEMORY] = &ll_chart_memory_class,
};

const LlChartKindClass *
ll_chart_kind_get_class (LlChartKind kind)
{
  g_return_val_if_fail (kind < LL_N_CHARTS, classes[LL_CHART_CAPACITY]);

  return classes[kind];
}

const char *
ll_chart_kind_get_name (LlChartKind kind)
{
  g_return_val_if_fail (kind < LL_N_CHARTS, NULL);

  return classes[kind]->name;
}

const char *
ll_chart_kind_get_title (LlChartKind kind)
{
  g_return_val_if_fail (kind < LL_N_CHARTS, NULL);

  return _(classes[kind]->title);
}

const char *
ll_chart_kind_get_description (LlChartKind kind)
{
  g_return_val_if_fail (kind < LL_N_CHARTS, NULL);

  return _(classes[kind]->description);
}

gboolean
ll_chart_kind_from_name (const char  *name,
                         LlChartKind *kind)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < LL_N_CHARTS; i++)
    {
      if (g_ascii_strcasecmp (name, classes[i]->name) == 0)
        {
          if (kind != NULL)
            *kind = (LlChartKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
ll_chart_kind_has_length_axis (LlChartKind kind)
{
  g_return_val_if_fail (kind < LL_N_CHARTS, FALSE);

  return classes[kind]->length_axis;
}

/* Ranges ------------------------------------------------------------------- */

gboolean
ll_chart_range_is_empty (const LlChartRange *range)
{
  return range == NULL || !(range->from < range->to);
}

void
ll_chart_range_clamp (double              from,
                      double              to,
                      const LlChartRange *extent,
                      double              min_width,
                      LlChartRange       *result)
{
  double lo = MIN (from, to), hi = MAX (from, to);
  double full;

  g_return_if_fail (extent != NULL && result != NULL);

  full = extent->to - extent->from;
  min_width = MIN (min_width, full);
  if (hi - lo < min_width)
    {
      double mid = (lo + hi) / 2.0;

      lo = mid - min_width / 2.0;
      hi = mid + min_width / 2.0;
    }
  /* Slide back inside rather than cut: the width is what was asked for. */
  if (lo < extent->from)
    {
      hi += extent->from - lo;
      lo = extent->from;
    }
  if (hi > extent->to)
    {
      lo -= hi - extent->to;
      hi = extent->to;
    }
  lo = MAX (lo, extent->from);

  if (!(hi > lo) || (lo <= extent->from && hi >= extent->to))
    *result = (LlChartRange) { 0, 0 };
  else
    *result = (LlChartRange) { lo, hi };
}

/* Where a range's ends sit on the axis: log10 of them on a log axis. */
static double
axis_pos (double   v,
          gboolean log)
{
  return log ? log10 (MAX (v, 1e-300)) : v;
}

static double
axis_value (double   p,
            gboolean log)
{
  return log ? pow (10.0, p) : p;
}

static void
visible_or_extent (const LlChartRange *visible,
                   const LlChartRange *extent,
                   LlChartRange       *range)
{
  *range = ll_chart_range_is_empty (visible) ? *extent : *visible;
}

void
ll_chart_range_zoom (const LlChartRange *visible,
                     const LlChartRange *extent,
                     gboolean            log,
                     double              anchor,
                     double              factor,
                     double              min_width,
                     LlChartRange       *result)
{
  LlChartRange r;
  double a, b, at;

  g_return_if_fail (extent != NULL && result != NULL);

  visible_or_extent (visible, extent, &r);
  if (log)
    {
      r.from = MAX (r.from, 1.0);
      r.to = MAX (r.to, r.from * 1.001);
    }
  anchor = CLAMP (anchor, 0.0, 1.0);
  a = axis_pos (r.from, log);
  b = axis_pos (r.to, log);
  at = a + anchor * (b - a);
  a = at - (at - a) * factor;
  b = at + (b - at) * factor;
  ll_chart_range_clamp (axis_value (a, log), axis_value (b, log), extent, min_width, result);
}

void
ll_chart_range_pan (const LlChartRange *visible,
                    const LlChartRange *extent,
                    gboolean            log,
                    double              fraction,
                    LlChartRange       *result)
{
  LlChartRange r;
  double a, b, shift;

  g_return_if_fail (extent != NULL && result != NULL);

  visible_or_extent (visible, extent, &r);
  if (log)
    r.from = MAX (r.from, 1.0);
  a = axis_pos (r.from, log);
  b = axis_pos (r.to, log);
  shift = (b - a) * fraction;
  /* Held at the ends with its width. */
  if (a + shift < axis_pos (MAX (extent->from, log ? 1.0 : extent->from), log))
    shift = axis_pos (MAX (extent->from, log ? 1.0 : extent->from), log) - a;
  if (b + shift > axis_pos (extent->to, log))
    shift = axis_pos (extent->to, log) - b;
  ll_chart_range_clamp (axis_value (a + shift, log), axis_value (b + shift, log), extent,
                        0.0, result);
  /* Panning a range that already spans everything does nothing. */
  if (ll_chart_range_is_empty (visible) && ll_chart_range_is_empty (result))
    *result = (LlChartRange) { 0, 0 };
}

const LlChartRange *
ll_chart_options_get_range (const LlChartOptions *options,
                            LlChartKind           kind)
{
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (kind < LL_N_CHARTS, NULL);

  return classes[kind]->length_axis ? &options->length_range : &options->time_range;
}

void
ll_chart_get_plot_area (LlChartKind           kind,
                        const LlChartData    *data,
                        const LlChartOptions *options,
                        double                width,
                        double                height,
                        double               *x,
                        double               *y,
                        double               *plot_width,
                        double               *plot_height)
{
  LlChartLayout layout;

  g_return_if_fail (kind < LL_N_CHARTS);

  ll_chart_layout_compute (&layout, NULL, kind, data, options, width, height);
  if (x != NULL)
    *x = layout.plot.x;
  if (y != NULL)
    *y = layout.plot.y;
  if (plot_width != NULL)
    *plot_width = layout.plot.width;
  if (plot_height != NULL)
    *plot_height = layout.plot.height;
}

double
ll_chart_unmap_x (LlChartKind           kind,
                  const LlChartData    *data,
                  const LlChartOptions *options,
                  double                width,
                  double                height,
                  double                x)
{
  LlChartLayout layout;

  g_return_val_if_fail (kind < LL_N_CHARTS, 0.0);

  ll_chart_layout_compute (&layout, NULL, kind, data, options, width, height);
  return ll_scale_unmap (&layout.x, x);
}

/* Drawing ------------------------------------------------------------------ */

void
ll_chart_draw (cairo_t              *cr,
               LlChartKind           kind,
               const LlChartData    *data,
               const LlChartOptions *options,
               double                width,
               double                height)
{
  const LlChartKindClass *klass;
  PangoContext *context;
  LlChartOptions default_options;
  LlChartLayout layout;
  LlChartText text;
  LlPainter p;
  LlColumnEdges edges = { NULL, 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (kind < LL_N_CHARTS);

  options = ll_chart_options_or_defaults (options, &default_options);
  data = ll_chart_data_or_empty (data);
  if (!(width > 0.0 && height > 0.0))
    return;

  klass = ll_chart_kind_get_class (kind);
  context = ll_chart_create_pango_context ();
  ll_chart_text_init (&text, context, options);
  ll_chart_layout_measure (&layout, &text, kind, data, options, width, height);

  cairo_save (cr);
  ll_painter_init (&p, cr, &text, &layout, options, data);
  p.columns.xscale = &layout.x;
  p.columns.x0 = layout.plot.x;
  p.columns.sx = p.grid.sx;
  p.columns.n_columns = (guint) MAX (1.0, ceil (layout.plot.width * p.grid.sx - 1e-6));

  /* Finer than a tenth of a pixel only costs time (round joins above all). */
  cairo_set_tolerance (cr, 0.5);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  ll_painter_frame (&p);

  if (!layout.empty)
    {
      /* Allocated once a frame: columns for every series a kind draws;
       * on a log axis, where its columns begin. */
      p.cols = g_new (LlColumn, LL_PAINTER_SERIES * (gsize) p.columns.n_columns);
      if (layout.x.log)
        {
          edges.starts = g_new (double, p.columns.n_columns + 1);
          if (ll_columns_find_edges (&p.columns, &edges))
            p.columns.edges = &edges;
        }
      /* The first run is drawn last, on top; a run with nothing for this
       * chart (a simulation's time or memory) is left out. */
      for (gsize i = data->n_series; i > 0; i--)
        if (klass->has_data == NULL || klass->has_data (&data->series[i - 1]))
          klass->draw (&p, &data->series[i - 1]);
      ll_painter_reference_labels (&p);
      g_free (p.cols);
      ll_box_union_clear (&p.boxes);
      g_free (edges.starts);
    }

  ll_painter_decorate (&p, kind);

  cairo_restore (cr);
  ll_chart_text_clear (&text);
  g_object_unref (context);
}

/* Picking ------------------------------------------------------------------ */

void
ll_chart_pick (LlChartKind           kind,
               const LlChartData    *data,
               const LlChartOptions *options,
               double                width,
               double                height,
               double                x,
               double                y,
               LlChartReadout       *readout)
{
  const LlChartKindClass *klass;
  LlChartOptions default_options;
  LlChartLayout layout;
  LlPick pick = { { 0 }, G_MAXDOUBLE, G_MAXDOUBLE };
  const double slop = 8.0;

  g_return_if_fail (kind < LL_N_CHARTS);
  g_return_if_fail (readout != NULL);

  memset (readout, 0, sizeof *readout);

  if (data == NULL || !(width > 0.0 && height > 0.0))
    return;
  options = ll_chart_options_or_defaults (options, &default_options);

  ll_chart_layout_compute (&layout, NULL, kind, data, options, width, height);
  if (layout.empty ||
      x < layout.plot.x - slop || x > layout.plot.x + layout.plot.width + slop ||
      y < layout.plot.y - slop || y > layout.plot.y + layout.plot.height + slop)
    return;

  klass = ll_chart_kind_get_class (kind);
  for (gsize i = 0; i < data->n_series; i++)
    {
      const LlChartSeries *series = &data->series[i], *compared;
      LlChartSeries copy;

      if (klass->has_data != NULL && !klass->has_data (series))
        continue;
      compared = ll_chart_series_compared (klass, data, series, &copy);
      if (klass->pick != NULL)
        klass->pick (&layout, compared, x, y, &pick);
      else
        ll_pick_events (&layout, compared, x, y, klass->event_y, FALSE, &pick);
      if (pick.best.series == compared)
        pick.best.series = series;
    }

  if (pick.best.series == NULL)
    return;

  ll_readout_fill (readout, &layout, klass, data, options, &pick.best);
}

void
ll_chart_draw_all (cairo_t              *cr,
                   const LlChartData    *data,
                   const LlChartOptions *options,
                   double                width,
                   double                height)
{
  LlChartOptions each;
  guint columns, rows;
  double gap, cell_w, cell_h, top;

  g_return_if_fail (cr != NULL);

  if (!(width > 0.0 && height > 0.0))
    return;
  if (options == NULL)
    ll_chart_options_init (&each);
  else
    each = *options;
  each.draw_title = TRUE;

  cairo_save (cr);
  ll_chart_set_color (cr, &each.palette.background, 1.0);
  cairo_paint (cr);

  /* Over several runs, one legend above the charts names them all. */
  top = ll_chart_draw_runs_legend (cr, data, &each, width, TRUE);
  each.runs_named_apart = top > 0.0;

  /* Two columns unless that makes the charts taller than wide. */
  columns = width >= (height - top) * 0.9 ? 2 : 1;
  rows = (LL_N_CHARTS + columns - 1) / columns;
  gap = round (MIN (width, height) * 0.02);
  cell_w = floor ((width - gap * (columns - 1)) / columns);
  cell_h = floor ((height - top - gap * (rows - 1)) / rows);

  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      cairo_save (cr);
      cairo_translate (cr, (k % columns) * (cell_w + gap), top + (k / columns) * (cell_h + gap));
      ll_chart_draw (cr, k, data, &each, cell_w, cell_h);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

void
ll_chart_readout_clear (LlChartReadout *readout)
{
  g_return_if_fail (readout != NULL);

  g_clear_pointer (&readout->text, g_free);
  readout->found = FALSE;
}
