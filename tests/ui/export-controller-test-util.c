/* export-controller-test-util.c — exports from a window as its Export menu makes
 * them, and the pixels of what they wrote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "export-controller-test-util.h"
#include "ui-test-util.h"

/* Closes every window the test left (dialogs included). */
void
destroy_all (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

LlExportController *
get_exporter (LlWindow *window)
{
  LlExportController *exporter = ll_window_get_export_controller (window);

  g_assert_true (LL_IS_EXPORT_CONTROLLER (exporter));
  return exporter;
}

gboolean
action_enabled (LlWindow   *window,
                const char *name)
{
  return g_action_group_get_action_enabled (ll_export_controller_get_actions (get_exporter (window)),
                                            name);
}

void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = ll_export_controller_export_finish (LL_EXPORT_CONTROLLER (object), result,
                                                    &outcome->error);
  outcome->done = TRUE;
}

/* Exports through the same path as the file chooser's answer. */
gboolean
export_to (LlWindow                   *window,
           LlExportKind                kind,
           const char                 *path,
           const LlExportImageOptions *options,
           GError                    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Outcome outcome = { 0 };

  ll_export_controller_export_to_file (get_exporter (window), kind, file, options,
                                       on_exported, &outcome);
  return wait_outcome (&outcome, 30000, error);
}

/* Pixels of @color (within a small tolerance) in an ARGB32 image. */
guint
count_color (const guchar  *pixels,
             int            width,
             int            height,
             int            stride,
             const LlColor *color)
{
  guint n = 0;
  int r = (int) (color->red * 255 + 0.5);
  int g = (int) (color->green * 255 + 0.5);
  int b = (int) (color->blue * 255 + 0.5);

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (pixels + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 p = row[x];

          if (ABS ((int) ((p >> 16) & 0xff) - r) <= 6 &&
              ABS ((int) ((p >> 8) & 0xff) - g) <= 6 &&
              ABS ((int) (p & 0xff) - b) <= 6)
            n++;
        }
    }

  return n;
}

guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return ((const guint32 *) (data + (gsize) y * cairo_image_surface_get_stride (surface)))[x] & 0xffffff;
}
