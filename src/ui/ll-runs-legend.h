/* ll-runs-legend.h — one legend naming the runs that all the charts show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ll-chart-view.h"

G_BEGIN_DECLS

#define LL_TYPE_RUNS_LEGEND (ll_runs_legend_get_type ())

G_DECLARE_FINAL_TYPE (LlRunsLegend, ll_runs_legend, LL, RUNS_LEGEND, GtkWidget)

/* Over several runs, each run's name after a swatch of its line as the
 * charts draw it (colour, dash, mark), in as many rows as the width needs,
 * drawn as exports draw it (ll_chart_draw_runs_legend); hidden over a
 * single run. */
GtkWidget *ll_runs_legend_new        (void);
/* The chart whose colours and text size it takes. */
void       ll_runs_legend_set_source (LlRunsLegend      *self,
                                      LlChartView       *view);
/* The runs of @data (their names and styles, copied); cheap when they are
 * the same as before, as during a run. */
void       ll_runs_legend_set_data   (LlRunsLegend      *self,
                                      const LlChartData *data);
/* The run names shown, in order: NULL-terminated, g_strfreev. */
char     **ll_runs_legend_get_names  (LlRunsLegend      *self);

G_END_DECLS
