/* export-test-util.h — runs for the export tests, and scratch folders (test-folder.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-run.h"
#include "test-folder.h"

G_BEGIN_DECLS

/* A simulated run of @policy's appends up to @n elements, not computed
 * yet, in a history of @history_buckets (0: the default). */
LlRun *make_simulation    (LlPolicyKind policy,
                           guint64      n,
                           guint        history_buckets);
/* A finished simulated run of @policy's appends up to @n elements. */
LlRun *make_simulated_run (LlPolicyKind policy,
                           guint64      n);
/* A finished real run of @element up to @n elements, its list held. */
LlRun *make_real_run      (LlElement   element,
                           guint64     n);
/* The file's lines, each with its newline checked and cut. */
char **read_lines         (const char *path);

G_END_DECLS
