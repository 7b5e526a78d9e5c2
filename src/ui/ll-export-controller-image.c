/* ll-export-controller-image.c — Export › Chart, Export › Report and Copy
 * Chart: the dialog with its preview, and the options a picture is drawn with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-export-controller-private.h"
#include "ll-ui-util.h"

/* The size of @chart on screen; of the charts shown together, for
 * LL_N_CHARTS. */
static void
get_screen_size (LlExportController *self,
                 LlChartKind         chart,
                 int                *width,
                 int                *height)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, 0, 0);

  ll_chart_board_get_chart_bounds (ll_window_get_board (self->window), chart,
                                   GTK_WIDGET (self->window), &bounds);
  *width = (int) bounds.size.width;
  *height = (int) bounds.size.height;
  if (*width < LL_EXPORT_SIZE_MIN || *height < LL_EXPORT_SIZE_MIN)
    {
      LlExportSize size = ll_export_size_get_default (ll_export_image_chart_what (chart));

      *width = size.width;
      *height = size.height;
    }
}

/* The options a chart or the report is drawn with: the screen's (scale,
 * units, style, the memory chart's reference lines) unless the light
 * style is asked for. */
static void
get_image_options (LlExportController         *self,
                   const LlExportImageOptions *image,
                   guint                      *what,
                   LlChartOptions             *options,
                   double                     *width,
                   double                     *height)
{
  gboolean report = image->kind == LL_EXPORT_KIND_REPORT;
  gboolean all = !report && image->chart >= LL_N_CHARTS;
  LlChartKind chart = MIN (image->chart, LL_N_CHARTS - 1);
  LlChartOptions memory;

  /* What the screen shows: the zoom and the scales are the same for every
   * chart. */
  ll_chart_view_get_options (ll_export_controller_get_chart_view (self, report ? LL_CHART_GROWTH : chart), options);
  /* A selected row is the user's pointer, not part of the picture. */
  options->mark = NULL;
  options->title_inset = 0.0;
  options->title_says_view = TRUE;
  options->on_screen = FALSE;
  /* A chart alone names its runs itself; all of them share one legend. */
  options->runs_named_apart = FALSE;
  ll_chart_view_get_options (ll_export_controller_get_chart_view (self, LL_CHART_MEMORY), &memory);
  options->reserve_bytes = memory.reserve_bytes;
  options->total_bytes = memory.total_bytes;
  options->next_growth_bytes = memory.next_growth_bytes;
  /* High contrast and large text are the reader's own settings: a file,
   * read elsewhere, has the light or dark style at its designed size. */
  if (image->light)
    ll_chart_palette_init_light (&options->palette);
  else if (options->palette.high_contrast && ll_chart_palette_is_dark (&options->palette))
    ll_chart_palette_init_dark (&options->palette);
  else if (options->palette.high_contrast)
    ll_chart_palette_init_light (&options->palette);
  options->text_scale = 1.0;
  /* A file stands alone: it says what it shows. */
  options->draw_title = TRUE;

  *what = report ? LL_EXPORT_REPORT : ll_export_image_chart_what (image->chart);

  if (report)
    {
      *width = LL_REPORT_WIDTH;
      *height = LL_REPORT_HEIGHT;
      /* A bitmap page is rendered at twice the points, to print sharply. */
      if (image->format == LL_EXPORT_PNG)
        {
          *width *= 2;
          *height *= 2;
        }
    }
  else if (image->width > 0 && image->height > 0)
    {
      *width = image->width;
      *height = image->height;
    }
  else
    {
      int w, h;

      get_screen_size (self, all ? LL_N_CHARTS : chart, &w, &h);
      *width = w;
      *height = h;
    }
}

void
ll_export_controller_apply_image_options (LlExportController         *self,
                                          LlExportJob                *job,
                                          const LlExportImageOptions *image)
{
  get_image_options (self, image, &job->what, &job->options, &job->width, &job->height);
  job->format = image->format;
}

void
ll_export_controller_get_remembered_options (LlExportController   *self,
                                             LlExportKind          kind,
                                             LlChartKind           chart,
                                             LlExportImageOptions *image)
{
  memset (image, 0, sizeof *image);
  image->kind = kind;
  image->chart = chart;
  image->format = kind == LL_EXPORT_KIND_REPORT ? self->report_format : self->chart_format;
  image->light = ll_export_controller_get_light (self);
  if (kind == LL_EXPORT_KIND_CHART)
    ll_export_controller_get_size (self, chart, &image->width, &image->height);
}

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);

  /* GDK_MEMORY_DEFAULT is cairo's ARGB32, whatever the byte order. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static GdkTexture *
render_texture (LlExportJob          *job,
                guint                 what,
                int                   width,
                int                   height,
                const LlChartOptions *options)
{
  LlChartSeries series;
  LlChartData data;
  LlReportInfo info;
  cairo_surface_t *surface;
  GdkTexture *texture;

  ll_export_job_get_chart_data (job, &series, &data, &info);
  surface = ll_export_render_surface (what, width, height, &data, options, &info);
  texture = texture_from_surface (surface);
  cairo_surface_destroy (surface);

  return texture;
}

typedef struct
{
  LlExportController *self;
  LlExportJob        *job;
} PreviewData;

static void
preview_data_free (gpointer data)
{
  PreviewData *preview = data;

  g_object_unref (preview->self);
  ll_export_job_unref (preview->job);
  g_free (preview);
}

static GdkTexture *
render_preview (const LlExportImageOptions *image,
                gpointer                    user_data)
{
  PreviewData *preview = user_data;
  LlChartOptions options;
  double width, height;
  guint what;

  if (preview->self->window == NULL)
    return NULL;

  get_image_options (preview->self, image, &what, &options, &width, &height);
  /* The report's page is laid out in points; a preview needs no more. */
  if (what == LL_EXPORT_REPORT)
    {
      width = LL_REPORT_WIDTH * 1.5;
      height = LL_REPORT_HEIGHT * 1.5;
    }

  return render_texture (preview->job, what, (int) width, (int) height, &options);
}

static void
on_dialog_export (LlExportDialog     *dialog,
                  LlExportController *self)
{
  LlExportJob *job = g_object_get_data (G_OBJECT (dialog), "job");
  LlExportImageOptions image;

  if (self->window == NULL)
    return;

  ll_export_dialog_get_options (dialog, &image);

  ll_export_controller_set_light (self, image.light);
  if (image.kind == LL_EXPORT_KIND_REPORT)
    self->report_format = image.format;
  else
    {
      self->chart_format = image.format;
      ll_export_controller_set_size (self, image.chart, image.width, image.height);
    }

  job->kind = image.kind;
  ll_export_controller_apply_image_options (self, job, &image);
  ll_export_controller_open_chooser (self, job);
}

static void
open_image_dialog (LlExportController *self,
                   LlExportKind        kind,
                   LlChartKind         chart)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlExportJob) job = ll_export_controller_snapshot (self, kind, &error);
  LlExportImageOptions image;
  LlExportDialog *dialog;
  PreviewData *preview;
  int width, height;

  if (job == NULL)
    {
      ll_window_add_toast (self->window, ll_ui_toast_new (error->message));
      return;
    }

  ll_export_controller_get_remembered_options (self, kind, chart, &image);
  get_screen_size (self, chart, &width, &height);

  dialog = ll_export_dialog_new (GTK_WINDOW (self->window), &image, width, height);
  if (kind == LL_EXPORT_KIND_CHART)
    {
      /* The size for the other choice: all four charts, or one. */
      LlChartKind other = chart == LL_N_CHARTS ? LL_CHART_CAPACITY : LL_N_CHARTS;
      int other_width, other_height;

      ll_export_controller_get_size (self, other, &other_width, &other_height);
      ll_export_dialog_set_size (dialog, other, other_width, other_height);
    }
  for (guint k = 0; kind == LL_EXPORT_KIND_CHART && k <= LL_N_CHARTS; k++)
    {
      get_screen_size (self, k, &width, &height);
      ll_export_dialog_set_screen_size (dialog, k, width, height);
    }
  g_object_set_data_full (G_OBJECT (dialog), "job", ll_export_job_ref (job),
                          (GDestroyNotify) ll_export_job_unref);

  preview = g_new0 (PreviewData, 1);
  preview->self = g_object_ref (self);
  preview->job = ll_export_job_ref (job);
  ll_export_dialog_set_preview_func (dialog, render_preview, preview, preview_data_free);

  g_signal_connect_object (dialog, "export", G_CALLBACK (on_dialog_export), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ll_export_controller_chart_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  const char *name = g_variant_get_string (parameter, NULL);
  LlChartKind kind;

  /* "all": the four together, as the window shows them. */
  if (g_strcmp0 (name, "all") == 0)
    kind = LL_N_CHARTS;
  else if (!ll_chart_kind_from_name (name, &kind))
    return;

  open_image_dialog (user_data, LL_EXPORT_KIND_CHART, kind);
}

void
ll_export_controller_report_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  open_image_dialog (user_data, LL_EXPORT_KIND_REPORT, LL_CHART_CAPACITY);
}

void
ll_export_controller_copy_chart_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  LlExportController *self = user_data;
  g_autoptr(GError) error = NULL;

  if (ll_export_controller_copy_chart (self, &error))
    ll_window_add_toast (self->window, ll_ui_toast_new (_("Chart copied to the clipboard")));
  else
    ll_window_add_toast (self->window, ll_ui_toast_new (error->message));
}

gboolean
ll_export_controller_copy_chart (LlExportController  *self,
                                 GError             **error)
{
  g_autoptr(LlExportJob) job = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  LlExportImageOptions image = { 0 };
  LlChartOptions options;
  double width, height;
  guint what;

  g_return_val_if_fail (LL_IS_EXPORT_CONTROLLER (self), FALSE);

  if (!(job = ll_export_controller_snapshot (self, LL_EXPORT_KIND_CHART, error)))
    return FALSE;

  /* The chart as it is on screen, in its style, with its title. */
  image.kind = LL_EXPORT_KIND_CHART;
  image.chart = ll_export_controller_get_visible_chart (self);
  get_image_options (self, &image, &what, &options, &width, &height);

  texture = render_texture (job, what, (int) width, (int) height, &options);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self->window)), texture);

  return TRUE;
}
