/* test-comparison-table.c — the runs side by side: a row for each run of
 * the list as it changes, exact figures, sizes in the units chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "export-test-util.h"
#include "ll-comparison.h"
#include "ll-comparison-table.h"
#include "ui-test-util.h"

/* The table's CSV rows, without the header, and checks the header. */
static char **
csv_rows (LlComparisonTable *table)
{
  g_autofree char *csv = ll_comparison_table_copy_csv (table);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);

  g_assert_cmpstr (lines[0], ==, LL_COMPARISON_CSV_HEADER);
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    g_ptr_array_add (rows, g_strdup (lines[i]));
  g_ptr_array_add (rows, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&rows), FALSE);
}

/* @row without its last field (the length that fits in free memory, which
 * moves with the machine). */
static char *
without_fit (const char *row)
{
  const char *comma = strrchr (row, ',');

  g_assert_nonnull (comma);
  return g_strndup (row, (gsize) (comma - row));
}

/* The labels shown under @widget, their texts joined by "|". */
static void
collect_labels (GtkWidget *widget,
                GString   *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (texts, "%s|", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static char *
shown_texts (LlComparisonTable *table)
{
  GString *texts = g_string_new (NULL);

  collect_labels (GTK_WIDGET (table), texts);
  return g_string_free (texts, FALSE);
}

static GtkWidget *
show_table (GtkWidget *table)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 400);
  gtk_window_set_child (GTK_WINDOW (window), table);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (200);
  return window;
}

/* A row for each run in the list's order, its figures the run's own, and
 * rows that come and go with the list. */
static void
test_rows (void)
{
  g_autoptr(GListStore) runs = g_list_store_new (LL_TYPE_RUN);
  g_autoptr(LlRun) cpython = make_simulated_run (LL_POLICY_CPYTHON, 100000);
  g_autoptr(LlRun) doubling = make_simulated_run (LL_POLICY_DOUBLE, 100000);
  g_autoptr(LlRun) go = make_simulated_run (LL_POLICY_GO, 100000);
  LlRun *order[] = { cpython, doubling, go };
  GtkWidget *widget = ll_comparison_table_new ();
  LlComparisonTable *table = LL_COMPARISON_TABLE (widget);
  GtkWidget *window;
  g_auto(GStrv) rows = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_list_store_append (runs, order[i]);
  window = show_table (widget);
  g_assert_cmpuint (ll_comparison_table_get_n_rows (table), ==, 0);
  ll_comparison_table_set_runs (table, G_LIST_MODEL (runs));
  g_assert_cmpuint (ll_comparison_table_get_n_rows (table), ==, 3);

  rows = csv_rows (table);
  g_assert_cmpuint (g_strv_length (rows), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      LlComparison comparison;
      g_autofree char *expected = NULL;
      g_autofree char *shown = without_fit (rows[i]);
      g_autofree char *wanted = NULL;

      ll_run_get_comparison (order[i], 0, &comparison);
      expected = ll_comparison_format_csv (ll_run_get_config (order[i]), &comparison);
      wanted = without_fit (expected);
      g_assert_cmpstr (shown, ==, wanted);
    }
  g_assert_true (g_str_has_prefix (rows[0], "cpython,"));
  g_assert_true (g_str_has_prefix (rows[1], "double,"));
  g_assert_true (g_str_has_prefix (rows[2], "go,"));

  /* Each run named as the charts name it. */
  {
    g_autofree char *texts = shown_texts (table);

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autofree char *name = ll_run_dup_short_title (order[i]);
        g_autofree char *field = g_strdup_printf ("|%s|", name);

        g_assert_nonnull (strstr (texts, field));
      }
  }

  /* The list changes: so do the rows, without being told. */
  g_list_store_remove (runs, 0);
  g_assert_cmpuint (ll_comparison_table_get_n_rows (table), ==, 2);
  g_list_store_append (runs, cpython);
  g_strfreev (rows);
  rows = csv_rows (table);
  g_assert_cmpuint (g_strv_length (rows), ==, 3);
  g_assert_true (g_str_has_prefix (rows[0], "double,"));
  g_assert_true (g_str_has_prefix (rows[2], "cpython,"));

  ll_comparison_table_set_runs (table, NULL);
  g_assert_cmpuint (ll_comparison_table_get_n_rows (table), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Sizes read in the units chosen: MiB, then MB. */
static void
test_units (void)
{
  g_autoptr(GListStore) runs = g_list_store_new (LL_TYPE_RUN);
  g_autoptr(LlRun) run = make_simulated_run (LL_POLICY_CPYTHON, 10000000);
  GtkWidget *widget = ll_comparison_table_new ();
  LlComparisonTable *table = LL_COMPARISON_TABLE (widget);
  GtkWidget *window = show_table (widget);
  g_autofree char *iec = NULL;
  g_autofree char *si = NULL;

  g_list_store_append (runs, run);
  ll_comparison_table_set_runs (table, G_LIST_MODEL (runs));
  wait_ms (100);
  iec = shown_texts (table);
  g_assert_nonnull (strstr (iec, " MiB|"));
  g_assert_null (strstr (iec, " MB|"));

  ll_comparison_table_set_units (table, LL_UNITS_SI);
  wait_ms (100);
  si = shown_texts (table);
  g_assert_nonnull (strstr (si, " MB|"));
  g_assert_null (strstr (si, " MiB|"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Sorted by the run's name, the rows follow the names' order; the CSV
 * copies them in the order shown. */
static void
test_sorted_by_name (void)
{
  g_autoptr(GListStore) runs = g_list_store_new (LL_TYPE_RUN);
  LlPolicyKind policies[] = { LL_POLICY_RUST, LL_POLICY_CPYTHON, LL_POLICY_JAVA, LL_POLICY_GO };
  GtkWidget *widget = ll_comparison_table_new ();
  LlComparisonTable *table = LL_COMPARISON_TABLE (widget);
  GtkWidget *window = show_table (widget);
  g_auto(GStrv) rows = NULL;
  g_autofree char *previous = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (policies); i++)
    {
      g_autoptr(LlRun) run = make_simulated_run (policies[i], 1000);

      g_list_store_append (runs, run);
    }
  ll_comparison_table_set_runs (table, G_LIST_MODEL (runs));
  g_assert_true (gtk_widget_activate_action (widget, "sort.column", "u", 0));

  rows = csv_rows (table);
  g_assert_cmpuint (g_strv_length (rows), ==, G_N_ELEMENTS (policies));
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_autoptr(LlRun) run = NULL;
      g_autofree char *policy = g_strndup (rows[i], strcspn (rows[i], ","));
      g_autofree char *name = NULL;

      for (guint j = 0; j < G_N_ELEMENTS (policies) && run == NULL; j++)
        {
          g_autoptr(LlRun) candidate = g_list_model_get_item (G_LIST_MODEL (runs), j);
          g_autofree char *its = ll_policy_to_string (&ll_run_get_config (candidate)->policy);

          if (g_str_equal (its, policy))
            run = g_steal_pointer (&candidate);
        }
      g_assert_nonnull (run);
      name = ll_run_dup_short_title (run);
      if (previous != NULL)
        g_assert_cmpint (g_utf8_collate (previous, name), <=, 0);
      g_free (previous);
      previous = g_steal_pointer (&name);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/comparison-table/rows", test_rows);
  g_test_add_func ("/ui/comparison-table/units", test_units);
  g_test_add_func ("/ui/comparison-table/sorted-by-name", test_sorted_by_name);

  return g_test_run ();
}
