/* ll-figure-box.h — one figure of a run: its caption, its value and a
 * detail under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LL_TYPE_FIGURE_BOX (ll_figure_box_get_type ())

G_DECLARE_FINAL_TYPE (LlFigureBox, ll_figure_box, LL, FIGURE_BOX, GtkWidget)

/* The figure is as wide as @widest would be as its value, whatever its
 * value says, so that figures side by side never move as their values
 * change. */
GtkWidget  *ll_figure_box_new        (const char  *caption,
                                      const char  *widest);
/* Changes only what differs (@detail NULL: none). */
void        ll_figure_box_set        (LlFigureBox *self,
                                      const char  *value,
                                      const char  *detail);
const char *ll_figure_box_get_value  (LlFigureBox *self);
const char *ll_figure_box_get_detail (LlFigureBox *self);

G_END_DECLS
