/* ll-contents.c — a list's values as text, one a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ll-contents.h"
#include "ll-csv.h"

/* Text is written in blocks of this size, straight to the file. */
#define WRITE_BLOCK_BYTES  ((gsize) 2 * 1024 * 1024)
/* Room for the longest line: a sign, 19 digits and a newline. */
#define MAX_LINE_BYTES     24

/* The text of the last line written. A list's values mostly count up by
 * one (or repeat, in a shared list), so most lines are the previous one
 * with another last digit: no division, and the cached text is only read,
 * never patched byte by byte, on that path. */
typedef struct
{
  char   text[MAX_LINE_BYTES];
  gssize length;      /* with the newline; 0: none yet */
  gint64 value;
  char   last_digit;  /* what text[length - 2] stands for now */
} LineCache;

static void
line_format (LineCache *line,
             gint64     value)
{
  gsize n;

  if (value >= 0)
    {
      n = ll_csv_format_u64 (line->text, (guint64) value);
    }
  else
    {
      line->text[0] = '-';
      n = 1 + ll_csv_format_u64 (line->text + 1, (guint64) 0 - (guint64) value);
    }
  line->text[n] = '\n';
  line->length = (gssize) n + 1;
  line->last_digit = line->text[n - 1];
}

/* Writes the line for @value at @out, which has room for MAX_LINE_BYTES. */
static inline gsize
line_put (LineCache *line,
          char      *out,
          gint64     value)
{
  if (value > 0 && value - 1 == line->value && line->length > 0 && line->last_digit != '9')
    line->last_digit++;
  else if (value != line->value || line->length == 0)
    line_format (line, value);

  line->value = value;
  memcpy (out, line->text, MAX_LINE_BYTES);
  out[line->length - 2] = line->last_digit;
  return (gsize) line->length;
}

gboolean
ll_contents_write (const LlContents    *contents,
                   LlOutput            *output,
                   GCancellable        *cancellable,
                   LlContentsProgress   progress,
                   gpointer             user_data,
                   GError             **error)
{
  g_autofree char *buf = NULL;
  LineCache line = { { 0 }, 0, 0, '0' };
  guint64 total;
  guint64 i = 0;

  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (contents->slots != NULL || contents->length == 0, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  buf = g_malloc (WRITE_BLOCK_BYTES);
  total = contents->length;

  while (i < total)
    {
      gsize pos = 0;

      /* As many whole lines as surely fit, again and again until the
       * block is nearly full. */
      while (i < total && WRITE_BLOCK_BYTES - pos >= MAX_LINE_BYTES)
        {
          guint64 end = MIN (total, i + (WRITE_BLOCK_BYTES - pos) / MAX_LINE_BYTES);

          switch (contents->element)
            {
            case LL_ELEMENT_SHARED:
            case LL_ELEMENT_BOXED:
              {
                const gint64 * const *slots = contents->slots;

                for (; i < end; i++)
                  pos += line_put (&line, buf + pos, *slots[i]);
              }
              break;

            case LL_ELEMENT_INT64:
              {
                const gint64 *slots = contents->slots;

                for (; i < end; i++)
                  pos += line_put (&line, buf + pos, slots[i]);
              }
              break;

            case LL_ELEMENT_INT32:
              {
                const gint32 *slots = contents->slots;

                for (; i < end; i++)
                  pos += line_put (&line, buf + pos, slots[i]);
              }
              break;

            case LL_N_ELEMENTS:
            default:
              g_return_val_if_reached (FALSE);
            }
        }

      if (!ll_output_write (output, buf, pos, error))
        return FALSE;

      if (progress != NULL)
        progress (i, total, user_data);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  return ll_output_flush (output, error);
}
