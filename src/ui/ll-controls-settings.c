/* ll-controls-settings.c — the sidebar's fields saved in GSettings, and
 * the command line's values that are not saved until edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ll-controls-private.h"
#include "ll-ui-util.h"

/* The schema's names for the rows' indices. */
static const char *policy_names[LL_N_POLICIES + 1];
static const char *element_names[LL_N_ELEMENTS + 1];
static const char * const mechanism_names[] = { "default", "realloc", "copy", "mremap", NULL };

static const char * const target_kind_names[] = {
  "container",
  "total",
  "elements",
  NULL,
};

void
ll_controls_settings_class_init (void)
{
  for (guint i = 0; i < LL_N_POLICIES; i++)
    policy_names[i] = ll_policy_get_info (i)->name;
  for (guint i = 0; i < LL_N_ELEMENTS; i++)
    element_names[i] = ll_element_get_info (i)->name;
}

static gboolean
get_factor_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  g_value_take_string (value, ll_format_decimal (g_variant_get_double (variant)));
  return TRUE;
}

/* Text fields save only what a run would accept: what is half typed when
 * the window closes does not come back at the next start. */
static GVariant *
set_factor_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  LlPolicy policy;

  ll_policy_init (&policy, LL_POLICY_CUSTOM);
  policy.constant = 1;
  if (!ll_size_parse_decimal (g_value_get_string (value), LL_SIZE_FLAGS_LOCALE,
                              &policy.factor, NULL) ||
      !ll_policy_validate (&policy, NULL))
    return NULL;
  return g_variant_new_double (policy.factor);
}

static GVariant *
set_target_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char *text = g_value_get_string (value);

  /* Bytes or elements: the kind may change after the text. */
  if (!ll_size_parse_bytes (text, LL_SIZE_FLAGS_LOCALE, NULL, NULL) &&
      !ll_size_parse_count (text, LL_SIZE_FLAGS_LOCALE, NULL, NULL))
    return NULL;
  return g_variant_new_string (text);
}

typedef struct
{
  const char              *key;
  gsize                    widget_offset;
  const char              *property;
  GSettingsBindGetMapping  get_mapping;
  GSettingsBindSetMapping  set_mapping;
  gconstpointer            data;         /* the choices, or the key */
} Binding;

#define CHOICE(names) ll_ui_get_choice_mapping, ll_ui_set_choice_mapping, names
#define WHOLE(key)    ll_ui_get_whole_mapping, ll_ui_set_whole_mapping, key

/* The kind comes before the target: the target is read as its kind says. */
static const Binding bindings[] = {
  { "policy", G_STRUCT_OFFSET (LlControls, policy_row), "selected", CHOICE (policy_names) },
  { "fixed-increment", G_STRUCT_OFFSET (LlControls, increment_entry), "text",
    WHOLE ("fixed-increment") },
  { "custom-factor", G_STRUCT_OFFSET (LlControls, factor_entry), "text",
    get_factor_mapping, set_factor_mapping, NULL },
  { "custom-constant", G_STRUCT_OFFSET (LlControls, constant_entry), "text",
    WHOLE ("custom-constant") },
  { "custom-round", G_STRUCT_OFFSET (LlControls, round_entry), "text", WHOLE ("custom-round") },
  { "mechanism", G_STRUCT_OFFSET (LlControls, mechanism_row), "selected",
    CHOICE (mechanism_names) },
  { "element", G_STRUCT_OFFSET (LlControls, element_row), "selected", CHOICE (element_names) },
  { "initial-length", G_STRUCT_OFFSET (LlControls, initial_entry), "text",
    WHOLE ("initial-length") },
  { "target-kind", G_STRUCT_OFFSET (LlControls, target_kind_row), "selected",
    CHOICE (target_kind_names) },
  { "target", G_STRUCT_OFFSET (LlControls, target_entry), "text",
    ll_ui_get_text_mapping, set_target_mapping, NULL },
};

#undef CHOICE
#undef WHOLE

static const Binding *
find_binding (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      if (g_str_equal (bindings[i].key, key))
        return &bindings[i];
    }

  g_return_val_if_reached (NULL);
}

static GObject *
binding_widget (LlControls    *self,
                const Binding *binding)
{
  return G_STRUCT_MEMBER (GObject *, self, binding->widget_offset);
}

static void
bind (LlControls         *self,
      const Binding      *binding,
      GSettingsBindFlags  flags)
{
  g_settings_bind_with_mapping (self->settings, binding->key,
                                binding_widget (self, binding), binding->property,
                                flags | G_SETTINGS_BIND_NO_SENSITIVITY,
                                binding->get_mapping, binding->set_mapping,
                                (gpointer) binding->data, NULL);
}

/* A field set from the command line is saved again from the person's
 * first edit: binding it for writing stores its value at once. */
static void
on_session_field_edited (GObject    *widget,
                         GParamSpec *pspec,
                         LlControls *self)
{
  const Binding *binding = g_object_get_data (widget, "ll-binding");

  g_signal_handlers_disconnect_by_func (widget, on_session_field_edited, self);
  bind (self, binding, G_SETTINGS_BIND_SET);
}

static void
hold_field (LlControls *self,
            const char *key)
{
  const Binding *binding = find_binding (key);
  GObject *widget = binding_widget (self, binding);

  if (self->settings == NULL)
    return;

  g_signal_handlers_disconnect_by_func (widget, on_session_field_edited, self);
  g_settings_unbind (widget, binding->property);
}

static void
watch_field (LlControls *self,
             const char *key)
{
  const Binding *binding = find_binding (key);
  GObject *widget = binding_widget (self, binding);
  g_autofree char *signal = NULL;

  if (self->settings == NULL)
    return;

  signal = g_strconcat ("notify::", binding->property, NULL);
  g_object_set_data (widget, "ll-binding", (gpointer) binding);
  g_signal_connect (widget, signal, G_CALLBACK (on_session_field_edited), self);
}

static void
on_units_changed (LlControls *self)
{
  g_autofree char *units = g_settings_get_string (self->settings, "units");

  self->units = g_str_equal (units, "si") ? LL_UNITS_SI : LL_UNITS_IEC;
  ll_reserve_row_set_units (self->reserve_row, self->units);
  ll_controls_revalidate (self);
}

void
ll_controls_bind_settings (LlControls *self,
                           GSettings  *settings)
{
  g_return_if_fail (LL_IS_CONTROLS (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    bind (self, &bindings[i], G_SETTINGS_BIND_DEFAULT);
  ll_reserve_row_bind (self->reserve_row, settings,
                       G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY);

  g_signal_connect_object (settings, "changed::units",
                           G_CALLBACK (on_units_changed), self, G_CONNECT_SWAPPED);
  on_units_changed (self);
}

void
ll_controls_apply_command_line (LlControls         *self,
                                const LlPolicyKind *policy,
                                const LlElement    *element,
                                const char         *target)
{
  g_return_if_fail (LL_IS_CONTROLS (self));
  g_return_if_fail (policy == NULL || *policy < LL_N_POLICIES);
  g_return_if_fail (element == NULL || *element < LL_N_ELEMENTS);

  if (policy != NULL)
    {
      /* The elements it may switch to are for this session too. */
      hold_field (self, "policy");
      hold_field (self, "element");
      adw_combo_row_set_selected (self->policy_row, *policy);
      watch_field (self, "policy");
      watch_field (self, "element");
    }

  if (element != NULL)
    {
      hold_field (self, "element");
      adw_combo_row_set_selected (self->element_row, *element);
      watch_field (self, "element");
    }

  if (target != NULL)
    {
      hold_field (self, "target-kind");
      hold_field (self, "target");
      adw_combo_row_set_selected (self->target_kind_row, LL_TARGET_CONTAINER_BYTES);
      gtk_editable_set_text (GTK_EDITABLE (self->target_entry), target);
      watch_field (self, "target-kind");
      watch_field (self, "target");
    }
}
