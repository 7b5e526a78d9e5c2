/* main.c — starts List Lab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ll-application.h"
#include "ll-output.h"
#include "ll-renderer.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LlApplication) app = NULL;
  const char *localedir = g_getenv ("LISTLAB_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  /* Tests and `meson devenv` point this at the build tree's translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Before any window: without a GPU, draw with cairo rather than with
   * OpenGL on the CPU. No display (--help in a terminal): nothing to do. */
  if (gtk_init_check ())
    {
      g_autofree char *software = ll_renderer_choose (gdk_display_get_default ());

      if (software != NULL)
        g_debug ("OpenGL is drawn on the CPU here (%s): drawing with cairo", software);
    }

  app = ll_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  /* Every export was cancelled and waited for on the way out; one that a
   * hung file system still holds past that wait leaves no temporary file
   * behind either. */
  ll_output_remove_temporary_files ();

  return status;
}
