/* test-settings.c — the application's own settings: the style at startup, About,
 * the charts' scales, and the French translation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ll-application.h"
#include "ll-axis.h"
#include "ll-window.h"
#include "settings-test-util.h"
#include "ui-test-util.h"

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
  assert_setting_string (settings, "visible-chart", "time");
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
  settings_test_init (&argc, &argv);

  g_test_add_func ("/ui/settings/style-at-startup", test_style_at_startup);
  g_test_add_func ("/ui/settings/about", test_about);
  g_test_add_func ("/ui/settings/log-toggle", test_log_toggle);
  g_test_add_func ("/ui/settings/french", test_french);
  g_test_add_func ("/ui/settings/french-numbers", test_french_numbers);

  return g_test_run ();
}
