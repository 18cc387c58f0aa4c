/* sp_operator.c - the operator module: the operators as functions, and
 * itemgetter / attrgetter / methodcaller (the usual sort keys). */
#include "sp_cont.h"

static bool nargs_is(sp_VM *vm, const char *name, int nargs, sp_Tuple *kw, int n) {
    return spc_nokw(vm, name, kw) && spc_nargs(vm, name, nargs, n, n);
}

/* ------------------------------------------------------------ operators */

#define BINOP(NAME, OP)                                                                      \
    static sp_Value o_##NAME(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {                  \
        return nargs_is(vm, #NAME, n, kw, 2) ? sp_binop(vm, OP, a[0], a[1]) : SP_ERRV;      \
    }
BINOP(add, SP_OP_ADD)
BINOP(sub, SP_OP_SUB)
BINOP(mul, SP_OP_MUL)
BINOP(matmul, SP_OP_MATMUL)
BINOP(truediv, SP_OP_TRUEDIV)
BINOP(floordiv, SP_OP_FLOORDIV)
BINOP(mod, SP_OP_MOD)
BINOP(pow, SP_OP_POW)
BINOP(lshift, SP_OP_LSHIFT)
BINOP(rshift, SP_OP_RSHIFT)
BINOP(and_, SP_OP_AND)
BINOP(or_, SP_OP_OR)
BINOP(xor, SP_OP_XOR)
BINOP(iadd, SP_OP_ADD + SP_OP_INPLACE)
BINOP(isub, SP_OP_SUB + SP_OP_INPLACE)
BINOP(imul, SP_OP_MUL + SP_OP_INPLACE)
BINOP(itruediv, SP_OP_TRUEDIV + SP_OP_INPLACE)
BINOP(ifloordiv, SP_OP_FLOORDIV + SP_OP_INPLACE)
BINOP(imod, SP_OP_MOD + SP_OP_INPLACE)
BINOP(ipow, SP_OP_POW + SP_OP_INPLACE)
BINOP(ilshift, SP_OP_LSHIFT + SP_OP_INPLACE)
BINOP(irshift, SP_OP_RSHIFT + SP_OP_INPLACE)
BINOP(iand, SP_OP_AND + SP_OP_INPLACE)
BINOP(ior, SP_OP_OR + SP_OP_INPLACE)
BINOP(ixor, SP_OP_XOR + SP_OP_INPLACE)

#define UNOP(NAME, OP)                                                                       \
    static sp_Value o_##NAME(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {                  \
        return nargs_is(vm, #NAME, n, kw, 1) ? sp_unop(vm, OP, a[0]) : SP_ERRV;              \
    }
UNOP(neg, SP_UOP_NEG)
UNOP(pos, SP_UOP_POS)
UNOP(invert, SP_UOP_INVERT)
UNOP(abs, SP_UOP_ABS)

#define CMPOP(NAME, OP)                                                                      \
    static sp_Value o_##NAME(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {                  \
        return nargs_is(vm, #NAME, n, kw, 2) ? sp_richcmp(vm, a[0], a[1], OP) : SP_ERRV;    \
    }
CMPOP(lt, SP_LT)
CMPOP(le, SP_LE)
CMPOP(eq, SP_EQ)
CMPOP(ne, SP_NE)
CMPOP(gt, SP_GT)
CMPOP(ge, SP_GE)

static sp_Value o_not_(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_is(vm, "not_", n, kw, 1)) return SP_ERRV;
    int t = sp_truthy(vm, a[0]);
    return t < 0 ? SP_ERRV : sp_bool(!t);
}

static sp_Value o_truth(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_is(vm, "truth", n, kw, 1)) return SP_ERRV;
    int t = sp_truthy(vm, a[0]);
    return t < 0 ? SP_ERRV : sp_bool(t);
}

static sp_Value o_is_(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return nargs_is(vm, "is_", n, kw, 2) ? sp_bool(sp_is(a[0], a[1])) : SP_ERRV;
}

static sp_Value o_is_not(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return nargs_is(vm, "is_not", n, kw, 2) ? sp_bool(!sp_is(a[0], a[1])) : SP_ERRV;
}

static sp_Value o_index(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return nargs_is(vm, "index", n, kw, 1) ? sp_index_value(vm, a[0]) : SP_ERRV;
}

static sp_Value o_getitem(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return nargs_is(vm, "getitem", n, kw, 2) ? sp_getitem(vm, a[0], a[1]) : SP_ERRV;
}

static sp_Value o_setitem(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_is(vm, "setitem", n, kw, 3)) return SP_ERRV;
    return sp_setitem(vm, a[0], a[1], a[2]) ? SP_NONEV : SP_ERRV;
}

static sp_Value o_delitem(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_is(vm, "delitem", n, kw, 2)) return SP_ERRV;
    return sp_delitem(vm, a[0], a[1]) ? SP_NONEV : SP_ERRV;
}

static sp_Value o_contains(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_is(vm, "contains", n, kw, 2)) return SP_ERRV;
    int r = sp_contains(vm, a[0], a[1]);
    return r < 0 ? SP_ERRV : sp_bool(r);
}

/* a + b for sequences only (CPython checks __getitem__). */
static sp_Value concat(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw, const char *name, int op) {
    if (!nargs_is(vm, name, n, kw, 2)) return SP_ERRV;
    if (!sp_typeof(a[0])->getitem || SPC_ISDICT(a[0]))
        return sp_raise(vm, &sp_t_TypeError, "'%T' object can't be concatenated", a[0]);
    return sp_binop(vm, op, a[0], a[1]);
}
static sp_Value o_concat(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return concat(vm, a, n, kw, "concat", SP_OP_ADD); }
static sp_Value o_iconcat(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return concat(vm, a, n, kw, "iconcat", SP_OP_ADD + SP_OP_INPLACE);
}

typedef struct Scan {
    sp_Value x;
    int64_t i, found;
    bool first, stopped; /* indexOf: stop at the first match */
} Scan;

static bool scan_item(sp_VM *vm, void *ud, sp_Value item) {
    Scan *s = ud;
    int eq = sp_eq(vm, item, s->x);
    if (eq < 0) return false;
    if (eq && s->first) {
        s->found = s->i, s->stopped = true;
        return false;
    }
    if (eq) s->found++;
    s->i++;
    return true;
}

static sp_Value o_countOf(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_is(vm, "countOf", n, kw, 2)) return SP_ERRV;
    Scan s = {a[1], 0, 0, false, false};
    return spc_foreach(vm, a[0], scan_item, &s) ? sp_int(s.found) : SP_ERRV;
}

static sp_Value o_indexOf(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!nargs_is(vm, "indexOf", n, kw, 2)) return SP_ERRV;
    Scan s = {a[1], 0, -1, true, false};
    if (!spc_foreach(vm, a[0], scan_item, &s) && !s.stopped) return SP_ERRV;
    if (s.found < 0) return sp_raise(vm, &sp_t_ValueError, "sequence.index(x): x not in sequence");
    return sp_int(s.found);
}

static sp_Value o_length_hint(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (!spc_nokw(vm, "length_hint", kw) || !spc_nargs(vm, "length_hint", n, 1, 2)) return SP_ERRV;
    int64_t d = 0;
    if (n == 2 && !sp_index(vm, a[1], &d)) return SP_ERRV;
    if (!sp_typeof(a[0])->len) return sp_int(d);
    int64_t len = sp_len(vm, a[0]);
    return len < 0 ? SP_ERRV : sp_int(len);
}

static sp_Value o_call(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    if (n < 1) return sp_raise(vm, &sp_t_TypeError, "call() missing 1 required positional argument: 'obj'");
    return sp_call(vm, a[0], a + 1, n - 1, kw);
}

/* ------------------------------------------------ itemgetter, attrgetter, methodcaller */

/* All three hold a tuple of values; methodcaller adds keyword names/values. */
typedef struct Getter {
    sp_Obj h;
    sp_Value items;       /* tuple: items, dotted-name parts (tuples of str), or (name, *args) */
    sp_Value kwnames, kwvals; /* methodcaller */
} Getter;

static sp_Type t_itemgetter, t_attrgetter, t_methodcaller;
#define GET(v) ((Getter *)SP_O(v))

static void getter_traverse(sp_VM *vm, sp_Obj *o) {
    Getter *g = (Getter *)o;
    sp_gc_markv(vm, g->items);
    sp_gc_markv(vm, g->kwnames);
    sp_gc_markv(vm, g->kwvals);
}

static sp_Value getter_new(sp_VM *vm, sp_Type *t, sp_Value items) {
    Getter *g = sp_newobj(vm, t, sizeof *g);
    if (!g) return SP_ERRV;
    g->items = items, g->kwnames = g->kwvals = SP_NULLV;
    return sp_objv(g);
}

static sp_Value itemgetter_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "itemgetter", kw)) return SP_ERRV;
    if (nargs < 1) return sp_raise(vm, &sp_t_TypeError, "itemgetter expected 1 argument, got 0");
    sp_Value items = sp_tuple_pack(vm, (size_t)nargs, args);
    return sp_iserr(items) ? items : getter_new(vm, t, items);
}

/* One result per item (a tuple when there are several): fetch(obj, item). */
static sp_Value gather(sp_VM *vm, sp_Value self, sp_Value obj,
                       sp_Value (*fetch)(sp_VM *, sp_Value, sp_Value)) {
    sp_Tuple *items = SP_TUPLE(GET(self)->items);
    if (items->n == 1) return fetch(vm, obj, items->items[0]);
    sp_Value r = sp_tuple_new(vm, items->n);
    if (sp_iserr(r) || !sp_pin(vm, r)) return SP_ERRV;
    for (size_t i = 0; i < items->n; i++) {
        sp_Value x = fetch(vm, obj, items->items[i]);
        if (sp_iserr(x)) {
            sp_unpin(vm, 1);
            return x;
        }
        SP_TUPLE(r)->items[i] = x;
    }
    sp_unpin(vm, 1);
    return r;
}

static sp_Value itemgetter_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "itemgetter", kw) || !spc_nargs(vm, "itemgetter", nargs, 1, 1)) return SP_ERRV;
    return gather(vm, self, args[0], sp_getitem);
}

/* "operator.NAME(r1, r2, ...)" over reprs of the items from `from`. */
static sp_Value getter_repr(sp_VM *vm, sp_Value self, size_t from, bool (*add)(sp_Buf *, sp_Value)) {
    int e = sp_repr_enter(vm, SP_O(self));
    if (e <= 0) return e < 0 ? SP_ERRV : sp_fmt(vm, "%s(...)", sp_typename(self));
    Getter *g = GET(self);
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_buf_addf(&b, "%s(", sp_typename(self));
    sp_Tuple *items = SP_TUPLE(g->items);
    for (size_t i = from; ok && i < items->n; i++)
        ok = (i == from || sp_buf_adds(&b, ", ")) && add(&b, items->items[i]);
    for (size_t i = 0; ok && !sp_isnull(g->kwnames) && i < SP_TUPLE(g->kwnames)->n; i++)
        ok = sp_buf_adds(&b, ", ") && sp_buf_addv(&b, SP_TUPLE(g->kwnames)->items[i], false) &&
             sp_buf_addc(&b, '=') && sp_buf_addv(&b, SP_TUPLE(g->kwvals)->items[i], true);
    ok = ok && sp_buf_addc(&b, ')');
    sp_repr_leave(vm, SP_O(self));
    if (!ok) {
        sp_buf_free(&b);
        return SP_ERRV;
    }
    return sp_buf_tostr(&b);
}

static bool add_repr(sp_Buf *b, sp_Value v) { return sp_buf_addv(b, v, true); }

static sp_Value itemgetter_repr(sp_VM *vm, sp_Value self) {
    return getter_repr(vm, self, 0, add_repr);
}

/* attrgetter keeps each name as a tuple of its dotted parts. */
static sp_Value attrgetter_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "attrgetter", kw)) return SP_ERRV;
    if (nargs < 1) return sp_raise(vm, &sp_t_TypeError, "attrgetter expected 1 argument, got 0");
    sp_Value items = sp_tuple_new(vm, (size_t)nargs);
    if (sp_iserr(items) || !sp_pin(vm, items)) return SP_ERRV;
    sp_Value r = SP_ERRV;
    for (int i = 0; i < nargs; i++) {
        if (!sp_isstr(args[i])) {
            sp_raise(vm, &sp_t_TypeError, "attribute name must be a string");
            goto out;
        }
        sp_Str *s = SP_STR(args[i]);
        sp_Value parts = sp_list_with_cap(vm, 1);
        if (sp_iserr(parts)) goto out;
        SP_TUPLE(items)->items[i] = parts;
        for (size_t a = 0, j = 0; j <= s->len; j++) {
            if (j < s->len && s->data[j] != '.') continue;
            sp_Value p = sp_str_intern(vm, s->data + a, j - a);
            if (sp_iserr(p) || !sp_list_append(vm, SP_LIST(parts), p)) goto out;
            a = j + 1;
        }
        sp_Value pt = sp_tuple_from_iter(vm, parts);
        if (sp_iserr(pt)) goto out;
        SP_TUPLE(items)->items[i] = pt;
    }
    r = getter_new(vm, t, items);
out:
    sp_unpin(vm, 1);
    return r;
}

static sp_Value fetch_attr(sp_VM *vm, sp_Value obj, sp_Value parts) {
    sp_Tuple *p = SP_TUPLE(parts);
    for (size_t i = 0; i < p->n; i++) {
        if (!sp_pin(vm, obj)) return SP_ERRV;
        obj = sp_getattr(vm, obj, SP_STR(p->items[i]));
        sp_unpin(vm, 1);
        if (sp_iserr(obj)) return obj;
    }
    return obj;
}

static sp_Value attrgetter_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "attrgetter", kw) || !spc_nargs(vm, "attrgetter", nargs, 1, 1)) return SP_ERRV;
    return gather(vm, self, args[0], fetch_attr);
}

static bool add_dotted(sp_Buf *b, sp_Value parts) {
    sp_Tuple *p = SP_TUPLE(parts);
    if (!sp_buf_addc(b, '\'')) return false;
    for (size_t i = 0; i < p->n; i++)
        if ((i && !sp_buf_addc(b, '.')) || !sp_buf_add(b, SP_STR(p->items[i])->data, SP_STR(p->items[i])->len))
            return false;
    return sp_buf_addc(b, '\'');
}

static sp_Value attrgetter_repr(sp_VM *vm, sp_Value self) {
    return getter_repr(vm, self, 0, add_dotted);
}

static sp_Value methodcaller_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs < 1)
        return sp_raise(vm, &sp_t_TypeError, "methodcaller needs at least one argument, the method name");
    if (!sp_isstr(args[0])) return sp_raise(vm, &sp_t_TypeError, "method name must be a string");
    sp_Value items = sp_tuple_pack(vm, (size_t)nargs, args);
    if (sp_iserr(items) || !sp_pin(vm, items)) return SP_ERRV;
    size_t nkw = kw ? kw->n : 0;
    sp_Value vals = sp_tuple_pack(vm, nkw, args + nargs);
    sp_Value g = sp_iserr(vals) ? vals : getter_new(vm, t, items);
    sp_unpin(vm, 1);
    if (sp_iserr(g)) return g;
    GET(g)->kwnames = kw ? sp_objv(kw) : sp_objv(&sp_empty_tuple);
    GET(g)->kwvals = vals;
    return g;
}

static sp_Value methodcaller_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "methodcaller", kw) || !spc_nargs(vm, "methodcaller", nargs, 1, 1)) return SP_ERRV;
    Getter *g = GET(self);
    sp_Tuple *it = SP_TUPLE(g->items), *kn = SP_TUPLE(g->kwnames), *kv = SP_TUPLE(g->kwvals);
    sp_Value m = sp_getattr(vm, args[0], SP_STR(it->items[0]));
    if (sp_iserr(m) || !sp_pin(vm, m)) return SP_ERRV;
    size_t np = it->n - 1;
    sp_Value all = sp_tuple_new(vm, np + kn->n), r = SP_ERRV;
    if (!sp_iserr(all) && sp_pin(vm, all)) {
        for (size_t i = 0; i < np; i++) SP_TUPLE(all)->items[i] = it->items[i + 1];
        for (size_t i = 0; i < kn->n; i++) SP_TUPLE(all)->items[np + i] = kv->items[i];
        r = sp_call(vm, m, SP_TUPLE(all)->items, (int)np, kn->n ? kn : NULL);
        sp_unpin(vm, 1);
    }
    sp_unpin(vm, 1);
    return r;
}

static sp_Value methodcaller_repr(sp_VM *vm, sp_Value self) {
    return getter_repr(vm, self, 0, add_repr);
}

#define GETTER_TYPE(NAME)                                                                      \
    static sp_Type t_##NAME = {                                                              \
        .h = SP_STATIC_HDR(&sp_t_type), .name = "operator." #NAME, .base = &sp_t_object,     \
        .traverse = getter_traverse, .new_ = NAME##_new, .call = NAME##_call,                \
        .repr = NAME##_repr,                                                                   \
    }
GETTER_TYPE(itemgetter);
GETTER_TYPE(attrgetter);
GETTER_TYPE(methodcaller);

/* ------------------------------------------------------------ module */

#define F(NAME) {#NAME, o_##NAME, 0}, {"__" #NAME "__", o_##NAME, 0}
#define F1(NAME) {#NAME, o_##NAME, 0}
static const sp_MethodDef operator_funcs[] = {
    F(add), F(sub), F(mul), F(matmul), F(truediv), F(floordiv), F(mod), F(pow), F(lshift),
    F(rshift), F(xor), F(iadd), F(isub), F(imul), F(itruediv), F(ifloordiv), F(imod), F(ipow),
    F(ilshift), F(irshift), F(iand), F(ior), F(ixor), F(neg), F(pos), F(invert), F(abs), F(lt),
    F(le), F(eq), F(ne), F(gt), F(ge), F(index), F(getitem), F(setitem), F(delitem), F(contains),
    F(concat), F(iconcat), F1(and_), F1(or_), F1(not_), F1(truth), F1(is_), F1(is_not),
    F1(countOf), F1(indexOf), F1(length_hint), F1(call),
    {"__and__", o_and_, 0}, {"__or__", o_or_, 0}, {"__not__", o_not_, 0}, {"inv", o_invert, 0},
    {"__inv__", o_invert, 0}, {"__call__", o_call, 0}, {NULL, NULL, 0},
};

bool sp_operator_init(sp_VM *vm, sp_Module *m) {
    return sp_module_add_funcs(vm, m, operator_funcs) &&
           sp_module_add(vm, m, "itemgetter", sp_objv(&t_itemgetter)) &&
           sp_module_add(vm, m, "attrgetter", sp_objv(&t_attrgetter)) &&
           sp_module_add(vm, m, "methodcaller", sp_objv(&t_methodcaller));
}
