/* ll-chart-view.c — one of List Lab's charts as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "ll-chart-view-private.h"

enum {
  PROP_0,
  PROP_KIND,
  PROP_AXES,
  PROP_DRAW_TITLE,
  PROP_UNITS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _ll_chart_view_signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlChartView, ll_chart_view, GTK_TYPE_WIDGET)

void
_ll_chart_view_invalidate (LlChartView *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  self->behind = FALSE;
  self->readout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
color_from_rgba (LlColor       *color,
                 const GdkRGBA *rgba)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha;
}

static void
lookup (GtkStyleContext *context,
        const char      *name,
        LlColor         *color)
{
  GdkRGBA rgba;

  /* Deprecated after GTK 4.8, but the only way to read libadwaita 1.2's
   * named colours; newer runtimes still provide it. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (gtk_style_context_lookup_color (context, name, &rgba))
    color_from_rgba (color, &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
update_palette (LlChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkStyleContext *context;
  gboolean high_contrast;

  if (self->palette_valid)
    return;

  high_contrast = adw_style_manager_get_high_contrast (manager);
  if (high_contrast)
    ll_chart_palette_init_high_contrast (&self->palette, adw_style_manager_get_dark (manager));
  else if (adw_style_manager_get_dark (manager))
    ll_chart_palette_init_dark (&self->palette);
  else
    ll_chart_palette_init_light (&self->palette);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* Charts sit on cards; libadwaita's dark card colour is translucent over
   * the window's, and a chart is opaque: blend the two. */
  {
    LlColor window_bg = self->palette.background;
    LlColor card = { 0, 0, 0, 0 };

    lookup (context, "window_bg_color", &window_bg);
    lookup (context, "card_bg_color", &card);
    self->palette.background.red = card.red * card.alpha + window_bg.red * (1 - card.alpha);
    self->palette.background.green = card.green * card.alpha + window_bg.green * (1 - card.alpha);
    self->palette.background.blue = card.blue * card.alpha + window_bg.blue * (1 - card.alpha);
    self->palette.background.alpha = 1;
  }
  /* The desktop's accent, where it lets the user pick one; high contrast
   * keeps its deeper shade. Every colour then keeps its contrast on the
   * card. */
  if (!high_contrast)
    lookup (context, "accent_color", &self->palette.accent);
  ll_chart_palette_ensure_contrast (&self->palette);
  /* Chart text at the desktop's text size: large text is a font
   * resolution of 1.5 × 96 dpi. */
  self->text_scale = pango_cairo_context_get_resolution (gtk_widget_get_pango_context (GTK_WIDGET (self))) / 96.0;
  if (!(self->text_scale > 0.0))
    self->text_scale = 1.0;
  /* Larger text takes more of the chart, and the plot must keep a
   * readable height: with large text the chart asks for more, and the
   * window's content scrolls rather than squeeze the plot. */
  {
    int min_height = (int) round (MIN_CHART_HEIGHT + MIN_CHART_HEIGHT_PER_SCALE *
                                  MAX (0.0, MIN (self->text_scale, 3.0) - 1.0));
    int old_width, old_height;

    gtk_widget_get_size_request (GTK_WIDGET (self), &old_width, &old_height);
    if (old_height != min_height)
      gtk_widget_set_size_request (GTK_WIDGET (self), MIN_CHART_WIDTH, min_height);
  }

  self->palette_valid = TRUE;
}

void
ll_chart_view_get_options (LlChartView    *self,
                           LlChartOptions *options)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));
  g_return_if_fail (options != NULL);

  update_palette (self);

  ll_chart_options_init (options);
  options->palette = self->palette;
  options->text_scale = self->text_scale;
  options->units = self->units;
  ll_chart_axes_apply (self->axes, options);
  options->mark = self->has_mark ? &self->mark : NULL;
  options->reserve_bytes = self->reserve_bytes;
  options->total_bytes = self->total_bytes;
  options->next_growth_bytes = self->next_growth_bytes;
  options->draw_title = self->draw_title;
  options->title_inset = self->draw_title ? self->title_inset : 0.0;
  options->runs_named_apart = self->runs_named_apart;
  /* The window shows the zoom and the scales by itself. */
  options->title_says_view = FALSE;
  options->on_screen = TRUE;
}

static const LlChartData *
get_data (LlChartView *self)
{
  ll_chart_data_init (&self->data, (const LlChartSeries *) (gpointer) self->series->data,
                      self->series->len);
  return &self->data;
}

static void
update_readout (LlChartView *self,
                int          width,
                int          height)
{
  LlChartOptions options;

  if (self->readout_valid)
    return;

  ll_chart_readout_clear (&self->readout);
  if (self->cursor_shown)
    {
      guint64 point;

      if (_ll_chart_view_get_cursor_point (self, &point))
        {
          ll_chart_view_get_options (self, &options);
          ll_chart_pick_point (self->kind, get_data (self), &options, width, height,
                               self->cursor_series, point, &self->readout);
        }
    }
  else if (self->pointer_inside)
    {
      ll_chart_view_get_options (self, &options);
      ll_chart_pick (self->kind, get_data (self), &options, width, height,
                     self->pointer_x, self->pointer_y, &self->readout);
    }
  self->readout_valid = TRUE;
}

#define READOUT_PAD 8.0
#define READOUT_GAP 12.0

/* The readout's text laid out, and where its box goes: beside the point,
 * flipped to stay inside the chart; in a chart narrower than the text,
 * its lines wrap. */
static PangoLayout *
lay_out_readout (LlChartView     *self,
                 int              width,
                 int              height,
                 graphene_rect_t *box,
                 int             *text_y)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->readout.text);
  PangoRectangle logical;
  double box_w, box_h, box_x, box_y;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (logical.width + 2 * READOUT_PAD > width)
    {
      pango_layout_set_width (layout, MAX (1, width - 2 * (int) READOUT_PAD) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
    }
  box_w = logical.width + 2 * READOUT_PAD;
  box_h = logical.height + 2 * READOUT_PAD;

  box_x = self->readout.x + READOUT_GAP;
  if (box_x + box_w > width)
    box_x = self->readout.x - READOUT_GAP - box_w;
  box_y = self->readout.y - READOUT_GAP - box_h;
  if (box_y < 0)
    box_y = self->readout.y + READOUT_GAP;
  box_x = CLAMP (box_x, 0, MAX (0, width - box_w));
  box_y = CLAMP (box_y, 0, MAX (0, height - box_h));

  graphene_rect_init (box, box_x, box_y, box_w, box_h);
  *text_y = logical.y;
  return layout;
}

static void
snapshot_readout_box (LlChartView *self,
                      GtkSnapshot *snapshot,
                      int          width,
                      int          height)
{
  g_autoptr(PangoLayout) layout = NULL;
  GskRoundedRect rounded;
  GdkRGBA box_bg, border, text;
  const LlChartPalette *p = &self->palette;
  graphene_rect_t box;
  int text_y;

  layout = lay_out_readout (self, width, height, &box, &text_y);

  box_bg = (GdkRGBA) { p->background.red, p->background.green, p->background.blue, 0.94 };
  border = (GdkRGBA) { p->foreground.red, p->foreground.green, p->foreground.blue, 0.18 };
  text = (GdkRGBA) { p->foreground.red, p->foreground.green, p->foreground.blue, 1 };

  gsk_rounded_rect_init_from_rect (&rounded, &box, 6);
  gtk_snapshot_append_outset_shadow (snapshot, &rounded,
                                     &(GdkRGBA) { 0, 0, 0, 0.15 }, 0, 1, 0, 4);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &box_bg, &rounded.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &rounded,
                              (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { border, border, border, border });

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box.origin.x + READOUT_PAD,
                                                          box.origin.y + READOUT_PAD - text_y));
  gtk_snapshot_append_layout (snapshot, layout, &text);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_readout (LlChartView *self,
                  GtkSnapshot *snapshot,
                  int          width,
                  int          height)
{
  GskRoundedRect rounded;
  GdkRGBA line;
  const LlChartPalette *p = &self->palette;
  const LlChartReadout *r = &self->readout;

  /* The crosshair spans the plot, not the titles and labels around it. */
  line = (GdkRGBA) { p->foreground.red, p->foreground.green, p->foreground.blue, 0.35 };
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (floor (r->x), r->plot_y, 1, r->plot_height));
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (r->plot_x, floor (r->y), r->plot_width, 1));

  if (self->readout.text != NULL && self->readout.text[0] != '\0')
    snapshot_readout_box (self, snapshot, width, height);

  /* A dot on the picked point, in the accent colour: over the box, which
   * a small chart cannot always keep off it. */
  gsk_rounded_rect_init_from_rect (&rounded,
                                   &GRAPHENE_RECT_INIT (self->readout.x - 4,
                                                        self->readout.y - 4, 8, 8),
                                   4);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot,
                             &(GdkRGBA) { p->accent.red, p->accent.green, p->accent.blue, 1 },
                             &rounded.bounds);
  gtk_snapshot_pop (snapshot);
}

/* The keyboard cursor's point: a ring around the readout's dot, so that
 * it reads as the keyboard's and not the pointer's. */
static void
snapshot_cursor_ring (LlChartView *self,
                      GtkSnapshot *snapshot)
{
  const LlColor *fg = &self->palette.foreground;
  GdkRGBA ring = { fg->red, fg->green, fg->blue, 1 };
  GskRoundedRect rounded;
  const double r = 7;

  gsk_rounded_rect_init_from_rect (&rounded,
                                   &GRAPHENE_RECT_INIT (self->readout.x - r, self->readout.y - r,
                                                        2 * r, 2 * r),
                                   r);
  gtk_snapshot_append_border (snapshot, &rounded,
                              (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { ring, ring, ring, ring });
}

static void
ll_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LlChartView *self = LL_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  update_palette (self);

  if (self->cache != NULL && (self->cache_width != width || self->cache_height != height))
    g_clear_pointer (&self->cache, gsk_render_node_unref);

  if (self->cache == NULL)
    {
      g_autoptr(GtkSnapshot) chart = gtk_snapshot_new ();
      LlChartOptions options;
      cairo_t *cr;

      ll_chart_view_get_options (self, &options);
      cr = gtk_snapshot_append_cairo (chart, &GRAPHENE_RECT_INIT (0, 0, width, height));
      ll_chart_draw (cr, self->kind, get_data (self), &options, width, height);
      cairo_destroy (cr);

      self->cache = gtk_snapshot_free_to_node (g_steal_pointer (&chart));
      self->cache_width = width;
      self->cache_height = height;
      self->behind = FALSE;
      self->n_renders++;
    }

  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);

  if (self->drag_mode == DRAG_SELECT)
    {
      _ll_chart_view_snapshot_selection (self, snapshot, height);
      return;
    }

  update_readout (self, width, height);
  if (self->readout.found)
    {
      snapshot_readout (self, snapshot, width, height);
      if (self->cursor_shown)
        snapshot_cursor_ring (self, snapshot);
    }
}

static void
ll_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LL_CHART_VIEW (widget)->readout_valid = FALSE;
}

/* Called for every state change (hover, backdrop…): the chart is rendered
 * again only when its colours changed. */
static void
ll_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  LlChartView *self = LL_CHART_VIEW (widget);
  LlChartPalette old = self->palette;
  double old_scale = self->text_scale;
  gboolean was_valid = self->palette_valid;

  GTK_WIDGET_CLASS (ll_chart_view_parent_class)->css_changed (widget, change);

  self->palette_valid = FALSE;
  update_palette (self);
  if (!was_valid || memcmp (&old, &self->palette, sizeof old) != 0 || old_scale != self->text_scale)
    _ll_chart_view_invalidate (self);
}

static void
on_dark_changed (LlChartView *self)
{
  self->palette_valid = FALSE;
  _ll_chart_view_invalidate (self);
}

static void
update_accessible (LlChartView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ll_chart_kind_get_title (self->kind),
                                  -1);
  g_clear_pointer (&self->summary, g_free);
  _ll_chart_view_refresh_description (self);
}

static void
ll_chart_view_dispose (GObject *object)
{
  LlChartView *self = LL_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (),
                                        on_dark_changed, self);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  ll_chart_readout_clear (&self->readout);
  g_clear_pointer (&self->series, g_array_unref);
  if (self->axes != NULL)
    g_signal_handlers_disconnect_by_func (self->axes, _ll_chart_view_axes_changed, self);
  g_clear_object (&self->axes);
  g_clear_handle_id (&self->summary_source, g_source_remove);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ll_chart_view_parent_class)->dispose (object);
}

static void
ll_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LlChartView *self = LL_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    case PROP_AXES:
      g_value_set_object (value, self->axes);
      break;

    case PROP_DRAW_TITLE:
      g_value_set_boolean (value, self->draw_title);
      break;

    case PROP_UNITS:
      g_value_set_uint (value, self->units);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LlChartView *self = LL_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ll_chart_view_set_kind (self, g_value_get_uint (value));
      break;

    case PROP_AXES:
      ll_chart_view_set_axes (self, g_value_get_object (value));
      break;

    case PROP_DRAW_TITLE:
      ll_chart_view_set_draw_title (self, g_value_get_boolean (value));
      break;

    case PROP_UNITS:
      ll_chart_view_set_units (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_chart_view_class_init (LlChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_chart_view_dispose;
  object_class->get_property = ll_chart_view_get_property;
  object_class->set_property = ll_chart_view_set_property;

  widget_class->snapshot = ll_chart_view_snapshot;
  widget_class->size_allocate = ll_chart_view_size_allocate;
  widget_class->css_changed = ll_chart_view_css_changed;

  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       0, LL_N_CHARTS - 1, LL_CHART_CAPACITY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AXES] =
    g_param_spec_object ("axes", NULL, NULL,
                         LL_TYPE_CHART_AXES,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DRAW_TITLE] =
    g_param_spec_boolean ("draw-title", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UNITS] =
    g_param_spec_uint ("units", NULL, NULL,
                       LL_UNITS_IEC, LL_UNITS_SI, LL_UNITS_IEC,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A click on a reallocation: its number, from 1 (the data's first run). */
  _ll_chart_view_signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  /* Space on the keyboard cursor's reallocation: its number, to be shown
   * in the table. */
  _ll_chart_view_signals[SHOW_EVENT] =
    g_signal_new ("show-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  /* Enter on the chart: show it alone, or all of them again. */
  _ll_chart_view_signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, _ll_chart_view_signals[ACTIVATE]);

  _ll_chart_view_class_init_input (widget_class);
  _ll_chart_view_class_init_cursor (widget_class);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ll_chart_view_init (LlChartView *self)
{
  self->kind = LL_CHART_CAPACITY;
  self->units = LL_UNITS_IEC;
  self->series = g_array_new (FALSE, TRUE, sizeof (LlChartSeries));

  _ll_chart_view_init_input (self);
  _ll_chart_view_init_cursor (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->axes = ll_chart_axes_new ();
  g_signal_connect_swapped (self->axes, "changed", G_CALLBACK (_ll_chart_view_axes_changed), self);

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_changed), self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::high-contrast",
                            G_CALLBACK (on_dark_changed), self);

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), MIN_CHART_WIDTH, MIN_CHART_HEIGHT);

  update_accessible (self);
}

GtkWidget *
ll_chart_view_new (LlChartKind kind)
{
  g_return_val_if_fail (kind < LL_N_CHARTS, NULL);

  return g_object_new (LL_TYPE_CHART_VIEW, "kind", kind, NULL);
}

LlChartKind
ll_chart_view_get_kind (LlChartView *self)
{
  g_return_val_if_fail (LL_IS_CHART_VIEW (self), LL_CHART_CAPACITY);

  return self->kind;
}

void
ll_chart_view_set_kind (LlChartView *self,
                        LlChartKind  kind)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));
  g_return_if_fail (kind < LL_N_CHARTS);

  if (self->kind == kind)
    return;

  self->kind = kind;
  update_accessible (self);
  _ll_chart_view_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

LlChartAxes *
ll_chart_view_get_axes (LlChartView *self)
{
  g_return_val_if_fail (LL_IS_CHART_VIEW (self), NULL);

  return self->axes;
}

void
ll_chart_view_set_axes (LlChartView *self,
                        LlChartAxes *axes)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));
  g_return_if_fail (axes == NULL || LL_IS_CHART_AXES (axes));

  if (axes == NULL)
    axes = ll_chart_axes_new ();
  else
    g_object_ref (axes);

  if (self->axes == axes)
    {
      g_object_unref (axes);
      return;
    }

  g_signal_handlers_disconnect_by_func (self->axes, _ll_chart_view_axes_changed, self);
  g_object_unref (self->axes);
  self->axes = axes;
  g_signal_connect_swapped (self->axes, "changed", G_CALLBACK (_ll_chart_view_axes_changed), self);
  _ll_chart_view_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AXES]);
}

gboolean
ll_chart_view_get_draw_title (LlChartView *self)
{
  g_return_val_if_fail (LL_IS_CHART_VIEW (self), FALSE);

  return self->draw_title;
}

void
ll_chart_view_set_draw_title (LlChartView *self,
                              gboolean     draw_title)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));

  draw_title = !!draw_title;
  if (self->draw_title == draw_title)
    return;

  self->draw_title = draw_title;
  _ll_chart_view_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAW_TITLE]);
}

void
ll_chart_view_set_title_inset (LlChartView *self,
                               double       inset)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));

  if (self->title_inset == inset)
    return;
  self->title_inset = inset;
  _ll_chart_view_invalidate (self);
}

void
ll_chart_view_set_runs_named_apart (LlChartView *self,
                                    gboolean     apart)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));

  apart = !!apart;
  if (self->runs_named_apart == apart)
    return;
  self->runs_named_apart = apart;
  _ll_chart_view_invalidate (self);
}

void
ll_chart_view_set_mark (LlChartView   *self,
                        const LlEvent *event)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));

  if (event == NULL && !self->has_mark)
    return;
  if (event != NULL && self->has_mark && memcmp (event, &self->mark, sizeof *event) == 0)
    return;

  self->has_mark = event != NULL;
  if (event != NULL)
    self->mark = *event;
  _ll_chart_view_invalidate (self);
}

LlUnits
ll_chart_view_get_units (LlChartView *self)
{
  g_return_val_if_fail (LL_IS_CHART_VIEW (self), LL_UNITS_IEC);

  return self->units;
}

void
ll_chart_view_set_units (LlChartView *self,
                         LlUnits      units)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));

  if (self->units == units)
    return;

  self->units = units;
  _ll_chart_view_invalidate (self);
  _ll_chart_view_queue_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNITS]);
}

void
ll_chart_view_set_memory_context (LlChartView *self,
                                  guint64      reserve_bytes,
                                  guint64      total_bytes)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));

  if (self->reserve_bytes == reserve_bytes && self->total_bytes == total_bytes)
    return;

  self->reserve_bytes = reserve_bytes;
  self->total_bytes = total_bytes;
  _ll_chart_view_invalidate (self);
}

void
ll_chart_view_set_next_growth (LlChartView *self,
                               guint64      bytes)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));

  if (self->next_growth_bytes == bytes)
    return;
  self->next_growth_bytes = bytes;
  _ll_chart_view_invalidate (self);
}

static void
take_series (LlChartView       *self,
             const LlChartData *data)
{
  g_array_set_size (self->series, 0);
  if (data != NULL && data->n_series > 0)
    g_array_append_vals (self->series, data->series, data->n_series);
}

void
ll_chart_view_set_data (LlChartView       *self,
                        const LlChartData *data)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));

  take_series (self, data);
  _ll_chart_view_invalidate (self);
  _ll_chart_view_queue_summary (self);
}

void
ll_chart_view_set_data_later (LlChartView       *self,
                              const LlChartData *data)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));

  take_series (self, data);
  /* The readout stays with the chart as drawn: both follow at its turn. */
  if (self->cache != NULL)
    self->behind = TRUE;
  else
    self->readout_valid = FALSE;
  _ll_chart_view_queue_summary (self);
}

gboolean
ll_chart_view_catch_up (LlChartView *self)
{
  g_return_val_if_fail (LL_IS_CHART_VIEW (self), FALSE);

  if (!self->behind)
    return FALSE;
  _ll_chart_view_invalidate (self);
  return TRUE;
}

const LlChartData *
ll_chart_view_get_data (LlChartView *self)
{
  g_return_val_if_fail (LL_IS_CHART_VIEW (self), NULL);

  return get_data (self);
}

guint
ll_chart_view_get_n_renders (LlChartView *self)
{
  g_return_val_if_fail (LL_IS_CHART_VIEW (self), 0);

  return self->n_renders;
}

gboolean
ll_chart_view_get_cursor (LlChartView *self,
                          gsize       *series,
                          guint64     *point)
{
  guint64 p;

  g_return_val_if_fail (LL_IS_CHART_VIEW (self), FALSE);

  if (!self->cursor_shown || !_ll_chart_view_get_cursor_point (self, &p))
    return FALSE;
  if (series != NULL)
    *series = self->cursor_series;
  if (point != NULL)
    *point = p;
  return TRUE;
}

gboolean
ll_chart_view_get_readout_bounds (LlChartView     *self,
                                  graphene_rect_t *bounds)
{
  g_autoptr(PangoLayout) layout = NULL;
  int width, height, text_y;

  g_return_val_if_fail (LL_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  update_readout (self, width, height);
  if (!self->readout.found || self->readout.text == NULL || self->readout.text[0] == '\0')
    return FALSE;
  layout = lay_out_readout (self, width, height, bounds, &text_y);
  return TRUE;
}

const char *
ll_chart_view_get_readout (LlChartView *self)
{
  int width, height;

  g_return_val_if_fail (LL_IS_CHART_VIEW (self), NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 0 || height <= 0)
    return NULL;
  update_readout (self, width, height);
  return self->readout.found ? self->readout.text : NULL;
}

const char *
ll_chart_view_get_description (LlChartView *self)
{
  g_return_val_if_fail (LL_IS_CHART_VIEW (self), NULL);

  return self->description;
}
