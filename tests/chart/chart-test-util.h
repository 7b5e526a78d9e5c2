/* chart-test-util.h — rendering charts into images and reading their pixels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-chart-private.h"

G_BEGIN_DECLS

#define WIDTH  600
#define HEIGHT 400

typedef struct
{
  guint8 r, g, b;
} Rgb;

/* A palette of pure colours, so lines can be told apart exactly: accent
 * red, series2 green, series3 blue, warning orange. */
void             options_init_test (LlChartOptions       *options);
cairo_surface_t *render            (LlChartKind           kind,
                                    const LlChartData    *data,
                                    const LlChartOptions *options,
                                    int                   width,
                                    int                   height,
                                    double                scale);
Rgb              pixel             (cairo_surface_t      *surface,
                                    int                   x,
                                    int                   y);
gboolean         is_rgb            (Rgb                   p,
                                    int                   r,
                                    int                   g,
                                    int                   b);
/* The accent, alone or blended over the background. */
gboolean         is_red            (Rgb                   p);
gboolean         region_has_ink    (cairo_surface_t      *surface,
                                    const LlRect         *r,
                                    Rgb                   background);
gboolean         is_series3        (Rgb                   p);
/* @a and @b, image surfaces, have the same pixels, byte for byte. */
void             assert_same_image (cairo_surface_t      *a,
                                    cairo_surface_t      *b);
void             columns_for       (LlColumns            *columns,
                                    const LlChartLayout  *layout,
                                    double                scale);

#define assert_rgb(surface, x, y, rr, gg, bb) G_STMT_START {                 \
    Rgb _p = pixel ((surface), (x), (y));                                  \
    if (!is_rgb (_p, (rr), (gg), (bb)))                                    \
      g_error ("pixel (%d, %d) is #%02x%02x%02x, expected #%02x%02x%02x",    \
               (int) (x), (int) (y), _p.r, _p.g, _p.b, (rr), (gg), (bb));  \
  } G_STMT_END

G_END_DECLS
