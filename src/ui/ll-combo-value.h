/* ll-combo-value.h — combo rows whose chosen value is shown whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* @row shows its chosen item whole, never cut with "…" (large text, long
 * translations): the row's title and subtitle wrap beside it. Its list
 * shows every item with a check on the chosen one, as a combo row's own
 * does. @row's model holds GtkStringObjects. */
void ll_combo_value_setup (AdwComboRow *row);

G_END_DECLS
