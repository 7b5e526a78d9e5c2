/* ll-chart-layout.c — where a chart's axes, labels, legend and plot go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ll-chart-private.h"

#define DEFAULT_FONT_FAMILY "Cantarell, sans-serif"
#define DEFAULT_FONT_SIZE   9.0
/* Text sizes remembered at most; then the cache starts again. */
#define SIZE_CACHE_MAX      4096
/* Shaped texts kept at most, a thread; then that cache starts again. */
#define SHAPED_CACHE_MAX    512

/* Text --------------------------------------------------------------------- */

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

/* Shaped text kept across draws. Shaping is most of what drawing a label
 * costs, and a chart draws the same tick labels, titles and legend frame
 * after frame. Layouts are not for sharing between threads, so each thread
 * that draws charts has its own, on a context of its own, freed when the
 * thread ends. With metrics not hinted, a new transform does not shape
 * again; a target with other font options does (pango sees the context
 * change). */
struct _LlShapedText
{
  PangoContext         *context;
  GHashTable           *layouts;         /* text_key () → PangoLayout */
  cairo_font_options_t *target_options;  /* the last target's, or NULL */
  cairo_matrix_t        transform;       /* the last target's */
};

static void
shaped_text_free (gpointer data)
{
  LlShapedText *shaped = data;

  g_hash_table_unref (shaped->layouts);
  g_object_unref (shaped->context);
  g_clear_pointer (&shaped->target_options, cairo_font_options_destroy);
  g_free (shaped);
}

static GPrivate shaped_text_key = G_PRIVATE_INIT (shaped_text_free);

static LlShapedText *
shaped_text_get (void)
{
  LlShapedText *shaped = g_private_get (&shaped_text_key);

  if (shaped == NULL)
    {
      shaped = g_new0 (LlShapedText, 1);
      shaped->context = ll_chart_create_pango_context ();
      shaped->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_private_set (&shaped_text_key, shaped);
    }

  return shaped;
}

/* What the caches know @str in @text's font by. */
static char *
text_key (const LlChartText *text,
          const char        *str,
          gboolean           bold)
{
  return g_strconcat (text->cache_key, bold ? "\x1f" "b\x1f" : "\x1f\x1f", str, NULL);
}

void
ll_chart_text_init (LlChartText          *text,
                    PangoContext         *context,
                    const LlChartOptions *options)
{
  const char *family = options->font_family;
  double size = options->font_size > 0.0 ? options->font_size : DEFAULT_FONT_SIZE;

  if (family == NULL || family[0] == '\0')
    family = DEFAULT_FONT_FAMILY;
  /* The reader's text size (large text: 1.5) on top of the chart's. */
  size *= ll_chart_options_get_text_scale (options);

  text->context = g_object_ref (context);
  text->font = pango_font_description_new ();
  pango_font_description_set_family (text->font, family);
  pango_font_description_set_size (text->font, (int) round (size * PANGO_SCALE));
  text->bold = pango_font_description_copy (text->font);
  pango_font_description_set_weight (text->bold, PANGO_WEIGHT_BOLD);
  pango_font_description_set_size (text->bold, (int) round (size * 1.2 * PANGO_SCALE));
  text->layout = pango_layout_new (context);
  pango_layout_set_font_description (text->layout, text->font);
  text->measure = pango_layout_new (context);
  text->cache_key = g_strdup_printf ("%s\x1f%d", family, pango_font_description_get_size (text->font));
  text->shaped = shaped_text_get ();
}

void
ll_chart_text_clear (LlChartText *text)
{
  g_clear_object (&text->layout);
  g_clear_object (&text->measure);
  g_clear_object (&text->context);
  g_clear_pointer (&text->font, pango_font_description_free);
  g_clear_pointer (&text->bold, pango_font_description_free);
  g_clear_pointer (&text->cache_key, g_free);
  text->shaped = NULL;
}

void
ll_chart_text_set (LlChartText *text,
                   const char  *str,
                   gboolean     bold)
{
  pango_layout_set_font_description (text->layout, bold ? text->bold : text->font);
  pango_layout_set_text (text->layout, str, -1);
}

void
ll_chart_text_update (LlChartText *text,
                      cairo_t     *cr)
{
  LlShapedText *shaped = text->shaped;
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_matrix_t transform;

  pango_cairo_update_context (cr, text->context);
  pango_layout_context_changed (text->layout);

  /* Updating a context tells its layouts to shape again even when nothing
   * changed (it sets the transform anew): only a target with other font
   * options or another scale or rotation (a move does not count) does. */
  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_get_matrix (cr, &transform);
  transform.x0 = transform.y0 = 0.0;
  if (shaped->target_options == NULL
      || !cairo_font_options_equal (options, shaped->target_options)
      || memcmp (&transform, &shaped->transform, sizeof transform) != 0)
    {
      pango_cairo_update_context (cr, shaped->context);
      g_clear_pointer (&shaped->target_options, cairo_font_options_destroy);
      shaped->target_options = g_steal_pointer (&options);
      shaped->transform = transform;
    }
  g_clear_pointer (&options, cairo_font_options_destroy);
}

PangoLayout *
ll_chart_text_shaped (LlChartText *text,
                      const char  *str,
                      gboolean     bold)
{
  LlShapedText *shaped = text->shaped;
  g_autofree char *key = text_key (text, str, bold);
  PangoLayout *layout;

  g_assert (shaped == g_private_get (&shaped_text_key));

  layout = g_hash_table_lookup (shaped->layouts, key);
  if (layout != NULL)
    return layout;

  if (g_hash_table_size (shaped->layouts) >= SHAPED_CACHE_MAX)
    g_hash_table_remove_all (shaped->layouts);
  layout = pango_layout_new (shaped->context);
  pango_layout_set_font_description (layout, bold ? text->bold : text->font);
  pango_layout_set_text (layout, str, -1);
  g_hash_table_insert (shaped->layouts, g_steal_pointer (&key), layout);

  return layout;
}

/* Sizes of text already measured. A chart measures the same tick labels,
 * titles and legend entries frame after frame, and measuring shapes the
 * text; with the chart's fixed metrics a size depends only on the font and
 * the text. Every thread that draws a chart shares it (exports draw on
 * workers). */
static GMutex size_cache_lock;
static GHashTable *size_cache;   /* "font\x1fweight\x1ftext" → double[2] */

void
ll_chart_text_size (LlChartText *text,
                    const char  *str,
                    gboolean     bold,
                    double      *width,
                    double      *height)
{
  g_autofree char *key = text_key (text, str, bold);
  PangoRectangle logical;
  double *size;

  g_mutex_lock (&size_cache_lock);
  size = size_cache != NULL ? g_hash_table_lookup (size_cache, key) : NULL;
  if (size != NULL)
    {
      if (width != NULL)
        *width = size[0];
      if (height != NULL)
        *height = size[1];
      g_mutex_unlock (&size_cache_lock);
      return;
    }
  g_mutex_unlock (&size_cache_lock);

  pango_layout_set_font_description (text->measure, bold ? text->bold : text->font);
  pango_layout_set_text (text->measure, str, -1);
  pango_layout_get_extents (text->measure, NULL, &logical);
  size = g_new (double, 2);
  size[0] = (double) logical.width / PANGO_SCALE;
  size[1] = (double) logical.height / PANGO_SCALE;
  if (width != NULL)
    *width = size[0];
  if (height != NULL)
    *height = size[1];

  g_mutex_lock (&size_cache_lock);
  if (size_cache == NULL)
    size_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_hash_table_size (size_cache) >= SIZE_CACHE_MAX)
    g_hash_table_remove_all (size_cache);
  g_hash_table_replace (size_cache, g_steal_pointer (&key), size);
  g_mutex_unlock (&size_cache_lock);
}

static double
measure_cb (const char *str,
            gpointer    user_data)
{
  double width;

  ll_chart_text_size (user_data, str, FALSE, &width, NULL);
  return width;
}

/* The legend item that names @series in its colour, dash and mark. */
static void
run_item (LlLegendItem         *item,
          const LlChartSeries  *series,
          const LlChartOptions *options)
{
  memset (item, 0, sizeof *item);
  item->swatch = LL_SWATCH_LINE;
  item->color = options->palette.runs[series->style % LL_CHART_N_RUN_COLORS];
  item->dash = ll_chart_run_dash (series->style);
  item->mark = ll_chart_run_mark (series->style);
  g_strlcpy (item->text, series->name != NULL ? series->name : "", sizeof item->text);
  item->label = item->text;
}

guint
ll_chart_runs_legend_items (const LlChartData    *data,
                            const LlChartOptions *options,
                            LlLegendItem         *items)
{
  guint n = 0;

  if (!ll_chart_data_is_overlay (data))
    return 0;
  for (gsize i = 0; i < data->n_series && n < LL_CHART_MAX_LEGEND; i++)
    run_item (&items[n++], &data->series[i], options);
  return n;
}

guint
ll_chart_legend_items (LlChartKind           kind,
                       const LlChartData    *data,
                       const LlChartOptions *options,
                       LlLegendItem         *items)
{
  const LlChartKindClass *klass = ll_chart_kind_get_class (kind);
  guint n = 0, without = 0;

  if (!ll_chart_data_is_overlay (data))
    return klass->legend (options, items);

  /* Several runs: the legend names them, or when a legend beside the
   * charts does, says what the marks mean whatever the run; it counts those
   * with nothing for this chart (simulations, on the time and memory
   * charts) in one last item. */
  for (gsize i = 0; i < data->n_series; i++)
    {
      const LlChartSeries *series = &data->series[i];

      if (klass->has_data != NULL && !klass->has_data (series))
        without++;
      else if (!options->runs_named_apart && n < LL_CHART_MAX_LEGEND - 1)
        run_item (&items[n++], series, options);
    }
  /* (where the runs are named in the chart, their names are what its
   * legend has room for) */
  if (klass->overlay_key != NULL && options->runs_named_apart && without < data->n_series)
    n += klass->overlay_key (options, items + n);
  if (without > 0)
    {
      LlLegendItem *item = &items[n++];

      memset (item, 0, sizeof *item);
      item->swatch = LL_SWATCH_NONE;
      g_snprintf (item->text, sizeof item->text,
                  /* TRANSLATORS: runs a chart has nothing of, in its legend */
                  g_dngettext (GETTEXT_PACKAGE, "%u run not measured for this chart",
                               "%u runs not measured for this chart", without), without);
      item->label = item->text;
    }
  return n;
}

/* Legend ------------------------------------------------------------------- */

/* Where the label starts after the swatch. */
double
ll_chart_legend_swatch_width (const LlLegendItem *item)
{
  switch (item->swatch)
    {
    case LL_SWATCH_NONE:
      return 0.0;
    case LL_SWATCH_LINE:
      /* room for a dash's pattern and a mark */
      if (item->dash != LL_DASH_SOLID || item->mark != LL_MARK_NONE)
        return LL_CHART_LINE_SWATCH_WIDTH + LL_CHART_SWATCH_GAP;
      return LL_CHART_SWATCH_WIDTH + LL_CHART_SWATCH_GAP;
    default:
      return LL_CHART_SWATCH_WIDTH + LL_CHART_SWATCH_GAP;
    }
}

double
ll_chart_legend_width (LlChartText        *text,
                       const LlLegendItem *items,
                       guint               n_items)
{
  double total = 0.0;

  for (guint i = 0; i < n_items; i++)
    {
      double w;

      ll_chart_text_size (text, items[i].label, FALSE, &w, NULL);
      total += ll_chart_legend_swatch_width (&items[i]) + ceil (w) +
               (i > 0 ? LL_CHART_ITEM_GAP : 0.0);
    }

  return total;
}

/* How many rows the legend takes, filling each up to @row_width. */
guint
ll_chart_legend_rows (LlChartText        *text,
                      const LlLegendItem *items,
                      guint               n_items,
                      double              row_width)
{
  guint rows = 1;
  double x = 0.0;

  for (guint i = 0; i < n_items; i++)
    {
      double w = ll_chart_legend_width (text, &items[i], 1);

      if (x > 0.0 && x + LL_CHART_ITEM_GAP + w > row_width)
        {
          rows++;
          x = 0.0;
        }
      x += (x > 0.0 ? LL_CHART_ITEM_GAP : 0.0) + w;
    }
  return rows;
}

/* The narrowest row width that wraps @items onto no more rows than
 * @row_width does: the rows come out even ("a b c d / e f g h" rather
 * than "a b c d e f g / h"). @rows, if not NULL, is set to how many. */
double
ll_chart_legend_balanced_width (LlChartText        *text,
                                const LlLegendItem *items,
                                guint               n_items,
                                double              row_width,
                                guint              *rows_out)
{
  guint rows = ll_chart_legend_rows (text, items, n_items, row_width);
  double lo = 0.0, hi = row_width;

  if (rows_out != NULL)
    *rows_out = rows;
  if (rows <= 1)
    return row_width;
  for (guint i = 0; i < n_items; i++)
    lo = MAX (lo, ll_chart_legend_width (text, &items[i], 1));
  lo = MAX (lo, row_width / rows) - 1.0;
  /* (a row's width only steps at the items' ends: whole pixels do) */
  while (hi - lo > 1.0)
    {
      double mid = floor ((lo + hi) / 2.0);

      if (ll_chart_legend_rows (text, items, n_items, mid) <= rows)
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

/* Layout ------------------------------------------------------------------- */

/* @name, and @axis's unit when it has one. */
static void
axis_title (char         *title,
            gsize         size,
            const char   *name,
            const LlAxis *axis)
{
  /* TRANSLATORS: an axis title and its unit, e.g. "Length (M elements)" */
  if (axis->unit[0] != '\0')
    g_snprintf (title, size, _("%s (%s)"), name, axis->unit);
  else
    g_strlcpy (title, name, size);
}

static void
axis_titles (LlChartLayout *layout)
{
  const LlChartKindClass *klass = ll_chart_kind_get_class (layout->kind);

  axis_title (layout->x_title, sizeof layout->x_title, _(klass->x_name), &layout->x_axis);
  axis_title (layout->y_title, sizeof layout->y_title, _(klass->y_name), &layout->y_axis);
}

static void
clear_labels (LlAxis *axis)
{
  for (guint i = 0; i < axis->n_ticks; i++)
    axis->ticks[i].label[0] = '\0';
}

static double
widest_label (LlChartText  *text,
              const LlAxis *axis)
{
  double widest = 0.0;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      double w;

      if (axis->ticks[i].label[0] == '\0')
        continue;
      ll_chart_text_size (text, axis->ticks[i].label, FALSE, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest;
}

static double
last_label_width (LlChartText  *text,
                  const LlAxis *axis)
{
  for (guint i = axis->n_ticks; i > 0; i--)
    {
      const LlTick *tick = &axis->ticks[i - 1];
      double w;

      if (tick->label[0] == '\0' || tick->value < axis->hi * (1.0 - 1e-9))
        continue;
      ll_chart_text_size (text, tick->label, FALSE, &w, NULL);
      return w;
    }

  return 0.0;
}

static char *
format_x (LlQuantity quantity,
          double     value,
          gboolean   compact)
{
  if (quantity == LL_QUANTITY_TIME)
    return ll_format_duration ((guint64) MAX (0.0, value));
  if (compact)
    return ll_format_count ((guint64) MAX (0.0, round (value)));
  return ll_format_count_exact ((guint64) MAX (0.0, round (value)));
}

/* The title, and what of the chart is shown when that is not all of it
 * on linear axes: an export says what it shows. @compact: lengths as
 * "5.40 M" rather than "5,400,000"; @brief: the chart's short title. */
static void
describe_view (LlChartLayout        *layout,
               const LlChartOptions *options,
               const LlChartExtents *ext,
               gboolean              compact,
               gboolean              brief)
{
  const LlChartKindClass *klass = ll_chart_kind_get_class (layout->kind);
  GString *title = g_string_new (_(brief ? klass->short_title : klass->title));
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);

  if (ext->x_exact && options->title_says_view)
    {
      g_autofree char *from = format_x (ext->xq, ext->x_lo, compact);
      g_autofree char *to = format_x (ext->xq, ext->x_hi, compact);

      g_ptr_array_add (notes, klass->length_axis
                              /* TRANSLATORS: a zoomed chart's title says what it shows */
                              ? g_strdup_printf (_("lengths %s to %s"), from, to)
                              : g_strdup_printf (_("%s to %s"), from, to));
    }
  if (ext->x_log && options->title_says_view)
    g_ptr_array_add (notes, g_strdup (_("logarithmic length")));
  if (ext->y_log && klass->can_log_y && options->title_says_view)
    g_ptr_array_add (notes, g_strdup (_("logarithmic y")));

  for (guint i = 0; i < notes->len; i++)
    g_string_append_printf (title, i == 0 ? " (%s" : ", %s", (char *) notes->pdata[i]);
  if (notes->len > 0)
    g_string_append_c (title, ')');

  g_strlcpy (layout->title, title->str, sizeof layout->title);
  g_string_free (title, TRUE);
  g_ptr_array_unref (notes);
}

void
ll_chart_layout_set_text_metrics (LlChartLayout        *layout,
                                  LlChartText          *text,
                                  const LlChartOptions *options)
{
  double line_h;

  ll_chart_text_size (text, LL_CHART_TEXT_PROBE, FALSE, NULL, &line_h);
  layout->line_height = ceil (line_h);
  /* Paddings and gaps stay as they are with large text: the plot keeps
   * what the text does not need. */
  layout->unit = layout->line_height / ll_chart_options_get_text_scale (options);
  layout->pad = round (layout->unit * 0.8);
}

/* @title, cut with "…" where it is wider than @room. */
static void
shorten_to (char        *title,
            gsize        size,
            LlChartText *text,
            double       room)
{
  g_autofree char *full = g_strdup (title);
  glong lo = 0, hi = g_utf8_strlen (full, -1);
  double w;

  ll_chart_text_size (text, full, TRUE, &w, NULL);
  if (w <= room)
    return;

  /* The most characters that fit before the ellipsis. */
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      g_autofree char *head = g_utf8_substring (full, 0, mid);
      g_autofree char *cut = g_strconcat (g_strchomp (head), "…", NULL);

      ll_chart_text_size (text, cut, TRUE, &w, NULL);
      if (w <= room)
        lo = mid;
      else
        hi = mid - 1;
    }
  {
    g_autofree char *head = g_utf8_substring (full, 0, lo);

    g_snprintf (title, size, "%s…", g_strchomp (head));
  }
}

/* Where the data is, for a chart zoomed beside it. */
static void
describe_outside (char                 *hint,
                  gsize                 size,
                  LlChartKind           kind,
                  const LlChartExtents *ext)
{
  if (ll_chart_kind_has_length_axis (kind))
    {
      g_autofree char *lo = ll_format_count_exact ((guint64) MAX (ext->data_lo, 0.0));
      g_autofree char *hi = ll_format_count_exact ((guint64) MAX (ext->data_hi, 0.0));

      /* TRANSLATORS: a chart zoomed to lengths with no data: "No data at
       * these lengths: they go from 0 to 126,721" */
      g_snprintf (hint, size, _("No data at these lengths: they go from %s to %s"), lo, hi);
    }
  else
    {
      g_autofree char *end = ll_format_duration ((guint64) MAX (ext->data_hi, 0.0));

      /* TRANSLATORS: the memory chart zoomed past its last sample: "No
       * data at these times: the samples end at 1.55 ms" */
      g_snprintf (hint, size, _("No data at these times: the samples end at %s"), end);
    }
}

/* Compact: the x axis title at the end of the tick labels' row, over
 * the labels it would cover; FALSE when that leaves fewer than two. */
static gboolean
measure (LlChartLayout        *layout,
         LlChartText          *text,
         LlChartKind           kind,
         const LlChartData    *data,
         const LlChartOptions *options,
         double                width,
         double                height,
         gboolean              compact)
{
  LlLegendItem items[LL_CHART_MAX_LEGEND];
  guint n_items;
  LlChartExtents ext;
  LlAxisFit fit;
  double line_h, unit, title_h = 0.0, title_w = 0.0, legend_w, y_title_w, top, bottom, left, right;

  memset (layout, 0, sizeof *layout);
  layout->kind = kind;
  layout->width = width;
  layout->height = height;

  ll_chart_compute_extents (kind, data, options, TRUE, &ext);
  layout->empty = ext.empty;
  layout->zoomed = ext.x_exact;
  layout->hint = ext.hint != NULL ? ext.hint : _("No data yet");
  if (ext.outside)
    {
      describe_outside (layout->hint_text, sizeof layout->hint_text, kind, &ext);
      layout->hint = layout->hint_text;
    }
  if (options->draw_title)
    describe_view (layout, options, &ext, FALSE, FALSE);

  ll_chart_layout_set_text_metrics (layout, text, options);
  line_h = layout->line_height;
  unit = layout->unit;

  top = layout->pad;
  if (options->draw_title)
    {
      double room = width - 2 * layout->pad - options->title_inset;

      ll_chart_text_size (text, LL_CHART_TEXT_PROBE, TRUE, NULL, &title_h);
      ll_chart_text_size (text, layout->title, TRUE, &title_w, NULL);
      /* A narrow chart: the lengths shown in short, then the short title,
       * then that cut. */
      for (guint brief = 0; brief < 2 && title_w > room; brief++)
        {
          describe_view (layout, options, &ext, TRUE, brief);
          ll_chart_text_size (text, layout->title, TRUE, &title_w, NULL);
        }
      if (title_w > room)
        {
          shorten_to (layout->title, sizeof layout->title, text, room);
          ll_chart_text_size (text, layout->title, TRUE, &title_w, NULL);
        }
      layout->title_y = top;
      top += ceil (title_h) + round (unit * 0.5);
    }

  /* The y axis needs the plot's height, the plot's left edge needs the y
   * labels: vertical geometry first, then y ticks, then x. */
  bottom = height - layout->pad;
  layout->x_title_inline = compact;
  layout->x_title_y = bottom - line_h;
  layout->x_labels_y = compact ? layout->x_title_y : layout->x_title_y - line_h - 2.0;
  bottom = layout->x_labels_y - round (unit * 0.4);

  n_items = ll_chart_legend_items (kind, data, options, items);
  legend_w = ll_chart_legend_width (text, items, n_items);

  layout->header_y = top;
  layout->legend_y = top;
  /* The top tick label is centred on the plot's top edge. */
  top += line_h + round (line_h * 0.5 + unit * 0.6);

  ll_axis_fit_init (&fit, MAX (1.0, bottom - top), FALSE);
  fit.label_size = line_h;
  fit.min_spacing = MAX (fit.min_spacing, line_h * 1.8);
  ll_axis_compute (&layout->y_axis, ext.yq, options->units, ext.y_log,
                   ext.y_lo, ext.y_hi, &fit);

  /* Legend and y title share a row when they fit; else the legend goes
   * beside the title when there is one and room, or on its own row (runs,
   * or a chart narrower than the legend: as many rows as it takes). */
  axis_titles (layout);
  ll_chart_text_size (text, layout->y_title, FALSE, &y_title_w, NULL);
  layout->legend_rows = 1;
  layout->legend_width = legend_w;
  if ((ll_chart_data_is_overlay (data) || legend_w > width - 2 * layout->pad) &&
      y_title_w + 2 * LL_CHART_ITEM_GAP + legend_w > width - 2 * layout->pad)
    {
      double note_w = n_items > 1 && items[n_items - 1].swatch == LL_SWATCH_NONE
                      ? ll_chart_legend_width (text, &items[n_items - 1], 1) : 0.0;

      /* A note about runs missing here has room beside the y title more
       * often than the whole legend: one row less over the plot. */
      if (note_w > 0.0 && y_title_w + 2 * LL_CHART_ITEM_GAP + note_w <= width - 2 * layout->pad)
        {
          layout->note_in_header = TRUE;
          layout->note_x = width - layout->pad - note_w;
          n_items--;
          legend_w = ll_chart_legend_width (text, items, n_items);
        }
      layout->legend_width = ll_chart_legend_balanced_width (text, items, n_items, width - 2 * layout->pad,
                                                             &layout->legend_rows);
      layout->legend_y = top - round (line_h * 0.5);
      top += layout->legend_rows * line_h + round (unit * 0.4);
      fit.length = MAX (1.0, bottom - top);
      ll_axis_compute (&layout->y_axis, ext.yq, options->units, ext.y_log,
                       ext.y_lo, ext.y_hi, &fit);
    }
  else if (y_title_w + 2 * LL_CHART_ITEM_GAP + legend_w > width - 2 * layout->pad &&
      options->draw_title &&
      title_w + 2 * LL_CHART_ITEM_GAP + legend_w <= width - 2 * layout->pad - options->title_inset)
    {
      layout->legend_in_title = TRUE;
      layout->legend_y = layout->title_y + round ((ceil (title_h) - line_h) / 2.0);
    }
  else if (y_title_w + 2 * LL_CHART_ITEM_GAP + legend_w > width - 2 * layout->pad)
    {
      layout->legend_y = top - round (line_h * 0.5);
      top += line_h + round (unit * 0.4);
      fit.length = MAX (1.0, bottom - top);
      ll_axis_compute (&layout->y_axis, ext.yq, options->units, ext.y_log,
                       ext.y_lo, ext.y_hi, &fit);
    }

  if (ext.empty)
    clear_labels (&layout->y_axis);

  left = layout->pad + ceil (widest_label (text, &layout->y_axis)) + round (unit * 0.6);
  right = layout->pad;

  ll_axis_fit_init (&fit, MAX (1.0, width - left - right), TRUE);
  fit.measure = measure_cb;
  fit.user_data = text;
  fit.label_gap = MAX (fit.label_gap, unit * 1.5);
  fit.min_spacing = MAX (fit.min_spacing, unit * 7.0);
  for (int pass = 0; pass < 2; pass++)
    {
      double half;

      fit.length = MAX (1.0, width - left - right);
      fit.exact = ext.x_exact;
      ll_axis_compute (&layout->x_axis, ext.xq, options->units, ext.x_log,
                       ext.x_lo, ext.x_hi, &fit);
      /* Zoomed where there is nothing: the lengths shown still say where. */
      if (ext.empty && !ext.in_range)
        clear_labels (&layout->x_axis);
      half = ceil (last_label_width (text, &layout->x_axis) / 2.0) + 1.0;
      if (half <= right)
        break;
      right = half;
    }

  if (ext.empty)
    layout->y_axis.unit[0] = '\0';
  if (ext.empty && !ext.in_range)
    layout->x_axis.unit[0] = '\0';
  axis_titles (layout);

  layout->plot.x = round (left);
  layout->plot.y = round (top);
  layout->plot.width = MAX (1.0, round (width - right) - layout->plot.x);
  layout->plot.height = MAX (1.0, round (bottom) - layout->plot.y);
  if (layout->legend_rows > 1 || (ll_chart_data_is_overlay (data) && legend_w > layout->legend_width))
    layout->legend_x = layout->pad;
  else
    layout->legend_x = layout->legend_in_title
                       ? width - layout->pad - options->title_inset - legend_w
                       : layout->plot.x + layout->plot.width - legend_w;

  ll_scale_init (&layout->x, layout->x_axis.log, layout->x_axis.lo, layout->x_axis.hi,
                 layout->plot.x, layout->plot.x + layout->plot.width);
  ll_scale_init (&layout->y, layout->y_axis.log, layout->y_axis.lo, layout->y_axis.hi,
                 layout->plot.y + layout->plot.height, layout->plot.y);

  if (compact)
    {
      double x_title_w, end;
      guint kept = 0;

      ll_chart_text_size (text, layout->x_title, FALSE, &x_title_w, NULL);
      end = width - layout->pad - ceil (x_title_w) - unit * 1.5;
      for (guint i = 0; i < layout->x_axis.n_ticks; i++)
        {
          LlTick *t = &layout->x_axis.ticks[i];
          double w, x;

          if (t->label[0] == '\0')
            continue;
          ll_chart_text_size (text, t->label, FALSE, &w, NULL);
          /* where draw_labels() puts it */
          x = CLAMP (ll_scale_map (&layout->x, t->value), w / 2.0, width - 1.0 - w / 2.0);
          if (x + w / 2.0 > end)
            t->label[0] = '\0';
          else
            kept++;
        }
      return kept >= 2;
    }
  return TRUE;
}

void
ll_chart_layout_measure (LlChartLayout        *layout,
                         LlChartText          *text,
                         LlChartKind           kind,
                         const LlChartData    *data,
                         const LlChartOptions *options,
                         double                width,
                         double                height)
{
  LlChartLayout compact;

  measure (layout, text, kind, data, options, width, height, FALSE);
  /* Large text in a short chart: the x axis title shares the labels' row
   * rather than take the plot's room. */
  if (ll_chart_options_get_text_scale (options) > 1.0 && !layout->empty &&
      layout->plot.height < height * 0.45 &&
      measure (&compact, text, kind, data, options, width, height, TRUE) &&
      compact.plot.height > layout->plot.height)
    *layout = compact;
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
  LlChartText text;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (kind < LL_N_CHARTS);

  options = ll_chart_options_or_defaults (options, &default_options);
  data = ll_chart_data_or_empty (data);
  if (context == NULL)
    context = owned = ll_chart_create_pango_context ();

  ll_chart_text_init (&text, context, options);
  ll_chart_layout_measure (layout, &text, kind, data, options, width, height);
  ll_chart_text_clear (&text);
  g_clear_object (&owned);
}

