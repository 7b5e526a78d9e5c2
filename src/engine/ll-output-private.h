/* ll-output-private.h — failures on demand, for the tests of every writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes every write to a file (not standard output) fail with @error_code
 * (an errno value such as ENOSPC) once @after_bytes bytes of that output
 * were written, as a disk that fills up at that byte would; G_MAXUINT64
 * turns it off. For the whole process, from any thread. */
void ll_output_inject_fault (guint64 after_bytes,
                             int     error_code);

G_END_DECLS
