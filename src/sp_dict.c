/* sp_dict.c - dict: a compact insertion-ordered hash table (an index array
 * of int32 slots into a dense entries array, CPython 3.6+ layout), its
 * keys/values/items views and their iterators.
 *
 * User __eq__ may run during a lookup and mutate the dict: after every
 * comparison that can run user code we check that the table layout and the
 * entry's key are unchanged, and restart the probe otherwise. */
#include "sp_cont.h"
#include "sp_names.h"
#include "sp_snap.h" /* spc_dict_clone_keys */

typedef struct DEnt {
    sp_Value key; /* SP_NULL: deleted */
    sp_Value val;
    int64_t hash;
} DEnt;

struct sp_Dict {
    sp_Obj h;
    size_t used;      /* live entries */
    size_t nent;      /* entries slots consumed (live + deleted) */
    size_t ecap;      /* entries capacity: 2/3 of the index size */
    size_t mask;      /* index slots - 1 */
    int32_t *index;   /* NULL while ecap == 0 */
    DEnt *ent;
    uint64_t layout;  /* bumped whenever index/ent are replaced */
};

enum { IX_EMPTY = -1, IX_DUMMY = -2 };
#define DICT_MAXSIZE ((size_t)1 << 30) /* index slots; entries fit int32 */
#define USABLE(size) (((size) << 1) / 3)
#define D(v) SP_DICT(v)

/* ------------------------------------------------------------ table */

static size_t probe_empty(const sp_Dict *d, int64_t hash) {
    size_t mask = d->mask, i = (size_t)hash & mask;
    for (uint64_t perturb = (uint64_t)hash; d->index[i] >= 0;) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The index and the entries share one block: one allocation per table
 * (a small dict, e.g. an instance's, costs two blocks with its object, not
 * three).  size >= 8 int32 slots come first, so the entries are 8-aligned. */
static size_t tables_bytes(size_t size, size_t ecap) {
    return size * sizeof(int32_t) + ecap * sizeof(DEnt);
}

static bool alloc_tables(sp_VM *vm, size_t size, size_t ecap, int32_t **index, DEnt **ent) {
    *index = sp_malloc(vm, tables_bytes(size, ecap));
    *ent = *index ? (DEnt *)(void *)(*index + size) : NULL;
    return *index != NULL;
}

/* objflags bit: d->index is the first table, inside the object itself
 * (sp_dict_new_globals): it goes with the object, never alone. */
enum { DF_INLINE = 0x20000000u };
_Static_assert(!(DF_INLINE & SP_DICT_WATCHED), "distinct dict flags");

/* Give back d's tables (a block, or nothing if they are in the object). */
static void release_tables(sp_VM *vm, sp_Dict *d, int32_t *index, size_t size, size_t ecap) {
    if (d->h.objflags & DF_INLINE) d->h.objflags &= ~DF_INLINE;
    else if (index) sp_free(vm, index, tables_bytes(size, ecap));
}

static void free_tables(sp_VM *vm, sp_Dict *d) {
    release_tables(vm, d, d->index, d->mask + 1, d->ecap);
    d->index = NULL;
    d->ent = NULL;
    d->mask = d->ecap = d->nent = d->used = 0;
    d->layout++;
}

/* Rebuild with room for at least `minused` entries, compacting. */
static bool dict_resize(sp_VM *vm, sp_Dict *d, size_t minused) {
    size_t size = 8;
    while (USABLE(size) < minused) {
        if (size >= DICT_MAXSIZE) return sp_nomem(vm), false;
        size <<= 1;
    }
    size_t ecap = USABLE(size);
    int32_t *index;
    DEnt *ent;
    if (!alloc_tables(vm, size, ecap, &index, &ent)) return false;
    memset(index, 0xff, size * sizeof(int32_t)); /* IX_EMPTY */
    size_t n = 0;
    for (size_t i = 0; i < d->nent; i++)
        if (!sp_isnull(d->ent[i].key)) ent[n++] = d->ent[i];
    int32_t *oldindex = d->index;
    size_t oldsize = d->mask + 1, oldecap = d->ecap;
    d->index = index;
    d->ent = ent;
    d->mask = size - 1;
    d->ecap = ecap;
    d->nent = d->used = n;
    d->layout++;
    for (size_t i = 0; i < n; i++) index[probe_empty(d, ent[i].hash)] = (int32_t)i;
    release_tables(vm, d, oldindex, oldsize, oldecap);
    return true;
}

/* A str's hash, computed once and then read from it. */
static inline int64_t str_hash(sp_Str *s) { return s->hash != -1 ? s->hash : sp_str_hash(s); }

static inline bool key_hash(sp_VM *vm, sp_Value k, int64_t *h) {
    if (k.tag == SP_INT) {
        *h = sp_hash_i64(k.u.i);
        return true;
    }
    if (sp_isstr(k)) {
        *h = str_hash(SP_STR(k));
        return true;
    }
    return sp_hash(vm, k, h);
}

/* sp_is, inline: payloads are canonical (sp_mk zeroes them), so the same
 * tag and bits mean the same object or the same inline value. */
static inline bool same(sp_Value a, sp_Value b) { return a.tag == b.tag && a.u.i == b.u.i; }

/* 1 found (*ix = entry), 0 missing, -1 error. */
static int lookup(sp_VM *vm, sp_Dict *d, sp_Value key, int64_t hash, size_t *ix) {
restart:
    if (!d->index) return 0;
    size_t mask = d->mask, i = (size_t)hash & mask;
    unsigned probes = 0; /* colliding keys make long chains: poll the clock */
    for (uint64_t perturb = (uint64_t)hash;;) {
        int32_t e = d->index[i];
        if (e == IX_EMPTY) return 0;
        if ((++probes & 63) == 0 && !sp_check_limits(vm)) return -1;
        if (e >= 0 && d->ent[e].hash == hash) {
            sp_Value sk = d->ent[e].key;
            if (same(sk, key)) return *ix = (size_t)e, 1;
            if (sp_isstr(sk) && sp_isstr(key)) {
                if (sp_str_eq(SP_STR(sk), SP_STR(key))) return *ix = (size_t)e, 1;
            } else {
                uint64_t layout = d->layout;
                int c = sp_eq(vm, sk, key);
                if (c < 0) return -1;
                if (d->layout != layout || !sp_is(d->ent[e].key, sk)) {
                    if (!sp_check_limits(vm)) return -1;
                    goto restart;
                }
                if (c) return *ix = (size_t)e, 1;
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* A watched dict (globals whose missing names LOAD_GLOBAL resolved to
 * builtins, sp_vm.c) gained keys or dies: that memory is stale. */
static inline void keys_changed(sp_VM *vm, sp_Dict *d) {
    if (d->h.objflags & SP_DICT_WATCHED) vm->gkeys_epoch++;
}

static bool insert_grow(sp_VM *vm, sp_Dict *d, sp_Value key, int64_t hash, sp_Value val);

/* Append a new entry (key known to be absent).  A full table is the rare
 * case, out of line: the common one then calls nothing. */
static inline void append_at(sp_VM *vm, sp_Dict *d, size_t slot, sp_Value key, int64_t hash, sp_Value val) {
    d->index[slot] = (int32_t)d->nent;
    d->ent[d->nent++] = (DEnt){key, val, hash};
    d->used++;
    keys_changed(vm, d);
}

static bool insert_new(sp_VM *vm, sp_Dict *d, sp_Value key, int64_t hash, sp_Value val) {
    if (d->nent >= d->ecap) return insert_grow(vm, d, key, hash, val);
    append_at(vm, d, probe_empty(d, hash), key, hash, val);
    return true;
}

/* CPython's GROWTH_RATE: an index of the power of two >= used * 3, i.e.
 * room for 2 * used entries (asking for room for used * 3 entries doubled
 * every table: a 100,000-key dict held 350,000 entry slots) */
static __attribute__((noinline)) bool insert_grow(sp_VM *vm, sp_Dict *d, sp_Value key, int64_t hash, sp_Value val) {
    return dict_resize(vm, d, d->used * 2 > 5 ? d->used * 2 : 5) && insert_new(vm, d, key, hash, val);
}

static bool set_hashed(sp_VM *vm, sp_Dict *d, sp_Value key, int64_t hash, sp_Value val) {
    size_t ix;
    if (!d->used) return insert_new(vm, d, key, hash, val); /* nothing to find (a display's first key) */
    int r = lookup(vm, d, key, hash, &ix);
    if (r < 0) return false;
    if (r) {
        d->ent[ix].val = val;
        return true;
    }
    return insert_new(vm, d, key, hash, val);
}

/* Remove entry ix (whose index slot is found by its hash). */
static void del_entry(sp_Dict *d, size_t ix) {
    size_t mask = d->mask, i = (size_t)d->ent[ix].hash & mask;
    for (uint64_t perturb = (uint64_t)d->ent[ix].hash; d->index[i] != (int32_t)ix;) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    d->index[i] = IX_DUMMY;
    d->ent[ix].key = SP_NULLV;
    d->ent[ix].val = SP_NULLV;
    d->used--;
}

/* ------------------------------------------------------------ sp.h API */

static sp_Dict *dict_alloc(sp_VM *vm, sp_Type *t) { return sp_newobj(vm, t, sizeof(sp_Dict)); }

void *spc_dict_alloc_ex(sp_VM *vm, sp_Type *t, size_t extra, void **extrap) {
    size_t base = (sizeof(sp_Dict) + 15) & ~(size_t)15;
    char *d = sp_newobj(vm, t, base + extra);
    if (d && extrap) *extrap = d + base;
    return d;
}

sp_Value sp_dict_new(sp_VM *vm) {
    sp_Dict *d = dict_alloc(vm, &sp_t_dict);
    return d ? sp_objv(d) : SP_ERRV;
}

/* A dict whose first table (the one dict_resize would allocate first)
 * comes in the object's block: one allocation, the same bytes.  Only the
 * dict itself is zeroed: entries past nent are never read. */
static inline sp_Dict *dict_new_inline(sp_VM *vm) {
    enum { SIZE = 8 };
    _Static_assert(sizeof(sp_Dict) % 8 == 0, "the entries after the object stay 8-aligned");
    sp_Dict *d = sp_newobj_raw(vm, &sp_t_dict, sizeof(sp_Dict) + tables_bytes(SIZE, USABLE(SIZE)));
    if (!d) return NULL;
    memset(&d->h + 1, 0, sizeof *d - sizeof d->h);
    d->index = (int32_t *)(void *)(d + 1);
    d->ent = (DEnt *)(void *)(d->index + SIZE);
    d->mask = SIZE - 1;
    d->ecap = USABLE(SIZE);
    memset(d->index, 0xff, SIZE * sizeof(int32_t)); /* IX_EMPTY */
    d->h.objflags |= DF_INLINE;
    return d;
}

/* A display {k: v, ...} of n pairs: sized once (inline up to 5). */
sp_Value sp_dict_with_room(sp_VM *vm, size_t n) {
    if (n && n <= USABLE(8)) {
        sp_Dict *d = dict_new_inline(vm);
        return d ? sp_objv(d) : SP_ERRV;
    }
    sp_Value d = sp_dict_new(vm);
    if (!sp_iserr(d) && n && !dict_resize(vm, SP_DICT(d), n)) return SP_ERRV;
    return d;
}

/* Module globals always get keys (__name__ first): an inline table, and
 * {'__name__': '__main__'} written into it directly (static strs). */
sp_Value sp_dict_new_globals(sp_VM *vm) {
    sp_Dict *d = dict_new_inline(vm);
    if (!d) return SP_ERRV;
    int64_t h = str_hash(SP_NAME(name));
    d->index[probe_empty(d, h)] = 0;
    d->ent[0] = (DEnt){sp_objv(SP_NAME(name)), sp_objv(SP_NAME(main)), h};
    d->used = d->nent = 1;
    return sp_objv(d);
}

int sp_dict_get(sp_VM *vm, sp_Dict *d, sp_Value key, sp_Value *out) {
    int64_t h;
    size_t ix;
    if (!key_hash(vm, key, &h)) return -1;
    int r = lookup(vm, d, key, h, &ix);
    if (r == 1) *out = d->ent[ix].val;
    return r;
}

bool sp_dict_set(sp_VM *vm, sp_Dict *d, sp_Value key, sp_Value val) {
    int64_t h;
    if (!key_hash(vm, key, &h)) return false;
    if (d->used || d->nent >= d->ecap) return set_hashed(vm, d, key, h, val);
    append_at(vm, d, probe_empty(d, h), key, h, val); /* a display's first key: in line */
    return true;
}

int sp_dict_del(sp_VM *vm, sp_Dict *d, sp_Value key) {
    int64_t h;
    size_t ix;
    if (!key_hash(vm, key, &h)) return -1;
    int r = lookup(vm, d, key, h, &ix);
    if (r == 1) del_entry(d, ix);
    return r;
}

/* find_str's probe comparing str contents, going on from slot i (perturb
 * as the probe left it), whose entry's hash matches but whose key is
 * another object. */
static __attribute__((noinline)) int32_t find_str_eq(const sp_Dict *d, sp_Str *key, int64_t hash, size_t i,
                                                     uint64_t perturb) {
    for (size_t mask = d->mask;;) {
        int32_t e = d->index[i];
        if (e == IX_EMPTY) return e;
        if (e >= 0) {
            const DEnt *en = &d->ent[e];
            if (en->key.tag == SP_OBJ && (en->key.u.o == (sp_Obj *)key ||
                (en->hash == hash && sp_isstr(en->key) && sp_str_eq(SP_STR(en->key), key))))
                return e;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* str-only probe: never runs user code (non-str keys never match).  Names
 * are interned, so the same object is the common hit: the loop tests only
 * that, calling nothing (so saving no registers), and hands the probe over
 * to find_str_eq at the first other key of the same hash. */
static inline int32_t find_str(const sp_Dict *d, sp_Str *key, int64_t hash) {
    if (!d->index) return IX_EMPTY;
    size_t mask = d->mask, i = (size_t)hash & mask;
    for (uint64_t perturb = (uint64_t)hash;;) {
        int32_t e = d->index[i];
        if (e == IX_EMPTY) return e;
        if (e >= 0 && d->ent[e].hash == hash) {
            const DEnt *en = &d->ent[e];
            return en->key.tag == SP_OBJ && en->key.u.o == (sp_Obj *)key ? e : find_str_eq(d, key, hash, i, perturb);
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

sp_Value sp_dict_gets(sp_Dict *d, sp_Str *key) {
    int32_t e = find_str(d, key, str_hash(key));
    return e >= 0 ? d->ent[e].val : SP_NULLV;
}

int64_t sp_dict_index_of(sp_Dict *d, sp_Str *key) { return find_str(d, key, str_hash(key)); }

/* A key is in one entry at most, so if entry ix holds key its value is
 * the current one, however the dict changed since the hint was taken. */
sp_Value sp_dict_at(sp_Dict *d, int64_t ix, sp_Str *key) {
    if (ix < 0 || (size_t)ix >= d->nent) return SP_NULLV;
    const DEnt *e = &d->ent[ix];
    return e->key.tag == SP_OBJ && e->key.u.o == (sp_Obj *)key ? e->val : SP_NULLV;
}

bool sp_dict_put_at(sp_Dict *d, int64_t ix, sp_Str *key, sp_Value val) {
    if (ix < 0 || (size_t)ix >= d->nent) return false;
    DEnt *e = &d->ent[ix];
    if (e->key.tag != SP_OBJ || e->key.u.o != (sp_Obj *)key) return false;
    e->val = val;
    return true;
}

/* sp_dict_sets_at's cases other than its probe's. */
static __attribute__((noinline)) int64_t sets_slow(sp_VM *vm, sp_Dict *d, sp_Str *key, sp_Value val) {
    int64_t h = str_hash(key);
    int32_t e = find_str(d, key, h);
    if (e >= 0) {
        d->ent[e].val = val;
        return e;
    }
    return insert_new(vm, d, sp_objv(key), h, val) ? (int64_t)d->nent - 1 : -1;
}

/* A str key stored (a name: STORE_NAME, attributes) in one probe calling
 * nothing: the key's own entry, or absent, it takes the slot probe_empty
 * would give it (the first dummy or empty one), the table having room.
 * Another key of the same hash, a full table or a hash not yet computed:
 * sets_slow (a tail call: the probe keeps nothing across a call, so saves
 * no registers). */
int64_t sp_dict_sets_at(sp_VM *vm, sp_Dict *d, sp_Str *key, sp_Value val) {
    int64_t h = key->hash;
    if (h == -1 || !d->index || d->nent >= d->ecap) return sets_slow(vm, d, key, val);
    size_t mask = d->mask, i = (size_t)h & mask, slot = SIZE_MAX;
    for (uint64_t perturb = (uint64_t)h;;) {
        int32_t e = d->index[i];
        if (e == IX_EMPTY) break;
        if (e == IX_DUMMY) {
            if (slot == SIZE_MAX) slot = i;
        } else if (d->ent[e].hash == h) {
            DEnt *en = &d->ent[e];
            if (en->key.tag != SP_OBJ || en->key.u.o != (sp_Obj *)key) return sets_slow(vm, d, key, val);
            en->val = val;
            return e;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    append_at(vm, d, slot == SIZE_MAX ? i : slot, sp_objv(key), h, val);
    return (int64_t)d->nent - 1;
}

bool sp_dict_sets(sp_VM *vm, sp_Dict *d, sp_Str *key, sp_Value val) {
    return sp_dict_sets_at(vm, d, key, val) >= 0;
}

size_t sp_dict_len(sp_Dict *d) { return d->used; }

bool sp_dict_next(sp_Dict *d, size_t *pos, sp_Value *key, sp_Value *val) {
    for (size_t i = *pos; i < d->nent; i++) {
        if (sp_isnull(d->ent[i].key)) continue;
        if (key) *key = d->ent[i].key;
        if (val) *val = d->ent[i].val;
        *pos = i + 1;
        return true;
    }
    *pos = d->nent;
    return false;
}

int64_t spc_dict_hash_at(sp_Dict *d, size_t pos) { return d->ent[pos - 1].hash; }

bool spc_dict_append(sp_VM *vm, sp_Dict *d, sp_Value key, int64_t hash, sp_Value val) {
    return insert_new(vm, d, key, hash, val);
}

static sp_Value key_error(sp_VM *vm, sp_Value key) {
    sp_Value t = sp_tuple_pack(vm, 1, &key);
    return sp_iserr(t) ? t : sp_raise_args(vm, &sp_t_KeyError, t);
}

/* ------------------------------------------------------------ update */

static bool copy_into(sp_VM *vm, sp_Dict *d, sp_Dict *src) {
    if (d->used == 0 && src->used == src->nent && src->index) { /* clone tables */
        free_tables(vm, d);
        size_t size = src->mask + 1;
        if (!alloc_tables(vm, size, src->ecap, &d->index, &d->ent)) return false;
        memcpy(d->index, src->index, size * sizeof(int32_t));
        memcpy(d->ent, src->ent, src->nent * sizeof(DEnt));
        d->mask = src->mask;
        d->ecap = src->ecap;
        d->nent = d->used = src->nent;
        keys_changed(vm, d);
        return true;
    }
    /* Keys in src are hashed already; values may run no user code, but
     * equal-hash keys in d may (user __eq__): walk by position. */
    for (size_t i = 0; i < src->nent; i++) {
        DEnt e = src->ent[i];
        if (sp_isnull(e.key)) continue;
        if (!sp_pin(vm, e.val)) return false;
        bool ok = set_hashed(vm, d, e.key, e.hash, e.val) && sp_check_limits(vm);
        sp_unpin(vm, 1);
        if (!ok) return false;
    }
    return true;
}

typedef struct PairCtx {
    sp_Dict *d;
    size_t n;
} PairCtx;

static bool add_pair(sp_VM *vm, void *ud, sp_Value item) {
    PairCtx *c = ud;
    sp_Value seq = item;
    if (!SPC_ISLIST(item) && !SPC_ISTUPLE(item)) {
        if (!sp_typeof(item)->iter) {
            sp_raise(vm, &sp_t_TypeError, "cannot convert dictionary update sequence element #%zu to a sequence", c->n);
            return false;
        }
        seq = sp_list_from_iter(vm, item);
        if (sp_iserr(seq)) return false;
    }
    size_t n;
    sp_Value *kv = spc_items(seq, &n);
    if (n != 2) {
        sp_raise(vm, &sp_t_ValueError, "dictionary update sequence element #%zu has length %zu; 2 is required",
                 c->n, n);
        return false;
    }
    sp_Value k = kv[0], v = kv[1];
    if (!sp_pin(vm, v)) return false; /* hashing k may run user code */
    bool ok = sp_dict_set(vm, c->d, k, v);
    sp_unpin(vm, 1);
    c->n++;
    return ok;
}

/* Mappings other than dict: for k in m.keys(): target[k] = m[k], through
 * target's __setitem__ when `generic` (MutableMapping.update, used by
 * OrderedDict subclasses), else straight into the dict (dict.update). */
bool sp_update_from_keys(sp_VM *vm, sp_Value target, sp_Value m, sp_Value keysfn, bool generic) {
    sp_Value ks = sp_call0(vm, keysfn);
    if (sp_iserr(ks)) return false;
    sp_Value it = sp_iter(vm, ks);
    if (sp_iserr(it) || !sp_pin(vm, it)) return false;
    bool ok = true;
    for (;;) {
        sp_Value k = sp_next(vm, it);
        if (sp_isnull(k)) break;
        ok = !sp_iserr(k) && sp_pin(vm, k);
        if (!ok) break;
        sp_Value v = sp_getitem(vm, m, k);
        ok = !sp_iserr(v) && sp_pin(vm, v);
        if (ok) {
            ok = (generic ? sp_setitem(vm, target, k, v) : sp_dict_set(vm, SP_DICT(target), k, v)) &&
                 sp_check_limits(vm);
            sp_unpin(vm, 1);
        }
        sp_unpin(vm, 1);
        if (!ok) break;
    }
    sp_unpin(vm, 1);
    return ok;
}

bool sp_dict_update(sp_VM *vm, sp_Dict *d, sp_Value other) {
    if (SPC_ISDICT(other)) return copy_into(vm, d, D(other));
    sp_Value name = sp_str_intern_cstr(vm, "keys");
    if (sp_iserr(name)) return false;
    sp_Value keysfn = sp_getattr_opt(vm, other, SP_STR(name));
    if (sp_iserr(keysfn)) return false;
    if (!sp_isnull(keysfn)) return sp_update_from_keys(vm, sp_objv(d), other, keysfn, false);
    PairCtx c = {d, 0};
    return spc_foreach(vm, other, add_pair, &c);
}

/* dict(...) / update(...): at most one positional, then keywords. */
static bool update_args(sp_VM *vm, sp_Dict *d, const char *name, sp_Value *args, int nargs,
                        sp_Tuple *kw) {
    if (!spc_nargs(vm, name, nargs, 0, 1)) return false;
    if (nargs == 1 && !sp_dict_update(vm, d, args[0])) return false;
    for (size_t i = 0; kw && i < kw->n; i++)
        if (!sp_dict_set(vm, d, kw->items[i], args[nargs + (int)i])) return false;
    return true;
}

/* ------------------------------------------------------------ slots */

static sp_Value dict_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Dict *d = dict_alloc(vm, t);
    if (!d) return SP_ERRV;
    if (nargs == 0 && !kw) return sp_objv(d);
    if (!sp_pin(vm, sp_objv(d))) return SP_ERRV;
    bool ok = update_args(vm, d, "dict", args, nargs, kw);
    sp_unpin(vm, 1);
    return ok ? sp_objv(d) : SP_ERRV;
}

static sp_Value dict_repr(sp_VM *vm, sp_Value self) {
    sp_Dict *d = D(self);
    if (d->used == 0) return sp_str_cstr(vm, "{}");
    int st = sp_repr_enter(vm, SP_O(self));
    if (st <= 0) return st < 0 ? SP_ERRV : sp_str_cstr(vm, "{...}");
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_buf_addc(&b, '{'), first = true;
    for (size_t i = 0; ok && i < d->nent; i++) {
        DEnt e = d->ent[i];
        if (sp_isnull(e.key)) continue;
        ok = sp_pin(vm, e.key);
        if (ok && !sp_pin(vm, e.val)) {
            sp_unpin(vm, 1);
            ok = false;
        }
        if (!ok) break;
        ok = (first || sp_buf_adds(&b, ", ")) && sp_buf_addv(&b, e.key, true) &&
             sp_buf_adds(&b, ": ") && sp_buf_addv(&b, e.val, true) && sp_check_limits(vm);
        sp_unpin(vm, 2);
        first = false;
    }
    ok = ok && sp_buf_addc(&b, '}');
    sp_repr_leave(vm, SP_O(self));
    if (!ok) {
        sp_buf_free(&b);
        return SP_ERRV;
    }
    return sp_buf_tostr(&b);
}

/* CPython's dict_equal: every key of a maps to an equal value in b. */
static int dict_equal(sp_VM *vm, sp_Dict *a, sp_Dict *b) {
    if (a->used != b->used) return 0;
    for (size_t i = 0; i < a->nent; i++) {
        DEnt e = a->ent[i];
        if (sp_isnull(e.key)) continue;
        if (!sp_pin(vm, e.key)) return -1;
        if (!sp_pin(vm, e.val)) return sp_unpin(vm, 1), -1;
        size_t ix;
        int r = lookup(vm, b, e.key, e.hash, &ix);
        if (r == 1) r = sp_eq(vm, e.val, b->ent[ix].val);
        sp_unpin(vm, 2);
        if (r <= 0) return r;
        if (!sp_check_limits(vm)) return -1;
    }
    return 1;
}

static sp_Value dict_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if (!SPC_ISDICT(a) || !SPC_ISDICT(b) || (op != SP_EQ && op != SP_NE)) return SP_NOTIMPL;
    int r = dict_equal(vm, D(a), D(b));
    if (r < 0) return SP_ERRV;
    return sp_bool(op == SP_EQ ? r : !r);
}

static int64_t dict_len(sp_VM *vm, sp_Value self) {
    (void)vm;
    return (int64_t)D(self)->used;
}

static sp_Value dict_getitem(sp_VM *vm, sp_Value self, sp_Value key) {
    sp_Value v;
    int r = sp_dict_get(vm, D(self), key, &v);
    if (r < 0) return SP_ERRV;
    if (r) return v;
    if (!sp_isdict(self)) { /* subclasses: __missing__ */
        sp_Value name = sp_str_intern_cstr(vm, "__missing__");
        if (sp_iserr(name)) return name;
        sp_Value m = sp_type_lookup(vm, sp_typeof(self), SP_STR(name));
        if (sp_iserr(m)) return m;
        if (!sp_isnull(m)) return sp_call2(vm, m, self, key);
    }
    return key_error(vm, key);
}

static bool dict_setitem(sp_VM *vm, sp_Value self, sp_Value key, sp_Value val) {
    if (!sp_isnull(val)) return sp_dict_set(vm, D(self), key, val);
    int r = sp_dict_del(vm, D(self), key);
    if (r == 0) key_error(vm, key);
    return r == 1;
}

static int dict_contains(sp_VM *vm, sp_Value self, sp_Value key) {
    sp_Value v;
    return sp_dict_get(vm, D(self), key, &v);
}

static sp_Value dictiter_new(sp_VM *vm, sp_Type *t, sp_Dict *d, bool rev);
extern sp_Type sp_t_dict_keyiterator, sp_t_dict_valueiterator, sp_t_dict_itemiterator,
    sp_t_dict_reversekeyiterator, sp_t_dict_reversevalueiterator, sp_t_dict_reverseitemiterator,
    sp_t_dict_keys, sp_t_dict_values, sp_t_dict_items;

static sp_Value dict_iter(sp_VM *vm, sp_Value self) {
    return dictiter_new(vm, &sp_t_dict_keyiterator, D(self), false);
}

static sp_Value dict_copy_of(sp_VM *vm, sp_Dict *src) {
    sp_Value r = sp_dict_new(vm);
    if (sp_iserr(r) || !sp_pin(vm, r)) return SP_ERRV;
    bool ok = copy_into(vm, D(r), src);
    sp_unpin(vm, 1);
    return ok ? r : SP_ERRV;
}

static sp_Value dict_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (op == SP_OP_OR + SP_OP_INPLACE && SPC_ISDICT(a))
        return sp_dict_update(vm, D(a), b) ? a : SP_ERRV;
    if (op != SP_OP_OR || !SPC_ISDICT(a) || !SPC_ISDICT(b)) return SP_NOTIMPL;
    sp_Value r = dict_copy_of(vm, D(a));
    if (sp_iserr(r) || !sp_pin(vm, r)) return SP_ERRV;
    bool ok = copy_into(vm, D(r), D(b));
    sp_unpin(vm, 1);
    return ok ? r : SP_ERRV;
}

static void dict_traverse(sp_VM *vm, sp_Obj *o) {
    sp_Dict *d = (sp_Dict *)o;
    for (size_t i = 0; i < d->nent; i++) {
        sp_gc_markv(vm, d->ent[i].key);
        sp_gc_markv(vm, d->ent[i].val);
    }
}

static void dict_finalize(sp_VM *vm, sp_Obj *o) {
    keys_changed(vm, (sp_Dict *)o); /* its address may come back as another dict */
    free_tables(vm, (sp_Dict *)o);
}

/* ------------------------------------------------------------ methods */

#define SELF(name) spc_self(vm, args, nargs, &sp_t_dict, name)
#define DS D(args[0])

static sp_Value m_get(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("get") || !spc_nokw(vm, "dict.get", kw) || !spc_nargs(vm, "get", nargs - 1, 1, 2))
        return SP_ERRV;
    sp_Value v;
    int r = sp_dict_get(vm, DS, args[1], &v);
    if (r < 0) return SP_ERRV;
    return r ? v : nargs > 2 ? args[2] : SP_NONEV;
}

static sp_Value m_setdefault(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("setdefault") || !spc_nokw(vm, "dict.setdefault", kw) ||
        !spc_nargs(vm, "setdefault", nargs - 1, 1, 2))
        return SP_ERRV;
    sp_Value dflt = nargs > 2 ? args[2] : SP_NONEV;
    int64_t h;
    size_t ix;
    if (!key_hash(vm, args[1], &h)) return SP_ERRV;
    int r = lookup(vm, DS, args[1], h, &ix);
    if (r < 0) return SP_ERRV;
    if (r) return DS->ent[ix].val;
    return insert_new(vm, DS, args[1], h, dflt) ? dflt : SP_ERRV;
}

static sp_Value m_pop(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("pop") || !spc_nokw(vm, "dict.pop", kw) || !spc_nargs(vm, "pop", nargs - 1, 1, 2))
        return SP_ERRV;
    int64_t h;
    size_t ix;
    if (!key_hash(vm, args[1], &h)) return SP_ERRV;
    int r = lookup(vm, DS, args[1], h, &ix);
    if (r < 0) return SP_ERRV;
    if (!r) return nargs > 2 ? args[2] : key_error(vm, args[1]);
    sp_Value v = DS->ent[ix].val;
    del_entry(DS, ix);
    return v;
}

static sp_Value m_popitem(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("popitem") || !spc_noargs(vm, "dict.popitem", nargs - 1, kw)) return SP_ERRV;
    sp_Dict *d = DS;
    if (d->used == 0) return sp_raise(vm, &sp_t_KeyError, "popitem(): dictionary is empty");
    size_t i = d->nent;
    while (sp_isnull(d->ent[i - 1].key)) i--;
    sp_Value pair[2] = {d->ent[i - 1].key, d->ent[i - 1].val};
    sp_Value t = sp_tuple_pack(vm, 2, pair);
    if (sp_iserr(t)) return t;
    del_entry(d, i - 1);
    d->nent = i - 1; /* trailing deleted entries can be reused */
    return t;
}

static sp_Value view_new(sp_VM *vm, sp_Type *t, sp_Value d);

static sp_Value m_keys(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("keys") || !spc_noargs(vm, "dict.keys", nargs - 1, kw)) return SP_ERRV;
    return view_new(vm, &sp_t_dict_keys, args[0]);
}

static sp_Value m_values(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("values") || !spc_noargs(vm, "dict.values", nargs - 1, kw)) return SP_ERRV;
    return view_new(vm, &sp_t_dict_values, args[0]);
}

static sp_Value m_items(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("items") || !spc_noargs(vm, "dict.items", nargs - 1, kw)) return SP_ERRV;
    return view_new(vm, &sp_t_dict_items, args[0]);
}

static sp_Value m_update(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("update")) return SP_ERRV;
    return update_args(vm, DS, "update", args + 1, nargs - 1, kw) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_clear(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("clear") || !spc_noargs(vm, "dict.clear", nargs - 1, kw)) return SP_ERRV;
    free_tables(vm, DS);
    return SP_NONEV;
}

static sp_Value m_copy(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("copy") || !spc_noargs(vm, "dict.copy", nargs - 1, kw)) return SP_ERRV;
    return dict_copy_of(vm, DS);
}

static sp_Value m_reversed(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!SELF("__reversed__") || !spc_noargs(vm, "dict.__reversed__", nargs - 1, kw)) return SP_ERRV;
    return dictiter_new(vm, &sp_t_dict_reversekeyiterator, DS, true);
}

typedef struct FromKeys {
    sp_Value d, val;
} FromKeys;

static bool fromkeys_one(sp_VM *vm, void *ud, sp_Value k) {
    FromKeys *f = ud;
    if (sp_isdict(f->d)) return sp_dict_set(vm, D(f->d), k, f->val);
    return sp_setitem(vm, f->d, k, f->val);
}

static sp_Value m_fromkeys(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!spc_nokw(vm, "dict.fromkeys", kw) || !spc_nargs(vm, "fromkeys", nargs - 1, 1, 2))
        return SP_ERRV;
    sp_Value cls = args[0];
    sp_Value d = SP_O(cls) == (sp_Obj *)&sp_t_dict ? sp_dict_new(vm) : sp_call0(vm, cls);
    if (sp_iserr(d) || !sp_pin(vm, d)) return SP_ERRV;
    FromKeys f = {d, nargs > 2 ? args[2] : SP_NONEV};
    bool ok = spc_foreach(vm, args[1], fromkeys_one, &f);
    sp_unpin(vm, 1);
    return ok ? d : SP_ERRV;
}

static const sp_MethodDef dict_methods[] = {
    {"get", m_get, 0},         {"setdefault", m_setdefault, 0}, {"pop", m_pop, 0},
    {"popitem", m_popitem, 0}, {"keys", m_keys, 0},             {"values", m_values, 0},
    {"items", m_items, 0},     {"update", m_update, 0},         {"clear", m_clear, 0},
    {"copy", m_copy, 0},       {"fromkeys", m_fromkeys, SP_METH_CLASS},
    {"__reversed__", m_reversed, 0},
    {NULL, NULL, 0},
};

sp_Type sp_t_dict = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "dict",
    .base = &sp_t_object,
    .flags = SP_TF_BASETYPE | SP_TF_UNHASHABLE,
    .methods = dict_methods,
    .traverse = dict_traverse,
    .finalize = dict_finalize,
    .new_ = dict_new,
    .basicsize = sizeof(sp_Dict),
    .repr = dict_repr,
    .richcmp = dict_richcmp,
    .len = dict_len,
    .iter = dict_iter,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains,
    .binop = dict_binop,
};

/* ------------------------------------------------------------ iterators */

typedef struct DictIter {
    sp_Obj h;
    sp_Dict *d;    /* NULL once exhausted */
    size_t pos;    /* next entry (forward) or one past it (reverse) */
    size_t used;   /* d->used at creation; SIZE_MAX after a size error */
    size_t left;   /* items still expected */
} DictIter;

static sp_Value dictiter_new(sp_VM *vm, sp_Type *t, sp_Dict *d, bool rev) {
    DictIter *it = sp_newobj(vm, t, sizeof *it);
    if (!it) return SP_ERRV;
    it->d = d;
    it->pos = rev ? d->nent : 0;
    it->used = it->left = d->used;
    return sp_objv(it);
}

/* The next live entry, or NULL (exhausted or error pending). */
static DEnt *dictiter_step(sp_VM *vm, DictIter *it, bool rev) {
    sp_Dict *d = it->d;
    if (!d) return NULL;
    if (it->used != d->used) {
        it->used = SIZE_MAX;
        sp_raise(vm, &sp_t_RuntimeError, "dictionary changed size during iteration");
        return NULL;
    }
    size_t i = it->pos;
    if (rev) {
        if (i > d->nent) i = d->nent;
        while (i > 0 && sp_isnull(d->ent[i - 1].key)) i--;
    } else {
        while (i < d->nent && sp_isnull(d->ent[i].key)) i++;
    }
    if (rev ? i == 0 : i >= d->nent) {
        it->d = NULL;
        return NULL;
    }
    if (it->left == 0) {
        it->d = NULL;
        sp_raise(vm, &sp_t_RuntimeError, "dictionary keys changed during iteration");
        return NULL;
    }
    it->left--;
    it->pos = rev ? i - 1 : i + 1;
    return &d->ent[rev ? i - 1 : i];
}

static sp_Value iter_result(sp_VM *vm, DEnt *e, int what) {
    if (!e) return sp_err_occurred(vm) ? SP_ERRV : SP_NULLV;
    if (what == 0) return e->key;
    if (what == 1) return e->val;
    sp_Value pair[2] = {e->key, e->val};
    return sp_tuple_pack(vm, 2, pair);
}

#define DICTITER_NEXT(fname, what, rev)                                                            \
    static sp_Value fname(sp_VM *vm, sp_Value self) {                                             \
        return iter_result(vm, dictiter_step(vm, (DictIter *)SP_O(self), rev), what);             \
    }
DICTITER_NEXT(keyiter_next, 0, false)
DICTITER_NEXT(valiter_next, 1, false)
DICTITER_NEXT(itemiter_next, 2, false)
DICTITER_NEXT(rkeyiter_next, 0, true)
DICTITER_NEXT(rvaliter_next, 1, true)
DICTITER_NEXT(ritemiter_next, 2, true)

static sp_Value self_iter(sp_VM *vm, sp_Value self) {
    (void)vm;
    return self;
}

static void dictiter_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_marko(vm, (sp_Obj *)((DictIter *)o)->d); }

#define DICTITER_TYPE(var, nm, nextfn)                                                              \
    sp_Type var = {                                                                                \
        .h = SP_STATIC_HDR(&sp_t_type), .name = nm, .base = &sp_t_object,                         \
        .traverse = dictiter_traverse, .repr = spc_obj_repr, .iter = self_iter, .next = nextfn,    \
    }
DICTITER_TYPE(sp_t_dict_keyiterator, "dict_keyiterator", keyiter_next);
DICTITER_TYPE(sp_t_dict_valueiterator, "dict_valueiterator", valiter_next);
DICTITER_TYPE(sp_t_dict_itemiterator, "dict_itemiterator", itemiter_next);
DICTITER_TYPE(sp_t_dict_reversekeyiterator, "dict_reversekeyiterator", rkeyiter_next);
DICTITER_TYPE(sp_t_dict_reversevalueiterator, "dict_reversevalueiterator", rvaliter_next);
DICTITER_TYPE(sp_t_dict_reverseitemiterator, "dict_reverseitemiterator", ritemiter_next);

/* ------------------------------------------------------------ views */

typedef struct DictView {
    sp_Obj h;
    sp_Value d;
} DictView;

#define VD(v) D(((DictView *)SP_O(v))->d)

static sp_Value view_new(sp_VM *vm, sp_Type *t, sp_Value d) {
    DictView *v = sp_newobj(vm, t, sizeof *v);
    if (!v) return SP_ERRV;
    v->d = d;
    return sp_objv(v);
}

int spc_dictview_kind(sp_Value v) {
    if (sp_istype(v, &sp_t_dict_keys)) return 1;
    if (sp_istype(v, &sp_t_dict_items)) return 2;
    return 0;
}

static int64_t view_len(sp_VM *vm, sp_Value self) {
    (void)vm;
    return (int64_t)VD(self)->used;
}

static sp_Type *view_iter_type(sp_Value self, bool rev) {
    sp_Type *t = sp_typeof(self);
    if (t == &sp_t_dict_keys) return rev ? &sp_t_dict_reversekeyiterator : &sp_t_dict_keyiterator;
    if (t == &sp_t_dict_values) return rev ? &sp_t_dict_reversevalueiterator : &sp_t_dict_valueiterator;
    return rev ? &sp_t_dict_reverseitemiterator : &sp_t_dict_itemiterator;
}

static sp_Value view_iter(sp_VM *vm, sp_Value self) {
    return dictiter_new(vm, view_iter_type(self, false), VD(self), false);
}

static sp_Value view_reversed(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs < 1 || !(spc_dictview_kind(args[0]) || sp_istype(args[0], &sp_t_dict_values)))
        return sp_raise(vm, &sp_t_TypeError, "descriptor '__reversed__' needs a dict view");
    if (!spc_noargs(vm, "__reversed__", nargs - 1, kw)) return SP_ERRV;
    return dictiter_new(vm, view_iter_type(args[0], true), VD(args[0]), true);
}

int spc_dictview_contains(sp_VM *vm, sp_Value self, sp_Value x) {
    sp_Dict *d = VD(self);
    if (sp_istype(self, &sp_t_dict_keys)) return dict_contains(vm, ((DictView *)SP_O(self))->d, x);
    if (!sp_istuple(x) || SP_TUPLE(x)->n != 2) return 0;
    sp_Value v;
    int r = sp_dict_get(vm, d, SP_TUPLE(x)->items[0], &v);
    if (r <= 0) return r;
    return sp_eq(vm, v, SP_TUPLE(x)->items[1]);
}

static int values_contains(sp_VM *vm, sp_Value self, sp_Value x) {
    sp_Dict *d = VD(self);
    for (size_t i = 0; i < d->nent; i++) {
        if (sp_isnull(d->ent[i].key)) continue;
        int r = sp_eq(vm, d->ent[i].val, x);
        if (r) return r;
        if (!sp_check_limits(vm)) return -1;
    }
    return 0;
}

static sp_Value view_repr(sp_VM *vm, sp_Value self) {
    int st = sp_repr_enter(vm, SP_O(self));
    if (st <= 0) return st < 0 ? SP_ERRV : sp_str_cstr(vm, "...");
    sp_Value l = sp_list_from_iter(vm, self), r = SP_ERRV;
    if (!sp_iserr(l) && sp_pin(vm, l)) {
        r = sp_fmt(vm, "%s(%R)", sp_typename(self), l);
        sp_unpin(vm, 1);
    }
    sp_repr_leave(vm, SP_O(self));
    return r;
}

static bool is_setlike(sp_Value v) { return SPC_ISANYSET(v) || spc_dictview_kind(v); }

static sp_Value view_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if (!is_setlike(a) || !is_setlike(b)) return SP_NOTIMPL;
    int64_t la = sp_len(vm, a), lb = sp_len(vm, b);
    if (la < 0 || lb < 0) return SP_ERRV;
    bool sizeok;
    sp_Value x = a, y = b; /* test x <= y */
    switch (op) {
    case SP_EQ: case SP_NE: sizeok = la == lb; break;
    case SP_LT: sizeok = la < lb; break;
    case SP_LE: sizeok = la <= lb; break;
    case SP_GT: sizeok = la > lb; x = b; y = a; break;
    default: sizeok = la >= lb; x = b; y = a; break;
    }
    int r = sizeok ? spc_all_contained(vm, x, y) : 0;
    if (r < 0) return SP_ERRV;
    return sp_bool(op == SP_NE ? !r : r);
}

typedef struct ViewAnd {
    sp_Value view, result;
} ViewAnd;

static bool view_and_one(sp_VM *vm, void *ud, sp_Value x) {
    ViewAnd *c = ud;
    int r = spc_dictview_contains(vm, c->view, x);
    return r >= 0 && (r == 0 || sp_set_add(vm, c->result, x) >= 0);
}

static sp_Value view_and(sp_VM *vm, sp_Value self, sp_Value other) {
    if (!spc_dictview_kind(self)) {
        sp_Value t = self;
        self = other;
        other = t;
    }
    int64_t ls = sp_len(vm, self);
    if (ls < 0) return SP_ERRV;
    if (sp_istype(other, &sp_t_set)) {
        int64_t lo = sp_len(vm, other);
        if (ls <= lo) return spc_set_intersection(vm, other, self);
    }
    if (spc_dictview_kind(other) && sp_len(vm, other) > ls) {
        sp_Value t = self;
        self = other;
        other = t;
    }
    sp_Value r = sp_set_new(vm, &sp_t_set);
    if (sp_iserr(r) || !sp_pin(vm, r)) return SP_ERRV;
    ViewAnd c = {self, r};
    bool ok = spc_foreach(vm, other, view_and_one, &c);
    sp_unpin(vm, 1);
    return ok ? r : SP_ERRV;
}

static sp_Value view_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (op >= SP_OP_INPLACE) return SP_NOTIMPL;
    if (op != SP_OP_AND && op != SP_OP_OR && op != SP_OP_SUB && op != SP_OP_XOR) return SP_NOTIMPL;
    if (op == SP_OP_AND) return view_and(vm, a, b);
    sp_Value r = spc_set_from(vm, &sp_t_set, a);
    if (sp_iserr(r) || !sp_pin(vm, r)) return SP_ERRV;
    bool ok = op == SP_OP_OR ? spc_set_update(vm, r, b)
              : op == SP_OP_SUB ? spc_set_discard_all(vm, r, b)
                                : spc_set_symdiff_update(vm, r, b);
    sp_unpin(vm, 1);
    return ok ? r : SP_ERRV;
}

static void view_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_markv(vm, ((DictView *)o)->d); }

static const sp_MethodDef view_methods[] = {{"__reversed__", view_reversed, 0}, {NULL, NULL, 0}};

#define VIEW_TYPE(var, nm, contains_fn, cmp, bin, fl)                                              \
    sp_Type var = {                                                                                \
        .h = SP_STATIC_HDR(&sp_t_type), .name = nm, .base = &sp_t_object,                         \
        .flags = fl, .methods = view_methods,                                                      \
        .traverse = view_traverse, .repr = view_repr, .richcmp = cmp, .len = view_len,            \
        .iter = view_iter, .contains = contains_fn, .binop = bin,                                  \
    }
/* keys/items define __eq__, so (as in CPython) they are unhashable. */
VIEW_TYPE(sp_t_dict_keys, "dict_keys", spc_dictview_contains, view_richcmp, view_binop, SP_TF_UNHASHABLE);
VIEW_TYPE(sp_t_dict_items, "dict_items", spc_dictview_contains, view_richcmp, view_binop, SP_TF_UNHASHABLE);
VIEW_TYPE(sp_t_dict_values, "dict_values", values_contains, NULL, NULL, 0);

/* ------------------------------------------------------------ snapshots */

/* sp_snap.c's bulk load of a dict with the same keys as one loaded just
 * before: the empty dict d gets src's keys, hashes and index table in one
 * go, and the n values vals.  Nothing is hashed or compared. */
bool spc_dict_clone_keys(sp_VM *vm, sp_Dict *d, const sp_Dict *src, const sp_Value *vals, size_t n) {
    if (d->index || src->used != n || src->nent != n) return sp_raise(vm, &sp_t_ValueError, "bad dict shape"), false;
    if (!n) return true;
    size_t size = src->mask + 1;
    int32_t *index;
    DEnt *ent;
    if (!alloc_tables(vm, size, src->ecap, &index, &ent)) return false;
    memcpy(index, src->index, size * sizeof(int32_t));
    for (size_t i = 0; i < n; i++) ent[i] = (DEnt){src->ent[i].key, vals[i], src->ent[i].hash};
    d->index = index, d->ent = ent, d->mask = src->mask, d->ecap = src->ecap;
    d->nent = d->used = n;
    d->layout++;
    keys_changed(vm, d);
    return true;
}

const sp_Value *spc_dict_keys_are(const sp_Dict *d, const sp_Value *keys, size_t n, size_t *stride) {
    if (d->used != n || d->nent != n) return NULL;
    for (size_t i = 0; i < n; i++)
        if (d->ent[i].key.tag != keys[i].tag || d->ent[i].key.u.i != keys[i].u.i) return NULL;
    *stride = sizeof *d->ent;
    return &d->ent[0].val;
}
