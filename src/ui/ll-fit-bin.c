/* ll-fit-bin.c — a child shown where it fits and left out where it does not:
 * it never makes what holds it wider
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ll-fit-bin.h"

/* The layout: the bin's child, as wide as it likes where it has room. */

#define LL_TYPE_FIT_LAYOUT (ll_fit_layout_get_type ())

G_DECLARE_FINAL_TYPE (LlFitLayout, ll_fit_layout, LL, FIT_LAYOUT, GtkLayoutManager)

struct _LlFitLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (LlFitLayout, ll_fit_layout, GTK_TYPE_LAYOUT_MANAGER)

static void
ll_fit_layout_measure (GtkLayoutManager *manager,
                       GtkWidget        *widget,
                       GtkOrientation    orientation,
                       int               for_size,
                       int              *minimum,
                       int              *natural,
                       int              *minimum_baseline,
                       int              *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child == NULL || !gtk_widget_get_visible (child))
    return;

  /* (the child's height at whatever width it is given: a row of words in a
   * button, say, is as tall however short) */
  gtk_widget_measure (child, orientation, -1, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = 0;
}

static void
ll_fit_layout_allocate (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        int               width,
                        int               height,
                        int               baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  int least = 0;
  gboolean fits;

  if (child == NULL || !gtk_widget_get_visible (child))
    return;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &least, NULL, NULL, NULL);
  fits = width >= least;
  if (fits != gtk_widget_get_child_visible (child))
    {
      gtk_widget_set_child_visible (child, fits);
      gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, !fits, -1);
    }
  if (fits)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
ll_fit_layout_class_init (LlFitLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->measure = ll_fit_layout_measure;
  layout_class->allocate = ll_fit_layout_allocate;
}

static void
ll_fit_layout_init (LlFitLayout *self)
{
}

/* The bin */

struct _LlFitBin
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (LlFitBin, ll_fit_bin, ADW_TYPE_BIN)

static void
ll_fit_bin_class_init (LlFitBinClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_layout_manager_type (widget_class, LL_TYPE_FIT_LAYOUT);
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

gboolean
ll_fit_bin_get_fits (LlFitBin *self)
{
  GtkWidget *child;

  g_return_val_if_fail (LL_IS_FIT_BIN (self), FALSE);

  child = adw_bin_get_child (ADW_BIN (self));
  return child != NULL && gtk_widget_get_child_visible (child);
}
