/* test-run-file.c — runs saved to a file and read back: equal, or a clear error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "engine-test.h"
#include "ll-run-file.h"


static LlRun *
simulated (LlPolicyKind kind,
           guint64      target,
           guint        history_buckets)
{
  g_autoptr(GError) error = NULL;
  LlRunConfig config;
  LlRun *run;

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, kind);
  config.target = target;
  config.target_units = LL_UNITS_SI;
  config.history_buckets = history_buckets;
  run = ll_run_new (LL_RUN_SIMULATED, &config, &error);
  g_assert_no_error (error);
  g_assert_true (ll_run_simulate (run, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return run;
}

static void
on_finished (LlRun    *run,
             gboolean *done)
{
  *done = TRUE;
}

/* A real run to 4 MiB: its events and memory samples. */
static LlRun *
real (void)
{
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  LlRunConfig config;
  LlRun *run;

  ll_run_config_init (&config);
  config.target = 4 * MiB;
  config.target_units = LL_UNITS_IEC;
  config.mem_probe = big_machine;
  config.reserve_bytes = 0;
  config.sample_hz = 1000;
  run = ll_run_new (LL_RUN_REAL, &config, &error);
  g_assert_no_error (error);
  g_signal_connect (run, "finished", G_CALLBACK (on_finished), &done);
  ll_run_start (run);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return run;
}

static GBytes *
serialize (GPtrArray *runs)
{
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_run_snapshot_free);

  for (guint i = 0; i < runs->len; i++)
    g_ptr_array_add (snapshots, ll_run_snapshot_new (g_ptr_array_index (runs, i)));
  return ll_run_file_serialize ((LlRunSnapshot * const *) snapshots->pdata, snapshots->len);
}

static void
assert_same_counters (const LlHistoryCounters *a,
                      const LlHistoryCounters *b)
{
  g_assert_cmpuint (a->n_events, ==, b->n_events);
  g_assert_cmpuint (a->n_moved, ==, b->n_moved);
  g_assert_cmpuint (a->bytes_copied, ==, b->bytes_copied);
  g_assert_cmpuint (a->total_realloc_ns, ==, b->total_realloc_ns);
  if (a->n_events > 0)
    {
      assert_events_equal (&a->slowest, &b->slowest);
      assert_events_equal (&a->last_event, &b->last_event);
    }
  g_assert_cmpuint (a->n_samples, ==, b->n_samples);
  if (a->n_samples > 0)
    {
      assert_samples_equal (&a->first_sample, &b->first_sample);
      assert_samples_equal (&a->last_sample, &b->last_sample);
    }
  g_assert_cmpuint (a->start_length, ==, b->start_length);
  g_assert_cmpuint (a->start_capacity, ==, b->start_capacity);
  g_assert_cmpuint (a->end_length, ==, b->end_length);
  g_assert_cmpuint (a->end_capacity, ==, b->end_capacity);
  g_assert_cmpuint (a->blocks_allocated, ==, b->blocks_allocated);
  g_assert_cmpuint (a->peak_blocks, ==, b->peak_blocks);
  g_assert_cmpuint (a->peak_length, ==, b->peak_length);
  g_assert_cmpfloat (a->slack_sum, ==, b->slack_sum);
}

static void
assert_same_events (const LlEventBucket *a,
                    const LlEventBucket *b,
                    gsize                n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpuint (a[i].count, ==, b[i].count);
      g_assert_cmpuint (a[i].n_moved, ==, b[i].n_moved);
      g_assert_cmpuint (a[i].n_copied, ==, b[i].n_copied);
      g_assert_cmpuint (a[i].min_bytes_added, ==, b[i].min_bytes_added);
      g_assert_cmpuint (a[i].max_bytes_added, ==, b[i].max_bytes_added);
      g_assert_cmpuint (a[i].min_realloc_ns, ==, b[i].min_realloc_ns);
      g_assert_cmpuint (a[i].max_realloc_ns, ==, b[i].max_realloc_ns);
      g_assert_cmpuint (a[i].realloc_ns, ==, b[i].realloc_ns);
      assert_events_equal (&a[i].first, &b[i].first);
      assert_events_equal (&a[i].last, &b[i].last);
    }
}

static void
assert_same_samples (const LlSampleBucket *a,
                     const LlSampleBucket *b,
                     gsize                 n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpuint (a[i].count, ==, b[i].count);
      g_assert_cmpuint (a[i].min_available_bytes, ==, b[i].min_available_bytes);
      g_assert_cmpuint (a[i].max_available_bytes, ==, b[i].max_available_bytes);
      g_assert_cmpuint (a[i].min_rss_bytes, ==, b[i].min_rss_bytes);
      g_assert_cmpuint (a[i].max_rss_bytes, ==, b[i].max_rss_bytes);
      assert_samples_equal (&a[i].first, &b[i].first);
      assert_samples_equal (&a[i].last, &b[i].last);
    }
}

/* Everything a window shows of @a, @b shows alike. */
static void
assert_same_run (LlRun *a,
                 LlRun *b)
{
  const LlRunConfig *ca = ll_run_get_config (a), *cb = ll_run_get_config (b);
  g_autoptr(LlHistoryView) va = ll_history_view_new ();
  g_autoptr(LlHistoryView) vb = ll_history_view_new ();
  g_autofree char *why_a = ll_run_dup_stop_message (a, LL_UNITS_IEC);
  g_autofree char *why_b = ll_run_dup_stop_message (b, LL_UNITS_IEC);
  g_autofree char *short_a = ll_run_dup_short_title (a);
  g_autofree char *short_b = ll_run_dup_short_title (b);
  const LlEventBucket *ea, *eb;
  const LlSampleBucket *sa, *sb;
  gsize n_ea, n_eb, n_sa, n_sb;
  LlEngineStatus status_a, status_b;
  LlComparison cmp_a, cmp_b;

  g_assert_true (ll_run_is_saved (b));
  g_assert_cmpint (ll_run_get_kind (a), ==, ll_run_get_kind (b));
  g_assert_cmpstr (ll_run_get_title (a), ==, ll_run_get_title (b));
  g_assert_cmpstr (short_a, ==, short_b);
  g_assert_cmpstr (why_a, ==, why_b);

  g_assert_cmpint (ca->policy.kind, ==, cb->policy.kind);
  g_assert_cmpuint (ca->policy.increment, ==, cb->policy.increment);
  g_assert_cmpfloat (ca->policy.factor, ==, cb->policy.factor);
  g_assert_cmpuint (ca->policy.constant, ==, cb->policy.constant);
  g_assert_cmpuint (ca->policy.round, ==, cb->policy.round);
  g_assert_cmpint (ca->mechanism, ==, cb->mechanism);
  g_assert_cmpint (ca->element, ==, cb->element);
  g_assert_cmpuint (ca->initial_length, ==, cb->initial_length);
  g_assert_cmpuint (ca->batch, ==, cb->batch);
  g_assert_cmpint (ca->target_kind, ==, cb->target_kind);
  g_assert_cmpuint (ca->target, ==, cb->target);
  g_assert_cmpint (ca->target_units, ==, cb->target_units);
  g_assert_cmpuint (ca->reserve_bytes, ==, cb->reserve_bytes);
  g_assert_cmpuint (ca->sample_hz, ==, cb->sample_hz);
  g_assert_cmpint (ca->huge_pages, ==, cb->huge_pages);

  ll_run_get_status (a, &status_a);
  ll_run_get_status (b, &status_b);
  g_assert_cmpint (status_a.stop_reason, ==, status_b.stop_reason);
  g_assert_cmpuint (status_a.length, ==, status_b.length);
  g_assert_cmpuint (status_a.capacity, ==, status_b.capacity);
  g_assert_cmpuint (status_a.container_bytes, ==, status_b.container_bytes);
  g_assert_cmpuint (status_a.objects_bytes, ==, status_b.objects_bytes);
  g_assert_cmpuint (status_a.elapsed_ns, ==, status_b.elapsed_ns);
  g_assert_cmpuint (status_a.start_available_bytes, ==, status_b.start_available_bytes);
  g_assert_cmpuint (status_a.limit_bytes, ==, status_b.limit_bytes);
  g_assert_cmpuint (status_a.reserve_bytes, ==, status_b.reserve_bytes);
  /* A real run's list is not in the file: it reads as released. */
  g_assert_cmpint (status_b.state, ==,
                   ll_run_get_kind (a) == LL_RUN_REAL ? LL_ENGINE_RELEASED : LL_ENGINE_FINISHED);
  g_assert_cmpint (ll_run_get_state (b), ==, status_b.state);
  g_assert_cmpuint (ll_run_get_resident_bytes (b), ==, 0);

  ll_history_view_update (va, ll_run_get_history (a));
  ll_history_view_update (vb, ll_run_get_history (b));
  assert_same_counters (ll_history_view_get_counters (va), ll_history_view_get_counters (vb));
  ea = ll_history_view_get_events (va, &n_ea);
  eb = ll_history_view_get_events (vb, &n_eb);
  g_assert_cmpuint (n_ea, ==, n_eb);
  assert_same_events (ea, eb, n_ea);
  sa = ll_history_view_get_samples (va, &n_sa);
  sb = ll_history_view_get_samples (vb, &n_sb);
  g_assert_cmpuint (n_sa, ==, n_sb);
  assert_same_samples (sa, sb, n_sa);
  g_assert_cmpuint (ll_history_get_event_width (ll_run_get_history (a)), ==,
                    ll_history_get_event_width (ll_run_get_history (b)));
  g_assert_cmpint (ll_history_is_exact (ll_run_get_history (a)), ==,
                   ll_history_is_exact (ll_run_get_history (b)));

  ll_run_get_comparison (a, 16 * GiB, &cmp_a);
  ll_run_get_comparison (b, 16 * GiB, &cmp_b);
  g_assert_cmpuint (cmp_a.n_reallocations, ==, cmp_b.n_reallocations);
  g_assert_cmpuint (cmp_a.slack_bytes, ==, cmp_b.slack_bytes);
  g_assert_cmpfloat (cmp_a.mean_slack_fraction, ==, cmp_b.mean_slack_fraction);
  g_assert_cmpuint (cmp_a.bytes_allocated, ==, cmp_b.bytes_allocated);
  g_assert_cmpint (cmp_a.copies_known, ==, cmp_b.copies_known);
  g_assert_cmpuint (cmp_a.bytes_copied, ==, cmp_b.bytes_copied);
  g_assert_cmpuint (cmp_a.peak_bytes, ==, cmp_b.peak_bytes);
  g_assert_cmpuint (cmp_a.elapsed_ns, ==, cmp_b.elapsed_ns);
  g_assert_cmpuint (cmp_a.fit_length, ==, cmp_b.fit_length);
}

static GPtrArray *
round_trip (GPtrArray *runs)
{
  g_autoptr(GBytes) bytes = serialize (runs);
  g_autoptr(GError) error = NULL;
  GPtrArray *read;

  read = ll_run_file_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpuint (read->len, ==, runs->len);
  for (guint i = 0; i < runs->len; i++)
    assert_same_run (g_ptr_array_index (runs, i), g_ptr_array_index (read, i));
  return read;
}

/* A comparison of several policies, one renamed, and a real run with its
 * memory samples: read back equal, in the same order. */
static void
test_round_trip (void)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) read = NULL;
  LlRun *custom;
  LlRunConfig config;

  g_ptr_array_add (runs, real ());
  g_ptr_array_add (runs, simulated (LL_POLICY_CPYTHON, 100000000, 0));
  g_ptr_array_add (runs, simulated (LL_POLICY_DOUBLE, 100000000, 0));
  ll_run_set_title (g_ptr_array_index (runs, 2), "Doubling, to compare");

  ll_run_config_init (&config);
  ll_policy_init (&config.policy, LL_POLICY_CUSTOM);
  config.policy.factor = 1.3;
  config.policy.constant = 5;
  config.policy.round = 4;
  config.initial_length = 1000;
  config.element = LL_ELEMENT_INT32;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 2000000;
  config.reserve_bytes = 3 * GiB;
  config.sample_hz = 50;
  config.huge_pages = TRUE;
  custom = ll_run_new (LL_RUN_SIMULATED, &config, NULL);
  g_assert_true (ll_run_simulate (custom, NULL, NULL, NULL, NULL));
  g_ptr_array_add (runs, custom);

  read = round_trip (runs);
  g_assert_cmpstr (ll_run_get_title (g_ptr_array_index (read, 2)), ==, "Doubling, to compare");
  g_assert_true (ll_run_is_renamed (g_ptr_array_index (read, 2)));
  g_assert_false (ll_run_is_renamed (g_ptr_array_index (read, 1)));
  {
    LlHistoryCounters counters;

    ll_history_get_counters (ll_run_get_history (g_ptr_array_index (read, 0)), &counters);
    g_assert_cmpuint (counters.n_samples, >, 0);
    g_assert_cmpuint (counters.n_events, >, 0);
  }
}

/* A long run whose history joined its events into buckets keeps them as
 * they are. */
static void
test_round_trip_buckets (void)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) read = NULL;

  g_ptr_array_add (runs, simulated (LL_POLICY_FIXED, 4000000, 64));
  g_assert_false (ll_history_is_exact (ll_run_get_history (g_ptr_array_index (runs, 0))));
  g_assert_cmpuint (ll_history_get_event_width (ll_run_get_history (g_ptr_array_index (runs, 0))), >, 1);
  read = round_trip (runs);
}

/* A file written and read back; what cannot be opened says why. */
static void
test_write_read (void)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LlRunSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("listlab-run-file-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "runs" LL_RUN_FILE_SUFFIX, NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.listlab", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);

  g_ptr_array_add (runs, simulated (LL_POLICY_CPYTHON, 1000000, 0));
  snapshot = ll_run_snapshot_new (g_ptr_array_index (runs, 0));
  g_assert_true (ll_run_file_write (&snapshot, 1, path, &error));
  g_assert_no_error (error);

  read = ll_run_file_read (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 1);
  assert_same_run (g_ptr_array_index (runs, 0), g_ptr_array_index (read, 0));
  g_clear_pointer (&read, g_ptr_array_unref);

  read = ll_run_file_read (missing, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.listlab”: No such file"));
  g_clear_error (&error);

  read = ll_run_file_read (dir, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* A device is not read: /dev/zero would never end. */
  read = ll_run_file_read ("/dev/zero", NULL, &error);
  g_assert_null (read);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (g_str_has_suffix (error->message, "zero”: It is not a file"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "length,capacity\n1,4\n", -1, NULL));
  read = ll_run_file_read (text, NULL, &error);
  g_assert_null (read);
  g_assert_error (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_NOT_RUNS);
  g_assert_true (g_str_has_suffix (error->message, "notes.txt”: This is not a file of List Lab runs"));
  g_clear_error (&error);

  g_unlink (text);
  g_unlink (path);
  g_rmdir (dir);
}

/* A file cut short anywhere is damaged, never read as something else. */
static void
test_truncated (void)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize length, step;

  g_ptr_array_add (runs, simulated (LL_POLICY_CPYTHON, 10000000, 0));
  g_ptr_array_add (runs, simulated (LL_POLICY_JAVA, 10000000, 0));
  bytes = serialize (runs);
  data = g_bytes_get_data (bytes, &length);
  step = under_valgrind () ? length / 40 + 1 : 1;

  for (gsize cut = 0; cut < length; cut += step)
    {
      g_autoptr(GError) error = NULL;
      g_autofree guint8 *copy = g_memdup2 (data, cut);
      GPtrArray *read = ll_run_file_parse (copy, cut, &error);

      g_assert_null (read);
      g_assert_true (g_error_matches (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_CORRUPT) ||
                     g_error_matches (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_NOT_RUNS));
    }
}

/* Any byte changed gives the runs or an error: never a crash, never a run
 * whose history breaks what charts rely on. */
static void
test_damaged (void)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize length, step;
  guint n_read = 0, n_refused = 0;

  g_ptr_array_add (runs, simulated (LL_POLICY_CPYTHON, 1000000, 0));
  bytes = serialize (runs);
  data = g_bytes_get_data (bytes, &length);
  /* About 2,000 damaged files (150 under valgrind), spread over all of it. */
  step = MAX (length / (under_valgrind () ? 50 : 700), 1);

  for (gsize at = 0; at < length; at += step)
    for (guint flip = 0; flip < 8; flip += under_valgrind () ? 8 : 3)
      {
        g_autoptr(GError) error = NULL;
        g_autofree guint8 *copy = g_memdup2 (data, length);
        g_autoptr(GPtrArray) read = NULL;

        copy[at] ^= (guint8) (1u << flip);
        read = ll_run_file_parse (copy, length, &error);
        if (read == NULL)
          {
            g_assert_nonnull (error);
            g_assert_cmpuint (error->domain, ==, LL_RUN_FILE_ERROR);
            n_refused++;
            continue;
          }
        g_assert_no_error (error);
        n_read++;
        for (guint i = 0; i < read->len; i++)
          {
            g_autoptr(LlHistoryView) view = ll_history_view_new ();
            const LlEventBucket *events;
            gsize n;

            ll_history_view_update (view, ll_run_get_history (g_ptr_array_index (read, i)));
            events = ll_history_view_get_events (view, &n);
            for (gsize k = 1; k < n; k++)
              g_assert_cmpuint (events[k - 1].last.length, <=, events[k].first.length);
          }
      }

  /* A flip in a number's high bits is caught; in its low bits it is a
   * different, still consistent, run. */
  g_assert_cmpuint (n_refused, >, 0);
  g_assert_cmpuint (n_read, >, 0);
}

/* A file from a newer List Lab says so. */
static void
test_future_version (void)
{
  g_autoptr(GVariant) file = NULL;
  g_autoptr(GError) error = NULL;
  GVariantDict top;
  GPtrArray *read;

  g_variant_dict_init (&top, NULL);
  g_variant_dict_insert (&top, "runs", "s", "whatever comes next");
  file = g_variant_ref_sink (g_variant_new ("(su@a{sv})", "io.github.listlab.ListLab.Runs", 2,
                                            g_variant_dict_end (&top)));
  read = ll_run_file_parse (g_variant_get_data (file), g_variant_get_size (file), &error);
  g_assert_null (read);
  g_assert_error (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_VERSION);
  g_assert_cmpstr (error->message, ==,
                   "The file was saved by a newer List Lab (format 2); this one reads format 1 and older");
}

/* No run at all, or settings no List Lab has. */
static void
test_refused (void)
{
  static const struct { const char *key; const char *type; const char *value; const char *message; } cases[] = {
    { "policy", "s", "'quadratic'", "The file is damaged: run 1 has settings this List Lab does not know" },
    { "target", "t", "0", "The file is damaged: run 1 has settings this List Lab does not know" },
    { "stop-reason", "s", "'bored'", "The file is damaged: run 1 has a broken “stop-reason”" },
    { "events", "at", "[1, 2, 3]", "The file is damaged: run 1 has a broken “events”" },
    { "kind", "s", "'dreamt'", "The file is damaged: run 1 has a broken “kind”" },
  };
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) file = NULL;
  g_autoptr(GVariant) top = NULL;
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GVariant) first = NULL;

  g_ptr_array_add (runs, simulated (LL_POLICY_CPYTHON, 1000000, 0));
  bytes = serialize (runs);
  file = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(sua{sv})"), bytes, FALSE));
  g_variant_get_child (file, 2, "@a{sv}", &top);
  list = g_variant_lookup_value (top, "runs", G_VARIANT_TYPE ("aa{sv}"));
  first = g_variant_get_child_value (list, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVariant) changed = NULL;
      g_autoptr(GError) error = NULL;
      GVariantDict dict, outer;
      GVariantBuilder one;
      GPtrArray *read;

      g_autoptr(GVariant) value = g_variant_parse (G_VARIANT_TYPE (cases[i].type), cases[i].value,
                                                   NULL, NULL, NULL);

      g_variant_dict_init (&dict, first);
      g_variant_dict_insert_value (&dict, cases[i].key, value);
      g_variant_builder_init (&one, G_VARIANT_TYPE ("aa{sv}"));
      g_variant_builder_add_value (&one, g_variant_dict_end (&dict));
      g_variant_dict_init (&outer, top);
      g_variant_dict_insert_value (&outer, "runs", g_variant_builder_end (&one));
      changed = g_variant_ref_sink (g_variant_new ("(su@a{sv})", "io.github.listlab.ListLab.Runs", 1,
                                                   g_variant_dict_end (&outer)));
      read = ll_run_file_parse (g_variant_get_data (changed), g_variant_get_size (changed), &error);
      g_assert_null (read);
      g_assert_error (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_CORRUPT);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
}

/* The dictionary of the file @bytes: its runs and what goes with them. */
static GVariant *
file_top (GBytes *bytes)
{
  g_autoptr(GVariant) file = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(sua{sv})"), bytes, FALSE));

  return g_variant_get_child_value (file, 2);
}

/* The file @bytes with its first run replaced by @run (ended). */
static GPtrArray *
parse_with_first_run (GBytes       *bytes,
                      GVariantDict *run,
                      GError      **error)
{
  g_autoptr(GVariant) top = file_top (bytes);
  g_autoptr(GVariant) changed = NULL;
  GVariantDict outer;
  GVariantBuilder one;

  g_variant_builder_init (&one, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_builder_add_value (&one, g_variant_dict_end (run));
  g_variant_dict_init (&outer, top);
  g_variant_dict_insert_value (&outer, "runs", g_variant_builder_end (&one));
  changed = g_variant_ref_sink (g_variant_new ("(su@a{sv})", "io.github.listlab.ListLab.Runs", 1,
                                               g_variant_dict_end (&outer)));
  return ll_run_file_parse (g_variant_get_data (changed), g_variant_get_size (changed), error);
}

/* The first run of the file @bytes, to change. */
static void
first_run_init (GVariantDict *run,
                GBytes       *bytes)
{
  g_autoptr(GVariant) top = file_top (bytes);
  g_autoptr(GVariant) list = g_variant_lookup_value (top, "runs", G_VARIANT_TYPE ("aa{sv}"));
  g_autoptr(GVariant) first = g_variant_get_child_value (list, 0);

  g_variant_dict_init (run, first);
}

/* A copy of @run's numbers @key, and their count. */
static guint64 *
dup_numbers (GVariantDict *run,
             const char   *key,
             gsize        *n)
{
  g_autoptr(GVariant) value = g_variant_dict_lookup_value (run, key, G_VARIANT_TYPE ("at"));
  const guint64 *numbers;

  g_assert_nonnull (value);
  numbers = g_variant_get_fixed_array (value, n, sizeof (guint64));
  return g_memdup2 (numbers, *n * sizeof (guint64));
}

static void
set_numbers (GVariantDict  *run,
             const char    *key,
             const guint64 *numbers,
             gsize          n)
{
  g_variant_dict_insert_value (run, key, g_variant_new_fixed_array (G_VARIANT_TYPE_UINT64, numbers, n,
                                                                    sizeof (guint64)));
}

/* Where numbers stand in version 1 (see /engine/run-file/layout). */
enum
{
  BUCKET = 8 + 2 * 11,  /* numbers an event bucket takes */
  FIRST = 8,            /* its first event, */
  LAST = 8 + 11,        /* its last */
  LENGTH = 0,           /* in an event: */
  OLD_CAPACITY = 1,
  NEW_CAPACITY = 2,
  N_MOVED = 1,          /* in the counters: */
  START_LENGTH = 4 + 2 * 11 + 1 + 2 * 7,
  START_CAPACITY = START_LENGTH + 1,
};

typedef enum
{
  EDIT_LENGTH_PAST_CAPACITY,
  EDIT_OLD_CAPACITY_PAST_NEW,
  EDIT_COUNT_PAST_WIDTH,
  EDIT_MOVED_PAST_EVENTS,
  EDIT_START_PAST_CAPACITY,
  EDIT_NEGATIVE_SLACK,
  EDIT_STATUS_PAST_CAPACITY,
  N_EDITS
} Edit;

/* Numbers that each look fine but do not fit together: a run no List Lab
 * made, refused, and saying which part is broken. */
static void
test_inconsistent (void)
{
  static const char * const broken[N_EDITS] = {
    [EDIT_LENGTH_PAST_CAPACITY] = "events",
    [EDIT_OLD_CAPACITY_PAST_NEW] = "events",
    [EDIT_COUNT_PAST_WIDTH] = "events",
    [EDIT_MOVED_PAST_EVENTS] = "counters",
    [EDIT_START_PAST_CAPACITY] = "counters",
    [EDIT_NEGATIVE_SLACK] = "counters",
    [EDIT_STATUS_PAST_CAPACITY] = "stop-reason",
  };
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;

  g_ptr_array_add (runs, simulated (LL_POLICY_CPYTHON, 1000000, 0));
  bytes = serialize (runs);

  for (Edit edit = 0; edit < N_EDITS; edit++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree guint64 *events = NULL;
      g_autofree guint64 *counters = NULL;
      g_autofree char *message = NULL;
      g_autoptr(GVariant) width = NULL;
      GVariantDict run;
      GPtrArray *read;
      gsize n_events, n_counters;
      guint64 *b;

      first_run_init (&run, bytes);
      events = dup_numbers (&run, "events", &n_events);
      counters = dup_numbers (&run, "counters", &n_counters);
      width = g_variant_dict_lookup_value (&run, "event-width", G_VARIANT_TYPE_UINT64);
      g_assert_cmpuint (g_variant_get_uint64 (width), ==, 1);
      g_assert_cmpuint (n_events, >=, 3 * BUCKET);
      /* the second reallocation, alone in its bucket: first = last */
      b = events + BUCKET;
      g_assert_cmpuint (b[0], ==, 1);

      switch (edit)
        {
        case EDIT_LENGTH_PAST_CAPACITY:
          /* (still no longer than the next reallocation's) */
          b[FIRST + LENGTH] = b[LAST + LENGTH] = b[FIRST + NEW_CAPACITY] + 1;
          g_assert_cmpuint (b[FIRST + LENGTH], <=, b[BUCKET + FIRST + LENGTH]);
          break;
        case EDIT_OLD_CAPACITY_PAST_NEW:
          b[FIRST + OLD_CAPACITY] = b[LAST + OLD_CAPACITY] = b[FIRST + NEW_CAPACITY] + 1;
          break;
        case EDIT_COUNT_PAST_WIDTH:
          b[0] = 2;
          counters[0]++;
          break;
        case EDIT_MOVED_PAST_EVENTS:
          counters[N_MOVED] = counters[0] + 1;
          break;
        case EDIT_START_PAST_CAPACITY:
          counters[START_LENGTH] = counters[START_CAPACITY] + 1;
          break;
        case EDIT_NEGATIVE_SLACK:
          g_variant_dict_insert (&run, "slack-sum", "d", -1.0);
          break;
        case EDIT_STATUS_PAST_CAPACITY:
          {
            guint64 capacity;

            g_assert_true (g_variant_dict_lookup (&run, "capacity", "t", &capacity));
            g_variant_dict_insert (&run, "length", "t", capacity + 1);
          }
          break;
        case N_EDITS:
        default:
          g_assert_not_reached ();
        }
      set_numbers (&run, "events", events, n_events);
      set_numbers (&run, "counters", counters, n_counters);

      read = parse_with_first_run (bytes, &run, &error);
      g_assert_null (read);
      g_assert_error (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_CORRUPT);
      message = g_strdup_printf ("The file is damaged: run 1 has a broken “%s”", broken[edit]);
      g_assert_cmpstr (error->message, ==, message);
    }

  /* Unchanged, the same steps give the run back; a list that ended full
   * (its length its capacity) is no error either. */
  {
    g_autoptr(GPtrArray) read = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree guint64 *events = NULL;
    GVariantDict run;
    guint64 capacity;
    gsize n;

    first_run_init (&run, bytes);
    events = dup_numbers (&run, "events", &n);
    set_numbers (&run, "events", events, n);
    g_assert_true (g_variant_dict_lookup (&run, "capacity", "t", &capacity));
    g_variant_dict_insert (&run, "length", "t", capacity);
    read = parse_with_first_run (bytes, &run, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (read->len, ==, 1);
  }
}

/* The script a run of an interpreter ran names it; another run's "source"
 * names nothing. */
static void
test_source (void)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;

  g_ptr_array_add (runs, simulated (LL_POLICY_CPYTHON, 1000000, 0));
  bytes = serialize (runs);

  for (int interpreter = 0; interpreter < 2; interpreter++)
    {
      g_autoptr(GPtrArray) read = NULL;
      g_autoptr(GError) error = NULL;
      GVariantDict run;

      first_run_init (&run, bytes);
      g_variant_dict_insert (&run, "source", "s", "grow.py");
      if (interpreter)
        g_variant_dict_insert (&run, "kind", "s", "interpreter");
      read = parse_with_first_run (bytes, &run, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (read->len, ==, 1);
      if (interpreter)
        g_assert_cmpstr (ll_run_get_source (g_ptr_array_index (read, 0)), ==, "grow.py");
      else
        g_assert_null (ll_run_get_source (g_ptr_array_index (read, 0)));
    }
}

/* Format 0 was never written: a file that says so is damaged, runs and
 * all. */
static void
test_version_zero (void)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) top = NULL;
  g_autoptr(GVariant) zero = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *read;

  g_ptr_array_add (runs, simulated (LL_POLICY_CPYTHON, 1000000, 0));
  bytes = serialize (runs);
  top = file_top (bytes);
  zero = g_variant_ref_sink (g_variant_new ("(su@a{sv})", "io.github.listlab.ListLab.Runs", 0, top));
  read = ll_run_file_parse (g_variant_get_data (zero), g_variant_get_size (zero), &error);
  g_assert_null (read);
  g_assert_error (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_CORRUPT);
  g_assert_cmpstr (error->message, ==, "The file is damaged or cut short");
}

/* Version 1's numbers, where they stand: a file written today reads the
 * same in any later version. An event is 11 numbers in LlEvent's order
 * (moved as 0 or 1); a bucket is count, n_moved, n_copied, min and max
 * bytes added, min, max and total ns, then its first and last events; the
 * counters start with n_events, n_moved, bytes copied, total ns and the
 * slowest event. */
static void
test_layout (void)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) file = NULL;
  g_autoptr(GVariant) dict = NULL;
  g_autoptr(GVariant) list = NULL;
  g_autoptr(GVariant) run = NULL;
  g_autoptr(GVariant) events = NULL;
  g_autoptr(GVariant) counters = NULL;
  g_autoptr(GVariant) version = NULL;
  const LlHistoryCounters *c;
  const LlEventBucket *b;
  const guint64 *e, *k;
  gsize n_events, n_counters, n_buckets;

  g_ptr_array_add (runs, simulated (LL_POLICY_CPYTHON, 1000000, 0));
  bytes = serialize (runs);
  file = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(sua{sv})"), bytes, FALSE));
  version = g_variant_get_child_value (file, 1);
  g_assert_cmpuint (g_variant_get_uint32 (version), ==, 1);
  dict = g_variant_get_child_value (file, 2);
  list = g_variant_lookup_value (dict, "runs", G_VARIANT_TYPE ("aa{sv}"));
  run = g_variant_get_child_value (list, 0);
  events = g_variant_lookup_value (run, "events", G_VARIANT_TYPE ("at"));
  counters = g_variant_lookup_value (run, "counters", G_VARIANT_TYPE ("at"));
  e = g_variant_get_fixed_array (events, &n_events, sizeof (guint64));
  k = g_variant_get_fixed_array (counters, &n_counters, sizeof (guint64));

  c = ll_history_view_get_counters (ll_run_get_view (g_ptr_array_index (runs, 0)));
  b = ll_history_view_get_events (ll_run_get_view (g_ptr_array_index (runs, 0)), &n_buckets);
  g_assert_cmpuint (n_events, ==, n_buckets * (8 + 2 * 11));
  g_assert_cmpuint (n_counters, ==, 4 + 2 * 11 + 1 + 2 * 7 + 7);

  /* the second bucket: its counts, then its first event */
  e += 8 + 2 * 11;
  g_assert_cmpuint (e[0], ==, b[1].count);
  g_assert_cmpuint (e[3], ==, b[1].min_bytes_added);
  g_assert_cmpuint (e[8 + 0], ==, b[1].first.length);
  g_assert_cmpuint (e[8 + 2], ==, b[1].first.new_capacity);
  g_assert_cmpuint (e[8 + 5], ==, b[1].first.bytes_added);
  g_assert_cmpuint (e[8 + 6], ==, b[1].first.moved ? 1 : 0);
  g_assert_cmpuint (e[8 + 11], ==, b[1].last.length);
  g_assert_cmpuint (b[1].first.new_capacity, ==, 8);  /* cpython: 0 → 4 → 8 */

  g_assert_cmpuint (k[0], ==, c->n_events);
  g_assert_cmpuint (k[2], ==, c->bytes_copied);
  g_assert_cmpuint (k[4], ==, c->slowest.length);
  g_assert_cmpuint (k[4 + 11 + 2], ==, c->last_event.new_capacity);
  g_assert_cmpuint (k[4 + 2 * 11], ==, c->n_samples);
  g_assert_cmpuint (k[n_counters - 1], ==, c->peak_length);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/run-file/round-trip", test_round_trip);
  g_test_add_func ("/engine/run-file/layout", test_layout);
  g_test_add_func ("/engine/run-file/round-trip-buckets", test_round_trip_buckets);
  g_test_add_func ("/engine/run-file/write-read", test_write_read);
  g_test_add_func ("/engine/run-file/truncated", test_truncated);
  g_test_add_func ("/engine/run-file/damaged", test_damaged);
  g_test_add_func ("/engine/run-file/future-version", test_future_version);
  g_test_add_func ("/engine/run-file/refused", test_refused);
  g_test_add_func ("/engine/run-file/inconsistent", test_inconsistent);
  g_test_add_func ("/engine/run-file/source", test_source);
  g_test_add_func ("/engine/run-file/version-zero", test_version_zero);

  return g_test_run ();
}
