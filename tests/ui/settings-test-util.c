/* settings-test-util.c — the application run as main () runs it, over the
 * settings a test gives it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "settings-test-util.h"
#include "ui-test-util.h"

void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct
{
  AppBody  body;
  gpointer data;
  gboolean ran;
} RunData;

static gboolean
run_body (gpointer user_data)
{
  RunData *run = user_data;
  GApplication *app = g_application_get_default ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  g_assert_true (LL_IS_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  run->body (LL_APPLICATION (app), LL_WINDOW (window), run->data);
  run->ran = TRUE;

  /* As Ctrl+Q does: the windows go, their state is saved. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

static void
on_startup (GApplication *app,
            RunData      *run)
{
  g_idle_add (run_body, run);
}

/* Runs the application as main () does, with @args as its options, calls
 * @body once its window is up, then quits it and checks it is gone. */
void
run_app (const char * const *args,
         AppBody             body,
         gpointer            data)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  RunData run = { body, data, FALSE };
  LlApplication *app = ll_application_new ();
  gpointer weak = app;
  int status;

  /* Not on the bus: each test starts the application again in this
   * process, and nothing else may answer to its name. */
  g_application_set_application_id (G_APPLICATION (app), NULL);
  g_signal_connect_after (app, "startup", G_CALLBACK (on_startup), &run);

  g_ptr_array_add (argv, (gpointer) "listlab");
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  status = g_application_run (G_APPLICATION (app), argv->len - 1, (char **) argv->pdata);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.ran);

  g_object_add_weak_pointer (G_OBJECT (app), &weak);
  g_object_unref (app);
  iterate ();
  g_assert_null (weak);
}

/* The first widget of @type under @root; with @title, the preferences row
 * of that title. */
typedef struct
{
  GType       type;
  const char *title;
} Titled;

static gboolean
is_titled (GtkWidget     *widget,
           gconstpointer  data)
{
  const Titled *t = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, t->type) &&
         (t->title == NULL ||
          (ADW_IS_PREFERENCES_ROW (widget) &&
           g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), t->title) == 0));
}

GtkWidget *
find_titled (GtkWidget  *root,
             GType       type,
             const char *title)
{
  Titled t = { type, title };

  return find_first (root, is_titled, &t);
}

GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }

  return NULL;
}

void
reset_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  reset_settings (settings);
  return settings;
}

void
settings_test_init (int    *argc,
                    char ***argv)
{
  /* As `meson devenv` does: the icons from the sources. */
  g_setenv ("LISTLAB_DATADIR", TEST_SRCDIR "/../data", TRUE);
  g_unsetenv ("LANGUAGE");

  ui_test_init (argc, argv);
}
