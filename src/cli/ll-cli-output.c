/* ll-cli-output.c — the files listlab-cli writes for a run, through the export library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ll-cli-output.h"
#include "ll-export-bundle.h"
#include "ll-export-job.h"
#include "ll-export-size.h"
#include "ll-size.h"

static gboolean
write_job (LlExportKind  kind,
           LlOutput     *output,
           LlRun        *run,
           LlUnits       units)
{
  g_autoptr(LlExportJob) job = NULL;
  g_autoptr(GError) error = NULL;

  job = ll_export_job_new_for_run (kind, ll_output_get_path (output), run, units, &error);
  if (job != NULL)
    job->output = output;
  if (job == NULL || !ll_export_job_run (job, NULL, &error))
    {
      g_printerr ("listlab-cli: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

void
ll_cli_apply_chart_options (const LlCliOptions *o,
                            LlChartOptions     *options)
{
  if (o->dark)
    ll_chart_palette_init_dark (&options->palette);
  options->units = o->si ? LL_UNITS_SI : LL_UNITS_IEC;
  options->log_x = o->log_x;
  options->log_y = o->log_y;
  options->length_range = o->length_range;
  options->draw_title = TRUE;
}

/* What the images are drawn with: the style, units and scale asked for,
 * and the run's reserve on the memory chart. */
static void
setup_image (LlExportJob        *job,
             const LlCliOptions *o,
             LlRun              *run)
{
  LlEngineStatus status;

  ll_run_get_status (run, &status);
  ll_cli_apply_chart_options (o, &job->options);
  job->options.reserve_bytes = ll_run_get_kind (run) == LL_RUN_REAL ? status.reserve_bytes : 0;
  job->what = o->what;
}

/* A --range beside the run's lengths draws charts that only say so: a
 * script hears it too. */
static void
note_range_beside_data (LlExportJob        *job,
                        const LlCliOptions *o)
{
  LlChartSeries series;
  LlChartData data;
  LlReportInfo info;
  LlChartRange extent;
  const LlChartRange *range = &o->length_range;

  if (ll_chart_range_is_empty (range))
    return;
  ll_export_job_get_chart_data (job, &series, &data, &info);
  if (!ll_chart_get_x_extent (LL_CHART_CAPACITY, &data, &job->options, &extent) ||
      (range->from < extent.to && range->to > extent.from))
    return;
  {
    g_autofree char *shown = ll_format_input (o->range, -1);
    g_autofree char *lo = ll_format_count_exact ((guint64) MAX (extent.from, 0.0));
    g_autofree char *hi = ll_format_count_exact ((guint64) MAX (extent.to, 0.0));

    g_printerr (_("listlab-cli: note: --range %s shows no data: the lengths go from %s to %s\n"),
                shown, lo, hi);
  }
}

void
ll_cli_note_chart_without_data (const LlCliOptions *o,
                                gboolean            simulated)
{
  if (!simulated)
    return;
  if (o->what == LL_CHART_TIME)
    g_printerr (_("listlab-cli: note: a simulation allocates nothing, so its time chart is empty: "
                  "“listlab-cli run” times each reallocation\n"));
  else if (o->what == LL_CHART_MEMORY)
    g_printerr (_("listlab-cli: note: a simulation allocates nothing, so its memory chart is empty: "
                  "“listlab-cli run” samples the free memory\n"));
}

gboolean
ll_cli_write_outputs (LlCliFiles         *files,
                      const LlCliOptions *o,
                      LlRun              *run,
                      gboolean            events_written,
                      guint64            *contents_ns)
{
  const LlCliFile images[] = { LL_CLI_FILE_PNG, LL_CLI_FILE_SVG, LL_CLI_FILE_PDF };
  const LlExportFormat formats[] = { LL_EXPORT_PNG, LL_EXPORT_SVG, LL_EXPORT_PDF };
  LlUnits units = o->si ? LL_UNITS_SI : LL_UNITS_IEC;
  LlOutput *output;
  gboolean noted = FALSE;

  *contents_ns = 0;

  if ((output = ll_cli_files_get (files, LL_CLI_FILE_EVENTS)) && !events_written)
    {
      if (!write_job (LL_EXPORT_KIND_EVENTS, output, run, units))
        return FALSE;
      if (!ll_history_is_exact (ll_run_get_history (run)))
        g_printerr (_("listlab-cli: note: too many reallocations to keep each one; the events file has the first and last of each group\n"));
    }

  if ((output = ll_cli_files_get (files, LL_CLI_FILE_SAMPLES)) &&
      !write_job (LL_EXPORT_KIND_SAMPLES, output, run, units))
    return FALSE;

  if ((output = ll_cli_files_get (files, LL_CLI_FILE_SCRIPT)) &&
      !write_job (LL_EXPORT_KIND_SCRIPT, output, run, units))
    return FALSE;

  if ((output = ll_cli_files_get (files, LL_CLI_FILE_CONTENTS)))
    {
      gint64 t0 = g_get_monotonic_time ();

      if (ll_run_get_state (run) != LL_ENGINE_FINISHED)
        {
          g_autofree char *shown = ll_format_escaped (ll_output_get_path (output));

          g_printerr (_("listlab-cli: the list is gone: “%s” is not written\n"), shown);
          ll_cli_files_drop (files, LL_CLI_FILE_CONTENTS);
        }
      else if (!write_job (LL_EXPORT_KIND_CONTENTS, output, run, units))
        return FALSE;
      else
        *contents_ns = (guint64) (g_get_monotonic_time () - t0) * 1000;
    }

  if (o->bundle != NULL)
    {
      g_autoptr(LlExportBundle) bundle = NULL;
      g_autoptr(GError) error = NULL;

      bundle = ll_export_bundle_new (run, NULL, o->bundle, units, &error);
      if (bundle == NULL || !ll_export_bundle_write (bundle, NULL, &error))
        {
          g_printerr ("listlab-cli: %s\n", error->message);
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      g_autoptr(LlExportJob) job = NULL;
      g_autoptr(GError) error = NULL;
      LlExportKind kind = o->what == LL_EXPORT_REPORT ? LL_EXPORT_KIND_REPORT : LL_EXPORT_KIND_CHART;

      if (!(output = ll_cli_files_get (files, images[i])))
        continue;

      job = ll_export_job_new_for_run (kind, ll_output_get_path (output), run, units, &error);
      if (job != NULL)
        {
          setup_image (job, o, run);
          job->output = output;
          job->format = formats[i];
          ll_export_size_resolve (o->what, formats[i], o->width, o->height, 0, 0,
                                  &job->width, &job->height);
          if (!noted)
            {
              note_range_beside_data (job, o);
              ll_cli_note_chart_without_data (o, ll_run_get_kind (run) == LL_RUN_SIMULATED);
            }
          noted = TRUE;
        }
      if (job == NULL || !ll_export_job_run (job, NULL, &error))
        {
          g_printerr ("listlab-cli: %s\n", error->message);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
ll_cli_finish_files (LlCliFiles *files,
                     gboolean    written)
{
  g_autoptr(GError) error = NULL;

  if (written && ll_cli_files_commit (files, &error))
    return TRUE;

  if (error != NULL)
    g_printerr ("listlab-cli: %s\n", error->message);
  else
    {
      g_autofree char *what = ll_cli_files_describe (files);

      if (what != NULL)
        g_printerr ("listlab-cli: %s\n", what);
    }
  return FALSE;
}
