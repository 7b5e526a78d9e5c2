/* test-chart.c — the charts drawn into real surfaces, pixels checked
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
#include "ll-growth.h"
#include "ll-run-config.h"

static void
columns_for (LlColumns           *columns,
             const LlChartLayout *layout,
             double               scale)
{
  columns->xscale = &layout->x;
  columns->x0 = layout->plot.x;
  columns->sx = scale;
  columns->n_columns = (guint) ceil (layout->plot.width * scale - 1e-6);
}

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

/* The capacity step line lands on the pixels the scales say, crisp. */
static void
test_capacity_pixels (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlColumns columns;
  cairo_surface_t *surface;
  const LlEventBucket *ev;

  test_run_fill_doubling (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  surface = render (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  columns_for (&columns, &layout, 1.0);
  ev = data.series[0].events;

  g_assert_false (layout.empty);
  g_assert_cmpfloat (layout.x_axis.hi, >=, 50);
  g_assert_cmpfloat (layout.y_axis.hi, >=, 64);
  g_assert_cmpstr (layout.x_title, ==, "Length (elements)");
  g_assert_cmpstr (layout.y_title, ==, "Capacity (elements)");

  for (gsize i = 0; i < data.series[0].n_events; i++)
    {
      /* the jump: a 2-pixel vertical line on the boundary nearest the
       * centre of the event's column, from old to new capacity */
      int col = ll_columns_index (&columns, ev[i].first.length);
      int x = (int) round (ll_columns_center (&columns, col));
      double y_old = ll_scale_map (&layout.y, ev[i].first.old_capacity);
      double y_new = ll_scale_map (&layout.y, ev[i].first.new_capacity);
      int y_mid = (int) ((y_old + y_new) / 2);
      int y_line = (int) round (y_new);
      double x_next = i + 1 < data.series[0].n_events ? ll_scale_map (&layout.x, ev[i + 1].first.length)
                                            : ll_scale_map (&layout.x, 50);
      int x_mid = (int) ((x + x_next) / 2);

      assert_rgb (surface, x - 1, y_mid, 255, 0, 0);
      assert_rgb (surface, x, y_mid, 255, 0, 0);
      /* and nothing of it one pixel further */
      g_assert_false (is_rgb (pixel (surface, x + 1, y_mid), 255, 0, 0));
      g_assert_false (is_rgb (pixel (surface, x - 2, y_mid), 255, 0, 0));

      /* the flat part at the new capacity until the next event */
      assert_rgb (surface, x_mid, y_line - 1, 255, 0, 0);
      assert_rgb (surface, x_mid, y_line, 255, 0, 0);
      g_assert_false (is_rgb (pixel (surface, x_mid, y_line + 1), 255, 0, 0));
      g_assert_false (is_rgb (pixel (surface, x_mid, y_line - 2), 255, 0, 0));

      /* slack between the step and the diagonal: translucent accent */
      if (ll_scale_map (&layout.y, (ev[i].first.length + ev[i].first.new_capacity) / 2.0) <
          y_line - 4)
        {
          double xs = ll_scale_map (&layout.x, ev[i].first.length) + 3;
          double v = ll_scale_unmap (&layout.x, xs);
          double ys = (ll_scale_map (&layout.y, v) + y_line) / 2;
          Rgb p = pixel (surface, (int) xs, (int) ys);

          g_assert_true (is_red (p));
          g_assert_cmpint (p.g, >, 150);  /* not the line itself */
        }
    }

  /* the length diagonal (series2) near 40, dashed: within a dash's
   * length of it */
  {
    gboolean found = FALSE;

    for (double v = 38.0; v <= 42.0 && !found; v += 0.25)
      {
        Rgb p = pixel (surface, (int) ll_scale_map (&layout.x, v), (int) ll_scale_map (&layout.y, v));

        found = p.g > p.r + 60;
      }
    g_assert_true (found);
  }

  /* the step line ends at the current length, 50 */
  {
    int y = (int) round (ll_scale_map (&layout.y, 64));
    int x_end = (int) ll_scale_map (&layout.x, 50);

    assert_rgb (surface, x_end - 2, y, 255, 0, 0);
    g_assert_false (is_red (pixel (surface, x_end + 3, y)));
  }

  cairo_surface_destroy (surface);
  test_run_clear (&run);
}

/* Stems of the growth chart: from the baseline to bytes added. */
static void
test_growth_pixels (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlColumns columns;
  cairo_surface_t *surface;

  test_run_fill_doubling (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  surface = render (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  columns_for (&columns, &layout, 1.0);
  g_assert_cmpstr (layout.y_title, ==, "Bytes added (B)");

  for (gsize i = 0; i < data.series[0].n_events; i++)
    {
      const LlEvent *e = &data.series[0].events[i].first;
      int col = ll_columns_index (&columns, e->length);
      int x = (int) floor (ll_columns_center (&columns, col));
      int top = (int) round (ll_scale_map (&layout.y, e->bytes_added));
      int base = (int) (layout.plot.y + layout.plot.height);

      /* a 1-pixel stem in the pixel column */
      for (int y = top + 4; y < base - 1; y++)
        assert_rgb (surface, x, y, 255, 0, 0);
      g_assert_false (is_red (pixel (surface, x - 1, (top + base) / 2 + 4)) &&
                      is_red (pixel (surface, x + 1, (top + base) / 2 + 4)));
      /* nothing above the dot on its top */
      for (int y = top - 5; y > layout.plot.y; y--)
        g_assert_false (is_red (pixel (surface, x, y)));
    }

  cairo_surface_destroy (surface);

  /* log: decades evenly spaced, stems still on their values */
  options.log_y = TRUE;
  surface = render (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  g_assert_true (layout.y.log);
  g_assert_cmpstr (layout.y_title, ==, "Bytes added");
  g_assert_cmpfloat (layout.y_axis.lo, ==, 32);    /* the smallest: 4 slots */
  g_assert_cmpfloat (layout.y_axis.hi, ==, 256);   /* the largest: 32 slots */
  g_assert_cmpfloat_with_epsilon (ll_scale_map (&layout.y, 64) - ll_scale_map (&layout.y, 128),
                                  ll_scale_map (&layout.y, 128) - ll_scale_map (&layout.y, 256),
                                  1e-9);
  {
    const LlEvent *e = &data.series[0].events[2].first;   /* +64 bytes */
    int col = ll_columns_index (&columns, e->length);
    int x = (int) floor (ll_columns_center (&columns, col));
    int top = (int) round (ll_scale_map (&layout.y, 64));

    g_assert_cmpuint (e->bytes_added, ==, 64);
    assert_rgb (surface, x, top + 5, 255, 0, 0);
    g_assert_false (is_red (pixel (surface, x, top - 5)));
  }
  cairo_surface_destroy (surface);
  test_run_clear (&run);
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

/* The notebook's list(range(20_000_000)) and appends up to 40 M, recorded
 * in a history as the engine records it (samples while the initial list is
 * built included): the charts start where the list starts, and nothing
 * under the length diagonal is drawn as slack. */
static void
test_capacity_initial_list (void)
{
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  LlRunConfig config;
  LlGrowth growth;
  LlGrowthStep step;
  LlChartSeries series;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  cairo_surface_t *surface;
  LlSample building[2] = {
    { 0, 0, 0, 56, 0, 7 << 20, 1ull << 34 },
    { 50000000, 1310720, 20000000, 160000056, 0, 18 << 20, 1ull << 34 },
  };
  guint n_events = 0;

  ll_run_config_init (&config);
  config.initial_length = 20000000;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 40000000;
  ll_growth_init (&growth, &config);
  g_assert_cmpuint (growth.capacity, ==, 20000000);
  ll_history_set_start (history, growth.length, growth.capacity);
  ll_history_push_samples (history, building, G_N_ELEMENTS (building));
  while (ll_growth_next (&growth, &step))
    {
      LlEvent e = { 0 };

      if (!step.realloc)
        continue;
      e.length = step.length;
      e.old_capacity = step.old_capacity;
      e.new_capacity = step.new_capacity;
      e.old_bytes = 56 + 8 * e.old_capacity;
      e.new_bytes = 56 + 8 * e.new_capacity;
      e.bytes_added = e.new_bytes - e.old_bytes;
      ll_history_push_events (history, &e, 1);
      n_events++;
    }
  ll_history_set_end (history, growth.length, growth.capacity);
  g_assert_cmpuint (n_events, ==, 6);
  g_assert_cmpuint (growth.length, ==, 40000000);

  ll_history_view_update (view, history);
  ll_chart_series_init_from_view (&series, view, 8);
  ll_chart_data_init (&data, &series, 1);
  g_assert_cmpuint (data.series[0].counters->start_length, ==, 20000000);
  g_assert_cmpuint (data.series[0].counters->end_length, ==, 40000000);
  options_init_test (&options);

  surface = render (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  g_assert_cmpfloat (layout.x_axis.lo, ==, 20e6);
  g_assert_cmpfloat (layout.x_axis.hi, ==, 40e6);
  g_assert_cmpfloat (layout.y_axis.lo, ==, 20e6);

  /* Under the diagonal: nothing, all the way along. */
  for (double v = 21e6; v < 40e6; v += 1e6)
    {
      int x = (int) ll_scale_map (&layout.x, v);
      int y_diag = (int) ll_scale_map (&layout.y, v);
      int bottom = (int) (layout.plot.y + layout.plot.height) - 2;

      for (int y = y_diag + 4; y < bottom; y += 3)
        {
          Rgb p = pixel (surface, x, y);

          /* white, or a grid line: grey */
          if (p.r != p.g || p.g != p.b)
            g_error ("#%02x%02x%02x under the diagonal at %.0f elements, y %d",
                     p.r, p.g, p.b, v, y);
        }
    }

  /* Over it, between 20 M and the first growth at 22.5 M: slack, under a
   * step line that starts at the initial capacity. */
  {
    double v = 21e6;
    int x = (int) ll_scale_map (&layout.x, v);
    int y = (int) ((ll_scale_map (&layout.y, v) + ll_scale_map (&layout.y, 22500004)) / 2);
    Rgb p = pixel (surface, x, y);

    /* the accent at the slack's alpha over white */
    g_assert_cmpint (p.r, ==, 255);
    g_assert_cmpint (p.g, ==, p.b);
    g_assert_cmpint (abs (p.g - (int) round (255 * (1 - 0.22))), <=, 1);
    assert_rgb (surface, x, (int) round (ll_scale_map (&layout.y, 22500004)), 255, 0, 0);
  }
  cairo_surface_destroy (surface);

  /* The growth chart shares the length axis. */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  g_assert_cmpfloat (layout.x_axis.lo, ==, 20e6);
  g_assert_cmpfloat (layout.x_axis.hi, ==, 40e6);
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
test_light_dark (void)
{
  LlChartOptions light, dark;
  TestRun run;
  LlChartData data;

  ll_chart_options_init (&light);
  ll_chart_options_init (&dark);
  ll_chart_palette_init_dark (&dark.palette);

  /* libadwaita's view colours and accents */
  g_assert_cmpfloat (light.palette.background.red, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (dark.palette.background.red, 0x1e / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (light.palette.accent.blue, 0xd8 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (dark.palette.accent.red, 0x78 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (light.palette.foreground.alpha, 0.8, 1e-9);

  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 200 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);

  for (int k = 0; k < LL_N_CHARTS; k++)
    {
      cairo_surface_t *a = render (k, &data, &light, WIDTH, HEIGHT, 1.0);
      cairo_surface_t *b = render (k, &data, &dark, WIDTH, HEIGHT, 1.0);
      LlChartLayout layout;
      Rgb la, da;
      gboolean lighter = FALSE, darker = FALSE;

      ll_chart_layout_compute (&layout, NULL, k, &data, &light, WIDTH, HEIGHT);
      assert_rgb (a, 1, 1, 0xff, 0xff, 0xff);
      assert_rgb (b, 1, 1, 0x1e, 0x1e, 0x1e);
      assert_rgb (a, WIDTH - 2, HEIGHT - 2, 0xff, 0xff, 0xff);
      assert_rgb (b, WIDTH - 2, HEIGHT - 2, 0x1e, 0x1e, 0x1e);

      /* text: darker than the background in light, lighter in dark */
      for (int y = (int) layout.x_title_y; y < (int) (layout.x_title_y + layout.line_height); y++)
        for (int x = (int) layout.plot.x; x < (int) (layout.plot.x + layout.plot.width); x++)
          {
            la = pixel (a, x, y);
            da = pixel (b, x, y);
            darker |= la.r < 0x80;
            lighter |= da.r > 0x90;
          }
      g_assert_true (darker);
      g_assert_true (lighter);

      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
  test_run_clear (&run);
}

/* Hairlines are one device pixel at scale 1, two at scale 2, always
 * fully covered: crisp. */
static void
test_crisp_hidpi (void)
{
  LlChartOptions options;
  TestRun run;
  LlChartData data;

  options_init_test (&options);
  options.palette.grid = (LlColor) { 0, 0, 0, 0.5 };
  test_run_fill_doubling (&run);
  test_run_get_data (&run, &data);

  /* 1.5: exports at any scale; a whole number of device pixels, too */
  for (guint i = 0; i < 3; i++)
    {
      const double scales[] = { 1.0, 2.0, 1.5 };
      double scale = scales[i];
      cairo_surface_t *surface = render (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, scale);
      LlChartLayout layout;
      double y_tick;
      int x, y0, rows = 0;

      ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
      /* a horizontal grid line at the top tick, right of the data */
      y_tick = ll_scale_map (&layout.y, layout.y_axis.ticks[layout.y_axis.n_ticks - 1].value);
      x = (int) ((layout.plot.x + layout.plot.width - 3) * scale);
      y0 = (int) (y_tick * scale);
      for (int y = y0 - 3; y <= y0 + 3; y++)
        {
          Rgb p = pixel (surface, x, y);

          if (is_rgb (p, 0x7f, 0x7f, 0x7f) || is_rgb (p, 0x80, 0x80, 0x80))
            rows++;
          else
            assert_rgb (surface, x, y, 0xff, 0xff, 0xff);
        }
      g_assert_cmpint (rows, ==, (int) round (scale));

      cairo_surface_destroy (surface);
    }
  test_run_clear (&run);
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

static void
test_pick (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlChartReadout readout;
  double x, y;

  test_run_fill_doubling (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  /* capacity: at the jump of the event at length 17 */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  x = ll_scale_map (&layout.x, 17);
  y = ll_scale_map (&layout.y, 32);
  ll_chart_pick (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, x + 2, y - 3, &readout);
  g_assert_true (readout.found);
  g_assert_cmpfloat (readout.x, ==, x);
  g_assert_cmpfloat (readout.y, ==, y);
  g_assert_cmpstr (readout.text, ==,
                   "Reallocation 4 of 5\n"
                   "Length 17\n"
                   "Capacity 16 → 32\n"
                   "Slack 15 (46.9 %)\n"
                   "Container 312 B\n"
                   "Added +128 B");
  g_assert_cmpuint (readout.event_number, ==, 4);
  g_assert_cmpuint (readout.series, ==, 0);
  ll_chart_readout_clear (&readout);
  g_assert_null (readout.text);
  g_assert_false (readout.found);

  /* near the diagonal instead: the same event, the length's point */
  ll_chart_pick (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT,
                 x, ll_scale_map (&layout.y, 17), &readout);
  g_assert_true (readout.found);
  g_assert_cmpfloat (readout.y, ==, ll_scale_map (&layout.y, 17));
  ll_chart_readout_clear (&readout);

  /* past the last event: the current length from the samples */
  ll_chart_pick (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT,
                 ll_scale_map (&layout.x, 49), y, &readout);
  g_assert_true (readout.found);
  g_assert_cmpstr (readout.text, ==, "Length 50\nCapacity 64\nSlack 14 (21.9 %)");
  ll_chart_readout_clear (&readout);

  /* outside the plot: nothing */
  ll_chart_pick (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, 1, 1, &readout);
  g_assert_false (readout.found);
  g_assert_null (readout.text);

  /* growth: exact numbers of the nearest reallocation */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT,
                 ll_scale_map (&layout.x, 33) - 3, layout.plot.y + 10, &readout);
  g_assert_true (readout.found);
  g_assert_cmpfloat (readout.y, ==, ll_scale_map (&layout.y, 256));
  g_assert_cmpstr (readout.text, ==,
                   "Reallocation 5 of 5\n"
                   "Length 33\n"
                   "Capacity 32 → 64\n"
                   "Container 568 B\n"
                   "Added +256 B\n"
                   "Block moved, 256 B copied\n"
                   "Took 1.2 µs");
  ll_chart_readout_clear (&readout);

  /* memory: the sample, the nearer of the two lines */
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT,
                 layout.plot.x + layout.plot.width - 5, layout.plot.y + layout.plot.height - 2,
                 &readout);
  g_assert_true (readout.found);
  g_assert_cmpfloat (readout.x, ==, ll_scale_map (&layout.x, 50000000));
  g_assert_cmpfloat (readout.y, ==, ll_scale_map (&layout.y, 1000));
  g_assert_cmpstr (readout.text, ==,
                   "Time 50.0 ms\nAvailable 4.88 KiB\nProcess RSS 1000 B\nLength 50");
  ll_chart_readout_clear (&readout);

  /* nothing to pick in an empty chart */
  {
    LlChartData empty = { NULL, 0 };

    ll_chart_pick (LL_CHART_GROWTH, &empty, &options, WIDTH, HEIGHT, 300, 200, &readout);
    g_assert_false (readout.found);
  }

  test_run_clear (&run);
}

/* Exact integers, grouped, with the biggest numbers a run can make. */
static void
test_pick_large (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlChartReadout readout;
  LlEvent e = { 0 };

  test_run_init (&run, 1, 1);
  e.length = 22500005;
  e.old_capacity = 22500004;
  e.new_capacity = 25312509;
  e.old_bytes = 56 + 8 * e.old_capacity;
  e.new_bytes = 56 + 8 * e.new_capacity;
  e.bytes_added = e.new_bytes - e.old_bytes;
  test_run_add_event (&run, &e);
  test_run_get_data (&run, &data);
  ll_chart_options_init (&options);

  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT,
                 ll_scale_map (&layout.x, 22500005), ll_scale_map (&layout.y, 25312509), &readout);
  g_assert_true (readout.found);
  {
    /* grouped as the locale groups (ll-size's rule): "22,500,005" */
    g_autofree char *l = ll_format_count_exact (22500005);
    g_autofree char *c0 = ll_format_count_exact (22500004);
    g_autofree char *c1 = ll_format_count_exact (25312509);
    g_autofree char *sl = ll_format_count_exact (2812504);
    g_autofree char *bytes = ll_format_count_exact (202500128);
    /* the container and what it added to the byte, and in MiB to three
     * decimals as the notebook prints them */
    g_autofree char *expected = g_strdup_printf ("Reallocation 1 of 1\n"
                                                 "Length %s\n"
                                                 "Capacity %s → %s\n"
                                                 "Slack %s (11.1 %%)\n"
                                                 "Container 193.119 MiB (%s bytes)\n"
                                                 "Added +21.458 MiB", l, c0, c1, sl, bytes);

    g_assert_cmpstr (readout.text, ==, expected);
  }
  ll_chart_readout_clear (&readout);

  /* SI units on request */
  options.units = LL_UNITS_SI;
  ll_chart_pick (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT,
                 ll_scale_map (&layout.x, 22500005), ll_scale_map (&layout.y, 25312509), &readout);
  g_assert_nonnull (strstr (readout.text, "Added +22.500 MB"));
  ll_chart_readout_clear (&readout);

  /* huge values still draw */
  e.length = G_MAXUINT64 / 16;
  e.new_capacity = G_MAXUINT64 / 8;
  e.bytes_added = G_MAXUINT64 / 2;
  test_run_add_event (&run, &e);
  test_run_get_data (&run, &data);
  for (int k = 0; k < LL_N_CHARTS; k++)
    {
      cairo_surface_t *surface = render (k, &data, &options, 300, 200, 1.0);

      cairo_surface_destroy (surface);
    }

  test_run_clear (&run);
}

/* Merged buckets: the readout names an exact event at a bucket's end. */
static void
test_pick_merged (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlChartReadout readout;
  const LlEventBucket *b;

  test_run_init (&run, 100, 10);
  test_run_fill_fixed (&run, 100000, 16, 1000, 8ull << 30);
  test_run_get_data (&run, &data);
  ll_chart_options_init (&options);
  g_assert_cmpuint (data.series[0].n_events, ==, 1000);

  b = &data.series[0].events[500];
  ll_chart_layout_compute (&layout, NULL, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  ll_chart_pick (LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT,
                 ll_scale_map (&layout.x, b->last.length), layout.plot.y + 50, &readout);
  g_assert_true (readout.found);
  {
    g_autofree char *n = ll_format_count_exact (50100);
    g_autofree char *total = ll_format_count_exact (100000);
    g_autofree char *line = g_strdup_printf ("Reallocation %s of %s\n", n, total);

    /* the last event of bucket 500, exactly */
    g_assert_true (g_str_has_prefix (readout.text, line));
  }
  ll_chart_readout_clear (&readout);
  test_run_clear (&run);
}

/* Pixels on row @y (±1) across the plot's left half that look like
 * @colour drawn at @alpha over white. */
static guint
count_row (cairo_surface_t *surface,
           const LlRect    *plot,
           double           y,
           const LlColor   *colour,
           double           alpha)
{
  int r = (int) round (255 * (1 - alpha + alpha * colour->red));
  int g = (int) round (255 * (1 - alpha + alpha * colour->green));
  int b = (int) round (255 * (1 - alpha + alpha * colour->blue));
  guint n = 0;

  for (int row = (int) y - 1; row <= (int) y + 1; row++)
    for (int x = (int) plot->x + 2; x < (int) (plot->x + plot->width / 2); x++)
      {
        Rgb p = pixel (surface, x, row);

        if (ABS (p.r - r) <= 8 && ABS (p.g - g) <= 8 && ABS (p.b - b) <= 8)
          n++;
      }
  return n;
}

static gboolean is_series3 (Rgb p);

/* During a run the memory chart shows where the next growth will leave
 * free memory, in the reserve's colour once that is below it. */
static void
test_memory_next_growth (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  cairo_surface_t *surface;
  guint64 now, after;

  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 100 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  options.reserve_bytes = 1ull << 30;
  now = run.series.samples[run.series.n_samples - 1].last.available_bytes;

  /* Room enough: a line where the growth leaves free memory. */
  options.next_growth_bytes = 3ull << 30;
  after = now - options.next_growth_bytes;
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  g_assert_cmpuint (count_row (surface, &layout.plot, ll_scale_map (&layout.y, after),
                               &options.palette.series3, 1.0), >, 40);
  cairo_surface_destroy (surface);

  /* Without a run going on, nothing there. */
  options.next_growth_bytes = 0;
  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  g_assert_cmpuint (count_row (surface, &layout.plot, ll_scale_map (&layout.y, after),
                               &options.palette.series3, 1.0), ==, 0);
  cairo_surface_destroy (surface);

  /* A growth that would leave less than the reserve: in its colour. */
  options.next_growth_bytes = now - (512ull << 20);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  g_assert_cmpuint (count_row (surface, &layout.plot, ll_scale_map (&layout.y, 512ull << 20),
                               &options.palette.warning, 1.0), >, 40);
  cairo_surface_destroy (surface);

  /* A line's label stays readable where another line runs through it:
   * the label lies over the lines, on a plate of the background. A run
   * that takes most of free memory, and the reserve where its label,
   * above it, is crossed by free memory's line. */
  {
    PangoContext *context = ll_chart_create_pango_context ();
    LlChartText text;
    LlChartOptions plain;
    TestRun low;
    LlChartData low_data;
    double label_w, right, line_y = -1.0, label_y;
    guint crossed = 0, seen = 0;

    test_run_init (&low, 1, 1);
    test_run_fill_cpython (&low, 600 * 1024 * 1024, 1ull << 30, 1000000);
    test_run_get_data (&low, &low_data);
    options.next_growth_bytes = 0;
    options.reserve_bytes = 0;
    /* zoomed into the run: the line runs to the plot's edge */
    options.time_range = (LlChartRange) { 0, low.series.samples[low.series.n_samples - 1].last.elapsed_ns * 0.8 };
    plain = options;
    ll_chart_text_init (&text, context, &options);
    ll_chart_text_size (&text, "Reserve", FALSE, &label_w, NULL);
    ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &low_data, &plain, WIDTH, HEIGHT);
    right = layout.plot.x + layout.plot.width - 4.0;
    surface = render (LL_CHART_MEMORY, &low_data, &plain, WIDTH, HEIGHT, 1.0);
    /* where the line crosses the middle of the label's place */
    for (int y = (int) layout.plot.y; y < (int) (layout.plot.y + layout.plot.height) && line_y < 0; y++)
      if (is_series3 (pixel (surface, (int) (right - label_w / 2.0), y)))
        line_y = y;
    g_assert_cmpfloat (line_y, >=, 0);

    options.reserve_bytes = (guint64) ll_scale_unmap (&layout.y, line_y + layout.line_height / 2.0 + 1.0);
    label_y = ll_scale_map (&layout.y, (double) options.reserve_bytes) - layout.line_height - 1.0;
    {
      cairo_surface_t *labelled = render (LL_CHART_MEMORY, &low_data, &options, WIDTH, HEIGHT, 1.0);

      for (int x = (int) ceil (right - label_w); x < (int) floor (right); x++)
        for (int y = (int) ceil (label_y); y < (int) floor (label_y + layout.line_height); y++)
          if (is_series3 (pixel (surface, x, y)))
            {
              crossed++;
              seen += is_series3 (pixel (labelled, x, y));
            }
      cairo_surface_destroy (labelled);
    }
    g_test_message ("free memory: %u pixels in the label's place, %u over the label", crossed, seen);
    g_assert_cmpuint (crossed, >, 10);
    g_assert_cmpuint (seen, ==, 0);
    cairo_surface_destroy (surface);
    ll_chart_text_clear (&text);
    g_object_unref (context);
    test_run_clear (&low);
  }

  test_run_clear (&run);
}

/* How many of the plot's columns in [@x0, @x1) hold no pixel that @is_ink
 * says is the line's. */
static guint
columns_without (cairo_surface_t *surface,
                 const LlRect    *plot,
                 int              x0,
                 int              x1,
                 gboolean       (*is_ink) (Rgb p))
{
  guint n = 0;

  for (int x = x0; x < x1; x++)
    {
      gboolean ink = FALSE;

      for (int y = (int) plot->y; y < (int) (plot->y + plot->height) && !ink; y++)
        ink = is_ink (pixel (surface, x, y));
      n += !ink;
    }
  return n;
}

static gboolean
is_series2 (Rgb p)
{
  return p.g > p.r + 60 && p.g > p.b + 60;   /* (0, 0.6, 0) */
}

static gboolean
is_series3 (Rgb p)
{
  return p.b > 200 && p.r < 60 && p.g < 60;  /* (0, 0, 1) */
}

static gboolean
is_accent (Rgb p)
{
  return p.r > 200 && p.g < 60 && p.b < 60;  /* (1, 0, 0) */
}

/* Lines differ in more than hue: the capacity's is solid and the
 * length's dashed, the free memory's solid and the RSS's dash-dotted —
 * along each, the dashed one has gaps and the solid one none — and the
 * legend's swatches show the same. */
static void
test_line_patterns (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlLegendItem items[LL_CHART_MAX_LEGEND];
  cairo_surface_t *surface;
  int x0, x1;
  guint gaps;

  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 100 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  /* Capacity (accent, red) and length (series2, green). */
  surface = render (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  x0 = (int) (layout.plot.x + layout.plot.width * 0.2);
  x1 = (int) (layout.plot.x + layout.plot.width * 0.8);
  g_assert_cmpuint (columns_without (surface, &layout.plot, x0, x1, is_accent), ==, 0);
  gaps = columns_without (surface, &layout.plot, x0, x1, is_series2);
  g_test_message ("length: %u of %d columns in gaps", gaps, x1 - x0);
  g_assert_cmpuint (gaps, >, (x1 - x0) / 8);
  g_assert_cmpuint (gaps, <, (x1 - x0) / 2);

  /* In the legend: the length's swatch has a gap between its dashes. */
  g_assert_cmpuint (ll_chart_legend_items (LL_CHART_CAPACITY, &data, &options, items), ==, 3);
  g_assert_cmpint (items[0].dash, ==, LL_DASH_SOLID);
  g_assert_cmpint (items[1].dash, !=, LL_DASH_SOLID);
  {
    int y = (int) (layout.legend_y + layout.line_height / 2.0);
    int first = -1, last = -1;
    guint off = 0;

    for (int x = (int) layout.legend_x; x < WIDTH; x++)
      if (is_series2 (pixel (surface, x, y)))
        {
          if (first < 0)
            first = x;
          last = x;
        }
    g_assert_cmpint (first, >=, 0);
    g_assert_cmpint (last - first, >=, (int) LL_CHART_LINE_SWATCH_WIDTH / 2);
    for (int x = first; x <= last; x++)
      off += !is_series2 (pixel (surface, x, y));
    g_assert_cmpuint (off, >=, 2);
  }
  cairo_surface_destroy (surface);

  /* Free memory (series3, blue) and RSS (series2, green). */
  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  x0 = (int) (layout.plot.x + layout.plot.width * 0.2);
  x1 = (int) (layout.plot.x + layout.plot.width * 0.8);
  g_assert_cmpuint (columns_without (surface, &layout.plot, x0, x1, is_series3), ==, 0);
  gaps = columns_without (surface, &layout.plot, x0, x1, is_series2);
  g_test_message ("RSS: %u of %d columns in gaps", gaps, x1 - x0);
  g_assert_cmpuint (gaps, >, (x1 - x0) / 8);
  g_assert_cmpuint (gaps, <, (x1 - x0) / 2);
  cairo_surface_destroy (surface);

  test_run_clear (&run);
}

/* Where many buckets fall in each pixel column a chart reads their joined
 * level instead: the same axes, the same picture within a few pixels. */
static void
test_coarse_level (void)
{
  TestRun fine, joined;
  LlChartData data;
  LlChartOptions options;

  /* 200,000 events: 100,000 buckets of 2, and the same joined 8 at a time. */
  test_run_init (&fine, 2, 2);
  test_run_init (&joined, 2 * LL_HISTORY_COARSE, 2 * LL_HISTORY_COARSE);
  test_run_fill_fixed (&fine, 200000, 1000, 100000, 8ull << 30);
  test_run_fill_fixed (&joined, 200000, 1000, 100000, 8ull << 30);
  test_run_get_data (&fine, &data);
  options_init_test (&options);

  for (LlChartKind k = 0; k < LL_N_CHARTS; k++)
    {
      LlChartLayout plain_layout, coarse_layout;
      cairo_surface_t *plain, *coarse;
      guint differ = 0, inked = 0;

      fine.series.coarse_events = NULL;
      fine.series.coarse_samples = NULL;
      ll_chart_layout_compute (&plain_layout, NULL, k, &data, &options, WIDTH, HEIGHT);
      plain = render (k, &data, &options, WIDTH, HEIGHT, 1.0);

      fine.series.coarse_events = (const LlEventBucket *) (gpointer) joined.events->data;
      fine.series.n_coarse_events = joined.events->len;
      fine.series.coarse_samples = (const LlSampleBucket *) (gpointer) joined.samples->data;
      fine.series.n_coarse_samples = joined.samples->len;
      ll_chart_layout_compute (&coarse_layout, NULL, k, &data, &options, WIDTH, HEIGHT);
      coarse = render (k, &data, &options, WIDTH, HEIGHT, 1.0);

      g_assert_cmpfloat (plain_layout.y_axis.lo, ==, coarse_layout.y_axis.lo);
      g_assert_cmpfloat (plain_layout.y_axis.hi, ==, coarse_layout.y_axis.hi);
      g_assert_cmpfloat (plain_layout.x_axis.hi, ==, coarse_layout.x_axis.hi);
      for (int y = (int) plain_layout.plot.y; y < (int) (plain_layout.plot.y + plain_layout.plot.height); y++)
        for (int x = (int) plain_layout.plot.x; x < (int) (plain_layout.plot.x + plain_layout.plot.width); x++)
          {
            Rgb a = pixel (plain, x, y), b = pixel (coarse, x, y);

            inked += !is_rgb (a, 255, 255, 255);
            differ += ABS (a.r - b.r) + ABS (a.g - b.g) + ABS (a.b - b.b) > 96;
          }
      /* (A few pixels where a joined bucket straddles two columns.) */
      g_assert_cmpuint (inked, >, 500);
      g_assert_cmpuint (differ, <, inked / 50);

      cairo_surface_destroy (plain);
      cairo_surface_destroy (coarse);
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
  g_test_add_func ("/chart/capacity-pixels", test_capacity_pixels);
  g_test_add_func ("/chart/growth-pixels", test_growth_pixels);
  g_test_add_func ("/chart/capacity-initial-list", test_capacity_initial_list);
  g_test_add_func ("/chart/decimation-never-hides", test_decimation_never_hides);
  g_test_add_func ("/chart/empty-and-one-point", test_empty_and_one_point);
  g_test_add_func ("/chart/light-dark", test_light_dark);
  g_test_add_func ("/chart/crisp-hidpi", test_crisp_hidpi);
  g_test_add_func ("/chart/vector-surfaces", test_vector_surfaces);
  g_test_add_func ("/chart/memory-next-growth", test_memory_next_growth);
  g_test_add_func ("/chart/line-patterns", test_line_patterns);
  g_test_add_func ("/chart/coarse-level", test_coarse_level);
  g_test_add_func ("/chart/pick", test_pick);
  g_test_add_func ("/chart/pick-large", test_pick_large);
  g_test_add_func ("/chart/pick-merged", test_pick_merged);

  ret = g_test_run ();

  /* Drop pango's font map and the fonts it holds, so leak checkers see
   * only what the charts keep. (Not fontconfig's configuration: FcFini ()
   * asserts while cairo still holds one of its caches.) */
  pango_cairo_font_map_set_default (NULL);

  return ret;
}
