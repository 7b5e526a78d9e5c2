/* test-block.c — the block a list lives in, grown by each mechanism, without threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <malloc.h>
#include <string.h>
#include <sys/mman.h>

#include "engine-test.h"
#include "ll-block.h"


/* Whether realloc () may grow a large block without copying it. */
static gboolean
realloc_can_remap (void)
{
#ifdef UNDER_ASAN
  return FALSE;
#elif defined(HAVE_VALGRIND)
  return !RUNNING_ON_VALGRIND;
#else
  return TRUE;
#endif
}

static void
write_pattern (guint8 *data,
               gsize   bytes)
{
  for (gsize i = 0; i < bytes; i += 4096)
    data[i] = (guint8) (i / 4096 * 7 + 1);
  if (bytes > 0)
    data[bytes - 1] = 0xa5;
}

static void
check_pattern (const guint8 *data,
               gsize         bytes)
{
  for (gsize i = 0; i < bytes - 1; i += 4096)
    g_assert_cmpuint (data[i], ==, (guint8) (i / 4096 * 7 + 1));
  g_assert_cmpuint (data[bytes - 1], ==, 0xa5);
}

/* Every mechanism keeps the data through growth, and says what it did. */
static void
test_block_grow (void)
{
  for (LlMechanism m = LL_MECHANISM_REALLOC; m < LL_N_MECHANISMS; m++)
    {
      LlBlock block;
      gboolean moved = TRUE;
      guint64 copied = 1;
      guint8 *before;

      ll_block_init (&block, m, 0);
      g_assert_null (block.data);

      g_assert_cmpint (ll_block_resize (&block, 1 * MiB, 0, NULL, &moved, &copied), ==, 0);
      g_assert_nonnull (block.data);
      g_assert_cmpuint (block.bytes, >=, 1 * MiB);
      g_assert_false (moved);
      g_assert_cmpuint (copied, ==, 0);
      write_pattern (block.data, 1 * MiB);

      g_assert_cmpint (ll_block_growth_copies (&block), ==,
                       m == LL_MECHANISM_COPY || (m == LL_MECHANISM_REALLOC && !realloc_can_remap ()));
      before = block.data;
      g_assert_cmpint (ll_block_resize (&block, 64 * MiB, 1 * MiB, NULL, &moved, &copied), ==, 0);
      g_assert_cmpuint (block.bytes, >=, 64 * MiB);
      check_pattern (block.data, 1 * MiB);
      g_assert_cmpint (moved, ==, block.data != before);

      switch (m)
        {
        case LL_MECHANISM_COPY:
          /* A new block, the slots in use copied, the old block freed. */
          g_assert_true (moved);
          g_assert_cmpuint (copied, ==, 1 * MiB);
          break;
        case LL_MECHANISM_MREMAP:
          /* Pages move, bytes do not. */
          g_assert_cmpuint (copied, ==, 0);
          g_assert_cmpuint (block.bytes % block.page_size, ==, 0);
          break;
        case LL_MECHANISM_REALLOC:
        default:
          if (realloc_can_remap ())
            g_assert_cmpuint (copied, ==, 0);
          else
            g_assert_cmpuint (copied, ==, moved ? 1 * MiB : 0);
          break;
        }

      ll_block_free (&block);
      g_assert_null (block.data);
      g_assert_cmpuint (block.bytes, ==, 0);
    }
}

/* A cancel in the middle of a copy leaves the old block as it was. */
static void
test_block_cancel (void)
{
  LlBlock block;
  gboolean moved;
  guint64 copied;
  gint cancelled = 1;
  guint8 *before;

  ll_block_init (&block, LL_MECHANISM_COPY, 0);
  g_assert_cmpint (ll_block_resize (&block, 16 * MiB, 0, NULL, &moved, &copied), ==, 0);
  write_pattern (block.data, 16 * MiB);
  before = block.data;

  g_assert_cmpint (ll_block_resize (&block, 32 * MiB, 16 * MiB, &cancelled, &moved, &copied),
                   ==, ECANCELED);
  g_assert_true (block.data == before);
  g_assert_cmpuint (block.bytes, ==, 16 * MiB);
  g_assert_false (moved);
  g_assert_cmpuint (copied, ==, 0);
  check_pattern (block.data, 16 * MiB);

  ll_block_free (&block);
}

/* What cannot be had is refused, and the block stays. */
static void
test_block_no_memory (void)
{
  for (LlMechanism m = LL_MECHANISM_REALLOC; m < LL_N_MECHANISMS; m++)
    {
      LlBlock block;
      gboolean moved;
      guint64 copied;

      ll_block_init (&block, m, 0);
      g_assert_cmpint (ll_block_resize (&block, 1 * MiB, 0, NULL, &moved, &copied), ==, 0);
      write_pattern (block.data, 1 * MiB);
      g_assert_cmpint (ll_block_resize (&block, G_MAXSIZE / 2 + 1, 1 * MiB, NULL, &moved, &copied),
                       ==, ENOMEM);
      g_assert_cmpuint (block.bytes, >=, 1 * MiB);
      check_pattern (block.data, 1 * MiB);
      ll_block_free (&block);
    }
}

typedef struct
{
  guint64      fail_at;
  guint        n_calls;
  LlBlockFault faults[8];
  gsize        bytes[8];
} FaultPlan;

static gboolean
fail_point (LlBlockFault  fault,
            guint64       index,
            gsize         bytes,
            gpointer      user_data)
{
  FaultPlan *plan = user_data;

  g_assert_cmpuint (index, ==, plan->n_calls);
  g_assert_cmpuint (plan->n_calls, <, G_N_ELEMENTS (plan->faults));
  plan->faults[plan->n_calls] = fault;
  plan->bytes[plan->n_calls] = bytes;
  plan->n_calls++;

  return index == plan->fail_at;
}

/* A growth made to fail, at its start or in the middle of its copy, fails
 * as a lack of memory does: the block stays as it was, and grows later. */
static void
test_block_fault (void)
{
  for (LlMechanism m = LL_MECHANISM_REALLOC; m < LL_N_MECHANISMS; m++)
    {
      /* The copy's third piece, or the growth itself. */
      guint fail_at = m == LL_MECHANISM_COPY ? 3 : 1;
      FaultPlan plan = { fail_at, 0 };
      LlBlock block;
      gboolean moved = TRUE;
      guint64 copied = 1;
      guint8 *before;

      ll_block_init (&block, m, 0);
      block.fault_func = fail_point;
      block.fault_data = &plan;
      g_assert_cmpint (ll_block_resize (&block, 16 * MiB, 0, NULL, &moved, &copied), ==, 0);
      g_assert_cmpuint (plan.n_calls, ==, 1);
      g_assert_cmpint (plan.faults[0], ==, LL_BLOCK_FAULT_RESIZE);
      write_pattern (block.data, 16 * MiB);
      before = block.data;

      g_assert_cmpint (ll_block_resize (&block, 32 * MiB, 16 * MiB, NULL, &moved, &copied),
                       ==, ENOMEM);
      g_assert_cmpuint (plan.n_calls, ==, fail_at + 1);
      g_assert_cmpint (plan.faults[1], ==, LL_BLOCK_FAULT_RESIZE);
      g_assert_cmpuint (plan.bytes[1], ==, 32 * MiB);
      if (m == LL_MECHANISM_COPY)
        {
          g_assert_cmpint (plan.faults[2], ==, LL_BLOCK_FAULT_COPY);
          g_assert_cmpint (plan.faults[3], ==, LL_BLOCK_FAULT_COPY);
          g_assert_cmpuint (plan.bytes[2], ==, LL_BLOCK_COPY_PIECE_BYTES);
        }
      g_assert_true (block.data == before);
      g_assert_cmpuint (block.bytes, ==, 16 * MiB);
      g_assert_false (moved);
      g_assert_cmpuint (copied, ==, 0);
      check_pattern (block.data, 16 * MiB);

      /* Nothing fails any more: it grows. */
      plan.fail_at = G_MAXUINT64;
      plan.n_calls = 0;
      block.n_fault_points = 0;
      g_assert_cmpint (ll_block_resize (&block, 32 * MiB, 16 * MiB, NULL, &moved, &copied), ==, 0);
      g_assert_cmpuint (plan.n_calls, ==, m == LL_MECHANISM_COPY ? 5 : 1);
      g_assert_cmpuint (block.bytes, ==, 32 * MiB);
      check_pattern (block.data, 16 * MiB);

      ll_block_free (&block);
    }
}

/* Huge pages: whole huge pages, at a huge page boundary, whatever the
 * growth. */
static void
test_block_huge_pages (void)
{
  gsize huge = ll_block_huge_page_size ();
  LlBlock block;
  gboolean moved;
  guint64 copied;

  g_assert_cmpuint (huge, >=, 4096);
  g_assert_cmpuint (huge & (huge - 1), ==, 0);

  ll_block_init (&block, LL_MECHANISM_MREMAP, huge);
  for (gsize bytes = 100000; bytes < 40 * MiB; bytes *= 3)
    {
      g_assert_cmpint (ll_block_resize (&block, bytes, 0, NULL, &moved, &copied), ==, 0);
      g_assert_cmpuint (block.bytes % huge, ==, 0);
      g_assert_cmpuint (block.bytes, >=, bytes);
      /* (valgrind cannot follow a move to a place of our choosing: there
       * the block moves wherever the kernel puts it.) */
      if (!under_valgrind ())
        g_assert_cmpuint ((guintptr) block.data % huge, ==, 0);
      ll_block_populate (&block, block.data, bytes);
      write_pattern (block.data, bytes);
    }
  ll_block_free (&block);

  /* Huge pages belong to the mremap mechanism alone. */
  ll_block_init (&block, LL_MECHANISM_REALLOC, huge);
  g_assert_cmpuint (block.huge_page_size, ==, 0);
}

static void
test_block_map_aligned (void)
{
  for (gsize align = 4096; align <= 4 * MiB; align *= 4)
    {
      void *p = ll_block_map_aligned (3 * MiB + 5, align);

      g_assert_true (p != MAP_FAILED);
      g_assert_cmpuint ((guintptr) p % align, ==, 0);
      memset (p, 1, 3 * MiB + 5);
      g_assert_cmpint (munmap (p, 3 * MiB + 5), ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  engine_test_init (&argc, &argv);

  g_test_add_func ("/block/grow", test_block_grow);
  g_test_add_func ("/block/cancel", test_block_cancel);
  g_test_add_func ("/block/no-memory", test_block_no_memory);
  g_test_add_func ("/block/fault", test_block_fault);
  g_test_add_func ("/block/huge-pages", test_block_huge_pages);
  g_test_add_func ("/block/map-aligned", test_block_map_aligned);

  return g_test_run ();
}
