/* ll-preferences-window.c — what a person sets once: reserve, sampling, units, style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ll-history.h"
#include "ll-preferences-window.h"
#include "ll-reserve-row.h"
#include "ll-ui-util.h"

struct _LlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  LlReserveRow         *reserve_row;
  GtkLabel             *reserve_message;
  GtkSpinButton        *sample_rate_spin;
  GtkSwitch            *huge_pages_switch;
  AdwComboRow          *history_row;
  AdwComboRow          *units_row;
  AdwComboRow          *style_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (LlPreferencesWindow, ll_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const units_names[] = { "iec", "si", NULL };
static const char * const style_names[] = { "default", "light", "dark", NULL };

/* Full-resolution buckets: each step four times the last. */
static const guint history_details[] = { 4096, 16384, 65536, 262144, 1048576 };

static const char * const history_titles[] = {
  N_("Coarse"),
  N_("Lower"),
  N_("Standard"),
  N_("Fine"),
  N_("Finest"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (history_details) == G_N_ELEMENTS (history_titles));

static void
on_reserve_changed (LlPreferencesWindow *self)
{
  ll_ui_show_message (self->reserve_message, NULL, ll_reserve_row_get_message (self->reserve_row),
                      ll_reserve_row_get_valid (self->reserve_row) ? LL_MESSAGE_NOTE : LL_MESSAGE_ERROR);
}

static void
on_units_changed (LlPreferencesWindow *self)
{
  g_autofree char *units = g_settings_get_string (self->settings, "units");

  /* The reserve's message speaks in the chosen units. */
  ll_reserve_row_set_units (self->reserve_row, g_str_equal (units, "si") ? LL_UNITS_SI : LL_UNITS_IEC);
}

static void
on_history_changed (LlPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->history_row);
  g_autofree char *count = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *subtitle = NULL;
  guint64 bytes;

  if (selected >= G_N_ELEMENTS (history_details))
    return;

  /* The history and the window's copy of it, events and samples. */
  bytes = (guint64) history_details[selected] * 2 *
          (sizeof (LlEventBucket) + sizeof (LlSampleBucket));
  count = ll_format_count_exact (history_details[selected]);
  memory = ll_format_bytes (bytes, LL_UNITS_IEC);
  /* Translators: how many reallocations and samples the charts keep
   * exactly, then the memory that can take at most */
  subtitle = g_strdup_printf (_("Up to %s reallocations and samples kept exactly, "
                                "then neighbours merge; up to about %s per run"),
                              count, memory);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->history_row), subtitle);
}

/* Settings */

static gboolean
get_rate_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
set_rate_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) CLAMP (round (g_value_get_double (value)), 1, 200));
}

/* A detail saved by hand between two steps shows as the next step up. */
static gboolean
get_history_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  guint32 detail = g_variant_get_uint32 (variant);
  guint i = 0;

  while (i + 1 < G_N_ELEMENTS (history_details) && history_details[i] < detail)
    i++;
  g_value_set_uint (value, i);
  return TRUE;
}

static GVariant *
set_history_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  if (index >= G_N_ELEMENTS (history_details))
    return NULL;
  return g_variant_new_uint32 (history_details[index]);
}

static void
bind_settings (LlPreferencesWindow *self)
{
  ll_reserve_row_bind (self->reserve_row, self->settings, G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "sample-rate", self->sample_rate_spin, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                get_rate_mapping, set_rate_mapping, NULL, NULL);
  g_settings_bind (self->settings, "huge-pages", self->huge_pages_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "history-detail", self->history_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                get_history_mapping, set_history_mapping, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "units", self->units_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                ll_ui_get_choice_mapping, ll_ui_set_choice_mapping,
                                (gpointer) units_names, NULL);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                ll_ui_get_choice_mapping, ll_ui_set_choice_mapping,
                                (gpointer) style_names, NULL);

  g_signal_connect_object (self->settings, "changed::units",
                           G_CALLBACK (on_units_changed), self, G_CONNECT_SWAPPED);
}

static void
ll_preferences_window_constructed (GObject *object)
{
  LlPreferencesWindow *self = LL_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (ll_preferences_window_parent_class)->constructed (object);

  bind_settings (self);
  on_units_changed (self);
  on_reserve_changed (self);
  on_history_changed (self);
}

static void
ll_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LL_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ll_preferences_window_parent_class)->dispose (object);
}

static void
ll_preferences_window_finalize (GObject *object)
{
  LlPreferencesWindow *self = LL_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ll_preferences_window_parent_class)->finalize (object);
}

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ll_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LlPreferencesWindow *self = LL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_preferences_window_class_init (LlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (LL_TYPE_RESERVE_ROW);

  object_class->constructed = ll_preferences_window_constructed;
  object_class->dispose = ll_preferences_window_dispose;
  object_class->finalize = ll_preferences_window_finalize;
  object_class->set_property = ll_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/listlab/ListLab/ll-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, reserve_row);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, reserve_message);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, sample_rate_spin);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, huge_pages_switch);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, history_row);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, units_row);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, style_row);
  gtk_widget_class_bind_template_callback (widget_class, on_reserve_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_history_changed);
}

static void
ll_preferences_window_init (LlPreferencesWindow *self)
{
  g_autoptr(GtkStringList) history = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (history_titles); i++)
    gtk_string_list_append (history, _(history_titles[i]));
  adw_combo_row_set_model (self->history_row, G_LIST_MODEL (history));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (ll_reserve_row_get_editable (self->reserve_row)),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->reserve_message, NULL,
                                  -1);
}

GtkWidget *
ll_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (LL_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}

const char *
ll_preferences_window_get_reserve_error (LlPreferencesWindow *self)
{
  g_return_val_if_fail (LL_IS_PREFERENCES_WINDOW (self), NULL);

  if (ll_reserve_row_get_valid (self->reserve_row))
    return NULL;
  return ll_reserve_row_get_message (self->reserve_row);
}
