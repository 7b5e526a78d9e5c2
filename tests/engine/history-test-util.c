/* history-test-util.c — what the tests of the history and of its views
 * share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "history-test-util.h"

guint64
mix (guint64 x)
{
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

void
make_event (guint64  i,
            LlEvent *e)
{
  guint64 r = mix (i);

  memset (e, 0, sizeof *e);
  e->length = i + 1;
  e->old_capacity = i;
  e->new_capacity = i + 1 + (r & 7);
  e->old_bytes = 56 + 8 * e->old_capacity;
  e->new_bytes = 56 + 8 * e->new_capacity;
  e->bytes_added = 100 + (r >> 8) % 100000;
  e->moved = (r >> 40) & 1;
  e->bytes_copied = e->moved ? (r >> 20) % 65536 : 0;
  e->realloc_ns = (r >> 32) % 1000000;
  e->elapsed_ns = i * 37;
  e->available_bytes = (G_GUINT64_CONSTANT (16) << 30) - i * 4096;

  /* Unique extremes at known places. */
  if (i == MIN_ADDED_AT)
    e->bytes_added = 3;
  if (i == MAX_ADDED_AT)
    e->bytes_added = G_GUINT64_CONSTANT (1) << 40;
  /* Two equally slow events: the first one is "the slowest". */
  if (i == SLOWEST_AT || i == SLOWEST_TOO_AT)
    e->realloc_ns = 5000000000u;
}

void
make_sample (guint64   i,
             LlSample *s)
{
  guint64 r = mix (i ^ 0xabcdef);

  memset (s, 0, sizeof *s);
  s->elapsed_ns = i * 50000000;
  s->length = i * 1000;
  s->capacity = i * 1100;
  s->container_bytes = 56 + 8 * s->capacity;
  s->objects_bytes = 32 * s->length;
  s->rss_bytes = (G_GUINT64_CONSTANT (1) << 30) + (r % 100000) * 4096;
  s->available_bytes = (G_GUINT64_CONSTANT (20) << 30) - (r >> 20) % (1u << 30);
}

gboolean
event_equal (const LlEvent *a,
             const LlEvent *b)
{
  return a->length == b->length &&
         a->old_capacity == b->old_capacity &&
         a->new_capacity == b->new_capacity &&
         a->old_bytes == b->old_bytes &&
         a->new_bytes == b->new_bytes &&
         a->bytes_added == b->bytes_added &&
         a->moved == b->moved &&
         a->bytes_copied == b->bytes_copied &&
         a->realloc_ns == b->realloc_ns &&
         a->elapsed_ns == b->elapsed_ns &&
         a->available_bytes == b->available_bytes;
}

gboolean
sample_equal (const LlSample *a,
              const LlSample *b)
{
  return a->elapsed_ns == b->elapsed_ns &&
         a->length == b->length &&
         a->capacity == b->capacity &&
         a->container_bytes == b->container_bytes &&
         a->objects_bytes == b->objects_bytes &&
         a->rss_bytes == b->rss_bytes &&
         a->available_bytes == b->available_bytes;
}

gboolean
event_bucket_equal (const LlEventBucket *a,
                    const LlEventBucket *b)
{
  return event_equal (&a->first, &b->first) &&
         event_equal (&a->last, &b->last) &&
         a->count == b->count &&
         a->n_moved == b->n_moved &&
         a->n_copied == b->n_copied &&
         a->min_bytes_added == b->min_bytes_added &&
         a->max_bytes_added == b->max_bytes_added &&
         a->min_realloc_ns == b->min_realloc_ns &&
         a->max_realloc_ns == b->max_realloc_ns &&
         a->realloc_ns == b->realloc_ns;
}

gboolean
sample_bucket_equal (const LlSampleBucket *a,
                     const LlSampleBucket *b)
{
  return sample_equal (&a->first, &b->first) &&
         sample_equal (&a->last, &b->last) &&
         a->count == b->count &&
         a->min_available_bytes == b->min_available_bytes &&
         a->max_available_bytes == b->max_available_bytes &&
         a->min_rss_bytes == b->min_rss_bytes &&
         a->max_rss_bytes == b->max_rss_bytes;
}

gboolean
counters_equal (const LlHistoryCounters *a,
                const LlHistoryCounters *b)
{
  if (a->n_events != b->n_events || a->n_moved != b->n_moved ||
      a->bytes_copied != b->bytes_copied || a->total_realloc_ns != b->total_realloc_ns ||
      a->n_samples != b->n_samples)
    return FALSE;

  if (a->n_events > 0 &&
      (!event_equal (&a->slowest, &b->slowest) || !event_equal (&a->last_event, &b->last_event)))
    return FALSE;

  if (a->n_samples > 0 &&
      (!sample_equal (&a->first_sample, &b->first_sample) ||
       !sample_equal (&a->last_sample, &b->last_sample)))
    return FALSE;

  return TRUE;
}

void
assert_views_equal (const LlHistoryView *a,
                    const LlHistoryView *b)
{
  const LlEventBucket *ea, *eb;
  const LlSampleBucket *sa, *sb;
  gsize na, nb, i;

  ea = ll_history_view_get_events (a, &na);
  eb = ll_history_view_get_events (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (i = 0; i < na; i++)
    g_assert_true (event_bucket_equal (&ea[i], &eb[i]));

  sa = ll_history_view_get_samples (a, &na);
  sb = ll_history_view_get_samples (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (i = 0; i < na; i++)
    g_assert_true (sample_bucket_equal (&sa[i], &sb[i]));

  g_assert_true (counters_equal (ll_history_view_get_counters (a),
                                 ll_history_view_get_counters (b)));

  /* The joined buckets too, however the views came to be. */
  ea = ll_history_view_get_coarse_events (a, &na);
  eb = ll_history_view_get_coarse_events (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (i = 0; i < na; i++)
    g_assert_true (event_bucket_equal (&ea[i], &eb[i]));
  sa = ll_history_view_get_coarse_samples (a, &na);
  sb = ll_history_view_get_coarse_samples (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (i = 0; i < na; i++)
    g_assert_true (sample_bucket_equal (&sa[i], &sb[i]));
}

/* Each joined bucket holds its LL_HISTORY_COARSE buckets' first and last,
 * their counts summed and their extremes. */
void
assert_coarse_joins (const LlHistoryView *view)
{
  gsize n, n_coarse;
  const LlEventBucket *fine = ll_history_view_get_events (view, &n);
  const LlEventBucket *coarse = ll_history_view_get_coarse_events (view, &n_coarse);
  const LlSampleBucket *fine_s;
  const LlSampleBucket *coarse_s;

  g_assert_cmpuint (n_coarse, ==, (n + LL_HISTORY_COARSE - 1) / LL_HISTORY_COARSE);
  for (gsize c = 0; c < n_coarse; c++)
    {
      gsize from = c * LL_HISTORY_COARSE, to = MIN (from + LL_HISTORY_COARSE, n);
      guint64 count = 0, moved = 0, max_added = 0, min_ns = G_MAXUINT64, ns = 0;

      for (gsize i = from; i < to; i++)
        {
          count += fine[i].count;
          moved += fine[i].n_moved;
          max_added = MAX (max_added, fine[i].max_bytes_added);
          min_ns = MIN (min_ns, fine[i].min_realloc_ns);
          ns += fine[i].realloc_ns;
        }
      g_assert_true (memcmp (&coarse[c].first, &fine[from].first, sizeof (LlEvent)) == 0);
      g_assert_true (memcmp (&coarse[c].last, &fine[to - 1].last, sizeof (LlEvent)) == 0);
      g_assert_cmpuint (coarse[c].count, ==, count);
      g_assert_cmpuint (coarse[c].n_moved, ==, moved);
      g_assert_cmpuint (coarse[c].max_bytes_added, ==, max_added);
      g_assert_cmpuint (coarse[c].min_realloc_ns, ==, min_ns);
      g_assert_cmpuint (coarse[c].realloc_ns, ==, ns);
    }

  fine_s = ll_history_view_get_samples (view, &n);
  coarse_s = ll_history_view_get_coarse_samples (view, &n_coarse);
  g_assert_cmpuint (n_coarse, ==, (n + LL_HISTORY_COARSE - 1) / LL_HISTORY_COARSE);
  for (gsize c = 0; c < n_coarse; c++)
    {
      gsize from = c * LL_HISTORY_COARSE, to = MIN (from + LL_HISTORY_COARSE, n);
      guint64 count = 0, min_available = G_MAXUINT64;

      for (gsize i = from; i < to; i++)
        {
          count += fine_s[i].count;
          min_available = MIN (min_available, fine_s[i].min_available_bytes);
        }
      g_assert_cmpuint (coarse_s[c].count, ==, count);
      g_assert_cmpuint (coarse_s[c].min_available_bytes, ==, min_available);
      g_assert_cmpuint (coarse_s[c].last.elapsed_ns, ==, fine_s[to - 1].last.elapsed_ns);
    }
}

/* Pushes events [from, to) in batches of @batch. */
void
push_event_range (LlHistory *history,
                  guint64    from,
                  guint64    to,
                  gsize      batch)
{
  g_autofree LlEvent *events = g_new (LlEvent, batch);

  while (from < to)
    {
      gsize n = MIN (batch, to - from);
      gsize i;

      for (i = 0; i < n; i++)
        make_event (from + i, &events[i]);
      ll_history_push_events (history, events, n);
      from += n;
    }
}

void
push_sample_range (LlHistory *history,
                   guint64    from,
                   guint64    to,
                   gsize      batch)
{
  g_autofree LlSample *samples = g_new (LlSample, batch);

  while (from < to)
    {
      gsize n = MIN (batch, to - from);
      gsize i;

      for (i = 0; i < n; i++)
        make_sample (from + i, &samples[i]);
      ll_history_push_samples (history, samples, n);
      from += n;
    }
}
