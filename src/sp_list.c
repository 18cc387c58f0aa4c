/* sp_list.c - list and list.sort (a stable natural merge sort). */
#include "sp_cont.h"

#define LST(v) SP_LIST(v)
/* objflags bit: the item buffer was (re)allocated.  list.sort empties the
 * list and uses this to see whether user code touched it meanwhile. */
enum { LF_TOUCHED = 1 };

/* A small list made at its final size (a display, sp_list_new) holds its
 * items in its own object: one allocation, the same bytes.  That buffer
 * is never freed or resized alone; growing moves the items to a block. */
enum { LIST_INLINE_MAX = 8 };
static inline bool inline_items(const sp_List *l) { return l->items == (const sp_Value *)(const void *)(l + 1); }

static bool list_setcap(sp_VM *vm, sp_List *l, size_t cap) {
    size_t oldsz = l->cap * sizeof(sp_Value), sz;
    if (!sp_size_mul(vm, cap, sizeof(sp_Value), &sz)) return false;
    sp_Value *p;
    if (inline_items(l)) {
        if (cap && cap <= l->cap) return true; /* shrinking: the buffer stays */
        p = cap ? sp_malloc(vm, sz) : NULL;
        if (p) memcpy(p, l->items, oldsz);
    } else {
        p = !cap ? (sp_free(vm, l->items, oldsz), NULL)
            : l->items ? sp_realloc(vm, l->items, oldsz, sz)
                       : sp_malloc(vm, sz); /* a new list: the pool's direct path */
    }
    if (cap && !p) return false;
    l->items = p;
    l->cap = cap;
    l->h.objflags |= LF_TOUCHED;
    return true;
}

/* Make room for n items, over-allocating like CPython so appends are
 * amortised O(1); shrink when less than half is used. */
static bool list_resize(sp_VM *vm, sp_List *l, size_t n) {
    if (n <= l->cap && n >= l->cap / 2) {
        l->n = n;
        return true;
    }
    size_t cap = n + (n >> 3) + 6;
    if (cap < n) return sp_nomem(vm), false;
    cap &= ~(size_t)3;
    if (n == 0) cap = 0;
    if (!list_setcap(vm, l, cap)) return false;
    l->n = n;
    return true;
}

/* A new list with room for cap items (in the object when that is small
 * and the list is a plain one: a subclass's instance may be laid out
 * differently), zeroed (no items).  raw: the caller writes them all. */
static sp_List *list_alloc_ex(sp_VM *vm, sp_Type *t, size_t cap, bool raw) {
    if (cap && cap <= LIST_INLINE_MAX && t == &sp_t_list) {
        size_t size = sizeof(sp_List) + cap * sizeof(sp_Value);
        sp_List *l = raw ? sp_newobj_raw(vm, t, size) : sp_newobj(vm, t, size);
        if (!l) return NULL;
        l->n = 0;
        l->cap = cap;
        l->items = (sp_Value *)(void *)(l + 1);
        l->h.objflags |= LF_TOUCHED;
        return l;
    }
    sp_List *l = sp_newobj(vm, t, sizeof(sp_List));
    size_t sz;
    if (!l || !cap) return l;
    if (!sp_size_mul(vm, cap, sizeof(sp_Value), &sz) || !(l->items = sp_malloc(vm, sz))) return NULL;
    l->cap = cap;
    l->h.objflags |= LF_TOUCHED;
    return l;
}

static sp_List *list_alloc(sp_VM *vm, sp_Type *t, size_t cap) { return list_alloc_ex(vm, t, cap, false); }

sp_Value sp_list_with_cap(sp_VM *vm, size_t cap) {
    sp_List *l = list_alloc(vm, &sp_t_list, cap);
    return l ? sp_objv(l) : SP_ERRV;
}

sp_Value sp_list_new(sp_VM *vm, size_t n) {
    sp_List *l = list_alloc_ex(vm, &sp_t_list, n, true);
    if (!l) return SP_ERRV;
    for (size_t i = 0; i < n; i++) l->items[i] = SP_NONEV;
    l->n = n;
    return sp_objv(l);
}

/* A display's list (BUILD_LIST): small ones, the empty one included, are
 * written here whole, calling nothing but the allocator. */
sp_Value sp_list_of(sp_VM *vm, const sp_Value *v, size_t n) {
    if (n > LIST_INLINE_MAX) {
        sp_List *l = list_alloc_ex(vm, &sp_t_list, n, true);
        if (!l) return SP_ERRV;
        memcpy(l->items, v, n * sizeof *v);
        l->n = n;
        return sp_objv(l);
    }
    sp_List *l = sp_newobj_raw(vm, &sp_t_list, sizeof(sp_List) + n * sizeof(sp_Value));
    if (!l) return SP_ERRV;
    l->n = l->cap = n;
    l->items = n ? (sp_Value *)(void *)(l + 1) : NULL;
    if (n) l->h.objflags |= LF_TOUCHED;
    for (size_t i = 0; i < n; i++) l->items[i] = v[i];
    return sp_objv(l);
}

/* An append to a full list (out of line: the common case calls nothing).
 * The first one into an empty list takes list_resize's first size. */
static __attribute__((noinline)) bool append_grow(sp_VM *vm, sp_List *l, sp_Value v) {
    if (!l->cap && !l->items) {
        enum { FIRST = (1 + 6) & ~3 }; /* list_resize's cap for one item */
        sp_Value *p = sp_malloc(vm, FIRST * sizeof(sp_Value));
        if (!p) return false;
        l->items = p;
        l->cap = FIRST;
        l->h.objflags |= LF_TOUCHED;
        l->items[l->n++] = v;
        return true;
    }
    if (!list_resize(vm, l, l->n + 1)) return false;
    l->items[l->n - 1] = v;
    return true;
}

bool sp_list_append(sp_VM *vm, sp_List *l, sp_Value v) {
    if (l->n < l->cap) {
        l->items[l->n++] = v;
        return true;
    }
    return append_grow(vm, l, v);
}

static bool append_cb(sp_VM *vm, void *ud, sp_Value v) { return sp_list_append(vm, ud, v); }

bool sp_list_extend(sp_VM *vm, sp_List *l, sp_Value it) {
    if (SPC_ISSEQ_ITER(it)) { /* also l.extend(l) */
        size_t n, base = l->n, cur;
        spc_items(it, &n);
        if (n && !list_resize(vm, l, base + n)) return false;
        if (n) memcpy(l->items + base, spc_items(it, &cur), n * sizeof(sp_Value));
        return true;
    }
    return spc_foreach(vm, it, append_cb, l);
}

/* Replace items [lo, hi) with src[0..m) (src must not alias l's buffer). */
static bool list_splice(sp_VM *vm, sp_List *l, size_t lo, size_t hi, const sp_Value *src, size_t m) {
    size_t n = l->n, tail = n - hi, newn = n - (hi - lo) + m;
    /* A big move is real work with no loop around it to poll: l.pop(0) on
     * ten million items must still stop at the time limit. */
    if (tail * sizeof(sp_Value) >= SP_POLL_BYTES && !sp_check_limits_now(vm)) return false;
    if (newn > n) {
        if (!list_resize(vm, l, newn)) return false;
        memmove(l->items + lo + m, l->items + hi, tail * sizeof(sp_Value));
    } else {
        memmove(l->items + lo + m, l->items + hi, tail * sizeof(sp_Value));
        if (!list_resize(vm, l, newn)) { /* shrinking realloc failed: keep the big buffer */
            sp_err_clear(vm);
            l->n = newn;
        }
    }
    if (m) memcpy(l->items + lo, src, m * sizeof(sp_Value));
    return true;
}

/* ------------------------------------------------------------ slots */

static sp_Value list_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "list", kw) || !spc_nargs(vm, "list", nargs, 0, 1)) return SP_ERRV;
    sp_List *l = list_alloc(vm, t, 0);
    if (!l) return SP_ERRV;
    if (nargs == 0) return sp_objv(l);
    if (!sp_pin(vm, sp_objv(l))) return SP_ERRV;
    bool ok = sp_list_extend(vm, l, args[0]);
    sp_unpin(vm, 1);
    return ok ? sp_objv(l) : SP_ERRV;
}

static sp_Value list_repr(sp_VM *vm, sp_Value self) { return spc_seq_repr(vm, self, "[", "]"); }

static sp_Value list_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if (!SPC_ISLIST(a) || !SPC_ISLIST(b)) return SP_NOTIMPL;
    return spc_seq_richcmp(vm, a, b, op);
}

static int64_t list_len(sp_VM *vm, sp_Value self) {
    (void)vm;
    return (int64_t)LST(self)->n;
}

static sp_Value list_getitem(sp_VM *vm, sp_Value self, sp_Value key) {
    sp_List *l = LST(self);
    if (key.tag == SP_INT) {
        int64_t i = key.u.i < 0 ? key.u.i + (int64_t)l->n : key.u.i;
        if (i >= 0 && (uint64_t)i < l->n) return l->items[i];
    }
    if (sp_istype(key, &sp_t_slice)) {
        int64_t start, stop, step;
        int64_t n = sp_slice_indices(vm, key, (int64_t)l->n, &start, &stop, &step);
        if (n < 0) return SP_ERRV;
        return spc_slice_items(vm, &sp_t_list, l->items, start, step, n);
    }
    int64_t i;
    if (!spc_seq_index(vm, key, (int64_t)l->n, "list", NULL, &i)) return SP_ERRV;
    return l->items[i];
}

/* The replacement items of a slice assignment as a list we own (a copy
 * when v is l itself). */
static sp_Value slice_source(sp_VM *vm, sp_Value v, const char *notiter) {
    if (SPC_ISSEQ_ITER(v)) {
        size_t n;
        const sp_Value *src = spc_items(v, &n);
        sp_Value r = sp_list_new(vm, n);
        if (!sp_iserr(r) && n) memcpy(LST(r)->items, src, n * sizeof(sp_Value));
        return r;
    }
    if (!sp_typeof(v)->iter) return sp_raise(vm, &sp_t_TypeError, "%s", notiter);
    return sp_list_from_iter(vm, v);
}

static bool list_del_ext(sp_VM *vm, sp_List *l, int64_t start, int64_t step, int64_t n) {
    if (step < 0) { /* delete the same items walking forward */
        start = start + (n - 1) * step;
        step = -step;
    }
    size_t w = (size_t)start;
    for (size_t r = (size_t)start; r < l->n; r++) {
        bool hit = (int64_t)(r - (size_t)start) % step == 0 && (int64_t)(r - (size_t)start) / step < n;
        if (!hit) l->items[w++] = l->items[r];
    }
    return list_splice(vm, l, w, l->n, NULL, 0);
}

/* l[start:stop] = v (del when v is SP_NULL) for adjusted bounds, step 1. */
static bool list_set_range(sp_VM *vm, sp_List *l, int64_t start, int64_t stop, sp_Value v) {
    if (stop < start) stop = start;
    if (sp_isnull(v)) return list_splice(vm, l, (size_t)start, (size_t)stop, NULL, 0);
    sp_Value src = slice_source(vm, v, "can only assign an iterable");
    if (sp_iserr(src)) return false;
    /* user code may have run: re-clamp against the current length */
    size_t lo = (size_t)start < l->n ? (size_t)start : l->n;
    size_t hi = (size_t)stop < l->n ? (size_t)stop : l->n;
    return list_splice(vm, l, lo, hi < lo ? lo : hi, LST(src)->items, LST(src)->n);
}

int sp_list_store_slice(sp_VM *vm, sp_Value o, sp_Value start, sp_Value stop, sp_Value v) {
    int64_t lo, hi;
    if (!sp_islist(o) || !spc_int_bounds(start, stop, &lo, &hi)) return 0;
    sp_slice_adjust((int64_t)LST(o)->n, lo, hi, 1, &lo, &hi);
    return list_set_range(vm, LST(o), lo, hi, v) ? 1 : -1;
}

static bool list_set_slice(sp_VM *vm, sp_List *l, sp_Value key, sp_Value v) {
    int64_t start, stop, step;
    int64_t n = sp_slice_indices(vm, key, (int64_t)l->n, &start, &stop, &step);
    if (n < 0) return false;
    if (step == 1) return list_set_range(vm, l, start, stop, v);
    if (sp_isnull(v)) return n ? list_del_ext(vm, l, start, step, n) : true;
    sp_Value src = slice_source(vm, v, "must assign iterable to extended slice");
    if (sp_iserr(src)) return false;
    if ((int64_t)LST(src)->n != n) {
        sp_raise(vm, &sp_t_ValueError,
                 "attempt to assign sequence of size %zu to extended slice of size %lld",
                 LST(src)->n, (long long)n);
        return false;
    }
    for (int64_t i = 0; i < n; i++) {
        int64_t j = start + i * step;
        if (j >= 0 && (size_t)j < l->n) l->items[j] = LST(src)->items[i];
    }
    return true;
}

static bool list_setitem(sp_VM *vm, sp_Value self, sp_Value key, sp_Value v) {
    sp_List *l = LST(self);
    if (sp_istype(key, &sp_t_slice)) return list_set_slice(vm, l, key, v);
    int64_t i;
    if (!spc_seq_index(vm, key, (int64_t)l->n, "list", "list assignment index out of range", &i))
        return false;
    if (!sp_isnull(v)) {
        l->items[i] = v;
        return true;
    }
    return list_splice(vm, l, (size_t)i, (size_t)i + 1, NULL, 0);
}

static int list_contains(sp_VM *vm, sp_Value self, sp_Value x) {
    sp_List *l = LST(self);
    for (size_t i = 0; i < l->n; i++) {
        int k = sp_eq(vm, l->items[i], x);
        if (k) return k;
        if (!sp_check_limits(vm)) return -1;
    }
    return 0;
}

static sp_Value list_iter(sp_VM *vm, sp_Value self) {
    return spc_seqiter_new(vm, &sp_t_list_iterator, self, 0);
}

/* items[0..n) repeated up to items[0..total), by doubling copies. */
static void fill_repeat(sp_Value *items, size_t n, size_t total) {
    for (size_t done = n; done < total;) {
        size_t c = done <= total - done ? done : total - done;
        memcpy(items + done, items, c * sizeof(sp_Value));
        done += c;
    }
}

static bool list_inplace_repeat(sp_VM *vm, sp_List *l, int64_t k) {
    size_t n = l->n, total;
    if (k <= 0 || n == 0) return list_resize(vm, l, 0);
    if (!sp_size_mul(vm, n, (size_t)k, &total) || !list_resize(vm, l, total)) return false;
    fill_repeat(l->items, n, total);
    return true;
}

/* a * k as a new list: one exact allocation (`[0] * n`, `[x] * 3`). */
static sp_Value list_repeat(sp_VM *vm, sp_List *a, int64_t k) {
    size_t n = a->n, total;
    if (k <= 0 || n == 0) return sp_list_with_cap(vm, 0);
    if (!sp_size_mul(vm, n, (size_t)k, &total)) return SP_ERRV;
    sp_Value r = sp_list_with_cap(vm, total);
    if (sp_iserr(r)) return r;
    memcpy(LST(r)->items, a->items, n * sizeof(sp_Value));
    fill_repeat(LST(r)->items, n, total);
    LST(r)->n = total;
    return r;
}

static sp_Value list_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    int64_t k;
    switch (op) {
    case SP_OP_ADD:
        if (!SPC_ISLIST(a) || !SPC_ISLIST(b)) return SP_NOTIMPL;
        {
            size_t na = LST(a)->n, nb = LST(b)->n;
            sp_Value r = sp_list_with_cap(vm, na + nb);
            if (sp_iserr(r)) return r;
            if (na) memcpy(LST(r)->items, LST(a)->items, na * sizeof(sp_Value));
            if (nb) memcpy(LST(r)->items + na, LST(b)->items, nb * sizeof(sp_Value));
            LST(r)->n = na + nb;
            return r;
        }
    case SP_OP_MUL:
        if (SPC_ISLIST(b) && sp_isintlike(a)) {
            sp_Value t = a;
            a = b;
            b = t;
        }
        if (!SPC_ISLIST(a) || !sp_isintlike(b)) return SP_NOTIMPL;
        if (!spc_repeat_count(vm, b, &k)) return SP_ERRV;
        return list_repeat(vm, LST(a), k);
    case SP_OP_ADD + SP_OP_INPLACE:
        if (!SPC_ISLIST(a)) return SP_NOTIMPL;
        return sp_list_extend(vm, LST(a), b) ? a : SP_ERRV;
    case SP_OP_MUL + SP_OP_INPLACE:
        if (!SPC_ISLIST(a) || !sp_isintlike(b)) return SP_NOTIMPL;
        if (!spc_repeat_count(vm, b, &k)) return SP_ERRV;
        return list_inplace_repeat(vm, LST(a), k) ? a : SP_ERRV;
    default: return SP_NOTIMPL;
    }
}

static void list_traverse(sp_VM *vm, sp_Obj *o) {
    sp_List *l = (sp_List *)o;
    for (size_t i = 0; i < l->n; i++) sp_gc_markv(vm, l->items[i]);
}

static void list_finalize(sp_VM *vm, sp_Obj *o) {
    sp_List *l = (sp_List *)o;
    if (!inline_items(l)) sp_free(vm, l->items, l->cap * sizeof(sp_Value));
    l->items = NULL;
    l->cap = l->n = 0;
}

/* ------------------------------------------------------------ methods */

/* Unbound calls (list.append(5, 1)) must not reach a cast of a non-list. */
bool spc_self(sp_VM *vm, sp_Value *args, int nargs, sp_Type *t, const char *name) {
    if (nargs < 1) {
        sp_raise(vm, &sp_t_TypeError, "unbound method %s.%s() needs an argument", t->name, name);
        return false;
    }
    if (spc_is(args[0], t)) return true;
    sp_raise(vm, &sp_t_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
             name, t->name, args[0]);
    return false;
}
#define SELF(name) spc_self(vm, args, nargs, &sp_t_list, name)
#define L LST(args[0])

static sp_Value m_append(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("append") || !spc_onearg(vm, "list.append", nargs - 1, kw)) return SP_ERRV;
    return sp_list_append(vm, L, args[1]) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_extend(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("extend") || !spc_onearg(vm, "list.extend", nargs - 1, kw)) return SP_ERRV;
    return sp_list_extend(vm, L, args[1]) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_insert(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    int64_t i;
    if (!SELF("insert") || !spc_nokw(vm, "list.insert", kw) || !spc_nargs(vm, "insert", nargs - 1, 2, 2) ||
        !sp_index(vm, args[1], &i))
        return SP_ERRV;
    int64_t n = (int64_t)L->n;
    if (i < 0) i = i + n < 0 ? 0 : i + n;
    if (i > n) i = n;
    return list_splice(vm, L, (size_t)i, (size_t)i, &args[2], 1) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_pop(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    int64_t i = -1;
    if (!SELF("pop") || !spc_nokw(vm, "list.pop", kw) || !spc_nargs(vm, "pop", nargs - 1, 0, 1))
        return SP_ERRV;
    if (nargs > 1 && !sp_index(vm, args[1], &i)) return SP_ERRV;
    sp_List *l = L;
    if (l->n == 0) return sp_raise(vm, &sp_t_IndexError, "pop from empty list");
    if (i < 0) i += (int64_t)l->n;
    if (i < 0 || (size_t)i >= l->n) return sp_raise(vm, &sp_t_IndexError, "pop index out of range");
    sp_Value v = l->items[i];
    if (!list_splice(vm, l, (size_t)i, (size_t)i + 1, NULL, 0)) return SP_ERRV;
    return v;
}

static sp_Value m_remove(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("remove") || !spc_onearg(vm, "list.remove", nargs - 1, kw)) return SP_ERRV;
    int64_t i = spc_seq_find(vm, args[0], args[1], 0, INT64_MAX);
    if (i == -1) return SP_ERRV;
    if (i == -2) return sp_raise(vm, &sp_t_ValueError, "list.remove(x): x not in list");
    return list_splice(vm, L, (size_t)i, (size_t)i + 1, NULL, 0) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_index(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("index")) return SP_ERRV;
    return spc_index_method(vm, args, nargs, kw, NULL);
}

static sp_Value m_count(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("count") || !spc_onearg(vm, "list.count", nargs - 1, kw)) return SP_ERRV;
    int64_t c = spc_seq_count(vm, args[0], args[1]);
    return c < 0 ? SP_ERRV : sp_int(c);
}

static sp_Value m_clear(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("clear") || !spc_noargs(vm, "list.clear", nargs - 1, kw)) return SP_ERRV;
    if (L->items) list_setcap(vm, L, 0);
    L->n = 0;
    return SP_NONEV;
}

static sp_Value m_copy(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("copy") || !spc_noargs(vm, "list.copy", nargs - 1, kw)) return SP_ERRV;
    return spc_slice_items(vm, &sp_t_list, L->items, 0, 1, (int64_t)L->n);
}

static void reverse_vals(sp_Value *a, size_t n, size_t w) {
    for (size_t i = 0, j = n - 1; n && i < j; i++, j--)
        for (size_t k = 0; k < w; k++) {
            sp_Value t = a[i * w + k];
            a[i * w + k] = a[j * w + k];
            a[j * w + k] = t;
        }
}

static sp_Value m_reverse(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("reverse") || !spc_noargs(vm, "list.reverse", nargs - 1, kw)) return SP_ERRV;
    if (L->n >= 4096 && !sp_check_limits(vm)) return SP_ERRV; /* long C work, no loop to poll */
    reverse_vals(L->items, L->n, 1);
    return SP_NONEV;
}

static sp_Value m_reversed(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("__reversed__") || !spc_noargs(vm, "list.__reversed__", nargs - 1, kw)) return SP_ERRV;
    return spc_seqiter_new(vm, &sp_t_list_reverseiterator, args[0], (int64_t)L->n - 1);
}

/* ------------------------------------------------------------ sort */

/* How keys compare: the pre-sort type check picks a comparison that cannot
 * run user code when every key has the same simple type. */
enum { K_GENERIC, K_INT, K_FLOAT, K_STR, K_TUPLE };

typedef struct Sorter {
    sp_VM *vm;
    int kind;
    size_t w;        /* values per element: 1 (item) or 2 (key, item) */
    sp_Value *a, *b; /* the array and a same-sized scratch */
} Sorter;

static int str_cmp(sp_Str *x, sp_Str *y) {
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* Tuple keys (the usual (primary, secondary) sort key): CPython's tuple
 * order, items compared for == then < at the first difference, with the
 * same-type int/str pairs done inline instead of through sp_richcmp. */
static int tuple_lt(sp_VM *vm, sp_Tuple *x, sp_Tuple *y) {
    size_t n = x->n < y->n ? x->n : y->n;
    for (size_t i = 0; i < n; i++) {
        sp_Value a = x->items[i], b = y->items[i];
        if (a.tag == SP_INT && b.tag == SP_INT) {
            if (a.u.i != b.u.i) return a.u.i < b.u.i;
        } else if (sp_isstr(a) && sp_isstr(b)) {
            int c = str_cmp(SP_STR(a), SP_STR(b));
            if (c) return c < 0;
        } else {
            if (!sp_check_limits(vm)) return -1;
            int eq = sp_eq(vm, a, b);
            if (eq < 0) return -1;
            if (!eq) return sp_lt(vm, a, b);
        }
    }
    return x->n < y->n;
}

/* x < y on element keys: 1/0, -1 on error. */
static int s_lt(Sorter *s, const sp_Value *x, const sp_Value *y) {
    switch (s->kind) {
    case K_INT: return x->u.i < y->u.i;
    case K_FLOAT: return x->u.f < y->u.f;
    case K_STR: return str_cmp(SP_STR(*x), SP_STR(*y)) < 0;
    case K_TUPLE: return tuple_lt(s->vm, SP_AS(sp_Tuple, *x), SP_AS(sp_Tuple, *y));
    default:
        if (!sp_check_limits(s->vm)) return -1;
        return sp_lt(s->vm, *x, *y);
    }
}

static int key_kind(const sp_Value *a, size_t n, size_t w) {
    if (n == 0) return K_GENERIC;
    if (sp_istuple(a[0])) {
        for (size_t i = 1; i < n; i++)
            if (!sp_istuple(a[i * w])) return K_GENERIC;
        return K_TUPLE;
    }
    int k = a[0].tag == SP_INT ? K_INT : a[0].tag == SP_FLOAT ? K_FLOAT : sp_isstr(a[0]) ? K_STR : K_GENERIC;
    for (size_t i = 1; i < n && k != K_GENERIC; i++) {
        sp_Value v = a[i * w];
        if ((k == K_INT && v.tag != SP_INT) || (k == K_FLOAT && v.tag != SP_FLOAT) ||
            (k == K_STR && !sp_isstr(v)))
            k = K_GENERIC;
    }
    return k;
}

#define EL(p, i) ((p) + (size_t)(i) * s->w)
static void el_copy(Sorter *s, sp_Value *dst, const sp_Value *src, size_t n) {
    if (n == 1) { /* the merge's step: not worth a memmove call */
        dst[0] = src[0];
        if (s->w == 2) dst[1] = src[1];
        return;
    }
    memmove(dst, src, n * s->w * sizeof(sp_Value));
}

/* Binary insertion sort of a[lo..hi) given a[lo..start) sorted.  All
 * comparisons for one element happen before anything moves, so a failing
 * comparison leaves a permutation of the input. */
static bool binsort(Sorter *s, size_t lo, size_t start, size_t hi) {
    sp_Value tmp[2];
    for (size_t i = start; i < hi; i++) {
        size_t l = lo, r = i;
        while (l < r) {
            size_t m = l + (r - l) / 2;
            int c = s_lt(s, EL(s->a, i), EL(s->a, m));
            if (c < 0) return false;
            if (c) r = m;
            else l = m + 1;
        }
        el_copy(s, tmp, EL(s->a, i), 1);
        el_copy(s, EL(s->a, l + 1), EL(s->a, l), i - l);
        el_copy(s, EL(s->a, l), tmp, 1);
    }
    return true;
}

/* Length of the natural run at lo (descending runs are reversed). */
static int64_t count_run(Sorter *s, size_t lo, size_t n) {
    if (lo + 1 >= n) return (int64_t)(n - lo);
    int c = s_lt(s, EL(s->a, lo + 1), EL(s->a, lo));
    if (c < 0) return -1;
    size_t i = lo + 2;
    bool desc = c;
    for (; i < n; i++) {
        c = s_lt(s, EL(s->a, i), EL(s->a, i - 1));
        if (c < 0) return -1;
        if (c != desc) break;
    }
    if (desc) reverse_vals(EL(s->a, lo), i - lo, s->w);
    return (int64_t)(i - lo);
}

/* Merge src[lo..mid) and src[mid..hi) into dst[lo..hi). */
static bool merge(Sorter *s, const sp_Value *src, sp_Value *dst, size_t lo, size_t mid, size_t hi) {
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        int c = s_lt(s, EL(src, j), EL(src, i));
        if (c < 0) return false;
        el_copy(s, EL(dst, k++), c ? EL(src, j++) : EL(src, i++), 1);
    }
    el_copy(s, EL(dst, k), EL(src, i), mid - i);
    el_copy(s, EL(dst, k + (mid - i)), EL(src, j), hi - j);
    return true;
}

#define MINRUN 32

/* Sorts s->a (n elements).  On failure s->a still holds every element. */
static bool merge_sort(Sorter *s, size_t n, size_t *runs) {
    size_t nruns = 0;
    for (size_t lo = 0; lo < n;) {
        int64_t r = count_run(s, lo, n);
        if (r < 0) return false;
        size_t len = (size_t)r;
        if (len < MINRUN && lo + len < n) {
            size_t force = n - lo < MINRUN ? n - lo : MINRUN;
            if (!binsort(s, lo, lo + len, lo + force)) return false;
            len = force;
        }
        runs[nruns++] = lo;
        lo += len;
    }
    runs[nruns] = n;
    while (nruns > 1) {
        size_t out = 0;
        for (size_t r = 0; r < nruns; r += 2) {
            size_t lo = runs[r], mid = runs[r + 1 < nruns ? r + 1 : nruns], hi = runs[r + 2 <= nruns ? r + 2 : nruns];
            if (!merge(s, s->a, s->b, lo, mid, hi)) return false;
            runs[out++] = lo;
        }
        runs[out] = n;
        nruns = out;
        sp_Value *t = s->a; /* the merged pass becomes the array */
        s->a = s->b;
        s->b = t;
    }
    return true;
}

/* The sorted values end in holder `hold` (adopted from l) in all cases. */
static bool sort_values(sp_VM *vm, sp_List *hold, sp_Value key, bool reverse) {
    size_t n = hold->n, w = sp_isnull(key) || sp_isnone(key) ? 1 : 2, total, *runs;
    if (!sp_size_mul(vm, n, w, &total)) return false;
    sp_Value av = w == 1 ? sp_objv(hold) : sp_list_new(vm, total);
    if (sp_iserr(av) || !sp_pin(vm, av)) return false;
    bool ok = true;
    for (size_t i = 0; w == 2 && i < n && ok; i++) { /* keys, once per item */
        sp_Value k = sp_call1(vm, key, hold->items[i]);
        ok = !sp_iserr(k);
        LST(av)->items[2 * i] = k;
        LST(av)->items[2 * i + 1] = hold->items[i];
    }
    sp_Value bv = ok ? sp_list_new(vm, total) : SP_ERRV;
    if (sp_iserr(bv) || !sp_pin(vm, bv)) {
        sp_unpin(vm, 1);
        return false;
    }
    Sorter s = {vm, key_kind(LST(av)->items, n, w), w, LST(av)->items, LST(bv)->items};
    size_t runs_sz = (n / MINRUN + 2) * sizeof(size_t);
    runs = sp_malloc(vm, runs_sz);
    ok = runs != NULL;
    if (ok && reverse) reverse_vals(s.a, n, w);
    ok = ok && merge_sort(&s, n, runs);
    if (ok && reverse) reverse_vals(s.a, n, w);
    sp_free(vm, runs, runs_sz);
    /* Whatever happened, s.a holds every item: copy the items back. */
    for (size_t i = 0; i < n; i++) hold->items[i] = s.a[i * w + w - 1];
    sp_unpin(vm, 2);
    return ok;
}

bool sp_list_sort(sp_VM *vm, sp_List *l, sp_Value key, bool reverse) {
    /* CPython empties the list while sorting so user code (keys, __lt__)
     * sees [] and any change it makes is detected afterwards. */
    sp_Value hv = sp_list_with_cap(vm, 0);
    if (sp_iserr(hv) || !sp_pin(vm, hv)) return false;
    sp_List *hold = LST(hv);
    hold->items = l->items;
    hold->n = l->n;
    hold->cap = l->cap;
    l->items = NULL;
    l->n = l->cap = 0;
    l->h.objflags &= ~(uint32_t)LF_TOUCHED;
    bool ok = sort_values(vm, hold, key, reverse);
    bool touched = (l->h.objflags & LF_TOUCHED) || l->n;
    sp_free(vm, l->items, l->cap * sizeof(sp_Value));
    l->items = hold->items;
    l->n = hold->n;
    l->cap = hold->cap;
    hold->items = NULL;
    hold->n = hold->cap = 0;
    sp_unpin(vm, 1);
    if (ok && touched) {
        sp_raise(vm, &sp_t_ValueError, "list modified during sort");
        return false;
    }
    return ok;
}

static sp_Value m_sort(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("sort")) return SP_ERRV;
    if (nargs > 1) return sp_raise(vm, &sp_t_TypeError, "sort() takes no positional arguments");
    sp_Value key = SP_NONEV;
    int64_t rev = 0;
    for (size_t i = 0; kw && i < kw->n; i++) {
        sp_Str *name = SP_STR(kw->items[i]);
        if (sp_str_eqc(name, "key")) key = args[nargs + i];
        else if (sp_str_eqc(name, "reverse")) {
            if (!sp_index(vm, args[nargs + i], &rev)) return SP_ERRV;
        } else
            return sp_raise(vm, &sp_t_TypeError, "'%U' is an invalid keyword argument for sort()", name);
    }
    return sp_list_sort(vm, L, key, rev != 0) ? SP_NONEV : SP_ERRV;
}

static const sp_MethodDef list_methods[] = {
    {"append", m_append, 0},   {"extend", m_extend, 0}, {"insert", m_insert, 0},
    {"pop", m_pop, 0},         {"remove", m_remove, 0}, {"index", m_index, 0},
    {"count", m_count, 0},     {"clear", m_clear, 0},   {"copy", m_copy, 0},
    {"reverse", m_reverse, 0}, {"sort", m_sort, 0},     {"__reversed__", m_reversed, 0},
    {NULL, NULL, 0},
};

sp_Type sp_t_list = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "list",
    .base = &sp_t_object,
    .flags = SP_TF_BASETYPE | SP_TF_UNHASHABLE,
    .methods = list_methods,
    .traverse = list_traverse,
    .finalize = list_finalize,
    .new_ = list_new,
    .repr = list_repr,
    .richcmp = list_richcmp,
    .len = list_len,
    .iter = list_iter,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .binop = list_binop,
};
