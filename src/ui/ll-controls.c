/* ll-controls.c — the sidebar where a run is set up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ll-controls-private.h"
#include "ll-combo-value.h"
#include "ll-fit.h"
#include "ll-policy-row.h"
#include "ll-reserve-row.h"
#include "ll-ui-util.h"

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
  N_("realloc()"),
  N_("Allocate, Copy, Free"),
  N_("mremap()"),
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
  N_("sys.getsizeof: the header (56 bytes for a list) and the slots"),
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

/* The parameters of the fixed and custom policies, each a row of its own
 * whose subtitle says what is wrong with what was typed there. */
typedef enum
{
  PARAM_INCREMENT,
  PARAM_FACTOR,
  PARAM_CONSTANT,
  PARAM_ROUND,
  N_PARAMS
} Param;

static const struct
{
  gsize       row_offset;
  gsize       entry_offset;
  const char *subtitle;
} params[N_PARAMS] = {
  [PARAM_INCREMENT] = { G_STRUCT_OFFSET (LlControls, increment_row),
                        G_STRUCT_OFFSET (LlControls, increment_entry),
                        N_("Elements added at each growth") },
  [PARAM_FACTOR] = { G_STRUCT_OFFSET (LlControls, factor_row),
                     G_STRUCT_OFFSET (LlControls, factor_entry),
                     N_("New capacity = old × factor + constant") },
  [PARAM_CONSTANT] = { G_STRUCT_OFFSET (LlControls, constant_row),
                       G_STRUCT_OFFSET (LlControls, constant_entry),
                       N_("Slots added at each growth besides the factor") },
  [PARAM_ROUND] = { G_STRUCT_OFFSET (LlControls, round_row),
                    G_STRUCT_OFFSET (LlControls, round_entry),
                    N_("Capacity rounded up to a multiple of this") },
};

static const char *
param_text (LlControls *self,
            Param       param)
{
  return gtk_editable_get_text (G_STRUCT_MEMBER (GtkEditable *, self, params[param].entry_offset));
}

/* The field of a parameter ll_policy_check () refuses. */
static Param
field_of (LlPolicyParam param)
{
  switch (param)
    {
    case LL_POLICY_PARAM_INCREMENT:
      return PARAM_INCREMENT;
    case LL_POLICY_PARAM_FACTOR:
      return PARAM_FACTOR;
    case LL_POLICY_PARAM_ROUND:
      return PARAM_ROUND;
    case LL_POLICY_PARAM_CONSTANT:
    case LL_POLICY_PARAM_NONE:
    default:
      return PARAM_CONSTANT;
    }
}

/* Reads the chosen policy and the parameters it takes as typed. On FALSE,
 * @errors (N_PARAMS of them, if not NULL) hold what is wrong, each with its
 * field, and @error the first of them. */
static gboolean
get_policy (LlControls  *self,
            LlPolicy    *policy,
            GError     **errors,
            GError     **error)
{
  GError *local[N_PARAMS] = { NULL };
  gboolean ok = TRUE;
  Param first = N_PARAMS;

  ll_policy_init (policy, get_policy_kind (self));

  if (policy->kind == LL_POLICY_FIXED)
    ll_size_parse_count (param_text (self, PARAM_INCREMENT), LL_SIZE_FLAGS_LOCALE,
                         &policy->increment, &local[PARAM_INCREMENT]);

  if (policy->kind == LL_POLICY_CUSTOM)
    {
      ll_size_parse_decimal (param_text (self, PARAM_FACTOR), LL_SIZE_FLAGS_LOCALE,
                             &policy->factor, &local[PARAM_FACTOR]);
      ll_size_parse_count (param_text (self, PARAM_CONSTANT),
                           LL_SIZE_FLAGS_LOCALE | LL_SIZE_FLAGS_ALLOW_ZERO,
                           &policy->constant, &local[PARAM_CONSTANT]);
      ll_size_parse_count (param_text (self, PARAM_ROUND), LL_SIZE_FLAGS_LOCALE,
                           &policy->round, &local[PARAM_ROUND]);
    }

  for (Param p = 0; p < N_PARAMS; p++)
    if (local[p] != NULL && first == N_PARAMS)
      first = p;

  if (first == N_PARAMS)
    {
      GError *invalid = NULL;
      LlPolicyParam refused = ll_policy_check (policy, &invalid);

      if (refused != LL_POLICY_PARAM_NONE)
        {
          first = field_of (refused);
          local[first] = invalid;
        }
    }

  ok = first == N_PARAMS;
  if (!ok && error != NULL)
    *error = g_error_copy (local[first]);

  for (Param p = 0; p < N_PARAMS; p++)
    {
      if (errors != NULL)
        errors[p] = local[p];
      else
        g_clear_error (&local[p]);
    }

  return ok;
}

static void
show_param_error (LlControls   *self,
                  Param         param,
                  const GError *error)
{
  AdwActionRow *row = G_STRUCT_MEMBER (AdwActionRow *, self, params[param].row_offset);
  GtkWidget *entry = G_STRUCT_MEMBER (GtkWidget *, self, params[param].entry_offset);

  adw_action_row_set_subtitle (row, error != NULL ? error->message : _(params[param].subtitle));
  ll_ui_set_invalid (entry, error != NULL);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
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
              LlUnits     *units,
              GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->target_entry));

  if (units != NULL)
    *units = LL_UNITS_IEC;
  if (get_target_kind (self) == LL_TARGET_ELEMENTS)
    return ll_size_parse_count (text, LL_SIZE_FLAGS_LOCALE, target, error);
  else
    return ll_size_parse_bytes_units (text, LL_SIZE_FLAGS_LOCALE, target, units, error);
}

static gboolean
parse_initial (LlControls  *self,
               guint64     *length,
               GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->initial_entry));

  return ll_size_parse_count (text, LL_SIZE_FLAGS_ALLOW_ZERO | LL_SIZE_FLAGS_LOCALE,
                              length, error);
}

static void
show_message (GtkLabel   *label,
              GtkWidget  *row,
              const char *text,
              gboolean    is_error)
{
  ll_ui_show_message (label, row, text, is_error ? LL_MESSAGE_ERROR : LL_MESSAGE_NOTE);
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

/* Said as the target is typed, not only at Start: a target larger than
 * what the system can spare now, and the largest one that fits. NULL when
 * it fits. */
static char *
describe_too_large (LlControls        *self,
                    const LlRunConfig *target_config)
{
  g_autofree char *budget = NULL;
  g_autofree char *fitting = NULL;
  LlRunConfig config;
  LlMemInfo info;
  LlFit fit;
  gboolean read;

  if (self->mem_probe != NULL)
    read = self->mem_probe (&info, self->mem_probe_data, NULL);
  else
    read = ll_mem_read_system (&info, NULL, NULL);
  if (!read)
    return NULL;

  ll_fit_plan (&fit, target_config, &info, self->reclaimable);
  if (fit.fits)
    return NULL;

  budget = ll_format_bytes (fit.budget, self->units);
  if (!fit.initial_fits)
    /* Translators: %s is the memory a run may use after the reserve */
    return g_strdup_printf (_("More than the memory free now: %s after the reserve, "
                              "not even enough for the initial list."), budget);
  if (fit.fitting == 0)
    /* Translators: %s is the memory a run may use after the reserve */
    return g_strdup_printf (_("More than the memory free now: %s after the reserve, "
                              "not enough for any run."), budget);

  ll_fit_get_fitting (&fit, target_config, &config);
  fitting = ll_run_config_format_target (&config);
  /* Translators: the memory a run may use, then the largest target */
  return g_strdup_printf (_("More than the memory free now (%s after the reserve): "
                            "the largest target that fits is %s."), budget, fitting);
}

void
ll_controls_revalidate (LlControls *self)
{
  g_autoptr(GError) policy_error = NULL;
  g_autoptr(GError) initial_error = NULL;
  g_autoptr(GError) target_error = NULL;
  g_autoptr(GError) reserve_error = NULL;
  g_autoptr(GError) config_error = NULL;
  g_autofree char *initial_text = NULL;
  g_autofree char *target_text = NULL;
  const char *first_error = NULL;
  LlPolicy policy;
  guint64 initial = 0, target = 0;
  gboolean initial_ok, target_ok;
  gboolean at_target = FALSE;
  gboolean element_error;
  LlRunConfig config;

  {
    GError *param_errors[N_PARAMS];

    if (!get_policy (self, &policy, param_errors, &policy_error))
      first_error = policy_error->message;
    for (Param p = 0; p < N_PARAMS; p++)
      {
        show_param_error (self, p, param_errors[p]);
        g_clear_error (&param_errors[p]);
      }
  }

  initial_ok = parse_initial (self, &initial, &initial_error);
  if (initial_ok)
    {
      g_autofree char *exact = ll_format_count_exact (initial);

      if (initial == 0)
        initial_text = g_strdup (_("The list starts empty"));
      else
        {
          const LlPolicyInfo *info = ll_policy_get_info (policy.kind);
          g_autofree char *slots = ll_format_count_exact (ll_policy_initial_capacity (&policy, initial));

          if (info->initial != NULL)
            /* Translators: the list is created holding this many elements, in
             * a block of that many slots, the way a runtime's code does it,
             * e.g. "list(range(n))" */
            initial_text = g_strdup_printf (_("Starts with %s elements in a block of %s slots, "
                                              "as %s allocates it"),
                                            exact, slots, info->initial);
          else
            initial_text = g_strdup_printf (_("Starts with %s elements in a block of %s slots"),
                                            exact, slots);
        }
    }
  else if (first_error == NULL)
    first_error = initial_error->message;
  show_message (self->initial_message, GTK_WIDGET (self->initial_entry),
                initial_ok ? initial_text : initial_error->message, !initial_ok);

  target_ok = parse_target (self, &target, NULL, &target_error);
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

  if (!ll_reserve_row_get_reserve (self->reserve_row, NULL, &reserve_error) && first_error == NULL)
    first_error = reserve_error->message;
  show_message (self->reserve_message, NULL, ll_reserve_row_get_message (self->reserve_row),
                reserve_error != NULL);

  /* What the engine itself rejects, e.g. an initial length past its limit;
   * and a start at the target, which it accepts but never grows. */
  if (first_error == NULL)
    {
      if (!ll_controls_get_config (self, &config, &config_error))
        first_error = config_error->message;
      else if (config.initial_length > 0 && ll_run_config_starts_at_target (&config))
        {
          g_autofree char *length = ll_format_count_exact (config.initial_length);

          g_free (target_text);
          /* Translators: the initial length; the run then makes the list
           * and stops at once */
          target_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "The initial list of %s element already "
                                                      "reaches this target: the run makes it and "
                                                      "stops without growing it",
                                                      "The initial list of %s elements already "
                                                      "reaches this target: the run makes it and "
                                                      "stops without growing it",
                                                      (gulong) MIN (config.initial_length, G_MAXULONG)),
                                         length);
          at_target = TRUE;
        }
    }

  /* Objects chosen for a list of numbers: said at the elements. */
  element_error = config_error != NULL &&
                  !ll_run_config_holds (get_policy_kind (self),
                                        MIN (adw_combo_row_get_selected (self->element_row),
                                             LL_N_ELEMENTS - 1));
  ll_ui_set_invalid (GTK_WIDGET (self->element_row), element_error);
  if (element_error)
    show_message (self->initial_message, NULL, config_error->message, TRUE);

  if (!target_ok)
    show_message (self->target_message, GTK_WIDGET (self->target_entry),
                  target_error->message, TRUE);
  else if (config_error != NULL && !element_error)
    show_message (self->target_message, GTK_WIDGET (self->target_entry),
                  config_error->message, TRUE);
  else
    {
      g_autofree char *too_large = NULL;
      g_autoptr(GError) copies_error = NULL;

      /* np.append's copies, which grow with the square of the length, or
       * memory: said as the target is typed, before Start refuses it. */
      if (first_error == NULL && !ll_run_config_check_copies (&config, &copies_error))
        too_large = g_strdup (copies_error->message);
      else if (first_error == NULL)
        too_large = describe_too_large (self, &config);
      ll_ui_show_message (self->target_message, GTK_WIDGET (self->target_entry),
                          too_large != NULL ? too_large : target_text,
                          too_large != NULL || at_target ? LL_MESSAGE_WARNING : LL_MESSAGE_NOTE);
    }

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
        /* Translators: the growth mechanism of the chosen runtime, e.g. "realloc()" */
        g_strdup_printf (_("As the runtime does it: %s"), mechanism_title (info->mechanism));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->mechanism_row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->mechanism_row),
                                 _(mechanism_descriptions[selected]));
}

/* NumPy and array.array hold machine numbers: choosing one of them with
 * objects as elements takes int64 instead of refusing to start. */
static void
switch_element (LlControls   *self,
                LlPolicyKind  kind)
{
  LlElement element = MIN (adw_combo_row_get_selected (self->element_row), LL_N_ELEMENTS - 1);
  LlElement next = element;

  if (!ll_run_config_holds (kind, element))
    {
      if (!self->element_switched)
        self->element_before = element;
      self->element_switched = TRUE;
      next = ll_run_config_default_element (kind);
    }
  else if (self->element_switched && !ll_policy_get_info (kind)->numbers_only)
    {
      self->element_switched = FALSE;
      next = self->element_before;
    }

  if (next != element)
    {
      self->switching_element = TRUE;
      adw_combo_row_set_selected (self->element_row, next);
      self->switching_element = FALSE;
    }
}

static void
on_policy_changed (LlControls *self)
{
  LlPolicyKind kind = get_policy_kind (self);
  const LlPolicyInfo *info = ll_policy_get_info (kind);
  g_autofree char *source = NULL;

  /* Translators: the runtime code a growth policy mirrors, e.g.
   * "CPython ≥ 3.9, Objects/listobject.c list_resize()" */
  source = g_strdup_printf (_("Source: %s"), info->source);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->policy_row), _(info->description));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->policy_row), source);
  gtk_label_set_label (self->policy_source, source);

  gtk_widget_set_visible (GTK_WIDGET (self->increment_row), kind == LL_POLICY_FIXED);
  gtk_widget_set_visible (GTK_WIDGET (self->factor_row), kind == LL_POLICY_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->constant_row), kind == LL_POLICY_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->round_row), kind == LL_POLICY_CUSTOM);

  switch_element (self, kind);
  update_mechanism_subtitle (self);
  ll_controls_revalidate (self);
}

static void
on_mechanism_changed (LlControls *self)
{
  update_mechanism_subtitle (self);
  ll_controls_revalidate (self);
}

static void
on_element_changed (LlControls *self)
{
  guint selected = adw_combo_row_get_selected (self->element_row);

  /* Elements chosen by hand stay as chosen. */
  if (!self->switching_element)
    self->element_switched = FALSE;

  if (selected < LL_N_ELEMENTS)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->element_row),
                                 _(ll_element_get_info (selected)->description));
  ll_controls_revalidate (self);
}

static void
on_target_kind_changed (LlControls *self)
{
  LlTargetKind kind = get_target_kind (self);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->target_kind_row),
                               _(target_kind_descriptions[kind]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row),
                                 kind == LL_TARGET_ELEMENTS ? _("_Target Length")
                                                            : _("_Target Size"));
  ll_controls_revalidate (self);
}

static void
ll_controls_finalize (GObject *object)
{
  LlControls *self = LL_CONTROLS (object);

  g_clear_pointer (&self->error, g_free);
  g_clear_object (&self->settings);

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

  g_type_ensure (LL_TYPE_RESERVE_ROW);
  g_type_ensure (LL_TYPE_RUN_LIST);
  ll_controls_settings_class_init ();

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
  gtk_widget_class_bind_template_child (widget_class, LlControls, run_list);
  gtk_widget_class_bind_template_child (widget_class, LlControls, policy_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, increment_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, increment_entry);
  gtk_widget_class_bind_template_child (widget_class, LlControls, factor_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, factor_entry);
  gtk_widget_class_bind_template_child (widget_class, LlControls, constant_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, constant_entry);
  gtk_widget_class_bind_template_child (widget_class, LlControls, round_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, round_entry);
  gtk_widget_class_bind_template_child (widget_class, LlControls, mechanism_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, policy_source);
  gtk_widget_class_bind_template_child (widget_class, LlControls, element_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, initial_entry);
  gtk_widget_class_bind_template_child (widget_class, LlControls, initial_message);
  gtk_widget_class_bind_template_child (widget_class, LlControls, target_kind_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, target_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, target_entry);
  gtk_widget_class_bind_template_child (widget_class, LlControls, target_message);
  gtk_widget_class_bind_template_child (widget_class, LlControls, reserve_row);
  gtk_widget_class_bind_template_child (widget_class, LlControls, reserve_message);
  gtk_widget_class_bind_template_callback_full (widget_class, "revalidate",
                                                G_CALLBACK (ll_controls_revalidate));
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

  ll_policy_row_setup (self->policy_row);
  ll_combo_value_setup (self->mechanism_row);
  ll_combo_value_setup (self->element_row);
  ll_combo_value_setup (self->target_kind_row);
  self->units = LL_UNITS_IEC;

  adw_combo_row_set_model (self->policy_row, policies);
  adw_combo_row_set_model (self->mechanism_row, mechanisms);
  adw_combo_row_set_model (self->element_row, elements);
  adw_combo_row_set_model (self->target_kind_row, target_kinds);

  /* A field's message says what its value means, or what is wrong. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->initial_entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->initial_message, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->target_entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->target_message, NULL,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (ll_reserve_row_get_editable (self->reserve_row)),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->reserve_message, NULL,
                                  -1);

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

  if (!get_policy (self, &config->policy, NULL, error))
    return FALSE;
  config->mechanism = mechanism_from_index (adw_combo_row_get_selected (self->mechanism_row));
  config->element = MIN (adw_combo_row_get_selected (self->element_row), LL_N_ELEMENTS - 1);
  config->target_kind = get_target_kind (self);

  if (!parse_initial (self, &config->initial_length, error) ||
      !parse_target (self, &config->target, &config->target_units, error) ||
      !ll_reserve_row_get_reserve (self->reserve_row, &config->reserve_bytes, error))
    return FALSE;

  if (self->settings != NULL)
    {
      config->sample_hz = g_settings_get_uint (self->settings, "sample-rate");
      config->huge_pages = g_settings_get_boolean (self->settings, "huge-pages");
      config->history_buckets = g_settings_get_uint (self->settings, "history-detail");
    }

  return ll_run_config_validate (config, error);
}

LlUnits
ll_controls_get_target_units (LlControls *self)
{
  LlUnits units = LL_UNITS_IEC;

  g_return_val_if_fail (LL_IS_CONTROLS (self), LL_UNITS_IEC);

  parse_target (self, NULL, &units, NULL);
  return units;
}

void
ll_controls_set_policy (LlControls   *self,
                        LlPolicyKind  kind)
{
  g_return_if_fail (LL_IS_CONTROLS (self));
  g_return_if_fail (kind < LL_N_POLICIES);

  adw_combo_row_set_selected (self->policy_row, kind);
}

LlRunList *
ll_controls_get_run_list (LlControls *self)
{
  g_return_val_if_fail (LL_IS_CONTROLS (self), NULL);

  return self->run_list;
}

void
ll_controls_load_notebook_example (LlControls *self)
{
  g_return_if_fail (LL_IS_CONTROLS (self));

  ll_controls_set_policy (self, LL_POLICY_CPYTHON);
  /* The runtime's own mechanism: CPython's realloc(). */
  adw_combo_row_set_selected (self->mechanism_row, 0);
  ll_controls_set_element (self, LL_ELEMENT_BOXED);
  ll_controls_set_initial_text (self, "20000000");
  ll_controls_set_target_kind (self, LL_TARGET_ELEMENTS);
  /* Two single appends, then "for i in range(len(big_list))": 20,000,002
   * more. */
  ll_controls_set_target_text (self, "40000004");
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

  gtk_editable_set_text (GTK_EDITABLE (self->target_entry), text != NULL ? text : "");
}

void
ll_controls_set_initial_text (LlControls *self,
                              const char *text)
{
  g_return_if_fail (LL_IS_CONTROLS (self));

  gtk_editable_set_text (GTK_EDITABLE (self->initial_entry), text != NULL ? text : "");
}

void
ll_controls_set_reserve_text (LlControls *self,
                              const char *text)
{
  g_return_if_fail (LL_IS_CONTROLS (self));

  ll_reserve_row_set_text (self->reserve_row, text != NULL ? text : "");
}

char *
ll_controls_describe (LlControls *self)
{
  const LlPolicyInfo *policy;
  const LlElementInfo *element;
  g_autofree char *target = NULL;
  LlRunConfig config;
  guint selected;

  g_return_val_if_fail (LL_IS_CONTROLS (self), NULL);

  policy = ll_policy_get_info (get_policy_kind (self));
  selected = MIN (adw_combo_row_get_selected (self->element_row), LL_N_ELEMENTS - 1);
  element = ll_element_get_info (selected);

  if (ll_controls_get_config (self, &config, NULL))
    target = ll_run_config_format_target (&config);
  else
    target = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->target_entry)));

  /* Translators: policy title · element model · target */
  return g_strdup_printf (_("%s · %s · %s"), _(policy->title), _(element->title), target);
}

void
ll_controls_set_mem_probe (LlControls     *self,
                           LlMemProbeFunc  probe,
                           gpointer        probe_data)
{
  g_return_if_fail (LL_IS_CONTROLS (self));

  self->mem_probe = probe;
  self->mem_probe_data = probe_data;
  ll_controls_revalidate (self);
}

void
ll_controls_set_reclaimable (LlControls *self,
                             guint64     bytes)
{
  g_return_if_fail (LL_IS_CONTROLS (self));

  if (self->reclaimable == bytes)
    return;
  self->reclaimable = bytes;
  ll_controls_revalidate (self);
}

void
ll_controls_recheck_memory (LlControls *self)
{
  g_return_if_fail (LL_IS_CONTROLS (self));

  ll_controls_revalidate (self);
}

const char *
ll_controls_get_target_message (LlControls *self)
{
  g_return_val_if_fail (LL_IS_CONTROLS (self), NULL);

  return gtk_label_get_label (self->target_message);
}
