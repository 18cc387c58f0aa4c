/* sp_int.c - int and bool: Python semantics over inline int64 values and
 * heap sp_BigInt magnitudes (arithmetic in sp_bigint.c).
 *
 * Invariant: every result is canonical, i.e. an int that fits int64 is an
 * inline SP_INT and only larger ones are sp_BigInt objects.  Bools are
 * SP_BOOL values and behave as the ints 0 and 1 everywhere except where
 * CPython's bool overrides (repr, &, |, ^ of two bools). */
#include <float.h>
#include <math.h>

#include "sp_bigint.h"
#include "sp_names.h"

#define SMALL(v) ((v).tag == SP_INT || (v).tag == SP_BOOL)
#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)

/* ------------------------------------------------------------ views */

/* A read-only magnitude of any int-like value; small ints borrow buf, so a
 * View must not be copied once filled. */
typedef struct View {
    const sp_digit *d;
    size_t n;
    bool neg;
    sp_digit buf[2];
} View;

static uint64_t u64abs(int64_t i) { return i < 0 ? 0 - (uint64_t)i : (uint64_t)i; }

static void view(View *v, sp_Value x) {
    if (x.tag == SP_OBJ) {
        sp_BigInt *b = SP_BIG(x);
        v->d = b->d;
        v->n = b->n;
        v->neg = b->neg;
        return;
    }
    uint64_t m = u64abs(x.u.i);
    v->buf[0] = (sp_digit)m;
    v->buf[1] = (sp_digit)(m >> 32);
    v->n = m >> 32 ? 2 : m ? 1 : 0;
    v->neg = x.u.i < 0;
    v->d = v->buf;
}

bool sp_isintlike(sp_Value v) { return SMALL(v) || sp_istype(v, &sp_t_bigint_); }

int sp_int_sign(sp_Value v) {
    if (v.tag == SP_OBJ) return SP_BIG(v)->neg ? -1 : 1;
    return (v.u.i > 0) - (v.u.i < 0);
}

/* ------------------------------------------------------ construction */

/* A bigint with room for n digits, zeroed; fills in and normalise with
 * big_done.  The size is checked before anything is allocated.  raw: the
 * digits are not zeroed, for a caller that writes all n of them (a bigint
 * has no traverse, so the GC never reads them). */
static sp_BigInt *big_new(sp_VM *vm, size_t n, bool raw) {
    size_t bytes;
    if (!sp_size_mul(vm, n ? n : 1, sizeof(sp_digit), &bytes)) return NULL;
    if (bytes > SP_MAX_ALLOC - sizeof(sp_BigInt)) return sp_nomem(vm);
    bytes += sizeof(sp_BigInt);
    return raw ? sp_newobj_raw(vm, &sp_t_bigint_, bytes) : sp_newobj(vm, &sp_t_bigint_, bytes);
}

static sp_BigInt *big_alloc(sp_VM *vm, size_t n) { return big_new(vm, n, false); }

static sp_Value from_u64(sp_VM *vm, uint64_t m, bool neg);

/* Canonical value of magnitude b->d[0..n) with sign neg. */
static sp_Value big_done(sp_VM *vm, sp_BigInt *b, size_t n, bool neg) {
    n = sp_mag_trim(b->d, n);
    if (n <= 2) {
        uint64_t m = (uint64_t)b->d[0] | (n == 2 ? (uint64_t)b->d[1] << 32 : 0);
        if (m <= (uint64_t)INT64_MAX || (neg && m == (uint64_t)1 << 63))
            return from_u64(vm, m, neg);
    }
    b->n = n;
    b->neg = neg;
    return sp_objv(b);
}

/* Canonical value of an arbitrary magnitude (copied). */
static sp_Value from_mag(sp_VM *vm, const sp_digit *d, size_t n, bool neg) {
    n = sp_mag_trim(d, n);
    if (n <= 2) {
        uint64_t m = n ? d[0] : 0;
        if (n == 2) m |= (uint64_t)d[1] << 32;
        return from_u64(vm, m, neg);
    }
    sp_BigInt *b = big_new(vm, n, true);
    if (!b) return SP_ERRV;
    memcpy(b->d, d, n * sizeof(sp_digit));
    return big_done(vm, b, n, neg);
}

static sp_Value from_u64(sp_VM *vm, uint64_t m, bool neg) {
    if (m <= (uint64_t)INT64_MAX) return sp_int(neg ? -(int64_t)m : (int64_t)m);
    if (neg && m == (uint64_t)1 << 63) return sp_int(INT64_MIN);
    sp_BigInt *b = big_new(vm, 2, true);
    if (!b) return SP_ERRV;
    b->d[0] = (sp_digit)m;
    b->d[1] = (sp_digit)(m >> 32);
    b->n = 2;
    b->neg = neg;
    return sp_objv(b);
}

static sp_Value nomem(sp_VM *vm) {
    sp_nomem(vm);
    return SP_ERRV;
}

/* Scratch digit arrays (not objects) for intermediate results. */
static sp_digit *tmp_alloc(sp_VM *vm, size_t n, size_t *bytes) {
    if (!sp_size_mul(vm, n ? n : 1, sizeof(sp_digit), bytes)) return NULL;
    return sp_calloc(vm, *bytes);
}

/* int(x) for an int-like: bools become plain ints. */
static sp_Value as_int(sp_Value v) { return v.tag == SP_BOOL ? sp_int(v.u.i) : v; }

/* ------------------------------------------------------------ compare */

static int view_cmp(const View *x, const View *y) {
    if (x->neg != y->neg) return x->neg ? -1 : 1;
    int c = sp_mag_cmp(x->d, x->n, y->d, y->n);
    return x->neg ? -c : c;
}

static int int_cmp(sp_Value a, sp_Value b) {
    if (SMALL(a) && SMALL(b)) return (a.u.i > b.u.i) - (a.u.i < b.u.i);
    View x, y;
    view(&x, a);
    view(&y, b);
    return view_cmp(&x, &y);
}

/* ------------------------------------------------------- add, sub, mul */

/* x + (negate_y ? -y : y) on magnitudes. */
static sp_Value addsub(sp_VM *vm, const View *x, const View *y, bool negate_y) {
    bool yneg = y->n ? y->neg ^ negate_y : false;
    if (x->n == 0) return from_mag(vm, y->d, y->n, yneg);
    if (x->neg == yneg) {
        sp_BigInt *r = big_new(vm, (x->n > y->n ? x->n : y->n) + 1, true);
        if (!r) return SP_ERRV;
        size_t n = sp_mag_add(r->d, x->d, x->n, y->d, y->n);
        return big_done(vm, r, n, x->neg);
    }
    int c = sp_mag_cmp(x->d, x->n, y->d, y->n);
    if (c == 0) return sp_int(0);
    const View *big = c > 0 ? x : y, *small = c > 0 ? y : x;
    sp_BigInt *r = big_new(vm, big->n, true);
    if (!r) return SP_ERRV;
    size_t n = sp_mag_sub(r->d, big->d, big->n, small->d, small->n);
    return big_done(vm, r, n, c > 0 ? x->neg : yneg);
}

static sp_Value int_addsub(sp_VM *vm, sp_Value a, sp_Value b, bool sub) {
    int64_t r;
    if (SMALL(a) && SMALL(b) &&
        !(sub ? __builtin_sub_overflow(a.u.i, b.u.i, &r) : __builtin_add_overflow(a.u.i, b.u.i, &r)))
        return sp_int(r);
    View x, y;
    view(&x, a);
    view(&y, b);
    return addsub(vm, &x, &y, sub);
}

sp_Value sp_int_add(sp_VM *vm, sp_Value a, sp_Value b) { return int_addsub(vm, a, b, false); }

sp_Value sp_int_mul(sp_VM *vm, sp_Value a, sp_Value b) {
    int64_t r;
    if (SMALL(a) && SMALL(b) && !__builtin_mul_overflow(a.u.i, b.u.i, &r)) return sp_int(r);
    View x, y;
    view(&x, a);
    view(&y, b);
    if (x.n == 0 || y.n == 0) return sp_int(0);
    sp_BigInt *p = big_new(vm, x.n + y.n, true); /* sp_mag_mul writes every digit */
    if (!p || !sp_mag_mul(vm, p->d, x.d, x.n, y.d, y.n)) return SP_ERRV;
    return big_done(vm, p, x.n + y.n, x.neg != y.neg);
}

/* ------------------------------------------------------------ divide */

/* Floor division and modulo (either output may be NULL).  zmsg is the
 * ZeroDivisionError text, which differs between // and %. */
static bool int_divmod(sp_VM *vm, sp_Value a, sp_Value b, sp_Value *q, sp_Value *r,
                       const char *zmsg) {
    if (SMALL(a) && SMALL(b) && b.u.i != 0 && !(a.u.i == INT64_MIN && b.u.i == -1)) {
        int64_t qq = a.u.i / b.u.i, rr = a.u.i % b.u.i;
        if (rr != 0 && ((rr < 0) != (b.u.i < 0))) {
            qq -= 1;
            rr += b.u.i;
        }
        if (q) *q = sp_int(qq);
        if (r) *r = sp_int(rr);
        return true;
    }
    View x, y;
    view(&x, a);
    view(&y, b);
    if (y.n == 0) {
        sp_raise(vm, &sp_t_ZeroDivisionError, "%s", zmsg);
        return false;
    }
    /* Only wanted results become objects.  The remainder is still needed
     * when the signs differ (a non-zero one moves q and r, see below);
     * unwanted, it goes to scratch. */
    bool differ = x.neg != y.neg;
    size_t qn = x.n >= y.n ? x.n - y.n + 2 : 2, rbytes = 0;
    sp_BigInt *qb = NULL, *rb = NULL;
    sp_digit rstack[16], *rd = NULL, *rheap = NULL;
    if (q && !(qb = big_alloc(vm, qn))) return false;
    if (r) {
        if (!(rb = big_alloc(vm, y.n))) return false;
        rd = rb->d;
    } else if (differ && y.n <= 16) {
        rd = memset(rstack, 0, sizeof rstack);
    } else if (differ && !(rd = rheap = tmp_alloc(vm, y.n, &rbytes))) {
        return false;
    }
    bool ok = true;
    if (x.n >= y.n)
        ok = sp_mag_divmod(vm, qb ? qb->d : NULL, rd, x.d, x.n, y.d, y.n);
    else if (rd)
        memcpy(rd, x.d, x.n * sizeof(sp_digit));
    /* Truncated -> floored: when signs differ and the remainder is not
     * zero, q = -(|q| + 1) and r = |b| - |r| with the sign of b. */
    size_t rn = rd ? sp_mag_trim(rd, y.n) : 0;
    if (ok && differ && rn) {
        sp_digit one = 1;
        if (qb) sp_mag_add(qb->d, qb->d, qn - 1, &one, 1);
        if (rb) rn = sp_mag_sub(rb->d, y.d, y.n, rb->d, rn);
    }
    if (rheap) sp_free(vm, rheap, rbytes);
    if (!ok) return false;
    if (q && sp_iserr(*q = big_done(vm, qb, qn, differ))) return false;
    if (r && sp_iserr(*r = big_done(vm, rb, rn, y.neg))) return false;
    return true;
}

/* ------------------------------------------------------------ floats */

/* Round a magnitude to a double (round-half-even), exactly like a correct
 * conversion.  Returns false if the result overflows. */
static bool view_to_double(const View *x, double *out) {
    uint64_t bits = sp_mag_bitlen(x->d, x->n);
    if (bits <= 64) {
        uint64_t m = x->n ? x->d[0] : 0;
        if (x->n > 1) m |= (uint64_t)x->d[1] << 32;
        double d = (double)m; /* the FPU rounds half-even */
        *out = x->neg ? -d : d;
        return true;
    }
    if (bits > DBL_MAX_EXP) return false;
    /* Keep 54 bits plus a sticky bit for everything below. */
    uint64_t shift = bits - 54;
    size_t ds = (size_t)(shift / 32);
    unsigned bs = (unsigned)(shift % 32);
    bool sticky = false;
    for (size_t i = 0; i < ds; i++) sticky |= x->d[i] != 0;
    /* the 54 kept bits span digits ds..ds+2 */
    uint64_t lo = (uint64_t)x->d[ds] | (ds + 1 < x->n ? (uint64_t)x->d[ds + 1] << 32 : 0);
    uint64_t hi = ds + 2 < x->n ? x->d[ds + 2] : 0;
    uint64_t m = bs ? (lo >> bs) | (hi << (64 - bs)) : lo;
    sticky |= bs && (lo & (((uint64_t)1 << bs) - 1)) != 0;
    /* m has 54 bits: round the lowest one away, half to even */
    uint64_t up = (m & 1) && (sticky || (m & 2));
    m = (m >> 1) + up;
    double d = ldexp((double)m, (int)shift + 1);
    if (isinf(d)) return false;
    *out = x->neg ? -d : d;
    return true;
}

bool sp_int_to_double(sp_VM *vm, sp_Value v, double *out) {
    if (SMALL(v)) {
        *out = (double)v.u.i;
        return true;
    }
    View x;
    view(&x, v);
    if (view_to_double(&x, out)) return true;
    sp_raise(vm, &sp_t_OverflowError, "int too large to convert to float");
    return false;
}

/* Magnitude of an integral, finite double d >= 0 (at most 1024 bits). */
#define DBL_DIGITS 34
static size_t dbl_to_mag(double d, sp_digit out[DBL_DIGITS]) {
    memset(out, 0, DBL_DIGITS * sizeof(sp_digit));
    if (d < 1) return 0;
    int e;
    double m = frexp(d, &e); /* d = m * 2**e, 0.5 <= m < 1 */
    uint64_t mant = (uint64_t)ldexp(m, 53);
    sp_digit md[2] = {(sp_digit)mant, (sp_digit)(mant >> 32)};
    if (e >= 53) return sp_mag_shl(out, md, 2, (uint64_t)(e - 53));
    mant >>= 53 - e; /* exact: d is integral */
    out[0] = (sp_digit)mant;
    out[1] = (sp_digit)(mant >> 32);
    return sp_mag_trim(out, 2);
}

sp_Value sp_int_from_double(sp_VM *vm, double d) {
    if (isnan(d)) return sp_raise(vm, &sp_t_ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return sp_raise(vm, &sp_t_OverflowError, "cannot convert float infinity to integer");
    d = trunc(d);
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) return sp_int((int64_t)d);
    sp_digit buf[DBL_DIGITS];
    size_t n = dbl_to_mag(fabs(d), buf);
    return from_mag(vm, buf, n, d < 0);
}

/* Exact comparison, as CPython's float_richcompare does for ints:
 * -1, 0, 1 for i < d, i == d, i > d; 2 when d is a NaN. */
int sp_int_cmp_double(sp_VM *vm, sp_Value i, double d) {
    (void)vm;
    if (isnan(d)) return 2;
    if (isinf(d)) return d > 0 ? -1 : 1;
    if (SMALL(i) && i.u.i <= ((int64_t)1 << 53) && i.u.i >= -((int64_t)1 << 53)) {
        double x = (double)i.u.i;
        return (x > d) - (x < d);
    }
    int is = sp_int_sign(i), ds = (d > 0) - (d < 0);
    if (is != ds) return is < ds ? -1 : 1;
    if (is == 0) return 0;
    double ad = fabs(d), fl = floor(ad);
    sp_digit buf[DBL_DIGITS];
    size_t n = dbl_to_mag(fl, buf);
    View x;
    view(&x, i);
    int c = sp_mag_cmp(x.d, x.n, buf, n);
    if (c == 0 && fl != ad) c = -1; /* |i| == floor(|d|) < |d| */
    return is > 0 ? c : -c;
}

/* int / int, correctly rounded: divide |a| * 2**-shift by |b| keeping
 * 55+ quotient bits and a sticky bit, then round once by hand (the same
 * plan as CPython's long_true_divide). */
static sp_Value int_truediv(sp_VM *vm, sp_Value a, sp_Value b) {
    const int64_t exact = (int64_t)1 << DBL_MANT_DIG;
    if (SMALL(a) && SMALL(b) && b.u.i != 0 && a.u.i <= exact && a.u.i >= -exact &&
        b.u.i <= exact && b.u.i >= -exact)
        return sp_float((double)a.u.i / (double)b.u.i);
    View x, y;
    view(&x, a);
    view(&y, b);
    if (y.n == 0) return sp_raise(vm, &sp_t_ZeroDivisionError, "division by zero");
    bool neg = x.neg != y.neg;
    int64_t diff = (int64_t)sp_mag_bitlen(x.d, x.n) - (int64_t)sp_mag_bitlen(y.d, y.n);
    if (x.n == 0 || diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return sp_float(neg ? -0.0 : 0.0);
    if (diff > DBL_MAX_EXP) goto overflow;
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    size_t un = x.n + (shift < 0 ? (size_t)(-shift) / 32 + 1 : 0) + 1, ubytes, qbytes;
    sp_digit *u = tmp_alloc(vm, un, &ubytes);
    if (!u) return SP_ERRV;
    bool inexact = false;
    if (shift < 0) un = sp_mag_shl(u, x.d, x.n, (uint64_t)-shift);
    else un = sp_mag_shr(u, x.d, x.n, (uint64_t)shift, &inexact);
    uint64_t q = 0;
    if (un >= y.n) {
        sp_digit *qd = tmp_alloc(vm, un - y.n + 1 + y.n, &qbytes);
        if (!qd || !sp_mag_divmod(vm, qd, qd + un - y.n + 1, u, un, y.d, y.n)) {
            if (qd) sp_free(vm, qd, qbytes);
            sp_free(vm, u, ubytes);
            return SP_ERRV;
        }
        /* the quotient has at most 56 bits by the choice of shift */
        q = qd[0] | (un - y.n >= 1 ? (uint64_t)qd[1] << 32 : 0);
        inexact |= sp_mag_trim(qd + un - y.n + 1, y.n) != 0;
        sp_free(vm, qd, qbytes);
    } else {
        inexact |= un != 0;
    }
    sp_free(vm, u, ubytes);
    int qbits = q ? 64 - __builtin_clzll(q) : 0;
    int64_t keep = qbits > DBL_MIN_EXP - shift ? qbits : DBL_MIN_EXP - shift;
    int extra = (int)(keep - DBL_MANT_DIG); /* >= 2 */
    uint64_t half = (uint64_t)1 << (extra - 1), low = q | inexact;
    q &= ~(2 * half - 1);
    if ((low & half) && (low & (3 * half - 1))) q += 2 * half;
    double d = ldexp((double)q, (int)shift);
    if (isinf(d)) goto overflow;
    return sp_float(neg ? -d : d);
overflow:
    return sp_raise(vm, &sp_t_OverflowError, "integer division result too large for a float");
}

/* ------------------------------------------------------------ power */

/* Repeated squaring over digit buffers for |base|**e.  Both buffers hold
 * cap digits, an upper bound of every intermediate product.  Returns the
 * buffer holding the result (a or t) or NULL on error. */
static sp_digit *mag_pow(sp_VM *vm, const View *base, uint64_t e, sp_digit *a, sp_digit *t,
                         size_t *rn) {
    size_t n = base->n;
    memcpy(a, base->d, n * sizeof(sp_digit));
    for (int bit = 62 - __builtin_clzll(e); bit >= 0; bit--) {
        if (!sp_mag_mul(vm, t, a, n, a, n)) return NULL;
        n = sp_mag_trim(t, 2 * n);
        sp_digit *s = a; a = t; t = s;
        if ((e >> bit) & 1) {
            if (!sp_mag_mul(vm, t, a, n, base->d, base->n)) return NULL;
            n = sp_mag_trim(t, n + base->n);
            s = a; a = t; t = s;
        }
    }
    *rn = n;
    return a;
}

/* |a| == 2**k: the power is a single bit. */
static bool is_pow2(const View *x, uint64_t *k) {
    for (size_t i = 0; i + 1 < x->n; i++)
        if (x->d[i]) return false;
    sp_digit top = x->d[x->n - 1];
    if (top & (top - 1)) return false;
    *k = (uint64_t)(x->n - 1) * 32 + (uint64_t)__builtin_ctz(top);
    return true;
}

static sp_Value int_lshift_u(sp_VM *vm, const View *x, uint64_t n);

/* a ** e for e > 1 and |a| > 1: size the result from bit lengths first so
 * absurd powers fail before any work. */
static sp_Value pow_big(sp_VM *vm, sp_Value a, uint64_t e) {
    View x;
    view(&x, a);
    bool neg = x.neg && (e & 1);
    uint64_t abits = sp_mag_bitlen(x.d, x.n), k;
    if (abits > (UINT64_MAX - 64) / e) return nomem(vm);
    if (is_pow2(&x, &k)) {
        sp_digit one = 1;
        View p = {&one, 1, neg, {0, 0}};
        return int_lshift_u(vm, &p, k * e);
    }
    uint64_t digits = (abits * e + 31) / 32 + 2;
    if (digits > SP_MAX_ALLOC / sizeof(sp_digit)) return nomem(vm);
    size_t tbytes;
    sp_BigInt *r = big_alloc(vm, (size_t)digits);
    sp_digit *t = r ? tmp_alloc(vm, (size_t)digits, &tbytes) : NULL;
    if (!t) return SP_ERRV;
    size_t n;
    sp_digit *res = mag_pow(vm, &x, e, r->d, t, &n);
    if (res == t) memcpy(r->d, t, n * sizeof(sp_digit));
    sp_free(vm, t, tbytes);
    return res ? big_done(vm, r, n, neg) : SP_ERRV;
}

static sp_Value int_pow(sp_VM *vm, sp_Value a, sp_Value b) {
    if (sp_int_sign(b) < 0) {
        /* CPython hands negative powers to float pow */
        double da, db;
        if (!sp_int_to_double(vm, a, &da) || !sp_int_to_double(vm, b, &db)) return SP_ERRV;
        if (da == 0)
            return sp_raise(vm, &sp_t_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return sp_float(pow(da, db));
    }
    bool odd = b.tag == SP_OBJ ? (SP_BIG(b)->d[0] & 1) : (b.u.i & 1);
    if (SMALL(a) && a.u.i >= -1 && a.u.i <= 1) {
        if (a.u.i == 0) return sp_int(sp_int_sign(b) == 0);
        return sp_int(a.u.i == -1 && odd ? -1 : 1);
    }
    if (b.tag == SP_OBJ) return nomem(vm); /* |a| >= 2: at least 2**(2**63) */
    uint64_t e = (uint64_t)b.u.i;
    if (e <= 1) return e ? as_int(a) : sp_int(1);
    if (SMALL(a)) {
        int64_t r = 1, p = a.u.i;
        uint64_t k = e;
        for (;;) {
            if ((k & 1) && __builtin_mul_overflow(r, p, &r)) break;
            k >>= 1;
            if (!k) return sp_int(r);
            if (__builtin_mul_overflow(p, p, &p)) break;
        }
    }
    return pow_big(vm, a, e);
}

/* ------------------------------------------------ three-argument pow */

/* r = x * y mod m, all k = m->n digit buffers; prod has 2k digits.  r may
 * alias x or y. */
static bool mulmod(sp_VM *vm, sp_digit *r, const sp_digit *x, const sp_digit *y, const View *m,
                   sp_digit *prod) {
    size_t k = m->n, xn = sp_mag_trim(x, k), yn = sp_mag_trim(y, k);
    if (!xn || !yn) {
        memset(r, 0, k * sizeof(sp_digit));
        return true;
    }
    if (!sp_mag_mul(vm, prod, x, xn, y, yn)) return false;
    size_t pn = sp_mag_trim(prod, xn + yn);
    memset(r, 0, k * sizeof(sp_digit));
    if (pn < k) {
        memcpy(r, prod, pn * sizeof(sp_digit));
        return true;
    }
    return sp_mag_divmod(vm, NULL, r, prod, pn, m->d, k);
}

/* Inverse of x (k digits, 0 <= x < m) modulo m > 1 by the extended
 * Euclidean algorithm.  The cofactors alternate in sign, so only their
 * magnitudes are tracked: |t2| = |t0| + q |t1|.  Result into out (k). */
static bool mag_inverse(sp_VM *vm, sp_digit *out, const sp_digit *x, const View *m) {
    size_t k = m->n, w = k + 1, bytes;
    sp_digit *mem = tmp_alloc(vm, 8 * w, &bytes);
    if (!mem) return false;
    sp_digit *r0 = mem, *r1 = mem + w, *r2 = mem + 2 * w, *t0 = mem + 3 * w, *t1 = mem + 4 * w;
    sp_digit *q = mem + 5 * w, *prod = mem + 6 * w;
    memcpy(r0, m->d, k * sizeof(sp_digit));
    memcpy(r1, x, k * sizeof(sp_digit));
    t1[0] = 1;
    bool ok = true;
    uint64_t i = 1;
    size_t n1;
    while (ok && (n1 = sp_mag_trim(r1, w)) != 0) {
        size_t n0 = sp_mag_trim(r0, w);
        memset(q, 0, w * sizeof(sp_digit));
        memset(r2, 0, w * sizeof(sp_digit));
        ok = sp_mag_divmod(vm, q, r2, r0, n0, r1, n1) && sp_check_limits(vm);
        size_t qn = sp_mag_trim(q, w), tn = sp_mag_trim(t1, w), pn = 0;
        if (ok && qn && tn) {
            ok = sp_mag_mul(vm, prod, q, qn, t1, tn);
            pn = sp_mag_trim(prod, qn + tn);
        }
        if (ok) sp_mag_add(t0, t0, sp_mag_trim(t0, w), prod, pn); /* <= m: fits */
        sp_digit *s = r0; r0 = r1; r1 = r2; r2 = s;
        s = t0; t0 = t1; t1 = s;
        i++;
    }
    if (ok && (sp_mag_trim(r0, w) != 1 || r0[0] != 1)) {
        sp_raise(vm, &sp_t_ValueError, "base is not invertible for the given modulus");
        ok = false;
    }
    if (ok) {
        memset(out, 0, k * sizeof(sp_digit));
        /* t0 is the cofactor number i-1, negative when i-1 is even */
        if ((i - 1) & 1) memcpy(out, t0, k * sizeof(sp_digit));
        else sp_mag_sub(out, m->d, k, t0, w);
    }
    sp_free(vm, mem, bytes);
    return ok;
}

/* x**e mod m by left-to-right binary exponentiation; x < m (k digits). */
static bool mag_powmod(sp_VM *vm, sp_digit *acc, const sp_digit *x, const View *e, const View *m,
                       sp_digit *prod) {
    size_t k = m->n;
    memset(acc, 0, k * sizeof(sp_digit));
    if (e->n == 0) {
        acc[0] = 1; /* m > 1 */
        return true;
    }
    memcpy(acc, x, k * sizeof(sp_digit));
    uint64_t bits = sp_mag_bitlen(e->d, e->n);
    for (uint64_t b = bits - 1; b-- > 0;) {
        if (!mulmod(vm, acc, acc, acc, m, prod)) return false;
        if ((e->d[b / 32] >> (b % 32)) & 1)
            if (!mulmod(vm, acc, acc, x, m, prod)) return false;
        if (!sp_check_limits(vm)) return false;
    }
    return true;
}

static sp_Value int_neg(sp_VM *vm, sp_Value a);
static sp_Value int_abs(sp_VM *vm, sp_Value a);

sp_Value sp_int_pow3(sp_VM *vm, sp_Value a, sp_Value b, sp_Value c) {
    if (!sp_isintlike(a) || !sp_isintlike(b) || !sp_isintlike(c))
        return sp_raise(vm, &sp_t_TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
    if (sp_int_sign(c) == 0) return sp_raise(vm, &sp_t_ValueError, "pow() 3rd argument cannot be 0");
    sp_Value absm = int_abs(vm, c), base;
    if (sp_iserr(absm) || !int_divmod(vm, a, absm, NULL, &base, "")) return SP_ERRV;
    View m, x, e;
    view(&m, absm);
    if (m.n == 1 && m.d[0] == 1) return sp_int(0);
    view(&x, base);
    sp_Value eabs = int_abs(vm, b);
    if (sp_iserr(eabs)) return SP_ERRV;
    view(&e, eabs);
    size_t k = m.n, bytes;
    sp_digit *mem = tmp_alloc(vm, 5 * k, &bytes);
    if (!mem) return SP_ERRV;
    sp_digit *xb = mem, *acc = mem + k, *prod = mem + 2 * k;
    memcpy(xb, x.d, x.n * sizeof(sp_digit));
    bool ok = (sp_int_sign(b) >= 0 || mag_inverse(vm, xb, xb, &m)) &&
              mag_powmod(vm, acc, xb, &e, &m, prod);
    sp_Value r = ok ? from_mag(vm, acc, k, false) : SP_ERRV;
    sp_free(vm, mem, bytes);
    /* a negative modulus gives a result in (m, 0] */
    if (!sp_iserr(r) && sp_int_sign(c) < 0 && sp_int_sign(r) != 0)
        r = int_addsub(vm, r, absm, true);
    return r;
}

/* ------------------------------------------------------- bits, shifts */

/* &, |, ^ on two's complement images one digit wider than either. */
static sp_Value int_bitop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (SMALL(a) && SMALL(b)) {
        int64_t x = a.u.i, y = b.u.i;
        int64_t r = op == SP_OP_AND ? x & y : op == SP_OP_OR ? x | y : x ^ y;
        return a.tag == SP_BOOL && b.tag == SP_BOOL ? sp_bool(r != 0) : sp_int(r);
    }
    View x, y;
    view(&x, a);
    view(&y, b);
    size_t n = (x.n > y.n ? x.n : y.n) + 1, bytes;
    sp_BigInt *r = big_alloc(vm, n);
    sp_digit *t = r ? tmp_alloc(vm, n, &bytes) : NULL;
    if (!t) return SP_ERRV;
    memcpy(r->d, x.d, x.n * sizeof(sp_digit));
    memcpy(t, y.d, y.n * sizeof(sp_digit));
    if (x.neg) sp_mag_negate(r->d, n);
    if (y.neg) sp_mag_negate(t, n);
    for (size_t i = 0; i < n; i++)
        r->d[i] = op == SP_OP_AND ? r->d[i] & t[i] : op == SP_OP_OR ? r->d[i] | t[i] : r->d[i] ^ t[i];
    sp_free(vm, t, bytes);
    bool neg = r->d[n - 1] >> 31;
    if (neg) sp_mag_negate(r->d, n);
    return big_done(vm, r, n, neg);
}

/* x << n for a magnitude view, n already validated as non-negative. */
static sp_Value int_lshift_u(sp_VM *vm, const View *x, uint64_t n) {
    if (x->n == 0) return sp_int(0);
    uint64_t digits = n / 32 + x->n + 1;
    if (digits > SP_MAX_ALLOC / sizeof(sp_digit)) return nomem(vm);
    sp_BigInt *r = big_alloc(vm, (size_t)digits);
    if (!r) return SP_ERRV;
    size_t rn = sp_mag_shl(r->d, x->d, x->n, n);
    return big_done(vm, r, rn, x->neg);
}

static sp_Value int_shift(sp_VM *vm, sp_Value a, sp_Value b, bool left) {
    if (sp_int_sign(b) < 0) return sp_raise(vm, &sp_t_ValueError, "negative shift count");
    if (sp_int_sign(a) == 0) return sp_int(0);
    if (SMALL(a) && SMALL(b) && b.u.i < 63) {
        int64_t x = a.u.i, s = b.u.i;
        /* floor shift without relying on >> of negatives */
        int64_t down = x >= 0 ? x >> s : ~(~x >> s);
        if (!left) return sp_int(down);
        int64_t up = (int64_t)((uint64_t)x << s);
        int64_t back = up >= 0 ? up >> s : ~(~up >> s);
        if (back == x) return sp_int(up);
    }
    View x;
    view(&x, a);
    if (left) {
        if (b.tag == SP_OBJ) return nomem(vm);
        return int_lshift_u(vm, &x, (uint64_t)b.u.i);
    }
    uint64_t s = b.tag == SP_OBJ ? UINT64_MAX : (uint64_t)b.u.i;
    if (s >= sp_mag_bitlen(x.d, x.n)) return sp_int(x.neg ? -1 : 0);
    sp_BigInt *r = big_alloc(vm, x.n + 1);
    if (!r) return SP_ERRV;
    bool lost;
    size_t n = sp_mag_shr(r->d, x.d, x.n, s, &lost);
    if (x.neg && lost) {
        sp_digit one = 1;
        n = sp_mag_add(r->d, r->d, n, &one, 1);
    }
    return big_done(vm, r, n, x.neg);
}

/* ------------------------------------------------------------ unary */

static sp_Value int_neg(sp_VM *vm, sp_Value a) {
    if (SMALL(a) && a.u.i != INT64_MIN) return sp_int(-a.u.i);
    View x;
    view(&x, a);
    return from_mag(vm, x.d, x.n, !x.neg);
}

static sp_Value int_abs(sp_VM *vm, sp_Value a) {
    return sp_int_sign(a) < 0 ? int_neg(vm, a) : as_int(a);
}

static sp_Value int_unop(sp_VM *vm, int op, sp_Value a) {
    switch (op) {
    case SP_UOP_NEG: return int_neg(vm, a);
    case SP_UOP_POS: return as_int(a);
    case SP_UOP_ABS: return int_abs(vm, a);
    case SP_UOP_INVERT: return int_addsub(vm, sp_int(-1), a, true); /* ~a == -1 - a */
    default: return SP_NOTIMPL;
    }
}

/* ------------------------------------------------------------ binop slot */

sp_Value sp_int_divmod(sp_VM *vm, sp_Value a, sp_Value b) {
    if (!sp_isintlike(a) || !sp_isintlike(b)) return SP_NOTIMPL;
    sp_Value qr[2];
    if (!int_divmod(vm, a, b, &qr[0], &qr[1], "integer division or modulo by zero")) return SP_ERRV;
    return sp_tuple_pack(vm, 2, qr);
}

static sp_Value int_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (!sp_isintlike(a) || !sp_isintlike(b)) return SP_NOTIMPL;
    sp_Value r;
    switch (op >= SP_OP_INPLACE ? op - SP_OP_INPLACE : op) {
    case SP_OP_ADD: return int_addsub(vm, a, b, false);
    case SP_OP_SUB: return int_addsub(vm, a, b, true);
    case SP_OP_MUL: return sp_int_mul(vm, a, b);
    case SP_OP_TRUEDIV: return int_truediv(vm, a, b);
    case SP_OP_FLOORDIV:
        return int_divmod(vm, a, b, &r, NULL, "integer division or modulo by zero") ? r : SP_ERRV;
    case SP_OP_MOD: return int_divmod(vm, a, b, NULL, &r, "integer modulo by zero") ? r : SP_ERRV;
    case SP_OP_POW: return int_pow(vm, a, b);
    case SP_OP_LSHIFT: return int_shift(vm, a, b, true);
    case SP_OP_RSHIFT: return int_shift(vm, a, b, false);
    case SP_OP_AND:
    case SP_OP_OR:
    case SP_OP_XOR: return int_bitop(vm, op >= SP_OP_INPLACE ? op - SP_OP_INPLACE : op, a, b);
    default: return SP_NOTIMPL;
    }
}

static sp_Value int_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    (void)vm;
    if (!sp_isintlike(a) || !sp_isintlike(b)) return SP_NOTIMPL;
    int c = int_cmp(a, b);
    return sp_cmp_result(c, op);
}

/* ------------------------------------------------------------ hash */

/* CPython's numeric hash: the value modulo 2**61 - 1, signed, where -1
 * (reserved for errors in C) becomes -2.  Because 2**61 == 1 (mod P),
 * multiplying by 2**k is a rotation of the 61-bit residue. */
static uint64_t rot61(uint64_t x, int k) {
    return ((x << k) & HASH_MOD) | (x >> (HASH_BITS - k));
}

static int64_t hash_finish(uint64_t h, bool neg) {
    int64_t r = neg ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

int64_t sp_hash_i64(int64_t i) { return hash_finish(u64abs(i) % HASH_MOD, i < 0); }

static int64_t hash_view(const View *x) {
    uint64_t h = 0;
    for (size_t i = x->n; i-- > 0;) {
        h = rot61(h, 32) + x->d[i];
        if (h >= HASH_MOD) h -= HASH_MOD;
    }
    return hash_finish(h, x->neg);
}

int64_t sp_hash_double(double d) {
    if (isinf(d)) return d > 0 ? 314159 : -314159;
    if (isnan(d)) return 0; /* CPython hashes NaN by identity; callers decide */
    int e;
    double m = frexp(fabs(d), &e);
    uint64_t h = 0;
    /* Feed the mantissa 28 bits at a time, then rotate by the exponent. */
    while (m) {
        h = rot61(h, 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        h += y;
        if (h >= HASH_MOD) h -= HASH_MOD;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    if (e) h = rot61(h, e);
    return hash_finish(h, d < 0);
}

static bool int_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    (void)vm;
    if (SMALL(self)) {
        *out = sp_hash_i64(self.u.i);
    } else {
        View x;
        view(&x, self);
        *out = hash_view(&x);
    }
    return true;
}

static int int_truthy(sp_VM *vm, sp_Value self) {
    (void)vm;
    return SMALL(self) ? self.u.i != 0 : 1;
}

/* ------------------------------------------------------------ to str */

static sp_Value limit_error(sp_VM *vm, int64_t have) {
    if (have < 0)
        return sp_raise(vm, &sp_t_ValueError,
                        "Exceeds the limit (%d digits) for integer string conversion; "
                        "use sys.set_int_max_str_digits() to increase the limit",
                        SP_INT_MAX_STR_DIGITS);
    return sp_raise(vm, &sp_t_ValueError,
                    "Exceeds the limit (%d digits) for integer string conversion: value has "
                    "%lld digits; use sys.set_int_max_str_digits() to increase the limit",
                    SP_INT_MAX_STR_DIGITS, (long long)have);
}

static const char DIGITS[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* Decimal digits of a magnitude into out (backwards from out + cap);
 * returns the count.  Quadratic, fine below the digit limit. */
static bool dec_digits(sp_VM *vm, const View *x, char *out, size_t cap, size_t *count) {
    size_t bytes, n = x->n, k = cap;
    if (n <= 2) { /* the common case: no scratch buffer */
        uint64_t m = n ? x->d[0] | (n > 1 ? (uint64_t)x->d[1] << 32 : 0) : 0;
        do {
            out[--k] = (char)('0' + m % 10);
            m /= 10;
        } while (m);
        *count = cap - k;
        return true;
    }
    sp_digit *t = tmp_alloc(vm, n, &bytes);
    if (!t) return false;
    memcpy(t, x->d, n * sizeof(sp_digit));
    do {
        uint64_t chunk = sp_mag_divmod_dec(t, t, n);
        n = sp_mag_trim(t, n);
        for (int i = 0; i < SP_DEC_CHUNK_DIGITS && (n || chunk || i == 0); i++) {
            out[--k] = (char)('0' + chunk % 10);
            chunk /= 10;
        }
    } while (n);
    sp_free(vm, t, bytes);
    *count = cap - k;
    return true;
}

/* Bits [pos, pos+cnt) of a magnitude, cnt <= 4. */
static unsigned get_bits(const View *x, uint64_t pos, unsigned cnt) {
    size_t i = (size_t)(pos / 32);
    unsigned off = (unsigned)(pos % 32);
    uint64_t w = i < x->n ? x->d[i] : 0;
    if (i + 1 < x->n) w |= (uint64_t)x->d[i + 1] << 32;
    return (unsigned)(w >> off) & ((1u << cnt) - 1);
}

sp_Value sp_int_to_str(sp_VM *vm, sp_Value v, int base) {
    if (v.tag == SP_INT && base == 10) { /* str(i) for a small int: the common case */
        char buf[24], *p = buf + sizeof buf;
        uint64_t u = v.u.i < 0 ? 0 - (uint64_t)v.u.i : (uint64_t)v.u.i;
        do *--p = (char)('0' + u % 10); while ((u /= 10) != 0);
        if (v.u.i < 0) *--p = '-';
        size_t n = (size_t)(buf + sizeof buf - p);
        return sp_str_new(vm, p, n);
    }
    View x;
    view(&x, v);
    uint64_t bits = sp_mag_bitlen(x.d, x.n);
    unsigned bpc = base == 2 ? 1 : base == 8 ? 3 : base == 16 ? 4 : 0;
    size_t ndig;
    if (bpc) {
        ndig = bits ? (size_t)((bits + bpc - 1) / bpc) : 1;
    } else {
        /* a lower bound on the digit count decides hopeless cases early */
        uint64_t lower = bits ? (bits - 1) * 30102 / 100000 + 1 : 1;
        if (lower > SP_INT_MAX_STR_DIGITS) return limit_error(vm, -1);
        ndig = (size_t)((bits * 30103) / 100000 + 2);
    }
    size_t cap = ndig + 3, bytes = cap + 1;
    char *buf = cap > 96 ? sp_malloc(vm, bytes) : NULL, stackbuf[100];
    if (cap > 96 && !buf) return SP_ERRV;
    char *out = buf ? buf : stackbuf;
    size_t k = cap, cnt;
    if (bpc) {
        for (size_t i = 0; i < ndig; i++) out[--k] = DIGITS[get_bits(&x, (uint64_t)i * bpc, bpc)];
        out[--k] = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
        out[--k] = '0';
    } else {
        if (!dec_digits(vm, &x, out, cap, &cnt)) goto fail;
        if (cnt > SP_INT_MAX_STR_DIGITS) {
            limit_error(vm, -1);
            goto fail;
        }
        k -= cnt;
    }
    if (x.neg) out[--k] = '-';
    sp_Value r = sp_str_new(vm, out + k, cap - k);
    if (buf) sp_free(vm, buf, bytes);
    return r;
fail:
    if (buf) sp_free(vm, buf, bytes);
    return SP_ERRV;
}

static sp_Value int_repr(sp_VM *vm, sp_Value self) { return sp_int_to_str(vm, self, 10); }

static sp_Value bool_repr(sp_VM *vm, sp_Value self) {
    return sp_str_cstr(vm, self.u.i ? "True" : "False");
}

/* ------------------------------------------------------------ parse */

static int digit_val(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Digits of the run [p, end) in base b (underscores already validated)
 * into a new int. */
static sp_Value convert_digits(sp_VM *vm, const char *p, const char *end, size_t ndig, int b,
                               bool neg) {
    unsigned bpc = (b & (b - 1)) ? 0 : (unsigned)__builtin_ctz((unsigned)b);
    /* log2(36) < 6.4 bits per character bounds the other bases */
    size_t cap = (bpc ? ndig / 32 * bpc + bpc : ndig / 5) + 2;
    sp_BigInt *r = big_alloc(vm, cap);
    if (!r) return SP_ERRV;
    if (bpc) {
        uint64_t pos = 0;
        for (const char *q = end; q-- > p;) {
            if (*q == '_') continue;
            uint64_t dv = (uint64_t)digit_val(*q) << (pos % 32);
            r->d[pos / 32] |= (sp_digit)dv;
            if (dv >> 32) r->d[pos / 32 + 1] |= (sp_digit)(dv >> 32);
            pos += bpc;
        }
        return big_done(vm, r, cap, neg);
    }
    sp_digit chunk_max = 1, chunk = 0, mul = 1;
    while ((uint64_t)chunk_max * (unsigned)b <= UINT32_MAX) chunk_max *= (sp_digit)b;
    size_t n = 0;
    for (const char *q = p; q < end; q++) {
        if (*q == '_') continue;
        chunk = chunk * (sp_digit)b + (sp_digit)digit_val(*q);
        mul *= (sp_digit)b;
        if (mul == chunk_max) {
            sp_digit c = sp_mag_muladd1(r->d, n, mul, chunk);
            if (c) r->d[n++] = c;
            chunk = 0;
            mul = 1;
        }
    }
    if (mul > 1) {
        sp_digit c = sp_mag_muladd1(r->d, n, mul, chunk);
        if (c) r->d[n++] = c;
    }
    return big_done(vm, r, n, neg);
}

static bool prefix_matches(const char *p, const char *end, int base) {
    if (end - p < 2 || p[0] != '0') return false;
    char c = (char)(p[1] | 0x20);
    return (base == 16 && c == 'x') || (base == 8 && c == 'o') || (base == 2 && c == 'b');
}

/* int(s, base) on ASCII text.  SP_NULLV: invalid literal (the caller
 * words the message); SP_ERRV: another error is pending. */
static sp_Value parse_ascii(sp_VM *vm, const char *p, const char *end, int base) {
    while (p < end && is_space(*p)) p++;
    bool neg = p < end && *p == '-';
    if (p < end && (*p == '-' || *p == '+')) p++;
    bool prefixed = false, zero_lead = false;
    if (base == 0) {
        base = prefix_matches(p, end, 16) ? 16 : prefix_matches(p, end, 8) ? 8
             : prefix_matches(p, end, 2) ? 2 : 10;
        prefixed = base != 10;
        zero_lead = base == 10 && p < end && *p == '0';
    } else {
        prefixed = prefix_matches(p, end, base);
    }
    if (prefixed) p += 2;
    const char *start = p;
    size_t ndig = 0;
    for (; p < end; p++) {
        if (*p == '_') {
            /* one underscore between digits, or right after a prefix */
            if (!(ndig || (prefixed && p == start)) || p + 1 == end || digit_val(p[1]) >= base)
                return SP_NULLV;
            continue;
        }
        if (digit_val(*p) >= base) break;
        ndig++;
    }
    if (ndig == 0) return SP_NULLV;
    if ((base & (base - 1)) && ndig > SP_INT_MAX_STR_DIGITS) return limit_error(vm, (int64_t)ndig);
    const char *dend = p;
    while (p < end && is_space(*p)) p++;
    if (p != end) return SP_NULLV;
    sp_Value r = convert_digits(vm, start, dend, ndig, base, neg);
    if (zero_lead && !sp_iserr(r) && sp_int_sign(r) != 0) return SP_NULLV;
    return r;
}

/* Unicode decimal digit blocks (each the code point of a zero). */
static const uint32_t UNI_ZEROS[] = {
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80,
    0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50,
    0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450,
    0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
    0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950,
    0x1fbf0};

/* Like CPython, map non-ASCII whitespace to ' ' and decimal digits of any
 * script to ASCII before parsing; anything else becomes '?'. */
static char ascii_of(uint32_t cp) {
    if (cp == 0x85 || cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
        cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000)
        return ' ';
    for (size_t i = 0; i < sizeof UNI_ZEROS / sizeof UNI_ZEROS[0]; i++)
        if (cp >= UNI_ZEROS[i] && cp < UNI_ZEROS[i] + 10) return (char)('0' + (cp - UNI_ZEROS[i]));
    return '?';
}

/* First n code points of UTF-8 text, as a str. */
static sp_Value str_prefix(sp_VM *vm, const char *s, size_t len, int n) {
    size_t cut = 0;
    for (int c = 0; c < n && cut < len; c++) sp_utf8_next(s, &cut);
    return sp_str_new(vm, s, cut);
}

/* CPython formats the text with "%.200R": the repr itself is cut too. */
static sp_Value invalid_literal(sp_VM *vm, sp_Value shown, int base) {
    sp_Value rep = sp_iserr(shown) ? shown : sp_repr(vm, shown);
    if (sp_iserr(rep)) return SP_ERRV;
    rep = str_prefix(vm, SP_STR(rep)->data, SP_STR(rep)->len, 200);
    if (sp_iserr(rep)) return SP_ERRV;
    return sp_raise(vm, &sp_t_ValueError, "invalid literal for int() with base %d: %S", base, rep);
}

sp_Value sp_int_from_str(sp_VM *vm, const char *s, size_t n, int base) {
    size_t i = 0, bytes = 0;
    while (i < n && (unsigned char)s[i] < 0x80) i++;
    char *t = NULL;
    sp_Value r;
    if (i < n) {
        bytes = n;
        if (!(t = sp_malloc(vm, bytes))) return SP_ERRV;
        size_t k = 0;
        for (i = 0; i < n;) {
            uint32_t cp = sp_utf8_next(s, &i);
            t[k++] = cp < 0x80 ? (char)cp : ascii_of(cp);
        }
        r = parse_ascii(vm, t, t + k, base);
        sp_free(vm, t, bytes);
    } else {
        r = parse_ascii(vm, s, s + n, base);
    }
    if (!sp_isnull(r)) return r;
    return invalid_literal(vm, str_prefix(vm, s, n, 200), base);
}

static sp_Value int_from_bytes_text(sp_VM *vm, const uint8_t *s, size_t n, int base) {
    sp_Value r = parse_ascii(vm, (const char *)s, (const char *)s + n, base);
    if (!sp_isnull(r)) return r;
    return invalid_literal(vm, sp_bytes_new(vm, s, n < 200 ? n : 200), base);
}

/* ------------------------------------------------------ conversions */

/* operator.index(v): an int value (bools become ints). */
static sp_Value index_value(sp_VM *vm, sp_Value v) {
    if (sp_isintlike(v)) return as_int(v);
    if (sp_isbox(v) && sp_isintlike(sp_unbox(v))) return as_int(sp_unbox(v)); /* int subclass */
    if (sp_typeof(v)->flags & SP_TF_HEAPTYPE) {
        sp_Value f = sp_type_lookup(vm, sp_typeof(v), SP_NAME(index));
        if (sp_iserr(f)) return SP_ERRV;
        if (!sp_isnull(f)) {
            sp_Value r = sp_call1(vm, f, v);
            if (sp_iserr(r) || sp_isintlike(r)) return sp_iserr(r) ? r : as_int(r);
            return sp_raise(vm, &sp_t_TypeError, "__index__ returned non-int (type %T)", r);
        }
    }
    return sp_raise(vm, &sp_t_TypeError, "'%T' object cannot be interpreted as an integer", v);
}

sp_Value sp_index_value(sp_VM *vm, sp_Value v) { return index_value(vm, v); }

sp_Value sp_class_index(sp_VM *vm, sp_Value v) {
    if (!(sp_typeof(v)->flags & SP_TF_HEAPTYPE)) return SP_NULLV;
    sp_Value name = sp_str_intern_cstr(vm, "__index__");
    if (sp_iserr(name)) return name;
    sp_Value f = sp_type_lookup(vm, sp_typeof(v), SP_STR(name));
    return sp_iserr(f) || sp_isnull(f) ? f : index_value(vm, v);
}

bool sp_index(sp_VM *vm, sp_Value v, int64_t *out) {
    sp_Value r = index_value(vm, v);
    if (sp_iserr(r)) return false;
    if (r.tag == SP_OBJ) {
        sp_raise(vm, &sp_t_IndexError, "cannot fit '%T' into an index-sized integer", v);
        return false;
    }
    *out = r.u.i;
    return true;
}

bool sp_int_to_i64(sp_VM *vm, sp_Value v, int64_t *out) {
    if (SMALL(v)) {
        *out = v.u.i;
        return true;
    }
    sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C long");
    return false;
}

/* int(x) without a base. */
static sp_Value int_of(sp_VM *vm, sp_Value x) {
    if (sp_typeof(x)->flags & SP_TF_HEAPTYPE) { /* a class's hooks, overrides included */
        sp_Str *const hooks[] = {SP_NAME(int), SP_NAME(index), SP_NAME(trunc)};
        for (int i = 0; i < 3; i++) {
            sp_Value f = sp_type_lookup(vm, sp_typeof(x), hooks[i]);
            if (sp_iserr(f)) return f;
            if (sp_isnull(f)) continue;
            sp_Value r = sp_call1(vm, f, x);
            if (sp_iserr(r)) return r;
            if (sp_isbox(r) && sp_isintlike(sp_unbox(r))) r = sp_unbox(r); /* an int subclass */
            if (sp_isintlike(r)) return as_int(r);
            return sp_raise(vm, &sp_t_TypeError, "%s returned non-int (type %T)", hooks[i]->data, r);
        }
    }
    x = sp_unbox(x); /* a str subclass parses as its value */
    if (sp_isintlike(x)) return as_int(x);
    if (sp_isfloat(x)) return sp_int_from_double(vm, x.u.f);
    if (sp_isstr(x)) return sp_int_from_str(vm, SP_STR(x)->data, SP_STR(x)->len, 10);
    if (sp_istype(x, &sp_t_bytes)) return int_from_bytes_text(vm, SP_BYTES(x)->data, SP_BYTES(x)->len, 10);
    return sp_raise(vm, &sp_t_TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, not '%T'", x);
}

static bool base_arg(sp_VM *vm, sp_Value v, int *out) {
    int64_t b = -1;
    if (v.tag == SP_OBJ && sp_istype(v, &sp_t_bigint_)) b = -1;
    else if (!sp_index(vm, v, &b)) return false;
    if (b != 0 && (b < 2 || b > 36)) {
        sp_raise(vm, &sp_t_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return false;
    }
    *out = (int)b;
    return true;
}

static sp_Value int_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    int nkw = kw ? (int)kw->n : 0;
    if (nargs + nkw > 2)
        return sp_raise(vm, &sp_t_TypeError, "int() takes at most 2 arguments (%d given)", nargs + nkw);
    sp_Value x = nargs > 0 ? args[0] : SP_NULLV, base = nargs > 1 ? args[1] : SP_NULLV;
    for (int i = 0; i < nkw; i++) {
        sp_Str *name = SP_STR(kw->items[i]);
        if (!sp_str_eqc(name, "base"))
            return sp_raise(vm, &sp_t_TypeError, "'%U' is an invalid keyword argument for int()", name);
        if (!sp_isnull(base))
            return sp_raise(vm, &sp_t_TypeError,
                            "argument for int() given by name ('base') and position (2)");
        base = args[nargs + i];
    }
    if (sp_isnull(base)) return sp_isnull(x) ? sp_int(0) : int_of(vm, x);
    if (sp_isnull(x)) return sp_raise(vm, &sp_t_TypeError, "int() missing string argument");
    int b;
    if (!base_arg(vm, base, &b)) return SP_ERRV;
    x = sp_unbox(x);
    if (sp_isstr(x)) return sp_int_from_str(vm, SP_STR(x)->data, SP_STR(x)->len, b);
    if (sp_istype(x, &sp_t_bytes)) return int_from_bytes_text(vm, SP_BYTES(x)->data, SP_BYTES(x)->len, b);
    return sp_raise(vm, &sp_t_TypeError, "int() can't convert non-string with explicit base");
}

static sp_Value bool_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    if (kw && kw->n) return sp_raise(vm, &sp_t_TypeError, "bool() takes no keyword arguments");
    if (nargs > 1) return sp_raise(vm, &sp_t_TypeError, "bool expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return SP_FALSEV;
    int r = sp_truthy(vm, args[0]);
    return r < 0 ? SP_ERRV : sp_bool(r);
}

/* ------------------------------------------------------------ methods */

static bool noargs(sp_VM *vm, const char *name, int nargs, sp_Tuple *kw) {
    if (kw && kw->n) {
        sp_raise(vm, &sp_t_TypeError, "int.%s() takes no keyword arguments", name);
        return false;
    }
    if (nargs != 1) {
        sp_raise(vm, &sp_t_TypeError, "int.%s() takes no arguments (%d given)", name, nargs - 1);
        return false;
    }
    return true;
}

#define NOARG_METHOD(fn, name, expr)                                                  \
    static sp_Value fn(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {          \
        if (!noargs(vm, name, nargs, kw)) return SP_ERRV;                             \
        sp_Value self = args[0];                                                      \
        return expr;                                                                  \
    }

static sp_Value bit_length(sp_Value self) {
    View x;
    view(&x, self);
    return sp_int((int64_t)sp_mag_bitlen(x.d, x.n));
}

static sp_Value bit_count(sp_Value self) {
    View x;
    view(&x, self);
    int64_t c = 0;
    for (size_t i = 0; i < x.n; i++) c += __builtin_popcount(x.d[i]);
    return sp_int(c);
}

static sp_Value as_float(sp_VM *vm, sp_Value self) {
    double d;
    return sp_int_to_double(vm, self, &d) ? sp_float(d) : SP_ERRV;
}

static sp_Value ratio(sp_VM *vm, sp_Value self) {
    sp_Value items[2] = {as_int(self), sp_int(1)};
    return sp_tuple_pack(vm, 2, items);
}

NOARG_METHOD(m_bit_length, "bit_length", ((void)vm, bit_length(self)))
NOARG_METHOD(m_bit_count, "bit_count", ((void)vm, bit_count(self)))
NOARG_METHOD(m_conjugate, "conjugate", ((void)vm, as_int(self)))
NOARG_METHOD(m_index, "__index__", ((void)vm, as_int(self)))
NOARG_METHOD(m_int, "__int__", ((void)vm, as_int(self)))
NOARG_METHOD(m_trunc, "__trunc__", ((void)vm, as_int(self)))
NOARG_METHOD(m_floor, "__floor__", ((void)vm, as_int(self)))
NOARG_METHOD(m_ceil, "__ceil__", ((void)vm, as_int(self)))
NOARG_METHOD(m_float, "__float__", as_float(vm, self))
NOARG_METHOD(m_ratio, "as_integer_ratio", ratio(vm, self))

/* round(x, -k): nearest multiple of 10**k, ties to even. */
static sp_Value int_round(sp_VM *vm, sp_Value self, sp_Value nd) {
    self = as_int(self);
    if (sp_isnull(nd)) return self; /* round(x, None) never gets here */
    sp_Value k = index_value(vm, nd);
    if (sp_iserr(k) || sp_int_sign(k) >= 0) return sp_iserr(k) ? k : self;
    View x;
    view(&x, self);
    uint64_t bits = sp_mag_bitlen(x.d, x.n);
    /* |x| < 2**bits <= 10**m / 2 when 3m >= bits + 1: the answer is 0 */
    if (k.tag == SP_OBJ || (uint64_t)-(k.u.i + 1) >= (bits + 1) / 3) return sp_int(0);
    sp_Value p = int_pow(vm, sp_int(10), sp_int(-k.u.i)), q, r;
    if (sp_iserr(p) || !int_divmod(vm, self, p, &q, &r, "")) return SP_ERRV;
    sp_Value r2 = int_addsub(vm, r, r, false);
    if (sp_iserr(r2)) return r2;
    int c = int_cmp(r2, p);
    bool odd = q.tag == SP_OBJ ? SP_BIG(q)->d[0] & 1 : q.u.i & 1;
    if (c > 0 || (c == 0 && odd)) q = int_addsub(vm, q, sp_int(1), false);
    return sp_iserr(q) ? q : sp_int_mul(vm, q, p);
}

static sp_Value m_round(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (kw && kw->n) return sp_raise(vm, &sp_t_TypeError, "int.__round__() takes no keyword arguments");
    if (nargs > 2)
        return sp_raise(vm, &sp_t_TypeError, "__round__ expected at most 1 argument, got %d", nargs - 1);
    return int_round(vm, args[0], nargs > 1 ? args[1] : SP_NULLV);
}

static bool byteorder_arg(sp_VM *vm, const char *fname, sp_Value v, bool *little) {
    if (sp_isnull(v)) {
        *little = false;
        return true;
    }
    if (!sp_isstr(v)) {
        sp_raise(vm, &sp_t_TypeError, "%s() argument 'byteorder' must be str, not %A", fname, v);
        return false;
    }
    *little = sp_str_eqc(SP_STR(v), "little");
    if (*little || sp_str_eqc(SP_STR(v), "big")) return true;
    sp_raise(vm, &sp_t_ValueError, "byteorder must be either 'little' or 'big'");
    return false;
}

/* Does x fit in `len` bytes (two's complement when sig)? */
static bool fits_bytes(const View *x, int64_t len, bool sig) {
    uint64_t bits = sp_mag_bitlen(x->d, x->n), room = (uint64_t)len * 8;
    if (!sig) return bits <= room;
    uint64_t k;
    return bits < room || (x->neg && bits == room && is_pow2(x, &k));
}

static sp_Value m_to_bytes(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[3];
    if (!sp_parse_args(vm, "to_bytes", args + 1, nargs - 1, kw, "|length,byteorder,$signed", o))
        return SP_ERRV;
    int64_t len = 1;
    bool little, sig = false;
    if (!sp_isnull(o[0])) {
        if (sp_istype(o[0], &sp_t_bigint_))
            return sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C ssize_t");
        if (!sp_index(vm, o[0], &len)) return SP_ERRV;
        if (len < 0) return sp_raise(vm, &sp_t_ValueError, "length argument must be non-negative");
    }
    if (!byteorder_arg(vm, "to_bytes", o[1], &little)) return SP_ERRV;
    if (!sp_isnull(o[2])) {
        int t = sp_truthy(vm, o[2]);
        if (t < 0) return SP_ERRV;
        sig = t;
    }
    View x;
    view(&x, args[0]);
    if (x.neg && !sig) return sp_raise(vm, &sp_t_OverflowError, "can't convert negative int to unsigned");
    if (len > (int64_t)(SP_MAX_ALLOC / 8)) return nomem(vm);
    if (!fits_bytes(&x, len, sig)) return sp_raise(vm, &sp_t_OverflowError, "int too big to convert");
    size_t n = (size_t)len;
    uint8_t *buf = sp_malloc(vm, n + 1);
    if (!buf) return SP_ERRV;
    unsigned carry = x.neg; /* two's complement: invert, add one */
    for (size_t i = 0; i < n; i++) {
        unsigned b = i / 4 < x.n ? (x.d[i / 4] >> (8 * (i % 4))) & 0xff : 0;
        if (x.neg) {
            b = (~b & 0xff) + carry;
            carry = b >> 8;
        }
        buf[little ? i : n - 1 - i] = (uint8_t)b;
    }
    sp_Value r = sp_bytes_new(vm, buf, n);
    sp_free(vm, buf, n + 1);
    return r;
}

static sp_Value m_from_bytes(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[3];
    if (!sp_parse_args(vm, "from_bytes", args + 1, nargs - 1, kw, "bytes|byteorder,$signed", o))
        return SP_ERRV;
    bool little, sig = false;
    if (!byteorder_arg(vm, "from_bytes", o[1], &little)) return SP_ERRV;
    if (!sp_isnull(o[2])) {
        int t = sp_truthy(vm, o[2]);
        if (t < 0) return SP_ERRV;
        sig = t;
    }
    sp_Value src = o[0];
    if (!sp_istype(src, &sp_t_bytes)) {
        if (sp_isstr(src) || sp_isintlike(src) || sp_isfloat(src) || sp_isnone(src))
            return sp_raise(vm, &sp_t_TypeError, "cannot convert '%T' object to bytes", src);
        src = sp_call1(vm, sp_objv(&sp_t_bytes), src);
        if (sp_iserr(src)) return src;
    }
    const uint8_t *p = SP_BYTES(src)->data;
    size_t len = SP_BYTES(src)->len, n = len / 4 + 1;
    sp_BigInt *r = big_alloc(vm, n);
    if (!r) return SP_ERRV;
    bool neg = sig && len && (p[little ? len - 1 : 0] & 0x80);
    for (size_t i = 0; i < 4 * n; i++) {
        unsigned b = i < len ? p[little ? i : len - 1 - i] : neg ? 0xff : 0;
        r->d[i / 4] |= (sp_digit)b << (8 * (i % 4));
    }
    if (neg) sp_mag_negate(r->d, n);
    return big_done(vm, r, n, neg);
}

static const sp_MethodDef int_methods[] = {
    {"bit_length", m_bit_length, 0},
    {"bit_count", m_bit_count, 0},
    {"to_bytes", m_to_bytes, 0},
    {"from_bytes", m_from_bytes, SP_METH_CLASS},
    {"as_integer_ratio", m_ratio, 0},
    {"conjugate", m_conjugate, 0},
    {"__index__", m_index, 0},
    {"__int__", m_int, 0},
    {"__float__", m_float, 0},
    {"__trunc__", m_trunc, 0},
    {"__floor__", m_floor, 0},
    {"__ceil__", m_ceil, 0},
    {"__round__", m_round, 0},
    {NULL, NULL, 0},
};

static sp_Value g_self(sp_VM *vm, sp_Value self) { (void)vm; return as_int(self); }
static sp_Value g_zero(sp_VM *vm, sp_Value self) { (void)vm; (void)self; return sp_int(0); }
static sp_Value g_one(sp_VM *vm, sp_Value self) { (void)vm; (void)self; return sp_int(1); }

static const sp_GetSetDef int_getsets[] = {
    {"real", g_self, NULL},
    {"imag", g_zero, NULL},
    {"numerator", g_self, NULL},
    {"denominator", g_one, NULL},
    {NULL, NULL, NULL},
};

/* ------------------------------------------------------------ types */

#define INT_SLOTS                                                                    \
    .methods = int_methods, .getsets = int_getsets, .hash = int_hash,                \
    .richcmp = int_richcmp, .truthy = int_truthy, .binop = int_binop,                \
    .unop = int_unop, .format = sp_format_int

sp_Type sp_t_int = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "int", .base = &sp_t_object,
    .flags = SP_TF_BASETYPE, .new_ = int_new, .repr = int_repr, INT_SLOTS,
};

/* Heap ints report themselves as int; base int keeps isinstance right. */
sp_Type sp_t_bigint_ = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "int", .base = &sp_t_int,
    .new_ = int_new, .repr = int_repr, INT_SLOTS,
};

sp_Type sp_t_bool = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "bool", .base = &sp_t_int,
    .new_ = bool_new, .repr = bool_repr, INT_SLOTS,
};
