/* ll-plot.c — scales, pixel snapping and per-column decimation for the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ll-plot.h"

void
ll_scale_init (LlScale  *scale,
               gboolean  log,
               double    d0,
               double    d1,
               double    p0,
               double    p1)
{
  double l1;

  g_return_if_fail (scale != NULL);

  if (log)
    {
      d0 = MAX (d0, G_MINDOUBLE);
      d1 = MAX (d1, G_MINDOUBLE);
    }

  scale->log = log;
  scale->d0 = d0;
  scale->d1 = d1;
  scale->p0 = p0;
  scale->p1 = p1;
  scale->l0 = log ? log10 (d0) : d0;
  l1 = log ? log10 (d1) : d1;
  scale->k = (l1 != scale->l0) ? (p1 - p0) / (l1 - scale->l0) : 0.0;
}

static inline double
scale_map (const LlScale *scale,
           double         value)
{
  double v;

  if (scale->log)
    {
      /* Zero and below sit on the axis floor. */
      if (value <= scale->d0)
        return scale->p0;
      v = log10 (value);
    }
  else
    v = value;

  return scale->p0 + (v - scale->l0) * scale->k;
}

double
ll_scale_map (const LlScale *scale,
              double         value)
{
  return scale_map (scale, value);
}

double
ll_scale_unmap (const LlScale *scale,
                double         position)
{
  double v;

  if (scale->k == 0.0)
    return scale->d0;

  v = scale->l0 + (position - scale->p0) / scale->k;

  return scale->log ? pow (10.0, v) : v;
}

void
ll_pixel_grid_init_identity (LlPixelGrid *grid)
{
  grid->sx = grid->sy = 1.0;
  grid->ox = grid->oy = 0.0;
}

void
ll_pixel_grid_init_from_cairo (LlPixelGrid *grid,
                               cairo_t     *cr)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t m;
  double dsx = 1.0, dsy = 1.0;
  double dox = 0.0, doy = 0.0;

  ll_pixel_grid_init_identity (grid);

  cairo_get_matrix (cr, &m);
  /* Rotated or sheared: no pixel grid to speak of. */
  if (fabs (m.xy) > 1e-9 || fabs (m.yx) > 1e-9 || m.xx <= 0.0 || m.yy <= 0.0)
    return;

  /* cairo_user_to_device() leaves out the surface's device scale, which is
   * how GTK renders at HiDPI, so combine both by hand. */
  if (target != NULL)
    {
      cairo_surface_get_device_scale (target, &dsx, &dsy);
      cairo_surface_get_device_offset (target, &dox, &doy);
    }
  if (dsx <= 0.0 || dsy <= 0.0)
    return;

  grid->sx = m.xx * dsx;
  grid->sy = m.yy * dsy;
  grid->ox = m.x0 * dsx + dox;
  grid->oy = m.y0 * dsy + doy;
}

double
ll_pixel_grid_device_width (const LlPixelGrid *grid,
                            double             user_width)
{
  return MAX (1.0, round (user_width * grid->sx));
}

static double
snap (double v,
      double s,
      double o,
      double device_width)
{
  double d = v * s + o;
  gboolean odd = ((gint64) round (device_width)) % 2 != 0;

  d = odd ? floor (d) + 0.5 : round (d);

  return (d - o) / s;
}

double
ll_pixel_grid_snap_x (const LlPixelGrid *grid,
                      double             x,
                      double             device_width)
{
  return snap (x, grid->sx, grid->ox, device_width);
}

double
ll_pixel_grid_snap_y (const LlPixelGrid *grid,
                      double             y,
                      double             device_width)
{
  return snap (y, grid->sy, grid->oy, device_width);
}

double
ll_pixel_grid_round_x (const LlPixelGrid *grid,
                       double             x)
{
  return (round (x * grid->sx + grid->ox) - grid->ox) / grid->sx;
}

double
ll_pixel_grid_round_y (const LlPixelGrid *grid,
                       double             y)
{
  return (round (y * grid->sy + grid->oy) - grid->oy) / grid->sy;
}

void
ll_columns_reset (LlColumn *columns,
                  guint     n_columns)
{
  memset (columns, 0, sizeof *columns * n_columns);
}

/* The column of @data_x: < 0 left of the columns, >= n_columns right of
 * them. What lies within half a column of either end counts as in it. */
/* As scale_map (), but what lies below a log scale's domain maps below it
 * (zero and less: far below), so a zoomed axis can leave it out. */
static inline double
scale_map_through (const LlScale *scale,
                   double         value)
{
  if (scale->log)
    {
      if (value <= 0.0)
        return scale->k >= 0.0 ? -G_MAXDOUBLE : G_MAXDOUBLE;
      return scale->p0 + (log10 (value) - scale->l0) * scale->k;
    }
  return scale->p0 + (value - scale->l0) * scale->k;
}

/* The last of @n column starts at or below @x (starts[0] <= x <
 * starts[n]): the last one found or the next, else a binary search. */
static inline int
edges_find (LlColumnEdges *edges,
            guint          n,
            double         x)
{
  const double *starts = edges->starts;
  guint lo = edges->last, hi;

  if (starts[lo] <= x && x < starts[lo + 1])
    return (int) lo;
  if (lo + 2 <= n && starts[lo + 1] <= x && x < starts[lo + 2])
    return (int) (edges->last = lo + 1);

  lo = 0;
  hi = n;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (starts[mid] <= x)
        lo = mid;
      else
        hi = mid;
    }
  return (int) (edges->last = lo);
}

static inline int
columns_index (const LlColumns *layout,
               double           data_x)
{
  double p, n = (double) layout->n_columns;

  if (layout->edges != NULL && data_x >= layout->edges->starts[0] &&
      data_x < layout->edges->starts[layout->n_columns] && data_x == (double) (gint64) data_x)
    return edges_find (layout->edges, layout->n_columns, data_x);

  p = (scale_map_through (layout->xscale, data_x) - layout->x0) * layout->sx;

  if (isnan (p))
    return -1;
  if (p < 0.0)
    return p > -0.5 ? 0 : -1;
  if (p >= n)
    return p < n + 0.5 ? (int) layout->n_columns - 1 : (int) MIN (p, (double) G_MAXINT / 2);
  return (int) p;
}

/* The columns (@c0, @c1) that @count values from @x_first to @x_last
 * fall in: one alone is in the column of its x. */
static inline void
columns_locate (const LlColumns *layout,
                double           x_first,
                double           x_last,
                guint64          count,
                int             *c0,
                int             *c1)
{
  *c0 = columns_index (layout, x_first);
  *c1 = count > 1 ? columns_index (layout, x_last) : *c0;
}

/* Whole x as large as a double holds exactly, and a little below. */
#define EXACT_WHOLE_MAX 4503599627370496.0  /* 2^52 */

gboolean
ll_columns_find_edges (const LlColumns *layout,
                       LlColumnEdges   *edges)
{
  double *starts;
  const LlScale *scale;
  LlColumns direct;
  guint n;

  g_return_val_if_fail (layout != NULL && edges != NULL && edges->starts != NULL, FALSE);

  scale = layout->xscale;
  n = layout->n_columns;
  if (scale == NULL || !scale->log || !(scale->k > 0.0) || !(layout->sx > 0.0) || n == 0)
    return FALSE;

  direct = *layout;
  direct.edges = NULL;
  starts = edges->starts;
  edges->last = 0;
  for (guint k = 0; k <= n; k++)
    {
      /* Where column k begins: half a column either side of the ends
       * counts as in them. */
      double p = k == 0 ? -0.5 : k == n ? (double) n + 0.5 : (double) k;
      double guess = pow (10.0, scale->l0 + (p / layout->sx + layout->x0 - scale->p0) / scale->k);
      double x;
      guint steps = 0;

      if (!(guess < EXACT_WHOLE_MAX))
        return FALSE;
      /* The guess is within a step or two: the column's own test settles it. */
      x = MAX (ceil (guess), 1.0);
      while (x > 1.0 && columns_index (&direct, x - 1.0) >= (int) k && steps++ < 64)
        x -= 1.0;
      while (columns_index (&direct, x) < (int) k && steps++ < 64)
        x += 1.0;
      if (steps >= 64)
        return FALSE;
      starts[k] = k > 0 ? MAX (x, starts[k - 1]) : x;
    }
  return TRUE;
}

int
ll_columns_index (const LlColumns *layout,
                  double           data_x)
{
  return CLAMP (columns_index (layout, data_x), 0, (int) layout->n_columns - 1);
}

double
ll_columns_center (const LlColumns *layout,
                   guint            i)
{
  return layout->x0 + ((double) i + 0.5) / layout->sx;
}

static inline void
column_add (LlColumn *c,
            double    first,
            double    last,
            double    min,
            double    max,
            guint64   count)
{
  if (c->count == 0)
    {
      c->first = first;
      c->min = min;
      c->max = max;
    }
  else
    {
      if (min < c->min)
        c->min = min;
      if (max > c->max)
        c->max = max;
    }
  c->last = last;
  c->count += count;
}

static void
add_span_at (const LlColumns *layout,
             LlColumn        *columns,
             int              c0,
             int              c1,
             double           v_first,
             double           v_last,
             double           v_min,
             double           v_max,
             guint64          count)
{
  int n = (int) layout->n_columns;
  int from, to;

  v_min = MIN (v_min, MIN (v_first, v_last));
  v_max = MAX (v_max, MAX (v_first, v_last));

  /* Outside the columns (a zoomed chart): nothing to add. */
  if (c1 < 0 || c0 >= n)
    return;

  if (c1 <= c0)
    {
      column_add (&columns[c0], v_first, v_last, v_min, v_max, count);
      return;
    }

  if (count <= 2)
    {
      /* Both events are exact: nothing in between. */
      if (c0 >= 0)
        column_add (&columns[c0], v_first, v_first, v_first, v_first, 1);
      if (c1 < n)
        column_add (&columns[c1], v_last, v_last, v_last, v_last, count - 1);
      return;
    }

  /* A merged bucket wider than a column: its events lie somewhere between
   * its exact ends, so every column it covers shows the whole range rather
   * than hiding an extreme; the line through them goes straight from end
   * to end. */
  from = MAX (c0, 0);
  to = MIN (c1, n - 1);
  for (int c = from; c <= to; c++)
    {
      double t = (double) (c - c0) / (c1 - c0);
      double v = v_first + t * (v_last - v_first);
      guint64 share = count / (guint64) (c1 - c0 + 1);

      if (c == c0)
        share += count % (guint64) (c1 - c0 + 1);
      column_add (&columns[c], c == c0 ? v_first : v, c == c1 ? v_last : v,
                  v_min, v_max, MAX (share, 1));
    }
}

/* A bucket of @count events or samples over columns @c0 to @c1: one
 * alone is its first value. */
static inline void
add_bucket_at (const LlColumns *layout,
               LlColumn        *columns,
               int              c0,
               int              c1,
               guint64          count,
               double           v_first,
               double           v_last,
               double           v_min,
               double           v_max)
{
  if (count == 1)
    add_span_at (layout, columns, c0, c0, v_first, v_first, v_first, v_first, 1);
  else
    add_span_at (layout, columns, c0, c1, v_first, v_last, v_min, v_max, count);
}

void
ll_columns_locate (const LlColumns *layout,
                   double           x_first,
                   double           x_last,
                   guint64          count,
                   int             *c0,
                   int             *c1)
{
  columns_locate (layout, x_first, x_last, count, c0, c1);
}

void
ll_columns_add_at (const LlColumns *layout,
                   LlColumn        *columns,
                   int              c0,
                   int              c1,
                   double           v_first,
                   double           v_last,
                   double           v_min,
                   double           v_max,
                   guint64          count)
{
  if (layout->n_columns > 0)
    add_span_at (layout, columns, c0, c1, v_first, v_last, v_min, v_max, MAX (count, 1));
}

void
ll_columns_add (const LlColumns *layout,
                LlColumn        *columns,
                double           x_first,
                double           x_last,
                double           v_first,
                double           v_last,
                double           v_min,
                double           v_max,
                guint64          count)
{
  int c0, c1;

  g_return_if_fail (layout != NULL && columns != NULL);

  if (layout->n_columns == 0)
    return;
  count = MAX (count, 1);
  columns_locate (layout, x_first, x_last, count, &c0, &c1);
  add_span_at (layout, columns, c0, c1, v_first, v_last, v_min, v_max, count);
}

void
ll_decimate_events (const LlColumns     *layout,
                    LlColumn            *columns,
                    LlSeries             series,
                    const LlEventBucket *buckets,
                    gsize                n_buckets)
{
  g_return_if_fail (layout != NULL && columns != NULL);
  g_return_if_fail (n_buckets == 0 || buckets != NULL);

  if (layout->n_columns == 0)
    return;

  for (gsize i = 0; i < n_buckets; i++)
    {
      const LlEventBucket *b = &buckets[i];
      guint64 count = MAX (b->count, 1);
      int c0, c1;

      if (series == LL_SERIES_EVENT_TIME)
        columns_locate (layout, b->first.elapsed_ns, b->last.elapsed_ns, count, &c0, &c1);
      else
        columns_locate (layout, b->first.length, b->last.length, count, &c0, &c1);

      switch (series)
        {
        case LL_SERIES_CAPACITY:
          {
            double lo = MIN (MIN (b->first.old_capacity, b->first.new_capacity),
                             MIN (b->last.old_capacity, b->last.new_capacity));
            double hi = MAX (MAX (b->first.old_capacity, b->first.new_capacity),
                             MAX (b->last.old_capacity, b->last.new_capacity));

            add_span_at (layout, columns, c0, c1,
                         b->first.old_capacity, b->last.new_capacity,
                         lo, hi, count);
          }
          break;

        case LL_SERIES_BYTES_ADDED:
          add_bucket_at (layout, columns, c0, c1, count,
                         b->first.bytes_added, b->last.bytes_added,
                         b->min_bytes_added, b->max_bytes_added);
          break;

        case LL_SERIES_REALLOC_NS:
          add_bucket_at (layout, columns, c0, c1, count,
                         b->first.realloc_ns, b->last.realloc_ns,
                         b->min_realloc_ns, b->max_realloc_ns);
          break;

        case LL_SERIES_EVENT_TIME:
          add_span_at (layout, columns, c0, c1, 0, 0, 0, 0, count);
          break;

        case LL_SERIES_AVAILABLE:
        case LL_SERIES_RSS:
        default:
          g_return_if_reached ();
        }
    }
}

/* Available memory into @available and resident memory into @rss, either
 * NULL for none: both series take the samples' columns, found once. */
static void
decimate_samples (const LlColumns      *layout,
                  LlColumn             *available,
                  LlColumn             *rss,
                  const LlSampleBucket *buckets,
                  gsize                 n_buckets)
{
  if (layout->n_columns == 0)
    return;

  for (gsize i = 0; i < n_buckets; i++)
    {
      const LlSampleBucket *b = &buckets[i];
      guint64 count = MAX (b->count, 1);
      int c0, c1;

      columns_locate (layout, b->first.elapsed_ns, b->last.elapsed_ns, count, &c0, &c1);
      if (available != NULL)
        add_bucket_at (layout, available, c0, c1, count,
                       b->first.available_bytes, b->last.available_bytes,
                       b->min_available_bytes, b->max_available_bytes);
      if (rss != NULL)
        add_bucket_at (layout, rss, c0, c1, count,
                       b->first.rss_bytes, b->last.rss_bytes,
                       b->min_rss_bytes, b->max_rss_bytes);
    }
}

void
ll_decimate_samples (const LlColumns      *layout,
                     LlColumn             *columns,
                     LlSeries              series,
                     const LlSampleBucket *buckets,
                     gsize                 n_buckets)
{
  g_return_if_fail (layout != NULL && columns != NULL);
  g_return_if_fail (n_buckets == 0 || buckets != NULL);
  g_return_if_fail (series == LL_SERIES_AVAILABLE || series == LL_SERIES_RSS);

  decimate_samples (layout,
                    series == LL_SERIES_AVAILABLE ? columns : NULL,
                    series == LL_SERIES_RSS ? columns : NULL,
                    buckets, n_buckets);
}

void
ll_decimate_samples_both (const LlColumns      *layout,
                          LlColumn             *available,
                          LlColumn             *rss,
                          const LlSampleBucket *buckets,
                          gsize                 n_buckets)
{
  g_return_if_fail (layout != NULL && available != NULL && rss != NULL);
  g_return_if_fail (n_buckets == 0 || buckets != NULL);

  decimate_samples (layout, available, rss, buckets, n_buckets);
}

/* Polylines ---------------------------------------------------------------- */

void
ll_polyline_begin (LlPolyline *line,
                   cairo_t    *cr,
                   double      tolerance)
{
  memset (line, 0, sizeof *line);
  line->cr = cr;
  line->tolerance = MAX (tolerance, 0.0);
}

/* (@x, @y) is the last vertex sent: the cone of slopes starts again. */
static void
polyline_anchor (LlPolyline *line,
                 double      x,
                 double      y)
{
  line->ax = x;
  line->ay = y;
  line->pending = FALSE;
  line->lo = -INFINITY;
  line->hi = INFINITY;
}

static void
polyline_vertex (LlPolyline *line,
                 double      x,
                 double      y)
{
  cairo_line_to (line->cr, x, y);
  polyline_anchor (line, x, y);
}

/* The slopes from the last vertex form a cone that narrows with each
 * point left out; a point outside it makes the point before a vertex. */
void
ll_polyline_add (LlPolyline *line,
                 double      x,
                 double      y)
{
  double dx, slope;

  if (!line->started)
    {
      cairo_move_to (line->cr, x, y);
      line->started = TRUE;
      polyline_anchor (line, x, y);
      return;
    }

  dx = x - line->ax;
  if (dx <= 0.0)
    {
      /* Straight up or down: nothing to leave out. */
      if (line->pending)
        polyline_vertex (line, line->px, line->py);
      polyline_vertex (line, x, y);
      return;
    }

  slope = (y - line->ay) / dx;
  if (line->pending && (slope < line->lo || slope > line->hi))
    {
      polyline_vertex (line, line->px, line->py);
      dx = x - line->ax;
      if (dx <= 0.0)
        {
          polyline_vertex (line, x, y);
          return;
        }
    }

  line->lo = MAX (line->lo, (y - line->tolerance - line->ay) / dx);
  line->hi = MIN (line->hi, (y + line->tolerance - line->ay) / dx);
  line->px = x;
  line->py = y;
  line->pending = TRUE;
}

void
ll_polyline_end (LlPolyline *line)
{
  if (line->pending)
    polyline_vertex (line, line->px, line->py);
}

/* The union of rectangles ---------------------------------------------------- */

typedef struct
{
  int y0, y1;
  int start;   /* the first column of a run of it */
} Span;

static void
take_room (LlBoxUnion *u)
{
  u->boxes = g_array_new (FALSE, FALSE, sizeof (LlBox));
  u->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  u->starts = g_array_new (FALSE, FALSE, sizeof (int));
  u->runs[0] = g_array_new (FALSE, FALSE, sizeof (Span));
  u->runs[1] = g_array_new (FALSE, FALSE, sizeof (Span));
}

void
ll_box_union_clear (LlBoxUnion *u)
{
  g_clear_pointer (&u->boxes, g_array_unref);
  g_clear_pointer (&u->spans, g_array_unref);
  g_clear_pointer (&u->starts, g_array_unref);
  g_clear_pointer (&u->runs[0], g_array_unref);
  g_clear_pointer (&u->runs[1], g_array_unref);
}

/* @v in device pixels, if it is a whole one. */
static gboolean
whole_pixel (double v,
             int   *pixel)
{
  double r = round (v);

  if (fabs (v - r) > 1e-6 || fabs (r) > G_MAXINT / 2)
    return FALSE;
  *pixel = (int) r;
  return TRUE;
}

void
ll_box_union_rectangle (LlBoxUnion        *u,
                        const LlPixelGrid *grid,
                        cairo_t           *cr,
                        double             x,
                        double             y,
                        double             width,
                        double             height)
{
  LlBox box;
  int a, b, c, d;

  if (!whole_pixel (x * grid->sx + grid->ox, &a) || !whole_pixel ((x + width) * grid->sx + grid->ox, &b) ||
      !whole_pixel (y * grid->sy + grid->oy, &c) || !whole_pixel ((y + height) * grid->sy + grid->oy, &d))
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }
  if (u->boxes == NULL)
    take_room (u);
  box = (LlBox) { MIN (a, b), MIN (c, d), MAX (a, b), MAX (c, d) };
  if (box.x0 < box.x1 && box.y0 < box.y1)
    g_array_append_val (u->boxes, box);
}

static void
emit (cairo_t           *cr,
      const LlPixelGrid *grid,
      const Span        *run,
      int                end)
{
  cairo_rectangle (cr, (run->start - grid->ox) / grid->sx, (run->y0 - grid->oy) / grid->sy,
                   (end - run->start) / grid->sx, (run->y1 - run->y0) / grid->sy);
}

/* Sorts @n spans by their top and joins those that overlap or touch;
 * returns how many are left. */
static guint
join_spans (Span *s,
            guint n)
{
  guint m = 0;

  for (guint i = 1; i < n; i++)
    {
      Span v = s[i];
      guint j = i;

      for (; j > 0 && s[j - 1].y0 > v.y0; j--)
        s[j] = s[j - 1];
      s[j] = v;
    }
  for (guint i = 0; i < n; i++)
    {
      if (m > 0 && s[i].y0 <= s[m - 1].y1)
        s[m - 1].y1 = MAX (s[m - 1].y1, s[i].y1);
      else
        s[m++] = s[i];
    }
  return m;
}

void
ll_box_union_to_path (LlBoxUnion        *u,
                      const LlPixelGrid *grid,
                      cairo_t           *cr)
{
  const LlBox *boxes;
  int lo = G_MAXINT, hi = G_MININT;
  int *starts;
  Span *spans;
  GArray *in = u->runs[0], *out = u->runs[1];

  if (u->boxes == NULL || u->boxes->len == 0)
    return;
  boxes = (const LlBox *) (gpointer) u->boxes->data;
  for (guint i = 0; i < u->boxes->len; i++)
    {
      lo = MIN (lo, boxes[i].x0);
      hi = MAX (hi, boxes[i].x1);
    }

  /* Each column's spans, together: counted, then placed. */
  g_array_set_size (u->starts, (guint) (hi - lo) + 1);
  starts = (int *) (gpointer) u->starts->data;
  memset (starts, 0, sizeof *starts * u->starts->len);
  for (guint i = 0; i < u->boxes->len; i++)
    for (int x = boxes[i].x0; x < boxes[i].x1; x++)
      starts[x - lo + 1]++;
  for (guint x = 1; x < u->starts->len; x++)
    starts[x] += starts[x - 1];
  g_array_set_size (u->spans, (guint) starts[hi - lo]);
  spans = (Span *) (gpointer) u->spans->data;
  for (guint i = 0; i < u->boxes->len; i++)
    for (int x = boxes[i].x0; x < boxes[i].x1; x++)
      spans[starts[x - lo]++] = (Span) { boxes[i].y0, boxes[i].y1, x };
  /* (each start moved to the next column's: back by one column) */
  memmove (starts + 1, starts, sizeof *starts * (u->starts->len - 1));
  starts[0] = 0;

  /* Column by column: a span as the column before has it runs on; one
   * it no longer has ends there. */
  g_array_set_size (in, 0);
  for (int x = lo; x <= hi; x++)
    {
      Span *column = spans + (x < hi ? starts[x - lo] : 0);
      guint n = x < hi ? join_spans (column, (guint) (starts[x - lo + 1] - starts[x - lo])) : 0;
      const Span *running = (const Span *) (gpointer) in->data;
      guint r = 0;

      g_array_set_size (out, 0);
      for (guint i = 0; i < n; i++)
        {
          Span s = { column[i].y0, column[i].y1, x };

          for (; r < in->len && running[r].y0 < s.y0; r++)
            emit (cr, grid, &running[r], x);
          if (r < in->len && running[r].y0 == s.y0 && running[r].y1 == s.y1)
            s.start = running[r++].start;
          g_array_append_val (out, s);
        }
      for (; r < in->len; r++)
        emit (cr, grid, &running[r], x);
      in = out;
      out = in == u->runs[0] ? u->runs[1] : u->runs[0];
    }
  g_array_set_size (u->boxes, 0);
}
