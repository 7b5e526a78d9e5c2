/* ll-mem.h — what the system can spare: /proc/meminfo, cgroup limits, RSS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LL_NO_LIMIT G_MAXUINT64

typedef struct
{
  guint64 total_bytes;         /* MemTotal */
  guint64 available_bytes;     /* MemAvailable: what psutil calls "available" */
  guint64 cgroup_limit_bytes;  /* memory.max / memory.limit_in_bytes, or LL_NO_LIMIT */
  guint64 cgroup_usage_bytes;  /* memory.current / memory.usage_in_bytes */
} LlMemInfo;

/* A source of LlMemInfo; the engine calls it from its threads, so it must be
 * thread-safe. Tests inject their own. */
typedef gboolean (*LlMemProbeFunc) (LlMemInfo *info,
                                    gpointer   user_data,
                                    GError   **error);

/* The real system: /proc/meminfo plus this process's cgroup (v2 memory.max
 * and memory.current, or v1 memory.limit_in_bytes and memory.usage_in_bytes). */
gboolean ll_mem_read_system     (LlMemInfo  *info,
                                 gpointer    user_data,
                                 GError    **error);
gboolean ll_mem_parse_meminfo   (const char *text,
                                 LlMemInfo  *info,
                                 GError    **error);
/* What can be used before anything is reclaimed the hard way:
 * MIN (available, limit - usage). */
guint64  ll_mem_info_spare      (const LlMemInfo *info);
/* All the memory there is to use: MemTotal, or the cgroup limit when
 * lower. The reserve's shares are of it. */
guint64  ll_mem_info_memory     (const LlMemInfo *info);
/* MAX (512 MiB, 5 % of ll_mem_info_memory ()). */
guint64  ll_mem_default_reserve (const LlMemInfo *info);
/* This process's resident set size in bytes (/proc/self/statm), 0 on error. */
guint64  ll_mem_process_rss     (void);

G_END_DECLS
