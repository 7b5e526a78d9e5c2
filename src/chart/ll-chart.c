/* ll-chart.c — List Lab's three charts, drawn onto any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ll-chart.h"
#include "ll-chart-private.h"

#define DEFAULT_FONT_FAMILY "Cantarell, sans-serif"
#define DEFAULT_FONT_SIZE   9.0

/* Line widths in user units (logical pixels). */
#define SERIES_WIDTH 2.0
#define HAIRLINE     1.0

/* Palette ------------------------------------------------------------------ */

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

/* The colours are libadwaita 1.2's named colours (_defaults.scss) and
 * GNOME palette entries, so the charts sit naturally in the app. */
void
ll_chart_data_init_from_view (LlChartData         *data,
                              const LlHistoryView *view,
                              guint                slot_bytes)
{
  g_return_if_fail (data != NULL);
  g_return_if_fail (view != NULL);

  data->events = ll_history_view_get_events (view, &data->n_events);
  data->samples = ll_history_view_get_samples (view, &data->n_samples);
  data->counters = ll_history_view_get_counters (view);
  data->slot_bytes = slot_bytes;
}

void
ll_chart_palette_init_light (LlChartPalette *palette)
{
  g_return_if_fail (palette != NULL);

  set_rgb (&palette->background, 0xffffff, 1.0);  /* view_bg_color */
  set_rgb (&palette->foreground, 0x000000, 0.8);  /* view_fg_color */
  set_rgb (&palette->grid, 0x000000, 0.09);       /* fg at the borders' alpha */
  set_rgb (&palette->accent, 0x3584e4, 1.0);      /* accent_bg_color: @blue_3 */
  set_rgb (&palette->series2, 0x9141ac, 1.0);     /* @purple_3 */
  set_rgb (&palette->series3, 0x26a269, 1.0);     /* @green_5: success_bg_color */
  set_rgb (&palette->warning, 0xc64600, 1.0);     /* @orange_5 */
  set_rgb (&palette->marker, 0x3584e4, 0.30);     /* @blue_3, like the accent */
}

void
ll_chart_palette_init_dark (LlChartPalette *palette)
{
  g_return_if_fail (palette != NULL);

  set_rgb (&palette->background, 0x1e1e1e, 1.0);  /* view_bg_color */
  set_rgb (&palette->foreground, 0xffffff, 1.0);  /* view_fg_color */
  set_rgb (&palette->grid, 0xffffff, 0.10);
  set_rgb (&palette->accent, 0x78aeed, 1.0);      /* accent_color (dark) */
  set_rgb (&palette->series2, 0xc061cb, 1.0);     /* @purple_2 */
  set_rgb (&palette->series3, 0x33d17a, 1.0);     /* @green_3 */
  set_rgb (&palette->warning, 0xffa348, 1.0);     /* @orange_2 */
  set_rgb (&palette->marker, 0x78aeed, 0.30);     /* accent_color (dark) */
}

void
ll_chart_options_init (LlChartOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  ll_chart_palette_init_light (&options->palette);
  options->units = LL_UNITS_IEC;
  options->log_y = FALSE;
  options->font_family = NULL;
  options->font_size = 0.0;
  options->reserve_bytes = 0;
  options->total_bytes = 0;
  options->draw_title = FALSE;
}

/* Kinds -------------------------------------------------------------------- */

static const struct
{
  const char *name;
  const char *title;
  const char *description;
} kinds[LL_N_CHARTS] = {
  [LL_CHART_CAPACITY] = {
    "capacity",
    N_("Capacity vs Length"),
    N_("Capacity of the list as a step line against its length, with the "
       "length itself as the diagonal and the unused slack between them shaded"),
  },
  [LL_CHART_GROWTH] = {
    "growth",
    N_("Bytes Added per Reallocation"),
    N_("One stem per reallocation at the length where it happened, as high "
       "as the bytes it added to the container"),
  },
  [LL_CHART_MEMORY] = {
    "memory",
    N_("System Free Memory"),
    N_("Available system memory and the process's resident memory over time, "
       "with the reserve, the value at the start and a marker for each "
       "reallocation"),
  },
};

const char *
ll_chart_kind_get_name (LlChartKind kind)
{
  g_return_val_if_fail (kind < LL_N_CHARTS, NULL);

  return kinds[kind].name;
}

const char *
ll_chart_kind_get_title (LlChartKind kind)
{
  g_return_val_if_fail (kind < LL_N_CHARTS, NULL);

  return _(kinds[kind].title);
}

const char *
ll_chart_kind_get_description (LlChartKind kind)
{
  g_return_val_if_fail (kind < LL_N_CHARTS, NULL);

  return _(kinds[kind].description);
}

gboolean
ll_chart_kind_from_name (const char  *name,
                         LlChartKind *kind)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < LL_N_CHARTS; i++)
    {
      if (g_ascii_strcasecmp (name, kinds[i].name) == 0)
        {
          if (kind != NULL)
            *kind = (LlChartKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Text --------------------------------------------------------------------- */

typedef struct
{
  PangoContext         *context;
  PangoLayout          *layout;
  PangoFontDescription *font;
  PangoFontDescription *bold;
} Text;

PangoContext *
ll_chart_create_pango_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *fo = cairo_font_options_create ();

  /* Metrics independent of the target, so the widget, picking and every
   * export compute the same layout. */
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, fo);
  pango_cairo_context_set_resolution (context, 96.0);
  cairo_font_options_destroy (fo);

  return context;
}

static void
text_init (Text                 *text,
           PangoContext         *context,
           const LlChartOptions *options)
{
  const char *family = options->font_family;
  double size = options->font_size > 0.0 ? options->font_size : DEFAULT_FONT_SIZE;

  if (family == NULL || family[0] == '\0')
    family = DEFAULT_FONT_FAMILY;

  text->context = g_object_ref (context);
  text->font = pango_font_description_new ();
  pango_font_description_set_family (text->font, family);
  pango_font_description_set_size (text->font, (int) round (size * PANGO_SCALE));
  text->bold = pango_font_description_copy (text->font);
  pango_font_description_set_weight (text->bold, PANGO_WEIGHT_BOLD);
  pango_font_description_set_size (text->bold, (int) round (size * 1.2 * PANGO_SCALE));
  text->layout = pango_layout_new (context);
  pango_layout_set_font_description (text->layout, text->font);
}

static void
text_clear (Text *text)
{
  g_clear_object (&text->layout);
  g_clear_object (&text->context);
  g_clear_pointer (&text->font, pango_font_description_free);
  g_clear_pointer (&text->bold, pango_font_description_free);
}

static void
text_set (Text       *text,
          const char *str,
          gboolean    bold)
{
  pango_layout_set_font_description (text->layout, bold ? text->bold : text->font);
  pango_layout_set_text (text->layout, str, -1);
}

static void
text_size (Text       *text,
           const char *str,
           gboolean    bold,
           double     *width,
           double     *height)
{
  PangoRectangle logical;

  text_set (text, str, bold);
  pango_layout_get_extents (text->layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static double
measure_cb (const char *str,
            gpointer    user_data)
{
  double width;

  text_size (user_data, str, FALSE, &width, NULL);
  return width;
}

/* Extents of the data ------------------------------------------------------ */

typedef struct
{
  gboolean   empty;
  LlQuantity xq, yq;
  gboolean   y_log;
  double     x_lo, x_hi;
  double     y_lo, y_hi;
} Extents;

/* Where the list starts and ends on the length axis. A list that starts
 * as list(range(n)) starts at n with its own block: what came before is
 * its construction, not growth. Without counters, the first and last
 * events and samples tell. */
typedef struct
{
  guint64 start_length, start_capacity;
  guint64 end_length, end_capacity;
} ListSpan;

static void
list_span (const LlChartData *data,
           ListSpan              *span)
{
  const LlHistoryCounters *c = data->counters;

  memset (span, 0, sizeof *span);

  if (c != NULL)
    {
      span->start_length = c->start_length;
      span->start_capacity = c->start_capacity;
      span->end_length = c->end_length;
      span->end_capacity = c->end_capacity;
    }

  if (data->n_events > 0)
    {
      const LlEvent *first = &data->events[0].first;
      const LlEvent *last = &data->events[data->n_events - 1].last;

      if (c == NULL)
        {
          span->start_length = first->length > 0 ? first->length - 1 : 0;
          span->start_capacity = first->old_capacity;
        }
      if (last->length >= span->end_length)
        {
          span->end_length = last->length;
          span->end_capacity = last->new_capacity;
        }
    }

  if (c == NULL && data->n_samples > 0)
    {
      const LlSample *s = &data->samples[data->n_samples - 1].last;

      if (s->length >= span->end_length)
        {
          span->end_length = s->length;
          span->end_capacity = s->capacity;
        }
    }

  /* Still building the initial list, or stopped before it was built. */
  if (span->end_length < span->start_length)
    {
      span->end_length = span->start_length;
      span->end_capacity = span->start_capacity;
    }
}

static gboolean
list_span_is_empty (const LlChartData *data,
                    const ListSpan        *span)
{
  return data->n_events == 0 && span->end_capacity == 0 && data->n_samples == 0;
}

static void
capacity_extents (const LlChartData *data,
                  Extents           *ext)
{
  ListSpan span;
  double y;

  list_span (data, &span);
  y = MAX (span.start_capacity, span.end_capacity);
  for (gsize i = 0; i < data->n_events; i++)
    {
      const LlEventBucket *b = &data->events[i];

      y = MAX (y, MAX (b->first.new_capacity, b->last.new_capacity));
    }

  ext->empty = list_span_is_empty (data, &span);
  ext->xq = LL_QUANTITY_COUNT;
  ext->yq = LL_QUANTITY_COUNT;
  ext->x_lo = ext->empty ? 0.0 : span.start_length;
  ext->x_hi = ext->empty ? 1000.0 : MAX (span.end_length, span.start_length + 1);
  ext->y_lo = ext->x_lo;
  ext->y_hi = ext->empty ? 1000.0 : MAX (ext->x_hi, y);
}

static void
growth_extents (const LlChartData    *data,
                const LlChartOptions *options,
                Extents              *ext)
{
  double x = 0.0, y = 0.0, lo = G_MAXDOUBLE;
  ListSpan span;

  for (gsize i = 0; i < data->n_events; i++)
    {
      const LlEventBucket *b = &data->events[i];
      double bmin = b->count > 1 ? MIN (b->min_bytes_added, b->first.bytes_added) : b->first.bytes_added;
      double bmax = b->count > 1 ? MAX (b->max_bytes_added, b->first.bytes_added) : b->first.bytes_added;

      bmin = MIN (bmin, b->last.bytes_added);
      bmax = MAX (bmax, b->last.bytes_added);
      x = MAX (x, MAX (b->first.length, b->last.length));
      y = MAX (y, bmax);
      if (bmin > 0.0)
        lo = MIN (lo, bmin);
      else if (bmax > 0.0)
        lo = MIN (lo, bmax);
    }

  list_span (data, &span);
  ext->empty = data->n_events == 0;
  ext->xq = LL_QUANTITY_COUNT;
  ext->yq = LL_QUANTITY_BYTES;
  ext->y_log = options->log_y;
  ext->x_lo = ext->empty ? 0.0 : span.start_length;
  ext->x_hi = ext->empty ? 1000.0 : MAX (MAX (x, span.end_length), ext->x_lo + 1);
  ext->y_hi = ext->empty || y <= 0.0 ? 1024.0 : y;
  ext->y_lo = (options->log_y && lo < G_MAXDOUBLE) ? lo : (options->log_y ? 1.0 : 0.0);
}

static void
memory_extents (const LlChartData    *data,
                const LlChartOptions *options,
                Extents              *ext)
{
  double x = 0.0, y = 0.0;

  /* Time only runs forwards: the last buckets end the axis. Neither
   * available memory nor RSS can exceed MemTotal, so with it known there
   * is nothing to scan. */
  if (data->n_samples > 0)
    x = MAX (x, data->samples[data->n_samples - 1].last.elapsed_ns);
  if (data->n_events > 0)
    x = MAX (x, data->events[data->n_events - 1].last.elapsed_ns);

  for (gsize i = 0; options->total_bytes == 0 && i < data->n_samples; i++)
    {
      const LlSampleBucket *b = &data->samples[i];

      y = MAX (y, MAX (b->first.available_bytes, b->last.available_bytes));
      y = MAX (y, MAX (b->first.rss_bytes, b->last.rss_bytes));
      if (b->count > 1)
        y = MAX (y, MAX (b->max_available_bytes, b->max_rss_bytes));
    }

  y = MAX (y, (double) options->reserve_bytes);
  y = MAX (y, (double) options->total_bytes);

  ext->empty = data->n_samples == 0;
  ext->xq = LL_QUANTITY_TIME;
  ext->yq = LL_QUANTITY_BYTES;
  ext->x_hi = ext->empty ? 10e9 : MAX (x, 1e6);
  ext->y_hi = y > 0.0 ? y : 16.0 * 1024 * 1024 * 1024;
}

static void
compute_extents (LlChartKind           kind,
                 const LlChartData    *data,
                 const LlChartOptions *options,
                 Extents              *ext)
{
  memset (ext, 0, sizeof *ext);

  switch (kind)
    {
    case LL_CHART_CAPACITY:
      capacity_extents (data, ext);
      break;
    case LL_CHART_GROWTH:
      growth_extents (data, options, ext);
      break;
    case LL_CHART_MEMORY:
    case LL_N_CHARTS:
    default:
      memory_extents (data, options, ext);
      break;
    }
}

/* Legend ------------------------------------------------------------------- */

typedef enum
{
  SWATCH_LINE,
  SWATCH_AREA,
  SWATCH_STEM,    /* a stem with its dot */
  SWATCH_MARKER,  /* a thin vertical line */
} SwatchKind;

typedef struct
{
  const char *label;
  SwatchKind  swatch;
  LlColor     color;
} LegendItem;

#define SWATCH_WIDTH 16.0
#define SWATCH_GAP    6.0
#define ITEM_GAP     18.0

static guint
legend_items (LlChartKind           kind,
              const LlChartOptions *options,
              LegendItem           *items)
{
  const LlChartPalette *p = &options->palette;

  switch (kind)
    {
    case LL_CHART_CAPACITY:
      items[0] = (LegendItem) { _("Capacity"), SWATCH_LINE, p->accent };
      items[1] = (LegendItem) { _("Length"), SWATCH_LINE, p->series2 };
      items[2] = (LegendItem) { _("Slack"), SWATCH_AREA, p->accent };
      return 3;
    case LL_CHART_GROWTH:
      items[0] = (LegendItem) { _("Reallocation"), SWATCH_STEM, p->accent };
      return 1;
    case LL_CHART_MEMORY:
    case LL_N_CHARTS:
    default:
      items[0] = (LegendItem) { _("Available"), SWATCH_LINE, p->series3 };
      items[1] = (LegendItem) { _("Process RSS"), SWATCH_LINE, p->series2 };
      items[2] = (LegendItem) { _("Reallocation"), SWATCH_MARKER, p->marker };
      return 3;
    }
}

static double
legend_width (Text             *text,
              const LegendItem *items,
              guint             n_items)
{
  double total = 0.0;

  for (guint i = 0; i < n_items; i++)
    {
      double w;

      text_size (text, items[i].label, FALSE, &w, NULL);
      total += SWATCH_WIDTH + SWATCH_GAP + ceil (w) + (i > 0 ? ITEM_GAP : 0.0);
    }

  return total;
}

/* Layout ------------------------------------------------------------------- */

static void
axis_titles (LlChartLayout *layout)
{
  const char *x_name, *y_name;

  switch (layout->kind)
    {
    case LL_CHART_CAPACITY:
      x_name = _("Length");
      y_name = _("Capacity");
      break;
    case LL_CHART_GROWTH:
      x_name = _("Length");
      y_name = _("Bytes added");
      break;
    case LL_CHART_MEMORY:
    case LL_N_CHARTS:
    default:
      x_name = _("Time");
      y_name = _("Memory");
      break;
    }

  /* TRANSLATORS: an axis title and its unit, e.g. "Length (M elements)" */
  if (layout->x_axis.unit[0] != '\0')
    g_snprintf (layout->x_title, sizeof layout->x_title, _("%s (%s)"), x_name, layout->x_axis.unit);
  else
    g_strlcpy (layout->x_title, x_name, sizeof layout->x_title);

  if (layout->y_axis.unit[0] != '\0')
    g_snprintf (layout->y_title, sizeof layout->y_title, _("%s (%s)"), y_name, layout->y_axis.unit);
  else
    g_strlcpy (layout->y_title, y_name, sizeof layout->y_title);
}

static void
clear_labels (LlAxis *axis)
{
  for (guint i = 0; i < axis->n_ticks; i++)
    axis->ticks[i].label[0] = '\0';
}

static double
widest_label (Text         *text,
              const LlAxis *axis)
{
  double widest = 0.0;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      double w;

      if (axis->ticks[i].label[0] == '\0')
        continue;
      text_size (text, axis->ticks[i].label, FALSE, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest;
}

static double
last_label_width (Text         *text,
                  const LlAxis *axis)
{
  for (guint i = axis->n_ticks; i > 0; i--)
    {
      const LlTick *tick = &axis->ticks[i - 1];
      double w;

      if (tick->label[0] == '\0' || tick->value < axis->hi * (1.0 - 1e-9))
        continue;
      text_size (text, tick->label, FALSE, &w, NULL);
      return w;
    }

  return 0.0;
}

static void
layout_compute (LlChartLayout        *layout,
                Text                 *text,
                LlChartKind           kind,
                const LlChartData    *data,
                const LlChartOptions *options,
                double                width,
                double                height)
{
  LegendItem items[4];
  guint n_items;
  Extents ext;
  LlAxisFit fit;
  double line_h, title_h = 0.0, legend_w, y_title_w, top, bottom, left, right;
  const char *title_probe = "0123456789 Ag";

  memset (layout, 0, sizeof *layout);
  layout->kind = kind;
  layout->width = width;
  layout->height = height;

  compute_extents (kind, data, options, &ext);
  layout->empty = ext.empty;

  text_size (text, title_probe, FALSE, NULL, &line_h);
  line_h = ceil (line_h);
  layout->line_height = line_h;
  layout->pad = round (line_h * 0.8);

  top = layout->pad;
  if (options->draw_title)
    {
      text_size (text, title_probe, TRUE, NULL, &title_h);
      layout->title_y = top;
      top += ceil (title_h) + round (line_h * 0.5);
    }

  /* The y axis needs the plot's height, the plot's left edge needs the y
   * labels: vertical geometry first, then y ticks, then x. */
  bottom = height - layout->pad;
  layout->x_title_y = bottom - line_h;
  layout->x_labels_y = layout->x_title_y - line_h - 2.0;
  bottom = layout->x_labels_y - round (line_h * 0.4);

  n_items = legend_items (kind, options, items);
  legend_w = legend_width (text, items, n_items);

  layout->header_y = top;
  layout->legend_y = top;
  /* The top tick label is centred on the plot's top edge. */
  top += line_h + round (line_h * 1.1);

  ll_axis_fit_init (&fit, MAX (1.0, bottom - top), FALSE);
  fit.label_size = line_h;
  fit.min_spacing = MAX (fit.min_spacing, line_h * 2.5);
  ll_axis_compute (&layout->y_axis, ext.yq, options->units, ext.y_log,
                   ext.y_lo, ext.y_hi, &fit);

  /* Legend and y title share a row when they fit, else the legend goes on
   * its own row below. */
  axis_titles (layout);
  text_size (text, layout->y_title, FALSE, &y_title_w, NULL);
  if (y_title_w + 2 * ITEM_GAP + legend_w > width - 2 * layout->pad)
    {
      layout->legend_y = top - round (line_h * 0.5);
      top += line_h + round (line_h * 0.4);
      fit.length = MAX (1.0, bottom - top);
      ll_axis_compute (&layout->y_axis, ext.yq, options->units, ext.y_log,
                       ext.y_lo, ext.y_hi, &fit);
    }

  if (ext.empty)
    clear_labels (&layout->y_axis);

  left = layout->pad + ceil (widest_label (text, &layout->y_axis)) + round (line_h * 0.6);
  right = layout->pad;

  ll_axis_fit_init (&fit, MAX (1.0, width - left - right), TRUE);
  fit.measure = measure_cb;
  fit.user_data = text;
  fit.label_gap = MAX (fit.label_gap, line_h * 1.5);
  fit.min_spacing = MAX (fit.min_spacing, line_h * 7.0);
  for (int pass = 0; pass < 2; pass++)
    {
      double half;

      fit.length = MAX (1.0, width - left - right);
      ll_axis_compute (&layout->x_axis, ext.xq, options->units, FALSE,
                       ext.x_lo, ext.x_hi, &fit);
      if (ext.empty)
        clear_labels (&layout->x_axis);
      half = ceil (last_label_width (text, &layout->x_axis) / 2.0) + 1.0;
      if (half <= right)
        break;
      right = half;
    }

  if (ext.empty)
    layout->x_axis.unit[0] = layout->y_axis.unit[0] = '\0';
  axis_titles (layout);

  layout->plot.x = round (left);
  layout->plot.y = round (top);
  layout->plot.width = MAX (1.0, round (width - right) - layout->plot.x);
  layout->plot.height = MAX (1.0, round (bottom) - layout->plot.y);
  layout->legend_x = layout->plot.x + layout->plot.width - legend_w;

  ll_scale_init (&layout->x, FALSE, layout->x_axis.lo, layout->x_axis.hi,
                 layout->plot.x, layout->plot.x + layout->plot.width);
  ll_scale_init (&layout->y, layout->y_axis.log, layout->y_axis.lo, layout->y_axis.hi,
                 layout->plot.y + layout->plot.height, layout->plot.y);
}

void
ll_chart_layout_compute (LlChartLayout        *layout,
                         PangoContext         *context,
                         LlChartKind           kind,
                         const LlChartData    *data,
                         const LlChartOptions *options,
                         double                width,
                         double                height)
{
  PangoContext *owned = NULL;
  LlChartOptions default_options;
  LlChartData no_data = { 0 };
  Text text;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (kind < LL_N_CHARTS);

  if (options == NULL)
    {
      ll_chart_options_init (&default_options);
      options = &default_options;
    }
  if (data == NULL)
    data = &no_data;
  if (context == NULL)
    context = owned = ll_chart_create_pango_context ();

  text_init (&text, context, options);
  layout_compute (layout, &text, kind, data, options, width, height);
  text_clear (&text);
  g_clear_object (&owned);
}

/* Drawing helpers ---------------------------------------------------------- */

typedef struct
{
  cairo_t              *cr;
  const LlChartLayout  *layout;
  const LlChartOptions *options;
  const LlChartData    *data;
  LlPixelGrid           grid;
  Text                 *text;
  LlColumns             columns;
  LlColumn             *cols;
} Painter;

static void
set_color (cairo_t       *cr,
           const LlColor *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* A translucent fill needs more weight on a dark background to read as
 * the same tint. */
static double
slack_alpha (const LlChartPalette *palette)
{
  const LlColor *bg = &palette->background;
  double luminance = 0.2126 * bg->red + 0.7152 * bg->green + 0.0722 * bg->blue;

  return luminance < 0.5 ? 0.32 : 0.22;
}

static double
device_width (const Painter *p,
              double         user_width)
{
  return ll_pixel_grid_device_width (&p->grid, user_width);
}

/* Sets a line width that is a whole number of device pixels. */
static double
set_line_width (const Painter *p,
                double         user_width)
{
  double dw = device_width (p, user_width);

  cairo_set_line_width (p->cr, dw / p->grid.sx);
  return dw;
}

static void
hline (const Painter *p,
       double         x0,
       double         x1,
       double         y,
       double         dw)
{
  double sy = ll_pixel_grid_snap_y (&p->grid, y, dw);

  cairo_move_to (p->cr, ll_pixel_grid_round_x (&p->grid, x0), sy);
  cairo_line_to (p->cr, ll_pixel_grid_round_x (&p->grid, x1), sy);
}

static void
vline (const Painter *p,
       double         x,
       double         y0,
       double         y1,
       double         dw)
{
  double sx = ll_pixel_grid_snap_x (&p->grid, x, dw);

  cairo_move_to (p->cr, sx, ll_pixel_grid_round_y (&p->grid, y0));
  cairo_line_to (p->cr, sx, ll_pixel_grid_round_y (&p->grid, y1));
}

typedef enum
{
  ALIGN_START,
  ALIGN_CENTER,
  ALIGN_END,
} Align;

/* Draws @str with its logical box's top at @y, aligned on @x. */
static void
show_text (const Painter *p,
           const char    *str,
           gboolean       bold,
           double         x,
           double         y,
           Align          align,
           const LlColor *color,
           double         alpha)
{
  double w, h;

  if (str == NULL || str[0] == '\0')
    return;

  text_size (p->text, str, bold, &w, &h);
  if (align == ALIGN_CENTER)
    x -= w / 2.0;
  else if (align == ALIGN_END)
    x -= w;

  set_color (p->cr, color, alpha);
  cairo_move_to (p->cr,
                 ll_pixel_grid_round_x (&p->grid, x),
                 ll_pixel_grid_round_y (&p->grid, y));
  pango_cairo_show_layout (p->cr, p->text->layout);
  cairo_new_path (p->cr);
}

static double
map_x (const Painter *p,
       double         v)
{
  return ll_scale_map (&p->layout->x, v);
}

static double
map_y (const Painter *p,
       double         v)
{
  return ll_scale_map (&p->layout->y, v);
}

static void
clip_plot (const Painter *p,
           double         overhang)
{
  const LlRect *r = &p->layout->plot;

  cairo_rectangle (p->cr, r->x - overhang, r->y - overhang,
                   r->width + 2 * overhang, r->height + 2 * overhang);
  cairo_clip (p->cr);
}

/* Axes, grid, labels ------------------------------------------------------- */

static void
draw_grid (const Painter *p)
{
  const LlChartLayout *l = p->layout;
  const LlColor *grid = &p->options->palette.grid;
  double dw = set_line_width (p, HAIRLINE);
  double bottom = l->plot.y + l->plot.height;

  cairo_set_line_cap (p->cr, CAIRO_LINE_CAP_BUTT);

  /* Minor lines first, fainter. */
  for (int major = 0; major <= 1; major++)
    {
      for (guint i = 0; i < l->y_axis.n_ticks; i++)
        {
          const LlTick *t = &l->y_axis.ticks[i];
          double y = map_y (p, t->value);

          if (t->major != major || y < l->plot.y - 0.5 || y > bottom + 0.5)
            continue;
          /* The baseline is drawn on its own, stronger. */
          if (fabs (y - bottom) < 0.5)
            continue;
          hline (p, l->plot.x, l->plot.x + l->plot.width, y, dw);
        }
      for (guint i = 0; i < l->x_axis.n_ticks; i++)
        {
          const LlTick *t = &l->x_axis.ticks[i];
          double x = map_x (p, t->value);

          if (t->major != major || x < l->plot.x - 0.5 || x > l->plot.x + l->plot.width + 0.5)
            continue;
          vline (p, x, l->plot.y, bottom, dw);
        }
      set_color (p->cr, grid, major ? 1.0 : 0.45);
      cairo_stroke (p->cr);
    }
}

static void
draw_baseline (const Painter *p)
{
  const LlChartLayout *l = p->layout;
  double dw = set_line_width (p, HAIRLINE);

  cairo_set_line_cap (p->cr, CAIRO_LINE_CAP_BUTT);
  hline (p, l->plot.x, l->plot.x + l->plot.width, l->plot.y + l->plot.height, dw);
  set_color (p->cr, &p->options->palette.foreground, 0.35);
  cairo_stroke (p->cr);
}

static void
draw_labels (const Painter *p)
{
  const LlChartLayout *l = p->layout;
  const LlColor *fg = &p->options->palette.foreground;
  const double dim = 0.6;
  double right_edge = l->width - 1.0;

  for (guint i = 0; i < l->y_axis.n_ticks; i++)
    {
      const LlTick *t = &l->y_axis.ticks[i];

      if (t->label[0] == '\0')
        continue;
      show_text (p, t->label, FALSE,
                 l->plot.x - round (l->line_height * 0.6),
                 map_y (p, t->value) - l->line_height / 2.0,
                 ALIGN_END, fg, dim);
    }

  for (guint i = 0; i < l->x_axis.n_ticks; i++)
    {
      const LlTick *t = &l->x_axis.ticks[i];
      double x = map_x (p, t->value);
      double w;

      if (t->label[0] == '\0')
        continue;
      text_size (p->text, t->label, FALSE, &w, NULL);
      x = CLAMP (x, w / 2.0, right_edge - w / 2.0);
      show_text (p, t->label, FALSE, x, l->x_labels_y, ALIGN_CENTER, fg, dim);
    }

  show_text (p, l->x_title, FALSE, l->plot.x + l->plot.width / 2.0, l->x_title_y,
             ALIGN_CENTER, fg, 0.8);
  show_text (p, l->y_title, FALSE, l->pad, l->header_y, ALIGN_START, fg, 0.8);

  if (p->options->draw_title)
    show_text (p, ll_chart_kind_get_title (l->kind), TRUE, l->pad, l->title_y,
               ALIGN_START, fg, 1.0);
}

static void
draw_swatch (const Painter    *p,
             const LegendItem *item,
             double            x,
             double            y)
{
  cairo_t *cr = p->cr;
  double h = p->layout->line_height;
  double mid = y + h / 2.0;
  double dw;

  switch (item->swatch)
    {
    case SWATCH_LINE:
      dw = set_line_width (p, SERIES_WIDTH);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      hline (p, x + 1.0, x + SWATCH_WIDTH - 1.0, mid, dw);
      set_color (cr, &item->color, 1.0);
      cairo_stroke (cr);
      break;

    case SWATCH_AREA:
      cairo_rectangle (cr, ll_pixel_grid_round_x (&p->grid, x),
                       ll_pixel_grid_round_y (&p->grid, mid - 5.0),
                       SWATCH_WIDTH, 10.0);
      set_color (cr, &item->color, slack_alpha (&p->options->palette));
      cairo_fill (cr);
      break;

    case SWATCH_STEM:
      dw = set_line_width (p, HAIRLINE);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      vline (p, x + SWATCH_WIDTH / 2.0, mid + h / 2.0 - 2.0, mid - 2.0, dw);
      set_color (cr, &item->color, 1.0);
      cairo_stroke (cr);
      cairo_arc (cr, ll_pixel_grid_snap_x (&p->grid, x + SWATCH_WIDTH / 2.0, dw),
                 mid - 2.0, 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case SWATCH_MARKER:
    default:
      dw = set_line_width (p, HAIRLINE);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      vline (p, x + SWATCH_WIDTH / 2.0, y + 1.0, y + h - 1.0, dw);
      set_color (cr, &item->color, 1.0 / MAX (item->color.alpha, 0.01) * 0.6);
      cairo_stroke (cr);
      break;
    }
}

static void
draw_legend (const Painter *p)
{
  const LlChartLayout *l = p->layout;
  LegendItem items[4];
  guint n_items = legend_items (l->kind, p->options, items);
  double x = l->legend_x;

  for (guint i = 0; i < n_items; i++)
    {
      double w;

      if (i > 0)
        x += ITEM_GAP;
      draw_swatch (p, &items[i], x, l->legend_y);
      x += SWATCH_WIDTH + SWATCH_GAP;
      text_size (p->text, items[i].label, FALSE, &w, NULL);
      show_text (p, items[i].label, FALSE, x, l->legend_y, ALIGN_START,
                 &p->options->palette.foreground, 0.8);
      x += ceil (w);
    }
}

static void
draw_empty_hint (const Painter *p)
{
  const LlChartLayout *l = p->layout;

  show_text (p, _("No data yet"), FALSE,
             l->plot.x + l->plot.width / 2.0,
             l->plot.y + (l->plot.height - l->line_height) / 2.0,
             ALIGN_CENTER, &p->options->palette.foreground, 0.55);
}

/* Series ------------------------------------------------------------------- */

static void
prepare_columns (Painter *p)
{
  ll_columns_reset (p->cols, p->columns.n_columns);
}

/* Where a column's vertical segments go, so lines of @dw device pixels
 * cover whole pixels. */
static double
column_x (const Painter *p,
          guint          i,
          double         dw)
{
  return ll_pixel_grid_snap_x (&p->grid, ll_columns_center (&p->columns, i), dw);
}

/* A vertical span @dw device pixels wide on column @i, as a rectangle:
 * crisp, and far cheaper than stroking many short segments. */
static void
column_span (const Painter *p,
             guint          i,
             double         y0,
             double         y1,
             double         dw)
{
  double cx = column_x (p, i, dw);
  double half = dw / (2.0 * p->grid.sx);
  double top = MIN (y0, y1), bottom = MAX (y0, y1);

  cairo_rectangle (p->cr, cx - half, top, 2 * half, bottom - top);
}

static double
snap_y (const Painter *p,
        double         v,
        double         dw)
{
  return ll_pixel_grid_snap_y (&p->grid, map_y (p, v), dw);
}

/* The step line through the decimated columns, from the start to the
 * current length. Returns the last capacity. */
static double
capacity_path (const Painter *p,
               double         dw)
{
  cairo_t *cr = p->cr;
  ListSpan span;
  double y;
  double last;

  list_span (p->data, &span);

  y = snap_y (p, span.start_capacity, dw);
  cairo_move_to (cr, map_x (p, span.start_length), y);
  last = span.start_capacity;

  for (guint i = 0; i < p->columns.n_columns; i++)
    {
      const LlColumn *c = &p->cols[i];
      double cx;
      double ys[4];

      if (c->count == 0)
        continue;

      cx = column_x (p, i, dw);
      ys[0] = snap_y (p, c->first, dw);
      ys[1] = snap_y (p, c->min, dw);
      ys[2] = snap_y (p, c->max, dw);
      ys[3] = snap_y (p, c->last, dw);
      cairo_line_to (cr, cx, y);
      /* Growing lists make one vertical per column; only a shrink adds
       * more. Repeated points would only cost. */
      for (guint k = 0; k < G_N_ELEMENTS (ys); k++)
        {
          if (ys[k] != y)
            {
              cairo_line_to (cr, cx, ys[k]);
              y = ys[k];
            }
        }
      last = c->last;
    }

  /* The capacity now, if it changed after the last event. */
  if ((double) span.end_capacity != last && span.end_length > 0)
    {
      double cx = map_x (p, span.end_length);

      cairo_line_to (cr, cx, y);
      y = snap_y (p, span.end_capacity, dw);
      cairo_line_to (cr, cx, y);
      last = span.end_capacity;
    }

  cairo_line_to (cr, map_x (p, span.end_length), y);
  return last;
}

static void
draw_capacity (Painter *p)
{
  const LlChartPalette *pal = &p->options->palette;
  cairo_t *cr = p->cr;
  ListSpan span;
  double x0, x_end, dw;

  prepare_columns (p);
  ll_decimate_events (&p->columns, p->cols, LL_SERIES_CAPACITY,
                      p->data->events, p->data->n_events);

  list_span (p->data, &span);
  x0 = span.start_length;
  x_end = span.end_length;
  dw = device_width (p, SERIES_WIDTH);

  cairo_save (cr);
  clip_plot (p, 0.0);

  /* Slack: between the step line and the diagonal. */
  cairo_new_path (cr);
  capacity_path (p, dw);
  cairo_line_to (cr, map_x (p, x_end), map_y (p, x_end));
  cairo_line_to (cr, map_x (p, x0), map_y (p, x0));
  cairo_close_path (cr);
  set_color (cr, &pal->accent, slack_alpha (pal));
  cairo_fill (cr);
  cairo_restore (cr);

  cairo_save (cr);
  clip_plot (p, SERIES_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Length: the diagonal y = x over the lengths the list went through. */
  set_line_width (p, SERIES_WIDTH);
  cairo_move_to (cr, map_x (p, x0), map_y (p, x0));
  cairo_line_to (cr, map_x (p, x_end), map_y (p, x_end));
  set_color (cr, &pal->series2, 1.0);
  cairo_stroke (cr);

  set_line_width (p, SERIES_WIDTH);
  capacity_path (p, dw);
  set_color (cr, &pal->accent, 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_growth (Painter *p)
{
  const LlChartPalette *pal = &p->options->palette;
  const LlChartLayout *l = p->layout;
  cairo_t *cr = p->cr;
  double dw, base, radius;
  guint used = 0;
  gboolean ranges = FALSE;

  prepare_columns (p);
  ll_decimate_events (&p->columns, p->cols, LL_SERIES_BYTES_ADDED,
                      p->data->events, p->data->n_events);

  for (guint i = 0; i < p->columns.n_columns; i++)
    {
      if (p->cols[i].count > 0)
        {
          used++;
          if (p->cols[i].min < p->cols[i].max)
            ranges = TRUE;
        }
    }

  base = ll_pixel_grid_round_y (&p->grid, l->plot.y + l->plot.height);
  dw = device_width (p, HAIRLINE);

  cairo_save (cr);
  clip_plot (p, 4.0);

  /* Where a column merges several reallocations, the part below the
   * smallest is fainter and the min..max range solid. */
  if (ranges)
    {
      for (guint i = 0; i < p->columns.n_columns; i++)
        {
          const LlColumn *c = &p->cols[i];

          if (c->count == 0 || !(c->min < c->max))
            continue;
          column_span (p, i, base, ll_pixel_grid_round_y (&p->grid, map_y (p, c->min)), dw);
        }
      set_color (cr, &pal->accent, 0.35);
      cairo_fill (cr);
    }

  for (guint i = 0; i < p->columns.n_columns; i++)
    {
      const LlColumn *c = &p->cols[i];
      double top, bottom;

      if (c->count == 0)
        continue;
      top = ll_pixel_grid_round_y (&p->grid, map_y (p, c->max));
      /* Even the smallest reallocation stays visible. */
      top = MIN (top, base - 1.0 / p->grid.sy);
      bottom = (c->min < c->max) ? ll_pixel_grid_round_y (&p->grid, map_y (p, c->min)) : base;
      column_span (p, i, bottom, top, dw);
    }
  set_color (cr, &pal->accent, 1.0);
  cairo_fill (cr);

  /* Few reallocations: a dot on each stem makes every one countable. */
  radius = 2.5;
  if (used > 0 && used * radius * 4.0 <= l->plot.width)
    {
      for (guint i = 0; i < p->columns.n_columns; i++)
        {
          const LlColumn *c = &p->cols[i];
          double cx;

          if (c->count == 0)
            continue;
          cx = column_x (p, i, dw);
          cairo_new_sub_path (cr);
          cairo_arc (cr, cx, map_y (p, c->max), radius, 0, 2 * G_PI);
        }
      set_color (cr, &pal->accent, 1.0);
      cairo_fill (cr);
    }

  cairo_restore (cr);
}

/* One point per column, through the last value; where a column holds a
 * range, a span covers it (filled afterwards by the caller's colour). */
static void
sample_line (Painter        *p,
             const LlColumn *cols,
             double          dw)
{
  cairo_t *cr = p->cr;
  guint n_points = 0;
  double fill_dw = device_width (p, SERIES_WIDTH);

  for (guint i = 0; i < p->columns.n_columns; i++)
    {
      const LlColumn *c = &cols[i];
      double cx;

      if (c->count == 0)
        continue;
      cx = column_x (p, i, dw);
      /* Where the column holds a range, its span (below) covers the first
       * value; the line only needs to go on from the last. */
      if (n_points++ == 0)
        cairo_move_to (cr, cx, map_y (p, c->min < c->max ? c->first : c->last));
      /* (On the first point this makes a lone sample show as a dot.) */
      cairo_line_to (cr, cx, map_y (p, c->last));
    }
  cairo_stroke (cr);

  for (guint i = 0; i < p->columns.n_columns; i++)
    {
      const LlColumn *c = &cols[i];

      if (c->count == 0 || !(c->min < c->max))
        continue;
      column_span (p, i,
                   ll_pixel_grid_round_y (&p->grid, map_y (p, c->min) + SERIES_WIDTH / 2.0),
                   ll_pixel_grid_round_y (&p->grid, map_y (p, c->max) - SERIES_WIDTH / 2.0),
                   fill_dw);
    }
  cairo_fill (cr);
}

typedef struct
{
  double top, bottom;
} Span;

static void
reference_line (Painter       *p,
                double         value,
                const char    *label,
                const LlColor *color,
                double         alpha,
                Span          *taken)
{
  const LlChartLayout *l = p->layout;
  cairo_t *cr = p->cr;
  double y = map_y (p, value);
  double dashes[2] = { 6.0, 4.0 };
  double dw, label_y;

  if (y < l->plot.y || y > l->plot.y + l->plot.height)
    return;

  dw = set_line_width (p, HAIRLINE);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, dashes, 2, 0.0);
  hline (p, l->plot.x, l->plot.x + l->plot.width, y, dw);
  set_color (cr, color, alpha);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0.0);

  /* Above the line, or below it when that would cover another label or
   * leave the plot. */
  label_y = y - l->line_height - 1.0;
  if (label_y < l->plot.y ||
      (taken != NULL && label_y < taken->bottom && label_y + l->line_height > taken->top))
    label_y = y + 2.0;

  show_text (p, label, FALSE, l->plot.x + l->plot.width - 4.0, label_y,
             ALIGN_END, color, MIN (1.0, alpha * 1.4));
  if (taken != NULL)
    {
      taken->top = label_y;
      taken->bottom = label_y + l->line_height;
    }
}

static void
draw_memory (Painter *p)
{
  const LlChartPalette *pal = &p->options->palette;
  const LlChartLayout *l = p->layout;
  cairo_t *cr = p->cr;
  double dw, coverage;
  guint used = 0;
  Span taken = { 0.0, 0.0 };

  /* Reallocation markers: at most one per pixel column. */
  prepare_columns (p);
  ll_decimate_events (&p->columns, p->cols, LL_SERIES_EVENT_TIME,
                      p->data->events, p->data->n_events);
  dw = device_width (p, HAIRLINE);
  for (guint i = 0; i < p->columns.n_columns; i++)
    {
      if (p->cols[i].count == 0)
        continue;
      used++;
      column_span (p, i, l->plot.y, l->plot.y + l->plot.height, dw);
    }
  /* Where reallocations fill most columns the markers would wash over the
   * whole plot: fade them with their density. */
  coverage = (double) used / p->columns.n_columns;
  set_color (cr, &pal->marker, CLAMP (0.15 / MAX (coverage, 1e-9), 0.35, 1.0));
  cairo_fill (cr);

  if (p->data->n_samples > 0)
    reference_line (p, p->data->samples[0].first.available_bytes, _("At start"),
                    &pal->foreground, 0.45, &taken);
  if (p->options->reserve_bytes > 0)
    reference_line (p, p->options->reserve_bytes, _("Reserve"),
                    &pal->warning, 1.0, &taken);

  cairo_save (cr);
  clip_plot (p, SERIES_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  dw = set_line_width (p, SERIES_WIDTH);

  /* p->cols holds available memory, the second half RSS. */
  prepare_columns (p);
  ll_columns_reset (p->cols + p->columns.n_columns, p->columns.n_columns);
  ll_decimate_samples_both (&p->columns, p->cols, p->cols + p->columns.n_columns,
                            p->data->samples, p->data->n_samples);

  set_color (cr, &pal->series2, 1.0);
  sample_line (p, p->cols + p->columns.n_columns, dw);

  set_color (cr, &pal->series3, 1.0);
  sample_line (p, p->cols, dw);
  cairo_restore (cr);
}

void
ll_chart_draw (cairo_t              *cr,
               LlChartKind           kind,
               const LlChartData    *data,
               const LlChartOptions *options,
               double                width,
               double                height)
{
  PangoContext *context;
  LlChartOptions default_options;
  LlChartData no_data = { 0 };
  LlChartLayout layout;
  Painter p;
  Text text;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (kind < LL_N_CHARTS);

  if (options == NULL)
    {
      ll_chart_options_init (&default_options);
      options = &default_options;
    }
  if (data == NULL)
    data = &no_data;
  if (!(width > 0.0 && height > 0.0))
    return;

  context = ll_chart_create_pango_context ();
  text_init (&text, context, options);
  layout_compute (&layout, &text, kind, data, options, width, height);

  cairo_save (cr);

  /* Measured before, drawn now with the target's transform and options. */
  pango_cairo_update_context (cr, context);
  pango_layout_context_changed (text.layout);

  memset (&p, 0, sizeof p);
  p.cr = cr;
  p.layout = &layout;
  p.options = options;
  p.data = data;
  p.text = &text;
  ll_pixel_grid_init_from_cairo (&p.grid, cr);
  p.columns.xscale = &layout.x;
  p.columns.x0 = layout.plot.x;
  p.columns.sx = p.grid.sx;
  p.columns.n_columns = (guint) MAX (1.0, ceil (layout.plot.width * p.grid.sx - 1e-6));

  /* Finer than a tenth of a pixel only costs time (round joins above all). */
  cairo_set_tolerance (cr, 0.5);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_color (cr, &options->palette.background, 1.0);
  cairo_paint (cr);

  draw_grid (&p);

  if (!layout.empty)
    {
      /* The one allocation per frame: two series' worth of columns. */
      p.cols = g_new (LlColumn, 2 * (gsize) p.columns.n_columns);
      switch (kind)
        {
        case LL_CHART_CAPACITY:
          draw_capacity (&p);
          break;
        case LL_CHART_GROWTH:
          draw_growth (&p);
          break;
        case LL_CHART_MEMORY:
        case LL_N_CHARTS:
        default:
          draw_memory (&p);
          break;
        }
      g_free (p.cols);
    }

  draw_baseline (&p);
  draw_labels (&p);
  draw_legend (&p);
  if (layout.empty)
    draw_empty_hint (&p);

  cairo_restore (cr);
  text_clear (&text);
  g_object_unref (context);
}

/* Picking ------------------------------------------------------------------ */

/* The bucket index around data x @v: the last whose first point is <= @v. */
static gsize
find_event_bucket (const LlEventBucket *buckets,
                   gsize                n,
                   double               v,
                   gboolean             by_time)
{
  gsize lo = 0, hi = n;

  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;
      double x = by_time ? buckets[mid].first.elapsed_ns : buckets[mid].first.length;

      if (x <= v)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static gsize
find_sample_bucket (const LlSampleBucket *buckets,
                    gsize                 n,
                    double                v)
{
  gsize lo = 0, hi = n;

  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (buckets[mid].first.elapsed_ns <= v)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static void
append_line (GString    *str,
             const char *label,
             const char *value)
{
  if (str->len > 0)
    g_string_append_c (str, '\n');
  g_string_append_printf (str, "%s %s", label, value);
}

static void
append_count (GString    *str,
              const char *label,
              guint64     value)
{
  g_autofree char *s = ll_format_count_exact (value);

  append_line (str, label, s);
}

static void
append_capacity_change (GString       *str,
                        const LlEvent *e)
{
  g_autofree char *from = ll_format_count_exact (e->old_capacity);
  g_autofree char *to = ll_format_count_exact (e->new_capacity);
  g_autofree char *both = g_strdup_printf ("%s → %s", from, to);

  append_line (str, _("Capacity"), both);
}

static void
append_slack (GString *str,
              guint64  length,
              guint64  capacity)
{
  guint64 slack = capacity > length ? capacity - length : 0;
  g_autofree char *count = ll_format_count_exact (slack);
  g_autofree char *pct = g_strdup_printf ("%.1f %%", capacity > 0 ? 100.0 * slack / capacity : 0.0);
  g_autofree char *both = g_strdup_printf ("%s (%s)", count, pct);

  append_line (str, _("Slack"), both);
}

static void
append_added (GString              *str,
              const LlEvent        *e,
              const LlChartOptions *options)
{
  g_autofree char *added = ll_format_bytes_delta ((gint64) e->bytes_added, options->units);

  append_line (str, _("Added"), added);
}

static void
append_event_details (GString              *str,
                      const LlEvent        *e,
                      const LlChartOptions *options)
{
  g_autofree char *took = ll_format_duration (e->realloc_ns);

  if (e->moved)
    {
      g_autofree char *copied = ll_format_bytes (e->bytes_copied, options->units);
      g_autofree char *line = g_strdup_printf (_("moved, %s copied"), copied);

      append_line (str, _("Block"), line);
    }
  else
    append_line (str, _("Block"), _("grew in place"));
  append_line (str, _("Took"), took);
}

typedef struct
{
  const LlEvent  *event;
  const LlSample *sample;
  guint64         index;   /* 1-based event number, 0: unknown */
  double          px, py;  /* where the point is drawn */
  gboolean        end;     /* the list now: @length and @capacity */
  guint64         length;
  guint64         capacity;
} Candidate;

static void
consider (Candidate       *best,
          double          *best_dx,
          double          *best_dy,
          const Candidate *c,
          double           x,
          double           y)
{
  double dx = fabs (c->px - x);
  double dy = fabs (c->py - y);

  /* Nearest in x first; y only decides between points in the same column. */
  if (dx < *best_dx - 0.5 || (fabs (dx - *best_dx) <= 0.5 && dy < *best_dy))
    {
      *best = *c;
      *best_dx = dx;
      *best_dy = dy;
    }
}

static gboolean
pick_events (const LlChartLayout  *layout,
             LlChartKind           kind,
             const LlChartData    *data,
             double                x,
             double                y,
             Candidate            *best)
{
  double best_dx = G_MAXDOUBLE, best_dy = G_MAXDOUBLE;
  double v = ll_scale_unmap (&layout->x, x);
  gsize i, from, to;
  guint64 before = 0;

  if (data->n_events == 0)
    return FALSE;

  i = find_event_bucket (data->events, data->n_events, v, FALSE);
  from = i > 0 ? i - 1 : 0;
  to = MIN (i + 2, data->n_events);

  for (gsize k = 0; k < from; k++)
    before += MAX (data->events[k].count, 1);

  for (gsize k = from; k < to; k++)
    {
      const LlEventBucket *b = &data->events[k];
      guint64 count = MAX (b->count, 1);
      const LlEvent *ends[2] = { &b->first, &b->last };
      guint n_ends = count > 1 ? 2 : 1;

      for (guint j = 0; j < n_ends; j++)
        {
          const LlEvent *e = ends[j];
          Candidate c = { e, NULL, before + (j == 0 ? 1 : count), 0, 0 };

          c.px = ll_scale_map (&layout->x, e->length);
          if (kind == LL_CHART_CAPACITY)
            {
              c.py = ll_scale_map (&layout->y, e->new_capacity);
              consider (best, &best_dx, &best_dy, &c, x, y);
              c.py = ll_scale_map (&layout->y, e->length);
            }
          else
            c.py = ll_scale_map (&layout->y, e->bytes_added);
          consider (best, &best_dx, &best_dy, &c, x, y);
        }
      before += count;
    }

  /* The capacity chart also extends to the current length. */
  if (kind == LL_CHART_CAPACITY)
    {
      ListSpan span;

      list_span (data, &span);
      if (span.end_length > data->events[data->n_events - 1].last.length)
        {
          Candidate c = { NULL, NULL, 0, ll_scale_map (&layout->x, span.end_length), 0 };

          c.end = TRUE;
          c.length = span.end_length;
          c.capacity = span.end_capacity;
          c.py = ll_scale_map (&layout->y, span.end_capacity);
          consider (best, &best_dx, &best_dy, &c, x, y);
          c.py = ll_scale_map (&layout->y, span.end_length);
          consider (best, &best_dx, &best_dy, &c, x, y);
        }
    }

  return best->event != NULL || best->sample != NULL || best->end;
}

static gboolean
pick_samples (const LlChartLayout *layout,
              const LlChartData   *data,
              double               x,
              double               y,
              Candidate           *best)
{
  double best_dx = G_MAXDOUBLE, best_dy = G_MAXDOUBLE;
  double v = ll_scale_unmap (&layout->x, x);
  gsize i, from, to;

  if (data->n_samples == 0)
    return FALSE;

  i = find_sample_bucket (data->samples, data->n_samples, v);
  from = i > 0 ? i - 1 : 0;
  to = MIN (i + 2, data->n_samples);

  for (gsize k = from; k < to; k++)
    {
      const LlSampleBucket *b = &data->samples[k];
      const LlSample *ends[2] = { &b->first, &b->last };
      guint n_ends = b->count > 1 ? 2 : 1;

      for (guint j = 0; j < n_ends; j++)
        {
          Candidate c = { NULL, ends[j], 0, ll_scale_map (&layout->x, ends[j]->elapsed_ns), 0 };

          c.py = ll_scale_map (&layout->y, ends[j]->available_bytes);
          consider (best, &best_dx, &best_dy, &c, x, y);
          c.py = ll_scale_map (&layout->y, ends[j]->rss_bytes);
          consider (best, &best_dx, &best_dy, &c, x, y);
        }
    }

  return best->sample != NULL;
}

static char *
readout_text (LlChartKind           kind,
              const LlChartData    *data,
              const LlChartOptions *options,
              const Candidate      *c)
{
  GString *str = g_string_new (NULL);

  if (kind == LL_CHART_MEMORY)
    {
      const LlSample *s = c->sample;
      g_autofree char *time = ll_format_duration (s->elapsed_ns);
      g_autofree char *avail = ll_format_bytes (s->available_bytes, options->units);
      g_autofree char *rss = ll_format_bytes (s->rss_bytes, options->units);

      append_line (str, _("Time"), time);
      append_line (str, _("Available"), avail);
      append_line (str, _("Process RSS"), rss);
      append_count (str, _("Length"), s->length);
    }
  else if (c->event != NULL)
    {
      const LlEvent *e = c->event;

      if (c->index > 0 && data->counters != NULL && data->counters->n_events > 0)
        {
          g_autofree char *n = ll_format_count_exact (c->index);
          g_autofree char *of = ll_format_count_exact (data->counters->n_events);
          /* TRANSLATORS: "Reallocation 57 of 176" */
          g_autofree char *line = g_strdup_printf (_("%s of %s"), n, of);

          append_line (str, _("Reallocation"), line);
        }
      append_count (str, _("Length"), e->length);
      append_capacity_change (str, e);
      if (kind == LL_CHART_CAPACITY)
        {
          append_slack (str, e->length, e->new_capacity);
          append_added (str, e, options);
        }
      else
        {
          append_added (str, e, options);
          append_event_details (str, e, options);
        }
    }
  else
    {
      append_count (str, _("Length"), c->length);
      append_count (str, _("Capacity"), c->capacity);
      append_slack (str, c->length, c->capacity);
    }

  return g_string_free (str, FALSE);
}

void
ll_chart_pick (LlChartKind           kind,
               const LlChartData    *data,
               const LlChartOptions *options,
               double                width,
               double                height,
               double                x,
               double                y,
               LlChartReadout       *readout)
{
  LlChartOptions default_options;
  LlChartLayout layout;
  Candidate best = { 0 };
  gboolean found;
  const double slop = 8.0;

  g_return_if_fail (kind < LL_N_CHARTS);
  g_return_if_fail (readout != NULL);

  memset (readout, 0, sizeof *readout);

  if (data == NULL || !(width > 0.0 && height > 0.0))
    return;
  if (options == NULL)
    {
      ll_chart_options_init (&default_options);
      options = &default_options;
    }

  ll_chart_layout_compute (&layout, NULL, kind, data, options, width, height);
  if (layout.empty ||
      x < layout.plot.x - slop || x > layout.plot.x + layout.plot.width + slop ||
      y < layout.plot.y - slop || y > layout.plot.y + layout.plot.height + slop)
    return;

  if (kind == LL_CHART_MEMORY)
    found = pick_samples (&layout, data, x, y, &best);
  else
    found = pick_events (&layout, kind, data, x, y, &best);

  if (!found)
    return;

  readout->found = TRUE;
  readout->x = best.px;
  readout->y = best.py;
  readout->text = readout_text (kind, data, options, &best);
}

void
ll_chart_readout_clear (LlChartReadout *readout)
{
  g_return_if_fail (readout != NULL);

  g_clear_pointer (&readout->text, g_free);
  readout->found = FALSE;
}
