/* ll-export-image.h — a chart or the report as a PNG, SVG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-chart.h"
#include "ll-output.h"
#include "ll-report.h"

G_BEGIN_DECLS

typedef enum
{
  LL_EXPORT_PNG,
  LL_EXPORT_SVG,
  LL_EXPORT_PDF,
} LlExportFormat;

/* What an export draws: one chart (an LlChartKind), the report (every
 * chart, the summary and the run's settings), or every chart on one image. */
#define LL_EXPORT_REPORT     LL_N_CHARTS
#define LL_EXPORT_ALL_CHARTS (LL_N_CHARTS + 1)

/* "png", "svg", "pdf" from a file name's extension, case-insensitive. */
gboolean ll_export_format_from_path  (const char           *path,
                                      LlExportFormat       *format);

/* Renders @what (an LlChartKind, LL_EXPORT_REPORT or LL_EXPORT_ALL_CHARTS) at @width × @height
 * (pixels for PNG, points for SVG and PDF) into @output, left for the
 * caller to commit (or abort). */
gboolean ll_export_image_write       (LlOutput             *output,
                                      LlExportFormat        format,
                                      guint                 what,
                                      double                width,
                                      double                height,
                                      const LlChartData    *data,
                                      const LlChartOptions *options,
                                      const LlReportInfo   *info,
                                      GError              **error);

/* Renders into a new image surface (for the clipboard and previews). */
cairo_surface_t *ll_export_render_surface (guint                 what,
                                           int                   width,
                                           int                   height,
                                           const LlChartData    *data,
                                           const LlChartOptions *options,
                                           const LlReportInfo   *info);

G_END_DECLS
