/* sp_bigint.c - magnitude arithmetic on 32-bit digit arrays: add, sub,
 * schoolbook and Karatsuba multiplication, shifts (division is in
 * sp_bigdiv.c).  Signs, objects and Python semantics live in sp_int.c. */
#include "sp_bigint.h"

/* Below this many digits schoolbook wins (measured roughly; any value
 * >= 4 keeps the Karatsuba split arithmetic valid). */
#define KARATSUBA_CUTOFF 40

size_t sp_mag_trim(const sp_digit *a, size_t n) {
    while (n > 0 && a[n - 1] == 0) n--;
    return n;
}

uint64_t sp_mag_bitlen(const sp_digit *a, size_t n) {
    n = sp_mag_trim(a, n);
    if (n == 0) return 0;
    return (uint64_t)(n - 1) * SP_DIGIT_BITS + (uint64_t)(32 - __builtin_clz(a[n - 1]));
}

int sp_mag_cmp(const sp_digit *a, size_t an, const sp_digit *b, size_t bn) {
    an = sp_mag_trim(a, an);
    bn = sp_mag_trim(b, bn);
    if (an != bn) return an < bn ? -1 : 1;
    while (an-- > 0)
        if (a[an] != b[an]) return a[an] < b[an] ? -1 : 1;
    return 0;
}

/* r[0..n) = a + b + c, or a - b - c with sub, for a carry (borrow) c in
 * {0, 1}; returns the carry (borrow) out.  r may alias a or b.  Called
 * with a constant sub, so each use compiles to its own loop. */
static inline unsigned addsub_n(sp_digit *r, const sp_digit *a, const sp_digit *b, size_t n,
                                unsigned c, bool sub) {
    size_t i = 0;
#ifdef SP_WIDE
    for (; i + 1 < n; i += 2) {
        uint64_t t, x = sp_ld64(a + i), y = sp_ld64(b + i);
        unsigned c1 = sub ? __builtin_sub_overflow(x, y, &t) : __builtin_add_overflow(x, y, &t);
        c = c1 | (sub ? __builtin_sub_overflow(t, c, &t) : __builtin_add_overflow(t, c, &t));
        sp_st64(r + i, t);
    }
#endif
    for (; i < n; i++) {
        sp_ddigit t = sub ? (sp_ddigit)a[i] - b[i] - c : (sp_ddigit)a[i] + b[i] + c;
        r[i] = (sp_digit)t;
        c = (unsigned)(t >> 32) & 1; /* a borrow leaves all ones up there */
    }
    return c;
}

/* r[0..n) = a + c (c in {0, 1}); once the carry dies the rest is a copy. */
static unsigned inc_n(sp_digit *r, const sp_digit *a, size_t n, unsigned c) {
    size_t i = 0;
    for (; c && i < n; i++) {
        sp_digit x = a[i] + 1;
        r[i] = x;
        c = x == 0;
    }
    if (r != a && i < n) memmove(r + i, a + i, (n - i) * sizeof(sp_digit));
    return c;
}

/* r[0..n) = a - w (w in {0, 1}), likewise. */
static unsigned dec_n(sp_digit *r, const sp_digit *a, size_t n, unsigned w) {
    size_t i = 0;
    for (; w && i < n; i++) {
        sp_digit x = a[i];
        r[i] = x - 1;
        w = x == 0;
    }
    if (r != a && i < n) memmove(r + i, a + i, (n - i) * sizeof(sp_digit));
    return w;
}

size_t sp_mag_add(sp_digit *r, const sp_digit *a, size_t an, const sp_digit *b, size_t bn) {
    if (an < bn) {
        const sp_digit *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    unsigned c = addsub_n(r, a, b, bn, 0, false);
    r[an] = (sp_digit)inc_n(r + bn, a + bn, an - bn, c);
    return sp_mag_trim(r, an + 1);
}

/* r[0..an) = a - b[0..bn), returns the borrow (0 or 1). */
static unsigned sub_in(sp_digit *r, const sp_digit *a, size_t an, const sp_digit *b, size_t bn) {
    return dec_n(r + bn, a + bn, an - bn, addsub_n(r, a, b, bn, 0, true));
}

size_t sp_mag_sub(sp_digit *r, const sp_digit *a, size_t an, const sp_digit *b, size_t bn) {
    bn = sp_mag_trim(b, bn);
    sub_in(r, a, an, b, bn);
    return sp_mag_trim(r, an);
}

sp_digit sp_mag_muladd1(sp_digit *a, size_t n, sp_digit m, sp_digit add) {
    sp_ddigit c = add;
    for (size_t i = 0; i < n; i++) {
        c += (sp_ddigit)a[i] * m;
        a[i] = (sp_digit)c;
        c >>= 32;
    }
    return (sp_digit)c;
}

void sp_mag_negate(sp_digit *a, size_t n) {
    sp_ddigit c = 1;
    for (size_t i = 0; i < n; i++) {
        c += (sp_digit)~a[i];
        a[i] = (sp_digit)c;
        c >>= 32;
    }
}

/* ------------------------------------------------------------ multiply */

#ifdef SP_WIDE
#define ROW 2 /* multiplier digits per schoolbook row */

/* r[0..an) = a * m, or += with add; returns the carry out (ROW digits).
 * Called with a constant add, so each use compiles to its own loop. */
static inline uint64_t mul_row(sp_digit *r, const sp_digit *a, size_t an, uint64_t m, bool add) {
    sp_u128 c = 0;
    size_t j = 0;
    for (; j + 1 < an; j += 2) {
        c += (sp_u128)sp_ld64(a + j) * m + (add ? sp_ld64(r + j) : 0);
        sp_st64(r + j, (uint64_t)c);
        c >>= 64;
    }
    if (j < an) {
        c += (sp_u128)a[j] * m + (add ? r[j] : 0);
        r[j] = (sp_digit)c;
        c >>= 32;
    }
    return (uint64_t)c;
}
#else
#define ROW 1

static inline uint64_t mul_row(sp_digit *r, const sp_digit *a, size_t an, uint64_t m, bool add) {
    sp_ddigit c = 0;
    for (size_t j = 0; j < an; j++) {
        c += a[j] * m + (add ? r[j] : 0);
        r[j] = (sp_digit)c;
        c >>= 32;
    }
    return c;
}
#endif

/* r[0..an+bn) = a * b, schoolbook, ROW digits of b per row: the first
 * row sets r[0..an+ROW), row i adds into r[i..i+an) and sets the ROW
 * digits above.  One limit poll per 16 rows keeps a huge product
 * interruptible. */
static bool school_mul(sp_VM *vm, sp_digit *r, const sp_digit *a, size_t an, const sp_digit *b,
                       size_t bn) {
    if (bn == 0) {
        memset(r, 0, an * sizeof(sp_digit));
        return true;
    }
    for (size_t i = 0; i < bn; i += ROW) {
        bool pair = ROW == 2 && i + 1 < bn;
        uint64_t m = b[i] | (pair ? (uint64_t)b[i + 1] << 32 : 0), c = 0;
        if (i == 0)
            c = mul_row(r, a, an, m, false);
        else if (m)
            c = mul_row(r + i, a, an, m, true);
        r[i + an] = (sp_digit)c;
        if (pair) r[i + an + 1] = (sp_digit)(c >> 32);
        if ((i / ROW & 15) == 15 && !sp_check_limits(vm)) return false;
    }
    return true;
}

/* r[0..rn) += b[0..bn); the caller knows the sum fits in rn digits. */
static void add_into(sp_digit *r, size_t rn, const sp_digit *b, size_t bn) {
    inc_n(r + bn, r + bn, rn - bn, addsub_n(r, r, b, bn, 0, false));
}

/* Scratch digits karatsuba() needs for operands of n digits. */
static size_t kara_scratch(size_t n) {
    size_t need = 0;
    while (n >= KARATSUBA_CUTOFF) {
        size_t m = n - n / 2 + 1;
        need += 4 * m;
        n = m;
    }
    return need;
}

/* r[0..2n) = a[0..n) * b[0..n).  ws holds kara_scratch(n) digits.
 * Recursion depth is log2(n): no guard needed. */
static bool karatsuba(sp_VM *vm, sp_digit *r, const sp_digit *a, const sp_digit *b, size_t n,
                      sp_digit *ws) {
    if (n < KARATSUBA_CUTOFF) return school_mul(vm, r, a, n, b, n);
    if (!sp_check_limits(vm)) return false;
    size_t h = n / 2, hi = n - h, m = hi + 1;
    /* z0 = a0*b0 in r[0..2h), z2 = a1*b1 in r[2h..2n) */
    if (!karatsuba(vm, r, a, b, h, ws) || !karatsuba(vm, r + 2 * h, a + h, b + h, hi, ws))
        return false;
    sp_digit *sa = ws, *sb = ws + m, *z1 = ws + 2 * m;
    memset(sa, 0, 2 * m * sizeof(sp_digit));
    sp_mag_add(sa, a + h, hi, a, h);
    sp_mag_add(sb, b + h, hi, b, h);
    if (!karatsuba(vm, z1, sa, sb, m, ws + 4 * m)) return false;
    /* z1 - z0 - z2 = a0*b1 + a1*b0 >= 0, so the borrows cancel out */
    sub_in(z1, z1, 2 * m, r, 2 * h);
    sub_in(z1, z1, 2 * m, r + 2 * h, 2 * hi);
    add_into(r + h, 2 * n - h, z1, sp_mag_trim(z1, 2 * m));
    return true;
}

/* Unbalanced operands: slice the longer one into pieces as long as the
 * shorter one and run Karatsuba on each square piece. */
bool sp_mag_mul(sp_VM *vm, sp_digit *r, const sp_digit *a, size_t an, const sp_digit *b, size_t bn) {
    if (an < bn) {
        const sp_digit *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    if (bn < KARATSUBA_CUTOFF) return school_mul(vm, r, a, an, b, bn);
    size_t wsn = kara_scratch(bn) + 3 * bn, bytes;
    if (!sp_size_mul(vm, wsn, sizeof(sp_digit), &bytes)) return false;
    sp_digit *ws = sp_malloc(vm, bytes);
    if (!ws) return false;
    sp_digit *prod = ws, *pad = ws + 2 * bn, *scratch = ws + 3 * bn;
    bool ok = true;
    memset(r, 0, (an + bn) * sizeof(sp_digit));
    for (size_t off = 0; ok && off < an; off += bn) {
        size_t len = an - off < bn ? an - off : bn;
        const sp_digit *chunk = a + off;
        size_t pn = 2 * bn;
        if (len < KARATSUBA_CUTOFF) {
            ok = school_mul(vm, prod, b, bn, chunk, len);
            pn = bn + len;
        } else {
            if (len < bn) {
                memcpy(pad, chunk, len * sizeof(sp_digit));
                memset(pad + len, 0, (bn - len) * sizeof(sp_digit));
                chunk = pad;
            }
            ok = karatsuba(vm, prod, chunk, b, bn, scratch);
        }
        if (ok) add_into(r + off, an + bn - off, prod, sp_mag_trim(prod, pn));
    }
    sp_free(vm, ws, bytes);
    return ok;
}

/* ------------------------------------------------------------ shifts */

size_t sp_mag_shl(sp_digit *r, const sp_digit *a, size_t an, uint64_t bits) {
    size_t ds = (size_t)(bits / 32);
    unsigned bs = (unsigned)(bits % 32);
    memset(r, 0, ds * sizeof(sp_digit));
    sp_digit c = 0;
    if (bs == 0) {
        memcpy(r + ds, a, an * sizeof(sp_digit));
    } else {
        for (size_t i = 0; i < an; i++) {
            r[ds + i] = (a[i] << bs) | c;
            c = a[i] >> (32 - bs);
        }
    }
    r[ds + an] = c;
    return sp_mag_trim(r, ds + an + 1);
}

size_t sp_mag_shr(sp_digit *r, const sp_digit *a, size_t an, uint64_t bits, bool *lost) {
    bool l = false;
    size_t n = 0;
    if (bits / 32 >= an) {
        l = sp_mag_trim(a, an) != 0;
    } else {
        size_t ds = (size_t)(bits / 32);
        unsigned bs = (unsigned)(bits % 32);
        for (size_t i = 0; i < ds; i++) l |= a[i] != 0;
        if (bs) l |= (a[ds] & ((1u << bs) - 1)) != 0;
        n = an - ds;
        /* ascending order: safe when r aliases a */
        if (bs == 0) {
            memmove(r, a + ds, n * sizeof(sp_digit));
        } else {
            for (size_t i = 0; i + 1 < n; i++)
                r[i] = a[i + ds] >> bs | a[i + ds + 1] << (32 - bs);
            r[n - 1] = a[an - 1] >> bs;
        }
        n = sp_mag_trim(r, n);
    }
    if (lost) *lost = l;
    return n;
}
