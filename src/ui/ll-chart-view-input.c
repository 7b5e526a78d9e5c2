/* ll-chart-view-input.c — a chart view's pointer: hover, zoom and pan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "ll-chart-view-private.h"

/* What a step of a wheel sideways pans, of what is shown. */
#define PAN_PER_STEP 0.1

static void
on_enter (GtkEventControllerMotion *motion,
          double                    x,
          double                    y,
          LlChartView              *self)
{
  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  self->readout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           LlChartView              *self)
{
  /* A pointer that really moves takes the readout back from the keyboard. */
  if (self->cursor_shown && (x != self->pointer_x || y != self->pointer_y || !self->pointer_inside))
    {
      self->cursor_shown = FALSE;
      _ll_chart_view_refresh_description (self);
    }
  on_enter (motion, x, y, self);
}

static void
on_leave (GtkEventControllerMotion *motion,
          LlChartView              *self)
{
  self->pointer_inside = FALSE;
  self->readout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Zoom and pan ------------------------------------------------------------- */

/* Where the plot is and what it shows; FALSE when there is nothing to zoom. */
gboolean
_ll_chart_view_get_geometry (LlChartView         *self,
                             LlChartViewGeometry *g)
{
  const LlChartData *data = ll_chart_view_get_data (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    return FALSE;

  ll_chart_view_get_options (self, &g->options);
  if (!ll_chart_get_x_extent (self->kind, data, &g->options, &g->extent))
    return FALSE;
  ll_chart_get_plot_area (self->kind, data, &g->options, width, height,
                          &g->plot_x, NULL, &g->plot_width, NULL);
  g->visible.from = ll_chart_unmap_x (self->kind, data, &g->options, width, height, g->plot_x);
  g->visible.to = ll_chart_unmap_x (self->kind, data, &g->options, width, height,
                                    g->plot_x + g->plot_width);
  g->log = ll_chart_kind_has_length_axis (self->kind) && g->options.log_x;
  g->min_width = ll_chart_kind_has_length_axis (self->kind) ? MIN_LENGTH_WIDTH : MIN_TIME_WIDTH;
  return g->plot_width > 0;
}

void
_ll_chart_view_show_range (LlChartView        *self,
                           const LlChartRange *range)
{
  ll_chart_axes_set_range (self->axes, self->kind, range);
}

static void
zoom_at (LlChartView *self,
         double       anchor,
         double       factor)
{
  LlChartViewGeometry g;
  LlChartRange r;

  if (!_ll_chart_view_get_geometry (self, &g))
    return;
  ll_chart_range_zoom (&g.visible, &g.extent, g.log, anchor, factor, g.min_width, &r);
  _ll_chart_view_show_range (self, &r);
}

static gboolean
zoom_key (GtkWidget *widget,
          GVariant  *parameter,
          gpointer   user_data)
{
  zoom_at (LL_CHART_VIEW (widget), 0.5, g_variant_get_double (parameter));
  return TRUE;
}

/* Moves what is zoomed by @fraction of it; FALSE when nothing is. */
static gboolean
pan_by (LlChartView *self,
        double       fraction)
{
  LlChartRange current, r;
  LlChartViewGeometry g;

  ll_chart_axes_get_range (self->axes, self->kind, &current);
  if (ll_chart_range_is_empty (&current) || !_ll_chart_view_get_geometry (self, &g))
    return FALSE;
  ll_chart_range_pan (&current, &g.extent, g.log, fraction, &r);
  _ll_chart_view_show_range (self, &r);
  return TRUE;
}

static gboolean
pan_key (GtkWidget *widget,
         GVariant  *parameter,
         gpointer   user_data)
{
  return pan_by (LL_CHART_VIEW (widget), g_variant_get_double (parameter));
}

static gboolean
reset_key (GtkWidget *widget,
           GVariant  *parameter,
           gpointer   user_data)
{
  _ll_chart_view_show_range (LL_CHART_VIEW (widget), NULL);
  return TRUE;
}

/* Whether the page the chart is on scrolls (large text, a short window):
 * the wheel then scrolls the page, and zooms with Ctrl held. */
static gboolean
page_scrolls (LlChartView *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  if (page == NULL)
    return FALSE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment) >
         gtk_adjustment_get_page_size (adjustment) + 0.5;
}

static gboolean
on_scroll (GtkEventControllerScroll *scroll,
           double                    dx,
           double                    dy,
           LlChartView              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  LlChartViewGeometry g;

  /* Sideways (a touchpad, a tilting wheel, Shift with the wheel): a pan,
   * a tenth of what is shown a step. */
  if (fabs (dx) > fabs (dy) || ((state & GDK_SHIFT_MASK) && dy != 0.0))
    return pan_by (self, CLAMP (fabs (dx) > fabs (dy) ? dx : dy, -4.0, 4.0) * PAN_PER_STEP);
  if (dy == 0.0 || !_ll_chart_view_get_geometry (self, &g))
    return FALSE;
  if (!(state & GDK_CONTROL_MASK) && page_scrolls (self))
    return FALSE;
  if (self->pointer_x < g.plot_x || self->pointer_x > g.plot_x + g.plot_width)
    return FALSE;

  zoom_at (self, (self->pointer_x - g.plot_x) / g.plot_width, pow (1.25, CLAMP (dy, -4.0, 4.0)));
  return TRUE;
}

/* A pinch zooms around where the fingers are. */
static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                LlChartView      *self)
{
  self->pinch_scale = 1.0;
  /* Two fingers on a touchscreen: the first one's drag is not a selection. */
  if (self->drag_mode != DRAG_NONE)
    {
      self->drag_mode = DRAG_NONE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_pinch (GtkGestureZoom *gesture,
          double          scale,
          LlChartView    *self)
{
  LlChartViewGeometry g;
  double x, y, anchor = 0.5;

  if (!(scale > 0.0) || !(self->pinch_scale > 0.0) || !_ll_chart_view_get_geometry (self, &g))
    return;
  if (gtk_gesture_is_active (GTK_GESTURE (gesture)) &&
      gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    anchor = CLAMP ((x - g.plot_x) / g.plot_width, 0.0, 1.0);
  zoom_at (self, anchor, self->pinch_scale / scale);
  self->pinch_scale = scale;
}

static void
on_pressed (GtkGestureClick *click,
            int              n_press,
            double           x,
            double           y,
            LlChartView     *self)
{
  /* A double click shows everything again. */
  if (n_press == 2 && gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (click)) == GDK_BUTTON_PRIMARY)
    _ll_chart_view_show_range (self, NULL);
}

static void
on_drag_begin (GtkGestureDrag *drag,
               double          x,
               double          y,
               LlChartView    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (drag));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (drag));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_mode = DRAG_NONE;
  if (button != GDK_BUTTON_PRIMARY && button != GDK_BUTTON_MIDDLE)
    {
      gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_x0 = self->drag_x = x;
  self->drag_y0 = y;
  self->drag_mode = (button == GDK_BUTTON_MIDDLE || (state & GDK_SHIFT_MASK)) ? DRAG_PAN : DRAG_SELECT;
  /* Panning moves what is zoomed; with nothing zoomed there is nowhere to go. */
  ll_chart_axes_get_range (self->axes, self->kind, &self->drag_range);
}

static void
on_drag_update (GtkGestureDrag *drag,
                double          dx,
                double          dy,
                LlChartView    *self)
{
  LlChartViewGeometry g;

  self->drag_x = self->drag_x0 + dx;
  if (self->drag_mode == DRAG_SELECT)
    {
      if (fabs (dx) >= DRAG_THRESHOLD)
        gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (self->drag_mode == DRAG_PAN && !ll_chart_range_is_empty (&self->drag_range) &&
      _ll_chart_view_get_geometry (self, &g))
    {
      LlChartRange r;

      gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_CLAIMED);
      ll_chart_range_pan (&self->drag_range, &g.extent, g.log, -dx / g.plot_width, &r);
      _ll_chart_view_show_range (self, &r);
    }
}

static void
on_drag_end (GtkGestureDrag *drag,
             double          dx,
             double          dy,
             LlChartView    *self)
{
  DragMode mode = self->drag_mode;
  LlChartViewGeometry g;

  self->drag_mode = DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (mode != DRAG_SELECT)
    return;

  if (fabs (dx) >= DRAG_THRESHOLD)
    {
      if (_ll_chart_view_get_geometry (self, &g))
        {
          const LlChartData *data = ll_chart_view_get_data (self);
          int width = gtk_widget_get_width (GTK_WIDGET (self));
          int height = gtk_widget_get_height (GTK_WIDGET (self));
          double a = CLAMP (self->drag_x0, g.plot_x, g.plot_x + g.plot_width);
          double b = CLAMP (self->drag_x0 + dx, g.plot_x, g.plot_x + g.plot_width);
          LlChartRange r;

          ll_chart_range_clamp (ll_chart_unmap_x (self->kind, data, &g.options, width, height, a),
                                ll_chart_unmap_x (self->kind, data, &g.options, width, height, b),
                                &g.extent, g.min_width, &r);
          _ll_chart_view_show_range (self, &r);
        }
      return;
    }

  /* A click: the reallocation under the pointer, if any. */
  {
    LlChartReadout readout;
    LlChartOptions options;

    ll_chart_view_get_options (self, &options);
    ll_chart_pick (self->kind, ll_chart_view_get_data (self), &options,
                   gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)),
                   self->drag_x0, self->drag_y0, &readout);
    if (readout.found && readout.event_number > 0 && readout.series == 0)
      g_signal_emit (self, _ll_chart_view_signals[EVENT_ACTIVATED], 0, readout.event_number);
    ll_chart_readout_clear (&readout);
  }
}

void
_ll_chart_view_snapshot_selection (LlChartView *self,
                                   GtkSnapshot *snapshot,
                                   int          height)
{
  const LlColor *accent = &self->palette.accent;
  double a = MIN (self->drag_x0, self->drag_x);
  double b = MAX (self->drag_x0, self->drag_x);
  GdkRGBA fill = { accent->red, accent->green, accent->blue, 0.18 };
  GdkRGBA edge = { accent->red, accent->green, accent->blue, 0.8 };

  if (b - a < DRAG_THRESHOLD)
    return;
  gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (floor (a), 0, ceil (b - a), height));
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (floor (a), 0, 1, height));
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (floor (b), 0, 1, height));
}

void
_ll_chart_view_class_init_input (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, 0, zoom_key, "d", 0.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_equal, 0, zoom_key, "d", 0.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, 0, zoom_key, "d", 0.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, 0, zoom_key, "d", 2.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, 0, zoom_key, "d", 2.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, pan_key, "d", -0.25);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, pan_key, "d", 0.25);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, 0, reset_key, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_0, 0, reset_key, NULL);
}

void
_ll_chart_view_init_input (LlChartView *self)
{
  GtkEventController *motion, *scroll;
  GtkGesture *drag, *click, *pinch;

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_enter), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  pinch = gtk_gesture_zoom_new ();
  self->pinch_scale = 1.0;
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}
