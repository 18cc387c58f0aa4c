/* sp_range.c - range (int64 bounds; bigger arguments raise OverflowError),
 * its iterator, and slice objects with CPython's index adjustment. */
#include "sp_cont.h"

typedef struct Range {
    sp_Obj h;
    int64_t start, stop, step;
    uint64_t len; /* may exceed INT64_MAX (len() then raises) */
} Range;

#define R(v) ((Range *)SP_O(v))

static sp_Value too_big(sp_VM *vm) {
    return sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C ssize_t");
}

static uint64_t range_length(int64_t start, int64_t stop, int64_t step) {
    if (step > 0) return start < stop ? ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1 : 0;
    return start > stop ? ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1 : 0;
}

/* start + i * step, known to lie inside the range (wrapping math is exact). */
static int64_t range_at(Range *r, uint64_t i) {
    return (int64_t)((uint64_t)r->start + i * (uint64_t)r->step);
}

static bool arg_i64(sp_VM *vm, sp_Value v, int64_t *out) {
    if (v.tag == SP_INT || v.tag == SP_BOOL) {
        *out = v.u.i;
        return true;
    }
    if (sp_istype(v, &sp_t_bigint_)) return too_big(vm), false;
    if (!(sp_typeof(v)->flags & SP_TF_HEAPTYPE)) {
        sp_raise(vm, &sp_t_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return false;
    }
    return sp_index(vm, v, out);
}

static sp_Value range_make(sp_VM *vm, int64_t start, int64_t stop, int64_t step) {
    Range *r = sp_newobj(vm, &sp_t_range, sizeof *r);
    if (!r) return SP_ERRV;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = range_length(start, stop, step);
    return sp_objv(r);
}

static sp_Value range_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    if (!spc_nokw(vm, "range", kw) || !spc_nargs(vm, "range", nargs, 1, 3)) return SP_ERRV;
    int64_t v[3] = {0, 0, 1};
    for (int i = 0; i < nargs; i++)
        if (!arg_i64(vm, args[i], &v[nargs == 1 ? 1 : i])) return SP_ERRV;
    if (v[2] == 0) return sp_raise(vm, &sp_t_ValueError, "range() arg 3 must not be zero");
    return range_make(vm, v[0], v[1], v[2]);
}

static sp_Value range_repr(sp_VM *vm, sp_Value self) {
    Range *r = R(self);
    if (r->step == 1) return sp_fmt(vm, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    return sp_fmt(vm, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                  (long long)r->step);
}

static int64_t range_len(sp_VM *vm, sp_Value self) {
    if (R(self)->len > INT64_MAX) return too_big(vm), -1;
    return (int64_t)R(self)->len;
}

static int range_truthy(sp_VM *vm, sp_Value self) {
    (void)vm;
    return R(self)->len != 0;
}

static bool range_eq(Range *a, Range *b) {
    if (a == b) return true;
    if (a->len != b->len) return false;
    if (a->len == 0) return true;
    if (a->start != b->start) return false;
    return a->len == 1 || a->step == b->step;
}

static sp_Value range_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    (void)vm;
    if (!sp_istype(a, &sp_t_range) || !sp_istype(b, &sp_t_range) || (op != SP_EQ && op != SP_NE))
        return SP_NOTIMPL;
    return sp_bool(range_eq(R(a), R(b)) == (op == SP_EQ));
}

static bool range_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    Range *r = R(self);
    sp_Value t[3] = {sp_int((int64_t)r->len), SP_NONEV, SP_NONEV};
    if (r->len) {
        t[1] = sp_int(r->start);
        if (r->len != 1) t[2] = sp_int(r->step);
    }
    return spc_hash_items(vm, t, 3, out);
}

/* Slicing a range gives a range; bounds beyond int64 raise OverflowError. */
static sp_Value range_slice(sp_VM *vm, Range *r, sp_Value key) {
    int64_t start, stop, step, len = r->len > INT64_MAX ? INT64_MAX : (int64_t)r->len;
    if (sp_slice_indices(vm, key, len, &start, &stop, &step) < 0) return SP_ERRV;
    int64_t a, b, s, na, nb;
    if (__builtin_mul_overflow(start, r->step, &a) || __builtin_add_overflow(a, r->start, &na) ||
        __builtin_mul_overflow(stop, r->step, &b) || __builtin_add_overflow(b, r->start, &nb) ||
        __builtin_mul_overflow(step, r->step, &s))
        return too_big(vm);
    return range_make(vm, na, nb, s);
}

static sp_Value range_getitem(sp_VM *vm, sp_Value self, sp_Value key) {
    Range *r = R(self);
    if (sp_istype(key, &sp_t_slice)) return range_slice(vm, r, key);
    int64_t i;
    if (sp_istype(key, &sp_t_bigint_))
        return sp_raise(vm, &sp_t_IndexError, "range object index out of range");
    if (!sp_isintlike(key) && !(sp_typeof(key)->flags & SP_TF_HEAPTYPE))
        return sp_raise(vm, &sp_t_TypeError, "range indices must be integers or slices, not %T", key);
    if (!sp_index(vm, key, &i)) return SP_ERRV;
    uint64_t u = i < 0 ? r->len - (0 - (uint64_t)i) : (uint64_t)i;
    if (i < 0 ? (0 - (uint64_t)i) > r->len : u >= r->len)
        return sp_raise(vm, &sp_t_IndexError, "range object index out of range");
    return sp_int(range_at(r, u));
}

/* Position of int x in r, or -1. */
static int64_t int_pos(Range *r, int64_t x) {
    if (r->len == 0) return -1;
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return -1;
    uint64_t d = r->step > 0 ? (uint64_t)x - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)x;
    uint64_t st = r->step > 0 ? (uint64_t)r->step : 0 - (uint64_t)r->step;
    return d % st ? -1 : (int64_t)(d / st);
}

static bool small_int(sp_Value x) { return x.tag == SP_INT || x.tag == SP_BOOL; }

/* Linear scan for non-int values (1.0 in range(3)): count or first index. */
static int64_t range_scan(sp_VM *vm, Range *r, sp_Value x, bool count) {
    int64_t c = 0;
    for (uint64_t i = 0; i < r->len; i++) {
        int k = sp_eq(vm, sp_int(range_at(r, i)), x);
        if (k < 0 || !sp_check_limits(vm)) return -2;
        if (k && !count) return (int64_t)i;
        c += k;
    }
    return count ? c : -1;
}

static int range_contains(sp_VM *vm, sp_Value self, sp_Value x) {
    if (small_int(x)) return int_pos(R(self), x.u.i) >= 0;
    if (sp_istype(x, &sp_t_bigint_)) return 0;
    int64_t i = range_scan(vm, R(self), x, false);
    return i == -2 ? -1 : i >= 0;
}

static sp_Value m_count(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &sp_t_range, "count") || !spc_onearg(vm, "range.count", nargs - 1, kw))
        return SP_ERRV;
    if (small_int(args[1])) return sp_int(int_pos(R(args[0]), args[1].u.i) >= 0);
    int64_t c = range_scan(vm, R(args[0]), args[1], true);
    return c < 0 ? SP_ERRV : sp_int(c);
}

static sp_Value m_index(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &sp_t_range, "index") || !spc_onearg(vm, "range.index", nargs - 1, kw))
        return SP_ERRV;
    int64_t i;
    if (small_int(args[1]) || sp_istype(args[1], &sp_t_bigint_)) {
        i = small_int(args[1]) ? int_pos(R(args[0]), args[1].u.i) : -1;
        if (i < 0) return sp_raise(vm, &sp_t_ValueError, "%R is not in range", args[1]);
        return sp_int(i);
    }
    i = range_scan(vm, R(args[0]), args[1], false);
    if (i == -2) return SP_ERRV;
    if (i < 0) return sp_raise(vm, &sp_t_ValueError, "sequence.index(x): x not in sequence");
    return sp_int(i);
}

/* ------------------------------------------------------------ iterator */

typedef struct RangeIter {
    sp_Obj h;
    uint64_t cur, step, left; /* two's complement arithmetic */
} RangeIter;

extern sp_Type sp_t_range_iterator;

static sp_Value rangeiter_make(sp_VM *vm, uint64_t cur, uint64_t step, uint64_t left) {
    RangeIter *it = sp_newobj(vm, &sp_t_range_iterator, sizeof *it);
    if (!it) return SP_ERRV;
    it->cur = cur;
    it->step = step;
    it->left = left;
    return sp_objv(it);
}

static sp_Value range_iter(sp_VM *vm, sp_Value self) {
    Range *r = R(self);
    return rangeiter_make(vm, (uint64_t)r->start, (uint64_t)r->step, r->len);
}

static sp_Value m_reversed(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &sp_t_range, "__reversed__") ||
        !spc_noargs(vm, "range.__reversed__", nargs - 1, kw))
        return SP_ERRV;
    Range *r = R(args[0]);
    uint64_t last = r->len ? (uint64_t)range_at(r, r->len - 1) : 0;
    return rangeiter_make(vm, last, 0 - (uint64_t)r->step, r->len);
}

static sp_Value rangeiter_next(sp_VM *vm, sp_Value self) {
    (void)vm;
    RangeIter *it = (RangeIter *)SP_O(self);
    if (it->left == 0) return SP_NULLV;
    it->left--;
    uint64_t v = it->cur;
    it->cur += it->step;
    return sp_int((int64_t)v);
}

static sp_Value self_iter(sp_VM *vm, sp_Value self) {
    (void)vm;
    return self;
}

sp_Type sp_t_range_iterator = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "range_iterator", .base = &sp_t_object,
    .repr = spc_obj_repr, .iter = self_iter, .next = rangeiter_next,
};

static sp_Value g_start(sp_VM *vm, sp_Value self) { (void)vm; return sp_int(R(self)->start); }
static sp_Value g_stop(sp_VM *vm, sp_Value self) { (void)vm; return sp_int(R(self)->stop); }
static sp_Value g_step(sp_VM *vm, sp_Value self) { (void)vm; return sp_int(R(self)->step); }

static const sp_GetSetDef range_getsets[] = {
    {"start", g_start, NULL}, {"stop", g_stop, NULL}, {"step", g_step, NULL}, {NULL, NULL, NULL},
};

static const sp_MethodDef range_methods[] = {
    {"count", m_count, 0}, {"index", m_index, 0}, {"__reversed__", m_reversed, 0}, {NULL, NULL, 0},
};

sp_Type sp_t_range = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "range",
    .base = &sp_t_object,
    .methods = range_methods,
    .getsets = range_getsets,
    .new_ = range_new,
    .repr = range_repr,
    .hash = range_hash,
    .richcmp = range_richcmp,
    .truthy = range_truthy,
    .len = range_len,
    .iter = range_iter,
    .getitem = range_getitem,
    .contains = range_contains,
};

/* ------------------------------------------------------------ slice */

typedef struct Slice {
    sp_Obj h;
    sp_Value start, stop, step;
} Slice;

#define SL(v) ((Slice *)SP_O(v))

sp_Value sp_slice_new(sp_VM *vm, sp_Value start, sp_Value stop, sp_Value step) {
    Slice *s = sp_newobj(vm, &sp_t_slice, sizeof *s);
    if (!s) return SP_ERRV;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return sp_objv(s);
}

int64_t sp_slice_indices(sp_VM *vm, sp_Value slice, int64_t len, int64_t *startp, int64_t *stopp,
                         int64_t *stepp) {
    Slice *s = SL(slice);
    int64_t start, stop, step = 1;
    if (!sp_isnone(s->step)) {
        if (!spc_slice_int(vm, s->step, &step)) return -1;
        if (step == 0) return sp_raise(vm, &sp_t_ValueError, "slice step cannot be zero"), -1;
        if (step < -INT64_MAX) step = -INT64_MAX; /* so -step cannot overflow */
    }
    if (sp_isnone(s->start)) start = step < 0 ? INT64_MAX : 0;
    else if (!spc_slice_int(vm, s->start, &start)) return -1;
    if (sp_isnone(s->stop)) stop = step < 0 ? INT64_MIN : INT64_MAX;
    else if (!spc_slice_int(vm, s->stop, &stop)) return -1;
    *stepp = step;
    return sp_slice_adjust(len, start, stop, step, startp, stopp);
}

/* PySlice_AdjustIndices: clamps start/stop (None already mapped to the
 * extremes) to a sequence of length len; returns the slice length. */
int64_t sp_slice_adjust(int64_t len, int64_t start, int64_t stop, int64_t step, int64_t *startp,
                        int64_t *stopp) {
    if (start < 0) {
        start += len;
        if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= len) {
        start = step < 0 ? len - 1 : len;
    }
    if (stop < 0) {
        stop += len;
        if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= len) {
        stop = step < 0 ? len - 1 : len;
    }
    *startp = start;
    *stopp = stop;
    if (step < 0) return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    return start < stop ? (stop - start - 1) / step + 1 : 0;
}

static sp_Value slice_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    if (!spc_nokw(vm, "slice", kw) || !spc_nargs(vm, "slice", nargs, 1, 3)) return SP_ERRV;
    if (nargs == 1) return sp_slice_new(vm, SP_NONEV, args[0], SP_NONEV);
    return sp_slice_new(vm, args[0], args[1], nargs == 3 ? args[2] : SP_NONEV);
}

static sp_Value slice_repr(sp_VM *vm, sp_Value self) {
    Slice *s = SL(self);
    return sp_fmt(vm, "slice(%R, %R, %R)", s->start, s->stop, s->step);
}

/* Slices compare as (start, stop, step) tuples. */
static sp_Value slice_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if (!sp_istype(a, &sp_t_slice) || !sp_istype(b, &sp_t_slice)) return SP_NOTIMPL;
    sp_Value ta = sp_tuple_pack(vm, 3, &SL(a)->start);
    if (sp_iserr(ta) || !sp_pin(vm, ta)) return SP_ERRV;
    sp_Value tb = sp_tuple_pack(vm, 3, &SL(b)->start);
    if (sp_iserr(tb) || !sp_pin(vm, tb)) {
        sp_unpin(vm, 1);
        return SP_ERRV;
    }
    sp_Value r = spc_seq_richcmp(vm, ta, tb, op);
    sp_unpin(vm, 2);
    return r;
}

static sp_Value m_indices(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_self(vm, args, nargs, &sp_t_slice, "indices") || !spc_onearg(vm, "slice.indices", nargs - 1, kw))
        return SP_ERRV;
    int64_t len, v[3];
    if (!sp_index(vm, args[1], &len)) return SP_ERRV;
    if (len < 0) return sp_raise(vm, &sp_t_ValueError, "length should not be negative");
    if (sp_slice_indices(vm, args[0], len, &v[0], &v[1], &v[2]) < 0) return SP_ERRV;
    sp_Value t[3] = {sp_int(v[0]), sp_int(v[1]), sp_int(v[2])};
    return sp_tuple_pack(vm, 3, t);
}

static sp_Value s_start(sp_VM *vm, sp_Value self) { (void)vm; return SL(self)->start; }
static sp_Value s_stop(sp_VM *vm, sp_Value self) { (void)vm; return SL(self)->stop; }
static sp_Value s_step(sp_VM *vm, sp_Value self) { (void)vm; return SL(self)->step; }

static void slice_traverse(sp_VM *vm, sp_Obj *o) {
    Slice *s = (Slice *)o;
    sp_gc_markv(vm, s->start);
    sp_gc_markv(vm, s->stop);
    sp_gc_markv(vm, s->step);
}

static const sp_GetSetDef slice_getsets[] = {
    {"start", s_start, NULL}, {"stop", s_stop, NULL}, {"step", s_step, NULL}, {NULL, NULL, NULL},
};

static const sp_MethodDef slice_methods[] = {{"indices", m_indices, 0}, {NULL, NULL, 0}};

sp_Type sp_t_slice = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "slice",
    .base = &sp_t_object,
    .flags = SP_TF_UNHASHABLE,
    .methods = slice_methods,
    .getsets = slice_getsets,
    .traverse = slice_traverse,
    .new_ = slice_new,
    .repr = slice_repr,
    .richcmp = slice_richcmp,
};
