/* ll-ui-util.h — small things the app's forms share: messages under fields, buttons' names, settings mappings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ll-chart-palette.h"

G_BEGIN_DECLS

/* Values as wide as the widest a run shows in each format, for labels
 * that are measured, never shown, and keep the room of what a label will
 * say: "1000.00 MiB" on the way from MiB to GiB (M is the widest prefix,
 * and the digits are all as wide), "8,888,888,888" as an exact count,
 * "59 min 58 s" since a run started. */
#define LL_UI_WIDEST_BYTES       (G_GUINT64_CONSTANT (1000) << 20)
#define LL_UI_WIDEST_COUNT       G_GUINT64_CONSTANT (8888888888)
#define LL_UI_WIDEST_ELAPSED_NS  G_GUINT64_CONSTANT (3598000000000)

typedef enum
{
  LL_MESSAGE_NOTE,     /* what the value means, dimmed */
  LL_MESSAGE_WARNING,  /* taken, but worth a second look */
  LL_MESSAGE_ERROR,    /* not taken: the field is marked too */
} LlMessageKind;

/* Shows @text (NULL or "": hides it) in @label, the message under
 * @field, styled for @kind; @field may be NULL. */
void      ll_ui_show_message        (GtkLabel      *label,
                                     GtkWidget     *field,
                                     const char    *text,
                                     LlMessageKind  kind);

/* A dialog over @parent that says what went wrong: @heading, then @body,
 * and a Close button (also Escape). */
void      ll_ui_show_error          (GtkWindow     *parent,
                                     const char    *heading,
                                     const char    *body);

/* A toast that shows @text as it is: libadwaita 1.2 reads a toast's
 * title as markup, where a file named "R&D <draft>" would show nothing. */
AdwToast *ll_ui_toast_new           (const char    *text);
/* The same for the title of a toast shown. */
void      ll_ui_toast_set_text      (AdwToast      *toast,
                                     const char    *text);

/* Destroys the file chooser *@chooser holds, if any, and lets it go. */
void      ll_ui_chooser_close       (GtkNativeDialog  **chooser);

/* For a file chooser's "response": the file chosen, or NULL; destroys
 * @native, and lets it go if *@chooser still holds it. */
GFile    *ll_ui_chooser_finish      (GtkNativeDialog   *native,
                                     int                response,
                                     GtkNativeDialog  **chooser);

/* Marks @field as holding what cannot be taken, or not: its error style,
 * and its state for screen readers. */
void      ll_ui_set_invalid         (GtkWidget     *field,
                                     gboolean       invalid);

/* Gives the widgets under @root the names GTK 4.8 gets wrong. A button
 * with a mnemonic is named after its visible label alone (GTK names it
 * after its "label" property, underscore included, and after its label
 * widget too: "_Start Start"); the list a combo row shows its value in
 * is named after the row (GTK names it "GtkListView"). */
void      ll_ui_name_widgets        (GtkWidget     *root);

/* An icon button at the end of a row: flat, and named @name both as its
 * tooltip and for screen readers. */
void      ll_ui_set_up_row_button   (GtkWidget     *button,
                                     const char    *name);

/* Names @view, and the list of rows inside it (which GTK 4.8 names
 * "GtkColumnListView"), @name; @description tells what it holds. */
void      ll_ui_name_column_view    (GtkColumnView *view,
                                     const char    *name,
                                     const char    *description);

/* Gives @row a factory for its chosen value (@setup_value, @bind_value)
 * and one for its list (@setup_item, @bind_item), whose items' child has a
 * check mark as its last widget: shown on the chosen item, as the row's
 * default list does. */
void      ll_ui_combo_row_set_factories (AdwComboRow *row,
                                         GCallback    setup_value,
                                         GCallback    bind_value,
                                         GCallback    setup_item,
                                         GCallback    bind_item);

/* @text for a label that wraps: Pango may break a line between two plus
 * signs, so "C++" and "libstdc++" get a word joiner (U+2060) there. */
char     *ll_ui_wrappable_text      (const char         *text);
/* The same, as a g_object_bind_property_full () transformation. */
gboolean  ll_ui_wrappable_transform (GBinding           *binding,
                                     const GValue       *from,
                                     GValue             *to,
                                     gpointer            user_data);

/* g_settings_bind_with_mapping () mappings. */

/* A string key with choices and a combo row's "selected": @user_data is
 * the NULL-terminated choices, in the row's order. */
gboolean  ll_ui_get_choice_mapping  (GValue             *value,
                                     GVariant           *variant,
                                     gpointer            user_data);
GVariant *ll_ui_set_choice_mapping  (const GValue       *value,
                                     const GVariantType *expected_type,
                                     gpointer            user_data);
/* A string key and a text field, as is. */
gboolean  ll_ui_get_text_mapping    (GValue             *value,
                                     GVariant           *variant,
                                     gpointer            user_data);
/* A whole-number ("t") key and a text field written as people write
 * numbers; only a number within the key's range (@user_data: the key's
 * name) is saved. */
gboolean  ll_ui_get_whole_mapping   (GValue             *value,
                                     GVariant           *variant,
                                     gpointer            user_data);
GVariant *ll_ui_set_whole_mapping   (const GValue       *value,
                                     const GVariantType *expected_type,
                                     gpointer            user_data);

/* The charts' colours in the style the person chose: light, dark, or
 * high contrast. */
void      ll_ui_chart_palette_init  (LlChartPalette *palette);

/* The app's style sheet (style.css in its resources), for a window shown
 * without the application, which loads it itself: tests and benchmarks
 * then lay out and draw what the app does. Once per process. */
void      ll_ui_load_style          (void);

G_END_DECLS
