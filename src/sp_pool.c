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
 * The pool lives in the VM's own host block, followed by a region from
 * which the first pages are carved, and blocks that fill about one
 * SP_REGION_SLOT (the first data-stack and arena chunks): a snippet's
 * whole run costs one call to the host allocator.  Every block the pool
 * does take from the host (later pages, big blocks and objects) carries
 * a small header linking it into one ring, so freeing the interpreter is
 * one pass over that ring, looking inside no page and running no
 * finalizer (SP_POOL_WHOLESALE).
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

enum { GRAIN = 16, NCLASS = SP_POOL_MAX / GRAIN + 1 };

/* Header of an object page. */
typedef struct Page {
    struct Page *next;
    char *bump;  /* slots from here on were never handed out */
    char *end;   /* of the page */
    size_t pad_; /* keeps the slots 16-byte aligned */
} Page;

/* Header of every block the pool takes from the host (pooled builds). */
typedef struct Host {
    struct Host *prev, *next; /* the pool's ring of them */
    size_t size;              /* bytes asked of the host, header included */
    size_t pad_;              /* keeps the block 16-byte aligned */
} Host;

typedef struct sp_Pool {
    void *free[NCLASS];    /* free blocks of c * GRAIN bytes, linked through their first word */
    char *bump, *end;      /* the unused tail of the newest block page */
    size_t next_page;      /* size of the next block page */
    sp_Obj *ofree[NCLASS]; /* free object slots, linked through gcnext */
    Page *opages[NCLASS];  /* object pages of each class, newest first */
    char *region, *rbump, *rend; /* the region after the pool, its unused part from rbump */
    void *slots;           /* free region slots, linked through their first word */
    Host hosts;            /* the ring of host blocks (a sentinel) */
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

size_t sp_pool_size(void) { return 0; }
void sp_pool_init(sp_VM *vm, void *mem) { (void)vm, (void)mem; }
void *sp_pool_alloc(sp_VM *vm, size_t n) { return sp_pool_realloc(vm, NULL, 0, n); }
void sp_pool_free(sp_VM *vm, void *p, size_t n) { sp_pool_realloc(vm, p, n, 0); }
sp_Obj *sp_pool_newobj(sp_VM *vm, size_t size, bool zero) { return list_obj(vm, size, zero); }
void sp_pool_sweep(sp_VM *vm) { (void)vm; }
void sp_pool_foreach(sp_VM *vm, void (*fn)(sp_VM *, sp_Obj *)) { (void)vm, (void)fn; }
void sp_pool_release(sp_VM *vm) { (void)vm; }

#else

static inline size_t class_of(size_t n) { return (n + GRAIN - 1) / GRAIN; }

/* The region holds the pages a snippet touches (a few classes, one small
 * page each) and one slot. */
enum { POOL_HDR = (sizeof(sp_Pool) + GRAIN - 1) / GRAIN * GRAIN, REGION = 32 * 1024 + SP_REGION_SLOT };

size_t sp_pool_size(void) { return POOL_HDR + REGION; }

void sp_pool_init(sp_VM *vm, void *mem) {
    sp_Pool *pl = mem;
    memset(pl, 0, sizeof *pl);
    pl->next_page = SP_POOL_PAGE_MIN;
    pl->region = pl->rbump = (char *)pl + POOL_HDR;
    pl->rend = pl->region + REGION;
    pl->hosts.prev = pl->hosts.next = &pl->hosts;
    vm->pool = pl;
}

/* ------------------------------------------------------------ host blocks */

static void ring_link(Host *h) {
    h->prev->next = h;
    h->next->prev = h;
}

static void *host_new(sp_VM *vm, size_t n) {
    sp_Pool *pl = vm->pool;
    Host *h = host(vm, NULL, 0, sizeof *h + n); /* n <= SP_MAX_ALLOC: no overflow */
    if (!h) return NULL;
    h->size = sizeof *h + n;
    h->prev = &pl->hosts;
    h->next = pl->hosts.next;
    ring_link(h);
    return h + 1;
}

static void *host_resize(sp_VM *vm, void *p, size_t newn) {
    Host *h = host(vm, (Host *)p - 1, ((Host *)p - 1)->size, sizeof *h + newn);
    if (!h) return NULL;
    h->size = sizeof *h + newn;
    ring_link(h); /* it may have moved: its neighbours still point at the old place */
    return h + 1;
}

static void host_free(sp_VM *vm, void *p) {
    Host *h = (Host *)p - 1;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    host(vm, h, h->size, 0);
}

/* ------------------------------------------------------------ the region */

/* Region memory is never given back on its own: it goes with the VM. */
static void *region_take(sp_Pool *pl, size_t n) {
    if ((size_t)(pl->rend - pl->rbump) < n) return NULL;
    void *p = pl->rbump;
    pl->rbump += n;
    return p;
}

static bool in_region(sp_Pool *pl, const void *p) {
    return (const char *)p >= pl->region && (const char *)p < pl->rend;
}

/* A block of about a slot (only those: a smaller one would waste most of
 * it) takes a free slot while there is one. */
static void *slot_alloc(sp_Pool *pl, size_t n) {
    if (n <= SP_REGION_SLOT / 2 || n > SP_REGION_SLOT) return NULL;
    void *s = pl->slots;
    if (!s) return region_take(pl, SP_REGION_SLOT);
    memcpy(&pl->slots, s, sizeof s);
    return s;
}

static void slot_free(sp_Pool *pl, void *s) {
    memcpy(s, &pl->slots, sizeof s);
    pl->slots = s;
}

/* A page: from the region while it lasts, then from the host. */
static void *new_page(sp_VM *vm, size_t size) {
    void *pg = region_take(vm->pool, size);
    return pg ? pg : host_new(vm, size);
}

static size_t grown(size_t size) { return size < SP_POOL_PAGE_MAX ? size * 2 : size; }

/* ------------------------------------------------------------ blocks */

static void *pool_alloc(sp_VM *vm, size_t c) {
    sp_Pool *pl = vm->pool;
    void *b = pl->free[c];
    if (b) {
        memcpy(&pl->free[c], b, sizeof(void *));
        return b;
    }
    size_t n = c * GRAIN;
    if ((size_t)(pl->end - pl->bump) < n) { /* the old tail (< n bytes) is dropped */
        char *pg = new_page(vm, pl->next_page);
        if (!pg) return NULL;
        pl->bump = pg;
        pl->end = pg + pl->next_page;
        pl->next_page = grown(pl->next_page);
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

void *sp_pool_alloc(sp_VM *vm, size_t n) {
    if (n <= SP_POOL_MAX) return pool_alloc(vm, class_of(n));
    void *p = slot_alloc(vm->pool, n);
    return p ? p : host_new(vm, n);
}

void sp_pool_free(sp_VM *vm, void *p, size_t n) {
    if (n <= SP_POOL_MAX) pool_free(vm, p, class_of(n));
    else if (in_region(vm->pool, p)) slot_free(vm->pool, p);
    else host_free(vm, p);
}

void *sp_pool_realloc(sp_VM *vm, void *p, size_t oldn, size_t newn) {
    if (!p) return newn ? sp_pool_alloc(vm, newn) : NULL;
    if (!newn) return sp_pool_free(vm, p, oldn), NULL;
    if (oldn <= SP_POOL_MAX) {
        if (newn <= SP_POOL_MAX && class_of(newn) == class_of(oldn)) return p;
    } else if (in_region(vm->pool, p)) {
        if (newn > SP_POOL_MAX && newn <= SP_REGION_SLOT) return p; /* still fits its slot */
    } else if (newn > SP_POOL_MAX) {
        return host_resize(vm, p, newn);
    }
    void *q = sp_pool_alloc(vm, newn);
    if (!q) return NULL;
    memcpy(q, p, oldn < newn ? oldn : newn);
    sp_pool_free(vm, p, oldn);
    return q;
}

/* ------------------------------------------------------------ objects */

/* The slots of page pg in class c that were ever handed out. */
#define SLOTS(pg, c, o) for (char *o##_p = (char *)((pg) + 1); o##_p < (pg)->bump; o##_p += (c) * GRAIN)

/* The newest page of class c is full: start one twice its size. */
static __attribute__((noinline)) sp_Obj *carve_page(sp_VM *vm, size_t c) {
    sp_Pool *pl = vm->pool;
    Page *old = pl->opages[c];
    size_t size = old ? grown((size_t)(old->end - (char *)old)) : SP_POOL_PAGE_MIN;
    Page *pg = new_page(vm, size);
    if (!pg) return NULL;
    pg->next = old;
    pg->end = (char *)pg + size;
    pg->bump = (char *)(pg + 1) + c * GRAIN;
    pl->opages[c] = pg;
    return (sp_Obj *)(pg + 1);
}

/* Freed slots are reused first (in address order), then the newest page
 * is carved forward: a fresh interpreter touches only what it uses. */
sp_Obj *sp_pool_newobj(sp_VM *vm, size_t size, bool zero) {
    if (size > SP_POOL_MAX) return list_obj(vm, size, zero);
    size_t c = class_of(size);
    sp_Pool *pl = vm->pool;
    sp_Obj *o;
    Page *pg;
    if ((o = pl->ofree[c])) {
        pl->ofree[c] = o->gcnext;
    } else if ((pg = pl->opages[c]) && (size_t)(pg->end - pg->bump) >= c * GRAIN) {
        o = (sp_Obj *)pg->bump;
        pg->bump += c * GRAIN;
    } else if (!(o = carve_page(vm, c))) {
        return NULL;
    }
    clear(o, size, zero);
    return o;
}

/* One class: free the unmarked objects, clear the marks, rebuild the
 * free list in address order, give back pages left empty (except the
 * newest, so a steady state does not churn the host allocator). */
static void sweep_class(sp_VM *vm, sp_Pool *pl, size_t c) {
    sp_Obj *head = NULL, **tail = &head;
    size_t freed = 0; /* subtracted once: a finalizer's sp_free only subtracts too */
    for (Page **link = &pl->opages[c], *pg; (pg = *link);) {
        sp_Obj *phead = NULL, **ptail = &phead;
        bool live = false;
        SLOTS(pg, c, o) {
            sp_Obj *o = (sp_Obj *)o_p;
            if (o->type) {
                if (o->gcflags & SP_GC_MARK) {
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
            host_free(vm, pg);
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

void sp_pool_sweep(sp_VM *vm) {
    sp_Pool *pl = vm->pool;
    for (size_t c = 1; c < NCLASS; c++)
        if (pl->opages[c]) sweep_class(vm, pl, c);
}

void sp_pool_foreach(sp_VM *vm, void (*fn)(sp_VM *, sp_Obj *)) {
    sp_Pool *pl = vm->pool;
    for (size_t c = 1; c < NCLASS; c++)
        for (Page *pg = pl->opages[c]; pg; pg = pg->next) SLOTS(pg, c, o) {
                if (((sp_Obj *)o_p)->type) fn(vm, (sp_Obj *)o_p);
            }
}

/* Pages, big blocks and big objects alike: one pass over the ring.  (The
 * pool itself and its region go with the VM's block.) */
void sp_pool_release(sp_VM *vm) {
    sp_Pool *pl = vm->pool;
    for (Host *h = pl->hosts.next, *next; h != &pl->hosts; h = next) {
        next = h->next;
        host(vm, h, h->size, 0);
    }
    pl->hosts.prev = pl->hosts.next = &pl->hosts;
}

#endif
