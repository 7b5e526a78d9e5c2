/* ll-engine-grow.c — the engine thread: fill, check the reserve, grow, again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

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
#include "ll-engine-private.h"
#include "ll-fit.h"
#include "ll-growth.h"
#include "ll-size.h"

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

void
ll_engine_flush_events (LlEngine *self,
                     gint64    now)
{
  if (self->n_pending > 0)
    ll_history_push_events (self->history, self->pending, self->n_pending);
  ll_history_set_end (self->history, self->length, self->capacity);
  self->n_pending = 0;
  self->last_flush_ns = now;
}

void
ll_engine_publish (LlEngine *self)
{
  store_u64 (&self->live_length, self->length);
  store_u64 (&self->live_capacity, self->capacity);
}

void
ll_engine_set_error (LlEngine   *self,
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
  ll_engine_set_error (self, error);

  return LL_STOP_NO_MEMORY;
}

/* The bytes the engine has made resident for @length elements. */
guint64
ll_engine_committed (LlEngine *self,
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

  written = ll_engine_committed (self, self->length) - ll_engine_committed (self, then);
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

      if (!ll_engine_probe (self, &info, &error))
        {
          ll_engine_set_error (self,
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
    ll_engine_flush_events (self, now);

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

  if (ll_block_check_fault (&self->block, LL_BLOCK_FAULT_ARENA, ARENA_BYTES))
    {
      *reason = engine_no_memory (self, FAILED_OBJECTS, ENOMEM, ARENA_BYTES);
      return NULL;
    }

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

/* How far the run writes before the growth after @growth's state, or
 * where it ends: the growth that reaches the target is written only to
 * its length, and the rest of its capacity is reserved, never written. */
static guint64
engine_written_next (const LlGrowth *growth)
{
  LlGrowth next = *growth;
  LlGrowthStep step;

  return ll_growth_next (&next, &step) ? step.fill_to : growth->length;
}

/* Is there room for a growth to @capacity slots, made at @length (@growth:
 * the state after it)? Room for all of it is asked for first; when that
 * is short, room for what the run will write of it (a step of the growth
 * worked out again, only then). Sets @need to the bytes asked for first. */
static LlStopReason
engine_check_growth (LlEngine       *self,
                     const LlGrowth *growth,
                     guint64         length,
                     guint64         capacity,
                     guint64        *need)
{
  guint64 touch = MAX (engine_touch_limit (self, capacity), length);
  LlStopReason reason;
  guint64 written;

  *need = engine_growth_need (self, capacity, touch);
  reason = engine_check_reserve (self, *need);
  if (reason != LL_STOP_RESERVE)
    return reason;

  written = MAX (engine_written_next (growth), length);
  if (written >= touch)
    return reason;
  return engine_check_reserve (self, engine_growth_need (self, written, written));
}

static LlStopReason
engine_step (LlEngine           *self,
             const LlGrowth     *growth,
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
      if (g_atomic_int_get (&self->cancelled))
        return LL_STOP_CANCELLED;

      reason = engine_check_growth (self, growth, step->length, step->new_capacity, &need);
      if (reason != LL_STOP_NONE)
        return reason;

      /* A large growth may take a while: readers see what led to it first. */
      if (need >= FRESH_PROBE_BYTES && self->n_pending > 0)
        ll_engine_flush_events (self, now_ns ());

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
      event->old_bytes = ll_run_config_container_bytes (&self->config, step->old_capacity);
      event->new_bytes = ll_run_config_container_bytes (&self->config, step->new_capacity);
      event->bytes_added = event->new_bytes >= event->old_bytes
                           ? event->new_bytes - event->old_bytes : 0;
      event->moved = moved;
      event->bytes_copied = bytes_copied;
      event->realloc_ns = (guint64) (t1 - t0);
      event->elapsed_ns = (guint64) (t1 - self->start_ns);
      event->available_bytes = load_u64 (&self->latest_available);

      if (self->n_pending == EVENT_BATCH || t1 - self->last_flush_ns >= FLUSH_INTERVAL_NS)
        ll_engine_flush_events (self, t1);
    }

  return engine_fill (self, step->length);
}

LlStopReason
ll_engine_grow (LlEngine *self)
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
      guint64 need;

      reason = engine_check_growth (self, &growth, growth.length, growth.capacity, &need);
      if (reason != LL_STOP_NONE)
        return reason;

      reason = engine_resize (self, growth.capacity, &moved, &bytes_copied);
      if (reason != LL_STOP_NONE)
        return reason;
      ll_engine_publish (self);

      reason = engine_fill (self, growth.length);
      if (reason != LL_STOP_NONE)
        return reason;
    }

  while (ll_growth_next (&growth, &step))
    {
      reason = engine_step (self, &growth, &step);
      if (reason != LL_STOP_NONE)
        return reason;
    }

  return LL_STOP_TARGET;
}

