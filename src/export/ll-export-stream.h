/* ll-export-stream.h — a simulation's events written as they are computed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-history.h"

G_BEGIN_DECLS

/* An events CSV written row by row: every event of a simulation, however
 * many, while the history keeps only buckets of them. Atomic, as every
 * export: the file appears once committed. */
typedef struct _LlExportStream LlExportStream;

LlExportStream *ll_export_stream_new_events (const char      *path,
                                             GError         **error);
/* An LlSimulationSink: @stream is the LlExportStream. */
gboolean        ll_export_stream_add_events (const LlEvent   *events,
                                             gsize            n_events,
                                             gpointer         stream,
                                             GError         **error);
gboolean        ll_export_stream_commit     (LlExportStream  *stream,
                                             GError         **error);
/* Removes the file unless it was committed. */
void            ll_export_stream_free       (LlExportStream  *stream);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlExportStream, ll_export_stream_free)

G_END_DECLS
