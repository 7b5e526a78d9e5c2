/* fuzz-size.c — fuzz target: sizes, counts, decimals and reserves as people type them
 *
 * The input is the text typed. Every parser reads it with every flag; what
 * one accepts must be in range, agree with the others, and read back the
 * same when written again, exactly or as the app shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "fuzz-target.h"
#include "ll-run-config.h"
#include "ll-size.h"

typedef enum
{
  BYTES,
  COUNT,
} Kind;

typedef struct
{
  gboolean ok;
  guint64  value;
  LlUnits  units;
  int      code;    /* the LlSizeError when not ok */
} Reading;

static const char * const iec_prefixes = "KMGTPE";
static const char * const si_prefixes = "kMGTPE";

static void
check_error (const GError *error,
             GQuark        domain,
             const char   *what,
             const char   *text)
{
  ll_fuzz_check (error != NULL, "%s refused \"%s\" without an error", what, text);
  ll_fuzz_check (error->domain == domain && error->code >= 0,
                 "%s: \"%s\": error from the wrong domain or code %d", what, text, error->code);
  ll_fuzz_check (error->message[0] != '\0' && g_utf8_validate (error->message, -1, NULL),
                 "%s: \"%s\": an empty message or one that is not UTF-8", what, text);
}

static Reading
read_text (Kind         kind,
           const char  *text,
           LlSizeFlags  flags)
{
  Reading r = { FALSE, 0, LL_UNITS_IEC, -1 };
  g_autoptr(GError) error = NULL;

  if (kind == BYTES)
    {
      guint64 plain = 0;
      g_autoptr(GError) plain_error = NULL;
      gboolean plain_ok;

      r.ok = ll_size_parse_bytes_units (text, flags, &r.value, &r.units, &error);
      plain_ok = ll_size_parse_bytes (text, flags, &plain, &plain_error);
      ll_fuzz_check (plain_ok == r.ok && (!r.ok || plain == r.value),
                     "ll_size_parse_bytes and ll_size_parse_bytes_units disagree on \"%s\"", text);
    }
  else
    r.ok = ll_size_parse_count (text, flags, &r.value, &error);

  if (r.ok)
    ll_fuzz_check (error == NULL, "\"%s\" accepted with an error", text);
  else
    {
      check_error (error, LL_SIZE_ERROR, kind == BYTES ? "bytes" : "count", text);
      r.code = error->code;
    }
  return r;
}

static const char *
kind_name (Kind kind)
{
  return kind == BYTES ? "bytes" : "count";
}

/* @text writes @value exactly: it reads back as @value, in @units. */
static void
check_exact (Kind        kind,
             guint64     value,
             const char *text,
             int         units)
{
  Reading r = read_text (kind, text, LL_SIZE_FLAGS_ALLOW_ZERO);

  ll_fuzz_check (r.ok && r.value == value,
                 "%s %" G_GUINT64_FORMAT ", written \"%s\", reads back as %s%" G_GUINT64_FORMAT,
                 kind_name (kind), value, text, r.ok ? "" : "an error, not ", r.value);
  ll_fuzz_check (units < 0 || r.units == (LlUnits) units,
                 "\"%s\" reads back in the wrong units", text);
}

/* @text shows @value rounded: it reads back within @tolerance, or is too
 * large only where rounding up passed 2^64 - 1. */
static void
check_near (Kind        kind,
            guint64     value,
            const char *text,
            guint64     tolerance)
{
  Reading r = read_text (kind, text, LL_SIZE_FLAGS_ALLOW_ZERO);
  guint64 distance;

  if (!r.ok && r.code == LL_SIZE_ERROR_OVERFLOW && value > G_MAXUINT64 - tolerance)
    return;
  ll_fuzz_check (r.ok, "%s %" G_GUINT64_FORMAT ", shown \"%s\", does not read back",
                 kind_name (kind), value, text);
  distance = r.value > value ? r.value - value : value - r.value;
  ll_fuzz_check (distance <= tolerance,
                 "%s %" G_GUINT64_FORMAT ", shown \"%s\", reads back as %" G_GUINT64_FORMAT,
                 kind_name (kind), value, text, r.value);
}

/* @value / @unit with every decimal it takes (a power of 2 or 10 has a
 * finite expansion), and @suffix: "1.5 GiB". */
static char *
write_quotient (guint64     value,
                guint64     unit,
                const char *suffix)
{
  GString *text = g_string_new (NULL);
  guint64 rest = value % unit;

  g_string_append_printf (text, "%" G_GUINT64_FORMAT, value / unit);
  if (rest > 0)
    {
      g_string_append_c (text, '.');
      /* unit <= 2^60: rest * 10 never overflows. */
      while (rest > 0)
        {
          rest *= 10;
          g_string_append_c (text, '0' + (char) (rest / unit));
          rest %= unit;
        }
    }
  g_string_append (text, suffix);
  return g_string_free (text, FALSE);
}

/* "20,000,000" or "20_000_000". */
static char *
write_grouped (guint64 value,
               char    separator)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString *text = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, separator);
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

/* "25e8" for 2500000000: the digits without their trailing zeros. */
static char *
write_scientific (guint64 value)
{
  guint exponent = 0;

  while (value > 0 && value % 10 == 0)
    {
      value /= 10;
      exponent++;
    }
  return g_strdup_printf ("%" G_GUINT64_FORMAT "e%u", value, exponent);
}

/* Every way to write @value exactly, and the ways the app shows it. */
static void
check_writings (Kind    kind,
                guint64 value)
{
  g_autofree char *plain = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  g_autofree char *underscores = write_grouped (value, '_');
  g_autofree char *scientific = write_scientific (value);
  guint64 iec = 1, si = 1;

  check_exact (kind, value, plain, kind == BYTES ? LL_UNITS_IEC : -1);
  check_exact (kind, value, underscores, -1);
  check_exact (kind, value, scientific, -1);

  if (kind == COUNT)
    {
      g_autofree char *commas = write_grouped (value, ',');
      g_autofree char *exact = ll_format_count_exact (value);
      g_autofree char *shown = ll_format_count (value);

      check_exact (kind, value, commas, -1);
      check_exact (kind, value, exact, -1);
      check_near (kind, value, shown, value / 128 + 1);

      for (guint power = 1; power <= 6; power++)
        {
          g_autofree char *suffix = NULL;
          g_autofree char *text = NULL;

          si *= 1000;
          if (value < si)
            break;
          suffix = g_strdup_printf (" %c", si_prefixes[power - 1]);
          text = write_quotient (value, si, suffix);
          check_exact (kind, value, text, -1);
        }
      return;
    }

  {
    g_autofree char *with_unit = g_strdup_printf ("%" G_GUINT64_FORMAT " B", value);
    g_autofree char *with_word = g_strdup_printf ("%" G_GUINT64_FORMAT "bytes", value);

    check_exact (kind, value, with_unit, LL_UNITS_IEC);
    check_exact (kind, value, with_word, LL_UNITS_IEC);
  }

  for (guint power = 1; power <= 6; power++)
    {
      iec *= 1024;
      si *= 1000;
      if (value >= iec)
        {
          g_autofree char *full = g_strdup_printf (" %ciB", iec_prefixes[power - 1]);
          g_autofree char *bare = g_strdup_printf ("%c", iec_prefixes[power - 1]);
          g_autofree char *text = write_quotient (value, iec, full);
          g_autofree char *short_text = write_quotient (value, iec, bare);

          check_exact (kind, value, text, LL_UNITS_IEC);
          check_exact (kind, value, short_text, LL_UNITS_IEC);
        }
      if (value >= si)
        {
          g_autofree char *suffix = g_strdup_printf ("%cB", si_prefixes[power - 1]);
          g_autofree char *text = write_quotient (value, si, suffix);

          check_exact (kind, value, text, LL_UNITS_SI);
        }
    }

  for (LlUnits units = LL_UNITS_IEC; units <= LL_UNITS_SI; units++)
    {
      g_autofree char *shown = ll_format_bytes (value, units);
      g_autofree char *precise = ll_format_bytes_precise (value, units);

      check_near (kind, value, shown, value / 128 + 1);
      check_near (kind, value, precise, value / 512 + 1);

      if (value <= G_MAXINT64)
        {
          g_autofree char *up = ll_format_bytes_delta ((gint64) value, units);
          g_autofree char *down = ll_format_bytes_delta (-(gint64) value, units);

          ll_fuzz_check (value == 0 || up[0] == '+', "delta \"%s\" without its sign", up);
          check_near (kind, value, up, value / 128 + 1);
          ll_fuzz_check (value == 0 || g_str_has_prefix (down, "−"),
                         "delta \"%s\" without its sign", down);
          check_near (kind, value, value == 0 ? down : down + strlen ("−"), value / 128 + 1);
        }
    }
}

/* What the simplest forms mean, computed apart from the parser: a whole
 * number and a unit of ll-size.h's list, "512", "10 GB", "3KiB", "20M".
 * FALSE when @text has another form. */
static gboolean
reference_value (Kind        kind,
                 const char *text,
                 gboolean   *overflow,
                 guint64    *value)
{
  static const char prefixes[] = "kmgtpe";
  g_autofree char *copy = g_strdup (text);
  char *start = g_strstrip (copy);
  char *unit = start + strspn (start, "0123456789");
  g_autofree char *lower = NULL;
  guint64 number = 0, multiplier = 1;
  const char *prefix;

  /* g_strstrip() takes more kinds of space than people type. */
  if (unit == start || strpbrk (text, "\v\f") != NULL)
    return FALSE;
  *overflow = FALSE;
  for (const char *p = start; p < unit && !*overflow; p++)
    {
      *overflow = number > (G_MAXUINT64 - (guint64) (*p - '0')) / 10;
      number = number * 10 + (guint64) (*p - '0');
    }

  if (*unit == ' ')
    unit++;
  lower = g_ascii_strdown (unit, -1);
  /* A lone "e" reads two ways (exponent or exa) and is refused. */
  if (g_str_equal (unit, "e"))
    return FALSE;

  if (lower[0] == '\0' ||
      (kind == BYTES && (g_str_equal (lower, "b") || g_str_equal (lower, "byte") ||
                         g_str_equal (lower, "bytes"))))
    multiplier = 1;
  else if ((prefix = strchr (prefixes, lower[0])) != NULL && lower[0] != '\0')
    {
      guint power = (guint) (prefix - prefixes) + 1;
      gboolean si;

      if (kind == COUNT)
        {
          if (lower[1] != '\0')
            return FALSE;
          si = TRUE;
        }
      else if (lower[1] == '\0' || g_str_equal (lower + 1, "i") || g_str_equal (lower + 1, "ib"))
        si = FALSE;
      else if (g_str_equal (lower + 1, "b"))
        si = TRUE;
      else
        return FALSE;

      for (guint i = 0; i < power; i++)
        multiplier *= si ? 1000 : 1024;
    }
  else
    return FALSE;

  *overflow = *overflow || (number != 0 && multiplier > G_MAXUINT64 / number);
  *value = number * multiplier;
  return TRUE;
}

static void
fuzz_quantity (Kind        kind,
               const char *text)
{
  g_autofree char *spaced = g_strdup_printf (" %s\t", text);
  Reading none = read_text (kind, text, LL_SIZE_FLAGS_NONE);
  Reading zero = read_text (kind, text, LL_SIZE_FLAGS_ALLOW_ZERO);
  Reading locale = read_text (kind, text, LL_SIZE_FLAGS_LOCALE);
  Reading spaces = read_text (kind, spaced, LL_SIZE_FLAGS_NONE);

  (void) read_text (kind, text, LL_SIZE_FLAGS_LOCALE | LL_SIZE_FLAGS_ALLOW_ZERO);

  /* Zero is refused unless allowed, and that is the only difference. */
  ll_fuzz_check (!none.ok || none.value > 0, "%s: \"%s\" is 0 though zero is not allowed",
                 kind_name (kind), text);
  ll_fuzz_check (!locale.ok || locale.value > 0, "%s: \"%s\" is 0 though zero is not allowed",
                 kind_name (kind), text);
  if (none.ok)
    ll_fuzz_check (zero.ok && zero.value == none.value && zero.units == none.units,
                   "%s: \"%s\" reads otherwise when zero is allowed", kind_name (kind), text);
  else if (zero.ok)
    ll_fuzz_check (zero.value == 0 && none.code == LL_SIZE_ERROR_ZERO,
                   "%s: \"%s\" is refused only when zero is not allowed, yet is not 0",
                   kind_name (kind), text);

  /* Spaces around the text change nothing. */
  ll_fuzz_check (spaces.ok == none.ok && spaces.value == none.value && spaces.code == none.code,
                 "%s: \"%s\" reads otherwise between spaces", kind_name (kind), text);

  {
    gboolean overflow = FALSE;
    guint64 expected = 0;

    if (reference_value (kind, text, &overflow, &expected))
      ll_fuzz_check (overflow ? (!zero.ok && zero.code == LL_SIZE_ERROR_OVERFLOW)
                              : (zero.ok && zero.value == expected),
                     "%s: \"%s\" is %s, read as %s%" G_GUINT64_FORMAT, kind_name (kind), text,
                     overflow ? "too large" : "another number", zero.ok ? "" : "an error, not ",
                     zero.value);
  }

  if (zero.ok)
    check_writings (kind, zero.value);
}

static void
fuzz_decimal (const char *text)
{
  static const LlSizeFlags flags[] = { LL_SIZE_FLAGS_NONE, LL_SIZE_FLAGS_LOCALE };

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      double number = -1;
      double again = -1;
      g_autoptr(GError) error = NULL;
      g_autofree char *written = NULL;

      if (!ll_size_parse_decimal (text, flags[i], &number, &error))
        {
          check_error (error, LL_SIZE_ERROR, "decimal", text);
          continue;
        }
      ll_fuzz_check (isfinite (number) && number >= 0 && !signbit (number),
                     "decimal \"%s\" read as %g", text, number);

      written = ll_format_decimal (number);
      ll_fuzz_check (ll_size_parse_decimal (written, LL_SIZE_FLAGS_LOCALE, &again, NULL) &&
                     again == number,
                     "decimal %.17g, written \"%s\", reads back as %.17g", number, written, again);
    }

  /* Plain digits are the same number to every parser. */
  if (text[0] != '\0' && strspn (text, "0123456789") == strlen (text) && strlen (text) <= 15)
    {
      double number = -1;
      guint64 count = 0;

      ll_fuzz_check (ll_size_parse_decimal (text, LL_SIZE_FLAGS_NONE, &number, NULL),
                     "digits \"%s\" are not a decimal", text);
      if (ll_size_parse_count (text, LL_SIZE_FLAGS_ALLOW_ZERO, &count, NULL))
        ll_fuzz_check ((double) count == number, "digits \"%s\": count and decimal differ", text);
    }
}

static void
fuzz_reserve (const char *text)
{
  /* A machine of 24 GiB with no cgroup limit. */
  const LlMemInfo info = { .total_bytes = (guint64) 24 << 30, .cgroup_limit_bytes = LL_NO_LIMIT };
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean automatic = stripped[0] == '\0' || g_ascii_strcasecmp (stripped, "auto") == 0;
  guint64 reserve = 0;
  g_autoptr(GError) error = NULL;
  gboolean ok = ll_reserve_parse (text, LL_SIZE_FLAGS_NONE, &info, &reserve, &error);
  g_autofree char *described = ll_reserve_describe (text, LL_SIZE_FLAGS_NONE, &info, LL_UNITS_IEC, NULL);

  ll_fuzz_check (ok == (described != NULL), "reserve \"%s\" read and described differ", text);
  if (automatic)
    {
      ll_fuzz_check (ok && reserve == LL_RESERVE_DEFAULT, "reserve \"%s\" is not auto", text);
      return;
    }

  /* A share of the memory: never more than all of it, and not without it. */
  if (g_str_has_suffix (stripped, "%"))
    {
      if (ok)
        ll_fuzz_check (reserve <= info.total_bytes, "reserve \"%s\" read as %" G_GUINT64_FORMAT, text, reserve);
      else
        check_error (error, LL_SIZE_ERROR, "reserve", text);
      ll_fuzz_check (!ll_reserve_parse (text, LL_SIZE_FLAGS_NONE, NULL, NULL, NULL),
                     "reserve \"%s\" read without the memory", text);
      return;
    }

  /* Any other text is a size, 0 allowed, and no more than the memory. */
  {
    Reading size = read_text (BYTES, stripped, LL_SIZE_FLAGS_ALLOW_ZERO);

    ll_fuzz_check (ok == (size.ok && size.value <= info.total_bytes), "reserve \"%s\" and the size disagree", text);
    if (ok)
      ll_fuzz_check (reserve == size.value, "reserve \"%s\" read as %" G_GUINT64_FORMAT, text, reserve);
    else
      check_error (error, LL_SIZE_ERROR, "reserve", text);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* As a C string: the text up to the first NUL. */
  g_autofree char *text = g_strndup ((const char *) data, size);

  ll_fuzz_begin (data, size);

  fuzz_quantity (BYTES, text);
  fuzz_quantity (COUNT, text);
  fuzz_decimal (text);
  fuzz_reserve (text);
  return 0;
}
