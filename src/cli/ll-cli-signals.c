/* ll-cli-signals.c — Ctrl+C, SIGTERM and SIGHUP at any moment, and signs of life
 *
 * The signals are blocked in every thread and taken by one thread of
 * their own with sigtimedwait (): it can stop a run, or end the process at
 * once after removing its temporary files, whatever the main thread is
 * doing (writing gigabytes, or computing a simulation). Between signals it
 * draws the progress of a long simulation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "ll-cli-signals.h"

/* Wakes the thread to end it. */
#define SIGNAL_WAKE SIGUSR2
/* How often the progress line is redrawn, and after how long it shows. */
#define PROGRESS_INTERVAL_MS 250
#define PROGRESS_AFTER_US (1 * G_USEC_PER_SEC)

static struct
{
  GMutex      lock;
  pthread_t   thread;
  gboolean    started;
  gboolean    quit;
  sigset_t    set;

  LlRun      *run;        /* stopped by a first Ctrl+C */
  gboolean    stopping;   /* it was */
  LlCliFiles *files;

  double    (*progress_fraction) (gpointer data);
  gpointer    progress_data;
  char       *progress_what;
  gint64      progress_since;
  gboolean    progress_shown;
  gboolean    tty;
} state;

static void
clear_progress_line (void)
{
  if (state.progress_shown)
    {
      fputs ("\r\033[K", stderr);
      fflush (stderr);
      state.progress_shown = FALSE;
    }
}

/* Ends the process now: what the files became is said, none is left half
 * written. */
G_GNUC_NORETURN static void
end_now (int signum)
{
  g_autofree char *what = ll_cli_files_abandon (state.files);

  clear_progress_line ();
  if (what != NULL)
    fprintf (stderr, _("listlab-cli: interrupted (%s). %s\n"), strsignal (signum), what);
  else
    fprintf (stderr, _("listlab-cli: interrupted (%s).\n"), strsignal (signum));
  fflush (stderr);
  _exit (LL_CLI_EXIT_SIGNAL (signum));
}

static void
draw_progress (void)
{
  if (state.progress_what == NULL || !state.tty ||
      g_get_monotonic_time () - state.progress_since < PROGRESS_AFTER_US)
    return;

  fprintf (stderr, "\r\033[K");
  if (state.progress_fraction != NULL)
    /* TRANSLATORS: "Simulating fixed:increment=4… 42 % (Ctrl+C stops)" */
    fprintf (stderr, _("%s… %.0f %% (Ctrl+C stops)"), state.progress_what,
             CLAMP (state.progress_fraction (state.progress_data), 0, 1) * 100);
  else
    /* TRANSLATORS: "Simulating go (3 of 8)… (Ctrl+C stops)" */
    fprintf (stderr, _("%s… (Ctrl+C stops)"), state.progress_what);
  fflush (stderr);
  state.progress_shown = TRUE;
}

static void *
watch_thread (void *data)
{
  struct timespec interval = { 0, PROGRESS_INTERVAL_MS * 1000000L };

  for (;;)
    {
      siginfo_t info;
      int signum = sigtimedwait (&state.set, &info, &interval);

      g_mutex_lock (&state.lock);
      if (state.quit)
        {
          g_mutex_unlock (&state.lock);
          return NULL;
        }

      if (signum < 0)
        {
          if (errno == EAGAIN)
            draw_progress ();
          g_mutex_unlock (&state.lock);
          continue;
        }

      if (signum == SIGINT && state.run != NULL && !state.stopping)
        {
          state.stopping = TRUE;
          ll_run_cancel (state.run);
          clear_progress_line ();
          fprintf (stderr, "\r\033[K%s\n",
                   _("listlab-cli: stopping the run; its files are written next (Ctrl+C again to leave them)"));
          fflush (stderr);
          g_mutex_unlock (&state.lock);
          continue;
        }

      if (signum == SIGNAL_WAKE)
        {
          g_mutex_unlock (&state.lock);
          continue;
        }

      end_now (signum);
    }
}

void
ll_cli_signals_init (void)
{
  struct sigaction ignore = { 0 };

  g_mutex_init (&state.lock);
  state.tty = isatty (STDERR_FILENO);

  /* A closed pipe or a file-size limit is a write error to report. */
  ignore.sa_handler = SIG_IGN;
  sigaction (SIGPIPE, &ignore, NULL);
  sigaction (SIGXFSZ, &ignore, NULL);

  sigemptyset (&state.set);
  sigaddset (&state.set, SIGINT);
  sigaddset (&state.set, SIGTERM);
  sigaddset (&state.set, SIGHUP);
  sigaddset (&state.set, SIGNAL_WAKE);
  pthread_sigmask (SIG_BLOCK, &state.set, NULL);

  state.started = pthread_create (&state.thread, NULL, watch_thread, NULL) == 0;
  if (!state.started)
    pthread_sigmask (SIG_UNBLOCK, &state.set, NULL);
}

void
ll_cli_signals_shutdown (void)
{
  if (!state.started)
    return;

  g_mutex_lock (&state.lock);
  state.quit = TRUE;
  clear_progress_line ();
  g_mutex_unlock (&state.lock);
  pthread_kill (state.thread, SIGNAL_WAKE);
  pthread_join (state.thread, NULL);
  state.started = FALSE;
  g_clear_pointer (&state.progress_what, g_free);
}

void
ll_cli_signals_set_run (LlRun *run)
{
  g_mutex_lock (&state.lock);
  state.run = run;
  state.stopping = FALSE;
  g_mutex_unlock (&state.lock);
}

void
ll_cli_signals_set_files (LlCliFiles *files)
{
  g_mutex_lock (&state.lock);
  state.files = files;
  g_mutex_unlock (&state.lock);
}

void
ll_cli_signals_set_progress_func (double    (*fraction) (gpointer data),
                                  gpointer    data,
                                  const char *what)
{
  g_mutex_lock (&state.lock);
  /* One piece of work after another (compare's policies) keeps the time
   * it started: the line shows once the whole took a second. */
  if (state.progress_what == NULL)
    state.progress_since = g_get_monotonic_time ();
  state.progress_fraction = what != NULL ? fraction : NULL;
  state.progress_data = data;
  g_clear_pointer (&state.progress_what, g_free);
  state.progress_what = g_strdup (what);
  if (what == NULL)
    clear_progress_line ();
  g_mutex_unlock (&state.lock);
}

static double
run_fraction (gpointer run)
{
  return ll_run_get_fraction (run);
}

void
ll_cli_signals_set_progress (LlRun      *run,
                             const char *what)
{
  ll_cli_signals_set_progress_func (run != NULL ? run_fraction : NULL, run, what);
}
