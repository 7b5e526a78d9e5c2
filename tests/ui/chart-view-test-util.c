/* chart-view-test-util.c — a chart view in its own window, with a run of 64
 * reallocations and 32 samples to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "chart-view-test-util.h"
#include "ui-test-util.h"

/* Until the window has its final size and state, and the chart is drawn. */
void
wait_settled (LlChartView *view)
{
  guint renders;

  for (guint i = 0; i < 20; i++)
    {
      renders = ll_chart_view_get_n_renders (view);
      wait_frames (GTK_WIDGET (view), 5);
      if (renders == ll_chart_view_get_n_renders (view))
        return;
    }
  g_assert_not_reached ();
}

void
fill_data (Fixture *f)
{
  guint64 length = 0, capacity = 0;

  memset (&f->counters, 0, sizeof f->counters);

  for (guint i = 0; i < G_N_ELEMENTS (f->events); i++)
    {
      LlEvent *e = &f->events[i].first;
      guint64 new_capacity = capacity + (capacity >> 3) + 6;

      length = capacity + 1;
      e->length = length;
      e->old_capacity = capacity;
      e->new_capacity = new_capacity;
      e->old_bytes = 56 + 8 * capacity;
      e->new_bytes = 56 + 8 * new_capacity;
      e->bytes_added = e->new_bytes - e->old_bytes;
      e->moved = i % 3 == 0;
      e->realloc_ns = 1000 + 37 * i;
      e->elapsed_ns = 1000000 * (i + 1);
      e->available_bytes = G_GUINT64_CONSTANT (8) << 30;
      f->events[i].last = *e;
      f->events[i].count = 1;
      f->events[i].n_moved = e->moved;
      f->events[i].min_bytes_added = e->bytes_added;
      f->events[i].max_bytes_added = e->bytes_added;
      f->events[i].max_realloc_ns = e->realloc_ns;
      f->counters.n_events++;
      f->counters.n_moved += e->moved;
      f->counters.total_realloc_ns += e->realloc_ns;
      f->counters.last_event = *e;
      if (e->realloc_ns > f->counters.slowest.realloc_ns)
        f->counters.slowest = *e;
      capacity = new_capacity;
    }

  for (guint i = 0; i < G_N_ELEMENTS (f->samples); i++)
    {
      LlSample *s = &f->samples[i].first;

      s->elapsed_ns = 2000000 * (i + 1);
      s->length = length * (i + 1) / G_N_ELEMENTS (f->samples);
      s->capacity = capacity;
      s->container_bytes = 56 + 8 * capacity;
      s->rss_bytes = (G_GUINT64_CONSTANT (100) << 20) + (i << 20);
      s->available_bytes = (G_GUINT64_CONSTANT (8) << 30) - ((guint64) i << 24);
      f->samples[i].last = *s;
      f->samples[i].count = 1;
      f->samples[i].min_available_bytes = s->available_bytes;
      f->samples[i].max_available_bytes = s->available_bytes;
      f->samples[i].min_rss_bytes = s->rss_bytes;
      f->samples[i].max_rss_bytes = s->rss_bytes;
      f->counters.n_samples++;
      if (i == 0)
        f->counters.first_sample = *s;
      f->counters.last_sample = *s;
    }

  f->series.events = f->events;
  f->series.n_events = G_N_ELEMENTS (f->events);
  f->series.samples = f->samples;
  f->series.n_samples = G_N_ELEMENTS (f->samples);
  f->series.counters = &f->counters;
  f->series.slot_bytes = 8;
  ll_chart_data_init (&f->data, &f->series, 1);
}

void
fixture_setup (Fixture       *f,
               gconstpointer  user_data)
{
  LlChartKind kind = GPOINTER_TO_UINT (user_data);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  fill_data (f);
  f->window = GTK_WINDOW (gtk_window_new ());
  f->view = LL_CHART_VIEW (ll_chart_view_new (kind));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_set_default_size (f->window, WIDTH, HEIGHT);
  gtk_window_set_decorated (f->window, FALSE);
  gtk_window_present (f->window);
  wait_frames (GTK_WIDGET (f->view), 3);
  wait_settled (f->view);
}

void
fixture_teardown (Fixture       *f,
                  gconstpointer  user_data)
{
  gpointer view = f->view;

  g_object_add_weak_pointer (view, &view);
  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (view);
}