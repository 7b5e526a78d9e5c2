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
void   ll_export_controller_bundle_action      (GSimpleAction      *action,
                                                GVariant           *parameter,
                                                gpointer            user_data);

G_END_DECLS
