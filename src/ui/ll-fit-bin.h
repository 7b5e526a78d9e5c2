/* ll-fit-bin.h — a child shown where it fits and left out where it does not:
 * it never makes what holds it wider
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LL_TYPE_FIT_BIN (ll_fit_bin_get_type ())

G_DECLARE_FINAL_TYPE (LlFitBin, ll_fit_bin, LL, FIT_BIN, AdwBin)

/* Asks for no width of its own and as much as its child (adw_bin_set_child ())
 * would like: given less than the child's least, it shows nothing (and
 * screen readers are not told of the child either). */
GtkWidget *ll_fit_bin_new          (void);
/* Whether the child had room at the last layout. */
gboolean   ll_fit_bin_get_fits     (LlFitBin  *self);

G_END_DECLS
