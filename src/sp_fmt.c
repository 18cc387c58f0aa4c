/* sp_fmt.c - text formatting, exactly as CPython 3.11: float digits and
 * layout (repr, 'e'/'f'/'g'), the format-spec mini-language for int, float
 * and str (Python/formatter_unicode.c), str % args (PyUnicode_Format) and
 * str.format / str.format_map (Objects/stringlib/unicode_format.h).
 *
 * Digits come from the C library's correctly rounded printf/strtod (glibc
 * and musl print exact decimal expansions), so no dtoa tables are needed.
 * Text is never handed to strtod with a decimal point and printf's point is
 * skipped whatever it is, so the host's LC_NUMERIC locale does not matter. */
#include "sp_fmt.h"
#include "sp_unidata.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ============================================================ digits */

static void dg_set_zero(sp_Digits *dg) {
    dg->d[0] = '0';
    dg->n = 1;
    dg->decpt = 1;
}

/* Drop trailing zeros; an all-zero string becomes "0" with decpt 1. */
static void dg_trim(sp_Digits *dg) {
    while (dg->n > 0 && dg->d[dg->n - 1] == '0') dg->n--;
    if (dg->n == 0) dg_set_zero(dg);
}

/* |a| (finite, > 0) correctly rounded to nd significant digits (nd <= 800):
 * the digits go to dig, the return value is the decimal exponent. */
static int sig_digits(double a, int nd, char *dig) {
    char buf[SP_DIG_MAX];
    snprintf(buf, sizeof buf, "%.*e", nd - 1, a);
    const char *p = buf;
    int k = 0;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9') dig[k++] = *p;
    return atoi(p + 1);
}

/* The double nearest to DIG[0].DIG[1..] * 10**e.  Text for strtod never
 * holds a decimal point: its spelling depends on the C locale. */
static double dig_value(const char *dig, int n, int e) {
    char buf[48];
    snprintf(buf, sizeof buf, "%.*se%d", n, dig, e - n + 1);
    return strtod(buf, NULL);
}

/* Does some p-digit decimal read back as a?  The nearest one is the
 * candidate, except just above a power of two where the rounding interval
 * is wider above than below: there the next one up may work instead. */
static bool try_digits(double a, int p, char *dig, int *e) {
    *e = sig_digits(a, p, dig);
    double v = dig_value(dig, p, *e);
    if (v == a) return true;
    int ex;
    if (v > a || frexp(a, &ex) != 0.5 || a < DBL_MIN) return false;
    int i = p - 1;
    while (i >= 0 && dig[i] == '9') dig[i--] = '0';
    if (i < 0) {
        dig[0] = '1';
        ++*e;
    } else {
        dig[i]++;
    }
    return dig_value(dig, p, *e) == a;
}

const double sp_pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                             1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                             1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* The decimal digits of m > 0 into d; their count. */
static int u64_digits(uint64_t m, char *d) {
    char tmp[20];
    int n = 0;
    do tmp[n++] = (char)('0' + m % 10);
    while (m /= 10);
    for (int i = 0; i < n; i++) d[i] = tmp[n - 1 - i];
    return n;
}

/* Shortest digits without printf/strtod for the common doubles whose
 * repr has few digits.  With k digits after the point, the nearest
 * decimal is m = round(a * 10**k), known exactly unless the rounded
 * product lies within its error of a half (then it is m or m + 1);
 * m / 10**k is one correctly rounded division of two exact doubles
 * (m < 2**53, k <= 22), i.e. exactly what strtod returns for that
 * decimal.  Away from powers of two a's rounding interval is symmetric,
 * so if the nearest k-digit decimal misses it every other one does too
 * (near a tie: if both neighbours miss), and the first k that reads back
 * has the fewest significant digits (the candidates all share a's decade
 * unless the interval holds a power of ten, which is then a itself and
 * found first); Gay's tie-break picks the nearest, which is m.  false:
 * undecided, use the exact method. */
static bool shortest_fast(double a, sp_Digits *dg) {
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    if (!(bits & ((1ull << 52) - 1)) || a < 1e-5 || a >= 0x1p53) return false;
    for (int k = 0; k <= 22; k++) {
        double t = a * sp_pow10[k];
        if (t >= 0x1p53) return false;
        uint64_t m = (uint64_t)t;
        double frac = t - (double)m; /* exact: t < 2**53 */
        if (fabs(frac - 0.5) > t * 0x1p-51) { /* the nearest is known */
            m += frac > 0.5;
            if ((double)m / sp_pow10[k] != a) continue;
        } else { /* near a tie: m or m + 1, whichever alone reads back */
            bool lo = (double)m / sp_pow10[k] == a, hi = (double)(m + 1) / sp_pow10[k] == a;
            if (lo && hi) return false;
            if (!lo && !hi) continue;
            m += hi;
        }
        dg->n = u64_digits(m, dg->d);
        dg->decpt = dg->n - k;
        dg_trim(dg);
        return true;
    }
    return false;
}

/* The 15..17-digit case from one printf of 25 digits instead of a printf
 * and a strtod per length tried.  The nearest p-digit decimal misses a
 * by (the 25-digit tail past digit p, folded below a half) * 10**(E-p+1);
 * it reads back iff that is below half an ulp (a's interval is symmetric:
 * not a power of two; normal).  The ratio of the two is computed in
 * doubles from well-scaled factors, to ~1e-8 (the tail's printed
 * rounding included); a ratio within 1e-6 of 1, or a tail within 1e-6 of
 * a half (the nearest unclear), is left to the exact method (false).  17
 * digits always read back.  Digits and decpt go to dg, untrimmed. */
static bool shortest_printed(double a, sp_Digits *dg) {
    uint64_t bits;
    memcpy(&bits, &a, sizeof bits);
    if (a < DBL_MIN || !(bits & ((1ull << 52) - 1))) return false;
    char dig[32];
    int e = sig_digits(a, 25, dig), ex;
    double lead = 0, f = frexp(a, &ex); /* lead: DIG[0].DIG[1..16] */
    for (int i = 0; i < 17; i++) lead = lead * 10 + (dig[i] - '0');
    lead /= 1e16;
    for (int p = 15; p <= 17; p++) {
        double r = 0; /* 0.DIG[p..24] */
        for (int i = 24; i >= p; i--) r = (r + (dig[i] - '0')) / 10;
        if (fabs(r - 0.5) < 1e-6) return false;
        double ratio = (r > 0.5 ? 1 - r : r) * 0x1p54 * f / lead / sp_pow10[p - 1];
        if (p < 17 && ratio > 1 + 1e-6) continue;
        if (p < 17 && ratio >= 1 - 1e-6) return false;
        memcpy(dg->d, dig, (size_t)p);
        dg->n = p;
        dg->decpt = e + 1;
        int i = p - 1;
        if (r > 0.5) { /* round up, carrying */
            while (i >= 0 && dg->d[i] == '9') dg->d[i--] = '0';
            if (i >= 0) dg->d[i]++;
            else dg->d[0] = '1', dg->decpt++;
        }
        return true;
    }
    return false;
}

/* Shortest round-trip digits (Gay's mode 0).  For normal doubles half an
 * ulp is below the spacing of 15-digit decimals, so a shortest string of
 * at most 15 digits is the nearest 15-digit one with its zeros stripped:
 * only 15, 16 and 17 digits need trying.  Subnormals (wider intervals)
 * binary-search 1..17: round-tripping is monotonic in the digit count. */
static void shortest(double a, sp_Digits *dg) {
    if (a < 0x1p53 && a == (double)(uint64_t)a) { /* exact integers */
        dg->n = u64_digits((uint64_t)a, dg->d);
        dg->decpt = dg->n;
        dg_trim(dg);
        return;
    }
    if (shortest_fast(a, dg)) return;
    if (shortest_printed(a, dg)) return dg_trim(dg);
    int lo = 15, e;
    if (a < DBL_MIN) {
        char tmp[20];
        int hi = 17;
        for (lo = 1; lo < hi;) {
            int mid = (lo + hi) / 2;
            if (try_digits(a, mid, tmp, &e)) hi = mid;
            else lo = mid + 1;
        }
    }
    while (!try_digits(a, lo, dg->d, &e)) lo++;
    dg->n = lo;
    dg->decpt = e + 1;
    dg_trim(dg);
}

/* Round the integer digits of |a| to 10**-prec (prec < 0), half-even;
 * frac tells whether a had a fractional part (it breaks ties upward). */
static void round_int_digits(double a, int64_t prec, sp_Digits *dg) {
    bool frac = a != trunc(a);
    int len = snprintf(dg->d, sizeof dg->d, "%.0f", trunc(a));
    int64_t keep = len + prec;
    if (keep < 0) return dg_set_zero(dg);
    bool up = false;
    if (keep < len) {
        char c = dg->d[keep];
        bool rest = frac;
        for (int i = (int)keep + 1; i < len && !rest; i++) rest = dg->d[i] != '0';
        bool odd = keep > 0 && (dg->d[keep - 1] - '0') % 2;
        up = c > '5' || (c == '5' && (rest || odd));
    }
    dg->n = (int)keep;
    dg->decpt = len;
    int i = dg->n - 1;
    while (up && i >= 0 && dg->d[i] == '9') dg->d[i--] = '0';
    if (up && i >= 0) dg->d[i]++;
    else if (up) { /* carried out of every digit */
        dg->d[0] = '1';
        dg->n = 1;
        dg->decpt = len + 1;
    }
    dg_trim(dg);
}

/* %.*f digits: everything but the point, leading zeros dropped. */
static void fixed_digits(double a, int64_t prec, sp_Digits *dg) {
    char buf[SP_DIG_MAX];
    snprintf(buf, sizeof buf, "%.*f", (int)(prec > 1100 ? 1100 : prec), a);
    int n = 0, pos = 0, point = -1, first = -1;
    for (const char *p = buf; *p; p++) {
        if (*p < '0' || *p > '9') {
            point = pos;
            continue;
        }
        if (first < 0 && *p == '0') {
            pos++;
            continue;
        }
        if (first < 0) first = pos;
        dg->d[n++] = *p;
        pos++;
    }
    if (first < 0) return dg_set_zero(dg);
    if (point < 0) point = pos;
    dg->n = n;
    dg->decpt = point - first;
    dg_trim(dg);
}

void sp_dtoa(double x, int mode, int64_t prec, sp_Digits *dg) {
    dg->neg = signbit(x) != 0;
    dg->special = isnan(x) ? 'n' : isinf(x) ? 'i' : 0;
    if (dg->special) return;
    double a = fabs(x);
    if (a == 0.0) return dg_set_zero(dg);
    if (mode == 0) return shortest(a, dg);
    if (mode == 3 && prec < 0) return round_int_digits(a, prec, dg);
    if (mode == 3) return fixed_digits(a, prec, dg);
    int e = sig_digits(a, (int)(prec > 800 ? 800 : prec), dg->d);
    dg->n = (int)(prec > 800 ? 800 : prec);
    dg->decpt = e + 1;
    dg_trim(dg);
}

/* ============================================================ layout */

/* Writes into p when not NULL, counts always (one code path sizes and
 * fills the buffer). */
typedef struct Emit {
    char *p;
    size_t n;
    char last;
} Emit;

static void em_fill(Emit *e, char c, int64_t k) {
    if (k <= 0) return;
    if (e->p) memset(e->p + e->n, c, (size_t)k);
    e->n += (size_t)k;
    e->last = c;
}
static void em_str(Emit *e, const char *s, int64_t k) {
    if (k <= 0) return;
    if (e->p) memcpy(e->p + e->n, s, (size_t)k);
    e->n += (size_t)k;
    e->last = s[k - 1];
}
static void em_c(Emit *e, char c) { em_fill(e, c, 1); }

static void layout_special(Emit *e, const sp_Digits *dg, bool upper, int flags) {
    bool neg = dg->neg && dg->special == 'i'; /* the sign of a nan is ignored */
    if (neg) em_c(e, '-');
    else if (flags & SP_DTSF_SIGN) em_c(e, '+');
    const char *s = dg->special == 'i' ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan");
    em_str(e, s, 3);
}

/* format_float_short: the digit string "virtually" padded with zeros on
 * both sides; output the slice [vstart, vend) with the point at decpt. */
static size_t layout(const sp_Digits *dg, char code, bool upper, int64_t prec, int flags,
                     char *out) {
    Emit e = {out, 0, 0};
    if (dg->special) return layout_special(&e, dg, upper, flags), e.n;
    bool dot0 = flags & SP_DTSF_ADD_DOT_0, alt = flags & SP_DTSF_ALT, use_exp = false;
    int64_t n = dg->n, decpt = dg->decpt, vend = n, exp = 0;
    bool neg = dg->neg && !((flags & SP_DTSF_NO_NEG_0) && n == 1 && dg->d[0] == '0');
    switch (code) {
    case 'e': use_exp = true; vend = prec; break;
    case 'f': vend = decpt + prec; break;
    case 'g':
        if (decpt <= -4 || decpt > (dot0 ? prec - 1 : prec)) use_exp = true;
        if (alt) vend = prec;
        break;
    default: /* 'r' */
        if (decpt <= -4 || decpt > 16) use_exp = true;
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int64_t vstart = decpt <= 0 ? decpt - 1 : 0;
    int64_t lo = !use_exp && dot0 ? decpt + 1 : decpt;
    if (vend < lo) vend = lo;
    if (neg) em_c(&e, '-');
    else if (flags & SP_DTSF_SIGN) em_c(&e, '+');
    if (decpt <= 0) {
        em_fill(&e, '0', decpt - vstart);
        em_c(&e, '.');
        em_fill(&e, '0', -decpt);
    } else {
        em_fill(&e, '0', -vstart);
    }
    if (0 < decpt && decpt <= n) {
        em_str(&e, dg->d, decpt);
        em_c(&e, '.');
        em_str(&e, dg->d + decpt, n - decpt);
    } else {
        em_str(&e, dg->d, n);
    }
    if (n < decpt) {
        em_fill(&e, '0', decpt - n);
        em_c(&e, '.');
        em_fill(&e, '0', vend - decpt);
    } else {
        em_fill(&e, '0', vend - n);
    }
    if (e.last == '.' && !alt) e.n--;
    if (use_exp) {
        char eb[16];
        int k = snprintf(eb, sizeof eb, "%c%+.02d", upper ? 'E' : 'e', (int)exp);
        em_str(&e, eb, k);
    }
    return e.n;
}

/* PyOS_double_to_string's mapping of a format code to a dtoa mode. */
static char code_digits(double x, char code, int64_t *prec, bool *upper, sp_Digits *dg) {
    *upper = code >= 'A' && code <= 'Z';
    char c = (char)(*upper ? code - 'A' + 'a' : code);
    switch (c) {
    case 'e': /* CPython's int precision++ wraps at INT_MAX: one digit */
        *prec = *prec >= INT_MAX ? INT_MIN : *prec + 1;
        sp_dtoa(x, 2, *prec < 1 ? 1 : *prec, dg);
        break;
    case 'f': sp_dtoa(x, 3, *prec, dg); break;
    case 'g':
        if (*prec == 0) *prec = 1;
        sp_dtoa(x, 2, *prec, dg);
        break;
    default: c = 'r'; sp_dtoa(x, 0, 0, dg); break;
    }
    return c;
}

bool sp_buf_double(sp_Buf *b, double x, char code, int64_t prec, int flags) {
    sp_Digits dg;
    bool upper;
    char c = code_digits(x, code, &prec, &upper, &dg);
    size_t n = layout(&dg, c, upper, prec, flags, NULL);
    if (!sp_buf_reserve(b, n + 1)) return false; /* + a trailing '.' that layout drops */
    layout(&dg, c, upper, prec, flags, b->p + b->n);
    b->n += n;
    return true;
}

size_t sp_double_repr(double d, char out[32]) {
    sp_Digits dg;
    sp_dtoa(d, 0, 0, &dg);
    size_t n = layout(&dg, 'r', false, 0, SP_DTSF_ADD_DOT_0, out);
    out[n] = 0;
    return n;
}

/* ================================================== format-spec language */

/* InternalFormatSpec: [[fill]align][sign][z][#][0][width][grouping][.prec][type] */
typedef struct Spec {
    uint32_t fill;
    char fillu[4];     /* fill as UTF-8 */
    int fillb;
    char align, sign;  /* sign: 0, '+', '-', ' ' */
    bool no_neg_0, alt;
    int64_t width, prec; /* -1: absent */
    char sep;          /* 0, ',' or '_' */
    int group;         /* digits per separator: 3, or 4 for '_' with b/o/x/X */
    uint32_t type;     /* 0: none */
} Spec;

static sp_Value raise_msg(sp_VM *vm, sp_Type *t, const char *msg) { return sp_raise(vm, t, "%s", msg); }

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Code point at byte i of s (0 at the end) and its byte length. */
static uint32_t cp_at(const char *s, size_t n, size_t i, size_t *len) {
    if (i >= n) return *len = 0, 0;
    size_t k = i;
    uint32_t c = sp_utf8_next(s, &k);
    *len = k - i;
    return c;
}

static int digit_val(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    return c < 128 ? -1 : sp_uni_decimal(c);
}

/* get_integer: decimal digits (any script) at *i; returns the count, -1
 * on overflow ("Too many decimal digits in format string"). */
static int spec_int(sp_VM *vm, const char *s, size_t n, size_t *i, int64_t *out) {
    int64_t acc = 0;
    int count = 0;
    size_t len;
    for (int dv; (dv = digit_val(cp_at(s, n, *i, &len))) >= 0 && len; *i += len, count++) {
        if (acc > (INT64_MAX - dv) / 10) {
            raise_msg(vm, &sp_t_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + dv;
    }
    *out = acc;
    return count;
}

static void bad_sep(sp_VM *vm, char sep, uint32_t type) {
    if (type > 32 && type < 128)
        sp_raise(vm, &sp_t_ValueError, "Cannot specify '%c' with '%c'.", sep, (int)type);
    else
        sp_raise(vm, &sp_t_ValueError, "Cannot specify '%c' with '\\x%x'.", sep, (unsigned)type);
}

static sp_Value unknown_type(sp_VM *vm, uint32_t type, const char *tname) {
    if (type > 32 && type < 128)
        return sp_raise(vm, &sp_t_ValueError, "Unknown format code '%c' for object of type '%s'",
                        (int)type, tname);
    return sp_raise(vm, &sp_t_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                    (unsigned)type, tname);
}

/* Validate the grouping option against the type (PEP 378 / PEP 515). */
static bool spec_check_sep(sp_VM *vm, Spec *f) {
    if (!f->sep) return true;
    f->group = 3;
    switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return true;
    case 'b': case 'o': case 'x': case 'X':
        if (f->sep == '_') return f->group = 4, true;
        break;
    default: break;
    }
    bad_sep(vm, f->sep, f->type);
    return false;
}

/* The part after [[fill]align]: sign, z, #, 0, width, grouping, precision. */
static bool spec_middle(sp_VM *vm, const char *s, size_t n, size_t *i, Spec *f, bool fill_given,
                        bool align_given, char dalign) {
    if (*i < n && (s[*i] == '+' || s[*i] == '-' || s[*i] == ' ')) f->sign = s[(*i)++];
    if (*i < n && s[*i] == 'z') f->no_neg_0 = true, ++*i;
    if (*i < n && s[*i] == '#') f->alt = true, ++*i;
    if (!fill_given && *i < n && s[*i] == '0') {
        f->fill = '0';
        f->fillu[0] = '0';
        if (!align_given && dalign == '>') f->align = '=';
        ++*i;
    }
    int k = spec_int(vm, s, n, i, &f->width);
    if (k < 0) return false;
    if (k == 0) f->width = -1;
    if (*i < n && s[*i] == ',') f->sep = ',', ++*i;
    if (*i < n && s[*i] == '_') {
        if (f->sep) return raise_msg(vm, &sp_t_ValueError, "Cannot specify both ',' and '_'."), false;
        f->sep = '_', ++*i;
    }
    if (*i < n && s[*i] == ',' && f->sep == '_')
        return raise_msg(vm, &sp_t_ValueError, "Cannot specify both ',' and '_'."), false;
    if (*i < n && s[*i] == '.') {
        ++*i;
        k = spec_int(vm, s, n, i, &f->prec);
        if (k < 0) return false;
        if (k == 0) return raise_msg(vm, &sp_t_ValueError, "Format specifier missing precision"), false;
    }
    return true;
}

/* parse_internal_render_format_spec */
static bool spec_parse(sp_VM *vm, sp_Str *spec, uint32_t dtype, char dalign, const char *tname,
                       Spec *f) {
    const char *s = spec->data;
    size_t n = spec->len, i = 0, l0, l1;
    memset(f, 0, sizeof *f);
    f->fill = ' ';
    f->fillu[0] = ' ';
    f->fillb = 1;
    f->align = dalign;
    f->width = f->prec = -1;
    f->type = dtype;
    uint32_t c0 = cp_at(s, n, 0, &l0), c1 = cp_at(s, n, l0, &l1);
    bool fill_given = false, align_given = false;
    if (l1 && is_align(c1)) {
        f->fill = c0;
        memcpy(f->fillu, s, l0);
        f->fillb = (int)l0;
        f->align = (char)c1;
        fill_given = align_given = true;
        i = l0 + l1;
    } else if (l0 && is_align(c0)) {
        f->align = (char)c0;
        align_given = true;
        i = 1;
    }
    if (!spec_middle(vm, s, n, &i, f, fill_given, align_given, dalign)) return false;
    if (i < n) {
        uint32_t t = cp_at(s, n, i, &l0);
        if (i + l0 < n) {
            sp_raise(vm, &sp_t_ValueError, "Invalid format specifier '%U' for object of type '%s'",
                     spec, tname);
            return false;
        }
        f->type = t;
    }
    return spec_check_sep(vm, f);
}

/* ---------------------------------------------------- number layout */

/* A number to lay out: [sign][prefix]digits[.remainder]. */
typedef struct Num {
    char sign;               /* '-' or 0 */
    const char *prefix;      /* "0x" etc. */
    int64_t nprefix;
    const char *digits;      /* ASCII digits, grouped on output */
    int64_t ndigits;
    bool decimal;            /* a '.' sits between digits and remainder */
    const char *rem;         /* UTF-8 */
    int64_t remb, remc;      /* bytes, code points */
} Num;

/* Length of the grouped digits, CPython's _PyUnicode_InsertThousandsGrouping
 * in closed form: nd digits left-padded with '0' to at least minw chars,
 * a separator between groups of g (g 0: no grouping). */
static int64_t group_len(int64_t nd, int64_t minw, int g) {
    if (minw < 0) minw = 0;
    if (g == 0) return nd > minw ? nd : minw;
    int64_t a = nd > g ? (nd - g + g - 1) / g : 0;
    int64_t b = minw > g ? (minw - g + g) / (g + 1) : 0;
    int64_t k = a > b ? a : b; /* full groups before the last one */
    int64_t last = nd - g * k;
    if (minw - (g + 1) * k > last) last = minw - (g + 1) * k;
    if (last < 1) last = 1;
    return (g + 1) * k + last;
}

/* Fill the grouped digits backwards from end, as CPython does. */
static void group_fill(const char *dig, int64_t nd, int64_t minw, int g, char sep, char *end) {
    int64_t rem = nd;
    const char *dp = dig + nd;
    bool use_sep = false;
    if (minw < 0) minw = 0;
    for (;;) {
        int64_t m = rem > minw ? rem : minw;
        if (m < 1) m = 1;
        int64_t len = g && g < m ? g : m;
        int64_t nz = len > rem ? len - rem : 0, nc = rem < len ? rem : len;
        if (use_sep) *--end = sep;
        end -= nc, dp -= nc;
        memcpy(end, dp, (size_t)nc);
        end -= nz;
        memset(end, '0', (size_t)nz);
        use_sep = true;
        rem -= nc;
        minw -= len;
        if (!g || (rem <= 0 && minw <= 0)) return;
        minw -= 1;
    }
}

static char *put_fill(char *p, const Spec *f, int64_t k) {
    if (f->fillb == 1 && k > 0) return memset(p, f->fillu[0], (size_t)k), p + k;
    for (; k > 0; k--, p += f->fillb) memcpy(p, f->fillu, (size_t)f->fillb);
    return p;
}

/* calc_number_widths + fill_number. */
static bool render_num(sp_Buf *b, const Spec *f, const Num *nm) {
    char sign = nm->sign;
    if (f->sign == '+' || f->sign == ' ') sign = sign ? sign : f->sign;
    int64_t nsign = sign != 0;
    int64_t fixed = nsign + nm->nprefix + nm->decimal + nm->remc;
    int64_t minw = f->fill == '0' && f->align == '=' ? f->width - fixed : 0;
    int g = f->sep ? f->group : 0;
    if (minw > (int64_t)SP_MAX_ALLOC) return sp_nomem(b->vm), false;
    int64_t ng = nm->ndigits ? group_len(nm->ndigits, minw, g) : 0;
    int64_t pad = f->width - (fixed + ng), lpad = 0, spad = 0, rpad = 0;
    if (pad > 0) {
        switch (f->align) {
        case '<': rpad = pad; break;
        case '^': lpad = pad / 2; rpad = pad - lpad; break;
        case '=': spad = pad; break;
        default: lpad = pad; break;
        }
    }
    size_t padb;
    if (!sp_size_mul(b->vm, (size_t)(pad > 0 ? pad : 0), (size_t)f->fillb, &padb)) return false;
    size_t total = padb + (size_t)(fixed - nm->remc + nm->remb + ng);
    if (!sp_buf_reserve(b, total)) return false;
    char *p = put_fill(b->p + b->n, f, lpad);
    if (sign) *p++ = sign;
    if (nm->nprefix) memcpy(p, nm->prefix, (size_t)nm->nprefix);
    p = put_fill(p + nm->nprefix, f, spad);
    if (ng) group_fill(nm->digits, nm->ndigits, minw, g, f->sep, p + ng);
    p += ng;
    if (nm->decimal) *p++ = '.';
    if (nm->remb) memcpy(p, nm->rem, (size_t)nm->remb);
    p = put_fill(p + nm->remb, f, rpad);
    b->n = (size_t)(p - b->p);
    return true;
}

/* ------------------------------------------------------------ floats */

/* The layout of x into a temporary (stack or heap) buffer. */
typedef struct TmpStr {
    char *p;
    size_t n, cap;
    char small[128];
} TmpStr;

static bool tmp_double(sp_VM *vm, TmpStr *t, double x, char code, int64_t prec, int flags,
                       size_t extra) {
    sp_Digits dg;
    bool upper;
    char c = code_digits(x, code, &prec, &upper, &dg);
    t->n = layout(&dg, c, upper, prec, flags, NULL);
    t->cap = 0;
    t->p = t->small;
    extra++; /* layout writes a trailing '.' before dropping it */
    if (t->n + extra > sizeof t->small) {
        t->p = sp_malloc(vm, t->n + extra);
        if (!t->p) return false;
        t->cap = t->n + extra;
    }
    layout(&dg, c, upper, prec, flags, t->p);
    return true;
}

static void tmp_free(sp_VM *vm, TmpStr *t) {
    if (t->cap) sp_free(vm, t->p, t->cap);
}

/* format_float_internal */
static bool fmt_float(sp_VM *vm, sp_Buf *b, double x, const Spec *f) {
    if (f->prec > INT_MAX) return raise_msg(vm, &sp_t_ValueError, "precision too big"), false;
    int flags = (f->alt ? SP_DTSF_ALT : 0) | (f->no_neg_0 ? SP_DTSF_NO_NEG_0 : 0);
    char type = (char)f->type;
    int64_t prec = f->prec, dprec = 6;
    if (type == 0) {
        flags |= SP_DTSF_ADD_DOT_0;
        type = 'r';
        dprec = 0;
    }
    if (type == 'n') type = 'g';
    bool pct = type == '%';
    if (pct) type = 'f', x *= 100;
    if (prec < 0) prec = dprec;
    else if (type == 'r') type = 'g';
    TmpStr t;
    if (!tmp_double(vm, &t, x, type, prec, flags, 1)) return false;
    if (pct) t.p[t.n++] = '%';
    bool ok;
    if (f->sign != '+' && f->sign != ' ' && f->width == -1 && f->type != 'n' && !f->sep) {
        ok = sp_buf_add(b, t.p, t.n);
    } else {
        Num nm = {0};
        const char *s = t.p, *e = t.p + t.n;
        if (*s == '-') nm.sign = '-', s++;
        nm.digits = s;
        while (s < e && *s >= '0' && *s <= '9') s++;
        nm.ndigits = s - nm.digits;
        nm.decimal = s < e && *s == '.';
        nm.rem = s + nm.decimal;
        nm.remb = nm.remc = e - nm.rem;
        ok = render_num(b, f, &nm);
    }
    tmp_free(vm, &t);
    return ok;
}

sp_Value sp_format_float(sp_VM *vm, double d, sp_Str *spec) {
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok;
    if (spec->len == 0) {
        ok = sp_buf_double(&b, d, 'r', 0, SP_DTSF_ADD_DOT_0);
    } else {
        Spec f;
        if (!spec_parse(vm, spec, 0, '>', "float", &f)) return SP_ERRV;
        switch (f.type) {
        case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
            ok = fmt_float(vm, &b, d, &f);
            break;
        default: return unknown_type(vm, f.type, "float");
        }
    }
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

/* -------------------------------------------------------------- ints */

/* Digits of |v| in base (no sign, no prefix).  Small ints are converted
 * here; big ones through sp_int_to_str (which applies the 4300-digit limit
 * in base 10), keeping that string alive in *hold. */
typedef struct IntDigits {
    char small[72];
    const char *p;
    int64_t n;
    bool neg;
    sp_Value hold;
} IntDigits;

static bool int_digits(sp_VM *vm, sp_Value v, int base, bool upper, IntDigits *o) {
    const char *xd = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    o->hold = SP_NULLV;
    if (sp_isint(v) || sp_isbool(v)) {
        o->neg = v.u.i < 0;
        uint64_t u = o->neg ? 0 - (uint64_t)v.u.i : (uint64_t)v.u.i;
        char *p = o->small + sizeof o->small;
        do *--p = xd[u % (unsigned)base]; while ((u /= (unsigned)base) != 0);
        o->p = p;
        o->n = o->small + sizeof o->small - p;
        return true;
    }
    sp_Value s = sp_int_to_str(vm, v, base);
    if (sp_iserr(s)) return false;
    o->hold = s;
    const char *p = SP_STR(s)->data, *e = p + SP_STR(s)->len;
    o->neg = *p == '-';
    p += o->neg;
    if (e - p > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'o' || p[1] == 'b')) p += 2;
    o->p = p;
    o->n = e - p;
    if (upper) { /* our own copy: the str is immutable */
        char *q = sp_malloc(vm, (size_t)o->n);
        if (!q) return false;
        for (int64_t i = 0; i < o->n; i++) q[i] = p[i] >= 'a' && p[i] <= 'f' ? p[i] - 32 : p[i];
        o->p = q;
    }
    return true;
}

static void int_digits_free(sp_VM *vm, IntDigits *o, bool upper) {
    if (upper && !sp_isnull(o->hold)) sp_free(vm, (char *)o->p, (size_t)o->n);
}

static int int_base(uint32_t type) {
    return type == 'b' ? 2 : type == 'o' ? 8 : type == 'x' || type == 'X' ? 16 : 10;
}

/* format(i, 'c'): the number as a character, laid out as a remainder. */
static bool fmt_intchar(sp_VM *vm, sp_Buf *b, sp_Value v, const Spec *f) {
    if (f->sign) return raise_msg(vm, &sp_t_ValueError, "Sign not allowed with integer format specifier 'c'"), false;
    if (f->alt)
        return raise_msg(vm, &sp_t_ValueError,
                         "Alternate form (#) not allowed with integer format specifier 'c'"), false;
    if (!sp_isint(v) && !sp_isbool(v))
        return raise_msg(vm, &sp_t_OverflowError, "Python int too large to convert to C long"), false;
    if (v.u.i < 0 || v.u.i > 0x10ffff)
        return raise_msg(vm, &sp_t_OverflowError, "%c arg not in range(0x110000)"), false;
    sp_Buf u;
    sp_buf_init(vm, &u);
    if (!sp_buf_addcp(&u, (uint32_t)v.u.i)) return false;
    Num nm = {0};
    nm.rem = u.p;
    nm.remb = (int64_t)u.n;
    nm.remc = 1;
    bool ok = render_num(b, f, &nm);
    sp_buf_free(&u);
    return ok;
}

/* format_long_internal */
static bool fmt_int(sp_VM *vm, sp_Buf *b, sp_Value v, const Spec *f) {
    if (f->prec != -1)
        return raise_msg(vm, &sp_t_ValueError, "Precision not allowed in integer format specifier"), false;
    if (f->no_neg_0)
        return raise_msg(vm, &sp_t_ValueError,
                         "Negative zero coercion (z) not allowed in integer format specifier"), false;
    if (f->type == 'c') return fmt_intchar(vm, b, v, f);
    int base = int_base(f->type);
    bool upper = f->type == 'X';
    IntDigits d;
    if (!int_digits(vm, v, base, upper, &d)) return false;
    static const char *const pre[] = {"0b", "0o", "0x", "0X"};
    Num nm = {0};
    nm.sign = d.neg ? '-' : 0;
    if (f->alt && base != 10) {
        nm.prefix = pre[base == 2 ? 0 : base == 8 ? 1 : upper ? 3 : 2];
        nm.nprefix = 2;
    }
    nm.digits = d.p;
    nm.ndigits = d.n;
    Spec g = *f;
    if (f->type == 'n') g.sep = 0; /* the C locale does not group */
    bool ok = render_num(b, &g, &nm);
    int_digits_free(vm, &d, upper);
    return ok;
}

sp_Value sp_format_int(sp_VM *vm, sp_Value v, sp_Str *spec) {
    if (spec->len == 0) return sp_str(vm, v);
    const char *tname = sp_isbool(v) ? "bool" : "int";
    Spec f;
    if (!spec_parse(vm, spec, 'd', '>', tname, &f)) return SP_ERRV;
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok;
    double d;
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        if ((sp_isint(v) || sp_isbool(v)) && f.type != 'c' && f.width < 48) {
            /* f"{i:05d}": at most 64 digits and 48 fill characters of 4
             * bytes, so the layout fits a stack buffer that render_num's
             * reserve never has to grow (the str is made from it directly) */
            char small[320];
            b.p = small;
            b.cap = sizeof small;
            if (!fmt_int(vm, &b, v, &f)) return SP_ERRV;
            return sp_str_new(vm, small, b.n);
        }
        ok = fmt_int(vm, &b, v, &f);
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        ok = sp_int_to_double(vm, v, &d) && fmt_float(vm, &b, d, &f);
        break;
    default: return unknown_type(vm, f.type, tname);
    }
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

/* -------------------------------------------------------------- str */

/* Byte length of the first k code points of s[0..n). */
static size_t utf8_prefix(const char *s, size_t n, int64_t k) {
    size_t i = 0;
    for (; i < n && k > 0; k--) {
        i++;
        while (i < n && ((uint8_t)s[i] & 0xC0) == 0x80) i++;
    }
    return i;
}

/* Pad text (nb bytes, nc code points) to the width per align. */
static bool pad_text(sp_Buf *b, const Spec *f, const char *s, size_t nb, int64_t nc) {
    int64_t total = f->width > nc ? f->width : nc;
    int64_t lpad = f->align == '>' ? total - nc : f->align == '^' ? (total - nc) / 2 : 0;
    int64_t rpad = total - nc - lpad;
    size_t padb;
    if (!sp_size_mul(b->vm, (size_t)(total - nc), (size_t)f->fillb, &padb)) return false;
    if (!sp_buf_reserve(b, padb + nb)) return false;
    char *p = put_fill(b->p + b->n, f, lpad);
    memcpy(p, s, nb);
    p = put_fill(p + nb, f, rpad);
    b->n = (size_t)(p - b->p);
    return true;
}

/* format_string_internal */
sp_Value sp_format_str(sp_VM *vm, sp_Str *s, sp_Str *spec) {
    if (spec->len == 0) return sp_objv(s);
    Spec f;
    if (!spec_parse(vm, spec, 's', '<', "str", &f)) return SP_ERRV;
    if (f.type != 's') return unknown_type(vm, f.type, "str");
    if (f.sign == ' ') return raise_msg(vm, &sp_t_ValueError, "Space not allowed in string format specifier");
    if (f.sign) return raise_msg(vm, &sp_t_ValueError, "Sign not allowed in string format specifier");
    if (f.no_neg_0)
        return raise_msg(vm, &sp_t_ValueError,
                         "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alt)
        return raise_msg(vm, &sp_t_ValueError, "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=')
        return raise_msg(vm, &sp_t_ValueError, "'=' alignment not allowed in string format specifier");
    int64_t nc = (int64_t)s->clen;
    if ((f.width == -1 || f.width <= nc) && (f.prec == -1 || f.prec >= nc)) return sp_objv(s);
    size_t nb = s->len;
    if (f.prec >= 0 && nc > f.prec) {
        nc = f.prec;
        nb = s->ascii ? (size_t)nc : utf8_prefix(s->data, s->len, nc);
    }
    if (f.width > (int64_t)SP_MAX_ALLOC) return sp_nomem(vm), SP_ERRV;
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!pad_text(&b, &f, s->data, nb, nc)) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

/* ========================================================= str % args */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

/* PyUnicode_Format's state.  cnt is CPython's fmtcnt: the code points left
 * to read; reading past the end yields 0 (CPython reads the NUL). */
typedef struct Pct {
    sp_VM *vm;
    const char *s;
    size_t n, pos;        /* the format's bytes, current byte offset */
    int64_t clen, cpos, cnt;
    sp_Value args, dict;  /* dict: SP_NULL unless args is a mapping */
    int64_t arglen, argidx;
    bool args_pinned;
    bool bytes;           /* bytes % args: the format and the result are bytes */
    sp_Buf out;
} Pct;

typedef struct PArg {
    uint32_t ch;
    int flags;
    int64_t width, prec;
    bool sign; /* a number: sign and zero padding apply */
} PArg;

/* The character at pos: a code point, or a byte for bytes formats. */
static uint32_t pct_at(Pct *c, size_t *l) {
    if (!c->bytes) return cp_at(c->s, c->n, c->pos, l);
    *l = c->pos < c->n;
    return *l ? (uint8_t)c->s[c->pos] : 0;
}
static uint32_t pk(Pct *c) {
    size_t l;
    return pct_at(c, &l);
}
static uint32_t rd(Pct *c) { /* FORMAT_READ, then fmtpos++ */
    size_t l;
    uint32_t ch = pct_at(c, &l);
    c->pos += l ? l : 1;
    c->cpos++;
    return ch;
}

static sp_Value nextarg(Pct *c) {
    if (c->argidx < c->arglen) {
        int64_t i = c->argidx++;
        return c->arglen < 0 ? c->args : SP_TUPLE(c->args)->items[i];
    }
    return raise_msg(c->vm, &sp_t_TypeError, "not enough arguments for format string");
}

static bool pct_fail(sp_VM *vm, sp_Type *t, const char *msg) { return raise_msg(vm, t, msg), false; }

/* '*' width or precision: an int from the arguments. */
static bool pct_star(Pct *c, int64_t *out, int64_t lo, int64_t hi, const char *ctype) {
    sp_Value v = nextarg(c);
    if (sp_iserr(v)) return false;
    if (!sp_isintlike(v)) return pct_fail(c->vm, &sp_t_TypeError, "* wants int");
    if ((!sp_isint(v) && !sp_isbool(v)) || v.u.i < lo || v.u.i > hi) {
        sp_raise(c->vm, &sp_t_OverflowError, "Python int too large to convert to C %s", ctype);
        return false;
    }
    *out = v.u.i;
    return true;
}

/* "%(key)": the argument becomes mapping[key]. */
static bool pct_key(Pct *c) {
    sp_VM *vm = c->vm;
    if (sp_isnull(c->dict)) return pct_fail(vm, &sp_t_TypeError, "format requires a mapping");
    rd(c);
    c->cnt--;
    size_t start = c->pos;
    int pcount = 1;
    while (pcount > 0 && --c->cnt >= 0) {
        uint32_t ch = rd(c);
        pcount += ch == '(' ? 1 : ch == ')' ? -1 : 0;
    }
    if (c->cnt < 0 || pcount > 0) return pct_fail(vm, &sp_t_ValueError, "incomplete format key");
    size_t klen = c->pos - 1 - start;
    sp_Value key = c->bytes ? sp_bytes_new(vm, c->s + start, klen) : sp_str_new(vm, c->s + start, klen);
    if (sp_iserr(key) || !sp_pin(vm, key)) return false;
    sp_Value v = sp_getitem(vm, c->dict, key);
    sp_unpin(vm, 1);
    if (sp_iserr(v)) return false;
    if (c->args_pinned) sp_unpin(vm, 1);
    c->args_pinned = sp_pin(vm, v);
    if (!c->args_pinned) return false;
    c->args = v;
    c->arglen = -1;
    c->argidx = -2;
    return true;
}

/* Decimal digits of a width/precision written in the format; ch holds the
 * first digit on entry and the character after the number on return. */
static bool pct_number(Pct *c, uint32_t *ch, int64_t *out, int64_t max, const char *toobig) {
    int64_t v = *ch - '0';
    while (--c->cnt >= 0) {
        *ch = rd(c);
        if (*ch < '0' || *ch > '9') break;
        if (v > (max - (int64_t)(*ch - '0')) / 10) return pct_fail(c->vm, &sp_t_ValueError, toobig);
        v = v * 10 + (*ch - '0');
    }
    *out = v;
    return true;
}

static bool pct_width(Pct *c, PArg *a) {
    if (a->ch == '*') {
        if (!pct_star(c, &a->width, INT64_MIN, INT64_MAX, "ssize_t")) return false;
        if (a->width < 0) {
            a->flags |= F_LJUST;
            /* CPython's negation of PY_SSIZE_T_MIN wraps: no padding at all */
            a->width = a->width == INT64_MIN ? 0 : -a->width;
        }
        if (--c->cnt >= 0) a->ch = rd(c);
    } else if (a->ch >= '0' && a->ch <= '9') {
        return pct_number(c, &a->ch, &a->width, INT64_MAX, "width too big");
    }
    return true;
}

static bool pct_prec(Pct *c, PArg *a) {
    if (a->ch != '.') return true;
    a->prec = 0;
    if (--c->cnt >= 0) a->ch = rd(c);
    if (a->ch == '*') {
        if (!pct_star(c, &a->prec, INT_MIN, INT_MAX, "int")) return false;
        if (a->prec < 0) a->prec = 0;
        if (--c->cnt >= 0) a->ch = rd(c);
    } else if (a->ch >= '0' && a->ch <= '9') {
        return pct_number(c, &a->ch, &a->prec, INT_MAX, "precision too big");
    }
    return true;
}

/* unicode_format_arg_parse: [(key)][flags][width][.prec][hlL]type */
static bool pct_parse(Pct *c, PArg *a) {
    a->ch = pk(c);
    if (a->ch == '(' && !pct_key(c)) return false;
    while (--c->cnt >= 0) {
        a->ch = rd(c);
        int fl = a->ch == '-' ? F_LJUST : a->ch == '+' ? F_SIGN : a->ch == ' ' ? F_BLANK
                 : a->ch == '#' ? F_ALT : a->ch == '0' ? F_ZERO : 0;
        if (!fl) break;
        a->flags |= fl;
    }
    if (!pct_width(c, a) || !pct_prec(c, a)) return false;
    if (c->cnt >= 0 && (a->ch == 'h' || a->ch == 'l' || a->ch == 'L') && --c->cnt >= 0)
        a->ch = rd(c);
    if (c->cnt < 0) return pct_fail(c->vm, &sp_t_ValueError, "incomplete format");
    return true;
}

/* unicode_format_arg_output: sign, "0x" prefix, padding. */
static bool pct_output(Pct *c, const PArg *a, const char *s, size_t nb, int64_t nc) {
    sp_Buf *b = &c->out;
    char fill = a->sign && (a->flags & F_ZERO) ? '0' : ' ';
    int64_t len = nc, width = a->width;
    if ((width == -1 || width <= len) && (a->prec == -1 || a->prec >= len) &&
        !(a->flags & (F_SIGN | F_BLANK)))
        return sp_buf_add(b, s, nb);
    if ((a->ch == 's' || a->ch == 'r' || a->ch == 'a') && a->prec >= 0 && len > a->prec) {
        len = a->prec;
        nb = utf8_prefix(s, nb, len);
    }
    char signchar = 0;
    bool sign = a->sign, pfx = (a->flags & F_ALT) && (a->ch == 'x' || a->ch == 'X' || a->ch == 'o');
    if (sign) {
        if (*s == '-' || *s == '+') signchar = *s++, nb--, len--;
        else if (a->flags & F_SIGN) signchar = '+';
        else if (a->flags & F_BLANK) signchar = ' ';
        else sign = false;
    }
    if (width < len) width = len;
    if (width > (int64_t)SP_MAX_ALLOC) return sp_nomem(c->vm), false;
    if (!sp_buf_reserve(b, (size_t)width + nb + 1)) return false;
    if (sign) {
        if (fill != ' ') b->p[b->n++] = signchar;
        if (width > len) width--;
    }
    if (pfx) {
        if (fill != ' ') sp_buf_add(b, s, 2), s += 2, nb -= 2;
        width = width < 2 ? 0 : width - 2;
        len -= 2;
    }
    if (width > len && !(a->flags & F_LJUST)) {
        memset(b->p + b->n, fill, (size_t)(width - len));
        b->n += (size_t)(width - len);
        width = len;
    }
    if (fill == ' ' && sign) b->p[b->n++] = signchar;
    if (fill == ' ' && pfx) sp_buf_add(b, s, 2), s += 2, nb -= 2;
    sp_buf_add(b, s, nb); /* reserved above: cannot fail */
    if (width > len) {
        memset(b->p + b->n, ' ', (size_t)(width - len));
        b->n += (size_t)(width - len);
    }
    return true;
}

/* bytes % args: %s/%b take bytes as they are, %r/%a the ascii() text. */
static bool pct_bytes_text(Pct *c, const PArg *a, sp_Value v) {
    if (a->ch == 's' || a->ch == 'b') {
        if (sp_istype(sp_unbox(v), &sp_t_bytes)) v = sp_unbox(v); /* a bytes subclass */
        if (!sp_istype(v, &sp_t_bytes))
            return sp_raise(c->vm, &sp_t_TypeError, "%%b requires a bytes-like object, or an object "
                            "that implements __bytes__, not '%T'", v), false;
        sp_Bytes *bv = SP_BYTES(v);
        return pct_output(c, a, (const char *)bv->data, bv->len, (int64_t)bv->len);
    }
    sp_Value s = sp_ascii(c->vm, v);
    if (sp_iserr(s)) return false;
    return pct_output(c, a, SP_STR(s)->data, SP_STR(s)->len, (int64_t)SP_STR(s)->len);
}

static bool pct_text(Pct *c, const PArg *a, sp_Value v) {
    if (c->bytes) return pct_bytes_text(c, a, v);
    sp_Value s = sp_isstr(v) && a->ch == 's' ? v
                 : a->ch == 's' ? sp_str(c->vm, v) : a->ch == 'r' ? sp_repr(c->vm, v) : sp_ascii(c->vm, v);
    if (sp_iserr(s)) return false;
    return pct_output(c, a, SP_STR(s)->data, SP_STR(s)->len, (int64_t)SP_STR(s)->clen);
}

/* mainformatlong + _PyUnicode_FormatLong */
static bool pct_int(Pct *c, PArg *a, sp_Value v) {
    sp_VM *vm = c->vm;
    uint32_t t = a->ch;
    bool hexoct = t == 'o' || t == 'x' || t == 'X';
    if (sp_isfloat(v) && !hexoct) {
        v = sp_int_from_double(vm, v.u.f);
        if (sp_iserr(v)) return false;
    } else if (!sp_isintlike(v)) {
        sp_raise(vm, &sp_t_TypeError, "%%%c format: %s is required, not %T", (int)t,
                 hexoct ? "an integer" : "a real number", v);
        return false;
    }
    if (a->prec > INT_MAX - 3) return pct_fail(vm, &sp_t_OverflowError, "precision too large");
    IntDigits d;
    bool upper = t == 'X';
    if (!int_digits(vm, v, t == 'o' ? 8 : hexoct ? 16 : 10, upper, &d)) return false;
    sp_Buf tb;
    sp_buf_init(vm, &tb);
    bool ok = (!d.neg || sp_buf_addc(&tb, '-')) &&
              (!(a->flags & F_ALT) || !hexoct || (sp_buf_addc(&tb, '0') && sp_buf_addc(&tb, (char)t)));
    if (ok && a->prec > d.n && (ok = sp_buf_reserve(&tb, (size_t)(a->prec - d.n)))) {
        memset(tb.p + tb.n, '0', (size_t)(a->prec - d.n));
        tb.n += (size_t)(a->prec - d.n);
    }
    ok = ok && sp_buf_add(&tb, d.p, (size_t)d.n);
    int_digits_free(vm, &d, upper);
    a->sign = true;
    ok = ok && pct_output(c, a, tb.p, tb.n, (int64_t)tb.n);
    sp_buf_free(&tb);
    return ok;
}

static bool pct_float(Pct *c, PArg *a, sp_Value v) {
    double x;
    if (sp_isfloat(v)) x = v.u.f;
    else if (!sp_isintlike(v))
        return sp_raise(c->vm, &sp_t_TypeError, "must be real number, not %T", v), false;
    else if (!sp_int_to_double(c->vm, v, &x)) return false;
    TmpStr t;
    if (!tmp_double(c->vm, &t, x, (char)a->ch, a->prec < 0 ? 6 : a->prec,
                    a->flags & F_ALT ? SP_DTSF_ALT : 0, 0))
        return false;
    a->sign = true;
    bool ok = pct_output(c, a, t.p, t.n, (int64_t)t.n);
    tmp_free(c->vm, &t);
    return ok;
}

static bool pct_byte(Pct *c, PArg *a, sp_Value v) {
    char ch;
    if (sp_istype(v, &sp_t_bytes) && SP_BYTES(v)->len == 1) {
        ch = (char)SP_BYTES(v)->data[0];
    } else if (sp_isintlike(v)) {
        if ((!sp_isint(v) && !sp_isbool(v)) || v.u.i < 0 || v.u.i > 255)
            return pct_fail(c->vm, &sp_t_OverflowError, "%c arg not in range(256)");
        ch = (char)v.u.i;
    } else {
        return pct_fail(c->vm, &sp_t_TypeError, "%c requires an integer in range(256) or a single byte");
    }
    return pct_output(c, a, &ch, 1, 1);
}

static bool pct_char(Pct *c, PArg *a, sp_Value v) {
    if (c->bytes) return pct_byte(c, a, v);
    if (sp_isstr(v) && SP_STR(v)->clen == 1) return pct_output(c, a, SP_STR(v)->data, SP_STR(v)->len, 1);
    if (!sp_isintlike(v)) return pct_fail(c->vm, &sp_t_TypeError, "%c requires int or char");
    if ((!sp_isint(v) && !sp_isbool(v)) || v.u.i < 0 || v.u.i > 0x10ffff)
        return pct_fail(c->vm, &sp_t_OverflowError, "%c arg not in range(0x110000)");
    sp_Buf u;
    sp_buf_init(c->vm, &u);
    bool ok = sp_buf_addcp(&u, (uint32_t)v.u.i) && pct_output(c, a, u.p, u.n, 1);
    sp_buf_free(&u);
    return ok;
}

/* unicode_format_arg_format: the argument is fetched before the type is
 * checked, as CPython ("%y" % () is "not enough arguments"). */
static bool pct_format(Pct *c, PArg *a) {
    sp_Value v = nextarg(c);
    if (sp_iserr(v)) return false;
    if (a->ch == 'b' && c->bytes) return pct_text(c, a, v);
    if (a->ch != 's' && a->ch != 'r' && a->ch != 'a') v = sp_unbox_num(v);
    switch (a->ch) {
    case 's': case 'r': case 'a': return pct_text(c, a, v);
    case 'i': case 'd': case 'u': case 'o': case 'x': case 'X': return pct_int(c, a, v);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': return pct_float(c, a, v);
    case 'c': return pct_char(c, a, v);
    default:
        sp_raise(c->vm, &sp_t_ValueError, "unsupported format character '%c' (0x%x) at index %lld",
                 a->ch >= 31 && a->ch <= 126 ? (int)a->ch : '?', (unsigned)a->ch,
                 (long long)(c->cpos - 1));
        return false;
    }
}

static bool not_all_converted(Pct *c) {
    return pct_fail(c->vm, &sp_t_TypeError, c->bytes ? "not all arguments converted during bytes formatting"
                                                     : "not all arguments converted during string formatting");
}

static bool pct_arg(Pct *c) {
    PArg a = {0, 0, -1, -1, false};
    if (pk(c) == '%') {
        rd(c);
        c->cnt--;
        return sp_buf_addc(&c->out, '%');
    }
    if (!pct_parse(c, &a) || !pct_format(c, &a)) return false;
    if (!sp_isnull(c->dict) && c->argidx < c->arglen) return not_all_converted(c);
    return true;
}

/* Literal text up to the next '%'. */
static bool pct_literal(Pct *c) {
    const char *q = memchr(c->s + c->pos, '%', c->n - c->pos);
    size_t end = q ? (size_t)(q - c->s) : c->n;
    for (size_t i = c->pos; i < end; i++) c->cpos += c->bytes || ((uint8_t)c->s[i] & 0xC0) != 0x80;
    bool ok = sp_buf_add(&c->out, c->s + c->pos, end - c->pos);
    c->pos = end;
    c->cnt = c->clen - c->cpos;
    return ok;
}

static sp_Value percent(sp_VM *vm, const char *s, size_t n, size_t clen, bool bytes, sp_Value args) {
    Pct c;
    memset(&c, 0, sizeof c);
    c.vm = vm;
    c.s = s;
    c.n = n;
    c.clen = c.cnt = (int64_t)clen;
    c.bytes = bytes;
    c.args = args;
    bool tuple = args.tag == SP_OBJ && sp_isinst(args, &sp_t_tuple); /* tuple subclasses too */
    c.arglen = tuple ? (int64_t)SP_TUPLE(args)->n : -1;
    c.argidx = tuple ? 0 : -2;
    /* a mapping, unless a tuple, a str, or bytes for a bytes format (CPython's test) */
    sp_Value ua = sp_unbox(args);
    bool own = sp_isstr(ua) || (bytes && sp_istype(ua, &sp_t_bytes));
    c.dict = !tuple && !own && sp_typeof(args)->getitem ? args : SP_NULLV;
    sp_buf_init(vm, &c.out);
    bool ok = true;
    while (ok && --c.cnt >= 0) {
        if (pk(&c) != '%') {
            ok = pct_literal(&c);
        } else {
            rd(&c);
            ok = pct_arg(&c);
        }
    }
    if (ok && c.argidx < c.arglen && sp_isnull(c.dict)) ok = not_all_converted(&c);
    if (c.args_pinned) sp_unpin(vm, 1);
    if (!ok) return sp_buf_free(&c.out), SP_ERRV;
    if (!bytes) return sp_buf_tostr(&c.out);
    sp_Value r = sp_bytes_new(vm, c.out.p ? c.out.p : "", c.out.n);
    sp_buf_free(&c.out);
    return r;
}

sp_Value sp_str_percent(sp_VM *vm, sp_Str *fmt, sp_Value args) {
    return percent(vm, fmt->data, fmt->len, fmt->clen, false, args);
}

sp_Value sp_bytes_percent(sp_VM *vm, sp_Value fmt, sp_Value args) {
    sp_Bytes *b = SP_BYTES(fmt);
    return percent(vm, (const char *)b->data, b->len, b->len, true, args);
}

/* ================================================ str.format / format_map */

typedef struct FCtx {
    sp_VM *vm;
    const sp_Value *pos;
    int64_t npos;       /* -1: format_map, positional fields are an error */
    const sp_Value *kwv;
    sp_Tuple *kwn;      /* str.format keywords (may be NULL) */
    sp_Value map;       /* format_map's mapping, or SP_NULL */
    int autostate;      /* 0 unknown, 1 automatic, 2 manual numbering */
    int64_t autonext;
} FCtx;

typedef struct Field {
    const char *name, *spec;
    size_t nname, nspec;
    uint32_t conv;  /* 0: none */
    bool expand;    /* the spec holds nested fields */
} Field;

static bool fval(sp_VM *vm, const char *msg) { return raise_msg(vm, &sp_t_ValueError, msg), false; }

/* get_integer: 1 if s is all decimal digits (*out set), 0 if not, -1 error. */
static int field_int(sp_VM *vm, const char *s, size_t n, int64_t *out) {
    if (n == 0) return 0;
    int64_t acc = 0;
    for (size_t i = 0; i < n;) {
        int dv = digit_val(sp_utf8_next(s, &i));
        if (dv < 0) return 0;
        if (acc > (INT64_MAX - dv) / 10) return fval(vm, "Too many decimal digits in format string"), -1;
        acc = acc * 10 + dv;
    }
    *out = acc;
    return 1;
}

/* parse_field: after '{', up to and including the matching '}'. */
static bool parse_field(sp_VM *vm, const char *s, size_t n, size_t *pi, Field *fd) {
    size_t i = *pi, start = i;
    char ch = 0;
    memset(fd, 0, sizeof *fd);
    while (i < n) {
        ch = s[i++];
        if (ch == '{') return fval(vm, "unexpected '{' in field name");
        if (ch == '[') {
            while (i < n && s[i] != ']') i++;
            continue;
        }
        if (ch == '}' || ch == ':' || ch == '!') break;
    }
    fd->name = s + start;
    fd->nname = i > start ? i - 1 - start : 0;
    if (ch != '!' && ch != ':') {
        if (ch != '}') return fval(vm, "expected '}' before end of string");
        return *pi = i, true;
    }
    if (ch == '!') {
        if (i >= n) return fval(vm, "end of string while looking for conversion specifier");
        fd->conv = sp_utf8_next(s, &i);
        if (i < n) {
            ch = s[i++];
            if (ch == '}') return *pi = i, true;
            if (ch != ':') return fval(vm, "expected ':' after conversion specifier");
        }
    }
    fd->spec = s + i;
    for (int depth = 1; i < n;) {
        ch = s[i++];
        if (ch == '{') fd->expand = true, depth++;
        if (ch == '}' && --depth == 0) {
            fd->nspec = (size_t)(s + i - 1 - fd->spec);
            return *pi = i, true;
        }
    }
    return fval(vm, "unmatched '{' in format spec");
}

static sp_Value key_error(sp_VM *vm, sp_Value key) {
    sp_Value t = sp_tuple_pack(vm, 1, &key);
    return sp_iserr(t) ? t : sp_raise_args(vm, &sp_t_KeyError, t);
}

/* obj[key], keeping key alive if user code runs. */
static sp_Value pinned_getitem(sp_VM *vm, sp_Value obj, sp_Value key) {
    if (sp_iserr(key) || !sp_pin(vm, key)) return SP_ERRV;
    sp_Value r = sp_getitem(vm, obj, key);
    sp_unpin(vm, 1);
    return r;
}

static sp_Value field_keyword(FCtx *c, const char *s, size_t n) {
    if (!sp_isnull(c->map)) return pinned_getitem(c->vm, c->map, sp_str_new(c->vm, s, n));
    for (size_t k = 0; c->kwn && k < c->kwn->n; k++) {
        sp_Str *name = SP_STR(c->kwn->items[k]);
        if (name->len == n && memcmp(name->data, s, n) == 0) return c->kwv[k];
    }
    sp_Value key = sp_str_new(c->vm, s, n);
    return sp_iserr(key) ? key : key_error(c->vm, key);
}

static sp_Value field_first(FCtx *c, const char *s, size_t n) {
    int64_t idx;
    int r = field_int(c->vm, s, n, &idx);
    if (r < 0) return SP_ERRV;
    if (n > 0 && r == 0) return field_keyword(c, s, n);
    if (c->autostate == 0) c->autostate = n == 0 ? 1 : 2;
    if (c->autostate == 2 && n == 0)
        return raise_msg(c->vm, &sp_t_ValueError,
                         "cannot switch from manual field specification to automatic field numbering");
    if (c->autostate == 1 && n > 0)
        return raise_msg(c->vm, &sp_t_ValueError,
                         "cannot switch from automatic field numbering to manual field specification");
    if (n == 0) idx = c->autonext++;
    if (c->npos < 0) return raise_msg(c->vm, &sp_t_ValueError, "Format string contains positional fields");
    if (idx >= c->npos)
        return sp_raise(c->vm, &sp_t_IndexError,
                        "Replacement index %lld out of range for positional args tuple", (long long)idx);
    return c->pos[idx];
}

/* One ".name" or "[key]" step of a field name at s[*i]. */
static sp_Value field_step(FCtx *c, const char *s, size_t n, size_t *i, sp_Value obj) {
    sp_VM *vm = c->vm;
    char ch = s[(*i)++];
    size_t st = *i;
    if (ch == '.') {
        while (*i < n && s[*i] != '.' && s[*i] != '[') ++*i;
        if (*i == st) return fval(vm, "Empty attribute in format string"), SP_ERRV;
        sp_Value name = sp_str_intern(vm, s + st, *i - st);
        return sp_iserr(name) ? name : sp_getattr(vm, obj, SP_STR(name));
    }
    if (ch != '[')
        return fval(vm, "Only '.' or '[' may follow ']' in format field specifier"), SP_ERRV;
    while (*i < n && s[*i] != ']') ++*i;
    if (*i >= n) return fval(vm, "Missing ']' in format string"), SP_ERRV;
    size_t end = (*i)++;
    int64_t idx;
    int r = field_int(vm, s + st, end - st, &idx);
    if (r < 0) return SP_ERRV;
    if (end == st) return fval(vm, "Empty attribute in format string"), SP_ERRV;
    return pinned_getitem(vm, obj, r ? sp_int(idx) : sp_str_new(vm, s + st, end - st));
}

/* get_field_object; on success the result is pinned (one pin). */
static bool get_field(FCtx *c, const char *s, size_t n, sp_Value *out) {
    size_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[') i++;
    sp_Value obj = field_first(c, s, i);
    if (sp_iserr(obj) || !sp_pin(c->vm, obj)) return false;
    while (i < n) {
        sp_Value next = field_step(c, s, n, &i, obj);
        sp_unpin(c->vm, 1);
        if (sp_iserr(next) || !sp_pin(c->vm, next)) return false;
        obj = next;
    }
    *out = obj;
    return true;
}

static sp_Value convert(sp_VM *vm, sp_Value v, uint32_t conv) {
    switch (conv) {
    case 'r': return sp_repr(vm, v);
    case 's': return sp_str(vm, v);
    case 'a': return sp_ascii(vm, v);
    default: break;
    }
    if (conv > 32 && conv < 127)
        return sp_raise(vm, &sp_t_ValueError, "Unknown conversion specifier %c", (int)conv);
    return sp_raise(vm, &sp_t_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
}

static bool render_field(sp_VM *vm, sp_Buf *out, sp_Value v, sp_Str *spec) {
    if (!(sp_isstr(v) && spec->len == 0)) v = sp_format(vm, v, spec);
    if (sp_iserr(v)) return false;
    return sp_buf_add(out, SP_STR(v)->data, SP_STR(v)->len);
}

static bool build(FCtx *c, sp_Buf *out, const char *s, size_t n, int depth);

/* output_markup: every intermediate value stays pinned while user code
 * (__format__, __getattr__, __repr__) may run. */
static bool markup(FCtx *c, sp_Buf *out, const Field *fd, int depth) {
    sp_VM *vm = c->vm;
    sp_Value obj, spec;
    if (!get_field(c, fd->name, fd->nname, &obj)) return false;
    size_t pins = 1;
    bool ok = false;
    if (fd->conv) {
        obj = convert(vm, obj, fd->conv);
        if (sp_iserr(obj) || !sp_pin(vm, obj)) goto done;
        pins++;
    }
    if (fd->expand) {
        sp_Buf sb;
        sp_buf_init(vm, &sb);
        if (!build(c, &sb, fd->spec, fd->nspec, depth - 1)) {
            sp_buf_free(&sb);
            goto done;
        }
        spec = sp_buf_tostr(&sb);
    } else {
        spec = sp_str_new(vm, fd->spec, fd->nspec);
    }
    if (sp_iserr(spec) || !sp_pin(vm, spec)) goto done;
    pins++;
    ok = render_field(vm, out, obj, SP_STR(spec));
done:
    sp_unpin(vm, pins);
    return ok;
}

/* build_string + MarkupIterator: literal text, "{{" / "}}", fields. */
static bool build(FCtx *c, sp_Buf *out, const char *s, size_t n, int depth) {
    if (depth <= 0) return fval(c->vm, "Max string recursion exceeded");
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        char ch = 0;
        while (i < n && (ch = s[i++]) != '{' && ch != '}') {}
        bool at_end = i >= n, field = ch == '{' || ch == '}';
        size_t len = i - start;
        if (ch == '}' && (at_end || s[i] != '}')) return fval(c->vm, "Single '}' encountered in format string");
        if (at_end && ch == '{') return fval(c->vm, "Single '{' encountered in format string");
        if (!at_end) {
            if (s[i] == ch) i++, field = false;
            else len--;
        }
        if (!sp_buf_add(out, s + start, len)) return false;
        if (!field) continue;
        Field fd;
        if (!parse_field(c->vm, s, n, &i, &fd) || !markup(c, out, &fd, depth)) return false;
    }
    return true;
}

static sp_Value do_format(sp_VM *vm, sp_Value self, const char *name, FCtx *c) {
    if (!sp_isstr(self))
        return sp_raise(vm, &sp_t_TypeError, "descriptor '%s' for 'str' objects doesn't apply to a '%T' object",
                        name, self);
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!build(c, &b, SP_STR(self)->data, SP_STR(self)->len, 2)) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

sp_Value sp_strmeth_format(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kwnames) {
    if (nargs < 1) return raise_msg(vm, &sp_t_TypeError, "unbound method str.format() needs an argument");
    FCtx c = {vm, args + 1, nargs - 1, args + nargs, kwnames, SP_NULLV, 0, 0};
    return do_format(vm, args[0], "format", &c);
}

sp_Value sp_strmeth_format_map(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kwnames) {
    if (kwnames && kwnames->n)
        return raise_msg(vm, &sp_t_TypeError, "str.format_map() takes no keyword arguments");
    if (nargs != 2)
        return sp_raise(vm, &sp_t_TypeError, "str.format_map() takes exactly one argument (%d given)",
                        nargs - 1);
    FCtx c = {vm, NULL, -1, NULL, NULL, args[1], 0, 0};
    return do_format(vm, args[0], "format_map", &c);
}
