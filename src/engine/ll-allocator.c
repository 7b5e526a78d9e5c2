/* ll-allocator.c — the process's allocator, set for lists that come and go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The engine grows lists with the C library's realloc () and malloc (), in
 * this process, run after run, from kilobytes to gigabytes. glibc adapts
 * its thresholds to the first large block freed: from then on blocks up to
 * 32 MiB come from the heap instead of their own mappings, and a thread's
 * heap keeps up to 64 MiB free at its top. A list released (and every
 * smaller block it grew through) then stayed resident: hundreds of MiB
 * after a hundred runs, and a list's first run grew unlike its second.
 *
 * Fixed here at that adapted ceiling, runs all grow alike: blocks over
 * 32 MiB are mapped on their own (grown by mremap, unmapped when freed),
 * smaller ones come from the heap, whose free top is given back beyond
 * 8 MiB (the window's frames allocate and free surfaces of a few MiB: they
 * stay). After a release, the free pages inside the heaps go back too. */

#include "config.h"

#include <stdlib.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "ll-allocator.h"

#define MMAP_THRESHOLD_BYTES (32 * 1024 * 1024)
#define TRIM_THRESHOLD_BYTES (8 * 1024 * 1024)

void
ll_allocator_init (void)
{
#ifdef __GLIBC__
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      if (mallopt (M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) != 1 ||
          mallopt (M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) != 1)
        g_debug ("The allocator's thresholds could not be set");
      g_once_init_leave (&initialized, 1);
    }
#endif
}

void
ll_allocator_give_back (void)
{
#ifdef __GLIBC__
  gint64 start = g_get_monotonic_time ();

  malloc_trim (0);
  g_debug ("Heaps trimmed in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
#endif
}
