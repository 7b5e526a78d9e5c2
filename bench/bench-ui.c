/* bench-ui.c — does the window keep painting while the engine runs flat out?
 *
 * Runs the same growth six times: headless (the engine alone, as
 * listlab-cli runs it), in a real List Lab window, headless, in a bare GTK
 * window that only redraws a drawing area on every frame (the peer: what
 * this machine and display allow any GTK window while the engine runs in
 * its process), in listlab-cli beside the same bare window (the engine in
 * a process of its own), and headless again. It reports, for each window,
 * the frame gaps while the engine runs (p50, p99, worst, from the frame
 * clock) and the engine's appends per second against the headless runs
 * just before and after it.
 * Goals: no more late frames (over 17 ms apart) than the bare window, engine
 * throughput >= 90 % of headless, no frame over 8 ms of main-thread CPU.
 * With --rounds N it does all that N times and judges the totals and the
 * median throughput: on a machine whose page faults cost more or less from
 * one run to the next, one run's ratio says little.
 *
 * The frame that shows a run beginning repaints most of the window; the
 * window paints it before the engine starts, and it is reported on its own.
 *
 * Without a display it runs itself under xvfb-run and dbus-run-session.
 * Its windows are drawn as the app's are: with cairo where OpenGL would be
 * drawn on the CPU (ll_renderer_choose), unless GSK_RENDERER says otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "ll-renderer.h"
#include "ll-ui-util.h"
#include "ll-window.h"

#define LATE_MS 17.0
/* The most main-thread CPU a frame of the window may take. */
#define CPU_GOAL_MS 8.0

static char *opt_policy = NULL;
static char *opt_element = NULL;
static char *opt_target = NULL;
static gboolean opt_check = FALSE;
static gboolean opt_verbose = FALSE;
static int opt_rounds = 1;

static const GOptionEntry entries[] = {
  { "policy", 0, 0, G_OPTION_ARG_STRING, &opt_policy, "Growth policy (cpython)", "NAME" },
  { "element", 0, 0, G_OPTION_ARG_STRING, &opt_element, "Element model (shared)", "MODEL" },
  { "target", 0, 0, G_OPTION_ARG_STRING, &opt_target, "Container bytes (4GiB)", "SIZE" },
  { "check", 0, 0, G_OPTION_ARG_NONE, &opt_check, "Exit 1 when a goal is missed", NULL },
  { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Say what came before each late frame", NULL },
  { "rounds", 'r', 0, G_OPTION_ARG_INT, &opt_rounds, "Rounds of the same runs, then their totals and medians (1)", "N" },
  { NULL }
};

/* One frame, as the main thread lived it. */
typedef struct
{
  gint64 frame_time;   /* µs, the frame clock's */
  gint64 start;        /* µs, when the update phase began */
  gint64 phase_end[3]; /* µs: end of the update, layout and paint phases */
  gint64 end;          /* µs, after the paint */
  double work_ms;      /* wall time from update to after-paint */
  double cpu_ms;       /* CPU time of the main thread in that span */
  double between_ms;   /* CPU time of the main thread since the previous frame ended */
  gint64 wait_ns;      /* the main thread's total time waiting for a core, at start */
  long   faults;       /* page faults the main thread took in the frame */
  gint64 steal_start;  /* ms the host had taken from the machine's cores, at start */
  gint64 steal_ms;     /* ms it took during the frame (both cores, in 10 ms ticks) */
  gboolean counts;     /* the engine was running when the frame began */
} Frame;

typedef struct
{
  const char *name;
  LlEngine   *engine;        /* the run being watched */
  GArray     *frames;        /* Frame, while the engine runs */
  Frame       current;
  gint64      cpu_start;
  gint64      cpu_end;
  long        faults_start;
  gint64      activated;     /* µs, when Start was pressed */
  double      first_ms;      /* from Start to the end of the first frame */
  Frame       first;
  double      rate;          /* the engine's appends per second, once finished */
  gboolean    external;      /* the engine runs in listlab-cli, another process */
  gboolean    finished;
} Recorder;

typedef struct
{
  double p50, p99, worst;
  guint  late;
  double rate;               /* appends per second */
  double cpu_p50, cpu_p99, cpu_worst; /* main-thread CPU of a frame: update + layout + paint */
  guint  cpu_over;           /* frames over CPU_GOAL_MS */
  guint  cpu_over_host;      /* of those, the ones during which the host took the machine's
                              * cores: a thread's CPU clock runs on while its core is taken */
} Result;

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* How long this thread has waited on a run queue, in ns (schedstat's
 * second field): a frame that comes late while this grows was waiting
 * for a core, not working. */
static gint64
thread_wait_ns (void)
{
  g_autofree char *path = g_strdup_printf ("/proc/self/task/%d/schedstat", (int) gettid ());
  g_autofree char *text = NULL;
  unsigned long long run = 0, wait = 0;

  if (!g_file_get_contents (path, &text, NULL, NULL) ||
      sscanf (text, "%llu %llu", &run, &wait) != 2)
    return 0;

  return (gint64) wait;
}

/* How long the host has kept this machine's cores from running it, in ms
 * (/proc/stat's steal, over all cores): thread CPU time may count it as the
 * thread's own. */
static gint64
machine_steal_ms (void)
{
  g_autofree char *text = NULL;
  unsigned long long user, nice, system, idle, iowait, irq, softirq, steal = 0;
  long hz = sysconf (_SC_CLK_TCK);

  if (!g_file_get_contents ("/proc/stat", &text, NULL, NULL) || hz <= 0 ||
      sscanf (text, "cpu %llu %llu %llu %llu %llu %llu %llu %llu",
              &user, &nice, &system, &idle, &iowait, &irq, &softirq, &steal) != 8)
    return 0;

  return (gint64) (steal * 1000 / (unsigned long long) hz);
}

static long
thread_faults (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_THREAD, &usage) != 0)
    return 0;

  return usage.ru_minflt + usage.ru_majflt;
}

static double
engine_rate (LlEngine *engine)
{
  LlEngineStatus status;

  ll_engine_get_status (engine, &status);
  return (double) status.length * 1e9 / (double) MAX (status.elapsed_ns, 1);
}

static LlEngineState
engine_state (LlEngine *engine)
{
  LlEngineStatus status;

  if (engine == NULL)
    return LL_ENGINE_IDLE;

  ll_engine_get_status (engine, &status);
  return status.state;
}

static void
on_update (GdkFrameClock *clock,
           Recorder      *recorder)
{
  Frame *f = &recorder->current;

  memset (f, 0, sizeof *f);
  f->steal_start = machine_steal_ms ();
  f->start = g_get_monotonic_time ();
  f->wait_ns = thread_wait_ns ();
  f->counts = recorder->external ? !recorder->finished :
              engine_state (recorder->engine) == LL_ENGINE_RUNNING;
  recorder->cpu_start = thread_cpu_us ();
  if (recorder->cpu_end > 0)
    f->between_ms = (recorder->cpu_start - recorder->cpu_end) / 1000.0;
  recorder->faults_start = thread_faults ();
  /* A frame may skip layout and paint: those phases then count as 0 ms. */
  for (guint i = 0; i < G_N_ELEMENTS (f->phase_end); i++)
    f->phase_end[i] = f->start;
}

static void
on_after_paint (GdkFrameClock *clock,
                Recorder      *recorder)
{
  Frame *f = &recorder->current;

  if (f->start == 0 || recorder->activated == 0)
    return;

  recorder->cpu_end = thread_cpu_us ();
  f->end = g_get_monotonic_time ();
  f->frame_time = gdk_frame_clock_get_frame_time (clock);
  f->work_ms = (f->end - f->start) / 1000.0;
  f->cpu_ms = (recorder->cpu_end - recorder->cpu_start) / 1000.0;
  f->faults = thread_faults () - recorder->faults_start;
  f->steal_ms = machine_steal_ms () - f->steal_start;

  if (recorder->first_ms == 0)
    {
      recorder->first_ms = (f->end - recorder->activated) / 1000.0;
      recorder->first = *f;
    }

  if (f->counts && !recorder->finished)
    g_array_append_val (recorder->frames, *f);
}

static void
on_update_end (GdkFrameClock *clock,
               Recorder      *recorder)
{
  recorder->current.phase_end[0] = g_get_monotonic_time ();
}

static void
on_layout_end (GdkFrameClock *clock,
               Recorder      *recorder)
{
  recorder->current.phase_end[1] = g_get_monotonic_time ();
}

static void
on_paint_end (GdkFrameClock *clock,
              Recorder      *recorder)
{
  recorder->current.phase_end[2] = g_get_monotonic_time ();
}

/* Asks for a frame on every tick of the clock, as a run does. */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Recorder *recorder = user_data;

  if (!recorder->finished && recorder->engine != NULL &&
      engine_state (recorder->engine) >= LL_ENGINE_FINISHED)
    {
      recorder->finished = TRUE;
      recorder->rate = engine_rate (recorder->engine);
    }

  return G_SOURCE_CONTINUE;
}

static void
watch_frames (GtkWidget *widget,
              Recorder  *recorder)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  recorder->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_signal_connect (clock, "update", G_CALLBACK (on_update), recorder);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), recorder);
  g_signal_connect_after (clock, "update", G_CALLBACK (on_update_end), recorder);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout_end), recorder);
  g_signal_connect_after (clock, "paint", G_CALLBACK (on_paint_end), recorder);
  gtk_widget_add_tick_callback (widget, on_tick, recorder, NULL);
}

static void
unwatch_frames (GtkWidget *widget,
                Recorder  *recorder)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (widget), recorder);
}

/* Wall time of one phase of a frame (0 update, 1 layout, 2 paint), ms; a
 * phase the frame skipped counts as 0. */
static double
phase_ms (const Frame *f,
          guint        phase)
{
  gint64 begin = f->start, end = f->start;

  for (guint i = 0; i <= phase; i++)
    {
      begin = end;
      end = MAX (f->phase_end[i], begin);
    }

  return (end - begin) / 1000.0;
}

/* Prints a frame that came late and what the frame before it did: the
 * monotonic times line it up with perf record -k CLOCK_MONOTONIC. */
static void
print_late_frame (const Recorder *recorder,
                  const Frame    *prev,
                  const Frame    *f,
                  guint           index,
                  double          gap_ms)
{
  g_print ("  %s: gap %5.1f ms before frame %u [at %" G_GINT64_FORMAT " µs]; the frame before: "
           "%.1f ms wall, %.1f ms CPU (update %.1f, layout %.1f, paint %.1f), %ld page faults, "
           "%" G_GINT64_FORMAT " ms taken by the host; in between [from %" G_GINT64_FORMAT " µs]: %.1f ms CPU, %.1f ms waiting for a core\n",
           recorder->name, gap_ms, index, f->start, prev->work_ms, prev->cpu_ms,
           phase_ms (prev, 0), phase_ms (prev, 1), phase_ms (prev, 2), prev->faults, prev->steal_ms,
           prev->end, f->between_ms, (f->wait_ns - prev->wait_ns) / 1e6);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The value below which a fraction q of the values lie (sorts them). */
static double
percentile (GArray *values,
            double  q)
{
  g_array_sort (values, compare_doubles);

  return g_array_index (values, double, MIN (values->len - 1, (guint) (values->len * q)));
}

static gboolean
summarize (Recorder *recorder,
           Result   *result)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));

  result->late = 0;
  result->cpu_over = 0;
  result->cpu_over_host = 0;
  for (guint i = 0; i < recorder->frames->len; i++)
    {
      const Frame *f = &g_array_index (recorder->frames, Frame, i);

      /* The first frame shows the run beginning, before the engine starts:
       * it is reported on its own. */
      if (i == 0)
        continue;
      g_array_append_val (cpu, f->cpu_ms);
      if (f->cpu_ms > CPU_GOAL_MS)
        {
          result->cpu_over++;
          result->cpu_over_host += f->steal_ms > 0;
          if (opt_verbose)
            g_print ("%s, frame %u: %.1f ms of CPU (update %.1f, layout %.1f, paint %.1f), "
                     "%ld page faults, %" G_GINT64_FORMAT " ms taken by the host "
                     "[%" G_GINT64_FORMAT " to %" G_GINT64_FORMAT " µs]\n",
                     recorder->name, i, f->cpu_ms,
                     phase_ms (f, 0), phase_ms (f, 1), phase_ms (f, 2),
                     f->faults, f->steal_ms, f->start, f->end);
        }
    }
  for (guint i = 1; i < recorder->frames->len; i++)
    {
      const Frame *f = &g_array_index (recorder->frames, Frame, i);
      double gap = (f->frame_time - f[-1].frame_time) / 1000.0;

      g_array_append_val (gaps, gap);
      if (gap > LATE_MS)
        {
          result->late++;
          if (opt_verbose)
            print_late_frame (recorder, f - 1, f, i, gap);
        }
    }

  if (gaps->len == 0)
    {
      g_printerr ("bench-ui: the %s painted no frame while the engine ran\n", recorder->name);
      return FALSE;
    }

  result->cpu_p50 = cpu->len > 0 ? percentile (cpu, 0.5) : 0;
  result->cpu_p99 = cpu->len > 0 ? percentile (cpu, 0.99) : 0;
  result->cpu_worst = cpu->len > 0 ? percentile (cpu, 1.0) : 0;
  result->p50 = percentile (gaps, 0.5);
  result->p99 = percentile (gaps, 0.99);
  result->worst = percentile (gaps, 1.0);
  result->rate = recorder->rate;
  return TRUE;
}

static double
headless_rate (const LlRunConfig *config)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlEngine) engine = ll_engine_new (config, &error);
  double rate;

  if (engine == NULL)
    g_error ("%s", error->message);

  ll_engine_start (engine);
  ll_engine_join (engine);
  rate = engine_rate (engine);
  ll_engine_release (engine);

  return rate;
}

static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
on_window_finished (LlWindow *window,
                    gboolean *finished)
{
  *finished = TRUE;
}

/* Start, as a click does; measured until the window itself has taken in
 * the run's end (then its Release Memory acts). A list the window still
 * holds is freed before the run starts: the run's engine comes after. */
static void
run_in_app (LlWindow *window,
            Recorder *recorder)
{
  LlEngine *before = ll_window_get_engine (window);
  gboolean window_finished = FALSE;
  gulong finished_id = g_signal_connect (window, "run-finished", G_CALLBACK (on_window_finished),
                                         &window_finished);

  if (before != NULL)
    ll_engine_ref (before);
  watch_frames (GTK_WIDGET (window), recorder);
  recorder->activated = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  while (ll_window_get_engine (window) == NULL || ll_window_get_engine (window) == before)
    g_main_context_iteration (NULL, TRUE);
  recorder->engine = ll_window_get_engine (window);
  while (!recorder->finished || !window_finished)
    g_main_context_iteration (NULL, TRUE);
  unwatch_frames (GTK_WIDGET (window), recorder);
  g_signal_handler_disconnect (window, finished_id);
  if (before != NULL)
    ll_engine_unref (before);
}

/* The peer redraws, on every frame, an area the size of the app's chart:
 * the app's usual frame, with nothing of the app in it. */
static void
draw_peer (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  guint frame = (*(guint *) user_data)++;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_set_line_width (cr, 1);
  for (int x = 0; x < width; x++)
    {
      double y = height * (0.5 + 0.4 * sin ((x + frame * 4) * 0.02));

      if (x == 0)
        cairo_move_to (cr, x + 0.5, y);
      else
        cairo_line_to (cr, x + 0.5, y);
    }
  cairo_stroke (cr);
}

static gboolean
queue_draw (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
on_cli_exited (GPid     pid,
               int      status,
               gpointer user_data)
{
  Recorder *recorder = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_spawn_check_wait_status (status, &error))
    g_printerr ("bench-ui: listlab-cli: %s\n", error->message);
  g_spawn_close_pid (pid);
  recorder->finished = TRUE;
}

/* With @cli_args, the engine runs in listlab-cli, a process of its own;
 * without, in this process. */
static void
run_in_peer (const LlRunConfig  *config,
             const char * const *cli_args,
             int                 width,
             int                 height,
             int                 area_width,
             int                 area_height,
             Recorder           *recorder)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *area = gtk_drawing_area_new ();
  guint frame = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_widget_set_size_request (area, area_width, area_height);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_peer, &frame, NULL);
  gtk_widget_add_tick_callback (area, queue_draw, NULL, NULL);
  gtk_window_set_child (GTK_WINDOW (window), area);
  gtk_window_present (GTK_WINDOW (window));
  settle (1000);

  watch_frames (window, recorder);
  recorder->activated = g_get_monotonic_time ();
  if (cli_args != NULL)
    {
      GPid pid;

      recorder->external = TRUE;
      if (!g_spawn_async (NULL, (char **) cli_args, NULL,
                          G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                          NULL, NULL, &pid, &error))
        g_error ("listlab-cli: %s", error->message);
      g_child_watch_add (pid, on_cli_exited, recorder);
    }
  else
    {
      recorder->engine = ll_engine_new (config, &error);
      if (recorder->engine == NULL)
        g_error ("%s", error->message);
      ll_engine_start (recorder->engine);
    }
  while (!recorder->finished)
    g_main_context_iteration (NULL, TRUE);
  unwatch_frames (window, recorder);

  gtk_window_destroy (GTK_WINDOW (window));
  settle (200);
}

static int
reexec_under_xvfb (int    argc,
                   char **argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (char *) "xvfb-run");
  g_ptr_array_add (args, (char *) "-a");
  g_ptr_array_add (args, (char *) "-s");
  g_ptr_array_add (args, (char *) "-screen 0 1400x900x24");
  g_ptr_array_add (args, (char *) "dbus-run-session");
  /* A bus with no services: no portal, no accessibility registry. */
  g_ptr_array_add (args, (char *) "--config-file=" SESSION_BUS_CONFIG);
  g_ptr_array_add (args, (char *) "--");
  for (int i = 0; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);

  execvp ("xvfb-run", (char **) args->pdata);
  g_printerr ("bench-ui: no display, and xvfb-run could not run: %s\n", g_strerror (errno));
  return 2;
}

static void
print_result (const char   *name,
              const Result *r,
              double        headless)
{
  g_print ("%-24s %7.2f %7.2f %7.2f %6u %9.1f %%\n",
           name, r->p50, r->p99, r->worst, r->late, r->rate / headless * 100);
}

/* What one round measured, for the medians and totals over several. */
typedef struct
{
  double   app_ratio;      /* the window's engine against headless */
  double   peer_ratio;     /* the bare window's */
  guint    app_late, peer_late;
  guint    app_cpu_over, peer_cpu_over;
  guint    app_cpu_over_host, peer_cpu_over_host;
  gboolean ok;
} Round;

/* Headless, the List Lab window, headless, the bare window with the engine
 * in its process and beside listlab-cli, headless again: each window's
 * throughput is against the headless runs just before and after it, so a
 * machine that speeds up or slows down over the round weighs on both
 * alike. Prints what it saw. */
static gboolean
run_round (LlWindow          *window,
           const LlRunConfig *config,
           const char        *target,
           Round             *round)
{
  Recorder app = { .name = "List Lab window" };
  Recorder peer = { .name = "bare GTK window" };
  Recorder apart = { .name = "bare GTK window, engine in listlab-cli" };
  Result app_result, peer_result, apart_result;
  double rate_a, rate_b, rate_c, app_headless, peer_headless;
  int width, height, chart_width, chart_height;
  gboolean summarized;

  rate_a = headless_rate (config);
  g_print ("headless run 1: %.1f M appends/s\n", rate_a / 1e6);

  gtk_window_present (GTK_WINDOW (window));
  settle (1500);
  run_in_app (window, &app);
  g_print ("List Lab window: %.1f M appends/s (%s)\n", app.rate / 1e6,
           ll_window_get_status_text (window));
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  /* The peer redraws as many pixels as the app's charts cover together. */
  {
    graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, 0, 0);

    ll_chart_board_get_chart_bounds (ll_window_get_board (window), LL_N_CHARTS,
                                     GTK_WIDGET (window), &all);
    chart_width = (int) all.size.width;
    chart_height = (int) all.size.height;
  }

  /* The window's list goes before the next run. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.release-memory", NULL);
  settle (1000);
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);

  rate_b = headless_rate (config);
  g_print ("headless run 2: %.1f M appends/s\n", rate_b / 1e6);

  run_in_peer (config, NULL, width, height, chart_width, chart_height, &peer);
  g_print ("bare GTK window: %.1f M appends/s\n", peer.rate / 1e6);
  ll_engine_release (peer.engine);
  settle (1000);

  /* The same growth with the engine in a process of its own. */
  {
    const char *cli_args[] = {
      LISTLAB_CLI, "run", "--policy", ll_policy_get_info (config->policy.kind)->name,
      "--element", ll_element_get_info (config->element)->name, "--target", target, NULL
    };

    run_in_peer (config, cli_args, width, height, chart_width, chart_height, &apart);
    settle (1000);
  }

  rate_c = headless_rate (config);
  g_print ("headless run 3: %.1f M appends/s\n", rate_c / 1e6);
  app_headless = (rate_a + rate_b) / 2;
  peer_headless = (rate_b + rate_c) / 2;

  if (opt_verbose)
    g_print ("\nframes more than %.0f ms after the one before:\n", LATE_MS);
  summarized = summarize (&app, &app_result) && summarize (&peer, &peer_result) &&
               summarize (&apart, &apart_result);
  if (!summarized)
    goto out;

  g_print ("\nThe run's first frame (it shows the run beginning; the engine starts after it):\n"
           "  painted %.1f ms after Start, %.1f ms of CPU (update %.1f, layout %.1f, paint %.1f), "
           "%ld page faults [%" G_GINT64_FORMAT " to %" G_GINT64_FORMAT " µs]\n",
           app.first_ms, app.first.cpu_ms, phase_ms (&app.first, 0), phase_ms (&app.first, 1),
           phase_ms (&app.first, 2), app.first.faults, app.first.start, app.first.end);

  g_print ("\nframe gaps while the engine runs, ms (late: > %.0f ms)\n", LATE_MS);
  g_print ("%-24s %7s %7s %7s %6s %11s\n", "", "p50", "p99", "worst", "late", "throughput");
  print_result ("List Lab window", &app_result, app_headless);
  print_result ("bare GTK window (peer)", &peer_result, peer_headless);
  g_print ("%-24s %7.2f %7.2f %7.2f %6u %11s\n", "  engine in listlab-cli", apart_result.p50,
           apart_result.p99, apart_result.worst, apart_result.late, "—");
  g_print ("frames: %u, %u and %u (the peer redraws %d × %d px, the area of the app's charts, "
           "on every frame)\n", app.frames->len, peer.frames->len, apart.frames->len,
           chart_width, chart_height);
  g_print ("main-thread CPU per frame, ms (update + layout + paint): p50 / p99 / worst / frames over %.0f"
           " (of them, while the host took cores)\n"
           "  List Lab window          %7.2f %7.2f %7.2f %6u (%u)\n"
           "  bare GTK window (peer)   %7.2f %7.2f %7.2f %6u (%u)\n",
           CPU_GOAL_MS, app_result.cpu_p50, app_result.cpu_p99, app_result.cpu_worst, app_result.cpu_over,
           app_result.cpu_over_host,
           peer_result.cpu_p50, peer_result.cpu_p99, peer_result.cpu_worst, peer_result.cpu_over,
           peer_result.cpu_over_host);
  g_print ("goals for List Lab: no more late frames than the peer, throughput >= 90 %%, "
           "no frame over %.0f ms of CPU\n", CPU_GOAL_MS);

  round->app_ratio = app_result.rate / app_headless;
  round->peer_ratio = peer_result.rate / peer_headless;
  round->app_late = app_result.late;
  round->peer_late = peer_result.late;
  round->app_cpu_over = app_result.cpu_over;
  round->peer_cpu_over = peer_result.cpu_over;
  round->app_cpu_over_host = app_result.cpu_over_host;
  round->peer_cpu_over_host = peer_result.cpu_over_host;
  round->ok = app_result.late <= peer_result.late && round->app_ratio >= 0.90 &&
              app_result.cpu_over == 0;
  g_print ("%s\n", round->ok ? "all goals met" : "GOAL MISSED");

out:
  g_clear_pointer (&peer.engine, ll_engine_unref);
  g_clear_pointer (&app.frames, g_array_unref);
  g_clear_pointer (&peer.frames, g_array_unref);
  g_clear_pointer (&apart.frames, g_array_unref);
  return summarized;

}

static double
median_of (GArray *values)
{
  return percentile (values, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  LlRunConfig config;
  LlWindow *window;
  const char *target = opt_target;
  g_autoptr(GArray) app_ratios = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) peer_ratios = g_array_new (FALSE, FALSE, sizeof (double));
  guint app_late = 0, peer_late = 0, app_over = 0, peer_over = 0, rounds_ok = 0;
  guint app_over_host = 0, peer_over_host = 0;
  gboolean ok;

  /* The build's settings schema, kept in memory: the benchmark changes
   * nothing of the person's settings. */
  g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMA_DIR, FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", FALSE);
  g_setenv ("GTK_USE_PORTAL", "0", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    return reexec_under_xvfb (argc, argv);

  context = g_option_context_new ("— frame gaps and engine throughput in the window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-ui: %s\n", error->message);
      return 2;
    }
  target = opt_target != NULL ? opt_target : "4GiB";

  gtk_init ();
  g_free (ll_renderer_choose (gdk_display_get_default ()));
  adw_init ();
  g_main_context_acquire (NULL);

  ll_ui_load_style ();
  window = ll_window_new (NULL);
  if (!ll_window_apply_options (window,
                                opt_policy != NULL ? opt_policy : "cpython",
                                target,
                                opt_element != NULL ? opt_element : "shared",
                                FALSE, &error) ||
      !ll_controls_get_config (ll_window_get_controls (window), &config, &error))
    {
      g_printerr ("bench-ui: %s\n", error->message);
      return 2;
    }

  g_print ("config: %s, %s, target %s container bytes; renderer %s\n",
           ll_policy_get_info (config.policy.kind)->name,
           ll_element_get_info (config.element)->name, target,
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");

  for (int r = 0; r < MAX (opt_rounds, 1); r++)
    {
      Round round;

      if (opt_rounds > 1)
        g_print ("\n== round %d of %d\n", r + 1, opt_rounds);
      if (!run_round (window, &config, target, &round))
        return 1;
      g_array_append_val (app_ratios, round.app_ratio);
      g_array_append_val (peer_ratios, round.peer_ratio);
      app_late += round.app_late;
      peer_late += round.peer_late;
      app_over += round.app_cpu_over;
      peer_over += round.peer_cpu_over;
      app_over_host += round.app_cpu_over_host;
      peer_over_host += round.peer_cpu_over_host;
      rounds_ok += round.ok;
    }

  ok = rounds_ok == (guint) MAX (opt_rounds, 1);
  if (opt_rounds > 1)
    {
      double app_median = median_of (app_ratios), peer_median = median_of (peer_ratios);

      g_print ("\nover %d rounds (window / peer): late frames %u / %u, frames over %.0f ms of CPU "
               "%u / %u (while the host took cores: %u / %u), throughput against headless median "
               "%.1f / %.1f %% (%.1f to %.1f / %.1f to %.1f %%); all goals met in %u rounds\n",
               opt_rounds, app_late, peer_late, CPU_GOAL_MS, app_over, peer_over,
               app_over_host, peer_over_host,
               app_median * 100, peer_median * 100,
               g_array_index (app_ratios, double, 0) * 100,
               g_array_index (app_ratios, double, app_ratios->len - 1) * 100,
               g_array_index (peer_ratios, double, 0) * 100,
               g_array_index (peer_ratios, double, peer_ratios->len - 1) * 100, rounds_ok);
      /* Over several rounds the goals hold for the totals and medians. */
      ok = app_late <= peer_late && app_median >= 0.90 && app_over == 0;
      g_print ("%s\n", ok ? "all goals met over the rounds" : "GOAL MISSED over the rounds");
    }

  gtk_window_destroy (GTK_WINDOW (window));
  settle (200);

  return opt_check && !ok ? 1 : 0;
}
