/* ll-plot.h — scales, pixel snapping and per-column decimation for the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ll-history.h"

G_BEGIN_DECLS

/* Maps data values to user-space coordinates (linear or log10). */
typedef struct
{
  gboolean log;
  double   d0, d1;   /* data domain */
  double   p0, p1;   /* user-space coordinates of d0 and d1 */
  double   l0, k;    /* cached: d0 (or log10 d0) and the slope */
} LlScale;

void     ll_scale_init   (LlScale       *scale,
                          gboolean       log,
                          double         d0,
                          double         d1,
                          double         p0,
                          double         p1);
double   ll_scale_map    (const LlScale *scale,
                          double         value);
double   ll_scale_unmap  (const LlScale *scale,
                          double         position);

/* How user space lands on device pixels: device = user * s + o. Only
 * axis-aligned transforms are snapped; others draw unsnapped. */
typedef struct
{
  double sx, sy;
  double ox, oy;
} LlPixelGrid;

void     ll_pixel_grid_init_from_cairo (LlPixelGrid       *grid,
                                        cairo_t           *cr);
void     ll_pixel_grid_init_identity   (LlPixelGrid       *grid);
/* Line widths in device pixels for a width of @user_width user units. */
double   ll_pixel_grid_device_width    (const LlPixelGrid *grid,
                                        double             user_width);
/* The user coordinate at which a line @device_width device pixels wide
 * covers whole device pixels, nearest to @x (or @y). */
double   ll_pixel_grid_snap_x          (const LlPixelGrid *grid,
                                        double             x,
                                        double             device_width);
double   ll_pixel_grid_snap_y          (const LlPixelGrid *grid,
                                        double             y,
                                        double             device_width);
/* Rounds to the nearest device pixel boundary. */
double   ll_pixel_grid_round_x         (const LlPixelGrid *grid,
                                        double             x);
double   ll_pixel_grid_round_y         (const LlPixelGrid *grid,
                                        double             y);

/* Rectangles on whole device pixels, to be filled as one: the region they
 * cover, as rectangles that do not overlap, each column's spans joined
 * with the same spans of the columns beside it. Cairo fills overlapping
 * rectangles by first working out where they overlap; dense marks (a
 * square or a bar on every pixel column, each over its neighbours) cost
 * far more that way than the few rectangles they add up to. */
typedef struct
{
  int x0, y0, x1, y1;   /* device pixels; x1, y1 past the last */
} LlBox;

typedef struct
{
  GArray *boxes;   /* LlBox, as added */
  GArray *spans;   /* scratch: each column's spans */
  GArray *starts;  /* scratch: where each column's spans begin */
  GArray *runs[2]; /* scratch: the spans running into a column, and out */
} LlBoxUnion;

/* A union starts all zeros, empty; it takes its room when first added to,
 * and gives it back in ll_box_union_clear (). */
void     ll_box_union_clear     (LlBoxUnion        *u);
/* As cairo_rectangle () in user space: added to @u where the rectangle
 * lies on whole device pixels of @grid, else to @cr's path at once. */
void     ll_box_union_rectangle (LlBoxUnion        *u,
                                 const LlPixelGrid *grid,
                                 cairo_t           *cr,
                                 double             x,
                                 double             y,
                                 double             width,
                                 double             height);
/* Appends the union to @cr's path, in user space, and empties @u. */
void     ll_box_union_to_path (LlBoxUnion        *u,
                               const LlPixelGrid *grid,
                               cairo_t           *cr);

/* One device-pixel column of a series: the values of everything that falls
 * into it. @count == 0 means nothing did. */
typedef struct
{
  double  first;
  double  last;
  double  min;
  double  max;
  guint64 count;
} LlColumn;

/* Which numbers of a bucket a series shows. */
typedef enum
{
  LL_SERIES_CAPACITY,         /* x: length;     old_capacity → new_capacity */
  LL_SERIES_BYTES_ADDED,      /* x: length;     bytes_added (min/max kept) */
  LL_SERIES_REALLOC_NS,       /* x: length;     realloc_ns (min/max kept) */
  LL_SERIES_EVENT_TIME,       /* x: elapsed_ns; count only */
  LL_SERIES_AVAILABLE,        /* x: elapsed_ns; available_bytes of samples */
  LL_SERIES_RSS,              /* x: elapsed_ns; rss_bytes of samples */
} LlSeries;

/* Where a log axis's columns begin: the smallest whole x in each column
 * and the first past them (n_columns + 1), so that whole numbers find
 * their column without a log10 (); values come in x order, so the search
 * starts where the last one ended. */
typedef struct
{
  double *starts;
  guint   last;
} LlColumnEdges;

/* Column layout: @n_columns device-pixel columns starting at user x @x0,
 * each 1 / @sx user units wide, for data mapped through @xscale; @edges,
 * if not NULL, from ll_columns_find_edges (). */
typedef struct
{
  const LlScale *xscale;
  double         x0;
  double         sx;
  guint          n_columns;
  LlColumnEdges *edges;
} LlColumns;

void     ll_columns_reset              (LlColumn          *columns,
                                        guint              n_columns);
/* Fills @edges (its starts: n_columns + 1) for @layout's log axis and
 * returns TRUE; FALSE, @edges unused, for a linear axis or one past
 * exact whole numbers in a double. */
gboolean ll_columns_find_edges         (const LlColumns   *layout,
                                        LlColumnEdges     *edges);
int      ll_columns_index              (const LlColumns   *layout,
                                        double             data_x);
/* The user-space x of the centre of column @i. */
double   ll_columns_center             (const LlColumns   *layout,
                                        guint              i);

/* Adds @count values from x @x_first to @x_last into the columns they
 * fall in, as a bucket does. */
void     ll_columns_add                (const LlColumns   *layout,
                                        LlColumn          *columns,
                                        double             x_first,
                                        double             x_last,
                                        double             v_first,
                                        double             v_last,
                                        double             v_min,
                                        double             v_max,
                                        guint64            count);

/* The same in two steps, for several series over the same x: the columns
 * (@c0, @c1) that @count values from @x_first to @x_last fall in, and
 * adding values there. */
void     ll_columns_locate             (const LlColumns   *layout,
                                        double             x_first,
                                        double             x_last,
                                        guint64            count,
                                        int               *c0,
                                        int               *c1);
void     ll_columns_add_at             (const LlColumns   *layout,
                                        LlColumn          *columns,
                                        int                c0,
                                        int                c1,
                                        double             v_first,
                                        double             v_last,
                                        double             v_min,
                                        double             v_max,
                                        guint64            count);

/* Accumulates buckets into @columns (reset first). Cost: O(n_buckets +
 * n_columns). Buckets must be in x order, as the history keeps them; what
 * maps outside the columns (a zoomed scale) is left out. */
void     ll_decimate_events            (const LlColumns      *layout,
                                        LlColumn             *columns,
                                        LlSeries              series,
                                        const LlEventBucket  *buckets,
                                        gsize                 n_buckets);
void     ll_decimate_samples           (const LlColumns      *layout,
                                        LlColumn             *columns,
                                        LlSeries              series,
                                        const LlSampleBucket *buckets,
                                        gsize                 n_buckets);
/* Both sample series in one pass over the buckets. */
void     ll_decimate_samples_both      (const LlColumns      *layout,
                                        LlColumn             *available,
                                        LlColumn             *rss,
                                        const LlSampleBucket *buckets,
                                        gsize                 n_buckets);

/* A polyline whose x never decreases, sent to cairo with the points that
 * change nothing left out: every point given lies within @tolerance (user
 * units, vertically) of the line drawn. A line across a wide plot is
 * stroked with a handful of vertices where it runs straight. */
typedef struct
{
  cairo_t *cr;
  double   tolerance;
  gboolean started;
  gboolean pending;
  double   ax, ay;    /* the last vertex sent */
  double   px, py;    /* the last point given, not sent yet */
  double   lo, hi;    /* the slopes from (ax, ay) that pass every point since */
} LlPolyline;

void     ll_polyline_begin             (LlPolyline          *line,
                                        cairo_t             *cr,
                                        double               tolerance);
void     ll_polyline_add               (LlPolyline          *line,
                                        double               x,
                                        double               y);
/* Sends the last point; the path is left for the caller to stroke. */
void     ll_polyline_end               (LlPolyline          *line);

G_END_DECLS
