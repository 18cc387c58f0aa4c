/* sp_pool.c - size-class pools for small blocks and small GC objects.
 *
 * Profiles of allocation-heavy programs showed most of their time in glibc
 * malloc/free and in the sweep walking the list of every object (one
 * cache miss per object).  So:
 *  - a block of up to SP_POOL_MAX bytes is a pop or a push on the free
 *    list of its 16-byte size class, carved from shared pages;
 *  - a GC object of up to SP_POOL_MAX bytes lives in a page holding only
 *    objects of its class, and the sweep walks those pages in address
 *    order.  A free object slot has type NULL and is linked through
 *    gcnext; each sweep rebuilds the free lists in address order and
 *    hands pages left empty back to the host.  Bigger objects keep the
 *    old way: a host block on the vm->objects list.
 * Pages grow geometrically from small, so an idle or short-lived
 * interpreter stays small and cheap to create.  Pages are not counted in
 * vm->mem_used, which stays exactly the sum of the sizes asked for.
 *
 * The size a caller passes to free/realloc picks the class, so it must be
 * exact (the accounting already demands it).  Sanitizer builds use plain
 * host blocks that carry their size in a header and abort on a mismatch,
 * and put every object on the list: ASan then sees every block. */
#include "sp_pool.h"

#include <stdio.h>
#include <stdlib.h>

#ifndef SP_POOL_MAX
#define SP_POOL_MAX 512 /* largest pooled block or object */
#endif
#ifndef SP_POOL_PAGE_MIN
#define SP_POOL_PAGE_MIN (4 * 1024)
#endif
#ifndef SP_POOL_PAGE_MAX
#define SP_POOL_PAGE_MAX (64 * 1024)
#endif

#if defined(__SANITIZE_ADDRESS__)
#define SP_POOL_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SP_POOL_CHECKED 1
#endif
#endif

enum { GRAIN = 16, NCLASS = SP_POOL_MAX / GRAIN + 1 };

typedef struct Page {
    struct Page *next;
    size_t size; /* bytes, header included */
} Page;

typedef struct sp_Pool {
    void *free[NCLASS];    /* free blocks of c * GRAIN bytes, linked through their first word */
    char *bump, *end;      /* the unused tail of the newest block page */
    Page *pages;           /* block pages */
    size_t next_page;      /* size of the next block page */
    sp_Obj *ofree[NCLASS]; /* free object slots, linked through gcnext */
    Page *opages[NCLASS];  /* object pages of each class, newest first */
    char *obump[NCLASS];   /* slots of the newest page from here on were never used */
    size_t onext[NCLASS];  /* size of the next object page of each class */
    char *rbump, *rend;    /* the unused part of the region that came with the pool */
} sp_Pool;

static inline void *host(sp_VM *vm, void *p, size_t oldn, size_t newn) {
    return vm->alloc(vm->alloc_ud, p, oldn, newn);
}

/* A new object is zeroed in full, or (a caller that writes every byte of
 * its body) only its header: gcflags must not carry a stale mark. */
static inline void clear(sp_Obj *o, size_t size, bool zero) {
    if (zero) memset(o, 0, size);
    else *o = (sp_Obj){0};
}

/* Big objects (and all of them in checked builds) are blocks linked on
 * vm->objects, swept by sp_gc.c. */
static __attribute__((noinline)) sp_Obj *list_obj(sp_VM *vm, size_t size, bool zero) {
    sp_Obj *o = sp_pool_realloc(vm, NULL, 0, size);
    if (!o) return NULL;
    clear(o, size, zero);
    o->gcnext = vm->objects;
    vm->objects = o;
    return o;
}

#ifdef SP_POOL_CHECKED

/* Header of a checked block: its size, padded to keep 16-byte alignment. */
enum { HDR = 16 };

static void check_size(void *p, size_t n) {
    size_t got;
    memcpy(&got, (char *)p - HDR, sizeof got);
    if (got != n) {
        fprintf(stderr, "sandpy: block of %zu bytes freed or resized as %zu bytes\n", got, n);
        abort();
    }
}

void *sp_pool_realloc(sp_VM *vm, void *p, size_t oldn, size_t newn) {
    if (p) check_size(p, oldn);
    char *base = p ? (char *)p - HDR : NULL;
    if (newn == 0) {
        host(vm, base, oldn + HDR, 0);
        return NULL;
    }
    char *q = host(vm, base, p ? oldn + HDR : 0, newn + HDR);
    if (!q) return NULL;
    memcpy(q, &newn, sizeof newn);
    return q + HDR;
}

void *sp_pool_alloc(sp_VM *vm, size_t n) { return sp_pool_realloc(vm, NULL, 0, n); }
void sp_pool_free(sp_VM *vm, void *p, size_t n) { sp_pool_realloc(vm, p, n, 0); }
sp_Obj *sp_pool_newobj(sp_VM *vm, size_t size, bool zero) { return list_obj(vm, size, zero); }
void sp_pool_sweep(sp_VM *vm, bool all) { (void)vm, (void)all; }
void sp_pool_foreach(sp_VM *vm, void (*fn)(sp_VM *, sp_Obj *)) { (void)vm, (void)fn; }
void sp_pool_release(sp_VM *vm) { (void)vm; }

#else

static inline size_t class_of(size_t n) { return (n + GRAIN - 1) / GRAIN; }

/* The first pages of a VM are carved from a region allocated with the
 * pool itself: a fresh interpreter running a snippet makes one host
 * allocation here instead of one per size class it touches.  Region pages
 * are never handed back on their own; they go with the pool. */
enum { POOL_HDR = (sizeof(sp_Pool) + GRAIN - 1) / GRAIN * GRAIN, REGION = 32 * 1024 };

static sp_Pool *pool_of(sp_VM *vm) {
    if (vm->pool) return vm->pool;
    sp_Pool *pl = host(vm, NULL, 0, POOL_HDR + REGION);
    if (!pl) return NULL;
    memset(pl, 0, sizeof *pl);
    pl->next_page = SP_POOL_PAGE_MIN;
    for (size_t c = 0; c < NCLASS; c++) pl->onext[c] = SP_POOL_PAGE_MIN;
    pl->rbump = (char *)pl + POOL_HDR;
    pl->rend = pl->rbump + REGION;
    vm->pool = pl;
    return pl;
}

static bool in_region(sp_Pool *pl, Page *pg) {
    uintptr_t a = (uintptr_t)pg;
    return a >= (uintptr_t)pl && a < (uintptr_t)pl->rend;
}

static Page *new_page(sp_VM *vm, Page **list, size_t *next) {
    sp_Pool *pl = vm->pool;
    size_t size = *next;
    Page *pg;
    if ((size_t)(pl->rend - pl->rbump) >= size) {
        pg = (Page *)pl->rbump;
        pl->rbump += size;
    } else if (!(pg = host(vm, NULL, 0, size))) {
        return NULL;
    }
    pg->next = *list;
    pg->size = size;
    *list = pg;
    if (size < SP_POOL_PAGE_MAX) *next = size * 2;
    return pg;
}

/* ------------------------------------------------------------ blocks */

static void *pool_alloc(sp_VM *vm, size_t c) {
    sp_Pool *pl = pool_of(vm);
    if (!pl) return NULL;
    void *b = pl->free[c];
    if (b) {
        memcpy(&pl->free[c], b, sizeof(void *));
        return b;
    }
    size_t n = c * GRAIN;
    if ((size_t)(pl->end - pl->bump) < n) { /* the old tail (< n bytes) is dropped */
        Page *pg = new_page(vm, &pl->pages, &pl->next_page);
        if (!pg) return NULL;
        pl->bump = (char *)(pg + 1);
        pl->end = (char *)pg + pg->size;
    }
    b = pl->bump;
    pl->bump += n;
    return b;
}

static void pool_free(sp_VM *vm, void *b, size_t c) {
    sp_Pool *pl = vm->pool;
    memcpy(b, &pl->free[c], sizeof(void *));
    pl->free[c] = b;
}

void *sp_pool_realloc(sp_VM *vm, void *p, size_t oldn, size_t newn) {
    size_t oc = p && oldn <= SP_POOL_MAX ? class_of(oldn) : 0;
    size_t nc = newn && newn <= SP_POOL_MAX ? class_of(newn) : 0;
    if (!oc && !nc) return host(vm, p, oldn, newn); /* host-sized (or freeing one) */
    if (newn == 0) {
        pool_free(vm, p, oc);
        return NULL;
    }
    if (oc == nc) return p;
    void *q = nc ? pool_alloc(vm, nc) : host(vm, NULL, 0, newn);
    if (!q) return NULL;
    if (p) {
        memcpy(q, p, oldn < newn ? oldn : newn);
        if (oc) pool_free(vm, p, oc);
        else host(vm, p, oldn, 0);
    }
    return q;
}

void *sp_pool_alloc(sp_VM *vm, size_t n) {
    return n <= SP_POOL_MAX ? pool_alloc(vm, class_of(n)) : host(vm, NULL, 0, n);
}

void sp_pool_free(sp_VM *vm, void *p, size_t n) {
    if (n <= SP_POOL_MAX) pool_free(vm, p, class_of(n));
    else host(vm, p, n, 0);
}

/* ------------------------------------------------------------ objects */

/* The slots of page pg in class c that were ever handed out. */
static char *slots_end(sp_Pool *pl, Page *pg, size_t c) {
    if (pg == pl->opages[c]) return pl->obump[c];
    return (char *)pg + pg->size - (pg->size - sizeof *pg) % (c * GRAIN);
}

#define SLOTS(pl, pg, c, o) \
    for (char *o##_p = (char *)((pg) + 1), *o##_e = slots_end(pl, pg, c); o##_p < o##_e; \
         o##_p += (c) * GRAIN)

/* No free slot in class c: carve the newest page forward (a fresh
 * interpreter touches only what it uses), or start a new page. */
static __attribute__((noinline)) sp_Obj *carve(sp_VM *vm, size_t c) {
    sp_Pool *pl = pool_of(vm);
    if (!pl) return NULL;
    size_t n = c * GRAIN;
    Page *pg = pl->opages[c];
    if (!pg || (size_t)((char *)pg + pg->size - pl->obump[c]) < n) {
        if (!(pg = new_page(vm, &pl->opages[c], &pl->onext[c]))) return NULL;
        pl->obump[c] = (char *)(pg + 1);
    }
    sp_Obj *o = (sp_Obj *)pl->obump[c];
    pl->obump[c] += n;
    return o;
}

/* The fast path is a pop from the class's free list (freed slots are
 * reused first, in address order). */
sp_Obj *sp_pool_newobj(sp_VM *vm, size_t size, bool zero) {
    if (size > SP_POOL_MAX) return list_obj(vm, size, zero);
    size_t c = class_of(size);
    sp_Pool *pl = vm->pool;
    sp_Obj *o;
    if (pl && (o = pl->ofree[c])) pl->ofree[c] = o->gcnext;
    else if (!(o = carve(vm, c))) return NULL;
    clear(o, size, zero);
    return o;
}

/* One class: free the unmarked (or all) objects, clear the marks, rebuild
 * the free list in address order, give back pages left empty (except the
 * newest, so a steady state does not churn the host allocator). */
static void sweep_class(sp_VM *vm, sp_Pool *pl, size_t c, bool all) {
    sp_Obj *head = NULL, **tail = &head;
    size_t freed = 0; /* subtracted once: a finalizer's sp_free only subtracts too */
    uint32_t keep = all ? 0 : SP_GC_MARK;
    for (Page **link = &pl->opages[c], *pg; (pg = *link);) {
        sp_Obj *phead = NULL, **ptail = &phead;
        bool live = false;
        SLOTS(pl, pg, c, o) {
            sp_Obj *o = (sp_Obj *)o_p;
            if (o->type) {
                if (o->gcflags & keep) {
                    o->gcflags &= ~SP_GC_MARK;
                    live = true;
                    continue;
                }
                if (o->type->finalize) o->type->finalize(vm, o);
                freed += o->size;
                o->type = NULL;
            }
            *ptail = o;
            ptail = &o->gcnext;
        }
        if (!live && link != &pl->opages[c] && !in_region(pl, pg)) {
            *link = pg->next;
            host(vm, pg, pg->size, 0);
            continue;
        }
        if (phead) {
            *tail = phead;
            tail = ptail;
        }
        link = &pg->next;
    }
    *tail = NULL;
    pl->ofree[c] = head;
    vm->mem_used -= freed;
}

void sp_pool_sweep(sp_VM *vm, bool all) {
    sp_Pool *pl = vm->pool;
    if (!pl) return;
    for (size_t c = 1; c < NCLASS; c++)
        if (pl->opages[c]) sweep_class(vm, pl, c, all);
}

void sp_pool_foreach(sp_VM *vm, void (*fn)(sp_VM *, sp_Obj *)) {
    sp_Pool *pl = vm->pool;
    if (!pl) return;
    for (size_t c = 1; c < NCLASS; c++)
        for (Page *pg = pl->opages[c]; pg; pg = pg->next) SLOTS(pl, pg, c, o) {
                if (((sp_Obj *)o_p)->type) fn(vm, (sp_Obj *)o_p);
            }
}

static void free_pages(sp_VM *vm, sp_Pool *pl, Page *pg) {
    for (Page *next; pg; pg = next) {
        next = pg->next;
        if (!in_region(pl, pg)) host(vm, pg, pg->size, 0);
    }
}

void sp_pool_release(sp_VM *vm) {
    sp_Pool *pl = vm->pool;
    if (!pl) return;
    free_pages(vm, pl, pl->pages);
    for (size_t c = 0; c < NCLASS; c++) free_pages(vm, pl, pl->opages[c]);
    host(vm, pl, POOL_HDR + REGION, 0);
    vm->pool = NULL;
}

#endif
