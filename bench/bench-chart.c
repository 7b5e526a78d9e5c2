/* bench-chart.c — time to draw each chart with 10^7 reallocations
 *
 * Usage: bench-chart [N_EVENTS [WIDTH HEIGHT [SCALE]]]
 *
 * Fills a real history (default size) with N_EVENTS reallocations of a
 * fixed-increment policy and a sample every 10 events, then draws each
 * chart repeatedly into an image surface: the whole run, zoomed into a
 * tenth of it, and with a logarithmic length axis; then all four charts
 * on one image of four times the area. Goals: <= 4 ms per chart at
 * 1200×400 with 10^7 events, zoomed or not; 10 runs of 10^6 events each
 * <= 8 ms; all four <= 10 ms. BENCH_ONLY=TEXT measures only what is
 * labelled with TEXT ("memory, 10 runs"), e.g. under perf. BENCH_PNG=DIR
 * writes each image measured into DIR.
 *
 * The peer, drawn before and after in the same run, is one chart's worth
 * of plain cairo, as a chart with no layers above it would draw: a line
 * of one point per pixel column, a translucent bar and a square in each.
 * Each case prints its time in peers, which says what the machine's
 * speed does not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ll-chart.h"
#include "ll-history.h"

#define GOAL_MS     4.0
#define GOAL_ALL_MS 10.0
#define GOAL_OVERLAY_MS 8.0
#define BATCH       4096
#define ROUNDS      60

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
fill_history (LlHistory *history,
              guint64    n_events)
{
  g_autofree LlEvent *events = g_new0 (LlEvent, BATCH);
  g_autofree LlSample *samples = g_new0 (LlSample, BATCH / 10 + 1);
  const guint64 increment = 100;
  const guint64 available = G_GUINT64_CONSTANT (20) << 30;
  guint64 capacity = 0, elapsed = 0;

  for (guint64 done = 0; done < n_events;)
    {
      guint n = (guint) MIN ((guint64) BATCH, n_events - done);
      guint n_samples = 0;

      for (guint i = 0; i < n; i++)
        {
          LlEvent *e = &events[i];

          e->length = capacity + 1;
          e->old_capacity = capacity;
          e->new_capacity = capacity + increment;
          e->old_bytes = 56 + 8 * capacity;
          e->new_bytes = 56 + 8 * e->new_capacity;
          e->bytes_added = e->new_bytes - e->old_bytes;
          e->moved = (done + i) % 7 == 0;
          e->bytes_copied = e->moved ? e->old_bytes - 56 : 0;
          e->realloc_ns = 90 + ((done + i) * 2654435761u) % 400;
          elapsed += e->realloc_ns + 300;
          e->elapsed_ns = elapsed;
          e->available_bytes = available - MIN (available / 2, e->new_bytes);
          capacity = e->new_capacity;

          if ((done + i) % 10 == 0)
            {
              LlSample *s = &samples[n_samples++];

              s->elapsed_ns = elapsed;
              s->length = e->length;
              s->capacity = capacity;
              s->container_bytes = e->new_bytes;
              s->rss_bytes = (14u << 20) + e->new_bytes;
              s->available_bytes = e->available_bytes - ((done + i) * 40503u) % (64u << 20);
            }
        }
      ll_history_push_events (history, events, n);
      ll_history_push_samples (history, samples, n_samples);
      done += n;
    }
}

typedef struct
{
  const LlChartData    *data;
  const LlChartOptions *options;
  int                   kind;    /* DRAW_ALL, DRAW_PEER or a chart */
  int                   width, height;
} Draw;

#define DRAW_ALL  (-1)
#define DRAW_PEER (-2)

/* The peer's median, once measured. */
static double peer_ms;

/* Plain cairo, one chart's worth: in each pixel column of the plot a
 * vertex of a jagged line, a translucent bar 3 pixels wide, a square. */
static void
draw_peer (cairo_t *cr,
           int      width,
           int      height)
{
  int n = width - 80;
  double y0 = 20, h = height - 60;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_rectangle (cr, 60, y0, n, h);
  cairo_clip (cr);
  for (int i = 0; i < n; i++)
    {
      double y = y0 + h / 2 + (i * 40503 % 7) - 3;

      if (i == 0)
        cairo_move_to (cr, 60 + i + 0.5, y);
      else
        cairo_line_to (cr, 60 + i + 0.5, y);
    }
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_stroke (cr);
  for (int i = 0; i < n; i++)
    cairo_rectangle (cr, 60 + i - 1, y0 + h / 4 + (i * 2654435761u % 40), 3, h / 4);
  cairo_set_source_rgba (cr, 0.2, 0.6, 0.4, 0.35);
  cairo_fill (cr);
  for (int i = 0; i < n; i++)
    cairo_rectangle (cr, 60 + i - 2, y0 + h / 4 + (i * 2654435761u % 40) - 2, 4, 4);
  cairo_set_source_rgb (cr, 0.2, 0.6, 0.4);
  cairo_fill (cr);
}

/* Draws ROUNDS times (after 3 to warm up) and prints the figures; TRUE
 * when the median meets @goal_ms. */
static gboolean
measure (const char      *label,
         cairo_surface_t *surface,
         const Draw      *draw,
         double           goal_ms)
{
  double times[ROUNDS];
  double sum = 0.0;

  /* BENCH_ONLY=TEXT: only what is labelled with it (for a profiler), and
   * the peer first, for the ratios. */
  if (g_getenv ("BENCH_ONLY") != NULL && strstr (label, g_getenv ("BENCH_ONLY")) == NULL &&
      !(draw->kind == DRAW_PEER && peer_ms == 0.0))
    return TRUE;

  for (int r = -3; r < ROUNDS; r++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 t0 = g_get_monotonic_time ();

      if (draw->kind == DRAW_PEER)
        draw_peer (cr, draw->width, draw->height);
      else if (draw->kind == DRAW_ALL)
        ll_chart_draw_all (cr, draw->data, draw->options, draw->width, draw->height);
      else
        ll_chart_draw (cr, (LlChartKind) draw->kind, draw->data, draw->options,
                       draw->width, draw->height);
      cairo_surface_flush (surface);
      if (r >= 0)
        {
          times[r] = (g_get_monotonic_time () - t0) / 1000.0;
          sum += times[r];
        }
      cairo_destroy (cr);
    }

  /* BENCH_PNG=DIR: what was measured, as DIR/LABEL.png, to look at. */
  if (g_getenv ("BENCH_PNG") != NULL)
    {
      g_autofree char *name = g_strdelimit (g_strconcat (label, ".png", NULL), " ,", '-');
      g_autofree char *path = g_build_filename (g_getenv ("BENCH_PNG"), name, NULL);

      if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
        g_printerr ("could not write %s\n", path);
    }

  qsort (times, ROUNDS, sizeof times[0], compare_doubles);
  g_print ("%-17s median %6.2f ms   mean %6.2f ms   p95 %6.2f ms   max %6.2f ms",
           label, times[ROUNDS / 2], sum / ROUNDS, times[ROUNDS * 95 / 100], times[ROUNDS - 1]);
  if (draw->kind == DRAW_PEER)
    {
      if (peer_ms == 0.0)
        peer_ms = times[ROUNDS / 2];
      g_print ("\n");
      return TRUE;
    }
  g_print ("   %5.1f peers   %s\n", times[ROUNDS / 2] / peer_ms,
           times[ROUNDS / 2] <= goal_ms ? "ok" : "OVER GOAL");
  return times[ROUNDS / 2] <= goal_ms;
}

int
main (int   argc,
      char *argv[])
{
  guint64 n_events = argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 10000000;
  int width = argc > 3 ? atoi (argv[2]) : 1200;
  int height = argc > 3 ? atoi (argv[3]) : 400;
  double scale = argc > 4 ? g_ascii_strtod (argv[4], NULL) : 1.0;
  g_autoptr(LlHistory) history = ll_history_new (0);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  cairo_surface_t *surface, *big;
  LlChartOptions options, zoomed, log_x;
  LlChartSeries series;
  LlChartData data;
  gint64 start;
  gboolean all_met = TRUE;
  double end_length, end_time;

  start = g_get_monotonic_time ();
  fill_history (history, n_events);
  ll_history_view_update (view, history);
  ll_chart_series_init_from_view (&series, view, 8);
  ll_chart_data_init (&data, &series, 1);

  g_print ("history: %" G_GUINT64_FORMAT " events in %" G_GSIZE_FORMAT " buckets, "
           "%" G_GUINT64_FORMAT " samples in %" G_GSIZE_FORMAT " buckets (filled in %.0f ms)\n",
           series.counters->n_events, series.n_events,
           series.counters->n_samples, series.n_samples,
           (g_get_monotonic_time () - start) / 1000.0);
  g_print ("surface: %dx%d at scale %.1f, %d draws each\n", width, height, scale, ROUNDS);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) (width * scale), (int) (height * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  ll_chart_options_init (&options);
  /* What the window draws, frame after frame. */
  options.on_screen = TRUE;
  options.reserve_bytes = G_GUINT64_CONSTANT (1) << 30;
  options.total_bytes = G_GUINT64_CONSTANT (24) << 30;

  /* Zoomed into a tenth of the run, in the middle of it. */
  end_length = series.counters->end_length;
  end_time = series.counters->last_sample.elapsed_ns;
  zoomed = options;
  zoomed.length_range = (LlChartRange) { end_length * 0.45, end_length * 0.55 };
  zoomed.time_range = (LlChartRange) { end_time * 0.45, end_time * 0.55 };
  log_x = options;
  log_x.log_x = TRUE;

  {
    Draw draw = { NULL, NULL, DRAW_PEER, width, height };

    measure ("peer, before", surface, &draw, 0);
  }

  for (int k = 0; k < LL_N_CHARTS; k++)
    {
      const char *name = ll_chart_kind_get_name ((LlChartKind) k);
      g_autofree char *zoomed_label = g_strconcat (name, ", zoomed", NULL);
      g_autofree char *log_label = g_strconcat (name, ", log x", NULL);
      Draw draw = { &data, &options, k, width, height };

      all_met &= measure (name, surface, &draw, GOAL_MS);
      draw.options = &zoomed;
      all_met &= measure (zoomed_label, surface, &draw, GOAL_MS);
      if (ll_chart_kind_has_length_axis ((LlChartKind) k))
        {
          draw.options = &log_x;
          all_met &= measure (log_label, surface, &draw, GOAL_MS);
        }
    }

  /* Ten runs of 10^6 events on each chart. */
  {
    LlHistory *runs[10];
    LlHistoryView *views[10];
    LlChartSeries many[10];
    LlChartData overlay;

    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      {
        runs[i] = ll_history_new (0);
        views[i] = ll_history_view_new ();
        fill_history (runs[i], n_events / 10);
        ll_history_view_update (views[i], runs[i]);
        ll_chart_series_init_from_view (&many[i], views[i], 8);
        many[i].style = i;
        many[i].name = "run";
      }
    ll_chart_data_init (&overlay, many, G_N_ELEMENTS (many));
    for (int k = 0; k < LL_N_CHARTS; k++)
      {
        g_autofree char *label = g_strconcat (ll_chart_kind_get_name ((LlChartKind) k), ", 10 runs", NULL);
        Draw draw = { &overlay, &options, k, width, height };

        all_met &= measure (label, surface, &draw, GOAL_OVERLAY_MS);
      }
    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      {
        ll_history_view_free (views[i]);
        ll_history_unref (runs[i]);
      }
  }

  /* All four on one image with the area of four charts. */
  big = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                    (int) (width * scale), (int) (2 * height * scale));
  cairo_surface_set_device_scale (big, scale, scale);
  {
    Draw draw = { &data, &options, DRAW_ALL, width, 2 * height };

    all_met &= measure ("all four", big, &draw, GOAL_ALL_MS);
  }
  {
    Draw draw = { NULL, NULL, DRAW_PEER, width, height };

    measure ("peer, after", surface, &draw, 0);
  }

  g_print ("goals: median <= %.0f ms per chart, <= %.0f ms with 10 runs, <= %.0f ms for all four: %s\n",
           GOAL_MS, GOAL_OVERLAY_MS, GOAL_ALL_MS, all_met ? "met" : "NOT met");

  cairo_surface_destroy (big);
  cairo_surface_destroy (surface);
  return 0;
}
