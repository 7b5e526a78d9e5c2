/* test-chart-view.c — the chart widget: same pixels as the library, redraws
 * only on change, follows the style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "chart-view-test-util.h"
#include "ui-test-util.h"

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_properties (Fixture       *f,
                 gconstpointer  user_data)
{
  guint kind_notifies = 0, title_notifies = 0;
  g_autoptr(LlChartAxes) axes = ll_chart_axes_new ();
  LlChartRange range = { 10, 20 };
  LlChartOptions options;

  g_signal_connect (f->view, "notify::kind", G_CALLBACK (on_notify), &kind_notifies);
  g_signal_connect (f->view, "notify::draw-title", G_CALLBACK (on_notify), &title_notifies);

  ll_chart_view_set_kind (f->view, LL_CHART_GROWTH);
  ll_chart_view_set_kind (f->view, LL_CHART_GROWTH);
  g_assert_cmpuint (kind_notifies, ==, 1);
  g_assert_cmpuint (ll_chart_view_get_kind (f->view), ==, LL_CHART_GROWTH);

  g_object_set (f->view, "draw-title", TRUE, NULL);
  ll_chart_view_set_draw_title (f->view, TRUE);
  g_assert_cmpuint (title_notifies, ==, 1);
  g_assert_true (ll_chart_view_get_draw_title (f->view));

  /* Zoom and scales come from the axes it shares. */
  ll_chart_view_set_axes (f->view, axes);
  g_assert_true (ll_chart_view_get_axes (f->view) == axes);
  ll_chart_axes_set_log_y (axes, TRUE);
  ll_chart_axes_set_range (axes, LL_CHART_CAPACITY, &range);
  ll_chart_view_get_options (f->view, &options);
  g_assert_true (options.log_y);
  g_assert_false (options.log_x);
  g_assert_cmpfloat (options.length_range.from, ==, 10);
  g_assert_cmpfloat (options.length_range.to, ==, 20);
  g_assert_true (ll_chart_range_is_empty (&options.time_range));
  g_assert_true (ll_chart_axes_get_zoomed (axes));
  ll_chart_axes_reset (axes);
  g_assert_false (ll_chart_axes_get_zoomed (axes));

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
}

/* Redrawing the widget reuses the rendered chart; new data renders it. */
static void
test_redraw_on_change (Fixture       *f,
                       gconstpointer  user_data)
{
  guint renders = ll_chart_view_get_n_renders (f->view);

  g_assert_cmpuint (renders, >=, 1);

  gtk_widget_queue_draw (GTK_WIDGET (f->view));
  wait_frames (GTK_WIDGET (f->view), 3);
  g_assert_cmpuint (ll_chart_view_get_n_renders (f->view), ==, renders);

  ll_chart_view_set_data (f->view, &f->data);
  wait_frames (GTK_WIDGET (f->view), 3);
  g_assert_cmpuint (ll_chart_view_get_n_renders (f->view), ==, renders + 1);
  g_assert_true (ll_chart_view_get_data (f->view)->series[0].events == f->events);

  ll_chart_axes_set_log_y (ll_chart_view_get_axes (f->view), TRUE);
  wait_frames (GTK_WIDGET (f->view), 3);
  g_assert_cmpuint (ll_chart_view_get_n_renders (f->view), ==, renders + 2);

  wait_frames (GTK_WIDGET (f->view), 5);
  g_assert_cmpuint (ll_chart_view_get_n_renders (f->view), ==, renders + 2);

  /* A zoom renders it again, and so does a marked reallocation. */
  ll_chart_axes_set_range (ll_chart_view_get_axes (f->view), ll_chart_view_get_kind (f->view),
                           &(LlChartRange) { 2, 6 });
  wait_frames (GTK_WIDGET (f->view), 3);
  g_assert_cmpuint (ll_chart_view_get_n_renders (f->view), ==, renders + 3);
  ll_chart_view_set_mark (f->view, &f->events[1].first);
  wait_frames (GTK_WIDGET (f->view), 3);
  g_assert_cmpuint (ll_chart_view_get_n_renders (f->view), ==, renders + 4);
  ll_chart_view_set_mark (f->view, &f->events[1].first);
  wait_frames (GTK_WIDGET (f->view), 3);
  g_assert_cmpuint (ll_chart_view_get_n_renders (f->view), ==, renders + 4);
}

/* Data given during a run: the pointer's readout has it at once, the
 * chart draws it when its turn comes. */
static void
test_redraw_later (Fixture       *f,
                   gconstpointer  user_data)
{
  guint renders = ll_chart_view_get_n_renders (f->view);
  LlChartSeries fewer = f->series;
  LlChartData half;

  fewer.n_events /= 2;
  ll_chart_data_init (&half, &fewer, 1);
  ll_chart_view_set_data_later (f->view, &half);
  wait_frames (GTK_WIDGET (f->view), 3);
  g_assert_cmpuint (ll_chart_view_get_n_renders (f->view), ==, renders);
  g_assert_cmpuint (ll_chart_view_get_data (f->view)->series[0].n_events, ==, fewer.n_events);

  g_assert_true (ll_chart_view_catch_up (f->view));
  wait_frames (GTK_WIDGET (f->view), 3);
  g_assert_cmpuint (ll_chart_view_get_n_renders (f->view), ==, renders + 1);
  g_assert_false (ll_chart_view_catch_up (f->view));
  wait_frames (GTK_WIDGET (f->view), 3);
  g_assert_cmpuint (ll_chart_view_get_n_renders (f->view), ==, renders + 1);

  /* Any other change draws the newest data too. */
  ll_chart_view_set_data_later (f->view, &f->data);
  ll_chart_axes_set_log_y (ll_chart_view_get_axes (f->view), TRUE);
  wait_frames (GTK_WIDGET (f->view), 3);
  g_assert_cmpuint (ll_chart_view_get_n_renders (f->view), ==, renders + 2);
  g_assert_false (ll_chart_view_catch_up (f->view));
}

/* The chart as the chart library draws it with the view's options. */
static cairo_surface_t *
library_pixels (Fixture *f,
                int      width,
                int      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  LlChartOptions options;

  ll_chart_view_get_options (f->view, &options);
  ll_chart_draw (cr, ll_chart_view_get_kind (f->view), &f->data, &options, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The widget shows exactly what the chart library draws with the widget's
 * options: the same code makes the exports. */
static void
test_same_pixels (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autofree guchar *pixels = NULL;
  cairo_surface_t *surface;
  int width, height, stride;
  guint64 differing = 0, ink = 0;
  guchar *ref;

  ll_chart_view_set_data (f->view, &f->data);
  wait_frames (GTK_WIDGET (f->view), 3);

  width = gtk_widget_get_width (GTK_WIDGET (f->view));
  height = gtk_widget_get_height (GTK_WIDGET (f->view));
  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);

  pixels = widget_pixels (GTK_WIDGET (f->view));
  stride = width * 4;
  surface = library_pixels (f, width, height);
  ref = cairo_image_surface_get_data (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *a = pixels + y * stride + x * 4;
        const guchar *b = ref + y * cairo_image_surface_get_stride (surface) + x * 4;

        differing += pixels_differ (a, b);
        /* Something other than the background was drawn. */
        if (ABS ((int) b[0] - (int) ref[0]) + ABS ((int) b[1] - (int) ref[1]) > 60)
          ink++;
      }

  cairo_surface_destroy (surface);

  g_test_message ("%" G_GUINT64_FORMAT " pixels differ, %" G_GUINT64_FORMAT " inked",
                  differing, ink);
  g_assert_cmpuint (differing, ==, 0);
  g_assert_cmpuint (ink, >, (guint64) width * height / 200);
}

static double
luminance (const LlColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

static void
test_follows_style (Fixture       *f,
                    gconstpointer  user_data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  LlChartOptions light, dark;
  guint renders;

  ll_chart_view_get_options (f->view, &light);
  g_assert_cmpfloat (luminance (&light.palette.background), >, 0.7);
  g_assert_cmpfloat (luminance (&light.palette.foreground), <, 0.3);

  renders = ll_chart_view_get_n_renders (f->view);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_frames (GTK_WIDGET (f->view), 3);
  g_assert_cmpuint (ll_chart_view_get_n_renders (f->view), >, renders);

  ll_chart_view_get_options (f->view, &dark);
  g_assert_cmpfloat (luminance (&dark.palette.background), <, 0.3);
  g_assert_cmpfloat (luminance (&dark.palette.foreground), >, 0.7);
  /* The accent is libadwaita's, lighter on dark. */
  g_assert_cmpfloat (luminance (&dark.palette.accent), >, luminance (&light.palette.accent));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* Every colour the view draws with keeps its contrast on the card: text
 * 4.5:1, graphics 3:1 (the grid is decoration). */
static void
assert_contrast (const LlChartPalette *p)
{
  const LlColor *text[] = { &p->foreground, &p->secondary, &p->series3, &p->warning };
  const LlColor *graphics[] = { &p->accent, &p->series2, &p->marker };

  for (guint i = 0; i < G_N_ELEMENTS (text); i++)
    g_assert_cmpfloat (ll_color_contrast (text[i], &p->background), >=, 4.5);
  for (guint i = 0; i < G_N_ELEMENTS (graphics); i++)
    g_assert_cmpfloat (ll_color_contrast (graphics[i], &p->background), >=, 3.0);
  for (guint i = 0; i < LL_CHART_N_RUN_COLORS; i++)
    g_assert_cmpfloat (ll_color_contrast (&p->runs[i], &p->background), >=, 3.0);
}

static void
test_contrast (Fixture       *f,
               gconstpointer  user_data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  LlChartOptions options;

  ll_chart_view_get_options (f->view, &options);
  assert_contrast (&options.palette);
  g_assert_false (options.palette.high_contrast);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_frames (GTK_WIDGET (f->view), 3);
  ll_chart_view_get_options (f->view, &options);
  g_assert_true (ll_chart_palette_is_dark (&options.palette));
  assert_contrast (&options.palette);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* The plot's height in the chart at the least height it asks for. */
static double
least_plot_height (Fixture *f)
{
  LlChartOptions options;
  LlChartLayout layout;
  int min_height;

  ll_chart_view_get_options (f->view, &options);
  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_VERTICAL, WIDTH,
                      &min_height, NULL, NULL, NULL);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &f->data, &options, WIDTH, min_height);
  return layout.plot.height;
}

/* Large text (GNOME's text scaling factor 1.5: 144 dpi) makes the chart's
 * text larger, and the chart is drawn again when it changes; the chart
 * then asks for the height that keeps its plot readable. */
static void
test_large_text (Fixture       *f,
                 gconstpointer  user_data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  LlChartOptions options;
  int dpi;
  guint renders;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  ll_chart_view_get_options (f->view, &options);
  g_assert_cmpfloat_with_epsilon (options.text_scale, dpi > 0 ? dpi / 1024.0 / 96.0 : 1.0, 1e-6);

  renders = ll_chart_view_get_n_renders (f->view);
  g_object_set (settings, "gtk-xft-dpi", 147456, NULL);
  wait_frames (GTK_WIDGET (f->view), 3);
  g_assert_cmpuint (ll_chart_view_get_n_renders (f->view), >, renders);
  ll_chart_view_get_options (f->view, &options);
  g_assert_cmpfloat_with_epsilon (options.text_scale, 1.5, 1e-6);
  g_assert_cmpfloat (least_plot_height (f), >=, 160.0);

  g_object_set (settings, "gtk-xft-dpi", dpi > 0 ? dpi : 96 * 1024, NULL);
  wait_frames (GTK_WIDGET (f->view), 3);
  ll_chart_view_get_options (f->view, &options);
  g_assert_cmpfloat (options.text_scale, <, 1.5);
}

/* The readout stays inside the chart, however narrow: its lines wrap. */
static void
test_readout_inside (Fixture       *f,
                     gconstpointer  user_data)
{
  GtkWidget *view = GTK_WIDGET (f->view);

  ll_chart_view_set_data (f->view, &f->data);
  for (int width = WIDTH; width >= 200; width -= 100)
    {
      graphene_rect_t box;

      gtk_window_set_default_size (f->window, width, HEIGHT);
      wait_frames (view, 3);
      gtk_widget_grab_focus (view);
      g_assert_true (press_key (view, GDK_KEY_End, 0));
      g_assert_true (ll_chart_view_get_readout_bounds (f->view, &box));
      g_test_message ("%d px: readout %.0f × %.0f at %.0f", gtk_widget_get_width (view),
                      box.size.width, box.size.height, box.origin.x);
      g_assert_cmpfloat (box.origin.x, >=, 0);
      g_assert_cmpfloat (box.origin.y, >=, 0);
      g_assert_cmpfloat (box.origin.x + box.size.width, <=, gtk_widget_get_width (view));
      g_assert_cmpfloat (box.origin.y + box.size.height, <=, gtk_widget_get_height (view));
    }
}

/* The readout draws over the plot and in its box, nowhere else: the
 * crosshair spans the plot, not the titles and labels. */
static void
test_crosshair_in_plot (Fixture       *f,
                        gconstpointer  user_data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  g_autofree guchar *pixels = NULL;
  cairo_surface_t *surface;
  LlChartOptions options;
  graphene_rect_t box, plot;
  double plot_x, plot_y, plot_w, plot_h;
  int width, height, stride;
  guint64 inside = 0, outside = 0;

  ll_chart_view_set_data (f->view, &f->data);
  wait_frames (view, 3);
  gtk_widget_grab_focus (view);
  g_assert_true (press_key (view, GDK_KEY_End, 0));
  wait_frames (view, 2);
  g_assert_true (ll_chart_view_get_readout_bounds (f->view, &box));

  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  pixels = widget_pixels (view);
  stride = width * 4;
  surface = library_pixels (f, width, height);
  ll_chart_view_get_options (f->view, &options);
  ll_chart_get_plot_area (ll_chart_view_get_kind (f->view), &f->data, &options, width, height,
                          &plot_x, &plot_y, &plot_w, &plot_h);
  /* (the cursor's ring may reach a little past the plot, the box's shadow past the box) */
  graphene_rect_inset (graphene_rect_init (&plot, plot_x, plot_y, plot_w, plot_h), -10, -10);
  graphene_rect_inset (&box, -8, -8);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *a = pixels + y * stride + x * 4;
        const guchar *b = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4;

        if (!pixels_differ (a, b))
          continue;
        if (graphene_rect_contains_point (&plot, &GRAPHENE_POINT_INIT (x, y)) ||
            graphene_rect_contains_point (&box, &GRAPHENE_POINT_INIT (x, y)))
          inside++;
        else
          outside++;
      }
  cairo_surface_destroy (surface);

  g_test_message ("the readout changed %" G_GUINT64_FORMAT " pixels in the plot and its box, %"
                  G_GUINT64_FORMAT " elsewhere", inside, outside);
  g_assert_cmpuint (inside, >, 100);
  g_assert_cmpuint (outside, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init_accessible (&argc, &argv);

  for (guint kind = 0; kind < LL_N_CHARTS; kind++)
    {
      g_autofree char *pixels = g_strdup_printf ("/ui/chart-view/%s/same-pixels",
                                                 ll_chart_kind_get_name (kind));

      g_test_add (pixels, Fixture, GUINT_TO_POINTER (kind),
                  fixture_setup, test_same_pixels, fixture_teardown);
    }
  g_test_add ("/ui/chart-view/properties", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_properties, fixture_teardown);
  g_test_add ("/ui/chart-view/redraw-on-change", Fixture, GUINT_TO_POINTER (LL_CHART_GROWTH),
              fixture_setup, test_redraw_on_change, fixture_teardown);
  g_test_add ("/ui/chart-view/redraw-later", Fixture, GUINT_TO_POINTER (LL_CHART_GROWTH),
              fixture_setup, test_redraw_later, fixture_teardown);
  g_test_add ("/ui/chart-view/follows-style", Fixture, GUINT_TO_POINTER (LL_CHART_MEMORY),
              fixture_setup, test_follows_style, fixture_teardown);
  g_test_add ("/ui/chart-view/contrast", Fixture, GUINT_TO_POINTER (LL_CHART_MEMORY),
              fixture_setup, test_contrast, fixture_teardown);
  g_test_add ("/ui/chart-view/large-text", Fixture, GUINT_TO_POINTER (LL_CHART_MEMORY),
              fixture_setup, test_large_text, fixture_teardown);
  g_test_add ("/ui/chart-view/readout-inside", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_readout_inside, fixture_teardown);
  g_test_add ("/ui/chart-view/crosshair-in-plot", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_crosshair_in_plot, fixture_teardown);

  return g_test_run ();
}
