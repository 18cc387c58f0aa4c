/* sp_meta.c - metaclasses: choosing the metaclass of a class statement,
 * __prepare__, calling it, and the methods of `type` a metaclass reaches
 * through super() (type.__new__, __init__, __call__, __prepare__, mro,
 * __instancecheck__, __subclasscheck__), plus isinstance()/issubclass()
 * hooks of metaclasses (abc.ABCMeta.register).
 *
 * A metaclass is a class deriving from type (sp_class.c: its "solid"
 * layout is type, so its instances are heap types whose h.type is the
 * metaclass).  Nothing here exposes more of the interpreter than `type`
 * already does: type.__subclasses__ stays absent (it would reach every
 * class of the interpreter), __mro__ stays read-only and a metaclass's
 * mro() is never called (the MRO is always C3 over the bases). */
#include "sp_class.h"

static bool is_type(sp_Value v) { return v.tag == SP_OBJ && sp_isinst(v, &sp_t_type); }
#define TYPEV(v) ((sp_Type *)SP_O(v))

static sp_Str *intern(sp_VM *vm, const char *s) {
    sp_Value v = sp_str_intern_cstr(vm, s);
    return sp_iserr(v) ? NULL : SP_STR(v);
}

/* CPython's _PyType_CalculateMetaclass: the most derived of meta and the
 * metaclasses of the bases; NULL with TypeError on a conflict. */
static sp_Type *winner(sp_VM *vm, sp_Type *meta, sp_Tuple *bases) {
    for (size_t i = 0; i < bases->n; i++) {
        sp_Type *bt = sp_typeof(bases->items[i]);
        if (sp_issubtype(meta, bt)) continue;
        if (sp_issubtype(bt, meta)) {
            meta = bt;
            continue;
        }
        sp_raise(vm, &sp_t_TypeError,
                 "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                 "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return meta;
}

sp_Value sp_meta_calc(sp_VM *vm, sp_Value meta, sp_Tuple *bases) {
    if (sp_isnull(meta)) meta = sp_objv(bases->n ? sp_typeof(bases->items[0]) : &sp_t_type);
    if (!is_type(meta)) return meta; /* metaclass=some_function: called as is */
    sp_Type *w = winner(vm, TYPEV(meta), bases);
    return w ? sp_objv(w) : SP_ERRV;
}

/* f(*pos, **kw) with the keyword values kwv (a class statement's). */
static sp_Value call_kw(sp_VM *vm, sp_Value f, const sp_Value *pos, int npos, sp_Value *kwv,
                        sp_Tuple *kw) {
    size_t n = (size_t)npos + (kw ? kw->n : 0), bytes;
    if (!sp_size_mul(vm, n, sizeof(sp_Value), &bytes)) return SP_ERRV;
    sp_Value small[12], *a = n <= 12 ? small : sp_malloc(vm, bytes);
    if (!a) return SP_ERRV;
    memcpy(a, pos, (size_t)npos * sizeof(sp_Value));
    if (n > (size_t)npos) memcpy(a + npos, kwv, (n - (size_t)npos) * sizeof(sp_Value));
    sp_Value r = sp_call(vm, f, a, npos, kw);
    if (a != small) sp_free(vm, a, bytes);
    return r;
}

/* The name CPython puts before ".__prepare__()" in its messages. */
static const char *meta_name(sp_Value meta) {
    return is_type(meta) ? TYPEV(meta)->name : "<metaclass>";
}

sp_Value sp_meta_prepare(sp_VM *vm, sp_Value meta, sp_Value name, sp_Value bases, sp_Value *kwv,
                         sp_Tuple *kw) {
    if (meta.tag == SP_OBJ && SP_O(meta) == &sp_t_type.h) return sp_dict_new(vm);
    sp_Str *pn = intern(vm, "__prepare__");
    sp_Value prep = pn ? sp_getattr_opt(vm, meta, pn) : SP_ERRV;
    if (sp_iserr(prep)) return prep;
    if (sp_isnull(prep)) return sp_dict_new(vm);
    if (!sp_pin(vm, prep)) return SP_ERRV;
    sp_Value a[2] = {name, bases};
    sp_Value ns = call_kw(vm, prep, a, 2, kwv, kw);
    sp_unpin(vm, 1);
    if (sp_iserr(ns) || (ns.tag == SP_OBJ && sp_isinst(ns, &sp_t_dict))) return ns;
    /* the class body stores into a dict (subclasses honour __setitem__) */
    return sp_raise(vm, &sp_t_TypeError, "%s.__prepare__() must return a mapping, not %T",
                    meta_name(meta), ns);
}

sp_Value sp_meta_call(sp_VM *vm, sp_Value meta, sp_Value name, sp_Value bases, sp_Value ns,
                      sp_Value *kwv, sp_Tuple *kw) {
    sp_Value a[3] = {name, bases, ns};
    return call_kw(vm, meta, a, 3, kwv, kw);
}

/* ------------------------------------------------------------ type.__new__ */

sp_Value sp_meta_type_new(sp_VM *vm, sp_Type *meta, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs != 3)
        return sp_raise(vm, &sp_t_TypeError, "type.__new__() takes exactly 3 arguments (%d given)",
                        nargs);
    if (sp_istuple(args[1])) {
        sp_Type *w = winner(vm, meta, SP_TUPLE(args[1]));
        if (!w) return SP_ERRV;
        /* a more derived metaclass with its own __new__ takes over (CPython) */
        sp_Str *nn = intern(vm, "__new__");
        sp_Value f = w != meta && nn ? sp_type_lookup(vm, w, nn) : SP_NULLV;
        if (sp_istype(f, &sp_t_staticmethod)) {
            sp_Value fn = sp_getattrs(vm, f, "__func__");
            if (sp_iserr(fn)) return fn;
            sp_Value a[4] = {sp_objv(w), args[0], args[1], args[2]};
            return call_kw(vm, fn, a, 4, args + nargs, kw);
        }
        meta = w;
    }
    return sp_class_type_new(vm, meta, args[0], args[1], args[2], args + nargs, kw);
}

sp_Value sp_meta_type3(sp_VM *vm, sp_Value *args) {
    sp_Type *w = sp_istuple(args[1]) ? winner(vm, &sp_t_type, SP_TUPLE(args[1])) : &sp_t_type;
    if (!w) return SP_ERRV;
    if (w != &sp_t_type) return sp_call(vm, sp_objv(w), args, 3, NULL); /* its __new__ and __init__ */
    return sp_class_type_new(vm, w, args[0], args[1], args[2], NULL, NULL);
}

sp_Value sp_meta_type_init(sp_VM *vm, int nargs, sp_Tuple *kw) {
    if (kw && kw->n && nargs == 1)
        return sp_raise(vm, &sp_t_TypeError, "type.__init__() takes no keyword arguments");
    if (nargs != 1 && nargs != 3)
        return sp_raise(vm, &sp_t_TypeError, "type.__init__() takes 1 or 3 arguments");
    return SP_NONEV;
}

/* type.__new__(mcls, name, bases, ns, **kw) */
static sp_Value m_type_new(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs < 1) return sp_raise(vm, &sp_t_TypeError, "type.__new__(): not enough arguments");
    if (!is_type(args[0]))
        return sp_raise(vm, &sp_t_TypeError, "type.__new__(X): X is not a type object (%T)", args[0]);
    sp_Type *mcls = TYPEV(args[0]);
    if (!sp_issubtype(mcls, &sp_t_type))
        return sp_raise(vm, &sp_t_TypeError, "type.__new__(%s): %s is not a subtype of type",
                        mcls->name, mcls->name);
    if (mcls == &sp_t_type && nargs == 2 && !(kw && kw->n)) return sp_call(vm, args[0], args + 1, 1, NULL);
    return sp_meta_type_new(vm, mcls, args + 1, nargs - 1, kw);
}

static bool want_type(sp_VM *vm, sp_Value v, const char *fn) {
    if (is_type(v)) return true;
    sp_raise(vm, &sp_t_TypeError, "descriptor '%s' requires a 'type' object but received a '%T'", fn, v);
    return false;
}

static sp_Value m_type_init(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!want_type(vm, args[0], "__init__")) return SP_ERRV;
    return sp_meta_type_init(vm, nargs - 1, kw);
}

/* type.__call__(cls, *args): the default instance creation, never the
 * metaclass's own __call__ again (super().__call__ from one). */
static sp_Value m_type_call(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!want_type(vm, args[0], "__call__")) return SP_ERRV;
    return sp_t_type.call(vm, args[0], args + 1, nargs - 1, kw);
}

static sp_Value m_type_prepare(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)args, (void)nargs, (void)kw;
    return sp_dict_new(vm);
}

/* C.mro(): the C3 order as a list.  Overriding mro() in a metaclass has
 * no effect on __mro__ (it is never called), so it cannot inject junk. */
static sp_Value m_type_mro(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "mro", kw) || !sp_check_nargs(vm, "mro", nargs - 1, 0, 0) ||
        !want_type(vm, args[0], "mro"))
        return SP_ERRV;
    sp_Value m = sp_getattrs(vm, args[0], "__mro__");
    return sp_iserr(m) ? m : sp_list_from_iter(vm, m);
}

static sp_Value m_type_instancecheck(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__instancecheck__", kw) ||
        !sp_check_nargs(vm, "__instancecheck__", nargs - 1, 1, 1) ||
        !want_type(vm, args[0], "__instancecheck__"))
        return SP_ERRV;
    return sp_bool(sp_isinst(args[1], TYPEV(args[0])));
}

static sp_Value m_type_subclasscheck(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__subclasscheck__", kw) ||
        !sp_check_nargs(vm, "__subclasscheck__", nargs - 1, 1, 1) ||
        !want_type(vm, args[0], "__subclasscheck__"))
        return SP_ERRV;
    if (!is_type(args[1])) return sp_raise(vm, &sp_t_TypeError, "issubclass() arg 1 must be a class");
    return sp_bool(sp_issubtype(TYPEV(args[1]), TYPEV(args[0])));
}

/* type.__setattr__(cls, name, v) / type.__delattr__(cls, name): straight
 * to the class namespace, so a metaclass's __setattr__ can delegate here. */
static sp_Value type_setattr_m(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, bool del) {
    const char *fn = del ? "__delattr__" : "__setattr__";
    if (!sp_no_kwargs(vm, fn, kw) || !sp_check_nargs(vm, fn, nargs - 1, 2 - del, 2 - del) ||
        !want_type(vm, args[0], fn))
        return SP_ERRV;
    if (!sp_isstr(args[1]))
        return sp_raise(vm, &sp_t_TypeError, "attribute name must be string, not '%T'", args[1]);
    bool ok = sp_class_type_setattr(vm, TYPEV(args[0]), SP_STR(args[1]), del ? SP_NULLV : args[2]);
    return ok ? SP_NONEV : SP_ERRV;
}
static sp_Value m_type_setattr(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return type_setattr_m(vm, a, n, kw, false);
}
static sp_Value m_type_delattr(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return type_setattr_m(vm, a, n, kw, true);
}

const sp_MethodDef sp_meta_type_methods[] = {
    {"__setattr__", m_type_setattr, 0},
    {"__delattr__", m_type_delattr, 0},
    {"__new__", m_type_new, SP_METH_STATIC},
    {"__init__", m_type_init, 0},
    {"__call__", m_type_call, 0},
    {"__prepare__", m_type_prepare, SP_METH_CLASS},
    {"mro", m_type_mro, 0},
    {"__instancecheck__", m_type_instancecheck, 0},
    {"__subclasscheck__", m_type_subclasscheck, 0},
    {NULL, NULL, 0},
};

/* ------------------------------------------------------------ isinstance hooks */

/* isinstance(v, cls) / issubclass(v, cls) for a class whose metaclass is
 * a Python class: its __instancecheck__/__subclasscheck__ decides. */
int sp_meta_check(sp_VM *vm, sp_Value v, sp_Value cls, bool sub) {
    sp_Type *t = TYPEV(cls);
    if (!sub && sp_typeof(v) == t) return 1; /* CPython's shortcut, before any hook */
    sp_Str *hn = intern(vm, sub ? "__subclasscheck__" : "__instancecheck__");
    sp_Value f = hn ? sp_type_lookup(vm, sp_typeof(cls), hn) : SP_ERRV;
    if (sp_iserr(f)) return -1;
    sp_NativeFn dflt = sub ? m_type_subclasscheck : m_type_instancecheck;
    if (sp_isnull(f) || (sp_istype(f, &sp_t_cfunc) && ((sp_CFunc *)SP_O(f))->fn == dflt)) {
        if (sub && !is_type(v)) {
            sp_raise(vm, &sp_t_TypeError, "issubclass() arg 1 must be a class");
            return -1;
        }
        return sp_issubtype(sub ? TYPEV(v) : sp_typeof(v), t);
    }
    if (!sp_pin(vm, f)) return -1;
    sp_Value a[2] = {cls, v};
    sp_Value r = sp_call(vm, f, a, 2, NULL);
    sp_unpin(vm, 1);
    return sp_iserr(r) ? -1 : sp_truthy(vm, r);
}
