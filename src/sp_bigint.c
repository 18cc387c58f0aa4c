/* sp_bigint.c - magnitude arithmetic on 32-bit digit arrays: add, sub,
 * schoolbook and Karatsuba multiplication, Knuth algorithm D division,
 * shifts.  Signs, objects and Python semantics live in sp_int.c. */
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

size_t sp_mag_add(sp_digit *r, const sp_digit *a, size_t an, const sp_digit *b, size_t bn) {
    if (an < bn) {
        const sp_digit *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    sp_ddigit c = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        c += (sp_ddigit)a[i] + b[i];
        r[i] = (sp_digit)c;
        c >>= 32;
    }
    for (; i < an; i++) {
        c += a[i];
        r[i] = (sp_digit)c;
        c >>= 32;
    }
    r[an] = (sp_digit)c;
    return sp_mag_trim(r, an + 1);
}

/* r[0..an) -= b[0..bn), returns the borrow (0 or 1). */
static sp_digit sub_in(sp_digit *r, const sp_digit *a, size_t an, const sp_digit *b, size_t bn) {
    sp_digit borrow = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        sp_ddigit t = (sp_ddigit)a[i] - b[i] - borrow;
        r[i] = (sp_digit)t;
        borrow = (sp_digit)(t >> 63);
    }
    for (; i < an; i++) {
        sp_ddigit t = (sp_ddigit)a[i] - borrow;
        r[i] = (sp_digit)t;
        borrow = (sp_digit)(t >> 63);
    }
    return borrow;
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

sp_digit sp_mag_divmod1(sp_digit *q, const sp_digit *a, size_t n, sp_digit d) {
    sp_ddigit rem = 0;
    while (n-- > 0) {
        sp_ddigit cur = (rem << 32) | a[n];
        if (q) q[n] = (sp_digit)(cur / d);
        rem = cur % d;
    }
    return (sp_digit)rem;
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

/* r[0..an+bn) = a * b, schoolbook; one limit poll per row keeps a huge
 * product interruptible. */
static bool school_mul(sp_VM *vm, sp_digit *r, const sp_digit *a, size_t an, const sp_digit *b,
                       size_t bn) {
    if (bn == 0) {
        memset(r, 0, an * sizeof(sp_digit));
        return true;
    }
    /* the first row sets r[0..an] (no memset); row i adds into r[i..i+an)
     * and sets r[i+an] */
    sp_ddigit c0 = 0, b0 = b[0];
    for (size_t j = 0; j < an; j++) {
        c0 += a[j] * b0;
        r[j] = (sp_digit)c0;
        c0 >>= 32;
    }
    r[an] = (sp_digit)c0;
    for (size_t i = 1; i < bn; i++) {
        sp_ddigit c = 0, bi = b[i];
        if (bi == 0) {
            r[i + an] = 0;
            continue;
        }
        for (size_t j = 0; j < an; j++) {
            c += a[j] * bi + r[i + j];
            r[i + j] = (sp_digit)c;
            c >>= 32;
        }
        r[i + an] = (sp_digit)c;
        if ((i & 15) == 15 && !sp_check_limits(vm)) return false;
    }
    return true;
}

/* r[0..rn) += b[0..bn); the caller knows the sum fits in rn digits. */
static void add_into(sp_digit *r, size_t rn, const sp_digit *b, size_t bn) {
    sp_ddigit c = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        c += (sp_ddigit)r[i] + b[i];
        r[i] = (sp_digit)c;
        c >>= 32;
    }
    for (; c && i < rn; i++) {
        c += r[i];
        r[i] = (sp_digit)c;
        c >>= 32;
    }
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

/* ------------------------------------------------------------ divide */

/* u[j..j+n] -= qhat * v[0..n); returns true if it went negative. */
static bool mulsub(sp_digit *u, const sp_digit *v, size_t n, sp_ddigit qhat) {
    sp_ddigit carry = 0, borrow = 0;
    for (size_t i = 0; i < n; i++) {
        sp_ddigit p = qhat * v[i] + carry;
        carry = p >> 32;
        sp_ddigit t = (sp_ddigit)u[i] - (sp_digit)p - borrow;
        u[i] = (sp_digit)t;
        borrow = t >> 63;
    }
    sp_ddigit t = (sp_ddigit)u[n] - carry - borrow;
    u[n] = (sp_digit)t;
    return (t >> 63) != 0;
}

/* Knuth, TAOCP vol. 2, 4.3.1, algorithm D on normalised copies. */
bool sp_mag_divmod(sp_VM *vm, sp_digit *q, sp_digit *r, const sp_digit *a, size_t an,
                   const sp_digit *b, size_t bn) {
    if (bn == 1) {
        sp_digit rem = sp_mag_divmod1(q, a, an, b[0]);
        if (r) r[0] = rem;
        return true;
    }
    size_t bytes;
    if (!sp_size_mul(vm, an + bn + 2, sizeof(sp_digit), &bytes)) return false;
    sp_digit *u = sp_malloc(vm, bytes);
    if (!u) return false;
    sp_digit *v = u + an + 1;
    unsigned s = (unsigned)__builtin_clz(b[bn - 1]);
    sp_mag_shl(u, a, an, s);
    sp_mag_shl(v, b, bn, s);
    sp_ddigit vtop = v[bn - 1], vnext = v[bn - 2];
    for (size_t j = an - bn + 1; j-- > 0;) {
        sp_ddigit num = ((sp_ddigit)u[j + bn] << 32) | u[j + bn - 1];
        sp_ddigit qhat = num / vtop, rhat = num % vtop;
        while (qhat > 0xffffffffu || qhat * vnext > ((rhat << 32) | u[j + bn - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat > 0xffffffffu) break;
        }
        if (mulsub(u + j, v, bn, qhat)) {
            qhat--;
            add_into(u + j, bn + 1, v, bn);  /* the carry out cancels the borrow */
        }
        if (q) q[j] = (sp_digit)qhat;
        if ((j & 15) == 0 && !sp_check_limits(vm)) {
            sp_free(vm, u, bytes);
            return false;
        }
    }
    if (r) sp_mag_shr(r, u, bn, s, NULL);
    sp_free(vm, u, bytes);
    return true;
}

/* ------------------------------------------------------------ shifts */

size_t sp_mag_shl(sp_digit *r, const sp_digit *a, size_t an, uint64_t bits) {
    size_t ds = (size_t)(bits / 32);
    unsigned bs = (unsigned)(bits % 32);
    memset(r, 0, ds * sizeof(sp_digit));
    sp_digit c = 0;
    for (size_t i = 0; i < an; i++) {
        r[ds + i] = bs ? (a[i] << bs) | c : a[i];
        c = bs ? a[i] >> (32 - bs) : 0;
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
        for (size_t i = 0; i < n; i++) {
            sp_digit hi = (bs && i + ds + 1 < an) ? a[i + ds + 1] << (32 - bs) : 0;
            r[i] = (bs ? a[i + ds] >> bs : a[i + ds]) | hi;
        }
        n = sp_mag_trim(r, n);
    }
    if (lost) *lost = l;
    return n;
}
