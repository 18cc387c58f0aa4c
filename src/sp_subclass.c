/* sp_subclass.c - classes deriving from builtin value types and from
 * tuple, set and frozenset (object, list, dict and exceptions are laid out
 * by sp_class.c itself).
 *
 * Two payload layouts, chosen by the builtin base:
 *  - box (int, float, str, bytes): such values are inline or shared
 *    immutable objects, so an instance is an sp_Box holding the builtin
 *    value next to its __dict__.  Builtin code never sees a box where it
 *    expects the value: a class's builtin slots are the unboxing thunks
 *    below, a builtin method gets the value as self (cfunc calls in
 *    sp_misc.c), and the conversion funnels (sp_index, sp_as_double,
 *    int(), float(), json) unbox first.  Results are therefore exact
 *    builtin values, as CPython's (MyInt(5) + 1 is an int).  Plain values
 *    pay nothing: the only test is a type flag on the slow paths.
 *  - embedded (tuple, namedtuple classes, set, frozenset, and the
 *    collections types defaultdict, OrderedDict, Counter, deque): the builtin
 *    layout itself, allocated with sp_inst_size so the __dict__ pointer
 *    sits at the end of the allocation.  Container code already accepts
 *    subclasses (SPC_IS*), and returns exact types where CPython does. */
#include "sp_class.h"
#include "sp_names.h"
#include "sp_cont.h"

#define TYPEV(v) ((sp_Type *)SP_O(v))

static bool is_box_base(sp_Type *k) {
    return k == &sp_t_int || k == &sp_t_float || k == &sp_t_str || k == &sp_t_bytes;
}

sp_Type *sp_sub_solid(sp_Type *b) {
    if (is_box_base(b) || b == &sp_t_tuple || b == &sp_t_set || b == &sp_t_frozenset) return b;
    if (spc_is_ntclass(b)) return &sp_t_tuple;
    if (sp_dt_stateless(b)) return &sp_t_object;
    if (sp_dt_solid(b)) return b;
    return sp_coll_solid(b);
}

bool sp_sub_boxed(sp_Type *solid) { return is_box_base(solid); }

/* ------------------------------------------------ unboxing slots */

static const int swap_op[] = {SP_GT, SP_GE, SP_EQ, SP_NE, SP_LT, SP_LE};

static bool is_static(sp_Type *t) { return !(t->flags & SP_TF_HEAPTYPE); }

static sp_Value u_repr(sp_VM *vm, sp_Value self) {
    sp_Value v = sp_unbox(self);
    return sp_typeof(v)->repr(vm, v);
}
/* int and float have no str of their own in CPython: object's calls the
 * instance's repr (an override included). */
static sp_Value u_str(sp_VM *vm, sp_Value self) {
    sp_Value v = sp_unbox(self);
    sp_Type *t = sp_typeof(v);
    if (!sp_isstr(v) && !sp_istype(v, &sp_t_bytes)) return sp_typeof(self)->repr(vm, self);
    return t->str ? t->str(vm, v) : t->repr(vm, v);
}
static bool u_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    sp_Value v = sp_unbox(self);
    return sp_typeof(v)->hash(vm, v, out);
}
/* Both operands unboxed; the other operand's builtin type is asked too,
 * as CPython's float.__radd__ accepts an int subclass. */
static sp_Value u_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    sp_Value ua = sp_unbox(a), ub = sp_unbox(b), r = SP_NOTIMPL;
    sp_Type *ta = sp_typeof(ua), *tb = sp_typeof(ub);
    if (ta->richcmp) r = ta->richcmp(vm, ua, ub, op);
    if (sp_isnotimpl(r) && tb != ta && is_static(tb) && tb->richcmp)
        r = tb->richcmp(vm, ub, ua, swap_op[op]);
    return r;
}
static sp_Value u_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    sp_Value ua = sp_unbox(a), ub = sp_unbox(b), r = SP_NOTIMPL;
    if ((op & 15) == SP_OP_MOD && (sp_isstr(ua) || sp_istype(ua, &sp_t_bytes)))
        ub = b; /* str % args: the arguments are formatted as themselves */
    sp_Type *ta = sp_typeof(ua), *tb = sp_typeof(ub);
    if (is_static(ta) && ta->binop) r = ta->binop(vm, op, ua, ub);
    if (sp_isnotimpl(r) && tb != ta && is_static(tb) && tb->binop) r = tb->binop(vm, op, ua, ub);
    return r;
}
static int u_truthy(sp_VM *vm, sp_Value self) {
    sp_Value v = sp_unbox(self);
    return sp_typeof(v)->truthy(vm, v);
}
static int64_t u_len(sp_VM *vm, sp_Value self) {
    sp_Value v = sp_unbox(self);
    return sp_typeof(v)->len(vm, v);
}
static sp_Value u_iter(sp_VM *vm, sp_Value self) {
    sp_Value v = sp_unbox(self);
    return sp_typeof(v)->iter(vm, v);
}
/* str and bytes only: their keys and items are plain values too. */
static sp_Value u_getitem(sp_VM *vm, sp_Value self, sp_Value k) {
    sp_Value v = sp_unbox(self);
    return sp_typeof(v)->getitem(vm, v, sp_unbox(k));
}
static int u_contains(sp_VM *vm, sp_Value self, sp_Value x) {
    sp_Value v = sp_unbox(self);
    return sp_typeof(v)->contains(vm, v, sp_unbox(x));
}
static sp_Value u_unop(sp_VM *vm, int op, sp_Value self) {
    sp_Value v = sp_unbox(self);
    return sp_typeof(v)->unop(vm, op, v);
}
/* An empty spec formats as str(self), overrides included (CPython). */
static sp_Value u_format(sp_VM *vm, sp_Value self, sp_Str *spec) {
    if (spec->len == 0) return sp_str(vm, self);
    sp_Value v = sp_unbox(self);
    return sp_typeof(v)->format(vm, v, spec);
}

/* Never an object's type: a table of slots only. */
static sp_Type t_unbox = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "unbox", .repr = u_repr, .str = u_str,
    .hash = u_hash, .richcmp = u_richcmp, .truthy = u_truthy, .len = u_len, .iter = u_iter,
    .getitem = u_getitem, .contains = u_contains, .binop = u_binop, .unop = u_unop,
    .format = u_format,
};

sp_Type *sp_sub_slots(sp_Type *k) { return is_box_base(k) ? &t_unbox : k; }

/* ------------------------------------------------ construction */

/* The builtin type that makes t's payload: the first static type of its
 * MRO (int, a namedtuple class, tuple...). */
static sp_Type *maker_of(sp_Type *t) {
    if (!sp_istuple(t->mro)) return t;
    sp_Tuple *m = SP_TUPLE(t->mro);
    for (size_t i = 0; i < m->n; i++)
        if (is_static(TYPEV(m->items[i]))) return TYPEV(m->items[i]);
    return &sp_t_object;
}

/* An instance of t holding the tuple items of v. */
static sp_Value tuple_inst(sp_VM *vm, sp_Type *t, sp_Value v) {
    size_t n = SP_TUPLE(v)->n, sz;
    if (!sp_size_mul(vm, n, sizeof(sp_Value), &sz)) return SP_ERRV;
    if (!sp_pin(vm, v)) return SP_ERRV;
    sp_Tuple *r = sp_newobj(vm, t, sp_inst_size(t, sizeof(sp_Tuple) + sz));
    sp_unpin(vm, 1);
    if (!r) return SP_ERRV;
    r->hash = -1;
    r->n = n;
    if (n) memcpy(r->items, SP_TUPLE(v)->items, sz);
    return sp_objv(r);
}

/* The new instance of class t (solid: its builtin layout) that
 * t(*args, **kw) or Base.__new__(t, *args) makes. */
sp_Value sp_sub_new(sp_VM *vm, sp_Type *t, sp_Type *solid, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Type *mk = maker_of(t);
    if (sp_coll_solid(solid)) return sp_coll_alloc(vm, t, solid); /* filled by __init__ */
    if (sp_dt_solid(solid)) return solid->new_(vm, t, args, nargs, kw); /* datetime's own layout */
    if (solid == &sp_t_set) return sp_t_set.new_(vm, t, NULL, 0, NULL); /* filled by __init__ */
    if (solid == &sp_t_frozenset) return sp_t_frozenset.new_(vm, t, args, nargs, kw);
    sp_Value v = mk->new_(vm, mk, args, nargs, kw);
    if (sp_iserr(v)) return v;
    if (solid == &sp_t_tuple) return tuple_inst(vm, t, v);
    if (!sp_pin(vm, v)) return SP_ERRV;
    sp_Box *b = sp_newobj(vm, t, sizeof *b);
    sp_unpin(vm, 1);
    if (!b) return SP_ERRV;
    b->val = v;
    return sp_objv(b);
}

/* set.__init__(self, iterable=()) */
static sp_Value set_init(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "set", kw) || !spc_nargs(vm, "set", nargs, 0, 1)) return SP_ERRV;
    const sp_MethodDef *clear = sp_find_method(&sp_t_set, SP_NAME(clear));
    if (!clear || sp_iserr(clear->fn(vm, &self, 1, NULL))) return SP_ERRV;
    if (nargs && !sp_set_update(vm, self, args[0])) return SP_ERRV;
    return SP_NONEV;
}

sp_Value sp_sub_init(sp_VM *vm, sp_Type *solid, sp_Value self, sp_Value *args, int nargs,
                     sp_Tuple *kw) {
    if (solid == &sp_t_set) return set_init(vm, self, args, nargs, kw);
    if (sp_coll_solid(solid)) return sp_coll_init(vm, self, args, nargs, kw);
    return SP_NONEV;
}

sp_Value sp_sub_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    sp_Type *mk = maker_of(sp_typeof(self));
    return mk->getattr ? mk->getattr(vm, sp_unbox(self), name) : SP_NULLV;
}

bool sp_sub_setattr_denied(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    sp_Type *mk = maker_of(sp_typeof(self));
    if (spc_is_ntclass(mk) && mk->setattr) return mk->setattr(vm, self, name, v);
    sp_raise(vm, &sp_t_AttributeError, "'%T' object has no attribute '%U'", self, name);
    return false;
}

/* ------------------------------------------------ methods classes reach */

/* X.__new__(cls, *args) for a builtin X: cls must derive from X. */
static sp_Value builtin_new(sp_VM *vm, sp_Type *owner, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs < 1) return sp_raise(vm, &sp_t_TypeError, "%s.__new__(): not enough arguments", owner->name);
    if (args[0].tag != SP_OBJ || !sp_isinst(args[0], &sp_t_type))
        return sp_raise(vm, &sp_t_TypeError, "%s.__new__(X): X is not a type object (%T)", owner->name,
                        args[0]);
    sp_Type *t = TYPEV(args[0]);
    if (!sp_issubtype(t, owner))
        return sp_raise(vm, &sp_t_TypeError, "%s.__new__(%s): %s is not a subtype of %s", owner->name,
                        t->name, t->name, owner->name);
    if (is_static(t)) return t->new_(vm, t, args + 1, nargs - 1, kw);
    sp_Type *solid = sp_class_solid(t);
    if (!solid || !sp_sub_solid(solid)) return sp_class_alloc(vm, t); /* list, dict: empty */
    return sp_sub_new(vm, t, solid, args + 1, nargs - 1, kw);
}

/* fn_T(vm, args, nargs, kw): impl for the builtin type T (a method of an
 * extras entry below). */
#define OWNED(fn, impl, T)                                                         \
    static sp_Value fn##_##T(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) { \
        return impl(vm, &sp_t_##T, args, nargs, kw);                               \
    }
OWNED(new, builtin_new, int)
OWNED(new, builtin_new, float)
OWNED(new, builtin_new, str)
OWNED(new, builtin_new, bytes)
OWNED(new, builtin_new, tuple)
OWNED(new, builtin_new, set)
OWNED(new, builtin_new, frozenset)
OWNED(new, builtin_new, list)
OWNED(new, builtin_new, dict)

static sp_Value m_set_init(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs < 1 || !spc_is(args[0], &sp_t_set))
        return sp_raise(vm, &sp_t_TypeError, "descriptor '__init__' requires a 'set' object");
    return set_init(vm, args[0], args + 1, nargs - 1, kw);
}

/* int.__hash__ etc. for super().__hash__() in a class overriding it, and
 * for `__hash__ = tuple.__hash__` beside an __eq__: the builtin's own hash,
 * never the class's hash slot (which may be this very method). */
static sp_Value base_hash(sp_VM *vm, sp_Type *owner, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__hash__", kw) || !sp_check_nargs(vm, "__hash__", nargs - 1, 0, 0))
        return SP_ERRV;
    if (!sp_isinst(args[0], owner))
        return sp_raise(vm, &sp_t_TypeError, "descriptor '__hash__' requires a '%s' object but received a '%T'",
                        owner->name, args[0]);
    int64_t h;
    return owner->hash(vm, sp_unbox(args[0]), &h) ? sp_int(h) : SP_ERRV;
}

OWNED(m_hash, base_hash, int)
OWNED(m_hash, base_hash, float)
OWNED(m_hash, base_hash, str)
OWNED(m_hash, base_hash, bytes)
OWNED(m_hash, base_hash, tuple)
OWNED(m_hash, base_hash, frozenset)

static const struct {
    sp_Type *owner;
    sp_MethodDef def;
} extras[] = {
    {&sp_t_int, {"__new__", new_int, SP_METH_STATIC}},
    {&sp_t_float, {"__new__", new_float, SP_METH_STATIC}},
    {&sp_t_str, {"__new__", new_str, SP_METH_STATIC}},
    {&sp_t_bytes, {"__new__", new_bytes, SP_METH_STATIC}},
    {&sp_t_tuple, {"__new__", new_tuple, SP_METH_STATIC}},
    {&sp_t_set, {"__new__", new_set, SP_METH_STATIC}},
    {&sp_t_frozenset, {"__new__", new_frozenset, SP_METH_STATIC}},
    {&sp_t_list, {"__new__", new_list, SP_METH_STATIC}},
    {&sp_t_dict, {"__new__", new_dict, SP_METH_STATIC}},
    {&sp_t_set, {"__init__", m_set_init, 0}},
    {&sp_t_int, {"__hash__", m_hash_int, 0}},
    {&sp_t_float, {"__hash__", m_hash_float, 0}},
    {&sp_t_str, {"__hash__", m_hash_str, 0}},
    {&sp_t_bytes, {"__hash__", m_hash_bytes, 0}},
    {&sp_t_tuple, {"__hash__", m_hash_tuple, 0}},
    {&sp_t_frozenset, {"__hash__", m_hash_frozenset, 0}},
};

/* Methods a builtin type offers to classes deriving from it only. */
const sp_MethodDef *sp_sub_extra(sp_Type *k, sp_Str *name) {
    if (name->len < 6 || name->data[0] != '_') return NULL;
    for (size_t i = 0; i < sizeof extras / sizeof extras[0]; i++)
        if (extras[i].owner == k && sp_str_eqc(name, extras[i].def.name)) return &extras[i].def;
    return NULL;
}

/* ------------------------------------------------ __class__ assignment */

/* obj.__class__ = v between classes of the same layout (CPython's
 * object_set_class and compatible_for_assignment). */
bool sp_sub_set_class(sp_VM *vm, sp_Value self, sp_Value v) {
    if (sp_isnull(v)) {
        sp_raise(vm, &sp_t_TypeError, "can't delete __class__ attribute");
        return false;
    }
    if (v.tag != SP_OBJ || !sp_isinst(v, &sp_t_type)) {
        sp_raise(vm, &sp_t_TypeError, "__class__ must be set to a class, not '%T' object", v);
        return false;
    }
    sp_Type *from = sp_typeof(self), *to = TYPEV(v);
    sp_Type *sf = sp_class_solid(from), *st = sp_class_solid(to);
    if (!sf || !st) {
        sp_raise(vm, &sp_t_TypeError,
                 "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return false;
    }
    /* boxes and tuples are variable-sized in CPython: never compatible */
    bool same = sf == st && !is_box_base(sf) && sf != &sp_t_tuple && sf != &sp_t_type &&
                sp_class_flags(from) == sp_class_flags(to);
    if (!same) {
        sp_raise(vm, &sp_t_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                 to->name, from->name);
        return false;
    }
    SP_O(self)->type = to;
    return true;
}
