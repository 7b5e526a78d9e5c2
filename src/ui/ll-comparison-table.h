/* ll-comparison-table.h — the runs side by side: what each cost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ll-column-sort.h"

#include "ll-run.h"
#include "ll-size.h"

G_BEGIN_DECLS

#define LL_TYPE_COMPARISON_TABLE (ll_comparison_table_get_type ())

G_DECLARE_FINAL_TYPE (LlComparisonTable, ll_comparison_table, LL, COMPARISON_TABLE, GtkWidget)

/* A row for each run of @runs (LlRun), from its history's exact counters:
 * reallocations, capacity, slack, mean slack, bytes allocated and copied,
 * the peak, a real run's time, and the longest list of it the memory free
 * now holds. Sortable by any column; Ctrl+C copies it all as CSV. */
GtkWidget *ll_comparison_table_new        (void);
void       ll_comparison_table_set_runs   (LlComparisonTable *self,
                                           GListModel        *runs);
void       ll_comparison_table_set_units  (LlComparisonTable *self,
                                           LlUnits            units);
/* Figures again (a run finished, free memory moved). */
void       ll_comparison_table_refresh    (LlComparisonTable *self);
guint      ll_comparison_table_get_n_rows (LlComparisonTable *self);
/* The rows, in their order, as CSV with its header. */
char      *ll_comparison_table_copy_csv   (LlComparisonTable *self);

/* What the column headers (or the Sort menu) sort by. */
LlColumnSort *ll_comparison_table_get_sort (LlComparisonTable *self);

G_END_DECLS
