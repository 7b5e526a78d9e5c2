/* ll-run.c — one run: a real list grown by the engine, or a simulation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-run-private.h"
#include "ll-simulation.h"

enum {
  PROP_0,
  PROP_TITLE,
  PROP_STATE,
  PROP_STYLE,
  PROP_VISIBLE,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static guint last_id;

G_DEFINE_FINAL_TYPE (LlRun, ll_run, G_TYPE_OBJECT)

static char *
default_title (const LlRunConfig *config,
               const char        *source)
{
  g_autofree char *target = ll_run_config_format_target (config);

  /* Translators: policy · element model · target, e.g.
   * "CPython 3.9+ · Shared object · 10.00 GB"; for a run in a real
   * interpreter, the interpreter: "Python 3.11.7 · Shared object · 10.00 GB" */
  return g_strdup_printf (_("%s · %s · %s"),
                          source != NULL ? source : _(ll_policy_get_info (config->policy.kind)->title),
                          _(ll_element_get_info (config->element)->title),
                          target);
}

/* @name with the run's number among runs of the same name, if any. */
static char *
numbered (const LlRun *self,
          char        *name)
{
  char *result;

  if (self->ordinal < 2)
    return name;
  /* TRANSLATORS: the second, third… run of the same name:
   * "CPython 3.9+ (real) #2" */
  result = g_strdup_printf (_("%s #%u"), name, self->ordinal);
  g_free (name);
  return result;
}

/* The title the run has when not renamed. */
static char *
own_title (const LlRun *self)
{
  return numbered (self, default_title (&self->config, self->source));
}

/* A run not renamed takes its own title again; FALSE for a renamed one,
 * whose title stays. */
static gboolean
update_own_title (LlRun *self)
{
  if (self->renamed)
    return FALSE;
  g_free (self->title);
  self->title = own_title (self);
  return TRUE;
}

static void
update_state (LlRun *self)
{
  LlEngineState state = ll_run_get_state (self);

  if (state != self->shown_state)
    {
      self->shown_state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
ll_run_dispose (GObject *object)
{
  LlRun *self = LL_RUN (object);

  g_cancellable_cancel (self->cancellable);
  if (self->engine != NULL)
    {
      ll_engine_cancel (self->engine);
      ll_engine_join (self->engine);
    }

  G_OBJECT_CLASS (ll_run_parent_class)->dispose (object);
}

static void
ll_run_finalize (GObject *object)
{
  LlRun *self = LL_RUN (object);

  g_clear_pointer (&self->engine, ll_engine_unref);
  g_clear_pointer (&self->history, ll_history_unref);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->sim_error);
  g_free (self->title);
  g_free (self->source);
  g_clear_pointer (&self->view, ll_history_view_free);

  G_OBJECT_CLASS (ll_run_parent_class)->finalize (object);
}

static void
ll_run_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  LlRun *self = LL_RUN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_STATE:
      g_value_set_int (value, ll_run_get_state (self));
      break;
    case PROP_STYLE:
      g_value_set_uint (value, self->style);
      break;
    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_run_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  LlRun *self = LL_RUN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ll_run_set_title (self, g_value_get_string (value));
      break;
    case PROP_STYLE:
      ll_run_set_style (self, g_value_get_uint (value));
      break;
    case PROP_VISIBLE:
      ll_run_set_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_run_class_init (LlRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_run_dispose;
  object_class->finalize = ll_run_finalize;
  object_class->get_property = ll_run_get_property;
  object_class->set_property = ll_run_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      LL_ENGINE_IDLE, LL_ENGINE_RELEASED, LL_ENGINE_IDLE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Among other runs: its colour, dash and marker on the charts. */
  properties[PROP_STYLE] =
    g_param_spec_uint ("style", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Among other runs: whether the charts draw it. */
  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted once, on the main context the run was started from, when the
   * run ended (its figures are final). */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ll_run_init (LlRun *self)
{
  self->id = (guint) g_atomic_int_add (&last_id, 1) + 1;
  self->cancellable = g_cancellable_new ();
  self->rate = -1;
  self->visible = TRUE;
}

LlRun *
ll_run_new (LlRunKind           kind,
            const LlRunConfig  *config,
            GError            **error)
{
  g_autoptr(LlRun) self = NULL;

  g_return_val_if_fail (kind == LL_RUN_REAL || kind == LL_RUN_SIMULATED, NULL);
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ll_run_config_validate (config, error))
    return NULL;

  self = g_object_new (LL_TYPE_RUN, NULL);
  self->kind = kind;
  self->config = *config;
  self->title = default_title (config, NULL);
  self->rate_length = config->initial_length;

  if (kind == LL_RUN_REAL)
    {
      /* np.append's copies grow with the square of the length. */
      if (!ll_run_config_check_copies (config, error))
        return NULL;
      self->engine = ll_engine_new (config, error);
      if (self->engine == NULL)
        return NULL;
      self->history = ll_history_ref (ll_engine_get_history (self->engine));
    }
  else
    {
      self->history = ll_history_new (config->history_buckets);
    }

  return g_steal_pointer (&self);
}

LlRun *
ll_run_new_saved (LlRunKind             kind,
                  const LlRunConfig    *config,
                  const char           *title,
                  LlHistory            *history,
                  const LlEngineStatus *status,
                  const char           *error_message,
                  GError              **error)
{
  g_autoptr(LlRun) self = NULL;

  g_return_val_if_fail (kind == LL_RUN_REAL || kind == LL_RUN_SIMULATED || kind == LL_RUN_INTERPRETER, NULL);
  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (history != NULL, NULL);
  g_return_val_if_fail (status != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ll_run_config_validate (config, error))
    return NULL;

  self = g_object_new (LL_TYPE_RUN, NULL);
  self->kind = kind;
  self->config = *config;
  self->config.mem_probe = NULL;
  self->config.mem_probe_data = NULL;
  self->title = default_title (config, NULL);
  if (title != NULL)
    ll_run_set_title (self, title);
  self->history = ll_history_ref (history);
  self->saved = TRUE;
  self->saved_status = *status;
  /* A real run's list is long gone; a simulation is as it ended. */
  self->saved_status.state = kind == LL_RUN_REAL ? LL_ENGINE_RELEASED : LL_ENGINE_FINISHED;
  self->sim_state = self->shown_state = self->saved_status.state;
  self->sim_stop = status->stop_reason;
  self->sim_elapsed_ns = status->elapsed_ns;
  if (error_message != NULL)
    self->sim_error = g_error_new_literal (LL_RUN_ERROR, LL_RUN_ERROR_FAILED, error_message);

  return g_steal_pointer (&self);
}

const char *
ll_run_get_source (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), NULL);

  return self->source;
}

void
ll_run_set_source (LlRun      *self,
                   const char *source)
{
  g_return_if_fail (LL_IS_RUN (self));

  g_free (self->source);
  self->source = g_strdup (source);
  if (update_own_title (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
ll_run_is_renamed (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), FALSE);

  return self->renamed;
}

gboolean
ll_run_is_saved (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), FALSE);

  return self->saved;
}

LlRunKind
ll_run_get_kind (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), LL_RUN_REAL);

  return self->kind;
}

guint
ll_run_get_id (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), 0);

  return self->id;
}

const LlRunConfig *
ll_run_get_config (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), NULL);

  return &self->config;
}

LlHistory *
ll_run_get_history (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), NULL);

  return self->history;
}

LlEngine *
ll_run_get_engine (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), NULL);

  return self->engine;
}

guint
ll_run_get_style (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), 0);

  return self->style;
}

void
ll_run_set_style (LlRun *self,
                  guint  style)
{
  g_return_if_fail (LL_IS_RUN (self));

  if (self->style == style)
    return;
  self->style = style;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

gboolean
ll_run_get_visible (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), FALSE);

  return self->visible;
}

void
ll_run_set_visible (LlRun    *self,
                    gboolean  visible)
{
  g_return_if_fail (LL_IS_RUN (self));

  visible = !!visible;
  if (self->visible == visible)
    return;
  self->visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}

const LlHistoryView *
ll_run_get_view (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), NULL);

  if (self->view == NULL)
    {
      self->view = ll_history_view_new ();
      ll_history_view_update (self->view, self->history);
    }
  return self->view;
}

gboolean
ll_run_update_view (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), FALSE);

  if (self->view == NULL)
    {
      ll_run_get_view (self);
      return TRUE;
    }
  return ll_history_view_update (self->view, self->history);
}

char *
ll_run_dup_default_name (LlRun *self)
{
  const char *policy;

  g_return_val_if_fail (LL_IS_RUN (self), NULL);

  if (self->source != NULL)
    return g_strdup (self->source);
  policy = _(ll_policy_get_info (self->config.policy.kind)->short_title);
  if (self->kind == LL_RUN_REAL)
    /* TRANSLATORS: a real run beside simulated ones, "CPython 3.9+ (real)" */
    return g_strdup_printf (_("%s (real)"), policy);
  return g_strdup (policy);
}

char *
ll_run_dup_short_title (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), NULL);

  /* A name the user gave is the run's name everywhere. */
  if (self->renamed)
    return g_strdup (self->title);
  return numbered (self, ll_run_dup_default_name (self));
}

guint
ll_run_get_ordinal (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), 0);

  return self->ordinal;
}

void
ll_run_set_ordinal (LlRun *self,
                    guint  ordinal)
{
  g_return_if_fail (LL_IS_RUN (self));

  if (self->ordinal == ordinal)
    return;
  self->ordinal = ordinal;
  update_own_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ll_run_get_title (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), NULL);

  return self->title;
}

void
ll_run_set_title (LlRun      *self,
                  const char *title)
{
  g_autofree char *stripped = NULL;
  g_autofree char *own = NULL;

  g_return_if_fail (LL_IS_RUN (self));

  stripped = g_strstrip (g_strdup (title != NULL ? title : ""));
  own = own_title (self);
  /* Empty, or its own name typed again: the run's own name. */
  self->renamed = stripped[0] != '\0' && strcmp (stripped, own) != 0;
  if (!self->renamed)
    {
      g_free (stripped);
      stripped = g_steal_pointer (&own);
    }

  if (g_strcmp0 (self->title, stripped) == 0)
    return;

  g_free (self->title);
  self->title = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
ll_run_get_comparison (LlRun        *self,
                       guint64       free_bytes,
                       LlComparison *comparison)
{
  LlHistoryCounters counters;
  LlEngineStatus status;
  guint64 elapsed_ns = 0;

  g_return_if_fail (LL_IS_RUN (self));
  g_return_if_fail (comparison != NULL);

  ll_history_get_counters (self->history, &counters);
  /* A real run counts at least 1 ns: it ran, copies are known. */
  if (self->kind == LL_RUN_REAL)
    {
      ll_run_get_status (self, &status);
      elapsed_ns = MAX (status.elapsed_ns, 1);
    }
  ll_comparison_from_counters (&self->config, &counters, elapsed_ns, free_bytes, comparison);
}

LlEngineState
ll_run_get_state (LlRun *self)
{
  LlEngineStatus status;

  g_return_val_if_fail (LL_IS_RUN (self), LL_ENGINE_IDLE);

  if (self->engine == NULL)
    return __atomic_load_n (&self->sim_state, __ATOMIC_ACQUIRE);

  ll_engine_get_status (self->engine, &status);
  return status.state;
}

void
ll_run_get_status (LlRun          *self,
                   LlEngineStatus *status)
{
  LlHistoryCounters counters;

  g_return_if_fail (LL_IS_RUN (self));
  g_return_if_fail (status != NULL);

  if (self->saved)
    {
      *status = self->saved_status;
      return;
    }
  if (self->kind == LL_RUN_REAL)
    {
      ll_engine_get_status (self->engine, status);
      return;
    }

  ll_history_get_counters (self->history, &counters);
  memset (status, 0, sizeof *status);
  status->state = __atomic_load_n (&self->sim_state, __ATOMIC_ACQUIRE);
  status->stop_reason = self->sim_stop;
  status->length = counters.end_length;
  status->capacity = counters.end_capacity;
  status->container_bytes = ll_run_config_container_bytes (&self->config, counters.end_capacity);
  status->objects_bytes = ll_element_objects_bytes (self->config.element, counters.end_length);
  status->elapsed_ns = self->sim_elapsed_ns;
  status->limit_bytes = LL_NO_LIMIT;
}

const GError *
ll_run_get_error (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), NULL);

  if (self->engine == NULL)
    return self->sim_error;
  return ll_engine_get_error (self->engine);
}

gboolean
ll_run_plan (LlRun    *self,
             guint64   reclaimable,
             LlFit    *fit,
             GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  LlMemInfo info = { 0 };
  gboolean read;

  g_return_val_if_fail (LL_IS_RUN (self), FALSE);
  g_return_val_if_fail (fit != NULL, FALSE);

  if (self->config.mem_probe != NULL)
    read = self->config.mem_probe (&info, self->config.mem_probe_data, &local_error);
  else
    read = ll_mem_read_system (&info, NULL, &local_error);

  if (!read)
    {
      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_FAILED,
                   _("Could not read the free memory: %s"), local_error->message);
      return FALSE;
    }

  ll_fit_plan (fit, &self->config, &info, reclaimable);
  return TRUE;
}

guint64
ll_run_get_resident_bytes (LlRun *self)
{
  g_return_val_if_fail (LL_IS_RUN (self), 0);

  return self->engine != NULL ? ll_engine_get_resident_bytes (self->engine) : 0;
}

/* Running */

static void
finish (LlRun *self)
{
  update_state (self);
  g_signal_emit (self, signals[FINISHED], 0);
}

static gboolean
on_engine_finished (gpointer user_data)
{
  g_autoptr(LlRun) self = g_weak_ref_get (user_data);

  if (self != NULL)
    {
      ll_engine_join (self->engine);
      finish (self);
    }

  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
estimate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  guint64 final_length = 0;

  ll_run_config_estimate_peak (task_data, &final_length, NULL);
  g_task_return_int (task, (gssize) MIN (final_length, (guint64) G_MAXSSIZE));
}

static void
on_estimated (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LlRun *self = LL_RUN (object);
  gssize final_length = g_task_propagate_int (G_TASK (result), NULL);

  if (final_length > 0)
    self->final_length = (guint64) final_length;
}

static void
simulate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  LlRun *self = source_object;
  GError *error = NULL;

  if (ll_simulate (&self->config, self->history, NULL, NULL, NULL, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The simulation begun at @started (monotonic time) has ended, reaching
 * its target or stopped by @error. */
static void
simulation_ended (LlRun        *self,
                  gint64        started,
                  const GError *error)
{
  self->sim_elapsed_ns = (guint64) (g_get_monotonic_time () - started) * 1000;
  if (error == NULL)
    self->sim_stop = LL_STOP_TARGET;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->sim_stop = LL_STOP_CANCELLED;
  else
    {
      self->sim_stop = LL_STOP_FAILED;
      self->sim_error = g_error_copy (error);
    }
  __atomic_store_n (&self->sim_state, LL_ENGINE_FINISHED, __ATOMIC_RELEASE);
}

static void
on_simulated (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LlRun *self = LL_RUN (object);
  g_autoptr(GError) error = NULL;
  gint64 started = GPOINTER_TO_SIZE (g_task_get_task_data (G_TASK (result)));

  g_task_propagate_boolean (G_TASK (result), &error);
  simulation_ended (self, started, error);
  finish (self);
}

void
ll_run_start (LlRun *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LL_IS_RUN (self));
  g_return_if_fail (ll_run_get_state (self) == LL_ENGINE_IDLE);

  if (self->kind == LL_RUN_SIMULATED)
    {
      __atomic_store_n (&self->sim_state, LL_ENGINE_RUNNING, __ATOMIC_RELEASE);
      task = g_task_new (self, self->cancellable, on_simulated, NULL);
      g_task_set_source_tag (task, ll_run_start);
      g_task_set_task_data (task, GSIZE_TO_POINTER ((gsize) g_get_monotonic_time ()), NULL);
      /* The run reports a cancel itself, once the history took what was
       * computed. */
      g_task_set_check_cancellable (task, FALSE);
      g_task_run_in_thread (task, simulate_thread);
      update_state (self);
      return;
    }

  {
    GWeakRef *ref = g_new0 (GWeakRef, 1);

    g_weak_ref_init (ref, self);
    ll_engine_set_finished_callback (self->engine, on_engine_finished, ref, weak_ref_free);
  }

  /* The final length, for the time left: the stepper runs to the target
   * while the engine grows the list. */
  task = g_task_new (self, self->cancellable, on_estimated, NULL);
  g_task_set_source_tag (task, ll_run_start);
  g_task_set_task_data (task, g_memdup2 (&self->config, sizeof self->config), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, estimate_thread);

  ll_engine_start (self->engine);
  update_state (self);
}

static void
on_simulation_progress (guint64  length,
                        guint64  metric,
                        gpointer user_data)
{
  LlRun *self = user_data;

  __atomic_store_n (&self->sim_metric, metric, __ATOMIC_RELAXED);
}

gboolean
ll_run_simulate (LlRun             *self,
                 LlSimulationSink   sink,
                 gpointer           sink_data,
                 GCancellable      *cancellable,
                 GError           **error)
{
  gint64 started = g_get_monotonic_time ();
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (LL_IS_RUN (self), FALSE);
  g_return_val_if_fail (self->kind == LL_RUN_SIMULATED, FALSE);
  g_return_val_if_fail (ll_run_get_state (self) == LL_ENGINE_IDLE, FALSE);

  __atomic_store_n (&self->sim_state, LL_ENGINE_RUNNING, __ATOMIC_RELEASE);
  ok = ll_simulate (&self->config, self->history, sink, sink_data,
                    on_simulation_progress, self, cancellable, &local_error);
  simulation_ended (self, started, local_error);
  update_state (self);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

void
ll_run_cancel (LlRun *self)
{
  g_return_if_fail (LL_IS_RUN (self));

  if (self->engine == NULL)
    g_cancellable_cancel (self->cancellable);
  else
    ll_engine_cancel (self->engine);
}

static void
release_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ll_engine_release (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
on_released (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LlRun *self = LL_RUN (object);
  g_autoptr(GTask) task = user_data;

  self->releasing = FALSE;
  update_state (self);
  g_task_return_boolean (task, g_task_propagate_boolean (G_TASK (result), NULL));
}

void
ll_run_release_async (LlRun               *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;

  g_return_if_fail (LL_IS_RUN (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_run_release_async);

  if (self->engine == NULL || self->releasing ||
      ll_run_get_state (self) != LL_ENGINE_FINISHED)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is no list in memory to release"));
      return;
    }

  /* Freeing gigabytes takes a moment: off the main thread. */
  self->releasing = TRUE;
  worker = g_task_new (self, NULL, on_released, g_steal_pointer (&task));
  g_task_set_source_tag (worker, ll_run_release_async);
  g_task_set_task_data (worker, ll_engine_ref (self->engine), (GDestroyNotify) ll_engine_unref);
  g_task_run_in_thread (worker, release_thread);
}

gboolean
ll_run_release_finish (LlRun         *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (LL_IS_RUN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
