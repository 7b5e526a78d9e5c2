/* test-combo-value.c — a combo row's chosen value, whole at any text size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ll-combo-value.h"
#include "ui-test-util.h"

static GtkLabel *
find_mapped_label (GtkWidget  *widget,
                   const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_mapped_label (child, text);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* In a sidebar-wide row at 1.5 text the longest value of the element and
 * target rows is shown whole, not cut with "…" as libadwaita's factory
 * cuts it; the title and subtitle wrap beside it. */
static void
test_whole_at_large_text (void)
{
  const char *values[] = { "Runtime’s Own", "Container and Objects", "Shared object", NULL };
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (values);
  GtkLabel *label;
  int dpi, natural;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 147456, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Measure");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "sys.getsizeof(list): the 56-byte header and the slots");
  ll_combo_value_setup (row);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, 1);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_set_default_size (GTK_WINDOW (window), 356, -1);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (300);

  label = find_mapped_label (GTK_WIDGET (row), "Container and Objects");
  g_assert_nonnull (label);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (label)), >=, natural);

  /* Another choice, shown whole too. */
  adw_combo_row_set_selected (row, 0);
  wait_ms (100);
  label = find_mapped_label (GTK_WIDGET (row), "Runtime’s Own");
  g_assert_nonnull (label);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/combo-value/whole-at-large-text", test_whole_at_large_text);

  return g_test_run ();
}
