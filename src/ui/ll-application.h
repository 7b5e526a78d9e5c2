/* ll-application.h — List Lab as a GNOME application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LL_TYPE_APPLICATION (ll_application_get_type ())

G_DECLARE_FINAL_TYPE (LlApplication, ll_application, LL, APPLICATION, AdwApplication)

LlApplication *ll_application_new          (void);
/* The application's settings, or NULL when the schema is not installed
 * (then nothing is saved and every window starts from the defaults). */
GSettings     *ll_application_get_settings (LlApplication *self);

G_END_DECLS
