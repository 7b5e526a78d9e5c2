/* raw-fill.c — the page-fault limit: write N bytes into fresh memory
 *
 * Usage: raw-fill BYTES [huge]
 * Maps BYTES of fresh anonymous memory (with MADV_HUGEPAGE when "huge" is
 * given), writes one 8-byte value into every slot in order, as a list's
 * appends do, and prints the time that took in nanoseconds.
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
  int huge;
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
  huge = argc > 2 && strcmp (argv[2], "huge") == 0;
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
  for (size_t i = 0; i < n; i++)
    slots[i] = (uint64_t) (uintptr_t) &object;
  t1 = now_ns ();

  sink = slots[n / 2];
  (void) sink;
  printf ("%llu\n", (unsigned long long) (t1 - t0));
  return 0;
}
