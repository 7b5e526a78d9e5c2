/* ll-cli-options.h — listlab-cli's options: what to grow, how far, and what to write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "ll-export-image.h"
#include "ll-run-config.h"

G_BEGIN_DECLS

enum {
  LL_CLI_EXIT_DONE = 0,
  LL_CLI_EXIT_FAILED = 1,
  LL_CLI_EXIT_USAGE = 2,
};

/* The options of `simulate` and `run`, as given, then as understood. */
typedef struct
{
  /* as given */
  char    *policy;
  char   **policies;  /* compare: each --policy as given */
  char    *increment;
  char    *factor;
  char    *constant;
  char    *round;
  char    *element;
  char    *initial_length;
  char    *target;
  char    *target_kind;
  char    *appends;
  char    *batch;
  char    *mechanism;
  char    *reserve;
  char    *sample_rate;
  char    *events;
  char    *samples;
  char    *contents;
  char    *png;
  char    *svg;
  char    *pdf;
  char    *chart;
  char    *size;
  char    *range;
  char    *log;
  char    *csv;
  char    *python;
  char    *reproduce;
  char    *bundle;
  gboolean dark;
  gboolean si;
  gboolean huge_pages;
  gboolean force;
  gboolean quiet;
  gboolean stats;

  /* understood */
  LlRunConfig  config;
  guint        what;      /* LlChartKind, LL_EXPORT_REPORT or LL_EXPORT_ALL_CHARTS */
  int          width;     /* 0 × 0: the default size */
  int          height;
  LlChartRange length_range;  /* --range; empty: all */
  gboolean     log_x;
  gboolean     log_y;
  GArray      *configs;   /* compare: LlRunConfig, one per policy */
} LlCliOptions;

typedef enum
{
  LL_CLI_SIMULATE,
  LL_CLI_RUN,
  LL_CLI_COMPARE,   /* several policies, simulated: options as simulate's, and --csv */
  LL_CLI_VERIFY,    /* the real interpreter: simulate's growth options, and --python */
} LlCliCommand;

/* The option context of @command, filling @options. */
GOptionContext *ll_cli_options_context   (LlCliCommand   command,
                                          LlCliOptions  *options);
/* Parses @argv and checks every option together; on failure prints the
 * message (naming the option) and a hint, and returns LL_CLI_EXIT_USAGE. */
int             ll_cli_options_parse     (GOptionContext *context,
                                          LlCliCommand    command,
                                          int            *argc,
                                          char         ***argv,
                                          LlCliOptions   *options);
void            ll_cli_options_clear     (LlCliOptions   *options);

/* Prints "listlab-cli: MESSAGE" and, with @context, how to get help;
 * returns LL_CLI_EXIT_USAGE. */
int             ll_cli_usage_error       (GOptionContext *context,
                                          const char     *message);

/* Where the summary goes: standard error when a file takes standard
 * output. */
FILE           *ll_cli_options_summary_stream (const LlCliOptions *options);

G_END_DECLS
