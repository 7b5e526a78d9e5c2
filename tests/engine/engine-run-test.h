/* engine-run-test.h — runs of the real engine under a memory probe the test controls,
 * and the checks every run must pass
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "engine-test.h"
#include "ll-engine.h"
#include "ll-policy.h"

/* A memory probe the test controls. Every run also carries a safety net:
 * once the process grew by more than rss_limit, it reports no memory at
 * all, so a run that fails to stop is stopped by the reserve instead of
 * taking the machine's memory. */
typedef struct
{
  guint64 total;
  guint64 available;   /* atomic */
  guint64 rss_base;
  guint64 rss_limit;
  gboolean follow_rss; /* available shrinks as the process grows */
  gint fail;           /* atomic */
  gint calls;          /* atomic */
  guint64 lowest;      /* atomic: the least free memory it reported */
  guint64 last;        /* atomic: what it reported last */
} TestProbe;

gint64    time_limit_us     (gint64             us);
void      test_probe_init   (TestProbe         *probe,
                             guint64            available);
void      test_config_init  (LlRunConfig       *config,
                             TestProbe         *probe);
LlEngine *start_engine      (const LlRunConfig *config);
LlEngine *run_engine        (const LlRunConfig *config);
void      wait_for_length   (LlEngine          *engine,
                             guint64            length);
void      check_values      (LlEngine          *engine,
                             guint64            stride);
gsize     check_events      (LlEngine          *engine,
                             gboolean           complete);
void      check_samples     (LlEngine          *engine);
void      add_policy        (GArray            *policies,
                             LlPolicyKind       kind);
