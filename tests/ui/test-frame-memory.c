/* test-frame-memory.c — a window's frames reach the X server through
 * shared memory that stays mapped
 *
 * The tests draw with cairo under Xvfb (GSK_RENDERER=cairo): frames go to
 * the X server as ll-frame-memory.c says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/resource.h>
#ifdef LL_HAVE_X11_FRAMES
# include <gdk/x11/gdkx.h>
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

static gsize
surface_bytes (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int scale = gdk_surface_get_scale_factor (surface);

  return (gsize) gdk_surface_get_width (surface) * scale *
         (gsize) gdk_surface_get_height (surface) * scale * 4;
}

/* Room for a frame of the whole window from when it is realized, made
 * again when it grows, none once it is gone. */
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
  g_assert_cmpuint (ll_frame_memory_get_size (GTK_WINDOW (window)), ==, 0);

  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 3);
  first = ll_frame_memory_get_size (GTK_WINDOW (window));
  g_assert_cmpuint (first, >=, 320 * 240 * 4);
  g_assert_cmpuint (first, ==, surface_bytes (window));

  /* Grown: the room grows with it. */
  gtk_widget_set_size_request (child, 640, 480);
  wait_frames (window, 5);
  g_assert_cmpuint (surface_bytes (window), >, first);
  g_assert_cmpuint (ll_frame_memory_get_size (GTK_WINDOW (window)), ==, surface_bytes (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_realized (window));
  g_assert_cmpuint (ll_frame_memory_get_size (GTK_WINDOW (window)), ==, 0);
  g_object_unref (window);

  /* Kept from then on when asked for once it is realized. */
  window = g_object_ref_sink (gtk_window_new ());
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 3);
  ll_frame_memory_keep (GTK_WINDOW (window));
  g_assert_cmpuint (ll_frame_memory_get_size (GTK_WINDOW (window)), ==, surface_bytes (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static void
draw_shade (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  const double *shade = data;

  cairo_set_source_rgb (cr, *shade, 1 - *shade, 0.5);
  cairo_paint (cr);
}

static long
thread_faults (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_THREAD, &usage), ==, 0);
  return usage.ru_minflt;
}

/* The page faults of frames that repaint most of a window, each after a
 * frame that repaints a strip of it, as a run's first frame comes after
 * frames of the charts alone. */
static long
faults_of_large_frames (gboolean keep)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *large = gtk_drawing_area_new ();
  GtkWidget *strip = gtk_drawing_area_new ();
  double large_shade = 0, strip_shade = 0;
  long faults = 0;

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (large), 800);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (large), 560);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (large), draw_shade, &large_shade, NULL);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (strip), 300);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (strip), 40);
  gtk_widget_set_halign (strip, GTK_ALIGN_START);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (strip), draw_shade, &strip_shade, NULL);
  gtk_box_append (GTK_BOX (box), large);
  gtk_box_append (GTK_BOX (box), strip);
  gtk_window_set_child (GTK_WINDOW (window), box);
  if (keep)
    ll_frame_memory_keep (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (window, 3);

  for (guint i = 0; i < 6; i++)
    {
      long before;

      strip_shade = 1 - strip_shade;
      gtk_widget_queue_draw (strip);
      wait_frames (window, 2);

      large_shade = (i + 1) / 8.0;
      gtk_widget_queue_draw (large);
      before = thread_faults ();
      wait_frames (window, 2);
      /* (the first maps its memory once) */
      if (i > 0)
        faults += thread_faults () - before;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (50);
  return faults;
}

/* Without the kept memory, large frames map fresh shared memory now and
 * then and fault in its pages (a frame of 800 × 560 px writes 437 pages;
 * Xvfb here: 438 to 534 faults over the five frames); with it, they stay
 * mapped. */
static void
test_no_faults (void)
{
  long alone, kept;

  if (skip_unless_x11 ())
    return;

  alone = faults_of_large_frames (FALSE);
  kept = faults_of_large_frames (TRUE);
  g_test_message ("page faults of 5 large frames: %ld alone, %ld kept", alone, kept);
  if (alone < 100)
    {
      g_test_skip ("Frames reach this X server without shared memory");
      return;
    }
  g_assert_cmpint (kept, <, alone / 5);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/frame-memory/size", test_size);
  g_test_add_func ("/ui/frame-memory/no-faults", test_no_faults);

  return g_test_run ();
}
