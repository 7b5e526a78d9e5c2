/* settings-test-util.h — the application run as main () runs it, over the
 * settings a test gives it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-application.h"
#include "ll-window.h"
#include "ui-test-util.h"

typedef void (*AppBody) (LlApplication *app,
                         LlWindow      *window,
                         gpointer       data);

/* Runs the main loop until it has nothing left to do. */
void        iterate        (void);
/* Runs the application as main () does, with @args as its options, calls
 * @body once its window is up, then quits it and checks it is gone. */
void        run_app        (const char * const *args,
                            AppBody             body,
                            gpointer            data);
/* The first widget of @type under @root; with @title, the preferences row
 * of that title. */
GtkWidget  *find_titled    (GtkWidget          *root,
                            GType               type,
                            const char         *title);
GtkWindow  *find_toplevel  (GType               type);
void        reset_settings (GSettings          *settings);
/* The application's settings, reset. The application's own GSettings and
 * this one share the process's memory backend, as two programs share dconf. */
GSettings  *new_settings   (void);
/* What main () of each settings test sets first: the icons from the
 * sources, as `meson devenv` does, and no LANGUAGE of the caller's. */
void        settings_test_init (int    *argc,
                                char ***argv);
