/* ll-text-row.h — words, and widgets at their start and end that take only
 * their width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LL_TYPE_TEXT_ROW (ll_text_row_get_type ())

G_DECLARE_FINAL_TYPE (LlTextRow, ll_text_row, LL, TEXT_ROW, GtkWidget)

/* The end child (a button, say) and then the start child take the widths
 * they would like, as far as the child keeps its least; the child takes
 * the rest, and the row is as tall as the tallest; all are centred on its
 * height. Unlike a horizontal box, the row never asks its child how narrow
 * it could be at some height: wrapping labels are only ever asked their
 * height at the width they get. (A child's own halign and valign other
 * than fill would ask it again.) */
GtkWidget *ll_text_row_new             (void);
void       ll_text_row_set_start_child (LlTextRow *self,
                                        GtkWidget *child);
GtkWidget *ll_text_row_get_start_child (LlTextRow *self);
void       ll_text_row_set_child       (LlTextRow *self,
                                        GtkWidget *child);
GtkWidget *ll_text_row_get_child       (LlTextRow *self);
void       ll_text_row_set_end_child   (LlTextRow *self,
                                        GtkWidget *child);
GtkWidget *ll_text_row_get_end_child   (LlTextRow *self);
void       ll_text_row_set_spacing     (LlTextRow *self,
                                        int        spacing);
int        ll_text_row_get_spacing     (LlTextRow *self);

G_END_DECLS
