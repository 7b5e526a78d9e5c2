/* ll-chart.h — List Lab's charts, drawn onto any cairo_t
 *
 * The same code draws the on-screen widget and the PNG/SVG/PDF exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ll-history.h"
#include "ll-size.h"

G_BEGIN_DECLS

typedef enum
{
  LL_CHART_CAPACITY,  /* capacity (step) and length (diagonal) vs length, slack shaded */
  LL_CHART_GROWTH,    /* bytes added by each reallocation vs length */
  LL_CHART_MEMORY,    /* MemAvailable and RSS over time, reserve, realloc markers */
  LL_N_CHARTS
} LlChartKind;

typedef struct
{
  double red, green, blue, alpha;
} LlColor;

/* Colours come from the libadwaita palette; the UI fills them from the
 * current style (light/dark, accent), exports can force the light set. */
typedef struct
{
  LlColor background;
  LlColor foreground;     /* text, axes */
  LlColor grid;
  LlColor accent;         /* capacity, bytes added */
  LlColor series2;        /* length / RSS */
  LlColor series3;        /* available memory */
  LlColor warning;        /* reserve line */
  LlColor marker;         /* reallocation markers */
} LlChartPalette;

typedef struct
{
  LlChartPalette palette;
  LlUnits        units;
  gboolean       log_y;              /* growth chart: logarithmic bytes axis */
  const char    *font_family;        /* NULL: "Cantarell, sans-serif" */
  double         font_size;          /* points at 96 dpi; 0: 9 */
  /* context for the memory chart: */
  guint64        reserve_bytes;      /* 0: no line */
  guint64        total_bytes;        /* MemTotal, for the axis range; 0: auto */
  gboolean       draw_title;         /* exports draw the title inside the image */
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
  guint                    slot_bytes;
  const char              *name;      /* the run's name, for legends over several runs */
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
  char    *text;           /* multi-line, exact values; g_free */
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

void         ll_chart_palette_init_light (LlChartPalette       *palette);
void         ll_chart_palette_init_dark  (LlChartPalette       *palette);
void         ll_chart_options_init       (LlChartOptions       *options);

const char  *ll_chart_kind_get_name      (LlChartKind           kind); /* "capacity" … */
const char  *ll_chart_kind_get_title     (LlChartKind           kind); /* translatable */
const char  *ll_chart_kind_get_description (LlChartKind         kind); /* for accessibility */
gboolean     ll_chart_kind_from_name     (const char           *name,
                                          LlChartKind          *kind);

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

G_END_DECLS
