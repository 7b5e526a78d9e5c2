/* ll-block.c — the block a list lives in, grown the way a runtime grows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#if defined(__has_include)
# if __has_include(<valgrind/valgrind.h>)
#  include <valgrind/valgrind.h>
#  define LL_HAVE_VALGRIND 1
# endif
#endif

#if defined(__SANITIZE_ADDRESS__)
# define LL_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define LL_ASAN 1
# endif
#endif

#include "ll-block.h"

void
ll_block_init (LlBlock     *block,
               LlMechanism  mechanism,
               gsize        huge_page_size)
{
  g_return_if_fail (block != NULL);
  g_return_if_fail (mechanism >= 0 && mechanism < LL_N_MECHANISMS);

  memset (block, 0, sizeof *block);
  block->mechanism = mechanism;
  block->page_size = (gsize) sysconf (_SC_PAGESIZE);
  block->huge_page_size = mechanism == LL_MECHANISM_MREMAP ? huge_page_size : 0;
  /* Plain page faults, one trap a page, for comparing with other programs. */
  block->populate = g_getenv ("LISTLAB_NO_PREFAULT") == NULL;
}

void *
ll_block_map_aligned (gsize bytes,
                      gsize align)
{
  guint8 *span;
  guint8 *start;
  gsize extra = align;

  span = mmap (NULL, bytes + extra, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (span == MAP_FAILED || extra == 0)
    return span;

  start = (guint8 *) (((guintptr) span + align - 1) & ~(guintptr) (align - 1));
  if (start > span)
    munmap (span, (gsize) (start - span));
  if (start + bytes < span + bytes + extra)
    munmap (start + bytes, (gsize) (span + bytes + extra - (start + bytes)));

  return start;
}

/* The same pages the writes would fault in one by one, at a fraction of
 * the cost of a trap per page. */
int
ll_block_populate (LlBlock *block,
                   void    *start,
                   gsize    bytes)
{
#ifdef MADV_POPULATE_WRITE
  guintptr mask = ~(guintptr) (block->page_size - 1);
  guintptr first = (guintptr) start & mask;
  guintptr last = ((guintptr) start + bytes) & mask;

  /* The last, partial page is left to the write: it may end the block. */
  if (!block->populate || last <= first)
    return 0;

  if (madvise ((void *) first, last - first, MADV_POPULATE_WRITE) != 0)
    {
      if (errno == ENOMEM)
        return ENOMEM;
      if (errno == EINVAL || errno == ENOSYS || errno == EPERM)
        block->populate = FALSE;
    }
#endif

  return 0;
}

gboolean
ll_block_check_fault (LlBlock      *block,
                      LlBlockFault  fault,
                      gsize         bytes)
{
  guint64 index;

  if (block->fault_func == NULL)
    return FALSE;

  index = block->n_fault_points++;
  return block->fault_func (fault, index, bytes, block->fault_data);
}

/* glibc marks blocks it mmapped itself in the chunk header; it grows them
 * with mremap, without copying. Other allocators (sanitizers, valgrind)
 * copy, which is what a moved block without that mark reports. */
static gboolean
is_mmapped (const void *data,
            gsize       bytes)
{
#if defined(__GLIBC__) && !defined(LL_ASAN)
  size_t head;

# ifdef LL_HAVE_VALGRIND
  if (RUNNING_ON_VALGRIND)
    return FALSE;
# endif

  if (data == NULL)
    return FALSE;

  head = ((const size_t *) data)[-1];
  return (head & 2) != 0 && (head & ~(size_t) 7) >= bytes;
#else
  return FALSE;
#endif
}

/* The mremap mechanism's mappings: whole pages, and with huge pages whole
 * huge pages starting on a huge page boundary, which transparent huge pages
 * need (and mremap keeps when it moves them to such a boundary). */
static gsize
map_size (LlBlock *block,
          gsize    bytes)
{
  gsize unit = block->huge_page_size > 0 ? block->huge_page_size : block->page_size;

  return (bytes + unit - 1) & ~(unit - 1);
}

/* Grows the mapping in place if it can, else moves it to a new place with
 * the right alignment. MAP_FAILED with errno on failure, the old mapping
 * untouched. */
static void *
remap (LlBlock *self,
       void    *old,
       gsize    old_bytes,
       gsize    new_bytes)
{
  void *block;
  void *target;

  if (old == NULL)
    return ll_block_map_aligned (new_bytes, self->huge_page_size);

  if (self->huge_page_size == 0)
    return mremap (old, old_bytes, new_bytes, MREMAP_MAYMOVE);

#ifdef LL_HAVE_VALGRIND
  /* valgrind loses track of a mapping grown onto another with MREMAP_FIXED. */
  if (RUNNING_ON_VALGRIND)
    return mremap (old, old_bytes, new_bytes, MREMAP_MAYMOVE);
#endif

  block = mremap (old, old_bytes, new_bytes, 0);
  if (block != MAP_FAILED)
    return block;

  target = ll_block_map_aligned (new_bytes, self->huge_page_size);
  if (target == MAP_FAILED)
    return MAP_FAILED;

  block = mremap (old, old_bytes, new_bytes, MREMAP_MAYMOVE | MREMAP_FIXED, target);
  if (block == MAP_FAILED)
    {
      int saved_errno = errno;

      munmap (target, new_bytes);
      errno = saved_errno;
    }

  return block;
}

int
ll_block_resize (LlBlock     *self,
                 gsize        new_bytes,
                 gsize        used_bytes,
                 const gint  *cancelled,
                 gboolean    *moved,
                 guint64     *copied)
{
  gsize old_bytes = self->bytes;
  guint8 *old = self->data;

  g_return_val_if_fail (self != NULL, EINVAL);
  g_return_val_if_fail (used_bytes <= MAX (old_bytes, new_bytes), EINVAL);

  *moved = FALSE;
  *copied = 0;

  if (new_bytes > G_MAXSIZE / 2)
    return ENOMEM;
  new_bytes = MAX (new_bytes, 1);

  switch (self->mechanism)
    {
    case LL_MECHANISM_REALLOC:
      {
        gboolean was_mmapped = is_mmapped (old, old_bytes);
        guint8 *block;

        if (ll_block_check_fault (self, LL_BLOCK_FAULT_RESIZE, new_bytes))
          return ENOMEM;

        block = realloc (old, new_bytes);
        if (block == NULL)
          return ENOMEM;

        *moved = old != NULL && block != old;
        *copied = *moved && !was_mmapped ? MIN (old_bytes, new_bytes) : 0;
        self->data = block;
        self->bytes = new_bytes;
      }
      break;

    case LL_MECHANISM_COPY:
      {
        guint8 *block;

        if (ll_block_check_fault (self, LL_BLOCK_FAULT_RESIZE, new_bytes))
          return ENOMEM;

        block = malloc (new_bytes);
        if (block == NULL)
          return ENOMEM;

        for (gsize done = 0; done < used_bytes; done += LL_BLOCK_COPY_PIECE_BYTES)
          {
            gsize piece = MIN (LL_BLOCK_COPY_PIECE_BYTES, used_bytes - done);

            /* The new block's pages are taken only now, piece by piece:
             * this is where memory can run out in the middle of a copy. */
            if (ll_block_check_fault (self, LL_BLOCK_FAULT_COPY, piece) ||
                ll_block_populate (self, block + done, piece) == ENOMEM)
              {
                free (block);
                return ENOMEM;
              }
            memcpy (block + done, old + done, piece);
            if (cancelled != NULL && g_atomic_int_get (cancelled))
              {
                free (block);
                return ECANCELED;
              }
          }

        free (old);
        *moved = old != NULL;
        *copied = used_bytes;
        self->data = block;
        self->bytes = new_bytes;
      }
      break;

    case LL_MECHANISM_MREMAP:
      {
        gsize bytes = map_size (self, new_bytes);
        void *block;

        if (bytes == old_bytes)
          break;

        if (ll_block_check_fault (self, LL_BLOCK_FAULT_RESIZE, bytes))
          return ENOMEM;

        block = remap (self, old, old_bytes, bytes);
        if (block == MAP_FAILED)
          return errno != 0 ? errno : ENOMEM;

        if (self->huge_page_size > 0)
          madvise (block, bytes, MADV_HUGEPAGE);

        *moved = old != NULL && (guint8 *) block != old;
        self->data = block;
        self->bytes = bytes;
      }
      break;

    case LL_MECHANISM_DEFAULT:
    case LL_N_MECHANISMS:
    default:
      g_return_val_if_reached (EINVAL);
    }

  return 0;
}

gboolean
ll_block_growth_copies (const LlBlock *block)
{
  g_return_val_if_fail (block != NULL, TRUE);

  switch (block->mechanism)
    {
    case LL_MECHANISM_COPY:
      return TRUE;
    case LL_MECHANISM_REALLOC:
      return !is_mmapped (block->data, block->bytes);
    case LL_MECHANISM_MREMAP:
    case LL_MECHANISM_DEFAULT:
    case LL_N_MECHANISMS:
    default:
      return FALSE;
    }
}

void
ll_block_free (LlBlock *block)
{
  g_return_if_fail (block != NULL);

  if (block->mechanism == LL_MECHANISM_MREMAP)
    {
      if (block->data != NULL)
        munmap (block->data, block->bytes);
    }
  else
    {
      free (block->data);
    }
  block->data = NULL;
  block->bytes = 0;
}

gsize
ll_block_huge_page_size (void)
{
  g_autofree char *text = NULL;
  gsize page_size = (gsize) sysconf (_SC_PAGESIZE);
  guint64 size = 0;

  if (g_file_get_contents ("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size",
                           &text, NULL, NULL))
    size = g_ascii_strtoull (text, NULL, 10);

  /* A power of two, and a multiple of the page size */
  if (size < page_size || size > G_GUINT64_CONSTANT (1) << 30 || (size & (size - 1)) != 0)
    size = 2 * 1024 * 1024;

  return (gsize) size;
}
