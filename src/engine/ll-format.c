/* ll-format.c — sizes, counts, rates and durations written the way people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ll-size.h"
#include "ll-size-private.h"

static const char * const count_prefixes[] = { "", "k", "M", "G", "T", "P", "E" };

char *
ll_format_decimal (double number)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;

  /* The shortest form that reads back as the same number. */
  g_ascii_formatd (buf, sizeof buf, "%.15g", number);
  if (g_ascii_strtod (buf, NULL) != number)
    g_ascii_formatd (buf, sizeof buf, "%.17g", number);

  text = g_strdup (buf);
  if (!g_str_equal (ll_size_decimal_point (), "."))
    {
      char *point = strchr (text, '.');

      if (point != NULL)
        {
          g_autofree char *owned = text;

          *point = '\0';
          text = g_strconcat (owned, ll_size_decimal_point (), point + 1, NULL);
        }
    }

  return text;
}

/* Formatting */

/* @numerator / @denominator, rounded half up. */
static guint64
divide_rounded (unsigned __int128 numerator,
                guint64           denominator)
{
  return (guint64) ((numerator + denominator / 2) / denominator);
}

static guint64
power_of_ten (guint n)
{
  guint64 p = 1;

  while (n-- > 0)
    p *= 10;
  return p;
}

/* Appends @scaled / 10^@decimals, with the locale's decimal point. */
static void
append_fixed (GString *string,
              guint64  scaled,
              guint    decimals)
{
  guint64 divisor = power_of_ten (decimals);

  g_string_append_printf (string, "%" G_GUINT64_FORMAT, scaled / divisor);
  if (decimals > 0)
    g_string_append_printf (string, "%s%0*" G_GUINT64_FORMAT,
                            ll_size_decimal_point (), (int) decimals, scaled % divisor);
}

/* The largest power of @base (1000 or 1024) that @bytes reaches, at most
 * the sixth: the unit @bytes is shown in. */
static guint64
bytes_unit (guint64  bytes,
            guint64  base,
            guint   *power)
{
  guint64 unit = 1;
  guint i = 0;

  while (i < 6 && bytes / base >= unit)
    {
      unit *= base;
      i++;
    }
  *power = i;
  return unit;
}

static void
append_bytes (GString *string,
              guint64  bytes,
              LlUnits  units)
{
  guint64 base = units == LL_UNITS_SI ? 1000 : 1024;
  guint64 unit;
  guint64 hundredths;
  guint i;

  if (bytes < base)
    {
      g_string_append_printf (string, "%" G_GUINT64_FORMAT " %s", bytes, ll_unit_name (units, 0));
      return;
    }

  unit = bytes_unit (bytes, base, &i);
  hundredths = divide_rounded ((unsigned __int128) bytes * 100, unit);
  if (hundredths >= base * 100 && i < 6)
    {
      unit *= base;
      i++;
      hundredths = divide_rounded ((unsigned __int128) bytes * 100, unit);
    }

  append_fixed (string, hundredths, 2);
  g_string_append_printf (string, " %s", ll_unit_name (units, i));
}

char *
ll_format_bytes (guint64 bytes,
                 LlUnits units)
{
  GString *string = g_string_new (NULL);

  append_bytes (string, bytes, units);
  return g_string_free (string, FALSE);
}

guint64
ll_bytes_round_down (guint64 bytes,
                     LlUnits units)
{
  guint64 base = units == LL_UNITS_SI ? 1000 : 1024;
  guint64 unit, hundredths;
  guint power;

  if (bytes < base)
    return bytes;

  unit = bytes_unit (bytes, base, &power);
  hundredths = (guint64) ((unsigned __int128) bytes * 100 / unit);
  /* (the fewest bytes that are that many hundredths of the unit) */
  return (guint64) (((unsigned __int128) hundredths * unit + 99) / 100);
}

char *
ll_format_bytes_fixed (guint64 bytes,
                       LlUnits units,
                       guint   power,
                       guint   decimals)
{
  guint64 base = units == LL_UNITS_SI ? 1000 : 1024;
  guint64 unit = 1;
  GString *string = g_string_new (NULL);

  power = MIN (power, 6);
  decimals = MIN (decimals, 6);
  for (guint i = 0; i < power; i++)
    unit *= base;

  append_fixed (string,
                divide_rounded ((unsigned __int128) bytes * power_of_ten (decimals), unit),
                decimals);
  g_string_append_printf (string, " %s", ll_unit_name (units, power));
  return g_string_free (string, FALSE);
}

char *
ll_format_bytes_precise (guint64 bytes,
                         LlUnits units)
{
  guint64 base = units == LL_UNITS_SI ? 1000 : 1024;
  guint64 unit = 1;
  guint power = 0;

  while (power < 6 && bytes / base >= unit)
    {
      unit *= base;
      power++;
    }
  return ll_format_bytes_fixed (bytes, units, power, power > 0 ? 3 : 0);
}

char *
ll_format_bytes_delta (gint64  bytes,
                       LlUnits units)
{
  GString *string = g_string_new (NULL);
  guint64 magnitude;

  if (bytes < 0)
    {
      magnitude = (guint64) (-(bytes + 1)) + 1;
      g_string_append (string, "−");
    }
  else
    {
      magnitude = (guint64) bytes;
      if (bytes > 0)
        g_string_append_c (string, '+');
    }

  append_bytes (string, magnitude, units);
  return g_string_free (string, FALSE);
}

char *
ll_format_count (guint64 count)
{
  GString *string;
  guint64 unit = 1;
  guint64 scaled;
  guint decimals;
  guint i = 0;

  if (count < 1000)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, count);

  while (i < 6 && count / 1000 >= unit)
    {
      unit *= 1000;
      i++;
    }

  /* Three significant digits; rounding up may need one digit fewer after
   * the point ("9.995 k" -> "10.0 k") or the next prefix. */
  if ((unsigned __int128) count >= (unsigned __int128) unit * 100)
    decimals = 0;
  else if (count >= unit * 10)
    decimals = 1;
  else
    decimals = 2;

  for (;;)
    {
      scaled = divide_rounded ((unsigned __int128) count * power_of_ten (decimals), unit);
      if (scaled < 1000)
        break;
      if (decimals > 0)
        decimals--;
      else if (i < 6)
        {
          unit *= 1000;
          i++;
          decimals = 2;
        }
      else
        break;
    }

  string = g_string_new (NULL);
  append_fixed (string, scaled, decimals);
  g_string_append_printf (string, " %s", count_prefixes[i]);
  return g_string_free (string, FALSE);
}

char *
ll_format_count_exact (guint64 count)
{
  const char *separator = nl_langinfo (THOUSEP);
  const char *grouping = nl_langinfo (GROUPING);
  char digits[32];
  gsize n, group, left;
  GString *string;
  gsize cuts[32];
  guint n_cuts = 0;

  /* Grouped as the locale writes numbers ("167,214,333", "167 214 333",
   * "16,72,14,333"); where it has no grouping (C, POSIX), as English
   * does: nobody reads 167214333 at a glance. */
  if (separator == NULL || separator[0] == '\0' || grouping == NULL || grouping[0] <= 0)
    {
      separator = ",";
      grouping = "\3";
    }

  n = (gsize) g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, count);

  /* Where separators go, counted from the right; the last group size
   * repeats, CHAR_MAX ends the grouping. */
  left = n;
  group = (guchar) grouping[0];
  while (group > 0 && group != CHAR_MAX && left > group && n_cuts < G_N_ELEMENTS (cuts))
    {
      left -= group;
      cuts[n_cuts++] = left;
      if (grouping[1] != '\0')
        group = (guchar) *++grouping;
    }

  string = g_string_sized_new (n + n_cuts * strlen (separator));
  for (gsize i = 0; i < n; i++)
    {
      for (guint c = 0; c < n_cuts; c++)
        if (cuts[c] == i)
          g_string_append (string, separator);
      g_string_append_c (string, digits[i]);
    }

  return g_string_free (string, FALSE);
}

char *
ll_format_rate_bytes (double  bytes_per_second,
                      LlUnits units)
{
  double base = units == LL_UNITS_SI ? 1000.0 : 1024.0;
  double value = bytes_per_second;
  double shown;
  int decimals;
  guint i = 0;

  if (isnan (value) || value <= 0)
    return g_strdup_printf ("0 %s/s", ll_unit_name (units, 0));
  if (isinf (value))
    return g_strdup_printf ("∞ %s/s", ll_unit_name (units, 0));

  while (value >= base && i < 6)
    {
      value /= base;
      i++;
    }

  for (;;)
    {
      if (i == 0)
        {
          decimals = 0;
          shown = round (value);
        }
      else
        {
          shown = round (value * 10) / 10;
          decimals = 1;
          if (shown >= 100)
            {
              decimals = 0;
              shown = round (value);
            }
        }

      if (shown >= base && i < 6)
        {
          value /= base;
          i++;
        }
      else
        break;
    }

  return g_strdup_printf ("%.*f %s/s", decimals, shown, ll_unit_name (units, i));
}

/* @ns in @unit_ns units with one decimal below 100, none above; FALSE when
 * it rounds to 1000 units or more, i.e. belongs to the next unit. */
static gboolean
append_sub_second (GString    *string,
                   guint64     ns,
                   guint64     unit_ns,
                   const char *name)
{
  guint64 tenths = divide_rounded (ns, unit_ns / 10);
  guint64 whole;

  if (tenths < 1000)
    {
      append_fixed (string, tenths, 1);
      g_string_append_printf (string, " %s", name);
      return TRUE;
    }

  whole = divide_rounded (ns, unit_ns);
  if (whole < 1000)
    {
      g_string_append_printf (string, "%" G_GUINT64_FORMAT " %s", whole, name);
      return TRUE;
    }

  return FALSE;
}

char *
ll_format_duration (guint64 nanoseconds)
{
  const guint64 second = G_GUINT64_CONSTANT (1000000000);
  GString *string = g_string_new (NULL);
  guint64 hundredths, tenths, seconds, minutes;

  if (nanoseconds < 1000)
    {
      g_string_append_printf (string, "%" G_GUINT64_FORMAT " ns", nanoseconds);
      return g_string_free (string, FALSE);
    }

  if (nanoseconds < 1000000 && append_sub_second (string, nanoseconds, 1000, "µs"))
    return g_string_free (string, FALSE);

  if (nanoseconds < second && append_sub_second (string, nanoseconds, 1000000, "ms"))
    return g_string_free (string, FALSE);

  hundredths = divide_rounded (nanoseconds, second / 100);
  if (hundredths < 1000)
    {
      append_fixed (string, hundredths, 2);
      g_string_append (string, " s");
      return g_string_free (string, FALSE);
    }

  tenths = divide_rounded (nanoseconds, second / 10);
  if (tenths < 600)
    {
      append_fixed (string, tenths, 1);
      g_string_append (string, " s");
      return g_string_free (string, FALSE);
    }

  seconds = divide_rounded (nanoseconds, second);
  if (seconds < 3600)
    {
      /* Translators: minutes and seconds, e.g. "1 min 05 s" */
      g_string_append_printf (string, _("%u min %02u s"),
                              (guint) (seconds / 60), (guint) (seconds % 60));
      return g_string_free (string, FALSE);
    }

  minutes = divide_rounded (nanoseconds, 60 * second);
  if (minutes < 48 * 60)
    {
      /* Translators: hours and minutes, e.g. "1 h 02 min" */
      g_string_append_printf (string, _("%u h %02u min"),
                              (guint) (minutes / 60), (guint) (minutes % 60));
      return g_string_free (string, FALSE);
    }

  /* What a run would take, told in days or years as people count them:
   * "4.2 days", "49.5 years", "2,084 years". */
  {
    const guint64 day = 24 * 60, year = day * 365 + day / 4;
    gboolean in_years = minutes >= 2 * year;
    guint64 unit = in_years ? year : day;
    guint64 units = divide_rounded (minutes * 10, unit);
    g_autofree char *amount = NULL;
    GString *scratch = g_string_new (NULL);
    gulong plural;

    if (units < 1000)
      append_fixed (scratch, units, 1);
    else
      {
        g_autofree char *whole = ll_format_count_exact (divide_rounded (minutes, unit));

        g_string_append (scratch, whole);
      }
    amount = g_string_free (scratch, FALSE);
    plural = (gulong) MIN (units / 10, G_MAXULONG);
    if (in_years)
      /* Translators: a duration in years, e.g. "49.5 years" */
      g_string_append_printf (string, g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years", plural), amount);
    else
      /* Translators: a duration in days, e.g. "4.2 days" */
      g_string_append_printf (string, g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", plural), amount);
  }
  return g_string_free (string, FALSE);
}
