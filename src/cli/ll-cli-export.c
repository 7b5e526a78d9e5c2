/* ll-cli-export.c — chart and report exports for listlab-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "ll-cli-export.h"
#include "ll-report.h"
#include "ll-summary.h"

void
ll_cli_export_add_options (GOptionContext     *context,
                           LlCliExportOptions *o)
{
  GOptionEntry entries[] = {
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &o->png,
      N_("Write the report (or the --chart) as PNG to FILE"), N_("FILE") },
    { "svg", 0, 0, G_OPTION_ARG_FILENAME, &o->svg,
      N_("Write the report (or the --chart) as SVG to FILE"), N_("FILE") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &o->pdf,
      N_("Write the one-page report (or the --chart) as PDF to FILE"), N_("FILE") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &o->chart,
      N_("Export one chart instead of the report: capacity, growth or memory"), N_("NAME") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o->size,
      N_("Image size in pixels (points for SVG and PDF), e.g. 1200x600"), N_("WxH") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &o->dark,
      N_("Draw images in the dark style"), NULL },
    { "si", 0, 0, G_OPTION_ARG_NONE, &o->si,
      N_("Show sizes in SI units (kB, MB, GB) instead of KiB, MiB, GiB"), NULL },
    { "log", 0, 0, G_OPTION_ARG_NONE, &o->log_scale,
      N_("Logarithmic scale for the bytes-added chart"), NULL },
    { NULL }
  };
  GOptionGroup *group;

  group = g_option_group_new ("export", _("Chart and report exports:"),
                              _("Show chart and report export options"), NULL, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, entries);
  g_option_context_add_group (context, group);
}

void
ll_cli_export_options_clear (LlCliExportOptions *o)
{
  g_clear_pointer (&o->png, g_free);
  g_clear_pointer (&o->svg, g_free);
  g_clear_pointer (&o->pdf, g_free);
  g_clear_pointer (&o->chart, g_free);
  g_clear_pointer (&o->size, g_free);
}

gboolean
ll_cli_export_validate (LlCliExportOptions *o,
                        GError            **error)
{
  const char *paths[] = { o->png, o->svg, o->pdf };
  const LlExportFormat formats[] = { LL_EXPORT_PNG, LL_EXPORT_SVG, LL_EXPORT_PDF };
  const char *names[] = { "--png", "--svg", "--pdf" };
  int n_stdout = 0;

  o->what = LL_EXPORT_REPORT;
  if (o->chart != NULL)
    {
      LlChartKind kind;

      if (!ll_chart_kind_from_name (o->chart, &kind))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--chart: “%s” is not a chart. Use capacity, growth or memory."), o->chart);
          return FALSE;
        }
      o->what = kind;
    }

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      LlExportFormat format;

      if (paths[i] == NULL)
        continue;
      if (g_str_equal (paths[i], "-"))
        {
          n_stdout++;
          continue;
        }
      if (ll_export_format_from_path (paths[i], &format) && format != formats[i])
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s: “%s” has the extension of another format"), names[i], paths[i]);
          return FALSE;
        }
    }
  if (n_stdout > 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Only one image can go to standard output"));
      return FALSE;
    }

  if (o->what == LL_EXPORT_REPORT)
    {
      o->width = LL_REPORT_WIDTH;
      o->height = LL_REPORT_HEIGHT;
    }
  else
    {
      o->width = 1200;
      o->height = 600;
    }

  if (o->size != NULL)
    {
      unsigned w = 0, h = 0;
      char x = 0, extra = 0;

      if (sscanf (o->size, "%u%c%u%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X') ||
          w < 16 || h < 16 || w > 16384 || h > 16384)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--size: “%s” is not a size. Use WIDTHxHEIGHT in pixels, each from 16 to 16384, e.g. 1200x600."),
                       o->size);
          return FALSE;
        }
      o->width = w;
      o->height = h;
    }
  return TRUE;
}

gboolean
ll_cli_export_charts (LlCliExportOptions *o,
                      LlHistory          *history,
                      const LlRunConfig  *config,
                      LlEngine           *engine,
                      GError            **error)
{
  const char *paths[] = { o->png, o->svg, o->pdf };
  const LlExportFormat formats[] = { LL_EXPORT_PNG, LL_EXPORT_SVG, LL_EXPORT_PDF };
  g_autoptr(LlHistoryView) view = NULL;
  g_autoptr(GPtrArray) settings = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *stop_message = NULL;
  LlChartOptions options;
  LlChartData data = { 0 };
  LlReportInfo info = { 0 };
  LlUnits units = o->si ? LL_UNITS_SI : LL_UNITS_IEC;
  LlMemInfo mem = { 0 };

  if (o->png == NULL && o->svg == NULL && o->pdf == NULL)
    return TRUE;

  view = ll_history_view_new ();
  ll_history_view_update (view, history);

  ll_chart_options_init (&options);
  if (o->dark)
    ll_chart_palette_init_dark (&options.palette);
  options.units = units;
  options.log_y = o->log_scale;
  options.draw_title = TRUE;

  ll_chart_data_init_from_view (&data, view, ll_element_get_info (config->element)->slot_bytes);

  ll_mem_read_system (&mem, NULL, NULL);
  if (engine != NULL)
    {
      LlEngineStatus status;

      ll_engine_get_status (engine, &status);
      options.reserve_bytes = status.reserve_bytes;
      stop_message = ll_summary_stop_message (engine, units);
      settings = ll_summary_settings_rows (config, status.reserve_bytes, units);
      results = ll_summary_result_rows (config, &status, data.counters, mem.available_bytes, units);
      info.title = _("List Lab run");
    }
  else
    {
      settings = ll_summary_settings_rows (config, ll_run_config_get_reserve (config, &mem), units);
      info.title = _("List Lab simulation");
    }
  info.stop_message = stop_message;
  info.settings_rows = settings;
  info.result_rows = results;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      double width = o->width, height = o->height;

      if (paths[i] == NULL)
        continue;
      /* A PNG report at the default size is rendered at 2× the A4 points. */
      if (formats[i] == LL_EXPORT_PNG && o->what == LL_EXPORT_REPORT && o->size == NULL)
        {
          width *= 2;
          height *= 2;
        }
      if (!ll_export_image (paths[i], formats[i], o->what, width, height, &data, &options, &info, error))
        return FALSE;
    }
  return TRUE;
}
