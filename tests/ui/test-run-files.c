/* test-run-files.c — a window's runs saved to a file and opened in another window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "ll-controls.h"
#include "ll-run-file.h"
#include "ll-run-files.h"
#include "ll-run-set.h"
#include "ui-test-util.h"

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = ll_run_files_save_finish (LL_RUN_FILES (object), result, &outcome->error);
  outcome->done = TRUE;
}

static void
on_opened (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = ll_run_files_open_finish (LL_RUN_FILES (object), result, &outcome->error);
  outcome->done = TRUE;
}

static gboolean
save (LlWindow    *window,
      const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Outcome outcome = { 0 };

  ll_run_files_save (ll_window_get_run_files (window), file, on_saved, &outcome);
  return wait_outcome (&outcome, 10000, error);
}

static gboolean
open (LlWindow    *window,
      const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Outcome outcome = { 0 };

  ll_run_files_open (ll_window_get_run_files (window), file, on_opened, &outcome);
  return wait_outcome (&outcome, 10000, error);
}

static gboolean
save_enabled (LlWindow *window)
{
  return g_action_group_get_action_enabled (ll_run_files_get_actions (ll_window_get_run_files (window)),
                                            "save");
}

static guint
n_runs (LlWindow *window)
{
  return g_list_model_get_n_items (ll_run_set_get_model (ll_window_get_runs (window)));
}

static LlRun *
run_at (LlWindow *window,
        guint     position)
{
  LlRun *run = g_list_model_get_item (ll_run_set_get_model (ll_window_get_runs (window)),
                                      position);

  g_object_unref (run);
  return run;
}

static void
close_dialog (void)
{
  AdwMessageDialog *dialog = find_message_dialog ();

  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_ms (50);
}

/* A run and the runtimes it was compared with, saved, then opened in a
 * fresh window: the same runs in the same order, the real run shown with
 * how it ended and where it came from. */
static void
test_save_and_open (void)
{
  LlWindow *window = create_window ();
  LlWindow *other = NULL;
  LlControls *controls = ll_window_get_controls (window);
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "comparison.listlab", NULL);
  g_autofree char *detail = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_assert_false (save_enabled (window));
  g_assert_false (save (window, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  close_dialog ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  ll_controls_set_target_text (controls, "2 MiB");
  run_to_end (window);
  g_assert_true (save_enabled (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.compare", "s", "go");
  wait_compared (window);
  ll_run_set_title (ll_window_get_run (window), "My first list");
  n = n_runs (window);
  g_assert_cmpuint (n, ==, 2);

  g_assert_true (save (window, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  other = create_window ();
  g_assert_null (ll_window_get_run (other));
  g_assert_true (open (other, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_runs (other), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *why_a = ll_run_dup_stop_message (run_at (window, i), LL_UNITS_IEC);
      g_autofree char *why_b = ll_run_dup_stop_message (run_at (other, i), LL_UNITS_IEC);

      g_assert_cmpstr (ll_run_get_title (run_at (window, i)), ==, ll_run_get_title (run_at (other, i)));
      g_assert_cmpint (ll_run_get_kind (run_at (window, i)), ==, ll_run_get_kind (run_at (other, i)));
      g_assert_cmpstr (why_a, ==, why_b);
    }

  /* The real run is shown, as it ended, and says where it came from; it
   * holds no list to release. */
  g_assert_nonnull (ll_window_get_run (other));
  g_assert_cmpstr (ll_run_get_title (ll_window_get_run (other)), ==, "My first list");
  g_assert_cmpstr (ll_window_get_status_text (other), ==, "Reached the target of 2.00 MiB");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_button (GTK_WIDGET (other), "win.release-memory"))) &&
                  gtk_widget_get_visible (GTK_WIDGET (find_button (GTK_WIDGET (other), "win.release-memory"))));
  g_assert_true (save_enabled (other));

  /* Opened again into a window with runs: they join the list. */
  g_assert_true (open (other, path, &error));
  g_assert_cmpuint (n_runs (other), ==, 2 * n);

  /* And Start still starts a new run there. */
  ll_controls_set_target_text (ll_window_get_controls (other), "2 MiB");
  run_to_end (other);
  g_assert_cmpuint (n_runs (other), ==, 2 * n + 1);
  g_assert_cmpint (ll_window_get_run_state (other), ==, LL_ENGINE_FINISHED);

  destroy_window (other);
  destroy_window (window);
  remove_dir (dir);
}

/* A file that is not one, or is damaged, changes nothing and says why. */
static void
test_open_refused (void)
{
  LlWindow *window = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *text = g_build_filename (dir, "notes.listlab", NULL);
  g_autofree char *missing = g_build_filename (dir, "gone.listlab", NULL);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (text, "io.github.listlab.ListLab.Runs", -1, NULL));
  g_assert_false (open (window, text, &error));
  g_assert_error (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_NOT_RUNS);
  g_clear_error (&error);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Open the Runs");
  g_assert_true (g_str_has_suffix (adw_message_dialog_get_body (dialog),
                                   "notes.listlab”: This is not a file of List Lab runs"));
  close_dialog ();

  g_assert_false (open (window, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  close_dialog ();

  g_assert_cmpuint (n_runs (window), ==, 0);
  g_assert_null (ll_window_get_run (window));

  destroy_window (window);
  remove_dir (dir);
}

static gpointer
write_fifo (gpointer data)
{
  char **paths = data;  /* { fifo, contents' file } */
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (paths[1], &contents, &length, NULL));
  /* Not g_file_set_contents(): it would put a file in the pipe's place. */
  {
    FILE *fifo = fopen (paths[0], "wb");

    g_assert_nonnull (fifo);
    g_assert_cmpuint (fwrite (contents, 1, length, fifo), ==, length);
    fclose (fifo);
  }
  return NULL;
}

static gboolean
wait_for_runs (LlWindow *window,
               guint     n)
{
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    {
      if (n_runs (window) >= n)
        return TRUE;
      wait_ms (10);
    }
  return FALSE;
}

/* Files opened together (the command line, a drop) join in the order
 * given, even when the first is read last: here it is a pipe that gives
 * its runs only when the second file has long been read. A file opened
 * on its own meanwhile does not wait for them. */
static void
test_open_in_order (void)
{
  LlWindow *window = create_window ();
  LlWindow *other = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *first = g_build_filename (dir, "first.listlab", NULL);
  g_autofree char *second = g_build_filename (dir, "second.listlab", NULL);
  g_autofree char *third = g_build_filename (dir, "third.listlab", NULL);
  g_autofree char *pipe = g_build_filename (dir, "pipe.listlab", NULL);
  g_autoptr(GFile) pipe_file = g_file_new_for_path (pipe);
  g_autoptr(GFile) second_file = g_file_new_for_path (second);
  g_autoptr(GFile) third_file = g_file_new_for_path (third);
  GFile *together[] = { pipe_file, second_file };
  g_autoptr(GError) error = NULL;
  char *paths[] = { pipe, first };
  Outcome alone = { 0 };
  GThread *writer;

  ll_controls_set_target_text (ll_window_get_controls (window), "2 MiB");
  run_to_end (window);
  ll_run_set_title (ll_window_get_run (window), "First");
  g_assert_true (save (window, first, &error));
  ll_run_set_title (ll_window_get_run (window), "Second");
  g_assert_true (save (window, second, &error));
  ll_run_set_title (ll_window_get_run (window), "Third");
  g_assert_true (save (window, third, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);

  ll_run_files_open_together (ll_window_get_run_files (other), together, G_N_ELEMENTS (together));
  wait_ms (300);
  g_assert_cmpuint (n_runs (other), ==, 0);

  ll_run_files_open (ll_window_get_run_files (other), third_file, on_opened, &alone);
  g_assert_true (wait_for_flag (&alone.done, 10000));
  g_assert_true (alone.ok);
  g_assert_cmpuint (n_runs (other), ==, 1);

  writer = g_thread_new ("writer", write_fifo, paths);
  g_assert_true (wait_for_runs (other, 3));
  g_thread_join (writer);

  /* The list shows the newest first; the first file to join is shown. */
  g_assert_cmpuint (n_runs (other), ==, 3);
  g_assert_cmpstr (ll_run_get_title (run_at (other, 0)), ==, "Second");
  g_assert_cmpstr (ll_run_get_title (run_at (other, 1)), ==, "First");
  g_assert_cmpstr (ll_run_get_title (run_at (other, 2)), ==, "Third");
  g_assert_cmpstr (ll_run_get_title (ll_window_get_run (other)), ==, "Third");

  destroy_window (other);
  destroy_window (window);
  remove_dir (dir);
}

static guint
n_message_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        n++;
    }
  return n;
}

/* Files opened together that cannot be opened are said in one dialog,
 * once all have joined, each with its reason; those that can be join. */
static void
test_open_refused_together (void)
{
  LlWindow *window = create_window ();
  LlWindow *other = create_window ();
  g_autofree char *dir = make_folder ();
  g_autofree char *good = g_build_filename (dir, "good.listlab", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.listlab", NULL);
  g_autofree char *missing = g_build_filename (dir, "gone.listlab", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) text_file = g_file_new_for_path (text);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  GFile *together[] = { text_file, good_file, missing_file };
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  ll_controls_set_target_text (ll_window_get_controls (window), "2 MiB");
  run_to_end (window);
  g_assert_true (save (window, good, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (text, "io.github.listlab.ListLab.Runs", -1, NULL));

  ll_run_files_open_together (ll_window_get_run_files (other), together, G_N_ELEMENTS (together));
  g_assert_true (wait_for_runs (other, 1));
  for (guint i = 0; i < 100 && n_message_dialogs () == 0; i++)
    wait_ms (10);
  wait_ms (100);
  g_assert_cmpuint (n_message_dialogs (), ==, 1);
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Open 2 Files");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "notes.listlab”: This is not a file of List Lab runs\n"));
  g_assert_true (g_str_has_suffix (body, "gone.listlab”: No such file"));
  g_assert_cmpuint (n_runs (other), ==, 1);
  close_dialog ();

  destroy_window (other);
  destroy_window (window);
  remove_dir (dir);
}

/* Files opened together into an empty window: the first is shown as the
 * run, and one toast counts every file and run, that one included. A
 * file opened on its own later has a toast of its own. */
static void
test_open_together_counted (void)
{
  LlWindow *window = create_window ();
  LlWindow *other = create_window ();
  g_autofree char *dir = make_folder ();
  char *paths[3] = { NULL };
  GFile *together[3];
  g_autoptr(GError) error = NULL;

  ll_controls_set_target_text (ll_window_get_controls (window), "2 MiB");
  run_to_end (window);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *name = g_strdup_printf ("run%u.listlab", i);

      paths[i] = g_build_filename (dir, name, NULL);
      g_assert_true (save (window, paths[i], &error));
      g_assert_no_error (error);
      together[i] = g_file_new_for_path (paths[i]);
    }

  ll_run_files_open_together (ll_window_get_run_files (other), together, G_N_ELEMENTS (together));
  g_assert_true (wait_for_runs (other, 3));
  wait_ms (100);
  g_assert_cmpstr (toast_text (other, "Opened"), ==, "Opened 3 runs from 3 files");
  destroy_window (other);

  other = create_window ();
  g_assert_true (open (other, paths[0], &error));
  g_assert_no_error (error);
  wait_ms (100);
  g_assert_null (toast_text (other, "Opened"));
  g_assert_true (open (other, paths[1], &error));
  wait_ms (100);
  g_assert_cmpstr (toast_text (other, "Opened"), ==, "Opened 1 run from “run1.listlab”");
  destroy_window (other);

  /* A name is shown as it is, whatever its characters. */
  other = create_window ();
  g_assert_true (open (other, paths[0], &error));
  wait_ms (100);
  {
    g_autofree char *odd = g_build_filename (dir, "R&D <draft>.listlab", NULL);

    g_assert_true (save (window, odd, &error));
    g_assert_no_error (error);
    g_assert_true (open (other, odd, &error));
    g_assert_no_error (error);
  }
  wait_ms (100);
  g_assert_cmpstr (toast_text (other, "Opened"), ==, "Opened 1 run from “R&D <draft>.listlab”");

  for (guint i = 0; i < G_N_ELEMENTS (together); i++)
    g_object_unref (together[i]);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    g_free (paths[i]);
  destroy_window (other);
  destroy_window (window);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/run-files/save-and-open", test_save_and_open);
  g_test_add_func ("/ui/run-files/open-refused", test_open_refused);
  g_test_add_func ("/ui/run-files/open-in-order", test_open_in_order);
  g_test_add_func ("/ui/run-files/open-refused-together", test_open_refused_together);
  g_test_add_func ("/ui/run-files/open-together-counted", test_open_together_counted);

  return g_test_run ();
}
