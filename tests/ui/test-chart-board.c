/* test-chart-board.c — the charts together, the table, the marks, the notebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ll-csv.h"
#include "ll-runs-legend.h"
#include "ll-table-cell.h"
#include "ll-window.h"
#include "ll-fit-bin.h"
#include "ui-test-util.h"

/* The notebook's experiment, one click away: its table says what the
 * notebook printed, digit for digit. */
static void
test_notebook_example (void)
{
  /* a small window: the table is below the charts, scrolled into view */
  LlWindow *window = create_window_sized (800, 600);
  LlChartBoard *board = ll_window_get_board (window);
  LlEventTable *table = ll_chart_board_get_table (board);
  gboolean finished = FALSE;
  /* "Memory used after appending element 2500002: 193.119 MB, added 21.458 MB" … */
  static const struct { const char *loop, *size, *added; } printed[] = {
    { "—", "171.661", "+19.074 MiB" },   /* the first append, before the loop */
    { "2,500,002", "193.119", "+21.458 MiB" },
    { "5,312,506", "217.259", "+24.140 MiB" },
    { "8,476,574", "244.416", "+27.157 MiB" },
    { "12,036,150", "274.969", "+30.552 MiB" },
    { "16,040,674", "309.340", "+34.371 MiB" },
  };

  g_signal_connect (window, "run-finished", G_CALLBACK (on_run_finished), &finished);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.notebook-example", NULL);
  g_assert_true (wait_for_flag (&finished, 120000));
  wait_ms (100);

  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (table)));
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_SCROLLED_WINDOW);
    GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_rect_t bounds;

    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 600);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0.0);
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (table), viewport, &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0.0);
    g_assert_cmpfloat (bounds.origin.y + 120.0, <=, gtk_adjustment_get_page_size (adjustment));
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ll_event_table_get_list (table))), ==,
                    G_N_ELEMENTS (printed));
  for (guint i = 0; i < G_N_ELEMENTS (printed); i++)
    {
      g_autofree char *loop = ll_event_table_get_text (table, i, LL_EVENT_COLUMN_LOOP);
      g_autofree char *size = ll_event_table_get_text (table, i, LL_EVENT_COLUMN_SIZE);
      g_autofree char *added = ll_event_table_get_text (table, i, LL_EVENT_COLUMN_ADDED);

      g_assert_cmpstr (loop, ==, printed[i].loop);
      g_assert_cmpstr (size, ==, printed[i].size);
      g_assert_cmpstr (added, ==, printed[i].added);
    }
  /* list(range(20_000_000)) then 20,000,004 in all */
  {
    g_autofree char *length = ll_event_table_get_text (table, 5, LL_EVENT_COLUMN_LENGTH);
    g_autofree char *capacity = ll_event_table_get_text (table, 0, LL_EVENT_COLUMN_CAPACITY);

    g_assert_cmpstr (length, ==, "36,040,677");
    g_assert_cmpstr (capacity, ==, "20,000,000 → 22,500,004");
  }
  {
    LlEngineStatus status;

    ll_engine_get_status (ll_window_get_engine (window), &status);
    g_assert_cmpuint (status.length, ==, 40000004);
  }

  destroy_window (window);
}

static void
run_small (LlWindow *window)
{
  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "8 MiB");
  run_to_end (window);
  wait_ms (50);
}

/* A selected row marks its reallocation on every chart; a click on a
 * chart selects the row; Ctrl+C copies it as the events file has it. */
static void
test_marks (void)
{
  LlWindow *window = create_window ();
  LlChartBoard *board = ll_window_get_board (window);
  LlEventTable *table = ll_chart_board_get_table (board);
  LlEventList *list = ll_event_table_get_list (table);
  g_autoptr(LlEventRow) row = NULL;
  g_autofree char *csv = NULL;
  LlChartOptions options;
  LlEvent seventh;
  guint position;
  char line[256];

  run_small (window);
  /* Hidden, the table does not follow the run… */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (ll_event_table_get_selected_event (table));
  g_assert_null (ll_event_table_copy_csv (table));

  /* …until a chart says reallocation 7 was clicked. */
  g_signal_emit_by_name (ll_window_get_chart_view (window, LL_CHART_GROWTH), "event-activated",
                         (guint64) 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 10);
  row = g_list_model_get_item (G_LIST_MODEL (list), 6);
  g_assert_cmpuint (ll_event_row_get_number (row), ==, 7);
  g_assert_nonnull (ll_event_table_get_selected_event (table));
  g_assert_cmpmem (ll_event_table_get_selected_event (table), sizeof (LlEvent),
                   &ll_event_row_get_bucket (row)->first, sizeof (LlEvent));
  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      ll_chart_view_get_options (ll_window_get_chart_view (window, k), &options);
      g_assert_nonnull (options.mark);
      g_assert_cmpuint (options.mark->length, ==, ll_event_row_get_bucket (row)->first.length);
    }

  csv = ll_event_table_copy_csv (table);
  line[ll_csv_format_event (line, &ll_event_row_get_bucket (row)->first)] = '\0';
  g_assert_true (g_str_has_prefix (csv, LL_EVENTS_CSV_HEADER "\n"));
  strcat (line, "\n");
  g_assert_cmpstr (csv + strlen (LL_EVENTS_CSV_HEADER "\n"), ==, line);

  /* Sorted by time, slowest first: the selection follows reallocation 7
   * to its new row, and the mark stays on it. */
  seventh = ll_event_row_get_bucket (row)->first;
  ll_event_list_sort (list, LL_EVENT_KEY_TIME, TRUE);
  g_assert_false (ll_event_list_is_sorting (list));
  position = ll_event_list_find_number (list, 7);
  g_assert_cmpuint (position, !=, 6);
  {
    GtkSelectionModel *model = gtk_column_view_get_model (ll_event_table_get_column_view (table));
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    g_assert_true (gtk_bitset_contains (selected, position));
  }
  g_assert_cmpmem (ll_event_table_get_selected_event (table), sizeof (LlEvent), &seventh, sizeof seventh);
  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      ll_chart_view_get_options (ll_window_get_chart_view (window, k), &options);
      g_assert_cmpuint (options.mark->length, ==, seventh.length);
    }
  /* The row held for the sixth place shows what is there now. */
  g_assert_cmpuint (ll_event_row_get_number (row), !=, 7);
  ll_event_table_select_number (table, 7);
  g_assert_cmpuint (ll_event_table_get_selected_event (table)->length, ==, seventh.length);

  /* Nothing selected: no mark. */
  ll_event_table_select_number (table, 0);
  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      ll_chart_view_get_options (ll_window_get_chart_view (window, k), &options);
      g_assert_null (options.mark);
    }

  destroy_window (window);
}

/* Whether @widget lies whole in what @scroller shows. */
static gboolean
whole_in (GtkWidget *widget,
          GtkWidget *scroller)
{
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, scroller, &bounds) &&
         bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* Whether the table shows row @position on screen: in its viewport, and
 * in the page's. */
static gboolean
row_shown (LlEventTable *table,
           guint         position)
{
  GtkWidget *view = GTK_WIDGET (ll_event_table_get_column_view (table));
  GtkWidget *viewport = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *page = gtk_widget_get_ancestor (gtk_widget_get_parent (viewport), GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GPtrArray) cells = find_widgets (view, LL_TYPE_TABLE_CELL);
  g_autofree char *number = ll_event_table_get_text (table, position, LL_EVENT_COLUMN_NUMBER);

  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (cells->pdata[i]));

      if (g_strcmp0 (ll_table_cell_get_text (cells->pdata[i]), number) != 0 ||
          !gtk_widget_get_mapped (cells->pdata[i]) || gtk_widget_get_width (row) == 0)
        continue;
      if (whole_in (cells->pdata[i], viewport) && (page == NULL || whole_in (cells->pdata[i], page)))
        return TRUE;
    }
  return FALSE;
}

/* The table is every chart's text: linked to each as its details, and
 * Space on a chart's keyboard cursor shows its row there. */
static void
test_table_from_keyboard (void)
{
  LlWindow *window = create_window ();
  LlChartBoard *board = ll_window_get_board (window);
  LlEventTable *table = ll_chart_board_get_table (board);
  GtkWidget *growth = GTK_WIDGET (ll_window_get_chart_view (window, LL_CHART_GROWTH));
  GtkWidget *memory = GTK_WIDGET (ll_window_get_chart_view (window, LL_CHART_MEMORY));
  g_autoptr(LlEventRow) row = NULL;
  LlEventList *list = ll_event_table_get_list (table);
  gboolean show_table = TRUE;

  for (guint k = 0; k < LL_N_CHARTS; k++)
    gtk_test_accessible_assert_relation (ll_window_get_chart_view (window, k),
                                         GTK_ACCESSIBLE_RELATION_DETAILS, table, NULL);

  run_small (window);
  g_object_get (board, "show-table", &show_table, NULL);
  g_assert_false (show_table);

  /* No cursor yet: Space is not the chart's. */
  gtk_widget_grab_focus (growth);
  g_assert_false (press_key (growth, GDK_KEY_space, 0));

  g_assert_true (press_key (growth, GDK_KEY_Home, 0));
  for (guint i = 0; i < 6; i++)
    g_assert_true (press_key (growth, GDK_KEY_Right, 0));
  g_assert_true (press_key (growth, GDK_KEY_space, 0));
  g_object_get (board, "show-table", &show_table, NULL);
  g_assert_true (show_table);
  row = g_list_model_get_item (G_LIST_MODEL (list), 6);
  g_assert_cmpuint (ll_event_row_get_number (row), ==, 7);
  g_assert_nonnull (ll_event_table_get_selected_event (table));
  g_assert_cmpmem (ll_event_table_get_selected_event (table), sizeof (LlEvent),
                   &ll_event_row_get_bucket (row)->first, sizeof (LlEvent));
  /* The focus stays on the chart, to go on. */
  g_assert_true (gtk_widget_has_focus (growth));

  /* A memory sample is no reallocation: nothing changes. */
  gtk_widget_grab_focus (memory);
  g_assert_true (press_key (memory, GDK_KEY_End, 0));
  g_assert_true (press_key (memory, GDK_KEY_space, 0));
  g_assert_cmpmem (ll_event_table_get_selected_event (table), sizeof (LlEvent),
                   &ll_event_row_get_bucket (row)->first, sizeof (LlEvent));

  /* The table just shown scrolls to the row, however far down it is. */
  g_object_set (board, "show-table", FALSE, NULL);
  wait_ms (100);
  gtk_widget_grab_focus (growth);
  g_assert_true (press_key (growth, GDK_KEY_End, 0));
  g_assert_true (press_key (growth, GDK_KEY_space, 0));
  wait_ms (300);
  {
    guint last = g_list_model_get_n_items (G_LIST_MODEL (list)) - 1;

    g_assert_cmpuint (last, >, 40);
    g_assert_true (row_shown (table, last));
    g_assert_false (row_shown (table, 0));

    /* In a short window too, where the table is below the fold. */
    g_object_set (board, "show-table", FALSE, NULL);
    gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
    wait_ms (200);
    gtk_widget_grab_focus (growth);
    for (guint i = 0; i < 20; i++)
      g_assert_true (press_key (growth, GDK_KEY_Left, 0));
    g_assert_true (press_key (growth, GDK_KEY_space, 0));
    wait_ms (300);
    g_assert_true (row_shown (table, last - 20));

    /* A click on a chart selects a row while the table is hidden: shown,
     * the table shows it. */
    g_object_set (board, "show-table", FALSE, NULL);
    wait_ms (100);
    {
      g_autoptr(LlEventRow) far = g_list_model_get_item (G_LIST_MODEL (list), last - 40);

      g_signal_emit_by_name (growth, "event-activated", ll_event_row_get_number (far));
    }
    wait_ms (100);
    g_object_set (board, "show-table", TRUE, NULL);
    wait_ms (300);
    g_assert_true (row_shown (table, last - 40));
  }

  destroy_window (window);
}

/* What the table's first row shows on screen equals the list's first row,
 * column by column. */
static void
assert_first_row_shown (LlEventTable *table)
{
  g_autoptr(GPtrArray) cells = find_widgets (GTK_WIDGET (ll_event_table_get_column_view (table)),
                                             LL_TYPE_TABLE_CELL);
  guint c = 0;
  g_assert_cmpuint (cells->len, >=, LL_N_EVENT_COLUMNS - 1);
  for (guint column = 0; column < LL_N_EVENT_COLUMNS; column++)
    {
      g_autofree char *text = NULL;

      if (column == LL_EVENT_COLUMN_LOOP)
        continue;  /* hidden: the list started empty */
      text = ll_event_table_get_text (table, 0, column);
      g_assert_cmpstr (ll_table_cell_get_text (cells->pdata[c]), ==, text);
      c++;
    }
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *count)
{
  (*count)++;
}

/* A sort moves the rows where the table shows them: its cells show the
 * sorted rows, without the rows being replaced. */
static void
test_table_shows_sort (void)
{
  LlWindow *window = create_window ();
  LlEventTable *table = ll_chart_board_get_table (ll_window_get_board (window));
  LlEventList *list = ll_event_table_get_list (table);
  g_autofree char *first_number = NULL;
  g_autofree char *sorted_number = NULL;
  guint changed = 0;

  g_object_set (ll_window_get_board (window), "show-table", TRUE, NULL);
  run_small (window);
  wait_ms (100);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), &changed);
  assert_first_row_shown (table);
  first_number = ll_event_table_get_text (table, 0, LL_EVENT_COLUMN_NUMBER);
  g_assert_cmpstr (first_number, ==, "1");

  ll_event_list_sort (list, LL_EVENT_KEY_TIME, TRUE);
  wait_ms (50);
  sorted_number = ll_event_table_get_text (table, 0, LL_EVENT_COLUMN_NUMBER);
  g_assert_cmpstr (sorted_number, !=, "1");
  assert_first_row_shown (table);

  /* In other units, the cells shown again. */
  ll_event_table_set_units (table, LL_UNITS_SI);
  assert_first_row_shown (table);

  ll_event_list_sort (list, LL_EVENT_KEY_NUMBER, FALSE);
  wait_ms (50);
  assert_first_row_shown (table);
  g_assert_cmpuint (changed, ==, 0);
  g_signal_handlers_disconnect_by_data (list, &changed);

  destroy_window (window);
}

static char *
events_csv (LlEventList *list,
            guint64      first,
            guint64      last)
{
  GString *csv = g_string_new (LL_EVENTS_CSV_HEADER "\n");

  for (guint64 number = first; number <= last; number++)
    {
      guint position = ll_event_list_find_number (list, number);
      g_autofree char *row = ll_event_list_format_csv (list, &position, 1);

      g_string_append (csv, row);
    }
  return g_string_free (csv, FALSE);
}

/* Several rows: Shift+click a range, Ctrl+click one more: that one is
 * marked, all are copied in the table's order, and they stay selected
 * where a sort moves them. */
static void
test_several_rows (void)
{
  LlWindow *window = create_window ();
  LlChartBoard *board = ll_window_get_board (window);
  LlEventTable *table = ll_chart_board_get_table (board);
  LlEventList *list = ll_event_table_get_list (table);
  GtkSelectionModel *model = gtk_column_view_get_model (ll_event_table_get_column_view (table));
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *tenth = NULL;
  guint n;

  g_object_set (board, "show-table", TRUE, NULL);
  run_small (window);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 20);

  /* Rows 3 to 5, then 10: the tenth reallocation is marked. */
  gtk_selection_model_select_range (model, 2, 3, TRUE);
  {
    g_autoptr(LlEventRow) row = g_list_model_get_item (G_LIST_MODEL (list), 2);

    /* a range: its first row */
    g_assert_cmpmem (ll_event_table_get_selected_event (table), sizeof (LlEvent),
                     &ll_event_row_get_bucket (row)->last, sizeof (LlEvent));
  }
  gtk_selection_model_select_item (model, 9, FALSE);
  {
    g_autoptr(LlEventRow) row = g_list_model_get_item (G_LIST_MODEL (list), 9);

    g_assert_cmpmem (ll_event_table_get_selected_event (table), sizeof (LlEvent),
                     &ll_event_row_get_bucket (row)->last, sizeof (LlEvent));
  }
  csv = ll_event_table_copy_csv (table);
  {
    g_autofree char *range = events_csv (list, 3, 5);
    g_autofree char *one = events_csv (list, 10, 10);

    tenth = g_strdup (one + strlen (LL_EVENTS_CSV_HEADER "\n"));
    expected = g_strconcat (range, tenth, NULL);
  }
  g_assert_cmpstr (csv, ==, expected);

  /* Sorted by time, slowest first: the same four rows are selected, where
   * they are now, and copied in that order; the mark stays. */
  ll_event_list_sort (list, LL_EVENT_KEY_TIME, TRUE);
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);
    g_autofree char *sorted = ll_event_table_copy_csv (table);
    g_auto(GStrv) lines = g_strsplit (sorted, "\n", -1);
    g_auto(GStrv) before = g_strsplit (csv, "\n", -1);
    static const guint64 numbers[] = { 3, 4, 5, 10 };  /* before's rows */
    guint previous = 0;

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 4);
    for (guint k = 0; k < G_N_ELEMENTS (numbers); k++)
      g_assert_true (gtk_bitset_contains (selected, ll_event_list_find_number (list, numbers[k])));
    /* the same lines (header, four rows, the end), each once */
    g_assert_cmpuint (g_strv_length (lines), ==, 6);
    for (guint i = 1; i < 5; i++)
      {
        guint k = 0, position;

        while (k < 4 && g_strcmp0 (before[k + 1], lines[i]) != 0)
          k++;
        g_assert_cmpuint (k, <, 4);
        /* in the table's order: where each row is now, top to bottom */
        position = ll_event_list_find_number (list, numbers[k]);
        if (i > 1)
          g_assert_cmpuint (position, >, previous);
        previous = position;
      }
  }
  {
    g_autoptr(LlEventRow) row = g_list_model_get_item (G_LIST_MODEL (list), ll_event_list_find_number (list, 10));

    g_assert_cmpmem (ll_event_table_get_selected_event (table), sizeof (LlEvent),
                     &ll_event_row_get_bucket (row)->last, sizeof (LlEvent));
  }

  /* Every row (Ctrl+A): all stay selected in any order, all are copied. */
  gtk_selection_model_select_all (model);
  ll_event_list_sort (list, LL_EVENT_KEY_NUMBER, FALSE);
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);
    g_autofree char *all = ll_event_table_copy_csv (table);
    g_autofree char *every = events_csv (list, 1, ll_event_list_get_number (list, n - 1));

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, n);
    g_assert_cmpstr (all, ==, every);
  }

  gtk_selection_model_unselect_all (model);
  g_assert_null (ll_event_table_get_selected_event (table));
  g_assert_null (ll_event_table_copy_csv (table));

  destroy_window (window);
}

/* The header sorts: the list learns the column and the way from the
 * view's sorter. */
static void
test_header_sorts (void)
{
  LlWindow *window = create_window ();
  LlEventTable *table = ll_chart_board_get_table (ll_window_get_board (window));
  GtkColumnView *view = ll_event_table_get_column_view (table);
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) time = g_list_model_get_item (columns, LL_EVENT_COLUMN_TIME);
  gboolean descending;

  g_object_set (ll_window_get_board (window), "show-table", TRUE, NULL);
  run_small (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ll_event_table_get_list (table))), >, 10);

  gtk_column_view_sort_by_column (view, time, GTK_SORT_DESCENDING);
  g_assert_cmpint (ll_event_list_get_sort_key (ll_event_table_get_list (table), &descending), ==,
                   LL_EVENT_KEY_TIME);
  g_assert_true (descending);
  gtk_column_view_sort_by_column (view, time, GTK_SORT_ASCENDING);
  g_assert_cmpint (ll_event_list_get_sort_key (ll_event_table_get_list (table), &descending), ==,
                   LL_EVENT_KEY_TIME);
  g_assert_false (descending);
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  g_assert_cmpint (ll_event_list_get_sort_key (ll_event_table_get_list (table), NULL), ==,
                   LL_EVENT_KEY_NUMBER);

  destroy_window (window);
}

/* Every chart shown beside the table keeps a readable plot: the page
 * scrolls rather than squeeze it. */
static void
assert_readable_beside_table (LlWindow   *window,
                              const char *size)
{
  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      LlChartView *view = ll_window_get_chart_view (window, k);
      int width = gtk_widget_get_width (GTK_WIDGET (view));
      int height = gtk_widget_get_height (GTK_WIDGET (view));
      LlChartOptions options;
      double plot_height;

      if (!gtk_widget_get_mapped (GTK_WIDGET (view)))
        continue;
      ll_chart_view_get_options (view, &options);
      ll_chart_get_plot_area (k, ll_chart_view_get_data (view), &options, width, height,
                              NULL, NULL, NULL, &plot_height);
      g_test_message ("%s plot: %.0f px tall in %d × %d beside the table at %s",
                      ll_chart_kind_get_name (k), plot_height, width, height, size);
      g_assert_cmpfloat (plot_height, >=, 90);
    }
}

/* All four at once in a large window; one alone on request; beside the
 * table, all four in a row in a wide window, and the row of the chart last
 * alone in a smaller one. */
static void
test_visible_chart (void)
{
  LlWindow *window = create_window ();
  LlChartBoard *board = ll_window_get_board (window);
  int mapped;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  adw_flap_set_reveal_flap (ll_window_get_flap (window), FALSE);
  wait_ms (300);

  mapped = 0;
  for (guint k = 0; k < LL_N_CHARTS; k++)
    mapped += gtk_widget_get_mapped (GTK_WIDGET (ll_window_get_chart_view (window, k)));
  g_assert_cmpint (mapped, ==, LL_N_CHARTS);

  gtk_widget_activate_action (GTK_WIDGET (board), "charts.show", "s", "time");
  wait_ms (200);
  for (guint k = 0; k < LL_N_CHARTS; k++)
    g_assert_cmpint (gtk_widget_get_mapped (GTK_WIDGET (ll_window_get_chart_view (window, k))), ==,
                     k == LL_CHART_TIME);
  g_assert_cmpint (ll_chart_board_get_current_kind (board), ==, LL_CHART_TIME);

  /* Enter on it: all of them again. */
  g_signal_emit_by_name (ll_window_get_chart_view (window, LL_CHART_TIME), "activate");
  g_assert_cmpstr (ll_chart_board_get_visible_chart (board), ==, "all");

  /* The table takes room: in a wide window the four stand in a row… */
  g_object_set (board, "show-table", TRUE, NULL);
  wait_ms (300);
  {
    graphene_rect_t first, last;

    for (guint k = 0; k < LL_N_CHARTS; k++)
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (ll_window_get_chart_view (window, k))));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (ll_window_get_chart_view (window, 0)),
                                              GTK_WIDGET (window), &first));
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (ll_window_get_chart_view (window, LL_N_CHARTS - 1)),
                                              GTK_WIDGET (window), &last));
    g_assert_cmpfloat (first.origin.y, ==, last.origin.y);
    g_assert_cmpfloat (last.origin.x, >, first.origin.x + 3 * first.size.width);
    /* the chart with the keyboard's focus */
    g_assert_cmpint (ll_chart_board_get_current_kind (board), ==, LL_CHART_TIME);
  }
  assert_readable_beside_table (window, "1400×900");
  /* …and in a smaller one, the row of the chart last shown alone. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  wait_ms (300);
  for (guint k = 0; k < LL_N_CHARTS; k++)
    g_assert_cmpint (gtk_widget_get_mapped (GTK_WIDGET (ll_window_get_chart_view (window, k))), ==,
                     k == LL_CHART_TIME || k == LL_CHART_MEMORY);
  g_assert_cmpint (ll_chart_board_get_current_kind (board), ==, LL_CHART_TIME);
  gtk_widget_grab_focus (GTK_WIDGET (ll_window_get_chart_view (window, LL_CHART_MEMORY)));
  g_assert_cmpint (ll_chart_board_get_current_kind (board), ==, LL_CHART_MEMORY);
  assert_readable_beside_table (window, "800×600");

  destroy_window (window);
}

/* The charts with a length axis zoom together; the memory chart alone. */
static void
test_zoom_together (void)
{
  LlWindow *window = create_window ();
  LlChartBoard *board = ll_window_get_board (window);
  LlChartAxes *axes = ll_chart_board_get_axes (board);
  LlChartOptions options;
  GtkWidget *reset;

  run_small (window);
  reset = find_button (GTK_WIDGET (board), "charts.reset-zoom");
  g_assert_false (gtk_widget_get_visible (reset));

  ll_chart_axes_set_range (axes, LL_CHART_GROWTH, &(LlChartRange) { 100, 5000 });
  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      const LlChartRange *range;

      ll_chart_view_get_options (ll_window_get_chart_view (window, k), &options);
      range = ll_chart_options_get_range (&options, k);
      if (k == LL_CHART_MEMORY)
        g_assert_true (ll_chart_range_is_empty (range));
      else
        g_assert_cmpfloat (range->to, ==, 5000);
    }
  g_assert_true (gtk_widget_get_visible (reset));

  gtk_widget_activate_action (GTK_WIDGET (board), "charts.reset-zoom", NULL);
  g_assert_false (ll_chart_axes_get_zoomed (axes));
  g_assert_false (gtk_widget_get_visible (reset));

  destroy_window (window);
}

/* During a run, at most two charts draw new data in a frame, in turn:
 * two updates bring all four up to date. */
static void
test_live_turns (void)
{
  LlWindow *window = create_window ();
  LlChartBoard *board = ll_window_get_board (window);
  guint renders[LL_N_CHARTS];
  guint drawn = 0, total = 0;
  LlChartData data;

  run_small (window);
  wait_ms (200);
  data = *ll_chart_view_get_data (ll_window_get_chart_view (window, LL_CHART_CAPACITY));
  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      LlChartView *view = ll_window_get_chart_view (window, k);

      g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (view)));
      renders[k] = ll_chart_view_get_n_renders (view);
    }

  ll_chart_board_set_live_data (board, &data);
  wait_ms (200);
  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      guint n = ll_chart_view_get_n_renders (ll_window_get_chart_view (window, k)) - renders[k];

      g_assert_cmpuint (n, <=, 1);
      drawn += n;
      renders[k] += n;
    }
  g_assert_cmpuint (drawn, ==, 2);

  /* Nothing new: the two behind catch up, and then nothing draws. */
  ll_chart_board_catch_up (board);
  wait_ms (200);
  ll_chart_board_catch_up (board);
  wait_ms (200);
  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      guint n = ll_chart_view_get_n_renders (ll_window_get_chart_view (window, k)) - renders[k];

      g_assert_cmpuint (n, <=, 1);
      total += n;
    }
  g_assert_cmpuint (total, ==, 2);

  /* Data set at once draws every chart. */
  for (guint k = 0; k < LL_N_CHARTS; k++)
    renders[k] = ll_chart_view_get_n_renders (ll_window_get_chart_view (window, k));
  ll_chart_board_set_data (board, &data);
  wait_ms (200);
  for (guint k = 0; k < LL_N_CHARTS; k++)
    g_assert_cmpuint (ll_chart_view_get_n_renders (ll_window_get_chart_view (window, k)), ==,
                      renders[k] + 1);

  destroy_window (window);
}

/* Several runs: one legend above the charts names them, and no chart
 * repeats it; over one run there is none. */
static void
test_runs_legend (void)
{
  LlWindow *window = create_window ();
  LlChartBoard *board = ll_window_get_board (window);
  LlRunsLegend *legend = LL_RUNS_LEGEND (find_widget (GTK_WIDGET (board), LL_TYPE_RUNS_LEGEND));
  LlChartView *growth = ll_window_get_chart_view (window, LL_CHART_GROWTH);
  LlChartSeries series[2], single;
  LlChartData data, two;
  LlChartOptions options;
  g_auto(GStrv) names = NULL;
  int one_run_height, two_runs_height;

  run_small (window);
  wait_ms (200);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (legend)));
  one_run_height = gtk_widget_get_height (GTK_WIDGET (growth));

  /* The view's series, copied: setting data replaces them. */
  single = ll_chart_view_get_data (ll_window_get_chart_view (window, LL_CHART_CAPACITY))->series[0];
  ll_chart_data_init (&data, &single, 1);
  series[0] = series[1] = single;
  series[0].name = "CPython 3.9+";
  series[0].style = 0;
  series[1].name = "Go";
  series[1].style = 1;
  ll_chart_data_init (&two, series, 2);
  ll_chart_board_set_data (board, &two);
  wait_ms (200);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (legend)));
  names = ll_runs_legend_get_names (legend);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "CPython 3.9+");
  g_assert_cmpstr (names[1], ==, "Go");
  /* one row of names, above the charts */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (legend)), >, 10);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (legend)), <, 48);
  /* the charts name no run themselves */
  ll_chart_view_get_options (growth, &options);
  g_assert_true (options.runs_named_apart);
  two_runs_height = gtk_widget_get_height (GTK_WIDGET (growth));
  g_assert_cmpint (two_runs_height, <, one_run_height);

  /* Back to one run: no legend; the charts have their room back. */
  ll_chart_board_set_data (board, &data);
  wait_ms (200);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (legend)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (growth)), ==, one_run_height);

  destroy_window (window);
}

/* The words of the button that makes room for every chart, beside its
 * sign (they show only where they fit). */
static GtkWidget *
words_label (GtkWidget *button)
{
  GtkWidget *fit = gtk_widget_get_last_child (gtk_button_get_child (GTK_BUTTON (button)));

  return adw_bin_get_child (ADW_BIN (fit));
}

static const char *
words_of (GtkWidget *button)
{
  return gtk_label_get_label (GTK_LABEL (words_label (button)));
}

/* Beside the table a short window shows a row of two charts: a button
 * names the two left out and makes room for every chart. */
static void
test_more_charts (void)
{
  LlWindow *window = create_window_sized (1400, 900);
  LlChartBoard *board = ll_window_get_board (window);
  GtkWidget *button = find_by_tooltip (GTK_WIDGET (board),
                                       "Make Room for Every Chart (the page scrolls to the table)");

  g_assert_nonnull (button);
  run_small (window);
  /* Every chart on screen: no button. */
  for (guint k = 0; k < LL_N_CHARTS; k++)
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (ll_window_get_chart_view (window, k))));
  g_assert_false (gtk_widget_get_visible (button));

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  g_object_set (board, "show-table", TRUE, NULL);
  wait_ms (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (ll_window_get_chart_view (window, LL_CHART_CAPACITY))));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (ll_window_get_chart_view (window, LL_CHART_TIME))));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (words_of (button), ==, "Time, Memory");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Show Time and Memory");
  /* It leaves its words out rather than widen the bar it is in (a window
   * that has room for the sidebar keeps it), and never cuts them short:
   * all of them where it has the room, else its sign alone. */
  {
    int least, natural;

    gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, &least, &natural, NULL, NULL);
    g_assert_cmpint (least, <, 60);
    g_assert_cmpint (natural, >, 100);
    g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (words_label (button))), ==, PANGO_ELLIPSIZE_NONE);
    if (gtk_widget_get_mapped (words_label (button)))
      {
        int words;

        gtk_widget_measure (words_label (button), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &words, NULL, NULL);
        g_assert_cmpint (gtk_widget_get_width (words_label (button)), >=, words);
      }
  }

  /* A chart alone needs no more room. */
  ll_chart_board_set_visible_chart (board, "growth");
  wait_ms (100);
  g_assert_false (gtk_widget_get_visible (button));
  /* Back to all: the row of two holding the one last alone; the button
   * names the other two. */
  ll_chart_board_set_visible_chart (board, "all");
  wait_ms (200);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (words_of (button), ==, "Time, Memory");

  /* Pressed: every chart on screen, the focus on the first that came in,
   * the table still there (the page scrolls), the button gone. */
  gtk_widget_grab_focus (button);
  g_signal_emit_by_name (button, "clicked");
  wait_ms (300);
  for (guint k = 0; k < LL_N_CHARTS; k++)
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (ll_window_get_chart_view (window, k))));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (ll_window_get_chart_view (window, LL_CHART_TIME))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (ll_chart_board_get_table (board))));
  g_assert_false (gtk_widget_get_visible (button));

  /* The table hidden and shown again: the row of two beside it, as before. */
  g_object_set (board, "show-table", FALSE, NULL);
  wait_ms (100);
  g_object_set (board, "show-table", TRUE, NULL);
  wait_ms (300);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (ll_window_get_chart_view (window, LL_CHART_MEMORY))));
  g_assert_true (gtk_widget_get_visible (button));

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init_accessible (&argc, &argv);

  g_test_add_func ("/ui/board/notebook-example", test_notebook_example);
  g_test_add_func ("/ui/board/marks", test_marks);
  g_test_add_func ("/ui/board/table-from-keyboard", test_table_from_keyboard);
  g_test_add_func ("/ui/board/table-shows-sort", test_table_shows_sort);
  g_test_add_func ("/ui/board/several-rows", test_several_rows);
  g_test_add_func ("/ui/board/header-sorts", test_header_sorts);
  g_test_add_func ("/ui/board/visible-chart", test_visible_chart);
  g_test_add_func ("/ui/board/more-charts", test_more_charts);
  g_test_add_func ("/ui/board/zoom-together", test_zoom_together);
  g_test_add_func ("/ui/board/live-turns", test_live_turns);
  g_test_add_func ("/ui/board/runs-legend", test_runs_legend);

  return g_test_run ();
}
