/* sp_stridx.c - code point <-> byte offset in big non-ASCII strs.
 *
 * A str is UTF-8, so s[i] must find the byte where code point i starts:
 * a walk, O(n) per index, O(n^2) for a loop over a big text.  The sp_Str
 * header stays small, so the offsets live beside it: a few per-VM cache
 * entries (round-robin), each the byte offset of every SP_STRIDX_STEP-th
 * code point of one str, built on its first index.  A lookup is then one
 * read plus at most STEP-1 steps, and byte -> index a binary search plus a
 * short count.  Entries are weak: the collector drops those of unmarked
 * strs before the sweep frees them (a new str could reuse the address).
 * The arrays are a cache: if one cannot be had, the walk answers. */
#include "sp_strimpl.h"

typedef struct sp_StrIdx Entry;

static void drop(sp_VM *vm, Entry *e) {
    if (e->offs) sp_free(vm, e->offs, e->n * sizeof *e->offs);
    e->s = NULL;
    e->offs = NULL;
    e->n = 0;
}

static Entry *build(sp_VM *vm, const sp_Str *s) {
    size_t n = (s->clen - 1) / SP_STRIDX_STEP + 1; /* samples below clen */
    uint32_t *offs = sp_malloc_spare(vm, n * sizeof *offs);
    if (!offs) return NULL;
    offs[0] = 0;
    for (size_t k = 1; k < n; k++) /* sample k is below clen: the skip stays inside */
        offs[k] = (uint32_t)sp_utf8_skip(s->data, offs[k - 1], SP_STRIDX_STEP);
    Entry *e = &vm->stridx[vm->stridx_next++ % SP_STRIDX_SLOTS];
    drop(vm, e);
    e->s = s;
    e->offs = offs;
    e->n = (uint32_t)n;
    return e;
}

/* The entry of a big non-ASCII str (built if need be), or NULL: walk. */
static Entry *entry(sp_VM *vm, const sp_Str *s) {
    if (s->clen < SP_STRIDX_MIN) return NULL;
    for (int i = 0; i < SP_STRIDX_SLOTS; i++)
        if (vm->stridx[i].s == s) return &vm->stridx[i];
    return build(vm, s);
}

/* Near an end (s[0], s[-1], s[:k]) a walk is as short as a lookup, and a
 * str indexed only there never pays for its samples. */
#define NEAR SP_STRIDX_STEP

size_t sp_str_byteoff(sp_VM *vm, const sp_Str *s, size_t ci) {
    if (s->ascii) return ci < s->len ? ci : s->len;
    bool near = ci <= NEAR || ci >= s->clen || s->clen - ci <= NEAR;
    Entry *e = near ? NULL : entry(vm, s);
    if (!e) return sp_str_walkoff(s, ci);
    return sp_utf8_skip(s->data, e->offs[ci / SP_STRIDX_STEP], ci % SP_STRIDX_STEP);
}

/* bi is the start of a code point (or len). */
size_t sp_str_charidx(sp_VM *vm, const sp_Str *s, size_t bi) {
    if (s->ascii) return bi;
    if (bi > s->len - bi && s->len - bi <= 4 * NEAR) /* count the tail */
        return s->clen - sp_utf8_count(s->data + bi, s->len - bi);
    Entry *e = bi <= 4 * NEAR ? NULL : entry(vm, s);
    if (!e) return sp_utf8_count(s->data, bi);
    size_t lo = 0, hi = e->n; /* last sample at or before bi: offs[0] is 0 */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (e->offs[mid] <= bi) lo = mid;
        else hi = mid;
    }
    return lo * SP_STRIDX_STEP + sp_utf8_count(s->data + e->offs[lo], bi - e->offs[lo]);
}

void sp_stridx_sweep(sp_VM *vm) {
    for (int i = 0; i < SP_STRIDX_SLOTS; i++) {
        Entry *e = &vm->stridx[i];
        if (e->s && !(e->s->h.gcflags & (SP_GC_MARK | SP_GC_STATIC))) drop(vm, e);
    }
}

void sp_stridx_free(sp_VM *vm) {
    for (int i = 0; i < SP_STRIDX_SLOTS; i++) drop(vm, &vm->stridx[i]);
}
