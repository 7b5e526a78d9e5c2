/* ll-frame-memory.h — the shared memory a window's frames reach the X server through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Keeps a window's frames in memory that stays mapped, once @window is
 * realized, where cairo draws it on X11 (nothing elsewhere). */
void          ll_frame_memory_keep     (GtkWindow *window);
/* Where the pixels of the image @window holds lie, in the shared memory
 * it keeps for its frames, and their @size in bytes (a frame of the whole
 * window's); NULL where it holds none (not X11, not drawn with cairo, not
 * realized). Nothing is drawn into them. */
gconstpointer ll_frame_memory_get_kept (GtkWindow *window,
                                        gsize     *size);

G_END_DECLS
