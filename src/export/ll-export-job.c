/* ll-export-job.c — one export: a snapshot of a run, written atomically, off the main thread if need be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ll-csv.h"
#include "ll-export-job.h"
#include "ll-reproduce.h"
#include "ll-summary.h"
#include "ll-output.h"

static void
job_clear (gpointer data)
{
  LlExportJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->view, ll_history_view_free);
  g_clear_pointer (&job->others, g_ptr_array_unref);
  g_free (job->series);
  g_free (job->report_runs);
  g_free (job->title);
  g_free (job->short_title);
  g_free (job->stop_message);
  g_clear_pointer (&job->settings_rows, g_ptr_array_unref);
  g_clear_pointer (&job->result_rows, g_ptr_array_unref);
  g_clear_object (&job->run);
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->cond);
}

LlExportJob *
ll_export_job_new (LlExportKind  kind,
                   const char   *path)
{
  LlExportJob *job;

  g_return_val_if_fail (kind < LL_N_EXPORT_KINDS, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  job = g_atomic_rc_box_new0 (LlExportJob);
  job->kind = kind;
  job->path = g_strdup (path);
  ll_run_config_init (&job->config);
  job->what = kind == LL_EXPORT_KIND_REPORT ? LL_EXPORT_REPORT : LL_CHART_CAPACITY;
  job->format = kind == LL_EXPORT_KIND_REPORT ? LL_EXPORT_PDF : LL_EXPORT_PNG;
  ll_chart_options_init (&job->options);
  g_mutex_init (&job->lock);
  g_cond_init (&job->cond);

  return job;
}

LlExportJob *
ll_export_job_ref (LlExportJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);

  return g_atomic_rc_box_acquire (job);
}

void
ll_export_job_unref (LlExportJob *job)
{
  g_return_if_fail (job != NULL);

  g_atomic_rc_box_release_full (job, job_clear);
}

LlExportJob *
ll_export_job_new_for_run (LlExportKind   kind,
                           const char    *path,
                           LlRun         *run,
                           LlUnits        units,
                           GError       **error)
{
  g_autoptr(LlExportJob) job = NULL;
  const LlRunConfig *config;
  LlEngineStatus status;

  g_return_val_if_fail (kind < LL_N_EXPORT_KINDS, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (LL_IS_RUN (run), NULL);

  ll_run_get_status (run, &status);
  config = ll_run_get_config (run);

  job = ll_export_job_new (kind, path);
  job->config = *config;
  job->config.mem_probe = NULL;
  job->config.mem_probe_data = NULL;

  if (kind == LL_EXPORT_KIND_CONTENTS)
    {
      if (ll_run_get_kind (run) != LL_RUN_REAL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("A simulated list has no contents: run it for real to export them"));
          return NULL;
        }
      if (status.state == LL_ENGINE_IDLE || status.state == LL_ENGINE_RUNNING)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The list is still growing: stop the run to export its contents"));
          return NULL;
        }
      if (status.state != LL_ENGINE_FINISHED)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                               _("The list was released, so its contents are gone: run it again to export them"));
          return NULL;
        }
      job->run = g_object_ref (run);
      job->n_elements = status.length;
      job->memory_bytes = status.container_bytes + status.objects_bytes;
      return g_steal_pointer (&job);
    }

  job->view = ll_history_view_new ();
  ll_history_view_update (job->view, ll_run_get_history (run));
  job->short_title = ll_run_dup_short_title (run);
  job->style = ll_run_get_style (run);
  if (kind == LL_EXPORT_KIND_SCRIPT)
    job->title = g_strdup (ll_run_get_title (run));
  job->slot_bytes = ll_element_get_info (config->element)->slot_bytes;

  if (kind == LL_EXPORT_KIND_CHART || kind == LL_EXPORT_KIND_REPORT)
    {
      const LlHistoryCounters *counters = ll_history_view_get_counters (job->view);
      guint64 available = counters->n_samples > 0 ? counters->last_sample.available_bytes
                                                  : status.start_available_bytes;
      guint64 reserve = status.reserve_bytes;
      LlMemInfo info;
      gboolean have_info = ll_mem_read_system (&info, NULL, NULL);

      /* A run that has not started yet, or a simulation: the reserve it
       * would keep now. */
      if (reserve == 0 || reserve == LL_RESERVE_DEFAULT)
        reserve = have_info ? ll_run_config_get_reserve (config, &info) : 0;

      job->units = units;
      job->free_bytes = have_info ? ll_mem_info_spare (&info) : 0;
      ll_run_get_comparison (run, job->free_bytes, &job->figures);

      switch (ll_run_get_kind (run))
        {
        case LL_RUN_REAL:
          job->title = g_strdup (_("List Lab run"));
          break;
        case LL_RUN_INTERPRETER:
          /* Translators: a report's title, "Python 3.11.7 interpreter run" */
          job->title = g_strdup_printf (_("%s interpreter run"), ll_run_get_source (run));
          break;
        case LL_RUN_SIMULATED:
        default:
          job->title = g_strdup (_("List Lab simulation"));
          break;
        }
      job->settings_rows = ll_summary_settings_rows (config, reserve, units);
      if (ll_run_get_kind (run) == LL_RUN_REAL)
        {
          job->stop_message = ll_run_dup_stop_message (run, units);
          job->result_rows = ll_summary_result_rows (config, &status, counters, available, units);
        }
    }

  return g_steal_pointer (&job);
}

static void
on_contents_progress (guint64  done,
                      guint64  total,
                      gpointer user_data)
{
  LlExportJob *job = user_data;

  __atomic_store_n (&job->done, done, __ATOMIC_RELAXED);

  if (job->hook != NULL)
    job->hook (done, total, job->hook_data);
}

/* The engine speaks of "the list's contents"; people need to know which
 * file it was about and what to do. */
static void
set_contents_error (GError      **error,
                    const char   *path,
                    const GError *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("Cannot write “%s”: the disk is full"), path);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CLOSED))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                 _("Cannot write “%s”: the list was released, so its contents are gone"),
                 path);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_BUSY))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                 _("Cannot write “%s”: the list is still growing; stop the run first"),
                 path);
  else
    /* The output's own errors name the file already. */
    g_propagate_error (error, g_error_copy (cause));
}

static gboolean
set_cancelled_error (GError     **error,
                     const char  *path)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
               _("Export of “%s” cancelled; nothing was written"), path);
  return FALSE;
}

/* The size of what was written to @output, when that is a file. */
static void
note_file_bytes (LlExportJob *job,
                 LlOutput    *output)
{
  struct stat st;
  int fd = ll_output_get_fd (output);

  if (fd >= 0 && fstat (fd, &st) == 0 && S_ISREG (st.st_mode))
    job->file_bytes = (guint64) st.st_size;
}

static gboolean
run_contents (LlExportJob   *job,
              LlOutput      *output,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  LlEngineStatus status;

  if (job->run == NULL || ll_run_get_engine (job->run) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                   _("Cannot write “%s”: there is no list to export"), job->path);
      return FALSE;
    }

  ll_run_get_status (job->run, &status);
  __atomic_store_n (&job->total, status.length, __ATOMIC_RELAXED);

  if (!ll_engine_write_contents (ll_run_get_engine (job->run), output, cancellable,
                                 on_contents_progress, job, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return set_cancelled_error (error, job->path);
      set_contents_error (error, job->path, local_error);
      return FALSE;
    }

  /* A cancel that came after the last block still wins: the person asked
   * for no file. */
  if (g_cancellable_is_cancelled (cancellable))
    return set_cancelled_error (error, job->path);
  return TRUE;
}

static gboolean
run_csv (LlExportJob   *job,
         LlOutput      *output,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;
  gsize n;

  g_return_val_if_fail (job->view != NULL, FALSE);

  if (job->kind == LL_EXPORT_KIND_EVENTS)
    {
      const LlEventBucket *buckets = ll_history_view_get_events (job->view, &n);

      ok = ll_csv_write_events (output, buckets, n, cancellable, &local_error);
    }
  else
    {
      const LlSampleBucket *buckets = ll_history_view_get_samples (job->view, &n);

      ok = ll_csv_write_samples (output, buckets, n, cancellable, &local_error);
    }

  if (g_cancellable_is_cancelled (cancellable))
    return set_cancelled_error (error, job->path);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  LlHistoryView *view;
  guint          slot_bytes;
  char          *name;
  guint          style;
  LlComparison   figures;
} OtherRun;

static void
other_run_free (OtherRun *other)
{
  ll_history_view_free (other->view);
  g_free (other->name);
  g_free (other);
}

void
ll_export_job_add_run (LlExportJob *job,
                       LlRun       *run,
                       guint        style)
{
  OtherRun *other;

  g_return_if_fail (job != NULL);
  g_return_if_fail (LL_IS_RUN (run));

  if (job->others == NULL)
    job->others = g_ptr_array_new_with_free_func ((GDestroyNotify) other_run_free);
  other = g_new0 (OtherRun, 1);
  other->view = ll_history_view_new ();
  ll_history_view_update (other->view, ll_run_get_history (run));
  other->slot_bytes = ll_element_get_info (ll_run_get_config (run)->element)->slot_bytes;
  other->name = ll_run_dup_short_title (run);
  other->style = style;
  ll_run_get_comparison (run, job->free_bytes, &other->figures);
  g_ptr_array_add (job->others, other);
}

void
ll_export_job_get_chart_data (LlExportJob   *job,
                              LlChartSeries *series,
                              LlChartData   *data,
                              LlReportInfo  *info)
{
  guint n_others;

  g_return_if_fail (job != NULL);
  g_return_if_fail (job->view != NULL);

  ll_chart_series_init_from_view (series, job->view, job->slot_bytes);
  series->name = job->title;
  n_others = job->others != NULL ? job->others->len : 0;
  if (n_others == 0)
    ll_chart_data_init (data, series, 1);
  else
    {
      /* The job's own run first (on top), then the others, as on screen. */
      g_free (job->series);
      job->series = g_new0 (LlChartSeries, n_others + 1);
      job->series[0] = *series;
      job->series[0].name = job->short_title;
      job->series[0].style = job->style;
      for (guint i = 0; i < n_others; i++)
        {
          OtherRun *other = g_ptr_array_index (job->others, i);

          ll_chart_series_init_from_view (&job->series[i + 1], other->view, other->slot_bytes);
          job->series[i + 1].name = other->name;
          job->series[i + 1].style = other->style;
        }
      ll_chart_data_init (data, job->series, n_others + 1);
    }

  if (info != NULL)
    {
      memset (info, 0, sizeof *info);
      info->title = job->title;
      info->stop_message = job->stop_message;
      info->settings_rows = job->settings_rows;
      info->result_rows = job->result_rows;
      info->units = job->units;
      if (n_others > 0)
        {
          /* The runs drawn, compared: the job's own first, as in the legends. */
          g_free (job->report_runs);
          job->report_runs = g_new0 (LlReportRun, n_others + 1);
          job->report_runs[0] = (LlReportRun) { job->short_title, job->style, job->figures };
          for (guint i = 0; i < n_others; i++)
            {
              OtherRun *other = g_ptr_array_index (job->others, i);

              job->report_runs[i + 1] = (LlReportRun) { other->name, other->style, other->figures };
            }
          info->runs = job->report_runs;
          info->n_runs = n_others + 1;
        }
    }
}

static gboolean
run_image (LlExportJob   *job,
           LlOutput      *output,
           GCancellable  *cancellable,
           GError       **error)
{
  LlChartSeries series;
  LlChartData data;
  LlReportInfo info;

  g_return_val_if_fail (job->view != NULL, FALSE);

  ll_export_job_get_chart_data (job, &series, &data, &info);

  if (g_cancellable_is_cancelled (cancellable))
    return set_cancelled_error (error, job->path);

  return ll_export_image_write (output, job->format, job->what, job->width, job->height,
                                &data, &job->options, &info, error);
}

static gboolean
run_script (LlExportJob   *job,
            LlOutput      *output,
            GError       **error)
{
  const LlHistoryCounters *counters = ll_history_view_get_counters (job->view);
  g_autofree char *script = ll_reproduce_script (&job->config, counters->end_length, job->title);

  return ll_output_write (output, script, strlen (script), error);
}

/* Writes the job's kind of file to @output and flushes it. */
static gboolean
write_to (LlExportJob   *job,
          LlOutput      *output,
          GCancellable  *cancellable,
          GError       **error)
{
  gboolean ok;

  switch (job->kind)
    {
    case LL_EXPORT_KIND_EVENTS:
    case LL_EXPORT_KIND_SAMPLES:
      ok = run_csv (job, output, cancellable, error);
      break;

    case LL_EXPORT_KIND_CONTENTS:
      ok = run_contents (job, output, cancellable, error);
      break;

    case LL_EXPORT_KIND_CHART:
    case LL_EXPORT_KIND_REPORT:
      ok = run_image (job, output, cancellable, error);
      break;

    case LL_EXPORT_KIND_SCRIPT:
      ok = run_script (job, output, error);
      break;

    case LL_N_EXPORT_KINDS:
    default:
      g_return_val_if_reached (FALSE);
    }

  if (!ok || !ll_output_flush (output, error))
    return FALSE;
  note_file_bytes (job, output);
  return TRUE;
}

gboolean
ll_export_job_run (LlExportJob   *job,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(LlOutput) owned = NULL;

  g_return_val_if_fail (job != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_is_cancelled (cancellable))
    {
      if (job->output != NULL)
        ll_output_abort (job->output);
      return set_cancelled_error (error, job->path);
    }

  if (job->output != NULL)
    {
      /* The caller's: written, then committed with the others (or aborted
       * here on failure, so that nothing of it stays). */
      if (write_to (job, job->output, cancellable, error))
        return TRUE;
      ll_output_abort (job->output);
      return FALSE;
    }

  if (job->kind == LL_EXPORT_KIND_CONTENTS &&
      (job->run == NULL || ll_run_get_engine (job->run) == NULL))
    return write_to (job, NULL, cancellable, error);

  if (!(owned = ll_output_open (job->path, error)))
    return FALSE;
  return write_to (job, owned, cancellable, error) && ll_output_commit (owned, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LlExportJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  ok = ll_export_job_run (job, cancellable, &error);

  g_mutex_lock (&job->lock);
  job->worker_done = TRUE;
  g_cond_broadcast (&job->cond);
  g_mutex_unlock (&job->lock);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ll_export_job_run_async (LlExportJob         *job,
                         gpointer             source_object,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (job != NULL);

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_export_job_run_async);
  g_task_set_task_data (task, ll_export_job_ref (job), (GDestroyNotify) ll_export_job_unref);
  /* The worker reports a cancel itself, with the file's name, once the
   * temporary file is gone. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

gboolean
ll_export_job_run_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ll_export_job_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

LlExportJob *
ll_export_job_from_result (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_get_task_data (G_TASK (result));
}

void
ll_export_job_get_progress (LlExportJob *job,
                            guint64     *done,
                            guint64     *total)
{
  g_return_if_fail (job != NULL);

  if (done != NULL)
    *done = __atomic_load_n (&job->done, __ATOMIC_RELAXED);
  if (total != NULL)
    *total = __atomic_load_n (&job->total, __ATOMIC_RELAXED);
}

gboolean
ll_export_job_wait (LlExportJob *job,
                    guint        timeout_ms)
{
  gint64 deadline;
  gboolean done;

  g_return_val_if_fail (job != NULL, FALSE);

  deadline = g_get_monotonic_time () + (gint64) timeout_ms * G_TIME_SPAN_MILLISECOND;

  g_mutex_lock (&job->lock);
  while (!job->worker_done)
    if (!g_cond_wait_until (&job->cond, &job->lock, deadline))
      break;
  done = job->worker_done;
  g_mutex_unlock (&job->lock);

  return done;
}

typedef struct
{
  guint64     multiplier;
  const char *suffix;
} Unit;

/* By size, SI and IEC interleaved: the first that divides exactly is the
 * shortest way to write the number. */
static const Unit byte_units[] = {
  { G_GUINT64_CONSTANT (1) << 60, "EiB" },
  { G_GUINT64_CONSTANT (1000000000000000000), "EB" },
  { G_GUINT64_CONSTANT (1) << 50, "PiB" },
  { G_GUINT64_CONSTANT (1000000000000000), "PB" },
  { G_GUINT64_CONSTANT (1) << 40, "TiB" },
  { G_GUINT64_CONSTANT (1000000000000), "TB" },
  { G_GUINT64_CONSTANT (1) << 30, "GiB" },
  { G_GUINT64_CONSTANT (1000000000), "GB" },
  { G_GUINT64_CONSTANT (1) << 20, "MiB" },
  { G_GUINT64_CONSTANT (1000000), "MB" },
  { G_GUINT64_CONSTANT (1) << 10, "KiB" },
  { G_GUINT64_CONSTANT (1000), "kB" },
  { 1, "B" },
};

static const Unit count_units[] = {
  { G_GUINT64_CONSTANT (1000000000000), "T" },
  { G_GUINT64_CONSTANT (1000000000), "G" },
  { G_GUINT64_CONSTANT (1000000), "M" },
  { G_GUINT64_CONSTANT (1000), "k" },
  { 1, "" },
};

static char *
format_exact (guint64     value,
              const Unit *units,
              gsize       n_units)
{
  for (gsize i = 0; i < n_units; i++)
    if (value >= units[i].multiplier && value % units[i].multiplier == 0)
      return g_strdup_printf ("%" G_GUINT64_FORMAT "%s", value / units[i].multiplier,
                              units[i].suffix);

  return g_strdup_printf ("%" G_GUINT64_FORMAT "%s", value, units[n_units - 1].suffix);
}

char *
ll_export_format_target (const LlRunConfig *config)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (config != NULL, NULL);

  switch (config->target_kind)
    {
    case LL_TARGET_ELEMENTS:
      number = format_exact (config->target, count_units, G_N_ELEMENTS (count_units));
      return g_strconcat (number, "-elements", NULL);

    case LL_TARGET_TOTAL_BYTES:
      number = format_exact (config->target, byte_units, G_N_ELEMENTS (byte_units));
      return g_strconcat (number, "-total", NULL);

    case LL_TARGET_CONTAINER_BYTES:
    default:
      return format_exact (config->target, byte_units, G_N_ELEMENTS (byte_units));
    }
}

char *
ll_export_default_name (const LlRunConfig *config,
                        LlExportKind       kind,
                        guint              what,
                        LlExportFormat     format)
{
  g_autofree char *target = NULL;
  const char *policy;
  const char *ext;
  const char *part;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (kind < LL_N_EXPORT_KINDS, NULL);

  policy = ll_policy_get_info (config->policy.kind)->name;
  target = ll_export_format_target (config);

  switch (format)
    {
    case LL_EXPORT_SVG:
      ext = "svg";
      break;
    case LL_EXPORT_PDF:
      ext = "pdf";
      break;
    case LL_EXPORT_PNG:
    default:
      ext = "png";
      break;
    }

  switch (kind)
    {
    case LL_EXPORT_KIND_EVENTS:
      part = "events";
      ext = "csv";
      break;
    case LL_EXPORT_KIND_SAMPLES:
      part = "samples";
      ext = "csv";
      break;
    case LL_EXPORT_KIND_CONTENTS:
      part = "contents";
      ext = "csv";
      break;
    case LL_EXPORT_KIND_SCRIPT:
      /* The name the notebook's readers run it by. */
      return g_strdup ("reproduce.py");
    case LL_EXPORT_KIND_CHART:
      part = what < LL_N_CHARTS ? ll_chart_kind_get_name (what) : what == LL_EXPORT_ALL_CHARTS ? "charts" : "chart";
      break;
    case LL_EXPORT_KIND_REPORT:
    case LL_N_EXPORT_KINDS:
    default:
      part = "report";
      break;
    }

  return g_strdup_printf ("listlab-%s-%s-%s.%s", policy, target, part, ext);
}
