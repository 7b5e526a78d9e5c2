/* ll-axis.c — nice ticks, unit choice and tick labels for chart axes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ll-axis.h"

#define MAX_INTERVALS 7  /* so at most 8 labelled ticks */
#define N_POWERS      7

static const char * const si_prefixes[N_POWERS] = { "", "k", "M", "G", "T", "P", "E" };

void
ll_axis_fit_init (LlAxisFit *fit,
                  double     length,
                  gboolean   horizontal)
{
  g_return_if_fail (fit != NULL);

  memset (fit, 0, sizeof *fit);
  fit->length = length;
  fit->horizontal = horizontal;
  fit->min_spacing = horizontal ? 90.0 : 44.0;
  fit->label_size = 12.0;
  fit->label_gap = horizontal ? 16.0 : 6.0;
}

static int
decimals_for (double x)
{
  for (int d = 0; d < 6; d++)
    {
      double y = x * pow (10.0, d);

      if (fabs (y - round (y)) < 1e-6 * MAX (1.0, fabs (y)))
        return d;
    }
  return 6;
}

static void
count_unit (char   *buf,
            gsize   size,
            guint   power)
{
  if (power == 0)
    g_strlcpy (buf, _("elements"), size);
  else
    /* TRANSLATORS: an axis unit such as "M elements" (millions of elements) */
    g_snprintf (buf, size, _("%s elements"), si_prefixes[power]);
}

/* An axis for @quantity in @units, with no ticks yet. */
static void
axis_reset (LlAxis     *axis,
            LlQuantity  quantity,
            LlUnits     units)
{
  memset (axis, 0, sizeof *axis);
  axis->quantity = quantity;
  axis->units = units;
  axis->divisor = 1.0;
}

static void
axis_add (LlAxis     *axis,
          double      value,
          gboolean    major,
          const char *label)
{
  LlTick *tick;

  if (axis->n_ticks >= LL_AXIS_MAX_TICKS)
    return;

  tick = &axis->ticks[axis->n_ticks++];
  tick->value = value;
  tick->major = major;
  g_strlcpy (tick->label, label != NULL ? label : "", sizeof tick->label);
}

static gboolean
labels_fit (const LlAxis    *axis,
            const LlAxisFit *fit,
            double           spacing)
{
  double widest = 0.0;

  if (spacing < fit->min_spacing * 0.5)
    return FALSE;

  if (!fit->horizontal)
    return spacing >= fit->label_size + fit->label_gap;

  if (fit->measure == NULL)
    return TRUE;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      if (axis->ticks[i].label[0] != '\0')
        widest = MAX (widest, fit->measure (axis->ticks[i].label, fit->user_data));
    }

  return spacing >= widest + fit->label_gap;
}

static int
max_intervals_for (const LlAxisFit *fit)
{
  double n = floor (fit->length / MAX (fit->min_spacing, 1.0));

  return (int) CLAMP (n, 1.0, (double) MAX_INTERVALS);
}

/* Linear axes ------------------------------------------------------------ */

typedef struct
{
  gboolean binary;  /* powers of two */
  gboolean integer; /* no step below one unit of data */
  double   base;    /* steps are base × (1, 2, 2.5, 5) × 10^n */
  double   raw;     /* smallest acceptable step */
  int      e;       /* decimal exponent or binary order of the candidate */
  int      m;       /* index into the mantissas */
} StepIter;

static const double mantissas[] = { 1.0, 2.0, 2.5, 5.0 };

static void
step_iter_init (StepIter *it,
                gboolean  binary,
                gboolean  integer,
                double    base,
                double    raw)
{
  it->binary = binary;
  it->integer = integer;
  it->base = base;
  it->raw = raw;
  it->m = 0;
  if (binary)
    it->e = (int) floor (log2 (MAX (raw, 1.0))) - 1;
  else
    it->e = (int) floor (log10 (raw / base)) - 1;
}

static double
step_iter_next (StepIter *it)
{
  for (int guard = 0; guard < 1000; guard++)
    {
      double step;

      if (it->binary)
        {
          step = ldexp (1.0, it->e);
          it->e++;
        }
      else
        {
          step = it->base * mantissas[it->m] * pow (10.0, it->e);
          if (++it->m == G_N_ELEMENTS (mantissas))
            {
              it->m = 0;
              it->e++;
            }
        }

      if (step < it->raw * (1.0 - 1e-9))
        continue;
      if (it->integer && (step < 1.0 || fabs (step - round (step)) > 1e-9))
        continue;
      return step;
    }

  return it->raw;
}

static const struct
{
  double      divisor;
  const char *name;
} time_units[] = {
  { 1.0, N_("ns") },
  { 1e3, N_("µs") },
  { 1e6, N_("ms") },
  { 1e9, N_("s") },
  { 60e9, N_("min") },
  { 3600e9, N_("h") },
};

/* The time unit an axis up to @hi ns reads in. */
static guint
time_unit_for (double hi)
{
  if (hi < 1e3)
    return 0;
  if (hi < 1e6)
    return 1;
  if (hi < 1e9)
    return 2;
  if (hi < 300e9)
    return 3;
  if (hi < 5 * 3600e9)
    return 4;
  return 5;
}

static void
choose_time_unit (LlAxis *axis,
                  double  hi)
{
  guint i = time_unit_for (hi);

  axis->divisor = time_units[i].divisor;
  g_strlcpy (axis->unit, _(time_units[i].name), sizeof axis->unit);
}

static void
choose_divisor (LlAxis *axis,
                double  step,
                double  hi)
{
  guint power = 0;

  if (axis->quantity == LL_QUANTITY_TIME)
    return;

  if (axis->quantity == LL_QUANTITY_BYTES && axis->units == LL_UNITS_IEC)
    {
      /* The largest unit the axis reaches, unless its steps would need
       * three decimals (0.125 GiB): then 128 MiB reads better. */
      while (power + 1 < N_POWERS &&
             ldexp (1.0, 10 * (power + 1)) <= hi &&
             step / ldexp (1.0, 10 * (power + 1)) >= 0.25 - 1e-12)
        power++;
      axis->divisor = ldexp (1.0, 10 * power);
      g_strlcpy (axis->unit, ll_unit_name (LL_UNITS_IEC, power), sizeof axis->unit);
      return;
    }

  while (power + 1 < N_POWERS && pow (1000.0, power + 1) <= hi * (1.0 + 1e-12))
    power++;
  axis->divisor = pow (1000.0, power);

  if (axis->quantity == LL_QUANTITY_BYTES)
    g_strlcpy (axis->unit, ll_unit_name (LL_UNITS_SI, power), sizeof axis->unit);
  else
    count_unit (axis->unit, sizeof axis->unit, power);
}

static void
format_linear (char   *buf,
               gsize   size,
               double  value,
               int     decimals)
{
  if (fabs (value) < 1e-12)
    g_strlcpy (buf, "0", size);
  else
    g_snprintf (buf, size, "%.*f", decimals, value);
}

static void
fill_linear (LlAxis *axis,
             double  lo,
             double  hi,
             double  step)
{
  int n = (int) round ((hi - lo) / step);

  axis->lo = lo;
  axis->hi = hi;
  axis->step = step;
  choose_divisor (axis, step, hi);
  axis->decimals = decimals_for (step / axis->divisor);
  axis->n_ticks = 0;

  for (int i = 0; i <= n; i++)
    {
      double v = lo + i * step;
      char label[24];

      format_linear (label, sizeof label, v / axis->divisor, axis->decimals);
      axis_add (axis, v, TRUE, label);
    }
}

/* The nicest steps for [@lo, @hi] whose labels fit, FALSE when none let
 * them (the axis then has the last one tried). The axis ends on whole
 * steps around the data, in at most @max_intervals of them; or, zoomed
 * (@min_px > 0), shows exactly [@lo, @hi] with its ticks there at least
 * @min_px apart. */
static gboolean
choose_steps (LlAxis          *axis,
              double           lo,
              double           hi,
              const LlAxisFit *fit,
              double           base,
              int              max_intervals,
              double           min_px)
{
  gboolean binary = axis->quantity == LL_QUANTITY_BYTES && axis->units == LL_UNITS_IEC;
  gboolean integer = axis->quantity != LL_QUANTITY_TIME;
  gboolean zoomed = min_px > 0.0;
  StepIter it;

  /* Zoomed, no more ticks in view than a whole axis has at most. */
  step_iter_init (&it, binary, integer, base,
                  zoomed ? (hi - lo) * MAX (min_px / MAX (fit->length, 1.0), 1.0 / MAX_INTERVALS)
                         : (hi - lo) / max_intervals);

  for (int tries = 0; tries < 64; tries++)
    {
      double step = step_iter_next (&it);
      double lo_n = floor (lo / step + 1e-9) * step;
      double hi_n = ceil (hi / step - 1e-9) * step;
      int n;

      if (hi_n <= lo_n)
        hi_n = lo_n + step;
      n = (int) round ((hi_n - lo_n) / step);
      if (!zoomed && n > max_intervals)
        continue;

      fill_linear (axis, lo_n, hi_n, step);
      if (zoomed ? labels_fit (axis, fit, fit->length * step / (hi - lo))
                 : n <= 1 || labels_fit (axis, fit, fit->length / n))
        return TRUE;
    }

  return FALSE;
}

/* The labelled ticks within [@lo, @hi]. */
static guint
labels_within (const LlAxis *axis,
               double        lo,
               double        hi)
{
  double slack = (hi - lo) * 1e-9;
  guint n = 0;

  for (guint i = 0; i < axis->n_ticks; i++)
    n += axis->ticks[i].label[0] != '\0' &&
         axis->ticks[i].value >= lo - slack && axis->ticks[i].value <= hi + slack;
  return n;
}

/* How well the axis shows [@lo, @hi]: the share of it the data spans, less
 * a quarter when it labels only its two ends. */
static double
score (const LlAxis *axis,
       double        lo,
       double        hi)
{
  double coverage = axis->hi > axis->lo ? (hi - lo) / (axis->hi - axis->lo) : 1.0;

  return axis->n_ticks < 3 ? coverage - 0.25 : coverage;
}

/* Linear steps over [@lo, @hi]; durations in the unit of @unit_hi. */
static void
compute_linear_steps (LlAxis          *axis,
                      double           lo,
                      double           hi,
                      double           unit_hi,
                      const LlAxisFit *fit)
{
  int max_intervals = max_intervals_for (fit);
  gboolean integer = axis->quantity != LL_QUANTITY_TIME;
  double base = 1.0;
  LlAxis fresh;

  if (axis->quantity == LL_QUANTITY_TIME)
    {
      choose_time_unit (axis, unit_hi);
      /* Minutes and hours step in whole units of themselves. */
      if (axis->divisor >= 60e9)
        base = axis->divisor;
    }

  if (!(hi > lo))
    hi = lo + (integer ? MAX (1.0, fabs (lo)) : MAX (1.0, fabs (lo)) * 1e-3 + 1.0);

  fresh = *axis;

  /* Zoomed: ticks count only where they are in view; two at least while
   * they can stay readably apart. */
  if (fit->exact)
    {
      static const double closer[] = { 0.7, 0.5 };

      choose_steps (axis, lo, hi, fit, base, 0, fit->min_spacing);
      for (guint i = 0; i < G_N_ELEMENTS (closer) && labels_within (axis, lo, hi) < 2; i++)
        {
          LlAxis denser = fresh;

          if (choose_steps (&denser, lo, hi, fit, base, 0, fit->min_spacing * closer[i]) &&
              labels_within (&denser, lo, hi) > labels_within (axis, lo, hi))
            *axis = denser;
        }
      return;
    }

  choose_steps (axis, lo, hi, fit, base, max_intervals, 0.0);

  /* A short axis (a chart among four) allowed few steps can label only its
   * ends, or end far beyond its data (0 to 500 for a list of 301 M): while
   * the ticks stay readably apart, more steps may do better (0, 200, 400). */
  for (int more = max_intervals + 1;
       (score (axis, lo, hi) < 0.75 || axis->n_ticks < 3) &&
       fit->length / more >= fit->min_spacing * 0.6 && more <= MAX_INTERVALS;
       more++)
    {
      LlAxis denser = fresh;

      if (choose_steps (&denser, lo, hi, fit, base, more, 0.0) &&
          score (&denser, lo, hi) > score (axis, lo, hi) + 1e-9)
        *axis = denser;
    }
}

/* The value of the last labelled tick, or @otherwise with none. */
static double
last_label_value (const LlAxis *axis,
                  double        otherwise)
{
  for (guint i = axis->n_ticks; i > 0; i--)
    if (axis->ticks[i - 1].label[0] != '\0')
      return axis->ticks[i - 1].value;
  return otherwise;
}

static void
compute_linear (LlAxis          *axis,
                double           lo,
                double           hi,
                const LlAxisFit *fit)
{
  LlAxis start = *axis;
  LlAxis again;
  double reach;

  compute_linear_steps (axis, lo, hi, hi, fit);

  /* Durations read in the unit the labels reach, as counts and bytes do:
   * up to 1000 ns is up to 1.0 µs, up to 300 s is up to 5 min. (A zoomed
   * axis ends with the view.) */
  if (axis->quantity != LL_QUANTITY_TIME || fit->exact)
    return;
  reach = last_label_value (axis, hi);
  if (!(time_units[time_unit_for (reach)].divisor > axis->divisor))
    return;
  again = start;
  compute_linear_steps (&again, lo, hi, reach, fit);
  if (again.divisor > axis->divisor)
    *axis = again;
}

/* Log axes --------------------------------------------------------------- */

static void
format_decade (char       *buf,
               gsize       size,
               const LlAxis *axis,
               int         e)
{
  /* Durations: 1 ns, 10 ns … 1 µs … 1 s, then seconds. */
  if (axis->quantity == LL_QUANTITY_TIME && e >= 0)
    {
      static const char * const names[] = { N_("ns"), N_("µs"), N_("ms"), N_("s") };
      int unit = MIN (e / 3, 3);

      g_snprintf (buf, size, "%.0f %s", pow (10.0, e - 3 * unit), _(names[unit]));
      return;
    }

  if (e >= 0 && axis->quantity != LL_QUANTITY_TIME && e / 3 < N_POWERS)
    {
      int power = e / 3;
      int mantissa = (int) pow (10.0, e % 3);

      if (axis->quantity == LL_QUANTITY_BYTES)
        g_snprintf (buf, size, "%d %s", mantissa, ll_unit_name (LL_UNITS_SI, power));
      else if (power == 0)
        g_snprintf (buf, size, "%d", mantissa);
      else
        g_snprintf (buf, size, "%d %s", mantissa, si_prefixes[power]);
    }
  else
    g_snprintf (buf, size, "%g", pow (10.0, e));
}

static void
format_binary (char  *buf,
               gsize  size,
               int    order)
{
  int power = MIN (order / 10, N_POWERS - 1);

  g_snprintf (buf, size, "%.0f %s", ldexp (1.0, order - 10 * power),
              ll_unit_name (LL_UNITS_IEC, power));
}

/* 10^@e, or 2^@e when @binary. */
static double
power_of (gboolean binary,
          int      e)
{
  return binary ? ldexp (1.0, e) : pow (10.0, e);
}

/* A labelled tick at 10^@e, or at 2^@e when @binary. */
static void
add_power_tick (LlAxis   *axis,
                gboolean  binary,
                int       e)
{
  char label[24];

  if (binary)
    format_binary (label, sizeof label, e);
  else
    format_decade (label, sizeof label, axis, e);
  axis_add (axis, power_of (binary, e), TRUE, label);
}

/* Which powers carry a label: every k-th, counted from @phase. */
typedef struct
{
  int k;
  int phase;
} LlPowerLabels;

static gboolean
power_labelled (const LlPowerLabels *labels,
                int                  e)
{
  return (e - labels->phase) % labels->k == 0;
}

/* Puts the labelled ticks alone on the axis, to measure them. */
static guint
add_labelled_powers (LlAxis              *axis,
                     gboolean             binary,
                     const LlPowerLabels *labels,
                     int                  e0,
                     int                  e1)
{
  axis->n_ticks = 0;
  for (int e = e0; e <= e1; e++)
    if (power_labelled (labels, e))
      add_power_tick (axis, binary, e);
  return axis->n_ticks;
}

/* The domain ends at the powers @e0 and @e1 around the data, and labels
 * fall on every k-th power within it, k the first of @strides whose labels
 * fit, two of them at least. Where none does, the two ends are labelled if
 * they fit, as on the shortest axes. The ticks are left to add. */
static LlPowerLabels
log_domain (LlAxis          *axis,
            const LlAxisFit *fit,
            gboolean         binary,
            const int       *strides,
            guint            n_strides,
            int              e0,
            int              e1)
{
  LlPowerLabels labels = { 1, 0 };
  gboolean found = FALSE;

  for (guint s = 0; s < n_strides && !found; s++)
    {
      guint n;

      labels.k = strides[s];
      n = add_labelled_powers (axis, binary, &labels, e0, e1);
      if (n > MAX_INTERVALS + 1)
        continue;
      found = n >= 2 && labels_fit (axis, fit, fit->length * labels.k / (e1 - e0));
    }

  if (!found)
    {
      LlPowerLabels ends = { e1 - e0, e0 };

      add_labelled_powers (axis, binary, &ends, e0, e1);
      if (labels_fit (axis, fit, fit->length))
        labels = ends;
    }

  axis->lo = power_of (binary, e0);
  axis->hi = power_of (binary, e1);
  axis->n_ticks = 0;
  return labels;
}

static void
compute_log_decimal (LlAxis          *axis,
                     double           lo,
                     double           hi,
                     const LlAxisFit *fit)
{
  static const int strides[] = { 1, 2, 3, 4, 5, 6, 10 };
  /* Times change unit every third decade: 1 ns, 1 µs, 1 ms, 1 s. */
  static const int time_strides[] = { 1, 3, 6, 9 };
  gboolean time = axis->quantity == LL_QUANTITY_TIME;
  int a = (int) floor (log10 (lo) + 1e-9);
  int b = MAX ((int) ceil (log10 (hi) - 1e-9), a + 1);
  LlPowerLabels labels = log_domain (axis, fit, FALSE,
                                     time ? time_strides : strides,
                                     time ? G_N_ELEMENTS (time_strides) : G_N_ELEMENTS (strides),
                                     a, b);
  double decade_px = fit->length / (b - a);

  for (int e = a; e <= b; e++)
    {
      if (power_labelled (&labels, e))
        add_power_tick (axis, FALSE, e);
      else
        axis_add (axis, pow (10.0, e), FALSE, NULL);

      if (e < b && decade_px >= 40.0)
        {
          for (int m = 2; m <= 9; m++)
            axis_add (axis, m * pow (10.0, e), FALSE, NULL);
        }
    }
}

static void
compute_log_binary (LlAxis          *axis,
                    double           lo,
                    double           hi,
                    const LlAxisFit *fit)
{
  static const int strides[] = { 1, 2, 5, 10, 20, 30, 40, 50, 60 };
  int a = MAX (0, (int) floor (log2 (lo) + 1e-9));
  int b = MAX ((int) ceil (log2 (hi) - 1e-9), a + 1);
  LlPowerLabels labels = log_domain (axis, fit, TRUE, strides, G_N_ELEMENTS (strides), a, b);
  double order_px = fit->length / (b - a);

  for (int o = a; o <= b; o++)
    {
      if (power_labelled (&labels, o))
        add_power_tick (axis, TRUE, o);
      else if ((labels.k <= 10 && order_px >= 12.0) || (labels.k > 10 && o % 10 == 0))
        axis_add (axis, ldexp (1.0, o), FALSE, NULL);
    }
}

static guint
count_labels (const LlAxis *axis)
{
  guint n = 0;

  for (guint i = 0; i < axis->n_ticks; i++)
    n += axis->ticks[i].label[0] != '\0';
  return n;
}

/* Keeps the ticks within [@lo, @hi] and makes that the domain. */
static void
restrict_to (LlAxis *axis,
             double  lo,
             double  hi)
{
  double slack = (hi - lo) * 1e-9;
  guint n = 0;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      if (axis->ticks[i].value < lo - slack || axis->ticks[i].value > hi + slack)
        continue;
      axis->ticks[n++] = axis->ticks[i];
    }
  axis->n_ticks = n;
  axis->lo = lo;
  axis->hi = hi;
}

/* Steps few enough to stay apart on a short axis can end far past the
 * data (0 to 2 for a list of 1.1 G elements, half the plot empty): the
 * axis then ends on the first quarter step past the data (0 to 1.25), its
 * labels where they were. */
static void
trim_to_data (LlAxis *axis,
              double  lo,
              double  hi)
{
  double quarter = axis->step / 4.0;
  double new_lo, new_hi;
  LlAxis trimmed;

  if (!(quarter > 0.0) || (hi - lo) >= 0.75 * (axis->hi - axis->lo))
    return;
  new_lo = axis->lo + floor ((lo - axis->lo) / quarter + 1e-9) * quarter;
  new_hi = axis->lo + ceil ((hi - axis->lo) / quarter - 1e-9) * quarter;
  if (new_hi <= new_lo)
    return;
  /* Two labels at least stay (0 to 500 for 301 M on a tiny axis does). */
  trimmed = *axis;
  restrict_to (&trimmed, MAX (new_lo, axis->lo), MIN (new_hi, axis->hi));
  if (count_labels (&trimmed) >= 2)
    *axis = trimmed;
}

void
ll_axis_compute (LlAxis          *axis,
                 LlQuantity       quantity,
                 LlUnits          units,
                 gboolean         log,
                 double           lo,
                 double           hi,
                 const LlAxisFit *fit)
{
  LlAxisFit default_fit;

  g_return_if_fail (axis != NULL);

  if (fit == NULL)
    {
      ll_axis_fit_init (&default_fit, 400.0, FALSE);
      fit = &default_fit;
    }

  axis_reset (axis, quantity, units);
  axis->log = log;

  if (!isfinite (lo))
    lo = 0.0;
  if (!isfinite (hi))
    hi = lo;
  if (hi < lo)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }

  if (log)
    {
      lo = MAX (lo, quantity == LL_QUANTITY_TIME ? 1e-9 : 1.0);
      hi = MAX (hi, lo);
      if (quantity == LL_QUANTITY_BYTES && units == LL_UNITS_IEC)
        compute_log_binary (axis, lo, hi, fit);
      else
        {
          compute_log_decimal (axis, lo, hi, fit);
          if (quantity == LL_QUANTITY_COUNT)
            count_unit (axis->unit, sizeof axis->unit, 0);
        }
      if (fit->exact && hi > lo)
        {
          restrict_to (axis, lo, hi);
          /* Within a decade (or two) powers say too little: linear steps
           * on the log scale read better. */
          if (count_labels (axis) < 2)
            {
              axis_reset (axis, quantity, units);
              compute_linear (axis, lo, hi, fit);
              restrict_to (axis, lo, hi);
            }
          axis->log = TRUE;
        }
      else if (hi > lo && log10 (hi / lo) < 0.5 * log10 (axis->hi / axis->lo))
        {
          /* The data fills less than half of the powers around it (100
           * to 208 on 100 to 1,000, 5.5 to 9.4 MiB on 4 to 16 MiB): linear
           * steps around the data, on the log scale, give it the plot. */
          LlAxis powers = *axis;

          axis_reset (axis, quantity, units);
          compute_linear (axis, lo, hi, fit);
          if (!(axis->lo > 0.0) || count_labels (axis) < 2)
            {
              /* Steps that reach down to 0 (a short axis): the data and a
               * twentieth more either way, with the steps within it. */
              LlAxisFit within = *fit;
              double pad = pow (hi / lo, 0.05);

              within.exact = TRUE;
              axis_reset (axis, quantity, units);
              compute_linear (axis, lo / pad, hi * pad, &within);
              restrict_to (axis, lo / pad, hi * pad);
            }
          axis->log = TRUE;
          if (!(axis->lo > 0.0) || count_labels (axis) < 2)
            *axis = powers;
        }
      return;
    }

  compute_linear (axis, lo, hi, fit);
  if (fit->exact && hi > lo)
    restrict_to (axis, lo, hi);
  else if (hi > lo)
    trim_to_data (axis, lo, hi);
}
