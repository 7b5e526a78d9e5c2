/* ll-fit.h — does a run fit in the memory the system can spare?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-mem.h"
#include "ll-run-config.h"

G_BEGIN_DECLS

/* A run's plan against the memory free now. */
typedef struct
{
  guint64  peak;         /* bytes the run writes at most (ll_run_config_estimate_peak) */
  guint64  spare;        /* what the system can spare, with what a held list gives back */
  guint64  reclaimable;  /* of which a list still held gives back */
  guint64  reserve;      /* kept free whatever happens */
  guint64  budget;       /* spare - reserve: what the list may take */
  guint64  fitting;      /* the largest target of the run's kind that fits (0: none) */
  gboolean fits;         /* peak <= budget; then fitting is the target */
} LlFit;

/* Plans @config against @info, counting @reclaimable bytes that a list
 * still held will give back before the run starts. */
void     ll_fit_plan             (LlFit             *fit,
                                  const LlRunConfig *config,
                                  const LlMemInfo   *info,
                                  guint64            reclaimable);

/* Why a run that does not fit does not, in a few plain sentences: the
 * target counts the whole capacity while only written slots take memory,
 * what the system can spare and keeps, and the largest target that fits. */
char    *ll_fit_describe         (const LlFit       *fit,
                                  const LlRunConfig *config);

G_END_DECLS
