/* fuzz-run-file.c — fuzz target: files of saved runs, whatever is in them
 *
 * The input is the file. Reading it gives runs or an error of the file's
 * own domain with a readable message; the runs read are what charts rely
 * on (events in order, no more moved than there are), and writing them
 * again gives a file that reads back to the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-target.h"
#include "ll-run-file.h"

static void
check_run (LlRun *run)
{
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autofree char *why = ll_run_dup_stop_message (run, LL_UNITS_IEC);
  g_autofree char *name = ll_run_dup_short_title (run);
  const LlEventBucket *events;
  const LlHistoryCounters *counters;
  LlComparison comparison;
  guint64 total = 0;
  gsize n;

  ll_fuzz_check (ll_run_is_saved (run), "a run read is not a saved run");
  ll_fuzz_check (ll_run_get_state (run) == LL_ENGINE_FINISHED || ll_run_get_state (run) == LL_ENGINE_RELEASED,
                 "a run read that is not over");
  ll_fuzz_check (g_utf8_validate (why, -1, NULL) && g_utf8_validate (name, -1, NULL),
                 "a run read with words that are not UTF-8");

  ll_history_view_update (view, ll_run_get_history (run));
  events = ll_history_view_get_events (view, &n);
  counters = ll_history_view_get_counters (view);
  for (gsize i = 0; i < n; i++)
    {
      ll_fuzz_check (events[i].count > 0 && events[i].n_moved <= events[i].count,
                     "bucket %" G_GSIZE_FORMAT " is empty or moved more than it holds", i);
      ll_fuzz_check (i == 0 || events[i - 1].last.length <= events[i].first.length,
                     "bucket %" G_GSIZE_FORMAT " goes back in length", i);
      total += events[i].count;
    }
  ll_fuzz_check (total == counters->n_events, "the counters do not count the events");
  ll_run_get_comparison (run, 1 << 30, &comparison);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GBytes) written = NULL;

  ll_fuzz_begin (data, size);

  runs = ll_run_file_parse (data, size, &error);
  if (runs == NULL)
    {
      ll_fuzz_check (error != NULL && error->domain == LL_RUN_FILE_ERROR &&
                     ll_fuzz_is_printable (error->message),
                     "a file refused without a readable error");
      return 0;
    }
  ll_fuzz_check (error == NULL, "a file read with an error");
  ll_fuzz_check (runs->len > 0 && runs->len <= LL_RUN_FILE_MAX_RUNS, "%u runs read", runs->len);

  snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_run_snapshot_free);
  for (guint i = 0; i < runs->len; i++)
    {
      check_run (g_ptr_array_index (runs, i));
      g_ptr_array_add (snapshots, ll_run_snapshot_new (g_ptr_array_index (runs, i)));
    }

  written = ll_run_file_serialize ((LlRunSnapshot * const *) snapshots->pdata, snapshots->len);
  again = ll_run_file_parse (g_bytes_get_data (written, NULL), g_bytes_get_size (written), &error);
  ll_fuzz_check (again != NULL && again->len == runs->len, "runs read, written again, are refused: %s",
                 error != NULL ? error->message : "fewer runs");
  for (guint i = 0; i < runs->len; i++)
    ll_fuzz_check (g_strcmp0 (ll_run_get_title (g_ptr_array_index (runs, i)),
                              ll_run_get_title (g_ptr_array_index (again, i))) == 0,
                   "run %u read back under another name", i + 1);

  return 0;
}
