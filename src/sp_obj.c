/* sp_obj.c - the generic object protocol: every operator and builtin
 * protocol dispatches here through the type slots, and the CPython error
 * messages for unsupported operations live here, in one place. */
#include "sp_class.h"

bool sp_issubtype(sp_Type *t, sp_Type *base) {
    if (t == base) return true;
    if (sp_istuple(t->mro)) {
        sp_Tuple *m = SP_TUPLE(t->mro);
        for (size_t i = 0; i < m->n; i++)
            if (SP_O(m->items[i]) == (sp_Obj *)base) return true;
        return false;
    }
    for (t = t->base; t; t = t->base)
        if (t == base) return true;
    return base == &sp_t_object;
}

bool sp_is(sp_Value a, sp_Value b) {
    if (a.tag != b.tag) return false;
    switch (a.tag) {
    case SP_OBJ: return a.u.o == b.u.o;
    case SP_INT: case SP_BOOL: return a.u.i == b.u.i;
    case SP_FLOAT: return memcmp(&a.u.f, &b.u.f, sizeof(double)) == 0;
    default: return true;
    }
}

/* ------------------------------------------------------- repr / str */

static sp_Value want_str(sp_VM *vm, sp_Value r, const char *what) {
    if (sp_iserr(r) || sp_isstr(r)) return r;
    return sp_raise(vm, &sp_t_TypeError, "%s returned non-string (type %T)", what, r);
}

sp_Value sp_repr(sp_VM *vm, sp_Value v) {
    sp_Type *t = sp_typeof(v);
    if (!SP_ENTER_PY(vm, " while getting the repr of an object")) return SP_ERRV;
    sp_Value r = t->repr ? t->repr(vm, v)
                 : sp_isobj(v) ? sp_fmt(vm, "<%s object at 0x%llx>", t->name,
                                        (unsigned long long)sp_obj_id(vm, SP_O(v)))
                 : sp_fmt(vm, "<%s object>", t->name);
    SP_LEAVE(vm);
    return want_str(vm, r, "__repr__");
}

sp_Value sp_str(sp_VM *vm, sp_Value v) {
    if (sp_isstr(v)) return v;
    sp_Type *t = sp_typeof(v);
    if (!t->str) return sp_repr(vm, v);
    if (!SP_ENTER_PY(vm, " while getting the str of an object")) return SP_ERRV;
    sp_Value r = t->str(vm, v);
    SP_LEAVE(vm);
    return want_str(vm, r, "__str__");
}

sp_Value sp_ascii(sp_VM *vm, sp_Value v) {
    sp_Value r = sp_repr(vm, v);
    if (sp_iserr(r) || SP_STR(r)->ascii) return r;
    sp_Str *s = SP_STR(r);
    sp_Buf b;
    sp_buf_init(vm, &b);
    for (size_t i = 0; i < s->len;) {
        uint32_t cp = sp_utf8_next(s->data, &i);
        bool ok = cp < 0x80 ? sp_buf_addc(&b, (char)cp)
                  : cp < 0x100 ? sp_buf_addf(&b, "\\x%02x", cp)
                  : cp < 0x10000 ? sp_buf_addf(&b, "\\u%04x", cp)
                  : sp_buf_addf(&b, "\\U%08x", cp);
        if (!ok) return sp_buf_free(&b), SP_ERRV;
    }
    return sp_buf_tostr(&b);
}

sp_Value sp_format(sp_VM *vm, sp_Value v, sp_Str *spec) {
    sp_Type *t = sp_typeof(v);
    if (t->format) return t->format(vm, v, spec);
    if (spec->len == 0) return sp_str(vm, v);
    return sp_raise(vm, &sp_t_TypeError, "unsupported format string passed to %s.__format__",
                    t->name);
}

/* ------------------------------------------------------- hashing */

bool sp_hash(sp_VM *vm, sp_Value v, int64_t *out) {
    switch (v.tag) {
    case SP_INT: case SP_BOOL: *out = sp_hash_i64(v.u.i); return true;
    case SP_FLOAT: *out = sp_hash_double(v.u.f); return true;
    case SP_NONE: *out = 0xFCA86420; return true;
    default: break;
    }
    sp_Type *t = sp_typeof(v);
    if (t->flags & SP_TF_UNHASHABLE) {
        sp_raise(vm, &sp_t_TypeError, "unhashable type: '%s'", sp_type_msgname(t));
        return false;
    }
    if (t->hash == sp_class_hash) return sp_class_hash(vm, v, out); /* counts its own levels */
    if (t->hash) {
        if (!SP_ENTER_PY(vm, "")) return false;
        bool ok = t->hash(vm, v, out);
        SP_LEAVE(vm);
        return ok;
    }
    *out = (int64_t)sp_obj_id(vm, v.u.o);
    return true;
}

/* ------------------------------------------------------- comparison */

static const char *const cmp_sym[] = {"<", "<=", "==", "!=", ">", ">="};
static const int cmp_swap[] = {SP_GT, SP_GE, SP_EQ, SP_NE, SP_LT, SP_LE};

/* Does b's type override a's slot as a subclass?  Then it goes first. */
static bool reflected_first(sp_Type *ta, sp_Type *tb) {
    return ta != tb && (tb->flags & SP_TF_HEAPTYPE) && sp_issubtype(tb, ta);
}

/* When no slot gave an answer: identity for == and !=, else the error. */
static sp_Value cmp_finish(sp_VM *vm, sp_Value a, sp_Value b, int op, sp_Value r) {
    if (!sp_isnotimpl(r)) return r;
    if (op == SP_EQ) return sp_bool(sp_is(a, b));
    if (op == SP_NE) return sp_bool(!sp_is(a, b));
    return sp_raise(vm, &sp_t_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    cmp_sym[op], sp_type_msgname(sp_typeof(a)), sp_type_msgname(sp_typeof(b)));
}

sp_Value sp_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if (a.tag == SP_INT && b.tag == SP_INT)
        return sp_cmp_result((a.u.i > b.u.i) - (a.u.i < b.u.i), op);
    sp_Type *ta = sp_typeof(a), *tb = sp_typeof(b);
    if (!SP_ENTER_PY(vm, " in comparison")) return SP_ERRV;
    sp_Value r = SP_NOTIMPL;
    bool swapped = reflected_first(ta, tb);
    if (swapped && tb->richcmp) r = tb->richcmp(vm, b, a, cmp_swap[op]);
    if (sp_isnotimpl(r) && ta->richcmp) r = ta->richcmp(vm, a, b, op);
    /* CPython tries the reflected side even for two operands of one type */
    if (sp_isnotimpl(r) && !swapped && tb->richcmp)
        r = tb->richcmp(vm, b, a, cmp_swap[op]);
    SP_LEAVE(vm);
    return cmp_finish(vm, a, b, op, r);
}

sp_Value sp_richcmp_rest(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    sp_Type *tb = sp_typeof(b);
    sp_Value r = SP_NOTIMPL;
    if (tb->richcmp) {
        if (!SP_ENTER_PY(vm, " in comparison")) return SP_ERRV;
        r = tb->richcmp(vm, b, a, cmp_swap[op]);
        SP_LEAVE(vm);
    }
    return cmp_finish(vm, a, b, op, r);
}

static int cmp_bool(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    sp_Value r = sp_richcmp(vm, a, b, op);
    if (sp_iserr(r)) return -1;
    if (r.tag == SP_BOOL) return (int)r.u.i;
    return sp_truthy(vm, r);
}

int sp_eq(sp_VM *vm, sp_Value a, sp_Value b) {
    /* Identity implies equality for containers, as in CPython; an inline
     * float carries no identity, so a NaN counts as itself here. */
    if (sp_is(a, b)) return 1;
    if (a.tag == SP_INT && b.tag == SP_INT) return a.u.i == b.u.i;
    if (sp_isstr(a) && sp_isstr(b)) return sp_str_eq(SP_STR(a), SP_STR(b));
    return cmp_bool(vm, a, b, SP_EQ);
}

int sp_lt(sp_VM *vm, sp_Value a, sp_Value b) {
    if (a.tag == SP_INT && b.tag == SP_INT) return a.u.i < b.u.i;
    return cmp_bool(vm, a, b, SP_LT);
}

/* ------------------------------------------------------- truth, len */

int sp_truthy(sp_VM *vm, sp_Value v) {
    switch (v.tag) {
    case SP_NONE: return 0;
    case SP_BOOL: case SP_INT: return v.u.i != 0;
    case SP_FLOAT: return v.u.f != 0.0;
    default: break;
    }
    sp_Type *t = sp_typeof(v);
    if (t->truthy) return t->truthy(vm, v);
    if (t->len) {
        int64_t n = t->len(vm, v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

int64_t sp_len(sp_VM *vm, sp_Value v) {
    sp_Type *t = sp_typeof(v);
    if (t->len) return t->len(vm, v);
    sp_raise(vm, &sp_t_TypeError, "object of type '%s' has no len()", t->name);
    return -1;
}

/* ------------------------------------------------------- iteration */

sp_Value sp_iter(sp_VM *vm, sp_Value v) {
    if (sp_iserr(v)) return v; /* sp_iter(f(x)) keeps f's exception */
    sp_Type *t = sp_typeof(v);
    if (t->iter) return t->iter(vm, v);
    return sp_raise(vm, &sp_t_TypeError, "'%s' object is not iterable", t->name);
}

/* A C-level safe point.  Any iterator may be a generator running Python
 * code, which can collect, so callers must already root what they hold
 * across sp_next; collecting here as well lets streams consumed in C
 * (max(map(str, r)), Counter(gen), ''.join(...)) run in bounded memory
 * instead of keeping every temporary until control returns to the VM. */
sp_Value sp_next(sp_VM *vm, sp_Value it) {
    if (vm->gc_debt >= vm->gc_threshold) sp_gc_maybe(vm);
    sp_Type *t = sp_typeof(it);
    if (t->next) return t->next(vm, it);
    return sp_raise(vm, &sp_t_TypeError, "'%s' object is not an iterator", t->name);
}

/* ------------------------------------------------------- items */

sp_Value sp_getitem(sp_VM *vm, sp_Value o, sp_Value k) {
    sp_Type *t = sp_typeof(o);
    if (t->getitem) return t->getitem(vm, o, k);
    if (sp_istype(o, &sp_t_type))
        return sp_raise(vm, &sp_t_TypeError, "type '%s' is not subscriptable",
                        ((sp_Type *)SP_O(o))->name);
    return sp_raise(vm, &sp_t_TypeError, "'%s' object is not subscriptable", t->name);
}

bool sp_setitem(sp_VM *vm, sp_Value o, sp_Value k, sp_Value v) {
    sp_Type *t = sp_typeof(o);
    if (t->setitem) return t->setitem(vm, o, k, v);
    sp_raise(vm, &sp_t_TypeError, "'%s' object does not support item assignment", t->name);
    return false;
}

bool sp_delitem(sp_VM *vm, sp_Value o, sp_Value k) {
    sp_Type *t = sp_typeof(o);
    if (t->setitem) return t->setitem(vm, o, k, SP_NULLV);
    /* CPython's wording depends on its path: "doesn't" from the sequence
     * protocol (an int key on a type with sequence slots), else "does not". */
    bool seq = (t->getitem || t->contains || (t->flags & SP_TF_HEAPTYPE)) && sp_isintlike(k);
    sp_raise(vm, &sp_t_TypeError, seq ? "'%s' object doesn't support item deletion"
                                      : "'%s' object does not support item deletion", t->name);
    return false;
}

int sp_contains(sp_VM *vm, sp_Value c, sp_Value item) {
    sp_Type *t = sp_typeof(c);
    if (t->contains) return t->contains(vm, c, item);
    if (!t->iter) {
        sp_raise(vm, &sp_t_TypeError, "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    sp_Value it = sp_iter(vm, c);
    if (sp_iserr(it) || !sp_pin(vm, it)) return -1;
    int found = 0;
    for (;;) {
        sp_Value x = sp_next(vm, it);
        if (sp_iserr(x)) { found = -1; break; }
        if (sp_isnull(x)) break;
        found = sp_eq(vm, x, item);
        if (found) break;
        if (!sp_check_limits(vm)) { found = -1; break; }
    }
    sp_unpin(vm, 1);
    return found;
}

/* ------------------------------------------------------- operators */

static const char *const op_sym[] = {"+", "-", "*", "@", "/", "//", "%", "**",
                                     "<<", ">>", "&", "|", "^"};

const char *sp_binop_symbol(int op) {
    static const char *const isym[] = {"+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=",
                                       "<<=", ">>=", "&=", "|=", "^="};
    if (op >= SP_OP_INPLACE) return isym[op - SP_OP_INPLACE];
    return op_sym[op];
}

static bool is_seq(sp_Type *t) {
    return t == &sp_t_str || t == &sp_t_list || t == &sp_t_tuple || t == &sp_t_bytes;
}

/* CPython's messages when no slot handled the operation. */
static sp_Value binop_error(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    sp_Type *ta = sp_typeof(a), *tb = sp_typeof(b);
    int base = op >= SP_OP_INPLACE ? op - SP_OP_INPLACE : op;
    if (base == SP_OP_ADD && is_seq(ta) && ta != tb)
        return sp_raise(vm, &sp_t_TypeError, "can only concatenate %s (not \"%s\") to %s",
                        ta->name, tb->name, ta->name);
    if (base == SP_OP_MUL && (is_seq(ta) || is_seq(tb)))
        return sp_raise(vm, &sp_t_TypeError, "can't multiply sequence by non-int of type '%s'",
                        sp_type_msgname(is_seq(ta) ? tb : ta));
    if (base == SP_OP_POW)
        return sp_raise(vm, &sp_t_TypeError,
                        "unsupported operand type(s) for %s: '%s' and '%s'",
                        op >= SP_OP_INPLACE ? "**=" : "** or pow()", sp_type_msgname(ta), sp_type_msgname(tb));
    return sp_raise(vm, &sp_t_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                    sp_binop_symbol(op), sp_type_msgname(ta), sp_type_msgname(tb));
}

/* seq * x with x a class instance that has __index__ (CPython's
 * sequence repeat): the repeat by its int value; SP_NOTIMPL without one. */
static sp_Value repeat_by_index(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    bool left = is_seq(sp_typeof(a));
    sp_Value n = left ? b : a;
    if (sp_isbox(n)) return SP_NOTIMPL;
    sp_Value i = sp_class_index(vm, n);
    if (sp_isnull(i) || sp_iserr(i)) return sp_isnull(i) ? SP_NOTIMPL : i;
    if (i.tag != SP_INT)
        return sp_raise(vm, &sp_t_OverflowError, "cannot fit '%T' into an index-sized integer", n);
    return left ? sp_binop(vm, op, a, i) : sp_binop(vm, op, i, b);
}

static sp_Value binop1(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    sp_Type *ta = sp_typeof(a), *tb = sp_typeof(b);
    sp_Value r = SP_NOTIMPL;
    bool swapped = reflected_first(ta, tb) && tb->binop != ta->binop;
    if (swapped) r = tb->binop(vm, op, a, b);
    if (sp_isnotimpl(r) && ta->binop) r = ta->binop(vm, op, a, b);
    if (sp_isnotimpl(r) && !swapped && tb->binop && tb->binop != ta->binop)
        r = tb->binop(vm, op, a, b);
    return r;
}

/* What is left when every slot gave NotImplemented: sequence repeat by
 * __index__, then the error. */
static sp_Value binop_finish(sp_VM *vm, int op, sp_Value a, sp_Value b, sp_Value r) {
    int base = op >= SP_OP_INPLACE ? op - SP_OP_INPLACE : op;
    if (sp_isnotimpl(r) && base == SP_OP_MUL && (is_seq(sp_typeof(a)) || is_seq(sp_typeof(b))))
        r = repeat_by_index(vm, op, a, b);
    return sp_isnotimpl(r) ? binop_error(vm, op, a, b) : r;
}

sp_Value sp_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    /* nested calls (f(g(x), y)) may pass on a failure: keep its exception */
    if (sp_iserr(a) || sp_iserr(b)) return SP_ERRV;
    sp_Value r = SP_NOTIMPL;
    if (op >= SP_OP_INPLACE) {
        sp_Type *ta = sp_typeof(a);
        if (ta->binop) r = ta->binop(vm, op, a, b);
        if (sp_isnotimpl(r)) r = binop1(vm, op - SP_OP_INPLACE, a, b);
    } else {
        r = binop1(vm, op, a, b);
    }
    return binop_finish(vm, op, a, b, r);
}

sp_Value sp_binop_rest(sp_VM *vm, int op, sp_Value a, sp_Value b, bool reflected) {
    sp_Type *ta = sp_typeof(a), *tb = sp_typeof(b);
    sp_Value r = reflected ? SP_NOTIMPL : sp_class_binop_reflected(vm, op, a, b);
    if (!reflected && sp_isnotimpl(r) && tb->binop && tb->binop != ta->binop)
        r = tb->binop(vm, op, a, b);
    return binop_finish(vm, op, a, b, r);
}

sp_Value sp_unop(sp_VM *vm, int op, sp_Value a) {
    sp_Type *t = sp_typeof(a);
    sp_Value r = t->unop ? t->unop(vm, op, a) : SP_NOTIMPL;
    if (!sp_isnotimpl(r)) return r;
    if (op == SP_UOP_ABS)
        return sp_raise(vm, &sp_t_TypeError, "bad operand type for abs(): '%s'", t->name);
    static const char *const usym[] = {"-", "+", "~"};
    return sp_raise(vm, &sp_t_TypeError, "bad operand type for unary %s: '%s'", usym[op],
                    t->name);
}

/* ------------------------------------------------------- calls */

sp_Value sp_call(sp_VM *vm, sp_Value f, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Type *t = sp_typeof(f);
    if (!t->call)
        return sp_raise(vm, &sp_t_TypeError, "'%s' object is not callable", t->name);
    if (!SP_ENTER_PY(vm, " while calling a Python object")) return SP_ERRV;
    sp_Value r = t->call(vm, f, args, nargs, kw);
    SP_LEAVE(vm);
    return r;
}

sp_Value sp_call0(sp_VM *vm, sp_Value f) { return sp_call(vm, f, NULL, 0, NULL); }
sp_Value sp_call1(sp_VM *vm, sp_Value f, sp_Value a) { return sp_call(vm, f, &a, 1, NULL); }
sp_Value sp_call2(sp_VM *vm, sp_Value f, sp_Value a, sp_Value b) {
    sp_Value args[2] = {a, b};
    return sp_call(vm, f, args, 2, NULL);
}

sp_Value sp_cfunc_new(sp_VM *vm, const char *name, sp_NativeFn fn, sp_Value self,
                      const char *qualprefix) {
    sp_CFunc *c = sp_newobj(vm, &sp_t_cfunc, sizeof *c);
    if (!c) return SP_ERRV;
    c->name = name;
    c->fn = fn;
    c->self = self;
    c->qualprefix = qualprefix;
    return sp_objv(c);
}

/* ------------------------------------------------------- attributes */

static bool name_is(const char *c, sp_Str *name) {
    return c[0] == name->data[0] && strcmp(c, name->data) == 0;
}

/* Static types: walk the base chain through the method tables. */
const sp_MethodDef *sp_find_method(sp_Type *t, sp_Str *name) {
    bool dunder = name->data[0] == '_' && name->data[1] == '_';
    for (; t; t = t->base) {
        if (t->flags & SP_TF_HEAPTYPE) continue;
        for (const sp_MethodDef *m = t->methods; m && m->name; m++)
            if (name_is(m->name, name)) return m;
        /* dunders that exist only as C slots (list.__repr__, dict.__getitem__) */
        const sp_MethodDef *w = dunder ? sp_class_slot_method(t, name) : NULL;
        if (w) return w;
    }
    return NULL;
}

static const sp_GetSetDef *find_getset(sp_Type *t, sp_Str *name) {
    for (; t; t = t->base)
        for (const sp_GetSetDef *g = t->getsets; g && g->name; g++)
            if (name_is(g->name, name)) return g;
    return NULL;
}

/* The owning type of a method def, for bound-method reprs. */
static sp_Type *method_owner(sp_Type *t, const sp_MethodDef *m) {
    for (; t; t = t->base)
        for (const sp_MethodDef *d = t->methods; d && d->name; d++)
            if (d == m) return t;
    return NULL;
}

static sp_Value bind_method(sp_VM *vm, sp_Type *t, const sp_MethodDef *m, sp_Value self) {
    sp_Type *owner = method_owner(t, m);
    const char *q = owner ? owner->name : NULL;
    /* A static method takes no self: no owner check on its first arg. */
    if (m->flags & SP_METH_STATIC) return sp_cfunc_new(vm, m->name, m->fn, SP_NULLV, NULL);
    if (m->flags & SP_METH_CLASS) self = sp_objv(t);
    return sp_cfunc_new(vm, m->name, m->fn, self, q);
}

sp_Value sp_type_lookup(sp_VM *vm, sp_Type *t, sp_Str *name) {
    if (sp_istuple(t->mro)) {
        sp_Tuple *mro = SP_TUPLE(t->mro);
        for (size_t i = 0; i < mro->n; i++) {
            sp_Type *k = (sp_Type *)SP_O(mro->items[i]);
            if (k->dict) {
                sp_Value v = sp_dict_gets(k->dict, name);
                if (!sp_isnull(v)) return v;
            } else {
                const sp_MethodDef *m = sp_find_method(k, name);
                if (m) return sp_cfunc_new(vm, m->name, m->fn, SP_NULLV, k->name);
            }
        }
        return SP_NULLV;
    }
    const sp_MethodDef *m = sp_find_method(t, name);
    if (m) return sp_cfunc_new(vm, m->name, m->fn, SP_NULLV, method_owner(t, m)->name);
    return SP_NULLV;
}

/* Attributes of static types: getsets, then methods.  Heap types and
 * instance dicts (classes issue) plug in through the getattr slot. */
sp_Value sp_generic_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    sp_Type *t = sp_typeof(self);
    const sp_GetSetDef *g = find_getset(t, name);
    if (g) return g->get(vm, self);
    const sp_MethodDef *m = sp_find_method(t, name);
    if (m) return bind_method(vm, t, m, self);
    return SP_NULLV;
}

sp_Value sp_getattr_opt(sp_VM *vm, sp_Value o, sp_Str *name) {
    sp_Type *t = sp_typeof(o);
    return t->getattr ? t->getattr(vm, o, name) : sp_generic_getattr(vm, o, name);
}

static sp_Value attr_error(sp_VM *vm, sp_Value o, sp_Str *name) {
    if (sp_istype(o, &sp_t_module))
        return sp_raise(vm, &sp_t_AttributeError, "module '%U' has no attribute '%U'",
                        ((sp_Module *)SP_O(o))->name, name);
    if (o.tag == SP_OBJ && sp_isinst(o, &sp_t_type)) /* a class, whatever its metaclass */
        return sp_raise(vm, &sp_t_AttributeError, "type object '%s' has no attribute '%U'",
                        sp_type_msgname((sp_Type *)SP_O(o)), name);
    return sp_raise(vm, &sp_t_AttributeError, "'%T' object has no attribute '%U'", o, name);
}

sp_Value sp_getattr(sp_VM *vm, sp_Value o, sp_Str *name) {
    sp_Value v = sp_getattr_opt(vm, o, name);
    if (sp_isnull(v)) v = attr_error(vm, o, name);
    if (sp_iserr(v) && sp_err_matches(vm, &sp_t_AttributeError)) sp_exc_set_name_obj(vm, name, o);
    return v;
}

sp_Value sp_getattrs(sp_VM *vm, sp_Value o, const char *name) {
    sp_Value n = sp_str_intern_cstr(vm, name);
    return sp_iserr(n) ? n : sp_getattr(vm, o, SP_STR(n));
}

bool sp_setattr(sp_VM *vm, sp_Value o, sp_Str *name, sp_Value v) {
    sp_Type *t = sp_typeof(o);
    if (t->setattr) return t->setattr(vm, o, name, v);
    if (t == &sp_t_type && !(((sp_Type *)SP_O(o))->flags & SP_TF_HEAPTYPE)) {
        /* builtin types are shared by every interpreter: never writable */
        sp_raise(vm, &sp_t_TypeError, "cannot set '%U' attribute of immutable type '%s'", name,
                 ((sp_Type *)SP_O(o))->name);
        return false;
    }
    const sp_GetSetDef *g = find_getset(t, name);
    if (g && g->set) return g->set(vm, o, v);
    if (g)
        sp_raise(vm, &sp_t_AttributeError, "attribute '%U' of '%s' objects is not writable",
                 name, t->name);
    else if (sp_find_method(t, name))
        sp_raise(vm, &sp_t_AttributeError, "'%s' object attribute '%U' is read-only", t->name,
                 name);
    else
        attr_error(vm, o, name);
    return false;
}
