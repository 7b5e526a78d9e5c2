/* ll-run-private.h — what the run's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-run.h"

G_BEGIN_DECLS

struct _LlRun
{
  GObject        parent_instance;

  guint          id;
  LlRunKind      kind;
  LlRunConfig    config;
  char          *title;
  char          *source;        /* interpreter runs: "Python 3.11.7" */
  gboolean       renamed;       /* the title is the user's */
  guint          ordinal;       /* 2, 3…: after runs of the same name; 0, 1: none */
  LlHistory     *history;
  LlEngine      *engine;        /* real runs */
  GCancellable  *cancellable;   /* the simulation and the estimate */

  /* A simulation's own state; a real run's is its engine's. */
  LlEngineState  sim_state;     /* atomic: a worker computes the simulation */
  LlStopReason   sim_stop;
  GError        *sim_error;
  guint64        sim_elapsed_ns;
  guint64        sim_metric;    /* the target's figure reached so far (atomic) */

  /* A run read back from a file: its figures at its end, as saved. */
  gboolean       saved;
  LlEngineStatus saved_status;

  LlEngineState  shown_state;   /* what "state" last notified */
  gboolean       releasing;

  double         rate;
  guint64        rate_elapsed_ns;
  guint64        rate_length;
  guint64        final_length;  /* estimated; 0 until known */

  /* How a list of runs shows it. */
  guint          style;
  gboolean       visible;
  LlHistoryView *view;          /* the main thread's copy of the history */
};

G_END_DECLS
