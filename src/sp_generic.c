/* sp_generic.c - PEP 585 and PEP 604 at run time: list[int] (a
 * types.GenericAlias) and int | None (a types.UnionType).  Class bodies
 * evaluate their annotations, so these must exist; they only describe
 * types: calling an alias calls its origin, isinstance() accepts a union
 * and rejects a parameterized alias, as CPython does. */
#include "sp_class.h"

typedef struct Alias {
    sp_Obj h;
    sp_Value origin; /* a type */
    sp_Value args;   /* tuple */
} Alias;

typedef struct Union {
    sp_Obj h;
    sp_Value args; /* tuple of types, aliases (NoneType for None) */
} Union;

static sp_Type t_alias, t_union;
#define AL(v) ((Alias *)SP_O(v))
#define UN(v) ((Union *)SP_O(v))

static bool is_type(sp_Value v) { return v.tag == SP_OBJ && sp_isinst(v, &sp_t_type); }

/* ------------------------------------------------------------ repr */

/* A type as annotations print it: int, __main__.A, None, ... */
static bool add_arg(sp_Buf *b, sp_Value v) {
    if (sp_istype(v, &sp_t_ellipsis)) return sp_buf_adds(b, "...");
    if (v.tag == SP_OBJ && SP_O(v) == &sp_t_NoneType.h) return sp_buf_adds(b, "None");
    if (!is_type(v) || sp_istype(v, &t_alias)) return sp_buf_addv(b, v, true);
    sp_Value q = sp_getattrs(b->vm, v, "__qualname__");
    sp_Value m = sp_iserr(q) ? q : sp_getattrs(b->vm, v, "__module__");
    if (sp_iserr(m)) return false;
    if (sp_isstr(m) && !sp_str_eqc(SP_STR(m), "builtins") &&
        (!sp_buf_addv(b, m, false) || !sp_buf_addc(b, '.')))
        return false;
    return sp_buf_addv(b, q, false);
}

static bool add_args(sp_Buf *b, sp_Tuple *t, const char *sep) {
    for (size_t i = 0; i < t->n; i++)
        if ((i && !sp_buf_adds(b, sep)) || !add_arg(b, t->items[i])) return false;
    return true;
}

static sp_Value alias_repr(sp_VM *vm, sp_Value self) {
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = add_arg(&b, AL(self)->origin) && sp_buf_addc(&b, '[');
    if (ok && SP_TUPLE(AL(self)->args)->n == 0) ok = sp_buf_adds(&b, "()");
    ok = ok && add_args(&b, SP_TUPLE(AL(self)->args), ", ") && sp_buf_addc(&b, ']');
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

static sp_Value union_repr(sp_VM *vm, sp_Value self) {
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!add_args(&b, SP_TUPLE(UN(self)->args), " | ")) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

/* ------------------------------------------------------------ construction */

sp_Value sp_generic_alias(sp_VM *vm, sp_Value origin, sp_Value args) {
    if (!sp_istuple(args)) {
        args = sp_tuple_pack(vm, 1, &args);
        if (sp_iserr(args)) return args;
    }
    Alias *a = sp_newobj(vm, &t_alias, sizeof *a);
    if (!a) return SP_ERRV;
    a->origin = origin;
    a->args = args;
    return sp_objv(a);
}

/* Can v be an operand of `|` between types? */
static bool unionable(sp_Value v) {
    return sp_isnone(v) || is_type(v) || sp_istype(v, &t_alias) || sp_istype(v, &t_union);
}

static bool add_member(sp_VM *vm, sp_List *l, sp_Value v) {
    if (sp_isnone(v)) v = sp_objv(&sp_t_NoneType);
    if (sp_istype(v, &t_union)) {
        sp_Tuple *t = SP_TUPLE(UN(v)->args);
        for (size_t i = 0; i < t->n; i++)
            if (!add_member(vm, l, t->items[i])) return false;
        return true;
    }
    for (size_t i = 0; i < l->n; i++) {
        int eq = sp_eq(vm, l->items[i], v);
        if (eq) return eq > 0;
    }
    return sp_list_append(vm, l, v);
}

/* a | b for types: the flattened, de-duplicated union (or the one type). */
static sp_Value make_union(sp_VM *vm, sp_Value a, sp_Value b) {
    sp_Value l = sp_list_with_cap(vm, 2);
    if (sp_iserr(l) || !sp_pin(vm, l)) return SP_ERRV;
    sp_Value r = SP_ERRV;
    if (add_member(vm, SP_LIST(l), a) && add_member(vm, SP_LIST(l), b)) {
        if (SP_LIST(l)->n == 1) {
            r = SP_LIST(l)->items[0];
        } else {
            r = sp_tuple_from_iter(vm, l);
            Union *u = sp_iserr(r) ? NULL : sp_newobj(vm, &t_union, sizeof *u);
            if (u) u->args = r;
            r = u ? sp_objv(u) : SP_ERRV;
        }
    }
    sp_unpin(vm, 1);
    return r;
}

sp_Value sp_generic_or(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (op != SP_OP_OR || !unionable(a) || !unionable(b)) return SP_NOTIMPL;
    return make_union(vm, a, b);
}

/* ------------------------------------------------------------ protocols */

static void alias_traverse(sp_VM *vm, sp_Obj *o) {
    sp_gc_markv(vm, ((Alias *)o)->origin);
    sp_gc_markv(vm, ((Alias *)o)->args);
}

static void union_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_markv(vm, ((Union *)o)->args); }

static sp_Value alias_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    return sp_call(vm, AL(self)->origin, args, nargs, kw);
}

static sp_Value alias_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    if (sp_str_eqc(name, "__origin__")) return AL(self)->origin;
    if (sp_str_eqc(name, "__args__")) return AL(self)->args;
    if (sp_str_eqc(name, "__parameters__")) return sp_objv(&sp_empty_tuple);
    if (sp_str_eqc(name, "__class__")) return sp_objv(&t_alias);
    sp_Value v = sp_generic_getattr(vm, self, name);
    return sp_isnull(v) ? sp_getattr_opt(vm, AL(self)->origin, name) : v;
}

static sp_Value union_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    if (sp_str_eqc(name, "__args__")) return UN(self)->args;
    if (sp_str_eqc(name, "__parameters__")) return sp_objv(&sp_empty_tuple);
    return sp_generic_getattr(vm, self, name);
}

static sp_Value eq_result(int eq, int op) {
    if (eq < 0) return SP_ERRV;
    return sp_bool((eq == 1) == (op == SP_EQ));
}

static sp_Value alias_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if ((op != SP_EQ && op != SP_NE) || !sp_istype(b, &t_alias)) return SP_NOTIMPL;
    int eq = sp_eq(vm, AL(a)->origin, AL(b)->origin);
    if (eq == 1) eq = sp_eq(vm, AL(a)->args, AL(b)->args);
    return eq_result(eq, op);
}

/* Unions compare as sets of their members. */
static int contains_all(sp_VM *vm, sp_Tuple *a, sp_Tuple *b) {
    for (size_t i = 0; i < a->n; i++) {
        int found = 0;
        for (size_t j = 0; j < b->n && found == 0; j++) found = sp_eq(vm, a->items[i], b->items[j]);
        if (found <= 0) return found;
    }
    return 1;
}

static sp_Value union_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if ((op != SP_EQ && op != SP_NE) || !sp_istype(b, &t_union)) return SP_NOTIMPL;
    sp_Tuple *x = SP_TUPLE(UN(a)->args), *y = SP_TUPLE(UN(b)->args);
    int eq = contains_all(vm, x, y);
    if (eq == 1) eq = contains_all(vm, y, x);
    return eq_result(eq, op);
}

static bool alias_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    int64_t h1, h2;
    if (!sp_hash(vm, AL(self)->origin, &h1) || !sp_hash(vm, AL(self)->args, &h2)) return false;
    *out = h1 ^ h2;
    if (*out == -1) *out = -2;
    return true;
}

static bool union_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    sp_Tuple *t = SP_TUPLE(UN(self)->args);
    int64_t h = 0x345678, x;
    for (size_t i = 0; i < t->n; i++) { /* order-independent, as a frozenset */
        if (!sp_hash(vm, t->items[i], &x)) return false;
        h ^= x;
    }
    *out = h == -1 ? -2 : h;
    return true;
}

/* isinstance(x, int | str) / issubclass(C, int | str) */
static sp_Value union_check(sp_VM *vm, sp_Value *args, int nargs, bool sub) {
    if (!sp_check_nargs(vm, sub ? "__subclasscheck__" : "__instancecheck__", nargs - 1, 1, 1))
        return SP_ERRV;
    sp_Tuple *t = SP_TUPLE(UN(args[0])->args);
    for (size_t i = 0; i < t->n; i++) {
        sp_Value k = t->items[i];
        if (!is_type(k))
            return sp_raise(vm, &sp_t_TypeError, "%s() argument 2 cannot be a parameterized generic",
                            sub ? "issubclass" : "isinstance");
        if (sub ? is_type(args[1]) && sp_issubtype((sp_Type *)SP_O(args[1]), (sp_Type *)SP_O(k))
                : sp_isinst(args[1], (sp_Type *)SP_O(k)))
            return SP_TRUEV;
    }
    return SP_FALSEV;
}
static sp_Value m_union_inst(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    (void)kw;
    return union_check(vm, a, n, false);
}
static sp_Value m_union_sub(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    (void)kw;
    return union_check(vm, a, n, true);
}

static sp_Value m_alias_inst(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    (void)a, (void)n, (void)kw;
    return sp_raise(vm, &sp_t_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}
static sp_Value m_alias_sub(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    (void)a, (void)n, (void)kw;
    return sp_raise(vm, &sp_t_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

/* class C(list[int]): the origin is the base (CPython's __mro_entries__) */
static sp_Value m_alias_mro_entries(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    (void)n, (void)kw;
    return sp_tuple_pack(vm, 1, &AL(a[0])->origin);
}

static const sp_MethodDef alias_methods[] = {
    {"__instancecheck__", m_alias_inst, 0},
    {"__subclasscheck__", m_alias_sub, 0},
    {"__mro_entries__", m_alias_mro_entries, 0},
    {NULL, NULL, 0},
};
static const sp_MethodDef union_methods[] = {
    {"__instancecheck__", m_union_inst, 0},
    {"__subclasscheck__", m_union_sub, 0},
    {NULL, NULL, 0},
};

static sp_Type t_alias = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "types.GenericAlias",
    .base = &sp_t_object,
    .methods = alias_methods,
    .traverse = alias_traverse,
    .call = alias_call,
    .repr = alias_repr,
    .hash = alias_hash,
    .richcmp = alias_richcmp,
    .binop = sp_generic_or,
    .getattr = alias_getattr,
};

static sp_Type t_union = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "types.UnionType",
    .base = &sp_t_object,
    .methods = union_methods,
    .traverse = union_traverse,
    .repr = union_repr,
    .hash = union_hash,
    .richcmp = union_richcmp,
    .binop = sp_generic_or,
    .getattr = union_getattr,
};

/* ------------------------------------------------------------ subscripting types */

/* cls[key]: list[int] for the builtin generics, __class_getitem__ for
 * classes. */
sp_Value sp_generic_type_getitem(sp_VM *vm, sp_Value cls, sp_Value key) {
    sp_Type *t = (sp_Type *)SP_O(cls);
    if (t == &sp_t_list || t == &sp_t_dict || t == &sp_t_tuple || t == &sp_t_set ||
        t == &sp_t_frozenset || t == &sp_t_type)
        return sp_generic_alias(vm, cls, key);
    if (t->flags & SP_TF_HEAPTYPE) {
        sp_Value f = sp_getattrs(vm, cls, "__class_getitem__");
        if (!sp_iserr(f)) return sp_call1(vm, f, key);
        if (!sp_err_matches(vm, &sp_t_AttributeError)) return f;
        sp_err_clear(vm);
    }
    return sp_raise(vm, &sp_t_TypeError, "type '%s' is not subscriptable", t->name);
}
