/* ll-chart-view-cursor.c — a chart view's keyboard cursor and what screen readers hear of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ll-chart-view-private.h"

/* The keyboard cursor ------------------------------------------------------ */

static guint64
n_points (LlChartView *self,
          gsize        series)
{
  return ll_chart_get_n_points (self->kind, ll_chart_view_get_data (self), series);
}

static double
point_x (LlChartView *self,
         gsize        series,
         guint64      point)
{
  return ll_chart_get_point_x (self->kind, ll_chart_view_get_data (self), series, point);
}

/* The point of the cursor's run nearest to where the cursor is kept. */
gboolean
_ll_chart_view_get_cursor_point (LlChartView *self,
                                 guint64     *point)
{
  guint64 n, p;

  if (!self->cursor_placed)
    return FALSE;
  n = n_points (self, self->cursor_series);
  if (n == 0)
    return FALSE;

  p = ll_chart_find_point (self->kind, ll_chart_view_get_data (self), self->cursor_series, self->cursor_x, FALSE);
  if (p == n ||
      (p > 0 && self->cursor_x - point_x (self, self->cursor_series, p - 1) <
                point_x (self, self->cursor_series, p) - self->cursor_x))
    p--;
  *point = p;
  return TRUE;
}

/* The points of @series the plot shows now: [*first, *last]. FALSE when
 * it shows none (zoomed between two): then *first is the nearest point
 * past the view, *last the nearest before it, or the last point where the
 * view is past them all. */
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
      const LlChartData *data = ll_chart_view_get_data (self);

      a = ll_chart_find_point (self->kind, data, series, current.from, FALSE);
      b = ll_chart_find_point (self->kind, data, series, current.to, TRUE);
    }
  if (b <= a)
    {
      *first = MIN (a, n - 1);
      *last = a > 0 ? MIN (a, n) - 1 : 0;
      return FALSE;
    }
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
  LlChartViewGeometry g;

  ll_chart_axes_get_range (self->axes, self->kind, &current);
  if (ll_chart_range_is_empty (&current) || (x >= current.from && x <= current.to) ||
      !_ll_chart_view_get_geometry (self, &g))
    return;

  a = to_axis (current.from, g.log);
  b = to_axis (current.to, g.log);
  p = to_axis (x, g.log);
  shift = p > b ? p - b + (b - a) * 0.1 : p - a - (b - a) * 0.1;
  ll_chart_range_clamp (from_axis (a + shift, g.log), from_axis (b + shift, g.log),
                        &g.extent, 0.0, &r);
  _ll_chart_view_show_range (self, &r);
}

static gboolean
has_points (LlChartView *self,
            gsize        series)
{
  return series < ll_chart_view_get_data (self)->n_series && n_points (self, series) > 0;
}

static gboolean
move_cursor (LlChartView *self,
             CursorMove   move,
             int          direction)
{
  const LlChartData *data = ll_chart_view_get_data (self);
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
  /* (zoomed where there is no point: the keys go on from the view's
   * edges, Right to the next point past it, Left to the one before) */
  visible_points (self, self->cursor_series, &first, &last);
  /* Shown again after the pointer or the focus went elsewhere: where it
   * was, if that is in view. */
  if (resume && _ll_chart_view_get_cursor_point (self, &point) && (point < first || point > last))
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
      if (!_ll_chart_view_get_cursor_point (self, &point))
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

      _ll_chart_view_get_cursor_point (self, &point);
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
  _ll_chart_view_refresh_description (self);
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

  if (!self->cursor_shown || !_ll_chart_view_get_cursor_point (self, &point))
    return FALSE;

  ll_chart_view_get_options (self, &options);
  ll_chart_pick_point (self->kind, ll_chart_view_get_data (self), &options,
                       MAX (gtk_widget_get_width (widget), 1), MAX (gtk_widget_get_height (widget), 1),
                       self->cursor_series, point, &readout);
  /* The table lists the first run's reallocations. */
  if (readout.found && readout.event_number > 0 && readout.series == 0)
    g_signal_emit (self, _ll_chart_view_signals[SHOW_EVENT], 0, readout.event_number);
  ll_chart_readout_clear (&readout);
  return TRUE;
}

/* A zoom or pan that leaves the cursor out of view brings it along. */
void
_ll_chart_view_axes_changed (LlChartView *self)
{
  guint64 point, first, last;

  _ll_chart_view_invalidate (self);
  if (!self->cursor_shown || !_ll_chart_view_get_cursor_point (self, &point) ||
      !visible_points (self, self->cursor_series, &first, &last) ||
      (point >= first && point <= last))
    return;

  self->cursor_x = point_x (self, self->cursor_series, point < first ? first : last);
  _ll_chart_view_refresh_description (self);
}

static void
hide_cursor (LlChartView *self)
{
  if (!self->cursor_shown)
    return;
  self->cursor_shown = FALSE;
  self->readout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _ll_chart_view_refresh_description (self);
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
  _ll_chart_view_refresh_description (self);
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

  if (!_ll_chart_view_get_cursor_point (self, &point))
    return NULL;

  ll_chart_view_get_options (self, &options);
  ll_chart_pick_point (self->kind, ll_chart_view_get_data (self), &options,
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
  return ll_chart_describe (self->kind, ll_chart_view_get_data (self), &options);
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
void
_ll_chart_view_refresh_description (LlChartView *self)
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
    _ll_chart_view_refresh_description (self);
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
void
_ll_chart_view_queue_summary (LlChartView *self)
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

void
_ll_chart_view_class_init_cursor (GtkWidgetClass *widget_class)
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
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, show_event_key, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Space, 0, show_event_key, NULL);
}

void
_ll_chart_view_init_cursor (LlChartView *self)
{
  GtkEventController *focus;

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}
