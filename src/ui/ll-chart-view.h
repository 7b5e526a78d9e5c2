/* ll-chart-view.h — one of List Lab's charts as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ll-chart-axes.h"
#include "ll-chart.h"

G_BEGIN_DECLS

#define LL_TYPE_CHART_VIEW (ll_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (LlChartView, ll_chart_view, LL, CHART_VIEW, GtkWidget)

GtkWidget   *ll_chart_view_new                (LlChartKind           kind);
LlChartKind  ll_chart_view_get_kind           (LlChartView          *self);
void         ll_chart_view_set_kind           (LlChartView          *self,
                                               LlChartKind           kind);
/* The zoom and scales, shared with other views (each view has its own
 * until given one). */
LlChartAxes *ll_chart_view_get_axes           (LlChartView          *self);
void         ll_chart_view_set_axes           (LlChartView          *self,
                                               LlChartAxes          *axes);
gboolean     ll_chart_view_get_draw_title     (LlChartView          *self);
void         ll_chart_view_set_draw_title     (LlChartView          *self,
                                               gboolean              draw_title);
/* Room kept free at the right of the title's row, for a button over it. */
void         ll_chart_view_set_title_inset    (LlChartView          *self,
                                               double                inset);
/* Over several runs, a legend beside the chart names them: its own does
 * not (LlChartOptions.runs_named_apart). */
void         ll_chart_view_set_runs_named_apart (LlChartView    *self,
                                                 gboolean        apart);
/* A reallocation to point out (copied); NULL: none. */
void         ll_chart_view_set_mark           (LlChartView          *self,
                                               const LlEvent        *event);
LlUnits      ll_chart_view_get_units          (LlChartView          *self);
void         ll_chart_view_set_units          (LlChartView          *self,
                                               LlUnits               units);
/* The memory chart's reference lines: the reserve and MemTotal (0: none). */
void         ll_chart_view_set_memory_context (LlChartView          *self,
                                               guint64               reserve_bytes,
                                               guint64               total_bytes);
/* A running list's next growth: what it needs more (0: none). */
void         ll_chart_view_set_next_growth    (LlChartView          *self,
                                               guint64               bytes);
/* Points at buckets owned by the caller (an LlHistoryView), which must stay
 * valid until the next call; NULL shows an empty chart. Marks the chart as
 * changed and queues a redraw. */
void         ll_chart_view_set_data           (LlChartView          *self,
                                               const LlChartData    *data);
/* The same, while a run goes on: the chart on screen and the pointer's
 * readout stay as they were until ll_chart_view_catch_up () draws the new
 * data (or a new size, or any other change, does). */
void         ll_chart_view_set_data_later     (LlChartView          *self,
                                               const LlChartData    *data);
/* Draws data given later; FALSE when the chart was up to date. */
gboolean     ll_chart_view_catch_up           (LlChartView          *self);
const LlChartData *ll_chart_view_get_data     (LlChartView          *self);
/* The options the widget draws with now (palette from the current style),
 * so that an export can match the screen. */
void         ll_chart_view_get_options        (LlChartView          *self,
                                               LlChartOptions       *options);
/* Where the keyboard cursor is: the index of its run in the data and of
 * its point there (see ll_chart_get_n_points()); FALSE while it is not
 * shown. */
gboolean     ll_chart_view_get_cursor         (LlChartView          *self,
                                               gsize                *series,
                                               guint64              *point);
/* The readout the chart shows now, the pointer's or the keyboard
 * cursor's; NULL when none. Valid until the chart changes. */
const char  *ll_chart_view_get_readout        (LlChartView          *self);
/* Where the readout's box is drawn, in the view; FALSE when there is none. */
gboolean     ll_chart_view_get_readout_bounds (LlChartView          *self,
                                               graphene_rect_t      *bounds);
/* What screen readers are told about the chart now: the keyboard cursor's
 * readout, or what the chart shows. */
const char  *ll_chart_view_get_description    (LlChartView          *self);
/* How many times the chart itself was rendered (not the pointer overlay). */
guint        ll_chart_view_get_n_renders      (LlChartView          *self);

G_END_DECLS
