/* ll-policy-row.h — how the policy row shows its choices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The chosen policy's title narrow, its qualifier on a line of its own
 * ("C++ std::vector" over "(libstdc++)"); in the list, every policy with
 * its description and a check on the chosen one. @row's model holds the
 * policies' titles in LlPolicyKind order. */
void ll_policy_row_setup (AdwComboRow *row);

G_END_DECLS
