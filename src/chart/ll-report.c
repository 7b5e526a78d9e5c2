/* ll-report.c — the one-page report: settings, results and every chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ll-report.h"
#include "ll-summary.h"

static void
set_color (cairo_t       *cr,
           const LlColor *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static PangoLayout *
make_layout (cairo_t              *cr,
             const LlChartOptions *options,
             double                size,
             PangoWeight           weight)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, options->font_family ? options->font_family : "Cantarell, sans-serif");
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  return layout;
}

/* Draws @rows as a two-column table; returns the height used. */
static double
draw_rows (cairo_t              *cr,
           const LlChartOptions *options,
           const char           *heading,
           GPtrArray            *rows,
           double                x,
           double                y,
           double                width,
           double                font_size)
{
  g_autoptr(PangoLayout) head = make_layout (cr, options, font_size * 1.1, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoLayout) label = make_layout (cr, options, font_size, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoLayout) value = make_layout (cr, options, font_size, PANGO_WEIGHT_NORMAL);
  double line = font_size * 1.45;
  double y0 = y;
  int w, h;

  set_color (cr, &options->palette.foreground, 1.0);
  pango_layout_set_text (head, heading, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, head);
  pango_layout_get_pixel_size (head, &w, &h);
  y += h + font_size * 0.5;

  pango_layout_set_width (value, (int) (width * 0.55 * PANGO_SCALE));
  pango_layout_set_wrap (value, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (label, (int) (width * 0.43 * PANGO_SCALE));
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const LlSummaryRow *row = g_ptr_array_index (rows, i);

      set_color (cr, &options->palette.foreground, 0.7);
      pango_layout_set_text (label, row->label, -1);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, label);

      set_color (cr, &options->palette.foreground, 1.0);
      pango_layout_set_text (value, row->value, -1);
      cairo_move_to (cr, x + width * 0.45, y);
      pango_cairo_show_layout (cr, value);
      /* Long values (a policy's source) wrap onto further lines. */
      pango_layout_get_pixel_size (value, &w, &h);
      y += MAX (line, h + (line - font_size * 1.2));
    }
  return y - y0;
}

void
ll_report_draw (cairo_t              *cr,
                const LlChartData    *data,
                const LlChartOptions *options,
                const LlReportInfo   *info,
                double                width,
                double                height)
{
  LlChartOptions chart_options;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  double unit = width / LL_REPORT_WIDTH;  /* everything scales with the page */
  double margin = 36 * unit;
  double font_size = 8.5 * unit;
  double inner = width - 2 * margin;
  double y = margin;
  double table_height, chart_gap, chart_height;
  int w, h;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (data != NULL);
  g_return_if_fail (options != NULL);

  cairo_save (cr);

  set_color (cr, &options->palette.background, 1.0);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  title = make_layout (cr, options, 18 * unit, PANGO_WEIGHT_BOLD);
  pango_layout_set_text (title, info && info->title ? info->title : _("List Lab report"), -1);
  set_color (cr, &options->palette.foreground, 1.0);
  cairo_move_to (cr, margin, y);
  pango_cairo_show_layout (cr, title);
  pango_layout_get_pixel_size (title, &w, &h);
  y += h + 4 * unit;

  if (info != NULL && info->stop_message != NULL)
    {
      subtitle = make_layout (cr, options, 10 * unit, PANGO_WEIGHT_NORMAL);
      pango_layout_set_width (subtitle, (int) (inner * PANGO_SCALE));
      pango_layout_set_wrap (subtitle, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (subtitle, info->stop_message, -1);
      set_color (cr, &options->palette.foreground, 0.75);
      cairo_move_to (cr, margin, y);
      pango_cairo_show_layout (cr, subtitle);
      pango_layout_get_pixel_size (subtitle, &w, &h);
      y += h;
    }
  y += 14 * unit;

  {
    double column = (inner - 24 * unit) / 2;
    double left = draw_rows (cr, options, _("Settings"), info ? info->settings_rows : NULL,
                             margin, y, column, font_size);
    double right = draw_rows (cr, options, _("Results"), info ? info->result_rows : NULL,
                              margin + column + 24 * unit, y, column, font_size);

    table_height = MAX (left, right);
  }
  y += table_height + 12 * unit;

  chart_options = *options;
  chart_options.draw_title = TRUE;
  chart_options.font_size = options->font_size > 0 ? options->font_size * unit : 7.5 * unit;

  chart_gap = 10 * unit;
  chart_height = (height - margin - y - 2 * chart_gap) / 3;
  for (guint k = 0; k < LL_N_CHARTS && chart_height > 20; k++)
    {
      cairo_save (cr);
      cairo_translate (cr, margin, y);
      cairo_rectangle (cr, 0, 0, inner, chart_height);
      cairo_clip (cr);
      ll_chart_draw (cr, k, data, &chart_options, inner, chart_height);
      cairo_restore (cr);
      y += chart_height + chart_gap;
    }

  cairo_restore (cr);
}
