/* ll-event-list.h — a run's reallocations as a list model, sortable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-history-view.h"

G_BEGIN_DECLS

/* One row: a bucket of the history, that is one reallocation, or several
 * consecutive ones merged when the run outgrew the history's detail.
 *
 * A row stands for its position in the list: when the rows move (a sort,
 * a merge, newest first as the run adds rows) it shows what is at its
 * position now and emits ::changed, as it does when its reallocations
 * grow (the last row, merged). Keep the LlEvent, not the row, to remember
 * a reallocation. */
#define LL_TYPE_EVENT_ROW (ll_event_row_get_type ())

G_DECLARE_FINAL_TYPE (LlEventRow, ll_event_row, LL, EVENT_ROW, GObject)

const LlEventBucket *ll_event_row_get_bucket  (LlEventRow *self);
/* The number of the row's first reallocation, from 1, in the run's order. */
guint64              ll_event_row_get_number  (LlEventRow *self);
/* The length of the list before the first append (list(range(n))). */
guint64              ll_event_row_get_start_length (LlEventRow *self);
gboolean             ll_event_row_is_merged   (LlEventRow *self);

/* What the rows can be sorted by. */
typedef enum
{
  LL_EVENT_KEY_NUMBER,      /* the run's order */
  LL_EVENT_KEY_LENGTH,
  LL_EVENT_KEY_CAPACITY,    /* the new capacity */
  LL_EVENT_KEY_BYTES,       /* the new container size */
  LL_EVENT_KEY_ADDED,
  LL_EVENT_KEY_OUTCOME,     /* grew in place, moved, copied */
  LL_EVENT_KEY_COPIED,
  LL_EVENT_KEY_TIME,
  LL_EVENT_KEY_AVAILABLE,
  LL_N_EVENT_KEYS
} LlEventKey;

#define LL_TYPE_EVENT_LIST (ll_event_list_get_type ())

G_DECLARE_FINAL_TYPE (LlEventList, ll_event_list, LL, EVENT_LIST, GObject)

LlEventList *ll_event_list_new          (void);
/* Shows what @view holds now (NULL: nothing). The list reads the view's
 * buckets in place: call this after every update of the view, before the
 * main loop runs again. Rows the run added are appended; when the history
 * merged its buckets the rows move (::rows-moved) and those past the end
 * are removed; another run's history replaces every row.
 *
 * ::rows-moved — rows moved to other positions, with nothing added or
 * removed there: the rows handed out show what is at their position now. */
void         ll_event_list_set_view     (LlEventList         *self,
                                         const LlHistoryView *view);
/* Sorts by @key. Sorting a long run happens on a worker thread; the rows
 * move when it is done (::rows-moved; a sort asked for meanwhile wins). While the run
 * adds rows, they are sorted in again at most once a second. */
void         ll_event_list_sort         (LlEventList         *self,
                                         LlEventKey           key,
                                         gboolean             descending);
LlEventKey   ll_event_list_get_sort_key (LlEventList         *self,
                                         gboolean            *descending);
/* TRUE while a sort runs on the worker thread. */
gboolean     ll_event_list_is_sorting   (LlEventList         *self);
/* The number of the first reallocation in the row at @position (from 1);
 * 0 when there is no such row. */
guint64      ll_event_list_get_number   (LlEventList         *self,
                                         guint                position);
/* The position of the row that holds reallocation @number (from 1);
 * G_MAXUINT when there is none. */
guint        ll_event_list_find_number  (LlEventList         *self,
                                         guint64              number);
/* The row's reallocations as events CSV rows (first and last of a merged
 * row), without the header, each ending in a newline. */
char        *ll_event_list_format_csv   (LlEventList         *self,
                                         const guint         *positions,
                                         guint                n_positions);

G_END_DECLS
