/* ui-test-util.c — what the window tests share: waiting, windows, widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui-test-util.h"

void
ui_test_init (int    *argc,
              char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_main_context_acquire (NULL);
}

void
ui_test_init_accessible (int    *argc,
                         char ***argv)
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (argc, argv);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
wait_for_flag (const gboolean *flag,
               guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return *flag;
}

gboolean
wait_outcome (Outcome  *outcome,
              guint     timeout_ms,
              GError  **error)
{
  g_assert_true (wait_for_flag (&outcome->done, timeout_ms));
  g_assert_true (outcome->ok == (outcome->error == NULL));
  if (outcome->error != NULL)
    g_propagate_error (error, g_steal_pointer (&outcome->error));
  return outcome->ok;
}

void
wait_ms (guint ms)
{
  gboolean never = FALSE;

  wait_for_flag (&never, ms);
}

void
on_run_finished (LlWindow *window,
                 gboolean *finished)
{
  *finished = TRUE;
}

LlWindow *
create_window (void)
{
  return create_window_sized (-1, -1);
}

LlWindow *
create_window_sized (int width,
                     int height)
{
  LlWindow *window;
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  /* As the app's: its style sheet too. */
  ll_ui_load_style ();
  window = ll_window_new (NULL);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

void
destroy_window (LlWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
configure_run (LlWindow     *window,
               LlPolicyKind  policy,
               LlElement     element,
               const char   *target)
{
  LlControls *controls = ll_window_get_controls (window);

  ll_controls_set_policy (controls, policy);
  ll_controls_set_element (controls, element);
  ll_controls_set_target_kind (controls, LL_TARGET_CONTAINER_BYTES);
  ll_controls_set_target_text (controls, target);
  ll_controls_set_initial_text (controls, "0");
  g_assert_true (ll_controls_get_valid (controls));
}

gboolean
start_sensitive (LlWindow *window)
{
  GtkWidget *button = find_button (GTK_WIDGET (window), "win.start");

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

void
run_to_end (LlWindow *window)
{
  gboolean finished = FALSE;
  gulong id = g_signal_connect (window, "run-finished", G_CALLBACK (on_run_finished), &finished);

  g_assert_true (start_sensitive (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL));
  g_assert_true (wait_for_flag (&finished, 60000));
  g_signal_handler_disconnect (window, id);
}

void
release_memory (LlWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.release-memory", NULL));
  while (g_strcmp0 (ll_window_get_status_text (window), "Memory released") != 0 &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (ll_window_get_status_text (window), ==, "Memory released");
}

void
wait_compared (LlWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;

  while (ll_run_set_is_busy (ll_window_get_runs (window)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ll_run_set_is_busy (ll_window_get_runs (window)));
}

GtkWidget *
find_first (GtkWidget     *root,
            WidgetMatch    matches,
            gconstpointer  data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (matches (child, data))
        return child;
      if ((found = find_first (child, matches, data)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
reads (GtkWidget     *widget,
       gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return find_first (root, reads, text);
}

float
board_top (LlWindow *window)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (ll_window_get_board (window)),
                                           GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

GtkWidget *
find_button (GtkWidget  *root,
             const char *action_name)
{
  return find_first (root, is_button_for, action_name);
}

static gboolean
is_action_row_titled (GtkWidget     *widget,
                      gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

GtkWidget *
find_action_row (GtkWidget  *root,
                 const char *title)
{
  return find_first (root, is_action_row_titled, title);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  return find_first (root, has_tooltip, tooltip);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  return find_first (root, is_of_type, GSIZE_TO_POINTER (type));
}

static void
add_widgets (GtkWidget *root,
             GType      type,
             GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      add_widgets (child, type, found);
    }
}

GPtrArray *
find_widgets (GtkWidget *root,
              GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  add_widgets (root, type, found);
  return found;
}

const char *
toast_text (LlWindow   *window,
            const char *prefix)
{
  g_autoptr(GPtrArray) labels = find_widgets (GTK_WIDGET (window), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (labels->pdata[i]);

      if (g_str_has_prefix (text, prefix) && gtk_widget_get_mapped (labels->pdata[i]))
        return text;
    }
  return NULL;
}

gboolean
press_key (GtkWidget      *widget,
           guint           keyval,
           GdkModifierType modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

gboolean
accessible_is_hidden (GtkWidget *widget)
{
  g_autofree char *shown = NULL;

  if (!gtk_test_accessible_has_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN))
    return FALSE;
  shown = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  return shown != NULL;
}

AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

void
remove_dir (const char *dir)
{
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    remove_folder (dir);
}

/* The first button or menu button under @root showing @icon_name. */
static gboolean
shows_icon (GtkWidget     *widget,
            gconstpointer  icon_name)
{
  return (GTK_IS_BUTTON (widget) &&
          g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0) ||
         (GTK_IS_MENU_BUTTON (widget) &&
          g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), icon_name) == 0);
}

GtkWidget *
find_icon_button (GtkWidget  *root,
                  const char *icon_name)
{
  return find_first (root, shows_icon, icon_name);
}

static gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Lets the frame clock paint a few frames. */
void
wait_frames (GtkWidget *widget,
             guint      n)
{
  guint frames = 0;
  gboolean timed_out = FALSE;
  guint tick = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);
  guint timeout = g_timeout_add (5000, timeout_cb, &timed_out);

  while (frames < n && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  gtk_widget_remove_tick_callback (widget, tick);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_false (timed_out);
}

static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* It drew nothing. */
  if (node == NULL)
    return NULL;

  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* @widget's pixels as it draws itself, 4 bytes a pixel, rows packed;
 * all transparent where it draws nothing. */
guchar *
widget_pixels (GtkWidget *widget)
{
  g_autoptr(GdkTexture) texture = render_widget (widget);
  int width = gtk_widget_get_width (widget);
  guchar *pixels = g_malloc0 ((gsize) width * 4 * gtk_widget_get_height (widget));

  if (texture == NULL)
    return pixels;
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  return pixels;
}

/* Whether two pixels differ by more than rounding. */
gboolean
pixels_differ (const guchar *a,
               const guchar *b)
{
  for (int c = 0; c < 4; c++)
    if (ABS ((int) a[c] - (int) b[c]) > 2)
      return TRUE;
  return FALSE;
}
