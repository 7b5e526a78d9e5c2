/* test-ui-util.c — messages under fields, names for screen readers, and
 * the settings mappings the forms share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ui-test-util.h"

static void
assert_classes (GtkWidget  *widget,
                const char *expected)
{
  const char *all[] = { "dim-label", "warning", "error" };
  g_autoptr(GString) has = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (gtk_widget_has_css_class (widget, all[i]))
      g_string_append_printf (has, "%s%s", has->len > 0 ? " " : "", all[i]);
  g_assert_cmpstr (has->str, ==, expected);
}

static void
assert_invalid (GtkWidget *field,
                gboolean   invalid)
{
  g_autofree char *differs = gtk_test_accessible_check_state (GTK_ACCESSIBLE (field),
                                                              GTK_ACCESSIBLE_STATE_INVALID,
                                                              invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                                                      : GTK_ACCESSIBLE_INVALID_FALSE);

  g_assert_null (differs);
  g_assert_cmpint (gtk_widget_has_css_class (field, "error"), ==, invalid);
}

/* A message under a field: one style at a time, hidden when there is
 * nothing to say; an error marks the field too, for the eye and for a
 * screen reader, and the next message clears it. */
static void
test_message (void)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (gtk_label_new (NULL));
  g_autoptr(GtkWidget) field = g_object_ref_sink (gtk_entry_new ());

  ll_ui_show_message (GTK_LABEL (label), field, "10.00 GB = 9.31 GiB", LL_MESSAGE_NOTE);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "10.00 GB = 9.31 GiB");
  assert_classes (label, "dim-label");
  assert_invalid (field, FALSE);

  ll_ui_show_message (GTK_LABEL (label), field, "“10 XB” is not a size", LL_MESSAGE_ERROR);
  assert_classes (label, "error");
  assert_invalid (field, TRUE);

  ll_ui_show_message (GTK_LABEL (label), field, "More than the free memory", LL_MESSAGE_WARNING);
  assert_classes (label, "warning");
  assert_invalid (field, FALSE);

  ll_ui_show_message (GTK_LABEL (label), field, NULL, LL_MESSAGE_NOTE);
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "");
  ll_ui_show_message (GTK_LABEL (label), NULL, "", LL_MESSAGE_ERROR);
  g_assert_false (gtk_widget_get_visible (label));
  assert_invalid (field, FALSE);
}

/* Buttons with a mnemonic are named after what they read, once; a group
 * without a title after its one row; a combo row's list after the row. */
static void
test_names (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new_with_mnemonic ("_Start");
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *list_box;
  g_autofree char *differs = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "_Target Size");
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), group);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (100);

  ll_ui_name_widgets (box);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));
  list_box = find_widget (group, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list_box);
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (list_box),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, "Target Size");
  g_assert_null (differs);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A choice key and a combo row: the choice's index, and back; a name not
 * among the choices, or an index past them, is not taken. */
static void
test_choice_mapping (void)
{
  static const char * const choices[] = { "shared", "boxed", "int64", "int32", NULL };
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GVariant) boxed = g_variant_ref_sink (g_variant_new_string ("boxed"));
  g_autoptr(GVariant) unknown = g_variant_ref_sink (g_variant_new_string ("float"));
  g_autoptr(GVariant) back = NULL;

  g_value_init (&value, G_TYPE_UINT);
  g_assert_true (ll_ui_get_choice_mapping (&value, boxed, (gpointer) choices));
  g_assert_cmpuint (g_value_get_uint (&value), ==, 1);
  g_assert_false (ll_ui_get_choice_mapping (&value, unknown, (gpointer) choices));

  g_value_set_uint (&value, 3);
  back = g_variant_ref_sink (ll_ui_set_choice_mapping (&value, G_VARIANT_TYPE_STRING, (gpointer) choices));
  g_assert_cmpstr (g_variant_get_string (back, NULL), ==, "int32");
  g_value_set_uint (&value, 4);
  g_assert_null (ll_ui_set_choice_mapping (&value, G_VARIANT_TYPE_STRING, (gpointer) choices));
}

/* A whole-number key and a text field: written as people write numbers,
 * read back from them; only what the key's range allows is saved. */
static void
test_whole_mapping (void)
{
  g_auto(GValue) text = G_VALUE_INIT;
  g_autoptr(GVariant) number = g_variant_ref_sink (g_variant_new_uint64 (20000000));
  struct {
    const char *text;
    const char *key;
    gboolean    taken;
    guint64     expected;
  } cases[] = {
    { "20,000,000", "initial-length", TRUE, 20000000 },
    { "20000000", "initial-length", TRUE, 20000000 },
    { "0", "initial-length", TRUE, 0 },
    { "0", "custom-round", FALSE, 0 },         /* its range starts at 1 */
    { "2,000,000,000", "custom-round", FALSE, 0 }, /* and ends at 2^30 */
    { "2,000,000", "custom-round", TRUE, 2000000 },
    { "16", "custom-round", TRUE, 16 },
    { "many", "initial-length", FALSE, 0 },
    { "-4", "fixed-increment", FALSE, 0 },
  };

  g_value_init (&text, G_TYPE_STRING);
  g_assert_true (ll_ui_get_whole_mapping (&text, number, (gpointer) "initial-length"));
  g_assert_cmpstr (g_value_get_string (&text), ==, "20,000,000");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVariant) saved = NULL;

      g_value_set_string (&text, cases[i].text);
      saved = ll_ui_set_whole_mapping (&text, G_VARIANT_TYPE_UINT64, (gpointer) cases[i].key);
      if (saved != NULL)
        g_variant_ref_sink (saved);
      g_assert_cmpint (saved != NULL, ==, cases[i].taken);
      if (saved != NULL)
        g_assert_cmpuint (g_variant_get_uint64 (saved), ==, cases[i].expected);
    }
}

/* Where Pango may break @text across lines, as "|": "a |b". */
static char *
line_breaks (const char *text)
{
  int n = g_utf8_strlen (text, -1);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n + 1);
  GString *str = g_string_new (NULL);
  const char *p = text;

  pango_get_log_attrs (text, (int) strlen (text), -1, pango_language_from_string ("en"), attrs, n + 1);
  for (int i = 0; i < n; i++, p = g_utf8_next_char (p))
    {
      if (attrs[i].is_line_break)
        g_string_append_c (str, '|');
      if (g_utf8_get_char (p) != 0x2060)
        g_string_append_unichar (str, g_utf8_get_char (p));
    }
  return g_string_free (str, FALSE);
}

/* Pango breaks a line between two plus signs; the text for a wrapping
 * label keeps "C++" and "libstdc++" whole, and nothing else changes. */
static void
test_wrappable_text (void)
{
  const char *title = "C++ std::vector (libstdc++) · a+b · +";
  g_autofree char *plain = line_breaks (title);
  g_autofree char *wrappable = ll_ui_wrappable_text (title);
  g_autofree char *kept = line_breaks (wrappable);
  g_autofree char *none = ll_ui_wrappable_text ("");

  g_assert_cmpstr (plain, ==, "C+|+ |std::vector |(libstdc+|+) |· |a+b |· |+");
  g_assert_cmpstr (wrappable, ==, "C+\u2060+ std::vector (libstdc+\u2060+) · a+b · +");
  g_assert_cmpstr (kept, ==, "C++ |std::vector |(libstdc++) |· |a+b |· |+");
  g_assert_cmpstr (none, ==, "");
  g_assert_null (ll_ui_wrappable_text (NULL));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init_accessible (&argc, &argv);

  g_test_add_func ("/ui/util/message", test_message);
  g_test_add_func ("/ui/util/wrappable-text", test_wrappable_text);
  g_test_add_func ("/ui/util/names", test_names);
  g_test_add_func ("/ui/util/choice-mapping", test_choice_mapping);
  g_test_add_func ("/ui/util/whole-mapping", test_whole_mapping);

  return g_test_run ();
}
