/* ll-csv.h — the events, samples and contents CSV formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-history.h"
#include "ll-output.h"

G_BEGIN_DECLS

#define LL_EVENTS_CSV_HEADER \
  "length,old_capacity,new_capacity,old_bytes,new_bytes,bytes_added,moved,bytes_copied,realloc_ns,elapsed_ns,available_bytes"
#define LL_SAMPLES_CSV_HEADER \
  "elapsed_ns,length,capacity,container_bytes,objects_bytes,rss_bytes,available_bytes"

/* Formats one row, without the newline, into @buf (at least 256 bytes);
 * returns its length. */
gsize    ll_csv_format_event     (char           *buf,
                                  const LlEvent  *event);
gsize    ll_csv_format_sample    (char           *buf,
                                  const LlSample *sample);
/* Writes the header line then a row for each event. With merged buckets,
 * writes each bucket's first and last event (once when they are the same).
 * A cancel stops it with G_IO_ERROR_CANCELLED. */
gboolean ll_csv_write_events     (LlOutput             *output,
                                  const LlEventBucket  *buckets,
                                  gsize                 n_buckets,
                                  GCancellable         *cancellable,
                                  GError              **error);
gboolean ll_csv_write_samples    (LlOutput             *output,
                                  const LlSampleBucket *buckets,
                                  gsize                 n_buckets,
                                  GCancellable         *cancellable,
                                  GError              **error);

/* Parsing, for tests and for reading files back: */
gboolean ll_csv_parse_event      (const char     *line,
                                  LlEvent        *event,
                                  GError        **error);
gboolean ll_csv_parse_sample     (const char     *line,
                                  LlSample       *sample,
                                  GError        **error);

/* Decimal digits of @value at @buf, returns the count; no terminator. */
gsize    ll_csv_format_u64       (char           *buf,
                                  guint64         value);

G_END_DECLS
