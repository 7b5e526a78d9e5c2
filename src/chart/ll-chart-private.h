/* ll-chart-private.h — the chart's geometry, shared by drawing, picking and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "ll-axis.h"
#include "ll-chart.h"
#include "ll-plot.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} LlRect;

/* Where everything goes in a chart of a given size, in user units. The
 * plot rectangle has whole-unit edges; data maps into it through @x and
 * @y (y grows downwards, as in cairo). */
typedef struct
{
  LlChartKind kind;
  double      width, height;
  double      line_height;      /* of one line of label text */
  double      pad;              /* outer margin */
  LlRect      plot;
  double      title_y;          /* top of the chart title (draw_title) */
  double      header_y;         /* top of the y title and legend row */
  double      legend_y;         /* top of the legend (== header_y on one row) */
  double      legend_x;         /* left edge of the legend */
  double      x_labels_y;       /* top of the x tick labels */
  double      x_title_y;        /* top of the x axis title */
  gboolean    empty;            /* nothing to plot: hint instead of series */
  LlAxis      x_axis;
  LlAxis      y_axis;
  LlScale     x;
  LlScale     y;
  char        x_title[96];
  char        y_title[96];
} LlChartLayout;

/* Computes the layout with text measured in @context (a context of the
 * default cairo font map with the chart's fixed metrics; NULL: one is
 * made for the call). Drawing and picking use the same layout. */
void          ll_chart_layout_compute      (LlChartLayout        *layout,
                                            PangoContext         *context,
                                            LlChartKind           kind,
                                            const LlChartData    *data,
                                            const LlChartOptions *options,
                                            double                width,
                                            double                height);

PangoContext *ll_chart_create_pango_context (void);

G_END_DECLS
