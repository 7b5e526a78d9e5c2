/* test-runs-legend.c — one legend naming the runs all the charts show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ll-chart-view.h"
#include "ll-runs-legend.h"
#include "ui-test-util.h"

typedef struct
{
  GtkWindow     *window;
  LlChartView   *view;
  LlRunsLegend  *legend;
  LlChartSeries  series[6];
  LlChartData    data;
} Fixture;

static const char *names[] = {
  "CPython 3.9+", "C++ std::vector (libstdc++)", "Java ArrayList", "Go slice", "Rust Vec", NULL,
};

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* Runs with names and styles only: that is what a legend shows. */
  for (guint i = 0; i < G_N_ELEMENTS (f->series); i++)
    {
      f->series[i] = (LlChartSeries) { 0 };
      f->series[i].name = names[i];
      f->series[i].style = i;
    }
  f->view = LL_CHART_VIEW (ll_chart_view_new (LL_CHART_CAPACITY));
  f->legend = LL_RUNS_LEGEND (ll_runs_legend_new ());
  ll_runs_legend_set_source (f->legend, f->view);
  gtk_widget_set_size_request (GTK_WIDGET (f->view), -1, 200);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->legend));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->view));
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 400);
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  wait_frames (GTK_WIDGET (f->window), 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  gtk_window_destroy (f->window);
  wait_ms (50);
}

static void
show_runs (Fixture *f,
           gsize    n)
{
  ll_chart_data_init (&f->data, f->series, n);
  ll_runs_legend_set_data (f->legend, &f->data);
  wait_frames (GTK_WIDGET (f->view), 3);
}

static void
assert_names (Fixture    *f,
              const char *joined)
{
  g_auto(GStrv) shown = ll_runs_legend_get_names (f->legend);
  g_autofree char *text = g_strjoinv ("|", shown);

  g_assert_cmpstr (text, ==, joined);
}

/* Over one run the chart's own legend says it all: this one hides. Over
 * several, it names them all, in order, and hides again when one is left. */
static void
test_shown_over_several (Fixture       *f,
                         gconstpointer  user_data)
{
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->legend)));
  show_runs (f, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->legend)));
  assert_names (f, "");

  show_runs (f, 3);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->legend)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->legend)), >, 10);
  assert_names (f, "CPython 3.9+|C++ std::vector (libstdc++)|Java ArrayList");

  /* A run with no name yet has an empty one, in its place. */
  f->series[1].name = NULL;
  show_runs (f, 3);
  assert_names (f, "CPython 3.9+||Java ArrayList");

  show_runs (f, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->legend)));
  assert_names (f, "");
}

/* It keeps its own copy of the names: the caller's may go. */
static void
test_copies_names (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autofree char *renamed = g_strdup ("Mine");

  f->series[0].name = renamed;
  show_runs (f, 2);
  renamed[0] = 'Y';
  assert_names (f, "Mine|C++ std::vector (libstdc++)");
  f->series[0].name = "Yours";
  show_runs (f, 2);
  assert_names (f, "Yours|C++ std::vector (libstdc++)");
}

/* Its rows fill the width it is given: narrower, it takes more rows. */
static void
test_rows_for_width (Fixture       *f,
                     gconstpointer  user_data)
{
  int wide, narrow;

  show_runs (f, 5);
  gtk_widget_measure (GTK_WIDGET (f->legend), GTK_ORIENTATION_VERTICAL, 1600, &wide, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (f->legend), GTK_ORIENTATION_VERTICAL, 300, &narrow, NULL, NULL, NULL);
  g_assert_cmpint (wide, >, 10);
  g_assert_cmpint (narrow, >=, 2 * wide);
}

/* It draws what an image of the charts draws above them, in the chart's
 * colours and text. */
static void
test_same_pixels (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autofree guchar *pixels = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  LlChartOptions options;
  int width, height;
  guint differing = 0, inked = 0;
  const guchar *ref;

  show_runs (f, 4);
  width = gtk_widget_get_width (GTK_WIDGET (f->legend));
  height = gtk_widget_get_height (GTK_WIDGET (f->legend));
  pixels = widget_pixels (GTK_WIDGET (f->legend));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  ll_chart_view_get_options (f->view, &options);
  g_assert_cmpfloat (ll_chart_draw_runs_legend (cr, &f->data, &options, width, FALSE), ==, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  ref = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *a = pixels + (y * width + x) * 4;
        const guchar *b = ref + y * cairo_image_surface_get_stride (surface) + x * 4;

        differing += pixels_differ (a, b);
        inked += b[3] > 0;
      }
  cairo_surface_destroy (surface);

  g_assert_cmpuint (differing, ==, 0);
  g_assert_cmpuint (inked, >, 200);
}

/* A screen reader hears an image named for what it is, described by the
 * runs' names. */
static void
test_accessible (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->legend)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->legend),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, "Runs on the Charts");
  g_assert_null (label);

  show_runs (f, 3);
  description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->legend),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                    "CPython 3.9+, C++ std::vector (libstdc++), Java ArrayList");
  g_assert_null (description);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init_accessible (&argc, &argv);

  g_test_add ("/ui/runs-legend/shown-over-several", Fixture, NULL, fixture_set_up, test_shown_over_several, fixture_tear_down);
  g_test_add ("/ui/runs-legend/copies-names", Fixture, NULL, fixture_set_up, test_copies_names, fixture_tear_down);
  g_test_add ("/ui/runs-legend/rows-for-width", Fixture, NULL, fixture_set_up, test_rows_for_width, fixture_tear_down);
  g_test_add ("/ui/runs-legend/same-pixels", Fixture, NULL, fixture_set_up, test_same_pixels, fixture_tear_down);
  g_test_add ("/ui/runs-legend/accessible", Fixture, NULL, fixture_set_up, test_accessible, fixture_tear_down);

  return g_test_run ();
}
