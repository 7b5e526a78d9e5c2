/* test-chart-view-input.c — the pointer on a chart: the wheel pans, a pinch zooms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "chart-view-test-util.h"
#include "ui-test-util.h"

/* @view's controller of @type (the view holds it). */
static GObject *
find_controller (LlChartView *view,
                 GType        type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_assert_not_reached ();
}

/* The chart's wheel, as its scroll controller hears it. */
static gboolean
scroll_by (LlChartView *view,
           double       dx,
           double       dy)
{
  GObject *scroll = find_controller (view, GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  gboolean handled = FALSE;

  g_assert_true (gtk_event_controller_scroll_get_flags (GTK_EVENT_CONTROLLER_SCROLL (scroll)) &
                 GTK_EVENT_CONTROLLER_SCROLL_HORIZONTAL);
  g_signal_emit_by_name (scroll, "scroll", dx, dy, &handled);
  return handled;
}

/* Sideways, the wheel (a touchpad's, a tilting one's) pans what is
 * zoomed, a tenth of it a step; with nothing zoomed it is not the chart's. */
static void
test_wheel_pans (Fixture       *f,
                 gconstpointer  user_data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  LlChartAxes *axes = ll_chart_view_get_axes (f->view);
  LlChartRange range, before;
  double width;

  ll_chart_view_set_data (f->view, &f->data);
  gtk_widget_grab_focus (view);
  wait_frames (view, 2);

  g_assert_false (scroll_by (f->view, 1.0, 0.0));
  g_assert_false (ll_chart_axes_get_zoomed (axes));

  g_assert_true (press_key (view, GDK_KEY_plus, 0));
  g_assert_true (press_key (view, GDK_KEY_plus, 0));
  ll_chart_axes_get_range (axes, LL_CHART_CAPACITY, &before);
  width = before.to - before.from;

  g_assert_true (scroll_by (f->view, 1.0, 0.2));
  ll_chart_axes_get_range (axes, LL_CHART_CAPACITY, &range);
  g_assert_cmpfloat_with_epsilon (range.from, before.from + width / 10, width * 1e-9);
  g_assert_cmpfloat_with_epsilon (range.to - range.from, width, width * 1e-9);

  g_assert_true (scroll_by (f->view, -2.0, 0.0));
  ll_chart_axes_get_range (axes, LL_CHART_CAPACITY, &range);
  g_assert_cmpfloat_with_epsilon (range.from, before.from - width / 10, width * 1e-9);
}

/* A touchpad's pinch zooms in and out as the fingers part and close. */
static void
test_pinch_zooms (Fixture       *f,
                  gconstpointer  user_data)
{
  GObject *pinch = find_controller (f->view, GTK_TYPE_GESTURE_ZOOM);
  LlChartAxes *axes = ll_chart_view_get_axes (f->view);
  LlChartRange before, range;

  ll_chart_view_set_data (f->view, &f->data);
  wait_frames (GTK_WIDGET (f->view), 2);

  /* twice as far apart: half as much shown, around the middle */
  g_assert_true (press_key (GTK_WIDGET (f->view), GDK_KEY_plus, 0));
  ll_chart_axes_get_range (axes, LL_CHART_CAPACITY, &before);
  g_signal_emit_by_name (pinch, "scale-changed", 2.0);
  ll_chart_axes_get_range (axes, LL_CHART_CAPACITY, &range);
  g_assert_cmpfloat_with_epsilon (range.to - range.from, (before.to - before.from) / 2, 1e-6 * (before.to - before.from));
  g_assert_cmpfloat_with_epsilon ((range.from + range.to) / 2, (before.from + before.to) / 2, 1e-6 * (before.to - before.from));
  /* closed again: as before */
  g_signal_emit_by_name (pinch, "scale-changed", 1.0);
  ll_chart_axes_get_range (axes, LL_CHART_CAPACITY, &range);
  g_assert_cmpfloat_with_epsilon (range.to - range.from, before.to - before.from, 1e-6 * (before.to - before.from));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init_accessible (&argc, &argv);

  g_test_add ("/ui/chart-view-input/wheel-pans", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_wheel_pans, fixture_teardown);
  g_test_add ("/ui/chart-view-input/pinch-zooms", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_pinch_zooms, fixture_teardown);

  return g_test_run ();
}
