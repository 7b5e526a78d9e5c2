/* ll-renderer.c — drawing in software where there is no GPU
 *
 * In a virtual machine, or a desktop without GPU drivers, OpenGL is Mesa's
 * llvmpipe: GTK's GL renderer then rasterises the whole window on the
 * CPU at every frame, with threads of its own, on the cores a run needs
 * to grow its list. GTK's cairo renderer draws only what changed, on the
 * main thread. Measured on two cores with a 4 GiB run, the window kept
 * every frame on time with cairo and lost about half of them with
 * llvmpipe, and the run went at half its speed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "ll-renderer.h"

gboolean
ll_renderer_is_software (const char *gl_renderer)
{
  static const char * const software[] = {
    "llvmpipe", "softpipe", "Software Rasterizer", "SWR", "lavapipe",
  };

  if (gl_renderer == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (gl_renderer, software[i]) != NULL)
      return TRUE;
  return FALSE;
}

char *
ll_renderer_choose (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  /* The user's (or a test's) choice stands. */
  if (g_getenv ("GSK_RENDERER") != NULL)
    return NULL;

  /* No OpenGL at all: GTK draws with cairo by itself. */
  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;

  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *) glGetString (GL_RENDERER));
  gdk_gl_context_clear_current ();

  if (!ll_renderer_is_software (name))
    return NULL;
  /* GTK reads it when it makes the first window's renderer. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return g_steal_pointer (&name);
}
