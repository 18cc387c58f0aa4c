/* sp_pool.h - size-class pools under the allocator and the GC (sp_pool.c).
 * Nothing here does accounting or checks limits: sp_mem.c does, around it. */
#ifndef SP_POOL_H
#define SP_POOL_H

#include "sp.h"

/* Sanitizer builds use plain host blocks, each freed by its owner, so
 * ASan sees every block and its leak check every missing free. */
#if defined(__SANITIZE_ADDRESS__)
#define SP_POOL_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SP_POOL_CHECKED 1
#endif
#endif

/* Whether sp_pool_release takes back every block and object at once.
 * Then freeing an interpreter walks no object and frees no structure on
 * its own: finalizers only give memory back, and all of it goes with the
 * pool.  (0 in checked builds.) */
#ifdef SP_POOL_CHECKED
enum { SP_POOL_WHOLESALE = 0 };
#else
enum { SP_POOL_WHOLESALE = 1 };
#endif

/* Bytes the pool keeps inside the VM's own host block, after the sp_VM:
 * its state and a region for the first pages and blocks, so a fresh
 * interpreter running a snippet calls the host allocator once.
 * sp_state.c allocates them together and calls sp_pool_init. */
size_t sp_pool_size(void);
void sp_pool_init(sp_VM *vm, void *mem);
/* Same contract as the host's sp_AllocFn (newn 0 frees; on failure NULL
 * and the old block stays valid); small blocks come from the pool. */
void *sp_pool_realloc(sp_VM *vm, void *p, size_t oldn, size_t newn);
/* The same for the two common cases (n > 0): a new block, freeing one. */
void *sp_pool_alloc(sp_VM *vm, size_t n);
void sp_pool_free(sp_VM *vm, void *p, size_t n);
/* Memory for a GC object of `size` bytes, in the object pages or (big
 * objects) a block linked on vm->objects; zeroed in full if zero, else
 * only its header.  NULL: out of memory. */
sp_Obj *sp_pool_newobj(sp_VM *vm, size_t size, bool zero);
/* Sweep the object pages: finalize and free every unmarked object,
 * subtracting their sizes from vm->mem_used; clear marks. */
void sp_pool_sweep(sp_VM *vm);
/* Call fn on every object in the object pages. */
void sp_pool_foreach(sp_VM *vm, void (*fn)(sp_VM *, sp_Obj *));
/* Give every host block back (the last step of sp_vm_free); with
 * SP_POOL_WHOLESALE, every block and object still live too. */
void sp_pool_release(sp_VM *vm);

#endif
