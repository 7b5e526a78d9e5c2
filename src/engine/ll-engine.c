/* ll-engine.c — a real growable array, grown on its own thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The run follows ll_growth_next () step by step, so a real run makes
 * exactly the reallocations the simulation shows. The clock starts in
 * ll_engine_start (): building the initial list (as list(range(n)) does,
 * before the notebook's loop) is the run's first phase, so the memory
 * chart shows it being taken; it emits no event, as in the simulation.
 *
 * Threads: the engine thread owns the array. The sampler thread reads
 * memory on its own clock, also while the engine is stuck in one long
 * page-fault storm. Everything others read while the run goes on is a
 * relaxed atomic; readers of the list itself (after the run) hold the list
 * lock, which ll_engine_release () takes for writing. */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "ll-arith.h"
#include "ll-block.h"
#include "ll-contents.h"
#include "ll-csv.h"
#include "ll-allocator.h"
#include "ll-engine.h"
#include "ll-engine-private.h"
#include "ll-fit.h"
#include "ll-growth.h"
#include "ll-size.h"

gboolean
ll_engine_probe (LlEngine   *self,
                 LlMemInfo  *info,
                 GError    **error)
{
  memset (info, 0, sizeof *info);
  if (self->config.mem_probe != NULL)
    return self->config.mem_probe (info, self->config.mem_probe_data, error);
  return ll_mem_read_system (info, NULL, error);
}


/* Finishing */

static void
engine_dispatch_finished (LlEngine *self)
{
  GSourceFunc func = NULL;
  gpointer data = NULL;
  GDestroyNotify destroy = NULL;
  GMainContext *context = NULL;

  g_mutex_lock (&self->mutex);
  if (!self->finished_dispatched &&
      g_atomic_int_get (&self->state) >= LL_ENGINE_FINISHED &&
      self->finished_func != NULL)
    {
      func = g_steal_pointer (&self->finished_func);
      data = g_steal_pointer (&self->finished_data);
      destroy = g_steal_pointer (&self->finished_destroy);
      context = g_steal_pointer (&self->finished_context);
      self->finished_dispatched = TRUE;
    }
  g_mutex_unlock (&self->mutex);

  /* Always through a source: g_main_context_invoke () would run it right
   * here, on the engine thread, whenever the context is not busy. */
  if (func != NULL)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, func, data, destroy);
      g_source_set_static_name (source, "[listlab] run finished");
      g_source_attach (source, context);
      g_source_unref (source);
      g_main_context_unref (context);
    }
}

static void
engine_finish (LlEngine     *self,
               LlStopReason  reason)
{
  GThread *sampler;
  gint64 now = now_ns ();

  ll_engine_flush_events (self, now);
  ll_engine_publish (self);
  store_u64 (&self->end_elapsed_ns, (guint64) (now - self->start_ns));
  g_atomic_int_set (&self->stop_reason, reason);

  g_mutex_lock (&self->mutex);
  self->sampler_stop = TRUE;
  g_cond_broadcast (&self->cond);
  sampler = g_steal_pointer (&self->sampler_thread);
  g_mutex_unlock (&self->mutex);

  /* The sampler takes its last sample, with the final figures, on its way out. */
  if (sampler != NULL)
    g_thread_join (sampler);

  g_mutex_lock (&self->mutex);
  g_atomic_int_set (&self->state, LL_ENGINE_FINISHED);
  self->threads_done = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  engine_dispatch_finished (self);
}

static gpointer
engine_thread_func (gpointer data)
{
  LlEngine *self = data;

  /* The list is background work: on a busy machine the window that shows
   * it, and the sampler that watches memory, must not wait for it. On an
   * idle machine this changes nothing. */
  errno = 0;
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), getpriority (PRIO_PROCESS, 0) + 10) != 0)
    g_debug ("Could not lower the engine thread's priority: %s", g_strerror (errno));

  engine_finish (self, ll_engine_grow (self));
  return NULL;
}

/* The sampler */

static void
engine_take_sample (LlEngine *self)
{
  g_autoptr(GError) error = NULL;
  LlSample sample;
  LlMemInfo info;
  guint64 length, capacity;
  gboolean probed = FALSE;

  /* The figure counts what the engine wrote while it was read, and the
   * engine subtracts what it wrote since @length again: if this thread was
   * held up in between, read again rather than count gigabytes twice. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      guint64 after;

      g_clear_error (&error);
      length = load_u64 (&self->live_length);
      probed = ll_engine_probe (self, &info, &error);
      after = load_u64 (&self->live_length);
      if (!probed || after - length <= CHUNK_ELEMENTS)
        break;
    }
  capacity = load_u64 (&self->live_capacity);

  sample.rss_bytes = ll_mem_process_rss ();
  if (probed)
    {
      store_u64 (&self->latest_spare_length, length);
      store_u64 (&self->latest_spare, ll_mem_info_spare (&info));
      store_u64 (&self->latest_available, ll_mem_info_spare (&info));
    }

  sample.elapsed_ns = (guint64) (now_ns () - self->start_ns);
  sample.length = length;
  sample.capacity = capacity;
  sample.container_bytes = ll_run_config_container_bytes (&self->config, capacity);
  sample.objects_bytes = ll_element_objects_bytes (self->config.element, length);
  sample.available_bytes = load_u64 (&self->latest_available);

  ll_history_push_samples (self->history, &sample, 1);
}

static gpointer
sampler_thread_func (gpointer data)
{
  LlEngine *self = data;
  gint64 period = G_GINT64_CONSTANT (1000000000) / self->config.sample_hz;
  gint64 next = self->start_ns + period;
  gboolean stop = FALSE;

  while (!stop)
    {
      gint64 now;

      g_mutex_lock (&self->mutex);
      while (!self->sampler_stop && (now = now_ns ()) < next)
        {
          /* GLib's monotonic clock is CLOCK_MONOTONIC in microseconds. */
          g_cond_wait_until (&self->cond, &self->mutex, (next + 999) / 1000);
        }
      stop = self->sampler_stop;
      g_mutex_unlock (&self->mutex);

      engine_take_sample (self);

      now = now_ns ();
      next += period;
      if (next <= now)
        next = now + period;
    }

  return NULL;
}

/* Public API */

LlEngine *
ll_engine_new (const LlRunConfig  *config,
               GError            **error)
{
  const LlElementInfo *info;
  LlGrowth growth;
  LlEngine *self;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ll_run_config_validate (config, error))
    return NULL;

  /* Every run of every process grows its list alike (see ll-allocator.c). */
  ll_allocator_init ();

  self = g_new0 (LlEngine, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->config = *config;
  self->mechanism = ll_run_config_get_mechanism (config);
  info = ll_element_get_info (config->element);
  self->slot_bytes = info->slot_bytes;
  self->object_bytes = info->object_bytes;
  ll_block_init (&self->block, self->mechanism,
                 config->huge_pages ? ll_block_huge_page_size () : 0);
  self->history = ll_history_new (config->history_buckets);
  ll_history_set_header_bytes (self->history, ll_run_config_header_bytes (config));
  ll_growth_init (&growth, config);
  ll_history_set_start (self->history, growth.length, growth.capacity);
  self->pending = g_new (LlEvent, EVENT_BATCH);
  self->shared_object.value = 1;
  self->state = LL_ENGINE_IDLE;
  self->stop_reason = LL_STOP_NONE;
  self->latest_spare = G_MAXUINT64;
  self->limit = LL_NO_LIMIT;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_rw_lock_init (&self->list_lock);

  return self;
}

void
ll_engine_set_fault_func (LlEngine         *self,
                          LlBlockFaultFunc  func,
                          gpointer          user_data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_atomic_int_get (&self->state) == LL_ENGINE_IDLE);

  self->block.fault_func = func;
  self->block.fault_data = user_data;
  self->block.n_fault_points = 0;
}

LlEngine *
ll_engine_ref (LlEngine *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
engine_free_list (LlEngine *self)
{
  ll_block_free (&self->block);

  for (guint64 i = 0; i < self->n_arenas; i++)
    munmap (self->arenas[i], ARENA_BYTES);
  g_clear_pointer (&self->arenas, g_free);
  self->n_arenas = 0;
  self->arenas_size = 0;
}

void
ll_engine_unref (LlEngine *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  /* Nobody is left to be told the run ended. */
  g_mutex_lock (&self->mutex);
  self->finished_dispatched = TRUE;
  g_mutex_unlock (&self->mutex);

  if (g_atomic_int_get (&self->state) == LL_ENGINE_RUNNING)
    ll_engine_cancel (self);
  ll_engine_join (self);

  if (self->finished_destroy != NULL)
    self->finished_destroy (self->finished_data);
  g_clear_pointer (&self->finished_context, g_main_context_unref);

  engine_free_list (self);
  g_clear_pointer (&self->history, ll_history_unref);
  g_clear_error (&self->error);
  g_free (self->pending);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_rw_lock_clear (&self->list_lock);
  g_free (self);
}

gboolean
ll_engine_check_fits (LlEngine  *self,
                      guint64    reclaimable,
                      guint64   *fitting_target,
                      GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  LlMemInfo info;
  LlFit fit;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (fitting_target != NULL)
    *fitting_target = 0;

  if (!ll_engine_probe (self, &info, &local_error))
    {
      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_FAILED,
                   _("Could not read the free memory: %s"), local_error->message);
      return FALSE;
    }

  ll_fit_plan (&fit, &self->config, &info, reclaimable);
  if (fitting_target != NULL)
    *fitting_target = fit.fitting;
  if (fit.fits)
    return TRUE;

  message = ll_fit_describe (&fit, &self->config);
  g_set_error_literal (error, LL_RUN_ERROR, LL_RUN_ERROR_TOO_LARGE, message);
  return FALSE;
}

guint64
ll_engine_get_resident_bytes (LlEngine *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (g_atomic_int_get (&self->state) != LL_ENGINE_FINISHED)
    return 0;

  return ll_engine_committed (self, load_u64 (&self->live_length));
}

void
ll_engine_start (LlEngine *self)
{
  g_autoptr(GError) error = NULL;
  LlSample sample = { 0 };
  LlMemInfo info;

  g_return_if_fail (self != NULL);
  g_return_if_fail (g_atomic_int_get (&self->state) == LL_ENGINE_IDLE);

  g_mutex_lock (&self->mutex);

  self->start_ns = now_ns ();
  if (ll_engine_probe (self, &info, &error))
    {
      self->start_available = ll_mem_info_spare (&info);
      self->limit = info.cgroup_limit_bytes;
      self->reserve = ll_run_config_get_reserve (&self->config, &info);
      self->latest_available = ll_mem_info_spare (&info);
      self->latest_spare = ll_mem_info_spare (&info);
      self->latest_spare_length = 0;
    }
  else
    {
      self->error = g_error_new (LL_RUN_ERROR, LL_RUN_ERROR_FAILED,
                                 _("Could not read the free memory: %s"), error->message);
      g_clear_error (&error);
    }

  sample.rss_bytes = ll_mem_process_rss ();
  sample.container_bytes = ll_run_config_container_bytes (&self->config, 0);
  sample.objects_bytes = ll_element_objects_bytes (self->config.element, 0);
  sample.available_bytes = self->latest_available;
  ll_history_push_samples (self->history, &sample, 1);

  g_atomic_int_set (&self->state, LL_ENGINE_RUNNING);

  self->sampler_thread = g_thread_try_new ("listlab-sampler", sampler_thread_func, self, &error);
  if (self->sampler_thread == NULL)
    {
      g_debug ("No memory sampler: %s", error->message);
      g_clear_error (&error);
    }

  self->engine_thread = g_thread_try_new ("listlab-engine", engine_thread_func, self, &error);

  g_mutex_unlock (&self->mutex);

  if (self->engine_thread == NULL)
    {
      ll_engine_set_error (self,
                        g_error_new (LL_RUN_ERROR, LL_RUN_ERROR_FAILED,
                                     _("Could not start the engine: %s"), error->message));
      engine_finish (self, LL_STOP_FAILED);
    }
}

void
ll_engine_cancel (LlEngine *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_int_set (&self->cancelled, TRUE);
}

void
ll_engine_join (LlEngine *self)
{
  GThread *thread;

  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  if (g_atomic_int_get (&self->state) == LL_ENGINE_IDLE)
    {
      g_mutex_unlock (&self->mutex);
      return;
    }
  while (!self->threads_done)
    g_cond_wait (&self->cond, &self->mutex);
  thread = g_steal_pointer (&self->engine_thread);
  g_mutex_unlock (&self->mutex);

  if (thread != NULL)
    g_thread_join (thread);
}

void
ll_engine_set_finished_callback (LlEngine       *self,
                                 GSourceFunc     callback,
                                 gpointer        user_data,
                                 GDestroyNotify  destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;
  GMainContext *old_context;

  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->mutex);
  old_destroy = g_steal_pointer (&self->finished_destroy);
  old_data = g_steal_pointer (&self->finished_data);
  old_context = g_steal_pointer (&self->finished_context);

  self->finished_func = callback;
  self->finished_data = user_data;
  self->finished_destroy = destroy;
  self->finished_context = callback != NULL ? g_main_context_ref_thread_default () : NULL;
  self->finished_dispatched = FALSE;
  g_mutex_unlock (&self->mutex);

  if (old_destroy != NULL)
    old_destroy (old_data);
  g_clear_pointer (&old_context, g_main_context_unref);

  /* Set after the end: tell at once. */
  if (callback != NULL && g_atomic_int_get (&self->state) >= LL_ENGINE_FINISHED)
    engine_dispatch_finished (self);
}

void
ll_engine_get_status (LlEngine       *self,
                      LlEngineStatus *status)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (status != NULL);

  status->state = g_atomic_int_get (&self->state);
  status->stop_reason = g_atomic_int_get (&self->stop_reason);
  status->length = load_u64 (&self->live_length);
  status->capacity = load_u64 (&self->live_capacity);
  status->container_bytes = ll_run_config_container_bytes (&self->config, status->capacity);
  status->objects_bytes = ll_element_objects_bytes (self->config.element, status->length);

  switch (status->state)
    {
    case LL_ENGINE_IDLE:
      status->elapsed_ns = 0;
      break;
    case LL_ENGINE_RUNNING:
      status->elapsed_ns = (guint64) MAX (0, now_ns () - self->start_ns);
      break;
    case LL_ENGINE_FINISHED:
    case LL_ENGINE_RELEASED:
    default:
      status->elapsed_ns = load_u64 (&self->end_elapsed_ns);
      break;
    }

  status->start_available_bytes = status->state == LL_ENGINE_IDLE ? 0 : load_u64 (&self->start_available);
  status->limit_bytes = status->state == LL_ENGINE_IDLE ? LL_NO_LIMIT : load_u64 (&self->limit);
  status->reserve_bytes = status->state == LL_ENGINE_IDLE ? 0 : load_u64 (&self->reserve);
}

const LlRunConfig *
ll_engine_get_config (LlEngine *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->config;
}

LlHistory *
ll_engine_get_history (LlEngine *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->history;
}

const GError *
ll_engine_get_error (LlEngine *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (g_atomic_int_get (&self->state) < LL_ENGINE_FINISHED)
    return NULL;

  return self->error;
}

static inline gint64
engine_value (LlEngine *self,
              guint64   index)
{
  switch (self->config.element)
    {
    case LL_ELEMENT_SHARED:
    case LL_ELEMENT_BOXED:
      return ((LlObject * const *) self->block.data)[index]->value;
    case LL_ELEMENT_INT64:
      return ((const gint64 *) self->block.data)[index];
    case LL_ELEMENT_INT32:
      return ((const gint32 *) self->block.data)[index];
    case LL_N_ELEMENTS:
    default:
      break;
    }

  g_assert_not_reached ();
  return 0;
}

gint64
ll_engine_get_value (LlEngine *self,
                     guint64   index)
{
  gint64 value = 0;
  gboolean in_memory;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (g_atomic_int_get (&self->state) == LL_ENGINE_FINISHED, 0);
  g_return_val_if_fail (index < self->length, 0);

  /* Held against a release on another thread. */
  g_rw_lock_reader_lock (&self->list_lock);
  in_memory = g_atomic_int_get (&self->state) == LL_ENGINE_FINISHED;
  if (in_memory)
    value = engine_value (self, index);
  g_rw_lock_reader_unlock (&self->list_lock);

  g_return_val_if_fail (in_memory, 0);

  return value;
}

gboolean
ll_engine_write_contents (LlEngine           *self,
                          LlOutput           *output,
                          GCancellable       *cancellable,
                          LlContentsProgress  progress,
                          gpointer            user_data,
                          GError            **error)
{
  LlContents contents;
  gboolean ret = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Held against a release on another thread. */
  g_rw_lock_reader_lock (&self->list_lock);

  switch (g_atomic_int_get (&self->state))
    {
    case LL_ENGINE_FINISHED:
      contents.element = self->config.element;
      contents.slots = self->block.data;
      contents.length = self->length;
      ret = ll_contents_write (&contents, output, cancellable, progress, user_data, error);
      break;
    case LL_ENGINE_RELEASED:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                           _("The list was freed: its contents can no longer be written"));
      break;
    case LL_ENGINE_IDLE:
    case LL_ENGINE_RUNNING:
    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The list’s contents can be written once the run has ended"));
      break;
    }

  g_rw_lock_reader_unlock (&self->list_lock);
  return ret;
}

void
ll_engine_release (LlEngine *self)
{
  g_autoptr(GError) error = NULL;
  LlSample sample = { 0 };
  LlHistoryCounters counters;
  LlMemInfo info;
  gint state;

  g_return_if_fail (self != NULL);

  state = g_atomic_int_get (&self->state);
  g_return_if_fail (state != LL_ENGINE_RUNNING);
  if (state != LL_ENGINE_FINISHED)
    return;

  /* The list's last moment in memory: the chart holds its level until
   * here, rather than draw a slow climb across the time it was kept. */
  engine_take_sample (self);

  g_rw_lock_writer_lock (&self->list_lock);
  engine_free_list (self);
  g_atomic_int_set (&self->state, LL_ENGINE_RELEASED);
  g_rw_lock_writer_unlock (&self->list_lock);

  /* One last sample, so the memory chart shows the memory coming back. */
  sample.elapsed_ns = (guint64) (now_ns () - self->start_ns);
  ll_history_get_counters (self->history, &counters);
  if (counters.n_samples > 0)
    sample.elapsed_ns = MAX (sample.elapsed_ns, counters.last_sample.elapsed_ns + 1);
  sample.rss_bytes = ll_mem_process_rss ();
  sample.available_bytes = ll_engine_probe (self, &info, &error)
                           ? ll_mem_info_spare (&info) : load_u64 (&self->latest_available);
  ll_history_push_samples (self->history, &sample, 1);
}

const char *
ll_stop_reason_to_string (LlStopReason reason)
{
  switch (reason)
    {
    case LL_STOP_NONE:
      return "none";
    case LL_STOP_TARGET:
      return "target";
    case LL_STOP_CANCELLED:
      return "cancelled";
    case LL_STOP_RESERVE:
      return "reserve";
    case LL_STOP_NO_MEMORY:
      return "no-memory";
    case LL_STOP_FAILED:
      return "failed";
    default:
      return "unknown";
    }
}
