/* ll-size-private.h — what reading and writing sizes share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-size.h"

G_BEGIN_DECLS

/* The locale's decimal point, "." where it has none. */
const char *ll_size_decimal_point (void);

/* How a language writes numbers: its decimal point and what separates
 * its groups of digits, as nl_langinfo () says (RADIXCHAR, THOUSEP). */
typedef struct
{
  const char *point;
  const char *thousands;
} LlNumberStyle;

/* The user's locale's. */
void        ll_number_style_get_locale (LlNumberStyle *style);

/* ll_size_parse_bytes_units (), ll_size_parse_count () and
 * ll_size_parse_decimal () as they read text with LL_SIZE_FLAGS_LOCALE in
 * a locale that writes numbers in @style (NULL: the user's locale). */
gboolean    ll_size_parse_bytes_styled   (const char          *text,
                                          LlSizeFlags          flags,
                                          const LlNumberStyle *style,
                                          guint64             *bytes,
                                          LlUnits             *units,
                                          GError             **error);
gboolean    ll_size_parse_count_styled   (const char          *text,
                                          LlSizeFlags          flags,
                                          const LlNumberStyle *style,
                                          guint64             *count,
                                          GError             **error);
gboolean    ll_size_parse_decimal_styled (const char          *text,
                                          LlSizeFlags          flags,
                                          const LlNumberStyle *style,
                                          double              *number,
                                          GError             **error);

G_END_DECLS
