/* ll-cli-verify.h — listlab-cli verify: the same growth in the real interpreter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

G_BEGIN_DECLS

int ll_cli_verify (int    argc,
                   char **argv);

G_END_DECLS
