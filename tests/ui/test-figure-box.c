/* test-figure-box.c — a figure: as wide whatever its value says, and
 * repainted as one rectangle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ll-figure-box.h"
#include "ll-ui-util.h"
#include "ui-test-util.h"

static void
measure_width (GtkWidget *widget,
               int       *least,
               int       *natural)
{
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, least, natural, NULL, NULL);
}

/* A figure's @said values and details leave its width as it was with
 * none. */
static void
check_width (GtkWidget  *box,
             const char *said[][2],
             guint       n_said)
{
  int least, natural;

  g_object_ref_sink (box);
  measure_width (box, &least, &natural);
  g_assert_cmpint (least, >, 0);
  for (guint i = 0; i < n_said; i++)
    {
      int l, n;

      ll_figure_box_set (LL_FIGURE_BOX (box), said[i][0], said[i][1]);
      g_assert_cmpstr (ll_figure_box_get_value (LL_FIGURE_BOX (box)), ==, said[i][0]);
      g_assert_cmpstr (ll_figure_box_get_detail (LL_FIGURE_BOX (box)), ==,
                       said[i][1] != NULL ? said[i][1] : "");
      measure_width (box, &l, &n);
      g_assert_cmpint (l, ==, least);
      g_assert_cmpint (n, ==, natural);
    }

  /* A value wider than the widest is never cut: the figure widens. */
  ll_figure_box_set (LL_FIGURE_BOX (box), "18,446,744,073,709,551,615 B", NULL);
  {
    int l;

    measure_width (box, &l, NULL);
    g_assert_cmpint (l, >, least);
  }
  g_object_unref (box);
}

/* The value and the detail it says change nothing of its width: it is as
 * wide as its widest value, with room to spare or none, or as its detail
 * may need (an exact count wider than the value). */
static void
test_width (void)
{
  const char *container[][2] = {
    { "88 B", "88 bytes" },
    { "1000.00 MiB", "1,048,576,000 bytes" },
    { "1023.99 MiB", "1,073,731,584 bytes" },
    { "10.38 GiB", "11,145,741,944 bytes" },
    { "—", NULL },
  };
  const char *length[][2] = {
    { "1", "1 element" },
    { "1.24 G", "1,238,415,761 elements" },
    { "—", NULL },
  };

  /* (sized as in the app: its values larger than its details) */
  ll_ui_load_style ();
  check_width (ll_figure_box_new ("Container", "1000.00 MiB"), container, G_N_ELEMENTS (container));
  check_width (ll_figure_box_new ("Length", "88.8 M"), length, G_N_ELEMENTS (length));
}

/* The first colour node at or under @node that shows nothing. */
static GskRenderNode *
find_mark (GskRenderNode *node)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_COLOR_NODE:
      return gsk_color_node_get_color (node)->alpha == 0 ? node : NULL;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        {
          GskRenderNode *found = find_mark (gsk_container_node_get_child (node, i));

          if (found != NULL)
            return found;
        }
      return NULL;
    case GSK_TRANSFORM_NODE:
      return find_mark (gsk_transform_node_get_child (node));
    case GSK_CLIP_NODE:
      return find_mark (gsk_clip_node_get_child (node));
    case GSK_OPACITY_NODE:
      return find_mark (gsk_opacity_node_get_child (node));
    case GSK_DEBUG_NODE:
      return find_mark (gsk_debug_node_get_child (node));
    default:
      return NULL;
    }
}

static GskRenderNode *
snapshot_widget (GdkPaintable *paintable,
                 GtkWidget    *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

/* Whatever changes in it, the figure's drawing differs over all of it and
 * a little around, where its letters may reach: the window repaints one
 * rectangle for it, not one for each text that changed. */
static void
test_repaints_whole (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = ll_figure_box_new ("Length", "88.8 M");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (box);
  GskRenderNode *before, *after, *mark;
  graphene_rect_t bounds;
  GdkRGBA first;

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  ll_figure_box_set (LL_FIGURE_BOX (box), "12.3 M", "12,345,678 elements");
  wait_ms (50);

  before = snapshot_widget (paintable, box);
  mark = find_mark (before);
  g_assert_nonnull (mark);
  gsk_render_node_get_bounds (mark, &bounds);
  g_assert_cmpfloat (bounds.size.width, >, gtk_widget_get_width (box));
  g_assert_cmpfloat (bounds.size.height, >, gtk_widget_get_height (box));
  first = *gsk_color_node_get_color (mark);

  /* Nothing changed: drawn as before. */
  after = snapshot_widget (paintable, box);
  g_assert_true (gdk_rgba_equal (gsk_color_node_get_color (find_mark (after)), &first));
  gsk_render_node_unref (after);

  /* The detail alone changed: all of it differs. */
  ll_figure_box_set (LL_FIGURE_BOX (box), "12.3 M", "12,345,679 elements");
  wait_ms (50);
  after = snapshot_widget (paintable, box);
  mark = find_mark (after);
  g_assert_nonnull (mark);
  g_assert_false (gdk_rgba_equal (gsk_color_node_get_color (mark), &first));
  gsk_render_node_unref (after);

  gsk_render_node_unref (before);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init_accessible (&argc, &argv);

  g_test_add_func ("/ui/figure-box/width", test_width);
  g_test_add_func ("/ui/figure-box/repaints-whole", test_repaints_whole);

  return g_test_run ();
}
