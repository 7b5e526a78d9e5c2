/* ll-block.h — the block a list lives in, grown the way a runtime grows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ll-policy.h"

G_BEGIN_DECLS

/* A copy of gigabytes takes longer than a cancel may wait: it goes in
 * pieces of this size. */
#define LL_BLOCK_COPY_PIECE_BYTES ((gsize) 4 * 1024 * 1024)

/* The points where the memory a list needs is taken, where a test may make
 * it fail the way a lack of memory would (ENOMEM). */
typedef enum
{
  LL_BLOCK_FAULT_RESIZE,  /* the block's new memory: realloc (), malloc () or mremap () */
  LL_BLOCK_FAULT_COPY,    /* one piece of a copy into a new block, made resident */
  LL_BLOCK_FAULT_ARENA,   /* a mapping of the engine's for element objects */
} LlBlockFault;

/* Called on the allocating thread before each such point, numbered from 0
 * in the order they come (@index); @bytes is the size asked for: the whole
 * new block, the piece, the arena. TRUE makes the point fail. */
typedef gboolean (*LlBlockFaultFunc) (LlBlockFault  fault,
                                      guint64       index,
                                      gsize         bytes,
                                      gpointer      user_data);

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

  /* Tests only: see LlBlockFaultFunc. */
  LlBlockFaultFunc fault_func;
  gpointer         fault_data;
  guint64          n_fault_points;
} LlBlock;

/* @mechanism is a concrete one (not LL_MECHANISM_DEFAULT); @huge_page_size
 * applies to the mremap mechanism only (0: none). */
void      ll_block_init            (LlBlock        *block,
                                    LlMechanism     mechanism,
                                    gsize           huge_page_size);
/* Grows (or shrinks) the block to @new_bytes, keeping its first
 * @used_bytes. Returns 0, or an errno: ENOMEM when the memory could not be
 * had, also in the middle of a copy (the block is as it was), ECANCELED
 * when *@cancelled became set during a copy (checked between pieces).
 * @moved: the data is at a new address; @copied: the bytes really copied
 * to get it there. */
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
 * written, where the kernel can (Linux 5.14); a no-op elsewhere. Returns 0,
 * or ENOMEM when the kernel had no memory for them (writing them would
 * fault the same pages in the hard way). */
int       ll_block_populate        (LlBlock        *block,
                                    void           *start,
                                    gsize           bytes);
/* Whether the fault function (if any) fails the next point: @fault of
 * @bytes. Counts the point. */
gboolean  ll_block_check_fault     (LlBlock        *block,
                                    LlBlockFault    fault,
                                    gsize           bytes);
void      ll_block_free            (LlBlock        *block);

/* An anonymous mapping of @bytes at a multiple of @align (0: a page), or
 * MAP_FAILED with errno. */
void     *ll_block_map_aligned     (gsize           bytes,
                                    gsize           align);
/* The size of transparent huge pages, from the kernel (2 MiB if unknown). */
gsize     ll_block_huge_page_size  (void);

G_END_DECLS
