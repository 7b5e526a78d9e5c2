/* ll-chart-palette.h — the colours and line weights a chart is drawn with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} LlColor;

#define LL_CHART_N_RUN_COLORS 8

/* WCAG 2's minimum contrast ratios: text (1.4.3), graphics a reader needs
 * (1.4.11); high contrast asks for the enhanced text ratio (1.4.6) and
 * gives graphics the text one. */
#define LL_CONTRAST_TEXT      4.5
#define LL_CONTRAST_GRAPHICS  3.0
#define LL_CONTRAST_TEXT_HIGH 7.0

/* Each colour says what it draws and, so, the contrast it keeps against
 * @background once composited on it: text, or graphics, or decoration
 * (exempt: the grid and the faint spans the data lies on, see below). */
typedef struct
{
  LlColor  background;
  LlColor  foreground;    /* text: titles, axis titles, legends */
  LlColor  secondary;     /* text: tick labels, hints, reference lines
                           * and their labels; the axis line */
  LlColor  grid;          /* decoration: faint so the data stands out;
                           * the tick labels carry the values */
  LlColor  accent;        /* graphics: capacity, bytes added, moved blocks */
  LlColor  series2;       /* graphics: length, RSS, time per append */
  LlColor  series3;       /* text and graphics: available memory, blocks
                           * grown in place, the next growth's line */
  LlColor  warning;       /* text and graphics: the reserve line, copies */
  LlColor  marker;        /* graphics: reallocation ticks on the time axis */
  LlColor  runs[LL_CHART_N_RUN_COLORS];  /* graphics: one per run when
                                          * several are drawn together */
  double   line_scale;    /* line widths and marks, times this */
  gboolean high_contrast;
} LlChartPalette;

/* libadwaita's light and dark styles and GNOME palette shades, each
 * meeting its ratio on the style's view and card backgrounds. */
void     ll_chart_palette_init_light         (LlChartPalette       *palette);
void     ll_chart_palette_init_dark          (LlChartPalette       *palette);
/* For high contrast: black or white text, deeper or lighter shades that
 * meet the enhanced ratios, lines half as wide again. */
void     ll_chart_palette_init_high_contrast (LlChartPalette       *palette,
                                              gboolean              dark);
gboolean ll_chart_palette_is_dark            (const LlChartPalette *palette);

/* The WCAG 2 contrast ratio of @color, composited on the opaque
 * @background, against @background (1 to 21). */
double   ll_color_contrast                   (const LlColor        *color,
                                              const LlColor        *background);
/* Darkens (on a light background) or lightens each colour that falls
 * short of its ratio on @palette's background, keeping its hue: for
 * colours or a background taken from elsewhere (the desktop's accent, a
 * card). */
void     ll_chart_palette_ensure_contrast    (LlChartPalette       *palette);

G_END_DECLS
