/* ll-controls.h — the sidebar where a run is set up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-run-config.h"
#include "ll-run-list.h"
#include "ll-size.h"

G_BEGIN_DECLS

#define LL_TYPE_CONTROLS (ll_controls_get_type ())

G_DECLARE_FINAL_TYPE (LlControls, ll_controls, LL, CONTROLS, AdwBin)

GtkWidget    *ll_controls_new               (void);

/* TRUE when every field holds a value a run accepts ("valid" notifies). */
gboolean      ll_controls_get_valid         (LlControls        *self);
/* The message shown for the first invalid field, or NULL. */
const char   *ll_controls_get_error         (LlControls        *self);
/* Fills @config from the fields; FALSE with the reason when one is invalid. */
gboolean      ll_controls_get_config        (LlControls        *self,
                                             LlRunConfig       *config,
                                             GError           **error);
/* The units the target was written in ("10 GB": SI, "8 GiB" or "8G": IEC),
 * so that messages about it speak the same way. */
LlUnits       ll_controls_get_target_units  (LlControls        *self);

void          ll_controls_set_policy        (LlControls        *self,
                                             LlPolicyKind       kind);
void          ll_controls_set_element       (LlControls        *self,
                                             LlElement          element);
void          ll_controls_set_target_kind   (LlControls        *self,
                                             LlTargetKind       kind);
void          ll_controls_set_target_text   (LlControls        *self,
                                             const char        *text);
void          ll_controls_set_initial_text  (LlControls        *self,
                                             const char        *text);
void          ll_controls_set_reserve_text  (LlControls        *self,
                                             const char        *text);
/* The runs kept for comparing, at the foot of the sidebar. */
LlRunList    *ll_controls_get_run_list      (LlControls        *self);
/* The notebook's experiment: list(range(20_000_000)) (ints: boxed
 * elements), then appends under CPython's policy until the notebook's
 * loop ends, at 40,000,004 elements. */
void          ll_controls_load_notebook_example (LlControls    *self);
/* A short description of the run the fields describe, for the title. */
char         *ll_controls_describe          (LlControls        *self);

/* Shows and saves the fields in @settings (io.github.listlab.ListLab): the
 * run's keys and the reserve. The sampling rate, huge pages and history
 * detail are read from it when a run is set up, and messages use its
 * units. */
void          ll_controls_bind_settings     (LlControls        *self,
                                             GSettings         *settings);
/* Choices from the command line; each may be NULL. They hold for this
 * session only: the saved value of a field stays as it was until the
 * person edits that field. */
void          ll_controls_apply_command_line (LlControls       *self,
                                              const LlPolicyKind *policy,
                                              const LlElement  *element,
                                              const char       *target);

/* Where the free memory comes from (tests inject their own; NULL: the
 * system), and how much a list still held would give back: a target that
 * does not fit is said at the field as it is typed. */
void         ll_controls_set_mem_probe      (LlControls        *self,
                                             LlMemProbeFunc     probe,
                                             gpointer           probe_data);
void         ll_controls_set_reclaimable    (LlControls        *self,
                                             guint64            bytes);
/* Free memory may have changed: says again whether the target fits. */
void         ll_controls_recheck_memory     (LlControls        *self);
/* What the target field says under it now. */
const char  *ll_controls_get_target_message (LlControls        *self);

G_END_DECLS
