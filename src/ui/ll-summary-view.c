/* ll-summary-view.c — the live figures of a run and its progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ll-summary-view.h"
#include "ll-figure-box.h"
#include "ll-text-row.h"
#include "ll-ui-util.h"

/* Figures and progress change many times a second: screen readers hear
 * them brought up to date at most this often during a run. */
#define ACCESSIBLE_INTERVAL_US G_TIME_SPAN_SECOND

typedef struct
{
  LlFigureBox *box;
  char        *name;         /* as screen readers have it */
  char        *description;
} Figure;

struct _LlSummaryView
{
  AdwBin          parent_instance;

  /* Before a run, the idle child; with one, its progress and the next
   * growth: one height for both, so that nothing below moves. */
  GtkStack       *status_stack;
  GtkWidget      *idle_child;
  GtkWidget      *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel       *progress_label;
  GtkLabel       *forecast_label;
  gboolean        forecast_said;    /* the label says a forecast, not blank */
  GtkFlowBox     *flow;
  GtkWidget      *expand_button;
  GtkWidget      *children[LL_N_FIGURES];
  Figure          figures[LL_N_FIGURES];
  gboolean        expanded;
  gint64          accessible_us;  /* when screen readers were last told */
};

enum {
  PROP_0,
  PROP_EXPANDED,
  PROP_IDLE_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LlSummaryView, ll_summary_view, ADW_TYPE_BIN)

/* What a newcomer reads first: the rest is one click away. */
static const gboolean main_figure[LL_N_FIGURES] = {
  [LL_FIGURE_LENGTH] = TRUE,
  [LL_FIGURE_CAPACITY] = TRUE,
  [LL_FIGURE_CONTAINER] = TRUE,
  [LL_FIGURE_REALLOCATIONS] = TRUE,
  [LL_FIGURE_FREE_NOW] = TRUE,
};

static const char * const captions[LL_N_FIGURES] = {
  N_("Length"),
  N_("Capacity"),
  N_("Container"),
  N_("Objects"),
  N_("Slack"),
  N_("Reallocations"),
  N_("Moved"),
  N_("Slowest Realloc"),
  N_("Elapsed"),
  N_("Appends/s"),
  N_("Free Memory"),
  N_("Free at Start"),
};

static const char * const tooltips[LL_N_FIGURES] = {
  N_("Elements in the list"),
  N_("Slots allocated: the length the list can reach before it grows again"),
  N_("The list object itself, as sys.getsizeof counts it: a 56-byte header plus the slots"),
  N_("The element objects the slots point to"),
  N_("Slots allocated but not used yet: capacity minus length"),
  N_("How many times the list grew its block"),
  N_("Reallocations whose block moved to a new address"),
  N_("The longest single reallocation"),
  N_("Time since the run started"),
  N_("Elements appended per second: recently while running, on average after"),
  N_("MemAvailable: what the system can still hand out without swapping"),
  N_("MemAvailable when the run started"),
};

static void
set_figure (LlSummaryView  *self,
            LlFigure    figure,
            const char *value,
            const char *detail)
{
  ll_figure_box_set (self->figures[figure].box, value, detail);
}

/* Brings what screen readers hear of each figure on screen, and of the
 * progress, up to date: "Length: 132 M", described by "132,119,957
 * elements — Elements in the list". */
static void
tell_figures (LlSummaryView *self)
{
  self->accessible_us = g_get_monotonic_time ();

  for (guint i = 0; i < LL_N_FIGURES; i++)
    {
      Figure *f = &self->figures[i];
      const char *detail = ll_figure_box_get_detail (f->box);
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;

      if (!gtk_widget_get_visible (self->children[i]))
        continue;

      /* Translators: a figure for screen readers, its caption and its value,
       * e.g. "Length: 132 M" */
      name = g_strdup_printf (_("%s: %s"), _(captions[i]), ll_figure_box_get_value (f->box));
      if (*detail != '\0')
        /* Translators: a figure's exact value, then what the figure is, e.g.
         * "132,119,957 elements — Elements in the list" */
        description = g_strdup_printf (_("%s — %s"), detail, _(tooltips[i]));
      else
        description = g_strdup (_(tooltips[i]));

      if (g_strcmp0 (name, f->name) != 0)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->children[i]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_free (f->name);
          f->name = g_steal_pointer (&name);
        }
      if (g_strcmp0 (description, f->description) != 0)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->children[i]),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
          g_free (f->description);
          f->description = g_steal_pointer (&description);
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                  gtk_label_get_label (self->progress_label),
                                  -1);
}

/* After a run: the slots still free (@room), then where the list would
 * grow (@at), to how many @slots, and the memory it would @need. */
static char *
growth_after_text (guint64     room,
                   const char *at,
                   const char *slots,
                   const char *need)
{
  g_autofree char *free_slots = NULL;

  if (room == 0)
    /* TRANSLATORS: after a run, with no slot free: where the list would
     * grow, to how many slots, and the memory it would take */
    return g_strdup_printf (_("Full: at %s elements, the list would grow to %s slots: %s more"),
                            at, slots, need);

  free_slots = ll_format_count_exact (room);
  /* TRANSLATORS: after a run: the slots still free, then where the
   * list would grow, to how many slots, and the memory it would take */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Room for %s more element; at %s, the list would grow to %s slots: %s more",
                                       "Room for %s more elements; at %s, the list would grow to %s slots: %s more",
                                       room),
                          free_slots, at, slots, need);
}

/* A label in the same style as the next growth's line, that says @text
 * (taken) and is measured, never shown. */
static GtkWidget *
create_forecast_sizer (char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  g_free (text);
  return label;
}

/* The widest value a figure shows in an ordinary run, in its own format:
 * "1000.00 MiB", "88.8 M" elements, "888,888" reallocations (those of a
 * constant step run to hundreds of thousands), "59 min 58 s" since the
 * start. */
static char *
widest_value (LlFigure figure)
{
  switch (figure)
    {
    case LL_FIGURE_LENGTH:
    case LL_FIGURE_CAPACITY:
      return ll_format_count (88800000);
    case LL_FIGURE_CONTAINER:
    case LL_FIGURE_OBJECTS:
    case LL_FIGURE_SLACK:
    case LL_FIGURE_FREE_NOW:
    case LL_FIGURE_FREE_START:
      return ll_format_bytes (LL_UI_WIDEST_BYTES, LL_UNITS_IEC);
    case LL_FIGURE_REALLOCATIONS:
    case LL_FIGURE_MOVED:
      return ll_format_count_exact (888888);
    case LL_FIGURE_SLOWEST:
      return ll_format_duration (88800000);
    case LL_FIGURE_ELAPSED:
      return ll_format_duration (LL_UI_WIDEST_ELAPSED_NS);
    case LL_FIGURE_RATE:
      {
        g_autofree char *count = ll_format_count (88800000);

        return g_strdup_printf (_("%s/s"), count);
      }
    case LL_N_FIGURES:
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
create_figure (LlSummaryView *self,
               LlFigure       figure)
{
  g_autofree char *widest = widest_value (figure);
  GtkWidget *box = ll_figure_box_new (_(captions[figure]), widest);

  gtk_widget_set_tooltip_text (box, _(tooltips[figure]));
  /* Screen readers hear the figure as one item (see tell_figures ()), not
   * three labels that change with every frame. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  self->figures[figure].box = LL_FIGURE_BOX (box);

  return box;
}

static void
apply_expanded (LlSummaryView *self)
{
  for (guint i = 0; i < LL_N_FIGURES; i++)
    gtk_widget_set_visible (self->children[i], self->expanded || main_figure[i]);
  /* The main figures in one row, each as wide as it needs; two a row at
   * the least, so that a narrow window keeps its sidebar beside them. */
  gtk_flow_box_set_homogeneous (self->flow, self->expanded);
  gtk_flow_box_set_max_children_per_line (self->flow, self->expanded ? 4 : 5);
  gtk_flow_box_set_min_children_per_line (self->flow, 2);
  gtk_button_set_icon_name (GTK_BUTTON (self->expand_button),
                            self->expanded ? "pan-up-symbolic" : "pan-down-symbolic");
  gtk_widget_set_tooltip_text (self->expand_button,
                               self->expanded ? _("Show the Main Figures Only") : _("Show All Figures"));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->expand_button),
                               GTK_ACCESSIBLE_STATE_EXPANDED, self->expanded, -1);
  tell_figures (self);
}

static void
toggle_expanded (LlSummaryView *self)
{
  ll_summary_view_set_expanded (self, !self->expanded);
}

gboolean
ll_summary_view_get_expanded (LlSummaryView *self)
{
  g_return_val_if_fail (LL_IS_SUMMARY_VIEW (self), FALSE);

  return self->expanded;
}

void
ll_summary_view_set_expanded (LlSummaryView *self,
                              gboolean       expanded)
{
  g_return_if_fail (LL_IS_SUMMARY_VIEW (self));

  expanded = !!expanded;
  if (self->expanded == expanded)
    return;
  self->expanded = expanded;
  apply_expanded (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

gboolean
ll_summary_view_shows (LlSummaryView *self,
                       LlFigure       figure)
{
  g_return_val_if_fail (LL_IS_SUMMARY_VIEW (self), FALSE);
  g_return_val_if_fail (figure < LL_N_FIGURES, FALSE);

  return self->expanded || main_figure[figure];
}

static void
ll_summary_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_EXPANDED:
      g_value_set_boolean (value, LL_SUMMARY_VIEW (object)->expanded);
      break;
    case PROP_IDLE_CHILD:
      g_value_set_object (value, LL_SUMMARY_VIEW (object)->idle_child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_summary_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_EXPANDED:
      ll_summary_view_set_expanded (LL_SUMMARY_VIEW (object), g_value_get_boolean (value));
      break;
    case PROP_IDLE_CHILD:
      ll_summary_view_set_idle_child (LL_SUMMARY_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_summary_view_finalize (GObject *object)
{
  LlSummaryView *self = LL_SUMMARY_VIEW (object);

  for (guint i = 0; i < LL_N_FIGURES; i++)
    {
      g_free (self->figures[i].name);
      g_free (self->figures[i].description);
    }

  G_OBJECT_CLASS (ll_summary_view_parent_class)->finalize (object);
}

static void
ll_summary_view_class_init (LlSummaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ll_summary_view_finalize;
  object_class->get_property = ll_summary_view_get_property;
  object_class->set_property = ll_summary_view_set_property;

  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDLE_CHILD] =
    g_param_spec_object ("idle-child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "summary");
}

static void
ll_summary_view_init (LlSummaryView *self)
{
  GtkWidget *box;
  GtkWidget *run_box;
  GtkWidget *run_row;
  GtkWidget *progress_box;
  GtkWidget *flow;
  GtkWidget *figures_box;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->status_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->status_stack, FALSE);
  gtk_stack_set_vhomogeneous (self->status_stack, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_stack));
  run_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  /* In a text row: a stack asks its page's width at the stack's height, and
   * the forecast's wrapping words would answer by being laid out at width
   * after width, on every frame the progress changes. */
  run_row = ll_text_row_new ();
  ll_text_row_set_child (LL_TEXT_ROW (run_row), run_box);
  gtk_stack_add_named (self->status_stack, run_row, "run");

  progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->progress_box = progress_box;
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress_bar), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress toward the target"),
                                  -1);
  self->progress_label = GTK_LABEL (gtk_label_new (""));
  /* Next to the bar, so that a full bar reads as full. */
  gtk_label_set_xalign (self->progress_label, 0);
  gtk_label_set_width_chars (self->progress_label, 18);
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "dim-label");
  /* Screen readers hear it as the bar's value. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->progress_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (self->progress_bar));
  gtk_box_append (GTK_BOX (progress_box), GTK_WIDGET (self->progress_label));
  gtk_box_append (GTK_BOX (run_box), progress_box);

  /* The next growth, said before it happens: the line is there, blank
   * when there is nothing to say (an empty label takes no height), and as
   * tall as the longest it says at a run's end, at the width it has (a
   * label measured, never shown): nothing below moves when the run ends.
   * (A warning during a run may take a line more, where it is narrow.) */
  self->forecast_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->forecast_label, 0);
  gtk_label_set_yalign (self->forecast_label, 0);
  gtk_label_set_wrap (self->forecast_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->forecast_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->forecast_label), "numeric");
  gtk_label_set_label (self->forecast_label, " ");
  {
    GtkWidget *forecast = gtk_stack_new ();
    g_autofree char *count = ll_format_count_exact (LL_UI_WIDEST_COUNT);
    g_autofree char *bytes = ll_format_bytes (LL_UI_WIDEST_BYTES, LL_UNITS_IEC);

    gtk_stack_set_hhomogeneous (GTK_STACK (forecast), FALSE);
    gtk_stack_set_vhomogeneous (GTK_STACK (forecast), TRUE);
    gtk_stack_add_child (GTK_STACK (forecast), GTK_WIDGET (self->forecast_label));
    gtk_stack_add_child (GTK_STACK (forecast),
                         create_forecast_sizer (growth_after_text (888888888, count, count, bytes)));
    gtk_stack_set_visible_child (GTK_STACK (forecast), GTK_WIDGET (self->forecast_label));
    gtk_box_append (GTK_BOX (run_box), forecast);
  }
  ll_summary_view_set_idle_child (self, NULL);

  figures_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (figures_box, "card");
  /* A list of figures, each an item, for screen readers. */
  flow = g_object_new (GTK_TYPE_FLOW_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_LIST, NULL);
  self->flow = GTK_FLOW_BOX (flow);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Figures"), -1);
  gtk_widget_set_hexpand (flow, TRUE);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 10);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 18);
  gtk_widget_add_css_class (flow, "figures");
  /* The figures are read, not used: Tab goes past them. A flow box whose
   * children cannot take the focus would keep Tab from going further. */
  gtk_widget_set_can_focus (flow, FALSE);
  for (guint i = 0; i < LL_N_FIGURES; i++)
    {
      GtkWidget *child = g_object_new (GTK_TYPE_FLOW_BOX_CHILD,
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                       NULL);

      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), create_figure (self, i));
      gtk_widget_set_focusable (child, FALSE);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), child);
      self->children[i] = child;
    }
  gtk_box_append (GTK_BOX (figures_box), flow);

  self->expand_button = gtk_button_new ();
  gtk_widget_add_css_class (self->expand_button, "flat");
  gtk_widget_add_css_class (self->expand_button, "circular");
  gtk_widget_set_valign (self->expand_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->expand_button, 8);
  gtk_widget_set_margin_end (self->expand_button, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expand_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("All Figures"), -1);
  g_signal_connect_swapped (self->expand_button, "clicked", G_CALLBACK (toggle_expanded), self);
  gtk_box_append (GTK_BOX (figures_box), self->expand_button);
  gtk_box_append (GTK_BOX (box), figures_box);
  apply_expanded (self);

  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
ll_summary_view_new (void)
{
  return g_object_new (LL_TYPE_SUMMARY_VIEW, NULL);
}

GtkWidget *
ll_summary_view_get_idle_child (LlSummaryView *self)
{
  g_return_val_if_fail (LL_IS_SUMMARY_VIEW (self), NULL);

  return self->idle_child;
}

void
ll_summary_view_set_idle_child (LlSummaryView *self,
                                GtkWidget     *child)
{
  GtkWidget *old;
  gboolean idle;

  g_return_if_fail (LL_IS_SUMMARY_VIEW (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (child != NULL && child == self->idle_child)
    return;

  old = gtk_stack_get_child_by_name (self->status_stack, "idle");
  idle = old == NULL || gtk_stack_get_visible_child (self->status_stack) == old;
  if (old != NULL)
    gtk_stack_remove (self->status_stack, old);
  self->idle_child = child;
  /* Without one, the idle page is blank, of the same height. */
  gtk_stack_add_named (self->status_stack,
                       child != NULL ? child : gtk_box_new (GTK_ORIENTATION_VERTICAL, 0),
                       "idle");
  if (idle)
    gtk_stack_set_visible_child_name (self->status_stack, "idle");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_CHILD]);
}

/* Which memory "free" counts: the system's, or what the container's
 * limit leaves, which is what a run obeys. */
static char *
describe_scope (const LlSummaryInfo *info)
{
  g_autofree char *limit = NULL;

  if (info->limit_bytes == LL_NO_LIMIT || info->limit_bytes == 0)
    return g_strdup (_("In the whole system"));

  limit = ll_format_bytes (info->limit_bytes, info->units);
  /* Translators: free memory is counted within a container's memory limit */
  return g_strdup_printf (_("Within the container’s %s limit"), limit);
}

static void
update_idle (LlSummaryView           *self,
             const LlSummaryInfo *info)
{
  for (guint i = 0; i < LL_N_FIGURES; i++)
    set_figure (self, i, "—", NULL);

  if (info->available_bytes > 0)
    {
      g_autofree char *available = ll_format_bytes (info->available_bytes, info->units);
      g_autofree char *scope = describe_scope (info);

      set_figure (self, LL_FIGURE_FREE_NOW, available, scope);
    }

  /* No run, no progress to show. */
  gtk_stack_set_visible_child_name (self->status_stack, "idle");
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->progress_label, "");
  gtk_label_set_label (self->forecast_label, " ");
  self->forecast_said = FALSE;
  tell_figures (self);
}

/* After the run, the list kept: how far it could still grow in place of
 * its slack, and what the growth after that would take. */
static void
say_growth_after (LlSummaryView       *self,
                  const LlSummaryInfo *info)
{
  const LlForecast *f = &info->forecast;
  guint64 room = f->old_capacity > info->status.length ? f->old_capacity - info->status.length : 0;
  g_autofree char *at = ll_format_count_exact (f->length);
  g_autofree char *slots = ll_format_count_exact (f->new_capacity);
  g_autofree char *need = ll_format_bytes (f->need, info->units);
  g_autofree char *text = NULL;

  text = growth_after_text (room, at, slots, need);
  gtk_label_set_label (self->forecast_label, text);
  self->forecast_said = TRUE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->forecast_label), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->forecast_label), "dim-label");
}

/* The line changes with every growth and every sample of free memory:
 * unless @due, it changes only when the growth stops fitting or fits
 * again, which is said at once. */
static void
update_forecast (LlSummaryView       *self,
                 const LlSummaryInfo *info,
                 gboolean             due)
{
  const LlForecast *f = &info->forecast;
  g_autofree char *at = NULL, *need = NULL, *room = NULL, *text = NULL;
  gboolean warned = gtk_widget_has_css_class (GTK_WIDGET (self->forecast_label), "warning");

  if (!info->has_forecast || (info->status.state != LL_ENGINE_RUNNING &&
                              info->status.state != LL_ENGINE_FINISHED))
    {
      gtk_label_set_label (self->forecast_label, " ");
      self->forecast_said = FALSE;
      return;
    }
  if (info->status.state == LL_ENGINE_FINISHED)
    {
      say_growth_after (self, info);
      return;
    }
  if (!due && self->forecast_said && warned == !f->fits)
    return;
  self->forecast_said = TRUE;

  at = ll_format_count_exact (f->length);
  need = ll_format_bytes (f->need, info->units);
  room = ll_format_bytes (f->room, info->units);
  if (f->fits && f->reaches_target)
    /* TRANSLATORS: the growth that reaches the target: where, and how much
     * larger the block gets; the run ends there, so the rest is never
     * written */
    text = g_strdup_printf (_("Last growth at %s elements, to the target: %s more, reserved but "
                              "never written"),
                            at, need);
  else if (f->fits)
    /* TRANSLATORS: the next growth: where, how much more memory, what is free */
    text = g_strdup_printf (_("Next growth at %s elements: %s more, of %s free above the reserve"),
                            at, need, room);
  else
    {
      /* (what the run writes up to it, which the engine weighs: the rest
       * of the block and the objects too) */
      g_autofree char *writes = ll_format_bytes (f->writes, info->units);

      text = g_strdup_printf (_("Next growth at %s elements needs %s more, but only %s is free "
                                "above the reserve: the run will stop before it"), at, writes, room);
    }
  gtk_label_set_label (self->forecast_label, text);
  if (f->fits)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->forecast_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->forecast_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->forecast_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->forecast_label), "warning");
    }
}

const char *
ll_summary_view_get_forecast (LlSummaryView *self,
                              gboolean      *warns)
{
  g_return_val_if_fail (LL_IS_SUMMARY_VIEW (self), NULL);

  if (warns != NULL)
    *warns = self->forecast_said &&
             gtk_widget_has_css_class (GTK_WIDGET (self->forecast_label), "warning");
  return self->forecast_said ? gtk_label_get_label (self->forecast_label) : "";
}

static void
update_progress (LlSummaryView       *self,
                 const LlSummaryInfo *info,
                 gboolean             due)
{
  g_autofree char *text = NULL;
  double progress = info->progress;

  update_forecast (self, info, due);

  if (progress < 0)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_label_set_label (self->progress_label, "");
      return;
    }

  progress = CLAMP (progress, 0, 1);
  gtk_progress_bar_set_fraction (self->progress_bar, progress);

  if (info->status.state == LL_ENGINE_RUNNING && info->eta_ns != G_MAXUINT64)
    {
      g_autofree char *eta = ll_format_duration (info->eta_ns);

      /* Translators: progress toward the target, then the time left */
      text = g_strdup_printf (_("%.0f %% · %s left"), floor (progress * 100), eta);
    }
  else
    text = g_strdup_printf (_("%.0f %%"), floor (progress * 100));

  gtk_label_set_label (self->progress_label, text);
}

void
ll_summary_view_update (LlSummaryView           *self,
                   const LlSummaryInfo *info)
{
  const LlEngineStatus *st;
  const LlHistoryCounters *c;
  const LlElementInfo *element;
  char *value = NULL, *detail = NULL, *a, *b;
  guint64 slack, slack_bytes;
  gboolean due;

  g_return_if_fail (LL_IS_SUMMARY_VIEW (self));
  g_return_if_fail (info != NULL);

  if (!info->has_run)
    {
      update_idle (self, info);
      return;
    }

  gtk_stack_set_visible_child_name (self->status_stack, "run");
  st = &info->status;
  due = st->state != LL_ENGINE_RUNNING ||
        g_get_monotonic_time () - self->accessible_us >= ACCESSIBLE_INTERVAL_US;
  c = &info->counters;
  element = ll_element_get_info (info->element);

  /* Each figure's value and detail; no value reads "—". */
#define SHOW(fig) G_STMT_START { \
    set_figure (self, fig, value != NULL ? value : "—", detail); \
    g_clear_pointer (&value, g_free); \
    g_clear_pointer (&detail, g_free); \
  } G_STMT_END

  value = ll_format_count (st->length);
  a = ll_format_count_exact (st->length);
  /* Translators: an exact number of list elements */
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s element", "%s elements",
                                         st->length), a);
  g_free (a);
  SHOW (LL_FIGURE_LENGTH);

  value = ll_format_count (st->capacity);
  a = ll_format_count_exact (st->capacity);
  detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s slot", "%s slots",
                                         st->capacity), a);
  g_free (a);
  SHOW (LL_FIGURE_CAPACITY);

  value = ll_format_bytes (st->container_bytes, info->units);
  a = ll_format_count_exact (st->container_bytes);
  detail = g_strdup_printf (_("%s bytes"), a);
  g_free (a);
  SHOW (LL_FIGURE_CONTAINER);

  value = ll_format_bytes (st->objects_bytes, info->units);
  if (element->object_bytes > 0)
    detail = g_strdup_printf (_("%u bytes each"), element->object_bytes);
  else if (info->element == LL_ELEMENT_SHARED)
    detail = g_strdup (_("One object, shared"));
  else
    detail = g_strdup (_("Values stored inline"));
  SHOW (LL_FIGURE_OBJECTS);

  slack = st->capacity > st->length ? st->capacity - st->length : 0;
  slack_bytes = slack * element->slot_bytes;
  value = ll_format_bytes (slack_bytes, info->units);
  /* Translators: the share of the capacity that is unused */
  detail = g_strdup_printf (_("%.1f %% of capacity"),
                            st->capacity > 0 ? 100.0 * slack / st->capacity : 0.0);
  SHOW (LL_FIGURE_SLACK);

  value = ll_format_count_exact (c->n_events);
  if (ll_history_counters_timed (c))
    {
      a = ll_format_duration (c->total_realloc_ns);
      /* Translators: total time spent in reallocations */
      detail = g_strdup_printf (_("%s in total"), a);
      g_free (a);
    }
  else if (info->simulated)
    /* Translators: under the reallocations of a simulated run */
    detail = g_strdup (_("Computed, not timed"));
  SHOW (LL_FIGURE_REALLOCATIONS);

  value = ll_format_count_exact (c->n_moved);
  a = ll_format_bytes (c->bytes_copied, info->units);
  detail = g_strdup_printf (_("%s copied"), a);
  g_free (a);
  SHOW (LL_FIGURE_MOVED);

  if (!info->simulated)
    {
      value = ll_format_duration (st->elapsed_ns);
      detail = g_strdup_printf (_("%.0f %% reallocating"),
                                st->elapsed_ns > 0
                                  ? MIN (100.0, 100.0 * c->total_realloc_ns / st->elapsed_ns)
                                  : 0.0);
    }
  else
    detail = g_strdup (_("A simulation allocates nothing"));
  SHOW (LL_FIGURE_ELAPSED);

  if (info->appends_per_second >= 0 && !info->simulated)
    {
      a = ll_format_count ((guint64) (info->appends_per_second + 0.5));
      /* Translators: appends per second, e.g. "210 M/s" */
      value = g_strdup_printf (_("%s/s"), a);
      g_free (a);
      a = ll_format_rate_bytes (info->appends_per_second * element->slot_bytes, info->units);
      detail = g_strdup_printf (_("%s of slots"), a);
      g_free (a);
    }
  SHOW (LL_FIGURE_RATE);

  if (c->n_events > 0 && ll_history_counters_timed (c))
    {
      value = ll_format_duration (c->slowest.realloc_ns);
      a = ll_format_count (c->slowest.length);
      /* Translators: the list length at which the slowest reallocation happened */
      detail = g_strdup_printf (_("At length %s"), a);
      g_free (a);
    }
  SHOW (LL_FIGURE_SLOWEST);

  if (info->available_bytes > 0)
    {
      value = ll_format_bytes (info->available_bytes, info->units);
      if (info->limit_bytes != LL_NO_LIMIT && info->limit_bytes != 0)
        detail = describe_scope (info);
      else if (st->start_available_bytes > 0)
        {
          a = ll_format_bytes_delta ((gint64) info->available_bytes -
                                     (gint64) st->start_available_bytes,
                                     info->units);
          /* Translators: change of free memory since the run started */
          detail = g_strdup_printf (_("%s since start"), a);
          g_free (a);
        }
    }
  SHOW (LL_FIGURE_FREE_NOW);

  if (st->start_available_bytes > 0)
    value = ll_format_bytes (st->start_available_bytes, info->units);
  if (st->reserve_bytes > 0 && st->reserve_bytes != G_MAXUINT64)
    {
      b = ll_format_bytes (st->reserve_bytes, info->units);
      /* Translators: the memory reserve kept free for the system */
      detail = g_strdup_printf (_("%s kept in reserve"), b);
      g_free (b);
    }
  SHOW (LL_FIGURE_FREE_START);

#undef SHOW

  update_progress (self, info, due);
  if (due)
    tell_figures (self);
}

const char *
ll_summary_view_get_value (LlSummaryView *self,
                      LlFigure   figure)
{
  g_return_val_if_fail (LL_IS_SUMMARY_VIEW (self), NULL);
  g_return_val_if_fail (figure < LL_N_FIGURES, NULL);

  return ll_figure_box_get_value (self->figures[figure].box);
}

const char *
ll_summary_view_get_detail (LlSummaryView *self,
                       LlFigure   figure)
{
  g_return_val_if_fail (LL_IS_SUMMARY_VIEW (self), NULL);
  g_return_val_if_fail (figure < LL_N_FIGURES, NULL);

  return ll_figure_box_get_detail (self->figures[figure].box);
}

double
ll_summary_view_get_progress (LlSummaryView *self)
{
  g_return_val_if_fail (LL_IS_SUMMARY_VIEW (self), 0);

  return gtk_progress_bar_get_fraction (self->progress_bar);
}
