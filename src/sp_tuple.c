/* sp_tuple.c - tuple, plus the sequence helpers list and tuple share
 * (lexicographic compare, repr, slicing, count/index, CPython's hash). */
#include "sp_cont.h"

/* The empty tuple is a static singleton; its hash is precomputed so the
 * GC-static object is never written. */
sp_Tuple sp_empty_tuple = {SP_STATIC_HDR(&sp_t_tuple), 5740354900026072187LL, 0};

sp_Value sp_tuple_new(sp_VM *vm, size_t n) {
    if (n == 0) return sp_objv(&sp_empty_tuple);
    size_t sz;
    if (!sp_size_mul(vm, n, sizeof(sp_Value), &sz)) return SP_ERRV;
    sp_Tuple *t = sp_newobj(vm, &sp_t_tuple, sizeof(sp_Tuple) + sz);
    if (!t) return SP_ERRV;
    t->hash = -1;
    t->n = n;
    for (size_t i = 0; i < n; i++) t->items[i] = SP_NONEV;
    return sp_objv(t);
}

sp_Value sp_tuple_pack(sp_VM *vm, size_t n, const sp_Value *items) {
    sp_Value t = sp_tuple_new(vm, n);
    if (!sp_iserr(t) && n) memcpy(SP_TUPLE(t)->items, items, n * sizeof(sp_Value));
    return t;
}

/* ------------------------------------------------ shared sequence helpers */

sp_Value spc_seq_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    size_t na, nb, i;
    spc_items(a, &na);
    spc_items(b, &nb);
    if (na != nb && (op == SP_EQ || op == SP_NE)) return sp_bool(op == SP_NE);
    /* Lengths and items are re-read after every comparison: user __eq__
     * may mutate a list under us. */
    for (i = 0;; i++) {
        sp_Value *ia = spc_items(a, &na), *ib = spc_items(b, &nb);
        if (i >= na || i >= nb) break;
        int k = sp_eq(vm, ia[i], ib[i]);
        if (k < 0) return SP_ERRV;
        if (!k) break;
        if (!sp_check_limits(vm)) return SP_ERRV;
    }
    sp_Value *ia = spc_items(a, &na), *ib = spc_items(b, &nb);
    if (i >= na || i >= nb) {
        int64_t c = (na > nb) - (na < nb);
        return sp_richcmp(vm, sp_int(c), sp_int(0), op);
    }
    if (op == SP_EQ) return SP_FALSEV;
    if (op == SP_NE) return SP_TRUEV;
    return sp_richcmp(vm, ia[i], ib[i], op);
}

sp_Value spc_seq_repr(sp_VM *vm, sp_Value seq, const char *open, const char *close) {
    size_t n;
    spc_items(seq, &n);
    if (n == 0) return sp_fmt(vm, "%s%s", open, close);
    int st = sp_repr_enter(vm, SP_O(seq));
    if (st < 0) return SP_ERRV;
    if (st == 0) return sp_fmt(vm, "%s...%s", open, close);
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_buf_adds(&b, open);
    for (size_t i = 0; ok; i++) {
        sp_Value *it = spc_items(seq, &n);
        if (i >= n) break;
        ok = (i == 0 || sp_buf_adds(&b, ", ")) && sp_buf_addv(&b, it[i], true) &&
             sp_check_limits(vm);
    }
    if (ok && n == 1 && *open == '(') ok = sp_buf_addc(&b, ',');
    ok = ok && sp_buf_adds(&b, close);
    sp_repr_leave(vm, SP_O(seq));
    if (!ok) {
        sp_buf_free(&b);
        return SP_ERRV;
    }
    return sp_buf_tostr(&b);
}

#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL

bool spc_hash_items(sp_VM *vm, const sp_Value *items, size_t n, int64_t *out) {
    uint64_t acc = XXPRIME_5;
    for (size_t i = 0; i < n; i++) {
        int64_t h;
        if (!sp_hash(vm, items[i], &h)) return false;
        acc += (uint64_t)h * XXPRIME_2;
        acc = (acc << 31) | (acc >> 33);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539ULL);
    *out = acc == UINT64_MAX ? 1546275796 : (int64_t)acc;
    return true;
}

sp_Value spc_slice_items(sp_VM *vm, sp_Type *t, const sp_Value *items, int64_t start,
                         int64_t step, int64_t n) {
    sp_Value r = t == &sp_t_list ? sp_list_new(vm, (size_t)n) : sp_tuple_new(vm, (size_t)n);
    if (sp_iserr(r)) return r;
    size_t m;
    sp_Value *dst = spc_items(r, &m);
    for (int64_t i = 0; i < n; i++) dst[i] = items[start + i * step];
    return r;
}

sp_Value sp_seq_slice(sp_VM *vm, sp_Value o, sp_Value start, sp_Value stop) {
    int64_t lo, hi;
    if (o.tag != SP_OBJ || !spc_int_bounds(start, stop, &lo, &hi)) return SP_NULLV;
    sp_Type *t = o.u.o->type;
    if (t == &sp_t_str) return sp_str_slice1(vm, o, lo, hi);
    if (t != &sp_t_list && t != &sp_t_tuple) return SP_NULLV;
    size_t m;
    const sp_Value *items = spc_items(o, &m);
    int64_t n = sp_slice_adjust((int64_t)m, lo, hi, 1, &lo, &hi);
    if (n == (int64_t)m && t == &sp_t_tuple) return o;
    return spc_slice_items(vm, t, items, lo, 1, n);
}

int64_t spc_seq_count(sp_VM *vm, sp_Value seq, sp_Value x) {
    int64_t c = 0;
    for (size_t i = 0;; i++) {
        size_t n;
        sp_Value *it = spc_items(seq, &n);
        if (i >= n) return c;
        int k = sp_eq(vm, it[i], x);
        if (k < 0 || !sp_check_limits(vm)) return -1;
        c += k;
    }
}

int64_t spc_seq_find(sp_VM *vm, sp_Value seq, sp_Value x, int64_t start, int64_t stop) {
    for (int64_t i = start; i < stop; i++) {
        size_t n;
        sp_Value *it = spc_items(seq, &n);
        if ((size_t)i >= n) break;
        int k = sp_eq(vm, it[i], x);
        if (k < 0 || !sp_check_limits(vm)) return -1;
        if (k) return i;
    }
    return -2;
}

/* ------------------------------------------------------------ tuple type */

#define TUP(v) SP_TUPLE(v)

static sp_Value tuple_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    if (!spc_nokw(vm, "tuple", kw) || !spc_nargs(vm, "tuple", nargs, 0, 1)) return SP_ERRV;
    if (nargs == 0) return sp_objv(&sp_empty_tuple);
    if (sp_istuple(args[0])) return args[0];
    return sp_tuple_from_iter(vm, args[0]);
}

static sp_Value tuple_repr(sp_VM *vm, sp_Value self) { return spc_seq_repr(vm, self, "(", ")"); }

static bool tuple_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    sp_Tuple *t = TUP(self);
    if (t->hash != -1) {
        *out = t->hash;
        return true;
    }
    if (!spc_hash_items(vm, t->items, t->n, out)) return false;
    t->hash = *out;
    return true;
}

static sp_Value tuple_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if (!SPC_ISTUPLE(a) || !SPC_ISTUPLE(b)) return SP_NOTIMPL;
    return spc_seq_richcmp(vm, a, b, op);
}

static int64_t tuple_len(sp_VM *vm, sp_Value self) {
    (void)vm;
    return (int64_t)TUP(self)->n;
}

static sp_Value tuple_getitem(sp_VM *vm, sp_Value self, sp_Value key) {
    sp_Tuple *t = TUP(self);
    if (key.tag == SP_INT) { /* fast path */
        int64_t i = key.u.i < 0 ? key.u.i + (int64_t)t->n : key.u.i;
        if (i >= 0 && (uint64_t)i < t->n) return t->items[i];
    }
    if (sp_istype(key, &sp_t_slice)) {
        int64_t start, stop, step;
        int64_t n = sp_slice_indices(vm, key, (int64_t)t->n, &start, &stop, &step);
        if (n < 0) return SP_ERRV;
        if (n == (int64_t)t->n && step == 1 && sp_istuple(self)) return self;
        return spc_slice_items(vm, &sp_t_tuple, t->items, start, step, n);
    }
    int64_t i;
    if (!spc_seq_index(vm, key, (int64_t)t->n, "tuple", NULL, &i)) return SP_ERRV;
    return t->items[i];
}

static int tuple_contains(sp_VM *vm, sp_Value self, sp_Value x) {
    sp_Tuple *t = TUP(self);
    for (size_t i = 0; i < t->n; i++) {
        int k = sp_eq(vm, t->items[i], x);
        if (k) return k;
        if (!sp_check_limits(vm)) return -1;
    }
    return 0;
}

static sp_Value tuple_iter(sp_VM *vm, sp_Value self) {
    return spc_seqiter_new(vm, &sp_t_tuple_iterator, self, 0);
}

static sp_Value tuple_concat(sp_VM *vm, sp_Tuple *a, sp_Tuple *b) {
    if (b->n == 0 && a->h.type == &sp_t_tuple) return sp_objv(a);
    if (a->n == 0 && b->h.type == &sp_t_tuple) return sp_objv(b);
    sp_Value r = sp_tuple_new(vm, a->n + b->n);
    if (sp_iserr(r)) return r;
    memcpy(TUP(r)->items, a->items, a->n * sizeof(sp_Value));
    memcpy(TUP(r)->items + a->n, b->items, b->n * sizeof(sp_Value));
    return r;
}

static sp_Value tuple_repeat(sp_VM *vm, sp_Value self, sp_Value count) {
    sp_Tuple *t = TUP(self);
    int64_t k;
    if (!spc_repeat_count(vm, count, &k)) return SP_ERRV;
    if (k == 1 && sp_istuple(self)) return self;
    if (t->n == 0 || k == 0) return sp_objv(&sp_empty_tuple);
    size_t total;
    if (!sp_size_mul(vm, t->n, (size_t)k, &total)) return SP_ERRV;
    sp_Value r = sp_tuple_new(vm, total);
    if (sp_iserr(r)) return r;
    for (int64_t j = 0; j < k; j++) memcpy(TUP(r)->items + (size_t)j * t->n, t->items, t->n * sizeof(sp_Value));
    return r;
}

static sp_Value tuple_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (op == SP_OP_ADD && SPC_ISTUPLE(a) && SPC_ISTUPLE(b)) return tuple_concat(vm, TUP(a), TUP(b));
    if (op == SP_OP_MUL) {
        if (SPC_ISTUPLE(a) && sp_isintlike(b)) return tuple_repeat(vm, a, b);
        if (SPC_ISTUPLE(b) && sp_isintlike(a)) return tuple_repeat(vm, b, a);
    }
    return SP_NOTIMPL;
}

static sp_Value tuple_count(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_onearg(vm, "tuple.count", nargs - 1, kw)) return SP_ERRV;
    int64_t c = spc_seq_count(vm, args[0], args[1]);
    return c < 0 ? SP_ERRV : sp_int(c);
}

sp_Value spc_index_method(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, const char *notfound) {
    if (!spc_nokw(vm, sp_istype(args[0], &sp_t_list) ? "list.index" : "tuple.index", kw) ||
        !spc_nargs(vm, "index", nargs - 1, 1, 3))
        return SP_ERRV;
    size_t n;
    spc_items(args[0], &n);
    int64_t start = 0, stop = INT64_MAX;
    if (nargs > 2 && !spc_clamp_index(vm, args[2], (int64_t)n, &start)) return SP_ERRV;
    if (nargs > 3 && !spc_clamp_index(vm, args[3], (int64_t)n, &stop)) return SP_ERRV;
    int64_t i = spc_seq_find(vm, args[0], args[1], start, stop);
    if (i == -1) return SP_ERRV;
    if (i == -2) {
        if (notfound) return sp_raise(vm, &sp_t_ValueError, "%s", notfound);
        return sp_raise(vm, &sp_t_ValueError, "%R is not in list", args[1]);
    }
    return sp_int(i);
}

static sp_Value tuple_index(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return spc_index_method(vm, args, nargs, kw, "tuple.index(x): x not in tuple");
}

static void tuple_traverse(sp_VM *vm, sp_Obj *o) {
    sp_Tuple *t = (sp_Tuple *)o;
    for (size_t i = 0; i < t->n; i++) sp_gc_markv(vm, t->items[i]);
}

static const sp_MethodDef tuple_methods[] = {
    {"count", tuple_count, 0},
    {"index", tuple_index, 0},
    {NULL, NULL, 0},
};

sp_Type sp_t_tuple = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "tuple",
    .base = &sp_t_object,
    .flags = SP_TF_BASETYPE,
    .methods = tuple_methods,
    .traverse = tuple_traverse,
    .new_ = tuple_new,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcmp = tuple_richcmp,
    .len = tuple_len,
    .iter = tuple_iter,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .binop = tuple_binop,
};
