/* test-contents.c — a list's values as text, one a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ll-contents.h"

static char *
write_to_file (const LlContents  *contents,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autofree char *dir = g_dir_make_tmp ("listlab-contents-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "values.txt", NULL);
  g_autoptr(LlOutput) output = NULL;
  char *text = NULL;
  gboolean ok;

  output = ll_output_open (path, error);
  g_assert_nonnull (output);
  ok = ll_contents_write (contents, output, cancellable, NULL, NULL, error) &&
       ll_output_commit (output, error);
  g_clear_pointer (&output, ll_output_free);

  if (ok)
    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  else
    /* Nothing was committed: not even the temporary file stays. */
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  return text;
}

/* Each model's values, with the edges of the cached last line: the digit
 * that carries, signs, the extremes. */
static void
test_contents_values (void)
{
  static const gint64 values64[] = {
    0, 1, 9, 10, 11, 19, 20, 99, 100, 101, 100, -1, -10, -9, -8,
    G_MAXINT64, G_MININT64, 5, 5, 6, 1999999, 2000000,
  };
  static const gint32 values32[] = { 0, 1, -1, G_MAXINT32, G_MININT32, 9, 10 };
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *text = NULL;
  const gint64 *pointers[G_N_ELEMENTS (values64)];
  LlContents contents;

  for (guint i = 0; i < G_N_ELEMENTS (values64); i++)
    g_string_append_printf (expected, "%" G_GINT64_FORMAT "\n", values64[i]);

  contents.element = LL_ELEMENT_INT64;
  contents.slots = values64;
  contents.length = G_N_ELEMENTS (values64);
  text = write_to_file (&contents, NULL, NULL);
  g_assert_cmpstr (text, ==, expected->str);
  g_clear_pointer (&text, g_free);

  /* Boxed and shared slots point at objects that start with the value. */
  for (guint i = 0; i < G_N_ELEMENTS (values64); i++)
    pointers[i] = &values64[i];
  contents.element = LL_ELEMENT_BOXED;
  contents.slots = pointers;
  text = write_to_file (&contents, NULL, NULL);
  g_assert_cmpstr (text, ==, expected->str);
  g_clear_pointer (&text, g_free);

  g_string_truncate (expected, 0);
  for (guint i = 0; i < G_N_ELEMENTS (values32); i++)
    g_string_append_printf (expected, "%" G_GINT32_FORMAT "\n", values32[i]);
  contents.element = LL_ELEMENT_INT32;
  contents.slots = values32;
  contents.length = G_N_ELEMENTS (values32);
  text = write_to_file (&contents, NULL, NULL);
  g_assert_cmpstr (text, ==, expected->str);
  g_clear_pointer (&text, g_free);

  /* An empty list is an empty file. */
  contents.length = 0;
  text = write_to_file (&contents, NULL, NULL);
  g_assert_cmpstr (text, ==, "");
}

typedef struct
{
  guint   calls;
  guint64 done;
  guint64 total;
  GCancellable *cancel;
} Progress;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpuint (done, >, p->done);
  p->calls++;
  p->done = done;
  p->total = total;
  if (p->cancel != NULL)
    g_cancellable_cancel (p->cancel);
}

/* Many blocks: counted, and cancelled between two of them. */
static void
test_contents_blocks (void)
{
  const guint64 n = 1000000;
  g_autofree gint64 *values = g_new (gint64, n);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) output = NULL;
  g_autofree char *text = NULL;
  Progress progress = { 0 };
  LlContents contents = { LL_ELEMENT_INT64, NULL, n };
  gsize expected_bytes = 0;

  for (guint64 i = 0; i < n; i++)
    {
      values[i] = (gint64) i;
      expected_bytes += (i < 10 ? 1 : i < 100 ? 2 : i < 1000 ? 3 : i < 10000 ? 4 : i < 100000 ? 5 : 6) + 1;
    }
  contents.slots = values;

  output = ll_output_open ("/dev/null", &error);
  g_assert_no_error (error);
  g_assert_true (ll_contents_write (&contents, output, NULL, on_progress, &progress, &error));
  g_assert_cmpuint (progress.calls, >, 1);
  g_assert_cmpuint (progress.done, ==, n);
  g_assert_cmpuint (progress.total, ==, n);

  text = write_to_file (&contents, NULL, NULL);
  g_assert_cmpuint (strlen (text), ==, expected_bytes);
  g_assert_true (g_str_has_suffix (text, "999998\n999999\n"));

  memset (&progress, 0, sizeof progress);
  progress.cancel = cancellable;
  g_assert_false (ll_contents_write (&contents, output, cancellable, on_progress, &progress, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 1);
  g_assert_cmpuint (progress.done, <, n);
  g_clear_error (&error);

  g_cancellable_reset (cancellable);
  g_cancellable_cancel (cancellable);
  g_assert_null (write_to_file (&contents, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contents/values", test_contents_values);
  g_test_add_func ("/contents/blocks", test_contents_blocks);

  return g_test_run ();
}
