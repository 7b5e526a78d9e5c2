/* ll-window-runs.c — the window's run list: comparisons, the real interpreter, runs opened from a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-ui-util.h"
#include "ll-window-private.h"

/* The runs kept but the one the window shows: all of them, or the one
 * numbered @id (0: all). */
static GPtrArray *
runs_to_remove (LlWindow *self,
                guint     id)
{
  GListModel *store = ll_run_set_get_model (self->runs);
  GPtrArray *runs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      LlRun *run = g_list_model_get_item (store, i);

      if (run != self->run && (id == 0 || ll_run_get_id (run) == id))
        g_ptr_array_add (runs, run);
      else
        g_object_unref (run);
    }
  return runs;
}

/* Remove Every Other Run, where there is one, or one on its way. */
static void
update_clear_runs (LlWindow *self)
{
  g_autoptr(GPtrArray) others = runs_to_remove (self, 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-runs",
                                 others->len > 0 || ll_run_set_is_busy (self->runs));
}

static gboolean
compare_progress (gpointer data)
{
  LlWindow *self = data;
  double fraction = ll_run_set_get_progress (self->runs);

  ll_run_list_set_progress (ll_controls_get_run_list (self->controls), fraction);
  ll_chart_board_set_compare_progress (self->board, fraction, ll_run_set_is_verifying (self->runs));
  if (fraction >= 0)
    return G_SOURCE_CONTINUE;
  self->compare_progress_id = 0;
  update_clear_runs (self);
  return G_SOURCE_REMOVE;
}

/* A comparison that ended takes its progress row away with the runs it
 * brings, not at the next look at its progress. */
void
ll_window_update_compare_progress (LlWindow *self)
{
  guint id = self->compare_progress_id;

  if (id != 0 && compare_progress (self) == G_SOURCE_REMOVE)
    g_source_remove (id);
  update_clear_runs (self);
}

/* Other policies over the same charts, simulated for the set-up in the
 * sidebar: "all", or a policy's name. */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  LlPolicyKind kinds[LL_N_POLICIES];
  guint n_kinds = 0;
  LlRunConfig config;

  if (!ll_controls_get_config (self->controls, &config, &error))
    {
      ll_window_toast (self, error->message);
      return;
    }
  if (g_str_equal (name, "all"))
    {
      /* Every runtime's own (array.array holding int64 beside objects),
       * but the set-up's policy where a real run of it is there already. */
      gboolean real = self->run != NULL && ll_run_get_config (self->run)->policy.kind == config.policy.kind;
      LlPolicyKind runtimes[LL_N_POLICIES];
      guint n_runtimes = ll_policy_list_runtimes (runtimes);

      for (guint i = 0; i < n_runtimes; i++)
        if (!(real && runtimes[i] == config.policy.kind))
          kinds[n_kinds++] = runtimes[i];
    }
  else if (ll_policy_kind_from_name (name, &kinds[0], &error))
    {
      LlRunConfig other;

      /* (array.array and NumPy, asked for by name, hold int64 where the
       * set-up's elements are objects.) */
      ll_run_config_for_policy (&config, kinds[0], &other);
      if (!ll_run_config_validate (&other, &error))
        {
          ll_window_toast (self, error->message);
          return;
        }
      n_kinds = 1;
    }
  else
    {
      ll_window_toast (self, error->message);
      return;
    }
  ll_run_set_compare (self->runs, &config, kinds, n_kinds);
  update_clear_runs (self);
  /* The window never waits: a long comparison shows how far it came. */
  if (self->compare_progress_id == 0)
    self->compare_progress_id = g_timeout_add (100, compare_progress, self);
}

/* The experiment on screen (or the sidebar's) in the real interpreter:
 * its run joins the list, with the verdict (on_verified ()). */
static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  LlRunConfig config;

  if (self->run != NULL && ll_run_get_kind (self->run) != LL_RUN_INTERPRETER)
    config = *ll_run_get_config (self->run);
  else if (!ll_controls_get_config (self->controls, &config, &error))
    {
      ll_window_toast (self, error->message);
      return;
    }
  config.mem_probe = self->mem_probe;
  config.mem_probe_data = self->mem_probe_data;

  if (!ll_run_set_verify (self->runs, &config, NULL, &error))
    {
      ll_ui_show_error (GTK_WINDOW (self), _("Cannot Check Against Python"), error->message);
      return;
    }
  update_clear_runs (self);
  if (self->compare_progress_id == 0)
    self->compare_progress_id = g_timeout_add (100, compare_progress, self);
}

static void
on_verified (LlWindow   *self,
             LlRun      *run,
             const char *verdict,
             gboolean    identical)
{
  g_autofree char *text = NULL;
  AdwToast *t;

  if (run == NULL)
    {
      ll_ui_show_error (GTK_WINDOW (self), _("Python Stopped Before the End"), verdict);
      return;
    }

  /* Translators: the interpreter and the verdict, "Python 3.11.7: 127 of
   * 127 reallocations identical" */
  text = g_strdup_printf (_("%s: %s"), ll_run_get_source (run), verdict);
  t = ll_ui_toast_new (text);
  adw_toast_set_timeout (t, identical ? 10 : 0);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
cancel_compare_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);

  ll_run_set_cancel (self->runs);
  ll_run_list_set_progress (ll_controls_get_run_list (self->controls), -1.0);
  ll_chart_board_set_compare_progress (self->board, -1.0, FALSE);
}

/* The runs last removed are kept while their toast shows, for Undo. */
static void
forget_removed (LlWindow *self)
{
  g_ptr_array_set_size (self->removed, 0);
  g_array_set_size (self->removed_at, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-remove", FALSE);
}

static void
on_removed_toast_dismissed (AdwToast *toast,
                            LlWindow *self)
{
  if (toast != self->removed_toast)
    return;
  self->removed_toast = NULL;
  forget_removed (self);
}

/* Takes @runs out of the list and off the charts, with a toast to put
 * them back; runs removed while it shows join it, and come back with
 * them. */
static void
remove_runs (LlWindow  *self,
             GPtrArray *runs)
{
  g_autofree char *title = NULL;
  guint before = self->removed->len;

  for (guint i = 0; i < runs->len; i++)
    {
      LlRun *run = g_ptr_array_index (runs, i);
      guint position = ll_run_set_remove (self->runs, run);

      if (position == G_MAXUINT)
        continue;
      g_ptr_array_add (self->removed, g_object_ref (run));
      g_array_append_val (self->removed_at, position);
    }
  if (self->removed->len == before)
    return;

  if (self->removed->len == 1)
    {
      /* Its name in the legend, "Go" */
      g_autofree char *name = ll_run_dup_short_title (g_ptr_array_index (self->removed, 0));

      /* Translators: %s is a run's name, e.g. "“Go” removed" */
      title = g_strdup_printf (_("“%s” removed"), name);
    }
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u run removed", "%u runs removed",
                                          self->removed->len),
                             self->removed->len);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-remove", TRUE);
  if (self->removed_toast != NULL)
    {
      ll_ui_toast_set_text (self->removed_toast, title);
      return;
    }
  self->removed_toast = ll_ui_toast_new (title);
  adw_toast_set_button_label (self->removed_toast, _("_Undo"));
  adw_toast_set_action_name (self->removed_toast, "win.undo-remove");
  adw_toast_set_priority (self->removed_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->removed_toast, "dismissed", G_CALLBACK (on_removed_toast_dismissed), self, 0);
  ll_window_add_toast (self, self->removed_toast);
}

static void
remove_run_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);
  guint id = g_variant_get_uint32 (parameter);
  g_autoptr(GPtrArray) runs = NULL;

  if (id == 0)
    return;
  runs = runs_to_remove (self, id);
  remove_runs (self, runs);
}

static void
clear_runs_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);
  g_autoptr(GPtrArray) runs = NULL;

  ll_run_set_cancel (self->runs);
  runs = runs_to_remove (self, 0);
  remove_runs (self, runs);
}

/* Puts the runs last removed back where they stood, the last first. */
static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);

  for (guint i = self->removed->len; i-- > 0;)
    ll_run_set_put_back (self->runs, g_ptr_array_index (self->removed, i),
                         g_array_index (self->removed_at, guint, i));
  forget_removed (self);
  if (self->removed_toast != NULL)
    adw_toast_dismiss (g_steal_pointer (&self->removed_toast));
}

/* Shows @run, read from @source, as the window's run: its figures, charts
 * and how it ended. */
static void
show_saved_run (LlWindow   *self,
                LlRun      *run,
                const char *source)
{
  g_autofree char *title = ll_run_dup_stop_message (run, self->units);
  g_autofree char *length = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *elapsed = NULL;
  g_autofree char *detail = NULL;
  LlEngineStatus status;
  LlMemInfo info;

  ll_window_drop_run (self);
  self->run = g_object_ref (run);
  ll_run_get_status (run, &status);

  ll_history_view_clear (self->view);
  ll_history_view_update (self->view, ll_run_get_history (run));
  self->total_bytes = ll_window_read_memory (self, &info) ? info.total_bytes : 0;
  self->reserve_bytes = status.reserve_bytes;
  ll_chart_board_set_memory_context (self->board,
                                    self->reserve_bytes == G_MAXUINT64 ? 0 : self->reserve_bytes,
                                    self->total_bytes);
  ll_window_push_chart_data (self, FALSE);
  ll_window_update_summary (self);

  length = ll_format_count_exact (status.length);
  bytes = ll_format_bytes (status.container_bytes + status.objects_bytes, self->units);
  elapsed = ll_format_duration (status.elapsed_ns);
  if (ll_run_get_kind (run) == LL_RUN_REAL)
    /* Translators: a run opened from a file, e.g. "From “cpython.listlab”:
     * 22,500,004 elements, 171.66 MiB, in 1.20 s" */
    detail = g_strdup_printf (_("From “%s”: %s elements, %s, in %s"), source, length, bytes, elapsed);
  else
    /* Translators: a simulated run opened from a file */
    detail = g_strdup_printf (_("From “%s”: %s elements, %s, simulated"), source, length, bytes);
  ll_window_set_status (self, title, detail);
  adw_window_title_set_subtitle (self->window_title, ll_run_get_title (run));
  ll_window_update_actions (self);
}

static void
on_open_toast_dismissed (LlWindow *self)
{
  self->open_toast = NULL;
}

/* A toast for opened files that files opened meanwhile add to, counting
 * @runs in one file so far. */
static void
start_open_toast (LlWindow   *self,
                  const char *title,
                  guint       runs)
{
  self->open_toast = ll_ui_toast_new (title);
  self->open_toast_runs = runs;
  self->open_toast_files = 1;
  g_signal_connect_object (self->open_toast, "dismissed", G_CALLBACK (on_open_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  ll_window_add_toast (self, self->open_toast);
}

void
ll_window_add_runs (LlWindow   *self,
                    GPtrArray  *runs,
                    const char *source,
                    guint       group)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LL_IS_WINDOW (self));
  g_return_if_fail (runs != NULL && runs->len > 0);
  g_return_if_fail (source != NULL);

  /* The list shows the newest first: the file's first run goes on top. */
  for (guint i = runs->len; i-- > 0;)
    ll_run_set_add (self->runs, g_ptr_array_index (runs, i));

  if (self->run == NULL)
    {
      LlRun *shown = g_ptr_array_index (runs, 0);

      /* The run someone ran, rather than a simulation it was compared with. */
      for (guint i = 0; i < runs->len; i++)
        if (ll_run_get_kind (g_ptr_array_index (runs, i)) == LL_RUN_REAL)
          {
            shown = g_ptr_array_index (runs, i);
            break;
          }
      show_saved_run (self, shown, source);
      ll_window_on_runs_changed (self);
      /* Its heading names the file; a toast for files opened with it
       * counts it too. */
      self->shown_group = group;
      self->shown_group_runs = runs->len;
      return;
    }

  /* Files opened together with the one shown: the first of the others
   * starts a toast that counts them all. */
  if (self->open_toast == NULL && group != 0 && group == self->shown_group)
    start_open_toast (self, "", self->shown_group_runs);
  self->shown_group = 0;

  /* Several files opened at once make one toast. */
  if (self->open_toast != NULL)
    {
      self->open_toast_runs += runs->len;
      self->open_toast_files++;
      /* Translators: the first %u counts runs, the second files (always more than one) */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Opened %u run from %u files",
                                           "Opened %u runs from %u files", self->open_toast_runs),
                              self->open_toast_runs, self->open_toast_files);
      ll_ui_toast_set_text (self->open_toast, text);
      return;
    }

  /* Translators: %u runs, %s a file name */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Opened %u run from “%s”", "Opened %u runs from “%s”",
                                       runs->len),
                          runs->len, source);
  start_open_toast (self, text, runs->len);
}

void
ll_window_runs_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare", "s", compare_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-compare", NULL, cancel_compare_action);
  gtk_widget_class_install_action (widget_class, "win.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "win.clear-runs", NULL, clear_runs_action);
  gtk_widget_class_install_action (widget_class, "win.remove-run", "u", remove_run_action);
  gtk_widget_class_install_action (widget_class, "win.undo-remove", NULL, undo_remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo-remove", NULL);
}

void
ll_window_runs_init (LlWindow *self)
{
  g_signal_connect_swapped (self->runs, "verified", G_CALLBACK (on_verified), self);
  self->removed = g_ptr_array_new_with_free_func (g_object_unref);
  self->removed_at = g_array_new (FALSE, FALSE, sizeof (guint));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-remove", FALSE);
  update_clear_runs (self);
}

void
ll_window_runs_dispose (LlWindow *self)
{
  if (self->removed_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->removed_toast, self);
      self->removed_toast = NULL;
    }
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_clear_pointer (&self->removed_at, g_array_unref);
}
