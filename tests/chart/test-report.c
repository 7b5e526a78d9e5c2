/* test-report.c — the one-page report: every chart on the page, the runs compared
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "chart-test-util.h"
#include "chart-testdata.h"
#include "ll-report.h"
#include "ll-summary.h"

#define SCALE 2.0

static cairo_surface_t *
render_report (const LlChartData    *data,
               const LlChartOptions *options,
               const LlReportInfo   *info,
               cairo_rectangle_t     areas[LL_N_CHARTS])
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) (LL_REPORT_WIDTH * SCALE),
                                        (int) (LL_REPORT_HEIGHT * SCALE));
  cairo_surface_set_device_scale (surface, SCALE, SCALE);
  cr = cairo_create (surface);
  ll_report_draw (cr, data, options, info, LL_REPORT_WIDTH, LL_REPORT_HEIGHT, areas);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (g_getenv ("CHART_TEST_SAVE_DIR") != NULL)
    {
      static guint n;
      g_autofree char *name = g_strdup_printf ("report-%u.png", n++);
      g_autofree char *path = g_build_filename (g_getenv ("CHART_TEST_SAVE_DIR"), name, NULL);

      cairo_surface_write_to_png (surface, path);
    }
  return surface;
}

static LlRect
device_rect (const cairo_rectangle_t *area)
{
  return (LlRect) { area->x * SCALE, area->y * SCALE, area->width * SCALE, area->height * SCALE };
}

/* Each of the four charts has its own place on the page, large enough to
 * read, and draws there. */
static void
test_report_four_charts (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlReportInfo info = { 0 };
  cairo_rectangle_t areas[LL_N_CHARTS];
  cairo_surface_t *surface;
  Rgb white = { 255, 255, 255 };

  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 200 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  surface = render_report (&data, &options, &info, areas);
  for (guint k = 0; k < LL_N_CHARTS; k++)
    {
      LlRect r = device_rect (&areas[k]);

      g_assert_cmpfloat (areas[k].x, >=, 0);
      g_assert_cmpfloat (areas[k].y, >=, 0);
      g_assert_cmpfloat (areas[k].x + areas[k].width, <=, LL_REPORT_WIDTH);
      g_assert_cmpfloat (areas[k].y + areas[k].height, <=, LL_REPORT_HEIGHT);
      g_assert_cmpfloat (areas[k].width, >=, 200);
      g_assert_cmpfloat (areas[k].height, >=, 150);
      g_assert_true (region_has_ink (surface, &r, white));

      for (guint j = 0; j < k; j++)
        g_assert_true (areas[j].x + areas[j].width <= areas[k].x ||
                       areas[k].x + areas[k].width <= areas[j].x ||
                       areas[j].y + areas[j].height <= areas[k].y ||
                       areas[k].y + areas[k].height <= areas[j].y);
    }

  cairo_surface_destroy (surface);
  test_run_clear (&run);
}

static GPtrArray *
make_rows (guint n)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_summary_row_free);

  for (guint i = 0; i < n; i++)
    {
      LlSummaryRow *row = g_new0 (LlSummaryRow, 1);

      row->id = g_strdup_printf ("row%u", i);
      row->label = g_strdup_printf ("Label %u", i);
      row->value = g_strdup_printf ("%u,234,567 bytes", i + 1);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

/* Does the row of pixels at @y, from @x0 to @x1, hold anything but the
 * background? */
static gboolean
row_has_ink (cairo_surface_t *surface,
             int              y,
             int              x0,
             int              x1)
{
  for (int x = x0; x < x1; x++)
    if (!is_rgb (pixel (surface, x, y), 255, 255, 255))
      return TRUE;
  return FALSE;
}

/* The lines of text between @x0 and @x1, from @top to @bottom: each a
 * band of rows with ink, apart from the next. Fills @tops and @bottoms
 * (device pixels); returns how many. */
static guint
text_bands (cairo_surface_t *surface,
            int              x0,
            int              x1,
            int              top,
            int              bottom,
            int             *tops,
            int             *bottoms,
            guint            max)
{
  guint n = 0;
  gboolean inside = FALSE;

  for (int y = top; y < bottom; y++)
    {
      gboolean ink = row_has_ink (surface, y, x0, x1);

      if (ink && !inside && n < max)
        tops[n] = y;
      if (!ink && inside && n < max)
        bottoms[n++] = y;
      inside = ink;
    }
  g_assert_false (inside);
  return n;
}

/* The page's head: the title, the stop message under it, then two tables
 * side by side, each a heading and its rows, one line each, none over
 * another; labels on the left of a table, values on the right; the charts
 * start below the longer table. */
static void
test_report_tables (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlReportInfo info = { 0 };
  cairo_rectangle_t areas[LL_N_CHARTS];
  cairo_surface_t *surface;
  g_autoptr(GPtrArray) settings = make_rows (5);
  g_autoptr(GPtrArray) results = make_rows (7);
  int tops[16], bottoms[16];
  int page = (int) (LL_REPORT_WIDTH * SCALE);
  int margin = (int) (36 * SCALE), middle = page / 2;
  int charts_top;
  guint n;

  test_run_fill_doubling (&run);
  test_run_get_data (&run, &data);
  options_init_test (&options);
  options.palette.foreground = (LlColor) { 0, 0, 0, 1 };
  info.title = "Report";
  info.stop_message = "Stopped";
  info.settings_rows = settings;
  info.result_rows = results;

  surface = render_report (&data, &options, &info, areas);
  charts_top = (int) (areas[0].y * SCALE);
  g_assert_cmpfloat (areas[0].y, ==, areas[1].y);

  /* Left half: title, message, "Settings", five rows. */
  n = text_bands (surface, margin, middle, 0, charts_top, tops, bottoms, G_N_ELEMENTS (tops));
  g_assert_cmpuint (n, ==, 3 + 5);
  /* The labels and the values of each row: values from 45 % of the table's
   * width, labels before it. */
  for (guint i = 3; i < n; i++)
    {
      int y = (tops[i] + bottoms[i]) / 2;
      int column = (page - 2 * margin - (int) (24 * SCALE)) / 2;
      int values = margin + (int) (column * 0.45);
      gboolean label = FALSE, value = FALSE;

      for (int yy = tops[i]; yy < bottoms[i]; yy++)
        {
          label |= row_has_ink (surface, yy, margin, values - 2);
          value |= row_has_ink (surface, yy, values, margin + column);
        }
      g_assert_true (label && value);
      g_assert_false (row_has_ink (surface, y, 0, margin - 2));
    }

  /* Right half: "Results", seven rows; the title and message stay left. */
  n = text_bands (surface, middle, page - margin, 0, charts_top, tops, bottoms, G_N_ELEMENTS (tops));
  g_assert_cmpuint (n, ==, 1 + 7);
  /* The charts start below the longer table. */
  g_assert_cmpint (bottoms[n - 1], <, charts_top);

  cairo_surface_destroy (surface);
  test_run_clear (&run);
}

/* Does @r hold a pixel of exactly @colour? */
static gboolean
region_has_colour (cairo_surface_t *surface,
                   const LlRect    *r,
                   const LlColor   *colour)
{
  for (int y = (int) r->y; y < (int) (r->y + r->height); y++)
    for (int x = (int) r->x; x < (int) (r->x + r->width); x++)
      if (is_rgb (pixel (surface, x, y), (int) (colour->red * 255 + 0.5),
                  (int) (colour->green * 255 + 0.5), (int) (colour->blue * 255 + 0.5)))
        return TRUE;
  return FALSE;
}

/* Groups of ink along the rows from @top to @bottom, apart by more than
 * @gap pixels: the columns of a table's row. */
static guint
ink_groups (cairo_surface_t *surface,
            int              top,
            int              bottom,
            int              gap)
{
  int width = cairo_image_surface_get_width (surface);
  int last = -G_MAXINT / 2;
  guint n = 0;

  for (int x = 0; x < width; x++)
    {
      gboolean ink = FALSE;

      for (int y = top; y < bottom && !ink; y++)
        ink = !is_rgb (pixel (surface, x, y), 255, 255, 255);
      if (!ink)
        continue;
      if (x - last > gap)
        n++;
      last = x;
    }
  return n;
}

/* With several runs the report compares them in a table above the
 * charts, each run marked with its colour on the charts. */
static void
test_report_comparison (void)
{
  TestRun run;
  LlChartData data;
  LlChartOptions options;
  LlReportRun runs[2] = {
    { "CPython 3.9+ (real)", 2, { .n_reallocations = 113, .capacity = 25399928, .elapsed_ns = 70800000 } },
    { "Go", 5, { .n_reallocations = 40, .capacity = 27000000, .copies_known = TRUE } },
  };
  LlReportInfo alone = { 0 }, compared = { 0 };
  cairo_rectangle_t alone_areas[LL_N_CHARTS], areas[LL_N_CHARTS];
  cairo_surface_t *surface;
  LlRect table;

  test_run_init (&run, 1, 1);
  test_run_fill_cpython (&run, 100 * 1024 * 1024, 8ull << 30, 1000000);
  test_run_get_data (&run, &data);
  options_init_test (&options);

  surface = render_report (&data, &options, &alone, alone_areas);
  table = (LlRect) { 0, 0, LL_REPORT_WIDTH * SCALE, alone_areas[0].y * SCALE };
  /* One run: no table, so no run colours above the charts. */
  g_assert_false (region_has_colour (surface, &table, &options.palette.runs[2]));
  g_assert_false (region_has_colour (surface, &table, &options.palette.runs[5]));
  cairo_surface_destroy (surface);

  compared.runs = runs;
  compared.n_runs = G_N_ELEMENTS (runs);
  compared.units = LL_UNITS_IEC;
  surface = render_report (&data, &options, &compared, areas);
  /* The table takes room from the charts, which still fit and draw. */
  g_assert_cmpfloat (areas[0].y, >, alone_areas[0].y + 30);
  g_assert_cmpfloat (areas[3].y + areas[3].height, <=, LL_REPORT_HEIGHT);
  g_assert_cmpfloat (areas[3].height, >=, 150);
  table = (LlRect) { 0, alone_areas[0].y * SCALE, LL_REPORT_WIDTH * SCALE, (areas[0].y - alone_areas[0].y) * SCALE };
  g_assert_true (region_has_colour (surface, &table, &options.palette.runs[2]));
  g_assert_true (region_has_colour (surface, &table, &options.palette.runs[5]));
  /* Its last lines are the runs, one each, below its heading, its titles
   * and their rule; each row a cell for every column that says something
   * (the name with its swatch, then the figures), apart from the next. */
  {
    int tops[16], bottoms[16];
    guint n, n_columns = 1;

    for (guint f = 0; f < LL_N_COMPARISON_FIGURES; f++)
      for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
        {
          g_autofree char *text = ll_comparison_format_figure (&runs[r].figures, f, LL_UNITS_IEC);

          if (g_strcmp0 (text, "—") != 0)
            {
              n_columns++;
              break;
            }
        }
    g_assert_cmpuint (n_columns, >=, 4);
    n = text_bands (surface, 0, (int) (LL_REPORT_WIDTH * SCALE), (int) table.y,
                    (int) (table.y + table.height), tops, bottoms, G_N_ELEMENTS (tops));
    g_assert_cmpuint (n, >=, 3 + G_N_ELEMENTS (runs));
    /* the rule, a hairline on its own between the titles and the runs */
    g_assert_cmpint (bottoms[n - 3] - tops[n - 3], <=, 2);
    for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
      {
        guint row = n - G_N_ELEMENTS (runs) + r;

        g_assert_cmpuint (ink_groups (surface, tops[row], bottoms[row], (int) (6 * SCALE)), ==, n_columns);
      }
  }
  cairo_surface_destroy (surface);

  /* Two runs drawn: the table names them beside their swatches, so the
   * charts' own legends do not; without the table, the charts do. */
  {
    TestRun other;
    LlChartSeries series[2];
    LlChartData two;

    test_run_init (&other, 1, 1);
    test_run_fill_cpython (&other, 50 * 1024 * 1024, 8ull << 30, 1000000);
    series[0] = data.series[0];
    series[0].style = 2;
    series[0].name = runs[0].name;
    test_run_get_data (&other, &two);
    series[1] = two.series[0];
    series[1].style = 5;
    series[1].name = runs[1].name;
    ll_chart_data_init (&two, series, 2);

    for (int with_table = 0; with_table <= 1; with_table++)
      {
        LlReportInfo *info = with_table ? &compared : &alone;
        LlRect header;

        surface = render_report (&two, &options, info, areas);
        /* the capacity chart's title and legend rows */
        header = (LlRect) { areas[0].x * SCALE, areas[0].y * SCALE,
                            areas[0].width * SCALE, 64 * SCALE };
        g_test_message ("with the table: %d", with_table);
        g_assert_true (region_has_colour (surface, &header, &options.palette.runs[5]) == !with_table);
        cairo_surface_destroy (surface);
      }
    test_run_clear (&other);
  }

  test_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/four-charts", test_report_four_charts);
  g_test_add_func ("/report/tables", test_report_tables);
  g_test_add_func ("/report/comparison", test_report_comparison);

  ret = g_test_run ();

  pango_cairo_font_map_set_default (NULL);
  return ret;
}
