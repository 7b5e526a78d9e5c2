/* ll-chart-grid.c — the charts side by side, or one of them alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ll-chart-grid.h"

#define SPACING 12

struct _LlChartGrid
{
  GtkWidget  parent_instance;

  GPtrArray *children;
  int        alone;      /* -1: all */
  int        fallback;   /* shown when all do not fit */
  gboolean   shows_all;
};

G_DEFINE_FINAL_TYPE (LlChartGrid, ll_chart_grid, GTK_TYPE_WIDGET)

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

static gboolean
all_fit (LlChartGrid *self,
         int          width,
         int          height)
{
  int cols = (int) n_columns (self), rows = (int) n_rows (self);

  for (guint i = 0; i < self->children->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (self->children, i);
      int min_w, min_h;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      if ((width - (cols - 1) * SPACING) / cols < min_w ||
          (height - (rows - 1) * SPACING) / rows < min_h)
        return FALSE;
    }
  return TRUE;
}

static void
ll_chart_grid_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LlChartGrid *self = LL_CHART_GRID (widget);
  int single = self->alone >= 0 ? self->alone : self->fallback;
  int cols, rows, cell_w, cell_h;

  self->shows_all = self->alone < 0 && all_fit (self, width, height);
  cols = (int) n_columns (self);
  rows = (int) n_rows (self);
  cell_w = (width - (cols - 1) * SPACING) / cols;
  cell_h = (height - (rows - 1) * SPACING) / rows;

  for (guint i = 0; i < self->children->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (self->children, i);
      gboolean shown = self->shows_all || (int) i == single;

      gtk_widget_set_child_visible (child, shown);
      if (!shown)
        continue;
      if (self->shows_all)
        {
          int col = (int) i % cols, row = (int) i / cols;
          /* The last column and row take what division leaves over. */
          int w = col == cols - 1 ? width - col * (cell_w + SPACING) : cell_w;
          int h = row == rows - 1 ? height - row * (cell_h + SPACING) : cell_h;

          gtk_widget_size_allocate (child,
                                    &(GtkAllocation) { col * (cell_w + SPACING), row * (cell_h + SPACING), w, h },
                                    -1);
        }
      else
        gtk_widget_size_allocate (child, &(GtkAllocation) { 0, 0, width, height }, -1);
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

  return self->shows_all;
}
