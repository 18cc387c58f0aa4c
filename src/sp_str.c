/* sp_str.c - the str type: UTF-8 storage, interning, hashing, repr, the
 * type slots, and the byte-level search shared with bytes.
 *
 * Representation: UTF-8 bytes plus the code point count.  Lone surrogates
 * (which CPython str can hold) are stored as their 3-byte generalized
 * UTF-8 form (WTF-8); the codecs refuse them on the way out.  Byte order
 * of this encoding is code point order, so comparison is memcmp.
 * Indexing an ASCII str is O(1); a short non-ASCII one walks the bytes,
 * a big one reads sampled offsets from a per-VM cache (sp_stridx.c). */
#include "sp_strimpl.h"

#define SP_NAMES_DEFINE
#include "sp_names.h"

#include <stdio.h>

/* ------------------------------------------------------------ UTF-8 */

size_t sp_utf8_len(uint32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

/* Length of the sequence a lead byte starts (input is known valid). */
static inline size_t lead_len(uint8_t b) { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }

uint32_t sp_utf8_next(const char *s, size_t *i) {
    const uint8_t *p = (const uint8_t *)s + *i;
    size_t n = lead_len(p[0]);
    *i += n;
    switch (n) {
    case 1: return p[0];
    case 2: return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3: return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    default:
        return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
               ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    }
}

/* Every str is built through here: count 8 bytes at a time, less the
 * continuation bytes (10xxxxxx: bit 7 set, bit 6 clear), summed by one
 * multiply (each byte's flag is 0 or 1: no popcount, which is a libgcc
 * call without -mpopcnt). */
size_t sp_utf8_count(const char *p, size_t n) {
    size_t c = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
        c += 8 - (size_t)((cont * 0x0101010101010101ull) >> 56);
    }
    for (; i < n; i++) c += ((uint8_t)p[i] & 0xC0) != 0x80;
    return c;
}

/* Strict UTF-8 (no surrogates, no overlongs): what hosts and sources give us. */
int64_t sp_utf8_check(const char *s, size_t n) {
    const uint8_t *p = (const uint8_t *)s;
    /* an ASCII prefix (all of most sources) 8 bytes per step; short strs
     * skip it at the cost of one compare */
    size_t i = 0;
    uint64_t w;
    while (i + 8 <= n && (memcpy(&w, p + i, 8), !(w & 0x8080808080808080ull))) i += 8;
    int64_t count = (int64_t)i;
    while (i < n) {
        uint8_t b = p[i];
        size_t k;
        uint8_t lo = 0x80, hi = 0xBF;
        if (b < 0x80) { i++; count++; continue; }
        if (b >= 0xC2 && b <= 0xDF) k = 1;
        else if (b >= 0xE0 && b <= 0xEF) {
            k = 2;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            k = 3;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        } else return -1;
        if (n - i <= k) return -1;
        if (p[i + 1] < lo || p[i + 1] > hi) return -1;
        for (size_t j = 2; j <= k; j++)
            if ((p[i + j] & 0xC0) != 0x80) return -1;
        i += k + 1;
        count++;
    }
    return count;
}

/* ------------------------------------------------------- construction */

sp_Str *sp_str_alloc(sp_VM *vm, size_t nbytes, size_t clen) {
    if (nbytes > SP_STR_MAX) return sp_nomem(vm);
    /* Not zeroed: every caller writes data[0..nbytes) (str has no traverse). */
    sp_Str *s = sp_newobj_raw(vm, &sp_t_str, offsetof(sp_Str, data) + nbytes + 1);
    if (!s) return NULL;
    s->hash = -1;
    s->len = nbytes;
    s->clen = clen;
    s->ascii = nbytes == clen;
    s->interned = 0;
    s->data[nbytes] = 0;
    return s;
}

static sp_Value str_copy(sp_VM *vm, const char *p, size_t n, size_t clen) {
    sp_Str *s = sp_str_alloc(vm, n, clen);
    if (!s) return SP_ERRV;
    if (n) memcpy(s->data, p, n);
    return sp_objv(s);
}

/* The empty str and one-character ASCII strs are static singletons, as
 * CPython's are: s[i], iteration, split pieces and partition's empty parts
 * then cost nothing (no allocation, no garbage, the hash precomputed), and
 * `s[0] is 'a'` holds as in CPython. */
static inline const sp_StaticStr *static_char(const char *p, size_t n) {
    if (n == 0) return &sp_names[SP_NM_empty];
    return n == 1 && (uint8_t)p[0] < 0x80 ? &sp_chars[(uint8_t)p[0]] : NULL;
}

sp_Value sp_str_from(sp_VM *vm, const char *p, size_t n, size_t clen) {
    const sp_StaticStr *c = static_char(p, n);
    if (c) return sp_objv((void *)(uintptr_t)c);
    return str_copy(vm, p, n, clen);
}

sp_Value sp_str_new(sp_VM *vm, const char *utf8, size_t n) {
    return sp_str_from(vm, utf8, n, sp_utf8_count(utf8, n));
}

sp_Value sp_str_cstr(sp_VM *vm, const char *s) { return sp_str_new(vm, s, strlen(s)); }

static inline uint64_t load8(const char *p) { uint64_t w; memcpy(&w, p, 8); return w; }
static inline uint32_t load4(const char *p) { uint32_t w; memcpy(&w, p, 4); return w; }

/* Equal bytes, inline for the short keys dicts are full of (a memcmp
 * call costs more than the compare): overlapping word loads cover the
 * tail without reading past n. */
static inline bool bytes_eq(const char *a, const char *b, size_t n) {
    if (n >= 8) {
        if (n > 32) return memcmp(a, b, n) == 0;
        for (size_t i = 0; i + 8 < n; i += 8)
            if (load8(a + i) != load8(b + i)) return false;
        return load8(a + n - 8) == load8(b + n - 8);
    }
    if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return false;
    return true;
}

/* The intern table: open addressing on a cheap word-at-a-time hash of
 * the bytes, not a dict.  Interning runs for every name the compiler
 * meets, and SipHash plus a dict probe cost ten times this; a str's own
 * (CPython-compatible) hash is still computed lazily when a dict needs
 * it.  Interned strs live as long as the VM: the table is a GC root.
 * Before it come the static strs (sp_names.h, tools/gen_names.py): "",
 * the one-character ASCII strs and the names every run meets, shared
 * read-only by all VMs with their hashes precomputed, so a fresh VM
 * allocates, hashes and marks none of them (and often has no table). */
typedef struct sp_Interned {
    size_t n, cap;           /* cap: a power of two, at most 3/4 full */
    struct IEnt { uint64_t h; sp_Str *s; } e[];
} sp_Interned;

/* tools/gen_names.py has a copy (sp_names.h stores these hashes). */
static uint64_t intern_hash(const char *p, size_t n) {
    uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ull, w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, p + i, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
    }
    w = 0;
    for (size_t k = n; k > i; k--) w = (w << 8) | (uint8_t)p[k - 1]; /* no memcpy call */
    h = (h ^ w) * 0x94d049bb133111ebull;
    return h ^ (h >> 29);
}

static size_t itab_bytes(size_t cap) { return sizeof(sp_Interned) + cap * sizeof(struct IEnt); }

static bool itab_grow(sp_VM *vm) {
    sp_Interned *old = vm->interned;
    /* 16 entries (272 bytes) come from the pool; a snippet's names fit. */
    size_t cap = old ? old->cap * 2 : 16, bytes;
    if (!sp_size_mul(vm, cap, sizeof(struct IEnt), &bytes)) return false;
    sp_Interned *t = sp_calloc(vm, itab_bytes(cap));
    if (!t) return false;
    t->cap = cap;
    for (size_t i = 0; old && i < old->cap; i++) {
        if (!old->e[i].s) continue;
        size_t j = old->e[i].h & (cap - 1);
        while (t->e[j].s) j = (j + 1) & (cap - 1);
        t->e[j] = old->e[i];
        t->n++;
    }
    if (old) sp_free(vm, old, itab_bytes(old->cap));
    vm->interned = t;
    return true;
}

/* sp_names.h's static strs stand in sp_Str's place. */
_Static_assert(offsetof(sp_StaticStr, hash) == offsetof(sp_Str, hash) &&
                  offsetof(sp_StaticStr, len) == offsetof(sp_Str, len) &&
                  offsetof(sp_StaticStr, clen) == offsetof(sp_Str, clen) &&
                  offsetof(sp_StaticStr, ascii) == offsetof(sp_Str, ascii) &&
                  offsetof(sp_StaticStr, interned) == offsetof(sp_Str, interned) &&
                  offsetof(sp_StaticStr, data) == offsetof(sp_Str, data),
              "sp_StaticStr must mirror sp_Str");

/* A static name (sp_names.h) with intern hash h, or NULL: a const table
 * under a quarter full, so a miss is one or two byte loads. */
static const sp_StaticStr *static_name(uint64_t h, const char *s, size_t n) {
    for (size_t j = h & (SP_NAMES_SLOTS - 1), i; (i = sp_names_slot[j]); j = (j + 1) & (SP_NAMES_SLOTS - 1)) {
        const sp_StaticStr *k = &sp_names[i - 1];
        if (sp_names_ihash[i - 1] == h && k->len == n && bytes_eq(k->data, s, n)) return k;
    }
    return NULL;
}

/* Interning s (absent from the table; h is its intern hash): a new str,
 * out of line so that sp_str_intern's lookups stay small. */
static __attribute__((noinline)) sp_Value intern_add(sp_VM *vm, uint64_t h, const char *s, size_t n) {
    if ((!vm->interned || 4 * (vm->interned->n + 1) > 3 * vm->interned->cap) && !itab_grow(vm))
        return SP_ERRV;
    sp_Interned *t = vm->interned;
    size_t j = h & (t->cap - 1);
    while (t->e[j].s) j = (j + 1) & (t->cap - 1);
    sp_Value v = str_copy(vm, s, n, sp_utf8_count(s, n));
    if (sp_iserr(v)) return v;
    SP_STR(v)->interned = 1;
    t->e[j].h = h;
    t->e[j].s = SP_STR(v);
    t->n++;
    return v;
}

/* Static strs first: they are the interned ones for their contents in
 * every VM (two interned strs with equal bytes must never exist). */
sp_Value sp_str_intern(sp_VM *vm, const char *s, size_t n) {
    const sp_StaticStr *st = static_char(s, n);
    uint64_t h = st ? 0 : intern_hash(s, n);
    if (st || (st = static_name(h, s, n))) return sp_objv((void *)(uintptr_t)st);
    sp_Interned *t = vm->interned;
    for (size_t j = h & (t ? t->cap - 1 : 0); t && t->e[j].s; j = (j + 1) & (t->cap - 1))
        if (t->e[j].h == h && t->e[j].s->len == n && bytes_eq(t->e[j].s->data, s, n)) return sp_objv(t->e[j].s);
    return intern_add(vm, h, s, n);
}

void sp_str_mark_interned(sp_VM *vm) {
    sp_Interned *t = vm->interned;
    for (size_t i = 0; t && i < t->cap; i++)
        if (t->e[i].s) sp_gc_marko(vm, &t->e[i].s->h);
}

void sp_str_free_interned(sp_VM *vm) {
    if (vm->interned) sp_free(vm, vm->interned, itab_bytes(vm->interned->cap));
    vm->interned = NULL;
}

sp_Value sp_str_intern_cstr(sp_VM *vm, const char *s) { return sp_str_intern(vm, s, strlen(s)); }

/* A compiled code's filename: the static str for the pseudo-files the API
 * passes ("<string>", "<stdin>", "<snippet>": sp_names.h), so a fresh
 * interpreter's first compile allocates no str for it; else a new str,
 * not interned (the table would keep every filename for the VM's life). */
sp_Value sp_str_filename(sp_VM *vm, const char *s) {
    static const uint8_t files[] = {SP_NM_string, SP_NM_stdin, SP_NM_snippet};
    size_t n = strlen(s);
    for (size_t i = 0; i < sizeof files && s[0] == '<'; i++) { /* cheaper than hashing */
        const sp_StaticStr *st = &sp_names[files[i]];
        if (st->len == n && bytes_eq(st->data, s, n)) return sp_objv((void *)(uintptr_t)st);
    }
    return sp_str_new(vm, s, n);
}

sp_Value sp_str_concat(sp_VM *vm, sp_Str *a, sp_Str *b) {
    if (b->len > SP_MAX_ALLOC - a->len) return sp_nomem(vm), SP_ERRV;
    sp_Str *s = sp_str_alloc(vm, (size_t)a->len + b->len, (size_t)a->clen + b->clen);
    if (!s) return SP_ERRV;
    memcpy(s->data, a->data, a->len);
    memcpy(s->data + a->len, b->data, b->len);
    return sp_objv(s);
}

/* ------------------------------------------------- equality and hash */

bool sp_str_eq(sp_Str *a, sp_Str *b) {
    if (a == b) return true;
    if (a->len != b->len) return false;
    if (a->interned && b->interned) return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
    return bytes_eq(a->data, b->data, a->len);
}

bool sp_str_eqc(sp_Str *s, const char *c) {
    size_t n = strlen(c);
    return s->len == n && memcmp(s->data, c, n) == 0;
}

static inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

#define SIPROUND                                                           \
    do {                                                                   \
        v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);          \
        v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;                             \
        v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;                             \
        v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);          \
    } while (0)

/* SipHash-1-3 with an all-zero key, fed one byte at a time.  The zero key
 * is CPython's key under PYTHONHASHSEED=0 and a str is hashed over the
 * bytes of CPython's own representation (1, 2 or 4 bytes per code point,
 * little-endian), so str/bytes hashes -- and therefore the iteration order
 * of sets of strings -- equal CPython's in that mode.  Deterministic: the
 * sandbox has no randomness source to leak. */
typedef struct Sip { uint64_t v0, v1, v2, v3, m; size_t n; } Sip;

static void sip_init(Sip *s) {
    s->v0 = 0x736f6d6570736575ull; s->v1 = 0x646f72616e646f6dull;
    s->v2 = 0x6c7967656e657261ull; s->v3 = 0x7465646279746573ull;
    s->m = 0; s->n = 0;
}

static inline void sip_word(Sip *s, uint64_t m) {
    uint64_t v0 = s->v0, v1 = s->v1, v2 = s->v2, v3 = s->v3;
    v3 ^= m;
    SIPROUND;
    v0 ^= m;
    s->v0 = v0, s->v1 = v1, s->v2 = v2, s->v3 = v3;
}

static inline void sip_byte(Sip *s, uint8_t c) {
    s->m |= (uint64_t)c << (8 * (s->n & 7));
    if ((++s->n & 7) == 0) sip_word(s, s->m), s->m = 0;
}

static int64_t sip_final(Sip *s) {
    sip_word(s, s->m | (uint64_t)s->n << 56);
    uint64_t v0 = s->v0, v1 = s->v1, v2 = s->v2 ^ 0xff, v3 = s->v3;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    int64_t h = (int64_t)(v0 ^ v1 ^ v2 ^ v3);
    return h == -1 ? -2 : h;
}

int64_t sp_bytes_hash_raw(const void *p, size_t n) {
    const uint8_t *b = p;
    if (!n) return 0; /* as CPython */
    Sip s;
    sip_init(&s);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t m = 0;
        for (int k = 7; k >= 0; k--) m = (m << 8) | b[i + (size_t)k];
        sip_word(&s, m);
    }
    uint64_t m = 0; /* the tail, little-endian, as sip_byte would gather it */
    for (size_t k = n; k > i; k--) m = (m << 8) | b[k - 1];
    s.m = m;
    s.n = n;
    return sip_final(&s);
}

/* Bytes per code point in CPython's representation of s (PEP 393). */
static int str_width(sp_Str *s) {
    uint32_t mx = 0;
    for (size_t i = 0; i < s->len;) {
        uint32_t c = sp_utf8_next(s->data, &i);
        if (c > mx) mx = c;
    }
    return mx < 0x100 ? 1 : mx < 0x10000 ? 2 : 4;
}

int64_t sp_str_hash(sp_Str *s) {
    if (s->hash != -1) return s->hash;
    int64_t h;
    if (s->ascii) {
        h = sp_bytes_hash_raw(s->data, s->len);
    } else {
        int w = str_width(s);
        Sip sip;
        sip_init(&sip);
        for (size_t i = 0; i < s->len;) {
            uint32_t c = sp_utf8_next(s->data, &i);
            for (int k = 0; k < w; k++) sip_byte(&sip, (uint8_t)(c >> (8 * k)));
        }
        h = sip_final(&sip);
    }
    if (!(s->h.gcflags & SP_GC_STATIC)) s->hash = h; /* static objects are immutable */
    return h;
}

/* ------------------------------------------------------------- repr */

static bool repr_escape(sp_Buf *b, uint32_t c) {
    if (c == '\t') return sp_buf_add(b, "\\t", 2);
    if (c == '\n') return sp_buf_add(b, "\\n", 2);
    if (c == '\r') return sp_buf_add(b, "\\r", 2);
    if (c <= 0xff) return sp_buf_addf(b, "\\x%02x", (unsigned)c);
    if (c <= 0xffff) return sp_buf_addf(b, "\\u%04x", (unsigned)c);
    return sp_buf_addf(b, "\\U%08x", (unsigned)c);
}

sp_Value sp_str_repr(sp_VM *vm, sp_Str *s) {
    char q = memchr(s->data, '\'', s->len) && !memchr(s->data, '"', s->len) ? '"' : '\'';
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!sp_buf_reserve(&b, s->len + 2) || !sp_buf_addc(&b, q)) goto fail;
    size_t i = 0;
    while (i < s->len) {
        size_t run = i;
        /* copy runs of characters that need no escaping in one go */
        while (run < s->len) {
            uint8_t c = (uint8_t)s->data[run];
            if (c >= 0x80) {
                size_t k = run;
                if (!sp_uni_has(sp_utf8_next(s->data, &k), SP_U_PRINTABLE)) break;
                run = k;
            } else if (c >= 0x20 && c < 0x7f && c != (uint8_t)q && c != '\\') run++;
            else break;
        }
        if (!sp_buf_add(&b, s->data + i, run - i)) goto fail;
        if (run >= s->len) break;
        i = run;
        uint32_t c = sp_utf8_next(s->data, &i);
        bool ok = c == (uint32_t)q || c == '\\' ? sp_buf_addc(&b, '\\') && sp_buf_addc(&b, (char)c)
                                                 : repr_escape(&b, c);
        if (!ok) goto fail;
    }
    if (!sp_buf_addc(&b, q)) goto fail;
    sp_Value r = sp_str_from(vm, b.p, b.n, sp_utf8_count(b.p, b.n));
    sp_buf_free(&b);
    return r;
fail:
    sp_buf_free(&b);
    return SP_ERRV;
}

/* ------------------------------------------------ index conversions */

size_t sp_str_walkoff(const sp_Str *s, size_t ci) {
    if (s->ascii) return ci < s->len ? ci : s->len;
    if (ci >= s->clen) return s->len;
    const uint8_t *p = (const uint8_t *)s->data;
    if (ci <= s->clen / 2) return sp_utf8_skip(s->data, 0, ci);
    size_t i = s->len, k = s->clen - ci;
    while (k) {
        i--;
        if ((p[i] & 0xC0) != 0x80) k--;
    }
    return i;
}

/* --------------------------------------------------- argument helpers */

bool sp_arg_ssize(sp_VM *vm, sp_Value v, int64_t *out) {
    if (v.tag == SP_INT || v.tag == SP_BOOL) {
        *out = v.u.i;
        return true;
    }
    if (sp_istype(v, &sp_t_bigint_))
        return sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C ssize_t"),
               false;
    if (sp_typeof(v)->flags & SP_TF_HEAPTYPE) return sp_index(vm, v, out);
    sp_raise(vm, &sp_t_TypeError, "'%s' object cannot be interpreted as an integer",
             sp_typename(v));
    return false;
}

bool sp_arg_slice_index(sp_VM *vm, sp_Value v, int64_t *out) {
    if (v.tag == SP_NULL || v.tag == SP_NONE) return true;
    if (v.tag == SP_INT || v.tag == SP_BOOL) {
        *out = v.u.i;
        return true;
    }
    if (sp_istype(v, &sp_t_bigint_)) { /* CPython clamps huge slice indices */
        *out = sp_int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
        return true;
    }
    if (sp_typeof(v)->flags & SP_TF_HEAPTYPE) return sp_index(vm, v, out);
    sp_raise(vm, &sp_t_TypeError,
             "slice indices must be integers or None or have an __index__ method");
    return false;
}

static bool count_error(sp_VM *vm, const char *fmt, const char *name, const char *which,
                        int lim, int n) {
    sp_raise(vm, &sp_t_TypeError, fmt, name, which, lim, lim == 1 ? "" : "s", n);
    return false;
}

bool sp_arg_count_paren(sp_VM *vm, const char *name, int n, int min, int max) {
    const char *fmt = "%s() takes %s %d argument%s (%d given)";
    if (n < min) return count_error(vm, fmt, name, "at least", min, n);
    if (n > max) return count_error(vm, fmt, name, "at most", max, n);
    return true;
}

bool sp_arg_count_expected(sp_VM *vm, const char *name, int n, int min, int max) {
    const char *fmt = "%s expected %s %d argument%s, got %d";
    if (n < min) return count_error(vm, fmt, name, "at least", min, n);
    if (n > max) return count_error(vm, fmt, name, "at most", max, n);
    return true;
}

bool sp_arg_nokw(sp_VM *vm, const char *qual, sp_Tuple *kw) {
    if (!kw || kw->n == 0) return true;
    sp_raise(vm, &sp_t_TypeError, "%s() takes no keyword arguments", qual);
    return false;
}

/* METH_NOARGS, METH_O and positional-only conventions, e.g.
 * "str.upper() takes no arguments (1 given)"; nargs counts self. */
static bool nokw_q(sp_VM *vm, const char *tname, const char *name, sp_Tuple *kw) {
    if (!kw || kw->n == 0) return true;
    sp_raise(vm, &sp_t_TypeError, "%s.%s() takes no keyword arguments", tname, name);
    return false;
}

bool sp_arg_none(sp_VM *vm, const char *tname, const char *name, int nargs, sp_Tuple *kw) {
    if (!nokw_q(vm, tname, name, kw)) return false;
    if (nargs == 1) return true;
    sp_raise(vm, &sp_t_TypeError, "%s.%s() takes no arguments (%d given)", tname, name, nargs - 1);
    return false;
}

bool sp_arg_one(sp_VM *vm, const char *tname, const char *name, int nargs, sp_Tuple *kw) {
    if (!nokw_q(vm, tname, name, kw)) return false;
    if (nargs == 2) return true;
    sp_raise(vm, &sp_t_TypeError, "%s.%s() takes exactly one argument (%d given)", tname, name,
             nargs - 1);
    return false;
}

bool sp_arg_pos(sp_VM *vm, const char *tname, const char *name, int nargs, sp_Tuple *kw, int min,
                int max) {
    return nokw_q(vm, tname, name, kw) && sp_arg_count_expected(vm, name, nargs - 1, min, max);
}

bool sp_arg_span(sp_VM *vm, const char *tname, const char *name, sp_Value *args, int nargs,
                 sp_Tuple *kw, int64_t *start, int64_t *end) {
    if (!nokw_q(vm, tname, name, kw) || !sp_arg_count_paren(vm, name, nargs - 1, 1, 3))
        return false;
    *start = 0;
    *end = INT64_MAX;
    return (nargs <= 2 || sp_arg_slice_index(vm, args[2], start)) &&
           (nargs <= 3 || sp_arg_slice_index(vm, args[3], end));
}

void sp_adjust_indices(int64_t *start, int64_t *end, int64_t len) {
    if (*end > len) *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0) *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = 0;
    }
}

/* ------------------------------------------------------- search */

static inline uint8_t at(const uint8_t *s, int64_t n, int64_t i, bool rev) {
    return rev ? s[n - 1 - i] : s[i];
}

/* Maximal suffix of x for the byte order (or its reverse when `tilde`);
 * returns its start - 1 and the period of that suffix. */
static int64_t max_suffix(const uint8_t *x, int64_t m, bool rev, bool tilde, int64_t *per) {
    int64_t ms = -1, j = 0, k = 1, p = 1;
    while (j + k < m) {
        uint8_t a = at(x, m, j + k, rev), b = at(x, m, ms + k, rev);
        if (tilde) {
            uint8_t t = a;
            a = b;
            b = t;
        }
        if (a < b) {
            j += k;
            k = 1;
            p = j - ms;
        } else if (a == b) {
            if (k != p) k++;
            else {
                j += p;
                k = 1;
            }
        } else {
            ms = j;
            j = ms + 1;
            k = p = 1;
        }
    }
    *per = p;
    return ms;
}

void sp_finder_init(sp_Finder *f, const void *needle, size_t m, bool rev) {
    f->x = needle;
    f->m = (int64_t)m;
    f->rev = rev;
    f->ell = -1;
    f->per = 1;
    f->periodic = false;
    if (m < 2) return;
    int64_t p, q;
    int64_t i = max_suffix(f->x, f->m, rev, false, &p);
    int64_t j = max_suffix(f->x, f->m, rev, true, &q);
    f->ell = i > j ? i : j;
    f->per = i > j ? p : q;
    bool periodic = f->per + f->ell < f->m;
    for (int64_t k = 0; periodic && k <= f->ell; k++)
        periodic = at(f->x, f->m, k, rev) == at(f->x, f->m, k + f->per, rev);
    f->periodic = periodic;
    if (!periodic) {
        int64_t a = f->ell + 1, b = f->m - f->ell - 1;
        f->per = (a > b ? a : b) + 1;
    }
}

static int64_t find_byte(const uint8_t *y, int64_t n, uint8_t c, bool rev) {
    if (!rev) {
        const uint8_t *r = memchr(y, c, (size_t)n);
        return r ? r - y : -1;
    }
    for (int64_t i = n - 1; i >= 0; i--)
        if (y[i] == c) return i;
    return -1;
}

/* The two-way search proper (positions in the direction's coordinates). */
static inline int64_t two_way(const sp_Finder *f, const uint8_t *y, int64_t n, bool rev) {
    const uint8_t *x = f->x;
    int64_t m = f->m, ell = f->ell, per = f->per, j = 0, mem = -1, i;
    while (j <= n - m) {
        i = (f->periodic && mem > ell ? mem : ell) + 1;
        while (i < m && at(x, m, i, rev) == at(y, n, i + j, rev)) i++;
        if (i < m) {
            j += i - ell;
            mem = -1;
            continue;
        }
        int64_t low = f->periodic ? mem : -1;
        i = ell;
        while (i > low && at(x, m, i, rev) == at(y, n, i + j, rev)) i--;
        if (i <= low) return rev ? n - m - j : j;
        j += per;
        if (f->periodic) mem = m - per - 1;
    }
    return -1;
}

int64_t sp_finder_find(const sp_Finder *f, const void *hay, size_t n) {
    int64_t m = f->m, nn = (int64_t)n;
    if (m == 0) return f->rev ? nn : 0;
    if (m > nn) return -1;
    if (m == 1) return find_byte(hay, nn, f->x[0], f->rev);
    return f->rev ? two_way(f, hay, nn, true) : two_way(f, hay, nn, false);
}

/* Short haystacks (s.find(word) on a field, partition of a line) are
 * searched directly: preparing the two-way needle costs more than the
 * whole scan, and SMALL_HAY bounds the quadratic worst case. */
enum { SMALL_HAY = 64 };

int64_t sp_bfind(const void *hay, size_t n, const void *needle, size_t m, bool rev) {
    if (m >= 2 && m <= n && n <= SMALL_HAY) {
        const char *y = hay, *x = needle;
        for (size_t k = 0; k + m <= n; k++) {
            size_t i = rev ? n - m - k : k;
            if (y[i] == x[0] && bytes_eq(y + i + 1, x + 1, m - 1)) return (int64_t)i;
        }
        return -1;
    }
    sp_Finder f;
    sp_finder_init(&f, needle, m, rev);
    return sp_finder_find(&f, hay, n);
}

size_t sp_bcount(const void *hay, size_t n, const void *needle, size_t m, size_t maxcount) {
    sp_Finder f;
    sp_finder_init(&f, needle, m, false);
    const uint8_t *y = hay;
    size_t count = 0, pos = 0;
    while (count < maxcount && pos + m <= n) {
        int64_t k = sp_finder_find(&f, y + pos, n - pos);
        if (k < 0) break;
        count++;
        pos += (size_t)k + m;
    }
    return count;
}

/* ------------------------------------------------------- type slots */

static sp_Value str_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t; /* str subclasses are not supported (sp_t_str is not a base type) */
    if (nargs == 1 && !kw) return sp_str(vm, args[0]); /* str(x): the hot case */
    sp_Value a[3];
    if (!sp_parse_args(vm, "str", args, nargs, kw, "|object,encoding,errors", a)) return SP_ERRV;
    if (sp_isnull(a[1]) && sp_isnull(a[2]))
        return sp_isnull(a[0]) ? sp_str_from(vm, "", 0, 0) : sp_str(vm, a[0]);
    static const char *const names[] = {"encoding", "errors"};
    for (int k = 1; k < 3; k++)
        if (!sp_isnull(a[k]) && !sp_isstr(a[k]))
            return sp_raise(vm, &sp_t_TypeError, "str() argument '%s' must be str, not %A",
                            names[k - 1], a[k]);
    if (sp_isnull(a[0])) return sp_str_from(vm, "", 0, 0);
    if (sp_isstr(a[0])) return sp_raise(vm, &sp_t_TypeError, "decoding str is not supported");
    if (!sp_istype(a[0], &sp_t_bytes))
        return sp_raise(vm, &sp_t_TypeError, "decoding to str: need a bytes-like object, %s found",
                        sp_typename(a[0]));
    sp_Bytes *b = SP_BYTES(a[0]);
    return sp_bytes_decode(vm, b->data, b->len, a[1], a[2]);
}

static sp_Value str_repr(sp_VM *vm, sp_Value self) { return sp_str_repr(vm, SP_STR(self)); }

static sp_Value str_str(sp_VM *vm, sp_Value self) {
    (void)vm;
    return self;
}

static bool str_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    (void)vm;
    *out = sp_str_hash(SP_STR(self));
    return true;
}

static sp_Value str_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    (void)vm;
    if (!sp_isstr(a) || !sp_isstr(b)) return SP_NOTIMPL;
    sp_Str *x = SP_STR(a), *y = SP_STR(b);
    if (op == SP_EQ || op == SP_NE) return sp_bool(sp_str_eq(x, y) == (op == SP_EQ));
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, n);
    if (c == 0) c = (x->len > y->len) - (x->len < y->len);
    return sp_cmp_result(c, op);
}

static int64_t str_len(sp_VM *vm, sp_Value self) {
    (void)vm;
    return (int64_t)SP_STR(self)->clen;
}

static int str_contains(sp_VM *vm, sp_Value self, sp_Value item) {
    item = sp_isbox(item) && sp_isstr(sp_unbox(item)) ? sp_unbox(item) : item; /* str subclass */
    if (!sp_isstr(item)) {
        sp_raise(vm, &sp_t_TypeError, "'in <string>' requires string as left operand, not %s",
                 sp_typename(item));
        return -1;
    }
    sp_Str *s = SP_STR(self), *sub = SP_STR(item);
    if (!sp_scan_poll(vm, s->len)) return -1;
    return sp_bfind(s->data, s->len, sub->data, sub->len, false) >= 0;
}

/* The character at byte offset bi, as a new 1-char str. */
static sp_Value char_at(sp_VM *vm, sp_Str *s, size_t bi) {
    return sp_str_from(vm, s->data + bi, lead_len((uint8_t)s->data[bi]), 1);
}

/* Walk `count` characters from byte offset bi taking every |step|-th;
 * out NULL: only measure the bytes needed. */
static size_t step_walk(const sp_Str *s, size_t bi, int64_t step, int64_t count, char *out) {
    const uint8_t *p = (const uint8_t *)s->data;
    size_t total = 0;
    for (int64_t k = 0; k < count; k++) {
        size_t n = lead_len(p[bi]);
        if (out) memcpy(out + total, p + bi, n);
        total += n;
        if (k + 1 == count) break;
        for (int64_t moved = 0; step > 0 ? moved < step : moved > step;) {
            if (step > 0) {
                bi += lead_len(p[bi]);
                moved++;
            } else {
                do bi--; while ((p[bi] & 0xC0) == 0x80);
                moved--;
            }
        }
    }
    return total;
}

/* s[start:stop] for adjusted bounds (n = stop - start > 0 code points). */
static sp_Value str_range(sp_VM *vm, sp_Value self, int64_t start, int64_t stop, int64_t n) {
    sp_Str *s = SP_STR(self);
    if ((size_t)n == s->clen) return self;
    size_t b0 = sp_str_byteoff(vm, s, (size_t)start), b1 = sp_str_byteoff(vm, s, (size_t)stop);
    return sp_str_from(vm, s->data + b0, b1 - b0, (size_t)n);
}

sp_Value sp_str_slice1(sp_VM *vm, sp_Value self, int64_t start, int64_t stop) {
    int64_t n = sp_slice_adjust((int64_t)SP_STR(self)->clen, start, stop, 1, &start, &stop);
    return n ? str_range(vm, self, start, stop, n) : sp_str_from(vm, "", 0, 0);
}

static sp_Value str_slice(sp_VM *vm, sp_Value self, sp_Value key) {
    sp_Str *s = SP_STR(self);
    int64_t start, stop, step;
    int64_t n = sp_slice_indices(vm, key, (int64_t)s->clen, &start, &stop, &step);
    if (n < 0) return SP_ERRV;
    if (n == 0) return sp_str_from(vm, "", 0, 0);
    if (step == 1) return str_range(vm, self, start, stop, n);
    size_t b0 = sp_str_byteoff(vm, s, (size_t)start);
    size_t nb = s->ascii ? (size_t)n : step_walk(s, b0, step, n, NULL);
    sp_Str *r = sp_str_alloc(vm, nb, (size_t)n);
    if (!r) return SP_ERRV;
    if (s->ascii)
        for (int64_t k = 0; k < n; k++) r->data[k] = s->data[start + k * step];
    else
        step_walk(s, b0, step, n, r->data);
    return sp_objv(r);
}

static sp_Value str_getitem(sp_VM *vm, sp_Value self, sp_Value key) {
    sp_Str *s = SP_STR(self);
    if (key.tag == SP_INT || key.tag == SP_BOOL) {
        int64_t i = key.u.i;
        if (i < 0) i += (int64_t)s->clen;
        if (i < 0 || i >= (int64_t)s->clen)
            return sp_raise(vm, &sp_t_IndexError, "string index out of range");
        return char_at(vm, s, sp_str_byteoff(vm, s, (size_t)i));
    }
    if (sp_istype(key, &sp_t_slice)) return str_slice(vm, self, key);
    sp_Value ci = sp_class_index(vm, key); /* a class with __index__ */
    if (!sp_isnull(ci)) return sp_iserr(ci) ? ci : str_getitem(vm, self, ci);
    if (sp_istype(key, &sp_t_bigint_))
        return sp_raise(vm, &sp_t_IndexError, "cannot fit 'int' into an index-sized integer");
    return sp_raise(vm, &sp_t_TypeError, "string indices must be integers, not '%s'",
                    sp_typename(key));
}

/* s * n: the size is checked before anything is allocated. */
static sp_Value str_repeat(sp_VM *vm, sp_Value sv, sp_Value nv) {
    sp_Str *s = SP_STR(sv);
    if (sp_istype(nv, &sp_t_bigint_))
        return sp_raise(vm, &sp_t_OverflowError, "cannot fit 'int' into an index-sized integer");
    int64_t n = nv.u.i;
    if (n <= 0 || s->len == 0) return sp_str_from(vm, "", 0, 0);
    if (n == 1) return sv;
    if ((uint64_t)n > (uint64_t)INT64_MAX / s->len)
        return sp_raise(vm, &sp_t_OverflowError, "repeated string is too long");
    size_t total;
    if (!sp_size_mul(vm, s->len, (size_t)n, &total)) return SP_ERRV;
    sp_Str *r = sp_str_alloc(vm, total, s->clen * (size_t)n);
    if (!r) return SP_ERRV;
    memcpy(r->data, s->data, s->len);
    for (size_t done = s->len; done < total;) { /* doubling copies */
        size_t k = done < total - done ? done : total - done;
        memcpy(r->data + done, r->data, k);
        done += k;
    }
    return sp_objv(r);
}

static bool is_int_operand(sp_Value v) {
    return v.tag == SP_INT || v.tag == SP_BOOL || sp_istype(v, &sp_t_bigint_);
}

static sp_Value str_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (op >= SP_OP_INPLACE) op -= SP_OP_INPLACE;
    switch (op) {
    case SP_OP_ADD:
        if (sp_isstr(a) && sp_isstr(b)) return sp_str_concat(vm, SP_STR(a), SP_STR(b));
        break;
    case SP_OP_MUL:
        if (sp_isstr(a) && is_int_operand(b)) return str_repeat(vm, a, b);
        if (sp_isstr(b) && is_int_operand(a)) return str_repeat(vm, b, a);
        break;
    case SP_OP_MOD:
        if (sp_isstr(a)) return sp_str_percent(vm, SP_STR(a), b);
        break;
    default: break;
    }
    return SP_NOTIMPL;
}

static sp_Value str_format(sp_VM *vm, sp_Value self, sp_Str *spec) {
    return sp_format_str(vm, SP_STR(self), spec);
}

/* ------------------------------------------------------- iterator */

typedef struct StrIter {
    sp_Obj h;
    sp_Str *s;
    size_t pos; /* byte offset: iteration is O(n) even for non-ASCII */
} StrIter;

static sp_Type sp_t_str_iter, sp_t_str_ascii_iter;

static sp_Value str_iter(sp_VM *vm, sp_Value self) {
    sp_Str *s = SP_STR(self);
    StrIter *it = sp_newobj(vm, s->ascii ? &sp_t_str_ascii_iter : &sp_t_str_iter, sizeof *it);
    if (!it) return SP_ERRV;
    it->s = s;
    return sp_objv(it);
}

static sp_Value striter_next(sp_VM *vm, sp_Value self) {
    StrIter *it = SP_AS(StrIter, self);
    if (it->pos >= it->s->len) return SP_NULLV;
    sp_Value c = char_at(vm, it->s, it->pos);
    if (!sp_iserr(c)) it->pos += SP_STR(c)->len;
    return c;
}

static sp_Value striter_self(sp_VM *vm, sp_Value self) {
    (void)vm;
    return self;
}

static void striter_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_marko(vm, &((StrIter *)o)->s->h); }

#define STR_ITER_TYPE(var, tname)                                                 \
    static sp_Type var = {                                                        \
        .h = SP_STATIC_HDR(&sp_t_type), .name = tname, .base = &sp_t_object,      \
        .traverse = striter_traverse, .iter = striter_self, .next = striter_next, \
    };
STR_ITER_TYPE(sp_t_str_iter, "str_iterator")
STR_ITER_TYPE(sp_t_str_ascii_iter, "str_ascii_iterator")

sp_Type sp_t_str = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "str",
    .base = &sp_t_object,
    .methods = sp_str_methods,
    .new_ = str_new,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash,
    .richcmp = str_richcmp,
    .len = str_len,
    .iter = str_iter,
    .getitem = str_getitem,
    .contains = str_contains,
    .binop = str_binop,
    .format = str_format,
};

/* ------------------------------------------------------------ codecs */

static const char *const codec_aliases[] = {
    /* canonical name first, then its aliases (normalized: lower case, '_') */
    "utf-8", "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001", "",
    "ascii", "646", "us_ascii", "us", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986",
    "cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "",
    "latin-1", "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819",
    "csisolatin1", "ibm819", "iso8859", "iso_8859_1_1987", "iso_ir_100", "",
    NULL,
};

const char *sp_codec_lookup(sp_VM *vm, sp_Str *name) {
    char norm[32];
    if (name->len < sizeof norm) {
        for (size_t i = 0; i <= name->len; i++) {
            char c = name->data[i];
            norm[i] = c == '-' || c == ' ' ? '_' : c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
        const char *canon = NULL;
        for (const char *const *a = codec_aliases; *a; a++) {
            if (!canon) canon = *a;
            if (!**a) canon = NULL;
            else if (strcmp(*a, norm) == 0) return canon;
        }
    }
    sp_raise(vm, &sp_t_LookupError, "unknown encoding: %U", name);
    return NULL;
}

int sp_codec_errors(sp_Value errors) {
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "xmlcharrefreplace", "surrogateescape", "surrogatepass"};
    if (sp_isnull(errors)) return SP_ERR_STRICT;
    for (int k = 0; k < SP_ERR_UNKNOWN; k++)
        if (sp_str_eqc(SP_STR(errors), names[k])) return k;
    return SP_ERR_UNKNOWN;
}

bool sp_codec_unknown_handler(sp_VM *vm, sp_Value errors) {
    sp_raise(vm, &sp_t_LookupError, "unknown error handler name '%U'", SP_STR(errors));
    return false;
}

/* "\xe9" / "\u1234" / "\U0001f600" as in the codec messages. */
static void cp_escape(char out[12], uint32_t c) {
    if (c <= 0xff) snprintf(out, 12, "\\x%02x", (unsigned)c);
    else if (c <= 0xffff) snprintf(out, 12, "\\u%04x", (unsigned)c);
    else snprintf(out, 12, "\\U%08x", (unsigned)c);
}

static bool encode_error(sp_VM *vm, const char *codec, uint32_t c, size_t start, size_t end,
                         const char *reason) {
    if (end - start == 1) {
        char e[12];
        cp_escape(e, c);
        sp_raise(vm, &sp_t_UnicodeEncodeError,
                 "'%s' codec can't encode character '%s' in position %zu: %s", codec, e, start,
                 reason);
    } else {
        sp_raise(vm, &sp_t_UnicodeEncodeError,
                 "'%s' codec can't encode characters in position %zu-%zu: %s", codec, start,
                 end - 1, reason);
    }
    return false;
}

/* Handle the unencodable run s[bi..] of `run` characters starting at
 * character index ci.  Advances *bi past it. */
static bool encode_run(sp_VM *vm, sp_Buf *b, const char *codec, const sp_Str *s, size_t *bi,
                       size_t ci, size_t run, int eh, sp_Value errors, const char *reason) {
    size_t i = *bi, first = i;
    uint32_t c0 = sp_utf8_next(s->data, &first);
    for (size_t k = 0; k < run; k++) {
        size_t at = i;
        uint32_t c = sp_utf8_next(s->data, &i);
        bool ok = true;
        switch (eh) {
        case SP_ERR_IGNORE: break;
        case SP_ERR_REPLACE: ok = sp_buf_addc(b, '?'); break;
        case SP_ERR_BACKSLASH: {
            char e[12];
            cp_escape(e, c);
            ok = sp_buf_adds(b, e);
            break;
        }
        case SP_ERR_XMLREF: ok = sp_buf_addf(b, "&#%u;", (unsigned)c); break;
        case SP_ERR_SURR_ESCAPE:
            if (c >= 0xDC80 && c <= 0xDCFF) ok = sp_buf_addc(b, (char)(c & 0xff));
            else return encode_error(vm, codec, c, ci + k, ci + run, reason);
            break;
        case SP_ERR_SURR_PASS:
            if (codec[0] == 'u' && c >= 0xD800 && c <= 0xDFFF) ok = sp_buf_add(b, s->data + at, 3);
            else return encode_error(vm, codec, c0, ci, ci + run, reason);
            break;
        case SP_ERR_UNKNOWN: return sp_codec_unknown_handler(vm, errors);
        default: return encode_error(vm, codec, c0, ci, ci + run, reason);
        }
        if (!ok) return false;
    }
    *bi = i;
    return true;
}

sp_Value sp_str_encode(sp_VM *vm, sp_Str *s, sp_Value encoding, sp_Value errors) {
    const char *codec = sp_isnull(encoding) ? "utf-8" : sp_codec_lookup(vm, SP_STR(encoding));
    if (!codec) return SP_ERRV;
    if (s->ascii) return sp_bytes_new(vm, s->data, s->len);
    bool utf8 = codec[0] == 'u';
    uint32_t limit = codec[0] == 'a' ? 0x80 : 0x100;
    const char *reason = utf8 ? "surrogates not allowed"
                              : limit == 0x80 ? "ordinal not in range(128)"
                                              : "ordinal not in range(256)";
#define BAD(c) (utf8 ? ((c) >= 0xD800 && (c) <= 0xDFFF) : (c) >= limit)
    int eh = sp_codec_errors(errors);
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!sp_buf_reserve(&b, s->len)) return SP_ERRV;
    size_t i = 0, ci = 0;
    while (i < s->len) {
        size_t at = i;
        uint32_t c = sp_utf8_next(s->data, &i);
        if (!BAD(c)) {
            bool ok = utf8 ? sp_buf_add(&b, s->data + at, i - at) : sp_buf_addc(&b, (char)c);
            if (!ok) goto fail;
            ci++;
            continue;
        }
        size_t run = 1, j = i;
        while (j < s->len) {
            size_t k = j;
            uint32_t d = sp_utf8_next(s->data, &k);
            if (!BAD(d)) break;
            j = k;
            run++;
        }
        i = at;
        if (!encode_run(vm, &b, codec, s, &i, ci, run, eh, errors, reason)) goto fail;
        ci += run;
    }
#undef BAD
    sp_Value r = sp_bytes_new(vm, b.p ? b.p : "", b.n);
    sp_buf_free(&b);
    return r;
fail:
    sp_buf_free(&b);
    return SP_ERRV;
}
