/* ui-test-util.h — what the window tests share: waiting, windows, widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "export-test-util.h"
#include "ll-ui-util.h"
#include "ll-window.h"

G_BEGIN_DECLS

#define MiB (G_GUINT64_CONSTANT (1) << 20)
#define GiB (G_GUINT64_CONSTANT (1) << 30)

/* What every UI test's main () starts with: GTK in test mode, libadwaita,
 * and the main context owned, as an application's main loop owns it (the
 * engine hands a run's end over through it). */
void              ui_test_init        (int            *argc,
                                       char         ***argv);
/* As ui_test_init (), with GTK's own accessibility backend for tests: what
 * each widget tells screen readers, read back without an AT-SPI bus. */
void              ui_test_init_accessible (int        *argc,
                                           char     ***argv);

/* Runs the main loop until *@flag is TRUE or @timeout_ms have passed;
 * returns *@flag. */
gboolean          wait_for_flag       (const gboolean *flag,
                                       guint           timeout_ms);
/* How an asynchronous call the test waits on ended: its callback sets it. */
typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Outcome;

/* Runs the main loop until @outcome is done (asserted, within
 * @timeout_ms); hands its error on, and returns whether it went well. */
gboolean          wait_outcome        (Outcome        *outcome,
                                       guint           timeout_ms,
                                       GError        **error);
/* Lets the frame clock paint @n frames of @widget's (5 s at the most). */
void              wait_frames         (GtkWidget      *widget,
                                       guint           n);
/* @widget's pixels as it draws itself, 4 bytes a pixel, rows packed;
 * all transparent where it draws nothing. */
guchar           *widget_pixels       (GtkWidget      *widget);
/* Whether two pixels differ by more than rounding. */
gboolean          pixels_differ       (const guchar   *a,
                                       const guchar   *b);
/* Runs the main loop for @ms. */
void              wait_ms             (guint           ms);

/* A "run-finished" handler that sets *@finished. */
void              on_run_finished     (LlWindow       *window,
                                       gboolean       *finished);

/* A new window, shown and mapped. */
LlWindow         *create_window       (void);
/* A window first shown at @width × @height. */
LlWindow         *create_window_sized (int width,
                                       int height);
/* Destroys @window and lets the main loop finish what that started. */
void              destroy_window      (LlWindow       *window);

/* Sets @window's controls for a run with @policy and @element from an
 * empty list to a container of @target, and checks they take it. */
void              configure_run       (LlWindow       *window,
                                       LlPolicyKind    policy,
                                       LlElement       element,
                                       const char     *target);
/* Whether Start can be pressed. */
gboolean          start_sensitive     (LlWindow       *window);
/* Presses Start and waits until the window has taken in the run's end. */
void              run_to_end          (LlWindow       *window);
/* Presses Release Memory and waits (5 s at the most) until the window
 * says the memory is released. */
void              release_memory      (LlWindow       *window);
/* Waits until the comparisons asked for were simulated and drawn. */
void              wait_compared       (LlWindow       *window);

/* Asserts that the string @key of @settings reads @expected. */
#define assert_setting_string(settings, key, expected) G_STMT_START { \
    g_autofree char *value_ = g_settings_get_string ((settings), (key)); \
    g_assert_cmpstr (value_, ==, (expected)); \
  } G_STMT_END

/* Whether @widget is the one looked for, as @data says. */
typedef gboolean (*WidgetMatch) (GtkWidget     *widget,
                                 gconstpointer  data);
/* The first widget under @root (not @root itself), depth first in the
 * order of the widget tree, that @matches, or NULL. */
GtkWidget        *find_first          (GtkWidget      *root,
                                       WidgetMatch     matches,
                                       gconstpointer   data);
/* The first label under @root that reads @text, or NULL. */
GtkWidget        *find_label          (GtkWidget      *root,
                                       const char     *text);
/* Where the charts stand in @window, from its top, as last laid out. */
float             board_top           (LlWindow       *window);
/* The first button under @root bound to @action_name, or NULL. */
GtkWidget        *find_button         (GtkWidget      *root,
                                       const char     *action_name);
/* The first widget of @type under @root, or NULL. */
GtkWidget        *find_widget         (GtkWidget      *root,
                                       GType           type);
/* Every widget of @type under @root, in the order of the widget tree. */
GPtrArray        *find_widgets        (GtkWidget      *root,
                                       GType           type);
/* The text of the toast over @window that starts with @prefix, or NULL:
 * what it shows. */
const char       *toast_text          (LlWindow       *window,
                                       const char     *prefix);
/* The first widget under @root with @tooltip, or NULL. */
GtkWidget        *find_by_tooltip     (GtkWidget      *root,
                                       const char     *tooltip);
/* The first action row under @root titled @title, or NULL. */
GtkWidget        *find_action_row     (GtkWidget      *root,
                                       const char     *title);
/* Presses @keyval with @modifiers on @widget through the key bindings of
 * its class, as GTK does for a key press with the focus on it; returns
 * whether a binding took the key. */
gboolean          press_key           (GtkWidget      *widget,
                                       guint           keyval,
                                       GdkModifierType modifiers);
/* The message dialog on screen, or NULL. */
AdwMessageDialog *find_message_dialog (void);
GtkWidget        *find_icon_button    (GtkWidget      *root,
                                       const char     *icon_name);
/* Whether screen readers are told @widget is hidden (with GTK_A11Y=test). */
gboolean          accessible_is_hidden (GtkWidget     *widget);

/* Removing a temporary folder (make_folder ()) and its files, if it is
 * there; list_folder () says what is in one. */
void              remove_dir          (const char     *dir);

G_END_DECLS
