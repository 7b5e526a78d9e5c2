/* test-controls-settings.c — the sidebar's fields saved in GSettings: restored at the next start, command-line choices for the session only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "settings-test-util.h"
#include "ui-test-util.h"

static void
check_saved (LlApplication *app,
             LlWindow      *window,
             gpointer       data)
{
  GSettings *settings = data;
  LlControls *controls = ll_window_get_controls (window);
  g_autoptr(GError) error = NULL;
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
  assert_setting_string (settings, "policy", "rust");
  assert_setting_string (settings, "target", "64 MiB");
  g_assert_cmpuint (g_settings_get_uint64 (settings, "initial-length"), ==, 2000);

  /* Half-typed text is not saved: the last valid target stays. */
  ll_controls_set_target_text (controls, "12XB");
  g_assert_false (ll_controls_get_valid (controls));
  assert_setting_string (settings, "target", "64 MiB");
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
  LlRunConfig config;

  g_assert_true (ll_controls_get_config (controls, &config, &error));
  g_assert_no_error (error);
  g_assert_cmpint (config.policy.kind, ==, LL_POLICY_JAVA);
  g_assert_cmpint (config.element, ==, LL_ELEMENT_BOXED);
  g_assert_cmpint (config.target_kind, ==, LL_TARGET_CONTAINER_BYTES);
  g_assert_cmpuint (config.target, ==, 32 * MiB);
  /* What the command line did not name comes from the settings. */
  g_assert_cmpint (config.mechanism, ==, LL_MECHANISM_REALLOC);

  assert_setting_string (settings, "policy", "msvc");
  assert_setting_string (settings, "element", "shared");
  assert_setting_string (settings, "target", "3GB");
  assert_setting_string (settings, "target-kind", "elements");

  /* An edit saves that field again, and only that one. */
  ll_controls_set_policy (controls, LL_POLICY_DOUBLE);
  assert_setting_string (settings, "policy", "double");
  ll_controls_set_target_text (controls, "40MiB");
  assert_setting_string (settings, "target", "40MiB");
  assert_setting_string (settings, "element", "shared");

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
check_numbers_policy (LlApplication *app,
                      LlWindow      *window,
                      gpointer       data)
{
  GSettings *settings = data;
  g_autoptr(GError) error = NULL;
  LlRunConfig config;

  /* It runs as asked: with int64, not refused for its elements… */
  g_assert_true (ll_controls_get_config (ll_window_get_controls (window), &config, &error));
  g_assert_no_error (error);
  g_assert_cmpint (config.policy.kind, ==, LL_POLICY_NUMPY_APPEND);
  g_assert_cmpint (config.element, ==, LL_ELEMENT_INT64);
  /* …and the elements saved stay as they were. */
  assert_setting_string (settings, "element", "boxed");
}

/* "listlab --policy numpy-append" alone: the elements it switches to are
 * for the session, like the policy. */
static void
test_command_line_numbers (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  const char *args[] = { "--policy", "numpy-append", NULL };

  g_settings_set_string (settings, "element", "boxed");
  run_app (args, check_numbers_policy, settings);
  reset_settings (settings);
}

int
main (int   argc,
      char *argv[])
{
  settings_test_init (&argc, &argv);

  g_test_add_func ("/ui/controls-settings/restored", test_restored);
  g_test_add_func ("/ui/controls-settings/command-line", test_command_line);
  g_test_add_func ("/ui/controls-settings/command-line-numbers", test_command_line_numbers);

  return g_test_run ();
}
