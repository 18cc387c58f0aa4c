/* sp_builtins.c - the builtins namespace.
 *
 * Every builtin is a static object (functions are static sp_CFunc), found
 * by binary search in one sorted table: a new interpreter pays nothing for
 * its builtins.  Deliberately absent (NameError): open, input, eval, exec,
 * compile, __import__, breakpoint, help, memoryview, globals, locals,
 * exit, quit. */
#include "sp_class.h"
#include "sp_cont.h"

/* ------------------------------------------------------------ helpers */

/* METH_O style: "len() takes exactly one argument (2 given)". */
static bool one_arg(sp_VM *vm, const char *f, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, f, kw)) return false;
    if (nargs == 1) return true;
    sp_raise(vm, &sp_t_TypeError, "%s() takes exactly one argument (%d given)", f, nargs);
    return false;
}

/* METH_FASTCALL style: "getattr expected at least 2 arguments, got 1". */
static bool nargs_ok(sp_VM *vm, const char *f, int nargs, sp_Tuple *kw, int min, int max) {
    return sp_no_kwargs(vm, f, kw) && sp_check_nargs(vm, f, nargs, min, max);
}

/* Reserve n GC root slots (vm->pins[*base..]), updated in place while C
 * code holds values across calls that may run Python code. */
static bool pins_open(sp_VM *vm, size_t n, size_t *base) {
    *base = vm->npins;
    for (size_t i = 0; i < n; i++)
        if (!sp_pin(vm, SP_NONEV)) {
            sp_unpin(vm, i);
            return false;
        }
    return true;
}
#define PIN(vm, base, i) ((vm)->pins[(base) + (i)])

static sp_Value intern(sp_VM *vm, const char *s) { return sp_str_intern_cstr(vm, s); }

/* ------------------------------------------------------------ simple ones */

static sp_Value bi_abs(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!one_arg(vm, "abs", n, kw)) return SP_ERRV;
    return sp_unop(vm, SP_UOP_ABS, a[0]);
}

static sp_Value all_any(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw, const char *f, bool want) {
    if (!one_arg(vm, f, n, kw)) return SP_ERRV;
    sp_Value it = sp_iter(vm, a[0]);
    if (sp_iserr(it) || !sp_pin(vm, it)) return SP_ERRV;
    sp_Value r = sp_bool(!want);
    for (;;) {
        sp_Value x = sp_next(vm, it);
        if (sp_isnull(x)) break;
        int t = sp_iserr(x) || !sp_check_limits(vm) ? -1 : sp_truthy(vm, x);
        if (t < 0) { r = SP_ERRV; break; }
        if (t == want) { r = sp_bool(want); break; }
    }
    sp_unpin(vm, 1);
    return r;
}
static sp_Value bi_all(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return all_any(vm, a, n, kw, "all", false); }
static sp_Value bi_any(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return all_any(vm, a, n, kw, "any", true); }

static sp_Value bi_ascii(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return one_arg(vm, "ascii", n, kw) ? sp_ascii(vm, a[0]) : SP_ERRV;
}

static sp_Value bi_repr(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return one_arg(vm, "repr", n, kw) ? sp_repr(vm, a[0]) : SP_ERRV;
}

static sp_Value bi_len(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!one_arg(vm, "len", n, kw)) return SP_ERRV;
    int64_t len = sp_len(vm, a[0]);
    return len < 0 ? SP_ERRV : sp_int(len);
}

static sp_Value bi_callable(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!one_arg(vm, "callable", n, kw)) return SP_ERRV;
    return sp_bool(sp_typeof(a[0])->call != NULL);
}

static sp_Value bi_hash(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    int64_t h;
    if (!one_arg(vm, "hash", n, kw) || !sp_hash(vm, a[0], &h)) return SP_ERRV;
    return sp_int(h);
}

/* Inline values have no object: give them stable, distinct-looking ids. */
static sp_Value bi_id(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!one_arg(vm, "id", n, kw)) return SP_ERRV;
    sp_Value v = a[0];
    switch (v.tag) {
    case SP_OBJ: return sp_int((int64_t)(sp_obj_id(vm, SP_O(v)) & INT64_MAX));
    case SP_NONE: return sp_int(0x100);
    case SP_BOOL: return sp_int(0x110 + v.u.i * 16);
    case SP_FLOAT: {
        uint64_t bits;
        memcpy(&bits, &v.u.f, sizeof bits);
        return sp_int((int64_t)((bits >> 1) | ((uint64_t)1 << 61)));
    }
    default: return sp_int((int64_t)(((uint64_t)v.u.i << 4) >> 3 | ((uint64_t)1 << 62)));
    }
}

/* bin/oct/hex are format(x, '#b') etc. after __index__. */
static sp_Value radix(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw, const char *f, const char *spec) {
    if (!one_arg(vm, f, n, kw)) return SP_ERRV;
    sp_Value v = sp_index_value(vm, a[0]); /* an int, however big */
    if (sp_iserr(v) || !sp_pin(vm, v)) return SP_ERRV;
    sp_Value s = sp_str_cstr(vm, spec);
    sp_unpin(vm, 1);
    return sp_iserr(s) ? s : sp_format_int(vm, v, SP_STR(s));
}
static sp_Value bi_bin(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return radix(vm, a, n, kw, "bin", "#b"); }
static sp_Value bi_oct(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return radix(vm, a, n, kw, "oct", "#o"); }
static sp_Value bi_hex(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return radix(vm, a, n, kw, "hex", "#x"); }

static sp_Value bi_chr(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!one_arg(vm, "chr", n, kw)) return SP_ERRV;
    int64_t cp;
    if (sp_isintlike(a[0]) && !sp_isint(a[0]) && !sp_isbool(a[0]))
        return sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C int");
    if (!sp_index(vm, a[0], &cp)) return SP_ERRV;
    if (cp > INT32_MAX || cp < INT32_MIN)
        return sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C int");
    if (cp < 0 || cp > 0x10FFFF)
        return sp_raise(vm, &sp_t_ValueError, "chr() arg not in range(0x110000)");
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!sp_buf_addcp(&b, (uint32_t)cp)) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

static sp_Value bi_ord(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!one_arg(vm, "ord", n, kw)) return SP_ERRV;
    sp_Value v = a[0];
    int64_t len;
    if (sp_isstr(v)) {
        len = (int64_t)SP_STR(v)->clen;
        if (len == 1) {
            size_t i = 0;
            return sp_int(sp_utf8_next(SP_STR(v)->data, &i));
        }
    } else if (sp_istype(v, &sp_t_bytes)) {
        len = (int64_t)SP_BYTES(v)->len;
        if (len == 1) return sp_int(SP_BYTES(v)->data[0]);
    } else {
        return sp_raise(vm, &sp_t_TypeError, "ord() expected string of length 1, but %T found", v);
    }
    return sp_raise(vm, &sp_t_TypeError,
                    "ord() expected a character, but string of length %lld found", (long long)len);
}

static sp_Value bi_format(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    sp_Value o[2];
    if (!sp_parse_args(vm, "format", a, n, kw, "value|format_spec/", o)) return SP_ERRV;
    if (sp_isnull(o[1])) {
        o[1] = sp_str_new(vm, "", 0);
        if (sp_iserr(o[1])) return SP_ERRV;
    }
    if (!sp_isstr(o[1]))
        return sp_raise(vm, &sp_t_TypeError, "format() argument 2 must be str, not %A", o[1]);
    return sp_format(vm, o[0], SP_STR(o[1]));
}

/* ------------------------------------------------------------ attributes */

static bool attr_name(sp_VM *vm, sp_Value name) {
    if (sp_isstr(sp_unbox(name))) return true; /* a str subclass names as its value */
    sp_raise(vm, &sp_t_TypeError, "attribute name must be string, not '%T'", name);
    return false;
}

/* getattr/hasattr core: SP_NULLV when absent (AttributeError swallowed). */
static sp_Value attr_or_null(sp_VM *vm, sp_Value o, sp_Value name) {
    sp_Value v = sp_getattr_opt(vm, o, SP_STR(name));
    if (sp_iserr(v) && sp_err_matches(vm, &sp_t_AttributeError) && !vm->limit_hit) {
        sp_err_clear(vm);
        return SP_NULLV;
    }
    return v;
}

static sp_Value bi_getattr(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_ok(vm, "getattr", n, kw, 2, 3) || !attr_name(vm, a[1])) return SP_ERRV;
    if (n == 2) return sp_getattr(vm, a[0], SP_STR(sp_unbox(a[1])));
    sp_Value v = attr_or_null(vm, a[0], sp_unbox(a[1]));
    return sp_isnull(v) ? a[2] : v;
}

static sp_Value bi_hasattr(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_ok(vm, "hasattr", n, kw, 2, 2) || !attr_name(vm, a[1])) return SP_ERRV;
    sp_Value v = attr_or_null(vm, a[0], sp_unbox(a[1]));
    return sp_iserr(v) ? v : sp_bool(!sp_isnull(v));
}

static sp_Value bi_setattr(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_ok(vm, "setattr", n, kw, 3, 3) || !attr_name(vm, a[1])) return SP_ERRV;
    return sp_setattr(vm, a[0], SP_STR(sp_unbox(a[1])), a[2]) ? SP_NONEV : SP_ERRV;
}

static sp_Value bi_delattr(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_ok(vm, "delattr", n, kw, 2, 2) || !attr_name(vm, a[1])) return SP_ERRV;
    return sp_setattr(vm, a[0], SP_STR(sp_unbox(a[1])), SP_NULLV) ? SP_NONEV : SP_ERRV;
}

static sp_Value bi_vars(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_ok(vm, "vars", n, kw, 0, 1)) return SP_ERRV;
    if (n == 0) return sp_raise(vm, &sp_t_TypeError, "vars() without arguments is not supported");
    sp_Value name = intern(vm, "__dict__");
    if (sp_iserr(name)) return name;
    sp_Value d = attr_or_null(vm, a[0], name);
    if (sp_isnull(d))
        return sp_raise(vm, &sp_t_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

/* dir(): names of the instance dict and of the type's namespace chain. */
static bool dir_add(sp_VM *vm, sp_Dict *set, const char *name) {
    sp_Value k = intern(vm, name);
    return !sp_iserr(k) && sp_dict_set(vm, set, k, SP_NONEV);
}

static bool dir_dict(sp_VM *vm, sp_Dict *set, sp_Dict *d) {
    size_t pos = 0;
    sp_Value k, v;
    while (sp_dict_next(d, &pos, &k, &v))
        if (sp_isstr(k) && !sp_dict_set(vm, set, k, SP_NONEV)) return false;
    return true;
}

/* object's dunders sandpy does not implement but CPython's dir() lists */
static const char *const object_extra[] = {"__dir__", "__doc__", "__ge__", "__getstate__", "__gt__", "__le__",
                                           "__lt__", "__reduce__", "__reduce_ex__", "__sizeof__"};

static bool dir_static(sp_VM *vm, sp_Dict *set, sp_Type *t) {
    for (size_t i = 0; t == &sp_t_object && i < sizeof object_extra / sizeof *object_extra; i++)
        if (!dir_add(vm, set, object_extra[i])) return false;
    for (const sp_MethodDef *m = t->methods; m && m->name; m++)
        if (!dir_add(vm, set, m->name)) return false;
    for (const sp_GetSetDef *g = t->getsets; g && g->name; g++)
        if (!dir_add(vm, set, g->name)) return false;
    return true;
}

/* Builtin layouts whose classes get no __weakref__ descriptor in CPython. */
static bool no_weakref(sp_Type *solid) {
    static const char *const names[] = {"int", "bytes", "tuple", "set", "frozenset",
                                        "collections.deque", "collections.OrderedDict"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(solid->name, names[i]) == 0) return true;
    return false;
}

/* What CPython's class dict holds beyond the namespace: __dict__ and
 * __weakref__ descriptors unless __slots__ is given, the slot members
 * otherwise (sandpy keeps __qualname__ in the dict: not listed). */
static bool dir_class(sp_VM *vm, sp_Dict *set, sp_Type *k) {
    sp_Value n = intern(vm, "__slots__"), q = intern(vm, "__qualname__");
    if (sp_iserr(n) || sp_iserr(q)) return false;
    sp_Value sl = sp_dict_gets(k->dict, SP_STR(n)), key;
    for (size_t pos = 0; sp_dict_next(k->dict, &pos, &key, NULL);)
        if (sp_isstr(key) && !sp_str_eq(SP_STR(key), SP_STR(q)) && !sp_dict_set(vm, set, key, SP_NONEV))
            return false;
    if (sp_isnull(sl)) {
        sp_Type *solid = sp_class_solid(k);
        return (!solid || solid == &sp_t_BaseException || dir_add(vm, set, "__dict__")) &&
               (!solid || no_weakref(solid) || dir_add(vm, set, "__weakref__"));
    }
    if (sp_isstr(sl)) return sp_dict_set(vm, set, sl, SP_NONEV);
    if (!sp_istuple(sl) && !sp_islist(sl)) return true;
    sp_Value *it = sp_istuple(sl) ? SP_TUPLE(sl)->items : SP_LIST(sl)->items;
    size_t cnt = sp_istuple(sl) ? SP_TUPLE(sl)->n : SP_LIST(sl)->n;
    for (size_t i = 0; i < cnt; i++)
        if (sp_isstr(it[i]) && !sp_dict_set(vm, set, it[i], SP_NONEV)) return false;
    return true;
}

static bool dir_type(sp_VM *vm, sp_Dict *set, sp_Type *t) {
    if (sp_istuple(t->mro)) {
        sp_Tuple *mro = SP_TUPLE(t->mro);
        for (size_t i = 0; i < mro->n; i++) {
            sp_Type *k = (sp_Type *)SP_O(mro->items[i]);
            if (!(k->dict ? dir_class(vm, set, k) : dir_static(vm, set, k))) return false;
        }
        return true;
    }
    for (; t; t = t->base)
        if (!dir_static(vm, set, t)) return false;
    return true;
}

static sp_Value bi_dir(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_ok(vm, "dir", n, kw, 0, 1)) return SP_ERRV;
    if (n == 0) return sp_raise(vm, &sp_t_TypeError, "dir() without arguments is not supported");
    if (sp_typeof(a[0])->flags & SP_TF_HEAPTYPE) { /* a class's __dir__: its result, sorted */
        sp_Value dn = intern(vm, "__dir__");
        sp_Value f = sp_iserr(dn) ? dn : sp_type_lookup(vm, sp_typeof(a[0]), SP_STR(dn));
        if (sp_iserr(f)) return f;
        if (!sp_isnull(f)) {
            sp_Value r = sp_call1(vm, f, a[0]);
            sp_Value l = sp_iserr(r) ? r : sp_list_from_iter(vm, r);
            if (sp_iserr(l) || !sp_pin(vm, l)) return SP_ERRV;
            bool ok = sp_list_sort(vm, SP_LIST(l), SP_NULLV, false);
            sp_unpin(vm, 1);
            return ok ? l : SP_ERRV;
        }
    }
    sp_Value setv = sp_dict_new(vm), name = intern(vm, "__dict__");
    if (sp_iserr(setv) || sp_iserr(name) || !sp_pin(vm, setv)) return SP_ERRV;
    sp_Dict *set = SP_DICT(setv);
    sp_Value r = SP_ERRV, d = attr_or_null(vm, a[0], name);
    bool ok = !sp_iserr(d) && (!sp_isdict(d) || dir_dict(vm, set, SP_DICT(d)));
    if (ok && !sp_istype(a[0], &sp_t_module)) {
        bool istype = sp_isinst(a[0], &sp_t_type);
        ok = dir_type(vm, set, istype ? (sp_Type *)SP_O(a[0]) : sp_typeof(a[0]));
    }
    if (ok) {
        r = sp_list_from_iter(vm, setv);
        if (!sp_iserr(r) && !sp_list_sort(vm, SP_LIST(r), SP_NULLV, false)) r = SP_ERRV;
    }
    sp_unpin(vm, 1);
    return r;
}

/* ------------------------------------------------------------ isinstance */

static bool is_type(sp_Value v) { return v.tag == SP_OBJ && sp_isinst(v, &sp_t_type); }

/* cls's own check (typing aliases define __instancecheck__ etc.). */
static int hook_check(sp_VM *vm, sp_Value cls, sp_Value v, const char *hook) {
    sp_Value name = intern(vm, hook);
    if (sp_iserr(name)) return -1;
    sp_Value m = sp_type_lookup(vm, sp_typeof(cls), SP_STR(name));
    if (sp_iserr(m)) return -1;
    if (sp_isnull(m)) return -2;
    sp_Value r = sp_call2(vm, m, cls, v);
    return sp_iserr(r) ? -1 : sp_truthy(vm, r);
}

/* -2: cls is not a class/tuple (caller raises its message). */
static int check_rec(sp_VM *vm, sp_Value v, sp_Value cls, bool sub) {
    if (is_type(cls)) {
        if (sp_typeof(cls)->flags & SP_TF_HEAPTYPE) return sp_meta_check(vm, v, cls, sub);
        return sp_issubtype(sub ? (sp_Type *)SP_O(v) : sp_typeof(v), (sp_Type *)SP_O(cls));
    }
    if (sp_istuple(cls)) {
        if (!SP_ENTER(vm)) return -1;
        int r = 0;
        for (size_t i = 0; i < SP_TUPLE(cls)->n && r == 0; i++)
            r = check_rec(vm, v, SP_TUPLE(cls)->items[i], sub);
        SP_LEAVE(vm);
        return r;
    }
    return hook_check(vm, cls, v, sub ? "__subclasscheck__" : "__instancecheck__");
}

static sp_Value bi_isinstance(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_ok(vm, "isinstance", n, kw, 2, 2)) return SP_ERRV;
    int r = check_rec(vm, a[0], a[1], false);
    if (r == -2)
        return sp_raise(vm, &sp_t_TypeError,
                        "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return r < 0 ? SP_ERRV : sp_bool(r);
}

static sp_Value bi_issubclass(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_ok(vm, "issubclass", n, kw, 2, 2)) return SP_ERRV;
    bool hooked = is_type(a[1]) && (sp_typeof(a[1])->flags & SP_TF_HEAPTYPE); /* checks arg 1 itself */
    if (!is_type(a[0]) && !hooked)
        return sp_raise(vm, &sp_t_TypeError, "issubclass() arg 1 must be a class");
    int r = check_rec(vm, a[0], a[1], true);
    if (r == -2)
        return sp_raise(vm, &sp_t_TypeError,
                        "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return r < 0 ? SP_ERRV : sp_bool(r);
}

/* ------------------------------------------------------------ iteration */

static sp_Value bi_iter(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_ok(vm, "iter", n, kw, 1, 2)) return SP_ERRV;
    if (n == 1) return sp_iter(vm, a[0]);
    return spc_calliter_new(vm, a[0], a[1]); /* sp_iter.c */
}

static sp_Value bi_next(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_ok(vm, "next", n, kw, 1, 2)) return SP_ERRV;
    sp_Value v = sp_next(vm, a[0]);
    if (n == 2 && sp_iserr(v) && sp_err_matches(vm, &sp_t_StopIteration) && !vm->limit_hit) {
        sp_err_clear(vm);
        return a[1];
    }
    if (!sp_isnull(v)) return v;
    if (n == 2) return a[1];
    /* a generator's `return x` travels as StopIteration(x) */
    sp_Value rv = sp_gen_return_value(a[0]);
    if (sp_isnull(rv) || sp_isnone(rv))
        return sp_raise_args(vm, &sp_t_StopIteration, sp_objv(&sp_empty_tuple));
    sp_Value args = sp_tuple_pack(vm, 1, &rv);
    return sp_iserr(args) ? args : sp_raise_args(vm, &sp_t_StopIteration, args);
}

/* ------------------------------------------------------------ min / max */

typedef struct MinMax {
    const char *name;
    int op; /* item op best -> new best */
} MinMax;

/* Pins: 0 iterator, 1 best item, 2 best key. */
static sp_Value minmax_loop(sp_VM *vm, const MinMax *mm, sp_Value it, sp_Value key, size_t pb) {
    bool have = false;
    for (;;) {
        sp_Value x = sp_next(vm, it);
        if (sp_isnull(x)) break;
        if (sp_iserr(x) || !sp_check_limits(vm)) return SP_ERRV;
        PIN(vm, pb, 3) = x;
        sp_Value k = sp_isnull(key) ? x : sp_call1(vm, key, x);
        if (sp_iserr(k)) return k;
        int better = 1;
        if (have) {
            PIN(vm, pb, 4) = k;
            sp_Value r = sp_richcmp(vm, k, PIN(vm, pb, 2), mm->op);
            better = sp_iserr(r) ? -1 : r.tag == SP_BOOL ? (int)r.u.i : sp_truthy(vm, r);
            if (better < 0) return SP_ERRV;
        }
        if (better) {
            PIN(vm, pb, 1) = x;
            PIN(vm, pb, 2) = k;
            have = true;
        }
    }
    return have ? PIN(vm, pb, 1) : SP_NULLV;
}

static sp_Value minmax(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw, const MinMax *mm) {
    sp_Value o[2]; /* key, default */
    if (n == 0)
        return sp_raise(vm, &sp_t_TypeError, "%s expected at least 1 argument, got 0", mm->name);
    if (!sp_parse_args(vm, mm->name, a + n, 0, kw, "|$key,default", o)) return SP_ERRV;
    if (n > 1 && !sp_isnull(o[1]))
        return sp_raise(vm, &sp_t_TypeError,
                        "Cannot specify a default for %s() with multiple positional arguments",
                        mm->name);
    if (sp_isnone(o[0])) o[0] = SP_NULLV;
    sp_Value src = a[0];
    if (n > 1) {
        src = sp_tuple_pack(vm, (size_t)n, a);
        if (sp_iserr(src)) return src;
    }
    size_t pb;
    if (!sp_pin(vm, src)) return SP_ERRV;
    sp_Value it = sp_iter(vm, src), r = SP_ERRV;
    if (!sp_iserr(it) && pins_open(vm, 5, &pb)) {
        PIN(vm, pb, 0) = it;
        r = minmax_loop(vm, mm, it, o[0], pb);
        sp_unpin(vm, 5);
    }
    sp_unpin(vm, 1);
    if (!sp_isnull(r)) return r;
    if (!sp_isnull(o[1])) return o[1];
    return sp_raise(vm, &sp_t_ValueError, "%s() arg is an empty sequence", mm->name);
}

static const MinMax MAX_ = {"max", SP_GT}, MIN_ = {"min", SP_LT};
static sp_Value bi_max(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return minmax(vm, a, n, kw, &MAX_); }
static sp_Value bi_min(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return minmax(vm, a, n, kw, &MIN_); }

/* ------------------------------------------------------------ sum */

/* Pins: 0 iterator, 1 accumulator. */
static sp_Value sum_loop(sp_VM *vm, sp_Value it, sp_Value acc, size_t pb) {
    for (;;) {
        sp_Value x = sp_next(vm, it);
        if (sp_isnull(x)) return acc;
        if (sp_iserr(x) || !sp_check_limits(vm)) return SP_ERRV;
        bool xint = x.tag == SP_INT || x.tag == SP_BOOL;
        int64_t r; /* the builtin stores the wrapped sum on overflow: keep acc intact */
        if (acc.tag == SP_INT && xint && !__builtin_add_overflow(acc.u.i, x.u.i, &r)) {
            acc.u.i = r;
            continue;
        }
        if (acc.tag == SP_FLOAT && x.tag == SP_FLOAT) {
            acc.u.f += x.u.f;
            continue;
        }
        if (acc.tag == SP_FLOAT && xint) {
            acc.u.f += (double)x.u.i;
            continue;
        }
        PIN(vm, pb, 2) = x;
        acc = sp_binop(vm, SP_OP_ADD, acc, x);
        if (sp_iserr(acc)) return acc;
        PIN(vm, pb, 1) = acc;
    }
}

static sp_Value bi_sum(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    sp_Value o[2];
    if (!sp_parse_args(vm, "sum", a, n, kw, "iterable,/|start", o)) return SP_ERRV;
    sp_Value acc = sp_isnull(o[1]) ? sp_int(0) : o[1];
    if (sp_isbool(acc)) acc = sp_int(acc.u.i);
    if (sp_isstr(acc))
        return sp_raise(vm, &sp_t_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (sp_istype(acc, &sp_t_bytes))
        return sp_raise(vm, &sp_t_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    sp_Value it = sp_iter(vm, o[0]);
    size_t pb;
    if (sp_iserr(it) || !pins_open(vm, 3, &pb)) return SP_ERRV;
    PIN(vm, pb, 0) = it;
    PIN(vm, pb, 1) = acc;
    sp_Value r = sum_loop(vm, it, acc, pb);
    sp_unpin(vm, 3);
    return r;
}

/* ------------------------------------------------------------ sorted */

static sp_Value bi_sorted(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    sp_Value o[2]; /* key, reverse */
    int64_t rev = 0;
    if (!sp_check_nargs(vm, "sorted", n, 1, 1) ||
        !sp_parse_args(vm, "sort", a + n, 0, kw, "|$key,reverse", o))
        return SP_ERRV;
    if (!sp_isnull(o[1]) && !sp_index(vm, o[1], &rev)) return SP_ERRV;
    if (sp_isnone(o[0])) o[0] = SP_NULLV;
    sp_Value l = sp_list_from_iter(vm, a[0]);
    if (sp_iserr(l) || !sp_pin(vm, l)) return SP_ERRV;
    bool ok = sp_list_sort(vm, SP_LIST(l), o[0], rev != 0);
    sp_unpin(vm, 1);
    return ok ? l : SP_ERRV;
}

/* ------------------------------------------------------------ arithmetic */

static bool is_num(sp_Value v) { return sp_isintlike(v) || sp_isfloat(v); }

/* divmod for heap types: __divmod__ / __rdivmod__. */
static sp_Value divmod_hook(sp_VM *vm, sp_Value x, sp_Value y, const char *name) {
    sp_Value nm = intern(vm, name);
    if (sp_iserr(nm)) return nm;
    sp_Value m = sp_type_lookup(vm, sp_typeof(x), SP_STR(nm));
    if (sp_isnull(m) || sp_iserr(m)) return sp_isnull(m) ? SP_NOTIMPL : m;
    return sp_call2(vm, m, x, y);
}

static sp_Value bi_divmod(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_ok(vm, "divmod", n, kw, 2, 2)) return SP_ERRV;
    sp_Value x = a[0], y = a[1];
    if (!is_num(x) || !is_num(y)) {
        sp_Value r = divmod_hook(vm, x, y, "__divmod__");
        if (sp_isnotimpl(r) && sp_typeof(x) != sp_typeof(y)) r = divmod_hook(vm, y, x, "__rdivmod__");
        if (!sp_isnotimpl(r)) return r;
        x = sp_unbox_num(x); /* an int/float subclass divides as its value */
        y = sp_unbox_num(y);
        if (!is_num(x) || !is_num(y))
            return sp_raise(vm, &sp_t_TypeError, "unsupported operand type(s) for divmod(): '%T' and '%T'",
                            a[0], a[1]);
    }
    bool yzero = sp_isfloat(y) ? y.u.f == 0.0 : sp_int_sign(y) == 0;
    if ((sp_isfloat(x) || sp_isfloat(y)) && yzero)
        return sp_raise(vm, &sp_t_ZeroDivisionError, "float divmod()");
    sp_Value q = sp_binop(vm, SP_OP_FLOORDIV, x, y);
    if (sp_iserr(q)) return q;
    sp_Value r[2] = {q, sp_binop(vm, SP_OP_MOD, x, y)};
    if (sp_iserr(r[1])) return r[1];
    return sp_tuple_pack(vm, 2, r);
}

/* Generic-int helpers for 3-argument pow on any int size. */
static sp_Value iop(sp_VM *vm, int op, sp_Value a, sp_Value b) { return sp_binop(vm, op, a, b); }

/* Inverse of b modulo m (m > 0) by the extended Euclid algorithm. */
static sp_Value mod_inverse(sp_VM *vm, sp_Value b, sp_Value m) {
    sp_Value r0 = iop(vm, SP_OP_MOD, b, m), r1 = m, s0 = sp_int(1), s1 = sp_int(0);
    while (!sp_iserr(r1) && sp_int_sign(r1) != 0) {
        if (!sp_check_limits(vm)) return SP_ERRV;
        sp_Value q = iop(vm, SP_OP_FLOORDIV, r0, r1);
        if (sp_iserr(q)) return q;
        sp_Value r2 = iop(vm, SP_OP_SUB, r0, iop(vm, SP_OP_MUL, q, r1));
        sp_Value qs = iop(vm, SP_OP_MUL, q, s1);
        sp_Value s2 = sp_iserr(qs) ? qs : iop(vm, SP_OP_SUB, s0, qs);
        if (sp_iserr(r2) || sp_iserr(s2)) return SP_ERRV;
        r0 = r1, r1 = r2, s0 = s1, s1 = s2;
    }
    if (sp_iserr(r0) || sp_iserr(r1)) return SP_ERRV;
    if (!(sp_isint(r0) && r0.u.i == 1))
        return sp_raise(vm, &sp_t_ValueError, "base is not invertible for the given modulus");
    return iop(vm, SP_OP_MOD, s0, m);
}

static sp_Value modpow(sp_VM *vm, sp_Value b, sp_Value e, sp_Value m) {
    if (sp_int_sign(m) == 0) return sp_raise(vm, &sp_t_ValueError, "pow() 3rd argument cannot be 0");
    bool negmod = sp_int_sign(m) < 0;
    if (negmod && sp_iserr(m = sp_unop(vm, SP_UOP_NEG, m))) return SP_ERRV;
    if (sp_int_sign(e) < 0) {
        b = mod_inverse(vm, b, m);
        if (sp_iserr(b) || sp_iserr(e = sp_unop(vm, SP_UOP_NEG, e))) return SP_ERRV;
    }
    sp_Value r = iop(vm, SP_OP_MOD, sp_int(1), m);
    b = iop(vm, SP_OP_MOD, b, m);
    while (!sp_iserr(r) && !sp_iserr(b) && sp_int_sign(e) > 0) {
        if (!sp_check_limits(vm)) return SP_ERRV;
        sp_Value bit = iop(vm, SP_OP_AND, e, sp_int(1));
        if (sp_iserr(bit)) return bit;
        if (sp_int_sign(bit)) r = iop(vm, SP_OP_MOD, iop(vm, SP_OP_MUL, r, b), m);
        if (sp_iserr(r) || sp_iserr(e = iop(vm, SP_OP_RSHIFT, e, sp_int(1)))) return SP_ERRV;
        if (sp_int_sign(e)) b = iop(vm, SP_OP_MOD, iop(vm, SP_OP_MUL, b, b), m);
    }
    if (sp_iserr(r) || sp_iserr(b)) return SP_ERRV;
    if (negmod && sp_int_sign(r) != 0) r = iop(vm, SP_OP_SUB, r, m);
    return r;
}

static sp_Value bi_pow(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    sp_Value o[3];
    if (!sp_parse_args(vm, "pow", a, n, kw, "base,exp|mod", o)) return SP_ERRV;
    if (sp_isnull(o[2]) || sp_isnone(o[2])) return sp_binop(vm, SP_OP_POW, o[0], o[1]);
    sp_Value orig[3] = {o[0], o[1], o[2]};
    for (int i = 0; i < 3; i++) o[i] = sp_unbox_num(o[i]); /* int subclasses */
    bool ints = sp_isintlike(o[0]) && sp_isintlike(o[1]) && sp_isintlike(o[2]);
    if (ints) {
        for (int i = 0; i < 3; i++)
            if (sp_isbool(o[i])) o[i] = sp_int(o[i].u.i);
        return modpow(vm, o[0], o[1], o[2]);
    }
    if (is_num(o[0]) && is_num(o[1]) && is_num(o[2]))
        return sp_raise(vm, &sp_t_TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
    return sp_raise(vm, &sp_t_TypeError, "unsupported operand type(s) for ** or pow(): '%T', '%T', '%T'",
                    orig[0], orig[1], orig[2]);
}

static sp_Value bi_round(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    sp_Value o[2];
    if (!sp_parse_args(vm, "round", a, n, kw, "number|ndigits", o)) return SP_ERRV;
    bool nd = !sp_isnull(o[1]) && !sp_isnone(o[1]);
    if (!nd && (sp_isint(o[0]) || sp_isbool(o[0]))) return sp_int(o[0].u.i);
    sp_Value name = intern(vm, "__round__");
    if (sp_iserr(name)) return name;
    sp_Value m = sp_type_lookup(vm, sp_typeof(o[0]), SP_STR(name));
    if (sp_iserr(m)) return m;
    if (sp_isnull(m))
        return sp_raise(vm, &sp_t_TypeError, "type %s doesn't define __round__ method",
                        sp_isintlike(o[0]) ? "int" : sp_typename(o[0]));
    return nd ? sp_call2(vm, m, o[0], o[1]) : sp_call1(vm, m, o[0]);
}

/* ------------------------------------------------------------ print */

static bool str_or_none(sp_VM *vm, sp_Value v, const char *what) {
    if (sp_isnull(v) || sp_isnone(v) || sp_isstr(v)) return true;
    sp_raise(vm, &sp_t_TypeError, "%s must be None or a string, not %T", what, v);
    return false;
}

static bool add_sep(sp_Buf *b, sp_Value sep, const char *dflt) {
    if (sp_isstr(sep)) return sp_buf_add(b, SP_STR(sep)->data, SP_STR(sep)->len);
    return sp_buf_adds(b, dflt);
}

/* A file= object: the text goes to its write() method, as CPython. */
static sp_Value print_to_file(sp_VM *vm, sp_Value file, sp_Value text) {
    sp_Value w = sp_getattrs(vm, file, "write");
    if (sp_iserr(w)) return w;
    sp_Value r = sp_call1(vm, w, text);
    return sp_iserr(r) ? r : SP_NONEV;
}

static sp_Value bi_print(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    sp_Value o[4]; /* sep, end, file, flush */
    if (!sp_parse_args(vm, "print", a + n, 0, kw, "|$sep,end,file,flush", o)) return SP_ERRV;
    if (!str_or_none(vm, o[0], "sep") || !str_or_none(vm, o[1], "end")) return SP_ERRV;
    sp_Buf b;
    sp_buf_init(vm, &b);
    for (int i = 0; i < n; i++)
        if ((i && !add_sep(&b, o[0], " ")) || !sp_buf_addv(&b, a[i], false) ||
            !sp_check_limits(vm))
            return sp_buf_free(&b), SP_ERRV;
    if (!add_sep(&b, o[1], "\n")) return sp_buf_free(&b), SP_ERRV;
    if (!sp_isnull(o[2]) && !sp_isnone(o[2])) {
        sp_Value text = sp_buf_tostr(&b);
        return sp_iserr(text) ? text : print_to_file(vm, o[2], text);
    }
    sp_write(vm, 1, b.p, b.n);
    sp_buf_free(&b);
    return SP_NONEV;
}

/* ------------------------------------------------------------ the table */

#define BUILTIN_FUNCS(X)                                                                       \
    X(abs) X(all) X(any) X(ascii) X(bin) X(callable) X(chr) X(delattr) X(dir) X(divmod)          \
    X(format) X(getattr) X(hasattr) X(hash) X(hex) X(id) X(isinstance) X(issubclass) X(iter)     \
    X(len) X(max) X(min) X(next) X(oct) X(ord) X(pow) X(print) X(repr) X(round) X(setattr)      \
    X(sorted) X(sum) X(vars)

#define DEF_CFUNC(n) \
    static sp_CFunc cf_##n = {.h = SP_STATIC_HDR(&sp_t_cfunc), .name = #n, .fn = bi_##n};
BUILTIN_FUNCS(DEF_CFUNC)

typedef struct Builtin {
    const char *name;
    sp_Obj *obj;
} Builtin;

#define F(n) {#n, &cf_##n.h},
#define T(n, t) {#n, &sp_t_##t.h},
#define EX(n) {#n, &sp_t_##n.h},

/* Sorted by strcmp (checked by the test driver). */
static const Builtin builtins[] = {
    EX(ArithmeticError) EX(AssertionError) EX(AttributeError) EX(BaseException)
    EX(BlockingIOError) EX(BrokenPipeError) EX(BufferError) EX(BytesWarning)
    EX(ChildProcessError) EX(ConnectionAbortedError) EX(ConnectionError)
    EX(ConnectionRefusedError) EX(ConnectionResetError) EX(DeprecationWarning) EX(EOFError)
    {"Ellipsis", &sp_Ellipsis_obj}, EX(EncodingWarning)
    {"EnvironmentError", &sp_t_OSError.h}, EX(Exception) EX(FileExistsError)
    EX(FileNotFoundError) EX(FloatingPointError) EX(FutureWarning) EX(GeneratorExit)
    {"IOError", &sp_t_OSError.h}, EX(ImportError) EX(ImportWarning) EX(IndentationError)
    EX(IndexError) EX(InterruptedError) EX(IsADirectoryError) EX(KeyError)
    EX(KeyboardInterrupt) EX(LookupError) EX(MemoryError) EX(ModuleNotFoundError) EX(NameError)
    EX(NotADirectoryError) {"NotImplemented", &sp_NotImplemented_obj}, EX(NotImplementedError)
    EX(OSError) EX(OverflowError) EX(PendingDeprecationWarning) EX(PermissionError)
    EX(ProcessLookupError) EX(RecursionError) EX(ReferenceError) EX(ResourceWarning)
    EX(RuntimeError) EX(RuntimeWarning) EX(StopAsyncIteration) EX(StopIteration) EX(SyntaxError)
    EX(SyntaxWarning) EX(SystemError) EX(SystemExit) EX(TabError) EX(TimeoutError) EX(TypeError)
    EX(UnboundLocalError) EX(UnicodeDecodeError) EX(UnicodeEncodeError) EX(UnicodeError)
    EX(UnicodeTranslateError) EX(UnicodeWarning) EX(UserWarning) EX(ValueError) EX(Warning)
    EX(ZeroDivisionError) {"__build_class__", &sp_build_class_fn.h},
    F(abs) F(all) F(any) F(ascii) F(bin) T(bool, bool) T(bytes, bytes) F(callable) F(chr)
    T(classmethod, classmethod) F(delattr) T(dict, dict) F(dir) F(divmod) T(enumerate, enumerate) T(filter, filter)
    T(float, float) F(format) T(frozenset, frozenset) F(getattr) F(hasattr) F(hash) F(hex) F(id)
    T(int, int) F(isinstance) F(issubclass) F(iter) F(len) T(list, list) T(map, map) F(max)
    F(min) F(next) T(object, object) F(oct) F(ord) F(pow) F(print) T(property, property)
    T(range, range) F(repr)
    T(reversed, reversed) F(round) T(set, set) F(setattr) T(slice, slice) F(sorted)
    T(staticmethod, staticmethod) T(str, str) F(sum) T(super, super) T(tuple, tuple) T(type, type) F(vars) T(zip, zip)
};

#define NBUILTINS (sizeof builtins / sizeof builtins[0])

sp_Value sp_builtin_lookup(sp_VM *vm, sp_Str *name) {
    (void)vm;
    size_t lo = 0, hi = NBUILTINS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(builtins[mid].name, name->data);
        if (c == 0) return sp_objv(builtins[mid].obj);
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return SP_NULLV;
}

/* For tests: the table's name i (NULL past the end), to check its order. */
const char *sp_builtin_name_(size_t i);
const char *sp_builtin_name_(size_t i) { return i < NBUILTINS ? builtins[i].name : NULL; }
