/* test-format.c — sizes, counts, rates and durations written the way
 * people read them, in their language's digits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "engine-test.h"
#include "test-folder.h"
#include "ll-size.h"

static void
check_format (char       *result,
              const char *expected)
{
  g_assert_cmpstr (result, ==, expected);
  g_free (result);
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
  /* the other controls of text direction, and C1 controls; a no-break
   * space is what it is */
  check_format (ll_format_input ("\u2066a\u2069", -1), "\\u2066a\\u2069");
  check_format (ll_format_input ("\u2028\u2029\u202a", -1), "\\u2028\\u2029\\u202A");
  check_format (ll_format_input ("\xc2\x85\xc2\x9f\xc2\xa0", -1), "\\u0085\\u009F\xc2\xa0");
  check_format (ll_format_input ("\u2065\u206a\u2027", -1), "\u2065\u206a\u2027");
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

/* Rounded down to what is shown: never more than it was, read the same
 * way, and typed back as shown, no more either. */
static void
test_bytes_round_down (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);

  g_assert_cmpuint (ll_bytes_round_down (G_GUINT64_CONSTANT (12536999999), LL_UNITS_SI), ==,
                    G_GUINT64_CONSTANT (12530000000));
  check_format (ll_format_bytes (G_GUINT64_CONSTANT (12536999999), LL_UNITS_SI), "12.54 GB");
  check_format (ll_format_bytes (ll_bytes_round_down (G_GUINT64_CONSTANT (12536999999), LL_UNITS_SI),
                                 LL_UNITS_SI),
                "12.53 GB");
  /* 1.49 KiB is 1525.76 bytes: the fewest that read so */
  g_assert_cmpuint (ll_bytes_round_down (1535, LL_UNITS_IEC), ==, 1526);
  check_format (ll_format_bytes (1526, LL_UNITS_IEC), "1.49 KiB");
  /* already as shown, or under a unit: as it was */
  g_assert_cmpuint (ll_bytes_round_down (1024, LL_UNITS_IEC), ==, 1024);
  g_assert_cmpuint (ll_bytes_round_down (999, LL_UNITS_SI), ==, 999);
  g_assert_cmpuint (ll_bytes_round_down (0, LL_UNITS_SI), ==, 0);
  /* just under the next unit: 1023.99 MiB, not 1.00 GiB */
  check_format (ll_format_bytes (ll_bytes_round_down (1024 * MiB - 1, LL_UNITS_IEC), LL_UNITS_IEC),
                "1023.99 MiB");
  g_assert_cmpuint (ll_bytes_round_down (G_MAXUINT64, LL_UNITS_SI), <=, G_MAXUINT64);

  for (guint i = 0; i < 20000; i++)
    {
      LlUnits units = i % 2 == 0 ? LL_UNITS_SI : LL_UNITS_IEC;
      guint64 bytes = (guint64) g_rand_int (rand) << (g_rand_int_range (rand, 0, 33));
      guint64 down = ll_bytes_round_down (bytes, units);
      g_autofree char *shown = ll_format_bytes (down, units);
      guint64 typed = 0;

      g_assert_cmpuint (down, <=, bytes);
      g_assert_true (ll_bytes_round_down (down, units) == down);
      /* the fewest bytes that read so: a byte less reads less */
      if (down > 0)
        {
          g_autofree char *below = ll_format_bytes (ll_bytes_round_down (down - 1, units), units);

          g_assert_cmpstr (below, !=, shown);
        }
      g_assert_true (ll_size_parse_bytes (shown, LL_SIZE_FLAGS_NONE, &typed, NULL));
      if (typed > bytes)
        g_error ("%" G_GUINT64_FORMAT " rounded down reads %s, typed back %" G_GUINT64_FORMAT,
                 bytes, shown, typed);
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
  check_format (ll_format_rate_bytes (1024, LL_UNITS_IEC), "1.0 KiB/s");
  check_format (ll_format_rate_bytes (1000, LL_UNITS_SI), "1.0 kB/s");
  check_format (ll_format_rate_bytes (0, LL_UNITS_SI), "0 B/s");
  check_format (ll_format_rate_bytes (-5, LL_UNITS_SI), "0 B/s");
  check_format (ll_format_rate_bytes (NAN, LL_UNITS_SI), "0 B/s");
  check_format (ll_format_rate_bytes (INFINITY, LL_UNITS_SI), "∞ B/s");
  /* past the largest unit: still that unit */
  check_format (ll_format_rate_bytes (2e21, LL_UNITS_SI), "2000 EB/s");
}

/* A number as the user typed it: the shortest form that reads back as the
 * same double ("1.1", not "1.1000000000000001"), all of it where that
 * takes 17 digits. */
static void
test_format_decimal (void)
{
  check_format (ll_format_decimal (1.5), "1.5");
  check_format (ll_format_decimal (1.1), "1.1");
  check_format (ll_format_decimal (0.1), "0.1");
  check_format (ll_format_decimal (2), "2");
  check_format (ll_format_decimal (1.0 / 3.0), "0.33333333333333331");
  check_format (ll_format_decimal (0.1 + 0.2), "0.30000000000000004");
  g_assert_cmpfloat (g_ascii_strtod ("0.33333333333333331", NULL), ==, 1.0 / 3.0);
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
  check_format (ll_format_duration (47 * 3600 * s + 59 * 60 * s), "47 h 59 min");
  /* what a run of np.append would take: days, then years */
  check_format (ll_format_duration (48 * 3600 * s), "2.0 days");
  check_format (ll_format_duration (100 * 3600 * s), "4.2 days");
  check_format (ll_format_duration (400 * 24 * 3600 * s), "400 days");
  /* three significant figures, then whole days */
  check_format (ll_format_duration ((99 * 24 * 60 + 22 * 60 + 47) * 60 * s), "99.9 days");
  check_format (ll_format_duration (100 * 24 * 3600 * s), "100 days");
  check_format (ll_format_duration (2 * 36525 * 24 * 36 * s), "2.0 years");
  check_format (ll_format_duration (434027 * 3600 * s + 46 * 60 * s), "49.5 years");
  check_format (ll_format_duration (G_MAXUINT64), "585 years");
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
        remove_folder (scratch);
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
  check_format (ll_format_decimal (1.125), "1,125");
  check_format (ll_format_decimal (16), "16");

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
    remove_folder (scratch);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/input", test_format_input);
  g_test_add_func ("/format/bytes", test_format_bytes);
  g_test_add_func ("/format/bytes-boundaries", test_format_bytes_boundaries);
  g_test_add_func ("/format/bytes-round-down", test_bytes_round_down);
  g_test_add_func ("/format/bytes-fixed", test_format_bytes_fixed);
  g_test_add_func ("/format/bytes-delta", test_format_bytes_delta);
  g_test_add_func ("/format/count", test_format_count);
  g_test_add_func ("/format/count-exact", test_format_count_exact_c);
  g_test_add_func ("/format/rate", test_format_rate);
  g_test_add_func ("/format/decimal", test_format_decimal);
  g_test_add_func ("/format/duration", test_format_duration);
  g_test_add_func ("/format/locale", test_format_locale);

  return g_test_run ();
}
