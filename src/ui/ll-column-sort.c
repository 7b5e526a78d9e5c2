/* ll-column-sort.c — what a table's column headers sort by, as state and actions
 *
 * GTK 4.8 does not say which column a GtkColumnView is sorted by. Each
 * sortable column's sorter here stands in front of the table's own: asked
 * to compare two stand-ins right after the view's sorter changed, the
 * first one asked is the column whose header shows the arrow, and whether
 * the view's answer came out inverted tells which way it points. The
 * result is kept as two properties, bound to actions for the Sort menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-column-sort.h"

#define PROBE_OFF  -2
#define PROBE_ON   -1

/* A column's sorter: the table's (or none), and its id for the probe. */
#define LL_TYPE_PROBE_SORTER (ll_probe_sorter_get_type ())
G_DECLARE_FINAL_TYPE (LlProbeSorter, ll_probe_sorter, LL, PROBE_SORTER, GtkSorter)

struct _LlProbeSorter
{
  GtkSorter     parent_instance;

  LlColumnSort *owner;     /* not owned: it owns the view, the view this */
  guint         id;
  GtkSorter    *compare;   /* NULL: the table sorts its rows itself */
};

struct _LlColumnSort
{
  GObject             parent_instance;

  GtkColumnView      *view;      /* weak */
  GPtrArray          *columns;   /* GtkColumnViewColumn, by the order added */
  GArray             *ids;       /* guint, the same order */
  GSimpleActionGroup *actions;
  gint64              probe;     /* PROBE_OFF, PROBE_ON or the id asked first */
  GObject            *probe_a, *probe_b;
  guint               column;
  gboolean            descending;
  guint               unsorted;   /* the column when no header is chosen */
};

enum {
  PROP_0,
  PROP_COLUMN,
  PROP_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlProbeSorter, ll_probe_sorter, GTK_TYPE_SORTER)
G_DEFINE_FINAL_TYPE (LlColumnSort, ll_column_sort, G_TYPE_OBJECT)

/* Probe sorter ------------------------------------------------------------ */

static GtkOrdering
ll_probe_sorter_compare (GtkSorter *sorter,
                         gpointer   a,
                         gpointer   b)
{
  LlProbeSorter *self = LL_PROBE_SORTER (sorter);

  if (self->owner != NULL && self->owner->probe != PROBE_OFF)
    {
      if (self->owner->probe == PROBE_ON)
        self->owner->probe = self->id;
      return GTK_ORDERING_SMALLER;
    }
  return self->compare != NULL ? gtk_sorter_compare (self->compare, a, b) : GTK_ORDERING_EQUAL;
}

static GtkSorterOrder
ll_probe_sorter_get_order (GtkSorter *sorter)
{
  LlProbeSorter *self = LL_PROBE_SORTER (sorter);

  return self->compare != NULL ? gtk_sorter_get_order (self->compare) : GTK_SORTER_ORDER_PARTIAL;
}

static void
ll_probe_sorter_finalize (GObject *object)
{
  LlProbeSorter *self = LL_PROBE_SORTER (object);

  g_clear_object (&self->compare);

  G_OBJECT_CLASS (ll_probe_sorter_parent_class)->finalize (object);
}

static void
ll_probe_sorter_class_init (LlProbeSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->finalize = ll_probe_sorter_finalize;
  sorter_class->compare = ll_probe_sorter_compare;
  sorter_class->get_order = ll_probe_sorter_get_order;
}

static void
ll_probe_sorter_init (LlProbeSorter *self)
{
}

/* Column sort ------------------------------------------------------------- */

static void
set_state (LlColumnSort *self,
           guint         column,
           gboolean      descending)
{
  gboolean changed = column != self->column || descending != self->descending;

  g_object_freeze_notify (G_OBJECT (self));
  if (column != self->column)
    {
      self->column = column;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN]);
    }
  if (descending != self->descending)
    {
      self->descending = descending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
    }
  g_action_group_change_action_state (G_ACTION_GROUP (self->actions), "column",
                                      g_variant_new_uint32 (self->column));
  g_action_group_change_action_state (G_ACTION_GROUP (self->actions), "descending",
                                      g_variant_new_boolean (self->descending));
  /* In the table's own order there is no way to turn. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                                            "descending")),
                               self->column != LL_COLUMN_SORT_NONE);
  g_object_thaw_notify (G_OBJECT (self));
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_sorter_changed (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   LlColumnSort    *self)
{
  GtkOrdering order;

  self->probe = PROBE_ON;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (self->probe >= 0)
    set_state (self, (guint) self->probe, order == GTK_ORDERING_LARGER);
  else
    set_state (self, self->unsorted, FALSE);
  self->probe = PROBE_OFF;
}

/* Sorts as a click on the header of @id's first visible column does. */
static void
sort_by (LlColumnSort *self,
         guint         id,
         gboolean      descending)
{
  GtkColumnViewColumn *column = NULL;

  if (self->view == NULL)
    return;
  for (guint i = 0; i < self->columns->len && column == NULL; i++)
    if (g_array_index (self->ids, guint, i) == id &&
        gtk_column_view_column_get_visible (self->columns->pdata[i]))
      column = self->columns->pdata[i];
  /* (no column: the table's own order) */
  gtk_column_view_sort_by_column (self->view, column, descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/* The menu's choices sort; their state follows the view's sorter. */
static void
on_column_activate (GSimpleAction *action,
                    GVariant      *parameter,
                    LlColumnSort  *self)
{
  sort_by (self, g_variant_get_uint32 (parameter), self->descending);
}

static void
on_descending_activate (GSimpleAction *action,
                        GVariant      *parameter,
                        LlColumnSort  *self)
{
  sort_by (self, self->column, !self->descending);
}

static void
ll_column_sort_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LlColumnSort *self = LL_COLUMN_SORT (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      g_value_set_uint (value, self->column);
      break;
    case PROP_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_column_sort_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LlColumnSort *self = LL_COLUMN_SORT (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      sort_by (self, g_value_get_uint (value), self->descending);
      break;
    case PROP_DESCENDING:
      sort_by (self, self->column, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_column_sort_dispose (GObject *object)
{
  LlColumnSort *self = LL_COLUMN_SORT (object);

  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->view), on_sorter_changed, self);
      g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
      self->view = NULL;
    }
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      GtkSorter *sorter = gtk_column_view_column_get_sorter (self->columns->pdata[i]);

      if (LL_IS_PROBE_SORTER (sorter))
        LL_PROBE_SORTER (sorter)->owner = NULL;
    }
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  /* (a window may still hold the actions) */
  if (self->actions != NULL)
    {
      g_signal_handlers_disconnect_by_data (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "column"), self);
      g_signal_handlers_disconnect_by_data (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "descending"), self);
    }
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (ll_column_sort_parent_class)->dispose (object);
}

static void
ll_column_sort_finalize (GObject *object)
{
  LlColumnSort *self = LL_COLUMN_SORT (object);

  g_array_unref (self->ids);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);

  G_OBJECT_CLASS (ll_column_sort_parent_class)->finalize (object);
}

static void
ll_column_sort_class_init (LlColumnSortClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_column_sort_dispose;
  object_class->finalize = ll_column_sort_finalize;
  object_class->get_property = ll_column_sort_get_property;
  object_class->set_property = ll_column_sort_set_property;

  properties[PROP_COLUMN] =
    g_param_spec_uint ("column", NULL, NULL, 0, G_MAXUINT, LL_COLUMN_SORT_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCENDING] =
    g_param_spec_boolean ("descending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The column or the way changed: once for both. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ll_column_sort_init (LlColumnSort *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->ids = g_array_new (FALSE, FALSE, sizeof (guint));
  self->probe = PROBE_OFF;
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  self->column = LL_COLUMN_SORT_NONE;
  self->actions = g_simple_action_group_new ();
  {
    g_autoptr(GSimpleAction) column = g_simple_action_new_stateful ("column", G_VARIANT_TYPE_UINT32,
                                                                    g_variant_new_uint32 (self->column));
    g_autoptr(GSimpleAction) descending = g_simple_action_new_stateful ("descending", NULL,
                                                                        g_variant_new_boolean (FALSE));

    g_signal_connect (column, "activate", G_CALLBACK (on_column_activate), self);
    g_signal_connect (descending, "activate", G_CALLBACK (on_descending_activate), self);
    g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (column));
    g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (descending));
  }
}

LlColumnSort *
ll_column_sort_new (GtkColumnView *view,
                    guint          unsorted)
{
  LlColumnSort *self;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  self = g_object_new (LL_TYPE_COLUMN_SORT, NULL);
  self->unsorted = unsorted;
  set_state (self, unsorted, FALSE);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  g_signal_connect (gtk_column_view_get_sorter (view), "changed", G_CALLBACK (on_sorter_changed), self);
  return self;
}

void
ll_column_sort_add_column (LlColumnSort        *self,
                           GtkColumnViewColumn *column,
                           guint                id,
                           GtkSorter           *compare)
{
  LlProbeSorter *sorter;

  g_return_if_fail (LL_IS_COLUMN_SORT (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (id != LL_COLUMN_SORT_NONE);
  g_return_if_fail (compare == NULL || GTK_IS_SORTER (compare));

  sorter = g_object_new (LL_TYPE_PROBE_SORTER, NULL);
  sorter->owner = self;
  sorter->id = id;
  sorter->compare = compare != NULL ? g_object_ref (compare) : NULL;
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  g_object_unref (sorter);

  g_ptr_array_add (self->columns, g_object_ref (column));
  g_array_append_val (self->ids, id);
}

guint
ll_column_sort_get_column (LlColumnSort *self,
                           gboolean     *descending)
{
  g_return_val_if_fail (LL_IS_COLUMN_SORT (self), LL_COLUMN_SORT_NONE);

  if (descending != NULL)
    *descending = self->descending;
  return self->column;
}

GActionGroup *
ll_column_sort_get_actions (LlColumnSort *self)
{
  g_return_val_if_fail (LL_IS_COLUMN_SORT (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

GtkWidget *
ll_column_sort_button_new (GMenuModel *choices,
                           const char *label)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_return_val_if_fail (G_IS_MENU_MODEL (choices), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  g_menu_append (order, _("_Descending"), "sort.descending");
  /* TRANSLATORS: a heading in a table's Sort menu, over its columns */
  g_menu_append_section (menu, _("Sort By"), choices);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-sort-descending-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}
