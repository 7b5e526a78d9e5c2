/* test-chart-palette.c — every chart colour against the backgrounds it is drawn on
 *
 * WCAG 2: text 4.5:1 (1.4.3), graphics a reader needs 3:1 (1.4.11); in
 * high contrast text 7:1 (1.4.6) and graphics 4.5:1. The contrast is
 * computed here from the definition, not with the code under test.
 *
 * Exempt, as decoration: the grid (the tick labels carry the values), and
 * what painting draws fainter than a palette colour — the capacity
 * chart's slack fill (between two lines that meet the ratio), the faint
 * lines under the memory chart's reallocation ticks (the ticks meet it),
 * and the lighter parts of merged columns (growth stems below the
 * smallest, the time chart's bar behind its dot: the stem's range and the
 * dot carry the values).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ll-chart.h"

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* @fg composited over the opaque @bg, against @bg. */
static double
ratio (const LlColor *fg,
       const LlColor *bg)
{
  double r = fg->red * fg->alpha + bg->red * (1 - fg->alpha);
  double g = fg->green * fg->alpha + bg->green * (1 - fg->alpha);
  double b = fg->blue * fg->alpha + bg->blue * (1 - fg->alpha);
  double lf = 0.2126 * channel (r) + 0.7152 * channel (g) + 0.0722 * channel (b);
  double lb = 0.2126 * channel (bg->red) + 0.7152 * channel (bg->green) + 0.0722 * channel (bg->blue);

  return (MAX (lf, lb) + 0.05) / (MIN (lf, lb) + 0.05);
}

static LlColor
rgb (guint32 hex)
{
  return (LlColor) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                     (hex & 0xff) / 255.0, 1.0 };
}

/* libadwaita's dark card: rgba(255, 255, 255, 0.08) on the window's #242424. */
static LlColor
dark_card (void)
{
  double v = (0x24 + (255 - 0x24) * 0.08) / 255.0;

  return (LlColor) { v, v, v, 1.0 };
}

static void
assert_ratio (const char    *palette,
              const char    *name,
              const LlColor *color,
              const LlColor *background,
              double         minimum)
{
  double r = ratio (color, background);

  g_test_message ("%s %s on #%02x%02x%02x: %.2f:1", palette, name,
                  (int) round (background->red * 255), (int) round (background->green * 255),
                  (int) round (background->blue * 255), r);
  if (r < minimum)
    g_error ("%s: %s has %.2f:1 on #%02x%02x%02x, needs %.1f:1", palette, name, r,
             (int) round (background->red * 255), (int) round (background->green * 255),
             (int) round (background->blue * 255), minimum);
}

/* Every colour of @palette, on each of @backgrounds (the palette's own
 * first). */
static void
check_palette (const char           *name,
               const LlChartPalette *palette,
               const LlColor        *backgrounds,
               guint                 n_backgrounds,
               double                text,
               double                graphics)
{
  for (guint b = 0; b < n_backgrounds; b++)
    {
      const LlColor *bg = &backgrounds[b];

      assert_ratio (name, "foreground", &palette->foreground, bg, text);
      assert_ratio (name, "secondary", &palette->secondary, bg, text);
      /* series3 and warning label their reference lines: text */
      assert_ratio (name, "series3", &palette->series3, bg, text);
      assert_ratio (name, "warning", &palette->warning, bg, text);
      assert_ratio (name, "accent", &palette->accent, bg, graphics);
      assert_ratio (name, "series2", &palette->series2, bg, graphics);
      assert_ratio (name, "marker", &palette->marker, bg, graphics);
      for (guint i = 0; i < LL_CHART_N_RUN_COLORS; i++)
        {
          g_autofree char *run = g_strdup_printf ("runs[%u]", i);

          assert_ratio (name, run, &palette->runs[i], bg, graphics);
        }

      /* The grid is decoration: seen, but well below the data. */
      g_assert_cmpfloat (ratio (&palette->grid, bg), >, 1.05);
      g_assert_cmpfloat (ratio (&palette->grid, bg), <, graphics);
    }
}

static void
test_light (void)
{
  LlChartPalette p;
  LlColor white = rgb (0xffffff);

  ll_chart_palette_init_light (&p);
  g_assert_true (ll_color_contrast (&p.background, &white) == 1.0);
  check_palette ("light", &p, &white, 1, LL_CONTRAST_TEXT, LL_CONTRAST_GRAPHICS);
  g_assert_false (p.high_contrast);
  g_assert_cmpfloat (p.line_scale, ==, 1.0);
}

static void
test_dark (void)
{
  LlChartPalette p;
  LlColor backgrounds[2] = { rgb (0x1e1e1e), dark_card () };

  ll_chart_palette_init_dark (&p);
  g_assert_cmpfloat (ratio (&p.background, &backgrounds[0]), ==, 1.0);
  check_palette ("dark", &p, backgrounds, 2, LL_CONTRAST_TEXT, LL_CONTRAST_GRAPHICS);
}

static void
test_high_contrast (void)
{
  LlChartPalette p;
  LlColor white = rgb (0xffffff);
  LlColor dark[2] = { rgb (0x1e1e1e), dark_card () };

  ll_chart_palette_init_high_contrast (&p, FALSE);
  check_palette ("high contrast light", &p, &white, 1, 7.0, 4.5);
  /* pure black text, wider lines */
  g_assert_cmpfloat (ratio (&p.foreground, &white), ==, 21.0);
  g_assert_cmpfloat (ratio (&p.secondary, &white), ==, 21.0);
  g_assert_true (p.high_contrast);
  g_assert_cmpfloat (p.line_scale, >, 1.0);
  g_assert_false (ll_chart_palette_is_dark (&p));

  ll_chart_palette_init_high_contrast (&p, TRUE);
  check_palette ("high contrast dark", &p, dark, 2, 7.0, 4.5);
  g_assert_cmpfloat (ratio (&p.foreground, &dark[0]), >, 16.0);
  g_assert_true (ll_chart_palette_is_dark (&p));
}

/* The contrast the code computes is WCAG's. */
static void
test_ratio (void)
{
  LlColor black = rgb (0x000000), white = rgb (0xffffff);
  LlColor grey = rgb (0x767676), faint = { 0, 0, 0, 0.48 };

  g_assert_cmpfloat_with_epsilon (ll_color_contrast (&black, &white), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ll_color_contrast (&white, &black), 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ll_color_contrast (&grey, &white), 4.54, 0.01);
  /* the tick labels before: 60 % of 80 % black, #858585 */
  g_assert_cmpfloat_with_epsilon (ll_color_contrast (&faint, &white), 3.69, 0.02);
  g_assert_cmpfloat_with_epsilon (ll_color_contrast (&faint, &white), ratio (&faint, &white), 1e-9);
}

/* Colours from elsewhere (the desktop's accent, a card) are brought to
 * their ratio, with their hue. */
static void
test_ensure (void)
{
  LlChartPalette p;
  LlColor dark_bg = dark_card ();

  ll_chart_palette_init_light (&p);
  p.accent = rgb (0xf6d32d);               /* @yellow_3: 1.5:1 on white */
  p.foreground = (LlColor) { 0, 0, 0, 0.3 };
  p.runs[3] = rgb (0xffffff);
  ll_chart_palette_ensure_contrast (&p);
  check_palette ("light, adjusted", &p, &p.background, 1, LL_CONTRAST_TEXT, LL_CONTRAST_GRAPHICS);
  g_assert_cmpfloat (p.accent.red, >, p.accent.blue + 0.2);
  g_assert_cmpfloat (ratio (&p.accent, &p.background), <, 4.0);  /* no darker than needed */

  ll_chart_palette_init_dark (&p);
  p.background = dark_bg;
  p.accent = rgb (0x1a5fb4);               /* @blue_5: 1.9:1 on the card */
  ll_chart_palette_ensure_contrast (&p);
  check_palette ("dark, adjusted", &p, &dark_bg, 1, LL_CONTRAST_TEXT, LL_CONTRAST_GRAPHICS);
  g_assert_cmpfloat (p.accent.blue, >, p.accent.red + 0.2);

  ll_chart_palette_init_high_contrast (&p, FALSE);
  p.background = rgb (0xfafafa);
  ll_chart_palette_ensure_contrast (&p);
  check_palette ("high contrast on #fafafa", &p, &p.background, 1, 7.0, 4.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/palette/ratio", test_ratio);
  g_test_add_func ("/chart/palette/light", test_light);
  g_test_add_func ("/chart/palette/dark", test_dark);
  g_test_add_func ("/chart/palette/high-contrast", test_high_contrast);
  g_test_add_func ("/chart/palette/ensure", test_ensure);

  return g_test_run ();
}
