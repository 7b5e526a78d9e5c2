/* fuzz-policy.c — fuzz target: growth policies and their parameters
 *
 * The input's first line is a policy as ll_policy_to_string() writes it,
 * "custom:factor=1.5,constant=0,round=1", its values read as listlab-cli
 * reads --increment, --factor, --constant and --round (also "mechanism=");
 * each further line is "LENGTH CAPACITY NEW-LENGTH", a resize to try
 * besides the usual ones. A policy that validates writes itself back the
 * same; every resize ends with room for the new length, never less.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include "fuzz-target.h"
#include "ll-policy.h"
#include "ll-size.h"

typedef enum
{
  READ_OK,
  READ_UNKNOWN,   /* no policy of that name */
  READ_REFUSED,   /* a value the CLI would refuse */
  READ_SYNTAX,    /* not name:key=value,…: nothing to check */
} ReadResult;

typedef struct
{
  LlPolicy    policy;
  LlMechanism mechanism;
  gboolean    has_mechanism;
} Spec;

static const char * const keys[] = { "increment", "factor", "constant", "round", "mechanism" };

/* Where the value that starts at @p ends: at the comma before the next
 * "key=", so that "increment=1,000" keeps its comma. */
static const char *
value_end (const char *p)
{
  for (const char *comma = strchr (p, ','); comma != NULL; comma = strchr (comma + 1, ','))
    {
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          gsize n = strlen (keys[k]);

          if (strncmp (comma + 1, keys[k], n) == 0 && comma[1 + n] == '=')
            return comma;
        }
    }
  return p + strlen (p);
}

static ReadResult
read_value (Spec       *spec,
            const char *key,
            const char *value)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (key, "increment"))
    ok = ll_size_parse_count (value, LL_SIZE_FLAGS_NONE, &spec->policy.increment, &error);
  else if (g_str_equal (key, "constant"))
    ok = ll_size_parse_count (value, LL_SIZE_FLAGS_ALLOW_ZERO, &spec->policy.constant, &error);
  else if (g_str_equal (key, "round"))
    ok = ll_size_parse_count (value, LL_SIZE_FLAGS_NONE, &spec->policy.round, &error);
  else if (g_str_equal (key, "factor"))
    ok = ll_size_parse_decimal (value, LL_SIZE_FLAGS_NONE, &spec->policy.factor, &error);
  else if (g_str_equal (key, "mechanism"))
    {
      ok = ll_mechanism_from_string (value, &spec->mechanism, &error);
      spec->has_mechanism = ok;
      if (!ok)
        ll_fuzz_check (g_error_matches (error, LL_POLICY_ERROR, LL_POLICY_ERROR_UNKNOWN),
                       "mechanism \"%s\" refused with the wrong error", value);
    }
  else
    return READ_SYNTAX;

  if (!ok)
    ll_fuzz_check (error != NULL && g_utf8_validate (error->message, -1, NULL),
                   "\"%s=%s\" refused without a readable error", key, value);
  return ok ? READ_OK : READ_REFUSED;
}

static ReadResult
read_spec (const char *text,
           Spec       *spec)
{
  g_autofree char *name = NULL;
  const char *colon = strchr (text, ':');
  const char *p;
  LlPolicyKind kind;
  g_autoptr(GError) error = NULL;

  name = colon != NULL ? g_strndup (text, colon - text) : g_strdup (text);
  if (!ll_policy_kind_from_name (name, &kind, &error))
    {
      ll_fuzz_check (g_error_matches (error, LL_POLICY_ERROR, LL_POLICY_ERROR_UNKNOWN) &&
                     g_utf8_validate (error->message, -1, NULL),
                     "policy \"%s\" refused without a readable error", name);
      return READ_UNKNOWN;
    }
  ll_policy_init (&spec->policy, kind);
  spec->mechanism = LL_MECHANISM_DEFAULT;
  spec->has_mechanism = FALSE;
  if (colon == NULL)
    return READ_OK;

  for (p = colon + 1; *p != '\0';)
    {
      const char *equals = strchr (p, '=');
      const char *end;
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      ReadResult result;

      if (equals == NULL)
        return READ_SYNTAX;
      end = value_end (equals + 1);
      key = g_strndup (p, equals - p);
      value = g_strndup (equals + 1, end - (equals + 1));
      if ((result = read_value (spec, key, value)) != READ_OK)
        return result;
      p = *end == ',' ? end + 1 : end;
    }
  return READ_OK;
}

/* Resizing a list of @length elements in @capacity slots to @new_length. */
static void
check_resize (const Spec *spec,
              gboolean    valid,
              guint64     length,
              guint64     capacity,
              guint64     new_length)
{
  const LlPolicy *policy = &spec->policy;
  gboolean python = policy->kind == LL_POLICY_CPYTHON || policy->kind == LL_POLICY_CPYTHON_38;
  guint64 result;

  if (length > capacity)
    return;

  result = ll_policy_resize (policy, length, capacity, new_length);
  ll_fuzz_check (result >= new_length,
                 "%s policy: resize (%" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT ", %"
                 G_GUINT64_FORMAT ") gives %" G_GUINT64_FORMAT ", less than the new length",
                 valid ? "valid" : "invalid", length, capacity, new_length, result);

  /* No reallocation while the list fits (CPython's: and stays half full). */
  if (new_length <= capacity && (!python || new_length >= capacity / 2))
    ll_fuzz_check (result == capacity,
                   "resize (%" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT
                   ") reallocates to %" G_GUINT64_FORMAT " though the list fits",
                   length, capacity, new_length, result);
}

static guint64
saturated_add (guint64 a,
               guint64 b)
{
  return a > G_MAXUINT64 - b ? G_MAXUINT64 : a + b;
}

static void
check_resizes (const Spec *spec,
               gboolean    valid,
               const char *lines)
{
  static const guint64 numbers[] = {
    0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 16, 255, 256, 257, 1000, 1024, 4095, 65536,
    G_GUINT64_CONSTANT (20000000), G_GUINT64_CONSTANT (0x7fffffff), G_GUINT64_CONSTANT (0xffffffff),
    G_GUINT64_CONSTANT (1) << 32, G_GUINT64_CONSTANT (1) << 56, G_GUINT64_CONSTANT (1) << 62,
    G_MAXINT64, (guint64) G_MAXINT64 + 1, G_MAXUINT64 / 3 * 2, G_MAXUINT64 - 1, G_MAXUINT64,
  };
  g_auto(GStrv) rows = g_strsplit (lines, "\n", 64);
  guint64 starts[8] = { 0, 1, 9, 256, G_GUINT64_CONSTANT (20000000) };
  guint n_starts = 5;

  for (guint c = 0; c < G_N_ELEMENTS (numbers); c++)
    {
      guint64 cap = numbers[c];
      guint64 lengths[] = { 0, cap / 2, cap };

      for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
        {
          guint64 len = lengths[l];
          guint64 targets[] = {
            len, saturated_add (len, 1), saturated_add (cap, 1),
            saturated_add (cap, cap / 2), saturated_add (cap, 1000), G_MAXUINT64,
          };

          for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
            check_resize (spec, valid, len, cap, targets[t]);
        }
    }

  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (rows[i]), " \t", 3);
      guint64 values[3];
      guint n = 0;

      for (; n < 3 && fields[n] != NULL; n++)
        {
          char *end = NULL;

          errno = 0;
          values[n] = g_ascii_strtoull (fields[n], &end, 10);
          if (errno != 0 || end == fields[n] || *end != '\0')
            break;
        }
      if (n == 3)
        {
          check_resize (spec, valid, values[0], values[1], values[2]);
          if (n_starts < G_N_ELEMENTS (starts))
            starts[n_starts++] = values[0];
        }
    }

  /* Lists that grow every time they are full, from list(range(n)) starts:
   * the capacity rises every time, until it saturates. */
  for (guint i = 0; i < n_starts; i++)
    {
      guint64 length = starts[i];
      guint64 capacity = ll_policy_initial_capacity (&spec->policy, length);

      ll_fuzz_check (capacity >= length, "a list of %" G_GUINT64_FORMAT " starts with %"
                     G_GUINT64_FORMAT " slots", length, capacity);
      for (guint step = 0; step < 100 && capacity < G_MAXUINT64; step++)
        {
          guint64 grown = ll_policy_resize (&spec->policy, capacity, capacity, capacity + 1);

          ll_fuzz_check (grown > capacity, "a full list of %" G_GUINT64_FORMAT " does not grow",
                         capacity);
          capacity = grown;
        }
    }
}

static void
check_written (const Spec *spec)
{
  g_autofree char *written = ll_policy_to_string (&spec->policy);
  Spec again;
  const LlPolicy *a = &spec->policy;
  const LlPolicy *b = &again.policy;

  ll_fuzz_check (written != NULL && g_utf8_validate (written, -1, NULL),
                 "a valid policy is not written");
  ll_fuzz_check (read_spec (written, &again) == READ_OK,
                 "\"%s\" does not read back", written);
  ll_fuzz_check (a->kind == b->kind, "\"%s\" reads back as another policy", written);
  if (a->kind == LL_POLICY_FIXED)
    ll_fuzz_check (a->increment == b->increment, "\"%s\" reads back another increment", written);
  if (a->kind == LL_POLICY_CUSTOM)
    ll_fuzz_check (a->factor == b->factor && a->constant == b->constant && a->round == b->round,
                   "\"%s\" reads back as %.17g, %" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT,
                   written, b->factor, b->constant, b->round);
  ll_fuzz_check (ll_policy_validate (b, NULL), "\"%s\" reads back invalid", written);

  if (spec->has_mechanism)
    {
      LlMechanism mechanism;
      const char *name = ll_mechanism_to_string (spec->mechanism);

      ll_fuzz_check (name != NULL && ll_mechanism_from_string (name, &mechanism, NULL) &&
                     mechanism == spec->mechanism,
                     "mechanism %d does not read back", spec->mechanism);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  char *newline = strchr (text, '\n');
  const char *lines = "";
  Spec spec;
  g_autoptr(GError) error = NULL;
  gboolean valid;

  ll_fuzz_begin (data, size);

  if (newline != NULL)
    {
      *newline = '\0';
      lines = newline + 1;
    }
  if (read_spec (text, &spec) != READ_OK)
    return 0;

  valid = ll_policy_validate (&spec.policy, &error);
  if (valid)
    {
      ll_fuzz_check (error == NULL, "a valid policy with an error");
      check_written (&spec);
    }
  else
    ll_fuzz_check (g_error_matches (error, LL_POLICY_ERROR, LL_POLICY_ERROR_INVALID) &&
                   g_utf8_validate (error->message, -1, NULL),
                   "an invalid policy refused without a readable error");

  check_resizes (&spec, valid, lines);
  return 0;
}
