/* ll-chart.h — List Lab's charts, drawn onto any cairo_t
 *
 * The same code draws the on-screen widget and the PNG/SVG/PDF exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ll-chart-palette.h"
#include "ll-history-view.h"
#include "ll-size.h"

G_BEGIN_DECLS

typedef enum
{
  LL_CHART_CAPACITY,  /* capacity (step) and length (diagonal) vs length, slack shaded */
  LL_CHART_GROWTH,    /* bytes added by each reallocation vs length */
  LL_CHART_TIME,      /* how long each reallocation took vs length, time per append */
  LL_CHART_MEMORY,    /* MemAvailable and RSS over time, reserve, realloc markers */
  LL_N_CHARTS
} LlChartKind;

/* A part of a chart's x axis, in its data units: elements on the length
 * axis, nanoseconds on the memory chart's time axis. Empty (@from >= @to):
 * everything. */
typedef struct
{
  double from, to;
} LlChartRange;

typedef struct
{
  LlChartPalette palette;
  LlUnits        units;
  gboolean       log_x;              /* capacity, growth, time: logarithmic length axis */
  gboolean       log_y;              /* capacity, growth: logarithmic y axis (time's
                                      * always is) */
  LlChartRange   length_range;       /* the lengths shown by capacity, growth and time */
  LlChartRange   time_range;         /* the times shown by the memory chart */
  const LlEvent *mark;               /* a reallocation to point out; NULL: none */
  const char    *font_family;        /* NULL: "Cantarell, sans-serif" */
  double         font_size;          /* points at 96 dpi; 0: 9 */
  double         text_scale;         /* the reader's text size: 1 (or 0) as designed,
                                      * 1.5 for large text; paddings stay */
  /* context for the memory chart: */
  guint64        reserve_bytes;      /* 0: no line */
  guint64        total_bytes;        /* MemTotal, for the axis range; 0: auto */
  guint64        next_growth_bytes;  /* what a running list's next growth needs more:
                                      * the free memory after it is drawn (0: none) */
  gboolean       draw_title;         /* draw the chart's title inside it */
  double         title_inset;        /* room kept free at the right end of the title's
                                      * row, for a button over the chart */
  gboolean       title_says_view;    /* the title says what is zoomed or logarithmic
                                      * (TRUE: a file stands alone; a window shows it
                                      * otherwise) */
  gboolean       on_screen;          /* drawn frame after frame in a window: where points
                                      * crowd, the cheapest marks that look the same at
                                      * its pixel size (a file has every mark exact) */
  gboolean       runs_named_apart;   /* over several runs, one legend beside the
                                      * charts names them (ll_chart_draw_runs_legend):
                                      * a chart's own legend does not */
} LlChartOptions;

/* One run as a chart draws it: its buckets and counters as the run's
 * history view holds them. */
typedef struct
{
  const LlEventBucket     *events;
  gsize                    n_events;
  const LlSampleBucket    *samples;
  gsize                    n_samples;
  const LlHistoryCounters *counters;  /* may be NULL */
  /* The times of all its buckets, kept by its view (may be NULL: the
   * chart reads the buckets). */
  const LlEventTimes      *event_times;
  guint                    slot_bytes;
  /* The same buckets joined LL_HISTORY_COARSE at a time (may be NULL):
   * drawn instead where many fall in each pixel column. */
  const LlEventBucket     *coarse_events;
  gsize                    n_coarse_events;
  const LlSampleBucket    *coarse_samples;
  gsize                    n_coarse_samples;
  const char              *name;      /* the run's name, for legends over several runs */
  guint                    style;     /* over several runs: its colour, dash and marker */
} LlChartSeries;

/* What a chart draws: a series for each run, over the same axes. */
typedef struct
{
  const LlChartSeries *series;
  gsize                n_series;
} LlChartData;

/* The nearest point to a pointer position, for the crosshair readout. */
typedef struct
{
  gboolean found;
  double   x, y;           /* where, in the chart's coordinates */
  double   plot_x, plot_y, plot_width, plot_height;  /* the plot it lies in */
  char    *text;           /* multi-line, exact values; g_free */
  gsize    series;         /* whose point: an index into the data's series */
  guint64  event_number;   /* the reallocation's number (1-based) in its run's
                            * history order; 0: not a reallocation */
} LlChartReadout;

/* Points @series at what @view holds (no copy: valid until the view's
 * next update). */
void         ll_chart_series_init_from_view (LlChartSeries     *series,
                                             const LlHistoryView *view,
                                             guint              slot_bytes);
/* @data draws the @n_series series at @series (not copied). */
void         ll_chart_data_init          (LlChartData          *data,
                                          const LlChartSeries  *series,
                                          gsize                 n_series);

void         ll_chart_options_init       (LlChartOptions       *options);

const char  *ll_chart_kind_get_name      (LlChartKind           kind); /* "capacity" … */
const char  *ll_chart_kind_get_title     (LlChartKind           kind); /* translatable */
const char  *ll_chart_kind_get_description (LlChartKind         kind); /* for accessibility */
gboolean     ll_chart_kind_from_name     (const char           *name,
                                          LlChartKind          *kind);
/* Capacity, growth and time share the length axis (and zoom together);
 * the memory chart's x axis is time. */
gboolean     ll_chart_kind_has_length_axis (LlChartKind         kind);

gboolean     ll_chart_range_is_empty     (const LlChartRange   *range);
/* Zooming and panning a visible range @visible within @extent (the whole
 * run) on a linear or logarithmic axis; results stay within @extent and no
 * narrower than @min_width (in data units). Zoom keeps the data at
 * @anchor (a fraction of the plot's width, 0 to 1) where it is: @factor
 * < 1 zooms in. Pan moves by @fraction of the visible width. A result that
 * covers all of @extent is empty (nothing zoomed). */
void         ll_chart_range_zoom         (const LlChartRange   *visible,
                                          const LlChartRange   *extent,
                                          gboolean              log,
                                          double                anchor,
                                          double                factor,
                                          double                min_width,
                                          LlChartRange         *result);
void         ll_chart_range_pan          (const LlChartRange   *visible,
                                          const LlChartRange   *extent,
                                          gboolean              log,
                                          double                fraction,
                                          LlChartRange         *result);
/* @from..@to (either order) held within @extent and made at least
 * @min_width wide; empty when it covers all of @extent. */
void         ll_chart_range_clamp        (double                from,
                                          double                to,
                                          const LlChartRange   *extent,
                                          double                min_width,
                                          LlChartRange         *result);

/* @options' text scale: 1 when unset, within 0.5 to 4. */
double       ll_chart_options_get_text_scale (const LlChartOptions *options);
/* The range @options zoom @kind's x axis to (empty: none). */
const LlChartRange *ll_chart_options_get_range (const LlChartOptions *options,
                                                LlChartKind           kind);
/* What @kind's x axis spans for @data when nothing is zoomed: the limits
 * of zooming and panning. FALSE when there is nothing to show. */
gboolean     ll_chart_get_x_extent       (LlChartKind           kind,
                                          const LlChartData    *data,
                                          const LlChartOptions *options,
                                          LlChartRange         *extent);
/* The data x at user x @x (and back) in a chart of that size, as drawn:
 * for turning pointer positions into ranges. */
double       ll_chart_unmap_x            (LlChartKind           kind,
                                          const LlChartData    *data,
                                          const LlChartOptions *options,
                                          double                width,
                                          double                height,
                                          double                x);
/* Where the plot lies in a chart of that size, in user units. */
void         ll_chart_get_plot_area      (LlChartKind           kind,
                                          const LlChartData    *data,
                                          const LlChartOptions *options,
                                          double                width,
                                          double                height,
                                          double               *x,
                                          double               *y,
                                          double               *plot_width,
                                          double               *plot_height);

/* Draws the whole chart (background, axes with nice ticks and unit titles,
 * series decimated to the pixel grid, legend) into the @width × @height
 * rectangle at the origin of @cr. Costs the same for 10^3 or 10^9 events. */
void         ll_chart_draw               (cairo_t              *cr,
                                          LlChartKind           kind,
                                          const LlChartData    *data,
                                          const LlChartOptions *options,
                                          double                width,
                                          double                height);

/* The data point nearest to (@x, @y) in a chart of that size. */
void         ll_chart_pick               (LlChartKind           kind,
                                          const LlChartData    *data,
                                          const LlChartOptions *options,
                                          double                width,
                                          double                height,
                                          double                x,
                                          double                y,
                                          LlChartReadout       *readout);
void         ll_chart_readout_clear      (LlChartReadout       *readout);

/* The points a keyboard cursor steps through on @kind, for the series at
 * @series in @data, in order along the x axis: each reallocation (on the
 * memory chart, each sample) as the history holds it — a bucket that joins
 * several gives its first and its last — and, on the capacity chart, the
 * list now when it grew past its last reallocation. None for a series the
 * chart does not draw (a simulation's timings or memory). */
guint64      ll_chart_get_n_points       (LlChartKind           kind,
                                          const LlChartData    *data,
                                          gsize                 series);
/* Where point @point lies on the x axis, in data units (elements, or
 * nanoseconds on the memory chart). */
double       ll_chart_get_point_x        (LlChartKind           kind,
                                          const LlChartData    *data,
                                          gsize                 series,
                                          guint64               point);
/* The first point at @value or after it on the x axis (strictly after it
 * with @after); the number of points when there is none. */
guint64      ll_chart_find_point         (LlChartKind           kind,
                                          const LlChartData    *data,
                                          gsize                 series,
                                          double                value,
                                          gboolean              after);
/* What ll_chart_pick() says of point @point, placed where the chart of
 * that size draws it. */
void         ll_chart_pick_point         (LlChartKind           kind,
                                          const LlChartData    *data,
                                          const LlChartOptions *options,
                                          double                width,
                                          double                height,
                                          gsize                 series,
                                          guint64               point,
                                          LlChartReadout       *readout);

/* What @kind shows of @data now, in a sentence for each run, for screen
 * readers: "133 reallocations; last: 238 M elements, …". Never NULL. */
char        *ll_chart_describe           (LlChartKind           kind,
                                          const LlChartData    *data,
                                          const LlChartOptions *options);

/* A run's swatch as legends draw it, across the @width × @height
 * rectangle at (@x, @y): a line in its colour and dash, its mark on it. */
void         ll_chart_draw_run_swatch    (cairo_t              *cr,
                                          const LlChartPalette *palette,
                                          guint                 style,
                                          double                x,
                                          double                y,
                                          double                width,
                                          double                height);

/* Over several runs (@data with more than one series), the legend that
 * names them, each in its colour, dash and mark, in as many rows across
 * @width as it takes, from the top left; with @cr NULL it only measures.
 * @padded: with a chart's padding around it (an image), or none (a widget
 * that has its own margins). Returns the height it takes (0 for a single
 * run). Charts drawn beside it take options->runs_named_apart. */
double       ll_chart_draw_runs_legend   (cairo_t              *cr,
                                          const LlChartData    *data,
                                          const LlChartOptions *options,
                                          double                width,
                                          gboolean              padded);
/* Every chart in a grid in the @width × @height rectangle, each with its
 * title: two columns, or one when the rectangle is tall and narrow. */
void         ll_chart_draw_all           (cairo_t              *cr,
                                          const LlChartData    *data,
                                          const LlChartOptions *options,
                                          double                width,
                                          double                height);

G_END_DECLS
