/* event-table-test-util.c — the reallocations table in a window, over a
 * history the test fills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "event-table-test-util.h"
#include "ui-test-util.h"

void
show_history (Fixture *f)
{
  ll_history_view_update (f->view, f->history);
  ll_event_table_set_view (f->table, f->view);
  /* The table lays out what it shows, as between frames. */
  wait_ms (30);
}

void
fixture_set_up (Fixture *f,
                guint    max_buckets)
{
  f->history = ll_history_new (max_buckets);
  f->view = ll_history_view_new ();
  f->pushed = 0;
  f->table = LL_EVENT_TABLE (ll_event_table_new ());
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 600);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->table));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_ms (100);
}

void
fixture_tear_down (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  wait_ms (10);
  ll_history_view_free (f->view);
  ll_history_unref (f->history);
}
