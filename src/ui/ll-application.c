/* ll-application.c — List Lab as a GNOME application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-application.h"
#include "ll-window.h"

struct _LlApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (LlApplication, ll_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "policy", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Growth policy: cpython, cpython38, double, msvc, java, go, rust, dotnet, fixed, custom"),
    N_("NAME") },
  { "target", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Target size of the list, e.g. 10GB or 512MiB"), N_("SIZE") },
  { "element", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Element model: shared, boxed, int64, int32"), N_("MODEL") },
  { "start", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start the run right away"), NULL },
  { NULL }
};

static LlWindow *
get_window (LlApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (ll_window_new (GTK_APPLICATION (self)));

  return LL_WINDOW (window);
}

/* Checks the options where the command was typed, so that a mistake is
 * reported there with exit status 2 even when another instance runs. */
static int
ll_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  const char *policy = NULL;
  const char *target = NULL;
  const char *element = NULL;
  LlPolicyKind kind;
  LlElement model;
  guint64 bytes;

  g_variant_dict_lookup (options, "policy", "&s", &policy);
  g_variant_dict_lookup (options, "target", "&s", &target);
  g_variant_dict_lookup (options, "element", "&s", &element);

  if ((policy != NULL && !ll_policy_kind_from_name (policy, &kind, &error)) ||
      (target != NULL && !ll_size_parse_bytes (target, LL_SIZE_FLAGS_NONE, &bytes, &error)) ||
      (element != NULL && !ll_element_from_name (element, &model, &error)))
    {
      g_printerr ("listlab: %s\n", error->message);
      return 2;
    }

  return -1;
}

static int
ll_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  LlApplication *self = LL_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *policy = NULL;
  const char *target = NULL;
  const char *element = NULL;
  gboolean start = FALSE;
  LlWindow *window;

  g_variant_dict_lookup (options, "policy", "&s", &policy);
  g_variant_dict_lookup (options, "target", "&s", &target);
  g_variant_dict_lookup (options, "element", "&s", &element);
  g_variant_dict_lookup (options, "start", "b", &start);

  window = get_window (self);
  if (!ll_window_apply_options (window, policy, target, element, start, &error))
    {
      g_application_command_line_printerr (command_line, "listlab: %s\n", error->message);
      return 2;
    }

  gtk_window_present (GTK_WINDOW (window));

  return 0;
}

static void
ll_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (LL_APPLICATION (app))));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows;

  /* Each window cancels and joins its run as it goes. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);

  g_application_quit (app);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The List Lab developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("List Lab"),
                         "application-icon", APP_ID,
                         "developer-name", _("The List Lab developers"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/listlab/listlab",
                         "issue-url", "https://github.com/listlab/listlab/issues",
                         "comments", _("See how a dynamic array — a Python list, a C++ vector, "
                                       "a Go slice, a Rust Vec — grows in memory."),
                         "copyright", "© 2025 The List Lab developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         NULL);
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *window;

  builder = gtk_builder_new_from_resource ("/io/github/listlab/ListLab/ll-shortcuts-window.ui");
  window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (window, gtk_application_get_active_window (app));
  gtk_window_set_application (window, app);
  gtk_window_present (window);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "preferences", preferences_action },
};

static void
ll_application_startup (GApplication *app)
{
  GAction *preferences;

  G_APPLICATION_CLASS (ll_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  /* The preferences window arrives with the settings. */
  preferences = g_action_map_lookup_action (G_ACTION_MAP (app), "preferences");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), FALSE);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });

  gtk_window_set_default_icon_name (APP_ID);
}

static void
ll_application_class_init (LlApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = ll_application_handle_local_options;
  app_class->command_line = ll_application_command_line;
  app_class->activate = ll_application_activate;
  app_class->startup = ll_application_startup;
}

static void
ll_application_init (LlApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Watch a dynamic array grow in memory."));
}

LlApplication *
ll_application_new (void)
{
  return g_object_new (LL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/listlab/ListLab",
                       NULL);
}
