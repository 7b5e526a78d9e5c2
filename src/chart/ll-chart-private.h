/* ll-chart-private.h — what the chart kinds share: geometry, text, painting, picking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "ll-axis.h"
#include "ll-chart.h"
#include "ll-plot.h"

G_BEGIN_DECLS

/* Line widths in user units (logical pixels), times the palette's line
 * scale. */
#define LL_CHART_SERIES_WIDTH 2.0
#define LL_CHART_HAIRLINE     1.0
#define LL_CHART_MAX_LEGEND   16

/* A legend item: swatch, gap, label; gaps between items. */
#define LL_CHART_SWATCH_WIDTH      16.0
#define LL_CHART_LINE_SWATCH_WIDTH 24.0  /* long enough for a dash's pattern */
#define LL_CHART_SWATCH_GAP         6.0
#define LL_CHART_ITEM_GAP          18.0

/* Reallocations on the memory chart: a tick this high at the top of the
 * plot, and a line on down at this alpha (decoration: a faint guide to
 * where the curves were then; the ticks are what a reader needs). */
#define LL_CHART_RUG_HEIGHT 6.0
#define LL_CHART_FAINT      0.3

typedef struct
{
  double x, y, width, height;
} LlRect;

/* Where everything goes in a chart of a given size, in user units. The
 * plot rectangle has whole-unit edges; data maps into it through @x and
 * @y (y grows downwards, as in cairo). */
typedef struct
{
  LlChartKind kind;
  double      width, height;
  double      line_height;      /* of one line of label text */
  double      unit;             /* the line height without the reader's text
                                 * scale: paddings and gaps */
  double      pad;              /* outer margin */
  LlRect      plot;
  double      title_y;          /* top of the chart title (draw_title) */
  double      header_y;         /* top of the y title and legend row */
  double      legend_y;         /* top of the legend (== header_y on one row) */
  double      legend_x;         /* left edge of the legend */
  gboolean    legend_in_title;  /* the legend shares the title's row */
  double      legend_width;     /* the room a row of legend has (overlays wrap) */
  guint       legend_rows;
  gboolean    note_in_header;   /* the legend's last item, a note without a
                                 * swatch ("1 run not measured…"), ends the y
                                 * title's row; the rest wraps below */
  double      note_x;
  double      x_labels_y;       /* top of the x tick labels */
  double      x_title_y;        /* top of the x axis title */
  gboolean    x_title_inline;   /* compact: the x title ends the labels' row */
  gboolean    empty;            /* nothing to plot: hint instead of series */
  gboolean    zoomed;           /* the x axis shows a part of the data */
  const char *hint;             /* what an empty chart says (translated) */
  char        hint_text[160];   /* the hint, where it names figures */
  char        title[192];       /* the chart's title, and what is zoomed (draw_title) */
  LlAxis      x_axis;
  LlAxis      y_axis;
  LlScale     x;
  LlScale     y;
  char        x_title[96];
  char        y_title[96];
} LlChartLayout;

typedef struct _LlShapedText LlShapedText;

/* Text, measured with the chart's fixed metrics. */
typedef struct
{
  PangoContext         *context;
  PangoLayout          *layout;     /* what is drawn that is not kept shaped */
  PangoLayout          *measure;    /* what is measured */
  PangoFontDescription *font;
  PangoFontDescription *bold;
  char                 *cache_key;  /* the fonts, for the caches of sizes and shaped text */
  LlShapedText         *shaped;     /* this thread's shaped text (not owned) */
} LlChartText;

/* What the data spans, and the quantities of the axes. */
typedef struct
{
  gboolean    empty;
  const char *hint;       /* why it is empty, when not for want of data */
  LlQuantity  xq, yq;
  gboolean    x_log, y_log;
  gboolean    x_exact;    /* zoomed: the axis spans [x_lo, x_hi] exactly */
  gboolean    in_range;   /* empty only in the range: there is data beside it */
  gboolean    outside;    /* zoomed where there is no data: it spans data_lo to data_hi */
  double      data_lo, data_hi;
  double      x_lo, x_hi;
  double      y_lo, y_hi;
} LlChartExtents;

typedef enum
{
  LL_SWATCH_LINE,
  LL_SWATCH_AREA,
  LL_SWATCH_STEM,    /* a stem with its dot */
  LL_SWATCH_MARKER,  /* a thin vertical line */
  LL_SWATCH_DOT,     /* a dot */
  LL_SWATCH_NONE,    /* words only */
} LlSwatch;

/* Line patterns, so that no two series are told apart by colour alone.
 * A run's is its style's (ll_chart_run_dash()). */
typedef enum
{
  LL_DASH_SOLID,
  LL_DASH_DASHED,
  LL_DASH_DOTTED,
  LL_DASH_DASH_DOT,
  LL_DASH_LONG,
  LL_DASH_DASH_DOT_DOT,
  LL_DASH_SHORT,
  LL_DASH_LONG_DOT,
  LL_N_DASHES
} LlDash;

/* Marks on points (and on legend swatches). */
typedef enum
{
  LL_MARK_NONE,
  LL_MARK_CIRCLE,
  LL_MARK_SQUARE,
  LL_MARK_TRIANGLE,
  LL_MARK_DIAMOND,
} LlMark;

typedef struct
{
  const char *label;
  LlSwatch    swatch;
  LlColor     color;
  LlDash      dash;         /* LL_SWATCH_LINE */
  LlMark      mark;         /* on the line, or the dot's shape */
  char        text[96];     /* where a composed label lives */
} LlLegendItem;

/* Where a list starts and ends on the length axis. A list that starts as
 * list(range(n)) starts at n with its own block: what came before is its
 * construction, not growth. */
typedef struct
{
  guint64 start_length, start_capacity;
  guint64 end_length, end_capacity;
} LlListSpan;

/* Everything drawing needs, for one chart. */
typedef struct
{
  cairo_t              *cr;
  const LlChartLayout  *layout;
  const LlChartOptions *options;
  const LlChartData    *data;
  LlPixelGrid           grid;
  LlChartText          *text;
  LlColumns             columns;
  LlColumn             *cols;      /* LL_PAINTER_SERIES series' worth of columns */
  LlBoxUnion            boxes;     /* dense marks, filled as their union */
  /* Labels of reference lines, drawn over the series */
  struct
  {
    const char    *label;
    const LlColor *color;
    double         x, y, width, height;   /* the label's halo */
  }                     refs[4];
  guint                 n_refs;
} LlPainter;

#define LL_PAINTER_SERIES 4

/* A painter on @cr for what @text measured in @context: the text is set
 * again for @cr's transform and font options. Columns are the caller's. */
void           ll_painter_init          (LlPainter            *p,
                                         cairo_t              *cr,
                                         LlChartText          *text,
                                         const LlChartLayout  *layout,
                                         const LlChartOptions *options,
                                         const LlChartData    *data);

/* Several runs on one chart: each in its own colour, dash and marker;
 * the eight dashes with the four marks make eight runs that differ in
 * both, whatever their colours look like. */
gboolean       ll_chart_data_is_overlay (const LlChartData   *data);
LlDash         ll_chart_run_dash        (guint                style);
LlMark         ll_chart_run_mark        (guint                style);
const LlColor *ll_painter_run_color     (const LlPainter     *p,
                                         const LlChartSeries *series);
/* Sets @dash on the painter's cairo_t, in device pixels times the
 * palette's line scale. */
void           ll_painter_set_dash      (const LlPainter     *p,
                                         LlDash               dash);
/* Sets the dash of @series' line (solid for the first run). */
void           ll_painter_run_dash      (const LlPainter     *p,
                                         const LlChartSeries *series);
/* Adds @mark at (@x, @y) to the path. */
void           ll_painter_mark          (const LlPainter     *p,
                                         LlMark               mark,
                                         double               x,
                                         double               y,
                                         double               radius);
/* Adds @series' marker at (@x, @y) to the path: circle, square, triangle,
 * diamond, in turn. */
void           ll_painter_run_marker    (const LlPainter     *p,
                                         const LlChartSeries *series,
                                         double               x,
                                         double               y,
                                         double               radius);

typedef enum
{
  LL_ALIGN_START,
  LL_ALIGN_CENTER,
  LL_ALIGN_END,
} LlAlign;

/* A point the pointer may be nearest to. */
typedef struct
{
  const LlChartSeries *series;
  const LlEvent       *event;
  const LlSample      *sample;
  guint64              index;     /* 1-based event number, 0: unknown */
  double               px, py;    /* where the point is drawn */
  gboolean             end;       /* the list now: @length and @capacity */
  guint64              length;
  guint64              capacity;
} LlCandidate;

/* The nearest point so far; nearest in x first, y only decides between
 * points in the same column. */
typedef struct
{
  LlCandidate best;
  double      dx, dy;
} LlPick;

/* What a run's history says, from its exact counters where it has them
 * (ll-chart-summary.c). */
typedef struct
{
  guint64         n_events;
  const LlEvent  *last;
  const LlEvent  *slowest;     /* NULL: not known */
  guint64         total_ns;
  const LlSample *first_sample;
  const LlSample *last_sample;
  LlListSpan      span;
} LlChartFacts;

void  ll_chart_facts_init             (LlChartFacts        *facts,
                                       const LlChartSeries *series);
/* "133 reallocations" */
char *ll_chart_count_of_reallocations (guint64              n);
/* "238 M elements" */
char *ll_chart_elements               (guint64              n);

/* One kind of chart: what it spans, shows and says. */
typedef struct
{
  const char *name;          /* "capacity" … */
  const char *title;         /* translatable */
  const char *short_title;   /* translatable: where the title does not fit */
  const char *description;   /* translatable, for accessibility */
  const char *x_name;        /* translatable axis titles */
  const char *y_name;
  gboolean    length_axis;   /* x is the list's length (else time) */
  gboolean    can_log_y;     /* options->log_y applies */

  /* What @series spans; with @range (not empty), y spans only what lies
   * in it. */
  void      (*extents)  (const LlChartSeries  *series,
                         const LlChartOptions *options,
                         const LlChartRange   *range,
                         LlChartExtents       *extents);
  guint     (*legend)   (const LlChartOptions *options,
                         LlLegendItem         *items);
  void      (*draw)     (LlPainter            *painter,
                         const LlChartSeries  *series);
  /* The candidates near (@x, @y); NULL: the events, at event_y. */
  void      (*pick)     (const LlChartLayout  *layout,
                         const LlChartSeries  *series,
                         double                x,
                         double                y,
                         LlPick               *pick);
  void      (*readout)  (GString              *text,
                         const LlChartOptions *options,
                         const LlCandidate    *candidate);
  /* Whether @series has anything for this chart (a simulated run has no
   * memory samples, nor timings); NULL: always. */
  gboolean  (*has_data) (const LlChartSeries  *series);
  /* Where a reallocation sits on the y axis, for options->mark; NULL: a
   * marker across the plot at its x only. */
  double    (*event_y)  (const LlEvent        *event);
  /* What the chart shows of @facts' run, appended to @str as a sentence
   * for screen readers; FALSE when it shows nothing of it. */
  gboolean  (*describe) (GString              *str,
                         const LlChartFacts   *facts,
                         const LlChartOptions *options);
  /* Over several runs named apart, what the marks mean whatever the run
   * (in a neutral colour); NULL: nothing to say. */
  guint     (*overlay_key) (const LlChartOptions *options,
                            LlLegendItem         *items);
  /* Over several runs, how many of @series' samples are compared (the
   * axes, the lines and picking leave out the rest); NULL: all of them. */
  gsize     (*compared_samples) (const LlChartSeries *series);
} LlChartKindClass;

extern const LlChartKindClass ll_chart_capacity_class;
extern const LlChartKindClass ll_chart_growth_class;
extern const LlChartKindClass ll_chart_time_class;
extern const LlChartKindClass ll_chart_memory_class;

const LlChartKindClass *ll_chart_kind_get_class (LlChartKind kind);

/* @options, or when it is NULL the defaults, set in @defaults. */
const LlChartOptions *ll_chart_options_or_defaults (const LlChartOptions *options,
                                                    LlChartOptions       *defaults);
/* @data, or no series when it is NULL. */
const LlChartData    *ll_chart_data_or_empty       (const LlChartData    *data);

/* Layout (ll-chart-layout.c) */

PangoContext *ll_chart_create_pango_context (void);
void          ll_chart_text_init        (LlChartText          *text,
                                         PangoContext         *context,
                                         const LlChartOptions *options);
void          ll_chart_text_clear       (LlChartText          *text);
/* Puts @str in @text's layout, to be drawn. */
void          ll_chart_text_set         (LlChartText          *text,
                                         const char           *str,
                                         gboolean              bold);
/* Readies @text to draw on @cr: its target's font options. */
void          ll_chart_text_update      (LlChartText          *text,
                                         cairo_t              *cr);
/* @str shaped in @text's font, to be drawn as it is (owned by the thread's
 * cache, valid until the next call): kept across draws on this thread, so
 * the labels that stay from frame to frame are shaped once. */
PangoLayout  *ll_chart_text_shaped      (LlChartText          *text,
                                         const char           *str,
                                         gboolean              bold);
/* The size of @str; the layout is left as it was. */
void          ll_chart_text_size        (LlChartText          *text,
                                         const char           *str,
                                         gboolean              bold,
                                         double               *width,
                                         double               *height);
/* Text whose height is a line's: digits, a capital and a descender. */
#define LL_CHART_TEXT_PROBE "0123456789 Ag"
/* @layout's line height, and the unit and padding that follow from it. */
void          ll_chart_layout_set_text_metrics (LlChartLayout        *layout,
                                                LlChartText          *text,
                                                const LlChartOptions *options);
/* Over several runs, an item naming each (no more than the legend holds). */
guint         ll_chart_runs_legend_items (const LlChartData    *data,
                                          const LlChartOptions *options,
                                          LlLegendItem         *items);
guint         ll_chart_legend_items     (LlChartKind           kind,
                                         const LlChartData    *data,
                                         const LlChartOptions *options,
                                         LlLegendItem         *items);
double        ll_chart_legend_swatch_width (const LlLegendItem *item);
double        ll_chart_legend_width     (LlChartText          *text,
                                         const LlLegendItem   *items,
                                         guint                 n_items);
guint         ll_chart_legend_rows      (LlChartText          *text,
                                         const LlLegendItem   *items,
                                         guint                 n_items,
                                         double                row_width);
double        ll_chart_legend_balanced_width (LlChartText        *text,
                                              const LlLegendItem *items,
                                              guint               n_items,
                                              double              row_width,
                                              guint              *rows);
void          ll_chart_layout_measure   (LlChartLayout        *layout,
                                         LlChartText          *text,
                                         LlChartKind           kind,
                                         const LlChartData    *data,
                                         const LlChartOptions *options,
                                         double                width,
                                         double                height);
/* Computes the layout with text measured in @context (a context of the
 * default cairo font map with the chart's fixed metrics; NULL: one is
 * made for the call). Drawing and picking use the same layout. */
void          ll_chart_layout_compute   (LlChartLayout        *layout,
                                         PangoContext         *context,
                                         LlChartKind           kind,
                                         const LlChartData    *data,
                                         const LlChartOptions *options,
                                         double                width,
                                         double                height);
void          ll_chart_list_span        (const LlChartSeries  *series,
                                         LlListSpan           *span);
/* What a length chart with no reallocation to draw says: "No
 * reallocations" once the list exists (a list that never grew, or not
 * yet), NULL (no data yet) before. */
const char   *ll_chart_no_events_hint   (const LlChartSeries  *series);
void          ll_chart_extents_none_in_range (LlChartExtents *ext);
/* @series as a chart of @klass compares it over @data's runs: @copy, its
 * samples cut to those compared, or @series itself. */
const LlChartSeries *ll_chart_series_compared (const LlChartKindClass *klass,
                                               const LlChartData      *data,
                                               const LlChartSeries    *series,
                                               LlChartSeries          *copy);
/* What @data spans for a chart of @kind; @zoomed: of the options' range. */
void          ll_chart_compute_extents  (LlChartKind           kind,
                                         const LlChartData    *data,
                                         const LlChartOptions *options,
                                         gboolean              zoomed,
                                         LlChartExtents       *ext);
/* The buckets of @series that reach into [@lo, @hi] on the length (or
 * time) axis, with one more on each side: [@from, @to). */
void          ll_chart_visible_events   (const LlChartSeries  *series,
                                         gboolean              by_time,
                                         double                lo,
                                         double                hi,
                                         gsize                *from,
                                         gsize                *to);
void          ll_chart_visible_samples  (const LlChartSeries  *series,
                                         double                lo,
                                         double                hi,
                                         gsize                *from,
                                         gsize                *to);
/* The events within a range that may be empty (everything), for the
 * extremes an axis needs: at most three spans, whole groups of
 * LL_HISTORY_COARSE read as their joined bucket (the same extremes, an
 * eighth of the reading). Returns how many spans. */
typedef struct
{
  const LlEventBucket *buckets;
  gsize                n;
} LlBucketSpan;

guint         ll_chart_events_in_range  (const LlChartSeries  *series,
                                         const LlChartRange   *range,
                                         LlBucketSpan          spans[3]);

/* Painting (ll-chart-paint.c) */

void    ll_chart_set_color      (cairo_t             *cr,
                                 const LlColor       *color,
                                 double               alpha);
double  ll_chart_slack_alpha    (const LlChartPalette *palette);
double  ll_painter_device_width (const LlPainter     *p,
                                 double               user_width);
double  ll_painter_line_width   (const LlPainter     *p,
                                 double               user_width);
void    ll_painter_hline        (const LlPainter     *p,
                                 double               x0,
                                 double               x1,
                                 double               y,
                                 double               device_width);
void    ll_painter_vline        (const LlPainter     *p,
                                 double               x,
                                 double               y0,
                                 double               y1,
                                 double               device_width);
void    ll_painter_text         (const LlPainter     *p,
                                 const char          *str,
                                 gboolean             bold,
                                 double               x,
                                 double               y,
                                 LlAlign              align,
                                 const LlColor       *color,
                                 double               alpha);
double  ll_painter_map_x        (const LlPainter     *p,
                                 double               value);
double  ll_painter_map_y        (const LlPainter     *p,
                                 double               value);
double  ll_painter_snap_y       (const LlPainter     *p,
                                 double               value,
                                 double               device_width);
void    ll_painter_clip_plot    (const LlPainter     *p,
                                 double               overhang);
void    ll_painter_reset_columns (LlPainter          *p);
double  ll_painter_column_x     (const LlPainter     *p,
                                 guint                i,
                                 double               device_width);
void    ll_painter_column_span  (const LlPainter     *p,
                                 guint                i,
                                 double               y0,
                                 double               y1,
                                 double               device_width);
/* A line through the last value of each column, spans where a column
 * holds a range; stroked and filled with the source set by the caller. */
void    ll_painter_sample_line  (LlPainter           *p,
                                 const LlColumn      *cols,
                                 double               device_width);
/* Over several runs, @series' mark where its line through @cols ends:
 * whose line it is, whatever its colour looks like. Fills with the
 * source set by the caller. */
#define LL_CHART_END_MARK 3.5
void    ll_painter_run_end_mark (LlPainter           *p,
                                 const LlColumn      *cols,
                                 const LlChartSeries *series,
                                 double               device_width);
/* A dashed horizontal line at @value, under the series, labelled in its
 * colour (text: the palette's secondary, series3 or warning) by
 * ll_painter_reference_labels(): at its right end, above or below it, or
 * at its left end, wherever the label covers no other line's label. */
void    ll_painter_reference_line (LlPainter         *p,
                                   double             value,
                                   const char        *label,
                                   const LlColor     *color);
/* The labels of the reference lines drawn since the last call, over the
 * series, each on a halo of the background: a line crossing a label
 * leaves it readable. */
void    ll_painter_reference_labels (LlPainter       *p);
/* The visible part of the events (samples), for drawing: @n buckets,
 * joined ones where LL_CHART_COARSE_AT or more would fall in each pixel
 * column (the same extremes, an eighth of the reading). */
#define LL_CHART_COARSE_AT (2 * LL_HISTORY_COARSE)
const LlEventBucket  *ll_painter_visible_events  (const LlPainter     *p,
                                                  const LlChartSeries *series,
                                                  gboolean             by_time,
                                                  gsize               *n);
const LlSampleBucket *ll_painter_visible_samples (const LlPainter     *p,
                                                  const LlChartSeries *series,
                                                  gsize               *n);
/* A user x for @value, held within a margin around the plot so paths
 * that run far outside it (zoomed) stay within cairo's coordinates. */
double  ll_painter_map_x_held   (const LlPainter     *p,
                                 double               value);
void    ll_painter_dot          (const LlPainter     *p,
                                 double               x,
                                 double               y,
                                 double               radius);
void    ll_painter_frame        (LlPainter           *p);
void    ll_painter_decorate     (LlPainter           *p,
                                 LlChartKind          kind);

/* Picking (ll-chart-pick.c) */

void    ll_pick_consider        (LlPick              *pick,
                                 const LlCandidate   *candidate,
                                 double               x,
                                 double               y);
gsize   ll_pick_find_event      (const LlEventBucket *buckets,
                                 gsize                n_buckets,
                                 double               value,
                                 gboolean             by_time);
gsize   ll_pick_find_sample     (const LlSampleBucket *buckets,
                                 gsize                n_buckets,
                                 double               value);
/* Events of @series near length @value, as candidates at their length
 * and at @event_y (the y of the event in the chart); with @at_length, at
 * their length on the y axis too. */
void    ll_pick_events          (const LlChartLayout *layout,
                                 const LlChartSeries *series,
                                 double               x,
                                 double               y,
                                 double             (*event_y) (const LlEvent *event),
                                 gboolean             at_length,
                                 LlPick              *pick);

/* Fills @readout with what @c says: its text, where it is in @layout's
 * plot, whose it is. */
void    ll_readout_fill         (LlChartReadout         *readout,
                                 const LlChartLayout    *layout,
                                 const LlChartKindClass *klass,
                                 const LlChartData      *data,
                                 const LlChartOptions   *options,
                                 const LlCandidate      *candidate);
void    ll_readout_line         (GString             *str,
                                 const char          *label,
                                 const char          *value);
void    ll_readout_count        (GString             *str,
                                 const char          *label,
                                 guint64              value);
void    ll_readout_capacity_change (GString          *str,
                                    const LlEvent    *event);
void    ll_readout_slack        (GString             *str,
                                 guint64              length,
                                 guint64              capacity);
void    ll_readout_added        (GString             *str,
                                 const LlEvent       *event,
                                 const LlChartOptions *options);
/* How the block grew and how long it took, as far as the run knows:
 * a simulation times nothing and knows a block moved only where its
 * runtime copies. */
void    ll_readout_event_details (GString            *str,
                                  const LlCandidate  *candidate,
                                  const LlChartOptions *options);
void    ll_readout_event_number (GString             *str,
                                 const LlCandidate   *candidate);
/* The container after the reallocation, as the notebook prints it too:
 * "193.119 MiB (202,500,088 bytes)". */
void    ll_readout_container    (GString             *str,
                                 const LlEvent       *event,
                                 const LlChartOptions *options);

G_END_DECLS
