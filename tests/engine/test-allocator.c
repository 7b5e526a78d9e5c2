/* test-allocator.c — the process's allocator: large blocks mapped on their
 * own run after run, freed heap pages given back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "engine-test.h"
#include "ll-allocator.h"

#ifdef __GLIBC__
# if __GLIBC_PREREQ (2, 33)
#  define HAVE_MALLINFO2 1
# endif
#endif

#define N_HEAP_BLOCKS 96

/* glibc's own allocator, whose thresholds the unit sets: not the one a
 * sanitizer or valgrind puts in its place. */
static gboolean
skip_unless_glibc_malloc (void)
{
#if !defined(HAVE_MALLINFO2) || defined(UNDER_ASAN)
  g_test_skip ("glibc's allocator is not the one in use");
  return TRUE;
#else
  if (under_valgrind ())
    {
      g_test_skip ("valgrind replaces the allocator");
      return TRUE;
    }
  return FALSE;
#endif
}

#ifdef HAVE_MALLINFO2
/* Whether a block of @bytes comes as a mapping of its own. */
static gboolean
is_mapped_alone (gsize bytes)
{
  struct mallinfo2 before = mallinfo2 ();
  struct mallinfo2 after;
  char *block = malloc (bytes);

  g_assert_nonnull (block);
  block[0] = 1;
  after = mallinfo2 ();
  free (block);
  return after.hblks == before.hblks + 1;
}
#endif

static guint64
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  fields = g_strsplit (statm, " ", -1);
  g_assert_cmpuint (g_strv_length (fields), >=, 2);
  return g_ascii_strtoull (fields[1], NULL, 10) * (guint64) sysconf (_SC_PAGESIZE);
}

/* Blocks over 32 MiB are mapped on their own, those under it come from
 * the heap, and a large block freed does not move that line: glibc by
 * itself raises it to the largest block freed, so a list's second run
 * would grow unlike its first. */
static void
test_threshold_fixed (void)
{
  if (skip_unless_glibc_malloc ())
    return;
#ifdef HAVE_MALLINFO2
  ll_allocator_init ();
  g_assert_true (is_mapped_alone (40 * MiB));
  g_assert_false (is_mapped_alone (16 * MiB));

  {
    char *large = malloc (256 * MiB);

    g_assert_nonnull (large);
    large[0] = 1;
    free (large);
  }
  g_assert_true (is_mapped_alone (40 * MiB));
  g_assert_true (is_mapped_alone (33 * MiB));
  g_assert_false (is_mapped_alone (16 * MiB));

  /* Once is enough: a second call changes nothing. */
  ll_allocator_init ();
  g_assert_true (is_mapped_alone (40 * MiB));
#endif
}

/* Heap blocks freed below one still held stay resident until the heap
 * is given back: a released list's smaller blocks do not linger. */
static void
test_give_back (void)
{
  char *blocks[N_HEAP_BLOCKS];
  char *held;
  guint64 before, after;

  if (skip_unless_glibc_malloc ())
    return;

  ll_allocator_init ();
  for (guint i = 0; i < N_HEAP_BLOCKS; i++)
    {
      blocks[i] = malloc (MiB);
      g_assert_nonnull (blocks[i]);
      memset (blocks[i], 0xA5, MiB);
    }
  /* (above them, so that the heap's top stays in use: a size no free
   * chunk below has) */
  held = malloc (MiB / 2);
  g_assert_nonnull (held);
  for (guint i = 0; i < N_HEAP_BLOCKS; i++)
    free (blocks[i]);

  before = resident_bytes ();
  ll_allocator_give_back ();
  after = resident_bytes ();
  g_test_message ("resident: %" G_GUINT64_FORMAT " MiB before, %" G_GUINT64_FORMAT " MiB after",
                  before / MiB, after / MiB);
  g_assert_cmpuint (before, >, after);
  g_assert_cmpuint (before - after, >=, (N_HEAP_BLOCKS - 16) * MiB);
  free (held);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/allocator/threshold-fixed", test_threshold_fixed);
  g_test_add_func ("/allocator/give-back", test_give_back);

  return g_test_run ();
}
