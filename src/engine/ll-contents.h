/* ll-contents.h — a list's values as text, one a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-element.h"
#include "ll-output.h"

G_BEGIN_DECLS

/* A list's slots, as the engine holds them: values inline (int64, int32),
 * or pointers to objects whose first 8 bytes are the value (shared,
 * boxed). */
typedef struct
{
  LlElement    element;
  const void  *slots;
  guint64      length;
} LlContents;

/* Called now and then with the number of values written. */
typedef void (*LlContentsProgress) (guint64  done,
                                    guint64  total,
                                    gpointer user_data);

/* Writes the values one a line ("0\n1\n…") to @output in large blocks,
 * and flushes it (the caller commits). Fails with the output's error, or
 * G_IO_ERROR_CANCELLED. */
gboolean ll_contents_write (const LlContents    *contents,
                            LlOutput            *output,
                            GCancellable        *cancellable,
                            LlContentsProgress   progress,
                            gpointer             user_data,
                            GError             **error);

G_END_DECLS
