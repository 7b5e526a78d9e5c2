/* bench-compare.c — "Compare With → All Policies" at 10 GB: simulated and first drawn
 *
 * Usage: bench-compare [TARGET [WIDTH HEIGHT]]
 *
 * Does what the window does when asked to compare every runtime's policy
 * with a set-up (CPython's list of shared objects to 10 GB by default):
 * the run set simulates each policy on its worker thread, and once they
 * are in, each of the four charts draws them all, overlaid, at 1200×400.
 * Timed from the request to the last chart drawn, against the peer: one
 * policy simulated the same way (the run set, one kind). Goal: ≤ 50 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "ll-chart.h"
#include "ll-run-set.h"
#include "ll-size.h"

#define GOAL_MS 50.0
#define ROUNDS  15

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Asks @set for @n_kinds comparisons and waits until they are in. */
static void
simulate (LlRunSet           *set,
          const LlRunConfig  *config,
          const LlPolicyKind *kinds,
          guint               n_kinds)
{
  ll_run_set_compare (set, config, kinds, n_kinds);
  while (ll_run_set_is_busy (set))
    g_main_context_iteration (NULL, TRUE);
}

/* Every chart draws every run of @set, as the window's first frame after
 * the comparisons came in. */
static void
draw_all (LlRunSet *set,
          int       width,
          int       height)
{
  GListModel *runs = ll_run_set_get_model (set);
  guint n = g_list_model_get_n_items (runs);
  g_autofree LlChartSeries *series = g_new0 (LlChartSeries, n);
  g_autofree char **names = g_new0 (char *, n);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  LlChartOptions options;
  LlChartData data;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlRun) run = g_list_model_get_item (runs, i);

      ll_chart_series_init_from_view (&series[i], ll_run_get_view (run),
                                      ll_element_get_info (ll_run_get_config (run)->element)->slot_bytes);
      names[i] = ll_run_dup_short_title (run);
      series[i].name = names[i];
      series[i].style = ll_run_get_style (run);
    }
  ll_chart_data_init (&data, series, n);
  ll_chart_options_init (&options);

  for (guint k = 0; k < LL_N_CHARTS; k++)
    ll_chart_draw (cr, k, &data, &options, width, height);
  cairo_surface_flush (surface);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  for (guint i = 0; i < n; i++)
    g_free (names[i]);
}

int
main (int    argc,
      char **argv)
{
  const char *target = argc > 1 ? argv[1] : "10GB";
  int width = argc > 3 ? atoi (argv[2]) : 1200;
  int height = argc > 3 ? atoi (argv[3]) : 400;
  g_autoptr(GError) error = NULL;
  LlPolicyKind kinds[LL_N_POLICIES];
  guint n_kinds = 0;
  double all_ms[ROUNDS], sim_ms[ROUNDS], one_ms[ROUNDS];
  LlRunConfig config;
  guint64 bytes;

  setlocale (LC_ALL, "");
  ll_run_config_init (&config);
  if (!ll_size_parse_bytes (target, 0, &bytes, &error))
    {
      g_printerr ("bench-compare: %s\n", error->message);
      return 2;
    }
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  config.target = bytes;

  /* Every runtime's policy, as "All Policies" asks for them. */
  n_kinds = ll_policy_list_runtimes (kinds);

  for (guint r = 0; r < ROUNDS; r++)
    {
      g_autoptr(LlRunSet) all = ll_run_set_new ();
      g_autoptr(LlRunSet) one = ll_run_set_new ();
      gint64 t0, t1, t2;

      /* The peer first, then the comparison, in turn. */
      t0 = g_get_monotonic_time ();
      simulate (one, &config, kinds, 1);
      one_ms[r] = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      simulate (all, &config, kinds, n_kinds);
      t1 = g_get_monotonic_time ();
      draw_all (all, width, height);
      t2 = g_get_monotonic_time ();
      sim_ms[r] = (t1 - t0) / 1000.0;
      all_ms[r] = (t2 - t0) / 1000.0;
      g_assert_cmpuint (g_list_model_get_n_items (ll_run_set_get_model (all)), ==, n_kinds);
    }

  qsort (all_ms, ROUNDS, sizeof (double), compare_doubles);
  qsort (sim_ms, ROUNDS, sizeof (double), compare_doubles);
  qsort (one_ms, ROUNDS, sizeof (double), compare_doubles);

  g_print ("Compare with %u policies, target %s, four charts at %d×%d (median of %d):\n",
           n_kinds, target, width, height, ROUNDS);
  g_print ("  one policy simulated (peer)      %7.2f ms\n", one_ms[ROUNDS / 2]);
  g_print ("  %u policies simulated             %7.2f ms\n", n_kinds, sim_ms[ROUNDS / 2]);
  g_print ("  %u policies simulated and drawn   %7.2f ms   goal <= %.0f ms: %s\n", n_kinds,
           all_ms[ROUNDS / 2], GOAL_MS, all_ms[ROUNDS / 2] <= GOAL_MS ? "met" : "MISSED");
  g_print ("  ratio to the peer                %7.2f×\n", all_ms[ROUNDS / 2] / one_ms[ROUNDS / 2]);
  return 0;
}
