/* test-chart-axes.c — the zoom and scales the window's charts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ll-chart-axes.h"

typedef struct
{
  LlChartAxes *axes;
  guint        changed;
  guint        zoomed;
  guint        log_length;
  guint        log_y;
} Fixture;

static void
on_changed (LlChartAxes *axes,
            Fixture     *f)
{
  f->changed++;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Fixture    *f)
{
  if (g_str_equal (pspec->name, "zoomed"))
    f->zoomed++;
  else if (g_str_equal (pspec->name, "log-length"))
    f->log_length++;
  else if (g_str_equal (pspec->name, "log-y"))
    f->log_y++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->axes = ll_chart_axes_new ();
  g_signal_connect (f->axes, "changed", G_CALLBACK (on_changed), f);
  g_signal_connect (f->axes, "notify", G_CALLBACK (on_notify), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->axes);
}

static void
assert_range (LlChartAxes *axes,
              LlChartKind  kind,
              double       from,
              double       to)
{
  LlChartRange range;

  ll_chart_axes_get_range (axes, kind, &range);
  g_assert_cmpfloat (range.from, ==, from);
  g_assert_cmpfloat (range.to, ==, to);
}

/* The three charts with a length axis zoom together; the memory chart
 * zooms in time, on its own. */
static void
test_shared_ranges (Fixture       *f,
                    gconstpointer  data)
{
  LlChartRange first_fifty = { 0, 3500 };
  LlChartRange seconds = { 1e9, 4e9 };

  g_assert_false (ll_chart_axes_get_zoomed (f->axes));
  for (LlChartKind kind = 0; kind < LL_N_CHARTS; kind++)
    assert_range (f->axes, kind, 0, 0);

  ll_chart_axes_set_range (f->axes, LL_CHART_GROWTH, &first_fifty);
  g_assert_true (ll_chart_axes_get_zoomed (f->axes));
  assert_range (f->axes, LL_CHART_CAPACITY, 0, 3500);
  assert_range (f->axes, LL_CHART_GROWTH, 0, 3500);
  assert_range (f->axes, LL_CHART_TIME, 0, 3500);
  assert_range (f->axes, LL_CHART_MEMORY, 0, 0);
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_cmpuint (f->zoomed, ==, 1);

  /* Zoomed already: "zoomed" says nothing new. */
  ll_chart_axes_set_range (f->axes, LL_CHART_MEMORY, &seconds);
  assert_range (f->axes, LL_CHART_MEMORY, 1e9, 4e9);
  assert_range (f->axes, LL_CHART_TIME, 0, 3500);
  g_assert_cmpuint (f->changed, ==, 2);
  g_assert_cmpuint (f->zoomed, ==, 1);

  /* The same range again is no change. */
  ll_chart_axes_set_range (f->axes, LL_CHART_CAPACITY, &first_fifty);
  g_assert_cmpuint (f->changed, ==, 2);
}

/* An empty range (or none) shows everything; Reset shows everything on
 * every chart, and says so once for each axis that was zoomed. */
static void
test_reset (Fixture       *f,
            gconstpointer  data)
{
  LlChartRange some = { 100, 200 };
  LlChartRange backwards = { 200, 100 };
  LlChartRange seconds = { 0, 2e9 };

  ll_chart_axes_set_range (f->axes, LL_CHART_TIME, &some);
  ll_chart_axes_set_range (f->axes, LL_CHART_TIME, &backwards);
  assert_range (f->axes, LL_CHART_TIME, 0, 0);
  g_assert_false (ll_chart_axes_get_zoomed (f->axes));
  g_assert_cmpuint (f->changed, ==, 2);
  g_assert_cmpuint (f->zoomed, ==, 2);

  ll_chart_axes_set_range (f->axes, LL_CHART_CAPACITY, &some);
  ll_chart_axes_set_range (f->axes, LL_CHART_MEMORY, &seconds);
  f->changed = f->zoomed = 0;
  ll_chart_axes_reset (f->axes);
  g_assert_false (ll_chart_axes_get_zoomed (f->axes));
  for (LlChartKind kind = 0; kind < LL_N_CHARTS; kind++)
    assert_range (f->axes, kind, 0, 0);
  g_assert_cmpuint (f->changed, ==, 2);
  g_assert_cmpuint (f->zoomed, ==, 1);

  /* Nothing zoomed: nothing to say. */
  ll_chart_axes_reset (f->axes);
  ll_chart_axes_set_range (f->axes, LL_CHART_GROWTH, NULL);
  g_assert_cmpuint (f->changed, ==, 2);
}

/* Each scale is a property: set, notified once, and a change. */
static void
test_log_scales (Fixture       *f,
                 gconstpointer  data)
{
  gboolean log_length, log_y;

  ll_chart_axes_set_log_length (f->axes, 42);
  g_assert_true (ll_chart_axes_get_log_length (f->axes));
  ll_chart_axes_set_log_length (f->axes, TRUE);
  g_assert_cmpuint (f->log_length, ==, 1);
  g_assert_cmpuint (f->changed, ==, 1);

  g_object_set (f->axes, "log-y", TRUE, NULL);
  g_assert_true (ll_chart_axes_get_log_y (f->axes));
  g_assert_cmpuint (f->log_y, ==, 1);
  g_assert_cmpuint (f->changed, ==, 2);

  ll_chart_axes_set_log_length (f->axes, FALSE);
  g_object_get (f->axes, "log-length", &log_length, "log-y", &log_y, NULL);
  g_assert_false (log_length);
  g_assert_true (log_y);
  g_assert_cmpuint (f->log_length, ==, 2);
  g_assert_cmpuint (f->changed, ==, 3);

  /* The scales are not a zoom. */
  g_assert_false (ll_chart_axes_get_zoomed (f->axes));
  g_assert_cmpuint (f->zoomed, ==, 0);
}

/* The charts draw what the axes hold: ranges and scales go into the
 * options, and nothing else changes there. */
static void
test_apply (Fixture       *f,
            gconstpointer  data)
{
  LlChartRange lengths = { 2500002, 16040674 };
  LlChartRange times = { 5e8, 7.5e8 };
  LlChartOptions options, before;

  ll_chart_options_init (&options);
  options.reserve_bytes = 12345;
  before = options;
  ll_chart_axes_set_range (f->axes, LL_CHART_CAPACITY, &lengths);
  ll_chart_axes_set_range (f->axes, LL_CHART_MEMORY, &times);
  ll_chart_axes_set_log_y (f->axes, TRUE);
  ll_chart_axes_apply (f->axes, &options);

  g_assert_cmpfloat (options.length_range.from, ==, 2500002);
  g_assert_cmpfloat (options.length_range.to, ==, 16040674);
  g_assert_cmpfloat (options.time_range.from, ==, 5e8);
  g_assert_cmpfloat (options.time_range.to, ==, 7.5e8);
  g_assert_false (options.log_x);
  g_assert_true (options.log_y);

  options.length_range = before.length_range;
  options.time_range = before.time_range;
  options.log_y = before.log_y;
  g_assert_cmpmem (&options, sizeof options, &before, sizeof before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chart-axes/shared-ranges", Fixture, NULL, fixture_set_up, test_shared_ranges, fixture_tear_down);
  g_test_add ("/chart-axes/reset", Fixture, NULL, fixture_set_up, test_reset, fixture_tear_down);
  g_test_add ("/chart-axes/log-scales", Fixture, NULL, fixture_set_up, test_log_scales, fixture_tear_down);
  g_test_add ("/chart-axes/apply", Fixture, NULL, fixture_set_up, test_apply, fixture_tear_down);

  return g_test_run ();
}
