/* bench-table.c — does the reallocations table scroll a million rows smoothly?
 *
 * Usage: bench-table [N_ROWS]
 *
 * Fills a history of N_ROWS reallocations (default 10^6, every one kept),
 * shows them in the table in a window, then scrolls from top to bottom in
 * 120 frames: a quarter of a page a frame (a fast wheel), then jumps
 * anywhere (the scroll bar dragged), then sorted by time and scrolled
 * again. For each frame it measures the main thread's CPU in update +
 * layout + paint. Goal: no frame over 16 ms. Beside it, the same window
 * scrolling a GtkColumnView with as many rows and columns of plain labels
 * (the peer: what GTK itself costs for that many cells).
 *
 * Without a display it runs itself under xvfb-run and dbus-run-session.
 * BENCH_TABLE_ONLY=1 leaves the peer out (to profile the table alone).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "ll-event-table.h"
#include "ll-renderer.h"
#include "ll-ui-util.h"

#define GOAL_MS 16.0
#define STEPS   120

typedef struct
{
  gint64  cpu_start;
  gint64  cpu_layout;
  gint64  wall_start;  /* monotonic µs: where perf's samples of a frame begin */
  GArray *cpu_ms;      /* double: each frame's main-thread CPU */
  GArray *phases;      /* Phases: where each frame's CPU went */
  guint   step;
  GtkAdjustment *adjustment;
  LlEventTable  *table;   /* NULL: the peer */
  gboolean done;
} Scroll;

typedef struct
{
  double update, layout;   /* layout: with the paint after it */
  gint64 start, end;       /* monotonic µs, for perf record -k CLOCK_MONOTONIC */
} Phases;

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
on_update (GdkFrameClock *clock,
           Scroll        *s)
{
  s->cpu_start = thread_cpu_us ();
  s->cpu_layout = 0;
  s->wall_start = g_get_monotonic_time ();
}

static void
on_layout (GdkFrameClock *clock,
           Scroll        *s)
{
  s->cpu_layout = thread_cpu_us ();
}


static void
on_after_paint (GdkFrameClock *clock,
                Scroll        *s)
{
  gint64 now;
  double ms;

  if (s->cpu_start == 0)
    return;
  now = thread_cpu_us ();
  ms = (now - s->cpu_start) / 1000.0;
  g_array_append_val (s->cpu_ms, ms);
  {
    Phases p = { ms, 0, s->wall_start, g_get_monotonic_time () };

    if (s->cpu_layout != 0)
      {
        p.update = (s->cpu_layout - s->cpu_start) / 1000.0;
        p.layout = (now - s->cpu_layout) / 1000.0;
      }
    g_array_append_val (s->phases, p);
  }
  s->cpu_start = 0;
}

/* One step a frame: pages, then jumps across the whole list, then a sort. */
static gboolean
step (GtkWidget     *widget,
      GdkFrameClock *clock,
      gpointer       data)
{
  Scroll *s = data;
  GtkAdjustment *adj = s->adjustment;
  double upper = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
  double page = gtk_adjustment_get_page_size (adj);

  if (s->step >= STEPS)
    {
      s->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* A fast wheel: a quarter of a page a frame. */
  if (s->step < STEPS / 3)
    gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + page / 4);
  else if (s->step < 2 * STEPS / 3)
    gtk_adjustment_set_value (adj, upper * ((s->step * 7919) % 1000) / 1000.0);
  else if (s->step == 2 * STEPS / 3 && s->table != NULL)
    ll_event_list_sort (ll_event_table_get_list (s->table), LL_EVENT_KEY_TIME, TRUE);
  else
    gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + page / 4);

  s->step++;
  return G_SOURCE_CONTINUE;
}

static void
fill (LlHistory *history,
      guint64    n)
{
  g_autofree LlEvent *events = g_new0 (LlEvent, 4096);
  guint64 capacity = 0;

  for (guint64 done = 0; done < n;)
    {
      guint k = (guint) MIN ((guint64) 4096, n - done);

      for (guint i = 0; i < k; i++)
        {
          LlEvent *e = &events[i];

          e->length = capacity + 1;
          e->old_capacity = capacity;
          e->new_capacity = capacity + 4;
          e->old_bytes = 56 + 8 * capacity;
          e->new_bytes = 56 + 8 * e->new_capacity;
          e->bytes_added = 32;
          e->moved = (done + i) % 5 == 0;
          e->realloc_ns = 80 + ((done + i) * 2654435761u) % 900;
          e->elapsed_ns = (done + i) * 400;
          e->available_bytes = G_GUINT64_CONSTANT (20) << 30;
          capacity = e->new_capacity;
        }
      ll_history_push_events (history, events, k);
      done += k;
    }
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkWidget *
peer_view (guint n)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkWidget *view;

  for (guint i = 0; i < n; i++)
    {
      char buf[32];

      g_snprintf (buf, sizeof buf, "%u,%03u", i / 1000, i % 1000);
      gtk_string_list_append (strings, buf);
    }
  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (strings))));
  gtk_widget_add_css_class (view, "data-table");
  for (guint c = 0; c < LL_N_EVENT_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
      column = gtk_column_view_column_new ("Column", factory);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  return view;
}

static GtkWidget *
find_column_view (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_COLUMN_VIEW (child))
        return child;
      if ((found = find_column_view (child)) != NULL)
        return found;
    }
  return NULL;
}

/* What scrolls the table's rows (not a menu's popover, say). */
static GtkAdjustment *
find_vadjustment (GtkWidget *root)
{
  GtkWidget *view = find_column_view (root);
  GtkWidget *scroller = view != NULL ? gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW) : NULL;

  return scroller != NULL ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)) : NULL;
}

static void
report (const char *name,
        GArray     *cpu,
        GArray     *phases)
{
  guint over = 0;

  /* BENCH_VERBOSE=MS: which frames took over MS (default: the goal), in
   * order (pages, jumps, the sort, pages). */
  double shown = g_getenv ("BENCH_VERBOSE") != NULL ? g_ascii_strtod (g_getenv ("BENCH_VERBOSE"), NULL) : 0;

  if (shown <= 0)
    shown = GOAL_MS;
  for (guint i = 0; g_getenv ("BENCH_VERBOSE") != NULL && i < cpu->len; i++)
    if (g_array_index (cpu, double, i) > shown)
      g_print ("%s: frame %u of %u, %.1f ms (update %.1f, layout and paint %.1f) [%" G_GINT64_FORMAT
               " to %" G_GINT64_FORMAT " µs]\n", name, i, cpu->len,
               g_array_index (cpu, double, i), g_array_index (phases, Phases, i).update,
               g_array_index (phases, Phases, i).layout, g_array_index (phases, Phases, i).start,
               g_array_index (phases, Phases, i).end);
  g_array_sort (cpu, compare_doubles);
  for (guint i = 0; i < cpu->len; i++)
    over += g_array_index (cpu, double, i) > GOAL_MS;
  g_print ("%-28s frames %4u   p50 %6.2f ms   p99 %6.2f ms   worst %6.2f ms   over %.0f ms: %u\n",
           name, cpu->len,
           g_array_index (cpu, double, cpu->len / 2),
           g_array_index (cpu, double, MIN (cpu->len - 1, cpu->len * 99 / 100)),
           g_array_index (cpu, double, cpu->len - 1), GOAL_MS, over);
}

static GArray *
scroll_through (GtkWidget    *content,
                LlEventTable *table,
                GArray      **phases)
{
  GtkWidget *window = gtk_window_new ();
  GdkFrameClock *clock;
  Scroll s = { 0 };

  s.cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  s.phases = g_array_new (FALSE, FALSE, sizeof (Phases));
  s.table = table;
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_set_child (GTK_WINDOW (window), content);
  gtk_window_present (GTK_WINDOW (window));

  /* Settle: the first frames lay the window out. */
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);

  s.adjustment = find_vadjustment (window);
  if (s.adjustment == NULL)
    g_error ("no scrolled window");
  /* Measuring anything else than a long list scrolling would say nothing. */
  if (gtk_adjustment_get_upper (s.adjustment) < 10 * gtk_adjustment_get_page_size (s.adjustment))
    g_error ("the table does not scroll its rows: %.0f px of %.0f", gtk_adjustment_get_page_size (s.adjustment),
             gtk_adjustment_get_upper (s.adjustment));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "update", G_CALLBACK (on_update), &s);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &s);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &s);
  gtk_widget_add_tick_callback (window, step, &s, NULL);

  while (!s.done)
    g_main_context_iteration (NULL, TRUE);
  /* The sort's result lands on a later frame: wait for it too. */
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);

  g_signal_handlers_disconnect_by_data (clock, &s);
  gtk_window_destroy (GTK_WINDOW (window));
  *phases = s.phases;
  return s.cpu_ms;
}

int
main (int   argc,
      char *argv[])
{
  guint64 n = argc > 1 ? g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  g_autoptr(LlHistory) history = NULL;
  g_autoptr(LlHistoryView) view = NULL;
  g_autoptr(GArray) app = NULL;
  g_autoptr(GArray) peer = NULL;
  g_autoptr(GArray) app_phases = NULL;
  g_autoptr(GArray) peer_phases = NULL;
  GtkWidget *table;
  GtkWidget *scroller;

  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      const char *args[] = { "xvfb-run", "-a", "-s", "-screen 0 1400x900x24", "dbus-run-session",
                             "--config-file=" SESSION_BUS_CONFIG, "--", argv[0], argc > 1 ? argv[1] : NULL,
                             NULL };

      execvp ("xvfb-run", (char **) args);
      g_printerr ("bench-table: no display, and xvfb-run could not run: %s\n", g_strerror (errno));
      return 2;
    }

  gtk_init ();
  /* Drawn as the app draws: with cairo where OpenGL runs on the CPU. */
  g_free (ll_renderer_choose (gdk_display_get_default ()));
  adw_init ();
  ll_ui_load_style ();

  history = ll_history_new ((guint) MIN (n, G_MAXUINT));
  view = ll_history_view_new ();
  fill (history, n);
  ll_history_view_update (view, history);
  g_print ("%" G_GUINT64_FORMAT " rows, %u scroll steps; renderer %s\n", n, STEPS,
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");

  table = ll_event_table_new ();
  ll_event_table_set_view (LL_EVENT_TABLE (table), view);
  app = scroll_through (table, LL_EVENT_TABLE (table), &app_phases);

  g_print ("main-thread CPU per frame (update + layout + paint):\n");
  report ("reallocations table", app, app_phases);
  if (g_getenv ("BENCH_TABLE_ONLY") != NULL)
    return 0;

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), peer_view ((guint) n));
  peer = scroll_through (scroller, NULL, &peer_phases);
  report ("plain GtkColumnView (peer)", peer, peer_phases);
  return 0;
}
