/* test-export-bundle.c — a run's folder: every file, read back; folders
 * refused; nothing left behind when it stops
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "export-test-util.h"
#include "ll-comparison.h"
#include "ll-export-bundle.h"
#include "ll-export-image.h"
#include "ll-export-job.h"
#include "ll-export-size.h"
#include "ll-run-file.h"

/* Every file of a run alone that has no memory samples, sorted. */
static const char * const alone_files[] = {
  "README.txt", "capacity.png", "capacity.svg", "charts.png", "charts.svg",
  "events.csv", "growth.png", "growth.svg", "memory.png", "memory.svg",
  "report.pdf", "reproduce.py", "runs.listlab", "time.png", "time.svg",
  NULL
};

static const struct {
  const char *name;
  guint       what;
} images[] = {
  { "capacity", LL_CHART_CAPACITY },
  { "growth", LL_CHART_GROWTH },
  { "time", LL_CHART_TIME },
  { "memory", LL_CHART_MEMORY },
  { "charts", LL_EXPORT_ALL_CHARTS },
};

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* Writes @run's bundle (with @others) to a new folder "class" in @dir. */
static char *
write_bundle (LlRun      *run,
              GPtrArray  *others,
              const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlExportBundle) bundle = NULL;
  char *path = g_build_filename (dir, "class", NULL);

  bundle = ll_export_bundle_new (run, others, path, LL_UNITS_IEC, &error);
  g_assert_no_error (error);
  g_assert_true (ll_export_bundle_write (bundle, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
remove_bundle (char *dir,
               char *path)
{
  remove_folder (path);
  remove_folder (dir);
  g_free (path);
  g_free (dir);
}

/* The runs in the folder's runs.listlab, by title. */
static void
assert_run_titles (const char         *path,
                   const char * const *titles)
{
  g_autofree char *file = g_build_filename (path, "runs.listlab", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = ll_run_file_read (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, g_strv_length ((char **) titles));
  for (guint i = 0; i < runs->len; i++)
    g_assert_cmpstr (ll_run_get_title (g_ptr_array_index (runs, i)), ==, titles[i]);
}

/* A run alone: every file the README names and no other, each a file of
 * its kind; the events are what an events export writes; runs.listlab
 * opens as the run; the folder is where it was asked and nothing else. */
static void
test_alone (void)
{
  g_autoptr(LlRun) run = make_simulated_run (LL_POLICY_CPYTHON, 100000);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlExportJob) events = NULL;
  char *dir = make_folder ();
  char *path = write_bundle (run, NULL, dir);
  g_autofree char *events_path = g_build_filename (dir, "events-alone.csv", NULL);
  g_auto(GStrv) outside = NULL;
  g_auto(GStrv) names = folder_names (path);
  g_autofree char *readme = read_file (path, "README.txt");
  g_autofree char *why = ll_run_dup_stop_message (run, LL_UNITS_IEC);
  g_autofree char *script = read_file (path, "reproduce.py");
  g_autofree char *pdf = read_file (path, "report.pdf");
  g_autofree char *bundled_events = read_file (path, "events.csv");
  g_autofree char *alone_events = NULL;
  const char *titles[] = { ll_run_get_title (run), NULL };
  struct stat st;

  /* (a simulated run takes no memory samples: no samples.csv) */
  g_assert_cmpstrv (names, alone_files);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0755);

  /* The README says what the run was, how it ended, and each file. */
  g_assert_true (g_str_has_prefix (readme, ll_run_get_title (run)));
  g_assert_nonnull (strstr (readme, "How it ended:\n  "));
  g_assert_nonnull (strstr (readme, why));
  g_assert_nonnull (strstr (readme, "100,000 elements"));
  for (guint i = 0; alone_files[i] != NULL; i++)
    if (!g_str_has_suffix (alone_files[i], ".png") && !g_str_has_suffix (alone_files[i], ".svg") &&
        strcmp (alone_files[i], "README.txt") != 0)
      g_assert_nonnull (strstr (readme, alone_files[i]));
  g_assert_null (strstr (readme, "Compared with:"));
  g_assert_null (strstr (readme, "comparison.csv"));
  g_assert_null (strstr (readme, "samples.csv"));

  events = ll_export_job_new_for_run (LL_EXPORT_KIND_EVENTS, events_path, run, LL_UNITS_IEC, &error);
  g_assert_no_error (error);
  g_assert_true (ll_export_job_run (events, NULL, &error));
  g_assert_no_error (error);
  alone_events = read_file (dir, "events-alone.csv");
  g_assert_cmpstr (bundled_events, ==, alone_events);
  g_assert_cmpint (g_unlink (events_path), ==, 0);

  g_assert_true (g_str_has_prefix (script, "#!/usr/bin/env python3\n"));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  /* Each chart as a PNG of its default size, and as an SVG. */
  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      g_autofree char *png = g_strdup_printf ("%s/%s.png", path, images[i].name);
      g_autofree char *svg_name = g_strdup_printf ("%s.svg", images[i].name);
      g_autofree char *svg = read_file (path, svg_name);
      cairo_surface_t *surface = cairo_image_surface_create_from_png (png);
      double width, height;

      ll_export_size_resolve (images[i].what, LL_EXPORT_PNG, 0, 0, 0, 0, &width, &height);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) width);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) height);
      cairo_surface_destroy (surface);
      g_assert_true (g_str_has_prefix (svg, "<?xml"));
      g_assert_nonnull (strstr (svg, "<svg"));
    }

  assert_run_titles (path, titles);

  /* Nothing beside the folder: no partial folder left. */
  outside = folder_names (dir);
  g_assert_cmpstrv (outside, ((const char * const[]) { "class", NULL }));
  remove_bundle (dir, path);
}

/* A run compared with another: comparison.csv has a row for each, the
 * README names the other, runs.listlab holds both in that order. */
static void
test_compared (void)
{
  g_autoptr(LlRun) run = make_simulated_run (LL_POLICY_CPYTHON, 100000);
  g_autoptr(LlRun) other = make_simulated_run (LL_POLICY_DOUBLE, 100000);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  char *dir = NULL;
  char *path = NULL;
  g_autofree char *readme = NULL;
  g_autofree char *comparison = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) lines = NULL;
  const char *titles[] = { ll_run_get_title (run), ll_run_get_title (other), NULL };

  g_ptr_array_add (others, other);
  dir = make_folder ();
  path = write_bundle (run, others, dir);
  names = folder_names (path);
  g_assert_true (g_strv_contains ((const char * const *) names, "comparison.csv"));
  g_assert_cmpuint (g_strv_length (names), ==, g_strv_length ((char **) alone_files) + 1);

  comparison = read_file (path, "comparison.csv");
  lines = g_strsplit (comparison, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, LL_COMPARISON_CSV_HEADER);
  g_assert_true (g_str_has_prefix (lines[1], "cpython,"));
  g_assert_true (g_str_has_prefix (lines[2], "double,"));
  g_assert_cmpstr (lines[3], ==, "");

  readme = read_file (path, "README.txt");
  g_assert_nonnull (strstr (readme, "Compared with:\n  "));
  g_assert_nonnull (strstr (readme, ll_run_get_title (other)));
  g_assert_nonnull (strstr (readme, "comparison.csv"));

  assert_run_titles (path, titles);
  remove_bundle (dir, path);
}

/* A folder that exists, or whose parent does not, is refused before any
 * work, saying why. */
static void
test_refused (void)
{
  g_autoptr(LlRun) run = make_simulated_run (LL_POLICY_CPYTHON, 1000);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_folder ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "class", NULL);
  g_autofree char *fresh = g_build_filename (dir, "class", NULL);
  LlExportBundle *bundle;

  bundle = ll_export_bundle_new (run, NULL, dir, LL_UNITS_IEC, &error);
  g_assert_null (bundle);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "exists already"));
  g_clear_error (&error);

  bundle = ll_export_bundle_new (run, NULL, missing, LL_UNITS_IEC, &error);
  g_assert_null (bundle);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "there is no folder"));
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_clear_error (&error);

  g_assert_false (ll_export_bundle_check_dir (dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (ll_export_bundle_check_dir (fresh, &error));
  g_assert_no_error (error);

  /* A relative name is said as it was written. */
  g_assert_false (ll_export_bundle_check_dir ("no-such-folder/class/", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "Cannot write the bundle “no-such-folder/class/”: "
                                       "there is no folder “no-such-folder”");
  g_clear_error (&error);

  /* In a file, as if it were a folder: said as it is. */
  {
    g_autofree char *file = g_build_filename (dir, "notes.txt", NULL);
    g_autofree char *inside = g_build_filename (file, "class", NULL);

    g_assert_true (g_file_set_contents (file, "", 0, NULL));
    g_assert_false (ll_export_bundle_check_dir (inside, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
    g_assert_true (g_str_has_suffix (error->message, "notes.txt” is a file, not a folder"));
    g_clear_error (&error);
    g_assert_cmpint (g_unlink (file), ==, 0);
  }

  remove_folder (dir);
}

/* A folder name written with a final "/", as a shell completes it, is
 * that folder. */
static void
test_final_slash (void)
{
  g_autoptr(LlRun) run = make_simulated_run (LL_POLICY_CPYTHON, 1000);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlExportBundle) bundle = NULL;
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "class", NULL);
  g_autofree char *slashed = g_strconcat (path, "//", NULL);
  g_auto(GStrv) outside = NULL;

  g_assert_true (ll_export_bundle_check_dir (slashed, &error));
  g_assert_no_error (error);
  bundle = ll_export_bundle_new (run, NULL, slashed, LL_UNITS_IEC, &error);
  g_assert_no_error (error);
  g_assert_true (ll_export_bundle_write (bundle, NULL, &error));
  g_assert_no_error (error);
  outside = folder_names (dir);
  g_assert_cmpstrv (outside, ((const char * const[]) { "class", NULL }));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));

  remove_folder (path);
  remove_folder (dir);
}

/* Stopped before it is whole, or beaten to its folder: the bundle leaves
 * nothing of its own, and what took its place is untouched. */
static void
test_nothing_left (void)
{
  g_autoptr(LlRun) run = make_simulated_run (LL_POLICY_CPYTHON, 100000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LlExportBundle) cancelled = NULL;
  g_autoptr(LlExportBundle) beaten = NULL;
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "class", NULL);
  g_autofree char *mine = g_build_filename (path, "mine.txt", NULL);
  g_autofree char *kept = NULL;
  g_auto(GStrv) outside = NULL;
  g_auto(GStrv) inside = NULL;

  cancelled = ll_export_bundle_new (run, NULL, path, LL_UNITS_IEC, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (ll_export_bundle_write (cancelled, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  outside = folder_names (dir);
  g_assert_cmpstrv (outside, ((const char * const[]) { NULL }));

  /* A folder of the same name made while the bundle was written. */
  beaten = ll_export_bundle_new (run, NULL, path, LL_UNITS_IEC, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_true (g_file_set_contents (mine, "mine\n", -1, NULL));
  g_assert_false (ll_export_bundle_write (beaten, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "class"));
  g_clear_error (&error);

  g_strfreev (outside);
  outside = folder_names (dir);
  g_assert_cmpstrv (outside, ((const char * const[]) { "class", NULL }));
  inside = folder_names (path);
  g_assert_cmpstrv (inside, ((const char * const[]) { "mine.txt", NULL }));
  g_assert_true (g_file_get_contents (mine, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "mine\n");

  remove_folder (path);
  remove_folder (dir);
}

/* A disk that fills up on the way (a limit on the size of a file stands
 * in for it, from a few bytes to more than the largest file needs): the
 * bundle fails at whichever file meets it, says which, and leaves nothing;
 * or, given the room, is whole. */
static void
test_disk_full (void)
{
  static const rlim_t limits[] = { 1, 4096, 65536, 262144, 1048576, 8388608, 268435456 };
  g_autoptr(LlRun) run = NULL;
  g_autoptr(LlRun) other = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint failed = 0, written = 0;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  /* A write past the limit fails with EFBIG, as a full disk fails with
   * ENOSPC, instead of ending the process. */
  signal (SIGXFSZ, SIG_IGN);
  run = make_simulated_run (LL_POLICY_CPYTHON, 100000);
  other = make_simulated_run (LL_POLICY_DOUBLE, 100000);
  others = g_ptr_array_new ();
  g_ptr_array_add (others, other);
  dir = make_folder ();
  path = g_build_filename (dir, "class", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr(LlExportBundle) bundle = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) outside = NULL;
      struct rlimit limit;
      gboolean ok;

      bundle = ll_export_bundle_new (run, others, path, LL_UNITS_IEC, &error);
      g_assert_no_error (error);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      limit.rlim_cur = limits[i];
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      ok = ll_export_bundle_write (bundle, NULL, &error);
      limit.rlim_cur = limit.rlim_max;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      outside = folder_names (dir);
      if (ok)
        {
          g_auto(GStrv) inside = folder_names (path);

          g_assert_no_error (error);
          g_assert_cmpuint (g_strv_length (inside), ==, g_strv_length ((char **) alone_files) + 1);
          g_assert_cmpstrv (outside, ((const char * const[]) { "class", NULL }));
          remove_folder (path);
          written++;
        }
      else
        {
          g_test_message ("%lu bytes: %s", (unsigned long) limits[i], error->message);
          g_assert_true (error->domain == G_IO_ERROR);
          g_assert_nonnull (strstr (error->message, "too large"));
          /* the file where it was going, not where it was being written */
          g_assert_nonnull (strstr (error->message, "class" G_DIR_SEPARATOR_S));
          g_assert_null (strstr (error->message, "partial"));
          g_assert_cmpstrv (outside, ((const char * const[]) { NULL }));
          failed++;
        }
    }
  /* the smallest limits fail, the largest does not */
  g_assert_cmpuint (failed, >=, 3);
  g_assert_cmpuint (written, >=, 1);
  remove_folder (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/bundle/alone", test_alone);
  g_test_add_func ("/export/bundle/compared", test_compared);
  g_test_add_func ("/export/bundle/refused", test_refused);
  g_test_add_func ("/export/bundle/nothing-left", test_nothing_left);
  g_test_add_func ("/export/bundle/final-slash", test_final_slash);
  g_test_add_func ("/export/bundle/disk-full", test_disk_full);

  return g_test_run ();
}
