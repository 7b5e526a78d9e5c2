/* ll-run-files.h — a window's runs saved to a file and opened again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-window.h"

G_BEGIN_DECLS

#define LL_TYPE_RUN_FILES (ll_run_files_get_type ())

G_DECLARE_FINAL_TYPE (LlRunFiles, ll_run_files, LL, RUN_FILES, GObject)

/* Adds the "files" action group to @window: files.open (a file chooser),
 * files.save (every run that ended, to a file chosen). The window's runs
 * opened come to ll_window_add_runs (). */
LlRunFiles *ll_run_files_new          (LlWindow             *window);
/* The window goes: reading stops, and a file being saved is still put in
 * place whole, with nothing more said. */
void        ll_run_files_shutdown     (LlRunFiles           *self);
/* Enables what can be saved now; the window calls it when its runs change. */
void        ll_run_files_update       (LlRunFiles           *self);

/* Reads @file off the main thread and gives its runs to the window; a file
 * that cannot be opened says why in a dialog. Also for drag and drop and
 * the command line. */
void        ll_run_files_open         (LlRunFiles           *self,
                                       GFile                *file,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean    ll_run_files_open_finish  (LlRunFiles           *self,
                                       GAsyncResult         *result,
                                       GError              **error);
/* Opens @files as ll_run_files_open() does; their runs join in the order
 * of @files, however long each takes to read. */
void        ll_run_files_open_together (LlRunFiles          *self,
                                        GFile              **files,
                                        guint                n_files);
/* Saves every run that ended (newest first, as the run list shows them)
 * to @file off the main thread; the window tells how it went. */
void        ll_run_files_save         (LlRunFiles           *self,
                                       GFile                *file,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean    ll_run_files_save_finish  (LlRunFiles           *self,
                                       GAsyncResult         *result,
                                       GError              **error);
/* The "files" actions, to see what is enabled. */
GActionGroup *ll_run_files_get_actions (LlRunFiles          *self);

G_END_DECLS
