/* ll-run-row.c — a run in the run list: shown or not, its swatch, name and
 * state, renamed or removed
 *
 * An AdwActionRow lays its title and subtitle out in a horizontal box,
 * which asks how narrow they could be at the row's height: wrapping
 * labels answer by laying their text out at width after width. With the
 * list made again as each run comes, the frame that shows a run beginning
 * laid out the names and states of all the runs listed some hundred times
 * each. This row has the same nodes and style classes, so libadwaita draws
 * it the same, but its header is an LlTextRow: the words are asked only
 * their widths, and their height at the width they get.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-run-row.h"
#include "ll-run-swatch.h"
#include "ll-text-row.h"
#include "ll-ui-util.h"

/* libadwaita's row header: the spacing its CSS gives a box.header. */
#define HEADER_SPACING 6
/* Lines of the state before it ends in an ellipsis. */
#define SUBTITLE_LINES 6

struct _LlRunRow
{
  AdwPreferencesRow parent_instance;

  LlRun     *run;
  GtkWidget *check;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *list;   /* the list box whose activations it follows */
};

G_DEFINE_FINAL_TYPE (LlRunRow, ll_run_row, ADW_TYPE_PREFERENCES_ROW)

static char *
describe (LlRun *run)
{
  if (ll_run_get_kind (run) == LL_RUN_SIMULATED)
    return g_strdup (_("Simulated: capacities only, nothing allocated"));
  if (ll_run_get_kind (run) == LL_RUN_INTERPRETER)
    return g_strdup (_("In the interpreter: sys.getsizeof and its memory, measured"));

  switch (ll_run_get_state (run))
    {
    case LL_ENGINE_RUNNING:
      return g_strdup (_("Real, growing"));
    case LL_ENGINE_RELEASED:
      return g_strdup (_("Real, its list freed"));
    case LL_ENGINE_IDLE:
    case LL_ENGINE_FINISHED:
    default:
      return g_strdup (_("Real"));
    }
}

static void
on_state (LlRunRow *self)
{
  g_autofree char *subtitle = describe (self->run);

  gtk_label_set_text (GTK_LABEL (self->subtitle), subtitle);
}

/* The entry shows the name as it is each time the popover opens. */
static void
on_rename_shown (GtkPopover *popover,
                 GtkEntry   *entry)
{
  LlRun *run = g_object_get_data (G_OBJECT (popover), "run");

  gtk_editable_set_text (GTK_EDITABLE (entry), ll_run_get_title (run));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static void
on_rename (GtkWidget  *widget,
           GtkPopover *popover)
{
  LlRun *run = g_object_get_data (G_OBJECT (popover), "run");
  GtkEntry *entry = g_object_get_data (G_OBJECT (popover), "entry");

  /* An empty name gives the run its own back. */
  ll_run_set_title (run, gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_popover_popdown (popover);
}

/* A small popover to rename @run: its name selected, Enter to apply,
 * Escape to leave it. */
static GtkWidget *
create_rename_button (LlRun *run)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Run Name"));
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Rename"));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-edit-symbolic");
  ll_ui_set_up_row_button (button, _("Rename the Run"));

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Its own name when empty"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 200);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_size_request (entry, 240, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_widget_add_css_class (apply, "suggested-action");
  ll_ui_name_widgets (apply);

  gtk_box_append (GTK_BOX (line), entry);
  gtk_box_append (GTK_BOX (line), apply);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), line);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), apply);

  g_object_set_data_full (G_OBJECT (popover), "run", g_object_ref (run), g_object_unref);
  g_object_set_data (G_OBJECT (popover), "entry", entry);
  g_signal_connect (popover, "show", G_CALLBACK (on_rename_shown), entry);
  g_signal_connect (apply, "clicked", G_CALLBACK (on_rename), popover);
  g_signal_connect (entry, "activate", G_CALLBACK (on_rename), popover);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  return button;
}

static void
on_remove (LlRunRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.remove-run", "u", ll_run_get_id (self->run));
}

/* Activated (a click on the row, Enter or Space on it): the check. */
static void
on_row_activated (LlRunRow      *self,
                  GtkListBoxRow *row)
{
  if (row == GTK_LIST_BOX_ROW (self))
    gtk_widget_mnemonic_activate (self->check, FALSE);
}

static void
follow_list (LlRunRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, on_row_activated, self);
  self->list = GTK_IS_LIST_BOX (parent) ? parent : NULL;
  if (self->list != NULL)
    g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
}

static GtkWidget *
words_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
ll_run_row_dispose (GObject *object)
{
  LlRunRow *self = LL_RUN_ROW (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, on_row_activated, self);
  self->list = NULL;
  g_clear_object (&self->run);

  G_OBJECT_CLASS (ll_run_row_parent_class)->dispose (object);
}

static void
ll_run_row_class_init (LlRunRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ll_run_row_dispose;
}

static void
ll_run_row_init (LlRunRow *self)
{
  /* The nodes and classes of libadwaita's row:
   * row > box.header > box.prefixes, box.title > label.title,
   * label.subtitle, box.suffixes. */
  GtkWidget *header = g_object_new (LL_TYPE_TEXT_ROW, "css-name", "box", NULL);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (header, "header");
  ll_text_row_set_spacing (LL_TEXT_ROW (header), HEADER_SPACING);
  gtk_widget_set_hexpand (header, FALSE);

  self->title = words_label ("title");
  /* Long names take two lines, and end in an ellipsis past them. */
  gtk_label_set_lines (GTK_LABEL (self->title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_END);
  gtk_label_set_mnemonic_widget (GTK_LABEL (self->title), GTK_WIDGET (self));
  g_object_bind_property (self, "title", self->title, "label", G_BINDING_SYNC_CREATE);
  self->subtitle = words_label ("subtitle");
  /* Its least width is that of an ellipsis, measured from one layout: a
   * label that may break inside words measures it by breaking the text
   * after every character, shaping each piece again. (The state takes
   * two lines at most in the sidebar.) */
  gtk_label_set_lines (GTK_LABEL (self->subtitle), SUBTITLE_LINES);
  gtk_label_set_ellipsize (GTK_LABEL (self->subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (words, "title");
  gtk_box_append (GTK_BOX (words), self->title);
  gtk_box_append (GTK_BOX (words), self->subtitle);
  ll_text_row_set_child (LL_TEXT_ROW (header), words);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), header);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  /* Titles are plain text: "new List<T>(n)" is no markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->subtitle, NULL,
                                  -1);
  g_signal_connect (self, "notify::parent", G_CALLBACK (follow_list), NULL);
}

static GtkWidget *
side_box (const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, css_class);
  return box;
}

GtkWidget *
ll_run_row_new (LlRun    *run,
                gboolean  removable)
{
  LlRunRow *self;
  GtkWidget *header, *prefixes, *suffixes;

  g_return_val_if_fail (LL_IS_RUN (run), NULL);

  self = g_object_new (LL_TYPE_RUN_ROW, NULL);
  self->run = g_object_ref (run);
  header = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));

  g_object_bind_property_full (run, "title", self, "title", G_BINDING_SYNC_CREATE,
                               ll_ui_wrappable_transform, NULL, NULL, NULL);
  on_state (self);
  g_signal_connect_object (run, "notify::state", G_CALLBACK (on_state), self, G_CONNECT_SWAPPED);

  /* Its colour, dash and mark on the charts; drawn on them or not. */
  prefixes = side_box ("prefixes");
  gtk_box_append (GTK_BOX (prefixes), ll_run_swatch_new (run));
  self->check = gtk_check_button_new ();
  g_object_bind_property (run, "visible", self->check, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_widget_set_valign (self->check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shown on the Charts"), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->subtitle, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (prefixes), self->check);
  ll_text_row_set_start_child (LL_TEXT_ROW (header), prefixes);

  suffixes = side_box ("suffixes");
  gtk_box_append (GTK_BOX (suffixes), create_rename_button (run));
  /* The run being shown stays; the others can go. */
  if (removable)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      ll_ui_set_up_row_button (remove, _("Remove the Run"));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (suffixes), remove);
    }
  ll_text_row_set_end_child (LL_TEXT_ROW (header), suffixes);

  return GTK_WIDGET (self);
}

LlRun *
ll_run_row_get_run (LlRunRow *self)
{
  g_return_val_if_fail (LL_IS_RUN_ROW (self), NULL);

  return self->run;
}

const char *
ll_run_row_get_subtitle (LlRunRow *self)
{
  g_return_val_if_fail (LL_IS_RUN_ROW (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->subtitle));
}
