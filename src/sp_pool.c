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
 * interpreter stays small and cheap to create; before a class has a page
 * with room, its objects come from the nursery, one page shared by every
 * class (walked by object size), so a snippet's first objects carve no
 * page at all.  Pages are not counted in
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

#ifndef SP_POOL_PAGE_MIN
#define SP_POOL_PAGE_MIN (4 * 1024)
#endif
#ifndef SP_POOL_PAGE_MAX
#define SP_POOL_PAGE_MAX (64 * 1024)
#endif

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
size_t sp_pool_zeroed(void) { return 0; }
void sp_pool_init(sp_VM *vm, void *mem) { (void)vm, (void)mem; }
void *sp_pool_alloc(sp_VM *vm, size_t n) { return sp_pool_realloc(vm, NULL, 0, n); }
void sp_pool_free(sp_VM *vm, void *p, size_t n) { sp_pool_realloc(vm, p, n, 0); }
sp_Obj *sp_pool_newobj(sp_VM *vm, size_t size, bool zero) { return list_obj(vm, size, zero); }
void sp_pool_sweep(sp_VM *vm) { (void)vm; }
void sp_pool_foreach(sp_VM *vm, void (*fn)(sp_VM *, sp_Obj *)) { (void)vm, (void)fn; }
void sp_pool_release(sp_VM *vm) { (void)vm; }

#else

typedef sp_PoolPage Page;
typedef sp_PoolHost Host;
enum { GRAIN = SP_POOL_GRAIN, NCLASS = SP_POOL_NCLASS };

static inline size_t class_of(size_t n) { return sp_pool_class(n); }

/* The region holds the nursery, the first block page, the pages a
 * snippet touches (a few classes, one small page each) and one slot. */
enum {
    POOL_HDR = (sizeof(sp_Pool) + GRAIN - 1) / GRAIN * GRAIN,
    NURSERY = 4 * 1024,
    REGION = NURSERY + 32 * 1024 + SP_REGION_SLOT
};

static size_t grown(size_t size) { return size < SP_POOL_PAGE_MAX ? size * 2 : size; }

size_t sp_pool_size(void) { return POOL_HDR + REGION; }
size_t sp_pool_zeroed(void) { return sizeof(sp_Pool); }

void sp_pool_init(sp_VM *vm, void *mem) {
    sp_Pool *pl = mem; /* zeroed */
    pl->region = pl->nbump = (char *)pl + POOL_HDR;
    pl->nend = pl->bump = pl->region + NURSERY; /* the first block page: no carve */
    pl->end = pl->rbump = pl->bump + SP_POOL_PAGE_MIN;
    pl->next_page = grown(SP_POOL_PAGE_MIN);
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

/* ------------------------------------------------------------ blocks */

/* No free block of its class and no room on the newest page (or a big
 * block): a new page, the old tail (< n bytes) dropped. */
void *sp_pool_alloc_slow(sp_VM *vm, size_t n) {
    sp_Pool *pl = vm->pool;
    if (n > SP_POOL_MAX) {
        void *p = slot_alloc(pl, n);
        return p ? p : host_new(vm, n);
    }
    char *pg = new_page(vm, pl->next_page);
    if (!pg) return NULL;
    pl->bump = pg + class_of(n) * GRAIN;
    pl->end = pg + pl->next_page;
    pl->next_page = grown(pl->next_page);
    return pg;
}

static void pool_free(sp_VM *vm, void *b, size_t c) {
    sp_Pool *pl = vm->pool;
    memcpy(b, &pl->free[c], sizeof(void *));
    pl->free[c] = b;
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
 * is carved forward, then the nursery (sp_pool_newobj, inline): a fresh
 * interpreter touches only what it uses.  The nursery (the start of the
 * region) serves a class with no room on a page of its own while it
 * lasts, so a snippet's dozen objects of seven sizes take no page each.
 * Its slots are walked by the size of the object they hold (kept in a
 * freed slot), so the sweep finds them.  Here all three failed. */
sp_Obj *sp_pool_newobj_slow(sp_VM *vm, size_t size, bool zero) {
    if (size > SP_POOL_MAX) return list_obj(vm, size, zero);
    sp_Obj *o = carve_page(vm, class_of(size));
    if (o) clear(o, size, zero);
    return o;
}

/* Sweep one slot: true if its object lives (mark cleared), else it is
 * finalized (its size added to *freed) and the slot is free. */
static inline bool sweep_slot(sp_VM *vm, sp_Obj *o, size_t *freed) {
    if (o->type) {
        if (o->gcflags & SP_GC_MARK) {
            o->gcflags &= ~SP_GC_MARK;
            return true;
        }
        if (o->type->finalize) o->type->finalize(vm, o);
        *freed += o->size;
        o->type = NULL;
    }
    return false;
}

/* The nursery's slots (every class) in address order: the free ones go
 * on the lists at tails[class]. */
static size_t sweep_nursery(sp_VM *vm, sp_Pool *pl, sp_Obj ***tails) {
    size_t freed = 0;
    for (char *p = pl->region; p < pl->nbump;) {
        sp_Obj *o = (sp_Obj *)p;
        size_t c = class_of(o->size);
        p += c * GRAIN;
        if (sweep_slot(vm, o, &freed)) continue;
        *tails[c] = o;
        tails[c] = &o->gcnext;
    }
    return freed;
}

/* One class, its free list begun at *head/tail by the nursery: free the
 * unmarked objects, clear the marks, rebuild the free list in address
 * order, give back pages left empty (except the newest, so a steady
 * state does not churn the host allocator). */
static void sweep_class(sp_VM *vm, sp_Pool *pl, size_t c, sp_Obj **head, sp_Obj **tail) {
    size_t freed = 0; /* subtracted once: a finalizer's sp_free only subtracts too */
    for (Page **link = &pl->opages[c], *pg; (pg = *link);) {
        sp_Obj *phead = NULL, **ptail = &phead;
        bool live = false;
        SLOTS(pg, c, o) {
            sp_Obj *o = (sp_Obj *)o_p;
            if (sweep_slot(vm, o, &freed)) {
                live = true;
                continue;
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
    pl->ofree[c] = *head; /* read after the pages: with no nursery slot, tail is head */
    vm->mem_used -= freed;
}

void sp_pool_sweep(sp_VM *vm) {
    sp_Pool *pl = vm->pool;
    sp_Obj *heads[NCLASS], **tails[NCLASS];
    for (size_t c = 0; c < NCLASS; c++) heads[c] = NULL, tails[c] = &heads[c];
    vm->mem_used -= sweep_nursery(vm, pl, tails);
    for (size_t c = 1; c < NCLASS; c++) sweep_class(vm, pl, c, &heads[c], tails[c]);
}

void sp_pool_foreach(sp_VM *vm, void (*fn)(sp_VM *, sp_Obj *)) {
    sp_Pool *pl = vm->pool;
    for (char *p = pl->region; p < pl->nbump; p += class_of(((sp_Obj *)p)->size) * GRAIN)
        if (((sp_Obj *)p)->type) fn(vm, (sp_Obj *)p);
    for (size_t c = 1; c < NCLASS; c++)
        for (Page *pg = pl->opages[c]; pg; pg = pg->next) SLOTS(pg, c, o) {
                if (((sp_Obj *)o_p)->type) fn(vm, (sp_Obj *)o_p);
            }
}

/* Pages, big blocks and big objects alike: one pass over the ring.  (The
 * pool itself and its region go with the VM's block.) */
void sp_pool_release(sp_VM *vm) {
    sp_Pool *pl = vm->pool;
    if (pl->hosts.next == &pl->hosts) return; /* a short life: all in the region */
    for (Host *h = pl->hosts.next, *next; h != &pl->hosts; h = next) {
        next = h->next;
        host(vm, h, h->size, 0);
    }
    pl->hosts.prev = pl->hosts.next = &pl->hosts;
}

#endif
