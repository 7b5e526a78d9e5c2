/* test-event-table.c — the reallocations table while the run grows under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "event-table-test-util.h"
#include "ll-table-cell.h"
#include "ui-test-util.h"

static void
push (Fixture *f,
      guint64  n)
{
  for (guint64 end = f->pushed + n; f->pushed < end; f->pushed++)
    {
      LlEvent e = { 0 };
      guint64 i = f->pushed;

      e.length = 4 * i + 1;
      e.old_capacity = 4 * i;
      e.new_capacity = 4 * i + 4;
      e.old_bytes = 56 + 8 * e.old_capacity;
      e.new_bytes = 56 + 8 * e.new_capacity;
      e.bytes_added = 32;
      e.realloc_ns = (i * 7919) % 1000 + 1;
      e.elapsed_ns = 100 * i;
      e.available_bytes = 8ull << 30;
      ll_history_push_events (f->history, &e, 1);
    }
  show_history (f);
}

/* Connected swapped: the count first. */
static void
count_signal (guint    *count,
              gpointer  instance)
{
  (*count)++;
}

static GtkSelectionModel *
selection (Fixture *f)
{
  return gtk_column_view_get_model (ll_event_table_get_column_view (f->table));
}

/* The rows selected, by the number of their first reallocation. */
static char *
selected_numbers (Fixture *f)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection (f));
  LlEventList *list = ll_event_table_get_list (f->table);
  GString *numbers = g_string_new (NULL);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_string_append_printf (numbers, "%s%" G_GUINT64_FORMAT, numbers->len > 0 ? " " : "",
                            ll_event_list_get_number (list, position));
  return g_string_free (numbers, FALSE);
}

/* Cells shown equal the list's rows, top row first, where the table shows
 * the list's first rows (cells out of view show theirs once in view). */
static void
assert_cells_shown (Fixture *f)
{
  g_autoptr(GPtrArray) cells = find_widgets (GTK_WIDGET (ll_event_table_get_column_view (f->table)),
                                             LL_TYPE_TABLE_CELL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (ll_event_table_get_list (f->table)));
  guint per_row = LL_N_EVENT_COLUMNS - 1;  /* the loop index is hidden */
  guint checked = 0;

  for (guint i = 0; i + per_row <= cells->len && checked < n; i += per_row)
    {
      const char *number = ll_table_cell_get_text (cells->pdata[i]);
      g_autofree char *expected = NULL;

      if (number == NULL || !gtk_widget_get_mapped (cells->pdata[i]))
        continue;  /* a spare row, not bound, or a row out of view */
      expected = ll_event_table_get_text (f->table, checked, LL_EVENT_COLUMN_NUMBER);
      g_assert_cmpstr (number, ==, expected);
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

/* The history merges its buckets under a table that shows them, with rows
 * selected: the rows shown become the merged ones, the rows past the end
 * go, and the selection follows its reallocations. */
static void
test_merge_under_selection (void)
{
  Fixture f;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *csv = NULL;

  fixture_set_up (&f, 8);
  push (&f, 8);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ll_event_table_get_list (f.table))), ==, 8);

  /* Rows 2 to 3, and the last. */
  gtk_selection_model_select_range (selection (&f), 1, 2, TRUE);
  gtk_selection_model_select_item (selection (&f), 7, FALSE);
  before = selected_numbers (&f);
  g_assert_cmpstr (before, ==, "2 3 8");
  g_assert_cmpuint (ll_event_table_get_selected_event (f.table)->length, ==, 4 * 7 + 1);

  /* The ninth merges pairs: [1 2] [3 4] [5 6] [7 8] [9]. */
  push (&f, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ll_event_table_get_list (f.table))), ==, 5);
  after = selected_numbers (&f);
  g_assert_cmpstr (after, ==, "1 3 7");
  assert_cells_shown (&f);
  /* The mark stays with the row that holds the eighth. */
  g_assert_cmpuint (ll_event_table_get_selected_event (f.table)->length, ==, 4 * 7 + 1);
  csv = ll_event_table_copy_csv (f.table);
  {
    g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);

    /* the header, each merged row's first and last, the end */
    g_assert_cmpuint (g_strv_length (lines), ==, 8);
  }

  /* Again and again, sorted or not, the rows newest first too. */
  ll_event_list_sort (ll_event_table_get_list (f.table), LL_EVENT_KEY_TIME, TRUE);
  push (&f, 7);
  ll_event_list_sort (ll_event_table_get_list (f.table), LL_EVENT_KEY_NUMBER, TRUE);
  push (&f, 20);
  g_assert_cmpuint (ll_event_list_get_number (ll_event_table_get_list (f.table), 0), >, 20);
  g_assert_nonnull (ll_event_table_get_selected_event (f.table));
  assert_cells_shown (&f);
  ll_event_list_sort (ll_event_table_get_list (f.table), LL_EVENT_KEY_NUMBER, FALSE);
  wait_ms (30);
  assert_cells_shown (&f);

  fixture_tear_down (&f);
}

/* The same with a history of the default size, sorted on a worker: the
 * table follows the merge of 65,536 rows into 32,768. */
static void
test_merge_sorted_long (void)
{
  Fixture f;
  LlEventList *list;
  gint64 deadline;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fixture_set_up (&f, 0);
  list = ll_event_table_get_list (f.table);
  push (&f, LL_HISTORY_DEFAULT_BUCKETS);
  ll_event_list_sort (list, LL_EVENT_KEY_TIME, TRUE);
  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  while (ll_event_list_is_sorting (list) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ll_event_list_is_sorting (list));
  wait_ms (30);

  gtk_selection_model_select_range (selection (&f), 1, 3, TRUE);
  before = selected_numbers (&f);
  push (&f, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, LL_HISTORY_DEFAULT_BUCKETS / 2 + 1);
  after = selected_numbers (&f);
  g_assert_cmpuint (strlen (after), >, 0);
  g_assert_cmpstr (after, !=, before);
  assert_cells_shown (&f);

  fixture_tear_down (&f);
}

/* Newest first, the rows the run adds come in at the top: the rows shown
 * move down, the selection with them. */
static void
test_newest_first (void)
{
  Fixture f;
  g_autofree char *after = NULL;

  fixture_set_up (&f, 0);
  push (&f, 3000);
  ll_event_list_sort (ll_event_table_get_list (f.table), LL_EVENT_KEY_NUMBER, TRUE);
  ll_event_table_select_number (f.table, 2998);
  gtk_selection_model_select_item (selection (&f), 0, FALSE);     /* the 3,000th */
  gtk_selection_model_select_item (selection (&f), 2000, FALSE);  /* the 1,000th, far below */
  gtk_selection_model_select_item (selection (&f), 2999, FALSE);  /* the first, at the end */
  push (&f, 5);
  after = selected_numbers (&f);
  g_assert_cmpstr (after, ==, "3000 2998 1000 1");
  wait_ms (30);
  assert_cells_shown (&f);

  fixture_tear_down (&f);
}

/* Another run's rows, or none: nothing stays selected, nothing marked. */
static void
test_another_run (void)
{
  Fixture f;
  g_autoptr(LlHistory) other = ll_history_new (0);
  g_autoptr(LlHistoryView) other_view = ll_history_view_new ();
  LlEvent e = { .length = 1, .new_capacity = 8, .new_bytes = 120, .bytes_added = 64 };
  guint selected_signals = 0;

  fixture_set_up (&f, 0);
  push (&f, 10);
  g_signal_connect_swapped (f.table, "event-selected", G_CALLBACK (count_signal), &selected_signals);
  gtk_selection_model_select_range (selection (&f), 2, 3, TRUE);
  g_assert_cmpuint (selected_signals, ==, 1);
  g_assert_nonnull (ll_event_table_get_selected_event (f.table));

  ll_history_push_events (other, &e, 1);
  ll_history_view_update (other_view, other);
  ll_event_table_set_view (f.table, other_view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ll_event_table_get_list (f.table))), ==, 1);
  g_assert_null (ll_event_table_get_selected_event (f.table));
  g_assert_null (ll_event_table_copy_csv (f.table));
  g_assert_cmpuint (selected_signals, ==, 2);

  gtk_selection_model_select_item (selection (&f), 0, TRUE);
  g_assert_nonnull (ll_event_table_get_selected_event (f.table));
  ll_event_table_set_view (f.table, NULL);
  g_assert_null (ll_event_table_get_selected_event (f.table));
  g_assert_cmpuint (selected_signals, ==, 4);

  ll_event_table_set_view (f.table, f.view);
  fixture_tear_down (&f);
}

/* Every row selected, newest first, as the run adds rows: the rows that
 * were selected stay selected where they moved, the new ones are not. */
static void
test_all_newest_first (void)
{
  Fixture f;
  g_autofree char *after = NULL;

  fixture_set_up (&f, 0);
  push (&f, 4);
  ll_event_list_sort (ll_event_table_get_list (f.table), LL_EVENT_KEY_NUMBER, TRUE);
  gtk_selection_model_select_all (selection (&f));
  push (&f, 2);
  after = selected_numbers (&f);
  g_assert_cmpstr (after, ==, "4 3 2 1");
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection (&f));

    g_assert_false (gtk_bitset_contains (selected, 0));  /* the sixth */
    g_assert_true (gtk_bitset_contains (selected, 2));   /* the fourth */
  }

  fixture_tear_down (&f);
}

/* Whether @widget lies, in part at least, in what @viewport shows. */
static gboolean
shown_in (GtkWidget *widget,
          GtkWidget *viewport)
{
  graphene_rect_t bounds;

  GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (widget));  /* the cell's, its row */

  /* GTK keeps rows it does not lay out (the focused row, far away). */
  if (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (row) == 0 ||
      !gtk_widget_compute_bounds (widget, viewport, &bounds))
    return FALSE;
  return bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < gtk_widget_get_height (viewport);
}

/* Every text shown fits its cell; returns the height of a row's cells. */
static int
assert_texts_fit (Fixture *f)
{
  g_autoptr(GPtrArray) cells = find_widgets (GTK_WIDGET (ll_event_table_get_column_view (f->table)),
                                             LL_TYPE_TABLE_CELL);
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (ll_event_table_get_column_view (f->table)),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  guint checked = 0;
  int height = 0;

  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = cells->pdata[i];
      const char *text = ll_table_cell_get_text (LL_TABLE_CELL (cell));
      g_autoptr(PangoLayout) layout = NULL;
      int width, text_height;

      if (text == NULL || *text == '\0' || !shown_in (cell, viewport))
        continue;
      layout = gtk_widget_create_pango_layout (cell, text);
      pango_layout_get_pixel_size (layout, &width, &text_height);
      if (width > gtk_widget_get_width (cell) || text_height > gtk_widget_get_height (cell))
        g_error ("\"%s\" (%d × %d px) is cut in a cell of %d × %d px", text, width, text_height,
                 gtk_widget_get_width (cell), gtk_widget_get_height (cell));
      height = MAX (height, gtk_widget_get_height (cell));
      checked++;
    }
  g_assert_cmpuint (checked, >, 10);
  return height;
}

/* The cells take the width of the widest text their column showed, the
 * rows made before it came too, and the size of the font when it grows. */
static void
test_cells_fit (void)
{
  Fixture f;
  LlEvent wide = {
    .length = G_GUINT64_CONSTANT (123456789012),
    .old_capacity = G_GUINT64_CONSTANT (123456789011),
    .new_capacity = G_GUINT64_CONSTANT (987654321098),
    .old_bytes = G_GUINT64_CONSTANT (987654321098),
    .new_bytes = G_GUINT64_CONSTANT (7901234567840),
    .bytes_added = G_GUINT64_CONSTANT (6913580246742),
    .bytes_copied = G_GUINT64_CONSTANT (987654321098),
    .realloc_ns = G_GUINT64_CONSTANT (98765432109),
    .moved = TRUE,
    .available_bytes = G_GUINT64_CONSTANT (987654321098765),
  };
  g_autoptr(GtkCssProvider) large = gtk_css_provider_new ();
  int small_height, large_height;

  fixture_set_up (&f, 0);
  push (&f, 300);
  wait_ms (200);
  assert_texts_fit (&f);

  /* Far wider numbers in the last row, seen after scrolling to it. */
  ll_history_push_events (f.history, &wide, 1);
  show_history (&f);
  ll_event_list_sort (ll_event_table_get_list (f.table), LL_EVENT_KEY_NUMBER, TRUE);
  wait_ms (50);
  small_height = assert_texts_fit (&f);
  ll_event_list_sort (ll_event_table_get_list (f.table), LL_EVENT_KEY_NUMBER, FALSE);
  wait_ms (50);
  assert_texts_fit (&f);

  /* A larger font: the cells grow with it. */
  gtk_css_provider_load_from_data (large, "eventtable { font-size: 24px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (large),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);
  wait_ms (100);
  large_height = assert_texts_fit (&f);
  g_assert_cmpint (large_height, >, small_height);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (large));

  fixture_tear_down (&f);
}

/* Every row in view shows its reallocation in every cell, and is named
 * so; returns how many rows that is. */
static guint
assert_rows_in_view (Fixture *f)
{
  g_autoptr(GPtrArray) cells = find_widgets (GTK_WIDGET (ll_event_table_get_column_view (f->table)),
                                             LL_TYPE_TABLE_CELL);
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (ll_event_table_get_column_view (f->table)),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GString) digits = g_string_new (NULL);
  guint per_row = LL_N_EVENT_COLUMNS - 1;  /* the loop index is hidden */
  guint rows = 0;

  for (guint i = 0; i + per_row <= cells->len; i += per_row)
    {
      const char *number;
      guint64 position;

      if (!shown_in (cells->pdata[i], viewport))
        continue;
      number = ll_table_cell_get_text (cells->pdata[i]);
      g_assert_nonnull (number);
      /* "1,234" → position 1233 */
      for (const char *p = number; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (digits, *p);
      position = g_ascii_strtoull (digits->str, NULL, 10) - 1;
      g_string_truncate (digits, 0);
      for (guint c = 0, column = 0; c < per_row; c++, column++)
        {
          g_autofree char *expected = NULL;

          if (column == LL_EVENT_COLUMN_LOOP)
            column++;
          expected = ll_event_table_get_text (f->table, (guint) position, column);
          g_assert_cmpstr (ll_table_cell_get_text (cells->pdata[i + c]), ==, expected);
          /* what a screen reader says of it */
          {
            g_autofree char *wrong = gtk_test_accessible_check_property (cells->pdata[i + c],
                                                                         GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                         expected);

            g_assert_null (wrong);
          }
        }
      rows++;
    }
  return rows;
}

/* A jump through the list (the scroll bar dragged) shows the rows it
 * lands on, and rows scrolled into view from there show theirs. */
static void
test_jump (void)
{
  Fixture f;
  GtkAdjustment *adjustment;

  fixture_set_up (&f, 0);
  push (&f, 5000);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (ll_event_table_get_column_view (f.table)));

  for (guint k = 1; k <= 4; k++)
    {
      double page = gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, (gtk_adjustment_get_upper (adjustment) - page) * k / 5);
      wait_ms (50);
      g_assert_cmpuint (assert_rows_in_view (&f), >=, 10);
      /* two pages down, row by row: the rows come into view one by one */
      for (guint step = 0; step < 8; step++)
        {
          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + page / 4);
          wait_ms (20);
          g_assert_cmpuint (assert_rows_in_view (&f), >=, 10);
        }
    }

  fixture_tear_down (&f);
}

/* The Sort menu sorts as the headers do, from the keyboard too, and says
 * what a click on a header chose. */
static void
test_sort_menu (void)
{
  Fixture f;
  LlEventList *list;
  LlColumnSort *sort;
  GtkWidget *button;
  gboolean descending = TRUE;

  fixture_set_up (&f, 0);
  push (&f, 300);
  list = ll_event_table_get_list (f.table);
  sort = ll_event_table_get_sort (f.table);

  button = find_widget (GTK_WIDGET (f.table), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  {
    g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                 "Sort the Rows");

    g_assert_null (wrong);
  }
  /* in the run's order: by number */
  g_assert_cmpuint (ll_column_sort_get_column (sort, &descending), ==, LL_EVENT_KEY_NUMBER);
  g_assert_false (descending);

  /* by time, slowest first: the list sorts, and the menu says so */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.table), "sort.column", "u", LL_EVENT_KEY_TIME));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.table), "sort.descending", NULL));
  while (ll_event_list_is_sorting (list))
    wait_ms (10);
  g_assert_cmpint (ll_event_list_get_sort_key (list, &descending), ==, LL_EVENT_KEY_TIME);
  g_assert_true (descending);
  g_assert_cmpuint (ll_column_sort_get_column (sort, &descending), ==, LL_EVENT_KEY_TIME);
  g_assert_true (descending);
  {
    g_autoptr(GVariant) state = g_action_group_get_action_state (ll_column_sort_get_actions (sort), "column");

    g_assert_cmpuint (g_variant_get_uint32 (state), ==, LL_EVENT_KEY_TIME);
  }

  /* a click on the Block header: the menu follows */
  {
    GtkColumnView *view = ll_event_table_get_column_view (f.table);
    g_autoptr(GtkColumnViewColumn) block = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                  LL_EVENT_COLUMN_BLOCK);

    gtk_column_view_sort_by_column (view, block, GTK_SORT_ASCENDING);
  }
  while (ll_event_list_is_sorting (list))
    wait_ms (10);
  g_assert_cmpint (ll_event_list_get_sort_key (list, &descending), ==, LL_EVENT_KEY_OUTCOME);
  g_assert_cmpuint (ll_column_sort_get_column (sort, &descending), ==, LL_EVENT_KEY_OUTCOME);
  g_assert_false (descending);

  fixture_tear_down (&f);
}

/* A simulation's rows: no time, no free memory, and a block copied only
 * where its runtime copies (where realloc () would have put it is not
 * known); an interpreter's, its free memory; a timed run's rows say them
 * all again. */
static void
test_simulated (void)
{
  Fixture f;
  g_autoptr(LlHistory) simulated = ll_history_new (0);
  g_autoptr(LlHistoryView) simulated_view = ll_history_view_new ();
  LlEvent e[2] = {
    { .length = 1, .new_capacity = 4, .old_bytes = 56, .new_bytes = 88, .bytes_added = 32 },
    { .length = 5, .old_capacity = 4, .new_capacity = 8, .old_bytes = 88, .new_bytes = 120, .bytes_added = 32,
      .bytes_copied = 32 },
  };
  g_autofree char *time = NULL;
  g_autofree char *available = NULL;
  g_autofree char *block = NULL;
  g_autofree char *copied = NULL;

  fixture_set_up (&f, 0);
  ll_history_push_events (simulated, e, G_N_ELEMENTS (e));
  ll_history_view_update (simulated_view, simulated);
  ll_event_table_set_view (f.table, simulated_view);
  wait_ms (30);
  time = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_TIME);
  available = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_AVAILABLE);
  block = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_BLOCK);
  copied = ll_event_table_get_text (f.table, 1, LL_EVENT_COLUMN_BLOCK);
  g_assert_cmpstr (time, ==, "—");
  g_assert_cmpstr (available, ==, "—");
  g_assert_cmpstr (block, ==, "—");
  g_assert_cmpstr (copied, ==, "copied");
  assert_cells_shown (&f);

  /* An interpreter's run: not timed either, but its free memory measured. */
  {
    g_autoptr(LlHistory) interpreter = ll_history_new (0);
    g_autoptr(LlHistoryView) interpreter_view = ll_history_view_new ();
    g_autofree char *free_memory = NULL;
    g_autofree char *untimed = NULL;

    e[0].available_bytes = e[1].available_bytes = 8ull << 30;
    ll_history_push_events (interpreter, e, G_N_ELEMENTS (e));
    ll_history_view_update (interpreter_view, interpreter);
    /* (another run: the table is emptied first, as the window does) */
    ll_event_table_set_view (f.table, NULL);
    ll_event_table_set_view (f.table, interpreter_view);
    free_memory = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_AVAILABLE);
    untimed = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_TIME);
    g_assert_cmpstr (free_memory, ==, "8.00 GiB");
    g_assert_cmpstr (untimed, ==, "—");
  }

  /* A run that was timed, in the same table. */
  push (&f, 3);
  g_clear_pointer (&time, g_free);
  g_clear_pointer (&available, g_free);
  g_clear_pointer (&block, g_free);
  time = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_TIME);
  available = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_AVAILABLE);
  block = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_BLOCK);
  g_assert_cmpstr (time, ==, "1 ns");
  g_assert_cmpstr (available, ==, "8.00 GiB");
  g_assert_cmpstr (block, ==, "grew in place");
  {
    /* The cells on screen say it too, not only the texts asked for. */
    g_autoptr(GPtrArray) cells = find_widgets (GTK_WIDGET (ll_event_table_get_column_view (f.table)),
                                               LL_TYPE_TABLE_CELL);
    gboolean dash = FALSE;

    for (guint i = 0; i < cells->len; i++)
      if (gtk_widget_get_mapped (cells->pdata[i]))
        dash |= g_strcmp0 (ll_table_cell_get_text (cells->pdata[i]), "—") == 0;
    g_assert_false (dash);
  }

  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init_accessible (&argc, &argv);

  g_test_add_func ("/ui/event-table/merge-under-selection", test_merge_under_selection);
  g_test_add_func ("/ui/event-table/merge-sorted-long", test_merge_sorted_long);
  g_test_add_func ("/ui/event-table/newest-first", test_newest_first);
  g_test_add_func ("/ui/event-table/all-newest-first", test_all_newest_first);
  g_test_add_func ("/ui/event-table/another-run", test_another_run);
  g_test_add_func ("/ui/event-table/cells-fit", test_cells_fit);
  g_test_add_func ("/ui/event-table/jump", test_jump);
  g_test_add_func ("/ui/event-table/sort-menu", test_sort_menu);
  g_test_add_func ("/ui/event-table/simulated", test_simulated);

  return g_test_run ();
}
