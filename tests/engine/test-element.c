/* test-element.c — what one list element costs in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "ll-element.h"

static void
test_info (void)
{
  static const struct
  {
    LlElement   element;
    const char *name;
    guint       slot_bytes;
    guint       object_bytes;
  } want[] = {
    { LL_ELEMENT_SHARED, "shared", 8, 0 },
    { LL_ELEMENT_BOXED, "boxed", 8, 32 },
    { LL_ELEMENT_INT64, "int64", 8, 0 },
    { LL_ELEMENT_INT32, "int32", 4, 0 },
  };

  g_assert_cmpint (G_N_ELEMENTS (want), ==, LL_N_ELEMENTS);

  for (gsize i = 0; i < G_N_ELEMENTS (want); i++)
    {
      const LlElementInfo *info = ll_element_get_info (want[i].element);

      g_assert_nonnull (info);
      g_assert_cmpint (info->element, ==, want[i].element);
      g_assert_cmpstr (info->name, ==, want[i].name);
      g_assert_cmpuint (info->slot_bytes, ==, want[i].slot_bytes);
      g_assert_cmpuint (info->object_bytes, ==, want[i].object_bytes);
      g_assert_true (info->title != NULL && info->title[0] != '\0');
      g_assert_true (info->description != NULL && info->description[0] != '\0');
      g_assert_null (strchr (info->description, '\n'));
    }
}

static void
test_names (void)
{
  for (int e = 0; e < LL_N_ELEMENTS; e++)
    {
      const LlElementInfo *info = ll_element_get_info (e);
      LlElement element = LL_N_ELEMENTS;
      g_autoptr(GError) error = NULL;
      g_autofree char *upper = g_ascii_strup (info->name, -1);

      g_assert_true (ll_element_from_name (info->name, &element, &error));
      g_assert_no_error (error);
      g_assert_cmpint (element, ==, e);

      element = LL_N_ELEMENTS;
      g_assert_true (ll_element_from_name (upper, &element, NULL));
      g_assert_cmpint (element, ==, e);
    }

  {
    static const char * const bad[] = { "int", "", "int16", "object", "shared " };

    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        LlElement element = LL_ELEMENT_INT32;
        g_autoptr(GError) error = NULL;
        g_autofree char *quoted = g_strdup_printf ("“%s”", bad[i]);

        g_assert_false (ll_element_from_name (bad[i], &element, &error));
        g_assert_error (error, LL_ELEMENT_ERROR, LL_ELEMENT_ERROR_UNKNOWN);
        g_assert_cmpint (element, ==, LL_ELEMENT_INT32);
        g_assert_nonnull (strstr (error->message, quoted));
        for (int e = 0; e < LL_N_ELEMENTS; e++)
          g_assert_nonnull (strstr (error->message, ll_element_get_info (e)->name));
      }
  }

  /* A name that is not UTF-8 still gets a UTF-8 message. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (ll_element_from_name ("box\xc3", NULL, &error));
    g_assert_error (error, LL_ELEMENT_ERROR, LL_ELEMENT_ERROR_UNKNOWN);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
  }
}

static void
test_container_bytes (void)
{
  /* sys.getsizeof (list) on 64-bit */
  g_assert_cmpuint (ll_element_container_bytes (LL_ELEMENT_BOXED, 0), ==, 56);
  g_assert_cmpuint (ll_element_container_bytes (LL_ELEMENT_SHARED, 4), ==, 88);
  g_assert_cmpuint (ll_element_container_bytes (LL_ELEMENT_BOXED, 20000000), ==, 160000056);
  g_assert_cmpuint (ll_element_container_bytes (LL_ELEMENT_INT64, 22500004), ==, 180000088);
  g_assert_cmpuint (ll_element_container_bytes (LL_ELEMENT_INT32, 0), ==, 56);
  g_assert_cmpuint (ll_element_container_bytes (LL_ELEMENT_INT32, 1000), ==, 4056);

  /* the largest capacities that still fit, then saturation */
  g_assert_cmpuint (ll_element_container_bytes (LL_ELEMENT_SHARED, (G_MAXUINT64 - 56) / 8), ==,
                    (G_MAXUINT64 - 56) / 8 * 8 + 56);
  g_assert_cmpuint (ll_element_container_bytes (LL_ELEMENT_SHARED, (G_MAXUINT64 - 56) / 8 + 1), ==, G_MAXUINT64);
  g_assert_cmpuint (ll_element_container_bytes (LL_ELEMENT_INT32, (G_MAXUINT64 - 56) / 4), ==,
                    (G_MAXUINT64 - 56) / 4 * 4 + 56);
  g_assert_cmpuint (ll_element_container_bytes (LL_ELEMENT_INT32, (G_MAXUINT64 - 56) / 4 + 1), ==, G_MAXUINT64);
  g_assert_cmpuint (ll_element_container_bytes (LL_ELEMENT_INT64, G_MAXUINT64 / 8 + 1), ==, G_MAXUINT64);
  g_assert_cmpuint (ll_element_container_bytes (LL_ELEMENT_BOXED, G_MAXUINT64), ==, G_MAXUINT64);
}

static void
test_objects_bytes (void)
{
  g_assert_cmpuint (ll_element_objects_bytes (LL_ELEMENT_BOXED, 0), ==, 0);
  g_assert_cmpuint (ll_element_objects_bytes (LL_ELEMENT_BOXED, 1), ==, 32);
  g_assert_cmpuint (ll_element_objects_bytes (LL_ELEMENT_BOXED, 20000000), ==, 640000000);
  g_assert_cmpuint (ll_element_objects_bytes (LL_ELEMENT_BOXED, G_MAXUINT64 / 32), ==, G_MAXUINT64 / 32 * 32);
  g_assert_cmpuint (ll_element_objects_bytes (LL_ELEMENT_BOXED, G_MAXUINT64 / 32 + 1), ==, G_MAXUINT64);

  /* one object, however many slots point at it */
  g_assert_cmpuint (ll_element_objects_bytes (LL_ELEMENT_SHARED, 0), ==, LL_OBJECT_BYTES);
  g_assert_cmpuint (ll_element_objects_bytes (LL_ELEMENT_SHARED, 1), ==, 32);
  g_assert_cmpuint (ll_element_objects_bytes (LL_ELEMENT_SHARED, G_MAXUINT64), ==, 32);

  g_assert_cmpuint (ll_element_objects_bytes (LL_ELEMENT_INT64, 1000), ==, 0);
  g_assert_cmpuint (ll_element_objects_bytes (LL_ELEMENT_INT32, G_MAXUINT64), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/element/info", test_info);
  g_test_add_func ("/element/names", test_names);
  g_test_add_func ("/element/container-bytes", test_container_bytes);
  g_test_add_func ("/element/objects-bytes", test_objects_bytes);

  return g_test_run ();
}
