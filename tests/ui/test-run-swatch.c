/* test-run-swatch.c — a run's colour, dash and mark beside its name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "export-test-util.h"
#include "ll-chart.h"
#include "ll-run-swatch.h"
#include "ui-test-util.h"

typedef struct
{
  GtkWindow *window;
  GtkWidget *swatch;
  LlRun     *run;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->run = make_simulated_run (LL_POLICY_CPYTHON, 1000);
  f->swatch = ll_run_swatch_new (f->run);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, f->swatch);
  gtk_window_present (f->window);
  wait_frames (f->swatch, 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wait_ms (50);
  g_assert_finalize_object (f->run);
}

/* The pixels the swatch of @style is, as a chart's legend draws it with
 * the app's palette. */
static guchar *
legend_pixels (guint style,
               int   width,
               int   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  LlChartPalette palette;
  guchar *pixels;

  ll_ui_chart_palette_init (&palette);
  ll_chart_draw_run_swatch (cr, &palette, style, 0, 0, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_image_surface_get_stride (surface), ==, width * 4);
  pixels = g_memdup2 (cairo_image_surface_get_data (surface), (gsize) width * height * 4);
  cairo_surface_destroy (surface);

  return pixels;
}

static guint
count_differing (const guchar *a,
                 const guchar *b,
                 int           width,
                 int           height)
{
  guint differing = 0;

  for (int i = 0; i < width * height; i++)
    differing += pixels_differ (a + 4 * i, b + 4 * i);

  return differing;
}

static guint
count_inked (const guchar *pixels,
             int           width,
             int           height)
{
  guint inked = 0;

  for (int i = 0; i < width * height; i++)
    inked += pixels[4 * i + 3] > 0;

  return inked;
}

/* It is the legends' swatch of the run's style, and follows the style. */
static void
test_draws_the_style (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree guchar *first = NULL;
  g_autofree guchar *first_ref = NULL;
  g_autofree guchar *third = NULL;
  g_autofree guchar *third_ref = NULL;
  int width, height;

  /* (the window may be larger: it sits in the middle, at its own size) */
  gtk_widget_set_halign (f->swatch, GTK_ALIGN_START);
  gtk_widget_set_valign (f->swatch, GTK_ALIGN_START);
  wait_frames (f->swatch, 3);
  width = gtk_widget_get_width (f->swatch);
  height = gtk_widget_get_height (f->swatch);
  g_assert_cmpint (width, ==, 24);
  g_assert_cmpint (height, ==, 14);

  first = widget_pixels (f->swatch);
  first_ref = legend_pixels (0, width, height);
  g_assert_cmpuint (count_differing (first, first_ref, width, height), ==, 0);
  g_assert_cmpuint (count_inked (first, width, height), >, 20);

  ll_run_set_style (f->run, 2);
  wait_frames (f->swatch, 3);
  third = widget_pixels (f->swatch);
  third_ref = legend_pixels (2, width, height);
  g_assert_cmpuint (count_differing (third, third_ref, width, height), ==, 0);
  g_assert_cmpuint (count_differing (third, first, width, height), >, 10);
}

/* Without a run it draws nothing, and it holds the run it shows as long
 * as it shows it. */
static void
test_run (Fixture       *f,
          gconstpointer  data)
{
  g_autofree guchar *pixels = NULL;
  int width, height;

  g_assert_true (ll_run_swatch_get_run (LL_RUN_SWATCH (f->swatch)) == f->run);
  ll_run_swatch_set_run (LL_RUN_SWATCH (f->swatch), NULL);
  g_assert_null (ll_run_swatch_get_run (LL_RUN_SWATCH (f->swatch)));
  wait_frames (f->swatch, 3);
  width = gtk_widget_get_width (f->swatch);
  height = gtk_widget_get_height (f->swatch);
  pixels = widget_pixels (f->swatch);
  g_assert_cmpuint (count_inked (pixels, width, height), ==, 0);

  ll_run_swatch_set_run (LL_RUN_SWATCH (f->swatch), f->run);
  g_assert_true (ll_run_swatch_get_run (LL_RUN_SWATCH (f->swatch)) == f->run);
}

/* A screen reader hears the run's name beside it, not the swatch. */
static void
test_says_nothing (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->swatch)), ==,
                   GTK_ACCESSIBLE_ROLE_PRESENTATION);
  g_assert_false (gtk_widget_get_focusable (f->swatch));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/run-swatch/draws-the-style", Fixture, NULL, fixture_set_up, test_draws_the_style, fixture_tear_down);
  g_test_add ("/ui/run-swatch/run", Fixture, NULL, fixture_set_up, test_run, fixture_tear_down);
  g_test_add ("/ui/run-swatch/says-nothing", Fixture, NULL, fixture_set_up, test_says_nothing, fixture_tear_down);

  return g_test_run ();
}
