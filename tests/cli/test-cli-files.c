/* test-cli-files.c — the files one listlab-cli command writes: all of them, or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "export-test-util.h"
#include "ll-cli-files.h"

typedef struct
{
  char *dir;
  char *events;    /* exists before the command, "old" */
  char *samples;   /* does not exist yet */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = make_folder ();
  f->events = g_build_filename (f->dir, "events.csv", NULL);
  f->samples = g_build_filename (f->dir, "samples.csv", NULL);
  g_assert_true (g_file_set_contents (f->events, "old", -1, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_folder (f->dir);
  g_free (f->dir);
  g_free (f->events);
  g_free (f->samples);
}

static char *
contents (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    return NULL;
  return text;
}

static LlCliFiles *
open_both (Fixture *f)
{
  LlCliOptions o = { 0 };
  g_autoptr(GError) error = NULL;
  LlCliFiles *files;

  o.events = f->events;
  o.samples = f->samples;
  files = ll_cli_files_open (&o, &error);
  g_assert_no_error (error);
  g_assert_nonnull (files);
  g_assert_true (ll_output_printf (ll_cli_files_get (files, LL_CLI_FILE_EVENTS), &error, "new events"));
  g_assert_true (ll_output_printf (ll_cli_files_get (files, LL_CLI_FILE_SAMPLES), &error, "new samples"));
  g_assert_no_error (error);
  return files;
}

/* Until the commit, every destination is as it was; then all are new. */
static void
test_commit (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(LlCliFiles) files = open_both (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ll_cli_files_describe (files);
  g_autofree char *after = NULL;
  g_autofree char *events = NULL;
  g_autofree char *samples = NULL;
  g_autofree char *names = NULL;
  g_autofree char *expected = NULL;

  g_assert_null (ll_cli_files_get (files, LL_CLI_FILE_PNG));
  expected = g_strdup_printf ("No file was written: “%s” and “%s” are as they were.",
                              f->events, f->samples);
  g_assert_cmpstr (before, ==, expected);
  events = contents (f->events);
  g_assert_cmpstr (events, ==, "old");
  g_assert_false (g_file_test (f->samples, G_FILE_TEST_EXISTS));

  g_assert_true (ll_cli_files_commit (files, &error));
  g_assert_no_error (error);
  g_clear_pointer (&events, g_free);
  events = contents (f->events);
  samples = contents (f->samples);
  g_assert_cmpstr (events, ==, "new events");
  g_assert_cmpstr (samples, ==, "new samples");
  /* no temporary file left beside them */
  names = list_folder (f->dir);
  g_assert_cmpstr (names, ==, "events.csv samples.csv");

  after = ll_cli_files_describe (files);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Written: “%s” and “%s”.", f->events, f->samples);
  g_assert_cmpstr (after, ==, expected);
}

/* A command that ends before its commit leaves every destination as it
 * was, and no temporary file. */
static void
test_free_without_commit (Fixture       *f,
                          gconstpointer  data)
{
  LlCliFiles *files = open_both (f);
  g_autofree char *names = NULL;
  g_autofree char *events = NULL;

  ll_cli_files_free (files);
  names = list_folder (f->dir);
  events = contents (f->events);
  g_assert_cmpstr (names, ==, "events.csv");
  g_assert_cmpstr (events, ==, "old");
}

/* A file left out is neither written nor named. */
static void
test_drop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(LlCliFiles) files = open_both (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *said = NULL;
  g_autofree char *expected = NULL;

  ll_cli_files_drop (files, LL_CLI_FILE_SAMPLES);
  g_assert_null (ll_cli_files_get (files, LL_CLI_FILE_SAMPLES));
  g_assert_true (ll_cli_files_commit (files, &error));
  g_assert_no_error (error);
  names = list_folder (f->dir);
  g_assert_cmpstr (names, ==, "events.csv");
  said = ll_cli_files_describe (files);
  expected = g_strdup_printf ("Written: “%s”.", f->events);
  g_assert_cmpstr (said, ==, expected);
}

/* A destination that cannot be written is said before any work, and the
 * files opened before it are removed again. */
static void
test_open_fails (Fixture       *f,
                 gconstpointer  data)
{
  LlCliOptions o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCliFiles) files = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "samples.csv", NULL);
  g_autofree char *names = NULL;

  o.events = f->events;
  o.samples = missing;
  files = ll_cli_files_open (&o, &error);
  g_assert_null (files);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  names = list_folder (f->dir);
  g_assert_cmpstr (names, ==, "events.csv");
}

/* A rename that fails after another succeeded: the error says which file
 * is new and which is as it was. */
static void
test_commit_fails_halfway (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(LlCliFiles) files = open_both (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *inside = g_build_filename (f->samples, "keep", NULL);
  g_autofree char *events = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *expected = NULL;

  /* The samples' destination became a folder with a file in it while
   * the command worked: no rename can replace it. */
  g_assert_cmpint (g_mkdir (f->samples, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "kept", -1, NULL));

  g_assert_false (ll_cli_files_commit (files, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (error);
  expected = g_strdup_printf ("Written: “%s”.", f->events);
  g_assert_true (g_str_has_suffix (error->message, expected));
  events = contents (f->events);
  kept = contents (inside);
  g_assert_cmpstr (events, ==, "new events");
  g_assert_cmpstr (kept, ==, "kept");
  g_assert_cmpint (g_unlink (inside), ==, 0);
  g_assert_cmpint (g_rmdir (f->samples), ==, 0);
}

/* Standard output is written as it goes: nothing to keep or lose. */
static void
test_standard_output (Fixture       *f,
                      gconstpointer  data)
{
  LlCliOptions o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCliFiles) files = NULL;

  o.csv = (char *) "-";
  files = ll_cli_files_open (&o, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ll_cli_files_get (files, LL_CLI_FILE_CSV));
  g_assert_null (ll_cli_files_describe (files));
  g_assert_cmpstr (ll_cli_file_option (LL_CLI_FILE_CSV), ==, "--csv");
  g_assert_cmpstr (ll_cli_file_path (&o, LL_CLI_FILE_CSV), ==, "-");
  g_assert_null (ll_cli_file_path (&o, LL_CLI_FILE_EVENTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cli/files/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("commit", test_commit);
  ADD ("free-without-commit", test_free_without_commit);
  ADD ("drop", test_drop);
  ADD ("open-fails", test_open_fails);
  ADD ("commit-fails-halfway", test_commit_fails_halfway);
  ADD ("standard-output", test_standard_output);
#undef ADD

  return g_test_run ();
}
