/* ll-chart-board.h — the charts, their zoom and scales, and the reallocations table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ll-chart-axes.h"
#include "ll-chart-view.h"
#include "ll-comparison-table.h"
#include "ll-event-table.h"

G_BEGIN_DECLS

#define LL_TYPE_CHART_BOARD (ll_chart_board_get_type ())

G_DECLARE_FINAL_TYPE (LlChartBoard, ll_chart_board, LL, CHART_BOARD, GtkWidget)

/* Every chart at once, or one alone ("visible-chart": "all" or a chart's
 * name); zoom and scales shared through one LlChartAxes; the reallocations
 * table below them ("show-table"). Selecting a row marks its reallocation
 * on every chart, and clicking one on a chart selects its row. */
GtkWidget    *ll_chart_board_new          (void);
LlChartView  *ll_chart_board_get_view     (LlChartBoard        *self,
                                           LlChartKind          kind);
/* Where @kind's chart is on screen, relative to @target; for LL_N_CHARTS,
 * the box around all the charts shown. FALSE when none is. */
gboolean      ll_chart_board_get_chart_bounds (LlChartBoard    *self,
                                               guint            kind,
                                               GtkWidget       *target,
                                               graphene_rect_t *bounds);
LlChartAxes  *ll_chart_board_get_axes     (LlChartBoard        *self);
LlEventTable *ll_chart_board_get_table    (LlChartBoard        *self);
/* Shows the table and, once it is laid out, scrolls the page holding the
 * board so that the table's selected row, or else its first rows, are in
 * view (as "show-table" does when it shows the table). */
void          ll_chart_board_reveal_table (LlChartBoard        *self);
LlComparisonTable *ll_chart_board_get_comparison (LlChartBoard *self);
/* @data as ll_chart_view_set_data () takes it, for every chart. */
void          ll_chart_board_set_data     (LlChartBoard        *self,
                                           const LlChartData   *data);
/* The same while a run goes on, every frame: each chart gets the data and
 * at most two draw it, in turn, so that a frame's work stays bounded
 * however many charts are shown; the others show it a frame later. */
void          ll_chart_board_set_live_data (LlChartBoard        *self,
                                            const LlChartData   *data);
/* Each chart gets the data and none draws it yet: they show what they
 * drew before until they catch up, in turn. */
void          ll_chart_board_set_data_later (LlChartBoard       *self,
                                             const LlChartData  *data);
/* The next charts in turn that are behind draw what they have. */
void          ll_chart_board_catch_up      (LlChartBoard        *self);
/* The run's history for the table: after every update of @view. */
void          ll_chart_board_set_history  (LlChartBoard        *self,
                                           const LlHistoryView *view);
void          ll_chart_board_set_units    (LlChartBoard        *self,
                                           LlUnits              units);
void          ll_chart_board_set_memory_context (LlChartBoard  *self,
                                                 guint64        reserve_bytes,
                                                 guint64        total_bytes);
void          ll_chart_board_set_next_growth (LlChartBoard     *self,
                                              guint64           bytes);
/* Comparisons being computed, 0…1, beside the charts; < 0 hides it. */
void          ll_chart_board_set_compare_progress (LlChartBoard *self,
                                                   double        fraction,
                                                   gboolean      interpreter);
const char   *ll_chart_board_get_visible_chart (LlChartBoard   *self);
void          ll_chart_board_set_visible_chart (LlChartBoard   *self,
                                                const char     *name);
/* The chart the user looks at: the one shown alone, or the focused one. */
LlChartKind   ll_chart_board_get_current_kind  (LlChartBoard   *self);

G_END_DECLS
