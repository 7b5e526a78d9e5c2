/* ll-report.h — the one-page report: settings, results and every chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-chart.h"

G_BEGIN_DECLS

typedef struct
{
  const char *title;         /* NULL: "List Lab report" */
  const char *stop_message;  /* may be NULL */
  GPtrArray  *settings_rows; /* LlSummaryRow *, may be NULL */
  GPtrArray  *result_rows;   /* LlSummaryRow *, may be NULL */
} LlReportInfo;

/* A4 portrait, in PDF points; PNG reports default to the same at 2×. */
#define LL_REPORT_WIDTH  595.0
#define LL_REPORT_HEIGHT 842.0

/* Draws the report into the @width × @height rectangle at the origin. */
void     ll_report_draw              (cairo_t              *cr,
                                      const LlChartData    *data,
                                      const LlChartOptions *options,
                                      const LlReportInfo   *info,
                                      double                width,
                                      double                height);

G_END_DECLS
