/* test-column-sort.c — which header a column view sorts by, as state and
 * actions, and sorting from them as a header click does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "ll-column-sort.h"
#include "ui-test-util.h"

enum {
  BY_TEXT,
  BY_LENGTH,
};

/* The table's own order is no column's (as the runs compared). */
#define UNSORTED LL_COLUMN_SORT_NONE

typedef struct
{
  GtkColumnView       *view;
  GtkSortListModel    *sorted;
  GtkColumnViewColumn *text, *length, *length_too;
  LlColumnSort        *sort;
  guint                changes;
} Fixture;

static int
by_length (gconstpointer a,
           gconstpointer b,
           gpointer      data)
{
  gsize la = strlen (gtk_string_object_get_string ((GtkStringObject *) a));
  gsize lb = strlen (gtk_string_object_get_string ((GtkStringObject *) b));

  return la < lb ? -1 : la > lb;
}

static void
count_change (LlColumnSort *sort,
              guint        *changes)
{
  (*changes)++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *words[] = { "pear", "fig", "banana", NULL };
  GtkStringList *list = gtk_string_list_new (words);
  g_autoptr(GtkSorter) text_order = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
  g_autoptr(GtkSorter) length_order = GTK_SORTER (gtk_custom_sorter_new (by_length, NULL, NULL));
  g_autoptr(GtkNoSelection) selection = NULL;

  f->view = GTK_COLUMN_VIEW (g_object_ref_sink (gtk_column_view_new (NULL)));
  f->sorted = gtk_sort_list_model_new (G_LIST_MODEL (list), g_object_ref (gtk_column_view_get_sorter (f->view)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (f->sorted)));
  gtk_column_view_set_model (f->view, GTK_SELECTION_MODEL (selection));
  f->text = gtk_column_view_column_new ("Text", NULL);
  f->length = gtk_column_view_column_new ("Length", NULL);
  f->length_too = gtk_column_view_column_new ("Length Again", NULL);
  gtk_column_view_append_column (f->view, f->text);
  gtk_column_view_append_column (f->view, f->length);
  gtk_column_view_append_column (f->view, f->length_too);

  f->sort = ll_column_sort_new (f->view, UNSORTED);
  ll_column_sort_add_column (f->sort, f->text, BY_TEXT, text_order);
  ll_column_sort_add_column (f->sort, f->length, BY_LENGTH, length_order);
  ll_column_sort_add_column (f->sort, f->length_too, BY_LENGTH, length_order);
  g_signal_connect (f->sort, "changed", G_CALLBACK (count_change), &f->changes);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_unref (f->sort);
  g_object_unref (f->text);
  g_object_unref (f->length);
  g_object_unref (f->length_too);
  g_object_unref (f->sorted);
  g_object_unref (f->view);
}

/* The rows in their order now, "a b c". */
static char *
rows (Fixture *f)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->sorted)); i++)
    {
      g_autoptr(GtkStringObject) row = g_list_model_get_item (G_LIST_MODEL (f->sorted), i);

      g_string_append_printf (str, i == 0 ? "%s" : " %s", gtk_string_object_get_string (row));
    }
  return g_string_free (str, FALSE);
}

#define assert_rows(f, expected) G_STMT_START {  \
    g_autofree char *_rows = rows (f);           \
    g_assert_cmpstr (_rows, ==, (expected));     \
  } G_STMT_END

static void
assert_state (Fixture  *f,
              guint     column,
              gboolean  descending)
{
  GActionGroup *actions = ll_column_sort_get_actions (f->sort);
  g_autoptr(GVariant) column_state = g_action_group_get_action_state (actions, "column");
  g_autoptr(GVariant) descending_state = g_action_group_get_action_state (actions, "descending");
  gboolean d = !descending;

  g_assert_cmpuint (ll_column_sort_get_column (f->sort, &d), ==, column);
  g_assert_cmpint (d, ==, descending);
  g_assert_cmpuint (g_variant_get_uint32 (column_state), ==, column);
  g_assert_cmpint (g_variant_get_boolean (descending_state), ==, descending);
  /* in the table's own order there is no way to turn */
  g_assert_cmpint (g_action_group_get_action_enabled (actions, "descending"), ==,
                   column != LL_COLUMN_SORT_NONE);
}

/* A header click (as GTK does it) is read back, whichever way it points. */
static void
test_reads_headers (Fixture       *f,
                    gconstpointer  data)
{
  assert_rows (f, "pear fig banana");
  assert_state (f, UNSORTED, FALSE);

  gtk_column_view_sort_by_column (f->view, f->text, GTK_SORT_ASCENDING);
  assert_rows (f, "banana fig pear");
  assert_state (f, BY_TEXT, FALSE);
  g_assert_cmpuint (f->changes, ==, 1);

  gtk_column_view_sort_by_column (f->view, f->text, GTK_SORT_DESCENDING);
  assert_rows (f, "pear fig banana");
  assert_state (f, BY_TEXT, TRUE);

  gtk_column_view_sort_by_column (f->view, f->length, GTK_SORT_ASCENDING);
  assert_rows (f, "fig pear banana");
  assert_state (f, BY_LENGTH, FALSE);
  g_assert_cmpuint (f->changes, ==, 3);

  /* the same again: no change to tell */
  gtk_column_view_sort_by_column (f->view, f->length, GTK_SORT_ASCENDING);
  g_assert_cmpuint (f->changes, ==, 3);

  gtk_column_view_sort_by_column (f->view, NULL, GTK_SORT_ASCENDING);
  assert_rows (f, "pear fig banana");
  assert_state (f, UNSORTED, FALSE);
}

/* The actions and properties sort as a header click does: by the first
 * visible column of an id. */
static void
test_sorts (Fixture       *f,
            gconstpointer  data)
{
  GActionGroup *actions = ll_column_sort_get_actions (f->sort);

  g_action_group_activate_action (actions, "column", g_variant_new_uint32 (BY_LENGTH));
  assert_rows (f, "fig pear banana");
  assert_state (f, BY_LENGTH, FALSE);
  g_assert_true (gtk_column_view_column_get_sorter (f->length) != NULL);

  g_action_group_activate_action (actions, "descending", NULL);
  assert_rows (f, "banana pear fig");
  assert_state (f, BY_LENGTH, TRUE);

  /* the first of the two columns hidden: the other sorts */
  gtk_column_view_column_set_visible (f->length, FALSE);
  g_object_set (f->sort, "column", BY_TEXT, NULL);
  g_object_set (f->sort, "column", BY_LENGTH, "descending", FALSE, NULL);
  assert_rows (f, "fig pear banana");
  assert_state (f, BY_LENGTH, FALSE);

  g_object_set (f->sort, "column", LL_COLUMN_SORT_NONE, NULL);
  assert_rows (f, "pear fig banana");
  assert_state (f, UNSORTED, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/column-sort/reads-headers", Fixture, NULL, fixture_set_up, test_reads_headers, fixture_tear_down);
  g_test_add ("/ui/column-sort/sorts", Fixture, NULL, fixture_set_up, test_sorts, fixture_tear_down);

  return g_test_run ();
}
