/* ll-cli-compare.c — listlab-cli compare: policies side by side, without allocating
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ll-cli-compare.h"
#include "ll-cli-files.h"
#include "ll-cli-output.h"
#include "ll-cli-signals.h"
#include "ll-cli-options.h"
#include "ll-comparison.h"
#include "ll-export-image.h"
#include "ll-export-size.h"
#include "ll-mem.h"
#include "ll-output.h"
#include "ll-size.h"

typedef struct
{
  LlRunConfig    config;
  char          *title;
  LlHistory     *history;
  LlHistoryView *view;
  LlComparison   figures;
} Compared;

static void
compared_clear (Compared *c)
{
  g_clear_pointer (&c->title, g_free);
  g_clear_pointer (&c->history, ll_history_unref);
  g_clear_pointer (&c->view, ll_history_view_free);
}

/* "CPython 3.9+", and what sets it apart when the same policy comes twice. */
static char *
title_for (const LlRunConfig *config)
{
  const LlPolicyInfo *info = ll_policy_get_info (config->policy.kind);

  if (config->policy.kind == LL_POLICY_FIXED)
    return g_strdup_printf ("%s +%" G_GUINT64_FORMAT, _(info->short_title), config->policy.increment);
  if (config->mechanism != LL_MECHANISM_DEFAULT && config->mechanism != info->mechanism)
    return g_strdup_printf ("%s, %s", _(info->short_title), ll_mechanism_to_string (config->mechanism));
  return g_strdup (_(info->short_title));
}

/* The table, aligned: a column's width is its widest cell. */
static void
print_table (FILE          *f,
             const Compared *runs,
             guint          n_runs,
             LlUnits        units,
             guint64        free_bytes)
{
  /* The policy, then every figure but time: nothing here ran. */
  enum { N_COLS = LL_N_COMPARISON_FIGURES };
  const char *headers[N_COLS];
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  int widths[N_COLS];
  guint c;

  c = 0;
  headers[c++] = _("Policy");
  for (LlComparisonFigure figure = 0; figure < LL_N_COMPARISON_FIGURES; figure++)
    if (figure != LL_COMPARISON_TIME)
      headers[c++] = ll_comparison_figure_title (figure);

  for (c = 0; c < N_COLS; c++)
    widths[c] = (int) g_utf8_strlen (headers[c], -1);

  for (guint i = 0; i < n_runs; i++)
    {
      const LlComparison *r = &runs[i].figures;
      char *row[N_COLS];

      c = 0;
      row[c++] = g_strdup (runs[i].title);
      for (LlComparisonFigure figure = 0; figure < LL_N_COMPARISON_FIGURES; figure++)
        {
          if (figure == LL_COMPARISON_TIME)
            continue;
          row[c++] = figure == LL_COMPARISON_FITS && free_bytes == 0
                     ? g_strdup ("—") : ll_comparison_format_figure (r, figure, units);
        }
      for (c = 0; c < N_COLS; c++)
        {
          widths[c] = MAX (widths[c], (int) g_utf8_strlen (row[c], -1));
          g_ptr_array_add (cells, row[c]);
        }
    }

  for (guint i = 0; i <= n_runs; i++)
    {
      GString *line = g_string_new (NULL);

      for (c = 0; c < N_COLS; c++)
        {
          const char *text = i == 0 ? headers[c] : g_ptr_array_index (cells, (i - 1) * N_COLS + c);
          int pad = widths[c] - (int) g_utf8_strlen (text, -1);

          /* Names to the left, figures to the right. */
          if (c == 0)
            g_string_append_printf (line, "%s%*s", text, pad, "");
          else
            g_string_append_printf (line, "  %*s%s", pad, "", text);
        }
      fprintf (f, "%s\n", line->str);
      g_string_free (line, TRUE);
    }
  if (free_bytes > 0)
    {
      g_autofree char *spare = ll_format_bytes (free_bytes, units);

      /* TRANSLATORS: the first %s is the column's title, "Fits in Free Memory" */
      fprintf (f, _("“%s”: the longest list of each that %s of free memory holds now.\n"),
               ll_comparison_figure_title (LL_COMPARISON_FITS), spare);
    }
}

static gboolean
write_csv (LlOutput       *output,
           const Compared *runs,
           guint           n_runs)
{
  g_autoptr(GError) error = NULL;

  if (!ll_output_printf (output, &error, "%s\n", LL_COMPARISON_CSV_HEADER))
    goto fail;
  for (guint i = 0; i < n_runs; i++)
    {
      g_autofree char *row = ll_comparison_format_csv (&runs[i].config, &runs[i].figures);

      if (!ll_output_printf (output, &error, "%s\n", row))
        goto fail;
    }
  return TRUE;

fail:
  g_printerr ("listlab-cli: %s\n", error->message);
  return FALSE;
}

/* Every run on the charts, each in its colour; the report's place is
 * taken by all four charts on one image. */
static gboolean
write_images (LlCliFiles         *files,
              const LlCliOptions *o,
              const Compared     *runs,
              guint               n_runs)
{
  const LlCliFile images[] = { LL_CLI_FILE_PNG, LL_CLI_FILE_SVG, LL_CLI_FILE_PDF };
  const LlExportFormat formats[] = { LL_EXPORT_PNG, LL_EXPORT_SVG, LL_EXPORT_PDF };
  g_autofree LlChartSeries *series = g_new0 (LlChartSeries, n_runs);
  guint what = o->what == LL_EXPORT_REPORT ? LL_EXPORT_ALL_CHARTS : o->what;
  LlChartOptions options;
  LlChartData data;
  gboolean ok = TRUE;
  gboolean noted = FALSE;

  for (guint i = 0; i < n_runs; i++)
    {
      ll_chart_series_init_from_view (&series[i], runs[i].view,
                                      ll_element_get_info (runs[i].config.element)->slot_bytes);
      series[i].name = runs[i].title;
      series[i].style = i;
    }
  ll_chart_data_init (&data, series, n_runs);

  ll_chart_options_init (&options);
  ll_cli_apply_chart_options (o, &options);

  for (guint i = 0; i < G_N_ELEMENTS (images) && ok; i++)
    {
      g_autoptr(GError) error = NULL;
      LlOutput *output = ll_cli_files_get (files, images[i]);
      double width, height;

      if (output == NULL)
        continue;
      if (!noted)
        ll_cli_note_chart_without_data (o, TRUE);
      noted = TRUE;
      ll_export_size_resolve (what, formats[i], o->width, o->height, 0, 0, &width, &height);
      if (!ll_export_image_write (output, formats[i], what, width, height, &data, &options, NULL, &error))
        {
          g_printerr ("listlab-cli: %s\n", error->message);
          ok = FALSE;
        }
    }
  return ok;
}

int
ll_cli_compare (int    argc,
                char **argv)
{
  LlCliOptions o = { 0 };
  g_autoptr(GOptionContext) context = ll_cli_options_context (LL_CLI_COMPARE, &o);
  Compared *runs = NULL;
  guint n_runs;
  guint64 free_bytes = 0;
  LlMemInfo info;
  int status;
  gboolean ok = TRUE;
  FILE *summary;
  g_autoptr(LlCliFiles) files = NULL;
  g_autoptr(GError) open_error = NULL;

  if ((status = ll_cli_options_parse (context, LL_CLI_COMPARE, &argc, &argv, &o)) != LL_CLI_EXIT_DONE)
    goto out;
  /* The files first: a folder that is missing is said before any work. */
  if (!(files = ll_cli_files_open (&o, &open_error)))
    {
      g_printerr ("listlab-cli: %s\n", open_error->message);
      status = LL_CLI_EXIT_FAILED;
      goto out;
    }
  ll_cli_signals_set_files (files);

  /* What the machine could hold of each, now. */
  if (ll_mem_read_system (&info, NULL, NULL))
    free_bytes = ll_mem_info_spare (&info);

  n_runs = o.configs->len;
  runs = g_new0 (Compared, n_runs);
  for (guint i = 0; i < n_runs && ok; i++)
    {
      g_autoptr(GError) error = NULL;
      Compared *c = &runs[i];

      c->config = g_array_index (o.configs, LlRunConfig, i);
      c->title = title_for (&c->config);
      c->history = ll_history_new (c->config.history_buckets);
      c->view = ll_history_view_new ();
      if (!o.quiet)
        {
          /* TRANSLATORS: "Simulating go (3 of 8)" */
          g_autofree char *what = g_strdup_printf (_("Simulating %s (%u of %u)"), c->title, i + 1, n_runs);

          ll_cli_signals_set_progress (NULL, what);
        }
      if (!ll_comparison_simulate (&c->config, free_bytes, c->history, &c->figures, &error))
        {
          g_printerr ("listlab-cli: %s: %s\n", c->title, error->message);
          ok = FALSE;
          break;
        }
      ll_history_view_update (c->view, c->history);
    }
  ll_cli_signals_set_progress (NULL, NULL);

  if (ok)
    {
      summary = ll_cli_options_summary_stream (&o);
      if (!o.quiet)
        print_table (summary, runs, n_runs, o.si ? LL_UNITS_SI : LL_UNITS_IEC, free_bytes);
      if (ll_cli_files_get (files, LL_CLI_FILE_CSV) != NULL)
        ok = write_csv (ll_cli_files_get (files, LL_CLI_FILE_CSV), runs, n_runs);
      ok = ok && write_images (files, &o, runs, n_runs);
    }
  ok = ll_cli_finish_files (files, ok);
  status = ok ? LL_CLI_EXIT_DONE : LL_CLI_EXIT_FAILED;

  for (guint i = 0; runs != NULL && i < n_runs; i++)
    compared_clear (&runs[i]);
  g_free (runs);

out:
  ll_cli_signals_set_files (NULL);
  ll_cli_options_clear (&o);
  return status;
}
