/* ll-run-row.h — a run in the run list: shown or not, its swatch, name and
 * state, renamed or removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-run.h"

G_BEGIN_DECLS

#define LL_TYPE_RUN_ROW (ll_run_row_get_type ())

G_DECLARE_FINAL_TYPE (LlRunRow, ll_run_row, LL, RUN_ROW, AdwPreferencesRow)

/* Looks as an AdwActionRow with the same title, subtitle, prefixes and
 * suffixes does; activating the row shows or hides the run on the charts.
 * @removable: whether it has a button to remove the run ("win.remove-run"
 * with its id). */
GtkWidget  *ll_run_row_new          (LlRun    *run,
                                     gboolean  removable);
LlRun      *ll_run_row_get_run      (LlRunRow *self);
const char *ll_run_row_get_subtitle (LlRunRow *self);

G_END_DECLS
