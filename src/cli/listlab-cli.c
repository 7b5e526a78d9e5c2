/* listlab-cli.c — List Lab without a display: policies, simulate, run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "ll-csv.h"
#include "ll-engine.h"
#include "ll-simulation.h"
#include "ll-output.h"
#include "ll-size.h"
#include "ll-summary.h"

#include "ll-cli-export.h"

enum {
  EXIT_DONE = 0,
  EXIT_FAILURE_RUNTIME = 1,
  EXIT_USAGE = 2,
};

/* Options shared by simulate and run. */
typedef struct
{
  char    *policy;
  char    *increment;
  char    *factor;
  char    *constant;
  char    *round;
  char    *element;
  char    *initial_length;
  char    *target;
  char    *target_kind;
  char    *appends;
  char    *batch;
  char    *mechanism;
  char    *reserve;
  char    *sample_rate;
  char    *events;
  char    *samples;
  char    *contents;
  gboolean huge_pages;
  gboolean force;
  gboolean quiet;
  gboolean stats;
  LlCliExportOptions export;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->policy);
  g_free (o->increment);
  g_free (o->factor);
  g_free (o->constant);
  g_free (o->round);
  g_free (o->element);
  g_free (o->initial_length);
  g_free (o->target);
  g_free (o->target_kind);
  g_free (o->appends);
  g_free (o->batch);
  g_free (o->mechanism);
  g_free (o->reserve);
  g_free (o->sample_rate);
  g_free (o->events);
  g_free (o->samples);
  g_free (o->contents);
  ll_cli_export_options_clear (&o->export);
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_printerr ("listlab-cli: %s\n", message);
  if (context != NULL)
    g_printerr (_("Try “%s --help” for more information.\n"), g_get_prgname ());
  return EXIT_USAGE;
}

static GOptionEntry policy_entries[] = {
  { "policy", 'p', 0, G_OPTION_ARG_STRING, NULL,
    N_("Growth policy (see “listlab-cli policies”); default cpython"), N_("NAME") },
  { "increment", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("fixed: elements added per growth (default 4)"), N_("N") },
  { "factor", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("custom: growth factor, 1 to 16 (default 1.5)"), N_("F") },
  { "constant", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("custom: elements added after the factor (default 0)"), N_("N") },
  { "round", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("custom: round capacities up to a multiple of N (default 1)"), N_("N") },
  { "element", 'e', 0, G_OPTION_ARG_STRING, NULL,
    N_("Element model: shared, boxed, int64 or int32; default shared"), N_("MODEL") },
  { "initial-length", 'n', 0, G_OPTION_ARG_STRING, NULL,
    N_("Start from a list of N elements, allocated as list(range(N)) is"), N_("N") },
  { "target-kind", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("What the target measures: container (sys.getsizeof, default), total (container + objects) or elements"),
    N_("KIND") },
  { "batch", 'b', 0, G_OPTION_ARG_STRING, NULL,
    N_("Elements per append, as list.extend adds them (default 1)"), N_("N") },
  { "mechanism", 'm', 0, G_OPTION_ARG_STRING, NULL,
    N_("How blocks grow: realloc, copy or mremap (default: the policy's runtime's)"),
    N_("MECHANISM") },
  { "events", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write every reallocation as CSV to FILE (- for standard output)"), N_("FILE") },
  { "quiet", 'q', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print no progress and no summary"), NULL },
  { "stats", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the figures as key=value lines, for scripts"), NULL },
  { NULL }
};

static void
bind_common_entries (GOptionEntry *entries,
                     Options      *o)
{
  for (GOptionEntry *e = entries; e->long_name != NULL; e++)
    {
      const char *n = e->long_name;

      if (g_str_equal (n, "policy")) e->arg_data = &o->policy;
      else if (g_str_equal (n, "increment")) e->arg_data = &o->increment;
      else if (g_str_equal (n, "factor")) e->arg_data = &o->factor;
      else if (g_str_equal (n, "constant")) e->arg_data = &o->constant;
      else if (g_str_equal (n, "round")) e->arg_data = &o->round;
      else if (g_str_equal (n, "element")) e->arg_data = &o->element;
      else if (g_str_equal (n, "initial-length")) e->arg_data = &o->initial_length;
      else if (g_str_equal (n, "target-kind")) e->arg_data = &o->target_kind;
      else if (g_str_equal (n, "batch")) e->arg_data = &o->batch;
      else if (g_str_equal (n, "mechanism")) e->arg_data = &o->mechanism;
      else if (g_str_equal (n, "events")) e->arg_data = &o->events;
      else if (g_str_equal (n, "quiet")) e->arg_data = &o->quiet;
      else if (g_str_equal (n, "stats")) e->arg_data = &o->stats;
      else if (g_str_equal (n, "target")) e->arg_data = &o->target;
      else if (g_str_equal (n, "appends")) e->arg_data = &o->appends;
      else if (g_str_equal (n, "reserve")) e->arg_data = &o->reserve;
      else if (g_str_equal (n, "sample-rate")) e->arg_data = &o->sample_rate;
      else if (g_str_equal (n, "samples")) e->arg_data = &o->samples;
      else if (g_str_equal (n, "contents")) e->arg_data = &o->contents;
      else if (g_str_equal (n, "huge-pages")) e->arg_data = &o->huge_pages;
      else if (g_str_equal (n, "force")) e->arg_data = &o->force;
    }
}

static GOptionContext *
new_context (const char   *parameter,
             const char   *summary,
             GOptionEntry *extra,
             Options      *o)
{
  g_autofree GOptionEntry *entries = NULL;
  GOptionContext *context;
  gsize n_common = G_N_ELEMENTS (policy_entries) - 1;
  gsize n_extra = 0;

  while (extra[n_extra].long_name != NULL)
    n_extra++;

  entries = g_new0 (GOptionEntry, n_common + n_extra + 1);
  memcpy (entries, policy_entries, n_common * sizeof (GOptionEntry));
  memcpy (entries + n_common, extra, n_extra * sizeof (GOptionEntry));
  bind_common_entries (entries, o);

  context = g_option_context_new (parameter);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  ll_cli_export_add_options (context, &o->export);
  return context;
}

typedef gboolean (*SizeParser) (const char  *text,
                                LlSizeFlags  flags,
                                guint64     *value,
                                GError     **error);

/* Parses an option's value with @parser; the message names the option. */
static gboolean
parse_option (SizeParser   parser,
              const char  *name,
              const char  *text,
              LlSizeFlags  flags,
              guint64     *out,
              GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (text == NULL)
    return TRUE;
  if (!parser (text, flags, out, &local))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--%s: %s", name, local->message);
      return FALSE;
    }
  return TRUE;
}

#define parse_count_option(...) parse_option (ll_size_parse_count, __VA_ARGS__)
#define parse_bytes_option(...) parse_option (ll_size_parse_bytes, __VA_ARGS__)

static gboolean
parse_target_kind (const char   *text,
                   LlTargetKind *kind,
                   GError      **error)
{
  if (text == NULL)
    return TRUE;
  if (g_str_equal (text, "container"))
    *kind = LL_TARGET_CONTAINER_BYTES;
  else if (g_str_equal (text, "total"))
    *kind = LL_TARGET_TOTAL_BYTES;
  else if (g_str_equal (text, "elements"))
    *kind = LL_TARGET_ELEMENTS;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--target-kind: “%s” is not a target kind. Use container, total or elements."),
                   text);
      return FALSE;
    }
  return TRUE;
}

/* Builds and validates the run configuration from the options. */
static gboolean
options_to_config (Options     *o,
                   gboolean     for_run,
                   LlRunConfig *config,
                   GError     **error)
{
  LlPolicyKind kind = LL_POLICY_CPYTHON;
  g_autoptr(GError) local = NULL;

  ll_run_config_init (config);

  if (o->policy != NULL && !ll_policy_kind_from_name (o->policy, &kind, &local))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--policy: %s", local->message);
      return FALSE;
    }
  ll_policy_init (&config->policy, kind);

  if ((o->increment != NULL && kind != LL_POLICY_FIXED) ||
      ((o->factor != NULL || o->constant != NULL || o->round != NULL) && kind != LL_POLICY_CUSTOM))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--increment goes with --policy fixed; --factor, --constant and --round go with --policy custom"));
      return FALSE;
    }

  if (!parse_count_option ("increment", o->increment, LL_SIZE_FLAGS_NONE, &config->policy.increment, error) ||
      !parse_count_option ("constant", o->constant, LL_SIZE_FLAGS_ALLOW_ZERO, &config->policy.constant, error) ||
      !parse_count_option ("round", o->round, LL_SIZE_FLAGS_NONE, &config->policy.round, error))
    return FALSE;

  if (o->factor != NULL)
    {
      char *end = NULL;
      double f = g_ascii_strtod (o->factor, &end);

      if (end == o->factor || *end != '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--factor: “%s” is not a number. Use a factor such as 1.5 or 2."),
                       o->factor);
          return FALSE;
        }
      config->policy.factor = f;
    }

  if (o->element != NULL && !ll_element_from_name (o->element, &config->element, &local))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--element: %s", local->message);
      return FALSE;
    }

  if (o->mechanism != NULL && !ll_mechanism_from_string (o->mechanism, &config->mechanism, &local))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--mechanism: %s", local->message);
      return FALSE;
    }

  if (!parse_count_option ("initial-length", o->initial_length, LL_SIZE_FLAGS_ALLOW_ZERO,
                           &config->initial_length, error) ||
      !parse_count_option ("batch", o->batch, LL_SIZE_FLAGS_NONE, &config->batch, error) ||
      !parse_target_kind (o->target_kind, &config->target_kind, error))
    return FALSE;

  if (o->appends != NULL && o->target != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Give either --appends or --target, not both"));
      return FALSE;
    }

  if (o->appends != NULL)
    {
      guint64 appends = 0;

      if (o->target_kind != NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("--appends counts elements; it does not go with --target-kind"));
          return FALSE;
        }
      if (!parse_count_option ("appends", o->appends, LL_SIZE_FLAGS_NONE, &appends, error))
        return FALSE;
      if (appends > G_MAXUINT64 - config->initial_length)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("--appends: the list would hold more than 2⁶⁴ − 1 elements"));
          return FALSE;
        }
      config->target_kind = LL_TARGET_ELEMENTS;
      config->target = config->initial_length + appends;
    }
  else if (o->target != NULL)
    {
      if (config->target_kind == LL_TARGET_ELEMENTS)
        {
          if (!parse_count_option ("target", o->target, LL_SIZE_FLAGS_NONE, &config->target, error))
            return FALSE;
        }
      else if (!parse_bytes_option ("target", o->target, LL_SIZE_FLAGS_NONE, &config->target, error))
        return FALSE;
    }
  else
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           for_run ? _("Missing --target: how large should the list grow? For example --target 10GB")
                                   : _("Missing --appends or --target: how far should the list grow? For example --target 10GB"));
      return FALSE;
    }

  if (o->reserve != NULL && !g_str_equal (o->reserve, "auto") &&
      !parse_bytes_option ("reserve", o->reserve, LL_SIZE_FLAGS_ALLOW_ZERO, &config->reserve_bytes, error))
    return FALSE;

  if (o->sample_rate != NULL)
    {
      guint64 hz = 0;

      if (!parse_count_option ("sample-rate", o->sample_rate, LL_SIZE_FLAGS_NONE, &hz, error))
        return FALSE;
      config->sample_hz = (guint) MIN (hz, G_MAXUINT);
    }

  config->huge_pages = o->huge_pages;
  if (o->huge_pages && ll_run_config_get_mechanism (config) != LL_MECHANISM_MREMAP)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--huge-pages needs --mechanism mremap: only the engine’s own mapping can ask for them"));
      return FALSE;
    }

  if (!ll_run_config_validate (config, &local))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, local->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_stdout (const char *path)
{
  return path != NULL && g_str_equal (path, "-");
}

static int
count_stdout (const Options *o)
{
  return is_stdout (o->events) + is_stdout (o->samples) + is_stdout (o->contents) +
         is_stdout (o->export.png) + is_stdout (o->export.svg) + is_stdout (o->export.pdf);
}

/* Where the summary goes: standard error when a file takes standard output. */
static FILE *
summary_stream (const Options *o)
{
  return count_stdout (o) > 0 ? stderr : stdout;
}

static void
print_stats (FILE                    *f,
             guint64                  elapsed_ns,
             guint64                  length,
             guint64                  capacity,
             guint64                  container_bytes,
             guint64                  objects_bytes,
             const LlHistoryCounters *c)
{
  fprintf (f, "elapsed_ns=%" G_GUINT64_FORMAT "\n", elapsed_ns);
  fprintf (f, "length=%" G_GUINT64_FORMAT "\n", length);
  fprintf (f, "capacity=%" G_GUINT64_FORMAT "\n", capacity);
  fprintf (f, "container_bytes=%" G_GUINT64_FORMAT "\n", container_bytes);
  fprintf (f, "objects_bytes=%" G_GUINT64_FORMAT "\n", objects_bytes);
  fprintf (f, "reallocations=%" G_GUINT64_FORMAT "\n", c->n_events);
  fprintf (f, "moved=%" G_GUINT64_FORMAT "\n", c->n_moved);
  fprintf (f, "bytes_copied=%" G_GUINT64_FORMAT "\n", c->bytes_copied);
  fprintf (f, "realloc_ns=%" G_GUINT64_FORMAT "\n", c->total_realloc_ns);
}

/* Parses a command's options into @o and @config; EXIT_DONE or EXIT_USAGE. */
static int
parse_command (GOptionContext  *context,
               const char      *command,
               gboolean         for_run,
               int             *argc,
               char          ***argv,
               Options         *o,
               LlRunConfig     *config)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *extra = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error (context, error->message);
  if (*argc > 1)
    {
      extra = g_strdup_printf (_("“%s” takes options only"), command);
      return usage_error (context, extra);
    }
  if (!options_to_config (o, for_run, config, &error) ||
      !ll_cli_export_validate (&o->export, &error))
    return usage_error (context, error->message);
  if (count_stdout (o) > 1)
    return usage_error (context, _("Only one file can be written to standard output (-)"));
  return EXIT_DONE;
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
    return usage_error (context, error->message);
  if (argc > 1)
    return usage_error (context, _("“policies” takes no arguments"));

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
    return EXIT_DONE;

  g_print (_("Element models:\n"));
  for (int e = 0; e < LL_N_ELEMENTS; e++)
    {
      const LlElementInfo *info = ll_element_get_info (e);
      g_print ("  %-8s %s\n", info->name, _(info->description));
    }
  return EXIT_DONE;
}

/* ----------------------------------------------------------------------- */

/* The events CSV, row by row as the simulation computes them. */
static gboolean
write_event_rows (const LlEvent  *events,
                  gsize           n_events,
                  gpointer        user_data,
                  GError        **error)
{
  LlOutput *out = user_data;

  for (gsize i = 0; i < n_events; i++)
    {
      char row[320];
      gsize len = ll_csv_format_event (row, &events[i]);

      row[len++] = '\n';
      if (!ll_output_write (out, row, len, error))
        return FALSE;
    }

  return TRUE;
}

static int
cmd_simulate (int    argc,
              char **argv)
{
  Options o = { 0 };
  GOptionEntry extra[] = {
    { "appends", 'a', 0, G_OPTION_ARG_STRING, NULL, N_("Append N elements"), N_("N") },
    { "target", 't', 0, G_OPTION_ARG_STRING, NULL,
      N_("Grow until the container reaches SIZE (10GB, 10GiB, 512M …)"), N_("SIZE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlOutput) events_out = NULL;
  g_autoptr(LlHistory) history = NULL;
  LlRunConfig config;
  LlMechanism mechanism;
  guint slot_bytes;
  LlHistoryCounters counters;
  gint64 t0;
  double seconds;
  int status = EXIT_DONE;

  context = new_context (NULL,
                         _("Computes the capacity sequence of a growth policy without allocating the list."),
                         extra, &o);
  if ((status = parse_command (context, "simulate", FALSE, &argc, &argv, &o, &config)) != EXIT_DONE)
    goto out;
  mechanism = ll_run_config_get_mechanism (&config);
  slot_bytes = ll_element_get_info (config.element)->slot_bytes;
  /* Capacities past 2^64 / slot bytes would overflow the byte columns. */
  if (config.target_kind == LL_TARGET_ELEMENTS && config.target > (G_MAXUINT64 - LL_LIST_HEADER_BYTES) / slot_bytes / 2)
    {
      status = usage_error (context, _("--target: that many elements would not fit in a 64-bit address space"));
      goto out;
    }

  if (o.events != NULL)
    {
      if (!(events_out = ll_output_open (o.events, &error)) ||
          !ll_output_printf (events_out, &error, "%s\n", LL_EVENTS_CSV_HEADER))
        {
          g_printerr ("listlab-cli: %s\n", error->message);
          status = EXIT_FAILURE_RUNTIME;
          goto out;
        }
    }

  history = ll_history_new (0);
  t0 = g_get_monotonic_time ();
  ll_simulate (&config, history, events_out != NULL ? write_event_rows : NULL, events_out,
               NULL, NULL, NULL, &error);
  seconds = (g_get_monotonic_time () - t0) / 1e6;
  ll_history_get_counters (history, &counters);

  if (error == NULL && events_out != NULL)
    ll_output_commit (events_out, &error);
  if (error != NULL)
    {
      g_printerr ("listlab-cli: %s\n", error->message);
      status = EXIT_FAILURE_RUNTIME;
      goto out;
    }

  if (!ll_cli_export_charts (&o.export, history, &config, NULL, &error))
    {
      g_printerr ("listlab-cli: %s\n", error->message);
      status = EXIT_FAILURE_RUNTIME;
      goto out;
    }

  if (o.stats)
    print_stats (summary_stream (&o),
                 (guint64) (seconds * 1e9), counters.end_length, counters.end_capacity,
                 ll_element_container_bytes (config.element, counters.end_capacity),
                 ll_element_objects_bytes (config.element, counters.end_length), &counters);
  else if (!o.quiet)
    {
      g_autofree char *policy = ll_policy_to_string (&config.policy);
      g_autofree char *n_events = ll_format_count_exact (counters.n_events);
      g_autofree char *length = ll_format_count_exact (counters.end_length);
      g_autofree char *capacity = ll_format_count_exact (counters.end_capacity);
      g_autofree char *container = ll_format_bytes (ll_element_container_bytes (config.element, counters.end_capacity), LL_UNITS_IEC);
      g_autofree char *objects = ll_format_bytes (ll_element_objects_bytes (config.element, counters.end_length), LL_UNITS_IEC);
      g_autofree char *copied = ll_format_bytes (counters.bytes_copied, LL_UNITS_IEC);
      g_autofree char *duration = ll_format_duration ((guint64) (seconds * 1e9));
      FILE *f = summary_stream (&o);

      fprintf (f, _("Simulated %s\n"), policy);
      fprintf (f, "  %-18s %s\n", _("Reallocations"), n_events);
      fprintf (f, "  %-18s %s\n", _("Final length"), length);
      fprintf (f, "  %-18s %s\n", _("Final capacity"), capacity);
      fprintf (f, "  %-18s %s\n", _("Container"), container);
      if (config.element == LL_ELEMENT_BOXED)
        fprintf (f, "  %-18s %s\n", _("Objects"), objects);
      if (mechanism == LL_MECHANISM_COPY)
        fprintf (f, "  %-18s %s\n", _("Bytes copied"), copied);
      fprintf (f, "  %-18s %s\n", _("Computed in"), duration);
    }

out:
  options_clear (&o);
  return status;
}

/* ----------------------------------------------------------------------- */

typedef struct
{
  LlEngine  *engine;
  GMainLoop *loop;
  gboolean   progress;
  gboolean   interrupted;
  guint64    final_length;  /* estimated, for the ETA */
  gint64     last_time;
  guint64    last_length;
  double     rate;          /* appends per second, smoothed */
} RunState;

static gboolean
on_signal (gpointer user_data)
{
  RunState *rs = user_data;

  rs->interrupted = TRUE;
  ll_engine_cancel (rs->engine);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_finished (gpointer user_data)
{
  RunState *rs = user_data;

  g_main_loop_quit (rs->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
on_progress (gpointer user_data)
{
  RunState *rs = user_data;
  LlEngineStatus st;
  LlMemInfo mem = { 0 };
  gint64 now = g_get_monotonic_time ();
  g_autofree char *length = NULL;
  g_autofree char *container = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *spare = NULL;
  g_autofree char *eta = NULL;

  ll_engine_get_status (rs->engine, &st);
  if (st.state != LL_ENGINE_RUNNING)
    return G_SOURCE_CONTINUE;

  if (rs->last_time != 0 && now > rs->last_time)
    {
      double r = (st.length - rs->last_length) / ((now - rs->last_time) / 1e6);
      rs->rate = rs->rate == 0 ? r : 0.7 * rs->rate + 0.3 * r;
    }
  rs->last_time = now;
  rs->last_length = st.length;

  ll_mem_read_system (&mem, NULL, NULL);
  length = ll_format_count (st.length);
  container = ll_format_bytes (st.container_bytes, LL_UNITS_IEC);
  rate = ll_format_rate_bytes (rs->rate * ll_element_get_info (ll_engine_get_config (rs->engine)->element)->slot_bytes,
                               LL_UNITS_SI);
  spare = ll_format_bytes (ll_mem_info_spare (&mem), LL_UNITS_IEC);
  if (rs->rate > 0 && rs->final_length > st.length)
    eta = ll_format_duration ((guint64) ((rs->final_length - st.length) / rs->rate * 1e9));
  else
    eta = g_strdup ("—");

  fprintf (stderr, "\r\033[K");
  fprintf (stderr, _("%s elements · container %s · %s · free %s · ETA %s"),
           length, container, rate, spare, eta);
  fflush (stderr);
  return G_SOURCE_CONTINUE;
}

static gboolean
write_history_csv (const char  *path,
                   LlHistory   *history,
                   gboolean     events,
                   GError     **error)
{
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(LlOutput) out = NULL;
  const LlEventBucket *eb;
  const LlSampleBucket *sb;
  gsize n;

  ll_history_view_update (view, history);
  if (!(out = ll_output_open (path, error)))
    return FALSE;
  if (events)
    {
      eb = ll_history_view_get_events (view, &n);
      if (!ll_csv_write_events (out, eb, n, error))
        return FALSE;
    }
  else
    {
      sb = ll_history_view_get_samples (view, &n);
      if (!ll_csv_write_samples (out, sb, n, error))
        return FALSE;
    }
  return ll_output_commit (out, error);
}

static gboolean
write_contents (const char  *path,
                LlEngine    *engine,
                GError     **error)
{
  g_autoptr(LlOutput) out = NULL;

  if (!(out = ll_output_open (path, error)) ||
      !ll_engine_write_contents (engine, out, NULL, NULL, NULL, error))
    {
      /* The output's own errors name the file already; the list's do not. */
      if (error != NULL && *error != NULL && out != NULL &&
          ((*error)->code == G_IO_ERROR_BUSY || (*error)->code == G_IO_ERROR_CLOSED))
        g_prefix_error (error, _("Cannot write “%s”: "), path);
      return FALSE;
    }
  return ll_output_commit (out, error);
}

static void
print_run_summary (FILE              *f,
                   LlEngine          *engine,
                   const LlRunConfig *config)
{
  LlEngineStatus st;
  LlHistoryCounters counters;
  LlMemInfo mem = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *why = NULL;

  ll_engine_get_status (engine, &st);
  ll_history_get_counters (ll_engine_get_history (engine), &counters);
  ll_mem_read_system (&mem, NULL, NULL);

  why = ll_summary_stop_message (engine, LL_UNITS_IEC);
  rows = ll_summary_result_rows (config, &st, &counters, mem.available_bytes, LL_UNITS_IEC);

  fprintf (f, "%s\n", why);
  for (guint i = 0; i < rows->len; i++)
    {
      const LlSummaryRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->id, "objects") && config->element != LL_ELEMENT_BOXED)
        continue;
      fprintf (f, "  %-22s %s\n", row->label, row->value);
    }
}

static int
cmd_run (int    argc,
         char **argv)
{
  Options o = { 0 };
  GOptionEntry extra[] = {
    { "target", 't', 0, G_OPTION_ARG_STRING, NULL,
      N_("Grow until the container reaches SIZE (10GB, 10GiB, 512M …)"), N_("SIZE") },
    { "reserve", 'r', 0, G_OPTION_ARG_STRING, NULL,
      /* xgettext:no-c-format */
      N_("Stop before free memory falls under SIZE (default auto: the larger of 512 MiB and 5 % of RAM)"),
      N_("SIZE") },
    { "huge-pages", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Ask for transparent huge pages (with --mechanism mremap)"), NULL },
    { "sample-rate", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Memory samples per second (default 20)"), N_("HZ") },
    { "samples", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the memory samples as CSV to FILE (- for standard output)"), N_("FILE") },
    { "contents", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the list, one value a line, to FILE (- for standard output)"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, NULL,
      N_("Start even if the target does not fit in free memory (the reserve still applies)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlEngine) engine = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  RunState rs = { 0 };
  LlRunConfig config;
  LlEngineStatus st;
  guint sigint_id, sigterm_id, progress_id = 0;
  guint64 fitting = 0;
  guint64 contents_ns = 0;
  gboolean files_ok = TRUE;
  int status = EXIT_DONE;

  context = new_context (NULL, _("Grows a real list in memory, recording every reallocation and the system’s free memory."),
                         extra, &o);
  if ((status = parse_command (context, "run", TRUE, &argc, &argv, &o, &config)) != EXIT_DONE)
    goto out;

  if (!(engine = ll_engine_new (&config, &error)))
    {
      status = usage_error (context, error->message);
      goto out;
    }

  if (!ll_engine_check_fits (engine, 0, &fitting, &error))
    {
      if (!o.force)
        {
          g_printerr ("listlab-cli: %s\n", error->message);
          g_printerr (_("Use --force to start anyway: the run stops at the reserve.\n"));
          status = EXIT_FAILURE_RUNTIME;
          goto out;
        }
      g_clear_error (&error);
    }

  ll_run_config_estimate_peak (&config, &rs.final_length, NULL);
  loop = g_main_loop_new (NULL, FALSE);
  rs.engine = engine;
  rs.loop = loop;
  rs.progress = !o.quiet && isatty (STDERR_FILENO);

  ll_engine_set_finished_callback (engine, on_finished, &rs, NULL);
  sigint_id = g_unix_signal_add (SIGINT, on_signal, &rs);
  sigterm_id = g_unix_signal_add (SIGTERM, on_signal, &rs);
  if (rs.progress)
    progress_id = g_timeout_add (250, on_progress, &rs);

  ll_engine_start (engine);
  g_main_loop_run (loop);
  ll_engine_join (engine);

  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
  if (progress_id != 0)
    {
      g_source_remove (progress_id);
      fprintf (stderr, "\r\033[K");
    }

  ll_engine_get_status (engine, &st);

  if (o.events != NULL && !write_history_csv (o.events, ll_engine_get_history (engine), TRUE, &error))
    {
      g_printerr ("listlab-cli: %s\n", error->message);
      g_clear_error (&error);
      files_ok = FALSE;
    }
  if (o.events != NULL && !ll_history_is_exact (ll_engine_get_history (engine)))
    g_printerr (_("listlab-cli: note: too many reallocations to keep each one; the events file has the first and last of each group\n"));
  if (o.samples != NULL && !write_history_csv (o.samples, ll_engine_get_history (engine), FALSE, &error))
    {
      g_printerr ("listlab-cli: %s\n", error->message);
      g_clear_error (&error);
      files_ok = FALSE;
    }
  if (o.contents != NULL && st.state == LL_ENGINE_FINISHED)
    {
      gint64 t0 = g_get_monotonic_time ();

      if (write_contents (o.contents, engine, &error))
        contents_ns = (guint64) (g_get_monotonic_time () - t0) * 1000;
    }
  if (error != NULL)
    {
      g_printerr ("listlab-cli: %s\n", error->message);
      g_clear_error (&error);
      files_ok = FALSE;
    }
  if (!ll_cli_export_charts (&o.export, ll_engine_get_history (engine), &config, engine, &error))
    {
      g_printerr ("listlab-cli: %s\n", error->message);
      g_clear_error (&error);
      files_ok = FALSE;
    }

  if (o.stats)
    {
      LlHistoryCounters counters;
      FILE *f = summary_stream (&o);

      ll_history_get_counters (ll_engine_get_history (engine), &counters);
      print_stats (f, st.elapsed_ns, st.length, st.capacity,
                   st.container_bytes, st.objects_bytes, &counters);
      fprintf (f, "stop=%s\n", ll_stop_reason_to_string (st.stop_reason));
      if (o.contents != NULL)
        fprintf (f, "contents_ns=%" G_GUINT64_FORMAT "\n", contents_ns);
    }
  else if (!o.quiet)
    print_run_summary (summary_stream (&o), engine, &config);
  else if (st.stop_reason == LL_STOP_RESERVE)
    {
      g_autofree char *reserve = ll_format_bytes (st.reserve_bytes, LL_UNITS_IEC);
      g_printerr (_("listlab-cli: stopped to keep %s free for the system (the memory reserve)\n"), reserve);
    }

  if (st.stop_reason == LL_STOP_NO_MEMORY || st.stop_reason == LL_STOP_FAILED || !files_ok)
    status = EXIT_FAILURE_RUNTIME;

out:
  options_clear (&o);
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
                      "\n"
                      "“listlab-cli COMMAND --help” shows a command’s options.\n"));
}

int
main (int    argc,
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
      return EXIT_USAGE;
    }

  command = argv[1];
  if (g_str_equal (command, "--help") || g_str_equal (command, "-h") || g_str_equal (command, "help"))
    {
      print_usage (stdout);
      return EXIT_DONE;
    }
  if (g_str_equal (command, "--version"))
    {
      g_print ("listlab-cli %s\n", PACKAGE_VERSION);
      return EXIT_DONE;
    }

  prgname = g_strdup_printf ("listlab-cli %s", command);
  g_set_prgname (prgname);

  if (g_str_equal (command, "policies"))
    return cmd_policies (argc - 1, argv + 1);
  if (g_str_equal (command, "simulate"))
    return cmd_simulate (argc - 1, argv + 1);
  if (g_str_equal (command, "run"))
    return cmd_run (argc - 1, argv + 1);

  g_printerr (_("listlab-cli: “%s” is not a command.\n"), command);
  print_usage (stderr);
  return EXIT_USAGE;
}
