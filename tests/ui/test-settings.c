/* test-settings.c — saved settings come back after a restart; Preferences,
 * About and the French translation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ll-application.h"
#include "ll-preferences-window.h"
#include "ll-reserve-row.h"
#include "ll-axis.h"
#include "ll-window.h"
#include "ui-test-util.h"

#define MiB (G_GUINT64_CONSTANT (1) << 20)
#define GiB (G_GUINT64_CONSTANT (1) << 30)

/* Helpers */

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef void (*AppBody) (LlApplication *app,
                         LlWindow      *window,
                         gpointer       data);

typedef struct
{
  AppBody  body;
  gpointer data;
  gboolean ran;
} RunData;

static gboolean
run_body (gpointer user_data)
{
  RunData *run = user_data;
  GApplication *app = g_application_get_default ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  g_assert_true (LL_IS_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  run->body (LL_APPLICATION (app), LL_WINDOW (window), run->data);
  run->ran = TRUE;

  /* As Ctrl+Q does: the windows go, their state is saved. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
on_startup (GApplication *app,
            RunData      *run)
{
  g_idle_add (run_body, run);
}

/* Runs the application as main () does, with @args as its options, calls
 * @body once its window is up, then quits it and checks it is gone. */
static void
run_app (const char * const *args,
         AppBody             body,
         gpointer            data)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  RunData run = { body, data, FALSE };
  LlApplication *app = ll_application_new ();
  gpointer weak = app;
  int status;

  /* Not on the bus: each test starts the application again in this
   * process, and nothing else may answer to its name. */
  g_application_set_application_id (G_APPLICATION (app), NULL);
  g_signal_connect_after (app, "startup", G_CALLBACK (on_startup), &run);

  g_ptr_array_add (argv, (gpointer) "listlab");
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  status = g_application_run (G_APPLICATION (app), argv->len - 1, (char **) argv->pdata);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.ran);

  g_object_add_weak_pointer (G_OBJECT (app), &weak);
  g_object_unref (app);
  iterate ();
  g_assert_null (weak);
}

/* The first widget of @type under @root; with @title, the preferences row
 * of that title. */
static GtkWidget *
find_titled (GtkWidget  *root,
             GType       type,
             const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (title == NULL ||
           (ADW_IS_PREFERENCES_ROW (child) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)))
        return child;

      if ((found = find_titled (child, type, title)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

static void
reset_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static char *
get_string (GSettings  *settings,
            const char *key)
{
  return g_settings_get_string (settings, key);
}

/* Tests: the application's own GSettings and this one share the process's
 * memory backend, as two programs share dconf. */

static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  reset_settings (settings);
  return settings;
}

static void
check_saved (LlApplication *app,
             LlWindow      *window,
             gpointer       data)
{
  GSettings *settings = data;
  LlControls *controls = ll_window_get_controls (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  LlRunConfig config;
  int width, height;

  g_assert_true (ll_controls_get_config (controls, &config, &error));
  g_assert_no_error (error);
  g_assert_cmpint (config.policy.kind, ==, LL_POLICY_GO);
  g_assert_cmpint (config.mechanism, ==, LL_MECHANISM_COPY);
  g_assert_cmpint (config.element, ==, LL_ELEMENT_INT32);
  g_assert_cmpuint (config.initial_length, ==, 1000);
  g_assert_cmpint (config.target_kind, ==, LL_TARGET_TOTAL_BYTES);
  g_assert_cmpuint (config.target, ==, 48 * MiB);
  g_assert_cmpuint (config.reserve_bytes, ==, GiB);
  g_assert_cmpuint (config.sample_hz, ==, 50);
  g_assert_true (config.huge_pages);
  g_assert_cmpuint (config.history_buckets, ==, 16384);

  g_assert_cmpint (ll_window_get_units (window), ==, LL_UNITS_SI);
  for (guint i = 0; i < LL_N_CHARTS; i++)
    g_assert_cmpint (ll_chart_view_get_units (ll_window_get_chart_view (window, i)), ==, LL_UNITS_SI);
  {
    LlChartOptions options;

    ll_chart_view_get_options (ll_window_get_chart_view (window, LL_CHART_GROWTH), &options);
    g_assert_true (options.log_y);
  }
  g_assert_false (adw_flap_get_reveal_flap (ll_window_get_flap (window)));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  /* The summary speaks SI: free memory in GB, not GiB. */
  {
    const char *free_now = ll_summary_view_get_value (ll_window_get_summary (window),
                                                      LL_FIGURE_FREE_NOW);

    g_assert_true (g_str_has_suffix (free_now, " GB") || g_str_has_suffix (free_now, " MB"));
  }

  /* The person changes things; each is saved as it is made. */
  ll_controls_set_policy (controls, LL_POLICY_RUST);
  ll_controls_set_element (controls, LL_ELEMENT_BOXED);
  ll_controls_set_target_kind (controls, LL_TARGET_CONTAINER_BYTES);
  ll_controls_set_target_text (controls, "64 MiB");
  ll_controls_set_initial_text (controls, "2e3");
  ll_controls_set_reserve_text (controls, "auto");
  value = get_string (settings, "policy");
  g_assert_cmpstr (value, ==, "rust");
  g_clear_pointer (&value, g_free);
  value = get_string (settings, "target");
  g_assert_cmpstr (value, ==, "64 MiB");
  g_clear_pointer (&value, g_free);
  g_assert_cmpuint (g_settings_get_uint64 (settings, "initial-length"), ==, 2000);

  /* Half-typed text is not saved: the last valid target stays. */
  ll_controls_set_target_text (controls, "12XB");
  g_assert_false (ll_controls_get_valid (controls));
  value = get_string (settings, "target");
  g_assert_cmpstr (value, ==, "64 MiB");
  g_clear_pointer (&value, g_free);
  ll_controls_set_target_text (controls, "64 MiB");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_true (adw_flap_get_reveal_flap (ll_window_get_flap (window)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  iterate ();

  /* Closing saves the window's state. */
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_true (g_settings_get_boolean (settings, "sidebar-visible"));
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
check_restored (LlApplication *app,
                LlWindow      *window,
                gpointer       data)
{
  LlControls *controls = ll_window_get_controls (window);
  g_autoptr(GError) error = NULL;
  LlRunConfig config;
  int width, height;

  g_assert_true (ll_controls_get_config (controls, &config, &error));
  g_assert_no_error (error);
  g_assert_cmpint (config.policy.kind, ==, LL_POLICY_RUST);
  g_assert_cmpint (config.mechanism, ==, LL_MECHANISM_COPY);
  g_assert_cmpint (config.element, ==, LL_ELEMENT_BOXED);
  g_assert_cmpint (config.target_kind, ==, LL_TARGET_CONTAINER_BYTES);
  g_assert_cmpuint (config.target, ==, 64 * MiB);
  g_assert_cmpuint (config.initial_length, ==, 2000);
  g_assert_cmpuint (config.reserve_bytes, ==, LL_RESERVE_DEFAULT);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);
  g_assert_true (adw_flap_get_reveal_flap (ll_window_get_flap (window)));
  g_assert_cmpint (ll_window_get_units (window), ==, LL_UNITS_SI);

  /* Quitting (after this) saves the state too, though it skips
   * close-request. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  iterate ();
}

/* What was saved is what the window shows when the application starts,
 * and what the person changes is saved for the next start. */
static void
test_restored (void)
{
  g_autoptr(GSettings) settings = new_settings ();

  g_settings_set_string (settings, "policy", "go");
  g_settings_set_string (settings, "mechanism", "copy");
  g_settings_set_string (settings, "element", "int32");
  g_settings_set_uint64 (settings, "initial-length", 1000);
  g_settings_set_string (settings, "target-kind", "total");
  g_settings_set_string (settings, "target", "48MiB");
  g_settings_set_string (settings, "reserve", "1GiB");
  g_settings_set_uint (settings, "sample-rate", 50);
  g_settings_set_boolean (settings, "huge-pages", TRUE);
  g_settings_set_uint (settings, "history-detail", 16384);
  g_settings_set_string (settings, "units", "si");
  g_settings_set_boolean (settings, "chart-log-y", TRUE);
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "sidebar-visible", FALSE);

  run_app (NULL, check_saved, settings);
  /* A restart. */
  run_app (NULL, check_restored, settings);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 720);
  reset_settings (settings);
}

static void
check_command_line (LlApplication *app,
                    LlWindow      *window,
                    gpointer       data)
{
  GSettings *settings = data;
  LlControls *controls = ll_window_get_controls (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  LlRunConfig config;

  g_assert_true (ll_controls_get_config (controls, &config, &error));
  g_assert_no_error (error);
  g_assert_cmpint (config.policy.kind, ==, LL_POLICY_JAVA);
  g_assert_cmpint (config.element, ==, LL_ELEMENT_BOXED);
  g_assert_cmpint (config.target_kind, ==, LL_TARGET_CONTAINER_BYTES);
  g_assert_cmpuint (config.target, ==, 32 * MiB);
  /* What the command line did not name comes from the settings. */
  g_assert_cmpint (config.mechanism, ==, LL_MECHANISM_REALLOC);

  value = get_string (settings, "policy");
  g_assert_cmpstr (value, ==, "msvc");
  g_clear_pointer (&value, g_free);
  value = get_string (settings, "element");
  g_assert_cmpstr (value, ==, "shared");
  g_clear_pointer (&value, g_free);
  value = get_string (settings, "target");
  g_assert_cmpstr (value, ==, "3GB");
  g_clear_pointer (&value, g_free);
  value = get_string (settings, "target-kind");
  g_assert_cmpstr (value, ==, "elements");
  g_clear_pointer (&value, g_free);

  /* An edit saves that field again, and only that one. */
  ll_controls_set_policy (controls, LL_POLICY_DOUBLE);
  value = get_string (settings, "policy");
  g_assert_cmpstr (value, ==, "double");
  g_clear_pointer (&value, g_free);
  ll_controls_set_target_text (controls, "40MiB");
  value = get_string (settings, "target");
  g_assert_cmpstr (value, ==, "40MiB");
  g_clear_pointer (&value, g_free);
  value = get_string (settings, "element");
  g_assert_cmpstr (value, ==, "shared");
  g_clear_pointer (&value, g_free);

  /* A value set elsewhere no longer reaches the held field… */
  g_settings_set_string (settings, "element", "int64");
  g_assert_true (ll_controls_get_config (controls, &config, &error));
  g_assert_cmpint (config.element, ==, LL_ELEMENT_BOXED);
  /* …while the fields the command line did not touch still follow. */
  g_settings_set_string (settings, "mechanism", "mremap");
  g_assert_true (ll_controls_get_config (controls, &config, &error));
  g_assert_cmpint (config.mechanism, ==, LL_MECHANISM_MREMAP);
}

/* Command-line choices hold for the session; the saved ones stay until the
 * person edits the field. */
static void
test_command_line (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  const char *args[] = { "--policy", "java", "--target", "32MiB", "--element", "boxed", NULL };

  g_settings_set_string (settings, "policy", "msvc");
  g_settings_set_string (settings, "mechanism", "realloc");
  g_settings_set_string (settings, "target", "3GB");
  g_settings_set_string (settings, "target-kind", "elements");

  run_app (args, check_command_line, settings);
  reset_settings (settings);
}

static void
check_preferences (LlApplication *app,
                   LlWindow      *window,
                   gpointer       data)
{
  GSettings *settings = data;
  g_autofree char *value = NULL;
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
  value = get_string (settings, "units");
  g_assert_cmpstr (value, ==, "si");
  g_clear_pointer (&value, g_free);
  g_assert_cmpint (ll_window_get_units (window), ==, LL_UNITS_SI);
  g_assert_cmpint (ll_chart_view_get_units (ll_window_get_chart_view (window, LL_CHART_MEMORY)),
                   ==, LL_UNITS_SI);

  /* Style: the style manager follows. */
  row = find_titled (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "_Style");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  value = get_string (settings, "color-scheme");
  g_assert_cmpstr (value, ==, "dark");
  g_clear_pointer (&value, g_free);
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
  value = get_string (settings, "reserve");
  g_assert_cmpstr (value, ==, "auto");
  g_clear_pointer (&value, g_free);
  gtk_editable_set_text (GTK_EDITABLE (widget), "2GiB");
  g_assert_null (ll_preferences_window_get_reserve_error (prefs));
  g_assert_false (gtk_widget_has_css_class (widget, "error"));
  value = get_string (settings, "reserve");
  g_assert_cmpstr (value, ==, "2GiB");
  g_clear_pointer (&value, g_free);
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

static void
check_light (LlApplication *app,
             LlWindow      *window,
             gpointer       data)
{
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()),
                   ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
test_style_at_startup (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_settings_set_string (settings, "color-scheme", "light");
  run_app (NULL, check_light, NULL);

  /* Once the application is gone, the setting no longer drives the style. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
  reset_settings (settings);
}

static void
check_about (LlApplication *app,
             LlWindow      *window,
             gpointer       data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));

  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "List Lab");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, "https://github.com/listlab/listlab");
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==,
                   "https://github.com/listlab/listlab/issues");
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "The List Lab developers");
  g_assert_cmpstr (adw_about_window_get_developers (about)[0], ==, "The List Lab developers");
  g_assert_nonnull (strstr (adw_about_window_get_copyright (about), "2026"));
  /* Untranslated, the credits are the msgid itself. */
  g_assert_cmpstr (adw_about_window_get_translator_credits (about), ==, "translator-credits");

  /* LISTLAB_DATADIR (as `meson devenv` sets it) makes the icon findable
   * from the build tree. */
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));

  gtk_window_destroy (GTK_WINDOW (about));
}

static void
test_about (void)
{
  run_app (NULL, check_about, NULL);
}

/* The charts' scales, what they show and the table: the board, its
 * actions and the settings agree, and every chart follows. */
static void
check_log_toggle (LlApplication *app,
                  LlWindow      *window,
                  gpointer       data)
{
  GSettings *settings = data;
  LlChartBoard *board = ll_window_get_board (window);
  LlChartOptions options;

  gtk_widget_activate_action (GTK_WIDGET (board), "axes.log-y", NULL);
  g_assert_true (g_settings_get_boolean (settings, "chart-log-y"));
  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      ll_chart_view_get_options (ll_window_get_chart_view (window, k), &options);
      g_assert_true (options.log_y);
      g_assert_false (options.log_x);
    }
  g_settings_set_boolean (settings, "chart-log-y", FALSE);
  ll_chart_view_get_options (ll_window_get_chart_view (window, LL_CHART_GROWTH), &options);
  g_assert_false (options.log_y);

  g_settings_set_boolean (settings, "chart-log-length", TRUE);
  ll_chart_view_get_options (ll_window_get_chart_view (window, LL_CHART_TIME), &options);
  g_assert_true (options.log_x);
  gtk_widget_activate_action (GTK_WIDGET (board), "axes.log-length", NULL);
  g_assert_false (g_settings_get_boolean (settings, "chart-log-length"));

  /* One chart alone, and back; the table shown, and hidden. */
  gtk_widget_activate_action (GTK_WIDGET (board), "charts.show", "s", "time");
  {
    g_autofree char *visible = g_settings_get_string (settings, "visible-chart");

    g_assert_cmpstr (visible, ==, "time");
  }
  g_assert_cmpint (ll_chart_board_get_current_kind (board), ==, LL_CHART_TIME);
  g_settings_set_string (settings, "visible-chart", "all");
  g_assert_cmpstr (ll_chart_board_get_visible_chart (board), ==, "all");

  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (ll_chart_board_get_table (board))));
  gtk_widget_activate_action (GTK_WIDGET (board), "charts.show-table", NULL);
  g_assert_true (g_settings_get_boolean (settings, "show-reallocations"));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (ll_chart_board_get_table (board))));
  g_settings_set_boolean (settings, "show-reallocations", FALSE);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (ll_chart_board_get_table (board))));

  /* The figures: five, or all twelve. */
  g_assert_false (ll_summary_view_shows (ll_window_get_summary (window), LL_FIGURE_SLACK));
  g_settings_set_boolean (settings, "show-all-figures", TRUE);
  g_assert_true (ll_summary_view_shows (ll_window_get_summary (window), LL_FIGURE_SLACK));
}

static void
test_log_toggle (void)
{
  g_autoptr(GSettings) settings = new_settings ();

  run_app (NULL, check_log_toggle, settings);
  reset_settings (settings);
}

/* Under LANGUAGE=fr with the build's catalogues, the window is French.
 * In a child process: gettext and GTK keep what they translated. */
static void
test_french (void)
{
  g_autofree char *mo = g_build_filename (BUILD_LOCALEDIR, "fr", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  LlWindow *window;
  GtkWidget *start;
  GtkWidget *row;
  const char *free_now;

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("The French catalogue was not built");
      return;
    }

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* Units looked up before the language changes are looked up again. */
  g_assert_cmpstr (ll_unit_name (LL_UNITS_IEC, 3), ==, "GiB");

  /* As main () does; gtk_test_init () left the C locale, where gettext
   * ignores LANGUAGE. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  window = ll_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  start = find_button (GTK_WIDGET (window), "win.start");
  g_assert_nonnull (start);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (start)), ==, "_Démarrer");
  g_assert_cmpstr (ll_window_get_status_text (window), ==, "Prêt");

  row = find_titled (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, "_Stratégie");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "liste"));

  /* Units are French too: Gio, not GiB. */
  g_assert_cmpstr (ll_unit_name (LL_UNITS_IEC, 3), ==, "Gio");
  free_now = ll_summary_view_get_value (ll_window_get_summary (window), LL_FIGURE_FREE_NOW);
  g_assert_true (g_str_has_suffix (free_now, " Gio") || g_str_has_suffix (free_now, " Mio"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* Numbers follow the locale: a decimal comma and grouped digits in French.
 * The machine may have no French locale: one is compiled for the test. */
static void
test_french_numbers (void)
{
  g_autofree char *localedef = g_find_program_in_path ("localedef");
  g_autofree char *locpath = NULL;
  g_autofree char *mo = g_build_filename (BUILD_LOCALEDIR, "fr", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *count = NULL;
  g_autofree char *rate = NULL;
  const char *argv[] = { NULL, "-i", "fr_FR", "-f", "UTF-8", NULL, NULL };
  int status = -1;

  if (localedef == NULL || !g_file_test ("/usr/share/i18n/locales/fr_FR", G_FILE_TEST_EXISTS) ||
      !g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("Needs localedef, the fr_FR locale source and the French catalogue");
      return;
    }

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  locpath = g_dir_make_tmp ("listlab-locale-XXXXXX", NULL);
  g_assert_nonnull (locpath);
  argv[0] = localedef;
  argv[5] = g_build_filename (locpath, "fr_FR.UTF-8", NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_free ((char *) argv[5]);
      g_test_skip ("localedef could not compile fr_FR.UTF-8");
      return;
    }

  g_setenv ("LOCPATH", locpath, TRUE);
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "fr_FR.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  bytes = ll_format_bytes (180000000, LL_UNITS_IEC);
  count = ll_format_count_exact (238084485);
  rate = ll_format_rate_bytes (3.5e9, LL_UNITS_SI);
  g_assert_cmpstr (bytes, ==, "171,66 Mio");
  /* glibc groups French digits with a narrow no-break space. */
  g_assert_cmpstr (count, ==, "238\u202f084\u202f485");
  g_assert_cmpstr (rate, ==, "3,5 Go/s");

  /* What the window writes, the fields read back. */
  {
    guint64 value = 0;

    g_assert_true (ll_size_parse_bytes ("2,5 Go", LL_SIZE_FLAGS_LOCALE, &value, NULL));
    g_assert_cmpuint (value, ==, 2500000000);
    g_assert_true (ll_size_parse_bytes ("1,5\u00a0Gio", LL_SIZE_FLAGS_LOCALE, &value, NULL));
    g_assert_cmpuint (value, ==, 1610612736);
    g_assert_true (ll_size_parse_bytes ("512 mio", LL_SIZE_FLAGS_LOCALE, &value, NULL));
    g_assert_cmpuint (value, ==, 536870912);
    g_assert_true (ll_size_parse_bytes ("4096 o", LL_SIZE_FLAGS_LOCALE, &value, NULL));
    g_assert_cmpuint (value, ==, 4096);
    g_assert_true (ll_size_parse_bytes ("2.5 Go", LL_SIZE_FLAGS_LOCALE, &value, NULL));
    g_assert_cmpuint (value, ==, 2500000000);
    g_assert_true (ll_size_parse_count (count, LL_SIZE_FLAGS_LOCALE, &value, NULL));
    g_assert_cmpuint (value, ==, 238084485);
    /* People type plain spaces between groups, and only between groups. */
    g_assert_true (ll_size_parse_count ("238 084 485", LL_SIZE_FLAGS_LOCALE, &value, NULL));
    g_assert_cmpuint (value, ==, 238084485);
    g_assert_true (ll_size_parse_bytes ("10 000 Mo", LL_SIZE_FLAGS_LOCALE, &value, NULL));
    g_assert_cmpuint (value, ==, 10000000000);
    g_assert_true (ll_size_parse_bytes ("10 Go", LL_SIZE_FLAGS_LOCALE, &value, NULL));
    g_assert_cmpuint (value, ==, 10000000000);
    g_assert_false (ll_size_parse_count ("2 5", LL_SIZE_FLAGS_LOCALE, &value, NULL));
    g_assert_false (ll_size_parse_count ("2 5000", LL_SIZE_FLAGS_LOCALE, &value, NULL));
    /* Scripts and command lines stay in one language. */
    g_assert_false (ll_size_parse_bytes ("2,5 Go", LL_SIZE_FLAGS_NONE, &value, NULL));
  }

  /* The charts' axes speak the same language as the summary. */
  {
    LlAxis axis;
    LlAxisFit fit;

    ll_axis_fit_init (&fit, 400, FALSE);
    ll_axis_compute (&axis, LL_QUANTITY_BYTES, LL_UNITS_IEC, FALSE, 0, 700.0 * 1024 * 1024, &fit);
    g_assert_cmpstr (axis.unit, ==, "Mio");
    ll_axis_compute (&axis, LL_QUANTITY_BYTES, LL_UNITS_SI, FALSE, 0, 1.1e3, &fit);
    g_assert_cmpstr (axis.unit, ==, "ko");
    g_assert_cmpstr (axis.ticks[1].label, ==, "0,2");
    ll_axis_compute (&axis, LL_QUANTITY_BYTES, LL_UNITS_IEC, TRUE, 32, 1024.0 * 1024 * 1024, &fit);
    g_assert_cmpstr (axis.unit, ==, "");
    g_assert_cmpstr (axis.ticks[axis.n_ticks - 1].label, ==, "1 Gio");
  }

  {
    g_autofree char *path = NULL;
    g_autoptr(GDir) dir = NULL;
    const char *name;

    /* The compiled locale is a directory of files. */
    dir = g_dir_open (argv[5], 0, NULL);
    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_free (path);
        path = g_build_filename (argv[5], name, NULL);
        if (g_file_test (path, G_FILE_TEST_IS_DIR))
          {
            g_autofree char *inner = g_build_filename (path, "SYS_LC_MESSAGES", NULL);

            g_unlink (inner);
          }
        g_unlink (path);
        g_rmdir (path);
      }
    g_rmdir (argv[5]);
    g_rmdir (locpath);
  }
  g_free ((char *) argv[5]);
}

int
main (int   argc,
      char *argv[])
{
  /* As `meson devenv` does: the icons from the sources. */
  g_setenv ("LISTLAB_DATADIR", TEST_SRCDIR "/../data", TRUE);
  g_unsetenv ("LANGUAGE");

  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/settings/restored", test_restored);
  g_test_add_func ("/ui/settings/command-line", test_command_line);
  g_test_add_func ("/ui/settings/preferences", test_preferences);
  g_test_add_func ("/ui/settings/style-at-startup", test_style_at_startup);
  g_test_add_func ("/ui/settings/about", test_about);
  g_test_add_func ("/ui/settings/log-toggle", test_log_toggle);
  g_test_add_func ("/ui/settings/french", test_french);
  g_test_add_func ("/ui/settings/french-numbers", test_french_numbers);

  return g_test_run ();
}
