/* ll-engine.h — a real growable array, grown on its own thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-contents.h"
#include "ll-history.h"
#include "ll-run-config.h"

G_BEGIN_DECLS

typedef enum
{
  LL_ENGINE_IDLE,      /* created, not started */
  LL_ENGINE_RUNNING,
  LL_ENGINE_FINISHED,  /* stopped for a reason below; the list stays in memory */
  LL_ENGINE_RELEASED,  /* the list was freed */
} LlEngineState;

typedef enum
{
  LL_STOP_NONE,        /* still running or never started */
  LL_STOP_TARGET,      /* reached the target */
  LL_STOP_CANCELLED,   /* ll_engine_cancel () */
  LL_STOP_RESERVE,     /* growing further would eat into the memory reserve */
  LL_STOP_NO_MEMORY,   /* an allocation failed; everything so far is kept */
  LL_STOP_FAILED,      /* anything else (see ll_engine_get_error) */
} LlStopReason;

/* Live figures, readable from any thread at any time without locking. */
typedef struct
{
  LlEngineState state;
  LlStopReason  stop_reason;
  guint64       length;
  guint64       capacity;
  guint64       container_bytes;
  guint64       objects_bytes;
  guint64       elapsed_ns;
  guint64       start_available_bytes;  /* free memory: MemAvailable, or less under a limit */
  guint64       limit_bytes;            /* the container's memory limit, or LL_NO_LIMIT */
  guint64       reserve_bytes;
} LlEngineStatus;

typedef struct _LlEngine LlEngine;

/* Validates @config (copied). Fails with LL_RUN_ERROR_* and a message a
 * person can act on. Does not check the target against free memory: the
 * caller decides (ll_engine_check_fits) — the reserve holds regardless. */
LlEngine          *ll_engine_new             (const LlRunConfig *config,
                                              GError           **error);
LlEngine          *ll_engine_ref             (LlEngine          *engine);
void               ll_engine_unref           (LlEngine          *engine);

/* Is the run's estimated peak within what the system can spare now, less
 * the reserve? @reclaimable counts memory a list that is still held will
 * give back before the run starts. On FALSE, @error says target, memory
 * and reserve, and @fitting_target (if not NULL) is the largest target of
 * the same kind that fits (0 if none). */
gboolean           ll_engine_check_fits      (LlEngine          *engine,
                                              guint64            reclaimable,
                                              guint64           *fitting_target,
                                              GError           **error);
/* The memory the list holds while FINISHED (0 otherwise): what releasing
 * it gives back. */
guint64            ll_engine_get_resident_bytes (LlEngine       *engine);

/* Starts the engine thread and the sampler thread. The run's clock starts
 * here: building the initial list is its first phase (without an event, as
 * in the simulation). */
void               ll_engine_start           (LlEngine          *engine);
/* Asks the run to stop; returns at once. The engine notices within 100 ms,
 * also in the middle of a long fill. */
void               ll_engine_cancel          (LlEngine          *engine);
/* Waits until both threads ended. */
void               ll_engine_join            (LlEngine          *engine);
/* Calls @callback on the main context that is thread-default for the
 * caller, once the run ended (soon, if it already has); return
 * G_SOURCE_REMOVE from it. Not called if the engine is freed first. */
void               ll_engine_set_finished_callback (LlEngine    *engine,
                                                    GSourceFunc  callback,
                                                    gpointer     user_data,
                                                    GDestroyNotify destroy);

void               ll_engine_get_status      (LlEngine          *engine,
                                              LlEngineStatus    *status);
const LlRunConfig *ll_engine_get_config      (LlEngine          *engine);
LlHistory         *ll_engine_get_history     (LlEngine          *engine);
/* Set once the run ended with LL_STOP_NO_MEMORY or LL_STOP_FAILED. */
const GError      *ll_engine_get_error       (LlEngine          *engine);

/* After the run: element i of the list (i for int models and boxed, 1 for
 * shared), for exports and tests. Only while FINISHED. */
gint64             ll_engine_get_value       (LlEngine          *engine,
                                              guint64            index);
/* Writes the contents one value a line ("0\n1\n…") to @output and flushes
 * it (ll_contents_write ()); only while FINISHED: G_IO_ERROR_BUSY before,
 * G_IO_ERROR_CLOSED once released. */
gboolean           ll_engine_write_contents  (LlEngine          *engine,
                                              LlOutput          *output,
                                              GCancellable      *cancellable,
                                              LlContentsProgress progress,
                                              gpointer           user_data,
                                              GError           **error);
/* Frees the list (FINISHED -> RELEASED). The history stays, with one more
 * sample taken after the memory was freed (length 0) so that memory charts
 * show it coming back. */
void               ll_engine_release         (LlEngine          *engine);

/* Stable names: "none", "target", "cancelled", "reserve", "no-memory",
 * "failed". */
const char        *ll_stop_reason_to_string  (LlStopReason       reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlEngine, ll_engine_unref)

G_END_DECLS
