/* listlab-cli.c — List Lab without a display: policies, simulate, run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ll-cli-compare.h"
#include "ll-cli-options.h"
#include "ll-cli-output.h"
#include "ll-cli-signals.h"
#include "ll-cli-verify.h"
#include "ll-export-stream.h"
#include "ll-run.h"
#include "ll-size.h"
#include "ll-summary.h"

static void
print_stats (FILE           *f,
             LlRun          *run,
             const LlEngineStatus *status)
{
  LlHistoryCounters c;

  ll_history_get_counters (ll_run_get_history (run), &c);
  fprintf (f, "elapsed_ns=%" G_GUINT64_FORMAT "\n", status->elapsed_ns);
  fprintf (f, "length=%" G_GUINT64_FORMAT "\n", status->length);
  fprintf (f, "capacity=%" G_GUINT64_FORMAT "\n", status->capacity);
  fprintf (f, "container_bytes=%" G_GUINT64_FORMAT "\n", status->container_bytes);
  fprintf (f, "objects_bytes=%" G_GUINT64_FORMAT "\n", status->objects_bytes);
  fprintf (f, "reallocations=%" G_GUINT64_FORMAT "\n", c.n_events);
  fprintf (f, "moved=%" G_GUINT64_FORMAT "\n", c.n_moved);
  fprintf (f, "bytes_copied=%" G_GUINT64_FORMAT "\n", c.bytes_copied);
  fprintf (f, "realloc_ns=%" G_GUINT64_FORMAT "\n", c.total_realloc_ns);
}

/* ----------------------------------------------------------------------- */

static int
cmd_policies (int    argc,
              char **argv)
{
  gboolean names_only = FALSE;
  GOptionEntry entries[] = {
    { "names", 0, 0, G_OPTION_ARG_NONE, &names_only, N_("Print only the names, one a line"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _("Lists the growth policies, the runtimes they mirror and their parameters."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return ll_cli_usage_error (context, error->message);
  if (argc > 1)
    return ll_cli_usage_error (context, _("“policies” takes no arguments"));

  for (int k = 0; k < LL_N_POLICIES; k++)
    {
      const LlPolicyInfo *info = ll_policy_get_info (k);

      if (names_only)
        {
          g_print ("%s\n", info->name);
          continue;
        }

      g_print ("%-12s %s\n", info->name, _(info->title));
      g_print ("             %s\n", _(info->description));
      g_print ("             %s %s · %s %s\n", _("Source:"), info->source,
               _("grows by"), ll_mechanism_to_string (info->mechanism));
      if (k == LL_POLICY_FIXED)
        g_print ("             %s --increment N (4)\n", _("Parameters:"));
      else if (k == LL_POLICY_CUSTOM)
        g_print ("             %s --factor F (1.5) --constant N (0) --round N (1)\n", _("Parameters:"));
      g_print ("\n");
    }

  if (names_only)
    return LL_CLI_EXIT_DONE;

  g_print (_("Element models:\n"));
  for (int e = 0; e < LL_N_ELEMENTS; e++)
    {
      const LlElementInfo *info = ll_element_get_info (e);
      g_print ("  %-8s %s\n", info->name, _(info->description));
    }
  return LL_CLI_EXIT_DONE;
}

/* ----------------------------------------------------------------------- */

/* The summary rows that mean something for @run: a simulation has no
 * free memory, rate or timing of its own. */
static void
print_rows (FILE       *f,
            LlRun      *run,
            const char *heading)
{
  static const char * const simulated[] = {
    "length", "capacity", "container", "objects", "slack", "reallocations", "moved",
    "next-growth", "next-capacity", NULL,
  };
  const LlRunConfig *config = ll_run_get_config (run);
  gboolean real = ll_run_get_kind (run) == LL_RUN_REAL;
  g_autoptr(GPtrArray) rows = NULL;
  LlHistoryCounters counters;
  LlEngineStatus st;
  LlMemInfo mem = { 0 };

  ll_run_get_status (run, &st);
  ll_history_get_counters (ll_run_get_history (run), &counters);
  if (real)
    ll_mem_read_system (&mem, NULL, NULL);
  rows = ll_summary_result_rows (config, &st, &counters, ll_mem_info_spare (&mem), LL_UNITS_IEC);

  fprintf (f, "%s\n", heading);
  for (guint i = 0; i < rows->len; i++)
    {
      const LlSummaryRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->id, "objects") && config->element != LL_ELEMENT_BOXED)
        continue;
      if (!real && !g_strv_contains (simulated, row->id))
        continue;
      fprintf (f, "  %-22s %s\n", row->label, row->value);
    }
  if (!real)
    {
      g_autofree char *duration = ll_format_duration (st.elapsed_ns);

      fprintf (f, "  %-22s %s\n", _("Computed in"), duration);
    }
}

/* Opens the files before any work: a folder that is missing or read-only
 * is said now, not after the run. */
static LlCliFiles *
open_files (const LlCliOptions *o)
{
  g_autoptr(GError) error = NULL;
  LlCliFiles *files = ll_cli_files_open (o, &error);

  if (files == NULL)
    g_printerr ("listlab-cli: %s\n", error->message);
  ll_cli_signals_set_files (files);
  return files;
}

static void
close_files (LlCliFiles *files)
{
  ll_cli_signals_set_files (NULL);
  ll_cli_files_free (files);
}

static int
cmd_simulate (int    argc,
              char **argv)
{
  LlCliOptions o = { 0 };
  g_autoptr(GOptionContext) context = ll_cli_options_context (LL_CLI_SIMULATE, &o);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlExportStream) events = NULL;
  g_autoptr(LlRun) run = NULL;
  LlCliFiles *files = NULL;
  LlOutput *events_output;
  guint64 contents_ns;
  gboolean ok;
  int status;

  if ((status = ll_cli_options_parse (context, LL_CLI_SIMULATE, &argc, &argv, &o)) != LL_CLI_EXIT_DONE)
    goto out;

  run = ll_run_new (LL_RUN_SIMULATED, &o.config, &error);
  g_assert (run != NULL);

  if (!(files = open_files (&o)))
    {
      status = LL_CLI_EXIT_FAILED;
      goto out;
    }

  /* Every event goes to the file as it is computed: a history keeps them
   * one by one only up to its cap. */
  events_output = ll_cli_files_get (files, LL_CLI_FILE_EVENTS);
  if (events_output != NULL && !(events = ll_export_stream_new_events (events_output, &error)))
    {
      g_printerr ("listlab-cli: %s\n", error->message);
      ll_cli_finish_files (files, FALSE);
      status = LL_CLI_EXIT_FAILED;
      goto out;
    }

  if (!o.quiet)
    {
      g_autofree char *policy = ll_policy_to_string (&o.config.policy);
      /* Translators: the policy, as "cpython" or "fixed:increment=4" */
      g_autofree char *what = g_strdup_printf (_("Simulating %s"), policy);

      ll_cli_signals_set_progress (run, what);
    }
  ok = ll_run_simulate (run, events != NULL ? ll_export_stream_add_events : NULL, events, NULL, &error);
  ll_cli_signals_set_progress (run, NULL);
  if (!ok)
    {
      g_printerr ("listlab-cli: %s\n", error->message);
      ll_cli_finish_files (files, FALSE);
      status = LL_CLI_EXIT_FAILED;
      goto out;
    }

  if (!ll_cli_finish_files (files, ll_cli_write_outputs (files, &o, run, TRUE, &contents_ns)))
    {
      status = LL_CLI_EXIT_FAILED;
      goto out;
    }

  if (o.stats)
    {
      LlEngineStatus st;

      ll_run_get_status (run, &st);
      print_stats (ll_cli_options_summary_stream (&o), run, &st);
    }
  else if (!o.quiet)
    {
      g_autofree char *policy = ll_policy_to_string (&o.config.policy);
      /* Translators: the policy, as "cpython" or "fixed:increment=4" */
      g_autofree char *heading = g_strdup_printf (_("Simulated %s"), policy);

      /* A list that never grew says why, as a run does. */
      if (ll_run_config_starts_at_target (&o.config))
        {
          g_autofree char *why = ll_run_dup_stop_message (run, LL_UNITS_IEC);

          g_free (heading);
          /* Translators: why a simulated list never grew, then the policy:
           * "The initial list of 1,000,000 elements already reaches the
           * target of 1.00 kB (simulated cpython)" */
          heading = g_strdup_printf (_("%s (simulated %s)"), why, policy);
        }
      print_rows (ll_cli_options_summary_stream (&o), run, heading);
    }

out:
  close_files (files);
  ll_cli_options_clear (&o);
  return status;
}

/* ----------------------------------------------------------------------- */

static void
on_finished (LlRun     *run,
             GMainLoop *loop)
{
  g_main_loop_quit (loop);
}

static gboolean
on_progress (gpointer user_data)
{
  LlRun *run = user_data;
  const LlRunConfig *config = ll_run_get_config (run);
  LlEngineStatus st;
  LlRunProgress progress;
  LlMemInfo mem = { 0 };
  g_autofree char *length = NULL;
  g_autofree char *container = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *spare = NULL;
  g_autofree char *eta = NULL;

  ll_run_get_status (run, &st);
  if (st.state != LL_ENGINE_RUNNING)
    return G_SOURCE_CONTINUE;
  ll_run_get_progress (run, &progress);

  ll_mem_read_system (&mem, NULL, NULL);
  length = ll_format_count (st.length);
  container = ll_format_bytes (st.container_bytes, LL_UNITS_IEC);
  rate = ll_format_rate_bytes (MAX (progress.appends_per_second, 0) *
                               ll_element_get_info (config->element)->slot_bytes, LL_UNITS_SI);
  spare = ll_format_bytes (ll_mem_info_spare (&mem), LL_UNITS_IEC);
  eta = progress.eta_ns != G_MAXUINT64 ? ll_format_duration (progress.eta_ns) : g_strdup ("—");

  fprintf (stderr, "\r\033[K");
  fprintf (stderr, _("%s elements · container %s · %s · free %s · ETA %s"),
           length, container, rate, spare, eta);
  fflush (stderr);
  return G_SOURCE_CONTINUE;
}

static int
cmd_run (int    argc,
         char **argv)
{
  LlCliOptions o = { 0 };
  g_autoptr(GOptionContext) context = ll_cli_options_context (LL_CLI_RUN, &o);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlRun) run = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  LlEngineStatus st;
  LlFit fit;
  LlCliFiles *files = NULL;
  guint progress_id = 0;
  guint64 contents_ns = 0;
  gboolean files_ok;
  int status;

  if ((status = ll_cli_options_parse (context, LL_CLI_RUN, &argc, &argv, &o)) != LL_CLI_EXIT_DONE)
    goto out;

  if (!(run = ll_run_new (LL_RUN_REAL, &o.config, &error)))
    {
      status = ll_cli_usage_error (context, error->message);
      goto out;
    }

  if (!ll_run_plan (run, 0, &fit, &error))
    {
      g_printerr ("listlab-cli: %s\n", error->message);
      status = LL_CLI_EXIT_FAILED;
      goto out;
    }
  /* How long a quadratic run will copy, before it starts. */
  {
    g_autofree char *copies = ll_run_config_describe_copies (&o.config);

    if (copies != NULL && !o.quiet)
      g_printerr ("listlab-cli: note: %s\n", copies);
  }
  if (!fit.fits && !o.force)
    {
      g_autofree char *why = ll_fit_describe (&fit, &o.config);

      g_printerr ("listlab-cli: %s\n", why);
      g_printerr (_("Use --force to start anyway: the run stops at the reserve.\n"));
      status = LL_CLI_EXIT_FAILED;
      goto out;
    }

  if (!(files = open_files (&o)))
    {
      status = LL_CLI_EXIT_FAILED;
      goto out;
    }

  loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (run, "finished", G_CALLBACK (on_finished), loop);
  if (!o.quiet && isatty (STDERR_FILENO))
    progress_id = g_timeout_add (250, on_progress, run);

  /* Ctrl+C stops the growth; the files are then written from what it
   * reached. */
  ll_cli_signals_set_run (run);
  ll_run_start (run);
  g_main_loop_run (loop);
  ll_cli_signals_set_run (NULL);

  if (progress_id != 0)
    {
      g_source_remove (progress_id);
      fprintf (stderr, "\r\033[K");
    }

  ll_run_get_status (run, &st);
  files_ok = ll_cli_finish_files (files, ll_cli_write_outputs (files, &o, run, FALSE, &contents_ns));

  if (o.stats)
    {
      FILE *f = ll_cli_options_summary_stream (&o);

      print_stats (f, run, &st);
      fprintf (f, "stop=%s\n", ll_stop_reason_to_string (st.stop_reason));
      if (o.contents != NULL)
        fprintf (f, "contents_ns=%" G_GUINT64_FORMAT "\n", contents_ns);
    }
  else if (!o.quiet)
    {
      g_autofree char *why = ll_run_dup_stop_message (run, LL_UNITS_IEC);

      print_rows (ll_cli_options_summary_stream (&o), run, why);
    }
  else if (st.stop_reason == LL_STOP_RESERVE)
    {
      g_autofree char *reserve = ll_format_bytes (st.reserve_bytes, LL_UNITS_IEC);
      g_printerr (_("listlab-cli: stopped to keep %s free for the system (the memory reserve)\n"), reserve);
    }

  if (st.stop_reason == LL_STOP_NO_MEMORY || st.stop_reason == LL_STOP_FAILED || !files_ok)
    status = LL_CLI_EXIT_FAILED;

out:
  close_files (files);
  ll_cli_options_clear (&o);
  return status;
}

/* ----------------------------------------------------------------------- */

static void
print_usage (FILE *f)
{
  fprintf (f, "%s", _("Usage:\n"
                      "  listlab-cli policies             List the growth policies\n"
                      "  listlab-cli simulate [OPTION…]   Compute a policy’s capacities without allocating\n"
                      "  listlab-cli run [OPTION…]        Grow a real list in memory\n"
                      "  listlab-cli compare [OPTION…]    Compare policies side by side, without allocating\n"
                      "  listlab-cli verify [OPTION…]     Check the cpython policy against the real interpreter\n"
                      "\n"
                      "“listlab-cli COMMAND --help” shows a command’s options.\n"));
}

/* Whatever went to standard output must have got there: a full disk or a
 * closed pipe is a failure (a closed pipe without words: its reader left). */
static int
check_stdout (int status)
{
  int saved_errno;

  if (fflush (stdout) == 0 && !ferror (stdout))
    return status;

  saved_errno = errno;
  if (saved_errno != EPIPE)
    g_printerr (_("listlab-cli: cannot write to standard output: %s\n"), g_strerror (saved_errno));
  return status == LL_CLI_EXIT_DONE ? LL_CLI_EXIT_FAILED : status;
}

static int
run_command (int    argc,
             char **argv);

int
main (int    argc,
      char **argv)
{
  int status;

  /* Before any thread: the signals are taken by a thread of their own. */
  ll_cli_signals_init ();
  status = run_command (argc, argv);
  ll_cli_signals_shutdown ();
  return check_stdout (status);
}

static int
run_command (int    argc,
             char **argv)
{
  g_autofree char *prgname = NULL;
  const char *localedir = g_getenv ("LISTLAB_LOCALEDIR");
  const char *command;

  setlocale (LC_ALL, "");
  /* Tests point this at the build tree's compiled translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return LL_CLI_EXIT_USAGE;
    }

  command = argv[1];
  if (g_str_equal (command, "--help") || g_str_equal (command, "-h") || g_str_equal (command, "help"))
    {
      print_usage (stdout);
      return LL_CLI_EXIT_DONE;
    }
  if (g_str_equal (command, "--version"))
    {
      g_print ("listlab-cli %s\n", PACKAGE_VERSION);
      return LL_CLI_EXIT_DONE;
    }

  prgname = g_strdup_printf ("listlab-cli %s", command);
  g_set_prgname (prgname);

  if (g_str_equal (command, "policies"))
    return cmd_policies (argc - 1, argv + 1);
  if (g_str_equal (command, "simulate"))
    return cmd_simulate (argc - 1, argv + 1);
  if (g_str_equal (command, "run"))
    return cmd_run (argc - 1, argv + 1);
  if (g_str_equal (command, "compare"))
    return ll_cli_compare (argc - 1, argv + 1);
  if (g_str_equal (command, "verify"))
    return ll_cli_verify (argc - 1, argv + 1);

  {
    g_autofree char *shown = ll_format_input (command, -1);

    g_printerr (_("listlab-cli: “%s” is not a command.\n"), shown);
  }
  print_usage (stderr);
  return LL_CLI_EXIT_USAGE;
}
