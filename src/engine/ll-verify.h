/* ll-verify.h — the same experiment in the real interpreter, and the verdict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ll-run.h"

G_BEGIN_DECLS

/* One change of sys.getsizeof (list) in the interpreter: after the append
 * (or extend) that made the list @length long, it was @bytes, and the
 * interpreter's process held @rss_bytes. */
typedef struct
{
  guint64 length;
  guint64 bytes;
  guint64 rss_bytes;
  guint64 available_bytes; /* the system's MemAvailable then */
  guint64 elapsed_ns;      /* since the interpreter began building the list */
} LlVerifyPoint;

/* What the interpreter did against what List Lab computes. */
typedef struct
{
  guint    n_compared;     /* reallocations both made */
  guint    n_identical;
  guint64  first_length;   /* the first that differs (0: none) */
  guint64  python_bytes;   /* there, sys.getsizeof in the interpreter… */
  guint64  engine_bytes;   /* …and in List Lab (0: no growth there) */
} LlVerifyVerdict;

typedef struct _LlVerify LlVerify;

/* The interpreter for @config: the policy must be a CPython one and the
 * elements Python objects (shared: append (1); boxed: append (i)); the
 * list starts as list(range(n)) for an initial length. @python is the
 * interpreter to run, or NULL for the python3 on the PATH. Fails with a
 * message that says what to change, or how to get python3. */
LlVerify            *ll_verify_new          (const LlRunConfig  *config,
                                             const char         *python,
                                             GError            **error);
void                 ll_verify_free         (LlVerify           *verify);

/* Elements the interpreter's list will hold at the end, and the bytes it
 * will take at most (the list and its objects): for checking it fits. */
guint64              ll_verify_get_length   (LlVerify           *verify);
guint64              ll_verify_get_bytes    (LlVerify           *verify);

/* The interpreter's list is real: does it fit in what the system can
 * spare (@config's memory probe, or the system) above the reserve? The
 * error (LL_RUN_ERROR_TOO_LARGE) says what it would take. */
gboolean             ll_verify_check_fits   (LlVerify           *verify,
                                             GError            **error);

/* Runs the interpreter on the calling thread until its list is as long as
 * the run's target. A cancel kills it (so does this process ending). */
gboolean             ll_verify_run          (LlVerify           *verify,
                                             GCancellable       *cancellable,
                                             GError            **error);
/* How far the interpreter came, 0 to 1: from any thread. */
double               ll_verify_get_fraction (LlVerify           *verify);

/* "3.11.2" once the interpreter started. */
const char          *ll_verify_get_version  (LlVerify           *verify);
const LlVerifyPoint *ll_verify_get_points   (LlVerify           *verify,
                                             gsize              *n_points);

/* Compares the interpreter's reallocations with List Lab's for the same
 * configuration. TRUE when all are identical. */
gboolean             ll_verify_compare      (LlVerify           *verify,
                                             LlVerifyVerdict    *verdict);
/* The interpreter's run as a finished run of kind LL_RUN_INTERPRETER:
 * each growth an event (nothing known of how the block grew), the
 * process's RSS and the system's free memory at each one a sample. Its
 * source is "Python 3.11.7". */
LlRun               *ll_verify_create_run   (LlVerify           *verify);

/* "133 of 133 reallocations identical" or where they first differ. */
char                *ll_verify_describe     (const LlVerifyVerdict *verdict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlVerify, ll_verify_free)

G_END_DECLS
