/* ll-ui-util.c — small things the app's forms share: messages under fields, error dialogs, names, settings mappings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-size.h"
#include "ll-ui-util.h"

void
ll_ui_show_message (GtkLabel      *label,
                    GtkWidget     *field,
                    const char    *text,
                    LlMessageKind  kind)
{
  static const char * const classes[] = { "dim-label", "warning", "error" };

  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (i == kind)
        gtk_widget_add_css_class (GTK_WIDGET (label), classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
    }

  if (field != NULL)
    ll_ui_set_invalid (field, kind == LL_MESSAGE_ERROR);
}

void
ll_ui_chooser_close (GtkNativeDialog **chooser)
{
  g_return_if_fail (chooser != NULL);

  if (*chooser != NULL)
    gtk_native_dialog_destroy (*chooser);
  g_clear_object (chooser);
}

GFile *
ll_ui_chooser_finish (GtkNativeDialog  *native,
                      int               response,
                      GtkNativeDialog **chooser)
{
  GFile *file = NULL;

  g_return_val_if_fail (GTK_IS_NATIVE_DIALOG (native), NULL);
  g_return_val_if_fail (chooser != NULL, NULL);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  if (*chooser == native)
    g_clear_object (chooser);

  return file;
}

void
ll_ui_set_invalid (GtkWidget *field,
                   gboolean   invalid)
{
  g_return_if_fail (GTK_IS_WIDGET (field));

  if (invalid)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* @text without its mnemonic's underscore ("__" is one underscore). */
static char *
without_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* The title of @row as it reads. */
static char *
row_title (AdwPreferencesRow *row)
{
  const char *title = adw_preferences_row_get_title (row);

  return adw_preferences_row_get_use_underline (row) ? without_mnemonic (title) : g_strdup (title);
}

static void
name_widgets (GtkWidget   *root,
              AdwComboRow *row)
{
  GtkWidget *group = GTK_IS_LIST_BOX (root) ? gtk_widget_get_ancestor (root, ADW_TYPE_PREFERENCES_GROUP) : NULL;

  if (GTK_IS_BUTTON (root) &&
      gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);

  if (group != NULL)
    {
      GtkWidget *first = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (root), 0));
      const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));

      /* A group without a title is named after its one row, not after
       * the empty title label. */
      if ((title == NULL || title[0] == '\0') && ADW_IS_PREFERENCES_ROW (first) &&
          gtk_list_box_get_row_at_index (GTK_LIST_BOX (root), 1) == NULL)
        {
          g_autofree char *name = row_title (ADW_PREFERENCES_ROW (first));

          gtk_accessible_reset_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
    }

  if (ADW_IS_COMBO_ROW (root))
    row = ADW_COMBO_ROW (root);
  else if (GTK_IS_POPOVER (root))
    row = NULL;     /* the choices, not the value */
  else if (GTK_IS_LIST_VIEW (root) && row != NULL)
    {
      g_autofree char *name = row_title (ADW_PREFERENCES_ROW (row));

      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_widgets (child, row);
}

void
ll_ui_show_error (GtkWindow  *parent,
                  const char *heading,
                  const char *body)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (heading != NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

AdwToast *
ll_ui_toast_new (const char *text)
{
  AdwToast *toast;

  g_return_val_if_fail (text != NULL, NULL);

  toast = adw_toast_new ("");
  ll_ui_toast_set_text (toast, text);
  return toast;
}

void
ll_ui_toast_set_text (AdwToast   *toast,
                      const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (ADW_IS_TOAST (toast));
  g_return_if_fail (text != NULL);

  escaped = g_markup_escape_text (text, -1);
  adw_toast_set_title (toast, escaped);
}

void
ll_ui_name_widgets (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  name_widgets (root, NULL);
}

void
ll_ui_name_column_view (GtkColumnView *view,
                        const char    *name,
                        const char    *description)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

gboolean
ll_ui_get_choice_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char * const *names = user_data;
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (name, names[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

GVariant *
ll_ui_set_choice_mapping (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  const char * const *names = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) names))
    return NULL;
  return g_variant_new_string (names[index]);
}

char *
ll_ui_wrappable_text (const char *text)
{
  GString *str;

  if (text == NULL)
    return NULL;
  str = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p != '\0'; p++)
    {
      g_string_append_c (str, *p);
      if (p[0] == '+' && p[1] == '+')
        g_string_append (str, "\u2060");
    }
  return g_string_free (str, FALSE);
}

void
ll_ui_set_up_row_button (GtkWidget  *button,
                         const char *name)
{
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

gboolean
ll_ui_wrappable_transform (GBinding     *binding,
                           const GValue *from,
                           GValue       *to,
                           gpointer      user_data)
{
  g_value_take_string (to, ll_ui_wrappable_text (g_value_get_string (from)));
  return TRUE;
}

gboolean
ll_ui_get_text_mapping (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  g_value_set_string (value, g_variant_get_string (variant, NULL));
  return TRUE;
}

gboolean
ll_ui_get_whole_mapping (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  g_value_take_string (value, ll_format_count_exact (g_variant_get_uint64 (variant)));
  return TRUE;
}

/* Values set from outside the schema's range would be refused with a
 * warning. */
static gboolean
in_schema_range (const char *key,
                 GVariant   *value)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;

  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) ||
      !g_settings_schema_has_key (schema, key))
    return TRUE;
  schema_key = g_settings_schema_get_key (schema, key);
  return g_settings_schema_key_range_check (schema_key, value);
}

GVariant *
ll_ui_set_whole_mapping (const GValue       *value,
                         const GVariantType *expected_type,
                         gpointer            user_data)
{
  const char *key = user_data;
  g_autoptr(GVariant) variant = NULL;
  guint64 number;

  if (!ll_size_parse_count (g_value_get_string (value),
                            LL_SIZE_FLAGS_LOCALE | LL_SIZE_FLAGS_ALLOW_ZERO, &number, NULL))
    return NULL;
  variant = g_variant_ref_sink (g_variant_new_uint64 (number));
  if (key != NULL && !in_schema_range (key, variant))
    return NULL;
  return g_steal_pointer (&variant);
}

static void
update_check (AdwComboRow *row,
              GParamSpec  *pspec,
              GtkListItem *item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected (row) ==
                                 gtk_list_item_get_position (item) ? 1 : 0);
}

static void
bind_check (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            AdwComboRow              *row)
{
  update_check (row, NULL, item);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (update_check), item, 0);
}

static void
unbind_check (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, update_check, item);
}

void
ll_ui_combo_row_set_factories (AdwComboRow *row,
                               GCallback    setup_value,
                               GCallback    bind_value,
                               GCallback    setup_item,
                               GCallback    bind_item)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  g_signal_connect (factory, "setup", setup_value, NULL);
  g_signal_connect (factory, "bind", bind_value, NULL);
  g_signal_connect (list_factory, "setup", setup_item, NULL);
  g_signal_connect (list_factory, "bind", bind_item, NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_check), row);
  g_signal_connect (list_factory, "unbind", G_CALLBACK (unbind_check), row);
  adw_combo_row_set_factory (row, factory);
  adw_combo_row_set_list_factory (row, list_factory);
}

void
ll_ui_chart_palette_init (LlChartPalette *palette)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_return_if_fail (palette != NULL);

  if (adw_style_manager_get_high_contrast (manager))
    ll_chart_palette_init_high_contrast (palette, adw_style_manager_get_dark (manager));
  else if (adw_style_manager_get_dark (manager))
    ll_chart_palette_init_dark (palette);
  else
    ll_chart_palette_init_light (palette);
}

void
ll_ui_load_style (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/listlab/ListLab/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}
