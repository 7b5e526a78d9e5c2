/* ll-chart-palette.c — the colours and line weights a chart is drawn with
 *
 * Every colour keeps WCAG 2's contrast against the chart's background
 * for what it draws: 4.5:1 for text, 3:1 for lines, marks and dots (7:1
 * and 4.5:1 in high contrast). The shades are libadwaita's named colours
 * and the GNOME palette's, chosen so that the light ones meet their ratio
 * on white and the dark ones on both dark backgrounds a chart sits on:
 * the view's (#1e1e1e, exports) and a card's (#363636, the window).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "ll-chart-palette.h"

typedef enum
{
  DECORATION,
  TEXT,
  GRAPHICS,
} Role;

/* What each colour draws. */
static const struct
{
  gsize offset;
  Role  role;
} roles[] = {
  { G_STRUCT_OFFSET (LlChartPalette, foreground), TEXT },
  { G_STRUCT_OFFSET (LlChartPalette, secondary), TEXT },
  { G_STRUCT_OFFSET (LlChartPalette, grid), DECORATION },
  { G_STRUCT_OFFSET (LlChartPalette, accent), GRAPHICS },
  { G_STRUCT_OFFSET (LlChartPalette, series2), GRAPHICS },
  { G_STRUCT_OFFSET (LlChartPalette, series3), TEXT },
  { G_STRUCT_OFFSET (LlChartPalette, warning), TEXT },
  { G_STRUCT_OFFSET (LlChartPalette, marker), GRAPHICS },
};

static void
set_rgb (LlColor *color,
         guint32  rgb,
         double   alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

static void
set_runs (LlChartPalette *palette,
          const guint32   rgb[LL_CHART_N_RUN_COLORS])
{
  for (guint i = 0; i < LL_CHART_N_RUN_COLORS; i++)
    set_rgb (&palette->runs[i], rgb[i], 1.0);
}

/* Runs: blue, orange, green, purple, red, brown, yellow, grey, in that
 * order everywhere, in the shade each background needs. */
void
ll_chart_palette_init_light (LlChartPalette *palette)
{
  static const guint32 runs[LL_CHART_N_RUN_COLORS] = {
    0x1c71d8,  /* @blue_4: 4.8:1 on white */
    0xe66100,  /* @orange_4: 3.5 */
    0x26a269,  /* @green_5: 3.3 */
    0x813d9c,  /* @purple_4: 6.8 */
    0xc01c28,  /* @red_4: 6.1 */
    0x986a44,  /* @brown_3: 4.7 */
    0xb07c00,  /* @yellow_5, darker: 3.7 */
    0x5e5c64,  /* @dark_2: 6.6 */
  };

  g_return_if_fail (palette != NULL);

  memset (palette, 0, sizeof *palette);
  set_rgb (&palette->background, 0xffffff, 1.0);  /* view_bg_color, card_bg_color */
  set_rgb (&palette->foreground, 0x000000, 0.8);  /* view_fg_color: 12.6:1 */
  set_rgb (&palette->secondary, 0x000000, 0.6);   /* 5.7:1 (a dim label's 0.55 of the
                                                   * foreground would be 3.2) */
  set_rgb (&palette->grid, 0x000000, 0.09);       /* the borders' alpha */
  set_rgb (&palette->accent, 0x1c71d8, 1.0);      /* accent_color: @blue_4, 4.8:1 */
  set_rgb (&palette->series2, 0x9141ac, 1.0);     /* @purple_3: 5.9 */
  set_rgb (&palette->series3, 0x1b8553, 1.0);     /* success_color: 4.6 */
  set_rgb (&palette->warning, 0xc64600, 1.0);     /* @orange_5: 4.9 */
  set_rgb (&palette->marker, 0x000000, 0.6);      /* 5.7 */
  set_runs (palette, runs);
  palette->line_scale = 1.0;
}

void
ll_chart_palette_init_dark (LlChartPalette *palette)
{
  /* On #1e1e1e and on a card's #363636. */
  static const guint32 runs[LL_CHART_N_RUN_COLORS] = {
    0x62a0ea,  /* @blue_2: 6.1:1 and 4.5:1 */
    0xffa348,  /* @orange_2: 8.4, 6.1 */
    0x57e389,  /* @green_2: 10.1, 7.4 */
    0xc061cb,  /* @purple_2: 4.6, 3.4 */
    0xf66151,  /* @red_1: 5.4, 3.9 */
    0xcdab8f,  /* @brown_1: 7.8, 5.7 */
    0xf8e45c,  /* @yellow_2: 12.9, 9.4 */
    0xdeddda,  /* @light_3: 12.3, 9.0 */
  };

  g_return_if_fail (palette != NULL);

  memset (palette, 0, sizeof *palette);
  set_rgb (&palette->background, 0x1e1e1e, 1.0);  /* view_bg_color */
  set_rgb (&palette->foreground, 0xffffff, 1.0);  /* view_fg_color */
  set_rgb (&palette->secondary, 0xffffff, 0.6);   /* 6.8:1 and 5.5:1 */
  set_rgb (&palette->grid, 0xffffff, 0.10);
  set_rgb (&palette->accent, 0x78aeed, 1.0);      /* accent_color: 7.2, 5.3 */
  set_rgb (&palette->series2, 0xc061cb, 1.0);     /* @purple_2: 4.6, 3.4 */
  set_rgb (&palette->series3, 0x33d17a, 1.0);     /* @green_3: 8.4, 6.1 */
  set_rgb (&palette->warning, 0xffa348, 1.0);     /* @orange_2: 8.4, 6.1 */
  set_rgb (&palette->marker, 0xffffff, 0.6);
  set_runs (palette, runs);
  palette->line_scale = 1.0;
}

void
ll_chart_palette_init_high_contrast (LlChartPalette *palette,
                                     gboolean        dark)
{
  /* 5:1 or more on white, 4.5:1 or more on #363636: graphics at the
   * text ratio. */
  static const guint32 light_runs[LL_CHART_N_RUN_COLORS] = {
    0x1a5fb4,  /* @blue_5 */
    0x9a4200,  /* @orange_5, darker */
    0x136c3e,  /* @green_5, darker */
    0x613583,  /* @purple_5 */
    0xa51d2d,  /* @red_5 */
    0x63452c,  /* @brown_5 */
    0x8f6a00,  /* @yellow_5, darker (5.0:1) */
    0x3d3846,  /* @dark_3 */
  };
  static const guint32 dark_runs[LL_CHART_N_RUN_COLORS] = {
    0x99c1f1,  /* @blue_1 */
    0xffbe6f,  /* @orange_1 */
    0x8ff0a4,  /* @green_1 */
    0xdc8add,  /* @purple_1 */
    0xf99b8f,  /* @red_1, lighter */
    0xcdab8f,  /* @brown_1 */
    0xf9f06b,  /* @yellow_1 */
    0xc0bfbc,  /* @light_4 */
  };

  g_return_if_fail (palette != NULL);

  memset (palette, 0, sizeof *palette);
  if (dark)
    {
      set_rgb (&palette->background, 0x1e1e1e, 1.0);
      set_rgb (&palette->foreground, 0xffffff, 1.0);
      set_rgb (&palette->secondary, 0xffffff, 1.0);
      set_rgb (&palette->grid, 0xffffff, 0.28);
      set_rgb (&palette->accent, 0x99c1f1, 1.0);   /* @blue_1: 6.5:1 on a card */
      set_rgb (&palette->series2, 0xdc8add, 1.0);  /* @purple_1: 5.1 */
      set_rgb (&palette->series3, 0x8ff0a4, 1.0);  /* @green_1: 8.8 */
      set_rgb (&palette->warning, 0xffbe6f, 1.0);  /* @orange_1: 7.5 */
      set_rgb (&palette->marker, 0xffffff, 1.0);
      set_runs (palette, dark_runs);
    }
  else
    {
      set_rgb (&palette->background, 0xffffff, 1.0);
      set_rgb (&palette->foreground, 0x000000, 1.0);
      set_rgb (&palette->secondary, 0x000000, 1.0);
      set_rgb (&palette->grid, 0x000000, 0.25);
      set_rgb (&palette->accent, 0x1a5fb4, 1.0);   /* @blue_5: 6.3:1 */
      set_rgb (&palette->series2, 0x613583, 1.0);  /* @purple_5: 9.0 */
      set_rgb (&palette->series3, 0x0f5c36, 1.0);  /* @green_5, darker: 8.1 */
      set_rgb (&palette->warning, 0x8a3b00, 1.0);  /* @orange_5, darker: 7.8 */
      set_rgb (&palette->marker, 0x000000, 1.0);
      set_runs (palette, light_runs);
    }
  palette->line_scale = 1.5;
  palette->high_contrast = TRUE;
}

/* Contrast ----------------------------------------------------------------- */

static double
linear (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const LlColor *c)
{
  return 0.2126 * linear (c->red) + 0.7152 * linear (c->green) + 0.0722 * linear (c->blue);
}

static LlColor
composite (const LlColor *color,
           const LlColor *background)
{
  double a = CLAMP (color->alpha, 0.0, 1.0);

  return (LlColor) {
    color->red * a + background->red * (1.0 - a),
    color->green * a + background->green * (1.0 - a),
    color->blue * a + background->blue * (1.0 - a),
    1.0,
  };
}

double
ll_color_contrast (const LlColor *color,
                   const LlColor *background)
{
  LlColor c;
  double lc, lb;

  g_return_val_if_fail (color != NULL && background != NULL, 1.0);

  c = composite (color, background);
  lc = luminance (&c);
  lb = luminance (background);
  return (MAX (lc, lb) + 0.05) / (MIN (lc, lb) + 0.05);
}

/* Where black and white text would have the same contrast. */
gboolean
ll_chart_palette_is_dark (const LlChartPalette *palette)
{
  g_return_val_if_fail (palette != NULL, FALSE);

  return luminance (&palette->background) < 0.18;
}

static double
required (const LlChartPalette *palette,
          Role                  role)
{
  switch (role)
    {
    case TEXT:
      return palette->high_contrast ? LL_CONTRAST_TEXT_HIGH : LL_CONTRAST_TEXT;
    case GRAPHICS:
      return palette->high_contrast ? LL_CONTRAST_TEXT : LL_CONTRAST_GRAPHICS;
    case DECORATION:
    default:
      return 0.0;
    }
}

/* Moves @color towards black or white, an opaque step at a time, until
 * it has @ratio against @background; its hue stays. */
static void
ensure (LlColor       *color,
        const LlColor *background,
        gboolean       dark,
        double         ratio)
{
  LlColor c;
  double target = dark ? 1.0 : 0.0;

  if (ll_color_contrast (color, background) >= ratio)
    return;

  c = composite (color, background);
  for (guint step = 1; step <= 100; step++)
    {
      double t = step / 100.0;
      LlColor m = {
        c.red + (target - c.red) * t,
        c.green + (target - c.green) * t,
        c.blue + (target - c.blue) * t,
        1.0,
      };

      *color = m;
      if (ll_color_contrast (&m, background) >= ratio)
        return;
    }
}

void
ll_chart_palette_ensure_contrast (LlChartPalette *palette)
{
  gboolean dark;

  g_return_if_fail (palette != NULL);

  palette->background.alpha = 1.0;
  dark = ll_chart_palette_is_dark (palette);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      double ratio = required (palette, roles[i].role);

      if (ratio > 0.0)
        ensure (G_STRUCT_MEMBER_P (palette, roles[i].offset), &palette->background, dark, ratio);
    }
  for (guint i = 0; i < LL_CHART_N_RUN_COLORS; i++)
    ensure (&palette->runs[i], &palette->background, dark, required (palette, GRAPHICS));
}
