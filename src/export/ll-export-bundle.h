/* ll-export-bundle.h — one folder with everything about a run, to hand out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-run.h"

G_BEGIN_DECLS

typedef struct _LlExportBundle LlExportBundle;

/* A snapshot of @run and the @others shown with it (LlRun *, may be
 * NULL), taken on the thread that owns them, for the folder @dir: it must
 * not exist yet. The folder gets events.csv, samples.csv, reproduce.py,
 * each chart as PNG and SVG, report.pdf, comparison.csv (with others),
 * runs.listlab (every run, to open in List Lab) and README.txt: what was
 * run, on which machine, and what each file is. */
LlExportBundle *ll_export_bundle_new   (LlRun          *run,
                                        GPtrArray      *others,
                                        const char     *dir,
                                        LlUnits         units,
                                        GError        **error);
void            ll_export_bundle_free  (LlExportBundle *bundle);
/* Whether a bundle can go to @dir: it does not exist, its folder does. */
gboolean        ll_export_bundle_check_dir (const char *dir,
                                            GError    **error);

/* Writes the folder on the calling thread, into a hidden folder beside
 * it that is renamed into place once whole: @dir has every file or is
 * not there. */
gboolean        ll_export_bundle_write (LlExportBundle *bundle,
                                        GCancellable   *cancellable,
                                        GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlExportBundle, ll_export_bundle_free)

G_END_DECLS
