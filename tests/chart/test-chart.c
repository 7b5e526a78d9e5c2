/* test-chart.c — the charts through ll_chart_draw (): kinds, decimation that
 * hides nothing, empty runs, vector surfaces, joined levels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "chart-test-util.h"
#include "chart-testdata.h"
#include "ll-chart-private.h"

static void
test_kinds (void)
{
  LlChartKind kind;

  g_assert_cmpstr (ll_chart_kind_get_name (LL_CHART_CAPACITY), ==, "capacity");
  g_assert_cmpstr (ll_chart_kind_get_name (LL_CHART_GROWTH), ==, "growth");
  g_assert_cmpstr (ll_chart_kind_get_name (LL_CHART_MEMORY), ==, "memory");
  g_assert_cmpstr (ll_chart_kind_get_title (LL_CHART_CAPACITY), ==, "Capacity vs Length");
  g_assert_cmpstr (ll_chart_kind_get_title (LL_CHART_GROWTH), ==, "Bytes Added per Reallocation");
  g_assert_cmpstr (ll_chart_kind_get_title (LL_CHART_MEMORY), ==, "System Free Memory");

  for (int k = 0; k < LL_N_CHARTS; k++)
    {
      g_assert_true (ll_chart_kind_from_name (ll_chart_kind_get_name (k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_cmpuint (strlen (ll_chart_kind_get_description (k)), >, 40);
    }
  g_assert_true (ll_chart_kind_from_name ("Memory", &kind));
  g_assert_cmpint (kind, ==, LL_CHART_MEMORY);
  g_assert_false (ll_chart_kind_from_name ("pie", &kind));
  g_assert_false (ll_chart_kind_from_name ("", NULL));
}

/* The topmost accent pixel of each plot column, -1 when none. */
static void
column_tops (cairo_surface_t     *surface,
             const LlChartLayout *layout,
             int                 *tops)
{
  for (int x = 0; x < (int) layout->plot.width; x++)
    {
      tops[x] = -1;
      for (int y = (int) layout->plot.y - 4; y < (int) (layout->plot.y + layout->plot.height); y++)
        {
          if (is_red (pixel (surface, (int) layout->plot.x + x, y)))
            {
              tops[x] = y;
              break;
            }
        }
    }
}

/* 10^6 events with a spike, drawn from 16-event buckets, against every
 * event drawn one by one: the same envelope, column by column. */
static void
test_decimation_never_hides (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const guint64 n = 1000000, spike = 612345;
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlColumns columns;
  cairo_surface_t *decimated, *reference;
  cairo_t *cr;
  g_autofree int *tops = NULL, *ref_tops = NULL;
  int spike_col;
  double base;

  test_run_init (&run, 16, 1);
  for (guint64 i = 0; i < n; i++)
    {
      LlEvent e = { 0 };

      e.length = 4 * i + 4;
      e.old_capacity = 4 * i;
      e.new_capacity = 4 * i + 4;
      e.bytes_added = g_rand_int_range (rand, 100, 4000) + (i == spike ? 400000 : 0);
      test_run_add_event (&run, &e);
    }
  test_run_get_data (&run, &data);
  g_assert_cmpuint (data.series[0].n_events, ==, n / 16);
  options_init_test (&options);

  decimated = render (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  columns_for (&columns, &layout, 1.0);

  /* The reference: a blank plot with every single event's stem. */
  reference = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (reference);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_line_width (cr, 1);
  base = layout.plot.y + layout.plot.height;
  g_rand_set_seed (rand, 42);
  for (guint64 i = 0; i < n; i++)
    {
      double added = g_rand_int_range (rand, 100, 4000) + (i == spike ? 400000 : 0);
      int col = ll_columns_index (&columns, 4 * i + 4);
      double x = ll_columns_center (&columns, col);

      cairo_move_to (cr, x, base);
      cairo_line_to (cr, x, MIN (round (ll_scale_map (&layout.y, added)), base - 1));
    }
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (reference);

  tops = g_new (int, (gsize) layout.plot.width);
  ref_tops = g_new (int, (gsize) layout.plot.width);
  column_tops (decimated, &layout, tops);
  column_tops (reference, &layout, ref_tops);

  for (int x = 0; x < (int) layout.plot.width; x++)
    {
      g_assert_cmpint (ref_tops[x], >=, 0);
      if (abs (tops[x] - ref_tops[x]) > 1)
        g_error ("column %d: decimated top %d, every event %d", x, tops[x], ref_tops[x]);
    }

  /* the spike reaches the top of its column */
  spike_col = ll_columns_index (&columns, 4 * spike + 4);
  g_assert_cmpint (tops[spike_col], <=, (int) round (ll_scale_map (&layout.y, 400100)) + 1);
  g_assert_cmpint (tops[spike_col], <, tops[spike_col > 5 ? spike_col - 5 : spike_col + 5] - 100);

  cairo_surface_destroy (decimated);
  cairo_surface_destroy (reference);
  test_run_clear (&run);
}

static void
test_empty_and_one_point (void)
{
  LlChartData empty = { NULL, 0 };
  LlChartOptions options;

  options_init_test (&options);

  for (int k = 0; k < LL_N_CHARTS; k++)
    {
      LlChartLayout layout;
      cairo_surface_t *surface = render (k, &empty, &options, WIDTH, HEIGHT, 1.0);
      LlRect hint;

      ll_chart_layout_compute (&layout, NULL, k, &empty, &options, WIDTH, HEIGHT);
      g_assert_true (layout.empty);
      /* axes without numbers, and without units that mean nothing yet */
      g_assert_null (strchr (layout.x_title, '('));
      for (guint i = 0; i < layout.y_axis.n_ticks; i++)
        g_assert_cmpstr (layout.y_axis.ticks[i].label, ==, "");
      /* the hint in the middle of the plot */
      hint.x = layout.plot.x + layout.plot.width / 2 - 30;
      hint.y = layout.plot.y + layout.plot.height / 2 - 4;
      hint.width = 60;
      hint.height = 8;
      g_assert_true (region_has_ink (surface, &hint, (Rgb) { 255, 255, 255 }));
      /* the baseline */
      g_assert_false (is_rgb (pixel (surface, (int) layout.plot.x + 5,
                                     (int) (layout.plot.y + layout.plot.height)),
                              255, 255, 255));
      cairo_surface_destroy (surface);
    }

  /* a NULL data or options draws the same empty chart */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 50, 30);
    cairo_t *cr = cairo_create (surface);

    ll_chart_draw (cr, LL_CHART_MEMORY, NULL, NULL, 50, 30);   /* tiny */
    ll_chart_draw (cr, LL_CHART_GROWTH, NULL, NULL, 0, 0);     /* nothing */
    ll_chart_draw (cr, LL_CHART_CAPACITY, NULL, NULL, 3, 2);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  /* one event, one sample: each chart draws its point */
  {
    TestRun run;
    LlChartData data;
    LlEvent e = { 0 };
    LlSample s = { 0 };

    test_run_init (&run, 1, 1);
    e.length = 1;
    e.new_capacity = 4;
    e.new_bytes = 88;
    e.old_bytes = 56;
    e.bytes_added = 32;
    e.elapsed_ns = 1000;
    /* moved without copying: the time chart draws it in the accent */
    e.moved = TRUE;
    e.realloc_ns = 500;
    test_run_add_event (&run, &e);
    s.elapsed_ns = 2000;
    s.length = 1;
    s.capacity = 4;
    s.available_bytes = 1 << 30;
    s.rss_bytes = 1 << 20;
    test_run_add_sample (&run, &s);
    test_run_get_data (&run, &data);

    for (int k = 0; k < LL_N_CHARTS; k++)
      {
        LlChartLayout layout;
        cairo_surface_t *surface = render (k, &data, &options, WIDTH, HEIGHT, 1.0);
        LlRect plot;

        ll_chart_layout_compute (&layout, NULL, k, &data, &options, WIDTH, HEIGHT);
        g_assert_false (layout.empty);
        g_assert_cmpuint (layout.x_axis.n_ticks, >=, 2);
        g_assert_cmpuint (layout.y_axis.n_ticks, >=, 2);
        plot = layout.plot;
        if (k != LL_CHART_MEMORY)
          {
            /* the point is red somewhere near where it maps */
            double px = ll_scale_map (&layout.x, 1);
            double py = ll_scale_map (&layout.y, k == LL_CHART_CAPACITY ? 4 :
                                                 k == LL_CHART_TIME ? 500 : 32);
            gboolean found = FALSE;

            for (int dy = -3; dy <= 3 && !found; dy++)
              for (int dx = -3; dx <= 3 && !found; dx++)
                found = is_red (pixel (surface, (int) px + dx, (int) py + dy));
            g_assert_true (found);
          }
        else
          {
            /* the available line (blue) starts at its one sample */
            double px = ll_scale_map (&layout.x, 2000);
            double py = ll_scale_map (&layout.y, 1 << 30);
            Rgb p = pixel (surface, (int) ceil (px), (int) py);

            g_assert_cmpint (p.b, >, p.r + 60);
          }
        g_assert_true (region_has_ink (surface, &plot, (Rgb) { 255, 255, 255 }));
        cairo_surface_destroy (surface);
      }
    test_run_clear (&run);
  }
}

static void
test_vector_surfaces (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("listlab-chart-XXXXXX", &error);
  TestRun run;
  LlChartData data;
  LlChartOptions options;

  g_assert_no_error (error);
  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 100 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);
  ll_chart_options_init (&options);
  options.draw_title = TRUE;
  options.reserve_bytes = 1 << 30;

  for (int k = 0; k < LL_N_CHARTS; k++)
    {
      g_autofree char *svg = g_strdup_printf ("%s/%s.svg", dir, ll_chart_kind_get_name (k));
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", dir, ll_chart_kind_get_name (k));
      g_autofree char *contents = NULL;
      gsize length;
      cairo_surface_t *surface;
      cairo_t *cr;

      surface = cairo_svg_surface_create (svg, 800, 360);
      cr = cairo_create (surface);
      ll_chart_draw (cr, k, &data, &options, 800, 360);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
      g_assert_nonnull (strstr (contents, "<svg"));
      g_assert_nonnull (strstr (contents, "</svg>"));
      g_assert_cmpuint (length, >, 2000);
      g_clear_pointer (&contents, g_free);

      surface = cairo_pdf_surface_create (pdf, 800, 360);
      cr = cairo_create (surface);
      ll_chart_draw (cr, k, &data, &options, 800, 360);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF"));

      g_assert_cmpint (g_unlink (svg), ==, 0);
      g_assert_cmpint (g_unlink (pdf), ==, 0);
    }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
  test_run_clear (&run);
}

/* Draws kind @k of @data plain (no joined level) and with @joined's
 * buckets as the joined level, on the same axes; returns how many plot
 * pixels are inked plain, and in @differ, how many differ clearly
 * between the two. */
static guint
compare_levels (TestRun              *fine,
                TestRun              *joined,
                const LlChartData    *data,
                const LlChartOptions *options,
                LlChartKind           k,
                guint                *differ)
{
  LlChartLayout plain_layout, coarse_layout;
  cairo_surface_t *plain, *coarse;
  guint inked = 0;

  *differ = 0;
  fine->series.coarse_events = NULL;
  fine->series.coarse_samples = NULL;
  ll_chart_layout_compute (&plain_layout, NULL, k, data, options, WIDTH, HEIGHT);
  plain = render (k, data, options, WIDTH, HEIGHT, 1.0);

  fine->series.coarse_events = (const LlEventBucket *) (gpointer) joined->events->data;
  fine->series.n_coarse_events = joined->events->len;
  fine->series.coarse_samples = (const LlSampleBucket *) (gpointer) joined->samples->data;
  fine->series.n_coarse_samples = joined->samples->len;
  ll_chart_layout_compute (&coarse_layout, NULL, k, data, options, WIDTH, HEIGHT);
  coarse = render (k, data, options, WIDTH, HEIGHT, 1.0);

  g_assert_cmpfloat (plain_layout.y_axis.lo, ==, coarse_layout.y_axis.lo);
  g_assert_cmpfloat (plain_layout.y_axis.hi, ==, coarse_layout.y_axis.hi);
  g_assert_cmpfloat (plain_layout.x_axis.lo, ==, coarse_layout.x_axis.lo);
  g_assert_cmpfloat (plain_layout.x_axis.hi, ==, coarse_layout.x_axis.hi);
  for (int y = (int) plain_layout.plot.y; y < (int) (plain_layout.plot.y + plain_layout.plot.height); y++)
    for (int x = (int) plain_layout.plot.x; x < (int) (plain_layout.plot.x + plain_layout.plot.width); x++)
      {
        Rgb a = pixel (plain, x, y), b = pixel (coarse, x, y);

        inked += !is_rgb (a, 255, 255, 255);
        *differ += ABS (a.r - b.r) + ABS (a.g - b.g) + ABS (a.b - b.b) > 96;
      }

  cairo_surface_destroy (plain);
  cairo_surface_destroy (coarse);
  return inked;
}

/* @options zoomed into @from…@to of the run in @data, on both axes. */
static void
zoom_into (LlChartOptions    *options,
           const LlChartData *data,
           double             from,
           double             to)
{
  const LlHistoryCounters *c = data->series[0].counters;

  options->length_range = (LlChartRange) { c->end_length * from, c->end_length * to };
  options->time_range = (LlChartRange) { c->last_sample.elapsed_ns * from, c->last_sample.elapsed_ns * to };
}

/* Where many buckets fall in each pixel column a chart reads their joined
 * level instead: the same axes, the same picture within a few pixels,
 * whole or zoomed into the middle (where the joined level is read from the
 * range's start). */
static void
test_coarse_level (void)
{
  TestRun fine, joined;
  LlChartData data;
  LlChartOptions options, zoomed;

  /* 200,000 events: 100,000 buckets of 2, and the same joined 8 at a time. */
  test_run_init (&fine, 2, 2);
  test_run_init (&joined, 2 * LL_HISTORY_COARSE, 2 * LL_HISTORY_COARSE);
  test_run_fill_fixed (&fine, 200000, 1000, 100000, 8ull << 30);
  test_run_fill_fixed (&joined, 200000, 1000, 100000, 8ull << 30);
  test_run_get_data (&fine, &data);
  options_init_test (&options);
  zoomed = options;
  zoom_into (&zoomed, &data, 0.3, 0.7);

  for (LlChartKind k = 0; k < LL_N_CHARTS; k++)
    {
      guint differ, inked;

      /* (A few pixels where a joined bucket straddles two columns.) */
      inked = compare_levels (&fine, &joined, &data, &options, k, &differ);
      g_assert_cmpuint (inked, >, 500);
      g_assert_cmpuint (differ, <, inked / 50);
      inked = compare_levels (&fine, &joined, &data, &zoomed, k, &differ);
      g_assert_cmpuint (inked, >, 500);
      g_assert_cmpuint (differ, <, inked / 50);
    }

  test_run_clear (&fine);
  test_run_clear (&joined);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/kinds", test_kinds);
  g_test_add_func ("/chart/decimation-never-hides", test_decimation_never_hides);
  g_test_add_func ("/chart/empty-and-one-point", test_empty_and_one_point);
  g_test_add_func ("/chart/vector-surfaces", test_vector_surfaces);
  g_test_add_func ("/chart/coarse-level", test_coarse_level);

  ret = g_test_run ();

  /* Drop pango's font map and the fonts it holds, so leak checkers see
   * only what the charts keep. (Not fontconfig's configuration: FcFini ()
   * asserts while cairo still holds one of its caches.) */
  pango_cairo_font_map_set_default (NULL);

  return ret;
}
