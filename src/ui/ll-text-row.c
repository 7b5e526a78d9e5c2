/* ll-text-row.c — words, and widgets at their start and end that take only
 * their width
 *
 * A horizontal GtkBox lays out its children by asking each how wide it
 * must be at the box's height. For a column of wrapping labels that
 * question has no direct answer: GTK tries width after width, and Pango
 * lays the text out again at each. A status line that changes as a run
 * starts or its list is freed paid for some hundreds of layouts in one
 * frame. This row asks only what a label answers at once: its widths with
 * no height given, and its height at the width it gets. It centres its
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

  GtkWidget *start_child;
  GtkWidget *child;
  GtkWidget *end_child;
  int        spacing;
};

enum {
  PROP_0,
  PROP_START_CHILD,
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

/* The spacing between the children shown, all told. */
static int
gaps (LlTextRow *self)
{
  int n = shown (self->start_child) + shown (self->child) + shown (self->end_child);

  return n > 1 ? (n - 1) * self->spacing : 0;
}

static void
measure_width (GtkWidget *child,
               int       *minimum,
               int       *natural)
{
  *minimum = *natural = 0;
  if (shown (child))
    gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, minimum, natural, NULL, NULL);
}

/* How @width is shared: the end child its natural width, then the start
 * child its, each less as far as the child would otherwise get less than
 * its least, never less than its own least. The child takes the rest. */
static void
split (LlTextRow *self,
       int        width,
       int       *start_width,
       int       *child_width,
       int       *end_width)
{
  int start_min, start_nat, end_min, end_nat, least, unused;
  int room;

  measure_width (self->start_child, &start_min, &start_nat);
  measure_width (self->end_child, &end_min, &end_nat);
  measure_width (self->child, &least, &unused);

  room = width - gaps (self) - least;
  *end_width = MAX (end_min, MIN (end_nat, room - start_min));
  *start_width = MAX (start_min, MIN (start_nat, room - *end_width));
  *child_width = shown (self->child) ? MAX (0, width - gaps (self) - *start_width - *end_width) : 0;
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
  GtkWidget *children[3] = { self->start_child, self->child, self->end_child };

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          int min, nat;

          measure_width (children[i], &min, &nat);
          *minimum += min;
          *natural += nat;
        }
      *minimum += gaps (self);
      *natural += gaps (self);
    }
  else
    {
      int widths[3] = { -1, -1, -1 };

      if (for_size >= 0)
        split (self, for_size, &widths[0], &widths[1], &widths[2]);
      for (guint i = 0; i < G_N_ELEMENTS (children); i++)
        {
          int min = 0, nat = 0;

          if (shown (children[i]))
            gtk_widget_measure (children[i], orientation, widths[i], &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
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
  int start_width, child_width, end_width;
  int x = 0;

  split (self, width, &start_width, &child_width, &end_width);
  /* From the start, each after the one before and the spacing; the end
   * child at the end. (Right to left, the same mirrored.) */
  if (shown (self->start_child))
    {
      allocate_centred (self->start_child, rtl ? width - start_width : 0, start_width, height);
      x = start_width + self->spacing;
    }
  if (shown (self->child))
    allocate_centred (self->child, rtl ? width - x - child_width : x, child_width, height);
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

  g_clear_pointer (&self->start_child, gtk_widget_unparent);
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
    case PROP_START_CHILD:
      g_value_set_object (value, self->start_child);
      break;
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
    case PROP_START_CHILD:
      ll_text_row_set_start_child (self, g_value_get_object (value));
      break;
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

  properties[PROP_START_CHILD] =
    g_param_spec_object ("start-child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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

/* Puts @child in @slot (one of the three, in their order), in place of
 * what was there: after the children of the slots before it, for the
 * focus to come to them in order. */
static void
put_child (LlTextRow  *self,
           GtkWidget **slot,
           GtkWidget  *child,
           guint       prop)
{
  GtkWidget *before = NULL;

  if (*slot == child)
    return;
  g_clear_pointer (slot, gtk_widget_unparent);
  if (slot != &self->start_child)
    before = self->start_child;
  if (slot == &self->end_child && self->child != NULL)
    before = self->child;
  if (child != NULL)
    {
      *slot = child;
      gtk_widget_insert_after (child, GTK_WIDGET (self), before);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
ll_text_row_set_start_child (LlTextRow *self,
                             GtkWidget *child)
{
  g_return_if_fail (LL_IS_TEXT_ROW (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  put_child (self, &self->start_child, child, PROP_START_CHILD);
}

GtkWidget *
ll_text_row_get_start_child (LlTextRow *self)
{
  g_return_val_if_fail (LL_IS_TEXT_ROW (self), NULL);

  return self->start_child;
}

void
ll_text_row_set_child (LlTextRow *self,
                       GtkWidget *child)
{
  g_return_if_fail (LL_IS_TEXT_ROW (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  put_child (self, &self->child, child, PROP_CHILD);
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

  put_child (self, &self->end_child, child, PROP_END_CHILD);
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
