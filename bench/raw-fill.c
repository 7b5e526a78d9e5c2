/* raw-fill.c — the page-fault limit: write N bytes into fresh memory
 *
 * Usage: raw-fill BYTES [huge] [populate]
 * Maps BYTES of fresh anonymous memory (with MADV_HUGEPAGE when "huge" is
 * given), writes one 8-byte value into every slot in order, as a list's
 * appends do, and prints the time that took in nanoseconds. With
 * "populate", the pages are first made resident in one call
 * (MADV_POPULATE_WRITE, Linux 5.14) instead of one fault per page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

static uint64_t
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

int
main (int    argc,
      char **argv)
{
  size_t bytes, n;
  int huge = 0, populate = 0;
  uint64_t *slots;
  uint64_t t0, t1;
  static uint64_t object = 1;
  volatile uint64_t sink;

  if (argc < 2)
    {
      fprintf (stderr, "usage: raw-fill BYTES [huge]\n");
      return 2;
    }
  bytes = strtoull (argv[1], NULL, 10);
  for (int i = 2; i < argc; i++)
    {
      huge |= strcmp (argv[i], "huge") == 0;
      populate |= strcmp (argv[i], "populate") == 0;
    }
  n = bytes / sizeof (uint64_t);

  slots = mmap (NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (slots == MAP_FAILED)
    {
      perror ("mmap");
      return 1;
    }
  if (huge)
    madvise (slots, bytes, MADV_HUGEPAGE);
  else
    madvise (slots, bytes, MADV_NOHUGEPAGE);

  t0 = now_ns ();
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
  if (populate && madvise (slots, bytes, MADV_POPULATE_WRITE) != 0)
    {
      perror ("madvise (MADV_POPULATE_WRITE)");
      return 1;
    }
  for (size_t i = 0; i < n; i++)
    slots[i] = (uint64_t) (uintptr_t) &object;
  t1 = now_ns ();

  sink = slots[n / 2];
  (void) sink;
  printf ("%llu\n", (unsigned long long) (t1 - t0));
  return 0;
}
