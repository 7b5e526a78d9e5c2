/* ll-reproduce.c — reproduce.py: a run's experiment in plain Python
 *
 * The script is ll-reproduce.py, a resource, with the run's settings put
 * in place of its @NAME@ words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "listlab-engine-resources.h"
#include "ll-element.h"
#include "ll-policy.h"
#include "ll-reproduce.h"

#define SCRIPT_PATH "/io/github/listlab/ListLab/engine/reproduce.py"

static void
put (GString    *script,
     const char *name,
     const char *value)
{
  g_autofree char *word = g_strdup_printf ("@%s@", name);

  g_string_replace (script, word, value, 0);
}

static void
put_number (GString    *script,
            const char *name,
            guint64     value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, value);

  put (script, name, text);
}

char *
ll_reproduce_script (const LlRunConfig *config,
                     guint64            final_length,
                     const char        *title)
{
  g_autoptr(GBytes) template = NULL;
  g_autofree char *one_line = NULL;
  char factor[G_ASCII_DTOSTR_BUF_SIZE];
  GString *script;

  g_return_val_if_fail (config != NULL, NULL);

  /* From the resource itself: nothing else links its object in. */
  template = g_resource_lookup_data (ll_engine_get_resource (), SCRIPT_PATH,
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (template != NULL);
  script = g_string_new_len (g_bytes_get_data (template, NULL), g_bytes_get_size (template));

  /* The title is a comment: one line. */
  one_line = g_strdup (title != NULL ? title : "");
  g_strdelimit (one_line, "\r\n", ' ');
  put (script, "TITLE", one_line);
  put (script, "VERSION", PACKAGE_VERSION);
  put (script, "POLICY", ll_policy_get_info (config->policy.kind)->name);
  put_number (script, "INCREMENT", config->policy.increment);
  /* 17 digits: Python reads back the same double. */
  g_ascii_formatd (factor, sizeof factor, "%.17g", config->policy.factor);
  put (script, "FACTOR", factor);
  put_number (script, "CONSTANT", config->policy.constant);
  put_number (script, "ROUND", config->policy.round);
  put (script, "ELEMENT", ll_element_get_info (config->element)->name);
  put_number (script, "SLOT_BYTES", ll_element_get_info (config->element)->slot_bytes);
  put_number (script, "HEADER_BYTES", ll_run_config_header_bytes (config));
  put_number (script, "INITIAL_LENGTH", config->initial_length);
  put_number (script, "BATCH", MAX (config->batch, 1));
  put_number (script, "FINAL_LENGTH", final_length);

  return g_string_free (script, FALSE);
}
