/* sp_state.c - creating and destroying an interpreter.
 *
 * Creation must cost about a microsecond: builtin types, functions and
 * modules are static or created lazily, and so are the names it starts
 * with (sp_names.h), so a new VM is one host block (the VM, its pool and
 * the pool's first pages) plus a globals dict and the preallocated
 * MemoryError; freeing it is freeing that block and
 * whatever the pool took from the host since (sp_pool_release). */
#include "sp_names.h"
#include "sp_pool.h"

#include <stdlib.h>

static void *default_alloc(void *ud, void *p, size_t oldn, size_t newn) {
    (void)ud;
    (void)oldn;
    if (newn == 0) {
        free(p);
        return NULL;
    }
    return realloc(p, newn);
}

static bool init_objects(sp_VM *vm) {
    sp_Value e = sp_exc_new(vm, &sp_t_MemoryError, sp_objv(&sp_empty_tuple));
    if (sp_iserr(e)) return false;
    vm->memerr = (sp_Exc *)SP_O(e);
    sp_Value g = sp_dict_new_globals(vm);
    if (sp_iserr(g)) return false;
    vm->globals = SP_DICT(g);
    return sp_dict_sets(vm, vm->globals, SP_NAME(name), sp_objv(SP_NAME(main))); /* static strs */
}

/* The VM and its pool share one host block (sp_pool.h). */
enum { VM_HDR = (sizeof(sp_VM) + 15) / 16 * 16 };

static size_t block_size(void) { return VM_HDR + sp_pool_size(); }

sp_VM *sp_vm_new(sp_AllocFn alloc, void *ud) {
    if (!alloc) alloc = default_alloc;
    sp_VM *vm = alloc(ud, NULL, 0, block_size());
    if (!vm) return NULL;
    memset(vm, 0, sizeof *vm);
    vm->alloc = alloc;
    vm->alloc_ud = ud;
    sp_pool_init(vm, (char *)vm + VM_HDR);
    vm->exc = SP_NULLV;
    vm->gc_threshold = SP_GC_MIN_DEBT;
    vm->cdepth_max = SP_MAX_CDEPTH;
    vm->cstack_budget = SP_CSTACK_BUDGET;
    vm->pydepth_max = SP_DEFAULT_RECURSION;
    vm->gc_paused = 1; /* nothing is rooted yet */
    bool ok = init_objects(vm);
    vm->gc_paused = 0;
    if (!ok) {
        sp_vm_free(vm);
        return NULL;
    }
    return vm;
}

void sp_vm_free(sp_VM *vm) {
    if (!vm) return;
    sp_gc_freeall(vm);
    if (!SP_POOL_WHOLESALE) { /* else these go with the pool */
        sp_stridx_free(vm);
        sp_str_free_interned(vm);
        if (vm->pins) sp_free(vm, vm->pins, vm->pincap * sizeof *vm->pins);
        sp_vm_free_exec(vm);
    }
    sp_pool_release(vm); /* last: every block above went back to the pool */
    vm->alloc(vm->alloc_ud, vm, block_size(), 0);
}

/* All program output leaves through the host's callback: the core never
 * touches a file descriptor. */
void sp_write(sp_VM *vm, int stream, const char *s, size_t n) {
    if (vm->write && n) vm->write(vm->write_ud, stream, s, n);
}
