/* event-table-test-util.h — the reallocations table in a window, over a
 * history the test fills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-event-table.h"

typedef struct
{
  GtkWidget     *window;
  LlEventTable  *table;
  LlHistory     *history;
  LlHistoryView *view;
  guint64        pushed;
} Fixture;

/* A history of at most @max_buckets rows, empty, shown in a table in a
 * window of its own. */
void fixture_set_up    (Fixture *f,
                        guint    max_buckets);
void fixture_tear_down (Fixture *f);
/* The table shows the history as it is now. */
void show_history      (Fixture *f);
