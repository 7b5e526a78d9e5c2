/* ll-size.c — reading and writing sizes and counts the way people do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ll-size.h"
#include "ll-size-private.h"

G_DEFINE_QUARK (ll-size-error-quark, ll_size_error)

typedef enum
{
  KIND_BYTES,
  KIND_COUNT,
} Kind;

/* Exponents saturate here: far beyond the length of any input, so the
 * result stays exact, and far below where the arithmetic could overflow. */
#define EXPONENT_LIMIT G_GINT64_CONSTANT (1000000000000000)

static const char *
hint (Kind kind)
{
  if (kind == KIND_BYTES)
    return _("Use bytes or a unit such as 512MiB, 10GB or 1.5GiB.");
  else
    return _("Use a whole number such as 20000000, 20_000_000, 2e7 or 20M.");
}

/* The input as it should appear in a message. */
static char *
quote_input (const char *start,
             gsize       length)
{
  return ll_format_input (start, length);
}

static char *
format_input (const char *text,
              gssize      length,
              guint       max_chars)
{
  GString *shown;
  const char *p;
  const char *end;
  guint n_chars = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  shown = g_string_sized_new (length + 8);
  end = text + length;

  for (p = text; p < end && n_chars < max_chars; n_chars++)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: the byte as it is, which is what the person typed. */
          g_string_append_printf (shown, "\\x%02X", (guint8) *p);
          p++;
          continue;
        }

      /* Control characters would act on the terminal: show them. */
      if (c == '\n')
        g_string_append (shown, "\\n");
      else if (c == '\t')
        g_string_append (shown, "\\t");
      else if (c == '\r')
        g_string_append (shown, "\\r");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (shown, "\\x%02X", c);
      else if ((c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 ||
               (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        g_string_append_printf (shown, "\\u%04X", c);
      else
        g_string_append_len (shown, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  if (p < end)
    g_string_append (shown, "…");

  return g_string_free (shown, FALSE);
}

char *
ll_format_input (const char *text,
                 gssize      length)
{
  return format_input (text, length, 40);
}

char *
ll_format_escaped (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return format_input (text, -1, G_MAXUINT);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (GError      **error,
      LlSizeError   code,
      Kind          kind,
      const char   *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, LL_SIZE_ERROR, code, "%s %s", problem, hint (kind));
  return FALSE;
}

/* Spaces people put between a number and its unit, including the
 * no-break spaces that formatted numbers often contain. */
static gsize
space_length (const char *p,
              const char *end)
{
  if (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    return 1;
  if (end - p >= 2 && memcmp (p, "\xc2\xa0", 2) == 0)
    return 2;
  if (end - p >= 3 && (memcmp (p, "\xe2\x80\xaf", 3) == 0 || memcmp (p, "\xe2\x80\x89", 3) == 0))
    return 3;
  return 0;
}

/* Translated where the language has its own symbols (French: o, Kio, Mio,
 * ko, Mo); machine-readable output never goes through these. */
static const char * const iec_units[] = {
  NC_("unit", "B"), NC_("unit", "KiB"), NC_("unit", "MiB"), NC_("unit", "GiB"),
  NC_("unit", "TiB"), NC_("unit", "PiB"), NC_("unit", "EiB"),
};
static const char * const si_units[] = {
  NC_("unit", "B"), NC_("unit", "kB"), NC_("unit", "MB"), NC_("unit", "GB"),
  NC_("unit", "TB"), NC_("unit", "PB"), NC_("unit", "EB"),
};

/* Looking a unit up in the catalogue costs more than writing the number
 * before it, and a table writes thousands of sizes a frame: each thread
 * keeps the names it looked up, for as long as the language stays the
 * same. */
typedef struct
{
  char       *locale;     /* LC_MESSAGES, and $LANGUAGE, when looked up */
  char       *language;
  const char *names[2][G_N_ELEMENTS (iec_units)];
} UnitNames;

static void
unit_names_free (gpointer data)
{
  UnitNames *cache = data;

  g_free (cache->locale);
  g_free (cache->language);
  g_free (cache);
}

static GPrivate unit_names_key = G_PRIVATE_INIT (unit_names_free);

static const char *
unit_name (const char * const *names,
           guint               i)
{
  UnitNames *cache = g_private_get (&unit_names_key);
  const char *locale = setlocale (LC_MESSAGES, NULL);
  const char *language = g_getenv ("LANGUAGE");
  guint kind = names == si_units;

  if (cache == NULL)
    {
      cache = g_new0 (UnitNames, 1);
      g_private_set (&unit_names_key, cache);
    }
  if (g_strcmp0 (cache->locale, locale) != 0 || g_strcmp0 (cache->language, language) != 0)
    {
      g_free (cache->locale);
      g_free (cache->language);
      cache->locale = g_strdup (locale);
      cache->language = g_strdup (language);
      memset (cache->names, 0, sizeof cache->names);
    }
  if (cache->names[kind][i] == NULL)
    cache->names[kind][i] = g_dpgettext2 (GETTEXT_PACKAGE, "unit", names[i]);
  return cache->names[kind][i];
}

const char *
ll_size_decimal_point (void)
{
  const char *point = nl_langinfo (RADIXCHAR);

  return (point != NULL && point[0] != '\0') ? point : ".";
}

void
ll_number_style_get_locale (LlNumberStyle *style)
{
  const char *thousands = nl_langinfo (THOUSEP);

  g_return_if_fail (style != NULL);

  style->point = ll_size_decimal_point ();
  style->thousands = thousands != NULL ? thousands : "";
}

/* The style @flags read numbers in: @style, or the user's locale's in
 * @locale; NULL without LL_SIZE_FLAGS_LOCALE ("." and ","). */
static const LlNumberStyle *
style_for (LlSizeFlags          flags,
           const LlNumberStyle *style,
           LlNumberStyle       *locale)
{
  if (!(flags & LL_SIZE_FLAGS_LOCALE))
    return NULL;
  if (style != NULL)
    return style;
  ll_number_style_get_locale (locale);
  return locale;
}

/* A unit as the user's language writes it ("Go", "Mio", "o"). */
static gboolean
lookup_translated_unit (const char *unit,
                        gsize       length,
                        guint      *pow2,
                        guint      *pow10,
                        gboolean   *has_prefix)
{
  g_autofree char *folded = g_utf8_casefold (unit, length);

  for (guint i = 0; i < G_N_ELEMENTS (iec_units); i++)
    {
      g_autofree char *iec = g_utf8_casefold (unit_name (iec_units, i), -1);
      g_autofree char *si = g_utf8_casefold (unit_name (si_units, i), -1);

      if (g_str_equal (folded, iec) || g_str_equal (folded, si))
        {
          /* Case folding makes "ko" and "Ko" one unit: the SI one wins
           * only where the names really differ. */
          *pow2 = g_str_equal (folded, iec) ? 10 * i : 0;
          *pow10 = g_str_equal (folded, iec) ? 0 : 3 * i;
          *has_prefix = i > 0;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
lookup_unit (const char *unit,
             gsize       length,
             Kind        kind,
             LlSizeFlags flags,
             guint      *pow2,
             guint      *pow10,
             gboolean   *has_prefix)
{
  static const char prefixes[] = "kmgtpe";
  g_autofree char *lower = g_ascii_strdown (unit, length);
  const char *prefix;
  guint n;

  *pow2 = 0;
  *pow10 = 0;
  *has_prefix = FALSE;

  if (length == 0)
    return TRUE;

  if (kind == KIND_BYTES && (flags & LL_SIZE_FLAGS_LOCALE) &&
      lookup_translated_unit (unit, length, pow2, pow10, has_prefix))
    return TRUE;

  if (kind == KIND_BYTES &&
      (g_str_equal (lower, "b") || g_str_equal (lower, "byte") || g_str_equal (lower, "bytes")))
    return TRUE;

  prefix = strchr (prefixes, lower[0]);
  if (prefix == NULL || lower[0] == '\0')
    return FALSE;
  n = (guint) (prefix - prefixes) + 1;
  *has_prefix = TRUE;

  if (kind == KIND_COUNT)
    {
      *pow10 = 3 * n;
      return length == 1;
    }

  if (length == 1 || g_str_equal (lower + 1, "i") || g_str_equal (lower + 1, "ib"))
    {
      *pow2 = 10 * n;
      return TRUE;
    }
  if (g_str_equal (lower + 1, "b"))
    {
      *pow10 = 3 * n;
      return TRUE;
    }

  return FALSE;
}

/* Multiplies the little-endian decimal number in @digits (@n of them, room
 * for more) by @factor (< 2^32) and returns the new count. */
static gsize
multiply_digits (guint8  *digits,
                 gsize    n,
                 guint64  factor)
{
  guint64 carry = 0;

  for (gsize i = 0; i < n; i++)
    {
      guint64 v = digits[i] * factor + carry;
      digits[i] = v % 10;
      carry = v / 10;
    }
  while (carry > 0)
    {
      digits[n++] = carry % 10;
      carry /= 10;
    }

  return n;
}

/* The locale's digit-group separator at @p, between a digit and a group of
 * three ("238 084 485", not "2 5"); where it is a kind of space, any space
 * people type counts. 0 when there is none at @p. */
static gsize
group_separator_length (const char *p,
                        const char *start,
                        const char *end,
                        const char *separator)
{
  gsize n = 0;

  if (separator == NULL || p == start || !g_ascii_isdigit (p[-1]))
    return 0;

  if (space_length (separator, separator + strlen (separator)) == strlen (separator))
    n = space_length (p, end);
  else if ((gsize) (end - p) > strlen (separator) && memcmp (p, separator, strlen (separator)) == 0)
    n = strlen (separator);

  if (n == 0 || end - (p + n) < 3)
    return 0;
  for (gsize i = 0; i < 3; i++)
    if (!g_ascii_isdigit (p[n + i]))
      return 0;
  if (p + n + 3 < end && g_ascii_isdigit (p[n + 3]))
    return 0;

  return n;
}

static gboolean
parse_quantity (const char          *text,
                LlSizeFlags          flags,
                const LlNumberStyle *style,
                Kind                 kind,
                guint64             *result,
                LlUnits             *units,
                GError             **error)
{
  const char *start = text;
  const char *end = text + strlen (text);
  const char *p;
  const char *unit;
  g_autofree char *shown = NULL;
  g_autofree guint8 *digits = NULL;
  gsize n_digits = 0;
  gsize n_significant;
  gboolean negative = FALSE;
  gboolean seen_dot = FALSE;
  gboolean point_is_dot = FALSE;  /* the decimal point read was "." */
  gboolean seen_comma = FALSE;
  gsize group_length = 0;
  gint64 n_fraction = 0;
  gint64 exponent = 0;
  gint64 scale;
  guint pow2, pow10;
  gboolean has_prefix;
  gboolean fractional = FALSE;
  guint64 value = 0;
  gsize k;
  /* The decimal point and the digit-group separator: "." and "," unless
   * the text is in the user's language (LL_SIZE_FLAGS_LOCALE) and that
   * writes "2,5" and "22.500.004" (German) or "22 500 004" (French). */
  char point = '.';
  char group = ',';
  gboolean dot_is_point_too = FALSE;
  const char *group_separator = NULL;
  gsize separator_length;

  if (style != NULL && g_str_equal (style->point, ","))
    {
      const char *thousands = style->thousands;

      point = ',';
      group = thousands != NULL && g_str_equal (thousands, ".") ? '.' : '\0';
      /* Where "." groups nothing, "2.5" still means two and a half. */
      dot_is_point_too = group != '.';
      if (group == '\0' && thousands != NULL && thousands[0] != '\0' &&
          !g_str_equal (thousands, ","))
        group_separator = thousands;
    }

  while (start < end && space_length (start, end) > 0)
    start += space_length (start, end);
  while (end > start)
    {
      if (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r')
        end--;
      else if (end - start >= 2 && memcmp (end - 2, "\xc2\xa0", 2) == 0)
        end -= 2;
      else
        break;
    }

  if (start == end)
    {
      if (kind == KIND_BYTES)
        return fail (error, LL_SIZE_ERROR_EMPTY, kind, "%s", _("No size given."));
      else
        return fail (error, LL_SIZE_ERROR_EMPTY, kind, "%s", _("No number given."));
    }

  shown = quote_input (start, end - start);
  p = start;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  else if (end - p >= 3 && memcmp (p, "−", 3) == 0)
    {
      negative = TRUE;
      p += 3;
    }
  else if (*p == '+')
    p++;

  if (end - p >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
    return fail (error, LL_SIZE_ERROR_SYNTAX, kind,
                 _("‘%s’ is a hexadecimal number, which is not accepted."), shown);

  digits = g_malloc ((end - p) + 32);

  /* The mantissa: digits, one optional point, and digit separators. */
  for (; p < end; p++)
    {
      char c = *p;

      if (g_ascii_isdigit (c))
        {
          digits[n_digits++] = c - '0';
          if (seen_dot)
            n_fraction++;
          group_length++;
        }
      else if (c == '_')
        {
          if (p == start || !g_ascii_isdigit (p[-1]) || p + 1 >= end || !g_ascii_isdigit (p[1]))
            return fail (error, LL_SIZE_ERROR_SYNTAX, kind,
                         _("‘%s’ has a misplaced ‘_’: it may only separate digits."), shown);
        }
      else if ((separator_length = group_separator_length (p, start, end, group_separator)) > 0)
        {
          p += separator_length - 1;
        }
      else if (c == group && group == '.')
        {
          if (seen_dot || group_length == 0 || group_length > 3 ||
              (seen_comma && group_length != 3))
            return fail (error, LL_SIZE_ERROR_SYNTAX, kind,
                         _("‘%s’ has a misplaced ‘.’: here it separates groups of three digits."),
                         shown);
          seen_comma = TRUE;
          group_length = 0;
        }
      else if (c == ',' && group == ',')
        {
          if (kind == KIND_BYTES)
            return fail (error, LL_SIZE_ERROR_SYNTAX, kind,
                         _("‘%s’ contains a comma: write fractions with ‘.’ and group digits with ‘_’."),
                         shown);
          if (seen_dot || group_length == 0 || group_length > 3 ||
              (seen_comma && group_length != 3))
            return fail (error, LL_SIZE_ERROR_SYNTAX, kind,
                         _("‘%s’ has a misplaced ‘,’: commas separate groups of three digits."),
                         shown);
          seen_comma = TRUE;
          group_length = 0;
        }
      else if (c == point || (c == '.' && dot_is_point_too))
        {
          if (seen_dot)
            return fail (error, LL_SIZE_ERROR_SYNTAX, kind,
                         _("‘%s’ has more than one decimal point."), shown);
          if (seen_comma && group_length != 3)
            return fail (error, LL_SIZE_ERROR_SYNTAX, kind,
                         _("‘%s’ has a misplaced ‘,’: commas separate groups of three digits."),
                         shown);
          if (p + 1 >= end || !g_ascii_isdigit (p[1]))
            return fail (error, LL_SIZE_ERROR_SYNTAX, kind,
                         _("‘%s’ is not a number: a decimal point must be followed by digits."),
                         shown);
          seen_dot = TRUE;
          point_is_dot = c == '.';
        }
      else
        break;
    }

  if (n_digits == 0)
    {
      if (kind == KIND_BYTES)
        return fail (error, LL_SIZE_ERROR_SYNTAX, kind, _("‘%s’ is not a size."), shown);
      else
        return fail (error, LL_SIZE_ERROR_SYNTAX, kind, _("‘%s’ is not a number."), shown);
    }

  if (seen_comma && !seen_dot && group_length != 3)
    {
      if (group == '.')
        return fail (error, LL_SIZE_ERROR_SYNTAX, kind,
                     _("‘%s’ has a misplaced ‘.’: here it separates groups of three digits."),
                     shown);
      return fail (error, LL_SIZE_ERROR_SYNTAX, kind,
                   _("‘%s’ has a misplaced ‘,’: commas separate groups of three digits."), shown);
    }

  /* An exponent, unless the "e" is the exa prefix ("2E", "1EiB"). */
  if (p < end && (*p == 'e' || *p == 'E') &&
      ((p + 1 < end && g_ascii_isdigit (p[1])) ||
       (p + 2 < end && (p[1] == '+' || p[1] == '-') && g_ascii_isdigit (p[2]))))
    {
      gboolean exponent_negative = FALSE;

      p++;
      if (*p == '+' || *p == '-')
        exponent_negative = (*p++ == '-');
      for (; p < end && g_ascii_isdigit (*p); p++)
        exponent = MIN (exponent * 10 + (*p - '0'), EXPONENT_LIMIT);
      if (exponent_negative)
        exponent = -exponent;
      if (p < end && (*p == '.' || *p == ',' || *p == '_'))
        return fail (error, LL_SIZE_ERROR_SYNTAX, kind,
                     _("‘%s’ is not a number: the exponent must be a whole number."), shown);
    }

  while (p < end && space_length (p, end) > 0)
    p += space_length (p, end);
  unit = p;

  for (const char *q = unit; q < end; q++)
    if (g_ascii_isdigit (*q) || *q == '.' || *q == ',' || *q == '_' || *q == '-' || *q == '+')
      {
        if (kind == KIND_BYTES)
          return fail (error, LL_SIZE_ERROR_SYNTAX, kind, _("‘%s’ is not a size."), shown);
        else
          return fail (error, LL_SIZE_ERROR_SYNTAX, kind, _("‘%s’ is not a number."), shown);
      }

  if (!lookup_unit (unit, end - unit, kind, flags, &pow2, &pow10, &has_prefix))
    {
      g_autofree char *unit_shown = quote_input (unit, end - unit);

      return fail (error, LL_SIZE_ERROR_UNIT, kind,
                   _("‘%s’ has an unknown unit ‘%s’."), shown, unit_shown);
    }

  /* Forms that read two ways are refused rather than guessed: "1.000"
   * where "." is the decimal point (one, or a thousand grouped with a
   * point, as many languages write it?) and "1e" (an exponent without its
   * digits, or exa?). */
  if (point_is_dot && !seen_comma && n_fraction == 3 &&
      exponent == 0 && unit == end && !(n_digits == 4 && digits[0] == 0))
    {
      if (point == ',')
        return fail (error, LL_SIZE_ERROR_AMBIGUOUS, kind,
                     _("‘%s’ is ambiguous: a number with three decimals, or thousands grouped "
                       "with ‘.’? Write it without the point, or with ‘_’ between groups."),
                     shown);
      return fail (error, LL_SIZE_ERROR_AMBIGUOUS, kind,
                   _("‘%s’ is ambiguous: a number with three decimals, or thousands grouped "
                     "with ‘.’? Write it without the point, or with ‘_’ or ‘,’ between "
                     "groups."), shown);
    }
  if (end - unit == 1 && *unit == 'e')
    return fail (error, LL_SIZE_ERROR_AMBIGUOUS, kind,
                 kind == KIND_BYTES
                 ? _("‘%s’ is ambiguous: an exponent without its digits, or exabytes? "
                     "Write 1e18, 1EB or 1EiB.")
                 : _("‘%s’ is ambiguous: an exponent without its digits, or exa (10¹⁸)? "
                     "Write 1e18 or 1E."), shown);

  /* Exact arithmetic on the decimal digits: value = digits × 2^pow2 ×
   * 10^scale, so "1.5GiB" or "0.1e1" never suffer from binary rounding. */
  for (gsize i = 0; i < n_digits / 2; i++)
    {
      guint8 t = digits[i];
      digits[i] = digits[n_digits - 1 - i];
      digits[n_digits - 1 - i] = t;
    }
  while (n_digits > 0 && digits[n_digits - 1] == 0)
    n_digits--;

  if (n_digits > 0)
    {
      for (guint left = pow2; left > 0;)
        {
          guint step = MIN (left, 30);
          n_digits = multiply_digits (digits, n_digits, G_GUINT64_CONSTANT (1) << step);
          left -= step;
        }

      scale = exponent - n_fraction + pow10;
      k = 0;
      while (k < n_digits && digits[k] == 0)
        k++;
      /* digits[0..k) are zeros at the low end: fold them into the scale. */
      scale += k;
      n_significant = n_digits - k;

      if (scale < 0 && (guint64) -scale >= n_significant)
        {
          fractional = TRUE;
          value = 0;
        }
      else
        {
          gsize lowest = k;

          if (scale < 0)
            {
              fractional = TRUE;   /* the lowest significant digit is non-zero */
              lowest = k + (gsize) -scale;
              scale = 0;
            }

          if ((gint64) (n_digits - lowest) + scale > 20)
            goto overflow;

          for (gsize i = n_digits; i > lowest; i--)
            {
              guint d = digits[i - 1];

              if (value > (G_MAXUINT64 - d) / 10)
                goto overflow;
              value = value * 10 + d;
            }
          for (gint64 i = 0; i < scale; i++)
            {
              if (value > G_MAXUINT64 / 10)
                goto overflow;
              value *= 10;
            }
        }
    }

  if (negative && (value > 0 || fractional))
    {
      if (kind == KIND_BYTES)
        return fail (error, LL_SIZE_ERROR_NEGATIVE, kind,
                     _("‘%s’ is negative: a size must be positive."), shown);
      else
        return fail (error, LL_SIZE_ERROR_NEGATIVE, kind,
                     _("‘%s’ is negative: a count must be positive."), shown);
    }

  if (fractional && !has_prefix)
    {
      g_set_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_FRACTION,
                   kind == KIND_BYTES
                   ? _("‘%s’ is not a whole number of bytes. Use whole bytes or a unit such as 1.5KiB.")
                   : _("‘%s’ is not a whole number. Use a whole number or a suffix such as 1.5k."),
                   shown);
      return FALSE;
    }

  if (value == 0 && !(flags & LL_SIZE_FLAGS_ALLOW_ZERO))
    {
      if (fractional)
        {
          if (kind == KIND_BYTES)
            return fail (error, LL_SIZE_ERROR_ZERO, kind,
                         _("‘%s’ is less than one byte."), shown);
          else
            return fail (error, LL_SIZE_ERROR_ZERO, kind,
                         _("‘%s’ is less than one."), shown);
        }
      else
        {
          if (kind == KIND_BYTES)
            return fail (error, LL_SIZE_ERROR_ZERO, kind,
                         _("‘%s’ is zero: a size must be at least one byte."), shown);
          else
            return fail (error, LL_SIZE_ERROR_ZERO, kind,
                         _("‘%s’ is zero: a count must be at least one."), shown);
        }
    }

  *result = value;
  if (units != NULL)
    *units = pow10 > 0 ? LL_UNITS_SI : LL_UNITS_IEC;
  return TRUE;

overflow:
  {
    g_autofree char *most = ll_format_count_exact (G_MAXUINT64);

    if (kind == KIND_BYTES)
      g_set_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_OVERFLOW,
                   _("‘%s’ is too large: the most is %s bytes (16 EiB)."), shown, most);
    else
      g_set_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_OVERFLOW,
                   _("‘%s’ is too large: the most is %s."), shown, most);
  }
  return FALSE;
}

gboolean
ll_size_parse_bytes (const char   *text,
                     LlSizeFlags   flags,
                     guint64      *bytes,
                     GError      **error)
{
  return ll_size_parse_bytes_styled (text, flags, NULL, bytes, NULL, error);
}

gboolean
ll_size_parse_bytes_units (const char   *text,
                           LlSizeFlags   flags,
                           guint64      *bytes,
                           LlUnits      *units,
                           GError      **error)
{
  return ll_size_parse_bytes_styled (text, flags, NULL, bytes, units, error);
}

gboolean
ll_size_parse_bytes_styled (const char           *text,
                            LlSizeFlags           flags,
                            const LlNumberStyle  *style,
                            guint64              *bytes,
                            LlUnits              *units,
                            GError              **error)
{
  LlNumberStyle locale;
  guint64 value = 0;
  LlUnits read = LL_UNITS_IEC;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_quantity (text, flags, style_for (flags, style, &locale), KIND_BYTES, &value, &read, error))
    return FALSE;

  if (bytes != NULL)
    *bytes = value;
  if (units != NULL)
    *units = read;
  return TRUE;
}

gboolean
ll_size_parse_count (const char   *text,
                     LlSizeFlags   flags,
                     guint64      *count,
                     GError      **error)
{
  return ll_size_parse_count_styled (text, flags, NULL, count, error);
}

gboolean
ll_size_parse_count_styled (const char           *text,
                            LlSizeFlags           flags,
                            const LlNumberStyle  *style,
                            guint64              *count,
                            GError              **error)
{
  LlNumberStyle locale;
  guint64 value = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_quantity (text, flags, style_for (flags, style, &locale), KIND_COUNT, &value, NULL, error))
    return FALSE;

  if (count != NULL)
    *count = value;
  return TRUE;
}

gboolean
ll_size_parse_decimal (const char   *text,
                       LlSizeFlags   flags,
                       double       *number,
                       GError      **error)
{
  return ll_size_parse_decimal_styled (text, flags, NULL, number, error);
}

gboolean
ll_size_parse_decimal_styled (const char           *text,
                              LlSizeFlags           flags,
                              const LlNumberStyle  *style,
                              double               *number,
                              GError              **error)
{
  LlNumberStyle locale;
  g_autofree char *copy = NULL;
  g_autofree char *shown = NULL;
  char *start, *end, *parsed_end = NULL;
  gboolean comma_point;
  double value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  start = copy;
  end = copy + strlen (copy);
  shown = quote_input (start, end - start);

  if (start == end)
    {
      g_set_error_literal (error, LL_SIZE_ERROR, LL_SIZE_ERROR_EMPTY,
                           _("No number given. Write a number such as 1.5 or 2."));
      return FALSE;
    }

  /* "1,5" where the user's language writes it so; one point at most. */
  style = style_for (flags, style, &locale);
  comma_point = style != NULL && g_str_equal (style->point, ",");
  for (char *p = start; p < end; p++)
    {
      if (*p == ',' && comma_point)
        *p = '.';
      else if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != '+' &&
               *p != 'e' && *p != 'E')
        break;
    }

  value = g_ascii_strtod (start, &parsed_end);
  if (parsed_end == start || parsed_end != end || !isfinite (value) ||
      strpbrk (start, "xXnN") != NULL)
    {
      g_set_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_SYNTAX,
                   _("“%s” is not a number. Write a number such as 1.5 or 2."), shown);
      return FALSE;
    }
  /* "-0" too, wherever its sign stands after white space. */
  if (value < 0 || signbit (value))
    {
      g_set_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_NEGATIVE,
                   _("“%s” is negative. Write a number such as 1.5 or 2."), shown);
      return FALSE;
    }

  if (number != NULL)
    *number = value;
  return TRUE;
}

const char *
ll_unit_name (LlUnits units,
              guint   power)
{
  g_return_val_if_fail (power < G_N_ELEMENTS (iec_units), NULL);

  return unit_name (units == LL_UNITS_SI ? si_units : iec_units, power);
}

