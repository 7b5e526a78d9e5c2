/* ll-policy.c — growth policies of real dynamic arrays, as pure functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <float.h>
#include <math.h>

#include <glib/gi18n.h>

#include "ll-arith.h"
#include "ll-policy.h"
#include "ll-size.h"

#define SATURATED G_MAXUINT64

/* The largest custom rounding; keeps the arithmetic far from overflow and
 * is already absurd for a list (2^30 elements). */
#define CUSTOM_ROUND_MAX (G_GUINT64_CONSTANT (1) << 30)
#define CUSTOM_FACTOR_MAX 16.0

static const LlPolicyInfo policy_infos[LL_N_POLICIES] = {
  {
    LL_POLICY_CPYTHON, "cpython",
    N_("CPython 3.9+"),
    N_("Python’s list: about 1/8 extra plus 6, a multiple of 4; a big jump gets just what it needs"),
    "CPython ≥ 3.9, Objects/listobject.c list_resize(); new lists as ≥ 3.10 list_preallocate_exact()",
    LL_MECHANISM_REALLOC,
    "list(range(n))",
    N_("CPython 3.9+"),
    56, FALSE,
  },
  {
    LL_POLICY_CPYTHON_38, "cpython-3.8",
    N_("CPython 3.4–3.8"),
    N_("Python’s list before 3.9: about 1/8 extra plus 3 (small lists) or 6"),
    "CPython 3.4–3.8, Objects/listobject.c list_resize()",
    LL_MECHANISM_REALLOC,
    "list(range(n))",
    N_("CPython 3.8"),
    56, FALSE,
  },
  {
    LL_POLICY_CPYTHON_ARRAY, "cpython-array",
    N_("CPython array.array"),
    N_("Python’s array of numbers: 1/16 extra plus 3 or 7 — the “1/16 + 3” the notebook puts on list"),
    "CPython Modules/arraymodule.c array_resize(); sys.getsizeof as CPython 3.11 counts it",
    LL_MECHANISM_REALLOC,
    "array('q', range(n))",
    N_("array.array"),
    80, TRUE,
  },
  {
    LL_POLICY_NUMPY_APPEND, "numpy-append",
    N_("NumPy np.append"),
    N_("np.append in a loop: a new array of exactly the new size and a full copy on every append — quadratic"),
    "NumPy numpy.append() (concatenate into a new array); sys.getsizeof as NumPy 1.x counts an ndarray",
    LL_MECHANISM_COPY,
    "np.arange(n)",
    N_("np.append"),
    112, TRUE,
  },
  {
    LL_POLICY_DOUBLE, "double",
    N_("C++ std::vector (libstdc++)"),
    N_("Doubles the length: 0 → 1 → 2 → 4 …, at least what is needed"),
    "GCC libstdc++ std::vector, _M_check_len()",
    LL_MECHANISM_COPY,
    "std::vector<T>(n)",
    N_("libstdc++"),
    56, FALSE,
  },
  {
    LL_POLICY_MSVC, "msvc",
    N_("C++ std::vector (MSVC)"),
    N_("Grows the capacity by half (1.5×), at least to what is needed"),
    "Microsoft STL std::vector, _Calculate_growth()",
    LL_MECHANISM_COPY,
    "std::vector<T>(n)",
    N_("MSVC"),
    56, FALSE,
  },
  {
    LL_POLICY_JAVA, "java",
    N_("Java ArrayList"),
    N_("10 elements on the first add, then grows by half (1.5×)"),
    "OpenJDK java.util.ArrayList.grow()",
    LL_MECHANISM_COPY,
    "new ArrayList<>(n)",
    N_("Java"),
    56, FALSE,
  },
  {
    LL_POLICY_GO, "go",
    N_("Go append"),
    N_("A []int: doubles up to 256 elements, then eases toward 1.25×, rounded up to the allocator’s size classes"),
    "Go runtime, slice.go growslice() and nextslicecap(), msize.go roundupsize()",
    LL_MECHANISM_COPY,
    "make([]T, n)",
    N_("Go"),
    56, FALSE,
  },
  {
    LL_POLICY_RUST, "rust",
    N_("Rust Vec"),
    N_("Doubles the capacity, at least 4 elements (8-byte elements), at least what is needed"),
    "Rust alloc::raw_vec RawVec::grow_amortized()",
    LL_MECHANISM_REALLOC,
    "Vec::with_capacity(n)",
    N_("Rust"),
    56, FALSE,
  },
  {
    LL_POLICY_DOTNET, "dotnet",
    N_(".NET List<T>"),
    N_("4 elements on the first add, then doubles the capacity"),
    ".NET System.Collections.Generic.List<T>.Grow()",
    LL_MECHANISM_COPY,
    "new List<T>(n)",
    N_(".NET"),
    56, FALSE,
  },
  {
    LL_POLICY_FIXED, "fixed",
    N_("Fixed increment"),
    N_("Adds the same number of elements every time: quadratic total copying"),
    "capacity + increment",
    LL_MECHANISM_REALLOC,
    NULL,
    N_("Fixed"),
    56, FALSE,
  },
  {
    LL_POLICY_CUSTOM, "custom",
    N_("Custom"),
    N_("Your own rule: ⌈capacity × factor⌉ + constant, rounded up to a multiple"),
    "⌈capacity × factor⌉ + constant, rounded up to a multiple of round",
    LL_MECHANISM_REALLOC,
    NULL,
    N_("Custom"),
    56, FALSE,
  },
};

static const char * const mechanism_names[LL_N_MECHANISMS] = {
  [LL_MECHANISM_REALLOC] = "realloc",
  [LL_MECHANISM_COPY]    = "copy",
  [LL_MECHANISM_MREMAP]  = "mremap",
};

/* Go's malloc size classes (bytes) for small objects, internal/runtime/gc
 * sizeclasses.go; anything larger is rounded up to 8 KiB pages. */
static const guint16 go_size_classes[] = {
  8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240,
  256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024,
  1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864,
  5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568,
  14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
};
#define GO_MAX_SMALL_SIZE 32768
#define GO_PAGE_SIZE 8192
#define GO_ELEMENT_SIZE 8

G_DEFINE_QUARK (ll-policy-error-quark, ll_policy_error)

static char *
list_policy_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < LL_N_POLICIES; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, policy_infos[i].name);
    }
  return g_string_free (names, FALSE);
}

const LlPolicyInfo *
ll_policy_get_info (LlPolicyKind kind)
{
  g_return_val_if_fail ((guint) kind < LL_N_POLICIES, NULL);

  return &policy_infos[kind];
}

guint
ll_policy_list_runtimes (LlPolicyKind *kinds)
{
  guint n = 0;

  g_return_val_if_fail (kinds != NULL, 0);

  for (guint k = 0; k < LL_N_POLICIES; k++)
    if (k != LL_POLICY_FIXED && k != LL_POLICY_CUSTOM && k != LL_POLICY_NUMPY_APPEND)
      kinds[n++] = k;
  return n;
}

gboolean
ll_policy_kind_from_name (const char    *name,
                          LlPolicyKind  *kind,
                          GError       **error)
{
  g_autofree char *valid = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < LL_N_POLICIES; i++)
    {
      if (g_ascii_strcasecmp (name, policy_infos[i].name) == 0)
        {
          if (kind != NULL)
            *kind = policy_infos[i].kind;
          return TRUE;
        }
    }

  /* A message is UTF-8, whatever bytes the name was typed in. */
  valid = list_policy_names ();
  shown = ll_format_input (name, -1);
  g_set_error (error, LL_POLICY_ERROR, LL_POLICY_ERROR_UNKNOWN,
               _("Unknown growth policy “%s”. Valid policies are: %s."),
               shown, valid);
  return FALSE;
}

const char *
ll_mechanism_to_string (LlMechanism mechanism)
{
  if (mechanism == LL_MECHANISM_DEFAULT)
    return "default";

  g_return_val_if_fail ((guint) mechanism < LL_N_MECHANISMS, NULL);

  return mechanism_names[mechanism];
}

gboolean
ll_mechanism_from_string (const char   *name,
                          LlMechanism  *mechanism,
                          GError      **error)
{
  g_autofree char *shown = NULL;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_ascii_strcasecmp (name, "default") == 0)
    {
      if (mechanism != NULL)
        *mechanism = LL_MECHANISM_DEFAULT;
      return TRUE;
    }

  for (guint i = 0; i < LL_N_MECHANISMS; i++)
    {
      if (g_ascii_strcasecmp (name, mechanism_names[i]) == 0)
        {
          if (mechanism != NULL)
            *mechanism = (LlMechanism) i;
          return TRUE;
        }
    }

  shown = ll_format_input (name, -1);
  g_set_error (error, LL_POLICY_ERROR, LL_POLICY_ERROR_UNKNOWN,
               _("Unknown growth mechanism “%s”. Valid mechanisms are: %s, %s, %s "
                 "(or default, the policy’s own)."),
               shown,
               mechanism_names[LL_MECHANISM_REALLOC],
               mechanism_names[LL_MECHANISM_COPY],
               mechanism_names[LL_MECHANISM_MREMAP]);
  return FALSE;
}

void
ll_policy_init (LlPolicy     *policy,
                LlPolicyKind  kind)
{
  g_return_if_fail (policy != NULL);
  g_return_if_fail ((guint) kind < LL_N_POLICIES);

  /* Every parameter gets its default, whatever the kind, so that switching
   * the kind later never exposes zeros. */
  policy->kind = kind;
  policy->increment = 4;
  policy->factor = 1.5;
  policy->constant = 0;
  policy->round = 1;
}

LlPolicyParam
ll_policy_check (const LlPolicy  *policy,
                 GError         **error)
{
  g_return_val_if_fail (policy != NULL, LL_POLICY_PARAM_NONE);
  g_return_val_if_fail ((guint) policy->kind < LL_N_POLICIES, LL_POLICY_PARAM_NONE);
  g_return_val_if_fail (error == NULL || *error == NULL, LL_POLICY_PARAM_NONE);

  if (policy->kind == LL_POLICY_FIXED)
    {
      if (policy->increment < 1)
        {
          g_set_error (error, LL_POLICY_ERROR, LL_POLICY_ERROR_INVALID,
                       _("The increment must be at least 1 element; with 0 the list "
                         "could never grow."));
          return LL_POLICY_PARAM_INCREMENT;
        }
    }
  else if (policy->kind == LL_POLICY_CUSTOM)
    {
      if (!isfinite (policy->factor) || policy->factor < 1.0)
        {
          g_autofree char *factor = ll_format_decimal (policy->factor);

          g_set_error (error, LL_POLICY_ERROR, LL_POLICY_ERROR_INVALID,
                       _("A growth factor of %s would shrink the list: use a number "
                         "from 1 to %g, such as 1.5 or 2."),
                       factor, CUSTOM_FACTOR_MAX);
          return LL_POLICY_PARAM_FACTOR;
        }
      if (policy->factor > CUSTOM_FACTOR_MAX)
        {
          g_autofree char *factor = ll_format_decimal (policy->factor);

          g_set_error (error, LL_POLICY_ERROR, LL_POLICY_ERROR_INVALID,
                       _("A growth factor of %s is more than %g: use a number from 1 "
                         "to %g, such as 1.5 or 2."),
                       factor, CUSTOM_FACTOR_MAX, CUSTOM_FACTOR_MAX);
          return LL_POLICY_PARAM_FACTOR;
        }

      if (policy->factor == 1.0 && policy->constant < 1)
        {
          g_set_error (error, LL_POLICY_ERROR, LL_POLICY_ERROR_INVALID,
                       _("With a growth factor of 1 the constant must be at least 1 "
                         "element, or the list would never grow: raise the factor "
                         "above 1 or the constant to 1 or more."));
          return LL_POLICY_PARAM_CONSTANT;
        }

      if (policy->round < 1 || policy->round > CUSTOM_ROUND_MAX)
        {
          g_autofree char *round = ll_format_count_exact (policy->round);
          g_autofree char *max = ll_format_count_exact (CUSTOM_ROUND_MAX);

          g_set_error (error, LL_POLICY_ERROR, LL_POLICY_ERROR_INVALID,
                       _("Rounding to a multiple of %s elements is out of range: use a "
                         "whole number from 1 to %s (1 means no rounding)."),
                       round, max);
          return LL_POLICY_PARAM_ROUND;
        }
    }

  return LL_POLICY_PARAM_NONE;
}

gboolean
ll_policy_validate (const LlPolicy  *policy,
                    GError         **error)
{
  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail ((guint) policy->kind < LL_N_POLICIES, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ll_policy_check (policy, error) == LL_POLICY_PARAM_NONE;
}

/* CPython list_resize(): no realloc while @new_length fits and the list
 * stays at least half full; otherwise over-allocate. */
static guint64
resize_cpython (guint64  length,
                guint64  capacity,
                guint64  new_length,
                gboolean before_39)
{
  guint64 slack;

  if (capacity >= new_length && new_length >= capacity / 2)
    return capacity;

  if (new_length == 0)
    return 0;

  if (before_39)
    return ll_sat_add (new_length, (new_length >> 3) + (new_length < 9 ? 3 : 6));

  /* ≥ 3.10: extending a list that has no array yet (list_extend with
   * ob_item == NULL) preallocates exactly, rounded up to even, instead of
   * over-allocating; a single append still goes through list_resize(). */
  if (length == 0 && capacity == 0 && new_length > 1)
    return ll_sat_round_up (new_length, 2);

  /* (n + (n >> 3) + 6) & ~3, as the slack above n so that it cannot
   * overflow; only the low bits of the (possibly wrapped) sum matter. */
  slack = (new_length >> 3) + 6;
  slack -= (new_length + slack) & 3;

  /* A jump (list.extend) that would leave less slack than it added gets
   * only what it needs, to a multiple of 4. CPython compares signed
   * sizes, so a shrink never takes this branch. */
  if (new_length > length && new_length - length > slack)
    return ll_sat_round_up (new_length, 4);

  return ll_sat_add (new_length, slack);
}

/* Go's mallocgc block for a pointer-free []int of @elements, in elements:
 * the smallest size class that holds it, or whole 8 KiB pages. */
static guint64
go_roundupsize (guint64 elements)
{
  if (elements <= (GO_MAX_SMALL_SIZE - 8) / GO_ELEMENT_SIZE)
    {
      guint64 bytes = elements * GO_ELEMENT_SIZE;

      for (guint i = 0; i < G_N_ELEMENTS (go_size_classes); i++)
        {
          if (go_size_classes[i] >= bytes)
            return go_size_classes[i] / GO_ELEMENT_SIZE;
        }
    }

  return ll_sat_round_up (elements, GO_PAGE_SIZE / GO_ELEMENT_SIZE);
}

static guint64
resize_go (guint64 capacity,
           guint64 new_length)
{
  guint64 doubled = ll_sat_add (capacity, capacity);
  guint64 grown;

  if (new_length > doubled)
    grown = new_length;
  else if (capacity < 256)
    grown = doubled;
  else
    {
      /* From 2× at 256 elements smoothly down toward 1.25×. */
      grown = capacity;
      while (grown < new_length)
        grown = ll_sat_add (grown, ll_sat_add (grown, 3 * 256) >> 2);
    }

  return go_roundupsize (grown);
}

static guint64
resize_custom (const LlPolicy *policy,
               guint64         capacity,
               guint64         new_length)
{
  double product = (double) capacity * policy->factor;
  double nearest = round (product);
  guint64 grown;

  /* People type factors as decimals (1.1), whose binary form is a hair
   * off: a product within that rounding error of a whole number is that
   * number, so 100 × 1.1 gives 110, not 111. */
  if (fabs (product - nearest) <= product * 2 * DBL_EPSILON)
    product = nearest;
  product = ceil (product);

  /* 2^64: anything at or above it (or NaN) does not fit. */
  if (product < 1.0)
    grown = 0;
  else if (!(product < 18446744073709551616.0))
    grown = SATURATED;
  else
    grown = (guint64) product;

  grown = ll_sat_add (grown, policy->constant);
  grown = MAX (grown, new_length);
  return ll_sat_round_up (grown, MAX (policy->round, 1));
}

guint64
ll_policy_resize (const LlPolicy *policy,
                  guint64         length,
                  guint64         capacity,
                  guint64         new_length)
{
  g_return_val_if_fail (policy != NULL, capacity);
  g_return_val_if_fail ((guint) policy->kind < LL_N_POLICIES, capacity);

  if (policy->kind == LL_POLICY_CPYTHON)
    return resize_cpython (length, capacity, new_length, FALSE);
  if (policy->kind == LL_POLICY_CPYTHON_38)
    return resize_cpython (length, capacity, new_length, TRUE);

  /* Every other runtime only ever grows, and only when full. */
  if (new_length <= capacity)
    return capacity;

  switch (policy->kind)
    {
    case LL_POLICY_DOUBLE:
      /* size() + max (size(), n): based on the length, not the capacity */
      return ll_sat_add (length, MAX (length, new_length > length ? new_length - length : 0));

    case LL_POLICY_MSVC:
      {
        guint64 geometric = ll_sat_add (capacity, capacity / 2);

        return geometric < new_length ? new_length : geometric;
      }

    case LL_POLICY_JAVA:
      /* Capacity 0 is the shared empty array of `new ArrayList<>()`. */
      if (capacity == 0)
        return MAX (10, new_length);
      return ll_sat_add (capacity, MAX (new_length - capacity, capacity >> 1));

    case LL_POLICY_CPYTHON_ARRAY:
      /* Modules/arraymodule.c array_resize(): 1/16 over the new size, plus
       * 3 while the array held fewer than 8 items, else 7. */
      return ll_sat_add (new_length, (new_length >> 4) + (length < 8 ? 3 : 7));

    case LL_POLICY_NUMPY_APPEND:
      /* np.append concatenates into a new array of exactly the new size. */
      return new_length;

    case LL_POLICY_GO:
      return resize_go (capacity, new_length);

    case LL_POLICY_RUST:
      return MAX (4, MAX (ll_sat_mul (capacity, 2), new_length));

    case LL_POLICY_DOTNET:
      return MAX (capacity == 0 ? 4 : ll_sat_mul (capacity, 2), new_length);

    case LL_POLICY_FIXED:
      return MAX (new_length, ll_sat_add (capacity, MAX (policy->increment, 1)));

    case LL_POLICY_CUSTOM:
      return resize_custom (policy, capacity, new_length);

    case LL_POLICY_CPYTHON:
    case LL_POLICY_CPYTHON_38:
    case LL_N_POLICIES:
    default:
      break;
    }

  g_assert_not_reached ();
  return capacity;
}

guint64
ll_policy_initial_capacity (const LlPolicy *policy,
                            guint64         length)
{
  g_return_val_if_fail (policy != NULL, length);

  /* CPython ≥ 3.10 preallocates list(range(n)) rounded up to even
   * (list_preallocate_exact); 3.8 and 3.9 allocate exactly n. */
  if (policy->kind == LL_POLICY_CPYTHON)
    return ll_sat_round_up (length, 2);

  /* array('q', range(n)) appends the items one by one: the capacity the
   * appends reached. */
  if (policy->kind == LL_POLICY_CPYTHON_ARRAY)
    {
      guint64 capacity = 0, filled = 0;

      while (capacity < length)
        {
          filled = capacity;
          capacity = ll_policy_resize (policy, filled, capacity, filled + 1);
        }
      return capacity;
    }

  return length;
}

static char *
format_factor (double factor)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest text that reads back as the same double. */
  for (int digits = 1; digits <= 17; digits++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", digits);

      g_ascii_formatd (buf, sizeof buf, format, factor);
      if (g_ascii_strtod (buf, NULL) == factor)
        break;
    }
  return g_strdup (buf);
}

char *
ll_policy_to_string (const LlPolicy *policy)
{
  const char *name;

  g_return_val_if_fail (policy != NULL, NULL);
  g_return_val_if_fail ((guint) policy->kind < LL_N_POLICIES, NULL);

  name = policy_infos[policy->kind].name;

  if (policy->kind == LL_POLICY_FIXED)
    return g_strdup_printf ("%s:increment=%" G_GUINT64_FORMAT, name, policy->increment);

  if (policy->kind == LL_POLICY_CUSTOM)
    {
      g_autofree char *factor = format_factor (policy->factor);

      return g_strdup_printf ("%s:factor=%s,constant=%" G_GUINT64_FORMAT
                              ",round=%" G_GUINT64_FORMAT,
                              name, factor, policy->constant, policy->round);
    }

  return g_strdup (name);
}
