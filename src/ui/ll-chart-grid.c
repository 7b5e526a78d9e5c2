/* ll-chart-grid.c — the charts side by side, or one of them alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ll-chart-grid.h"

#define SPACING 12
/* A chart's own shape, width over height. */
#define CHART_SHAPE 1.6

struct _LlChartGrid
{
  GtkWidget  parent_instance;

  GPtrArray *children;
  int        alone;      /* -1: all */
  int        fallback;   /* shown when all do not fit */
  guint      shown;      /* a bit for each child on screen, as last laid out */
  guint      arranged_id;
};

enum {
  ARRANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlChartGrid, ll_chart_grid, GTK_TYPE_WIDGET)

/* Columns of the grid when every child has room: two (small multiples). */
static guint
n_columns (LlChartGrid *self)
{
  return self->children->len > 1 ? 2 : 1;
}

static guint
n_rows (LlChartGrid *self)
{
  return (self->children->len + n_columns (self) - 1) / n_columns (self);
}

static void
ll_chart_grid_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LlChartGrid *self = LL_CHART_GRID (widget);
  guint cells = orientation == GTK_ORIENTATION_HORIZONTAL ? n_columns (self) : n_rows (self);
  int min = 0, nat = 0;

  for (guint i = 0; i < self->children->len; i++)
    {
      int child_min, child_nat;

      gtk_widget_measure (g_ptr_array_index (self->children, i), orientation, -1,
                          &child_min, &child_nat, NULL, NULL);
      min = MAX (min, child_min);
      nat = MAX (nat, child_nat);
    }

  /* The least is one chart: a small window shows one. */
  *minimum = min;
  *natural = self->alone >= 0 ? nat : (int) cells * nat + (int) (cells - 1) * SPACING;
}

/* Which children a grid of @width × @height shows, and how: @n_shown of
 * them from @first, in @cols columns. */
typedef struct
{
  guint first;
  guint n_shown;
  guint cols;
} Arrangement;

/* Whether children @first to @first + @n, in @cols columns, each have
 * the room they need. */
static gboolean
fits (LlChartGrid *self,
      guint        first,
      guint        n,
      guint        cols,
      int          width,
      int          height)
{
  guint rows = (n + cols - 1) / cols;

  for (guint i = first; i < first + n; i++)
    {
      GtkWidget *child = g_ptr_array_index (self->children, i);
      int min_w, min_h;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      if ((width - ((int) cols - 1) * SPACING) / (int) cols < min_w ||
          (height - ((int) rows - 1) * SPACING) / (int) rows < min_h)
        return FALSE;
    }
  return TRUE;
}

/* How far a cell of @width × @height is from a chart's own shape, about
 * 1.6 times as wide as it is tall. */
static double
misshape (int   width,
          int   height,
          guint cols,
          guint rows)
{
  double cell_w = (double) (width - ((int) cols - 1) * SPACING) / cols;
  double cell_h = (double) (height - ((int) rows - 1) * SPACING) / rows;

  return fabs (log (cell_w / MAX (cell_h, 1.0) / CHART_SHAPE));
}

/* All of them in two columns, or in one row (a wide, short grid, as beside
 * the table), whichever gives them the better shape; the row of two holding
 * the chart last shown alone; that chart alone. */
static Arrangement
arrange (LlChartGrid *self,
         int          width,
         int          height)
{
  guint n = self->children->len;
  guint cols = n_columns (self);
  guint single = (guint) (self->alone >= 0 ? self->alone : self->fallback);
  guint row_start = single - single % cols;

  if (self->alone < 0 && n > 0)
    {
      gboolean in_columns = fits (self, 0, n, cols, width, height);
      gboolean in_a_row = n > cols && fits (self, 0, n, n, width, height);

      if (in_columns && in_a_row)
        return misshape (width, height, n, 1) < misshape (width, height, cols, (n + cols - 1) / cols)
               ? (Arrangement) { 0, n, n } : (Arrangement) { 0, n, cols };
      if (in_columns)
        return (Arrangement) { 0, n, cols };
      if (in_a_row)
        return (Arrangement) { 0, n, n };
      if (cols > 1 && row_start + cols <= n && fits (self, row_start, cols, cols, width, height))
        return (Arrangement) { row_start, cols, cols };
    }
  return (Arrangement) { single, 1, 1 };
}

static gboolean
emit_arranged (gpointer data)
{
  LlChartGrid *self = data;

  self->arranged_id = 0;
  g_signal_emit (self, signals[ARRANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
ll_chart_grid_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LlChartGrid *self = LL_CHART_GRID (widget);
  Arrangement a = arrange (self, width, height);
  int cols = (int) a.cols, rows = (int) ((a.n_shown + a.cols - 1) / a.cols);
  int cell_w = (width - (cols - 1) * SPACING) / cols;
  int cell_h = (height - (rows - 1) * SPACING) / rows;
  guint shown_mask = 0;

  for (guint i = 0; i < self->children->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (self->children, i);
      gboolean shown = i >= a.first && i < a.first + a.n_shown;
      int col, row, w, h;

      /* A chart not on screen is not read out either. */
      if (shown != gtk_widget_get_child_visible (child))
        {
          gtk_widget_set_child_visible (child, shown);
          gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
        }
      if (!shown)
        continue;
      shown_mask |= 1u << i;
      col = (int) (i - a.first) % cols;
      row = (int) (i - a.first) / cols;
      /* The last column and row take what division leaves over. */
      w = col == cols - 1 ? width - col * (cell_w + SPACING) : cell_w;
      h = row == rows - 1 ? height - row * (cell_h + SPACING) : cell_h;
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { col * (cell_w + SPACING), row * (cell_h + SPACING), w, h },
                                -1);
    }
  /* (said after the layout: what it changes is laid out in a frame of its own) */
  if (shown_mask != self->shown)
    {
      self->shown = shown_mask;
      if (self->arranged_id == 0)
        self->arranged_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, emit_arranged, self, NULL);
    }
}

static GtkSizeRequestMode
ll_chart_grid_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
ll_chart_grid_dispose (GObject *object)
{
  LlChartGrid *self = LL_CHART_GRID (object);

  g_clear_handle_id (&self->arranged_id, g_source_remove);
  if (self->children != NULL)
    for (guint i = 0; i < self->children->len; i++)
      gtk_widget_unparent (g_ptr_array_index (self->children, i));
  g_clear_pointer (&self->children, g_ptr_array_unref);

  G_OBJECT_CLASS (ll_chart_grid_parent_class)->dispose (object);
}

static void
ll_chart_grid_class_init (LlChartGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_chart_grid_dispose;
  widget_class->measure = ll_chart_grid_measure;
  widget_class->size_allocate = ll_chart_grid_size_allocate;
  widget_class->get_request_mode = ll_chart_grid_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "chartgrid");

  /* The children on screen changed (ll_chart_grid_shows ()). */
  signals[ARRANGED] =
    g_signal_new ("arranged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ll_chart_grid_init (LlChartGrid *self)
{
  self->children = g_ptr_array_new ();
  self->alone = -1;
  self->fallback = 0;
}

GtkWidget *
ll_chart_grid_new (void)
{
  return g_object_new (LL_TYPE_CHART_GRID, NULL);
}

void
ll_chart_grid_append (LlChartGrid *self,
                      GtkWidget   *child)
{
  g_return_if_fail (LL_IS_CHART_GRID (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  g_ptr_array_add (self->children, child);
  gtk_widget_set_parent (child, GTK_WIDGET (self));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
ll_chart_grid_get_alone (LlChartGrid *self)
{
  g_return_val_if_fail (LL_IS_CHART_GRID (self), -1);

  return self->alone;
}

void
ll_chart_grid_set_alone (LlChartGrid *self,
                         int          index)
{
  g_return_if_fail (LL_IS_CHART_GRID (self));

  if (index >= (int) self->children->len)
    index = -1;
  if (self->alone == index)
    return;
  self->alone = index;
  if (index >= 0)
    self->fallback = index;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
ll_chart_grid_get_single (LlChartGrid *self)
{
  g_return_val_if_fail (LL_IS_CHART_GRID (self), 0);

  return self->alone >= 0 ? self->alone : self->fallback;
}

gboolean
ll_chart_grid_shows_all (LlChartGrid *self)
{
  g_return_val_if_fail (LL_IS_CHART_GRID (self), FALSE);

  for (guint i = 0; i < self->children->len; i++)
    if (!gtk_widget_get_child_visible (g_ptr_array_index (self->children, i)))
      return FALSE;
  return TRUE;
}

gboolean
ll_chart_grid_shows (LlChartGrid *self,
                     guint        index)
{
  g_return_val_if_fail (LL_IS_CHART_GRID (self), FALSE);
  g_return_val_if_fail (index < self->children->len, FALSE);

  return gtk_widget_get_child_visible (g_ptr_array_index (self->children, index));
}

gboolean
ll_chart_grid_fits_all (LlChartGrid *self,
                        int          height)
{
  g_return_val_if_fail (LL_IS_CHART_GRID (self), FALSE);

  return fits (self, 0, self->children->len, n_columns (self),
               gtk_widget_get_width (GTK_WIDGET (self)), height);
}
