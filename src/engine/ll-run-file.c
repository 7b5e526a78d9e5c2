/* ll-run-file.c — runs saved to one file, and read back
 *
 * The file is one GVariant of type (sua{sv}): a name, the format's
 * version and a dictionary whose "runs" is an array of dictionaries, one
 * per run. A run's buckets are one array of numbers each (EVENT_FIELDS or
 * SAMPLE_FIELDS a bucket), so a run of 65,536 buckets is a few megabytes
 * read without a value per number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include <glib/gi18n.h>
#include <string.h>

#include "ll-output.h"
#include "ll-run-file.h"

#define FILE_NAME   "io.github.listlab.ListLab.Runs"
#define FILE_TYPE   "(sua{sv})"

/* An event: its fields in LlEvent's order. A bucket: count, n_moved,
 * n_copied, min/max bytes added, min/max/total realloc ns, first, last. */
#define EVENT_VALUES   11
#define EVENT_FIELDS   (8 + 2 * EVENT_VALUES)
/* A sample in LlSample's order; a bucket: count, min/max available,
 * min/max RSS, first, last. */
#define SAMPLE_VALUES  7
#define SAMPLE_FIELDS  (5 + 2 * SAMPLE_VALUES)
#define COUNTER_FIELDS (4 + 2 * EVENT_VALUES + 1 + 2 * SAMPLE_VALUES + 7)
/* More buckets than any history keeps. */
#define MAX_BUCKETS    (G_GUINT64_CONSTANT (1) << 20)

struct _LlRunSnapshot
{
  LlRunKind       kind;
  LlRunConfig     config;
  char           *title;          /* NULL: not renamed */
  char           *source;         /* an interpreter's run: which */
  LlEngineStatus  status;
  char           *error_message;
  LlHistory      *history;
};

G_DEFINE_QUARK (ll-run-file-error-quark, ll_run_file_error)

LlRunSnapshot *
ll_run_snapshot_new (LlRun *run)
{
  LlRunSnapshot *self;
  const GError *error;

  g_return_val_if_fail (LL_IS_RUN (run), NULL);

  self = g_new0 (LlRunSnapshot, 1);
  self->kind = ll_run_get_kind (run);
  self->config = *ll_run_get_config (run);
  self->config.mem_probe = NULL;
  self->config.mem_probe_data = NULL;
  if (ll_run_is_renamed (run))
    self->title = g_strdup (ll_run_get_title (run));
  self->source = g_strdup (ll_run_get_source (run));
  ll_run_get_status (run, &self->status);
  error = ll_run_get_error (run);
  if (error != NULL)
    self->error_message = g_strdup (error->message);
  self->history = ll_history_ref (ll_run_get_history (run));

  return self;
}

void
ll_run_snapshot_free (LlRunSnapshot *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->source);
  g_free (self->error_message);
  ll_history_unref (self->history);
  g_free (self);
}

/* The numbers of a record, in the file's order: each field a number, a
 * flag (0 or 1), or an event or a sample in its own order. Writing and
 * reading walk the same tables. */
typedef enum
{
  FIELD_NUMBER,
  FIELD_FLAG,
  FIELD_EVENT,
  FIELD_SAMPLE,
} FieldType;

typedef struct
{
  FieldType type;
  gsize     offset;
} Field;

#define NUMBER(type, member) { FIELD_NUMBER, G_STRUCT_OFFSET (type, member) }

static const Field event_fields[] = {
  NUMBER (LlEvent, length),
  NUMBER (LlEvent, old_capacity),
  NUMBER (LlEvent, new_capacity),
  NUMBER (LlEvent, old_bytes),
  NUMBER (LlEvent, new_bytes),
  NUMBER (LlEvent, bytes_added),
  { FIELD_FLAG, G_STRUCT_OFFSET (LlEvent, moved) },
  NUMBER (LlEvent, bytes_copied),
  NUMBER (LlEvent, realloc_ns),
  NUMBER (LlEvent, elapsed_ns),
  NUMBER (LlEvent, available_bytes),
};

static const Field sample_fields[] = {
  NUMBER (LlSample, elapsed_ns),
  NUMBER (LlSample, length),
  NUMBER (LlSample, capacity),
  NUMBER (LlSample, container_bytes),
  NUMBER (LlSample, objects_bytes),
  NUMBER (LlSample, rss_bytes),
  NUMBER (LlSample, available_bytes),
};

static const Field event_bucket_fields[] = {
  NUMBER (LlEventBucket, count),
  NUMBER (LlEventBucket, n_moved),
  NUMBER (LlEventBucket, n_copied),
  NUMBER (LlEventBucket, min_bytes_added),
  NUMBER (LlEventBucket, max_bytes_added),
  NUMBER (LlEventBucket, min_realloc_ns),
  NUMBER (LlEventBucket, max_realloc_ns),
  NUMBER (LlEventBucket, realloc_ns),
  { FIELD_EVENT, G_STRUCT_OFFSET (LlEventBucket, first) },
  { FIELD_EVENT, G_STRUCT_OFFSET (LlEventBucket, last) },
};

static const Field sample_bucket_fields[] = {
  NUMBER (LlSampleBucket, count),
  NUMBER (LlSampleBucket, min_available_bytes),
  NUMBER (LlSampleBucket, max_available_bytes),
  NUMBER (LlSampleBucket, min_rss_bytes),
  NUMBER (LlSampleBucket, max_rss_bytes),
  { FIELD_SAMPLE, G_STRUCT_OFFSET (LlSampleBucket, first) },
  { FIELD_SAMPLE, G_STRUCT_OFFSET (LlSampleBucket, last) },
};

static const Field counter_fields[] = {
  NUMBER (LlHistoryCounters, n_events),
  NUMBER (LlHistoryCounters, n_moved),
  NUMBER (LlHistoryCounters, bytes_copied),
  NUMBER (LlHistoryCounters, total_realloc_ns),
  { FIELD_EVENT, G_STRUCT_OFFSET (LlHistoryCounters, slowest) },
  { FIELD_EVENT, G_STRUCT_OFFSET (LlHistoryCounters, last_event) },
  NUMBER (LlHistoryCounters, n_samples),
  { FIELD_SAMPLE, G_STRUCT_OFFSET (LlHistoryCounters, first_sample) },
  { FIELD_SAMPLE, G_STRUCT_OFFSET (LlHistoryCounters, last_sample) },
  NUMBER (LlHistoryCounters, start_length),
  NUMBER (LlHistoryCounters, start_capacity),
  NUMBER (LlHistoryCounters, end_length),
  NUMBER (LlHistoryCounters, end_capacity),
  NUMBER (LlHistoryCounters, blocks_allocated),
  NUMBER (LlHistoryCounters, peak_blocks),
  NUMBER (LlHistoryCounters, peak_length),
};

#undef NUMBER

G_STATIC_ASSERT (G_N_ELEMENTS (event_fields) == EVENT_VALUES);
G_STATIC_ASSERT (G_N_ELEMENTS (sample_fields) == SAMPLE_VALUES);
G_STATIC_ASSERT (G_N_ELEMENTS (event_bucket_fields) == 8 + 2);
G_STATIC_ASSERT (G_N_ELEMENTS (sample_bucket_fields) == 5 + 2);

#define FIELDS(table) table, G_N_ELEMENTS (table)

/* Copies @record's fields to @numbers (@write) or back; returns the number
 * after the last. */
static guint64 *
copy_fields (guint64     *numbers,
             gpointer     record,
             const Field *fields,
             gsize        n_fields,
             gboolean     write)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      gpointer field = (char *) record + fields[i].offset;

      switch (fields[i].type)
        {
        case FIELD_NUMBER:
          if (write)
            *numbers = *(guint64 *) field;
          else
            *(guint64 *) field = *numbers;
          numbers++;
          break;
        case FIELD_FLAG:
          if (write)
            *numbers = *(gboolean *) field != FALSE;
          else
            *(gboolean *) field = *numbers != 0;
          numbers++;
          break;
        case FIELD_EVENT:
          numbers = copy_fields (numbers, field, FIELDS (event_fields), write);
          break;
        case FIELD_SAMPLE:
          numbers = copy_fields (numbers, field, FIELDS (sample_fields), write);
          break;
        }
    }
  return numbers;
}

/* Writes @record's numbers at @out; returns the end. */
static guint64 *
put_fields (guint64       *out,
            gconstpointer  record,
            const Field   *fields,
            gsize          n_fields)
{
  return copy_fields (out, (gpointer) record, fields, n_fields, TRUE);
}

/* Reads @record's numbers from @in; returns what follows. */
static const guint64 *
get_fields (const guint64 *in,
            gpointer       record,
            const Field   *fields,
            gsize          n_fields)
{
  return copy_fields ((guint64 *) in, record, fields, n_fields, FALSE);
}

/* The file is little-endian: @file in the file's order from the machine's,
 * or back (swapping is its own inverse). Takes @file. */
static GVariant *
swap_file_order (GVariant *file)
{
#if G_BYTE_ORDER == G_BIG_ENDIAN
  GVariant *swapped = g_variant_byteswap (file);

  g_variant_unref (file);
  return swapped;
#else
  return file;
#endif
}

/* Writing ------------------------------------------------------------------ */

static GVariant *
numbers (const guint64 *values,
         gsize          n)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_UINT64, values, n, sizeof (guint64));
}

/* @n buckets of @size bytes, @per_item numbers each by @fields. */
static GVariant *
bucket_numbers (gconstpointer  buckets,
                gsize          n,
                gsize          size,
                gsize          per_item,
                const Field   *fields,
                gsize          n_fields)
{
  g_autofree guint64 *values = g_new (guint64, MAX (n, 1) * per_item);
  guint64 *out = values;

  for (gsize i = 0; i < n; i++)
    out = put_fields (out, (const char *) buckets + i * size, fields, n_fields);

  return numbers (values, n * per_item);
}

static GVariant *
counter_values (const LlHistoryCounters *c)
{
  guint64 values[COUNTER_FIELDS];
  G_GNUC_UNUSED guint64 *out = put_fields (values, c, FIELDS (counter_fields));

  g_assert (out == values + COUNTER_FIELDS);
  return numbers (values, COUNTER_FIELDS);
}

static const char *
target_kind_name (LlTargetKind kind)
{
  switch (kind)
    {
    case LL_TARGET_TOTAL_BYTES:
      return "total";
    case LL_TARGET_ELEMENTS:
      return "elements";
    case LL_TARGET_CONTAINER_BYTES:
    default:
      return "container";
    }
}

static const char * const kind_names[] = { "real", "simulated", "interpreter" };

static GVariant *
run_dict (const LlRunSnapshot *snapshot)
{
  const LlRunConfig *config = &snapshot->config;
  const LlEngineStatus *status = &snapshot->status;
  g_autoptr(LlHistoryView) view = ll_history_view_new ();
  const LlEventBucket *events;
  const LlSampleBucket *samples;
  const LlHistoryCounters *counters;
  gsize n_events, n_samples;
  GVariantDict dict;

  ll_history_view_update (view, snapshot->history);
  events = ll_history_view_get_events (view, &n_events);
  samples = ll_history_view_get_samples (view, &n_samples);
  counters = ll_history_view_get_counters (view);

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "kind", "s", kind_names[snapshot->kind]);
  if (snapshot->title != NULL)
    g_variant_dict_insert (&dict, "title", "s", snapshot->title);
  if (snapshot->source != NULL)
    g_variant_dict_insert (&dict, "source", "s", snapshot->source);

  g_variant_dict_insert (&dict, "policy", "s", ll_policy_get_info (config->policy.kind)->name);
  g_variant_dict_insert (&dict, "increment", "t", config->policy.increment);
  g_variant_dict_insert (&dict, "factor", "d", config->policy.factor);
  g_variant_dict_insert (&dict, "constant", "t", config->policy.constant);
  g_variant_dict_insert (&dict, "round", "t", config->policy.round);
  g_variant_dict_insert (&dict, "mechanism", "s", ll_mechanism_to_string (config->mechanism));
  g_variant_dict_insert (&dict, "element", "s", ll_element_get_info (config->element)->name);
  g_variant_dict_insert (&dict, "initial-length", "t", config->initial_length);
  g_variant_dict_insert (&dict, "batch", "t", config->batch);
  g_variant_dict_insert (&dict, "target-kind", "s", target_kind_name (config->target_kind));
  g_variant_dict_insert (&dict, "target", "t", config->target);
  g_variant_dict_insert (&dict, "target-units", "s", config->target_units == LL_UNITS_SI ? "si" : "iec");
  g_variant_dict_insert (&dict, "reserve", "t", config->reserve_bytes);
  g_variant_dict_insert (&dict, "sample-hz", "u", config->sample_hz);
  g_variant_dict_insert (&dict, "huge-pages", "b", config->huge_pages);

  g_variant_dict_insert (&dict, "stop-reason", "s", ll_stop_reason_to_string (status->stop_reason));
  if (snapshot->error_message != NULL)
    g_variant_dict_insert (&dict, "error", "s", snapshot->error_message);
  g_variant_dict_insert (&dict, "length", "t", status->length);
  g_variant_dict_insert (&dict, "capacity", "t", status->capacity);
  g_variant_dict_insert (&dict, "container-bytes", "t", status->container_bytes);
  g_variant_dict_insert (&dict, "objects-bytes", "t", status->objects_bytes);
  g_variant_dict_insert (&dict, "elapsed-ns", "t", status->elapsed_ns);
  g_variant_dict_insert (&dict, "start-available-bytes", "t", status->start_available_bytes);
  g_variant_dict_insert (&dict, "limit-bytes", "t", status->limit_bytes);
  g_variant_dict_insert (&dict, "reserve-bytes", "t", status->reserve_bytes);

  g_variant_dict_insert_value (&dict, "counters", counter_values (counters));
  g_variant_dict_insert (&dict, "slack-sum", "d", counters->slack_sum);
  g_variant_dict_insert (&dict, "event-width", "t", ll_history_get_event_width (snapshot->history));
  g_variant_dict_insert_value (&dict, "events",
                               bucket_numbers (events, n_events, sizeof *events,
                                               EVENT_FIELDS, FIELDS (event_bucket_fields)));
  g_variant_dict_insert (&dict, "sample-width", "t", ll_history_get_sample_width (snapshot->history));
  g_variant_dict_insert_value (&dict, "samples",
                               bucket_numbers (samples, n_samples, sizeof *samples,
                                               SAMPLE_FIELDS, FIELDS (sample_bucket_fields)));

  return g_variant_dict_end (&dict);
}

GBytes *
ll_run_file_serialize (LlRunSnapshot * const *snapshots,
                       guint                 n_snapshots)
{
  g_autoptr(GVariant) file = NULL;
  GVariantBuilder runs;
  GVariantDict top;

  g_return_val_if_fail (snapshots != NULL || n_snapshots == 0, NULL);

  g_variant_builder_init (&runs, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < n_snapshots; i++)
    g_variant_builder_add_value (&runs, run_dict (snapshots[i]));

  g_variant_dict_init (&top, NULL);
  g_variant_dict_insert (&top, "generator", "s", "List Lab " PACKAGE_VERSION);
  g_variant_dict_insert_value (&top, "runs", g_variant_builder_end (&runs));

  file = g_variant_ref_sink (g_variant_new ("(su@a{sv})", FILE_NAME, (guint32) LL_RUN_FILE_VERSION,
                                            g_variant_dict_end (&top)));
  file = swap_file_order (file);

  return g_variant_get_data_as_bytes (file);
}

gboolean
ll_run_file_write (LlRunSnapshot * const *snapshots,
                   guint                 n_snapshots,
                   const char           *path,
                   GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LlOutput) output = NULL;
  gsize length;
  const void *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = ll_run_file_serialize (snapshots, n_snapshots);
  data = g_bytes_get_data (bytes, &length);

  output = ll_output_open (path, error);
  if (output == NULL)
    return FALSE;
  return ll_output_write (output, data, length, error) &&
         ll_output_commit (output, error);
}

/* Reading ------------------------------------------------------------------ */

static gboolean G_GNUC_PRINTF (3, 4)
corrupt (GError    **error,
         guint       run,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: %u counts the runs in a file from 1; %s says what is wrong */
  g_set_error (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_CORRUPT,
               _("The file is damaged: run %u %s"), run, what);
  return FALSE;
}

static gboolean
lookup (GVariantDict *dict,
        guint         run,
        const char   *key,
        const char   *type,
        gpointer      value,
        GError      **error)
{
  if (g_variant_dict_lookup (dict, key, type, value))
    return TRUE;
  /* Translators: the end of "The file is damaged: run %u …"; %s is a
   * field's name, as "policy" */
  return corrupt (error, run, _("has no “%s”"), key);
}

/* @key's numbers, @per_item a bucket; they stay valid while @dict holds
 * its value. */
static gboolean
lookup_numbers (GVariantDict   *dict,
                guint           run,
                const char     *key,
                gsize           per_item,
                const guint64 **numbers,
                gsize          *n_items,
                GError        **error)
{
  g_autoptr(GVariant) value = g_variant_dict_lookup_value (dict, key, G_VARIANT_TYPE ("at"));
  gsize n = 0;

  if (value == NULL)
    return corrupt (error, run, _("has no “%s”"), key);
  *numbers = g_variant_get_fixed_array (value, &n, sizeof (guint64));
  if (n % per_item != 0 || n / per_item > MAX_BUCKETS)
    /* Translators: the end of "The file is damaged: run %u …" */
    return corrupt (error, run, _("has a broken “%s”"), key);
  *n_items = n / per_item;
  return TRUE;
}

static gboolean
is_width (guint64 width)
{
  return width >= 1 && width <= MAX_BUCKETS * MAX_BUCKETS && (width & (width - 1)) == 0;
}

static gboolean
event_is_sane (const LlEvent *e)
{
  return e->length <= e->new_capacity && e->old_capacity <= e->new_capacity;
}

/* @key's buckets of @size bytes, @per_item numbers each by @fields, and
 * their width from @width_key; NULL if either is broken. */
static gpointer
read_buckets (GVariantDict  *dict,
              guint          run,
              const char    *key,
              const char    *width_key,
              gsize          size,
              gsize          per_item,
              const Field   *fields,
              gsize          n_fields,
              gsize         *n_buckets,
              guint64       *width,
              GError       **error)
{
  const guint64 *in;
  char *buckets;
  gsize n;

  if (!lookup (dict, run, width_key, "t", width, error) ||
      !lookup_numbers (dict, run, key, per_item, &in, &n, error))
    return NULL;
  if (!is_width (*width))
    {
      corrupt (error, run, _("has a broken “%s”"), width_key);
      return NULL;
    }

  buckets = g_malloc0_n (MAX (n, 1), size);
  for (gsize i = 0; i < n; i++)
    in = get_fields (in, buckets + i * size, fields, n_fields);
  *n_buckets = n;
  return buckets;
}

/* The buckets a history could have made: full but the last, in order. */
static gboolean
read_events (GVariantDict   *dict,
             guint           run,
             LlEventBucket **buckets,
             gsize          *n_buckets,
             guint64        *width,
             guint64        *total,
             GError        **error)
{
  gsize n;

  *buckets = read_buckets (dict, run, "events", "event-width", sizeof (LlEventBucket),
                           EVENT_FIELDS, FIELDS (event_bucket_fields), n_buckets, width, error);
  if (*buckets == NULL)
    return FALSE;

  n = *n_buckets;
  *total = 0;
  for (gsize i = 0; i < n; i++)
    {
      const LlEventBucket *b = &(*buckets)[i];

      if (b->count == 0 || b->count > *width || (b->count < *width && i + 1 < n) ||
          b->n_moved > b->count || b->n_copied > b->count ||
          b->min_bytes_added > b->max_bytes_added || b->min_realloc_ns > b->max_realloc_ns ||
          !event_is_sane (&b->first) || !event_is_sane (&b->last) ||
          b->first.length > b->last.length || b->first.elapsed_ns > b->last.elapsed_ns ||
          (b->count == 1 && memcmp (&b->first, &b->last, sizeof b->first) != 0) ||
          (i > 0 && (b->first.length < (*buckets)[i - 1].last.length ||
                     b->first.elapsed_ns < (*buckets)[i - 1].last.elapsed_ns)))
        return corrupt (error, run, _("has a broken “%s”"), "events");
      *total += b->count;
    }

  return TRUE;
}

static gboolean
read_samples (GVariantDict    *dict,
              guint            run,
              LlSampleBucket **buckets,
              gsize           *n_buckets,
              guint64         *width,
              guint64         *total,
              GError         **error)
{
  gsize n;

  *buckets = read_buckets (dict, run, "samples", "sample-width", sizeof (LlSampleBucket),
                           SAMPLE_FIELDS, FIELDS (sample_bucket_fields), n_buckets, width, error);
  if (*buckets == NULL)
    return FALSE;

  n = *n_buckets;
  *total = 0;
  for (gsize i = 0; i < n; i++)
    {
      const LlSampleBucket *b = &(*buckets)[i];

      if (b->count == 0 || b->count > *width || (b->count < *width && i + 1 < n) ||
          b->min_available_bytes > b->max_available_bytes || b->min_rss_bytes > b->max_rss_bytes ||
          b->first.elapsed_ns > b->last.elapsed_ns ||
          (i > 0 && b->first.elapsed_ns < (*buckets)[i - 1].last.elapsed_ns))
        return corrupt (error, run, _("has a broken “%s”"), "samples");
      *total += b->count;
    }

  return TRUE;
}

static gboolean
read_counters (GVariantDict      *dict,
               guint              run,
               LlHistoryCounters *c,
               GError           **error)
{
  const guint64 *in;
  gsize n;

  if (!lookup_numbers (dict, run, "counters", COUNTER_FIELDS, &in, &n, error))
    return FALSE;
  if (n != 1)
    return corrupt (error, run, _("has a broken “%s”"), "counters");
  if (!lookup (dict, run, "slack-sum", "d", &c->slack_sum, error))
    return FALSE;

  get_fields (in, c, FIELDS (counter_fields));

  if (c->n_moved > c->n_events || !(c->slack_sum >= 0.0) || c->start_length > c->start_capacity)
    return corrupt (error, run, _("has a broken “%s”"), "counters");
  return TRUE;
}

static gboolean
read_config (GVariantDict *dict,
             guint         run,
             LlRunConfig  *config,
             GError      **error)
{
  const char *policy, *mechanism, *element, *target_kind, *units;
  g_autoptr(GError) local_error = NULL;

  ll_run_config_init (config);
  if (!lookup (dict, run, "policy", "&s", &policy, error) ||
      !lookup (dict, run, "increment", "t", &config->policy.increment, error) ||
      !lookup (dict, run, "factor", "d", &config->policy.factor, error) ||
      !lookup (dict, run, "constant", "t", &config->policy.constant, error) ||
      !lookup (dict, run, "round", "t", &config->policy.round, error) ||
      !lookup (dict, run, "mechanism", "&s", &mechanism, error) ||
      !lookup (dict, run, "element", "&s", &element, error) ||
      !lookup (dict, run, "initial-length", "t", &config->initial_length, error) ||
      !lookup (dict, run, "batch", "t", &config->batch, error) ||
      !lookup (dict, run, "target-kind", "&s", &target_kind, error) ||
      !lookup (dict, run, "target", "t", &config->target, error) ||
      !lookup (dict, run, "target-units", "&s", &units, error) ||
      !lookup (dict, run, "reserve", "t", &config->reserve_bytes, error) ||
      !lookup (dict, run, "sample-hz", "u", &config->sample_hz, error) ||
      !lookup (dict, run, "huge-pages", "b", &config->huge_pages, error))
    return FALSE;

  if (!ll_policy_kind_from_name (policy, &config->policy.kind, &local_error) ||
      !ll_mechanism_from_string (mechanism, &config->mechanism, &local_error) ||
      !ll_element_from_name (element, &config->element, &local_error))
    /* Translators: the end of "The file is damaged: run %u …"; %s says
     * what is unknown */
    return corrupt (error, run, _("has settings this List Lab does not know: %s"), local_error->message);

  if (g_str_equal (target_kind, "container"))
    config->target_kind = LL_TARGET_CONTAINER_BYTES;
  else if (g_str_equal (target_kind, "total"))
    config->target_kind = LL_TARGET_TOTAL_BYTES;
  else if (g_str_equal (target_kind, "elements"))
    config->target_kind = LL_TARGET_ELEMENTS;
  else
    return corrupt (error, run, _("has a broken “%s”"), "target-kind");
  if (g_str_equal (units, "si"))
    config->target_units = LL_UNITS_SI;
  else if (g_str_equal (units, "iec"))
    config->target_units = LL_UNITS_IEC;
  else
    return corrupt (error, run, _("has a broken “%s”"), "target-units");

  if (!ll_run_config_validate (config, &local_error))
    return corrupt (error, run, _("has settings this List Lab does not know: %s"), local_error->message);
  return TRUE;
}

static gboolean
read_status (GVariantDict   *dict,
             guint           run,
             LlEngineStatus *status,
             GError        **error)
{
  static const LlStopReason reasons[] = {
    LL_STOP_TARGET, LL_STOP_CANCELLED, LL_STOP_RESERVE, LL_STOP_NO_MEMORY, LL_STOP_FAILED, LL_STOP_NONE,
  };
  const char *reason;
  guint i;

  memset (status, 0, sizeof *status);
  if (!lookup (dict, run, "stop-reason", "&s", &reason, error) ||
      !lookup (dict, run, "length", "t", &status->length, error) ||
      !lookup (dict, run, "capacity", "t", &status->capacity, error) ||
      !lookup (dict, run, "container-bytes", "t", &status->container_bytes, error) ||
      !lookup (dict, run, "objects-bytes", "t", &status->objects_bytes, error) ||
      !lookup (dict, run, "elapsed-ns", "t", &status->elapsed_ns, error) ||
      !lookup (dict, run, "start-available-bytes", "t", &status->start_available_bytes, error) ||
      !lookup (dict, run, "limit-bytes", "t", &status->limit_bytes, error) ||
      !lookup (dict, run, "reserve-bytes", "t", &status->reserve_bytes, error))
    return FALSE;

  for (i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reason, ll_stop_reason_to_string (reasons[i])))
      break;
  if (i == G_N_ELEMENTS (reasons) || status->length > status->capacity)
    return corrupt (error, run, _("has a broken “%s”"), "stop-reason");
  status->stop_reason = reasons[i];
  return TRUE;
}

static LlRun *
read_run (GVariant *value,
          guint     run,
          GError  **error)
{
  g_autofree LlEventBucket *events = NULL;
  g_autofree LlSampleBucket *samples = NULL;
  g_autoptr(LlHistory) history = NULL;
  g_autoptr(GError) local_error = NULL;
  LlHistoryCounters counters = { 0 };
  LlRunConfig config;
  LlEngineStatus status;
  GVariantDict dict;
  const char *kind, *title = NULL, *message = NULL, *source = NULL;
  guint k;
  gsize n_events = 0, n_samples = 0;
  guint64 events_width = 1, samples_width = 1, total_events = 0, total_samples = 0;
  LlRun *result = NULL;

  g_variant_dict_init (&dict, value);
  if (!lookup (&dict, run, "kind", "&s", &kind, error))
    goto out;
  for (k = 0; k < G_N_ELEMENTS (kind_names); k++)
    if (g_str_equal (kind, kind_names[k]))
      break;
  if (k == G_N_ELEMENTS (kind_names))
    {
      corrupt (error, run, _("has a broken “%s”"), "kind");
      goto out;
    }
  g_variant_dict_lookup (&dict, "title", "&s", &title);
  g_variant_dict_lookup (&dict, "source", "&s", &source);
  g_variant_dict_lookup (&dict, "error", "&s", &message);

  if (!read_config (&dict, run, &config, error) ||
      !read_status (&dict, run, &status, error) ||
      !read_counters (&dict, run, &counters, error) ||
      !read_events (&dict, run, &events, &n_events, &events_width, &total_events, error) ||
      !read_samples (&dict, run, &samples, &n_samples, &samples_width, &total_samples, error))
    goto out;
  if (total_events != counters.n_events || total_samples != counters.n_samples ||
      (events_width > 1 && n_events < 2) || (samples_width > 1 && n_samples < 2))
    {
      corrupt (error, run, _("has a broken “%s”"), "counters");
      goto out;
    }

  history = ll_history_new_restored (events, n_events, events_width,
                                     samples, n_samples, samples_width, &counters);
  result = ll_run_new_saved ((LlRunKind) k, &config, NULL, history, &status, message, &local_error);
  if (result != NULL)
    {
      /* The source names the run; a title the user gave names it above all. */
      if (source != NULL && k == LL_RUN_INTERPRETER)
        ll_run_set_source (result, source);
      if (title != NULL)
        ll_run_set_title (result, title);
    }
  if (result == NULL)
    corrupt (error, run, _("has settings this List Lab does not know: %s"), local_error->message);

out:
  g_variant_dict_clear (&dict);
  return result;
}

/* Whether @data begins as a List Lab file does: its name first. */
static gboolean
has_file_name (const void *data,
               gsize       length)
{
  return length >= sizeof FILE_NAME && memcmp (data, FILE_NAME, sizeof FILE_NAME) == 0;
}

GPtrArray *
ll_run_file_parse (const void  *data,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) file = NULL;
  g_autoptr(GVariant) top = NULL;
  g_autoptr(GVariant) runs = NULL;
  g_autoptr(GPtrArray) result = NULL;
  const char *name;
  guint32 version;
  gsize n_runs;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!has_file_name (data, length))
    {
      g_set_error_literal (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_NOT_RUNS,
                           _("This is not a file of List Lab runs"));
      return NULL;
    }
  if (length > LL_RUN_FILE_MAX_BYTES)
    {
      g_set_error_literal (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_TOO_LARGE,
                           _("The file is larger than any List Lab writes"));
      return NULL;
    }

  /* Read in place: nothing read keeps the data (GVariant copies it only
   * when it is not aligned). */
  bytes = g_bytes_new_static (data, length);
  file = swap_file_order (g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (FILE_TYPE), bytes, FALSE)));

  /* The version first: a newer file may be laid out otherwise. */
  g_variant_get (file, "(&su@a{sv})", &name, &version, &top);
  if (g_str_equal (name, FILE_NAME) && version > LL_RUN_FILE_VERSION)
    {
      g_set_error (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_VERSION,
                   _("The file was saved by a newer List Lab (format %u); this one reads format %u and older"),
                   version, LL_RUN_FILE_VERSION);
      return NULL;
    }
  if (!g_str_equal (name, FILE_NAME) || version == 0 || !g_variant_is_normal_form (file))
    {
      g_set_error_literal (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_CORRUPT,
                           _("The file is damaged or cut short"));
      return NULL;
    }

  runs = g_variant_lookup_value (top, "runs", G_VARIANT_TYPE ("aa{sv}"));
  n_runs = runs != NULL ? g_variant_n_children (runs) : 0;
  if (n_runs == 0 || n_runs > LL_RUN_FILE_MAX_RUNS)
    {
      g_set_error (error, LL_RUN_FILE_ERROR, n_runs == 0 ? LL_RUN_FILE_ERROR_CORRUPT : LL_RUN_FILE_ERROR_TOO_LARGE,
                   n_runs == 0 ? _("The file holds no run") : _("The file holds more than %u runs"),
                   LL_RUN_FILE_MAX_RUNS);
      return NULL;
    }

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (gsize i = 0; i < n_runs; i++)
    {
      g_autoptr(GVariant) value = g_variant_get_child_value (runs, i);
      LlRun *run = read_run (value, (guint) i + 1, error);

      if (run == NULL)
        return NULL;
      g_ptr_array_add (result, run);
    }

  return g_steal_pointer (&result);
}

/* The file's bytes, NUL-terminated; refused once they pass @max, as a
 * file that grows, or a pipe that never ends, would. */
static char *
read_at_most (GFile         *file,
              guint64        max,
              gsize         *length,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GByteArray) bytes = NULL;
  guint8 chunk[64 * 1024];

  if (stream == NULL)
    return NULL;
  bytes = g_byte_array_new ();
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (bytes->len + (guint64) n > max)
        {
          g_set_error_literal (error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_TOO_LARGE,
                               _("The file is larger than any List Lab writes"));
          return NULL;
        }
      g_byte_array_append (bytes, chunk, (guint) n);
    }
  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

GPtrArray *
ll_run_file_read (const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *shown = NULL;
  GPtrArray *runs;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  shown = g_filename_display_name (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("It is a folder"));
  /* A device (/dev/zero, a disk) holds no runs; a pipe may. */
  else if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL &&
           !S_ISFIFO (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE)))
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("It is not a file"));
  else if (info != NULL && (guint64) g_file_info_get_size (info) > LL_RUN_FILE_MAX_BYTES)
    g_set_error_literal (&local_error, LL_RUN_FILE_ERROR, LL_RUN_FILE_ERROR_TOO_LARGE,
                         _("The file is larger than any List Lab writes"));
  if (local_error == NULL)
    contents = read_at_most (file, LL_RUN_FILE_MAX_BYTES, &length, cancellable, &local_error);
  if (local_error != NULL)
    {
      const char *why = local_error->message;

      /* GIO's own messages name the file again. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        why = _("No such file");
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        why = _("Permission denied");
      /* Translators: %s is a file name, the second %s why it cannot be opened */
      g_set_error (error, local_error->domain, local_error->code, _("Cannot open “%s”: %s"),
                   shown, why);
      return NULL;
    }

  runs = ll_run_file_parse (contents, length, &local_error);
  if (runs == NULL)
    g_set_error (error, local_error->domain, local_error->code, _("Cannot open “%s”: %s"),
                 shown, local_error->message);
  return runs;
}
