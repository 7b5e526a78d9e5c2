/* test-output.c — atomic file output: writing, replacing, links and special files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine-test.h"
#include "test-folder.h"
#include "ll-output.h"
#include "ll-output-private.h"


/* A pattern that makes misplaced or repeated blocks visible. */
static void
fill_pattern (guint8 *data,
              gsize   length,
              guint64 offset)
{
  for (gsize i = 0; i < length; i++)
    {
      guint64 x = offset + i;
      data[i] = (guint8) ((x * 2654435761u) >> 13 ^ x >> 20);
    }
}

static void
test_write_and_read_back (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "events.csv", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  g_autofree guint8 *big = g_malloc (3 * MiB);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  gsize length;

  output = ll_output_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (output);
  g_assert_cmpstr (ll_output_get_path (output), ==, path);

  g_assert_true (ll_output_write (output, "hello\n", 6, &error));
  g_string_append (expected, "hello\n");
  g_assert_true (ll_output_write (output, "", 0, &error));
  g_assert_true (ll_output_printf (output, &error, "%s=%d\n", "answer", 42));
  g_string_append (expected, "answer=42\n");

  /* Nothing is visible under the final name before the commit. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A write larger than the buffer goes around it, in order. */
  fill_pattern (big, 3 * MiB, 0);
  g_assert_true (ll_output_write (output, big, 3 * MiB, &error));
  g_string_append_len (expected, (char *) big, 3 * MiB);
  g_assert_true (ll_output_write (output, "tail", 4, &error));
  g_string_append (expected, "tail");
  g_assert_no_error (error);

  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);

  contents = read_test_file (path, &length);
  g_assert_cmpmem (contents, length, expected->str, expected->len);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "events.csv");

  remove_folder (dir);
}

/* Many writes of every size, crossing the buffer's edge in every way. */
static void
test_mixed_sizes (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "mixed.bin", NULL);
  g_autofree char *contents = NULL;
  g_autofree guint8 *data = g_malloc (24 * MiB);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gsize offset = 0;
  gsize length;

  fill_pattern (data, 24 * MiB, 12345);
  output = ll_output_open (path, &error);
  g_assert_no_error (error);

  while (offset < 24 * MiB)
    {
      gsize n;

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          n = g_rand_int_range (rand, 0, 17);
          break;
        case 1:
          n = g_rand_int_range (rand, 0, 4096);
          break;
        case 2:
          n = g_rand_int_range (rand, MiB - 10, MiB + 10);
          break;
        default:
          n = g_rand_int_range (rand, 0, 3 * MiB);
          break;
        }
      n = MIN (n, 24 * MiB - offset);
      g_assert_true (ll_output_write (output, data + offset, n, &error));
      g_assert_no_error (error);
      offset += n;
    }

  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);
  contents = read_test_file (path, &length);
  g_assert_cmpuint (length, ==, 24 * MiB);
  g_assert_true (memcmp (contents, data, length) == 0);

  remove_folder (dir);
}

static void
test_fd_for_bulk_writers (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "contents.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = NULL;
  int fd;

  output = ll_output_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ll_output_write (output, "0\n", 2, &error));
  g_assert_true (ll_output_flush (output, &error));
  fd = ll_output_get_fd (output);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "1\n2\n", 4), ==, 4);
  g_assert_true (ll_output_write (output, "3\n", 2, &error));
  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_output_get_fd (output), ==, -1);

  contents = read_test_file (path, NULL);
  g_assert_cmpstr (contents, ==, "0\n1\n2\n3\n");

  remove_folder (dir);
}

static void
test_replace_existing (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "samples.csv", NULL);
  g_autofree char *old = g_strnfill (MiB + 123, 'o');
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *temp_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = NULL;
  g_auto(GStrv) names = NULL;
  struct stat st;
  gsize length;

  write_test_file (path, old, -1);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  output = ll_output_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ll_output_write (output, "new\n", 4, &error));
  g_assert_true (ll_output_flush (output, &error));

  /* Until the commit, the old file is whole and the new one hidden. */
  contents = read_test_file (path, &length);
  g_assert_cmpmem (contents, length, old, strlen (old));
  g_clear_pointer (&contents, g_free);
  listing = list_folder (dir);
  names = g_strsplit (listing, " ", -1);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  temp_name = g_strdup (names[0]);
  g_assert_true (g_str_has_prefix (temp_name, ".samples.csv."));
  g_assert_cmpuint (strlen (temp_name), ==, strlen (".samples.csv.XXXXXX"));
  g_assert_cmpstr (names[1], ==, "samples.csv");
  g_clear_pointer (&listing, g_free);

  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);

  /* Nothing of the old content is left, and its permissions are kept. */
  contents = read_test_file (path, &length);
  g_assert_cmpmem (contents, length, "new\n", 4);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "samples.csv");

  remove_folder (dir);
}

static void
test_new_file_mode (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *path2 = g_build_filename (dir, "b.csv", NULL);
  g_autoptr(LlOutput) output = NULL;
  g_autoptr(LlOutput) output2 = NULL;
  mode_t saved = umask (022);
  struct stat st;

  output = ll_output_open (path, NULL);
  g_assert_true (ll_output_commit (output, NULL));
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);
  g_assert_cmpint (st.st_size, ==, 0);

  umask (077);
  output2 = ll_output_open (path2, NULL);
  g_assert_true (ll_output_commit (output2, NULL));
  g_assert_cmpint (stat (path2, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  umask (saved);
  remove_folder (dir);
}

static void
test_symlink (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *real = g_build_filename (dir, "real.csv", NULL);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = NULL;

  write_test_file (real, "old", -1);
  g_assert_cmpint (symlink ("real.csv", link), ==, 0);

  output = ll_output_open (link, &error);
  g_assert_no_error (error);
  g_assert_true (ll_output_write (output, "new", 3, &error));
  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);

  /* The link is kept and what it points at replaced. */
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  contents = read_test_file (real, NULL);
  g_assert_cmpstr (contents, ==, "new");
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "link.csv real.csv");

  remove_folder (dir);
}

static void
test_abort (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "new.csv", NULL);
  g_autofree char *old_path = g_build_filename (dir, "old.csv", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  g_autofree guint8 *big = g_malloc0 (2 * MiB);
  g_autoptr(GError) error = NULL;
  LlOutput *output;

  /* A new file: abort leaves nothing at all. */
  output = ll_output_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ll_output_write (output, big, 2 * MiB, &error));
  listing = list_folder (dir);
  g_assert_true (g_str_has_prefix (listing, ".new.csv."));
  g_clear_pointer (&listing, g_free);
  ll_output_abort (output);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "");
  g_clear_pointer (&listing, g_free);

  /* After an abort the output refuses work, and freeing is still fine. */
  g_assert_false (ll_output_write (output, big, 2 * MiB, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_false (ll_output_commit (output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_clear_error (&error);
  ll_output_abort (output);
  ll_output_free (output);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Replacing: abort keeps the old file as it was. */
  write_test_file (old_path, "precious", -1);
  output = ll_output_open (old_path, &error);
  g_assert_no_error (error);
  g_assert_true (ll_output_write (output, big, 2 * MiB, &error));
  ll_output_abort (output);
  ll_output_free (output);
  contents = read_test_file (old_path, NULL);
  g_assert_cmpstr (contents, ==, "precious");
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "old.csv");

  remove_folder (dir);
}

static void
test_free_without_commit (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "keep.csv", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  write_test_file (path, "old content\n", -1);

  {
    g_autoptr(LlOutput) output = ll_output_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (ll_output_write (output, "new", 3, &error));
    g_assert_true (ll_output_flush (output, &error));
    /* Leaving the scope frees it, uncommitted. */
  }

  contents = read_test_file (path, NULL);
  g_assert_cmpstr (contents, ==, "old content\n");
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "keep.csv");

  remove_folder (dir);
}

static void
test_commit_twice (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "once.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = NULL;

  output = ll_output_open (path, &error);
  g_assert_true (ll_output_write (output, "x", 1, &error));
  g_assert_true (ll_output_commit (output, &error));
  g_assert_false (ll_output_commit (output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_false (ll_output_write (output, "y", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_false (ll_output_flush (output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);

  contents = read_test_file (path, NULL);
  g_assert_cmpstr (contents, ==, "x");
  g_clear_pointer (&output, ll_output_free);
  g_free (contents);
  contents = read_test_file (path, NULL);
  g_assert_cmpstr (contents, ==, "x");

  remove_folder (dir);
}

static void
test_long_name (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *name = g_strnfill (250, 'n');
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = NULL;

  /* ".<name>.XXXXXX" would be longer than a file name may be. */
  output = ll_output_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ll_output_write (output, "ok", 2, &error));
  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, name);

  remove_folder (dir);
}

static gboolean
dev_has_temporaries (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/dev", 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, ".full.") || g_str_has_prefix (name, ".null."))
      return TRUE;
  return FALSE;
}

static void
test_dev_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *big = g_malloc0 (2 * MiB);
  LlOutput *output;
  struct stat st;

  if (stat ("/dev/full", &st) != 0 || !S_ISCHR (st.st_mode))
    {
      g_test_skip ("/dev/full is missing");
      return;
    }

  /* Small writes stay in the buffer: the commit reports the full disk. */
  output = ll_output_open ("/dev/full", &error);
  g_assert_no_error (error);
  g_assert_false (dev_has_temporaries ());
  g_assert_true (ll_output_write (output, "a,b\n", 4, &error));
  g_assert_false (ll_output_commit (output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (error->message, ==, "Cannot write “/dev/full”: the disk is full");
  g_clear_error (&error);
  ll_output_free (output);

  /* A large write fails at once, and the output stays failed. */
  output = ll_output_open ("/dev/full", &error);
  g_assert_no_error (error);
  g_assert_false (ll_output_write (output, big, 2 * MiB, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (ll_output_write (output, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "/dev/full"));
  g_clear_error (&error);
  g_assert_false (ll_output_commit (output, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  ll_output_free (output);

  /* Flushing explicitly reports it too. */
  output = ll_output_open ("/dev/full", &error);
  g_assert_true (ll_output_write (output, "x", 1, &error));
  g_assert_false (ll_output_flush (output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  ll_output_free (output);

  g_assert_false (dev_has_temporaries ());
  g_assert_cmpint (stat ("/dev/full", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
}

static void
test_dev_null (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = NULL;
  g_autofree guint8 *big = g_malloc0 (3 * MiB);
  struct stat st;

  output = ll_output_open ("/dev/null", &error);
  g_assert_no_error (error);
  g_assert_true (ll_output_write (output, big, 3 * MiB, &error));
  g_assert_true (ll_output_write (output, "end\n", 4, &error));
  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);

  g_assert_false (dev_has_temporaries ());
  g_assert_cmpint (stat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
}

static gpointer
read_fifo (gpointer data)
{
  GString *received = g_string_new (NULL);
  char buf[4096];
  int fd = open (data, O_RDONLY | O_CLOEXEC);
  gssize n;

  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_string_append_len (received, buf, n);
  close (fd);
  return received;
}

static void
test_fifo (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "pipe", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = NULL;
  g_autoptr(GThread) reader = NULL;
  GString *received;
  struct stat st;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  reader = g_thread_new ("reader", read_fifo, path);

  output = ll_output_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ll_output_write (output, "through the pipe\n", 17, &error));
  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);

  received = g_thread_join (g_steal_pointer (&reader));
  g_assert_cmpstr (received->str, ==, "through the pipe\n");
  g_string_free (received, TRUE);

  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "pipe");

  remove_folder (dir);
}

static void
test_stdout (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlOutput) output = ll_output_open ("-", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (ll_output_get_path (output), ==, "-");
      g_assert_true (ll_output_write (output, "to standard output\n", 19, &error));
      g_assert_true (ll_output_printf (output, &error, "%d\n", 7));
      g_assert_true (ll_output_commit (output, &error));
      g_assert_no_error (error);
      /* Committing must not close standard output. */
      g_assert_cmpint (fcntl (STDOUT_FILENO, F_GETFD), !=, -1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("to standard output\n7\n*");
}

/* A link to a file not written yet is written through, as a live one is:
 * one rule for both. */
static void
test_dangling_symlink (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *link = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *real = g_build_filename (sub, "real.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (symlink ("sub/real.csv", link), ==, 0);

  output = ll_output_open (link, &error);
  g_assert_no_error (error);
  g_assert_true (ll_output_write (output, "new", 3, &error));
  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  contents = read_test_file (real, NULL);
  g_assert_cmpstr (contents, ==, "new");
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "link.csv sub");

  g_assert_cmpint (g_unlink (real), ==, 0);
  g_assert_cmpint (g_unlink (link), ==, 0);
  g_assert_cmpint (g_rmdir (sub), ==, 0);

  /* A loop of links is an error that says so, and leaves nothing. */
  g_assert_cmpint (symlink ("b", link), ==, 0);
  g_clear_pointer (&real, g_free);
  real = g_build_filename (dir, "b", NULL);
  g_assert_cmpint (symlink ("link.csv", real), ==, 0);
  g_clear_pointer (&output, ll_output_free);
  output = ll_output_open (link, &error);
  g_assert_null (output);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_nonnull (strstr (error->message, "link.csv"));
  g_clear_pointer (&listing, g_free);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "b link.csv");

  remove_folder (dir);
}

static void
test_same_destination (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *a = g_build_filename (dir, "a.csv", NULL);
  g_autofree char *a_dotted = g_build_filename (dir, ".", "a.csv", NULL);
  g_autofree char *b = g_build_filename (dir, "b.csv", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.csv", NULL);
  g_autofree char *soft = g_build_filename (dir, "link.csv", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *through_sub = g_build_filename (dir, "sub", "..", "b.csv", NULL);
  g_autofree char *resolved = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  write_test_file (a, "a", -1);
  g_assert_cmpint (link (a, hard), ==, 0);
  g_assert_cmpint (symlink ("b.csv", soft), ==, 0);

  g_assert_true (ll_output_same_destination (a, a));
  g_assert_true (ll_output_same_destination (a, a_dotted));
  g_assert_true (ll_output_same_destination (a, hard));
  g_assert_false (ll_output_same_destination (a, b));
  /* b.csv does not exist yet: the link still names it. */
  g_assert_true (ll_output_same_destination (soft, b));
  g_assert_true (ll_output_same_destination (through_sub, b));
  g_assert_true (ll_output_same_destination ("-", "-"));
  g_assert_false (ll_output_same_destination ("-", a));
  g_assert_false (ll_output_same_destination ("/dev/null", "/dev/null"));

  /* Relative and absolute names of one file. */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  g_assert_true (ll_output_same_destination ("b.csv", b));
  g_assert_true (ll_output_same_destination ("./b.csv", "b.csv"));
  resolved = ll_output_resolve ("link.csv");
  g_assert_true (g_path_is_absolute (resolved));
  g_assert_true (g_str_has_suffix (resolved, "/b.csv"));
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  remove_folder (dir);
}

/* Sync is the slow half of a commit; after it nothing more can be
 * written, the file is not there yet, and the rename puts it in place. */
static void
test_sync_then_commit (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = ll_output_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (ll_output_write (output, "abc", 3, &error));
  g_assert_true (ll_output_sync (output, &error));
  g_assert_no_error (error);
  g_assert_true (ll_output_sync (output, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (ll_output_write (output, "d", 1, &error) && ll_output_flush (output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_clear_error (&error);
  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);
  contents = read_test_file (path, NULL);
  g_assert_cmpstr (contents, ==, "abc");
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "out.csv");

  remove_folder (dir);
}

/* What a process that must exit at once does: every temporary file of its
 * outputs goes, committed files stay. */
static void
test_remove_temporary_files (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *listing = NULL;

  if (g_test_subprocess ())
    {
      const char *scratch = g_getenv ("LISTLAB_TEST_SCRATCH");
      g_autofree char *done = g_build_filename (scratch, "done.csv", NULL);
      g_autofree char *open1 = g_build_filename (scratch, "open1.csv", NULL);
      g_autofree char *open2 = g_build_filename (scratch, "open2.csv", NULL);
      LlOutput *a = ll_output_open (done, NULL);
      LlOutput *b = ll_output_open (open1, NULL);
      LlOutput *c = ll_output_open (open2, NULL);

      g_assert_true (ll_output_write (a, "a", 1, NULL) && ll_output_commit (a, NULL));
      g_assert_true (ll_output_write (b, "b", 1, NULL) && ll_output_sync (b, NULL));
      g_assert_true (ll_output_write (c, "c", 1, NULL));
      ll_output_remove_temporary_files ();
      _exit (0);
    }

  g_setenv ("LISTLAB_TEST_SCRATCH", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("LISTLAB_TEST_SCRATCH");
  g_test_trap_assert_passed ();

  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "done.csv");
  remove_folder (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/output/write-and-read-back", test_write_and_read_back);
  g_test_add_func ("/output/mixed-sizes", test_mixed_sizes);
  g_test_add_func ("/output/fd-for-bulk-writers", test_fd_for_bulk_writers);
  g_test_add_func ("/output/replace-existing", test_replace_existing);
  g_test_add_func ("/output/new-file-mode", test_new_file_mode);
  g_test_add_func ("/output/symlink", test_symlink);
  g_test_add_func ("/output/dangling-symlink", test_dangling_symlink);
  g_test_add_func ("/output/same-destination", test_same_destination);
  g_test_add_func ("/output/sync-then-commit", test_sync_then_commit);
  g_test_add_func ("/output/remove-temporary-files", test_remove_temporary_files);
  g_test_add_func ("/output/abort", test_abort);
  g_test_add_func ("/output/free-without-commit", test_free_without_commit);
  g_test_add_func ("/output/commit-twice", test_commit_twice);
  g_test_add_func ("/output/long-name", test_long_name);
  g_test_add_func ("/output/dev-full", test_dev_full);
  g_test_add_func ("/output/dev-null", test_dev_null);
  g_test_add_func ("/output/fifo", test_fifo);
  g_test_add_func ("/output/stdout", test_stdout);

  return g_test_run ();
}
