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
  gboolean initial_fits; /* the initial list alone (none: TRUE) is within the budget */
} LlFit;

/* Plans @config against @info, counting @reclaimable bytes that a list
 * still held will give back before the run starts. */
void     ll_fit_plan             (LlFit             *fit,
                                  const LlRunConfig *config,
                                  const LlMemInfo   *info,
                                  guint64            reclaimable);

/* @config with the largest target that fits (@fit's, planned for
 * @config) in @fitting, as it is shown and typed: a size rounded down to
 * what its text says (ll_run_config_round_target_down ()). */
void     ll_fit_get_fitting      (const LlFit       *fit,
                                  const LlRunConfig *config,
                                  LlRunConfig       *fitting);

/* Why a run that does not fit does not, in a few plain sentences: the
 * target counts the whole capacity while only written slots take memory,
 * what the system can spare and keeps, and the largest target that fits. */
char    *ll_fit_describe         (const LlFit       *fit,
                                  const LlRunConfig *config);

/* The next growth of a running list, against the memory free now. */
typedef struct
{
  guint64  length;       /* the length whose append makes the list grow */
  guint64  old_capacity;
  guint64  new_capacity;
  guint64  need;         /* more bytes than now: the new block, or what it
                          * adds when the block grows in place */
  guint64  room;         /* what is free above the reserve now */
  gboolean reaches_target; /* the growth that reaches the target: the run ends
                          * with its append, the rest of the block is
                          * reserved but never written */
  guint64  writes;       /* what the run writes from now through that growth,
                          * as the engine asks room for it: the rest of the
                          * block, the new slots and the objects up to the
                          * growth after (with @reaches_target, up to its
                          * append) */
  gboolean fits;         /* writes <= room */
} LlForecast;

/* The next growth of @config's list at @length elements in @capacity
 * slots, given @available bytes free and the @reserve kept: FALSE when it
 * never grows again (the target comes first). */
gboolean ll_fit_next_growth     (LlForecast        *forecast,
                                  const LlRunConfig *config,
                                  guint64            length,
                                  guint64            capacity,
                                  guint64            available,
                                  guint64            reserve);

/* The same growth past the target: what one more append would cost a
 * list whose run has ended. FALSE when the policy never grows again. */
gboolean ll_fit_growth_after    (LlForecast        *forecast,
                                  const LlRunConfig *config,
                                  guint64            length,
                                  guint64            capacity,
                                  guint64            available,
                                  guint64            reserve);

G_END_DECLS
