/* test-folder.h — scratch folders for the tests of every layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new empty folder; remove_folder () removes it and all below it
 * (links are removed, not followed). */
char  *make_folder        (void);
void   remove_folder      (const char *path);
/* A file's whole contents, or the file made to hold @contents; either
 * fails the test when it cannot. */
char  *read_test_file     (const char *path,
                           gsize      *length);
void   write_test_file    (const char *path,
                           const char *contents,
                           gssize      length);
/* The names in the folder, sorted; the same joined by spaces: "a.csv b.png". */
char **folder_names       (const char *path);
char  *list_folder        (const char *path);

G_END_DECLS
