/* ll-mem.c — what the system can spare: /proc/meminfo, cgroup limits, RSS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "ll-mem.h"
#include "ll-mem-private.h"

#define MIN_RESERVE_BYTES ((guint64) 512 << 20)

/* cgroup v1 reports "no limit" as the largest page-aligned signed 64-bit
 * value; anything this large cannot be a real limit. */
#define CGROUP_V1_NO_LIMIT ((guint64) 1 << 62)

/* Big enough for /proc/meminfo (about 1.5 KiB) and /proc/self/cgroup on any
 * system seen so far. */
#define PROC_BUFFER_SIZE 8192

typedef enum
{
  READ_FAILED = -1,
  READ_ABSENT = 0,
  READ_OK     = 1,
} ReadResult;

/* One read () into @buf: /proc and sysfs hand over a whole small file at
 * once. The probe runs at 20 Hz, so this allocates nothing. A file that
 * cannot be opened is absent (errno says why); a failed read is an error.
 * When the file did not fit, the text is cut after its last whole line. */
static ReadResult
read_small_file (const char  *path,
                 char        *buf,
                 gsize        size,
                 GError     **error)
{
  gssize n;
  int saved_errno;
  int fd;

  do
    fd = open (path, O_RDONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);

  if (fd < 0)
    return READ_ABSENT;

  do
    n = read (fd, buf, size - 1);
  while (n < 0 && errno == EINTR);

  saved_errno = errno;
  close (fd);

  if (n < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return READ_FAILED;
    }

  buf[n] = '\0';

  if ((gsize) n == size - 1)
    {
      char *last_newline = strrchr (buf, '\n');

      if (last_newline != NULL)
        last_newline[1] = '\0';
    }

  return READ_OK;
}

/* A whole string holding one unsigned decimal number, blanks around it
 * allowed. */
static gboolean
parse_u64 (const char *text,
           guint64    *value)
{
  const char *p = text;
  char *end = NULL;
  guint64 v;

  while (g_ascii_isspace (*p))
    p++;

  if (!g_ascii_isdigit (*p))
    return FALSE;

  errno = 0;
  v = g_ascii_strtoull (p, &end, 10);
  if (errno == ERANGE)
    return FALSE;

  while (g_ascii_isspace (*end))
    end++;

  if (*end != '\0')
    return FALSE;

  *value = v;

  return TRUE;
}

enum
{
  FIELD_MEM_TOTAL,
  FIELD_MEM_FREE,
  FIELD_MEM_AVAILABLE,
  FIELD_ACTIVE_FILE,
  FIELD_INACTIVE_FILE,
  FIELD_SRECLAIMABLE,
  N_FIELDS
};

static const char * const field_names[N_FIELDS] = {
  [FIELD_MEM_TOTAL] = "MemTotal",
  [FIELD_MEM_FREE] = "MemFree",
  [FIELD_MEM_AVAILABLE] = "MemAvailable",
  [FIELD_ACTIVE_FILE] = "Active(file)",
  [FIELD_INACTIVE_FILE] = "Inactive(file)",
  [FIELD_SRECLAIMABLE] = "SReclaimable",
};

static guint64
saturating_add (guint64 a,
                guint64 b)
{
  return a > G_MAXUINT64 - b ? G_MAXUINT64 : a + b;
}

gboolean
ll_mem_parse_meminfo (const char  *text,
                      LlMemInfo   *info,
                      GError     **error)
{
  guint64 values[N_FIELDS] = { 0 };
  gboolean found[N_FIELDS] = { FALSE };
  const char *line;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (line = text; *line != '\0'; )
    {
      const char *eol = strchrnul (line, '\n');
      const char *colon = memchr (line, ':', eol - line);

      if (colon != NULL)
        {
          gsize key_len = colon - line;
          guint i;

          for (i = 0; i < N_FIELDS; i++)
            {
              const char *p = colon + 1;
              char *end = NULL;
              guint64 v;

              if (found[i] || strlen (field_names[i]) != key_len ||
                  strncmp (line, field_names[i], key_len) != 0)
                continue;

              while (p < eol && (*p == ' ' || *p == '\t'))
                p++;

              errno = 0;
              v = g_ascii_isdigit (*p) ? g_ascii_strtoull (p, &end, 10) : 0;

              /* Every figure we use is in kB, which the kernel means as KiB. */
              if (end == NULL || errno == ERANGE || strncmp (end, " kB", 3) != 0 ||
                  v > G_MAXUINT64 / 1024)
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Could not read the memory figures: the line “%.*s” is not "
                                 "a size such as “%s:  16318212 kB”"),
                               (int) MIN (eol - line, 80), line, field_names[i]);
                  return FALSE;
                }

              values[i] = v * 1024;
              found[i] = TRUE;
              break;
            }
        }

      line = *eol != '\0' ? eol + 1 : eol;
    }

  if (!found[FIELD_MEM_TOTAL])
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Could not read the memory figures: /proc/meminfo has no MemTotal line; "
                     "a Linux /proc filesystem is needed"));
      return FALSE;
    }

  if (!found[FIELD_MEM_AVAILABLE])
    {
      /* Kernels before 3.14 have no MemAvailable. Estimate it as the kernel
       * does (free pages plus the page cache and slab it can drop), less
       * its watermark corrections, which are not exported; the reserve
       * covers that small overestimate. */
      if (!found[FIELD_MEM_FREE])
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Could not read the memory figures: /proc/meminfo has neither a "
                         "MemAvailable nor a MemFree line"));
          return FALSE;
        }

      values[FIELD_MEM_AVAILABLE] = saturating_add (values[FIELD_MEM_FREE],
                                      saturating_add (values[FIELD_ACTIVE_FILE],
                                        saturating_add (values[FIELD_INACTIVE_FILE],
                                                        values[FIELD_SRECLAIMABLE])));
    }

  info->total_bytes = values[FIELD_MEM_TOTAL];
  info->available_bytes = values[FIELD_MEM_AVAILABLE];
  info->cgroup_limit_bytes = LL_NO_LIMIT;
  info->cgroup_usage_bytes = 0;

  return TRUE;
}

/* Reads one number from a cgroup file. "max" (v2) and v1's huge
 * placeholder both mean no limit. */
static ReadResult
read_cgroup_value (const char  *path,
                   gboolean     is_limit,
                   guint64     *value,
                   GError     **error)
{
  char buf[64];
  ReadResult result;

  result = read_small_file (path, buf, sizeof buf, error);
  if (result != READ_OK)
    return result;

  g_strchomp (buf);

  if (is_limit && strcmp (buf, "max") == 0)
    {
      *value = LL_NO_LIMIT;
      return READ_OK;
    }

  if (!parse_u64 (buf, value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Could not read the memory limit: “%s” holds “%s”, which is neither "
                     "a number of bytes nor “max”"),
                   path, buf);
      return READ_FAILED;
    }

  if (is_limit && *value >= CGROUP_V1_NO_LIMIT)
    *value = LL_NO_LIMIT;

  return READ_OK;
}

/* Only paths inside our view of the hierarchy: a cgroup outside our
 * namespace shows up as "/../..", and its files are not ours to read. */
static gboolean
cgroup_path_is_usable (const char *path,
                       gsize       len)
{
  gsize i;

  if (len == 0 || path[0] != '/')
    return FALSE;

  for (i = 0; i + 1 < len; i++)
    {
      if (path[i] == '.' && path[i + 1] == '.' &&
          (i == 0 || path[i - 1] == '/') &&
          (i + 2 == len || path[i + 2] == '/'))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_hierarchy (const char  *sysfs_root,
                 const char  *subdir,
                 const char  *path,
                 gsize        path_len,
                 const char  *limit_name,
                 const char  *usage_name,
                 gboolean    *found,
                 guint64     *best_limit,
                 guint64     *best_usage,
                 GError     **error)
{
  char dir[PATH_MAX];
  char file[PATH_MAX + 32];
  gsize root_len;
  gsize len;
  int n;

  while (path_len > 0 && path[path_len - 1] == '/')
    path_len--;

  n = g_snprintf (dir, sizeof dir, "%s%s", sysfs_root, subdir);
  if (n < 0 || (gsize) n >= sizeof dir)
    return TRUE;
  root_len = n;

  n = g_snprintf (dir + root_len, sizeof dir - root_len, "%.*s", (int) path_len, path);
  if (n < 0 || (gsize) n >= sizeof dir - root_len)
    return TRUE;
  len = root_len + n;

  /* Every ancestor's limit holds too: walk up to the top. */
  for (;;)
    {
      guint64 limit = LL_NO_LIMIT;
      guint64 usage = 0;
      ReadResult result;
      char *slash;

      n = g_snprintf (file, sizeof file, "%s/%s", dir, limit_name);
      if (n > 0 && (gsize) n < sizeof file)
        {
          result = read_cgroup_value (file, TRUE, &limit, error);
          if (result == READ_FAILED)
            return FALSE;

          if (result == READ_OK && limit != LL_NO_LIMIT)
            {
              guint64 room;
              guint64 best_room;

              g_snprintf (file, sizeof file, "%s/%s", dir, usage_name);
              if (read_cgroup_value (file, FALSE, &usage, error) == READ_FAILED)
                return FALSE;

              room = limit > usage ? limit - usage : 0;
              best_room = *best_limit > *best_usage ? *best_limit - *best_usage : 0;
              if (!*found || room < best_room)
                {
                  *found = TRUE;
                  *best_limit = limit;
                  *best_usage = usage;
                }
            }
        }

      if (len <= root_len)
        break;

      slash = strrchr (dir + root_len, '/');
      if (slash == NULL)
        break;
      *slash = '\0';
      len = slash - dir;
    }

  return TRUE;
}

static gboolean
controllers_include_memory (const char *controllers,
                            gsize       len)
{
  const char *p = controllers;
  const char *end = controllers + len;

  while (p < end)
    {
      const char *comma = memchr (p, ',', end - p);
      const char *item_end = comma != NULL ? comma : end;

      if (item_end - p == 6 && strncmp (p, "memory", 6) == 0)
        return TRUE;

      p = item_end + 1;
    }

  return FALSE;
}

gboolean
ll_mem_read_cgroup (const char  *proc_self_cgroup,
                    const char  *sysfs_root,
                    guint64     *limit_bytes,
                    guint64     *usage_bytes,
                    GError     **error)
{
  gboolean found = FALSE;
  guint64 limit = LL_NO_LIMIT;
  guint64 usage = 0;
  const char *line;

  g_return_val_if_fail (proc_self_cgroup != NULL, FALSE);
  g_return_val_if_fail (sysfs_root != NULL, FALSE);
  g_return_val_if_fail (limit_bytes != NULL, FALSE);
  g_return_val_if_fail (usage_bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Lines are "hierarchy-ID:controller-list:path"; the path may hold ':'. */
  for (line = proc_self_cgroup; *line != '\0'; )
    {
      const char *eol = strchrnul (line, '\n');
      const char *colon1 = memchr (line, ':', eol - line);
      const char *colon2 = colon1 != NULL ? memchr (colon1 + 1, ':', eol - colon1 - 1) : NULL;

      if (colon2 != NULL)
        {
          const char *path = colon2 + 1;
          gsize path_len = eol - path;
          gboolean v2 = colon1 - line == 1 && line[0] == '0' && colon2 == colon1 + 1;
          gboolean ok = TRUE;

          if (!cgroup_path_is_usable (path, path_len))
            ok = TRUE;
          else if (v2)
            ok = check_hierarchy (sysfs_root, "", path, path_len,
                                  "memory.max", "memory.current",
                                  &found, &limit, &usage, error);
          else if (controllers_include_memory (colon1 + 1, colon2 - colon1 - 1))
            ok = check_hierarchy (sysfs_root, "/memory", path, path_len,
                                  "memory.limit_in_bytes", "memory.usage_in_bytes",
                                  &found, &limit, &usage, error);

          if (!ok)
            return FALSE;
        }

      line = *eol != '\0' ? eol + 1 : eol;
    }

  *limit_bytes = found ? limit : LL_NO_LIMIT;
  *usage_bytes = found ? usage : 0;

  return TRUE;
}

gboolean
ll_mem_read_system (LlMemInfo  *info,
                    gpointer    user_data,
                    GError    **error)
{
  char buf[PROC_BUFFER_SIZE];
  LlMemInfo result;

  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (read_small_file ("/proc/meminfo", buf, sizeof buf, error))
    {
    case READ_OK:
      break;

    case READ_ABSENT:
      {
        int saved_errno = errno;

        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("Could not read the memory figures from /proc/meminfo: %s; "
                       "a Linux /proc filesystem is needed"),
                     g_strerror (saved_errno));
        return FALSE;
      }

    case READ_FAILED:
    default:
      return FALSE;
    }

  if (!ll_mem_parse_meminfo (buf, &result, error))
    return FALSE;

  switch (read_small_file ("/proc/self/cgroup", buf, sizeof buf, error))
    {
    case READ_OK:
      if (!ll_mem_read_cgroup (buf, "/sys/fs/cgroup",
                               &result.cgroup_limit_bytes, &result.cgroup_usage_bytes,
                               error))
        return FALSE;
      break;

    case READ_ABSENT:
      /* No cgroups (or no /proc/self/cgroup): only the system's figure. */
      break;

    case READ_FAILED:
    default:
      return FALSE;
    }

  *info = result;

  return TRUE;
}

guint64
ll_mem_info_spare (const LlMemInfo *info)
{
  guint64 spare;

  g_return_val_if_fail (info != NULL, 0);

  spare = info->available_bytes;

  if (info->cgroup_limit_bytes != LL_NO_LIMIT)
    {
      guint64 room = info->cgroup_limit_bytes > info->cgroup_usage_bytes
                     ? info->cgroup_limit_bytes - info->cgroup_usage_bytes
                     : 0;

      spare = MIN (spare, room);
    }

  return spare;
}

guint64
ll_mem_info_memory (const LlMemInfo *info)
{
  g_return_val_if_fail (info != NULL, 0);

  return MIN (info->total_bytes, info->cgroup_limit_bytes);
}

guint64
ll_mem_default_reserve (const LlMemInfo *info)
{
  g_return_val_if_fail (info != NULL, MIN_RESERVE_BYTES);

  return MAX (MIN_RESERVE_BYTES, ll_mem_info_memory (info) / 20);
}

guint64
ll_mem_process_rss (void)
{
  char buf[128];
  const char *p;
  char *end = NULL;
  guint64 resident;
  long page_size;

  if (read_small_file ("/proc/self/statm", buf, sizeof buf, NULL) != READ_OK)
    return 0;

  /* "size resident shared text lib data dt", in pages. */
  p = strchr (buf, ' ');
  if (p == NULL)
    return 0;

  errno = 0;
  resident = g_ascii_strtoull (p + 1, &end, 10);
  if (end == p + 1 || errno == ERANGE)
    return 0;

  page_size = sysconf (_SC_PAGESIZE);
  if (page_size <= 0)
    return 0;

  return resident * (guint64) page_size;
}
