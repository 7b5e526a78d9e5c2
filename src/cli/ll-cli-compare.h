/* ll-cli-compare.h — listlab-cli compare: policies side by side, without allocating
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `listlab-cli compare`: simulates each policy, prints the comparison
 * table (or writes it as CSV) and draws the runs together. */
int ll_cli_compare (int    argc,
                    char **argv);

G_END_DECLS
