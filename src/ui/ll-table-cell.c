/* ll-table-cell.c — one line of a data table's text, drawn from glyphs its
 * table shaped once
 *
 * A jump through a long table gives some 2,000 cells new text in one
 * frame. Laid out by Pango, each new text is itemized, shaped and broken
 * into lines again, though a table's cells hold the same few characters
 * over and over: digits, separators, units. Here each character is shaped
 * once, in the table's font and features (its digits tabular), and a
 * cell's text is the glyphs of its characters side by side. Text with
 * characters that need shaping in context (scripts joined or reordered,
 * combining marks) or that the table's font lacks, or text too wide for
 * its cell, is laid out by Pango as before, and ellipsized.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ll-table-cell.h"

typedef struct
{
  gboolean    alone;  /* drawn as its glyph in the table's font; FALSE:
                       * the text is laid out in context */
  PangoGlyph  glyph;
  int         width;  /* Pango units */
} Glyph;

struct _LlTableGlyphs
{
  GHashTable *glyphs;     /* gunichar → Glyph */
  PangoFont  *font;       /* the table's, where its digits are; NULL until
                           * the first character is shaped */
  int         height;     /* a line's, Pango units */
  int         baseline;
};

LlTableGlyphs *
ll_table_glyphs_new (void)
{
  LlTableGlyphs *self = g_new0 (LlTableGlyphs, 1);

  self->glyphs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  return self;
}

void
ll_table_glyphs_free (LlTableGlyphs *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->glyphs);
  g_clear_object (&self->font);
  g_free (self);
}

void
ll_table_glyphs_reset (LlTableGlyphs *self)
{
  g_hash_table_remove_all (self->glyphs);
  g_clear_object (&self->font);
}

/* Characters that look the same alone as beside others. */
static gboolean
stands_alone (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_COMMON:
    case G_UNICODE_SCRIPT_LATIN:
    case G_UNICODE_SCRIPT_GREEK:
    case G_UNICODE_SCRIPT_CYRILLIC:
      return !g_unichar_ismark (c) && !g_unichar_iszerowidth (c) &&
             g_unichar_type (c) != G_UNICODE_CONTROL &&
             !g_unichar_get_mirror_char (c, NULL);
    default:
      return FALSE;
    }
}

/* @text as @widget's layouts shape it: its one glyph, or none. */
static PangoGlyphItem *
shape_alone (GtkWidget   *widget,
             const char  *text,
             PangoLayout **layout)
{
  PangoLayoutLine *line;
  PangoGlyphItem *run;

  *layout = gtk_widget_create_pango_layout (widget, text);
  line = pango_layout_get_line_readonly (*layout, 0);
  if (line == NULL || line->runs == NULL || line->runs->next != NULL)
    return NULL;
  run = line->runs->data;
  if (run->glyphs->num_glyphs != 1 || run->glyphs->glyphs[0].geometry.x_offset != 0 ||
      run->glyphs->glyphs[0].geometry.y_offset != 0 ||
      (run->glyphs->glyphs[0].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0)
    return NULL;
  return run;
}

/* @c as @widget's layouts shape it, remembered. A line of the table's
 * font gives the glyphs their place: a character from another font (a
 * fallback), whose line may be taller, is laid out in context. */
static const Glyph *
lookup (LlTableGlyphs *self,
        GtkWidget     *widget,
        gunichar       c)
{
  Glyph *g = g_hash_table_lookup (self->glyphs, GUINT_TO_POINTER (c));
  char utf8[8] = { 0 };
  PangoLayout *layout;
  PangoGlyphItem *run;

  if (g != NULL)
    return g;

  if (self->font == NULL)
    {
      PangoRectangle logical;

      run = shape_alone (widget, "0", &layout);
      pango_layout_get_extents (layout, NULL, &logical);
      self->height = logical.height;
      self->baseline = pango_layout_get_baseline (layout);
      if (run != NULL)
        self->font = g_object_ref (run->item->analysis.font);
      g_object_unref (layout);
    }

  g = g_new0 (Glyph, 1);
  g_hash_table_insert (self->glyphs, GUINT_TO_POINTER (c), g);
  if (self->font == NULL || !stands_alone (c))
    return g;

  g_unichar_to_utf8 (c, utf8);
  run = shape_alone (widget, utf8, &layout);
  if (run != NULL && run->item->analysis.font == self->font)
    {
      g->alone = TRUE;
      g->glyph = run->glyphs->glyphs[0].glyph;
      g->width = run->glyphs->glyphs[0].geometry.width;
    }
  g_object_unref (layout);
  return g;
}

/* The cell ------------------------------------------------------------------ */

struct _LlTableCell
{
  GtkWidget         parent_instance;

  LlTableGlyphs    *table;
  float             xalign;
  char             *text;
  PangoGlyphString *glyphs;    /* the text's, in the table's font */
  gboolean          shaped;    /* glyphs (or laid_out) are the text's */
  PangoLayout      *layout;    /* where the text is laid out in context */
  gboolean          laid_out;
};

G_DEFINE_FINAL_TYPE (LlTableCell, ll_table_cell, GTK_TYPE_WIDGET)

/* The text's glyphs, side by side: FALSE where a character needs its
 * neighbours. */
static gboolean
shape (LlTableCell *self)
{
  int n = 0;

  pango_glyph_string_set_size (self->glyphs, (int) g_utf8_strlen (self->text, -1));
  for (const char *p = self->text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      const Glyph *g = lookup (self->table, GTK_WIDGET (self), g_utf8_get_char (p));
      PangoGlyphInfo *info = &self->glyphs->glyphs[n];

      if (!g->alone)
        return FALSE;
      memset (info, 0, sizeof *info);
      info->glyph = g->glyph;
      info->geometry.width = g->width;
      info->attr.is_cluster_start = 1;
      self->glyphs->log_clusters[n] = (int) (p - self->text);
    }
  return TRUE;
}

static void
get_color (GtkWidget *widget,
           GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

static void
ll_table_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LlTableCell *self = LL_TABLE_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  /* (right to left, the other side) */
  float xalign = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 1.0f - self->xalign : self->xalign;
  GskRenderNode *node;
  GdkRGBA color;
  int width_pu;
  double x, y;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0 || height <= 0)
    return;

  if (!self->shaped)
    {
      self->laid_out = !shape (self);
      self->shaped = TRUE;
    }
  get_color (widget, &color);

  /* Too wide for the cell, or shaped in context: as Pango lays it out,
   * within the cell, the last line that fits ellipsized. */
  width_pu = self->laid_out ? 0 : pango_glyph_string_get_width (self->glyphs);
  if (self->laid_out || width_pu > width * PANGO_SCALE)
    {
      PangoRectangle logical;

      if (self->layout == NULL)
        {
          self->layout = gtk_widget_create_pango_layout (widget, self->text);
          pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
        }
      pango_layout_set_alignment (self->layout, xalign < 0.33f ? PANGO_ALIGN_LEFT
                                                : xalign < 0.67f ? PANGO_ALIGN_CENTER : PANGO_ALIGN_RIGHT);
      pango_layout_set_width (self->layout, width * PANGO_SCALE);
      pango_layout_set_height (self->layout, height * PANGO_SCALE);
      pango_layout_get_pixel_extents (self->layout, NULL, &logical);
      y = pango_layout_is_ellipsized (self->layout) ? 0.0 : MAX (0.0, floor ((height - logical.height) / 2.0));
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
      gtk_snapshot_append_layout (snapshot, self->layout, &color);
      gtk_snapshot_pop (snapshot);
      return;
    }

  x = floor (xalign * (width - PANGO_PIXELS_CEIL (width_pu)));
  y = floor ((height - PANGO_PIXELS_CEIL (self->table->height)) / 2.0) +
      (double) self->table->baseline / PANGO_SCALE;
  node = gsk_text_node_new (self->table->font, self->glyphs, &color, &GRAPHENE_POINT_INIT (x, y));
  /* (NULL: nothing to see, such as a space) */
  if (node != NULL)
    {
      gtk_snapshot_append_node (snapshot, node);
      gsk_render_node_unref (node);
    }
}

/* Its table gives it its size. */
static void
ll_table_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = 0;
}

static void
ll_table_cell_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  LlTableCell *self = LL_TABLE_CELL (widget);

  GTK_WIDGET_CLASS (ll_table_cell_parent_class)->css_changed (widget, change);
  /* (the font is the table's: it resets the glyphs) */
  self->shaped = FALSE;
  g_clear_object (&self->layout);
}

static void
ll_table_cell_finalize (GObject *object)
{
  LlTableCell *self = LL_TABLE_CELL (object);

  pango_glyph_string_free (self->glyphs);
  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (ll_table_cell_parent_class)->finalize (object);
}

static void
ll_table_cell_class_init (LlTableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ll_table_cell_finalize;
  widget_class->snapshot = ll_table_cell_snapshot;
  widget_class->measure = ll_table_cell_measure;
  widget_class->css_changed = ll_table_cell_css_changed;
  gtk_widget_class_set_css_name (widget_class, "tablecell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
ll_table_cell_init (LlTableCell *self)
{
  self->glyphs = pango_glyph_string_new ();
}

GtkWidget *
ll_table_cell_new (LlTableGlyphs *glyphs,
                   float          xalign)
{
  LlTableCell *self = g_object_new (LL_TYPE_TABLE_CELL, NULL);

  self->table = glyphs;
  self->xalign = xalign;
  return GTK_WIDGET (self);
}

void
ll_table_cell_set_text (LlTableCell *self,
                        const char  *text)
{
  g_return_if_fail (LL_IS_TABLE_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  self->shaped = FALSE;
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
ll_table_cell_get_text (LlTableCell *self)
{
  g_return_val_if_fail (LL_IS_TABLE_CELL (self), NULL);

  return self->text;
}
