/* ll-run-list.h — the runs kept for comparing, in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-run.h"

G_BEGIN_DECLS

#define LL_TYPE_RUN_LIST (ll_run_list_get_type ())

G_DECLARE_FINAL_TYPE (LlRunList, ll_run_list, LL, RUN_LIST, AdwPreferencesGroup)

/* A row for each run of @runs (LlRun): its colour on the charts, its name,
 * whether it is real or simulated, a check to show it, a button to remove
 * it (all but @current). The header offers "Compare With" (win.compare,
 * a policy's name or "all") and win.clear-runs. */
GtkWidget *ll_run_list_new      (void);
void       ll_run_list_set_runs (LlRunList  *self,
                                 GListModel *runs,
                                 LlRun      *current);
/* Comparisons being computed: how far they came, 0…1 (a row with a
 * progress bar and win.cancel-compare); < 0 hides it. */
void       ll_run_list_set_progress (LlRunList *self,
                                     double     fraction);
double     ll_run_list_get_progress (LlRunList *self);

G_END_DECLS
