/* ll-chart-memory.c — the system's free memory and the process's RSS over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ll-chart-private.h"

static void
memory_extents (const LlChartSeries  *series,
                const LlChartOptions *options,
                const LlChartRange   *range,
                LlChartExtents       *ext)
{
  double x = 0.0, y = 0.0;
  const LlSampleBucket *samples = series->samples;
  gsize n_samples = series->n_samples;

  /* Time only runs forwards: the last buckets end the axis. Neither
   * available memory nor RSS can exceed MemTotal, so with it known there
   * is nothing to scan. */
  if (series->n_samples > 0)
    x = MAX (x, series->samples[series->n_samples - 1].last.elapsed_ns);
  if (series->n_events > 0)
    x = MAX (x, series->events[series->n_events - 1].last.elapsed_ns);

  /* The joined buckets hold the same extremes, in an eighth of the reading. */
  if (series->coarse_samples != NULL &&
      series->n_coarse_samples * LL_HISTORY_COARSE >= series->n_samples)
    {
      samples = series->coarse_samples;
      n_samples = series->n_coarse_samples;
    }
  for (gsize i = 0; options->total_bytes == 0 && i < n_samples; i++)
    {
      const LlSampleBucket *b = &samples[i];

      y = MAX (y, MAX (b->first.available_bytes, b->last.available_bytes));
      y = MAX (y, MAX (b->first.rss_bytes, b->last.rss_bytes));
      if (b->count > 1)
        y = MAX (y, MAX (b->max_available_bytes, b->max_rss_bytes));
    }

  y = MAX (y, (double) options->reserve_bytes);
  y = MAX (y, (double) options->total_bytes);

  ext->empty = series->n_samples == 0;
  /* A simulation's reallocations without a single sample. */
  if (series->n_samples == 0 && series->n_events > 0)
    ext->hint = _("No free memory: a simulation allocates nothing");
  ext->xq = LL_QUANTITY_TIME;
  ext->yq = LL_QUANTITY_BYTES;
  ext->x_hi = ext->empty ? 10e9 : MAX (x, 1e6);
  ext->y_hi = y > 0.0 ? y : 16.0 * 1024 * 1024 * 1024;
}

/* Over several runs the chart compares how their lists grew: a run's line
 * ends where its list stopped growing. What came after, the list kept
 * (maybe for minutes, until the next run freed it) and then freed, would
 * stretch the time axis over the others; the run's own chart shows it. */
static gsize
memory_compared_samples (const LlChartSeries *series)
{
  const LlSampleBucket *s = series->samples;
  gsize n = series->n_samples;
  const LlSample *end;

  /* freed: the list is empty from there on */
  while (n > 0 && s[n - 1].first.capacity == 0 && s[n - 1].last.capacity == 0)
    n--;
  if (n == 0)
    return series->n_samples;
  /* kept: the list as it ended, from the sample that saw it end */
  end = s[n - 1].last.capacity != 0 ? &s[n - 1].last : &s[n - 1].first;
  while (n > 1 && s[n - 2].last.length == end->length && s[n - 2].last.capacity == end->capacity)
    n--;
  return n;
}

/* One of several runs: its free memory in its colour and dash (RSS and
 * the markers of every run would bury the lines); the reserve once. */
static void
memory_draw_run (LlPainter           *p,
                 const LlChartSeries *series)
{
  cairo_t *cr = p->cr;
  const LlSampleBucket *samples;
  LlChartSeries compared;
  gsize n;
  double dw;

  if (series == &p->data->series[0] && p->options->reserve_bytes > 0)
    ll_painter_reference_line (p, p->options->reserve_bytes, _("Reserve"),
                               &p->options->palette.warning);

  cairo_save (cr);
  ll_painter_clip_plot (p, LL_CHART_SERIES_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  dw = ll_painter_line_width (p, LL_CHART_SERIES_WIDTH);
  ll_painter_run_dash (p, series);

  ll_painter_reset_columns (p);
  ll_columns_reset (p->cols + p->columns.n_columns, p->columns.n_columns);
  samples = ll_painter_visible_samples (p, ll_chart_series_compared (&ll_chart_memory_class, p->data,
                                                                     series, &compared), &n);
  ll_decimate_samples_both (&p->columns, p->cols, p->cols + p->columns.n_columns, samples, n);
  ll_chart_set_color (cr, ll_painter_run_color (p, series), 1.0);
  ll_painter_sample_line (p, p->cols, dw);
  ll_painter_run_end_mark (p, p->cols, series, dw);
  cairo_restore (cr);
}

static void
memory_draw (LlPainter           *p,
             const LlChartSeries *series)
{
  const LlChartPalette *pal = &p->options->palette;
  const LlChartLayout *l = p->layout;
  gboolean overlay = ll_chart_data_is_overlay (p->data);
  cairo_t *cr = p->cr;
  double dw, coverage, rug;
  guint used = 0;
  const LlEventBucket *events;
  const LlSampleBucket *samples;
  gsize n;

  if (overlay)
    {
      memory_draw_run (p, series);
      return;
    }

  /* Reallocation markers, at most one per pixel column: a tick at the
   * top of the plot in full, and a faint line on down past the curves. */
  events = ll_painter_visible_events (p, series, TRUE, &n);
  ll_painter_reset_columns (p);
  ll_decimate_events (&p->columns, p->cols, LL_SERIES_EVENT_TIME, events, n);
  dw = ll_painter_device_width (p, LL_CHART_HAIRLINE);
  rug = ll_pixel_grid_round_y (&p->grid, l->plot.y + LL_CHART_RUG_HEIGHT * MAX (pal->line_scale, 1.0));
  for (guint i = 0; i < p->columns.n_columns; i++)
    {
      if (p->cols[i].count == 0)
        continue;
      used++;
      ll_painter_column_span (p, i, rug, l->plot.y + l->plot.height, dw);
    }
  /* Where reallocations fill most columns the lines would wash over the
   * whole plot: fade them with their density. */
  coverage = (double) used / p->columns.n_columns;
  ll_chart_set_color (cr, &pal->marker, LL_CHART_FAINT * CLAMP (0.15 / MAX (coverage, 1e-9), 0.35, 1.0));
  cairo_fill (cr);
  for (guint i = 0; i < p->columns.n_columns; i++)
    if (p->cols[i].count > 0)
      ll_painter_column_span (p, i, l->plot.y, rug, dw);
  ll_chart_set_color (cr, &pal->marker, 1.0);
  cairo_fill (cr);

  if (series->n_samples > 0)
    ll_painter_reference_line (p, series->samples[0].first.available_bytes, _("At start"),
                               &pal->secondary);
  if (p->options->reserve_bytes > 0)
    ll_painter_reference_line (p, p->options->reserve_bytes, _("Reserve"),
                               &pal->warning);
  /* Where the next growth will leave free memory: below the reserve, the
   * run stops before it. */
  if (p->options->next_growth_bytes > 0 && series->n_samples > 0)
    {
      guint64 now = series->samples[series->n_samples - 1].last.available_bytes;
      guint64 after = now > p->options->next_growth_bytes ? now - p->options->next_growth_bytes : 0;

      if (after < p->options->reserve_bytes)
        ll_painter_reference_line (p, after, _("Next growth: below the reserve"),
                                   &pal->warning);
      else
        ll_painter_reference_line (p, after, _("After the next growth"),
                                   &pal->series3);
    }

  cairo_save (cr);
  ll_painter_clip_plot (p, LL_CHART_SERIES_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  dw = ll_painter_line_width (p, LL_CHART_SERIES_WIDTH);

  /* p->cols holds available memory, the second half RSS. */
  ll_painter_reset_columns (p);
  ll_columns_reset (p->cols + p->columns.n_columns, p->columns.n_columns);
  samples = ll_painter_visible_samples (p, series, &n);
  ll_decimate_samples_both (&p->columns, p->cols, p->cols + p->columns.n_columns, samples, n);

  /* RSS dash-dotted, available memory solid: told apart without hue. */
  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  ll_painter_set_dash (p, LL_DASH_DASH_DOT);
  ll_chart_set_color (cr, &pal->series2, 1.0);
  ll_painter_sample_line (p, p->cols + p->columns.n_columns, dw);
  cairo_restore (cr);

  ll_chart_set_color (cr, &pal->series3, 1.0);
  ll_painter_sample_line (p, p->cols, dw);
  cairo_restore (cr);
}

static guint
memory_legend (const LlChartOptions *options,
               LlLegendItem         *items)
{
  const LlChartPalette *p = &options->palette;

  items[0] = (LlLegendItem) { _("Available"), LL_SWATCH_LINE, p->series3 };
  items[1] = (LlLegendItem) { _("Process RSS"), LL_SWATCH_LINE, p->series2, LL_DASH_DASH_DOT };
  items[2] = (LlLegendItem) { _("Reallocation"), LL_SWATCH_MARKER, p->marker };
  return 3;
}

static void
memory_pick (const LlChartLayout *layout,
             const LlChartSeries *series,
             double               x,
             double               y,
             LlPick              *pick)
{
  double v = ll_scale_unmap (&layout->x, x);
  gsize i, from, to;

  if (series->n_samples == 0)
    return;

  i = ll_pick_find_sample (series->samples, series->n_samples, v);
  from = i > 0 ? i - 1 : 0;
  to = MIN (i + 2, series->n_samples);

  for (gsize k = from; k < to; k++)
    {
      const LlSampleBucket *b = &series->samples[k];
      const LlSample *ends[2] = { &b->first, &b->last };
      guint n_ends = b->count > 1 ? 2 : 1;

      for (guint j = 0; j < n_ends; j++)
        {
          LlCandidate c = { 0 };

          c.series = series;
          c.sample = ends[j];
          c.px = ll_scale_map (&layout->x, ends[j]->elapsed_ns);
          c.py = ll_scale_map (&layout->y, ends[j]->available_bytes);
          ll_pick_consider (pick, &c, x, y);
          c.py = ll_scale_map (&layout->y, ends[j]->rss_bytes);
          ll_pick_consider (pick, &c, x, y);
        }
    }
}

static void
memory_readout (GString              *str,
                const LlChartOptions *options,
                const LlCandidate    *c)
{
  const LlSample *s = c->sample;
  g_autofree char *time = ll_format_duration (s->elapsed_ns);
  g_autofree char *avail = ll_format_bytes (s->available_bytes, options->units);
  g_autofree char *rss = ll_format_bytes (s->rss_bytes, options->units);

  ll_readout_line (str, _("Time"), time);
  ll_readout_line (str, _("Available"), avail);
  ll_readout_line (str, _("Process RSS"), rss);
  ll_readout_count (str, _("Length"), s->length);
}

static gboolean
memory_has_data (const LlChartSeries *series)
{
  return series->n_samples > 0;
}

/* What the chart shows of one run, in a sentence for screen readers. */
static gboolean
memory_describe (GString              *str,
                 const LlChartFacts   *f,
                 const LlChartOptions *options)
{
  g_autofree char *after = NULL;
  g_autofree char *now = NULL;
  g_autofree char *start = NULL;
  g_autofree char *rss = NULL;

  if (f->last_sample == NULL)
    return FALSE;
  after = ll_format_duration (f->last_sample->elapsed_ns);
  now = ll_format_bytes (f->last_sample->available_bytes, options->units);
  start = ll_format_bytes (f->first_sample->available_bytes, options->units);
  rss = ll_format_bytes (f->last_sample->rss_bytes, options->units);
  /* TRANSLATORS: "After 6.20 s: 9.10 GiB available (12.30 GiB at the
   * start), the process 2.10 GiB resident" */
  g_string_append_printf (str, _("After %s: %s available (%s at the start), the process %s resident"),
                          after, now, start, rss);
  return TRUE;
}

const LlChartKindClass ll_chart_memory_class = {
  "memory",
  N_("System Free Memory"),
  N_("Free Memory"),
  N_("Available system memory and the process's resident memory over time, "
     "with the reserve, the value at the start and a marker for each "
     "reallocation"),
  N_("Time"),
  N_("Memory"),
  FALSE,
  FALSE,
  memory_extents,
  memory_legend,
  memory_draw,
  memory_pick,
  memory_readout,
  memory_has_data,
  NULL,
  memory_describe,
  NULL,
  memory_compared_samples,
};
