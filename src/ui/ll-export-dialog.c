/* ll-export-dialog.c — how a chart or the report is exported: format, size, style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-export-dialog.h"

static const LlExportFormat chart_formats[] = { LL_EXPORT_PNG, LL_EXPORT_SVG, LL_EXPORT_PDF };
static const LlExportFormat report_formats[] = { LL_EXPORT_PDF, LL_EXPORT_PNG };

struct _LlExportDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkButton           *export_button;
  GtkPicture          *preview;
  AdwComboRow         *chart_row;
  AdwComboRow         *format_row;
  AdwComboRow         *size_row;
  AdwComboRow         *style_row;

  LlExportKind         kind;
  /* each choice of chart's size on screen (the last: all four) */
  int                  screen_width[LL_N_CHARTS + 1];
  int                  screen_height[LL_N_CHARTS + 1];
  /* the sizes offered: the presets, and the one asked for if it is none;
   * "Same as on Screen" is said for this chart */
  GArray              *sizes;
  guint                sizes_chart;
  /* the size chosen for one chart [0] and for all four [1] */
  LlExportSize         chosen[2];
  gboolean             building;

  LlExportPreviewFunc  preview_func;
  gpointer             preview_data;
  GDestroyNotify       preview_destroy;
};

G_DEFINE_FINAL_TYPE (LlExportDialog, ll_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_preview (LlExportDialog *self)
{
  LlExportImageOptions options;
  g_autoptr(GdkTexture) texture = NULL;

  if (self->preview_func == NULL || self->building)
    return;

  ll_export_dialog_get_options (self, &options);
  texture = self->preview_func (&options, self->preview_data);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
}

static void
update_subtitles (LlExportDialog *self)
{
  LlExportImageOptions options;

  ll_export_dialog_get_options (self, &options);

  if (self->kind == LL_EXPORT_KIND_REPORT)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row),
                                 options.format == LL_EXPORT_PDF
                                 ? _("One A4 page, sharp at any zoom")
                                 : _("An A4 page as an image of 1190 × 1684 pixels"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->size_row),
                                 options.format == LL_EXPORT_PNG
                                 ? _("In pixels")
                                 : _("In points: the drawing scales without losing detail"));
}

static void fill_sizes (LlExportDialog *self);

/* One chart and all four on one image are offered sizes of their own. */
static guint
size_group (guint chart)
{
  return chart >= LL_N_CHARTS ? 1 : 0;
}

/* "Same as on Screen" says the size of the chart chosen now, and all four
 * charts are offered their own sizes, starting from the one chosen for
 * them last. The list is built again only when the chart changes: never
 * while a size is being chosen from it. */
static void
update_screen_size (LlExportDialog *self,
                    gboolean        force)
{
  guint selected = adw_combo_row_get_selected (self->size_row);
  guint chart = MIN (adw_combo_row_get_selected (self->chart_row), LL_N_CHARTS);

  if (self->kind != LL_EXPORT_KIND_CHART)
    return;
  if (!force && chart == self->sizes_chart)
    return;
  if (selected < self->sizes->len)
    {
      LlExportSize size = g_array_index (self->sizes, LlExportSize, selected);

      /* "Same as on Screen" means that for any chart. */
      self->chosen[size_group (self->sizes_chart)] = size;
      if (size.width == 0)
        self->chosen[size_group (chart)] = size;
    }
  self->building = TRUE;
  fill_sizes (self);
  self->building = FALSE;
}

static void
on_choice_changed (LlExportDialog *self)
{
  if (self->building)
    return;

  update_screen_size (self, FALSE);
  update_subtitles (self);
  update_preview (self);
}

static void
on_export_clicked (LlExportDialog *self)
{
  g_signal_emit (self, signals[EXPORT], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
fill_sizes (LlExportDialog *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const LlExportSize *presets;
  LlExportSize screen = { 0, 0 };
  guint n_presets;
  guint selected = 0;
  int width, height;
  gboolean known;

  self->sizes_chart = MIN (adw_combo_row_get_selected (self->chart_row), LL_N_CHARTS);
  width = self->chosen[size_group (self->sizes_chart)].width;
  height = self->chosen[size_group (self->sizes_chart)].height;
  known = width <= 0 || height <= 0;
  /* The presets, then the size on screen. */
  presets = ll_export_size_get_presets (ll_export_image_chart_what (self->sizes_chart), &n_presets);
  g_array_set_size (self->sizes, 0);
  for (guint i = 0; i < n_presets; i++)
    {
      g_array_append_val (self->sizes, presets[i]);
      if (presets[i].width == width && presets[i].height == height)
        known = TRUE;
    }
  g_array_append_val (self->sizes, screen);
  if (!known)
    {
      LlExportSize asked = { width, height };

      g_array_insert_val (self->sizes, 0, asked);
    }

  for (guint i = 0; i < self->sizes->len; i++)
    {
      LlExportSize *size = &g_array_index (self->sizes, LlExportSize, i);
      g_autofree char *label = NULL;

      if (size->width == 0)
        /* Translators: the chart's size in the window now, "1180 × 420" */
        label = g_strdup_printf (_("Same as on Screen (%d × %d)"),
                                 self->screen_width[self->sizes_chart],
                                 self->screen_height[self->sizes_chart]);
      else
        label = g_strdup_printf ("%d × %d", size->width, size->height);
      gtk_string_list_append (model, label);

      if ((width <= 0 && size->width == 0) || (size->width == width && size->height == height))
        selected = i;
    }

  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->size_row, selected);
}

static void
fill_formats (LlExportDialog *self,
              LlExportFormat  format)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const LlExportFormat *formats = self->kind == LL_EXPORT_KIND_REPORT ? report_formats : chart_formats;
  guint n = self->kind == LL_EXPORT_KIND_REPORT ? G_N_ELEMENTS (report_formats) : G_N_ELEMENTS (chart_formats);
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      switch (formats[i])
        {
        case LL_EXPORT_SVG:
          gtk_string_list_append (model, _("SVG Drawing"));
          break;
        case LL_EXPORT_PDF:
          gtk_string_list_append (model, _("PDF Document"));
          break;
        case LL_EXPORT_PNG:
        default:
          gtk_string_list_append (model, _("PNG Image"));
          break;
        }
      if (formats[i] == format)
        selected = i;
    }

  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->format_row, selected);
}

void
ll_export_dialog_get_options (LlExportDialog       *self,
                              LlExportImageOptions *options)
{
  guint format_index;
  guint size_index;

  g_return_if_fail (LL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->kind = self->kind;
  options->chart = MIN (adw_combo_row_get_selected (self->chart_row), LL_N_CHARTS);
  options->light = adw_combo_row_get_selected (self->style_row) == 1;

  format_index = adw_combo_row_get_selected (self->format_row);
  if (self->kind == LL_EXPORT_KIND_REPORT)
    options->format = report_formats[MIN (format_index, G_N_ELEMENTS (report_formats) - 1)];
  else
    options->format = chart_formats[MIN (format_index, G_N_ELEMENTS (chart_formats) - 1)];

  size_index = adw_combo_row_get_selected (self->size_row);
  if (self->kind == LL_EXPORT_KIND_CHART && size_index < self->sizes->len)
    {
      options->width = g_array_index (self->sizes, LlExportSize, size_index).width;
      options->height = g_array_index (self->sizes, LlExportSize, size_index).height;
    }
}

void
ll_export_dialog_set_preview_func (LlExportDialog      *self,
                                   LlExportPreviewFunc  func,
                                   gpointer             user_data,
                                   GDestroyNotify       destroy)
{
  g_return_if_fail (LL_IS_EXPORT_DIALOG (self));

  if (self->preview_destroy != NULL)
    self->preview_destroy (self->preview_data);

  self->preview_func = func;
  self->preview_data = user_data;
  self->preview_destroy = destroy;

  update_preview (self);
}

static void
ll_export_dialog_dispose (GObject *object)
{
  LlExportDialog *self = LL_EXPORT_DIALOG (object);

  if (self->preview_destroy != NULL)
    self->preview_destroy (self->preview_data);
  self->preview_func = NULL;
  self->preview_data = NULL;
  self->preview_destroy = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (ll_export_dialog_parent_class)->dispose (object);
}

static void
ll_export_dialog_finalize (GObject *object)
{
  LlExportDialog *self = LL_EXPORT_DIALOG (object);

  g_clear_pointer (&self->sizes, g_array_unref);

  G_OBJECT_CLASS (ll_export_dialog_parent_class)->finalize (object);
}

static void
ll_export_dialog_class_init (LlExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_export_dialog_dispose;
  object_class->finalize = ll_export_dialog_finalize;

  signals[EXPORT] =
    g_signal_new ("export",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/listlab/ListLab/ll-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LlExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, LlExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, LlExportDialog, chart_row);
  gtk_widget_class_bind_template_child (widget_class, LlExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, LlExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, LlExportDialog, style_row);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ll_export_dialog_init (LlExportDialog *self)
{
  self->sizes = g_array_new (FALSE, FALSE, sizeof (LlExportSize));
  self->building = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

LlExportDialog *
ll_export_dialog_new (GtkWindow                  *parent,
                      const LlExportImageOptions *options,
                      int                         screen_width,
                      int                         screen_height)
{
  LlExportDialog *self;
  gboolean report;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->kind == LL_EXPORT_KIND_CHART ||
                        options->kind == LL_EXPORT_KIND_REPORT, NULL);

  self = g_object_new (LL_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  report = options->kind == LL_EXPORT_KIND_REPORT;

  self->kind = options->kind;
  for (guint k = 0; k <= LL_N_CHARTS; k++)
    {
      self->screen_width[k] = MAX (screen_width, 16);
      self->screen_height[k] = MAX (screen_height, 16);
    }

  adw_combo_row_set_selected (self->chart_row, MIN (options->chart, LL_N_CHARTS));
  adw_combo_row_set_selected (self->style_row, options->light ? 1 : 0);
  fill_formats (self, options->format);
  self->chosen[size_group (LL_CHART_CAPACITY)] = ll_export_size_get_default (LL_CHART_CAPACITY);
  self->chosen[size_group (LL_N_CHARTS)] = ll_export_size_get_default (LL_EXPORT_ALL_CHARTS);
  self->chosen[size_group (options->chart)] = (LlExportSize) { options->width, options->height };
  fill_sizes (self);

  gtk_widget_set_visible (GTK_WIDGET (self->chart_row), !report);
  gtk_widget_set_visible (GTK_WIDGET (self->size_row), !report);
  if (report)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Export Report"));
      adw_window_title_set_title (self->window_title, _("Export Report"));
      adw_window_title_set_subtitle (self->window_title,
                                     _("The four charts, the settings and the results"));
      gtk_widget_set_size_request (GTK_WIDGET (self->preview), -1, 360);
    }

  self->building = FALSE;
  update_subtitles (self);

  return self;
}

void
ll_export_dialog_set_size (LlExportDialog *self,
                           guint           chart,
                           int             width,
                           int             height)
{
  g_return_if_fail (LL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (chart <= LL_N_CHARTS);

  self->chosen[size_group (chart)] = (LlExportSize) { width, height };
  if (self->kind == LL_EXPORT_KIND_CHART && size_group (chart) == size_group (self->sizes_chart))
    {
      self->building = TRUE;
      fill_sizes (self);
      self->building = FALSE;
      update_preview (self);
    }
}

void
ll_export_dialog_set_screen_size (LlExportDialog *self,
                                  guint           chart,
                                  int             width,
                                  int             height)
{
  g_return_if_fail (LL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (chart <= LL_N_CHARTS);

  self->screen_width[chart] = MAX (width, 16);
  self->screen_height[chart] = MAX (height, 16);
  update_screen_size (self, TRUE);
}
