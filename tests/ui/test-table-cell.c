/* test-table-cell.c — a table's line of text, drawn from glyphs shaped once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ll-table-cell.h"
#include "ui-test-util.h"

#define CELL_HEIGHT 24

typedef struct
{
  GtkWindow     *window;
  LlTableGlyphs *glyphs;
  GtkWidget     *cell;
  GtkWidget     *reference;  /* what GTK draws of the same text */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  f->glyphs = ll_table_glyphs_new ();
  f->cell = ll_table_cell_new (f->glyphs, 1.0f);
  f->reference = g_object_new (GTK_TYPE_INSCRIPTION,
                               "xalign", 1.0f,
                               "text-overflow", GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END,
                               "min-chars", 0, "nat-chars", 0, "min-lines", 0, "nat-lines", 0,
                               NULL);
  /* a table's digits: tabular */
  gtk_widget_add_css_class (box, "numeric");
  gtk_widget_set_halign (f->cell, GTK_ALIGN_START);
  gtk_widget_set_halign (f->reference, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), f->cell);
  gtk_box_append (GTK_BOX (box), f->reference);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wait_ms (50);
  ll_table_glyphs_free (f->glyphs);
}

/* The cell and the reference show @text in @width pixels. */
static void
show (Fixture    *f,
      const char *text,
      int         width)
{
  gtk_widget_set_size_request (f->cell, width, CELL_HEIGHT);
  gtk_widget_set_size_request (f->reference, width, CELL_HEIGHT);
  ll_table_cell_set_text (LL_TABLE_CELL (f->cell), text);
  gtk_inscription_set_text (GTK_INSCRIPTION (f->reference), text);
  wait_frames (f->cell, 3);
  g_assert_cmpint (gtk_widget_get_width (f->cell), ==, width);
}

/* How many of the cell's pixels differ from the reference's; how many
 * it inks at all. */
static guint
count_differences (Fixture *f,
                   guint   *inked)
{
  int width = gtk_widget_get_width (f->cell);
  int height = gtk_widget_get_height (f->cell);
  g_autofree guchar *cell = widget_pixels (f->cell);
  g_autofree guchar *reference = widget_pixels (f->reference);
  guint n = 0;

  g_assert_cmpint (gtk_widget_get_width (f->reference), ==, width);
  g_assert_cmpint (gtk_widget_get_height (f->reference), ==, height);
  *inked = 0;
  for (gsize i = 0; i < (gsize) width * height * 4; i += 4)
    {
      n += pixels_differ (cell + i, reference + i);
      *inked += cell[i + 3] != 0;
    }
  return n;
}

static void
assert_drawn_as_gtk_draws (Fixture    *f,
                           const char *text,
                           int         width)
{
  guint inked, differ;

  show (f, text, width);
  differ = count_differences (f, &inked);
  g_test_message ("“%s” in %d px: %u pixels inked, %u differ", text, width, inked, differ);
  g_assert_cmpuint (inked, >, 5);
  g_assert_cmpuint (differ, ==, 0);
}

/* What the table's columns show, exactly as a GtkInscription draws it:
 * right or left aligned, tabular digits, units and words, arrows. */
static void
test_same_pixels (Fixture       *f,
                  gconstpointer  data)
{
  static const char *texts[] = {
    "1", "167,214,333", "22,500,004 → 25,312,508", "+21.458 MiB", "171.661", "up to 1.23 ms",
    "—", "12 moved, 3 copied of 256", "1,025–1,280", "18.92 GiB",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_drawn_as_gtk_draws (f, texts[i], 240);

  /* left aligned */
  g_object_set (f->reference, "xalign", 0.0f, NULL);
  gtk_widget_unparent (f->cell);
  f->cell = ll_table_cell_new (f->glyphs, 0.0f);
  gtk_widget_set_halign (f->cell, GTK_ALIGN_START);
  gtk_box_prepend (GTK_BOX (gtk_window_get_child (f->window)), f->cell);
  assert_drawn_as_gtk_draws (f, "grew in place", 180);
  assert_drawn_as_gtk_draws (f, "copié", 180);
}

/* Too wide for its cell: ellipsized at the end, as GTK does; text that
 * needs shaping in context: laid out whole, as GTK does. */
static void
test_laid_out (Fixture       *f,
               gconstpointer  data)
{
  assert_drawn_as_gtk_draws (f, "18,446,744,073,709,551,615", 60);
  assert_drawn_as_gtk_draws (f, "١٢٣ ميغابايت", 200);
  assert_drawn_as_gtk_draws (f, "e\xCC\x81\xCC\x81 1,234", 200);
  /* signs the table's font may lack, from a fallback font where there
   * is one (fullwidth digits, an ideographic comma) */
  assert_drawn_as_gtk_draws (f, "\xEF\xBC\x91\xEF\xBC\x92\xE3\x80\x81 1,234", 200);
  /* and shaped glyphs again once the text fits */
  assert_drawn_as_gtk_draws (f, "1,234", 60);
}

/* A new font: the table resets the glyphs, and the cells draw in it. */
static void
test_font_changes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  assert_drawn_as_gtk_draws (f, "4,294,967,296", 240);
  gtk_css_provider_load_from_data (provider, "box { font-size: 20px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  ll_table_glyphs_reset (f->glyphs);
  assert_drawn_as_gtk_draws (f, "4,294,967,296", 240);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
}

/* Named by its text for screen readers; no text, nothing drawn. */
static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  guint inked;

  show (f, "167,214,333", 200);
  g_assert_cmpstr (ll_table_cell_get_text (LL_TABLE_CELL (f->cell)), ==, "167,214,333");
  {
    g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->cell),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                 "167,214,333");

    g_assert_null (wrong);
  }
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (f->cell), GTK_ACCESSIBLE_ROLE_LABEL));

  show (f, "", 200);
  count_differences (f, &inked);
  g_assert_cmpuint (inked, ==, 0);
  show (f, NULL, 200);
  g_assert_null (ll_table_cell_get_text (LL_TABLE_CELL (f->cell)));
  count_differences (f, &inked);
  g_assert_cmpuint (inked, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init_accessible (&argc, &argv);

  g_test_add ("/ui/table-cell/same-pixels", Fixture, NULL, fixture_set_up, test_same_pixels, fixture_tear_down);
  g_test_add ("/ui/table-cell/laid-out", Fixture, NULL, fixture_set_up, test_laid_out, fixture_tear_down);
  g_test_add ("/ui/table-cell/font-changes", Fixture, NULL, fixture_set_up, test_font_changes, fixture_tear_down);
  g_test_add ("/ui/table-cell/text", Fixture, NULL, fixture_set_up, test_text, fixture_tear_down);

  return g_test_run ();
}
