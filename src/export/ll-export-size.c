/* ll-export-size.c — how large an exported chart or report is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-export-size.h"

static const LlExportSize presets[] = {
  { 1200, 600 },
  { 1920, 1080 },
  { 800, 400 },
};

const LlExportSize *
ll_export_size_get_presets (guint *n_presets)
{
  g_return_val_if_fail (n_presets != NULL, NULL);

  *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

/* A whole number of pixels at @p, within the limits; moves @p past it. */
static gboolean
parse_side (const char **p,
            int         *side)
{
  guint64 value = 0;
  const char *start = *p;

  while (g_ascii_isdigit (**p) && value <= LL_EXPORT_SIZE_MAX)
    value = value * 10 + (guint64) (*(*p)++ - '0');

  if (*p == start || g_ascii_isdigit (**p) ||
      value < LL_EXPORT_SIZE_MIN || value > LL_EXPORT_SIZE_MAX)
    return FALSE;

  *side = (int) value;
  return TRUE;
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
  int w, h;

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

  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
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
  else if (what == LL_EXPORT_ALL_CHARTS)
    {
      /* Four charts of the default size. */
      *out_width = LL_EXPORT_DEFAULT_WIDTH;
      *out_height = 2 * LL_EXPORT_DEFAULT_HEIGHT;
    }
  else if (screen_width >= LL_EXPORT_SIZE_MIN && screen_height >= LL_EXPORT_SIZE_MIN)
    {
      *out_width = screen_width;
      *out_height = screen_height;
    }
  else
    {
      *out_width = LL_EXPORT_DEFAULT_WIDTH;
      *out_height = LL_EXPORT_DEFAULT_HEIGHT;
    }
}
