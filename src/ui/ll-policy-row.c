/* ll-policy-row.c — how the policy row shows its choices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-policy.h"
#include "ll-policy-row.h"
#include "ll-ui-util.h"

/* The row shows the chosen policy's title narrow, its qualifier on a line
 * of its own ("C++ std::vector" over "(libstdc++)"), so that the
 * description gets the room; the list shows every description. */
static void
setup_policy_value (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_list_item_set_child (item, label);
}

static void
bind_policy_value (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  g_auto(GStrv) parts = g_strsplit (gtk_string_object_get_string (string), " (", 2);
  g_autofree char *text = g_strjoinv ("\n(", parts);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
setup_policy_list_item (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *description = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 36);
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), description);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
bind_policy_list_item (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *texts = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *title = gtk_widget_get_first_child (texts);
  guint position = gtk_list_item_get_position (item);

  gtk_label_set_label (GTK_LABEL (title), gtk_string_object_get_string (string));
  if (position < LL_N_POLICIES)
    gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (title)),
                         _(ll_policy_get_info (position)->description));
}

void
ll_policy_row_setup (AdwComboRow *row)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  ll_ui_combo_row_set_factories (row, G_CALLBACK (setup_policy_value), G_CALLBACK (bind_policy_value),
                                 G_CALLBACK (setup_policy_list_item), G_CALLBACK (bind_policy_list_item));
}
