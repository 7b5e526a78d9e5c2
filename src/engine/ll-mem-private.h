/* ll-mem-private.h — the cgroup half of the memory probe, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds this process's tightest cgroup memory limit from the text of
 * /proc/self/cgroup and the cgroup filesystem mounted at @sysfs_root
 * (normally "/sys/fs/cgroup"): v2 "0::/path" reads <root>/<path>/memory.max
 * and memory.current, v1 "N:memory:/path" reads
 * <root>/memory/<path>/memory.limit_in_bytes and memory.usage_in_bytes, each
 * from the process's own group up to the top. The group with the least room
 * left wins. No cgroup information at all is not an error: @limit_bytes is
 * then LL_NO_LIMIT and @usage_bytes 0. Fails only on a file that exists but
 * cannot be read or does not hold a number. */
gboolean ll_mem_read_cgroup (const char  *proc_self_cgroup,
                             const char  *sysfs_root,
                             guint64     *limit_bytes,
                             guint64     *usage_bytes,
                             GError     **error);

G_END_DECLS
