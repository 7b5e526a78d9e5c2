/* ll-run-list.c — the runs kept for comparing, in the sidebar: a row each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ll-run-list.h"
#include "ll-run-row.h"
#include "ll-ui-util.h"

struct _LlRunList
{
  AdwPreferencesGroup parent_instance;

  GListModel *runs;
  GPtrArray  *rows;
  LlRun      *current;
  GtkWidget  *compare;
  GtkWidget  *progress_row;  /* comparisons being computed */
  GtkWidget  *progress_bar;
  GtkWidget  *hint;          /* under a list of one run: what comparing does */
};

G_DEFINE_FINAL_TYPE (LlRunList, ll_run_list, ADW_TYPE_PREFERENCES_GROUP)

static void
rebuild (LlRunList *self)
{
  guint n = self->runs != NULL ? g_list_model_get_n_items (self->runs) : 0;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  int focused = -1;

  /* The keyboard stays in the list: on the row that took the place of the
   * one it was in (a run removed), or on Compare With once none is left. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row)))
        focused = (int) i;
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  /* The comparison being computed comes first (an empty list shows no
   * card). */
  if (gtk_widget_get_parent (self->progress_row) != NULL)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->progress_row);
  if (gtk_widget_get_visible (self->progress_row))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->progress_row);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlRun) run = g_list_model_get_item (self->runs, i);
      /* (the run being shown stays; the others can go) */
      GtkWidget *row = ll_run_row_new (run, run != self->current);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_visible (self->hint, n <= 1);
  if (focused >= 0 && self->rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->rows, MIN ((guint) focused, self->rows->len - 1)));
  else if (focused >= 0)
    gtk_widget_grab_focus (self->compare);
}

static void
ll_run_list_dispose (GObject *object)
{
  LlRunList *self = LL_RUN_LIST (object);

  if (self->runs != NULL)
    g_signal_handlers_disconnect_by_func (self->runs, rebuild, self);
  g_clear_object (&self->runs);
  g_clear_object (&self->current);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->progress_row);

  G_OBJECT_CLASS (ll_run_list_parent_class)->dispose (object);
}

static void
ll_run_list_class_init (LlRunListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_run_list_dispose;
}

/* A comparison that takes a while (fixed +4 to 10 GB: 3×10⁸ growths)
 * shows how far it came, and can be stopped. */
static void
create_progress_row (LlRunList *self)
{
  GtkWidget *stop = gtk_button_new_from_icon_name ("process-stop-symbolic");

  /* Held here: the list takes it out and puts it back first. */
  self->progress_row = g_object_ref_sink (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progress_row), _("Simulating the Comparison"));
  self->progress_bar = gtk_progress_bar_new ();
  gtk_widget_set_valign (self->progress_bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (self->progress_bar, 80, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Simulating the Comparison"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->progress_row), self->progress_bar);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (stop), "win.cancel-compare");
  ll_ui_set_up_row_button (stop, _("Stop the Comparison"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->progress_row), stop);
  gtk_widget_set_visible (self->progress_row, FALSE);
}

static GMenuModel *
compare_menu (void)
{
  GMenu *menu = g_menu_new ();
  GMenu *policies = g_menu_new ();

  g_menu_append (menu, _("_All Policies"), "win.compare::all");
  for (guint k = 0; k < LL_N_POLICIES; k++)
    {
      const LlPolicyInfo *info = ll_policy_get_info (k);
      g_autofree char *action = g_strdup_printf ("win.compare::%s", info->name);

      g_menu_append (policies, _(info->title), action);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (policies));
  g_object_unref (policies);
  return G_MENU_MODEL (menu);
}

static void
ll_run_list_init (LlRunList *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *compare = gtk_menu_button_new ();
  GtkWidget *clear = gtk_button_new_from_icon_name ("edit-clear-all-symbolic");
  g_autoptr(GMenuModel) menu = compare_menu ();

  self->rows = g_ptr_array_new ();
  self->compare = compare;
  create_progress_row (self);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Runs"));

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (compare), menu);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (compare), _("Compare _With"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (compare), TRUE);
  gtk_widget_set_tooltip_text (compare, _("Draw another policy over the same charts, simulated"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (compare),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Compare With"), -1);
  gtk_widget_add_css_class (compare, "flat");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "win.clear-runs");
  gtk_widget_set_tooltip_text (clear, _("Remove Every Other Run"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (clear),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Every Other Run"), -1);
  gtk_widget_add_css_class (clear, "flat");

  /* Beside the title, not as tall as the description under it. */
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), compare);
  gtk_box_append (GTK_BOX (buttons), clear);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), buttons);

  /* Under the list, as the other groups' notes are (the group's own
   * description, in a box beside the buttons, would be asked its width at
   * a height: laid out at width after width). */
  self->hint = gtk_label_new (_("Compare with other policies: each is simulated at once, "
                                "nothing allocated, and drawn over the same charts."));
  gtk_label_set_wrap (GTK_LABEL (self->hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->hint), 0);
  gtk_widget_set_margin_top (self->hint, 6);
  gtk_widget_add_css_class (self->hint, "caption");
  gtk_widget_add_css_class (self->hint, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->hint);
  rebuild (self);
}

GtkWidget *
ll_run_list_new (void)
{
  return g_object_new (LL_TYPE_RUN_LIST, NULL);
}

void
ll_run_list_set_runs (LlRunList  *self,
                      GListModel *runs,
                      LlRun      *current)
{
  gboolean store_changed, current_changed;

  g_return_if_fail (LL_IS_RUN_LIST (self));
  g_return_if_fail (runs == NULL || G_IS_LIST_MODEL (runs));

  store_changed = self->runs != runs;
  if (store_changed)
    {
      if (self->runs != NULL)
        g_signal_handlers_disconnect_by_func (self->runs, rebuild, self);
      g_set_object (&self->runs, runs);
      if (runs != NULL)
        g_signal_connect_swapped (runs, "items-changed", G_CALLBACK (rebuild), self);
    }
  /* Names, visibility and states update in their rows; rows are made
   * again only when runs come or go (and keep the focus where it was). */
  current_changed = g_set_object (&self->current, current);
  if (current_changed || store_changed)
    rebuild (self);
}

void
ll_run_list_set_progress (LlRunList *self,
                          double     fraction)
{
  g_autofree char *percent = NULL;

  g_return_if_fail (LL_IS_RUN_LIST (self));

  if (gtk_widget_get_visible (self->progress_row) != (fraction >= 0))
    {
      gtk_widget_set_visible (self->progress_row, fraction >= 0);
      rebuild (self);
    }
  if (fraction < 0)
    return;
  fraction = CLAMP (fraction, 0.0, 1.0);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), fraction);
  percent = g_strdup_printf ("%.0f %%", floor (fraction * 100.0));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->progress_row), percent);
}

double
ll_run_list_get_progress (LlRunList *self)
{
  g_return_val_if_fail (LL_IS_RUN_LIST (self), -1.0);

  if (!gtk_widget_get_visible (self->progress_row))
    return -1.0;
  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (self->progress_bar));
}
