/* test-output-faults.c — atomic file output when writing fails: missing
 * folders, permissions, a full disk, a fault at any byte; the file being
 * replaced keeps its contents and no temporary file stays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine-test.h"
#include "test-folder.h"
#include "ll-output.h"
#include "ll-output-private.h"

static void
check_open_fails (const char   *path,
                  GIOErrorEnum  code,
                  const char   *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("Cannot write “%s”: %s", path, message);
  LlOutput *output = ll_output_open (path, &error);

  g_assert_null (output);
  g_assert_error (error, G_IO_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_missing_folder (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *missing = g_build_filename (dir, "nope", NULL);
  g_autofree char *path = g_build_filename (missing, "a.csv", NULL);
  g_autofree char *deep = g_build_filename (missing, "deeper", "a.csv", NULL);
  g_autofree char *deep_folder = g_build_filename (missing, "deeper", NULL);
  g_autofree char *reason = g_strdup_printf ("the folder “%s” does not exist", missing);
  g_autofree char *deep_reason = g_strdup_printf ("the folder “%s” does not exist", deep_folder);
  g_autofree char *listing = NULL;

  check_open_fails (path, G_IO_ERROR_NOT_FOUND, reason);
  check_open_fails (deep, G_IO_ERROR_NOT_FOUND, deep_reason);
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "");

  remove_folder (dir);
}

static void
test_parent_is_a_file (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autofree char *path = g_build_filename (file, "a.csv", NULL);
  g_autofree char *deep = g_build_filename (file, "sub", "a.csv", NULL);
  g_autofree char *reason = g_strdup_printf ("“%s” is not a folder", file);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;

  write_test_file (file, "data", -1);
  check_open_fails (path, G_IO_ERROR_NOT_DIRECTORY, reason);
  check_open_fails (deep, G_IO_ERROR_NOT_DIRECTORY, reason);
  contents = read_test_file (file, NULL);
  g_assert_cmpstr (contents, ==, "data");
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "file");

  remove_folder (dir);
}

static void
test_destination_is_a_folder (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *sub_slash = g_strconcat (sub, "/", NULL);
  g_autofree char *missing_slash = g_build_filename (dir, "missing/", NULL);
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  check_open_fails (sub, G_IO_ERROR_IS_DIRECTORY, "it is a folder");
  check_open_fails (sub_slash, G_IO_ERROR_IS_DIRECTORY, "it is a folder");
  check_open_fails (missing_slash, G_IO_ERROR_INVALID_FILENAME, "a file name cannot end with “/”");
  check_open_fails ("/", G_IO_ERROR_IS_DIRECTORY, "it is a folder");
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "sub");
  g_clear_pointer (&listing, g_free);
  listing = list_folder (sub);
  g_assert_cmpstr (listing, ==, "");

  remove_folder (dir);
}

static void
test_empty_name (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (ll_output_open ("", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
}

/* Places not even root can write to. */
static void
test_unwritable_by_root (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;

  if (!g_file_test ("/proc/self", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("/proc is not mounted");
      return;
    }

  check_open_fails ("/proc/listlab-test.csv", G_IO_ERROR_PERMISSION_DENIED,
                    "files cannot be created in the folder “/proc”");
  g_assert_false (g_file_test ("/proc/listlab-test.csv", G_FILE_TEST_EXISTS));

  /* An existing file there cannot be replaced either. */
  g_assert_null (ll_output_open ("/proc/version", &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Cannot write “/proc/version”: "));

  /* Nor can a folder be made inside a process's entry. */
  g_assert_null (ll_output_open ("/proc/self/listlab/x.csv", &error2));
  g_assert_nonnull (error2);
  g_assert_true (g_str_has_prefix (error2->message, "Cannot write “/proc/self/listlab/x.csv”: "));
}

/* Permission denied, checked as an ordinary user even when the tests run as
 * root (the subprocess gives up root first). */
static void
test_permission_denied (void)
{
  const char *dir = g_getenv ("LISTLAB_TEST_SCRATCH");

  if (g_test_subprocess ())
    {
      g_autofree char *locked = g_build_filename (dir, "locked", NULL);
      g_autofree char *path = g_build_filename (locked, "a.csv", NULL);
      g_autofree char *readonly = g_build_filename (dir, "open", "readonly.csv", NULL);
      g_autofree char *contents = NULL;

      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        {
          g_autofree char *marker = g_build_filename (dir, "skipped", NULL);

          write_test_file (marker, g_strerror (errno), -1);
          return;
        }
      g_assert_cmpint (geteuid (), !=, 0);

      check_open_fails (path, G_IO_ERROR_PERMISSION_DENIED, "permission denied");
      check_open_fails (readonly, G_IO_ERROR_PERMISSION_DENIED, "permission denied");
      contents = read_test_file (readonly, NULL);
      g_assert_cmpstr (contents, ==, "read-only");
      return;
    }
  else
    {
      g_autofree char *scratch = make_folder ();
      g_autofree char *locked = g_build_filename (scratch, "locked", NULL);
      g_autofree char *open_dir = g_build_filename (scratch, "open", NULL);
      g_autofree char *readonly = g_build_filename (open_dir, "readonly.csv", NULL);
      g_autofree char *marker = g_build_filename (scratch, "skipped", NULL);
      g_autofree char *listing = NULL;

      g_assert_cmpint (g_chmod (scratch, 0755), ==, 0);
      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      g_assert_cmpint (g_mkdir (open_dir, 0777), ==, 0);
      g_assert_cmpint (g_chmod (open_dir, 0777), ==, 0);
      write_test_file (readonly, "read-only", -1);
      g_assert_cmpint (g_chmod (readonly, 0444), ==, 0);

      g_setenv ("LISTLAB_TEST_SCRATCH", scratch, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_unsetenv ("LISTLAB_TEST_SCRATCH");
      g_test_trap_assert_passed ();

      if (g_file_test (marker, G_FILE_TEST_EXISTS))
        g_test_skip ("Cannot run as an ordinary user");
      else
        {
          listing = list_folder (open_dir);
          g_assert_cmpstr (listing, ==, "readonly.csv");
          g_clear_pointer (&listing, g_free);
          listing = list_folder (locked);
          g_assert_cmpstr (listing, ==, "");
        }

      g_assert_cmpint (g_chmod (locked, 0755), ==, 0);
      remove_folder (scratch);
    }
}

/* @dir holds @name alone, as it was: @contents, and no temporary file. */
static void
assert_kept (const char *dir,
             const char *name,
             const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *now = read_test_file (path, NULL);
  g_autofree char *listing = list_folder (dir);

  g_assert_cmpstr (now, ==, contents);
  g_assert_cmpstr (listing, ==, name);
}

/* A genuinely full disk: a tiny tmpfs in a private mount namespace. */
static void
full_disk_child (const char *scratch)
{
  g_autofree char *mnt = g_build_filename (scratch, "mnt", NULL);
  g_autofree char *path = g_build_filename (mnt, "events.csv", NULL);
  g_autofree char *fresh = g_build_filename (mnt, "fresh.csv", NULL);
  g_autofree char *old = g_strnfill (16 * 1024, 'o');
  g_autofree char *chunk = g_strnfill (MiB, 'n');
  g_autofree char *expected_message = g_strdup_printf ("Cannot write “%s”: the disk is full", path);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  LlOutput *output;
  gboolean failed = FALSE;

  if (unshare (CLONE_NEWNS) != 0 ||
      mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", mnt, "tmpfs", 0, "size=256k,mode=0755") != 0)
    {
      g_autofree char *marker = g_build_filename (scratch, "skipped", NULL);

      write_test_file (marker, g_strerror (errno), -1);
      return;
    }

  write_test_file (path, old, -1);

  /* The disk fills up in the middle of the writes. */
  output = ll_output_open (path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 4 && !failed; i++)
    failed = !ll_output_write (output, chunk, MiB, &error);
  g_assert_true (failed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (error->message, ==, expected_message);
  g_clear_error (&error);
  ll_output_free (output);

  assert_kept (mnt, "events.csv", old);

  /* Everything fits in the buffer: the commit finds the disk full. */
  output = ll_output_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ll_output_write (output, chunk, 300 * 1024, &error));
  g_assert_false (ll_output_commit (output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (error->message, ==, expected_message);
  g_clear_error (&error);
  ll_output_free (output);

  assert_kept (mnt, "events.csv", old);

  /* The space the temporaries took is back: what fits is written. */
  output = ll_output_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ll_output_write (output, chunk, 100 * 1024, &error));
  g_assert_true (ll_output_commit (output, &error));
  g_assert_no_error (error);
  ll_output_free (output);
  contents = read_test_file (path, NULL);
  g_assert_cmpuint (strlen (contents), ==, 100 * 1024);
  g_assert_true (strspn (contents, "n") == 100 * 1024);
  g_clear_pointer (&contents, g_free);

  /* A read-only file system. */
  g_assert_cmpint (mount ("tmpfs", mnt, "tmpfs", MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
  output = ll_output_open (fresh, &error);
  g_assert_null (output);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "the file system is read-only"));
  g_clear_error (&error);
  output = ll_output_open (path, &error);
  g_assert_null (output);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_clear_error (&error);
  listing = list_folder (mnt);
  g_assert_cmpstr (listing, ==, "events.csv");

  g_assert_cmpint (umount (mnt), ==, 0);
}

static void
test_full_disk (void)
{
  if (g_test_subprocess ())
    {
      full_disk_child (g_getenv ("LISTLAB_TEST_SCRATCH"));
      return;
    }
  else
    {
      g_autofree char *scratch = make_folder ();
      g_autofree char *mnt = g_build_filename (scratch, "mnt", NULL);
      g_autofree char *marker = g_build_filename (scratch, "skipped", NULL);
      g_autofree char *reason = NULL;

      g_assert_cmpint (g_mkdir (mnt, 0755), ==, 0);
      g_setenv ("LISTLAB_TEST_SCRATCH", scratch, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_unsetenv ("LISTLAB_TEST_SCRATCH");
      g_test_trap_assert_passed ();

      if (g_file_get_contents (marker, &reason, NULL, NULL))
        {
          g_autofree char *message = g_strdup_printf ("Cannot mount a small tmpfs: %s", reason);
          g_test_skip (message);
        }

      remove_folder (scratch);
    }
}

/* A disk that fills up at any byte: every write after it fails with the
 * reason, the file being replaced keeps its old contents and no temporary
 * file stays, whatever the sizes of the writes. */
static void
test_fault_at_any_byte (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "data.csv", NULL);
  g_autofree guint8 *data = g_malloc (3 * MiB);
  guint n_points = 300;
  guint failed = 0;

  for (gsize i = 0; i < 3 * MiB; i++)
    data[i] = (guint8) g_test_rand_int ();
  write_test_file (path, "old", -1);

  for (guint point = 0; point < n_points; point++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlOutput) output = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *listing = NULL;
      gsize total = g_test_rand_int_range (1, 3 * MiB);
      guint64 fault = g_test_rand_int_range (0, (gint32) total + 1);
      gsize done = 0;
      gboolean ok = TRUE;

      ll_output_inject_fault (fault, ENOSPC);
      output = ll_output_open (path, &error);
      g_assert_no_error (error);
      while (ok && done < total)
        {
          /* Rows, blocks larger than the buffer, and everything between. */
          gsize wanted = g_test_rand_bit () ? g_test_rand_int_range (1, 400)
                                            : g_test_rand_int_range (1, 2 * MiB);
          gsize n = MIN (total - done, wanted);

          ok = ll_output_write (output, data + done, n, &error);
          done += n;
        }
      if (ok)
        ok = ll_output_commit (output, &error);
      ll_output_inject_fault (G_MAXUINT64, 0);

      /* A fault at the very end still fails: the last byte never got there. */
      if (fault < total)
        {
          g_assert_false (ok);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
          g_assert_nonnull (strstr (error->message, "data.csv"));
          contents = read_test_file (path, NULL);
          g_assert_cmpstr (contents, ==, "old");
          failed++;
        }
      else
        {
          gsize length;

          g_assert_no_error (error);
          g_assert_true (ok);
          contents = read_test_file (path, &length);
          g_assert_cmpuint (length, ==, total);
          g_assert_cmpint (memcmp (contents, data, total), ==, 0);
          write_test_file (path, "old", -1);
        }
      g_clear_pointer (&output, ll_output_free);
      listing = list_folder (dir);
      g_assert_cmpstr (listing, ==, "data.csv");
    }

  g_test_message ("%u write faults injected at random bytes, %u of them before the end", n_points, failed);
  remove_folder (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/output/faults/fault-at-any-byte", test_fault_at_any_byte);
  g_test_add_func ("/output/faults/missing-folder", test_missing_folder);
  g_test_add_func ("/output/faults/parent-is-a-file", test_parent_is_a_file);
  g_test_add_func ("/output/faults/destination-is-a-folder", test_destination_is_a_folder);
  g_test_add_func ("/output/faults/empty-name", test_empty_name);
  g_test_add_func ("/output/faults/unwritable-by-root", test_unwritable_by_root);
  g_test_add_func ("/output/faults/permission-denied", test_permission_denied);
  g_test_add_func ("/output/faults/full-disk", test_full_disk);

  return g_test_run ();
}
