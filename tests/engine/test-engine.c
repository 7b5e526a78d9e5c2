/* test-engine.c — the real array, grown on its own thread
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

#include "engine-test.h"
#include "ll-engine.h"
#include "ll-output.h"
#include "ll-growth.h"

ENGINE_TEST_SMALL_QUARANTINE

/* A stop must come while the run is still far from its end: the bounds
 * below tell that from a run that went on, ten times the 100 ms goal so a
 * loaded machine does not fail them (how prompt a stop is, is
 * bench-stall's figure). They stretch under valgrind, ~50× slower. */
static gint64
time_limit_us (gint64 us)
{
  return (under_valgrind () ? us * 20 : us) * 10;
}

/* A memory probe the test controls. Every run also carries a safety net:
 * once the process grew by more than rss_limit, it reports no memory at
 * all, so a run that fails to stop is stopped by the reserve instead of
 * taking the machine's memory. */
typedef struct
{
  guint64 total;
  guint64 available;   /* atomic */
  guint64 rss_base;
  guint64 rss_limit;
  gboolean follow_rss; /* available shrinks as the process grows */
  gint fail;           /* atomic */
  gint calls;          /* atomic */
  guint64 lowest;      /* atomic: the least free memory it reported */
  guint64 last;        /* atomic: what it reported last */
} TestProbe;

static gboolean
test_probe (LlMemInfo  *info,
            gpointer    data,
            GError    **error)
{
  TestProbe *probe = data;
  guint64 available = __atomic_load_n (&probe->available, __ATOMIC_RELAXED);
  guint64 rss, grown;

  g_atomic_int_inc (&probe->calls);

  if (g_atomic_int_get (&probe->fail))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no meminfo here");
      return FALSE;
    }

  rss = ll_mem_process_rss ();
  grown = rss > probe->rss_base ? rss - probe->rss_base : 0;
  if (probe->follow_rss)
    available = available > grown ? available - grown : 0;
  if (probe->rss_limit > 0 && grown > probe->rss_limit)
    available = 0;

  for (guint64 lowest = __atomic_load_n (&probe->lowest, __ATOMIC_RELAXED);
       available < lowest &&
       !__atomic_compare_exchange_n (&probe->lowest, &lowest, available, FALSE,
                                     __ATOMIC_RELAXED, __ATOMIC_RELAXED);)
    ;
  __atomic_store_n (&probe->last, available, __ATOMIC_RELAXED);

  info->total_bytes = probe->total;
  info->available_bytes = available;
  info->cgroup_limit_bytes = LL_NO_LIMIT;
  info->cgroup_usage_bytes = 0;
  return TRUE;
}

static void
test_probe_init (TestProbe *probe,
                 guint64    available)
{
  memset (probe, 0, sizeof *probe);
  probe->total = 64 * GiB;
  probe->available = available;
  probe->rss_base = ll_mem_process_rss ();
  probe->rss_limit = 256 * MiB;
  probe->lowest = G_MAXUINT64;
}

static void
test_config_init (LlRunConfig *config,
                  TestProbe   *probe)
{
  ll_run_config_init (config);
  config->reserve_bytes = 0;
  config->mem_probe = test_probe;
  config->mem_probe_data = probe;
}

static LlEngine *
start_engine (const LlRunConfig *config)
{
  g_autoptr(GError) error = NULL;
  LlEngine *engine = ll_engine_new (config, &error);

  g_assert_no_error (error);
  g_assert_nonnull (engine);
  ll_engine_start (engine);
  return engine;
}

static LlEngine *
run_engine (const LlRunConfig *config)
{
  LlEngine *engine = start_engine (config);
  LlEngineStatus status;

  ll_engine_join (engine);
  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_FINISHED);
  return engine;
}

static void
wait_for_length (LlEngine *engine,
                 guint64   length)
{
  LlEngineStatus status;

  for (;;)
    {
      ll_engine_get_status (engine, &status);
      if (status.length >= length || status.state != LL_ENGINE_RUNNING)
        break;
      g_usleep (200);
    }
}

static void
check_values (LlEngine *engine,
              guint64   stride)
{
  const LlRunConfig *config = ll_engine_get_config (engine);
  LlEngineStatus status;

  ll_engine_get_status (engine, &status);
  for (guint64 i = 0; i < status.length; i += stride)
    {
      if (ll_engine_get_value (engine, i) != expected_value (config->element, i))
        g_error ("element %" G_GUINT64_FORMAT " holds %" G_GINT64_FORMAT, i,
                 ll_engine_get_value (engine, i));
    }
  if (status.length > 0)
    g_assert_cmpint (ll_engine_get_value (engine, status.length - 1), ==,
                     expected_value (config->element, status.length - 1));
}

/* The events the engine recorded are the stepper's reallocations, in
 * order; with @complete, all of them, and the list ends where the stepper
 * does. Returns the number of events. */
static gsize
check_events (LlEngine *engine,
              gboolean  complete)
{
  const LlRunConfig *config = ll_engine_get_config (engine);
  LlHistory *history = ll_engine_get_history (engine);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  LlMechanism mechanism = ll_run_config_get_mechanism (config);
  guint slot = ll_element_get_info (config->element)->slot_bytes;
  const LlEventBucket *buckets;
  LlHistoryCounters counters;
  LlEngineStatus status;
  LlGrowth growth;
  LlGrowthStep step;
  guint64 previous_elapsed = 0;
  guint64 capacity;
  gsize n, i = 0;

  ll_engine_get_status (engine, &status);
  ll_history_view_update (view, history);
  buckets = ll_history_view_get_events (view, &n);
  g_assert_true (ll_history_is_exact (history));
  ll_history_get_counters (history, &counters);
  g_assert_cmpuint (counters.n_events, ==, n);

  ll_growth_init (&growth, config);
  capacity = growth.capacity;
  while (i < n && ll_growth_next (&growth, &step))
    {
      const LlEvent *event = &buckets[i].first;

      if (!step.realloc)
        continue;

      g_assert_cmpuint (buckets[i].count, ==, 1);
      g_assert_cmpuint (event->length, ==, step.length);
      g_assert_cmpuint (event->old_capacity, ==, step.old_capacity);
      g_assert_cmpuint (event->new_capacity, ==, step.new_capacity);
      g_assert_cmpuint (event->old_bytes, ==,
                        ll_run_config_container_bytes (config, step.old_capacity));
      g_assert_cmpuint (event->new_bytes, ==,
                        ll_run_config_container_bytes (config, step.new_capacity));
      g_assert_cmpuint (event->bytes_added, ==, event->new_bytes - event->old_bytes);
      g_assert_cmpuint (event->elapsed_ns, >=, previous_elapsed);
      g_assert_cmpuint (event->elapsed_ns, >=, event->realloc_ns);
      previous_elapsed = event->elapsed_ns;

      switch (mechanism)
        {
        case LL_MECHANISM_COPY:
          g_assert_cmpint (event->moved, ==, step.old_capacity > 0);
          g_assert_cmpuint (event->bytes_copied, ==, step.fill_to * slot);
          break;
        case LL_MECHANISM_MREMAP:
          g_assert_cmpuint (event->bytes_copied, ==, 0);
          break;
        case LL_MECHANISM_REALLOC:
          if (!event->moved)
            g_assert_cmpuint (event->bytes_copied, ==, 0);
          else
            g_assert_true (event->bytes_copied == 0 ||
                           event->bytes_copied == step.old_capacity * slot);
          break;
        case LL_MECHANISM_DEFAULT:
        case LL_N_MECHANISMS:
        default:
          g_assert_not_reached ();
        }

      capacity = step.new_capacity;
      i++;
    }
  g_assert_cmpuint (i, ==, n);

  if (complete)
    {
      while (ll_growth_next (&growth, &step))
        g_assert_false (step.realloc);
      g_assert_cmpuint (status.length, ==, growth.length);
      g_assert_cmpuint (status.capacity, ==, growth.capacity);
    }
  else if (status.capacity != 0)
    {
      g_assert_cmpuint (status.capacity, ==, capacity);
    }

  g_assert_cmpuint (status.container_bytes, ==,
                    ll_run_config_container_bytes (config, status.capacity));
  g_assert_cmpuint (status.objects_bytes, ==,
                    ll_element_objects_bytes (config->element, status.length));

  return n;
}

static void
check_samples (LlEngine *engine)
{
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  const LlSampleBucket *samples;
  LlEngineStatus status;
  gsize n;

  ll_engine_get_status (engine, &status);
  ll_history_view_update (view, ll_engine_get_history (engine));
  samples = ll_history_view_get_samples (view, &n);

  /* One at the start, one at the end, at least. */
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (samples[0].first.elapsed_ns, ==, 0);
  g_assert_cmpuint (samples[0].first.length, ==, 0);
  g_assert_cmpuint (samples[n - 1].last.length, ==, status.length);
  g_assert_cmpuint (samples[n - 1].last.capacity, ==, status.capacity);
  g_assert_cmpuint (samples[n - 1].last.container_bytes, ==, status.container_bytes);
  g_assert_cmpuint (samples[n - 1].last.objects_bytes, ==, status.objects_bytes);
  g_assert_cmpuint (samples[n - 1].last.elapsed_ns, >=, status.elapsed_ns);
  g_assert_cmpuint (samples[n - 1].last.rss_bytes, >, 0);
}

static void
add_policy (GArray       *policies,
            LlPolicyKind  kind)
{
  LlPolicy policy;

  ll_policy_init (&policy, kind);
  if (kind == LL_POLICY_FIXED)
    policy.increment = 65536;
  g_array_append_val (policies, policy);
}

/* A real run makes exactly the simulated reallocations, for every
 * mechanism and element model, and holds what it should. */
static void
test_run_matches_simulation (void)
{
  static const LlPolicyKind kinds[] = {
    LL_POLICY_CPYTHON, LL_POLICY_CPYTHON_38, LL_POLICY_DOUBLE, LL_POLICY_MSVC,
    LL_POLICY_JAVA, LL_POLICY_GO, LL_POLICY_RUST, LL_POLICY_DOTNET,
    LL_POLICY_FIXED, LL_POLICY_CUSTOM,
  };
  g_autoptr(GArray) policies = g_array_new (FALSE, TRUE, sizeof (LlPolicy));
  guint64 target = under_valgrind () ? 1 * MiB : 4 * MiB;
  TestProbe probe;
  guint n_runs = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    add_policy (policies, kinds[k]);

  test_probe_init (&probe, 1024 * GiB);

  for (guint p = 0; p < policies->len; p++)
    for (LlMechanism m = LL_MECHANISM_REALLOC; m < LL_N_MECHANISMS; m++)
      for (LlElement e = LL_ELEMENT_SHARED; e < LL_N_ELEMENTS; e++)
        {
          g_autoptr(LlEngine) engine = NULL;
          LlRunConfig config;
          LlEngineStatus status;

          test_config_init (&config, &probe);
          config.policy = g_array_index (policies, LlPolicy, p);
          config.mechanism = m;
          config.element = e;
          /* Boxed objects take four times the slots. */
          config.target = e == LL_ELEMENT_BOXED ? target / 4 : target;

          engine = run_engine (&config);
          ll_engine_get_status (engine, &status);
          g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);
          g_assert_null (ll_engine_get_error (engine));
          g_assert_cmpuint (status.container_bytes, >=, config.target);
          g_assert_cmpuint (check_events (engine, TRUE), >, 0);
          check_samples (engine);
          check_values (engine, p == 0 ? 1 : 4099);
          n_runs++;
        }

  g_test_message ("%u real runs matched their simulation", n_runs);
}

/* Initial lengths, extends and the other target kinds. */
static void
test_run_kinds (void)
{
  static const struct
  {
    LlPolicyKind policy;
    LlMechanism  mechanism;
    LlElement    element;
    guint64      initial;
    guint64      batch;
    LlTargetKind kind;
    guint64      target;
  } runs[] = {
    { LL_POLICY_CPYTHON, LL_MECHANISM_REALLOC, LL_ELEMENT_BOXED, 100000, 1,
      LL_TARGET_CONTAINER_BYTES, 4 * MiB },
    { LL_POLICY_CPYTHON, LL_MECHANISM_MREMAP, LL_ELEMENT_BOXED, 0, 1,
      LL_TARGET_TOTAL_BYTES, 16 * MiB + 12345 },
    { LL_POLICY_CPYTHON, LL_MECHANISM_COPY, LL_ELEMENT_INT64, 3, 7,
      LL_TARGET_ELEMENTS, 1000003 },
    { LL_POLICY_CPYTHON, LL_MECHANISM_REALLOC, LL_ELEMENT_SHARED, 20000, 1000,
      LL_TARGET_CONTAINER_BYTES, 8 * MiB },
    { LL_POLICY_DOUBLE, LL_MECHANISM_COPY, LL_ELEMENT_BOXED, 77777, 13,
      LL_TARGET_TOTAL_BYTES, 24 * MiB },
    { LL_POLICY_GO, LL_MECHANISM_MREMAP, LL_ELEMENT_INT32, 1, 3,
      LL_TARGET_ELEMENTS, 2000000 },
    { LL_POLICY_JAVA, LL_MECHANISM_REALLOC, LL_ELEMENT_INT64, 0, 100000,
      LL_TARGET_ELEMENTS, 1234567 },
    /* Starts past its target: stops at once with the initial list. */
    { LL_POLICY_CPYTHON, LL_MECHANISM_REALLOC, LL_ELEMENT_INT64, 300000, 1,
      LL_TARGET_CONTAINER_BYTES, 1 * MiB },
    { LL_POLICY_RUST, LL_MECHANISM_MREMAP, LL_ELEMENT_BOXED, 1000, 1,
      LL_TARGET_ELEMENTS, 1000 },
  };
  TestProbe probe;

  test_probe_init (&probe, 1024 * GiB);

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autoptr(LlEngine) engine = NULL;
      LlRunConfig config;
      LlEngineStatus status;
      LlHistoryCounters counters;
      guint64 length, capacity;

      test_config_init (&config, &probe);
      ll_policy_init (&config.policy, runs[i].policy);
      config.mechanism = runs[i].mechanism;
      config.element = runs[i].element;
      config.initial_length = runs[i].initial;
      config.batch = runs[i].batch;
      config.target_kind = runs[i].kind;
      config.target = runs[i].target;

      engine = run_engine (&config);
      ll_engine_get_status (engine, &status);
      g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);
      check_events (engine, TRUE);
      check_samples (engine);
      check_values (engine, 1);

      ll_run_config_estimate_peak (&config, &length, &capacity);
      g_assert_cmpuint (status.length, ==, length);
      g_assert_cmpuint (status.capacity, ==, capacity);

      /* The history knows where the list started and where it ended. */
      ll_history_get_counters (ll_engine_get_history (engine), &counters);
      g_assert_cmpuint (counters.start_length, ==, runs[i].initial);
      g_assert_cmpuint (counters.start_capacity, ==,
                        ll_policy_initial_capacity (&config.policy, runs[i].initial));
      g_assert_cmpuint (counters.end_length, ==, status.length);
      g_assert_cmpuint (counters.end_capacity, ==, status.capacity);
      if (runs[i].kind == LL_TARGET_ELEMENTS)
        g_assert_cmpuint (status.length, ==, MAX (runs[i].target, runs[i].initial));
    }
}

/* Huge pages only change how the memory is mapped. */
static void
test_run_huge_pages (void)
{
  g_autoptr(LlEngine) engine = NULL;
  LlRunConfig config;
  TestProbe probe;

  test_probe_init (&probe, 1024 * GiB);
  test_config_init (&config, &probe);
  config.mechanism = LL_MECHANISM_MREMAP;
  config.element = LL_ELEMENT_BOXED;
  config.huge_pages = TRUE;
  config.target = 16 * MiB;

  engine = run_engine (&config);
  check_events (engine, TRUE);
  check_values (engine, 1);
}

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

/* Available memory drops during the run: the engine stops before eating
 * into the reserve, and keeps the list. */
static void
test_reserve_drop (void)
{
  g_autoptr(LlEngine) engine = NULL;
  LlRunConfig config;
  LlEngineStatus status;
  TestProbe probe;
  gint64 start, latency;

  test_probe_init (&probe, 1024 * GiB);
  test_config_init (&config, &probe);
  config.element = LL_ELEMENT_BOXED;
  config.target = 100 * G_GUINT64_CONSTANT (1000000000);
  config.reserve_bytes = 1 * GiB;
  config.sample_hz = 100;

  engine = start_engine (&config);
  wait_for_length (engine, 1000000);

  start = g_get_monotonic_time ();
  __atomic_store_n (&probe.available, 1 * GiB + 1 * MiB, __ATOMIC_RELAXED);
  ll_engine_join (engine);
  latency = g_get_monotonic_time () - start;

  ll_engine_get_status (engine, &status);
  g_test_message ("stopped at %" G_GUINT64_FORMAT " elements in %" G_GINT64_FORMAT " µs",
                  status.length, latency);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_RESERVE);
  g_assert_cmpint (latency, <, time_limit_us (200000));
  g_assert_cmpuint (status.reserve_bytes, ==, 1 * GiB);
  g_assert_null (ll_engine_get_error (engine));
  check_events (engine, FALSE);
  check_samples (engine);
  check_values (engine, 1);
}

/* The bytes the growth after @status's would make resident, as the engine
 * counts them: the slots up to the next capacity, and when the growth
 * copies the whole new block beside the old one. A sanitizer's or
 * valgrind's realloc () always copies; glibc's grows a block on a mapping
 * of its own with mremap, and blocks under 32 MiB are on the heap (the
 * threshold ll-allocator.c sets), where growing may copy. */
static guint64
next_growth_need (const LlRunConfig    *config,
                  const LlEngineStatus *status)
{
  LlRunConfig next = *config;
  LlGrowth growth;
  LlGrowthStep step;

  next.initial_length = 0;
  ll_growth_init (&growth, &next);
  do
    g_assert_true (ll_growth_next (&growth, &step));
  while (!step.realloc || step.new_capacity <= status->capacity);

  switch (ll_run_config_get_mechanism (config))
    {
    case LL_MECHANISM_COPY:
      return step.new_capacity * 8;
    case LL_MECHANISM_REALLOC:
#ifdef UNDER_ASAN
      return step.new_capacity * 8;
#else
      if (under_valgrind () || status->capacity * 8 < 32 * MiB)
        return step.new_capacity * 8;
      break;
#endif
    default:
      break;
    }
  return (step.new_capacity - status->length) * 8;
}

/* A probe that sees the process grow, as the real one does: the run stops
 * once the next growth would not fit, well before the target. The process's
 * RSS also moves with what other threads and the allocator do, so the run
 * is judged by the figures the probe gave the engine. */
static void
test_reserve_growth (void)
{
  static const LlMechanism mechanisms[] = {
    LL_MECHANISM_REALLOC, LL_MECHANISM_COPY, LL_MECHANISM_MREMAP,
  };

  for (guint i = 0; i < G_N_ELEMENTS (mechanisms); i++)
    {
      g_autoptr(LlEngine) engine = NULL;
      LlRunConfig config;
      LlEngineStatus status;
      TestProbe probe;
      guint64 lowest, last, need;

      test_probe_init (&probe, 2 * GiB + 32 * MiB);
      probe.follow_rss = TRUE;
      test_config_init (&config, &probe);
      config.mechanism = mechanisms[i];
      config.element = LL_ELEMENT_INT64;
      config.target = 1 * GiB;
      config.reserve_bytes = 2 * GiB;

      engine = run_engine (&config);
      ll_engine_get_status (engine, &status);
      lowest = __atomic_load_n (&probe.lowest, __ATOMIC_RELAXED);
      last = __atomic_load_n (&probe.last, __ATOMIC_RELAXED);
      need = next_growth_need (&config, &status);
      g_test_message ("%s: stopped at %" G_GUINT64_FORMAT " elements; the probe said "
                      "%.1f MiB above the reserve at least, %.1f MiB last; "
                      "the next growth needs %.1f MiB",
                      ll_mechanism_to_string (mechanisms[i]), status.length,
                      ((double) lowest - 2.0 * GiB) / MiB, ((double) last - 2.0 * GiB) / MiB,
                      need / (double) MiB);
      g_assert_cmpint (status.stop_reason, ==, LL_STOP_RESERVE);
      g_assert_cmpuint (status.length, >, 0);
      g_assert_cmpuint (status.length * 8, <, config.target);
      /* The reserve held: the engine looks at free memory every chunk of
       * 256 Ki slots, 2 MiB, so it can be that far off either way. */
      if (!under_valgrind ())
        g_assert_cmpuint (lowest + 2 * MiB, >=, config.reserve_bytes);
      /* And the run went as far as it could: the next growth did not fit
       * in what the probe reported when the engine stopped (or later, when
       * the allocator had given memory back). */
      /* (valgrind runs one thread at a time: the sampler's figures lag.) */
      if (!under_valgrind ())
        g_assert_cmpuint (lowest, <, config.reserve_bytes + need + 2 * MiB);
      check_events (engine, FALSE);
      check_values (engine, 1);
    }
}

/* Not even the start fits. */
static void
test_reserve_at_start (void)
{
  g_autoptr(LlEngine) engine = NULL;
  LlRunConfig config;
  LlEngineStatus status;
  TestProbe probe;

  test_probe_init (&probe, 600 * MiB);
  test_config_init (&config, &probe);
  config.initial_length = 20000000;
  config.reserve_bytes = LL_RESERVE_DEFAULT;  /* 5 % of 64 GiB */

  engine = run_engine (&config);
  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_RESERVE);
  g_assert_cmpuint (status.length, ==, 0);
  g_assert_cmpuint (status.reserve_bytes, ==, 64 * GiB / 20);
  g_assert_cmpuint (status.start_available_bytes, ==, 600 * MiB);
  g_assert_cmpuint (check_events (engine, FALSE), ==, 0);
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

/* A failed allocation ends the run cleanly with everything so far kept.
 * In a child process whose address space is capped. */
static void
test_no_memory_child (LlMechanism mechanism,
                      LlElement   element)
{
  g_autoptr(LlEngine) engine = NULL;
  g_autofree char *status_text = NULL;
  LlRunConfig config;
  LlEngineStatus status;
  TestProbe probe;
  struct rlimit limit, unlimited;
  const char *vm;
  guint64 vm_size;
  const GError *error;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status_text, NULL, NULL));
  vm = strstr (status_text, "VmSize:");
  g_assert_nonnull (vm);
  vm_size = g_ascii_strtoull (vm + strlen ("VmSize:"), NULL, 10) * 1024;

  test_probe_init (&probe, 1024 * GiB);
  probe.rss_limit = 0;
  test_config_init (&config, &probe);
  ll_policy_init (&config.policy, mechanism == LL_MECHANISM_COPY ? LL_POLICY_DOUBLE
                                                                 : LL_POLICY_CPYTHON);
  config.mechanism = mechanism;
  config.element = element;
  config.target = 4 * GiB;
  engine = ll_engine_new (&config, NULL);

  /* Room for two thread stacks and some list; one malloc arena for all
   * threads keeps the room each thread takes predictable. */
  mallopt (M_ARENA_MAX, 1);
  g_assert_no_errno (getrlimit (RLIMIT_AS, &limit));
  unlimited = limit;
  limit.rlim_cur = vm_size + 128 * MiB;
  g_assert_no_errno (setrlimit (RLIMIT_AS, &limit));

  ll_engine_start (engine);
  ll_engine_join (engine);
  /* The checks below copy the history: not under the cap the list filled. */
  g_assert_no_errno (setrlimit (RLIMIT_AS, &unlimited));

  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_FINISHED);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_NO_MEMORY);
  error = ll_engine_get_error (engine);
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_NO_MEMORY);
  g_assert_cmpuint (status.length, >, 1000000);
  g_assert_cmpuint (check_events (engine, FALSE), >, 5);
  check_values (engine, 1);
  printf ("stopped at %" G_GUINT64_FORMAT " elements: %s\n", status.length, error->message);
}

static void
test_no_memory (gconstpointer data)
{
  LlMechanism mechanism = GPOINTER_TO_INT (data) & 0xff;
  LlElement element = GPOINTER_TO_INT (data) >> 8;

#ifdef UNDER_ASAN
  g_test_skip ("A capped address space and the address sanitizer do not mix");
  return;
#endif
  /* valgrind's own memory grows with the list inside the same limit, so
   * any allocation may be the one that fails: engine-faults fails each of
   * the engine's in turn under valgrind instead. */
  if (under_valgrind ())
    {
      g_test_skip ("A capped address space and valgrind's own memory do not mix");
      return;
    }

  if (g_test_subprocess ())
    {
      test_no_memory_child (mechanism, element);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  /* Boxed: the next 64 MiB arena of objects is what does not fit. */
  if (element == LL_ELEMENT_BOXED)
    g_test_trap_assert_stdout ("*stopped at*Could not allocate 64.00 MiB more for the element "
                               "objects*The list so far is kept.*");
  else
    g_test_trap_assert_stdout ("*stopped at*Could not grow the list to*The list so far is kept.*");
}

/* The largest target that fits is offered when one does not. */
static void
test_check_fits (void)
{
  static const struct
  {
    LlPolicyKind policy;
    LlMechanism  mechanism;
    LlElement    element;
    guint64      initial;
    guint64      batch;
    LlTargetKind kind;
    guint64      target;
  } runs[] = {
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
      ll_policy_init (&config.policy, runs[i].policy);
      config.policy.increment = 64;
      config.mechanism = runs[i].mechanism;
      config.element = runs[i].element;
      config.initial_length = runs[i].initial;
      config.batch = runs[i].batch;
      config.target_kind = runs[i].kind;
      config.target = runs[i].target;
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
      guint64 before, after;
      gsize n;

      test_probe_init (&probe, 1024 * GiB);
      test_config_init (&config, &probe);
      config.mechanism = LL_MECHANISM_MREMAP;
      config.element = elements[i];
      /* 64 MiB of slots, or 16 MiB of slots and 64 MiB of objects */
      config.target = elements[i] == LL_ELEMENT_BOXED ? 16 * MiB : 64 * MiB;
      engine = run_engine (&config);

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
  g_test_init (&argc, &argv, NULL);

  /* glibc raises its mmap threshold as mapped blocks are freed: pinned, a
   * list block over 128 KiB is always mapped and realloc () grows it with
   * mremap, whichever test ran before. */
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);

  g_test_add_func ("/engine/status-idle", test_status_idle);
  g_test_add_func ("/engine/new-invalid", test_new_invalid);
  g_test_add_func ("/engine/run/matches-simulation", test_run_matches_simulation);
  g_test_add_func ("/engine/run/kinds", test_run_kinds);
  g_test_add_func ("/engine/run/huge-pages", test_run_huge_pages);
  g_test_add_func ("/engine/contents/file", test_contents_file);
  g_test_add_func ("/engine/contents/pipe", test_contents_pipe);
  g_test_add_func ("/engine/contents/errors", test_contents_errors);
  g_test_add_func ("/engine/cancel/running", test_cancel);
  g_test_add_func ("/engine/cancel/before-start", test_cancel_before_start);
  g_test_add_func ("/engine/sampler", test_sampler_rate);
  g_test_add_func ("/engine/reserve/drop", test_reserve_drop);
  g_test_add_func ("/engine/reserve/growth", test_reserve_growth);
  g_test_add_func ("/engine/reserve/at-start", test_reserve_at_start);
  g_test_add_func ("/engine/probe-failure", test_probe_failure);
  g_test_add_data_func ("/engine/no-memory/realloc",
                        GINT_TO_POINTER (LL_MECHANISM_REALLOC | LL_ELEMENT_INT64 << 8),
                        test_no_memory);
  g_test_add_data_func ("/engine/no-memory/copy",
                        GINT_TO_POINTER (LL_MECHANISM_COPY | LL_ELEMENT_SHARED << 8),
                        test_no_memory);
  g_test_add_data_func ("/engine/no-memory/mremap",
                        GINT_TO_POINTER (LL_MECHANISM_MREMAP | LL_ELEMENT_INT32 << 8),
                        test_no_memory);
  g_test_add_data_func ("/engine/no-memory/arena",
                        GINT_TO_POINTER (LL_MECHANISM_MREMAP | LL_ELEMENT_BOXED << 8),
                        test_no_memory);
  g_test_add_func ("/engine/check-fits", test_check_fits);
  g_test_add_func ("/engine/release", test_release);
  g_test_add_func ("/engine/finished-callback", test_finished_callback);
  g_test_add_func ("/engine/unref-running", test_unref_running);

  return g_test_run ();
}
