/* sp_typing.c - the typing module: enough for annotated code to run.
 *
 * Every special form and generic alias is one small object type whose
 * subscription builds a new alias; reprs follow CPython ("typing.List[int]",
 * "typing.Optional[int]", "~T").  Nothing is enforced at run time. */
#include "sp.h"
#include "sp_cont.h"

enum { K_SPECIAL, K_GENERIC, K_UNION, K_OPTIONAL, K_CALLABLE, K_LITERAL, K_TYPEVAR };

typedef struct Alias {
    sp_Obj h;
    sp_Value name;   /* str: "List", or the TypeVar's name */
    sp_Value origin; /* builtin type for generics, SP_NULL otherwise */
    sp_Value args;   /* tuple once subscripted, SP_NULL before */
    int kind, nparams; /* nparams -1: any number */
} Alias;

static sp_Type t_alias;
#define AL(v) ((Alias *)SP_O(v))
static bool is_alias(sp_Value v) { return sp_istype(v, &t_alias); }

static sp_Value alias_new(sp_VM *vm, sp_Value name, int kind, sp_Value origin, int np, sp_Value args) {
    Alias *a = sp_newobj(vm, &t_alias, sizeof *a);
    if (!a) return SP_ERRV;
    a->name = name, a->kind = kind, a->origin = origin, a->nparams = np, a->args = args;
    return sp_objv(a);
}

/* ------------------------------------------------------------ repr */

static bool type_repr(sp_Buf *b, sp_Value v) {
    if (sp_isinst(v, &sp_t_type) && v.tag == SP_OBJ && !is_alias(v)) {
        sp_Value r = sp_getattrs(b->vm, v, "__qualname__");
        sp_Value m = sp_iserr(r) ? r : sp_getattrs(b->vm, v, "__module__");
        if (sp_iserr(m)) return false;
        if (sp_isstr(m) && !sp_str_eqc(SP_STR(m), "builtins") &&
            (!sp_buf_addv(b, m, false) || !sp_buf_addc(b, '.')))
            return false;
        return sp_buf_addv(b, r, false);
    }
    if (sp_istype(v, &sp_t_ellipsis)) return sp_buf_adds(b, "...");
    if (sp_islist(v)) {
        if (!sp_buf_addc(b, '[')) return false;
        for (size_t i = 0; i < SP_LIST(v)->n; i++)
            if ((i && !sp_buf_adds(b, ", ")) || !type_repr(b, SP_LIST(v)->items[i])) return false;
        return sp_buf_addc(b, ']');
    }
    return sp_buf_addv(b, v, true);
}

static bool has_none(sp_Tuple *t) {
    for (size_t i = 0; i < t->n; i++)
        if (SP_O(t->items[i]) == (sp_Obj *)&sp_t_NoneType) return true;
    return false;
}

static sp_Value alias_repr(sp_VM *vm, sp_Value self) {
    Alias *a = AL(self);
    if (a->kind == K_TYPEVAR) return sp_fmt(vm, "~%S", a->name);
    sp_Buf b;
    sp_buf_init(vm, &b);
    sp_Tuple *args = sp_istuple(a->args) ? SP_TUPLE(a->args) : NULL;
    bool opt = args && a->kind == K_UNION && args->n == 2 && has_none(args);
    bool ok = sp_buf_adds(&b, "typing.") && sp_buf_addv(&b, opt ? sp_str_cstr(vm, "Optional") : a->name, false);
    if (ok && args) {
        ok = sp_buf_addc(&b, '[');
        if (ok && args->n == 0) ok = sp_buf_adds(&b, "()");
        for (size_t i = 0, k = 0; ok && i < args->n; i++) {
            sp_Value x = args->items[i];
            if (opt && SP_O(x) == (sp_Obj *)&sp_t_NoneType) continue;
            ok = (!k++ || sp_buf_adds(&b, ", ")) &&
                 (a->kind == K_LITERAL ? sp_buf_addv(&b, x, true) : type_repr(&b, x));
        }
        ok = ok && sp_buf_addc(&b, ']');
    }
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

/* ------------------------------------------------------------ subscription */

/* None stands for NoneType inside type arguments. */
static sp_Value norm(sp_Value v) { return sp_isnone(v) ? sp_objv(&sp_t_NoneType) : v; }

static bool tuple_has(sp_VM *vm, sp_List *l, sp_Value v, int *found) {
    *found = 0;
    for (size_t i = 0; i < l->n && !*found; i++) {
        *found = sp_eq(vm, l->items[i], v);
        if (*found < 0) return false;
    }
    return true;
}

/* Union[...]: flattened, deduplicated, a single member stands alone. */
static sp_Value make_union(sp_VM *vm, sp_Tuple *in) {
    sp_Value lv = sp_list_new(vm, 0);
    if (sp_iserr(lv) || !sp_pin(vm, lv)) return SP_ERRV;
    sp_Value r = SP_ERRV;
    bool ok = true;
    for (size_t i = 0; ok && i < in->n; i++) {
        sp_Value x = norm(in->items[i]);
        bool nested = is_alias(x) && AL(x)->kind == K_UNION && sp_istuple(AL(x)->args);
        sp_Tuple *parts = nested ? SP_TUPLE(AL(x)->args) : NULL;
        for (size_t j = 0; ok && j < (parts ? parts->n : 1); j++) {
            sp_Value y = parts ? parts->items[j] : x;
            int found;
            ok = tuple_has(vm, SP_LIST(lv), y, &found) && (found || sp_list_append(vm, SP_LIST(lv), y));
        }
    }
    if (ok && SP_LIST(lv)->n == 1) r = SP_LIST(lv)->items[0];
    else if (ok) {
        sp_Value t = sp_tuple_pack(vm, SP_LIST(lv)->n, SP_LIST(lv)->items);
        sp_Value name = sp_iserr(t) ? t : sp_str_intern_cstr(vm, "Union");
        if (!sp_iserr(name)) r = alias_new(vm, name, K_UNION, SP_NULLV, -1, t);
    }
    sp_unpin(vm, 1);
    return r;
}

static sp_Value alias_getitem(sp_VM *vm, sp_Value self, sp_Value key) {
    Alias *a = AL(self);
    if (a->kind == K_SPECIAL || a->kind == K_TYPEVAR)
        return sp_raise(vm, &sp_t_TypeError, "%R is not subscriptable", self);
    if (!sp_isnull(a->args)) return sp_raise(vm, &sp_t_TypeError, "%R is not a generic class", self);
    sp_Value t = sp_istuple(key) ? key : sp_tuple_pack(vm, 1, &key);
    if (sp_iserr(t) || !sp_pin(vm, t)) return SP_ERRV;
    sp_Tuple *in = SP_TUPLE(t);
    sp_Value r = SP_ERRV;
    if (a->kind == K_UNION) r = make_union(vm, in);
    else if (a->kind == K_OPTIONAL) {
        sp_Value two[2] = {key, SP_NONEV};
        sp_Value u = sp_tuple_pack(vm, 2, two);
        if (!sp_iserr(u)) r = make_union(vm, SP_TUPLE(u));
    } else if (a->nparams >= 0 && (int64_t)in->n != a->nparams) {
        sp_raise(vm, &sp_t_TypeError, "Too %s arguments for %R; actual %d, expected %d",
                 (int64_t)in->n > a->nparams ? "many" : "few", self, (int)in->n, a->nparams);
    } else {
        sp_Value args = sp_tuple_new(vm, in->n);
        for (size_t i = 0; !sp_iserr(args) && i < in->n; i++)
            SP_TUPLE(args)->items[i] = a->kind == K_LITERAL ? in->items[i] : norm(in->items[i]);
        if (!sp_iserr(args)) r = alias_new(vm, a->name, a->kind, a->origin, a->nparams, args);
    }
    sp_unpin(vm, 1);
    return r;
}

/* ------------------------------------------------------------ other slots */

static sp_Value alias_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)args, (void)nargs, (void)kw;
    Alias *a = AL(self);
    if (!sp_isnull(a->origin))
        return sp_raise(vm, &sp_t_TypeError, "Type %S cannot be instantiated; use %s() instead",
                        a->name, ((sp_Type *)SP_O(a->origin))->name);
    return sp_raise(vm, &sp_t_TypeError, "Cannot instantiate %R", self);
}

static sp_Value m_instancecheck(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__instancecheck__", kw) ||
        !sp_check_nargs(vm, "__instancecheck__", nargs - 1, 1, 1))
        return SP_ERRV;
    Alias *a = AL(args[0]);
    if (!sp_isnull(a->args))
        return sp_raise(vm, &sp_t_TypeError,
                        "Subscripted generics cannot be used with class and instance checks");
    if (sp_isnull(a->origin))
        return sp_raise(vm, &sp_t_TypeError, "%R cannot be used with isinstance()", args[0]);
    return sp_bool(sp_isinst(args[1], (sp_Type *)SP_O(a->origin)));
}

static sp_Value alias_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if ((op != SP_EQ && op != SP_NE) || !is_alias(b)) return SP_NOTIMPL;
    Alias *x = AL(a), *y = AL(b);
    int eq = x->kind == y->kind && sp_str_eq(SP_STR(x->name), SP_STR(y->name));
    if (eq && x->kind == K_TYPEVAR) eq = x == y;
    if (eq && sp_isnull(x->args) != sp_isnull(y->args)) eq = 0;
    if (eq && !sp_isnull(x->args)) eq = sp_eq(vm, x->args, y->args);
    if (eq < 0) return SP_ERRV;
    return sp_bool(eq == (op == SP_EQ));
}

static bool alias_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    Alias *a = AL(self);
    int64_t h = 0;
    if (!sp_isnull(a->args) && !sp_hash(vm, a->args, &h)) return false;
    *out = sp_str_hash(SP_STR(a->name)) ^ h ^ a->kind;
    if (a->kind == K_TYPEVAR) *out = (int64_t)sp_obj_id(vm, SP_O(self));
    if (*out == -1) *out = -2;
    return true;
}

static void alias_traverse(sp_VM *vm, sp_Obj *o) {
    Alias *a = (Alias *)o;
    sp_gc_markv(vm, a->name);
    sp_gc_markv(vm, a->origin);
    sp_gc_markv(vm, a->args);
}

static sp_Value opt_none(sp_Value v) { return sp_isnull(v) ? SP_NONEV : v; }
static sp_Value g_origin(sp_VM *vm, sp_Value s) {
    (void)vm;
    return AL(s)->kind == K_UNION && !sp_isnull(AL(s)->args) ? s : opt_none(AL(s)->origin);
}
static sp_Value g_args(sp_VM *vm, sp_Value s) {
    (void)vm;
    return sp_isnull(AL(s)->args) ? sp_objv(&sp_empty_tuple) : AL(s)->args;
}
static sp_Value g_name(sp_VM *vm, sp_Value s) { (void)vm; return AL(s)->name; }

static const sp_GetSetDef alias_getsets[] = {
    {"__origin__", g_origin, NULL}, {"__args__", g_args, NULL},
    {"__name__", g_name, NULL},     {"_name", g_name, NULL},
    {NULL, NULL, NULL},
};
static const sp_MethodDef alias_methods[] = {
    {"__instancecheck__", m_instancecheck, 0},
    {NULL, NULL, 0},
};

static sp_Type t_alias = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "typing._GenericAlias",
    .base = &sp_t_object,
    .methods = alias_methods,
    .getsets = alias_getsets,
    .traverse = alias_traverse,
    .call = alias_call,
    .repr = alias_repr,
    .hash = alias_hash,
    .richcmp = alias_richcmp,
    .getitem = alias_getitem,
};

/* ------------------------------------------------------------ functions */

static sp_Value f_cast(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    return sp_parse_args(vm, "cast", args, nargs, kw, "typ,val", o) ? o[1] : SP_ERRV;
}

/* overload, final, no_type_check, runtime_checkable: decorators that
 * return their argument. */
static sp_Value f_identity(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "decorator", kw) || !sp_check_nargs(vm, "decorator", nargs, 1, 1))
        return SP_ERRV;
    return args[0];
}

static sp_Value f_typevar(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)kw; /* bound=, covariant=...: accepted, not enforced */
    if (nargs < 1)
        return sp_raise(vm, &sp_t_TypeError, "TypeVar() missing required argument 'name' (pos 1)");
    if (!sp_isstr(args[0]))
        return sp_raise(vm, &sp_t_TypeError, "TypeVar name must be a string");
    return alias_new(vm, args[0], K_TYPEVAR, SP_NULLV, 0, SP_NULLV);
}

static sp_Value f_unsupported(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)args, (void)nargs, (void)kw;
    return sp_raise(vm, &sp_t_TypeError, "this typing construct is not supported by sandpy");
}

static sp_Value f_newtype(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    if (!sp_parse_args(vm, "NewType", args, nargs, kw, "name,tp", o)) return SP_ERRV;
    return o[1]; /* a NewType is its base type at run time */
}

static const sp_MethodDef typing_funcs[] = {
    {"cast", f_cast, 0},          {"overload", f_identity, 0},
    {"final", f_identity, 0},     {"no_type_check", f_identity, 0},
    {"runtime_checkable", f_identity, 0}, {"TypeVar", f_typevar, 0},
    {"NewType", f_newtype, 0},    
    {"TypedDict", f_unsupported, 0}, {NULL, NULL, 0},
};

/* ------------------------------------------------------------ module */

typedef struct Form {
    const char *name;
    int kind, nparams;
    sp_Type *origin;
} Form;

static const Form forms[] = {
    {"Any", K_SPECIAL, 0, NULL},         {"NoReturn", K_SPECIAL, 0, NULL},
    {"Union", K_UNION, -1, NULL},        {"Optional", K_OPTIONAL, 1, NULL},
    {"Callable", K_CALLABLE, 2, NULL},   {"Literal", K_LITERAL, -1, NULL},
    {"ClassVar", K_GENERIC, 1, NULL},    {"Final", K_GENERIC, 1, NULL},
    {"List", K_GENERIC, 1, &sp_t_list},  {"Dict", K_GENERIC, 2, &sp_t_dict},
    {"Set", K_GENERIC, 1, &sp_t_set},    {"FrozenSet", K_GENERIC, 1, &sp_t_frozenset},
    {"Tuple", K_GENERIC, -1, &sp_t_tuple}, {"Type", K_GENERIC, 1, &sp_t_type},
    {"DefaultDict", K_GENERIC, 2, NULL}, {"OrderedDict", K_GENERIC, 2, NULL},
    {"Counter", K_GENERIC, 1, NULL},     {"Deque", K_GENERIC, 1, NULL},
    {"Iterable", K_GENERIC, 1, NULL},    {"Iterator", K_GENERIC, 1, NULL},
    {"Generator", K_GENERIC, 3, NULL},   {"Sequence", K_GENERIC, 1, NULL},
    {"MutableSequence", K_GENERIC, 1, NULL}, {"Mapping", K_GENERIC, 2, NULL},
    {"MutableMapping", K_GENERIC, 2, NULL}, {"AbstractSet", K_GENERIC, 1, NULL},
    {"MutableSet", K_GENERIC, 1, NULL},  {"Collection", K_GENERIC, 1, NULL},
    {"Container", K_GENERIC, 1, NULL},   {"Hashable", K_SPECIAL, 0, NULL},
    {"Sized", K_SPECIAL, 0, NULL},       {"Reversible", K_GENERIC, 1, NULL},
    {"Awaitable", K_GENERIC, 1, NULL},   {"Coroutine", K_GENERIC, 3, NULL},
    {"AsyncIterator", K_GENERIC, 1, NULL}, {"AsyncIterable", K_GENERIC, 1, NULL},
    {"ItemsView", K_GENERIC, 2, NULL},   {"KeysView", K_GENERIC, 1, NULL},
    {"ValuesView", K_GENERIC, 1, NULL},  {"Generic", K_GENERIC, -1, NULL},
    {"Protocol", K_GENERIC, -1, NULL},   {"Annotated", K_GENERIC, -1, NULL},
};

bool sp_typing_init(sp_VM *vm, sp_Module *m) {
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        const Form *f = &forms[i];
        sp_Value name = sp_str_intern_cstr(vm, f->name);
        sp_Value a = sp_iserr(name) ? name
                     : alias_new(vm, name, f->kind, f->origin ? sp_objv(f->origin) : SP_NULLV,
                                 f->nparams, SP_NULLV);
        if (sp_iserr(a) || !sp_module_add(vm, m, f->name, a)) return false;
    }
    return sp_module_add_funcs(vm, m, typing_funcs) &&
           sp_module_add(vm, m, "TYPE_CHECKING", SP_FALSEV) &&
           sp_module_add(vm, m, "Text", sp_objv(&sp_t_str)) &&
           sp_module_add(vm, m, "NamedTuple", spc_typing_namedtuple());
}
