/* sp_pool.h - size-class pools under the allocator and the GC (sp_pool.c).
 * Nothing here does accounting or checks limits: sp_mem.c does, around it. */
#ifndef SP_POOL_H
#define SP_POOL_H

#include "sp.h"

/* Same contract as the host's sp_AllocFn (newn 0 frees; on failure NULL
 * and the old block stays valid); small blocks come from the pool. */
void *sp_pool_realloc(sp_VM *vm, void *p, size_t oldn, size_t newn);
/* The same for the two common cases (n > 0): a new block, freeing one. */
void *sp_pool_alloc(sp_VM *vm, size_t n);
void sp_pool_free(sp_VM *vm, void *p, size_t n);
/* Memory for a GC object of `size` bytes, in the object pages or (big
 * objects) a host block linked on vm->objects; zeroed in full if zero,
 * else only its header.  NULL: out of memory. */
sp_Obj *sp_pool_newobj(sp_VM *vm, size_t size, bool zero);
/* Sweep the object pages: finalize and free every unmarked object (every
 * object if all), subtracting their sizes from vm->mem_used; clear marks. */
void sp_pool_sweep(sp_VM *vm, bool all);
/* Call fn on every object in the object pages. */
void sp_pool_foreach(sp_VM *vm, void (*fn)(sp_VM *, sp_Obj *));
/* Give every page back to the host (the last step of sp_vm_free). */
void sp_pool_release(sp_VM *vm);

#endif
