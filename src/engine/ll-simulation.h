/* ll-simulation.h — a policy's reallocations, computed without allocating the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-history.h"
#include "ll-run-config.h"

G_BEGIN_DECLS

/* Gets the events in batches, in order, as they are computed (a CSV
 * writer, say: the history keeps every event only up to its bucket cap).
 * Returning FALSE with @error stops the simulation. */
typedef gboolean (*LlSimulationSink) (const LlEvent  *events,
                                      gsize           n_events,
                                      gpointer        user_data,
                                      GError        **error);

/* Called between batches with the length reached and the target's kind of
 * figure (bytes or elements) reached so far. */
typedef void     (*LlSimulationProgress) (guint64  length,
                                          guint64  metric,
                                          gpointer user_data);

/* Follows the growth stepper from @config's initial list to its target,
 * as a real run would, recording every reallocation in @history (its
 * start and end too) and handing it to @sink. Events carry what is known
 * without running: capacities and container bytes (saturating), and with
 * the copy mechanism the bytes copied; no times, no free memory. Checks
 * @cancellable between batches (G_IO_ERROR_CANCELLED); @history keeps
 * what was computed until then. */
gboolean ll_simulate (const LlRunConfig     *config,
                      LlHistory             *history,
                      LlSimulationSink       sink,
                      gpointer               sink_data,
                      LlSimulationProgress   progress,
                      gpointer               progress_data,
                      GCancellable          *cancellable,
                      GError               **error);

G_END_DECLS
