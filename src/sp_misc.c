/* sp_misc.c - small shared types: None, NotImplemented, Ellipsis,
 * object, type (as a callable and for type attributes), native functions
 * and bound methods. */
#include "sp_class.h"

/* "0x..." part of default reprs: a per-VM id, never a host address. */
static unsigned long long oid(sp_VM *vm, sp_Value v) {
    return (unsigned long long)sp_obj_id(vm, SP_O(v));
}

/* Static types may carry their module in the name (CPython's tp_name). */
static const char *short_name_of(const char *name) {
    const char *dot = strrchr(name, '.');
    return dot ? dot + 1 : name;
}
#define short_name(t) short_name_of((t)->name)

static sp_Type *py_type(sp_Value v) {
    sp_Type *t = sp_typeof(v);
    if (t->base == &sp_t_type && sp_nt_meta(t)) return &sp_t_type; /* a namedtuple class */
    return t == &sp_t_bigint_ ? &sp_t_int : t;
}

/* --------------------------------------------- singletons */

static sp_Value singleton_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)args;
    if (nargs || (kw && kw->n))
        return sp_raise(vm, &sp_t_TypeError, "%s takes no arguments", t->name);
    if (t == &sp_t_NoneType) return SP_NONEV;
    return sp_objv(t == &sp_t_ellipsis ? &sp_Ellipsis_obj : &sp_NotImplemented_obj);
}

static sp_Value none_repr(sp_VM *vm, sp_Value v) { (void)v; return sp_str_intern_cstr(vm, "None"); }
static sp_Value notimpl_repr(sp_VM *vm, sp_Value v) {
    (void)v;
    return sp_str_intern_cstr(vm, "NotImplemented");
}
static sp_Value ellipsis_repr(sp_VM *vm, sp_Value v) {
    (void)v;
    return sp_str_intern_cstr(vm, "Ellipsis");
}
static int none_truthy(sp_VM *vm, sp_Value v) { (void)vm; (void)v; return 0; }

#define SINGLETON_TYPE(var, nm, reprfn, truthfn)                                          \
    sp_Type var = {.h = SP_STATIC_HDR(&sp_t_type), .name = nm, .base = &sp_t_object,       \
                   .new_ = singleton_new, .repr = reprfn, .truthy = truthfn};
SINGLETON_TYPE(sp_t_NoneType, "NoneType", none_repr, none_truthy)
SINGLETON_TYPE(sp_t_NotImplementedType, "NotImplementedType", notimpl_repr, NULL)
SINGLETON_TYPE(sp_t_ellipsis, "ellipsis", ellipsis_repr, NULL)

sp_Obj sp_NotImplemented_obj = SP_STATIC_HDR(&sp_t_NotImplementedType);
sp_Obj sp_Ellipsis_obj = SP_STATIC_HDR(&sp_t_ellipsis);

/* --------------------------------------------- object */

static sp_Value object_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)args;
    if (nargs || (kw && kw->n))
        return sp_raise(vm, &sp_t_TypeError, "%s() takes no arguments", t->name);
    sp_Obj *o = sp_newobj(vm, t, sizeof *o);
    return o ? sp_objv(o) : SP_ERRV;
}

static sp_Value g_tmodule(sp_VM *vm, sp_Value self);
static sp_Value g_tqualname(sp_VM *vm, sp_Value self);

static sp_Value object_repr(sp_VM *vm, sp_Value v) {
    sp_Type *t = sp_typeof(v);
    if (t->flags & SP_TF_HEAPTYPE) { /* <__main__.A object at 0x...> */
        sp_Value m = g_tmodule(vm, sp_objv(t)), q = sp_iserr(m) ? m : g_tqualname(vm, sp_objv(t));
        if (sp_iserr(q)) return q;
        if (sp_isstr(m) && !sp_str_eqc(SP_STR(m), "builtins"))
            return sp_fmt(vm, "<%S.%S object at 0x%llx>", m, q, oid(vm, v));
        return sp_fmt(vm, "<%S object at 0x%llx>", q, oid(vm, v));
    }
    return sp_fmt(vm, "<%s object at 0x%llx>", t->name, oid(vm, v));
}

static sp_Value m_obj_init(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)args;
    if (nargs > 1 || (kw && kw->n))
        return sp_raise(vm, &sp_t_TypeError,
                        "object.__init__() takes exactly one argument (the instance to initialize)");
    return SP_NONEV;
}

static sp_Value m_obj_repr(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__repr__", kw) || !sp_check_nargs(vm, "__repr__", nargs - 1, 0, 0))
        return SP_ERRV;
    return object_repr(vm, args[0]);
}

static sp_Value m_obj_str(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__str__", kw) || !sp_check_nargs(vm, "__str__", nargs - 1, 0, 0))
        return SP_ERRV;
    return sp_repr(vm, args[0]);
}

static sp_Value obj_cmp(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, const char *name,
                        bool eq) {
    if (!sp_no_kwargs(vm, name, kw) || !sp_check_nargs(vm, name, nargs - 1, 1, 1)) return SP_ERRV;
    if (!sp_is(args[0], args[1])) return SP_NOTIMPL;
    return sp_bool(eq);
}
static sp_Value m_obj_eq(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return obj_cmp(vm, a, n, kw, "__eq__", true);
}
static sp_Value m_obj_ne(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    sp_Value r = obj_cmp(vm, a, n, kw, "__ne__", false);
    if (!sp_isnotimpl(r)) return r;
    /* CPython's object.__ne__ inverts __eq__ when that is defined. */
    r = sp_richcmp(vm, a[0], a[1], SP_EQ);
    if (sp_iserr(r) || sp_isnotimpl(r)) return r;
    int t = sp_truthy(vm, r);
    return t < 0 ? SP_ERRV : sp_bool(!t);
}

static sp_Value m_obj_hash(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__hash__", kw) || !sp_check_nargs(vm, "__hash__", nargs - 1, 0, 0))
        return SP_ERRV;
    int64_t h;
    return sp_hash(vm, args[0], &h) ? sp_int(h) : SP_ERRV;
}

static sp_Value m_obj_format(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__format__", kw) || !sp_check_nargs(vm, "__format__", nargs - 1, 1, 1))
        return SP_ERRV;
    if (!sp_isstr(args[1]))
        return sp_raise(vm, &sp_t_TypeError, "__format__() argument must be str, not %A", args[1]);
    if (SP_STR(args[1])->len)
        return sp_raise(vm, &sp_t_TypeError, "unsupported format string passed to %s.__format__",
                        py_type(args[0])->name);
    return sp_str(vm, args[0]);
}

/* object.__subclasshook__(cls, sub): no opinion (abc asks it first). */
static sp_Value m_obj_subclasshook(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)vm, (void)args, (void)nargs, (void)kw;
    return SP_NOTIMPL;
}

static sp_Value g_class(sp_VM *vm, sp_Value self) { (void)vm; return sp_objv(py_type(self)); }

static const sp_MethodDef object_methods[] = {
    {"__init__", m_obj_init, 0},   {"__repr__", m_obj_repr, 0}, {"__str__", m_obj_str, 0},
    {"__eq__", m_obj_eq, 0},       {"__ne__", m_obj_ne, 0},     {"__hash__", m_obj_hash, 0},
    {"__format__", m_obj_format, 0},
    {"__new__", sp_class_obj_new, SP_METH_STATIC},
    {"__setattr__", sp_class_obj_setattr, 0},
    {"__delattr__", sp_class_obj_delattr, 0},
    {"__getattribute__", sp_class_obj_getattribute, 0},
    {"__init_subclass__", sp_class_obj_init_subclass, SP_METH_CLASS},
    {"__subclasshook__", m_obj_subclasshook, SP_METH_CLASS},
    {NULL, NULL, 0},
};
/* Instances of builtin types never change type (their layout is fixed). */
static bool s_class(sp_VM *vm, sp_Value self, sp_Value v) {
    (void)self;
    if (sp_isnull(v)) sp_raise(vm, &sp_t_TypeError, "can't delete __class__ attribute");
    else if (!sp_isinst(v, &sp_t_type) || v.tag != SP_OBJ)
        sp_raise(vm, &sp_t_TypeError, "__class__ must be set to a class, not '%T' object", v);
    else
        sp_raise(vm, &sp_t_TypeError,
                 "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return false;
}

static const sp_GetSetDef object_getsets[] = {{"__class__", g_class, s_class}, {NULL, NULL, NULL}};

sp_Type sp_t_object = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "object",
    .flags = SP_TF_BASETYPE,
    .methods = object_methods,
    .getsets = object_getsets,
    .new_ = object_new,
    .repr = object_repr,
};

/* --------------------------------------------- type */

#define TYPE(v) ((sp_Type *)SP_O(v))

/* Calling a type: type(x) gives x's type; anything else constructs an
 * instance through the type's new_ slot.  Heap types (classes) install
 * their own construction protocol (__new__/__init__) in that slot. */
static sp_Value type_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Type *t = TYPE(self);
    if (t == &sp_t_type) {
        int nkw = kw ? (int)kw->n : 0;
        if (nargs == 1 && nkw == 0) return sp_objv(py_type(args[0]));
        if (nargs != 3 || nkw)
            return sp_raise(vm, &sp_t_TypeError, "type() takes 1 or 3 arguments");
        return sp_meta_type3(vm, args);
    }
    if (!t->new_) return sp_raise(vm, &sp_t_TypeError, "cannot create '%s' instances", t->name);
    return t->new_(vm, t, args, nargs, kw);
}

/* The dict entry of a heap type (classes store __module__/__qualname__). */
static sp_Value heap_attr(sp_VM *vm, sp_Type *t, const char *name) {
    if (!(t->flags & SP_TF_HEAPTYPE) || !t->dict) return SP_NULLV;
    sp_Value k = sp_str_intern_cstr(vm, name);
    if (sp_iserr(k)) return k;
    return sp_dict_gets(t->dict, SP_STR(k));
}

static sp_Value g_tname(sp_VM *vm, sp_Value self) {
    return sp_str_cstr(vm, short_name(TYPE(self)));
}

static sp_Value g_tqualname(sp_VM *vm, sp_Value self) {
    sp_Value q = heap_attr(vm, TYPE(self), "__qualname__");
    return sp_isnull(q) ? g_tname(vm, self) : q;
}

static sp_Value g_tmodule(sp_VM *vm, sp_Value self) {
    sp_Type *t = TYPE(self);
    sp_Value m = heap_attr(vm, t, "__module__");
    if (!sp_isnull(m)) return m;
    const char *dot = strrchr(t->name, '.');
    if (!dot) return sp_str_intern_cstr(vm, "builtins");
    return sp_str_new(vm, t->name, (size_t)(dot - t->name));
}

static sp_Value type_repr(sp_VM *vm, sp_Value self) {
    sp_Type *t = TYPE(self);
    if (!(t->flags & SP_TF_HEAPTYPE)) return sp_fmt(vm, "<class '%s'>", t->name);
    sp_Value m = g_tmodule(vm, self), q = g_tqualname(vm, self);
    if (sp_iserr(m) || sp_iserr(q)) return SP_ERRV;
    if (sp_isstr(m) && !sp_str_eqc(SP_STR(m), "builtins"))
        return sp_fmt(vm, "<class '%S.%S'>", m, q);
    return sp_fmt(vm, "<class '%S'>", q);
}

static sp_Value g_tbase(sp_VM *vm, sp_Value self) {
    (void)vm;
    sp_Type *b = sp_nt_shown_base(TYPE(self)->base);
    return b ? sp_objv(b) : SP_NONEV;
}

static sp_Value g_tbases(sp_VM *vm, sp_Value self) {
    sp_Type *t = TYPE(self);
    if (sp_istuple(t->bases)) return sp_nt_shown(vm, t->bases, false);
    if (!t->base) return sp_objv(&sp_empty_tuple);
    sp_Value b = sp_objv(t->base);
    return sp_tuple_pack(vm, 1, &b);
}

static sp_Value g_tmro(sp_VM *vm, sp_Value self) {
    sp_Type *t = TYPE(self);
    if (sp_istuple(t->mro)) return sp_nt_shown(vm, t->mro, true);
    size_t n = 1;
    sp_Type *last = t;
    for (; last->base; last = last->base) n++;
    bool add_object = last != &sp_t_object;
    sp_Value mro = sp_tuple_new(vm, n + add_object);
    if (sp_iserr(mro)) return mro;
    size_t i = 0;
    for (sp_Type *b = t; b; b = b->base) SP_TUPLE(mro)->items[i++] = sp_objv(b);
    if (add_object) SP_TUPLE(mro)->items[i] = sp_objv(&sp_t_object);
    return mro;
}

static sp_Value g_tdoc(sp_VM *vm, sp_Value self) {
    sp_Value d = heap_attr(vm, TYPE(self), "__doc__");
    return sp_isnull(d) ? SP_NONEV : d;
}

static const sp_GetSetDef type_getsets[] = {
    {"__name__", g_tname, NULL},   {"__qualname__", g_tqualname, NULL},
    {"__module__", g_tmodule, NULL}, {"__base__", g_tbase, NULL},
    {"__bases__", g_tbases, NULL}, {"__mro__", g_tmro, NULL},
    {"__doc__", g_tdoc, NULL},     {NULL, NULL, NULL},
};

/* Attribute of a type: the metatype's getsets (__name__, __mro__...)
 * first, then the type's own namespace.  Methods found on a static type
 * come back unbound (str.join), class methods bound to the type. */
static sp_Value type_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    sp_Type *t = TYPE(self);
    for (const sp_GetSetDef *g = type_getsets; g->name; g++)
        if (sp_str_eqc(name, g->name)) return g->get(vm, self);
    if (sp_str_eqc(name, "__class__")) return g_class(vm, self); /* the metaclass */
    if (t->flags & SP_TF_HEAPTYPE) return sp_class_type_getattr(vm, t, name);
    if ((t->flags & SP_TF_UNHASHABLE) && sp_str_eqc(name, "__hash__")) return SP_NONEV;
    if (sp_str_eqc(name, "__dict__")) return sp_class_type_getattr(vm, t, name);
    const sp_MethodDef *m = sp_find_method(t, name);
    if (!m) return SP_NULLV;
    if (m->flags & SP_METH_CLASS) return sp_cfunc_new(vm, m->name, m->fn, self, t->name);
    if (m->flags & SP_METH_STATIC) return sp_cfunc_new(vm, m->name, m->fn, SP_NULLV, NULL);
    sp_Type *owner = t;
    while (owner->base && sp_find_method(owner->base, name) == m) owner = owner->base;
    return sp_cfunc_new(vm, m->name, m->fn, SP_NULLV, owner->name);
}

static bool type_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    *out = (int64_t)(oid(vm, self) >> 4);
    return true;
}

/* Only classes are writable: builtin types are shared by every interpreter. */
static bool type_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    return sp_class_type_setattr(vm, TYPE(self), name, v);
}

sp_Type sp_t_type = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "type",
    .base = &sp_t_object,
    .flags = SP_TF_BASETYPE,
    .methods = sp_meta_type_methods,
    .getsets = type_getsets,
    .traverse = sp_class_type_traverse,
    .call = type_call,
    .repr = type_repr,
    .hash = type_hash,
    .getitem = sp_generic_type_getitem,
    .binop = sp_generic_or,
    .getattr = type_getattr,
    .setattr = type_setattr,
};

/* --------------------------------------------- native functions */

#define CF(v) ((sp_CFunc *)SP_O(v))

/* An unbound method from a static type (str.join) must get an instance of
 * that type as args[0]: natives trust the layout of self.  The owner is
 * identified by its name pointer (qualprefix is the owner's t->name). */
static bool check_unbound_self(sp_VM *vm, sp_CFunc *f, sp_Value *args, int nargs) {
    if (nargs < 1) {
        sp_raise(vm, &sp_t_TypeError, "unbound method %s.%s() needs an argument", f->qualprefix,
                 f->name);
        return false;
    }
    for (sp_Type *t = py_type(args[0]); t; t = t->base)
        if (t->name == f->qualprefix) return true;
    sp_raise(vm, &sp_t_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
             f->name, f->qualprefix, py_type(args[0])->name);
    return false;
}

enum { SMALLARGS = 8 };

/* Call fn with self prepended to args (and keyword values after them). */
static sp_Value call_with_self(sp_VM *vm, sp_Value self, sp_Value fn, sp_NativeFn nat,
                               sp_Value *args, int nargs, sp_Tuple *kw) {
    size_t total = (size_t)nargs + (kw ? kw->n : 0) + 1, bytes = total * sizeof(sp_Value);
    sp_Value small[SMALLARGS], *a = total <= SMALLARGS ? small : sp_malloc(vm, bytes);
    if (!a) return SP_ERRV;
    a[0] = self;
    if (total > 1) memcpy(a + 1, args, bytes - sizeof(sp_Value));
    sp_Value r = nat ? nat(vm, a, nargs + 1, kw) : sp_call(vm, fn, a, nargs + 1, kw);
    if (a != small) sp_free(vm, a, bytes);
    return r;
}

static sp_Value cfunc_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_CFunc *f = CF(self);
    /* A method of int/str... called on an instance of a class deriving
     * from it works on the builtin value the instance boxes (object's
     * methods, like __setattr__, keep the instance). */
    bool unbox = f->qualprefix && f->qualprefix != sp_t_object.name;
    if (sp_isnull(f->self)) {
        if (f->qualprefix && !check_unbound_self(vm, f, args, nargs)) return SP_ERRV;
        if (unbox && sp_isbox(args[0]))
            return call_with_self(vm, sp_unbox(args[0]), SP_NULLV, f->fn, args + 1, nargs - 1, kw);
        return f->fn(vm, args, nargs, kw);
    }
    return call_with_self(vm, unbox ? sp_unbox(f->self) : f->self, SP_NULLV, f->fn, args, nargs, kw);
}

static sp_Value cfunc_repr(sp_VM *vm, sp_Value self) {
    sp_CFunc *f = CF(self);
    if (sp_isnull(f->self)) {
        if (f->qualprefix) return sp_fmt(vm, "<method '%s' of '%s' objects>", f->name, f->qualprefix);
        return sp_fmt(vm, "<built-in function %s>", f->name);
    }
    if (f->self.tag != SP_OBJ)
        return sp_fmt(vm, "<built-in method %s of %s object>", f->name, py_type(f->self)->name);
    if (sp_istype(f->self, &sp_t_module))
        return sp_fmt(vm, "<built-in function %s>", f->name);
    return sp_fmt(vm, "<built-in method %s of %s object at 0x%llx>", f->name,
                  py_type(f->self)->name, oid(vm, f->self));
}

static void cfunc_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_markv(vm, ((sp_CFunc *)o)->self); }

static sp_Value g_cf_name(sp_VM *vm, sp_Value self) { return sp_str_cstr(vm, CF(self)->name); }
static sp_Value g_cf_qualname(sp_VM *vm, sp_Value self) {
    sp_CFunc *f = CF(self);
    if (!f->qualprefix) return g_cf_name(vm, self);
    return sp_fmt(vm, "%s.%s", short_name_of(f->qualprefix), f->name);
}
static sp_Value g_cf_self(sp_VM *vm, sp_Value self) {
    (void)vm;
    return sp_isnull(CF(self)->self) ? SP_NONEV : CF(self)->self;
}
static sp_Value g_none(sp_VM *vm, sp_Value self) { (void)vm; (void)self; return SP_NONEV; }

static const sp_GetSetDef cfunc_getsets[] = {
    {"__name__", g_cf_name, NULL}, {"__qualname__", g_cf_qualname, NULL},
    {"__self__", g_cf_self, NULL}, {"__doc__", g_none, NULL},
    {NULL, NULL, NULL},
};

/* Equal when they wrap the same function bound to the same object. */
static sp_Value cfunc_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    (void)vm;
    if ((op != SP_EQ && op != SP_NE) || !sp_istype(b, &sp_t_cfunc)) return SP_NOTIMPL;
    bool eq = CF(a)->fn == CF(b)->fn && sp_is(CF(a)->self, CF(b)->self);
    return sp_bool(eq == (op == SP_EQ));
}

static int64_t cstr_hash(const char *s) {
    uint64_t h = 1469598103934665603ull;
    while (*s) h = (h ^ (uint8_t)*s++) * 1099511628211ull;
    return (int64_t)(h >> 2);
}

static bool cfunc_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    sp_CFunc *f = CF(self);
    int64_t h = 0;
    if (f->self.tag == SP_OBJ) h = (int64_t)sp_obj_id(vm, SP_O(f->self));
    else if (!sp_isnull(f->self) && !sp_hash(vm, f->self, &h)) return false;
    *out = cstr_hash(f->name) ^ h;
    if (*out == -1) *out = -2;
    return true;
}

sp_Type sp_t_cfunc = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "builtin_function_or_method",
    .base = &sp_t_object,
    .getsets = cfunc_getsets,
    .traverse = cfunc_traverse,
    .call = cfunc_call,
    .repr = cfunc_repr,
    .hash = cfunc_hash,
    .richcmp = cfunc_richcmp,
};

/* --------------------------------------------- bound methods */

#define BM(v) ((sp_BoundMethod *)SP_O(v))

static sp_Value bm_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    return call_with_self(vm, BM(self)->self, BM(self)->func, NULL, args, nargs, kw);
}

static sp_Value bm_repr(sp_VM *vm, sp_Value self) {
    sp_Value q = sp_getattrs(vm, BM(self)->func, "__qualname__");
    if (sp_iserr(q)) {
        if (!sp_err_matches(vm, &sp_t_AttributeError)) return q;
        sp_err_clear(vm);
        q = sp_str_intern_cstr(vm, "?");
        if (sp_iserr(q)) return q;
    }
    return sp_fmt(vm, "<bound method %S of %R>", q, BM(self)->self);
}

static void bm_traverse(sp_VM *vm, sp_Obj *o) {
    sp_BoundMethod *m = (sp_BoundMethod *)o;
    sp_gc_markv(vm, m->self);
    sp_gc_markv(vm, m->func);
}

/* __self__ and __func__ are the method's own; the rest (__name__,
 * __doc__...) come from the function. */
static sp_Value bm_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    if (sp_str_eqc(name, "__self__")) return BM(self)->self;
    if (sp_str_eqc(name, "__func__")) return BM(self)->func;
    if (sp_str_eqc(name, "__class__")) return sp_objv(&sp_t_boundmethod);
    return sp_getattr_opt(vm, BM(self)->func, name);
}

static sp_Value bm_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if ((op != SP_EQ && op != SP_NE) || !sp_istype(b, &sp_t_boundmethod)) return SP_NOTIMPL;
    int eq = sp_is(BM(a)->self, BM(b)->self) ? sp_eq(vm, BM(a)->func, BM(b)->func) : 0;
    if (eq < 0) return SP_ERRV;
    return sp_bool((eq == 1) == (op == SP_EQ));
}

static bool bm_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    int64_t h;
    if (!sp_hash(vm, BM(self)->func, &h)) return false;
    sp_Value s = BM(self)->self;
    *out = h ^ (s.tag == SP_OBJ ? (int64_t)sp_obj_id(vm, SP_O(s)) : 0);
    if (*out == -1) *out = -2;
    return true;
}

sp_Type sp_t_boundmethod = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "method",
    .base = &sp_t_object,
    .traverse = bm_traverse,
    .call = bm_call,
    .repr = bm_repr,
    .hash = bm_hash,
    .richcmp = bm_richcmp,
    .getattr = bm_getattr,
};
