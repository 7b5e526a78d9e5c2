/* ll-cli-output.h — the files listlab-cli writes for a run, through the export library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-cli-files.h"
#include "ll-cli-options.h"
#include "ll-run.h"

G_BEGIN_DECLS

/* Writes what @options asks of @run into @files: the events (unless
 * @events_written), the samples, the contents and the images, none put in
 * place yet. The first failure is said on standard error; FALSE then.
 * @contents_ns is how long the contents took (0: none). */
gboolean ll_cli_write_outputs (LlCliFiles         *files,
                               const LlCliOptions *options,
                               LlRun              *run,
                               gboolean            events_written,
                               guint64            *contents_ns);
/* A simulation allocates nothing: the time or memory chart alone of
 * @simulated runs says only that, and standard error says so too. */
void     ll_cli_note_chart_without_data (const LlCliOptions *options,
                                         gboolean            simulated);
/* Sets in @chart_options what @options asks of the images: the style,
 * the units, the log axes and the length range; and a title, for an
 * image stands alone. */
void     ll_cli_apply_chart_options (const LlCliOptions *options,
                                     LlChartOptions     *chart_options);
/* Puts @files in place when every one was @written, or says on standard
 * error that none was (or which were, if putting one in place failed).
 * TRUE when all are in place. */
gboolean ll_cli_finish_files  (LlCliFiles         *files,
                               gboolean            written);

G_END_DECLS
