/* fuzz-target.c — what every fuzz target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-target.h"

static const uint8_t *input;
static size_t input_size;

void
ll_fuzz_begin (const uint8_t *data,
               size_t         size)
{
  static gboolean initialized;

  if (!initialized)
    {
      /* As the tests and a UTF-8 terminal run listlab-cli. */
      setlocale (LC_ALL, "C.UTF-8");
      g_set_prgname ("listlab-cli");
      g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
      initialized = TRUE;
    }

  input = data;
  input_size = size;
}

void
ll_fuzz_fail (const char *format,
              ...)
{
  va_list args;

  fputs ("fuzz: ", stderr);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputs ("\nfuzz: input \"", stderr);
  for (size_t i = 0; input != NULL && i < input_size; i++)
    {
      if (input[i] >= 0x20 && input[i] < 0x7f && input[i] != '"' && input[i] != '\\')
        fputc (input[i], stderr);
      else
        fprintf (stderr, "\\x%02x", input[i]);
    }
  fputs ("\"\n", stderr);
  fflush (stderr);
  abort ();
}

gboolean
ll_fuzz_skips (const char *name)
{
  static char **skipped;

  if (skipped == NULL)
    {
      const char *names = g_getenv ("LL_FUZZ_SKIP");

      skipped = g_strsplit (names != NULL ? names : "", ",", -1);
    }
  return g_strv_contains ((const char * const *) skipped, name);
}

gboolean
ll_fuzz_is_printable (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && (g_unichar_type (c) == G_UNICODE_CONTROL))
        return FALSE;
    }
  return TRUE;
}
