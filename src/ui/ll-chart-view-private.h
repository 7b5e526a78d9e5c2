/* ll-chart-view-private.h — what the chart view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-chart-view.h"

G_BEGIN_DECLS

/* Less than this many pixels of drag is a click. */
#define DRAG_THRESHOLD 5.0
/* How often at most a chart's description follows a run: screen readers
 * speak the focused chart's changes. */
#define SUMMARY_INTERVAL_US         (1 * G_USEC_PER_SEC)
#define SUMMARY_FOCUSED_INTERVAL_US (5 * G_USEC_PER_SEC)
/* Zooming in stops at this many elements (or nanoseconds) across. */
#define MIN_LENGTH_WIDTH 8.0
#define MIN_TIME_WIDTH   1000.0

/* The least a chart takes at the desktop's text size, and what each step
 * of text scale adds (at 1.5× the plot keeps about 180 px). */
#define MIN_CHART_WIDTH            240
#define MIN_CHART_HEIGHT           150
#define MIN_CHART_HEIGHT_PER_SCALE 400.0

typedef enum
{
  CURSOR_STEP,    /* one point either way */
  CURSOR_PAGE,    /* a tenth of the points in view */
  CURSOR_FIRST,
  CURSOR_LAST,
  CURSOR_RUN,     /* the same place on another run */
} CursorMove;

typedef enum
{
  DRAG_NONE,
  DRAG_SELECT,
  DRAG_PAN,
} DragMode;

struct _LlChartView
{
  GtkWidget       parent_instance;

  LlChartKind     kind;
  LlChartAxes    *axes;
  gboolean        draw_title;
  double          title_inset;
  gboolean        runs_named_apart;
  LlEvent         mark;
  gboolean        has_mark;
  LlUnits         units;
  guint64         reserve_bytes;
  guint64         total_bytes;
  guint64         next_growth_bytes;

  GArray         *series;    /* LlChartSeries: pointers into the caller's views */
  LlChartData     data;

  LlChartPalette  palette;
  double          text_scale;
  gboolean        palette_valid;

  /* The chart rendered at the current size; pointer motion only redraws
   * the crosshair on top of it. */
  GskRenderNode  *cache;
  int             cache_width;
  int             cache_height;
  guint           n_renders;
  gboolean        behind;     /* the cache shows older data than the series */

  gboolean        pointer_inside;
  double          pointer_x;
  double          pointer_y;
  LlChartReadout  readout;
  gboolean        readout_valid;

  DragMode        drag_mode;
  double          drag_x0, drag_y0;
  double          drag_x;
  LlChartRange    drag_range;   /* what was visible when a pan began */
  double          pinch_scale;  /* a touchpad's pinch, so far */

  /* The keyboard cursor: a point of one run, kept by where it lies on the
   * x axis so that it stays on its reallocation while the history joins
   * buckets. While shown, the readout follows it, not the pointer. */
  gboolean        cursor_placed;
  gboolean        cursor_shown;
  gsize           cursor_series;
  double          cursor_x;

  /* What screen readers are told: the cursor's readout, or what the
   * chart shows, brought up to date at most every SUMMARY_INTERVAL_US. */
  char           *description;
  char           *summary;
  gint64          summary_time;
  guint           summary_source;
  gboolean        summary_since_focus;
};

enum {
  EVENT_ACTIVATED,
  SHOW_EVENT,
  ACTIVATE,
  N_SIGNALS
};

extern guint _ll_chart_view_signals[N_SIGNALS];

/* Where the plot is and what it shows. */
typedef struct
{
  LlChartOptions options;
  double         plot_x, plot_width;
  LlChartRange   visible;   /* what the plot shows now */
  LlChartRange   extent;    /* the whole run */
  gboolean       log;
  double         min_width;
} LlChartViewGeometry;

void     _ll_chart_view_invalidate          (LlChartView         *self);

/* ll-chart-view-input.c: the pointer, zoom and pan */
void     _ll_chart_view_class_init_input    (GtkWidgetClass      *widget_class);
void     _ll_chart_view_init_input          (LlChartView         *self);
gboolean _ll_chart_view_get_geometry        (LlChartView         *self,
                                             LlChartViewGeometry *g);
void     _ll_chart_view_show_range          (LlChartView         *self,
                                             const LlChartRange  *range);
void     _ll_chart_view_snapshot_selection  (LlChartView         *self,
                                             GtkSnapshot         *snapshot,
                                             int                  height);

/* ll-chart-view-cursor.c: the keyboard cursor and what screen readers hear */
void     _ll_chart_view_class_init_cursor   (GtkWidgetClass      *widget_class);
void     _ll_chart_view_init_cursor         (LlChartView         *self);
gboolean _ll_chart_view_get_cursor_point    (LlChartView         *self,
                                             guint64             *point);
void     _ll_chart_view_axes_changed        (LlChartView         *self);
void     _ll_chart_view_refresh_description (LlChartView         *self);
void     _ll_chart_view_queue_summary       (LlChartView         *self);

G_END_DECLS
