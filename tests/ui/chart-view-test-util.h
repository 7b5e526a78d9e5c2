/* chart-view-test-util.h — a chart view in its own window, with a run of 64
 * reallocations and 32 samples to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-chart-private.h"
#include "ll-chart-view.h"

#define WIDTH 600
#define HEIGHT 300

typedef struct
{
  GtkWindow      *window;
  LlChartView    *view;
  LlEventBucket   events[64];
  LlSampleBucket  samples[32];
  LlHistoryCounters counters;
  LlChartSeries   series;
  LlChartData     data;
} Fixture;

void wait_settled     (LlChartView   *view);
void fill_data        (Fixture       *f);
/* @user_data: the LlChartKind */
void fixture_setup    (Fixture       *f,
                       gconstpointer  user_data);
void fixture_teardown (Fixture       *f,
                       gconstpointer  user_data);
