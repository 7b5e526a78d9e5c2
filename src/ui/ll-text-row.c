/* ll-text-row.c — words, and a widget at their end that takes only its width
 *
 * A horizontal GtkBox lays out its children by asking each how wide it
 * must be at the box's height. For a column of wrapping labels that
 * question has no direct answer: GTK tries width after width, and Pango
 * lays the text out again at each. A status line that changes as a run
 * starts or its list is freed paid for some hundreds of layouts in one
 * frame. This row asks only what a label answers at once: its widths with
 * no height given, and its height at the width it gets. It centres both
 * children on its height itself: a child aligned by GTK (any halign or
 * valign but fill) would be asked its width at a height again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ll-text-row.h"

struct _LlTextRow
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  GtkWidget *end_child;
  int        spacing;
};

enum {
  PROP_0,
  PROP_CHILD,
  PROP_END_CHILD,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LlTextRow, ll_text_row, GTK_TYPE_WIDGET)

static gboolean
shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_get_visible (widget);
}

/* The spacing, between two children shown. */
static int
gap (LlTextRow *self)
{
  return shown (self->child) && shown (self->end_child) ? self->spacing : 0;
}

/* How @width is shared: the end child its natural width, less as far as
 * the child would otherwise get less than its least, never less than its
 * own least. */
static void
split (LlTextRow *self,
       int        width,
       int       *child_width,
       int       *end_width)
{
  int end_min = 0, end_nat = 0, least = 0;

  if (shown (self->end_child))
    gtk_widget_measure (self->end_child, GTK_ORIENTATION_HORIZONTAL, -1, &end_min, &end_nat, NULL, NULL);
  if (shown (self->child))
    gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &least, NULL, NULL, NULL);

  *end_width = MAX (end_min, MIN (end_nat, width - gap (self) - least));
  *child_width = shown (self->child) ? MAX (0, width - gap (self) - *end_width) : 0;
}

static void
ll_text_row_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  LlTextRow *self = LL_TEXT_ROW (widget);
  int child_min = 0, child_nat = 0, end_min = 0, end_nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (shown (self->child))
        gtk_widget_measure (self->child, orientation, -1, &child_min, &child_nat, NULL, NULL);
      if (shown (self->end_child))
        gtk_widget_measure (self->end_child, orientation, -1, &end_min, &end_nat, NULL, NULL);
      *minimum = child_min + gap (self) + end_min;
      *natural = child_nat + gap (self) + end_nat;
    }
  else
    {
      int child_width = -1, end_width = -1;

      if (for_size >= 0)
        split (self, for_size, &child_width, &end_width);
      if (shown (self->child))
        gtk_widget_measure (self->child, orientation, child_width, &child_min, &child_nat, NULL, NULL);
      if (shown (self->end_child))
        gtk_widget_measure (self->end_child, orientation, end_width, &end_min, &end_nat, NULL, NULL);
      *minimum = MAX (child_min, end_min);
      *natural = MAX (child_nat, end_nat);
    }
}

/* @child at @x, @width wide, centred on the row's @height at the height it
 * would like at that width. */
static void
allocate_centred (GtkWidget *child,
                  int        x,
                  int        width,
                  int        height)
{
  int natural;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  natural = MIN (natural, height);
  gtk_widget_allocate (child, width, natural, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, (height - natural) / 2)));
}

static void
ll_text_row_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  LlTextRow *self = LL_TEXT_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int child_width, end_width;

  split (self, width, &child_width, &end_width);
  if (shown (self->child))
    allocate_centred (self->child, rtl ? width - child_width : 0, child_width, height);
  if (shown (self->end_child))
    allocate_centred (self->end_child, rtl ? 0 : width - end_width, end_width, height);
}

static GtkSizeRequestMode
ll_text_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ll_text_row_dispose (GObject *object)
{
  LlTextRow *self = LL_TEXT_ROW (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_pointer (&self->end_child, gtk_widget_unparent);

  G_OBJECT_CLASS (ll_text_row_parent_class)->dispose (object);
}

static void
ll_text_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LlTextRow *self = LL_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_END_CHILD:
      g_value_set_object (value, self->end_child);
      break;
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_text_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LlTextRow *self = LL_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      ll_text_row_set_child (self, g_value_get_object (value));
      break;
    case PROP_END_CHILD:
      ll_text_row_set_end_child (self, g_value_get_object (value));
      break;
    case PROP_SPACING:
      ll_text_row_set_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_text_row_class_init (LlTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_text_row_dispose;
  object_class->get_property = ll_text_row_get_property;
  object_class->set_property = ll_text_row_set_property;
  widget_class->measure = ll_text_row_measure;
  widget_class->size_allocate = ll_text_row_size_allocate;
  widget_class->get_request_mode = ll_text_row_get_request_mode;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_CHILD] =
    g_param_spec_object ("end-child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "textrow");
}

static void
ll_text_row_init (LlTextRow *self)
{
}

GtkWidget *
ll_text_row_new (void)
{
  return g_object_new (LL_TYPE_TEXT_ROW, NULL);
}

void
ll_text_row_set_child (LlTextRow *self,
                       GtkWidget *child)
{
  g_return_if_fail (LL_IS_TEXT_ROW (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      /* First, for the focus to come to it first. */
      gtk_widget_insert_after (child, GTK_WIDGET (self), NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
ll_text_row_get_child (LlTextRow *self)
{
  g_return_val_if_fail (LL_IS_TEXT_ROW (self), NULL);

  return self->child;
}

void
ll_text_row_set_end_child (LlTextRow *self,
                           GtkWidget *child)
{
  g_return_if_fail (LL_IS_TEXT_ROW (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->end_child == child)
    return;
  g_clear_pointer (&self->end_child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->end_child = child;
      gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_CHILD]);
}

GtkWidget *
ll_text_row_get_end_child (LlTextRow *self)
{
  g_return_val_if_fail (LL_IS_TEXT_ROW (self), NULL);

  return self->end_child;
}

void
ll_text_row_set_spacing (LlTextRow *self,
                         int        spacing)
{
  g_return_if_fail (LL_IS_TEXT_ROW (self));
  g_return_if_fail (spacing >= 0);

  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

int
ll_text_row_get_spacing (LlTextRow *self)
{
  g_return_val_if_fail (LL_IS_TEXT_ROW (self), 0);

  return self->spacing;
}
