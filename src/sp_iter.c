/* sp_iter.c - sequence iterators, reversed, enumerate, zip, map, filter,
 * iter(f, sentinel), iterable -> list/tuple, and the argument/index
 * helpers the container modules share. */
#include "sp_iter.h"
#include "sp_snap.h"

/* ------------------------------------------------------------ arguments */

bool spc_nargs(sp_VM *vm, const char *name, int nargs, int min, int max) {
    if (nargs >= min && (max < 0 || nargs <= max)) return true;
    const char *how = min == max ? "" : nargs < min ? "at least " : "at most ";
    int want = nargs < min ? min : max;
    sp_raise(vm, &sp_t_TypeError, "%s expected %s%d argument%s, got %d", name, how, want,
             want == 1 ? "" : "s", nargs);
    return false;
}

bool spc_nokw(sp_VM *vm, const char *qual, sp_Tuple *kw) {
    if (!kw || kw->n == 0) return true;
    sp_raise(vm, &sp_t_TypeError, "%s() takes no keyword arguments", qual);
    return false;
}

bool spc_noargs(sp_VM *vm, const char *qual, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, qual, kw)) return false;
    if (nargs == 0) return true;
    sp_raise(vm, &sp_t_TypeError, "%s() takes no arguments (%d given)", qual, nargs);
    return false;
}

bool spc_onearg(sp_VM *vm, const char *qual, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, qual, kw)) return false;
    if (nargs == 1) return true;
    sp_raise(vm, &sp_t_TypeError, "%s() takes exactly one argument (%d given)", qual, nargs);
    return false;
}

/* ------------------------------------------------------------ indices */

static bool is_bigint(sp_Value v) { return sp_istype(v, &sp_t_bigint_); }

/* An __index__-able value that is not a plain int: only user classes. */
static bool has_index(sp_Value v) { return (sp_typeof(v)->flags & SP_TF_HEAPTYPE) != 0; }

bool spc_seq_index(sp_VM *vm, sp_Value key, int64_t len, const char *what, const char *oor,
                   int64_t *out) {
    int64_t i;
    if (!sp_isintlike(key) && !has_index(key)) {
        sp_raise(vm, &sp_t_TypeError, "%s indices must be integers or slices, not %T", what, key);
        return false;
    }
    if (!sp_index(vm, key, &i)) return false;
    if (i < 0) i += len;
    if (i < 0 || i >= len) {
        if (oor) sp_raise(vm, &sp_t_IndexError, "%s", oor);
        else sp_raise(vm, &sp_t_IndexError, "%s index out of range", what);
        return false;
    }
    *out = i;
    return true;
}

/* Saturate bigints like CPython's _PyEval_SliceIndex. */
bool spc_slice_int(sp_VM *vm, sp_Value v, int64_t *out) {
    if (v.tag == SP_INT || v.tag == SP_BOOL) {
        *out = v.u.i;
        return true;
    }
    if (is_bigint(v)) {
        *out = sp_int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
        return true;
    }
    if (has_index(v)) return sp_index(vm, v, out);
    sp_raise(vm, &sp_t_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
}

bool spc_clamp_index(sp_VM *vm, sp_Value v, int64_t len, int64_t *out) {
    if (!sp_isintlike(v) && !has_index(v)) {
        sp_raise(vm, &sp_t_TypeError, "slice indices must be integers or have an __index__ method");
        return false;
    }
    int64_t i;
    if (!spc_slice_int(vm, v, &i)) return false;
    if (i < 0) {
        i = i < -len ? 0 : i + len;
    }
    *out = i;
    return true;
}

bool spc_repeat_count(sp_VM *vm, sp_Value n, int64_t *out) {
    if (is_bigint(n)) { /* CPython: OverflowError whatever the sign */
        sp_raise(vm, &sp_t_OverflowError, "cannot fit 'int' into an index-sized integer");
        return false;
    }
    sp_Value i = sp_index_value(vm, n); /* a class's __index__ may give a big int */
    if (sp_iserr(i)) return false;
    if (is_bigint(i)) {
        sp_raise(vm, &sp_t_OverflowError, "cannot fit '%T' into an index-sized integer", n);
        return false;
    }
    *out = i.u.i;
    if (*out < 0) *out = 0;
    return true;
}

sp_Value spc_obj_repr(sp_VM *vm, sp_Value self) {
    return sp_fmt(vm, "<%s object at 0x%llx>", sp_typename(self),
                  (unsigned long long)sp_obj_id(vm, SP_O(self)));
}

/* ------------------------------------------------------------ iterate */

bool spc_foreach(sp_VM *vm, sp_Value v, bool (*fn)(sp_VM *, void *, sp_Value), void *ud) {
    if (SPC_ISSEQ_ITER(v)) {
        for (size_t i = 0;; i++) { /* re-read: fn may run user code */
            size_t n;
            sp_Value *it = spc_items(v, &n);
            if (i >= n) return true;
            if (!fn(vm, ud, it[i]) || !sp_check_limits(vm)) return false;
        }
    }
    sp_Value it = sp_iter(vm, v);
    if (sp_iserr(it) || !sp_pin(vm, it)) return false;
    bool ok = true;
    for (;;) {
        sp_Value x = sp_next(vm, it);
        if (sp_isnull(x)) break;
        if (sp_iserr(x) || !fn(vm, ud, x) || !sp_check_limits(vm)) {
            ok = false;
            break;
        }
    }
    sp_unpin(vm, 1);
    return ok;
}

sp_Value sp_list_from_iter(sp_VM *vm, sp_Value v) {
    if (sp_iserr(v)) return v; /* called on a call's result: keep its error */
    sp_Value l = sp_list_with_cap(vm, 0);
    if (sp_iserr(l) || !sp_pin(vm, l)) return SP_ERRV;
    bool ok = sp_list_extend(vm, SP_LIST(l), v);
    sp_unpin(vm, 1);
    return ok ? l : SP_ERRV;
}

sp_Value sp_tuple_from_iter(sp_VM *vm, sp_Value v) {
    if (sp_istuple(v)) return v;
    sp_Value l = v;
    if (!SPC_ISSEQ_ITER(v)) {
        l = sp_list_from_iter(vm, v);
        if (sp_iserr(l)) return l;
    }
    size_t n;
    sp_Value *items = spc_items(l, &n);
    return sp_tuple_pack(vm, n, items);
}

/* ------------------------------------------------------------ sequence iterators */

typedef sp_SeqIter SeqIter; /* sp_iter.h: FOR_ITER steps list and tuple ones in line */

sp_Value spc_seqiter_new(sp_VM *vm, sp_Type *t, sp_Value seq, int64_t pos) {
    SeqIter *it = sp_newobj_raw(vm, t, sizeof *it); /* every field written here */
    if (!it) return SP_ERRV;
    it->seq = seq;
    it->pos = pos;
    return sp_objv(it);
}

static sp_Value self_iter(sp_VM *vm, sp_Value self) {
    (void)vm;
    return self;
}

static void seqiter_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_markv(vm, ((SeqIter *)o)->seq); }

static sp_Value items_next(sp_VM *vm, sp_Value self) {
    (void)vm;
    return sp_seqiter_items_next((SeqIter *)SP_O(self));
}

static sp_Value list_rev_next(sp_VM *vm, sp_Value self) {
    (void)vm;
    SeqIter *it = (SeqIter *)SP_O(self);
    if (sp_isnull(it->seq)) return SP_NULLV;
    size_t n;
    sp_Value *items = spc_items(it->seq, &n);
    if (it->pos >= 0 && (size_t)it->pos < n) return items[it->pos--];
    it->seq = SP_NULLV;
    return SP_NULLV;
}

/* Generic: seq[pos] until IndexError/StopIteration; step +1 or -1. */
static sp_Value getitem_next(sp_VM *vm, sp_Value self, int step) {
    SeqIter *it = (SeqIter *)SP_O(self);
    if (sp_isnull(it->seq) || it->pos < 0) {
        it->seq = SP_NULLV;
        return SP_NULLV;
    }
    sp_Value x = sp_getitem(vm, it->seq, sp_int(it->pos));
    if (sp_iserr(x)) {
        if (!sp_err_matches(vm, &sp_t_IndexError) && !sp_err_matches(vm, &sp_t_StopIteration))
            return x;
        sp_err_clear(vm);
        it->seq = SP_NULLV;
        return SP_NULLV;
    }
    it->pos += step;
    return x;
}

static sp_Value seq_next(sp_VM *vm, sp_Value self) { return getitem_next(vm, self, 1); }
static sp_Value rev_next(sp_VM *vm, sp_Value self) { return getitem_next(vm, self, -1); }

#define ITER_TYPE(var, nm, nextfn, trav)                                                           \
    sp_Type var = {                                                                                \
        .h = SP_STATIC_HDR(&sp_t_type), .name = nm, .base = &sp_t_object, .traverse = trav,       \
        .repr = spc_obj_repr, .iter = self_iter, .next = nextfn,                                   \
    }

ITER_TYPE(sp_t_list_iterator, "list_iterator", items_next, seqiter_traverse);
ITER_TYPE(sp_t_tuple_iterator, "tuple_iterator", items_next, seqiter_traverse);
ITER_TYPE(sp_t_list_reverseiterator, "list_reverseiterator", list_rev_next, seqiter_traverse);
ITER_TYPE(sp_t_seq_iterator, "iterator", seq_next, seqiter_traverse);

/* ------------------------------------------------------------ reversed */

static sp_Value reversed_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    if (!spc_nokw(vm, "reversed", kw) || !spc_nargs(vm, "reversed", nargs, 1, 1)) return SP_ERRV;
    sp_Value v = args[0];
    sp_Type *vt = sp_typeof(v);
    if (vt == &sp_t_list) return spc_seqiter_new(vm, &sp_t_list_reverseiterator, v, (int64_t)SP_LIST(v)->n - 1);
    sp_Value name = sp_str_intern_cstr(vm, "__reversed__");
    if (sp_iserr(name)) return name;
    sp_Value m = sp_type_lookup(vm, vt, SP_STR(name));
    if (sp_iserr(m)) return m;
    if (!sp_isnull(m) && !sp_isnone(m)) return sp_call1(vm, m, v);
    bool seq = sp_isnull(m) && vt->getitem && vt->len && !sp_issubtype(vt, &sp_t_dict);
    if (seq && (vt->flags & SP_TF_HEAPTYPE)) {
        sp_Value gi = sp_str_intern_cstr(vm, "__getitem__");
        if (sp_iserr(gi)) return gi;
        seq = !sp_isnull(sp_type_lookup(vm, vt, SP_STR(gi)));
    }
    if (!seq) return sp_raise(vm, &sp_t_TypeError, "'%s' object is not reversible", vt->name);
    int64_t n = sp_len(vm, v);
    if (n < 0) return SP_ERRV;
    return spc_seqiter_new(vm, &sp_t_reversed, v, n - 1);
}

sp_Type sp_t_reversed = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "reversed", .base = &sp_t_object,
    .traverse = seqiter_traverse, .new_ = reversed_new, .repr = spc_obj_repr,
    .iter = self_iter, .next = rev_next,
};

/* ------------------------------------------------------------ enumerate */

typedef struct Enumerate {
    sp_Obj h;
    sp_Value it, count; /* count: int or bigint */
} Enumerate;

/* Keyword arguments matched against names; vals[i] SP_NULL when absent.
 * Returns false with CPython's "invalid keyword argument" TypeError. */
static bool take_kw(sp_VM *vm, const char *fname, sp_Value *args, int nargs, sp_Tuple *kw,
                    const char *const *names, sp_Value *vals, int nnames) {
    for (size_t i = 0; kw && i < kw->n; i++) {
        sp_Str *k = SP_STR(kw->items[i]);
        int j = 0;
        while (j < nnames && !sp_str_eqc(k, names[j])) j++;
        if (j == nnames) {
            sp_raise(vm, &sp_t_TypeError, "'%U' is an invalid keyword argument for %s()", k, fname);
            return false;
        }
        if (j < nargs) { /* also given positionally */
            sp_raise(vm, &sp_t_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                     fname, names[j], j + 1);
            return false;
        }
        vals[j] = args[nargs + (int)i];
    }
    return true;
}

static sp_Value enumerate_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    static const char *const names[] = {"iterable", "start"};
    sp_Value v[2] = {SP_NULLV, SP_NULLV};
    int total = nargs + (kw ? (int)kw->n : 0);
    if (total > 2) return sp_raise(vm, &sp_t_TypeError, "enumerate() takes at most 2 arguments (%d given)", total);
    for (int i = 0; i < nargs; i++) v[i] = args[i];
    if (!take_kw(vm, "enumerate", args, nargs, kw, names, v, 2)) return SP_ERRV;
    if (sp_isnull(v[0])) return sp_raise(vm, &sp_t_TypeError, "enumerate() missing required argument 'iterable'");
    sp_Value count = sp_int(0);
    if (!sp_isnull(v[1])) {
        if (sp_isintlike(v[1])) count = v[1].tag == SP_BOOL ? sp_int(v[1].u.i) : v[1];
        else {
            int64_t c;
            if (!sp_index(vm, v[1], &c)) return SP_ERRV;
            count = sp_int(c);
        }
    }
    sp_Value it = sp_iter(vm, v[0]);
    if (sp_iserr(it)) return it;
    Enumerate *e = sp_newobj(vm, t, sizeof *e);
    if (!e) return SP_ERRV;
    e->it = it;
    e->count = count;
    return sp_objv(e);
}

/* next() of the iterator a wrapper (enumerate, zip, map, filter) draws
 * from: wrappers nest without bound (map(f, map(f, ...)) built in a loop),
 * so each level is a C recursion and needs the guard. */
static sp_Value inner_next(sp_VM *vm, sp_Value it) {
    if (!SP_ENTER(vm)) return SP_ERRV;
    sp_Value x = sp_next(vm, it);
    SP_LEAVE(vm);
    return x;
}

static sp_Value enumerate_next(sp_VM *vm, sp_Value self) {
    Enumerate *e = (Enumerate *)SP_O(self);
    sp_Value x = inner_next(vm, e->it);
    if (sp_isnull(x) || sp_iserr(x)) return x;
    sp_Value pair[2] = {e->count, x};
    sp_Value r = sp_tuple_pack(vm, 2, pair);
    if (sp_iserr(r)) return r;
    if (e->count.tag == SP_INT && e->count.u.i < INT64_MAX) e->count.u.i++;
    else {
        if (!sp_pin(vm, r)) return SP_ERRV;
        sp_Value c = sp_int_add(vm, e->count, sp_int(1));
        sp_unpin(vm, 1);
        if (sp_iserr(c)) return c;
        e->count = c;
    }
    return r;
}

static void enumerate_traverse(sp_VM *vm, sp_Obj *o) {
    Enumerate *e = (Enumerate *)o;
    sp_gc_markv(vm, e->it);
    sp_gc_markv(vm, e->count);
}

sp_Type sp_t_enumerate = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "enumerate", .base = &sp_t_object,
    .traverse = enumerate_traverse, .new_ = enumerate_new,
    .repr = spc_obj_repr, .iter = self_iter, .next = enumerate_next,
};

/* ------------------------------------------------------------ zip, map */

/* zip and map both hold a tuple of iterators (and map a function). */
typedef struct Multi {
    sp_Obj h;
    sp_Value iters; /* tuple of iterators; SP_NULL once exhausted */
    sp_Value func;  /* map only */
    bool strict;    /* zip only */
} Multi;

static sp_Value iters_of(sp_VM *vm, sp_Value *args, int n) {
    sp_Value t = sp_tuple_new(vm, (size_t)n);
    if (sp_iserr(t) || !sp_pin(vm, t)) return SP_ERRV;
    for (int i = 0; i < n; i++) {
        sp_Value it = sp_iter(vm, args[i]);
        if (sp_iserr(it)) {
            sp_unpin(vm, 1);
            return it;
        }
        SP_TUPLE(t)->items[i] = it;
    }
    sp_unpin(vm, 1);
    return t;
}

static sp_Value multi_new(sp_VM *vm, sp_Type *t, sp_Value *args, int n, sp_Value func, bool strict) {
    sp_Value iters = iters_of(vm, args, n);
    if (sp_iserr(iters)) return iters;
    Multi *m = sp_newobj(vm, t, sizeof *m);
    if (!m) return SP_ERRV;
    m->iters = iters;
    m->func = func;
    m->strict = strict;
    return sp_objv(m);
}

static sp_Value zip_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    bool strict = false;
    if (kw && kw->n > 1)
        return sp_raise(vm, &sp_t_TypeError, "zip() takes at most 1 keyword argument (%d given)", (int)kw->n);
    if (kw && kw->n == 1) {
        sp_Str *k = SP_STR(kw->items[0]);
        if (!sp_str_eqc(k, "strict"))
            return sp_raise(vm, &sp_t_TypeError, "'%U' is an invalid keyword argument for zip()", k);
        int b = sp_truthy(vm, args[nargs]);
        if (b < 0) return SP_ERRV;
        strict = b;
    }
    return multi_new(vm, t, args, nargs, SP_NULLV, strict);
}

/* The zip(strict=True) length mismatch, after iterator i ran out. */
static sp_Value zip_mismatch(sp_VM *vm, Multi *m, size_t i) {
    sp_Tuple *its = SP_TUPLE(m->iters);
    if (i == 0) {
        for (i = 1; i < its->n; i++) {
            sp_Value x = sp_next(vm, its->items[i]);
            if (sp_iserr(x)) return x;
            if (!sp_isnull(x)) break;
        }
        if (i == its->n) return SP_NULLV;
        return sp_raise(vm, &sp_t_ValueError, "zip() argument %d is longer than argument%s%d",
                        (int)i + 1, i == 1 ? " " : "s 1-", (int)i);
    }
    return sp_raise(vm, &sp_t_ValueError, "zip() argument %d is shorter than argument%s%d",
                    (int)i + 1, i == 1 ? " " : "s 1-", (int)i);
}

/* Next item of every iterator into a fresh tuple (pinned while filling:
 * later iterators may run user code).  SP_NULLV when one ran out. */
static sp_Value multi_step(sp_VM *vm, Multi *m, bool zip) {
    if (sp_isnull(m->iters)) return SP_NULLV;
    sp_Tuple *its = SP_TUPLE(m->iters);
    if (its->n == 0) return SP_NULLV;
    sp_Value r = sp_tuple_new(vm, its->n);
    if (sp_iserr(r) || !sp_pin(vm, r)) return SP_ERRV;
    for (size_t i = 0; i < its->n; i++) {
        sp_Value x = inner_next(vm, its->items[i]);
        if (sp_isnull(x)) {
            r = zip && m->strict ? zip_mismatch(vm, m, i) : SP_NULLV;
            if (!sp_iserr(r)) m->iters = SP_NULLV;
            break;
        }
        if (sp_iserr(x)) {
            r = x;
            break;
        }
        SP_TUPLE(r)->items[i] = x;
    }
    sp_unpin(vm, 1);
    return r;
}

static sp_Value zip_next(sp_VM *vm, sp_Value self) { return multi_step(vm, (Multi *)SP_O(self), true); }

static sp_Value map_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "map", kw)) return SP_ERRV;
    if (nargs < 2) return sp_raise(vm, &sp_t_TypeError, "map() must have at least two arguments.");
    return multi_new(vm, t, args + 1, nargs - 1, args[0], false);
}

static sp_Value map_next(sp_VM *vm, sp_Value self) {
    Multi *m = (Multi *)SP_O(self);
    if (!sp_isnull(m->iters) && SP_TUPLE(m->iters)->n == 1) { /* common case: no tuple */
        sp_Value x = inner_next(vm, SP_TUPLE(m->iters)->items[0]);
        if (sp_isnull(x) || sp_iserr(x)) return x;
        return sp_call1(vm, m->func, x);
    }
    sp_Value a = multi_step(vm, m, false);
    if (sp_isnull(a) || sp_iserr(a) || !sp_pin(vm, a)) return sp_isnull(a) ? a : SP_ERRV;
    sp_Value r = sp_call(vm, m->func, SP_TUPLE(a)->items, (int)SP_TUPLE(a)->n, NULL);
    sp_unpin(vm, 1);
    return r;
}

static void multi_traverse(sp_VM *vm, sp_Obj *o) {
    Multi *m = (Multi *)o;
    sp_gc_markv(vm, m->iters);
    sp_gc_markv(vm, m->func);
}

sp_Type sp_t_zip = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "zip", .base = &sp_t_object,
    .traverse = multi_traverse, .new_ = zip_new,
    .repr = spc_obj_repr, .iter = self_iter, .next = zip_next,
};

sp_Type sp_t_map = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "map", .base = &sp_t_object,
    .traverse = multi_traverse, .new_ = map_new,
    .repr = spc_obj_repr, .iter = self_iter, .next = map_next,
};

/* ------------------------------------------------------------ filter */

static sp_Value filter_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "filter", kw) || !spc_nargs(vm, "filter", nargs, 2, 2)) return SP_ERRV;
    sp_Value it = sp_iter(vm, args[1]);
    if (sp_iserr(it)) return it;
    Multi *m = sp_newobj(vm, t, sizeof *m);
    if (!m) return SP_ERRV;
    m->iters = it;
    m->func = args[0];
    return sp_objv(m);
}

static sp_Value filter_next(sp_VM *vm, sp_Value self) {
    Multi *m = (Multi *)SP_O(self);
    for (;;) { /* may reject every item of an endless iterator: poll */
        sp_Value x = inner_next(vm, m->iters);
        if (sp_isnull(x) || sp_iserr(x) || !sp_check_limits(vm) || !sp_pin(vm, x))
            return sp_isnull(x) ? x : SP_ERRV;
        int ok;
        if (sp_isnone(m->func) || (m->func.tag == SP_OBJ && SP_O(m->func) == (sp_Obj *)&sp_t_bool)) {
            ok = sp_truthy(vm, x);
        } else {
            sp_Value r = sp_call1(vm, m->func, x);
            ok = sp_iserr(r) ? -1 : sp_truthy(vm, r);
        }
        sp_unpin(vm, 1);
        if (ok) return ok < 0 ? SP_ERRV : x;
        if (!sp_check_limits(vm)) return SP_ERRV;
    }
}

sp_Type sp_t_filter = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "filter", .base = &sp_t_object,
    .traverse = multi_traverse, .new_ = filter_new,
    .repr = spc_obj_repr, .iter = self_iter, .next = filter_next,
};

/* ------------------------------------------------------------ iter(f, sentinel) */

typedef struct CallIter {
    sp_Obj h;
    sp_Value fn, sentinel; /* both SP_NULL once exhausted */
} CallIter;

static void calliter_traverse(sp_VM *vm, sp_Obj *o) {
    sp_gc_markv(vm, ((CallIter *)o)->fn);
    sp_gc_markv(vm, ((CallIter *)o)->sentinel);
}

static sp_Value calliter_next(sp_VM *vm, sp_Value self) {
    CallIter *it = (CallIter *)SP_O(self);
    if (sp_isnull(it->fn)) return SP_NULLV;
    sp_Value r = sp_call0(vm, it->fn);
    if (sp_iserr(r)) {
        if (!sp_err_matches(vm, &sp_t_StopIteration)) return r;
        sp_err_clear(vm);
    } else {
        if (!sp_pin(vm, r)) return SP_ERRV;
        int eq = sp_eq(vm, r, it->sentinel);
        sp_unpin(vm, 1);
        if (eq < 0) return SP_ERRV;
        if (!eq) return r;
    }
    it->fn = it->sentinel = SP_NULLV;
    return SP_NULLV;
}

static sp_Type t_calliter = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "callable_iterator", .base = &sp_t_object,
    .traverse = calliter_traverse, .iter = self_iter, .next = calliter_next,
};

sp_Value spc_calliter_new(sp_VM *vm, sp_Value fn, sp_Value sentinel) {
    if (!sp_typeof(fn)->call) return sp_raise(vm, &sp_t_TypeError, "iter(v, w): v must be callable");
    CallIter *it = sp_newobj(vm, &t_calliter, sizeof *it);
    if (!it) return SP_ERRV;
    it->fn = fn, it->sentinel = sentinel;
    return sp_objv(it);
}

/* A snapshot holds (fn, sentinel), or (None, None) once exhausted (None
 * is never callable).  fill runs after the classes are rebuilt, so a
 * callable instance's type has its call slot by then. */
static int calliter_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint) {
    CallIter *it = (CallIter *)o;
    (void)vm, (void)hint;
    bool done = sp_isnull(it->fn);
    v[0] = done ? SP_NONEV : it->fn, v[1] = done ? SP_NONEV : it->sentinel;
    return 2;
}

static sp_Obj *calliter_alloc(sp_VM *vm, uint32_t h) { return (void)h, sp_newobj(vm, &t_calliter, sizeof(CallIter)); }

static bool calliter_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int n) {
    CallIter *it = (CallIter *)o;
    bool done = n == 2 && sp_isnone(v[0]) && sp_isnone(v[1]);
    if (n != 2 || sp_isnull(v[0]) || sp_isnull(v[1]) || !(done || sp_typeof(v[0])->call))
        return sp_raise(vm, &sp_t_ValueError, "bad callable_iterator"), false;
    it->fn = done ? SP_NULLV : v[0], it->sentinel = done ? SP_NULLV : v[1];
    return true;
}

const sp_SnapKind sp_snap_iter[] = {
    {"callable_iterator", &t_calliter, true, calliter_save, calliter_alloc, calliter_fill},
    {NULL, NULL, false, NULL, NULL, NULL},
};
