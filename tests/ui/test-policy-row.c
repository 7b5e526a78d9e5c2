/* test-policy-row.c — how the policy row shows its choices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ll-policy.h"
#include "ll-policy-row.h"
#include "ui-test-util.h"

typedef struct
{
  GtkWindow   *window;
  AdwComboRow *row;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GtkWidget *list = gtk_list_box_new ();

  for (LlPolicyKind kind = 0; kind < LL_N_POLICIES; kind++)
    gtk_string_list_append (titles, ll_policy_get_info (kind)->title);
  f->row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->row), "Policy");
  ll_policy_row_setup (f->row);
  adw_combo_row_set_model (f->row, G_LIST_MODEL (titles));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (f->row));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 360, 600);
  gtk_window_set_child (f->window, list);
  gtk_window_present (f->window);
  wait_ms (200);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wait_ms (50);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static GtkWidget *
find_mapped_label (GtkWidget  *root,
                   const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_label (labels->pdata[i]), text))
      return labels->pdata[i];
  return NULL;
}

/* The chosen policy's qualifier goes on a line of its own, so the row's
 * title and subtitle keep the room; a title with none stays one line. */
static void
test_value_narrow (Fixture       *f,
                   gconstpointer  data)
{
  adw_combo_row_set_selected (f->row, LL_POLICY_DOUBLE);
  wait_ms (50);
  g_assert_nonnull (find_mapped_label (GTK_WIDGET (f->row), "C++ std::vector\n(libstdc++)"));
  g_assert_null (find_mapped_label (GTK_WIDGET (f->row), "C++ std::vector (libstdc++)"));

  adw_combo_row_set_selected (f->row, LL_POLICY_MSVC);
  wait_ms (50);
  g_assert_nonnull (find_mapped_label (GTK_WIDGET (f->row), "C++ std::vector\n(MSVC)"));

  adw_combo_row_set_selected (f->row, LL_POLICY_GO);
  wait_ms (50);
  g_assert_nonnull (find_mapped_label (GTK_WIDGET (f->row), "Go append"));
}

/* A list item: the title whole, the policy's description under it, and a
 * check shown on the chosen one only. */
static GtkWidget *
item_of (GtkWidget  *popover,
         const char *title)
{
  GtkWidget *label = find_mapped_label (popover, title);

  g_assert_nonnull (label);
  /* label → its box of texts → the item's box */
  return gtk_widget_get_parent (gtk_widget_get_parent (label));
}

static double
check_opacity (GtkWidget *item)
{
  GtkWidget *check = gtk_widget_get_last_child (item);

  g_assert_true (GTK_IS_IMAGE (check));
  return gtk_widget_get_opacity (check);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *popover;
  GtkWidget *item;

  adw_combo_row_set_selected (f->row, LL_POLICY_MSVC);
  gtk_widget_activate (GTK_WIDGET (f->row));
  wait_ms (300);
  popover = find_widget (GTK_WIDGET (f->row), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  /* (the first items: the list shows as many as fit) */
  item = item_of (popover, "C++ std::vector (MSVC)");
  g_assert_nonnull (find_mapped_label (item, "Grows the capacity by half (1.5×), at least to what is needed"));
  g_assert_cmpfloat (check_opacity (item), ==, 1);
  item = item_of (popover, "CPython 3.9+");
  g_assert_nonnull (find_mapped_label (item, ll_policy_get_info (LL_POLICY_CPYTHON)->description));
  g_assert_cmpfloat (check_opacity (item), ==, 0);

  /* Chosen from the code: the check moves. */
  adw_combo_row_set_selected (f->row, LL_POLICY_CPYTHON);
  wait_ms (50);
  g_assert_cmpfloat (check_opacity (item_of (popover, "CPython 3.9+")), ==, 1);
  g_assert_cmpfloat (check_opacity (item_of (popover, "C++ std::vector (MSVC)")), ==, 0);

  gtk_popover_popdown (GTK_POPOVER (popover));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/policy-row/value-narrow", Fixture, NULL, fixture_set_up, test_value_narrow, fixture_tear_down);
  g_test_add ("/ui/policy-row/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);

  return g_test_run ();
}
