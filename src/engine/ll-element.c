/* ll-element.c — what one list element costs in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ll-element.h"
#include "ll-size.h"

static const LlElementInfo element_infos[LL_N_ELEMENTS] = {
  {
    LL_ELEMENT_SHARED, "shared",
    N_("Shared object"),
    N_("8-byte slots that all point at one object, like append(1)"),
    8, 0,
  },
  {
    LL_ELEMENT_BOXED, "boxed",
    N_("Boxed integers"),
    N_("An 8-byte slot plus a 32-byte object per element, like list(range(n))"),
    8, LL_OBJECT_BYTES,
  },
  {
    LL_ELEMENT_INT64, "int64",
    N_("Inline int64"),
    N_("Values stored in the array, 8 bytes each, like array('q') or NumPy int64"),
    8, 0,
  },
  {
    LL_ELEMENT_INT32, "int32",
    N_("Inline int32"),
    N_("Values stored in the array, 4 bytes each, like array('i') or NumPy int32"),
    4, 0,
  },
};

G_DEFINE_QUARK (ll-element-error-quark, ll_element_error)

const LlElementInfo *
ll_element_get_info (LlElement element)
{
  g_return_val_if_fail ((guint) element < LL_N_ELEMENTS, NULL);

  return &element_infos[element];
}

gboolean
ll_element_from_name (const char  *name,
                      LlElement   *element,
                      GError     **error)
{
  g_autoptr(GString) valid = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < LL_N_ELEMENTS; i++)
    {
      if (g_ascii_strcasecmp (name, element_infos[i].name) == 0)
        {
          if (element != NULL)
            *element = element_infos[i].element;
          return TRUE;
        }
    }

  valid = g_string_new (NULL);
  for (guint i = 0; i < LL_N_ELEMENTS; i++)
    g_string_append_printf (valid, "%s%s", i > 0 ? ", " : "", element_infos[i].name);

  /* A message is UTF-8, whatever bytes the name was typed in. */
  shown = ll_format_input (name, -1);
  g_set_error (error, LL_ELEMENT_ERROR, LL_ELEMENT_ERROR_UNKNOWN,
               _("Unknown element model “%s”. Valid models are: %s."),
               shown, valid->str);
  return FALSE;
}

guint64
ll_element_container_bytes (LlElement element,
                            guint64   capacity)
{
  guint64 slots;
  guint64 total;

  g_return_val_if_fail ((guint) element < LL_N_ELEMENTS, LL_LIST_HEADER_BYTES);

  if (!g_uint64_checked_mul (&slots, element_infos[element].slot_bytes, capacity) ||
      !g_uint64_checked_add (&total, slots, LL_LIST_HEADER_BYTES))
    return G_MAXUINT64;
  return total;
}

guint64
ll_element_objects_bytes (LlElement element,
                          guint64   length)
{
  guint64 total;

  g_return_val_if_fail ((guint) element < LL_N_ELEMENTS, 0);

  /* Every slot of a shared list points at the same single object. */
  if (element == LL_ELEMENT_SHARED)
    return LL_OBJECT_BYTES;

  if (!g_uint64_checked_mul (&total, element_infos[element].object_bytes, length))
    return G_MAXUINT64;
  return total;
}
