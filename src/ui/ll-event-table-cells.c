/* ll-event-table-cells.c — the reallocations table's cells: what each
 * column says of a row, and cells made only for the rows in view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-event-table-private.h"

const ColumnInfo ll_event_table_columns[N_COLUMNS] = {
  [COL_NUMBER] = { N_("#"), LL_EVENT_KEY_NUMBER, TRUE },
  [COL_LENGTH] = { N_("Length"), LL_EVENT_KEY_LENGTH, TRUE },
  [COL_LOOP] = { N_("Loop Index"), LL_EVENT_KEY_LENGTH, TRUE },
  [COL_CAPACITY] = { N_("Capacity"), LL_EVENT_KEY_CAPACITY, TRUE },
  [COL_BYTES] = { N_("Container"), LL_EVENT_KEY_BYTES, TRUE },
  [COL_SIZE] = { NULL, LL_EVENT_KEY_BYTES, TRUE },
  [COL_ADDED] = { N_("Added"), LL_EVENT_KEY_ADDED, TRUE },
  [COL_BLOCK] = { N_("Block"), LL_EVENT_KEY_OUTCOME, FALSE },
  [COL_COPIED] = { N_("Copied"), LL_EVENT_KEY_COPIED, TRUE },
  [COL_TIME] = { N_("Time"), LL_EVENT_KEY_TIME, TRUE },
  [COL_AVAILABLE] = { N_("Free Memory"), LL_EVENT_KEY_AVAILABLE, TRUE },
};

/* A cell's list item → the CellContext of its column. */
static GQuark cell_context_quark;
/* A row → the list items of its cells bound now (a GPtrArray). */
static GQuark row_cells_quark;
/* A cell out of view → TRUE while what it shows is not its row's. */
static GQuark stale_cell_quark;

/* Texts ------------------------------------------------------------------- */

static char *
count_range (guint64 first,
             guint64 last)
{
  g_autofree char *a = ll_format_count_exact (first);
  g_autofree char *b = ll_format_count_exact (last);

  if (first == last)
    return g_steal_pointer (&a);
  /* TRANSLATORS: a range of numbers, "1,025–1,280" */
  return g_strdup_printf (_("%s–%s"), a, b);
}

static char *
format_block (const LlEventBucket *b)
{
  if (b->count <= 1)
    {
      switch (ll_event_get_outcome (&b->first))
        {
        case LL_OUTCOME_COPIED:
          return g_strdup (_("copied"));
        case LL_OUTCOME_MOVED:
          return g_strdup (_("moved"));
        case LL_OUTCOME_GREW_IN_PLACE:
        case LL_N_OUTCOMES:
        default:
          return g_strdup (_("grew in place"));
        }
    }
  {
    g_autofree char *moved = ll_format_count_exact (b->n_moved);
    g_autofree char *copied = ll_format_count_exact (b->n_copied);
    g_autofree char *count = ll_format_count_exact (b->count);

    /* TRANSLATORS: a merged row of the table: "12 moved, 3 copied of 256" */
    return g_strdup_printf (_("%s moved, %s copied of %s"), moved, copied, count);
  }
}

static char *
format_size (const LlEventTable *self,
             guint64             bytes)
{
  g_autofree char *text = ll_format_bytes_fixed (bytes, self->units, 2, 3);
  char *space = strrchr (text, ' ');

  /* The unit is in the column's title. */
  if (space != NULL)
    *space = '\0';
  return g_steal_pointer (&text);
}

char *
ll_event_table_format_cell (LlEventTable *self,
             LlEventRow   *row,
             Column        column)
{
  const LlEventBucket *b = ll_event_row_get_bucket (row);
  const LlEvent *first = &b->first, *last = &b->last;
  gboolean merged = b->count > 1;
  guint64 number = ll_event_row_get_number (row);
  guint64 start = ll_event_row_get_start_length (row);

  switch (column)
    {
    case COL_NUMBER:
      return count_range (number, number + MAX (b->count, 1) - 1);
    case COL_LENGTH:
      return count_range (first->length, last->length);
    case COL_LOOP:
      /* Appends before the loop have no index. */
      start += self->loop_start;
      if (last->length <= start)
        return g_strdup ("—");
      return count_range (first->length > start ? first->length - start - 1 : 0, last->length - start - 1);
    case COL_CAPACITY:
      {
        g_autofree char *from = ll_format_count_exact (first->old_capacity);
        g_autofree char *to = ll_format_count_exact (last->new_capacity);

        return g_strdup_printf ("%s → %s", from, to);
      }
    case COL_BYTES:
      return ll_format_count_exact (last->new_bytes);
    case COL_SIZE:
      return format_size (self, last->new_bytes);
    case COL_ADDED:
      {
        g_autofree char *size = ll_format_bytes_precise (merged ? b->max_bytes_added : first->bytes_added,
                                                         self->units);

        /* TRANSLATORS: the largest of a merged row's reallocations */
        return merged ? g_strdup_printf (_("up to +%s"), size) : g_strdup_printf ("+%s", size);
      }
    case COL_BLOCK:
      /* Reallocations not timed (a simulation, an interpreter) show a
       * block copied where the runtime copies, not where realloc () put it. */
      if (!self->timed && last->bytes_copied == 0)
        return g_strdup ("—");
      return format_block (b);
    case COL_COPIED:
      return ll_format_bytes (merged ? last->bytes_copied : first->bytes_copied, self->units);
    case COL_TIME:
      if (!self->timed)
        return g_strdup ("—");
      {
        g_autofree char *time = ll_format_duration (merged ? b->max_realloc_ns : first->realloc_ns);

        return merged ? g_strdup_printf (_("up to %s"), time) : g_steal_pointer (&time);
      }
    case COL_AVAILABLE:
      /* (a simulation measures no free memory; an interpreter's run does) */
      if (last->available_bytes == 0)
        return g_strdup ("—");
      return ll_format_bytes (last->available_bytes, self->units);
    case LL_N_EVENT_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Cells ------------------------------------------------------------------- */

/* Cells are LlTableCells: a new text only redraws its cell, where a label
 * would lay out the whole table again, for every cell of every row that
 * scrolls in, and is drawn from glyphs the table shaped once. The column
 * keeps the width of the longest text it showed (in characters as wide as
 * a digit), so nothing is cut and the columns do not jitter while
 * scrolling.
 *
 * The table sizes its cells, by a size request: GTK asks every cell of a
 * column for its size again whenever a row is made or dropped (some 2,000
 * cells), and a cell that counted characters would read the font's
 * metrics at each ask. */
/* How many digits wide @text is, about: separators and spaces are narrow. */
static guint
text_width_in_digits (const char *text)
{
  guint halves = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      halves += (c == ',' || c == '.' || c == ' ' || c == 0x202F || c == 0xA0) ? 1 : 2;
    }
  return (halves + 1) / 2;
}

/* The column takes @text's width, with a digit to spare, if it is wider
 * than what the column showed yet: TRUE when it grew (its cells are not
 * sized yet). */
static gboolean
fit_column (CellContext *context,
            const char  *text)
{
  guint n_chars = text_width_in_digits (text) + 1;

  if (n_chars <= context->n_chars)
    return FALSE;
  context->n_chars = n_chars;
  return TRUE;
}

static int
cell_width (LlEventTable *self,
            guint         n_chars)
{
  return PANGO_PIXELS_CEIL ((int) n_chars * self->char_width);
}

static int
cell_height (LlEventTable *self)
{
  return PANGO_PIXELS_CEIL (self->line_height);
}

static void
size_cell (LlEventTable *self,
           GtkWidget    *cell,
           guint         n_chars)
{
  gtk_widget_set_size_request (cell, cell_width (self, n_chars), cell_height (self));
}

/* Every cell shown takes its column's width (the font changed, or a wider
 * text came): at once, for a cell left narrower would widen when it is
 * bound again, and make GTK ask the whole column again then. */
static void
size_all_cells (LlEventTable *self)
{
  GHashTableIter iter;
  gpointer item, context;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, &context))
    size_cell (self, gtk_list_item_get_child (item), ((CellContext *) context)->n_chars);
}

/* A character's width and a line's height in the table's font: the wider
 * of an average character and a digit; ascent and descent. */
void
ll_event_table_read_font_metrics (LlEventTable *self)
{
  PangoFontMetrics *metrics;
  int char_width, line_height;

  if (self->bound == NULL)
    return;
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)), NULL, NULL);
  char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  line_height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
  pango_font_metrics_unref (metrics);
  if (char_width == self->char_width && line_height == self->line_height)
    return;
  self->char_width = char_width;
  self->line_height = line_height;
  size_all_cells (self);
}

static void show_cell (CellContext *context,
                       GtkListItem *item);

static void
on_cell_map (GtkWidget   *cell,
             GtkListItem *item)
{
  if (g_object_get_qdata (G_OBJECT (cell), stale_cell_quark) != NULL &&
      gtk_list_item_get_item (item) != NULL)
    show_cell (g_object_get_qdata (G_OBJECT (item), cell_context_quark), item);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CellContext              *context)
{
  /* (made in one go: GTK 4.8 makes some 200 rows of them at a time; the
   * table's digits are tabular, as a style of the whole table) */
  GtkWidget *cell = ll_table_cell_new (context->table->glyphs,
                                       ll_event_table_columns[context->column].numeric ? 1.0f : 0.0f);

  if (context->table->char_width == 0)
    ll_event_table_read_font_metrics (context->table);
  size_cell (context->table, cell, context->n_chars);
  gtk_list_item_set_child (item, cell);
  g_object_set_qdata (G_OBJECT (item), cell_context_quark, context);
  g_signal_connect_object (cell, "map", G_CALLBACK (on_cell_map), item, 0);
  /* Before GTK 4.12 a cell took a click for the selection as well as its
   * row: a Ctrl+click selected the row and at once unselected it. The row
   * alone selects. */
  if (gtk_get_major_version () == 4 && gtk_get_minor_version () < 12)
    gtk_list_item_set_selectable (item, FALSE);
}

/* GTK 4.8 keeps some 200 rows bound around the one in view, and a jump
 * through the list binds them all in one frame; the cells of rows out of
 * view take their text when they come into view. */
static void
show_cell (CellContext *context,
           GtkListItem *item)
{
  LlEventRow *row = gtk_list_item_get_item (item);
  LlTableCell *cell = LL_TABLE_CELL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;
  int width, height;

  if (!gtk_widget_get_mapped (GTK_WIDGET (cell)))
    {
      g_object_set_qdata (G_OBJECT (cell), stale_cell_quark, GINT_TO_POINTER (TRUE));
      return;
    }
  g_object_set_qdata (G_OBJECT (cell), stale_cell_quark, NULL);
  text = ll_event_table_format_cell (context->table, row, context->column);

  if (fit_column (context, text))
    size_all_cells (context->table);
  gtk_widget_get_size_request (GTK_WIDGET (cell), &width, &height);
  if (width != cell_width (context->table, context->n_chars) ||
      height != cell_height (context->table))
    size_cell (context->table, GTK_WIDGET (cell), context->n_chars);
  /* (the cell is named by its text for screen readers) */
  ll_table_cell_set_text (cell, text);
  if (ll_event_row_is_merged (row))
    gtk_widget_add_css_class (GTK_WIDGET (cell), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (cell), "dim-label");
}

/* Another row is at its cells' position now (the rows moved), or its own
 * took more reallocations. */
static void
on_row_changed (LlEventRow *row)
{
  GPtrArray *cells = g_object_get_qdata (G_OBJECT (row), row_cells_quark);

  for (guint i = 0; cells != NULL && i < cells->len; i++)
    show_cell (g_object_get_qdata (cells->pdata[i], cell_context_quark), cells->pdata[i]);
}

/* A jump through the list binds some 200 rows of cells in one frame: a
 * row is watched once, for all of its cells. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CellContext              *context)
{
  LlEventRow *row = gtk_list_item_get_item (item);
  GPtrArray *cells = g_object_get_qdata (G_OBJECT (row), row_cells_quark);

  show_cell (context, item);
  g_hash_table_insert (context->table->bound, item, context);
  if (cells == NULL)
    {
      cells = g_ptr_array_sized_new (N_COLUMNS);
      g_object_set_qdata_full (G_OBJECT (row), row_cells_quark, cells, (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect (row, "changed", G_CALLBACK (on_row_changed), NULL);
    }
  g_ptr_array_add (cells, item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CellContext              *context)
{
  LlEventRow *row = gtk_list_item_get_item (item);
  GPtrArray *cells;

  if (context->table->bound != NULL)
    g_hash_table_remove (context->table->bound, item);
  if (row == NULL || (cells = g_object_get_qdata (G_OBJECT (row), row_cells_quark)) == NULL)
    return;
  g_ptr_array_remove_fast (cells, item);
  if (cells->len == 0)
    {
      g_signal_handlers_disconnect_by_func (row, on_row_changed, NULL);
      g_object_set_qdata (G_OBJECT (row), row_cells_quark, NULL);
    }
}

/* Every cell shown, again (their units or loop numbers changed). */
void
ll_event_table_show_all_cells (LlEventTable *self)
{
  GHashTableIter iter;
  gpointer item, context;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, &context))
    show_cell (context, item);
}

/* The columns take at once the width of the texts of the run's first and
 * last reallocations, the widest of every column that grows with the list:
 * a column widened by a scroll to the end would have GTK measure every
 * cell of the table again in that frame. */
void
ll_event_table_widen_for_ends (LlEventTable *self)
{
  guint64 numbers[2] = { 1, self->n_events };
  gboolean wider = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      guint position = ll_event_list_find_number (self->list, numbers[i]);
      g_autoptr(LlEventRow) row = NULL;

      if (position == G_MAXUINT || (row = g_list_model_get_item (G_LIST_MODEL (self->list), position)) == NULL)
        continue;
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_autofree char *text = ll_event_table_format_cell (self, row, c);

          wider |= fit_column (&self->contexts[c], text);
        }
    }
  if (wider)
    size_all_cells (self);
}

void
ll_event_table_cells_class_init (void)
{
  cell_context_quark = g_quark_from_static_string ("ll-event-table-cell");
  row_cells_quark = g_quark_from_static_string ("ll-event-table-row-cells");
  stale_cell_quark = g_quark_from_static_string ("ll-event-table-stale-cell");
}

GtkListItemFactory *
ll_event_table_cell_factory_new (CellContext *context)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), context);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), context);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), context);
  return factory;
}
