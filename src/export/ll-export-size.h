/* ll-export-size.h — how large an exported chart or report is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-export-image.h"

G_BEGIN_DECLS

#define LL_EXPORT_SIZE_MIN 16
#define LL_EXPORT_SIZE_MAX 16384

/* A chart's size when none is asked for and none is on screen; all four
 * charts on one image are drawn at twice its height, each 600 × 600. */
#define LL_EXPORT_DEFAULT_WIDTH  1200
#define LL_EXPORT_DEFAULT_HEIGHT 600

typedef struct
{
  int width;
  int height;
} LlExportSize;

/* What @what (a chart, or LL_EXPORT_ALL_CHARTS) is drawn at when no size
 * is asked for and none is on screen: the first of its presets. */
LlExportSize        ll_export_size_get_default (guint              what);
/* The sizes offered for @what (a chart, or LL_EXPORT_ALL_CHARTS): the
 * default first, then slides and full-screen video, then documents or
 * four charts of the default size. */
const LlExportSize *ll_export_size_get_presets (guint              what,
                                                guint             *n_presets);

/* "1200x600" (also "1200X600" and "1200×600", spaces allowed around the
 * sign) with each side from LL_EXPORT_SIZE_MIN to LL_EXPORT_SIZE_MAX;
 * "screen" is 0 × 0, the size on screen. The error says what is
 * accepted. */
gboolean            ll_export_size_parse       (const char        *text,
                                                int               *width,
                                                int               *height,
                                                GError           **error);
/* "1200x600", or "screen" for 0 × 0. */
char               *ll_export_size_to_string   (int                width,
                                                int                height);

/* The size @what is drawn at, in pixels (PNG) or points: the size asked
 * for when there is one (@width × @height > 0); else a chart takes the
 * size on screen (or the default), and the report an A4 page, twice its
 * points for a PNG so that it prints sharply. */
void                ll_export_size_resolve     (guint              what,
                                                LlExportFormat     format,
                                                int                width,
                                                int                height,
                                                int                screen_width,
                                                int                screen_height,
                                                double            *out_width,
                                                double            *out_height);

G_END_DECLS
