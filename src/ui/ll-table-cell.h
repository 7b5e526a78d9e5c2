/* ll-table-cell.h — one line of a data table's text, drawn from glyphs its
 * table shaped once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The glyphs a table's cells share: each character shaped once in the
 * table's font. */
typedef struct _LlTableGlyphs LlTableGlyphs;

LlTableGlyphs *ll_table_glyphs_new   (void);
void           ll_table_glyphs_free  (LlTableGlyphs *glyphs);
/* The font changed: shape again. */
void           ll_table_glyphs_reset (LlTableGlyphs *glyphs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlTableGlyphs, ll_table_glyphs_free)

#define LL_TYPE_TABLE_CELL (ll_table_cell_get_type ())

G_DECLARE_FINAL_TYPE (LlTableCell, ll_table_cell, LL, TABLE_CELL, GtkWidget)

/* A cell that takes no room of its own (its table sizes it), shows one
 * line at @xalign (0 left, 1 right), ellipsized if it must be, and is
 * named by its text for screen readers. @glyphs must outlive it. */
GtkWidget  *ll_table_cell_new      (LlTableGlyphs *glyphs,
                                    float          xalign);
void        ll_table_cell_set_text (LlTableCell   *self,
                                    const char    *text);
const char *ll_table_cell_get_text (LlTableCell   *self);

G_END_DECLS
