/* ll-fit-bin.c — a child shown where it fits and left out where it does not:
 * it never makes what holds it wider
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ll-fit-bin.h"

struct _LlFitBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LlFitBin, ll_fit_bin, GTK_TYPE_WIDGET)

static void
ll_fit_bin_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  LlFitBin *self = LL_FIT_BIN (widget);

  *minimum = *natural = 0;
  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;

  /* (the child's height at whatever width it is given: a row of words in a
   * button, say, is as tall however short) */
  gtk_widget_measure (self->child, orientation, -1, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 0;
}

static void
ll_fit_bin_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  LlFitBin *self = LL_FIT_BIN (widget);
  int least = 0;
  gboolean fits;

  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &least, NULL, NULL, NULL);
  fits = width >= least;
  if (fits != gtk_widget_get_child_visible (self->child))
    {
      gtk_widget_set_child_visible (self->child, fits);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->child), GTK_ACCESSIBLE_STATE_HIDDEN, !fits, -1);
    }
  if (fits)
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
ll_fit_bin_dispose (GObject *object)
{
  ll_fit_bin_set_child (LL_FIT_BIN (object), NULL);

  G_OBJECT_CLASS (ll_fit_bin_parent_class)->dispose (object);
}

static void
ll_fit_bin_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LlFitBin *self = LL_FIT_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_fit_bin_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LlFitBin *self = LL_FIT_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      ll_fit_bin_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_fit_bin_class_init (LlFitBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_fit_bin_dispose;
  object_class->get_property = ll_fit_bin_get_property;
  object_class->set_property = ll_fit_bin_set_property;
  widget_class->measure = ll_fit_bin_measure;
  widget_class->size_allocate = ll_fit_bin_size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fitbin");
}

static void
ll_fit_bin_init (LlFitBin *self)
{
}

GtkWidget *
ll_fit_bin_new (void)
{
  return g_object_new (LL_TYPE_FIT_BIN, NULL);
}

void
ll_fit_bin_set_child (LlFitBin  *self,
                      GtkWidget *child)
{
  g_return_if_fail (LL_IS_FIT_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
ll_fit_bin_get_child (LlFitBin *self)
{
  g_return_val_if_fail (LL_IS_FIT_BIN (self), NULL);

  return self->child;
}

gboolean
ll_fit_bin_get_fits (LlFitBin *self)
{
  g_return_val_if_fail (LL_IS_FIT_BIN (self), FALSE);

  return self->child != NULL && gtk_widget_get_child_visible (self->child);
}
