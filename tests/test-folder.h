/* test-folder.h — scratch folders for the tests of every layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new empty folder; remove_folder () empties and removes it. */
char  *make_folder        (void);
void   remove_folder      (const char *path);
/* The names in the folder, sorted; the same joined by spaces: "a.csv b.png". */
char **folder_names       (const char *path);
char  *list_folder        (const char *path);

G_END_DECLS
