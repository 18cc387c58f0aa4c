/* sp_state.c - creating and destroying an interpreter.
 *
 * Creation must cost about a microsecond: builtin types, functions and
 * modules are static or created lazily, and so are the names it starts
 * with (sp_names.h), so a new VM is one host block (the VM, the
 * preallocated MemoryError, the API's state, its pool and the pool's
 * first pages) plus a globals dict; freeing it is freeing that block and
 * whatever the pool took from the host since (sp_pool_release). */
#include "sp_pool.h"

#include <stdlib.h>

static void *default_alloc(void *ud, void *p, size_t oldn, size_t newn) {
    (void)ud;
    (void)oldn;
    if (newn == 0) {
        free(p);
        return NULL;
    }
    return p ? realloc(p, newn) : malloc(newn); /* realloc(NULL) costs a detour */
}

/* The preallocated MemoryError lives in the VM's block (exc, zeroed):
 * making it an object cost a tenth of a fresh interpreter.  Never swept
 * nor counted; each collection clears its mark (sp_gc.c). */
static bool init_objects(sp_VM *vm, sp_Exc *exc) {
    exc->h.type = &sp_t_MemoryError;
    exc->h.size = sizeof *exc;
    exc->args = sp_objv(&sp_empty_tuple);
    vm->memerr = exc;
    sp_Value g = sp_dict_new_globals(vm);
    if (sp_iserr(g)) return false;
    vm->globals = SP_DICT(g); /* __name__ set */
    return true;
}

/* One host block: the VM, the MemoryError and the block's size (padded
 * to 16 bytes), the embedder's extra bytes, then the pool (sp_pool.h).
 * All but the pool's region is zeroed by memsets of at most 2 KiB: past
 * that glibc's takes its rep-stosb path, which callgrind counts byte by
 * byte (the latency figure grew 15-fold for the same work).  With
 * sandpy's extra that is 2048 bytes: one call. */
enum {
    VM_HDR = (sizeof(sp_VM) + 15) / 16 * 16,
    EXC_HDR = (sizeof(sp_Exc) + sizeof(size_t) + 15) / 16 * 16,
    ZERO_PIECE = 2048
};

static sp_Exc *exc_slot(sp_VM *vm) { return (sp_Exc *)(void *)((char *)vm + VM_HDR); }
static size_t *size_slot(sp_VM *vm) { return (size_t *)(void *)(exc_slot(vm) + 1); }

static void zero(char *p, size_t n) {
    if (n > ZERO_PIECE) { /* two halves: the zeroed head stays under 4 KiB */
        memset(p, 0, n / 2);
        p += n / 2, n -= n / 2;
    }
    memset(p, 0, n);
}

sp_VM *sp_vm_new(sp_AllocFn alloc, void *ud, size_t extra, void **extrap) {
    if (!alloc) alloc = default_alloc;
    size_t head = VM_HDR + EXC_HDR + (extra + 15) / 16 * 16, size = head + sp_pool_size();
    sp_VM *vm = alloc(ud, NULL, 0, size);
    if (!vm) return NULL;
    zero((char *)vm, head + sp_pool_zeroed()); /* the pool's state comes right after head */
    *size_slot(vm) = size;
    if (extrap) *extrap = (char *)vm + VM_HDR + EXC_HDR;
    vm->alloc = alloc;
    vm->alloc_ud = ud;
    sp_pool_init(vm, (char *)vm + head);
    vm->exc = SP_NULLV;
    vm->gc_threshold = SP_GC_MIN_DEBT;
    vm->cdepth_max = SP_MAX_CDEPTH;
    vm->cstack_budget = SP_CSTACK_BUDGET;
    vm->pydepth_max = SP_DEFAULT_RECURSION;
    vm->gc_paused = 1; /* nothing is rooted yet */
    bool ok = init_objects(vm, exc_slot(vm));
    vm->gc_paused = 0;
    if (!ok) {
        sp_vm_free(vm);
        return NULL;
    }
    return vm;
}

void sp_vm_free(sp_VM *vm) {
    if (!vm) return;
    if (!SP_POOL_WHOLESALE || vm->gray) sp_gc_freeall(vm); /* else it walks and frees nothing */
    if (!SP_POOL_WHOLESALE) { /* else these go with the pool */
        sp_stridx_free(vm);
        sp_str_free_interned(vm);
        if (vm->pins) sp_free(vm, vm->pins, vm->pincap * sizeof *vm->pins);
        sp_vm_free_exec(vm);
    }
    sp_pool_release(vm); /* last: every block above went back to the pool */
    vm->alloc(vm->alloc_ud, vm, *size_slot(vm), 0);
}

/* All program output leaves through the host's callback: the core never
 * touches a file descriptor. */
void sp_write(sp_VM *vm, int stream, const char *s, size_t n) {
    if (vm->write && n) vm->write(vm->write_ud, stream, s, n);
}
