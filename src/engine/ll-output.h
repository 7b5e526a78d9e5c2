/* ll-output.h — files written atomically, or standard output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _LlOutput LlOutput;

/* Opens @path for writing: "-" is standard output; anything else writes to a
 * temporary file in the same folder, which ll_output_commit () renames over
 * @path and ll_output_abort () (or freeing an uncommitted output) removes, so
 * the destination is never half-written. A symbolic link is written
 * through: the link stays and the file it names (existing or not) gets the
 * new contents. Errors are GIOErrors whose message
 * names the path and the reason ("Cannot write “/x/y.csv”: No such folder
 * “/x”"). */
LlOutput *ll_output_open      (const char    *path,
                               GError       **error);
/* Buffered (1 MiB); a full disk is an error, never a short file. */
gboolean  ll_output_write     (LlOutput      *output,
                               const void    *data,
                               gsize          length,
                               GError       **error);
gboolean  ll_output_printf    (LlOutput      *output,
                               GError       **error,
                               const char    *format,
                               ...) G_GNUC_PRINTF (3, 4);
/* The file descriptor for bulk writers; call ll_output_flush () first. */
int       ll_output_get_fd    (LlOutput      *output);
gboolean  ll_output_flush     (LlOutput      *output,
                               GError       **error);
/* Flushes, fsyncs and closes: the slow part of a commit, after which only
 * the rename is left (outputs committed together sync first, then rename
 * one after the other). On failure the output is aborted. */
gboolean  ll_output_sync      (LlOutput      *output,
                               GError       **error);
/* Syncs if not done yet and renames into place. */
gboolean  ll_output_commit    (LlOutput      *output,
                               GError       **error);
void      ll_output_abort     (LlOutput      *output);
const char *ll_output_get_path (LlOutput     *output);
/* Aborts if not committed. */
void      ll_output_free      (LlOutput      *output);

/* Where @path is written, as an absolute path: symbolic links followed
 * (also to a file not written yet) and the folder's real path. */
char     *ll_output_resolve   (const char    *path);
/* Whether writing @a and @b would write one file: the same resolved path
 * or the same existing file under two names. "-" is only the same as "-";
 * devices and FIFOs are never the same (each write goes through). */
gboolean  ll_output_same_destination (const char *a,
                                      const char *b);

/* Removes every temporary file of the process's outputs not committed yet:
 * for a process that must exit at once (a signal), from any thread. No
 * output can be opened, committed or aborted afterwards. */
void      ll_output_remove_temporary_files (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlOutput, ll_output_free)

G_END_DECLS
