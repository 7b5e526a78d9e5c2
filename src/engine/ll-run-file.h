/* ll-run-file.h — runs saved to one file, and read back
 *
 * A file holds one run or a whole run list: each run's settings, its
 * figures at its end, its history (every event and sample, or the buckets
 * a long run keeps) and the name the user gave it. The format is a
 * GVariant with a name and a version, little-endian.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-run.h"

G_BEGIN_DECLS

#define LL_RUN_FILE_ERROR (ll_run_file_error_quark ())

typedef enum
{
  LL_RUN_FILE_ERROR_NOT_RUNS,   /* not a List Lab file at all */
  LL_RUN_FILE_ERROR_VERSION,    /* written by a newer List Lab */
  LL_RUN_FILE_ERROR_CORRUPT,    /* a List Lab file, damaged or cut short */
  LL_RUN_FILE_ERROR_TOO_LARGE,  /* more than any List Lab writes */
} LlRunFileError;

/* The version written; files of this version and older are read. */
#define LL_RUN_FILE_VERSION   1
#define LL_RUN_FILE_SUFFIX    ".listlab"
#define LL_RUN_FILE_MIME_TYPE "application/x-listlab-runs"
/* The most a file is read: no saved run list comes near it. */
#define LL_RUN_FILE_MAX_BYTES (G_GUINT64_CONSTANT (1) << 30)
#define LL_RUN_FILE_MAX_RUNS  64

/* What a file keeps of a run, taken on the thread that owns it (its title
 * and state change there); written from any thread. */
typedef struct _LlRunSnapshot LlRunSnapshot;

GQuark         ll_run_file_error_quark   (void);

LlRunSnapshot *ll_run_snapshot_new       (LlRun                *run);
void           ll_run_snapshot_free      (LlRunSnapshot        *snapshot);

/* The file's contents for @snapshots, in that order. */
GBytes        *ll_run_file_serialize     (LlRunSnapshot * const *snapshots,
                                          guint                 n_snapshots);
/* Writes them to @path atomically (ll-output.h): the file is whole or
 * not there. */
gboolean       ll_run_file_write         (LlRunSnapshot * const *snapshots,
                                          guint                 n_snapshots,
                                          const char           *path,
                                          GError              **error);

/* The runs in @data, in the order written, as finished runs
 * (ll_run_new_saved ()). Any data gives runs or an LL_RUN_FILE_ERROR
 * saying what is wrong, never a crash. */
GPtrArray     *ll_run_file_parse         (const void           *data,
                                          gsize                 length,
                                          GError              **error);
/* Reads @path; errors name it. */
GPtrArray     *ll_run_file_read          (const char           *path,
                                          GCancellable         *cancellable,
                                          GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlRunSnapshot, ll_run_snapshot_free)

G_END_DECLS
