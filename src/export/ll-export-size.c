/* ll-export-size.c — how large an exported chart or report is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-export-size.h"

static const LlExportSize chart_presets[] = {
  { LL_EXPORT_DEFAULT_WIDTH, LL_EXPORT_DEFAULT_HEIGHT },
  { 1920, 1080 },
  { 800, 400 },
};

static const LlExportSize all_charts_presets[] = {
  { LL_EXPORT_DEFAULT_WIDTH, 2 * LL_EXPORT_DEFAULT_HEIGHT },
  { 1920, 1080 },
  { 2 * LL_EXPORT_DEFAULT_WIDTH, 2 * LL_EXPORT_DEFAULT_HEIGHT },
};

const LlExportSize *
ll_export_size_get_presets (guint  what,
                            guint *n_presets)
{
  g_return_val_if_fail (n_presets != NULL, NULL);

  if (what == LL_EXPORT_ALL_CHARTS)
    {
      *n_presets = G_N_ELEMENTS (all_charts_presets);
      return all_charts_presets;
    }
  *n_presets = G_N_ELEMENTS (chart_presets);
  return chart_presets;
}

LlExportSize
ll_export_size_get_default (guint what)
{
  guint n_presets;

  return ll_export_size_get_presets (what, &n_presets)[0];
}

/* A whole number of pixels at @p, moving @p past it; one past the
 * largest allowed stands for any larger. */
static gboolean
parse_side (const char **p,
            guint64     *side)
{
  guint64 value = 0;
  const char *start = *p;

  for (; g_ascii_isdigit (**p); (*p)++)
    value = MIN (value * 10 + (guint64) (**p - '0'), (guint64) LL_EXPORT_SIZE_MAX + 1);

  *side = value;
  return *p != start;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ')
    p++;
  return p;
}

gboolean
ll_export_size_parse (const char  *text,
                      int         *width,
                      int         *height,
                      GError     **error)
{
  const char *p;
  guint64 w, h;

  g_return_val_if_fail (text != NULL, FALSE);

  p = skip_spaces (text);
  if (g_str_equal (p, "screen"))
    {
      if (width != NULL)
        *width = 0;
      if (height != NULL)
        *height = 0;
      return TRUE;
    }

  if (!parse_side (&p, &w))
    goto bad;
  p = skip_spaces (p);
  if (*p == 'x' || *p == 'X')
    p++;
  else if (g_str_has_prefix (p, "×"))
    p += strlen ("×");
  else
    goto bad;
  p = skip_spaces (p);
  if (!parse_side (&p, &h) || *skip_spaces (p) != '\0')
    goto bad;

  /* A size, but one that cannot be drawn: which side, and why. */
  if (MIN (w, h) < LL_EXPORT_SIZE_MIN || MAX (w, h) > LL_EXPORT_SIZE_MAX)
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   MIN (w, h) < LL_EXPORT_SIZE_MIN
                     ? _("“%s” is too small to draw: each side of WIDTHxHEIGHT is from %d to %d pixels.")
                     : _("“%s” is too large to draw: each side of WIDTHxHEIGHT is from %d to %d pixels."),
                   g_strstrip (shown), LL_EXPORT_SIZE_MIN, LL_EXPORT_SIZE_MAX);
      return FALSE;
    }

  if (width != NULL)
    *width = (int) w;
  if (height != NULL)
    *height = (int) h;
  return TRUE;

bad:
  {
    g_autofree char *shown = g_utf8_make_valid (text, -1);

    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("“%s” is not a size. Use WIDTHxHEIGHT in pixels, each from %d to %d, "
                   "e.g. 1200x600."),
                 shown, LL_EXPORT_SIZE_MIN, LL_EXPORT_SIZE_MAX);
    return FALSE;
  }
}

char *
ll_export_size_to_string (int width,
                          int height)
{
  if (width <= 0 || height <= 0)
    return g_strdup ("screen");

  return g_strdup_printf ("%dx%d", width, height);
}

void
ll_export_size_resolve (guint           what,
                        LlExportFormat  format,
                        int             width,
                        int             height,
                        int             screen_width,
                        int             screen_height,
                        double         *out_width,
                        double         *out_height)
{
  g_return_if_fail (out_width != NULL && out_height != NULL);

  if (width > 0 && height > 0)
    {
      *out_width = width;
      *out_height = height;
    }
  else if (what == LL_EXPORT_REPORT)
    {
      double scale = format == LL_EXPORT_PNG ? 2 : 1;

      *out_width = LL_REPORT_WIDTH * scale;
      *out_height = LL_REPORT_HEIGHT * scale;
    }
  else if (what != LL_EXPORT_ALL_CHARTS &&
           screen_width >= LL_EXPORT_SIZE_MIN && screen_height >= LL_EXPORT_SIZE_MIN)
    {
      *out_width = screen_width;
      *out_height = screen_height;
    }
  else
    {
      LlExportSize size = ll_export_size_get_default (what);

      *out_width = size.width;
      *out_height = size.height;
    }
}
