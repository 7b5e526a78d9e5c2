/* ll-export-controller.h — the window's Export menu: what can be exported, where, how
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-export-bar.h"
#include "ll-export-dialog.h"
#include "ll-export-job.h"
#include "ll-window.h"

G_BEGIN_DECLS

#define LL_TYPE_EXPORT_CONTROLLER (ll_export_controller_get_type ())

G_DECLARE_FINAL_TYPE (LlExportController, ll_export_controller, LL, EXPORT_CONTROLLER, GObject)

/* Adds the "export" action group to @window (export.events,
 * export.samples, export.contents, export.chart::NAME, export.report,
 * export.copy-chart, export.cancel) and shows long exports in @bar. */
LlExportController *ll_export_controller_new            (LlWindow                   *window,
                                                         LlExportBar                *bar);
/* Enables what can be exported now; the window calls it whenever its run
 * changes state. */
void                ll_export_controller_update         (LlExportController         *self);
/* Cancels every export and waits (briefly) for the workers to remove their
 * temporary files; the window calls it as it goes. */
void                ll_export_controller_shutdown       (LlExportController         *self);

/* What the file chooser calls once a file is chosen: snapshots the run,
 * writes @file off the main thread and reports the outcome in the window
 * (toast, dialog). @options is for charts and the report (NULL: the
 * remembered choices). */
void                ll_export_controller_export_to_file (LlExportController         *self,
                                                         LlExportKind                kind,
                                                         GFile                      *file,
                                                         const LlExportImageOptions *options,
                                                         GAsyncReadyCallback         callback,
                                                         gpointer                    user_data);
gboolean            ll_export_controller_export_finish  (LlExportController         *self,
                                                         GAsyncResult               *result,
                                                         GError                    **error);

/* Writes a bundle of the window's run, and the runs shown with it, to the
 * new folder @dir off the main thread (ll-export-bundle.h); tells how it
 * went in the window. */
void                ll_export_controller_bundle_to      (LlExportController         *self,
                                                         const char                 *dir,
                                                         GAsyncReadyCallback         callback,
                                                         gpointer                    user_data);
gboolean            ll_export_controller_bundle_finish  (LlExportController         *self,
                                                         GAsyncResult               *result,
                                                         GError                    **error);

/* The file name the chooser offers for @kind. */
char               *ll_export_controller_get_default_name (LlExportController       *self,
                                                           LlExportKind              kind,
                                                           const LlExportImageOptions *options);
/* Puts the chart shown in the window on the clipboard as an image. */
gboolean            ll_export_controller_copy_chart     (LlExportController         *self,
                                                         GError                    **error);

/* For tests: called on the worker after each block of a contents export. */
void                ll_export_controller_set_progress_hook (LlExportController      *self,
                                                            LlExportProgressHook     hook,
                                                            gpointer                 user_data);
LlExportBar        *ll_export_controller_get_bar        (LlExportController         *self);
/* The "export" actions, to see what is enabled. */
GActionGroup       *ll_export_controller_get_actions    (LlExportController         *self);

G_END_DECLS
