/* test-chart-grid.c — the charts in two columns, in a row, in the row of
 * the one last alone, or that one alone, as the room allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "ll-chart-grid.h"
#include "ui-test-util.h"

#define N_CHILDREN 4
#define CHILD_W    240
#define CHILD_H    150
#define SPACING    12

typedef struct
{
  GtkWidget *window;
  GtkWidget *grid;
  GtkWidget *children[N_CHILDREN];
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = gtk_window_new ();
  f->grid = ll_chart_grid_new ();
  for (guint i = 0; i < N_CHILDREN; i++)
    {
      f->children[i] = gtk_drawing_area_new ();
      gtk_widget_set_size_request (f->children[i], CHILD_W, CHILD_H);
      ll_chart_grid_append (LL_CHART_GRID (f->grid), f->children[i]);
    }
  gtk_window_set_child (GTK_WINDOW (f->window), f->grid);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

/* Lays the grid out in @width × @height; returns a bit per child shown. */
static guint
lay_out (Fixture *f,
         int      width,
         int      height)
{
  guint shown = 0;

  gtk_widget_measure (f->grid, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (f->grid, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (f->grid, &(GtkAllocation) { 0, 0, width, height }, -1);
  for (guint i = 0; i < N_CHILDREN; i++)
    if (gtk_widget_get_child_visible (f->children[i]))
      shown |= 1u << i;
  return shown;
}

/* Only the children shown are read out. */
static void
assert_hidden_state (Fixture *f,
                     guint    shown)
{
  for (guint i = 0; i < N_CHILDREN; i++)
    gtk_test_accessible_assert_state (f->children[i], GTK_ACCESSIBLE_STATE_HIDDEN, !(shown & (1u << i)));
}

static graphene_rect_t
bounds_of (Fixture *f,
           guint    i)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (f->children[i], f->grid, &bounds));
  return bounds;
}

/* Room for all: two columns, two rows, each chart a quarter. */
static void
test_two_columns (Fixture       *f,
                  gconstpointer  data)
{
  graphene_rect_t b0, b1, b2, b3;

  g_assert_cmphex (lay_out (f, 1000, 700), ==, 0xf);
  g_assert_true (ll_chart_grid_shows_all (LL_CHART_GRID (f->grid)));
  b0 = bounds_of (f, 0);
  b1 = bounds_of (f, 1);
  b2 = bounds_of (f, 2);
  b3 = bounds_of (f, 3);
  g_assert_cmpfloat (b0.origin.x, ==, 0);
  g_assert_cmpfloat (b1.origin.y, ==, 0);
  g_assert_cmpfloat (b1.origin.x, ==, b0.size.width + SPACING);
  g_assert_cmpfloat (b2.origin.x, ==, 0);
  g_assert_cmpfloat (b2.origin.y, ==, b0.size.height + SPACING);
  g_assert_cmpfloat (b3.origin.x + b3.size.width, ==, 1000);
  g_assert_cmpfloat (b3.origin.y + b3.size.height, ==, 700);
}

/* Wide and short, as beside the table: all four in a row. */
static void
test_one_row (Fixture       *f,
              gconstpointer  data)
{
  int least = N_CHILDREN * CHILD_W + (N_CHILDREN - 1) * SPACING;

  g_assert_cmphex (lay_out (f, least, CHILD_H), ==, 0xf);
  g_assert_true (ll_chart_grid_shows_all (LL_CHART_GRID (f->grid)));
  for (guint i = 0; i < N_CHILDREN; i++)
    {
      graphene_rect_t b = bounds_of (f, i);

      g_assert_cmpfloat (b.origin.y, ==, 0);
      g_assert_cmpfloat (b.origin.x, ==, i * (CHILD_W + SPACING));
      g_assert_cmpfloat (b.size.width, ==, CHILD_W);
    }
  /* Where both fit, the shape a chart likes (about 1.6:1) decides: in
   * 1100 × 400, two columns (544 × 194) rather than a row (266 × 400); in
   * 1600 × 400, a row (391 × 400) rather than flat cells (794 × 194). */
  g_assert_cmphex (lay_out (f, 1100, 400), ==, 0xf);
  g_assert_cmpfloat (bounds_of (f, 2).origin.y, >, 0);
  g_assert_cmphex (lay_out (f, 1600, 400), ==, 0xf);
  g_assert_cmpfloat (bounds_of (f, 2).origin.y, ==, 0);
  g_assert_cmpfloat (bounds_of (f, 3).size.height, ==, 400);

  /* a pixel narrower: no longer four in a row */
  g_assert_cmphex (lay_out (f, least - 1, CHILD_H), ==, 0x3);
  g_assert_false (ll_chart_grid_shows_all (LL_CHART_GRID (f->grid)));
}

/* Too small for all: the row of two holding the chart last shown alone,
 * then that chart alone. */
static void
test_fallback (Fixture       *f,
               gconstpointer  data)
{
  LlChartGrid *grid = LL_CHART_GRID (f->grid);
  int pair = 2 * CHILD_W + SPACING;

  /* at first, the first chart's row */
  g_assert_cmphex (lay_out (f, pair, 2 * CHILD_H), ==, 0x3);
  assert_hidden_state (f, 0x3);
  g_assert_cmpint (ll_chart_grid_get_single (grid), ==, 0);

  /* the fourth alone, then all again: its row when they do not fit */
  ll_chart_grid_set_alone (grid, 3);
  g_assert_cmphex (lay_out (f, 1000, 700), ==, 0x8);
  g_assert_false (ll_chart_grid_shows_all (grid));
  ll_chart_grid_set_alone (grid, -1);
  g_assert_cmphex (lay_out (f, 1000, 700), ==, 0xf);
  assert_hidden_state (f, 0xf);
  g_assert_cmphex (lay_out (f, pair, 2 * CHILD_H), ==, 0xc);
  g_assert_cmpfloat (bounds_of (f, 2).origin.x, ==, 0);
  g_assert_cmpfloat (bounds_of (f, 3).origin.x, ==, CHILD_W + SPACING);

  /* narrower than two: the one alone, as large as the grid */
  g_assert_cmphex (lay_out (f, pair - 1, 2 * CHILD_H), ==, 0x8);
  assert_hidden_state (f, 0x8);
  g_assert_cmpfloat (bounds_of (f, 3).size.width, ==, pair - 1);
  /* shorter than a chart: still the one, the page scrolls */
  g_assert_cmphex (lay_out (f, 1000, CHILD_H - 1), ==, 0x8);
  g_assert_cmpint (ll_chart_grid_get_single (grid), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init_accessible (&argc, &argv);

  g_test_add ("/ui/chart-grid/two-columns", Fixture, NULL, fixture_set_up, test_two_columns, fixture_tear_down);
  g_test_add ("/ui/chart-grid/one-row", Fixture, NULL, fixture_set_up, test_one_row, fixture_tear_down);
  g_test_add ("/ui/chart-grid/fallback", Fixture, NULL, fixture_set_up, test_fallback, fixture_tear_down);

  return g_test_run ();
}
