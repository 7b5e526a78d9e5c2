/* ll-frame-memory.h — the shared memory a window's frames reach the X server through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Keeps a window's frames in memory that stays mapped, once @window is
 * realized, where cairo draws it on X11 (nothing elsewhere). */
void      ll_frame_memory_keep      (GtkWindow *window);
/* The size of the largest frame @window keeps room for, in bytes: 0 where
 * it keeps none (not X11, not drawn with cairo, not realized). */
gsize     ll_frame_memory_get_size  (GtkWindow *window);

G_END_DECLS
