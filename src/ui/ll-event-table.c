/* ll-event-table.c — the run's reallocations as a table, the notebook's printout made live
 *
 * A GtkColumnView over an LlEventList: rows are made only for what is on
 * screen, and sorting a million of them happens on a worker thread. The
 * column headers sort as in any GTK table; the list learns which column
 * and which way from the view's sorter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-csv.h"
#include "ll-event-table-private.h"
#include "ll-ui-util.h"

/* A selection of more rows than this is not followed when the rows move. */
#define MAX_FOLLOWED 65536
/* The least height of the rows' area, in px. */
#define TABLE_MIN_HEIGHT 200

enum {
  EVENT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlEventTable, ll_event_table, GTK_TYPE_WIDGET)

/* Sorting ----------------------------------------------------------------- */

/* A header (or the Sort menu) chose a column: the list sorts its rows by
 * that column's key (none chosen: the run's order, by number). */
static void
on_sort_changed (LlEventTable *self)
{
  gboolean descending;
  guint key = ll_column_sort_get_column (self->sort, &descending);

  ll_event_list_sort (self->list, (LlEventKey) key, descending);
}

/* Selection --------------------------------------------------------------- */

/* The mark (the row the charts show): the row picked last — the only one,
 * or the one a Ctrl+click added — else the one marked before while it
 * stays selected (a Shift+click extends from it), else the first. */
static guint
choose_marked (LlEventTable *self,
               GtkBitset    *selected,
               guint         position,
               guint         n_items)
{
  guint marked;

  if (gtk_bitset_get_size (selected) == 1)
    return gtk_bitset_get_minimum (selected);
  if (n_items == 1 && gtk_bitset_contains (selected, position))
    return position;
  if (self->has_selected)
    {
      marked = ll_event_list_find_number (self->list, self->selected_number);
      if (marked != G_MAXUINT && gtk_bitset_contains (selected, marked))
        return marked;
    }
  return gtk_bitset_get_minimum (selected);
}

/* The selected rows by their reallocations, to find them again when the
 * rows move; more than can be followed are kept as "all rows" if they
 * are, else let go. */
static void
remember_selection (LlEventTable *self,
                    GtkBitset    *selected)
{
  guint64 size = gtk_bitset_get_size (selected);
  GtkBitsetIter iter;
  guint position;

  g_array_set_size (self->followed, 0);
  self->all_selected = size > 0 && size == g_list_model_get_n_items (G_LIST_MODEL (self->list));
  if (size > MAX_FOLLOWED)
    return;
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      guint64 number = ll_event_list_get_number (self->list, position);

      g_array_append_val (self->followed, number);
    }
}

/* The selection changed from @position on, over @n_items rows. */
static void
update_selected (LlEventTable *self,
                 guint         position,
                 guint         n_items)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean had = self->has_selected;
  LlEvent before = self->selected;

  if (gtk_bitset_is_empty (selected))
    self->has_selected = FALSE;
  else
    {
      guint marked = choose_marked (self, selected, position, n_items);
      g_autoptr(LlEventRow) row = g_list_model_get_item (G_LIST_MODEL (self->list), marked);

      self->has_selected = row != NULL;
      if (row != NULL)
        {
          self->selected = ll_event_row_get_bucket (row)->last;
          self->selected_number = ll_event_row_get_number (row);
        }
    }
  remember_selection (self, selected);
  gtk_widget_set_sensitive (self->copy_button, !gtk_bitset_is_empty (selected));
  if (had != self->has_selected ||
      (self->has_selected && memcmp (&before, &self->selected, sizeof before) != 0))
    g_signal_emit (self, signals[EVENT_SELECTED], 0);
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      LlEventTable      *self)
{
  update_selected (self, position, n_items);
}

/* Every row gone (another run's rows replace them, or none): so is the
 * selection. Rows added at the end change nothing; rows removed from the
 * end are those of a merge, whose rows moved: the selection follows them
 * then. */
static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  LlEventTable *self)
{
  if (removed > 0 && g_list_model_get_n_items (model) == 0)
    update_selected (self, position, added);
}

/* The rows moved under the selection: it follows its reallocations. */
static void
on_rows_moved (LlEventTable *self)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GtkBitset) mask = NULL;

  if (!self->has_selected)
    return;
  if (self->followed->len == 0)
    {
      if (self->all_selected)
        gtk_selection_model_select_all (model);
      else
        gtk_selection_model_unselect_all (model);
      return;
    }
  selected = gtk_bitset_new_empty ();
  for (guint k = 0; k < self->followed->len; k++)
    {
      guint position = ll_event_list_find_number (self->list, g_array_index (self->followed, guint64, k));

      if (position != G_MAXUINT)
        gtk_bitset_add (selected, position);
    }
  mask = gtk_bitset_new_range (0, g_list_model_get_n_items (G_LIST_MODEL (self->list)));
  gtk_selection_model_set_selection (model, selected, mask);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_VIEW (child))
        return child;
      found = find_list_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Where row @position lies along the rows' whole height (the scroll's):
 * rows are all one line tall. FALSE for no such row. */
static gboolean
row_span (LlEventTable *self,
          guint         position,
          double       *top,
          double       *height)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));

  if (n == 0 || position >= n)
    return FALSE;
  *height = gtk_adjustment_get_upper (adjustment) / n;
  *top = position * *height;
  return TRUE;
}

/* The rows scrolled, where row @position is not shown whole, so that it
 * comes second: the rows' top is the part of the table most often on
 * screen. */
static void
scroll_to_row (LlEventTable *self,
               guint         position)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  double upper = gtk_adjustment_get_upper (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  double row, top;

  if (!row_span (self, position, &top, &row) ||
      (top >= value && top + row <= value + page))
    return;
  gtk_adjustment_set_value (adjustment, CLAMP (top - row, 0.0, MAX (0.0, upper - page)));
}

static gboolean
scroll_when_laid_out (GtkWidget     *widget,
                      GdkFrameClock *frame_clock,
                      gpointer       user_data)
{
  LlEventTable *self = LL_EVENT_TABLE (widget);
  GtkWidget *list_view = find_list_view (GTK_WIDGET (self->view));

  /* Not shown (yet, or again): when it is; see ll_event_table_map (). */
  if (list_view != NULL && gtk_widget_get_mapped (widget) && gtk_widget_get_height (list_view) == 0)
    return G_SOURCE_CONTINUE;
  if (list_view != NULL && gtk_widget_get_mapped (widget))
    {
      scroll_to_row (self, ll_event_list_find_number (self->list, self->scroll_to));
      self->scroll_pending = FALSE;
    }
  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_when_shown (LlEventTable *self,
                   guint64       number)
{
  self->scroll_to = number;
  self->scroll_pending = TRUE;
  if (self->scroll_tick_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_when_laid_out,
                                                         NULL, NULL);
}

static void
ll_event_table_map (GtkWidget *widget)
{
  LlEventTable *self = LL_EVENT_TABLE (widget);

  GTK_WIDGET_CLASS (ll_event_table_parent_class)->map (widget);
  /* A row chosen on a chart while the table was hidden. */
  if (self->scroll_pending)
    scroll_when_shown (self, self->scroll_to);
}

void
ll_event_table_select_number (LlEventTable *self,
                              guint64       number)
{
  guint position;
  GtkWidget *list_view;

  g_return_if_fail (LL_IS_EVENT_TABLE (self));

  position = number > 0 ? ll_event_list_find_number (self->list, number) : G_MAXUINT;
  if (position == G_MAXUINT)
    {
      self->scroll_pending = FALSE;
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      return;
    }

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  /* Once the rows are laid out (a table just shown has not). */
  list_view = find_list_view (GTK_WIDGET (self->view));
  if (list_view == NULL)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && gtk_widget_get_height (list_view) > 0)
    {
      self->scroll_pending = FALSE;
      scroll_to_row (self, position);
      return;
    }
  scroll_when_shown (self, number);
}

gboolean
ll_event_table_get_selected_area (LlEventTable    *self,
                                  GtkWidget       *target,
                                  graphene_rect_t *area)
{
  GtkWidget *list_view;
  GtkAdjustment *adjustment;
  guint position;
  double row, row_top;
  graphene_point_t top;

  g_return_val_if_fail (LL_IS_EVENT_TABLE (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  position = self->has_selected ? ll_event_list_find_number (self->list, self->selected_number) : G_MAXUINT;
  list_view = find_list_view (GTK_WIDGET (self->view));
  if (list_view == NULL || gtk_widget_get_height (list_view) == 0 ||
      !row_span (self, position, &row_top, &row))
    return FALSE;

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  if (!gtk_widget_compute_point (list_view, target,
                                 &GRAPHENE_POINT_INIT (0, row_top - gtk_adjustment_get_value (adjustment)),
                                 &top))
    return FALSE;
  graphene_rect_init (area, top.x, top.y, gtk_widget_get_width (list_view), row);
  return TRUE;
}

const LlEvent *
ll_event_table_get_selected_event (LlEventTable *self)
{
  g_return_val_if_fail (LL_IS_EVENT_TABLE (self), NULL);

  return self->has_selected ? &self->selected : NULL;
}

char *
ll_event_table_copy_csv (LlEventTable *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autofree guint *positions = NULL;
  g_autofree char *rows = NULL;
  GtkBitsetIter iter;
  guint64 size;
  guint position, k = 0;

  g_return_val_if_fail (LL_IS_EVENT_TABLE (self), NULL);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  size = gtk_bitset_get_size (selected);
  if (size == 0)
    return NULL;
  positions = g_new (guint, size);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    positions[k++] = position;
  rows = ll_event_list_format_csv (self->list, positions, k);
  return g_strconcat (LL_EVENTS_CSV_HEADER "\n", rows, NULL);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LlEventTable *self = LL_EVENT_TABLE (widget);
  g_autofree char *csv = ll_event_table_copy_csv (self);

  if (csv != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), csv);
}

/* The table ---------------------------------------------------------------- */

static void
update_count (LlEventTable *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  if (n == self->n_rows && n > 0)
    return;
  self->n_rows = n;
  count = ll_format_count_exact (n);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", n), count);
  gtk_label_set_label (self->count_label, text);
}

static void
update_size_title (LlEventTable *self)
{
  /* TRANSLATORS: the container's size column, "Container (MiB)" */
  g_autofree char *title = g_strdup_printf (_("Size (%s)"), ll_unit_name (self->units, 2));

  gtk_column_view_column_set_title (self->columns[COL_SIZE], title);
}

static void
ll_event_table_dispose (GObject *object)
{
  LlEventTable *self = LL_EVENT_TABLE (object);

  if (self->scroll_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  if (self->sort != NULL)
    g_signal_handlers_disconnect_by_func (self->sort, on_sort_changed, self);
  g_clear_object (&self->sort);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->view = NULL;
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, on_rows_moved, self);
  g_clear_object (&self->list);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->followed, g_array_unref);

  G_OBJECT_CLASS (ll_event_table_parent_class)->dispose (object);
}

static void
ll_event_table_finalize (GObject *object)
{
  LlEventTable *self = LL_EVENT_TABLE (object);

  /* (after the cells that draw with them) */
  g_clear_pointer (&self->glyphs, ll_table_glyphs_free);

  G_OBJECT_CLASS (ll_event_table_parent_class)->finalize (object);
}

/* The font may have changed: the cells take its size. */
static void
ll_event_table_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ll_event_table_parent_class)->css_changed (widget, change);
  ll_table_glyphs_reset (LL_EVENT_TABLE (widget)->glyphs);
  ll_event_table_read_font_metrics (LL_EVENT_TABLE (widget));
}

static void
ll_event_table_system_setting_changed (GtkWidget       *widget,
                                       GtkSystemSetting setting)
{
  GTK_WIDGET_CLASS (ll_event_table_parent_class)->system_setting_changed (widget, setting);
  ll_table_glyphs_reset (LL_EVENT_TABLE (widget)->glyphs);
  ll_event_table_read_font_metrics (LL_EVENT_TABLE (widget));
}

static void
ll_event_table_class_init (LlEventTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_event_table_dispose;
  object_class->finalize = ll_event_table_finalize;
  widget_class->css_changed = ll_event_table_css_changed;
  widget_class->map = ll_event_table_map;
  widget_class->system_setting_changed = ll_event_table_system_setting_changed;
  ll_event_table_cells_class_init ();

  /* The selection changed: ll_event_table_get_selected_event () says to what. */
  signals[EVENT_SELECTED] =
    g_signal_new ("event-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "table.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "table.copy", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "eventtable");
}

/* The Sort menu: each key once, named as its first column is ("#" in
 * words), in the columns' order; its target is the key. */
static GtkWidget *
build_sort_button (void)
{
  g_autoptr(GMenu) keys = g_menu_new ();
  guint seen = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      LlEventKey key = ll_event_table_columns[c].key;
      g_autoptr(GMenuItem) item = NULL;

      if (seen & (1u << key))
        continue;
      seen |= 1u << key;
      item = g_menu_item_new (key == LL_EVENT_KEY_NUMBER ? _("Number") : _(ll_event_table_columns[c].title), NULL);
      g_menu_item_set_action_and_target_value (item, "sort.column", g_variant_new_uint32 (key));
      g_menu_append_item (keys, item);
    }
  return ll_column_sort_button_new (G_MENU_MODEL (keys), _("Sort the Rows"));
}

static GtkWidget *
build_header (LlEventTable *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (_("Reallocations"));
  GtkWidget *count = gtk_label_new ("");

  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_hexpand (count, TRUE);
  gtk_label_set_xalign (GTK_LABEL (count), 0);
  self->count_label = GTK_LABEL (count);

  self->copy_button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_add_css_class (self->copy_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->copy_button), "table.copy");
  gtk_widget_set_tooltip_text (self->copy_button, _("Copy the Selected Rows as CSV (Ctrl+C)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy the Selected Rows as CSV"), -1);
  gtk_widget_set_sensitive (self->copy_button, FALSE);

  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), count);
  gtk_box_append (GTK_BOX (header), build_sort_button ());
  gtk_box_append (GTK_BOX (header), self->copy_button);
  return header;
}

static void
ll_event_table_init (LlEventTable *self)
{
  GtkWidget *scroller;

  self->units = LL_UNITS_IEC;
  self->timed = TRUE;
  self->list = ll_event_list_new ();
  self->bound = g_hash_table_new (NULL, NULL);
  self->glyphs = ll_table_glyphs_new ();
  g_signal_connect_swapped (self->list, "rows-moved", G_CALLBACK (on_rows_moved), self);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->box), build_header (self));

  self->followed = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect (self->selection, "items-changed", G_CALLBACK (on_items_changed), self);

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (self->selection)));
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "numeric");
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_column_view_set_reorderable (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  ll_ui_name_column_view (self->view, _("Reallocations"),
                          _("Every reallocation of the run; select one to mark it on the charts"));
  self->sort = ll_column_sort_new (self->view, LL_EVENT_KEY_NUMBER);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "sort", ll_column_sort_get_actions (self->sort));

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory;
      GtkColumnViewColumn *column;

      self->contexts[c] = (CellContext) { self, c, 4 };
      factory = ll_event_table_cell_factory_new (&self->contexts[c]);

      column = gtk_column_view_column_new (ll_event_table_columns[c].title ? _(ll_event_table_columns[c].title) : "", factory);
      /* (the list sorts its rows itself, by the column's key) */
      ll_column_sort_add_column (self->sort, column, ll_event_table_columns[c].key, NULL);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->view, column);
      self->columns[c] = column;
      g_object_unref (column);
    }
  gtk_column_view_column_set_visible (self->columns[COL_LOOP], FALSE);
  /* The rows span the table's width: the one column of words takes the
   * room to spare. */
  gtk_column_view_column_set_expand (self->columns[COL_BLOCK], TRUE);
  update_size_title (self);

  g_signal_connect_swapped (self->sort, "changed", G_CALLBACK (on_sort_changed), self);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scroller, TRUE);
  /* Some eight rows at the least: a short window scrolls rather than
   * squeeze the table to a few. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), TABLE_MIN_HEIGHT);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (self->box), scroller);

  update_count (self);
}

GtkWidget *
ll_event_table_new (void)
{
  return g_object_new (LL_TYPE_EVENT_TABLE, NULL);
}

LlEventList *
ll_event_table_get_list (LlEventTable *self)
{
  g_return_val_if_fail (LL_IS_EVENT_TABLE (self), NULL);

  return self->list;
}

GtkColumnView *
ll_event_table_get_column_view (LlEventTable *self)
{
  g_return_val_if_fail (LL_IS_EVENT_TABLE (self), NULL);

  return self->view;
}

char *
ll_event_table_get_text (LlEventTable  *self,
                         guint          position,
                         LlEventColumn  column)
{
  g_autoptr(LlEventRow) row = NULL;

  g_return_val_if_fail (LL_IS_EVENT_TABLE (self), NULL);
  g_return_val_if_fail (column < LL_N_EVENT_COLUMNS, NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  return row != NULL ? ll_event_table_format_cell (self, row, column) : NULL;
}

void
ll_event_table_set_view (LlEventTable        *self,
                         const LlHistoryView *view)
{
  guint64 start = 0;

  g_return_if_fail (LL_IS_EVENT_TABLE (self));

  ll_event_list_set_view (self->list, view);
  if (view != NULL)
    start = ll_history_view_get_counters (view)->start_length;
  if (start != self->start_length || view == NULL)
    {
      self->start_length = start;
      gtk_column_view_column_set_visible (self->columns[COL_LOOP], start > 0);
    }
  self->n_events = view != NULL ? ll_history_view_get_counters (view)->n_events : 0;
  {
    gboolean timed = view == NULL || ll_history_counters_timed (ll_history_view_get_counters (view));

    if (timed != self->timed)
      {
        self->timed = timed;
        ll_event_table_show_all_cells (self);
      }
  }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) != self->n_rows)
    ll_event_table_widen_for_ends (self);
  update_count (self);
}

void
ll_event_table_set_loop_start (LlEventTable *self,
                               guint64       appends)
{
  g_return_if_fail (LL_IS_EVENT_TABLE (self));

  if (self->loop_start == appends)
    return;
  self->loop_start = appends;
  ll_event_table_widen_for_ends (self);
  ll_event_table_show_all_cells (self);
}

void
ll_event_table_set_units (LlEventTable *self,
                          LlUnits       units)
{
  g_return_if_fail (LL_IS_EVENT_TABLE (self));

  if (self->units == units)
    return;
  self->units = units;
  update_size_title (self);
  ll_event_table_widen_for_ends (self);
  ll_event_table_show_all_cells (self);
}

LlColumnSort *
ll_event_table_get_sort (LlEventTable *self)
{
  g_return_val_if_fail (LL_IS_EVENT_TABLE (self), NULL);

  return self->sort;
}
