/* test-chart-paint.c — how the charts paint: light and dark, hairlines on
 * the pixel grid at any scale, lines told apart by more than hue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "chart-test-util.h"
#include "chart-testdata.h"
#include "ll-chart-private.h"

static void
test_light_dark (void)
{
  LlChartOptions light, dark;
  TestRun run;
  LlChartData data;

  ll_chart_options_init (&light);
  ll_chart_options_init (&dark);
  ll_chart_palette_init_dark (&dark.palette);

  /* libadwaita's view colours and accents */
  g_assert_cmpfloat (light.palette.background.red, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (dark.palette.background.red, 0x1e / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (light.palette.accent.blue, 0xd8 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (dark.palette.accent.red, 0x78 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (light.palette.foreground.alpha, 0.8, 1e-9);

  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 200 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);

  for (int k = 0; k < LL_N_CHARTS; k++)
    {
      cairo_surface_t *a = render (k, &data, &light, WIDTH, HEIGHT, 1.0);
      cairo_surface_t *b = render (k, &data, &dark, WIDTH, HEIGHT, 1.0);
      LlChartLayout layout;
      Rgb la, da;
      gboolean lighter = FALSE, darker = FALSE;

      ll_chart_layout_compute (&layout, NULL, k, &data, &light, WIDTH, HEIGHT);
      assert_rgb (a, 1, 1, 0xff, 0xff, 0xff);
      assert_rgb (b, 1, 1, 0x1e, 0x1e, 0x1e);
      assert_rgb (a, WIDTH - 2, HEIGHT - 2, 0xff, 0xff, 0xff);
      assert_rgb (b, WIDTH - 2, HEIGHT - 2, 0x1e, 0x1e, 0x1e);

      /* text: darker than the background in light, lighter in dark */
      for (int y = (int) layout.x_title_y; y < (int) (layout.x_title_y + layout.line_height); y++)
        for (int x = (int) layout.plot.x; x < (int) (layout.plot.x + layout.plot.width); x++)
          {
            la = pixel (a, x, y);
            da = pixel (b, x, y);
            darker |= la.r < 0x80;
            lighter |= da.r > 0x90;
          }
      g_assert_true (darker);
      g_assert_true (lighter);

      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
  test_run_clear (&run);
}

/* Hairlines are one device pixel at scale 1, two at scale 2, always
 * fully covered: crisp. */
static void
test_crisp_hidpi (void)
{
  LlChartOptions options;
  TestRun run;
  LlChartData data;

  options_init_test (&options);
  options.palette.grid = (LlColor) { 0, 0, 0, 0.5 };
  test_run_fill_doubling (&run);
  test_run_get_data (&run, &data);

  /* 1.5: exports at any scale; a whole number of device pixels, too */
  for (guint i = 0; i < 3; i++)
    {
      const double scales[] = { 1.0, 2.0, 1.5 };
      double scale = scales[i];
      cairo_surface_t *surface = render (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, scale);
      LlChartLayout layout;
      double y_tick;
      int x, y0, rows = 0;

      ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
      /* a horizontal grid line at the top tick, right of the data */
      y_tick = ll_scale_map (&layout.y, layout.y_axis.ticks[layout.y_axis.n_ticks - 1].value);
      x = (int) ((layout.plot.x + layout.plot.width - 3) * scale);
      y0 = (int) (y_tick * scale);
      for (int y = y0 - 3; y <= y0 + 3; y++)
        {
          Rgb p = pixel (surface, x, y);

          if (is_rgb (p, 0x7f, 0x7f, 0x7f) || is_rgb (p, 0x80, 0x80, 0x80))
            rows++;
          else
            assert_rgb (surface, x, y, 0xff, 0xff, 0xff);
        }
      g_assert_cmpint (rows, ==, (int) round (scale));

      cairo_surface_destroy (surface);
    }
  test_run_clear (&run);
}

/* How many of the plot's columns in [@x0, @x1) hold no pixel that @is_ink
 * says is the line's. */
static guint
columns_without (cairo_surface_t *surface,
                 const LlRect    *plot,
                 int              x0,
                 int              x1,
                 gboolean       (*is_ink) (Rgb p))
{
  guint n = 0;

  for (int x = x0; x < x1; x++)
    {
      gboolean ink = FALSE;

      for (int y = (int) plot->y; y < (int) (plot->y + plot->height) && !ink; y++)
        ink = is_ink (pixel (surface, x, y));
      n += !ink;
    }
  return n;
}

static gboolean
is_series2 (Rgb p)
{
  return p.g > p.r + 60 && p.g > p.b + 60;   /* (0, 0.6, 0) */
}

static gboolean
is_accent (Rgb p)
{
  return p.r > 200 && p.g < 60 && p.b < 60;  /* (1, 0, 0) */
}

/* Lines differ in more than hue: the capacity's is solid and the
 * length's dashed, the free memory's solid and the RSS's dash-dotted —
 * along each, the dashed one has gaps and the solid one none — and the
 * legend's swatches show the same. */
static void
test_line_patterns (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlChartLayout layout;
  LlLegendItem items[LL_CHART_MAX_LEGEND];
  cairo_surface_t *surface;
  int x0, x1;
  guint gaps;

  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 100 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  /* Capacity (accent, red) and length (series2, green). */
  surface = render (LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_CAPACITY, &data, &options, WIDTH, HEIGHT);
  x0 = (int) (layout.plot.x + layout.plot.width * 0.2);
  x1 = (int) (layout.plot.x + layout.plot.width * 0.8);
  g_assert_cmpuint (columns_without (surface, &layout.plot, x0, x1, is_accent), ==, 0);
  gaps = columns_without (surface, &layout.plot, x0, x1, is_series2);
  g_test_message ("length: %u of %d columns in gaps", gaps, x1 - x0);
  g_assert_cmpuint (gaps, >, (x1 - x0) / 8);
  g_assert_cmpuint (gaps, <, (x1 - x0) / 2);

  /* In the legend: the length's swatch has a gap between its dashes. */
  g_assert_cmpuint (ll_chart_legend_items (LL_CHART_CAPACITY, &data, &options, items), ==, 3);
  g_assert_cmpint (items[0].dash, ==, LL_DASH_SOLID);
  g_assert_cmpint (items[1].dash, !=, LL_DASH_SOLID);
  {
    int y = (int) (layout.legend_y + layout.line_height / 2.0);
    int first = -1, last = -1;
    guint off = 0;

    for (int x = (int) layout.legend_x; x < WIDTH; x++)
      if (is_series2 (pixel (surface, x, y)))
        {
          if (first < 0)
            first = x;
          last = x;
        }
    g_assert_cmpint (first, >=, 0);
    g_assert_cmpint (last - first, >=, (int) LL_CHART_LINE_SWATCH_WIDTH / 2);
    for (int x = first; x <= last; x++)
      off += !is_series2 (pixel (surface, x, y));
    g_assert_cmpuint (off, >=, 2);
  }
  cairo_surface_destroy (surface);

  /* Free memory (series3, blue) and RSS (series2, green). */
  surface = render (LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT, 1.0);
  ll_chart_layout_compute (&layout, NULL, LL_CHART_MEMORY, &data, &options, WIDTH, HEIGHT);
  x0 = (int) (layout.plot.x + layout.plot.width * 0.2);
  x1 = (int) (layout.plot.x + layout.plot.width * 0.8);
  g_assert_cmpuint (columns_without (surface, &layout.plot, x0, x1, is_series3), ==, 0);
  gaps = columns_without (surface, &layout.plot, x0, x1, is_series2);
  g_test_message ("RSS: %u of %d columns in gaps", gaps, x1 - x0);
  g_assert_cmpuint (gaps, >, (x1 - x0) / 8);
  g_assert_cmpuint (gaps, <, (x1 - x0) / 2);
  cairo_surface_destroy (surface);

  test_run_clear (&run);
}

static gboolean
labels_overlap (const LlPainter *p,
                guint            a,
                guint            b,
                double           line_height)
{
  return p->refs[a].y < p->refs[b].y + line_height && p->refs[a].y + line_height > p->refs[b].y &&
         p->refs[a].x < p->refs[b].x + p->refs[b].width && p->refs[a].x + p->refs[a].width > p->refs[b].x;
}

/* Labels of reference lines close together (free memory at the start, after
 * the next growth, the reserve) each find a place of their own: at the line's
 * right end above it, below it, else at its left end; one with no room left
 * is left out, never drawn over another or out of the plot. */
static void
test_reference_labels (void)
{
  PangoContext *context = ll_chart_create_pango_context ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, 200);
  cairo_t *cr = cairo_create (surface);
  LlChartOptions options;
  LlChartLayout layout;
  LlChartText text;
  LlChartData data;
  LlPainter p;
  TestRun run;
  double lh, top, right;
  double ys[4];

  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 100 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  ll_chart_text_init (&text, context, &options);
  ll_chart_layout_compute (&layout, context, LL_CHART_MEMORY, &data, &options, WIDTH, 200);
  ll_painter_init (&p, cr, &text, &layout, &options, &data);
  lh = layout.line_height;
  top = layout.plot.y;
  right = layout.plot.x + layout.plot.width;
  g_assert_cmpfloat (layout.plot.height, >, 6 * lh);

  /* A line with room above; one half a line lower (above it is taken);
   * one between them (above and below are taken); and a fourth there. */
  ys[0] = top + 1.5 * lh;
  ys[1] = ys[0] + 0.5 * lh;
  ys[2] = ys[0] + 0.25 * lh;
  ys[3] = ys[2];
  for (guint i = 0; i < G_N_ELEMENTS (ys); i++)
    ll_painter_reference_line (&p, ll_scale_unmap (&layout.y, ys[i]), "After the next growth",
                               &options.palette.series3);

  g_assert_cmpuint (p.n_refs, ==, 4);
  g_assert_cmpfloat (p.refs[0].y, <, ys[0]);
  g_assert_cmpfloat (p.refs[0].x + p.refs[0].width, >, right - 4.0);
  g_assert_cmpfloat (p.refs[1].y, >, ys[1]);
  g_assert_cmpfloat (p.refs[1].x + p.refs[1].width, >, right - 4.0);
  g_assert_cmpfloat (p.refs[2].y, <, ys[2]);
  g_assert_cmpfloat (p.refs[2].x, <, layout.plot.x + 4.0);
  g_assert_cmpfloat (p.refs[3].y, >, ys[3]);
  g_assert_cmpfloat (p.refs[3].x, <, layout.plot.x + 4.0);
  for (guint a = 0; a < p.n_refs; a++)
    {
      g_assert_cmpfloat (p.refs[a].y, >=, top);
      g_assert_cmpfloat (p.refs[a].y + lh, <=, top + layout.plot.height);
      g_assert_cmpfloat (p.refs[a].x, >=, layout.plot.x);
      g_assert_cmpfloat (p.refs[a].x + p.refs[a].width, <=, right);
      for (guint b = a + 1; b < p.n_refs; b++)
        g_assert_false (labels_overlap (&p, a, b, lh));
    }
  ll_painter_reference_labels (&p);
  g_assert_cmpuint (p.n_refs, ==, 0);

  /* At the top of the plot a label goes below its line; with every place
   * around the line taken, the next label is left out. */
  ll_painter_reference_line (&p, ll_scale_unmap (&layout.y, top), "At start", &options.palette.secondary);
  g_assert_cmpuint (p.n_refs, ==, 1);
  g_assert_cmpfloat (p.refs[0].y, >, top);
  p.n_refs = 0;
  for (guint i = 0; i < 4; i++)
    ll_painter_reference_line (&p, ll_scale_unmap (&layout.y, ys[2]), "After the next growth",
                               &options.palette.series3);
  g_assert_cmpuint (p.n_refs, ==, 4);
  ll_painter_reference_line (&p, ll_scale_unmap (&layout.y, ys[2]), "Reserve", &options.palette.warning);
  g_assert_cmpuint (p.n_refs, ==, 4);
  p.n_refs = 0;

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  ll_chart_text_clear (&text);
  g_object_unref (context);
  test_run_clear (&run);
}

/* Whether anything but the background is in the box, clipped to the image. */
static gboolean
box_has_ink (cairo_surface_t *surface,
             double           x0,
             double           y0,
             double           x1,
             double           y1)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);

  for (int y = MAX ((int) floor (y0), 0); y < MIN ((int) ceil (y1), h); y++)
    for (int x = MAX ((int) floor (x0), 0); x < MIN ((int) ceil (x1), w); x++)
      if (!is_rgb (pixel (surface, x, y), 255, 255, 255))
        return TRUE;
  return FALSE;
}

/* Every tick with a label shows it: left of the plot at its height, below
 * the plot under it. */
static void
test_tick_labels (void)
{
  LlChartOptions options;
  TestRun run;
  LlChartData data;

  options_init_test (&options);
  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 200 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);

  for (int k = 0; k < LL_N_CHARTS; k++)
    {
      cairo_surface_t *surface = render (k, &data, &options, WIDTH, HEIGHT, 1.0);
      LlChartLayout l;
      guint labelled = 0;

      ll_chart_layout_compute (&l, NULL, k, &data, &options, WIDTH, HEIGHT);
      for (guint i = 0; i < l.y_axis.n_ticks; i++)
        {
          double y = ll_scale_map (&l.y, l.y_axis.ticks[i].value);

          if (l.y_axis.ticks[i].label[0] == '\0')
            continue;
          labelled++;
          g_assert_true (box_has_ink (surface, 0, y - l.line_height / 2, l.plot.x - 3, y + l.line_height / 2));
        }
      for (guint i = 0; i < l.x_axis.n_ticks; i++)
        {
          double x = ll_scale_map (&l.x, l.x_axis.ticks[i].value);

          if (l.x_axis.ticks[i].label[0] == '\0')
            continue;
          labelled++;
          g_assert_true (box_has_ink (surface, x - 4, l.x_labels_y, x + 4, l.x_labels_y + l.line_height));
        }
      g_assert_cmpuint (labelled, >=, 4);
      cairo_surface_destroy (surface);
    }
  test_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/paint/light-dark", test_light_dark);
  g_test_add_func ("/chart/paint/crisp-hidpi", test_crisp_hidpi);
  g_test_add_func ("/chart/paint/line-patterns", test_line_patterns);
  g_test_add_func ("/chart/paint/reference-labels", test_reference_labels);
  g_test_add_func ("/chart/paint/tick-labels", test_tick_labels);

  return g_test_run ();
}
