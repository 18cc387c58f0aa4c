/* sp_float.c - the float type, exactly as CPython 3.11's Objects/floatobject.c:
 * arithmetic with float and int operands, exact float/int comparison,
 * float() parsing, round(), hex()/fromhex(), as_integer_ratio().  Digits
 * and layout live in sp_fmt.c. */
#include "sp_fmt.h"
#include "sp_unidata.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------ parsing */

static bool py_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* PEP 515: an underscore only between two digits.  Removes them in place. */
static bool drop_underscores(char *p, size_t *n) {
    char prev = 0;
    size_t k = 0;
    for (size_t i = 0; i < *n; i++) {
        char c = p[i];
        bool digit = c >= '0' && c <= '9';
        if (c == '_' ? !(prev >= '0' && prev <= '9') : prev == '_' && !digit) return false;
        if (c != '_') p[k++] = c;
        prev = c;
    }
    *n = k;
    return prev != '_';
}

static bool word_eq(const char *p, size_t n, const char *w) {
    if (strlen(w) != n) return false;
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 0x20) != w[i]) return false;
    return true;
}

/* Saturating decimal exponent (far beyond any double, short of overflow). */
static long long exp_digits(const char *p, size_t n, size_t *i) {
    long long e = 0;
    for (; *i < n && p[*i] >= '0' && p[*i] <= '9'; ++*i)
        if (e < 1000000000000000LL) e = e * 10 + (p[*i] - '0');
    return e;
}

/* [sign] (inf | infinity | nan | digits[.digits][e[sign]digits]); a number
 * is rewritten to out as [sign]DIGITSe<exp>, with no locale-dependent point. */
static bool float_syntax(const char *p, size_t n, char *out) {
    size_t i = p[0] == '+' || p[0] == '-', k = 0, frac = 0, d = 0;
    if (i < n && ((p[i] | 0x20) == 'i' || (p[i] | 0x20) == 'n')) {
        memcpy(out, p, n);
        out[n] = 0;
        return word_eq(p + i, n - i, "inf") || word_eq(p + i, n - i, "infinity") ||
               word_eq(p + i, n - i, "nan");
    }
    if (i) out[k++] = p[0];
    for (; i < n && p[i] >= '0' && p[i] <= '9'; i++, d++) out[k++] = p[i];
    if (i < n && p[i] == '.')
        for (i++; i < n && p[i] >= '0' && p[i] <= '9'; i++, d++, frac++) out[k++] = p[i];
    if (d == 0) return false;
    long long e = 0;
    if (i < n && (p[i] | 0x20) == 'e') {
        bool neg = ++i < n && p[i] == '-';
        i += i < n && (p[i] == '+' || p[i] == '-');
        size_t start = i;
        e = exp_digits(p, n, &i);
        if (i == start) return false;
        if (neg) e = -e;
    }
    snprintf(out + k, 32, "e%lld", e - (long long)frac);
    return i == n;
}

/* Clinger's fast path for [sign]digits[.digits][(e|E)[sign]digits]: when
 * the digits make an integer m <= 2**53 and the decimal exponent e has
 * |e| <= 22, m and 10**|e| are exact doubles and one IEEE multiply or
 * divide is the correctly rounded value, as strtod's.  false: anything
 * else (other syntax included), for the caller's exact path. */
bool sp_float_fast(const char *p, size_t n, double *out) {
    size_t i = n && (p[0] == '-' || p[0] == '+');
    uint64_t m = 0;
    int e = 0, sig = 0, nd = 0; /* sig: digits in m but its leading zeros */
    for (bool point = false; i < n; i++) {
        unsigned c = (unsigned)(uint8_t)p[i] - '0';
        if (c > 9) {
            if (p[i] != '.' || point) break;
            point = true;
            continue;
        }
        if (sig >= 19) return false;
        sig += m || c;
        m = m * 10 + c;
        e -= point;
        nd++;
    }
    if (nd == 0) return false;
    if (i < n && (p[i] | 0x20) == 'e') {
        bool neg = ++i < n && p[i] == '-';
        i += i < n && (p[i] == '+' || p[i] == '-');
        int x = 0;
        size_t x0 = i;
        for (; i < n && p[i] >= '0' && p[i] <= '9' && x < 1000; i++) x = x * 10 + (p[i] - '0');
        if (i == x0) return false;
        e += neg ? -x : x;
    }
    if (i != n || m > (1ull << 53) || e < -22 || e > 22) return false;
    double d = e < 0 ? (double)m / sp_pow10[-e] : (double)m * sp_pow10[e];
    *out = p[0] == '-' ? -d : d;
    return true;
}

/* ASCII text in p[0..n); out has room for n + 32 bytes.  1 parsed, 0 invalid. */
static int parse_ascii(char *p, size_t n, char *out, double *res) {
    while (n && py_space(*p)) p++, n--;
    while (n && py_space(p[n - 1])) n--;
    if (memchr(p, '_', n) && !drop_underscores(p, &n)) return 0;
    if (n && sp_float_fast(p, n, res)) return 1;
    if (n == 0 || !float_syntax(p, n, out)) return 0;
    *res = strtod(out, NULL);
    return 1;
}

/* float(s): 1 parsed, 0 invalid, -1 MemoryError.  For str (uni), other
 * scripts' digits and spaces count, as CPython's TransformDecimalAndSpace. */
static int parse_float(sp_VM *vm, const char *s, size_t n, bool uni, double *out) {
    char small[128], *buf = small;
    size_t cap = 0, k = 0;
    if (2 * n + 32 > sizeof small) { /* the text, then its normalized form */
        if (!sp_size_mul(vm, n + 16, 2, &cap) || !(buf = sp_malloc(vm, cap))) return -1;
    }
    for (size_t i = 0; i < n;) {
        if ((uint8_t)s[i] < 0x80 || !uni) {
            buf[k++] = s[i++];
            continue;
        }
        uint32_t cp = sp_utf8_next(s, &i);
        int dv = sp_uni_decimal(cp);
        buf[k++] = sp_uni_has(cp, SP_U_SPACE) ? ' ' : dv >= 0 ? (char)('0' + dv) : '?';
    }
    int r = parse_ascii(buf, k, buf + n, out);
    if (cap) sp_free(vm, buf, cap);
    return r;
}

static sp_Value from_text(sp_VM *vm, sp_Value src, const char *s, size_t n, bool uni) {
    double d;
    int r = parse_float(vm, s, n, uni, &d);
    if (r < 0) return SP_ERRV;
    if (r == 0) return sp_raise(vm, &sp_t_ValueError, "could not convert string to float: %R", src);
    return sp_float(d);
}

sp_Value sp_float_from_str(sp_VM *vm, const char *s, size_t n) {
    double d;
    int r = parse_float(vm, s, n, true, &d);
    if (r > 0) return sp_float(d);
    if (r < 0) return SP_ERRV;
    sp_Value src = sp_str_new(vm, s, n);
    if (sp_iserr(src)) return src;
    return sp_raise(vm, &sp_t_ValueError, "could not convert string to float: %R", src);
}

/* ------------------------------------------------------ construction */

/* x.__float__() or x.__index__() for user classes. */
static sp_Value via_dunder(sp_VM *vm, sp_Value x, bool *found) {
    static const char *const names[] = {"__float__", "__index__"};
    for (int k = 0; k < 2; k++) {
        sp_Value name = sp_str_intern_cstr(vm, names[k]);
        if (sp_iserr(name)) return name;
        sp_Value m = sp_type_lookup(vm, sp_typeof(x), SP_STR(name));
        if (sp_iserr(m)) return m;
        if (sp_isnull(m)) continue;
        *found = true;
        sp_Value r = sp_call1(vm, m, x);
        if (sp_iserr(r)) return r;
        if (sp_isbox(r) && (sp_isfloat(sp_unbox(r)) || sp_isintlike(sp_unbox(r)))) r = sp_unbox(r);
        if (k == 0 && !sp_isfloat(r))
            return sp_raise(vm, &sp_t_TypeError, "%T.__float__ returned non-float (type %T)", x, r);
        if (k == 1 && !sp_isintlike(r))
            return sp_raise(vm, &sp_t_TypeError, "__index__ returned non-int (type %T)", r);
        double d;
        if (k == 1 && !sp_int_to_double(vm, r, &d)) return SP_ERRV;
        return k == 0 ? r : sp_float(d);
    }
    *found = false;
    return SP_NULLV;
}

static sp_Value to_float(sp_VM *vm, sp_Value x) {
    double d;
    bool found = false;
    if (sp_typeof(x)->flags & SP_TF_HEAPTYPE) { /* a class's __float__, an override included */
        sp_Value r = via_dunder(vm, x, &found);
        if (found || sp_iserr(r)) return r;
    }
    x = sp_unbox(x); /* a float/int/str subclass converts as its value */
    if (sp_isfloat(x)) return x;
    if (sp_isintlike(x)) return sp_int_to_double(vm, x, &d) ? sp_float(d) : SP_ERRV;
    if (sp_isstr(x)) return from_text(vm, x, SP_STR(x)->data, SP_STR(x)->len, true);
    if (sp_istype(x, &sp_t_bytes))
        return from_text(vm, x, (const char *)SP_BYTES(x)->data, SP_BYTES(x)->len, false);
    sp_Value r = via_dunder(vm, x, &found);
    if (found || sp_iserr(r)) return r;
    return sp_raise(vm, &sp_t_TypeError, "float() argument must be a string or a real number, not '%T'", x);
}

static sp_Value float_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    if (!sp_no_kwargs(vm, "float", kw) || !sp_check_nargs(vm, "float", nargs, 0, 1)) return SP_ERRV;
    return nargs == 0 ? sp_float(0.0) : to_float(vm, args[0]);
}

/* ----------------------------------------------------- basic slots */

static sp_Value float_repr(sp_VM *vm, sp_Value self) {
    char buf[32];
    size_t n = sp_double_repr(self.u.f, buf);
    return sp_str_new(vm, buf, n);
}

static bool float_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    (void)vm;
    *out = sp_hash_double(self.u.f);
    return true;
}

static int float_truthy(sp_VM *vm, sp_Value self) {
    (void)vm;
    return self.u.f != 0.0;
}

static sp_Value float_format(sp_VM *vm, sp_Value self, sp_Str *spec) {
    return sp_format_float(vm, self.u.f, spec);
}

/* Sign of (d - i) for an int-like i and a non-nan d, exactly. */
static int cmp_float_int(sp_VM *vm, double d, sp_Value i) { return -sp_int_cmp_double(vm, i, d); }

static bool cmp_result(int c, int op) {
    switch (op) {
    case SP_LT: return c < 0;
    case SP_LE: return c <= 0;
    case SP_EQ: return c == 0;
    case SP_NE: return c != 0;
    case SP_GT: return c > 0;
    default: return c >= 0;
    }
}

static sp_Value float_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    static const int swapped[] = {SP_GT, SP_GE, SP_EQ, SP_NE, SP_LT, SP_LE};
    if (!sp_isfloat(a)) {
        sp_Value t = a;
        a = b, b = t, op = swapped[op];
    }
    if (!sp_isfloat(a) || !(sp_isfloat(b) || sp_isintlike(b))) return SP_NOTIMPL;
    double x = a.u.f;
    if (isnan(x) || (sp_isfloat(b) && isnan(b.u.f))) return sp_bool(op == SP_NE);
    int c = sp_isfloat(b) ? (x > b.u.f) - (x < b.u.f) : cmp_float_int(vm, x, b);
    return sp_bool(cmp_result(c, op));
}

/* ------------------------------------------------------- arithmetic */

/* float_divmod: the remainder takes the divisor's sign, the quotient is
 * snapped to the nearest integral value. */
static void fdivmod(double vx, double wx, double *pdiv, double *pmod) {
    double mod = fmod(vx, wx), div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    double fl;
    if (div) {
        fl = floor(div);
        if (div - fl > 0.5) fl += 1.0;
    } else {
        fl = copysign(0.0, vx / wx);
    }
    *pdiv = fl;
    *pmod = mod;
}

static bool odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

/* OverflowError(34, 'Numerical result out of range'), as PyErr_SetFromErrno. */
static sp_Value erange(sp_VM *vm) {
    sp_Value items[2] = {sp_int(34), sp_str_cstr(vm, "Numerical result out of range")};
    if (sp_iserr(items[1])) return SP_ERRV;
    sp_Value t = sp_tuple_pack(vm, 2, items);
    return sp_iserr(t) ? t : sp_raise_args(vm, &sp_t_OverflowError, t);
}

/* float_pow's special cases, then the C library. */
static sp_Value fpow(sp_VM *vm, double iv, double iw) {
    if (iw == 0) return sp_float(1.0);
    if (isnan(iv)) return sp_float(iv);
    if (isnan(iw)) return sp_float(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) return sp_float(1.0);
        return sp_float((iw > 0.0) == (iv > 1.0) ? fabs(iw) : 0.0);
    }
    if (isinf(iv)) {
        bool odd = odd_integer(iw);
        if (iw > 0.0) return sp_float(odd ? iv : fabs(iv));
        return sp_float(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0)
            return sp_raise(vm, &sp_t_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return sp_float(odd_integer(iw) ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        /* CPython returns a complex number here; sandpy has no complex. */
        if (iw != floor(iw)) return sp_raise(vm, &sp_t_ValueError, "complex numbers are not supported");
        iv = -iv;
        negate = odd_integer(iw);
    }
    if (iv == 1.0) return sp_float(negate ? -1.0 : 1.0);
    double ix = pow(iv, iw);
    if (isinf(ix)) return erange(vm);
    return sp_float(negate ? -ix : ix);
}

/* 1: *out set, 0: not a number (NotImplemented), -1: error. */
static int operand(sp_VM *vm, sp_Value v, double *out) {
    if (sp_isfloat(v)) return *out = v.u.f, 1;
    if (!sp_isintlike(v)) return 0;
    return sp_int_to_double(vm, v, out) ? 1 : -1;
}

static sp_Value arith(sp_VM *vm, int op, double x, double y) {
    double d, m;
    switch (op) {
    case SP_OP_ADD: return sp_float(x + y);
    case SP_OP_SUB: return sp_float(x - y);
    case SP_OP_MUL: return sp_float(x * y);
    case SP_OP_TRUEDIV:
        if (y == 0.0) return sp_raise(vm, &sp_t_ZeroDivisionError, "float division by zero");
        return sp_float(x / y);
    case SP_OP_FLOORDIV:
        if (y == 0.0) return sp_raise(vm, &sp_t_ZeroDivisionError, "float floor division by zero");
        fdivmod(x, y, &d, &m);
        return sp_float(d);
    case SP_OP_MOD:
        if (y == 0.0) return sp_raise(vm, &sp_t_ZeroDivisionError, "float modulo");
        fdivmod(x, y, &d, &m);
        return sp_float(m);
    default: return fpow(vm, x, y);
    }
}

static sp_Value float_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (op >= SP_OP_INPLACE) op -= SP_OP_INPLACE;
    bool known = op == SP_OP_ADD || op == SP_OP_SUB || op == SP_OP_MUL || op == SP_OP_TRUEDIV ||
                 op == SP_OP_FLOORDIV || op == SP_OP_MOD || op == SP_OP_POW;
    if (!known || (!sp_isfloat(a) && !sp_isfloat(b))) return SP_NOTIMPL;
    double x, y;
    int r = operand(vm, a, &x);
    if (r > 0) r = operand(vm, b, &y);
    if (r <= 0) return r < 0 ? SP_ERRV : SP_NOTIMPL;
    return arith(vm, op, x, y);
}

static sp_Value float_unop(sp_VM *vm, int op, sp_Value a) {
    (void)vm;
    switch (op) {
    case SP_UOP_NEG: return sp_float(-a.u.f);
    case SP_UOP_POS: return a;
    case SP_UOP_ABS: return sp_float(fabs(a.u.f));
    default: return SP_NOTIMPL;
    }
}

/* ------------------------------------------------------------ methods */

static bool noargs(sp_VM *vm, const char *qual, int nargs, sp_Tuple *kw) {
    return sp_no_kwargs(vm, qual, kw) && sp_check_nargs(vm, qual, nargs - 1, 0, 0);
}

static sp_Value m_is_integer(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!noargs(vm, "float.is_integer", n, kw)) return SP_ERRV;
    double x = a[0].u.f;
    return sp_bool(isfinite(x) && floor(x) == x);
}

static sp_Value m_conjugate(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return noargs(vm, "float.conjugate", n, kw) ? a[0] : SP_ERRV;
}

static sp_Value m_float(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return noargs(vm, "float.__float__", n, kw) ? a[0] : SP_ERRV;
}

static sp_Value m_trunc(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return noargs(vm, "float.__trunc__", n, kw) ? sp_int_from_double(vm, a[0].u.f) : SP_ERRV;
}

static sp_Value m_int(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return noargs(vm, "float.__int__", n, kw) ? sp_int_from_double(vm, a[0].u.f) : SP_ERRV;
}

static sp_Value m_floor(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return noargs(vm, "float.__floor__", n, kw) ? sp_int_from_double(vm, floor(a[0].u.f)) : SP_ERRV;
}

static sp_Value m_ceil(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return noargs(vm, "float.__ceil__", n, kw) ? sp_int_from_double(vm, ceil(a[0].u.f)) : SP_ERRV;
}

static sp_Value m_format(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "float.__format__", kw) || !sp_check_nargs(vm, "__format__", n - 1, 1, 1))
        return SP_ERRV;
    if (!sp_isstr(a[1])) return sp_raise(vm, &sp_t_TypeError, "__format__() argument must be str, not %A", a[1]);
    return sp_format_float(vm, a[0].u.f, SP_STR(a[1]));
}

/* 2**k as an int, for k up to 1074 (beyond one double's range). */
static sp_Value pow2(sp_VM *vm, int k) {
    if (k <= 1000) return sp_int_from_double(vm, ldexp(1.0, k));
    sp_Value a = sp_int_from_double(vm, ldexp(1.0, 1000));
    if (sp_iserr(a)) return a;
    sp_Value b = sp_int_from_double(vm, ldexp(1.0, k - 1000));
    return sp_iserr(b) ? b : sp_int_mul(vm, a, b);
}

static sp_Value m_as_integer_ratio(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!noargs(vm, "float.as_integer_ratio", n, kw)) return SP_ERRV;
    double x = a[0].u.f;
    if (isinf(x)) return sp_raise(vm, &sp_t_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x)) return sp_raise(vm, &sp_t_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) m *= 2.0, e--;
    sp_Value pair[2];
    pair[0] = sp_int_from_double(vm, e > 0 ? ldexp(m, e) : m);
    pair[1] = e > 0 ? sp_int(1) : pow2(vm, -e);
    if (sp_iserr(pair[0]) || sp_iserr(pair[1])) return SP_ERRV;
    return sp_tuple_pack(vm, 2, pair);
}

static sp_Value m_hex(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!noargs(vm, "float.hex", n, kw)) return SP_ERRV;
    double x = a[0].u.f;
    if (!isfinite(x)) return float_repr(vm, a[0]);
    if (x == 0.0) return sp_str_cstr(vm, signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    static const char hexd[] = "0123456789abcdef";
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char s[24];
    int k = 0;
    s[k++] = hexd[(int)m];
    m -= (int)m;
    s[k++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        s[k++] = hexd[(int)m];
        m -= (int)m;
    }
    s[k] = 0;
    return sp_fmt(vm, "%s0x%sp%c%d", x < 0 ? "-" : "", s, e < 0 ? '-' : '+', e < 0 ? -e : e);
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Length of a case-insensitive [sign](inf|infinity|nan) prefix of s, or 0. */
static size_t inf_or_nan(const char *s, size_t n) {
    size_t i = s[0] == '+' || s[0] == '-';
    static const char *const words[] = {"infinity", "inf", "nan"};
    for (int w = 0; w < 3; w++) {
        size_t l = strlen(words[w]);
        if (n - i >= l && word_eq(s + i, l, words[w])) return i + l;
    }
    return 0;
}

/* The C99 hex-float text "[-]0xDIGITS[.DIGITS]pEXP" for s (float.fromhex's
 * grammar), into out.  0: no match, 1: a number, 2: inf or nan. */
static int hex_syntax(const char *s, size_t n, char *out) {
    size_t i = 0, k = 0;
    while (i < n && py_space(s[i])) i++;
    while (n > i && py_space(s[n - 1])) n--;
    size_t special = inf_or_nan(s + i, n - i);
    if (special) {
        memcpy(out, s + i, special);
        out[special] = 0;
        return special == n - i ? 2 : 0;
    }
    if (i < n && (s[i] == '-' || s[i] == '+')) out[k++] = s[i++];
    if (i + 1 < n && s[i] == '0' && (s[i + 1] | 0x20) == 'x') i += 2;
    out[k++] = '0', out[k++] = 'x';
    size_t digits = 0, frac = 0;
    for (; i < n && hexval(s[i]) >= 0; digits++) out[k++] = s[i++];
    if (i < n && s[i] == '.') /* the point is dropped: strtod's depends on the locale */
        for (i++; i < n && hexval(s[i]) >= 0; digits++, frac++) out[k++] = s[i++];
    if (digits == 0) return 0;
    long long exp = 0;
    if (i < n && (s[i] | 0x20) == 'p') {
        bool neg = ++i < n && s[i] == '-';
        i += i < n && (s[i] == '-' || s[i] == '+');
        size_t start = i;
        exp = exp_digits(s, n, &i);
        if (i == start) return 0;
        if (neg) exp = -exp;
    }
    exp -= 4 * (long long)frac;
    if (i != n) return 0;
    snprintf(out + k, 24, "p%lld", exp);
    return 1;
}

static sp_Value m_fromhex(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "float.fromhex", kw)) return SP_ERRV;
    if (n != 2) return sp_raise(vm, &sp_t_TypeError, "float.fromhex() takes exactly one argument (%d given)", n - 1);
    if (!sp_isstr(a[1])) return sp_raise(vm, &sp_t_TypeError, "bad argument type for built-in operation");
    sp_Str *s = SP_STR(a[1]);
    size_t cap = s->len + 32;
    char *buf = sp_malloc(vm, cap);
    if (!buf) return SP_ERRV;
    int kind = hex_syntax(s->data, s->len, buf);
    double d = kind ? strtod(buf, NULL) : 0.0;
    sp_free(vm, buf, cap);
    if (!kind) return sp_raise(vm, &sp_t_ValueError, "invalid hexadecimal floating-point string");
    if (isinf(d) && kind == 1)
        return sp_raise(vm, &sp_t_OverflowError, "hexadecimal value too large to represent as a float");
    return sp_float(d);
}

/* double_round: correctly rounded to ndigits decimals, via the digits. */
static sp_Value round_digits(sp_VM *vm, double x, int64_t nd) {
    sp_Digits dg;
    sp_dtoa(x, 3, nd, &dg);
    char buf[SP_DIG_MAX + 32];
    snprintf(buf, sizeof buf, "%s%.*se%d", dg.neg ? "-" : "", dg.n, dg.d, dg.decpt - dg.n);
    double r = strtod(buf, NULL);
    if (isinf(r)) return sp_raise(vm, &sp_t_OverflowError, "rounded value too large to represent");
    return sp_float(r);
}

static sp_Value m_round(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "float.__round__", kw) || !sp_check_nargs(vm, "__round__", n - 1, 0, 1))
        return SP_ERRV;
    double x = a[0].u.f;
    if (n == 1 || sp_isnone(a[1])) { /* to an int, ties to even */
        double r = round(x);
        if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
        return sp_int_from_double(vm, r);
    }
    sp_Value v = a[1];
    int64_t nd;
    if (sp_isint(v) || sp_isbool(v)) nd = v.u.i;
    else if (sp_isintlike(v)) nd = sp_int_sign(v) > 0 ? INT64_MAX : INT64_MIN; /* clamps, as CPython */
    else return sp_raise(vm, &sp_t_TypeError, "'%T' object cannot be interpreted as an integer", v);
    if (!isfinite(x)) return a[0];
    /* Beyond these, every double rounds to itself / to zero (log10(2) bounds). */
    if (nd > (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103)) return a[0];
    if (nd < -(int)((DBL_MAX_EXP + 1) * 0.30103)) return sp_float(0.0 * x);
    return round_digits(vm, x, nd);
}

static sp_Value g_real(sp_VM *vm, sp_Value self) {
    (void)vm;
    return self;
}

static sp_Value g_imag(sp_VM *vm, sp_Value self) {
    (void)vm, (void)self;
    return sp_float(0.0);
}

static const sp_MethodDef float_methods[] = {
    {"is_integer", m_is_integer, 0},
    {"as_integer_ratio", m_as_integer_ratio, 0},
    {"hex", m_hex, 0},
    {"fromhex", m_fromhex, SP_METH_CLASS},
    {"conjugate", m_conjugate, 0},
    {"__round__", m_round, 0},
    {"__trunc__", m_trunc, 0},
    {"__floor__", m_floor, 0},
    {"__ceil__", m_ceil, 0},
    {"__int__", m_int, 0},
    {"__float__", m_float, 0},
    {"__format__", m_format, 0},
    {NULL, NULL, 0},
};

static const sp_GetSetDef float_getsets[] = {
    {"real", g_real, NULL},
    {"imag", g_imag, NULL},
    {NULL, NULL, NULL},
};

sp_Type sp_t_float = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "float",
    .base = &sp_t_object,
    .methods = float_methods,
    .getsets = float_getsets,
    .new_ = float_new,
    .repr = float_repr,
    .hash = float_hash,
    .richcmp = float_richcmp,
    .truthy = float_truthy,
    .binop = float_binop,
    .unop = float_unop,
    .format = float_format,
};
