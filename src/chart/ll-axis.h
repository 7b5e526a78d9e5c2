/* ll-axis.h — nice ticks, unit choice and tick labels for chart axes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-size.h"

G_BEGIN_DECLS

typedef enum
{
  LL_QUANTITY_COUNT,  /* elements: SI prefixes k, M, G … */
  LL_QUANTITY_BYTES,  /* IEC (KiB…) or SI (kB…) as the units say */
  LL_QUANTITY_TIME,   /* nanoseconds, shown in µs, ms, s, min or h */
} LlQuantity;

#define LL_AXIS_MAX_TICKS 128

typedef struct
{
  double   value;      /* in data units (elements, bytes, nanoseconds) */
  gboolean major;      /* a grid line; labelled when @label is not empty */
  char     label[24];
} LlTick;

typedef struct
{
  LlQuantity quantity;
  LlUnits    units;
  gboolean   log;
  double     lo, hi;     /* the domain, extended to the outer ticks */
  double     step;       /* linear axes: data units between ticks */
  double     divisor;    /* linear axes: labels show value / divisor */
  int        decimals;   /* linear axes: shared by every label */
  char       unit[32];   /* "MiB", "M elements", "s"; "" when labels carry it */
  guint      n_ticks;
  LlTick     ticks[LL_AXIS_MAX_TICKS];
} LlAxis;

/* Width of @text in user units, as it will be drawn. */
typedef double (*LlMeasureFunc) (const char *text,
                                 gpointer    user_data);

/* How much room the axis has and how labels must fit. */
typedef struct
{
  double        length;        /* along the axis, user units */
  double        min_spacing;   /* between neighbouring ticks */
  gboolean      horizontal;    /* labels side by side (x axis) */
  double        label_size;    /* vertical axes: label height */
  double        label_gap;     /* free space required between labels */
  LlMeasureFunc measure;       /* NULL: labels are assumed to fit */
  gpointer      user_data;
  gboolean      exact;         /* the domain is [lo, hi] as given (a zoom), ticks
                                * only inside it; else it ends on ticks */
} LlAxisFit;

void  ll_axis_fit_init (LlAxisFit       *fit,
                        double           length,
                        gboolean         horizontal);

/* Chooses nice ticks for data in [@lo, @hi] (log: both > 0): 1, 2, 2.5, 5
 * × 10^n for counts, SI bytes and time; powers of two within KiB/MiB/GiB
 * for IEC bytes; decades (or binary orders for IEC) on log axes. The
 * domain is extended outwards to the first and last tick (unless
 * @fit->exact; a log axis zoomed within a decade gets linear ticks). At most 8
 * major ticks, fewer when the axis is short or labels would overlap. */
void  ll_axis_compute  (LlAxis          *axis,
                        LlQuantity       quantity,
                        LlUnits          units,
                        gboolean         log,
                        double           lo,
                        double           hi,
                        const LlAxisFit *fit);

G_END_DECLS
