/* test-size.c — reading sizes and counts as people and scripts write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "ll-size.h"
#include "ll-size-private.h"

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
  /* The largest multiple of ten there is, reached by its exponent. */
  { "1844674407370955161e1", G_GUINT64_CONSTANT (18446744073709551610) },
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
  { "5G_B", LL_SIZE_ERROR_SYNTAX, "not a size" },
  { "5G,B", LL_SIZE_ERROR_SYNTAX, "not a size" },
  { "5GB-", LL_SIZE_ERROR_SYNTAX, "not a size" },
  { "1.k", LL_SIZE_ERROR_SYNTAX, "followed by digits" },
  { "1.e3", LL_SIZE_ERROR_SYNTAX, "followed by digits" },
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
  { "18446744073709551616", LL_SIZE_ERROR_OVERFLOW, "18,446,744,073,709,551,615" },
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
                       strstr (error->message, "18,446,744,073,709,551,615") != NULL);
      else
        g_assert_true (strstr (error->message, "512MiB, 10GB or 1.5GiB") != NULL ||
                       strstr (error->message, "1.5KiB") != NULL ||
                       strstr (error->message, "18,446,744,073,709,551,615") != NULL);
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

/* The numbers the app reads as the user's language writes them, in
 * German ("2,5", "22.500.004") and French ("2,5", "22 500 004" with
 * narrow no-break spaces), whatever locales this machine has. */
static const LlNumberStyle german = { ",", "." };
static const LlNumberStyle french = { ",", "\u202f" };
static const LlNumberStyle english = { ".", "," };

static void
assert_styled_bytes (const LlNumberStyle *style,
                     const char          *text,
                     guint64              expected,
                     LlUnits              expected_units)
{
  g_autoptr(GError) error = NULL;
  guint64 value = 0;
  LlUnits units = 99;

  g_assert_true (ll_size_parse_bytes_styled (text, LL_SIZE_FLAGS_LOCALE, style, &value, &units, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (value, ==, expected);
  g_assert_cmpint (units, ==, expected_units);
}

static void
assert_styled_count (const LlNumberStyle *style,
                     const char          *text,
                     guint64              expected)
{
  g_autoptr(GError) error = NULL;
  guint64 value = 0;

  g_assert_true (ll_size_parse_count_styled (text, LL_SIZE_FLAGS_LOCALE, style, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (value, ==, expected);
}

static void
assert_styled_count_fails (const LlNumberStyle *style,
                           const char          *text,
                           int                  code,
                           const char          *message)
{
  g_autoptr(GError) error = NULL;
  guint64 value = 7;

  g_assert_false (ll_size_parse_count_styled (text, LL_SIZE_FLAGS_LOCALE, style, &value, &error));
  g_assert_error (error, LL_SIZE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (value, ==, 7);
}

static void
test_parse_styles (void)
{
  g_autoptr(GError) error = NULL;
  guint64 value = 0;
  double number = 0;

  /* German: a comma is the point, a point groups. */
  assert_styled_bytes (&german, "2,5 GB", 2500000000, LL_UNITS_SI);
  assert_styled_bytes (&german, "1,5GiB", G_GUINT64_CONSTANT (3) << 29, LL_UNITS_IEC);
  assert_styled_count (&german, "22.500.004", 22500004);
  assert_styled_count (&german, "1.000", 1000);
  assert_styled_count (&german, "1.000,5k", 1000500);
  assert_styled_count_fails (&german, "2.5",
                             LL_SIZE_ERROR_SYNTAX,
                             "‘2.5’ has a misplaced ‘.’: here it separates groups of three digits. "
                             "Use a whole number such as 20000000, 20_000_000, 2e7 or 20M.");
  assert_styled_count_fails (&german, "1.0000",
                             LL_SIZE_ERROR_SYNTAX,
                             "‘1.0000’ has a misplaced ‘.’: here it separates groups of three digits. "
                             "Use a whole number such as 20000000, 20_000_000, 2e7 or 20M.");
  assert_styled_count_fails (&german, "1,5",
                             LL_SIZE_ERROR_FRACTION,
                             "‘1,5’ is not a whole number. "
                             "Use a whole number or a suffix such as 1.5k.");

  /* French: a comma is the point, narrow no-break spaces group, and a
   * point, which groups nothing there, is a point too. */
  assert_styled_bytes (&french, "2,5 GB", 2500000000, LL_UNITS_SI);
  assert_styled_bytes (&french, "2.5 GB", 2500000000, LL_UNITS_SI);
  assert_styled_count (&french, "22\u202f500\u202f004", 22500004);
  assert_styled_count (&french, "22 500 004", 22500004);
  assert_styled_count (&french, "22\u00a0500\u00a0004", 22500004);
  /* "1.000" reads two ways there too; "1,000" is one. */
  assert_styled_count_fails (&french, "1.000",
                             LL_SIZE_ERROR_AMBIGUOUS,
                             "‘1.000’ is ambiguous: a number with three decimals, or thousands "
                             "grouped with ‘.’? Write it without the point, or with ‘_’ between "
                             "groups. Use a whole number such as 20000000, 20_000_000, 2e7 or 20M.");
  assert_styled_count (&french, "1.000k", 1000);
  assert_styled_count (&french, "1,000k", 1000);
  assert_styled_bytes (&french, "1,000", 1, LL_UNITS_IEC);

  /* English: as without the language. */
  assert_styled_count (&english, "22,500,004", 22500004);
  assert_styled_bytes (&english, "2.5 GB", 2500000000, LL_UNITS_SI);

  /* A style counts only with LL_SIZE_FLAGS_LOCALE: files and command lines
   * are read the same everywhere. */
  g_assert_false (ll_size_parse_bytes_styled ("2,5 GB", LL_SIZE_FLAGS_NONE, &german, &value, NULL, &error));
  g_assert_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_SYNTAX);
  g_clear_error (&error);
  g_assert_false (ll_size_parse_decimal_styled ("1,5", LL_SIZE_FLAGS_NONE, &german, &number, &error));
  g_assert_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_SYNTAX);
  g_clear_error (&error);

  /* Decimals (a growth factor): "1,5" where the comma is the point. */
  g_assert_true (ll_size_parse_decimal_styled ("1,5", LL_SIZE_FLAGS_LOCALE, &german, &number, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (number, ==, 1.5);
  g_assert_true (ll_size_parse_decimal_styled (" 1,25e1 ", LL_SIZE_FLAGS_LOCALE, &french, &number, NULL));
  g_assert_cmpfloat (number, ==, 12.5);
  g_assert_false (ll_size_parse_decimal_styled ("1,5", LL_SIZE_FLAGS_LOCALE, &english, &number, &error));
  g_assert_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "“1,5” is not a number. Write a number such as 1.5 or 2.");
  g_clear_error (&error);
  g_assert_cmpfloat (number, ==, 12.5);
}

/* The units a size was written in, as the app shows it back. */
static void
test_parse_units (void)
{
  const struct { const char *text; guint64 bytes; LlUnits units; } cases[] = {
    { "10GB", 10000000000, LL_UNITS_SI },
    { "10 kB", 10000, LL_UNITS_SI },
    { "10GiB", G_GUINT64_CONSTANT (10) << 30, LL_UNITS_IEC },
    { "512M", G_GUINT64_CONSTANT (512) << 20, LL_UNITS_IEC },
    { "4096", 4096, LL_UNITS_IEC },
    { "4096 B", 4096, LL_UNITS_IEC },
    { "5\u2009GB", 5000000000, LL_UNITS_SI },      /* thin space */
    { "5\u202fGB", 5000000000, LL_UNITS_SI },      /* narrow no-break space */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint64 bytes = 0;
      LlUnits units = 99;

      g_assert_true (ll_size_parse_bytes_units (cases[i].text, LL_SIZE_FLAGS_NONE, &bytes, &units, NULL));
      g_assert_cmpuint (bytes, ==, cases[i].bytes);
      g_assert_cmpint (units, ==, cases[i].units);
    }
}

/* Words that are not decimals, each refused as such. */
static void
test_parse_decimal_bad (void)
{
  const char *bad[] = { "abc", "1.5x", "nan", "inf", "0x10", "1..5", "1,5", "1.5 2" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      double number = 99;

      g_assert_false (ll_size_parse_decimal (bad[i], LL_SIZE_FLAGS_NONE, &number, &error));
      g_assert_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_SYNTAX);
      g_assert_nonnull (strstr (error->message, "is not a number"));
      g_assert_cmpfloat (number, ==, 99);
    }

  for (gsize i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      double number = 99;

      g_assert_false (ll_size_parse_decimal (i == 0 ? "" : " \t ", LL_SIZE_FLAGS_NONE, &number, &error));
      g_assert_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_EMPTY);
      g_assert_cmpfloat (number, ==, 99);
    }
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
  g_test_add_func ("/size/parse/exhaustive", test_parse_exhaustive);
  g_test_add_func ("/size/parse/styles", test_parse_styles);
  g_test_add_func ("/size/parse/units", test_parse_units);
  g_test_add_func ("/size/parse-decimal/bad", test_parse_decimal_bad);

  return g_test_run ();
}
