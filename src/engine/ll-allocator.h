/* ll-allocator.h — the process's allocator, set for lists that come and go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fixes the allocator's thresholds once for the process, so that every
 * run grows its list alike and a released list leaves no resident heap
 * behind; idempotent. */
void ll_allocator_init      (void);
/* Gives the pages of freed blocks back to the system: called once a list
 * was released. */
void ll_allocator_give_back (void);

G_END_DECLS
