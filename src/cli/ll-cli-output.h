/* ll-cli-output.h — the files listlab-cli writes for a run, through the export library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-cli-options.h"
#include "ll-run.h"

G_BEGIN_DECLS

/* Writes what @options asks of @run: the events (unless @events_written),
 * the samples, the contents and the images, each atomically. A failure is
 * said on standard error and the other files are still written; FALSE when
 * any failed. @contents_ns is how long the contents took (0: none). */
gboolean ll_cli_write_outputs (const LlCliOptions *options,
                               LlRun              *run,
                               gboolean            events_written,
                               guint64            *contents_ns);

G_END_DECLS
