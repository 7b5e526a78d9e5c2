/* ll-verify.c — the same experiment in the real interpreter, and the verdict
 *
 * The interpreter runs a small script: it builds the list as the run does
 * (list(range(n)), then append (1) or append (i), or extends of a batch)
 * and prints every change of sys.getsizeof (list) with its process's RSS.
 * List Lab's side is the growth stepper the engine and the simulation
 * follow, so the verdict compares the interpreter with both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ll-arith.h"
#include "ll-element.h"
#include "ll-growth.h"
#include "ll-mem.h"
#include "ll-policy.h"
#include "ll-size.h"
#include "ll-verify.h"

/* Python ints of the boxed model take 28 bytes, 32 with the allocator's
 * rounding; the interpreter itself some tens of MiB. */
#define PYTHON_INT_BYTES 32
#define PYTHON_PROCESS_BYTES (64 * 1024 * 1024)

static const char script[] =
  "import os, sys, time\n"
  "n0, end, batch, boxed = (int(a) for a in sys.argv[1:5])\n"
  "page = os.sysconf('SC_PAGE_SIZE')\n"
  "getsizeof = sys.getsizeof\n"
  "def rss():\n"
  "    with open('/proc/self/statm') as f:\n"
  "        return int(f.read().split()[1]) * page\n"
  "def free():\n"
  "    with open('/proc/meminfo') as f:\n"
  "        for line in f:\n"
  "            if line.startswith('MemAvailable:'):\n"
  "                return int(line.split()[1]) * 1024\n"
  "    return 0\n"
  "v = sys.version_info\n"
  "print('version %d.%d.%d' % (v[0], v[1], v[2]), flush=True)\n"
  "t0 = time.monotonic_ns()\n"
  "lst = list(range(n0))\n"
  "last = getsizeof(lst)\n"
  "print('start', len(lst), last, rss(), free(), time.monotonic_ns() - t0, flush=True)\n"
  "n = n0\n"
  "while n < end:\n"
  "    stop = min(end, n + (1 << 20))\n"
  "    if batch == 1:\n"
  "        append = lst.append\n"
  "        while n < stop:\n"
  "            append(n if boxed else 1)\n"
  "            n += 1\n"
  "            size = getsizeof(lst)\n"
  "            if size != last:\n"
  "                last = size\n"
  "                print('point', n, size, rss(), free(), time.monotonic_ns() - t0, flush=True)\n"
  "    else:\n"
  "        while n < stop:\n"
  "            k = min(batch, end - n)\n"
  "            lst.extend(list(range(n, n + k)) if boxed else [1] * k)\n"
  "            n += k\n"
  "            size = getsizeof(lst)\n"
  "            if size != last:\n"
  "                last = size\n"
  "                print('point', n, size, rss(), free(), time.monotonic_ns() - t0, flush=True)\n"
  "    print('at', n, flush=True)\n"
  "print('end', n, flush=True)\n";

struct _LlVerify
{
  LlRunConfig  config;
  char        *python;
  char        *version;
  guint64      final_length;
  guint64      final_capacity;
  GArray      *points;        /* LlVerifyPoint */
  LlVerifyPoint start;        /* the list before the first append */
  guint64      done;          /* elements the interpreter's list holds (atomic) */
};

static char *
find_python (const char  *python,
             GError     **error)
{
  char *found;

  if (python != NULL)
    {
      if (g_file_test (python, G_FILE_TEST_IS_EXECUTABLE) && !g_file_test (python, G_FILE_TEST_IS_DIR))
        return g_strdup (python);
      if (!g_path_is_absolute (python) && (found = g_find_program_in_path (python)) != NULL)
        return found;
      {
        g_autofree char *shown = ll_format_escaped (python);

        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("“%s” is not a program that can be run"), shown);
      }
      return NULL;
    }

  if ((found = g_find_program_in_path ("python3")) != NULL)
    return found;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("No python3 was found. Install it (on Debian: sudo apt install python3) "
                         "or give the interpreter to use."));
  return NULL;
}

LlVerify *
ll_verify_new (const LlRunConfig  *config,
               const char         *python,
               GError            **error)
{
  g_autoptr(LlVerify) self = NULL;
  LlGrowth growth;
  LlGrowthStep step;

  g_return_val_if_fail (config != NULL, NULL);

  if (!ll_run_config_validate (config, error))
    return NULL;

  if (config->policy.kind != LL_POLICY_CPYTHON && config->policy.kind != LL_POLICY_CPYTHON_38)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only CPython’s own policies can be checked against the interpreter: "
                             "choose cpython (CPython 3.9 and later) or cpython-3.8."));
      return NULL;
    }
  if (config->element != LL_ELEMENT_SHARED && config->element != LL_ELEMENT_BOXED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A Python list holds objects: check the shared or the boxed element "
                             "model against the interpreter."));
      return NULL;
    }

  self = g_new0 (LlVerify, 1);
  self->config = *config;
  self->points = g_array_new (FALSE, FALSE, sizeof (LlVerifyPoint));

  /* Where the run ends: the stepper says. */
  ll_growth_init (&growth, config);
  while (ll_growth_next (&growth, &step))
    ;
  self->final_length = growth.length;
  self->final_capacity = growth.capacity;

  if (!(self->python = find_python (python, error)))
    return NULL;

  return g_steal_pointer (&self);
}

void
ll_verify_free (LlVerify *self)
{
  if (self == NULL)
    return;

  g_free (self->python);
  g_free (self->version);
  g_array_unref (self->points);
  g_free (self);
}

guint64
ll_verify_get_length (LlVerify *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->final_length;
}

guint64
ll_verify_get_bytes (LlVerify *self)
{
  guint64 bytes;

  g_return_val_if_fail (self != NULL, 0);

  bytes = ll_sat_add (LL_LIST_HEADER_BYTES, ll_sat_mul (self->final_capacity, 8));
  if (self->config.element == LL_ELEMENT_BOXED || self->config.initial_length > 0)
    bytes = ll_sat_add (bytes, ll_sat_mul (self->final_length, PYTHON_INT_BYTES));
  return ll_sat_add (bytes, PYTHON_PROCESS_BYTES);
}

double
ll_verify_get_fraction (LlVerify *self)
{
  guint64 done;

  g_return_val_if_fail (self != NULL, 0);

  done = __atomic_load_n (&self->done, __ATOMIC_RELAXED);
  return self->final_length > 0 ? (double) done / self->final_length : 1.0;
}

const char *
ll_verify_get_version (LlVerify *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->version;
}

const LlVerifyPoint *
ll_verify_get_points (LlVerify *self,
                      gsize    *n_points)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_points != NULL)
    *n_points = self->points->len;
  return (const LlVerifyPoint *) (gpointer) self->points->data;
}

/* The interpreter goes when this process does, however it ends. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static gboolean
parse_u64 (const char *text,
           guint64    *value)
{
  return g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, value, NULL);
}

/* One line of the script's output. */
static gboolean
take_line (LlVerify    *self,
           const char  *line)
{
  g_auto(GStrv) fields = g_strsplit (line, " ", -1);
  guint n = g_strv_length (fields);
  guint64 value;

  if (n == 2 && g_str_equal (fields[0], "version"))
    {
      g_free (self->version);
      self->version = g_strdup (fields[1]);
      return TRUE;
    }
  if (n == 6 && (g_str_equal (fields[0], "point") || g_str_equal (fields[0], "start")))
    {
      LlVerifyPoint point;

      if (!parse_u64 (fields[1], &point.length) || !parse_u64 (fields[2], &point.bytes) ||
          !parse_u64 (fields[3], &point.rss_bytes) || !parse_u64 (fields[4], &point.available_bytes) ||
          !parse_u64 (fields[5], &point.elapsed_ns))
        return FALSE;
      if (g_str_equal (fields[0], "point"))
        g_array_append_val (self->points, point);
      else
        self->start = point;
      __atomic_store_n (&self->done, point.length, __ATOMIC_RELAXED);
      return TRUE;
    }
  if (n == 2 && (g_str_equal (fields[0], "at") || g_str_equal (fields[0], "end")) &&
      parse_u64 (fields[1], &value))
    {
      __atomic_store_n (&self->done, value, __ATOMIC_RELAXED);
      return TRUE;
    }
  return FALSE;
}

gboolean
ll_verify_check_fits (LlVerify  *self,
                      GError   **error)
{
  LlMemInfo mem = { 0 };
  guint64 spare, reserve, need;
  gboolean read;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->config.mem_probe != NULL)
    read = self->config.mem_probe (&mem, self->config.mem_probe_data, NULL);
  else
    read = ll_mem_read_system (&mem, NULL, NULL);
  if (!read)
    return TRUE;

  spare = ll_mem_info_spare (&mem);
  reserve = ll_run_config_get_reserve (&self->config, &mem);
  need = ll_verify_get_bytes (self);
  if (spare > reserve && spare - reserve >= need)
    return TRUE;

  {
    g_autofree char *need_shown = ll_format_bytes (need, LL_UNITS_IEC);
    g_autofree char *spare_shown = ll_format_bytes (spare > reserve ? spare - reserve : 0, LL_UNITS_IEC);
    g_autofree char *reserve_shown = ll_format_bytes (reserve, LL_UNITS_IEC);

    g_set_error (error, LL_RUN_ERROR, LL_RUN_ERROR_TOO_LARGE,
                 _("The interpreter’s list would take about %s; the system can spare "
                   "%s above the reserve of %s. Choose a smaller target."),
                 need_shown, spare_shown, reserve_shown);
  }
  return FALSE;
}

/* The last line the interpreter wrote on its standard error (kept in
 * @fd, a file of no name), shortened to a line of a message; NULL if it
 * wrote nothing. */
static char *
last_error_line (int fd)
{
  char buf[4096];
  off_t size = lseek (fd, 0, SEEK_END);
  off_t from = size > (off_t) sizeof buf - 1 ? size - (off_t) (sizeof buf - 1) : 0;
  ssize_t n;
  g_auto(GStrv) lines = NULL;

  if (size <= 0)
    return NULL;
  do
    n = pread (fd, buf, sizeof buf - 1, from);
  while (n < 0 && errno == EINTR);
  if (n <= 0)
    return NULL;
  buf[n] = '\0';

  lines = g_strsplit (buf, "\n", -1);
  for (guint i = g_strv_length (lines); i > 0; i--)
    {
      g_strstrip (lines[i - 1]);
      if (lines[i - 1][0] != '\0')
        {
          g_autofree char *valid = g_utf8_make_valid (lines[i - 1], -1);

          if (g_utf8_strlen (valid, -1) > 200)
            *g_utf8_offset_to_pointer (valid, 200) = '\0';
          return ll_format_escaped (valid);
        }
    }
  return NULL;
}

/* Why the interpreter ended early: the signal that killed it (the
 * kernel's OOM killer sends SIGKILL), or the last line it wrote
 * (a MemoryError, a traceback's end). */
static void
set_stopped_error (GError     **error,
                   GSubprocess *process,
                   int          stderr_fd)
{
  g_autofree char *said = NULL;

  if (g_subprocess_get_if_signaled (process))
    {
      int sig = g_subprocess_get_term_sig (process);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   sig == SIGKILL
                   ? _("The interpreter was killed before the end (%s): the system may have run out of memory")
                   : _("The interpreter was killed before the end (%s)"),
                   g_strsignal (sig));
      return;
    }

  said = last_error_line (stderr_fd);
  if (said != NULL && g_str_has_prefix (said, "MemoryError"))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("The interpreter ran out of memory before the end (%s)"), said);
  else if (said != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("The interpreter stopped before the end, with exit status %d: %s"),
                 g_subprocess_get_exit_status (process), said);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("The interpreter stopped before the end, with exit status %d"),
                 g_subprocess_get_exit_status (process));
}

static gboolean
run_interpreter (LlVerify      *self,
                 int            stderr_fd,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *n0 = NULL;
  g_autofree char *end = NULL;
  g_autofree char *batch = NULL;
  char *line;

  g_array_set_size (self->points, 0);
  __atomic_store_n (&self->done, 0, __ATOMIC_RELAXED);

  n0 = g_strdup_printf ("%" G_GUINT64_FORMAT, self->config.initial_length);
  end = g_strdup_printf ("%" G_GUINT64_FORMAT, self->final_length);
  batch = g_strdup_printf ("%" G_GUINT64_FORMAT, self->config.batch);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_subprocess_launcher_take_stderr_fd (launcher, dup (stderr_fd));
  process = g_subprocess_launcher_spawn (launcher, &local_error, self->python, "-I", "-c", script,
                                         n0, end, batch,
                                         self->config.element == LL_ELEMENT_BOXED ? "1" : "0", NULL);
  if (process == NULL)
    {
      g_autofree char *shown = ll_format_escaped (self->python);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot run “%s”: %s"), shown,
                   local_error->message);
      return FALSE;
    }

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line (lines, NULL, cancellable, &local_error)) != NULL)
    {
      gboolean ok = take_line (self, line);

      g_free (line);
      if (!ok)
        {
          g_subprocess_force_exit (process);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The interpreter answered something unexpected"));
          return FALSE;
        }
    }

  if (local_error != NULL)
    {
      g_subprocess_force_exit (process);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!g_subprocess_wait (process, cancellable, &local_error))
    {
      g_subprocess_force_exit (process);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!g_subprocess_get_successful (process))
    {
      set_stopped_error (error, process, stderr_fd);
      return FALSE;
    }

  if (__atomic_load_n (&self->done, __ATOMIC_RELAXED) != self->final_length)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The interpreter stopped before the end"));
      return FALSE;
    }

  return TRUE;
}

gboolean
ll_verify_run (LlVerify      *self,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *stderr_path = NULL;
  gboolean ok;
  int stderr_fd;

  g_return_val_if_fail (self != NULL, FALSE);

  /* The interpreter's standard error goes to a file of no name: read after
   * the end, it cannot fill a pipe and stall the interpreter meanwhile. */
  stderr_fd = g_file_open_tmp ("listlab-verify-XXXXXX", &stderr_path, error);
  if (stderr_fd < 0)
    return FALSE;
  g_unlink (stderr_path);

  ok = run_interpreter (self, stderr_fd, cancellable, error);
  close (stderr_fd);
  return ok;
}

static guint64
capacity_of (guint64 bytes)
{
  return bytes > LL_LIST_HEADER_BYTES ? (bytes - LL_LIST_HEADER_BYTES) / 8 : 0;
}

static LlSample
sample_at (const LlVerify      *self,
           const LlVerifyPoint *p)
{
  LlSample sample = {
    .elapsed_ns = p->elapsed_ns,
    .length = p->length,
    .capacity = capacity_of (p->bytes),
    .container_bytes = p->bytes,
    .objects_bytes = ll_element_objects_bytes (self->config.element, p->length),
    .rss_bytes = p->rss_bytes,
    .available_bytes = p->available_bytes,
  };

  return sample;
}

LlRun *
ll_verify_create_run (LlVerify *self)
{
  g_autoptr(LlHistory) history = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(GArray) samples = NULL;
  g_autofree char *source = NULL;
  LlEngineStatus status = { 0 };
  const LlVerifyPoint *previous;
  LlSample sample;
  LlRun *run;

  g_return_val_if_fail (self != NULL, NULL);

  previous = &self->start;
  events = g_array_new (FALSE, TRUE, sizeof (LlEvent));
  samples = g_array_new (FALSE, TRUE, sizeof (LlSample));
  sample = sample_at (self, &self->start);
  g_array_append_val (samples, sample);
  for (guint i = 0; i < self->points->len; i++)
    {
      const LlVerifyPoint *p = &g_array_index (self->points, LlVerifyPoint, i);
      LlEvent e = {
        .length = p->length,
        .old_capacity = capacity_of (previous->bytes),
        .new_capacity = capacity_of (p->bytes),
        .old_bytes = previous->bytes,
        .new_bytes = p->bytes,
        .bytes_added = p->bytes > previous->bytes ? p->bytes - previous->bytes : 0,
        .elapsed_ns = p->elapsed_ns,
        .available_bytes = p->available_bytes,
      };

      g_array_append_val (events, e);
      sample = sample_at (self, p);
      g_array_append_val (samples, sample);
      previous = p;
    }

  history = ll_history_new (0);
  ll_history_set_start (history, self->start.length, capacity_of (self->start.bytes));
  ll_history_push_events (history, (const LlEvent *) (gpointer) events->data, events->len);
  ll_history_push_samples (history, (const LlSample *) (gpointer) samples->data, samples->len);

  status.stop_reason = LL_STOP_TARGET;
  status.length = MAX (__atomic_load_n (&self->done, __ATOMIC_RELAXED), previous->length);
  status.capacity = capacity_of (previous->bytes);
  status.container_bytes = previous->bytes;
  status.objects_bytes = ll_element_objects_bytes (self->config.element, status.length);
  status.elapsed_ns = previous->elapsed_ns;
  status.start_available_bytes = self->start.available_bytes;
  status.limit_bytes = LL_NO_LIMIT;
  status.reserve_bytes = G_MAXUINT64;
  ll_history_set_end (history, status.length, status.capacity);

  run = ll_run_new_saved (LL_RUN_INTERPRETER, &self->config, NULL, history, &status, NULL, NULL);
  if (run != NULL)
    {
      /* Translators: the interpreter a run was made in, "Python 3.11.7" */
      source = g_strdup_printf (_("Python %s"), self->version != NULL ? self->version : "3");
      ll_run_set_source (run, source);
    }
  return run;
}

gboolean
ll_verify_compare (LlVerify        *self,
                   LlVerifyVerdict *verdict)
{
  LlGrowth growth;
  LlGrowthStep step;
  guint i = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (verdict != NULL, FALSE);

  memset (verdict, 0, sizeof *verdict);
  ll_growth_init (&growth, &self->config);
  while (ll_growth_next (&growth, &step))
    {
      guint64 bytes;

      if (!step.realloc)
        continue;
      bytes = ll_sat_add (LL_LIST_HEADER_BYTES, ll_sat_mul (step.new_capacity, 8));

      if (i < self->points->len)
        {
          const LlVerifyPoint *p = &g_array_index (self->points, LlVerifyPoint, i);

          verdict->n_compared++;
          if (p->length == step.length && p->bytes == bytes)
            verdict->n_identical++;
          else if (verdict->first_length == 0)
            {
              /* Where they part: the earlier of the two. */
              verdict->first_length = MIN (p->length, step.length);
              verdict->python_bytes = p->length <= step.length ? p->bytes : 0;
              verdict->engine_bytes = step.length <= p->length ? bytes : 0;
            }
        }
      else if (verdict->first_length == 0)
        {
          verdict->n_compared++;
          verdict->first_length = step.length;
          verdict->engine_bytes = bytes;
        }
      i++;
    }

  for (; i < self->points->len; i++)
    {
      const LlVerifyPoint *p = &g_array_index (self->points, LlVerifyPoint, i);

      verdict->n_compared++;
      if (verdict->first_length == 0)
        {
          verdict->first_length = p->length;
          verdict->python_bytes = p->bytes;
        }
    }

  return verdict->n_compared == verdict->n_identical;
}

char *
ll_verify_describe (const LlVerifyVerdict *verdict)
{
  g_autofree char *compared = NULL;
  g_autofree char *identical = NULL;
  g_autofree char *length = NULL;
  g_autofree char *python_bytes = NULL;
  g_autofree char *engine_bytes = NULL;

  g_return_val_if_fail (verdict != NULL, NULL);

  compared = ll_format_count_exact (verdict->n_compared);
  identical = ll_format_count_exact (verdict->n_identical);
  if (verdict->first_length == 0)
    /* TRANSLATORS: "133 of 133 reallocations identical" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s reallocation identical",
                                         "%s of %s reallocations identical", verdict->n_compared),
                            identical, compared);

  length = ll_format_count_exact (verdict->first_length);
  python_bytes = ll_format_count_exact (verdict->python_bytes);
  engine_bytes = ll_format_count_exact (verdict->engine_bytes);
  if (verdict->python_bytes == 0)
    return g_strdup_printf (_("%s of %s reallocations identical; the first difference: at %s "
                              "elements List Lab grows the list to %s bytes, the interpreter "
                              "does not grow it"),
                            identical, compared, length, engine_bytes);
  if (verdict->engine_bytes == 0)
    return g_strdup_printf (_("%s of %s reallocations identical; the first difference: at %s "
                              "elements the interpreter grows the list to %s bytes, List Lab "
                              "does not grow it"),
                            identical, compared, length, python_bytes);
  return g_strdup_printf (_("%s of %s reallocations identical; the first difference: at %s "
                            "elements the interpreter’s list is %s bytes, List Lab’s %s"),
                          identical, compared, length, python_bytes, engine_bytes);
}
