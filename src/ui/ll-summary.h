/* ll-summary.h — the live figures of a run and its progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-engine.h"
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
  LlEngineStatus    status;
  LlHistoryCounters counters;
  LlElement         element;
  LlUnits           units;
  double            appends_per_second;  /* < 0: not known yet */
  guint64           available_bytes;     /* MemAvailable now; 0: unknown */
  double            progress;            /* 0…1 toward the target; < 0: none */
  guint64           eta_ns;              /* G_MAXUINT64: unknown */
} LlSummaryInfo;

#define LL_TYPE_SUMMARY (ll_summary_get_type ())

G_DECLARE_FINAL_TYPE (LlSummary, ll_summary, LL, SUMMARY, AdwBin)

GtkWidget  *ll_summary_new        (void);
void        ll_summary_update     (LlSummary           *self,
                                   const LlSummaryInfo *info);
/* The texts shown now, for tests and accessibility checks. */
const char *ll_summary_get_value  (LlSummary           *self,
                                   LlFigure             figure);
const char *ll_summary_get_detail (LlSummary           *self,
                                   LlFigure             figure);
double      ll_summary_get_progress (LlSummary         *self);

G_END_DECLS
