/* test-policy-python.c — the cpython policy against the machine's python3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

#include "ll-element.h"
#include "ll-policy.h"

#ifndef LL_TEST_PYTHON3
# define LL_TEST_PYTHON3 ""
#endif

/* The system interpreter is the reference when there is one. */
#ifndef SYSTEM_PYTHON3
# define SYSTEM_PYTHON3 "/usr/bin/python3"
#endif

static char *python_path;
static char **records;       /* the script's output, one record a line */
static char *python_version;
static char *skip_reason;
static guint version_major;
static guint version_minor;

static void
run_script (void)
{
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (g_file_test (SYSTEM_PYTHON3, G_FILE_TEST_IS_EXECUTABLE))
    python_path = g_strdup (SYSTEM_PYTHON3);
  else if (LL_TEST_PYTHON3[0] != '\0')
    python_path = g_strdup (LL_TEST_PYTHON3);
  else
    {
      skip_reason = g_strdup ("no python3 on this machine");
      return;
    }

  script = g_build_filename (TEST_SRCDIR, "engine", "list-sizes.py", NULL);

  {
    const char *argv[] = { python_path, "-I", script, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                       &out, &err, &status, &error))
      {
        skip_reason = g_strdup_printf ("cannot run %s: %s", python_path, error->message);
        return;
      }
  }

  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s %s failed: %s\n%s", python_path, script, error->message, err);

  records = g_strsplit (out, "\n", -1);
}

/* Splits a record into its fields if it starts with @tag. */
static char **
fields_of (const char *record,
           const char *tag,
           guint       n_fields)
{
  g_auto(GStrv) fields = g_strsplit (record, " ", -1);

  if (fields[0] == NULL || g_strcmp0 (fields[0], tag) != 0)
    return NULL;
  g_assert_cmpuint (g_strv_length (fields), ==, n_fields + 1);
  return g_steal_pointer (&fields);
}

static guint64
number (const char *text)
{
  guint64 value = 0;
  g_autoptr(GError) error = NULL;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &value, &error))
    g_error ("bad number “%s” from list-sizes.py: %s", text, error->message);
  return value;
}

static gboolean
need_python (guint major,
             guint minor)
{
  if (skip_reason != NULL)
    {
      g_test_skip (skip_reason);
      return FALSE;
    }
  if (version_major < major || (version_major == major && version_minor < minor))
    {
      g_autofree char *msg = g_strdup_printf ("python %s is older than %u.%u, which this "
                                              "check models", python_version, major, minor);
      g_test_skip (msg);
      return FALSE;
    }
  return TRUE;
}

static void
test_interpreter (void)
{
  gboolean seen_empty = FALSE;

  if (!need_python (3, 9))
    return;

  g_test_message ("reference: %s, Python %s", python_path, python_version);

  for (guint i = 0; records[i] != NULL; i++)
    {
      g_auto(GStrv) f = fields_of (records[i], "empty", 1);

      if (f == NULL)
        continue;
      /* sys.getsizeof([]) is the 56-byte header the whole model rests on. */
      g_assert_cmpuint (number (f[1]), ==, LL_LIST_HEADER_BYTES);
      seen_empty = TRUE;
    }
  g_assert_true (seen_empty);
}

static void
test_appends (void)
{
  LlPolicy policy;
  guint64 length = 0;
  guint64 capacity = 0;
  guint checked = 0;

  if (!need_python (3, 9))
    return;

  ll_policy_init (&policy, LL_POLICY_CPYTHON);

  for (guint i = 0; records[i] != NULL; i++)
    {
      g_auto(GStrv) f = fields_of (records[i], "append", 2);
      g_auto(GStrv) end = fields_of (records[i], "appended", 2);
      guint64 want_length;

      if (end != NULL)
        {
          /* The appends after the last change did not change anything. */
          for (; length < number (end[1]); length++)
            g_assert_cmpuint (ll_policy_resize (&policy, length, capacity, length + 1), ==, capacity);
          g_assert_cmpuint (capacity, ==, number (end[2]));
          g_assert_cmpuint (length, ==, 100000);
          continue;
        }
      if (f == NULL)
        continue;

      /* Replay the appends that did not change anything, then the one
       * that did: the policy must agree on both. */
      want_length = number (f[1]);
      while (length + 1 < want_length)
        {
          guint64 next = ll_policy_resize (&policy, length, capacity, length + 1);

          g_assert_cmpuint (next, ==, capacity);
          length++;
        }
      capacity = ll_policy_resize (&policy, length, capacity, length + 1);
      length++;
      g_assert_cmpuint (capacity, ==, number (f[2]));
      checked++;
    }

  /* 100 000 appends reallocate 66 times. */
  g_assert_cmpuint (checked, >, 60);
  g_assert_cmpuint (length, ==, 100000);
}

static void
test_extend_chain (void)
{
  LlPolicy policy;
  guint64 length = 0;
  guint64 capacity = 0;
  guint checked = 0;
  guint jumps = 0;

  if (!need_python (3, 10))
    return;

  ll_policy_init (&policy, LL_POLICY_CPYTHON);

  for (guint i = 0; records[i] != NULL; i++)
    {
      g_auto(GStrv) f = fields_of (records[i], "extend", 3);
      guint64 k;
      guint64 next;

      if (f == NULL)
        continue;

      k = number (f[1]);
      next = ll_policy_resize (&policy, length, capacity, length + k);
      /* a reallocation that did not over-allocate by the usual formula */
      if (next != capacity && next != (((length + k) + ((length + k) >> 3) + 6) & ~G_GUINT64_CONSTANT (3)))
        jumps++;
      length += k;
      capacity = next;
      g_assert_cmpuint (length, ==, number (f[2]));
      g_assert_cmpuint (capacity, ==, number (f[3]));
      checked++;
    }

  g_assert_cmpuint (checked, ==, 407);
  /* The mix must really exercise the "big jump" rule. */
  g_test_message ("%u of %u extends took the big-jump rule", jumps, checked);
  g_assert_cmpuint (jumps, >, 10);
}

static void
test_fresh_extend (void)
{
  LlPolicy policy;
  guint checked = 0;

  if (!need_python (3, 10))
    return;

  ll_policy_init (&policy, LL_POLICY_CPYTHON);

  for (guint i = 0; records[i] != NULL; i++)
    {
      g_auto(GStrv) f = fields_of (records[i], "fresh", 2);
      guint64 k;

      if (f == NULL)
        continue;

      k = number (f[1]);
      /* [].extend([x]) preallocates 2, but the engine's batch of 1 is an
       * append (4), as the policy documents. */
      if (k == 1)
        g_assert_cmpuint (number (f[2]), ==, 2);
      else
        g_assert_cmpuint (ll_policy_resize (&policy, 0, 0, k), ==, number (f[2]));
      checked++;
    }

  g_assert_cmpuint (checked, ==, 76);
}

static void
test_range_then_append (void)
{
  LlPolicy policy;
  guint64 n = 0;
  guint64 length = 0;
  guint64 capacity = 0;
  guint ranges = 0;
  guint changes = 0;

  if (!need_python (3, 10))
    return;

  ll_policy_init (&policy, LL_POLICY_CPYTHON);

  for (guint i = 0; records[i] != NULL; i++)
    {
      g_auto(GStrv) r = fields_of (records[i], "range", 2);
      g_auto(GStrv) a = fields_of (records[i], "rappend", 3);

      if (r != NULL)
        {
          n = number (r[1]);
          length = n;
          capacity = ll_policy_initial_capacity (&policy, n);
          g_assert_cmpuint (capacity, ==, number (r[2]));
          ranges++;
        }
      else if (a != NULL)
        {
          guint64 want_length = number (a[2]);

          g_assert_cmpuint (number (a[1]), ==, n);
          while (length + 1 < want_length)
            {
              g_assert_cmpuint (ll_policy_resize (&policy, length, capacity, length + 1), ==, capacity);
              length++;
            }
          capacity = ll_policy_resize (&policy, length, capacity, length + 1);
          length++;
          g_assert_cmpuint (capacity, ==, number (a[3]));
          changes++;
        }
    }

  g_assert_cmpuint (ranges, ==, 22);
  g_assert_cmpuint (changes, >, 60);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  run_script ();
  if (records != NULL)
    {
      for (guint i = 0; records[i] != NULL; i++)
        {
          g_auto(GStrv) f = fields_of (records[i], "python", 2);

          if (f == NULL)
            continue;
          python_version = g_strdup (f[1]);
          if (g_strcmp0 (f[2], "CPython") != 0)
            skip_reason = g_strdup_printf ("%s is %s, not CPython", python_path, f[2]);
          else if (sscanf (f[1], "%u.%u", &version_major, &version_minor) != 2)
            g_error ("cannot read the python version “%s”", f[1]);
        }
      g_assert_nonnull (python_version);
    }

  g_test_add_func ("/policy/python/interpreter", test_interpreter);
  g_test_add_func ("/policy/python/appends", test_appends);
  g_test_add_func ("/policy/python/extend-chain", test_extend_chain);
  g_test_add_func ("/policy/python/fresh-extend", test_fresh_extend);
  g_test_add_func ("/policy/python/range-then-append", test_range_then_append);

  ret = g_test_run ();

  g_strfreev (records);
  g_free (python_path);
  g_free (python_version);
  g_free (skip_reason);
  return ret;
}
