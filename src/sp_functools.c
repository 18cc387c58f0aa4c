/* sp_functools.c - the functools module.
 *
 * reduce, partial, lru_cache/cache, cmp_to_key, update_wrapper and wraps
 * are native.  total_ordering and cached_property are small Python
 * classes/functions in CPython too; they are compiled from the source at
 * the end of this file when the module is imported, so they go through
 * the ordinary class machinery (descriptors, __set_name__).
 *
 * Everything here calls back into Python; values held in C locals across
 * those calls are pinned. */
#include "sp_code.h"
#include "sp_cont.h"
#include "sp_snap.h"

static sp_Str *intern(sp_VM *vm, const char *s) {
    sp_Value v = sp_str_intern_cstr(vm, s);
    return sp_iserr(v) ? NULL : SP_STR(v);
}

/* Attribute dicts for the native callables below (wraps() and
 * update_wrapper() store __name__, __doc__, __wrapped__... on them). */
static bool attrs_dict(sp_VM *vm, sp_Dict **d) {
    if (*d) return true;
    sp_Value nd = sp_dict_new(vm);
    if (sp_iserr(nd)) return false;
    *d = SP_DICT(nd);
    return true;
}

static sp_Value attrs_get(sp_VM *vm, sp_Value self, sp_Dict **d, sp_Str *name) {
    if (*d) {
        sp_Value v = sp_dict_gets(*d, name);
        if (!sp_isnull(v)) return v;
    }
    if (sp_str_eqc(name, "__dict__")) return attrs_dict(vm, d) ? sp_objv(*d) : SP_ERRV;
    return sp_generic_getattr(vm, self, name);
}

static bool attrs_set(sp_VM *vm, sp_Dict **d, sp_Str *name, sp_Value v) {
    if (!attrs_dict(vm, d)) return false;
    if (!sp_isnull(v)) return sp_dict_sets(vm, *d, name, v);
    int r = sp_dict_del(vm, *d, sp_objv(name));
    if (r == 0) sp_raise(vm, &sp_t_AttributeError, "%U", name);
    return r > 0;
}

/* ================================================================ reduce */

static sp_Value f_reduce(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "reduce", kw) || !spc_nargs(vm, "reduce", nargs, 2, 3)) return SP_ERRV;
    sp_Value it = sp_iter(vm, args[1]);
    if (sp_iserr(it) && sp_err_matches(vm, &sp_t_TypeError)) {
        sp_err_clear(vm);
        return sp_raise(vm, &sp_t_TypeError, "reduce() arg 2 must support iteration");
    }
    if (sp_iserr(it) || !sp_pin(vm, it)) return SP_ERRV;
    sp_Value acc = nargs == 3 ? args[2] : SP_NULLV;
    for (;;) {
        if (!sp_pin(vm, acc)) break;
        sp_Value x = sp_next(vm, it);
        if (sp_isnull(x)) {
            sp_unpin(vm, 2);
            if (sp_isnull(acc))
                return sp_raise(vm, &sp_t_TypeError, "reduce() of empty iterable with no initial value");
            return acc;
        }
        sp_Value r = sp_iserr(x) ? x : sp_isnull(acc) ? x : sp_call2(vm, args[0], acc, x);
        sp_unpin(vm, 1);
        if (sp_iserr(r) || !sp_check_limits(vm)) break;
        acc = r;
    }
    sp_unpin(vm, 1);
    return SP_ERRV;
}

/* ================================================================ partial */

typedef struct Partial {
    sp_Obj h;
    sp_Value func, args, kw; /* callable, tuple, dict */
    sp_Dict *dict;
} Partial;

static sp_Type t_partial;
#define PARTIAL(v) ((Partial *)SP_O(v))

static void partial_traverse(sp_VM *vm, sp_Obj *o) {
    Partial *p = (Partial *)o;
    sp_gc_markv(vm, p->func);
    sp_gc_markv(vm, p->args);
    sp_gc_markv(vm, p->kw);
    if (p->dict) sp_gc_marko(vm, (sp_Obj *)p->dict);
}

/* New dict of a's items then kwnames/vals (later keys win). */
static sp_Value merge_kw(sp_VM *vm, sp_Value a, sp_Tuple *names, sp_Value *vals) {
    sp_Value d = sp_dict_new(vm);
    if (sp_iserr(d)) return d;
    if (!sp_isnull(a) && !sp_dict_update(vm, SP_DICT(d), a)) return SP_ERRV;
    for (size_t i = 0; names && i < names->n; i++)
        if (!sp_dict_sets(vm, SP_DICT(d), SP_STR(names->items[i]), vals[i])) return SP_ERRV;
    return d;
}

/* t1 + args[0..n) as a new tuple. */
static sp_Value tuple_concat(sp_VM *vm, sp_Value t1, sp_Value *args, size_t n) {
    size_t m = SP_TUPLE(t1)->n, total;
    if (!sp_size_mul(vm, m + n, sizeof(sp_Value), &total)) return SP_ERRV;
    sp_Value r = sp_tuple_new(vm, m + n);
    if (sp_iserr(r)) return r;
    memcpy(SP_TUPLE(r)->items, SP_TUPLE(t1)->items, m * sizeof(sp_Value));
    if (n) memcpy(SP_TUPLE(r)->items + m, args, n * sizeof(sp_Value));
    return r;
}

static sp_Value partial_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs < 1) return sp_raise(vm, &sp_t_TypeError, "type 'partial' takes at least one argument");
    sp_Value func = args[0], base_args = sp_objv(&sp_empty_tuple), base_kw = SP_NULLV;
    if (sp_istype(func, &t_partial)) { /* flatten partial(partial(f, a), b) */
        base_args = PARTIAL(func)->args, base_kw = PARTIAL(func)->kw;
        func = PARTIAL(func)->func;
    } else if (!sp_typeof(func)->call)
        return sp_raise(vm, &sp_t_TypeError, "the first argument must be callable");
    sp_Value a = tuple_concat(vm, base_args, args + 1, (size_t)nargs - 1);
    if (sp_iserr(a) || !sp_pin(vm, a)) return SP_ERRV;
    sp_Value d = merge_kw(vm, base_kw, kw, args + nargs);
    Partial *p = sp_iserr(d) ? NULL : sp_newobj(vm, t, sizeof *p);
    sp_unpin(vm, 1);
    if (!p) return SP_ERRV;
    p->func = func, p->args = a, p->kw = d;
    return sp_objv(p);
}

/* func(*p.args, *args, **{**p.kw, **kw}) */
static sp_Value partial_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    Partial *p = PARTIAL(self);
    size_t nkw = kw ? kw->n : 0, np = SP_TUPLE(p->args)->n + (size_t)nargs;
    if (sp_dict_len(SP_DICT(p->kw)) == 0) { /* keywords pass straight through */
        sp_Value all = tuple_concat(vm, p->args, args, (size_t)nargs + nkw);
        if (sp_iserr(all) || !sp_pin(vm, all)) return SP_ERRV;
        sp_Value r = sp_call(vm, p->func, SP_TUPLE(all)->items, (int)np, kw);
        sp_unpin(vm, 1);
        return r;
    }
    sp_Value d = merge_kw(vm, p->kw, kw, args + nargs);
    if (sp_iserr(d) || !sp_pin(vm, d)) return SP_ERRV;
    size_t nk = sp_dict_len(SP_DICT(d)), pos = 0;
    sp_Value names = sp_tuple_new(vm, nk), r = SP_ERRV;
    sp_Value all = sp_iserr(names) || !sp_pin(vm, names) ? SP_ERRV : tuple_concat(vm, p->args, args, (size_t)nargs);
    all = sp_iserr(all) ? all : tuple_concat(vm, all, SP_TUPLE(names)->items, nk);
    if (!sp_iserr(all) && sp_pin(vm, all)) {
        sp_Value k, v;
        for (size_t i = 0; sp_dict_next(SP_DICT(d), &pos, &k, &v); i++) {
            SP_TUPLE(names)->items[i] = k;
            SP_TUPLE(all)->items[np + i] = v;
        }
        r = sp_call(vm, p->func, SP_TUPLE(all)->items, (int)np, SP_TUPLE(names));
        sp_unpin(vm, 1);
    }
    sp_unpin(vm, sp_iserr(names) ? 1 : 2);
    return r;
}

static sp_Value partial_repr(sp_VM *vm, sp_Value self) {
    Partial *p = PARTIAL(self);
    int e = sp_repr_enter(vm, SP_O(self));
    if (e <= 0) return e < 0 ? SP_ERRV : sp_str_cstr(vm, "...");
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_buf_adds(&b, "functools.partial(") && sp_buf_addv(&b, p->func, true);
    for (size_t i = 0; ok && i < SP_TUPLE(p->args)->n; i++)
        ok = sp_buf_adds(&b, ", ") && sp_buf_addv(&b, SP_TUPLE(p->args)->items[i], true);
    size_t pos = 0;
    sp_Value k, v;
    while (ok && sp_dict_next(SP_DICT(p->kw), &pos, &k, &v))
        ok = sp_buf_adds(&b, ", ") && sp_buf_addv(&b, k, false) && sp_buf_addc(&b, '=') &&
             sp_buf_addv(&b, v, true);
    ok = ok && sp_buf_addc(&b, ')');
    sp_repr_leave(vm, SP_O(self));
    if (!ok) {
        sp_buf_free(&b);
        return SP_ERRV;
    }
    return sp_buf_tostr(&b);
}

static sp_Value partial_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    Partial *p = PARTIAL(self);
    if (sp_str_eqc(name, "func")) return p->func;
    if (sp_str_eqc(name, "args")) return p->args;
    if (sp_str_eqc(name, "keywords")) return p->kw;
    return attrs_get(vm, self, &p->dict, name);
}

static bool partial_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    if (sp_str_eqc(name, "func") || sp_str_eqc(name, "args") || sp_str_eqc(name, "keywords")) {
        sp_raise(vm, &sp_t_AttributeError, "readonly attribute");
        return false;
    }
    return attrs_set(vm, &PARTIAL(self)->dict, name, v);
}

static sp_Type t_partial = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "functools.partial", .base = &sp_t_object,
    .traverse = partial_traverse, .new_ = partial_new, .call = partial_call,
    .repr = partial_repr, .getattr = partial_getattr, .setattr = partial_setattr,
};

/* A snapshot holds [func args kw __dict__]. */
static int partial_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint) {
    Partial *p = (Partial *)o;
    (void)vm, (void)hint;
    v[0] = p->func, v[1] = p->args, v[2] = p->kw, v[3] = p->dict ? sp_objv(p->dict) : SP_NONEV;
    return 4;
}

static sp_Obj *partial_alloc(sp_VM *vm, uint32_t h) { return (void)h, sp_newobj(vm, &t_partial, sizeof(Partial)); }

static bool partial_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int n) {
    Partial *p = (Partial *)o;
    if (n != 4 || !sp_typeof(v[0])->call || sp_istype(v[0], &t_partial) || !sp_istuple(v[1]) || !sp_isdict(v[2]) ||
        !(sp_isnone(v[3]) || sp_isdict(v[3])))
        return sp_raise(vm, &sp_t_ValueError, "bad partial"), false;
    p->func = v[0], p->args = v[1], p->kw = v[2], p->dict = sp_isnone(v[3]) ? NULL : SP_DICT(v[3]);
    return true;
}

const sp_SnapKind sp_snap_functools[] = {
    {"functools.partial", &t_partial, true, partial_save, partial_alloc, partial_fill},
    {NULL, NULL, false, NULL, NULL, NULL},
};

/* ================================================================ lru_cache */

/* The wrapper.  Unbounded caches map key -> result in `cache`; bounded
 * ones map key -> slot number, the slots forming a doubly linked recency
 * list (head most recent) whose least recent entry is reused when full. */
typedef struct Slot {
    sp_Value key, val;
    int64_t prev, next;
} Slot;

typedef struct Lru {
    sp_Obj h;
    sp_Value func, cache;
    int64_t maxsize; /* -1: unbounded */
    bool typed;
    int64_t hits, misses;
    Slot *slots;
    size_t nslots, cap;
    int64_t head, tail;
    sp_Dict *dict;
} Lru;

static sp_Type t_lru;
static sp_Type t_kwdmark = {.h = SP_STATIC_HDR(&sp_t_type), .name = "functools._kwd_mark", .base = &sp_t_object};
static sp_Obj kwd_mark = SP_STATIC_HDR(&t_kwdmark);
#define LRU(v) ((Lru *)SP_O(v))

static void lru_traverse(sp_VM *vm, sp_Obj *o) {
    Lru *c = (Lru *)o;
    sp_gc_markv(vm, c->func);
    sp_gc_markv(vm, c->cache);
    for (size_t i = 0; i < c->nslots; i++) {
        sp_gc_markv(vm, c->slots[i].key);
        sp_gc_markv(vm, c->slots[i].val);
    }
    if (c->dict) sp_gc_marko(vm, (sp_Obj *)c->dict);
}

static void lru_free_slots(sp_VM *vm, Lru *c) {
    if (c->slots) sp_free(vm, c->slots, c->cap * sizeof(Slot));
    c->slots = NULL, c->nslots = c->cap = 0, c->head = c->tail = -1;
}

static void lru_finalize(sp_VM *vm, sp_Obj *o) { lru_free_slots(vm, (Lru *)o); }

/* _make_key: a lone int/str argument is its own key; otherwise a tuple of
 * the arguments, then a marker and the keyword items, then (typed) the
 * argument types. */
static sp_Value make_key(sp_VM *vm, Lru *c, sp_Value *args, int nargs, sp_Tuple *kw) {
    size_t nkw = kw ? kw->n : 0;
    if (!c->typed && nkw == 0 && nargs == 1 && (sp_isint(args[0]) || sp_istype(args[0], &sp_t_bigint_) ||
                                                  sp_isstr(args[0])))
        return args[0];
    size_t n = (size_t)nargs + (nkw ? 1 + 2 * nkw : 0) + (c->typed ? (size_t)nargs + nkw : 0), k = 0;
    sp_Value t = sp_tuple_new(vm, n);
    if (sp_iserr(t)) return t;
    sp_Value *it = SP_TUPLE(t)->items;
    for (int i = 0; i < nargs; i++) it[k++] = args[i];
    if (nkw) it[k++] = sp_objv(&kwd_mark);
    for (size_t i = 0; i < nkw; i++) it[k++] = kw->items[i], it[k++] = args[nargs + i];
    for (int i = 0; c->typed && i < nargs + (int)nkw; i++) it[k++] = sp_objv(sp_typeof(args[i]));
    return t;
}

static void slot_unlink(Lru *c, int64_t i) {
    Slot *s = &c->slots[i];
    if (s->prev >= 0) c->slots[s->prev].next = s->next;
    else c->head = s->next;
    if (s->next >= 0) c->slots[s->next].prev = s->prev;
    else c->tail = s->prev;
}

static void slot_push_front(Lru *c, int64_t i) {
    Slot *s = &c->slots[i];
    s->prev = -1, s->next = c->head;
    if (c->head >= 0) c->slots[c->head].prev = i;
    c->head = i;
    if (c->tail < 0) c->tail = i;
}

/* Dict operations on the cache with the dict pinned: a user __eq__ or
 * __hash__ of a key may clear the cache (replacing the dict) meanwhile. */
static int cache_get(sp_VM *vm, Lru *c, sp_Value key, sp_Value *out) {
    sp_Value d = c->cache;
    if (!sp_pin(vm, d)) return -1;
    int r = sp_dict_get(vm, SP_DICT(d), key, out);
    sp_unpin(vm, 1);
    if (r == 1 && d.u.o != c->cache.u.o) r = 0; /* cleared meanwhile: a miss */
    return r;
}

static bool cache_set(sp_VM *vm, Lru *c, sp_Value key, sp_Value val) {
    sp_Value d = c->cache;
    if (!sp_pin(vm, d)) return false;
    bool ok = sp_dict_set(vm, SP_DICT(d), key, val);
    sp_unpin(vm, 1);
    return ok;
}

static bool grow_slots(sp_VM *vm, Lru *c) {
    size_t cap = c->cap ? c->cap * 2 : 8, bytes;
    if (cap > (size_t)c->maxsize) cap = (size_t)c->maxsize;
    if (!sp_size_mul(vm, cap, sizeof(Slot), &bytes)) return false;
    Slot *ns = sp_realloc(vm, c->slots, c->cap * sizeof(Slot), bytes);
    if (!ns) return false;
    c->slots = ns, c->cap = cap;
    return true;
}

/* Store key -> val in a bounded cache (the key was just found absent).
 * Evicting runs the old key's __eq__, which may change the cache: if the
 * least recent slot is then no longer the one evicted, skip caching. */
static bool lru_store(sp_VM *vm, Lru *c, sp_Value key, sp_Value val) {
    int64_t i;
    if (c->nslots >= (size_t)c->maxsize) {
        sp_Value old = c->slots[c->tail].key, d = c->cache;
        if (!sp_pin(vm, old) || !sp_pin(vm, d)) return false;
        int r = sp_dict_del(vm, SP_DICT(d), old);
        sp_unpin(vm, 2);
        if (r < 0) return false;
        if (c->nslots < (size_t)c->maxsize || d.u.o != c->cache.u.o) return true;
        i = c->tail;
        if (!sp_is(c->slots[i].key, old)) return true;
        slot_unlink(c, i);
    } else {
        if (c->nslots == c->cap && !grow_slots(vm, c)) return false;
        i = (int64_t)c->nslots++;
    }
    c->slots[i].key = key, c->slots[i].val = val;
    slot_push_front(c, i);
    return cache_set(vm, c, key, sp_int(i));
}

/* The wrapped function.  A Python function is entered directly: the call
 * that reached this wrapper was already depth- and stack-checked, so a
 * recursive cached function costs two levels of the recursion budget per
 * call, as in CPython.  Anything else (possibly another wrapper, nested
 * without bound) goes through the guarded sp_call. */
static sp_Value call_func(sp_VM *vm, sp_Value f, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (sp_istype(f, &sp_t_function)) return sp_t_function.call(vm, f, args, nargs, kw);
    return sp_call(vm, f, args, nargs, kw);
}

static sp_Value lru_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    Lru *c = LRU(self);
    if (c->maxsize == 0) {
        c->misses++;
        return call_func(vm, c->func, args, nargs, kw);
    }
    sp_Value key = make_key(vm, c, args, nargs, kw), hit;
    if (sp_iserr(key) || !sp_pin(vm, key)) return SP_ERRV;
    int found = cache_get(vm, c, key, &hit);
    if (found != 0) {
        sp_unpin(vm, 1);
        if (found < 0) return SP_ERRV;
        c->hits++;
        if (c->maxsize < 0) return hit;
        int64_t i = hit.u.i;
        slot_unlink(c, i);
        slot_push_front(c, i);
        return c->slots[i].val;
    }
    c->misses++;
    sp_Value r = call_func(vm, c->func, args, nargs, kw);
    if (sp_iserr(r) || !sp_pin(vm, r)) {
        sp_unpin(vm, 1);
        return SP_ERRV;
    }
    bool ok;
    if (c->maxsize < 0) ok = cache_set(vm, c, key, r);
    else { /* the call may have cached this key itself (recursion) */
        found = cache_get(vm, c, key, &hit);
        ok = found >= 0 && (found == 1 || lru_store(vm, c, key, r));
    }
    sp_unpin(vm, 2);
    return ok ? r : SP_ERRV;
}

static sp_Value lru_get(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "__get__", kw) || !spc_nargs(vm, "__get__", nargs - 1, 1, 2)) return SP_ERRV;
    if (sp_isnone(args[1])) return args[0];
    sp_BoundMethod *b = sp_newobj(vm, &sp_t_boundmethod, sizeof *b);
    if (!b) return SP_ERRV;
    b->self = args[1], b->func = args[0];
    return sp_objv(b);
}

static sp_Value cacheinfo_make(sp_VM *vm, Lru *c) {
    sp_Str *name = intern(vm, "functools");
    sp_Value m = name ? sp_import(vm, name) : SP_ERRV;
    sp_Value ci = sp_iserr(m) ? m : sp_getattrs(vm, m, "_CacheInfo");
    if (sp_iserr(ci)) return ci;
    sp_Value items[4] = {sp_int(c->hits), sp_int(c->misses), c->maxsize < 0 ? SP_NONEV : sp_int(c->maxsize),
                         sp_int((int64_t)sp_dict_len(SP_DICT(c->cache)))};
    return sp_call(vm, ci, items, 4, NULL);
}

static sp_Value m_cache_info(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_noargs(vm, "cache_info", nargs - 1, kw)) return SP_ERRV;
    return cacheinfo_make(vm, LRU(args[0]));
}

static sp_Value m_cache_clear(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_noargs(vm, "cache_clear", nargs - 1, kw)) return SP_ERRV;
    Lru *c = LRU(args[0]);
    sp_Value d = sp_dict_new(vm);
    if (sp_iserr(d)) return d;
    c->cache = d, c->hits = c->misses = 0;
    lru_free_slots(vm, c);
    return SP_NONEV;
}

static sp_Value m_cache_parameters(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_noargs(vm, "cache_parameters", nargs - 1, kw)) return SP_ERRV;
    Lru *c = LRU(args[0]);
    sp_Value d = sp_dict_new(vm);
    if (sp_iserr(d)) return d;
    sp_Str *ms = intern(vm, "maxsize"), *ty = intern(vm, "typed");
    if (!ms || !ty || !sp_dict_sets(vm, SP_DICT(d), ms, c->maxsize < 0 ? SP_NONEV : sp_int(c->maxsize)) ||
        !sp_dict_sets(vm, SP_DICT(d), ty, sp_bool(c->typed)))
        return SP_ERRV;
    return d;
}

static sp_Value lru_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    return attrs_get(vm, self, &LRU(self)->dict, name);
}

static bool lru_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    return attrs_set(vm, &LRU(self)->dict, name, v);
}

static const sp_MethodDef lru_methods[] = {
    {"cache_info", m_cache_info, 0}, {"cache_clear", m_cache_clear, 0},
    {"cache_parameters", m_cache_parameters, 0}, {"__get__", lru_get, 0}, {NULL, NULL, 0},
};
static sp_Type t_lru = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "functools._lru_cache_wrapper", .base = &sp_t_object,
    .flags = SP_TF_DESCR, .methods = lru_methods, .traverse = lru_traverse,
    .finalize = lru_finalize, .call = lru_call, .repr = spc_obj_repr, .getattr = lru_getattr,
    .setattr = lru_setattr,
};

static bool update_wrapper(sp_VM *vm, sp_Value wrapper, sp_Value wrapped, sp_Value assigned, sp_Value updated);

static sp_Value lru_make(sp_VM *vm, sp_Value func, int64_t maxsize, bool typed) {
    if (!sp_typeof(func)->call) return sp_raise(vm, &sp_t_TypeError, "the first argument must be callable");
    sp_Value d = sp_dict_new(vm);
    if (sp_iserr(d) || !sp_pin(vm, d)) return SP_ERRV;
    Lru *c = sp_newobj(vm, &t_lru, sizeof *c);
    sp_unpin(vm, 1);
    if (!c) return SP_ERRV;
    c->func = func, c->cache = d, c->maxsize = maxsize, c->typed = typed;
    c->head = c->tail = -1;
    sp_Value w = sp_objv(c);
    if (!sp_pin(vm, w)) return SP_ERRV;
    bool ok = update_wrapper(vm, w, func, SP_NULLV, SP_NULLV);
    sp_unpin(vm, 1);
    return ok ? w : SP_ERRV;
}

/* The decorator lru_cache(maxsize, typed) returns: a native closure. */
static sp_Value lru_decorator(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "decorating_function", kw) || !spc_nargs(vm, "decorating_function", nargs - 1, 1, 1))
        return SP_ERRV;
    sp_Tuple *params = SP_TUPLE(args[0]); /* (maxsize, typed) */
    return lru_make(vm, args[1], params->items[0].u.i, params->items[1].u.i != 0);
}

static sp_Value f_lru_cache(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    if (!sp_parse_args(vm, "lru_cache", args, nargs, kw, "|maxsize,typed", o)) return SP_ERRV;
    int typed = sp_isnull(o[1]) ? 0 : sp_truthy(vm, o[1]);
    if (typed < 0) return SP_ERRV;
    sp_Value m = sp_isnull(o[0]) ? sp_int(128) : o[0];
    int64_t maxsize;
    if (sp_isnone(m)) maxsize = -1;
    else if (sp_isintlike(m)) {
        if (sp_isint(m) || sp_isbool(m)) maxsize = m.u.i < 0 ? 0 : m.u.i;
        else maxsize = sp_int_sign(m) < 0 ? 0 : INT64_MAX;
    } else if (sp_typeof(m)->call) {
        return lru_make(vm, m, 128, typed);
    } else return sp_raise(vm, &sp_t_TypeError, "Expected first argument to be an integer, a callable, or None");
    sp_Value params[2] = {sp_int(maxsize), sp_bool(typed)};
    sp_Value pt = sp_tuple_pack(vm, 2, params);
    return sp_iserr(pt) ? pt : sp_cfunc_new(vm, "decorating_function", lru_decorator, pt, NULL);
}

static sp_Value f_cache(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "cache", kw) || !spc_nargs(vm, "cache", nargs, 1, 1)) return SP_ERRV;
    return lru_make(vm, args[0], -1, false);
}

/* ================================================================ cmp_to_key */

typedef struct KeyWrapper {
    sp_Obj h;
    sp_Value cmp, obj; /* obj SP_NULL: the key function itself */
} KeyWrapper;

static sp_Type t_keywrapper;
#define KW(v) ((KeyWrapper *)SP_O(v))

static void kw_traverse(sp_VM *vm, sp_Obj *o) {
    sp_gc_markv(vm, ((KeyWrapper *)o)->cmp);
    sp_gc_markv(vm, ((KeyWrapper *)o)->obj);
}

static sp_Value kw_make(sp_VM *vm, sp_Value cmp, sp_Value obj) {
    KeyWrapper *k = sp_newobj(vm, &t_keywrapper, sizeof *k);
    if (!k) return SP_ERRV;
    k->cmp = cmp, k->obj = obj;
    return sp_objv(k);
}

static sp_Value kw_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    if (!sp_parse_args(vm, "K", args, nargs, kw, "obj", o)) return SP_ERRV;
    return kw_make(vm, KW(self)->cmp, o[0]);
}

static sp_Value kw_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if (!sp_istype(b, &t_keywrapper)) return sp_raise(vm, &sp_t_TypeError, "other argument must be K instance");
    if (sp_isnull(KW(a)->obj) || sp_isnull(KW(b)->obj))
        return sp_raise(vm, &sp_t_AttributeError, "object");
    sp_Value r = sp_call2(vm, KW(a)->cmp, KW(a)->obj, KW(b)->obj);
    if (sp_iserr(r) || !sp_pin(vm, r)) return SP_ERRV;
    sp_Value res = sp_richcmp(vm, r, sp_int(0), op);
    sp_unpin(vm, 1);
    return res;
}

static sp_Value kw_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    if (sp_str_eqc(name, "obj") && !sp_isnull(KW(self)->obj)) return KW(self)->obj;
    return sp_generic_getattr(vm, self, name);
}

static sp_Type t_keywrapper = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "functools.KeyWrapper", .base = &sp_t_object,
    .flags = SP_TF_UNHASHABLE, .traverse = kw_traverse, .call = kw_call,
    .repr = spc_obj_repr, .richcmp = kw_richcmp, .getattr = kw_getattr,
};

static sp_Value f_cmp_to_key(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    if (!sp_parse_args(vm, "cmp_to_key", args, nargs, kw, "mycmp", o)) return SP_ERRV;
    return kw_make(vm, o[0], SP_NULLV);
}

/* ================================================================ wraps */

static const char *const assignments[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                          "__annotations__", NULL};

static sp_Value names_tuple(sp_VM *vm, const char *const *names) {
    size_t n = 0;
    while (names[n]) n++;
    sp_Value t = sp_tuple_new(vm, n);
    for (size_t i = 0; !sp_iserr(t) && i < n; i++) {
        sp_Value s = sp_str_intern_cstr(vm, names[i]);
        if (sp_iserr(s)) return s;
        SP_TUPLE(t)->items[i] = s;
    }
    return t;
}

static bool copy_attr(sp_VM *vm, void *ud, sp_Value name) {
    sp_Value *wv = ud; /* {wrapper, wrapped} */
    if (!sp_isstr(name)) {
        sp_raise(vm, &sp_t_TypeError, "attribute name must be string, not '%T'", name);
        return false;
    }
    sp_Value v = sp_getattr_opt(vm, wv[1], SP_STR(name));
    if (sp_iserr(v)) return false;
    return sp_isnull(v) || sp_setattr(vm, wv[0], SP_STR(name), v);
}

static bool update_attr(sp_VM *vm, void *ud, sp_Value name) {
    sp_Value *wv = ud;
    if (!sp_isstr(name)) {
        sp_raise(vm, &sp_t_TypeError, "attribute name must be string, not '%T'", name);
        return false;
    }
    sp_Value src = sp_getattr_opt(vm, wv[1], SP_STR(name));
    if (sp_iserr(src) || sp_isnull(src)) return !sp_iserr(src);
    if (!sp_pin(vm, src)) return false;
    sp_Value dst = sp_getattr(vm, wv[0], SP_STR(name));
    sp_Value upd = sp_iserr(dst) ? dst : sp_getattrs(vm, dst, "update");
    sp_Value r = sp_iserr(upd) ? upd : sp_call1(vm, upd, src);
    sp_unpin(vm, 1);
    return !sp_iserr(r);
}

/* assigned/updated SP_NULL: the defaults (WRAPPER_ASSIGNMENTS, ('__dict__',)). */
static bool update_wrapper(sp_VM *vm, sp_Value wrapper, sp_Value wrapped, sp_Value assigned, sp_Value updated) {
    sp_Value wv[2] = {wrapper, wrapped};
    bool ok = true;
    if (sp_isnull(assigned)) {
        for (int i = 0; ok && assignments[i]; i++) {
            sp_Value s = sp_str_intern_cstr(vm, assignments[i]);
            ok = !sp_iserr(s) && copy_attr(vm, wv, s);
        }
    } else ok = spc_foreach(vm, assigned, copy_attr, wv);
    if (ok && sp_isnull(updated)) {
        sp_Value s = sp_str_intern_cstr(vm, "__dict__");
        ok = !sp_iserr(s) && update_attr(vm, wv, s);
    } else if (ok) ok = spc_foreach(vm, updated, update_attr, wv);
    sp_Str *w = ok ? intern(vm, "__wrapped__") : NULL;
    return w && sp_setattr(vm, wrapper, w, wrapped);
}

static sp_Value f_update_wrapper(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[4];
    if (!sp_parse_args(vm, "update_wrapper", args, nargs, kw, "wrapper,wrapped|assigned,updated", o))
        return SP_ERRV;
    return update_wrapper(vm, o[0], o[1], o[2], o[3]) ? o[0] : SP_ERRV;
}

/* wraps(wrapped, ...) is partial(update_wrapper, wrapped=..., assigned=..., updated=...). */
static sp_Value f_wraps(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[3];
    if (!sp_parse_args(vm, "wraps", args, nargs, kw, "wrapped|assigned,updated", o)) return SP_ERRV;
    sp_Value m = sp_import(vm, intern(vm, "functools"));
    sp_Value uw = sp_iserr(m) ? m : sp_getattrs(vm, m, "update_wrapper");
    sp_Value names = sp_iserr(uw) ? uw : names_tuple(vm, (const char *const[]){"wrapped", "assigned", "updated", NULL});
    if (sp_iserr(names) || !sp_pin(vm, names)) return SP_ERRV;
    sp_Value dflt_a = sp_isnull(o[1]) ? names_tuple(vm, assignments) : o[1];
    sp_Value dflt_u = sp_isnull(o[2]) ? names_tuple(vm, (const char *const[]){"__dict__", NULL}) : o[2];
    sp_Value r = SP_ERRV;
    if (!sp_iserr(dflt_a) && !sp_iserr(dflt_u)) {
        sp_Value a[4] = {uw, o[0], dflt_a, dflt_u};
        r = partial_new(vm, &t_partial, a, 1, SP_TUPLE(names));
    }
    sp_unpin(vm, 1);
    return r;
}

/* ================================================================ Python part */

static const char functools_py[] =
    "def _not_impl(r): return r is NotImplemented\n"
    "def _gt_from_lt(self, other):\n"
    "    r = type(self).__lt__(self, other)\n"
    "    return r if _not_impl(r) else not r and self != other\n"
    "def _le_from_lt(self, other):\n"
    "    r = type(self).__lt__(self, other)\n"
    "    return r if _not_impl(r) else r or self == other\n"
    "def _ge_from_lt(self, other):\n"
    "    r = type(self).__lt__(self, other)\n"
    "    return r if _not_impl(r) else not r\n"
    "def _ge_from_le(self, other):\n"
    "    r = type(self).__le__(self, other)\n"
    "    return r if _not_impl(r) else not r or self == other\n"
    "def _lt_from_le(self, other):\n"
    "    r = type(self).__le__(self, other)\n"
    "    return r if _not_impl(r) else r and self != other\n"
    "def _gt_from_le(self, other):\n"
    "    r = type(self).__le__(self, other)\n"
    "    return r if _not_impl(r) else not r\n"
    "def _lt_from_gt(self, other):\n"
    "    r = type(self).__gt__(self, other)\n"
    "    return r if _not_impl(r) else not r and self != other\n"
    "def _ge_from_gt(self, other):\n"
    "    r = type(self).__gt__(self, other)\n"
    "    return r if _not_impl(r) else r or self == other\n"
    "def _le_from_gt(self, other):\n"
    "    r = type(self).__gt__(self, other)\n"
    "    return r if _not_impl(r) else not r\n"
    "def _le_from_ge(self, other):\n"
    "    r = type(self).__ge__(self, other)\n"
    "    return r if _not_impl(r) else not r or self == other\n"
    "def _gt_from_ge(self, other):\n"
    "    r = type(self).__ge__(self, other)\n"
    "    return r if _not_impl(r) else r and self != other\n"
    "def _lt_from_ge(self, other):\n"
    "    r = type(self).__ge__(self, other)\n"
    "    return r if _not_impl(r) else not r\n"
    "_convert = {\n"
    "    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],\n"
    "    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],\n"
    "    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],\n"
    "    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],\n"
    "}\n"
    "def total_ordering(cls):\n"
    "    roots = {op for op in _convert if getattr(cls, op, None) is not getattr(object, op, None)}\n"
    "    if not roots:\n"
    "        raise ValueError('must define at least one ordering operation: < > <= >=')\n"
    "    root = max(roots)\n"
    "    for opname, opfunc in _convert[root]:\n"
    "        if opname not in roots:\n"
    "            opfunc.__name__ = opname\n"
    "            setattr(cls, opname, opfunc)\n"
    "    return cls\n"
    "_NOT_FOUND = object()\n"
    "class cached_property:\n"
    "    def __init__(self, func):\n"
    "        self.func = func\n"
    "        self.attrname = None\n"
    "        self.__doc__ = func.__doc__\n"
    "    def __set_name__(self, owner, name):\n"
    "        if self.attrname is None:\n"
    "            self.attrname = name\n"
    "        elif name != self.attrname:\n"
    "            raise TypeError('Cannot assign the same cached_property to two different names '\n"
    "                            f'({self.attrname!r} and {name!r}).')\n"
    "    def __get__(self, instance, owner=None):\n"
    "        if instance is None:\n"
    "            return self\n"
    "        if self.attrname is None:\n"
    "            raise TypeError('Cannot use cached_property instance without calling __set_name__ on it.')\n"
    "        cache = instance.__dict__\n"
    "        val = cache.get(self.attrname, _NOT_FOUND)\n"
    "        if val is _NOT_FOUND:\n"
    "            val = self.func(instance)\n"
    "            cache[self.attrname] = val\n"
    "        return val\n"
    "cached_property.__module__ = 'functools'\n"
    "from collections import namedtuple as _nt\n"
    "_CacheInfo = _nt('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])\n"
    "del _nt\n";

/* ================================================================ module */

static const sp_MethodDef functools_funcs[] = {
    {"reduce", f_reduce, 0}, {"lru_cache", f_lru_cache, 0}, {"cache", f_cache, 0},
    {"cmp_to_key", f_cmp_to_key, 0}, {"update_wrapper", f_update_wrapper, 0},
    {"wraps", f_wraps, 0}, {NULL, NULL, 0},
};

bool sp_functools_init(sp_VM *vm, sp_Module *m) {
    sp_Value wa = names_tuple(vm, assignments);
    if (sp_iserr(wa) || !sp_module_add(vm, m, "WRAPPER_ASSIGNMENTS", wa)) return false;
    sp_Value wu = names_tuple(vm, (const char *const[]){"__dict__", NULL});
    if (sp_iserr(wu) || !sp_module_add(vm, m, "WRAPPER_UPDATES", wu)) return false;
    if (!sp_module_add_funcs(vm, m, functools_funcs) ||
        !sp_module_add(vm, m, "partial", sp_objv(&t_partial)))
        return false;
    sp_Value code = sp_compile(vm, functools_py, sizeof functools_py - 1, "<functools>");
    if (sp_iserr(code) || !sp_pin(vm, code)) return false;
    sp_Value r = sp_run_code(vm, code, m->dict);
    sp_unpin(vm, 1);
    return !sp_iserr(r);
}
