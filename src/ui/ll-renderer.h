/* ll-renderer.h — drawing in software where there is no GPU
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether @gl_renderer, an OpenGL driver's GL_RENDERER string, names a
 * driver that rasterises on the CPU (Mesa's llvmpipe, softpipe, …). */
gboolean     ll_renderer_is_software     (const char *gl_renderer);

/* Before the first window: where OpenGL is drawn on the CPU, GTK's cairo
 * renderer is asked for instead, unless GSK_RENDERER already names one.
 * Returns the GL driver's name when it asked (for the log), else NULL. */
char        *ll_renderer_choose          (GdkDisplay *display);

G_END_DECLS
