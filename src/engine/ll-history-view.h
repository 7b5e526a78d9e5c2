/* ll-history-view.h — a reader's own copy of a history, brought up to date
 * with only what is new
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-history.h"

G_BEGIN_DECLS

/* Reader side: a view is a private copy for one reader (e.g. the UI thread),
 * brought up to date by copying only what is new since its last update
 * (everything again only after the history merged its buckets). */
LlHistoryView           *ll_history_view_new       (void);
void                     ll_history_view_free      (LlHistoryView   *view);
/* Returns TRUE when anything changed. */
gboolean                 ll_history_view_update    (LlHistoryView   *view,
                                                    LlHistory       *history);
void                     ll_history_view_clear     (LlHistoryView   *view);
const LlEventBucket     *ll_history_view_get_events  (const LlHistoryView *view,
                                                      gsize               *n_buckets);
const LlSampleBucket    *ll_history_view_get_samples (const LlHistoryView *view,
                                                      gsize               *n_buckets);
/* The same buckets, every LL_HISTORY_COARSE of them joined into one (the
 * last one as far as it goes): a chart with many buckets per pixel column
 * reads these instead. */
#define LL_HISTORY_COARSE 8
const LlEventBucket     *ll_history_view_get_coarse_events  (const LlHistoryView *view,
                                                             gsize               *n_buckets);
const LlSampleBucket    *ll_history_view_get_coarse_samples (const LlHistoryView *view,
                                                             gsize               *n_buckets);
const LlHistoryCounters *ll_history_view_get_counters (const LlHistoryView *view);
/* The times of every bucket as a chart of the whole run reads them: the
 * coarse bucket of every whole group, then the fine ones after the last.
 * Kept up to date as buckets arrive, so no frame reads them all. */
const LlEventTimes      *ll_history_view_get_event_times (const LlHistoryView *view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlHistoryView, ll_history_view_free)

G_END_DECLS
