/* export-test-util.c — runs for the export tests (scratch folders: test-folder.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "export-test-util.h"

LlRun *
make_simulation (LlPolicyKind policy,
                 guint64      n,
                 guint        history_buckets)
{
  g_autoptr(GError) error = NULL;
  LlRunConfig config;
  LlRun *run;

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, policy);
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = n;
  config.history_buckets = history_buckets;
  run = ll_run_new (LL_RUN_SIMULATED, &config, &error);
  g_assert_no_error (error);
  return run;
}

LlRun *
make_simulated_run (LlPolicyKind policy,
                    guint64      n)
{
  g_autoptr(GError) error = NULL;
  LlRun *run = make_simulation (policy, n, 0);

  g_assert_true (ll_run_simulate (run, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return run;
}

static void
on_finished (LlRun    *run,
             gboolean *done)
{
  *done = TRUE;
}

LlRun *
make_real_run (LlElement element,
               guint64   n)
{
  g_autoptr(GError) error = NULL;
  LlRunConfig config;
  gboolean done = FALSE;
  LlRun *run;

  ll_run_config_init (&config);
  config.element = element;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = n;
  config.reserve_bytes = 0;
  run = ll_run_new (LL_RUN_REAL, &config, &error);
  g_assert_no_error (error);
  g_signal_connect (run, "finished", G_CALLBACK (on_finished), &done);
  ll_run_start (run);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (ll_run_get_state (run), ==, LL_ENGINE_FINISHED);
  return run;
}

/* The file's lines, each with its newline checked and cut. (memchr (), not
 * g_strsplit (): sanitizers make string searches of megabytes quadratic.) */
char **
read_lines (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  const char *p, *end;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  for (p = text, end = text + length; p < end;)
    {
      const char *newline = memchr (p, '\n', (gsize) (end - p));

      g_assert_nonnull (newline);
      g_ptr_array_add (lines, g_strndup (p, (gsize) (newline - p)));
      p = newline + 1;
    }
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}
