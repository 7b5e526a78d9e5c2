/* engine-test.h — what the engine's tests share: sizes, and whether valgrind or a sanitizer runs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <malloc.h>

#include "ll-element.h"
#include "ll-history.h"
#include "ll-mem.h"
#include "ll-policy.h"
#include "ll-run-config.h"

#if defined(__has_include)
# if __has_include(<valgrind/valgrind.h>)
#  include <valgrind/valgrind.h>
#  define HAVE_VALGRIND 1
# endif
#endif

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

#define MiB (G_GUINT64_CONSTANT (1) << 20)
#define GiB (G_GUINT64_CONSTANT (1) << 30)

static inline gboolean
under_valgrind (void)
{
#ifdef HAVE_VALGRIND
  return RUNNING_ON_VALGRIND;
#else
  return FALSE;
#endif
}

/* A machine with memory to spare (64 GiB, 32 GiB free, no container
 * limit): a memory probe for runs only their target or a fault stops. */
static inline gboolean
big_machine (LlMemInfo *info,
             gpointer   user_data,
             GError   **error)
{
  info->total_bytes = 64 * GiB;
  info->available_bytes = 32 * GiB;
  info->cgroup_limit_bytes = LL_NO_LIMIT;
  info->cgroup_usage_bytes = 0;
  return TRUE;
}

/* A run, as the tables of cases write it. */
typedef struct
{
  LlPolicyKind policy;
  LlMechanism  mechanism;
  LlElement    element;
  guint64      initial;
  guint64      batch;
  LlTargetKind kind;
  guint64      target;
} RunCase;

/* Sets in @config what @c says of the run; the rest stays as it was. */
static inline void
run_case_apply (const RunCase *c,
                LlRunConfig   *config)
{
  ll_policy_init (&config->policy, c->policy);
  config->mechanism = c->mechanism;
  config->element = c->element;
  config->initial_length = c->initial;
  config->batch = c->batch;
  config->target_kind = c->kind;
  config->target = c->target;
}

/* A policy that only adds: fixed +@add, or custom with a factor of 1,
 * the constant @add and capacities rounded up to @round. */
static inline void
policy_that_adds (LlPolicy     *policy,
                  LlPolicyKind  kind,
                  guint64       add,
                  guint64       round)
{
  ll_policy_init (policy, kind);
  if (kind == LL_POLICY_FIXED)
    policy->increment = add;
  else if (kind == LL_POLICY_CUSTOM)
    {
      policy->factor = 1.0;
      policy->constant = add;
      policy->round = round;
    }
}

/* What the engine writes at @index of a list of @element: one shared
 * object, or the index itself (truncated for int32). */
static inline gint64
expected_value (LlElement element,
                guint64   index)
{
  switch (element)
    {
    case LL_ELEMENT_SHARED:
      return 1;
    case LL_ELEMENT_INT32:
      return (gint32) (guint32) index;
    case LL_ELEMENT_BOXED:
    case LL_ELEMENT_INT64:
    default:
      return (gint64) index;
    }
}

/* Freed blocks wait in the sanitizer's quarantine, 256 MB of them by
 * default: they would count as the list's memory, and hundreds of runs
 * would pile them up. A test that grows lists says so once. */
#ifdef UNDER_ASAN
# define ENGINE_TEST_SMALL_QUARANTINE                         \
  const char *__asan_default_options (void);                  \
  const char *__asan_default_options (void)                   \
  {                                                           \
    return "quarantine_size_mb=16";                           \
  }
#else
# define ENGINE_TEST_SMALL_QUARANTINE
#endif

/* g_test_init (), and glibc's mmap threshold pinned: glibc raises it as
 * mapped blocks are freed, and a list block over 128 KiB is always mapped
 * and realloc () grows it with mremap, whichever test ran before. */
static inline void
engine_test_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, NULL);
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
}

/* Two reallocations are the same, field by field: the structure's padding
 * is not part of it. */
static inline void
assert_events_equal (const LlEvent *a,
                     const LlEvent *b)
{
  g_assert_cmpuint (a->length, ==, b->length);
  g_assert_cmpuint (a->old_capacity, ==, b->old_capacity);
  g_assert_cmpuint (a->new_capacity, ==, b->new_capacity);
  g_assert_cmpuint (a->old_bytes, ==, b->old_bytes);
  g_assert_cmpuint (a->new_bytes, ==, b->new_bytes);
  g_assert_cmpuint (a->bytes_added, ==, b->bytes_added);
  g_assert_cmpint (a->moved, ==, b->moved);
  g_assert_cmpuint (a->bytes_copied, ==, b->bytes_copied);
  g_assert_cmpuint (a->realloc_ns, ==, b->realloc_ns);
  g_assert_cmpuint (a->elapsed_ns, ==, b->elapsed_ns);
  g_assert_cmpuint (a->available_bytes, ==, b->available_bytes);
}

/* Two memory samples are the same, field by field. */
static inline void
assert_samples_equal (const LlSample *a,
                      const LlSample *b)
{
  g_assert_cmpuint (a->elapsed_ns, ==, b->elapsed_ns);
  g_assert_cmpuint (a->length, ==, b->length);
  g_assert_cmpuint (a->capacity, ==, b->capacity);
  g_assert_cmpuint (a->container_bytes, ==, b->container_bytes);
  g_assert_cmpuint (a->objects_bytes, ==, b->objects_bytes);
  g_assert_cmpuint (a->rss_bytes, ==, b->rss_bytes);
  g_assert_cmpuint (a->available_bytes, ==, b->available_bytes);
}
