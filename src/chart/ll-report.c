/* ll-report.c — the one-page report: settings, results and every chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
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

static int
text_width (PangoLayout *layout,
            const char  *text)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

/* The widest word of @text: a column's title may wrap, its words may not. */
static int
widest_word (PangoLayout *layout,
             const char  *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  int widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, text_width (layout, words[i]));
  return widest;
}

/* The runs side by side: each one's colour and name, then every figure
 * known for at least one of them, numbers to the right. Returns the
 * height used. */
static double
draw_comparison (cairo_t              *cr,
                 const LlChartOptions *options,
                 const LlReportInfo   *info,
                 double                x,
                 double                y,
                 double                width,
                 double                font_size)
{
  guint n_runs = info->n_runs;
  g_autofree char **cells = g_new0 (char *, n_runs * LL_N_COMPARISON_FIGURES);
  int columns[1 + LL_N_COMPARISON_FIGURES];   /* -1: the run's name, else the figure */
  double widths[1 + LL_N_COMPARISON_FIGURES];
  guint n_columns = 0;
  double size = font_size * 0.9;
  double gap, swatch, line, header_height = 0, y0 = y;
  g_autoptr(PangoLayout) head = NULL;
  g_autoptr(PangoLayout) cell = NULL;
  int w, h;

  for (guint r = 0; r < n_runs; r++)
    for (guint f = 0; f < LL_N_COMPARISON_FIGURES; f++)
      cells[r * LL_N_COMPARISON_FIGURES + f] = ll_comparison_format_figure (&info->runs[r].figures, f, info->units);

  columns[n_columns++] = -1;
  for (guint f = 0; f < LL_N_COMPARISON_FIGURES; f++)
    for (guint r = 0; r < n_runs; r++)
      if (g_strcmp0 (cells[r * LL_N_COMPARISON_FIGURES + f], "—") != 0)
        {
          columns[n_columns++] = (int) f;
          break;
        }

  /* Each column as wide as its widest cell or title word; a table wider
   * than the page is set smaller. */
  for (guint pass = 0; pass < 2; pass++)
    {
      double total;

      g_clear_object (&head);
      g_clear_object (&cell);
      head = make_layout (cr, options, size, PANGO_WEIGHT_BOLD);
      cell = make_layout (cr, options, size, PANGO_WEIGHT_NORMAL);
      gap = size * 1.2;
      swatch = size * 0.8;

      total = gap * (n_columns - 1);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *title = columns[c] < 0 ? _("Run") : ll_comparison_figure_title (columns[c]);

          widths[c] = widest_word (head, title);
          for (guint r = 0; r < n_runs; r++)
            {
              const char *text = columns[c] < 0 ? info->runs[r].name
                                                : cells[r * LL_N_COMPARISON_FIGURES + columns[c]];
              double extra = columns[c] < 0 ? 3 * swatch + size * 0.5 : 0;

              widths[c] = MAX (widths[c], text_width (cell, text) + extra);
            }
          total += widths[c];
        }
      if (total <= width)
        break;
      size *= width / total * 0.98;
    }

  set_color (cr, &options->palette.foreground, 1.0);
  {
    g_autoptr(PangoLayout) heading = make_layout (cr, options, font_size * 1.1, PANGO_WEIGHT_BOLD);

    pango_layout_set_text (heading, _("Runs Compared"), -1);
    cairo_move_to (cr, x, y);
    pango_cairo_show_layout (cr, heading);
    pango_layout_get_pixel_size (heading, &w, &h);
    y += h + font_size * 0.5;
  }

  /* Titles, wrapped within their column, on a common baseline at the top. */
  pango_layout_set_wrap (head, PANGO_WRAP_WORD);
  {
    double cx = x;

    for (guint c = 0; c < n_columns; c++)
      {
        const char *title = columns[c] < 0 ? _("Run") : ll_comparison_figure_title (columns[c]);

        pango_layout_set_width (head, (int) ceil (widths[c] * PANGO_SCALE) + PANGO_SCALE);
        pango_layout_set_alignment (head, columns[c] < 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
        pango_layout_set_text (head, title, -1);
        pango_layout_get_pixel_size (head, &w, &h);
        header_height = MAX (header_height, h);
        set_color (cr, &options->palette.foreground, 0.7);
        cairo_move_to (cr, cx, y);
        pango_cairo_show_layout (cr, head);
        cx += widths[c] + gap;
      }
  }
  y += header_height + size * 0.3;
  set_color (cr, &options->palette.foreground, 0.25);
  cairo_rectangle (cr, x, y, width, MAX (0.5, size * 0.06));
  cairo_fill (cr);
  y += size * 0.3;

  line = size * 1.5;
  for (guint r = 0; r < n_runs; r++)
    {
      const LlReportRun *run = &info->runs[r];
      double cx = x;

      for (guint c = 0; c < n_columns; c++)
        {
          if (columns[c] < 0)
            {
              /* The run's colour, dash and mark, as the charts' legends. */
              ll_chart_draw_run_swatch (cr, &options->palette, run->style,
                                        cx, y + (line - swatch) / 2 - size * 0.1, 3 * swatch, swatch);
              set_color (cr, &options->palette.foreground, 1.0);
              pango_layout_set_text (cell, run->name, -1);
              cairo_move_to (cr, cx + 3 * swatch + size * 0.5, y);
            }
          else
            {
              pango_layout_set_text (cell, cells[r * LL_N_COMPARISON_FIGURES + columns[c]], -1);
              pango_layout_get_pixel_size (cell, &w, &h);
              cairo_move_to (cr, cx + widths[c] - w, y);
            }
          pango_cairo_show_layout (cr, cell);
          cx += widths[c] + gap;
        }
      y += line;
    }

  for (guint i = 0; i < n_runs * LL_N_COMPARISON_FIGURES; i++)
    g_free (cells[i]);
  return y - y0;
}

void
ll_report_draw (cairo_t              *cr,
                const LlChartData    *data,
                const LlChartOptions *options,
                const LlReportInfo   *info,
                double                width,
                double                height,
                cairo_rectangle_t    *chart_areas)
{
  LlChartOptions chart_options;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  double unit = width / LL_REPORT_WIDTH;  /* everything scales with the page */
  double margin = 36 * unit;
  double font_size = 8.5 * unit;
  double inner = width - 2 * margin;
  double y = margin;
  double table_height, chart_gap, chart_width, chart_height;
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
  if (info != NULL && info->n_runs > 1)
    {
      y += draw_comparison (cr, options, info, margin, y, inner, font_size) + 12 * unit;
      /* The table names each run beside its swatch: the charts need not. */
      chart_options.runs_named_apart = data->n_series > 1;
    }

  chart_options.font_size = options->font_size > 0 ? options->font_size * unit : 7.5 * unit;

  /* The four charts two by two: each wide enough for its legend, tall
   * enough to read. */
  if (chart_areas != NULL)
    memset (chart_areas, 0, LL_N_CHARTS * sizeof *chart_areas);
  chart_gap = 12 * unit;
  chart_width = (inner - chart_gap) / 2;
  chart_height = (height - margin - y - chart_gap) / 2;
  for (guint k = 0; k < LL_N_CHARTS && chart_height > 20; k++)
    {
      double cx = margin + (k % 2) * (chart_width + chart_gap);
      double cy = y + (k / 2) * (chart_height + chart_gap);

      cairo_save (cr);
      cairo_translate (cr, cx, cy);
      cairo_rectangle (cr, 0, 0, chart_width, chart_height);
      cairo_clip (cr);
      ll_chart_draw (cr, k, data, &chart_options, chart_width, chart_height);
      cairo_restore (cr);
      if (chart_areas != NULL)
        chart_areas[k] = (cairo_rectangle_t) { cx, cy, chart_width, chart_height };
    }

  cairo_restore (cr);
}
