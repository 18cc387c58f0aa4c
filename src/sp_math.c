/* sp_math.c - the math module, with CPython 3.11's results and errors.
 *
 * Floating functions follow CPython's math_1/math_2 rules: a NaN from a
 * non-NaN argument is "math domain error" (ValueError), an infinity from a
 * finite argument is "math range error" (OverflowError) for functions that
 * can overflow and a domain error (a pole) for the others.  Integer
 * functions (factorial, comb, perm, isqrt, gcd, lcm) work on Python ints of
 * any size through the generic number protocol; their long loops poll the
 * limits and the big multiplications inside sp_int do too. */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include "sp_cont.h"

#define SP_MAXSIZE "9223372036854775807"
#define PI 3.141592653589793238462643383279502884
#define E_ 2.718281828459045235360287471352662498

/* ------------------------------------------------------------ conversions */

static sp_Value call_dunder(sp_VM *vm, sp_Value x, const char *name, bool *found) {
    *found = false;
    if (!(sp_typeof(x)->flags & SP_TF_HEAPTYPE)) return SP_NULLV;
    sp_Value nm = sp_str_intern_cstr(vm, name);
    if (sp_iserr(nm)) return nm;
    sp_Value m = sp_type_lookup(vm, sp_typeof(x), SP_STR(nm));
    if (sp_iserr(m) || sp_isnull(m)) return m;
    *found = true;
    return sp_call1(vm, m, x);
}

/* PyFloat_AsDouble: float, int, __float__, __index__. */
bool sp_as_double(sp_VM *vm, sp_Value v, double *out) {
    if (sp_isfloat(v)) return *out = v.u.f, true;
    v = sp_unbox_num(v);
    if (sp_isfloat(v)) return *out = v.u.f, true;
    if (sp_isintlike(v)) return sp_int_to_double(vm, v, out);
    bool found;
    sp_Value r = call_dunder(vm, v, "__float__", &found);
    if (sp_iserr(r)) return false;
    if (found) {
        if (sp_isfloat(r)) return *out = r.u.f, true;
        sp_raise(vm, &sp_t_TypeError, "%T.__float__ returned non-float (type %T)", v, r);
        return false;
    }
    r = call_dunder(vm, v, "__index__", &found);
    if (sp_iserr(r)) return false;
    if (found) {
        if (sp_isintlike(r)) return sp_int_to_double(vm, r, out);
        sp_raise(vm, &sp_t_TypeError, "__index__ returned non-int (type %T)", r);
        return false;
    }
    sp_raise(vm, &sp_t_TypeError, "must be real number, not %T", v);
    return false;
}

/* An exact int from an int or __index__ (bools become ints). */
static sp_Value as_int(sp_VM *vm, sp_Value v) {
    if (v.tag == SP_BOOL) return sp_int(v.u.i);
    if (sp_isintlike(v)) return v;
    return sp_index_value(vm, v);
}

static bool one(sp_VM *vm, const char *qual, int nargs, sp_Tuple *kw) {
    return spc_onearg(vm, qual, nargs, kw);
}

/* "math.NAME() takes no keyword arguments", "NAME expected 2 arguments, got N" */
static bool two(sp_VM *vm, const char *name, int nargs, sp_Tuple *kw) {
    char qual[32];
    snprintf(qual, sizeof qual, "math.%s", name);
    return sp_no_kwargs(vm, qual, kw) && spc_nargs(vm, name, nargs, 2, 2);
}

static sp_Value domain(sp_VM *vm) { return sp_raise(vm, &sp_t_ValueError, "math domain error"); }
static sp_Value range_err(sp_VM *vm) { return sp_raise(vm, &sp_t_OverflowError, "math range error"); }

/* ------------------------------------------------------ one-float functions */

/* math_1: the result r of f(x) checked as CPython does. */
static sp_Value check1(sp_VM *vm, double x, double r, bool can_overflow) {
    if (isnan(r) && !isnan(x)) return domain(vm);
    if (isinf(r) && isfinite(x)) return can_overflow ? range_err(vm) : domain(vm);
    return sp_float(r);
}

static sp_Value math1(sp_VM *vm, const char *qual, sp_Value *a, int n, sp_Tuple *kw,
                      double (*f)(double), bool can_overflow) {
    double x;
    if (!one(vm, qual, n, kw) || !sp_as_double(vm, a[0], &x)) return SP_ERRV;
    return check1(vm, x, f(x), can_overflow);
}

static double m_log1p(double x) { return x == -1.0 ? -INFINITY : log1p(x); }

#define FUNC1(NAME, CFN, OVF)                                                           \
    static sp_Value f_##NAME(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {             \
        return math1(vm, "math." #NAME, a, n, kw, CFN, OVF);                            \
    }
FUNC1(acos, acos, false)
FUNC1(acosh, acosh, false)
FUNC1(asin, asin, false)
FUNC1(asinh, asinh, false)
FUNC1(atan, atan, false)
FUNC1(atanh, atanh, false)
FUNC1(cbrt, cbrt, false)
FUNC1(cos, cos, false)
FUNC1(cosh, cosh, true)
FUNC1(erf, erf, false)
FUNC1(erfc, erfc, false)
FUNC1(exp, exp, true)
FUNC1(exp2, exp2, true)
FUNC1(expm1, expm1, true)
FUNC1(fabs, fabs, false)
FUNC1(sin, sin, false)
FUNC1(sinh, sinh, true)
FUNC1(sqrt, sqrt, false)
FUNC1(tan, tan, false)
FUNC1(tanh, tanh, false)

/* ------------------------------------------------------ gamma, lgamma */

/* CPython computes these itself (Lanczos, g = 6.0246..., 13 terms, the
 * coefficients of Boost's lanczos13m53) rather than trusting libm, so the
 * same algorithm is needed to print the same digits. */
enum { OK_ = 0, EDOM_, ERANGE_ };
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_gmh = 5.524680040776729583740234375; /* g - 0.5 */
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
/* x(x+1)...(x+11) expanded */
static const double lanczos_den[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};

static double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num[i];
            den = den * x + lanczos_den[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num[i];
            den = den / x + lanczos_den[i];
        }
    }
    return num / den;
}

/* sin(pi * x), accurate near the integers. */
static double sinpi(double x) {
    double y = fmod(fabs(x), 2.0), r;
    switch ((int)round(2.0 * y)) {
    case 0: r = sin(PI * y); break;
    case 1: r = cos(PI * (y - 0.5)); break;
    case 2: r = sin(PI * (1.0 - y)); break;
    case 3: r = -cos(PI * (y - 1.5)); break;
    default: r = sin(PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

/* pow(y, e) applied to r (multiply or divide), split in two square roots
 * for large e so the intermediate cannot overflow. */
static double scale_pow(double r, double y, double e, bool divide) {
    if (e < 139.5) return divide ? r / pow(y, e) : r * pow(y, e);
    double h = pow(y, e / 2.0);
    return divide ? r / h / h : r * h * h;
}

static double m_tgamma(double x, int *err) {
    if (!isfinite(x)) {
        if (isnan(x) || x > 0) return x;
        *err = EDOM_;
        return NAN;
    }
    if (x == 0) {
        *err = EDOM_;
        return copysign(INFINITY, x);
    }
    if (x == floor(x)) {
        if (x < 0) {
            *err = EDOM_;
            return NAN;
        }
        if (x <= 23) { /* exact: (x-1)! fits a double */
            double f = 1.0;
            for (int i = 2; i < (int)x; i++) f *= i;
            return f;
        }
    }
    double ax = fabs(x);
    if (ax < 1e-20) {
        double r = 1.0 / x;
        if (isinf(r)) *err = ERANGE_;
        return r;
    }
    if (ax > 200.0) {
        if (x < 0) return 0.0 / sinpi(x);
        *err = ERANGE_;
        return INFINITY;
    }
    double y = ax + lanczos_gmh, z, r;
    if (ax > lanczos_gmh) z = (y - ax) - lanczos_gmh; /* the rounding error of y */
    else z = (y - lanczos_gmh) - ax;
    z = z * lanczos_g / y;
    if (x < 0) {
        r = -PI / sinpi(ax) / ax * exp(y) / lanczos_sum(ax);
        r -= z * r;
        r = scale_pow(r, y, ax - 0.5, true);
    } else {
        r = lanczos_sum(ax) / exp(y);
        r += z * r;
        r = scale_pow(r, y, ax - 0.5, false);
    }
    if (isinf(r)) *err = ERANGE_;
    return r;
}

static double m_lgamma(double x, int *err) {
    if (!isfinite(x)) return isnan(x) ? x : INFINITY;
    if (x == floor(x) && x <= 2) {
        if (x <= 0) {
            *err = EDOM_;
            return INFINITY;
        }
        return 0.0;
    }
    double ax = fabs(x);
    if (ax < 1e-20) return -log(ax);
    double r = log(lanczos_sum(ax)) - lanczos_g;
    r += (ax - 0.5) * (log(ax + lanczos_g - 0.5) - 1); /* two roundings, as CPython */
    if (x < 0) r = 1.144729885849400174143427351353058711647 /* log(pi) */ - log(fabs(sinpi(ax))) - log(ax) - r;
    if (isinf(r)) *err = ERANGE_;
    return r;
}

/* math_1a: errors come only from the function's own errno. */
static sp_Value math1a(sp_VM *vm, const char *qual, sp_Value *a, int n, sp_Tuple *kw,
                       double (*f)(double, int *)) {
    double x;
    int err = OK_;
    if (!one(vm, qual, n, kw) || !sp_as_double(vm, a[0], &x)) return SP_ERRV;
    double r = f(x, &err);
    if (err == EDOM_) return domain(vm);
    if (err == ERANGE_ && fabs(r) >= 1.5) return range_err(vm);
    return sp_float(r);
}

static sp_Value f_gamma(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return math1a(vm, "math.gamma", a, n, kw, m_tgamma); }
static sp_Value f_lgamma(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return math1a(vm, "math.lgamma", a, n, kw, m_lgamma); }

static sp_Value f_degrees(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    double x;
    if (!one(vm, "math.degrees", n, kw) || !sp_as_double(vm, a[0], &x)) return SP_ERRV;
    return sp_float(x * (180.0 / PI));
}

static sp_Value f_radians(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    double x;
    if (!one(vm, "math.radians", n, kw) || !sp_as_double(vm, a[0], &x)) return SP_ERRV;
    return sp_float(x * (PI / 180.0));
}

static sp_Value classify(sp_VM *vm, const char *qual, sp_Value *a, int n, sp_Tuple *kw, int what) {
    double x;
    if (!one(vm, qual, n, kw) || !sp_as_double(vm, a[0], &x)) return SP_ERRV;
    return sp_bool(what == 0 ? isfinite(x) : what == 1 ? isinf(x) : isnan(x));
}
static sp_Value f_isfinite(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return classify(vm, "math.isfinite", a, n, kw, 0); }
static sp_Value f_isinf(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return classify(vm, "math.isinf", a, n, kw, 1); }
static sp_Value f_isnan(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return classify(vm, "math.isnan", a, n, kw, 2); }

static sp_Value f_ulp(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    double x;
    if (!one(vm, "math.ulp", n, kw) || !sp_as_double(vm, a[0], &x)) return SP_ERRV;
    if (isnan(x)) return sp_float(x);
    x = fabs(x);
    if (isinf(x)) return sp_float(x);
    double up = nextafter(x, INFINITY);
    if (isinf(up)) return sp_float(x - nextafter(x, -INFINITY));
    return sp_float(up - x);
}

static sp_Value f_frexp(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    double x;
    int e = 0;
    if (!one(vm, "math.frexp", n, kw) || !sp_as_double(vm, a[0], &x)) return SP_ERRV;
    double m = (isnan(x) || isinf(x) || x == 0) ? x : frexp(x, &e);
    sp_Value items[2] = {sp_float(m), sp_int(e)};
    return sp_tuple_pack(vm, 2, items);
}

static sp_Value f_modf(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    double x, ip;
    if (!one(vm, "math.modf", n, kw) || !sp_as_double(vm, a[0], &x)) return SP_ERRV;
    sp_Value items[2];
    if (isinf(x)) items[0] = sp_float(copysign(0.0, x)), items[1] = sp_float(x);
    else {
        double fp = modf(x, &ip);
        items[0] = sp_float(fp), items[1] = sp_float(ip);
    }
    return sp_tuple_pack(vm, 2, items);
}

/* ------------------------------------------------------ two-float functions */

/* math_2's error rule for r = f(x, y). */
static sp_Value check2(sp_VM *vm, double x, double y, double r) {
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain(vm);
    if (isinf(r) && isfinite(x) && isfinite(y)) return range_err(vm);
    return sp_float(r);
}

static bool two_doubles(sp_VM *vm, const char *name, sp_Value *a, int n, sp_Tuple *kw, double *x,
                        double *y) {
    return two(vm, name, n, kw) && sp_as_double(vm, a[0], x) && sp_as_double(vm, a[1], y);
}

static sp_Value f_atan2(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    double x, y;
    if (!two_doubles(vm, "atan2", a, n, kw, &y, &x)) return SP_ERRV;
    return check2(vm, y, x, atan2(y, x));
}

static sp_Value f_copysign(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    double x, y;
    if (!two_doubles(vm, "copysign", a, n, kw, &x, &y)) return SP_ERRV;
    return sp_float(copysign(x, y));
}

static sp_Value f_fmod(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    double x, y;
    if (!two_doubles(vm, "fmod", a, n, kw, &x, &y)) return SP_ERRV;
    if (isinf(y) && isfinite(x)) return sp_float(x);
    return check2(vm, x, y, fmod(x, y));
}

static sp_Value f_remainder(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    double x, y;
    if (!two_doubles(vm, "remainder", a, n, kw, &x, &y)) return SP_ERRV;
    if (isinf(y) && isfinite(x)) return sp_float(x);
    return check2(vm, x, y, remainder(x, y));
}

static sp_Value f_nextafter(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    double x, y;
    if (!two_doubles(vm, "nextafter", a, n, kw, &x, &y)) return SP_ERRV;
    return sp_float(nextafter(x, y));
}

static sp_Value f_pow(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    double x, y;
    if (!two_doubles(vm, "pow", a, n, kw, &x, &y)) return SP_ERRV;
    double r = pow(x, y); /* C99 Annex F: the IEEE specials are CPython's */
    if (isfinite(x) && isfinite(y)) {
        if (isnan(r)) return domain(vm);
        if (isinf(r)) return x == 0 ? domain(vm) : range_err(vm);
    }
    return sp_float(r);
}

static sp_Value f_ldexp(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    double x;
    if (!two(vm, "ldexp", n, kw) || !sp_as_double(vm, a[0], &x)) return SP_ERRV;
    if (!sp_isintlike(a[1]))
        return sp_raise(vm, &sp_t_TypeError, "Expected an int as second argument to ldexp.");
    if (x == 0 || !isfinite(x)) return sp_float(x);
    int sign = sp_int_sign(a[1]);
    int64_t e = sp_isint(a[1]) || sp_isbool(a[1]) ? a[1].u.i : (sign > 0 ? INT64_MAX : INT64_MIN);
    if (e > 100000) return range_err(vm);
    if (e < -100000) return sp_float(copysign(0.0, x));
    double r = ldexp(x, (int)e);
    if (isinf(r)) return range_err(vm);
    return sp_float(r);
}

static sp_Value f_isclose(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[4];
    double a, b, rel = 1e-9, abs_ = 0.0;
    if (!sp_parse_args(vm, "isclose", args, nargs, kw, "a,b|$rel_tol,abs_tol", o) ||
        !sp_as_double(vm, o[0], &a) || !sp_as_double(vm, o[1], &b) ||
        (!sp_isnull(o[2]) && !sp_as_double(vm, o[2], &rel)) ||
        (!sp_isnull(o[3]) && !sp_as_double(vm, o[3], &abs_)))
        return SP_ERRV;
    if (rel < 0.0 || abs_ < 0.0) return sp_raise(vm, &sp_t_ValueError, "tolerances must be non-negative");
    if (a == b) return SP_TRUEV;
    if (isinf(a) || isinf(b)) return SP_FALSEV;
    double diff = fabs(b - a);
    return sp_bool(diff <= fabs(rel * b) || diff <= fabs(rel * a) || diff <= abs_);
}

/* ------------------------------------------------------ logarithms */

static bool bit_length(sp_VM *vm, sp_Value x, int64_t *out) {
    sp_Value m = sp_getattrs(vm, x, "bit_length");
    sp_Value r = sp_iserr(m) ? m : sp_call0(vm, m);
    return !sp_iserr(r) && sp_int_to_i64(vm, r, out);
}

/* frexp of a positive int too large for a double: x = m * 2**e with m
 * correctly rounded (the dropped bits fold into a sticky bit). */
static bool big_frexp(sp_VM *vm, sp_Value x, double *m, int64_t *e) {
    int64_t bits;
    if (!bit_length(vm, x, &bits)) return false;
    int64_t shift = bits - 62;
    sp_Value top = sp_binop(vm, SP_OP_RSHIFT, x, sp_int(shift));
    if (sp_iserr(top)) return false;
    sp_Value back = sp_binop(vm, SP_OP_LSHIFT, top, sp_int(shift));
    if (sp_iserr(back)) return false;
    int same = sp_eq(vm, back, x);
    if (same < 0) return false;
    uint64_t t = (uint64_t)top.u.i | (same ? 0u : 1u);
    int e2;
    *m = frexp((double)t, &e2);
    *e = e2 + shift;
    return true;
}

/* CPython's loghelper: ints of any size, floats through math_1. */
static sp_Value loghelper(sp_VM *vm, sp_Value arg, double (*f)(double)) {
    if (sp_isintlike(arg)) {
        if (sp_int_sign(arg) <= 0) return domain(vm);
        double x;
        if (sp_int_to_double(vm, arg, &x)) return sp_float(f(x));
        if (!sp_err_matches(vm, &sp_t_OverflowError)) return SP_ERRV;
        sp_err_clear(vm);
        int64_t e;
        if (!big_frexp(vm, arg, &x, &e)) return SP_ERRV;
        return sp_float(f(x) + f(2.0) * (double)e);
    }
    double x;
    if (!sp_as_double(vm, arg, &x)) return SP_ERRV;
    double r;
    if (isfinite(x)) r = x > 0 ? f(x) : x == 0 ? -INFINITY : NAN;
    else r = isnan(x) || x > 0 ? x : NAN;
    return check1(vm, x, r, false);
}

static sp_Value f_log(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "log", kw)) return SP_ERRV;
    if (n < 1 || n > 2) return sp_raise(vm, &sp_t_TypeError, "math.log requires 1 to 2 arguments");
    sp_Value num = loghelper(vm, a[0], log);
    if (sp_iserr(num) || n == 1) return num;
    sp_Value den = loghelper(vm, a[1], log);
    if (sp_iserr(den)) return den;
    if (den.u.f == 0) return sp_raise(vm, &sp_t_ZeroDivisionError, "float division by zero");
    return sp_float(num.u.f / den.u.f);
}

static sp_Value f_log2(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return one(vm, "math.log2", n, kw) ? loghelper(vm, a[0], log2) : SP_ERRV;
}
static sp_Value f_log10(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return one(vm, "math.log10", n, kw) ? loghelper(vm, a[0], log10) : SP_ERRV;
}
FUNC1(log1p, m_log1p, false)

/* ------------------------------------------------------ rounding to int */

/* floor/ceil: ints pass through, user classes via __floor__/__ceil__,
 * anything else as a float. */
static sp_Value round_to_int(sp_VM *vm, const char *qual, const char *dunder, sp_Value *a, int n,
                             sp_Tuple *kw, double (*f)(double)) {
    if (!one(vm, qual, n, kw)) return SP_ERRV;
    if (sp_isfloat(a[0])) return sp_int_from_double(vm, f(a[0].u.f));
    if (sp_isintlike(a[0])) return as_int(vm, a[0]);
    bool found;
    sp_Value r = call_dunder(vm, a[0], dunder, &found);
    if (found || sp_iserr(r)) return r;
    double x;
    if (!sp_as_double(vm, a[0], &x)) return SP_ERRV;
    return sp_int_from_double(vm, f(x));
}

static sp_Value f_floor(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return round_to_int(vm, "math.floor", "__floor__", a, n, kw, floor);
}
static sp_Value f_ceil(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return round_to_int(vm, "math.ceil", "__ceil__", a, n, kw, ceil);
}

static sp_Value f_trunc(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!one(vm, "math.trunc", n, kw)) return SP_ERRV;
    if (sp_isfloat(a[0])) return sp_int_from_double(vm, a[0].u.f);
    if (sp_isintlike(a[0])) return as_int(vm, a[0]);
    bool found;
    sp_Value r = call_dunder(vm, a[0], "__trunc__", &found);
    if (found || sp_iserr(r)) return r;
    return sp_raise(vm, &sp_t_TypeError, "type %T doesn't define __trunc__ method", a[0]);
}

/* ------------------------------------------------------ sums and norms */

typedef struct Partials {
    double *p;
    size_t n, cap;
    double special, inf_sum;
} Partials;

/* Shewchuk's exact summation: the partials are non-overlapping and their
 * sum is exactly the sum of the items added so far. */
static bool fsum_add(sp_VM *vm, Partials *ps, double x) {
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < ps->n; j++) {
        double y = ps->p[j];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y, y = t;
        }
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0.0) ps->p[i++] = lo;
        x = hi;
    }
    ps->n = i;
    if (x == 0.0) return true;
    if (!isfinite(x)) {
        if (isfinite(xsave)) {
            sp_raise(vm, &sp_t_OverflowError, "intermediate overflow in fsum");
            return false;
        }
        if (isinf(xsave)) ps->inf_sum += xsave;
        ps->special += xsave;
        ps->n = 0;
        return true;
    }
    if (ps->n == ps->cap) {
        size_t cap = ps->cap * 2;
        double *np = sp_realloc(vm, ps->p, ps->cap * sizeof(double), cap * sizeof(double));
        if (!np) return false;
        ps->p = np, ps->cap = cap;
    }
    ps->p[ps->n++] = x;
    return true;
}

/* The correctly rounded sum of the partials (half-even on exact ties). */
static double fsum_result(Partials *ps) {
    size_t n = ps->n;
    double hi = 0.0, lo = 0.0;
    if (n == 0) return hi;
    hi = ps->p[--n];
    while (n > 0) {
        double x = hi, y = ps->p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0 && ps->p[n - 1] < 0) || (lo > 0 && ps->p[n - 1] > 0))) {
        double y = lo * 2, x = hi + y;
        if (y == x - hi) hi = x;
    }
    return hi;
}

static bool fsum_item(sp_VM *vm, void *ud, sp_Value item) {
    double x;
    return sp_as_double(vm, item, &x) && fsum_add(vm, ud, x);
}

static sp_Value f_fsum(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!one(vm, "math.fsum", n, kw)) return SP_ERRV;
    Partials ps = {NULL, 0, 32, 0.0, 0.0};
    ps.p = sp_malloc(vm, ps.cap * sizeof(double));
    if (!ps.p) return SP_ERRV;
    sp_Value r = SP_ERRV;
    if (spc_foreach(vm, a[0], fsum_item, &ps)) {
        if (ps.special != 0.0) /* also NaN */
            r = isnan(ps.inf_sum) ? sp_raise(vm, &sp_t_ValueError, "-inf + inf in fsum") : sp_float(ps.special);
        else r = sp_float(fsum_result(&ps));
    }
    sp_free(vm, ps.p, ps.cap * sizeof(double));
    return r;
}

/* Euclidean norm of v[0..n), correctly rounded in practice: the squares
 * are summed in double-double (fma gives each square's rounding error)
 * after scaling by a power of two, then one Newton step fixes the root. */
static double vector_norm(const double *v, size_t n) {
    double max = 0.0;
    bool nan_seen = false;
    for (size_t i = 0; i < n; i++) {
        double x = fabs(v[i]);
        if (isinf(x)) return x;
        if (isnan(x)) nan_seen = true;
        else if (x > max) max = x;
    }
    if (nan_seen) return NAN;
    if (max == 0.0 || n == 1) return max;
    int e;
    frexp(max, &e);
    double hi = 0.0, lo = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = ldexp(fabs(v[i]), -e);
        double sq = x * x, sqerr = fma(x, x, -sq);
        double s = hi + sq, bp = s - hi;
        lo += (hi - (s - bp)) + (sq - bp) + sqerr;
        hi = s;
    }
    double s = hi + lo;
    lo = lo - (s - hi);
    hi = s;
    double h = sqrt(hi);
    double hh = h * h, hherr = fma(h, h, -hh);
    double resid = ((hi - hh) - hherr) + lo;
    h += resid / (2.0 * h);
    return ldexp(h, e);
}

typedef struct Coords {
    double *v;
    size_t n, cap;
} Coords;

static bool coords_push(sp_VM *vm, Coords *c, double x) {
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16, bytes;
        if (!sp_size_mul(vm, cap, sizeof(double), &bytes)) return false;
        double *p = sp_realloc(vm, c->v, c->cap * sizeof(double), bytes);
        if (!p) return false;
        c->v = p, c->cap = cap;
    }
    c->v[c->n++] = x;
    return true;
}

static void coords_free(sp_VM *vm, Coords *c) {
    if (c->v) sp_free(vm, c->v, c->cap * sizeof(double));
}

static sp_Value f_hypot(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "math.hypot", kw)) return SP_ERRV;
    Coords c = {NULL, 0, 0};
    bool ok = true;
    for (int i = 0; ok && i < n; i++) {
        double x;
        ok = sp_as_double(vm, a[i], &x) && coords_push(vm, &c, x);
    }
    sp_Value r = ok ? sp_float(vector_norm(c.v, c.n)) : SP_ERRV;
    coords_free(vm, &c);
    return r;
}

static sp_Value f_dist(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!two(vm, "dist", n, kw)) return SP_ERRV;
    sp_Value p = sp_tuple_from_iter(vm, a[0]);
    if (sp_iserr(p) || !sp_pin(vm, p)) return SP_ERRV;
    sp_Value q = sp_tuple_from_iter(vm, a[1]);
    if (sp_iserr(q) || !sp_pin(vm, q)) {
        sp_unpin(vm, 1);
        return SP_ERRV;
    }
    sp_Value r = SP_ERRV;
    Coords c = {NULL, 0, 0};
    size_t m = SP_TUPLE(p)->n;
    if (m != SP_TUPLE(q)->n) {
        sp_raise(vm, &sp_t_ValueError, "both points must have the same number of dimensions");
        goto out;
    }
    for (size_t i = 0; i < m; i++) {
        double x, y;
        if (!sp_as_double(vm, SP_TUPLE(p)->items[i], &x) ||
            !sp_as_double(vm, SP_TUPLE(q)->items[i], &y) || !coords_push(vm, &c, x - y))
            goto out;
    }
    r = sp_float(vector_norm(c.v, c.n));
out:
    coords_free(vm, &c);
    sp_unpin(vm, 2);
    return r;
}

/* prod(iterable, *, start=1) through the generic '*' (user __mul__ may run). */
static sp_Value f_prod(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    if (nargs != 1)
        return sp_raise(vm, &sp_t_TypeError, "prod() takes exactly 1 positional argument (%d given)", nargs);
    if (!sp_parse_args(vm, "prod", args, nargs, kw, "iterable|$start", o)) return SP_ERRV;
    sp_Value it = sp_iter(vm, o[0]);
    if (sp_iserr(it) || !sp_pin(vm, it)) return SP_ERRV;
    sp_Value acc = sp_isnull(o[1]) ? sp_int(1) : o[1];
    for (;;) {
        if (!sp_pin(vm, acc)) break;
        sp_Value x = sp_next(vm, it);
        if (sp_iserr(x) || sp_isnull(x)) {
            sp_unpin(vm, 2);
            return sp_iserr(x) ? x : acc;
        }
        acc = sp_binop(vm, SP_OP_MUL, acc, x);
        sp_unpin(vm, 1);
        if (sp_iserr(acc) || !sp_check_limits(vm)) break;
    }
    sp_unpin(vm, 1);
    return SP_ERRV;
}

/* ------------------------------------------------------ integer functions */

/* Product of base+lo .. base+hi-1 by binary splitting (balanced operand
 * sizes keep Karatsuba effective).  Only ints are involved: no user code,
 * so no collection can happen and nothing needs pinning. */
static sp_Value range_prod(sp_VM *vm, sp_Value base, int64_t lo, int64_t hi) {
    if (hi - lo <= 8) {
        sp_Value acc = sp_int(1);
        for (int64_t i = lo; i < hi; i++) {
            sp_Value t = sp_int_add(vm, base, sp_int(i));
            if (sp_iserr(t)) return t;
            acc = sp_int_mul(vm, acc, t);
            if (sp_iserr(acc)) return acc;
        }
        return sp_check_limits(vm) ? acc : SP_ERRV;
    }
    int64_t mid = lo + (hi - lo) / 2;
    sp_Value l = range_prod(vm, base, lo, mid);
    if (sp_iserr(l)) return l;
    sp_Value r = range_prod(vm, base, mid, hi);
    if (sp_iserr(r)) return r;
    return sp_int_mul(vm, l, r);
}

static sp_Value factorial_of(sp_VM *vm, int64_t n) { return range_prod(vm, sp_int(1), 0, n); }

static sp_Value f_factorial(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!one(vm, "math.factorial", n, kw)) return SP_ERRV;
    sp_Value x = as_int(vm, a[0]);
    if (sp_iserr(x)) return x;
    if (sp_int_sign(x) < 0) return sp_raise(vm, &sp_t_ValueError, "factorial() not defined for negative values");
    if (!sp_isint(x))
        return sp_raise(vm, &sp_t_OverflowError, "factorial() argument should not exceed " SP_MAXSIZE);
    return factorial_of(vm, x.u.i);
}

/* n and k of comb/perm: non-negative ints. */
static bool nk_args(sp_VM *vm, sp_Value *a, sp_Value *n, sp_Value *k) {
    *n = as_int(vm, a[0]);
    if (sp_iserr(*n)) return false;
    *k = as_int(vm, a[1]);
    if (sp_iserr(*k)) return false;
    if (sp_int_sign(*n) < 0) return sp_raise(vm, &sp_t_ValueError, "n must be a non-negative integer"), false;
    if (sp_int_sign(*k) < 0) return sp_raise(vm, &sp_t_ValueError, "k must be a non-negative integer"), false;
    return true;
}

/* n * (n-1) * ... * (n-k+1) */
static sp_Value falling(sp_VM *vm, sp_Value n, int64_t k) {
    sp_Value base = sp_binop(vm, SP_OP_SUB, n, sp_int(k - 1));
    return sp_iserr(base) ? base : range_prod(vm, base, 0, k);
}

static sp_Value f_perm(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "math.perm", kw) || !spc_nargs(vm, "perm", n, 1, 2)) return SP_ERRV;
    if (n == 1 || sp_isnone(a[1])) return f_factorial(vm, a, 1, NULL);
    sp_Value nn, k;
    if (!nk_args(vm, a, &nn, &k)) return SP_ERRV;
    int c = sp_lt(vm, nn, k);
    if (c) return c < 0 ? SP_ERRV : sp_int(0);
    if (!sp_isint(k)) return sp_raise(vm, &sp_t_OverflowError, "k must not exceed " SP_MAXSIZE);
    return falling(vm, nn, k.u.i);
}

static sp_Value f_comb(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!two(vm, "comb", n, kw)) return SP_ERRV;
    sp_Value nn, k;
    if (!nk_args(vm, a, &nn, &k)) return SP_ERRV;
    int c = sp_lt(vm, nn, k);
    if (c) return c < 0 ? SP_ERRV : sp_int(0);
    sp_Value rest = sp_binop(vm, SP_OP_SUB, nn, k);
    if (sp_iserr(rest)) return rest;
    c = sp_lt(vm, rest, k);
    if (c < 0) return SP_ERRV;
    if (c) k = rest;
    if (!sp_isint(k))
        return sp_raise(vm, &sp_t_OverflowError, "min(n - k, k) must not exceed " SP_MAXSIZE);
    sp_Value num = falling(vm, nn, k.u.i);
    if (sp_iserr(num)) return num;
    sp_Value den = factorial_of(vm, k.u.i);
    if (sp_iserr(den)) return den;
    return sp_binop(vm, SP_OP_FLOORDIV, num, den);
}

/* floor(sqrt(n)) for 0 <= n < 2**63, exact. */
static int64_t isqrt64(int64_t n) {
    uint64_t r = (uint64_t)sqrt((double)n);
    while (r * r > (uint64_t)n) r--;
    while ((r + 1) * (r + 1) <= (uint64_t)n) r++;
    return (int64_t)r;
}

/* Newton from above on a big n, started from the root of its top bits so
 * few (quadratically converging) steps are needed. */
static sp_Value isqrt_big(sp_VM *vm, sp_Value n) {
    int64_t bits;
    if (!bit_length(vm, n, &bits)) return SP_ERRV;
    int64_t s = (bits - 60) / 2;
    sp_Value top = sp_binop(vm, SP_OP_RSHIFT, n, sp_int(2 * s));
    if (sp_iserr(top)) return top;
    sp_Value x = sp_binop(vm, SP_OP_LSHIFT, sp_int(isqrt64(top.u.i) + 1), sp_int(s));
    for (;;) {
        if (sp_iserr(x) || !sp_check_limits(vm)) return SP_ERRV;
        sp_Value q = sp_binop(vm, SP_OP_FLOORDIV, n, x);
        sp_Value y = sp_iserr(q) ? q : sp_int_add(vm, x, q);
        y = sp_iserr(y) ? y : sp_binop(vm, SP_OP_RSHIFT, y, sp_int(1));
        if (sp_iserr(y)) return y;
        int c = sp_lt(vm, y, x);
        if (c <= 0) return c < 0 ? SP_ERRV : x;
        x = y;
    }
}

static sp_Value f_isqrt(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!one(vm, "math.isqrt", n, kw)) return SP_ERRV;
    sp_Value x = as_int(vm, a[0]);
    if (sp_iserr(x)) return x;
    if (sp_int_sign(x) < 0) return sp_raise(vm, &sp_t_ValueError, "isqrt() argument must be nonnegative");
    return sp_isint(x) ? sp_int(isqrt64(x.u.i)) : isqrt_big(vm, x);
}

static sp_Value int_abs(sp_VM *vm, sp_Value x) {
    return sp_int_sign(x) < 0 ? sp_unop(vm, SP_UOP_NEG, x) : x;
}

/* Euclid on non-negative ints; int64 fast path. */
static sp_Value gcd2(sp_VM *vm, sp_Value a, sp_Value b) {
    for (;;) {
        if (sp_isint(a) && sp_isint(b)) {
            uint64_t x = (uint64_t)a.u.i, y = (uint64_t)b.u.i;
            while (y) {
                uint64_t t = x % y;
                x = y, y = t;
            }
            return sp_int((int64_t)x);
        }
        if (sp_int_sign(b) == 0) return a;
        sp_Value r = sp_binop(vm, SP_OP_MOD, a, b);
        if (sp_iserr(r) || !sp_check_limits(vm)) return SP_ERRV;
        a = b, b = r;
    }
}

static sp_Value gcd_lcm(sp_VM *vm, const char *name, sp_Value *a, int n, sp_Tuple *kw, bool lcm) {
    if (!sp_no_kwargs(vm, name, kw)) return SP_ERRV;
    sp_Value acc = sp_int(lcm ? 1 : 0);
    for (int i = 0; i < n; i++) {
        sp_Value x = as_int(vm, a[i]);
        x = sp_iserr(x) ? x : int_abs(vm, x);
        if (sp_iserr(x)) return x;
        if (i == 0) {
            acc = x;
            continue;
        }
        if (lcm && (sp_int_sign(acc) == 0 || sp_int_sign(x) == 0)) {
            acc = sp_int(0);
            continue;
        }
        sp_Value g = gcd2(vm, acc, x);
        if (sp_iserr(g)) return g;
        if (lcm) {
            sp_Value q = sp_binop(vm, SP_OP_FLOORDIV, acc, g);
            acc = sp_iserr(q) ? q : sp_int_mul(vm, q, x);
        } else acc = g;
        if (sp_iserr(acc)) return acc;
    }
    return acc;
}

static sp_Value f_gcd(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return gcd_lcm(vm, "math.gcd", a, n, kw, false); }
static sp_Value f_lcm(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return gcd_lcm(vm, "math.lcm", a, n, kw, true); }

/* ------------------------------------------------------ module */

static const sp_MethodDef math_funcs[] = {
    {"acos", f_acos, 0}, {"acosh", f_acosh, 0}, {"asin", f_asin, 0}, {"asinh", f_asinh, 0},
    {"atan", f_atan, 0}, {"atan2", f_atan2, 0}, {"atanh", f_atanh, 0}, {"cbrt", f_cbrt, 0},
    {"ceil", f_ceil, 0}, {"comb", f_comb, 0}, {"copysign", f_copysign, 0}, {"cos", f_cos, 0},
    {"cosh", f_cosh, 0}, {"degrees", f_degrees, 0}, {"dist", f_dist, 0}, {"erf", f_erf, 0},
    {"erfc", f_erfc, 0}, {"exp", f_exp, 0}, {"exp2", f_exp2, 0}, {"expm1", f_expm1, 0},
    {"fabs", f_fabs, 0}, {"factorial", f_factorial, 0}, {"floor", f_floor, 0},
    {"fmod", f_fmod, 0}, {"frexp", f_frexp, 0}, {"fsum", f_fsum, 0}, {"gamma", f_gamma, 0},
    {"gcd", f_gcd, 0}, {"hypot", f_hypot, 0}, {"isclose", f_isclose, 0},
    {"isfinite", f_isfinite, 0}, {"isinf", f_isinf, 0}, {"isnan", f_isnan, 0},
    {"isqrt", f_isqrt, 0}, {"lcm", f_lcm, 0}, {"ldexp", f_ldexp, 0}, {"lgamma", f_lgamma, 0},
    {"log", f_log, 0}, {"log10", f_log10, 0}, {"log1p", f_log1p, 0}, {"log2", f_log2, 0},
    {"modf", f_modf, 0}, {"nextafter", f_nextafter, 0}, {"perm", f_perm, 0}, {"pow", f_pow, 0},
    {"prod", f_prod, 0}, {"radians", f_radians, 0}, {"remainder", f_remainder, 0},
    {"sin", f_sin, 0}, {"sinh", f_sinh, 0}, {"sqrt", f_sqrt, 0}, {"tan", f_tan, 0},
    {"tanh", f_tanh, 0}, {"trunc", f_trunc, 0}, {"ulp", f_ulp, 0}, {NULL, NULL, 0},
};

bool sp_math_init(sp_VM *vm, sp_Module *m) {
    return sp_module_add_funcs(vm, m, math_funcs) && sp_module_add(vm, m, "pi", sp_float(PI)) &&
           sp_module_add(vm, m, "e", sp_float(E_)) && sp_module_add(vm, m, "tau", sp_float(2 * PI)) &&
           sp_module_add(vm, m, "inf", sp_float(INFINITY)) && sp_module_add(vm, m, "nan", sp_float(NAN));
}
