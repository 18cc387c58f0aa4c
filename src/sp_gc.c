/* sp_gc.c - stop-the-world mark and sweep, run only at VM safe points.
 *
 * Marking is iterative (an explicit gray stack), so a list nested a million
 * deep costs heap, not C stack.  If the gray stack cannot grow we do not
 * fail: we note the overflow and rescan the heap for marked objects until
 * nothing new is marked - slower, but correct under memory pressure. */
#include "sp_pool.h"

void sp_vm_mark_roots(sp_VM *vm); /* sp_vm.c: frames, value stack */

static void gray_push(sp_VM *vm, sp_Obj *o) {
    if (vm->ngray == vm->graycap) {
        size_t cap = vm->graycap ? vm->graycap * 2 : 256;
        /* Bookkeeping, not user data: bypass the limit so a collection
         * near the memory limit can still run. */
        sp_Obj **g = vm->alloc(vm->alloc_ud, vm->gray, vm->graycap * sizeof *g, cap * sizeof *g);
        if (!g) {
            vm->gc_paused |= 0x100; /* overflow flag, see collect() */
            return;
        }
        vm->gray = g;
        vm->graycap = cap;
    }
    vm->gray[vm->ngray++] = o;
}

/* A leaf (a static type without traverse: str, float, bigint, bytes...)
 * has nothing for blacken to do, so it is marked without a trip through
 * the gray stack: most of a heap of strs and numbers is never pushed. */
void sp_gc_marko(sp_VM *vm, sp_Obj *o) {
    if (!o || (o->gcflags & (SP_GC_MARK | SP_GC_STATIC))) return;
    o->gcflags |= SP_GC_MARK;
    if (!o->type->traverse && (o->type->h.gcflags & SP_GC_STATIC)) return;
    gray_push(vm, o);
}

void sp_gc_markv(sp_VM *vm, sp_Value v) {
    if (v.tag == SP_OBJ) sp_gc_marko(vm, v.u.o);
}

static void blacken(sp_VM *vm, sp_Obj *o) {
    sp_gc_marko(vm, (sp_Obj *)o->type); /* heap types are objects too */
    if (o->type->traverse) o->type->traverse(vm, o);
}

static void drain(sp_VM *vm) {
    while (vm->ngray) blacken(vm, vm->gray[--vm->ngray]);
}

static void mark_roots(sp_VM *vm) {
    sp_str_mark_interned(vm);
    sp_gc_marko(vm, (sp_Obj *)vm->modules);
    sp_gc_marko(vm, (sp_Obj *)vm->globals);
    sp_gc_marko(vm, (sp_Obj *)vm->repr_active);
    for (size_t i = 0; i < SP_HOST_SLOTS; i++) sp_gc_markv(vm, vm->host_slots[i]);
    sp_gc_marko(vm, (sp_Obj *)vm->host);
    sp_gc_marko(vm, (sp_Obj *)vm->memerr);
    sp_gc_markv(vm, vm->exc);
    for (size_t i = 0; i < vm->npins; i++) sp_gc_markv(vm, vm->pins[i]);
    sp_vm_mark_roots(vm);
}

/* Small objects live in pages that sp_pool.c sweeps in address order;
 * big ones are on the vm->objects list. */
static void sweep(sp_VM *vm) {
    sp_mem_note_peak(vm); /* the pool's sweep lowers mem_used itself */
    sp_pool_sweep(vm);
    sp_Obj **link = &vm->objects;
    while (*link) {
        sp_Obj *o = *link;
        if (o->gcflags & SP_GC_MARK) {
            o->gcflags &= ~SP_GC_MARK;
            link = &o->gcnext;
            continue;
        }
        *link = o->gcnext;
        if (o->type->finalize) o->type->finalize(vm, o);
        sp_free(vm, o, o->size);
    }
}

static void rescan(sp_VM *vm, sp_Obj *o) {
    if (o->gcflags & SP_GC_MARK) blacken(vm, o);
    drain(vm);
}

void sp_gc_collect(sp_VM *vm) {
    /* the MemoryError lives in the VM's block (sp_state.c): no sweep
     * clears its mark, so a stale one would hide what it holds */
    if (vm->memerr) vm->memerr->h.gcflags &= ~SP_GC_MARK;
    mark_roots(vm);
    drain(vm);
    while (vm->gc_paused & 0x100) { /* gray stack overflowed: rescan */
        vm->gc_paused &= ~0x100;
        sp_pool_foreach(vm, rescan);
        for (sp_Obj *o = vm->objects; o; o = o->gcnext) rescan(vm, o);
        if (vm->memerr) rescan(vm, &vm->memerr->h);
    }
    sp_stridx_sweep(vm); /* weak entries: before their strs are freed */
    sweep(vm);
    vm->gc_debt = 0;
    /* Collect again after allocating SP_GC_RATIO times the live heap (each
     * collection marks the live heap and sweeps the whole one: a bigger
     * ratio spends less time re-marking long-lived data), but sooner when
     * a memory limit is near, so garbage never pushes a program over it. */
    size_t live = vm->mem_used < SIZE_MAX / SP_GC_RATIO ? vm->mem_used : SIZE_MAX / SP_GC_RATIO;
    size_t th = live * SP_GC_RATIO > SP_GC_MIN_DEBT ? live * SP_GC_RATIO : SP_GC_MIN_DEBT;
    if (vm->mem_limit) {
        size_t room = vm->mem_limit > vm->mem_used ? vm->mem_limit - vm->mem_used : 0;
        if (th > room / 2) th = room / 2 > 4096 ? room / 2 : 4096;
    }
#ifdef SP_GC_STRESS
    if (live < SP_GC_STRESS_HEAP) th = live / SP_GC_STRESS_DIV;
#endif
    vm->gc_threshold = th;
}

void sp_gc_maybe(sp_VM *vm) {
    if (vm->gc_debt >= vm->gc_threshold && !(vm->gc_paused & 0xff)) sp_gc_collect(vm);
}

void sp_gc_after_load(sp_VM *vm, size_t used_before) {
    if (vm->gc_debt > used_before) vm->gc_debt = used_before;
    sp_gc_maybe(vm);
}

bool sp_pin(sp_VM *vm, sp_Value v) {
    if (vm->npins == vm->pincap) {
        size_t cap = vm->pincap ? vm->pincap * 2 : 32;
        sp_Value *p = sp_realloc(vm, vm->pins, vm->pincap * sizeof *p, cap * sizeof *p);
        if (!p) return false;
        vm->pins = p;
        vm->pincap = cap;
    }
    vm->pins[vm->npins++] = v;
    return true;
}

void sp_unpin(sp_VM *vm, size_t n) { vm->npins -= n; }

/* Interpreter teardown.  Finalizers only give memory back and the pool
 * takes all of it back at once, so objects are freed one by one only
 * where the pool is not wholesale (checked builds: every object is a
 * host block on vm->objects, and ASan checks each finalizer). */
void sp_gc_freeall(sp_VM *vm) {
    /* finalizers first, while every type is alive: after obj.__class__ = C
     * an instance can be older than its class, which the list frees first */
    for (sp_Obj *o = SP_POOL_WHOLESALE ? NULL : vm->objects; o; o = o->gcnext)
        if (o->type->finalize) o->type->finalize(vm, o);
    while (!SP_POOL_WHOLESALE && vm->objects) {
        sp_Obj *o = vm->objects;
        vm->objects = o->gcnext;
        sp_free(vm, o, o->size);
    }
    if (vm->gray) vm->alloc(vm->alloc_ud, vm->gray, vm->graycap * sizeof *vm->gray, 0);
    vm->gray = NULL;
    vm->graycap = vm->ngray = 0;
}
