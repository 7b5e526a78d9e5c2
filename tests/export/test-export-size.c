/* test-export-size.c — how large an exported chart or report is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ll-export-size.h"

static void
test_size_parse (void)
{
  static const struct
  {
    const char *text;
    int         width, height;
  } good[] = {
    { "1200x600", 1200, 600 },
    { "1200X600", 1200, 600 },
    { "1200×600", 1200, 600 },
    { " 800 x 400 ", 800, 400 },
    { "16x16", 16, 16 },
    { "16384x16384", 16384, 16384 },
    { "screen", 0, 0 },
  };
  static const char * const bad[] = {
    "", "x", "1200x", "x600", "1200", "8x8", "16x15", "16385x600", "1200x600px",
    "1200 600", "-1200x600", "1200x-600", "1.5x600", "99999999999999999999x600", "screens",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int w = -1, h = -1;

      g_assert_true (ll_export_size_parse (good[i].text, &w, &h, &error));
      g_assert_no_error (error);
      g_assert_cmpint (w, ==, good[i].width);
      g_assert_cmpint (h, ==, good[i].height);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      int w = 7, h = 7;

      g_assert_false (ll_export_size_parse (bad[i], &w, &h, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, "WIDTHxHEIGHT"));
      g_assert_nonnull (strstr (error->message, "16 to 16384"));
      /* Nothing changed. */
      g_assert_cmpint (w, ==, 7);
      g_assert_cmpint (h, ==, 7);
    }

  /* A size that cannot be drawn says which way it is wrong. */
  {
    static const struct { const char *text, *message; } wrong[] = {
      { "10x10", "“10x10” is too small to draw: each side of WIDTHxHEIGHT is from 16 to 16384 pixels." },
      { " 1200x15 ", "“1200x15” is too small to draw: each side of WIDTHxHEIGHT is from 16 to 16384 pixels." },
      { "100000x100000",
        "“100000x100000” is too large to draw: each side of WIDTHxHEIGHT is from 16 to 16384 pixels." },
      { "99999999999999999999x600",
        "“99999999999999999999x600” is too large to draw: each side of WIDTHxHEIGHT is from 16 to 16384 pixels." },
      /* the small side at the least is fine: the large one is wrong */
      { "16x16385", "“16x16385” is too large to draw: each side of WIDTHxHEIGHT is from 16 to 16384 pixels." },
      { "1200", "“1200” is not a size. Use WIDTHxHEIGHT in pixels, each from 16 to 16384, e.g. 1200x600." },
    };

    for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_false (ll_export_size_parse (wrong[i].text, NULL, NULL, &error));
        g_assert_cmpstr (error->message, ==, wrong[i].message);
      }
  }
}

static void
test_size_to_string (void)
{
  g_autofree char *text = ll_export_size_to_string (1920, 1080);
  g_autofree char *screen = ll_export_size_to_string (0, 0);
  const LlExportSize *presets;
  guint n;

  g_assert_cmpstr (text, ==, "1920x1080");
  g_assert_cmpstr (screen, ==, "screen");

  for (guint what = 0; what <= LL_EXPORT_ALL_CHARTS; what++)
    {
      if (what == LL_EXPORT_REPORT)
        continue;
      presets = ll_export_size_get_presets (what, &n);
      g_assert_cmpuint (n, >=, 3);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *preset = ll_export_size_to_string (presets[i].width, presets[i].height);
          int w, h;

          g_assert_true (ll_export_size_parse (preset, &w, &h, NULL));
          g_assert_cmpint (w, ==, presets[i].width);
          g_assert_cmpint (h, ==, presets[i].height);
        }
    }
}

/* One chart is offered the sizes of slides and screens; all four on one
 * image the same area at their own proportions, the default first: what
 * an export asking for no size is drawn at. */
static void
test_size_presets (void)
{
  const LlExportSize *chart, *all;
  guint n_chart, n_all;
  double w, h;

  chart = ll_export_size_get_presets (LL_CHART_TIME, &n_chart);
  all = ll_export_size_get_presets (LL_EXPORT_ALL_CHARTS, &n_all);
  g_assert_cmpuint (n_chart, ==, 3);
  g_assert_cmpuint (n_all, ==, 3);
  g_assert_cmpint (chart[0].width, ==, 1200);
  g_assert_cmpint (chart[0].height, ==, 600);
  g_assert_cmpint (chart[1].width, ==, 1920);
  g_assert_cmpint (chart[1].height, ==, 1080);
  g_assert_cmpint (chart[2].width, ==, 800);
  g_assert_cmpint (chart[2].height, ==, 400);
  /* Four charts of 600 × 600, of 960 × 540 (each a quarter of the
   * screen) and of the default 1200 × 600. */
  g_assert_cmpint (all[0].width, ==, 1200);
  g_assert_cmpint (all[0].height, ==, 1200);
  g_assert_cmpint (all[1].width, ==, 1920);
  g_assert_cmpint (all[1].height, ==, 1080);
  g_assert_cmpint (all[2].width, ==, 2400);
  g_assert_cmpint (all[2].height, ==, 1200);

  g_assert_cmpint (ll_export_size_get_default (LL_CHART_TIME).width, ==, chart[0].width);
  g_assert_cmpint (ll_export_size_get_default (LL_CHART_TIME).height, ==, chart[0].height);
  g_assert_cmpint (ll_export_size_get_default (LL_EXPORT_ALL_CHARTS).width, ==, all[0].width);
  g_assert_cmpint (ll_export_size_get_default (LL_EXPORT_ALL_CHARTS).height, ==, all[0].height);
  ll_export_size_resolve (LL_EXPORT_ALL_CHARTS, LL_EXPORT_PNG, 0, 0, 700, 500, &w, &h);
  g_assert_cmpfloat (w, ==, all[0].width);
  g_assert_cmpfloat (h, ==, all[0].height);
  ll_export_size_resolve (LL_CHART_TIME, LL_EXPORT_PNG, 0, 0, 0, 0, &w, &h);
  g_assert_cmpfloat (w, ==, chart[0].width);
  g_assert_cmpfloat (h, ==, chart[0].height);
}

/* One rule for the CLI and the app. */
static void
test_size_resolve (void)
{
  double w, h;

  /* Asked for: as asked, whatever is drawn. */
  ll_export_size_resolve (LL_CHART_GROWTH, LL_EXPORT_PNG, 800, 300, 1000, 500, &w, &h);
  g_assert_cmpfloat (w, ==, 800);
  g_assert_cmpfloat (h, ==, 300);
  ll_export_size_resolve (LL_EXPORT_REPORT, LL_EXPORT_PNG, 800, 300, 1000, 500, &w, &h);
  g_assert_cmpfloat (w, ==, 800);
  g_assert_cmpfloat (h, ==, 300);

  /* A chart: as on screen, or the default. */
  ll_export_size_resolve (LL_CHART_CAPACITY, LL_EXPORT_SVG, 0, 0, 1000, 500, &w, &h);
  g_assert_cmpfloat (w, ==, 1000);
  g_assert_cmpfloat (h, ==, 500);
  ll_export_size_resolve (LL_CHART_CAPACITY, LL_EXPORT_SVG, 0, 0, 0, 0, &w, &h);
  g_assert_cmpfloat (w, ==, LL_EXPORT_DEFAULT_WIDTH);
  g_assert_cmpfloat (h, ==, LL_EXPORT_DEFAULT_HEIGHT);
  /* a chart as small as can be drawn is drawn at that size; smaller, not */
  ll_export_size_resolve (LL_CHART_CAPACITY, LL_EXPORT_SVG, 0, 0, 16, 16, &w, &h);
  g_assert_cmpfloat (w, ==, 16);
  g_assert_cmpfloat (h, ==, 16);
  ll_export_size_resolve (LL_CHART_CAPACITY, LL_EXPORT_SVG, 0, 0, 1000, 15, &w, &h);
  g_assert_cmpfloat (w, ==, LL_EXPORT_DEFAULT_WIDTH);
  g_assert_cmpfloat (h, ==, LL_EXPORT_DEFAULT_HEIGHT);

  /* The report: an A4 page, twice its points as a PNG. */
  ll_export_size_resolve (LL_EXPORT_REPORT, LL_EXPORT_PDF, 0, 0, 1000, 500, &w, &h);
  g_assert_cmpfloat (w, ==, LL_REPORT_WIDTH);
  g_assert_cmpfloat (h, ==, LL_REPORT_HEIGHT);
  ll_export_size_resolve (LL_EXPORT_REPORT, LL_EXPORT_PNG, 0, 0, 1000, 500, &w, &h);
  g_assert_cmpfloat (w, ==, 2 * LL_REPORT_WIDTH);
  g_assert_cmpfloat (h, ==, 2 * LL_REPORT_HEIGHT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/size/parse", test_size_parse);
  g_test_add_func ("/export/size/to-string", test_size_to_string);
  g_test_add_func ("/export/size/presets", test_size_presets);
  g_test_add_func ("/export/size/resolve", test_size_resolve);

  return g_test_run ();
}
