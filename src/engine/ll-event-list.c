/* ll-event-list.c — a run's reallocations as a list model, sortable
 *
 * The list reads the history view's buckets where they are: a million rows
 * cost their positions and, when sorted, a permutation. A row object is
 * made only for the rows a view asks for, and stands for its position:
 * when rows move (a sort, a merge, new rows at the top), the few rows
 * handed out take what is at their position now and say ::changed, where
 * telling GTK's views that a million rows were replaced would make them
 * build every visible row again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ll-csv.h"
#include "ll-event-list.h"

/* Lists this short sort at once, on the calling thread. */
#define SYNC_SORT_ROWS   20000
/* How often a sorted list takes in the rows a run adds. */
#define RESORT_INTERVAL_MS 1000
/* A long list's sort keys are read this many rows at a time, between
 * frames, before a worker sorts them. */
#define SNAPSHOT_ROWS 65536

typedef struct _SortJob SortJob;
static void sort_job_free (SortJob *job);

/* Rows -------------------------------------------------------------------- */

struct _LlEventRow
{
  GObject       parent_instance;

  LlEventBucket bucket;
  guint64       number;
  guint64       start_length;

  LlEventList  *list;       /* NULL once the row left the list */
  guint         position;
};

G_DEFINE_FINAL_TYPE (LlEventRow, ll_event_row, G_TYPE_OBJECT)

enum {
  ROW_CHANGED,
  N_ROW_SIGNALS
};

static guint row_signals[N_ROW_SIGNALS];

static void forget_row (LlEventList *list,
                        LlEventRow  *row);

static void
ll_event_row_dispose (GObject *object)
{
  LlEventRow *self = LL_EVENT_ROW (object);

  if (self->list != NULL)
    forget_row (self->list, self);

  G_OBJECT_CLASS (ll_event_row_parent_class)->dispose (object);
}

static void
ll_event_row_class_init (LlEventRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_event_row_dispose;

  /* What the row shows changed: the rows moved and another one is at its
   * position now, or it took more reallocations (a merged last row). */
  row_signals[ROW_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ll_event_row_init (LlEventRow *self)
{
}

const LlEventBucket *
ll_event_row_get_bucket (LlEventRow *self)
{
  g_return_val_if_fail (LL_IS_EVENT_ROW (self), NULL);

  return &self->bucket;
}

guint64
ll_event_row_get_number (LlEventRow *self)
{
  g_return_val_if_fail (LL_IS_EVENT_ROW (self), 0);

  return self->number;
}

guint64
ll_event_row_get_start_length (LlEventRow *self)
{
  g_return_val_if_fail (LL_IS_EVENT_ROW (self), 0);

  return self->start_length;
}

gboolean
ll_event_row_is_merged (LlEventRow *self)
{
  g_return_val_if_fail (LL_IS_EVENT_ROW (self), FALSE);

  return self->bucket.count > 1;
}

/* The list ------------------------------------------------------------------ */

struct _LlEventList
{
  GObject              parent_instance;

  const LlEventBucket *buckets;     /* the view's, read in place */
  gsize                n;
  guint64              start_length;
  GArray              *numbers;     /* guint64: each row's first reallocation */
  GHashTable          *rows;        /* position → the LlEventRow handed out, unowned */
  LlEvent              first_event; /* buckets[0].first: a merge keeps it */
  guint64              first_count; /* buckets[0].count: a merge doubles it */
  guint64              last_count;  /* the last row's count: it may fill up */
  guint                generation;  /* bumped when rows are replaced */

  LlEventKey           key;
  gboolean             descending;
  gboolean             emptied;     /* between the two halves of replace_all () */
  guint32             *order;       /* sorted positions of the first n_order rows */
  gsize                n_order;
  guint32             *inverse;     /* row → position, made when asked for */

  GCancellable        *sorting;
  SortJob             *snapshot;    /* keys being read, before the worker sorts them */
  gsize                snapshot_done;
  guint                snapshot_source;
  guint                sort_serial;
  gint64               sorted_at;
  guint                resort_source;
};

static void ll_event_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlEventList, ll_event_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ll_event_list_model_init))

enum {
  ROWS_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
ll_event_list_get_item_type (GListModel *model)
{
  return LL_TYPE_EVENT_ROW;
}

static guint
ll_event_list_get_n_items (GListModel *model)
{
  LlEventList *self = LL_EVENT_LIST (model);

  return self->emptied ? 0 : (guint) self->n;
}

/* The row shown at @position. */
static gsize
row_at (LlEventList *self,
        gsize        position)
{
  if (self->key == LL_EVENT_KEY_NUMBER)
    return self->descending ? self->n - 1 - position : position;
  if (position < self->n_order)
    return self->order[position];
  return position;
}

/* Gives @row what is at its position now; TRUE when that changed it. */
static gboolean
fill_row (LlEventList *self,
          LlEventRow  *row)
{
  gsize i = row_at (self, row->position);
  guint64 number = g_array_index (self->numbers, guint64, i);

  if (row->number == number && row->start_length == self->start_length &&
      memcmp (&row->bucket, &self->buckets[i], sizeof row->bucket) == 0)
    return FALSE;
  row->bucket = self->buckets[i];
  row->number = number;
  row->start_length = self->start_length;
  return TRUE;
}

static void
forget_row (LlEventList *list,
            LlEventRow  *row)
{
  if (g_hash_table_lookup (list->rows, GUINT_TO_POINTER (row->position)) == row)
    g_hash_table_remove (list->rows, GUINT_TO_POINTER (row->position));
  row->list = NULL;
}

static gpointer
ll_event_list_get_item (GListModel *model,
                        guint       position)
{
  LlEventList *self = LL_EVENT_LIST (model);
  LlEventRow *row;

  if (position >= self->n || self->emptied)
    return NULL;

  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  row = g_object_new (LL_TYPE_EVENT_ROW, NULL);
  row->list = self;
  row->position = position;
  fill_row (self, row);
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
  return row;
}

/* The rows handed out leave the list (those at @from and after). */
static void
forget_rows (LlEventList *self,
             gsize        from)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      LlEventRow *row = value;

      if (row->position >= from)
        {
          row->list = NULL;
          g_hash_table_iter_remove (&iter);
        }
    }
}

/* The rows handed out take what is at their position now; those that
 * changed say so (after all have, so that each reads a whole list). */
static void
refill_rows (LlEventList *self)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  forget_rows (self, self->n);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (fill_row (self, value))
      g_ptr_array_add (changed, g_object_ref (value));
  for (guint k = 0; k < changed->len; k++)
    g_signal_emit (changed->pdata[k], row_signals[ROW_CHANGED], 0);
}

static void
ll_event_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ll_event_list_get_item_type;
  iface->get_n_items = ll_event_list_get_n_items;
  iface->get_item = ll_event_list_get_item;
}

static void
cancel_sort (LlEventList *self)
{
  if (self->sorting != NULL)
    {
      g_cancellable_cancel (self->sorting);
      g_clear_object (&self->sorting);
    }
  g_clear_handle_id (&self->snapshot_source, g_source_remove);
  g_clear_pointer (&self->snapshot, sort_job_free);
  g_clear_handle_id (&self->resort_source, g_source_remove);
}

static void
ll_event_list_finalize (GObject *object)
{
  LlEventList *self = LL_EVENT_LIST (object);

  cancel_sort (self);
  forget_rows (self, 0);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->numbers, g_array_unref);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->inverse, g_free);

  G_OBJECT_CLASS (ll_event_list_parent_class)->finalize (object);
}

static void
ll_event_list_class_init (LlEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_event_list_finalize;

  /* Rows moved to other positions without any added or removed there (a
   * sort, a merge, new rows at the top): what each position shows
   * changed, and each row handed out said ::changed. */
  signals[ROWS_MOVED] =
    g_signal_new ("rows-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ll_event_list_init (LlEventList *self)
{
  self->numbers = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->rows = g_hash_table_new (NULL, NULL);
  self->key = LL_EVENT_KEY_NUMBER;
}

LlEventList *
ll_event_list_new (void)
{
  return g_object_new (LL_TYPE_EVENT_LIST, NULL);
}

/* Sorting ------------------------------------------------------------------- */

typedef struct
{
  double  key;
  guint32 row;
} SortItem;

struct _SortJob
{
  SortItem *items;
  gsize     n;
  gboolean  descending;
  guint     serial;
  guint     generation;
  LlEventKey key;
};

static void
sort_job_free (SortJob *job)
{
  g_free (job->items);
  g_free (job);
}

static int
compare_ascending (const void *a,
                   const void *b)
{
  const SortItem *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return (x->row > y->row) - (x->row < y->row);
}

static int
compare_descending (const void *a,
                    const void *b)
{
  const SortItem *x = a, *y = b;

  /* Equal keys stay in the run's order either way. */
  if (x->key != y->key)
    return x->key > y->key ? -1 : 1;
  return (x->row > y->row) - (x->row < y->row);
}

static void
sort_items (SortJob *job)
{
  qsort (job->items, job->n, sizeof *job->items,
         job->descending ? compare_descending : compare_ascending);
}

static double
key_of (const LlEventBucket *b,
        LlEventKey           key)
{
  gboolean merged = b->count > 1;

  switch (key)
    {
    case LL_EVENT_KEY_LENGTH:
      return b->last.length;
    case LL_EVENT_KEY_CAPACITY:
      return b->last.new_capacity;
    case LL_EVENT_KEY_BYTES:
      return b->last.new_bytes;
    case LL_EVENT_KEY_ADDED:
      return merged ? b->max_bytes_added : b->first.bytes_added;
    case LL_EVENT_KEY_OUTCOME:
      return ll_event_bucket_get_outcome (b);
    case LL_EVENT_KEY_COPIED:
      return merged ? (double) b->last.bytes_copied : (double) b->first.bytes_copied;
    case LL_EVENT_KEY_TIME:
      return merged ? b->max_realloc_ns : b->first.realloc_ns;
    case LL_EVENT_KEY_AVAILABLE:
      return b->last.available_bytes;
    case LL_EVENT_KEY_NUMBER:
    case LL_N_EVENT_KEYS:
    default:
      return 0;
    }
}

/* The rows moved, their number unchanged: those handed out show what is
 * at their position now. */
static void
move_rows (LlEventList *self)
{
  refill_rows (self);
  g_signal_emit (self, signals[ROWS_MOVED], 0);
}

/* The list ends at @n rows where it ended at @old_n: the rows past the
 * shorter end were added or removed. */
static void
tell_resized (LlEventList *self,
              gsize        old_n,
              gsize        n)
{
  if (n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), (guint) n, (guint) (old_n - n), 0);
  else if (n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), (guint) old_n, 0, (guint) (n - old_n));
}

/* The rows moved, and the list now ends at @n rows where it ended at
 * @old_n: said in that order, so that those told of the move (to find
 * their rows again) read a list whose length they were told. */
static void
move_rows_and_resize (LlEventList *self,
                      gsize        old_n,
                      gsize        n)
{
  refill_rows (self);
  tell_resized (self, old_n, n);
  g_signal_emit (self, signals[ROWS_MOVED], 0);
}

/* Every row replaced by another run's, said as all removed and then all
 * added. Said at once, GTK's list views would look for each row they keep
 * track of (the one scrolled to, the focus) among all the added rows, by
 * identity: a million of them. */
static void
replace_all (LlEventList *self,
             guint        old_n,
             guint        n)
{
  forget_rows (self, 0);
  /* Those told of the removal see an empty list. */
  if (old_n > 0)
    {
      self->emptied = TRUE;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
      self->emptied = FALSE;
    }
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n);
}

static void
sort_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  sort_items (data);
  g_task_return_boolean (task, TRUE);
}

static void
apply_order (LlEventList *self,
             SortJob     *job)
{
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->inverse, g_free);
  self->order = g_new (guint32, MAX (job->n, 1));
  for (gsize i = 0; i < job->n; i++)
    self->order[i] = job->items[i].row;
  self->n_order = job->n;
  self->sorted_at = g_get_monotonic_time ();
  move_rows (self);
}

static void start_sort (LlEventList *self);

static void
sort_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LlEventList *self = LL_EVENT_LIST (source);
  SortJob *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;  /* cancelled: a newer sort replaced it */

  g_clear_object (&self->sorting);
  /* Rows replaced meanwhile: the order is of rows that are gone. */
  if (job->generation != self->generation || job->serial != self->sort_serial)
    {
      start_sort (self);
      return;
    }
  apply_order (self, job);
}

static void
read_keys (LlEventList *self,
           SortJob     *job,
           gsize        from,
           gsize        to)
{
  for (gsize i = from; i < to; i++)
    {
      job->items[i].key = key_of (&self->buckets[i], job->key);
      job->items[i].row = (guint32) i;
    }
}

static void
run_sort (LlEventList *self,
          SortJob     *job)
{
  g_autoptr(GTask) task = NULL;

  self->sorting = g_cancellable_new ();
  task = g_task_new (self, self->sorting, sort_done, NULL);
  g_task_set_source_tag (task, start_sort);
  g_task_set_task_data (task, job, (GDestroyNotify) sort_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, sort_thread);
}

/* The worker never reads the view: the keys are copied first, a slice at a
 * time, so that no frame waits for a million of them. */
static gboolean
snapshot_step (gpointer user_data)
{
  LlEventList *self = user_data;
  SortJob *job = self->snapshot;
  gsize to;

  /* Rows replaced meanwhile: start again with the new ones. */
  if (job->generation != self->generation)
    {
      self->snapshot_source = 0;
      start_sort (self);
      return G_SOURCE_REMOVE;
    }

  to = MIN (self->snapshot_done + SNAPSHOT_ROWS, job->n);
  read_keys (self, job, self->snapshot_done, to);
  self->snapshot_done = to;
  if (to < job->n)
    return G_SOURCE_CONTINUE;

  self->snapshot_source = 0;
  self->snapshot = NULL;
  run_sort (self, job);
  return G_SOURCE_REMOVE;
}

static void
start_sort (LlEventList *self)
{
  SortJob *job;

  cancel_sort (self);
  if (self->key == LL_EVENT_KEY_NUMBER)
    return;

  job = g_new0 (SortJob, 1);
  job->n = self->n;
  job->descending = self->descending;
  job->serial = ++self->sort_serial;
  job->generation = self->generation;
  job->key = self->key;
  job->items = g_new (SortItem, MAX (job->n, 1));

  if (job->n <= SYNC_SORT_ROWS)
    {
      read_keys (self, job, 0, job->n);
      sort_items (job);
      apply_order (self, job);
      sort_job_free (job);
      return;
    }

  self->snapshot = job;
  self->snapshot_done = 0;
  self->snapshot_source = g_idle_add (snapshot_step, self);
}

void
ll_event_list_sort (LlEventList *self,
                    LlEventKey   key,
                    gboolean     descending)
{
  gboolean in_run_order;

  g_return_if_fail (LL_IS_EVENT_LIST (self));
  g_return_if_fail (key < LL_N_EVENT_KEYS);

  if (self->key == key && self->descending == descending)
    return;

  /* Until a sort is done the rows stay as they are: in the run's order, or
   * in the previous sort's. */
  in_run_order = self->key == LL_EVENT_KEY_NUMBER ? !self->descending : self->n_order == 0;
  self->key = key;
  self->descending = descending;
  g_clear_pointer (&self->inverse, g_free);

  if (key == LL_EVENT_KEY_NUMBER)
    {
      cancel_sort (self);
      g_clear_pointer (&self->order, g_free);
      self->n_order = 0;
      if (!in_run_order || descending)
        move_rows (self);
      return;
    }

  /* Newest first has no order of its own to keep: the run's order until
   * the sort is done (a short one is done at once). */
  if (self->order == NULL && !in_run_order && self->n > SYNC_SORT_ROWS)
    move_rows (self);
  start_sort (self);
}

LlEventKey
ll_event_list_get_sort_key (LlEventList *self,
                            gboolean    *descending)
{
  g_return_val_if_fail (LL_IS_EVENT_LIST (self), LL_EVENT_KEY_NUMBER);

  if (descending != NULL)
    *descending = self->descending;
  return self->key;
}

gboolean
ll_event_list_is_sorting (LlEventList *self)
{
  g_return_val_if_fail (LL_IS_EVENT_LIST (self), FALSE);

  return self->sorting != NULL || self->snapshot != NULL;
}

static gboolean
on_resort (gpointer user_data)
{
  LlEventList *self = user_data;

  self->resort_source = 0;
  start_sort (self);
  return G_SOURCE_REMOVE;
}

/* New rows of a sorted list wait at the end for the next sort. */
static void
schedule_resort (LlEventList *self)
{
  gint64 wait_ms;

  if (self->key == LL_EVENT_KEY_NUMBER || self->sorting != NULL || self->resort_source != 0)
    return;

  wait_ms = RESORT_INTERVAL_MS - (g_get_monotonic_time () - self->sorted_at) / 1000;
  if (wait_ms <= 0)
    start_sort (self);
  else
    self->resort_source = g_timeout_add ((guint) wait_ms, on_resort, self);
}

/* Rows ---------------------------------------------------------------------- */

static void
count_numbers (LlEventList *self,
               gsize        from)
{
  guint64 next = 1;

  g_array_set_size (self->numbers, self->n);
  if (from > 0)
    next = g_array_index (self->numbers, guint64, from - 1) + MAX (self->buckets[from - 1].count, 1);
  for (gsize i = from; i < self->n; i++)
    {
      g_array_index (self->numbers, guint64, i) = next;
      next += MAX (self->buckets[i].count, 1);
    }
}

void
ll_event_list_set_view (LlEventList         *self,
                        const LlHistoryView *view)
{
  const LlEventBucket *buckets = NULL;
  gsize n = 0, old_n;
  gboolean replaced, merged;
  const LlHistoryCounters *counters;

  g_return_if_fail (LL_IS_EVENT_LIST (self));

  if (view != NULL)
    {
      buckets = ll_history_view_get_events (view, &n);
      counters = ll_history_view_get_counters (view);
      self->start_length = counters->start_length;
    }

  old_n = self->n;
  /* Merging halves the rows and doubles the first one's count, keeping
   * its first reallocation; a cleared or new history starts over. */
  replaced = n < old_n || (n > 0 && old_n > 0 && buckets[0].count != self->first_count);
  merged = replaced && n > 0 && old_n > 0 && buckets[0].count > self->first_count &&
           memcmp (&buckets[0].first, &self->first_event, sizeof self->first_event) == 0;
  self->buckets = buckets;
  self->n = n;
  self->first_count = n > 0 ? buckets[0].count : 0;
  if (n > 0)
    self->first_event = buckets[0].first;
  if (!replaced && n == old_n && (n == 0 || buckets[n - 1].count == self->last_count))
    return;
  self->last_count = n > 0 ? buckets[n - 1].count : 0;
  g_clear_pointer (&self->inverse, g_free);

  if (replaced)
    {
      self->generation++;
      g_clear_pointer (&self->order, g_free);
      self->n_order = 0;
      count_numbers (self, 0);
      if (!merged)
        replace_all (self, (guint) old_n, (guint) n);
      else
        /* The same run, coarser: the rows shown take the merged ones,
         * the rows past the end go (the selection follows its
         * reallocations). */
        move_rows_and_resize (self, old_n, n);
      if (self->key != LL_EVENT_KEY_NUMBER)
        start_sort (self);
      return;
    }

  /* The last row may have taken more reallocations since (merged rows
   * fill up); newest first, every row moved down. */
  count_numbers (self, old_n > 0 ? old_n - 1 : 0);
  if (self->key == LL_EVENT_KEY_NUMBER && self->descending)
    move_rows_and_resize (self, old_n, n);
  else
    {
      refill_rows (self);
      tell_resized (self, old_n, n);
    }
  /* Sorted: the new rows wait at the end until the next sort. */
  if (self->key != LL_EVENT_KEY_NUMBER)
    schedule_resort (self);
}

guint64
ll_event_list_get_number (LlEventList *self,
                          guint        position)
{
  g_return_val_if_fail (LL_IS_EVENT_LIST (self), 0);

  if (position >= self->n)
    return 0;
  return g_array_index (self->numbers, guint64, row_at (self, position));
}

guint
ll_event_list_find_number (LlEventList *self,
                           guint64      number)
{
  const guint64 *numbers;
  gsize lo = 0, hi;

  g_return_val_if_fail (LL_IS_EVENT_LIST (self), G_MAXUINT);

  if (self->n == 0 || number == 0)
    return G_MAXUINT;

  /* The last row whose first number is at most @number. */
  numbers = (const guint64 *) (gpointer) self->numbers->data;
  hi = self->n;
  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (numbers[mid] <= number)
        lo = mid;
      else
        hi = mid;
    }
  if (number >= numbers[lo] + MAX (self->buckets[lo].count, 1))
    return G_MAXUINT;

  if (self->key == LL_EVENT_KEY_NUMBER)
    return (guint) (self->descending ? self->n - 1 - lo : lo);

  if (self->inverse == NULL)
    {
      self->inverse = g_new (guint32, self->n);
      for (gsize p = 0; p < self->n; p++)
        self->inverse[row_at (self, p)] = (guint32) p;
    }
  return self->inverse[lo];
}

char *
ll_event_list_format_csv (LlEventList *self,
                          const guint *positions,
                          guint        n_positions)
{
  GString *csv;
  char buf[256];

  g_return_val_if_fail (LL_IS_EVENT_LIST (self), NULL);
  g_return_val_if_fail (positions != NULL || n_positions == 0, NULL);

  csv = g_string_new (NULL);
  for (guint k = 0; k < n_positions; k++)
    {
      const LlEventBucket *b;
      gsize len;

      if (positions[k] >= self->n)
        continue;
      b = &self->buckets[row_at (self, positions[k])];
      len = ll_csv_format_event (buf, &b->first);
      g_string_append_len (csv, buf, (gssize) len);
      g_string_append_c (csv, '\n');
      if (b->count > 1)
        {
          len = ll_csv_format_event (buf, &b->last);
          g_string_append_len (csv, buf, (gssize) len);
          g_string_append_c (csv, '\n');
        }
    }
  return g_string_free (csv, FALSE);
}
