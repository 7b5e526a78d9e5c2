/* test-size.c — parsing and formatting sizes, counts, rates and durations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>

#include "ll-size.h"

typedef struct
{
  const char *text;
  guint64     expected;
} GoodCase;

typedef struct
{
  const char  *text;
  LlSizeError  code;
  const char  *in_message;   /* besides the input itself */
} BadCase;

static const GoodCase good_bytes[] = {
  { "4096", 4096 },
  { "4096 B", 4096 },
  { "4096B", 4096 },
  { "4096 bytes", 4096 },
  { "1 byte", 1 },
  { "1", 1 },
  { "0001", 1 },
  { "00000000000000000000000000001", 1 },
  { "+5", 5 },
  { "  64 MiB  ", 64 * G_GUINT64_CONSTANT (1048576) },
  { "10GB", G_GUINT64_CONSTANT (10000000000) },
  { "10 GB", G_GUINT64_CONSTANT (10000000000) },
  { "10gb", G_GUINT64_CONSTANT (10000000000) },
  { "10Gb", G_GUINT64_CONSTANT (10000000000) },
  { "10GiB", G_GUINT64_CONSTANT (10737418240) },
  { "10 GiB", G_GUINT64_CONSTANT (10737418240) },
  { "10gib", G_GUINT64_CONSTANT (10737418240) },
  { "10G", G_GUINT64_CONSTANT (10737418240) },
  { "10Gi", G_GUINT64_CONSTANT (10737418240) },
  { "512M", 536870912 },
  { "512m", 536870912 },
  { "512MiB", 536870912 },
  { "512MB", 512000000 },
  { "12.5MB", 12500000 },
  { "1k", 1024 },
  { "1K", 1024 },
  { "1KiB", 1024 },
  { "1kB", 1000 },
  { "1KB", 1000 },
  { "1T", G_GUINT64_CONSTANT (1099511627776) },
  { "1TB", G_GUINT64_CONSTANT (1000000000000) },
  { "1P", G_GUINT64_CONSTANT (1125899906842624) },
  { "1PB", G_GUINT64_CONSTANT (1000000000000000) },
  { "1E", G_GUINT64_CONSTANT (1152921504606846976) },
  { "1EiB", G_GUINT64_CONSTANT (1152921504606846976) },
  { "1EB", G_GUINT64_CONSTANT (1000000000000000000) },
  { "15EiB", G_GUINT64_CONSTANT (17293822569102704640) },
  { "1.5e9", 1500000000 },
  { "1.5E9", 1500000000 },
  { "1e9", 1000000000 },
  { "1e+9", 1000000000 },
  { "2.5e3 KiB", 2560000 },
  { "1e19", G_GUINT64_CONSTANT (10000000000000000000) },
  { "1.5e3", 1500 },
  { "100e-2", 1 },
  { "0.1e1", 1 },
  { "2.0", 2 },
  { "1_000", 1000 },
  { "1_000_000_000", 1000000000 },
  { "1_0", 10 },
  { "1.5GiB", 1610612736 },
  { "1.5 GiB", 1610612736 },
  { "1\xc2\xa0GiB", 1073741824 },            /* no-break space */
  { ".5KiB", 512 },
  { "0.5KiB", 512 },
  { "1.3KiB", 1331 },                        /* 1331.2, rounded down */
  { "0.001KB", 1 },
  { "1e-3KB", 1 },
  { "1.0000000000000000000000000001GiB", 1073741824 },
  { "0.000000000000000001EB", 1 },
  { "18446744073709551615", G_MAXUINT64 },
  { "18446744073709551615 B", G_MAXUINT64 },
  { "18.446744073709551615EB", G_MAXUINT64 },
  { "18_446_744_073_709_551_615", G_MAXUINT64 },
  { "15.999999999999999999EiB", G_GUINT64_CONSTANT (18446744073709551614) },
  /* Exact decimal arithmetic, where binary floating point would be off. */
  { "0.0000000000000000000000000000001e31", 1 },
  { "123456789012345678901234567890e-20KiB", G_GUINT64_CONSTANT (1264197519486) },
  { "0.1EiB", G_GUINT64_CONSTANT (115292150460684697) },
  { "0.3e1", 3 },
};

static const BadCase bad_bytes[] = {
  { "", LL_SIZE_ERROR_EMPTY, "No size" },
  { "   ", LL_SIZE_ERROR_EMPTY, "No size" },
  { "abc", LL_SIZE_ERROR_SYNTAX, "not a size" },
  { "GB", LL_SIZE_ERROR_SYNTAX, "not a size" },
  { "nan", LL_SIZE_ERROR_SYNTAX, "not a size" },
  { "NaN", LL_SIZE_ERROR_SYNTAX, "not a size" },
  { "inf", LL_SIZE_ERROR_SYNTAX, "not a size" },
  { "infinity", LL_SIZE_ERROR_SYNTAX, "not a size" },
  { "-inf", LL_SIZE_ERROR_SYNTAX, "not a size" },
  { "0x10", LL_SIZE_ERROR_SYNTAX, "hexadecimal" },
  { "0X1F", LL_SIZE_ERROR_SYNTAX, "hexadecimal" },
  { "1.2.3", LL_SIZE_ERROR_SYNTAX, "more than one decimal point" },
  { "1.2.3GB", LL_SIZE_ERROR_SYNTAX, "more than one decimal point" },
  { "1..2", LL_SIZE_ERROR_SYNTAX, "decimal point" },
  { "1.", LL_SIZE_ERROR_SYNTAX, "decimal point" },
  { ".", LL_SIZE_ERROR_SYNTAX, "decimal point" },
  { "1,000", LL_SIZE_ERROR_SYNTAX, "comma" },
  { "1,5GiB", LL_SIZE_ERROR_SYNTAX, "comma" },
  { "1__000", LL_SIZE_ERROR_SYNTAX, "‘_’" },
  { "_1", LL_SIZE_ERROR_SYNTAX, "‘_’" },
  { "1_", LL_SIZE_ERROR_SYNTAX, "‘_’" },
  { "1_.5", LL_SIZE_ERROR_SYNTAX, "‘_’" },
  { "5 5", LL_SIZE_ERROR_SYNTAX, "not a size" },
  { "1-2", LL_SIZE_ERROR_SYNTAX, "not a size" },
  { "1e+", LL_SIZE_ERROR_SYNTAX, "not a size" },
  { "1e5.5", LL_SIZE_ERROR_SYNTAX, "exponent" },
  { "12XB", LL_SIZE_ERROR_UNIT, "unknown unit ‘XB’" },
  { "10 %", LL_SIZE_ERROR_UNIT, "unknown unit ‘%’" },
  { "1 GiBs", LL_SIZE_ERROR_UNIT, "unknown unit ‘GiBs’" },
  { "1 kiB extra", LL_SIZE_ERROR_UNIT, "unknown unit" },
  { "3 µs", LL_SIZE_ERROR_UNIT, "unknown unit ‘µs’" },
  { "2 bits", LL_SIZE_ERROR_UNIT, "unknown unit ‘bits’" },
  { "-5", LL_SIZE_ERROR_NEGATIVE, "negative" },
  { "-5GB", LL_SIZE_ERROR_NEGATIVE, "negative" },
  { "−5GB", LL_SIZE_ERROR_NEGATIVE, "negative" },    /* U+2212 */
  { "-1.5KiB", LL_SIZE_ERROR_NEGATIVE, "negative" },
  { "-0.5", LL_SIZE_ERROR_NEGATIVE, "negative" },
  { "0", LL_SIZE_ERROR_ZERO, "zero" },
  { "0GB", LL_SIZE_ERROR_ZERO, "zero" },
  { "0.0 MiB", LL_SIZE_ERROR_ZERO, "zero" },
  { "-0", LL_SIZE_ERROR_ZERO, "zero" },
  { "0.0001KiB", LL_SIZE_ERROR_ZERO, "less than one byte" },
  { "1e-100000000000KiB", LL_SIZE_ERROR_ZERO, "less than one byte" },
  { "1.5", LL_SIZE_ERROR_FRACTION, "whole number of bytes" },
  { "1.5 B", LL_SIZE_ERROR_FRACTION, "whole number of bytes" },
  { "15e-1", LL_SIZE_ERROR_FRACTION, "whole number of bytes" },
  { "0.5", LL_SIZE_ERROR_FRACTION, "whole number of bytes" },
  { "16EiB", LL_SIZE_ERROR_OVERFLOW, "too large" },
  { "16E", LL_SIZE_ERROR_OVERFLOW, "too large" },
  { "20EB", LL_SIZE_ERROR_OVERFLOW, "too large" },
  { "18446744073709551616", LL_SIZE_ERROR_OVERFLOW, "18446744073709551615" },
  { "99999999999999999999", LL_SIZE_ERROR_OVERFLOW, "too large" },
  { "100000000000000000000000000000000", LL_SIZE_ERROR_OVERFLOW, "too large" },
  { "18.446744073709551616EB", LL_SIZE_ERROR_OVERFLOW, "too large" },
  { "16.000000000000000001EiB", LL_SIZE_ERROR_OVERFLOW, "too large" },
  { "1e20", LL_SIZE_ERROR_OVERFLOW, "too large" },
  { "123456789012345678901234567890e-20", LL_SIZE_ERROR_FRACTION, "whole number of bytes" },
  { "1e100000000000000000000", LL_SIZE_ERROR_OVERFLOW, "too large" },
  { "17179869184GiB", LL_SIZE_ERROR_OVERFLOW, "too large" },
};

static const GoodCase good_counts[] = {
  { "20000000", 20000000 },
  { "20_000_000", 20000000 },
  { "20,000,000", 20000000 },
  { "1,000", 1000 },
  { "999,999,999", 999999999 },
  { "2e7", 20000000 },
  { "2E7", 20000000 },
  { "20M", 20000000 },
  { "20m", 20000000 },
  { "20 M", 20000000 },
  { "1.5k", 1500 },
  { "1.5K", 1500 },
  { "1,000.5k", 1000500 },
  { "1.0005k", 1000 },                       /* rounded down, as for bytes */
  { "1G", 1000000000 },
  { "1T", G_GUINT64_CONSTANT (1000000000000) },
  { "1P", G_GUINT64_CONSTANT (1000000000000000) },
  { "1E", G_GUINT64_CONSTANT (1000000000000000000) },
  { "3", 3 },
  { "18446744073709551615", G_MAXUINT64 },
  { "18,446,744,073,709,551,615", G_MAXUINT64 },
};

static const BadCase bad_counts[] = {
  { "", LL_SIZE_ERROR_EMPTY, "No number" },
  { "lots", LL_SIZE_ERROR_SYNTAX, "not a number" },
  { "1,00", LL_SIZE_ERROR_SYNTAX, "groups of three" },
  { "1,0000", LL_SIZE_ERROR_SYNTAX, "groups of three" },
  { "12,34,567", LL_SIZE_ERROR_SYNTAX, "groups of three" },
  { "1234,567", LL_SIZE_ERROR_SYNTAX, "groups of three" },
  { ",100", LL_SIZE_ERROR_SYNTAX, "groups of three" },
  { "1,000,00", LL_SIZE_ERROR_SYNTAX, "groups of three" },
  { "1,5k", LL_SIZE_ERROR_SYNTAX, "groups of three" },
  { "1.5,000", LL_SIZE_ERROR_SYNTAX, "groups of three" },
  { "1,00.5", LL_SIZE_ERROR_SYNTAX, "groups of three" },
  { "0x20", LL_SIZE_ERROR_SYNTAX, "hexadecimal" },
  { "20MiB", LL_SIZE_ERROR_UNIT, "unknown unit ‘MiB’" },
  { "20MB", LL_SIZE_ERROR_UNIT, "unknown unit ‘MB’" },
  { "20 elements", LL_SIZE_ERROR_UNIT, "unknown unit ‘elements’" },
  { "-3", LL_SIZE_ERROR_NEGATIVE, "negative" },
  { "0", LL_SIZE_ERROR_ZERO, "zero" },
  { "0.0001k", LL_SIZE_ERROR_ZERO, "less than one" },
  { "1.5", LL_SIZE_ERROR_FRACTION, "whole number" },
  { "2.5e0", LL_SIZE_ERROR_FRACTION, "whole number" },
  { "2e19", LL_SIZE_ERROR_OVERFLOW, "too large" },
  { "18446744073709551616", LL_SIZE_ERROR_OVERFLOW, "too large" },
  { "19E", LL_SIZE_ERROR_OVERFLOW, "too large" },
};

static void
test_parse_bytes_good (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (good_bytes); i++)
    {
      g_autoptr(GError) error = NULL;
      guint64 bytes = 0;

      g_test_message ("bytes: “%s”", good_bytes[i].text);
      g_assert_true (ll_size_parse_bytes (good_bytes[i].text, LL_SIZE_FLAGS_NONE, &bytes, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (bytes, ==, good_bytes[i].expected);
    }
}

static void
check_bad (const BadCase *cases,
           gsize          n_cases,
           gboolean       count)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *trimmed = g_strstrip (g_strdup (cases[i].text));
      g_autofree char *quoted = g_strdup_printf ("‘%s’", trimmed);
      guint64 value = 12345;
      gboolean ok;

      g_test_message ("%s: “%s”", count ? "count" : "bytes", cases[i].text);
      if (count)
        ok = ll_size_parse_count (cases[i].text, LL_SIZE_FLAGS_NONE, &value, &error);
      else
        ok = ll_size_parse_bytes (cases[i].text, LL_SIZE_FLAGS_NONE, &value, &error);

      g_assert_false (ok);
      g_assert_error (error, LL_SIZE_ERROR, (int) cases[i].code);
      g_assert_cmpuint (value, ==, 12345);
      if (trimmed[0] != '\0')
        g_assert_nonnull (strstr (error->message, quoted));
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
      /* Every message says what is accepted, too. */
      if (count)
        g_assert_true (strstr (error->message, "20_000_000") != NULL ||
                       strstr (error->message, "1.5k") != NULL ||
                       strstr (error->message, "18446744073709551615") != NULL);
      else
        g_assert_true (strstr (error->message, "512MiB, 10GB or 1.5GiB") != NULL ||
                       strstr (error->message, "1.5KiB") != NULL ||
                       strstr (error->message, "18446744073709551615") != NULL);
    }
}

static void
test_parse_bytes_bad (void)
{
  check_bad (bad_bytes, G_N_ELEMENTS (bad_bytes), FALSE);
}

static void
test_parse_counts_good (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (good_counts); i++)
    {
      g_autoptr(GError) error = NULL;
      guint64 count = 0;

      g_test_message ("count: “%s”", good_counts[i].text);
      g_assert_true (ll_size_parse_count (good_counts[i].text, LL_SIZE_FLAGS_NONE, &count, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count, ==, good_counts[i].expected);
    }
}

static void
test_parse_counts_bad (void)
{
  check_bad (bad_counts, G_N_ELEMENTS (bad_counts), TRUE);
}

static void
test_parse_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = NULL;
  guint64 value;

  g_assert_false (ll_size_parse_bytes ("12XB", LL_SIZE_FLAGS_NONE, &value, &error));
  g_assert_cmpstr (error->message, ==,
                   "‘12XB’ has an unknown unit ‘XB’. "
                   "Use bytes or a unit such as 512MiB, 10GB or 1.5GiB.");
  g_clear_error (&error);

  g_assert_false (ll_size_parse_count ("20MiB", LL_SIZE_FLAGS_NONE, &value, &error));
  g_assert_cmpstr (error->message, ==,
                   "‘20MiB’ has an unknown unit ‘MiB’. "
                   "Use a whole number such as 20000000, 20_000_000, 2e7 or 20M.");
  g_clear_error (&error);

  /* Long or broken input is shortened and made printable. */
  long_text = g_strnfill (500, 'x');
  g_assert_false (ll_size_parse_bytes (long_text, LL_SIZE_FLAGS_NONE, &value, &error));
  g_assert_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_SYNTAX);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_assert_nonnull (strstr (error->message, "xxx…"));
  g_clear_error (&error);

  g_assert_false (ll_size_parse_bytes ("12\xff\xfe", LL_SIZE_FLAGS_NONE, &value, &error));
  g_assert_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_UNIT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  /* A NULL error is fine. */
  g_assert_false (ll_size_parse_bytes ("junk", LL_SIZE_FLAGS_NONE, &value, NULL));
}

/* A decimal (a policy's factor) is never negative, not even zero with a
 * sign, wherever white space puts the sign. */
static void
test_parse_decimal_sign (void)
{
  const char *negative[] = { "-0", " -0", "\v-0", "\t-0.0", "-0e3", "-1.5", "\v-2" };
  const struct { const char *text; double value; } good[] = {
    { "1.5", 1.5 }, { " 1.5 ", 1.5 }, { "\v2", 2 }, { "+0", 0 }, { "0", 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (negative); i++)
    {
      g_autoptr(GError) error = NULL;
      double number = 99;

      g_assert_false (ll_size_parse_decimal (negative[i], LL_SIZE_FLAGS_NONE, &number, &error));
      g_assert_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_NEGATIVE);
      g_assert_cmpfloat (number, ==, 99);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      double number = -1;

      g_assert_true (ll_size_parse_decimal (good[i].text, LL_SIZE_FLAGS_NONE, &number, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (number, ==, good[i].value);
      g_assert_false (signbit (number));
    }
}

static void
test_parse_zero (void)
{
  const char *zeros[] = { "0", "0.0", "0e5", "-0", "0_000", "0k", "0,000" };
  const char *zero_sizes[] = { "0 B", "0GB", "0 GiB" };
  g_autoptr(GError) error = NULL;
  guint64 value;

  for (gsize i = 0; i < G_N_ELEMENTS (zeros); i++)
    {
      if (strchr (zeros[i], ',') == NULL)
        {
          value = 99;
          g_assert_true (ll_size_parse_bytes (zeros[i], LL_SIZE_FLAGS_ALLOW_ZERO, &value, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (value, ==, 0);
        }

      value = 99;
      g_assert_true (ll_size_parse_count (zeros[i], LL_SIZE_FLAGS_ALLOW_ZERO, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (value, ==, 0);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (zero_sizes); i++)
    {
      value = 99;
      g_assert_true (ll_size_parse_bytes (zero_sizes[i], LL_SIZE_FLAGS_ALLOW_ZERO, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (value, ==, 0);
    }

  /* Less than a byte rounds down to zero, which is then allowed. */
  g_assert_true (ll_size_parse_bytes ("0.1KiB", LL_SIZE_FLAGS_ALLOW_ZERO, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (value, ==, 102);
  g_assert_true (ll_size_parse_bytes ("0.0001KiB", LL_SIZE_FLAGS_ALLOW_ZERO, &value, &error));
  g_assert_cmpuint (value, ==, 0);

  /* Zero never excuses the other mistakes. */
  g_assert_false (ll_size_parse_bytes ("0.5", LL_SIZE_FLAGS_ALLOW_ZERO, &value, &error));
  g_assert_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_FRACTION);
  g_clear_error (&error);
  g_assert_false (ll_size_parse_bytes ("-1", LL_SIZE_FLAGS_ALLOW_ZERO, &value, &error));
  g_assert_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_NEGATIVE);
  g_clear_error (&error);

  /* The result may be NULL when only validity matters. */
  g_assert_true (ll_size_parse_bytes ("1GiB", LL_SIZE_FLAGS_NONE, NULL, NULL));
}

/* Every power of two and its neighbours, with and without units. */
static void
test_parse_exhaustive (void)
{
  static const char * const iec[] = { "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
  static const char * const si[] = { "kB", "MB", "GB", "TB", "PB", "EB" };

  for (guint shift = 0; shift < 64; shift++)
    {
      guint64 values[] = { G_GUINT64_CONSTANT (1) << shift, (G_GUINT64_CONSTANT (1) << shift) + 1,
                           (G_GUINT64_CONSTANT (1) << shift) - 1 };

      for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
        {
          g_autofree char *text = NULL;
          guint64 parsed = 0;

          if (values[i] == 0)
            continue;
          text = g_strdup_printf ("%" G_GUINT64_FORMAT, values[i]);
          g_assert_true (ll_size_parse_bytes (text, LL_SIZE_FLAGS_NONE, &parsed, NULL));
          g_assert_cmpuint (parsed, ==, values[i]);
        }
    }

  for (guint n = 0; n < G_N_ELEMENTS (iec); n++)
    for (guint64 m = 1; m <= 15; m++)
      {
        g_autofree char *a = g_strdup_printf ("%" G_GUINT64_FORMAT "%s", m, iec[n]);
        g_autofree char *b = g_strdup_printf ("%" G_GUINT64_FORMAT " %s", m, si[n]);
        guint64 pow10 = 1, parsed = 0;

        for (guint k = 0; k < 3 * (n + 1); k++)
          pow10 *= 10;
        g_assert_true (ll_size_parse_bytes (a, LL_SIZE_FLAGS_NONE, &parsed, NULL));
        g_assert_cmpuint (parsed, ==, m << (10 * (n + 1)));
        g_assert_true (ll_size_parse_bytes (b, LL_SIZE_FLAGS_NONE, &parsed, NULL));
        g_assert_cmpuint (parsed, ==, m * pow10);
      }
}

static void
check_format (char       *result,
              const char *expected)
{
  g_assert_cmpstr (result, ==, expected);
  g_free (result);
}

/* Forms that read two ways are refused, not guessed. */
static void
test_parse_ambiguous (void)
{
  const char *ambiguous[] = { "1.000", "12.345", "1.500", " 2.048 ", "1e", "2e", "1.5e" };
  const char *clear[] = { "1.0", "1.0000", "0.500k", "1.000k", "1,000", "1_000", "1e3", "1E", "1.000e3" };
  guint64 value;

  for (gsize i = 0; i < G_N_ELEMENTS (ambiguous); i++)
    {
      g_autoptr(GError) count_error = NULL;
      g_autoptr(GError) bytes_error = NULL;

      g_assert_false (ll_size_parse_count (ambiguous[i], LL_SIZE_FLAGS_NONE, &value, &count_error));
      g_assert_error (count_error, LL_SIZE_ERROR, LL_SIZE_ERROR_AMBIGUOUS);
      g_assert_nonnull (strstr (count_error->message, "ambiguous"));
      g_assert_false (ll_size_parse_bytes (ambiguous[i], LL_SIZE_FLAGS_NONE, &value, &bytes_error));
      g_assert_error (bytes_error, LL_SIZE_ERROR, LL_SIZE_ERROR_AMBIGUOUS);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (clear); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!ll_size_parse_count (clear[i], LL_SIZE_FLAGS_ALLOW_ZERO, &value, &error))
        g_assert_false (g_error_matches (error, LL_SIZE_ERROR, LL_SIZE_ERROR_AMBIGUOUS));
    }

  g_assert_true (ll_size_parse_count ("1,000", LL_SIZE_FLAGS_NONE, &value, NULL));
  g_assert_cmpuint (value, ==, 1000);
  /* In the app, where the language's decimal point is "." too. */
  g_assert_false (ll_size_parse_bytes ("1.000", LL_SIZE_FLAGS_LOCALE, &value, NULL));
  g_assert_true (ll_size_parse_count ("1E", LL_SIZE_FLAGS_NONE, &value, NULL));
  g_assert_cmpuint (value, ==, G_GUINT64_CONSTANT (1000000000000000000));
  g_assert_true (ll_size_parse_bytes ("1.000GB", LL_SIZE_FLAGS_NONE, &value, NULL));
  g_assert_cmpuint (value, ==, 1000000000);
  g_assert_true (ll_size_parse_bytes ("1EiB", LL_SIZE_FLAGS_NONE, &value, NULL));
  g_assert_cmpuint (value, ==, G_GUINT64_CONSTANT (1) << 60);
}

/* What people typed, shown in messages without acting on the terminal. */
static void
test_format_input (void)
{
  g_autoptr(GError) error = NULL;
  guint64 value;

  check_format (ll_format_input ("10 GB", -1), "10 GB");
  check_format (ll_format_input ("\x1b[2J", -1), "\\x1B[2J");
  check_format (ll_format_input ("a\nb\tc\r", -1), "a\\nb\\tc\\r");
  check_format (ll_format_input ("\xff\xfe" "1", -1), "\\xFF\\xFE1");
  check_format (ll_format_input ("caf\xc3\xa9", -1), "caf\xc3\xa9");
  check_format (ll_format_input ("a\0b", 3), "a\\x00b");
  check_format (ll_format_input ("x\xe2\x80\xae" "y", -1), "x\\u202Ey");
  check_format (ll_format_input ("0123456789012345678901234567890123456789XYZ", -1),
                "0123456789012345678901234567890123456789…");

  g_assert_false (ll_size_parse_bytes ("\x1b[2J10", LL_SIZE_FLAGS_NONE, &value, &error));
  g_assert_null (strchr (error->message, '\x1b'));
  g_assert_nonnull (strstr (error->message, "\\x1B[2J10"));
}

static void
test_format_bytes (void)
{
  check_format (ll_format_bytes (0, LL_UNITS_IEC), "0 B");
  check_format (ll_format_bytes (512, LL_UNITS_IEC), "512 B");
  check_format (ll_format_bytes (1000, LL_UNITS_IEC), "1000 B");
  check_format (ll_format_bytes (1023, LL_UNITS_IEC), "1023 B");
  check_format (ll_format_bytes (1024, LL_UNITS_IEC), "1.00 KiB");
  check_format (ll_format_bytes (1536, LL_UNITS_IEC), "1.50 KiB");
  check_format (ll_format_bytes (1152, LL_UNITS_IEC), "1.13 KiB");   /* 1.125, half up */
  check_format (ll_format_bytes (1048570, LL_UNITS_IEC), "1023.99 KiB");
  check_format (ll_format_bytes (1048575, LL_UNITS_IEC), "1.00 MiB"); /* 1023.999 KiB */
  check_format (ll_format_bytes (1048576, LL_UNITS_IEC), "1.00 MiB");
  /* The notebook's list after one append, and the next growth. */
  check_format (ll_format_bytes (180000088, LL_UNITS_IEC), "171.66 MiB");
  check_format (ll_format_bytes (202500120, LL_UNITS_IEC), "193.12 MiB");
  check_format (ll_format_bytes (G_GUINT64_CONSTANT (10000000000), LL_UNITS_IEC), "9.31 GiB");
  check_format (ll_format_bytes (G_GUINT64_CONSTANT (10737418240), LL_UNITS_IEC), "10.00 GiB");
  check_format (ll_format_bytes (G_GUINT64_CONSTANT (1) << 40, LL_UNITS_IEC), "1.00 TiB");
  check_format (ll_format_bytes (G_GUINT64_CONSTANT (1) << 50, LL_UNITS_IEC), "1.00 PiB");
  check_format (ll_format_bytes (G_GUINT64_CONSTANT (1) << 60, LL_UNITS_IEC), "1.00 EiB");
  check_format (ll_format_bytes (G_MAXUINT64, LL_UNITS_IEC), "16.00 EiB");

  check_format (ll_format_bytes (999, LL_UNITS_SI), "999 B");
  check_format (ll_format_bytes (1000, LL_UNITS_SI), "1.00 kB");
  check_format (ll_format_bytes (1024, LL_UNITS_SI), "1.02 kB");
  check_format (ll_format_bytes (999994, LL_UNITS_SI), "999.99 kB");
  check_format (ll_format_bytes (999995, LL_UNITS_SI), "1.00 MB");
  check_format (ll_format_bytes (G_GUINT64_CONSTANT (10000000000), LL_UNITS_SI), "10.00 GB");
  check_format (ll_format_bytes (G_GUINT64_CONSTANT (10737418240), LL_UNITS_SI), "10.74 GB");
  check_format (ll_format_bytes (G_GUINT64_CONSTANT (1000000000000000000), LL_UNITS_SI), "1.00 EB");
  check_format (ll_format_bytes (G_MAXUINT64, LL_UNITS_SI), "18.45 EB");
}

/* No value may print as 1024.00 of a unit (or 1000.00 of an SI one). */
static void
test_format_bytes_boundaries (void)
{
  for (guint n = 1; n <= 6; n++)
    {
      guint64 iec_unit = G_GUINT64_CONSTANT (1) << (10 * n);
      guint64 si_unit = 1;

      for (guint k = 0; k < n; k++)
        si_unit *= 1000;

      for (guint64 delta = 1; delta < 4096; delta += 7)
        {
          g_autofree char *a = ll_format_bytes (iec_unit - delta, LL_UNITS_IEC);
          g_autofree char *b = ll_format_bytes (si_unit - delta, LL_UNITS_SI);

          g_assert_null (strstr (a, "1024.00"));
          g_assert_null (strstr (b, "1000.00"));
        }
    }
}

static void
test_format_bytes_fixed (void)
{
  /* The notebook's figures: sys.getsizeof / 1024 / 1024 to 3 decimals. */
  check_format (ll_format_bytes_fixed (56 + 8 * G_GUINT64_CONSTANT (22500004), LL_UNITS_IEC, 2, 3),
                "171.661 MiB");
  check_format (ll_format_bytes_fixed (56 + 8 * G_GUINT64_CONSTANT (20000000), LL_UNITS_IEC, 2, 3),
                "152.588 MiB");
  check_format (ll_format_bytes_fixed (0, LL_UNITS_IEC, 2, 3), "0.000 MiB");
  check_format (ll_format_bytes_fixed (1500, LL_UNITS_SI, 1, 1), "1.5 kB");
  check_format (ll_format_bytes_fixed (512, LL_UNITS_IEC, 0, 0), "512 B");
  /* Rounded half up, never through a double. */
  check_format (ll_format_bytes_fixed (1048576 + 524, LL_UNITS_IEC, 2, 3), "1.000 MiB");
  check_format (ll_format_bytes_fixed (1048576 + 525, LL_UNITS_IEC, 2, 3), "1.001 MiB");
  check_format (ll_format_bytes_fixed (G_MAXUINT64, LL_UNITS_IEC, 6, 3), "16.000 EiB");

  check_format (ll_format_bytes_precise (56 + 8 * G_GUINT64_CONSTANT (27000404), LL_UNITS_IEC),
                "205.997 MiB");
  check_format (ll_format_bytes_precise (312, LL_UNITS_IEC), "312 B");
  check_format (ll_format_bytes_precise (1024, LL_UNITS_IEC), "1.000 KiB");
  check_format (ll_format_bytes_precise (1023, LL_UNITS_IEC), "1023 B");
  check_format (ll_format_bytes_precise (1000, LL_UNITS_SI), "1.000 kB");
  check_format (ll_format_bytes_precise (G_MAXUINT64, LL_UNITS_SI), "18.447 EB");
}

static void
test_format_bytes_delta (void)
{
  check_format (ll_format_bytes_delta (22500032, LL_UNITS_IEC), "+21.46 MiB");
  check_format (ll_format_bytes_delta (-1073741824, LL_UNITS_IEC), "−1.00 GiB");
  check_format (ll_format_bytes_delta (0, LL_UNITS_IEC), "0 B");
  check_format (ll_format_bytes_delta (1, LL_UNITS_IEC), "+1 B");
  check_format (ll_format_bytes_delta (-512, LL_UNITS_SI), "−512 B");
  check_format (ll_format_bytes_delta (2000000000, LL_UNITS_SI), "+2.00 GB");
  check_format (ll_format_bytes_delta (G_MININT64, LL_UNITS_IEC), "−8.00 EiB");
  check_format (ll_format_bytes_delta (G_MAXINT64, LL_UNITS_IEC), "+8.00 EiB");
}

static void
test_format_count (void)
{
  check_format (ll_format_count (0), "0");
  check_format (ll_format_count (950), "950");
  check_format (ll_format_count (999), "999");
  check_format (ll_format_count (1000), "1.00 k");
  check_format (ll_format_count (9994), "9.99 k");
  check_format (ll_format_count (9995), "10.0 k");
  check_format (ll_format_count (10000), "10.0 k");
  check_format (ll_format_count (99949), "99.9 k");
  check_format (ll_format_count (99950), "100 k");
  check_format (ll_format_count (123456), "123 k");
  check_format (ll_format_count (999499), "999 k");
  check_format (ll_format_count (999500), "1.00 M");
  check_format (ll_format_count (22500004), "22.5 M");
  check_format (ll_format_count (1200000000), "1.20 G");
  check_format (ll_format_count (G_GUINT64_CONSTANT (300000000000)), "300 G");
  check_format (ll_format_count (G_GUINT64_CONSTANT (1000000000000)), "1.00 T");
  check_format (ll_format_count (G_GUINT64_CONSTANT (1000000000000000)), "1.00 P");
  check_format (ll_format_count (G_MAXUINT64), "18.4 E");
}

static void
test_format_count_exact_c (void)
{
  check_format (ll_format_count_exact (0), "0");
  check_format (ll_format_count_exact (950), "950");
  /* C has no grouping of its own: grouped as in English. */
  check_format (ll_format_count_exact (1000), "1,000");
  check_format (ll_format_count_exact (999999), "999,999");
  check_format (ll_format_count_exact (22500004), "22,500,004");
  check_format (ll_format_count_exact (167214333), "167,214,333");
  check_format (ll_format_count_exact (G_MAXUINT64), "18,446,744,073,709,551,615");
}

static void
test_format_rate (void)
{
  check_format (ll_format_rate_bytes (3.2e9, LL_UNITS_SI), "3.2 GB/s");
  check_format (ll_format_rate_bytes (3.2e9, LL_UNITS_IEC), "3.0 GiB/s");
  check_format (ll_format_rate_bytes (512, LL_UNITS_IEC), "512 B/s");
  check_format (ll_format_rate_bytes (1023.4, LL_UNITS_IEC), "1023 B/s");
  check_format (ll_format_rate_bytes (1023.6, LL_UNITS_IEC), "1.0 KiB/s");
  check_format (ll_format_rate_bytes (150e6, LL_UNITS_SI), "150 MB/s");
  check_format (ll_format_rate_bytes (99.96e6, LL_UNITS_SI), "100 MB/s");
  check_format (ll_format_rate_bytes (12.34e6, LL_UNITS_SI), "12.3 MB/s");
  check_format (ll_format_rate_bytes (999.96e6, LL_UNITS_SI), "1.0 GB/s");
  check_format (ll_format_rate_bytes (0, LL_UNITS_SI), "0 B/s");
  check_format (ll_format_rate_bytes (-5, LL_UNITS_SI), "0 B/s");
  check_format (ll_format_rate_bytes (NAN, LL_UNITS_SI), "0 B/s");
  check_format (ll_format_rate_bytes (INFINITY, LL_UNITS_SI), "∞ B/s");
}

static void
test_format_duration (void)
{
  const guint64 s = 1000000000;

  check_format (ll_format_duration (0), "0 ns");
  check_format (ll_format_duration (412), "412 ns");
  check_format (ll_format_duration (999), "999 ns");
  check_format (ll_format_duration (1000), "1.0 µs");
  check_format (ll_format_duration (3200), "3.2 µs");
  check_format (ll_format_duration (99949), "99.9 µs");
  check_format (ll_format_duration (99950), "100 µs");
  check_format (ll_format_duration (150000), "150 µs");
  check_format (ll_format_duration (999499), "999 µs");
  check_format (ll_format_duration (999500), "1.0 ms");
  check_format (ll_format_duration (12500000), "12.5 ms");
  check_format (ll_format_duration (999500000), "1.00 s");
  check_format (ll_format_duration (2410000000), "2.41 s");
  check_format (ll_format_duration (9995000000), "10.0 s");
  check_format (ll_format_duration (12500000000), "12.5 s");
  check_format (ll_format_duration (59940000000), "59.9 s");
  check_format (ll_format_duration (59960000000), "1 min 00 s");
  check_format (ll_format_duration (65 * s), "1 min 05 s");
  check_format (ll_format_duration (3599 * s), "59 min 59 s");
  check_format (ll_format_duration (3599 * s + s / 2), "1 h 00 min");
  check_format (ll_format_duration (3720 * s), "1 h 02 min");
  check_format (ll_format_duration (100 * 3600 * s), "100 h 00 min");
  check_format (ll_format_duration (G_MAXUINT64), "5124095 h 35 min");
}

/* Switches to a locale with a decimal comma and thousands grouping: an
 * installed one if there is one, else one compiled into a scratch folder
 * with localedef. (setlocale, not newlocale: glibc's newlocale leaks the
 * LOCPATH it reads.) */
static gboolean
use_grouping_locale (char **scratch)
{
  static const char * const names[] = { "de_DE.UTF-8", "de_DE.utf8", "de_CH.UTF-8" };
  g_autofree char *localedef = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  gboolean found;
  int status = 1;

  *scratch = NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (setlocale (LC_ALL, names[i]) != NULL && g_str_equal (nl_langinfo (RADIXCHAR), ","))
      return TRUE;

  localedef = g_find_program_in_path ("localedef");
  if (localedef == NULL)
    return FALSE;

  dir = g_dir_make_tmp ("listlab-locale-XXXXXX", NULL);
  g_assert_nonnull (dir);
  target = g_build_filename (dir, "de_DE.UTF-8", NULL);
  {
    const char *argv[] = { localedef, "-i", "de_DE", "-f", "UTF-8", target, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL))
      status = 1;
  }

  g_setenv ("LOCPATH", dir, TRUE);
  found = setlocale (LC_ALL, "de_DE.UTF-8") != NULL;
  g_unsetenv ("LOCPATH");
  *scratch = g_steal_pointer (&dir);
  return found;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_assert_cmpint (g_unlink (child), ==, 0);
        }
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static void
test_format_locale (void)
{
  g_autofree char *scratch = NULL;
  g_autofree char *previous = g_strdup (setlocale (LC_ALL, NULL));
  guint64 value = 0;

  if (!use_grouping_locale (&scratch))
    {
      g_test_skip ("No locale with digit grouping is installed, and localedef is missing");
      setlocale (LC_ALL, previous);
      if (scratch != NULL)
        remove_tree (scratch);
      return;
    }

  check_format (ll_format_count_exact (22500004), "22.500.004");
  check_format (ll_format_count_exact (950), "950");
  check_format (ll_format_count_exact (G_MAXUINT64), "18.446.744.073.709.551.615");
  check_format (ll_format_bytes (180000088, LL_UNITS_IEC), "171,66 MiB");
  check_format (ll_format_bytes_delta (22500032, LL_UNITS_IEC), "+21,46 MiB");
  check_format (ll_format_count (22500004), "22,5 M");
  check_format (ll_format_rate_bytes (3.2e9, LL_UNITS_SI), "3,2 GB/s");
  check_format (ll_format_duration (2410000000), "2,41 s");
  check_format (ll_format_duration (3200), "3,2 µs");

  /* Input is not locale-dependent: scripts must mean the same everywhere. */
  g_assert_true (ll_size_parse_bytes ("1.5GiB", LL_SIZE_FLAGS_NONE, &value, NULL));
  g_assert_cmpuint (value, ==, 1610612736);
  g_assert_true (ll_size_parse_count ("20,000,000", LL_SIZE_FLAGS_NONE, &value, NULL));
  g_assert_cmpuint (value, ==, 20000000);

  /* The app's fields also read numbers as the window writes them. */
  g_assert_true (ll_size_parse_count ("22.500.004", LL_SIZE_FLAGS_LOCALE, &value, NULL));
  g_assert_cmpuint (value, ==, 22500004);
  g_assert_true (ll_size_parse_bytes ("2,5 GB", LL_SIZE_FLAGS_LOCALE, &value, NULL));
  g_assert_cmpuint (value, ==, 2500000000);
  g_assert_true (ll_size_parse_bytes ("1,5GiB", LL_SIZE_FLAGS_LOCALE, &value, NULL));
  g_assert_cmpuint (value, ==, 1610612736);
  g_assert_true (ll_size_parse_bytes ("1.500 MB", LL_SIZE_FLAGS_LOCALE, &value, NULL));
  g_assert_cmpuint (value, ==, 1500000000);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (ll_size_parse_count ("22.50", LL_SIZE_FLAGS_LOCALE, &value, &error));
    g_assert_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_SYNTAX);
    g_assert_nonnull (strstr (error->message, "‘.’"));
    g_clear_error (&error);
    g_assert_false (ll_size_parse_bytes ("2,5 GB", LL_SIZE_FLAGS_NONE, &value, &error));
    g_assert_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_SYNTAX);
  }

  setlocale (LC_ALL, previous);
  check_format (ll_format_bytes (180000088, LL_UNITS_IEC), "171.66 MiB");
  /* In English the app's fields read what scripts read. */
  g_assert_true (ll_size_parse_count ("20,000,000", LL_SIZE_FLAGS_LOCALE, &value, NULL));
  g_assert_cmpuint (value, ==, 20000000);
  g_assert_true (ll_size_parse_bytes ("2.5 GB", LL_SIZE_FLAGS_LOCALE, &value, NULL));
  g_assert_cmpuint (value, ==, 2500000000);
  if (scratch != NULL)
    remove_tree (scratch);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/size/parse-bytes/good", test_parse_bytes_good);
  g_test_add_func ("/size/parse-bytes/bad", test_parse_bytes_bad);
  g_test_add_func ("/size/parse-counts/good", test_parse_counts_good);
  g_test_add_func ("/size/parse-counts/bad", test_parse_counts_bad);
  g_test_add_func ("/size/parse/messages", test_parse_messages);
  g_test_add_func ("/size/parse/zero", test_parse_zero);
  g_test_add_func ("/size/parse-decimal/sign", test_parse_decimal_sign);
  g_test_add_func ("/size/parse/ambiguous", test_parse_ambiguous);
  g_test_add_func ("/size/format/input", test_format_input);
  g_test_add_func ("/size/parse/exhaustive", test_parse_exhaustive);
  g_test_add_func ("/size/format/bytes", test_format_bytes);
  g_test_add_func ("/size/format/bytes-boundaries", test_format_bytes_boundaries);
  g_test_add_func ("/size/format/bytes-fixed", test_format_bytes_fixed);
  g_test_add_func ("/size/format/bytes-delta", test_format_bytes_delta);
  g_test_add_func ("/size/format/count", test_format_count);
  g_test_add_func ("/size/format/count-exact", test_format_count_exact_c);
  g_test_add_func ("/size/format/rate", test_format_rate);
  g_test_add_func ("/size/format/duration", test_format_duration);
  g_test_add_func ("/size/format/locale", test_format_locale);

  return g_test_run ();
}
