/* ll-export-bar.c — a long export's progress under the header bar, with Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ll-export-bar.h"
#include "ll-size.h"

/* Quick exports finish before the bar would slide in: no flicker. */
#define REVEAL_DELAY_MS 150
/* The time left is guessed only once the rate has settled. */
#define ETA_AFTER_US (G_TIME_SPAN_SECOND)

struct _LlExportBar
{
  GtkWidget       parent_instance;

  GtkRevealer    *revealer;
  GtkLabel       *title_label;
  GtkLabel       *detail_label;
  GtkProgressBar *progress_bar;
  GtkButton      *cancel_button;

  LlExportJob    *job;
  guint           tick_id;
  guint           reveal_id;
  gint64          start_us;
  guint64         shown_done;
  guint64         shown_total;
  gint64          shown_us;
};

G_DEFINE_FINAL_TYPE (LlExportBar, ll_export_bar, GTK_TYPE_WIDGET)

static void
update_progress (LlExportBar *self)
{
  g_autofree char *done_text = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *text = NULL;
  guint64 done, total;
  gint64 now = g_get_monotonic_time ();
  double fraction;

  ll_export_job_get_progress (self->job, &done, &total);

  /* A frame is cheap, a relayout is not: the label changes at most a few
   * times a second, the bar when it moves by a pixel's worth. */
  if (done == self->shown_done && total == self->shown_total)
    return;

  fraction = total > 0 ? (double) done / (double) total : 0;
  if (ABS (fraction - gtk_progress_bar_get_fraction (self->progress_bar)) >= 0.001)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);

  if (now - self->shown_us < 250 * G_TIME_SPAN_MILLISECOND && done < total)
    return;

  self->shown_done = done;
  self->shown_total = total;
  self->shown_us = now;

  done_text = ll_format_count (done);
  total_text = ll_format_count (total);

  if (now - self->start_us >= ETA_AFTER_US && done > 0 && done < total)
    {
      double rate = (double) done / (double) (now - self->start_us);
      g_autofree char *left = ll_format_duration ((guint64) ((double) (total - done) / rate * 1000));

      /* Translators: "45 % · 107 M of 238 M values · about 3.20 s left" */
      text = g_strdup_printf (_("%.0f %% · %s of %s values · about %s left"),
                              fraction * 100, done_text, total_text, left);
    }
  else
    /* Translators: "45 % · 107 M of 238 M values" */
    text = g_strdup_printf (_("%.0f %% · %s of %s values"), fraction * 100, done_text, total_text);

  gtk_label_set_label (self->detail_label, text);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  LlExportBar *self = LL_EXPORT_BAR (widget);

  if (self->job != NULL)
    update_progress (self);

  return G_SOURCE_CONTINUE;
}

/* Screen readers see the bar only while it is shown: a revealer keeps
 * what it hides in place. */
static void
set_revealed (LlExportBar *self,
              gboolean     revealed)
{
  gtk_revealer_set_reveal_child (self->revealer, revealed);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->revealer),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !revealed,
                               -1);
}

static gboolean
on_reveal (gpointer user_data)
{
  LlExportBar *self = user_data;

  self->reveal_id = 0;
  set_revealed (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
stop_following (LlExportBar *self)
{
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_pointer (&self->job, ll_export_job_unref);
}

void
ll_export_bar_start (LlExportBar *self,
                     LlExportJob *job,
                     const char  *title)
{
  g_return_if_fail (LL_IS_EXPORT_BAR (self));
  g_return_if_fail (job != NULL);

  stop_following (self);

  self->job = ll_export_job_ref (job);
  self->start_us = g_get_monotonic_time ();
  self->shown_done = G_MAXUINT64;
  self->shown_total = 0;
  self->shown_us = 0;

  gtk_label_set_label (self->title_label, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->detail_label, "");
  update_progress (self);

  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
  if (!gtk_revealer_get_reveal_child (self->revealer))
    self->reveal_id = g_timeout_add (REVEAL_DELAY_MS, on_reveal, self);
}

void
ll_export_bar_stop (LlExportBar *self)
{
  g_return_if_fail (LL_IS_EXPORT_BAR (self));

  stop_following (self);
  set_revealed (self, FALSE);
}

gboolean
ll_export_bar_get_active (LlExportBar *self)
{
  g_return_val_if_fail (LL_IS_EXPORT_BAR (self), FALSE);

  return self->job != NULL;
}

double
ll_export_bar_get_fraction (LlExportBar *self)
{
  g_return_val_if_fail (LL_IS_EXPORT_BAR (self), 0);

  return gtk_progress_bar_get_fraction (self->progress_bar);
}

const char *
ll_export_bar_get_text (LlExportBar *self)
{
  g_return_val_if_fail (LL_IS_EXPORT_BAR (self), NULL);

  return gtk_label_get_label (self->detail_label);
}

static void
ll_export_bar_dispose (GObject *object)
{
  LlExportBar *self = LL_EXPORT_BAR (object);

  stop_following (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_EXPORT_BAR);

  G_OBJECT_CLASS (ll_export_bar_parent_class)->dispose (object);
}

static void
ll_export_bar_class_init (LlExportBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_export_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/listlab/ListLab/ll-export-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LlExportBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, LlExportBar, title_label);
  gtk_widget_class_bind_template_child (widget_class, LlExportBar, detail_label);
  gtk_widget_class_bind_template_child (widget_class, LlExportBar, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LlExportBar, cancel_button);
}

static void
ll_export_bar_init (LlExportBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_revealed (self, FALSE);
}

GtkWidget *
ll_export_bar_new (void)
{
  return g_object_new (LL_TYPE_EXPORT_BAR, NULL);
}
