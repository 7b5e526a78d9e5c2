/* ll-comparison.h — what a run costs, in figures that compare across policies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-history.h"
#include "ll-run-config.h"
#include "ll-size.h"

G_BEGIN_DECLS

/* One run at its end. Bytes are the slot blocks' (the 56-byte list object
 * is not allocated by the growth); objects count where the element model
 * has them. */
typedef struct
{
  guint64  n_reallocations;
  guint64  length;              /* at the end */
  guint64  capacity;
  guint64  container_bytes;     /* sys.getsizeof at the end */
  guint64  slack_bytes;         /* (capacity - length) slots */
  double   slack_fraction;      /* of the capacity */
  double   mean_slack_fraction; /* over every element appended */
  guint64  bytes_allocated;     /* the blocks asked for: the initial one and each growth's */
  gboolean copies_known;        /* FALSE: realloc() in a simulation, where the C
                                 * library's choice is not known */
  guint64  bytes_copied;
  guint64  peak_bytes;          /* the most held at once: old + new block while a
                                 * growth copies, plus the objects */
  guint64  elapsed_ns;          /* a real run's time; 0 for a simulation */
  guint64  fit_length;          /* the longest list of this set-up that fits in the
                                 * free memory given (0: not computed) */
} LlComparison;

typedef struct
{
  LlRunConfig  config;
  LlComparison result;
  guint64      length;       /* after the last event */
  guint64      capacity;
  double       slack_sum;
} LlComparisonBuilder;

/* Figures for a run of @config: feed it the run's events in order (as a
 * simulation hands them, or from an exact history), then finish. */
void     ll_comparison_begin      (LlComparisonBuilder *builder,
                                   const LlRunConfig   *config);
void     ll_comparison_add_events (LlComparisonBuilder *builder,
                                   const LlEvent       *events,
                                   gsize                n_events);
/* @end_length, @end_capacity: where the run stopped; @elapsed_ns: 0 for a
 * simulation; @free_bytes: memory to forecast against (0: no forecast). */
void     ll_comparison_finish     (LlComparisonBuilder *builder,
                                   guint64              end_length,
                                   guint64              end_capacity,
                                   guint64              elapsed_ns,
                                   guint64              free_bytes,
                                   LlComparison        *comparison);

/* The longest list of @config's policy, element model and mechanism that
 * can be built within @free_bytes: it stops where the next growth would
 * need more (old + new block when the mechanism copies). O(1) per growth,
 * constant-increment policies in closed form. */
guint64  ll_comparison_fit_length (const LlRunConfig   *config,
                                   guint64              free_bytes);

/* The same from a history's counters, exact however many events it merged
 * (a real run's, or a simulation's). */
void     ll_comparison_from_counters (const LlRunConfig       *config,
                                      const LlHistoryCounters *counters,
                                      guint64                  elapsed_ns,
                                      guint64                  free_bytes,
                                      LlComparison            *comparison);

/* Simulates @config to its target and fills @comparison. */
gboolean ll_comparison_simulate   (const LlRunConfig   *config,
                                   guint64              free_bytes,
                                   LlHistory           *history,
                                   LlComparison        *comparison,
                                   GError             **error);

/* The figures as people read them, in the same order everywhere: the
 * comparison table, the report and listlab-cli compare. */
typedef enum
{
  LL_COMPARISON_REALLOCATIONS,
  LL_COMPARISON_CAPACITY,
  LL_COMPARISON_SLACK,        /* bytes and % of the capacity */
  LL_COMPARISON_MEAN_SLACK,
  LL_COMPARISON_ALLOCATED,
  LL_COMPARISON_COPIED,       /* "—" when not known */
  LL_COMPARISON_PEAK,
  LL_COMPARISON_TIME,         /* "—" for a simulation */
  LL_COMPARISON_FITS,         /* "—" when not computed */
  LL_N_COMPARISON_FIGURES
} LlComparisonFigure;

/* The figure's column title, translated ("Mean Slack"). */
const char *ll_comparison_figure_title  (LlComparisonFigure  figure);
/* The figure of @comparison as text ("21.53 MiB (11.1 %)"). */
char       *ll_comparison_format_figure (const LlComparison *comparison,
                                         LlComparisonFigure  figure,
                                         LlUnits             units);
/* A number that sorts the figure the way its text reads (unknown first). */
double      ll_comparison_figure_key    (const LlComparison *comparison,
                                         LlComparisonFigure  figure);

#define LL_COMPARISON_CSV_HEADER \
  "policy,mechanism,element,reallocations,length,capacity,container_bytes,slack_bytes,slack_percent," \
  "mean_slack_percent,bytes_allocated,bytes_copied,peak_bytes,elapsed_ns,fit_length"

/* The CSV row of @comparison for @config (no newline; bytes copied empty
 * when not known, elapsed empty for a simulation). */
char    *ll_comparison_format_csv (const LlRunConfig   *config,
                                   const LlComparison  *comparison);

G_END_DECLS
