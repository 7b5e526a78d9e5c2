/* ll-policy.h — growth policies of real dynamic arrays, as pure functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LL_POLICY_ERROR (ll_policy_error_quark ())

typedef enum
{
  LL_POLICY_ERROR_UNKNOWN,   /* no policy of that name */
  LL_POLICY_ERROR_INVALID,   /* a parameter is out of range */
} LlPolicyError;

typedef enum
{
  LL_POLICY_CPYTHON,
  LL_POLICY_CPYTHON_38,
  LL_POLICY_CPYTHON_ARRAY,   /* array.array: numbers only */
  LL_POLICY_NUMPY_APPEND,    /* np.append in a loop: numbers only */
  LL_POLICY_DOUBLE,
  LL_POLICY_MSVC,
  LL_POLICY_JAVA,
  LL_POLICY_GO,
  LL_POLICY_RUST,
  LL_POLICY_DOTNET,
  LL_POLICY_FIXED,
  LL_POLICY_CUSTOM,
  LL_N_POLICIES
} LlPolicyKind;

/* A policy's parameters, as LlPolicy holds them. */
typedef enum
{
  LL_POLICY_PARAM_NONE,
  LL_POLICY_PARAM_INCREMENT,  /* fixed */
  LL_POLICY_PARAM_FACTOR,     /* custom */
  LL_POLICY_PARAM_CONSTANT,   /* custom */
  LL_POLICY_PARAM_ROUND,      /* custom */
} LlPolicyParam;

/* How a block grows: realloc() (CPython, Rust), allocate-copy-free (C++,
 * Java, Go, .NET: old and new are briefly both resident) or the engine's own
 * mmap()/mremap() mapping (no copy, optional transparent huge pages). */
typedef enum
{
  LL_MECHANISM_DEFAULT = -1,  /* the policy's own runtime's mechanism */
  LL_MECHANISM_REALLOC = 0,
  LL_MECHANISM_COPY,
  LL_MECHANISM_MREMAP,
  LL_N_MECHANISMS
} LlMechanism;

typedef struct
{
  LlPolicyKind kind;
  guint64      increment;  /* fixed: elements added per growth (>= 1) */
  double       factor;     /* custom: new = ceil (old * factor) + constant */
  guint64      constant;   /* custom */
  guint64      round;      /* custom: capacity rounded up to a multiple (>= 1) */
} LlPolicy;

typedef struct
{
  LlPolicyKind  kind;
  const char   *name;         /* stable, used on the command line: "cpython" */
  const char   *title;        /* translatable, short: "CPython 3.9+" */
  const char   *description;  /* translatable, one line */
  const char   *source;       /* the implementation it mirrors */
  LlMechanism   mechanism;    /* the runtime's own growth mechanism */
  const char   *initial;      /* how the runtime makes a list of n elements,
                               * "list(range(n))"; NULL: none in particular */
  const char   *short_title;  /* translatable, for a legend beside others: "libstdc++" */
  guint         header_bytes; /* what sys.getsizeof counts besides the slots (or
                               * the runtime's own header): 56 for a list */
  gboolean      numbers_only; /* holds machine numbers, not objects: the int64
                               * or int32 element model */
} LlPolicyInfo;

GQuark              ll_policy_error_quark        (void);

const LlPolicyInfo *ll_policy_get_info           (LlPolicyKind    kind);
gboolean            ll_policy_kind_from_name     (const char     *name,
                                                  LlPolicyKind   *kind,
                                                  GError        **error);
/* The runtimes' own policies, as "All Policies" compares them: not fixed
 * and custom (set-ups, not runtimes) nor np.append (its copies grow with
 * the square of the length: asked for by name). Writes them to @kinds,
 * which has room for LL_N_POLICIES, and returns how many. */
guint               ll_policy_list_runtimes      (LlPolicyKind   *kinds);
const char         *ll_mechanism_to_string       (LlMechanism     mechanism);
gboolean            ll_mechanism_from_string     (const char     *name,
                                                  LlMechanism    *mechanism,
                                                  GError        **error);

/* Fills in the kind and default parameters (fixed: 4; custom: factor 1.5,
 * constant 0, round 1). */
void                ll_policy_init               (LlPolicy       *policy,
                                                  LlPolicyKind    kind);
gboolean            ll_policy_validate           (const LlPolicy *policy,
                                                  GError        **error);
/* As ll_policy_validate (), and which parameter it refuses @policy for:
 * the first in the order it checks them (LL_POLICY_PARAM_CONSTANT: a
 * factor of 1 with no constant); LL_POLICY_PARAM_NONE when it takes it. A
 * form or the command line points at that field or option. */
LlPolicyParam       ll_policy_check              (const LlPolicy *policy,
                                                  GError        **error);

/* The capacity a list of @length elements and @capacity slots ends up with
 * when it is resized to @new_length elements (one append: @length + 1; an
 * extend: @length + n). Returns @capacity when no reallocation happens.
 * The result is always >= @new_length; saturates instead of overflowing. */
guint64             ll_policy_resize             (const LlPolicy *policy,
                                                  guint64         length,
                                                  guint64         capacity,
                                                  guint64         new_length);

/* The capacity of a list created holding @length elements, as CPython's
 * list(range(n)) allocates it (rounded up to even); the other runtimes
 * allocate exactly @length. */
guint64             ll_policy_initial_capacity   (const LlPolicy *policy,
                                                  guint64         length);

/* "cpython", "fixed:increment=4", "custom:factor=1.5,constant=0,round=1" */
char               *ll_policy_to_string          (const LlPolicy *policy);

G_END_DECLS
