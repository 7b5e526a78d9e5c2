/* ll-export-result.h — how an export ended, said in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-export-job.h"
#include "ll-window.h"

G_BEGIN_DECLS

/* A toast for a file saved (with a button to its folder) or an export
 * cancelled; for the list's contents, what they take in memory and on
 * disk; a dialog that names the file and the reason for a failure. */
void ll_export_result_show (LlWindow     *window,
                            LlExportJob  *job,
                            const GError *error,
                            LlUnits       units);

G_END_DECLS
