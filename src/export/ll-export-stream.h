/* ll-export-stream.h — a simulation's events written as they are computed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-history.h"
#include "ll-output.h"

G_BEGIN_DECLS

/* An events CSV written row by row: every event of a simulation, however
 * many, while the history keeps only buckets of them. It writes into an
 * output of the caller's, who commits it (atomically, as every export)
 * once the simulation succeeded. */
typedef struct _LlExportStream LlExportStream;

/* Writes the header to @output, which must outlive the stream. */
LlExportStream *ll_export_stream_new_events (LlOutput        *output,
                                             GError         **error);
/* An LlSimulationSink: @stream is the LlExportStream. */
gboolean        ll_export_stream_add_events (const LlEvent   *events,
                                             gsize            n_events,
                                             gpointer         stream,
                                             GError         **error);
void            ll_export_stream_free       (LlExportStream  *stream);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlExportStream, ll_export_stream_free)

G_END_DECLS
