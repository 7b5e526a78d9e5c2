/* ll-cli-signals.h — Ctrl+C, SIGTERM and SIGHUP at any moment, and signs of life
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-cli-files.h"
#include "ll-run.h"

G_BEGIN_DECLS

/* Exit statuses of a command ended by a signal: 128 + its number, as
 * shells report it (130 for Ctrl+C, 143 for SIGTERM, 129 for SIGHUP). */
#define LL_CLI_EXIT_SIGNAL(signum) (128 + (signum))

/* Takes SIGINT, SIGTERM and SIGHUP from the process's threads and answers
 * them from one of its own, whatever the main thread is doing: call first,
 * before any thread exists. Writes to closed pipes and files past the size
 * limit become errors instead of signals. */
void ll_cli_signals_init         (void);
void ll_cli_signals_shutdown     (void);

/* While @run grows a real list, Ctrl+C stops it (and the files are then
 * written from what it reached, as a run that ended); NULL once it ended.
 * Any other signal, or a second Ctrl+C, and every signal outside of that,
 * ends the command at once: no file of @files is put in place, no
 * temporary file stays, what became of them is said, and the exit status
 * is LL_CLI_EXIT_SIGNAL (). */
void ll_cli_signals_set_run      (LlRun      *run);
void ll_cli_signals_set_files    (LlCliFiles *files);

/* Work long enough to wonder about shows how far it came on standard
 * error (a terminal only), after a second: @what, and @run's fraction when
 * there is a run. @what NULL stops it and clears the line. */
void ll_cli_signals_set_progress (LlRun      *run,
                                  const char *what);
/* The same with the fraction from @fraction (@data), called from the
 * signals' thread. */
void ll_cli_signals_set_progress_func (double    (*fraction) (gpointer data),
                                       gpointer    data,
                                       const char *what);

G_END_DECLS
