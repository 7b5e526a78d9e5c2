/* ll-cli-export.h — chart and report exports for listlab-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-engine.h"

G_BEGIN_DECLS

typedef struct
{
  char    *png;
  char    *svg;
  char    *pdf;
  char    *chart;
  char    *size;
  gboolean dark;
  gboolean si;
  gboolean log_scale;
  /* parsed */
  guint    what;
  double   width;
  double   height;
} LlCliExportOptions;

void     ll_cli_export_add_options    (GOptionContext     *context,
                                       LlCliExportOptions *options);
gboolean ll_cli_export_validate       (LlCliExportOptions *options,
                                       GError            **error);
/* Writes the requested images; @engine is NULL for a simulation. */
gboolean ll_cli_export_charts         (LlCliExportOptions *options,
                                       LlHistory          *history,
                                       const LlRunConfig  *config,
                                       LlEngine           *engine,
                                       GError            **error);
void     ll_cli_export_options_clear  (LlCliExportOptions *options);

G_END_DECLS
