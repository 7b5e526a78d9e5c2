/* ll-chart-axes.h — what the charts on screen show of their axes: zoom and scales
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ll-chart.h"

G_BEGIN_DECLS

#define LL_TYPE_CHART_AXES (ll_chart_axes_get_type ())

G_DECLARE_FINAL_TYPE (LlChartAxes, ll_chart_axes, LL, CHART_AXES, GObject)

/* Shared by the chart views of a window: the charts with a length axis zoom
 * together; the memory chart zooms in time. "changed" is emitted after any
 * change; "zoomed", "log-length" and "log-y" are properties. */
LlChartAxes *ll_chart_axes_new          (void);
void         ll_chart_axes_get_range    (LlChartAxes        *self,
                                         LlChartKind         kind,
                                         LlChartRange       *range);
/* An empty range shows everything. */
void         ll_chart_axes_set_range    (LlChartAxes        *self,
                                         LlChartKind         kind,
                                         const LlChartRange *range);
gboolean     ll_chart_axes_get_zoomed   (LlChartAxes        *self);
void         ll_chart_axes_reset        (LlChartAxes        *self);
gboolean     ll_chart_axes_get_log_length (LlChartAxes      *self);
void         ll_chart_axes_set_log_length (LlChartAxes      *self,
                                           gboolean          log);
gboolean     ll_chart_axes_get_log_y    (LlChartAxes        *self);
void         ll_chart_axes_set_log_y    (LlChartAxes        *self,
                                         gboolean            log);
/* Puts the ranges and scales into @options. */
void         ll_chart_axes_apply        (LlChartAxes        *self,
                                         LlChartOptions     *options);

G_END_DECLS
