/* ll-summary-view.h — the live figures of a run and its progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-engine.h"
#include "ll-fit.h"
#include "ll-size.h"

G_BEGIN_DECLS

typedef enum
{
  LL_FIGURE_LENGTH,
  LL_FIGURE_CAPACITY,
  LL_FIGURE_CONTAINER,
  LL_FIGURE_OBJECTS,
  LL_FIGURE_SLACK,
  LL_FIGURE_REALLOCATIONS,
  LL_FIGURE_MOVED,
  LL_FIGURE_SLOWEST,
  LL_FIGURE_ELAPSED,
  LL_FIGURE_RATE,
  LL_FIGURE_FREE_NOW,
  LL_FIGURE_FREE_START,
  LL_N_FIGURES
} LlFigure;

typedef struct
{
  gboolean          has_run;
  gboolean          simulated;           /* nothing allocated, nothing timed */
  LlEngineStatus    status;
  LlHistoryCounters counters;
  LlElement         element;
  LlUnits           units;
  double            appends_per_second;  /* < 0: not known yet */
  guint64           available_bytes;     /* free memory now (within @limit_bytes); 0: unknown */
  guint64           limit_bytes;         /* the container's memory limit, or LL_NO_LIMIT */
  double            progress;            /* 0…1 toward the target; < 0: none */
  guint64           eta_ns;              /* G_MAXUINT64: unknown */
  gboolean          running;             /* started, or about to start */
  gboolean          has_forecast;        /* a running list's next growth, or
                                          * a kept one's growth after its run: */
  LlForecast        forecast;
} LlSummaryInfo;

#define LL_TYPE_SUMMARY_VIEW (ll_summary_view_get_type ())

G_DECLARE_FINAL_TYPE (LlSummaryView, ll_summary_view, LL, SUMMARY_VIEW, AdwBin)

GtkWidget  *ll_summary_view_new        (void);
void        ll_summary_view_update     (LlSummaryView           *self,
                                   const LlSummaryInfo *info);
/* The texts shown now, for tests and accessibility checks. */
const char *ll_summary_view_get_value  (LlSummaryView           *self,
                                   LlFigure             figure);
const char *ll_summary_view_get_detail (LlSummaryView           *self,
                                   LlFigure             figure);
double      ll_summary_view_get_progress (LlSummaryView         *self);
/* What the line under the progress bar says of the next growth ("" when
 * nothing), and whether it warns. */
const char *ll_summary_view_get_forecast (LlSummaryView         *self,
                                          gboolean              *warns);
/* What shows where the progress will be, before a run (the window's
 * example button); the progress and the next growth take its height. */
GtkWidget  *ll_summary_view_get_idle_child (LlSummaryView       *self);
void        ll_summary_view_set_idle_child (LlSummaryView       *self,
                                            GtkWidget           *child);
/* All twelve figures, or ("expanded" FALSE) the main five in one row. */
gboolean    ll_summary_view_get_expanded (LlSummaryView         *self);
void        ll_summary_view_set_expanded (LlSummaryView         *self,
                                          gboolean               expanded);
/* Whether @figure is on screen in the current mode. */
gboolean    ll_summary_view_shows      (LlSummaryView           *self,
                                        LlFigure                 figure);

G_END_DECLS
