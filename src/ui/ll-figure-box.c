/* ll-figure-box.c — one figure of a run: its caption, its value and a
 * detail under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ll-figure-box.h"

struct _LlFigureBox
{
  GtkWidget  parent_instance;

  GtkWidget *caption;
  GtkWidget *column;    /* the value, as wide as the widest */
  GtkLabel  *value;
  GtkLabel  *detail;
  guint      drawn;     /* times drawn: the mark differs each time */
};

G_DEFINE_FINAL_TYPE (LlFigureBox, ll_figure_box, GTK_TYPE_WIDGET)

/* How far a figure's repainted rectangle reaches past it: as far as its
 * letters may (less than half the spacing between figures). */
#define MARK_MARGIN 4

/* A figure repaints as one rectangle, its own, whatever changed in it.
 * The window repaints the region where its drawing changed, and a label's
 * text says where it changed to the pixel: a dozen figures changing their
 * texts at once make a region of many thin rectangles, out of line with
 * each other, and past about thirty GTK gives up and repaints all around
 * them, the cards and their shadows, even the whole window. A colour that
 * shows nothing, different each time the figure is drawn again, marks the
 * whole figure instead: the figures of a row make one band of a few
 * rectangles. */
static void
ll_figure_box_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LlFigureBox *self = LL_FIGURE_BOX (widget);
  GdkRGBA mark = { self->drawn++ % 2, 0, 0, 0 };

  gtk_snapshot_append_color (snapshot, &mark,
                             &GRAPHENE_RECT_INIT (-MARK_MARGIN, -MARK_MARGIN,
                                                  gtk_widget_get_width (widget) + 2 * MARK_MARGIN,
                                                  gtk_widget_get_height (widget) + 2 * MARK_MARGIN));
  GTK_WIDGET_CLASS (ll_figure_box_parent_class)->snapshot (widget, snapshot);
}

static void
ll_figure_box_dispose (GObject *object)
{
  LlFigureBox *self = LL_FIGURE_BOX (object);

  g_clear_pointer (&self->caption, gtk_widget_unparent);
  g_clear_pointer (&self->column, gtk_widget_unparent);
  if (self->detail != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->detail)));
  self->value = NULL;

  G_OBJECT_CLASS (ll_figure_box_parent_class)->dispose (object);
}

static void
ll_figure_box_class_init (LlFigureBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_figure_box_dispose;
  widget_class->snapshot = ll_figure_box_snapshot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figure");
}

static void
ll_figure_box_init (LlFigureBox *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
}

GtkWidget *
ll_figure_box_new (const char *caption,
                   const char *widest)
{
  LlFigureBox *self = g_object_new (LL_TYPE_FIGURE_BOX, NULL);
  GtkWidget *sizer;

  g_return_val_if_fail (caption != NULL, NULL);
  g_return_val_if_fail (widest != NULL, NULL);

  self->caption = gtk_label_new (caption);
  gtk_label_set_xalign (GTK_LABEL (self->caption), 0);
  gtk_label_set_wrap (GTK_LABEL (self->caption), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->caption), 12);
  gtk_widget_add_css_class (self->caption, "caption-heading");
  gtk_widget_add_css_class (self->caption, "dim-label");
  gtk_widget_set_parent (self->caption, GTK_WIDGET (self));

  /* The value, over a label that says the widest value and is measured,
   * never shown. */
  self->column = gtk_stack_new ();
  gtk_stack_set_hhomogeneous (GTK_STACK (self->column), TRUE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->column), FALSE);
  self->value = GTK_LABEL (gtk_label_new ("—"));
  sizer = gtk_label_new (widest);
  gtk_label_set_xalign (self->value, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->value), "figure-value");
  gtk_widget_add_css_class (GTK_WIDGET (self->value), "numeric");
  gtk_widget_add_css_class (sizer, "figure-value");
  gtk_widget_add_css_class (sizer, "numeric");
  gtk_stack_add_child (GTK_STACK (self->column), GTK_WIDGET (self->value));
  gtk_stack_add_child (GTK_STACK (self->column), sizer);
  gtk_stack_set_visible_child (GTK_STACK (self->column), GTK_WIDGET (self->value));
  gtk_widget_set_parent (self->column, GTK_WIDGET (self));

  self->detail = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->detail, 0);
  /* At the top of the two lines it keeps (style.css). */
  gtk_label_set_yalign (self->detail, 0);
  gtk_label_set_wrap (self->detail, TRUE);
  /* Twelve characters wide, whatever it says: an exact count wider than
   * the value ("1,238,415,761 elements") would move the figures too. */
  gtk_label_set_width_chars (self->detail, 12);
  gtk_label_set_max_width_chars (self->detail, 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail), "numeric");
  gtk_widget_set_parent (GTK_WIDGET (self->detail), GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

void
ll_figure_box_set (LlFigureBox *self,
                   const char  *value,
                   const char  *detail)
{
  g_return_if_fail (LL_IS_FIGURE_BOX (self));
  g_return_if_fail (value != NULL);

  gtk_label_set_label (self->value, value);
  gtk_label_set_label (self->detail, detail != NULL ? detail : "");
}

const char *
ll_figure_box_get_value (LlFigureBox *self)
{
  g_return_val_if_fail (LL_IS_FIGURE_BOX (self), NULL);

  return gtk_label_get_label (self->value);
}

const char *
ll_figure_box_get_detail (LlFigureBox *self)
{
  g_return_val_if_fail (LL_IS_FIGURE_BOX (self), NULL);

  return gtk_label_get_label (self->detail);
}
