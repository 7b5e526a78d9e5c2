/* ll-chart-view.c — one of List Lab's charts as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ll-chart-view.h"

/* Less than this many pixels of drag is a click. */
#define DRAG_THRESHOLD 5.0
/* How often at most a chart's description follows a run: screen readers
 * speak the focused chart's changes. */
#define SUMMARY_INTERVAL_US         (1 * G_USEC_PER_SEC)
#define SUMMARY_FOCUSED_INTERVAL_US (5 * G_USEC_PER_SEC)
/* Zooming in stops at this many elements (or nanoseconds) across. */
#define MIN_LENGTH_WIDTH 8.0
#define MIN_TIME_WIDTH   1000.0

/* The least a chart takes at the desktop's text size, and what each step
 * of text scale adds (at 1.5× the plot keeps about 180 px). */
#define MIN_CHART_WIDTH            240
#define MIN_CHART_HEIGHT           150
#define MIN_CHART_HEIGHT_PER_SCALE 400.0

typedef enum
{
  CURSOR_STEP,    /* one point either way */
  CURSOR_PAGE,    /* a tenth of the points in view */
  CURSOR_FIRST,
  CURSOR_LAST,
  CURSOR_RUN,     /* the same place on another run */
} CursorMove;

typedef enum
{
  DRAG_NONE,
  DRAG_SELECT,
  DRAG_PAN,
} DragMode;

struct _LlChartView
{
  GtkWidget       parent_instance;

  LlChartKind     kind;
  LlChartAxes    *axes;
  gboolean        draw_title;
  double          title_inset;
  LlEvent         mark;
  gboolean        has_mark;
  LlUnits         units;
  guint64         reserve_bytes;
  guint64         total_bytes;
  guint64         next_growth_bytes;

  GArray         *series;    /* LlChartSeries: pointers into the caller's views */
  LlChartData     data;

  LlChartPalette  palette;
  double          text_scale;
  gboolean        palette_valid;

  /* The chart rendered at the current size; pointer motion only redraws
   * the crosshair on top of it. */
  GskRenderNode  *cache;
  int             cache_width;
  int             cache_height;
  guint           n_renders;

  gboolean        pointer_inside;
  double          pointer_x;
  double          pointer_y;
  LlChartReadout  readout;
  gboolean        readout_valid;

  DragMode        drag_mode;
  double          drag_x0, drag_y0;
  double          drag_x;
  LlChartRange    drag_range;   /* what was visible when a pan began */

  /* The keyboard cursor: a point of one run, kept by where it lies on the
   * x axis so that it stays on its reallocation while the history joins
   * buckets. While shown, the readout follows it, not the pointer. */
  gboolean        cursor_placed;
  gboolean        cursor_shown;
  gsize           cursor_series;
  double          cursor_x;

  /* What screen readers are told: the cursor's readout, or what the
   * chart shows, brought up to date at most every SUMMARY_INTERVAL_US. */
  char           *description;
  char           *summary;
  gint64          summary_time;
  guint           summary_source;
  gboolean        summary_since_focus;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_AXES,
  PROP_DRAW_TITLE,
  PROP_UNITS,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  SHOW_EVENT,
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlChartView, ll_chart_view, GTK_TYPE_WIDGET)

static void snapshot_selection (LlChartView *self,
                                GtkSnapshot *snapshot,
                                int          height);
static gboolean get_cursor_point (LlChartView *self,
                                  guint64     *point);
static void refresh_description (LlChartView *self);
static void queue_summary      (LlChartView *self);

static void
invalidate_chart (LlChartView *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
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
  /* The window shows the zoom and the scales by itself. */
  options->title_says_view = FALSE;
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

      if (get_cursor_point (self, &point))
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

static void
snapshot_readout_box (LlChartView *self,
                      GtkSnapshot *snapshot,
                      int          width,
                      int          height)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle ink, logical;
  GskRoundedRect rounded;
  GdkRGBA box_bg, border, text;
  const LlChartPalette *p = &self->palette;
  double box_w, box_h, box_x, box_y;
  const double pad = 8, gap = 12;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->readout.text);
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  box_w = logical.width + 2 * pad;
  box_h = logical.height + 2 * pad;

  /* Beside the point, flipped to stay inside the chart. */
  box_x = self->readout.x + gap;
  if (box_x + box_w > width)
    box_x = self->readout.x - gap - box_w;
  box_y = self->readout.y - gap - box_h;
  if (box_y < 0)
    box_y = self->readout.y + gap;
  box_x = CLAMP (box_x, 0, MAX (0, width - box_w));
  box_y = CLAMP (box_y, 0, MAX (0, height - box_h));

  box_bg = (GdkRGBA) { p->background.red, p->background.green, p->background.blue, 0.94 };
  border = (GdkRGBA) { p->foreground.red, p->foreground.green, p->foreground.blue, 0.18 };
  text = (GdkRGBA) { p->foreground.red, p->foreground.green, p->foreground.blue, 1 };

  gsk_rounded_rect_init_from_rect (&rounded,
                                   &GRAPHENE_RECT_INIT (box_x, box_y, box_w, box_h), 6);
  gtk_snapshot_append_outset_shadow (snapshot, &rounded,
                                     &(GdkRGBA) { 0, 0, 0, 0.15 }, 0, 1, 0, 4);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &box_bg, &rounded.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &rounded,
                              (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { border, border, border, border });

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box_x + pad, box_y + pad - logical.y));
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

  line = (GdkRGBA) { p->foreground.red, p->foreground.green, p->foreground.blue, 0.35 };
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (floor (self->readout.x), 0, 1, height));
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (0, floor (self->readout.y), width, 1));

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
      self->n_renders++;
    }

  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);

  if (self->drag_mode == DRAG_SELECT)
    {
      snapshot_selection (self, snapshot, height);
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
    invalidate_chart (self);
}

static void
on_enter (GtkEventControllerMotion *motion,
          double                    x,
          double                    y,
          LlChartView              *self)
{
  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  self->readout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           LlChartView              *self)
{
  /* A pointer that really moves takes the readout back from the keyboard. */
  if (self->cursor_shown && (x != self->pointer_x || y != self->pointer_y || !self->pointer_inside))
    {
      self->cursor_shown = FALSE;
      refresh_description (self);
    }
  on_enter (motion, x, y, self);
}

static void
on_leave (GtkEventControllerMotion *motion,
          LlChartView              *self)
{
  self->pointer_inside = FALSE;
  self->readout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Zoom and pan ------------------------------------------------------------- */

typedef struct
{
  LlChartOptions options;
  double         plot_x, plot_width;
  LlChartRange   visible;   /* what the plot shows now */
  LlChartRange   extent;    /* the whole run */
  gboolean       log;
  double         min_width;
} Geometry;

/* Where the plot is and what it shows; FALSE when there is nothing to zoom. */
static gboolean
get_geometry (LlChartView *self,
              Geometry    *g)
{
  const LlChartData *data = get_data (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    return FALSE;

  ll_chart_view_get_options (self, &g->options);
  if (!ll_chart_get_x_extent (self->kind, data, &g->options, &g->extent))
    return FALSE;
  ll_chart_get_plot_area (self->kind, data, &g->options, width, height,
                          &g->plot_x, NULL, &g->plot_width, NULL);
  g->visible.from = ll_chart_unmap_x (self->kind, data, &g->options, width, height, g->plot_x);
  g->visible.to = ll_chart_unmap_x (self->kind, data, &g->options, width, height,
                                    g->plot_x + g->plot_width);
  g->log = ll_chart_kind_has_length_axis (self->kind) && g->options.log_x;
  g->min_width = ll_chart_kind_has_length_axis (self->kind) ? MIN_LENGTH_WIDTH : MIN_TIME_WIDTH;
  return g->plot_width > 0;
}

static void
show_range (LlChartView        *self,
            const LlChartRange *range)
{
  ll_chart_axes_set_range (self->axes, self->kind, range);
}

static void
zoom_at (LlChartView *self,
         double       anchor,
         double       factor)
{
  Geometry g;
  LlChartRange r;

  if (!get_geometry (self, &g))
    return;
  ll_chart_range_zoom (&g.visible, &g.extent, g.log, anchor, factor, g.min_width, &r);
  show_range (self, &r);
}

static gboolean
zoom_key (GtkWidget *widget,
          GVariant  *parameter,
          gpointer   user_data)
{
  zoom_at (LL_CHART_VIEW (widget), 0.5, g_variant_get_double (parameter));
  return TRUE;
}

static gboolean
pan_key (GtkWidget *widget,
         GVariant  *parameter,
         gpointer   user_data)
{
  LlChartView *self = LL_CHART_VIEW (widget);
  LlChartRange current, r;
  Geometry g;

  ll_chart_axes_get_range (self->axes, self->kind, &current);
  if (ll_chart_range_is_empty (&current) || !get_geometry (self, &g))
    return FALSE;
  ll_chart_range_pan (&current, &g.extent, g.log, g_variant_get_double (parameter), &r);
  show_range (self, &r);
  return TRUE;
}

static gboolean
reset_key (GtkWidget *widget,
           GVariant  *parameter,
           gpointer   user_data)
{
  show_range (LL_CHART_VIEW (widget), NULL);
  return TRUE;
}

/* Whether the page the chart is on scrolls (large text, a short window):
 * the wheel then scrolls the page, and zooms with Ctrl held. */
static gboolean
page_scrolls (LlChartView *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;

  if (page == NULL)
    return FALSE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment) >
         gtk_adjustment_get_page_size (adjustment) + 0.5;
}

static gboolean
on_scroll (GtkEventControllerScroll *scroll,
           double                    dx,
           double                    dy,
           LlChartView              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  Geometry g;

  if (dy == 0.0 || !get_geometry (self, &g))
    return FALSE;
  if (!(state & GDK_CONTROL_MASK) && page_scrolls (self))
    return FALSE;
  if (self->pointer_x < g.plot_x || self->pointer_x > g.plot_x + g.plot_width)
    return FALSE;

  zoom_at (self, (self->pointer_x - g.plot_x) / g.plot_width, pow (1.25, CLAMP (dy, -4.0, 4.0)));
  return TRUE;
}

static void
on_pressed (GtkGestureClick *click,
            int              n_press,
            double           x,
            double           y,
            LlChartView     *self)
{
  /* A double click shows everything again. */
  if (n_press == 2 && gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (click)) == GDK_BUTTON_PRIMARY)
    show_range (self, NULL);
}

static void
on_drag_begin (GtkGestureDrag *drag,
               double          x,
               double          y,
               LlChartView    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (drag));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (drag));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_mode = DRAG_NONE;
  if (button != GDK_BUTTON_PRIMARY && button != GDK_BUTTON_MIDDLE)
    {
      gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_x0 = self->drag_x = x;
  self->drag_y0 = y;
  self->drag_mode = (button == GDK_BUTTON_MIDDLE || (state & GDK_SHIFT_MASK)) ? DRAG_PAN : DRAG_SELECT;
  /* Panning moves what is zoomed; with nothing zoomed there is nowhere to go. */
  ll_chart_axes_get_range (self->axes, self->kind, &self->drag_range);
}

static void
on_drag_update (GtkGestureDrag *drag,
                double          dx,
                double          dy,
                LlChartView    *self)
{
  Geometry g;

  self->drag_x = self->drag_x0 + dx;
  if (self->drag_mode == DRAG_SELECT)
    {
      if (fabs (dx) >= DRAG_THRESHOLD)
        gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (self->drag_mode == DRAG_PAN && !ll_chart_range_is_empty (&self->drag_range) &&
      get_geometry (self, &g))
    {
      LlChartRange r;

      gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_CLAIMED);
      ll_chart_range_pan (&self->drag_range, &g.extent, g.log, -dx / g.plot_width, &r);
      show_range (self, &r);
    }
}

static void
on_drag_end (GtkGestureDrag *drag,
             double          dx,
             double          dy,
             LlChartView    *self)
{
  DragMode mode = self->drag_mode;
  Geometry g;

  self->drag_mode = DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (mode != DRAG_SELECT)
    return;

  if (fabs (dx) >= DRAG_THRESHOLD)
    {
      if (get_geometry (self, &g))
        {
          const LlChartData *data = get_data (self);
          int width = gtk_widget_get_width (GTK_WIDGET (self));
          int height = gtk_widget_get_height (GTK_WIDGET (self));
          double a = CLAMP (self->drag_x0, g.plot_x, g.plot_x + g.plot_width);
          double b = CLAMP (self->drag_x0 + dx, g.plot_x, g.plot_x + g.plot_width);
          LlChartRange r;

          ll_chart_range_clamp (ll_chart_unmap_x (self->kind, data, &g.options, width, height, a),
                                ll_chart_unmap_x (self->kind, data, &g.options, width, height, b),
                                &g.extent, g.min_width, &r);
          show_range (self, &r);
        }
      return;
    }

  /* A click: the reallocation under the pointer, if any. */
  {
    LlChartReadout readout;
    LlChartOptions options;

    ll_chart_view_get_options (self, &options);
    ll_chart_pick (self->kind, get_data (self), &options,
                   gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)),
                   self->drag_x0, self->drag_y0, &readout);
    if (readout.found && readout.event_number > 0 && readout.series == 0)
      g_signal_emit (self, signals[EVENT_ACTIVATED], 0, readout.event_number);
    ll_chart_readout_clear (&readout);
  }
}

static void
snapshot_selection (LlChartView *self,
                    GtkSnapshot *snapshot,
                    int          height)
{
  const LlColor *accent = &self->palette.accent;
  double a = MIN (self->drag_x0, self->drag_x);
  double b = MAX (self->drag_x0, self->drag_x);
  GdkRGBA fill = { accent->red, accent->green, accent->blue, 0.18 };
  GdkRGBA edge = { accent->red, accent->green, accent->blue, 0.8 };

  if (b - a < DRAG_THRESHOLD)
    return;
  gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (floor (a), 0, ceil (b - a), height));
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (floor (a), 0, 1, height));
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (floor (b), 0, 1, height));
}

/* The keyboard cursor ------------------------------------------------------ */

static guint64
n_points (LlChartView *self,
          gsize        series)
{
  return ll_chart_get_n_points (self->kind, get_data (self), series);
}

static double
point_x (LlChartView *self,
         gsize        series,
         guint64      point)
{
  return ll_chart_get_point_x (self->kind, get_data (self), series, point);
}

/* The point of the cursor's run nearest to where the cursor is kept. */
static gboolean
get_cursor_point (LlChartView *self,
                  guint64     *point)
{
  guint64 n, p;

  if (!self->cursor_placed)
    return FALSE;
  n = n_points (self, self->cursor_series);
  if (n == 0)
    return FALSE;

  p = ll_chart_find_point (self->kind, get_data (self), self->cursor_series, self->cursor_x, FALSE);
  if (p == n ||
      (p > 0 && self->cursor_x - point_x (self, self->cursor_series, p - 1) <
                point_x (self, self->cursor_series, p) - self->cursor_x))
    p--;
  *point = p;
  return TRUE;
}

/* The points of @series the plot shows now: [*first, *last]. */
static gboolean
visible_points (LlChartView *self,
                gsize        series,
                guint64     *first,
                guint64     *last)
{
  guint64 n = n_points (self, series);
  LlChartRange current;
  guint64 a = 0, b = n;

  ll_chart_axes_get_range (self->axes, self->kind, &current);
  if (!ll_chart_range_is_empty (&current))
    {
      const LlChartData *data = get_data (self);

      a = ll_chart_find_point (self->kind, data, series, current.from, FALSE);
      b = ll_chart_find_point (self->kind, data, series, current.to, TRUE);
    }
  if (b <= a)
    return FALSE;
  *first = a;
  *last = b - 1;
  return TRUE;
}

static double
to_axis (double   v,
         gboolean log)
{
  return log ? log10 (MAX (v, 1.0)) : v;
}

static double
from_axis (double   p,
           gboolean log)
{
  return log ? pow (10.0, p) : p;
}

/* Pans a zoomed chart just far enough to show data x @x, a little in from
 * the edge it passed. */
static void
reveal_x (LlChartView *self,
          double       x)
{
  LlChartRange current, r;
  double a, b, p, shift;
  Geometry g;

  ll_chart_axes_get_range (self->axes, self->kind, &current);
  if (ll_chart_range_is_empty (&current) || (x >= current.from && x <= current.to) ||
      !get_geometry (self, &g))
    return;

  a = to_axis (current.from, g.log);
  b = to_axis (current.to, g.log);
  p = to_axis (x, g.log);
  shift = p > b ? p - b + (b - a) * 0.1 : p - a - (b - a) * 0.1;
  ll_chart_range_clamp (from_axis (a + shift, g.log), from_axis (b + shift, g.log),
                        &g.extent, 0.0, &r);
  show_range (self, &r);
}

static gboolean
has_points (LlChartView *self,
            gsize        series)
{
  return series < get_data (self)->n_series && n_points (self, series) > 0;
}

static gboolean
move_cursor (LlChartView *self,
             CursorMove   move,
             int          direction)
{
  const LlChartData *data = get_data (self);
  gboolean resume = self->cursor_placed && !self->cursor_shown;
  guint64 n, point = 0, first, last;

  /* A cursor not placed yet, or on a run no longer drawn, starts on the
   * first run with points. */
  if (!self->cursor_placed || !has_points (self, self->cursor_series))
    {
      gsize series = 0;

      while (series < data->n_series && !has_points (self, series))
        series++;
      if (series == data->n_series)
        return FALSE;
      self->cursor_placed = FALSE;
      self->cursor_series = series;
      resume = FALSE;
    }

  n = n_points (self, self->cursor_series);
  if (!visible_points (self, self->cursor_series, &first, &last))
    {
      first = 0;
      last = n - 1;
    }
  /* Shown again after the pointer or the focus went elsewhere: where it
   * was, if that is in view. */
  if (resume && get_cursor_point (self, &point) && (point < first || point > last))
    self->cursor_placed = FALSE;

  if (move == CURSOR_RUN)
    {
      gsize series = self->cursor_series;

      if (data->n_series < 2)
        return FALSE;
      do
        series = direction < 0 ? (series > 0 ? series - 1 : G_MAXSIZE) : series + 1;
      while (series < data->n_series && !has_points (self, series));
      if (series < data->n_series)
        {
          if (!self->cursor_placed)
            self->cursor_x = point_x (self, self->cursor_series, first);
          self->cursor_series = series;
          self->cursor_placed = TRUE;
        }
      if (!get_cursor_point (self, &point))
        return TRUE;
    }
  else if (!self->cursor_placed)
    {
      if (move == CURSOR_FIRST)
        point = 0;
      else if (move == CURSOR_LAST)
        point = n - 1;
      else
        point = direction > 0 ? first : last;
    }
  else
    {
      guint64 step = move == CURSOR_PAGE ? MAX ((last - first + 1) / 10, 1) : 1;

      get_cursor_point (self, &point);
      if (move == CURSOR_FIRST)
        point = 0;
      else if (move == CURSOR_LAST)
        point = n - 1;
      else if (resume)
        ;  /* the first key press shows it where it is */
      else if (direction < 0)
        point = point > step ? point - step : 0;
      else
        point = MIN (point + step, n - 1);
    }

  self->cursor_placed = TRUE;
  self->cursor_shown = TRUE;
  self->cursor_x = point_x (self, self->cursor_series, point);
  reveal_x (self, self->cursor_x);
  self->readout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  refresh_description (self);
  return TRUE;
}

static gboolean
cursor_key (GtkWidget *widget,
            GVariant  *parameter,
            gpointer   user_data)
{
  int move, direction;

  g_variant_get (parameter, "(ii)", &move, &direction);
  return move_cursor (LL_CHART_VIEW (widget), (CursorMove) move, direction);
}

/* Space: the cursor's reallocation, shown in the table. */
static gboolean
show_event_key (GtkWidget *widget,
                GVariant  *parameter,
                gpointer   user_data)
{
  LlChartView *self = LL_CHART_VIEW (widget);
  LlChartReadout readout;
  LlChartOptions options;
  guint64 point;

  if (!self->cursor_shown || !get_cursor_point (self, &point))
    return FALSE;

  ll_chart_view_get_options (self, &options);
  ll_chart_pick_point (self->kind, get_data (self), &options,
                       MAX (gtk_widget_get_width (widget), 1), MAX (gtk_widget_get_height (widget), 1),
                       self->cursor_series, point, &readout);
  /* The table lists the first run's reallocations. */
  if (readout.found && readout.event_number > 0 && readout.series == 0)
    g_signal_emit (self, signals[SHOW_EVENT], 0, readout.event_number);
  ll_chart_readout_clear (&readout);
  return TRUE;
}

/* A zoom or pan that leaves the cursor out of view brings it along. */
static void
on_axes_changed (LlChartView *self)
{
  guint64 point, first, last;

  invalidate_chart (self);
  if (!self->cursor_shown || !get_cursor_point (self, &point) ||
      !visible_points (self, self->cursor_series, &first, &last) ||
      (point >= first && point <= last))
    return;

  self->cursor_x = point_x (self, self->cursor_series, point < first ? first : last);
  refresh_description (self);
}

static void
hide_cursor (LlChartView *self)
{
  if (!self->cursor_shown)
    return;
  self->cursor_shown = FALSE;
  self->readout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  refresh_description (self);
}

static void
on_focus_enter (LlChartView *self)
{
  self->summary_since_focus = FALSE;
}

static void
on_focus_leave (LlChartView *self)
{
  self->summary_since_focus = FALSE;
  hide_cursor (self);
  refresh_description (self);
}

/* What screen readers are told --------------------------------------------- */

/* The cursor's readout as one sentence, its arrow read as a word. */
static char *
cursor_speech (LlChartView *self)
{
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *to = NULL;
  LlChartReadout readout;
  LlChartOptions options;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  guint64 point;

  if (!get_cursor_point (self, &point))
    return NULL;

  ll_chart_view_get_options (self, &options);
  ll_chart_pick_point (self->kind, get_data (self), &options,
                       width > 0 ? width : 600, height > 0 ? height : 400,
                       self->cursor_series, point, &readout);
  if (!readout.found)
    return NULL;

  lines = g_strsplit (readout.text, "\n", -1);
  ll_chart_readout_clear (&readout);
  joined = g_strjoinv ("; ", lines);
  parts = g_strsplit (joined, " → ", -1);
  /* TRANSLATORS: read aloud for the arrow of a change, as in "Capacity 16 to 32" */
  to = g_strdup_printf (" %s ", C_("chart readout", "to"));
  return g_strjoinv (to, parts);
}

/* What the chart shows; words need no colours, only the units. */
static char *
describe (LlChartView *self)
{
  LlChartOptions options;

  ll_chart_options_init (&options);
  options.units = self->units;
  return ll_chart_describe (self->kind, get_data (self), &options);
}

static const char *
get_summary (LlChartView *self)
{
  if (self->summary == NULL)
    self->summary = describe (self);
  return self->summary;
}

/* The cursor's readout while it is shown; else what the chart shows, what
 * it is and how to explore it — only what it shows once that changed
 * under the focus, so that a screen reader speaks no more than that. */
static void
refresh_description (LlChartView *self)
{
  g_autofree char *text = NULL;

  if (self->cursor_shown)
    text = cursor_speech (self);
  if (text == NULL && self->summary_since_focus)
    text = g_strdup (get_summary (self));
  if (text == NULL)
    text = g_strdup_printf ("%s. %s. %s", get_summary (self),
                            ll_chart_kind_get_description (self->kind),
                            _("The arrow keys move a cursor through its points and read each "
                              "out: Home and End go to the first and the last, Page Up and "
                              "Page Down by a tenth of those in view, Up and Down from run to "
                              "run; Space selects the point in the reallocations table, which "
                              "Ctrl+T shows. Plus and minus zoom, Shift with Left or Right pans, "
                              "0 shows everything, Enter shows the chart alone."));

  if (g_strcmp0 (text, self->description) == 0)
    return;
  g_free (self->description);
  self->description = g_steal_pointer (&text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
update_summary (LlChartView *self)
{
  g_autofree char *summary = NULL;

  self->summary_time = g_get_monotonic_time ();
  summary = describe (self);
  if (g_strcmp0 (summary, self->summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    self->summary_since_focus = TRUE;
  /* A cursor being read out keeps its words until it moves. */
  if (!self->cursor_shown)
    refresh_description (self);
}

static gboolean
summary_timeout (gpointer user_data)
{
  LlChartView *self = user_data;

  self->summary_source = 0;
  update_summary (self);
  return G_SOURCE_REMOVE;
}

/* At once, or when the interval since the last change has passed. */
static void
queue_summary (LlChartView *self)
{
  gint64 interval, now, due;

  if (self->summary_source != 0)
    return;

  interval = gtk_widget_has_focus (GTK_WIDGET (self))
             ? SUMMARY_FOCUSED_INTERVAL_US : SUMMARY_INTERVAL_US;
  now = g_get_monotonic_time ();
  due = self->summary_time + interval;
  if (self->summary_time == 0 || now >= due)
    update_summary (self);
  else
    self->summary_source = g_timeout_add ((guint) ((due - now + 999) / 1000), summary_timeout, self);
}

static void
on_dark_changed (LlChartView *self)
{
  self->palette_valid = FALSE;
  invalidate_chart (self);
}

static void
update_accessible (LlChartView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ll_chart_kind_get_title (self->kind),
                                  -1);
  g_clear_pointer (&self->summary, g_free);
  refresh_description (self);
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
    g_signal_handlers_disconnect_by_func (self->axes, on_axes_changed, self);
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
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  /* Space on the keyboard cursor's reallocation: its number, to be shown
   * in the table. */
  signals[SHOW_EVENT] =
    g_signal_new ("show-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
  /* Enter on the chart: show it alone, or all of them again. */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, 0, zoom_key, "d", 0.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_equal, 0, zoom_key, "d", 0.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, 0, zoom_key, "d", 0.5);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, 0, zoom_key, "d", 2.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, 0, zoom_key, "d", 2.0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, pan_key, "d", -0.25);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, pan_key, "d", 0.25);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, 0, reset_key, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_0, 0, reset_key, NULL);
  {
    static const struct { guint key; CursorMove move; int direction; } keys[] = {
      { GDK_KEY_Left, CURSOR_STEP, -1 }, { GDK_KEY_KP_Left, CURSOR_STEP, -1 },
      { GDK_KEY_Right, CURSOR_STEP, 1 }, { GDK_KEY_KP_Right, CURSOR_STEP, 1 },
      { GDK_KEY_Page_Up, CURSOR_PAGE, -1 }, { GDK_KEY_KP_Page_Up, CURSOR_PAGE, -1 },
      { GDK_KEY_Page_Down, CURSOR_PAGE, 1 }, { GDK_KEY_KP_Page_Down, CURSOR_PAGE, 1 },
      { GDK_KEY_Home, CURSOR_FIRST, -1 }, { GDK_KEY_KP_Home, CURSOR_FIRST, -1 },
      { GDK_KEY_End, CURSOR_LAST, 1 }, { GDK_KEY_KP_End, CURSOR_LAST, 1 },
      { GDK_KEY_Up, CURSOR_RUN, -1 }, { GDK_KEY_KP_Up, CURSOR_RUN, -1 },
      { GDK_KEY_Down, CURSOR_RUN, 1 }, { GDK_KEY_KP_Down, CURSOR_RUN, 1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      gtk_widget_class_add_binding (widget_class, keys[i].key, 0, cursor_key,
                                    "(ii)", keys[i].move, keys[i].direction);
  }
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, show_event_key, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Space, 0, show_event_key, NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ll_chart_view_init (LlChartView *self)
{
  GtkEventController *motion, *scroll, *focus;
  GtkGesture *drag, *click;

  self->kind = LL_CHART_CAPACITY;
  self->units = LL_UNITS_IEC;
  self->series = g_array_new (FALSE, TRUE, sizeof (LlChartSeries));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_enter), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->axes = ll_chart_axes_new ();
  g_signal_connect_swapped (self->axes, "changed", G_CALLBACK (on_axes_changed), self);

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
  invalidate_chart (self);
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

  g_signal_handlers_disconnect_by_func (self->axes, on_axes_changed, self);
  g_object_unref (self->axes);
  self->axes = axes;
  g_signal_connect_swapped (self->axes, "changed", G_CALLBACK (on_axes_changed), self);
  invalidate_chart (self);
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
  invalidate_chart (self);
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
  invalidate_chart (self);
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
  invalidate_chart (self);
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
  invalidate_chart (self);
  queue_summary (self);
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
  invalidate_chart (self);
}

void
ll_chart_view_set_next_growth (LlChartView *self,
                               guint64      bytes)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));

  if (self->next_growth_bytes == bytes)
    return;
  self->next_growth_bytes = bytes;
  invalidate_chart (self);
}

void
ll_chart_view_set_data (LlChartView       *self,
                        const LlChartData *data)
{
  g_return_if_fail (LL_IS_CHART_VIEW (self));

  g_array_set_size (self->series, 0);
  if (data != NULL && data->n_series > 0)
    g_array_append_vals (self->series, data->series, data->n_series);

  invalidate_chart (self);
  queue_summary (self);
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

  if (!self->cursor_shown || !get_cursor_point (self, &p))
    return FALSE;
  if (series != NULL)
    *series = self->cursor_series;
  if (point != NULL)
    *point = p;
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
