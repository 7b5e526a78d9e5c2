/* ll-size-private.h — what reading and writing sizes share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The locale's decimal point, "." where it has none. */
const char *ll_size_decimal_point (void);

G_END_DECLS
