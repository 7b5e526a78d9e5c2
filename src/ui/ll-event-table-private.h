/* ll-event-table-private.h — what the reallocations table's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-column-sort.h"
#include "ll-event-table.h"
#include "ll-table-cell.h"

G_BEGIN_DECLS

typedef LlEventColumn Column;

#define COL_NUMBER    LL_EVENT_COLUMN_NUMBER
#define COL_LENGTH    LL_EVENT_COLUMN_LENGTH
#define COL_LOOP      LL_EVENT_COLUMN_LOOP
#define COL_CAPACITY  LL_EVENT_COLUMN_CAPACITY
#define COL_BYTES     LL_EVENT_COLUMN_BYTES
#define COL_SIZE      LL_EVENT_COLUMN_SIZE
#define COL_ADDED     LL_EVENT_COLUMN_ADDED
#define COL_BLOCK     LL_EVENT_COLUMN_BLOCK
#define COL_COPIED    LL_EVENT_COLUMN_COPIED
#define COL_TIME      LL_EVENT_COLUMN_TIME
#define COL_AVAILABLE LL_EVENT_COLUMN_AVAILABLE
#define N_COLUMNS     LL_N_EVENT_COLUMNS

typedef struct
{
  const char *title;     /* NULL: the table names it (the size's unit) */
  LlEventKey  key;       /* what a click on its header sorts by */
  gboolean    numeric;   /* aligned right */
} ColumnInfo;

/* What each column shows, left to right. */
extern const ColumnInfo ll_event_table_columns[N_COLUMNS];

typedef struct
{
  LlEventTable *table;
  Column        column;
  guint         n_chars;   /* the longest text the column showed yet */
} CellContext;

struct _LlEventTable
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkLabel           *count_label;
  GtkWidget          *copy_button;
  GtkColumnView      *view;
  GtkMultiSelection  *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];
  CellContext         contexts[N_COLUMNS];
  LlEventList        *list;
  LlUnits             units;
  guint64             start_length;
  guint64             loop_start;
  guint               n_rows;
  guint64             n_events;   /* the run's reallocations, the last one's number */
  gboolean            timed;      /* ll_history_counters_timed () */

  GHashTable         *bound;      /* GtkListItem → its CellContext: the cells shown */
  LlTableGlyphs      *glyphs;     /* the cells' characters, shaped once */
  int                 char_width;  /* in Pango units: see ll_event_table_read_font_metrics () */
  int                 line_height;

  LlEvent             selected;         /* the mark: see choose_marked () */
  guint64             selected_number;
  gboolean            has_selected;
  GArray             *followed;         /* guint64: the selected rows' numbers */
  gboolean            all_selected;

  LlColumnSort       *sort;       /* the headers' choice; the list sorts */

  guint               scroll_tick_id;   /* a row to scroll to once laid out */
  guint64             scroll_to;        /* its number: rows move as the run grows */
  gboolean            scroll_pending;   /* … once shown */
};

/* ll-event-table-cells.c: the cells, made only for the rows in view */
void                ll_event_table_cells_class_init  (void);
/* The factory of @context's column: its cells, bound and unbound. */
GtkListItemFactory *ll_event_table_cell_factory_new  (CellContext  *context);
char               *ll_event_table_format_cell       (LlEventTable *self,
                                                      LlEventRow   *row,
                                                      Column        column);
/* Every cell shown, again (their units or loop numbers changed). */
void                ll_event_table_show_all_cells    (LlEventTable *self);
/* The font may have changed: the cells take its size. */
void                ll_event_table_read_font_metrics (LlEventTable *self);
/* The run's first and last reallocations widen the columns at once. */
void                ll_event_table_widen_for_ends    (LlEventTable *self);

G_END_DECLS
