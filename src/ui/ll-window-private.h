/* ll-window-private.h — what the window's files share: its state, and the
 * few things each of them does to the rest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-export-controller.h"
#include "ll-run-files.h"
#include "ll-run-set.h"
#include "ll-window.h"

G_BEGIN_DECLS

struct _LlWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwFlap              *flap;
  GtkToggleButton      *sidebar_button;
  GtkStack             *run_button_stack;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *export_button;
  LlExportBar          *export_bar;
  GtkMenuButton        *primary_menu_button;
  LlControls           *controls;
  GtkLabel             *status_label;
  GtkLabel             *status_detail;
  GtkLabel             *status_detail_ending;    /* measured, never shown */
  GtkLabel             *status_detail_released;  /* measured, never shown */
  GtkStack             *release_stack;
  LlSummaryView        *summary;
  LlChartBoard         *board;

  /* the run */
  LlRun                *run;
  gboolean              run_pending;      /* shown as running, starts after the next paint */
  gboolean              forecast_warned;  /* the run was told its next growth does not fit */
  GdkFrameClock        *start_clock;
  gulong                start_paint_id;
  guint                 start_timeout_id;
  LlHistoryView        *view;
  guint                 tick_id;
  guint                 idle_probe_id;    /* waits at the default idle priority */
  gint64                idle_probe_us;
  gint64                run_start_us;
  gint64                last_summary_us;
  LlUnits               units;
  guint64               total_bytes;
  guint64               reserve_bytes;
  guint64               idle_available_bytes;
  guint64               idle_limit_bytes;
  guint                 idle_memory_id;     /* reads them again while shown */

  guint                 compare_progress_id;  /* polls comparisons being computed */

  GCancellable         *cancellable;
  gboolean              releasing;
  LlRun                *start_after_release;  /* the next run, once the list is freed */
  guint                 sampler_id;
  gint64                sampler_end_us;

  LlMemProbeFunc        mem_probe;
  gpointer              mem_probe_data;

  gboolean              start_when_mapped;
  guint                 start_when_idle_id;

  LlExportController   *exporter;
  LlRunFiles           *files;

  LlRunSet             *runs;       /* the current run and those kept to compare */
  AdwToast             *open_toast; /* "Opened … runs", while shown: files opened meanwhile add to it */
  guint                 open_toast_runs;
  guint                 open_toast_files;
  guint                 shown_group;       /* the files the run shown came with … */
  guint                 shown_group_runs;  /* … and its file's runs, for their toast */
  GPtrArray            *series_names;  /* the names the charts' series point at */
  GPtrArray            *removed;       /* the runs last removed, in that order … */
  GArray               *removed_at;    /* … and where each stood, for Undo */
  AdwToast             *removed_toast;
};

/* ll-window.c */
gboolean  ll_window_read_memory     (LlWindow   *self,
                                     LlMemInfo  *info);
/* A run going on, or a list being freed: no other run starts now. */
gboolean  ll_window_is_busy         (LlWindow   *self);
/* A short message over the content, for 5 s. */
void      ll_window_toast           (LlWindow   *self,
                                     const char *text);
/* The heading, and the window's title that screen readers announce. */
void      ll_window_set_status      (LlWindow   *self,
                                     const char *title,
                                     const char *detail);
void      ll_window_update_actions  (LlWindow   *self);
/* The charts draw the current run on top and every other run shown. */
/* @live: during a run, every frame (ll_chart_board_set_live_data ()). */
void      ll_window_push_chart_data (LlWindow   *self,
                                     gboolean    live);
void      ll_window_on_runs_changed (LlWindow   *self);
void      ll_window_update_summary  (LlWindow   *self);
/* Lets go of the current run (it stays in the run list). */
void      ll_window_drop_run        (LlWindow   *self);

/* ll-window-run.c: a run's life */
void      ll_window_start_run            (LlWindow *self);
void      ll_window_start_engine         (LlWindow *self);
void      ll_window_cancel_pending_start (LlWindow *self);
void      ll_window_stop_ticking         (LlWindow *self);
void      ll_window_stop_sampler         (LlWindow *self);
/* Frees the list off the main thread; then starts @start_after (taken)
 * if not NULL. */
void      ll_window_release_list         (LlWindow *self,
                                          LlRun    *start_after);
/* What the status's detail says at a run's end, and after a release; and
 * the room it keeps for both. */
char     *ll_window_format_ending        (const char *length,
                                          const char *bytes,
                                          const char *elapsed);
const char *ll_window_released_detail    (void);
void      ll_window_init_status          (LlWindow *self);

/* ll-window-runs.c: the runs kept to compare */
void      ll_window_runs_class_init (GtkWidgetClass *widget_class);
void      ll_window_runs_init       (LlWindow       *self);
void      ll_window_runs_dispose    (LlWindow       *self);
void      ll_window_update_compare_progress (LlWindow   *self);

G_END_DECLS
