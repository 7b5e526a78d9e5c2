/* ll-cli-verify.c — listlab-cli verify: the same growth in the real interpreter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "ll-cli-options.h"
#include "ll-cli-signals.h"
#include "ll-cli-verify.h"
#include "ll-mem.h"
#include "ll-policy.h"
#include "ll-size.h"
#include "ll-verify.h"

static double
verify_fraction (gpointer verify)
{
  return ll_verify_get_fraction (verify);
}

int
ll_cli_verify (int    argc,
               char **argv)
{
  LlCliOptions o = { 0 };
  g_autoptr(GOptionContext) context = ll_cli_options_context (LL_CLI_VERIFY, &o);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlVerify) verify = NULL;
  LlVerifyVerdict verdict;
  const LlVerifyPoint *points;
  gsize n_points;
  guint64 peak_rss = 0;
  gboolean identical, ok;
  int status;

  if ((status = ll_cli_options_parse (context, LL_CLI_VERIFY, &argc, &argv, &o)) != LL_CLI_EXIT_DONE)
    goto out;

  if (!(verify = ll_verify_new (&o.config, o.python, &error)))
    {
      /* A policy the interpreter does not have is a usage error; a
       * missing interpreter is this machine's. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        status = ll_cli_usage_error (context, error->message);
      else
        {
          g_printerr ("listlab-cli: %s\n", error->message);
          status = LL_CLI_EXIT_FAILED;
        }
      goto out;
    }

  /* The interpreter's list is real: it must fit above the reserve. */
  if (!ll_verify_check_fits (verify, &error))
    {
      g_printerr ("listlab-cli: %s\n", error->message);
      status = LL_CLI_EXIT_FAILED;
      goto out;
    }

  if (!o.quiet)
    ll_cli_signals_set_progress_func (verify_fraction, verify, _("Running the interpreter"));
  ok = ll_verify_run (verify, NULL, &error);
  ll_cli_signals_set_progress_func (NULL, NULL, NULL);
  if (!ok)
    {
      g_printerr ("listlab-cli: %s\n", error->message);
      status = LL_CLI_EXIT_FAILED;
      goto out;
    }

  identical = ll_verify_compare (verify, &verdict);
  points = ll_verify_get_points (verify, &n_points);
  for (gsize i = 0; i < n_points; i++)
    peak_rss = MAX (peak_rss, points[i].rss_bytes);

  if (o.stats)
    {
      g_print ("python_version=%s\n", ll_verify_get_version (verify));
      g_print ("compared=%u\n", verdict.n_compared);
      g_print ("identical=%u\n", verdict.n_identical);
      g_print ("first_difference=%" G_GUINT64_FORMAT "\n", verdict.first_length);
      g_print ("python_bytes=%" G_GUINT64_FORMAT "\n", verdict.python_bytes);
      g_print ("listlab_bytes=%" G_GUINT64_FORMAT "\n", verdict.engine_bytes);
      g_print ("python_peak_rss=%" G_GUINT64_FORMAT "\n", peak_rss);
    }
  else if (!o.quiet || !identical)
    {
      g_autofree char *what = ll_verify_describe (&verdict);
      g_autofree char *rss = ll_format_bytes (peak_rss, LL_UNITS_IEC);

      /* TRANSLATORS: "CPython 3.11.2: 133 of 133 reallocations identical (its process held 1.2 GiB at most)" */
      g_print (_("CPython %s: %s (its process held %s at most)\n"),
               ll_verify_get_version (verify), what, rss);

      /* The policies mirror two generations of CPython. */
      if (!identical && o.config.policy.kind == LL_POLICY_CPYTHON_38 &&
          !g_str_has_prefix (ll_verify_get_version (verify), "3.8") &&
          !g_str_has_prefix (ll_verify_get_version (verify), "3.7"))
        g_print (_("cpython-3.8 mirrors CPython 3.4 to 3.8; this interpreter grows its lists as --policy cpython does.\n"));
      else if (!identical && o.config.policy.kind == LL_POLICY_CPYTHON &&
               (g_str_has_prefix (ll_verify_get_version (verify), "3.8") ||
                g_str_has_prefix (ll_verify_get_version (verify), "3.7")))
        g_print (_("cpython mirrors CPython 3.9 and later; this interpreter grows its lists as --policy cpython-3.8 does.\n"));
    }

  status = identical ? LL_CLI_EXIT_DONE : LL_CLI_EXIT_FAILED;

out:
  ll_cli_options_clear (&o);
  return status;
}
