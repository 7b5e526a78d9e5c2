/* test-summary-view.c — the figures: the main five or all, and the next growth foretold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ll-window.h"
#include "ll-ui-util.h"
#include "ui-test-util.h"

/* Without a window: what the line says, from the figures it is given. */
static void
test_forecast_line (void)
{
  GtkWidget *window = gtk_window_new ();
  LlSummaryView *summary = LL_SUMMARY_VIEW (ll_summary_view_new ());
  LlSummaryInfo info = { 0 };
  LlRunConfig config;
  gboolean warns;
  const char *text;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (summary));
  ll_run_config_init (&config);
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  config.target = 4 * GiB;

  info.has_run = TRUE;
  info.units = LL_UNITS_IEC;
  info.status.state = LL_ENGINE_RUNNING;
  info.progress = 0.5;
  info.eta_ns = G_MAXUINT64;
  info.has_forecast = ll_fit_next_growth (&info.forecast, &config, 1000000, 1000000, 2 * GiB, GiB);
  ll_summary_view_update (summary, &info);
  text = ll_summary_view_get_forecast (summary, &warns);
  g_assert_true (g_str_has_prefix (text, "Next growth at 1,000,001 elements: 976.59 KiB more"));
  g_assert_false (warns);

  /* Less above the reserve than the growth needs: a warning, before. */
  info.has_forecast = ll_fit_next_growth (&info.forecast, &config, 1000000, 1000000, GiB + 1000, GiB);
  ll_summary_view_update (summary, &info);
  text = ll_summary_view_get_forecast (summary, &warns);
  g_assert_nonnull (strstr (text, "the run will stop before it"));
  g_assert_true (warns);

  /* The growth that reaches the target, with room for its appends only:
   * no warning, for the run ends there and never writes the rest. */
  config.target = 8500000;
  info.has_forecast = ll_fit_next_growth (&info.forecast, &config, 1000000, 1000000, GiB + 1000, GiB);
  ll_summary_view_update (summary, &info);
  text = ll_summary_view_get_forecast (summary, &warns);
  g_assert_cmpstr (text, ==, "Last growth at 1,000,001 elements, to the target: 976.59 KiB more, "
                             "reserved but never written");
  g_assert_false (warns);
  config.target = 4 * GiB;

  /* Boxed integers: the growth's slots would fit, the objects that fill
   * the new block too would not. The warning says what the run writes. */
  config.element = LL_ELEMENT_BOXED;
  info.has_forecast = ll_fit_next_growth (&info.forecast, &config, 1000000, 1000000, GiB + 2 * MiB, GiB);
  ll_summary_view_update (summary, &info);
  text = ll_summary_view_get_forecast (summary, &warns);
  g_assert_cmpstr (text, ==, "Next growth at 1,000,001 elements needs 4.77 MiB more, but only "
                             "2.00 MiB is free above the reserve: the run will stop before it");
  g_assert_true (warns);
  config.element = LL_ELEMENT_SHARED;

  /* A run that ended, its list kept: the room left, then the growth
   * after it, past the target, with no warning whatever is free. */
  info.status.state = LL_ENGINE_FINISHED;
  info.status.length = 999000;
  info.has_forecast = ll_fit_growth_after (&info.forecast, &config, 999000, 1000000, GiB, GiB);
  ll_summary_view_update (summary, &info);
  g_assert_cmpstr (ll_summary_view_get_forecast (summary, &warns), ==,
                   "Room for 1,000 more elements; at 1,000,001, the list would grow to "
                   "1,125,004 slots: 976.59 KiB more");
  g_assert_false (warns);
  info.status.length = 999999;
  ll_summary_view_update (summary, &info);
  g_assert_true (g_str_has_prefix (ll_summary_view_get_forecast (summary, NULL), "Room for 1 more element; "));
  info.status.length = 1000000;
  ll_summary_view_update (summary, &info);
  g_assert_cmpstr (ll_summary_view_get_forecast (summary, NULL), ==,
                   "Full: at 1,000,001 elements, the list would grow to 1,125,004 slots: 976.59 KiB more");
  /* Once released, or with a policy that never grows, nothing. */
  info.status.state = LL_ENGINE_RELEASED;
  ll_summary_view_update (summary, &info);
  g_assert_cmpstr (ll_summary_view_get_forecast (summary, NULL), ==, "");
  info.status.state = LL_ENGINE_FINISHED;
  info.has_forecast = FALSE;
  ll_summary_view_update (summary, &info);
  g_assert_cmpstr (ll_summary_view_get_forecast (summary, NULL), ==, "");

  /* The progress shows while there is a run, and only then; before, the
   * idle child, in the same height. */
  {
    GtkWidget *progress = find_widget (GTK_WIDGET (summary), GTK_TYPE_PROGRESS_BAR);
    GtkStack *stack = GTK_STACK (find_widget (GTK_WIDGET (summary), GTK_TYPE_STACK));
    GtkWidget *idle = gtk_button_new_with_label ("Example");
    int run_height, idle_height;

    g_assert_true (gtk_widget_is_ancestor (progress, gtk_stack_get_visible_child (stack)));
    /* (at a width: wrapping words are as tall as the width they have) */
    gtk_widget_measure (GTK_WIDGET (stack), GTK_ORIENTATION_VERTICAL, 600,
                        NULL, &run_height, NULL, NULL);
    ll_summary_view_set_idle_child (summary, idle);
    g_assert_true (ll_summary_view_get_idle_child (summary) == idle);
    g_assert_true (gtk_widget_is_ancestor (progress, gtk_stack_get_visible_child (stack)));
    info.has_run = FALSE;
    ll_summary_view_update (summary, &info);
    g_assert_true (gtk_stack_get_visible_child (stack) == idle);
    gtk_widget_measure (GTK_WIDGET (stack), GTK_ORIENTATION_VERTICAL, 600,
                        NULL, &idle_height, NULL, NULL);
    g_assert_cmpint (idle_height, ==, run_height);
    info.has_run = TRUE;
    ll_summary_view_update (summary, &info);
    g_assert_true (gtk_widget_is_ancestor (progress, gtk_stack_get_visible_child (stack)));
    ll_summary_view_set_idle_child (summary, NULL);
    g_assert_null (ll_summary_view_get_idle_child (summary));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* In the window, during a real run, the line is there; the charts stay
 * where they were before the run, during it and after. */
static void
test_forecast_in_window (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  LlSummaryView *summary = ll_window_get_summary (window);
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  gboolean seen = FALSE, finished = FALSE;
  GtkWidget *label;
  int height, summary_height;
  float top;

  g_signal_connect (window, "run-finished", G_CALLBACK (on_run_finished), &finished);
  ll_controls_set_policy (controls, LL_POLICY_CPYTHON);
  ll_controls_set_element (controls, LL_ELEMENT_SHARED);
  ll_controls_set_initial_text (controls, "0");
  ll_controls_set_target_kind (controls, LL_TARGET_CONTAINER_BYTES);
  ll_controls_set_target_text (controls, "3 GiB");
  wait_ms (30);
  top = board_top (window);
  g_assert_cmpfloat (top, >, 0);
  /* The line (blank, " ", before a run as at its start). */
  label = find_label (GTK_WIDGET (summary), " ");
  g_assert_nonnull (label);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  /* Its line is there from the start, blank: nothing below moves when it
   * fills in. (On a busy machine the window may take a few frames to lay
   * it out.) */
  g_assert_cmpstr (ll_summary_view_get_forecast (summary, NULL), ==, "");
  while ((!gtk_widget_get_mapped (label) || gtk_widget_get_height (label) == 0) &&
         g_get_monotonic_time () < deadline)
    wait_ms (5);
  g_assert_true (gtk_widget_get_mapped (label));
  height = gtk_widget_get_height (label);
  g_assert_cmpint (height, >, 0);
  wait_ms (30);
  g_assert_cmpint (gtk_widget_get_height (label), ==, height);
  g_assert_cmpfloat (board_top (window), ==, top);
  /* Nor do the figures: each detail keeps its two lines, empty ("—") or
   * filled ("−1.35 GiB since start", wrapped or not). */
  summary_height = gtk_widget_get_height (GTK_WIDGET (summary));

  while (!seen && !finished && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      seen = g_str_has_prefix (ll_summary_view_get_forecast (summary, NULL), "Next growth at ");
      if (!seen)
        g_usleep (1000);
    }
  g_assert_true (seen || finished);
  if (seen)
    {
      wait_ms (30);
      g_assert_cmpint (gtk_widget_get_height (label), ==, height);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (summary)), ==, summary_height);
      g_assert_cmpfloat (board_top (window), ==, top);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.stop", NULL);
  wait_for_flag (&finished, 20000);
  /* The list kept: what its next growth would be, in the same line, for
   * the list as it ended (the window may show the figures of a frame
   * before the end a moment longer). */
  deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  for (;;)
    {
      LlRun *run = ll_window_get_run (window);
      LlEngineStatus status;
      LlForecast f;
      g_autofree char *at = NULL, *slots = NULL, *expected = NULL;

      ll_run_get_status (run, &status);
      g_assert_true (ll_fit_growth_after (&f, ll_run_get_config (run), status.length,
                                          status.capacity, GiB, 0));
      at = ll_format_count_exact (f.length);
      slots = ll_format_count_exact (f.new_capacity);
      /* (a list stopped with its block full says so) */
      expected = status.capacity > status.length
                 ? g_strdup_printf ("at %s, the list would grow to %s slots: ", at, slots)
                 : g_strdup_printf ("Full: at %s elements, the list would grow to %s slots: ", at, slots);
      if (strstr (ll_summary_view_get_forecast (summary, NULL), expected) != NULL ||
          g_get_monotonic_time () >= deadline)
        {
          g_assert_nonnull (strstr (ll_summary_view_get_forecast (summary, NULL), expected));
          break;
        }
      wait_ms (10);
    }
  g_assert_cmpint (gtk_widget_get_height (label), ==, height);
  /* With Release Memory beside the status now. */
  g_assert_cmpfloat (board_top (window), ==, top);
  /* Released (the window hears of it a moment after the engine): blank. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.release-memory", NULL);
  deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while ((ll_window_get_run_state (window) != LL_ENGINE_RELEASED ||
          *ll_summary_view_get_forecast (summary, NULL) != '\0') &&
         g_get_monotonic_time () < deadline)
    wait_ms (10);
  g_assert_cmpint (ll_window_get_run_state (window), ==, LL_ENGINE_RELEASED);
  g_assert_cmpstr (ll_summary_view_get_forecast (summary, NULL), ==, "");

  destroy_window (window);
}

/* Every figure of a run, to the digit: the notebook's list after its
 * first append, 100 ms in, growing at 200 M appends a second. The time
 * left shows only while the run goes on. */
static void
test_figures_exact (void)
{
  static const struct { LlFigure figure; const char *value, *detail; } expected[] = {
    { LL_FIGURE_LENGTH, "20.0 M", "20,000,001 elements" },
    { LL_FIGURE_CAPACITY, "22.5 M", "22,500,004 slots" },
    { LL_FIGURE_CONTAINER, "171.66 MiB", "180,000,088 bytes" },
    { LL_FIGURE_OBJECTS, "32 B", "One object, shared" },
    { LL_FIGURE_SLACK, "19.07 MiB", "11.1 % of capacity" },
    { LL_FIGURE_REALLOCATIONS, "3", "25.0 ms in total" },
    { LL_FIGURE_MOVED, "1", "152.59 MiB copied" },
    { LL_FIGURE_SLOWEST, "461 µs", "At length 20.0 M" },
    { LL_FIGURE_ELAPSED, "100 ms", "25 % reallocating" },
    { LL_FIGURE_RATE, "200 M/s", "1.5 GiB/s of slots" },
  };
  GtkWidget *window = gtk_window_new ();
  LlSummaryView *summary = LL_SUMMARY_VIEW (ll_summary_view_new ());
  LlSummaryInfo info = { 0 };

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (summary));
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (30);
  info.has_run = TRUE;
  info.units = LL_UNITS_IEC;
  info.limit_bytes = LL_NO_LIMIT;
  info.element = LL_ELEMENT_SHARED;
  info.status.state = LL_ENGINE_RUNNING;
  info.status.length = 20000001;
  info.status.capacity = 22500004;
  info.status.container_bytes = 56 + 8 * info.status.capacity;
  info.status.objects_bytes = 32;
  info.status.elapsed_ns = 100000000;
  info.counters.n_events = 3;
  info.counters.n_moved = 1;
  info.counters.bytes_copied = 160000000;
  info.counters.total_realloc_ns = 25000000;
  info.counters.slowest.realloc_ns = 460853;
  info.counters.slowest.length = 20000001;
  info.appends_per_second = 2e8;
  info.progress = 0.5;
  info.eta_ns = 2000000000;
  ll_summary_view_update (summary, &info);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (ll_summary_view_get_value (summary, expected[i].figure), ==, expected[i].value);
      g_assert_cmpstr (ll_summary_view_get_detail (summary, expected[i].figure), ==, expected[i].detail);
    }
  g_assert_nonnull (find_label (GTK_WIDGET (summary), "50 % · 2.00 s left"));
  /* Ended: the share done, no time left. */
  info.status.state = LL_ENGINE_FINISHED;
  info.progress = 1.0;
  ll_summary_view_update (summary, &info);
  g_assert_nonnull (find_label (GTK_WIDGET (summary), "100 %"));
  /* A screen reader hears the figure as it reads (at once when the run
   * ends; while it runs, now and then): caption and value, then the exact
   * number and what the figure is. */
  {
    GtkWidget *w = find_label (GTK_WIDGET (summary), "20.0 M");
    gboolean named = FALSE;

    for (; w != NULL && w != GTK_WIDGET (summary) && !named; w = gtk_widget_get_parent (w))
      {
        g_autofree char *wrong = NULL;

        if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL))
          continue;
        wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                    "Length: 20.0 M");
        named = wrong == NULL;
        if (named)
          {
            g_autofree char *described = gtk_test_accessible_check_property (GTK_ACCESSIBLE (w),
                                                                             GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                                             "20,000,001 elements — Elements in the list");

            g_assert_null (described);
          }
      }
    g_assert_true (named);
  }


  gtk_window_destroy (GTK_WINDOW (window));
}

/* Free memory now, and how it changed since the run began: down while
 * the list holds memory, up once more is free; within a container, its
 * limit instead. The start says the reserve kept. */
static void
test_free_memory_figures (void)
{
  LlSummaryView *summary = LL_SUMMARY_VIEW (ll_summary_view_new ());
  LlSummaryInfo info = { 0 };

  g_object_ref_sink (summary);
  info.has_run = TRUE;
  info.units = LL_UNITS_IEC;
  info.limit_bytes = LL_NO_LIMIT;
  info.status.state = LL_ENGINE_FINISHED;
  info.status.length = 7821781;
  info.status.capacity = 8799508;
  info.status.start_available_bytes = 20 * GiB;
  info.status.reserve_bytes = 1 * GiB;
  info.available_bytes = 20 * GiB - 65 * MiB;
  ll_summary_view_update (summary, &info);
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_FREE_NOW), ==, "19.94 GiB");
  g_assert_cmpstr (ll_summary_view_get_detail (summary, LL_FIGURE_FREE_NOW), ==, "−65.00 MiB since start");
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_FREE_START), ==, "20.00 GiB");
  g_assert_cmpstr (ll_summary_view_get_detail (summary, LL_FIGURE_FREE_START), ==, "1.00 GiB kept in reserve");

  info.available_bytes = 20 * GiB + 512 * MiB;
  ll_summary_view_update (summary, &info);
  g_assert_cmpstr (ll_summary_view_get_detail (summary, LL_FIGURE_FREE_NOW), ==, "+512.00 MiB since start");

  info.limit_bytes = 8 * GiB;
  ll_summary_view_update (summary, &info);
  g_assert_cmpstr (ll_summary_view_get_detail (summary, LL_FIGURE_FREE_NOW), ==, "Within the container’s 8.00 GiB limit");

  g_object_unref (summary);
}

static void
test_main_figures (void)
{
  LlSummaryView *summary = LL_SUMMARY_VIEW (ll_summary_view_new ());

  g_object_ref_sink (summary);
  g_assert_false (ll_summary_view_get_expanded (summary));
  g_assert_true (ll_summary_view_shows (summary, LL_FIGURE_CONTAINER));
  g_assert_false (ll_summary_view_shows (summary, LL_FIGURE_OBJECTS));
  ll_summary_view_set_expanded (summary, TRUE);
  for (guint i = 0; i < LL_N_FIGURES; i++)
    g_assert_true (ll_summary_view_shows (summary, i));
  g_object_unref (summary);
}

/* A simulated run's figures say what was computed and never a time: a
 * simulation allocates and times nothing. */
static void
test_simulated_figures (void)
{
  LlSummaryView *summary = LL_SUMMARY_VIEW (ll_summary_view_new ());
  LlSummaryInfo info = { 0 };
  g_autofree char *duration = ll_format_duration (2500000);
  g_autofree char *total = g_strdup_printf ("%s in total", duration);

  g_object_ref_sink (summary);
  info.has_run = TRUE;
  info.units = LL_UNITS_IEC;
  info.status.state = LL_ENGINE_FINISHED;
  info.status.length = 117439957;
  info.status.capacity = 132119956;
  info.status.elapsed_ns = 4000000;
  info.counters.n_events = 127;
  info.counters.total_realloc_ns = 2500000;
  info.counters.slowest.realloc_ns = 400000;
  info.counters.slowest.length = 1000;
  info.appends_per_second = 3e9;
  info.progress = 1.0;
  info.eta_ns = G_MAXUINT64;

  ll_summary_view_update (summary, &info);
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_REALLOCATIONS), ==, "127");
  g_assert_cmpstr (ll_summary_view_get_detail (summary, LL_FIGURE_REALLOCATIONS), ==, total);
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_ELAPSED), !=, "—");
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_SLOWEST), !=, "—");
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_RATE), !=, "—");

  info.simulated = TRUE;
  info.status.elapsed_ns = 0;
  info.counters.total_realloc_ns = 0;
  info.counters.slowest.realloc_ns = 0;
  ll_summary_view_update (summary, &info);
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_REALLOCATIONS), ==, "127");
  g_assert_cmpstr (ll_summary_view_get_detail (summary, LL_FIGURE_REALLOCATIONS), ==, "Computed, not timed");
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_ELAPSED), ==, "—");
  g_assert_cmpstr (ll_summary_view_get_detail (summary, LL_FIGURE_ELAPSED), ==, "A simulation allocates nothing");
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_SLOWEST), ==, "—");
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_RATE), ==, "—");
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_LENGTH), ==, "117 M");

  /* An interpreter's run took time, but its reallocations were not timed
   * one by one. */
  info.simulated = FALSE;
  info.status.elapsed_ns = 4000000;
  ll_summary_view_update (summary, &info);
  g_assert_cmpstr (ll_summary_view_get_detail (summary, LL_FIGURE_REALLOCATIONS), ==, "");
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_SLOWEST), ==, "—");
  g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_ELAPSED), !=, "—");

  g_object_unref (summary);
}

/* Where each figure on screen stands, by its caption, in @summary. */
static void
figure_places (LlSummaryView *summary,
               float         *places)
{
  static const char * const captions[LL_N_FIGURES] = {
    "Length", "Capacity", "Container", "Objects", "Slack", "Reallocations", "Moved",
    "Slowest Realloc", "Elapsed", "Appends/s", "Free Memory", "Free at Start",
  };

  for (guint i = 0; i < LL_N_FIGURES; i++)
    {
      GtkWidget *caption = find_label (GTK_WIDGET (summary), captions[i]);
      graphene_rect_t bounds;

      places[i] = -1;
      if (!ll_summary_view_shows (summary, i))
        continue;
      g_assert_nonnull (caption);
      g_assert_true (gtk_widget_compute_bounds (caption, GTK_WIDGET (summary), &bounds));
      places[i] = bounds.origin.x * 10000 + bounds.origin.y; g_printerr ("%u:%.0f ", i, bounds.origin.x);
    }
}

/* The figures stand where they stood before the run while their values
 * grow, shrink and change units, in a row and expanded, in a window with
 * room to spare and in one as narrow as it goes: values that moved every
 * figure sideways many times a second would be hard to read, and drawing
 * the whole card again costs each such frame. */
static void
test_figures_keep_their_place (void)
{
  LlSummaryInfo idle = { 0 }, large = { 0 }, small = { 0 };
  struct { const LlSummaryInfo *info; const char *container; } shown[] = {
    { NULL, "1023.99 MiB" },
    { NULL, "88 B" },
  };

  ll_ui_load_style ();

  idle.units = large.units = small.units = LL_UNITS_IEC;
  idle.limit_bytes = large.limit_bytes = small.limit_bytes = LL_NO_LIMIT;
  idle.available_bytes = 3 * GiB;
  large.has_run = small.has_run = TRUE;
  large.element = small.element = LL_ELEMENT_SHARED;
  large.status.state = small.status.state = LL_ENGINE_RUNNING;
  /* "1.24 G" (1,238,415,761 elements), "1.39 G", "1023.99 MiB", "88,888",
   * "1000.00 MiB" */
  large.status.length = 1238415761;
  large.status.capacity = 1393217736;
  large.status.container_bytes = 1024 * MiB - 10 * 1024;
  large.status.start_available_bytes = 20 * GiB;
  large.counters.n_events = 88888;
  large.counters.total_realloc_ns = 8888888888;
  large.available_bytes = 1000 * MiB;
  large.appends_per_second = 8.88e7;
  small.status.length = 1;
  small.status.capacity = 4;
  small.status.container_bytes = 88;
  small.counters.n_events = 1;
  small.available_bytes = 5 * GiB;
  shown[0].info = &large;
  shown[1].info = &small;

  for (guint mode = 0; mode < 4; mode++)
    {
      GtkWidget *window = gtk_window_new ();
      LlSummaryView *summary = LL_SUMMARY_VIEW (ll_summary_view_new ());
      float before[LL_N_FIGURES], now[LL_N_FIGURES];
      GtkWidget *figures;
      int height;

      gtk_window_set_default_size (GTK_WINDOW (window), mode < 2 ? 900 : 1, -1);
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (summary));
      ll_summary_view_set_expanded (summary, mode % 2);
      ll_summary_view_update (summary, &idle);
      gtk_window_present (GTK_WINDOW (window));
      wait_ms (30);
      figure_places (summary, before);
      figures = find_widget (GTK_WIDGET (summary), GTK_TYPE_FLOW_BOX);
      height = gtk_widget_get_height (figures);
      g_assert_cmpint (height, >, 0);

      for (guint k = 0; k < G_N_ELEMENTS (shown); k++)
        {
          ll_summary_view_update (summary, shown[k].info);
          wait_ms (30);
          g_assert_cmpstr (ll_summary_view_get_value (summary, LL_FIGURE_CONTAINER), ==,
                           shown[k].container);
          figure_places (summary, now);
          for (guint i = 0; i < LL_N_FIGURES; i++)
            g_assert_cmpfloat (now[i], ==, before[i]);
          g_assert_cmpint (gtk_widget_get_height (figures), ==, height);
        }

      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The line of the next growth is as tall as the longest it says at a
 * run's end, at the width it has: in a narrow window, from a short line
 * during a run to (after the run) the growth to come of a 10 GB list,
 * nothing below it moves; nor, at this width, for a warning on the way. */
static void
test_forecast_keeps_its_height (void)
{
  GtkWidget *window = gtk_window_new ();
  LlSummaryView *summary = LL_SUMMARY_VIEW (ll_summary_view_new ());
  LlSummaryInfo info = { 0 };
  LlRunConfig config;
  GtkWidget *line, *figures;
  int height;
  float top;

  ll_ui_load_style ();
  gtk_window_set_default_size (GTK_WINDOW (window), 560, -1);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (summary));
  ll_run_config_init (&config);
  config.target_kind = LL_TARGET_CONTAINER_BYTES;
  config.target = 20 * GiB;
  info.has_run = TRUE;
  info.units = LL_UNITS_IEC;
  info.status.state = LL_ENGINE_RUNNING;
  info.has_forecast = ll_fit_next_growth (&info.forecast, &config, 1000, 1000, 20 * GiB, GiB);
  ll_summary_view_update (summary, &info);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (50);
  line = find_label (GTK_WIDGET (summary), ll_summary_view_get_forecast (summary, NULL));
  g_assert_nonnull (line);
  figures = find_widget (GTK_WIDGET (summary), GTK_TYPE_FLOW_BOX);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (summary)), ==, 560);
  height = gtk_widget_get_height (line);
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (figures, GTK_WIDGET (summary), &bounds));
    top = bounds.origin.y;
  }

  for (guint step = 0; step < 2; step++)
    {
      graphene_rect_t bounds;

      if (step == 0)
        /* (a warning: 1.30 GiB more, with less free above the reserve) */
        info.has_forecast = ll_fit_next_growth (&info.forecast, &config, 1238415761, 1393217736,
                                                2 * GiB, GiB);
      else
        {
          info.status.state = LL_ENGINE_FINISHED;
          info.status.length = 1238415761;
          info.has_forecast = ll_fit_growth_after (&info.forecast, &config, 1238415761,
                                                   1393217736, GiB, GiB);
        }
      ll_summary_view_update (summary, &info);
      wait_ms (50);
      g_assert_true (step == 0 ? g_str_has_prefix (ll_summary_view_get_forecast (summary, NULL), "Next growth at")
                               : g_str_has_prefix (ll_summary_view_get_forecast (summary, NULL), "Room for"));
      g_assert_cmpint (gtk_widget_get_height (line), ==, height);
      g_assert_true (gtk_widget_compute_bounds (figures, GTK_WIDGET (summary), &bounds));
      g_assert_cmpfloat (bounds.origin.y, ==, top);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* (GTK's own accessible API, for what screen readers hear) */
  ui_test_init_accessible (&argc, &argv);

  g_test_add_func ("/ui/summary/forecast-line", test_forecast_line);
  g_test_add_func ("/ui/summary/forecast-in-window", test_forecast_in_window);
  g_test_add_func ("/ui/summary/figures-exact", test_figures_exact);
  g_test_add_func ("/ui/summary/main-figures", test_main_figures);
  g_test_add_func ("/ui/summary/free-memory-figures", test_free_memory_figures);
  g_test_add_func ("/ui/summary/simulated-figures", test_simulated_figures);
  g_test_add_func ("/ui/summary/figures-keep-their-place", test_figures_keep_their_place);
  g_test_add_func ("/ui/summary/forecast-keeps-its-height", test_forecast_keeps_its_height);

  return g_test_run ();
}
