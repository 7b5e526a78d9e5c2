/* ll-arith.h — byte and element counts that saturate instead of wrapping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* G_MAXUINT64 stands for "more than can be counted": a capacity or a byte
 * count past it is never allocated, so saturating loses nothing. */
static inline guint64
ll_sat_add (guint64 a,
            guint64 b)
{
  guint64 r;

  return g_uint64_checked_add (&r, a, b) ? r : G_MAXUINT64;
}

static inline guint64
ll_sat_mul (guint64 a,
            guint64 b)
{
  guint64 r;

  return g_uint64_checked_mul (&r, a, b) ? r : G_MAXUINT64;
}

static inline guint64
ll_sat_sub (guint64 a,
            guint64 b)
{
  return a > b ? a - b : 0;
}

/* Rounds up to a multiple of @multiple (> 0), or saturates. */
static inline guint64
ll_sat_round_up (guint64 value,
                 guint64 multiple)
{
  guint64 rem = value % multiple;

  return rem == 0 ? value : ll_sat_add (value, multiple - rem);
}

G_END_DECLS
