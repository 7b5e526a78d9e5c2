/* ll-application.c — List Lab as a GNOME application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "ll-application.h"
#include "ll-run-files.h"
#include "ll-preferences-window.h"
#include "ll-window.h"

struct _LlApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  guint           signal_ids[3];  /* SIGTERM, SIGINT, SIGHUP */
  /* Option help built from the engine's names; GApplication keeps the
   * pointers. */
  char           *policy_help;
  char           *element_help;
};

G_DEFINE_FINAL_TYPE (LlApplication, ll_application, ADW_TYPE_APPLICATION)

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

/* Options choose the run for this session only (see
 * ll_controls_apply_command_line): a script that starts a demonstration
 * does not change what the person set up. */
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
  g_autofree const char **files = NULL;
  LlWindow *window;
  int status = 0;

  g_variant_dict_lookup (options, "policy", "&s", &policy);
  g_variant_dict_lookup (options, "target", "&s", &target);
  g_variant_dict_lookup (options, "element", "&s", &element);
  g_variant_dict_lookup (options, "start", "b", &start);

  window = get_window (self);
  if (!ll_window_apply_options (window, policy, target, element, start, &error))
    {
      g_application_command_line_printerr (command_line, "listlab: %s\n", error->message);
      /* A bad option changes nothing; a run that could not start (the
       * window busy, or settings no run takes) leaves its settings in the
       * window, which still comes up. */
      if (error->domain != G_IO_ERROR)
        return 2;
      status = 1;
    }

  /* Files of runs join the window's run list. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files))
    {
      g_autoptr(GPtrArray) together = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; files[i] != NULL; i++)
        g_ptr_array_add (together, g_application_command_line_create_file_for_arg (command_line, files[i]));
      ll_run_files_open_together (ll_window_get_run_files (window), (GFile **) together->pdata, together->len);
    }

  gtk_window_present (GTK_WINDOW (window));

  return status;
}

static void
ll_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (LL_APPLICATION (app))));
}

/* Window state */

static void
save_window_state (LlApplication *self,
                   LlWindow      *window)
{
  AdwFlap *flap = ll_window_get_flap (window);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (window));
  int width = 0, height = 0;

  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* A maximized window still knows the size it comes back to. */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  /* A folded sidebar hides because the window is narrow, not because the
   * person hid it. */
  if (!adw_flap_get_folded (flap))
    g_settings_set_boolean (self->settings, "sidebar-visible", adw_flap_get_reveal_flap (flap));
}

static gboolean
on_close_request (LlApplication *self,
                  GtkWindow     *window)
{
  save_window_state (self, LL_WINDOW (window));

  return GDK_EVENT_PROPAGATE;
}

static void
on_units_changed (GSettings  *settings,
                  const char *key,
                  LlWindow   *window)
{
  g_autofree char *units = g_settings_get_string (settings, "units");

  ll_window_set_units (window, g_str_equal (units, "si") ? LL_UNITS_SI : LL_UNITS_IEC);
}

static void
bind_window (LlApplication *self,
             LlWindow      *window)
{
  LlChartBoard *board = ll_window_get_board (window);

  gtk_window_set_default_size (GTK_WINDOW (window),
                               MAX (g_settings_get_int (self->settings, "window-width"), 360),
                               MAX (g_settings_get_int (self->settings, "window-height"), 294));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (window));
  adw_flap_set_reveal_flap (ll_window_get_flap (window),
                            g_settings_get_boolean (self->settings, "sidebar-visible"));

  ll_controls_bind_settings (ll_window_get_controls (window), self->settings);
  g_settings_bind (self->settings, "chart-log-length", ll_chart_board_get_axes (board), "log-length",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "chart-log-y", ll_chart_board_get_axes (board), "log-y",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "visible-chart", board, "visible-chart", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-reallocations", board, "show-table", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-all-figures", ll_window_get_summary (window), "expanded",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "changed::units",
                           G_CALLBACK (on_units_changed), window, 0);
  on_units_changed (self->settings, "units", window);

  g_signal_connect_object (window, "close-request",
                           G_CALLBACK (on_close_request), self, G_CONNECT_SWAPPED);
}

static void
ll_application_window_added (GtkApplication *app,
                             GtkWindow      *window)
{
  LlApplication *self = LL_APPLICATION (app);

  GTK_APPLICATION_CLASS (ll_application_parent_class)->window_added (app, window);

  if (LL_IS_WINDOW (window))
    bind_window (self, LL_WINDOW (window));
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  LlApplication *self = user_data;
  GList *windows;

  /* Each window cancels and joins its run as it goes; destroying skips
   * close-request, so the state is saved here. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    {
      if (LL_IS_WINDOW (windows->data))
        save_window_state (self, windows->data);
      gtk_window_destroy (windows->data);
    }

  g_application_quit (G_APPLICATION (self));
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
                         "copyright", "© 2026 The List Lab developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: your names, one per line, e.g.
                          * "Jane Doe <jane@example.org>" */
                         "translator-credits", _("translator-credits"),
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
  LlApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *window;

  g_return_if_fail (self->settings != NULL);

  window = GTK_WINDOW (ll_preferences_window_new (self->settings));
  if (parent != NULL)
    gtk_window_set_transient_for (window, parent);
  gtk_window_present (window);
}

/* The session ends (SIGTERM, SIGHUP) or Ctrl+C is pressed in the terminal
 * that started the app (SIGINT): the app quits as its menu does, so that a
 * run stops, exports abandon their temporary files and the window's state
 * is saved, instead of the process dying where it stands. */
static gboolean
on_quit_signal (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);

  return G_SOURCE_CONTINUE;
}

static void
watch_quit_signals (LlApplication *self)
{
  static const int signals[] = { SIGTERM, SIGINT, SIGHUP };

  G_STATIC_ASSERT (G_N_ELEMENTS (signals) == G_N_ELEMENTS (self->signal_ids));

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    self->signal_ids[i] = g_unix_signal_add (signals[i], on_quit_signal, self);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "preferences", preferences_action },
};

static gboolean
get_color_scheme_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *name = g_variant_get_string (variant, NULL);

  if (g_str_equal (name, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (name, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

static void
create_settings (LlApplication *self)
{
  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET,
                                get_color_scheme_mapping, NULL, NULL, NULL);
}

/* From the build tree (`meson devenv`), the icons are in the sources. */
static void
add_icon_path (void)
{
  const char *datadir = g_getenv ("LISTLAB_DATADIR");
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *icons = NULL;

  if (datadir == NULL || display == NULL)
    return;

  icons = g_build_filename (datadir, "icons", NULL);
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (display), icons);
}

static void
ll_application_startup (GApplication *app)
{
  LlApplication *self = LL_APPLICATION (app);

  G_APPLICATION_CLASS (ll_application_parent_class)->startup (app);

  create_settings (self);
  add_icon_path ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  /* Preferences live in the settings. */

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts",
                                         (const char *[]) { "<Control>question", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });

  gtk_window_set_default_icon_name (APP_ID);

  watch_quit_signals (self);
}

static void
ll_application_shutdown (GApplication *app)
{
  LlApplication *self = LL_APPLICATION (app);

  /* Past this point a signal ends the process as it would any other. */
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_ids); i++)
    g_clear_handle_id (&self->signal_ids[i], g_source_remove);

  G_APPLICATION_CLASS (ll_application_parent_class)->shutdown (app);
}

static void
ll_application_dispose (GObject *object)
{
  LlApplication *self = LL_APPLICATION (object);

  if (self->settings != NULL)
    {
      g_settings_unbind (adw_style_manager_get_default (), "color-scheme");
      g_clear_object (&self->settings);
    }

  G_OBJECT_CLASS (ll_application_parent_class)->dispose (object);
}

static void
ll_application_finalize (GObject *object)
{
  LlApplication *self = LL_APPLICATION (object);

  g_free (self->policy_help);
  g_free (self->element_help);

  G_OBJECT_CLASS (ll_application_parent_class)->finalize (object);
}

static void
ll_application_class_init (LlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = ll_application_dispose;
  object_class->finalize = ll_application_finalize;

  app_class->handle_local_options = ll_application_handle_local_options;
  app_class->command_line = ll_application_command_line;
  app_class->activate = ll_application_activate;
  app_class->startup = ll_application_startup;
  app_class->shutdown = ll_application_shutdown;

  gtk_app_class->window_added = ll_application_window_added;
}

static void
ll_application_init (LlApplication *self)
{
  g_autoptr(GString) policies = g_string_new (NULL);
  g_autoptr(GString) elements = g_string_new (NULL);

  for (guint i = 0; i < LL_N_POLICIES; i++)
    g_string_append_printf (policies, "%s%s", i > 0 ? ", " : "", ll_policy_get_info (i)->name);
  for (guint i = 0; i < LL_N_ELEMENTS; i++)
    g_string_append_printf (elements, "%s%s", i > 0 ? ", " : "", ll_element_get_info (i)->name);

  /* Translators: %s lists the policies' names, which stay in English */
  self->policy_help = g_strdup_printf (_("Growth policy for this session: %s"), policies->str);
  /* Translators: %s lists the element models' names, which stay in English */
  self->element_help = g_strdup_printf (_("Element model for this session: %s"), elements->str);

  {
    const GOptionEntry option_entries[] = {
      { "policy", 0, 0, G_OPTION_ARG_STRING, NULL, self->policy_help, N_("NAME") },
      { "target", 0, 0, G_OPTION_ARG_STRING, NULL,
        N_("Target size of the list for this session, e.g. 10GB or 512MiB"), N_("SIZE") },
      { "element", 0, 0, G_OPTION_ARG_STRING, NULL, self->element_help, N_("MODEL") },
      { "start", 0, 0, G_OPTION_ARG_NONE, NULL,
        N_("Start the run right away"), NULL },
      { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
        N_("Files of saved runs to open"), N_("[FILE…]") },
      { NULL }
    };

    g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  }

  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Watch a dynamic array grow in memory. Options "
                                              "set up a run for this session; the choices "
                                              "saved in the window stay as they are."));
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

GSettings *
ll_application_get_settings (LlApplication *self)
{
  g_return_val_if_fail (LL_IS_APPLICATION (self), NULL);

  return self->settings;
}
