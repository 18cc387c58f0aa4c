/* sp_bigdiv.c - magnitude division: by one word with a precomputed
 * reciprocal, and Knuth's algorithm D.  Both run on words of 64 bits
 * (pairs of digits) where sp_bigint.h enables SP_WIDE, else on the 32-bit
 * digits themselves: the same code, half the steps when wide. */
#include "sp_bigint.h"

#ifdef SP_WIDE
typedef uint64_t word;
typedef sp_u128 dword;
#define WORD_BITS 64
#else
typedef uint32_t word;
typedef uint64_t dword;
#define WORD_BITS 32
#endif
#define WORD_DIGITS (WORD_BITS / SP_DIGIT_BITS)
#define WORD_MAX ((word)-1)

/* Working copies up to this many words live on the stack: the Euclid
 * loops of gcd-like code divide mid-size numbers many times over. */
#define STACK_WORDS 256

/* ------------------------------------------------------- by one word */

#ifdef SP_WIDE
/* Word k of a (n digits), zero-padded past the end. */
static uint64_t word_at(const sp_digit *a, size_t n, size_t k) {
    size_t i = 2 * k;
    if (i + 1 < n) return sp_ld64(a + i);
    return i < n ? a[i] : 0;
}

/* Digits 2k and 2k+1 of q (qn digits) = w; the part past qn is zero. */
static void put_word(sp_digit *q, size_t qn, size_t k, uint64_t w) {
    size_t i = 2 * k;
    if (i + 1 < qn) {
        sp_st64(q + i, w);
    } else if (i < qn) {
        q[i] = (sp_digit)w;
    }
}

/* One step of the division by the normalised dn with reciprocal v:
 * returns the quotient word of (*rn : w) << s / dn and leaves the new
 * remainder in *rn, kept normalised (shifted left by s) so the next step
 * needs no shift on its critical path. */
static inline uint64_t div_step(uint64_t *rn, uint64_t w, unsigned s, uint64_t dn, uint64_t v) {
    /* (w >> 1) >> (63 - s) is w >> (64 - s), and 0 when s == 0 */
    uint64_t u1 = *rn | (w >> 1) >> (63 - s), u0 = w << s;
    sp_u128 p = (sp_u128)v * u1 + ((sp_u128)u1 << 64 | u0);
    uint64_t q1 = (uint64_t)(p >> 64) + 1, r = u0 - q1 * dn;
    /* taken about half the time: a mask, not a branch */
    uint64_t m = 0 - (uint64_t)(r > (uint64_t)p);
    q1 += m;
    r += m & dn;
    if (__builtin_expect(r >= dn, 0)) {
        q1++;
        r -= dn;
    }
    *rn = r;
    return q1;
}

/* q = a / d (q has qn digits, may alias a, or be NULL), returns a % d,
 * for a 64-bit d != 0, without a hardware divide in the loop (Moller &
 * Granlund, "Improved division by invariant integers", 2011, algorithm
 * 4): each word costs two multiplies by the reciprocal v of the
 * normalised divisor dn = d << s.  The dividend is normalised a word at
 * a time instead of as a copy. */
static uint64_t div_word(sp_digit *q, size_t qn, const sp_digit *a, size_t n, uint64_t d) {
    unsigned s = (unsigned)__builtin_clzll(d);
    uint64_t dn = d << s, rn = 0;
    uint64_t v = (uint64_t)((((sp_u128)~dn << 64) | ~(uint64_t)0) / dn);
    /* the top words may be partial in a or in q; below `full` both are
     * whole digit pairs */
    size_t k = (n + 1) / 2, full = (q && qn < n ? qn : n) / 2;
    while (k > full) {
        k--;
        uint64_t q1 = div_step(&rn, word_at(a, n, k), s, dn, v);
        if (q) put_word(q, qn, k, q1);
    }
    if (q) {
        while (k-- > 0) sp_st64(q + 2 * k, div_step(&rn, sp_ld64(a + 2 * k), s, dn, v));
    } else {
        while (k-- > 0) div_step(&rn, sp_ld64(a + 2 * k), s, dn, v);
    }
    return rn >> s;
}
#endif

sp_digit sp_mag_divmod1(sp_digit *q, const sp_digit *a, size_t n, sp_digit d) {
#ifdef SP_WIDE
    if (n >= 8) return (sp_digit)div_word(q, n, a, n, d);
#endif
    /* one hardware divide per digit: the remainder comes from the
     * quotient (a separate % would issue a second divide) */
    sp_ddigit rem = 0;
    while (n-- > 0) {
        sp_ddigit cur = (rem << 32) | a[n], qd = cur / d;
        rem = cur - qd * d;
        if (q) q[n] = (sp_digit)qd;
    }
    return (sp_digit)rem;
}

uint64_t sp_mag_divmod_dec(sp_digit *q, const sp_digit *a, size_t n) {
#ifdef SP_WIDE
    return div_word(q, n, a, n, SP_DEC_CHUNK);
#else
    return sp_mag_divmod1(q, a, n, (sp_digit)SP_DEC_CHUNK);
#endif
}

/* ------------------------------------------------------- algorithm D */

/* u[0..n] -= q * v[0..n); returns true if it went negative.  The borrow
 * rides in the carry: (v[i]*q + carry) >> WORD_BITS <= WORD_MAX - 1. */
static bool mulsub(word *u, const word *v, size_t n, word q) {
    word carry = 0;
    for (size_t i = 0; i < n; i++) {
        dword p = (dword)v[i] * q + carry;
        word lo = (word)p, ui = u[i];
        carry = (word)(p >> WORD_BITS) + (ui < lo);
        u[i] = ui - lo;
    }
    bool neg = u[n] < carry;
    u[n] -= carry;
    return neg;
}

/* u[0..n] += v[0..n), dropping the carry out (it cancels the borrow of
 * the mulsub that overshot). */
static void addback(word *u, const word *v, size_t n) {
    word c = 0;
    for (size_t i = 0; i < n; i++) {
        word t, c1 = __builtin_add_overflow(u[i], v[i], &t);
        c = c1 | __builtin_add_overflow(t, c, &u[i]);
    }
    u[n] += c;
}

/* Word k of x << s for s < WORD_BITS (x[-1] reads as 0). */
static word norm(const word *x, size_t k, unsigned s) {
    word lo = k ? x[k - 1] : 0;
    return (word)(x[k] << s | (lo >> 1) >> (WORD_BITS - 1 - s));
}

/* Knuth, TAOCP vol. 2, 4.3.1, algorithm D on word arrays u (un words,
 * the top one zero) and v (vn >= 2 words, top word non-zero).  Shifting
 * both operands left by s bits leaves every quotient word unchanged, so
 * only the estimate reads normalised words (computed on the fly); the
 * multiply-subtract runs on u and v as they are and u ends holding the
 * remainder, unshifted.  The quotient goes to q (qn digits; NULL: not
 * wanted).  One limit poll per 16 multiply-subtracts. */
static bool knuth(sp_VM *vm, word *u, size_t un, const word *v, size_t vn, sp_digit *q,
                  size_t qn) {
    unsigned s = (unsigned)__builtin_clzll((unsigned long long)v[vn - 1]) -
                 (unsigned)(64 - WORD_BITS);
    dword vtop = norm(v, vn - 1, s), vnext = norm(v, vn - 2, s);
    for (size_t j = un - vn; j-- > 0;) {
        dword num = (dword)norm(u, j + vn, s) << WORD_BITS | norm(u, j + vn - 1, s);
        dword qhat = num / vtop, rhat = num - qhat * vtop;
        while (qhat > WORD_MAX ||
               qhat * vnext > (rhat << WORD_BITS | norm(u, j + vn - 2, s))) {
            qhat--;
            rhat += vtop;
            if (rhat > WORD_MAX) break;
        }
        if (mulsub(u + j, v, vn, (word)qhat)) {
            qhat--;
            addback(u + j, v, vn);
        }
        if (q) {
#ifdef SP_WIDE
            put_word(q, qn, j, (word)qhat);
#else
            if (j < qn) q[j] = (word)qhat;
#endif
        }
        if ((j & 15) == 0 && !sp_check_limits(vm)) return false;
    }
    return true;
}

bool sp_mag_divmod(sp_VM *vm, sp_digit *q, sp_digit *r, const sp_digit *a, size_t an,
                   const sp_digit *b, size_t bn) {
    size_t qn = an - bn + 1;
#ifdef SP_WIDE
    if (bn <= 2) {
        uint64_t rem = div_word(q, qn, a, an, b[0] | (bn == 2 ? (uint64_t)b[1] << 32 : 0));
        if (r) {
            r[0] = (sp_digit)rem;
            if (bn == 2) r[1] = (sp_digit)(rem >> 32);
        }
        return true;
    }
#else
    if (bn == 1) {
        sp_digit rem = sp_mag_divmod1(q, a, an, b[0]);
        if (r) r[0] = rem;
        return true;
    }
#endif
    /* word copies of a (plus a zero top word) and b; little-endian digit
     * pairs are words, so a copy is a memcpy */
    size_t un = (an + WORD_DIGITS - 1) / WORD_DIGITS + 1, vn = (bn + WORD_DIGITS - 1) / WORD_DIGITS;
    word stack[STACK_WORDS], *u = stack;
    size_t bytes = 0;
    if (un + vn > STACK_WORDS) {
        if (!sp_size_mul(vm, un + vn, sizeof(word), &bytes)) return false;
        if (!(u = sp_malloc(vm, bytes))) return false;
    }
    word *v = u + un;
    u[un - 2] = u[un - 1] = v[vn - 1] = 0;
    memcpy(u, a, an * sizeof(sp_digit));
    memcpy(v, b, bn * sizeof(sp_digit));
    bool ok = knuth(vm, u, un, v, vn, q, qn);
    if (r && ok) memcpy(r, u, bn * sizeof(sp_digit));
    if (u != stack) sp_free(vm, u, bytes);
    return ok;
}
