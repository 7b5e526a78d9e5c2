/* soak-window.c — the window through hundreds of runs: start, stop, release,
 * export, switch charts and policies; the memory comes back, nothing warns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `--cycles N` (20 by default; the `soak-window` benchmark runs 200) and
 * `--rss-bound MIB` (48): the process's resident memory at rest after the
 * last cycle may exceed the one after the first by that much at most. At
 * rest the lists are released and the runs kept for comparing cleared;
 * what stays is the window's (its caches warm up over the first cycles)
 * and the heaps' free tops, up to 8 MiB each (ll-allocator.c). Warnings
 * and criticals are fatal (g_test_init ()). Run it without
 * MALLOC_PERTURB_, which writes every byte allocated and so makes
 * resident the room histories reserve without using.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ll-export-controller.h"
#include "ll-mem.h"
#include "ll-window.h"
#include "export-controller-test-util.h"
#include "ui-test-util.h"

#if defined(__SANITIZE_ADDRESS__)
# define SOAK_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SOAK_ASAN 1
# endif
#endif

static guint n_cycles = 20;
static guint rss_bound_mib = 48;

/* Every policy but fixed, whose +4 elements would make a short run of
 * millions of growths. */
static const LlPolicyKind policies[] = {
  LL_POLICY_CPYTHON, LL_POLICY_GO, LL_POLICY_DOUBLE, LL_POLICY_RUST, LL_POLICY_MSVC,
  LL_POLICY_JAVA, LL_POLICY_DOTNET, LL_POLICY_CPYTHON_38, LL_POLICY_CUSTOM,
};

static const char * const charts[] = { "all", "capacity", "growth", "time", "memory" };

/* How a cycle's run ends. */
typedef enum
{
  END_AT_TARGET,
  END_STOPPED,       /* Stop after a few milliseconds */
  END_STOPPED_NOW,   /* Stop before the engine has started */
  N_ENDS
} RunEnd;

typedef struct
{
  LlWindow *window;
  char     *dir;
  gboolean  finished;
  int       blocks;      /* of the contents written; atomic */
  guint     n_exports;
  guint     n_cancelled;
  guint     n_stopped;
  guint     n_released;
} Soak;

/* Helpers */

static void
on_block (guint64  done,
          guint64  total,
          gpointer user_data)
{
  Soak *soak = user_data;

  g_atomic_int_inc (&soak->blocks);
}

/* Starts an export into the soak's folder; wait with finish_export (). */
static Outcome *
start_export (Soak                       *soak,
              LlExportKind                kind,
              const char                 *name,
              const LlExportImageOptions *options)
{
  g_autofree char *path = g_build_filename (soak->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Outcome *outcome = g_new0 (Outcome, 1);

  ll_export_controller_export_to_file (get_exporter (soak->window), kind, file, options,
                                       on_exported, outcome);
  soak->n_exports++;
  return outcome;
}

static void
finish_export (Soak    *soak,
               Outcome *outcome)
{
  g_assert_true (wait_for_flag (&outcome->done, 60000));
  if (g_error_matches (outcome->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    soak->n_cancelled++;
  else
    {
      g_assert_no_error (outcome->error);
      g_assert_true (outcome->ok);
    }
  g_clear_error (&outcome->error);
  g_free (outcome);
}

static void
export_image (Soak           *soak,
              LlExportKind    kind,
              LlChartKind     chart,
              LlExportFormat  format,
              const char     *name)
{
  LlExportImageOptions options = { kind, chart, format, 600, 300, FALSE };

  finish_export (soak, start_export (soak, kind, name, &options));
}

/* Empties the folder; nothing in it may be a temporary file. */
static void
clean_dir (Soak *soak)
{
  g_autoptr(GDir) d = g_dir_open (soak->dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (soak->dir, name, NULL);

      g_assert_false (name[0] == '.');
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static void
wait_until (gboolean (*predicate) (LlWindow *),
            LlWindow  *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (!predicate (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (predicate (window));
}

static gboolean
is_released (LlWindow *window)
{
  return ll_window_get_run_state (window) == LL_ENGINE_RELEASED && start_sensitive (window);
}

static void
on_finished (LlWindow *window,
             Soak     *soak)
{
  soak->finished = TRUE;
}

/* What the person looks at: one chart or all, the table, the scales, the
 * units. */
static void
switch_view (Soak  *soak,
             guint  cycle)
{
  LlChartBoard *board = ll_window_get_board (soak->window);

  g_object_set (board,
                "visible-chart", charts[cycle % G_N_ELEMENTS (charts)],
                "show-table", cycle % 3 == 1,
                NULL);
  g_object_set (ll_chart_board_get_axes (board),
                "log-length", cycle % 4 >= 2,
                "log-y", cycle % 8 >= 4,
                NULL);
  ll_window_set_units (soak->window, cycle % 6 == 5 ? LL_UNITS_SI : LL_UNITS_IEC);
}

/* The process at rest: the list released, the runs cleared, the main loop
 * idle for a moment. */
static guint64
rest_rss (Soak *soak)
{
  if (ll_window_get_run_state (soak->window) == LL_ENGINE_FINISHED)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (soak->window),
                                                 "win.release-memory", NULL));
      wait_until (is_released, soak->window);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (soak->window), "win.clear-runs", NULL));
  wait_ms (300);

  return ll_mem_process_rss ();
}

/* One cycle */

static void
cycle (Soak  *soak,
       guint  i)
{
  LlControls *controls = ll_window_get_controls (soak->window);
  LlElement element = i % LL_N_ELEMENTS;
  RunEnd end = i == 0 ? END_AT_TARGET : (i * 7 + i / 5) % N_ENDS;
  g_autofree char *target = g_strdup_printf ("%u MiB", 64 + (i * 37) % 193);
  Outcome *events = NULL;
  Outcome *samples = NULL;
  LlEngineStatus status;

  /* A new policy and list, and the charts seen another way. */
  ll_controls_set_policy (controls, policies[i % G_N_ELEMENTS (policies)]);
  ll_controls_set_element (controls, element);
  ll_controls_set_target_kind (controls, LL_TARGET_CONTAINER_BYTES);
  ll_controls_set_target_text (controls, target);
  ll_controls_set_initial_text (controls, "0");
  g_assert_true (ll_controls_get_valid (controls));
  switch_view (soak, i);

  /* Start: a list still held is freed first. */
  soak->finished = FALSE;
  wait_until (start_sensitive, soak->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (soak->window), "win.start", NULL));
  wait_until (ll_window_is_running, soak->window);

  switch (end)
    {
    case END_STOPPED_NOW:
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (soak->window), "win.stop", NULL));
      break;

    case END_STOPPED:
    case END_AT_TARGET:
    default:
      /* Exports while the list grows. */
      events = start_export (soak, LL_EXPORT_KIND_EVENTS, "events.csv", NULL);
      samples = start_export (soak, LL_EXPORT_KIND_SAMPLES, "samples.csv", NULL);
      if (i % 10 == 0)
        export_image (soak, LL_EXPORT_KIND_CHART, LL_CHART_MEMORY, LL_EXPORT_PNG, "running.png");
      if (end == END_STOPPED)
        {
          wait_ms (5 + (i * 13) % 60);
          if (ll_window_is_running (soak->window))
            gtk_widget_activate_action (GTK_WIDGET (soak->window), "win.stop", NULL);
        }
      break;
    }

  g_assert_true (wait_for_flag (&soak->finished, 60000));
  ll_engine_get_status (ll_window_get_engine (soak->window), &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_FINISHED);
  if (status.stop_reason == LL_STOP_CANCELLED)
    soak->n_stopped++;
  else
    g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);
  if (events != NULL)
    finish_export (soak, events);
  if (samples != NULL)
    finish_export (soak, samples);

  /* Exports of the ended run. */
  finish_export (soak, start_export (soak, LL_EXPORT_KIND_EVENTS, "events.csv", NULL));
  if (i % 7 == 0)
    export_image (soak, LL_EXPORT_KIND_CHART, i % LL_N_CHARTS, LL_EXPORT_SVG, "chart.svg");
  if (i % 20 == 0)
    export_image (soak, LL_EXPORT_KIND_REPORT, LL_CHART_CAPACITY, LL_EXPORT_PDF, "report.pdf");

  /* The contents: written whole when short, cancelled mid-way when long. */
  if (i % 5 == 0)
    {
      gboolean cancel = status.length > 8 * 1000 * 1000;
      Outcome *contents;

      g_atomic_int_set (&soak->blocks, 0);
      ll_export_controller_set_progress_hook (get_exporter (soak->window), on_block, soak);
      contents = start_export (soak, LL_EXPORT_KIND_CONTENTS, "contents.csv", NULL);
      if (cancel)
        {
          while (g_atomic_int_get (&soak->blocks) == 0 && !contents->done)
            g_main_context_iteration (NULL, TRUE);
          g_action_group_activate_action (ll_export_controller_get_actions (get_exporter (soak->window)),
                                          "cancel", NULL);
        }
      finish_export (soak, contents);
      ll_export_controller_set_progress_hook (get_exporter (soak->window), NULL, NULL);
    }

  /* Other policies beside it, simulated. */
  if (i % 10 == 3)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (soak->window), "win.compare",
                                                 "s", i % 20 == 3 ? "all" : "go"));
      wait_compared (soak->window);
    }

  /* Release Memory, mostly; otherwise the next Start frees the list. */
  if (i % 3 != 2)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (soak->window),
                                                 "win.release-memory", NULL));
      wait_until (is_released, soak->window);
      soak->n_released++;
    }

  /* The runs kept for comparing: a few at a time. */
  if (i % 5 == 4)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (soak->window), "win.clear-runs", NULL));

  clean_dir (soak);
}

static void
test_soak (void)
{
  g_autoptr(GError) error = NULL;
  Soak soak = { 0 };
  guint64 baseline, rss, peak = 0;
  gint64 start_us = g_get_monotonic_time ();

  soak.window = create_window ();
  soak.dir = g_dir_make_tmp ("listlab-soak-XXXXXX", &error);
  g_assert_no_error (error);
  g_signal_connect (soak.window, "run-finished", G_CALLBACK (on_finished), &soak);

  /* The first cycle does everything once: what it leaves allocated for
   * good (fonts, surfaces, the file chooser's types) is the baseline. */
  cycle (&soak, 0);
  baseline = rest_rss (&soak);
  g_test_message ("after cycle 1: %.1f MiB resident at rest", baseline / (double) MiB);

  for (guint i = 1; i < n_cycles; i++)
    {
      cycle (&soak, i);
      peak = MAX (peak, ll_mem_process_rss ());
      if ((i + 1) % 20 == 0 && i + 1 < n_cycles)
        g_test_message ("after cycle %u: %.1f MiB resident at rest", i + 1,
                        rest_rss (&soak) / (double) MiB);
    }

  rss = rest_rss (&soak);
  g_test_message ("%u cycles in %.1f s (%u stopped, %u released, %u exports, %u of them "
                  "cancelled): %.1f MiB resident at rest after the first, %.1f MiB after "
                  "the last (%+.1f MiB); %.1f MiB at the most between cycles",
                  n_cycles, (g_get_monotonic_time () - start_us) / (double) G_TIME_SPAN_SECOND,
                  soak.n_stopped, soak.n_released, soak.n_exports, soak.n_cancelled,
                  baseline / (double) MiB, rss / (double) MiB,
                  ((double) rss - (double) baseline) / MiB, peak / (double) MiB);

#ifdef SOAK_ASAN
  /* The sanitizer keeps freed memory in quarantine: the resident figure
   * says nothing here; leaks are its own report at exit. */
  g_test_message ("AddressSanitizer build: the resident memory is not bounded");
#else
  g_assert_cmpuint (rss, <=, baseline + rss_bound_mib * MiB);
#endif

  destroy_window (soak.window);
  g_assert_cmpint (g_rmdir (soak.dir), ==, 0);
  g_free (soak.dir);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  for (int i = 1; i + 1 < argc; i++)
    {
      if (g_str_equal (argv[i], "--cycles"))
        n_cycles = MAX (1, (guint) g_ascii_strtoull (argv[i + 1], NULL, 10));
      else if (g_str_equal (argv[i], "--rss-bound"))
        rss_bound_mib = (guint) g_ascii_strtoull (argv[i + 1], NULL, 10);
    }

  g_test_add_func ("/ui/soak/window", test_soak);

  return g_test_run ();
}
