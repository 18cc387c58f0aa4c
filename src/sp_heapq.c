/* sp_heapq.c - the heapq module, after CPython 3.11's _heapqmodule.c.
 *
 * siftdown/siftup are CPython's exact algorithms (same comparisons in the
 * same order), so heaps end in the same list order.  Comparisons go through
 * sp_lt, which may run a user __lt__ that mutates the list: like CPython we
 * re-check the size after each one.  nsmallest/nlargest use the documented
 * equivalence sorted(iterable, key=key[, reverse=True])[:n] (both stable),
 * which gives CPython's results.  merge is a Python generator
 * (src/sp_heapq.py). */
#include "sp_class.h"
#include "sp_heapq_py.h"

static bool changed(sp_VM *vm, sp_List *h, size_t n) {
    if (h->n == n) return false;
    sp_raise(vm, &sp_t_RuntimeError, "list changed size during iteration");
    return true;
}

/* Pins the list: a user __lt__ may drop every other reference to it. */
static bool siftdown(sp_VM *vm, sp_List *h, size_t start, size_t pos) {
    size_t n = h->n;
    while (pos > start) {
        size_t parent = (pos - 1) >> 1;
        sp_Value newitem = h->items[pos], p = h->items[parent];
        if (!sp_pin(vm, newitem)) return false;
        if (!sp_pin(vm, p)) { sp_unpin(vm, 1); return false; }
        int lt = sp_lt(vm, newitem, p);
        sp_unpin(vm, 2);
        if (lt < 0 || changed(vm, h, n)) return false;
        if (!lt) break;
        h->items[pos] = h->items[parent];
        h->items[parent] = newitem;
        pos = parent;
    }
    return true;
}

static bool siftup(sp_VM *vm, sp_List *h, size_t pos) {
    size_t n = h->n, start = pos, limit = n / 2;
    while (pos < limit) {
        size_t child = 2 * pos + 1;
        if (child + 1 < n) {
            sp_Value a = h->items[child], b = h->items[child + 1];
            if (!sp_pin(vm, a)) return false;
            if (!sp_pin(vm, b)) { sp_unpin(vm, 1); return false; }
            int lt = sp_lt(vm, a, b);
            sp_unpin(vm, 2);
            if (lt < 0 || changed(vm, h, n)) return false;
            child += (size_t)(lt ^ 1);
        }
        sp_Value t = h->items[child];
        h->items[child] = h->items[pos];
        h->items[pos] = t;
        pos = child;
        if (!sp_check_limits(vm)) return false;
    }
    return siftdown(vm, h, start, pos);
}

static sp_List *heap_arg(sp_VM *vm, const char *fn, sp_Value v, bool one) {
    if (sp_islist(v)) return SP_LIST(v);
    sp_raise(vm, &sp_t_TypeError, one ? "%s() argument must be list, not %T" : "%s() argument 1 must be list, not %T", fn, v);
    return NULL;
}

static bool nargs_exact(sp_VM *vm, const char *fn, int nargs, sp_Tuple *kw, int want) {
    if (!sp_no_kwargs(vm, fn, kw)) return false;
    if (nargs == want) return true;
    sp_raise(vm, &sp_t_TypeError, "%s expected %d arguments, got %d", fn, want, nargs);
    return false;
}

static sp_Value h_heappush(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!nargs_exact(vm, "heappush", nargs, kw, 2)) return SP_ERRV;
    sp_List *h = heap_arg(vm, "heappush", args[0], false);
    if (!h || !sp_list_append(vm, h, args[1])) return SP_ERRV;
    return siftdown(vm, h, 0, h->n - 1) ? SP_NONEV : SP_ERRV;
}

/* heapreplace and heappushpop: put item at the top, sift it, return the old top. */
static sp_Value replace_top(sp_VM *vm, sp_List *h, sp_Value item) {
    if (h->n == 0) return sp_raise(vm, &sp_t_IndexError, "index out of range");
    sp_Value ret = h->items[0];
    h->items[0] = item;
    if (!sp_pin(vm, ret)) return SP_ERRV;
    bool ok = siftup(vm, h, 0);
    sp_unpin(vm, 1);
    return ok ? ret : SP_ERRV;
}

static sp_Value h_heappop(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "heappop", kw) || !sp_check_nargs(vm, "heappop", nargs, 1, 1)) return SP_ERRV;
    sp_List *h = heap_arg(vm, "heappop", args[0], true);
    if (!h) return SP_ERRV;
    if (h->n == 0) return sp_raise(vm, &sp_t_IndexError, "index out of range");
    sp_Value last = h->items[--h->n];
    return h->n == 0 ? last : replace_top(vm, h, last);
}

static sp_Value h_heapreplace(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!nargs_exact(vm, "heapreplace", nargs, kw, 2)) return SP_ERRV;
    sp_List *h = heap_arg(vm, "heapreplace", args[0], false);
    return h ? replace_top(vm, h, args[1]) : SP_ERRV;
}

static sp_Value h_heappushpop(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!nargs_exact(vm, "heappushpop", nargs, kw, 2)) return SP_ERRV;
    sp_List *h = heap_arg(vm, "heappushpop", args[0], false);
    if (!h) return SP_ERRV;
    if (h->n == 0) return args[1];
    sp_Value top = h->items[0];
    if (!sp_pin(vm, top)) return SP_ERRV;
    int lt = sp_lt(vm, top, args[1]);
    sp_unpin(vm, 1);
    if (lt < 0) return SP_ERRV;
    if (!lt) return args[1];
    return replace_top(vm, h, args[1]);
}

static sp_Value h_heapify(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "heapify", kw) || !sp_check_nargs(vm, "heapify", nargs, 1, 1)) return SP_ERRV;
    sp_List *h = heap_arg(vm, "heapify", args[0], true);
    if (!h) return SP_ERRV;
    /* Any children-before-parents order gives the same heap: CPython's
     * cache-friendly variant for big lists ends identical. */
    for (size_t i = h->n / 2; i-- > 0;)
        if (!siftup(vm, h, i)) return SP_ERRV;
    return SP_NONEV;
}

static sp_Value nbest(sp_VM *vm, const char *fn, sp_Value *args, int nargs, sp_Tuple *kw, bool largest) {
    sp_Value a[3];
    if (!sp_parse_args(vm, fn, args, nargs, kw, "n,iterable|key", a)) return SP_ERRV;
    int64_t n;
    if (!sp_index(vm, a[0], &n)) return SP_ERRV;
    sp_Value key = sp_isnull(a[2]) ? SP_NONEV : a[2];
    sp_Value l = sp_list_from_iter(vm, a[1]);
    if (sp_iserr(l)) return l;
    if (!sp_pin(vm, l)) return SP_ERRV;
    bool ok = sp_list_sort(vm, SP_LIST(l), key, largest);
    sp_unpin(vm, 1);
    if (!ok) return SP_ERRV;
    if (n < 0) n = 0;
    if ((uint64_t)n < SP_LIST(l)->n) SP_LIST(l)->n = (size_t)n; /* items past n are not traced */
    return l;
}

static sp_Value h_nsmallest(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return nbest(vm, "nsmallest", args, nargs, kw, false);
}

static sp_Value h_nlargest(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return nbest(vm, "nlargest", args, nargs, kw, true);
}

static const sp_MethodDef heapq_funcs[] = {
    {"heappush", h_heappush, 0},
    {"heappop", h_heappop, 0},
    {"heapreplace", h_heapreplace, 0},
    {"heappushpop", h_heappushpop, 0},
    {"heapify", h_heapify, 0},
    {"nsmallest", h_nsmallest, 0},
    {"nlargest", h_nlargest, 0},
    {NULL, NULL, 0},
};

/* merge is Python (src/sp_heapq.py), over these natives. */
static const sp_MethodDef py_privates[] = {
    {"_heapify", h_heapify, 0}, {"_heappop", h_heappop, 0}, {"_heapreplace", h_heapreplace, 0},
    {NULL, NULL, 0},
};

bool sp_heapq_init(sp_VM *vm, sp_Module *m) {
    static const char *const py_names[] = {"merge", NULL};
    return sp_module_add_funcs(vm, m, heapq_funcs) &&
           sp_pymod_load(vm, m, SP_HEAPQ_PY, sizeof SP_HEAPQ_PY - 1, "heapq.py", py_privates, py_names);
}
