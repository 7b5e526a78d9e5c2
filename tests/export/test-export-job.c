/* test-export-job.c — exports of a run: snapshots, files read back, failures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>
#include <glib/gstdio.h>

#include "export-test-util.h"
#include "ll-csv.h"
#include "ll-export-job.h"

#define MiB (G_GUINT64_CONSTANT (1) << 20)

static void
test_default_names (void)
{
  LlRunConfig config;
  struct {
    LlPolicyKind  policy;
    LlTargetKind  target_kind;
    guint64       target;
    LlExportKind  kind;
    guint         what;
    LlExportFormat format;
    const char   *expected;
  } cases[] = {
    { LL_POLICY_CPYTHON, LL_TARGET_CONTAINER_BYTES, G_GUINT64_CONSTANT (10000000000),
      LL_EXPORT_KIND_EVENTS, 0, LL_EXPORT_PNG, "listlab-cpython-10GB-events.csv" },
    { LL_POLICY_GO, LL_TARGET_CONTAINER_BYTES, G_GUINT64_CONSTANT (2) << 30,
      LL_EXPORT_KIND_SAMPLES, 0, LL_EXPORT_PNG, "listlab-go-2GiB-samples.csv" },
    { LL_POLICY_RUST, LL_TARGET_CONTAINER_BYTES, 64 * MiB,
      LL_EXPORT_KIND_CONTENTS, 0, LL_EXPORT_PNG, "listlab-rust-64MiB-contents.csv" },
    { LL_POLICY_DOUBLE, LL_TARGET_CONTAINER_BYTES, 1500000,
      LL_EXPORT_KIND_CHART, LL_CHART_CAPACITY, LL_EXPORT_PNG, "listlab-double-1500kB-capacity.png" },
    { LL_POLICY_JAVA, LL_TARGET_CONTAINER_BYTES, 1234567,
      LL_EXPORT_KIND_CHART, LL_CHART_GROWTH, LL_EXPORT_SVG, "listlab-java-1234567B-growth.svg" },
    { LL_POLICY_MSVC, LL_TARGET_TOTAL_BYTES, G_GUINT64_CONSTANT (3) << 40,
      LL_EXPORT_KIND_CHART, LL_CHART_MEMORY, LL_EXPORT_PDF, "listlab-msvc-3TiB-total-memory.pdf" },
    { LL_POLICY_CPYTHON, LL_TARGET_ELEMENTS, 20000000,
      LL_EXPORT_KIND_REPORT, LL_EXPORT_REPORT, LL_EXPORT_PDF, "listlab-cpython-20M-elements-report.pdf" },
    { LL_POLICY_FIXED, LL_TARGET_ELEMENTS, 1234,
      LL_EXPORT_KIND_REPORT, LL_EXPORT_REPORT, LL_EXPORT_PNG, "listlab-fixed-1234-elements-report.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = NULL;

      ll_run_config_init (&config);
      ll_policy_init (&config.policy, cases[i].policy);
      config.target_kind = cases[i].target_kind;
      config.target = cases[i].target;
      name = ll_export_default_name (&config, cases[i].kind, cases[i].what, cases[i].format);
      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

/* The events and samples CSVs of a simulated run hold its history. */
static void
test_job_csv (void)
{
  g_autoptr(LlRun) run = make_simulated_run (LL_POLICY_CPYTHON, 10000000);
  g_autofree char *dir = make_folder ();
  g_autofree char *events = g_build_filename (dir, "e.csv", NULL);
  g_autofree char *samples = g_build_filename (dir, "s.csv", NULL);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(LlExportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const LlEventBucket *buckets;
  gsize n;

  job = ll_export_job_new_for_run (LL_EXPORT_KIND_EVENTS, events, run, LL_UNITS_IEC, &error);
  g_assert_no_error (error);
  g_assert_true (ll_export_job_run (job, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (job->file_bytes, >, 0);

  ll_history_view_update (view, ll_run_get_history (run));
  buckets = ll_history_view_get_events (view, &n);
  lines = read_lines (events);
  g_assert_cmpstr (lines[0], ==, LL_EVENTS_CSV_HEADER);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 1);
  for (gsize i = 0; i < n; i++)
    {
      char row[320];
      gsize length = ll_csv_format_event (row, &buckets[i].first);

      row[length] = '\0';
      g_assert_cmpstr (lines[i + 1], ==, row);
    }
  g_clear_pointer (&job, ll_export_job_unref);

  /* A simulation samples no memory: the header alone. */
  job = ll_export_job_new_for_run (LL_EXPORT_KIND_SAMPLES, samples, run, LL_UNITS_IEC, &error);
  g_assert_true (ll_export_job_run (job, NULL, &error));
  g_clear_pointer (&lines, g_strfreev);
  lines = read_lines (samples);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_cmpstr (lines[0], ==, LL_SAMPLES_CSV_HEADER);

  remove_folder (dir);
}

/* Every event of a simulation, however many, streamed as it is computed;
 * nothing at all if it fails. */
/* The list's contents: only from a real run that ended and still holds
 * it, and then every value. */
static void
test_job_contents (void)
{
  g_autoptr(LlRun) simulated = make_simulated_run (LL_POLICY_CPYTHON, 1000);
  g_autoptr(LlRun) run = make_real_run (LL_ELEMENT_INT64, 300000);
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "c.csv", NULL);
  g_autoptr(LlExportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean released = FALSE;

  g_assert_null (ll_export_job_new_for_run (LL_EXPORT_KIND_CONTENTS, path, simulated,
                                            LL_UNITS_IEC, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  job = ll_export_job_new_for_run (LL_EXPORT_KIND_CONTENTS, path, run, LL_UNITS_IEC, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (job->n_elements, ==, 300000);
  g_assert_true (ll_export_job_run (job, NULL, &error));
  g_assert_no_error (error);
  lines = read_lines (path);
  g_assert_cmpuint (g_strv_length (lines), ==, 300000);
  g_assert_cmpstr (lines[0], ==, "0");
  g_assert_cmpstr (lines[299999], ==, "299999");
  {
    guint64 done, total;

    ll_export_job_get_progress (job, &done, &total);
    g_assert_cmpuint (done, ==, 300000);
    g_assert_cmpuint (total, ==, 300000);
  }

  /* Cancelled: the file that was there stays as it was. */
  g_clear_pointer (&job, ll_export_job_unref);
  job = ll_export_job_new_for_run (LL_EXPORT_KIND_CONTENTS, path, run, LL_UNITS_IEC, &error);
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_auto(GStrv) again = NULL;

    g_cancellable_cancel (cancellable);
    g_assert_false (ll_export_job_run (job, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    again = read_lines (path);
    g_assert_cmpuint (g_strv_length (again), ==, 300000);
  }

  /* Released: gone, even for a job made before; the file stays as it was. */
  g_clear_pointer (&job, ll_export_job_unref);
  job = ll_export_job_new_for_run (LL_EXPORT_KIND_CONTENTS, path, run, LL_UNITS_IEC, &error);
  g_assert_no_error (error);
  ll_run_release_async (run, NULL, NULL, NULL);
  while (ll_run_get_state (run) != LL_ENGINE_RELEASED)
    g_main_context_iteration (NULL, TRUE);
  released = TRUE;
  g_assert_false (ll_export_job_run (job, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_assert_true (g_str_has_suffix (error->message, "c.csv”: the list was released, so its contents are gone"));
  g_clear_error (&error);
  {
    g_auto(GStrv) still = read_lines (path);

    g_assert_cmpuint (g_strv_length (still), ==, 300000);
  }
  g_clear_pointer (&job, ll_export_job_unref);
  g_assert_null (ll_export_job_new_for_run (LL_EXPORT_KIND_CONTENTS, path, run,
                                            LL_UNITS_IEC, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_assert_true (released);

  remove_folder (dir);
}

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *ok = user_data;

  *ok = ll_export_job_run_finish (result, NULL) ? 1 : 2;
}

/* Charts and the report of a run, off the main thread. */
static void
test_job_images (void)
{
  g_autoptr(LlRun) run = make_real_run (LL_ELEMENT_SHARED, 2000000);
  g_autofree char *dir = make_folder ();
  g_autofree char *report = g_build_filename (dir, "r.png", NULL);
  g_autoptr(LlExportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  gboolean ok = FALSE;

  job = ll_export_job_new_for_run (LL_EXPORT_KIND_REPORT, report, run, LL_UNITS_IEC, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (job->title, ==, "List Lab run");
  g_assert_cmpstr (job->stop_message, ==, "Reached the target of 2,000,000 elements");
  g_assert_nonnull (job->settings_rows);
  g_assert_nonnull (job->result_rows);
  job->format = LL_EXPORT_PNG;
  job->width = 2 * LL_REPORT_WIDTH;
  job->height = 2 * LL_REPORT_HEIGHT;

  ll_export_job_run_async (job, NULL, NULL, on_job_done, &ok);
  /* Waiting blocks until the worker is done (as quitting does), well
   * before the time allowed. */
  {
    gint64 start = g_get_monotonic_time ();

    g_assert_true (ll_export_job_wait (job, 60000));
    g_assert_cmpint (g_get_monotonic_time () - start, <, 50 * G_TIME_SPAN_SECOND);
  }
  while (!ok)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ok, ==, 1);
  g_assert_true (ll_export_job_wait (job, 1000));
  surface = cairo_image_surface_create_from_png (report);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1190);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1684);
  cairo_surface_destroy (surface);

  remove_folder (dir);
}

/* Charts draw the runs shown beside the job's own, as the window does. */
static void
test_job_with_other_runs (void)
{
  g_autoptr(LlRun) run = make_simulated_run (LL_POLICY_CPYTHON, 10000000);
  g_autoptr(LlRun) other = make_simulated_run (LL_POLICY_CPYTHON, 20000000);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlExportJob) job = NULL;
  LlChartSeries series;
  LlChartData data;

  ll_run_set_style (run, 3);
  job = ll_export_job_new_for_run (LL_EXPORT_KIND_CHART, "", run, LL_UNITS_IEC, &error);
  g_assert_no_error (error);

  ll_export_job_get_chart_data (job, &series, &data, NULL);
  g_assert_cmpuint (data.n_series, ==, 1);

  ll_export_job_add_run (job, other, 5);
  ll_export_job_get_chart_data (job, &series, &data, NULL);
  g_assert_cmpuint (data.n_series, ==, 2);
  g_assert_cmpuint (data.series[0].style, ==, 3);
  g_assert_cmpuint (data.series[1].style, ==, 5);
  g_assert_cmpstr (data.series[0].name, ==, "CPython 3.9+");
  g_assert_cmpuint (data.series[1].n_events, >, data.series[0].n_events);

  /* The report compares them, the job's own first. */
  {
    LlReportInfo info;

    ll_export_job_get_chart_data (job, &series, &data, &info);
    g_assert_cmpuint (info.n_runs, ==, 2);
    g_assert_cmpuint (info.runs[0].style, ==, 3);
    g_assert_cmpuint (info.runs[1].style, ==, 5);
    g_assert_cmpuint (info.runs[0].figures.n_reallocations, <, info.runs[1].figures.n_reallocations);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/job/default-names", test_default_names);
  g_test_add_func ("/export/job/csv", test_job_csv);
  g_test_add_func ("/export/job/other-runs", test_job_with_other_runs);
  g_test_add_func ("/export/job/contents", test_job_contents);
  g_test_add_func ("/export/job/images", test_job_images);

  status = g_test_run ();
  pango_cairo_font_map_set_default (NULL);
  return status;
}
