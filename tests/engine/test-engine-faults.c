/* test-engine-faults.c — the memory runs out at any point of a run: a clean stop every time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each case first runs once to its target while counting the points where
 * the list takes memory, and checks them against the stepper's growths.
 * Then it runs again and again, each time failing one point: the first,
 * the last, one in the middle of a copy and many picked at random (from
 * the test's seed: `--seed` repeats a run). Every such run must stop with
 * "no-memory" and a message naming what could not be had, keep exactly
 * the list and the events it had until then, give its memory back when
 * released, and leave nothing behind that the next run would notice. */

#include "config.h"

#include <errno.h>
#include <malloc.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "engine-test.h"
#include "ll-engine.h"
#include "ll-engine-private.h"
#include "ll-growth.h"
#include "ll-run.h"

ENGINE_TEST_SMALL_QUARANTINE


/* The model: where a run takes memory, and what it holds at each point */

typedef struct
{
  LlBlockFault fault;
  gsize        bytes;       /* as the hook is told */
  guint64      length;      /* the list when the point fails */
  guint64      capacity;
  guint64      n_events;    /* growths recorded before it */
  guint64      grow_bytes;  /* resize and copy: the block being grown to */
  guint        piece;       /* copy: which piece */
} Point;

typedef struct
{
  guint64 length;
  guint64 old_capacity;
  guint64 new_capacity;
  guint64 fill_to;
} Growth;

typedef struct
{
  LlMechanism mechanism;
  LlElement   element;
  guint       slot;
  guint       header;     /* the policy's container header */
  gsize       map_unit;   /* mremap: the mapping grows in these */
  guint64     length;
  guint64     capacity;
  guint64     map_bytes;
  guint64     n_arenas;
  GArray     *points;
  GArray     *growths;
} Model;

static void
model_point (Model        *model,
             LlBlockFault  fault,
             gsize         bytes,
             guint64       length,
             guint64       grow_bytes,
             guint         piece)
{
  Point point = {
    fault, bytes, length, model->capacity, model->growths->len, grow_bytes, piece,
  };

  g_array_append_val (model->points, point);
}

static void
model_fill (Model   *model,
            guint64  to)
{
  if (to <= model->length)
    return;

  /* Objects come from arenas mapped as the fill reaches them. */
  if (model->element == LL_ELEMENT_BOXED)
    for (; model->n_arenas * ARENA_OBJECTS < to; model->n_arenas++)
      model_point (model, LL_BLOCK_FAULT_ARENA, ARENA_BYTES,
                   model->n_arenas * ARENA_OBJECTS, 0, 0);

  model->length = to;
}

static void
model_resize (Model   *model,
              guint64  new_capacity)
{
  gsize new_bytes = new_capacity * model->slot;

  switch (model->mechanism)
    {
    case LL_MECHANISM_REALLOC:
      model_point (model, LL_BLOCK_FAULT_RESIZE, MAX (new_bytes, 1), model->length, new_bytes, 0);
      break;

    case LL_MECHANISM_COPY:
      {
        gsize used = model->length * model->slot;
        guint piece = 0;

        model_point (model, LL_BLOCK_FAULT_RESIZE, MAX (new_bytes, 1), model->length, new_bytes, 0);
        for (gsize done = 0; done < used; done += LL_BLOCK_COPY_PIECE_BYTES)
          model_point (model, LL_BLOCK_FAULT_COPY, MIN (LL_BLOCK_COPY_PIECE_BYTES, used - done),
                       model->length, new_bytes, piece++);
      }
      break;

    case LL_MECHANISM_MREMAP:
      {
        gsize bytes = (MAX (new_bytes, 1) + model->map_unit - 1) & ~(model->map_unit - 1);

        /* The same number of pages: nothing to ask for. */
        if (bytes != model->map_bytes)
          model_point (model, LL_BLOCK_FAULT_RESIZE, bytes, model->length, new_bytes, 0);
        model->map_bytes = bytes;
      }
      break;

    case LL_MECHANISM_DEFAULT:
    case LL_N_MECHANISMS:
    default:
      g_assert_not_reached ();
    }

  model->capacity = new_capacity;
}

/* The run the engine makes of @config, as the stepper tells it. */
static void
model_init (Model             *model,
            const LlRunConfig *config)
{
  LlGrowth growth;
  LlGrowthStep step;

  memset (model, 0, sizeof *model);
  model->mechanism = ll_run_config_get_mechanism (config);
  model->element = config->element;
  model->slot = ll_element_get_info (config->element)->slot_bytes;
  model->header = ll_run_config_header_bytes (config);
  model->map_unit = config->huge_pages ? ll_block_huge_page_size () : (gsize) sysconf (_SC_PAGESIZE);
  model->points = g_array_new (FALSE, FALSE, sizeof (Point));
  model->growths = g_array_new (FALSE, FALSE, sizeof (Growth));

  ll_growth_init (&growth, config);
  if (growth.capacity > 0)
    {
      model_resize (model, growth.capacity);
      model_fill (model, growth.length);
    }

  while (ll_growth_next (&growth, &step))
    {
      model_fill (model, step.fill_to);
      if (step.realloc)
        {
          Growth g = { step.length, step.old_capacity, step.new_capacity, step.fill_to };

          model_resize (model, step.new_capacity);
          g_array_append_val (model->growths, g);
        }
      model_fill (model, step.length);
    }
}

static void
model_clear (Model *model)
{
  g_clear_pointer (&model->points, g_array_unref);
  g_clear_pointer (&model->growths, g_array_unref);
}

/* The hook */

typedef struct
{
  guint64  fail_at;  /* G_MAXUINT64: none */
  guint64  n_calls;
  GArray  *seen;     /* Point, fault and bytes only; NULL: not kept */
} Plan;

static gboolean
plan_fault (LlBlockFault  fault,
            guint64       index,
            gsize         bytes,
            gpointer      user_data)
{
  Plan *plan = user_data;

  /* Numbered in order, and nothing after the failed one. */
  g_assert_cmpuint (index, ==, plan->n_calls);
  g_assert_cmpuint (index, <=, plan->fail_at);
  plan->n_calls++;

  if (plan->seen != NULL)
    {
      Point point = { .fault = fault, .bytes = bytes };

      g_array_append_val (plan->seen, point);
    }

  return index == plan->fail_at;
}

/* Checks */

static void
check_value (LlEngine  *engine,
             LlElement  element,
             guint64    index)
{
  gint64 value = ll_engine_get_value (engine, index);

  if (value != expected_value (element, index))
    g_error ("element %" G_GUINT64_FORMAT " holds %" G_GINT64_FORMAT, index, value);
}

/* The first and last thousand elements, and a sample in between. */
static void
check_values (LlEngine *engine,
              guint64   length)
{
  LlElement element = ll_engine_get_config (engine)->element;
  guint64 stride = under_valgrind () ? 65537 : 4099;
  guint64 i;

  for (i = 0; i < MIN (length, 1000); i++)
    check_value (engine, element, i);
  for (; i + 1000 < length; i += stride)
    check_value (engine, element, i);
  for (i = MAX (i, length - MIN (length, 1000)); i < length; i++)
    check_value (engine, element, i);
}

/* The events are the model's growths before the failed point, exactly. */
static void
check_events (LlEngine    *engine,
              const Model *model,
              guint64      n_events)
{
  LlHistory *history = ll_engine_get_history (engine);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  const LlEventBucket *buckets;
  LlHistoryCounters counters;
  guint64 previous_elapsed = 0;
  guint64 bytes_copied = 0;
  gsize n;

  ll_history_view_update (view, history);
  buckets = ll_history_view_get_events (view, &n);
  g_assert_true (ll_history_is_exact (history));
  g_assert_cmpuint (n, ==, n_events);

  for (gsize i = 0; i < n; i++)
    {
      const Growth *g = &g_array_index (model->growths, Growth, i);
      const LlEvent *event = &buckets[i].first;

      g_assert_cmpuint (buckets[i].count, ==, 1);
      g_assert_cmpuint (event->length, ==, g->length);
      g_assert_cmpuint (event->old_capacity, ==, g->old_capacity);
      g_assert_cmpuint (event->new_capacity, ==, g->new_capacity);
      g_assert_cmpuint (event->old_bytes, ==, model->header + model->slot * g->old_capacity);
      g_assert_cmpuint (event->new_bytes, ==, model->header + model->slot * g->new_capacity);
      g_assert_cmpuint (event->bytes_added, ==, event->new_bytes - event->old_bytes);
      g_assert_cmpuint (event->elapsed_ns, >=, previous_elapsed);
      previous_elapsed = event->elapsed_ns;

      switch (model->mechanism)
        {
        case LL_MECHANISM_COPY:
          g_assert_cmpint (event->moved, ==, g->old_capacity > 0);
          g_assert_cmpuint (event->bytes_copied, ==, g->fill_to * model->slot);
          break;
        case LL_MECHANISM_MREMAP:
          g_assert_cmpuint (event->bytes_copied, ==, 0);
          break;
        case LL_MECHANISM_REALLOC:
        default:
          g_assert_true (event->bytes_copied == 0 ||
                         (event->moved && event->bytes_copied == g->old_capacity * model->slot));
          break;
        }
      bytes_copied += event->bytes_copied;
    }

  ll_history_get_counters (history, &counters);
  g_assert_cmpuint (counters.n_events, ==, n_events);
  g_assert_cmpuint (counters.bytes_copied, ==, bytes_copied);
}

/* Length, capacity, the history's end and the last sample agree. */
static void
check_figures (LlEngine *engine,
               guint64   length,
               guint64   capacity)
{
  const LlRunConfig *config = ll_engine_get_config (engine);
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  const LlSampleBucket *samples;
  LlHistoryCounters counters;
  LlEngineStatus status;
  gsize n;

  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_FINISHED);
  g_assert_cmpuint (status.length, ==, length);
  g_assert_cmpuint (status.capacity, ==, capacity);
  g_assert_cmpuint (status.container_bytes, ==, ll_run_config_container_bytes (config, capacity));
  g_assert_cmpuint (status.objects_bytes, ==, ll_element_objects_bytes (config->element, length));
  g_assert_cmpuint (ll_engine_get_resident_bytes (engine), ==,
                    length * (ll_element_get_info (config->element)->slot_bytes +
                              ll_element_get_info (config->element)->object_bytes));

  ll_history_get_counters (ll_engine_get_history (engine), &counters);
  g_assert_cmpuint (counters.end_length, ==, length);
  g_assert_cmpuint (counters.end_capacity, ==, capacity);

  ll_history_view_update (view, ll_engine_get_history (engine));
  samples = ll_history_view_get_samples (view, &n);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (samples[n - 1].last.length, ==, length);
  g_assert_cmpuint (samples[n - 1].last.capacity, ==, capacity);
}

/* Whether any page of [@start, @start + @bytes) is still mapped. */
static gboolean
is_mapped (const void *start,
           gsize       bytes)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  unsigned char vec[64];

  for (gsize done = 0; done < bytes; done += G_N_ELEMENTS (vec) * page)
    {
      gsize n = MIN (G_N_ELEMENTS (vec) * page, bytes - done);

      if (mincore ((guint8 *) start + done, n, vec) == 0 || errno != ENOMEM)
        return TRUE;
    }

  return FALSE;
}

/* Releases the list: the engine's own mappings are gone. (What came from
 * malloc () goes back to it; the heap check and the sanitizers see to that.) */
static void
release_and_check (LlEngine *engine)
{
  g_autoptr(GPtrArray) maps = g_ptr_array_new ();
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (gsize));
  LlEngineStatus status;

  if (engine->block.mechanism == LL_MECHANISM_MREMAP && engine->block.data != NULL)
    {
      g_ptr_array_add (maps, engine->block.data);
      g_array_append_val (sizes, engine->block.bytes);
    }
  for (guint64 i = 0; i < engine->n_arenas; i++)
    {
      gsize bytes = ARENA_BYTES;

      g_ptr_array_add (maps, engine->arenas[i]);
      g_array_append_val (sizes, bytes);
    }

  for (guint i = 0; i < maps->len; i++)
    g_assert_true (is_mapped (maps->pdata[i], g_array_index (sizes, gsize, i)));

  ll_engine_release (engine);
  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.state, ==, LL_ENGINE_RELEASED);
  g_assert_cmpuint (ll_engine_get_resident_bytes (engine), ==, 0);
  g_assert_null (engine->block.data);
  g_assert_cmpuint (engine->n_arenas, ==, 0);

  for (guint i = 0; i < maps->len; i++)
    g_assert_false (is_mapped (maps->pdata[i], g_array_index (sizes, gsize, i)));
}

/* What the engine says when @point fails. */
static char *
expected_message (const Point *point)
{
  if (point->fault == LL_BLOCK_FAULT_ARENA)
    {
      g_autofree char *size = ll_format_bytes (ARENA_BYTES, LL_UNITS_IEC);

      return g_strdup_printf ("Could not allocate %s more for the element objects: %s. "
                              "The list so far is kept.", size, g_strerror (ENOMEM));
    }
  else
    {
      g_autofree char *size = ll_format_bytes (point->grow_bytes, LL_UNITS_IEC);

      return g_strdup_printf ("Could not grow the list to %s: %s. The list so far is kept.",
                              size, g_strerror (ENOMEM));
    }
}

/* Bytes malloc () has handed out and not had back, where glibc tells it
 * (not under a sanitizer or valgrind, which keep their own books). */
static gboolean
heap_in_use (gsize *bytes)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33)) && \
    !defined(UNDER_ASAN)
  struct mallinfo2 info;

  if (under_valgrind ())
    return FALSE;

  info = mallinfo2 ();
  *bytes = info.uordblks + info.hblkhd;
  return TRUE;
#else
  return FALSE;
#endif
}

/* The cases */

/* Faults injected in this process, for the closing figure. */
static guint n_injected;

typedef struct
{
  const char   *name;
  RunCase       run;
  gboolean      huge_pages;
  guint         n_random;      /* points picked at random besides the first, last, mid-copy */
  guint         n_random_slow; /* under valgrind */
} FaultCase;

/* Besides every policy with every mechanism, what those do not reach. */
static const FaultCase special_cases[] = {
  /* list(range(n)) first: the initial block, then the first arena of objects. */
  { "realloc/cpython/boxed-initial", { LL_POLICY_CPYTHON, LL_MECHANISM_REALLOC, LL_ELEMENT_BOXED,
    100000, 1, LL_TARGET_TOTAL_BYTES, 8 * MiB }, FALSE, 20, 2 },
  /* libstdc++: each growth copies, the last ones in several pieces. */
  { "copy/double/int64-pieces", { LL_POLICY_DOUBLE, LL_MECHANISM_COPY, LL_ELEMENT_INT64,
    0, 1, LL_TARGET_CONTAINER_BYTES, 16 * MiB }, FALSE, 30, 2 },
  /* Java's 1.5×: more copies of several pieces. */
  { "copy/java/int32-pieces", { LL_POLICY_JAVA, LL_MECHANISM_COPY, LL_ELEMENT_INT32,
    0, 1, LL_TARGET_CONTAINER_BYTES, 12 * MiB }, FALSE, 40, 2 },
  /* .NET with extends, from a list of three. */
  { "copy/dotnet/boxed-extend", { LL_POLICY_DOTNET, LL_MECHANISM_COPY, LL_ELEMENT_BOXED,
    3, 1000, LL_TARGET_ELEMENTS, 300000 }, FALSE, 20, 2 },
  { "mremap/go/int32-extend", { LL_POLICY_GO, LL_MECHANISM_MREMAP, LL_ELEMENT_INT32,
    1, 3, LL_TARGET_ELEMENTS, 1000000 }, FALSE, 20, 2 },
  /* On transparent huge pages: moved to a huge page boundary as it grows. */
  { "mremap-thp/msvc/boxed", { LL_POLICY_MSVC, LL_MECHANISM_MREMAP, LL_ELEMENT_BOXED,
    0, 1, LL_TARGET_TOTAL_BYTES, 16 * MiB }, TRUE, 10, 1 },
  /* Past the first arena of objects: the second one fails too. */
  { "mremap/cpython/boxed-arenas", { LL_POLICY_CPYTHON, LL_MECHANISM_MREMAP, LL_ELEMENT_BOXED,
    0, 1, LL_TARGET_ELEMENTS, ARENA_OBJECTS + 1000 }, FALSE, 4, 0 },
};

/* Every policy with every mechanism, the element models taken in turn. */
static GPtrArray *
make_cases (void)
{
  GPtrArray *all = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (special_cases); i++)
    g_ptr_array_add (all, (gpointer) &special_cases[i]);

  for (LlPolicyKind p = 0; p < LL_N_POLICIES; p++)
    for (LlMechanism m = LL_MECHANISM_REALLOC; m < LL_N_MECHANISMS; m++)
      {
        FaultCase *c = g_new0 (FaultCase, 1);
        /* (array.array and NumPy hold numbers: int64 or int32.) */
        LlElement e = ll_policy_get_info (p)->numbers_only ? (LlElement) (LL_ELEMENT_INT64 + (p + m) % 2)
                                                           : (LlElement) ((p + m) % LL_N_ELEMENTS);

        c->run.policy = p;
        c->run.mechanism = m;
        c->run.element = e;
        c->name = g_strdup_printf ("%s/%s/%s", ll_mechanism_to_string (m),
                                   ll_policy_get_info (p)->name, ll_element_get_info (e)->name);
        c->run.batch = 1;
        c->run.kind = LL_TARGET_CONTAINER_BYTES;
        /* np.append reallocates on every append: a short list. */
        c->run.target = p == LL_POLICY_NUMPY_APPEND ? 3 * 1024 : 2 * MiB;
        c->n_random = 14;
        c->n_random_slow = 1;
        g_ptr_array_add (all, c);
      }

  return all;
}

static void
free_cases (GPtrArray *all)
{
  for (guint i = G_N_ELEMENTS (special_cases); i < all->len; i++)
    {
      FaultCase *c = all->pdata[i];

      g_free ((char *) c->name);
      g_free (c);
    }
  g_ptr_array_unref (all);
}

static void
config_for_case (LlRunConfig     *config,
                 const FaultCase *c)
{
  ll_run_config_init (config);
  run_case_apply (&c->run, config);
  /* Some hundred growths, each one a copy with the copy mechanism. */
  if (c->run.policy == LL_POLICY_FIXED)
    config->policy.increment = 4096;
  config->huge_pages = c->huge_pages;
  config->reserve_bytes = 0;
  config->mem_probe = big_machine;
  /* Room for every event, and views that do not take 16 MiB each. */
  config->history_buckets = 1024;
}

static const char *
fault_name (LlBlockFault fault)
{
  switch (fault)
    {
    case LL_BLOCK_FAULT_RESIZE:
      return "resize";
    case LL_BLOCK_FAULT_COPY:
      return "copy";
    case LL_BLOCK_FAULT_ARENA:
      return "arena";
    default:
      return "?";
    }
}

/* One run to the target, counting: the points are the model's. */
static void
run_counting (const LlRunConfig *config,
              const Model       *model)
{
  g_autoptr(LlEngine) engine = ll_engine_new (config, NULL);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (Point));
  Plan plan = { G_MAXUINT64, 0, seen };
  LlEngineStatus status;

  ll_engine_set_fault_func (engine, plan_fault, &plan);
  ll_engine_start (engine);
  ll_engine_join (engine);

  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);
  g_assert_null (ll_engine_get_error (engine));
  check_events (engine, model, model->growths->len);
  check_figures (engine, model->length, model->capacity);

  g_assert_cmpuint (seen->len, ==, model->points->len);
  for (guint i = 0; i < seen->len; i++)
    {
      const Point *a = &g_array_index (seen, Point, i);
      const Point *b = &g_array_index (model->points, Point, i);

      if (a->fault != b->fault || a->bytes != b->bytes)
        g_error ("point %u: %s of %zu bytes where the stepper says %s of %zu bytes", i,
                 fault_name (a->fault), a->bytes, fault_name (b->fault), b->bytes);
    }

  release_and_check (engine);
}

/* One run that fails at point @k. */
static void
run_failing (const LlRunConfig *config,
             const Model       *model,
             guint              k)
{
  const Point *point = &g_array_index (model->points, Point, k);
  g_autoptr(LlEngine) engine = ll_engine_new (config, NULL);
  g_autofree char *message = expected_message (point);
  Plan plan = { k, 0, NULL };
  LlEngineStatus status;
  const GError *error;

  ll_engine_set_fault_func (engine, plan_fault, &plan);
  ll_engine_start (engine);
  ll_engine_join (engine);

  g_assert_cmpuint (plan.n_calls, ==, k + 1);
  ll_engine_get_status (engine, &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_NO_MEMORY);
  error = ll_engine_get_error (engine);
  g_assert_error (error, LL_RUN_ERROR, LL_RUN_ERROR_NO_MEMORY);
  g_assert_cmpstr (error->message, ==, message);

  check_figures (engine, point->length, point->capacity);
  check_events (engine, model, point->n_events);
  check_values (engine, point->length);
  release_and_check (engine);
}

static void
add_point (GArray *picks,
           guint   k)
{
  for (guint i = 0; i < picks->len; i++)
    if (g_array_index (picks, guint, i) == k)
      return;
  g_array_append_val (picks, k);
}

/* The first point, the last, the middle piece of the longest copy, and
 * @n_random more, drawn from the test's seed and the case's @name (each
 * case from the test's seed alone would draw the same numbers). */
static GArray *
pick_points (const Model *model,
             const char  *name,
             guint        n_random)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) g_test_rand_int () ^ g_str_hash (name));
  GArray *picks = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = model->points->len;
  guint longest = 0, longest_pieces = 0;

  add_point (picks, 0);
  add_point (picks, n - 1);

  for (guint i = 0; i < n; i++)
    {
      const Point *p = &g_array_index (model->points, Point, i);

      if (p->fault == LL_BLOCK_FAULT_COPY && p->piece + 1 > longest_pieces)
        {
          longest_pieces = p->piece + 1;
          longest = i - p->piece;
        }
    }
  if (longest_pieces >= 2)
    add_point (picks, longest + longest_pieces / 2);

  for (guint i = 0; i < n_random; i++)
    add_point (picks, (guint) g_rand_int_range (rand, 0, (gint32) n));

  return picks;
}

static void
test_faults (gconstpointer data)
{
  const FaultCase *c = data;
  g_autoptr(GArray) picks = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(LlEngine) after = NULL;
  LlRunConfig config;
  LlEngineStatus status;
  Model model;
  gsize heap_before = 0, heap_after = 0;
  gboolean heap_known;
  guint counts[3] = { 0 };

  config_for_case (&config, c);
  model_init (&model, &config);
  g_assert_cmpuint (model.points->len, >, 0);

  /* Counting also warms up what the first run allocates once for good. */
  run_counting (&config, &model);
  heap_known = heap_in_use (&heap_before);

  picks = pick_points (&model, c->name, under_valgrind () ? c->n_random_slow : c->n_random);
  for (guint i = 0; i < picks->len; i++)
    {
      guint k = g_array_index (picks, guint, i);

      g_string_append_printf (list, " %u", k);
      counts[g_array_index (model.points, Point, k).fault]++;
    }
  g_test_message ("%s: %u points (%u growths); failing %u of them (%u resizes, %u copy pieces, "
                  "%u arenas):%s", c->name, model.points->len, model.growths->len, picks->len,
                  counts[LL_BLOCK_FAULT_RESIZE], counts[LL_BLOCK_FAULT_COPY],
                  counts[LL_BLOCK_FAULT_ARENA], list->str);

  for (guint i = 0; i < picks->len; i++)
    run_failing (&config, &model, g_array_index (picks, guint, i));
  n_injected += picks->len;

  /* Nothing left behind: the heap is as it was, and a run goes all the way. */
  if (heap_known && heap_in_use (&heap_after))
    {
      g_test_message ("%s: heap in use %zu bytes before, %zu after", c->name, heap_before, heap_after);
      g_assert_cmpuint (heap_after, <=, heap_before + 256 * 1024);
    }

  after = ll_engine_new (&config, NULL);
  ll_engine_start (after);
  ll_engine_join (after);
  ll_engine_get_status (after, &status);
  g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);
  g_assert_cmpuint (status.length, ==, model.length);
  g_assert_cmpuint (status.capacity, ==, model.capacity);
  check_values (after, status.length);

  model_clear (&model);
}

/* Through a run, as the window and listlab-cli see it */

static void
count_signal (gpointer  object,
              guint    *count)
{
  (*count)++;
}

static void
on_released (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_assert_true (ll_run_release_finish (LL_RUN (object), result, NULL));
  *(gboolean *) user_data = TRUE;
}

static LlRun *
run_to_end (const LlRunConfig *config,
            const Plan        *plan)
{
  g_autoptr(LlRun) run = ll_run_new (LL_RUN_REAL, config, NULL);
  guint finished = 0;

  if (plan != NULL)
    ll_engine_set_fault_func (ll_run_get_engine (run), plan_fault, (Plan *) plan);
  g_signal_connect (run, "finished", G_CALLBACK (count_signal), &finished);
  ll_run_start (run);
  while (finished == 0)
    g_main_context_iteration (NULL, TRUE);

  return g_steal_pointer (&run);
}

static void
test_run_message (void)
{
  static const guint case_index[] = { 0, 1, 4 };
  guint n_random = under_valgrind () ? 2 : 10;
  guint n_runs = 0;

  for (guint c = 0; c < G_N_ELEMENTS (case_index); c++)
    {
      const FaultCase *fault_case = &special_cases[case_index[c]];
      LlRunConfig config;
      Model model;

      config_for_case (&config, fault_case);
      config.target_units = LL_UNITS_IEC;
      model_init (&model, &config);

      for (guint i = 0; i < n_random; i++)
        {
          guint k = i == 0 ? 0 : (guint) g_test_rand_int_range (0, (gint32) model.points->len);
          const Point *point = &g_array_index (model.points, Point, k);
          g_autoptr(LlRun) run = NULL;
          g_autoptr(LlRun) again = NULL;
          g_autofree char *why = NULL;
          g_autofree char *message = expected_message (point);
          g_autofree char *expected = g_strdup_printf ("Out of memory: %s", message);
          g_autofree char *done = NULL;
          g_autofree char *target = NULL;
          Plan plan = { k, 0, NULL };
          LlEngineStatus status;
          gboolean released = FALSE;

          run = run_to_end (&config, &plan);
          ll_run_get_status (run, &status);
          g_assert_cmpint (status.stop_reason, ==, LL_STOP_NO_MEMORY);
          g_assert_cmpstr (ll_stop_reason_to_string (status.stop_reason), ==, "no-memory");
          g_assert_error (ll_run_get_error (run), LL_RUN_ERROR, LL_RUN_ERROR_NO_MEMORY);
          g_assert_cmpuint (status.length, ==, point->length);
          g_assert_cmpuint (status.capacity, ==, point->capacity);
          why = ll_run_dup_stop_message (run, LL_UNITS_IEC);
          g_assert_cmpstr (why, ==, expected);
          if (i == 0)
            g_test_message ("%s, point %u: “%s”", fault_case->name, k, why);

          /* The list stays to be looked at, then goes. */
          g_assert_cmpint (ll_run_get_state (run), ==, LL_ENGINE_FINISHED);
          g_assert_cmpuint (ll_run_get_resident_bytes (run), ==,
                            ll_engine_get_resident_bytes (ll_run_get_engine (run)));
          ll_run_release_async (run, NULL, on_released, &released);
          while (!released)
            g_main_context_iteration (NULL, TRUE);
          g_assert_cmpint (ll_run_get_state (run), ==, LL_ENGINE_RELEASED);
          g_assert_cmpuint (ll_run_get_resident_bytes (run), ==, 0);

          /* And the next run goes all the way. */
          n_injected++;
          again = run_to_end (&config, NULL);
          ll_run_get_status (again, &status);
          g_assert_cmpint (status.stop_reason, ==, LL_STOP_TARGET);
          done = ll_run_dup_stop_message (again, LL_UNITS_IEC);
          target = ll_run_config_format_target (&config);
          g_assert_true (g_str_has_prefix (done, "Reached the target of "));
          g_assert_nonnull (strstr (done, target));
          n_runs++;
        }

      model_clear (&model);
    }

  g_test_message ("%u runs failed and said why; the run after each one reached its target", n_runs);
}

int
main (int    argc,
      char **argv)
{
  GPtrArray *cases;
  int status;

  engine_test_init (&argc, &argv);

  cases = make_cases ();
  for (guint i = 0; i < cases->len; i++)
    {
      const FaultCase *c = cases->pdata[i];
      g_autofree char *path = g_strdup_printf ("/engine-faults/%s", c->name);

      g_test_add_data_func (path, c, test_faults);
    }
  g_test_add_func ("/engine-faults/run-message", test_run_message);

  status = g_test_run ();
  free_cases (cases);
  g_print ("# %u allocation failures injected, every one a clean stop\n", n_injected);
  return status;
}
