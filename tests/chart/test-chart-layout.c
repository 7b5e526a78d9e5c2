/* test-chart-layout.c — chart text at the reader's size, and the plot it leaves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "chart-test-util.h"
#include "chart-testdata.h"

/* Large text (1.5, GNOME's text scaling factor) makes chart text half as
 * large again: labels as measured, and the labels a layout sets. */
static void
test_text_scale (void)
{
  PangoContext *context = ll_chart_create_pango_context ();
  LlChartOptions options;
  LlChartText normal, large;
  TestRun run;
  LlChartData data;
  LlChartLayout a, b;
  double w1, h1, w2, h2;

  ll_chart_options_init (&options);
  g_assert_cmpfloat (ll_chart_options_get_text_scale (&options), ==, 1.0);
  ll_chart_text_init (&normal, context, &options);
  options.text_scale = 1.5;
  ll_chart_text_init (&large, context, &options);

  ll_chart_text_size (&normal, "1,000,000", FALSE, &w1, &h1);
  ll_chart_text_size (&large, "1,000,000", FALSE, &w2, &h2);
  g_test_message ("tick label: %.1f x %.1f, at 1.5: %.1f x %.1f", w1, h1, w2, h2);
  /* (glyphs sit on whole pixels: a little less than 1.5 in width) */
  g_assert_cmpfloat_with_epsilon (w2 / w1, 1.5, 0.15);
  g_assert_cmpfloat_with_epsilon (h2 / h1, 1.5, 0.08);
  ll_chart_text_clear (&normal);
  ll_chart_text_clear (&large);

  /* The same chart: its line height and its widest y label. */
  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 100 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);
  options.text_scale = 1.0;
  ll_chart_layout_compute (&a, context, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  options.text_scale = 1.5;
  ll_chart_layout_compute (&b, context, LL_CHART_GROWTH, &data, &options, WIDTH, HEIGHT);
  g_assert_cmpfloat_with_epsilon (b.line_height / a.line_height, 1.5, 0.1);
  /* the y labels need more room on the left; the paddings stay */
  g_assert_cmpfloat (b.plot.x, >, a.plot.x);
  g_assert_cmpfloat (b.pad, ==, a.pad);
  g_assert_cmpfloat (b.unit, ==, a.unit);

  /* Nonsense is as designed, within bounds. */
  options.text_scale = -1.0;
  g_assert_cmpfloat (ll_chart_options_get_text_scale (&options), ==, 1.0);
  options.text_scale = 100.0;
  g_assert_cmpfloat (ll_chart_options_get_text_scale (&options), ==, 4.0);

  test_run_clear (&run);
  g_object_unref (context);
}

/* Charts of the sizes the window gives them at 1.5 text (one chart in a
 * 1200 × 800 window, four in larger ones) keep a plot of half their
 * height: the paddings do not grow with the text, the x axis title joins
 * its labels' row in a short chart, legends wrap. */
/* Sizes are remembered: the same text measures the same, bold is not
 * regular, and measuring leaves the text set to be drawn as it was. */
static void
test_text_cache (void)
{
  PangoContext *context = ll_chart_create_pango_context ();
  LlChartOptions options;
  LlChartText a, b;
  double w1, h1, w2, h2, wb;

  ll_chart_options_init (&options);
  ll_chart_text_init (&a, context, &options);
  ll_chart_text_init (&b, context, &options);

  ll_chart_text_size (&a, "Length (M elements)", FALSE, &w1, &h1);
  ll_chart_text_size (&b, "Length (M elements)", FALSE, &w2, &h2);
  g_assert_cmpfloat (w1, ==, w2);
  g_assert_cmpfloat (h1, ==, h2);
  ll_chart_text_size (&b, "Length (M elements)", TRUE, &wb, NULL);
  g_assert_cmpfloat (wb, >, w1);

  /* A text measured for the first time and one measured before: both
   * leave the layout alone. */
  ll_chart_text_set (&a, "Capacity", FALSE);
  ll_chart_text_size (&a, "a text not measured before", FALSE, NULL, NULL);
  ll_chart_text_size (&a, "Length (M elements)", FALSE, NULL, NULL);
  g_assert_cmpstr (pango_layout_get_text (a.layout), ==, "Capacity");

  ll_chart_text_clear (&a);
  ll_chart_text_clear (&b);
  g_object_unref (context);
}

/* @str drawn black on white at (10, 10): the thread's shaped text, or
 * @text's own layout shaped now. At @scale (a device's, on a surface @scale
 * times as large, or with @zoomed the transform's), and through a recording
 * surface (what GTK draws a widget's cairo on; its font options are not an
 * image's) when @recorded. */
static cairo_surface_t *
draw_label (LlChartText *text,
            const char  *str,
            gboolean     bold,
            gboolean     shaped,
            double       scale,
            gboolean     zoomed,
            gboolean     recorded)
{
  cairo_rectangle_t extents = { 0, 0, 400, 40 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) (400 * scale), (int) (40 * scale));
  cairo_surface_t *target = recorded ? cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents)
                                     : cairo_surface_reference (surface);
  cairo_t *cr;

  if (!zoomed)
    cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (target);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (zoomed)
    cairo_scale (cr, scale, scale);
  ll_chart_text_update (text, cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 10, 10);
  if (shaped)
    pango_cairo_show_layout (cr, ll_chart_text_shaped (text, str, bold));
  else
    {
      ll_chart_text_set (text, str, bold);
      pango_cairo_show_layout (cr, text->layout);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  if (recorded)
    {
      cr = cairo_create (surface);
      cairo_set_source_surface (cr, target, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (target);
  cairo_surface_flush (surface);

  return surface;
}

typedef struct
{
  const LlChartData    *data;
  const LlChartOptions *options;
  PangoLayout          *main_layout;  /* the main thread's "Capacity" */
  cairo_surface_t      *image;
} Worker;

/* A worker shapes text of its own (layouts are not for sharing between
 * threads), and draws the chart as the main thread does. */
static gpointer
draw_on_worker (gpointer user_data)
{
  Worker *w = user_data;
  PangoContext *context = ll_chart_create_pango_context ();
  LlChartText text;
  PangoLayout *layout;

  ll_chart_text_init (&text, context, w->options);
  layout = ll_chart_text_shaped (&text, "Capacity", FALSE);
  g_assert_nonnull (layout);
  g_assert_true (layout != w->main_layout);
  g_assert_true (pango_layout_get_context (layout) != pango_layout_get_context (w->main_layout));
  g_assert_true (ll_chart_text_shaped (&text, "Capacity", FALSE) == layout);
  ll_chart_text_clear (&text);
  g_object_unref (context);

  w->image = render (LL_CHART_CAPACITY, w->data, w->options, WIDTH, HEIGHT, 1.0);
  return NULL;
}

/* Text a thread has shaped is kept for its next draws: the same text in the
 * same font is the same layout, shaped as it is measured and drawn as the
 * text shaped anew would be; another font, weight or thread has its own. */
static void
test_shaped_text (void)
{
  const char *strs[] = { "Capacity", "Length (M elements)", "171.661 MiB", "Длина", "" };
  PangoContext *context = ll_chart_create_pango_context ();
  LlChartOptions options, large_options;
  LlChartText a, b, large;
  PangoLayout *capacity, *bold;
  cairo_surface_t *svg;
  cairo_t *cr;
  TestRun run;
  LlChartData data;
  Worker w = { 0 };
  GThread *thread;
  g_autoptr(GString) key = g_string_new (NULL);
  cairo_surface_t *main_image;
  guint serial;

  ll_chart_options_init (&options);
  large_options = options;
  large_options.text_scale = 1.5;
  ll_chart_text_init (&a, context, &options);
  ll_chart_text_init (&b, context, &options);
  ll_chart_text_init (&large, context, &large_options);

  capacity = ll_chart_text_shaped (&a, "Capacity", FALSE);
  g_assert_cmpstr (pango_layout_get_text (capacity), ==, "Capacity");
  g_assert_true (ll_chart_text_shaped (&a, "Capacity", FALSE) == capacity);
  g_assert_true (ll_chart_text_shaped (&b, "Capacity", FALSE) == capacity);
  bold = ll_chart_text_shaped (&a, "Capacity", TRUE);
  g_assert_true (bold != capacity);
  g_assert_cmpint (pango_font_description_get_weight (pango_layout_get_font_description (bold)), ==,
                   PANGO_WEIGHT_BOLD);
  g_assert_cmpint (pango_font_description_get_weight (pango_layout_get_font_description (capacity)), ==,
                   PANGO_WEIGHT_NORMAL);
  g_assert_true (ll_chart_text_shaped (&large, "Capacity", FALSE) != capacity);
  g_assert_cmpint (pango_font_description_get_size (pango_layout_get_font_description (ll_chart_text_shaped (&large, "Capacity", FALSE))),
                   >, pango_font_description_get_size (pango_layout_get_font_description (capacity)));

  for (guint i = 0; i < G_N_ELEMENTS (strs); i++)
    for (int weight = 0; weight < 2; weight++)
      {
        PangoRectangle logical;
        double w_, h_;

        pango_layout_get_extents (ll_chart_text_shaped (&large, strs[i], weight), NULL, &logical);
        ll_chart_text_size (&large, strs[i], weight, &w_, &h_);
        g_assert_cmpfloat (w_, ==, (double) logical.width / PANGO_SCALE);
        g_assert_cmpfloat (h_, ==, (double) logical.height / PANGO_SCALE);

        /* (on an image, then recorded: what was shaped for the one is
         * shaped again for the other) */
        for (int r = 0; r < 2; r++)
          for (int z = 0; z < 2; z++)
            for (int s = 1; s <= 2; s++)
              {
                cairo_surface_t *kept = draw_label (&a, strs[i], weight, TRUE, s, z, r);
                cairo_surface_t *fresh = draw_label (&a, strs[i], weight, FALSE, s, z, r);

                assert_same_image (kept, fresh);
                cairo_surface_destroy (kept);
                cairo_surface_destroy (fresh);
              }
      }

  /* Drawn again on the same kind of target, moved, the text is not
   * shaped again. */
  for (int i = 0; i < 2; i++)
    cairo_surface_destroy (draw_label (&a, "Capacity", FALSE, TRUE, 1, FALSE, FALSE));
  serial = pango_layout_get_serial (capacity);
  for (int i = 0; i < 3; i++)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 40);

      cr = cairo_create (image);
      cairo_translate (cr, 5.0 * i, 3.0 * i);
      ll_chart_text_update (&a, cr);
      pango_cairo_show_layout (cr, ll_chart_text_shaped (&a, "Capacity", FALSE));
      cairo_destroy (cr);
      cairo_surface_destroy (image);
    }
  g_assert_cmpuint (pango_layout_get_serial (capacity), ==, serial);

  /* Drawn for a target with other font options (SVG: no hinting), the
   * kept text draws on an image as shaped for it. */
  svg = cairo_svg_surface_create_for_stream (NULL, NULL, 400, 40);
  cr = cairo_create (svg);
  serial = pango_context_get_serial (pango_layout_get_context (capacity));
  ll_chart_text_update (&a, cr);
  g_assert_cmpuint (pango_context_get_serial (pango_layout_get_context (capacity)), !=, serial);
  cairo_move_to (cr, 10, 10);
  pango_cairo_show_layout (cr, ll_chart_text_shaped (&a, "Length (M elements)", FALSE));
  cairo_destroy (cr);
  cairo_surface_destroy (svg);
  {
    cairo_surface_t *kept = draw_label (&a, "Length (M elements)", FALSE, TRUE, 1, FALSE, FALSE);
    cairo_surface_t *fresh = draw_label (&a, "Length (M elements)", FALSE, FALSE, 1, FALSE, FALSE);

    assert_same_image (kept, fresh);
    cairo_surface_destroy (kept);
    cairo_surface_destroy (fresh);
  }

  /* More texts than are kept: the cache starts again, and a text asked for
   * again is shaped again, right. */
  for (guint i = 0; i < 2000; i++)
    {
      g_string_printf (key, "%u", i);
      g_assert_cmpstr (pango_layout_get_text (ll_chart_text_shaped (&a, key->str, i % 2)), ==, key->str);
    }
  capacity = ll_chart_text_shaped (&a, "Capacity", FALSE);
  g_assert_cmpstr (pango_layout_get_text (capacity), ==, "Capacity");

  /* A chart drawn by a worker thread (as exports are) is the chart drawn
   * here, with all this thread has kept. */
  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 100 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);
  main_image = render (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, 1.0);
  w.data = &data;
  w.options = &options;
  w.main_layout = capacity;
  thread = g_thread_new ("chart-worker", draw_on_worker, &w);
  g_thread_join (thread);
  assert_same_image (main_image, w.image);

  cairo_surface_destroy (main_image);
  cairo_surface_destroy (w.image);
  test_run_clear (&run);
  ll_chart_text_clear (&a);
  ll_chart_text_clear (&b);
  ll_chart_text_clear (&large);
  g_object_unref (context);
}

static void
test_large_text_plot (void)
{
  const struct
  {
    double width, height;
  } sizes[] = {
    { 750, 260 },
    { 560, 300 },
    { 480, 360 },
  };
  TestRun run, other;
  LlChartSeries series[2];
  LlChartData data, two;
  LlChartOptions options;

  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 100 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);
  test_run_init (&other, 1, 1);
  test_run_fill_cpython (&other, 50 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&other, &two);
  series[0] = data.series[0];
  series[0].name = "CPython 3.9+ (a long run name)";
  series[1] = two.series[0];
  series[1].name = "libstdc++ (another long run name)";
  series[1].style = 1;
  ll_chart_data_init (&two, series, 2);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int k = 0; k < LL_N_CHARTS; k++)
      for (int overlay = 0; overlay <= 1; overlay++)
        {
          LlChartLayout normal, large;
          double w = sizes[i].width, h = sizes[i].height;

          ll_chart_options_init (&options);
          options.draw_title = TRUE;
          ll_chart_layout_compute (&normal, NULL, k, overlay ? &two : &data, &options, w, h);
          options.text_scale = 1.5;
          ll_chart_layout_compute (&large, NULL, k, overlay ? &two : &data, &options, w, h);
          g_test_message ("%s, %s, %.0f x %.0f: plot %.0f high, at 1.5 text %.0f",
                          ll_chart_kind_get_name (k), overlay ? "two runs" : "one run",
                          w, h, normal.plot.height, large.plot.height);

          /* (scaling the paddings with the text kept 55 to 65 %) */
          g_assert_cmpfloat (large.plot.height, >=, normal.plot.height * 0.7);
          g_assert_cmpfloat (large.plot.height, >=, h * (overlay ? 0.4 : 0.5));
          g_assert_cmpfloat (large.plot.width, >=, w * 0.75);
          /* the x labels and title inside the chart, the plot below the header */
          g_assert_cmpfloat (large.x_title_y + large.line_height, <=, h);
          g_assert_cmpfloat (large.plot.y, >=, large.legend_y + large.legend_rows * large.line_height - 1.0);
        }

  test_run_clear (&run);
  test_run_clear (&other);
}

/* The items on each row when @items wrap at @width, as legends fill
 * them; returns the number of rows. */
static guint
items_per_row (LlChartText        *text,
               const LlLegendItem *items,
               guint               n_items,
               double              width,
               guint              *counts)
{
  guint rows = 0;
  double x = 0.0;

  for (guint i = 0; i < n_items; i++)
    {
      double w = ll_chart_legend_width (text, &items[i], 1);

      if (rows == 0 || (x > 0.0 && x + LL_CHART_ITEM_GAP + w > width))
        {
          counts[rows++] = 0;
          x = 0.0;
        }
      x += (x > 0.0 ? LL_CHART_ITEM_GAP : 0.0) + w;
      counts[rows - 1]++;
    }
  return rows;
}

/* A legend that wraps takes as many rows as it must, filled evenly: not
 * seven names and one alone below them. */
static void
test_legend_balanced (void)
{
  static const char *names[] = { "CPython 3.9+ (real)", "CPython 3.8", "libstdc++", "MSVC",
                                 "Java", "Go", "Rust", ".NET" };
  PangoContext *context = ll_chart_create_pango_context ();
  LlChartOptions options;
  LlChartText text;
  LlLegendItem items[G_N_ELEMENTS (names)];
  guint counts[G_N_ELEMENTS (names)], balanced[G_N_ELEMENTS (names)];
  double all = 0.0, width, even;
  guint rows;

  ll_chart_options_init (&options);
  ll_chart_text_init (&text, context, &options);
  memset (items, 0, sizeof items);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      items[i].swatch = LL_SWATCH_LINE;
      items[i].label = names[i];
    }
  all = ll_chart_legend_width (&text, items, G_N_ELEMENTS (names));
  /* just too narrow for all of them: the last alone on a second row */
  width = all - ll_chart_legend_width (&text, &items[G_N_ELEMENTS (names) - 1], 1) / 2.0;
  g_assert_cmpuint (items_per_row (&text, items, G_N_ELEMENTS (names), width, counts), ==, 2);
  g_assert_cmpuint (counts[1], ==, 1);

  even = ll_chart_legend_balanced_width (&text, items, G_N_ELEMENTS (names), width, &rows);
  g_assert_cmpuint (rows, ==, 2);
  g_assert_cmpfloat (even, <, width);
  g_assert_cmpuint (items_per_row (&text, items, G_N_ELEMENTS (names), even, balanced), ==, 2);
  g_assert_cmpuint (balanced[1], >=, 3);
  /* the narrowest that keeps two rows: a pixel less takes a third */
  g_assert_cmpuint (ll_chart_legend_rows (&text, items, G_N_ELEMENTS (names), even - 1.0), ==, 3);
  /* what fits on a row stays on it */
  g_assert_cmpfloat (ll_chart_legend_balanced_width (&text, items, G_N_ELEMENTS (names), all + 1.0, &rows), ==, all + 1.0);
  g_assert_cmpuint (rows, ==, 1);

  ll_chart_text_clear (&text);
  g_object_unref (context);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/layout/text-scale", test_text_scale);
  g_test_add_func ("/chart/layout/large-text-plot", test_large_text_plot);
  g_test_add_func ("/chart/layout/text-cache", test_text_cache);
  g_test_add_func ("/chart/layout/shaped-text", test_shaped_text);
  g_test_add_func ("/chart/layout/legend-balanced", test_legend_balanced);

  ret = g_test_run ();

  pango_cairo_font_map_set_default (NULL);
  return ret;
}
