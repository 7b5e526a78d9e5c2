/* ll-reserve-row.h — the memory reserve, typed as "auto" or a size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-mem.h"
#include "ll-size.h"

G_BEGIN_DECLS

#define LL_TYPE_RESERVE_ROW (ll_reserve_row_get_type ())

G_DECLARE_FINAL_TYPE (LlReserveRow, ll_reserve_row, LL, RESERVE_ROW, AdwActionRow)

GtkWidget  *ll_reserve_row_new            (void);

/* The field the reserve is typed in, and its text. */
GtkEditable *ll_reserve_row_get_editable  (LlReserveRow   *self);
void        ll_reserve_row_set_text       (LlReserveRow   *self,
                                           const char     *text);

/* The reserve typed (LL_RESERVE_DEFAULT for "auto"), or FALSE and why. */
gboolean    ll_reserve_row_get_reserve    (LlReserveRow   *self,
                                           guint64        *reserve,
                                           GError        **error);
/* What the reserve means, or what is wrong with it: the "message"
 * property, shown under the row by its form. "valid" says which. */
const char *ll_reserve_row_get_message    (LlReserveRow   *self);
gboolean    ll_reserve_row_get_valid      (LlReserveRow   *self);
/* The units of the message's sizes. */
void        ll_reserve_row_set_units      (LlReserveRow   *self,
                                           LlUnits         units);
/* Saves the text in @settings' "reserve" key, only when a run takes it. */
void        ll_reserve_row_bind           (LlReserveRow   *self,
                                           GSettings      *settings,
                                           GSettingsBindFlags flags);

G_END_DECLS
