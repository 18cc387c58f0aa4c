/* sp_exc.c - exception types: CPython 3.11's hierarchy as static type
 * objects, construction, str/repr, and their attributes.
 *
 * Instances are sp_Exc.  Type-specific attributes (StopIteration.value,
 * SyntaxError.lineno, ImportError.name, ...) are not stored at creation:
 * their getters derive them from args unless the instance dict holds an
 * explicit value.  That keeps the hot path (sp_raise) to one allocation. */
#include "sp_exc.h"

#include <stdio.h>

#define EXC(v) ((sp_Exc *)SP_O(v))

static sp_Value exc_alloc(sp_VM *vm, sp_Type *t, sp_Value args) {
    sp_Exc *e = sp_newobj(vm, t, sizeof *e);
    if (!e) return SP_ERRV;
    e->args = args;
    return sp_objv(e);
}

sp_Value sp_exc_new(sp_VM *vm, sp_Type *t, sp_Value args_tuple) {
    if (!sp_istuple(args_tuple)) args_tuple = sp_objv(&sp_empty_tuple);
    return exc_alloc(vm, t, args_tuple);
}

bool sp_isexc_type(sp_Type *t) { return sp_issubtype(t, &sp_t_BaseException); }

sp_Value sp_exc_str(sp_VM *vm, sp_Value exc) { return sp_str(vm, exc); }

/* CPython's static-type names may carry their module ("json.decoder.X"). */
static const char *short_name(sp_Type *t) {
    const char *dot = strrchr(t->name, '.');
    return dot ? dot + 1 : t->name;
}

static sp_Tuple *exc_args(sp_Value self) { return SP_TUPLE(EXC(self)->args); }

/* ------------------------------------------------------ construction */

static bool kw_error(sp_VM *vm, sp_Type *t) {
    sp_raise(vm, &sp_t_TypeError, "%s() takes no keyword arguments", short_name(t));
    return false;
}

static bool dict_ensure(sp_VM *vm, sp_Exc *e) {
    if (e->dict) return true;
    sp_Value d = sp_dict_new(vm);
    if (sp_iserr(d)) return false;
    e->dict = SP_DICT(d);
    return true;
}

static bool attr_store(sp_VM *vm, sp_Exc *e, sp_Str *name, sp_Value v) {
    return dict_ensure(vm, e) && sp_dict_sets(vm, e->dict, name, v);
}

/* ImportError(msg, name=..., path=...): the only keywords any builtin
 * exception accepts. */
static bool import_kwargs(sp_VM *vm, sp_Exc *e, sp_Value *kwv, sp_Tuple *kw) {
    for (size_t i = 0; i < kw->n; i++) {
        sp_Str *k = SP_STR(kw->items[i]);
        if (!sp_str_eqc(k, "name") && !sp_str_eqc(k, "path")) {
            sp_raise(vm, &sp_t_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                     short_name(e->h.type));
            return false;
        }
        if (!attr_store(vm, e, k, kwv[i])) return false;
    }
    return true;
}

/* The checks of BaseException.__init__ and its overrides. */
static bool exc_init_checks(sp_VM *vm, sp_Exc *e, sp_Value *kwv, sp_Tuple *kw) {
    sp_Type *t = e->h.type;
    if (kw && kw->n) {
        if (sp_issubtype(t, &sp_t_ImportError)) return import_kwargs(vm, e, kwv, kw);
        return kw_error(vm, t);
    }
    return true;
}

sp_Value sp_exc_new_slot(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value tup = sp_tuple_pack(vm, (size_t)nargs, args);
    if (sp_iserr(tup)) return tup;
    sp_Value e = exc_alloc(vm, t, tup);
    if (sp_iserr(e)) return e;
    /* A user subclass may define __init__ with keywords: like CPython's
     * BaseException.__new__, accept them here and let __init__ judge. */
    if (!(t->flags & SP_TF_HEAPTYPE) && !exc_init_checks(vm, EXC(e), args + nargs, kw))
        return SP_ERRV;
    return e;
}

static sp_Value m_init(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Exc *e = EXC(args[0]);
    sp_Value tup = sp_tuple_pack(vm, (size_t)nargs - 1, args + 1);
    if (sp_iserr(tup)) return tup;
    e->args = tup;
    if (!exc_init_checks(vm, e, args + nargs, kw)) return SP_ERRV;
    return SP_NONEV;
}

/* --------------------------------------------------------- str/repr */

sp_Value sp_exc_base_str(sp_VM *vm, sp_Value self) {
    sp_Tuple *a = exc_args(self);
    if (a->n == 0) return sp_str_new(vm, "", 0);
    if (a->n == 1) return sp_str(vm, a->items[0]);
    return sp_str(vm, sp_objv(a));
}

sp_Value sp_exc_repr(sp_VM *vm, sp_Value self) {
    sp_Tuple *a = exc_args(self);
    const char *name = short_name(sp_typeof(self));
    if (a->n == 1) return sp_fmt(vm, "%s(%R)", name, a->items[0]);
    return sp_fmt(vm, "%s%R", name, sp_objv(a));
}

static sp_Value keyerror_str(sp_VM *vm, sp_Value self) {
    sp_Tuple *a = exc_args(self);
    if (a->n == 1) return sp_repr(vm, a->items[0]);
    return sp_exc_base_str(vm, self);
}

/* ------------------------------------------- derived attributes */

/* Where an attribute's default comes from: args[idx] when lo <= len(args)
 * <= hi; with sub >= 0, item sub of the info tuple args[1] (SyntaxError). */
typedef struct ExcAttr {
    const char *name;
    int8_t idx, lo, hi, sub;
} ExcAttr;

static sp_Value attr_default(sp_Exc *e, const ExcAttr *d) {
    sp_Tuple *a = SP_TUPLE(e->args);
    if ((int64_t)a->n < d->lo || (int64_t)a->n > d->hi) return SP_NONEV;
    sp_Value v = a->items[d->idx];
    if (d->sub < 0) return v;
    if (!sp_istuple(v) || (int64_t)SP_TUPLE(v)->n <= d->sub) return SP_NONEV;
    return SP_TUPLE(v)->items[d->sub];
}

/* An explicitly set value, SP_NULLV if none. */
static sp_Value dict_attr(sp_VM *vm, sp_Exc *e, const char *name) {
    if (!e->dict) return SP_NULLV;
    sp_Value k = sp_str_intern_cstr(vm, name);
    return sp_iserr(k) ? k : sp_dict_gets(e->dict, SP_STR(k));
}

static sp_Value attr_get(sp_VM *vm, sp_Value self, const ExcAttr *d) {
    sp_Value v = dict_attr(vm, EXC(self), d->name);
    return sp_isnull(v) ? attr_default(EXC(self), d) : v;
}

static bool attr_set(sp_VM *vm, sp_Value self, const char *name, sp_Value v) {
    sp_Exc *e = EXC(self);
    sp_Value k = sp_str_intern_cstr(vm, name);
    if (sp_iserr(k)) return false;
    if (sp_isnull(v)) v = SP_NONEV; /* del: back to None, as a C member */
    return attr_store(vm, e, SP_STR(k), v);
}

#define ATTR(id, nm, idx, lo, hi, sub)                                                   \
    static const ExcAttr A_##id = {nm, idx, lo, hi, sub};                                \
    static sp_Value g_##id(sp_VM *vm, sp_Value s) { return attr_get(vm, s, &A_##id); }   \
    static bool s_##id(sp_VM *vm, sp_Value s, sp_Value v) { return attr_set(vm, s, nm, v); }
#define GS(id, nm) {nm, g_##id, s_##id}

ATTR(value, "value", 0, 1, 127, -1)
ATTR(smsg, "msg", 0, 1, 127, -1)
ATTR(sfile, "filename", 1, 2, 2, 0)
ATTR(sline, "lineno", 1, 2, 2, 1)
ATTR(soff, "offset", 1, 2, 2, 2)
ATTR(stext, "text", 1, 2, 2, 3)
ATTR(sendl, "end_lineno", 1, 2, 2, 4)
ATTR(sendo, "end_offset", 1, 2, 2, 5)
ATTR(pfl, "print_file_and_line", 0, 127, 0, -1)
ATTR(imsg, "msg", 0, 1, 1, -1)
ATTR(iname, "name", 0, 127, 0, -1)
ATTR(ipath, "path", 0, 127, 0, -1)
ATTR(errno_, "errno", 0, 2, 5, -1)
ATTR(strerror, "strerror", 1, 2, 5, -1)
ATTR(ofile, "filename", 2, 3, 5, -1)
ATTR(ofile2, "filename2", 4, 5, 5, -1)
ATTR(obj, "obj", 0, 127, 0, -1)
ATTR(uenc, "encoding", 0, 5, 5, -1)
ATTR(uobj, "object", 1, 5, 5, -1)
ATTR(ustart, "start", 2, 5, 5, -1)
ATTR(uend, "end", 3, 5, 5, -1)
ATTR(ureason, "reason", 4, 5, 5, -1)

/* SystemExit.code: None, args[0], or args if several. */
static const ExcAttr A_code = {"code", 0, 1, 1, -1};
static bool s_code(sp_VM *vm, sp_Value s, sp_Value v) { return attr_set(vm, s, "code", v); }
static sp_Value g_sysexit_code(sp_VM *vm, sp_Value s) {
    sp_Value v = dict_attr(vm, EXC(s), "code");
    if (!sp_isnull(v)) return v;
    sp_Tuple *a = exc_args(s);
    return a->n > 1 ? sp_objv(a) : attr_default(EXC(s), &A_code);
}

static const sp_GetSetDef stopiter_gs[] = {GS(value, "value"), {NULL, NULL, NULL}};
static const sp_GetSetDef sysexit_gs[] = {{"code", g_sysexit_code, s_code}, {NULL, NULL, NULL}};
static const sp_GetSetDef syntax_gs[] = {
    GS(smsg, "msg"),
    GS(sfile, "filename"),
    GS(sline, "lineno"),
    GS(soff, "offset"),
    GS(stext, "text"),
    GS(sendl, "end_lineno"),
    GS(sendo, "end_offset"),
    GS(pfl, "print_file_and_line"),
    {NULL, NULL, NULL},
};
static const sp_GetSetDef import_gs[] = {
    GS(imsg, "msg"),
    GS(iname, "name"),
    GS(ipath, "path"),
    {NULL, NULL, NULL},
};
static const sp_GetSetDef os_gs[] = {
    GS(errno_, "errno"),
    GS(strerror, "strerror"),
    GS(ofile, "filename"),
    GS(ofile2, "filename2"),
    {NULL, NULL, NULL},
};
static const sp_GetSetDef name_gs[] = {GS(iname, "name"), {NULL, NULL, NULL}};
static const sp_GetSetDef attr_gs[] = {GS(iname, "name"), GS(obj, "obj"), {NULL, NULL, NULL}};
static const sp_GetSetDef unicode_gs[] = {
    GS(uenc, "encoding"),
    GS(uobj, "object"),
    GS(ustart, "start"),
    GS(uend, "end"),
    GS(ureason, "reason"),
    {NULL, NULL, NULL},
};

/* ------------------------------------------- type-specific str */

static sp_Value syntax_str(sp_VM *vm, sp_Value self) {
    sp_Value msg = attr_get(vm, self, &A_smsg);
    sp_Value file = attr_get(vm, self, &A_sfile);
    sp_Value line = attr_get(vm, self, &A_sline);
    if (sp_iserr(msg) || sp_iserr(file) || sp_iserr(line)) return SP_ERRV;
    const char *base = NULL;
    if (sp_isstr(file)) {
        const char *f = SP_STR(file)->data, *slash = strrchr(f, '/');
        base = slash ? slash + 1 : f;
    }
    bool hasline = sp_isint(line);
    if (base && hasline) return sp_fmt(vm, "%S (%s, line %lld)", msg, base, (long long)line.u.i);
    if (base) return sp_fmt(vm, "%S (%s)", msg, base);
    if (hasline) return sp_fmt(vm, "%S (line %lld)", msg, (long long)line.u.i);
    return sp_str(vm, msg);
}

static sp_Value import_str(sp_VM *vm, sp_Value self) {
    sp_Value msg = attr_get(vm, self, &A_imsg);
    if (sp_iserr(msg) || sp_isstr(msg)) return msg;
    return sp_exc_base_str(vm, self);
}

static sp_Value os_str(sp_VM *vm, sp_Value self) {
    sp_Value no = attr_get(vm, self, &A_errno_), se = attr_get(vm, self, &A_strerror);
    sp_Value f = attr_get(vm, self, &A_ofile), f2 = attr_get(vm, self, &A_ofile2);
    if (sp_iserr(no) || sp_iserr(se) || sp_iserr(f) || sp_iserr(f2)) return SP_ERRV;
    if (!sp_isnone(f) && !sp_isnone(f2))
        return sp_fmt(vm, "[Errno %S] %S: %R -> %R", no, se, f, f2);
    if (!sp_isnone(f)) return sp_fmt(vm, "[Errno %S] %S: %R", no, se, f);
    if (!sp_isnone(no) && !sp_isnone(se)) return sp_fmt(vm, "[Errno %S] %S", no, se);
    return sp_exc_base_str(vm, self);
}

/* UnicodeDecodeError / UnicodeEncodeError built with CPython's 5 args. */
static bool unicode_parts(sp_Value self, sp_Value **a, int64_t *start, int64_t *end) {
    sp_Tuple *t = exc_args(self);
    if (t->n != 5 || !sp_isstr(t->items[0]) || !sp_isint(t->items[2]) ||
        !sp_isint(t->items[3]) || !sp_isstr(t->items[4]))
        return false;
    *a = t->items;
    *start = t->items[2].u.i;
    *end = t->items[3].u.i;
    return *start >= 0 && *end > *start;
}

static sp_Value udecode_str(sp_VM *vm, sp_Value self) {
    sp_Value *a;
    int64_t s, e;
    if (!unicode_parts(self, &a, &s, &e) || !sp_istype(a[1], &sp_t_bytes) ||
        (size_t)s >= SP_BYTES(a[1])->len)
        return sp_exc_base_str(vm, self);
    if (e == s + 1) {
        char hex[8];
        snprintf(hex, sizeof hex, "%02x", SP_BYTES(a[1])->data[s]);
        return sp_fmt(vm, "'%S' codec can't decode byte 0x%s in position %lld: %S", a[0], hex,
                      (long long)s, a[4]);
    }
    return sp_fmt(vm, "'%S' codec can't decode bytes in position %lld-%lld: %S", a[0],
                  (long long)s, (long long)(e - 1), a[4]);
}

static sp_Value uencode_str(sp_VM *vm, sp_Value self) {
    sp_Value *a;
    int64_t s, e;
    if (!unicode_parts(self, &a, &s, &e) || !sp_isstr(a[1]) ||
        (size_t)s >= SP_STR(a[1])->clen)
        return sp_exc_base_str(vm, self);
    if (e != s + 1)
        return sp_fmt(vm, "'%S' codec can't encode characters in position %lld-%lld: %S", a[0],
                      (long long)s, (long long)(e - 1), a[4]);
    sp_Str *str = SP_STR(a[1]);
    size_t i = 0;
    uint32_t cp = 0;
    for (int64_t k = 0; k <= s; k++) cp = sp_utf8_next(str->data, &i);
    char esc[16];
    snprintf(esc, sizeof esc, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x",
             (unsigned)cp);
    return sp_fmt(vm, "'%S' codec can't encode character '%s' in position %lld: %S", a[0], esc,
                  (long long)s, a[4]);
}

/* ------------------------------------------- core attributes */

static sp_Value g_args(sp_VM *vm, sp_Value s) { (void)vm; return EXC(s)->args; }
static bool s_args(sp_VM *vm, sp_Value s, sp_Value v) {
    if (sp_isnull(v)) {
        sp_raise(vm, &sp_t_TypeError, "args may not be deleted");
        return false;
    }
    sp_Value t = sp_tuple_from_iter(vm, v);
    if (sp_iserr(t)) return false;
    EXC(s)->args = t;
    return true;
}

static sp_Value opt(sp_Value v) { return sp_isnull(v) ? SP_NONEV : v; }

/* None or an exception instance, for __cause__/__context__. */
static bool exc_or_none(sp_VM *vm, sp_Value v, const char *what, sp_Value *out) {
    if (sp_isnull(v)) {
        sp_raise(vm, &sp_t_TypeError, "%s may not be deleted", what);
        return false;
    }
    if (sp_isnone(v)) {
        *out = SP_NULLV;
        return true;
    }
    if (!sp_isexc_type(sp_typeof(v))) {
        sp_raise(vm, &sp_t_TypeError, "exception %s must be None or derive from BaseException",
                 what + 2 /* skip "__" */);
        return false;
    }
    *out = v;
    return true;
}

static sp_Value g_cause(sp_VM *vm, sp_Value s) { (void)vm; return opt(EXC(s)->cause); }
static bool s_cause(sp_VM *vm, sp_Value s, sp_Value v) {
    if (!exc_or_none(vm, v, "__cause__", &EXC(s)->cause)) return false;
    EXC(s)->suppress_context = true;
    return true;
}
static sp_Value g_context(sp_VM *vm, sp_Value s) { (void)vm; return opt(EXC(s)->context); }
static bool s_context(sp_VM *vm, sp_Value s, sp_Value v) {
    return exc_or_none(vm, v, "__context__", &EXC(s)->context);
}
static sp_Value g_suppress(sp_VM *vm, sp_Value s) {
    (void)vm;
    return sp_bool(EXC(s)->suppress_context);
}
static bool s_suppress(sp_VM *vm, sp_Value s, sp_Value v) {
    int t = sp_isnull(v) ? 0 : sp_truthy(vm, v);
    if (t < 0) return false;
    EXC(s)->suppress_context = t;
    return true;
}

/* Tracebacks never reach Python code: frames are interpreter internals. */
static sp_Value g_tb(sp_VM *vm, sp_Value s) { (void)vm; (void)s; return SP_NONEV; }
static bool check_tb(sp_VM *vm, sp_Value v) {
    if (!sp_isnone(v)) {
        sp_raise(vm, &sp_t_TypeError, "__traceback__ must be a traceback or None");
        return false;
    }
    return true;
}
static bool s_tb(sp_VM *vm, sp_Value s, sp_Value v) {
    (void)s;
    if (!check_tb(vm, v)) return false;
    EXC(s)->tb = NULL;
    return true;
}

static sp_Value g_dict(sp_VM *vm, sp_Value s) {
    if (!dict_ensure(vm, EXC(s))) return SP_ERRV;
    return sp_objv(EXC(s)->dict);
}

static const sp_GetSetDef base_gs[] = {
    {"args", g_args, s_args},
    {"__cause__", g_cause, s_cause},
    {"__context__", g_context, s_context},
    {"__suppress_context__", g_suppress, s_suppress},
    {"__traceback__", g_tb, s_tb},
    {"__dict__", g_dict, NULL},
    {NULL, NULL, NULL},
};

/* ------------------------------------------- methods */

static sp_Value m_with_tb(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "with_traceback", kw) ||
        !sp_check_nargs(vm, "with_traceback", nargs - 1, 1, 1) || !check_tb(vm, args[1]))
        return SP_ERRV;
    return args[0];
}

static sp_Value m_add_note(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "add_note", kw) || !sp_check_nargs(vm, "add_note", nargs - 1, 1, 1))
        return SP_ERRV;
    if (!sp_isstr(args[1])) return sp_raise(vm, &sp_t_TypeError, "note must be a str, not '%T'", args[1]);
    sp_Value key = sp_str_intern_cstr(vm, "__notes__");
    sp_Exc *e = EXC(args[0]);
    if (sp_iserr(key) || !dict_ensure(vm, e)) return SP_ERRV;
    sp_Value notes = sp_dict_gets(e->dict, SP_STR(key));
    if (sp_isnull(notes)) {
        notes = sp_list_new(vm, 0);
        if (sp_iserr(notes) || !sp_dict_sets(vm, e->dict, SP_STR(key), notes)) return SP_ERRV;
    }
    if (!sp_islist(notes)) return sp_raise(vm, &sp_t_TypeError, "Cannot add note: __notes__ is not a list");
    return sp_list_append(vm, SP_LIST(notes), args[1]) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_str(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__str__", kw) || !sp_check_nargs(vm, "__str__", nargs - 1, 0, 0))
        return SP_ERRV;
    return sp_exc_base_str(vm, args[0]);
}

static sp_Value m_repr(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__repr__", kw) || !sp_check_nargs(vm, "__repr__", nargs - 1, 0, 0))
        return SP_ERRV;
    return sp_exc_repr(vm, args[0]);
}

static const sp_MethodDef base_methods[] = {
    {"__init__", m_init, 0},
    {"__str__", m_str, 0},
    {"__repr__", m_repr, 0},
    {"with_traceback", m_with_tb, 0},
    {"add_note", m_add_note, 0},
    {NULL, NULL, 0},
};

/* ------------------------------------------- generic slots */

void sp_exc_traverse(sp_VM *vm, sp_Obj *o) {
    sp_Exc *e = (sp_Exc *)o;
    sp_gc_markv(vm, e->args);
    sp_gc_markv(vm, e->cause);
    sp_gc_markv(vm, e->context);
    if (e->tb) sp_gc_marko(vm, e->tb);
    if (e->dict) sp_gc_marko(vm, (sp_Obj *)e->dict);
}

/* Instance dict first (user attributes and explicit overrides of the
 * derived ones), then getsets and methods. */
sp_Value sp_exc_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    sp_Exc *e = EXC(self);
    if (e->dict) {
        sp_Value v = sp_dict_gets(e->dict, name);
        if (!sp_isnull(v)) return v;
    }
    return sp_generic_getattr(vm, self, name);
}

static const sp_GetSetDef *find_gs(sp_Type *t, sp_Str *name) {
    for (; t; t = t->base)
        for (const sp_GetSetDef *g = t->getsets; g && g->name; g++)
            if (sp_str_eqc(name, g->name)) return g;
    return NULL;
}

bool sp_exc_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    sp_Exc *e = EXC(self);
    const sp_GetSetDef *g = find_gs(sp_typeof(self), name);
    if (g && g->set) return g->set(vm, self, v);
    if (g) {
        sp_raise(vm, &sp_t_AttributeError, "attribute '%U' of '%s' objects is not writable",
                 name, short_name(sp_typeof(self)));
        return false;
    }
    if (!sp_isnull(v)) return attr_store(vm, e, name, v);
    int r = e->dict ? sp_dict_del(vm, e->dict, sp_objv(name)) : 0;
    if (r == 0)
        sp_raise(vm, &sp_t_AttributeError, "'%s' object has no attribute '%U'",
                 short_name(sp_typeof(self)), name);
    return r > 0;
}

static bool has_attr(sp_Exc *e, const char *name) {
    size_t pos = 0;
    sp_Value k, v;
    while (e->dict && sp_dict_next(e->dict, &pos, &k, &v))
        if (sp_isstr(k) && sp_str_eqc(SP_STR(k), name) && !sp_isnone(v)) return true;
    return false;
}

static bool store_named(sp_VM *vm, sp_Exc *e, const char *name, sp_Value v) {
    sp_Value k = sp_str_intern_cstr(vm, name);
    return !sp_iserr(k) && attr_store(vm, e, SP_STR(k), v);
}

void sp_exc_set_name_obj(sp_VM *vm, sp_Str *name, sp_Value obj) {
    sp_Value exc = vm->exc;
    if (!sp_isobj(exc) || !sp_isexc_type(sp_typeof(exc))) return;
    sp_Exc *e = EXC(exc);
    if (has_attr(e, "name") || has_attr(e, "obj")) return;
    size_t pins = 0;
    bool ok = sp_pin(vm, exc) && ++pins && sp_pin(vm, sp_objv(name)) && ++pins &&
              (sp_isnull(obj) || (sp_pin(vm, obj) && ++pins)) &&
              store_named(vm, e, "name", sp_objv(name)) &&
              (sp_isnull(obj) || store_named(vm, e, "obj", obj));
    sp_unpin(vm, pins);
    if (!ok && !vm->limit_hit) vm->exc = exc; /* a MemoryError here loses only the hint */
}

/* ------------------------------------------- the types */

#define EXC_TYPE(NAME, BASE, GS_, STR, METHODS) \
    sp_Type sp_t_##NAME = SP_EXC_TYPE_INIT(#NAME, BASE, GS_, STR, METHODS);
#define E(NAME, BASE) EXC_TYPE(NAME, &sp_t_##BASE, NULL, sp_exc_base_str, NULL)
#define EG(NAME, BASE, GS_, STR) EXC_TYPE(NAME, &sp_t_##BASE, GS_, STR, NULL)

EXC_TYPE(BaseException, &sp_t_object, base_gs, sp_exc_base_str, base_methods)
EG(SystemExit, BaseException, sysexit_gs, sp_exc_base_str)
E(KeyboardInterrupt, BaseException)
E(GeneratorExit, BaseException)
E(Exception, BaseException)
EG(StopIteration, Exception, stopiter_gs, sp_exc_base_str)
E(StopAsyncIteration, Exception)
E(ArithmeticError, Exception)
E(FloatingPointError, ArithmeticError)
E(OverflowError, ArithmeticError)
E(ZeroDivisionError, ArithmeticError)
E(AssertionError, Exception)
EG(AttributeError, Exception, attr_gs, sp_exc_base_str)
E(BufferError, Exception)
E(EOFError, Exception)
EG(ImportError, Exception, import_gs, import_str)
EG(ModuleNotFoundError, ImportError, NULL, import_str)
E(LookupError, Exception)
E(IndexError, LookupError)
EG(KeyError, LookupError, NULL, keyerror_str)
E(MemoryError, Exception)
EG(NameError, Exception, name_gs, sp_exc_base_str)
E(UnboundLocalError, NameError)
EG(OSError, Exception, os_gs, os_str)
#define OSE(NAME, BASE) EG(NAME, BASE, NULL, os_str)
OSE(TimeoutError, OSError)
OSE(BlockingIOError, OSError)
OSE(ChildProcessError, OSError)
OSE(ConnectionError, OSError)
OSE(BrokenPipeError, ConnectionError)
OSE(ConnectionAbortedError, ConnectionError)
OSE(ConnectionRefusedError, ConnectionError)
OSE(ConnectionResetError, ConnectionError)
OSE(FileExistsError, OSError)
OSE(FileNotFoundError, OSError)
OSE(InterruptedError, OSError)
OSE(IsADirectoryError, OSError)
OSE(NotADirectoryError, OSError)
OSE(PermissionError, OSError)
OSE(ProcessLookupError, OSError)
E(ReferenceError, Exception)
E(RuntimeError, Exception)
E(NotImplementedError, RuntimeError)
E(RecursionError, RuntimeError)
EG(SyntaxError, Exception, syntax_gs, syntax_str)
EG(IndentationError, SyntaxError, NULL, syntax_str)
EG(TabError, IndentationError, NULL, syntax_str)
E(SystemError, Exception)
E(TypeError, Exception)
E(ValueError, Exception)
E(UnicodeError, ValueError)
EG(UnicodeDecodeError, UnicodeError, unicode_gs, udecode_str)
EG(UnicodeEncodeError, UnicodeError, unicode_gs, uencode_str)
E(UnicodeTranslateError, UnicodeError)
E(Warning, Exception)
E(UserWarning, Warning)
E(DeprecationWarning, Warning)
E(PendingDeprecationWarning, Warning)
E(SyntaxWarning, Warning)
E(RuntimeWarning, Warning)
E(FutureWarning, Warning)
E(ImportWarning, Warning)
E(UnicodeWarning, Warning)
E(BytesWarning, Warning)
E(ResourceWarning, Warning)
E(EncodingWarning, Warning)
