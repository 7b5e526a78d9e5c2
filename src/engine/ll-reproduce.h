/* ll-reproduce.h — reproduce.py: a run's experiment in plain Python
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-run-config.h"

G_BEGIN_DECLS

/* The script that grows @config's list to @final_length as the run did and
 * prints each reallocation: the notebook's line ("Memory used after
 * appending element 2500002: 193.119 MB, added 21.458 MB"), or with --csv
 * the first six columns of the events CSV, row for row. A real list for a
 * CPython policy of Python objects when the interpreter is that CPython;
 * the policy's rule otherwise. @title names the run in its first lines. */
char *ll_reproduce_script (const LlRunConfig *config,
                           guint64            final_length,
                           const char        *title);

G_END_DECLS
