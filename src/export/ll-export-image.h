/* ll-export-image.h — a chart or the report as a PNG, SVG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-chart.h"
#include "ll-report.h"

G_BEGIN_DECLS

typedef enum
{
  LL_EXPORT_PNG,
  LL_EXPORT_SVG,
  LL_EXPORT_PDF,
} LlExportFormat;

/* What an export draws: one chart, or the report (all three charts, the
 * summary and the run's settings). */
#define LL_EXPORT_REPORT LL_N_CHARTS

/* "png", "svg", "pdf" from a file name's extension, case-insensitive. */
gboolean ll_export_format_from_path  (const char           *path,
                                      LlExportFormat       *format);

/* Renders @what (an LlChartKind or LL_EXPORT_REPORT) at @width × @height
 * (pixels for PNG, points for SVG and PDF) and writes it to @path
 * atomically ("-" is standard output). */
gboolean ll_export_image             (const char           *path,
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
