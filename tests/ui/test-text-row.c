/* test-text-row.c — words, and a widget at their end that takes only its width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ll-text-row.h"
#include "ui-test-util.h"

/* A stand-in for a column of wrapping words: as tall as its 3000 px² of
 * text need at the width it gets, and it notes what it is asked. */
#define TEST_TYPE_WORDS (test_words_get_type ())
G_DECLARE_FINAL_TYPE (TestWords, test_words, TEST, WORDS, GtkWidget)

struct _TestWords
{
  GtkWidget parent_instance;

  guint     widths_for_height;  /* asked its width at some height */
  guint     heights;            /* asked its height at some width */
};

G_DEFINE_FINAL_TYPE (TestWords, test_words, GTK_TYPE_WIDGET)

#define WORDS_LEAST    40
#define WORDS_NATURAL 300
#define WORDS_AREA   3000

static void
test_words_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  TestWords *self = TEST_WORDS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      self->widths_for_height += for_size >= 0;
      *minimum = WORDS_LEAST;
      *natural = WORDS_NATURAL;
    }
  else
    {
      int width = for_size >= 0 ? MAX (for_size, WORDS_LEAST) : WORDS_NATURAL;

      self->heights += for_size >= 0;
      *minimum = *natural = (WORDS_AREA + width - 1) / width;
    }
}

static GtkSizeRequestMode
test_words_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
test_words_class_init (TestWordsClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = test_words_measure;
  GTK_WIDGET_CLASS (klass)->get_request_mode = test_words_get_request_mode;
}

static void
test_words_init (TestWords *self)
{
}

typedef struct
{
  GtkWindow *window;
  GtkWidget *row;
  TestWords *words;
  GtkWidget *end;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->row = ll_text_row_new ();
  f->words = g_object_new (TEST_TYPE_WORDS, NULL);
  /* (a label that ellipsizes: it can do with less than it would like) */
  f->end = gtk_label_new ("Release Memory");
  gtk_label_set_ellipsize (GTK_LABEL (f->end), PANGO_ELLIPSIZE_END);
  ll_text_row_set_spacing (LL_TEXT_ROW (f->row), 12);
  /* (the end first: the words still come first for the focus) */
  ll_text_row_set_end_child (LL_TEXT_ROW (f->row), f->end);
  ll_text_row_set_child (LL_TEXT_ROW (f->row), GTK_WIDGET (f->words));
  gtk_widget_set_valign (f->row, GTK_ALIGN_START);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 400, 300);
  gtk_window_set_child (f->window, f->row);
  gtk_window_present (f->window);
  wait_frames (f->row, 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  wait_ms (50);
}

static int
end_width (Fixture *f)
{
  int natural;

  gtk_widget_measure (f->end, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static int
end_least (Fixture *f)
{
  int minimum;

  gtk_widget_measure (f->end, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static graphene_rect_t
bounds_in_row (Fixture   *f,
               GtkWidget *child)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (child, f->row, &bounds));
  return bounds;
}

/* The end child takes its natural width at the end; the words the rest,
 * after the spacing. Each is centred on the row's height. */
static void
test_shares_the_width (Fixture       *f,
                       gconstpointer  data)
{
  int width = gtk_widget_get_width (f->row);
  int words_width = width - 12 - end_width (f);
  int height = gtk_widget_get_height (f->row);
  graphene_rect_t words = bounds_in_row (f, GTK_WIDGET (f->words));
  graphene_rect_t end = bounds_in_row (f, f->end);
  int words_height = (WORDS_AREA + words_width - 1) / words_width;

  g_assert_cmpint (width, ==, 400);
  g_assert_cmpfloat (words.origin.x, ==, 0);
  g_assert_cmpfloat (words.size.width, ==, words_width);
  g_assert_cmpfloat (end.origin.x, ==, width - end_width (f));
  g_assert_cmpfloat (end.size.width, ==, end_width (f));

  /* As tall as the taller, the other centred. */
  g_assert_cmpint (height, ==, MAX (words_height, (int) end.size.height));
  g_assert_cmpfloat (words.size.height, ==, words_height);
  g_assert_cmpfloat (words.origin.y, ==, (height - words_height) / 2);
  g_assert_cmpfloat (end.origin.y, ==, (height - (int) end.size.height) / 2);

  /* Narrower: the words wrap into more lines and the row grows. */
  gtk_window_set_default_size (f->window, 260, 300);
  wait_frames (f->row, 3);
  words_width = gtk_widget_get_width (f->row) - 12 - end_width (f);
  words = bounds_in_row (f, GTK_WIDGET (f->words));
  g_assert_cmpint (gtk_widget_get_width (f->row), ==, 260);
  g_assert_cmpfloat (words.size.width, ==, words_width);
  g_assert_cmpint (gtk_widget_get_height (f->row), ==, (WORDS_AREA + words_width - 1) / words_width);
}

/* The words are only ever asked their height at a width, never their
 * width at a height: a wrapping label answers that by laying its text out
 * at width after width. */
static void
test_asks_no_width_for_a_height (Fixture       *f,
                                 gconstpointer  data)
{
  g_assert_cmpuint (f->words->heights, >, 0);
  g_assert_cmpuint (f->words->widths_for_height, ==, 0);

  for (int width = 300; width <= 500; width += 50)
    {
      gtk_window_set_default_size (f->window, width, 300);
      gtk_widget_queue_resize (GTK_WIDGET (f->words));
      wait_frames (f->row, 2);
    }
  g_assert_cmpuint (f->words->widths_for_height, ==, 0);
}

/* Right to left: the end child is at the left. Without it (hidden), the
 * words take the whole width, with no spacing. */
static void
test_direction_and_hidden_end (Fixture       *f,
                               gconstpointer  data)
{
  graphene_rect_t words, end;

  gtk_widget_set_direction (f->row, GTK_TEXT_DIR_RTL);
  wait_frames (f->row, 3);
  words = bounds_in_row (f, GTK_WIDGET (f->words));
  end = bounds_in_row (f, f->end);
  g_assert_cmpfloat (end.origin.x, ==, 0);
  g_assert_cmpfloat (words.origin.x, ==, end_width (f) + 12);
  g_assert_cmpfloat (words.origin.x + words.size.width, ==, gtk_widget_get_width (f->row));

  gtk_widget_set_visible (f->end, FALSE);
  wait_frames (f->row, 3);
  words = bounds_in_row (f, GTK_WIDGET (f->words));
  g_assert_cmpfloat (words.origin.x, ==, 0);
  g_assert_cmpfloat (words.size.width, ==, gtk_widget_get_width (f->row));
}

/* Squeezed below what both would like, the end child gives up width down
 * to its least; the words keep theirs. The row asks for at least both. */
static void
test_least_widths (Fixture       *f,
                   gconstpointer  data)
{
  int minimum, natural, squeezed;
  graphene_rect_t words, end;

  g_assert_cmpint (end_least (f), <, end_width (f) - 30);
  gtk_widget_measure (f->row, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, WORDS_LEAST + 12 + end_least (f));
  g_assert_cmpint (natural, ==, WORDS_NATURAL + 12 + end_width (f));

  squeezed = WORDS_LEAST + 12 + end_width (f) - 30;
  gtk_window_set_default_size (f->window, squeezed, 300);
  wait_frames (f->row, 3);
  g_assert_cmpint (gtk_widget_get_width (f->row), ==, squeezed);
  words = bounds_in_row (f, GTK_WIDGET (f->words));
  end = bounds_in_row (f, f->end);
  g_assert_cmpfloat (words.size.width, ==, WORDS_LEAST);
  g_assert_cmpfloat (end.size.width, ==, end_width (f) - 30);
  g_assert_cmpfloat (end.origin.x, ==, WORDS_LEAST + 12);

  g_assert_cmpint (ll_text_row_get_spacing (LL_TEXT_ROW (f->row)), ==, 12);
  g_assert_true (ll_text_row_get_child (LL_TEXT_ROW (f->row)) == GTK_WIDGET (f->words));
  g_assert_true (ll_text_row_get_end_child (LL_TEXT_ROW (f->row)) == f->end);
  /* The words come first, for the focus. */
  g_assert_true (gtk_widget_get_first_child (f->row) == GTK_WIDGET (f->words));
}

/* A start child (a check and a swatch, say) takes its natural width at
 * the start; the words come after it and the spacing, and give way to it
 * as to the end child. Right to left, it is at the right. In the focus
 * order it comes first. */
static void
test_start_child (Fixture       *f,
                  gconstpointer  data)
{
  /* (a label that ellipsizes too, of a width the words can spare) */
  GtkWidget *start = gtk_label_new ("Shown on the Charts");
  int start_min, start_nat, minimum, natural, width;
  graphene_rect_t words, bounds;

  ll_text_row_set_start_child (LL_TEXT_ROW (f->row), start);
  g_assert_true (ll_text_row_get_start_child (LL_TEXT_ROW (f->row)) == start);
  g_assert_true (gtk_widget_get_first_child (f->row) == start);
  g_assert_true (gtk_widget_get_next_sibling (start) == GTK_WIDGET (f->words));
  g_assert_true (gtk_widget_get_last_child (f->row) == f->end);
  wait_frames (f->row, 3);

  gtk_label_set_ellipsize (GTK_LABEL (start), PANGO_ELLIPSIZE_END);
  wait_frames (f->row, 2);
  gtk_widget_measure (start, GTK_ORIENTATION_HORIZONTAL, -1, &start_min, &start_nat, NULL, NULL);
  g_assert_cmpint (start_min, <, start_nat - 30);
  width = gtk_widget_get_width (f->row);
  bounds = bounds_in_row (f, start);
  words = bounds_in_row (f, GTK_WIDGET (f->words));
  g_assert_cmpfloat (bounds.origin.x, ==, 0);
  g_assert_cmpfloat (bounds.size.width, ==, start_nat);
  g_assert_cmpfloat (bounds.origin.y, ==, (gtk_widget_get_height (f->row) - (int) bounds.size.height) / 2);
  g_assert_cmpfloat (words.origin.x, ==, start_nat + 12);
  g_assert_cmpfloat (words.size.width, ==, width - start_nat - 12 - 12 - end_width (f));
  /* As tall as the tallest. */
  g_assert_cmpfloat (words.size.height, ==, (WORDS_AREA + (int) words.size.width - 1) / (int) words.size.width);
  g_assert_cmpint (gtk_widget_get_height (f->row), ==, MAX ((int) words.size.height, (int) bounds.size.height));

  gtk_widget_measure (f->row, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, start_min + 12 + WORDS_LEAST + 12 + end_least (f));
  g_assert_cmpint (natural, ==, start_nat + 12 + WORDS_NATURAL + 12 + end_width (f));
  g_assert_cmpuint (f->words->widths_for_height, ==, 0);

  gtk_widget_set_direction (f->row, GTK_TEXT_DIR_RTL);
  wait_frames (f->row, 3);
  bounds = bounds_in_row (f, start);
  words = bounds_in_row (f, GTK_WIDGET (f->words));
  g_assert_cmpfloat (bounds.origin.x, ==, width - start_nat);
  g_assert_cmpfloat (words.origin.x + words.size.width, ==, width - start_nat - 12);
  g_assert_cmpfloat (bounds_in_row (f, f->end).origin.x, ==, 0);

  /* Squeezed: the end child gives way first, then the start child, down
   * to their least; the words keep theirs. */
  gtk_widget_set_direction (f->row, GTK_TEXT_DIR_LTR);
  gtk_window_set_default_size (f->window, minimum, 300);
  wait_frames (f->row, 3);
  g_assert_cmpint (gtk_widget_get_width (f->row), ==, minimum);
  g_assert_cmpfloat (bounds_in_row (f, GTK_WIDGET (f->words)).size.width, ==, WORDS_LEAST);
  g_assert_cmpfloat (bounds_in_row (f, f->end).size.width, ==, end_least (f));
  g_assert_cmpfloat (bounds_in_row (f, start).size.width, ==, start_min);

  /* An end child put in after the others goes last, a child in place of
   * the words between: the focus keeps their order. */
  {
    GtkWidget *end = gtk_label_new ("Release");

    ll_text_row_set_end_child (LL_TEXT_ROW (f->row), end);
    g_assert_true (gtk_widget_get_last_child (f->row) == end);
    g_object_ref (f->words);
    ll_text_row_set_child (LL_TEXT_ROW (f->row), NULL);
    ll_text_row_set_child (LL_TEXT_ROW (f->row), GTK_WIDGET (f->words));
    g_object_unref (f->words);
    g_assert_true (gtk_widget_get_first_child (f->row) == start);
    g_assert_true (gtk_widget_get_next_sibling (start) == GTK_WIDGET (f->words));
    g_assert_true (gtk_widget_get_next_sibling (GTK_WIDGET (f->words)) == end);
    f->end = end;
  }

  /* Without it the row is as before. */
  ll_text_row_set_start_child (LL_TEXT_ROW (f->row), NULL);
  gtk_window_set_default_size (f->window, 400, 300);
  wait_frames (f->row, 3);
  g_assert_cmpfloat (bounds_in_row (f, GTK_WIDGET (f->words)).origin.x, ==, 0);
  g_assert_true (gtk_widget_get_first_child (f->row) == GTK_WIDGET (f->words));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/text-row/shares-the-width", Fixture, NULL,
              fixture_set_up, test_shares_the_width, fixture_tear_down);
  g_test_add ("/text-row/asks-no-width-for-a-height", Fixture, NULL,
              fixture_set_up, test_asks_no_width_for_a_height, fixture_tear_down);
  g_test_add ("/text-row/direction-and-hidden-end", Fixture, NULL,
              fixture_set_up, test_direction_and_hidden_end, fixture_tear_down);
  g_test_add ("/text-row/least-widths", Fixture, NULL,
              fixture_set_up, test_least_widths, fixture_tear_down);
  g_test_add ("/text-row/start-child", Fixture, NULL,
              fixture_set_up, test_start_child, fixture_tear_down);

  return g_test_run ();
}
