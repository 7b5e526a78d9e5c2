/* ll-run-set.h — the runs kept for comparing: the current one, earlier ones, simulations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-run.h"

G_BEGIN_DECLS

#define LL_TYPE_RUN_SET (ll_run_set_get_type ())

G_DECLARE_FINAL_TYPE (LlRunSet, ll_run_set, LL, RUN_SET, GObject)

/* Newest first. Each run added gets the next style (its colour, dash and
 * marker); "changed" is emitted when a run comes, goes, or is shown or
 * hidden. Earlier real runs keep their history after their list is freed. */
LlRunSet   *ll_run_set_new        (void);
/* The runs (LlRun), to read: they come and go through the run set, which
 * says so ("changed") and keeps their colours and numbers. */
GListModel *ll_run_set_get_model  (LlRunSet          *self);
void        ll_run_set_add        (LlRunSet          *self,
                                   LlRun             *run);
/* Takes @run out; returns where it stood (G_MAXUINT when not here). */
guint       ll_run_set_remove     (LlRunSet          *self,
                                   LlRun             *run);
/* Puts a run removed back where it stood (@position, or last when fewer
 * are left), as it was: its colour and number, unless another run took
 * them meanwhile. Runs removed one after another go back in the reverse
 * order. */
void        ll_run_set_put_back   (LlRunSet          *self,
                                   LlRun             *run,
                                   guint              position);
/* Removes every run but @keep (may be NULL). */
void        ll_run_set_clear      (LlRunSet          *self,
                                   LlRun             *keep);
/* Simulates @config under each of the @n_kinds policies (their default
 * parameters; @config's own for its own policy) on a worker thread, and
 * adds the runs once done, in that order. The window never waits: a
 * fixed +4 to 10 GB takes its second or two there. */
void        ll_run_set_compare    (LlRunSet          *self,
                                   const LlRunConfig *config,
                                   const LlPolicyKind *kinds,
                                   guint              n_kinds);
/* Runs @config's experiment in the real interpreter (@python, or NULL
 * for the python3 on the PATH) on a worker thread, and adds its run once
 * done; then "verified" is emitted with the run and the verdict ("127 of
 * 127 reallocations identical", or where they first differ) and whether
 * all were identical. Fails at once, saying why, when the interpreter
 * cannot be used (not there, a policy not CPython's, elements not Python
 * objects). Cancelled with the comparisons; the interpreter is killed. */
gboolean    ll_run_set_verify     (LlRunSet          *self,
                                   const LlRunConfig *config,
                                   const char        *python,
                                   GError           **error);
/* How far the comparisons (and the interpreter) being computed came, 0…1
 * (each run counts the same); < 0 when none is. */
double      ll_run_set_get_progress (LlRunSet        *self);
/* TRUE while an interpreter runs (ll_run_set_verify ()). */
gboolean    ll_run_set_is_verifying (LlRunSet        *self);
/* TRUE while simulations are computed. */
gboolean    ll_run_set_is_busy    (LlRunSet          *self);
/* Stops the simulations in flight: nothing more is added. */
void        ll_run_set_cancel     (LlRunSet          *self);

G_END_DECLS
