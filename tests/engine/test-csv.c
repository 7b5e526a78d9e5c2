/* test-csv.c — the events and samples CSV formats, written and read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "engine-test.h"
#include "ll-csv.h"

/* The headers fixed in the design, spelled out independently of ll-csv.h. */
static const char events_header[] =
  "length,old_capacity,new_capacity,old_bytes,new_bytes,bytes_added,moved,"
  "bytes_copied,realloc_ns,elapsed_ns,available_bytes";
static const char samples_header[] =
  "elapsed_ns,length,capacity,container_bytes,objects_bytes,rss_bytes,available_bytes";

/* Values of every length, with the edges (0, 10^k - 1, 10^k, 2^64 - 1)
 * far more often than chance would give them. */
static guint64
random_u64 (GRand *rand)
{
  guint64 value = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
  guint digits;

  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      return 0;
    case 1:
      return G_MAXUINT64 - g_rand_int_range (rand, 0, 3);
    case 2:
      {
        guint64 p = 1;

        for (digits = g_rand_int_range (rand, 0, 20); digits > 0; digits--)
          p *= 10;
        return p - g_rand_int_range (rand, 0, 2);
      }
    case 3:
      return value >> g_rand_int_range (rand, 0, 64);
    default:
      return value;
    }
}

static void
random_event (GRand   *rand,
              LlEvent *event)
{
  event->length = random_u64 (rand);
  event->old_capacity = random_u64 (rand);
  event->new_capacity = random_u64 (rand);
  event->old_bytes = random_u64 (rand);
  event->new_bytes = random_u64 (rand);
  event->bytes_added = random_u64 (rand);
  event->moved = g_rand_boolean (rand);
  event->bytes_copied = random_u64 (rand);
  event->realloc_ns = random_u64 (rand);
  event->elapsed_ns = random_u64 (rand);
  event->available_bytes = random_u64 (rand);
}

static void
random_sample (GRand    *rand,
               LlSample *sample)
{
  sample->elapsed_ns = random_u64 (rand);
  sample->length = random_u64 (rand);
  sample->capacity = random_u64 (rand);
  sample->container_bytes = random_u64 (rand);
  sample->objects_bytes = random_u64 (rand);
  sample->rss_bytes = random_u64 (rand);
  sample->available_bytes = random_u64 (rand);
}

static void
test_headers (void)
{
  g_assert_cmpstr (LL_EVENTS_CSV_HEADER, ==, events_header);
  g_assert_cmpstr (LL_SAMPLES_CSV_HEADER, ==, samples_header);
}

static void
check_u64 (guint64 value)
{
  char buf[32];
  char expected[32];
  gsize n;

  memset (buf, '#', sizeof buf);
  n = ll_csv_format_u64 (buf, value);
  g_snprintf (expected, sizeof expected, "%" G_GUINT64_FORMAT, value);
  g_assert_cmpmem (buf, n, expected, strlen (expected));
  /* Not a byte more. */
  g_assert_cmpint (buf[n], ==, '#');
}

static void
test_format_u64 (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  guint64 p = 1;

  for (guint64 v = 0; v <= 100000; v++)
    check_u64 (v);

  for (guint i = 0; i < 20; i++)
    {
      check_u64 (p - 1);
      check_u64 (p);
      check_u64 (p + 1);
      if (i < 19)
        p *= 10;
    }
  for (guint i = 0; i < 64; i++)
    {
      check_u64 ((G_GUINT64_CONSTANT (1) << i) - 1);
      check_u64 (G_GUINT64_CONSTANT (1) << i);
    }
  check_u64 (G_MAXUINT64);
  check_u64 (G_MAXUINT64 - 1);

  for (guint i = 0; i < 200000; i++)
    check_u64 (random_u64 (rand));
}

static void
test_format_rows (void)
{
  /* The notebook's first reallocation after list(range(20_000_000)). */
  const LlEvent event = {
    .length = 20000001,
    .old_capacity = 20000000,
    .new_capacity = 22500004,
    .old_bytes = 160000056,
    .new_bytes = 180000088,
    .bytes_added = 20000032,
    .moved = TRUE,
    .bytes_copied = 0,
    .realloc_ns = 412,
    .elapsed_ns = 1500000000,
    .available_bytes = G_GUINT64_CONSTANT (12884901888),
  };
  const LlSample sample = {
    .elapsed_ns = 50000000,
    .length = 20000001,
    .capacity = 22500004,
    .container_bytes = 180000088,
    .objects_bytes = 640000000,
    .rss_bytes = 830000000,
    .available_bytes = G_GUINT64_CONSTANT (12884901888),
  };
  LlEvent zero_event = { 0 };
  LlEvent max_event;
  LlSample max_sample;
  char buf[256];
  gsize n;

  n = ll_csv_format_event (buf, &event);
  g_assert_cmpmem (buf, n, "20000001,20000000,22500004,160000056,180000088,20000032,1,0,412,1500000000,12884901888",
                   strlen ("20000001,20000000,22500004,160000056,180000088,20000032,1,0,412,1500000000,12884901888"));

  n = ll_csv_format_sample (buf, &sample);
  g_assert_cmpmem (buf, n, "50000000,20000001,22500004,180000088,640000000,830000000,12884901888",
                   strlen ("50000000,20000001,22500004,180000088,640000000,830000000,12884901888"));

  n = ll_csv_format_event (buf, &zero_event);
  g_assert_cmpmem (buf, n, "0,0,0,0,0,0,0,0,0,0,0", 21);

  /* The longest rows fit the documented 256 bytes. */
  memset (&max_event, 0xff, sizeof max_event);
  max_event.moved = TRUE;
  n = ll_csv_format_event (buf, &max_event);
  g_assert_cmpuint (n, ==, 10 * 21 + 1);
  g_assert_cmpuint (n, <, 256);

  memset (&max_sample, 0xff, sizeof max_sample);
  n = ll_csv_format_sample (buf, &max_sample);
  g_assert_cmpuint (n, ==, 7 * 20 + 6);
}

static void
test_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GError) error = NULL;
      LlEvent event, parsed_event;
      LlSample sample, parsed_sample;
      char buf[257];
      gsize n;

      random_event (rand, &event);
      n = ll_csv_format_event (buf, &event);
      buf[n] = '\0';
      g_assert_true (ll_csv_parse_event (buf, &parsed_event, &error));
      g_assert_no_error (error);
      assert_events_equal (&parsed_event, &event);

      random_sample (rand, &sample);
      n = ll_csv_format_sample (buf, &sample);
      buf[n] = '\n';
      buf[n + 1] = '\0';
      g_assert_true (ll_csv_parse_sample (buf, &parsed_sample, &error));
      g_assert_no_error (error);
      assert_samples_equal (&parsed_sample, &sample);
    }
}

static void
test_line_endings (void)
{
  g_autoptr(GError) error = NULL;
  LlSample sample;

  g_assert_true (ll_csv_parse_sample ("1,2,3,4,5,6,7\n", &sample, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sample.available_bytes, ==, 7);
  g_assert_true (ll_csv_parse_sample ("1,2,3,4,5,6,7\r\n", &sample, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sample.available_bytes, ==, 7);

  /* One line ending, not two, and nothing else trailing. */
  g_assert_false (ll_csv_parse_sample ("1,2,3,4,5,6,7\n\n", &sample, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (ll_csv_parse_sample ("1,2,3,4,5,6,7 ", &sample, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

typedef struct
{
  const char *line;
  const char *message;
} BadRow;

static void
test_parse_errors (void)
{
  static const BadRow bad_events[] = {
    { "", "The row has 1 field; events rows have 11" },
    { "1,2,3,4,5,6,1,8,9,10", "The row has 10 fields; events rows have 11" },
    { "1,2,3,4,5,6,1,8,9,10,11,12", "The row has 12 fields; events rows have 11" },
    { "1,2,3,4,5,6,1,8,9,10,", "Field 11 (available_bytes) is empty" },
    { ",2,3,4,5,6,1,8,9,10,11", "Field 1 (length) is empty" },
    { "1,2,3a,4,5,6,1,8,9,10,11", "Field 3 (new_capacity) is “3a”, not a whole number" },
    { "1,-2,3,4,5,6,1,8,9,10,11", "Field 2 (old_capacity) is “-2”, not a whole number" },
    { "1,2,3,+4,5,6,1,8,9,10,11", "Field 4 (old_bytes) is “+4”, not a whole number" },
    { "1,2,3,4, 5,6,1,8,9,10,11", "Field 5 (new_bytes) is “ 5”, not a whole number" },
    { "1,2,3,4,5,6.5,1,8,9,10,11", "Field 6 (bytes_added) is “6.5”, not a whole number" },
    { "1,2,3,4,5,6,2,8,9,10,11", "Field 7 (moved) is “2”: it must be 0 or 1" },
    { "1,2,3,4,5,6,1,8,9,1e3,11", "Field 10 (elapsed_ns) is “1e3”, not a whole number" },
    { "1,2,3,4,5,6,1,18446744073709551616,9,10,11",
      "Field 8 (bytes_copied) is “18446744073709551616”, which is too large" },
    { "1,2,3,4,5,6,1,8,99999999999999999999999,10,11",
      "Field 9 (realloc_ns) is “99999999999999999999999”, which is too large" },
    { LL_EVENTS_CSV_HEADER, "Field 1 (length) is “length”, not a whole number" },
    { "1;2;3;4;5;6;1;8;9;10;11", "The row has 1 field" },
  };
  static const BadRow bad_samples[] = {
    { "1,2,3,4,5,6", "The row has 6 fields; samples rows have 7" },
    { "1,2,3,4,5,6,x", "Field 7 (available_bytes) is “x”, not a whole number" },
    { "1,2,3,4,,6,7", "Field 5 (objects_bytes) is empty" },
    { "1,2,3,4,5,0x10,7", "Field 6 (rss_bytes) is “0x10”, not a whole number" },
    { "1,2,3,4,5,6,7\r", "Field 7 (available_bytes) is “7\r”, not a whole number" },
    { LL_SAMPLES_CSV_HEADER, "Field 1 (elapsed_ns) is “elapsed_ns”, not a whole number" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad_events); i++)
    {
      g_autoptr(GError) error = NULL;
      LlEvent event;

      g_test_message ("events row “%s”", bad_events[i].line);
      g_assert_false (ll_csv_parse_event (bad_events[i].line, &event, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, bad_events[i].message));
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad_samples); i++)
    {
      g_autoptr(GError) error = NULL;
      LlSample sample;

      g_test_message ("samples row “%s”", bad_samples[i].line);
      g_assert_false (ll_csv_parse_sample (bad_samples[i].line, &sample, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_true (g_str_has_prefix (error->message, bad_samples[i].message));
    }
}

/* Splits at newlines with memchr: g_strsplit () is quadratic under ASan. */
static char **
split_lines (const char *text,
             gsize       length)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *p = text;
  const char *end = text + length;

  for (;;)
    {
      const char *newline = memchr (p, '\n', end - p);

      if (newline == NULL)
        {
          g_ptr_array_add (lines, g_strndup (p, end - p));
          break;
        }
      g_ptr_array_add (lines, g_strndup (p, newline - p));
      p = newline + 1;
    }

  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

static char *
make_scratch (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("listlab-csv-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Writes the buckets through ll_csv_write_events and returns the file's lines. */
static char **
write_events_file (const char          *dir,
                   const LlEventBucket *buckets,
                   gsize                n_buckets)
{
  g_autofree char *path = g_build_filename (dir, "events.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = ll_output_open (path, &error);
  gsize length;

  g_assert_no_error (error);
  g_assert_true (ll_csv_write_events (output, buckets, n_buckets, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (strlen (contents), ==, length);
  g_assert_true (length > 0 && contents[length - 1] == '\n');
  g_assert_cmpint (g_unlink (path), ==, 0);
  return split_lines (contents, length - 1);
}

static void
test_write_events_exact (void)
{
  g_autofree char *dir = make_scratch ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autofree LlEventBucket *buckets = g_new0 (LlEventBucket, 50000);
  g_auto(GStrv) lines = NULL;

  for (gsize i = 0; i < 50000; i++)
    {
      random_event (rand, &buckets[i].first);
      buckets[i].last = buckets[i].first;
      buckets[i].count = 1;
    }

  /* 50000 rows of up to 231 bytes cross the chunk and buffer edges. */
  lines = write_events_file (dir, buckets, 50000);
  g_assert_cmpuint (g_strv_length (lines), ==, 50001);
  g_assert_cmpstr (lines[0], ==, events_header);
  for (gsize i = 0; i < 50000; i++)
    {
      g_autoptr(GError) error = NULL;
      LlEvent event;

      g_assert_true (ll_csv_parse_event (lines[i + 1], &event, &error));
      g_assert_no_error (error);
      assert_events_equal (&event, &buckets[i].first);
    }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_write_events_merged (void)
{
  g_autofree char *dir = make_scratch ();
  LlEventBucket buckets[4] = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) empty = NULL;

  buckets[0].first = (LlEvent) { .length = 1, .old_capacity = 0, .new_capacity = 4, .new_bytes = 88,
                                 .bytes_added = 32, .old_bytes = 56 };
  buckets[0].last = buckets[0].first;
  buckets[0].count = 1;
  buckets[1].first = (LlEvent) { .length = 5, .old_capacity = 4, .new_capacity = 8 };
  buckets[1].last = (LlEvent) { .length = 17, .old_capacity = 16, .new_capacity = 24, .moved = TRUE };
  buckets[1].count = 3;
  /* An empty bucket writes nothing. */
  buckets[2].count = 0;
  buckets[3].first = (LlEvent) { .length = 25, .old_capacity = 24, .new_capacity = 32 };
  buckets[3].last = (LlEvent) { .length = 33, .old_capacity = 32, .new_capacity = 40 };
  buckets[3].count = 2;

  lines = write_events_file (dir, buckets, G_N_ELEMENTS (buckets));
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[0], ==, events_header);
  g_assert_cmpstr (lines[1], ==, "1,0,4,56,88,32,0,0,0,0,0");
  g_assert_cmpstr (lines[2], ==, "5,4,8,0,0,0,0,0,0,0,0");
  g_assert_cmpstr (lines[3], ==, "17,16,24,0,0,0,1,0,0,0,0");
  g_assert_cmpstr (lines[4], ==, "25,24,32,0,0,0,0,0,0,0,0");
  g_assert_cmpstr (lines[5], ==, "33,32,40,0,0,0,0,0,0,0,0");

  /* No buckets: the header alone. */
  empty = write_events_file (dir, NULL, 0);
  g_assert_cmpuint (g_strv_length (empty), ==, 1);
  g_assert_cmpstr (empty[0], ==, events_header);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_write_samples (void)
{
  g_autofree char *dir = make_scratch ();
  g_autofree char *path = g_build_filename (dir, "samples.csv", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autofree LlSampleBucket *buckets = g_new0 (LlSampleBucket, 20000);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = NULL;
  g_auto(GStrv) lines = NULL;

  for (gsize i = 0; i < 20000; i++)
    {
      random_sample (rand, &buckets[i].first);
      buckets[i].count = g_rand_int_range (rand, 1, 4);
      if (buckets[i].count == 1)
        buckets[i].last = buckets[i].first;
      else
        random_sample (rand, &buckets[i].last);

      g_ptr_array_add (expected, &buckets[i].first);
      if (buckets[i].count > 1)
        g_ptr_array_add (expected, &buckets[i].last);
    }

  output = ll_output_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ll_csv_write_samples (output, buckets, 20000, NULL, &error));
  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  lines = split_lines (contents, length);
  /* Header, rows, and the empty string after the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, expected->len + 2);
  g_assert_cmpstr (lines[0], ==, samples_header);
  g_assert_cmpstr (lines[expected->len + 1], ==, "");
  for (guint i = 0; i < expected->len; i++)
    {
      LlSample sample;

      g_assert_true (ll_csv_parse_sample (lines[i + 1], &sample, &error));
      g_assert_no_error (error);
      assert_samples_equal (&sample, g_ptr_array_index (expected, i));
    }

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A write error reaches the caller; nothing is claimed written. */
static void
test_write_full_disk (void)
{
  g_autofree LlEventBucket *buckets = g_new0 (LlEventBucket, 20000);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = NULL;
  LlSampleBucket sample_bucket = { .count = 1 };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("/dev/full is missing");
      return;
    }

  for (gsize i = 0; i < 20000; i++)
    {
      memset (&buckets[i].first, 0xff, sizeof buckets[i].first);
      buckets[i].count = 1;
    }

  /* 20000 rows of 231 bytes are more than the output's buffer. */
  output = ll_output_open ("/dev/full", &error);
  g_assert_no_error (error);
  g_assert_false (ll_csv_write_events (output, buckets, 20000, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_clear_pointer (&output, ll_output_free);

  /* Merged buckets write two rows each, wide then narrow, after a few
   * narrow ones: whichever row finds the disk full, the write fails. */
  for (gsize lead = 0; lead < 6; lead++)
    {
      for (gsize i = 0; i < 20000; i++)
        {
          memset (&buckets[i].first, 0xff, sizeof buckets[i].first);
          memset (&buckets[i].last, 0, sizeof buckets[i].last);
          buckets[i].count = i < lead ? 1 : 2;
        }
      output = ll_output_open ("/dev/full", &error);
      g_assert_no_error (error);
      g_assert_false (ll_csv_write_events (output, buckets, 20000, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_clear_error (&error);

      /* Once failed, the output refuses the header already. */
      g_assert_false (ll_csv_write_samples (output, &sample_bucket, 1, NULL, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_clear_pointer (&output, ll_output_free);
    }

  /* A few rows fit in the buffer: the commit reports the full disk. */
  output = ll_output_open ("/dev/full", &error);
  g_assert_true (ll_csv_write_samples (output, &sample_bucket, 1, NULL, &error));
  g_assert_false (ll_output_commit (output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

/* A cancel stops a long write within a block of rows. */
static void
test_write_cancelled (void)
{
  g_autofree LlEventBucket *buckets = g_new0 (LlEventBucket, 200000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(LlOutput) output = NULL;
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < 200000; i++)
    {
      buckets[i].first.length = i + 1;
      buckets[i].count = 1;
    }

  output = ll_output_open ("/dev/null", &error);
  g_assert_no_error (error);
  g_assert_true (ll_csv_write_events (output, buckets, 200000, cancellable, &error));
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  g_assert_false (ll_csv_write_events (output, buckets, 200000, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/headers", test_headers);
  g_test_add_func ("/csv/format-u64", test_format_u64);
  g_test_add_func ("/csv/format-rows", test_format_rows);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/line-endings", test_line_endings);
  g_test_add_func ("/csv/parse-errors", test_parse_errors);
  g_test_add_func ("/csv/write-events/exact", test_write_events_exact);
  g_test_add_func ("/csv/write-events/merged", test_write_events_merged);
  g_test_add_func ("/csv/write-samples", test_write_samples);
  g_test_add_func ("/csv/write-full-disk", test_write_full_disk);
  g_test_add_func ("/csv/write-cancelled", test_write_cancelled);

  return g_test_run ();
}
