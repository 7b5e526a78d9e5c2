/* ll-frame-memory.c — the shared memory a window's frames reach the X server through
 *
 * Where GTK draws a window with cairo on X11 (no OpenGL: ll-renderer.c),
 * each frame goes to the X server through a block of shared memory that
 * cairo takes from segments it attaches to the server. A frame larger
 * than the free blocks of every segment gets a new segment, and a segment
 * none of whose blocks is in use is detached at the next frame. So a frame
 * larger than the ones just before it attaches a fresh segment and faults
 * in every page it writes: the frame that shows a run beginning, where
 * the header, the status and the charts all change at once (some 850
 * page faults at 1200 × 800 after frames of the charts alone), or every
 * frame of a window made larger (some 9,900 page faults in twelve
 * resizes between 900 × 650 and 1200 × 800; 870 now).
 *
 * A window here holds one image as large as itself, from cairo's shared
 * memory, and never draws into it. The segment it lies in then stays
 * attached with room beside it for any of the window's frames, and their
 * pages stay mapped from one frame to the next. Its own pages are never
 * written, so they take no memory. When the window grows, the image is
 * made again at the new size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ll-frame-memory.h"

#ifdef LL_HAVE_X11_FRAMES
# include <cairo-xlib.h>
# include <gdk/x11/gdkx.h>
#endif

#define KEPT_KEY "ll-frame-memory"

typedef struct
{
  cairo_surface_t *image;  /* from the display's shared memory; never drawn */
  gsize            bytes;  /* its size: the largest frame it makes room for */
} Kept;

static void
kept_free (gpointer data)
{
  Kept *kept = data;

  g_clear_pointer (&kept->image, cairo_surface_destroy);
  g_free (kept);
}

#ifdef LL_HAVE_X11_FRAMES
static void
make_room (Kept       *kept,
           GdkSurface *surface)
{
  GdkDisplay *display = gdk_surface_get_display (surface);
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  int scale = gdk_surface_get_scale_factor (surface);
  int width = gdk_surface_get_width (surface) * scale;
  int height = gdk_surface_get_height (surface) * scale;
  gsize bytes = (gsize) MAX (width, 0) * (gsize) MAX (height, 0) * 4;
  cairo_surface_t *root, *image;

  if (bytes <= kept->bytes)
    return;

  /* Any drawable of the display will do: the shared memory is the
   * display's, and a similar image is made from it where it can be. */
  root = cairo_xlib_surface_create (xdisplay, gdk_x11_display_get_xrootwindow (display),
                                    DefaultVisual (xdisplay, DefaultScreen (xdisplay)), 1, 1);
  image = cairo_surface_create_similar_image (root, CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_destroy (root);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (image);
      return;
    }

  g_clear_pointer (&kept->image, cairo_surface_destroy);
  kept->image = image;
  kept->bytes = bytes;
}

static void
on_layout (GdkSurface *surface,
           int         width,
           int         height,
           GtkWidget  *window)
{
  Kept *kept = g_object_get_data (G_OBJECT (window), KEPT_KEY);

  if (kept != NULL)
    make_room (kept, surface);
}
#endif

static void
on_realize (GtkWidget *window)
{
#ifdef LL_HAVE_X11_FRAMES
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Kept *kept;

  if (!GDK_IS_X11_SURFACE (surface) ||
      !GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (window))))
    return;

  kept = g_new0 (Kept, 1);
  g_object_set_data_full (G_OBJECT (window), KEPT_KEY, kept, kept_free);
  g_signal_connect_object (surface, "layout", G_CALLBACK (on_layout), window, 0);
  make_room (kept, surface);
#endif
}

static void
on_unrealize (GtkWidget *window)
{
  g_object_set_data (G_OBJECT (window), KEPT_KEY, NULL);
}

void
ll_frame_memory_keep (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  g_signal_connect (window, "unrealize", G_CALLBACK (on_unrealize), NULL);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window));
}

gconstpointer
ll_frame_memory_get_kept (GtkWindow *window,
                          gsize     *size)
{
  Kept *kept;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  kept = g_object_get_data (G_OBJECT (window), KEPT_KEY);
  if (size != NULL)
    *size = kept != NULL ? kept->bytes : 0;
  return kept != NULL && kept->image != NULL ? cairo_image_surface_get_data (kept->image) : NULL;
}
