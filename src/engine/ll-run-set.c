/* ll-run-set.c — the runs kept for comparing: the current one, earlier ones, simulations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ll-run-set.h"
#include "ll-verify.h"

struct _LlRunSet
{
  GObject       parent_instance;

  GListStore   *store;
  GCancellable *cancellable;
  guint         busy;
  GPtrArray    *pending;      /* the runs of each comparison being computed */
  GPtrArray    *verifying;    /* LlVerify: the interpreters running */
};

enum {
  CHANGED,
  VERIFIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlRunSet, ll_run_set, G_TYPE_OBJECT)

static void
changed (LlRunSet *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ll_run_set_dispose (GObject *object)
{
  LlRunSet *self = LL_RUN_SET (object);

  ll_run_set_cancel (self);
  if (self->store != NULL)
    ll_run_set_clear (self, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->verifying, g_ptr_array_unref);

  G_OBJECT_CLASS (ll_run_set_parent_class)->dispose (object);
}

static void
ll_run_set_class_init (LlRunSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_run_set_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[VERIFIED] =
    g_signal_new ("verified", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, LL_TYPE_RUN, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
ll_run_set_init (LlRunSet *self)
{
  self->store = g_list_store_new (LL_TYPE_RUN);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->verifying = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
}

LlRunSet *
ll_run_set_new (void)
{
  return g_object_new (LL_TYPE_RUN_SET, NULL);
}

GListModel *
ll_run_set_get_model (LlRunSet *self)
{
  g_return_val_if_fail (LL_IS_RUN_SET (self), NULL);

  return G_LIST_MODEL (self->store);
}

/* Whether a run here other than @run has @style. */
static gboolean
style_taken (LlRunSet *self,
             LlRun    *run,
             guint     style)
{
  GListModel *model = G_LIST_MODEL (self->store);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlRun) other = g_list_model_get_item (model, i);

      if (other != run && ll_run_get_style (other) == style)
        return TRUE;
    }
  return FALSE;
}

/* The first style no run holds: a run removed gives its colour back. */
static guint
free_style (LlRunSet *self)
{
  guint style = 0;

  while (style_taken (self, NULL, style))
    style++;
  return style;
}

/* The highest number (1 for an unnumbered run) among the runs here other
 * than @run named as @run, 0 when there are none; @taken: whether one of
 * them has @run's number. */
static guint
last_number (LlRunSet *self,
             LlRun    *run,
             gboolean *taken)
{
  GListModel *model = G_LIST_MODEL (self->store);
  g_autofree char *name = ll_run_dup_default_name (run);
  guint n = g_list_model_get_n_items (model);
  guint number = MAX (ll_run_get_ordinal (run), 1);
  guint last = 0;

  *taken = FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlRun) other = g_list_model_get_item (model, i);
      g_autofree char *other_name = NULL;
      guint other_number;

      if (other == run)
        continue;
      other_name = ll_run_dup_default_name (other);
      if (g_strcmp0 (name, other_name) != 0)
        continue;
      other_number = MAX (ll_run_get_ordinal (other), 1);
      last = MAX (last, other_number);
      *taken = *taken || other_number == number;
    }
  return last;
}

/* A run named as one already here takes the next number of that name;
 * the first of its name, none. */
static void
number_run (LlRunSet *self,
            LlRun    *run)
{
  gboolean taken;
  guint last = last_number (self, run, &taken);

  ll_run_set_ordinal (run, last > 0 ? last + 1 : 0);
}

static void
insert (LlRunSet *self,
        LlRun    *run,
        guint     position)
{
  g_signal_connect_swapped (run, "notify::visible", G_CALLBACK (changed), self);
  g_signal_connect_swapped (run, "notify::title", G_CALLBACK (changed), self);
  g_list_store_insert (self->store,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->store))), run);
  changed (self);
}

void
ll_run_set_add (LlRunSet *self,
                LlRun    *run)
{
  g_return_if_fail (LL_IS_RUN_SET (self));
  g_return_if_fail (LL_IS_RUN (run));

  number_run (self, run);
  ll_run_set_style (run, free_style (self));
  insert (self, run, 0);
}

guint
ll_run_set_remove (LlRunSet *self,
                   LlRun    *run)
{
  guint position;

  g_return_val_if_fail (LL_IS_RUN_SET (self), G_MAXUINT);
  g_return_val_if_fail (LL_IS_RUN (run), G_MAXUINT);

  if (!g_list_store_find (self->store, run, &position))
    return G_MAXUINT;
  g_signal_handlers_disconnect_by_func (run, changed, self);
  g_list_store_remove (self->store, position);
  changed (self);
  return position;
}

void
ll_run_set_put_back (LlRunSet *self,
                     LlRun    *run,
                     guint     position)
{
  gboolean taken;
  guint last;

  g_return_if_fail (LL_IS_RUN_SET (self));
  g_return_if_fail (LL_IS_RUN (run));
  g_return_if_fail (!g_list_store_find (self->store, run, NULL));

  /* Its number, unless a run added meanwhile took it. */
  last = last_number (self, run, &taken);
  if (taken)
    ll_run_set_ordinal (run, last + 1);
  if (style_taken (self, run, ll_run_get_style (run)))
    ll_run_set_style (run, free_style (self));
  insert (self, run, position);
}

void
ll_run_set_clear (LlRunSet *self,
                  LlRun    *keep)
{
  guint n;

  g_return_if_fail (LL_IS_RUN_SET (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(LlRun) run = g_list_model_get_item (G_LIST_MODEL (self->store), i - 1);

      if (run == keep)
        continue;
      g_signal_handlers_disconnect_by_func (run, changed, self);
      g_list_store_remove (self->store, i - 1);
    }
  changed (self);
}

/* Comparisons --------------------------------------------------------------- */

static void
compare_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  GPtrArray *runs = data;

  /* The runs are nobody's yet: no handler runs on this thread. */
  for (guint i = 0; i < runs->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!ll_run_simulate (g_ptr_array_index (runs, i), NULL, NULL, cancellable, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
compare_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LlRunSet *self = LL_RUN_SET (source);
  GPtrArray *runs = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->busy--;
  if (self->pending != NULL)
    g_ptr_array_remove (self->pending, runs);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Cancelled: the set is going, or was cleared. */
      return;
    }
  for (guint i = 0; i < runs->len; i++)
    ll_run_set_add (self, g_ptr_array_index (runs, i));
}

void
ll_run_set_compare (LlRunSet           *self,
                    const LlRunConfig  *config,
                    const LlPolicyKind *kinds,
                    guint               n_kinds)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *runs;

  g_return_if_fail (LL_IS_RUN_SET (self));
  g_return_if_fail (config != NULL);

  /* Added last first, so the first of @kinds ends on top of the list. */
  runs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = n_kinds; i > 0; i--)
    {
      LlRunConfig c;
      LlRun *run;

      ll_run_config_for_policy (config, kinds[i - 1], &c);
      run = ll_run_new (LL_RUN_SIMULATED, &c, NULL);
      if (run != NULL)
        g_ptr_array_add (runs, run);
    }

  self->busy++;
  g_ptr_array_add (self->pending, g_ptr_array_ref (runs));
  task = g_task_new (self, self->cancellable, compare_done, NULL);
  g_task_set_source_tag (task, ll_run_set_compare);
  g_task_set_task_data (task, runs, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, compare_thread);
}

/* The interpreter ------------------------------------------------------------ */

typedef struct
{
  LlVerify *verify;
  LlRun    *run;
  char     *verdict;
  gboolean  identical;
} VerifyData;

static void
verify_data_free (gpointer data)
{
  VerifyData *v = data;

  ll_verify_free (v->verify);
  g_clear_object (&v->run);
  g_free (v->verdict);
  g_free (v);
}

static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  VerifyData *v = data;
  g_autoptr(GError) error = NULL;
  LlVerifyVerdict verdict;

  if (!ll_verify_run (v->verify, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  v->identical = ll_verify_compare (v->verify, &verdict);
  v->verdict = ll_verify_describe (&verdict);
  v->run = ll_verify_create_run (v->verify);
  g_task_return_boolean (task, TRUE);
}

static void
verify_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LlRunSet *self = LL_RUN_SET (source);
  VerifyData *v = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->busy--;
  if (self->verifying != NULL)
    g_ptr_array_remove (self->verifying, v->verify);
  if (!g_task_propagate_boolean (G_TASK (result), &error) || v->run == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->store != NULL)
        {
          g_autofree char *why = g_strdup (error != NULL ? error->message : "");

          g_signal_emit (self, signals[VERIFIED], 0, NULL, why, FALSE);
        }
      return;
    }

  ll_run_set_add (self, v->run);
  g_signal_emit (self, signals[VERIFIED], 0, v->run, v->verdict, v->identical);
}

gboolean
ll_run_set_verify (LlRunSet           *self,
                   const LlRunConfig  *config,
                   const char         *python,
                   GError            **error)
{
  g_autoptr(GTask) task = NULL;
  VerifyData *v;
  LlVerify *verify;

  g_return_val_if_fail (LL_IS_RUN_SET (self), FALSE);
  g_return_val_if_fail (config != NULL, FALSE);

  verify = ll_verify_new (config, python, error);
  if (verify == NULL)
    return FALSE;
  if (!ll_verify_check_fits (verify, error))
    {
      ll_verify_free (verify);
      return FALSE;
    }

  v = g_new0 (VerifyData, 1);
  v->verify = verify;
  self->busy++;
  g_ptr_array_add (self->verifying, verify);
  task = g_task_new (self, self->cancellable, verify_done, NULL);
  g_task_set_source_tag (task, ll_run_set_verify);
  g_task_set_task_data (task, v, verify_data_free);
  g_task_run_in_thread (task, verify_thread);
  return TRUE;
}

double
ll_run_set_get_progress (LlRunSet *self)
{
  double done = 0.0;
  guint n = 0;

  g_return_val_if_fail (LL_IS_RUN_SET (self), -1.0);

  for (guint i = 0; i < self->verifying->len; i++, n++)
    done += ll_verify_get_fraction (g_ptr_array_index (self->verifying, i));

  for (guint i = 0; i < self->pending->len; i++)
    {
      GPtrArray *runs = g_ptr_array_index (self->pending, i);

      for (guint j = 0; j < runs->len; j++, n++)
        done += ll_run_get_fraction (g_ptr_array_index (runs, j));
    }
  return n > 0 ? done / n : -1.0;
}

gboolean
ll_run_set_is_verifying (LlRunSet *self)
{
  g_return_val_if_fail (LL_IS_RUN_SET (self), FALSE);

  return self->verifying->len > 0;
}

gboolean
ll_run_set_is_busy (LlRunSet *self)
{
  g_return_val_if_fail (LL_IS_RUN_SET (self), FALSE);

  return self->busy > 0;
}

void
ll_run_set_cancel (LlRunSet *self)
{
  g_return_if_fail (LL_IS_RUN_SET (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}
