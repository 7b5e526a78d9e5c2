/* test-mem.c — the memory probe: meminfo, cgroup v1/v2 limits, spare, reserve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "engine-test.h"
#include "test-folder.h"
#include "ll-mem.h"
#include "ll-mem-private.h"

#define KiB G_GUINT64_CONSTANT (1024)

static const char meminfo_fixture[] =
  "MemTotal:       24683620 kB\n"
  "MemFree:        24339096 kB\n"
  "MemAvailable:   24344848 kB\n"
  "Buffers:            6940 kB\n"
  "Cached:           180468 kB\n"
  "SwapCached:            0 kB\n"
  "Active:            58136 kB\n"
  "Inactive:         131200 kB\n"
  "Active(anon):       1560 kB\n"
  "Inactive(anon):     9252 kB\n"
  "Active(file):      56576 kB\n"
  "Inactive(file):   121948 kB\n"
  "SReclaimable:      69764 kB\n"
  "HugePages_Total:       0\n"
  "Hugepagesize:       2048 kB\n";

/* A kernel before 3.14: no MemAvailable. */
static const char meminfo_old_kernel[] =
  "MemTotal:        8062260 kB\n"
  "MemFree:         1000000 kB\n"
  "Buffers:          200000 kB\n"
  "Cached:          3000000 kB\n"
  "Active:          2500000 kB\n"
  "Inactive:        2000000 kB\n"
  "Active(anon):    1000000 kB\n"
  "Inactive(anon):   300000 kB\n"
  "Active(file):    1500000 kB\n"
  "Inactive(file):  1700000 kB\n"
  "Slab:             400000 kB\n"
  "SReclaimable:     350000 kB\n"
  "SUnreclaim:        50000 kB\n";

static void
test_meminfo_parse (void)
{
  g_autoptr(GError) error = NULL;
  LlMemInfo info;

  memset (&info, 0xaa, sizeof info);
  g_assert_true (ll_mem_parse_meminfo (meminfo_fixture, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.total_bytes, ==, 24683620 * KiB);
  g_assert_cmpuint (info.available_bytes, ==, 24344848 * KiB);
  g_assert_cmpuint (info.cgroup_limit_bytes, ==, LL_NO_LIMIT);
  g_assert_cmpuint (info.cgroup_usage_bytes, ==, 0);

  /* Order does not matter, a last line without newline is read. */
  g_assert_true (ll_mem_parse_meminfo ("MemAvailable: 5 kB\nActive: 9 kB\nMemTotal: 7 kB",
                                       &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.total_bytes, ==, 7 * KiB);
  g_assert_cmpuint (info.available_bytes, ==, 5 * KiB);

  /* The largest figure that still fits in bytes. */
  g_assert_true (ll_mem_parse_meminfo ("MemTotal: 18014398509481983 kB\n"
                                       "MemAvailable: 0 kB\n",
                                       &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.total_bytes, ==, G_MAXUINT64 / 1024 * 1024);
  g_assert_cmpuint (info.available_bytes, ==, 0);
}

static void
test_meminfo_old_kernel (void)
{
  g_autoptr(GError) error = NULL;
  LlMemInfo info;

  g_assert_true (ll_mem_parse_meminfo (meminfo_old_kernel, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.total_bytes, ==, 8062260 * KiB);
  /* MemFree + Active(file) + Inactive(file) + SReclaimable */
  g_assert_cmpuint (info.available_bytes, ==, (1000000 + 1500000 + 1700000 + 350000) * KiB);
}

static void
test_meminfo_errors (void)
{
  static const struct
  {
    const char *text;
    const char *in_message;
  } cases[] = {
    { "", "MemTotal" },
    { "MemFree: 100 kB\nMemAvailable: 50 kB\n", "MemTotal" },
    { "MemTotal: 100 kB\n", "MemAvailable" },
    { "MemTotal: 100 kB\nActive(file): 5 kB\n", "MemFree" },
    { "MemTotal: lots kB\nMemAvailable: 5 kB\n", "MemTotal: lots kB" },
    { "MemTotal: 100 kB\nMemAvailable: 5\n", "MemAvailable: 5" },
    { "MemTotal: 100 MB\nMemAvailable: 5 kB\n", "MemTotal: 100 MB" },
    { "MemTotal: -100 kB\nMemAvailable: 5 kB\n", "MemTotal: -100 kB" },
    { "MemTotal: 99999999999999999999 kB\nMemAvailable: 5 kB\n", "MemTotal" },
    /* Fits in 64 bits as kB, not as bytes. */
    { "MemTotal: 18014398509481984 kB\nMemAvailable: 5 kB\n", "MemTotal" },
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      LlMemInfo info;

      memset (&info, 0x55, sizeof info);
      g_assert_false (ll_mem_parse_meminfo (cases[i].text, &info, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      if (strstr (error->message, cases[i].in_message) == NULL)
        g_error ("case %" G_GSIZE_FORMAT ": “%s” does not mention “%s”",
                 i, error->message, cases[i].in_message);
      /* Nothing half-written on failure. */
      g_assert_cmpuint (info.total_bytes, ==, G_GUINT64_CONSTANT (0x5555555555555555));
      g_assert_cmpuint (info.available_bytes, ==, G_GUINT64_CONSTANT (0x5555555555555555));
    }
}

/* A scratch cgroup filesystem. */
typedef struct
{
  char *root;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("listlab-cgroup-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_folder (fixture->root);
  g_free (fixture->root);
}

static void
put (Fixture    *fixture,
     const char *dir,
     const char *name,
     const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->root, dir, NULL);
  g_autofree char *file = g_build_filename (path, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  g_file_set_contents (file, contents, -1, &error);
  g_assert_no_error (error);
}

static void
assert_cgroup (Fixture    *fixture,
               const char *proc_self_cgroup,
               guint64     expected_limit,
               guint64     expected_usage)
{
  g_autoptr(GError) error = NULL;
  guint64 limit = 1, usage = 1;

  g_assert_true (ll_mem_read_cgroup (proc_self_cgroup, fixture->root, &limit, &usage, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (limit, ==, expected_limit);
  g_assert_cmpuint (usage, ==, expected_usage);
}

static void
test_cgroup_none (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint64 limit = 1, usage = 1;

  /* No lines, no files, no mount: no limit, and no error. */
  assert_cgroup (fixture, "", LL_NO_LIMIT, 0);
  assert_cgroup (fixture, "0::/user.slice/user-1000.slice/session-2.scope\n", LL_NO_LIMIT, 0);
  assert_cgroup (fixture, "4:memory:/docker/abc\n3:cpu,cpuacct:/\n", LL_NO_LIMIT, 0);
  assert_cgroup (fixture, "not a cgroup file\n\n::\n", LL_NO_LIMIT, 0);

  g_assert_true (ll_mem_read_cgroup ("0::/\n", "/nonexistent/listlab", &limit, &usage, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (limit, ==, LL_NO_LIMIT);
  g_assert_cmpuint (usage, ==, 0);
}

static void
test_cgroup_v2 (Fixture       *fixture,
                gconstpointer  data)
{
  /* A desktop session: the app's scope has no limit, its slice has. */
  put (fixture, "user.slice/app.slice/app-listlab.scope", "memory.max", "max\n");
  put (fixture, "user.slice/app.slice/app-listlab.scope", "memory.current", "1000\n");
  put (fixture, "user.slice/app.slice", "memory.max", "max\n");
  put (fixture, "user.slice/app.slice", "memory.current", "5000\n");
  put (fixture, "user.slice", "memory.max", "4294967296\n");
  put (fixture, "user.slice", "memory.current", "1073741824\n");
  assert_cgroup (fixture, "0::/user.slice/app.slice/app-listlab.scope\n", 4 * GiB, GiB);

  /* The process's own limit, tighter than the parent's. */
  put (fixture, "user.slice/app.slice/app-listlab.scope", "memory.max", "1073741824\n");
  put (fixture, "user.slice/app.slice/app-listlab.scope", "memory.current", "268435456\n");
  assert_cgroup (fixture, "0::/user.slice/app.slice/app-listlab.scope\n", GiB, 256 * MiB);

  /* A larger limit with less room left wins over a smaller, emptier one:
   * what matters is how much can still be allocated. */
  put (fixture, "user.slice/app.slice", "memory.max", "3221225472\n");
  put (fixture, "user.slice/app.slice", "memory.current", "3000000000\n");
  assert_cgroup (fixture, "0::/user.slice/app.slice/app-listlab.scope\n",
                 3 * GiB, 3000000000);

  /* A trailing slash, and no newline at the end. */
  assert_cgroup (fixture, "0::/user.slice/", 4 * GiB, GiB);

  /* Only "max" everywhere. */
  put (fixture, "box", "memory.max", "max");
  put (fixture, "box", "memory.current", "12345");
  assert_cgroup (fixture, "0::/box\n", LL_NO_LIMIT, 0);

  /* A container: its group is the root of its own mount. */
  put (fixture, "", "memory.max", "536870912\n");
  put (fixture, "", "memory.current", "1000\n");
  assert_cgroup (fixture, "0::/\n", 512 * MiB, 1000);
  assert_cgroup (fixture, "0::/box\n", 512 * MiB, 1000);

  /* Usage above the limit (it happens briefly) is reported as it is. */
  put (fixture, "box", "memory.max", "1000000\n");
  put (fixture, "box", "memory.current", "2000000\n");
  assert_cgroup (fixture, "0::/box\n", 1000000, 2000000);

  /* A group outside our namespace is not ours to read. */
  assert_cgroup (fixture, "0::/../../box\n", LL_NO_LIMIT, 0);
}

static void
test_cgroup_v1 (Fixture       *fixture,
                gconstpointer  data)
{
  static const char proc_self_cgroup[] =
    "9:name=systemd:/\n"
    "8:pids:/\n"
    "4:memory:/process_api/d957fb311fddecd404a03cc82552dc5f\n"
    "3:cpuset:/\n"
    "1:cpu:/\n"
    "0::/\n";

  /* v1's "unlimited" is 2^63 - 4096; any value from 2^62 up means none. */
  put (fixture, "memory/process_api/d957fb311fddecd404a03cc82552dc5f",
       "memory.limit_in_bytes", "9223372036854771712\n");
  put (fixture, "memory/process_api/d957fb311fddecd404a03cc82552dc5f",
       "memory.usage_in_bytes", "20000000\n");
  put (fixture, "memory/process_api", "memory.limit_in_bytes", "4611686018427387904\n");
  put (fixture, "memory/process_api", "memory.usage_in_bytes", "30000000\n");
  assert_cgroup (fixture, proc_self_cgroup, LL_NO_LIMIT, 0);

  put (fixture, "memory/process_api", "memory.limit_in_bytes", "4611686018427387903\n");
  assert_cgroup (fixture, proc_self_cgroup, G_GUINT64_CONSTANT (4611686018427387903), 30000000);

  put (fixture, "memory/process_api/d957fb311fddecd404a03cc82552dc5f",
       "memory.limit_in_bytes", "2147483648\n");
  assert_cgroup (fixture, proc_self_cgroup, 2 * GiB, 20000000);

  /* The memory controller may share a hierarchy with others. */
  assert_cgroup (fixture, "5:cpu,memory:/process_api/d957fb311fddecd404a03cc82552dc5f\n",
                 2 * GiB, 20000000);
  /* …but "memoryx" is not "memory". */
  assert_cgroup (fixture, "5:memoryx:/process_api/d957fb311fddecd404a03cc82552dc5f\n",
                 LL_NO_LIMIT, 0);

  /* Missing usage file: counted as nothing used. */
  put (fixture, "memory/other", "memory.limit_in_bytes", "1048576\n");
  assert_cgroup (fixture, "4:memory:/other\n", MiB, 0);

  /* A hybrid system: both kinds of lines; the limit is where the files are. */
  put (fixture, "memory/user.slice", "memory.limit_in_bytes", "8589934592\n");
  put (fixture, "memory/user.slice", "memory.usage_in_bytes", "4294967296\n");
  assert_cgroup (fixture, "0::/user.slice\n4:memory:/user.slice\n", 8 * GiB, 4 * GiB);
}

static void
test_cgroup_bad_value (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const bad[] = { "lots\n", "-1\n", "12 kB\n", "\n", "99999999999999999999\n" };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      guint64 limit = 1, usage = 1;

      put (fixture, "box", "memory.max", bad[i]);
      g_assert_false (ll_mem_read_cgroup ("0::/box\n", fixture->root, &limit, &usage, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "memory.max"));
      g_assert_cmpuint (limit, ==, 1);
      g_assert_cmpuint (usage, ==, 1);
    }

  {
    g_autoptr(GError) error = NULL;
    guint64 limit = 1, usage = 1;

    put (fixture, "box", "memory.max", "1000\n");
    put (fixture, "box", "memory.current", "some\n");
    g_assert_false (ll_mem_read_cgroup ("0::/box\n", fixture->root, &limit, &usage, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_nonnull (strstr (error->message, "memory.current"));
  }
}

static void
test_spare (void)
{
  LlMemInfo info = { 16 * GiB, 8 * GiB, LL_NO_LIMIT, 0 };

  g_assert_cmpuint (ll_mem_info_spare (&info), ==, 8 * GiB);

  /* Usage is ignored without a limit. */
  info.cgroup_usage_bytes = 100 * GiB;
  g_assert_cmpuint (ll_mem_info_spare (&info), ==, 8 * GiB);

  info.cgroup_limit_bytes = 4 * GiB;
  info.cgroup_usage_bytes = GiB;
  g_assert_cmpuint (ll_mem_info_spare (&info), ==, 3 * GiB);

  info.available_bytes = 2 * GiB;
  g_assert_cmpuint (ll_mem_info_spare (&info), ==, 2 * GiB);

  info.cgroup_usage_bytes = 4 * GiB;
  g_assert_cmpuint (ll_mem_info_spare (&info), ==, 0);

  info.cgroup_usage_bytes = 5 * GiB;
  g_assert_cmpuint (ll_mem_info_spare (&info), ==, 0);

  info.available_bytes = 0;
  info.cgroup_limit_bytes = LL_NO_LIMIT;
  g_assert_cmpuint (ll_mem_info_spare (&info), ==, 0);
}

static void
test_default_reserve (void)
{
  LlMemInfo info = { 4 * GiB, 2 * GiB, LL_NO_LIMIT, 0 };

  /* 5 % of 4 GiB is under the floor. */
  g_assert_cmpuint (ll_mem_default_reserve (&info), ==, 512 * MiB);

  /* 5 % of 10 GiB is exactly 512 MiB; 20 KiB more and the percentage
   * wins. */
  info.total_bytes = 10 * GiB;
  g_assert_cmpuint (ll_mem_default_reserve (&info), ==, 512 * MiB);
  info.total_bytes += 20 * KiB;
  g_assert_cmpuint (ll_mem_default_reserve (&info), ==, 512 * MiB + KiB);

  info.total_bytes = 64 * GiB;
  g_assert_cmpuint (ll_mem_default_reserve (&info), ==, G_GUINT64_CONSTANT (3435973836));

  /* A cgroup limit below RAM: 5 % of the limit. */
  info.cgroup_limit_bytes = 16 * GiB;
  info.cgroup_usage_bytes = 20 * GiB;
  g_assert_cmpuint (ll_mem_default_reserve (&info), ==, G_GUINT64_CONSTANT (858993459));

  /* A limit above RAM changes nothing. */
  info.cgroup_limit_bytes = 128 * GiB;
  g_assert_cmpuint (ll_mem_default_reserve (&info), ==, G_GUINT64_CONSTANT (3435973836));

  /* A small limit: the floor. */
  info.cgroup_limit_bytes = GiB;
  g_assert_cmpuint (ll_mem_default_reserve (&info), ==, 512 * MiB);

  info.total_bytes = 0;
  info.cgroup_limit_bytes = LL_NO_LIMIT;
  g_assert_cmpuint (ll_mem_default_reserve (&info), ==, 512 * MiB);
}

static void
test_read_system (void)
{
  g_autoptr(GError) error = NULL;
  LlMemInfo info;
  LlMemInfo again;

  memset (&info, 0, sizeof info);
  g_assert_true (ll_mem_read_system (&info, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (info.total_bytes, >, 64 * MiB);
  g_assert_cmpuint (info.total_bytes % KiB, ==, 0);
  g_assert_cmpuint (info.available_bytes, >, 0);
  g_assert_cmpuint (info.available_bytes, <=, info.total_bytes);
  if (info.cgroup_limit_bytes != LL_NO_LIMIT)
    g_assert_cmpuint (info.cgroup_limit_bytes, >, 0);
  else
    g_assert_cmpuint (info.cgroup_usage_bytes, ==, 0);
  g_assert_cmpuint (ll_mem_info_spare (&info), <=, info.available_bytes);

  g_assert_true (ll_mem_read_system (&again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again.total_bytes, ==, info.total_bytes);

  g_test_message ("MemTotal %" G_GUINT64_FORMAT ", MemAvailable %" G_GUINT64_FORMAT
                  ", cgroup limit %" G_GUINT64_FORMAT ", usage %" G_GUINT64_FORMAT,
                  info.total_bytes, info.available_bytes,
                  info.cgroup_limit_bytes, info.cgroup_usage_bytes);
}

static void
test_process_rss (void)
{
  const gsize size = 32 * MiB;
  guint64 before, after;
  char *block;
  gsize i;

  before = ll_mem_process_rss ();
  g_assert_cmpuint (before, >, 0);
  g_assert_cmpuint (before % 4096, ==, 0);

  /* Touching fresh pages must show up in the resident set. */
  block = g_malloc (size);
  for (i = 0; i < size; i += 4096)
    block[i] = (char) i;
  after = ll_mem_process_rss ();
  g_assert_cmpuint (after, >=, before + size - 4 * MiB);
  g_free (block);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mem/meminfo/parse", test_meminfo_parse);
  g_test_add_func ("/mem/meminfo/old-kernel", test_meminfo_old_kernel);
  g_test_add_func ("/mem/meminfo/errors", test_meminfo_errors);
  g_test_add ("/mem/cgroup/none", Fixture, NULL, fixture_setup, test_cgroup_none, fixture_teardown);
  g_test_add ("/mem/cgroup/v2", Fixture, NULL, fixture_setup, test_cgroup_v2, fixture_teardown);
  g_test_add ("/mem/cgroup/v1", Fixture, NULL, fixture_setup, test_cgroup_v1, fixture_teardown);
  g_test_add ("/mem/cgroup/bad-value", Fixture, NULL,
              fixture_setup, test_cgroup_bad_value, fixture_teardown);
  g_test_add_func ("/mem/spare", test_spare);
  g_test_add_func ("/mem/default-reserve", test_default_reserve);
  g_test_add_func ("/mem/read-system", test_read_system);
  g_test_add_func ("/mem/process-rss", test_process_rss);

  return g_test_run ();
}
