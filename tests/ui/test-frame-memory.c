/* test-frame-memory.c — a window keeps the shared memory its frames reach
 * the X server through
 *
 * The tests draw with cairo under Xvfb (GSK_RENDERER=cairo): frames go to
 * the X server as ll-frame-memory.c says. What it saves is measured by
 * bench-ui -v: the page faults of the frame that shows a run beginning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#ifdef LL_HAVE_X11_FRAMES
# include <gdk/x11/gdkx.h>
# include <X11/extensions/XShm.h>
#endif

#include "ll-frame-memory.h"
#include "ui-test-util.h"

static gboolean
skip_unless_x11 (void)
{
#ifdef LL_HAVE_X11_FRAMES
  if (GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    return FALSE;
#endif
  g_test_skip ("Frames are kept in shared memory on X11 only");
  return TRUE;
}

/* A frame of the whole window, in bytes. */
static gsize
surface_bytes (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int scale = gdk_surface_get_scale_factor (surface);

  return (gsize) gdk_surface_get_width (surface) * scale *
         (gsize) gdk_surface_get_height (surface) * scale * 4;
}

static gsize
kept_size (GtkWidget *window)
{
  gsize size = 12345;

  ll_frame_memory_get_kept (GTK_WINDOW (window), &size);
  return size;
}

/* As large as the window from when it is realized, made again when it
 * grows, none once it is gone. */
static void
test_size (void)
{
  GtkWidget *window, *child;
  gsize first;

  if (skip_unless_x11 ())
    return;

  window = g_object_ref_sink (gtk_window_new ());
  child = gtk_drawing_area_new ();
  gtk_widget_set_size_request (child, 320, 240);
  gtk_window_set_child (GTK_WINDOW (window), child);
  ll_frame_memory_keep (GTK_WINDOW (window));
  g_assert_null (ll_frame_memory_get_kept (GTK_WINDOW (window), NULL));
  g_assert_cmpuint (kept_size (window), ==, 0);

  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 3);
  first = kept_size (window);
  g_assert_nonnull (ll_frame_memory_get_kept (GTK_WINDOW (window), NULL));
  g_assert_cmpuint (first, >=, 320 * 240 * 4);
  g_assert_cmpuint (first, ==, surface_bytes (window));

  /* Grown: so is it. */
  gtk_widget_set_size_request (child, 640, 480);
  wait_frames (window, 5);
  g_assert_cmpuint (surface_bytes (window), >, first);
  g_assert_cmpuint (kept_size (window), ==, surface_bytes (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_realized (window));
  g_assert_null (ll_frame_memory_get_kept (GTK_WINDOW (window), NULL));
  g_assert_cmpuint (kept_size (window), ==, 0);
  g_object_unref (window);

  /* Kept from then on when asked for once it is realized. */
  window = g_object_ref_sink (gtk_window_new ());
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 3);
  ll_frame_memory_keep (GTK_WINDOW (window));
  g_assert_cmpuint (kept_size (window), ==, surface_bytes (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* The size of the System V shared memory mapping @address lies in, 0 if
 * it lies in none. */
static gsize
shared_mapping_size (gconstpointer address)
{
  g_autofree char *maps = NULL;
  g_auto(GStrv) lines = NULL;
  guintptr at = GPOINTER_TO_SIZE (address);

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  lines = g_strsplit (maps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      unsigned long start, end;

      if (strstr (lines[i], "/SYSV") != NULL &&
          sscanf (lines[i], "%lx-%lx", &start, &end) == 2 &&
          start <= at && at < end)
        return end - start;
    }
  return 0;
}

/* It lies in memory the process shares with the X server, in a segment
 * with room beside it for a frame of the whole window: the room frames
 * are given when they are larger than the ones before. */
static void
test_shared (void)
{
  GtkWidget *window;
  gconstpointer kept;
  gsize size, mapping;

  if (skip_unless_x11 ())
    return;
#ifdef LL_HAVE_X11_FRAMES
  if (!XShmQueryExtension (gdk_x11_display_get_xdisplay (gdk_display_get_default ())))
    {
      g_test_skip ("This X server takes frames without shared memory");
      return;
    }
#endif

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  ll_frame_memory_keep (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 3);

  kept = ll_frame_memory_get_kept (GTK_WINDOW (window), &size);
  g_assert_nonnull (kept);
  mapping = shared_mapping_size (kept);
  g_test_message ("%" G_GSIZE_FORMAT " bytes kept in a segment of %" G_GSIZE_FORMAT, size, mapping);
  g_assert_cmpuint (mapping, >=, 2 * size);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/frame-memory/size", test_size);
  g_test_add_func ("/ui/frame-memory/shared", test_shared);

  return g_test_run ();
}
