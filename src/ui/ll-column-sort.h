/* ll-column-sort.h — what a table's column headers sort by, as state and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The "column" of a table in its own order (no header chosen). */
#define LL_COLUMN_SORT_NONE G_MAXUINT

#define LL_TYPE_COLUMN_SORT (ll_column_sort_get_type ())

G_DECLARE_FINAL_TYPE (LlColumnSort, ll_column_sort, LL, COLUMN_SORT, GObject)

/* Follows @view's sorter. Its properties "column" (guint: the id of the
 * column sorted by, or LL_COLUMN_SORT_NONE) and "descending" say what the
 * headers chose, and setting them sorts as a click on a header does;
 * ::changed follows a change of either, once. With no header chosen the
 * column is @unsorted: the id of the column in whose order the table's own
 * is (the reallocations' number), or LL_COLUMN_SORT_NONE. */
LlColumnSort *ll_column_sort_new         (GtkColumnView *view,
                                          guint          unsorted);
/* Makes @column sortable under @id (columns may share one: the first
 * visible is sorted by); @compare orders the rows, NULL when the table
 * sorts them itself on ::changed. */
void          ll_column_sort_add_column  (LlColumnSort        *self,
                                          GtkColumnViewColumn *column,
                                          guint                id,
                                          GtkSorter           *compare);
guint         ll_column_sort_get_column  (LlColumnSort        *self,
                                          gboolean            *descending);
/* "column" (a "u" target: an id) and "descending", for a table to insert
 * as "sort" and its Sort menu to use. */
GActionGroup *ll_column_sort_get_actions (LlColumnSort        *self);
/* A flat button with the sort icon that opens the Sort menu: @choices
 * (items for "sort.column") under "Sort By", then "Descending"; @label is
 * what its tooltip and screen readers say. GTK 4.8's column headers take
 * no keyboard focus: this is how the keyboard sorts. */
GtkWidget    *ll_column_sort_button_new  (GMenuModel          *choices,
                                          const char          *label);

G_END_DECLS
