/* ll-run-config.h — everything that defines a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-element.h"
#include "ll-mem.h"
#include "ll-policy.h"
#include "ll-size.h"

G_BEGIN_DECLS

#define LL_RUN_ERROR (ll_run_error_quark ())

typedef enum
{
  LL_RUN_ERROR_INVALID,       /* the configuration itself is wrong */
  LL_RUN_ERROR_TOO_LARGE,     /* the target does not fit in what the system can spare */
  LL_RUN_ERROR_NO_MEMORY,     /* an allocation failed */
  LL_RUN_ERROR_FAILED,
} LlRunError;

typedef enum
{
  LL_TARGET_CONTAINER_BYTES,  /* sys.getsizeof-style container bytes (default) */
  LL_TARGET_TOTAL_BYTES,      /* container + element objects */
  LL_TARGET_ELEMENTS,         /* list length */
} LlTargetKind;

#define LL_DEFAULT_SAMPLE_HZ 20
#define LL_RESERVE_DEFAULT   G_MAXUINT64

typedef struct
{
  LlPolicy        policy;
  LlMechanism     mechanism;       /* LL_MECHANISM_DEFAULT: the policy's own */
  LlElement       element;
  guint64         initial_length;  /* allocated as list(range(n)) is */
  guint64         batch;           /* elements per append; > 1 is list.extend */
  LlTargetKind    target_kind;
  guint64         target;
  LlUnits         target_units;    /* how the target is shown: as it was written */
  guint64         reserve_bytes;   /* LL_RESERVE_DEFAULT: ll_mem_default_reserve () */
  guint           sample_hz;       /* memory sampler clock */
  gboolean        huge_pages;      /* madvise (MADV_HUGEPAGE) the mremap mapping */
  LlMemProbeFunc  mem_probe;       /* NULL: the real system */
  gpointer        mem_probe_data;
  guint           history_buckets; /* full-resolution history (0: LL_HISTORY_DEFAULT_BUCKETS) */
} LlRunConfig;

/* The most elements any count of a run may be (initial length, batch,
 * increment, constant, a target in elements): 2^56, far beyond any real
 * memory and small enough that no byte count derived from them (8 bytes a
 * slot, a factor of 16 at most) can overflow 64 bits. */
#define LL_RUN_MAX_ELEMENTS (G_GUINT64_CONSTANT (1) << 56)

GQuark       ll_run_error_quark          (void);

/* Defaults: cpython, its mechanism, shared, length 0, batch 1,
 * 10 GB (10^9 * 10) container bytes, default reserve, 20 Hz, no huge pages. */
void         ll_run_config_init          (LlRunConfig       *config);
gboolean     ll_run_config_validate      (const LlRunConfig *config,
                                          GError           **error);
LlMechanism  ll_run_config_get_mechanism (const LlRunConfig *config);
/* Whether a list of @kind holds @element: array.array and NumPy hold
 * machine numbers (int64, int32), the others objects or numbers. */
gboolean     ll_run_config_holds         (LlPolicyKind       kind,
                                          LlElement          element);
/* The element model a run of @kind takes when none is chosen: shared, or
 * int64 (NumPy's integers, array('q')) where it holds numbers only. */
LlElement    ll_run_config_default_element (LlPolicyKind     kind);
/* @config's set-up for a run of another runtime, @kind, into @out: the
 * policy's defaults, its own mechanism, and the elements it can hold
 * (int64 for NumPy and array.array where @config's are objects). */
void         ll_run_config_for_policy    (const LlRunConfig *config,
                                          LlPolicyKind       kind,
                                          LlRunConfig       *out);
/* What sys.getsizeof (or the runtime) counts besides the slots: 56 for a
 * list, the policy's own header otherwise. */
guint        ll_run_config_header_bytes  (const LlRunConfig *config);
/* How long a real run would copy: np.append copies the whole array on
 * every append, so its copies grow with the square of the length. FALSE,
 * with an error that says how much, how long and the largest target that
 * finishes in minutes, when it would take longer. */
#define LL_COPY_BYTES_PER_SECOND (G_GUINT64_CONSTANT (4) * 1000 * 1000 * 1000)
#define LL_COPY_SECONDS_MAX      600
gboolean     ll_run_config_check_copies  (const LlRunConfig *config,
                                          GError           **error);
/* What a run that copies with the square of its length will copy, and how
 * long that takes, in a sentence to say before it starts; NULL for a
 * policy that does not. */
char        *ll_run_config_describe_copies (const LlRunConfig *config);
/* The header plus @capacity slots, saturating. */
guint64      ll_run_config_container_bytes (const LlRunConfig *config,
                                            guint64            capacity);
/* The reserve in bytes this config asks for given the memory now. */
guint64      ll_run_config_get_reserve   (const LlRunConfig *config,
                                          const LlMemInfo   *info);

/* Peak bytes the run would have resident at its end: slots written
 * (length * slot) + objects, plus, for the copy mechanism, the old block
 * during the last copy. Computed by running the stepper. */
guint64      ll_run_config_estimate_peak (const LlRunConfig *config,
                                          guint64           *final_length,
                                          guint64           *final_capacity);

/* TRUE when the initial list already reaches the target: the run makes
 * it, as list(range(n)) does, and stops without growing it. */
gboolean     ll_run_config_starts_at_target (const LlRunConfig *config);

/* The target as people read it, in the units it was written in: "10.00 GB",
 * "9.31 GiB in all (container + objects)", "40,000,000 elements". */
char        *ll_run_config_format_target (const LlRunConfig *config);
/* A byte target rounded down to what ll_run_config_format_target ()
 * shows of it (ll_bytes_round_down ()); a count of elements is shown
 * whole. For the largest target that fits: as shown and as typed back,
 * it still fits. */
void         ll_run_config_round_target_down (LlRunConfig *config);

/* The memory reserve as people write it: "auto" (or nothing) for
 * LL_RESERVE_DEFAULT; a share of the memory, "10%" ("10 %"); else a size
 * (0 is no reserve). @info (may be NULL) is this machine's memory: a share
 * is of it, as the automatic reserve is, and a reserve over all of it is
 * refused. The error says the forms. */
gboolean     ll_reserve_parse            (const char        *text,
                                          LlSizeFlags        flags,
                                          const LlMemInfo   *info,
                                          guint64           *reserve,
                                          GError           **error);
/* What the reserve @text means, in a sentence; @info (may be NULL) gives
 * its size here. NULL when it is not one, with ll_reserve_parse ()'s
 * reason in @error. */
char        *ll_reserve_describe         (const char        *text,
                                          LlSizeFlags        flags,
                                          const LlMemInfo   *info,
                                          LlUnits            units,
                                          GError           **error);

G_END_DECLS
