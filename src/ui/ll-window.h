/* ll-window.h — List Lab's main window: set up a run, watch it, keep it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-chart-board.h"
#include "ll-controls.h"
#include "ll-run.h"
#include "ll-run-set.h"
#include "ll-summary-view.h"

G_BEGIN_DECLS

#define LL_TYPE_WINDOW (ll_window_get_type ())

G_DECLARE_FINAL_TYPE (LlWindow, ll_window, LL, WINDOW, AdwApplicationWindow)

LlWindow     *ll_window_new              (GtkApplication *application);

/* Command-line choices: any may be NULL. Fails, changing nothing, when one
 * is not a valid name or size. With @start, the run begins once the window
 * is shown. */
gboolean      ll_window_apply_options    (LlWindow       *self,
                                          const char     *policy,
                                          const char     *target,
                                          const char     *element,
                                          gboolean        start,
                                          GError        **error);

LlControls   *ll_window_get_controls     (LlWindow       *self);
LlSummaryView    *ll_window_get_summary      (LlWindow       *self);
LlChartView  *ll_window_get_chart_view   (LlWindow       *self,
                                          LlChartKind     kind);
LlChartBoard *ll_window_get_board        (LlWindow       *self);
/* The current run and the runs kept to compare with it. */
LlRunSet     *ll_window_get_runs         (LlWindow       *self);
/* The current or last run, or NULL; and its engine. */
LlRun        *ll_window_get_run          (LlWindow       *self);
LlEngine     *ll_window_get_engine       (LlWindow       *self);
gboolean      ll_window_is_running       (LlWindow       *self);
LlEngineState ll_window_get_run_state    (LlWindow       *self);
/* The sentence that says how the last run ended ("Reached the target …"). */
const char   *ll_window_get_status_text  (LlWindow       *self);
/* Runs use this memory probe instead of the real system (tests). */
void          ll_window_set_mem_probe    (LlWindow       *self,
                                          LlMemProbeFunc  probe,
                                          gpointer        probe_data);
/* The units of sizes in the summary and the charts. */
LlUnits       ll_window_get_units        (LlWindow       *self);
void          ll_window_set_units        (LlWindow       *self,
                                          LlUnits         units);
/* The sidebar's fold: its state is saved with the window's. */
AdwFlap      *ll_window_get_flap         (LlWindow       *self);
/* Shows a short message over the window's content. Takes @toast. */
void          ll_window_add_toast        (LlWindow       *self,
                                          AdwToast       *toast);
/* Runs read from a file (@source: its name, as shown): they join the run
 * list; with no run in the window yet, the first real one (else the first)
 * is shown as the run. Files opened together share a @group (not 0): one
 * toast counts them all, the one shown as the run too. */
void          ll_window_add_runs         (LlWindow       *self,
                                          GPtrArray      *runs,
                                          const char     *source,
                                          guint           group);
/* Saving and opening runs (ll-run-files.h). */
struct _LlRunFiles *ll_window_get_run_files (LlWindow *self);
/* The Export menu's actions and exports (ll-export-controller.h). */
struct _LlExportController *ll_window_get_export_controller (LlWindow *self);

G_END_DECLS
