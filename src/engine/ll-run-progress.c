/* ll-run-progress.c — how far a run came, how fast, and how it ended, in
 * the words the window and the command line both use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ll-run-private.h"
#include "ll-size.h"

/* The appends/s figure is measured over this much of the run's time. */
#define RATE_INTERVAL_NS (G_GUINT64_CONSTANT (500) * 1000 * 1000)

static double
compute_fraction (LlRun                *self,
                  const LlEngineStatus *status)
{
  const LlRunConfig *config = &self->config;
  guint64 done;

  if ((status->state == LL_ENGINE_FINISHED || status->state == LL_ENGINE_RELEASED) &&
      status->stop_reason == LL_STOP_TARGET)
    return 1;

  /* A simulation being computed, from another thread: how far it came. */
  if (self->kind == LL_RUN_SIMULATED && status->state == LL_ENGINE_RUNNING)
    return MIN (1.0, (double) __atomic_load_n (&self->sim_metric, __ATOMIC_RELAXED) /
                     (double) MAX (config->target, 1));

  if (self->final_length > config->initial_length)
    {
      if (status->length <= config->initial_length)
        return 0;
      return MIN (1.0, (double) (status->length - config->initial_length) /
                       (double) (self->final_length - config->initial_length));
    }

  switch (config->target_kind)
    {
    case LL_TARGET_ELEMENTS:
      done = status->length;
      break;
    case LL_TARGET_TOTAL_BYTES:
      done = status->container_bytes + status->objects_bytes;
      break;
    case LL_TARGET_CONTAINER_BYTES:
    default:
      done = status->container_bytes;
      break;
    }

  return MIN (1.0, (double) done / (double) config->target);
}

double
ll_run_get_fraction (LlRun *self)
{
  LlEngineStatus status;

  g_return_val_if_fail (LL_IS_RUN (self), 0.0);

  ll_run_get_status (self, &status);
  return compute_fraction (self, &status);
}

void
ll_run_get_progress (LlRun         *self,
                     LlRunProgress *progress)
{
  LlEngineStatus status;

  g_return_if_fail (LL_IS_RUN (self));
  g_return_if_fail (progress != NULL);

  ll_run_get_status (self, &status);
  progress->fraction = compute_fraction (self, &status);
  progress->final_length = self->final_length;
  progress->eta_ns = G_MAXUINT64;

  if (status.state == LL_ENGINE_RUNNING)
    {
      /* The recent rate, measured on the run's own clock. */
      if (status.elapsed_ns >= self->rate_elapsed_ns + RATE_INTERVAL_NS)
        {
          double now = (double) (status.length - MIN (status.length, self->rate_length)) * 1e9 /
                       (double) (status.elapsed_ns - self->rate_elapsed_ns);

          self->rate = self->rate < 0 ? now : 0.5 * self->rate + 0.5 * now;
          self->rate_elapsed_ns = status.elapsed_ns;
          self->rate_length = status.length;
        }
      progress->appends_per_second = self->rate;
      if (self->rate > 0 && self->final_length > status.length)
        progress->eta_ns = (guint64) ((self->final_length - status.length) / self->rate * 1e9);
    }
  else if (status.elapsed_ns > 0)
    {
      guint64 appended = status.length - MIN (status.length, self->config.initial_length);

      progress->appends_per_second = (double) appended * 1e9 / (double) status.elapsed_ns;
    }
  else
    progress->appends_per_second = -1;
}

char *
ll_run_dup_stop_message (LlRun   *self,
                         LlUnits  units)
{
  LlEngineStatus status;
  const GError *error;
  g_autofree char *target = NULL;
  g_autofree char *reserve = NULL;

  g_return_val_if_fail (LL_IS_RUN (self), NULL);

  ll_run_get_status (self, &status);
  error = ll_run_get_error (self);

  switch (status.stop_reason)
    {
    case LL_STOP_TARGET:
      target = ll_run_config_format_target (&self->config);
      if (ll_run_config_starts_at_target (&self->config))
        {
          g_autofree char *length = NULL;

          if (self->config.initial_length == 0)
            /* Translators: %s is a size such as "40 B" */
            return g_strdup_printf (_("An empty list already reaches the target of %s"), target);
          length = ll_format_count_exact (self->config.initial_length);
          /* Translators: a run that started from a list at least as large as
           * its target, so it never grew: the list's length, then the target */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "The initial list of %s element already reaches the target of %s",
                                               "The initial list of %s elements already reaches the target of %s",
                                               (gulong) MIN (self->config.initial_length, G_MAXULONG)),
                                  length, target);
        }
      /* Translators: %s is a size such as "10.00 GB" or a number of elements */
      return g_strdup_printf (_("Reached the target of %s"), target);
    case LL_STOP_CANCELLED:
      return g_strdup (_("Stopped"));
    case LL_STOP_RESERVE:
      reserve = ll_format_bytes (status.reserve_bytes, units);
      return g_strdup_printf (_("Stopped to keep %s free for the system (memory reserve)"),
                              reserve);
    case LL_STOP_NO_MEMORY:
      return g_strdup_printf (_("Out of memory: %s"),
                              error != NULL ? error->message : _("an allocation failed"));
    case LL_STOP_FAILED:
      return g_strdup_printf (_("The run failed: %s"),
                              error != NULL ? error->message : _("unknown error"));
    case LL_STOP_NONE:
    default:
      if (status.state == LL_ENGINE_RUNNING)
        return g_strdup (self->kind == LL_RUN_SIMULATED ? _("Simulating…") : _("Growing the list…"));
      return g_strdup (_("Not started"));
    }
}
