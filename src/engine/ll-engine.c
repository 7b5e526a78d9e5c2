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
#include "ll-engine.h"
#include "ll-fit.h"
#include "ll-growth.h"
#include "ll-size.h"

/* Elements written between two looks at cancel and the reserve: 2 MiB of
 * 8-byte slots, well under a millisecond of page faults. */
#define CHUNK_ELEMENTS     (G_GUINT64_CONSTANT (256) * 1024)
/* Boxed objects come from arenas that never move, like pymalloc's. */
#define ARENA_BYTES        (G_GUINT64_CONSTANT (64) * 1024 * 1024)
#define ARENA_OBJECTS      (ARENA_BYTES / LL_OBJECT_BYTES)
#define EVENT_BATCH        1024
#define FLUSH_INTERVAL_NS  (G_GINT64_CONSTANT (10) * 1000 * 1000)
/* Growth smaller than this is checked against the sampler's last figure
 * instead of a fresh probe, which costs tens of microseconds. */
#define FRESH_PROBE_BYTES  (G_GUINT64_CONSTANT (1) * 1024 * 1024)

G_STATIC_ASSERT (ARENA_OBJECTS % CHUNK_ELEMENTS == 0);

/* What a boxed slot points at: 32 bytes holding the element's value. */
typedef struct
{
  gint64 value;
  gint64 reserved[3];
} LlObject;

G_STATIC_ASSERT (sizeof (LlObject) == LL_OBJECT_BYTES);
/* ll_contents_write () reads the value through the slot's pointer. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (LlObject, value) == 0);

struct _LlEngine
{
  gatomicrefcount  ref_count;

  LlRunConfig      config;
  LlMechanism      mechanism;
  guint            slot_bytes;
  guint            object_bytes;
  LlHistory       *history;

  GMutex           mutex;
  GCond            cond;
  GThread         *engine_thread;     /* mutex */
  GThread         *sampler_thread;    /* set before the engine thread starts */
  gboolean         sampler_stop;      /* mutex */
  gboolean         threads_done;      /* mutex */
  GSourceFunc      finished_func;     /* mutex */
  gpointer         finished_data;
  GDestroyNotify   finished_destroy;
  GMainContext    *finished_context;
  gboolean         finished_dispatched;

  GRWLock          list_lock;

  /* Atomics: read by anybody at any time */
  gint             state;
  gint             stop_reason;
  gint             cancelled;
  guint64          live_length;
  guint64          live_capacity;
  guint64          end_elapsed_ns;
  guint64          start_available;
  guint64          limit;             /* the container's memory limit, or LL_NO_LIMIT */
  guint64          reserve;
  guint64          latest_available;
  guint64          latest_spare;
  guint64          latest_spare_length;

  gint64           start_ns;
  GError          *error;             /* written before FINISHED */

  /* The list: the engine thread's while RUNNING */
  LlBlock          block;
  guint64          length;
  guint64          capacity;
  LlObject       **arenas;
  guint64          n_arenas;
  guint64          arenas_size;
  LlObject         shared_object;
  guint64          prefaulted_to;  /* huge pages: slots populated so far */

  /* Events not yet in the history: the engine thread's */
  LlEvent         *pending;
  guint            n_pending;
  gint64           last_flush_ns;
};

static inline guint64
load_u64 (const guint64 *p)
{
  return __atomic_load_n (p, __ATOMIC_RELAXED);
}

static inline void
store_u64 (guint64 *p,
           guint64  value)
{
  __atomic_store_n (p, value, __ATOMIC_RELAXED);
}

static inline gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static gboolean
engine_probe (LlEngine   *self,
              LlMemInfo  *info,
              GError    **error)
{
  memset (info, 0, sizeof *info);
  if (self->config.mem_probe != NULL)
    return self->config.mem_probe (info, self->config.mem_probe_data, error);
  return ll_mem_read_system (info, NULL, error);
}

/* The fill kernels. Each writes a contiguous run of slots with a loop the
 * compiler turns into vector stores: this loop against the page-fault limit
 * is what the engine's speed is made of. */

#if defined(__GNUC__) && !defined(__clang__)
# define LL_VECTORIZE __attribute__ ((optimize ("tree-vectorize", "vect-cost-model=dynamic")))
#else
# define LL_VECTORIZE
#endif

static void LL_VECTORIZE
fill_pointers (gpointer * restrict slots,
               gsize               n,
               gpointer            value)
{
  for (gsize i = 0; i < n; i++)
    slots[i] = value;
}

static void LL_VECTORIZE
fill_int64 (gint64 * restrict slots,
            gsize             n,
            gint64            first)
{
  for (gsize i = 0; i < n; i++)
    slots[i] = first + (gint64) i;
}

static void LL_VECTORIZE
fill_int32 (gint32 * restrict slots,
            gsize             n,
            gint32            first)
{
  /* Wraps the way (gint32) i does, without signed overflow. */
  guint32 u = (guint32) first;

  for (gsize i = 0; i < n; i++)
    slots[i] = (gint32) (u + (guint32) i);
}

static void LL_VECTORIZE
fill_boxed (LlObject ** restrict slots,
            LlObject * restrict objects,
            gsize               n,
            gint64              first)
{
  for (gsize i = 0; i < n; i++)
    {
      objects[i].value = first + (gint64) i;
      slots[i] = &objects[i];
    }
}

/* Events */

static void
engine_flush_events (LlEngine *self,
                     gint64    now)
{
  if (self->n_pending > 0)
    ll_history_push_events (self->history, self->pending, self->n_pending);
  ll_history_set_end (self->history, self->length, self->capacity);
  self->n_pending = 0;
  self->last_flush_ns = now;
}

static void
engine_publish (LlEngine *self)
{
  store_u64 (&self->live_length, self->length);
  store_u64 (&self->live_capacity, self->capacity);
}

static void
engine_set_error (LlEngine   *self,
                  GError     *error)
{
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
}

typedef enum
{
  FAILED_LIST,
  FAILED_OBJECTS,
} FailedAllocation;

static LlStopReason
engine_no_memory (LlEngine         *self,
                  FailedAllocation  what,
                  int               saved_errno,
                  guint64           bytes)
{
  g_autofree char *size = ll_format_bytes (bytes, LL_UNITS_IEC);
  GError *error;

  if (what == FAILED_OBJECTS)
    error = g_error_new (LL_RUN_ERROR, LL_RUN_ERROR_NO_MEMORY,
                         _("Could not allocate %s more for the element objects: %s. "
                           "The list so far is kept."),
                         size, g_strerror (saved_errno));
  else
    error = g_error_new (LL_RUN_ERROR, LL_RUN_ERROR_NO_MEMORY,
                         _("Could not grow the list to %s: %s. The list so far is kept."),
                         size, g_strerror (saved_errno));
  engine_set_error (self, error);

  return LL_STOP_NO_MEMORY;
}

/* The bytes the engine has made resident for @length elements. */
static inline guint64
engine_committed (LlEngine *self,
                  guint64   length)
{
  return ll_sat_mul (length, self->slot_bytes + self->object_bytes);
}

/* What the sampler last saw, less what the engine wrote since. */
static guint64
engine_estimated_spare (LlEngine *self)
{
  guint64 spare = load_u64 (&self->latest_spare);
  guint64 then = load_u64 (&self->latest_spare_length);
  guint64 written;

  if (self->length <= then)
    return spare;

  written = engine_committed (self, self->length) - engine_committed (self, then);
  return spare > written ? spare - written : 0;
}

/* Can @need more bytes become resident without eating into the reserve? */
static LlStopReason
engine_check_reserve (LlEngine *self,
                      guint64   need)
{
  guint64 spare;

  if (need >= FRESH_PROBE_BYTES)
    {
      g_autoptr(GError) error = NULL;
      LlMemInfo info;

      if (!engine_probe (self, &info, &error))
        {
          engine_set_error (self,
                            g_error_new (LL_RUN_ERROR, LL_RUN_ERROR_FAILED,
                                         _("Could not read the free memory: %s"),
                                         error->message));
          return LL_STOP_FAILED;
        }
      spare = ll_mem_info_spare (&info);
    }
  else
    {
      spare = engine_estimated_spare (self);
    }

  if (spare < self->reserve || spare - self->reserve < need)
    return LL_STOP_RESERVE;

  return LL_STOP_NONE;
}

/* Between chunks: cancel, the reserve as the sampler sees it, and events
 * that waited long enough. */
static LlStopReason
engine_check_chunk (LlEngine *self)
{
  gint64 now;

  if (g_atomic_int_get (&self->cancelled))
    return LL_STOP_CANCELLED;

  if (engine_estimated_spare (self) < self->reserve)
    return LL_STOP_RESERVE;

  now = now_ns ();
  if (now - self->last_flush_ns >= FLUSH_INTERVAL_NS)
    engine_flush_events (self, now);

  return LL_STOP_NONE;
}

static LlObject *
engine_arena (LlEngine  *self,
              guint64    index,
              LlStopReason *reason)
{
  void *arena;

  if (index < self->n_arenas)
    return self->arenas[index];

  g_assert (index == self->n_arenas);

  arena = ll_block_map_aligned (ARENA_BYTES, self->block.huge_page_size);
  if (arena == MAP_FAILED)
    {
      *reason = engine_no_memory (self, FAILED_OBJECTS, errno, ARENA_BYTES);
      return NULL;
    }

  if (self->block.huge_page_size > 0)
    madvise (arena, ARENA_BYTES, MADV_HUGEPAGE);

  if (self->n_arenas == self->arenas_size)
    {
      self->arenas_size = MAX (16, self->arenas_size * 2);
      self->arenas = g_renew (LlObject *, self->arenas, self->arenas_size);
    }
  self->arenas[self->n_arenas++] = arena;

  return arena;
}

/* Transparent huge pages fill fastest when populated a few at a time: one
 * call per 2 MiB chunk is up to ten times slower here. The slots up to
 * @to are within the capacity, and stay resident when mremap moves them. */
#define HUGE_PREFAULT_BYTES ((guint64) 32 * 1024 * 1024)

static void
engine_prefault_slots (LlEngine *self,
                       guint64   from,
                       guint64   end,
                       guint64   to)
{
  guint64 upto;

  if (self->block.huge_page_size == 0)
    {
      ll_block_populate (&self->block, self->block.data + from * self->slot_bytes, (end - from) * self->slot_bytes);
      return;
    }

  if (end <= self->prefaulted_to)
    return;

  from = MAX (from, self->prefaulted_to);
  upto = MIN (to, from + HUGE_PREFAULT_BYTES / self->slot_bytes);
  upto = MAX (upto, end);
  ll_block_populate (&self->block, self->block.data + from * self->slot_bytes, (upto - from) * self->slot_bytes);
  self->prefaulted_to = upto;
}

/* Appends until the list holds @to elements, all within the capacity. */
static LlStopReason
engine_fill (LlEngine *self,
             guint64   to)
{
  while (self->length < to)
    {
      guint64 from = self->length;
      guint64 end = MIN (to, (from / CHUNK_ELEMENTS + 1) * CHUNK_ELEMENTS);
      gsize n = end - from;
      LlStopReason reason = LL_STOP_NONE;

      engine_prefault_slots (self, from, end, to);

      switch (self->config.element)
        {
        case LL_ELEMENT_SHARED:
          fill_pointers ((gpointer *) self->block.data + from, n, &self->shared_object);
          break;

        case LL_ELEMENT_BOXED:
          {
            LlObject *arena = engine_arena (self, from / ARENA_OBJECTS, &reason);

            if (arena == NULL)
              return reason;
            ll_block_populate (&self->block, arena + from % ARENA_OBJECTS, n * sizeof (LlObject));
            fill_boxed ((LlObject **) self->block.data + from, arena + from % ARENA_OBJECTS,
                        n, (gint64) from);
          }
          break;

        case LL_ELEMENT_INT64:
          fill_int64 ((gint64 *) self->block.data + from, n, (gint64) from);
          break;

        case LL_ELEMENT_INT32:
          fill_int32 ((gint32 *) self->block.data + from, n, (gint32) (guint32) from);
          break;

        case LL_N_ELEMENTS:
        default:
          g_assert_not_reached ();
        }

      self->length = end;
      store_u64 (&self->live_length, end);

      if (end % CHUNK_ELEMENTS == 0)
        {
          reason = engine_check_chunk (self);
          if (reason != LL_STOP_NONE)
            return reason;
        }
    }

  return LL_STOP_NONE;
}

/* Grows the block from the current capacity to @new_capacity slots while
 * the list holds self->length elements. On failure the old block and the
 * list in it stay as they were. */
static LlStopReason
engine_resize (LlEngine *self,
               guint64   new_capacity,
               gboolean *moved,
               guint64  *bytes_copied)
{
  guint64 new_bytes = ll_sat_mul (new_capacity, self->slot_bytes);
  int failure;

  *moved = FALSE;
  *bytes_copied = 0;
  if (new_bytes > G_MAXSIZE)
    return engine_no_memory (self, FAILED_LIST, ENOMEM, new_bytes);

  failure = ll_block_resize (&self->block, (gsize) new_bytes,
                             (gsize) self->length * self->slot_bytes,
                             &self->cancelled, moved, bytes_copied);
  if (failure == ECANCELED)
    return LL_STOP_CANCELLED;
  if (failure != 0)
    return engine_no_memory (self, FAILED_LIST, failure, new_bytes);

  self->capacity = new_capacity;
  return LL_STOP_NONE;
}

/* The bytes a growth to @new_capacity makes resident until the next one:
 * the slots and objects still to be written, and when the growth copies
 * the whole new block while the old one is still there. */
static guint64
engine_growth_need (LlEngine *self,
                    guint64   new_capacity,
                    guint64   touch_to)
{
  guint64 new_elements = touch_to > self->length ? touch_to - self->length : 0;
  guint64 need = ll_sat_mul (new_elements, self->slot_bytes + self->object_bytes);
  gboolean copies = ll_block_growth_copies (&self->block);

  if (copies)
    need = ll_sat_add (ll_sat_mul (new_elements, self->object_bytes),
                    ll_sat_mul (new_capacity, self->slot_bytes));

  return need;
}

/* How far the list will be written into @capacity slots. */
static guint64
engine_touch_limit (LlEngine *self,
                    guint64   capacity)
{
  if (self->config.target_kind == LL_TARGET_ELEMENTS)
    return MIN (capacity, self->config.target);
  return capacity;
}

static LlStopReason
engine_step (LlEngine           *self,
             const LlGrowthStep *step)
{
  LlStopReason reason;
  LlEvent *event;
  gboolean moved;
  guint64 bytes_copied;
  guint64 need;
  gint64 t0, t1;

  reason = engine_fill (self, step->fill_to);
  if (reason != LL_STOP_NONE)
    return reason;

  if (step->realloc)
    {
      guint64 touch = MAX (engine_touch_limit (self, step->new_capacity), step->length);

      if (g_atomic_int_get (&self->cancelled))
        return LL_STOP_CANCELLED;

      need = engine_growth_need (self, step->new_capacity, touch);
      reason = engine_check_reserve (self, need);
      if (reason != LL_STOP_NONE)
        return reason;

      /* A large growth may take a while: readers see what led to it first. */
      if (need >= FRESH_PROBE_BYTES && self->n_pending > 0)
        engine_flush_events (self, now_ns ());

      t0 = now_ns ();
      reason = engine_resize (self, step->new_capacity, &moved, &bytes_copied);
      t1 = now_ns ();
      if (reason != LL_STOP_NONE)
        return reason;

      store_u64 (&self->live_capacity, self->capacity);

      event = &self->pending[self->n_pending++];
      event->length = step->length;
      event->old_capacity = step->old_capacity;
      event->new_capacity = step->new_capacity;
      event->old_bytes = ll_element_container_bytes (self->config.element, step->old_capacity);
      event->new_bytes = ll_element_container_bytes (self->config.element, step->new_capacity);
      event->bytes_added = event->new_bytes >= event->old_bytes
                           ? event->new_bytes - event->old_bytes : 0;
      event->moved = moved;
      event->bytes_copied = bytes_copied;
      event->realloc_ns = (guint64) (t1 - t0);
      event->elapsed_ns = (guint64) (t1 - self->start_ns);
      event->available_bytes = load_u64 (&self->latest_available);

      if (self->n_pending == EVENT_BATCH || t1 - self->last_flush_ns >= FLUSH_INTERVAL_NS)
        engine_flush_events (self, t1);
    }

  return engine_fill (self, step->length);
}

static LlStopReason
engine_run (LlEngine *self)
{
  LlGrowth growth;
  LlGrowthStep step;
  LlStopReason reason;

  if (self->error != NULL)
    return LL_STOP_FAILED;

  if (g_atomic_int_get (&self->cancelled))
    return LL_STOP_CANCELLED;

  ll_growth_init (&growth, &self->config);

  /* The initial list, allocated the way list(range(n)) allocates it. */
  if (growth.capacity > 0)
    {
      gboolean moved;
      guint64 bytes_copied;

      reason = engine_check_reserve (self,
                                     engine_growth_need (self, growth.capacity,
                                                         engine_touch_limit (self, growth.capacity)));
      if (reason != LL_STOP_NONE)
        return reason;

      reason = engine_resize (self, growth.capacity, &moved, &bytes_copied);
      if (reason != LL_STOP_NONE)
        return reason;
      engine_publish (self);

      reason = engine_fill (self, growth.length);
      if (reason != LL_STOP_NONE)
        return reason;
    }

  while (ll_growth_next (&growth, &step))
    {
      reason = engine_step (self, &step);
      if (reason != LL_STOP_NONE)
        return reason;
    }

  return LL_STOP_TARGET;
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

  engine_flush_events (self, now);
  engine_publish (self);
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

  engine_finish (self, engine_run (self));
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
      probed = engine_probe (self, &info, &error);
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
  sample.container_bytes = ll_element_container_bytes (self->config.element, capacity);
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

  if (!engine_probe (self, &info, &local_error))
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

  return engine_committed (self, load_u64 (&self->live_length));
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
  if (engine_probe (self, &info, &error))
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
  sample.container_bytes = ll_element_container_bytes (self->config.element, 0);
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
      engine_set_error (self,
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
  status->container_bytes = ll_element_container_bytes (self->config.element, status->capacity);
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
  LlMemInfo info;
  gint state;

  g_return_if_fail (self != NULL);

  state = g_atomic_int_get (&self->state);
  g_return_if_fail (state != LL_ENGINE_RUNNING);
  if (state != LL_ENGINE_FINISHED)
    return;

  g_rw_lock_writer_lock (&self->list_lock);
  engine_free_list (self);
  g_atomic_int_set (&self->state, LL_ENGINE_RELEASED);
  g_rw_lock_writer_unlock (&self->list_lock);

  /* One last sample, so the memory chart shows the memory coming back. */
  sample.elapsed_ns = (guint64) (now_ns () - self->start_ns);
  sample.rss_bytes = ll_mem_process_rss ();
  sample.available_bytes = engine_probe (self, &info, &error)
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
