/* ll-export-image.c — a chart or the report as a PNG, SVG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "ll-export-image.h"
#include "ll-export-size.h"
#include "ll-output.h"

gboolean
ll_export_format_from_path (const char     *path,
                            LlExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = LL_EXPORT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = LL_EXPORT_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = LL_EXPORT_PDF;
  else
    return FALSE;
  return TRUE;
}

static void
draw_what (cairo_t              *cr,
           guint                 what,
           double                width,
           double                height,
           const LlChartData    *data,
           const LlChartOptions *options,
           const LlReportInfo   *info)
{
  if (what == LL_EXPORT_REPORT)
    ll_report_draw (cr, data, options, info, width, height, NULL);
  else if (what == LL_EXPORT_ALL_CHARTS)
    ll_chart_draw_all (cr, data, options, width, height);
  else
    ll_chart_draw (cr, what, data, options, width, height);
}

cairo_surface_t *
ll_export_render_surface (guint                 what,
                          int                   width,
                          int                   height,
                          const LlChartData    *data,
                          const LlChartOptions *options,
                          const LlReportInfo   *info)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (what <= LL_EXPORT_ALL_CHARTS, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  if (what == LL_EXPORT_REPORT)
    {
      /* The report is laid out on an A4 page; a bitmap scales it. */
      double scale = width / LL_REPORT_WIDTH;

      cairo_scale (cr, scale, scale);
      ll_report_draw (cr, data, options, info, LL_REPORT_WIDTH, height / scale, NULL);
    }
  else
    draw_what (cr, what, width, height, data, options, info);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

typedef struct
{
  LlOutput *output;
  GError   *error;
} StreamClosure;

static cairo_status_t
write_to_output (void                *closure,
                 const unsigned char *bytes,
                 unsigned int         length)
{
  StreamClosure *sc = closure;

  if (sc->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!ll_output_write (sc->output, bytes, length, &sc->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_size (double   width,
            double   height,
            GError **error)
{
  if (!(width >= LL_EXPORT_SIZE_MIN && height >= LL_EXPORT_SIZE_MIN &&
        width <= LL_EXPORT_SIZE_MAX && height <= LL_EXPORT_SIZE_MAX))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("An image must be between %d and %d pixels wide and high, not %g×%g"),
                   LL_EXPORT_SIZE_MIN, LL_EXPORT_SIZE_MAX, width, height);
      return FALSE;
    }
  return TRUE;
}

gboolean
ll_export_image_write (LlOutput             *output,
                       LlExportFormat        format,
                       guint                 what,
                       double                width,
                       double                height,
                       const LlChartData    *data,
                       const LlChartOptions *options,
                       const LlReportInfo   *info,
                       GError              **error)
{
  StreamClosure sc = { 0 };
  cairo_surface_t *surface = NULL;
  cairo_status_t status;

  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (what <= LL_EXPORT_ALL_CHARTS, FALSE);

  if (!check_size (width, height, error))
    return FALSE;
  sc.output = output;

  switch (format)
    {
    case LL_EXPORT_PNG:
      surface = ll_export_render_surface (what, (int) width, (int) height, data, options, info);
      status = cairo_surface_write_to_png_stream (surface, write_to_output, &sc);
      cairo_surface_destroy (surface);
      break;

    case LL_EXPORT_SVG:
    case LL_EXPORT_PDF:
    default:
      {
        cairo_t *cr;

        if (format == LL_EXPORT_SVG)
          surface = cairo_svg_surface_create_for_stream (write_to_output, &sc, width, height);
        else
          surface = cairo_pdf_surface_create_for_stream (write_to_output, &sc, width, height);
        if (format == LL_EXPORT_PDF)
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "List Lab " PACKAGE_VERSION);
        cr = cairo_create (surface);
        draw_what (cr, what, width, height, data, options, info);
        cairo_show_page (cr);
        cairo_destroy (cr);
        cairo_surface_finish (surface);
        status = cairo_surface_status (surface);
        cairo_surface_destroy (surface);
      }
      break;
    }

  if (sc.error != NULL)
    {
      g_propagate_error (error, sc.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot draw “%s”: %s"), ll_output_get_path (output),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
