/* ll-run-swatch.c — a run's colour, dash and mark, as the charts draw it
 *
 * The sidebar's run list and the table of runs compared show it beside
 * each run's name, so that a row reads as the chart's line. It follows
 * the run's style and the light, dark or high-contrast palette.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ll-chart.h"
#include "ll-run-swatch.h"
#include "ll-ui-util.h"

#define SWATCH_WIDTH  24
#define SWATCH_HEIGHT 14

struct _LlRunSwatch
{
  GtkWidget  parent_instance;

  LlRun     *run;
  gulong     style_id;
};

G_DEFINE_FINAL_TYPE (LlRunSwatch, ll_run_swatch, GTK_TYPE_WIDGET)

static void
ll_run_swatch_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LlRunSwatch *self = LL_RUN_SWATCH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  LlChartPalette palette;
  cairo_t *cr;

  if (self->run == NULL || width <= 0 || height <= 0)
    return;

  ll_ui_chart_palette_init (&palette);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ll_chart_draw_run_swatch (cr, &palette, ll_run_get_style (self->run), 0, 0, width, height);
  cairo_destroy (cr);
}

static void
ll_run_swatch_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? SWATCH_WIDTH : SWATCH_HEIGHT;
}

/* The palette follows the style: light, dark, high contrast. */
static void
ll_run_swatch_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ll_run_swatch_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
ll_run_swatch_dispose (GObject *object)
{
  ll_run_swatch_set_run (LL_RUN_SWATCH (object), NULL);

  G_OBJECT_CLASS (ll_run_swatch_parent_class)->dispose (object);
}

static void
ll_run_swatch_class_init (LlRunSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_run_swatch_dispose;
  widget_class->snapshot = ll_run_swatch_snapshot;
  widget_class->measure = ll_run_swatch_measure;
  widget_class->css_changed = ll_run_swatch_css_changed;
  gtk_widget_class_set_css_name (widget_class, "runswatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
ll_run_swatch_init (LlRunSwatch *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
ll_run_swatch_new (LlRun *run)
{
  LlRunSwatch *self = g_object_new (LL_TYPE_RUN_SWATCH, NULL);

  ll_run_swatch_set_run (self, run);
  return GTK_WIDGET (self);
}

void
ll_run_swatch_set_run (LlRunSwatch *self,
                       LlRun       *run)
{
  g_return_if_fail (LL_IS_RUN_SWATCH (self));
  g_return_if_fail (run == NULL || LL_IS_RUN (run));

  if (run == self->run)
    return;
  if (self->run != NULL)
    {
      g_clear_signal_handler (&self->style_id, self->run);
      g_clear_object (&self->run);
    }
  if (run != NULL)
    {
      self->run = g_object_ref (run);
      self->style_id = g_signal_connect_object (run, "notify::style", G_CALLBACK (gtk_widget_queue_draw),
                                                self, G_CONNECT_SWAPPED);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

LlRun *
ll_run_swatch_get_run (LlRunSwatch *self)
{
  g_return_val_if_fail (LL_IS_RUN_SWATCH (self), NULL);

  return self->run;
}
