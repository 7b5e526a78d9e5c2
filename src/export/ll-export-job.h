/* ll-export-job.h — one export: a snapshot of a run, written atomically, off the main thread if need be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-chart.h"
#include "ll-export-image.h"
#include "ll-output.h"
#include "ll-report.h"
#include "ll-run.h"

G_BEGIN_DECLS

typedef enum
{
  LL_EXPORT_KIND_EVENTS,    /* reallocation events, CSV */
  LL_EXPORT_KIND_SAMPLES,   /* memory samples, CSV */
  LL_EXPORT_KIND_CONTENTS,  /* the list's values, one a line */
  LL_EXPORT_KIND_CHART,     /* one chart as PNG, SVG or PDF */
  LL_EXPORT_KIND_REPORT,    /* the one-page report as PDF or PNG */
  LL_EXPORT_KIND_SCRIPT,    /* reproduce.py: the experiment in plain Python */
  LL_N_EXPORT_KINDS
} LlExportKind;

/* Called on the worker thread after each block of the contents. */
typedef void (*LlExportProgressHook) (guint64  done,
                                      guint64  total,
                                      gpointer user_data);

/* Everything an export needs, copied on the main thread before the worker
 * starts, so that a run going on meanwhile changes nothing in the file. */
typedef struct
{
  LlExportKind          kind;
  char                 *path;
  LlOutput             *output;         /* set by the caller: written into, not
                                         * committed (aborted on failure) */
  LlRunConfig           config;         /* the run's, for the file's name */

  /* events, samples, chart, report: a private copy of the history */
  LlHistoryView        *view;
  guint                 style;          /* the run's among others (ll_export_job_add_run) */
  GPtrArray            *others;         /* charts: other runs drawn with it */
  LlChartSeries        *series;         /* what the charts draw (built when asked) */

  /* chart, report */
  guint                 what;           /* LlChartKind or LL_EXPORT_REPORT */
  LlExportFormat        format;
  double                width;          /* pixels for PNG, points otherwise */
  double                height;
  LlChartOptions        options;
  guint                 slot_bytes;
  char                 *title;
  char                 *short_title;    /* beside other runs */
  char                 *stop_message;
  GPtrArray            *settings_rows;  /* LlSummaryRow * */
  GPtrArray            *result_rows;
  LlUnits               units;
  guint64               free_bytes;     /* "fits in free memory" against */
  LlComparison          figures;        /* the report compares it with the others */
  LlReportRun          *report_runs;

  /* contents */
  LlRun                *run;
  guint64               n_elements;
  guint64               memory_bytes;   /* container + objects */

  /* result, valid once the worker succeeded */
  guint64               file_bytes;

  /* for tests: called from the worker after each block of the contents */
  LlExportProgressHook  hook;
  gpointer              hook_data;

  /*< private >*/
  guint64               done;
  guint64               total;
  GMutex                lock;
  GCond                 cond;
  gboolean              worker_done;
} LlExportJob;

LlExportJob *ll_export_job_new          (LlExportKind          kind,
                                         const char           *path);
/* A job for @run, with what it needs copied now, so that the run going on
 * meanwhile changes nothing in the file: the history (charts, report,
 * CSV), the run's settings and figures in @units (charts, report), or the
 * list itself (contents: only once the run ended and while it is held;
 * G_IO_ERROR_BUSY or G_IO_ERROR_CLOSED otherwise). Charts and the report
 * are drawn with @job->options, set by the caller. */
LlExportJob *ll_export_job_new_for_run  (LlExportKind          kind,
                                         const char           *path,
                                         LlRun                *run,
                                         LlUnits               units,
                                         GError              **error);
LlExportJob *ll_export_job_ref          (LlExportJob          *job);
void         ll_export_job_unref        (LlExportJob          *job);

/* Charts draw @run beside the job's own, in @run's style (copied now);
 * with other runs the job's own run draws in its @style. */
void         ll_export_job_add_run        (LlExportJob        *job,
                                           LlRun              *run,
                                           guint               style);

/* What the job's charts and report draw: @series, the job's copy of the
 * run's history, in @data; the report's words in @info. Valid as long as
 * the job. */
void         ll_export_job_get_chart_data (LlExportJob        *job,
                                           LlChartSeries      *series,
                                           LlChartData        *data,
                                           LlReportInfo       *info);

/* Writes the file atomically on the calling thread: the destination is
 * replaced only by a complete new file, and on any failure (cancelled
 * included) it is left as it was and no temporary file stays behind. Every
 * error message names the file. With @job->output set, writes into that
 * and leaves the commit to the caller, who commits several together. */
gboolean     ll_export_job_run          (LlExportJob          *job,
                                         GCancellable         *cancellable,
                                         GError              **error);
/* The same on a worker thread. */
void         ll_export_job_run_async    (LlExportJob          *job,
                                         gpointer              source_object,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean     ll_export_job_run_finish   (GAsyncResult         *result,
                                         GError              **error);
LlExportJob *ll_export_job_from_result  (GAsyncResult         *result);

/* Elements written so far and of how many (contents); safe from any
 * thread. */
void         ll_export_job_get_progress (LlExportJob          *job,
                                         guint64              *done,
                                         guint64              *total);
/* Blocks until a worker started by ll_export_job_run_async () returned, or
 * @timeout_ms passed; FALSE on timeout. */
gboolean     ll_export_job_wait         (LlExportJob          *job,
                                         guint                 timeout_ms);

/* "listlab-cpython-10GB-events.csv": the run's policy and target, what is
 * exported and the format's extension. */
char        *ll_export_default_name     (const LlRunConfig    *config,
                                         LlExportKind          kind,
                                         guint                 what,
                                         LlExportFormat        format);
/* "10GB", "2GiB", "1500000B", "20M-elements": the target the shortest
 * exact way, for file names. */
char        *ll_export_format_target    (const LlRunConfig    *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlExportJob, ll_export_job_unref)

G_END_DECLS
