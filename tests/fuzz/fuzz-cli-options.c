/* fuzz-cli-options.c — fuzz target: listlab-cli's options
 *
 * The input is a command line, its words separated by NUL bytes
 * ("--policy\0fixed\0--target\01TB"), given to simulate, run and compare in
 * turn. Each either accepts it with a configuration a run can start from,
 * or says why in one message and exits with the usage status; nothing
 * else is printed, nothing leaks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-target.h"
#include "ll-chart.h"
#include "ll-cli-options.h"
#include "ll-export-size.h"
#include "ll-run-config.h"

#define MAX_WORDS 64

static GString *printed;

static void
capture (const char *text)
{
  g_string_append (printed, text);
}

static const char *
command_name (LlCliCommand command)
{
  return command == LL_CLI_RUN ? "run" : command == LL_CLI_COMPARE ? "compare" : "simulate";
}

static void
check_config (LlCliCommand       command,
              const LlRunConfig *config)
{
  g_autoptr(GError) error = NULL;

  ll_fuzz_check (ll_run_config_validate (config, &error),
                 "%s accepts a configuration a run refuses: %s",
                 command_name (command), error->message);
}

static gboolean
is_stdout (const char *path)
{
  return path != NULL && g_str_equal (path, "-");
}

/* What every accepted command line must give. */
static void
check_accepted (LlCliCommand        command,
                const LlCliOptions *o)
{
  const char *name = command_name (command);

  if (command == LL_CLI_COMPARE)
    {
      ll_fuzz_check (o->configs != NULL && o->configs->len >= 1 &&
                     o->configs->len <= 2 * LL_CHART_N_RUN_COLORS,
                     "compare accepts %u policies", o->configs != NULL ? o->configs->len : 0);
      for (guint i = 0; i < o->configs->len; i++)
        check_config (command, &g_array_index (o->configs, LlRunConfig, i));
    }
  else
    {
      check_config (command, &o->config);
      ll_fuzz_check (!o->huge_pages || ll_run_config_get_mechanism (&o->config) == LL_MECHANISM_MREMAP,
                     "%s accepts --huge-pages without mremap", name);
      ll_fuzz_check (o->appends == NULL ||
                     (o->config.target_kind == LL_TARGET_ELEMENTS &&
                      o->config.target > o->config.initial_length),
                     "%s: --appends gives a target below the initial length", name);
      if (o->reserve != NULL && !ll_fuzz_skips ("reserve"))
        {
          g_autofree char *stripped = g_strstrip (g_strdup (o->reserve));

          ll_fuzz_check (stripped[0] != '\0', "%s: --reserve \"%s\" is accepted", name, o->reserve);
          ll_fuzz_check (g_ascii_strcasecmp (stripped, "auto") == 0 ||
                         o->config.reserve_bytes != LL_RESERVE_DEFAULT,
                         "%s: --reserve %s is read as auto", name, o->reserve);
        }
    }

  ll_fuzz_check (o->size == NULL ||
                 (o->width >= LL_EXPORT_SIZE_MIN && o->width <= LL_EXPORT_SIZE_MAX &&
                  o->height >= LL_EXPORT_SIZE_MIN && o->height <= LL_EXPORT_SIZE_MAX),
                 "%s: --size %s gives %d × %d", name, o->size, o->width, o->height);
  ll_fuzz_check (o->range == NULL ||
                 (o->length_range.from >= 0 && o->length_range.from < o->length_range.to),
                 "%s: --range %s gives %g to %g", name, o->range,
                 o->length_range.from, o->length_range.to);
  ll_fuzz_check (o->log == NULL || o->log_x || o->log_y, "%s: --log %s is no axis", name, o->log);
  ll_fuzz_check (is_stdout (o->events) + is_stdout (o->samples) + is_stdout (o->contents) +
                 is_stdout (o->png) + is_stdout (o->svg) + is_stdout (o->pdf) +
                 is_stdout (o->csv) <= 1,
                 "%s accepts two outputs to standard output", name);

  /* Two outputs never share a file. */
  {
    const char *paths[] = { o->events, o->samples, o->contents, o->png, o->svg, o->pdf, o->csv };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      for (guint j = i + 1; j < G_N_ELEMENTS (paths); j++)
        ll_fuzz_check (paths[i] == NULL || paths[j] == NULL || is_stdout (paths[i]) ||
                       !g_str_equal (paths[i], paths[j]),
                       "%s accepts two outputs to one file", name);
  }
}

static void
try_command (LlCliCommand  command,
             GPtrArray    *words)
{
  LlCliOptions o = { 0 };
  GOptionContext *context = ll_cli_options_context (command, &o);
  int argc = (int) words->len + 1;
  /* The parser takes words out of argv; owned keeps them all to free. */
  g_auto(GStrv) owned = g_new0 (char *, argc + 1);
  g_autofree char **argv = g_new0 (char *, argc + 1);
  g_autofree char *shown = NULL;
  GPrintFunc old_handler;
  int status;

  /* --help would print and exit. */
  g_option_context_set_help_enabled (context, FALSE);

  owned[0] = g_strdup ("listlab-cli");
  for (guint i = 0; i < words->len; i++)
    owned[i + 1] = g_strdup (words->pdata[i]);
  memcpy (argv, owned, sizeof (char *) * argc);

  g_string_truncate (printed, 0);
  old_handler = g_set_printerr_handler (capture);
  status = ll_cli_options_parse (context, command, &argc, &argv, &o);
  g_set_printerr_handler (old_handler);
  shown = g_strescape (printed->str, NULL);

  if (status == LL_CLI_EXIT_DONE)
    {
      ll_fuzz_check (printed->len == 0, "%s accepts the options, yet prints \"%s\"",
                     command_name (command), shown);
      check_accepted (command, &o);
    }
  else
    {
      ll_fuzz_check (status == LL_CLI_EXIT_USAGE, "%s: status %d", command_name (command), status);
      ll_fuzz_check (g_str_has_prefix (printed->str, "listlab-cli: ") &&
                     g_str_has_suffix (printed->str, "\n") && printed->len > strlen ("listlab-cli: \n"),
                     "%s refuses the options with \"%s\"", command_name (command), shown);
      ll_fuzz_check (ll_fuzz_skips ("printable") || ll_fuzz_is_printable (printed->str),
                     "%s prints what a terminal would act on: \"%s\"", command_name (command), shown);
    }

  ll_cli_options_clear (&o);
  g_option_context_free (context);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *p = (const char *) data;
  const char *end = p + size;

  ll_fuzz_begin (data, size);
  if (printed == NULL)
    printed = g_string_new (NULL);

  /* Each NUL ends a word; what follows the last one is a word if any. */
  while (p < end && words->len < MAX_WORDS)
    {
      const char *nul = memchr (p, '\0', end - p);
      const char *stop = nul != NULL ? nul : end;

      g_ptr_array_add (words, g_strndup (p, stop - p));
      p = stop + 1;
    }

  try_command (LL_CLI_SIMULATE, words);
  try_command (LL_CLI_RUN, words);
  try_command (LL_CLI_COMPARE, words);
  return 0;
}
