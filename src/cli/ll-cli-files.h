/* ll-cli-files.h — the files one listlab-cli command writes, all or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ll-cli-options.h"
#include "ll-output.h"

G_BEGIN_DECLS

typedef enum
{
  LL_CLI_FILE_EVENTS,
  LL_CLI_FILE_SAMPLES,
  LL_CLI_FILE_CONTENTS,
  LL_CLI_FILE_PNG,
  LL_CLI_FILE_SVG,
  LL_CLI_FILE_PDF,
  LL_CLI_FILE_CSV,
  LL_CLI_FILE_SCRIPT,
  LL_CLI_N_FILES
} LlCliFile;

typedef struct _LlCliFiles LlCliFiles;

/* The option that names @file: "--events". */
const char *ll_cli_file_option     (LlCliFile           file);
/* The path @options give for @file, or NULL. */
const char *ll_cli_file_path       (const LlCliOptions *options,
                                    LlCliFile           file);

/* Opens every file @options name before any work, so that a missing or
 * read-only folder is said at once: each is a temporary file beside its
 * destination until ll_cli_files_commit (). On failure nothing is left. */
LlCliFiles *ll_cli_files_open      (const LlCliOptions *options,
                                    GError            **error);
/* The output of @file, or NULL when it is not written. */
LlOutput   *ll_cli_files_get       (LlCliFiles         *files,
                                    LlCliFile           file);
/* Leaves @file out: it is not written, its destination untouched. */
void        ll_cli_files_drop      (LlCliFiles         *files,
                                    LlCliFile           file);
/* Puts every file in place once all were written: the slow part (writing
 * them to the disk) for all first, then the renames, one after the other.
 * If one fails, the others are not put in place; a rename that fails
 * after others succeeded is said with what was written. */
gboolean    ll_cli_files_commit    (LlCliFiles         *files,
                                    GError            **error);
/* What became of the files, for the last words of a command that stops:
 * "No file was written: “a.csv” is as it was." NULL when there are none. */
char       *ll_cli_files_describe  (LlCliFiles         *files);
/* Removes the files not committed, and the others' temporary files. */
void        ll_cli_files_free      (LlCliFiles         *files);

/* For a process about to exit at once (a signal): removes every temporary
 * file and says what became of @files (may be NULL). Blocks any commit
 * under way from going further. Returns the description (or NULL). */
char       *ll_cli_files_abandon   (LlCliFiles         *files);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlCliFiles, ll_cli_files_free)

G_END_DECLS
