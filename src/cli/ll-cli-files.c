/* ll-cli-files.c — the files one listlab-cli command writes, all or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include <glib/gi18n.h>

#include "ll-cli-files.h"
#include "ll-export-bundle.h"
#include "ll-size.h"

typedef struct
{
  const char *path;
  LlOutput   *output;
  gboolean    written;    /* in place */
} Entry;

struct _LlCliFiles
{
  Entry  entries[LL_CLI_N_FILES];
  GMutex lock;            /* held while a file is put in place */
};

static const char * const options_of[LL_CLI_N_FILES] = {
  "--events", "--samples", "--contents", "--png", "--svg", "--pdf", "--csv", "--reproduce",
};

const char *
ll_cli_file_option (LlCliFile file)
{
  g_return_val_if_fail (file < LL_CLI_N_FILES, NULL);

  return options_of[file];
}

const char *
ll_cli_file_path (const LlCliOptions *o,
                  LlCliFile           file)
{
  const char *paths[LL_CLI_N_FILES] = {
    o->events, o->samples, o->contents, o->png, o->svg, o->pdf, o->csv, o->reproduce,
  };

  g_return_val_if_fail (file < LL_CLI_N_FILES, NULL);

  return paths[file];
}

LlCliFiles *
ll_cli_files_open (const LlCliOptions  *o,
                   GError             **error)
{
  g_autoptr(LlCliFiles) files = g_new0 (LlCliFiles, 1);

  g_mutex_init (&files->lock);
  /* A bundle goes to a new folder: said before the work. */
  if (o->bundle != NULL && !ll_export_bundle_check_dir (o->bundle, error))
    return NULL;
  for (guint i = 0; i < LL_CLI_N_FILES; i++)
    {
      Entry *e = &files->entries[i];

      e->path = ll_cli_file_path (o, i);
      if (e->path != NULL && !(e->output = ll_output_open (e->path, error)))
        return NULL;
    }

  return g_steal_pointer (&files);
}

LlOutput *
ll_cli_files_get (LlCliFiles *files,
                  LlCliFile   file)
{
  g_return_val_if_fail (files != NULL && file < LL_CLI_N_FILES, NULL);

  return files->entries[file].output;
}

void
ll_cli_files_drop (LlCliFiles *files,
                   LlCliFile   file)
{
  g_return_if_fail (files != NULL && file < LL_CLI_N_FILES);

  g_clear_pointer (&files->entries[file].output, ll_output_free);
  files->entries[file].path = NULL;
}

/* A file put in place by a rename: not standard output, and not a device
 * or a FIFO, which are written as they go. */
static gboolean
is_file (const Entry *e)
{
  struct stat st;

  if (e->path == NULL || g_str_equal (e->path, "-"))
    return FALSE;
  return stat (e->path, &st) != 0 || S_ISREG (st.st_mode);
}

/* "“a.csv”, “b.png” and “c.txt”" */
static char *
join_names (const LlCliFiles *files,
            gboolean          written)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *text;

  for (guint i = 0; i < LL_CLI_N_FILES; i++)
    {
      const Entry *e = &files->entries[i];

      if (is_file (e) && e->written == written)
        {
          g_autofree char *shown = ll_format_escaped (e->path);

          g_ptr_array_add (names, g_strdup_printf ("“%s”", shown));
        }
    }
  if (names->len == 0)
    return NULL;

  text = g_string_new (g_ptr_array_index (names, 0));
  for (guint i = 1; i < names->len; i++)
    g_string_append_printf (text, i + 1 < names->len ? ", %s" : _(" and %s"),
                            (char *) g_ptr_array_index (names, i));
  return g_string_free (text, FALSE);
}

static guint
count_files (const LlCliFiles *files,
             gboolean          written)
{
  guint n = 0;

  for (guint i = 0; i < LL_CLI_N_FILES; i++)
    n += is_file (&files->entries[i]) && files->entries[i].written == written;
  return n;
}

char *
ll_cli_files_describe (LlCliFiles *files)
{
  g_autofree char *kept = NULL;
  g_autofree char *lost = NULL;
  guint n_lost;

  if (files == NULL)
    return NULL;

  kept = join_names (files, TRUE);
  lost = join_names (files, FALSE);
  n_lost = count_files (files, FALSE);

  if (kept == NULL && lost == NULL)
    return NULL;
  if (kept == NULL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "No file was written: %s is as it was.",
                                         "No file was written: %s are as they were.", n_lost),
                            lost);
  if (lost == NULL)
    return g_strdup_printf (_("Written: %s."), kept);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Written: %s; not written: %s, which is as it was.",
                                       "Written: %s; not written: %s, which are as they were.",
                                       n_lost),
                          kept, lost);
}

/* @local, and which files were written and which are as they were (when
 * any of them is a file: a device or a pipe has nothing to keep). */
static gboolean
fail_commit (LlCliFiles  *files,
             GError      *local,
             GError     **error)
{
  g_autofree char *what = ll_cli_files_describe (files);

  if (what != NULL)
    g_set_error (error, local->domain, local->code, "%s %s", local->message, what);
  else
    g_set_error_literal (error, local->domain, local->code, local->message);
  return FALSE;
}

gboolean
ll_cli_files_commit (LlCliFiles  *files,
                     GError     **error)
{
  g_return_val_if_fail (files != NULL, FALSE);

  /* The long part first, for all: a disk that fills up shows here, while
   * every destination is still as it was. */
  for (guint i = 0; i < LL_CLI_N_FILES; i++)
    {
      Entry *e = &files->entries[i];
      g_autoptr(GError) local = NULL;

      if (e->output != NULL && !ll_output_sync (e->output, &local))
        return fail_commit (files, local, error);
    }

  for (guint i = 0; i < LL_CLI_N_FILES; i++)
    {
      Entry *e = &files->entries[i];
      g_autoptr(GError) local = NULL;
      gboolean ok;

      if (e->output == NULL)
        continue;

      g_mutex_lock (&files->lock);
      ok = ll_output_commit (e->output, &local);
      e->written = ok;
      g_mutex_unlock (&files->lock);

      if (!ok)
        return fail_commit (files, local, error);
    }

  return TRUE;
}

char *
ll_cli_files_abandon (LlCliFiles *files)
{
  /* Wait for a file being put in place, and let no other follow. */
  if (files != NULL)
    g_mutex_lock (&files->lock);
  ll_output_remove_temporary_files ();
  return ll_cli_files_describe (files);
}

void
ll_cli_files_free (LlCliFiles *files)
{
  if (files == NULL)
    return;

  for (guint i = 0; i < LL_CLI_N_FILES; i++)
    ll_output_free (files->entries[i].output);
  g_mutex_clear (&files->lock);
  g_free (files);
}
