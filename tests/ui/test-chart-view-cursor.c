/* test-chart-view-cursor.c — the keyboard cursor on a chart and what screen readers hear of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "chart-view-test-util.h"
#include "ui-test-util.h"

/* The readout of point @point as a screen reader is told it: its lines one
 * after another, the arrow a word. */
static char *
speech_of (LlChartView *view,
           gsize        series,
           guint64      point)
{
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;
  LlChartReadout readout;
  LlChartOptions options;

  ll_chart_view_get_options (view, &options);
  ll_chart_pick_point (ll_chart_view_get_kind (view), ll_chart_view_get_data (view), &options,
                       gtk_widget_get_width (GTK_WIDGET (view)),
                       gtk_widget_get_height (GTK_WIDGET (view)),
                       series, point, &readout);
  g_assert_true (readout.found);
  lines = g_strsplit (readout.text, "\n", -1);
  ll_chart_readout_clear (&readout);
  joined = g_strjoinv ("; ", lines);
  parts = g_strsplit (joined, " → ", -1);
  return g_strjoinv (" to ", parts);
}

/* The keyboard cursor is on @point of run @series: drawn with the
 * pointer's readout, and told to screen readers. */
static void
assert_cursor (LlChartView *view,
               gsize        series,
               guint64      point)
{
  g_autofree char *speech = speech_of (view, series, point);
  g_autofree char *wrong = NULL;
  LlChartReadout readout;
  LlChartOptions options;
  gsize s;
  guint64 p;

  g_assert_true (ll_chart_view_get_cursor (view, &s, &p));
  g_assert_cmpuint (s, ==, series);
  g_assert_cmpuint (p, ==, point);

  ll_chart_view_get_options (view, &options);
  ll_chart_pick_point (ll_chart_view_get_kind (view), ll_chart_view_get_data (view), &options,
                       gtk_widget_get_width (GTK_WIDGET (view)),
                       gtk_widget_get_height (GTK_WIDGET (view)),
                       series, point, &readout);
  g_assert_cmpstr (ll_chart_view_get_readout (view), ==, readout.text);
  ll_chart_readout_clear (&readout);

  g_assert_cmpstr (ll_chart_view_get_description (view), ==, speech);
  wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, speech);
  g_assert_null (wrong);
}

/* Arrow keys step through the reallocations, Home and End go to the ends,
 * Page Up and Down by a tenth of those in view. */
static void
test_keyboard_cursor (Fixture       *f,
                      gconstpointer  user_data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  guint64 n;

  ll_chart_view_set_data (f->view, &f->data);
  gtk_widget_grab_focus (view);
  wait_frames (view, 2);
  g_assert_true (gtk_widget_has_focus (view));
  g_assert_false (ll_chart_view_get_cursor (f->view, NULL, NULL));
  n = ll_chart_get_n_points (LL_CHART_CAPACITY, &f->data, 0);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (f->events));

  /* The first press shows the cursor on the first point in view. */
  g_assert_true (press_key (view, GDK_KEY_Right, 0));
  assert_cursor (f->view, 0, 0);
  g_assert_true (g_str_has_prefix (ll_chart_view_get_description (f->view),
                                   "Reallocation 1 of 64; Length 1; Capacity 0 to 6; "));
  g_assert_true (press_key (view, GDK_KEY_Right, 0));
  assert_cursor (f->view, 0, 1);
  g_assert_true (press_key (view, GDK_KEY_KP_Right, 0));
  assert_cursor (f->view, 0, 2);
  g_assert_true (press_key (view, GDK_KEY_Left, 0));
  assert_cursor (f->view, 0, 1);
  g_assert_true (press_key (view, GDK_KEY_End, 0));
  assert_cursor (f->view, 0, n - 1);
  g_assert_true (g_str_has_prefix (ll_chart_view_get_description (f->view),
                                   "Reallocation 64 of 64; "));
  g_assert_true (press_key (view, GDK_KEY_Right, 0));
  assert_cursor (f->view, 0, n - 1);
  g_assert_true (press_key (view, GDK_KEY_Page_Up, 0));
  assert_cursor (f->view, 0, n - 1 - n / 10);
  g_assert_true (press_key (view, GDK_KEY_Home, 0));
  assert_cursor (f->view, 0, 0);
  g_assert_true (press_key (view, GDK_KEY_Left, 0));
  assert_cursor (f->view, 0, 0);
  g_assert_true (press_key (view, GDK_KEY_Page_Down, 0));
  assert_cursor (f->view, 0, n / 10);
  /* One run: Up and Down are left to move the focus. */
  g_assert_false (press_key (view, GDK_KEY_Down, 0));
  assert_cursor (f->view, 0, n / 10);

  /* It stays on its reallocation while the run goes on. */
  f->series.n_events = n - 4;
  ll_chart_view_set_data (f->view, &f->data);
  assert_cursor (f->view, 0, n / 10);

  /* The focus elsewhere, it is gone; back, the first press shows it
   * where it was. */
  gtk_window_set_focus (f->window, NULL);
  g_assert_false (ll_chart_view_get_cursor (f->view, NULL, NULL));
  g_assert_null (ll_chart_view_get_readout (f->view));
  g_assert_false (g_str_has_prefix (ll_chart_view_get_description (f->view), "Reallocation"));
  gtk_widget_grab_focus (view);
  g_assert_true (press_key (view, GDK_KEY_Left, 0));
  assert_cursor (f->view, 0, n / 10);
  g_assert_true (press_key (view, GDK_KEY_Left, 0));
  assert_cursor (f->view, 0, n / 10 - 1);
}

/* Zoomed, the cursor stays in view: moved, it pans the zoom; panned away
 * with Shift and an arrow, it comes along. Plus and minus still zoom. */
static void
test_keyboard_zoom (Fixture       *f,
                    gconstpointer  user_data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  LlChartAxes *axes = ll_chart_view_get_axes (f->view);
  LlChartRange range, before;
  guint64 n = G_N_ELEMENTS (f->events);
  gsize series;
  guint64 point;
  double x;

  ll_chart_view_set_data (f->view, &f->data);
  gtk_widget_grab_focus (view);
  wait_frames (view, 2);

  g_assert_true (press_key (view, GDK_KEY_plus, 0));
  g_assert_true (ll_chart_axes_get_zoomed (axes));
  ll_chart_axes_get_range (axes, LL_CHART_CAPACITY, &range);
  /* The first point in view, not the first point. */
  g_assert_true (press_key (view, GDK_KEY_Right, 0));
  g_assert_true (ll_chart_view_get_cursor (f->view, &series, &point));
  x = ll_chart_get_point_x (LL_CHART_CAPACITY, &f->data, 0, point);
  g_assert_cmpfloat (x, >=, range.from);
  g_assert_cmpfloat (ll_chart_get_point_x (LL_CHART_CAPACITY, &f->data, 0, point - 1), <, range.from);

  /* End: the zoom pans to the last point. */
  g_assert_true (press_key (view, GDK_KEY_End, 0));
  assert_cursor (f->view, 0, n - 1);
  ll_chart_axes_get_range (axes, LL_CHART_CAPACITY, &range);
  x = ll_chart_get_point_x (LL_CHART_CAPACITY, &f->data, 0, n - 1);
  g_assert_cmpfloat (x, >=, range.from);
  g_assert_cmpfloat (x, <=, range.to);

  /* Shift+Left pans; the cursor comes along into what is shown. */
  before = range;
  for (guint i = 0; i < 3; i++)
    g_assert_true (press_key (view, GDK_KEY_Left, GDK_SHIFT_MASK));
  ll_chart_axes_get_range (axes, LL_CHART_CAPACITY, &range);
  g_assert_cmpfloat (range.to, <, before.to);
  g_assert_true (ll_chart_view_get_cursor (f->view, &series, &point));
  x = ll_chart_get_point_x (LL_CHART_CAPACITY, &f->data, 0, point);
  g_assert_cmpfloat (x, >=, range.from);
  g_assert_cmpfloat (x, <=, range.to);
  assert_cursor (f->view, 0, point);

  /* 0 shows everything; the cursor stays. */
  g_assert_true (press_key (view, GDK_KEY_0, 0));
  g_assert_false (ll_chart_axes_get_zoomed (axes));
  assert_cursor (f->view, 0, point);
}

/* Zooms @f's chart between its points @gap and @gap + 1 (at data x @a
 * and @b), the view focused. */
static void
zoom_between (Fixture *f,
              guint64  gap,
              double  *a,
              double  *b)
{
  LlChartRange between;

  *a = ll_chart_get_point_x (LL_CHART_CAPACITY, &f->data, 0, gap);
  *b = ll_chart_get_point_x (LL_CHART_CAPACITY, &f->data, 0, gap + 1);
  between = (LlChartRange) { *a + (*b - *a) * 0.3, *a + (*b - *a) * 0.6 };
  ll_chart_axes_set_range (ll_chart_view_get_axes (f->view), LL_CHART_CAPACITY, &between);
}

static void
assert_in_view (Fixture *f,
                double   x)
{
  LlChartRange range;

  ll_chart_axes_get_range (ll_chart_view_get_axes (f->view), LL_CHART_CAPACITY, &range);
  g_assert_cmpfloat (x, >=, range.from);
  g_assert_cmpfloat (x, <=, range.to);
}

/* Zoomed between two points, the arrows go on from the view's edges:
 * Right to the first point past it, Left to the last one before it, each
 * panned into view, whether the cursor was placed or not. */
static void
test_keyboard_between_points (Fixture       *f,
                              gconstpointer  user_data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  guint64 gap = G_N_ELEMENTS (f->events) - 3;
  double a, b;

  ll_chart_view_set_data (f->view, &f->data);
  gtk_widget_grab_focus (view);
  wait_frames (view, 2);

  /* not placed yet: Right */
  zoom_between (f, gap, &a, &b);
  g_assert_true (press_key (view, GDK_KEY_Right, 0));
  assert_cursor (f->view, 0, gap + 1);
  assert_in_view (f, b);

  /* back between them, Left: the one before */
  zoom_between (f, gap, &a, &b);
  g_assert_true (press_key (view, GDK_KEY_Left, 0));
  assert_cursor (f->view, 0, gap);
  assert_in_view (f, a);

  /* the focus gone and back, the cursor out of view starts again: Left */
  gtk_window_set_focus (f->window, NULL);
  zoom_between (f, gap, &a, &b);
  gtk_widget_grab_focus (view);
  g_assert_true (press_key (view, GDK_KEY_Left, 0));
  assert_cursor (f->view, 0, gap);
  assert_in_view (f, a);
}

/* The memory chart steps through samples; over several runs, Up and Down
 * go from run to run at the same place. */
static void
test_keyboard_memory_and_runs (Fixture       *f,
                               gconstpointer  user_data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  LlChartSeries two[2];
  LlChartData data;

  ll_chart_view_set_data (f->view, &f->data);
  gtk_widget_grab_focus (view);
  wait_frames (view, 2);

  g_assert_true (press_key (view, GDK_KEY_End, 0));
  assert_cursor (f->view, 0, G_N_ELEMENTS (f->samples) - 1);
  g_assert_true (g_str_has_prefix (ll_chart_view_get_description (f->view), "Time 64.0 ms; Available "));

  two[0] = f->series;
  two[0].name = "First";
  two[1] = f->series;
  two[1].n_samples = G_N_ELEMENTS (f->samples) / 2;
  two[1].name = "Second";
  ll_chart_data_init (&data, two, 2);
  ll_chart_view_set_data (f->view, &data);
  g_assert_true (press_key (view, GDK_KEY_Home, 0));
  g_assert_true (press_key (view, GDK_KEY_Right, 0));
  assert_cursor (f->view, 0, 1);
  g_assert_true (press_key (view, GDK_KEY_Down, 0));
  assert_cursor (f->view, 1, 1);
  g_assert_true (g_str_has_prefix (ll_chart_view_get_description (f->view), "Run Second; Time 4.0 ms; "));
  g_assert_true (press_key (view, GDK_KEY_Down, 0));
  assert_cursor (f->view, 1, 1);
  g_assert_true (press_key (view, GDK_KEY_End, 0));
  assert_cursor (f->view, 1, G_N_ELEMENTS (f->samples) / 2 - 1);
  g_assert_true (press_key (view, GDK_KEY_Up, 0));
  assert_cursor (f->view, 0, G_N_ELEMENTS (f->samples) / 2 - 1);
}

static void
assert_description (LlChartView *view,
                    const char  *prefix)
{
  g_autofree char *wrong =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (view),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        ll_chart_view_get_description (view));

  g_assert_null (wrong);
  if (!g_str_has_prefix (ll_chart_view_get_description (view), prefix))
    g_error ("description \"%s\", expected it to start \"%s\"",
             ll_chart_view_get_description (view), prefix);
}

/* Not being explored, a chart tells what it shows now — at most once a
 * second while a run changes it. */
static void
test_description (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autofree char *all = NULL;
  g_autofree char *fewer = NULL;
  g_autofree char *simulated = NULL;
  LlChartKind kind = ll_chart_view_get_kind (f->view);

  /* The window gave the chart the focus: take it away. */
  gtk_window_set_focus (f->window, NULL);
  assert_description (f->view, "No data yet. ");
  gtk_test_accessible_assert_property (f->view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       ll_chart_kind_get_title (kind));

  ll_chart_view_set_data (f->view, &f->data);
  all = ll_chart_describe (kind, &f->data, NULL);
  assert_description (f->view, all);
  g_assert_true (g_str_has_prefix (all, kind == LL_CHART_MEMORY ? "After 64.0 ms: " : "64 reallocations"));
  /* What it is and how to explore it follow. */
  g_assert_nonnull (strstr (ll_chart_view_get_description (f->view),
                            ll_chart_kind_get_description (kind)));
  g_assert_nonnull (strstr (ll_chart_view_get_description (f->view), "Page Up"));

  /* The run goes on: said within a second, not at once. */
  f->series.n_events = 40;
  f->series.n_samples = 20;
  f->counters.n_events = 40;
  f->counters.last_event = f->events[39].last;
  f->counters.last_sample = f->samples[19].last;
  ll_chart_view_set_data (f->view, &f->data);
  fewer = ll_chart_describe (kind, &f->data, NULL);
  g_assert_cmpstr (fewer, !=, all);
  assert_description (f->view, all);
  wait_ms (1100);
  assert_description (f->view, fewer);

  /* A simulation has no timings, nor memory: the chart says so. */
  if (kind == LL_CHART_TIME || kind == LL_CHART_MEMORY)
    {
      f->counters.total_realloc_ns = 0;
      f->series.n_samples = 0;
      for (guint i = 0; i < G_N_ELEMENTS (f->events); i++)
        f->events[i].first.realloc_ns = f->events[i].last.realloc_ns = 0;
      ll_chart_view_set_data (f->view, &f->data);
      wait_ms (1100);
      simulated = ll_chart_describe (kind, &f->data, NULL);
      g_assert_true (g_str_has_prefix (simulated, "No "));
      assert_description (f->view, simulated);
    }

  /* No run: no data. */
  ll_chart_view_set_data (f->view, NULL);
  wait_ms (1100);
  assert_description (f->view, "No data yet. ");
}

/* With the focus on the chart, a run's changes are said every five
 * seconds, and only what the chart shows: a screen reader speaks each. */
static void
test_description_focused (Fixture       *f,
                          gconstpointer  user_data)
{
  g_autofree char *all = NULL;
  g_autofree char *fewer = NULL;
  g_autofree char *full = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  ll_chart_view_set_data (f->view, &f->data);
  all = ll_chart_describe (LL_CHART_CAPACITY, &f->data, NULL);
  g_assert_cmpstr (ll_chart_view_get_description (f->view), ==, all);

  f->series.n_events = 40;
  f->counters.n_events = 40;
  f->counters.last_event = f->events[39].last;
  ll_chart_view_set_data (f->view, &f->data);
  fewer = ll_chart_describe (LL_CHART_CAPACITY, &f->data, NULL);
  wait_ms (2000);
  g_assert_cmpstr (ll_chart_view_get_description (f->view), ==, all);
  wait_ms (3200);
  g_assert_cmpstr (ll_chart_view_get_description (f->view), ==, fewer);

  /* Away from it, it says all again. */
  gtk_window_set_focus (f->window, NULL);
  full = g_strdup (ll_chart_view_get_description (f->view));
  g_assert_true (g_str_has_prefix (full, fewer));
  g_assert_nonnull (strstr (full, ll_chart_kind_get_description (LL_CHART_CAPACITY)));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init_accessible (&argc, &argv);

  g_test_add ("/ui/chart-view-cursor/keyboard/cursor", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_keyboard_cursor, fixture_teardown);
  g_test_add ("/ui/chart-view-cursor/keyboard/zoom", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_keyboard_zoom, fixture_teardown);
  g_test_add ("/ui/chart-view-cursor/keyboard/between-points", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_keyboard_between_points, fixture_teardown);
  g_test_add ("/ui/chart-view-cursor/keyboard/memory-and-runs", Fixture, GUINT_TO_POINTER (LL_CHART_MEMORY),
              fixture_setup, test_keyboard_memory_and_runs, fixture_teardown);
  g_test_add ("/ui/chart-view-cursor/description-focused", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_description_focused, fixture_teardown);
  for (guint kind = 0; kind < LL_N_CHARTS; kind++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/chart-view-cursor/%s/description",
                                               ll_chart_kind_get_name (kind));

      g_test_add (path, Fixture, GUINT_TO_POINTER (kind),
                  fixture_setup, test_description, fixture_teardown);
    }

  return g_test_run ();
}
