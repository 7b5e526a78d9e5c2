/* ll-chart-paint.c — painting on the pixel grid: lines, text, grid, legend, columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ll-chart-private.h"

void
ll_chart_set_color (cairo_t       *cr,
           const LlColor *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* A translucent fill needs more weight on a dark background to read as
 * the same tint. */
double
ll_chart_slack_alpha (const LlChartPalette *palette)
{
  const LlColor *bg = &palette->background;
  double luminance = 0.2126 * bg->red + 0.7152 * bg->green + 0.0722 * bg->blue;

  return luminance < 0.5 ? 0.32 : 0.22;
}

/* High contrast draws lines and marks wider. */
static double
line_scale (const LlPainter *p)
{
  double scale = p->options->palette.line_scale;

  return scale > 0.0 ? scale : 1.0;
}

double
ll_painter_device_width (const LlPainter *p,
              double         user_width)
{
  return ll_pixel_grid_device_width (&p->grid, user_width * line_scale (p));
}

/* Sets a line width that is a whole number of device pixels. */
double
ll_painter_line_width (const LlPainter *p,
                double         user_width)
{
  double dw = ll_painter_device_width (p, user_width);

  cairo_set_line_width (p->cr, dw / p->grid.sx);
  return dw;
}

void
ll_painter_hline (const LlPainter *p,
       double         x0,
       double         x1,
       double         y,
       double         dw)
{
  double sy = ll_pixel_grid_snap_y (&p->grid, y, dw);

  cairo_move_to (p->cr, ll_pixel_grid_round_x (&p->grid, x0), sy);
  cairo_line_to (p->cr, ll_pixel_grid_round_x (&p->grid, x1), sy);
}

void
ll_painter_vline (const LlPainter *p,
       double         x,
       double         y0,
       double         y1,
       double         dw)
{
  double sx = ll_pixel_grid_snap_x (&p->grid, x, dw);

  cairo_move_to (p->cr, sx, ll_pixel_grid_round_y (&p->grid, y0));
  cairo_line_to (p->cr, sx, ll_pixel_grid_round_y (&p->grid, y1));
}

/* Draws @str with its logical box's top at @y, aligned on @x. */
void
ll_painter_text (const LlPainter *p,
                 const char      *str,
                 gboolean         bold,
                 double           x,
                 double           y,
                 LlAlign          align,
                 const LlColor   *color,
                 double           alpha)
{
  double w, h;

  if (str == NULL || str[0] == '\0')
    return;

  ll_chart_text_size (p->text, str, bold, &w, &h);
  if (align == LL_ALIGN_CENTER)
    x -= w / 2.0;
  else if (align == LL_ALIGN_END)
    x -= w;

  ll_chart_set_color (p->cr, color, alpha);
  cairo_move_to (p->cr,
                 ll_pixel_grid_round_x (&p->grid, x),
                 ll_pixel_grid_round_y (&p->grid, y));
  pango_cairo_show_layout (p->cr, ll_chart_text_shaped (p->text, str, bold));
  cairo_new_path (p->cr);
}

double
ll_painter_map_x (const LlPainter *p,
       double         v)
{
  return ll_scale_map (&p->layout->x, v);
}

/* Run styles ------------------------------------------------------------- */

/* On, off, … in device pixels at line scale 1. */
static const struct
{
  guint  n;
  double lengths[6];
} dashes[LL_N_DASHES] = {
  [LL_DASH_SOLID] = { 0, { 0 } },
  [LL_DASH_DASHED] = { 2, { 8, 4 } },
  [LL_DASH_DOTTED] = { 2, { 2, 3 } },
  [LL_DASH_DASH_DOT] = { 4, { 8, 3, 2, 3 } },
  [LL_DASH_LONG] = { 2, { 16, 4 } },
  [LL_DASH_DASH_DOT_DOT] = { 6, { 8, 3, 2, 3, 2, 3 } },
  [LL_DASH_SHORT] = { 2, { 4, 4 } },
  [LL_DASH_LONG_DOT] = { 4, { 16, 3, 2, 3 } },
};

void
ll_painter_set_dash (const LlPainter *p,
                     LlDash           dash)
{
  double d[G_N_ELEMENTS (dashes[0].lengths)];
  guint k = dash < LL_N_DASHES ? dash : LL_DASH_SOLID;

  if (dashes[k].n == 0)
    {
      cairo_set_dash (p->cr, NULL, 0, 0.0);
      return;
    }
  /* In device pixels, so they look the same at any scale. */
  for (guint i = 0; i < dashes[k].n; i++)
    d[i] = dashes[k].lengths[i] * line_scale (p) / p->grid.sx;
  cairo_set_dash (p->cr, d, (int) dashes[k].n, 0.0);
}

/* Past the colours, the dashes and marks shift: run 8 is not run 0, nor
 * run 1 with run 0's colour. */
LlDash
ll_chart_run_dash (guint style)
{
  return (LlDash) ((style + style / LL_CHART_N_RUN_COLORS) % LL_N_DASHES);
}

LlMark
ll_chart_run_mark (guint style)
{
  return (LlMark) (LL_MARK_CIRCLE + (style + 2 * (style / LL_CHART_N_RUN_COLORS)) % 4);
}

const LlColor *
ll_painter_run_color (const LlPainter     *p,
                      const LlChartSeries *series)
{
  return &p->options->palette.runs[series->style % LL_CHART_N_RUN_COLORS];
}

void
ll_painter_run_dash (const LlPainter     *p,
                     const LlChartSeries *series)
{
  ll_painter_set_dash (p, ll_chart_run_dash (series->style));
}

void
ll_painter_mark (const LlPainter *p,
                 LlMark           mark,
                 double           x,
                 double           y,
                 double           r)
{
  cairo_t *cr = p->cr;

  r *= line_scale (p);
  switch (mark)
    {
    case LL_MARK_NONE:
      break;
    case LL_MARK_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case LL_MARK_SQUARE:
      cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case LL_MARK_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.3);
      cairo_line_to (cr, x + r * 1.2, y + r * 0.85);
      cairo_line_to (cr, x - r * 1.2, y + r * 0.85);
      cairo_close_path (cr);
      break;
    case LL_MARK_DIAMOND:
    default:
      cairo_move_to (cr, x, y - r * 1.35);
      cairo_line_to (cr, x + r * 1.15, y);
      cairo_line_to (cr, x, y + r * 1.35);
      cairo_line_to (cr, x - r * 1.15, y);
      cairo_close_path (cr);
      break;
    }
}

void
ll_painter_run_marker (const LlPainter     *p,
                       const LlChartSeries *series,
                       double               x,
                       double               y,
                       double               r)
{
  ll_painter_mark (p, ll_chart_run_mark (series->style), x, y, r);
}

void
ll_chart_draw_run_swatch (cairo_t              *cr,
                          const LlChartPalette *palette,
                          guint                 style,
                          double                x,
                          double                y,
                          double                width,
                          double                height)
{
  LlChartOptions options;
  LlPainter p = { 0 };
  double dw, mid;

  g_return_if_fail (cr != NULL && palette != NULL);

  ll_chart_options_init (&options);
  options.palette = *palette;
  p.cr = cr;
  p.options = &options;
  ll_pixel_grid_init_from_cairo (&p.grid, cr);

  cairo_save (cr);
  dw = ll_painter_line_width (&p, LL_CHART_SERIES_WIDTH);
  mid = ll_pixel_grid_snap_y (&p.grid, y + height / 2.0, dw);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  ll_painter_set_dash (&p, ll_chart_run_dash (style));
  cairo_move_to (cr, x, mid);
  cairo_line_to (cr, x + width, mid);
  ll_chart_set_color (cr, &palette->runs[style % LL_CHART_N_RUN_COLORS], 1.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0.0);
  ll_painter_mark (&p, ll_chart_run_mark (style), x + width / 2.0, mid, MIN (3.0, height / 4.0));
  cairo_fill (cr);
  cairo_restore (cr);
}

double
ll_painter_map_x_held (const LlPainter *p,
                       double           v)
{
  const LlRect *plot = &p->layout->plot;
  double margin = MAX (plot->width, 64.0);

  return CLAMP (ll_scale_map (&p->layout->x, v), plot->x - margin, plot->x + plot->width + margin);
}

void
ll_painter_dot (const LlPainter *p,
                double           x,
                double           y,
                double           radius)
{
  ll_painter_mark (p, LL_MARK_CIRCLE, x, y, radius);
}

/* Where fine buckets [@from, @to) fall in the joined ones, when enough
 * of them fall in each pixel column. */
static gboolean
use_coarse (const LlPainter *p,
            gsize            from,
            gsize            to,
            gsize            n_coarse,
            gsize           *coarse_from,
            gsize           *coarse_to)
{
  if (n_coarse == 0 || to - from < (gsize) LL_CHART_COARSE_AT * p->columns.n_columns)
    return FALSE;
  *coarse_from = from / LL_HISTORY_COARSE;
  *coarse_to = MIN (n_coarse, (to + LL_HISTORY_COARSE - 1) / LL_HISTORY_COARSE);
  return TRUE;
}

const LlEventBucket *
ll_painter_visible_events (const LlPainter     *p,
                           const LlChartSeries *series,
                           gboolean             by_time,
                           gsize               *n)
{
  gsize from, to, cf, ct;

  ll_chart_visible_events (series, by_time, p->layout->x_axis.lo, p->layout->x_axis.hi, &from, &to);
  if (series->coarse_events != NULL && use_coarse (p, from, to, series->n_coarse_events, &cf, &ct))
    {
      *n = ct - cf;
      return series->coarse_events + cf;
    }
  *n = to - from;
  return series->events + from;
}

const LlSampleBucket *
ll_painter_visible_samples (const LlPainter     *p,
                            const LlChartSeries *series,
                            gsize               *n)
{
  gsize from, to, cf, ct;

  ll_chart_visible_samples (series, p->layout->x_axis.lo, p->layout->x_axis.hi, &from, &to);
  if (series->coarse_samples != NULL && use_coarse (p, from, to, series->n_coarse_samples, &cf, &ct))
    {
      *n = ct - cf;
      return series->coarse_samples + cf;
    }
  *n = to - from;
  return series->samples + from;
}

double
ll_painter_map_y (const LlPainter *p,
       double         v)
{
  return ll_scale_map (&p->layout->y, v);
}

void
ll_painter_clip_plot (const LlPainter *p,
           double         overhang)
{
  const LlRect *r = &p->layout->plot;
  /* Zoomed, the series go on past the edges: they end there. */
  double x_overhang = p->layout->zoomed ? 0.0 : overhang;

  cairo_rectangle (p->cr, r->x - x_overhang, r->y - overhang,
                   r->width + 2 * x_overhang, r->height + 2 * overhang);
  cairo_clip (p->cr);
}

/* Axes, grid, labels ------------------------------------------------------- */

static void
draw_grid (const LlPainter *p)
{
  const LlChartLayout *l = p->layout;
  const LlColor *grid = &p->options->palette.grid;
  double dw = ll_painter_line_width (p, LL_CHART_HAIRLINE);
  double bottom = l->plot.y + l->plot.height;

  cairo_set_line_cap (p->cr, CAIRO_LINE_CAP_BUTT);

  /* Minor lines first, fainter; a chart with nothing to show has no
   * values to read between its major lines. */
  for (int major = l->empty ? 1 : 0; major <= 1; major++)
    {
      for (guint i = 0; i < l->y_axis.n_ticks; i++)
        {
          const LlTick *t = &l->y_axis.ticks[i];
          double y = ll_painter_map_y (p, t->value);

          if (t->major != major || y < l->plot.y - 0.5 || y > bottom + 0.5)
            continue;
          /* The baseline is drawn on its own, stronger. */
          if (fabs (y - bottom) < 0.5)
            continue;
          ll_painter_hline (p, l->plot.x, l->plot.x + l->plot.width, y, dw);
        }
      for (guint i = 0; i < l->x_axis.n_ticks; i++)
        {
          const LlTick *t = &l->x_axis.ticks[i];
          double x = ll_painter_map_x (p, t->value);

          if (t->major != major || x < l->plot.x - 0.5 || x > l->plot.x + l->plot.width + 0.5)
            continue;
          ll_painter_vline (p, x, l->plot.y, bottom, dw);
        }
      ll_chart_set_color (p->cr, grid, major ? 1.0 : 0.45);
      cairo_stroke (p->cr);
    }
}

static void
draw_baseline (const LlPainter *p)
{
  const LlChartLayout *l = p->layout;
  double dw = ll_painter_line_width (p, LL_CHART_HAIRLINE);

  cairo_set_line_cap (p->cr, CAIRO_LINE_CAP_BUTT);
  ll_painter_hline (p, l->plot.x, l->plot.x + l->plot.width, l->plot.y + l->plot.height, dw);
  ll_chart_set_color (p->cr, &p->options->palette.secondary, 1.0);
  cairo_stroke (p->cr);
}

static void
draw_labels (const LlPainter *p)
{
  const LlChartLayout *l = p->layout;
  const LlColor *fg = &p->options->palette.foreground;
  const LlColor *dim = &p->options->palette.secondary;
  double right_edge = l->width - 1.0;

  for (guint i = 0; i < l->y_axis.n_ticks; i++)
    {
      const LlTick *t = &l->y_axis.ticks[i];

      if (t->label[0] == '\0')
        continue;
      ll_painter_text (p, t->label, FALSE,
                 l->plot.x - round (l->unit * 0.6),
                 ll_painter_map_y (p, t->value) - l->line_height / 2.0,
                 LL_ALIGN_END, dim, 1.0);
    }

  for (guint i = 0; i < l->x_axis.n_ticks; i++)
    {
      const LlTick *t = &l->x_axis.ticks[i];
      double x = ll_painter_map_x (p, t->value);
      double w;

      if (t->label[0] == '\0')
        continue;
      ll_chart_text_size (p->text, t->label, FALSE, &w, NULL);
      x = CLAMP (x, w / 2.0, right_edge - w / 2.0);
      ll_painter_text (p, t->label, FALSE, x, l->x_labels_y, LL_ALIGN_CENTER, dim, 1.0);
    }

  if (l->x_title_inline)
    ll_painter_text (p, l->x_title, FALSE, l->width - l->pad, l->x_title_y, LL_ALIGN_END, dim, 1.0);
  else
    ll_painter_text (p, l->x_title, FALSE, l->plot.x + l->plot.width / 2.0, l->x_title_y,
                     LL_ALIGN_CENTER, dim, 1.0);
  ll_painter_text (p, l->y_title, FALSE, l->pad, l->header_y, LL_ALIGN_START, dim, 1.0);

  if (p->options->draw_title)
    ll_painter_text (p, l->title, TRUE, l->pad, l->title_y,
               LL_ALIGN_START, fg, 1.0);
}

static void
draw_swatch (const LlPainter    *p,
             const LlLegendItem *item,
             double              x,
             double              y)
{
  cairo_t *cr = p->cr;
  double h = p->layout->line_height;
  double mid = y + h / 2.0;
  double cx = x + LL_CHART_SWATCH_WIDTH / 2.0;
  double dw, w;

  switch (item->swatch)
    {
    case LL_SWATCH_LINE:
      /* The line's dash, and the run's mark on it. */
      w = ll_chart_legend_swatch_width (item) - LL_CHART_SWATCH_GAP;
      dw = ll_painter_line_width (p, LL_CHART_SERIES_WIDTH);
      cairo_set_line_cap (cr, item->dash != LL_DASH_SOLID ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
      ll_painter_set_dash (p, item->dash);
      ll_painter_hline (p, x + 1.0, x + w - 1.0, mid, dw);
      ll_chart_set_color (cr, &item->color, 1.0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0.0);
      if (item->mark != LL_MARK_NONE)
        {
          ll_painter_mark (p, item->mark, ll_pixel_grid_snap_x (&p->grid, x + w / 2.0, dw),
                           ll_pixel_grid_snap_y (&p->grid, mid, dw), 3.0);
          cairo_fill (cr);
        }
      break;

    case LL_SWATCH_AREA:
      cairo_rectangle (cr, ll_pixel_grid_round_x (&p->grid, x),
                       ll_pixel_grid_round_y (&p->grid, mid - 5.0),
                       LL_CHART_SWATCH_WIDTH, 10.0);
      ll_chart_set_color (cr, &item->color, ll_chart_slack_alpha (&p->options->palette));
      cairo_fill (cr);
      break;

    case LL_SWATCH_STEM:
      dw = ll_painter_line_width (p, LL_CHART_HAIRLINE);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      ll_painter_vline (p, cx, mid + h / 2.0 - 2.0, mid - 2.0, dw);
      ll_chart_set_color (cr, &item->color, 1.0);
      cairo_stroke (cr);
      ll_painter_dot (p, ll_pixel_grid_snap_x (&p->grid, cx, dw), mid - 2.0, 2.5);
      cairo_fill (cr);
      break;

    case LL_SWATCH_NONE:
      break;

    case LL_SWATCH_DOT:
      ll_painter_mark (p, item->mark != LL_MARK_NONE ? item->mark : LL_MARK_CIRCLE, cx, mid, 3.0);
      ll_chart_set_color (cr, &item->color, 1.0);
      cairo_fill (cr);
      break;

    case LL_SWATCH_MARKER:
    default:
      /* As the chart draws them: a tick, and a faint line on from it. */
      dw = ll_painter_line_width (p, LL_CHART_HAIRLINE);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      ll_painter_vline (p, cx, y + 1.0, mid, dw);
      ll_chart_set_color (cr, &item->color, 1.0);
      cairo_stroke (cr);
      ll_painter_vline (p, cx, mid, y + h - 1.0, dw);
      ll_chart_set_color (cr, &item->color, LL_CHART_FAINT);
      cairo_stroke (cr);
      break;
    }
}

/* @items in a row from (@x0, @y0), onto more rows of @row_width if @wraps. */
static void
draw_legend_items (const LlPainter    *p,
                   const LlLegendItem *items,
                   guint               n_items,
                   double              x0,
                   double              y0,
                   double              row_width,
                   gboolean            wraps)
{
  double x = x0, y = y0;

  for (guint i = 0; i < n_items; i++)
    {
      double w = ll_chart_legend_width (p->text, &items[i], 1);

      /* Runs wrap onto the next row. */
      if (wraps && x > x0 && x + LL_CHART_ITEM_GAP + w > x0 + row_width)
        {
          x = x0;
          y += p->layout->line_height;
        }
      else if (i > 0)
        x += LL_CHART_ITEM_GAP;
      draw_swatch (p, &items[i], x, y);
      ll_painter_text (p, items[i].label, FALSE, x + ll_chart_legend_swatch_width (&items[i]), y,
                       LL_ALIGN_START,
                       items[i].swatch == LL_SWATCH_NONE ? &p->options->palette.secondary
                                                         : &p->options->palette.foreground,
                       1.0);
      x += w;
    }
}

static void
draw_legend (const LlPainter *p)
{
  const LlChartLayout *l = p->layout;
  LlLegendItem items[LL_CHART_MAX_LEGEND];
  guint n_items = ll_chart_legend_items (l->kind, p->data, p->options, items);

  if (l->note_in_header && n_items > 0)
    {
      n_items--;
      draw_legend_items (p, &items[n_items], 1, l->note_x, l->header_y, l->legend_width, FALSE);
    }
  draw_legend_items (p, items, n_items, l->legend_x, l->legend_y, l->legend_width,
                     l->legend_rows > 1);
}

void
ll_painter_init (LlPainter            *p,
                 cairo_t              *cr,
                 LlChartText          *text,
                 const LlChartLayout  *layout,
                 const LlChartOptions *options,
                 const LlChartData    *data)
{
  /* Measured before, drawn now with the target's transform and options. */
  ll_chart_text_update (text, cr);

  memset (p, 0, sizeof *p);
  p->cr = cr;
  p->layout = layout;
  p->options = options;
  p->data = data;
  p->text = text;
  ll_pixel_grid_init_from_cairo (&p->grid, cr);
}

double
ll_chart_draw_runs_legend (cairo_t              *cr,
                           const LlChartData    *data,
                           const LlChartOptions *options,
                           double                width,
                           gboolean              padded)
{
  LlChartOptions default_options;
  LlLegendItem items[LL_CHART_MAX_LEGEND];
  LlChartLayout layout;
  LlChartText text;
  PangoContext *context;
  double height;
  guint n_items, rows;

  options = ll_chart_options_or_defaults (options, &default_options);
  n_items = ll_chart_runs_legend_items (ll_chart_data_or_empty (data), options, items);
  if (n_items == 0 || !(width > 0.0))
    return 0.0;

  context = ll_chart_create_pango_context ();
  ll_chart_text_init (&text, context, options);
  memset (&layout, 0, sizeof layout);
  ll_chart_layout_set_text_metrics (&layout, &text, options);
  if (!padded)
    layout.pad = 0.0;
  /* (measuring alone needs only the rows, drawing their even width) */
  if (cr != NULL)
    {
      double row_width = ll_chart_legend_balanced_width (&text, items, n_items, width - 2 * layout.pad, &rows);
      LlPainter p;

      cairo_save (cr);
      ll_painter_init (&p, cr, &text, &layout, options, data);
      draw_legend_items (&p, items, n_items, layout.pad, layout.pad, row_width, TRUE);
      cairo_restore (cr);
    }
  else
    rows = ll_chart_legend_rows (&text, items, n_items, width - 2 * layout.pad);
  height = 2 * layout.pad + rows * layout.line_height;

  ll_chart_text_clear (&text);
  g_object_unref (context);
  return height;
}

/* The hint in the middle of the plot, its words on as many lines as the
 * plot's width needs. */
static void
draw_empty_hint (const LlPainter *p)
{
  const LlChartLayout *l = p->layout;
  PangoLayout *layout = p->text->layout;
  double room = MAX (l->plot.width - 2 * l->pad, 1.0);
  PangoRectangle logical;

  ll_chart_text_set (p->text, l->hint, FALSE);
  pango_layout_set_width (layout, (int) (room * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_extents (layout, NULL, &logical);

  ll_chart_set_color (p->cr, &p->options->palette.secondary, 1.0);
  cairo_move_to (p->cr,
                 ll_pixel_grid_round_x (&p->grid, l->plot.x + l->plot.width / 2.0 - room / 2.0),
                 ll_pixel_grid_round_y (&p->grid, l->plot.y + (l->plot.height - (double) logical.height / PANGO_SCALE) / 2.0));
  pango_cairo_show_layout (p->cr, layout);
  cairo_new_path (p->cr);
}

/* Columns ------------------------------------------------------------------ */

void
ll_painter_reset_columns (LlPainter *p)
{
  ll_columns_reset (p->cols, p->columns.n_columns);
}

/* Where a column's vertical segments go, so lines of @dw device pixels
 * cover whole pixels. */
double
ll_painter_column_x (const LlPainter *p,
          guint          i,
          double         dw)
{
  return ll_pixel_grid_snap_x (&p->grid, ll_columns_center (&p->columns, i), dw);
}

/* Where a vertical span @dw device pixels wide on column @i lies. */
static void
column_box (const LlPainter *p,
            guint            i,
            double           y0,
            double           y1,
            double           dw,
            double          *x,
            double          *y,
            double          *width,
            double          *height)
{
  double half = dw / (2.0 * p->grid.sx);

  *x = ll_painter_column_x (p, i, dw) - half;
  *y = MIN (y0, y1);
  *width = 2 * half;
  *height = MAX (y0, y1) - *y;
}

/* A vertical span @dw device pixels wide on column @i, as a rectangle:
 * crisp, and far cheaper than stroking many short segments. */
void
ll_painter_column_span (const LlPainter *p,
             guint          i,
             double         y0,
             double         y1,
             double         dw)
{
  double x, y, width, height;

  column_box (p, i, y0, y1, dw, &x, &y, &width, &height);
  cairo_rectangle (p->cr, x, y, width, height);
}

double
ll_painter_snap_y (const LlPainter *p,
        double         v,
        double         dw)
{
  return ll_pixel_grid_snap_y (&p->grid, ll_painter_map_y (p, v), dw);
}

/* One point per column, through the last value; where a column holds a
 * range, a span covers it (filled afterwards by the caller's colour). */
void
ll_painter_sample_line (LlPainter        *p,
             const LlColumn *cols,
             double          dw)
{
  cairo_t *cr = p->cr;
  guint n_points = 0;
  double fill_dw = ll_painter_device_width (p, LL_CHART_SERIES_WIDTH);
  cairo_antialias_t antialias;
  LlPolyline line;

  /* A tenth of a device pixel off is nothing anyone sees; the vertices
   * left out are most of a line's cost to stroke. */
  ll_polyline_begin (&line, cr, 0.1 / MAX (fabs (p->grid.sy), 1e-9));
  for (guint i = 0; i < p->columns.n_columns; i++)
    {
      const LlColumn *c = &cols[i];
      double cx;

      if (c->count == 0)
        continue;
      cx = ll_painter_column_x (p, i, dw);
      /* Where the column holds a range, its span (below) covers the first
       * value; the line only needs to go on from the last. */
      if (n_points++ == 0)
        ll_polyline_add (&line, cx, ll_painter_map_y (p, c->min < c->max ? c->first : c->last));
      /* (On the first point this makes a lone sample show as a dot.) */
      ll_polyline_add (&line, cx, ll_painter_map_y (p, c->last));
    }
  ll_polyline_end (&line);
  /* Four by four samples a pixel: the same line to the eye, at half the
   * cost of the default with ten runs overlaid. */
  antialias = cairo_get_antialias (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_stroke (cr);
  cairo_set_antialias (cr, antialias);

  for (guint i = 0; i < p->columns.n_columns; i++)
    {
      const LlColumn *c = &cols[i];
      double y_min, y_max, y_last;
      double x, y, width, height;

      if (c->count == 0 || !(c->min < c->max))
        continue;
      y_min = ll_painter_map_y (p, c->min);
      y_max = ll_painter_map_y (p, c->max);
      y_last = ll_painter_map_y (p, c->last);
      /* A range within half a pixel of the line is drawn by the line. */
      if (fabs (y_min - y_last) * p->grid.sy < 0.5 && fabs (y_max - y_last) * p->grid.sy < 0.5)
        continue;
      /* (each as wide as the line, over its neighbours: filled as their
       * union) */
      column_box (p, i, ll_pixel_grid_round_y (&p->grid, y_min + LL_CHART_SERIES_WIDTH / 2.0),
                  ll_pixel_grid_round_y (&p->grid, y_max - LL_CHART_SERIES_WIDTH / 2.0), fill_dw,
                  &x, &y, &width, &height);
      ll_box_union_rectangle (&p->boxes, &p->grid, cr, x, y, width, height);
    }
  ll_box_union_to_path (&p->boxes, &p->grid, cr);
  cairo_fill (cr);
}

void
ll_painter_run_end_mark (LlPainter           *p,
                         const LlColumn      *cols,
                         const LlChartSeries *series,
                         double               dw)
{
  for (guint i = p->columns.n_columns; i > 0; i--)
    {
      if (cols[i - 1].count == 0)
        continue;
      cairo_set_dash (p->cr, NULL, 0, 0.0);
      ll_painter_run_marker (p, series, ll_painter_column_x (p, i - 1, dw),
                             ll_painter_map_y (p, cols[i - 1].last), LL_CHART_END_MARK);
      cairo_fill (p->cr);
      return;
    }
}

/* A reference line's label: its halo's inset from the plot's edge, and
 * the halo's margin around the text. */
#define LABEL_INSET 2.0
#define LABEL_PAD   2.0

/* Whether a label at @x (its left edge), @y, @w wide stays inside the plot
 * and off the labels placed before it. */
static gboolean
label_is_free (LlPainter *p,
               double     x,
               double     y,
               double     w)
{
  const LlChartLayout *l = p->layout;
  double h = l->line_height;

  if (y < l->plot.y || y + h > l->plot.y + l->plot.height || x < l->plot.x)
    return FALSE;
  for (guint i = 0; i < p->n_refs; i++)
    if (y < p->refs[i].y + h && y + h > p->refs[i].y &&
        x < p->refs[i].x + p->refs[i].width && x + w > p->refs[i].x)
      return FALSE;
  return TRUE;
}

void
ll_painter_reference_line (LlPainter     *p,
                           double         value,
                           const char    *label,
                           const LlColor *color)
{
  const LlChartLayout *l = p->layout;
  cairo_t *cr = p->cr;
  double y = ll_painter_map_y (p, value);
  double dash[2] = { 6.0 * line_scale (p), 4.0 * line_scale (p) };
  double dw, w, h;
  double right = l->plot.x + l->plot.width - LABEL_INSET;

  if (y < l->plot.y || y > l->plot.y + l->plot.height)
    return;

  /* The line and its label in one colour that reads as text. */
  dw = ll_painter_line_width (p, LL_CHART_HAIRLINE);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, dash, 2, 0.0);
  ll_painter_hline (p, l->plot.x, l->plot.x + l->plot.width, y, dw);
  ll_chart_set_color (cr, color, 1.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0.0);

  if (p->n_refs >= G_N_ELEMENTS (p->refs))
    return;

  /* At the right end of the line, above it, else below it; else at its
   * left end. A label with no room of its own is left out (its line keeps
   * its colour) rather than drawn over another one or out of the plot. */
  ll_chart_text_size (p->text, label, FALSE, &w, &h);
  w = ceil (w) + 2.0 * LABEL_PAD;
  {
    const double xs[] = { right - w, right - w, l->plot.x + LABEL_INSET, l->plot.x + LABEL_INSET };
    const double ys[] = { y - l->line_height - 1.0, y + 2.0, y - l->line_height - 1.0, y + 2.0 };

    for (guint c = 0; c < G_N_ELEMENTS (xs); c++)
      if (label_is_free (p, xs[c], ys[c], w))
        {
          p->refs[p->n_refs].label = label;
          p->refs[p->n_refs].color = color;
          p->refs[p->n_refs].x = xs[c];
          p->refs[p->n_refs].y = ys[c];
          p->refs[p->n_refs].width = w;
          p->refs[p->n_refs].height = ceil (h);
          p->n_refs++;
          return;
        }
  }
}

void
ll_painter_reference_labels (LlPainter *p)
{
  cairo_t *cr = p->cr;

  for (guint i = 0; i < p->n_refs; i++)
    {
      cairo_rectangle (cr, ll_pixel_grid_round_x (&p->grid, p->refs[i].x),
                       ll_pixel_grid_round_y (&p->grid, p->refs[i].y),
                       p->refs[i].width, p->refs[i].height);
      ll_chart_set_color (cr, &p->options->palette.background, 0.85);
      cairo_fill (cr);
      ll_painter_text (p, p->refs[i].label, FALSE, p->refs[i].x + p->refs[i].width - LABEL_PAD,
                       p->refs[i].y, LL_ALIGN_END, p->refs[i].color, 1.0);
    }
  p->n_refs = 0;
}

/* The background and the grid, under the series. */
void
ll_painter_frame (LlPainter *p)
{
  ll_chart_set_color (p->cr, &p->options->palette.background, 1.0);
  cairo_paint (p->cr);
  draw_grid (p);
}

/* What goes over the series: the baseline, labels, legend, or the hint
 * that there is nothing yet. */
/* The reallocation options->mark points out: a line across the plot at
 * its x, a ring where it sits. */
static void
draw_mark (const LlPainter *p,
           LlChartKind      kind)
{
  const LlChartKindClass *klass = ll_chart_kind_get_class (kind);
  const LlChartLayout *l = p->layout;
  const LlEvent *e = p->options->mark;
  const LlColor *fg = &p->options->palette.foreground;
  double x, dw;

  if (e == NULL || l->empty)
    return;

  x = ll_scale_map (&l->x, klass->length_axis ? (double) e->length : (double) e->elapsed_ns);
  if (x < l->plot.x - 0.5 || x > l->plot.x + l->plot.width + 0.5)
    return;

  cairo_save (p->cr);
  dw = ll_painter_line_width (p, LL_CHART_HAIRLINE);
  cairo_set_line_cap (p->cr, CAIRO_LINE_CAP_BUTT);
  ll_painter_vline (p, x, l->plot.y, l->plot.y + l->plot.height, dw);
  ll_chart_set_color (p->cr, &p->options->palette.secondary, 1.0);
  cairo_stroke (p->cr);

  if (klass->event_y != NULL)
    {
      double y = ll_scale_map (&l->y, klass->event_y (e));

      if (y >= l->plot.y - 0.5 && y <= l->plot.y + l->plot.height + 0.5)
        {
          ll_painter_line_width (p, LL_CHART_SERIES_WIDTH);
          ll_painter_dot (p, ll_pixel_grid_snap_x (&p->grid, x, dw), y, 6.0);
          ll_chart_set_color (p->cr, &p->options->palette.background, 0.6);
          cairo_fill_preserve (p->cr);
          ll_chart_set_color (p->cr, fg, 1.0);
          cairo_stroke (p->cr);
        }
    }
  cairo_restore (p->cr);
}

void
ll_painter_decorate (LlPainter   *p,
                     LlChartKind  kind)
{
  draw_mark (p, kind);
  draw_baseline (p);
  draw_labels (p);
  draw_legend (p);
  if (p->layout->empty)
    draw_empty_hint (p);
}
