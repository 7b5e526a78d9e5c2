/* main.c — starts List Lab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ll-application.h"
#include "ll-output.h"

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

  app = ll_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  /* Every export was cancelled and waited for on the way out; one that a
   * hung file system still holds past that wait leaves no temporary file
   * behind either. */
  ll_output_remove_temporary_files ();

  return status;
}
