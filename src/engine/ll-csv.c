/* ll-csv.c — the events, samples and contents CSV formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-csv.h"

/* Rows are collected here and handed to the output in large writes. */
#define CHUNK_SIZE (64 * 1024)
#define MAX_ROW 256

/* A column: its name in the header and where its value is in the row's
 * struct; every column is a guint64 but "moved", a gboolean. */
typedef struct
{
  const char *name;
  gsize       offset;
  gboolean    boolean;
} Column;

#define EVENT(field) { #field, G_STRUCT_OFFSET (LlEvent, field), FALSE }
#define SAMPLE(field) { #field, G_STRUCT_OFFSET (LlSample, field), FALSE }

static const Column event_columns[] = {
  EVENT (length), EVENT (old_capacity), EVENT (new_capacity), EVENT (old_bytes),
  EVENT (new_bytes), EVENT (bytes_added), { "moved", G_STRUCT_OFFSET (LlEvent, moved), TRUE },
  EVENT (bytes_copied), EVENT (realloc_ns), EVENT (elapsed_ns), EVENT (available_bytes),
};

static const Column sample_columns[] = {
  SAMPLE (elapsed_ns), SAMPLE (length), SAMPLE (capacity), SAMPLE (container_bytes),
  SAMPLE (objects_bytes), SAMPLE (rss_bytes), SAMPLE (available_bytes),
};

#undef EVENT
#undef SAMPLE

static const char digit_pairs[] =
  "00010203040506070809"
  "10111213141516171819"
  "20212223242526272829"
  "30313233343536373839"
  "40414243444546474849"
  "50515253545556575859"
  "60616263646566676869"
  "70717273747576777879"
  "80818283848586878889"
  "90919293949596979899";

static inline guint
count_digits (guint64 value)
{
  guint n = 1;

  for (;;)
    {
      if (value < 10)
        return n;
      if (value < 100)
        return n + 1;
      if (value < 1000)
        return n + 2;
      if (value < 10000)
        return n + 3;
      value /= 10000;
      n += 4;
    }
}

gsize
ll_csv_format_u64 (char    *buf,
                   guint64  value)
{
  guint n = count_digits (value);
  char *p = buf + n;

  while (value >= 100)
    {
      guint pair = (guint) (value % 100) * 2;

      value /= 100;
      p -= 2;
      p[0] = digit_pairs[pair];
      p[1] = digit_pairs[pair + 1];
    }

  if (value >= 10)
    {
      p -= 2;
      p[0] = digit_pairs[value * 2];
      p[1] = digit_pairs[value * 2 + 1];
    }
  else
    *--p = (char) ('0' + value);

  return n;
}

/* The row's columns, comma-separated, without the newline. */
static gsize
format_row (char         *buf,
            gconstpointer row,
            const Column *columns,
            guint         n_columns)
{
  char *p = buf;

  for (guint i = 0; i < n_columns; i++)
    {
      const guint8 *field = (const guint8 *) row + columns[i].offset;
      guint64 value = columns[i].boolean ? (*(const gboolean *) field != FALSE)
                                         : *(const guint64 *) field;

      if (i > 0)
        *p++ = ',';
      p += ll_csv_format_u64 (p, value);
    }

  return p - buf;
}

gsize
ll_csv_format_event (char          *buf,
                     const LlEvent *event)
{
  g_return_val_if_fail (buf != NULL, 0);
  g_return_val_if_fail (event != NULL, 0);

  return format_row (buf, event, event_columns, G_N_ELEMENTS (event_columns));
}

gsize
ll_csv_format_sample (char           *buf,
                      const LlSample *sample)
{
  g_return_val_if_fail (buf != NULL, 0);
  g_return_val_if_fail (sample != NULL, 0);

  return format_row (buf, sample, sample_columns, G_N_ELEMENTS (sample_columns));
}

typedef struct
{
  LlOutput *output;
  gsize     used;
  char      data[CHUNK_SIZE];
} Chunk;

static gboolean
chunk_flush (Chunk   *chunk,
             GError **error)
{
  gsize used = chunk->used;

  chunk->used = 0;
  return ll_output_write (chunk->output, chunk->data, used, error);
}

/* Room for one more row (and its newline), flushing if needed. */
static inline gboolean
chunk_reserve (Chunk   *chunk,
               GError **error)
{
  if (CHUNK_SIZE - chunk->used >= MAX_ROW + 1)
    return TRUE;
  return chunk_flush (chunk, error);
}

/* How the two kinds of bucket look to the writer: where the count and the
 * first and last rows are, and how a row is written. */
typedef struct
{
  const char *header;   /* with its newline */
  gsize       stride;
  gsize       count_offset;
  gsize       first_offset;
  gsize       last_offset;
  gsize     (*format) (char *buf, gconstpointer row);
} BucketLayout;

static gsize
format_event (char          *buf,
              gconstpointer  row)
{
  return ll_csv_format_event (buf, row);
}

static gsize
format_sample (char          *buf,
               gconstpointer  row)
{
  return ll_csv_format_sample (buf, row);
}

static const BucketLayout event_layout = {
  LL_EVENTS_CSV_HEADER "\n", sizeof (LlEventBucket), G_STRUCT_OFFSET (LlEventBucket, count),
  G_STRUCT_OFFSET (LlEventBucket, first), G_STRUCT_OFFSET (LlEventBucket, last), format_event,
};

static const BucketLayout sample_layout = {
  LL_SAMPLES_CSV_HEADER "\n", sizeof (LlSampleBucket), G_STRUCT_OFFSET (LlSampleBucket, count),
  G_STRUCT_OFFSET (LlSampleBucket, first), G_STRUCT_OFFSET (LlSampleBucket, last), format_sample,
};

static gboolean
chunk_add_row (Chunk               *chunk,
               const BucketLayout  *layout,
               gconstpointer        row,
               GError             **error)
{
  if (!chunk_reserve (chunk, error))
    return FALSE;
  chunk->used += layout->format (chunk->data + chunk->used, row);
  chunk->data[chunk->used++] = '\n';
  return TRUE;
}

/* The header, then each bucket's first row and, when it holds more than
 * one, its last. */
static gboolean
write_buckets (LlOutput            *output,
               const BucketLayout  *layout,
               gconstpointer        buckets,
               gsize                n_buckets,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autofree Chunk *chunk = NULL;

  if (!ll_output_write (output, layout->header, strlen (layout->header), error))
    return FALSE;

  chunk = g_new (Chunk, 1);
  chunk->output = output;
  chunk->used = 0;

  for (gsize i = 0; i < n_buckets; i++)
    {
      const guint8 *bucket = (const guint8 *) buckets + i * layout->stride;
      guint64 count = *(const guint64 *) (bucket + layout->count_offset);

      /* A cancel is seen within a few milliseconds of rows. */
      if ((i & 0xffff) == 0xffff && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (count == 0)
        continue;
      if (!chunk_add_row (chunk, layout, bucket + layout->first_offset, error))
        return FALSE;
      if (count > 1 && !chunk_add_row (chunk, layout, bucket + layout->last_offset, error))
        return FALSE;
    }

  return chunk_flush (chunk, error);
}

gboolean
ll_csv_write_events (LlOutput             *output,
                     const LlEventBucket  *buckets,
                     gsize                 n_buckets,
                     GCancellable         *cancellable,
                     GError              **error)
{
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (buckets != NULL || n_buckets == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_buckets (output, &event_layout, buckets, n_buckets, cancellable, error);
}

gboolean
ll_csv_write_samples (LlOutput              *output,
                      const LlSampleBucket  *buckets,
                      gsize                  n_buckets,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (buckets != NULL || n_buckets == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_buckets (output, &sample_layout, buckets, n_buckets, cancellable, error);
}

/* Parsing */

static char *
quote_field (const char *start,
             gsize       length)
{
  g_autofree char *valid = g_utf8_make_valid (start, MIN (length, 40));

  return length > 40 ? g_strconcat (valid, "…", NULL) : g_steal_pointer (&valid);
}

/* Reads @line into the @n_columns columns of @row, which changes only if
 * the whole line reads. A single line ending ("\n" or "\r\n") is allowed,
 * so lines read from a file work as is. */
static gboolean
parse_row (const char    *line,
           const Column  *columns,
           guint          n_columns,
           const char    *what,
           const char    *header,
           gpointer       row,
           GError       **error)
{
  const char *end = line + strlen (line);
  const char *p = line;
  guint64 values[G_N_ELEMENTS (event_columns)];  /* the widest row */
  guint n_found = 1;

  g_assert (n_columns <= G_N_ELEMENTS (values));

  if (end > line && end[-1] == '\n')
    {
      end--;
      if (end > line && end[-1] == '\r')
        end--;
    }

  for (const char *q = line; q < end; q++)
    if (*q == ',')
      n_found++;

  if (n_found != n_columns)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The row has %u field; %s rows have %u (%s)",
                                "The row has %u fields; %s rows have %u (%s)",
                                n_found),
                   n_found, what, n_columns, header);
      return FALSE;
    }

  for (guint i = 0; i < n_columns; i++)
    {
      const char *start = p;
      const char *field_end = p;
      g_autofree char *shown = NULL;
      guint64 value = 0;
      gboolean digits = TRUE, overflow = FALSE;

      while (field_end < end && *field_end != ',')
        field_end++;

      for (; p < field_end; p++)
        {
          guint digit = (guint) (*p - '0');

          if (!g_ascii_isdigit (*p))
            digits = FALSE;
          else if (value > (G_MAXUINT64 - digit) / 10)
            overflow = TRUE;
          else
            value = value * 10 + digit;
        }

      if (field_end == start)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Field %u (%s) is empty: it must be a whole number"),
                       i + 1, columns[i].name);
          return FALSE;
        }

      shown = quote_field (start, field_end - start);
      if (!digits)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Field %u (%s) is “%s”, not a whole number: only the digits 0–9 are allowed"),
                       i + 1, columns[i].name, shown);
          return FALSE;
        }
      if (overflow)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Field %u (%s) is “%s”, which is too large: the most is %s"),
                       i + 1, columns[i].name, shown, "18446744073709551615");
          return FALSE;
        }
      if (columns[i].boolean && value > 1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Field %u (%s) is “%s”: it must be 0 or 1"),
                       i + 1, columns[i].name, shown);
          return FALSE;
        }

      values[i] = value;
      p = field_end + 1;
    }

  for (guint i = 0; i < n_columns; i++)
    {
      guint8 *field = (guint8 *) row + columns[i].offset;

      if (columns[i].boolean)
        *(gboolean *) field = values[i] != 0;
      else
        *(guint64 *) field = values[i];
    }
  return TRUE;
}

gboolean
ll_csv_parse_event (const char  *line,
                    LlEvent     *event,
                    GError     **error)
{
  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_row (line, event_columns, G_N_ELEMENTS (event_columns), _("events"),
                    LL_EVENTS_CSV_HEADER, event, error);
}

gboolean
ll_csv_parse_sample (const char  *line,
                     LlSample    *sample,
                     GError     **error)
{
  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (sample != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_row (line, sample_columns, G_N_ELEMENTS (sample_columns), _("samples"),
                    LL_SAMPLES_CSV_HEADER, sample, error);
}
