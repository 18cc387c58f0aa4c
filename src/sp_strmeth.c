/* sp_strmeth.c - the methods of str, and the split/strip/replace engines
 * shared with bytes.  Argument errors follow CPython 3.11 exactly, which
 * means several calling conventions: "find() takes at least 1 argument",
 * "replace expected at least 2 arguments", "str.join() takes exactly one
 * argument" - each method uses the helper matching CPython's. */
#include "sp_strimpl.h"

#include <stdio.h>
#include <stdlib.h>

#define SELF (SP_STR(args[0]))
#define EMPTY_STR(vm) sp_str_from(vm, "", 0, 0)

static sp_Value mk_str(sp_VM *vm, const char *p, size_t n) { return sp_str_new(vm, p, n); }
/* A piece of an ASCII str is ASCII: no need to count code points. */
static sp_Value mk_ascii(sp_VM *vm, const char *p, size_t n) { return sp_str_from(vm, p, n, n); }
static sp_MakeFn piece_maker(const sp_Str *s) { return s->ascii ? mk_ascii : mk_str; }

static bool no_args(sp_VM *vm, const char *name, int nargs, sp_Tuple *kw) {
    return sp_arg_none(vm, "str", name, nargs, kw);
}
static bool one_arg(sp_VM *vm, const char *name, int nargs, sp_Tuple *kw) {
    return sp_arg_one(vm, "str", name, nargs, kw);
}
static bool pos_args(sp_VM *vm, const char *name, int nargs, sp_Tuple *kw, int min, int max) {
    return sp_arg_pos(vm, "str", name, nargs, kw, min, max);
}

bool sp_arg_cint(sp_VM *vm, sp_Value v, int64_t *out) {
    if (!sp_istype(v, &sp_t_bigint_) && !sp_arg_ssize(vm, v, out)) return false;
    if (sp_istype(v, &sp_t_bigint_) || *out > INT32_MAX || *out < INT32_MIN) {
        sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    return true;
}

static bool need_str(sp_VM *vm, sp_Value v) {
    if (sp_isstr(v)) return true;
    sp_raise(vm, &sp_t_TypeError, "must be str, not %s", sp_typename(v));
    return false;
}

/* ------------------------------------------------------ case mapping */

static inline bool is_ignorable(uint32_t c) { return sp_uni_has(c, SP_U_CASE_IGNORABLE); }

/* Greek capital sigma lowers to final form at the end of a cased word
 * (CPython's handle_capital_sigma; the scans stop at the first non
 * case-ignorable character, so a whole string stays linear). */
static uint32_t sigma_lower(const char *p, size_t n, size_t at, size_t clen_here) {
    size_t j = at, k;
    uint32_t c = 0;
    bool found = false;
    while (j > 0) {
        j = sp_unit_before(p, j, true);
        c = sp_unit_at(p, j, true, &k);
        if (!is_ignorable(c)) {
            found = true;
            break;
        }
    }
    if (!found || !sp_uni_has(c, SP_U_CASED)) return 0x3C3;
    for (j = at + clen_here; j < n; j += k) {
        c = sp_unit_at(p, j, true, &k);
        if (!is_ignorable(c)) return sp_uni_has(c, SP_U_CASED) ? 0x3C3 : 0x3C2;
    }
    return 0x3C2;
}

static int lower_at(const char *p, size_t n, size_t at, size_t k, uint32_t c, uint32_t out[3]) {
    if (c == 0x3A3) {
        out[0] = sigma_lower(p, n, at, k);
        return 1;
    }
    return sp_uni_map(c, SP_UMAP_LOWER, out);
}

void sp_ascii_convert(const char *src, char *dst, size_t n, int mode) {
    if (mode == SP_CASE_UPPER || mode == SP_CASE_LOWER || mode == SP_CASE_CASEFOLD) {
        /* the common cases: one flag per byte, no per-mode switch */
        char lo = mode == SP_CASE_UPPER ? 'a' : 'A';
        for (size_t i = 0; i < n; i++) {
            char c = src[i];
            dst[i] = (char)((unsigned char)(c - lo) < 26 ? c ^ 0x20 : c);
        }
        return;
    }
    bool prev = false; /* previous unit cased (title) / not first (capitalize) */
    for (size_t i = 0; i < n; i++) {
        char c = src[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z', to_lower;
        switch (mode) {
        case SP_CASE_UPPER: to_lower = false; break;
        case SP_CASE_LOWER: case SP_CASE_CASEFOLD: to_lower = true; break;
        case SP_CASE_SWAPCASE: to_lower = up; break;
        default: to_lower = prev; break;
        }
        prev = mode == SP_CASE_CAPITALIZE || up || lo;
        dst[i] = to_lower && up ? (char)(c + 32) : !to_lower && lo ? (char)(c - 32) : c;
    }
}

/* Full mapping of the character c at byte i (k bytes) under mode. */
static int map_char(const sp_Str *s, size_t i, size_t k, uint32_t c, int mode, bool *prev,
                    uint32_t out[3]) {
    unsigned fl = sp_uni_rec(c)->flags;
    switch (mode) {
    case SP_CASE_UPPER: return sp_uni_map(c, SP_UMAP_UPPER, out);
    case SP_CASE_LOWER: return lower_at(s->data, s->len, i, k, c, out);
    case SP_CASE_CASEFOLD: return sp_uni_map(c, SP_UMAP_FOLD, out);
    case SP_CASE_SWAPCASE:
        if (fl & SP_U_UPPER) return lower_at(s->data, s->len, i, k, c, out);
        if (fl & SP_U_LOWER) return sp_uni_map(c, SP_UMAP_UPPER, out);
        out[0] = c;
        return 1;
    default: { /* title, capitalize */
        bool was = *prev;
        *prev = mode == SP_CASE_CAPITALIZE || (fl & SP_U_CASED);
        return was ? lower_at(s->data, s->len, i, k, c, out) : sp_uni_map(c, SP_UMAP_TITLE, out);
    }
    }
}

static sp_Value convert_case(sp_VM *vm, sp_Str *s, int mode) {
    if (s->ascii) {
        sp_Str *r = sp_str_alloc(vm, s->len, s->clen);
        if (!r) return SP_ERRV;
        sp_ascii_convert(s->data, r->data, s->len, mode);
        return sp_objv(r);
    }
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!sp_buf_reserve(&b, s->len)) return SP_ERRV;
    size_t clen = 0;
    bool prev = false;
    for (size_t i = 0, k; i < s->len; i += k) {
        uint32_t c = sp_unit_at(s->data, i, true, &k), out[3];
        int n = map_char(s, i, k, c, mode, &prev, out);
        for (int j = 0; j < n; j++)
            if (!sp_buf_addcp(&b, out[j])) return sp_buf_free(&b), SP_ERRV;
        clen += (size_t)n;
    }
    sp_Value r = sp_str_from(vm, b.p, b.n, clen);
    sp_buf_free(&b);
    return r;
}

#define CASE_METHOD(name, mode)                                                    \
    static sp_Value str_##name(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) { \
        if (!no_args(vm, #name, nargs, kw)) return SP_ERRV;                        \
        return convert_case(vm, SELF, mode);                                       \
    }
CASE_METHOD(upper, SP_CASE_UPPER)
CASE_METHOD(lower, SP_CASE_LOWER)
CASE_METHOD(title, SP_CASE_TITLE)
CASE_METHOD(capitalize, SP_CASE_CAPITALIZE)
CASE_METHOD(swapcase, SP_CASE_SWAPCASE)
CASE_METHOD(casefold, SP_CASE_CASEFOLD)

/* ------------------------------------------------------- predicates */

/* Property flags of a unit; bytes see only ASCII, where \x1c-\x1f are not
 * whitespace (Py_ISSPACE) although they are for str. */
static unsigned unit_flags(const char *p, size_t i, bool uni, size_t *k) {
    uint32_t c = sp_unit_at(p, i, uni, k);
    if (uni) return sp_uni_rec(c)->flags;
    if (c >= 128) return 0;
    unsigned f = sp_uni_rec(c)->flags;
    return c >= 0x1c && c <= 0x1f ? f & ~(unsigned)SP_U_SPACE : f;
}

/* Each unit has one of `flags` (isalpha, isdigit, ...). */
static bool all_have(const char *p, size_t n, bool uni, unsigned flags, bool empty_ok) {
    if (n == 0) return empty_ok;
    for (size_t i = 0, k; i < n; i += k)
        if (!(unit_flags(p, i, uni, &k) & flags)) return false;
    return true;
}

/* isupper / islower: no unit of the opposite kind (title counts as
 * opposite for both) and at least one of the kind. */
static bool cased_kind(const char *p, size_t n, bool uni, unsigned want) {
    bool cased = false;
    unsigned bad = (want == SP_U_UPPER ? SP_U_LOWER : SP_U_UPPER) | SP_U_TITLE;
    for (size_t i = 0, k; i < n; i += k) {
        unsigned f = unit_flags(p, i, uni, &k);
        if (f & bad) return false;
        if (f & want) cased = true;
    }
    return cased;
}

static bool is_title(const char *p, size_t n, bool uni) {
    bool cased = false, prev = false;
    for (size_t i = 0, k; i < n; i += k) {
        unsigned f = unit_flags(p, i, uni, &k);
        if (f & (SP_U_UPPER | SP_U_TITLE)) {
            if (prev) return false;
            prev = cased = true;
        } else if (f & SP_U_LOWER) {
            if (!prev) return false;
            prev = cased = true;
        } else prev = false;
    }
    return cased;
}

static bool is_identifier(const char *p, size_t n) {
    if (n == 0) return false;
    size_t k;
    uint32_t c = sp_unit_at(p, 0, true, &k);
    if (c != '_' && !sp_uni_has(c, SP_U_XID_START)) return false;
    for (size_t i = k; i < n; i += k)
        if (!sp_uni_has(sp_unit_at(p, i, true, &k), SP_U_XID_CONTINUE)) return false;
    return true;
}

bool sp_units_are(const char *p, size_t n, bool uni, int q) {
    switch (q) {
    case SP_Q_ALPHA: return all_have(p, n, uni, SP_U_ALPHA, false);
    case SP_Q_DECIMAL: return all_have(p, n, uni, SP_U_DECIMAL, false);
    case SP_Q_DIGIT: return all_have(p, n, uni, SP_U_DIGIT, false);
    case SP_Q_NUMERIC: return all_have(p, n, uni, SP_U_NUMERIC, false);
    case SP_Q_SPACE: return all_have(p, n, uni, SP_U_SPACE, false);
    case SP_Q_ALNUM:
        return all_have(p, n, uni, SP_U_ALPHA | SP_U_DECIMAL | SP_U_DIGIT | SP_U_NUMERIC, false);
    case SP_Q_PRINTABLE: return all_have(p, n, uni, SP_U_PRINTABLE, true);
    case SP_Q_UPPER: return cased_kind(p, n, uni, SP_U_UPPER);
    case SP_Q_LOWER: return cased_kind(p, n, uni, SP_U_LOWER);
    case SP_Q_TITLE: return is_title(p, n, uni);
    case SP_Q_IDENT: return is_identifier(p, n);
    default:
        for (size_t i = 0; i < n; i++)
            if ((uint8_t)p[i] >= 0x80) return false;
        return true;
    }
}

#define PRED_METHOD(name, q)                                                       \
    static sp_Value str_##name(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) { \
        if (!no_args(vm, #name, nargs, kw)) return SP_ERRV;                        \
        return sp_bool(q == SP_Q_ASCII ? SELF->ascii                               \
                                       : sp_units_are(SELF->data, SELF->len, true, q)); \
    }
PRED_METHOD(isalpha, SP_Q_ALPHA)
PRED_METHOD(isdecimal, SP_Q_DECIMAL)
PRED_METHOD(isdigit, SP_Q_DIGIT)
PRED_METHOD(isnumeric, SP_Q_NUMERIC)
PRED_METHOD(isspace, SP_Q_SPACE)
PRED_METHOD(isalnum, SP_Q_ALNUM)
PRED_METHOD(isprintable, SP_Q_PRINTABLE)
PRED_METHOD(isupper, SP_Q_UPPER)
PRED_METHOD(islower, SP_Q_LOWER)
PRED_METHOD(istitle, SP_Q_TITLE)
PRED_METHOD(isidentifier, SP_Q_IDENT)
PRED_METHOD(isascii, SP_Q_ASCII)

/* ---------------------------------------------------- find and friends */

/* The (sub, start, end) arguments of find/index/count/startswith/...,
 * with the range clamped in code points and converted to bytes. */
typedef struct Span {
    sp_VM *vm;
    sp_Str *s;
    sp_Value sub;
    int64_t start, end;  /* code points, adjusted */
    size_t b0, b1;       /* the same range in bytes */
} Span;

static bool span_args(sp_VM *vm, const char *name, sp_Value *args, int nargs, sp_Tuple *kw,
                      Span *sp) {
    if (!sp_arg_span(vm, "str", name, args, nargs, kw, &sp->start, &sp->end)) return false;
    sp->vm = vm;
    sp->s = SELF;
    sp->sub = args[1];
    sp_adjust_indices(&sp->start, &sp->end, (int64_t)sp->s->clen);
    if (sp->start <= sp->end) {
        sp->b0 = sp_str_byteoff(vm, sp->s, (size_t)sp->start);
        sp->b1 = sp_str_byteoff(vm, sp->s, (size_t)sp->end);
    } else sp->b0 = sp->b1 = 0;
    return sp_scan_poll(vm, sp->b1 - sp->b0);
}

/* find/rfind in the span: code point index or -1. */
static int64_t span_find(Span *sp, bool rev) {
    sp_Str *sub = SP_STR(sp->sub);
    if (sp->end - sp->start < (int64_t)sub->clen) return -1;
    int64_t k = sp_bfind(sp->s->data + sp->b0, sp->b1 - sp->b0, sub->data, sub->len, rev);
    if (k < 0) return -1;
    if (sp->s->ascii) return sp->start + k;
    return (int64_t)sp_str_charidx(sp->vm, sp->s, sp->b0 + (size_t)k);
}

static sp_Value find_common(sp_VM *vm, const char *name, sp_Value *args, int nargs,
                            sp_Tuple *kw, bool rev, bool raise) {
    Span sp;
    if (!span_args(vm, name, args, nargs, kw, &sp) || !need_str(vm, sp.sub)) return SP_ERRV;
    int64_t r = span_find(&sp, rev);
    if (r < 0 && raise) return sp_raise(vm, &sp_t_ValueError, "substring not found");
    return sp_int(r);
}

static sp_Value str_find(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return find_common(vm, "find", args, nargs, kw, false, false);
}
static sp_Value str_rfind(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return find_common(vm, "rfind", args, nargs, kw, true, false);
}
static sp_Value str_index(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return find_common(vm, "index", args, nargs, kw, false, true);
}
static sp_Value str_rindex(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return find_common(vm, "rindex", args, nargs, kw, true, true);
}

static sp_Value str_count(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Span sp;
    if (!span_args(vm, "count", args, nargs, kw, &sp) || !need_str(vm, sp.sub)) return SP_ERRV;
    sp_Str *sub = SP_STR(sp.sub);
    if (sp.end - sp.start < (int64_t)sub->clen) return sp_int(0);
    if (sub->len == 0) return sp_int(sp.end - sp.start + 1);
    return sp_int((int64_t)sp_bcount(sp.s->data + sp.b0, sp.b1 - sp.b0, sub->data, sub->len,
                                     SIZE_MAX));
}

/* CPython's tailmatch on one candidate. */
static bool tailmatch(Span *sp, sp_Str *sub, bool end) {
    int64_t last = sp->end - (int64_t)sub->clen;
    if (last < sp->start) return false;
    if (sub->len == 0) return true;
    size_t at = end ? sp_str_byteoff(sp->vm, sp->s, (size_t)last) : sp->b0;
    return at + sub->len <= sp->s->len && memcmp(sp->s->data + at, sub->data, sub->len) == 0;
}

static sp_Value affix_common(sp_VM *vm, const char *name, sp_Value *args, int nargs,
                             sp_Tuple *kw, bool end) {
    Span sp;
    if (!span_args(vm, name, args, nargs, kw, &sp)) return SP_ERRV;
    if (sp_isstr(sp.sub)) return sp_bool(tailmatch(&sp, SP_STR(sp.sub), end));
    if (!sp_istuple(sp.sub))
        return sp_raise(vm, &sp_t_TypeError, "%s first arg must be str or a tuple of str, not %s",
                        name, sp_typename(sp.sub));
    sp_Tuple *t = SP_TUPLE(sp.sub);
    for (size_t i = 0; i < t->n; i++) {
        if (!sp_isstr(t->items[i]))
            return sp_raise(vm, &sp_t_TypeError, "tuple for %s must only contain str, not %s",
                            name, sp_typename(t->items[i]));
        if (tailmatch(&sp, SP_STR(t->items[i]), end)) return SP_TRUEV;
    }
    return SP_FALSEV;
}

static sp_Value str_startswith(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return affix_common(vm, "startswith", args, nargs, kw, false);
}
static sp_Value str_endswith(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return affix_common(vm, "endswith", args, nargs, kw, true);
}

/* ------------------------------------------------------------- split */

static void list_reverse(sp_List *l) {
    for (size_t i = 0, j = l->n; i + 1 < j; i++, j--) {
        sp_Value t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

static bool add_piece(sp_VM *vm, sp_Value list, sp_MakeFn make, const char *p, size_t n) {
    sp_Value v = make(vm, p, n);
    return !sp_iserr(v) && sp_list_append(vm, SP_LIST(list), v);
}

static bool split_ws(sp_VM *vm, sp_Value l, const char *p, size_t n, int64_t maxsplit, bool uni,
                     sp_MakeFn make) {
    size_t i = 0, k;
    for (; maxsplit != 0; maxsplit--) {
        while (i < n && sp_unit_space(sp_unit_at(p, i, uni, &k), uni)) i += k;
        if (i == n) return true;
        size_t j = i;
        while (j < n && !sp_unit_space(sp_unit_at(p, j, uni, &k), uni)) j += k;
        if (!add_piece(vm, l, make, p + i, j - i)) return false;
        i = j;
    }
    while (i < n && sp_unit_space(sp_unit_at(p, i, uni, &k), uni)) i += k;
    return i == n || add_piece(vm, l, make, p + i, n - i);
}

static bool rsplit_ws(sp_VM *vm, sp_Value l, const char *p, size_t n, int64_t maxsplit, bool uni,
                      sp_MakeFn make) {
    size_t j = n, k;
    for (; maxsplit != 0; maxsplit--) {
        while (j > 0 && sp_unit_space(sp_unit_at(p, sp_unit_before(p, j, uni), uni, &k), uni))
            j = sp_unit_before(p, j, uni);
        if (j == 0) return true;
        size_t i = j;
        while (i > 0 && !sp_unit_space(sp_unit_at(p, sp_unit_before(p, i, uni), uni, &k), uni))
            i = sp_unit_before(p, i, uni);
        if (!add_piece(vm, l, make, p + i, j - i)) return false;
        j = i;
    }
    while (j > 0 && sp_unit_space(sp_unit_at(p, sp_unit_before(p, j, uni), uni, &k), uni))
        j = sp_unit_before(p, j, uni);
    return j == 0 || add_piece(vm, l, make, p, j);
}

static bool split_sep(sp_VM *vm, sp_Value l, const char *p, size_t n, const char *sep, size_t m,
                      int64_t maxsplit, bool rev, sp_MakeFn make) {
    sp_Finder f;
    sp_finder_init(&f, sep, m, rev);
    size_t i = 0, j = n;
    for (; maxsplit != 0; maxsplit--) {
        int64_t k = sp_finder_find(&f, p + i, j - i);
        if (k < 0) break;
        size_t at = i + (size_t)k;
        bool ok = rev ? add_piece(vm, l, make, p + at + m, j - at - m)
                      : add_piece(vm, l, make, p + i, at - i);
        if (!ok) return false;
        if (rev) j = at;
        else i = at + m;
    }
    return add_piece(vm, l, make, p + i, j - i);
}

sp_Value sp_split_impl(sp_VM *vm, const char *p, size_t n, const char *sep, size_t m,
                       int64_t maxsplit, bool rev, bool uni, sp_MakeFn make) {
    if (sep && m == 0) return sp_raise(vm, &sp_t_ValueError, "empty separator");
    sp_Value l = sp_list_with_cap(vm, 4);
    if (sp_iserr(l)) return l;
    bool ok = !sep ? (rev ? rsplit_ws : split_ws)(vm, l, p, n, maxsplit, uni, make)
                   : split_sep(vm, l, p, n, sep, m, maxsplit, rev, make);
    if (!ok) return SP_ERRV;
    if (rev) list_reverse(SP_LIST(l));
    return l;
}

static sp_Value split_common(sp_VM *vm, const char *name, sp_Value *args, int nargs,
                             sp_Tuple *kw, bool rev) {
    sp_Value a[2];
    int64_t maxsplit = -1;
    if (!sp_parse_args(vm, name, args + 1, nargs - 1, kw, "|sep,maxsplit", a)) return SP_ERRV;
    if (!sp_isnull(a[1]) && !sp_arg_ssize(vm, a[1], &maxsplit)) return SP_ERRV;
    sp_Str *s = SELF, *sep = NULL;
    if (!sp_isnull(a[0]) && !sp_isnone(a[0])) {
        if (!sp_isstr(a[0]))
            return sp_raise(vm, &sp_t_TypeError, "must be str or None, not %s",
                            sp_typename(a[0]));
        sep = SP_STR(a[0]);
    }
    return sp_split_impl(vm, s->data, s->len, sep ? sep->data : NULL, sep ? sep->len : 0,
                         maxsplit, rev, true, piece_maker(s));
}

static sp_Value str_split(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return split_common(vm, "split", args, nargs, kw, false);
}
static sp_Value str_rsplit(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return split_common(vm, "rsplit", args, nargs, kw, true);
}

static sp_Value str_splitlines(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[1];
    int64_t keep = 0;
    if (!sp_parse_args(vm, "splitlines", args + 1, nargs - 1, kw, "|keepends", a)) return SP_ERRV;
    if (!sp_isnull(a[0]) && !sp_arg_cint(vm, a[0], &keep)) return SP_ERRV;
    sp_Str *s = SELF;
    sp_Value l = sp_list_with_cap(vm, 4);
    if (sp_iserr(l)) return l;
    size_t i = 0, k;
    while (i < s->len) {
        size_t j = i, eol;
        while (j < s->len && !sp_uni_islinebreak(sp_unit_at(s->data, j, true, &k))) j += k;
        eol = j;
        if (j < s->len) {
            bool crlf = s->data[j] == '\r' && j + 1 < s->len && s->data[j + 1] == '\n';
            j += crlf ? 2 : k;
            if (keep) eol = j;
        }
        if (!add_piece(vm, l, mk_str, s->data + i, eol - i)) return SP_ERRV;
        i = j;
    }
    return l;
}

static sp_Value str_partition_common(sp_VM *vm, const char *name, sp_Value *args, int nargs,
                                     sp_Tuple *kw, bool rev) {
    if (!one_arg(vm, name, nargs, kw) || !need_str(vm, args[1])) return SP_ERRV;
    sp_Str *s = SELF, *sep = SP_STR(args[1]);
    if (sep->len == 0) return sp_raise(vm, &sp_t_ValueError, "empty separator");
    sp_Value parts[3];
    int64_t k = sp_bfind(s->data, s->len, sep->data, sep->len, rev);
    if (k < 0) {
        sp_Value e = EMPTY_STR(vm);
        if (sp_iserr(e)) return e;
        parts[0] = rev ? e : args[0];
        parts[1] = e;
        parts[2] = rev ? args[0] : e;
    } else {
        size_t at = (size_t)k;
        parts[0] = piece_maker(s)(vm, s->data, at);
        if (sp_iserr(parts[0])) return SP_ERRV;
        parts[1] = args[1];
        parts[2] = piece_maker(s)(vm, s->data + at + sep->len, s->len - at - sep->len);
        if (sp_iserr(parts[2])) return SP_ERRV;
    }
    return sp_tuple_pack(vm, 3, parts);
}

static sp_Value str_partition(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return str_partition_common(vm, "partition", args, nargs, kw, false);
}
static sp_Value str_rpartition(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return str_partition_common(vm, "rpartition", args, nargs, kw, true);
}

/* ------------------------------------------------------------- strip */

/* A set of units: bitmap below 256, sorted array above. */
typedef struct CharSet {
    uint8_t bits[32];
    uint32_t *big;
    size_t nbig, cap;
} CharSet;

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static bool charset_init(sp_VM *vm, CharSet *cs, const char *p, size_t n, bool uni) {
    memset(cs, 0, sizeof *cs);
    size_t nbig = 0, k;
    for (size_t i = 0; i < n; i += k)
        if (sp_unit_at(p, i, uni, &k) >= 256) nbig++;
    if (nbig) {
        cs->cap = nbig * sizeof(uint32_t);
        if (!(cs->big = sp_malloc(vm, cs->cap))) return false;
    }
    for (size_t i = 0; i < n; i += k) {
        uint32_t c = sp_unit_at(p, i, uni, &k);
        if (c < 256) cs->bits[c >> 3] |= (uint8_t)(1u << (c & 7));
        else cs->big[cs->nbig++] = c;
    }
    if (cs->nbig > 1) qsort(cs->big, cs->nbig, sizeof(uint32_t), cmp_u32);
    return true;
}

static bool charset_has(const CharSet *cs, uint32_t c) {
    if (c < 256) return (cs->bits[c >> 3] >> (c & 7)) & 1;
    return cs->nbig && bsearch(&c, cs->big, cs->nbig, sizeof(uint32_t), cmp_u32) != NULL;
}

bool sp_strip_impl(sp_VM *vm, const char *p, size_t n, const char *chars, size_t cn, int which,
                   bool uni, size_t *b0, size_t *b1) {
    CharSet cs;
    if (chars && !charset_init(vm, &cs, chars, cn, uni)) return false;
    size_t i = 0, j = n, k;
#define STRIPPABLE(c) (chars ? charset_has(&cs, c) : sp_unit_space(c, uni))
    if (which & 1)
        while (i < j && STRIPPABLE(sp_unit_at(p, i, uni, &k))) i += k;
    if (which & 2)
        while (j > i && STRIPPABLE(sp_unit_at(p, sp_unit_before(p, j, uni), uni, &k)))
            j = sp_unit_before(p, j, uni);
#undef STRIPPABLE
    if (chars) sp_free(vm, cs.big, cs.cap);
    *b0 = i;
    *b1 = j;
    return true;
}

static sp_Value strip_common(sp_VM *vm, const char *name, sp_Value *args, int nargs,
                             sp_Tuple *kw, int which) {
    if (!pos_args(vm, name, nargs, kw, 0, 1)) return SP_ERRV;
    sp_Str *s = SELF, *chars = NULL;
    if (nargs > 1 && !sp_isnone(args[1])) {
        if (!sp_isstr(args[1]))
            return sp_raise(vm, &sp_t_TypeError, "%s arg must be None or str", name);
        chars = SP_STR(args[1]);
    }
    size_t b0, b1;
    if (!sp_strip_impl(vm, s->data, s->len, chars ? chars->data : NULL, chars ? chars->len : 0,
                       which, true, &b0, &b1))
        return SP_ERRV;
    if (b0 == 0 && b1 == s->len) return args[0];
    return piece_maker(s)(vm, s->data + b0, b1 - b0);
}

static sp_Value str_strip(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return strip_common(vm, "strip", args, nargs, kw, 3);
}
static sp_Value str_lstrip(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return strip_common(vm, "lstrip", args, nargs, kw, 1);
}
static sp_Value str_rstrip(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return strip_common(vm, "rstrip", args, nargs, kw, 2);
}

/* ----------------------------------------------------------- replace */

size_t sp_replace_impl(const char *p, size_t n, const char *old, size_t on, const char *nw,
                       size_t nn, size_t maxcount, bool uni, char *out) {
    size_t count = 0, i = 0, o = 0, k;
#define EMIT(src, len) do { if (out) memcpy(out + o, src, len); o += (len); } while (0)
    if (on == 0) { /* new goes before every unit and at the end */
        while (count < maxcount) {
            EMIT(nw, nn);
            count++;
            if (i >= n) break;
            sp_unit_at(p, i, uni, &k);
            EMIT(p + i, k);
            i += k;
        }
        EMIT(p + i, n - i);
        return count;
    }
    sp_Finder f;
    sp_finder_init(&f, old, on, false);
    while (count < maxcount) {
        int64_t at = sp_finder_find(&f, p + i, n - i);
        if (at < 0) break;
        EMIT(p + i, (size_t)at);
        EMIT(nw, nn);
        i += (size_t)at + on;
        count++;
    }
    EMIT(p + i, n - i);
#undef EMIT
    return count;
}

static sp_Value str_replace(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!pos_args(vm, "replace", nargs, kw, 2, 3)) return SP_ERRV;
    for (int k = 1; k <= 2; k++)
        if (!sp_isstr(args[k]))
            return sp_raise(vm, &sp_t_TypeError, "replace() argument %d must be str, not %A", k,
                            args[k]);
    int64_t maxc = -1;
    if (nargs > 3 && !sp_arg_ssize(vm, args[3], &maxc)) return SP_ERRV;
    sp_Str *s = SELF, *old = SP_STR(args[1]), *nw = SP_STR(args[2]);
    size_t limit = maxc < 0 ? SIZE_MAX : (size_t)maxc;
    size_t count = sp_replace_impl(s->data, s->len, old->data, old->len, nw->data, nw->len, limit,
                                   true, NULL);
    if (count == 0) return args[0];
    size_t grow, total;
    if (!sp_size_mul(vm, count, nw->len, &grow)) return SP_ERRV;
    total = s->len - count * old->len; /* the removed bytes are inside s */
    if (grow > SP_MAX_ALLOC - total) return sp_nomem(vm), SP_ERRV;
    size_t clen = s->clen - count * old->clen + count * nw->clen;
    sp_Str *r = sp_str_alloc(vm, total + grow, clen);
    if (!r) return SP_ERRV;
    sp_replace_impl(s->data, s->len, old->data, old->len, nw->data, nw->len, limit, true,
                    r->data);
    return sp_objv(r);
}

/* -------------------------------------------------------------- join */

static sp_Value str_join(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!one_arg(vm, "join", nargs, kw)) return SP_ERRV;
    sp_Value seq = args[1];
    if (!sp_islist(seq) && !sp_istuple(seq)) {
        sp_Value it = sp_iter(vm, seq);
        if (sp_iserr(it)) {
            if (sp_err_matches(vm, &sp_t_TypeError)) {
                sp_err_clear(vm);
                return sp_raise(vm, &sp_t_TypeError, "can only join an iterable");
            }
            return it;
        }
        seq = sp_list_from_iter(vm, it);
        if (sp_iserr(seq)) return seq;
    }
    sp_Value *items = sp_islist(seq) ? SP_LIST(seq)->items : SP_TUPLE(seq)->items;
    size_t n = sp_islist(seq) ? SP_LIST(seq)->n : SP_TUPLE(seq)->n;
    sp_Str *sep = SELF;
    if (n == 1 && sp_isstr(items[0])) return items[0];
    size_t total = 0, clen = 0;
    for (size_t i = 0; i < n; i++) {
        if (!sp_isstr(sp_unbox(items[i]))) /* str subclasses join as their value */
            return sp_raise(vm, &sp_t_TypeError, "sequence item %zu: expected str instance, %s found",
                            i, sp_typename(items[i]));
        sp_Str *s = SP_STR(sp_unbox(items[i]));
        size_t add = (size_t)s->len + (i ? sep->len : 0);
        if (add > SP_MAX_ALLOC - total) return sp_nomem(vm), SP_ERRV;
        total += add;
        clen += (size_t)s->clen + (i ? sep->clen : 0);
    }
    sp_Str *r = sp_str_alloc(vm, total, clen);
    if (!r) return SP_ERRV;
    char *o = r->data;
    for (size_t i = 0; i < n; i++) {
        sp_Str *s = SP_STR(sp_unbox(items[i]));
        if (i) memcpy(o, sep->data, sep->len), o += sep->len;
        memcpy(o, s->data, s->len);
        o += s->len;
    }
    return sp_objv(r);
}

/* ----------------------------------------------------------- padding */

/* s with `left` and `right` copies of the one-character fill around it. */
static sp_Value pad(sp_VM *vm, sp_Str *s, int64_t left, int64_t right, const char *fill,
                    size_t fn) {
    size_t nfill, bytes;
    if (!sp_size_mul(vm, (size_t)(left + right), fn, &bytes)) return SP_ERRV;
    nfill = (size_t)(left + right);
    if (bytes > SP_MAX_ALLOC - s->len) return sp_nomem(vm), SP_ERRV;
    sp_Str *r = sp_str_alloc(vm, bytes + s->len, nfill + s->clen);
    if (!r) return SP_ERRV;
    char *o = r->data;
    for (int64_t k = 0; k < left; k++, o += fn) memcpy(o, fill, fn);
    memcpy(o, s->data, s->len);
    o += s->len;
    for (int64_t k = 0; k < right; k++, o += fn) memcpy(o, fill, fn);
    return sp_objv(r);
}

static sp_Value justify(sp_VM *vm, const char *name, sp_Value *args, int nargs, sp_Tuple *kw,
                        int how) {
    if (!pos_args(vm, name, nargs, kw, 1, 2)) return SP_ERRV;
    int64_t width;
    if (!sp_arg_ssize(vm, args[1], &width)) return SP_ERRV;
    const char *fill = " ";
    size_t fn = 1;
    if (nargs > 2) {
        if (!sp_isstr(args[2]))
            return sp_raise(vm, &sp_t_TypeError,
                            "The fill character must be a unicode character, not %s",
                            sp_typename(args[2]));
        if (SP_STR(args[2])->clen != 1)
            return sp_raise(vm, &sp_t_TypeError,
                            "The fill character must be exactly one character long");
        fill = SP_STR(args[2])->data;
        fn = SP_STR(args[2])->len;
    }
    sp_Str *s = SELF;
    if (width <= (int64_t)s->clen) return args[0];
    int64_t marg = width - (int64_t)s->clen, left;
    if (how < 0) left = 0;
    else if (how > 0) left = marg;
    else left = marg / 2 + (marg & width & 1);
    return pad(vm, s, left, marg - left, fill, fn);
}

static sp_Value str_ljust(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return justify(vm, "ljust", args, nargs, kw, -1);
}
static sp_Value str_rjust(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return justify(vm, "rjust", args, nargs, kw, 1);
}
static sp_Value str_center(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return justify(vm, "center", args, nargs, kw, 0);
}

static sp_Value str_zfill(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!one_arg(vm, "zfill", nargs, kw)) return SP_ERRV;
    int64_t width;
    if (!sp_arg_ssize(vm, args[1], &width)) return SP_ERRV;
    sp_Str *s = SELF;
    if (width <= (int64_t)s->clen) return args[0];
    int64_t fill = width - (int64_t)s->clen;
    sp_Value r = pad(vm, s, fill, 0, "0", 1);
    if (sp_iserr(r)) return r;
    char *d = SP_STR(r)->data;
    if (s->len && (s->data[0] == '+' || s->data[0] == '-')) { /* sign goes first */
        d[0] = s->data[0];
        d[fill] = '0';
    }
    return r;
}

static sp_Value str_expandtabs(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[1];
    int64_t tab = 8;
    if (!sp_parse_args(vm, "expandtabs", args + 1, nargs - 1, kw, "|tabsize", a)) return SP_ERRV;
    if (!sp_isnull(a[0]) && !sp_arg_cint(vm, a[0], &tab)) return SP_ERRV;
    sp_Str *s = SELF;
    uint64_t total = 0, col = 0; /* first pass: the exact size, saturating */
    for (size_t i = 0; i < s->len; i++) {
        char c = s->data[i];
        if (c == '\t') {
            uint64_t inc = tab > 0 ? (uint64_t)tab - col % (uint64_t)tab : 0;
            col += inc, total += inc;
        } else {
            total++;
            if (((uint8_t)c & 0xC0) != 0x80) col++;
            if (c == '\n' || c == '\r') col = 0;
        }
        if (total > SP_MAX_ALLOC) return sp_nomem(vm), SP_ERRV;
    }
    size_t clen = s->clen + (size_t)(total - s->len); /* each tab byte -> inc spaces */
    sp_Str *r = sp_str_alloc(vm, (size_t)total, clen);
    if (!r) return SP_ERRV;
    char *o = r->data;
    col = 0;
    for (size_t i = 0; i < s->len; i++) {
        char c = s->data[i];
        if (c == '\t') {
            uint64_t inc = tab > 0 ? (uint64_t)tab - col % (uint64_t)tab : 0;
            memset(o, ' ', (size_t)inc);
            o += inc, col += inc;
        } else {
            *o++ = c;
            if (((uint8_t)c & 0xC0) != 0x80) col++;
            if (c == '\n' || c == '\r') col = 0;
        }
    }
    return sp_objv(r);
}

/* ------------------------------------------------- affixes, encode */

static sp_Value affix_remove(sp_VM *vm, const char *name, sp_Value *args, int nargs,
                             sp_Tuple *kw, bool suffix) {
    if (!one_arg(vm, name, nargs, kw)) return SP_ERRV;
    if (!sp_isstr(args[1]))
        return sp_raise(vm, &sp_t_TypeError, "%s() argument must be str, not %A", name, args[1]);
    sp_Str *s = SELF, *a = SP_STR(args[1]);
    if (a->len == 0 || a->len > s->len) return args[0];
    const char *at = suffix ? s->data + s->len - a->len : s->data;
    if (memcmp(at, a->data, a->len) != 0) return args[0];
    return sp_str_from(vm, suffix ? s->data : s->data + a->len, s->len - a->len,
                       s->clen - a->clen);
}

static sp_Value str_removeprefix(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return affix_remove(vm, "removeprefix", args, nargs, kw, false);
}
static sp_Value str_removesuffix(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return affix_remove(vm, "removesuffix", args, nargs, kw, true);
}

static sp_Value str_encode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    if (!sp_parse_args(vm, "encode", args + 1, nargs - 1, kw, "|encoding,errors", a))
        return SP_ERRV;
    static const char *const names[] = {"encoding", "errors"};
    for (int k = 0; k < 2; k++)
        if (!sp_isnull(a[k]) && !sp_isstr(a[k]))
            return sp_raise(vm, &sp_t_TypeError, "encode() argument '%s' must be str, not %A",
                            names[k], a[k]);
    return sp_str_encode(vm, SELF, a[0], a[1]);
}

/* ------------------------------------------------ maketrans, translate */

static bool trans_set(sp_VM *vm, sp_Value d, sp_Value key, sp_Value val) {
    return sp_dict_set(vm, SP_DICT(d), key, val);
}

static sp_Value maketrans_dict(sp_VM *vm, sp_Value src) {
    if (!sp_isdict(src))
        return sp_raise(vm, &sp_t_TypeError,
                        "if you give only one argument to maketrans it must be a dict");
    sp_Value d = sp_dict_new(vm);
    if (sp_iserr(d)) return d;
    size_t pos = 0;
    sp_Value k, v;
    while (sp_dict_next(SP_DICT(src), &pos, &k, &v)) {
        if (sp_isstr(k)) {
            if (SP_STR(k)->clen != 1)
                return sp_raise(vm, &sp_t_ValueError,
                                "string keys in translate table must be of length 1");
            size_t i = 0;
            k = sp_int(sp_utf8_next(SP_STR(k)->data, &i));
        } else if (!sp_isintlike(k)) {
            return sp_raise(vm, &sp_t_TypeError,
                            "keys in translate table must be strings or integers");
        }
        if (!trans_set(vm, d, k, v)) return SP_ERRV;
    }
    return d;
}

static sp_Value str_maketrans(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_arg_nokw(vm, "str.maketrans", kw) ||
        !sp_arg_count_expected(vm, "maketrans", nargs, 1, 3))
        return SP_ERRV;
    if (nargs == 1) return maketrans_dict(vm, args[0]);
    if (!sp_isstr(args[0]))
        return sp_raise(vm, &sp_t_TypeError,
                        "first maketrans argument must be a string if there is a second argument");
    for (int k = 1; k < nargs; k++)
        if (!sp_isstr(args[k]))
            return sp_raise(vm, &sp_t_TypeError, "maketrans() argument %d must be str, not %s",
                            k + 1, sp_typename(args[k]));
    sp_Str *x = SP_STR(args[0]), *y = SP_STR(args[1]);
    if (x->clen != y->clen)
        return sp_raise(vm, &sp_t_ValueError,
                        "the first two maketrans arguments must have equal length");
    sp_Value d = sp_dict_new(vm);
    if (sp_iserr(d)) return d;
    for (size_t i = 0, j = 0; i < x->len;) {
        sp_Value kx = sp_int(sp_utf8_next(x->data, &i));
        if (!trans_set(vm, d, kx, sp_int(sp_utf8_next(y->data, &j)))) return SP_ERRV;
    }
    if (nargs == 3) {
        sp_Str *z = SP_STR(args[2]);
        for (size_t i = 0; i < z->len;)
            if (!trans_set(vm, d, sp_int(sp_utf8_next(z->data, &i)), SP_NONEV)) return SP_ERRV;
    }
    return d;
}

/* Apply table[c] for one character; returns false on error. */
static bool translate_one(sp_VM *vm, sp_Value table, uint32_t c, sp_Buf *b, size_t *clen) {
    sp_Value r = sp_getitem(vm, table, sp_int(c));
    if (sp_iserr(r)) {
        if (!sp_err_matches(vm, &sp_t_LookupError)) return false;
        sp_err_clear(vm);
        r = sp_int(c);
    }
    if (sp_isnone(r)) return true;
    if (sp_isstr(r)) {
        *clen += SP_STR(r)->clen;
        return sp_buf_add(b, SP_STR(r)->data, SP_STR(r)->len);
    }
    if (!sp_isintlike(r)) {
        sp_raise(vm, &sp_t_TypeError, "character mapping must return integer, None or str");
        return false;
    }
    if (!sp_isint(r) || r.u.i < 0 || r.u.i >= 0x110000) {
        sp_raise(vm, &sp_t_ValueError, "character mapping must be in range(0x110000)");
        return false;
    }
    *clen += 1;
    return sp_buf_addcp(b, (uint32_t)r.u.i);
}

static sp_Value str_translate(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!one_arg(vm, "translate", nargs, kw)) return SP_ERRV;
    sp_Str *s = SELF;
    sp_Buf b;
    sp_buf_init(vm, &b);
    size_t clen = 0;
    for (size_t i = 0; i < s->len;) {
        uint32_t c = sp_utf8_next(s->data, &i);
        if (!translate_one(vm, args[1], c, &b, &clen) || !sp_check_limits(vm)) {
            sp_buf_free(&b);
            return SP_ERRV;
        }
    }
    sp_Value r = sp_str_from(vm, b.p ? b.p : "", b.n, clen);
    sp_buf_free(&b);
    return r;
}

/* ------------------------------------------------------------ table */

const sp_MethodDef sp_str_methods[] = {
    {"capitalize", str_capitalize, 0},
    {"casefold", str_casefold, 0},
    {"center", str_center, 0},
    {"count", str_count, 0},
    {"encode", str_encode, 0},
    {"endswith", str_endswith, 0},
    {"expandtabs", str_expandtabs, 0},
    {"find", str_find, 0},
    {"format", sp_strmeth_format, 0},
    {"format_map", sp_strmeth_format_map, 0},
    {"index", str_index, 0},
    {"isalnum", str_isalnum, 0},
    {"isalpha", str_isalpha, 0},
    {"isascii", str_isascii, 0},
    {"isdecimal", str_isdecimal, 0},
    {"isdigit", str_isdigit, 0},
    {"isidentifier", str_isidentifier, 0},
    {"islower", str_islower, 0},
    {"isnumeric", str_isnumeric, 0},
    {"isprintable", str_isprintable, 0},
    {"isspace", str_isspace, 0},
    {"istitle", str_istitle, 0},
    {"isupper", str_isupper, 0},
    {"join", str_join, 0},
    {"ljust", str_ljust, 0},
    {"lower", str_lower, 0},
    {"lstrip", str_lstrip, 0},
    {"maketrans", str_maketrans, SP_METH_STATIC},
    {"partition", str_partition, 0},
    {"removeprefix", str_removeprefix, 0},
    {"removesuffix", str_removesuffix, 0},
    {"replace", str_replace, 0},
    {"rfind", str_rfind, 0},
    {"rindex", str_rindex, 0},
    {"rjust", str_rjust, 0},
    {"rpartition", str_rpartition, 0},
    {"rsplit", str_rsplit, 0},
    {"rstrip", str_rstrip, 0},
    {"split", str_split, 0},
    {"splitlines", str_splitlines, 0},
    {"startswith", str_startswith, 0},
    {"strip", str_strip, 0},
    {"swapcase", str_swapcase, 0},
    {"title", str_title, 0},
    {"translate", str_translate, 0},
    {"upper", str_upper, 0},
    {"zfill", str_zfill, 0},
    {NULL, NULL, 0},
};
