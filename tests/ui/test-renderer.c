/* test-renderer.c — cairo where OpenGL would be drawn on the CPU
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "ll-renderer.h"
#include "ui-test-util.h"

/* The drivers Mesa draws with on the CPU, by the names they give; GPUs
 * (whose names may mention LLVM, the compiler) are not among them. */
static void
test_is_software (void)
{
  static const struct {
    const char *name;
    gboolean software;
  } drivers[] = {
    { "llvmpipe (LLVM 15.0.6, 256 bits)", TRUE },
    { "softpipe", TRUE },
    { "Software Rasterizer", TRUE },
    { "Gallium 0.4 on SWR", TRUE },
    { "AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)", FALSE },
    { "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", FALSE },
    { "NVIDIA GeForce GTX 1650/PCIe/SSE2", FALSE },
    { "virgl (Intel(R) Iris(R) Xe Graphics)", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (drivers); i++)
    {
      g_test_message ("%s", drivers[i].name != NULL ? drivers[i].name : "(none)");
      g_assert_cmpint (ll_renderer_is_software (drivers[i].name), ==, drivers[i].software);
    }
}

/* A renderer already named stays; with OpenGL turned off there is nothing
 * to ask, and GTK's own choice (cairo) stands. */
static void
test_choose (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *kept = g_strdup (g_getenv ("GSK_RENDERER"));

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_null (ll_renderer_choose (display));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");

  /* The test runs with GDK_DEBUG=gl-disable. */
  g_unsetenv ("GSK_RENDERER");
  g_assert_null (ll_renderer_choose (display));
  g_assert_null (g_getenv ("GSK_RENDERER"));

  if (kept != NULL)
    g_setenv ("GSK_RENDERER", kept, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/renderer/is-software", test_is_software);
  g_test_add_func ("/ui/renderer/choose", test_choose);

  return g_test_run ();
}
