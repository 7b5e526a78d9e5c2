/* test-export-bar.c — a long export's progress under the header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ll-export-bar.h"
#include "ui-test-util.h"

typedef struct
{
  GtkWidget   *window;
  LlExportBar *bar;
  GtkRevealer *revealer;
  LlExportJob *job;
} Fixture;

static void
fixture_set_up (Fixture *f)
{
  f->bar = LL_EXPORT_BAR (ll_export_bar_new ());
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 200);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->bar));
  gtk_window_present (GTK_WINDOW (f->window));
  f->revealer = GTK_REVEALER (find_widget (GTK_WIDGET (f->bar), GTK_TYPE_REVEALER));
  g_assert_nonnull (f->revealer);
  f->job = ll_export_job_new (LL_EXPORT_KIND_CONTENTS, "/nonexistent/contents.csv");
  wait_ms (50);
}

static void
fixture_tear_down (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ll_export_job_unref (f->job);
  wait_ms (10);
}

/* What the worker says it has written, as it does under the job's lock. */
static void
set_progress (LlExportJob *job,
              guint64      done,
              guint64      total)
{
  g_mutex_lock (&job->lock);
  job->done = done;
  job->total = total;
  g_mutex_unlock (&job->lock);
}

/* The bar follows the job: the share written, counted as people count,
 * then the time left once the rate has settled; it slides in only once
 * the export has lasted a moment, and out when it ends. */
static void
test_follows (void)
{
  Fixture f;
  const char *text;

  fixture_set_up (&f);
  g_assert_false (ll_export_bar_get_active (f.bar));
  g_assert_false (gtk_revealer_get_reveal_child (f.revealer));
  g_assert_true (accessible_is_hidden (GTK_WIDGET (f.revealer)));
  g_assert_nonnull (find_button (GTK_WIDGET (f.bar), "export.cancel"));

  set_progress (f.job, 0, 238000000);
  ll_export_bar_start (f.bar, f.job, "Exporting the list’s values");
  g_assert_true (ll_export_bar_get_active (f.bar));
  g_assert_cmpfloat (ll_export_bar_get_fraction (f.bar), ==, 0.0);
  g_assert_cmpstr (ll_export_bar_get_text (f.bar), ==, "0 % · 0 of 238 M values");
  /* Not at once: a quick export would only flicker. */
  g_assert_false (gtk_revealer_get_reveal_child (f.revealer));
  wait_ms (300);
  g_assert_true (gtk_revealer_get_reveal_child (f.revealer));
  g_assert_false (accessible_is_hidden (GTK_WIDGET (f.revealer)));

  set_progress (f.job, 107100000, 238000000);
  wait_ms (300);
  g_assert_cmpfloat_with_epsilon (ll_export_bar_get_fraction (f.bar), 0.45, 1e-9);
  text = ll_export_bar_get_text (f.bar);
  g_assert_true (g_str_has_prefix (text, "45 % · 107 M of 238 M values"));

  /* A second on, the rate is known: the time left too. */
  wait_ms (800);
  set_progress (f.job, 119000000, 238000000);
  wait_ms (300);
  text = ll_export_bar_get_text (f.bar);
  g_assert_true (g_str_has_prefix (text, "50 % · 119 M of 238 M values · about "));
  g_assert_true (g_str_has_suffix (text, " left"));

  /* Done: the last figures, then the bar goes. */
  set_progress (f.job, 238000000, 238000000);
  wait_ms (100);
  g_assert_cmpstr (ll_export_bar_get_text (f.bar), ==, "100 % · 238 M of 238 M values");
  ll_export_bar_stop (f.bar);
  g_assert_false (ll_export_bar_get_active (f.bar));
  g_assert_false (gtk_revealer_get_reveal_child (f.revealer));
  g_assert_true (accessible_is_hidden (GTK_WIDGET (f.revealer)));

  fixture_tear_down (&f);
}

static void
count_notify (guint      *count,
              GParamSpec *pspec)
{
  (*count)++;
}

/* An export over before the bar would show never shows it. */
static void
test_quick (void)
{
  Fixture f;

  guint revealed = 0;

  fixture_set_up (&f);
  g_signal_connect_swapped (f.revealer, "notify::reveal-child", G_CALLBACK (count_notify), &revealed);
  set_progress (f.job, 0, 1000);
  ll_export_bar_start (f.bar, f.job, "Exporting the list’s values");
  wait_ms (20);
  set_progress (f.job, 1000, 1000);
  ll_export_bar_stop (f.bar);
  wait_ms (300);
  g_assert_cmpuint (revealed, ==, 0);
  g_assert_false (ll_export_bar_get_active (f.bar));

  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init_accessible (&argc, &argv);

  g_test_add_func ("/ui/export-bar/follows", test_follows);
  g_test_add_func ("/ui/export-bar/quick", test_quick);

  return g_test_run ();
}
