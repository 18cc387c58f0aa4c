/* sp_randvar.c - random's continuous distributions, transcribed from
 * CPython 3.11's Lib/random.py so that each one consumes random() draws in
 * the same order and does the same float arithmetic: same seed, same
 * values.  Parameters are read as floats (CPython does the arithmetic on
 * the objects given; for ints and floats the results agree).  Rejection
 * loops poll the limits: NaN parameters make some of them endless, in
 * CPython too. */
#include <math.h>

#include "sp_random.h"

#define TWOPI 6.283185307179586
#define NV_MAGICCONST 1.7155277699214135 /* 4 * exp(-0.5) / sqrt(2.0) */
#define LOG4 1.3862943611198906
#define SG_MAGICCONST 2.504077396776274  /* 1.0 + log(4.5) */
#define E 2.718281828459045
#define PI 3.141592653589793

/* Parse the arguments after self (spec as sp_parse_args) into doubles;
 * defs[i] stands in for an absent optional one. */
static sp_Rng *params(sp_VM *vm, const char *fn, const char *spec, sp_Value *args, int nargs, sp_Tuple *kw,
                      int n, const double *defs, double *out) {
    sp_Value v[3];
    sp_Rng *r = sp_rng_self(vm, args, nargs);
    if (!r || !sp_parse_args(vm, fn, args + 1, nargs - 1, kw, spec, v)) return NULL;
    for (int i = 0; i < n; i++) {
        if (sp_isnull(v[i])) out[i] = defs[i];
        else if (!sp_as_double(vm, v[i], &out[i])) return NULL;
    }
    return r;
}

static sp_Value fdiv(sp_VM *vm, double a, double b) {
    return b == 0.0 ? sp_raise(vm, &sp_t_ZeroDivisionError, "float division by zero") : sp_float(a / b);
}

/* a ** b with Python's float errors (0.0 to a negative power, overflow). */
static bool fpow(sp_VM *vm, double a, double b, double *out) {
    sp_Value v = sp_binop(vm, SP_OP_POW, sp_float(a), sp_float(b));
    if (sp_iserr(v)) return false;
    *out = v.u.f;
    return true;
}

static double pymod(double a, double b) {
    double m = fmod(a, b);
    if (m != 0.0) return (b < 0) != (m < 0) ? m + b : m;
    return copysign(0.0, b);
}

sp_Value sp_randvar_uniform(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    double p[2];
    sp_Rng *r = params(vm, "uniform", "a,b", args, nargs, kw, 2, NULL, p);
    return r ? sp_float(p[0] + (p[1] - p[0]) * sp_rng_random(r)) : SP_ERRV;
}

sp_Value sp_randvar_triangular(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value v[3];
    double low = 0.0, high = 1.0, mode = 0.0, c = 0.5;
    sp_Rng *r = sp_rng_self(vm, args, nargs);
    if (!r || !sp_parse_args(vm, "triangular", args + 1, nargs - 1, kw, "|low,high,mode", v)) return SP_ERRV;
    bool has_mode = !sp_isnull(v[2]) && !sp_isnone(v[2]);
    if ((!sp_isnull(v[0]) && !sp_as_double(vm, v[0], &low)) || (!sp_isnull(v[1]) && !sp_as_double(vm, v[1], &high)) ||
        (has_mode && !sp_as_double(vm, v[2], &mode)))
        return SP_ERRV;
    double u = sp_rng_random(r);
    if (has_mode) {
        if (high - low == 0.0) return sp_isnull(v[0]) ? sp_float(low) : v[0]; /* ZeroDivisionError: low */
        c = (mode - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u, c = 1.0 - c;
        double t = low;
        low = high, high = t;
    }
    return sp_float(low + (high - low) * sqrt(u * c));
}

static bool normal(sp_VM *vm, sp_Rng *r, double *z) {
    for (;;) {
        double u1 = sp_rng_random(r), u2 = 1.0 - sp_rng_random(r);
        *z = NV_MAGICCONST * (u1 - 0.5) / u2;
        if (*z * *z / 4.0 <= -log(u2)) return true;
        if (!sp_check_limits(vm)) return false;
    }
}

sp_Value sp_randvar_normalvariate(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    static const double defs[2] = {0.0, 1.0};
    double p[2], z;
    sp_Rng *r = params(vm, "normalvariate", "|mu,sigma", args, nargs, kw, 2, defs, p);
    return r && normal(vm, r, &z) ? sp_float(p[0] + z * p[1]) : SP_ERRV;
}

sp_Value sp_randvar_lognormvariate(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    double p[2], z;
    sp_Rng *r = params(vm, "lognormvariate", "mu,sigma", args, nargs, kw, 2, NULL, p);
    if (!r || !normal(vm, r, &z)) return SP_ERRV;
    double x = p[0] + z * p[1], y = exp(x);
    if (isinf(y) && isfinite(x)) return sp_raise(vm, &sp_t_OverflowError, "math range error");
    return sp_float(y);
}

/* gauss keeps its spare value as an object (setstate may put anything
 * there), so the last step is Python arithmetic: mu + z * sigma. */
sp_Value sp_randvar_gauss(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value v[2];
    sp_Rng *r = sp_rng_self(vm, args, nargs);
    if (!r || !sp_parse_args(vm, "gauss", args + 1, nargs - 1, kw, "|mu,sigma", v)) return SP_ERRV;
    sp_Value z = r->gauss_next;
    r->gauss_next = SP_NONEV;
    if (sp_isnull(z) || sp_isnone(z)) {
        double x2pi = sp_rng_random(r) * TWOPI, g2rad = sqrt(-2.0 * log(1.0 - sp_rng_random(r)));
        z = sp_float(cos(x2pi) * g2rad);
        r->gauss_next = sp_float(sin(x2pi) * g2rad);
    }
    if (!sp_pin(vm, z)) return SP_ERRV;
    sp_Value zs = sp_binop(vm, SP_OP_MUL, z, sp_isnull(v[1]) ? sp_float(1.0) : v[1]);
    sp_unpin(vm, 1);
    return sp_iserr(zs) ? zs : sp_binop(vm, SP_OP_ADD, sp_isnull(v[0]) ? sp_float(0.0) : v[0], zs);
}

sp_Value sp_randvar_expovariate(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    double p[1];
    sp_Rng *r = params(vm, "expovariate", "lambd", args, nargs, kw, 1, NULL, p);
    return r ? fdiv(vm, -log(1.0 - sp_rng_random(r)), p[0]) : SP_ERRV;
}

sp_Value sp_randvar_vonmisesvariate(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    double p[2], z;
    sp_Rng *r = params(vm, "vonmisesvariate", "mu,kappa", args, nargs, kw, 2, NULL, p);
    if (!r) return SP_ERRV;
    double mu = p[0], kappa = p[1];
    if (kappa <= 1e-6) return sp_float(TWOPI * sp_rng_random(r));
    double s = 0.5 / kappa, rr = s + sqrt(1.0 + s * s);
    for (;;) {
        z = cos(PI * sp_rng_random(r));
        double d = z / (rr + z), u2 = sp_rng_random(r);
        if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d)) break;
        if (!sp_check_limits(vm)) return SP_ERRV;
    }
    double q = 1.0 / rr, f = (q + z) / (1.0 + q * z);
    if (f < -1.0 || f > 1.0) return sp_raise(vm, &sp_t_ValueError, "math domain error");
    return sp_float(sp_rng_random(r) > 0.5 ? pymod(mu + acos(f), TWOPI) : pymod(mu - acos(f), TWOPI));
}

/* gammavariate(alpha, beta) / beta: three regimes, each CPython's. */
static bool gamma(sp_VM *vm, sp_Rng *r, double alpha, double beta, double *out) {
    if (alpha <= 0.0 || beta <= 0.0) {
        sp_raise(vm, &sp_t_ValueError, "gammavariate: alpha and beta must be > 0.0");
        return false;
    }
    if (alpha == 1.0) {
        *out = -log(1.0 - sp_rng_random(r)) * beta;
        return true;
    }
    double ainv = sqrt(2.0 * alpha - 1.0), bbb = alpha - LOG4, ccc = alpha + ainv, x;
    for (;; ) {
        if (!sp_check_limits(vm)) return false;
        if (alpha > 1.0) {
            double u1 = sp_rng_random(r);
            if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
            double u2 = 1.0 - sp_rng_random(r), v = log(u1 / (1.0 - u1)) / ainv;
            x = alpha * exp(v);
            double z = u1 * u1 * u2, rr = bbb + ccc * v - x;
            if (rr + SG_MAGICCONST - 4.5 * z >= 0.0 || rr >= log(z)) break;
            continue;
        }
        double u = sp_rng_random(r), b = (E + alpha) / E, p = b * u, lim;
        if (p <= 1.0) {
            if (!fpow(vm, p, 1.0 / alpha, &x)) return false;
        } else {
            x = -log((b - p) / alpha);
        }
        double u1 = sp_rng_random(r);
        if (p > 1.0) {
            if (!fpow(vm, x, alpha - 1.0, &lim)) return false;
            if (u1 <= lim) break;
        } else if (u1 <= exp(-x)) {
            break;
        }
    }
    *out = x * beta;
    return true;
}

sp_Value sp_randvar_gammavariate(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    double p[2], x;
    sp_Rng *r = params(vm, "gammavariate", "alpha,beta", args, nargs, kw, 2, NULL, p);
    return r && gamma(vm, r, p[0], p[1], &x) ? sp_float(x) : SP_ERRV;
}

sp_Value sp_randvar_betavariate(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    double p[2], y, y2;
    sp_Rng *r = params(vm, "betavariate", "alpha,beta", args, nargs, kw, 2, NULL, p);
    if (!r || !gamma(vm, r, p[0], 1.0, &y)) return SP_ERRV;
    if (y == 0.0) return sp_float(0.0);
    return gamma(vm, r, p[1], 1.0, &y2) ? sp_float(y / (y + y2)) : SP_ERRV;
}

sp_Value sp_randvar_paretovariate(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    double p[1], x;
    sp_Rng *r = params(vm, "paretovariate", "alpha", args, nargs, kw, 1, NULL, p);
    if (!r) return SP_ERRV;
    double u = 1.0 - sp_rng_random(r);
    if (p[0] == 0.0) return fdiv(vm, -1.0, 0.0);
    return fpow(vm, u, -1.0 / p[0], &x) ? sp_float(x) : SP_ERRV;
}

sp_Value sp_randvar_weibullvariate(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    double p[2], x;
    sp_Rng *r = params(vm, "weibullvariate", "alpha,beta", args, nargs, kw, 2, NULL, p);
    if (!r) return SP_ERRV;
    double u = 1.0 - sp_rng_random(r);
    if (p[1] == 0.0) return fdiv(vm, 1.0, 0.0);
    return fpow(vm, -log(u), 1.0 / p[1], &x) ? sp_float(p[0] * x) : SP_ERRV;
}
