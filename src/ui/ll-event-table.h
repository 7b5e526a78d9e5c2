/* ll-event-table.h — the run's reallocations as a table, the notebook's printout made live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ll-column-sort.h"

#include "ll-event-list.h"
#include "ll-size.h"

G_BEGIN_DECLS

/* The table's columns, left to right. */
typedef enum
{
  LL_EVENT_COLUMN_NUMBER,
  LL_EVENT_COLUMN_LENGTH,
  LL_EVENT_COLUMN_LOOP,       /* shown for a list that started as list(range(n)) */
  LL_EVENT_COLUMN_CAPACITY,
  LL_EVENT_COLUMN_BYTES,
  LL_EVENT_COLUMN_SIZE,       /* the container in MiB (MB) to three decimals */
  LL_EVENT_COLUMN_ADDED,
  LL_EVENT_COLUMN_BLOCK,
  LL_EVENT_COLUMN_COPIED,
  LL_EVENT_COLUMN_TIME,
  LL_EVENT_COLUMN_AVAILABLE,
  LL_N_EVENT_COLUMNS
} LlEventColumn;

#define LL_TYPE_EVENT_TABLE (ll_event_table_get_type ())

G_DECLARE_FINAL_TYPE (LlEventTable, ll_event_table, LL, EVENT_TABLE, GtkWidget)

GtkWidget   *ll_event_table_new           (void);
LlEventList *ll_event_table_get_list      (LlEventTable        *self);
/* Call after every update of @view (NULL: no run). */
void         ll_event_table_set_view      (LlEventTable        *self,
                                           const LlHistoryView *view);
void         ll_event_table_set_units     (LlEventTable        *self,
                                           LlUnits              units);
/* How many appends came before the loop whose index the "Loop Index"
 * column shows (the notebook appends twice, then loops). */
void         ll_event_table_set_loop_start (LlEventTable       *self,
                                            guint64             appends);
/* Selects only the row that holds reallocation @number and scrolls to
 * it; 0 clears the selection. Several rows can be selected (Ctrl+click,
 * Shift+click, Ctrl+A); the selection follows its reallocations when the
 * rows move. */
void         ll_event_table_select_number (LlEventTable        *self,
                                           guint64              number);
/* Where the marked row is, in @target's coordinates, as the rows are
 * scrolled now (shown or not); FALSE with no row marked or none laid out. */
gboolean     ll_event_table_get_selected_area (LlEventTable    *self,
                                               GtkWidget       *target,
                                               graphene_rect_t *area);
/* The marked row's reallocation (its last one when merged): the row
 * selected last, or the first of those selected; NULL when none is
 * selected. Valid until the selection changes. */
const LlEvent *ll_event_table_get_selected_event (LlEventTable *self);
/* The selected rows as events CSV (header included), in the table's
 * order; NULL when none. */
char        *ll_event_table_copy_csv      (LlEventTable        *self);
GtkColumnView *ll_event_table_get_column_view (LlEventTable    *self);
/* What the cell at @position in @column says. */
char        *ll_event_table_get_text      (LlEventTable        *self,
                                           guint                position,
                                           LlEventColumn        column);

/* What the column headers (or the Sort menu) sort by. */
LlColumnSort *ll_event_table_get_sort (LlEventTable *self);

G_END_DECLS
