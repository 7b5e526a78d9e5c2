/* ll-reserve-row.c — the memory reserve, typed as "auto", a size or a share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-reserve-row.h"
#include "ll-run-config.h"
#include "ll-ui-util.h"

/* A row with an entry rather than an entry row: libadwaita 1.2's entry
 * row never tells screen readers that its text has the focus; an entry
 * does. */
struct _LlReserveRow
{
  AdwActionRow parent_instance;

  GtkEntry    *entry;
  LlUnits      units;
  char        *message;
  gboolean     valid;
};

enum {
  PROP_0,
  PROP_MESSAGE,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LlReserveRow, ll_reserve_row, ADW_TYPE_ACTION_ROW)

/* This machine's memory, for a share of it and the automatic reserve. */
static const LlMemInfo *
machine_memory (LlMemInfo *info)
{
  return ll_mem_read_system (info, NULL, NULL) ? info : NULL;
}

static void
update (LlReserveRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  LlMemInfo storage;
  const LlMemInfo *info = machine_memory (&storage);
  gboolean valid;

  message = ll_reserve_describe (text, LL_SIZE_FLAGS_LOCALE, info, self->units, &error);
  valid = message != NULL;
  if (!valid)
    message = g_strdup (error->message);

  ll_ui_set_invalid (GTK_WIDGET (self->entry), !valid);

  /* Both told once both are set: a message shown as it changes is shown
   * as an error's or a note's by the validity that goes with it. */
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (message, self->message) != 0)
    {
      g_free (self->message);
      self->message = g_steal_pointer (&message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
ll_reserve_row_finalize (GObject *object)
{
  LlReserveRow *self = LL_RESERVE_ROW (object);

  g_free (self->message);

  G_OBJECT_CLASS (ll_reserve_row_parent_class)->finalize (object);
}

static void
ll_reserve_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LlReserveRow *self = LL_RESERVE_ROW (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_reserve_row_class_init (LlReserveRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_reserve_row_finalize;
  object_class->get_property = ll_reserve_row_get_property;

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_reserve_row_init (LlReserveRow *self)
{
  self->units = LL_UNITS_IEC;
  self->valid = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Memory _Reserve"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), TRUE);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->entry), GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 10);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 10);
  gtk_editable_set_alignment (GTK_EDITABLE (self->entry), 1);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "auto");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
  /* Named and described by the row's title and subtitle. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
  /* Tab goes to the entry at once. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  /* (its text, not each change: a text set anew, by the settings too,
   * first empties the field, and an empty reserve is "auto") */
  g_signal_connect_swapped (self->entry, "notify::text", G_CALLBACK (update), self);
  update (self);
}

GtkWidget *
ll_reserve_row_new (void)
{
  return g_object_new (LL_TYPE_RESERVE_ROW, NULL);
}

GtkEditable *
ll_reserve_row_get_editable (LlReserveRow *self)
{
  g_return_val_if_fail (LL_IS_RESERVE_ROW (self), NULL);

  return GTK_EDITABLE (self->entry);
}

void
ll_reserve_row_set_text (LlReserveRow *self,
                         const char   *text)
{
  g_return_if_fail (LL_IS_RESERVE_ROW (self));
  g_return_if_fail (text != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

gboolean
ll_reserve_row_get_reserve (LlReserveRow  *self,
                            guint64       *reserve,
                            GError       **error)
{
  LlMemInfo storage;

  g_return_val_if_fail (LL_IS_RESERVE_ROW (self), FALSE);

  return ll_reserve_parse (gtk_editable_get_text (GTK_EDITABLE (self->entry)),
                           LL_SIZE_FLAGS_LOCALE, machine_memory (&storage), reserve, error);
}

const char *
ll_reserve_row_get_message (LlReserveRow *self)
{
  g_return_val_if_fail (LL_IS_RESERVE_ROW (self), NULL);

  return self->message;
}

gboolean
ll_reserve_row_get_valid (LlReserveRow *self)
{
  g_return_val_if_fail (LL_IS_RESERVE_ROW (self), FALSE);

  return self->valid;
}

void
ll_reserve_row_set_units (LlReserveRow *self,
                          LlUnits       units)
{
  g_return_if_fail (LL_IS_RESERVE_ROW (self));

  self->units = units;
  update (self);
}

/* Only a reserve a run accepts is saved: an error stays in the field. */
static GVariant *
set_reserve_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  const char *text = g_value_get_string (value);
  LlMemInfo storage;

  if (!ll_reserve_parse (text, LL_SIZE_FLAGS_LOCALE, machine_memory (&storage), NULL, NULL))
    return NULL;
  return g_variant_new_string (text);
}

void
ll_reserve_row_bind (LlReserveRow       *self,
                     GSettings          *settings,
                     GSettingsBindFlags  flags)
{
  g_return_if_fail (LL_IS_RESERVE_ROW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_bind_with_mapping (settings, "reserve", self->entry, "text", flags,
                                ll_ui_get_text_mapping, set_reserve_mapping, NULL, NULL);
}
