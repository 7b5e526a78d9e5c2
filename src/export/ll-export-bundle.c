/* ll-export-bundle.c — one folder with everything about a run, to hand out
 *
 * Every file but the README and the comparison is an export job or the
 * run file, snapshotted here and written later; the folder is filled
 * under a hidden name and renamed into place once whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/utsname.h>

#include "ll-comparison.h"
#include "ll-export-bundle.h"
#include "ll-export-job.h"
#include "ll-export-size.h"
#include "ll-mem.h"
#include "ll-output.h"
#include "ll-run-file.h"
#include "ll-size.h"
#include "ll-summary.h"

struct _LlExportBundle
{
  char      *dir;
  GPtrArray *jobs;        /* LlExportJob, each with its file's name as path */
  GPtrArray *snapshots;   /* LlRunSnapshot: runs.listlab */
  char      *readme;
  char      *comparison;  /* comparison.csv, or NULL */
  GPtrArray *names;       /* every file, in the order written */
};

void
ll_export_bundle_free (LlExportBundle *self)
{
  if (self == NULL)
    return;

  g_free (self->dir);
  g_ptr_array_unref (self->jobs);
  g_ptr_array_unref (self->snapshots);
  g_free (self->readme);
  g_free (self->comparison);
  g_ptr_array_unref (self->names);
  g_free (self);
}

static void
add_name (LlExportBundle *self,
          const char     *name)
{
  g_ptr_array_add (self->names, g_strdup (name));
}

static gboolean
add_job (LlExportBundle  *self,
         LlExportKind     kind,
         const char      *name,
         LlRun           *run,
         LlUnits          units,
         GError         **error)
{
  LlExportJob *job = ll_export_job_new_for_run (kind, name, run, units, error);

  if (job == NULL)
    return FALSE;
  g_ptr_array_add (self->jobs, job);
  add_name (self, name);
  return TRUE;
}

static void
add_image (LlExportBundle *self,
           guint           what,
           LlExportFormat  format,
           const char     *name,
           LlRun          *run,
           GPtrArray      *others,
           LlUnits         units)
{
  LlEngineStatus status;
  LlExportJob *job;

  job = ll_export_job_new_for_run (what == LL_EXPORT_REPORT ? LL_EXPORT_KIND_REPORT : LL_EXPORT_KIND_CHART,
                                   name, run, units, NULL);
  if (job == NULL)
    return;
  ll_run_get_status (run, &status);
  job->what = what;
  job->format = format;
  job->options.units = units;
  job->options.draw_title = TRUE;
  job->options.reserve_bytes = ll_run_get_kind (run) == LL_RUN_REAL ? status.reserve_bytes : 0;
  /* One run alone keeps its own colours. */
  if (others == NULL || others->len == 0)
    job->style = 0;
  for (guint i = 0; others != NULL && i < others->len; i++)
    ll_export_job_add_run (job, g_ptr_array_index (others, i), ll_run_get_style (g_ptr_array_index (others, i)));
  ll_export_size_resolve (what, format, 0, 0, 0, 0, &job->width, &job->height);
  g_ptr_array_add (self->jobs, job);
  add_name (self, name);
}

/* "Debian GNU/Linux 12 (bookworm), Linux 6.1.0 x86_64, 2 × Intel(R) Xeon(R) …, 24.00 GiB" */
static char *
describe_machine (void)
{
  g_autofree char *os = g_get_os_info (G_OS_INFO_KEY_PRETTY_NAME);
  g_autofree char *cpuinfo = NULL;
  g_autofree char *cpu = NULL;
  g_autofree char *memory = NULL;
  LlMemInfo mem = { 0 };
  struct utsname un;
  GString *text = g_string_new (os != NULL ? os : "Linux");

  if (uname (&un) == 0)
    g_string_append_printf (text, ", %s %s %s", un.sysname, un.release, un.machine);

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (cpuinfo, "\n", -1);

      for (guint i = 0; lines[i] != NULL && cpu == NULL; i++)
        if (g_str_has_prefix (lines[i], "model name"))
          {
            const char *colon = strchr (lines[i], ':');

            if (colon != NULL)
              cpu = g_strstrip (g_strdup (colon + 1));
          }
    }
  g_string_append_printf (text, ", %u × %s", g_get_num_processors (), cpu != NULL ? cpu : "CPU");
  if (ll_mem_read_system (&mem, NULL, NULL))
    {
      memory = ll_format_bytes (mem.total_bytes, LL_UNITS_IEC);
      /* Translators: the machine's memory in a bundle's README, "24.00 GiB of memory" */
      g_string_append_printf (text, _(", %s of memory"), memory);
    }

  return g_string_free (text, FALSE);
}

static void
append_rows (GString   *text,
             GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const LlSummaryRow *row = g_ptr_array_index (rows, i);

      g_string_append_printf (text, "  %s: %s\n", row->label, row->value);
    }
}

static char *
make_readme (LlExportBundle *self,
             LlRun          *run,
             GPtrArray      *others,
             gboolean        with_samples,
             LlUnits         units)
{
  const LlRunConfig *config = ll_run_get_config (run);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *machine = describe_machine ();
  g_autofree char *why = ll_run_dup_stop_message (run, units);
  g_autofree char *length = NULL;
  g_autofree char *bytes = NULL;
  g_autoptr(GPtrArray) settings = NULL;
  LlEngineStatus status;
  GString *text = g_string_new (NULL);

  ll_run_get_status (run, &status);
  length = ll_format_count_exact (status.length);
  bytes = ll_format_bytes (status.container_bytes + status.objects_bytes, units);
  settings = ll_summary_settings_rows (config, status.reserve_bytes == G_MAXUINT64 ? 0 : status.reserve_bytes,
                                       units);

  g_string_append_printf (text, "%s\n\n", ll_run_get_title (run));
  /* Translators: a bundle's README: the date, List Lab's version, the machine */
  g_string_append_printf (text, _("Made on %s by List Lab %s on %s.\n\n"), date, PACKAGE_VERSION, machine);
  g_string_append_printf (text, "%s\n", _("What was run:"));
  append_rows (text, settings);
  /* Translators: how a run ended, in a bundle's README: "Reached the target of
   * 10.00 GB: 1,342,177,281 elements, 10.00 GiB" */
  g_string_append_printf (text, "\n%s\n  ", _("How it ended:"));
  g_string_append_printf (text, _("%s: %s elements, %s"), why, length, bytes);
  g_string_append (text, "\n");
  if (others != NULL && others->len > 0)
    {
      g_string_append_printf (text, "\n%s\n", _("Compared with:"));
      for (guint i = 0; i < others->len; i++)
        g_string_append_printf (text, "  %s\n", ll_run_get_title (g_ptr_array_index (others, i)));
    }

  g_string_append_printf (text, "\n%s\n", _("The files:"));
  g_string_append_printf (text, "  events.csv — %s\n", _("every reallocation, one a row"));
  if (with_samples)
    g_string_append_printf (text, "  samples.csv — %s\n", _("the memory samples taken during the run"));
  g_string_append_printf (text, "  reproduce.py — %s\n",
                          _("the experiment in plain Python: “python3 reproduce.py” grows the list "
                            "again and prints each reallocation; with --csv, the first six columns "
                            "of events.csv"));
  g_string_append_printf (text, "  capacity, growth, time, memory (.png, .svg) — %s\n", _("the charts"));
  g_string_append_printf (text, "  charts (.png, .svg) — %s\n", _("the four charts together"));
  g_string_append_printf (text, "  report.pdf — %s\n", _("the one-page report"));
  if (self->comparison != NULL)
    g_string_append_printf (text, "  comparison.csv — %s\n", _("what each run cost, side by side"));
  g_string_append_printf (text, "  runs.listlab — %s\n",
                          _("the runs, to open in List Lab (Open Runs, or “listlab runs.listlab”)"));
  return g_string_free (text, FALSE);
}

static char *
make_comparison (LlRun     *run,
                 GPtrArray *others)
{
  GString *text = g_string_new (LL_COMPARISON_CSV_HEADER "\n");
  LlMemInfo mem = { 0 };
  guint64 spare = ll_mem_read_system (&mem, NULL, NULL) ? ll_mem_info_spare (&mem) : 0;

  for (guint i = 0; i <= others->len; i++)
    {
      LlRun *r = i == 0 ? run : g_ptr_array_index (others, i - 1);
      g_autofree char *row = NULL;
      LlComparison comparison;

      ll_run_get_comparison (r, spare, &comparison);
      row = ll_comparison_format_csv (ll_run_get_config (r), &comparison);
      g_string_append_printf (text, "%s\n", row);
    }

  return g_string_free (text, FALSE);
}

/* The folder @dir names: "class/" is the folder "class", the name the
 * bundle is renamed to at the end and whose parent it goes in. */
static char *
folder_name (const char *dir)
{
  char *name = g_strdup (dir);

  for (gsize len = strlen (name); len > 1 && G_IS_DIR_SEPARATOR (name[len - 1]); len--)
    name[len - 1] = '\0';
  return name;
}

gboolean
ll_export_bundle_check_dir (const char  *dir,
                            GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *parent_shown = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);

  shown = g_filename_display_name (dir);
  if (g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Cannot write the bundle “%s”: it exists already; choose a new folder name"), shown);
      return FALSE;
    }

  name = folder_name (dir);
  parent = g_path_get_dirname (name);
  parent_shown = g_filename_display_name (parent);
  if (g_file_test (parent, G_FILE_TEST_IS_DIR))
    return TRUE;
  if (g_file_test (parent, G_FILE_TEST_EXISTS))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                 _("Cannot write the bundle “%s”: “%s” is a file, not a folder"), shown, parent_shown);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("Cannot write the bundle “%s”: there is no folder “%s”"), shown, parent_shown);
  return FALSE;
}

LlExportBundle *
ll_export_bundle_new (LlRun       *run,
                      GPtrArray   *others,
                      const char  *dir,
                      LlUnits      units,
                      GError     **error)
{
  g_autoptr(LlExportBundle) self = NULL;
  LlHistoryCounters counters;
  static const char * const charts[] = { "capacity", "growth", "time", "memory" };

  g_return_val_if_fail (LL_IS_RUN (run), NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  if (!ll_export_bundle_check_dir (dir, error))
    return NULL;

  self = g_new0 (LlExportBundle, 1);
  self->dir = folder_name (dir);
  self->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_export_job_unref);
  self->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_run_snapshot_free);
  self->names = g_ptr_array_new_with_free_func (g_free);

  if (!add_job (self, LL_EXPORT_KIND_EVENTS, "events.csv", run, units, error))
    return NULL;
  ll_history_get_counters (ll_run_get_history (run), &counters);
  if (counters.n_samples > 0 && !add_job (self, LL_EXPORT_KIND_SAMPLES, "samples.csv", run, units, error))
    return NULL;
  if (!add_job (self, LL_EXPORT_KIND_SCRIPT, "reproduce.py", run, units, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autofree char *png = g_strconcat (charts[i], ".png", NULL);
      g_autofree char *svg = g_strconcat (charts[i], ".svg", NULL);

      add_image (self, i, LL_EXPORT_PNG, png, run, others, units);
      add_image (self, i, LL_EXPORT_SVG, svg, run, others, units);
    }
  /* The four together, as the window shows them. */
  add_image (self, LL_EXPORT_ALL_CHARTS, LL_EXPORT_PNG, "charts.png", run, others, units);
  add_image (self, LL_EXPORT_ALL_CHARTS, LL_EXPORT_SVG, "charts.svg", run, others, units);
  add_image (self, LL_EXPORT_REPORT, LL_EXPORT_PDF, "report.pdf", run, others, units);

  if (others != NULL && others->len > 0)
    {
      self->comparison = make_comparison (run, others);
      add_name (self, "comparison.csv");
    }

  g_ptr_array_add (self->snapshots, ll_run_snapshot_new (run));
  for (guint i = 0; others != NULL && i < others->len; i++)
    g_ptr_array_add (self->snapshots, ll_run_snapshot_new (g_ptr_array_index (others, i)));
  add_name (self, "runs.listlab");

  self->readme = make_readme (self, run, others, counters.n_samples > 0, units);
  add_name (self, "README.txt");

  return g_steal_pointer (&self);
}

static gboolean
write_text (const char  *dir,
            const char  *name,
            const char  *text,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(LlOutput) output = ll_output_open (path, error);

  return output != NULL &&
         ll_output_write (output, text, strlen (text), error) &&
         ll_output_commit (output, error);
}

static void
remove_folder (const char *dir,
               GPtrArray  *names)
{
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static gboolean
fill (LlExportBundle  *self,
      const char      *work,
      GCancellable    *cancellable,
      GError         **error)
{
  for (guint i = 0; i < self->jobs->len; i++)
    {
      LlExportJob *job = g_ptr_array_index (self->jobs, i);
      g_autofree char *name = g_path_get_basename (job->path);

      g_free (job->path);
      job->path = g_build_filename (work, name, NULL);
      if (!ll_export_job_run (job, cancellable, error))
        return FALSE;
    }

  if (self->comparison != NULL && !write_text (work, "comparison.csv", self->comparison, error))
    return FALSE;

  {
    g_autofree char *runs = g_build_filename (work, "runs.listlab", NULL);

    if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
        !ll_run_file_write ((LlRunSnapshot * const *) self->snapshots->pdata, self->snapshots->len,
                            runs, error))
      return FALSE;
  }

  return write_text (work, "README.txt", self->readme, error);
}

/* The files are written in a hidden folder beside @dir first: a message
 * names them where they were going, in the folder the person chose. */
static void
name_final_folder (GError     *error,
                   const char *work,
                   const char *dir)
{
  g_autofree char *from = g_filename_display_name (work);
  g_autofree char *to = g_filename_display_name (dir);
  GString *message;

  if (error == NULL)
    return;
  message = g_string_new (error->message);
  g_string_replace (message, from, to, 0);
  g_free (error->message);
  error->message = g_string_free (message, FALSE);
}

gboolean
ll_export_bundle_write (LlExportBundle  *self,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) local_error = NULL;
  char *work;

  g_return_val_if_fail (self != NULL, FALSE);

  parent = g_path_get_dirname (self->dir);
  base = g_path_get_basename (self->dir);
  shown = g_filename_display_name (self->dir);
  template = g_strdup_printf ("%s/.%s.partial-XXXXXX", parent, base);
  work = g_mkdtemp (template);
  if (work == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write the bundle “%s”: %s"), shown, g_strerror (saved));
      return FALSE;
    }

  if (!fill (self, work, cancellable, &local_error))
    {
      remove_folder (work, self->names);
      name_final_folder (local_error, work, self->dir);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* As a folder made the usual way (g_mkdtemp () makes it private). */
  g_chmod (work, 0755);
  /* Into place whole; a folder that appeared meanwhile is left alone. */
  if (g_file_test (self->dir, G_FILE_TEST_EXISTS) || g_rename (work, self->dir) != 0)
    {
      int saved = g_file_test (self->dir, G_FILE_TEST_EXISTS) ? EEXIST : errno;

      remove_folder (work, self->names);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write the bundle “%s”: %s"), shown, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
