/* test-event-table-cells.c — what each cell of the reallocations table says: a
 * reallocation, a merged row, an untimed run, the loop index, the units
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "event-table-test-util.h"
#include "ui-test-util.h"

/* Row @position's texts, column by column, joined by " | ". */
static char *
row_text (Fixture *f,
          guint    position)
{
  GString *text = g_string_new (NULL);

  for (guint c = 0; c < LL_N_EVENT_COLUMNS; c++)
    {
      g_autofree char *cell = ll_event_table_get_text (f->table, position, c);

      g_assert_nonnull (cell);
      g_string_append_printf (text, "%s%s", c > 0 ? " | " : "", cell);
    }
  return g_string_free (text, FALSE);
}

/* The notebook's list: list(range(20_000_000)) of int, 8-byte slots, then
 * appends. Its first three reallocations as CPython makes them, timed. */
static void
push_notebook (Fixture *f)
{
  static const struct { guint64 length, old_capacity, new_capacity; gboolean moved; guint64 ns; } growths[] = {
    { 20000001, 20000000, 22500004, FALSE, 1234 },
    { 22500005, 22500004, 25312508, TRUE, 2500000 },
    { 25312509, 25312508, 28476576, TRUE, 3000000000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (growths); i++)
    {
      LlEvent e = { 0 };

      e.length = growths[i].length;
      e.old_capacity = growths[i].old_capacity;
      e.new_capacity = growths[i].new_capacity;
      e.old_bytes = 56 + 8 * e.old_capacity;
      e.new_bytes = 56 + 8 * e.new_capacity;
      e.bytes_added = e.new_bytes - e.old_bytes;
      e.moved = growths[i].moved;
      /* (the second moved without copying, as mremap () moves) */
      e.bytes_copied = i == 2 ? 8 * e.old_capacity : 0;
      e.realloc_ns = growths[i].ns;
      e.elapsed_ns = (i + 1) * G_GUINT64_CONSTANT (1000000000);
      e.available_bytes = 20 * GiB - i * 200 * MiB;
      ll_history_push_events (f->history, &e, 1);
    }
  show_history (f);
}

/* One reallocation a row: every column, exact to the byte and to the
 * notebook's three decimals. */
static void
test_texts (void)
{
  static const char *expected[] = {
    "1 | 20,000,001 | 20,000,000 | 20,000,000 → 22,500,004 | 180,000,088 | 171.661 | +19.074 MiB"
    " | grew in place | 0 B | 1.2 µs | 20.00 GiB",
    "2 | 22,500,005 | 22,500,004 | 22,500,004 → 25,312,508 | 202,500,120 | 193.119 | +21.458 MiB"
    " | moved | 0 B | 2.5 ms | 19.80 GiB",
    "3 | 25,312,509 | 25,312,508 | 25,312,508 → 28,476,576 | 227,812,664 | 217.259 | +24.140 MiB"
    " | copied | 193.12 MiB | 3.00 s | 19.61 GiB",
  };
  Fixture f;

  fixture_set_up (&f, 1024);
  push_notebook (&f);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = row_text (&f, i);

      g_assert_cmpstr (text, ==, expected[i]);
    }
  g_assert_null (ll_event_table_get_text (f.table, 3, LL_EVENT_COLUMN_NUMBER));

  /* In SI units: the container in MB, the rest in kB, MB, GB. */
  ll_event_table_set_units (f.table, LL_UNITS_SI);
  {
    g_autofree char *size = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_SIZE);
    g_autofree char *added = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_ADDED);
    g_autofree char *free_memory = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_AVAILABLE);

    g_assert_cmpstr (size, ==, "180.000");
    g_assert_cmpstr (added, ==, "+20.000 MB");
    g_assert_cmpstr (free_memory, ==, "21.47 GB");
  }

  /* Two appends before the loop, as the notebook makes them: the loop's
   * index is the length less those and the initial list. */
  ll_event_table_set_loop_start (f.table, 2);
  {
    g_autofree char *loop = ll_event_table_get_text (f.table, 1, LL_EVENT_COLUMN_LOOP);

    g_assert_cmpstr (loop, ==, "22,500,002");
  }
  fixture_tear_down (&f);
}

/* A history that kept fewer rows than reallocations merges them: a merged
 * row says what it spans and the most of what it holds, and invents no
 * row of its own. Untimed (a simulation), there is no time and no block
 * but where the runtime copies. */
static void
test_merged_untimed (void)
{
  Fixture f;
  guint64 capacity = 0;
  guint n_rows;

  fixture_set_up (&f, 8);
  for (guint i = 0; i < 64; i++)
    {
      LlEvent e = { 0 };

      e.length = capacity + 1;
      e.old_capacity = capacity;
      e.new_capacity = capacity + 4 + i;
      e.old_bytes = 56 + 8 * e.old_capacity;
      e.new_bytes = 56 + 8 * e.new_capacity;
      e.bytes_added = e.new_bytes - e.old_bytes;
      e.moved = i % 2 == 1;
      e.bytes_copied = i % 4 == 3 ? 8 * capacity : 0;
      capacity = e.new_capacity;
      ll_history_push_events (f.history, &e, 1);
    }
  show_history (&f);

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (ll_event_table_get_list (f.table)));
  g_assert_cmpuint (n_rows, <=, 8);
  g_assert_cmpuint (n_rows, >=, 2);
  {
    g_autofree char *number = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_NUMBER);
    g_autofree char *length = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_LENGTH);
    g_autofree char *added = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_ADDED);
    g_autofree char *block = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_BLOCK);
    g_autofree char *time = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_TIME);
    g_autofree char *free_memory = ll_event_table_get_text (f.table, 0, LL_EVENT_COLUMN_AVAILABLE);
    g_autofree char *last = ll_event_table_get_text (f.table, n_rows - 1, LL_EVENT_COLUMN_NUMBER);
    g_auto(GStrv) span = g_strsplit (number, "–", 2);
    g_auto(GStrv) last_span = g_strsplit (last, "–", 2);
    guint64 first_end;

    g_test_message ("row 0: %s, %s, %s, %s", number, length, added, block);
    g_assert_cmpstr (span[0], ==, "1");
    g_assert_nonnull (span[1]);
    first_end = g_ascii_strtoull (span[1], NULL, 10);
    g_assert_cmpuint (first_end, >, 1);
    /* (the last row ends at reallocation 64) */
    g_assert_cmpstr (last_span[g_strv_length (last_span) - 1], ==, "64");
    /* the largest addition of reallocations 1 to first_end: 8 × (3 + first_end) bytes */
    {
      g_autofree char *most = g_strdup_printf ("up to +%" G_GUINT64_FORMAT " B", 8 * (3 + first_end));

      g_assert_cmpstr (added, ==, most);
    }
    /* of reallocations 1 to first_end, the odd ones moved, one in four copied */
    {
      g_autofree char *said = g_strdup_printf ("%" G_GUINT64_FORMAT " moved, %" G_GUINT64_FORMAT
                                               " copied of %" G_GUINT64_FORMAT,
                                               first_end / 2, first_end / 4, first_end);

      g_assert_cmpstr (block, ==, said);
    }
    g_assert_cmpstr (time, ==, "—");
    g_assert_cmpstr (free_memory, ==, "—");
  }
  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/event-table-cells/texts", test_texts);
  g_test_add_func ("/ui/event-table-cells/merged-untimed", test_merged_untimed);

  return g_test_run ();
}
