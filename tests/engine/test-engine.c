/* test-engine.c — the engine's face: its threads, status, contents, release
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "engine-run-test.h"
#include "ll-engine.h"
#include "ll-output.h"
#include "ll-growth.h"
#include "ll-history-view.h"

ENGINE_TEST_SMALL_QUARANTINE

typedef struct
{
  guint64       calls;
  guint64       last_done;
  guint64       total;
  GCancellable *cancel_after;
} Progress;

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done, >, progress->last_done);
  g_assert_cmpuint (done, <=, total);
  progress->calls++;
  progress->last_done = done;
  progress->total = total;
  if (progress->cancel_after != NULL)
    g_cancellable_cancel (progress->cancel_after);
}

static char *
expected_contents (LlElement element,
                   guint64   length)
{
  GString *text = g_string_sized_new (length * 8);

  for (guint64 i = 0; i < length; i++)
    g_string_append_printf (text, "%" G_GINT64_FORMAT "\n", expected_value (element, i));
  return g_string_free (text, FALSE);
}

static void
test_contents_file (void)
{
  TestProbe probe;

  test_probe_init (&probe, 1024 * GiB);

  for (LlElement e = LL_ELEMENT_SHARED; e < LL_N_ELEMENTS; e++)
    {
      g_autoptr(LlEngine) engine = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *expected = NULL;
      Progress progress = { 0 };
      LlOutput *output;
      LlRunConfig config;
      gsize length;
      int fd;

      test_config_init (&config, &probe);
      config.element = e;
      config.target_kind = LL_TARGET_ELEMENTS;
      /* More than one block of text for int64 */
      config.target = e == LL_ELEMENT_INT64 && !under_valgrind () ? 1000003 : 100003;
      engine = run_engine (&config);

      fd = g_file_open_tmp ("listlab-contents-XXXXXX", &path, &error);
      g_assert_no_error (error);
      g_assert_no_errno (close (fd));
      output = ll_output_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (ll_engine_write_contents (engine, output, NULL, on_progress, &progress, &error));
      g_assert_no_error (error);
      g_assert_true (ll_output_commit (output, &error));
      g_clear_pointer (&output, ll_output_free);

      g_assert_cmpuint (progress.calls, >=, 1);
      g_assert_cmpuint (progress.last_done, ==, config.target);
      g_assert_cmpuint (progress.total, ==, config.target);

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);
      expected = expected_contents (e, config.target);
      g_assert_cmpuint (length, ==, strlen (expected));
      g_assert_true (memcmp (contents, expected, length) == 0);
      g_unlink (path);
    }
}

typedef struct
{
  const char *path;
  GString    *text;
} PipeReader;

static gpointer
read_pipe (gpointer data)
{
  PipeReader *reader = data;
  char buf[65536];
  gssize n;
  int fd = open (reader->path, O_RDONLY | O_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buf, sizeof buf)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      g_string_append_len (reader->text, buf, n);
    }
  close (fd);
  return NULL;
}

static void
test_contents_pipe (void)
{
  g_autoptr(LlEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *fifo = NULL;
  PipeReader reader;
  LlOutput *output;
  LlRunConfig config;
  TestProbe probe;
  GThread *thread;

  test_probe_init (&probe, 1024 * GiB);
  test_config_init (&config, &probe);
  config.element = LL_ELEMENT_INT32;
  config.initial_length = 5000;
  config.target = 1 * MiB;
  engine = run_engine (&config);

  /* A FIFO: written in place, as a pipe to another program. */
  dir = g_dir_make_tmp ("listlab-fifo-XXXXXX", &error);
  g_assert_no_error (error);
  fifo = g_build_filename (dir, "contents", NULL);
  g_assert_no_errno (mkfifo (fifo, 0600));
  reader.path = fifo;
  reader.text = g_string_new (NULL);
  thread = g_thread_new ("reader", read_pipe, &reader);

  output = ll_output_open (fifo, &error);
  g_assert_no_error (error);
  g_assert_true (ll_engine_write_contents (engine, output, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ll_output_commit (output, &error));
  ll_output_free (output);
  g_thread_join (thread);
  g_assert_no_errno (g_unlink (fifo));
  g_assert_no_errno (g_rmdir (dir));

  {
    LlEngineStatus status;

    ll_engine_get_status (engine, &status);
    expected = expected_contents (config.element, status.length);
  }
  g_assert_cmpstr (reader.text->str, ==, expected);
  g_string_free (reader.text, TRUE);
}

static void
test_contents_errors (void)
{
  g_autoptr(LlEngine) engine = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *error = NULL;
  Progress progress = { 0 };
  LlOutput *output;
  LlRunConfig config;
  TestProbe probe;

  test_probe_init (&probe, 1024 * GiB);
  test_config_init (&config, &probe);
  config.element = LL_ELEMENT_INT64;
  config.target_kind = LL_TARGET_ELEMENTS;
  config.target = 2000000;

  /* Not before the run ended. */
  engine = ll_engine_new (&config, &error);
  g_assert_no_error (error);
  output = ll_output_open ("/dev/null", &error);
  g_assert_no_error (error);
  g_assert_false (ll_engine_write_contents (engine, output, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);
  ll_engine_start (engine);
  ll_engine_join (engine);

  /* A full disk is an error that names the file. */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      LlOutput *full = ll_output_open ("/dev/full", &error);

      g_assert_no_error (error);
      g_assert_false (ll_engine_write_contents (engine, full, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, "/dev/full"));
      g_assert_nonnull (strstr (error->message, "the disk is full"));
      g_clear_error (&error);
      ll_output_free (full);
    }

  /* Cancelled after the first block. */
  progress.cancel_after = cancellable;
  g_assert_false (ll_engine_write_contents (engine, output, cancellable, on_progress, &progress,
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (progress.calls, ==, 1);
  g_assert_cmpuint (progress.last_done, <, config.target);

  /* Nothing left to write once freed. */
  ll_engine_release (engine);
  g_assert_false (ll_engine_write_contents (engine, output, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_clear_error (&error);
  ll_output_free (output);
}

/* Cancel during one long fill: the engine notices within 100 ms. */
static void
test_cancel (void)
{
  static const struct
  {
    LlMechanism mechanism;
    LlElement   element;
    guint64     initial;
  } runs[] = {
    /* Growing towards 100 GB */
    { LL_MECHANISM_MREMAP, LL_ELEMENT_BOXED, 0 },
    { LL_MECHANISM_REALLOC, LL_ELEMENT_INT64, 0 },
    /* Inside the initial list's fill: 8 GB of address space, barely touched */
    { LL_MECHANISM_MREMAP, LL_ELEMENT_INT64, G_GUINT64_CONSTANT (1000000000) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autoptr(LlEngine) engine = NULL;
      LlRunConfig config;
      LlEngineStatus status;
      TestProbe probe;
      gint64 start, latency;

      test_probe_init (&probe, 1024 * GiB);
      probe.rss_limit = 256 * MiB;
      test_config_init (&config, &probe);
      config.mechanism = runs[i].mechanism;
      config.element = runs[i].element;
      config.initial_length = runs[i].initial;
      config.target = 100 * G_GUINT64_CONSTANT (1000000000);
      config.sample_hz = 100;

      engine = start_engine (&config);
      wait_for_length (engine, 1000000);

      start = g_get_monotonic_time ();
      ll_engine_cancel (engine);
      ll_engine_join (engine);
      latency = g_get_monotonic_time () - start;

      ll_engine_get_status (engine, &status);
      g_test_message ("cancelled at %" G_GUINT64_FORMAT " elements in %" G_GINT64_FORMAT " µs",
                      status.length, latency);
      g_assert_cmpint (status.state, ==, LL_ENGINE_FINISHED);
      g_assert_cmpint (status.stop_reason, ==, LL_STOP_CANCELLED);
      g_assert_cmpint (latency, <, time_limit_us (100000));
      g_assert_null (ll_engine_get_error (engine));
      g_assert_cmpuint (status.length, >=, runs[i].initial > 0 ? 1000000 : 1);
      if (runs[i].initial == 0)
        check_events (engine, FALSE);
      check_samples (engine);
      check_values (engine, 1);
    }
}

/* Cancel before the start: nothing happens. */
static void
test_cancel_before_start (void)
{
  g_autoptr(LlEngine) engine = NULL;
  LlRunConfig config;
  LlEngineStatus status;
  TestProbe probe;

  test_probe_init (&probe, 1024 * GiB);
  test_config_init (&config, &probe);
  engine = ll_engine_new (&config, NULL);
  ll_engine_cancel (engine);
  ll_engine_start (engine);
  ll_engine_join (engine);

  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_CANCELLED);
  g_assert_cmpuint (status.length, ==, 0);
  g_assert_cmpuint (check_events (engine, FALSE), ==, 0);
}

static int
compare_u64 (gconstpointer a,
             gconstpointer b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* The sampler keeps its own clock while the engine is busy (here with
 * quadratic copying that never gets far), and a copy in progress is
 * cancelled within 100 ms too. */
static void
test_sampler_rate (void)
{
  g_autoptr(LlEngine) engine = NULL;
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (guint64));
  const LlSampleBucket *samples;
  LlRunConfig config;
  LlEngineStatus status;
  TestProbe probe;
  gint64 start, latency;
  guint64 median;
  gsize n;

  test_probe_init (&probe, 1024 * GiB);
  test_config_init (&config, &probe);
  ll_policy_init (&config.policy, LL_POLICY_FIXED);
  config.policy.increment = 16;
  config.mechanism = LL_MECHANISM_COPY;
  config.element = LL_ELEMENT_INT32;
  /* About 10^11 bytes copied on the way: far from done in half a second. */
  config.target = 4 * MiB;
  config.sample_hz = 100;

  engine = start_engine (&config);
  g_usleep (500000);

  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_RUNNING);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_NONE);
  g_assert_cmpuint (status.elapsed_ns, >=, 500000000);
  g_assert_cmpuint (status.start_available_bytes, ==, 1024 * GiB);
  g_assert_cmpuint (status.reserve_bytes, ==, 0);

  start = g_get_monotonic_time ();
  ll_engine_cancel (engine);
  ll_engine_join (engine);
  latency = g_get_monotonic_time () - start;
  g_assert_cmpint (latency, <, time_limit_us (100000));

  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_CANCELLED);
  check_events (engine, FALSE);
  check_samples (engine);

  ll_history_view_update (view, ll_engine_get_history (engine));
  samples = ll_history_view_get_samples (view, &n);
  g_test_message ("%zu samples in %.3f s", n, status.elapsed_ns / 1e9);
  if (!under_valgrind ())
    {
      /* 100 Hz for the run's time, plus the first and the last (a loaded
       * machine delays some: the bounds tell 100 Hz from 50 or 200). */
      guint64 expected = status.elapsed_ns / 10000000;

      g_assert_cmpuint (n, >=, expected * 3 / 4);
      g_assert_cmpuint (n, <=, expected * 5 / 4 + 2);
    }

  for (gsize i = 1; i < n; i++)
    {
      guint64 gap = samples[i].first.elapsed_ns - samples[i - 1].first.elapsed_ns;

      g_assert_cmpuint (samples[i].count, ==, 1);
      g_assert_cmpuint (samples[i].first.elapsed_ns, >=, samples[i - 1].first.elapsed_ns);
      g_assert_cmpuint (samples[i].first.length, >=, samples[i - 1].first.length);
      g_assert_cmpuint (samples[i].first.available_bytes, ==, 1024 * GiB);
      g_array_append_val (gaps, gap);
    }

  g_array_sort (gaps, compare_u64);
  median = g_array_index (gaps, guint64, gaps->len / 2);
  g_test_message ("median gap between samples %.2f ms", median / 1e6);
  if (!under_valgrind ())
    {
      g_assert_cmpuint (median, >=, 6000000);
      g_assert_cmpuint (median, <=, 15000000);
    }
}


static void
test_probe_failure (void)
{
  g_autoptr(LlEngine) engine = NULL;
  LlRunConfig config;
  LlEngineStatus status;
  TestProbe probe;
  const GError *error;

  test_probe_init (&probe, 1024 * GiB);
  probe.fail = TRUE;
  test_config_init (&config, &probe);

  engine = run_engine (&config);
  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_FAILED);
  error = ll_engine_get_error (engine);
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no meminfo here"));
}


/* The largest target that fits is offered when one does not. */
static void
test_check_fits (void)
{
  static const RunCase runs[] = {
    { LL_POLICY_CPYTHON, LL_MECHANISM_DEFAULT, LL_ELEMENT_SHARED, 0, 1,
      LL_TARGET_CONTAINER_BYTES, 10 * G_GUINT64_CONSTANT (1000000000) },
    { LL_POLICY_CPYTHON, LL_MECHANISM_DEFAULT, LL_ELEMENT_BOXED, 20000000, 1,
      LL_TARGET_TOTAL_BYTES, 10 * G_GUINT64_CONSTANT (1000000000) },
    { LL_POLICY_DOUBLE, LL_MECHANISM_DEFAULT, LL_ELEMENT_INT32, 0, 1,
      LL_TARGET_CONTAINER_BYTES, 10 * G_GUINT64_CONSTANT (1000000000) },
    { LL_POLICY_JAVA, LL_MECHANISM_COPY, LL_ELEMENT_BOXED, 0, 1,
      LL_TARGET_TOTAL_BYTES, 10 * G_GUINT64_CONSTANT (1000000000) },
    { LL_POLICY_GO, LL_MECHANISM_DEFAULT, LL_ELEMENT_INT64, 0, 1000,
      LL_TARGET_ELEMENTS, G_GUINT64_CONSTANT (3000000000) },
    { LL_POLICY_FIXED, LL_MECHANISM_REALLOC, LL_ELEMENT_SHARED, 0, 1,
      LL_TARGET_CONTAINER_BYTES, 1 * G_GUINT64_CONSTANT (1000000000) },
    { LL_POLICY_MSVC, LL_MECHANISM_MREMAP, LL_ELEMENT_BOXED, 0, 3,
      LL_TARGET_ELEMENTS, G_GUINT64_CONSTANT (1000000000) },
  };
  TestProbe probe;

  test_probe_init (&probe, 1 * GiB);
  probe.rss_limit = 0;

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autoptr(LlEngine) engine = NULL;
      g_autoptr(GError) error = NULL;
      LlRunConfig config;
      guint64 fitting = 0;
      guint64 budget = 1 * GiB - 256 * MiB;

      test_config_init (&config, &probe);
      run_case_apply (&runs[i], &config);
      config.policy.increment = 64;
      config.reserve_bytes = 256 * MiB;
      engine = ll_engine_new (&config, NULL);

      g_assert_false (ll_engine_check_fits (engine, 0, &fitting, &error));
      g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_TOO_LARGE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "1.00 GiB"));
      g_assert_true (strstr (error->message, "256 MiB") != NULL ||
                     strstr (error->message, "256.00 MiB") != NULL);
      g_assert_cmpuint (fitting, >, 0);
      g_assert_cmpuint (fitting, <, config.target);

      /* It fits, and one more does not. */
      config.target = fitting;
      g_assert_cmpuint (ll_run_config_estimate_peak (&config, NULL, NULL), <=, budget);
      config.target = fitting + 1;
      g_assert_cmpuint (ll_run_config_estimate_peak (&config, NULL, NULL), >, budget);

      /* And the engine agrees. */
      {
        g_autoptr(LlEngine) fits = NULL;
        guint64 same = 0;

        config.target = fitting;
        fits = ll_engine_new (&config, NULL);
        g_assert_true (ll_engine_check_fits (fits, 0, &same, NULL));
        g_assert_cmpuint (same, ==, fitting);
      }
    }

  /* Nothing fits at all. */
  {
    g_autoptr(LlEngine) engine = NULL;
    g_autoptr(GError) error = NULL;
    LlRunConfig config;
    guint64 fitting = 1;

    test_config_init (&config, &probe);
    config.reserve_bytes = 2 * GiB;
    engine = ll_engine_new (&config, NULL);
    g_assert_false (ll_engine_check_fits (engine, 0, &fitting, &error));
    g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_TOO_LARGE);
    g_assert_cmpuint (fitting, ==, 0);
  }

  /* Memory a held list gives back counts: 512 MiB more fit. */
  {
    g_autoptr(LlEngine) engine = NULL;
    g_autoptr(GError) error = NULL;
    LlRunConfig config;
    guint64 fitting = 0, more = 0;

    test_config_init (&config, &probe);
    config.element = LL_ELEMENT_INT64;
    config.target_kind = LL_TARGET_ELEMENTS;
    config.target = 1 * GiB / 8;
    config.reserve_bytes = 256 * MiB;
    engine = ll_engine_new (&config, NULL);
    g_assert_false (ll_engine_check_fits (engine, 0, &fitting, &error));
    g_assert_nonnull (strstr (error->message, "can spare 1.00 GiB now"));
    g_assert_nonnull (strstr (error->message, "which leaves 768.00 MiB"));
    g_clear_error (&error);
    g_assert_false (ll_engine_check_fits (engine, 128 * MiB, &more, &error));
    g_assert_nonnull (strstr (error->message, "can spare 1.13 GiB once the previous list is freed"));
    g_assert_cmpuint (more, >, fitting);
    g_assert_cmpuint (ll_run_config_estimate_peak (&config, NULL, NULL), <=, 1 * GiB + 256 * MiB);
    g_assert_true (ll_engine_check_fits (engine, 512 * MiB, NULL, NULL));
  }

  /* A probe that fails. */
  {
    g_autoptr(LlEngine) engine = NULL;
    g_autoptr(GError) error = NULL;
    LlRunConfig config;

    test_config_init (&config, &probe);
    engine = ll_engine_new (&config, NULL);
    probe.fail = TRUE;
    g_assert_false (ll_engine_check_fits (engine, 0, NULL, &error));
    g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_FAILED);
    probe.fail = FALSE;
  }
}

static void
test_new_invalid (void)
{
  g_autoptr(GError) error = NULL;
  LlRunConfig config;

  ll_run_config_init (&config);
  config.batch = 0;
  g_assert_null (ll_engine_new (&config, &error));
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_INVALID);
}

/* Freeing the list gives the memory back, and the history shows it. */
static void
test_release (void)
{
  static const LlElement elements[] = { LL_ELEMENT_INT64, LL_ELEMENT_BOXED };

  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      g_autoptr(LlEngine) engine = NULL;
      g_autoptr(LlHistoryView) view = ll_history_view_new ();
      const LlSampleBucket *samples;
      LlRunConfig config;
      LlEngineStatus status;
      TestProbe probe;
      guint64 before, after, ended_ns;
      gsize n;

      test_probe_init (&probe, 1024 * GiB);
      test_config_init (&config, &probe);
      config.mechanism = LL_MECHANISM_MREMAP;
      config.element = elements[i];
      /* 64 MiB of slots, or 16 MiB of slots and 64 MiB of objects */
      config.target = elements[i] == LL_ELEMENT_BOXED ? 16 * MiB : 64 * MiB;
      engine = run_engine (&config);
      ll_engine_get_status (engine, &status);
      ll_history_view_update (view, ll_engine_get_history (engine));
      ended_ns = ll_history_view_get_counters (view)->last_sample.elapsed_ns;

      /* The list is kept a while before it is freed. */
      g_usleep (50000);
      before = ll_mem_process_rss ();
      ll_engine_release (engine);
      after = ll_mem_process_rss ();
      g_test_message ("RSS %.1f MiB -> %.1f MiB", before / (double) MiB, after / (double) MiB);
      g_assert_cmpuint (before - MIN (before, after), >=, 56 * MiB);

      ll_engine_get_status (engine, &status);
      g_assert_cmpint (status.state, ==, LL_ENGINE_RELEASED);
      g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);

      ll_history_view_update (view, ll_engine_get_history (engine));
      samples = ll_history_view_get_samples (view, &n);
      g_assert_cmpuint (n, >=, 3);
      g_assert_cmpuint (samples[n - 1].last.length, ==, 0);
      g_assert_cmpuint (samples[n - 1].last.container_bytes, ==, 0);
      g_assert_cmpuint (samples[n - 1].last.rss_bytes, <, samples[n - 2].last.rss_bytes);
      /* Just before it went, the list as it ended: the chart holds that
       * level across the time the list was kept, then drops. */
      g_assert_cmpuint (samples[n - 2].last.length, ==, status.length);
      g_assert_cmpuint (samples[n - 2].last.capacity, ==, status.capacity);
      g_assert_cmpuint (samples[n - 2].last.elapsed_ns, >=, ended_ns + 50000000);
      g_assert_cmpuint (samples[n - 1].last.elapsed_ns, >, samples[n - 2].last.elapsed_ns);

      /* Again: nothing happens. */
      ll_engine_release (engine);
      ll_engine_get_status (engine, &status);
      g_assert_cmpint (status.state, ==, LL_ENGINE_RELEASED);
    }
}

typedef struct
{
  GMainLoop *loop;
  GThread   *thread;
  LlEngine  *engine;
  guint      calls;
  guint      destroyed;
} Finished;

static gboolean
on_finished (gpointer data)
{
  Finished *finished = data;
  LlEngineStatus status;

  g_assert_true (g_thread_self () == finished->thread);
  ll_engine_get_status (finished->engine, &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_FINISHED);
  finished->calls++;
  if (finished->loop != NULL)
    g_main_loop_quit (finished->loop);
  return G_SOURCE_REMOVE;
}

static void
on_finished_destroy (gpointer data)
{
  Finished *finished = data;

  finished->destroyed++;
}

static void
test_finished_callback (void)
{
  g_autoptr(LlEngine) engine = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Finished finished = { loop, g_thread_self (), NULL, 0, 0 };
  LlRunConfig config;
  TestProbe probe;

  test_probe_init (&probe, 1024 * GiB);
  test_config_init (&config, &probe);
  config.target = 4 * MiB;
  engine = ll_engine_new (&config, NULL);
  finished.engine = engine;

  ll_engine_set_finished_callback (engine, on_finished, &finished, on_finished_destroy);
  ll_engine_start (engine);
  g_main_loop_run (loop);
  g_assert_cmpuint (finished.calls, ==, 1);
  g_assert_cmpuint (finished.destroyed, ==, 1);

  /* Set after the end: called all the same. */
  ll_engine_set_finished_callback (engine, on_finished, &finished, on_finished_destroy);
  g_main_loop_run (loop);
  g_assert_cmpuint (finished.calls, ==, 2);
  g_assert_cmpuint (finished.destroyed, ==, 2);

  /* Replaced before it ran: the first one's data is let go. */
  {
    g_autoptr(LlEngine) other = ll_engine_new (&config, NULL);
    Finished first = { NULL, g_thread_self (), other, 0, 0 };
    Finished second = { loop, g_thread_self (), other, 0, 0 };

    ll_engine_set_finished_callback (other, on_finished, &first, on_finished_destroy);
    ll_engine_set_finished_callback (other, on_finished, &second, on_finished_destroy);
    g_assert_cmpuint (first.destroyed, ==, 1);
    ll_engine_start (other);
    g_main_loop_run (loop);
    g_assert_cmpuint (first.calls, ==, 0);
    g_assert_cmpuint (second.calls, ==, 1);
    g_assert_cmpuint (second.destroyed, ==, 1);
  }
}

/* Dropping a running engine cancels it, waits for it and frees it all;
 * nobody is told it finished. */
static void
test_unref_running (void)
{
  LlEngine *engine;
  LlRunConfig config;
  TestProbe probe;
  Finished finished = { NULL, g_thread_self (), NULL, 0, 0 };
  gint64 start;

  test_probe_init (&probe, 1024 * GiB);
  test_config_init (&config, &probe);
  config.target = 100 * G_GUINT64_CONSTANT (1000000000);
  config.element = LL_ELEMENT_BOXED;

  engine = start_engine (&config);
  finished.engine = engine;
  ll_engine_set_finished_callback (engine, on_finished, &finished, on_finished_destroy);
  wait_for_length (engine, 100000);

  start = g_get_monotonic_time ();
  ll_engine_unref (engine);
  g_assert_cmpint (g_get_monotonic_time () - start, <, time_limit_us (100000));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (finished.calls, ==, 0);
  g_assert_cmpuint (finished.destroyed, ==, 1);

  /* Never started */
  engine = ll_engine_new (&config, NULL);
  ll_engine_join (engine);
  ll_engine_unref (engine);

  /* A reference kept elsewhere */
  config.target = 1 * MiB;
  engine = run_engine (&config);
  ll_engine_ref (engine);
  ll_engine_unref (engine);
  ll_engine_unref (engine);
}

static void
test_status_idle (void)
{
  g_autoptr(LlEngine) engine = NULL;
  LlRunConfig config;
  LlEngineStatus status;

  ll_run_config_init (&config);
  config.element = LL_ELEMENT_INT32;
  config.initial_length = 10;
  engine = ll_engine_new (&config, NULL);
  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_IDLE);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_NONE);
  g_assert_cmpuint (status.length, ==, 0);
  g_assert_cmpuint (status.elapsed_ns, ==, 0);
  g_assert_null (ll_engine_get_error (engine));
  g_assert_true (ll_engine_get_config (engine)->initial_length == 10);
  g_assert_nonnull (ll_engine_get_history (engine));

  g_assert_cmpstr (ll_stop_reason_to_string (LL_STOP_NONE), ==, "none");
  g_assert_cmpstr (ll_stop_reason_to_string (LL_STOP_TARGET), ==, "target");
  g_assert_cmpstr (ll_stop_reason_to_string (LL_STOP_CANCELLED), ==, "cancelled");
  g_assert_cmpstr (ll_stop_reason_to_string (LL_STOP_RESERVE), ==, "reserve");
  g_assert_cmpstr (ll_stop_reason_to_string (LL_STOP_NO_MEMORY), ==, "no-memory");
  g_assert_cmpstr (ll_stop_reason_to_string (LL_STOP_FAILED), ==, "failed");
}

int
main (int    argc,
      char **argv)
{
  engine_test_init (&argc, &argv);

  g_test_add_func ("/engine/status-idle", test_status_idle);
  g_test_add_func ("/engine/new-invalid", test_new_invalid);
  g_test_add_func ("/engine/contents/file", test_contents_file);
  g_test_add_func ("/engine/contents/pipe", test_contents_pipe);
  g_test_add_func ("/engine/contents/errors", test_contents_errors);
  g_test_add_func ("/engine/cancel/running", test_cancel);
  g_test_add_func ("/engine/cancel/before-start", test_cancel_before_start);
  g_test_add_func ("/engine/sampler", test_sampler_rate);
  g_test_add_func ("/engine/probe-failure", test_probe_failure);
  g_test_add_func ("/engine/check-fits", test_check_fits);
  g_test_add_func ("/engine/release", test_release);
  g_test_add_func ("/engine/finished-callback", test_finished_callback);
  g_test_add_func ("/engine/unref-running", test_unref_running);

  return g_test_run ();
}
