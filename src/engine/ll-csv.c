/* ll-csv.c — the events, samples and contents CSV formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-csv.h"

#define N_EVENT_FIELDS 11
#define N_SAMPLE_FIELDS 7

/* Rows are collected here and handed to the output in large writes. */
#define CHUNK_SIZE (64 * 1024)
#define MAX_ROW 256

static const char * const event_fields[N_EVENT_FIELDS] = {
  "length", "old_capacity", "new_capacity", "old_bytes", "new_bytes", "bytes_added",
  "moved", "bytes_copied", "realloc_ns", "elapsed_ns", "available_bytes",
};

static const char * const sample_fields[N_SAMPLE_FIELDS] = {
  "elapsed_ns", "length", "capacity", "container_bytes", "objects_bytes", "rss_bytes",
  "available_bytes",
};

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

static inline char *
put_field (char    *p,
           guint64  value)
{
  p += ll_csv_format_u64 (p, value);
  *p++ = ',';
  return p;
}

gsize
ll_csv_format_event (char          *buf,
                     const LlEvent *event)
{
  char *p = buf;

  g_return_val_if_fail (buf != NULL, 0);
  g_return_val_if_fail (event != NULL, 0);

  p = put_field (p, event->length);
  p = put_field (p, event->old_capacity);
  p = put_field (p, event->new_capacity);
  p = put_field (p, event->old_bytes);
  p = put_field (p, event->new_bytes);
  p = put_field (p, event->bytes_added);
  p = put_field (p, event->moved ? 1 : 0);
  p = put_field (p, event->bytes_copied);
  p = put_field (p, event->realloc_ns);
  p = put_field (p, event->elapsed_ns);
  p += ll_csv_format_u64 (p, event->available_bytes);

  return p - buf;
}

gsize
ll_csv_format_sample (char           *buf,
                      const LlSample *sample)
{
  char *p = buf;

  g_return_val_if_fail (buf != NULL, 0);
  g_return_val_if_fail (sample != NULL, 0);

  p = put_field (p, sample->elapsed_ns);
  p = put_field (p, sample->length);
  p = put_field (p, sample->capacity);
  p = put_field (p, sample->container_bytes);
  p = put_field (p, sample->objects_bytes);
  p = put_field (p, sample->rss_bytes);
  p += ll_csv_format_u64 (p, sample->available_bytes);

  return p - buf;
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
                     GError              **error)
{
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (buckets != NULL || n_buckets == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_buckets (output, &event_layout, buckets, n_buckets, error);
}

gboolean
ll_csv_write_samples (LlOutput              *output,
                      const LlSampleBucket  *buckets,
                      gsize                  n_buckets,
                      GError               **error)
{
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (buckets != NULL || n_buckets == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_buckets (output, &sample_layout, buckets, n_buckets, error);
}

/* Parsing */

static char *
quote_field (const char *start,
             gsize       length)
{
  g_autofree char *valid = g_utf8_make_valid (start, MIN (length, 40));

  return length > 40 ? g_strconcat (valid, "…", NULL) : g_steal_pointer (&valid);
}

/* Splits @line into exactly @n_fields unsigned integers. A single line
 * ending ("\n" or "\r\n") is allowed, so lines read from a file work as is. */
static gboolean
parse_row (const char         *line,
           const char * const *names,
           guint               n_fields,
           const char         *what,
           guint64            *values,
           GError            **error)
{
  const char *end = line + strlen (line);
  const char *p = line;
  guint n_found = 1;

  if (end > line && end[-1] == '\n')
    {
      end--;
      if (end > line && end[-1] == '\r')
        end--;
    }

  for (const char *q = line; q < end; q++)
    if (*q == ',')
      n_found++;

  if (n_found != n_fields)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The row has %u field; %s rows have %u (%s)",
                                "The row has %u fields; %s rows have %u (%s)",
                                n_found),
                   n_found, what, n_fields,
                   n_fields == N_EVENT_FIELDS ? LL_EVENTS_CSV_HEADER : LL_SAMPLES_CSV_HEADER);
      return FALSE;
    }

  for (guint i = 0; i < n_fields; i++)
    {
      const char *start = p;
      guint64 value = 0;

      for (; p < end && *p != ','; p++)
        {
          guint digit;

          if (!g_ascii_isdigit (*p))
            {
              const char *field_end = p;
              g_autofree char *shown = NULL;

              while (field_end < end && *field_end != ',')
                field_end++;
              shown = quote_field (start, field_end - start);
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Field %u (%s) is “%s”, not a whole number: only the digits 0–9 are allowed"),
                           i + 1, names[i], shown);
              return FALSE;
            }

          digit = *p - '0';
          if (value > (G_MAXUINT64 - digit) / 10)
            {
              const char *field_end = p;
              g_autofree char *shown = NULL;

              while (field_end < end && *field_end != ',')
                field_end++;
              shown = quote_field (start, field_end - start);
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Field %u (%s) is “%s”, which is too large: the most is %s"),
                           i + 1, names[i], shown, "18446744073709551615");
              return FALSE;
            }
          value = value * 10 + digit;
        }

      if (p == start)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Field %u (%s) is empty: it must be a whole number"),
                       i + 1, names[i]);
          return FALSE;
        }

      values[i] = value;
      p++;   /* the comma */
    }

  return TRUE;
}

gboolean
ll_csv_parse_event (const char  *line,
                    LlEvent     *event,
                    GError     **error)
{
  guint64 values[N_EVENT_FIELDS];

  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_row (line, event_fields, N_EVENT_FIELDS, _("events"), values, error))
    return FALSE;

  if (values[6] > 1)
    {
      g_autofree char *shown = g_strdup_printf ("%" G_GUINT64_FORMAT, values[6]);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Field %u (%s) is “%s”: it must be 0 or 1"),
                   7, event_fields[6], shown);
      return FALSE;
    }

  memset (event, 0, sizeof *event);
  event->length = values[0];
  event->old_capacity = values[1];
  event->new_capacity = values[2];
  event->old_bytes = values[3];
  event->new_bytes = values[4];
  event->bytes_added = values[5];
  event->moved = values[6] != 0;
  event->bytes_copied = values[7];
  event->realloc_ns = values[8];
  event->elapsed_ns = values[9];
  event->available_bytes = values[10];
  return TRUE;
}

gboolean
ll_csv_parse_sample (const char  *line,
                     LlSample    *sample,
                     GError     **error)
{
  guint64 values[N_SAMPLE_FIELDS];

  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (sample != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_row (line, sample_fields, N_SAMPLE_FIELDS, _("samples"), values, error))
    return FALSE;

  sample->elapsed_ns = values[0];
  sample->length = values[1];
  sample->capacity = values[2];
  sample->container_bytes = values[3];
  sample->objects_bytes = values[4];
  sample->rss_bytes = values[5];
  sample->available_bytes = values[6];
  return TRUE;
}
