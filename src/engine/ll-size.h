/* ll-size.h — reading and writing sizes and counts the way people do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LL_SIZE_ERROR (ll_size_error_quark ())

typedef enum
{
  LL_SIZE_ERROR_EMPTY,
  LL_SIZE_ERROR_SYNTAX,     /* junk, or a number that isn't one */
  LL_SIZE_ERROR_UNIT,       /* unknown unit */
  LL_SIZE_ERROR_NEGATIVE,
  LL_SIZE_ERROR_ZERO,
  LL_SIZE_ERROR_FRACTION,   /* "1.5" bytes or elements */
  LL_SIZE_ERROR_OVERFLOW,   /* more than 2^64 - 1 */
  LL_SIZE_ERROR_AMBIGUOUS,  /* "1.000" (1 or 1000?), "1e" (exponent or exa?) */
} LlSizeError;

typedef enum
{
  LL_SIZE_FLAGS_NONE       = 0,
  LL_SIZE_FLAGS_ALLOW_ZERO = 1 << 0,
  /* Also as the app shows them in the user's language: the locale's decimal
   * point ("2,5 Go"), its digit grouping ("238 084 485") and the translated
   * unit names. Command lines and files never use this. */
  LL_SIZE_FLAGS_LOCALE     = 1 << 1,
} LlSizeFlags;

typedef enum
{
  LL_UNITS_IEC,  /* KiB, MiB, GiB: powers of 1024 (default) */
  LL_UNITS_SI,   /* kB, MB, GB: powers of 1000 */
} LlUnits;

GQuark   ll_size_error_quark  (void);

/* Bytes: "10GB", "10 GB", "10GiB", "512M", "512MiB", "1.5e9", "1_000", "4096",
 * "4096 B". Units are case-insensitive for the prefix; k/K, M, G, T, P, E
 * with "B" are SI (10^3n), with "iB" IEC (2^10n); a bare prefix ("512M")
 * is IEC, as in most command-line tools. Fractions are allowed when the
 * result is a whole number of bytes ("1.5GiB"), rounded down otherwise.
 * The error message says what was wrong and what is accepted. */
gboolean ll_size_parse_bytes  (const char  *text,
                               LlSizeFlags  flags,
                               guint64     *bytes,
                               GError     **error);

/* The same, and the units the text was written in: SI for "10GB" or
 * "10 Go", IEC for "10GiB", "512M" or plain bytes. */
gboolean ll_size_parse_bytes_units (const char  *text,
                                    LlSizeFlags  flags,
                                    guint64     *bytes,
                                    LlUnits     *units,
                                    GError     **error);

/* Counts: "20000000", "20_000_000", "20,000,000", "2e7", "20M" (SI: 10^6),
 * "1.5k". Forms that read two ways are refused (LL_SIZE_ERROR_AMBIGUOUS),
 * for bytes too: "1.000" (three decimals and no unit: one, or a thousand
 * grouped with a point?) and "1e" (an exponent without digits, or exa?).
 * Where the language groups digits with "." (LL_SIZE_FLAGS_LOCALE),
 * "1.000" is a thousand. */
gboolean ll_size_parse_count  (const char  *text,
                               LlSizeFlags  flags,
                               guint64     *count,
                               GError     **error);

/* Plain decimal numbers, such as a growth factor: "1.5", "2", "1e1"; with
 * LL_SIZE_FLAGS_LOCALE also as the user's language writes them ("1,5").
 * Never negative, never NaN or infinite. */
gboolean ll_size_parse_decimal (const char  *text,
                                LlSizeFlags  flags,
                                double      *number,
                                GError     **error);
/* The shortest text that reads back as @number, with the locale's decimal
 * point: "1.5", "16.0000001", "1,5". */
char    *ll_format_decimal    (double       number);

/* Text a person typed, as a message shows it: what is not UTF-8 as \xFF,
 * control characters as \n or \x1B (they would act on the terminal),
 * cut after 40 characters with "…". @length -1: up to the NUL. */
char    *ll_format_input      (const char  *text,
                               gssize       length);
/* The same, whole: for file names and messages. */
char    *ll_format_escaped    (const char  *text);

/* The unit of 1024^@power (IEC) or 1000^@power (SI) bytes, @power < 7,
 * in the user's language: "MiB", "Mio", "GB", "Go". */
const char *ll_unit_name      (LlUnits      units,
                               guint        power);
/* "171.66 MiB", "10.00 GB", "512 B", "1.00 KiB": 2 decimals below 1000 units,
 * exact bytes below 1 KiB. Locale-aware decimal separator. */
char    *ll_format_bytes      (guint64      bytes,
                               LlUnits      units);
/* @bytes rounded down to what ll_format_bytes () shows of it: the fewest
 * bytes that read so, and typed back, the same figure. For a size that
 * must not read more than it is, such as the largest target that fits:
 * 12,536,999,999 bytes read "12.54 GB"; rounded down, 12,530,000,000. */
guint64  ll_bytes_round_down  (guint64      bytes,
                               LlUnits      units);
/* @bytes in the unit of 1024^@power (IEC) or 1000^@power (SI) with
 * @decimals decimals, as a notebook prints them: "193.119 MiB". */
char    *ll_format_bytes_fixed (guint64     bytes,
                               LlUnits      units,
                               guint        power,
                               guint        decimals);
/* In the largest unit that @bytes reaches, with 3 decimals: "193.119 MiB",
 * "1.500 KiB", "312 B". */
char    *ll_format_bytes_precise (guint64   bytes,
                                 LlUnits   units);
/* Same, with an explicit sign: "+21.46 MiB" / "−1.00 GiB". */
char    *ll_format_bytes_delta (gint64      bytes,
                               LlUnits      units);
/* "22.5 M", "950", "1.20 G" — SI prefixes for counts, 3 significant digits. */
char    *ll_format_count      (guint64      count);
/* "22,500,004" with the locale's grouping. */
char    *ll_format_count_exact (guint64     count);
/* "3.2 GB/s" (SI) or "3.0 GiB/s" (IEC). */
char    *ll_format_rate_bytes (double       bytes_per_second,
                               LlUnits      units);
/* "412 ns", "3.2 µs", "12.5 ms", "2.41 s", "1 min 05 s", "1 h 02 min". */
char    *ll_format_duration   (guint64      nanoseconds);

G_END_DECLS
