/* ll-engine-private.h — the engine's state, shared by its public face and its growing thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <time.h>

#include "ll-block.h"
#include "ll-engine.h"

G_BEGIN_DECLS

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

LlStopReason ll_engine_grow           (LlEngine          *self);
gboolean     ll_engine_probe          (LlEngine          *self,
                                       LlMemInfo         *info,
                                       GError           **error);
void         ll_engine_flush_events   (LlEngine          *self,
                                       gint64             now);
void         ll_engine_publish        (LlEngine          *self);
void         ll_engine_set_error      (LlEngine          *self,
                                       GError            *error);
guint64      ll_engine_committed      (LlEngine          *self,
                                       guint64            length);

/* Tests only: @func decides at every point where the list takes memory
 * (the block's growths and copies, the objects' arenas) whether it fails
 * there as if the memory had run out. Before the start. */
void         ll_engine_set_fault_func (LlEngine          *self,
                                       LlBlockFaultFunc   func,
                                       gpointer           user_data);

G_END_DECLS
