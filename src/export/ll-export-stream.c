/* ll-export-stream.c — a simulation's events written as they are computed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ll-csv.h"
#include "ll-export-stream.h"
#include "ll-output.h"

struct _LlExportStream
{
  LlOutput *output;
};

LlExportStream *
ll_export_stream_new_events (LlOutput  *output,
                             GError   **error)
{
  LlExportStream *stream;

  g_return_val_if_fail (output != NULL, NULL);

  if (!ll_output_printf (output, error, "%s\n", LL_EVENTS_CSV_HEADER))
    return NULL;

  stream = g_new0 (LlExportStream, 1);
  stream->output = output;
  return stream;
}

gboolean
ll_export_stream_add_events (const LlEvent  *events,
                             gsize           n_events,
                             gpointer        user_data,
                             GError        **error)
{
  LlExportStream *stream = user_data;

  g_return_val_if_fail (stream != NULL, FALSE);

  for (gsize i = 0; i < n_events; i++)
    {
      char row[320];
      gsize length = ll_csv_format_event (row, &events[i]);

      row[length++] = '\n';
      if (!ll_output_write (stream->output, row, length, error))
        return FALSE;
    }

  return TRUE;
}

void
ll_export_stream_free (LlExportStream *stream)
{
  if (stream == NULL)
    return;

  g_free (stream);
}
