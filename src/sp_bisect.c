/* sp_bisect.c - the bisect module, after CPython 3.11's _bisectmodule.c:
 * the same probe sequence (mid = (lo + hi) / 2) and the same comparisons,
 * so user __lt__ and key functions see exactly CPython's calls. */
#include "sp.h"

/* Sequence items are fetched with sp_getitem and x is pinned by the caller's
 * frame (it is an argument); the fetched item is pinned across the key call
 * and the comparison, which may run user code. */
static int64_t search(sp_VM *vm, sp_Value a, sp_Value x, int64_t lo, int64_t hi, sp_Value key, bool right) {
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        sp_Value item = sp_getitem(vm, a, sp_int(mid));
        if (sp_iserr(item) || !sp_pin(vm, item)) return -1;
        if (!sp_isnone(key)) {
            sp_Value k = sp_call1(vm, key, item);
            sp_unpin(vm, 1);
            if (sp_iserr(k) || !sp_pin(vm, k)) return -1;
            item = k;
        }
        int lt = right ? sp_lt(vm, x, item) : sp_lt(vm, item, x);
        sp_unpin(vm, 1);
        if (lt < 0) return -1;
        if (right == (lt == 1)) hi = mid;
        else lo = mid + 1;
        if (!sp_check_limits(vm)) return -1;
    }
    return lo;
}

/* Parse (a, x, lo=0, hi=None, *, key=None) and search; -1 on error. */
static int64_t bisect_args(sp_VM *vm, const char *fn, sp_Value *args, int nargs, sp_Tuple *kw, bool right,
                           bool insort, sp_Value *a, sp_Value *x) {
    sp_Value v[5];
    if (!sp_parse_args(vm, fn, args, nargs, kw, "a,x|lo,hi,$key", v)) return -1;
    int64_t lo = 0, hi;
    if (!sp_isnull(v[2]) && !sp_index(vm, v[2], &lo)) return -1;
    if (lo < 0) {
        sp_raise(vm, &sp_t_ValueError, "lo must be non-negative");
        return -1;
    }
    if (sp_isnull(v[3]) || sp_isnone(v[3])) {
        if ((hi = sp_len(vm, v[0])) < 0) return -1;
    } else if (!sp_isintlike(v[3])) {
        sp_raise(vm, &sp_t_TypeError, "argument should be integer or None, not '%s'", sp_typename(v[3]));
        return -1;
    } else if (!sp_index(vm, v[3], &hi))
        return -1;
    sp_Value key = sp_isnull(v[4]) ? SP_NONEV : v[4];
    *a = v[0], *x = v[1];
    sp_Value probe = v[1];
    if (insort && !sp_isnone(key)) {
        probe = sp_call1(vm, key, v[1]);
        if (sp_iserr(probe) || !sp_pin(vm, probe)) return -1;
        int64_t r = search(vm, v[0], probe, lo, hi, key, right);
        sp_unpin(vm, 1);
        return r;
    }
    return search(vm, v[0], probe, lo, hi, key, right);
}

static sp_Value do_bisect(sp_VM *vm, const char *fn, sp_Value *args, int nargs, sp_Tuple *kw, bool right) {
    sp_Value a, x;
    int64_t r = bisect_args(vm, fn, args, nargs, kw, right, false, &a, &x);
    return r < 0 ? SP_ERRV : sp_int(r);
}

static sp_Value do_insort(sp_VM *vm, const char *fn, sp_Value *args, int nargs, sp_Tuple *kw, bool right) {
    sp_Value a, x;
    int64_t r = bisect_args(vm, fn, args, nargs, kw, right, true, &a, &x);
    if (r < 0) return SP_ERRV;
    sp_Value ins = sp_getattrs(vm, a, "insert");
    if (sp_iserr(ins) || !sp_pin(vm, ins)) return SP_ERRV;
    sp_Value res = sp_call2(vm, ins, sp_int(r), x);
    sp_unpin(vm, 1);
    return sp_iserr(res) ? res : SP_NONEV;
}

static sp_Value b_left(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return do_bisect(vm, "bisect_left", args, nargs, kw, false);
}
static sp_Value b_right(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return do_bisect(vm, "bisect_right", args, nargs, kw, true);
}
static sp_Value i_left(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return do_insort(vm, "insort_left", args, nargs, kw, false);
}
static sp_Value i_right(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return do_insort(vm, "insort_right", args, nargs, kw, true);
}

static const sp_MethodDef bisect_funcs[] = {
    {"bisect_left", b_left, 0},
    {"bisect_right", b_right, 0},
    {"bisect", b_right, 0},
    {"insort_left", i_left, 0},
    {"insort_right", i_right, 0},
    {"insort", i_right, 0},
    {NULL, NULL, 0},
};

bool sp_bisect_init(sp_VM *vm, sp_Module *m) {
    return sp_module_add_funcs(vm, m, bisect_funcs);
}

/* For random.choices: bisect_right on a list without key (sp_random.c). */
int64_t sp_bisect_right(sp_VM *vm, sp_Value a, sp_Value x, int64_t lo, int64_t hi) {
    return search(vm, a, x, lo, hi, SP_NONEV, true);
}
