/* test-reproduce.c — reproduce.py: the run's settings put in the script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "engine-test.h"
#include "ll-policy.h"
#include "ll-reproduce.h"

/* The value the script gives @name, as in "NAME = value" on its own line. */
static char *
setting (const char *script,
         const char *name)
{
  g_autofree char *start = g_strdup_printf ("\n%s = ", name);
  const char *p = strstr (script, start);
  const char *end;

  g_assert_nonnull (p);
  p += strlen (start);
  end = strchr (p, '\n');
  g_assert_nonnull (end);

  return g_strndup (p, (gsize) (end - p));
}

/* Every word the template leaves to fill is filled, for every policy and
 * element model: no "@NAME@" is left for Python to choke on. */
static void
test_every_word_filled (void)
{
  g_autoptr(GRegex) word = g_regex_new ("@[A-Z_]+@", 0, 0, NULL);

  for (LlPolicyKind kind = 0; kind < LL_N_POLICIES; kind++)
    for (LlElement element = 0; element < LL_N_ELEMENTS; element++)
      {
        g_autofree char *script = NULL;
        g_autofree char *policy = NULL;
        g_autofree char *quoted = NULL;
        LlRunConfig config;

        ll_run_config_init (&config);
        ll_policy_init (&config.policy, kind);
        config.element = element;
        script = ll_reproduce_script (&config, 1000, "A run");
        g_assert_true (g_str_has_prefix (script, "#!/usr/bin/env python3\n"));
        g_assert_false (g_regex_match (word, script, 0, NULL));
        policy = setting (script, "POLICY");
        quoted = g_strdup_printf ("\"%s\"", ll_policy_get_info (kind)->name);
        g_assert_cmpstr (policy, ==, quoted);
      }
}

/* The notebook's experiment: list(range(20_000_000)) of Python objects,
 * grown to 40 M. */
static void
test_notebook_settings (void)
{
  g_autofree char *script = NULL;
  LlRunConfig config;
  struct {
    const char *name;
    const char *value;
  } expected[] = {
    { "POLICY", "\"cpython\"" },
    { "ELEMENT", "\"boxed\"" },
    { "SLOT_BYTES", "8" },
    { "HEADER_BYTES", "56" },
    { "INITIAL_LENGTH", "20000000" },
    { "BATCH", "1" },
    { "FINAL_LENGTH", "40000000" },
  };

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_CPYTHON);
  config.element = LL_ELEMENT_BOXED;
  config.initial_length = 20000000;
  config.batch = 0;
  script = ll_reproduce_script (&config, 40000000, "The notebook");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *value = setting (script, expected[i].name);

      g_assert_cmpstr (value, ==, expected[i].value);
    }
  g_assert_nonnull (strstr (script, "\n# The notebook\n"));
}

/* A custom rule's factor reads back as the same double in Python, and its
 * other parameters stand as they were set. */
static void
test_custom_rule (void)
{
  const double factors[] = { 1.5, 1.1, 1.125, 2.0, 1.0 + 1e-9 };

  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    {
      g_autofree char *script = NULL;
      g_autofree char *factor = NULL;
      g_autofree char *constant = NULL;
      g_autofree char *round = NULL;
      LlRunConfig config;

      ll_run_config_init (&config);
      ll_policy_init (&config.policy, LL_POLICY_CUSTOM);
      config.policy.factor = factors[i];
      config.policy.constant = 7;
      config.policy.round = 16;
      script = ll_reproduce_script (&config, 1000, NULL);

      factor = setting (script, "FACTOR");
      g_assert_cmpfloat (g_ascii_strtod (factor, NULL), ==, factors[i]);
      constant = setting (script, "CONSTANT");
      g_assert_cmpstr (constant, ==, "7");
      round = setting (script, "ROUND");
      g_assert_cmpstr (round, ==, "16");
    }
}

/* The title is a comment line: a name with line breaks cannot put code in
 * the script. */
static void
test_title_one_line (void)
{
  g_autofree char *script = NULL;
  LlRunConfig config;

  ll_run_config_init (&config);
  script = ll_reproduce_script (&config, 1000, "Two\nlines\r\nimport os");
  g_assert_nonnull (strstr (script, "\n# Two lines  import os\n"));
  g_assert_null (strstr (script, "\nimport os"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reproduce/every-word-filled", test_every_word_filled);
  g_test_add_func ("/reproduce/notebook", test_notebook_settings);
  g_test_add_func ("/reproduce/custom-rule", test_custom_rule);
  g_test_add_func ("/reproduce/title-one-line", test_title_one_line);

  return g_test_run ();
}
