/* test-fit-bin.c — a child shown where it fits, left out where it does not,
 * never widening what holds it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ll-fit-bin.h"
#include "ui-test-util.h"

static void
test_fits (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *fixed = gtk_label_new (NULL);
  GtkWidget *bin = ll_fit_bin_new ();
  GtkWidget *button = gtk_button_new_with_label ("A button with some words");
  int box_least, alone_least, button_least, button_natural, bin_least, bin_natural, height;

  gtk_widget_set_size_request (fixed, 200, 20);
  gtk_box_append (GTK_BOX (box), fixed);
  gtk_box_append (GTK_BOX (box), bin);
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &alone_least, NULL, NULL, NULL);
  adw_bin_set_child (ADW_BIN (bin), button);
  g_assert_true (adw_bin_get_child (ADW_BIN (bin)) == button);
  g_assert_true (gtk_widget_get_parent (button) == bin);

  /* No width of its own; as much as the child likes; the child's height. */
  gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, &button_least, &button_natural, NULL, NULL);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &bin_least, &bin_natural, NULL, NULL);
  g_assert_cmpint (button_least, >, 0);
  g_assert_cmpint (bin_least, ==, 0);
  g_assert_cmpint (bin_natural, ==, button_natural);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  g_assert_cmpint (height, >, 0);
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &box_least, NULL, NULL, NULL);
  g_assert_cmpint (box_least, ==, alone_least);

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 200 + button_natural + 200, 60);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (200);
  g_assert_true (ll_fit_bin_get_fits (LL_FIT_BIN (bin)));
  g_assert_true (gtk_widget_get_mapped (button));
  /* (all it would like: the bin's width is the button's with its padding) */
  g_assert_cmpint (gtk_widget_get_width (bin), ==, button_natural);

  /* Narrower than the child's least: left out, for screen readers too. */
  gtk_window_set_default_size (GTK_WINDOW (window), 200 + button_least / 2, 60);
  wait_ms (200);
  g_assert_cmpint (gtk_widget_get_width (window), <, 200 + button_least);
  g_assert_false (ll_fit_bin_get_fits (LL_FIT_BIN (bin)));
  g_assert_false (gtk_widget_get_mapped (button));
  gtk_test_accessible_assert_state (button, GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

  /* Wide again: back. */
  gtk_window_set_default_size (GTK_WINDOW (window), 200 + button_natural + 200, 60);
  wait_ms (200);
  g_assert_true (ll_fit_bin_get_fits (LL_FIT_BIN (bin)));
  g_assert_true (gtk_widget_get_mapped (button));
  gtk_test_accessible_assert_state (button, GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);

  /* A hidden child asks for nothing. */
  gtk_widget_set_visible (button, FALSE);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, -1, &height, &bin_natural, NULL, NULL);
  g_assert_cmpint (height, ==, 0);
  g_assert_cmpint (bin_natural, ==, 0);

  adw_bin_set_child (ADW_BIN (bin), NULL);
  g_assert_null (adw_bin_get_child (ADW_BIN (bin)));
  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (10);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init_accessible (&argc, &argv);

  g_test_add_func ("/ui/fit-bin/fits", test_fits);

  return g_test_run ();
}
