/* ll-chart-axes.c — what the charts on screen show of their axes: zoom and scales
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ll-chart-axes.h"

struct _LlChartAxes
{
  GObject      parent_instance;

  LlChartRange length_range;
  LlChartRange time_range;
  gboolean     log_length;
  gboolean     log_y;
};

enum {
  PROP_0,
  PROP_ZOOMED,
  PROP_LOG_LENGTH,
  PROP_LOG_Y,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlChartAxes, ll_chart_axes, G_TYPE_OBJECT)

static void
ll_chart_axes_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LlChartAxes *self = LL_CHART_AXES (object);

  switch (prop_id)
    {
    case PROP_ZOOMED:
      g_value_set_boolean (value, ll_chart_axes_get_zoomed (self));
      break;
    case PROP_LOG_LENGTH:
      g_value_set_boolean (value, self->log_length);
      break;
    case PROP_LOG_Y:
      g_value_set_boolean (value, self->log_y);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_chart_axes_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LlChartAxes *self = LL_CHART_AXES (object);

  switch (prop_id)
    {
    case PROP_LOG_LENGTH:
      ll_chart_axes_set_log_length (self, g_value_get_boolean (value));
      break;
    case PROP_LOG_Y:
      ll_chart_axes_set_log_y (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_chart_axes_class_init (LlChartAxesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ll_chart_axes_get_property;
  object_class->set_property = ll_chart_axes_set_property;

  properties[PROP_ZOOMED] =
    g_param_spec_boolean ("zoomed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOG_LENGTH] =
    g_param_spec_boolean ("log-length", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOG_Y] =
    g_param_spec_boolean ("log-y", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ll_chart_axes_init (LlChartAxes *self)
{
}

LlChartAxes *
ll_chart_axes_new (void)
{
  return g_object_new (LL_TYPE_CHART_AXES, NULL);
}

static LlChartRange *
range_for (LlChartAxes *self,
           LlChartKind  kind)
{
  return ll_chart_kind_has_length_axis (kind) ? &self->length_range : &self->time_range;
}

void
ll_chart_axes_get_range (LlChartAxes  *self,
                         LlChartKind   kind,
                         LlChartRange *range)
{
  g_return_if_fail (LL_IS_CHART_AXES (self));
  g_return_if_fail (kind < LL_N_CHARTS);
  g_return_if_fail (range != NULL);

  *range = *range_for (self, kind);
}

void
ll_chart_axes_set_range (LlChartAxes        *self,
                         LlChartKind         kind,
                         const LlChartRange *range)
{
  LlChartRange *r;
  LlChartRange none = { 0, 0 };
  gboolean was_zoomed;

  g_return_if_fail (LL_IS_CHART_AXES (self));
  g_return_if_fail (kind < LL_N_CHARTS);

  if (range == NULL || ll_chart_range_is_empty (range))
    range = &none;

  r = range_for (self, kind);
  if (r->from == range->from && r->to == range->to)
    return;

  was_zoomed = ll_chart_axes_get_zoomed (self);
  *r = *range;
  g_signal_emit (self, signals[CHANGED], 0);
  if (was_zoomed != ll_chart_axes_get_zoomed (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOMED]);
}

gboolean
ll_chart_axes_get_zoomed (LlChartAxes *self)
{
  g_return_val_if_fail (LL_IS_CHART_AXES (self), FALSE);

  return !ll_chart_range_is_empty (&self->length_range) ||
         !ll_chart_range_is_empty (&self->time_range);
}

void
ll_chart_axes_reset (LlChartAxes *self)
{
  g_return_if_fail (LL_IS_CHART_AXES (self));

  ll_chart_axes_set_range (self, LL_CHART_CAPACITY, NULL);
  ll_chart_axes_set_range (self, LL_CHART_MEMORY, NULL);
}

gboolean
ll_chart_axes_get_log_length (LlChartAxes *self)
{
  g_return_val_if_fail (LL_IS_CHART_AXES (self), FALSE);

  return self->log_length;
}

void
ll_chart_axes_set_log_length (LlChartAxes *self,
                              gboolean     log)
{
  g_return_if_fail (LL_IS_CHART_AXES (self));

  log = !!log;
  if (self->log_length == log)
    return;
  self->log_length = log;
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG_LENGTH]);
}

gboolean
ll_chart_axes_get_log_y (LlChartAxes *self)
{
  g_return_val_if_fail (LL_IS_CHART_AXES (self), FALSE);

  return self->log_y;
}

void
ll_chart_axes_set_log_y (LlChartAxes *self,
                         gboolean     log)
{
  g_return_if_fail (LL_IS_CHART_AXES (self));

  log = !!log;
  if (self->log_y == log)
    return;
  self->log_y = log;
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG_Y]);
}

void
ll_chart_axes_apply (LlChartAxes    *self,
                     LlChartOptions *options)
{
  g_return_if_fail (LL_IS_CHART_AXES (self));
  g_return_if_fail (options != NULL);

  options->length_range = self->length_range;
  options->time_range = self->time_range;
  options->log_x = self->log_length;
  options->log_y = self->log_y;
}
