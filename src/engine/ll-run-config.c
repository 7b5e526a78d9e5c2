/* ll-run-config.c — everything that defines a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <string.h>

#include <glib/gi18n.h>

#include "ll-arith.h"
#include "ll-run-config.h"
#include "ll-growth.h"
#include "ll-size.h"

#define MAX_LENGTH LL_RUN_MAX_ELEMENTS

G_DEFINE_QUARK (ll-run-error-quark, ll_run_error)

void
ll_run_config_init (LlRunConfig *config)
{
  g_return_if_fail (config != NULL);

  memset (config, 0, sizeof *config);
  ll_policy_init (&config->policy, LL_POLICY_CPYTHON);
  config->mechanism = LL_MECHANISM_DEFAULT;
  config->element = LL_ELEMENT_SHARED;
  config->initial_length = 0;
  config->batch = 1;
  config->target_kind = LL_TARGET_CONTAINER_BYTES;
  config->target = G_GUINT64_CONSTANT (10) * 1000 * 1000 * 1000;
  config->target_units = LL_UNITS_SI;
  config->reserve_bytes = LL_RESERVE_DEFAULT;
  config->sample_hz = LL_DEFAULT_SAMPLE_HZ;
  config->huge_pages = FALSE;
  config->mem_probe = NULL;
  config->mem_probe_data = NULL;
}

gboolean
ll_run_config_holds (LlPolicyKind kind,
                     LlElement    element)
{
  g_return_val_if_fail (kind < LL_N_POLICIES, FALSE);

  return !ll_policy_get_info (kind)->numbers_only ||
         element == LL_ELEMENT_INT64 || element == LL_ELEMENT_INT32;
}

LlElement
ll_run_config_default_element (LlPolicyKind kind)
{
  g_return_val_if_fail (kind < LL_N_POLICIES, LL_ELEMENT_SHARED);

  return ll_policy_get_info (kind)->numbers_only ? LL_ELEMENT_INT64 : LL_ELEMENT_SHARED;
}

void
ll_run_config_for_policy (const LlRunConfig *config,
                          LlPolicyKind       kind,
                          LlRunConfig       *out)
{
  g_return_if_fail (config != NULL);
  g_return_if_fail (kind < LL_N_POLICIES);
  g_return_if_fail (out != NULL);

  *out = *config;
  if (kind == config->policy.kind)
    return;
  ll_policy_init (&out->policy, kind);
  /* Each runtime grows in its own way, and holds what it can. */
  out->mechanism = LL_MECHANISM_DEFAULT;
  if (!ll_run_config_holds (kind, out->element))
    out->element = ll_run_config_default_element (kind);
}

gboolean
ll_run_config_validate (const LlRunConfig  *config,
                        GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((guint) config->policy.kind >= LL_N_POLICIES)
    {
      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("Unknown growth policy %d"), (int) config->policy.kind);
      return FALSE;
    }

  if (!ll_policy_validate (&config->policy, &local_error))
    {
      g_set_error_literal (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  if (config->mechanism != LL_MECHANISM_DEFAULT &&
      ((int) config->mechanism < 0 || config->mechanism >= LL_N_MECHANISMS))
    {
      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("Unknown growth mechanism %d: use realloc, copy or mremap"),
                   (int) config->mechanism);
      return FALSE;
    }

  if ((guint) config->element >= LL_N_ELEMENTS)
    {
      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("Unknown element model %d: use shared, boxed, int64 or int32"),
                   (int) config->element);
      return FALSE;
    }

  /* array.array and NumPy hold machine numbers, not objects. */
  if (!ll_run_config_holds (config->policy.kind, config->element))
    {
      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("%s holds numbers, not Python objects: choose the int64 or int32 element model"),
                   _(ll_policy_get_info (config->policy.kind)->title));
      return FALSE;
    }

  if ((guint) config->target_kind > LL_TARGET_ELEMENTS)
    {
      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("Unknown target kind %d: the target is container bytes, "
                     "total bytes or elements"),
                   (int) config->target_kind);
      return FALSE;
    }

  if (config->target == 0)
    {
      g_set_error_literal (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                           _("The target must be larger than zero"));
      return FALSE;
    }

  if (config->batch == 0)
    {
      g_set_error_literal (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                           _("The batch must be at least 1 element "
                             "(1 is one append, more is one list.extend)"));
      return FALSE;
    }

  if (config->batch > MAX_LENGTH)
    {
      g_autofree char *batch = ll_format_count_exact (config->batch);
      g_autofree char *max = ll_format_count_exact (MAX_LENGTH);

      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("The batch of %s elements is too large: at most %s are accepted"),
                   batch, max);
      return FALSE;
    }

  if ((config->policy.kind == LL_POLICY_FIXED && config->policy.increment > MAX_LENGTH) ||
      (config->policy.kind == LL_POLICY_CUSTOM && config->policy.constant > MAX_LENGTH))
    {
      g_autofree char *count = ll_format_count_exact (config->policy.kind == LL_POLICY_FIXED
                                                      ? config->policy.increment
                                                      : config->policy.constant);
      g_autofree char *max = ll_format_count_exact (MAX_LENGTH);

      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("Growing by %s elements at once is too much: at most %s are accepted"),
                   count, max);
      return FALSE;
    }

  if (config->target_kind == LL_TARGET_ELEMENTS && config->target > MAX_LENGTH)
    {
      g_autofree char *count = ll_format_count_exact (config->target);
      g_autofree char *max = ll_format_count_exact (MAX_LENGTH);

      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("A list of %s elements is too long: at most %s are accepted"),
                   count, max);
      return FALSE;
    }

  if (config->initial_length > MAX_LENGTH)
    {
      g_autofree char *length = ll_format_count_exact (config->initial_length);
      g_autofree char *max = ll_format_count_exact (MAX_LENGTH);

      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("The initial length of %s elements is too large: at most %s are "
                     "accepted"),
                   length, max);
      return FALSE;
    }

  if (config->sample_hz < 1 || config->sample_hz > 1000)
    {
      g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID,
                   _("The memory sampling rate of %u Hz is out of range: "
                     "use 1 to 1000 Hz"),
                   config->sample_hz);
      return FALSE;
    }

  /* A start already at or past the target is fine: the run stops at once.
   * Huge pages only apply to the mremap mechanism and are ignored otherwise. */
  return TRUE;
}

guint
ll_run_config_header_bytes (const LlRunConfig *config)
{
  g_return_val_if_fail (config != NULL, LL_LIST_HEADER_BYTES);
  g_return_val_if_fail ((guint) config->policy.kind < LL_N_POLICIES, LL_LIST_HEADER_BYTES);

  return ll_policy_get_info (config->policy.kind)->header_bytes;
}

guint64
ll_run_config_container_bytes (const LlRunConfig *config,
                               guint64            capacity)
{
  g_return_val_if_fail (config != NULL, G_MAXUINT64);

  return ll_sat_add (ll_run_config_header_bytes (config),
                     ll_sat_mul (capacity, ll_element_get_info (config->element)->slot_bytes));
}

/* np.append's copies: each append (or extend of a batch) copies everything
 * before it. FALSE for a policy that does not copy so. */
static gboolean
estimate_copies (const LlRunConfig *config,
                 double            *copied,
                 double            *seconds,
                 double            *longest)
{
  guint slot, header;
  double n, n0, batch;

  if (config->policy.kind != LL_POLICY_NUMPY_APPEND)
    return FALSE;

  slot = ll_element_get_info (config->element)->slot_bytes;
  header = ll_run_config_header_bytes (config);
  if (config->target_kind == LL_TARGET_ELEMENTS)
    n = (double) config->target;
  else
    n = config->target > header ? ceil ((double) (config->target - header) / slot) : 0.0;
  n0 = (double) config->initial_length;
  batch = (double) MAX (config->batch, 1);
  *copied = n > n0 ? slot * (n * n - n0 * n0) / 2.0 / batch : 0.0;
  *seconds = *copied / (double) LL_COPY_BYTES_PER_SECOND;
  *longest = floor (sqrt (2.0 * batch * LL_COPY_SECONDS_MAX * (double) LL_COPY_BYTES_PER_SECOND / slot + n0 * n0));
  return TRUE;
}

static char *
format_copied (double copied)
{
  return ll_format_bytes (copied >= 1.8e19 ? G_MAXUINT64 : (guint64) copied, LL_UNITS_SI);
}

static char *
format_seconds (double seconds)
{
  return ll_format_duration (seconds >= 1.8e10 ? G_MAXUINT64 : (guint64) (seconds * 1e9));
}

char *
ll_run_config_describe_copies (const LlRunConfig *config)
{
  g_autofree char *copied_text = NULL;
  g_autofree char *time_text = NULL;
  double copied, seconds, longest;

  g_return_val_if_fail (config != NULL, NULL);

  if (!estimate_copies (config, &copied, &seconds, &longest))
    return NULL;
  copied_text = format_copied (copied);
  time_text = format_seconds (seconds);
  return g_strdup_printf (_("np.append copies the whole array on every append: about %s in all, "
                            "some %s at memory speed"), copied_text, time_text);
}

gboolean
ll_run_config_check_copies (const LlRunConfig  *config,
                            GError            **error)
{
  g_autofree char *copied_text = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *target_text = NULL;
  double copied, seconds, longest;
  guint slot;

  g_return_val_if_fail (config != NULL, FALSE);

  if (!estimate_copies (config, &copied, &seconds, &longest) || seconds <= LL_COPY_SECONDS_MAX)
    return TRUE;

  slot = ll_element_get_info (config->element)->slot_bytes;
  copied_text = format_copied (copied);
  time_text = format_seconds (seconds);
  if (config->target_kind == LL_TARGET_ELEMENTS)
    target_text = ll_format_count_exact ((guint64) longest);
  else
    target_text = ll_format_bytes (ll_sat_add (ll_run_config_header_bytes (config),
                                               ll_sat_mul ((guint64) longest, slot)),
                                   config->target_units);
  g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_TOO_LARGE,
               _("np.append copies the whole array on every append: this target would copy about %s, "
                 "some %s at memory speed. Choose a target of at most %s, or simulate it."),
               copied_text, time_text, target_text);
  return FALSE;
}

LlMechanism
ll_run_config_get_mechanism (const LlRunConfig *config)
{
  const LlPolicyInfo *info;

  g_return_val_if_fail (config != NULL, LL_MECHANISM_REALLOC);

  if (config->mechanism != LL_MECHANISM_DEFAULT)
    return config->mechanism;

  info = ll_policy_get_info (config->policy.kind);
  if (info == NULL || info->mechanism == LL_MECHANISM_DEFAULT)
    return LL_MECHANISM_REALLOC;

  return info->mechanism;
}

guint64
ll_run_config_get_reserve (const LlRunConfig *config,
                           const LlMemInfo   *info)
{
  g_return_val_if_fail (config != NULL, 0);
  g_return_val_if_fail (info != NULL, 0);

  if (config->reserve_bytes == LL_RESERVE_DEFAULT)
    return ll_mem_default_reserve (info);

  return config->reserve_bytes;
}

guint64
ll_run_config_estimate_peak (const LlRunConfig *config,
                             guint64           *final_length,
                             guint64           *final_capacity)
{
  LlGrowth growth;
  LlGrowthStep step;
  guint64 last_copy_capacity = 0;
  gboolean copy;

  g_return_val_if_fail (config != NULL, 0);

  copy = ll_run_config_get_mechanism (config) == LL_MECHANISM_COPY;

  ll_growth_init (&growth, config);
  while (ll_growth_next (&growth, &step))
    {
      if (copy && step.realloc)
        last_copy_capacity = step.old_capacity;
      ll_growth_skip (&growth, ll_growth_get_capacity_limit (&growth));
    }

  if (final_length != NULL)
    *final_length = growth.length;
  if (final_capacity != NULL)
    *final_capacity = growth.capacity;

  return ll_growth_get_peak (&growth, last_copy_capacity);
}

gboolean
ll_run_config_starts_at_target (const LlRunConfig *config)
{
  LlGrowth growth;

  g_return_val_if_fail (config != NULL, FALSE);

  ll_growth_init (&growth, config);
  return growth.done;
}

char *
ll_run_config_format_target (const LlRunConfig *config)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (config != NULL, NULL);

  switch (config->target_kind)
    {
    case LL_TARGET_ELEMENTS:
      amount = ll_format_count_exact (config->target);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s element", "%s elements",
                                           (gulong) MIN (config->target, G_MAXULONG)),
                              amount);
    case LL_TARGET_TOTAL_BYTES:
      amount = ll_format_bytes (config->target, config->target_units);
      /* Translators: a target that counts the list and its element objects */
      return g_strdup_printf (_("%s in all (container + objects)"), amount);
    case LL_TARGET_CONTAINER_BYTES:
    default:
      return ll_format_bytes (config->target, config->target_units);
    }
}

void
ll_run_config_round_target_down (LlRunConfig *config)
{
  g_return_if_fail (config != NULL);

  if (config->target_kind != LL_TARGET_ELEMENTS)
    config->target = ll_bytes_round_down (config->target, config->target_units);
}

/* "10%", "2.5 %", "10 %" (a space, or the no-break spaces French puts
 * there): the number before the sign, or NULL when @text is no share. */
static char *
share_number (const char *text)
{
  gsize len = strlen (text);
  char *number;

  if (len == 0 || text[len - 1] != '%')
    return NULL;
  number = g_strndup (text, len - 1);
  /* (no-break spaces are two and three bytes long in UTF-8) */
  for (gboolean trimmed = TRUE; trimmed;)
    {
      gsize n = strlen (number);

      trimmed = FALSE;
      if (n >= 1 && number[n - 1] == ' ')
        number[n - 1] = '\0', trimmed = TRUE;
      else if (n >= 2 && g_str_has_suffix (number, "\u00A0"))
        number[n - 2] = '\0', trimmed = TRUE;
      else if (n >= 3 && g_str_has_suffix (number, "\u202F"))
        number[n - 3] = '\0', trimmed = TRUE;
    }
  return number;
}

static gboolean
parse_share (const char       *text,
             const char       *number,
             LlSizeFlags       flags,
             const LlMemInfo  *info,
             guint64          *reserve,
             double           *percent_out,
             GError          **error)
{
  g_autoptr(GError) local = NULL;
  double percent;

  if (!ll_size_parse_decimal (number, flags, &percent, &local))
    {
      g_autofree char *shown = ll_format_input (text, -1);

      g_set_error (error, LL_SIZE_ERROR, local->code,
                   _("‘%s’ is not a share of memory: write a number from 0 to 100 before “%%”"), shown);
      return FALSE;
    }
  if (percent > 100)
    {
      g_autofree char *given = ll_format_decimal (percent);

      g_set_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_OVERFLOW,
                   /* Translators: a memory reserve written as a share, "150 %" */
                   _("%s %% is more than all of the memory: a share goes from 0 to 100 %%"), given);
      return FALSE;
    }
  if (info == NULL || ll_mem_info_memory (info) == 0)
    {
      g_set_error_literal (error, LL_SIZE_ERROR, LL_SIZE_ERROR_UNIT,
                           _("This machine’s memory cannot be read, so a share of it means nothing "
                             "here: write a size, or “auto”"));
      return FALSE;
    }
  *reserve = (guint64) llround ((double) ll_mem_info_memory (info) * percent / 100.0);
  *percent_out = percent;
  return TRUE;
}

/* ll_reserve_parse (), and the share of memory it was written as (< 0:
 * it was not one). */
static gboolean
read_reserve (const char       *text,
              LlSizeFlags       flags,
              const LlMemInfo  *info,
              guint64          *reserve,
              double           *percent,
              GError          **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *share = NULL;
  guint64 bytes = 0;
  LlUnits units = LL_UNITS_IEC;

  stripped = g_strstrip (g_strdup (text));
  *percent = -1;
  if (stripped[0] == '\0' || g_ascii_strcasecmp (stripped, "auto") == 0)
    {
      *reserve = LL_RESERVE_DEFAULT;
      return TRUE;
    }

  if ((share = share_number (stripped)) != NULL)
    {
      if (!parse_share (stripped, share, flags, info, &bytes, percent, error))
        return FALSE;
    }
  else if (!ll_size_parse_bytes_units (stripped, flags | LL_SIZE_FLAGS_ALLOW_ZERO, &bytes, &units, error))
    {
      /* A word rather than a mistyped size: what a reserve can be. */
      if (strpbrk (stripped, "0123456789") == NULL)
        {
          g_autofree char *shown = ll_format_input (stripped, -1);

          g_clear_error (error);
          g_set_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_SYNTAX,
                       _("‘%s’ is not a reserve: write “auto”, a size such as 2GiB or a share of "
                         "memory such as 10 %%"), shown);
        }
      return FALSE;
    }
  /* More than the machine has would stop every run at once. */
  else if (info != NULL && info->total_bytes > 0 && bytes > info->total_bytes)
    {
      g_autofree char *given = ll_format_bytes (bytes, units);
      g_autofree char *total = ll_format_bytes (info->total_bytes, units);

      g_set_error (error, LL_SIZE_ERROR, LL_SIZE_ERROR_OVERFLOW,
                   _("%s is more than this machine’s memory (%s)"), given, total);
      return FALSE;
    }

  /* The default's own value stands for "auto"; as a size it means nothing. */
  if (bytes == LL_RESERVE_DEFAULT)
    bytes = LL_RESERVE_DEFAULT - 1;
  *reserve = bytes;
  return TRUE;
}

gboolean
ll_reserve_parse (const char       *text,
                  LlSizeFlags       flags,
                  const LlMemInfo  *info,
                  guint64          *reserve,
                  GError          **error)
{
  guint64 bytes;
  double percent;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!read_reserve (text, flags, info, &bytes, &percent, error))
    return FALSE;
  if (reserve != NULL)
    *reserve = bytes;
  return TRUE;
}

char *
ll_reserve_describe (const char      *text,
                     LlSizeFlags      flags,
                     const LlMemInfo *info,
                     LlUnits          units,
                     GError         **error)
{
  g_autofree char *size = NULL;
  guint64 reserve;
  double percent;

  g_return_val_if_fail (text != NULL, NULL);

  if (!read_reserve (text, flags, info, &reserve, &percent, error))
    return NULL;

  if (reserve == LL_RESERVE_DEFAULT)
    {
      if (info == NULL)
        return g_strdup_printf (_("%d %% of memory, at least 512 MiB. Runs stop before free "
                                  "memory falls below it."), 5);
      size = ll_format_bytes (ll_mem_default_reserve (info), units);
      /* Translators: the automatic memory reserve */
      return g_strdup_printf (_("5 %% of memory, at least 512 MiB: %s here. "
                                "Runs stop before free memory falls below it."),
                              size);
    }

  if (reserve == 0)
    return g_strdup (_("No reserve: a large run may leave the system out of memory"));

  size = ll_format_bytes (reserve, units);
  if (percent >= 0)
    {
      g_autofree char *number = ll_format_decimal (percent);

      /* Translators: a memory reserve written as a share of memory, "10 %" */
      return g_strdup_printf (_("%s %% of memory: %s here. Runs stop before free memory falls below it."),
                              number, size);
    }
  return g_strdup_printf (_("Runs stop before free memory falls below %s"), size);
}
