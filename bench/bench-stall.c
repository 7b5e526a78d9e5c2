/* bench-stall.c — does growing a list stall the other threads of its process?
 *
 * A thread that sleeps 2 ms at a time (as a window's main thread does
 * between frames) records how late it wakes, while nothing else runs,
 * while a list grows in another thread of its process, and while the same
 * growth runs in a child process. Four growths: a mapping grown the way
 * realloc () grows a large block (populate, then mremap () to 1.125× the
 * size) with its pages only populated; the same with every 8-byte element
 * written, as appends do; one mapping written from start to end, never
 * moved; and the engine's own run (cpython, shared).
 * Where a window's late frames come from how the machine handles the
 * engine's memory rather than from the window, the rows "in this process"
 * stand out from the other two. Last, how long Stop takes to stop the
 * engine, cancelled at ten points of a run.
 *
 * Usage: bench-stall [SIZE_GIB]   (default 4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ll-engine.h"

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

typedef struct
{
  gint64 longest_us;
  guint  over_5ms;
  guint  over_15ms;
} Pauses;

static volatile gboolean stop_watching;

static gint64
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
pin_to (int cpu)
{
  cpu_set_t set;

  if (cpu < 0)
    return;
  CPU_ZERO (&set);
  CPU_SET (cpu, &set);
  sched_setaffinity (0, sizeof set, &set);
}

static void
record (Pauses *pauses,
        gint64  pause)
{
  pauses->longest_us = MAX (pauses->longest_us, pause);
  pauses->over_5ms += pause > 5000;
  pauses->over_15ms += pause > 15000;
}

/* Sleeps 2 ms at a time, as a window between frames does: a pause is
 * how late it woke. */
static gpointer
nap (gpointer data)
{
  Pauses *pauses = data;

  pin_to (0);
  while (!stop_watching)
    {
      gint64 t = now_us ();

      g_usleep (2000);
      record (pauses, MAX (now_us () - t - 2000, 0));
    }

  return NULL;
}

static gboolean write_elements;

/* Grows an anonymous mapping to @size as glibc's realloc () does for a
 * large block: populate the new part (and, with write_elements, store
 * every 8-byte element, as appends do), then mremap () to 1.125× the size. */
static double
grow (gsize size)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  gsize capacity = 1 << 20;
  gsize filled = 0;
  gint64 start = now_us ();
  char *block;

  pin_to (sysconf (_SC_NPROCESSORS_ONLN) > 1 ? 1 : -1);
  block = mmap (NULL, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (block == MAP_FAILED)
    g_error ("mmap failed");

  while (TRUE)
    {
      gsize next;

      if (madvise (block + filled, capacity - filled, MADV_POPULATE_WRITE) != 0)
        for (gsize i = filled; i < capacity; i += page)
          block[i] = 1;
      if (write_elements)
        for (gsize i = filled; i + 8 <= capacity; i += 8)
          *(volatile guint64 *) (block + i) = i;
      filled = capacity;
      if (capacity >= size)
        break;

      next = (capacity + capacity / 8 + page - 1) / page * page;
      block = mremap (block, capacity, next, MREMAP_MAYMOVE);
      if (block == MAP_FAILED)
        g_error ("mremap failed");
      capacity = next;
    }

  munmap (block, capacity);
  return (now_us () - start) / 1e6;
}

/* Writes every 8-byte element of one mapping of @size, populating it 2 MiB
 * ahead: a list that never moves. */
static double
fill (gsize size)
{
  gsize chunk = 2 << 20;
  gint64 start = now_us ();
  char *block;

  pin_to (sysconf (_SC_NPROCESSORS_ONLN) > 1 ? 1 : -1);
  block = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (block == MAP_FAILED)
    g_error ("mmap failed");
  for (gsize done = 0; done < size; done += chunk)
    {
      gsize n = MIN (chunk, size - done);

      madvise (block + done, n, MADV_POPULATE_WRITE);
      for (gsize i = done; i + 8 <= done + n; i += 8)
        *(volatile guint64 *) (block + i) = i;
    }

  munmap (block, size);
  return (now_us () - start) / 1e6;
}

/* The engine's own run: cpython, shared, to @size container bytes. */
static double
run_engine (gsize size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlEngine) engine = NULL;
  LlRunConfig config;
  gint64 start = now_us ();

  pin_to (sysconf (_SC_NPROCESSORS_ONLN) > 1 ? 1 : -1);
  ll_run_config_init (&config);
  config.target = size;
  engine = ll_engine_new (&config, &error);
  if (engine == NULL)
    g_error ("%s", error->message);
  ll_engine_start (engine);
  ll_engine_join (engine);
  ll_engine_release (engine);
  return (now_us () - start) / 1e6;
}

/* How long the engine takes to stop: a run to @size is cancelled after
 * @after_ms and the time until its status leaves "running" is returned. */
static double
stop_after (gsize size,
            guint after_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlEngine) engine = NULL;
  LlRunConfig config;
  LlEngineStatus status;
  gint64 cancelled;

  ll_run_config_init (&config);
  config.target = size;
  engine = ll_engine_new (&config, &error);
  if (engine == NULL)
    g_error ("%s", error->message);
  ll_engine_start (engine);
  g_usleep (after_ms * 1000);
  cancelled = now_us ();
  ll_engine_cancel (engine);
  do
    ll_engine_get_status (engine, &status);
  while (status.state == LL_ENGINE_RUNNING);
  cancelled = now_us () - cancelled;
  ll_engine_join (engine);
  ll_engine_release (engine);
  return cancelled / 1000.0;
}

typedef enum
{
  ALONE,
  SAME_PROCESS,
  CHILD_PROCESS,
} Setting;

static Pauses
measure (Setting      setting,
         GThreadFunc  watcher,
         double     (*work) (gsize size),
         gsize        size,
         double       alone_seconds,
         double      *grow_seconds)
{
  Pauses pauses = { 0 };
  GThread *watcher_thread;

  stop_watching = FALSE;
  watcher_thread = g_thread_new ("watcher", watcher, &pauses);
  *grow_seconds = 0;

  switch (setting)
    {
    case ALONE:
      g_usleep ((gulong) (alone_seconds * G_USEC_PER_SEC));
      break;

    case SAME_PROCESS:
      *grow_seconds = work (size);
      break;

    case CHILD_PROCESS:
      {
        gint64 start = now_us ();
        pid_t child = fork ();
        int status;

        if (child == 0)
          {
            work (size);
            _exit (0);
          }
        waitpid (child, &status, 0);
        *grow_seconds = (now_us () - start) / 1e6;
      }
      break;
    }

  stop_watching = TRUE;
  g_thread_join (watcher_thread);
  return pauses;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const names[] = {
    "nothing else",
    "in this process",
    "in a child process",
  };
  double gib = argc > 1 ? g_ascii_strtod (argv[1], NULL) : 4.0;
  gsize size;
  double seconds[3];
  Pauses pauses[3];

  if (gib <= 0 || gib > 1024)
    {
      g_printerr ("bench-stall: the size is in GiB, between 0 and 1024\n");
      return 2;
    }
  size = (gsize) (gib * 1024 * 1024 * 1024);

  g_print ("how late a thread that sleeps 2 ms at a time wakes, while a list grows to %.1f GiB\n",
           gib);
  g_print ("%-52s %8s %9s %7s %8s\n", "", "time", "longest", "> 5 ms", "> 15 ms");
  for (guint w = 0; w < 4; w++)
    {
      double (*work) (gsize) = w < 2 ? grow : w == 2 ? fill : run_engine;
      const char *what = w == 0 ? "mremap growth, pages populated" :
                         w == 1 ? "mremap growth, elements written" :
                         w == 2 ? "one mapping, elements written" : "the engine's run (cpython)";

      write_elements = w == 1;
      /* The growths first: the sleeper alone then runs as long as they did. */
      pauses[SAME_PROCESS] = measure (SAME_PROCESS, nap, work, size, 0, &seconds[SAME_PROCESS]);
      g_usleep (G_USEC_PER_SEC);
      pauses[CHILD_PROCESS] = measure (CHILD_PROCESS, nap, work, size, 0, &seconds[CHILD_PROCESS]);
      pauses[ALONE] = measure (ALONE, nap, work, size, seconds[SAME_PROCESS], &seconds[ALONE]);
      seconds[ALONE] = seconds[SAME_PROCESS];

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *name = g_strdup_printf ("%s: %s", what, names[i]);

          g_print ("%-52s %7.2fs %6.1f ms %7u %8u\n", name, seconds[i],
                   pauses[i].longest_us / 1000.0, pauses[i].over_5ms, pauses[i].over_15ms);
        }
      g_usleep (G_USEC_PER_SEC);
    }

  /* Stop (the window's Stop button) must answer within 100 ms wherever
   * the run is: cancelled at ten points of a run to the same size. */
  {
    double longest = 0, sum = 0;

    for (guint i = 1; i <= 10; i++)
      {
        double ms = stop_after (size, (guint) (seconds[SAME_PROCESS] * 1000 * i / 11));

        longest = MAX (longest, ms);
        sum += ms;
      }
    g_print ("\nstopping the engine's run, at ten points of it: %.1f ms on average, "
             "%.1f ms at the longest (%.0f %% of the 100 ms goal)\n",
             sum / 10, longest, longest);
  }

  return 0;
}
