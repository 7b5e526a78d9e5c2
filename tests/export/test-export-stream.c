/* test-export-stream.c — a simulation's events written as they are computed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "export-test-util.h"
#include "ll-csv.h"
#include "ll-export-stream.h"

/* Streams @run's simulation into @path, committed. */
static void
stream_into (LlRun      *run,
             const char *path)
{
  g_autoptr(LlExportStream) stream = NULL;
  g_autoptr(LlOutput) output = NULL;
  g_autoptr(GError) error = NULL;

  output = ll_output_open (path, &error);
  g_assert_no_error (error);
  stream = ll_export_stream_new_events (output, &error);
  g_assert_no_error (error);
  g_assert_true (ll_run_simulate (run, ll_export_stream_add_events, stream, NULL, &error));
  g_assert_no_error (error);
  /* Nothing is there until the caller commits. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);
}

/* Every event, though the history keeps only buckets of them: fixed
 * growth by 4 to a million elements is 250,000 reallocations in a history
 * of 1,024 buckets. */
static void
test_every_event (void)
{
  g_autoptr(LlRun) run = make_simulation (LL_POLICY_FIXED, 1000000, 1024);
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "events.csv", NULL);
  g_auto(GStrv) lines = NULL;
  LlHistoryCounters counters;

  stream_into (run, path);

  ll_history_get_counters (ll_run_get_history (run), &counters);
  g_assert_false (ll_history_is_exact (ll_run_get_history (run)));
  g_assert_cmpuint (counters.n_events, ==, 250000);
  lines = read_lines (path);
  g_assert_cmpuint (g_strv_length (lines), ==, counters.n_events + 1);
  g_assert_cmpstr (lines[0], ==, LL_EVENTS_CSV_HEADER);
  g_assert_cmpstr (lines[1], ==, "1,0,4,56,88,32,0,0,0,0,0");
  g_assert_cmpstr (lines[2], ==, "5,4,8,88,120,32,0,0,0,0,0");
  g_assert_cmpstr (lines[250000], ==, "999997,999996,1000000,8000024,8000056,32,0,0,0,0,0");
  remove_folder (dir);
}

/* While the history is exact, the stream writes the very file the events
 * export writes from the history. */
static void
test_same_as_the_export (void)
{
  g_autoptr(LlRun) run = make_simulation (LL_POLICY_CPYTHON, 20000000, 0);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(LlOutput) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_folder ();
  g_autofree char *streamed = g_build_filename (dir, "streamed.csv", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.csv", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const LlEventBucket *buckets;
  gsize n, length_a, length_b;

  stream_into (run, streamed);

  g_assert_true (ll_history_is_exact (ll_run_get_history (run)));
  ll_history_view_update (view, ll_run_get_history (run));
  buckets = ll_history_view_get_events (view, &n);
  g_assert_cmpuint (n, >, 100);
  output = ll_output_open (exported, &error);
  g_assert_no_error (error);
  g_assert_true (ll_csv_write_events (output, buckets, n, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (streamed, &a, &length_a, NULL));
  g_assert_true (g_file_get_contents (exported, &b, &length_b, NULL));
  g_assert_cmpmem (a, length_a, b, length_b);
  remove_folder (dir);
}

/* A stream given up before its commit leaves no file, and no temporary
 * one beside it. */
static void
test_given_up (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "events.csv", NULL);
  g_autoptr(LlExportStream) stream = NULL;
  g_autoptr(LlOutput) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  LlEvent event = { .length = 1, .new_capacity = 4, .old_bytes = 56, .new_bytes = 88, .bytes_added = 32 };

  output = ll_output_open (path, &error);
  g_assert_no_error (error);
  stream = ll_export_stream_new_events (output, &error);
  g_assert_no_error (error);
  g_assert_true (ll_export_stream_add_events (&event, 1, stream, &error));
  g_assert_true (ll_export_stream_add_events (NULL, 0, stream, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stream, ll_export_stream_free);
  g_clear_pointer (&output, ll_output_free);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_null (g_dir_read_name (listing));
  remove_folder (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/stream/every-event", test_every_event);
  g_test_add_func ("/export/stream/same-as-the-export", test_same_as_the_export);
  g_test_add_func ("/export/stream/given-up", test_given_up);

  return g_test_run ();
}
