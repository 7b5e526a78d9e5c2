/* ll-export-bar.h — a long export's progress under the header bar, with Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-export-job.h"

G_BEGIN_DECLS

#define LL_TYPE_EXPORT_BAR (ll_export_bar_get_type ())

G_DECLARE_FINAL_TYPE (LlExportBar, ll_export_bar, LL, EXPORT_BAR, GtkWidget)

GtkWidget  *ll_export_bar_new          (void);
/* Follows @job's progress on the frame clock until ll_export_bar_stop ().
 * The bar slides in only if the export lasts more than a moment. Its
 * Cancel button activates "export.cancel". */
void        ll_export_bar_start        (LlExportBar *self,
                                        LlExportJob *job,
                                        const char  *title);
void        ll_export_bar_stop         (LlExportBar *self);
/* What the bar shows now, for tests. */
gboolean    ll_export_bar_get_active   (LlExportBar *self);
double      ll_export_bar_get_fraction (LlExportBar *self);
const char *ll_export_bar_get_text     (LlExportBar *self);

G_END_DECLS
