/* ll-controls-private.h — what the sidebar's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-controls.h"
#include "ll-reserve-row.h"

G_BEGIN_DECLS

struct _LlControls
{
  AdwBin          parent_instance;

  LlRunList      *run_list;
  AdwComboRow    *policy_row;
  AdwActionRow   *increment_row;
  GtkEntry       *increment_entry;
  AdwActionRow   *factor_row;
  GtkEntry       *factor_entry;
  AdwActionRow   *constant_row;
  GtkEntry       *constant_entry;
  AdwActionRow   *round_row;
  GtkEntry       *round_entry;
  AdwComboRow    *mechanism_row;
  GtkLabel       *policy_source;
  AdwComboRow    *element_row;
  GtkEntry       *initial_entry;
  GtkLabel       *initial_message;
  AdwComboRow    *target_kind_row;
  AdwActionRow   *target_row;
  GtkEntry       *target_entry;
  GtkLabel       *target_message;
  LlReserveRow   *reserve_row;
  GtkLabel       *reserve_message;

  GSettings      *settings;
  LlUnits         units;

  LlMemProbeFunc  mem_probe;
  gpointer        mem_probe_data;
  guint64         reclaimable;

  char           *error;
  gboolean        valid;

  /* A policy that holds numbers only switched the elements to int64; the
   * next policy that holds objects gives back the model chosen before,
   * unless the elements were chosen since. */
  gboolean        element_switched;
  LlElement       element_before;
  gboolean        switching_element;
};

void ll_controls_revalidate          (LlControls *self);

/* ll-controls-settings.c: the fields saved in GSettings */
void ll_controls_settings_class_init (void);

G_END_DECLS
