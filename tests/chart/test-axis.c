/* test-axis.c — nice ticks, units and labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ll-axis.h"
#include "ll-plot.h"

#define GiB (1024.0 * 1024.0 * 1024.0)
#define MiB (1024.0 * 1024.0)

typedef struct
{
  LlQuantity  quantity;
  LlUnits     units;
  double      hi;
  double      length;
  gboolean    horizontal;
  const char *unit;
  const char *labels;  /* space-separated */
} LinearCase;

static const LinearCase linear_cases[] = {
  /* counts: SI prefixes, 1/2/2.5/5 steps, whole elements only */
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 10, 400, FALSE, "elements", "0 2 4 6 8 10" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 3, 400, FALSE, "elements", "0 1 2 3" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 1, 400, FALSE, "elements", "0 1" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 7, 400, FALSE, "elements", "0 1 2 3 4 5 6 7" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 999, 400, FALSE, "k elements", "0 0.2 0.4 0.6 0.8 1.0" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 22500005, 400, FALSE, "M elements", "0 5 10 15 20 25" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 1240000000, 1100, TRUE, "G elements", "0 0.2 0.4 0.6 0.8 1.0 1.2 1.4" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 17, 200, FALSE, "elements", "0 5 10 15 20" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 240, 400, FALSE, "elements", "0 50 100 150 200 250" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 7400, 400, FALSE, "k elements", "0 2 4 6 8" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 7400, 150, FALSE, "k elements", "0 2.5 5.0 7.5" },
  /* IEC bytes: powers of two within a unit */
  { LL_QUANTITY_BYTES, LL_UNITS_IEC, 1.15 * GiB, 320, FALSE, "GiB", "0 0.25 0.50 0.75 1.00 1.25" },
  { LL_QUANTITY_BYTES, LL_UNITS_IEC, 1000 * MiB, 200, FALSE, "GiB", "0 0.25 0.50 0.75 1.00" },
  { LL_QUANTITY_BYTES, LL_UNITS_IEC, 700 * MiB, 400, FALSE, "MiB", "0 128 256 384 512 640 768" },
  { LL_QUANTITY_BYTES, LL_UNITS_IEC, 23.5 * GiB, 320, FALSE, "GiB", "0 4 8 12 16 20 24" },
  { LL_QUANTITY_BYTES, LL_UNITS_IEC, 9.31 * GiB, 400, FALSE, "GiB", "0 2 4 6 8 10" },
  { LL_QUANTITY_BYTES, LL_UNITS_IEC, 100 * GiB, 300, FALSE, "GiB", "0 32 64 96 128" },
  { LL_QUANTITY_BYTES, LL_UNITS_IEC, 8000, 400, FALSE, "KiB", "0 2 4 6 8" },
  { LL_QUANTITY_BYTES, LL_UNITS_IEC, 100, 400, FALSE, "B", "0 16 32 48 64 80 96 112" },
  { LL_QUANTITY_BYTES, LL_UNITS_IEC, 2, 400, FALSE, "B", "0 1 2" },
  /* SI bytes: decimal */
  { LL_QUANTITY_BYTES, LL_UNITS_SI, 10e9, 400, FALSE, "GB", "0 2 4 6 8 10" },
  { LL_QUANTITY_BYTES, LL_UNITS_SI, 171.661e6, 400, FALSE, "MB", "0 25 50 75 100 125 150 175" },
  { LL_QUANTITY_BYTES, LL_UNITS_SI, 1.1e3, 300, FALSE, "kB", "0 0.2 0.4 0.6 0.8 1.0 1.2" },
  /* time: shown in ms, s or min */
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 9.45e9, 1150, TRUE, "s", "0 2 4 6 8 10" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 250e6, 400, FALSE, "ms", "0 50 100 150 200 250" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 0.9e9, 400, FALSE, "s", "0 0.2 0.4 0.6 0.8 1.0" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 20 * 60e9, 400, FALSE, "min", "0 5 10 15 20" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 3.3e9, 1150, TRUE, "s", "0 0.5 1.0 1.5 2.0 2.5 3.0 3.5" },
  /* short axes (a chart among four): more steps where one would label only
   * the ends, or end far beyond the data (0 500 for 301 M), never closer
   * than 27 px; an axis a whole step would leave a quarter empty ends a
   * quarter step past the data (0 0.5 up to 0.625 G for 611 M) */
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 301325684, 69, FALSE, "M elements", "0 200 400" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 301325684, 55, FALSE, "M elements", "0 200 400" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 301325684, 50, FALSE, "M elements", "0 500" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 610873544, 55, FALSE, "G elements", "0 0.5" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 480000000, 69, FALSE, "M elements", "0 250 500" },
  { LL_QUANTITY_BYTES, LL_UNITS_SI, 2.41e9, 69, FALSE, "GB", "0 2.5" },
  { LL_QUANTITY_BYTES, LL_UNITS_IEC, 21.02 * GiB, 69, FALSE, "GiB", "0 16" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 1100814004, 58, FALSE, "G elements", "0 1" },
  { LL_QUANTITY_BYTES, LL_UNITS_IEC, 512 * MiB, 78, FALSE, "MiB", "0 256 512" },
  /* a unit from one of it, on the axis the labels reach: 999 elements end
   * at 1.0 k, 999 ns at 1.0 µs, 299 s at 5 min (not 1000 ns or 300 s) */
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 1000, 400, FALSE, "k elements", "0 0.2 0.4 0.6 0.8 1.0" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 1e6, 400, FALSE, "M elements", "0 0.2 0.4 0.6 0.8 1.0" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 2.5e12, 400, FALSE, "T elements", "0 0.5 1.0 1.5 2.0 2.5" },
  { LL_QUANTITY_COUNT, LL_UNITS_IEC, 2.5e15, 400, FALSE, "P elements", "0 0.5 1.0 1.5 2.0 2.5" },
  { LL_QUANTITY_BYTES, LL_UNITS_SI, 3e12, 400, FALSE, "TB", "0 0.5 1.0 1.5 2.0 2.5 3.0" },
  { LL_QUANTITY_BYTES, LL_UNITS_SI, 999, 400, FALSE, "kB", "0 0.2 0.4 0.6 0.8 1.0" },
  { LL_QUANTITY_BYTES, LL_UNITS_IEC, 3.0 * 1024 * GiB, 400, FALSE, "TiB", "0 0.5 1.0 1.5 2.0 2.5 3.0" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 1e3, 400, FALSE, "µs", "0 0.2 0.4 0.6 0.8 1.0" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 999, 400, FALSE, "µs", "0 0.2 0.4 0.6 0.8 1.0" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 450, 400, FALSE, "ns", "0 100 200 300 400 500" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 950, 69, FALSE, "µs", "0 0.5 1.0" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 1.7e3, 400, FALSE, "µs", "0 0.25 0.50 0.75 1.00 1.25 1.50 1.75" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 999e3, 400, FALSE, "ms", "0 0.2 0.4 0.6 0.8 1.0" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 1e6, 400, FALSE, "ms", "0 0.2 0.4 0.6 0.8 1.0" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 1e9, 400, FALSE, "s", "0 0.2 0.4 0.6 0.8 1.0" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 299e9, 400, FALSE, "min", "0 1 2 3 4 5" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 300e9, 400, FALSE, "min", "0 1 2 3 4 5" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 4.9 * 3600e9, 400, FALSE, "h", "0 1 2 3 4 5" },
  { LL_QUANTITY_TIME, LL_UNITS_IEC, 5 * 3600e9, 400, FALSE, "h", "0 1 2 3 4 5" },
};

static char *
join_labels (const LlAxis *axis)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      if (!axis->ticks[i].major)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, axis->ticks[i].label);
    }

  return g_string_free (s, FALSE);
}

static void
test_linear_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (linear_cases); i++)
    {
      const LinearCase *c = &linear_cases[i];
      LlAxis axis;
      LlAxisFit fit;
      g_autofree char *labels = NULL;

      ll_axis_fit_init (&fit, c->length, c->horizontal);
      ll_axis_compute (&axis, c->quantity, c->units, FALSE, 0, c->hi, &fit);
      labels = join_labels (&axis);
      g_test_message ("case %u: hi %g -> [%s] %s", i, c->hi, labels, axis.unit);
      g_assert_cmpstr (labels, ==, c->labels);
      g_assert_cmpstr (axis.unit, ==, c->unit);
      g_assert_cmpfloat (axis.lo, ==, 0.0);
      g_assert_cmpfloat (axis.hi, >=, c->hi);
      /* It ends on its last tick, or, where that would leave a quarter of
       * it empty, on the first quarter step past the data. */
      if (axis.hi != axis.ticks[axis.n_ticks - 1].value)
        {
          double quarter = axis.step / 4;

          g_assert_cmpfloat (axis.hi - c->hi, <, quarter);
          g_assert_cmpfloat (fabs (axis.hi / quarter - round (axis.hi / quarter)), <, 1e-9);
          g_assert_cmpfloat (axis.hi, <, axis.ticks[axis.n_ticks - 1].value + axis.step);
        }
      else
        /* (Two ticks cut to one label would say nothing.) */
        g_assert_true (c->hi >= 0.75 * axis.hi || axis.n_ticks == 2);
    }
}

/* Where an axis among four ends: on the first quarter step past the data
 * when a whole step would leave a quarter of it empty (0 to 2 for 1.1 G,
 * the top half blank), else on its last tick. */
static void
test_short_axis_domain (void)
{
  static const struct { LlQuantity q; double hi; double length; double domain; } cases[] = {
    { LL_QUANTITY_COUNT, 1100814004, 58, 1.25e9 },
    { LL_QUANTITY_COUNT, 610873544, 55, 0.625e9 },
    { LL_QUANTITY_BYTES, 21.02 * GiB, 69, 24 * GiB },
    /* 0 to 500 for 301 M: cut to 375, it would label 0 alone */
    { LL_QUANTITY_COUNT, 301325684, 50, 500e6 },
    /* the data fills three quarters: as it was */
    { LL_QUANTITY_COUNT, 301325684, 55, 400e6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LlAxis axis;
      LlAxisFit fit;

      ll_axis_fit_init (&fit, cases[i].length, FALSE);
      ll_axis_compute (&axis, cases[i].q, LL_UNITS_IEC, FALSE, 0, cases[i].hi, &fit);
      g_test_message ("case %u: %g on %g px -> 0 to %g", i, cases[i].hi, cases[i].length, axis.hi);
      g_assert_cmpfloat_with_epsilon (axis.hi, cases[i].domain, cases[i].domain * 1e-12);
      g_assert_cmpfloat (axis.ticks[axis.n_ticks - 1].value, <=, axis.hi);
    }
}

/* Every tick in the label's unit is a multiple of a step whose mantissa is
 * nice, labels share their decimals, and there are 2 to 8 of them. */
static void
check_nice (const LlAxis *axis,
            double        lo,
            double        hi)
{
  double step_u = axis->step / axis->divisor;
  double mant = step_u / pow (10.0, floor (log10 (step_u) + 1e-9));
  gboolean binary = axis->quantity == LL_QUANTITY_BYTES && axis->units == LL_UNITS_IEC;
  int decimals = -1;

  g_assert_cmpuint (axis->n_ticks, >=, 2);
  g_assert_cmpuint (axis->n_ticks, <=, 8);
  g_assert_cmpfloat (axis->lo, <=, lo);
  g_assert_cmpfloat (axis->hi, >=, hi);
  /* Loose, but not wasteful: the data reaches into the last interval. */
  g_assert_cmpfloat (hi, >, axis->hi - axis->step * 1.0000001);

  if (binary)
    {
      double l2 = log2 (axis->step);
      g_assert_cmpfloat (fabs (l2 - round (l2)), <, 1e-9);
    }
  else
    g_assert_true (fabs (mant - 1) < 1e-9 || fabs (mant - 2) < 1e-9 ||
                   fabs (mant - 2.5) < 1e-9 || fabs (mant - 5) < 1e-9);

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      const LlTick *t = &axis->ticks[i];
      const char *dot = strchr (t->label, '.');
      int d = dot ? (int) strlen (dot + 1) : 0;
      double parsed = g_ascii_strtod (t->label, NULL);

      g_assert_true (t->major);
      g_assert_cmpfloat (fabs (t->value - (axis->lo + i * axis->step)), <=, axis->step * 1e-9);
      g_assert_cmpfloat (fabs (parsed * axis->divisor - t->value), <=, axis->step * 1e-6);
      if (i > 0)
        g_assert_cmpstr (t->label, !=, axis->ticks[i - 1].label);
      if (t->value == 0.0)
        g_assert_cmpstr (t->label, ==, "0");
      else if (decimals < 0)
        decimals = d;
      else
        g_assert_cmpint (d, ==, decimals);
    }
}

static void
test_linear_many (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);

  for (int i = 0; i < 20000; i++)
    {
      LlQuantity q = (LlQuantity) g_rand_int_range (rand, 0, 3);
      LlUnits u = g_rand_boolean (rand) ? LL_UNITS_IEC : LL_UNITS_SI;
      double hi = pow (10.0, g_rand_double_range (rand, 0.0, 13.0));
      double length = g_rand_double_range (rand, 60.0, 2000.0);
      LlAxis axis;
      LlAxisFit fit;

      if (q != LL_QUANTITY_TIME)
        hi = MAX (1.0, round (hi));
      ll_axis_fit_init (&fit, length, g_rand_boolean (rand));
      ll_axis_compute (&axis, q, u, FALSE, 0, hi, &fit);
      check_nice (&axis, 0, hi);
      /* Never denser than the axis allows: its spacing, or a little less
       * where that ends the axis nearer to the data. */
      if (axis.n_ticks > 2)
        g_assert_cmpfloat (length / (axis.n_ticks - 1), >=, 0.6 * fit.min_spacing - 1e-9);
      if (axis.n_ticks > 2 && length / (axis.n_ticks - 1) < fit.min_spacing)
        g_assert_cmpfloat (hi / axis.hi, >=, 0.5);
      if (q != LL_QUANTITY_TIME)
        g_assert_cmpfloat (axis.step, >=, 1.0);
    }
}

static double
measure_chars (const char *text,
               gpointer    user_data)
{
  return strlen (text) * *(double *) user_data;
}

/* A zoomed axis shows exactly the range asked for, and two to eight labels
 * in it (as many as a whole axis has at most), however the range falls
 * between nice steps: never one lone label in the middle. */
static void
test_zoomed_two_labels (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261205);

  for (int i = 0; i < 20000; i++)
    {
      LlQuantity q = (LlQuantity) g_rand_int_range (rand, 0, 3);
      LlUnits u = g_rand_boolean (rand) ? LL_UNITS_IEC : LL_UNITS_SI;
      gboolean horizontal = g_rand_boolean (rand);
      double length = g_rand_double_range (rand, horizontal ? 200.0 : 90.0, 1200.0);
      double lo = pow (10.0, g_rand_double_range (rand, 2.0, 11.0));
      double hi = lo * g_rand_double_range (rand, 1.5, 40.0);
      double per_px, last = -G_MAXDOUBLE;
      guint labels = 0;
      LlAxis axis;
      LlAxisFit fit;

      if (q != LL_QUANTITY_TIME)
        {
          lo = round (lo);
          hi = round (hi);
        }
      ll_axis_fit_init (&fit, length, horizontal);
      fit.measure = measure_chars;
      fit.user_data = &(double) { 7.0 };
      fit.exact = TRUE;
      ll_axis_compute (&axis, q, u, FALSE, lo, hi, &fit);

      g_assert_cmpfloat (axis.lo, ==, lo);
      g_assert_cmpfloat (axis.hi, ==, hi);
      per_px = (hi - lo) / length;
      for (guint t = 0; t < axis.n_ticks; t++)
        {
          g_assert_cmpfloat (axis.ticks[t].value, >=, lo - (hi - lo) * 1e-9);
          g_assert_cmpfloat (axis.ticks[t].value, <=, hi + (hi - lo) * 1e-9);
          if (axis.ticks[t].label[0] == '\0')
            continue;
          /* readably apart */
          g_assert_cmpfloat ((axis.ticks[t].value - last) / per_px, >=, fit.min_spacing * 0.5 - 1e-6);
          last = axis.ticks[t].value;
          labels++;
        }
      if (labels < 2 || labels > 8)
        g_error ("%s axis of %.0f px zoomed to [%g, %g]: %u label(s)",
                 horizontal ? "a horizontal" : "a vertical", length, lo, hi, labels);
    }
}

/* Labels that would overlap make the ticks sparser. */
static void
test_labels_never_overlap (void)
{
  double char_width = 7.0;

  for (double length = 80; length < 1500; length += 37)
    {
      for (double hi = 3; hi < 1e12; hi *= 7.3)
        {
          LlAxis axis;
          LlAxisFit fit;
          double widest = 0, spacing;

          ll_axis_fit_init (&fit, length, TRUE);
          fit.measure = measure_chars;
          fit.user_data = &char_width;
          fit.min_spacing = 10;  /* only the labels limit */
          ll_axis_compute (&axis, LL_QUANTITY_COUNT, LL_UNITS_SI, FALSE, 0, round (hi), &fit);
          if (axis.n_ticks <= 2)
            continue;
          for (guint i = 0; i < axis.n_ticks; i++)
            widest = MAX (widest, measure_chars (axis.ticks[i].label, &char_width));
          spacing = length / (axis.n_ticks - 1);
          g_assert_cmpfloat (spacing, >=, widest + fit.label_gap);
        }
    }
}

/* Zoomed (the axis is the view), labels stay apart too: wide labels of
 * large counts in a narrow view take wider steps. */
static void
test_zoomed_labels_never_overlap (void)
{
  double char_width = 7.0;
  guint checked = 0;

  for (double length = 80; length < 1500; length += 37)
    for (double hi = 30; hi < 1e12; hi *= 7.3)
      {
        double lo = round (hi * 0.37);
        LlAxis axis;
        LlAxisFit fit;
        double widest = 0, prev = NAN;

        ll_axis_fit_init (&fit, length, TRUE);
        fit.exact = TRUE;
        fit.measure = measure_chars;
        fit.user_data = &char_width;
        fit.min_spacing = 10;  /* only the labels limit */
        ll_axis_compute (&axis, LL_QUANTITY_COUNT, LL_UNITS_SI, FALSE, lo, round (hi), &fit);
        g_assert_cmpfloat (axis.lo, ==, lo);
        g_assert_cmpfloat (axis.hi, ==, round (hi));
        for (guint i = 0; i < axis.n_ticks; i++)
          widest = MAX (widest, measure_chars (axis.ticks[i].label, &char_width));
        for (guint i = 0; i < axis.n_ticks; i++)
          {
            double x = (axis.ticks[i].value - axis.lo) / (axis.hi - axis.lo) * length;

            if (axis.ticks[i].label[0] == '\0')
              continue;
            if (!isnan (prev))
              {
                g_assert_cmpfloat (x - prev, >=, widest + fit.label_gap - 1e-9);
                checked++;
              }
            prev = x;
          }
      }
  g_assert_cmpuint (checked, >, 100);
}

static void
test_degenerate (void)
{
  LlAxis axis;

  /* Empty, reversed or non-finite ranges still give an axis. */
  ll_axis_compute (&axis, LL_QUANTITY_COUNT, LL_UNITS_IEC, FALSE, 0, 0, NULL);
  g_assert_cmpuint (axis.n_ticks, ==, 2);
  g_assert_cmpfloat (axis.hi, ==, 1.0);

  ll_axis_compute (&axis, LL_QUANTITY_BYTES, LL_UNITS_IEC, FALSE, 100, 0, NULL);
  g_assert_cmpfloat (axis.lo, ==, 0.0);
  g_assert_cmpfloat (axis.hi, >=, 100.0);

  ll_axis_compute (&axis, LL_QUANTITY_TIME, LL_UNITS_IEC, FALSE, 0, NAN, NULL);
  g_assert_cmpuint (axis.n_ticks, >=, 2);

  ll_axis_compute (&axis, LL_QUANTITY_BYTES, LL_UNITS_IEC, FALSE, 0, 18446744073709551615.0, NULL);
  g_assert_cmpstr (axis.unit, ==, "EiB");
  check_nice (&axis, 0, 18446744073709551615.0);

  ll_axis_compute (&axis, LL_QUANTITY_BYTES, LL_UNITS_IEC, TRUE, 0, 0, NULL);
  g_assert_cmpuint (axis.n_ticks, >=, 2);
  g_assert_cmpfloat (axis.lo, >, 0.0);

  /* A tiny axis gets one interval. */
  ll_axis_compute (&axis, LL_QUANTITY_COUNT, LL_UNITS_IEC, FALSE, 0, 12345, NULL);
  {
    LlAxisFit fit;

    ll_axis_fit_init (&fit, 5, FALSE);
    ll_axis_compute (&axis, LL_QUANTITY_COUNT, LL_UNITS_IEC, FALSE, 0, 12345, &fit);
    g_assert_cmpuint (axis.n_ticks, ==, 2);
  }
}

static void
test_log_decades (void)
{
  LlAxis axis;
  LlAxisFit fit;
  LlScale scale;
  double prev = NAN, gap = NAN;
  guint n_major = 0, n_minor = 0;

  ll_axis_fit_init (&fit, 400, FALSE);
  ll_axis_compute (&axis, LL_QUANTITY_COUNT, LL_UNITS_SI, TRUE, 3, 2e6, &fit);
  g_assert_cmpfloat (axis.lo, ==, 1.0);
  g_assert_cmpfloat (axis.hi, ==, 1e7);
  ll_scale_init (&scale, TRUE, axis.lo, axis.hi, 400, 0);

  for (guint i = 0; i < axis.n_ticks; i++)
    {
      const LlTick *t = &axis.ticks[i];
      double y;

      if (!t->major)
        {
          double m = t->value / pow (10.0, floor (log10 (t->value) + 1e-9));

          /* minor ticks at 2..9 × 10^n */
          g_assert_cmpfloat (fabs (m - round (m)), <, 1e-9);
          g_assert_cmpfloat (round (m), >=, 2);
          g_assert_cmpfloat (round (m), <=, 9);
          n_minor++;
          continue;
        }
      n_major++;
      y = ll_scale_map (&scale, t->value);
      if (!isnan (prev))
        {
          if (isnan (gap))
            gap = prev - y;
          /* decades evenly spaced */
          g_assert_cmpfloat (fabs ((prev - y) - gap), <, 1e-9);
        }
      prev = y;
    }

  g_assert_cmpuint (n_major, ==, 8);
  g_assert_cmpfloat_with_epsilon (gap, 400.0 / 7, 1e-9);
  g_assert_cmpuint (n_minor, ==, 7 * 8);
  g_assert_cmpstr (axis.ticks[0].label, ==, "1");
  g_assert_cmpstr (axis.ticks[axis.n_ticks - 1].label, ==, "10 M");
  g_assert_cmpstr (axis.unit, ==, "elements");

  /* Many decades on a short axis: every other decade labelled. */
  ll_axis_fit_init (&fit, 200, FALSE);
  ll_axis_compute (&axis, LL_QUANTITY_BYTES, LL_UNITS_SI, TRUE, 1, 1e12, &fit);
  n_major = 0;
  for (guint i = 0; i < axis.n_ticks; i++)
    {
      if (axis.ticks[i].major)
        {
          n_major++;
          g_assert_cmpstr (axis.ticks[i].label, !=, "");
        }
    }
  g_assert_cmpuint (n_major, <=, 8);
  g_assert_cmpuint (n_major, >=, 3);
  g_assert_cmpstr (axis.unit, ==, "");
}

static void
test_log_binary (void)
{
  static const char * const expected[] = { "32 B", "1 KiB", "32 KiB", "1 MiB", "32 MiB", "1 GiB" };
  LlAxis axis;
  LlAxisFit fit;
  LlScale scale;
  guint n = 0;
  double prev = NAN;

  /* CPython's reallocations: from 32 bytes to about a GiB. */
  ll_axis_fit_init (&fit, 320, FALSE);
  ll_axis_compute (&axis, LL_QUANTITY_BYTES, LL_UNITS_IEC, TRUE, 32, 1.15 * GiB, &fit);
  g_assert_cmpfloat (axis.lo, ==, 32);
  g_assert_cmpfloat (axis.hi, ==, 2 * GiB);
  ll_scale_init (&scale, TRUE, axis.lo, axis.hi, 320, 0);

  for (guint i = 0; i < axis.n_ticks; i++)
    {
      double y;

      if (!axis.ticks[i].major)
        continue;
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (axis.ticks[i].label, ==, expected[n]);
      y = ll_scale_map (&scale, axis.ticks[i].value);
      /* 2^5 apart, evenly */
      if (!isnan (prev))
        g_assert_cmpfloat (fabs ((prev - y) - 320.0 * 5 / 26), <, 1e-9);
      prev = y;
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  g_assert_cmpstr (axis.unit, ==, "");
}

static guint
labelled (const LlAxis *axis,
          const char  **first,
          const char  **last)
{
  guint n = 0;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      if (axis->ticks[i].label[0] == '\0')
        continue;
      if (n++ == 0)
        *first = axis->ticks[i].label;
      *last = axis->ticks[i].label;
    }
  return n;
}

/* A short log axis says at least where two powers are, the labels apart:
 * times in whole units (1 ns, 1 µs, 1 ms, 1 s). */
static void
test_log_short (void)
{
  const char *first = NULL, *last = NULL;
  LlAxis axis;
  LlAxisFit fit;

  /* The time chart of a small window: 0.2 ns per append, 3 ms a copy. */
  ll_axis_fit_init (&fit, 55, FALSE);
  ll_axis_compute (&axis, LL_QUANTITY_TIME, LL_UNITS_IEC, TRUE, 0.2, 3e6, &fit);
  g_assert_cmpuint (labelled (&axis, &first, &last), ==, 2);
  g_assert_cmpstr (first, ==, "1 ns");
  g_assert_cmpstr (last, ==, "1 ms");
  ll_axis_fit_init (&fit, 200, FALSE);
  ll_axis_compute (&axis, LL_QUANTITY_TIME, LL_UNITS_IEC, TRUE, 0.2, 3e6, &fit);
  g_assert_cmpuint (labelled (&axis, &first, &last), ==, 3);
  g_assert_cmpstr (first, ==, "1 ns");
  g_assert_cmpstr (last, ==, "1 ms");

  for (double length = 30; length <= 400; length += 5)
    for (int a = -3; a <= 6; a++)
      for (int span = 1; span <= 14; span++)
        for (int q = 0; q < 3; q++)
          {
            static const LlQuantity quantities[] = { LL_QUANTITY_TIME, LL_QUANTITY_COUNT, LL_QUANTITY_BYTES };
            LlUnits units = q == 2 ? LL_UNITS_IEC : LL_UNITS_SI;
            double lo = pow (10.0, a) * 1.5, hi = pow (10.0, a + span) * 0.7;
            double prev = NAN;
            LlScale scale;

            if (hi <= lo)
              continue;
            ll_axis_fit_init (&fit, length, FALSE);
            ll_axis_compute (&axis, quantities[q], units, TRUE, lo, hi, &fit);
            ll_scale_init (&scale, TRUE, axis.lo, axis.hi, length, 0);
            if (labelled (&axis, &first, &last) < 2)
              g_error ("a log axis of %.0f px over [%g, %g] (quantity %d): fewer than 2 labels",
                       length, lo, hi, q);
            /* (and it shows all the data; counts and bytes from 1) */
            if (!(axis.lo > 0.0 && axis.lo <= MAX (lo, q == 0 ? 1e-9 : 1.0) * (1 + 1e-12) &&
                  axis.hi >= MAX (hi, q == 0 ? 1e-9 : 1.0) * (1 - 1e-12)))
              g_error ("a log axis of %.0f px over [%g, %g] (quantity %d) spans [%g, %g]",
                       length, lo, hi, q, axis.lo, axis.hi);
            for (guint i = 0; i < axis.n_ticks; i++)
              {
                double y = ll_scale_map (&scale, axis.ticks[i].value);

                if (axis.ticks[i].label[0] == '\0')
                  continue;
                if (!isnan (prev))
                  g_assert_cmpfloat (prev - y, >=, fit.label_size + fit.label_gap - 1e-9);
                prev = y;
              }
          }
}

/* Data within a small part of the powers around it (a capacity from 100
 * to 208 on a log axis of 100 to 1,000) gets linear steps around it on the
 * log scale: it fills most of the plot. */
static void
test_log_within_a_decade (void)
{
  LlAxis axis;
  LlAxisFit fit;
  double step = NAN, prev = NAN;
  guint n = 0;

  ll_axis_fit_init (&fit, 280, FALSE);
  ll_axis_compute (&axis, LL_QUANTITY_COUNT, LL_UNITS_SI, TRUE, 100, 208, &fit);
  g_assert_true (axis.log);
  g_assert_cmpfloat (axis.lo, >, 0);
  g_assert_cmpfloat (axis.lo, <=, 100);
  g_assert_cmpfloat (axis.hi, >=, 208);
  g_assert_cmpfloat (log10 (208.0 / 100.0) / log10 (axis.hi / axis.lo), >, 0.5);
  for (guint i = 0; i < axis.n_ticks; i++)
    {
      if (axis.ticks[i].label[0] == '\0')
        continue;
      if (!isnan (prev))
        {
          if (isnan (step))
            step = axis.ticks[i].value - prev;
          /* evenly apart in value */
          g_assert_cmpfloat (fabs (axis.ticks[i].value - prev - step), <, 1e-9);
        }
      prev = axis.ticks[i].value;
      n++;
    }
  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpstr (axis.ticks[0].label, ==, "100");

  /* short axes, whose steps would reach down to 0: still the data's part
   * of the decade, with at least two labels in it */
  for (double length = 40; length <= 120; length += 5)
    for (double line = 12; line <= 20; line += 1)
      {
        /* (the capacity of a run of 10 M zoomed to 5 M to 9.5 M in a chart
         * among four: 70 px, labels of 14) */
        ll_axis_fit_init (&fit, length, FALSE);
        fit.label_size = line;   /* as a chart's layout sets them */
        fit.min_spacing = MAX (fit.min_spacing, line * 1.8);
        ll_axis_compute (&axis, LL_QUANTITY_COUNT, LL_UNITS_IEC, TRUE, 4999999.5, 9899452, &fit);
        g_test_message ("%.0f px: %g to %g", length, axis.lo, axis.hi);
        g_assert_true (axis.log);
        g_assert_cmpfloat (axis.lo, >, 0);
        g_assert_cmpfloat (axis.lo, <=, 4999999.5);
        g_assert_cmpfloat (axis.hi, >=, 9899452);
        g_assert_cmpfloat (log10 (9899452 / 4999999.5) / log10 (axis.hi / axis.lo), >, 0.5);
        n = 0;
        for (guint i = 0; i < axis.n_ticks; i++)
          n += axis.ticks[i].label[0] != '\0';
        g_assert_cmpuint (n, >=, 2);
      }
  ll_axis_fit_init (&fit, 280, FALSE);

  /* a decade or more: the powers, as before */
  ll_axis_compute (&axis, LL_QUANTITY_COUNT, LL_UNITS_SI, TRUE, 100, 2000, &fit);
  g_assert_cmpfloat (axis.lo, ==, 100);
  g_assert_cmpfloat (axis.hi, ==, 10000);

  /* bytes between two powers of two span exactly those */
  ll_axis_compute (&axis, LL_QUANTITY_BYTES, LL_UNITS_IEC, TRUE, 130, 250, &fit);
  g_assert_cmpfloat (axis.lo, ==, 128);
  g_assert_cmpfloat (axis.hi, ==, 256);
  /* but 5.5 to 9.4 MiB, on 4 to 16 MiB, take steps of a MiB */
  ll_axis_compute (&axis, LL_QUANTITY_BYTES, LL_UNITS_IEC, TRUE, 5.5 * 1048576, 9.4 * 1048576, &fit);
  g_assert_true (axis.log);
  g_assert_cmpfloat (axis.lo, >=, 4 * 1048576);
  g_assert_cmpfloat (axis.hi, <=, 12 * 1048576);
  g_assert_cmpfloat (log10 (9.4 / 5.5) / log10 (axis.hi / axis.lo), >, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/axis/linear-table", test_linear_table);
  g_test_add_func ("/chart/axis/short-axis-domain", test_short_axis_domain);
  g_test_add_func ("/chart/axis/linear-many", test_linear_many);
  g_test_add_func ("/chart/axis/labels-never-overlap", test_labels_never_overlap);
  g_test_add_func ("/chart/axis/zoomed-two-labels", test_zoomed_two_labels);
  g_test_add_func ("/chart/axis/zoomed-labels-never-overlap", test_zoomed_labels_never_overlap);
  g_test_add_func ("/chart/axis/degenerate", test_degenerate);
  g_test_add_func ("/chart/axis/log-decades", test_log_decades);
  g_test_add_func ("/chart/axis/log-binary", test_log_binary);
  g_test_add_func ("/chart/axis/log-short", test_log_short);
  g_test_add_func ("/chart/axis/log-within-a-decade", test_log_within_a_decade);

  return g_test_run ();
}
