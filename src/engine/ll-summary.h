/* ll-summary.h — a run's settings and results as label/value rows
 *
 * The same rows fill the app's summary, the CLI's summary and the report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-engine.h"
#include "ll-size.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;     /* stable: "policy", "length", "slack" … */
  char *label;  /* translated */
  char *value;  /* formatted for people */
} LlSummaryRow;

void       ll_summary_row_free      (LlSummaryRow            *row);

/* Policy, what it mirrors, element model, mechanism, initial length, the
 * batch when there is one, target, reserve. */
GPtrArray *ll_summary_settings_rows (const LlRunConfig       *config,
                                     guint64                  reserve_bytes,
                                     LlUnits                  units);

/* Length, capacity, container, objects, slack, reallocations, moved,
 * bytes copied, elapsed, appends/s, slowest growth, free memory now and at
 * start. @status may come from a finished or a running engine;
 * @available_now is the latest MemAvailable. */
GPtrArray *ll_summary_result_rows   (const LlRunConfig       *config,
                                     const LlEngineStatus    *status,
                                     const LlHistoryCounters *counters,
                                     guint64                  available_now,
                                     LlUnits                  units);

G_END_DECLS
