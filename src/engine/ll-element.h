/* ll-element.h — what one list element costs in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* sys.getsizeof (list) on 64-bit: a 56-byte header plus the slots. */
#define LL_LIST_HEADER_BYTES 56
/* A Python int above 256: 28 bytes, 32 once pymalloc rounds it. */
#define LL_OBJECT_BYTES 32

#define LL_ELEMENT_ERROR (ll_element_error_quark ())

typedef enum
{
  LL_ELEMENT_ERROR_UNKNOWN,  /* no element model of that name */
} LlElementError;

typedef enum
{
  LL_ELEMENT_SHARED,  /* 8-byte slots all pointing at one object: append(1) */
  LL_ELEMENT_BOXED,   /* 8-byte slot + one 32-byte object each: list(range(n)) */
  LL_ELEMENT_INT64,   /* values inline, 8 bytes: array('q'), NumPy int64 */
  LL_ELEMENT_INT32,   /* values inline, 4 bytes: array('i'), NumPy int32 */
  LL_N_ELEMENTS
} LlElement;

typedef struct
{
  LlElement   element;
  const char *name;          /* "shared", "boxed", "int64", "int32" */
  const char *title;         /* translatable */
  const char *description;   /* translatable, one line */
  guint       slot_bytes;    /* 8 or 4 */
  guint       object_bytes;  /* per element: 32 for boxed, else 0 */
} LlElementInfo;

GQuark               ll_element_error_quark    (void);

const LlElementInfo *ll_element_get_info       (LlElement   element);
gboolean             ll_element_from_name      (const char *name,
                                                LlElement  *element,
                                                GError    **error);

/* LL_LIST_HEADER_BYTES + slot_bytes * capacity, saturating. */
guint64              ll_element_container_bytes (LlElement  element,
                                                 guint64    capacity);
/* Bytes of the element objects of a list of @length elements: boxed
 * 32 * length, shared one object (32), inline models 0. */
guint64              ll_element_objects_bytes   (LlElement  element,
                                                 guint64    length);

G_END_DECLS
