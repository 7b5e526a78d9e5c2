/* ll-report.h — the one-page report: settings, results and every chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-chart.h"
#include "ll-comparison.h"

G_BEGIN_DECLS

/* A run of the comparison: its name, its colour among the runs drawn
 * (LlChartSeries.style) and its figures. */
typedef struct
{
  const char   *name;
  guint         style;
  LlComparison  figures;
} LlReportRun;

typedef struct
{
  const char *title;         /* NULL: "List Lab report" */
  const char *stop_message;  /* may be NULL */
  GPtrArray  *settings_rows; /* LlSummaryRow *, may be NULL */
  GPtrArray  *result_rows;   /* LlSummaryRow *, may be NULL */
  /* With two runs or more, a table compares them above the charts. */
  const LlReportRun *runs;
  guint              n_runs;
  LlUnits            units;
} LlReportInfo;

/* A4 portrait, in PDF points; PNG reports default to the same at 2×. */
#define LL_REPORT_WIDTH  595.0
#define LL_REPORT_HEIGHT 842.0

/* Draws the report into the @width × @height rectangle at the origin;
 * where each chart went in @chart_areas (LL_N_CHARTS of them) if not NULL. */
void     ll_report_draw              (cairo_t              *cr,
                                      const LlChartData    *data,
                                      const LlChartOptions *options,
                                      const LlReportInfo   *info,
                                      double                width,
                                      double                height,
                                      cairo_rectangle_t    *chart_areas);

G_END_DECLS
