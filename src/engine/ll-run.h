/* ll-run.h — one run: a real list grown by the engine, or a simulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-comparison.h"
#include "ll-engine.h"
#include "ll-fit.h"
#include "ll-history-view.h"
#include "ll-run-config.h"
#include "ll-simulation.h"

G_BEGIN_DECLS

typedef enum
{
  LL_RUN_REAL,       /* a real list, grown by the engine on its own thread */
  LL_RUN_SIMULATED,  /* the policy's reallocations, computed: no memory used */
  LL_RUN_INTERPRETER,/* the same experiment in a real interpreter (ll-verify.h):
                      * its growths, as sys.getsizeof saw them, and its RSS */
} LlRunKind;

/* How far a run has come, and how fast: what progress bars and summaries
 * show, computed in one place. */
typedef struct
{
  double  fraction;            /* 0…1 toward the target */
  double  appends_per_second;  /* < 0: not known yet */
  guint64 eta_ns;              /* G_MAXUINT64: not known */
  guint64 final_length;        /* estimated, 0 until known */
} LlRunProgress;

#define LL_TYPE_RUN (ll_run_get_type ())

G_DECLARE_FINAL_TYPE (LlRun, ll_run, LL, RUN, GObject)

/* Validates @config (copied); fails with LL_RUN_ERROR_INVALID. A real run
 * starts its engine only at ll_run_start (). */
LlRun             *ll_run_new                 (LlRunKind            kind,
                                               const LlRunConfig   *config,
                                               GError             **error);

/* A run read back from a file (ll-run-file.c): @history as it was saved
 * and @status its figures at its end; FINISHED, or RELEASED for a real run
 * (its list is long gone). @title: the name the user gave it, or NULL;
 * @error_message: why it failed, or NULL. Never starts. */
LlRun             *ll_run_new_saved           (LlRunKind             kind,
                                               const LlRunConfig    *config,
                                               const char           *title,
                                               LlHistory            *history,
                                               const LlEngineStatus *status,
                                               const char           *error_message,
                                               GError              **error);
/* TRUE for a run read back from a file. */
gboolean           ll_run_is_saved            (LlRun               *self);
/* What made an interpreter's run, "Python 3.11.7"; NULL for others. Set
 * before the run is shown: its title and short title say it. */
const char        *ll_run_get_source          (LlRun               *self);
void               ll_run_set_source          (LlRun               *self,
                                               const char          *source);
/* Whether the user renamed the run (its title is then theirs). */
gboolean           ll_run_is_renamed          (LlRun               *self);

LlRunKind          ll_run_get_kind            (LlRun               *self);
/* Unique in the process, counting from 1. */
guint              ll_run_get_id              (LlRun               *self);
const LlRunConfig *ll_run_get_config          (LlRun               *self);
LlHistory         *ll_run_get_history         (LlRun               *self);
/* The engine of a real run, NULL for a simulation. */
LlEngine          *ll_run_get_engine          (LlRun               *self);

/* What the run is called: "CPython 3.9+ · Shared object · 10.00 GB" until
 * it is renamed. The "title" property notifies. */
const char        *ll_run_get_title           (LlRun               *self);
/* Its name beside other runs, in a legend or a table: the name the user
 * gave it, else the policy's short name, and "(real)" for a real run. */
char              *ll_run_dup_short_title     (LlRun               *self);
/* Renames the run; an empty @title (or its own) gives it its own back. */
void               ll_run_set_title           (LlRun               *self,
                                               const char          *title);
/* The short title the run has of its own, whatever it was renamed or
 * numbered: runs of the same default name get numbers to tell them
 * apart. */
char              *ll_run_dup_default_name    (LlRun               *self);
/* Which run of that default name this is: from 2 on, its own titles say
 * so ("CPython 3.9+ (real) #2"); 0 or 1, they do not. */
guint              ll_run_get_ordinal         (LlRun               *self);
void               ll_run_set_ordinal         (LlRun               *self,
                                               guint                ordinal);

/* The "state" property: IDLE until started, RUNNING, FINISHED, and for a
 * real run RELEASED once its list is freed (the history stays). */
/* Among other runs (a run list): its style (colour, dash, marker) on the
 * charts, and whether they draw it. */
guint              ll_run_get_style           (LlRun               *self);
void               ll_run_set_style           (LlRun               *self,
                                               guint                style);
gboolean           ll_run_get_visible         (LlRun               *self);
void               ll_run_set_visible         (LlRun               *self,
                                               gboolean             visible);
/* A copy of the history for one reader (the main thread), made when first
 * asked for and brought up to date by ll_run_update_view () (TRUE when
 * anything changed). */
const LlHistoryView *ll_run_get_view          (LlRun               *self);
gboolean           ll_run_update_view         (LlRun               *self);

LlEngineState      ll_run_get_state           (LlRun               *self);
/* The list's figures now (a simulation's at its end), from any thread. */
void               ll_run_get_status          (LlRun               *self,
                                               LlEngineStatus      *status);
/* Why it ended, or NULL: the engine's error. */
const GError      *ll_run_get_error           (LlRun               *self);

/* What the run cost so far, from its history's exact counters; "fits"
 * against @free_bytes (0: not computed). */
void               ll_run_get_comparison      (LlRun               *self,
                                               guint64              free_bytes,
                                               LlComparison        *comparison);

/* Does the run fit in what the system can spare now, counting
 * @reclaimable bytes a list still held would give back? Fills @fit. */
gboolean           ll_run_plan                (LlRun               *self,
                                               guint64              reclaimable,
                                               LlFit               *fit,
                                               GError             **error);
/* The memory the run's list holds while FINISHED: what freeing it gives. */
guint64            ll_run_get_resident_bytes  (LlRun               *self);

/* Starts the engine thread, or the simulation on a worker thread, on the
 * caller's thread-default main context: "finished" is emitted there once
 * the run ended. */
void               ll_run_start               (LlRun               *self);
/* Computes a simulated run on the calling thread, handing every event to
 * @sink as it goes (the history keeps buckets once there are many); then
 * the run is FINISHED ("finished" is not emitted). */
gboolean           ll_run_simulate            (LlRun               *self,
                                               LlSimulationSink     sink,
                                               gpointer             sink_data,
                                               GCancellable        *cancellable,
                                               GError             **error);
/* Asks the run to stop; it notices within 100 ms. */
void               ll_run_cancel              (LlRun               *self);
/* Frees a real run's list off the main thread (FINISHED -> RELEASED). */
void               ll_run_release_async       (LlRun               *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean           ll_run_release_finish      (LlRun               *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* How far toward its target, 0…1, from any thread: a simulation being
 * computed too. */
double             ll_run_get_fraction        (LlRun               *self);
/* Progress, rate and time left. The rate is measured on the run's own
 * clock over half a second and smoothed; call it from one thread. */
void               ll_run_get_progress        (LlRun               *self,
                                               LlRunProgress       *progress);
/* How it ended, in a few words: "Reached the target of 10.00 GB",
 * "Stopped to keep 1.18 GiB free for the system (memory reserve)" … */
char              *ll_run_dup_stop_message    (LlRun               *self,
                                               LlUnits              units);

G_END_DECLS
