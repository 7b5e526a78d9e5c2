/* ll-export-controller-private.h — what the export controller's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-export-controller.h"

G_BEGIN_DECLS

struct _LlExportController
{
  GObject               parent_instance;

  LlWindow             *window;        /* weak */
  LlExportBar          *bar;           /* weak */
  GSimpleActionGroup   *actions;
  GSettings            *settings;

  LlExportFormat        chart_format;
  LlExportFormat        report_format;

  GCancellable         *cancellable;   /* every export; cancelled on shutdown */
  GPtrArray            *running;       /* LlExportJob: workers not yet returned */
  LlExportJob          *contents_job;  /* the one the bar follows */
  GCancellable         *contents_cancellable;
  gulong                run_finished_id;
  GtkNativeDialog      *chooser;

  LlExportProgressHook  hook;
  gpointer              hook_data;
};

/* The folder a chooser opens in: the last one written to, else Documents,
 * else home; and remembering it. */
GFile *ll_export_controller_get_default_folder (LlExportController *self);
void   ll_export_controller_set_last_folder    (LlExportController *self,
                                                const char         *folder);

/* export.bundle (ll-export-controller-bundle.c). */
gboolean     ll_export_controller_get_light         (LlExportController   *self);
void         ll_export_controller_set_light         (LlExportController   *self,
                                                     gboolean              light);
/* The export size last chosen for @chart, or for all four (LL_N_CHARTS). */
void         ll_export_controller_get_size          (LlExportController   *self,
                                                     LlChartKind           chart,
                                                     int                  *width,
                                                     int                  *height);
void         ll_export_controller_set_size          (LlExportController   *self,
                                                     LlChartKind           chart,
                                                     int                   width,
                                                     int                   height);
LlChartView *ll_export_controller_get_chart_view    (LlExportController   *self,
                                                     LlChartKind           kind);
LlChartKind  ll_export_controller_get_visible_chart (LlExportController   *self);
/* What the export needs of the window's run, copied now. */
LlExportJob *ll_export_controller_snapshot          (LlExportController   *self,
                                                     LlExportKind          kind,
                                                     GError              **error);
void         ll_export_controller_open_chooser      (LlExportController   *self,
                                                     LlExportJob          *job);

/* ll-export-controller-image.c: charts, the report, the clipboard */
void ll_export_controller_apply_image_options    (LlExportController         *self,
                                                  LlExportJob                *job,
                                                  const LlExportImageOptions *image);
void ll_export_controller_get_remembered_options (LlExportController         *self,
                                                  LlExportKind                kind,
                                                  LlChartKind                 chart,
                                                  LlExportImageOptions       *image);
void ll_export_controller_chart_action           (GSimpleAction              *action,
                                                  GVariant                   *parameter,
                                                  gpointer                    user_data);
void ll_export_controller_report_action          (GSimpleAction              *action,
                                                  GVariant                   *parameter,
                                                  gpointer                    user_data);
void ll_export_controller_copy_chart_action      (GSimpleAction              *action,
                                                  GVariant                   *parameter,
                                                  gpointer                    user_data);

/* ll-export-controller-bundle.c */
void   ll_export_controller_bundle_action      (GSimpleAction      *action,
                                                GVariant           *parameter,
                                                gpointer            user_data);

G_END_DECLS
