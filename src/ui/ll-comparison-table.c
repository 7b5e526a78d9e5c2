/* ll-comparison-table.c — the runs side by side: what each cost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-column-sort.h"
#include "ll-comparison-table.h"
#include "ll-run-swatch.h"
#include "ll-ui-util.h"
#include "ll-comparison.h"
#include "ll-mem.h"

/* The run's name, then the figures in their order. */
#define COL_RUN   0
#define N_COLUMNS (1 + LL_N_COMPARISON_FIGURES)

typedef guint Column;

typedef struct
{
  LlComparisonTable *table;
  Column             column;
} Context;

struct _LlComparisonTable
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkColumnView   *view;
  GtkSortListModel *sorted;
  GListModel      *runs;
  Context          contexts[N_COLUMNS];
  LlColumnSort    *sort;
  LlUnits          units;
  guint64          free_bytes;
};

G_DEFINE_FINAL_TYPE (LlComparisonTable, ll_comparison_table, GTK_TYPE_WIDGET)

static void
figures (LlComparisonTable *self,
         LlRun             *run,
         LlComparison      *c)
{
  ll_run_get_comparison (run, self->free_bytes, c);
}

static char *
format_cell (LlComparisonTable *self,
             LlRun             *run,
             Column             column)
{
  LlComparison c;

  if (column == COL_RUN)
    return ll_run_dup_short_title (run);

  figures (self, run, &c);
  return ll_comparison_format_figure (&c, column - 1, self->units);
}

static double
key_of (LlComparisonTable *self,
        LlRun             *run,
        Column             column)
{
  LlComparison c;

  figures (self, run, &c);
  return ll_comparison_figure_key (&c, column - 1);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  Context *context = data;
  double x, y;

  if (context->column == COL_RUN)
    {
      g_autofree char *x_name = ll_run_dup_short_title ((LlRun *) a);
      g_autofree char *y_name = ll_run_dup_short_title ((LlRun *) b);

      return g_utf8_collate (x_name, y_name);
    }
  x = key_of (context->table, (LlRun *) a, context->column);
  y = key_of (context->table, (LlRun *) b, context->column);
  return (x > y) - (x < y);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            Context                  *context)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), context->column == COL_RUN ? 0.0 : 1.0);
  if (context->column == COL_RUN)
    {
      /* The run as the charts draw it, then its name */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

      /* A run's name stays readable when the table is wider than its
       * pane: "CPython 3.9+ · shared · 2 GB" is cut, if at all, near its
       * end, and shown whole under the pointer. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 22);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), ll_run_swatch_new (NULL));
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
      return;
    }
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Context                  *context)
{
  LlRun *run = gtk_list_item_get_item (item);
  g_autofree char *text = format_cell (context->table, run, context->column);
  GtkWidget *label = gtk_list_item_get_child (item);

  if (context->column == COL_RUN)
    {
      GtkWidget *swatch = gtk_widget_get_first_child (label);

      ll_run_swatch_set_run (LL_RUN_SWATCH (swatch), run);
      label = gtk_widget_get_next_sibling (swatch);
      gtk_widget_set_tooltip_text (label, text);
    }
  gtk_label_set_label (GTK_LABEL (label), text);
}

char *
ll_comparison_table_copy_csv (LlComparisonTable *self)
{
  GString *csv;
  guint n;

  g_return_val_if_fail (LL_IS_COMPARISON_TABLE (self), NULL);

  csv = g_string_new (LL_COMPARISON_CSV_HEADER "\n");
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlRun) run = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);
      g_autofree char *row = NULL;
      LlComparison c;

      figures (self, run, &c);
      row = ll_comparison_format_csv (ll_run_get_config (run), &c);
      g_string_append_printf (csv, "%s\n", row);
    }
  return g_string_free (csv, FALSE);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autofree char *csv = ll_comparison_table_copy_csv (LL_COMPARISON_TABLE (widget));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), csv);
}

/* A column's header, and its item in the Sort menu. */
static const char *
column_title (Column column)
{
  return column == COL_RUN ? _("Run") : ll_comparison_figure_title (column - 1);
}

/* The Sort menu: the run list's order, then the columns left to right. */
static GtkWidget *
build_sort_button (void)
{
  g_autoptr(GMenu) columns = g_menu_new ();

  for (guint i = 0; i <= N_COLUMNS; i++)
    {
      guint c = i == 0 ? LL_COLUMN_SORT_NONE : i - 1;
      g_autoptr(GMenuItem) item = g_menu_item_new (c == LL_COLUMN_SORT_NONE ? _("As in the Run List")
                                                                         : column_title (c),
                                                   NULL);

      g_menu_item_set_action_and_target_value (item, "sort.column", g_variant_new_uint32 (c));
      g_menu_append_item (columns, item);
    }
  return ll_column_sort_button_new (G_MENU_MODEL (columns), _("Sort the Runs"));
}

static void
ll_comparison_table_dispose (GObject *object)
{
  LlComparisonTable *self = LL_COMPARISON_TABLE (object);

  g_clear_object (&self->sort);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->runs);

  G_OBJECT_CLASS (ll_comparison_table_parent_class)->dispose (object);
}

static void
ll_comparison_table_class_init (LlComparisonTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_comparison_table_dispose;

  gtk_widget_class_install_action (widget_class, "comparison.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "comparison.copy", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparisontable");
}

static void
ll_comparison_table_init (LlComparisonTable *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (_("Runs Compared"));
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkNoSelection *selection;

  self->units = LL_UNITS_IEC;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (copy, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "comparison.copy");
  gtk_widget_set_tooltip_text (copy, _("Copy the Comparison as CSV (Ctrl+C)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy the Comparison as CSV"), -1);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), build_sort_button ());
  gtk_box_append (GTK_BOX (header), copy);
  gtk_box_append (GTK_BOX (self->box), header);

  self->sorted = gtk_sort_list_model_new (NULL, NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (self->sorted));
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (selection)));
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  ll_ui_name_column_view (self->view, _("Runs Compared"),
                          _("What each run cost at its end: reallocations, slack, memory allocated, copied and held"));
  self->sort = ll_column_sort_new (self->view, LL_COLUMN_SORT_NONE);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "sort", ll_column_sort_get_actions (self->sort));
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter;

      self->contexts[c] = (Context) { self, c };
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), &self->contexts[c]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), &self->contexts[c]);
      column = gtk_column_view_column_new (column_title (c), factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, &self->contexts[c], NULL));
      ll_column_sort_add_column (self->sort, column, c, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == COL_RUN);
      g_object_unref (sorter);
      gtk_column_view_append_column (self->view, column);
      g_object_unref (column);
    }
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->view));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (self->box), scroller);
}

GtkWidget *
ll_comparison_table_new (void)
{
  return g_object_new (LL_TYPE_COMPARISON_TABLE, NULL);
}

void
ll_comparison_table_set_runs (LlComparisonTable *self,
                              GListModel        *runs)
{
  g_return_if_fail (LL_IS_COMPARISON_TABLE (self));

  if (!g_set_object (&self->runs, runs))
    return;
  ll_comparison_table_refresh (self);
}

void
ll_comparison_table_set_units (LlComparisonTable *self,
                               LlUnits            units)
{
  g_return_if_fail (LL_IS_COMPARISON_TABLE (self));

  self->units = units;
  ll_comparison_table_refresh (self);
}

void
ll_comparison_table_refresh (LlComparisonTable *self)
{
  LlMemInfo info;

  g_return_if_fail (LL_IS_COMPARISON_TABLE (self));

  /* What the machine could hold of each, now. */
  self->free_bytes = ll_mem_read_system (&info, NULL, NULL) ? ll_mem_info_spare (&info) : 0;
  /* Every row is bound again. */
  gtk_sort_list_model_set_model (self->sorted, NULL);
  gtk_sort_list_model_set_model (self->sorted, self->runs);
}

guint
ll_comparison_table_get_n_rows (LlComparisonTable *self)
{
  g_return_val_if_fail (LL_IS_COMPARISON_TABLE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

LlColumnSort *
ll_comparison_table_get_sort (LlComparisonTable *self)
{
  g_return_val_if_fail (LL_IS_COMPARISON_TABLE (self), NULL);

  return self->sort;
}
