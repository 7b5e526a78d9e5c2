/* ll-runs-legend.c — one legend naming the runs that all the charts show
 *
 * Over several runs each chart would repeat the same legend and give a row
 * or two of its plot to it: the board shows this one above them, and an
 * image of all the charts draws the same above its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ll-runs-legend.h"

struct _LlRunsLegend
{
  GtkWidget    parent_instance;

  LlChartView *source;   /* weak */
  GArray      *series;   /* LlChartSeries: only names and styles */
};

G_DEFINE_FINAL_TYPE (LlRunsLegend, ll_runs_legend, GTK_TYPE_WIDGET)

static void
get_options (LlRunsLegend   *self,
             LlChartOptions *options)
{
  if (self->source != NULL)
    ll_chart_view_get_options (self->source, options);
  else
    ll_chart_options_init (options);
}

static void
get_data (LlRunsLegend *self,
          LlChartData  *data)
{
  ll_chart_data_init (data, (const LlChartSeries *) (gpointer) self->series->data, self->series->len);
}

static void
clear_series (LlRunsLegend *self)
{
  for (guint i = 0; i < self->series->len; i++)
    g_free ((char *) g_array_index (self->series, LlChartSeries, i).name);
  g_array_set_size (self->series, 0);
}

static gboolean
same_runs (LlRunsLegend      *self,
           const LlChartData *data)
{
  if (data->n_series != self->series->len)
    return FALSE;
  for (gsize i = 0; i < data->n_series; i++)
    {
      const LlChartSeries *had = &g_array_index (self->series, LlChartSeries, i);

      if (data->series[i].style != had->style ||
          g_strcmp0 (data->series[i].name != NULL ? data->series[i].name : "", had->name) != 0)
        return FALSE;
    }
  return TRUE;
}

/* What a screen reader says: the runs, by name. */
static void
update_description (LlRunsLegend *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < self->series->len; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, g_array_index (self->series, LlChartSeries, i).name);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, names->str,
                                  -1);
}

void
ll_runs_legend_set_data (LlRunsLegend      *self,
                         const LlChartData *data)
{
  gsize n;

  g_return_if_fail (LL_IS_RUNS_LEGEND (self));

  n = data != NULL && data->n_series > 1 ? data->n_series : 0;
  if (n == 0 && self->series->len == 0)
    return;
  if (n > 0 && same_runs (self, data))
    return;

  clear_series (self);
  for (gsize i = 0; i < n; i++)
    {
      LlChartSeries run = { 0 };

      run.name = g_strdup (data->series[i].name != NULL ? data->series[i].name : "");
      run.style = data->series[i].style;
      g_array_append_val (self->series, run);
    }
  update_description (self);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ll_runs_legend_set_source (LlRunsLegend *self,
                           LlChartView  *view)
{
  g_return_if_fail (LL_IS_RUNS_LEGEND (self));

  self->source = view;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

char **
ll_runs_legend_get_names (LlRunsLegend *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (LL_IS_RUNS_LEGEND (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->series->len; i++)
    g_strv_builder_add (builder, g_array_index (self->series, LlChartSeries, i).name);
  return g_strv_builder_end (builder);
}

static GtkSizeRequestMode
ll_runs_legend_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ll_runs_legend_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  LlRunsLegend *self = LL_RUNS_LEGEND (widget);
  LlChartOptions options;
  LlChartData data;

  /* As wide as it is given: its rows fill the width. */
  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL || self->series->len < 2)
    return;

  get_options (self, &options);
  get_data (self, &data);
  *minimum = *natural = (int) ceil (ll_chart_draw_runs_legend (NULL, &data, &options,
                                                              for_size > 0 ? for_size : 400, FALSE));
}

static void
ll_runs_legend_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  LlRunsLegend *self = LL_RUNS_LEGEND (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  LlChartOptions options;
  LlChartData data;
  cairo_t *cr;

  if (self->series->len < 2 || width <= 0 || height <= 0)
    return;

  get_options (self, &options);
  get_data (self, &data);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ll_chart_draw_runs_legend (cr, &data, &options, width, FALSE);
  cairo_destroy (cr);
}

static void
ll_runs_legend_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ll_runs_legend_parent_class)->css_changed (widget, change);

  /* Light or dark, larger text: the charts change, and so does this. */
  gtk_widget_queue_resize (widget);
}

static void
ll_runs_legend_finalize (GObject *object)
{
  LlRunsLegend *self = LL_RUNS_LEGEND (object);

  clear_series (self);
  g_array_unref (self->series);

  G_OBJECT_CLASS (ll_runs_legend_parent_class)->finalize (object);
}

static void
ll_runs_legend_class_init (LlRunsLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ll_runs_legend_finalize;
  widget_class->get_request_mode = ll_runs_legend_get_request_mode;
  widget_class->measure = ll_runs_legend_measure;
  widget_class->snapshot = ll_runs_legend_snapshot;
  widget_class->css_changed = ll_runs_legend_css_changed;

  gtk_widget_class_set_css_name (widget_class, "runslegend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ll_runs_legend_init (LlRunsLegend *self)
{
  self->series = g_array_new (FALSE, TRUE, sizeof (LlChartSeries));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Runs on the Charts"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
ll_runs_legend_new (void)
{
  return g_object_new (LL_TYPE_RUNS_LEGEND, NULL);
}
