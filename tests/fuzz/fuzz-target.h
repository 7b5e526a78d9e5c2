/* fuzz-target.h — what every fuzz target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* libFuzzer's entry point, one per target. Built as a test, fuzz-replay.c
 * calls it once for every file of the target's corpus. Returns 0. */
int   LLVMFuzzerTestOneInput (const uint8_t *data,
                              size_t         size);

/* Starts trying an input: sets the process up the first time (the locale
 * of the tests, warnings and criticals fatal), and keeps the input for
 * ll_fuzz_fail(). */
void  ll_fuzz_begin          (const uint8_t *data,
                              size_t         size);

/* An invariant does not hold: says which, shows the input, aborts (so
 * that libFuzzer keeps the input as a crash). */
G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
void  ll_fuzz_fail           (const char    *format,
                              ...);

#define ll_fuzz_check(condition, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(condition))) \
      ll_fuzz_fail (__VA_ARGS__); \
  } G_STMT_END

/* Whether the check named @name is to be skipped: LL_FUZZ_SKIP lists the
 * names, separated by commas, to look past a known failure and on. */
gboolean ll_fuzz_skips       (const char    *name);

/* Whether @text is valid UTF-8 with no control character but newlines:
 * what a message may show a terminal. */
gboolean ll_fuzz_is_printable (const char *text);

G_END_DECLS
