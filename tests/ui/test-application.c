/* test-application.c — the application's end: quitting, closing the window
 * or a signal during an export or a run stops soon and leaves no partial file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ll-application.h"
#include "ll-export-controller.h"
#include "ll-window.h"
#include "ui-test-util.h"

/* How soon the process must be done. The workers notice a cancel within a
 * block and the engine within 100 ms; the bound is generous because the
 * machines that run the tests are loaded. */
#define PROMPT_US (5 * G_TIME_SPAN_SECOND)

/* The run whose contents are exported: `--target SIZE` on the command
 * line measures a larger one. */
static const char *export_target = "256MiB";

/* Helpers */

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The size of the contents of an integer list of @length: "0\n1\n…". */
static guint64
contents_bytes (guint64 length)
{
  guint64 bytes = 0;
  guint64 low = 0;
  guint64 high = 10;

  for (guint digits = 1; low < length; digits++)
    {
      bytes += (MIN (high, length) - low) * (digits + 1);
      low = high;
      high *= 10;
    }

  return bytes;
}

/* The resident memory of process @pid. */
static guint64
process_rss (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/statm", (int) pid);
  g_autofree char *text = NULL;
  char **fields;
  guint64 pages = 0;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  fields = g_strsplit (text, " ", 3);
  if (g_strv_length (fields) >= 2)
    pages = g_ascii_strtoull (fields[1], NULL, 10);
  g_strfreev (fields);

  return pages * (guint64) sysconf (_SC_PAGESIZE);
}

/* Quitting during an export, in process */

typedef enum
{
  QUIT_BY_SIGNAL,  /* SIGTERM, as a session that ends sends it */
  QUIT_BY_ACTION,  /* app.quit, Ctrl+Q */
  QUIT_BY_CLOSE,   /* the window's close button */
} QuitWay;

static const char * const quit_names[] = { "SIGTERM", "app.quit", "closing the window" };

typedef struct
{
  QuitWay   way;
  char     *dir;
  char     *path;
  LlWindow *window;     /* weak */
  guint64   length;     /* the list's, once its run ended */
  int       blocks;     /* written by the export so far; atomic */
  char     *seen;       /* the folder's files after the export's first block */
  gint64    quit_us;
  gboolean  timed_out;
  guint     poll_id;
  guint     timeout_id;
} QuitData;

/* Called on the export's worker after each block: after the first, the
 * folder holds the temporary file being written. */
static void
on_block (guint64  done,
          guint64  total,
          gpointer user_data)
{
  QuitData *data = user_data;

  if (g_atomic_int_get (&data->blocks) == 0)
    data->seen = list_folder (data->dir);
  g_atomic_int_inc (&data->blocks);
}

static gboolean
poll_export (gpointer user_data)
{
  QuitData *data = user_data;
  GApplication *app = g_application_get_default ();

  if (g_atomic_int_get (&data->blocks) == 0)
    return G_SOURCE_CONTINUE;

  data->poll_id = 0;
  data->quit_us = g_get_monotonic_time ();

  switch (data->way)
    {
    case QUIT_BY_SIGNAL:
      g_assert_cmpint (kill (getpid (), SIGTERM), ==, 0);
      break;
    case QUIT_BY_ACTION:
      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
      break;
    case QUIT_BY_CLOSE:
      gtk_window_close (GTK_WINDOW (data->window));
      break;
    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_REMOVE;
}

/* Once the list is complete, its contents go out; the app is told to quit
 * after the first block. */
static void
on_list_complete (LlWindow *window,
                  QuitData *data)
{
  LlExportController *exporter = ll_window_get_export_controller (window);
  g_autoptr(GFile) file = g_file_new_for_path (data->path);
  LlEngineStatus status;

  ll_engine_get_status (ll_window_get_engine (window), &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_FINISHED);
  data->length = status.length;

  ll_export_controller_set_progress_hook (exporter, on_block, data);
  ll_export_controller_export_to_file (exporter, LL_EXPORT_KIND_CONTENTS, file, NULL, NULL, NULL);
  data->poll_id = g_timeout_add (1, poll_export, data);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 QuitData       *data)
{
  if (!LL_IS_WINDOW (window) || data->window != NULL)
    return;

  g_set_weak_pointer (&data->window, LL_WINDOW (window));
  g_signal_connect (window, "run-finished", G_CALLBACK (on_list_complete), data);
}

static gboolean
on_timeout (gpointer user_data)
{
  QuitData *data = user_data;

  data->timeout_id = 0;
  data->timed_out = TRUE;
  g_application_quit (g_application_get_default ());

  return G_SOURCE_REMOVE;
}

static void
test_quit_during_export (gconstpointer test_data)
{
  QuitWay way = GPOINTER_TO_UINT (test_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  const char *argv[] = { "listlab", "--policy", "cpython", "--element", "int64",
                         "--target", export_target, "--start", NULL };
  QuitData data = { 0 };
  LlApplication *app = ll_application_new ();
  gpointer weak = app;
  gint64 exit_us, freed_us;
  GStatBuf st;
  int status;

  data.way = way;
  data.dir = g_dir_make_tmp ("listlab-quit-XXXXXX", &error);
  g_assert_no_error (error);
  data.path = g_build_filename (data.dir, "contents.csv", NULL);

  /* Not on the bus: each test starts the application again in this
   * process, and nothing else may answer to its name. */
  g_application_set_application_id (G_APPLICATION (app), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &data);
  data.timeout_id = g_timeout_add_seconds (120, on_timeout, &data);

  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, (char **) argv);
  exit_us = g_get_monotonic_time ();

  g_assert_false (data.timed_out);
  g_clear_handle_id (&data.timeout_id, g_source_remove);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (data.quit_us, >, 0);

  /* Mid-way, the new file was a temporary one. */
  g_assert_true (g_str_has_prefix (data.seen, ".contents.csv."));

  g_assert_cmpint (exit_us - data.quit_us, <, PROMPT_US);

  /* No temporary file; the destination absent, or complete if the last
   * block came before the quit. */
  names = list_folder (data.dir);
  if (*names != '\0')
    {
      g_assert_cmpstr (names, ==, "contents.csv");
      g_assert_cmpint (g_stat (data.path, &st), ==, 0);
      g_assert_cmpuint (st.st_size, ==, contents_bytes (data.length));
    }

  /* The export's end is delivered to nobody; nothing is left behind, the
   * list included, which the export held until then. */
  g_object_add_weak_pointer (G_OBJECT (app), &weak);
  g_object_unref (app);
  iterate ();
  freed_us = g_get_monotonic_time ();
  g_assert_null (weak);
  g_assert_null (data.window);

  g_test_message ("%s during the export of %" G_GUINT64_FORMAT " elements (%s): the app "
                  "returned %.1f ms later, the list was freed after %.1f ms",
                  quit_names[way], data.length, export_target,
                  (exit_us - data.quit_us) / 1000.0, (freed_us - data.quit_us) / 1000.0);

  remove_dir (data.dir);
  g_free (data.dir);
  g_free (data.path);
  g_free (data.seen);
}

/* The real program, and a real signal, during a run */

static void
test_signal_child (gconstpointer test_data)
{
  int signum = GPOINTER_TO_INT (test_data);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { LISTLAB_GUI, "--policy", "cpython", "--target", "1GiB", "--start", NULL };
  gint64 start_us, signal_us, exit_us;
  guint64 rss = 0;
  GPid pid;
  int status = 0;
  pid_t done = 0;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);

  /* The list is growing once the process holds more than the window. */
  start_us = g_get_monotonic_time ();
  while ((rss = process_rss (pid)) < 192 * MiB &&
         g_get_monotonic_time () - start_us < 30 * G_TIME_SPAN_SECOND &&
         waitpid (pid, &status, WNOHANG) == 0)
    g_usleep (2000);
  g_assert_cmpuint (rss, >=, 192 * MiB);

  signal_us = g_get_monotonic_time ();
  g_assert_cmpint (kill (pid, signum), ==, 0);
  while ((done = waitpid (pid, &status, WNOHANG)) == 0 &&
         g_get_monotonic_time () - signal_us < 30 * G_TIME_SPAN_SECOND)
    g_usleep (1000);
  exit_us = g_get_monotonic_time ();
  if (done == 0)
    {
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);
    }
  g_spawn_close_pid (pid);

  g_test_message ("%s with %" G_GUINT64_FORMAT " MiB resident: the app exited %.1f ms later",
                  g_strsignal (signum), rss / MiB, (exit_us - signal_us) / 1000.0);
  g_assert_cmpint (done, ==, pid);
  /* It quit: not killed by the signal, and with success. */
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpint (exit_us - signal_us, <, PROMPT_US);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], "--target"))
      export_target = argv[i + 1];

  g_test_add_data_func ("/ui/application/quit-during-export/signal",
                        GUINT_TO_POINTER (QUIT_BY_SIGNAL), test_quit_during_export);
  g_test_add_data_func ("/ui/application/quit-during-export/action",
                        GUINT_TO_POINTER (QUIT_BY_ACTION), test_quit_during_export);
  g_test_add_data_func ("/ui/application/quit-during-export/close",
                        GUINT_TO_POINTER (QUIT_BY_CLOSE), test_quit_during_export);
  g_test_add_data_func ("/ui/application/signal-during-run/term",
                        GINT_TO_POINTER (SIGTERM), test_signal_child);
  g_test_add_data_func ("/ui/application/signal-during-run/int",
                        GINT_TO_POINTER (SIGINT), test_signal_child);
  g_test_add_data_func ("/ui/application/signal-during-run/hup",
                        GINT_TO_POINTER (SIGHUP), test_signal_child);

  return g_test_run ();
}
