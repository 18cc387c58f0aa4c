/* sp_statistics.c - the statistics module, after CPython 3.11's
 * Lib/statistics.py.
 *
 * CPython sums data exactly (int numerators over power-of-two float
 * denominators, added as Fractions) and rounds once at the end; we do the
 * same with big ints: every value is n / 2**k, and the running sums are
 * kept over the largest denominator seen, so the printed results match to
 * the last bit.  Only int, bool and float data are supported (there is no
 * Fraction or Decimal in the sandbox).  The float-only parts (NormalDist,
 * covariance, correlation, linear_regression, median_grouped) are Python:
 * src/sp_statistics.py. */
#include <math.h>
#include <stdio.h>

#include "sp_class.h"
#include "sp_cont.h"
#include "sp_exc.h"
#include "sp_statistics_py.h"

static sp_Type t_statserr;

static sp_Value stat_error(sp_VM *vm, const char *msg) { return sp_raise(vm, &t_statserr, "%s", msg); }

/* Positional-count errors worded as for the Python functions of
 * statistics.py (the first parameter is always `data`). */
static bool py_nargs(sp_VM *vm, const char *name, int nargs, int min, int max) {
    if (nargs > max) {
        if (min == max)
            sp_raise(vm, &sp_t_TypeError, "%s() takes %d positional argument%s but %d were given", name, max,
                     max == 1 ? "" : "s", nargs);
        else
            sp_raise(vm, &sp_t_TypeError, "%s() takes from %d to %d positional arguments but %d were given", name,
                     min, max, nargs);
        return false;
    }
    if (nargs >= min) return true;
    sp_raise(vm, &sp_t_TypeError, "%s() missing 1 required positional argument: 'data'", name);
    return false;
}

/* ------------------------------------------------------------ exact sums */

/* Accumulators live in a pinned list (user iterators may run the GC):
 * [0] sum of numerators over 2**shift, [1] sum of squares over 4**shift,
 * [2] float sum of the non-finite values (SP_NULL: none). */
typedef struct Acc {
    sp_Value hold;
    int64_t shift, count;
    bool is_float, squares;
} Acc;

#define ACC(a, i) (SP_LIST((a)->hold)->items[i])

static bool acc_init(sp_VM *vm, Acc *a, bool squares) {
    a->hold = sp_list_new(vm, 3);
    if (sp_iserr(a->hold) || !sp_pin(vm, a->hold)) return false;
    ACC(a, 0) = sp_int(0), ACC(a, 1) = sp_int(0), ACC(a, 2) = SP_NULLV;
    a->shift = a->count = 0;
    a->is_float = false;
    a->squares = squares;
    return true;
}

static sp_Value shl(sp_VM *vm, sp_Value v, int64_t k) { return k ? sp_binop(vm, SP_OP_LSHIFT, v, sp_int(k)) : v; }

/* x as n / 2**k (float.as_integer_ratio, reduced). */
static sp_Value float_ratio(sp_VM *vm, double x, int64_t *k) {
    int e;
    double m = frexp(x, &e);
    int64_t mant = (int64_t)ldexp(m, 53);
    e -= 53;
    while (mant && (mant & 1) == 0 && e < 0) mant >>= 1, e++;
    *k = e < 0 ? -e : 0;
    return e > 0 ? shl(vm, sp_int(mant), e) : sp_int(mant);
}

static bool acc_add(sp_VM *vm, Acc *a, sp_Value x) {
    sp_Value n;
    int64_t k = 0;
    a->count++;
    if (sp_isbool(x)) {
        n = sp_int(x.u.i);
    } else if (sp_isintlike(x)) {
        n = x;
    } else if (sp_isfloat(x)) {
        a->is_float = true;
        if (!isfinite(x.u.f)) {
            double s = sp_isnull(ACC(a, 2)) ? 0.0 : ACC(a, 2).u.f;
            ACC(a, 2) = sp_float(s + x.u.f);
            return true;
        }
        n = float_ratio(vm, x.u.f, &k);
    } else {
        sp_raise(vm, &sp_t_TypeError, "can't convert type '%s' to numerator/denominator", sp_typename(x));
        return false;
    }
    if (sp_iserr(n)) return false;
    if (k > a->shift) { /* rescale the sums to the new common denominator */
        ACC(a, 0) = shl(vm, ACC(a, 0), k - a->shift);
        if (a->squares) ACC(a, 1) = shl(vm, ACC(a, 1), 2 * (k - a->shift));
        a->shift = k;
    }
    sp_Value s = sp_int_add(vm, ACC(a, 0), shl(vm, n, a->shift - k));
    if (sp_iserr(s)) return false;
    ACC(a, 0) = s;
    if (a->squares) {
        sp_Value sq = sp_int_mul(vm, n, n);
        sq = sp_iserr(sq) ? sq : sp_int_add(vm, ACC(a, 1), shl(vm, sq, 2 * (a->shift - k)));
        if (sp_iserr(sq)) return false;
        ACC(a, 1) = sq;
    }
    /* Big sums allocate a new int per item: collect the garbage as we go.
     * Safe here: the sums are pinned, x is dead, and our callers hold
     * nothing unrooted (they may call back into Python anyway). */
    if ((a->count & 255) == 0) sp_gc_maybe(vm);
    return sp_check_limits(vm);
}

typedef bool (*ItemFn)(sp_VM *vm, void *ud, sp_Value x);

static bool acc_one(sp_VM *vm, void *ud, sp_Value x) { return acc_add(vm, ud, x); }

/* (x - c) * (x - c) for _ss with a given mean. */
typedef struct DevCtx {
    Acc *acc;
    sp_Value c;
} DevCtx;

static bool dev_one(sp_VM *vm, void *ud, sp_Value x) {
    DevCtx *d = ud;
    sp_Value t = sp_binop(vm, SP_OP_SUB, x, d->c);
    if (sp_iserr(t) || !sp_pin(vm, t)) return false;
    sp_Value sq = sp_binop(vm, SP_OP_MUL, t, t);
    sp_unpin(vm, 1);
    return !sp_iserr(sq) && acc_add(vm, d->acc, sq);
}

/* The exact value num / den as T: an int when T is int and it divides,
 * otherwise a correctly rounded float. */
static sp_Value convert(sp_VM *vm, sp_Value num, sp_Value den, bool is_float) {
    if (!is_float) {
        sp_Value qr = sp_int_divmod(vm, num, den);
        if (sp_iserr(qr)) return qr;
        if (sp_int_sign(SP_TUPLE(qr)->items[1]) == 0) return SP_TUPLE(qr)->items[0];
    }
    return sp_binop(vm, SP_OP_TRUEDIV, num, den);
}

/* ------------------------------------------------------------ mean, variance */

static bool sum_data(sp_VM *vm, Acc *a, sp_Value data, bool squares) {
    return acc_init(vm, a, squares) && spc_foreach(vm, data, acc_one, a);
}

static sp_Value f_mean(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Acc a;
    if (!spc_nokw(vm, "mean", kw) || !py_nargs(vm, "mean", nargs, 1, 1)) return SP_ERRV;
    if (!sum_data(vm, &a, args[0], false)) return SP_ERRV;
    sp_Value r;
    if (a.count < 1) r = stat_error(vm, "mean requires at least one data point");
    else if (!sp_isnull(ACC(&a, 2))) r = sp_float(ACC(&a, 2).u.f / (double)a.count);
    else {
        sp_Value den = sp_int_mul(vm, shl(vm, sp_int(1), a.shift), sp_int(a.count));
        r = sp_iserr(den) ? den : convert(vm, ACC(&a, 0), den, a.is_float);
    }
    sp_unpin(vm, 1);
    return r;
}

/* Sum of squared deviations as an exact fraction *num / *den (or *special
 * for non-finite data).  c: the given mean or SP_NULL. */
typedef struct SS {
    sp_Value num, den, special;
    int64_t n;
    bool is_float;
} SS;

static bool sum_squares(sp_VM *vm, sp_Value data, sp_Value c, SS *ss) {
    Acc a;
    bool given = !sp_isnull(c) && !sp_isnone(c);
    if (!acc_init(vm, &a, !given)) return false;
    DevCtx d = {&a, c};
    bool ok = given ? spc_foreach(vm, data, dev_one, &d) : spc_foreach(vm, data, acc_one, &a);
    ss->n = a.count, ss->is_float = a.is_float, ss->special = ACC(&a, 2);
    if (ok && sp_isnull(ss->special)) {
        sp_Value d1 = shl(vm, sp_int(1), a.shift);
        if (given) {
            ss->num = ACC(&a, 0), ss->den = d1;
        } else if (a.count == 0) {
            ss->num = sp_int(0), ss->den = sp_int(1);
        } else { /* (count * sxx - sx * sx) / count over 4**shift */
            sp_Value t1 = sp_int_mul(vm, sp_int(a.count), ACC(&a, 1));
            sp_Value t2 = sp_iserr(t1) ? t1 : sp_int_mul(vm, ACC(&a, 0), ACC(&a, 0));
            ss->num = sp_iserr(t2) ? t2 : sp_binop(vm, SP_OP_SUB, t1, t2);
            sp_Value dd = sp_iserr(d1) ? d1 : sp_int_mul(vm, d1, d1);
            ss->den = sp_iserr(dd) ? dd : sp_int_mul(vm, dd, sp_int(a.count));
            ok = !sp_iserr(ss->num) && !sp_iserr(ss->den);
        }
    }
    sp_unpin(vm, 1);
    return ok;
}

/* ------------------------------------------------------------ square roots */

static int64_t bit_length(sp_VM *vm, sp_Value v) {
    sp_Value f = sp_getattrs(vm, v, "bit_length");
    sp_Value r = sp_iserr(f) ? f : sp_call0(vm, f);
    return sp_iserr(r) ? -1 : r.u.i;
}

/* math.isqrt by Newton's method from above (n >= 0). */
static sp_Value isqrt(sp_VM *vm, sp_Value n) {
    int64_t bl = bit_length(vm, n);
    if (bl < 0) return SP_ERRV;
    if (bl == 0) return sp_int(0);
    sp_Value x = shl(vm, sp_int(1), (bl + 1) / 2);
    for (;;) {
        sp_Value q = sp_binop(vm, SP_OP_FLOORDIV, n, x);
        sp_Value y = sp_iserr(q) ? q : sp_int_add(vm, x, q);
        y = sp_iserr(y) ? y : sp_binop(vm, SP_OP_RSHIFT, y, sp_int(1));
        if (sp_iserr(y)) return y;
        int ge = sp_lt(vm, y, x);
        if (ge < 0 || !sp_check_limits(vm)) return SP_ERRV;
        if (!ge) return x;
        x = y;
    }
}

/* _integer_sqrt_of_frac_rto: isqrt(n // m) rounded to odd. */
static sp_Value isqrt_rto(sp_VM *vm, sp_Value n, sp_Value m) {
    sp_Value q = sp_binop(vm, SP_OP_FLOORDIV, n, m);
    sp_Value a = sp_iserr(q) ? q : isqrt(vm, q);
    sp_Value aa = sp_iserr(a) ? a : sp_int_mul(vm, a, a);
    aa = sp_iserr(aa) ? aa : sp_int_mul(vm, aa, m);
    if (sp_iserr(aa)) return aa;
    int eq = sp_eq(vm, aa, n);
    return eq < 0 ? SP_ERRV : eq ? a : sp_binop(vm, SP_OP_OR, a, sp_int(1));
}

/* _float_sqrt_of_frac: sqrt(n / m) correctly rounded. */
static sp_Value float_sqrt_frac(sp_VM *vm, sp_Value n, sp_Value m) {
    int64_t bn = bit_length(vm, n), bm = bit_length(vm, m);
    if (bn < 0 || bm < 0) return SP_ERRV;
    int64_t d = bn - bm - 109, q = d >= 0 ? d / 2 : -((-d + 1) / 2);
    if (q >= 0) {
        sp_Value r = isqrt_rto(vm, n, shl(vm, m, 2 * q));
        r = sp_iserr(r) ? r : shl(vm, r, q);
        return sp_iserr(r) ? r : sp_binop(vm, SP_OP_TRUEDIV, r, sp_int(1));
    }
    sp_Value r = isqrt_rto(vm, shl(vm, n, -2 * q), m);
    return sp_iserr(r) ? r : sp_binop(vm, SP_OP_TRUEDIV, r, shl(vm, sp_int(1), -q));
}

/* variance (ddof 1) / pvariance (ddof 0) and their square roots. */
static sp_Value spread(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, const char *name, int ddof, bool root) {
    sp_Value a[2];
    SS ss;
    if ((!kw && !py_nargs(vm, name, nargs, 1, 2)) || !sp_parse_args(vm, name, args, nargs, kw, ddof ? "data|xbar" : "data|mu", a))
        return SP_ERRV;
    if (!sum_squares(vm, a[0], a[1], &ss)) return SP_ERRV;
    if (ss.n < 1 + ddof) {
        char msg[64];
        snprintf(msg, sizeof msg, "%s requires at least %s data point%s", name, ddof ? "two" : "one", ddof ? "s" : "");
        return stat_error(vm, msg);
    }
    if (!sp_isnull(ss.special)) {
        if (root) return sp_raise(vm, &sp_t_AttributeError, "'float' object has no attribute 'numerator'");
        return sp_float(ss.special.u.f / (double)(ss.n - ddof));
    }
    sp_Value den = sp_int_mul(vm, ss.den, sp_int(ss.n - ddof));
    if (sp_iserr(den)) return den;
    if (!root) return convert(vm, ss.num, den, ss.is_float);
    return float_sqrt_frac(vm, ss.num, den);
}

static sp_Value f_variance(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return spread(vm, a, n, kw, "variance", 1, false); }
static sp_Value f_pvariance(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return spread(vm, a, n, kw, "pvariance", 0, false); }
static sp_Value f_stdev(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return spread(vm, a, n, kw, "stdev", 1, true); }
static sp_Value f_pstdev(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return spread(vm, a, n, kw, "pstdev", 0, true); }

/* ------------------------------------------------------------ fmean (fsum) */

/* math.fsum's exact partials (Shewchuk), as CPython's math_fsum. */
typedef struct FSum {
    double *p;
    size_t n, cap;
    double special, inf;
} FSum;

static bool fsum_add(sp_VM *vm, FSum *f, double x) {
    double xsave = x;
    size_t k = 0;
    for (size_t i = 0; i < f->n; i++) {
        double y = f->p[i];
        if (fabs(x) < fabs(y)) { double t = x; x = y; y = t; }
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0.0) f->p[k++] = lo;
        x = hi;
    }
    f->n = k;
    if (x == 0.0) return true;
    if (!isfinite(x)) {
        if (isfinite(xsave)) return sp_raise(vm, &sp_t_OverflowError, "intermediate overflow in fsum"), false;
        if (isinf(xsave)) f->inf += xsave;
        f->special += xsave;
        f->n = 0;
        return true;
    }
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 32;
        double *p = sp_realloc(vm, f->p, f->cap * sizeof(double), cap * sizeof(double));
        if (!p) return false;
        f->p = p, f->cap = cap;
    }
    f->p[f->n++] = x;
    return true;
}

static bool fsum_result(sp_VM *vm, FSum *f, double *out) {
    if (f->special != 0.0) {
        if (isnan(f->inf)) return sp_raise(vm, &sp_t_ValueError, "-inf + inf in fsum"), false;
        *out = f->special;
        return true;
    }
    double hi = 0.0, lo = 0.0;
    size_t n = f->n;
    if (n > 0) {
        hi = f->p[--n];
        while (n > 0) {
            double x = hi, y = f->p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && f->p[n - 1] < 0.0) || (lo > 0.0 && f->p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y;
            if (y == x - hi) hi = x;
        }
    }
    *out = hi;
    return true;
}

static bool to_double(sp_VM *vm, sp_Value v, double *out) {
    if (sp_isfloat(v)) return *out = v.u.f, true;
    if (sp_isintlike(v)) return sp_int_to_double(vm, v, out);
    sp_raise(vm, &sp_t_TypeError, "must be real number, not %s", sp_typename(v));
    return false;
}

typedef struct FMean {
    FSum f;
    int64_t n;
    int log; /* geometric_mean: sum logs */
} FMean;

static bool fmean_one(sp_VM *vm, void *ud, sp_Value x) {
    FMean *m = ud;
    double d;
    if (!to_double(vm, x, &d)) return false;
    if (m->log) {
        if (!(d > 0)) return sp_raise(vm, &sp_t_ValueError, "math domain error"), false;
        d = log(d);
    }
    m->n++;
    return fsum_add(vm, &m->f, d);
}

static sp_Value fmean_of(sp_VM *vm, sp_Value data, int log, double *out) {
    FMean m;
    memset(&m, 0, sizeof m);
    m.log = log;
    bool ok = spc_foreach(vm, data, fmean_one, &m);
    double total = 0;
    ok = ok && fsum_result(vm, &m.f, &total);
    sp_free(vm, m.f.p, m.f.cap * sizeof(double));
    if (!ok) return SP_ERRV;
    if (m.n == 0) return stat_error(vm, log ? "geometric mean requires a non-empty dataset containing positive numbers"
                                            : "fmean requires at least one data point");
    *out = total / (double)m.n;
    return SP_NONEV;
}

/* sum(x * w) and sum(w) for weighted fmean. */
static sp_Value fmean_weighted(sp_VM *vm, sp_Value data, sp_Value weights) {
    sp_Value d = sp_list_from_iter(vm, data);
    if (sp_iserr(d) || !sp_pin(vm, d)) return SP_ERRV;
    sp_Value w = sp_list_from_iter(vm, weights), r = SP_ERRV;
    if (!sp_iserr(w) && sp_pin(vm, w)) {
        FSum num, den;
        memset(&num, 0, sizeof num), memset(&den, 0, sizeof den);
        size_t n = SP_LIST(d)->n < SP_LIST(w)->n ? SP_LIST(d)->n : SP_LIST(w)->n;
        bool ok = true;
        for (size_t i = 0; ok && i < n; i++) {
            sp_Value p = sp_binop(vm, SP_OP_MUL, SP_LIST(d)->items[i], SP_LIST(w)->items[i]);
            double x, y;
            ok = !sp_iserr(p) && to_double(vm, p, &x) && fsum_add(vm, &num, x) &&
                 to_double(vm, SP_LIST(w)->items[i], &y) && fsum_add(vm, &den, y);
        }
        double a = 0, b = 0;
        ok = ok && fsum_result(vm, &num, &a);
        if (ok && SP_LIST(d)->n != SP_LIST(w)->n) ok = !sp_iserr(stat_error(vm, "data and weights must be the same length"));
        ok = ok && fsum_result(vm, &den, &b);
        if (ok && b == 0.0) ok = !sp_iserr(stat_error(vm, "sum of weights must be non-zero"));
        if (ok) r = sp_float(a / b);
        sp_free(vm, num.p, num.cap * sizeof(double));
        sp_free(vm, den.p, den.cap * sizeof(double));
        sp_unpin(vm, 1);
    }
    sp_unpin(vm, 1);
    return r;
}

static sp_Value f_fmean(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    double m;
    if (!sp_parse_args(vm, "fmean", args, nargs, kw, "data|weights", a)) return SP_ERRV;
    if (!sp_isnull(a[1]) && !sp_isnone(a[1])) return fmean_weighted(vm, a[0], a[1]);
    sp_Value r = fmean_of(vm, a[0], 0, &m);
    return sp_iserr(r) ? r : sp_float(m);
}

static sp_Value f_geometric_mean(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    double m;
    if (!spc_nokw(vm, "geometric_mean", kw) || !py_nargs(vm, "geometric_mean", nargs, 1, 1)) return SP_ERRV;
    sp_Value r = fmean_of(vm, args[0], 1, &m);
    if (sp_iserr(r) && sp_err_matches(vm, &sp_t_ValueError) && !sp_err_matches(vm, &t_statserr)) {
        sp_err_clear(vm);
        return stat_error(vm, "geometric mean requires a non-empty dataset containing positive numbers");
    }
    return sp_iserr(r) ? r : sp_float(exp(m));
}

/* harmonic_mean(data): n / sum(1/x), exactly summed. */
static sp_Value f_harmonic_mean(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    if (!sp_parse_args(vm, "harmonic_mean", args, nargs, kw, "data|weights", a)) return SP_ERRV;
    sp_Value d = sp_list_from_iter(vm, a[0]);
    if (sp_iserr(d) || !sp_pin(vm, d)) return SP_ERRV;
    sp_List *l = SP_LIST(d);
    sp_Value r = SP_ERRV, w = SP_NULLV;
    bool weighted = !sp_isnull(a[1]) && !sp_isnone(a[1]);
    if (weighted) w = sp_list_from_iter(vm, a[1]);
    if (sp_iserr(w) || !sp_pin(vm, w)) return sp_unpin(vm, 1), SP_ERRV;
    Acc acc, wacc;
    if (l->n < 1) r = stat_error(vm, "harmonic_mean requires at least one data point");
    else if (l->n == 1 && !weighted) {
        sp_Value x = l->items[0];
        if (!sp_isintlike(x) && !sp_isfloat(x)) r = sp_raise(vm, &sp_t_TypeError, "unsupported type");
        else {
            int neg = sp_lt(vm, x, sp_int(0));
            r = neg < 0 ? SP_ERRV : neg ? stat_error(vm, "harmonic mean does not support negative values") : x;
        }
    } else if (weighted && SP_LIST(w)->n != l->n) {
        r = stat_error(vm, "Number of weights does not match data size");
    } else if (acc_init(vm, &wacc, false)) {
        bool ok = true, zero = false;
        for (size_t i = 0; ok && i < l->n; i++) { /* _fail_neg(weights) */
            sp_Value wi = weighted ? SP_LIST(w)->items[i] : sp_int(1);
            int neg = sp_lt(vm, wi, sp_int(0));
            if (neg > 0) stat_error(vm, "harmonic mean does not support negative values");
            ok = !neg && acc_add(vm, &wacc, wi);
        }
        if (ok && acc_init(vm, &acc, false)) {
            for (size_t i = 0; ok && !zero && i < l->n; i++) {
                sp_Value x = l->items[i], wi = weighted ? SP_LIST(w)->items[i] : sp_int(1);
                int neg = sp_lt(vm, x, sp_int(0));
                if (neg) { ok = false; if (neg > 0) stat_error(vm, "harmonic mean does not support negative values"); break; }
                int wt = sp_truthy(vm, wi);
                sp_Value q = wt < 0 ? SP_ERRV : wt ? sp_binop(vm, SP_OP_TRUEDIV, wi, x) : sp_int(0);
                if (sp_iserr(q) && sp_err_matches(vm, &sp_t_ZeroDivisionError)) { sp_err_clear(vm); zero = true; break; }
                ok = !sp_iserr(q) && acc_add(vm, &acc, q);
            }
            if (ok && zero) r = sp_int(0);
            else if (ok) {
                sp_Value tden = shl(vm, sp_int(1), acc.shift), wden = shl(vm, sp_int(1), wacc.shift);
                int pos = sp_int_sign(ACC(&acc, 0));
                if (pos <= 0 && sp_isnull(ACC(&acc, 2))) r = stat_error(vm, "Weighted sum must be positive");
                else { /* (W / wden) / (T / tden) */
                    sp_Value num = sp_int_mul(vm, ACC(&wacc, 0), tden), den = sp_int_mul(vm, wden, ACC(&acc, 0));
                    r = sp_iserr(num) || sp_iserr(den) ? SP_ERRV : convert(vm, num, den, acc.is_float);
                }
            }
            sp_unpin(vm, 1);
        }
        sp_unpin(vm, 1);
    }
    sp_unpin(vm, 2);
    return r;
}

/* ------------------------------------------------------------ medians, quantiles */

static sp_Value sorted_list(sp_VM *vm, sp_Value data) {
    sp_Value l = sp_list_from_iter(vm, data);
    if (sp_iserr(l) || !sp_pin(vm, l)) return SP_ERRV;
    bool ok = sp_list_sort(vm, SP_LIST(l), SP_NULLV, false);
    sp_unpin(vm, 1);
    return ok ? l : SP_ERRV;
}

/* which: 0 median, 1 low, 2 high */
static sp_Value median_any(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, int which, const char *name) {
    if (!spc_nokw(vm, name, kw) || !py_nargs(vm, name, nargs, 1, 1)) return SP_ERRV;
    sp_Value l = sorted_list(vm, args[0]);
    if (sp_iserr(l)) return l;
    size_t n = SP_LIST(l)->n;
    sp_Value *d = SP_LIST(l)->items;
    if (n == 0) return stat_error(vm, "no median for empty data");
    if (n % 2 == 1 || which == 2) return d[n / 2];
    if (which == 1) return d[n / 2 - 1];
    if (!sp_pin(vm, l)) return SP_ERRV;
    sp_Value s = sp_binop(vm, SP_OP_ADD, d[n / 2 - 1], d[n / 2]);
    sp_Value r = sp_iserr(s) ? s : sp_binop(vm, SP_OP_TRUEDIV, s, sp_int(2));
    sp_unpin(vm, 1);
    return r;
}

static sp_Value f_median(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return median_any(vm, a, n, kw, 0, "median"); }
static sp_Value f_median_low(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return median_any(vm, a, n, kw, 1, "median_low"); }
static sp_Value f_median_high(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return median_any(vm, a, n, kw, 2, "median_high"); }

/* (lo * (n - delta) + hi * delta) / n */
static sp_Value interpolate(sp_VM *vm, sp_Value lo, sp_Value hi, int64_t n, int64_t delta) {
    sp_Value a = sp_binop(vm, SP_OP_MUL, lo, sp_int(n - delta));
    if (sp_iserr(a) || !sp_pin(vm, a)) return SP_ERRV;
    sp_Value b = sp_binop(vm, SP_OP_MUL, hi, sp_int(delta));
    sp_Value s = sp_iserr(b) ? b : sp_binop(vm, SP_OP_ADD, a, b);
    sp_unpin(vm, 1);
    return sp_iserr(s) ? s : sp_binop(vm, SP_OP_TRUEDIV, s, sp_int(n));
}

static sp_Value quantiles_of(sp_VM *vm, sp_List *data, int64_t n, bool incl, sp_List *out) {
    int64_t ld = (int64_t)data->n;
    for (int64_t i = 1; i < n; i++) {
        sp_Value *d = data->items, v;
        if (incl) {
            int64_t m = ld - 1, j = i * m / n;
            v = interpolate(vm, d[j], d[j + 1], n, i * m % n);
        } else {
            int64_t m = ld + 1, j = i * m / n;
            j = j < 1 ? 1 : j > ld - 1 ? ld - 1 : j;
            v = interpolate(vm, d[j - 1], d[j], n, i * m - j * n);
        }
        if (sp_iserr(v) || !sp_list_append(vm, out, v) || !sp_check_limits(vm)) return SP_ERRV;
    }
    return sp_objv(out);
}

static sp_Value f_quantiles(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[3];
    int64_t n = 4;
    if (!py_nargs(vm, "quantiles", nargs, 1, 1) || !sp_parse_args(vm, "quantiles", args, nargs, kw, "data|$n,method", a))
        return SP_ERRV;
    if (!sp_isnull(a[1]) && !sp_index(vm, a[1], &n)) return SP_ERRV;
    if (n < 1) return stat_error(vm, "n must be at least 1");
    sp_Value l = sorted_list(vm, a[0]);
    if (sp_iserr(l)) return l;
    if (SP_LIST(l)->n < 2) return stat_error(vm, "must have at least two data points");
    bool incl = !sp_isnull(a[2]) && sp_isstr(a[2]) && sp_str_eqc(SP_STR(a[2]), "inclusive");
    if (!incl && !sp_isnull(a[2]) && !(sp_isstr(a[2]) && sp_str_eqc(SP_STR(a[2]), "exclusive")))
        return sp_raise(vm, &sp_t_ValueError, "Unknown method: %R", a[2]);
    sp_Value res = sp_list_with_cap(vm, 0);
    if (sp_iserr(res) || !sp_pin(vm, l)) return SP_ERRV;
    if (!sp_pin(vm, res)) return sp_unpin(vm, 1), SP_ERRV;
    res = quantiles_of(vm, SP_LIST(l), n, incl, SP_LIST(res));
    sp_unpin(vm, 2);
    return res;
}

/* ------------------------------------------------------------ mode */

typedef struct CountCtx {
    sp_Dict *d;
} CountCtx;

static bool count_one(sp_VM *vm, void *ud, sp_Value x) {
    CountCtx *c = ud;
    sp_Value cur;
    if (!sp_pin(vm, x)) return false;
    int r = sp_dict_get(vm, c->d, x, &cur);
    bool ok = r >= 0 && sp_dict_set(vm, c->d, x, sp_int(r ? cur.u.i + 1 : 1));
    sp_unpin(vm, 1);
    return ok;
}

/* Counts in first-seen order (Counter); *max the largest count. */
static sp_Value count_items(sp_VM *vm, sp_Value data, int64_t *max) {
    sp_Value d = sp_dict_new(vm);
    if (sp_iserr(d) || !sp_pin(vm, d)) return SP_ERRV;
    CountCtx c = {SP_DICT(d)};
    bool ok = spc_foreach(vm, data, count_one, &c);
    sp_unpin(vm, 1);
    *max = 0;
    sp_Value v;
    for (size_t pos = 0; ok && sp_dict_next(SP_DICT(d), &pos, NULL, &v);)
        if (v.u.i > *max) *max = v.u.i;
    return ok ? d : SP_ERRV;
}

static sp_Value f_mode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    int64_t max;
    if (!spc_nokw(vm, "mode", kw) || !py_nargs(vm, "mode", nargs, 1, 1)) return SP_ERRV;
    sp_Value d = count_items(vm, args[0], &max), k, v;
    if (sp_iserr(d)) return d;
    for (size_t pos = 0; sp_dict_next(SP_DICT(d), &pos, &k, &v);)
        if (v.u.i == max) return k;
    return stat_error(vm, "no mode for empty data");
}

static sp_Value f_multimode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    int64_t max;
    if (!spc_nokw(vm, "multimode", kw) || !py_nargs(vm, "multimode", nargs, 1, 1)) return SP_ERRV;
    sp_Value d = count_items(vm, args[0], &max), k, v;
    if (sp_iserr(d) || !sp_pin(vm, d)) return SP_ERRV;
    sp_Value l = sp_list_with_cap(vm, 0);
    for (size_t pos = 0; !sp_iserr(l) && sp_dict_next(SP_DICT(d), &pos, &k, &v);)
        if (v.u.i == max && !sp_list_append(vm, SP_LIST(l), k)) l = SP_ERRV;
    sp_unpin(vm, 1);
    return l;
}

/* ------------------------------------------------------------ module */

static sp_Type t_statserr = SP_EXC_TYPE_INIT("statistics.StatisticsError", &sp_t_ValueError, NULL, sp_exc_base_str, NULL);

static const sp_MethodDef stat_funcs[] = {
    {"mean", f_mean, 0},           {"fmean", f_fmean, 0},
    {"geometric_mean", f_geometric_mean, 0}, {"harmonic_mean", f_harmonic_mean, 0},
    {"median", f_median, 0},       {"median_low", f_median_low, 0},
    {"median_high", f_median_high, 0}, {"mode", f_mode, 0},
    {"multimode", f_multimode, 0}, {"quantiles", f_quantiles, 0},
    {"variance", f_variance, 0},   {"pvariance", f_pvariance, 0},
    {"stdev", f_stdev, 0},         {"pstdev", f_pstdev, 0},
    {NULL, NULL, 0},
};

/* Natives for the Python half (src/sp_statistics.py). */
static sp_Value f_error_type(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)args;
    if (!sp_no_kwargs(vm, "_error", kw) || !sp_check_nargs(vm, "_error", nargs, 0, 0)) return SP_ERRV;
    return sp_objv(&t_statserr);
}
static const sp_MethodDef py_privates[] = {
    {"_error", f_error_type, 0}, {"_mean", f_mean, 0}, {"_stdev", f_stdev, 0}, {NULL, NULL, 0},
};

bool sp_statistics_init(sp_VM *vm, sp_Module *m) {
    static const char *const py_names[] = {
        "median_grouped", "covariance", "correlation", "linear_regression", "LinearRegression",
        "NormalDist", NULL,
    };
    return sp_module_add_funcs(vm, m, stat_funcs) &&
           sp_module_add(vm, m, "StatisticsError", sp_objv(&t_statserr)) &&
           sp_pymod_load(vm, m, SP_STATISTICS_PY, sizeof SP_STATISTICS_PY - 1, "statistics.py", py_privates,
                         py_names);
}
