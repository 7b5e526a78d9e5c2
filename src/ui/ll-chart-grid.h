/* ll-chart-grid.h — the charts side by side, or one of them alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LL_TYPE_CHART_GRID (ll_chart_grid_get_type ())

G_DECLARE_FINAL_TYPE (LlChartGrid, ll_chart_grid, LL, CHART_GRID, GtkWidget)

/* Lays out its children in two columns (small multiples), or in one row
 * when the grid is wide and short (whichever shapes a chart better); with a child shown alone, only that
 * one, as large as the grid. When the grid is too small for all of them to
 * be readable, it shows the row of two holding the one last shown alone
 * (the first, at first), or that one alone: a small window still has a
 * chart worth reading. */
GtkWidget *ll_chart_grid_new        (void);
void       ll_chart_grid_append     (LlChartGrid *self,
                                     GtkWidget   *child);
/* -1: all of them. */
int        ll_chart_grid_get_alone  (LlChartGrid *self);
void       ll_chart_grid_set_alone  (LlChartGrid *self,
                                     int          index);
/* The child shown when only one is: the one alone, or the one last alone. */
int        ll_chart_grid_get_single (LlChartGrid *self);
/* Whether every child is on screen now; whether child @index is. */
gboolean   ll_chart_grid_shows_all  (LlChartGrid *self);
gboolean   ll_chart_grid_shows      (LlChartGrid *self,
                                     guint        index);
/* Whether all would have room in two columns at the grid's width and
 * @height. */
gboolean   ll_chart_grid_fits_all   (LlChartGrid *self,
                                     int          height);

G_END_DECLS
