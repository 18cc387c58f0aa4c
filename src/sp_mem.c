/* sp_mem.c - the one accounting allocator, and growable byte buffers.
 *
 * Every byte sandpy owns passes through sp_realloc, which is told the old
 * size, so vm->mem_used is exact and a limit can be enforced before the
 * system allocator is even asked. */
#include "sp_pool.h"

#include <stdio.h>
#include <stdlib.h>

/* The MemoryError is preallocated: raising it must not allocate.  A limit
 * hit is sticky (vm->limit_hit) so Python code cannot catch its way past. */
void *sp_nomem(sp_VM *vm) {
    if (!vm->memerr) return NULL; /* creating it failed: sp_vm_new gives up */
    /* The one instance is reused: drop what a previous raise attached. */
    vm->memerr->tb = NULL;
    vm->memerr->context = vm->memerr->cause = SP_NULLV;
    vm->exc = sp_objv(vm->memerr);
    return NULL;
}

static void *over_limit(sp_VM *vm) {
    vm->limit_hit = true;
    return sp_nomem(vm);
}

/* Why admit said no (off the fast path): the same tests one by one, to
 * raise the right error.  A request no heap could ever satisfy is refused
 * without using anything: a plain MemoryError, catchable as in CPython.
 * Running out of room is the limit, and ends the run.  A big growth polls
 * the other limits (time, cancellation). */
static __attribute__((noinline)) bool refuse(sp_VM *vm, size_t grow, size_t newn) {
    if (newn > SP_MAX_ALLOC || (vm->mem_limit && grow > vm->mem_limit)) return sp_nomem(vm), false;
    if (vm->mem_limit && vm->mem_used + grow > vm->mem_limit) return over_limit(vm), false;
    if (vm->alloc_limit && vm->nallocs >= vm->alloc_limit) return over_limit(vm), false;
    return sp_check_limits_now(vm); /* grow >= SP_POLL_BYTES */
}

/* May the heap grow by `grow` (<= newn) bytes to hold a block of newn?
 * false with MemoryError (or a limit's error) pending.  Inlined: the
 * common case (no limit near, a small block) is four tests. */
static inline __attribute__((always_inline)) bool admit(sp_VM *vm, size_t grow, size_t newn) {
    if (newn <= SP_MAX_ALLOC && grow < SP_POLL_BYTES &&
        (!vm->mem_limit || vm->mem_used + grow <= vm->mem_limit) &&
        (!vm->alloc_limit || vm->nallocs < vm->alloc_limit))
        return true;
    return refuse(vm, grow, newn);
}

/* mem_peak is brought up to date only where mem_used is about to drop
 * (and when read: sp_mem_peak): between drops the peak is the current
 * use, so a new block costs no test for it. */
void sp_mem_note_peak(sp_VM *vm) {
    if (vm->mem_used > vm->mem_peak) vm->mem_peak = vm->mem_used;
}

size_t sp_mem_peak(const sp_VM *vm) { return vm->mem_used > vm->mem_peak ? vm->mem_used : vm->mem_peak; }

static inline __attribute__((always_inline)) void account(sp_VM *vm, size_t oldn, size_t newn) {
    vm->nallocs++;
    if (newn < oldn) sp_mem_note_peak(vm);
    vm->mem_used = vm->mem_used - oldn + newn;
    if (newn > oldn) vm->gc_debt += newn - oldn;
}

/* The common case of a new block or object (no limit near, a small one
 * the pool has at hand), in line with no call, so it saves no registers:
 * whatever else, the caller's full path. */
static inline __attribute__((always_inline)) bool quick_ok(sp_VM *vm, size_t n) {
    _Static_assert(SP_POOL_QUICK_MAX < SP_POLL_BYTES && SP_POOL_QUICK_MAX <= SP_MAX_ALLOC, "admit's first tests hold");
    return n <= SP_POOL_QUICK_MAX && (!vm->mem_limit || vm->mem_used + n <= vm->mem_limit) &&
           (!vm->alloc_limit || vm->nallocs < vm->alloc_limit);
}

static inline __attribute__((always_inline)) void account_new(sp_VM *vm, size_t n) {
    vm->nallocs++;
    vm->mem_used += n;
    vm->gc_debt += n;
}

void *sp_realloc(sp_VM *vm, void *p, size_t oldn, size_t newn) {
    if (newn > oldn && !admit(vm, newn - oldn, newn)) return NULL;
    if (newn == 0) {
        if (p) sp_pool_realloc(vm, p, oldn, 0);
        sp_mem_note_peak(vm);
        vm->mem_used -= oldn;
        return NULL;
    }
    void *q = sp_pool_realloc(vm, p, oldn, newn);
    if (!q) return sp_nomem(vm);
    account(vm, oldn, newn);
    return q;
}

static __attribute__((noinline)) void *malloc_full(sp_VM *vm, size_t n) {
    if (!n) n = 1;
    if (!admit(vm, n, n)) return NULL;
    void *q = sp_pool_alloc(vm, n);
    if (!q) return sp_nomem(vm);
    account(vm, 0, n);
    return q;
}

void *sp_malloc(sp_VM *vm, size_t n) {
    void *q;
    if (n && quick_ok(vm, n) && (q = sp_pool_alloc_quick(vm, n))) {
        account_new(vm, n);
        return q;
    }
    return malloc_full(vm, n);
}

void *sp_malloc_spare(sp_VM *vm, size_t n) {
    if (!n || n > SP_MAX_ALLOC) return NULL;
    /* Half the room left at most: the program's own data comes first. */
    if (vm->mem_limit && (vm->mem_used > vm->mem_limit || n > (vm->mem_limit - vm->mem_used) / 2))
        return NULL;
    if (vm->alloc_limit && vm->nallocs >= vm->alloc_limit) return NULL;
    void *q = sp_pool_alloc(vm, n);
    if (q) account(vm, 0, n);
    return q;
}
void *sp_calloc(sp_VM *vm, size_t n) {
    void *p = sp_malloc(vm, n);
    if (p) memset(p, 0, n ? n : 1);
    return p;
}

void sp_free(sp_VM *vm, void *p, size_t n) {
    if (!p) return;
    if (!n) n = 1;
    sp_pool_free(vm, p, n);
    sp_mem_note_peak(vm);
    vm->mem_used -= n;
}

/* Objects are accounted like any block (admit checks the limits and the
 * GC's debt grows in account, exactly as for sp_malloc); where they live
 * (and how the sweep finds them) is sp_pool.c's business. */
static __attribute__((noinline)) void *newobj_full(sp_VM *vm, sp_Type *t, size_t size, bool zero) {
    if (!admit(vm, size, size)) return NULL;
    sp_Obj *o = sp_pool_newobj(vm, size, zero);
    if (!o) return sp_nomem(vm);
    account(vm, 0, size);
    o->type = t;
    o->size = size;
    return o;
}

static inline __attribute__((always_inline)) void *newobj(sp_VM *vm, sp_Type *t, size_t size, bool zero) {
    sp_Obj *o;
    if (!quick_ok(vm, size) || !(o = sp_pool_newobj_quick(vm, size))) return newobj_full(vm, t, size, zero);
    if (zero) memset(o, 0, size);
    *o = (sp_Obj){t, NULL, size, 0, 0}; /* gcflags must not carry a stale mark */
    account_new(vm, size);
    return o;
}

void *sp_newobj(sp_VM *vm, sp_Type *t, size_t size) { return newobj(vm, t, size, true); }

void *sp_newobj_raw(sp_VM *vm, sp_Type *t, size_t size) { return newobj(vm, t, size, false); }

/* ----------------------------------------------------------- buffers */

void sp_buf_init(sp_VM *vm, sp_Buf *b) {
    b->p = NULL;
    b->n = b->cap = 0;
    b->vm = vm;
}

bool sp_buf_reserve(sp_Buf *b, size_t extra) {
    if (extra > SP_MAX_ALLOC || b->n + extra > SP_MAX_ALLOC) return sp_nomem(b->vm), false;
    size_t need = b->n + extra + 1; /* room for a NUL */
    if (need <= b->cap) return true;
    size_t cap = b->cap ? b->cap : 32;
    while (cap < need) cap = cap < SP_MAX_ALLOC / 2 ? cap * 2 : need;
    char *p = sp_realloc(b->vm, b->p, b->cap, cap);
    if (!p) return false;
    b->p = p;
    b->cap = cap;
    return true;
}

bool sp_buf_add(sp_Buf *b, const void *s, size_t n) {
    if (!sp_buf_reserve(b, n)) return false;
    if (n) memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
    return true;
}

bool sp_buf_adds(sp_Buf *b, const char *s) { return sp_buf_add(b, s, strlen(s)); }

bool sp_buf_addc(sp_Buf *b, char c) { return sp_buf_add(b, &c, 1); }

bool sp_buf_addcp(sp_Buf *b, uint32_t cp) {
    char s[4];
    size_t n = sp_utf8_len(cp);
    switch (n) {
    case 1: s[0] = (char)cp; break;
    case 2: s[0] = (char)(0xC0 | (cp >> 6)); s[1] = (char)(0x80 | (cp & 0x3F)); break;
    case 3:
        s[0] = (char)(0xE0 | (cp >> 12));
        s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F));
        break;
    default:
        s[0] = (char)(0xF0 | (cp >> 18));
        s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[3] = (char)(0x80 | (cp & 0x3F));
    }
    return sp_buf_add(b, s, n);
}

bool sp_buf_addf(sp_Buf *b, const char *fmt, ...) {
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return true;
    if ((size_t)n < sizeof tmp) return sp_buf_add(b, tmp, (size_t)n);
    if (!sp_buf_reserve(b, (size_t)n)) return false;
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
    return true;
}

bool sp_buf_addv(sp_Buf *b, sp_Value v, bool repr) {
    sp_Value s = repr ? sp_repr(b->vm, v) : sp_str(b->vm, v);
    if (sp_iserr(s)) return false;
    return sp_buf_add(b, SP_STR(s)->data, SP_STR(s)->len);
}

sp_Value sp_buf_tostr(sp_Buf *b) {
    sp_Value s = sp_str_new(b->vm, b->p ? b->p : "", b->n);
    sp_buf_free(b);
    return s;
}

void sp_buf_free(sp_Buf *b) {
    sp_free(b->vm, b->p, b->cap);
    b->p = NULL;
    b->n = b->cap = 0;
}
