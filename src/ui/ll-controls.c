/* ll-controls.c — the sidebar where a run is set up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-controls.h"

struct _LlControls
{
  AdwBin          parent_instance;

  AdwComboRow    *policy_row;
  AdwActionRow   *increment_row;
  GtkSpinButton  *increment_spin;
  AdwActionRow   *factor_row;
  GtkSpinButton  *factor_spin;
  AdwActionRow   *constant_row;
  GtkSpinButton  *constant_spin;
  AdwActionRow   *round_row;
  GtkSpinButton  *round_spin;
  AdwComboRow    *mechanism_row;
  GtkLabel       *policy_message;
  AdwComboRow    *element_row;
  AdwEntryRow    *initial_row;
  GtkLabel       *initial_message;
  AdwComboRow    *target_kind_row;
  AdwEntryRow    *target_row;
  GtkLabel       *target_message;
  AdwEntryRow    *reserve_row;
  GtkLabel       *reserve_message;

  char           *error;
  gboolean        valid;
};

enum {
  PROP_0,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LlControls, ll_controls, ADW_TYPE_BIN)

/* Index in the mechanism row: the policy's own first, then each one. */
static const char * const mechanism_titles[] = {
  N_("Runtime’s Own"),
  N_("realloc ()"),
  N_("Allocate, Copy, Free"),
  N_("mremap ()"),
};

static const char * const mechanism_descriptions[] = {
  NULL,
  N_("glibc grows large blocks in place or moves them with mremap, without copying"),
  N_("A new block, a copy, then the old block freed: both are resident for a moment"),
  N_("The engine’s own mapping, grown with mremap: it never copies"),
};

static const char * const target_kind_titles[] = {
  N_("Container Bytes"),
  N_("Container and Objects"),
  N_("Elements"),
};

static const char * const target_kind_descriptions[] = {
  N_("sys.getsizeof (list): the 56-byte header and the slots"),
  N_("The list and the element objects its slots point to"),
  N_("The length of the list"),
};

static LlMechanism
mechanism_from_index (guint index)
{
  return index == 0 ? LL_MECHANISM_DEFAULT : (LlMechanism) (index - 1);
}

static const char *
mechanism_title (LlMechanism mechanism)
{
  if (mechanism < 0 || mechanism >= LL_N_MECHANISMS)
    return "";
  return _(mechanism_titles[mechanism + 1]);
}

static LlPolicyKind
get_policy_kind (LlControls *self)
{
  guint selected = adw_combo_row_get_selected (self->policy_row);

  return selected < LL_N_POLICIES ? (LlPolicyKind) selected : LL_POLICY_CPYTHON;
}

static void
get_policy (LlControls *self,
            LlPolicy   *policy)
{
  ll_policy_init (policy, get_policy_kind (self));

  if (policy->kind == LL_POLICY_FIXED)
    policy->increment = (guint64) gtk_spin_button_get_value (self->increment_spin);

  if (policy->kind == LL_POLICY_CUSTOM)
    {
      policy->factor = gtk_spin_button_get_value (self->factor_spin);
      policy->constant = (guint64) gtk_spin_button_get_value (self->constant_spin);
      policy->round = (guint64) gtk_spin_button_get_value (self->round_spin);
    }
}

static LlTargetKind
get_target_kind (LlControls *self)
{
  guint selected = adw_combo_row_get_selected (self->target_kind_row);

  return selected <= LL_TARGET_ELEMENTS ? (LlTargetKind) selected : LL_TARGET_CONTAINER_BYTES;
}

static gboolean
parse_target (LlControls  *self,
              guint64     *target,
              GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->target_row));

  if (get_target_kind (self) == LL_TARGET_ELEMENTS)
    return ll_size_parse_count (text, LL_SIZE_FLAGS_NONE, target, error);
  else
    return ll_size_parse_bytes (text, LL_SIZE_FLAGS_NONE, target, error);
}

static gboolean
parse_initial (LlControls  *self,
               guint64     *length,
               GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->initial_row));

  return ll_size_parse_count (text, LL_SIZE_FLAGS_ALLOW_ZERO, length, error);
}

static gboolean
reserve_is_auto (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return stripped[0] == '\0' || g_ascii_strcasecmp (stripped, "auto") == 0;
}

static gboolean
parse_reserve (LlControls  *self,
               guint64     *reserve,
               GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reserve_row));

  if (reserve_is_auto (text))
    {
      *reserve = LL_RESERVE_DEFAULT;
      return TRUE;
    }

  if (!ll_size_parse_bytes (text, LL_SIZE_FLAGS_ALLOW_ZERO, reserve, error))
    {
      g_prefix_error (error, _("Write “auto” or a size. "));
      return FALSE;
    }

  return TRUE;
}

static void
show_message (GtkLabel   *label,
              GtkWidget  *row,
              const char *text,
              gboolean    is_error)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');

  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      if (row != NULL)
        gtk_widget_add_css_class (row, "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      if (row != NULL)
        gtk_widget_remove_css_class (row, "error");
    }
}

static void
set_error (LlControls *self,
           const char *error)
{
  gboolean valid = error == NULL;

  if (g_strcmp0 (self->error, error) != 0)
    {
      g_free (self->error);
      self->error = g_strdup (error);
    }

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
revalidate (LlControls *self)
{
  g_autoptr(GError) policy_error = NULL;
  g_autoptr(GError) initial_error = NULL;
  g_autoptr(GError) target_error = NULL;
  g_autoptr(GError) reserve_error = NULL;
  g_autoptr(GError) config_error = NULL;
  g_autofree char *initial_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *reserve_text = NULL;
  const char *first_error = NULL;
  LlPolicy policy;
  guint64 initial = 0, target = 0, reserve = 0;
  gboolean initial_ok, target_ok, reserve_ok;

  get_policy (self, &policy);
  if (!ll_policy_validate (&policy, &policy_error))
    first_error = policy_error->message;
  show_message (self->policy_message, NULL,
                policy_error != NULL ? policy_error->message : NULL, TRUE);

  initial_ok = parse_initial (self, &initial, &initial_error);
  if (initial_ok)
    {
      g_autofree char *exact = ll_format_count_exact (initial);

      if (initial == 0)
        initial_text = g_strdup (_("The list starts empty"));
      else
        /* Translators: the list is created holding this many elements */
        initial_text = g_strdup_printf (_("Starts with %s elements, as list (range (n))"), exact);
    }
  else if (first_error == NULL)
    first_error = initial_error->message;
  show_message (self->initial_message, GTK_WIDGET (self->initial_row),
                initial_ok ? initial_text : initial_error->message, !initial_ok);

  target_ok = parse_target (self, &target, &target_error);
  if (target_ok)
    {
      g_autofree char *exact = ll_format_count_exact (target);

      if (get_target_kind (self) == LL_TARGET_ELEMENTS)
        target_text = g_strdup_printf (_("%s elements"), exact);
      else
        {
          g_autofree char *iec = ll_format_bytes (target, LL_UNITS_IEC);
          g_autofree char *si = ll_format_bytes (target, LL_UNITS_SI);

          /* Translators: a size in both unit systems, then in bytes */
          target_text = g_strdup_printf (_("%s = %s = %s bytes"), si, iec, exact);
        }
    }
  else if (first_error == NULL)
    first_error = target_error->message;

  reserve_ok = parse_reserve (self, &reserve, &reserve_error);
  if (reserve_ok)
    {
      LlMemInfo info;

      if (reserve == LL_RESERVE_DEFAULT)
        {
          if (ll_mem_read_system (&info, NULL, NULL))
            {
              g_autofree char *size = ll_format_bytes (ll_mem_default_reserve (&info),
                                                       LL_UNITS_IEC);

              /* Translators: the automatic memory reserve */
              reserve_text = g_strdup_printf (_("5 %% of memory, at least 512 MiB: %s here. "
                                                "Runs stop before free memory falls below it."),
                                              size);
            }
        }
      else if (reserve == 0)
        reserve_text = g_strdup (_("No reserve: a large run may leave the system out of memory"));
      else
        {
          g_autofree char *size = ll_format_bytes (reserve, LL_UNITS_IEC);

          reserve_text = g_strdup_printf (_("Runs stop before free memory falls below %s"), size);
        }
    }
  else if (first_error == NULL)
    first_error = reserve_error->message;
  show_message (self->reserve_message, GTK_WIDGET (self->reserve_row),
                reserve_ok ? reserve_text : reserve_error->message, !reserve_ok);

  /* What the engine itself rejects, e.g. an initial length past the target. */
  if (first_error == NULL)
    {
      LlRunConfig config;

      if (!ll_controls_get_config (self, &config, &config_error))
        first_error = config_error->message;
    }

  if (!target_ok)
    show_message (self->target_message, GTK_WIDGET (self->target_row),
                  target_error->message, TRUE);
  else if (config_error != NULL)
    show_message (self->target_message, GTK_WIDGET (self->target_row),
                  config_error->message, TRUE);
  else
    show_message (self->target_message, GTK_WIDGET (self->target_row), target_text, FALSE);

  set_error (self, first_error);
}

static void
update_mechanism_subtitle (LlControls *self)
{
  const LlPolicyInfo *info = ll_policy_get_info (get_policy_kind (self));
  guint selected = adw_combo_row_get_selected (self->mechanism_row);

  if (selected == 0 || selected >= G_N_ELEMENTS (mechanism_titles))
    {
      g_autofree char *subtitle =
        /* Translators: the growth mechanism of the chosen runtime, e.g. "realloc ()" */
        g_strdup_printf (_("As the runtime does it: %s"), mechanism_title (info->mechanism));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->mechanism_row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->mechanism_row),
                                 _(mechanism_descriptions[selected]));
}

static void
on_policy_changed (LlControls *self)
{
  LlPolicyKind kind = get_policy_kind (self);
  const LlPolicyInfo *info = ll_policy_get_info (kind);
  g_autofree char *subtitle = NULL;

  /* Translators: a policy's one-line description, then the code it mirrors */
  subtitle = g_strdup_printf (_("%s\nAs in %s"), _(info->description), info->source);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->policy_row), subtitle);

  gtk_widget_set_visible (GTK_WIDGET (self->increment_row), kind == LL_POLICY_FIXED);
  gtk_widget_set_visible (GTK_WIDGET (self->factor_row), kind == LL_POLICY_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->constant_row), kind == LL_POLICY_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->round_row), kind == LL_POLICY_CUSTOM);

  update_mechanism_subtitle (self);
  revalidate (self);
}

static void
on_mechanism_changed (LlControls *self)
{
  update_mechanism_subtitle (self);
  revalidate (self);
}

static void
on_element_changed (LlControls *self)
{
  guint selected = adw_combo_row_get_selected (self->element_row);

  if (selected < LL_N_ELEMENTS)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->element_row),
                                 _(ll_element_get_info (selected)->description));
  revalidate (self);
}

static void
on_target_kind_changed (LlControls *self)
{
  LlTargetKind kind = get_target_kind (self);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->target_kind_row),
                               _(target_kind_descriptions[kind]));
  revalidate (self);
}

static void
ll_controls_finalize (GObject *object)
{
  LlControls *self = LL_CONTROLS (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (ll_controls_parent_class)->finalize (object);
}

static void
ll_controls_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LL_TYPE_CONTROLS);

  G_OBJECT_CLASS (ll_controls_parent_class)->dispose (object);
}

static void
ll_controls_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LlControls *self = LL_CONTROLS (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_controls_class_init (LlControlsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_controls_dispose;
  object_class->finalize = ll_controls_finalize;
  object_class->get_property = ll_controls_get_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/listlab/ListLab/ll-controls.ui");
  gtk_widget_class_bind_template_child (widget_class, LlControls, policy_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, increment_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, increment_spin);
  gtk_widget_class_bind_template_child (widget_class, LlControls, factor_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, factor_spin);
  gtk_widget_class_bind_template_child (widget_class, LlControls, constant_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, constant_spin);
  gtk_widget_class_bind_template_child (widget_class, LlControls, round_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, round_spin);
  gtk_widget_class_bind_template_child (widget_class, LlControls, mechanism_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, policy_message);
  gtk_widget_class_bind_template_child (widget_class, LlControls, element_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, initial_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, initial_message);
  gtk_widget_class_bind_template_child (widget_class, LlControls, target_kind_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, target_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, target_message);
  gtk_widget_class_bind_template_child (widget_class, LlControls, reserve_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, reserve_message);
  gtk_widget_class_bind_template_callback (widget_class, revalidate);
  gtk_widget_class_bind_template_callback (widget_class, on_policy_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mechanism_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_element_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_target_kind_changed);
}

static GListModel *
create_model (const char * const *strings,
              guint               n_strings,
              gboolean            translate)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_strings; i++)
    gtk_string_list_append (list, translate ? _(strings[i]) : strings[i]);

  return G_LIST_MODEL (list);
}

static void
ll_controls_init (LlControls *self)
{
  g_autoptr(GListModel) policies = NULL;
  g_autoptr(GListModel) mechanisms = NULL;
  g_autoptr(GListModel) elements = NULL;
  g_autoptr(GListModel) target_kinds = NULL;
  const char *policy_titles[LL_N_POLICIES];
  const char *element_titles[LL_N_ELEMENTS];

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < LL_N_POLICIES; i++)
    policy_titles[i] = _(ll_policy_get_info (i)->title);
  policies = create_model (policy_titles, LL_N_POLICIES, FALSE);

  for (guint i = 0; i < LL_N_ELEMENTS; i++)
    element_titles[i] = _(ll_element_get_info (i)->title);
  elements = create_model (element_titles, LL_N_ELEMENTS, FALSE);

  mechanisms = create_model (mechanism_titles, G_N_ELEMENTS (mechanism_titles), TRUE);
  target_kinds = create_model (target_kind_titles, G_N_ELEMENTS (target_kind_titles), TRUE);

  adw_combo_row_set_model (self->policy_row, policies);
  adw_combo_row_set_model (self->mechanism_row, mechanisms);
  adw_combo_row_set_model (self->element_row, elements);
  adw_combo_row_set_model (self->target_kind_row, target_kinds);

  on_policy_changed (self);
  on_element_changed (self);
  on_target_kind_changed (self);
}

GtkWidget *
ll_controls_new (void)
{
  return g_object_new (LL_TYPE_CONTROLS, NULL);
}

gboolean
ll_controls_get_valid (LlControls *self)
{
  g_return_val_if_fail (LL_IS_CONTROLS (self), FALSE);

  return self->valid;
}

const char *
ll_controls_get_error (LlControls *self)
{
  g_return_val_if_fail (LL_IS_CONTROLS (self), NULL);

  return self->error;
}

gboolean
ll_controls_get_config (LlControls   *self,
                        LlRunConfig  *config,
                        GError      **error)
{
  g_return_val_if_fail (LL_IS_CONTROLS (self), FALSE);
  g_return_val_if_fail (config != NULL, FALSE);

  ll_run_config_init (config);

  get_policy (self, &config->policy);
  config->mechanism = mechanism_from_index (adw_combo_row_get_selected (self->mechanism_row));
  config->element = MIN (adw_combo_row_get_selected (self->element_row), LL_N_ELEMENTS - 1);
  config->target_kind = get_target_kind (self);

  if (!parse_initial (self, &config->initial_length, error) ||
      !parse_target (self, &config->target, error) ||
      !parse_reserve (self, &config->reserve_bytes, error))
    return FALSE;

  return ll_run_config_validate (config, error);
}

LlUnits
ll_controls_get_target_units (LlControls *self)
{
  const char *text;

  g_return_val_if_fail (LL_IS_CONTROLS (self), LL_UNITS_IEC);

  text = gtk_editable_get_text (GTK_EDITABLE (self->target_row));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("kKmMgGtTpPeE", *p) != NULL && (p[1] == 'B' || p[1] == 'b'))
        return LL_UNITS_SI;
    }

  return LL_UNITS_IEC;
}

void
ll_controls_set_policy (LlControls   *self,
                        LlPolicyKind  kind)
{
  g_return_if_fail (LL_IS_CONTROLS (self));
  g_return_if_fail (kind < LL_N_POLICIES);

  adw_combo_row_set_selected (self->policy_row, kind);
}

void
ll_controls_set_element (LlControls *self,
                         LlElement   element)
{
  g_return_if_fail (LL_IS_CONTROLS (self));
  g_return_if_fail (element < LL_N_ELEMENTS);

  adw_combo_row_set_selected (self->element_row, element);
}

void
ll_controls_set_target_kind (LlControls   *self,
                             LlTargetKind  kind)
{
  g_return_if_fail (LL_IS_CONTROLS (self));
  g_return_if_fail (kind <= LL_TARGET_ELEMENTS);

  adw_combo_row_set_selected (self->target_kind_row, kind);
}

void
ll_controls_set_target_text (LlControls *self,
                             const char *text)
{
  g_return_if_fail (LL_IS_CONTROLS (self));

  gtk_editable_set_text (GTK_EDITABLE (self->target_row), text != NULL ? text : "");
}

void
ll_controls_set_initial_text (LlControls *self,
                              const char *text)
{
  g_return_if_fail (LL_IS_CONTROLS (self));

  gtk_editable_set_text (GTK_EDITABLE (self->initial_row), text != NULL ? text : "");
}

void
ll_controls_set_reserve_text (LlControls *self,
                              const char *text)
{
  g_return_if_fail (LL_IS_CONTROLS (self));

  gtk_editable_set_text (GTK_EDITABLE (self->reserve_row), text != NULL ? text : "");
}

char *
ll_controls_describe (LlControls *self)
{
  const LlPolicyInfo *policy;
  const LlElementInfo *element;
  guint selected;

  g_return_val_if_fail (LL_IS_CONTROLS (self), NULL);

  policy = ll_policy_get_info (get_policy_kind (self));
  selected = MIN (adw_combo_row_get_selected (self->element_row), LL_N_ELEMENTS - 1);
  element = ll_element_get_info (selected);

  /* Translators: policy title · element model · target as typed */
  return g_strdup_printf (_("%s · %s · %s"),
                          _(policy->title), _(element->title),
                          gtk_editable_get_text (GTK_EDITABLE (self->target_row)));
}
