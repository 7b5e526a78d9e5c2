/* test-run-row.c — a run in the run list: drawn as libadwaita draws its
 * rows, shown or hidden by activating it, removed by its button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "export-test-util.h"
#include "ll-run-row.h"
#include "ll-run-swatch.h"
#include "ll-ui-util.h"
#include "ui-test-util.h"

typedef struct
{
  GtkWindow *window;
  LlRun     *run;
  GtkWidget *row;        /* the LlRunRow */
  GtkWidget *reference;  /* an AdwActionRow made as the row looks */
  guint      removed;    /* the id "win.remove-run" was given */
} Fixture;

/* What the run list showed before it had rows of its own: an AdwActionRow
 * with the run's swatch and check before its name and state, and its
 * buttons after. */
static GtkWidget *
reference_row (LlRun *run)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *rename = gtk_menu_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = ll_ui_wrappable_text (ll_run_get_title (run));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "Simulated: capacities only, nothing allocated");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ll_run_get_visible (run));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), ll_run_swatch_new (run));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (rename), "document-edit-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (rename), gtk_popover_new ());
  ll_ui_set_up_row_button (rename, "Rename the Run");
  ll_ui_set_up_row_button (remove, "Remove the Run");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rename);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
on_remove_run (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  Fixture *f = data;

  f->removed = g_variant_get_uint32 (parameter);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *reference_group = adw_preferences_group_new ();
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) remove = g_simple_action_new ("remove-run", G_VARIANT_TYPE_UINT32);

  f->run = make_simulated_run (LL_POLICY_CPYTHON, 1000);
  f->row = ll_run_row_new (f->run, TRUE);
  f->reference = reference_row (f->run);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), f->row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (reference_group), f->reference);
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), reference_group);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  f->window = GTK_WINDOW (gtk_window_new ());
  g_signal_connect (remove, "activate", G_CALLBACK (on_remove_run), f);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (remove));
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (actions));
  gtk_window_set_default_size (f->window, 420, 300);
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  wait_frames (f->row, 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wait_ms (50);
  g_assert_finalize_object (f->run);
}

/* How many pixels of the row differ from the reference's. */
static guint
pixels_unlike_reference (Fixture *f)
{
  int width = gtk_widget_get_width (f->row);
  int height = gtk_widget_get_height (f->row);
  g_autofree guchar *row = NULL;
  g_autofree guchar *reference = NULL;
  guint unlike = 0;

  g_assert_cmpint (width, ==, gtk_widget_get_width (f->reference));
  g_assert_cmpint (height, ==, gtk_widget_get_height (f->reference));
  row = widget_pixels (f->row);
  reference = widget_pixels (f->reference);
  for (gsize i = 0; i < (gsize) width * height; i++)
    unlike += pixels_differ (row + 4 * i, reference + 4 * i);
  return unlike;
}

/* The row is drawn pixel for pixel as an AdwActionRow with the same
 * name, state, swatch, check and buttons: at a width where the name takes
 * one line, where it wraps, and where it ends in an ellipsis; light and
 * dark. */
static void
test_looks_as_an_action_row (Fixture       *f,
                             gconstpointer  data)
{
  static const int widths[] = { 560, 420, 330 };
  int one_line = 0;

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      gtk_window_set_default_size (f->window, widths[i], 300);
      wait_frames (f->row, 3);
      if (i == 0)
        one_line = gtk_widget_get_height (f->row);
      else
        g_assert_cmpint (gtk_widget_get_height (f->row), >, one_line);
      g_assert_cmpuint (pixels_unlike_reference (f), ==, 0);
    }

  /* Renamed: the same again (and the reference made anew). */
  ll_run_set_title (f->run, "A name long enough to take more than the two lines a row gives it here");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (f->reference),
                                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (f->row)));
  wait_frames (f->row, 3);
  g_assert_cmpuint (pixels_unlike_reference (f), ==, 0);

  /* In the dark style too. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_frames (f->row, 3);
  g_assert_cmpuint (pixels_unlike_reference (f), ==, 0);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  wait_frames (f->row, 3);

  /* Hidden from the charts: its check, drawn so. */
  ll_run_set_visible (f->run, FALSE);
  wait_frames (f->row, 3);
  g_assert_cmpuint (pixels_unlike_reference (f), >, 0);
}

/* Activating the row, as a click or Enter does, shows or hides the run;
 * its check follows the run. */
static void
test_activation (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *check = find_widget (f->row, GTK_TYPE_CHECK_BUTTON);
  g_autoptr(LlRun) other_run = make_simulated_run (LL_POLICY_GO, 1000);
  GtkWidget *other = ll_run_row_new (other_run, TRUE);

  /* (a row of another run in the same list) */
  gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (f->row)), other, -1);

  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (f->row)));
  g_assert_true (ll_run_get_visible (f->run));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_signal_emit_by_name (gtk_widget_get_parent (f->row), "row-activated", f->row);
  g_assert_false (ll_run_get_visible (f->run));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  /* Another row's activation is not its. */
  g_signal_emit_by_name (gtk_widget_get_parent (f->row), "row-activated", other);
  g_assert_false (ll_run_get_visible (f->run));
  g_assert_false (ll_run_get_visible (other_run));
  ll_run_set_visible (f->run, TRUE);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  g_assert_true (ll_run_row_get_run (LL_RUN_ROW (f->row)) == f->run);
  g_assert_cmpstr (ll_run_row_get_subtitle (LL_RUN_ROW (f->row)), ==,
                   "Simulated: capacities only, nothing allocated");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (f->row)), ==, ll_run_get_title (f->run));
}

/* Its trash button removes the run by its id; a row made not removable
 * has none. */
static void
test_remove_button (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *remove = find_by_tooltip (f->row, "Remove the Run");
  GtkWidget *kept = ll_run_row_new (f->run, FALSE);

  g_object_ref_sink (kept);
  g_assert_true (GTK_IS_BUTTON (remove));
  g_signal_emit_by_name (remove, "clicked");
  g_assert_cmpuint (f->removed, ==, ll_run_get_id (f->run));
  g_assert_null (find_by_tooltip (kept, "Remove the Run"));
  g_assert_true (GTK_IS_MENU_BUTTON (find_by_tooltip (kept, "Rename the Run")));
  g_object_unref (kept);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/run-row/looks-as-an-action-row", Fixture, NULL,
              fixture_set_up, test_looks_as_an_action_row, fixture_tear_down);
  g_test_add ("/run-row/activation", Fixture, NULL,
              fixture_set_up, test_activation, fixture_tear_down);
  g_test_add ("/run-row/remove-button", Fixture, NULL,
              fixture_set_up, test_remove_button, fixture_tear_down);

  return g_test_run ();
}
