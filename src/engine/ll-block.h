/* ll-block.h — the block a list lives in, grown the way a runtime grows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-policy.h"

G_BEGIN_DECLS

/* One block of memory and how it grows: realloc () (glibc moves large
 * blocks with mremap, without copying), allocate-copy-free (old and new
 * both resident for a moment) or a mapping of the engine's own, grown with
 * mremap (optionally on transparent huge pages). No threads: the engine
 * calls it from its own, tests call it directly. */
typedef struct
{
  LlMechanism mechanism;
  gsize       page_size;
  gsize       huge_page_size;  /* 0: no huge pages */
  gboolean    populate;        /* MADV_POPULATE_WRITE before writing */
  guint8     *data;
  gsize       bytes;           /* the block's size (whole pages for mremap) */
} LlBlock;

/* @mechanism is a concrete one (not LL_MECHANISM_DEFAULT); @huge_page_size
 * applies to the mremap mechanism only (0: none). */
void      ll_block_init            (LlBlock        *block,
                                    LlMechanism     mechanism,
                                    gsize           huge_page_size);
/* Grows (or shrinks) the block to @new_bytes, keeping its first
 * @used_bytes. Returns 0, or an errno: ENOMEM when the memory could not be
 * had (the block is as it was), ECANCELED when *@cancelled became set
 * during a copy (checked between pieces). @moved: the data is at a new
 * address; @copied: the bytes really copied to get it there. */
int       ll_block_resize          (LlBlock        *block,
                                    gsize           new_bytes,
                                    gsize           used_bytes,
                                    const gint     *cancelled,
                                    gboolean       *moved,
                                    guint64        *copied);
/* Whether the next growth may copy the data while the old copy is still
 * there: always with allocate-copy-free; with realloc () unless the
 * allocator mapped the block itself (glibc's large blocks; never under a
 * sanitizer or valgrind). */
gboolean  ll_block_growth_copies   (const LlBlock  *block);
/* Makes the pages of [@start, @start + @bytes) resident before they are
 * written, where the kernel can (Linux 5.14); a no-op elsewhere. */
void      ll_block_populate        (LlBlock        *block,
                                    void           *start,
                                    gsize           bytes);
void      ll_block_free            (LlBlock        *block);

/* An anonymous mapping of @bytes at a multiple of @align (0: a page), or
 * MAP_FAILED with errno. */
void     *ll_block_map_aligned     (gsize           bytes,
                                    gsize           align);
/* The size of transparent huge pages, from the kernel (2 MiB if unknown). */
gsize     ll_block_huge_page_size  (void);

G_END_DECLS
