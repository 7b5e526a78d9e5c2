/* test-export-controller-bundle.c — Export › Bundle from the window: a folder of every file, read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "export-controller-test-util.h"
#include "ll-run-file.h"
#include "ui-test-util.h"

static void
on_bundled (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = ll_export_controller_bundle_finish (LL_EXPORT_CONTROLLER (object), result, &outcome->error);
  outcome->done = TRUE;
}

/* A run compared with another, bundled into a new folder: every file, the
 * README saying what was run, the run file holding both runs; a folder
 * that exists is refused and left as it was. */
static void
test_bundle (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *bundle = g_build_filename (dir, "class", NULL);
  g_autofree char *names = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *readme_path = g_build_filename (bundle, "README.txt", NULL);
  g_autofree char *runs_path = g_build_filename (bundle, "runs.listlab", NULL);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome = { 0 };

  configure_run (window, LL_POLICY_CPYTHON, LL_ELEMENT_SHARED, "2 MiB");
  run_to_end (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", "go");
  wait_compared (window);
  g_assert_true (g_action_group_get_action_enabled (ll_export_controller_get_actions (get_exporter (window)),
                                                    "bundle"));

  ll_export_controller_bundle_to (get_exporter (window), bundle, on_bundled, &outcome);
  g_assert_true (wait_outcome (&outcome, 30000, &error));
  g_assert_no_error (error);

  names = list_folder (bundle);
  g_assert_cmpstr (names, ==, "README.txt capacity.png capacity.svg charts.png charts.svg comparison.csv events.csv growth.png "
                              "growth.svg memory.png memory.svg report.pdf reproduce.py runs.listlab "
                              "samples.csv time.png time.svg");
  g_assert_true (g_file_get_contents (readme_path, &readme, NULL, NULL));
  g_assert_true (g_str_has_prefix (readme, "CPython 3.9+ · Shared object · 2.00 MiB\n"));
  g_assert_nonnull (strstr (readme, "Reached the target of 2.00 MiB"));
  g_assert_nonnull (strstr (readme, "Compared with:\n  Go append"));
  runs = ll_run_file_read (runs_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_cmpint (ll_run_get_kind (g_ptr_array_index (runs, 0)), ==, LL_RUN_REAL);

  /* Not over a folder that exists. */
  outcome = (Outcome) { 0 };
  ll_export_controller_bundle_to (get_exporter (window), bundle, on_bundled, &outcome);
  g_assert_false (wait_outcome (&outcome, 30000, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  {
    AdwMessageDialog *dialog = find_message_dialog ();

    g_assert_nonnull (dialog);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_clear_pointer (&names, g_free);
  names = list_folder (dir);
  g_assert_cmpstr (names, ==, "class");

  destroy_all ();
  remove_dir (bundle);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/export-controller-bundle/bundle", test_bundle);

  return g_test_run ();
}
