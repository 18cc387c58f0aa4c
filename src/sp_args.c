/* sp_args.c - argument parsing for native functions, with the messages
 * of CPython 3.11's Argument Clinic (_PyArg_UnpackKeywords and
 * _PyArg_CheckPositional).
 *
 * Spec grammar: names separated by ',', with markers that may stand alone
 * or prefix a name: '/' ends the positional-only names (as in Python),
 * '|' starts the optional ones, '$' starts the keyword-only ones.
 * "iterable|$key,reverse", "x|base", "x,/|base" are all valid.  A leading
 * '!' asks for the messages of a function written in Python (CPython's
 * ceval.c), for natives standing in for functions of Lib. */
#include "sp.h"

enum { MAXNAMES = 24 };

typedef struct Spec {
    const char *name[MAXNAMES];
    uint8_t len[MAXNAMES];
    int n, posonly, optstart, maxpos;
} Spec;

static void parse_spec(const char *s, Spec *sp) {
    sp->n = 0;
    sp->posonly = 0;
    sp->optstart = sp->maxpos = -1;
    while (*s) {
        char c = *s;
        if (c == ',' || c == '!') { s++; continue; }
        if (c == '|') { sp->optstart = sp->n; s++; continue; }
        if (c == '$') { sp->maxpos = sp->n; s++; continue; }
        if (c == '/') { sp->posonly = sp->n; s++; continue; }
        const char *e = s;
        while (*e && *e != ',' && *e != '|' && *e != '$' && *e != '/') e++; /* hot: no strchr */
        if (sp->n < MAXNAMES) {
            sp->name[sp->n] = s;
            sp->len[sp->n] = (uint8_t)(e - s);
            sp->n++;
        }
        s = e;
    }
    if (sp->optstart < 0) sp->optstart = sp->n;
    if (sp->maxpos < 0) sp->maxpos = sp->n;
}

static bool name_eq(sp_Str *k, const char *name, size_t len) {
    return k->len == len && memcmp(k->data, name, len) == 0;
}

static int kw_find(sp_Tuple *kw, const char *name, size_t len) {
    for (size_t j = 0; kw && j < kw->n; j++)
        if (name_eq(SP_STR(kw->items[j]), name, len)) return (int)j;
    return -1;
}

static const char *plural(int64_t n) { return n == 1 ? "" : "s"; }

static bool positional_errors(sp_VM *vm, const char *f, const Spec *sp, int nargs, int nkw) {
    int minpos = sp->optstart < sp->maxpos ? sp->optstart : sp->maxpos;
    int minposonly = sp->posonly < minpos ? sp->posonly : minpos;
    if (nargs + nkw > sp->n)
        sp_raise(vm, &sp_t_TypeError, "%s() takes at most %d %sargument%s (%d given)", f, sp->n,
                 nargs == 0 ? "keyword " : "", plural(sp->n), nargs + nkw);
    else if (nargs > sp->maxpos && sp->maxpos == 0)
        sp_raise(vm, &sp_t_TypeError, "%s() takes no positional arguments", f);
    else if (nargs > sp->maxpos)
        sp_raise(vm, &sp_t_TypeError, "%s() takes %s %d positional argument%s (%d given)", f,
                 minpos < sp->maxpos ? "at most" : "exactly", sp->maxpos, plural(sp->maxpos),
                 nargs);
    else if (nargs < minposonly)
        sp_raise(vm, &sp_t_TypeError, "%s() takes %s %d positional argument%s (%d given)", f,
                 minposonly < sp->maxpos ? "at least" : "exactly", minposonly,
                 plural(minposonly), nargs);
    else
        return false;
    return true;
}

/* Some keywords matched nothing: name the first culprit as CPython does. */
static void keyword_error(sp_VM *vm, const char *f, const Spec *sp, int nargs, sp_Tuple *kw) {
    for (int i = sp->posonly; i < nargs; i++)
        if (kw_find(kw, sp->name[i], sp->len[i]) >= 0) {
            sp_raise(vm, &sp_t_TypeError, "argument for %s() given by name ('%.*s') and position (%d)",
                     f, (int)sp->len[i], sp->name[i], i + 1);
            return;
        }
    for (size_t j = 0; j < kw->n; j++) {
        sp_Str *k = SP_STR(kw->items[j]);
        bool known = false;
        for (int i = sp->posonly; i < sp->n && !known; i++) known = name_eq(k, sp->name[i], sp->len[i]);
        if (!known) {
            sp_raise(vm, &sp_t_TypeError, "'%U' is an invalid keyword argument for %s()", k, f);
            return;
        }
    }
}

/* 'a' / 'a' and 'b' / 'a', 'b', and 'c' (ceval.c's format_missing). */
static void py_missing(sp_VM *vm, const char *f, const Spec *sp, sp_Value *out, int from, int to,
                       const char *kind) {
    int total = 0, k = 0;
    for (int i = from; i < to; i++) total += sp_isnull(out[i]);
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_buf_addf(&b, "%s() missing %d required %s argument%s: ", f, total, kind, plural(total));
    for (int i = from; ok && i < to; i++) {
        if (!sp_isnull(out[i])) continue;
        const char *sep = k == 0 ? "" : k == total - 1 ? (total > 2 ? ", and " : " and ") : ", ";
        ok = sp_buf_addf(&b, "%s'%.*s'", sep, (int)sp->len[i], sp->name[i]);
        k++;
    }
    sp_Value msg = ok ? sp_buf_tostr(&b) : (sp_buf_free(&b), SP_ERRV);
    if (!sp_iserr(msg)) sp_raise(vm, &sp_t_TypeError, "%S", msg);
}

/* Binding as ceval.c's initialize_locals: keywords, then too many
 * positionals, then the missing ones. */
static bool py_parse(sp_VM *vm, const char *f, const Spec *sp, sp_Value *args, int nargs,
                     sp_Tuple *kw, sp_Value *out) {
    for (int i = 0; i < sp->n; i++) out[i] = i < nargs && i < sp->maxpos ? args[i] : SP_NULLV;
    for (size_t j = 0; kw && j < kw->n; j++) {
        sp_Str *k = SP_STR(kw->items[j]);
        int i = sp->posonly;
        while (i < sp->n && !name_eq(k, sp->name[i], sp->len[i])) i++;
        if (i == sp->n) {
            sp_raise(vm, &sp_t_TypeError, "%s() got an unexpected keyword argument '%U'", f, k);
            return false;
        }
        if (!sp_isnull(out[i])) {
            sp_raise(vm, &sp_t_TypeError, "%s() got multiple values for argument '%U'", f, k);
            return false;
        }
        out[i] = args[nargs + j];
    }
    int req = sp->optstart < sp->maxpos ? sp->optstart : sp->maxpos;
    if (nargs > sp->maxpos) {
        if (req < sp->maxpos)
            sp_raise(vm, &sp_t_TypeError, "%s() takes from %d to %d positional arguments but %d %s given",
                     f, req, sp->maxpos, nargs, nargs == 1 ? "was" : "were");
        else
            sp_raise(vm, &sp_t_TypeError, "%s() takes %d positional argument%s but %d %s given", f,
                     sp->maxpos, plural(sp->maxpos), nargs, nargs == 1 ? "was" : "were");
        return false;
    }
    for (int i = 0; i < req; i++)
        if (sp_isnull(out[i])) {
            py_missing(vm, f, sp, out, 0, req, "positional");
            return false;
        }
    for (int i = sp->maxpos; i < sp->optstart; i++)
        if (sp_isnull(out[i])) {
            py_missing(vm, f, sp, out, sp->maxpos, sp->optstart, "keyword-only");
            return false;
        }
    return true;
}

bool sp_parse_args(sp_VM *vm, const char *fname, sp_Value *args, int nargs, sp_Tuple *kw,
                   const char *spec, sp_Value *out) {
    Spec sp;
    parse_spec(spec, &sp);
    if (*spec == '!') return py_parse(vm, fname, &sp, args, nargs, kw, out);
    int nkw = kw ? (int)kw->n : 0;
    if (positional_errors(vm, fname, &sp, nargs, nkw)) return false;
    for (int i = 0; i < sp.n; i++) out[i] = i < nargs ? args[i] : SP_NULLV;
    int used = 0;
    for (int i = nargs > sp.posonly ? nargs : sp.posonly; i < sp.n; i++) {
        int j = nkw ? kw_find(kw, sp.name[i], sp.len[i]) : -1;
        if (j >= 0) {
            out[i] = args[nargs + j];
            used++;
        } else if (i < sp.optstart) {
            sp_raise(vm, &sp_t_TypeError, "%s() missing required argument '%.*s' (pos %d)", fname,
                     (int)sp.len[i], sp.name[i], i + 1);
            return false;
        }
    }
    if (used < nkw) {
        keyword_error(vm, fname, &sp, nargs, kw);
        return false;
    }
    return true;
}

bool sp_no_kwargs(sp_VM *vm, const char *fname, sp_Tuple *kw) {
    if (!kw || kw->n == 0) return true;
    sp_raise(vm, &sp_t_TypeError, "%s() takes no keyword arguments", fname);
    return false;
}

bool sp_check_nargs(sp_VM *vm, const char *fname, int nargs, int min, int max) {
    if (nargs >= min && nargs <= max) return true;
    if (max == 0)
        sp_raise(vm, &sp_t_TypeError, "%s() takes no arguments (%d given)", fname, nargs);
    else if (nargs < min)
        sp_raise(vm, &sp_t_TypeError, "%s expected %s%d argument%s, got %d", fname,
                 min == max ? "" : "at least ", min, plural(min), nargs);
    else
        sp_raise(vm, &sp_t_TypeError, "%s expected %s%d argument%s, got %d", fname,
                 min == max ? "" : "at most ", max, plural(max), nargs);
    return false;
}
