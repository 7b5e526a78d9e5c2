/* ll-chart-board.c — the charts, their zoom and scales, and the reallocations table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ll-chart-board.h"
#include "ll-chart-grid.h"
#include "ll-fit-bin.h"
#include "ll-runs-legend.h"

/* The least the charts take while the table is shown: a chart's title,
 * legend (two rows in a narrow chart) and axes, and a plot of at least
 * 90 px, for the charts side by side in a row. */
#define CHARTS_BESIDE_TABLE_HEIGHT 256
/* Asked for "Show Time and Memory": two rows of charts, each with a plot
 * of some 90 px at the least. */
#define CHARTS_IN_TWO_ROWS_HEIGHT  (2 * 212 + 12)
/* During a run, the charts that draw new data in one frame. */
#define LIVE_CHARTS_PER_FRAME 2

struct _LlChartBoard
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkWidget    *reset_button;
  GtkWidget    *more_charts_button;
  GtkWidget    *more_charts_label;
  GtkWidget    *compare_status;
  GtkWidget    *compare_label;
  LlRunsLegend *legend;
  GtkPaned     *paned;
  LlChartGrid  *grid;
  GtkWidget    *tables;
  LlEventTable *table;
  LlComparisonTable *comparison;

  LlChartAxes  *axes;
  const LlHistoryView *history;   /* the window's, shown in the table when it is */
  LlChartView  *views[LL_N_CHARTS];
  GtkWidget    *alone_buttons[LL_N_CHARTS];
  char         *visible_chart;
  gboolean      show_table;
  gboolean      two_rows;         /* room asked for every chart */
  int           focus_when_shown; /* the chart to focus once on screen, or -1 */
  guint         reveal_tick_id;   /* scrolls the table into view once laid out */
  guint         reveal_ticks;
  guint         live_turn;   /* the chart that draws first at the next live update */
};

enum {
  PROP_0,
  PROP_VISIBLE_CHART,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LlChartBoard, ll_chart_board, GTK_TYPE_WIDGET)

/* Showing charts ------------------------------------------------------------ */

static int
alone_index (const char *name)
{
  LlChartKind kind;

  if (name == NULL || g_str_equal (name, "all") || !ll_chart_kind_from_name (name, &kind))
    return -1;
  return (int) kind;
}

static void
update_alone_buttons (LlChartBoard *self)
{
  gboolean alone = alone_index (self->visible_chart) >= 0;

  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      GtkWidget *button = self->alone_buttons[k];

      gtk_button_set_icon_name (GTK_BUTTON (button),
                                alone ? "view-restore-symbolic" : "view-fullscreen-symbolic");
      gtk_widget_set_tooltip_text (button, alone ? _("Show All Charts") : _("Show Only This Chart"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                        alone ? "all" : ll_chart_kind_get_name (k));
    }
}

/* Beside the table the charts keep a readable plot; a short window
 * scrolls rather than squeeze it to a line. Asked to, the charts take
 * two rows, every one of them shown. */
static void
update_grid_height (LlChartBoard *self)
{
  int height = self->show_table ? CHARTS_BESIDE_TABLE_HEIGHT : -1;

  if (self->two_rows)
    height = CHARTS_IN_TWO_ROWS_HEIGHT;
  gtk_widget_set_size_request (GTK_WIDGET (self->grid), -1, height);
}

/* The charts as the switcher names them, in the order of LlChartKind. */
static const char * const switcher_names[LL_N_CHARTS] = {
  N_("Capacity"),
  N_("Growth"),
  N_("Time"),
  N_("Memory"),
};

/* Every chart asked for, and some left out for want of room that two rows
 * of charts would give: a button names them and makes that room. */
static void
update_more_charts_button (LlChartBoard *self)
{
  const char *hidden[LL_N_CHARTS + 1] = { NULL };
  g_autofree char *names = NULL;
  g_autofree char *label = NULL;
  guint n = 0;

  for (guint k = 0; k < LL_N_CHARTS; k++)
    if (!ll_chart_grid_shows (self->grid, k))
      hidden[n++] = _(switcher_names[k]);

  if (n == 0 || n == LL_N_CHARTS || alone_index (self->visible_chart) >= 0 || self->two_rows ||
      !ll_chart_grid_fits_all (self->grid, CHARTS_IN_TWO_ROWS_HEIGHT))
    {
      gtk_widget_set_visible (self->more_charts_button, FALSE);
      return;
    }
  /* Shown: "+ Time, Memory"; said: "Show Time and Memory". */
  /* Translators: between the names of charts on a button, "Time, Memory" */
  names = g_strjoinv (_(", "), (char **) hidden);
  if (n == 1)
    /* Translators: a button that makes room for the chart named, left out
     * for want of room (the names are the chart switcher's) */
    label = g_strdup_printf (_("Show %s"), hidden[0]);
  else if (n == 2)
    /* Translators: as "Show %s", for two charts: "Show Time and Memory" */
    label = g_strdup_printf (_("Show %s and %s"), hidden[0], hidden[1]);
  else
    /* Translators: as "Show %s", for three charts */
    label = g_strdup_printf (_("Show %s, %s and %s"), hidden[0], hidden[1], hidden[2]);
  gtk_label_set_label (GTK_LABEL (self->more_charts_label), names);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_charts_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (self->more_charts_button, TRUE);
}

static void
on_arranged (LlChartBoard *self)
{
  update_more_charts_button (self);
  if (self->focus_when_shown >= 0 && ll_chart_grid_shows (self->grid, (guint) self->focus_when_shown))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->views[self->focus_when_shown]));
      self->focus_when_shown = -1;
    }
}

/* The charts take two rows, with every one of them on screen; the focus
 * goes on to the first that comes into view. */
static void
on_more_charts_clicked (LlChartBoard *self)
{
  for (guint k = 0; k < LL_N_CHARTS && self->focus_when_shown < 0; k++)
    if (!ll_chart_grid_shows (self->grid, k))
      self->focus_when_shown = (int) k;
  self->two_rows = TRUE;
  update_grid_height (self);
  update_more_charts_button (self);
}

void
ll_chart_board_set_visible_chart (LlChartBoard *self,
                                  const char   *name)
{
  g_return_if_fail (LL_IS_CHART_BOARD (self));

  if (name == NULL || (alone_index (name) < 0 && !g_str_equal (name, "all")))
    name = "all";
  if (g_strcmp0 (self->visible_chart, name) == 0)
    return;

  g_free (self->visible_chart);
  self->visible_chart = g_strdup (name);
  ll_chart_grid_set_alone (self->grid, alone_index (name));
  update_alone_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_CHART]);
}

const char *
ll_chart_board_get_visible_chart (LlChartBoard *self)
{
  g_return_val_if_fail (LL_IS_CHART_BOARD (self), "all");

  return self->visible_chart;
}

LlChartKind
ll_chart_board_get_current_kind (LlChartBoard *self)
{
  int alone;

  g_return_val_if_fail (LL_IS_CHART_BOARD (self), LL_CHART_CAPACITY);

  alone = alone_index (self->visible_chart);
  if (alone >= 0)
    return (LlChartKind) alone;
  for (guint k = 0; k < LL_N_CHARTS; k++)
    if (gtk_widget_has_focus (GTK_WIDGET (self->views[k])) &&
        gtk_widget_is_drawable (GTK_WIDGET (self->views[k])))
      return (LlChartKind) k;
  /* A grid too small for all of them shows the one last shown alone
   * (with its neighbour, where they fit). */
  if (!ll_chart_grid_shows_all (self->grid))
    return (LlChartKind) ll_chart_grid_get_single (self->grid);
  return LL_CHART_CAPACITY;
}

/* Enter on a chart: alone, or back with the others. */
static void
on_view_activate (LlChartView  *view,
                  LlChartBoard *self)
{
  LlChartKind kind = ll_chart_view_get_kind (view);

  ll_chart_board_set_visible_chart (self, alone_index (self->visible_chart) >= 0
                                          ? "all" : ll_chart_kind_get_name (kind));
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

/* A hidden table follows the run only when asked about a row: its rows
 * cost every frame they change. */
static void
feed_table (LlChartBoard *self)
{
  ll_event_table_set_view (self->table, self->history);
}

/* Scrolls the page that holds the board, once it is laid out with the
 * table, so that the table's marked row is in view, or else its first
 * rows; under the charts when they fit: in a short window the table is
 * below the fold. */
static gboolean
reveal_table (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  LlChartBoard *self = LL_CHART_BOARD (widget);
  GtkWidget *table = GTK_WIDGET (self->table);
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  const double first_rows = 120.0;  /* the header and a few rows */
  GtkWidget *viewport;
  GtkAdjustment *adjustment;
  graphene_rect_t board, want;
  double page, shift;

  /* Hidden again meanwhile, never laid out (the window minimized), or on
   * no page: nothing to reveal, and no frame to keep asking for. */
  if (scroller == NULL || !gtk_widget_get_visible (table) || !gtk_widget_get_mapped (table))
    {
      self->reveal_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  page = gtk_adjustment_get_page_size (adjustment);
  /* (bounds in the viewport are where they are shown, scrolled; a table
   * shown again keeps its old place until a frame has laid it out) */
  if (++self->reveal_ticks < 2 || gtk_widget_get_height (table) == 0 ||
      !gtk_widget_compute_bounds (widget, viewport, &board) ||
      !gtk_widget_compute_bounds (table, viewport, &want))
    return G_SOURCE_CONTINUE;
  self->reveal_tick_id = 0;

  if (ll_event_table_get_selected_area (self->table, viewport, &want))
    /* the least scroll that shows the row */
    shift = want.origin.y < 0 ? want.origin.y : want.origin.y + want.size.height - page;
  else
    {
      /* the table at the top */
      want.size.height = MIN (want.size.height, first_rows);
      shift = want.origin.y;
    }
  if (want.origin.y >= 0 && want.origin.y + want.size.height <= page)
    return G_SOURCE_REMOVE;
  if (want.origin.y + want.size.height - board.origin.y <= page)
    shift = board.origin.y;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + shift);
  return G_SOURCE_REMOVE;
}

static void
reveal_when_laid_out (LlChartBoard *self)
{
  self->reveal_ticks = 0;
  if (self->reveal_tick_id == 0)
    self->reveal_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_table, NULL, NULL);
}

/* Shown, the table comes into view (and its marked row). */
static void
set_show_table (LlChartBoard *self,
                gboolean      show)
{
  show = !!show;
  if (self->show_table == show)
    return;
  self->show_table = show;
  if (show)
    feed_table (self);
  /* (the room asked for every chart goes with the table: hiding and
   * showing it again gives back the row of two beside it) */
  else
    self->two_rows = FALSE;
  gtk_widget_set_visible (self->tables, show);
  update_grid_height (self);
  if (show && gtk_widget_get_mapped (GTK_WIDGET (self)))
    reveal_when_laid_out (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

void
ll_chart_board_reveal_table (LlChartBoard *self)
{
  g_return_if_fail (LL_IS_CHART_BOARD (self));

  set_show_table (self, TRUE);
  reveal_when_laid_out (self);
}

/* The table and the marks ------------------------------------------------- */

static void
on_event_selected (LlChartBoard *self)
{
  const LlEvent *event = ll_event_table_get_selected_event (self->table);

  for (guint k = 0; k < LL_N_CHARTS; k++)
    ll_chart_view_set_mark (self->views[k], event);
}

static void
on_event_activated (LlChartView  *view,
                    guint64       number,
                    LlChartBoard *self)
{
  feed_table (self);
  ll_event_table_select_number (self->table, number);
}

/* Space on a chart's keyboard cursor: its row, in the table shown. */
static void
on_show_event (LlChartView  *view,
               guint64       number,
               LlChartBoard *self)
{
  /* The row first: the page then scrolls to where it is (shown already,
   * the table still comes into view). */
  set_show_table (self, TRUE);
  on_event_activated (view, number, self);
  reveal_when_laid_out (self);
}

static void
on_zoomed (LlChartBoard *self)
{
  gtk_widget_set_visible (self->reset_button, ll_chart_axes_get_zoomed (self->axes));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.reset-zoom",
                                 ll_chart_axes_get_zoomed (self->axes));
}

static void
reset_zoom_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ll_chart_axes_reset (LL_CHART_BOARD (widget)->axes);
}

/* Object ---------------------------------------------------------------------- */

static void
ll_chart_board_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LlChartBoard *self = LL_CHART_BOARD (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_CHART:
      g_value_set_string (value, self->visible_chart);
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_chart_board_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LlChartBoard *self = LL_CHART_BOARD (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_CHART:
      ll_chart_board_set_visible_chart (self, g_value_get_string (value));
      break;
    case PROP_SHOW_TABLE:
      set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}


static void
ll_chart_board_dispose (GObject *object)
{
  LlChartBoard *self = LL_CHART_BOARD (object);

  if (self->reveal_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
  self->reveal_tick_id = 0;
  if (self->axes != NULL)
    g_signal_handlers_disconnect_by_data (self->axes, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_CHART_BOARD);
  g_clear_object (&self->axes);

  G_OBJECT_CLASS (ll_chart_board_parent_class)->dispose (object);
}

static void
ll_chart_board_finalize (GObject *object)
{
  LlChartBoard *self = LL_CHART_BOARD (object);

  g_free (self->visible_chart);

  G_OBJECT_CLASS (ll_chart_board_parent_class)->finalize (object);
}

static void
add_shortcuts (LlChartBoard *self)
{
  static const struct { guint key; const char *target; } charts[] = {
    { GDK_KEY_1, "all" }, { GDK_KEY_2, "capacity" }, { GDK_KEY_3, "growth" },
    { GDK_KEY_4, "time" }, { GDK_KEY_5, "memory" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Anywhere in the window, not only with the focus on the charts. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (charts[i].key, GDK_ALT_MASK),
                                       gtk_named_action_new ("charts.show"),
                                       "s", charts[i].target));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_t, GDK_CONTROL_MASK),
                      gtk_named_action_new ("charts.show-table")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
ll_chart_board_class_init (LlChartBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_chart_board_dispose;
  object_class->finalize = ll_chart_board_finalize;
  object_class->get_property = ll_chart_board_get_property;
  object_class->set_property = ll_chart_board_set_property;

  properties[PROP_VISIBLE_CHART] =
    g_param_spec_string ("visible-chart", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LL_TYPE_CHART_GRID);
  g_type_ensure (LL_TYPE_EVENT_TABLE);
  g_type_ensure (LL_TYPE_COMPARISON_TABLE);
  g_type_ensure (LL_TYPE_RUNS_LEGEND);
  g_type_ensure (LL_TYPE_FIT_BIN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/listlab/ListLab/ll-chart-board.ui");
  gtk_widget_class_bind_template_child (widget_class, LlChartBoard, box);
  gtk_widget_class_bind_template_child (widget_class, LlChartBoard, reset_button);
  gtk_widget_class_bind_template_child (widget_class, LlChartBoard, more_charts_button);
  gtk_widget_class_bind_template_child (widget_class, LlChartBoard, more_charts_label);
  gtk_widget_class_bind_template_callback (widget_class, on_more_charts_clicked);
  gtk_widget_class_bind_template_child (widget_class, LlChartBoard, compare_status);
  gtk_widget_class_bind_template_child (widget_class, LlChartBoard, compare_label);
  gtk_widget_class_bind_template_child (widget_class, LlChartBoard, legend);
  gtk_widget_class_bind_template_child (widget_class, LlChartBoard, paned);
  gtk_widget_class_bind_template_child (widget_class, LlChartBoard, grid);
  gtk_widget_class_bind_template_child (widget_class, LlChartBoard, tables);
  gtk_widget_class_bind_template_child (widget_class, LlChartBoard, table);
  gtk_widget_class_bind_template_child (widget_class, LlChartBoard, comparison);

  gtk_widget_class_install_property_action (widget_class, "charts.show", "visible-chart");
  gtk_widget_class_install_property_action (widget_class, "charts.show-table", "show-table");
  gtk_widget_class_install_action (widget_class, "charts.reset-zoom", NULL, reset_zoom_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chartboard");
}

static GtkWidget *
build_card (LlChartBoard *self,
            LlChartKind   kind)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *card = adw_bin_new ();
  GtkWidget *view = ll_chart_view_new (kind);
  GtkWidget *button = gtk_button_new ();

  self->views[kind] = LL_CHART_VIEW (view);
  ll_chart_view_set_axes (LL_CHART_VIEW (view), self->axes);
  ll_chart_view_set_draw_title (LL_CHART_VIEW (view), TRUE);
  /* The button that shows the chart alone sits at the end of that row. */
  ll_chart_view_set_title_inset (LL_CHART_VIEW (view), 36);
  /* Over several runs, the legend above the charts names them once. */
  ll_chart_view_set_runs_named_apart (LL_CHART_VIEW (view), TRUE);
  g_signal_connect (view, "activate", G_CALLBACK (on_view_activate), self);
  g_signal_connect (view, "event-activated", G_CALLBACK (on_event_activated), self);
  g_signal_connect (view, "show-event", G_CALLBACK (on_show_event), self);
  /* The table is the chart's text: every reallocation, exactly. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_DETAILS, self->table, NULL,
                                  -1);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "chart-card");
  adw_bin_set_child (ADW_BIN (card), view);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), card);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "chart-alone");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_end (button, 6);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "charts.show");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ll_chart_kind_get_title (kind),
                                  -1);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), button);
  self->alone_buttons[kind] = button;

  return overlay;
}

static void
ll_chart_board_init (LlChartBoard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->visible_chart = g_strdup ("all");
  self->focus_when_shown = -1;
  self->axes = ll_chart_axes_new ();
  g_signal_connect_swapped (self->axes, "notify::zoomed", G_CALLBACK (on_zoomed), self);
  /* The scales are the axes' own: their actions act on them. */
  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
    g_autoptr(GAction) log_length = G_ACTION (g_property_action_new ("log-length", self->axes, "log-length"));
    g_autoptr(GAction) log_y = G_ACTION (g_property_action_new ("log-y", self->axes, "log-y"));

    g_action_map_add_action (G_ACTION_MAP (group), log_length);
    g_action_map_add_action (G_ACTION_MAP (group), log_y);
    gtk_widget_insert_action_group (GTK_WIDGET (self), "axes", G_ACTION_GROUP (group));
  }

  for (guint k = 0; k < LL_N_CHARTS; k++)
    ll_chart_grid_append (self->grid, build_card (self, k));
  ll_runs_legend_set_source (self->legend, self->views[0]);
  update_alone_buttons (self);

  g_signal_connect_swapped (self->table, "event-selected", G_CALLBACK (on_event_selected), self);
  g_signal_connect_swapped (self->grid, "arranged", G_CALLBACK (on_arranged), self);
  add_shortcuts (self);
  on_zoomed (self);
}

GtkWidget *
ll_chart_board_new (void)
{
  return g_object_new (LL_TYPE_CHART_BOARD, NULL);
}

LlChartView *
ll_chart_board_get_view (LlChartBoard *self,
                         LlChartKind   kind)
{
  g_return_val_if_fail (LL_IS_CHART_BOARD (self), NULL);
  g_return_val_if_fail (kind < LL_N_CHARTS, NULL);

  return self->views[kind];
}

gboolean
ll_chart_board_get_chart_bounds (LlChartBoard    *self,
                                 guint            kind,
                                 GtkWidget       *target,
                                 graphene_rect_t *bounds)
{
  gboolean found = FALSE;

  g_return_val_if_fail (LL_IS_CHART_BOARD (self), FALSE);
  g_return_val_if_fail (kind <= LL_N_CHARTS, FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      GtkWidget *view = GTK_WIDGET (self->views[k]);
      graphene_rect_t one;

      if ((kind < LL_N_CHARTS && k != kind) || !gtk_widget_get_mapped (view) ||
          !gtk_widget_compute_bounds (view, target, &one))
        continue;
      if (found)
        graphene_rect_union (bounds, &one, bounds);
      else
        *bounds = one;
      found = TRUE;
    }
  return found;
}

LlChartAxes *
ll_chart_board_get_axes (LlChartBoard *self)
{
  g_return_val_if_fail (LL_IS_CHART_BOARD (self), NULL);

  return self->axes;
}

LlComparisonTable *
ll_chart_board_get_comparison (LlChartBoard *self)
{
  g_return_val_if_fail (LL_IS_CHART_BOARD (self), NULL);

  return self->comparison;
}

LlEventTable *
ll_chart_board_get_table (LlChartBoard *self)
{
  g_return_val_if_fail (LL_IS_CHART_BOARD (self), NULL);

  return self->table;
}

void
ll_chart_board_set_data (LlChartBoard      *self,
                         const LlChartData *data)
{
  g_return_if_fail (LL_IS_CHART_BOARD (self));

  ll_runs_legend_set_data (self->legend, data);
  for (guint k = 0; k < LL_N_CHARTS; k++)
    ll_chart_view_set_data (self->views[k], data);
}

void
ll_chart_board_set_data_later (LlChartBoard      *self,
                               const LlChartData *data)
{
  g_return_if_fail (LL_IS_CHART_BOARD (self));

  ll_runs_legend_set_data (self->legend, data);
  for (guint k = 0; k < LL_N_CHARTS; k++)
    ll_chart_view_set_data_later (self->views[k], data);
}

void
ll_chart_board_set_live_data (LlChartBoard      *self,
                              const LlChartData *data)
{
  g_return_if_fail (LL_IS_CHART_BOARD (self));

  ll_chart_board_set_data_later (self, data);
  ll_chart_board_catch_up (self);
}

void
ll_chart_board_catch_up (LlChartBoard *self)
{
  guint drawn = 0;

  g_return_if_fail (LL_IS_CHART_BOARD (self));

  /* A chart not on screen draws once it is shown. */
  for (guint i = 0; i < LL_N_CHARTS && drawn < LIVE_CHARTS_PER_FRAME; i++)
    {
      guint k = (self->live_turn + i) % LL_N_CHARTS;

      if (gtk_widget_is_drawable (GTK_WIDGET (self->views[k])) &&
          ll_chart_view_catch_up (self->views[k]))
        {
          drawn++;
          self->live_turn = (k + 1) % LL_N_CHARTS;
        }
    }
}

void
ll_chart_board_set_history (LlChartBoard        *self,
                            const LlHistoryView *view)
{
  g_return_if_fail (LL_IS_CHART_BOARD (self));

  self->history = view;
  /* Shown, or holding a selected row (its mark stays right): it follows. */
  if (self->show_table || view == NULL || ll_event_table_get_selected_event (self->table) != NULL)
    feed_table (self);
}

void
ll_chart_board_set_units (LlChartBoard *self,
                          LlUnits       units)
{
  g_return_if_fail (LL_IS_CHART_BOARD (self));

  for (guint k = 0; k < LL_N_CHARTS; k++)
    ll_chart_view_set_units (self->views[k], units);
  ll_event_table_set_units (self->table, units);
  ll_comparison_table_set_units (self->comparison, units);
}

void
ll_chart_board_set_memory_context (LlChartBoard *self,
                                   guint64       reserve_bytes,
                                   guint64       total_bytes)
{
  g_return_if_fail (LL_IS_CHART_BOARD (self));

  ll_chart_view_set_memory_context (self->views[LL_CHART_MEMORY], reserve_bytes, total_bytes);
}

void
ll_chart_board_set_next_growth (LlChartBoard *self,
                                guint64       bytes)
{
  g_return_if_fail (LL_IS_CHART_BOARD (self));

  ll_chart_view_set_next_growth (self->views[LL_CHART_MEMORY], bytes);
}

void
ll_chart_board_set_compare_progress (LlChartBoard *self,
                                     double        fraction,
                                     gboolean      interpreter)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LL_IS_CHART_BOARD (self));

  gtk_widget_set_visible (self->compare_status, fraction >= 0);
  if (fraction < 0)
    return;
  if (interpreter)
    /* TRANSLATORS: the experiment running in the real interpreter, "Running Python… 35 %" */
    text = g_strdup_printf (_("Running Python… %.0f %%"), floor (CLAMP (fraction, 0.0, 1.0) * 100.0));
  else
    /* TRANSLATORS: a comparison being computed, "Simulating… 35 %" */
    text = g_strdup_printf (_("Simulating… %.0f %%"), floor (CLAMP (fraction, 0.0, 1.0) * 100.0));
  gtk_label_set_label (GTK_LABEL (self->compare_label), text);
}
