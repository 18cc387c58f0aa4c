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
 * sp_state.c allocates them together and calls sp_pool_init, the first
 * sp_pool_zeroed() bytes of mem already zero (cleared with the VM, in one
 * memset). */
size_t sp_pool_size(void);
size_t sp_pool_zeroed(void);
void sp_pool_init(sp_VM *vm, void *mem);
/* Same contract as the host's sp_AllocFn (newn 0 frees; on failure NULL
 * and the old block stays valid); small blocks come from the pool. */
void *sp_pool_realloc(sp_VM *vm, void *p, size_t oldn, size_t newn);
/* The same for the two common cases (n > 0): a new block, freeing one.
 * (Pooled builds: a free block or room on the newest page is inline below,
 * the rest sp_pool_alloc_slow.) */
void sp_pool_free(sp_VM *vm, void *p, size_t n);
#ifdef SP_POOL_CHECKED
void *sp_pool_alloc(sp_VM *vm, size_t n);
#endif
/* Memory for a GC object of `size` bytes, in the object pages or (big
 * objects) a block linked on vm->objects; zeroed in full if zero, else
 * only its header.  NULL: out of memory.  (Pooled builds: a free slot or
 * room on the class's newest page is inline below, the rest
 * sp_pool_newobj_slow.) */
#ifdef SP_POOL_CHECKED
sp_Obj *sp_pool_newobj(sp_VM *vm, size_t size, bool zero);
/* No inline cases: every block and object takes the full path. */
#define SP_POOL_QUICK_MAX 0
static inline void *sp_pool_alloc_quick(sp_VM *vm, size_t n) { return (void)vm, (void)n, NULL; }
static inline sp_Obj *sp_pool_newobj_quick(sp_VM *vm, size_t size) { return (void)vm, (void)size, NULL; }
#endif
/* Sweep the object pages: finalize and free every unmarked object,
 * subtracting their sizes from vm->mem_used; clear marks. */
void sp_pool_sweep(sp_VM *vm);
/* Call fn on every object in the object pages. */
void sp_pool_foreach(sp_VM *vm, void (*fn)(sp_VM *, sp_Obj *));
/* Give every host block back (the last step of sp_vm_free); with
 * SP_POOL_WHOLESALE, every block and object still live too. */
void sp_pool_release(sp_VM *vm);

#ifndef SP_POOL_CHECKED

#ifndef SP_POOL_MAX
#define SP_POOL_MAX 512 /* largest pooled block or object */
#endif

enum { SP_POOL_GRAIN = 16, SP_POOL_NCLASS = SP_POOL_MAX / SP_POOL_GRAIN + 1 };
#define SP_POOL_QUICK_MAX SP_POOL_MAX /* the largest size the _quick functions serve */

/* Header of an object page. */
typedef struct sp_PoolPage {
    struct sp_PoolPage *next;
    char *bump;  /* slots from here on were never handed out */
    char *end;   /* of the page */
    size_t pad_; /* keeps the slots 16-byte aligned */
} sp_PoolPage;

/* Header of every block the pool takes from the host. */
typedef struct sp_PoolHost {
    struct sp_PoolHost *prev, *next; /* the pool's ring of them */
    size_t size;                     /* bytes asked of the host, header included */
    size_t pad_;                     /* keeps the block 16-byte aligned */
} sp_PoolHost;

/* Visible here only so that taking a block or an object, the commonest
 * thing a program does, is inline in sp_mem.c: sp_pool.c owns it. */
typedef struct sp_Pool {
    void *free[SP_POOL_NCLASS];      /* free blocks of c * GRAIN bytes, linked through their first word */
    char *bump, *end;                /* the unused tail of the newest block page */
    size_t next_page;                /* size of the next block page */
    sp_Obj *ofree[SP_POOL_NCLASS];   /* free object slots, linked through gcnext */
    sp_PoolPage *opages[SP_POOL_NCLASS]; /* object pages of each class, newest first */
    char *region, *rbump, *rend;     /* the region after the pool, its unused part from rbump */
    char *nbump, *nend;              /* the nursery's unused part (sp_pool.c) */
    void *slots;                     /* free region slots, linked through their first word */
    sp_PoolHost hosts;               /* the ring of host blocks (a sentinel) */
} sp_Pool;

static inline size_t sp_pool_class(size_t n) { return (n + SP_POOL_GRAIN - 1) / SP_POOL_GRAIN; }

void *sp_pool_alloc_slow(sp_VM *vm, size_t n);

/* The inline cases of sp_pool_alloc for n <= SP_POOL_MAX: a free block
 * of its class or room on the newest block page; else NULL.  (Apart, so
 * that sp_mem.c's fast path calls nothing and saves no registers.) */
static inline void *sp_pool_alloc_quick(sp_VM *vm, size_t n) {
    sp_Pool *pl = vm->pool;
    size_t c = sp_pool_class(n);
    void *b;
    if ((b = pl->free[c])) {
        memcpy(&pl->free[c], b, sizeof b);
    } else if ((size_t)(pl->end - pl->bump) >= c * SP_POOL_GRAIN) {
        b = pl->bump;
        pl->bump += c * SP_POOL_GRAIN;
    }
    return b;
}

static inline void *sp_pool_alloc(sp_VM *vm, size_t n) {
    void *b = n <= SP_POOL_MAX ? sp_pool_alloc_quick(vm, n) : NULL;
    return b ? b : sp_pool_alloc_slow(vm, n);
}

/* Everything but a free slot or room in the class's newest page or the
 * nursery: a new page, or a big object.  Zeroed as sp_pool_newobj's. */
sp_Obj *sp_pool_newobj_slow(sp_VM *vm, size_t size, bool zero);

/* The inline cases of sp_pool_newobj for size <= SP_POOL_MAX (a free
 * slot, room on the class's newest page or in the nursery), nothing
 * cleared; else NULL. */
static inline sp_Obj *sp_pool_newobj_quick(sp_VM *vm, size_t size) {
    sp_Pool *pl = vm->pool;
    size_t c = sp_pool_class(size);
    sp_Obj *o;
    sp_PoolPage *pg;
    if ((o = pl->ofree[c])) {
        pl->ofree[c] = o->gcnext;
    } else if ((pg = pl->opages[c]) && (size_t)(pg->end - pg->bump) >= c * SP_POOL_GRAIN) {
        o = (sp_Obj *)pg->bump;
        pg->bump += c * SP_POOL_GRAIN;
    } else if ((size_t)(pl->nend - pl->nbump) >= c * SP_POOL_GRAIN) {
        o = (sp_Obj *)pl->nbump;
        pl->nbump += c * SP_POOL_GRAIN;
    }
    return o;
}

static inline sp_Obj *sp_pool_newobj(sp_VM *vm, size_t size, bool zero) {
    sp_Obj *o = size <= SP_POOL_MAX ? sp_pool_newobj_quick(vm, size) : NULL;
    if (!o) return sp_pool_newobj_slow(vm, size, zero);
    /* gcflags must not carry a stale mark */
    if (zero) memset(o, 0, size);
    else *o = (sp_Obj){0};
    return o;
}

#endif

#endif
