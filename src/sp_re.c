/* sp_re.c - the re module: Pattern, Match, the scanner behind finditer,
 * re.error, and the module functions, with CPython 3.11's behaviour.
 *
 * Matching itself is sp_regex.c.  This file converts between Python
 * values and the engine: a subject str is matched as bytes when it is
 * ASCII and as decoded code points otherwise; results are sliced back out
 * of the original UTF-8 through a checkpointed code-point -> byte map.
 * A bytes subject (for a bytes pattern) is matched as it is. */
#include "sp_class.h"
#include "sp_names.h"
#include "sp_exc.h"
#include "sp_regex.h"
#include "sp_snap.h"

/* ================================================================ text */

#define CK 32 /* code points between byte-offset checkpoints */

typedef struct Text {
    sp_ReText t;
    sp_Value v;       /* the subject: str, or bytes */
    const char *data; /* its UTF-8 or bytes */
    size_t len;
    bool bytes;
    uint32_t *u;   /* decoded code points (non-ASCII subjects) */
    size_t *ck;    /* byte offset of every CK-th code point */
    size_t nu, nck;
} Text;

static void text_free(sp_VM *vm, Text *x) {
    if (x->u) sp_free(vm, x->u, x->nu * sizeof(uint32_t));
    if (x->ck) sp_free(vm, x->ck, x->nck * sizeof(size_t));
    x->u = NULL;
    x->ck = NULL;
}

/* A subject's data, and the value type results are made of. */
static const char *subj_data(sp_Value v, size_t *len) {
    if (sp_isstr(v)) return *len = SP_STR(v)->len, SP_STR(v)->data;
    return *len = SP_BYTES(v)->len, (const char *)SP_BYTES(v)->data;
}
static sp_Value subj_new(sp_VM *vm, bool bytes, const char *p, size_t n) {
    return bytes ? sp_bytes_new(vm, p, n) : sp_str_new(vm, p, n);
}
static sp_Value buf_result(sp_Buf *b, bool bytes) {
    if (!bytes) return sp_buf_tostr(b);
    sp_Value r = sp_bytes_new(b->vm, b->p, b->n);
    sp_buf_free(b);
    return r;
}

static bool text_init(sp_VM *vm, Text *x, sp_Value v) {
    memset(x, 0, sizeof *x);
    x->v = v;
    x->data = subj_data(v, &x->len);
    x->bytes = !sp_isstr(v);
    if (x->bytes || SP_STR(v)->ascii) {
        x->t.n = (int64_t)x->len;
        x->t.b = (const uint8_t *)x->data;
        return true;
    }
    sp_Str *s = SP_STR(v);
    x->t.n = (int64_t)s->clen;
    size_t bytes, ckb;
    x->nu = s->clen;
    x->nck = s->clen / CK + 1;
    if (!sp_size_mul(vm, x->nu, sizeof(uint32_t), &bytes) || !sp_size_mul(vm, x->nck, sizeof(size_t), &ckb))
        return false;
    x->u = sp_malloc(vm, bytes);
    x->ck = x->u ? sp_malloc(vm, ckb) : NULL;
    if (!x->ck) return text_free(vm, x), false;
    for (size_t i = 0, k = 0; k < s->clen; k++) {
        if (k % CK == 0) x->ck[k / CK] = i;
        x->u[k] = sp_utf8_next(s->data, &i);
    }
    if (s->clen % CK == 0) x->ck[s->clen / CK] = s->len;
    x->t.u = x->u;
    return true;
}

static size_t text_byte(const Text *x, int64_t ci) {
    if (!x->u) return (size_t)ci;
    size_t k = (size_t)ci / CK * CK, b = x->ck[k / CK];
    for (; k < (size_t)ci; k++) b += sp_utf8_len(x->u[k]);
    return b;
}

static sp_Value text_slice(sp_VM *vm, const Text *x, int64_t a, int64_t b) {
    size_t ba = text_byte(x, a), bb = text_byte(x, b);
    return subj_new(vm, x->bytes, x->data + ba, bb - ba);
}

/* ================================================================ re.error */

static sp_Type t_error;

/* error(msg, pattern=None, pos=None) as re/_constants.py builds it. */
static sp_Value error_make(sp_VM *vm, sp_Value msg, sp_Value pattern, sp_Value pos) {
    sp_Value full = msg, lineno = SP_NONEV, colno = SP_NONEV;
    int64_t p;
    bool text = sp_isstr(pattern);
    if (!sp_isnone(pos) && (text || sp_istype(pattern, &sp_t_bytes)) && sp_index(vm, pos, &p)) {
        size_t len;
        const char *d = subj_data(pattern, &len);
        int64_t line = 1, lastnl = -1, ci = 0;
        bool any_nl = memchr(d, '\n', len) != NULL;
        for (size_t i = 0; i < len && ci < p; ci++)
            if ((text ? sp_utf8_next(d, &i) : (uint8_t)d[i++]) == '\n') line++, lastnl = ci;
        lineno = sp_int(line);
        colno = sp_int(p - lastnl);
        full = any_nl ? sp_fmt(vm, "%S at position %lld (line %lld, column %lld)", msg, (long long)p,
                               (long long)line, (long long)(p - lastnl))
                      : sp_fmt(vm, "%S at position %lld", msg, (long long)p);
    }
    if (sp_err_occurred(vm) || sp_iserr(full)) return SP_ERRV;
    sp_Value args = sp_tuple_pack(vm, 1, &full);
    sp_Value e = sp_iserr(args) ? args : sp_exc_new(vm, &t_error, args);
    if (sp_iserr(e)) return e;
    const char *names[] = {"msg", "pattern", "pos", "lineno", "colno"};
    sp_Value vals[] = {msg, pattern, pos, lineno, colno};
    for (int i = 0; i < 5; i++) {
        sp_Value k = sp_str_intern_cstr(vm, names[i]);
        if (sp_iserr(k) || !sp_setattr(vm, e, SP_STR(k), vals[i])) return SP_ERRV;
    }
    return e;
}

static sp_Value error_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    sp_Value o[3];
    if (!sp_parse_args(vm, "error", args, nargs, kw, "msg|pattern,pos", o)) return SP_ERRV;
    return error_make(vm, o[0], sp_isnull(o[1]) ? SP_NONEV : o[1], sp_isnull(o[2]) ? SP_NONEV : o[2]);
}

static sp_Type t_error = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "re.error",
    .base = &sp_t_Exception,
    .flags = SP_TF_BASETYPE | SP_TF_EXCEPTION,
    .traverse = sp_exc_traverse,
    .new_ = error_new,
    .repr = sp_exc_repr,
    .str = sp_exc_base_str,
    .getattr = sp_exc_getattr,
    .setattr = sp_exc_setattr,
};

static sp_Value raise_error(sp_VM *vm, sp_Value msg, sp_Value pattern, int64_t pos) {
    sp_Value e = error_make(vm, msg, pattern, pos < 0 ? SP_NONEV : sp_int(pos));
    return sp_iserr(e) ? e : sp_raisev(vm, e);
}

/* ================================================================ Pattern */

typedef struct Pattern {
    sp_Obj h;
    sp_Regex *re;
    sp_Value pattern;   /* str */
    sp_Value groupindex; /* dict name -> group */
} Pattern;

static sp_Type t_pattern, t_match, t_scanner, t_sre_scanner;
#define PAT(v) ((Pattern *)SP_O(v))

static void pattern_traverse(sp_VM *vm, sp_Obj *o) {
    Pattern *p = (Pattern *)o;
    sp_gc_markv(vm, p->pattern);
    sp_gc_markv(vm, p->groupindex);
}

static void pattern_finalize(sp_VM *vm, sp_Obj *o) {
    Pattern *p = (Pattern *)o;
    sp_re_free(vm, p->re);
    p->re = NULL;
}

static sp_Value compile_raw(sp_VM *vm, sp_Value pat, int flags) {
    size_t len;
    const char *data = subj_data(pat, &len);
    sp_ReError err;
    sp_Regex *re = sp_re_compile(vm, data, len, flags | (sp_isstr(pat) ? 0 : SP_RE_BYTES), &err);
    if (!re) {
        switch (err.kind) {
        case SP_REERR_RE: return raise_error(vm, err.msg, pat, err.pos);
        case SP_REERR_OVERFLOW: return sp_raise(vm, &sp_t_OverflowError, "%S", err.msg);
        case SP_REERR_VALUE: return sp_raise(vm, &sp_t_ValueError, "%S", err.msg);
        default: return SP_ERRV;
        }
    }
    sp_Value gi = sp_dict_new(vm);
    Pattern *p = sp_iserr(gi) ? NULL : sp_newobj(vm, &t_pattern, sizeof *p);
    if (!p) {
        sp_re_free(vm, re);
        return SP_ERRV;
    }
    p->re = re;
    p->pattern = pat;
    p->groupindex = gi;
    const char *name;
    size_t nlen;
    int g;
    for (size_t i = 0; sp_re_name(re, i, &name, &nlen, &g); i++) {
        sp_Value k = sp_str_new(vm, name, nlen);
        if (sp_iserr(k) || !sp_dict_set(vm, SP_DICT(gi), k, sp_int(g))) return SP_ERRV;
    }
    return sp_objv(p);
}

static bool get_flags(sp_VM *vm, sp_Value v, int *out) {
    int64_t f = 0;
    if (!sp_isnull(v) && !sp_index(vm, v, &f)) return false;
    *out = (int)f;
    return true;
}

/* re._compile: a Pattern passes through; str patterns go through the
 * per-VM cache re._cache (as CPython's, cleared when it reaches 512). */
static sp_Value get_pattern(sp_VM *vm, sp_Value pat, sp_Value flagsv) {
    int flags;
    if (!get_flags(vm, flagsv, &flags)) return SP_ERRV;
    if (sp_istype(pat, &t_pattern)) {
        if (flags)
            return sp_raise(vm, &sp_t_ValueError, "cannot process flags argument with a compiled pattern");
        return pat;
    }
    if (!sp_isstr(pat) && !sp_istype(pat, &sp_t_bytes)) return sp_raise(vm, &sp_t_TypeError, "first argument must be string or compiled pattern");
    sp_Value mod = sp_dict_gets(vm->modules, SP_NAME(re));
    sp_Value cache = SP_NULLV, key = SP_NULLV;
    if (!sp_isnull(mod) && sp_istype(mod, &sp_t_module)) {
        sp_Value cn = sp_str_intern_cstr(vm, "_cache");
        if (sp_iserr(cn)) return cn;
        cache = sp_dict_gets(((sp_Module *)SP_O(mod))->dict, SP_STR(cn));
        if (!sp_isnull(cache) && sp_isdict(cache)) {
            sp_Value kv[2] = {pat, sp_int(flags)};
            key = sp_tuple_pack(vm, 2, kv);
            if (sp_iserr(key)) return key;
            sp_Value hit;
            int r = sp_dict_get(vm, SP_DICT(cache), key, &hit);
            if (r < 0) return SP_ERRV;
            if (r) return hit;
        } else cache = SP_NULLV;
    }
    sp_Value p = compile_raw(vm, pat, flags);
    if (sp_iserr(p) || sp_isnull(cache)) return p;
    if (sp_dict_len(SP_DICT(cache)) >= 512) {
        sp_Value fresh = sp_dict_new(vm);
        sp_Value cn = sp_str_intern_cstr(vm, "_cache");
        if (sp_iserr(fresh) || sp_iserr(cn) || !sp_dict_sets(vm, ((sp_Module *)SP_O(mod))->dict, SP_STR(cn), fresh))
            return SP_ERRV;
        cache = fresh;
    }
    return sp_dict_set(vm, SP_DICT(cache), key, p) ? p : SP_ERRV;
}

static const struct { int bit; const char *name; } flag_names[] = {
    {SP_RE_T, "re.TEMPLATE"}, {SP_RE_I, "re.IGNORECASE"}, {SP_RE_L, "re.LOCALE"},
    {SP_RE_M, "re.MULTILINE"}, {SP_RE_S, "re.DOTALL"}, {SP_RE_U, "re.UNICODE"},
    {SP_RE_X, "re.VERBOSE"}, {SP_RE_DEBUG, "re.DEBUG"}, {SP_RE_A, "re.ASCII"},
};

static sp_Value pattern_repr(sp_VM *vm, sp_Value self) {
    Pattern *p = PAT(self);
    sp_Value r = sp_repr(vm, p->pattern);
    if (sp_iserr(r)) return r;
    sp_Buf b;
    sp_buf_init(vm, &b);
    sp_Str *rs = SP_STR(r);
    size_t cut = rs->len, k = 0;
    for (size_t i = 0; i < rs->len; k++) { /* "%.200R": at most 200 characters */
        if (k == 200) { cut = i; break; }
        sp_utf8_next(rs->data, &i);
    }
    bool ok = sp_buf_adds(&b, "re.compile(") && sp_buf_add(&b, rs->data, cut);
    int flags = sp_re_flags(p->re);
    if ((flags & (SP_RE_L | SP_RE_U | SP_RE_A)) == SP_RE_U) flags &= ~SP_RE_U;
    if (flags) {
        ok = ok && sp_buf_adds(&b, ", ");
        bool first = true;
        for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++)
            if (flags & flag_names[i].bit) {
                ok = ok && (first || sp_buf_addc(&b, '|')) && sp_buf_adds(&b, flag_names[i].name);
                first = false;
                flags &= ~flag_names[i].bit;
            }
        if (flags) ok = ok && (first || sp_buf_addc(&b, '|')) && sp_buf_addf(&b, "0x%x", (unsigned)flags);
    }
    if (!ok || !sp_buf_addc(&b, ')')) {
        sp_buf_free(&b);
        return SP_ERRV;
    }
    return sp_buf_tostr(&b);
}

static sp_Value pattern_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if ((op != SP_EQ && op != SP_NE) || !sp_istype(a, &t_pattern) || !sp_istype(b, &t_pattern))
        return SP_NOTIMPL;
    bool eq = SP_O(a) == SP_O(b);
    if (!eq && sp_re_flags(PAT(a)->re) == sp_re_flags(PAT(b)->re)) {
        int r = sp_eq(vm, PAT(a)->pattern, PAT(b)->pattern);
        if (r < 0) return SP_ERRV;
        eq = r;
    }
    return sp_bool(eq == (op == SP_EQ));
}

static bool pattern_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    int64_t h;
    if (!sp_hash(vm, PAT(self)->pattern, &h)) return false;
    *out = h ^ (int64_t)sp_re_flags(PAT(self)->re) * 1000003;
    if (*out == -1) *out = -2;
    return true;
}

static sp_Value pg_pattern(sp_VM *vm, sp_Value self) { (void)vm; return PAT(self)->pattern; }
static sp_Value pg_flags(sp_VM *vm, sp_Value self) { (void)vm; return sp_int(sp_re_flags(PAT(self)->re)); }
static sp_Value pg_groups(sp_VM *vm, sp_Value self) { (void)vm; return sp_int(sp_re_groups(PAT(self)->re)); }
static sp_Value pg_groupindex(sp_VM *vm, sp_Value self) {
    sp_Value d = sp_dict_new(vm);
    if (sp_iserr(d) || !sp_dict_update(vm, SP_DICT(d), PAT(self)->groupindex)) return SP_ERRV;
    return sp_class_proxy(vm, d);
}

/* ================================================================ Match */

typedef struct Match {
    sp_Obj h;
    sp_Value string, pattern;
    int64_t pos, endpos, lastindex;
    int ngroups;
    int64_t sp[]; /* 2*(ngroups+1) code point spans, then as many byte offsets */
} Match;
#define MAT(v) ((Match *)SP_O(v))

static void match_traverse(sp_VM *vm, sp_Obj *o) {
    Match *m = (Match *)o;
    sp_gc_markv(vm, m->string);
    sp_gc_markv(vm, m->pattern);
}

static sp_Value match_new(sp_VM *vm, sp_Value pattern, const Text *x, const int64_t *out, int64_t pos,
                          int64_t endpos) {
    int g = sp_re_groups(PAT(pattern)->re);
    size_t n = 2 * ((size_t)g + 1), bytes;
    if (!sp_size_mul(vm, 2 * n, sizeof(int64_t), &bytes)) return SP_ERRV;
    Match *m = sp_newobj(vm, &t_match, sizeof *m + bytes);
    if (!m) return SP_ERRV;
    m->string = x->v;
    m->pattern = pattern;
    m->pos = pos;
    m->endpos = endpos;
    m->lastindex = out[n];
    m->ngroups = g;
    for (size_t i = 0; i < n; i++) {
        m->sp[i] = out[i];
        m->sp[n + i] = out[i] < 0 ? -1 : (int64_t)text_byte(x, out[i]);
    }
    return sp_objv(m);
}

/* Group i's text, or dflt if it did not participate. */
static sp_Value mgroup(sp_VM *vm, Match *m, int64_t i, sp_Value dflt) {
    size_t n = 2 * ((size_t)m->ngroups + 1);
    if (m->sp[2 * i] < 0 || m->sp[2 * i + 1] < 0) return dflt;
    size_t len;
    const char *s = subj_data(m->string, &len);
    int64_t a = m->sp[n + 2 * (size_t)i], b = m->sp[n + 2 * (size_t)i + 1];
    return subj_new(vm, !sp_isstr(m->string), s + a, (size_t)(b - a));
}

/* match_getindex: an int, or a group name. */
static bool group_index(sp_VM *vm, Match *m, sp_Value key, int64_t *out) {
    if (sp_isintlike(key)) {
        if (!sp_index(vm, key, out)) {
            if (!sp_err_matches(vm, &sp_t_IndexError) && !sp_err_matches(vm, &sp_t_OverflowError))
                return false;
            sp_err_clear(vm);
            *out = -1;
        }
    } else {
        sp_Value g;
        int r = sp_isstr(key) ? sp_dict_get(vm, SP_DICT(PAT(m->pattern)->groupindex), key, &g) : 0;
        if (r < 0) return false;
        *out = r ? g.u.i : -1;
    }
    if (*out < 0 || *out > m->ngroups) {
        sp_raise(vm, &sp_t_IndexError, "no such group");
        return false;
    }
    return true;
}

static sp_Value m_group(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "group", kw)) return SP_ERRV;
    Match *m = MAT(args[0]);
    int64_t i = 0;
    if (nargs <= 2) {
        if (nargs == 2 && !group_index(vm, m, args[1], &i)) return SP_ERRV;
        return mgroup(vm, m, i, SP_NONEV);
    }
    sp_Value t = sp_tuple_new(vm, (size_t)nargs - 1);
    if (sp_iserr(t)) return t;
    for (int k = 1; k < nargs; k++) {
        if (!group_index(vm, m, args[k], &i)) return SP_ERRV;
        sp_Value v = mgroup(vm, m, i, SP_NONEV);
        if (sp_iserr(v)) return v;
        SP_TUPLE(t)->items[k - 1] = v;
    }
    return t;
}

static sp_Value match_getitem(sp_VM *vm, sp_Value self, sp_Value key) {
    int64_t i;
    if (!group_index(vm, MAT(self), key, &i)) return SP_ERRV;
    return mgroup(vm, MAT(self), i, SP_NONEV);
}

static sp_Value m_groups(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    if (!sp_parse_args(vm, "groups", args + 1, nargs - 1, kw, "|default", o)) return SP_ERRV;
    Match *m = MAT(args[0]);
    sp_Value d = sp_isnull(o[0]) ? SP_NONEV : o[0];
    sp_Value t = sp_tuple_new(vm, (size_t)m->ngroups);
    if (sp_iserr(t)) return t;
    for (int i = 1; i <= m->ngroups; i++) {
        sp_Value v = mgroup(vm, m, i, d);
        if (sp_iserr(v)) return v;
        SP_TUPLE(t)->items[i - 1] = v;
    }
    return t;
}

static sp_Value m_groupdict(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    if (!sp_parse_args(vm, "groupdict", args + 1, nargs - 1, kw, "|default", o)) return SP_ERRV;
    Match *m = MAT(args[0]);
    sp_Value d = sp_isnull(o[0]) ? SP_NONEV : o[0], res = sp_dict_new(vm), k, g;
    if (sp_iserr(res)) return res;
    for (size_t pos = 0; sp_dict_next(SP_DICT(PAT(m->pattern)->groupindex), &pos, &k, &g);) {
        sp_Value v = mgroup(vm, m, g.u.i, d);
        if (sp_iserr(v) || !sp_dict_set(vm, SP_DICT(res), k, v)) return SP_ERRV;
    }
    return res;
}

/* start/end/span share the argument handling. */
static bool span_arg(sp_VM *vm, const char *name, sp_Value *args, int nargs, sp_Tuple *kw, int64_t *g) {
    sp_Value o[1];
    if (!sp_parse_args(vm, name, args + 1, nargs - 1, kw, "|group", o)) return false;
    *g = 0;
    return sp_isnull(o[0]) || group_index(vm, MAT(args[0]), o[0], g);
}
static sp_Value m_start(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    int64_t g;
    return span_arg(vm, "start", args, nargs, kw, &g) ? sp_int(MAT(args[0])->sp[2 * g]) : SP_ERRV;
}
static sp_Value m_end(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    int64_t g;
    return span_arg(vm, "end", args, nargs, kw, &g) ? sp_int(MAT(args[0])->sp[2 * g + 1]) : SP_ERRV;
}
static sp_Value span_tuple(sp_VM *vm, Match *m, int64_t g) {
    sp_Value v[2] = {sp_int(m->sp[2 * g]), sp_int(m->sp[2 * g + 1])};
    return sp_tuple_pack(vm, 2, v);
}
static sp_Value m_span(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    int64_t g;
    return span_arg(vm, "span", args, nargs, kw, &g) ? span_tuple(vm, MAT(args[0]), g) : SP_ERRV;
}

static sp_Value match_repr(sp_VM *vm, sp_Value self) {
    Match *m = MAT(self);
    sp_Value g = mgroup(vm, m, 0, SP_NONEV);
    if (sp_iserr(g)) return g;
    return sp_fmt(vm, "<re.Match object; span=(%lld, %lld), match=%R>", (long long)m->sp[0],
                  (long long)m->sp[1], g);
}

static sp_Value mg_string(sp_VM *vm, sp_Value self) { (void)vm; return MAT(self)->string; }
static sp_Value mg_re(sp_VM *vm, sp_Value self) { (void)vm; return MAT(self)->pattern; }
static sp_Value mg_pos(sp_VM *vm, sp_Value self) { (void)vm; return sp_int(MAT(self)->pos); }
static sp_Value mg_endpos(sp_VM *vm, sp_Value self) { (void)vm; return sp_int(MAT(self)->endpos); }
static sp_Value mg_lastindex(sp_VM *vm, sp_Value self) {
    (void)vm;
    return MAT(self)->lastindex < 0 ? SP_NONEV : sp_int(MAT(self)->lastindex);
}
static sp_Value mg_lastgroup(sp_VM *vm, sp_Value self) {
    Match *m = MAT(self);
    sp_Value k, g;
    if (m->lastindex < 0) return SP_NONEV;
    for (size_t pos = 0; sp_dict_next(SP_DICT(PAT(m->pattern)->groupindex), &pos, &k, &g);)
        if (g.u.i == m->lastindex) return k;
    (void)vm;
    return SP_NONEV;
}
static sp_Value mg_regs(sp_VM *vm, sp_Value self) {
    Match *m = MAT(self);
    sp_Value t = sp_tuple_new(vm, (size_t)m->ngroups + 1);
    if (sp_iserr(t)) return t;
    for (int i = 0; i <= m->ngroups; i++) {
        sp_Value s = span_tuple(vm, m, i);
        if (sp_iserr(s)) return s;
        SP_TUPLE(t)->items[i] = s;
    }
    return t;
}

/* ================================================================ templates */

/* A parsed replacement: literal bytes in lit, items referencing them or
 * naming a group. */
typedef struct TItem {
    int64_t group; /* -1: literal lit[off, off+len) */
    size_t off, len;
} TItem;
typedef struct Tmpl {
    sp_Buf lit;
    TItem *items;
    size_t n, cap;
} Tmpl;

static void tmpl_free(sp_VM *vm, Tmpl *t) {
    sp_buf_free(&t->lit);
    sp_free(vm, t->items, t->cap * sizeof(TItem));
    t->items = NULL;
}

static bool tmpl_push(sp_VM *vm, Tmpl *t, int64_t group, size_t off) {
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 8, bytes;
        if (!sp_size_mul(vm, nc, sizeof(TItem), &bytes)) return false;
        TItem *q = sp_realloc(vm, t->items, t->cap * sizeof(TItem), bytes);
        if (!q) return false;
        t->items = q;
        t->cap = nc;
    }
    t->items[t->n++] = (TItem){group, off, 0};
    return true;
}

/* Literal text goes into the last literal item. */
static bool tmpl_lit(sp_VM *vm, Tmpl *t, const char *s, size_t n) {
    if ((!t->n || t->items[t->n - 1].group >= 0) && !tmpl_push(vm, t, -1, t->lit.n)) return false;
    t->items[t->n - 1].len += n;
    return sp_buf_add(&t->lit, s, n);
}

typedef struct TSrc {
    sp_VM *vm;
    sp_Value tstr;
    const uint32_t *u;
    int64_t n, i;
    bool bytes; /* a bytes template: characters are bytes, not UTF-8 */
} TSrc;

/* Literal text for the character c (and a backslash before it). */
static bool tmpl_cp(TSrc *s, Tmpl *t, bool backslash, uint32_t c) {
    sp_Buf b;
    sp_buf_init(s->vm, &b);
    bool ok = (!backslash || sp_buf_addc(&b, '\\')) &&
              (s->bytes ? sp_buf_addc(&b, (char)c) : sp_buf_addcp(&b, c)) && tmpl_lit(s->vm, t, b.p, b.n);
    sp_buf_free(&b);
    return ok;
}

static sp_Value terr(TSrc *s, int64_t pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    sp_Value m = sp_vfmt(s->vm, fmt, ap);
    va_end(ap);
    return sp_iserr(m) ? m : raise_error(s->vm, m, s->tstr, pos);
}

static bool tdig(uint32_t c) { return c >= '0' && c <= '9'; }
static bool toct(uint32_t c) { return c >= '0' && c <= '7'; }

/* \g<name> (after "\g"): appends the group reference. */
static bool tmpl_gname(TSrc *s, Tmpl *t, Pattern *p) {
    if (s->i >= s->n || s->u[s->i] != '<') return !sp_iserr(terr(s, s->i, "missing <")) && false;
    int64_t a = ++s->i;
    while (s->i < s->n && s->u[s->i] != '>') s->i++;
    int64_t len = s->i - a;
    if (s->i >= s->n) {
        if (!len) return terr(s, s->i, "missing group name"), false;
        return terr(s, s->i - len, "missing >, unterminated name"), false;
    }
    s->i++;
    if (!len) return terr(s, s->i - 1, "missing group name"), false;
    sp_Value name = SP_NULLV;
    Text tx = {0};
    (void)tx;
    sp_Buf b;
    sp_buf_init(s->vm, &b);
    for (int64_t k = a; k < a + len; k++)
        if (!sp_buf_addcp(&b, s->u[k])) return sp_buf_free(&b), false;
    name = sp_buf_tostr(&b);
    if (sp_iserr(name)) return false;
    int64_t idx = 0;
    bool digits = len < 10;
    for (int64_t k = a; digits && k < a + len; k++) digits = tdig(s->u[k]), idx = idx * 10 + (s->u[k] - '0');
    if (!digits) {
        sp_Value g;
        bool ident = true;
        for (int64_t k = a; k < a + len; k++) {
            uint32_t c = s->u[k];
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 128 || (k > a && tdig(c))))
                ident = false;
        }
        if (!ident) return terr(s, s->i - len - 1, "bad character in group name %R", name), false;
        int r = sp_dict_get(s->vm, SP_DICT(p->groupindex), name, &g);
        if (r < 0) return false;
        if (!r) return sp_raise(s->vm, &sp_t_IndexError, "unknown group name %R", name), false;
        idx = g.u.i;
    } else if (idx > sp_re_groups(p->re)) {
        return terr(s, s->i - len - 1, "invalid group reference %lld", (long long)idx), false;
    }
    return tmpl_push(s->vm, t, idx, 0);
}

static bool tmpl_escape(TSrc *s, Tmpl *t, Pattern *p) {
    int64_t at = s->i - 1; /* the backslash */
    if (s->i >= s->n) return terr(s, s->n - 1, "bad escape (end of pattern)"), false;
    uint32_t c = s->u[s->i++];
    char ch;
    if (c == 'g') return tmpl_gname(s, t, p);
    if (c == '0') {
        uint32_t v = 0;
        for (int k = 0; k < 2 && s->i < s->n && toct(s->u[s->i]); k++) v = v * 8 + (s->u[s->i++] - '0');
        return tmpl_cp(s, t, false, v & 0xff);
    }
    if (tdig(c)) {
        int64_t g = c - '0';
        if (s->i < s->n && tdig(s->u[s->i])) {
            uint32_t d2 = s->u[s->i++];
            if (toct(c) && toct(d2) && s->i < s->n && toct(s->u[s->i])) {
                uint32_t v = (c - '0') * 64 + (d2 - '0') * 8 + (s->u[s->i++] - '0');
                if (v > 0377) {
                    sp_Value e = sp_fmt(s->vm, "\\%c%c%c", (int)c, (int)d2, (int)s->u[s->i - 1]);
                    if (sp_iserr(e)) return false;
                    return terr(s, at, "octal escape value %S outside of range 0-0o377", e), false;
                }
                return tmpl_cp(s, t, false, v);
            }
            g = g * 10 + (d2 - '0');
        }
        if (g > sp_re_groups(p->re))
            return terr(s, at + 1, "invalid group reference %lld", (long long)g), false;
        return tmpl_push(s->vm, t, g, 0);
    }
    switch (c) {
    case 'a': ch = 7; break;
    case 'b': ch = 8; break;
    case 'f': ch = 12; break;
    case 'n': ch = 10; break;
    case 'r': ch = 13; break;
    case 't': ch = 9; break;
    case 'v': ch = 11; break;
    case '\\': ch = '\\'; break;
    default:
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            return terr(s, at, "bad escape \\%c", (int)c), false;
        return tmpl_cp(s, t, true, c); /* unknown non-letter escapes stay as written */
    }
    return tmpl_lit(s->vm, t, &ch, 1);
}

static bool tmpl_parse(sp_VM *vm, Pattern *p, sp_Value repl, Tmpl *t) {
    memset(t, 0, sizeof *t);
    sp_buf_init(vm, &t->lit);
    Text x;
    if (!text_init(vm, &x, repl)) return false;
    uint32_t *u = x.u;
    bool ok = true;
    size_t rlen = x.len;
    if (!u) { /* ASCII or bytes: widen for one code path */
        size_t bytes;
        ok = sp_size_mul(vm, rlen ? rlen : 1, sizeof(uint32_t), &bytes) && (u = sp_malloc(vm, bytes));
        for (size_t i = 0; ok && i < rlen; i++) u[i] = (uint8_t)x.data[i];
    }
    TSrc s = {vm, repl, u, x.t.n, 0, x.bytes};
    while (ok && s.i < s.n) {
        int64_t a = s.i;
        while (s.i < s.n && u[s.i] != '\\') s.i++;
        if (s.i > a) {
            size_t ba = text_byte(&x, a), bb = text_byte(&x, s.i);
            ok = tmpl_lit(vm, t, x.data + ba, bb - ba);
        }
        if (ok && s.i < s.n) {
            s.i++;
            ok = tmpl_escape(&s, t, p);
        }
    }
    if (!x.u && u) sp_free(vm, u, (rlen ? rlen : 1) * sizeof(uint32_t));
    text_free(vm, &x);
    if (!ok) tmpl_free(vm, t);
    return ok;
}

/* Appends the expansion for the match whose spans are sp (code points). */
static bool tmpl_expand(sp_Buf *b, const Tmpl *t, const Text *x, const int64_t *sp) {
    for (size_t i = 0; i < t->n; i++) {
        const TItem *it = &t->items[i];
        if (it->group < 0) {
            if (!sp_buf_add(b, t->lit.p + it->off, it->len)) return false;
            continue;
        }
        int64_t a = sp[2 * it->group], e = sp[2 * it->group + 1];
        if (a < 0 || e < 0) continue;
        size_t ba = text_byte(x, a), bb = text_byte(x, e);
        if (!sp_buf_add(b, x->data + ba, bb - ba)) return false;
    }
    return true;
}

/* A template that is neither str nor bytes (_parser.parse_template
 * decodes it as latin-1). */
static bool template_type(sp_VM *vm, sp_Value v) {
    sp_raise(vm, &sp_t_TypeError, "decoding to str: need a bytes-like object, %s found", sp_typename(v));
    return false;
}

/* CPython joins the pieces of a replacement as the subject's type: a
 * piece of another type fails there. */
static bool piece_ok(sp_VM *vm, bool bytes, sp_Value v) {
    if (bytes ? sp_istype(v, &sp_t_bytes) : sp_isstr(v)) return true;
    if (bytes) sp_raise(vm, &sp_t_TypeError, "sequence item 0: expected a bytes-like object, %s found", sp_typename(v));
    else sp_raise(vm, &sp_t_TypeError, "sequence item 0: expected str instance, %s found", sp_typename(v));
    return false;
}

static sp_Value m_expand(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    if (!sp_parse_args(vm, "expand", args + 1, nargs - 1, kw, "template", o)) return SP_ERRV;
    Match *m = MAT(args[0]);
    bool bytes = !sp_isstr(m->string);
    if (!sp_isstr(o[0]) && !sp_istype(o[0], &sp_t_bytes)) return template_type(vm, o[0]), SP_ERRV;
    if (!piece_ok(vm, bytes, o[0])) return SP_ERRV;
    Tmpl t;
    Text x;
    if (!tmpl_parse(vm, PAT(m->pattern), o[0], &t)) return SP_ERRV;
    if (!text_init(vm, &x, m->string)) return tmpl_free(vm, &t), SP_ERRV;
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = tmpl_expand(&b, &t, &x, m->sp);
    tmpl_free(vm, &t);
    text_free(vm, &x);
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    return buf_result(&b, bytes);
}

/* ================================================================ searching */

/* One subject being searched repeatedly (findall, sub, split, finditer). */
typedef struct Scan {
    sp_VM *vm;
    sp_Value pattern;
    Text x;
    sp_ReMatcher m;
    int64_t pos, endpos, pos0; /* pos0: where the scan began (Match.pos) */
    bool advance, done;
    int64_t *out;
    size_t nout;
} Scan;

static void scan_free(Scan *s) {
    sp_re_matcher_free(&s->m);
    text_free(s->vm, &s->x);
    if (s->out) sp_free(s->vm, s->out, s->nout * sizeof(int64_t));
    s->out = NULL;
}

static bool pat_bytes(sp_Value pattern) { return !sp_isstr(PAT(pattern)->pattern); }

static bool check_string(sp_VM *vm, sp_Value pattern, sp_Value v) {
    bool isb = sp_istype(v, &sp_t_bytes), pb = pat_bytes(pattern);
    if (isb ? pb : sp_isstr(v) && !pb) return true;
    if (isb) sp_raise(vm, &sp_t_TypeError, "cannot use a string pattern on a bytes-like object");
    else if (sp_isstr(v)) sp_raise(vm, &sp_t_TypeError, "cannot use a bytes pattern on a string-like object");
    else sp_raise(vm, &sp_t_TypeError, "expected string or bytes-like object, got '%s'", sp_typename(v));
    return false;
}

/* pos/endpos as CPython's state_init clamps them. */
static bool scan_init(sp_VM *vm, Scan *s, sp_Value pattern, sp_Value str, sp_Value posv, sp_Value endv) {
    memset(s, 0, sizeof *s);
    s->vm = vm;
    s->pattern = pattern;
    if (!check_string(vm, pattern, str)) return false;
    int64_t n = sp_isstr(str) ? (int64_t)SP_STR(str)->clen : (int64_t)SP_BYTES(str)->len, pos = 0, end = n;
    if (!sp_isnull(posv) && !sp_index(vm, posv, &pos)) return false;
    if (!sp_isnull(endv) && !sp_index(vm, endv, &end)) return false;
    s->pos = s->pos0 = pos < 0 ? 0 : pos > n ? n : pos;
    s->endpos = end < 0 ? 0 : end > n ? n : end;
    s->nout = 2 * ((size_t)sp_re_groups(PAT(pattern)->re) + 1) + 1;
    size_t bytes;
    if (!sp_size_mul(vm, s->nout, sizeof(int64_t), &bytes) || !(s->out = sp_malloc(vm, bytes))) return false;
    if (!text_init(vm, &s->x, str)) return scan_free(s), false;
    if (!sp_re_matcher_init(&s->m, vm, PAT(pattern)->re, &s->x.t)) return scan_free(s), false;
    return true;
}

/* The next match of a findall/sub/split/finditer loop: 1, 0, -1. */
static int scan_step(Scan *s, int mode) {
    if (s->done || s->pos > s->endpos) return 0;
    int r = sp_re_exec(&s->m, s->pos, s->endpos, mode | (s->advance ? SP_RE_ADVANCE : 0), s->out);
    if (r <= 0) {
        s->done = true;
        return r;
    }
    s->advance = s->out[1] == s->out[0];
    s->pos = s->out[1];
    return 1;
}
static int scan_next(Scan *s) { return scan_step(s, SP_RE_SEARCH); }

static sp_Value do_match(sp_VM *vm, sp_Value pattern, sp_Value str, sp_Value posv, sp_Value endv, int mode) {
    Scan s;
    if (!scan_init(vm, &s, pattern, str, posv, endv)) return SP_ERRV;
    int r = s.pos > s.endpos ? 0 : sp_re_exec(&s.m, s.pos, s.endpos, mode, s.out);
    sp_Value res = r < 0 ? SP_ERRV : r == 0 ? SP_NONEV : match_new(vm, pattern, &s.x, s.out, s.pos, s.endpos);
    scan_free(&s);
    return res;
}

/* findall's item: the match, group 1, or a tuple of all groups. */
static sp_Value findall_item(sp_VM *vm, Scan *s, int groups) {
    const int64_t *o = s->out;
    if (groups <= 1) {
        int g = groups;
        if (o[2 * g] < 0) return subj_new(vm, s->x.bytes, "", 0);
        return text_slice(vm, &s->x, o[2 * g], o[2 * g + 1]);
    }
    sp_Value t = sp_tuple_new(vm, (size_t)groups);
    if (sp_iserr(t)) return t;
    for (int g = 1; g <= groups; g++) {
        sp_Value v = o[2 * g] < 0 ? subj_new(vm, s->x.bytes, "", 0) : text_slice(vm, &s->x, o[2 * g], o[2 * g + 1]);
        if (sp_iserr(v)) return v;
        SP_TUPLE(t)->items[g - 1] = v;
    }
    return t;
}

static sp_Value do_findall(sp_VM *vm, sp_Value pattern, sp_Value str, sp_Value posv, sp_Value endv) {
    Scan s;
    if (!scan_init(vm, &s, pattern, str, posv, endv)) return SP_ERRV;
    int groups = sp_re_groups(PAT(pattern)->re), r;
    sp_Value list = sp_list_new(vm, 0);
    while (!sp_iserr(list) && (r = scan_next(&s)) != 0) {
        sp_Value it = r < 0 ? SP_ERRV : findall_item(vm, &s, groups);
        if (sp_iserr(it) || !sp_list_append(vm, SP_LIST(list), it)) list = SP_ERRV;
    }
    scan_free(&s);
    return list;
}

static sp_Value do_split(sp_VM *vm, sp_Value pattern, sp_Value str, sp_Value maxv) {
    int64_t maxsplit = 0, n = 0, last = 0;
    if (!sp_isnull(maxv) && !sp_index(vm, maxv, &maxsplit)) return SP_ERRV;
    Scan s;
    if (!scan_init(vm, &s, pattern, str, SP_NULLV, SP_NULLV)) return SP_ERRV;
    int groups = sp_re_groups(PAT(pattern)->re), r = 1;
    sp_Value list = sp_list_new(vm, 0);
    while (!sp_iserr(list) && (maxsplit <= 0 || n < maxsplit) && (r = scan_next(&s)) > 0) {
        sp_Value piece = text_slice(vm, &s.x, last, s.out[0]);
        if (sp_iserr(piece) || !sp_list_append(vm, SP_LIST(list), piece)) list = SP_ERRV;
        for (int g = 1; g <= groups && !sp_iserr(list); g++) {
            sp_Value v = s.out[2 * g] < 0 ? SP_NONEV : text_slice(vm, &s.x, s.out[2 * g], s.out[2 * g + 1]);
            if (sp_iserr(v) || !sp_list_append(vm, SP_LIST(list), v)) list = SP_ERRV;
        }
        n++;
        last = s.out[1];
    }
    if (r < 0) list = SP_ERRV;
    if (!sp_iserr(list)) {
        sp_Value tail = text_slice(vm, &s.x, last, s.x.t.n);
        if (sp_iserr(tail) || !sp_list_append(vm, SP_LIST(list), tail)) list = SP_ERRV;
    }
    scan_free(&s);
    return list;
}

/* A callable repl runs Python code, which may collect: the pieces built
 * so far live in C memory (the buffer) and the subject and pattern are
 * pinned. */
static bool sub_call(sp_VM *vm, Scan *s, sp_Value fn, sp_Buf *b) {
    sp_Value m = match_new(vm, s->pattern, &s->x, s->out, 0, s->x.t.n);
    if (sp_iserr(m)) return false;
    sp_Value r = sp_call1(vm, fn, m);
    if (sp_iserr(r)) return false;
    if (sp_isnone(r)) return true;
    if (!piece_ok(vm, s->x.bytes, r)) return false;
    size_t len;
    const char *p = subj_data(r, &len);
    return sp_buf_add(b, p, len);
}

static sp_Value do_sub(sp_VM *vm, sp_Value pattern, sp_Value repl, sp_Value str, sp_Value countv, bool subn) {
    int64_t count = 0, n = 0, last = 0;
    if (!sp_isnull(countv) && !sp_index(vm, countv, &count)) return SP_ERRV;
    bool call = !sp_isstr(repl) && !sp_istype(repl, &sp_t_bytes), bytes = pat_bytes(pattern);
    if (call && !sp_typeof(repl)->call) return template_type(vm, repl), SP_ERRV;
    bool wrong = !call && sp_isstr(repl) == bytes; /* fails at the first match */
    Tmpl t = {0};
    if (!call && !check_string(vm, pattern, str)) return SP_ERRV;
    if (!call && !wrong && !tmpl_parse(vm, PAT(pattern), repl, &t)) return SP_ERRV;
    Scan s;
    if (!scan_init(vm, &s, pattern, str, SP_NULLV, SP_NULLV)) return tmpl_free(vm, &t), SP_ERRV;
    size_t npins = 0;
    bool ok = !call || (sp_pin(vm, str) && ++npins && sp_pin(vm, pattern) && ++npins && sp_pin(vm, repl) && ++npins);
    sp_Buf b;
    sp_buf_init(vm, &b);
    int r = 1;
    while (ok && (count <= 0 || n < count) && (r = scan_next(&s)) > 0) {
        size_t ba = text_byte(&s.x, last), bb = text_byte(&s.x, s.out[0]);
        ok = sp_buf_add(&b, s.x.data + ba, bb - ba) &&
             (call ? sub_call(vm, &s, repl, &b) : !wrong ? tmpl_expand(&b, &t, &s.x, s.out) : piece_ok(vm, bytes, repl));
        n++;
        last = s.out[1];
    }
    ok = ok && r >= 0;
    if (ok) {
        size_t ba = text_byte(&s.x, last);
        ok = sp_buf_add(&b, s.x.data + ba, s.x.len - ba);
    }
    sp_unpin(vm, npins);
    scan_free(&s);
    if (!call && !wrong) tmpl_free(vm, &t);
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    sp_Value res = buf_result(&b, bytes);
    if (!subn || sp_iserr(res)) return res;
    sp_Value v[2] = {res, sp_int(n)};
    return sp_tuple_pack(vm, 2, v);
}

/* ---------------------------------------------------------------- finditer */

typedef struct Scanner {
    sp_Obj h;
    sp_Value pattern, string;
    Scan *s; /* NULL once exhausted */
} Scanner;

static void scanner_traverse(sp_VM *vm, sp_Obj *o) {
    Scanner *sc = (Scanner *)o;
    sp_gc_markv(vm, sc->pattern);
    sp_gc_markv(vm, sc->string);
}

static void scanner_finalize(sp_VM *vm, sp_Obj *o) {
    Scanner *sc = (Scanner *)o;
    if (!sc->s) return;
    scan_free(sc->s);
    sp_free(vm, sc->s, sizeof *sc->s);
    sc->s = NULL;
}

static sp_Value scanner_iter(sp_VM *vm, sp_Value self) { (void)vm; return self; }

/* The next match (SP_NULL: none, the scan is over). */
static sp_Value scanner_step(sp_VM *vm, sp_Value self, int mode) {
    Scanner *sc = (Scanner *)SP_O(self);
    if (!sc->s) return SP_NULLV;
    int r = scan_step(sc->s, mode);
    if (r > 0) return match_new(vm, sc->pattern, &sc->s->x, sc->s->out, sc->s->pos0, sc->s->endpos);
    scanner_finalize(vm, SP_O(self));
    return r < 0 ? SP_ERRV : SP_NULLV;
}
static sp_Value scanner_next(sp_VM *vm, sp_Value self) { return scanner_step(vm, self, SP_RE_SEARCH); }

/* Pattern.scanner(): its match() and search() go on from the last match. */
static sp_Value sc_step(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, const char *name, int mode) {
    if (!sp_no_kwargs(vm, name, kw) || !sp_check_nargs(vm, name, nargs - 1, 0, 0)) return SP_ERRV;
    sp_Value r = scanner_step(vm, args[0], mode);
    return sp_isnull(r) ? SP_NONEV : r;
}
static sp_Value sc_match(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return sc_step(vm, a, n, kw, "match", SP_RE_MATCH); }
static sp_Value sc_search(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return sc_step(vm, a, n, kw, "search", SP_RE_SEARCH); }
static sp_Value sc_pattern(sp_VM *vm, sp_Value self) { (void)vm; return ((Scanner *)SP_O(self))->pattern; }

static sp_Value scanner_new(sp_VM *vm, sp_Type *type, sp_Value pattern, sp_Value str, sp_Value posv, sp_Value endv) {
    Scan *s = sp_malloc(vm, sizeof *s);
    if (!s) return SP_ERRV;
    if (!scan_init(vm, s, pattern, str, posv, endv)) return sp_free(vm, s, sizeof *s), SP_ERRV;
    Scanner *sc = sp_newobj(vm, type, sizeof *sc);
    if (!sc) {
        scan_free(s);
        sp_free(vm, s, sizeof *s);
        return SP_ERRV;
    }
    sc->pattern = pattern;
    sc->string = str;
    sc->s = s;
    return sp_objv(sc);
}

static sp_Type t_scanner = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "callable_iterator",
    .base = &sp_t_object,
    .traverse = scanner_traverse,
    .finalize = scanner_finalize,
    .iter = scanner_iter,
    .next = scanner_next,
};

static const sp_MethodDef sre_scanner_methods[] = {
    {"match", sc_match, 0}, {"search", sc_search, 0}, {NULL, NULL, 0},
};
static const sp_GetSetDef sre_scanner_getsets[] = {{"pattern", sc_pattern, NULL}, {NULL, NULL, NULL}};
static sp_Type t_sre_scanner = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "_sre.SRE_Scanner",
    .base = &sp_t_object,
    .methods = sre_scanner_methods,
    .getsets = sre_scanner_getsets,
    .traverse = scanner_traverse,
    .finalize = scanner_finalize,
};

static sp_Value do_finditer(sp_VM *vm, sp_Value pattern, sp_Value str, sp_Value posv, sp_Value endv) {
    return scanner_new(vm, &t_scanner, pattern, str, posv, endv);
}

/* ================================================================ methods */

static sp_Value pm_search3(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, const char *name, int mode) {
    sp_Value o[3];
    if (!sp_parse_args(vm, name, args + 1, nargs - 1, kw, "string|pos,endpos", o)) return SP_ERRV;
    return do_match(vm, args[0], o[0], o[1], o[2], mode);
}
static sp_Value pm_match(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return pm_search3(vm, a, n, kw, "match", SP_RE_MATCH); }
static sp_Value pm_search(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return pm_search3(vm, a, n, kw, "search", SP_RE_SEARCH); }
static sp_Value pm_fullmatch(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return pm_search3(vm, a, n, kw, "fullmatch", SP_RE_FULL); }

static sp_Value pm_findall(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[3];
    if (!sp_parse_args(vm, "findall", args + 1, nargs - 1, kw, "string|pos,endpos", o)) return SP_ERRV;
    return do_findall(vm, args[0], o[0], o[1], o[2]);
}
static sp_Value pm_finditer(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[3];
    if (!sp_parse_args(vm, "finditer", args + 1, nargs - 1, kw, "string|pos,endpos", o)) return SP_ERRV;
    return do_finditer(vm, args[0], o[0], o[1], o[2]);
}
static sp_Value pm_scanner(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[3];
    if (!sp_parse_args(vm, "scanner", args + 1, nargs - 1, kw, "string|pos,endpos", o)) return SP_ERRV;
    return scanner_new(vm, &t_sre_scanner, args[0], o[0], o[1], o[2]);
}
static sp_Value pm_split(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    if (!sp_parse_args(vm, "split", args + 1, nargs - 1, kw, "string|maxsplit", o)) return SP_ERRV;
    return do_split(vm, args[0], o[0], o[1]);
}
static sp_Value pm_sub2(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, bool subn) {
    sp_Value o[3];
    if (!sp_parse_args(vm, subn ? "subn" : "sub", args + 1, nargs - 1, kw, "repl,string|count", o)) return SP_ERRV;
    return do_sub(vm, args[0], o[0], o[1], o[2], subn);
}
static sp_Value pm_sub(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return pm_sub2(vm, a, n, kw, false); }
static sp_Value pm_subn(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return pm_sub2(vm, a, n, kw, true); }

static const sp_MethodDef pattern_methods[] = {
    {"match", pm_match, 0}, {"search", pm_search, 0}, {"fullmatch", pm_fullmatch, 0},
    {"findall", pm_findall, 0}, {"finditer", pm_finditer, 0}, {"split", pm_split, 0},
    {"sub", pm_sub, 0}, {"subn", pm_subn, 0}, {"scanner", pm_scanner, 0}, {NULL, NULL, 0},
};
static const sp_GetSetDef pattern_getsets[] = {
    {"pattern", pg_pattern, NULL}, {"flags", pg_flags, NULL}, {"groups", pg_groups, NULL},
    {"groupindex", pg_groupindex, NULL}, {NULL, NULL, NULL},
};
static sp_Type t_pattern = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "re.Pattern",
    .base = &sp_t_object,
    .methods = pattern_methods,
    .getsets = pattern_getsets,
    .traverse = pattern_traverse,
    .finalize = pattern_finalize,
    .repr = pattern_repr,
    .hash = pattern_hash,
    .richcmp = pattern_richcmp,
};

static const sp_MethodDef match_methods[] = {
    {"group", m_group, 0}, {"groups", m_groups, 0}, {"groupdict", m_groupdict, 0},
    {"start", m_start, 0}, {"end", m_end, 0}, {"span", m_span, 0}, {"expand", m_expand, 0},
    {NULL, NULL, 0},
};
static const sp_GetSetDef match_getsets[] = {
    {"string", mg_string, NULL}, {"re", mg_re, NULL}, {"pos", mg_pos, NULL},
    {"endpos", mg_endpos, NULL}, {"lastindex", mg_lastindex, NULL},
    {"lastgroup", mg_lastgroup, NULL}, {"regs", mg_regs, NULL}, {NULL, NULL, NULL},
};
static sp_Type t_match = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "re.Match",
    .base = &sp_t_object,
    .methods = match_methods,
    .getsets = match_getsets,
    .traverse = match_traverse,
    .repr = match_repr,
    .getitem = match_getitem,
};

/* ================================================================ snapshots */

/* A Pattern is [source flags], compiled again on load by the usual
 * compiler (its limits hold); a Match is [string pattern pos endpos
 * lastindex code-point spans], its byte offsets recomputed. */
static int re_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint) {
    if (o->type == &t_pattern)
        return v[0] = ((Pattern *)o)->pattern, v[1] = sp_int(sp_re_flags(((Pattern *)o)->re) & ~SP_RE_BYTES), 2;
    Match *m = (Match *)o;
    size_t n = 2 * ((size_t)m->ngroups + 1);
    v[5] = sp_tuple_new(vm, n);
    if (sp_iserr(v[5])) return -1;
    for (size_t i = 0; i < n; i++) SP_TUPLE(v[5])->items[i] = sp_int(m->sp[i]);
    v[0] = m->string, v[1] = m->pattern, v[2] = sp_int(m->pos), v[3] = sp_int(m->endpos);
    v[4] = sp_int(m->lastindex), *hint = (uint32_t)m->ngroups;
    return 6;
}

static sp_Obj *pattern_alloc(sp_VM *vm, uint32_t h) { return (void)h, sp_newobj(vm, &t_pattern, sizeof(Pattern)); }

static sp_Obj *match_alloc(sp_VM *vm, uint32_t g) {
    if (g > SP_RE_MAX_GROUPS) return sp_raise(vm, &sp_t_ValueError, "bad match"), NULL;
    Match *m = sp_newobj(vm, &t_match, sizeof(Match) + 4 * ((size_t)g + 1) * sizeof(int64_t));
    if (m) m->ngroups = (int)g, m->string = m->pattern = SP_NONEV;
    return (sp_Obj *)m;
}

static bool pattern_fill(sp_VM *vm, Pattern *p, const sp_Value *v, int n) {
    int64_t flags;
    if (n != 2 || !(sp_isstr(v[0]) || sp_istype(v[0], &sp_t_bytes)) || !sp_snap_int(vm, v[1], 0, 0xffff, &flags))
        return sp_raise(vm, &sp_t_ValueError, "bad pattern"), false;
    sp_Value c = compile_raw(vm, v[0], (int)flags);
    if (sp_iserr(c)) return false;
    p->re = PAT(c)->re, p->pattern = PAT(c)->pattern, p->groupindex = PAT(c)->groupindex;
    PAT(c)->re = NULL; /* the program moves here; the other object is garbage */
    return true;
}

static bool match_fill(sp_VM *vm, Match *m, const sp_Value *v, int n) {
    sp_Value s = n == 6 ? v[0] : SP_NONEV;
    int64_t pos, end, last, len = sp_isstr(s) ? (int64_t)SP_STR(s)->clen : sp_istype(s, &sp_t_bytes) ? (int64_t)SP_BYTES(s)->len : -1;
    if (len < 0 || !sp_istype(v[1], &t_pattern) || !PAT(v[1])->re || sp_isstr(s) != sp_isstr(PAT(v[1])->pattern) ||
        sp_re_groups(PAT(v[1])->re) != m->ngroups || !sp_istuple(v[5]))
        return sp_raise(vm, &sp_t_ValueError, "bad match"), false;
    size_t ns = 2 * ((size_t)m->ngroups + 1);
    if (SP_TUPLE(v[5])->n != ns || !sp_snap_int(vm, v[2], 0, len, &pos) || !sp_snap_int(vm, v[3], pos, len, &end) ||
        !sp_snap_int(vm, v[4], -1, m->ngroups, &last))
        return sp_raise(vm, &sp_t_ValueError, "bad match"), false;
    for (size_t i = 0; i < ns; i += 2) {
        sp_Value *it = SP_TUPLE(v[5])->items;
        int64_t a, b;
        if (!sp_snap_int(vm, it[i], -1, len, &a) || !sp_snap_int(vm, it[i + 1], -1, len, &b) ||
            (a < 0) != (b < 0) || a > b)
            return sp_raise(vm, &sp_t_ValueError, "bad match"), false;
        m->sp[i] = a, m->sp[i + 1] = b;
    }
    Text x;
    if (!text_init(vm, &x, s)) return false;
    for (size_t i = 0; i < ns; i++) m->sp[ns + i] = m->sp[i] < 0 ? -1 : (int64_t)text_byte(&x, m->sp[i]);
    text_free(vm, &x);
    m->string = s, m->pattern = v[1], m->pos = pos, m->endpos = end, m->lastindex = last;
    return true;
}

static bool re_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int n) {
    return o->type == &t_pattern ? pattern_fill(vm, (Pattern *)o, v, n) : match_fill(vm, (Match *)o, v, n);
}

const sp_SnapKind sp_snap_re[] = {
    {"re.Pattern", &t_pattern, false, re_save, pattern_alloc, re_fill},
    {"re.Match", &t_match, true, re_save, match_alloc, re_fill},
    {NULL, NULL, false, NULL, NULL, NULL},
};

/* ================================================================ module */

static sp_Value f_compile(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    if (!sp_parse_args(vm, "compile", args, nargs, kw, "!pattern|flags", o)) return SP_ERRV;
    return get_pattern(vm, o[0], o[1]);
}

static sp_Value f_search3(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, const char *name, int mode) {
    sp_Value o[3];
    if (!sp_parse_args(vm, name, args, nargs, kw, "!pattern,string|flags", o)) return SP_ERRV;
    sp_Value p = get_pattern(vm, o[0], o[2]);
    return sp_iserr(p) ? p : do_match(vm, p, o[1], SP_NULLV, SP_NULLV, mode);
}
static sp_Value f_match(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return f_search3(vm, a, n, kw, "match", SP_RE_MATCH); }
static sp_Value f_search(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return f_search3(vm, a, n, kw, "search", SP_RE_SEARCH); }
static sp_Value f_fullmatch(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return f_search3(vm, a, n, kw, "fullmatch", SP_RE_FULL); }

static sp_Value f_findall(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[3];
    if (!sp_parse_args(vm, "findall", args, nargs, kw, "!pattern,string|flags", o)) return SP_ERRV;
    sp_Value p = get_pattern(vm, o[0], o[2]);
    return sp_iserr(p) ? p : do_findall(vm, p, o[1], SP_NULLV, SP_NULLV);
}
static sp_Value f_finditer(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[3];
    if (!sp_parse_args(vm, "finditer", args, nargs, kw, "!pattern,string|flags", o)) return SP_ERRV;
    sp_Value p = get_pattern(vm, o[0], o[2]);
    return sp_iserr(p) ? p : do_finditer(vm, p, o[1], SP_NULLV, SP_NULLV);
}
static sp_Value f_split(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[4];
    if (!sp_parse_args(vm, "split", args, nargs, kw, "!pattern,string|maxsplit,flags", o)) return SP_ERRV;
    sp_Value p = get_pattern(vm, o[0], o[3]);
    return sp_iserr(p) ? p : do_split(vm, p, o[1], o[2]);
}
static sp_Value f_sub2(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, bool subn) {
    sp_Value o[5];
    if (!sp_parse_args(vm, subn ? "subn" : "sub", args, nargs, kw, "!pattern,repl,string|count,flags", o))
        return SP_ERRV;
    sp_Value p = get_pattern(vm, o[0], o[4]);
    return sp_iserr(p) ? p : do_sub(vm, p, o[1], o[2], o[3], subn);
}
static sp_Value f_sub(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return f_sub2(vm, a, n, kw, false); }
static sp_Value f_subn(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return f_sub2(vm, a, n, kw, true); }

/* re.escape: the characters of re._special_chars_map get a backslash. */
static bool special(uint32_t c) { return c < 128 && c && strchr("()[]{}?*+-|^$\\.&~# \t\n\r\v\f", (int)c); }

static sp_Value f_escape(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    if (!sp_parse_args(vm, "escape", args, nargs, kw, "!pattern", o)) return SP_ERRV;
    bool bytes = sp_istype(o[0], &sp_t_bytes);
    if (!bytes && !sp_isstr(o[0]))
        return sp_raise(vm, &sp_t_TypeError, "expected string or bytes-like object, got '%s'", sp_typename(o[0]));
    const char *p = bytes ? (const char *)SP_BYTES(o[0])->data : SP_STR(o[0])->data;
    size_t n = bytes ? SP_BYTES(o[0])->len : SP_STR(o[0])->len;
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        if (special((uint8_t)p[i])) ok = sp_buf_addc(&b, '\\');
        ok = ok && sp_buf_addc(&b, p[i]);
    }
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    if (!bytes) return sp_buf_tostr(&b);
    sp_Value r = sp_bytes_new(vm, b.p, b.n);
    sp_buf_free(&b);
    return r;
}

static sp_Value f_purge(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_parse_args(vm, "purge", args, nargs, kw, "!", NULL)) return SP_ERRV;
    sp_Value mod = sp_dict_gets(vm->modules, SP_NAME(re));
    if (!sp_isnull(mod) && sp_istype(mod, &sp_t_module)) {
        sp_Value d = sp_dict_new(vm);
        if (sp_iserr(d) || !sp_module_add(vm, (sp_Module *)SP_O(mod), "_cache", d)) return SP_ERRV;
    }
    return SP_NONEV;
}

static const sp_MethodDef re_funcs[] = {
    {"compile", f_compile, 0}, {"match", f_match, 0}, {"search", f_search, 0},
    {"fullmatch", f_fullmatch, 0}, {"findall", f_findall, 0}, {"finditer", f_finditer, 0},
    {"split", f_split, 0}, {"sub", f_sub, 0}, {"subn", f_subn, 0}, {"escape", f_escape, 0},
    {"purge", f_purge, 0}, {NULL, NULL, 0},
};

bool sp_re_init(sp_VM *vm, sp_Module *m) {
    static const struct { const char *name; int v; } consts[] = {
        {"NOFLAG", 0}, {"A", SP_RE_A}, {"ASCII", SP_RE_A}, {"I", SP_RE_I}, {"IGNORECASE", SP_RE_I},
        {"L", SP_RE_L}, {"LOCALE", SP_RE_L}, {"M", SP_RE_M}, {"MULTILINE", SP_RE_M},
        {"S", SP_RE_S}, {"DOTALL", SP_RE_S}, {"U", SP_RE_U}, {"UNICODE", SP_RE_U},
        {"X", SP_RE_X}, {"VERBOSE", SP_RE_X}, {"T", SP_RE_T}, {"TEMPLATE", SP_RE_T},
        {"DEBUG", SP_RE_DEBUG},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (!sp_module_add(vm, m, consts[i].name, sp_int(consts[i].v))) return false;
    sp_Value cache = sp_dict_new(vm);
    return !sp_iserr(cache) && sp_module_add(vm, m, "_cache", cache) &&
           sp_module_add_funcs(vm, m, re_funcs) && sp_module_add(vm, m, "error", sp_objv(&t_error)) &&
           sp_module_add(vm, m, "Pattern", sp_objv(&t_pattern)) &&
           sp_module_add(vm, m, "Match", sp_objv(&t_match));
}
