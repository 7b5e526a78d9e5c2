/* test-preferences-window.c — Preferences: every setting shown, changed and saved; a bad reserve said at its row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ll-preferences-window.h"
#include "ll-reserve-row.h"
#include "settings-test-util.h"
#include "ui-test-util.h"

static void
check_preferences (LlApplication *app,
                   LlWindow      *window,
                   gpointer       data)
{
  GSettings *settings = data;
  LlPreferencesWindow *prefs;
  GtkWidget *row;
  GtkWidget *widget;

  /* Ctrl+comma opens it. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                  "app.preferences");

    g_assert_cmpstr (accels[0], ==, "<Control>comma");
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = LL_PREFERENCES_WINDOW (find_toplevel (LL_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  g_assert_true (ADW_IS_PREFERENCES_WINDOW (prefs));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (window));

  /* Huge pages, with a word on where they apply. */
  widget = find_titled (GTK_WIDGET (prefs), GTK_TYPE_SWITCH, NULL);
  g_assert_nonnull (widget);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (widget)));
  gtk_switch_set_active (GTK_SWITCH (widget), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "huge-pages"));
  row = find_titled (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "_Huge Pages");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "mremap"));

  /* Sampling rate, both ways. */
  widget = find_titled (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (widget);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)), ==, 20);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 50);
  g_assert_cmpuint (g_settings_get_uint (settings, "sample-rate"), ==, 50);
  g_settings_set_uint (settings, "sample-rate", 10);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)), ==, 10);

  /* History detail: steps of the schema's range. */
  row = find_titled (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "History _Detail");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_assert_cmpuint (g_settings_get_uint (settings, "history-detail"), ==, 4096);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 4);
  g_assert_cmpuint (g_settings_get_uint (settings, "history-detail"), ==, 1048576);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "1,048,576"));

  /* Units: the window follows at once. */
  row = find_titled (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "Size _Units");
  g_assert_nonnull (row);
  g_assert_cmpint (ll_window_get_units (window), ==, LL_UNITS_IEC);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  assert_setting_string (settings, "units", "si");
  g_assert_cmpint (ll_window_get_units (window), ==, LL_UNITS_SI);
  g_assert_cmpint (ll_chart_view_get_units (ll_window_get_chart_view (window, LL_CHART_MEMORY)),
                   ==, LL_UNITS_SI);

  /* Style: the style manager follows. */
  row = find_titled (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "_Style");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  assert_setting_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()),
                   ==, ADW_COLOR_SCHEME_FORCE_DARK);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()),
                   ==, ADW_COLOR_SCHEME_DEFAULT);

  /* Reserve: a bad one is refused with a reason, a good one is saved and
   * the sidebar shows it too. */
  widget = find_titled (find_titled (GTK_WIDGET (prefs), LL_TYPE_RESERVE_ROW, NULL), GTK_TYPE_ENTRY, NULL);
  g_assert_nonnull (widget);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, "auto");
  g_assert_null (ll_preferences_window_get_reserve_error (prefs));
  gtk_editable_set_text (GTK_EDITABLE (widget), "lots");
  g_assert_nonnull (ll_preferences_window_get_reserve_error (prefs));
  g_assert_cmpstr (ll_preferences_window_get_reserve_error (prefs), ==,
                   "‘lots’ is not a reserve: write “auto”, a size such as 2GiB or a share of memory such as 10 %");
  g_assert_true (gtk_widget_has_css_class (widget, "error"));
  assert_setting_string (settings, "reserve", "auto");
  gtk_editable_set_text (GTK_EDITABLE (widget), "2GiB");
  g_assert_null (ll_preferences_window_get_reserve_error (prefs));
  g_assert_false (gtk_widget_has_css_class (widget, "error"));
  assert_setting_string (settings, "reserve", "2GiB");
  {
    g_autoptr(GError) error = NULL;
    LlRunConfig config;

    g_assert_true (ll_controls_get_config (ll_window_get_controls (window), &config, &error));
    g_assert_cmpuint (config.reserve_bytes, ==, 2 * GiB);
    g_assert_true (config.huge_pages);
    g_assert_cmpuint (config.sample_hz, ==, 10);
    g_assert_cmpuint (config.history_buckets, ==, 1048576);
  }

  /* Closed and opened again, it shows what was saved. */
  gtk_window_destroy (GTK_WINDOW (prefs));
  iterate ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = LL_PREFERENCES_WINDOW (find_toplevel (LL_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (prefs);
  widget = find_titled (find_titled (GTK_WIDGET (prefs), LL_TYPE_RESERVE_ROW, NULL), GTK_TYPE_ENTRY, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, "2GiB");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_titled (GTK_WIDGET (prefs),
                                                                 GTK_TYPE_SWITCH, NULL))));
  row = find_titled (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "Size _Units");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);

  {
    gpointer weak = prefs;

    g_object_add_weak_pointer (G_OBJECT (prefs), &weak);
    gtk_window_destroy (GTK_WINDOW (prefs));
    iterate ();
    g_assert_null (weak);
  }
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = new_settings ();

  run_app (NULL, check_preferences, settings);
  reset_settings (settings);
}

int
main (int   argc,
      char *argv[])
{
  settings_test_init (&argc, &argv);

  g_test_add_func ("/ui/preferences-window/preferences", test_preferences);

  return g_test_run ();
}
