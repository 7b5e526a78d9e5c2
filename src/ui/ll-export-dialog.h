/* ll-export-dialog.h — how a chart or the report is exported: format, size, style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-export-job.h"
#include "ll-export-size.h"

G_BEGIN_DECLS

typedef struct
{
  LlExportKind   kind;    /* LL_EXPORT_KIND_CHART or LL_EXPORT_KIND_REPORT */
  LlChartKind    chart;   /* LL_N_CHARTS: all of them on one image */
  LlExportFormat format;
  int            width;   /* 0 × 0: as on screen (charts), the A4 page (report) */
  int            height;
  gboolean       light;   /* the light style whatever the screen shows */
} LlExportImageOptions;

/* What the export layer draws for @chart as the options name it (an
 * LlChartKind, or LL_EXPORT_ALL_CHARTS for LL_N_CHARTS). */
static inline guint
ll_export_image_chart_what (guint chart)
{
  return chart >= LL_N_CHARTS ? LL_EXPORT_ALL_CHARTS : chart;
}

/* Renders a preview of what @options would export. */
typedef GdkTexture *(*LlExportPreviewFunc) (const LlExportImageOptions *options,
                                            gpointer                    user_data);

#define LL_TYPE_EXPORT_DIALOG (ll_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LlExportDialog, ll_export_dialog, LL, EXPORT_DIALOG, AdwWindow)

/* @screen_width × @screen_height is the chart's size on screen now. The
 * "export" signal says the person chose; read the choice with
 * ll_export_dialog_get_options () (the dialog closes itself). */
LlExportDialog *ll_export_dialog_new              (GtkWindow                  *parent,
                                                   const LlExportImageOptions *options,
                                                   int                         screen_width,
                                                   int                         screen_height);
/* The size offered first when @chart (LL_N_CHARTS: all four) is chosen:
 * one chart and all four on one image have their own (0 × 0: as on
 * screen). The dialog starts with the one in its options. */
void            ll_export_dialog_set_size         (LlExportDialog             *self,
                                                   guint                       chart,
                                                   int                         width,
                                                   int                         height);
/* What "Same as on Screen" is for @chart (LL_N_CHARTS: all four), when it
 * is not the size given at first. */
void            ll_export_dialog_set_screen_size  (LlExportDialog             *self,
                                                   guint                       chart,
                                                   int                         width,
                                                   int                         height);
void            ll_export_dialog_get_options      (LlExportDialog             *self,
                                                   LlExportImageOptions       *options);
void            ll_export_dialog_set_preview_func (LlExportDialog             *self,
                                                   LlExportPreviewFunc         func,
                                                   gpointer                    user_data,
                                                   GDestroyNotify              destroy);

G_END_DECLS
