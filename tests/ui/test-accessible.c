/* test-accessible.c — the window as screen readers get it: names, roles, relations, mnemonics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Through GTK's own accessible API (GTK_A11Y=test), with no AT-SPI bus.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ll-window.h"
#include "ui-test-util.h"

/* Helpers */

static gboolean
has_label_property (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* The "label" property of @widget, or NULL when it has none. */
static char *
get_label_property (GtkWidget *widget)
{
  char *value;

  if (!has_label_property (widget))
    return NULL;
  /* The check answers with the value when it is not the one asked for. */
  value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  return value != NULL ? value : g_strdup ("");
}

static gboolean
is_labelled_by (GtkWidget *widget,
                GtkWidget *label)
{
  g_autofree char *differs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                                 label, NULL);

  return differs == NULL;
}

static void
collect_widgets (GtkWidget *root,
                 GPtrArray *widgets)
{
  g_ptr_array_add (widgets, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, widgets);
}

static gboolean
is_structural (GtkAccessibleRole role)
{
  switch ((int) role)
    {
    case GTK_ACCESSIBLE_ROLE_FORM:
    case GTK_ACCESSIBLE_ROLE_GROUP:
    case GTK_ACCESSIBLE_ROLE_GENERIC:
    case GTK_ACCESSIBLE_ROLE_LANDMARK:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_REGION:
    case GTK_ACCESSIBLE_ROLE_SEARCH:
    case GTK_ACCESSIBLE_ROLE_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The name a screen reader hears for @widget, as GTK 4.8 makes it: its
 * "label" property, then the "label" properties of what it is labelled
 * by; with none of them, the name of its type. @window holds every widget
 * it can be labelled by. */
static char *
accessible_name (GtkWidget *window,
                 GtkWidget *widget)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  char *own = get_label_property (widget);
  gboolean labelled = FALSE;

  if (own != NULL)
    g_ptr_array_add (names, own);

  collect_widgets (window, widgets);
  for (guint i = 0; i < widgets->len && !labelled; i++)
    {
      GtkWidget *other = g_ptr_array_index (widgets, i);
      char *name;

      if (other == widget || !is_labelled_by (widget, other))
        continue;
      labelled = TRUE;
      if ((name = get_label_property (other)) != NULL)
        g_ptr_array_add (names, name);
      else if (names->len == 0 &&
               !is_structural (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (other))))
        g_ptr_array_add (names, g_strdup (G_OBJECT_TYPE_NAME (other)));
    }
  if (!labelled)
    {
      g_autofree char *none = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                                  NULL);

      /* Labelled by several widgets at once: none of ours is. */
      g_assert_null (none);
    }

  if (names->len == 0 &&
      !is_structural (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget))))
    return g_strdup (G_OBJECT_TYPE_NAME (widget));

  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_named (GtkWidget         *window,
              GtkWidget         *widget,
              GtkAccessibleRole  role,
              const char        *name)
{
  g_autofree char *actual = NULL;

  g_assert_nonnull (widget);
  actual = accessible_name (window, widget);
  g_assert_cmpstr (actual, ==, name);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), role);
}

/* A name a person can use: not empty, not a type's, no mnemonic's
 * underscore, not the same words twice. */
static void
assert_clean_name (GtkWidget  *window,
                   GtkWidget  *widget,
                   const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint n = g_strv_length (words);

  if (*name == '\0' || g_type_from_name (name) != 0 || strchr (name, '_') != NULL)
    {
      /* where it is: the widgets it is in */
      for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
        g_printerr ("  in %s\n", G_OBJECT_TYPE_NAME (w));
      g_error ("%s named “%s” (tooltip: %s)", G_OBJECT_TYPE_NAME (widget), name,
               gtk_widget_get_tooltip_text (widget));
    }
  if (n % 2 == 0 && n > 0)
    {
      gboolean twice = TRUE;

      for (guint i = 0; i < n / 2; i++)
        twice &= g_str_equal (words[i], words[n / 2 + i]);
      if (twice)
        g_error ("%s named “%s”", G_OBJECT_TYPE_NAME (widget), name);
    }
}

static gboolean
is_control (GtkWidget *widget)
{
  switch ((int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_PROGRESS_BAR:
    /* a group of rows or figures, which a screen reader announces by name */
    case GTK_ACCESSIBLE_ROLE_LIST:
      return TRUE;
    case GTK_ACCESSIBLE_ROLE_IMG:
      return gtk_widget_get_focusable (widget);
    default:
      return FALSE;
    }
}

/* Every control on screen under @root has a clean name. */
static guint
check_controls (GtkWidget *window,
                GtkWidget *root)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (root));
  guint n = 0;

  if (!gtk_widget_get_mapped (root) || accessible_is_hidden (root) ||
      role == GTK_ACCESSIBLE_ROLE_PRESENTATION)
    return 0;

  if (role != GTK_ACCESSIBLE_ROLE_NONE && is_control (root))
    {
      g_autofree char *name = accessible_name (window, root);

      assert_clean_name (window, root, name);
      n++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_controls (window, child);

  return n;
}

typedef struct
{
  GType       type;
  const char *label;
} Labelled;

static gboolean
is_labelled (GtkWidget     *widget,
             gconstpointer  data)
{
  const Labelled *l = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, l->type) &&
         ((GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), l->label) == 0) ||
          (GTK_IS_MENU_BUTTON (widget) &&
           g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), l->label) == 0) ||
          (ADW_IS_PREFERENCES_ROW (widget) &&
           g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), l->label) == 0));
}

static GtkWidget *
find_labelled (GtkWidget  *root,
               GType       type,
               const char *label)
{
  Labelled l = { type, label };

  return find_first (root, is_labelled, &l);
}

/* The button a menu button wraps: what takes the focus. */
static GtkWidget *
inner_button (GtkWidget *menu_button)
{
  g_assert_true (GTK_IS_MENU_BUTTON (menu_button));
  return find_widget (menu_button, GTK_TYPE_TOGGLE_BUTTON);
}

/* Tests */

/* Each control has one name, the words on it or what its icon means. */
static void
test_names (void)
{
  LlWindow *window = create_window ();
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *board = GTK_WIDGET (ll_window_get_board (window));
  GtkWidget *menu = find_icon_button (root, "open-menu-symbolic");
  GtkWidget *export = find_labelled (root, GTK_TYPE_MENU_BUTTON, "_Export");
  static const struct { const char *target; const char *name; } charts[] = {
    { "'all'", "All" }, { "'capacity'", "Capacity" }, { "'growth'", "Growth" },
    { "'time'", "Time" }, { "'memory'", "Memory" },
  };
  guint n;

  assert_named (root, find_icon_button (root, "sidebar-show-symbolic"),
                GTK_ACCESSIBLE_ROLE_BUTTON, "Show Settings");
  assert_named (root, find_button (root, "win.start"), GTK_ACCESSIBLE_ROLE_BUTTON, "Start");
  assert_named (root, find_button (root, "win.stop"), GTK_ACCESSIBLE_ROLE_BUTTON, "Stop");
  assert_named (root, menu, GTK_ACCESSIBLE_ROLE_BUTTON, "Main Menu");
  assert_named (root, inner_button (menu), GTK_ACCESSIBLE_ROLE_BUTTON, "Main Menu");
  assert_named (root, export, GTK_ACCESSIBLE_ROLE_BUTTON, "Export");
  assert_named (root, inner_button (export), GTK_ACCESSIBLE_ROLE_BUTTON, "Export");
  assert_named (root, find_button (root, "win.release-memory"), GTK_ACCESSIBLE_ROLE_BUTTON,
                "Release Memory");
  assert_named (root, find_button (root, "win.notebook-example"), GTK_ACCESSIBLE_ROLE_BUTTON,
                "Run the Notebook’s Experiment");
  assert_named (root, find_button (root, "export.cancel"), GTK_ACCESSIBLE_ROLE_BUTTON, "Cancel");

  /* The chart switcher: the words, not the mnemonics. */
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (find_button (board, "charts.show")));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *target = g_variant_print (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child)),
                                                 FALSE);

      for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
        if (g_str_equal (target, charts[i].target))
          assert_named (root, child, GTK_ACCESSIBLE_ROLE_BUTTON, charts[i].name);
    }
  assert_named (root, find_button (board, "charts.show-table"), GTK_ACCESSIBLE_ROLE_BUTTON,
                "Reallocations Table");
  assert_named (root, find_button (board, "charts.reset-zoom"), GTK_ACCESSIBLE_ROLE_BUTTON,
                "Show Everything");
  assert_named (root, inner_button (find_icon_button (board, "view-more-symbolic")),
                GTK_ACCESSIBLE_ROLE_BUTTON, "Scales");

  /* The sidebar. */
  assert_named (root, find_labelled (root, ADW_TYPE_COMBO_ROW, "_Policy"),
                GTK_ACCESSIBLE_ROLE_COMBO_BOX, "Policy");
  assert_named (root, find_labelled (root, ADW_TYPE_COMBO_ROW, "_Mechanism"),
                GTK_ACCESSIBLE_ROLE_COMBO_BOX, "Mechanism");
  assert_named (root, find_labelled (root, ADW_TYPE_COMBO_ROW, "E_lements"),
                GTK_ACCESSIBLE_ROLE_COMBO_BOX, "Elements");
  assert_named (root, find_labelled (root, ADW_TYPE_COMBO_ROW, "Meas_ure"),
                GTK_ACCESSIBLE_ROLE_COMBO_BOX, "Measure");
  assert_named (root, inner_button (find_labelled (root, GTK_TYPE_MENU_BUTTON, "Compare _With")),
                GTK_ACCESSIBLE_ROLE_BUTTON, "Compare With");
  assert_named (root, find_icon_button (root, "edit-clear-all-symbolic"),
                GTK_ACCESSIBLE_ROLE_BUTTON, "Remove Every Other Run");

  /* And everything else on screen, before a run and after one. */
  n = check_controls (root, root);
  g_test_message ("%u controls named before a run", n);
  ll_controls_set_target_text (ll_window_get_controls (window), "8 MiB");
  run_to_end (window);
  g_object_set (ll_window_get_board (window), "show-table", TRUE, NULL);
  wait_ms (50);
  n = check_controls (root, root);
  g_test_message ("%u controls named after a run", n);

  destroy_window (window);
}

/* What tells screen readers that @widget took the focus: GTK reports the
 * focus of a widget they do not see (an entry's text) on its parent. */
static GtkWidget *
focus_reporter (GtkWidget *widget)
{
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_NONE)
    return gtk_widget_get_parent (widget);
  return widget;
}

/* The sidebar's fields: the text that takes the focus is what screen
 * readers hear about, named after its row, described by its message, and
 * marked when it cannot be taken. */
static void
test_fields (void)
{
  LlWindow *window = create_window ();
  GtkWidget *root = GTK_WIDGET (window);
  LlControls *controls = ll_window_get_controls (window);
  static const char * const titles[] = { "Initial Len_gth", "_Target Size", "Memory Reser_ve" };
  static const char * const names[] = { "Initial Length", "Target Size", "Memory Reserve" };

  ll_controls_set_initial_text (controls, "0");
  ll_controls_set_target_text (controls, "64 MiB");
  ll_controls_set_reserve_text (controls, "auto");

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *row = find_labelled (root, ADW_TYPE_ACTION_ROW, titles[i]);
      GtkWidget *entry, *reporter;

      g_assert_nonnull (row);
      /* Tab goes to the field, not to the row first. */
      g_assert_false (gtk_widget_get_focusable (row));
      entry = find_widget (row, GTK_TYPE_ENTRY);
      assert_named (root, entry, GTK_ACCESSIBLE_ROLE_TEXT_BOX, names[i]);

      g_assert_true (gtk_widget_grab_focus (entry));
      reporter = focus_reporter (gtk_window_get_focus (GTK_WINDOW (window)));
      g_assert_true (reporter == entry);
    }

  /* Described by what is said under it, errors included. */
  {
    GtkWidget *entry = find_widget (find_labelled (root, ADW_TYPE_ACTION_ROW, "_Target Size"),
                                    GTK_TYPE_ENTRY);
    GtkWidget *message = find_label (root, ll_controls_get_target_message (controls));

    g_assert_nonnull (message);
    gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                         message, NULL);
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                      GTK_ACCESSIBLE_INVALID_FALSE);
    ll_controls_set_target_text (controls, "12XB");
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                      GTK_ACCESSIBLE_INVALID_TRUE);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (message)), ==, ll_controls_get_error (controls));
    ll_controls_set_target_text (controls, "64 MiB");
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                      GTK_ACCESSIBLE_INVALID_FALSE);
  }

  destroy_window (window);
}

/* The figures are a list of items, each one name ("Length: 132 M")
 * described by its exact value; during a run they are brought up to date
 * at most once a second, at once when the run ends, and the window's title
 * says how it ended. */
static void
test_figures (void)
{
  LlWindow *window = create_window ();
  GtkWidget *root = GTK_WIDGET (window);
  LlControls *controls = ll_window_get_controls (window);
  LlSummaryView *summary = ll_window_get_summary (window);
  GtkWidget *flow = find_widget (GTK_WIDGET (summary), GTK_TYPE_FLOW_BOX);
  GtkWidget *length = GTK_WIDGET (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (flow), LL_FIGURE_LENGTH));
  g_autofree char *last = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;
  gboolean finished = FALSE;
  guint changes = 0;
  gint64 start, elapsed;

  assert_named (root, flow, GTK_ACCESSIBLE_ROLE_LIST, "Figures");
  assert_named (root, length, GTK_ACCESSIBLE_ROLE_LIST_ITEM, "Length: —");
  /* Its three labels are not heard one by one. */
  g_assert_true (accessible_is_hidden (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (length))));

  /* Growing by 512 elements at a time, each time into a new block and
   * copied, it runs longer than we watch. (Grown in place, it can reach
   * 1 GiB within the watch on a fast machine.) */
  ll_controls_set_policy (controls, LL_POLICY_FIXED);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (find_labelled (root, ADW_TYPE_ACTION_ROW, "_Increment"),
                                                    GTK_TYPE_ENTRY)),
                         "512");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_labelled (root, ADW_TYPE_COMBO_ROW, "_Mechanism")),
                              1 + LL_MECHANISM_COPY);
  ll_controls_set_element (controls, LL_ELEMENT_INT32);
  ll_controls_set_target_text (controls, "1 GiB");
  g_signal_connect (window, "run-finished", G_CALLBACK (on_run_finished), &finished);
  g_assert_true (gtk_widget_activate_action (root, "win.start", NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Growing the list… — List Lab");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Growing the list… — List Lab");

  start = g_get_monotonic_time ();
  last = get_label_property (length);
  while ((elapsed = g_get_monotonic_time () - start) < 2500 * G_TIME_SPAN_MILLISECOND &&
         ll_window_is_running (window))
    {
      g_autofree char *now = NULL;

      g_main_context_iteration (NULL, FALSE);
      now = get_label_property (length);
      if (g_strcmp0 (now, last) != 0)
        {
          changes++;
          g_free (last);
          last = g_steal_pointer (&now);
        }
      g_usleep (2000);
    }
  g_test_message ("the length's name changed %u times in %.1f s of the run", changes, elapsed / 1e6);
  g_assert_true (ll_window_is_running (window));
  g_assert_cmpuint (changes, >=, 1);
  g_assert_cmpuint (changes, <=, elapsed / G_TIME_SPAN_SECOND + 1);

  gtk_widget_activate_action (root, "win.stop", NULL);
  g_assert_true (wait_for_flag (&finished, 5000));
  /* The end: said at once, exactly. */
  name = get_label_property (length);
  expected = g_strdup_printf ("Length: %s", ll_summary_view_get_value (summary, LL_FIGURE_LENGTH));
  g_assert_cmpstr (name, ==, expected);
  {
    g_autofree char *description = g_strdup_printf ("%s — Elements in the list",
                                                    ll_summary_view_get_detail (summary, LL_FIGURE_LENGTH));

    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (length), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         description);
    g_assert_true (g_str_has_suffix (ll_summary_view_get_detail (summary, LL_FIGURE_LENGTH), " elements"));
  }
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Stopped — List Lab");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (window), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Stopped — List Lab");

  destroy_window (window);
}

/* @targets maps each mnemonic's key to the widget it leads to, @labels to
 * the label that says it. */
static void
collect_mnemonics (GtkWidget  *root,
                   GHashTable *targets,
                   GHashTable *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint keyval;

      /* A popover has mnemonics of its own. */
      if (GTK_IS_POPOVER (child))
        continue;
      if (GTK_IS_LABEL (child) &&
          (keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (child))) != GDK_KEY_VoidSymbol)
        {
          GtkWidget *target = gtk_label_get_mnemonic_widget (GTK_LABEL (child));
          GtkWidget *other;

          keyval = gdk_keyval_to_lower (keyval);
          if (target == NULL)
            target = child;
          other = g_hash_table_lookup (targets, GUINT_TO_POINTER (keyval));
          if (other != NULL && other != target)
            g_error ("Alt+%s goes to “%s” and to “%s”", gdk_keyval_name (keyval),
                     gtk_label_get_label (GTK_LABEL (child)),
                     gtk_label_get_label (g_hash_table_lookup (labels, GUINT_TO_POINTER (keyval))));
          g_hash_table_insert (targets, GUINT_TO_POINTER (keyval), target);
          g_hash_table_insert (labels, GUINT_TO_POINTER (keyval), child);
        }
      collect_mnemonics (child, targets, labels);
    }
}

/* Every mnemonic leads to one place, whatever the window shows: labels on
 * screen or not (a policy's parameters, Stop in Start's place, the export
 * bar) count alike. */
static void
test_mnemonics (void)
{
  LlWindow *window = create_window ();
  LlControls *controls = ll_window_get_controls (window);
  static const LlPolicyKind policies[] = { LL_POLICY_CPYTHON, LL_POLICY_FIXED, LL_POLICY_CUSTOM };

  for (guint i = 0; i < G_N_ELEMENTS (policies); i++)
    {
      g_autoptr(GHashTable) targets = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) labels = g_hash_table_new (NULL, NULL);

      ll_controls_set_policy (controls, policies[i]);
      collect_mnemonics (GTK_WIDGET (window), targets, labels);
      g_test_message ("%u mnemonics", g_hash_table_size (targets));
      g_assert_cmpuint (g_hash_table_size (targets), >=, 15);
    }

  ll_controls_set_policy (controls, LL_POLICY_CPYTHON);
  ll_controls_set_target_text (controls, "8 MiB");
  run_to_end (window);
  g_object_set (ll_window_get_board (window), "show-table", TRUE, NULL);
  {
    g_autoptr(GHashTable) targets = g_hash_table_new (NULL, NULL);
    g_autoptr(GHashTable) labels = g_hash_table_new (NULL, NULL);

    collect_mnemonics (GTK_WIDGET (window), targets, labels);
  }

  destroy_window (window);
}

/* The same in French, whose words put the underlines elsewhere. In a
 * child process: gettext and GTK keep what they translated. */
static void
test_mnemonics_french (void)
{
  g_autofree char *mo = g_build_filename (BUILD_LOCALEDIR, "fr", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("The French catalogue was not built");
      return;
    }
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* As main () does; gtk_test_init () left the C locale, where gettext
   * ignores LANGUAGE. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, ""));
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  {
    LlWindow *window = create_window ();

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (find_button (GTK_WIDGET (window), "win.start"))),
                     ==, "_Démarrer");
    destroy_window (window);
  }
  test_mnemonics ();
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init_accessible (&argc, &argv);

  g_test_add_func ("/ui/accessible/names", test_names);
  g_test_add_func ("/ui/accessible/fields", test_fields);
  g_test_add_func ("/ui/accessible/figures", test_figures);
  g_test_add_func ("/ui/accessible/mnemonics", test_mnemonics);
  g_test_add_func ("/ui/accessible/mnemonics-french", test_mnemonics_french);

  return g_test_run ();
}
