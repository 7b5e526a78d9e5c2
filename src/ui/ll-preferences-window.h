/* ll-preferences-window.h — what a person sets once: reserve, sampling, units, style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LL_TYPE_PREFERENCES_WINDOW (ll_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LlPreferencesWindow, ll_preferences_window, LL, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Every row is bound to @settings (io.github.listlab.ListLab): a change
 * is saved, and applies, as soon as it is made. */
GtkWidget  *ll_preferences_window_new                (GSettings           *settings);
/* The message under the memory reserve, or NULL when the text is valid. */
const char *ll_preferences_window_get_reserve_error  (LlPreferencesWindow *self);

G_END_DECLS
