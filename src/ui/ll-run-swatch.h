/* ll-run-swatch.h — a run's colour, dash and mark, as the charts draw it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ll-run.h"

G_BEGIN_DECLS

#define LL_TYPE_RUN_SWATCH (ll_run_swatch_get_type ())

G_DECLARE_FINAL_TYPE (LlRunSwatch, ll_run_swatch, LL, RUN_SWATCH, GtkWidget)

/* Beside a run's name: it says nothing to a screen reader that the name
 * does not. */
GtkWidget *ll_run_swatch_new     (LlRun       *run);
void       ll_run_swatch_set_run (LlRunSwatch *self,
                                  LlRun       *run);
LlRun     *ll_run_swatch_get_run (LlRunSwatch *self);

G_END_DECLS
