/* ll-output.c — files written atomically, or standard output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ll-output.h"
#include "ll-output-private.h"
#include "ll-size.h"

#define BUFFER_SIZE (1024 * 1024)

/* Symbolic links followed to the file they name, as the kernel does. */
#define MAX_LINKS 40

/* Temporary names are ".<name>.XXXXXX"; keep them within NAME_MAX. */
#define MAX_BASENAME_IN_TEMP 200

typedef enum
{
  MODE_ATOMIC,   /* a temporary file renamed over the destination */
  MODE_DIRECT,   /* an existing device or FIFO, written in place */
  MODE_STDOUT,
} OutputMode;

struct _LlOutput
{
  char       *buffer;
  gsize       used;
  gsize       limit;      /* BUFFER_SIZE, or 0 once failed or finished */
  int         fd;
  OutputMode  mode;
  gboolean    finished;   /* committed or aborted: the fd is gone */
  gboolean    failed;     /* a write failed; only abort is left */
  gboolean    synced;     /* written to the disk and closed; only the rename is left */
  char       *path;       /* as given, for messages and ll_output_get_path () */
  char       *target;     /* where the file really goes (symlinks resolved) */
  char       *temp_path;
  guint64     written;    /* bytes handed to write () so far */
};

/* Every temporary file of the process, so that one that must exit at once
 * (a second Ctrl+C) can remove them: see ll_output_remove_temporary_files ().
 * Creating, renaming and removing one happens under the lock. */
static GMutex temporary_lock;
static GPtrArray *temporary_files;

/* ll_output_inject_fault (): writes fail past this many bytes of an output. */
static guint64 fault_after_bytes = G_MAXUINT64;
static int fault_errno;

static void
forget_temporary (const char *temp_path)
{
  if (temporary_files != NULL)
    g_ptr_array_remove_fast (temporary_files, (gpointer) temp_path);
}

static GIOErrorEnum
io_error_from_errno (int saved_errno)
{
  switch (saved_errno)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      return G_IO_ERROR_NO_SPACE;
    default:
      return g_io_error_from_errno (saved_errno);
    }
}

/* The reason in plain words, for "Cannot write “file”: <reason>". */
static char *
describe_errno (int         saved_errno,
                const char *folder)
{
  g_autofree char *folder_shown = folder ? ll_format_escaped (folder) : NULL;

  switch (saved_errno)
    {
    case ENOSPC:
      return g_strdup (_("the disk is full"));
#ifdef EDQUOT
    case EDQUOT:
      return g_strdup (_("the disk quota is exceeded"));
#endif
    case EACCES:
    case EPERM:
      return g_strdup (_("permission denied"));
    case EROFS:
      return g_strdup (_("the file system is read-only"));
    case EIO:
      return g_strdup (_("an input/output error occurred on the device"));
    case EFBIG:
      return g_strdup (_("the file is too large for this file system"));
    case EISDIR:
      return g_strdup (_("it is a folder"));
    case ENAMETOOLONG:
      return g_strdup (_("the name is too long"));
    case EPIPE:
      return g_strdup (_("the reader closed the pipe"));
    case ENOENT:
      if (folder_shown != NULL)
        return g_strdup_printf (_("the folder “%s” does not exist"), folder_shown);
      break;
    case ENOTDIR:
      if (folder_shown != NULL)
        return g_strdup_printf (_("“%s” is not a folder"), folder_shown);
      break;
    default:
      break;
    }

  return g_strdup (g_strerror (saved_errno));
}

static void
set_error_literal (GError       **error,
                   const char    *path,
                   GIOErrorEnum   code,
                   const char    *reason)
{
  g_autofree char *shown = NULL;

  if (g_str_equal (path, "-"))
    {
      g_set_error (error, G_IO_ERROR, code, _("Cannot write to standard output: %s"), reason);
      return;
    }

  shown = ll_format_escaped (path);
  g_set_error (error, G_IO_ERROR, code, _("Cannot write “%s”: %s"), shown, reason);
}

static void
set_error (GError     **error,
           const char  *path,
           int          saved_errno,
           const char  *folder)
{
  g_autofree char *reason = describe_errno (saved_errno, folder);

  set_error_literal (error, path, io_error_from_errno (saved_errno), reason);
}

/* The closest existing ancestor of @folder explains a failure to create a
 * file in it better than the errno of open () alone. */
static void
set_create_error (GError     **error,
                  const char  *path,
                  const char  *folder,
                  int          saved_errno)
{
  struct stat st;

  if (saved_errno == ENOENT || saved_errno == ENOTDIR)
    {
      g_autofree char *ancestor = g_strdup (folder);

      while (stat (ancestor, &st) != 0)
        {
          char *parent = g_path_get_dirname (ancestor);

          if (g_str_equal (parent, ancestor))
            {
              g_free (parent);
              break;
            }
          g_free (ancestor);
          ancestor = parent;
        }

      if (stat (ancestor, &st) == 0 && !S_ISDIR (st.st_mode))
        {
          set_error (error, path, ENOTDIR, ancestor);
          return;
        }
      if (g_str_equal (ancestor, folder))
        {
          /* The folder exists, yet creating in it gives ENOENT: /proc, /sys… */
          g_autofree char *folder_shown = ll_format_escaped (folder);
          g_autofree char *reason =
            g_strdup_printf (_("files cannot be created in the folder “%s”"), folder_shown);

          set_error_literal (error, path, G_IO_ERROR_PERMISSION_DENIED, reason);
          return;
        }

      set_error (error, path, ENOENT, folder);
      return;
    }

  set_error (error, path, saved_errno, folder);
}

static void
stop_buffering (LlOutput *output)
{
  output->used = 0;
  output->limit = 0;
}

static gboolean
write_all (LlOutput    *output,
           const char  *data,
           gsize        length,
           GError     **error)
{
  while (length > 0)
    {
      /* Linux writes at most about 2 GiB per call. */
      gsize chunk = MIN (length, (gsize) 1 << 30);
      guint64 fault = __atomic_load_n (&fault_after_bytes, __ATOMIC_RELAXED);
      gboolean faulty = output->mode != MODE_STDOUT && output->written + chunk > fault;
      gssize n;

      if (faulty)
        chunk = fault > output->written ? fault - output->written : 0;
      n = chunk > 0 ? write (output->fd, data, chunk) : 0;
      if (faulty && n == (gssize) chunk)
        {
          output->written += n;
          errno = fault_errno;
          n = -1;
        }

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          output->failed = TRUE;
          stop_buffering (output);
          set_error (error, output->path, saved_errno, NULL);
          return FALSE;
        }
      if (n == 0)
        {
          /* No progress and no reason: do not spin, call it a full device. */
          output->failed = TRUE;
          stop_buffering (output);
          set_error (error, output->path, ENOSPC, NULL);
          return FALSE;
        }

      data += n;
      length -= n;
      output->written += n;
    }

  return TRUE;
}

static gboolean
check_usable (LlOutput  *output,
              GError   **error)
{
  if (output->finished || output->synced)
    {
      set_error_literal (error, output->path, G_IO_ERROR_CLOSED,
                         _("the file was already closed"));
      return FALSE;
    }
  if (output->failed)
    {
      set_error_literal (error, output->path, G_IO_ERROR_FAILED,
                         _("an earlier write failed"));
      return FALSE;
    }
  return TRUE;
}

static LlOutput *
output_new (const char *path,
            OutputMode  mode,
            int         fd)
{
  LlOutput *output = g_new0 (LlOutput, 1);

  output->path = g_strdup (path);
  output->mode = mode;
  output->fd = fd;
  output->buffer = g_malloc (BUFFER_SIZE);
  output->limit = BUFFER_SIZE;
  return output;
}

static LlOutput *
open_direct (const char  *path,
             GError     **error)
{
  int fd;

  do
    fd = open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
  while (fd < 0 && errno == EINTR);

  if (fd < 0)
    {
      set_error (error, path, errno, NULL);
      return NULL;
    }

  return output_new (path, MODE_DIRECT, fd);
}

/* Where writing @path really goes: symbolic links followed to the name
 * they give, whether or not a file has it yet (a link to a file not
 * written yet is written through, as a live one is). NULL with errno set
 * on a loop. */
static char *
follow_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *link = NULL;
      g_autofree char *folder = NULL;
      struct stat st;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      if (!(link = g_file_read_link (current, NULL)))
        return g_steal_pointer (&current);
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
          continue;
        }
      folder = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (folder, link, NULL);
    }

  errno = ELOOP;
  return NULL;
}

char *
ll_output_resolve (const char *path)
{
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *real_folder = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_equal (path, "-"))
    return g_strdup (path);
  if (!(target = follow_links (path)))
    return g_strdup (path);

  folder = g_path_get_dirname (target);
  name = g_path_get_basename (target);
  if (!(real_folder = realpath (folder, NULL)))
    {
      g_autofree char *cwd = g_get_current_dir ();
      return g_path_is_absolute (target) ? g_steal_pointer (&target)
                                         : g_build_filename (cwd, target, NULL);
    }
  return g_build_filename (real_folder, name, NULL);
}

gboolean
ll_output_same_destination (const char *a,
                            const char *b)
{
  g_autofree char *resolved_a = NULL;
  g_autofree char *resolved_b = NULL;
  struct stat st_a, st_b;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_str_equal (a, "-") || g_str_equal (b, "-"))
    return g_str_equal (a, b);

  /* The same file under two names (hard links) is the same destination;
   * a device or a FIFO is written in place and may take both. */
  if (stat (a, &st_a) == 0 && stat (b, &st_b) == 0)
    {
      if (!S_ISREG (st_a.st_mode) || !S_ISREG (st_b.st_mode))
        return FALSE;
      if (st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino)
        return TRUE;
    }

  resolved_a = ll_output_resolve (a);
  resolved_b = ll_output_resolve (b);
  return g_str_equal (resolved_a, resolved_b);
}

LlOutput *
ll_output_open (const char  *path,
                GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temp_name = NULL;
  g_autofree char *temp_path = NULL;
  struct stat st;
  gboolean replacing = FALSE;
  LlOutput *output;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_str_equal (path, "-"))
    return output_new (path, MODE_STDOUT, STDOUT_FILENO);

  if (path[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("Cannot write a file without a name"));
      return NULL;
    }

  if (g_str_has_suffix (path, G_DIR_SEPARATOR_S))
    {
      if (stat (path, &st) == 0 && S_ISDIR (st.st_mode))
        set_error (error, path, EISDIR, NULL);
      else
        set_error_literal (error, path, G_IO_ERROR_INVALID_FILENAME,
                           _("a file name cannot end with “/”"));
      return NULL;
    }

  /* Through links, live or not yet pointing at a file: the link stays
   * and the file it names is written. */
  if (!(target = follow_links (path)))
    {
      set_error_literal (error, path, G_IO_ERROR_TOO_MANY_LINKS,
                         _("its symbolic links form a loop"));
      return NULL;
    }

  if (stat (target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          set_error (error, path, EISDIR, NULL);
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        return open_direct (path, error);

      /* Replacing a read-only file by rename would bypass its permissions. */
      if (access (target, W_OK) != 0 && errno == EACCES)
        {
          set_error (error, path, EACCES, NULL);
          return NULL;
        }

      replacing = TRUE;
    }

  folder = g_path_get_dirname (target);
  name = g_path_get_basename (target);
  if (strlen (name) > MAX_BASENAME_IN_TEMP)
    name[MAX_BASENAME_IN_TEMP] = '\0';
  temp_name = g_strdup_printf (".%s.XXXXXX", name);
  temp_path = g_build_filename (folder, temp_name, NULL);

  /* The mode is 0666 less the umask, as for any new file. */
  g_mutex_lock (&temporary_lock);
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd >= 0)
    {
      if (temporary_files == NULL)
        temporary_files = g_ptr_array_new ();
      g_ptr_array_add (temporary_files, temp_path);
    }
  else
    {
      int saved_errno = errno;

      g_mutex_unlock (&temporary_lock);
      set_create_error (error, path, folder, saved_errno);
      return NULL;
    }
  g_mutex_unlock (&temporary_lock);

  if (replacing)
    {
      /* Best effort: only root can give the file back to another owner. */
      if (fchown (fd, st.st_uid, st.st_gid) != 0)
        g_debug ("Keeping the owner of “%s”: %s", temp_path, g_strerror (errno));
      if (fchmod (fd, st.st_mode & 0777) != 0)
        g_debug ("Keeping the mode of “%s”: %s", temp_path, g_strerror (errno));
    }

  output = output_new (path, MODE_ATOMIC, fd);
  output->target = g_steal_pointer (&target);
  output->temp_path = g_steal_pointer (&temp_path);
  return output;
}

gboolean
ll_output_write (LlOutput    *output,
                 const void  *data,
                 gsize        length,
                 GError     **error)
{
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* The hot path: one comparison and a copy. @limit is 0 (and @used too)
   * once the output failed or finished, so those fall through. */
  if G_LIKELY (length <= output->limit - output->used)
    {
      memcpy (output->buffer + output->used, data, length);
      output->used += length;
      return TRUE;
    }

  if (!check_usable (output, error))
    return FALSE;

  if (output->used > 0)
    {
      /* Top the buffer up first so the file is written in whole blocks. */
      gsize room = BUFFER_SIZE - output->used;

      memcpy (output->buffer + output->used, data, room);
      output->used = BUFFER_SIZE;
      data = (const char *) data + room;
      length -= room;

      if (!ll_output_flush (output, error))
        return FALSE;
    }

  if (length >= BUFFER_SIZE)
    return write_all (output, data, length, error);

  memcpy (output->buffer, data, length);
  output->used = length;
  return TRUE;
}

gboolean
ll_output_printf (LlOutput    *output,
                  GError     **error,
                  const char  *format,
                  ...)
{
  g_autofree char *text = NULL;
  va_list args;
  int length;

  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  va_start (args, format);
  length = g_vasprintf (&text, format, args);
  va_end (args);

  if (length < 0)
    {
      set_error_literal (error, output->path, G_IO_ERROR_INVALID_ARGUMENT,
                         _("the text could not be formatted"));
      return FALSE;
    }

  return ll_output_write (output, text, length, error);
}

int
ll_output_get_fd (LlOutput *output)
{
  g_return_val_if_fail (output != NULL, -1);

  return output->finished ? -1 : output->fd;
}

gboolean
ll_output_flush (LlOutput  *output,
                 GError   **error)
{
  gsize used;

  g_return_val_if_fail (output != NULL, FALSE);

  if (!check_usable (output, error))
    return FALSE;

  used = output->used;
  output->used = 0;
  return write_all (output, output->buffer, used, error);
}

static void
close_fd (LlOutput *output)
{
  if (output->mode != MODE_STDOUT && output->fd >= 0)
    g_close (output->fd, NULL);
  output->fd = -1;
}

/* Closes the file; a failure (a full disk some file systems report only
 * now) aborts the output. */
static gboolean
close_output (LlOutput  *output,
              GError   **error)
{
  int fd = output->fd;

  output->fd = -1;
  if (close (fd) != 0 && errno != EINTR)
    {
      int saved_errno = errno;

      set_error (error, output->path, saved_errno, NULL);
      ll_output_abort (output);
      return FALSE;
    }

  return TRUE;
}

gboolean
ll_output_sync (LlOutput  *output,
                GError   **error)
{
  int saved_errno;

  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (output->synced)
    return TRUE;

  if (!check_usable (output, error) || !ll_output_flush (output, error))
    {
      ll_output_abort (output);
      return FALSE;
    }

  if (output->mode == MODE_STDOUT)
    {
      stop_buffering (output);
      output->synced = TRUE;
      return TRUE;
    }

  /* Delayed allocation can report a full disk only now. Devices and FIFOs
   * may not support fsync; their writes already failed if they were going
   * to. */
  while (fsync (output->fd) != 0)
    {
      if (errno == EINTR)
        continue;
      if (output->mode == MODE_DIRECT && (errno == EINVAL || errno == EROFS || errno == ENOTSUP))
        break;
      saved_errno = errno;
      set_error (error, output->path, saved_errno, NULL);
      ll_output_abort (output);
      return FALSE;
    }

  if (!close_output (output, error))
    return FALSE;

  stop_buffering (output);
  output->synced = TRUE;
  return TRUE;
}

gboolean
ll_output_commit (LlOutput  *output,
                  GError   **error)
{
  g_autofree char *folder = NULL;
  int saved_errno;
  int dir_fd;

  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (output->finished)
    return check_usable (output, error);
  if (!ll_output_sync (output, error))
    return FALSE;

  if (output->mode != MODE_ATOMIC)
    {
      stop_buffering (output);
      output->finished = TRUE;
      return TRUE;
    }

  g_mutex_lock (&temporary_lock);
  if (rename (output->temp_path, output->target) != 0)
    {
      saved_errno = errno;
      g_mutex_unlock (&temporary_lock);
      folder = g_path_get_dirname (output->target);
      set_error (error, output->path, saved_errno, folder);
      ll_output_abort (output);
      return FALSE;
    }
  forget_temporary (output->temp_path);
  g_mutex_unlock (&temporary_lock);

  g_clear_pointer (&output->temp_path, g_free);
  stop_buffering (output);
  output->finished = TRUE;

  /* Make the rename itself durable; a failure here loses nothing written. */
  folder = g_path_get_dirname (output->target);
  dir_fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      if (fsync (dir_fd) != 0)
        g_debug ("Cannot sync the folder “%s”: %s", folder, g_strerror (errno));
      close (dir_fd);
    }

  return TRUE;
}

void
ll_output_abort (LlOutput *output)
{
  g_return_if_fail (output != NULL);

  if (output->finished)
    return;

  close_fd (output);
  if (output->temp_path != NULL)
    {
      g_mutex_lock (&temporary_lock);
      g_unlink (output->temp_path);
      forget_temporary (output->temp_path);
      g_mutex_unlock (&temporary_lock);
      g_clear_pointer (&output->temp_path, g_free);
    }
  stop_buffering (output);
  output->finished = TRUE;
}

void
ll_output_remove_temporary_files (void)
{
  g_mutex_lock (&temporary_lock);
  if (temporary_files != NULL)
    {
      for (guint i = 0; i < temporary_files->len; i++)
        unlink (g_ptr_array_index (temporary_files, i));
      g_ptr_array_set_size (temporary_files, 0);
    }
  /* Left locked: no output is created, committed or removed after this;
   * the process is about to exit. */
}

void
ll_output_inject_fault (guint64 after_bytes,
                        int     error_code)
{
  fault_errno = error_code;
  __atomic_store_n (&fault_after_bytes, after_bytes, __ATOMIC_RELAXED);
}

const char *
ll_output_get_path (LlOutput *output)
{
  g_return_val_if_fail (output != NULL, NULL);

  return output->path;
}

void
ll_output_free (LlOutput *output)
{
  if (output == NULL)
    return;

  ll_output_abort (output);
  g_free (output->buffer);
  g_free (output->path);
  g_free (output->target);
  g_free (output->temp_path);
  g_free (output);
}
