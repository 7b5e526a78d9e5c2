/* export-controller-test-util.h — exports from a window as its Export menu makes
 * them, and the pixels of what they wrote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-chart.h"
#include "ll-export-controller.h"
#include "ll-window.h"
#include "ui-test-util.h"

/* Closes every window the test left (dialogs included). */
void                destroy_all    (void);
LlExportController *get_exporter   (LlWindow                   *window);
gboolean            action_enabled (LlWindow                   *window,
                                    const char                 *name);
/* The callback of ll_export_controller_export_to_file (): fills the
 * Outcome at @user_data. */
void                on_exported    (GObject                    *object,
                                    GAsyncResult               *result,
                                    gpointer                    user_data);
/* Exports through the same path as the file chooser's answer. */
gboolean            export_to      (LlWindow                   *window,
                                    LlExportKind                kind,
                                    const char                 *path,
                                    const LlExportImageOptions *options,
                                    GError                    **error);
/* Pixels of @color (within a small tolerance) in an ARGB32 image. */
guint               count_color    (const guchar               *pixels,
                                    int                         width,
                                    int                         height,
                                    int                         stride,
                                    const LlColor              *color);
guint32             pixel_at       (cairo_surface_t            *surface,
                                    int                         x,
                                    int                         y);
