/* test-plot.c — scales, pixel snapping, per-column decimation and polylines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "chart-testdata.h"
#include "ll-plot.h"

static void
test_scale_linear (void)
{
  LlScale s;

  ll_scale_init (&s, FALSE, 0, 1000, 50, 550);
  g_assert_cmpfloat (ll_scale_map (&s, 0), ==, 50);
  g_assert_cmpfloat (ll_scale_map (&s, 1000), ==, 550);
  g_assert_cmpfloat (ll_scale_map (&s, 250), ==, 175);
  g_assert_cmpfloat (ll_scale_unmap (&s, 175), ==, 250);

  /* y axes run upwards */
  ll_scale_init (&s, FALSE, 0, 64, 400, 80);
  g_assert_cmpfloat (ll_scale_map (&s, 32), ==, 240);
  g_assert_cmpfloat (ll_scale_unmap (&s, 80), ==, 64);

  /* an empty domain maps everything to its start */
  ll_scale_init (&s, FALSE, 5, 5, 0, 100);
  g_assert_cmpfloat (ll_scale_map (&s, 5), ==, 0);
  g_assert_cmpfloat (ll_scale_unmap (&s, 40), ==, 5);
}

static void
test_scale_log (void)
{
  LlScale s;

  ll_scale_init (&s, TRUE, 1, 1e6, 300, 0);
  for (int e = 0; e <= 6; e++)
    g_assert_cmpfloat_with_epsilon (ll_scale_map (&s, pow (10, e)), 300 - 50.0 * e, 1e-9);
  g_assert_cmpfloat_with_epsilon (ll_scale_unmap (&s, 150), 1000, 1e-6);
  /* zero and below sit on the floor */
  g_assert_cmpfloat (ll_scale_map (&s, 0), ==, 300);
  g_assert_cmpfloat (ll_scale_map (&s, -5), ==, 300);
  g_assert_cmpfloat (ll_scale_map (&s, 0.5), ==, 300);
}

static void
test_pixel_grid (void)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  LlPixelGrid g;

  ll_pixel_grid_init_identity (&g);
  /* a 1-pixel line sits on a pixel centre, a 2-pixel line on a boundary */
  g_assert_cmpfloat (ll_pixel_grid_snap_x (&g, 10.2, 1), ==, 10.5);
  g_assert_cmpfloat (ll_pixel_grid_snap_x (&g, 10.9, 1), ==, 10.5);
  g_assert_cmpfloat (ll_pixel_grid_snap_y (&g, 10.6, 2), ==, 11.0);
  g_assert_cmpfloat (ll_pixel_grid_snap_y (&g, 10.4, 3), ==, 10.5);
  g_assert_cmpfloat (ll_pixel_grid_round_x (&g, 3.49), ==, 3.0);
  g_assert_cmpfloat (ll_pixel_grid_device_width (&g, 1.0), ==, 1.0);
  g_assert_cmpfloat (ll_pixel_grid_device_width (&g, 0.2), ==, 1.0);

  /* HiDPI: the surface's device scale counts, and so does the CTM */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 200);
  cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  cairo_translate (cr, 0.25, 0);
  ll_pixel_grid_init_from_cairo (&g, cr);
  g_assert_cmpfloat (g.sx, ==, 2.0);
  g_assert_cmpfloat (g.sy, ==, 2.0);
  g_assert_cmpfloat (g.ox, ==, 0.5);
  g_assert_cmpfloat (g.oy, ==, 0.0);
  g_assert_cmpfloat (ll_pixel_grid_device_width (&g, 1.0), ==, 2.0);
  /* device x = 2 * 10.2 + 0.5 = 20.9 → boundary 21 → user 10.25 */
  g_assert_cmpfloat (ll_pixel_grid_snap_x (&g, 10.2, 2), ==, 10.25);
  /* device 20.9 → centre 20.5 → user 10.0 */
  g_assert_cmpfloat (ll_pixel_grid_snap_x (&g, 10.2, 1), ==, 10.0);

  /* A device offset (where GTK puts a widget) moves the grid with it:
   * device x = 2 * 10.2 + 0.5 + 0.5 = 21.4 → centre 21.5 → user 10.25. */
  {
    cairo_t *moved;

    cairo_surface_set_device_offset (surface, 0.5, 1.0);
    moved = cairo_create (surface);
    cairo_translate (moved, 0.25, 0);
    ll_pixel_grid_init_from_cairo (&g, moved);
    g_assert_cmpfloat (g.ox, ==, 1.0);
    g_assert_cmpfloat (g.oy, ==, 1.0);
    g_assert_cmpfloat (ll_pixel_grid_snap_x (&g, 10.2, 1), ==, 10.25);
    cairo_destroy (moved);
    cairo_surface_set_device_offset (surface, 0, 0);
  }

  cairo_scale (cr, 1.5, 1.5);
  ll_pixel_grid_init_from_cairo (&g, cr);
  g_assert_cmpfloat (g.sx, ==, 3.0);

  /* rotated: no grid to snap to */
  cairo_rotate (cr, 0.3);
  ll_pixel_grid_init_from_cairo (&g, cr);
  g_assert_cmpfloat (g.sx, ==, 1.0);
  g_assert_cmpfloat (g.ox, ==, 0.0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static LlEventBucket
bucket (guint64 length_first,
        guint64 length_last,
        guint64 added_first,
        guint64 added_last,
        guint64 added_min,
        guint64 added_max,
        guint64 count)
{
  LlEventBucket b = { 0 };

  b.first.length = length_first;
  b.last.length = length_last;
  b.first.bytes_added = added_first;
  b.last.bytes_added = added_last;
  b.min_bytes_added = added_min;
  b.max_bytes_added = added_max;
  b.count = count;
  b.first.old_capacity = length_first - 1;
  b.first.new_capacity = length_first + 10;
  b.last.old_capacity = length_last - 1;
  b.last.new_capacity = length_last + 10;
  return b;
}

static void
test_decimate_columns (void)
{
  LlScale xs;
  LlColumns layout = { 0 };
  LlColumn cols[10];
  LlEventBucket b[5];

  /* 10 columns of 10 data units each, starting at user x 100 */
  ll_scale_init (&xs, FALSE, 0, 100, 100, 110);
  layout.xscale = &xs;
  layout.x0 = 100;
  layout.sx = 1.0;
  layout.n_columns = 10;

  g_assert_cmpint (ll_columns_index (&layout, 0), ==, 0);
  g_assert_cmpint (ll_columns_index (&layout, 9.99), ==, 0);
  g_assert_cmpint (ll_columns_index (&layout, 10), ==, 1);
  g_assert_cmpint (ll_columns_index (&layout, 100), ==, 9);
  g_assert_cmpint (ll_columns_index (&layout, 1e9), ==, 9);
  g_assert_cmpint (ll_columns_index (&layout, -5), ==, 0);
  g_assert_cmpfloat (ll_columns_center (&layout, 3), ==, 103.5);

  b[0] = bucket (1, 1, 50, 50, 50, 50, 1);         /* column 0 */
  b[1] = bucket (3, 8, 10, 20, 5, 900, 40);       /* column 0, merged */
  b[2] = bucket (25, 25, 7, 7, 7, 7, 1);          /* column 2 */
  b[3] = bucket (41, 79, 1, 3, 1, 500, 1000);     /* columns 4..7, merged */
  b[4] = bucket (91, 92, 60, 70, 60, 70, 2);      /* column 9 */

  ll_columns_reset (cols, 10);
  ll_decimate_events (&layout, cols, LL_SERIES_BYTES_ADDED, b, 5);

  g_assert_cmpuint (cols[0].count, ==, 41);
  g_assert_cmpfloat (cols[0].first, ==, 50);
  g_assert_cmpfloat (cols[0].last, ==, 20);
  g_assert_cmpfloat (cols[0].min, ==, 5);
  g_assert_cmpfloat (cols[0].max, ==, 900);

  g_assert_cmpuint (cols[1].count, ==, 0);
  g_assert_cmpuint (cols[2].count, ==, 1);
  g_assert_cmpfloat (cols[2].max, ==, 7);
  g_assert_cmpuint (cols[3].count, ==, 0);

  /* a bucket wider than a column: exact ends, its range in between */
  g_assert_cmpfloat (cols[4].first, ==, 1);
  g_assert_cmpfloat (cols[7].last, ==, 3);
  for (int i = 4; i <= 7; i++)
    {
      g_assert_cmpuint (cols[i].count, ==, 250);
      g_assert_cmpfloat (cols[i].min, ==, 1);
      g_assert_cmpfloat (cols[i].max, ==, 500);
    }
  g_assert_cmpuint (cols[8].count, ==, 0);

  g_assert_cmpuint (cols[9].count, ==, 2);
  g_assert_cmpfloat (cols[9].min, ==, 60);
  g_assert_cmpfloat (cols[9].max, ==, 70);
  g_assert_cmpfloat (cols[9].last, ==, 70);

  /* capacity: from old to new */
  ll_columns_reset (cols, 10);
  ll_decimate_events (&layout, cols, LL_SERIES_CAPACITY, b, 1);
  g_assert_cmpfloat (cols[0].first, ==, 0);
  g_assert_cmpfloat (cols[0].min, ==, 0);
  g_assert_cmpfloat (cols[0].max, ==, 11);
  g_assert_cmpfloat (cols[0].last, ==, 11);
}

/* Whatever the bucketing, each column's min and max are those of the
 * events that fall into it. */
static void
test_decimate_keeps_extremes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const guint n_columns = 300;
  const guint64 n_events = 200000;
  LlScale xs;
  LlColumns layout = { 0 };
  g_autofree LlColumn *cols = g_new (LlColumn, n_columns);
  g_autofree double *ref_min = g_new (double, n_columns);
  g_autofree double *ref_max = g_new (double, n_columns);
  guint64 per_bucket[] = { 1, 3, 64, 4096 };

  ll_scale_init (&xs, FALSE, 0, n_events * 10.0, 0, n_columns);
  layout.xscale = &xs;
  layout.x0 = 0;
  layout.sx = 1.0;
  layout.n_columns = n_columns;

  for (guint k = 0; k < G_N_ELEMENTS (per_bucket); k++)
    {
      TestRun run;
      LlChartData data;

      test_run_init (&run, per_bucket[k], 1);
      for (guint i = 0; i < n_columns; i++)
        {
          ref_min[i] = G_MAXDOUBLE;
          ref_max[i] = -1;
        }
      g_rand_set_seed (rand, 7);
      for (guint64 i = 0; i < n_events; i++)
        {
          LlEvent e = { 0 };
          int c;

          e.length = i * 10 + 1;
          e.bytes_added = g_rand_int_range (rand, 1000, 2000);
          if (i == 123457)
            e.bytes_added = 1000000;
          if (i == 9999)
            e.bytes_added = 3;
          test_run_add_event (&run, &e);
          c = ll_columns_index (&layout, e.length);
          ref_min[c] = MIN (ref_min[c], e.bytes_added);
          ref_max[c] = MAX (ref_max[c], e.bytes_added);
        }

      test_run_get_data (&run, &data);
      ll_columns_reset (cols, n_columns);
      ll_decimate_events (&layout, cols, LL_SERIES_BYTES_ADDED, data.series[0].events, data.series[0].n_events);

      for (guint i = 0; i < n_columns; i++)
        {
          /* buckets straddling a column boundary spread their range over
           * both columns: never less than the truth */
          g_assert_cmpuint (cols[i].count, >, 0);
          g_assert_cmpfloat (cols[i].max, >=, ref_max[i]);
          g_assert_cmpfloat (cols[i].min, <=, ref_min[i]);
          if (per_bucket[k] == 1)
            {
              g_assert_cmpfloat (cols[i].max, ==, ref_max[i]);
              g_assert_cmpfloat (cols[i].min, ==, ref_min[i]);
            }
        }
      g_assert_cmpfloat (cols[ll_columns_index (&layout, 1234571)].max, ==, 1000000);
      g_assert_cmpfloat (cols[ll_columns_index (&layout, 99991)].min, ==, 3);

      test_run_clear (&run);
    }
}

static void
test_decimate_samples (void)
{
  LlScale xs;
  LlColumns layout = { 0 };
  LlColumn cols[4];
  TestRun run;
  LlChartData data;

  ll_scale_init (&xs, FALSE, 0, 4e9, 0, 4);
  layout.xscale = &xs;
  layout.x0 = 0;
  layout.sx = 1.0;
  layout.n_columns = 4;

  test_run_init (&run, 3, 5);
  for (int i = 0; i < 20; i++)
    {
      LlSample s = { 0 };

      s.elapsed_ns = i * 200000000ull;   /* 5 per column */
      s.available_bytes = 1000 - i * 10 + (i == 7 ? 500 : 0);
      s.rss_bytes = 100 + i + (i == 12 ? 4000 : 0);
      test_run_add_sample (&run, &s);
    }
  test_run_get_data (&run, &data);

  ll_columns_reset (cols, 4);
  ll_decimate_samples (&layout, cols, LL_SERIES_AVAILABLE, data.series[0].samples, data.series[0].n_samples);
  g_assert_cmpfloat (cols[1].first, ==, 950);
  g_assert_cmpfloat (cols[1].last, ==, 910);
  g_assert_cmpfloat (cols[1].max, ==, 1430);
  g_assert_cmpfloat (cols[1].min, ==, 910);
  g_assert_cmpuint (cols[1].count, ==, 5);

  ll_columns_reset (cols, 4);
  ll_decimate_samples (&layout, cols, LL_SERIES_RSS, data.series[0].samples, data.series[0].n_samples);
  g_assert_cmpfloat (cols[2].max, ==, 4112);
  g_assert_cmpfloat (cols[3].last, ==, 119);

  test_run_clear (&run);
}

#define FIXED (1.0 / 256)

/* The vertices cairo was given for @points, and the most any point lies
 * off the line through them (vertically). */
static guint
simplify (const double *xs,
          const double *ys,
          guint         n,
          double        tolerance,
          double       *worst)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  cairo_path_t *path;
  g_autoptr(GArray) vx = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) vy = g_array_new (FALSE, FALSE, sizeof (double));
  LlPolyline line;

  ll_polyline_begin (&line, cr, tolerance);
  for (guint i = 0; i < n; i++)
    ll_polyline_add (&line, xs[i], ys[i]);
  ll_polyline_end (&line);

  path = cairo_copy_path (cr);
  g_assert_cmpint (path->status, ==, CAIRO_STATUS_SUCCESS);
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *d = &path->data[i];

      g_assert_true (d->header.type == (i == 0 ? CAIRO_PATH_MOVE_TO : CAIRO_PATH_LINE_TO));
      g_array_append_val (vx, d[1].point.x);
      g_array_append_val (vy, d[1].point.y);
    }
  cairo_path_destroy (path);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* The first and the last points are vertices (to cairo's 1/256 of a
   * unit); every point lies within the tolerance of the segment over its
   * x. */
  g_assert_cmpfloat_with_epsilon (g_array_index (vx, double, 0), xs[0], FIXED);
  g_assert_cmpfloat_with_epsilon (g_array_index (vy, double, 0), ys[0], FIXED);
  g_assert_cmpfloat_with_epsilon (g_array_index (vx, double, vx->len - 1), xs[n - 1], FIXED);
  g_assert_cmpfloat_with_epsilon (g_array_index (vy, double, vy->len - 1), ys[n - 1], FIXED);
  *worst = 0.0;
  for (guint i = 0; i < n; i++)
    {
      double best = G_MAXDOUBLE;

      /* The nearest of the segments over the point's x (a step straight
       * up is a segment of its own). */
      for (guint j = 0; j + 1 < vx->len; j++)
        {
          double x0 = g_array_index (vx, double, j), y0 = g_array_index (vy, double, j);
          double x1 = g_array_index (vx, double, j + 1), y1 = g_array_index (vy, double, j + 1);

          if (xs[i] < x0 - FIXED || xs[i] > x1 + FIXED)
            continue;
          if (x1 - x0 <= FIXED)
            best = MIN (best, ys[i] < MIN (y0, y1) ? MIN (y0, y1) - ys[i]
                            : ys[i] > MAX (y0, y1) ? ys[i] - MAX (y0, y1) : 0.0);
          else
            best = MIN (best, fabs (y0 + (y1 - y0) * (xs[i] - x0) / (x1 - x0) - ys[i]));
        }
      *worst = MAX (*worst, best);
    }
  return vx->len;
}

static void
test_polyline (void)
{
  double xs[1000], ys[1000];
  double worst;
  guint n;

  /* A straight line needs its two ends. */
  for (guint i = 0; i < 1000; i++)
    {
      xs[i] = i + 0.5;
      ys[i] = 300.0 - 0.25 * i;
    }
  n = simplify (xs, ys, 1000, 0.1, &worst);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (worst, <=, FIXED);

  /* A curve keeps what it needs to stay within the tolerance, and far
   * fewer vertices than points. */
  for (guint i = 0; i < 1000; i++)
    ys[i] = 200.0 + 80.0 * sin (i / 60.0);
  n = simplify (xs, ys, 1000, 0.1, &worst);
  g_assert_cmpfloat (worst, <=, 0.1 + FIXED);
  g_assert_cmpuint (n, <, 200);
  g_assert_cmpuint (n, >, 10);

  /* Noise of a pixel keeps every turn. */
  for (guint i = 0; i < 1000; i++)
    ys[i] = 200.0 + (i % 2 ? 1.0 : -1.0);
  n = simplify (xs, ys, 1000, 0.1, &worst);
  g_assert_cmpuint (n, ==, 1000);
  g_assert_cmpfloat (worst, <=, FIXED);

  /* A step straight up keeps both of its points. */
  {
    const double sx[] = { 0, 1, 2, 2, 3, 4 };
    const double sy[] = { 10, 10, 10, 50, 50, 50 };

    n = simplify (sx, sy, G_N_ELEMENTS (sx), 0.1, &worst);
    g_assert_cmpuint (n, ==, 4);
    g_assert_cmpfloat (worst, <=, FIXED);
  }
}

/* Text goes to the nearest device pixel, on any device scale and offset;
 * a flipped or rotated transform has no grid. */
static void
test_pixel_grid_round (void)
{
  static const double scales[] = { 1.0, 1.5, 2.0, 3.0 };
  static const double moves[] = { 0.0, 0.25, 3.3 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  LlPixelGrid g;
  cairo_t *cr;

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    for (guint m = 0; m < G_N_ELEMENTS (moves); m++)
      {
        cairo_surface_set_device_scale (surface, scales[s], scales[s]);
        cr = cairo_create (surface);
        cairo_translate (cr, moves[m], moves[G_N_ELEMENTS (moves) - 1 - m]);
        ll_pixel_grid_init_from_cairo (&g, cr);
        g_assert_cmpfloat (g.sx, ==, scales[s]);
        g_assert_cmpfloat (g.sy, ==, scales[s]);
        g_assert_cmpfloat (g.ox, ==, moves[m] * scales[s]);
        g_assert_cmpfloat (g.oy, ==, moves[G_N_ELEMENTS (moves) - 1 - m] * scales[s]);

        for (double v = 0.0; v < 40.0; v += 0.37)
          {
            double rx = ll_pixel_grid_round_x (&g, v), ry = ll_pixel_grid_round_y (&g, v);
            double dx = rx * g.sx + g.ox, dy = ry * g.sy + g.oy;

            /* on a device pixel's edge, the nearest one */
            g_assert_cmpfloat (fabs (dx - round (dx)), <, 1e-9);
            g_assert_cmpfloat (fabs (dy - round (dy)), <, 1e-9);
            g_assert_cmpfloat (fabs (rx - v) * g.sx, <=, 0.5 + 1e-9);
            g_assert_cmpfloat (fabs (ry - v) * g.sy, <=, 0.5 + 1e-9);
          }
        cairo_destroy (cr);
      }

  /* mirrored in x or in y: no grid */
  for (int flip = 0; flip < 2; flip++)
    {
      cairo_surface_set_device_scale (surface, 2, 2);
      cr = cairo_create (surface);
      cairo_translate (cr, 0.25, 0.25);
      cairo_scale (cr, flip ? 1 : -1, flip ? -1 : 1);
      ll_pixel_grid_init_from_cairo (&g, cr);
      g_assert_cmpfloat (g.sx, ==, 1.0);
      g_assert_cmpfloat (g.sy, ==, 1.0);
      g_assert_cmpfloat (g.ox, ==, 0.0);
      g_assert_cmpfloat (g.oy, ==, 0.0);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
}

/* How values spread over the columns they cover: two events are exact at
 * their ends with nothing between; more share the columns (the remainder
 * to the first), each showing the bucket's range, the line straight from
 * end to end; none goes past the last column. */
static void
test_columns_spread (void)
{
  LlScale xs;
  LlColumns layout = { 0 };
  LlColumn cols[11];  /* (one more: it must stay untouched) */

  ll_scale_init (&xs, FALSE, 0, 100, 0, 10);
  layout.xscale = &xs;
  layout.x0 = 0;
  layout.sx = 1.0;
  layout.n_columns = 10;

  /* two events, columns 1 and 8 */
  ll_columns_reset (cols, 11);
  ll_columns_add (&layout, cols, 15, 85, 100, 800, 100, 800, 2);
  for (guint c = 0; c < 10; c++)
    g_assert_cmpuint (cols[c].count, ==, c == 1 || c == 8 ? 1 : 0);
  g_assert_cmpfloat (cols[1].first, ==, 100);
  g_assert_cmpfloat (cols[1].max, ==, 100);
  g_assert_cmpfloat (cols[8].first, ==, 800);
  g_assert_cmpfloat (cols[8].min, ==, 800);

  /* ten events over columns 2 to 4: 4, 3 and 3 */
  ll_columns_reset (cols, 11);
  ll_columns_add (&layout, cols, 25, 45, 20, 40, 5, 90, 10);
  g_assert_cmpuint (cols[1].count, ==, 0);
  g_assert_cmpuint (cols[2].count, ==, 4);
  g_assert_cmpuint (cols[3].count, ==, 3);
  g_assert_cmpuint (cols[4].count, ==, 3);
  g_assert_cmpuint (cols[5].count, ==, 0);
  g_assert_cmpfloat (cols[2].first, ==, 20);
  g_assert_cmpfloat (cols[2].last, ==, 20);
  g_assert_cmpfloat (cols[3].first, ==, 30);
  g_assert_cmpfloat (cols[3].last, ==, 30);
  g_assert_cmpfloat (cols[4].first, ==, 40);
  g_assert_cmpfloat (cols[4].last, ==, 40);
  for (guint c = 2; c <= 4; c++)
    {
      g_assert_cmpfloat (cols[c].min, ==, 5);
      g_assert_cmpfloat (cols[c].max, ==, 90);
    }

  /* many in one column, by place or by column: all counted */
  ll_columns_reset (cols, 11);
  ll_columns_add (&layout, cols, 51, 53, 1, 2, 1, 2, 5);
  ll_columns_add_at (&layout, cols, 6, 6, 3, 4, 3, 4, 7);
  g_assert_cmpuint (cols[5].count, ==, 5);
  g_assert_cmpuint (cols[6].count, ==, 7);

  /* two events, the second past the right edge; a spread past it */
  ll_columns_reset (cols, 11);
  ll_columns_add_at (&layout, cols, 7, 10, 1, 2, 1, 2, 2);
  ll_columns_add_at (&layout, cols, 8, 12, 1, 2, 1, 2, 50);
  /* (wholly past either edge: nothing) */
  ll_columns_add_at (&layout, cols, 10, 10, 1, 1, 1, 1, 1);
  ll_columns_add_at (&layout, cols, 10, 14, 1, 2, 1, 2, 9);
  ll_columns_add_at (&layout, cols, -4, -1, 1, 2, 1, 2, 9);
  g_assert_cmpuint (cols[0].count, ==, 0);
  g_assert_cmpuint (cols[7].count, ==, 1);
  g_assert_cmpuint (cols[8].count, >, 0);
  g_assert_cmpuint (cols[9].count, >, 0);
  g_assert_cmpuint (cols[10].count, ==, 0);
}

/* Columns of a HiDPI plot are half a user unit wide. */
static void
test_columns_hidpi (void)
{
  LlScale xs;
  LlColumns layout = { 0 };

  ll_scale_init (&xs, FALSE, 0, 100, 50, 100);
  layout.xscale = &xs;
  layout.x0 = 50;
  layout.sx = 2.0;
  layout.n_columns = 100;

  /* (100 columns over 50 user units, one a data unit) */
  g_assert_cmpint (ll_columns_index (&layout, 0), ==, 0);
  g_assert_cmpint (ll_columns_index (&layout, 0.9), ==, 0);
  g_assert_cmpint (ll_columns_index (&layout, 1.1), ==, 1);
  g_assert_cmpint (ll_columns_index (&layout, 25.5), ==, 25);
  g_assert_cmpint (ll_columns_index (&layout, 99.5), ==, 99);
  g_assert_cmpfloat (ll_columns_center (&layout, 0), ==, 50.25);
  g_assert_cmpfloat (ll_columns_center (&layout, 50), ==, 75.25);
}

/* The column of @x with @layout's edges and without: the same. */
static void
assert_same_column (const LlColumns *with,
                    double           x)
{
  LlColumns without = *with;
  int c_with, c_without, unused;

  without.edges = NULL;
  ll_columns_locate (with, x, x, 1, &c_with, &unused);
  ll_columns_locate (&without, x, x, 1, &c_without, &unused);
  if (c_with != c_without)
    g_error ("x %.0f: column %d with edges, %d without", x, c_with, c_without);
}

/* On a log axis, whole numbers find their column from where the columns
 * begin, exactly as log10 () finds it: in x order and out of it, whole
 * or zoomed, at any scale; a linear axis or one past exact whole numbers
 * has no edges. */
static void
test_columns_edges (void)
{
  const struct { double d0, d1, sx; } cases[] = {
    { 1, 1e7, 1.0 }, { 1, 1e7, 2.0 }, { 2e5, 3e5, 1.0 }, { 1000, 1e10, 1.5 }, { 1, 20, 1.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LlScale xs;
      LlColumns layout = { 0 };
      LlColumnEdges edges = { 0 };
      guint32 seed = 1;

      ll_scale_init (&xs, TRUE, cases[i].d0, cases[i].d1, 50, 1250);
      layout.xscale = &xs;
      layout.x0 = 50;
      layout.sx = cases[i].sx;
      layout.n_columns = (guint) (1200 * cases[i].sx);
      edges.starts = g_new (double, layout.n_columns + 1);
      g_assert_true (ll_columns_find_edges (&layout, &edges));
      layout.edges = &edges;
      for (guint k = 1; k <= layout.n_columns; k++)
        g_assert_cmpfloat (edges.starts[k], >=, edges.starts[k - 1]);

      /* Every whole number near the columns' ends and their starts, in order. */
      for (double x = 0; x < 30000; x++)
        assert_same_column (&layout, x);
      for (guint k = 0; k <= layout.n_columns; k++)
        for (double x = edges.starts[k] - 2; x <= edges.starts[k] + 2; x++)
          assert_same_column (&layout, x);
      /* Rising by uneven steps, as buckets come; then anywhere. */
      for (double x = 1; x < cases[i].d1 * 2; x += 1 + floor (x / 997))
        assert_same_column (&layout, x);
      for (guint n = 0; n < 100000; n++)
        {
          seed = seed * 1664525u + 1013904223u;
          assert_same_column (&layout, floor (ldexp (seed, -32) * cases[i].d1 * 1.2));
        }
      /* What is not a whole number takes its log10 (). */
      assert_same_column (&layout, cases[i].d0 * 1.5 + 0.25);
      g_free (edges.starts);
    }

  {
    LlScale xs;
    LlColumns layout = { 0 };
    double starts[101];
    LlColumnEdges edges = { starts, 0 };

    layout.xscale = &xs;
    layout.x0 = 0;
    layout.sx = 1.0;
    layout.n_columns = 100;
    ll_scale_init (&xs, FALSE, 1, 1e6, 0, 100);
    g_assert_false (ll_columns_find_edges (&layout, &edges));
    ll_scale_init (&xs, TRUE, 1, 1e18, 0, 100);
    g_assert_false (ll_columns_find_edges (&layout, &edges));
  }
}

/* A line straight up, then up again: one way up, never back down (cairo
 * joins the two steps up into one). */
static void
test_polyline_vertical (void)
{
  const double sx[] = { 0, 1, 1, 1, 2 };
  const double sy[] = { 10, 10, 50, 80, 80 };
  double worst;

  g_assert_cmpuint (simplify (sx, sy, G_N_ELEMENTS (sx), 0.1, &worst), ==, 4);
  g_assert_cmpfloat (worst, <=, FIXED);
}

/* Fills @n boxes (device pixels, at @grid) on an A8 surface, each as a
 * rectangle or all as their union; returns the pixels and, for the union,
 * how many rectangles it took. */
static guchar *
fill_boxes (const LlBox       *boxes,
            guint              n,
            const LlPixelGrid *grid,
            gboolean           as_union,
            guint             *n_rectangles)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 64, 48);
  cairo_t *cr = cairo_create (surface);
  int stride = cairo_image_surface_get_stride (surface);
  LlBoxUnion u = { 0 };
  guchar *pixels;

  cairo_translate (cr, grid->ox, grid->oy);
  cairo_scale (cr, grid->sx, grid->sy);
  for (guint i = 0; i < n; i++)
    {
      double x0 = (boxes[i].x0 - grid->ox) / grid->sx, y0 = (boxes[i].y0 - grid->oy) / grid->sy;
      double x1 = (boxes[i].x1 - grid->ox) / grid->sx, y1 = (boxes[i].y1 - grid->oy) / grid->sy;

      if (as_union)
        ll_box_union_rectangle (&u, grid, cr, x0, y0, x1 - x0, y1 - y0);
      else
        cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
    }
  if (as_union)
    {
      cairo_path_t *path;

      /* (every one on whole pixels: taken by the union, none drawn) */
      g_assert_false (cairo_has_current_point (cr));
      g_assert_cmpuint (u.boxes->len, ==, n);
      ll_box_union_to_path (&u, grid, cr);
      path = cairo_copy_path (cr);
      /* (a rectangle: move, three lines, close, and a move after it) */
      *n_rectangles = 0;
      for (int i = 0; i < path->num_data; i += path->data[i].header.length)
        *n_rectangles += path->data[i].header.type == CAIRO_PATH_CLOSE_PATH;
      cairo_path_destroy (path);
      g_assert_cmpuint (u.boxes->len, ==, 0);
    }
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = g_malloc ((gsize) stride * 48);
  memcpy (pixels, cairo_image_surface_get_data (surface), (gsize) stride * 48);
  cairo_surface_destroy (surface);
  ll_box_union_clear (&u);
  return pixels;
}

/* The union covers exactly the pixels the rectangles do, with no two of
 * its rectangles over one pixel (an A8 fill of 255 everywhere, never
 * more), in as few rectangles as columns of equal spans allow. */
static void
assert_union (const LlBox       *boxes,
              guint              n,
              const LlPixelGrid *grid,
              guint              expected_rectangles)
{
  guint n_rectangles = 0;
  g_autofree guchar *each = fill_boxes (boxes, n, grid, FALSE, NULL);
  g_autofree guchar *joined = fill_boxes (boxes, n, grid, TRUE, &n_rectangles);

  g_assert_cmpmem (each, 64 * 48, joined, 64 * 48);
  g_assert_cmpuint (n_rectangles, ==, expected_rectangles);
}

static void
test_box_union (void)
{
  LlPixelGrid grid;
  /* A run of overlapping 4×4 squares at one height: one rectangle. */
  LlBox row[] = { { 2, 5, 6, 9 }, { 3, 5, 7, 9 }, { 4, 5, 8, 9 }, { 5, 5, 9, 9 } };
  /* A staircase: each square a pixel lower; only the middle columns, 12
   * and 13, span alike. */
  LlBox stairs[] = { { 10, 10, 14, 14 }, { 11, 11, 15, 15 }, { 12, 12, 16, 16 } };
  /* Bars far apart in one column, one inside another, one touching. */
  LlBox bars[] = { { 20, 2, 23, 10 }, { 20, 30, 23, 40 }, { 21, 4, 22, 8 }, { 20, 10, 23, 12 } };
  /* Two that cross: a plus sign. */
  LlBox plus[] = { { 30, 20, 40, 24 }, { 33, 15, 37, 30 } };

  ll_pixel_grid_init_identity (&grid);
  assert_union (row, G_N_ELEMENTS (row), &grid, 1);
  assert_union (stairs, G_N_ELEMENTS (stairs), &grid, 5);
  assert_union (bars, G_N_ELEMENTS (bars), &grid, 2);
  assert_union (plus, G_N_ELEMENTS (plus), &grid, 3);

  /* Device pixels twice as small, shifted by half a user unit. */
  grid = (LlPixelGrid) { 2.0, 2.0, 1.0, 1.0 };
  assert_union (row, G_N_ELEMENTS (row), &grid, 1);
  assert_union (plus, G_N_ELEMENTS (plus), &grid, 3);

  /* Off the pixels: drawn at once as they are, the union left empty. A
   * rectangle drawn backwards is taken as it covers; one with no width,
   * taken as nothing. A union never added to draws nothing. */
  ll_pixel_grid_init_identity (&grid);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 8, 8);
    cairo_t *cr = cairo_create (surface);
    LlBoxUnion u = { 0 };
    cairo_path_t *path;
    int closed = 0;

    ll_box_union_to_path (&u, &grid, cr);
    g_assert_false (cairo_has_current_point (cr));
    ll_box_union_rectangle (&u, &grid, cr, 0.5, 0.0, 3.5, 4.0);
    ll_box_union_rectangle (&u, &grid, cr, 0.0, 0.0, 4.0, 4.25);
    g_assert_null (u.boxes);
    ll_box_union_rectangle (&u, &grid, cr, 4.0, 4.0, -4.0, -4.0);
    ll_box_union_rectangle (&u, &grid, cr, 1.0, 1.0, 0.0, 4.0);
    g_assert_cmpuint (u.boxes->len, ==, 1);
    g_assert_cmpint (g_array_index (u.boxes, LlBox, 0).x0, ==, 0);
    g_assert_cmpint (g_array_index (u.boxes, LlBox, 0).y1, ==, 4);
    path = cairo_copy_path (cr);
    for (int i = 0; i < path->num_data; i += path->data[i].header.length)
      closed += path->data[i].header.type == CAIRO_PATH_CLOSE_PATH;
    g_assert_cmpint (closed, ==, 2);
    cairo_path_destroy (path);
    ll_box_union_clear (&u);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/plot/scale-linear", test_scale_linear);
  g_test_add_func ("/chart/plot/scale-log", test_scale_log);
  g_test_add_func ("/chart/plot/pixel-grid", test_pixel_grid);
  g_test_add_func ("/chart/plot/decimate-columns", test_decimate_columns);
  g_test_add_func ("/chart/plot/decimate-keeps-extremes", test_decimate_keeps_extremes);
  g_test_add_func ("/chart/plot/decimate-samples", test_decimate_samples);
  g_test_add_func ("/chart/plot/polyline", test_polyline);
  g_test_add_func ("/chart/plot/polyline-vertical", test_polyline_vertical);
  g_test_add_func ("/chart/plot/pixel-grid-round", test_pixel_grid_round);
  g_test_add_func ("/chart/plot/columns-spread", test_columns_spread);
  g_test_add_func ("/chart/plot/columns-hidpi", test_columns_hidpi);
  g_test_add_func ("/chart/plot/columns-edges", test_columns_edges);
  g_test_add_func ("/chart/plot/box-union", test_box_union);

  return g_test_run ();
}
