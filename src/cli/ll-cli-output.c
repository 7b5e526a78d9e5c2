/* ll-cli-output.c — the files listlab-cli writes for a run, through the export library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ll-cli-output.h"
#include "ll-export-job.h"
#include "ll-export-size.h"

static gboolean
write_job (LlExportKind  kind,
           const char   *path,
           LlRun        *run,
           LlUnits       units)
{
  g_autoptr(LlExportJob) job = NULL;
  g_autoptr(GError) error = NULL;

  job = ll_export_job_new_for_run (kind, path, run, units, &error);
  if (job == NULL || !ll_export_job_run (job, NULL, &error))
    {
      g_printerr ("listlab-cli: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
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
  if (o->dark)
    ll_chart_palette_init_dark (&job->options.palette);
  job->options.units = o->si ? LL_UNITS_SI : LL_UNITS_IEC;
  job->options.log_x = o->log_x;
  job->options.log_y = o->log_y;
  job->options.length_range = o->length_range;
  job->options.draw_title = TRUE;
  job->options.reserve_bytes = ll_run_get_kind (run) == LL_RUN_REAL ? status.reserve_bytes : 0;
  job->what = o->what;
}

gboolean
ll_cli_write_outputs (const LlCliOptions *o,
                      LlRun              *run,
                      gboolean            events_written,
                      guint64            *contents_ns)
{
  const char *images[] = { o->png, o->svg, o->pdf };
  const LlExportFormat formats[] = { LL_EXPORT_PNG, LL_EXPORT_SVG, LL_EXPORT_PDF };
  LlUnits units = o->si ? LL_UNITS_SI : LL_UNITS_IEC;
  gboolean ok = TRUE;

  *contents_ns = 0;

  if (o->events != NULL && !events_written)
    {
      ok &= write_job (LL_EXPORT_KIND_EVENTS, o->events, run, units);
      if (!ll_history_is_exact (ll_run_get_history (run)))
        g_printerr (_("listlab-cli: note: too many reallocations to keep each one; the events file has the first and last of each group\n"));
    }

  if (o->samples != NULL)
    ok &= write_job (LL_EXPORT_KIND_SAMPLES, o->samples, run, units);

  if (o->contents != NULL && ll_run_get_state (run) == LL_ENGINE_FINISHED)
    {
      gint64 t0 = g_get_monotonic_time ();

      if (write_job (LL_EXPORT_KIND_CONTENTS, o->contents, run, units))
        *contents_ns = (guint64) (g_get_monotonic_time () - t0) * 1000;
      else
        ok = FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      g_autoptr(LlExportJob) job = NULL;
      g_autoptr(GError) error = NULL;
      LlExportKind kind = o->what == LL_EXPORT_REPORT ? LL_EXPORT_KIND_REPORT : LL_EXPORT_KIND_CHART;

      if (images[i] == NULL)
        continue;

      job = ll_export_job_new_for_run (kind, images[i], run, units, &error);
      if (job != NULL)
        {
          setup_image (job, o, run);
          job->format = formats[i];
          ll_export_size_resolve (o->what, formats[i], o->width, o->height, 0, 0,
                                  &job->width, &job->height);
        }
      if (job == NULL || !ll_export_job_run (job, NULL, &error))
        {
          g_printerr ("listlab-cli: %s\n", error->message);
          ok = FALSE;
        }
    }

  return ok;
}
