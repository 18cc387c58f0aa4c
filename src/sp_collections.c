/* sp_collections.c - the collections module: defaultdict, Counter and
 * OrderedDict (static subtypes of dict that reuse its table), deque (a ring
 * buffer) and namedtuple (a tuple subtype built per call); ChainMap is
 * Python (src/sp_chainmap.py).
 *
 * Behaviour follows CPython 3.11's Lib/collections/__init__.py and
 * Modules/_collectionsmodule.c: same iteration orders, same results of the
 * Counter arithmetic, same messages.  User code (hash, ==, <, factories)
 * may run inside every loop here, so values held only in C are pinned and
 * dict walks go by position (memory-safe if the dict changes). */
#include "sp_class.h"
#include "sp_cont.h"
#include "sp_snap.h"
#include "sp_chainmap_py.h"
#include "sp_names.h"
#include <stdio.h>

static sp_Type t_defaultdict, t_counter, t_odict, t_deque, t_dequeiter, t_dequeriter, t_ntmeta;

/* ============================================================ dict subtypes */

/* Pin two values (both or neither). */
static bool pin2(sp_VM *vm, sp_Value a, sp_Value b) {
    if (!sp_pin(vm, a)) return false;
    if (sp_pin(vm, b)) return true;
    sp_unpin(vm, 1);
    return false;
}

/* Classes deriving from these types (sp_coll_solid) keep the type's
 * layout with their __dict__ pointer after it (sp_inst_size). */
static bool is_heap(sp_Type *t) { return (t->flags & SP_TF_HEAPTYPE) != 0; }
static bool is_dd(sp_Type *t) { return t == &t_defaultdict || sp_class_solid(t) == &t_defaultdict; }

/* defaultdict keeps its factory after the dict fields (see spc_dict_alloc_ex),
 * before a class's __dict__ pointer. */
#define DD_FACTORY(v)                                                                          \
    (*(sp_Value *)((char *)SP_O(v) + SP_O(v)->size - sizeof(sp_Value) -                      \
                   (is_heap(SP_O(v)->type) ? sizeof(void *) : 0)))

static sp_Value dsub_alloc(sp_VM *vm, sp_Type *t) {
    size_t extra = (is_dd(t) ? sizeof(sp_Value) : 0) + (is_heap(t) ? sizeof(void *) : 0);
    void *d = spc_dict_alloc_ex(vm, t, extra, NULL);
    if (d && is_dd(t)) DD_FACTORY(sp_objv(d)) = SP_NONEV;
    return d ? sp_objv(d) : SP_ERRV;
}

/* The name reprs show: type(self).__name__ (a class's, or the part of a
 * builtin's dotted name after the module). */
static const char *short_name(sp_Value self) {
    const char *n = sp_typeof(self)->name, *dot = strrchr(n, '.');
    return dot ? dot + 1 : n;
}

/* self.name(*args): overrides in a class honoured. */
static sp_Value call_method(sp_VM *vm, sp_Value self, const char *name, sp_Value *args, int nargs,
                            sp_Tuple *kw) {
    sp_Value f = sp_getattrs(vm, self, name);
    if (sp_iserr(f) || !sp_pin(vm, f)) return SP_ERRV;
    sp_Value r = sp_call(vm, f, args, nargs, kw);
    sp_unpin(vm, 1);
    return r;
}

/* The dict slots, forwarded at run time (static initialisers cannot read
 * another type's slot values). */
static void dsub_traverse(sp_VM *vm, sp_Obj *o) {
    sp_t_dict.traverse(vm, o);
    if (is_dd(o->type)) sp_gc_markv(vm, DD_FACTORY(sp_objv(o)));
}
static void dsub_finalize(sp_VM *vm, sp_Obj *o) { sp_t_dict.finalize(vm, o); }
static int64_t dsub_len(sp_VM *vm, sp_Value s) { return sp_t_dict.len(vm, s); }
static sp_Value dsub_iter(sp_VM *vm, sp_Value s) { return sp_t_dict.iter(vm, s); }
static int dsub_contains(sp_VM *vm, sp_Value s, sp_Value k) { return sp_t_dict.contains(vm, s, k); }
static bool dsub_setitem(sp_VM *vm, sp_Value s, sp_Value k, sp_Value v) {
    return sp_t_dict.setitem(vm, s, k, v);
}
static sp_Value dict_repr_of(sp_VM *vm, sp_Value s) { return sp_t_dict.repr(vm, s); }

/* T.__init__(self, ...) as a method (super().__init__(...) in a class). */
#define INIT_METHOD(fname, type, init)                                                \
    static sp_Value fname(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {      \
        if (!spc_self(vm, args, nargs, type, "__init__")) return SP_ERRV;            \
        return init(vm, args[0], args + 1, nargs - 1, kw) ? SP_NONEV : SP_ERRV;      \
    }

/* dict(...)-style arguments after the type's own: one mapping/iterable
 * then keywords. */
static bool dict_fill(sp_VM *vm, sp_Value d, const char *name, sp_Value *args, int nargs,
                      sp_Tuple *kw) {
    if (!spc_nargs(vm, name, nargs, 0, 1)) return false;
    if (nargs == 1 && !sp_dict_update(vm, SP_DICT(d), args[0])) return false;
    for (size_t i = 0; kw && i < kw->n; i++)
        if (!sp_dict_set(vm, SP_DICT(d), kw->items[i], args[nargs + (int)i])) return false;
    return true;
}

/* A new t (same factory for defaultdict) holding src's items. */
static sp_Value dsub_copy(sp_VM *vm, sp_Type *t, sp_Value src) {
    sp_Value r = dsub_alloc(vm, t);
    if (sp_iserr(r)) return r;
    if (is_dd(t)) DD_FACTORY(r) = DD_FACTORY(src);
    if (!sp_pin(vm, r)) return SP_ERRV;
    bool ok = sp_dict_update(vm, SP_DICT(r), src);
    sp_unpin(vm, 1);
    return ok ? r : SP_ERRV;
}

/* A class's copy is type(self)(self), with the factory first for
 * defaultdict (CPython's defdict_copy, Counter.copy, OrderedDict.copy). */
static sp_Value m_dsub_copy(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_noargs(vm, "copy", nargs - 1, kw)) return SP_ERRV;
    sp_Type *t = sp_typeof(args[0]);
    if (!is_heap(t)) return dsub_copy(vm, t, args[0]);
    sp_Value a[2] = {args[0], args[0]};
    if (is_dd(t)) a[0] = DD_FACTORY(args[0]);
    return sp_call(vm, sp_objv(t), is_dd(t) ? a : a + 1, is_dd(t) ? 2 : 1, NULL);
}

static bool mm_update_from(sp_VM *vm, sp_Value self, sp_Value other);

/* d.update(other) inside |, |=: an OrderedDict class goes through its
 * __setitem__ (MutableMapping.update), dict and defaultdict do not. */
static bool dsub_update(sp_VM *vm, sp_Value d, sp_Value other) {
    if (is_heap(sp_typeof(d)) && sp_class_solid(sp_typeof(d)) == &t_odict) return mm_update_from(vm, d, other);
    return sp_dict_update(vm, SP_DICT(d), other);
}

/* `d | other` for the subtypes: a copy of the subtype operand updated by
 * the right operand (CPython's defdict_or / odict's __or__). */
static sp_Value dsub_or(sp_VM *vm, sp_Type *t, sp_Value a, sp_Value b) {
    sp_Value self = sp_istype(a, t) ? a : b;
    if (!SPC_ISDICT(a) || !SPC_ISDICT(b)) return SP_NOTIMPL;
    bool heap = is_heap(t); /* a class: type(self)([factory,] left) (CPython's new_defdict) */
    sp_Value ca[2] = {is_dd(t) ? DD_FACTORY(self) : a, a};
    sp_Value r = heap ? sp_call(vm, sp_objv(t), is_dd(t) ? ca : ca + 1, is_dd(t) ? 2 : 1, NULL)
                      : dsub_alloc(vm, t);
    if (sp_iserr(r)) return r;
    if (heap && !SPC_ISDICT(r))
        return sp_raise(vm, &sp_t_TypeError, "%s() returned a non-dict: '%T'", t->name, r);
    if (!heap && is_dd(t)) DD_FACTORY(r) = DD_FACTORY(self);
    if (!sp_pin(vm, r)) return SP_ERRV;
    bool ok = (heap || sp_dict_update(vm, SP_DICT(r), a)) && dsub_update(vm, r, b);
    sp_unpin(vm, 1);
    return ok ? r : SP_ERRV;
}

static sp_Value dsub_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (op == SP_OP_OR) return dsub_or(vm, sp_istype(a, &sp_t_dict) ? sp_typeof(b) : sp_typeof(a), a, b);
    if (op == SP_OP_OR + SP_OP_INPLACE && SPC_ISDICT(a) && is_heap(sp_typeof(a)) &&
        sp_class_solid(sp_typeof(a)) == &t_odict)
        return dsub_update(vm, a, b) ? a : SP_ERRV;
    return sp_t_dict.binop(vm, op, a, b);
}

#define DSUB_SLOTS_F(fl)                                                             \
    .h = SP_STATIC_HDR(&sp_t_type), .base = &sp_t_dict, .flags = SP_TF_UNHASHABLE | (fl), \
    .traverse = dsub_traverse, .finalize = dsub_finalize, .len = dsub_len,           \
    .iter = dsub_iter, .contains = dsub_contains
#define DSUB_SLOTS DSUB_SLOTS_F(0)

/* ------------------------------------------------------------ defaultdict */

static bool is_callable(sp_Value v) { return sp_typeof(v)->call != NULL; }

/* defaultdict.__init__(self, default_factory=None, /, *args, **kw) */
static bool dd_init(sp_VM *vm, sp_Value d, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value f = nargs > 0 ? args[0] : SP_NONEV;
    if (!sp_isnone(f) && !is_callable(f)) {
        sp_raise(vm, &sp_t_TypeError, "first argument must be callable or None");
        return false;
    }
    DD_FACTORY(d) = f;
    return dict_fill(vm, d, "dict", args + (nargs > 0), nargs - (nargs > 0), kw);
}

static sp_Value dd_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value d = dsub_alloc(vm, t);
    if (sp_iserr(d) || !sp_pin(vm, d)) return SP_ERRV;
    bool ok = dd_init(vm, d, args, nargs, kw);
    sp_unpin(vm, 1);
    return ok ? d : SP_ERRV;
}

static sp_Value dd_missing(sp_VM *vm, sp_Value self, sp_Value key) {
    sp_Value f = DD_FACTORY(self);
    if (sp_isnone(f)) {
        sp_Value t = sp_tuple_pack(vm, 1, &key);
        return sp_iserr(t) ? t : sp_raise_args(vm, &sp_t_KeyError, t);
    }
    if (!sp_pin(vm, key)) return SP_ERRV;
    sp_Value v = sp_call0(vm, f);
    if (!sp_iserr(v) && (!sp_pin(vm, v) || !sp_setitem(vm, self, key, v) || (sp_unpin(vm, 1), false)))
        v = SP_ERRV;
    sp_unpin(vm, 1);
    return v;
}

static sp_Value dd_getitem(sp_VM *vm, sp_Value self, sp_Value key) {
    if (is_heap(sp_typeof(self))) return sp_t_dict.getitem(vm, self, key); /* its __missing__ */
    sp_Value v;
    int r = sp_dict_get(vm, SP_DICT(self), key, &v);
    if (r < 0) return SP_ERRV;
    return r ? v : dd_missing(vm, self, key);
}

static sp_Value m_dd_missing(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &t_defaultdict, "__missing__") ||
        !spc_onearg(vm, "__missing__", nargs - 1, kw))
        return SP_ERRV;
    return dd_missing(vm, args[0], args[1]);
}

static sp_Value dd_repr(sp_VM *vm, sp_Value self) {
    sp_Value f = DD_FACTORY(self), fr;
    if (sp_isnone(f)) {
        fr = sp_str_cstr(vm, "None");
    } else {
        int st = sp_repr_enter(vm, SP_O(self));
        if (st < 0) return SP_ERRV;
        fr = st == 0 ? sp_str_cstr(vm, "...") : sp_repr(vm, f);
        if (st) sp_repr_leave(vm, SP_O(self));
    }
    if (sp_iserr(fr) || !sp_pin(vm, fr)) return SP_ERRV;
    sp_Value dr = dict_repr_of(vm, self);
    sp_Value r = sp_iserr(dr) ? dr : sp_fmt(vm, "%s(%S, %S)", short_name(self), fr, dr);
    sp_unpin(vm, 1);
    return r;
}

static sp_Value dd_get_factory(sp_VM *vm, sp_Value self) {
    (void)vm;
    return DD_FACTORY(self);
}

static bool dd_set_factory(sp_VM *vm, sp_Value self, sp_Value v) {
    (void)vm;
    DD_FACTORY(self) = sp_isnull(v) ? SP_NONEV : v;
    return true;
}

INIT_METHOD(m_dd_init, &t_defaultdict, dd_init)

static const sp_MethodDef dd_methods[] = {
    {"__init__", m_dd_init, 0},
    {"__missing__", m_dd_missing, 0}, {"copy", m_dsub_copy, 0}, {"__copy__", m_dsub_copy, 0},
    {NULL, NULL, 0},
};
static const sp_GetSetDef dd_getsets[] = {
    {"default_factory", dd_get_factory, dd_set_factory}, {NULL, NULL, NULL},
};

static sp_Value dsub_richcmp_dict(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    return sp_t_dict.richcmp(vm, a, b, op);
}

static sp_Type t_defaultdict = {
    DSUB_SLOTS,
    .name = "collections.defaultdict",
    .methods = dd_methods,
    .getsets = dd_getsets,
    .new_ = dd_new,
    .repr = dd_repr,
    .richcmp = dsub_richcmp_dict,
    .getitem = dd_getitem,
    .setitem = dsub_setitem,
    .binop = dsub_binop,
};

/* ------------------------------------------------------------ OrderedDict */

static sp_Value od_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value d = dsub_alloc(vm, t);
    if (sp_iserr(d) || !sp_pin(vm, d)) return SP_ERRV;
    bool ok = dict_fill(vm, d, "OrderedDict", args, nargs, kw);
    sp_unpin(vm, 1);
    return ok ? d : SP_ERRV;
}

static sp_Value od_getitem(sp_VM *vm, sp_Value self, sp_Value key) {
    return sp_t_dict.getitem(vm, self, key);
}

/* Snapshot of the items as a list of pairs (what CPython's repr shows). */
static sp_Value items_list(sp_VM *vm, sp_Dict *d) {
    sp_Value l = sp_list_with_cap(vm, sp_dict_len(d));
    if (sp_iserr(l) || !sp_pin(vm, l)) return SP_ERRV;
    sp_Value k, v;
    bool ok = true;
    for (size_t pos = 0; ok && sp_dict_next(d, &pos, &k, &v);) {
        sp_Value pair[2] = {k, v};
        sp_Value t = sp_tuple_pack(vm, 2, pair);
        ok = !sp_iserr(t) && sp_list_append(vm, SP_LIST(l), t);
    }
    sp_unpin(vm, 1);
    return ok ? l : SP_ERRV;
}

static sp_Value od_repr(sp_VM *vm, sp_Value self) {
    if (sp_dict_len(SP_DICT(self)) == 0) return sp_fmt(vm, "%s()", short_name(self));
    int st = sp_repr_enter(vm, SP_O(self));
    if (st <= 0) return st < 0 ? SP_ERRV : sp_str_cstr(vm, "...");
    sp_Value l = items_list(vm, SP_DICT(self)), r = SP_ERRV;
    if (!sp_iserr(l) && sp_pin(vm, l)) {
        r = sp_fmt(vm, "%s(%R)", short_name(self), l);
        sp_unpin(vm, 1);
    }
    sp_repr_leave(vm, SP_O(self));
    return r;
}

/* Two OrderedDicts are equal only with their keys in the same order. */
static sp_Value od_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    sp_Value r = sp_t_dict.richcmp(vm, a, b, op);
    if (sp_iserr(r) || sp_isnotimpl(r) || !spc_is(a, &t_odict) || !spc_is(b, &t_odict))
        return r;
    if ((op == SP_EQ) != (r.u.i != 0)) return r; /* dicts differ: done */
    sp_Value ka = sp_list_from_iter(vm, a);
    if (sp_iserr(ka) || !sp_pin(vm, ka)) return SP_ERRV;
    sp_Value kb = sp_list_from_iter(vm, b);
    if (sp_iserr(kb) || !sp_pin(vm, kb)) return sp_unpin(vm, 1), SP_ERRV;
    r = spc_seq_richcmp(vm, ka, kb, op);
    sp_unpin(vm, 2);
    return r;
}

static bool last_arg(sp_VM *vm, const char *fname, sp_Value *args, int nargs, sp_Tuple *kw,
                     const char *spec, sp_Value *out, bool *last) {
    if (!sp_parse_args(vm, fname, args, nargs, kw, spec, out)) return false;
    sp_Value l = out[spec[0] == 'k' ? 1 : 0];
    int t = sp_isnull(l) ? 1 : sp_truthy(vm, l);
    *last = t == 1;
    return t >= 0;
}

/* Re-insert every key but `first` after it (move_to_end(last=False)). */
static bool od_move_first(sp_VM *vm, sp_Dict *d, sp_Value key, sp_Value val) {
    sp_Value l = items_list(vm, d);
    if (sp_iserr(l) || !sp_pin(vm, l)) return false;
    sp_Value pair[2] = {key, val};
    sp_Value m = sp_dict_new(vm);
    bool ok = !sp_iserr(m) && sp_pin(vm, m);
    if (!ok) return sp_unpin(vm, 1), false;
    ok = sp_dict_set(vm, SP_DICT(m), key, val);
    for (size_t i = 0; ok && i < SP_LIST(l)->n; i++) {
        sp_Tuple *p = SP_TUPLE(SP_LIST(l)->items[i]);
        if (sp_is(p->items[0], pair[0])) continue;
        ok = sp_dict_set(vm, SP_DICT(m), p->items[0], p->items[1]) && sp_check_limits(vm);
    }
    if (ok) {
        sp_Value k;
        for (size_t pos = 0; sp_dict_next(d, &pos, &k, NULL);) { /* empty d, then refill */
            if (sp_dict_del(vm, d, k) < 0) { ok = false; break; }
        }
        ok = ok && sp_dict_update(vm, d, m);
    }
    sp_unpin(vm, 2);
    return ok;
}

static sp_Value m_od_move_to_end(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    bool last;
    if (!spc_self(vm, args, nargs, &t_odict, "move_to_end") ||
        !last_arg(vm, "move_to_end", args + 1, nargs - 1, kw, "key|last", a, &last))
        return SP_ERRV;
    sp_Dict *d = SP_DICT(args[0]);
    sp_Value v;
    int r = sp_dict_get(vm, d, a[0], &v);
    if (r < 0) return SP_ERRV;
    if (r == 0) {
        sp_Value t = sp_tuple_pack(vm, 1, &a[0]);
        return sp_iserr(t) ? t : sp_raise_args(vm, &sp_t_KeyError, t);
    }
    if (!sp_pin(vm, v)) return SP_ERRV;
    bool ok = last ? sp_dict_del(vm, d, a[0]) >= 0 && sp_dict_set(vm, d, a[0], v)
                   : od_move_first(vm, d, a[0], v);
    sp_unpin(vm, 1);
    return ok ? SP_NONEV : SP_ERRV;
}

static sp_Value m_od_popitem(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[1];
    bool last;
    if (!spc_self(vm, args, nargs, &t_odict, "popitem") ||
        !last_arg(vm, "popitem", args + 1, nargs - 1, kw, "|last", a, &last))
        return SP_ERRV;
    sp_Dict *d = SP_DICT(args[0]);
    if (sp_dict_len(d) == 0) return sp_raise(vm, &sp_t_KeyError, "dictionary is empty");
    sp_Value k, v, pair[2];
    for (size_t pos = 0; sp_dict_next(d, &pos, &k, &v);) {
        pair[0] = k, pair[1] = v;
        if (!last) break;
    }
    sp_Value t = sp_tuple_pack(vm, 2, pair);
    if (sp_iserr(t) || !sp_pin(vm, t)) return SP_ERRV;
    int r = sp_dict_del(vm, d, pair[0]);
    sp_unpin(vm, 1);
    return r < 0 ? SP_ERRV : t;
}

/* ---- MutableMapping.update (CPython's mutablemapping_update): every
 * item goes through self[key] = value, so a class's __setitem__ sees it. */

static bool pair_part(sp_VM *vm, sp_Value it, sp_Value *out, const char *missing) {
    *out = sp_next(vm, it);
    if (sp_iserr(*out)) return false;
    if (sp_isnull(*out)) return sp_raise(vm, &sp_t_ValueError, "%s", missing), false;
    return true;
}

/* self[k] = v for each (k, v) pair an iterable yields. */
static bool mm_add_pair(sp_VM *vm, void *ud, sp_Value pair) {
    sp_Value self = *(sp_Value *)ud, k, v, extra;
    sp_Value it = sp_iter(vm, pair);
    if (sp_iserr(it) || !sp_pin(vm, it)) return false;
    bool ok = pair_part(vm, it, &k, "need more than 0 values to unpack") && sp_pin(vm, k);
    if (!ok) return sp_unpin(vm, 1), false;
    ok = pair_part(vm, it, &v, "need more than 1 value to unpack") && sp_pin(vm, v);
    if (!ok) return sp_unpin(vm, 2), false;
    extra = sp_next(vm, it);
    ok = !sp_iserr(extra);
    if (ok && !sp_isnull(extra))
        ok = (sp_raise(vm, &sp_t_ValueError, "too many values to unpack (expected 2)"), false);
    ok = ok && sp_setitem(vm, self, k, v) && sp_check_limits(vm);
    sp_unpin(vm, 3);
    return ok;
}

static bool mm_update_from(sp_VM *vm, sp_Value self, sp_Value other) {
    if (sp_isdict(other)) { /* a snapshot of the items, as PyDict_Items */
        sp_Value l = items_list(vm, SP_DICT(other));
        if (sp_iserr(l) || !sp_pin(vm, l)) return false;
        bool ok = spc_foreach(vm, l, mm_add_pair, &self);
        sp_unpin(vm, 1);
        return ok;
    }
    sp_Value f = sp_getattr_opt(vm, other, SP_NAME(keys));
    if (sp_iserr(f) || !sp_pin(vm, f)) return false;
    bool ok;
    if (!sp_isnull(f)) ok = sp_update_from_keys(vm, self, other, f, true);
    else {
        sp_Value items = sp_getattr_opt(vm, other, SP_NAME(items));
        if (!sp_isnull(items) && !sp_iserr(items)) items = sp_call0(vm, items);
        if (sp_isnull(items)) items = other;
        ok = !sp_iserr(items) && sp_pin(vm, items); /* the pairs' source, while __setitem__ runs */
        if (ok) {
            ok = spc_foreach(vm, items, mm_add_pair, &self);
            sp_unpin(vm, 1);
        }
    }
    sp_unpin(vm, 1);
    return ok;
}

static bool mm_update(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs > 1)
        return sp_raise(vm, &sp_t_TypeError, "update() takes at most 1 positional argument (%d given)", nargs),
               false;
    if (nargs == 1 && !mm_update_from(vm, self, args[0])) return false;
    for (size_t i = 0; kw && i < kw->n; i++)
        if (!sp_setitem(vm, self, kw->items[i], args[nargs + (int)i])) return false;
    return true;
}

/* OrderedDict.update and __init__: a class's items go through its
 * __setitem__; the plain type fills its table directly. */
static bool od_init(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!is_heap(sp_typeof(self))) return dict_fill(vm, self, "OrderedDict", args, nargs, kw);
    return spc_nargs(vm, "OrderedDict", nargs, 0, 1) && mm_update(vm, self, args, nargs, kw);
}

static sp_Value m_od_update(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &t_odict, "update")) return SP_ERRV;
    if (!is_heap(sp_typeof(args[0]))) {
        if (nargs > 2)
            return sp_raise(vm, &sp_t_TypeError, "update() takes at most 1 positional argument (%d given)",
                            nargs - 1);
        return dict_fill(vm, args[0], "update", args + 1, nargs - 1, kw) ? SP_NONEV : SP_ERRV;
    }
    return mm_update(vm, args[0], args + 1, nargs - 1, kw) ? SP_NONEV : SP_ERRV;
}

/* A class's setdefault: `key in self`, then self[key] or self[key] = default. */
static sp_Value m_od_setdefault(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    if (!spc_self(vm, args, nargs, &t_odict, "setdefault") ||
        !sp_parse_args(vm, "setdefault", args + 1, nargs - 1, kw, "key|default", a))
        return SP_ERRV;
    sp_Value dflt = sp_isnull(a[1]) ? SP_NONEV : a[1];
    if (!is_heap(sp_typeof(args[0]))) {
        sp_Value v;
        int r = sp_dict_get(vm, SP_DICT(args[0]), a[0], &v);
        if (r) return r < 0 ? SP_ERRV : v;
        return sp_dict_set(vm, SP_DICT(args[0]), a[0], dflt) ? dflt : SP_ERRV;
    }
    int in = sp_contains(vm, args[0], a[0]);
    if (in) return in < 0 ? SP_ERRV : sp_getitem(vm, args[0], a[0]);
    return sp_setitem(vm, args[0], a[0], dflt) ? dflt : SP_ERRV;
}

INIT_METHOD(m_od_init, &t_odict, od_init)

static const sp_MethodDef od_methods[] = {
    {"__init__", m_od_init, 0},           {"update", m_od_update, 0},
    {"setdefault", m_od_setdefault, 0},
    {"move_to_end", m_od_move_to_end, 0}, {"popitem", m_od_popitem, 0},
    {"copy", m_dsub_copy, 0}, {"__copy__", m_dsub_copy, 0}, {NULL, NULL, 0},
};

static sp_Type t_odict = {
    DSUB_SLOTS,
    .name = "collections.OrderedDict",
    .methods = od_methods,
    .new_ = od_new,
    .repr = od_repr,
    .richcmp = od_richcmp,
    .getitem = od_getitem,
    .setitem = dsub_setitem,
    .binop = dsub_binop,
};

/* ------------------------------------------------------------ Counter */

#define IS_COUNTER(v) spc_is(v, &t_counter)

/* Compare a count with 0 (any user value may be a count). */
static int cmp0(sp_VM *vm, sp_Value v, int op) {
    if (v.tag == SP_INT) {
        int64_t i = v.u.i;
        return op == SP_GT ? i > 0 : op == SP_LT ? i < 0 : i <= 0;
    }
    sp_Value r = sp_richcmp(vm, v, sp_int(0), op);
    return sp_iserr(r) ? -1 : sp_truthy(vm, r);
}

static sp_Value counter_getitem(sp_VM *vm, sp_Value self, sp_Value key) {
    if (is_heap(sp_typeof(self))) return sp_t_dict.getitem(vm, self, key); /* its __missing__ */
    sp_Value v;
    int r = sp_dict_get(vm, SP_DICT(self), key, &v);
    return r < 0 ? SP_ERRV : r ? v : sp_int(0);
}

/* Counter.__delitem__ ignores missing keys. */
static bool counter_setitem(sp_VM *vm, sp_Value self, sp_Value key, sp_Value val) {
    if (!sp_isnull(val)) return sp_dict_set(vm, SP_DICT(self), key, val);
    return sp_dict_del(vm, SP_DICT(self), key) >= 0;
}

/* self[key] = v: through a class's __setitem__, as CPython's
 * Counter.update and _count_elements do for a subclass. */
static bool count_set(sp_VM *vm, sp_Value self, sp_Value key, sp_Value v) {
    if (is_heap(sp_typeof(self))) return sp_setitem(vm, self, key, v);
    return sp_dict_set(vm, SP_DICT(self), key, v);
}

/* self[key] = self.get(key, 0) op delta (delta on the left for add, as
 * CPython's `count + self_get(elem, 0)`). */
static bool counter_bump(sp_VM *vm, sp_Value self, sp_Value key, sp_Value delta, int op) {
    sp_Value cur;
    int r = sp_dict_get(vm, SP_DICT(self), key, &cur);
    if (r < 0) return false;
    if (!r) cur = sp_int(0);
    sp_Value n = op == SP_OP_ADD ? sp_binop(vm, SP_OP_ADD, delta, cur) : sp_binop(vm, SP_OP_SUB, cur, delta);
    return !sp_iserr(n) && count_set(vm, self, key, n);
}

typedef struct CountCtx {
    sp_Value self;
    int op;
} CountCtx;

static bool count_one(sp_VM *vm, void *ud, sp_Value x) {
    CountCtx *c = ud;
    if (!sp_pin(vm, x)) return false;
    bool ok;
    if (c->op == SP_OP_ADD) { /* _count_elements: the first count is 1 itself */
        sp_Value cur;
        int r = sp_dict_get(vm, SP_DICT(c->self), x, &cur);
        sp_Value n = r < 0 ? SP_ERRV : r ? sp_binop(vm, SP_OP_ADD, cur, sp_int(1)) : sp_int(1);
        ok = !sp_iserr(n) && count_set(vm, c->self, x, n);
    } else {
        ok = counter_bump(vm, c->self, x, sp_int(1), SP_OP_SUB);
    }
    sp_unpin(vm, 1);
    return ok;
}

/* Counter.update / subtract with one iterable or mapping. */
static bool counter_feed(sp_VM *vm, sp_Value self, sp_Value src, int op) {
    if (!SPC_ISDICT(src)) {
        CountCtx c = {self, op};
        return spc_foreach(vm, src, count_one, &c);
    }
    if (op == SP_OP_ADD && sp_dict_len(SP_DICT(self)) == 0 && !IS_COUNTER(src))
        return sp_dict_update(vm, SP_DICT(self), src);
    sp_Value k, v;
    for (size_t pos = 0; sp_dict_next(SP_DICT(src), &pos, &k, &v);) {
        if (!pin2(vm, k, v)) return false;
        bool ok = counter_bump(vm, self, k, v, op) && sp_check_limits(vm);
        sp_unpin(vm, 2);
        if (!ok) return false;
    }
    return true;
}

/* CPython's Counter methods are Python functions: their argument errors
 * count self and name "Counter.NAME". */
static bool counter_args(sp_VM *vm, const char *name, sp_Value *args, int nargs, sp_Tuple *kw,
                         const char *spec, sp_Value *out) {
    char f[32];
    snprintf(f, sizeof f, "Counter.%s", name);
    return sp_parse_args(vm, f, args, nargs, kw, spec, out) && spc_self(vm, out, 1, &t_counter, name);
}

/* nargs counts the arguments after self. */
static bool counter_nargs(sp_VM *vm, const char *name, int nargs) {
    if (nargs <= 1) return true;
    sp_raise(vm, &sp_t_TypeError, "Counter.%s() takes from 1 to 2 positional arguments but %d were given",
             name, nargs + 1);
    return false;
}

static bool counter_feed_args(sp_VM *vm, sp_Value self, const char *name, sp_Value *args,
                              int nargs, sp_Tuple *kw, int op) {
    if (!counter_nargs(vm, name, nargs)) return false;
    if (nargs == 1 && !sp_isnone(args[0]) && !counter_feed(vm, self, args[0], op)) return false;
    if (!kw || kw->n == 0) return true;
    sp_Value d = sp_dict_new(vm);
    if (sp_iserr(d) || !sp_pin(vm, d)) return false;
    bool ok = dict_fill(vm, d, name, NULL, 0, NULL);
    for (size_t i = 0; ok && i < kw->n; i++) ok = sp_dict_set(vm, SP_DICT(d), kw->items[i], args[nargs + (int)i]);
    if (ok && is_heap(sp_typeof(self))) /* self.update(kwds): an override included */
        ok = !sp_iserr(call_method(vm, self, op == SP_OP_ADD ? "update" : "subtract", &d, 1, NULL));
    else
        ok = ok && counter_feed(vm, self, d, op);
    sp_unpin(vm, 1);
    return ok;
}

static sp_Value counter_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value d = dsub_alloc(vm, t);
    if (sp_iserr(d) || !sp_pin(vm, d)) return SP_ERRV;
    bool ok = counter_feed_args(vm, d, "__init__", args, nargs, kw, SP_OP_ADD);
    sp_unpin(vm, 1);
    return ok ? d : SP_ERRV;
}

static sp_Value m_counter_update(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    if (!counter_args(vm, "update", args, nargs, NULL, "!self|iterable/", a) ||
        !counter_feed_args(vm, args[0], "update", args + 1, nargs - 1, kw, SP_OP_ADD))
        return SP_ERRV;
    return SP_NONEV;
}

static sp_Value m_counter_subtract(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    if (!counter_args(vm, "subtract", args, nargs, NULL, "!self|iterable/", a) ||
        !counter_feed_args(vm, args[0], "subtract", args + 1, nargs - 1, kw, SP_OP_SUB))
        return SP_ERRV;
    return SP_NONEV;
}

static sp_Value second_item(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)kw;
    if (nargs != 1) return sp_raise(vm, &sp_t_TypeError, "itemgetter expected 1 argument");
    return sp_getitem(vm, args[0], sp_int(1));
}

/* sorted(self.items(), key=itemgetter(1), reverse=True)[:n] */
static sp_Value most_common(sp_VM *vm, sp_Value self, int64_t n) {
    sp_Value l = items_list(vm, SP_DICT(self));
    if (sp_iserr(l) || !sp_pin(vm, l)) return SP_ERRV;
    sp_Value key = sp_cfunc_new(vm, "itemgetter", second_item, SP_NULLV, NULL);
    bool ok = !sp_iserr(key) && sp_pin(vm, key);
    if (ok) {
        ok = sp_list_sort(vm, SP_LIST(l), key, true);
        sp_unpin(vm, 1);
    }
    sp_unpin(vm, 1);
    if (!ok) return SP_ERRV;
    if (n >= 0 && (size_t)n < SP_LIST(l)->n) SP_LIST(l)->n = (size_t)n;
    return l;
}

/* How many items most_common(n) keeps: CPython passes n to
 * heapq.nlargest, whose operations on n decide the errors: n == 1, then
 * n >= len(self) (then sorted(...)[:n]), else range(0, -n, -1). */
static bool most_common_count(sp_VM *vm, sp_Value self, sp_Value n, int64_t *out) {
    sp_Value r = sp_richcmp(vm, n, sp_int(1), SP_EQ);
    int t = sp_iserr(r) ? -1 : sp_truthy(vm, r);
    if (t) return t > 0 ? (*out = 1, true) : false;
    r = sp_richcmp(vm, n, sp_int((int64_t)sp_dict_len(SP_DICT(self))), SP_GE);
    t = sp_iserr(r) ? -1 : sp_truthy(vm, r);
    if (t < 0) return false;
    if (t) return spc_slice_int(vm, n, out);
    sp_Value neg = sp_unop(vm, SP_UOP_NEG, n);
    int64_t m;
    if (sp_iserr(neg)) return false;
    if (sp_isintlike(neg) && !sp_isint(neg) && !sp_isbool(neg)) { /* a bigint */
        *out = sp_int_sign(neg) < 0 ? INT64_MAX : 0;
        return true;
    }
    if (!sp_index(vm, neg, &m)) return false;
    *out = m < 0 && m != INT64_MIN ? -m : 0;
    return true;
}

static sp_Value m_counter_most_common(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    if (!counter_args(vm, "most_common", args, nargs, kw, "!self|n", a)) return SP_ERRV;
    int64_t n = -1;
    if (!sp_isnull(a[1]) && !sp_isnone(a[1])) {
        if (!most_common_count(vm, a[0], a[1], &n)) return SP_ERRV;
        if (n < 0) n = 0;
    }
    return most_common(vm, a[0], n);
}

static sp_Value m_counter_total(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[1];
    if (!counter_args(vm, "total", args, nargs, kw, "!self", a)) return SP_ERRV;
    sp_Value acc = sp_int(0), v;
    for (size_t pos = 0; sp_dict_next(SP_DICT(args[0]), &pos, NULL, &v);) {
        if (!sp_pin(vm, acc)) return SP_ERRV;
        acc = sp_binop(vm, SP_OP_ADD, acc, v);
        sp_unpin(vm, 1);
        if (sp_iserr(acc)) return acc;
    }
    return acc;
}

static sp_Value m_counter_fromkeys(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)args, (void)nargs, (void)kw;
    return sp_raise(vm, &sp_t_NotImplementedError,
                    "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
}

static sp_Value m_counter_missing(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &t_counter, "__missing__") ||
        !spc_onearg(vm, "__missing__", nargs - 1, kw))
        return SP_ERRV;
    return sp_int(0);
}

/* elements(): lazy, as CPython's chain(starmap(repeat, items())). */
typedef struct Elements {
    sp_Obj h;
    sp_Value items; /* list of pairs */
    size_t pos;
    int64_t left;
} Elements;

static sp_Type t_elements;

static sp_Value elements_next(sp_VM *vm, sp_Value self) {
    Elements *e = (Elements *)SP_O(self);
    sp_List *l = SP_LIST(e->items);
    while (e->left <= 0) {
        if (e->pos >= l->n) return SP_NULLV;
        sp_Value c = SP_TUPLE(l->items[e->pos++])->items[1];
        if (!sp_isintlike(c))
            return sp_raise(vm, &sp_t_TypeError, "'%T' object cannot be interpreted as an integer", c);
        if (sp_int_sign(c) > 0 && !sp_isint(c) && !sp_isbool(c))
            return sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C ssize_t");
        e->left = sp_int_sign(c) > 0 ? c.u.i : 0;
        if (!sp_check_limits(vm)) return SP_ERRV;
    }
    e->left--;
    return SP_TUPLE(l->items[e->pos - 1])->items[0];
}

static sp_Value self_iter(sp_VM *vm, sp_Value self) {
    (void)vm;
    return self;
}

static void elements_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_markv(vm, ((Elements *)o)->items); }

static sp_Type t_elements = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "itertools.chain",
    .base = &sp_t_object,
    .traverse = elements_traverse,
    .repr = spc_obj_repr,
    .iter = self_iter,
    .next = elements_next,
};

static sp_Value m_counter_elements(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[1];
    if (!counter_args(vm, "elements", args, nargs, kw, "!self", a)) return SP_ERRV;
    sp_Value l = items_list(vm, SP_DICT(args[0]));
    if (sp_iserr(l)) return l;
    Elements *e = sp_newobj(vm, &t_elements, sizeof *e);
    if (!e) return SP_ERRV;
    e->items = l;
    return sp_objv(e);
}

/* dict(self.most_common()) for the repr: NULL after a TypeError (the
 * repr falls back to dict order). */
static sp_Value counter_repr_dict(sp_VM *vm, sp_Value self) {
    bool heap = is_heap(sp_typeof(self));
    sp_Value l = heap ? call_method(vm, self, "most_common", NULL, 0, NULL) : most_common(vm, self, -1);
    bool ok = false;
    sp_Value d = SP_ERRV;
    if (!sp_iserr(l)) {
        if (!sp_pin(vm, l)) return SP_ERRV;
        d = sp_dict_new(vm);
        ok = !sp_iserr(d) && sp_pin(vm, d);
        if (ok) {
            ok = sp_dict_update(vm, SP_DICT(d), l);
            sp_unpin(vm, 1);
        }
        sp_unpin(vm, 1);
        if (ok) return d;
    }
    if (!sp_err_matches(vm, &sp_t_TypeError) || vm->limit_hit) return SP_ERRV;
    sp_err_clear(vm); /* unorderable counts: plain dict order */
    return SP_NULLV;
}

static sp_Value counter_repr(sp_VM *vm, sp_Value self) {
    if (sp_dict_len(SP_DICT(self)) == 0) return sp_fmt(vm, "%s()", short_name(self));
    sp_Value d = counter_repr_dict(vm, self);
    if (sp_iserr(d)) return d;
    if (sp_isnull(d)) d = self;
    if (!sp_pin(vm, d)) return SP_ERRV;
    sp_Value dr = dict_repr_of(vm, d);
    sp_Value r = sp_iserr(dr) ? dr : sp_fmt(vm, "%s(%S)", short_name(self), dr);
    sp_unpin(vm, 1);
    return r;
}

/* ---- arithmetic: CPython's loops, one helper per shape */

/* result[elem] = v when v > 0 (or, with neg, result[elem] = -v when v < 0). */
static bool keep_sign(sp_VM *vm, sp_Value res, sp_Value k, sp_Value v, bool neg) {
    int c = cmp0(vm, v, neg ? SP_LT : SP_GT);
    if (c <= 0) return c == 0;
    if (neg) v = sp_binop(vm, SP_OP_SUB, sp_int(0), v);
    return !sp_iserr(v) && sp_dict_set(vm, SP_DICT(res), k, v);
}

/* The count combining self's `count` with other's `oc` for op. */
static sp_Value combine(sp_VM *vm, int op, sp_Value count, sp_Value oc) {
    if (op == SP_OP_ADD) return sp_binop(vm, SP_OP_ADD, count, oc);
    if (op == SP_OP_SUB) return sp_binop(vm, SP_OP_SUB, count, oc);
    int lt = sp_lt(vm, count, oc);
    if (lt < 0) return SP_ERRV;
    if (op == SP_OP_OR) return lt ? oc : count;
    return lt ? count : oc; /* & */
}

static bool counter_arith_loop(sp_VM *vm, int op, sp_Value a, sp_Value b, sp_Value res) {
    sp_Value k, v;
    for (size_t pos = 0; sp_dict_next(SP_DICT(a), &pos, &k, &v);) {
        if (!pin2(vm, k, v)) return false;
        sp_Value oc = counter_getitem(vm, b, k);
        sp_Value n = sp_iserr(oc) ? oc : combine(vm, op, v, oc);
        bool ok = !sp_iserr(n) && keep_sign(vm, res, k, n, false) && sp_check_limits(vm);
        sp_unpin(vm, 2);
        if (!ok) return false;
    }
    if (op == SP_OP_AND) return true;
    for (size_t pos = 0; sp_dict_next(SP_DICT(b), &pos, &k, &v);) {
        if (!pin2(vm, k, v)) return false;
        int in = sp_dict_get(vm, SP_DICT(a), k, &(sp_Value){0});
        bool ok = in >= 0 && (in || keep_sign(vm, res, k, v, op == SP_OP_SUB)) && sp_check_limits(vm);
        sp_unpin(vm, 2);
        if (!ok) return false;
    }
    return true;
}

/* _keep_positive: drop the entries whose count is not > 0. */
static bool keep_positive(sp_VM *vm, sp_Value self) {
    sp_Value drop = sp_list_with_cap(vm, 0);
    if (sp_iserr(drop) || !sp_pin(vm, drop)) return false;
    sp_Value k, v;
    bool ok = true;
    for (size_t pos = 0; ok && sp_dict_next(SP_DICT(self), &pos, &k, &v);) {
        int c = cmp0(vm, v, SP_GT);
        ok = c >= 0 && (c || sp_list_append(vm, SP_LIST(drop), k));
    }
    bool heap = is_heap(sp_typeof(self)); /* `del self[elem]`: a class's __delitem__ */
    for (size_t i = 0; ok && i < SP_LIST(drop)->n; i++)
        ok = heap ? sp_delitem(vm, self, SP_LIST(drop)->items[i])
                  : sp_dict_del(vm, SP_DICT(self), SP_LIST(drop)->items[i]) >= 0;
    sp_unpin(vm, 1);
    return ok;
}

/* self[elem]: a class's __getitem__ (CPython's Counter is Python code). */
static sp_Value count_get(sp_VM *vm, sp_Value self, sp_Value key) {
    return is_heap(sp_typeof(self)) ? sp_getitem(vm, self, key) : counter_getitem(vm, self, key);
}

/* In place: self[elem] op= count over other's items (| and & as CPython). */
static bool counter_inplace(sp_VM *vm, int op, sp_Value self, sp_Value other) {
    sp_Value src = op == SP_OP_AND ? self : other, k, v;
    for (size_t pos = 0; sp_dict_next(SP_DICT(src), &pos, &k, &v);) {
        if (!pin2(vm, k, v)) return false;
        bool ok;
        if (op == SP_OP_ADD || op == SP_OP_SUB) {
            sp_Value cur = count_get(vm, self, k);
            sp_Value n = sp_iserr(cur) ? cur : sp_binop(vm, op + SP_OP_INPLACE, cur, v);
            ok = !sp_iserr(n) && count_set(vm, self, k, n);
        } else {
            sp_Value o = op == SP_OP_OR ? count_get(vm, self, k) : sp_getitem(vm, other, k);
            /* |: other_count > count ; &: other_count < count */
            int c = sp_iserr(o) ? -1 : op == SP_OP_OR ? sp_lt(vm, o, v) : sp_lt(vm, o, v);
            ok = c >= 0 && (!c || count_set(vm, self, k, op == SP_OP_OR ? v : o));
        }
        ok = ok && sp_check_limits(vm);
        sp_unpin(vm, 2);
        if (!ok) return false;
    }
    return keep_positive(vm, self);
}

static sp_Value counter_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (op >= SP_OP_INPLACE) {
        int base = op - SP_OP_INPLACE;
        if (!IS_COUNTER(a) || !SPC_ISDICT(b) ||
            (base != SP_OP_ADD && base != SP_OP_SUB && base != SP_OP_OR && base != SP_OP_AND))
            return op == SP_OP_OR + SP_OP_INPLACE ? sp_t_dict.binop(vm, op, a, b) : SP_NOTIMPL;
        return counter_inplace(vm, base, a, b) ? a : SP_ERRV;
    }
    if (op != SP_OP_ADD && op != SP_OP_SUB && op != SP_OP_OR && op != SP_OP_AND) return SP_NOTIMPL;
    if (!IS_COUNTER(a) || !IS_COUNTER(b)) return op == SP_OP_OR ? sp_t_dict.binop(vm, op, a, b) : SP_NOTIMPL;
    sp_Value res = dsub_alloc(vm, &t_counter);
    if (sp_iserr(res) || !sp_pin(vm, res)) return SP_ERRV;
    bool ok = counter_arith_loop(vm, op, a, b, res);
    sp_unpin(vm, 1);
    return ok ? res : SP_ERRV;
}

static sp_Value counter_unop(sp_VM *vm, int op, sp_Value a) {
    if (op != SP_UOP_POS && op != SP_UOP_NEG) return SP_NOTIMPL;
    sp_Value res = dsub_alloc(vm, &t_counter);
    if (sp_iserr(res) || !sp_pin(vm, res)) return SP_ERRV;
    sp_Value k, v;
    bool ok = true;
    for (size_t pos = 0; ok && sp_dict_next(SP_DICT(a), &pos, &k, &v);)
        ok = keep_sign(vm, res, k, v, op == SP_UOP_NEG);
    sp_unpin(vm, 1);
    return ok ? res : SP_ERRV;
}

/* all(self[e] <= other[e] for c in (self, other) for e in c), or == */
static int counter_all(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    sp_Value srcs[2] = {a, b}, k;
    for (int s = 0; s < 2; s++) {
        for (size_t pos = 0; sp_dict_next(SP_DICT(srcs[s]), &pos, &k, NULL);) {
            sp_Value x = counter_getitem(vm, a, k);
            if (sp_iserr(x) || !pin2(vm, k, x)) return -1;
            sp_Value y = counter_getitem(vm, b, k);
            sp_Value r = sp_iserr(y) ? y : sp_richcmp(vm, x, y, op);
            int t = sp_iserr(r) ? -1 : sp_truthy(vm, r);
            sp_unpin(vm, 2);
            if (t <= 0) return t;
        }
    }
    return 1;
}

static sp_Value counter_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if (!IS_COUNTER(a) || !IS_COUNTER(b))
        return op == SP_EQ || op == SP_NE ? sp_t_dict.richcmp(vm, a, b, op) : SP_NOTIMPL;
    int r;
    switch (op) {
    case SP_EQ: case SP_NE: r = counter_all(vm, a, b, SP_EQ); if (r >= 0 && op == SP_NE) r = !r; break;
    case SP_LE: r = counter_all(vm, a, b, SP_LE); break;
    case SP_GE: r = counter_all(vm, b, a, SP_LE); break;
    case SP_LT: r = counter_all(vm, a, b, SP_LE); if (r == 1) r = !counter_all(vm, a, b, SP_EQ); break;
    default: r = counter_all(vm, b, a, SP_LE); if (r == 1) r = !counter_all(vm, b, a, SP_EQ); break;
    }
    return r < 0 || sp_err_occurred(vm) ? SP_ERRV : sp_bool(r);
}

/* Counter.__init__: self.update(iterable, **kw), a class's override
 * included. */
static bool counter_init(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!is_heap(sp_typeof(self)))
        return counter_feed_args(vm, self, "__init__", args, nargs, kw, SP_OP_ADD);
    if (!counter_nargs(vm, "__init__", nargs)) return false;
    return !sp_iserr(call_method(vm, self, "update", args, nargs, kw));
}

INIT_METHOD(m_counter_init, &t_counter, counter_init)

static const sp_MethodDef counter_methods[] = {
    {"__init__", m_counter_init, 0},
    {"most_common", m_counter_most_common, 0}, {"elements", m_counter_elements, 0},
    {"update", m_counter_update, 0},          {"subtract", m_counter_subtract, 0},
    {"total", m_counter_total, 0},            {"copy", m_dsub_copy, 0},
    {"__copy__", m_dsub_copy, 0},             {"__missing__", m_counter_missing, 0},
    {"fromkeys", m_counter_fromkeys, SP_METH_CLASS}, {NULL, NULL, 0},
};

static sp_Type t_counter = {
    DSUB_SLOTS_F(SP_TF_PYNAME), /* a Python class in CPython: messages say 'Counter' */
    .name = "collections.Counter",
    .methods = counter_methods,
    .new_ = counter_new,
    .repr = counter_repr,
    .richcmp = counter_richcmp,
    .getitem = counter_getitem,
    .setitem = counter_setitem,
    .binop = counter_binop,
    .unop = counter_unop,
};

/* ============================================================ deque */

typedef struct Deque {
    sp_Obj h;
    sp_Value *buf; /* ring of cap slots (a power of two) */
    size_t cap, head, n;
    int64_t maxlen; /* -1: unbounded */
    uint64_t state; /* bumped by every change of length (iterators check it) */
} Deque;

#define DQ(v) ((Deque *)SP_O(v))
#define DQ_AT(d, i) ((d)->buf[((d)->head + (i)) & ((d)->cap - 1)])

static bool dq_grow(sp_VM *vm, Deque *d) {
    size_t cap = d->cap ? d->cap * 2 : 8, sz;
    if (!sp_size_mul(vm, cap, sizeof(sp_Value), &sz)) return false;
    sp_Value *nb = sp_malloc(vm, sz);
    if (!nb) return false;
    for (size_t i = 0; i < d->n; i++) nb[i] = DQ_AT(d, i);
    sp_free(vm, d->buf, d->cap * sizeof(sp_Value));
    d->buf = nb;
    d->cap = cap;
    d->head = 0;
    return true;
}

static sp_Value dq_popfront(Deque *d) {
    sp_Value v = DQ_AT(d, 0);
    d->head = (d->head + 1) & (d->cap - 1);
    d->n--;
    d->state++;
    return v;
}

static sp_Value dq_popback(Deque *d) {
    sp_Value v = DQ_AT(d, d->n - 1);
    d->n--;
    d->state++;
    return v;
}

/* Append at either end; a full bounded deque drops from the other end. */
static bool dq_push(sp_VM *vm, Deque *d, sp_Value v, bool left) {
    if (d->maxlen == 0) return true;
    if (d->maxlen > 0 && d->n >= (size_t)d->maxlen) left ? dq_popback(d) : dq_popfront(d);
    if (d->n == d->cap && !dq_grow(vm, d)) return false;
    if (left) {
        d->head = (d->head + d->cap - 1) & (d->cap - 1);
        d->buf[d->head] = v;
    } else {
        DQ_AT(d, d->n) = v;
    }
    d->n++;
    d->state++;
    return true;
}

static Deque *dq_alloc(sp_VM *vm, sp_Type *t, int64_t maxlen) {
    Deque *d = sp_newobj(vm, t, sp_inst_size(t, sizeof *d));
    if (d) d->maxlen = maxlen;
    return d;
}

typedef struct PushCtx {
    Deque *d;
    bool left;
} PushCtx;

static bool push_one(sp_VM *vm, void *ud, sp_Value x) {
    PushCtx *c = ud;
    return dq_push(vm, c->d, x, c->left);
}

/* extend/extendleft; extending by itself iterates a snapshot. */
static bool dq_extend(sp_VM *vm, Deque *d, sp_Value it, bool left) {
    if (SP_O(it) == &d->h && it.tag == SP_OBJ) {
        it = sp_list_from_iter(vm, it);
        if (sp_iserr(it)) return false;
    }
    if (!sp_pin(vm, it)) return false;
    PushCtx c = {d, left};
    bool ok = spc_foreach(vm, it, push_one, &c);
    sp_unpin(vm, 1);
    return ok;
}

static bool maxlen_arg(sp_VM *vm, sp_Value v, int64_t *out) {
    *out = -1;
    if (sp_isnull(v) || sp_isnone(v)) return true;
    if (!sp_isintlike(v)) {
        sp_raise(vm, &sp_t_TypeError, "an integer is required");
        return false;
    }
    if (!sp_int_to_i64(vm, v, out)) return false;
    if (*out < 0) {
        sp_raise(vm, &sp_t_ValueError, "maxlen must be non-negative");
        return false;
    }
    return true;
}

/* deque.__init__(self, iterable=(), maxlen=None): clears first. */
static bool dq_init(sp_VM *vm, sp_Value dv, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    int64_t maxlen;
    if (!sp_parse_args(vm, "deque", args, nargs, kw, "|iterable,maxlen", a) ||
        !maxlen_arg(vm, a[1], &maxlen))
        return false;
    Deque *d = DQ(dv);
    d->maxlen = maxlen;
    if (d->n) d->n = 0, d->state++;
    return sp_isnull(a[0]) || dq_extend(vm, d, a[0], false);
}

static sp_Value dq_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    Deque *d = dq_alloc(vm, t, -1);
    sp_Value dv = d ? sp_objv(d) : SP_ERRV;
    if (!d || !sp_pin(vm, dv)) return SP_ERRV;
    bool ok = dq_init(vm, dv, args, nargs, kw);
    sp_unpin(vm, 1);
    return ok ? dv : SP_ERRV;
}

static void dq_traverse(sp_VM *vm, sp_Obj *o) {
    Deque *d = (Deque *)o;
    for (size_t i = 0; i < d->n; i++) sp_gc_markv(vm, DQ_AT(d, i));
}

static void dq_finalize(sp_VM *vm, sp_Obj *o) {
    Deque *d = (Deque *)o;
    sp_free(vm, d->buf, d->cap * sizeof(sp_Value));
    d->buf = NULL;
    d->cap = d->n = 0;
}

static sp_Value dq_tolist(sp_VM *vm, Deque *d) {
    sp_Value l = sp_list_new(vm, d->n);
    if (!sp_iserr(l))
        for (size_t i = 0; i < d->n; i++) SP_LIST(l)->items[i] = DQ_AT(d, i);
    return l;
}

static sp_Value dq_repr(sp_VM *vm, sp_Value self) {
    Deque *d = DQ(self);
    int st = sp_repr_enter(vm, SP_O(self));
    if (st <= 0) return st < 0 ? SP_ERRV : sp_str_cstr(vm, "[...]");
    sp_Value l = dq_tolist(vm, d), r = SP_ERRV;
    if (!sp_iserr(l) && sp_pin(vm, l)) {
        const char *n = short_name(self);
        r = d->maxlen < 0 ? sp_fmt(vm, "%s(%R)", n, l)
                          : sp_fmt(vm, "%s(%R, maxlen=%lld)", n, l, (long long)d->maxlen);
        sp_unpin(vm, 1);
    }
    sp_repr_leave(vm, SP_O(self));
    return r;
}

static int64_t dq_len(sp_VM *vm, sp_Value self) {
    (void)vm;
    return (int64_t)DQ(self)->n;
}

/* A deque index: ints only (no slices), normalised and bounds-checked. */
static bool dq_index(sp_VM *vm, Deque *d, sp_Value key, size_t *out) {
    int64_t i;
    if (!sp_isintlike(key)) {
        sp_raise(vm, &sp_t_TypeError, "sequence index must be integer, not '%T'", key);
        return false;
    }
    if (!sp_index(vm, key, &i)) return false;
    if (i < 0) i += (int64_t)d->n;
    if (i < 0 || (uint64_t)i >= d->n) {
        sp_raise(vm, &sp_t_IndexError, "deque index out of range");
        return false;
    }
    *out = (size_t)i;
    return true;
}

static sp_Value dq_getitem(sp_VM *vm, sp_Value self, sp_Value key) {
    size_t i;
    return dq_index(vm, DQ(self), key, &i) ? DQ_AT(DQ(self), i) : SP_ERRV;
}

static void dq_del_at(Deque *d, size_t i) {
    for (size_t j = i; j + 1 < d->n; j++) DQ_AT(d, j) = DQ_AT(d, j + 1);
    d->n--;
    d->state++;
}

static bool dq_setitem(sp_VM *vm, sp_Value self, sp_Value key, sp_Value v) {
    Deque *d = DQ(self);
    size_t i;
    if (!dq_index(vm, d, key, &i)) return false;
    if (sp_isnull(v)) dq_del_at(d, i);
    else DQ_AT(d, i) = v;
    return true;
}

/* Position of the first item equal to x in [start, stop): -1 error, -2 none.
 * A comparison that changes the deque is an error, as in CPython. */
static int64_t dq_find(sp_VM *vm, Deque *d, sp_Value x, size_t start, size_t stop) {
    uint64_t state = d->state;
    for (size_t i = start; i < stop && i < d->n; i++) {
        sp_Value it = DQ_AT(d, i);
        if (!sp_pin(vm, it)) return -1;
        int k = sp_eq(vm, it, x);
        sp_unpin(vm, 1);
        if (k < 0 || !sp_check_limits(vm)) return -1;
        if (d->state != state) {
            sp_raise(vm, &sp_t_RuntimeError, "deque mutated during iteration");
            return -1;
        }
        if (k) return (int64_t)i;
    }
    return -2;
}

static int dq_contains(sp_VM *vm, sp_Value self, sp_Value x) {
    int64_t i = dq_find(vm, DQ(self), x, 0, DQ(self)->n);
    return i == -1 ? -1 : i >= 0;
}

static sp_Value dq_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if (!spc_is(a, &t_deque) || !spc_is(b, &t_deque)) return SP_NOTIMPL;
    sp_Value la = dq_tolist(vm, DQ(a));
    if (sp_iserr(la) || !sp_pin(vm, la)) return SP_ERRV;
    sp_Value lb = dq_tolist(vm, DQ(b));
    if (sp_iserr(lb) || !sp_pin(vm, lb)) return sp_unpin(vm, 1), SP_ERRV;
    sp_Value r = spc_seq_richcmp(vm, la, lb, op);
    sp_unpin(vm, 2);
    return r;
}

/* A class's copy is type(self)(self[, maxlen]) (CPython's deque_copy). */
static sp_Value dq_copy_of(sp_VM *vm, sp_Value sv) {
    Deque *src = DQ(sv);
    sp_Type *t = sp_typeof(sv);
    if (is_heap(t)) {
        sp_Value a[2] = {sv, sp_int(src->maxlen)};
        sp_Value r = sp_call(vm, sp_objv(t), a, src->maxlen < 0 ? 1 : 2, NULL);
        if (sp_iserr(r) || spc_is(r, &t_deque)) return r; /* the callers use it as a deque */
        return sp_raise(vm, &sp_t_TypeError, "%s() returned a non-deque: '%T'", t->name, r);
    }
    Deque *d = dq_alloc(vm, &t_deque, src->maxlen);
    if (!d) return SP_ERRV;
    for (size_t i = 0; i < src->n; i++)
        if (!dq_push(vm, d, DQ_AT(src, i), false)) return SP_ERRV;
    return sp_objv(d);
}

static bool dq_repeat(sp_VM *vm, Deque *d, sp_Value count) {
    int64_t k;
    if (!spc_repeat_count(vm, count, &k)) return false;
    size_t n = d->n;
    if (k <= 0) {
        d->n = 0;
        d->state++;
        return true;
    }
    for (int64_t j = 1; j < k && n; j++) {
        if (d->maxlen >= 0 && (uint64_t)j * n >= (uint64_t)d->maxlen + n) break; /* only the tail stays */
        for (size_t i = 0; i < n; i++)
            if (!dq_push(vm, d, DQ_AT(d, d->n - n), false) || !sp_check_limits(vm)) return false;
    }
    return true;
}

static sp_Value dq_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    bool inplace = op >= SP_OP_INPLACE;
    int base = inplace ? op - SP_OP_INPLACE : op;
    if (base == SP_OP_ADD && spc_is(a, &t_deque)) {
        if (inplace) return dq_extend(vm, DQ(a), b, false) ? a : SP_ERRV;
        if (!spc_is(b, &t_deque))
            return sp_raise(vm, &sp_t_TypeError, "can only concatenate deque (not \"%T\") to deque", b);
        sp_Value r = dq_copy_of(vm, a);
        if (sp_iserr(r) || !sp_pin(vm, r)) return SP_ERRV;
        bool ok = dq_extend(vm, DQ(r), b, false);
        sp_unpin(vm, 1);
        return ok ? r : SP_ERRV;
    }
    if (base == SP_OP_MUL) {
        sp_Value d = spc_is(a, &t_deque) ? a : b, n = spc_is(a, &t_deque) ? b : a;
        if (!spc_is(d, &t_deque) || !sp_isintlike(n) || (inplace && !sp_is(d, a))) return SP_NOTIMPL;
        sp_Value r = inplace ? d : dq_copy_of(vm, d);
        if (sp_iserr(r) || !sp_pin(vm, r)) return SP_ERRV;
        bool ok = dq_repeat(vm, DQ(r), n);
        sp_unpin(vm, 1);
        return ok ? r : SP_ERRV;
    }
    return SP_NOTIMPL;
}

/* ---- iterators */

typedef struct DequeIter {
    sp_Obj h;
    sp_Value dq;
    size_t pos, left;
    uint64_t state;
} DequeIter;

static sp_Value dqiter_make(sp_VM *vm, sp_Value dq, sp_Type *t) {
    DequeIter *it = sp_newobj(vm, t, sizeof *it);
    if (!it) return SP_ERRV;
    it->dq = dq;
    it->left = DQ(dq)->n;
    it->state = DQ(dq)->state;
    return sp_objv(it);
}

static sp_Value dq_iter(sp_VM *vm, sp_Value self) { return dqiter_make(vm, self, &t_dequeiter); }

static sp_Value dqiter_next(sp_VM *vm, sp_Value self) {
    DequeIter *it = (DequeIter *)SP_O(self);
    Deque *d = DQ(it->dq);
    if (d->state != it->state) {
        it->left = 0;
        return sp_raise(vm, &sp_t_RuntimeError, "deque mutated during iteration");
    }
    if (it->left == 0) return SP_NULLV;
    it->left--;
    size_t i = it->pos++;
    return DQ_AT(d, self.u.o->type == &t_dequeriter ? d->n - 1 - i : i);
}

static void dqiter_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_markv(vm, ((DequeIter *)o)->dq); }

static sp_Type t_dequeiter = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "_collections._deque_iterator", .base = &sp_t_object,
    .traverse = dqiter_traverse, .repr = spc_obj_repr, .iter = self_iter, .next = dqiter_next,
};
static sp_Type t_dequeriter = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "_collections._deque_reverse_iterator",
    .base = &sp_t_object, .traverse = dqiter_traverse, .repr = spc_obj_repr, .iter = self_iter,
    .next = dqiter_next,
};

/* ---- methods */

#define DSELF(name) spc_self(vm, args, nargs, &t_deque, name)
#define DS DQ(args[0])

static sp_Value m_dq_append(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!DSELF("append") || !spc_onearg(vm, "deque.append", nargs - 1, kw)) return SP_ERRV;
    return dq_push(vm, DS, args[1], false) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_dq_appendleft(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!DSELF("appendleft") || !spc_onearg(vm, "deque.appendleft", nargs - 1, kw)) return SP_ERRV;
    return dq_push(vm, DS, args[1], true) ? SP_NONEV : SP_ERRV;
}

static sp_Value dq_pop_either(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, bool left) {
    if (!DSELF(left ? "popleft" : "pop") ||
        !spc_noargs(vm, left ? "deque.popleft" : "deque.pop", nargs - 1, kw))
        return SP_ERRV;
    if (DS->n == 0) return sp_raise(vm, &sp_t_IndexError, "pop from an empty deque");
    return left ? dq_popfront(DS) : dq_popback(DS);
}

static sp_Value m_dq_pop(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return dq_pop_either(vm, a, n, kw, false); }
static sp_Value m_dq_popleft(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return dq_pop_either(vm, a, n, kw, true); }

static sp_Value m_dq_extend(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!DSELF("extend") || !spc_onearg(vm, "deque.extend", nargs - 1, kw)) return SP_ERRV;
    return dq_extend(vm, DS, args[1], false) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_dq_extendleft(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!DSELF("extendleft") || !spc_onearg(vm, "deque.extendleft", nargs - 1, kw)) return SP_ERRV;
    return dq_extend(vm, DS, args[1], true) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_dq_clear(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!DSELF("clear") || !spc_noargs(vm, "deque.clear", nargs - 1, kw)) return SP_ERRV;
    DS->n = 0;
    DS->state++;
    return SP_NONEV;
}

static sp_Value m_dq_copy(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!DSELF("copy") || !spc_noargs(vm, "deque.copy", nargs - 1, kw)) return SP_ERRV;
    return dq_copy_of(vm, args[0]);
}

static sp_Value m_dq_count(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!DSELF("count") || !spc_onearg(vm, "deque.count", nargs - 1, kw)) return SP_ERRV;
    int64_t c = 0;
    for (size_t i = 0;;) {
        int64_t j = dq_find(vm, DS, args[1], i, DS->n);
        if (j == -1) return SP_ERRV;
        if (j == -2) return sp_int(c);
        c++;
        i = (size_t)j + 1;
    }
}

static sp_Value m_dq_index(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!DSELF("index") || !spc_nokw(vm, "deque.index", kw) || !spc_nargs(vm, "index", nargs - 1, 1, 3))
        return SP_ERRV;
    int64_t start = 0, stop = (int64_t)DS->n;
    if (nargs > 2 && !spc_clamp_index(vm, args[2], (int64_t)DS->n, &start)) return SP_ERRV;
    if (nargs > 3 && !spc_clamp_index(vm, args[3], (int64_t)DS->n, &stop)) return SP_ERRV;
    int64_t i = start < stop ? dq_find(vm, DS, args[1], (size_t)start, (size_t)stop) : -2;
    if (i == -1) return SP_ERRV;
    if (i == -2) return sp_raise(vm, &sp_t_ValueError, "%R is not in deque", args[1]);
    return sp_int(i);
}

static sp_Value m_dq_remove(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!DSELF("remove") || !spc_onearg(vm, "deque.remove", nargs - 1, kw)) return SP_ERRV;
    int64_t i = dq_find(vm, DS, args[1], 0, DS->n);
    if (i == -1) return SP_ERRV;
    if (i == -2) return sp_raise(vm, &sp_t_ValueError, "%R is not in deque", args[1]);
    dq_del_at(DS, (size_t)i);
    return SP_NONEV;
}

/* Rotate right by k (0 <= k < n) by moving items between the ends. */
static bool dq_rotate(sp_VM *vm, Deque *d, int64_t k) {
    size_t n = d->n;
    if (n <= 1) return true;
    k %= (int64_t)n;
    if (k < 0) k += (int64_t)n;
    for (int64_t j = 0; j < k; j++) {
        sp_Value v = DQ_AT(d, n - 1);
        d->head = (d->head + d->cap - 1) & (d->cap - 1);
        d->buf[d->head] = v;
        if ((j & 0xffff) == 0xffff && !sp_check_limits(vm)) return false;
    }
    d->state++;
    return true;
}

static sp_Value m_dq_rotate(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!DSELF("rotate") || !spc_nokw(vm, "deque.rotate", kw) || !spc_nargs(vm, "rotate", nargs - 1, 0, 1))
        return SP_ERRV;
    int64_t k = 1;
    if (nargs > 1) {
        if (!sp_isintlike(args[1]))
            return sp_raise(vm, &sp_t_TypeError, "'%T' object cannot be interpreted as an integer", args[1]);
        if (!sp_int_to_i64(vm, args[1], &k)) return SP_ERRV;
    }
    return DS->n > 1 && !dq_rotate(vm, DS, k % (int64_t)DS->n) ? SP_ERRV : SP_NONEV;
}

static sp_Value m_dq_insert(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!DSELF("insert") || !spc_nokw(vm, "deque.insert", kw) || !spc_nargs(vm, "insert", nargs - 1, 2, 2))
        return SP_ERRV;
    Deque *d = DS;
    int64_t i;
    if (!sp_index(vm, args[1], &i)) return SP_ERRV;
    if (d->maxlen >= 0 && d->n >= (size_t)d->maxlen)
        return sp_raise(vm, &sp_t_IndexError, "deque already at its maximum size");
    int64_t n = (int64_t)d->n;
    if (i < 0) i = i + n < 0 ? 0 : i + n;
    if (i > n) i = n;
    if (!dq_push(vm, d, args[2], false)) return SP_ERRV;
    for (int64_t j = n; j > i; j--) { /* bubble the new item down to i */
        sp_Value t = DQ_AT(d, (size_t)j);
        DQ_AT(d, (size_t)j) = DQ_AT(d, (size_t)j - 1);
        DQ_AT(d, (size_t)j - 1) = t;
    }
    return SP_NONEV;
}

static sp_Value m_dq_reverse(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!DSELF("reverse") || !spc_noargs(vm, "deque.reverse", nargs - 1, kw)) return SP_ERRV;
    Deque *d = DS;
    for (size_t i = 0, j = d->n; i + 1 < j; i++, j--) {
        sp_Value t = DQ_AT(d, i);
        DQ_AT(d, i) = DQ_AT(d, j - 1);
        DQ_AT(d, j - 1) = t;
    }
    d->state++;
    return SP_NONEV;
}

static sp_Value m_dq_reversed(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!DSELF("__reversed__") || !spc_noargs(vm, "deque.__reversed__", nargs - 1, kw)) return SP_ERRV;
    return dqiter_make(vm, args[0], &t_dequeriter);
}

static sp_Value g_dq_maxlen(sp_VM *vm, sp_Value self) {
    (void)vm;
    return DQ(self)->maxlen < 0 ? SP_NONEV : sp_int(DQ(self)->maxlen);
}

INIT_METHOD(m_dq_init, &t_deque, dq_init)

static const sp_MethodDef dq_methods[] = {
    {"__init__", m_dq_init, 0},
    {"append", m_dq_append, 0},   {"appendleft", m_dq_appendleft, 0}, {"pop", m_dq_pop, 0},
    {"popleft", m_dq_popleft, 0}, {"extend", m_dq_extend, 0},   {"extendleft", m_dq_extendleft, 0},
    {"clear", m_dq_clear, 0},     {"copy", m_dq_copy, 0},       {"__copy__", m_dq_copy, 0},
    {"count", m_dq_count, 0},     {"index", m_dq_index, 0},     {"remove", m_dq_remove, 0},
    {"rotate", m_dq_rotate, 0},   {"insert", m_dq_insert, 0},   {"reverse", m_dq_reverse, 0},
    {"__reversed__", m_dq_reversed, 0}, {NULL, NULL, 0},
};
static const sp_GetSetDef dq_getsets[] = {{"maxlen", g_dq_maxlen, NULL}, {NULL, NULL, NULL}};

static sp_Type t_deque = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "collections.deque",
    .base = &sp_t_object,
    .flags = SP_TF_UNHASHABLE | SP_TF_SEQUENCE, /* matches sequence patterns */
    .methods = dq_methods,
    .getsets = dq_getsets,
    .traverse = dq_traverse,
    .finalize = dq_finalize,
    .new_ = dq_new,
    .repr = dq_repr,
    .richcmp = dq_richcmp,
    .len = dq_len,
    .iter = dq_iter,
    .getitem = dq_getitem,
    .setitem = dq_setitem,
    .contains = dq_contains,
    .binop = dq_binop,
};

/* ------------------------------------------------------------ snapshots */

/* A dict subtype is [its entries as a plain dict (hashes kept), factory];
 * a deque [its items as a list, maxlen]. */
static bool copy_entries(sp_VM *vm, sp_Dict *to, sp_Dict *from) {
    size_t pos = 0;
    sp_Value k, v;
    while (sp_dict_next(from, &pos, &k, &v))
        if (!spc_dict_append(vm, to, k, spc_dict_hash_at(from, pos), v)) return false;
    return true;
}

/* The collections type o is (or, for a class's instance, derives from). */
static sp_Type *coll_type(sp_Obj *o) { return is_heap(o->type) ? sp_class_solid(o->type) : o->type; }

static int coll_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint) {
    (void)hint;
    if (coll_type(o) == &t_deque) {
        Deque *d = (Deque *)o;
        return v[0] = dq_tolist(vm, d), v[1] = sp_int(d->maxlen), sp_iserr(v[0]) ? -1 : 2;
    }
    v[0] = sp_dict_new(vm);
    if (sp_iserr(v[0]) || !copy_entries(vm, SP_DICT(v[0]), (sp_Dict *)o)) return -1;
    v[1] = coll_type(o) == &t_defaultdict ? DD_FACTORY(sp_objv(o)) : SP_NONEV;
    return 2;
}

static bool coll_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int n) {
    if (n != 2) return sp_raise(vm, &sp_t_ValueError, "bad collection"), false;
    if (coll_type(o) != &t_deque) {
        if (!sp_isdict(v[0])) return sp_raise(vm, &sp_t_ValueError, "bad collection"), false;
        if (coll_type(o) == &t_defaultdict) DD_FACTORY(sp_objv(o)) = v[1];
        return copy_entries(vm, (sp_Dict *)o, SP_DICT(v[0]));
    }
    Deque *d = (Deque *)o;
    if (!sp_islist(v[0]) || !sp_snap_int(vm, v[1], -1, INT64_MAX, &d->maxlen) ||
        (d->maxlen >= 0 && SP_LIST(v[0])->n > (size_t)d->maxlen))
        return sp_raise(vm, &sp_t_ValueError, "bad deque"), false;
    for (size_t i = 0; i < SP_LIST(v[0])->n; i++)
        if (!dq_push(vm, d, SP_LIST(v[0])->items[i], false)) return false;
    return true;
}

static sp_Obj *dsub_obj(sp_VM *vm, sp_Type *t) {
    sp_Value v = dsub_alloc(vm, t);
    return sp_iserr(v) ? NULL : SP_O(v);
}
static sp_Obj *dd_alloc(sp_VM *vm, uint32_t h) { return (void)h, dsub_obj(vm, &t_defaultdict); }
static sp_Obj *od_alloc(sp_VM *vm, uint32_t h) { return (void)h, dsub_obj(vm, &t_odict); }
static sp_Obj *ctr_alloc(sp_VM *vm, uint32_t h) { return (void)h, dsub_obj(vm, &t_counter); }
static sp_Obj *dq_alloc0(sp_VM *vm, uint32_t h) { return (void)h, (sp_Obj *)dq_alloc(vm, &t_deque, -1); }

const sp_SnapKind sp_snap_collections[] = {
    {"collections.deque", &t_deque, false, coll_save, dq_alloc0, coll_fill},
    {"collections.defaultdict", &t_defaultdict, false, coll_save, dd_alloc, coll_fill},
    {"collections.OrderedDict", &t_odict, false, coll_save, od_alloc, coll_fill},
    {"collections.Counter", &t_counter, false, coll_save, ctr_alloc, coll_fill},
    /* not collections': the one table of native kinds sp_class.c can use */
    {"member_descriptor", &sp_t_member, false, sp_class_member_save, sp_class_member_alloc,
     sp_class_member_fill},
    {NULL, NULL, false, NULL, NULL, NULL},
};

/* ------------------------------------------------------------ classes */

sp_Type *sp_coll_solid(sp_Type *b) {
    return b == &t_defaultdict || b == &t_odict || b == &t_counter || b == &t_deque ? b : NULL;
}

sp_Value sp_coll_alloc(sp_VM *vm, sp_Type *t, sp_Type *solid) {
    if (solid != &t_deque) return dsub_alloc(vm, t);
    Deque *d = dq_alloc(vm, t, -1);
    return d ? sp_objv(d) : SP_ERRV;
}

/* The builtin __init__ of a class that defines none. */
sp_Value sp_coll_init(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Type *s = sp_class_solid(sp_typeof(self));
    bool ok = s == &t_defaultdict ? dd_init(vm, self, args, nargs, kw)
              : s == &t_odict     ? od_init(vm, self, args, nargs, kw)
              : s == &t_counter   ? counter_init(vm, self, args, nargs, kw)
                                  : dq_init(vm, self, args, nargs, kw);
    return ok ? SP_NONEV : SP_ERRV;
}

/* ============================================================ namedtuple */

/* A namedtuple class: a type object allocated per namedtuple() call, of
 * metatype t_ntmeta (which marks the fields below for the GC).  Its
 * instances are plain sp_Tuple layouts whose type is this class. */
typedef struct NTType {
    sp_Type t;
    sp_Value fields;   /* tuple of interned str */
    sp_Value defaults; /* dict field -> default */
    sp_Value module;   /* str */
    sp_Value doc;      /* "Point(x, y)" */
    uint32_t hidden;   /* the layout under `class P(NamedTuple)`: not in P's visible MRO */
    char name[];
} NTType;

/* The namedtuple class t is or derives from (a user class may extend one). */
static NTType *nt_of(sp_Type *t) {
    while (t->h.type != &t_ntmeta && t->base) t = t->base;
    return (NTType *)t;
}
#define NT(t) nt_of((sp_Type *)(t))

bool spc_is_ntclass(sp_Type *t) { return t->h.type == &t_ntmeta; }
bool sp_nt_meta(sp_Type *t) { return t == &t_ntmeta; }

static bool nt_hidden(sp_Value v) {
    return v.tag == SP_OBJ && v.u.o->type == &t_ntmeta && ((NTType *)v.u.o)->hidden;
}

sp_Type *sp_nt_shown_base(sp_Type *t) {
    return t && nt_hidden(sp_objv(t)) ? t->base : t;
}

/* `class P(NamedTuple)` is a class deriving from a hidden namedtuple class
 * (its layout and slots); __mro__ drops it and __bases__ shows tuple in
 * its place, as CPython's single class P(tuple) would. */
sp_Value sp_nt_shown(sp_VM *vm, sp_Value types, bool drop) {
    sp_Tuple *in = SP_TUPLE(types);
    size_t nh = 0;
    for (size_t i = 0; i < in->n; i++) nh += nt_hidden(in->items[i]);
    if (!nh) return types;
    sp_Value r = sp_tuple_new(vm, in->n - (drop ? nh : 0));
    for (size_t i = 0, k = 0; !sp_iserr(r) && i < in->n; i++) {
        sp_Value v = in->items[i];
        if (nt_hidden(v) && drop) continue;
        SP_TUPLE(r)->items[k++] = nt_hidden(v) ? sp_objv(SP_AS(sp_Type, v)->base) : v;
    }
    return r;
}

/* "missing 2 required positional arguments: 'x' and 'y'" */
static sp_Value nt_missing(sp_VM *vm, sp_Type *t, sp_Value *vals) {
    sp_Tuple *f = SP_TUPLE(NT(t)->fields);
    size_t miss = 0;
    for (size_t i = 0; i < f->n; i++) miss += sp_isnull(vals[i]);
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = true;
    for (size_t i = 0, seen = 0; ok && i < f->n; i++) {
        if (!sp_isnull(vals[i])) continue;
        seen++;
        const char *sep = seen == 1 ? "" : seen < miss ? ", " : miss == 2 ? " and " : ", and ";
        ok = sp_buf_adds(&b, sep) && sp_buf_addv(&b, f->items[i], true);
    }
    sp_Value names = ok ? sp_buf_tostr(&b) : (sp_buf_free(&b), SP_ERRV);
    if (sp_iserr(names)) return names;
    return sp_raise(vm, &sp_t_TypeError, "%s.__new__() missing %zu required positional argument%s: %S",
                    t->name, miss, miss == 1 ? "" : "s", names);
}

/* A fresh instance of namedtuple class t (never the shared empty tuple,
 * whose type must not change). */
static sp_Value nt_alloc(sp_VM *vm, sp_Type *t, size_t n, const sp_Value *items) {
    size_t sz;
    if (!sp_size_mul(vm, n, sizeof(sp_Value), &sz)) return SP_ERRV;
    sp_Tuple *r = sp_newobj(vm, t, sp_inst_size(t, sizeof(sp_Tuple) + sz));
    if (!r) return SP_ERRV;
    r->hash = -1;
    r->n = n;
    for (size_t i = 0; i < n; i++) r->items[i] = items ? items[i] : SP_NONEV;
    return sp_objv(r);
}

/* Bind Point(*args, **kw) like the generated `def __new__(_cls, x, y)`. */
static sp_Value nt_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Tuple *f = SP_TUPLE(NT(t)->fields);
    sp_Dict *defs = SP_DICT(NT(t)->defaults);
    size_t nf = f->n, nd = sp_dict_len(defs);
    if ((size_t)nargs > nf) {
        if (nd)
            return sp_raise(vm, &sp_t_TypeError,
                            "%s.__new__() takes from %lld to %lld positional arguments but %d were given",
                            t->name, (long long)(nf - nd + 1), (long long)(nf + 1), nargs + 1);
        return sp_raise(vm, &sp_t_TypeError, "%s.__new__() takes %lld positional argument%s but %d were given",
                        t->name, (long long)(nf + 1), nf == 0 ? "" : "s", nargs + 1);
    }
    sp_Value r = nt_alloc(vm, t, nf, NULL);
    if (sp_iserr(r)) return r;
    sp_Value *vals = SP_TUPLE(r)->items;
    for (size_t i = 0; i < nf; i++) vals[i] = (int)i < nargs ? args[i] : SP_NULLV;
    for (size_t k = 0; kw && k < kw->n; k++) {
        sp_Str *name = SP_STR(kw->items[k]);
        size_t i = 0;
        while (i < nf && !sp_str_eq(SP_STR(f->items[i]), name)) i++;
        if (i == nf)
            return sp_raise(vm, &sp_t_TypeError, "%s.__new__() got an unexpected keyword argument '%U'", t->name, name);
        if (!sp_isnull(vals[i]))
            return sp_raise(vm, &sp_t_TypeError, "%s.__new__() got multiple values for argument '%U'", t->name, name);
        vals[i] = args[nargs + (int)k];
    }
    for (size_t i = 0; i < nf; i++)
        if (sp_isnull(vals[i])) {
            sp_Value d = sp_dict_gets(defs, SP_STR(f->items[i]));
            if (!sp_isnull(d)) vals[i] = d;
        }
    for (size_t i = 0; i < nf; i++)
        if (sp_isnull(vals[i])) {
            sp_Value e = nt_missing(vm, t, vals);
            for (size_t j = 0; j < nf; j++) vals[j] = SP_NONEV; /* keep the dead tuple well-formed */
            return e;
        }
    return r;
}

static sp_Value nt_repr(sp_VM *vm, sp_Value self) {
    sp_Tuple *f = SP_TUPLE(NT(SP_O(self)->type)->fields), *v = SP_TUPLE(self);
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_buf_adds(&b, sp_typeof(self)->name) && sp_buf_addc(&b, '(');
    for (size_t i = 0; ok && i < f->n && i < v->n; i++)
        ok = (i == 0 || sp_buf_adds(&b, ", ")) && sp_buf_addv(&b, f->items[i], false) &&
             sp_buf_addc(&b, '=') && sp_buf_addv(&b, v->items[i], true);
    if (!ok || !sp_buf_addc(&b, ')')) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

static int64_t nt_field(sp_Type *t, sp_Str *name) {
    sp_Tuple *f = SP_TUPLE(NT(t)->fields);
    for (size_t i = 0; i < f->n; i++)
        if (SP_O(f->items[i]) == &name->h || sp_str_eq(SP_STR(f->items[i]), name)) return (int64_t)i;
    return -1;
}

/* Class-level attributes every namedtuple has, for the class and instances. */
static sp_Value nt_classattr(sp_Type *t, sp_Str *name) {
    if (sp_str_eqc(name, "_fields") || sp_str_eqc(name, "__match_args__")) return NT(t)->fields;
    if (sp_str_eqc(name, "_field_defaults")) return NT(t)->defaults;
    return SP_NULLV;
}

static sp_Value nt_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    sp_Type *t = sp_typeof(self);
    int64_t i = nt_field(t, name);
    if (i >= 0) return SP_TUPLE(self)->items[i];
    sp_Value v = nt_classattr(t, name);
    return sp_isnull(v) ? sp_generic_getattr(vm, self, name) : v;
}

static bool nt_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    if (nt_field(sp_typeof(self), name) >= 0)
        sp_raise(vm, &sp_t_AttributeError, sp_isnull(v) ? "can't delete attribute" : "can't set attribute");
    else
        sp_raise(vm, &sp_t_AttributeError, "'%T' object has no attribute '%U'", self, name);
    return false;
}

/* Forwarded tuple slots. */
static void nt_traverse(sp_VM *vm, sp_Obj *o) { sp_t_tuple.traverse(vm, o); }
static bool nt_hash(sp_VM *vm, sp_Value s, int64_t *out) { return sp_t_tuple.hash(vm, s, out); }
static sp_Value nt_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) { return sp_t_tuple.richcmp(vm, a, b, op); }
static int64_t nt_len(sp_VM *vm, sp_Value s) { return sp_t_tuple.len(vm, s); }
static sp_Value nt_iter(sp_VM *vm, sp_Value s) { return sp_t_tuple.iter(vm, s); }
static sp_Value nt_getitem(sp_VM *vm, sp_Value s, sp_Value k) { return sp_t_tuple.getitem(vm, s, k); }
static int nt_contains(sp_VM *vm, sp_Value s, sp_Value x) { return sp_t_tuple.contains(vm, s, x); }
static sp_Value nt_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) { return sp_t_tuple.binop(vm, op, a, b); }

static bool is_nt(sp_Value v) { return v.tag == SP_OBJ && NT(v.u.o->type)->t.h.type == &t_ntmeta; }

static bool nt_self(sp_VM *vm, sp_Value *args, int nargs, const char *name) {
    if (nargs >= 1 && is_nt(args[0])) return true;
    sp_raise(vm, &sp_t_TypeError, "%s() needs a namedtuple instance", name);
    return false;
}

/* cls._make(iterable) */
static sp_Value nt_make(sp_VM *vm, sp_Type *t, sp_Value iterable) {
    sp_Value r = sp_tuple_from_iter(vm, iterable);
    if (sp_iserr(r)) return r;
    size_t nf = SP_TUPLE(NT(t)->fields)->n;
    if (SP_TUPLE(r)->n != nf)
        return sp_raise(vm, &sp_t_TypeError, "Expected %zu arguments, got %zu", nf, SP_TUPLE(r)->n);
    return nt_alloc(vm, t, nf, SP_TUPLE(r)->items);
}

static sp_Value m_nt_make(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs < 1 || args[0].tag != SP_OBJ || !sp_isinst(args[0], &sp_t_type) ||
        NT(SP_O(args[0]))->t.h.type != &t_ntmeta)
        return sp_raise(vm, &sp_t_TypeError, "_make() needs a namedtuple class");
    if (!spc_nokw(vm, "_make", kw) || !spc_nargs(vm, "_make", nargs - 1, 1, 1)) return SP_ERRV;
    return nt_make(vm, (sp_Type *)SP_O(args[0]), args[1]);
}

static sp_Value m_nt_replace(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!nt_self(vm, args, nargs, "_replace")) return SP_ERRV;
    if (nargs > 1)
        return sp_raise(vm, &sp_t_TypeError, "_replace() takes 1 positional argument but %d were given", nargs);
    sp_Type *t = sp_typeof(args[0]);
    sp_Tuple *self = SP_TUPLE(args[0]);
    sp_Value r = nt_alloc(vm, t, self->n, self->items);
    if (sp_iserr(r) || !sp_pin(vm, r)) return SP_ERRV;
    sp_Value bad = sp_list_with_cap(vm, 0);
    bool ok = !sp_iserr(bad) && sp_pin(vm, bad);
    for (size_t k = 0; ok && kw && k < kw->n; k++) {
        int64_t i = nt_field(t, SP_STR(kw->items[k]));
        if (i >= 0 && (size_t)i < SP_TUPLE(r)->n) SP_TUPLE(r)->items[i] = args[nargs + (int)k];
        else ok = sp_list_append(vm, SP_LIST(bad), kw->items[k]);
    }
    if (ok && SP_LIST(bad)->n) {
        sp_raise(vm, &sp_t_ValueError, "Got unexpected field names: %R", bad);
        ok = false;
    }
    sp_unpin(vm, ok || !sp_iserr(bad) ? 2 : 1);
    return ok ? r : SP_ERRV;
}

static sp_Value m_nt_asdict(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!nt_self(vm, args, nargs, "_asdict") || !spc_noargs(vm, "_asdict", nargs - 1, kw)) return SP_ERRV;
    sp_Tuple *f = SP_TUPLE(NT(SP_O(args[0])->type)->fields), *v = SP_TUPLE(args[0]);
    sp_Value d = sp_dict_new(vm);
    for (size_t i = 0; !sp_iserr(d) && i < f->n && i < v->n; i++)
        if (!sp_dict_sets(vm, SP_DICT(d), SP_STR(f->items[i]), v->items[i])) return SP_ERRV;
    return d;
}

static sp_Value m_nt_getnewargs(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!nt_self(vm, args, nargs, "__getnewargs__") || !spc_noargs(vm, "__getnewargs__", nargs - 1, kw))
        return SP_ERRV;
    return sp_tuple_pack(vm, SP_TUPLE(args[0])->n, SP_TUPLE(args[0])->items);
}

static const sp_MethodDef nt_methods[] = {
    {"_make", m_nt_make, SP_METH_CLASS}, {"_replace", m_nt_replace, 0},
    {"_asdict", m_nt_asdict, 0},         {"__getnewargs__", m_nt_getnewargs, 0},
    {NULL, NULL, 0},
};

/* ---- the metatype */

static void ntmeta_traverse(sp_VM *vm, sp_Obj *o) {
    NTType *t = (NTType *)o;
    sp_gc_markv(vm, t->fields);
    sp_gc_markv(vm, t->defaults);
    sp_gc_markv(vm, t->module);
    sp_gc_markv(vm, t->doc);
}

static sp_Value ntmeta_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Type *t = (sp_Type *)SP_O(self);
    return t->new_(vm, t, args, nargs, kw);
}

static sp_Value ntmeta_repr(sp_VM *vm, sp_Value self) {
    NTType *t = NT(SP_O(self));
    return sp_fmt(vm, "<class '%S.%s'>", t->module, t->name);
}

static sp_Value ntmeta_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    NTType *t = NT(SP_O(self));
    sp_Value v = nt_classattr(&t->t, name);
    if (!sp_isnull(v)) return v;
    if (sp_str_eqc(name, "__module__")) return t->module;
    if (sp_str_eqc(name, "__doc__")) return t->doc;
    return sp_t_type.getattr(vm, self, name);
}

static bool ntmeta_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    NTType *t = NT(SP_O(self));
    if (sp_str_eqc(name, "__module__") && sp_isstr(v)) return t->module = v, true;
    if (sp_str_eqc(name, "__doc__") && !sp_isnull(v)) return t->doc = v, true;
    sp_raise(vm, &sp_t_TypeError, "cannot set '%U' attribute of namedtuple class '%s'", name, t->name);
    return false;
}

/* `class P(namedtuple(...))`: the class statement picks this metatype;
 * the new class is an ordinary one deriving from the namedtuple class. */
static sp_Value ntmeta_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    if (nargs != 3 || !SPC_ISTUPLE(args[1]) || !SPC_ISDICT(args[2]))
        return sp_raise(vm, &sp_t_TypeError, "type() takes 1 or 3 arguments");
    sp_Tuple *bases = SP_TUPLE(args[1]);
    static const char *const attrs[] = {"_fields", "_field_defaults", "__match_args__"};
    for (size_t i = 0; i < bases->n; i++) { /* class-level names the class inherits */
        if (sp_typeof(bases->items[i]) != &t_ntmeta) continue;
        NTType *nt = NT(SP_O(bases->items[i]));
        sp_Value v[3] = {nt->fields, nt->defaults, nt->fields};
        for (int k = 0; k < 3; k++) {
            sp_Value n = sp_str_intern_cstr(vm, attrs[k]);
            if (sp_iserr(n)) return n;
            if (sp_isnull(sp_dict_gets(SP_DICT(args[2]), SP_STR(n))) &&
                !sp_dict_sets(vm, SP_DICT(args[2]), SP_STR(n), v[k]))
                return SP_ERRV;
        }
        break;
    }
    return sp_class_type_new(vm, &sp_t_type, args[0], args[1], args[2], args + nargs, kw);
}

static sp_Type t_ntmeta = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "type",
    .base = &sp_t_type,
    .new_ = ntmeta_new,
    .traverse = ntmeta_traverse,
    .call = ntmeta_call,
    .repr = ntmeta_repr,
    .getattr = ntmeta_getattr,
    .setattr = ntmeta_setattr,
};

/* ---- namedtuple() */

static const char *const py_keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield", NULL,
};

static bool is_keyword(sp_Str *s) {
    for (const char *const *k = py_keywords; *k; k++)
        if (sp_str_eqc(s, *k)) return true;
    return false;
}

static int is_identifier(sp_VM *vm, sp_Value s) {
    sp_Value m = sp_getattrs(vm, s, "isidentifier");
    sp_Value r = sp_iserr(m) ? m : sp_call0(vm, m);
    return sp_iserr(r) ? -1 : sp_truthy(vm, r);
}

/* The field names as a list of str (split a string on commas/space). */
static sp_Value nt_field_list(sp_VM *vm, sp_Value names) {
    if (sp_isstr(names)) {
        sp_Str *s = SP_STR(names);
        sp_Value l = sp_list_with_cap(vm, 0);
        if (sp_iserr(l)) return l;
        for (size_t i = 0; i < s->len;) {
            while (i < s->len && strchr(" ,\t\n\r\v\f", s->data[i])) i++;
            size_t j = i;
            while (j < s->len && !strchr(" ,\t\n\r\v\f", s->data[j])) j++;
            if (j == i) break;
            sp_Value w = sp_str_new(vm, s->data + i, j - i);
            if (sp_iserr(w) || !sp_list_append(vm, SP_LIST(l), w)) return SP_ERRV;
            i = j;
        }
        return l;
    }
    sp_Value l = sp_list_from_iter(vm, names);
    if (sp_iserr(l) || !sp_pin(vm, l)) return SP_ERRV;
    for (size_t i = 0; i < SP_LIST(l)->n; i++) {
        sp_Value s = sp_str(vm, SP_LIST(l)->items[i]);
        if (sp_iserr(s)) return sp_unpin(vm, 1), SP_ERRV;
        SP_LIST(l)->items[i] = s;
    }
    sp_unpin(vm, 1);
    return l;
}

static bool nt_bad_name(sp_VM *vm, sp_Value s, bool field, sp_Value seen) {
    int id = is_identifier(vm, s);
    if (id < 0) return true;
    if (!id)
        return sp_raise(vm, &sp_t_ValueError, "Type names and field names must be valid identifiers: %R", s), true;
    if (is_keyword(SP_STR(s)))
        return sp_raise(vm, &sp_t_ValueError, "Type names and field names cannot be a keyword: %R", s), true;
    if (!field) return false;
    if (SP_STR(s)->data[0] == '_')
        return sp_raise(vm, &sp_t_ValueError, "Field names cannot start with an underscore: %R", s), true;
    int in = sp_set_contains(vm, seen, s);
    if (in) return in > 0 ? (sp_raise(vm, &sp_t_ValueError, "Encountered duplicate field name: %R", s), true) : true;
    return sp_set_add(vm, seen, s) < 0;
}

/* rename=True: invalid, keyword, underscored or repeated names -> _index. */
static bool nt_rename(sp_VM *vm, sp_List *l) {
    sp_Value seen = sp_set_new(vm, &sp_t_set);
    if (sp_iserr(seen) || !sp_pin(vm, seen)) return false;
    bool ok = true;
    for (size_t i = 0; ok && i < l->n; i++) {
        sp_Value s = l->items[i];
        int id = is_identifier(vm, s), in = id < 0 ? -1 : sp_set_contains(vm, seen, s);
        ok = in >= 0 && sp_set_add(vm, seen, s) >= 0;
        if (ok && (!id || is_keyword(SP_STR(s)) || SP_STR(s)->data[0] == '_' || in)) {
            sp_Value r = sp_fmt(vm, "_%zu", i);
            ok = !sp_iserr(r);
            if (ok) l->items[i] = r;
        }
    }
    sp_unpin(vm, 1);
    return ok;
}

static sp_Value nt_doc(sp_VM *vm, const char *name, sp_Value fields) {
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_buf_adds(&b, name) && sp_buf_addc(&b, '(');
    for (size_t i = 0; ok && i < SP_TUPLE(fields)->n; i++)
        ok = (i == 0 || sp_buf_adds(&b, ", ")) && sp_buf_addv(&b, SP_TUPLE(fields)->items[i], false);
    if (!ok || !sp_buf_addc(&b, ')')) return sp_buf_free(&b), SP_ERRV;
    return sp_buf_tostr(&b);
}

/* The slots every namedtuple class has (its header and name are its own). */
static const sp_Type nt_slots = {
    .base = &sp_t_tuple, .methods = nt_methods, .traverse = nt_traverse, .new_ = nt_new,
    .repr = nt_repr, .hash = nt_hash, .richcmp = nt_richcmp, .len = nt_len, .iter = nt_iter,
    .getitem = nt_getitem, .contains = nt_contains, .binop = nt_binop, .getattr = nt_getattr,
    .setattr = nt_setattr,
};

/* A namedtuple class with a name of len bytes (zeroed) and no fields yet. */
static NTType *nt_type_alloc(sp_VM *vm, size_t len) {
    NTType *t = sp_newobj(vm, &t_ntmeta, sizeof(NTType) + len + 1);
    if (!t) return NULL;
    sp_Obj h = t->t.h;
    t->t = nt_slots;
    t->t.h = h;
    t->t.name = t->name;
    t->fields = sp_objv(&sp_empty_tuple), t->defaults = t->module = t->doc = SP_NONEV;
    t->hidden = 0;
    return t;
}

static sp_Value nt_build(sp_VM *vm, sp_Str *name, sp_List *fl, sp_Value defaults, sp_Value module) {
    for (size_t i = 0; i < fl->n; i++) {
        sp_Value s = sp_str_intern(vm, SP_STR(fl->items[i])->data, SP_STR(fl->items[i])->len);
        if (sp_iserr(s)) return s;
        fl->items[i] = s;
    }
    sp_Value fields = sp_tuple_pack(vm, fl->n, fl->items);
    if (sp_iserr(fields) || !sp_pin(vm, fields)) return SP_ERRV;
    sp_Value defs = sp_dict_new(vm);
    bool ok = !sp_iserr(defs) && sp_pin(vm, defs);
    if (!ok) return sp_unpin(vm, 1), SP_ERRV;
    size_t nd = sp_isnull(defaults) ? 0 : SP_TUPLE(defaults)->n, nf = fl->n;
    for (size_t i = 0; ok && i < nd; i++)
        ok = sp_dict_sets(vm, SP_DICT(defs), SP_STR(fl->items[nf - nd + i]), SP_TUPLE(defaults)->items[i]);
    NTType *t = ok ? nt_type_alloc(vm, name->len) : NULL;
    sp_unpin(vm, 2);
    if (!t) return SP_ERRV;
    memcpy(t->name, name->data, name->len + 1);
    t->fields = fields;
    t->defaults = defs;
    t->module = module;
    t->doc = SP_NONEV;
    sp_Value tv = sp_objv(t);
    if (!sp_pin(vm, tv)) return SP_ERRV;
    t->doc = nt_doc(vm, t->name, fields);
    sp_unpin(vm, 1);
    return sp_iserr(t->doc) ? SP_ERRV : tv;
}

static sp_Value nt_check_and_build(sp_VM *vm, sp_Value typename, sp_Value fl, sp_Value *a) {
    sp_List *l = SP_LIST(fl);
    int rename = sp_isnull(a[0]) ? 0 : sp_truthy(vm, a[0]);
    if (rename < 0 || (rename && !nt_rename(vm, l))) return SP_ERRV;
    sp_Value seen = sp_set_new(vm, &sp_t_set);
    if (sp_iserr(seen) || !sp_pin(vm, seen)) return SP_ERRV;
    bool bad = nt_bad_name(vm, typename, false, seen);
    for (size_t i = 0; !bad && i < l->n; i++) bad = nt_bad_name(vm, l->items[i], false, seen);
    for (size_t i = 0; !bad && !rename && i < l->n; i++) bad = nt_bad_name(vm, l->items[i], true, seen);
    if (!bad && rename) /* renamed names still must not repeat (checked once) */
        for (size_t i = 0; !bad && i < l->n; i++) {
            int in = sp_set_contains(vm, seen, l->items[i]);
            bad = in < 0 || (in && (sp_raise(vm, &sp_t_ValueError, "Encountered duplicate field name: %R", l->items[i]), true)) ||
                  sp_set_add(vm, seen, l->items[i]) < 0;
        }
    sp_unpin(vm, 1);
    if (bad) return SP_ERRV;
    sp_Value defaults = SP_NULLV;
    if (!sp_isnull(a[1]) && !sp_isnone(a[1])) {
        defaults = sp_tuple_from_iter(vm, a[1]);
        if (sp_iserr(defaults)) return defaults;
        if (SP_TUPLE(defaults)->n > l->n)
            return sp_raise(vm, &sp_t_TypeError, "Got more default values than field names");
    }
    if (!sp_pin(vm, defaults)) return SP_ERRV;
    sp_Value module = sp_isnull(a[2]) || sp_isnone(a[2]) ? sp_str_intern_cstr(vm, "__main__") : a[2];
    sp_Value r = sp_iserr(module) ? module : nt_build(vm, SP_STR(typename), l, defaults, module);
    sp_unpin(vm, 1);
    return r;
}

static sp_Value f_namedtuple(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[5];
    if (!sp_parse_args(vm, "namedtuple", args, nargs, kw, "typename,field_names|$rename,defaults,module", a))
        return SP_ERRV;
    sp_Value fl = nt_field_list(vm, a[1]);
    if (sp_iserr(fl) || !sp_pin(vm, fl)) return SP_ERRV;
    sp_Value name = sp_str(vm, a[0]);
    sp_Value r = sp_iserr(name) || !sp_pin(vm, name) ? SP_ERRV : nt_check_and_build(vm, name, fl, a + 2);
    sp_unpin(vm, sp_iserr(name) ? 1 : 2);
    return r;
}

/* ---- typing.NamedTuple: `class P(NamedTuple): x: int` */

/* NamedTuple is a type whose metatype builds the class: a namedtuple()
 * class from the annotations and defaults, then a class deriving from it
 * with the rest of the body (methods, docstring), so instances are plain
 * namedtuple layouts. */
static sp_Type t_ntbuilder;

/* One field name (a str) and, when the body gave one, its default. */
static sp_Value ntc_fields(sp_VM *vm, sp_Dict *ns, sp_Value *defaults) {
    sp_Value ann = sp_dict_gets(ns, SP_NAME(annotations));
    sp_Value fl = sp_list_with_cap(vm, 0), dl = sp_list_with_cap(vm, 0);
    if (sp_iserr(fl) || sp_iserr(dl) || !pin2(vm, fl, dl)) return SP_ERRV;
    bool ok = true;
    size_t pos = 0;
    sp_Value k, v;
    while (ok && SPC_ISDICT(ann) && sp_dict_next(SP_DICT(ann), &pos, &k, &v)) {
        sp_Value d = sp_isstr(k) ? sp_dict_gets(ns, SP_STR(k)) : SP_NULLV;
        if (sp_isnull(d) && SP_LIST(dl)->n) {
            sp_Value prev = SP_LIST(fl)->items[SP_LIST(fl)->n - SP_LIST(dl)->n];
            sp_raise(vm, &sp_t_TypeError, "Non-default namedtuple field %U cannot follow default field%s %S",
                     SP_STR(k), SP_LIST(dl)->n > 1 ? "s" : "", prev);
            ok = false;
        } else {
            ok = sp_list_append(vm, SP_LIST(fl), k) && (sp_isnull(d) || sp_list_append(vm, SP_LIST(dl), d));
        }
    }
    sp_unpin(vm, 2);
    if (!ok) return SP_ERRV;
    *defaults = SP_LIST(dl)->n ? sp_tuple_pack(vm, SP_LIST(dl)->n, SP_LIST(dl)->items) : SP_NULLV;
    return sp_iserr(*defaults) ? SP_ERRV : fl;
}

/* The class body minus the field defaults, plus what namedtuple classes
 * expose at class level. */
static bool ntc_namespace(sp_VM *vm, sp_Dict *ns, NTType *nt) {
    sp_Tuple *f = SP_TUPLE(nt->fields);
    for (size_t i = 0; i < f->n; i++)
        if (sp_dict_del(vm, ns, f->items[i]) < 0) return false;
    sp_Value empty = sp_objv(&sp_empty_tuple);
    return sp_dict_sets(vm, ns, SP_NAME(fields), nt->fields) &&
           sp_dict_sets(vm, ns, SP_NAME(field_defaults), nt->defaults) &&
           sp_dict_sets(vm, ns, SP_NAME(match_args), nt->fields) &&
           sp_dict_sets(vm, ns, SP_NAME(slots), empty);
}

/* CPython's class statement records the bases NamedTuple's __mro_entries__
 * replaced. */
static bool ntc_orig_bases(sp_VM *vm, sp_Dict *ns, sp_Value bases) {
    sp_Str *k = SP_NAME(orig_bases);
    return !sp_isnull(sp_dict_gets(ns, k)) || !SPC_ISTUPLE(bases) || sp_dict_sets(vm, ns, k, bases);
}

/* NamedTupleMeta(name, bases, ns) */
static sp_Value ntc_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    if (nargs != 3 || (kw && kw->n) || !sp_isstr(args[0]) || !SPC_ISDICT(args[2]))
        return sp_raise(vm, &sp_t_TypeError, "NamedTuple class creation needs (name, bases, namespace)");
    sp_Dict *ns = SP_DICT(args[2]);
    sp_Value defaults = SP_NULLV, fl = ntc_fields(vm, ns, &defaults);
    if (sp_iserr(fl) || !pin2(vm, fl, defaults)) return SP_ERRV;
    sp_Value mod = sp_dict_gets(ns, SP_NAME(dmodule));
    sp_Value a[3] = {SP_NULLV, defaults, sp_isstr(mod) ? mod : SP_NULLV};
    sp_Value nt = nt_check_and_build(vm, args[0], fl, a);
    sp_Value r = sp_iserr(nt) || !sp_pin(vm, nt) ? SP_ERRV : sp_tuple_pack(vm, 1, &nt);
    if (!sp_iserr(nt)) {
        NT(SP_O(nt))->hidden = 1;
        if (!sp_iserr(r) && ntc_namespace(vm, ns, NT(SP_O(nt))) && ntc_orig_bases(vm, ns, args[1]))
            r = sp_class_type_new(vm, &sp_t_type, args[0], r, args[2], NULL, NULL);
        else r = SP_ERRV;
        sp_unpin(vm, 1);
    }
    sp_unpin(vm, 2);
    return r;
}

/* NamedTuple("P", [("x", int), ("y", float)]) */
static sp_Value ntc_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)self;
    sp_Value a[2];
    if (!sp_parse_args(vm, "NamedTuple", args, nargs, kw, "typename,fields", a)) return SP_ERRV;
    sp_Value pairs = sp_list_from_iter(vm, a[1]);
    if (sp_iserr(pairs) || !sp_pin(vm, pairs)) return SP_ERRV;
    sp_Value names = sp_list_with_cap(vm, SP_LIST(pairs)->n);
    bool ok = !sp_iserr(names) && sp_pin(vm, names);
    for (size_t i = 0; ok && i < SP_LIST(pairs)->n; i++) {
        sp_Value p = SP_LIST(pairs)->items[i];
        if (!SPC_ISTUPLE(p) || SP_TUPLE(p)->n != 2)
            ok = (sp_raise(vm, &sp_t_TypeError, "NamedTuple('Name', [(f0, t0), (f1, t1), ...]); each t must be a type"), false);
        else ok = sp_list_append(vm, SP_LIST(names), SP_TUPLE(p)->items[0]);
    }
    sp_Value r = SP_ERRV, b[3] = {SP_NULLV, SP_NULLV, SP_NULLV};
    if (ok) r = sp_isstr(a[0]) ? nt_check_and_build(vm, a[0], names, b)
                               : sp_raise(vm, &sp_t_TypeError, "NamedTuple() argument 'typename' must be str");
    sp_unpin(vm, sp_iserr(names) ? 1 : 2);
    return r;
}

/* CPython's NamedTuple is a function (seen in P.__orig_bases__). */
static sp_Value ntc_repr(sp_VM *vm, sp_Value self) {
    return sp_fmt(vm, "<function NamedTuple at 0x%llx>", (unsigned long long)sp_obj_id(vm, SP_O(self)));
}

static sp_Type t_ntbuilder = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "typing.NamedTupleMeta",
    .base = &sp_t_type,
    .new_ = ntc_new,
    .call = ntc_call,
    .repr = ntc_repr,
};

static sp_Type t_namedtuple_base = {
    .h = SP_STATIC_HDR(&t_ntbuilder),
    .name = "NamedTuple",
    .base = &sp_t_object,
};

sp_Value spc_typing_namedtuple(void) { return sp_objv(&t_namedtuple_base); }

/* ---- snapshots: a namedtuple class is [name fields defaults module doc hidden]
 * (sp_snap_classes: made before the instances, filled before classes
 * deriving from it are rebuilt); the name's length is the size hint. */

static int ntc_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint) {
    NTType *t = (NTType *)o;
    size_t n = strlen(t->name);
    if (n > SP_NT_NAME_MAX) return sp_raise(vm, &sp_t_OverflowError, "name too long"), -1;
    *hint = (uint32_t)n;
    v[0] = sp_str_new(vm, t->name, n), v[1] = t->fields, v[2] = t->defaults, v[3] = t->module, v[4] = t->doc;
    v[5] = sp_bool(t->hidden);
    return sp_iserr(v[0]) ? -1 : 6;
}

static sp_Obj *ntc_alloc(sp_VM *vm, uint32_t hint) {
    if (hint > SP_NT_NAME_MAX) return sp_raise(vm, &sp_t_ValueError, "bad name"), NULL;
    NTType *t = nt_type_alloc(vm, hint);
    sp_Value d = t ? sp_dict_new(vm) : SP_ERRV;
    if (sp_iserr(d)) return NULL;
    return t->defaults = d, &t->t.h;
}

static bool ntc_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int n) {
    NTType *t = (NTType *)o;
    size_t len = o->size - sizeof(NTType) - 1;
    bool ok = (n == 5 || (n == 6 && sp_isbool(v[5]))) && sp_isstr(v[0]) && SP_STR(v[0])->len == len && !memchr(SP_STR(v[0])->data, 0, len) &&
              sp_istuple(v[1]) && sp_isdict(v[2]) && sp_isstr(v[3]) && !sp_isnull(v[4]);
    for (size_t i = 0; ok && i < SP_TUPLE(v[1])->n; i++) ok = sp_isstr(SP_TUPLE(v[1])->items[i]);
    if (!ok) return sp_raise(vm, &sp_t_ValueError, "bad namedtuple class"), false;
    memcpy(t->name, SP_STR(v[0])->data, len + 1);
    t->fields = v[1], t->defaults = v[2], t->module = v[3], t->doc = v[4];
    t->hidden = n == 6 && v[5].u.i;
    return true;
}

const sp_SnapKind sp_snap_classes[] = {
    {"collections.namedtuple", &t_ntmeta, true, ntc_save, ntc_alloc, ntc_fill},
    {NULL, NULL, false, NULL, NULL, NULL},
};

int64_t sp_snap_nt_fields(sp_Type *t) {
    NTType *nt = NT(t);
    return nt->t.h.type == &t_ntmeta ? (int64_t)SP_TUPLE(nt->fields)->n : -1;
}

/* ============================================================ module */

static const sp_MethodDef coll_funcs[] = {{"namedtuple", f_namedtuple, 0}, {NULL, NULL, 0}};

bool sp_collections_init(sp_VM *vm, sp_Module *m) {
    static const char *const py_names[] = {"ChainMap", NULL}; /* src/sp_chainmap.py */
    return sp_module_add_funcs(vm, m, coll_funcs) &&
           sp_pymod_load(vm, m, SP_CHAINMAP_PY, sizeof SP_CHAINMAP_PY - 1, "collections.py", NULL, py_names) &&
           sp_module_add(vm, m, "defaultdict", sp_objv(&t_defaultdict)) &&
           sp_module_add(vm, m, "Counter", sp_objv(&t_counter)) &&
           sp_module_add(vm, m, "OrderedDict", sp_objv(&t_odict)) &&
           sp_module_add(vm, m, "deque", sp_objv(&t_deque));
}
