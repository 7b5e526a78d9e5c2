/* ll-cli-options.c — listlab-cli's options: what to grow, how far, and what to write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ll-cli-files.h"
#include "ll-cli-options.h"
#include "ll-export-size.h"
#include "ll-mem.h"
#include "ll-output.h"
#include "ll-size.h"

int
ll_cli_usage_error (GOptionContext *context,
                    const char     *message)
{
  /* Whatever the message quotes, nothing in it acts on the terminal. */
  g_autofree char *shown = ll_format_escaped (message);

  g_printerr ("listlab-cli: %s\n", shown);
  if (context != NULL)
    g_printerr (_("Try “%s --help” for more information.\n"), g_get_prgname ());
  return LL_CLI_EXIT_USAGE;
}

void
ll_cli_options_clear (LlCliOptions *o)
{
  char **strings[] = {
    &o->policy, &o->increment, &o->factor, &o->constant, &o->round, &o->element,
    &o->initial_length, &o->target, &o->target_kind, &o->appends, &o->batch,
    &o->mechanism, &o->reserve, &o->sample_rate, &o->events, &o->samples,
    &o->contents, &o->png, &o->svg, &o->pdf, &o->chart, &o->size, &o->range, &o->log, &o->csv,
    &o->python, &o->reproduce, &o->bundle,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  g_clear_pointer (&o->policies, g_strfreev);
  g_clear_pointer (&o->configs, g_array_unref);
}

/* Entries */

/* compare writes one table for all its policies, not a run's events or
 * figures; verify checks capacities, which no mechanism changes, and
 * writes no events. */
static gboolean
shares_option (LlCliCommand  command,
               const char   *long_name)
{
  if (command == LL_CLI_COMPARE)
    return !g_str_equal (long_name, "events") && !g_str_equal (long_name, "stats");
  if (command == LL_CLI_VERIFY)
    return !g_str_equal (long_name, "events") && !g_str_equal (long_name, "mechanism");
  return TRUE;
}

#define ENTRY(long_name, short_name, arg, field, description, arg_description) \
  { long_name, short_name, 0, arg, &o->field, description, arg_description }

static void
add_main_entries (GOptionContext *context,
                  LlCliCommand    command,
                  LlCliOptions   *o)
{
  /* Options that several commands share. */
  const GOptionEntry target =
    ENTRY ("target", 't', G_OPTION_ARG_STRING, target,
           N_("Grow until the container reaches SIZE (10GB, 10GiB, 512M …)"), N_("SIZE"));
  const GOptionEntry appends =
    ENTRY ("appends", 'a', G_OPTION_ARG_STRING, appends, N_("Append N elements"), N_("N"));
  const GOptionEntry bundle =
    ENTRY ("bundle", 0, G_OPTION_ARG_FILENAME, bundle,
           N_("Write a new folder DIR with the CSVs, charts, report, reproduce.py, the run file and a README"),
           N_("DIR"));
  const GOptionEntry reproduce =
    ENTRY ("reproduce", 0, G_OPTION_ARG_FILENAME, reproduce,
           N_("Write reproduce.py, the experiment in plain Python, to FILE (- for standard output)"),
           N_("FILE"));
  GOptionEntry common[] = {
    ENTRY ("policy", 'p', G_OPTION_ARG_STRING, policy,
           N_("Growth policy (see “listlab-cli policies”); default cpython"), N_("NAME")),
    ENTRY ("increment", 0, G_OPTION_ARG_STRING, increment,
           N_("fixed: elements added per growth (default 4)"), N_("N")),
    ENTRY ("factor", 0, G_OPTION_ARG_STRING, factor,
           N_("custom: growth factor, 1 to 16 (default 1.5)"), N_("F")),
    ENTRY ("constant", 0, G_OPTION_ARG_STRING, constant,
           N_("custom: elements added after the factor (default 0)"), N_("N")),
    ENTRY ("round", 0, G_OPTION_ARG_STRING, round,
           N_("custom: round capacities up to a multiple of N (default 1)"), N_("N")),
    ENTRY ("element", 'e', G_OPTION_ARG_STRING, element,
           N_("Element model: shared, boxed, int64 or int32; default shared (int64 for cpython-array and numpy-append)"), N_("MODEL")),
    ENTRY ("initial-length", 'n', G_OPTION_ARG_STRING, initial_length,
           N_("Start from a list of N elements, allocated as list(range(N)) is"), N_("N")),
    ENTRY ("target-kind", 0, G_OPTION_ARG_STRING, target_kind,
           N_("What the target measures: container (sys.getsizeof, default), total (container + objects) or elements"),
           N_("KIND")),
    ENTRY ("batch", 'b', G_OPTION_ARG_STRING, batch,
           N_("Elements per append, as list.extend adds them (default 1)"), N_("N")),
    ENTRY ("mechanism", 'm', G_OPTION_ARG_STRING, mechanism,
           N_("How blocks grow: realloc, copy or mremap (default: the policy's runtime's)"),
           N_("MECHANISM")),
    ENTRY ("events", 0, G_OPTION_ARG_FILENAME, events,
           N_("Write every reallocation as CSV to FILE (- for standard output)"), N_("FILE")),
    ENTRY ("quiet", 'q', G_OPTION_ARG_NONE, quiet, N_("Print no progress and no summary"), NULL),
    ENTRY ("stats", 0, G_OPTION_ARG_NONE, stats,
           N_("Print the figures as key=value lines, for scripts"), NULL),
    { NULL }
  };
  GOptionEntry simulate[] = {
    appends,
    bundle,
    reproduce,
    target,
    { NULL }
  };
  GOptionEntry compare[] = {
    ENTRY ("target", 't', G_OPTION_ARG_STRING, target,
           N_("Grow each list until the container reaches SIZE (10GB, 10GiB, 512M …)"), N_("SIZE")),
    ENTRY ("appends", 'a', G_OPTION_ARG_STRING, appends, N_("Append N elements to each list"), N_("N")),
    ENTRY ("csv", 0, G_OPTION_ARG_FILENAME, csv,
           N_("Write the comparison as CSV to FILE (- for standard output)"), N_("FILE")),
    { NULL }
  };
  GOptionEntry verify[] = {
    appends,
    target,
    ENTRY ("reserve", 'r', G_OPTION_ARG_STRING, reserve,
           /* xgettext:no-c-format */
           N_("Keep SIZE free for the system, a size or a share of memory such as 10 %: the interpreter’s list must fit above it (default auto)"),
           N_("SIZE")),
    ENTRY ("python", 0, G_OPTION_ARG_FILENAME, python,
           N_("The interpreter to run (default: python3 on the PATH)"), N_("PATH")),
    { NULL }
  };
  GOptionEntry run[] = {
    target,
    ENTRY ("reserve", 'r', G_OPTION_ARG_STRING, reserve,
           /* xgettext:no-c-format */
           N_("Stop before free memory falls under SIZE, a size or a share of memory such as 10 % (default auto: the larger of 512 MiB and 5 % of RAM)"),
           N_("SIZE")),
    ENTRY ("huge-pages", 0, G_OPTION_ARG_NONE, huge_pages,
           N_("Ask for transparent huge pages (with --mechanism mremap)"), NULL),
    ENTRY ("sample-rate", 0, G_OPTION_ARG_STRING, sample_rate,
           N_("Memory samples per second (default 20)"), N_("HZ")),
    ENTRY ("samples", 0, G_OPTION_ARG_FILENAME, samples,
           N_("Write the memory samples as CSV to FILE (- for standard output)"), N_("FILE")),
    ENTRY ("contents", 0, G_OPTION_ARG_FILENAME, contents,
           N_("Write the list, one value a line, to FILE (- for standard output)"), N_("FILE")),
    reproduce,
    bundle,
    ENTRY ("force", 'f', G_OPTION_ARG_NONE, force,
           N_("Start even if the target does not fit in free memory (the reserve still applies)"), NULL),
    { NULL }
  };

  guint kept = 0;

  /* compare takes several policies, in one --policy or in several. */
  if (command == LL_CLI_COMPARE)
    common[0] = (GOptionEntry)
      ENTRY ("policy", 'p', G_OPTION_ARG_STRING_ARRAY, policies,
             N_("Policies to compare, A,B,… or all (the default); the option can be repeated"),
             N_("NAMES"));
  /* Of the shared options, each command keeps those it acts on. */
  for (guint i = 0; common[i].long_name != NULL; i++)
    if (shares_option (command, common[i].long_name))
      common[kept++] = common[i];
  common[kept] = (GOptionEntry) { NULL };
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context,
                                     command == LL_CLI_RUN ? run : command == LL_CLI_COMPARE ? compare :
                                     command == LL_CLI_VERIFY ? verify : simulate,
                                     GETTEXT_PACKAGE);
}

static void
add_export_group (GOptionContext *context,
                  LlCliOptions   *o)
{
  GOptionEntry entries[] = {
    ENTRY ("png", 0, G_OPTION_ARG_FILENAME, png,
           N_("Write the report (or the --chart) as PNG to FILE"), N_("FILE")),
    ENTRY ("svg", 0, G_OPTION_ARG_FILENAME, svg,
           N_("Write the report (or the --chart) as SVG to FILE"), N_("FILE")),
    ENTRY ("pdf", 0, G_OPTION_ARG_FILENAME, pdf,
           N_("Write the one-page report (or the --chart) as PDF to FILE"), N_("FILE")),
    ENTRY ("chart", 0, G_OPTION_ARG_STRING, chart,
           N_("Export a chart instead of the report: capacity, growth, time, memory, or all of them on one image"),
           N_("NAME")),
    ENTRY ("range", 0, G_OPTION_ARG_STRING, range,
           N_("Show only lengths FROM to TO on the length axis, e.g. 20M:22.5M"), N_("FROM:TO")),
    ENTRY ("log", 0, G_OPTION_ARG_STRING, log,
           N_("Logarithmic axes: x (length), y (capacity, bytes added) or xy"), N_("AXES")),
    ENTRY ("size", 0, G_OPTION_ARG_STRING, size,
           N_("Image size in pixels (points for SVG and PDF), e.g. 1200x600"), N_("WxH")),
    ENTRY ("dark", 0, G_OPTION_ARG_NONE, dark, N_("Draw images in the dark style"), NULL),
    ENTRY ("si", 0, G_OPTION_ARG_NONE, si,
           N_("Show sizes in SI units (kB, MB, GB) instead of KiB, MiB, GiB"), NULL),
    { NULL }
  };
  GOptionGroup *group;

  group = g_option_group_new ("export", _("Chart and report exports:"),
                              _("Show chart and report export options"), NULL, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);
  g_option_context_add_group (context, group);
}

#undef ENTRY

GOptionContext *
ll_cli_options_context (LlCliCommand  command,
                        LlCliOptions *o)
{
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_summary (context,
                                command == LL_CLI_RUN
                                ? _("Grows a real list in memory, recording every reallocation and the system’s free memory.")
                                : command == LL_CLI_VERIFY
                                ? _("Runs the same growth in a real Python interpreter and compares every change of "
                                    "sys.getsizeof with List Lab’s.")
                                : command == LL_CLI_COMPARE
                                ? _("Compares growth policies (--policy A,B,… or all) without allocating: a table of what "
                                    "each costs, and their charts drawn together.")
                                : _("Computes the capacity sequence of a growth policy without allocating the list."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  add_main_entries (context, command, o);
  if (command != LL_CLI_VERIFY)
    add_export_group (context, o);
  return context;
}

/* Understanding */

/* Says what is wrong with an option's value; always FALSE. */
G_GNUC_PRINTF (2, 3)
static gboolean
bad_value (GError     **error,
           const char  *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                                format, args));
  va_end (args);
  return FALSE;
}

/* Says that --@name's @given elements are more than any run takes. */
static gboolean
too_many_elements (GError     **error,
                   const char  *name,
                   const char  *given)
{
  g_autofree char *most = ll_format_count_exact (LL_RUN_MAX_ELEMENTS);

  return bad_value (error, _("--%s: %s elements is more than a list can hold here (at most %s)"),
                    name, given, most);
}

/* A count of elements: every such option has the same limit, also for a
 * count past what 64 bits hold. */
static gboolean
parse_elements_option (const char  *name,
                       const char  *text,
                       LlSizeFlags  flags,
                       guint64     *out,
                       GError     **error)
{
  g_autoptr(GError) local = NULL;
  guint64 count = *out;

  if (text != NULL && !ll_size_parse_count (text, flags, &count, &local))
    {
      if (g_error_matches (local, LL_SIZE_ERROR, LL_SIZE_ERROR_OVERFLOW))
        return too_many_elements (error, name, text);
      return bad_value (error, "--%s: %s", name, local->message);
    }
  if (count > LL_RUN_MAX_ELEMENTS)
    {
      g_autofree char *given = ll_format_count_exact (count);

      return too_many_elements (error, name, given);
    }
  *out = count;
  return TRUE;
}

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
      g_autofree char *shown = ll_format_input (text, -1);

      return bad_value (error,
                        _("--target-kind: “%s” is not a target kind. Use container, total or elements."),
                        shown);
    }
  return TRUE;
}

static gboolean
parse_policy (LlCliOptions  *o,
              LlRunConfig   *config,
              GError       **error)
{
  LlPolicyKind kind = LL_POLICY_CPYTHON;
  LlPolicyParam param;
  g_autoptr(GError) local = NULL;

  if (o->policy != NULL && !ll_policy_kind_from_name (o->policy, &kind, &local))
    return bad_value (error, "--policy: %s", local->message);
  ll_policy_init (&config->policy, kind);

  /* Compared with others, a policy takes the parameters that are its own. */
  if (o->configs == NULL &&
      ((o->increment != NULL && kind != LL_POLICY_FIXED) ||
       ((o->factor != NULL || o->constant != NULL || o->round != NULL) && kind != LL_POLICY_CUSTOM)))
    return bad_value (error,
                      _("--increment goes with --policy fixed; --factor, --constant and --round go with --policy custom"));

  if (kind == LL_POLICY_FIXED &&
      !parse_elements_option ("increment", o->increment, LL_SIZE_FLAGS_NONE, &config->policy.increment, error))
    return FALSE;
  if (kind == LL_POLICY_CUSTOM &&
      (!parse_elements_option ("constant", o->constant, LL_SIZE_FLAGS_ALLOW_ZERO, &config->policy.constant, error) ||
       !parse_elements_option ("round", o->round, LL_SIZE_FLAGS_NONE, &config->policy.round, error)))
    return FALSE;

  if (kind == LL_POLICY_CUSTOM && o->factor != NULL &&
      !ll_size_parse_decimal (o->factor, LL_SIZE_FLAGS_NONE, &config->policy.factor, &local))
    return bad_value (error, "--factor: %s", local->message);

  /* The policy's own checks, said with the option they are about. */
  param = ll_policy_check (&config->policy, &local);
  if (param != LL_POLICY_PARAM_NONE)
    {
      static const char * const options[] = {
        [LL_POLICY_PARAM_INCREMENT] = "--increment",
        [LL_POLICY_PARAM_FACTOR] = "--factor",
        /* a factor of 1 and no constant: either may change */
        [LL_POLICY_PARAM_CONSTANT] = "--factor, --constant",
        [LL_POLICY_PARAM_ROUND] = "--round",
      };

      g_assert (param < G_N_ELEMENTS (options));
      return bad_value (error, "%s: %s", options[param], local->message);
    }

  return TRUE;
}

static gboolean
parse_target (LlCliOptions  *o,
              LlCliCommand   command,
              LlRunConfig   *config,
              GError       **error)
{
  g_autoptr(GError) local = NULL;

  if (o->appends != NULL && o->target != NULL)
    return bad_value (error, _("Give either --appends or --target, not both"));

  if (o->appends != NULL)
    {
      guint64 appends = 0;

      if (o->target_kind != NULL)
        return bad_value (error, _("--appends counts elements; it does not go with --target-kind"));
      if (!parse_elements_option ("appends", o->appends, LL_SIZE_FLAGS_NONE, &appends, error))
        return FALSE;
      if (appends + config->initial_length > LL_RUN_MAX_ELEMENTS)
        {
          g_autofree char *given = ll_format_count_exact (appends + config->initial_length);

          return too_many_elements (error, "initial-length and --appends together", given);
        }
      config->target_kind = LL_TARGET_ELEMENTS;
      config->target = config->initial_length + appends;
      return TRUE;
    }

  if (o->target == NULL)
    return bad_value (error, "%s",
                      command == LL_CLI_RUN
                      ? _("Missing --target: how large should the list grow? For example --target 10GB")
                      : _("Missing --appends or --target: how far should the list grow? For example --target 10GB"));

  if (config->target_kind == LL_TARGET_ELEMENTS)
    return parse_elements_option ("target", o->target, LL_SIZE_FLAGS_NONE, &config->target, error);

  if (!ll_size_parse_bytes_units (o->target, LL_SIZE_FLAGS_NONE, &config->target,
                                  &config->target_units, &local))
    return bad_value (error, "--target: %s", local->message);
  return TRUE;
}

/* Builds and validates the run configuration from the options. */
static gboolean
parse_config (LlCliOptions  *o,
              LlCliCommand   command,
              LlRunConfig   *config,
              GError       **error)
{
  g_autoptr(GError) local = NULL;

  ll_run_config_init (config);

  if (!parse_policy (o, config, error))
    return FALSE;

  if (o->element == NULL)
    config->element = ll_run_config_default_element (config->policy.kind);
  else if (!ll_element_from_name (o->element, &config->element, &local))
    return bad_value (error, "--element: %s", local->message);

  if (o->mechanism != NULL && !ll_mechanism_from_string (o->mechanism, &config->mechanism, &local))
    return bad_value (error, "--mechanism: %s", local->message);

  if (!parse_elements_option ("initial-length", o->initial_length, LL_SIZE_FLAGS_ALLOW_ZERO,
                              &config->initial_length, error) ||
      !parse_elements_option ("batch", o->batch, LL_SIZE_FLAGS_NONE, &config->batch, error) ||
      !parse_target_kind (o->target_kind, &config->target_kind, error) ||
      !parse_target (o, command, config, error))
    return FALSE;

  if (o->reserve != NULL)
    {
      LlMemInfo mem = { 0 };
      gboolean have_mem = ll_mem_read_system (&mem, NULL, NULL);
      g_autofree char *stripped = g_strstrip (g_strdup (o->reserve));

      /* A blank field in Preferences means "auto"; on the command line it is a slip. */
      if (stripped[0] == '\0')
        return bad_value (error, _("--reserve: no reserve given: write “auto”, a size such as "
                                   "2GiB or a share of memory such as 10 %%"));
      if (!ll_reserve_parse (o->reserve, LL_SIZE_FLAGS_NONE, have_mem ? &mem : NULL,
                             &config->reserve_bytes, &local))
        return bad_value (error, "--reserve: %s", local->message);
    }

  if (o->sample_rate != NULL)
    {
      guint64 hz = 0;

      /* The count parser's examples (20M elements) are no rate: this
       * option says its own range. */
      if (!ll_size_parse_count (o->sample_rate, LL_SIZE_FLAGS_NONE, &hz, NULL) || hz > 1000)
        {
          g_autofree char *shown = ll_format_input (o->sample_rate, -1);

          return bad_value (error, _("--sample-rate: ‘%s’ is not a rate this can sample at: give "
                                     "samples a second from 1 to 1000, such as 20"), shown);
        }
      config->sample_hz = (guint) hz;
    }

  config->huge_pages = o->huge_pages;
  if (o->huge_pages && ll_run_config_get_mechanism (config) != LL_MECHANISM_MREMAP)
    return bad_value (error,
                      _("--huge-pages needs --mechanism mremap: only the engine’s own mapping can ask for them"));

  if (!ll_run_config_validate (config, &local))
    return bad_value (error, "%s", local->message);

  return TRUE;
}

/* "FROM:TO", each a count ("20M", "22_500_000"), FROM below TO. */
static gboolean
parse_range (const char    *text,
             LlChartRange  *range,
             GError       **error)
{
  g_auto(GStrv) ends = NULL;
  guint64 from = 0, to = 0;
  g_autoptr(GError) local = NULL;

  *range = (LlChartRange) { 0, 0 };
  if (text == NULL)
    return TRUE;

  ends = g_strsplit (text, ":", -1);
  if (g_strv_length (ends) != 2)
    return bad_value (error, _("--range: give the lengths as FROM:TO, e.g. 20M:22.5M"));
  if (!ll_size_parse_count (g_strstrip (ends[0]), LL_SIZE_FLAGS_ALLOW_ZERO, &from, &local) ||
      !ll_size_parse_count (g_strstrip (ends[1]), LL_SIZE_FLAGS_ALLOW_ZERO, &to, &local))
    return bad_value (error, "--range: %s", local->message);
  if (from >= to)
    {
      g_autofree char *from_shown = ll_format_input (ends[0], -1);
      g_autofree char *to_shown = ll_format_input (ends[1], -1);

      return bad_value (error, _("--range: %s is not below %s"), from_shown, to_shown);
    }

  *range = (LlChartRange) { (double) from, (double) to };
  return TRUE;
}

/* compare: "cpython,go,double" or "all", each a run configuration of the
 * other options. */
static gboolean
parse_policies (LlCliOptions  *o,
                GError       **error)
{
  g_autofree char *list = o->policy != NULL ? g_strdup (o->policy) : g_strdup ("all");
  g_auto(GStrv) names = NULL;
  char *saved = o->policy;
  gboolean ok = TRUE;

  if (g_ascii_strcasecmp (g_strstrip (list), "all") == 0)
    {
      GString *all = g_string_new (NULL);
      LlElement element = LL_ELEMENT_SHARED;

      /* (an element model the parser refuses is said with the first policy) */
      if (o->element != NULL)
        ll_element_from_name (o->element, &element, NULL);

      /* Every policy the elements allow; np.append's quadratic growth only
       * when named. */
      for (guint k = 0; k < LL_N_POLICIES; k++)
        if (k != LL_POLICY_NUMPY_APPEND && ll_run_config_holds (k, element))
          g_string_append_printf (all, "%s%s", all->len > 0 ? "," : "", ll_policy_get_info (k)->name);
      g_free (list);
      list = g_string_free (all, FALSE);
    }

  names = g_strsplit (list, ",", -1);
  o->configs = g_array_new (FALSE, TRUE, sizeof (LlRunConfig));
  for (guint i = 0; ok && names[i] != NULL; i++)
    {
      LlRunConfig config;

      o->policy = g_strstrip (names[i]);
      if (o->policy[0] == '\0')
        continue;
      if (g_ascii_strcasecmp (o->policy, "all") == 0)
        ok = bad_value (error, _("--policy: “all” names every policy already: give it alone"));
      else
        ok = parse_config (o, LL_CLI_COMPARE, &config, error);
      /* The same policy twice would be two equal rows and two lines drawn
       * on one another (custom takes one set of parameters). */
      for (guint j = 0; ok && j < o->configs->len; j++)
        if (g_array_index (o->configs, LlRunConfig, j).policy.kind == config.policy.kind)
          ok = bad_value (error, _("--policy: %s is named twice"), ll_policy_get_info (config.policy.kind)->name);
      if (ok)
        g_array_append_val (o->configs, config);
    }
  o->policy = saved;

  if (ok && o->configs->len == 0)
    return bad_value (error, _("--policy: name at least one policy, or all"));
  if (ok && o->configs->len > LL_CHART_N_RUN_COLORS * 2)
    return bad_value (error, _("--policy: at most %d policies at once"), LL_CHART_N_RUN_COLORS * 2);
  return ok;
}

static gboolean
parse_images (LlCliOptions  *o,
              GError       **error)
{
  const char *paths[] = { o->png, o->svg, o->pdf };
  const LlExportFormat formats[] = { LL_EXPORT_PNG, LL_EXPORT_SVG, LL_EXPORT_PDF };
  const char *names[] = { "--png", "--svg", "--pdf" };
  g_autoptr(GError) local = NULL;

  o->what = LL_EXPORT_REPORT;
  if (o->chart != NULL)
    {
      LlChartKind chart;
      guint kind;

      if (g_str_equal (o->chart, "all"))
        kind = LL_EXPORT_ALL_CHARTS;
      else if (ll_chart_kind_from_name (o->chart, &chart))
        kind = chart;
      else
        {
          g_autofree char *shown = ll_format_input (o->chart, -1);

          return bad_value (error,
                            _("--chart: “%s” is not a chart. Use capacity, growth, time, memory or all."),
                            shown);
        }
      o->what = kind;
    }

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      LlExportFormat format;

      if (paths[i] != NULL && !g_str_equal (paths[i], "-") &&
          ll_export_format_from_path (paths[i], &format) && format != formats[i])
        {
          g_autofree char *shown = ll_format_escaped (paths[i]);

          return bad_value (error, _("%s: “%s” has the extension of another format"), names[i], shown);
        }
    }

  o->log_x = o->log_y = FALSE;
  if (o->log != NULL)
    {
      if (g_str_equal (o->log, "x") || g_str_equal (o->log, "xy") || g_str_equal (o->log, "yx"))
        o->log_x = TRUE;
      if (g_str_equal (o->log, "y") || g_str_equal (o->log, "xy") || g_str_equal (o->log, "yx"))
        o->log_y = TRUE;
      if (!o->log_x && !o->log_y)
        {
          g_autofree char *shown = ll_format_input (o->log, -1);

          return bad_value (error, _("--log: “%s” is not an axis. Use x, y or xy."), shown);
        }
    }

  if (!parse_range (o->range, &o->length_range, error))
    return FALSE;

  o->width = o->height = 0;
  if (o->size != NULL &&
      (!ll_export_size_parse (o->size, &o->width, &o->height, &local) || o->width == 0))
    return bad_value (error, "--size: %s",
                      local != NULL ? local->message : _("give a size in pixels, e.g. 1200x600"));

  return TRUE;
}

static gboolean
is_stdout (const char *path)
{
  return path != NULL && g_str_equal (path, "-");
}

static int
count_stdout (const LlCliOptions *o)
{
  return is_stdout (o->events) + is_stdout (o->samples) + is_stdout (o->contents) +
         is_stdout (o->png) + is_stdout (o->svg) + is_stdout (o->pdf) + is_stdout (o->csv) +
         is_stdout (o->reproduce);
}

FILE *
ll_cli_options_summary_stream (const LlCliOptions *o)
{
  return count_stdout (o) > 0 ? stderr : stdout;
}

/* Two options naming one file would lose one of them. */
static gboolean
check_destinations (const LlCliOptions  *o,
                    GError             **error)
{
  for (guint i = 0; i < LL_CLI_N_FILES; i++)
    for (guint j = i + 1; j < LL_CLI_N_FILES; j++)
      {
        const char *a = ll_cli_file_path (o, i);
        const char *b = ll_cli_file_path (o, j);

        if (a == NULL || b == NULL || g_str_equal (a, "-") || g_str_equal (b, "-"))
          continue;
        if (ll_output_same_destination (a, b))
          {
            g_autofree char *shown = ll_format_escaped (a);

            return bad_value (error, _("%s and %s name the same file “%s”: give each its own"),
                              ll_cli_file_option (i), ll_cli_file_option (j), shown);
          }
      }
  return TRUE;
}

static const char *
command_name (LlCliCommand command)
{
  switch (command)
    {
    case LL_CLI_RUN:
      return "run";
    case LL_CLI_COMPARE:
      return "compare";
    case LL_CLI_VERIFY:
      return "verify";
    case LL_CLI_SIMULATE:
    default:
      return "simulate";
    }
}

/* Whether @command knows @option ("--samples", "-r"), whatever its value. */
static gboolean
command_takes (LlCliCommand  command,
               const char   *option)
{
  LlCliOptions scratch = { 0 };
  g_autoptr(GOptionContext) context = ll_cli_options_context (command, &scratch);
  g_autoptr(GError) error = NULL;
  char *args[] = { (char *) "listlab-cli", (char *) option, NULL };
  char **argv = args;
  int argc = 2;
  gboolean known;

  g_option_context_set_help_enabled (context, FALSE);
  known = g_option_context_parse (context, &argc, &argv, &error) ||
          !g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION);
  ll_cli_options_clear (&scratch);
  return known;
}

/* An option another command has: say which. NULL when none has it. */
static char *
describe_unknown_option (LlCliCommand   command,
                         int            argc,
                         char         **argv)
{
  static const LlCliCommand commands[] = { LL_CLI_RUN, LL_CLI_SIMULATE, LL_CLI_COMPARE, LL_CLI_VERIFY };

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *option = NULL;
      g_autoptr(GString) others = NULL;

      if (argv[i][0] != '-' || argv[i][1] == '\0' || g_str_equal (argv[i], "--"))
        continue;
      option = g_strndup (argv[i], strcspn (argv[i], "="));
      if (!g_utf8_validate (option, -1, NULL) || command_takes (command, option))
        continue;

      others = g_string_new (NULL);
      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        if (commands[c] != command && command_takes (commands[c], option))
          g_string_append_printf (others, "%s“listlab-cli %s”", others->len > 0 ? ", " : "",
                                  command_name (commands[c]));
      if (others->len == 0)
        continue;
      /* Translators: the command, the option, then the commands that have it,
       * e.g. "“simulate” has no option --samples: it is an option of “listlab-cli run”" */
      return g_strdup_printf (_("“%s” has no option %s: it is an option of %s"),
                              command_name (command), option, others->str);
    }
  return NULL;
}

/* "-o FILE" is how many tools take where to write: say where this one
 * writes instead. NULL when no such option was given, or the command
 * writes no images. */
static char *
describe_output_option (LlCliCommand   command,
                        int            argc,
                        char         **argv)
{
  if (!command_takes (command, "--png"))
    return NULL;
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *option = NULL;

      if (g_str_equal (argv[i], "--"))
        break;
      option = g_strndup (argv[i], strcspn (argv[i], "="));
      if (g_str_has_prefix (option, "-o") && !g_str_has_prefix (option, "--"))
        option[2] = '\0';
      if (g_str_equal (option, "-o") || g_str_equal (option, "--output") || g_str_equal (option, "--out"))
        {
          if (command == LL_CLI_COMPARE)
            /* Translators: the command, then the option given, e.g. "“compare”
             * has no option -o: …"; the options named after the colon are not
             * translated */
            return g_strdup_printf (_("“%s” has no option %s: write the charts with --png=FILE, "
                                      "--svg=FILE or --pdf=FILE, and the table with --csv=FILE"),
                                    command_name (command), option);
          /* Translators: the command, then the option given, e.g. "“run” has no
           * option -o: …"; the options named after the colon are not translated */
          return g_strdup_printf (_("“%s” has no option %s: write the report or a --chart with "
                                    "--png=FILE, --svg=FILE or --pdf=FILE, and the reallocations with "
                                    "--events=FILE"),
                                  command_name (command), option);
        }
      /* A run's outputs asked of compare: its one output is the table. */
      if (command == LL_CLI_COMPARE &&
          (g_str_equal (option, "--events") || g_str_equal (option, "--samples") ||
           g_str_equal (option, "--contents") || g_str_equal (option, "--stats")))
        /* Translators: the option given, e.g. "“compare” has no option
         * --stats: …"; --csv=FILE is not translated */
        return g_strdup_printf (_("“compare” has no option %s: it writes one table for all "
                                  "its policies, with --csv=FILE (- for standard output)"),
                                option);
    }
  return NULL;
}

/* GOption says "Invalid byte sequence in conversion input" for a value
 * that is not text: say which option and show the value. An option of
 * another command says which. */
static char *
describe_parse_error (LlCliCommand  command,
                      int           argc,
                      char        **argv,
                      const GError *error)
{
  if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION))
    {
      char *elsewhere = describe_output_option (command, argc, argv);

      if (elsewhere == NULL)
        elsewhere = describe_unknown_option (command, argc, argv);
      return elsewhere != NULL ? elsewhere : g_strdup (error->message);
    }
  if (error->domain != G_CONVERT_ERROR)
    return g_strdup (error->message);

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *option = NULL;
      g_autofree char *shown = NULL;
      const char *value = argv[i];
      const char *eq;

      if (g_utf8_validate (argv[i], -1, NULL))
        continue;
      if (g_str_has_prefix (argv[i], "--") && (eq = strchr (argv[i], '=')) != NULL)
        {
          option = g_strndup (argv[i], eq - argv[i]);
          value = eq + 1;
        }
      else if (i > 1 && argv[i - 1][0] == '-')
        option = g_strdup (argv[i - 1]);
      shown = ll_format_input (value, -1);
      if (option != NULL && g_utf8_validate (option, -1, NULL))
        return g_strdup_printf (_("%s: “%s” is not valid text (UTF-8)"), option, shown);
      return g_strdup_printf (_("“%s” is not valid text (UTF-8)"), shown);
    }
  return g_strdup (error->message);
}

/* Whether each word names a growth policy, or "all". */
static gboolean
names_policies (char **words)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      LlPolicyKind kind;

      if (g_ascii_strcasecmp (words[i], "all") != 0 &&
          !ll_policy_kind_from_name (words[i], &kind, NULL))
        return FALSE;
    }
  return TRUE;
}

int
ll_cli_options_parse (GOptionContext *context,
                      LlCliCommand    command,
                      int            *argc,
                      char         ***argv,
                      LlCliOptions   *o)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) given = g_strdupv (*argv);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *message = describe_parse_error (command, g_strv_length (given), given, error);

      return ll_cli_usage_error (context, message);
    }
  if (*argc > 1)
    {
      g_autofree char *extra = NULL;
      g_autofree char *names = g_strjoinv (",", *argv + 1);

      /* "compare cpython double": the policies, written as words. */
      if (command == LL_CLI_COMPARE && names_policies (*argv + 1))
        extra = g_strdup_printf (_("“compare” takes options only: name the policies with --policy %s"),
                                 names);
      else
        extra = g_strdup_printf (_("“%s” takes options only"), command_name (command));
      return ll_cli_usage_error (context, extra);
    }
  if (command == LL_CLI_COMPARE)
    {
      g_free (o->policy);
      o->policy = o->policies != NULL ? g_strjoinv (",", o->policies) : NULL;
      if (!parse_policies (o, &error))
        return ll_cli_usage_error (context, error->message);
    }
  else if (!parse_config (o, command, &o->config, &error))
    return ll_cli_usage_error (context, error->message);
  if (!parse_images (o, &error))
    return ll_cli_usage_error (context, error->message);
  if (count_stdout (o) > 1)
    return ll_cli_usage_error (context, _("Only one file can be written to standard output (-)"));
  if (!check_destinations (o, &error))
    return ll_cli_usage_error (context, error->message);
  return LL_CLI_EXIT_DONE;
}
