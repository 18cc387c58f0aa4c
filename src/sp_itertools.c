/* sp_itertools.c - the itertools module: lazy iterator types that behave
 * (results, laziness, reprs, error messages) as CPython 3.11's.
 *
 * Most of these iterators are described by a few values and counters, so
 * they share one object layout (It) and one traverse: each constructor
 * says what its slots mean.  Everything that calls back into Python (a
 * predicate, a key function, an inner iterator that is a generator) may
 * trigger a collection, so values held only in C locals across such calls
 * are pinned.  Nested wrappers recurse in C through next(), hence the
 * depth guard in inner(). */
#include "sp_cont.h"
#include "sp_snap.h"

#define NV 6
typedef struct It {
    sp_Obj h;
    sp_Value v[NV];
    int64_t n[4];
    int64_t *idx; /* combinatoric indices (n[3] entries) */
    int64_t *cyc; /* permutations' cycles */
} It;

#define IT(x) ((It *)SP_O(x))

static void it_traverse(sp_VM *vm, sp_Obj *o) {
    It *it = (It *)o;
    for (int i = 0; i < NV; i++) sp_gc_markv(vm, it->v[i]);
}

static void it_finalize(sp_VM *vm, sp_Obj *o) {
    It *it = (It *)o;
    if (it->idx) sp_free(vm, it->idx, (size_t)it->n[3] * sizeof(int64_t));
    if (it->cyc) sp_free(vm, it->cyc, (size_t)it->n[2] * sizeof(int64_t));
}

static It *it_new(sp_VM *vm, sp_Type *t) {
    It *it = sp_newobj(vm, t, sizeof *it);
    if (it)
        for (int i = 0; i < NV; i++) it->v[i] = SP_NULLV;
    return it;
}

/* A new iterator object whose v[slot] is iter(x): the shape of most
 * constructors here.  NULL with the exception pending. */
static It *it_over(sp_VM *vm, sp_Type *t, sp_Value x, int slot) {
    sp_Value src = sp_iter(vm, x);
    It *it = sp_iserr(src) ? NULL : it_new(vm, t);
    if (it) it->v[slot] = src;
    return it;
}

static sp_Value self_iter(sp_VM *vm, sp_Value self) {
    (void)vm;
    return self;
}

/* next() of an inner iterator: wrappers nest without bound. */
static sp_Value inner(sp_VM *vm, sp_Value it) {
    if (sp_isnull(it)) return SP_NULLV;
    if (!SP_ENTER(vm)) return SP_ERRV;
    sp_Value x = sp_next(vm, it);
    SP_LEAVE(vm);
    return x;
}

/* f(x) with x pinned (f may collect); SP_ERRV on error. */
static sp_Value call1_pinned(sp_VM *vm, sp_Value f, sp_Value x) {
    if (!sp_pin(vm, x)) return SP_ERRV;
    sp_Value r = sp_call1(vm, f, x);
    sp_unpin(vm, 1);
    return r;
}

/* Truth of pred(x) (of x itself for None or bool when none_ok): 1/0/-1.
 * x stays pinned throughout, as the caller may return it. */
static int test(sp_VM *vm, sp_Value pred, sp_Value x, bool none_ok) {
    if (!sp_pin(vm, x)) return -1;
    int t;
    if (none_ok && (sp_isnone(pred) || (pred.tag == SP_OBJ && SP_O(pred) == (sp_Obj *)&sp_t_bool)))
        t = sp_truthy(vm, x);
    else {
        sp_Value r = sp_call1(vm, pred, x);
        t = sp_iserr(r) ? -1 : sp_truthy(vm, r);
    }
    sp_unpin(vm, 1);
    return t;
}

static bool nokw(sp_VM *vm, const char *name, sp_Tuple *kw) { return spc_nokw(vm, name, kw); }

/* PyNumber_AsSsize_t(v, OverflowError) */
static bool ssize_arg(sp_VM *vm, sp_Value v, int64_t *out) {
    sp_Value i = sp_index_value(vm, v);
    if (sp_iserr(i)) return false;
    if (!sp_isint(i)) {
        sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C ssize_t");
        return false;
    }
    *out = i.u.i;
    return true;
}

#define TYPE_OF(NAME, NEW, NEXT, REPR)                                                          \
    static sp_Type t_##NAME = {                                                             \
        .h = SP_STATIC_HDR(&sp_t_type), .name = "itertools." #NAME, .base = &sp_t_object,   \
        .traverse = it_traverse, .finalize = it_finalize, .new_ = NEW, .repr = REPR,          \
        .iter = self_iter, .next = NEXT,                                                      \
    }

/* ================================================================ count */
/* v0 current, v1 step */

static bool is_number(sp_Value v) {
    return sp_isintlike(v) || sp_isfloat(v) || (sp_typeof(v)->flags & SP_TF_HEAPTYPE);
}

static sp_Value count_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    if (!sp_parse_args(vm, "count", args, nargs, kw, "|start,step", o)) return SP_ERRV;
    sp_Value start = sp_isnull(o[0]) ? sp_int(0) : o[0], step = sp_isnull(o[1]) ? sp_int(1) : o[1];
    if (!is_number(start) || !is_number(step)) return sp_raise(vm, &sp_t_TypeError, "a number is required");
    It *it = it_new(vm, t);
    if (!it) return SP_ERRV;
    it->v[0] = start, it->v[1] = step;
    return sp_objv(it);
}

static sp_Value count_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    sp_Value r = it->v[0];
    if (!sp_pin(vm, r)) return SP_ERRV;
    sp_Value nx = sp_binop(vm, SP_OP_ADD, r, it->v[1]);
    sp_unpin(vm, 1);
    if (sp_iserr(nx)) return nx;
    it->v[0] = nx;
    return r;
}

static sp_Value count_repr(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    if (sp_isint(it->v[1]) && it->v[1].u.i == 1) return sp_fmt(vm, "count(%R)", it->v[0]);
    return sp_fmt(vm, "count(%R, %R)", it->v[0], it->v[1]);
}
TYPE_OF(count, count_new, count_next, count_repr);

/* ================================================================ cycle */
/* v0 source iterator (NULL once drained), v1 saved list; n0 position */

static sp_Value cycle_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!nokw(vm, "cycle", kw) || !spc_nargs(vm, "cycle", nargs, 1, 1)) return SP_ERRV;
    sp_Value src = sp_iter(vm, args[0]);
    if (sp_iserr(src) || !sp_pin(vm, src)) return SP_ERRV;
    sp_Value saved = sp_list_with_cap(vm, 0);
    It *it = sp_iserr(saved) ? NULL : it_new(vm, t);
    sp_unpin(vm, 1);
    if (!it) return SP_ERRV;
    it->v[0] = src, it->v[1] = saved;
    return sp_objv(it);
}

static sp_Value cycle_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    if (!sp_isnull(it->v[0])) {
        sp_Value x = inner(vm, it->v[0]);
        if (sp_iserr(x)) return x;
        if (!sp_isnull(x)) return sp_list_append(vm, SP_LIST(it->v[1]), x) ? x : SP_ERRV;
        it->v[0] = SP_NULLV;
    }
    sp_List *l = SP_LIST(it->v[1]);
    if (l->n == 0) return SP_NULLV;
    if ((size_t)it->n[0] >= l->n) it->n[0] = 0;
    return l->items[it->n[0]++];
}
TYPE_OF(cycle, cycle_new, cycle_next, spc_obj_repr);

/* ================================================================ repeat */
/* v0 object; n0 remaining (-1: forever) */

static sp_Value repeat_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    int64_t times = -1;
    if (!sp_parse_args(vm, "repeat", args, nargs, kw, "object|times", o)) return SP_ERRV;
    if (!sp_isnull(o[1])) {
        if (!ssize_arg(vm, o[1], &times)) return SP_ERRV;
        if (times < 0) times = 0;
    }
    It *it = it_new(vm, t);
    if (!it) return SP_ERRV;
    it->v[0] = o[0], it->n[0] = times;
    return sp_objv(it);
}

static sp_Value repeat_next(sp_VM *vm, sp_Value self) {
    (void)vm;
    It *it = IT(self);
    if (it->n[0] == 0) return SP_NULLV;
    if (it->n[0] > 0) it->n[0]--;
    return it->v[0];
}

static sp_Value repeat_repr(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    if (it->n[0] < 0) return sp_fmt(vm, "repeat(%R)", it->v[0]);
    return sp_fmt(vm, "repeat(%R, %lld)", it->v[0], (long long)it->n[0]);
}
TYPE_OF(repeat, repeat_new, repeat_next, repeat_repr);

/* ================================================================ accumulate */
/* v0 iterator, v1 func (NULL: +), v2 running total, v3 pending initial */

static sp_Value accumulate_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[3];
    if (!sp_parse_args(vm, "accumulate", args, nargs, kw, "iterable|func,$initial", o)) return SP_ERRV;
    It *it = it_over(vm, t, o[0], 0);
    if (!it) return SP_ERRV;
    it->v[1] = sp_isnone(o[1]) ? SP_NULLV : o[1];
    it->v[3] = sp_isnone(o[2]) ? SP_NULLV : o[2];
    return sp_objv(it);
}

static sp_Value accumulate_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    if (!sp_isnull(it->v[3])) {
        it->v[2] = it->v[3];
        it->v[3] = SP_NULLV;
        return it->v[2];
    }
    sp_Value x = inner(vm, it->v[0]);
    if (sp_isnull(x) || sp_iserr(x)) return x;
    if (sp_isnull(it->v[2])) return it->v[2] = x;
    if (!sp_pin(vm, x)) return SP_ERRV;
    sp_Value r = sp_isnull(it->v[1]) ? sp_binop(vm, SP_OP_ADD, it->v[2], x)
                                     : sp_call2(vm, it->v[1], it->v[2], x);
    sp_unpin(vm, 1);
    if (!sp_iserr(r)) it->v[2] = r;
    return r;
}
TYPE_OF(accumulate, accumulate_new, accumulate_next, spc_obj_repr);

/* ================================================================ chain */
/* v0 iterator over the iterables, v1 the active one */

static sp_Value chain_make(sp_VM *vm, sp_Type *t, sp_Value source) {
    It *it = it_new(vm, t);
    if (!it) return SP_ERRV;
    it->v[0] = source;
    return sp_objv(it);
}

static sp_Value chain_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!nokw(vm, "chain", kw)) return SP_ERRV;
    sp_Value tup = sp_tuple_pack(vm, (size_t)nargs, args);
    sp_Value src = sp_iserr(tup) ? tup : sp_iter(vm, tup);
    return sp_iserr(src) ? src : chain_make(vm, t, src);
}

static sp_Type t_chain;
static sp_Value chain_from_iterable(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_onearg(vm, "chain.from_iterable", nargs - 1, kw)) return SP_ERRV;
    sp_Value src = sp_iter(vm, args[1]);
    return sp_iserr(src) ? src : chain_make(vm, &t_chain, src);
}

static sp_Value chain_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    for (;;) {
        if (sp_isnull(it->v[1])) {
            sp_Value next_iterable = inner(vm, it->v[0]);
            if (sp_isnull(next_iterable) || sp_iserr(next_iterable)) {
                if (sp_isnull(next_iterable)) it->v[0] = SP_NULLV;
                return next_iterable;
            }
            sp_Value active = sp_iter(vm, next_iterable);
            if (sp_iserr(active)) return active;
            it->v[1] = active;
        }
        sp_Value x = inner(vm, it->v[1]);
        if (!sp_isnull(x)) return x;
        it->v[1] = SP_NULLV;
        if (!sp_check_limits(vm)) return SP_ERRV; /* endless empty iterables */
    }
}

static const sp_MethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, SP_METH_CLASS}, {NULL, NULL, 0},
};
static sp_Type t_chain = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "itertools.chain", .base = &sp_t_object,
    .methods = chain_methods, .traverse = it_traverse, .finalize = it_finalize,
    .new_ = chain_new, .repr = spc_obj_repr, .iter = self_iter, .next = chain_next,
};

/* ================================================================ compress */
/* v0 data, v1 selectors */

static sp_Value compress_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    if (!sp_parse_args(vm, "compress", args, nargs, kw, "data,selectors", o)) return SP_ERRV;
    sp_Value d = sp_iter(vm, o[0]);
    if (sp_iserr(d) || !sp_pin(vm, d)) return SP_ERRV;
    sp_Value s = sp_iter(vm, o[1]);
    It *it = sp_iserr(s) ? NULL : it_new(vm, t);
    sp_unpin(vm, 1);
    if (!it) return SP_ERRV;
    it->v[0] = d, it->v[1] = s;
    return sp_objv(it);
}

static sp_Value compress_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    for (;;) {
        sp_Value d = inner(vm, it->v[0]);
        if (sp_isnull(d) || sp_iserr(d) || !sp_pin(vm, d)) return sp_isnull(d) ? d : SP_ERRV;
        sp_Value s = inner(vm, it->v[1]);
        int ok = sp_isnull(s) ? 0 : sp_iserr(s) ? -1 : sp_truthy(vm, s);
        sp_unpin(vm, 1);
        if (ok) return ok < 0 ? SP_ERRV : d;
        if (sp_isnull(s)) return s;
        if (!sp_check_limits(vm)) return SP_ERRV;
    }
}
TYPE_OF(compress, compress_new, compress_next, spc_obj_repr);

/* ============================================= dropwhile, takewhile, filterfalse */
/* v0 iterator, v1 predicate; n0 state (dropwhile: done dropping; takewhile: stopped) */

static sp_Value pred_new(sp_VM *vm, sp_Type *t, const char *name, sp_Value *args, int nargs,
                         sp_Tuple *kw) {
    if (!nokw(vm, name, kw) || !spc_nargs(vm, name, nargs, 2, 2)) return SP_ERRV;
    It *it = it_over(vm, t, args[1], 0);
    if (!it) return SP_ERRV;
    it->v[1] = args[0];
    return sp_objv(it);
}

static sp_Value dropwhile_new(sp_VM *vm, sp_Type *t, sp_Value *a, int n, sp_Tuple *kw) {
    return pred_new(vm, t, "dropwhile", a, n, kw);
}
static sp_Value takewhile_new(sp_VM *vm, sp_Type *t, sp_Value *a, int n, sp_Tuple *kw) {
    return pred_new(vm, t, "takewhile", a, n, kw);
}
static sp_Value filterfalse_new(sp_VM *vm, sp_Type *t, sp_Value *a, int n, sp_Tuple *kw) {
    return pred_new(vm, t, "filterfalse", a, n, kw);
}

/* The next item whose test is false; dropwhile stops testing after the
 * first one. */
static sp_Value pred_scan(sp_VM *vm, It *it, bool dropwhile) {
    for (;;) {
        sp_Value x = inner(vm, it->v[0]);
        if (sp_isnull(x) || sp_iserr(x)) return x;
        if (dropwhile && it->n[0]) return x;
        int t = test(vm, it->v[1], x, !dropwhile);
        if (t < 0) return SP_ERRV;
        if (!t) {
            it->n[0] = 1;
            return x;
        }
        if (!sp_check_limits(vm)) return SP_ERRV;
    }
}

static sp_Value dropwhile_next(sp_VM *vm, sp_Value self) { return pred_scan(vm, IT(self), true); }
static sp_Value filterfalse_next(sp_VM *vm, sp_Value self) { return pred_scan(vm, IT(self), false); }

static sp_Value takewhile_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    if (it->n[0]) return SP_NULLV;
    sp_Value x = inner(vm, it->v[0]);
    if (sp_isnull(x) || sp_iserr(x)) return x;
    int t = test(vm, it->v[1], x, false);
    if (t > 0) return x;
    if (t == 0) it->n[0] = 1;
    return t < 0 ? SP_ERRV : SP_NULLV;
}
TYPE_OF(dropwhile, dropwhile_new, dropwhile_next, spc_obj_repr);
TYPE_OF(takewhile, takewhile_new, takewhile_next, spc_obj_repr);
TYPE_OF(filterfalse, filterfalse_new, filterfalse_next, spc_obj_repr);

/* ================================================================ groupby */
/* groupby: v0 iterator, v1 key func (NULL: identity), v2 tgtkey, v3 currkey,
 * v4 currvalue, v5 current _grouper.  _grouper: v0 parent, v1 its key. */

static sp_Type t__grouper;

static sp_Value groupby_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    if (!sp_parse_args(vm, "groupby", args, nargs, kw, "iterable|key", o)) return SP_ERRV;
    It *it = it_over(vm, t, o[0], 0);
    if (!it) return SP_ERRV;
    it->v[1] = sp_isnone(o[1]) ? SP_NULLV : o[1];
    return sp_objv(it);
}

/* Advance the shared iterator: currvalue/currkey.  0 at the end. */
static int groupby_step(sp_VM *vm, It *g) {
    sp_Value x = inner(vm, g->v[0]);
    if (sp_isnull(x) || sp_iserr(x)) return sp_isnull(x) ? 0 : -1;
    sp_Value k = x;
    if (!sp_isnull(g->v[1])) {
        k = call1_pinned(vm, g->v[1], x);
        if (sp_iserr(k)) return -1;
    }
    g->v[4] = x, g->v[3] = k;
    return 1;
}

static sp_Value groupby_next(sp_VM *vm, sp_Value self) {
    It *g = IT(self);
    g->v[5] = SP_NULLV;
    for (;;) {
        if (!sp_isnull(g->v[3])) {
            if (sp_isnull(g->v[2])) break;
            int eq = sp_eq(vm, g->v[2], g->v[3]);
            if (eq < 0) return SP_ERRV;
            if (!eq) break;
        }
        int r = groupby_step(vm, g);
        if (r <= 0) return r < 0 ? SP_ERRV : SP_NULLV;
        if (!sp_check_limits(vm)) return SP_ERRV;
    }
    g->v[2] = g->v[3];
    It *gr = it_new(vm, &t__grouper);
    if (!gr) return SP_ERRV;
    gr->v[0] = self, gr->v[1] = g->v[2];
    g->v[5] = sp_objv(gr);
    sp_Value pair[2] = {g->v[3], sp_objv(gr)};
    return sp_tuple_pack(vm, 2, pair);
}

static sp_Value grouper_next(sp_VM *vm, sp_Value self) {
    It *gr = IT(self);
    It *g = IT(gr->v[0]);
    if (sp_isnull(g->v[5]) || SP_O(g->v[5]) != SP_O(self)) return SP_NULLV;
    if (sp_isnull(g->v[4])) {
        int r = groupby_step(vm, g);
        if (r <= 0) return r < 0 ? SP_ERRV : SP_NULLV;
    }
    int eq = sp_eq(vm, gr->v[1], g->v[3]);
    if (eq <= 0) return eq < 0 ? SP_ERRV : SP_NULLV;
    sp_Value r = g->v[4];
    g->v[4] = SP_NULLV, g->v[3] = SP_NULLV;
    return r;
}
TYPE_OF(groupby, groupby_new, groupby_next, spc_obj_repr);
TYPE_OF(_grouper, NULL, grouper_next, spc_obj_repr);

/* ================================================================ islice */
/* v0 iterator (NULL when done); n0 next index to yield, n1 stop (-1 none),
 * n2 step, n3 items consumed */

/* PyNumber_AsSsize_t as islice uses it: anything that is not an index
 * or does not fit gives -1 (the error is dropped). */
static int64_t ssize_or_m1(sp_VM *vm, sp_Value v) {
    if (!sp_isintlike(v) && !(sp_typeof(v)->flags & SP_TF_HEAPTYPE)) return -1;
    sp_Value i = sp_index_value(vm, v);
    if (sp_iserr(i)) {
        sp_err_clear(vm);
        return -1;
    }
    return sp_isint(i) ? i.u.i : -1; /* overflow is an error too */
}

static sp_Value islice_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!nokw(vm, "islice", kw) || !spc_nargs(vm, "islice", nargs, 2, 4)) return SP_ERRV;
    int64_t start = 0, stop = -1, step = 1;
    sp_Value stop_arg = nargs == 2 ? args[1] : args[2];
    if (nargs > 2 && !sp_isnone(args[1])) start = ssize_or_m1(vm, args[1]);
    if (!sp_isnone(stop_arg) && (stop = ssize_or_m1(vm, stop_arg)) == -1)
        return sp_raise(vm, &sp_t_ValueError,
                        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    if (start < 0 || stop < -1)
        return sp_raise(vm, &sp_t_ValueError,
                        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    if (nargs == 4 && !sp_isnone(args[3])) step = ssize_or_m1(vm, args[3]);
    if (step < 1) return sp_raise(vm, &sp_t_ValueError, "Step for islice() must be a positive integer or None.");
    It *it = it_over(vm, t, args[0], 0);
    if (!it) return SP_ERRV;
    it->n[0] = start, it->n[1] = stop, it->n[2] = step;
    return sp_objv(it);
}

static sp_Value islice_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    int64_t stop = it->n[1];
    while (it->n[3] < it->n[0]) { /* skip to the next wanted item */
        if (sp_isnull(it->v[0])) return SP_NULLV;
        if (stop != -1 && it->n[3] >= stop) goto done;
        sp_Value x = inner(vm, it->v[0]);
        if (sp_iserr(x)) return x;
        if (sp_isnull(x) || !sp_check_limits(vm)) {
            if (sp_isnull(x)) goto done;
            return SP_ERRV;
        }
        it->n[3]++;
    }
    if (sp_isnull(it->v[0]) || (stop != -1 && it->n[3] >= stop)) goto done;
    sp_Value x = inner(vm, it->v[0]);
    if (sp_iserr(x)) return x;
    if (sp_isnull(x)) goto done;
    it->n[3]++;
    int64_t old = it->n[0];
    it->n[0] = old + it->n[2];
    if (it->n[0] < old || (stop != -1 && it->n[0] > stop)) it->n[0] = stop;
    return x;
done:
    it->v[0] = SP_NULLV;
    return SP_NULLV;
}
TYPE_OF(islice, islice_new, islice_next, spc_obj_repr);

/* ================================================================ pairwise */
/* v0 iterator (NULL when done), v1 previous item */

static sp_Value pairwise_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!nokw(vm, "pairwise", kw) || !spc_nargs(vm, "pairwise", nargs, 1, 1)) return SP_ERRV;
    It *it = it_over(vm, t, args[0], 0);
    return it ? sp_objv(it) : SP_ERRV;
}

static sp_Value pairwise_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    if (sp_isnull(it->v[0])) return SP_NULLV;
    if (sp_isnull(it->v[1])) {
        sp_Value x = inner(vm, it->v[0]);
        if (sp_iserr(x)) return x;
        if (sp_isnull(x)) return it->v[0] = SP_NULLV;
        it->v[1] = x;
    }
    sp_Value y = inner(vm, it->v[0]);
    if (sp_iserr(y)) return y;
    if (sp_isnull(y)) return it->v[0] = it->v[1] = SP_NULLV;
    sp_Value pair[2] = {it->v[1], y};
    sp_Value r = sp_tuple_pack(vm, 2, pair);
    if (!sp_iserr(r)) it->v[1] = y;
    return r;
}
TYPE_OF(pairwise, pairwise_new, pairwise_next, spc_obj_repr);

/* ================================================================ starmap */
/* v0 function, v1 iterator */

static sp_Value starmap_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!nokw(vm, "starmap", kw) || !spc_nargs(vm, "starmap", nargs, 2, 2)) return SP_ERRV;
    It *it = it_over(vm, t, args[1], 1);
    if (!it) return SP_ERRV;
    it->v[0] = args[0];
    return sp_objv(it);
}

static sp_Value starmap_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    sp_Value x = inner(vm, it->v[1]);
    if (sp_isnull(x) || sp_iserr(x)) return x;
    if (!sp_istuple(x)) {
        x = sp_tuple_from_iter(vm, x);
        if (sp_iserr(x)) return x;
    }
    if (!sp_pin(vm, x)) return SP_ERRV;
    sp_Value r = sp_call(vm, it->v[0], SP_TUPLE(x)->items, (int)SP_TUPLE(x)->n, NULL);
    sp_unpin(vm, 1);
    return r;
}
TYPE_OF(starmap, starmap_new, starmap_next, spc_obj_repr);

/* ================================================================ tee */

/* The values read so far from the shared iterator, in blocks of TEE_BLOCK
 * linked forward: each tee holds the block it reads next, so blocks every
 * tee has passed are garbage. */
#define TEE_BLOCK 57
typedef struct TeeData {
    sp_Obj h;
    sp_Value it;
    struct TeeData *next;
    int n;
    bool running;
    sp_Value vals[TEE_BLOCK];
} TeeData;

static void teedata_traverse(sp_VM *vm, sp_Obj *o) {
    TeeData *d = (TeeData *)o;
    sp_gc_markv(vm, d->it);
    if (d->next) sp_gc_marko(vm, &d->next->h);
    for (int i = 0; i < d->n; i++) sp_gc_markv(vm, d->vals[i]);
}

static sp_Type t_teedata = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "itertools._tee_dataobject", .base = &sp_t_object,
    .traverse = teedata_traverse, .repr = spc_obj_repr,
};

static TeeData *teedata_new(sp_VM *vm, sp_Value it) {
    TeeData *d = sp_newobj(vm, &t_teedata, sizeof *d);
    if (d) d->it = it;
    return d;
}

/* _tee: v0 its TeeData; n0 index in it */
static sp_Type t__tee;

static sp_Value tee_make(sp_VM *vm, TeeData *d, int64_t index) {
    It *t = it_new(vm, &t__tee);
    if (!t) return SP_ERRV;
    t->v[0] = sp_objv(d), t->n[0] = index;
    return sp_objv(t);
}

static sp_Value tee_next(sp_VM *vm, sp_Value self) {
    It *t = IT(self);
    TeeData *d = SP_AS(TeeData, t->v[0]);
    if (t->n[0] >= TEE_BLOCK) {
        if (!d->next && !(d->next = teedata_new(vm, d->it))) return SP_ERRV;
        d = d->next;
        t->v[0] = sp_objv(d), t->n[0] = 0;
    }
    if (t->n[0] < d->n) return d->vals[t->n[0]++];
    if (d->running) return sp_raise(vm, &sp_t_RuntimeError, "cannot re-enter the tee iterator");
    d->running = true;
    sp_Value x = inner(vm, d->it);
    d->running = false;
    if (sp_isnull(x) || sp_iserr(x)) return x;
    d->vals[d->n++] = x;
    t->n[0]++;
    return x;
}

static sp_Value tee_copy(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_noargs(vm, "_tee.__copy__", nargs - 1, kw)) return SP_ERRV;
    It *t = IT(args[0]);
    return tee_make(vm, SP_AS(TeeData, t->v[0]), t->n[0]);
}

static const sp_MethodDef tee_methods[] = {{"__copy__", tee_copy, 0}, {NULL, NULL, 0}};
static sp_Type t__tee = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "itertools._tee", .base = &sp_t_object,
    .methods = tee_methods, .traverse = it_traverse, .finalize = it_finalize,
    .repr = spc_obj_repr, .iter = self_iter, .next = tee_next,
};

static sp_Value f_tee(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!nokw(vm, "tee", kw) || !spc_nargs(vm, "tee", nargs, 1, 2)) return SP_ERRV;
    int64_t n = 2;
    if (nargs == 2 && !ssize_arg(vm, args[1], &n)) return SP_ERRV;
    if (n < 0) return sp_raise(vm, &sp_t_ValueError, "n must be >= 0");
    sp_Value src = sp_iter(vm, args[0]);
    if (sp_iserr(src) || !sp_pin(vm, src)) return SP_ERRV;
    sp_Value r = sp_tuple_new(vm, (size_t)n);
    if (sp_iserr(r) || !sp_pin(vm, r)) {
        sp_unpin(vm, 1);
        return SP_ERRV;
    }
    TeeData *d = NULL;
    int64_t at = 0;
    if (sp_istype(src, &t__tee)) d = SP_AS(TeeData, IT(src)->v[0]), at = IT(src)->n[0];
    for (int64_t i = 0; i < n; i++) {
        if (!d && !(d = teedata_new(vm, src))) break;
        sp_Value t = (i == 0 && sp_istype(src, &t__tee)) ? src : tee_make(vm, d, at);
        if (sp_iserr(t)) break;
        SP_TUPLE(r)->items[i] = t;
        if (!sp_check_limits(vm)) break;
    }
    sp_unpin(vm, 2);
    return sp_err_occurred(vm) ? SP_ERRV : r;
}

/* ================================================================ zip_longest */
/* v0 tuple of iterators (entries NULL once exhausted), v1 fillvalue; n0 active */

static sp_Value zip_longest_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value fill = SP_NONEV;
    if (kw && kw->n) {
        if (kw->n > 1 || !sp_str_eqc(SP_STR(kw->items[0]), "fillvalue"))
            return sp_raise(vm, &sp_t_TypeError, "zip_longest() got an unexpected keyword argument");
        fill = args[nargs];
    }
    sp_Value its = sp_tuple_new(vm, (size_t)nargs);
    if (sp_iserr(its) || !sp_pin(vm, its)) return SP_ERRV;
    for (int i = 0; i < nargs; i++) {
        sp_Value x = sp_iter(vm, args[i]);
        if (sp_iserr(x)) {
            sp_unpin(vm, 1);
            return x;
        }
        SP_TUPLE(its)->items[i] = x;
    }
    It *it = it_new(vm, t);
    sp_unpin(vm, 1);
    if (!it) return SP_ERRV;
    it->v[0] = its, it->v[1] = fill, it->n[0] = nargs;
    return sp_objv(it);
}

static sp_Value zip_longest_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    sp_Tuple *its = SP_TUPLE(it->v[0]);
    if (its->n == 0 || it->n[0] == 0) return SP_NULLV;
    sp_Value r = sp_tuple_new(vm, its->n);
    if (sp_iserr(r) || !sp_pin(vm, r)) return SP_ERRV;
    for (size_t i = 0; i < its->n; i++) {
        sp_Value x = inner(vm, its->items[i]);
        if (sp_iserr(x)) {
            sp_unpin(vm, 1);
            return x;
        }
        if (sp_isnull(x)) {
            if (!sp_isnull(its->items[i])) {
                its->items[i] = SP_NULLV;
                if (--it->n[0] == 0) {
                    sp_unpin(vm, 1);
                    return SP_NULLV;
                }
            }
            x = it->v[1];
        }
        SP_TUPLE(r)->items[i] = x;
    }
    sp_unpin(vm, 1);
    return r;
}
TYPE_OF(zip_longest, zip_longest_new, zip_longest_next, spc_obj_repr);

/* ============================================ product, permutations, combinations */
/* v0 pool (a tuple; product: a tuple of tuples); n0 state (0 first, 1
 * running, 2 done), n1 r, n2 cycles length, n3 indices length */

static bool alloc_idx(sp_VM *vm, It *it, int64_t n) {
    size_t bytes;
    if (!sp_size_mul(vm, (size_t)n, sizeof(int64_t), &bytes)) return false;
    if (n == 0) return true;
    it->idx = sp_calloc(vm, bytes);
    if (!it->idx) return false;
    it->n[3] = n;
    return true;
}

static bool r_arg(sp_VM *vm, sp_Value v, int64_t *r, bool perm) {
    if (perm && !sp_isintlike(v)) return sp_raise(vm, &sp_t_TypeError, "Expected int as r"), false;
    if (!ssize_arg(vm, v, r)) return false;
    if (*r < 0) return sp_raise(vm, &sp_t_ValueError, "r must be non-negative"), false;
    return true;
}

/* A tuple of pool[idx[0..r)] (product: pools[k][idx[k]]). */
static sp_Value pick(sp_VM *vm, It *it, int64_t r, bool product) {
    sp_Value t = sp_tuple_new(vm, (size_t)r);
    if (sp_iserr(t)) return t;
    sp_Tuple *pool = SP_TUPLE(it->v[0]);
    for (int64_t i = 0; i < r; i++)
        SP_TUPLE(t)->items[i] = product ? SP_TUPLE(pool->items[i])->items[it->idx[i]]
                                        : pool->items[it->idx[i]];
    return t;
}

static sp_Value product_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    int64_t repeat = 1;
    if (kw && kw->n) {
        if (kw->n > 1)
            return sp_raise(vm, &sp_t_TypeError, "product() takes at most 1 keyword argument (%d given)", (int)kw->n);
        if (!sp_str_eqc(SP_STR(kw->items[0]), "repeat"))
            return sp_raise(vm, &sp_t_TypeError, "'%U' is an invalid keyword argument for product()",
                            SP_STR(kw->items[0]));
        if (!ssize_arg(vm, args[nargs], &repeat)) return SP_ERRV;
        if (repeat < 0) return sp_raise(vm, &sp_t_ValueError, "repeat argument cannot be negative");
    }
    size_t npools;
    if (!sp_size_mul(vm, (size_t)nargs, repeat ? (size_t)repeat : 0, &npools) ||
        !sp_size_mul(vm, npools, sizeof(sp_Value), &(size_t){0}))
        return SP_ERRV;
    sp_Value base = sp_tuple_new(vm, (size_t)nargs);
    if (sp_iserr(base) || !sp_pin(vm, base)) return SP_ERRV;
    for (int i = 0; i < nargs; i++) {
        sp_Value p = sp_tuple_from_iter(vm, args[i]);
        if (sp_iserr(p)) {
            sp_unpin(vm, 1);
            return p;
        }
        SP_TUPLE(base)->items[i] = p;
    }
    sp_Value pools = sp_tuple_new(vm, npools);
    if (sp_iserr(pools) || !sp_pin(vm, pools)) {
        sp_unpin(vm, 1);
        return SP_ERRV;
    }
    for (size_t i = 0; i < npools; i++) SP_TUPLE(pools)->items[i] = SP_TUPLE(base)->items[i % (size_t)nargs];
    It *it = it_new(vm, t);
    bool ok = it && alloc_idx(vm, it, (int64_t)npools);
    sp_unpin(vm, 2);
    if (!ok) return SP_ERRV;
    it->v[0] = pools, it->n[1] = (int64_t)npools;
    return sp_objv(it);
}

static sp_Value product_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    sp_Tuple *pools = SP_TUPLE(it->v[0]);
    int64_t r = it->n[1];
    if (it->n[0] == 2) return SP_NULLV;
    if (it->n[0] == 0) {
        it->n[0] = 1;
        for (int64_t i = 0; i < r; i++)
            if (SP_TUPLE(pools->items[i])->n == 0) return it->n[0] = 2, SP_NULLV;
        return pick(vm, it, r, true);
    }
    int64_t i = r - 1; /* odometer: bump the rightmost index that can move */
    for (; i >= 0; i--) {
        if ((size_t)++it->idx[i] < SP_TUPLE(pools->items[i])->n) break;
        it->idx[i] = 0;
    }
    if (i < 0) return it->n[0] = 2, SP_NULLV;
    return pick(vm, it, r, true);
}
TYPE_OF(product, product_new, product_next, spc_obj_repr);

/* kind: 0 permutations, 1 combinations, 2 combinations_with_replacement */
static sp_Value combi_new(sp_VM *vm, sp_Type *t, const char *name, sp_Value *args, int nargs,
                          sp_Tuple *kw, int kind) {
    sp_Value o[2];
    if (!sp_parse_args(vm, name, args, nargs, kw, kind == 0 ? "iterable|r" : "iterable,r", o)) return SP_ERRV;
    sp_Value pool = sp_tuple_from_iter(vm, o[0]);
    if (sp_iserr(pool) || !sp_pin(vm, pool)) return SP_ERRV;
    int64_t n = (int64_t)SP_TUPLE(pool)->n, r = n;
    It *it = NULL;
    if (sp_isnull(o[1]) || sp_isnone(o[1]) || r_arg(vm, o[1], &r, kind == 0)) it = it_new(vm, t);
    bool ok = it != NULL;
    if (ok && kind == 1 && r > n) it->n[0] = 2;
    else if (ok && kind == 2 && n == 0 && r > 0) it->n[0] = 2;
    else if (ok && kind == 0 && r > n) it->n[0] = 2;
    else if (ok) {
        ok = alloc_idx(vm, it, kind == 0 ? n : r);
        for (int64_t i = 0; ok && kind != 2 && i < it->n[3]; i++) it->idx[i] = i;
        if (ok && kind == 0 && r > 0) {
            size_t bytes;
            ok = sp_size_mul(vm, (size_t)r, sizeof(int64_t), &bytes) && (it->cyc = sp_malloc(vm, bytes));
            if (ok) it->n[2] = r;
            for (int64_t i = 0; ok && i < r; i++) it->cyc[i] = n - i;
        }
    }
    sp_unpin(vm, 1);
    if (!ok) return SP_ERRV;
    it->v[0] = pool, it->n[1] = r;
    return sp_objv(it);
}

static sp_Value permutations_new(sp_VM *vm, sp_Type *t, sp_Value *a, int n, sp_Tuple *kw) {
    return combi_new(vm, t, "permutations", a, n, kw, 0);
}
static sp_Value combinations_new(sp_VM *vm, sp_Type *t, sp_Value *a, int n, sp_Tuple *kw) {
    return combi_new(vm, t, "combinations", a, n, kw, 1);
}
static sp_Value cwr_new(sp_VM *vm, sp_Type *t, sp_Value *a, int n, sp_Tuple *kw) {
    return combi_new(vm, t, "combinations_with_replacement", a, n, kw, 2);
}

static sp_Value permutations_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    int64_t n = it->n[3], r = it->n[1], *ix = it->idx, *cy = it->cyc;
    if (it->n[0] == 2) return SP_NULLV;
    if (it->n[0] == 0) return it->n[0] = 1, pick(vm, it, r, false);
    for (int64_t i = r - 1; i >= 0; i--) {
        if (--cy[i] == 0) { /* rotate ix[i:] left by one */
            int64_t first = ix[i];
            memmove(ix + i, ix + i + 1, (size_t)(n - i - 1) * sizeof *ix);
            ix[n - 1] = first;
            cy[i] = n - i;
        } else {
            int64_t j = cy[i], tmp = ix[i];
            ix[i] = ix[n - j], ix[n - j] = tmp;
            return pick(vm, it, r, false);
        }
    }
    it->n[0] = 2;
    return SP_NULLV;
}
TYPE_OF(permutations, permutations_new, permutations_next, spc_obj_repr);

static sp_Value combinations_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    int64_t n = (int64_t)SP_TUPLE(it->v[0])->n, r = it->n[1], *ix = it->idx, i;
    if (it->n[0] == 2) return SP_NULLV;
    if (it->n[0] == 0) return it->n[0] = 1, pick(vm, it, r, false);
    for (i = r - 1; i >= 0 && ix[i] == i + n - r; i--) {}
    if (i < 0) return it->n[0] = 2, SP_NULLV;
    ix[i]++;
    for (int64_t j = i + 1; j < r; j++) ix[j] = ix[j - 1] + 1;
    return pick(vm, it, r, false);
}
TYPE_OF(combinations, combinations_new, combinations_next, spc_obj_repr);

static sp_Value cwr_next(sp_VM *vm, sp_Value self) {
    It *it = IT(self);
    int64_t n = (int64_t)SP_TUPLE(it->v[0])->n, r = it->n[1], *ix = it->idx, i;
    if (it->n[0] == 2) return SP_NULLV;
    if (it->n[0] == 0) return it->n[0] = 1, pick(vm, it, r, false);
    for (i = r - 1; i >= 0 && ix[i] == n - 1; i--) {}
    if (i < 0) return it->n[0] = 2, SP_NULLV;
    int64_t v = ix[i] + 1;
    for (int64_t j = i; j < r; j++) ix[j] = v;
    return pick(vm, it, r, false);
}
static sp_Type t_combinations_with_replacement = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "itertools.combinations_with_replacement",
    .base = &sp_t_object, .traverse = it_traverse, .finalize = it_finalize, .new_ = cwr_new,
    .repr = spc_obj_repr, .iter = self_iter, .next = cwr_next,
};

/* ================================================================ snapshots */
/* An It is saved as its six values and a tuple (n0, n1, n2, n3, idx...,
 * cyc...); a tee's buffer block as (iterator, next block or None, tuple of
 * its values).  The bytes are untrusted: fill checks what next() relies
 * on (slot types, counters, index ranges, array lengths). */

static bool combi(const sp_Type *t) {
    return t == &t_product || t == &t_permutations || t == &t_combinations || t == &t_combinations_with_replacement;
}

/* zip_longest's exhausted iterators are NULL entries, which a snapshot's
 * tuple cannot hold: None stands for them (no iterator is None).  A copy
 * either way, as the loaded tuple may be shared. */
static sp_Value absent_as(sp_VM *vm, sp_Value tup, bool to_none) {
    sp_Tuple *t = SP_TUPLE(tup);
    sp_Value r = sp_tuple_new(vm, t->n), x;
    for (size_t i = 0; !sp_iserr(r) && i < t->n; i++) {
        x = t->items[i];
        SP_TUPLE(r)->items[i] = to_none ? (sp_isnull(x) ? SP_NONEV : x) : (sp_isnone(x) ? SP_NULLV : x);
    }
    return r;
}

static int it_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint) {
    It *it = (It *)o;
    size_t ni = it->idx ? (size_t)it->n[3] : 0, nc = it->cyc ? (size_t)it->n[2] : 0;
    sp_Value t = sp_tuple_new(vm, 4 + ni + nc);
    if (sp_iserr(t)) return -1;
    sp_Value *w = SP_TUPLE(t)->items;
    for (int i = 0; i < 4; i++) w[i] = sp_int(it->n[i]);
    for (size_t i = 0; i < ni; i++) w[4 + i] = sp_int(it->idx[i]);
    for (size_t i = 0; i < nc; i++) w[4 + ni + i] = sp_int(it->cyc[i]);
    for (int i = 0; i < NV; i++) v[i] = it->v[i];
    v[NV] = t;
    (void)hint;
    if (o->type == &t_zip_longest && sp_iserr(v[0] = absent_as(vm, it->v[0], true))) return -1;
    return NV + 1;
}

/* Slots v[from..NV) unused (NULL). */
static bool unused_from(const It *it, int from) {
    for (int i = from; i < NV; i++)
        if (!sp_isnull(it->v[i])) return false;
    return true;
}

static bool idx_in(const It *it, int64_t i, int64_t lo, int64_t hi) { return it->idx[i] >= lo && it->idx[i] <= hi; }

/* product, permutations, combinations(_with_replacement): the indices
 * next() and pick() read stay inside the pool(s). */
static bool combi_ok(const It *it) {
    const sp_Type *t = it->h.type;
    if (!unused_from(it, 1) || !sp_istuple(it->v[0]) || it->n[0] < 0 || it->n[0] > 2) return false;
    sp_Tuple *pool = SP_TUPLE(it->v[0]);
    int64_t n = (int64_t)pool->n, r = it->n[1], ni = it->idx ? it->n[3] : 0, nc = it->cyc ? it->n[2] : 0;
    if (t != &t_permutations && nc) return false;
    if (t == &t_product) {
        if (r != n || ni != n) return false;
        for (int64_t i = 0; i < n; i++) {
            if (!sp_istuple(pool->items[i])) return false;
            if (it->n[0] != 2 && !idx_in(it, i, 0, it->n[0] ? (int64_t)SP_TUPLE(pool->items[i])->n - 1 : 0)) return false;
        }
        return true;
    }
    if (it->n[0] == 2) return true; /* exhausted: next() reads nothing */
    if (r < 0 || (t != &t_combinations_with_replacement && r > n)) return false;
    if (t == &t_permutations ? ni != n || nc != r : ni != r) return false;
    for (int64_t i = 0; i < ni; i++) /* combinations: index i never passes i + n - r */
        if (!idx_in(it, i, 0, t == &t_combinations ? i + n - r : n - 1)) return false;
    for (int64_t i = 0; i < nc; i++)
        if (it->cyc[i] < 1 || it->cyc[i] > n - i) return false;
    return true;
}

static bool zl_ok(const It *it) {
    if (!unused_from(it, 2) || !sp_istuple(it->v[0]) || sp_isnull(it->v[1])) return false;
    int64_t live = 0;
    for (size_t i = 0; i < SP_TUPLE(it->v[0])->n; i++) live += !sp_isnull(SP_TUPLE(it->v[0])->items[i]);
    return it->n[0] == live;
}

static bool it_ok(const It *it) {
    const sp_Type *t = it->h.type;
    const sp_Value *v = it->v;
    const int64_t *n = it->n;
    if (combi(t)) return combi_ok(it);
    if (t == &t_zip_longest) return zl_ok(it);
    if (t == &t_count) return !sp_isnull(v[0]) && !sp_isnull(v[1]) && unused_from(it, 2);
    if (t == &t_cycle) return sp_istype(v[1], &sp_t_list) && n[0] >= 0 && unused_from(it, 2);
    if (t == &t_repeat) return !sp_isnull(v[0]) && n[0] >= -1 && unused_from(it, 1);
    if (t == &t_accumulate) return (sp_isnull(v[1]) || sp_typeof(v[1])->call) && unused_from(it, 4);
    if (t == &t_chain || t == &t_compress || t == &t_pairwise) return unused_from(it, 2);
    if (t == &t_dropwhile || t == &t_takewhile || t == &t_filterfalse)
        return !sp_isnull(v[1]) && (n[0] == 0 || n[0] == 1) && unused_from(it, 2);
    if (t == &t_groupby) /* a current value comes with its key */
        return (sp_isnull(v[5]) || sp_istype(v[5], &t__grouper)) && (sp_isnull(v[4]) || !sp_isnull(v[3]));
    if (t == &t__grouper) return sp_istype(v[0], &t_groupby) && !sp_isnull(v[1]) && unused_from(it, 2);
    if (t == &t_islice) return n[0] >= 0 && n[1] >= -1 && n[2] >= 1 && n[3] >= 0 && unused_from(it, 1);
    if (t == &t_starmap) return !sp_isnull(v[0]) && unused_from(it, 2);
    /* _tee: an index past its block's count is safe (next() reads on) */
    return t == &t__tee && sp_istype(v[0], &t_teedata) && n[0] >= 0 && n[0] <= TEE_BLOCK && unused_from(it, 1);
}

static bool it_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int nv) {
    It *it = (It *)o;
    sp_Tuple *t = nv == NV + 1 && sp_istuple(v[NV]) ? SP_TUPLE(v[NV]) : NULL;
    bool ok = t && t->n >= 4;
    for (size_t i = 0; ok && i < t->n; i++) ok = sp_isint(t->items[i]);
    if (!ok) return sp_raise(vm, &sp_t_ValueError, "bad %s", o->type->name), false;
    for (int i = 0; i < 4; i++) it->n[i] = t->items[i].u.i;
    size_t more = t->n - 4, ni = 0, nc = 0;
    if (combi(o->type)) {
        /* the arrays' lengths are n3 and (permutations) n2; finalize frees by them */
        ni = it->n[3] > 0 ? (size_t)it->n[3] : 0;
        nc = o->type == &t_permutations && it->n[2] > 0 ? (size_t)it->n[2] : 0;
    }
    if (ni > more || nc != more - ni) return sp_raise(vm, &sp_t_ValueError, "bad %s", o->type->name), false;
    if ((ni && !(it->idx = sp_calloc(vm, ni * sizeof(int64_t)))) || (nc && !(it->cyc = sp_calloc(vm, nc * sizeof(int64_t)))))
        return false;
    for (size_t i = 0; i < ni; i++) it->idx[i] = t->items[4 + i].u.i;
    for (size_t i = 0; i < nc; i++) it->cyc[i] = t->items[4 + ni + i].u.i;
    for (int i = 0; i < NV; i++) it->v[i] = v[i];
    if (o->type == &t_zip_longest && sp_istuple(v[0]) && sp_iserr(it->v[0] = absent_as(vm, v[0], false)))
        return false;
    if (!it_ok(it)) return sp_raise(vm, &sp_t_ValueError, "bad %s", o->type->name), false;
    return true;
}

static int teedata_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint) {
    TeeData *d = (TeeData *)o;
    sp_Value t = sp_tuple_pack(vm, (size_t)d->n, d->vals);
    if (sp_iserr(t)) return -1;
    (void)hint;
    v[0] = d->it, v[1] = d->next ? sp_objv(d->next) : SP_NONEV, v[2] = t;
    return 3;
}

static sp_Obj *teedata_alloc(sp_VM *vm, uint32_t h) { return (void)h, (sp_Obj *)teedata_new(vm, SP_NULLV); }

static bool teedata_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int n) {
    TeeData *d = (TeeData *)o;
    if (n != 3 || sp_isnull(v[0]) || !(sp_isnone(v[1]) || sp_istype(v[1], &t_teedata)) || !sp_istuple(v[2]) ||
        SP_TUPLE(v[2])->n > TEE_BLOCK)
        return sp_raise(vm, &sp_t_ValueError, "bad tee buffer"), false;
    for (size_t i = 0; i < SP_TUPLE(v[2])->n; i++)
        if (sp_isnull(d->vals[i] = SP_TUPLE(v[2])->items[i])) return sp_raise(vm, &sp_t_ValueError, "bad tee buffer"), false;
    d->it = v[0], d->next = sp_isnone(v[1]) ? NULL : SP_AS(TeeData, v[1]), d->n = (int)SP_TUPLE(v[2])->n;
    return true;
}

#define IT_ALLOC(NAME) \
    static sp_Obj *NAME##_alloc(sp_VM *vm, uint32_t h) { return (void)h, (sp_Obj *)it_new(vm, &t_##NAME); }
#define IT_KIND(NAME) {"itertools." #NAME, &t_##NAME, true, it_save, NAME##_alloc, it_fill}
#define IT_KINDS(X)                                                                                   \
    X(accumulate) X(chain) X(combinations) X(combinations_with_replacement) X(compress) X(count)     \
    X(cycle) X(dropwhile) X(filterfalse) X(groupby) X(islice) X(pairwise) X(permutations) X(product) \
    X(repeat) X(starmap) X(takewhile) X(zip_longest) X(_grouper) X(_tee)
IT_KINDS(IT_ALLOC)
#define IT_KIND_C(NAME) IT_KIND(NAME),

const sp_SnapKind sp_snap_itertools[] = {
    IT_KINDS(IT_KIND_C)
    {"itertools._tee_dataobject", &t_teedata, true, teedata_save, teedata_alloc, teedata_fill},
    {NULL, NULL, false, NULL, NULL, NULL},
};

/* ================================================================ module */

static const sp_MethodDef itertools_funcs[] = {{"tee", f_tee, 0}, {NULL, NULL, 0}};

bool sp_itertools_init(sp_VM *vm, sp_Module *m) {
    static sp_Type *const types[] = {
        &t_accumulate, &t_chain, &t_combinations, &t_combinations_with_replacement, &t_compress,
        &t_count, &t_cycle, &t_dropwhile, &t_filterfalse, &t_groupby, &t_islice, &t_pairwise,
        &t_permutations, &t_product, &t_repeat, &t_starmap, &t_takewhile, &t_zip_longest,
        &t__grouper, &t__tee,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!sp_module_add(vm, m, strchr(types[i]->name, '.') + 1, sp_objv(types[i]))) return false;
    return sp_module_add_funcs(vm, m, itertools_funcs);
}
