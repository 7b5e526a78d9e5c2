/* test-chart-view.c — the chart widget: same pixels as the library, redraws
 * only on change, follows the style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ll-chart-private.h"
#include "ll-chart-view.h"
#include "ui-test-util.h"

#define WIDTH 600
#define HEIGHT 300

typedef struct
{
  GtkWindow      *window;
  LlChartView    *view;
  LlEventBucket   events[64];
  LlSampleBucket  samples[32];
  LlHistoryCounters counters;
  LlChartSeries   series;
  LlChartData     data;
} Fixture;

/* Until the window has its final size and state, and the chart is drawn. */
static void
wait_settled (LlChartView *view)
{
  guint renders;

  for (guint i = 0; i < 20; i++)
    {
      renders = ll_chart_view_get_n_renders (view);
      wait_frames (GTK_WIDGET (view), 5);
      if (renders == ll_chart_view_get_n_renders (view))
        return;
    }
  g_assert_not_reached ();
}

static void
fill_data (Fixture *f)
{
  guint64 length = 0, capacity = 0;

  memset (&f->counters, 0, sizeof f->counters);

  for (guint i = 0; i < G_N_ELEMENTS (f->events); i++)
    {
      LlEvent *e = &f->events[i].first;
      guint64 new_capacity = capacity + (capacity >> 3) + 6;

      length = capacity + 1;
      e->length = length;
      e->old_capacity = capacity;
      e->new_capacity = new_capacity;
      e->old_bytes = 56 + 8 * capacity;
      e->new_bytes = 56 + 8 * new_capacity;
      e->bytes_added = e->new_bytes - e->old_bytes;
      e->moved = i % 3 == 0;
      e->realloc_ns = 1000 + 37 * i;
      e->elapsed_ns = 1000000 * (i + 1);
      e->available_bytes = G_GUINT64_CONSTANT (8) << 30;
      f->events[i].last = *e;
      f->events[i].count = 1;
      f->events[i].n_moved = e->moved;
      f->events[i].min_bytes_added = e->bytes_added;
      f->events[i].max_bytes_added = e->bytes_added;
      f->events[i].max_realloc_ns = e->realloc_ns;
      f->counters.n_events++;
      f->counters.n_moved += e->moved;
      f->counters.total_realloc_ns += e->realloc_ns;
      f->counters.last_event = *e;
      if (e->realloc_ns > f->counters.slowest.realloc_ns)
        f->counters.slowest = *e;
      capacity = new_capacity;
    }

  for (guint i = 0; i < G_N_ELEMENTS (f->samples); i++)
    {
      LlSample *s = &f->samples[i].first;

      s->elapsed_ns = 2000000 * (i + 1);
      s->length = length * (i + 1) / G_N_ELEMENTS (f->samples);
      s->capacity = capacity;
      s->container_bytes = 56 + 8 * capacity;
      s->rss_bytes = (G_GUINT64_CONSTANT (100) << 20) + (i << 20);
      s->available_bytes = (G_GUINT64_CONSTANT (8) << 30) - ((guint64) i << 24);
      f->samples[i].last = *s;
      f->samples[i].count = 1;
      f->samples[i].min_available_bytes = s->available_bytes;
      f->samples[i].max_available_bytes = s->available_bytes;
      f->samples[i].min_rss_bytes = s->rss_bytes;
      f->samples[i].max_rss_bytes = s->rss_bytes;
      f->counters.n_samples++;
      if (i == 0)
        f->counters.first_sample = *s;
      f->counters.last_sample = *s;
    }

  f->series.events = f->events;
  f->series.n_events = G_N_ELEMENTS (f->events);
  f->series.samples = f->samples;
  f->series.n_samples = G_N_ELEMENTS (f->samples);
  f->series.counters = &f->counters;
  f->series.slot_bytes = 8;
  ll_chart_data_init (&f->data, &f->series, 1);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  user_data)
{
  LlChartKind kind = GPOINTER_TO_UINT (user_data);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  fill_data (f);
  f->window = GTK_WINDOW (gtk_window_new ());
  f->view = LL_CHART_VIEW (ll_chart_view_new (kind));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_set_default_size (f->window, WIDTH, HEIGHT);
  gtk_window_set_decorated (f->window, FALSE);
  gtk_window_present (f->window);
  wait_frames (GTK_WIDGET (f->view), 3);
  wait_settled (f->view);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  user_data)
{
  gpointer view = f->view;

  g_object_add_weak_pointer (view, &view);
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (view);
}

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
  /* GTK's own accessibility backend for tests: what screen readers would
   * be told, without a bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

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
  g_test_add ("/ui/chart-view/keyboard/cursor", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_keyboard_cursor, fixture_teardown);
  g_test_add ("/ui/chart-view/keyboard/zoom", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_keyboard_zoom, fixture_teardown);
  g_test_add ("/ui/chart-view/keyboard/between-points", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_keyboard_between_points, fixture_teardown);
  g_test_add ("/ui/chart-view/wheel-pans", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_wheel_pans, fixture_teardown);
  g_test_add ("/ui/chart-view/readout-inside", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_readout_inside, fixture_teardown);
  g_test_add ("/ui/chart-view/crosshair-in-plot", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_crosshair_in_plot, fixture_teardown);
  g_test_add ("/ui/chart-view/pinch-zooms", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_pinch_zooms, fixture_teardown);
  g_test_add ("/ui/chart-view/keyboard/memory-and-runs", Fixture, GUINT_TO_POINTER (LL_CHART_MEMORY),
              fixture_setup, test_keyboard_memory_and_runs, fixture_teardown);
  g_test_add ("/ui/chart-view/description-focused", Fixture, GUINT_TO_POINTER (LL_CHART_CAPACITY),
              fixture_setup, test_description_focused, fixture_teardown);
  for (guint kind = 0; kind < LL_N_CHARTS; kind++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/chart-view/%s/description",
                                               ll_chart_kind_get_name (kind));

      g_test_add (path, Fixture, GUINT_TO_POINTER (kind),
                  fixture_setup, test_description, fixture_teardown);
    }

  return g_test_run ();
}
