/* sp_set.c - set and frozenset.
 *
 * Iteration order is observable (print({100, 5, 37})), so the table follows
 * CPython 3.11's setobject.c behaviour exactly: open addressing over a
 * power-of-two table (8 slots to start, embedded in the object), runs of
 * LINEAR_PROBES neighbours then perturbed jumps, dummies for deletions,
 * fill/used accounting and the same resize points.  Only the code is ours. */
#include "sp_cont.h"
#include "sp_snap.h"

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* key SP_NULL + hash 0: never used; key SP_NULL + hash -1: dummy. */
typedef struct SEnt {
    sp_Value key;
    int64_t hash;
} SEnt;

typedef struct SpSet {
    sp_Obj h;
    size_t fill;    /* live + dummy */
    size_t used;    /* live */
    size_t mask;
    size_t finger;  /* pop() search start */
    int64_t hash;   /* frozenset hash cache, -1 */
    uint64_t layout; /* bumped when the table is replaced */
    SEnt *table;
    SEnt small[MINSIZE];
} SpSet;

#define S(v) ((SpSet *)SP_O(v))
#define LIVE(e) ((e)->key.tag != SP_NULL)
#define UNUSED(e) ((e)->key.tag == SP_NULL && (e)->hash == 0)

static bool set_hash_key(sp_VM *vm, sp_Value k, int64_t *h) {
    if (k.tag == SP_INT) {
        *h = sp_hash_i64(k.u.i);
        return true;
    }
    if (sp_isstr(k)) {
        *h = sp_str_hash(SP_STR(k));
        return true;
    }
    return sp_hash(vm, k, h);
}

/* Compare a probed live entry with key.  1 equal, 0 not, -1 error,
 * 2 the table changed under a user __eq__ (restart). */
static int entry_matches(sp_VM *vm, SpSet *so, SEnt *e, sp_Value key) {
    sp_Value sk = e->key;
    if (sk.tag == key.tag && sk.u.i == key.u.i) return 1; /* sp_is inline: canonical payloads */
    if (sp_isstr(sk) && sp_isstr(key)) return sp_str_eq(SP_STR(sk), SP_STR(key));
    uint64_t layout = so->layout;
    int c = sp_eq(vm, sk, key);
    if (c < 0) return -1;
    if (so->layout != layout || !sp_is(e->key, sk)) return sp_check_limits(vm) ? 2 : -1;
    return c;
}

/* Colliding keys make long probe chains: poll the limits every 64 groups. */
#define POLL_PROBE(vm, n) ((++(n) & 63) != 0 || sp_check_limits(vm))

/* Index of key's entry, -1 absent, -2 error. */
static int64_t lookkey(sp_VM *vm, SpSet *so, sp_Value key, int64_t hash) {
restart:;
    size_t mask = so->mask, i = (size_t)hash & mask;
    unsigned groups = 0;
    for (uint64_t perturb = (uint64_t)hash;;) {
        if (!POLL_PROBE(vm, groups)) return -2;
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        size_t j = i;
        do {
            SEnt *e = &so->table[j];
            if (UNUSED(e)) return -1;
            if (e->hash == hash) {
                int c = entry_matches(vm, so, e, key);
                if (c < 0) return -2;
                if (c == 2) goto restart;
                if (c) return (int64_t)j;
                mask = so->mask;
            }
            j++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void insert_clean(SEnt *table, size_t mask, sp_Value key, int64_t hash) {
    size_t i = (size_t)hash & mask;
    for (uint64_t perturb = (uint64_t)hash;;) {
        if (!LIVE(&table[i])) goto found;
        if (i + LINEAR_PROBES <= mask)
            for (int j = 1; j <= LINEAR_PROBES; j++)
                if (!LIVE(&table[i + j])) {
                    i += j;
                    goto found;
                }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    table[i].key = key;
    table[i].hash = hash;
}

static bool set_resize(sp_VM *vm, SpSet *so, size_t minused) {
    size_t newsize = MINSIZE;
    while (newsize <= minused) {
        if (newsize > SP_MAX_ALLOC / sizeof(SEnt)) return sp_nomem(vm), false;
        newsize <<= 1;
    }
    SEnt *old = so->table, tmp[MINSIZE], *newt;
    size_t oldmask = so->mask;
    if (newsize == MINSIZE) {
        newt = so->small;
        if (old == so->small) {
            if (so->fill == so->used) return true; /* no dummies to purge */
            memcpy(tmp, old, sizeof tmp);
            old = tmp;
        }
    } else {
        newt = sp_malloc(vm, newsize * sizeof(SEnt));
        if (!newt) return false;
    }
    memset(newt, 0, newsize * sizeof(SEnt));
    so->table = newt;
    so->mask = newsize - 1;
    so->fill = so->used;
    so->layout++;
    for (size_t i = 0; i <= oldmask; i++)
        if (LIVE(&old[i])) insert_clean(newt, so->mask, old[i].key, old[i].hash);
    if (old != so->small && old != tmp) sp_free(vm, old, (oldmask + 1) * sizeof(SEnt));
    return true;
}

static bool add_entry(sp_VM *vm, SpSet *so, sp_Value key, int64_t hash) {
restart:;
    size_t mask = so->mask, i = (size_t)hash & mask;
    SEnt *freeslot = NULL, *e;
    unsigned groups = 0;
    for (uint64_t perturb = (uint64_t)hash;;) {
        if (!POLL_PROBE(vm, groups)) return false;
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        e = &so->table[i];
        do {
            if (UNUSED(e)) goto unused_or_dummy;
            if (e->hash == hash) {
                int c = entry_matches(vm, so, e, key);
                if (c < 0) return false;
                if (c == 2) goto restart;
                if (c) return true;
                mask = so->mask;
            } else if (e->hash == -1) {
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return true;
    }
    so->fill++;
    so->used++;
    e->key = key;
    e->hash = hash;
    if (so->fill * 5 < mask * 3) return true;
    return set_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static bool add_key(sp_VM *vm, SpSet *so, sp_Value key) {
    int64_t h;
    return set_hash_key(vm, key, &h) && add_entry(vm, so, key, h);
}

/* 1 removed, 0 absent, -1 error. */
static int discard_entry(sp_VM *vm, SpSet *so, sp_Value key, int64_t hash) {
    int64_t i = lookkey(vm, so, key, hash);
    if (i < 0) return i == -1 ? 0 : -1;
    so->table[i].key = SP_NULLV;
    so->table[i].hash = -1;
    so->used--;
    return 1;
}

static bool set_next_entry(SpSet *so, size_t *pos, SEnt **out) {
    size_t i = *pos;
    while (i <= so->mask && !LIVE(&so->table[i])) i++;
    *pos = i + 1;
    if (i > so->mask) return false;
    *out = &so->table[i];
    return true;
}

static void set_clear(sp_VM *vm, SpSet *so) {
    if (so->table != so->small) sp_free(vm, so->table, (so->mask + 1) * sizeof(SEnt));
    memset(so->small, 0, sizeof so->small);
    so->table = so->small;
    so->mask = MINSIZE - 1;
    so->fill = so->used = 0;
    so->hash = -1;
    so->layout++;
}

/* ------------------------------------------------------------ construction */

static SpSet *set_alloc(sp_VM *vm, sp_Type *t) {
    SpSet *so = sp_newobj(vm, t, sp_inst_size(t, sizeof(SpSet)));
    if (!so) return NULL;
    so->table = so->small;
    so->mask = MINSIZE - 1;
    so->hash = -1;
    return so;
}

sp_Value sp_set_new(sp_VM *vm, sp_Type *t) {
    SpSet *so = set_alloc(vm, t);
    return so ? sp_objv(so) : SP_ERRV;
}

static bool set_merge(sp_VM *vm, SpSet *so, SpSet *other) {
    if (other == so || other->used == 0) return true;
    if ((so->fill + other->used) * 5 >= so->mask * 3 &&
        !set_resize(vm, so, (so->used + other->used) * 2))
        return false;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (size_t i = 0; i <= other->mask; i++)
            if (LIVE(&other->table[i])) so->table[i] = other->table[i];
        so->fill = other->fill;
        so->used = other->used;
        return true;
    }
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (size_t i = 0; i <= other->mask; i++)
            if (LIVE(&other->table[i])) insert_clean(so->table, so->mask, other->table[i].key, other->table[i].hash);
        return true;
    }
    /* Duplicates possible: normal insertions (user __eq__ may run, so
     * re-check the other table's bounds each step). */
    for (size_t i = 0; i <= other->mask; i++) {
        SEnt e = other->table[i];
        if (LIVE(&e) && !add_entry(vm, so, e.key, e.hash)) return false;
    }
    return true;
}

static bool add_cb(sp_VM *vm, void *ud, sp_Value x) { return add_key(vm, ud, x); }

bool spc_set_update(sp_VM *vm, sp_Value set, sp_Value other) {
    SpSet *so = S(set);
    if (SPC_ISANYSET(other)) return set_merge(vm, so, S(other));
    if (sp_isdict(other)) {
        sp_Dict *d = SP_DICT(other);
        size_t n = sp_dict_len(d), pos = 0;
        if ((so->fill + n) * 5 >= so->mask * 3 && !set_resize(vm, so, (so->used + n) * 2)) return false;
        sp_Value k;
        while (sp_dict_next(d, &pos, &k, NULL))
            if (!add_entry(vm, so, k, spc_dict_hash_at(d, pos)) || !sp_check_limits(vm)) return false;
        return true;
    }
    return spc_foreach(vm, other, add_cb, so);
}

bool sp_set_update(sp_VM *vm, sp_Value set, sp_Value iterable) { return spc_set_update(vm, set, iterable); }

/* make_new_set_basetype: subclasses produce plain set/frozenset. */
static sp_Type *basetype(sp_Value v) {
    return spc_is(v, &sp_t_frozenset) ? &sp_t_frozenset : &sp_t_set;
}

sp_Value spc_set_from(sp_VM *vm, sp_Type *t, sp_Value iterable) {
    sp_Value r = sp_set_new(vm, t);
    if (sp_iserr(r) || sp_isnull(iterable)) return r;
    if (!sp_pin(vm, r)) return SP_ERRV;
    bool ok = spc_set_update(vm, r, iterable);
    sp_unpin(vm, 1);
    return ok ? r : SP_ERRV;
}

static sp_Value set_copy(sp_VM *vm, sp_Value so) { return spc_set_from(vm, basetype(so), so); }

int sp_set_add(sp_VM *vm, sp_Value set, sp_Value key) { return add_key(vm, S(set), key) ? 1 : -1; }

/* Containment, retrying an unhashable set key as a frozenset (CPython). */
static int contains_key(sp_VM *vm, SpSet *so, sp_Value key, int64_t *where) {
    int64_t h;
    if (!set_hash_key(vm, key, &h)) {
        if (!spc_is(key, &sp_t_set) || !sp_err_matches(vm, &sp_t_TypeError)) return -1;
        sp_err_clear(vm);
        sp_Value fz = spc_set_from(vm, &sp_t_frozenset, key);
        if (sp_iserr(fz) || !sp_pin(vm, fz)) return -1;
        int r = contains_key(vm, so, fz, where);
        sp_unpin(vm, 1);
        return r;
    }
    int64_t i = lookkey(vm, so, key, h);
    if (where) *where = i;
    return i == -2 ? -1 : i >= 0;
}

int sp_set_contains(sp_VM *vm, sp_Value set, sp_Value key) { return contains_key(vm, S(set), key, NULL); }

bool sp_set_next(sp_Value set, size_t *pos, sp_Value *key) {
    SEnt *e;
    if (!set_next_entry(S(set), pos, &e)) return false;
    *key = e->key;
    return true;
}

/* The hash stored with the entry sp_set_next just returned. */
int64_t spc_set_hash_at(sp_Value set, size_t pos) { return S(set)->table[pos - 1].hash; }

/* Adds key with a known hash, comparing with nothing: for a snapshot's
 * entries, which are distinct (hostile bytes may only make lookups miss). */
bool spc_set_append(sp_VM *vm, sp_Value set, sp_Value key, int64_t hash) {
    SpSet *so = S(set);
    if ((so->fill + 1) * 5 >= so->mask * 3 && !set_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4))
        return false;
    insert_clean(so->table, so->mask, key, hash);
    so->fill++;
    so->used++;
    return true;
}

/* ------------------------------------------------------------ algebra */

static int contains_entry(sp_VM *vm, SpSet *so, sp_Value key, int64_t hash) {
    int64_t i = lookkey(vm, so, key, hash);
    return i == -2 ? -1 : i >= 0;
}

typedef struct Inter {
    SpSet *so, *result;
} Inter;

static bool inter_one(sp_VM *vm, void *ud, sp_Value x) {
    Inter *c = ud;
    int64_t h;
    if (!set_hash_key(vm, x, &h)) return false;
    int r = contains_entry(vm, c->so, x, h);
    return r >= 0 && (r == 0 || add_entry(vm, c->result, x, h));
}

sp_Value spc_set_intersection(sp_VM *vm, sp_Value sov, sp_Value other) {
    sp_Value rv = sp_set_new(vm, basetype(sov));
    if (sp_iserr(rv) || !sp_pin(vm, rv)) return SP_ERRV;
    SpSet *so = S(sov);
    bool ok = true;
    if (SPC_ISANYSET(other)) {
        SpSet *o = S(other);
        if (o->used > so->used) {
            SpSet *t = so;
            so = o;
            o = t;
        }
        for (size_t i = 0; ok && i <= o->mask; i++) {
            SEnt e = o->table[i];
            if (!LIVE(&e)) continue;
            int r = contains_entry(vm, so, e.key, e.hash);
            ok = r >= 0 && (r == 0 || add_entry(vm, S(rv), e.key, e.hash));
        }
    } else {
        Inter c = {so, S(rv)};
        ok = spc_foreach(vm, other, inter_one, &c);
    }
    sp_unpin(vm, 1);
    return ok ? rv : SP_ERRV;
}

static bool discard_cb(sp_VM *vm, void *ud, sp_Value x) {
    int64_t h;
    return set_hash_key(vm, x, &h) && discard_entry(vm, ud, x, h) >= 0;
}

bool spc_set_discard_all(sp_VM *vm, sp_Value set, sp_Value other) {
    SpSet *so = S(set);
    if (SP_O(other) == SP_O(set)) {
        set_clear(vm, so);
        return true;
    }
    if (SPC_ISANYSET(other)) {
        sp_Value ov = other;
        if ((S(other)->used >> 3) > so->used) { /* much bigger: use the intersection */
            ov = spc_set_intersection(vm, set, other);
            if (sp_iserr(ov)) return false;
        }
        if (!sp_pin(vm, ov)) return false;
        SpSet *o = S(ov);
        bool ok = true;
        for (size_t i = 0; ok && i <= o->mask; i++) {
            SEnt e = o->table[i];
            if (LIVE(&e)) ok = discard_entry(vm, so, e.key, e.hash) >= 0;
        }
        sp_unpin(vm, 1);
        if (!ok) return false;
    } else if (!spc_foreach(vm, other, discard_cb, so)) {
        return false;
    }
    if (so->fill - so->used <= so->mask / 4) return true;
    return set_resize(vm, so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static sp_Value set_difference(sp_VM *vm, sp_Value sov, sp_Value other) {
    SpSet *so = S(sov);
    bool dict = sp_isdict(other);
    if ((!SPC_ISANYSET(other) && !dict) ||
        (so->used >> 2) > (dict ? sp_dict_len(SP_DICT(other)) : S(other)->used)) {
        sp_Value r = set_copy(vm, sov);
        if (sp_iserr(r) || !sp_pin(vm, r)) return SP_ERRV;
        bool ok = spc_set_discard_all(vm, r, other);
        sp_unpin(vm, 1);
        return ok ? r : SP_ERRV;
    }
    sp_Value rv = sp_set_new(vm, basetype(sov));
    if (sp_iserr(rv) || !sp_pin(vm, rv)) return SP_ERRV;
    bool ok = true;
    for (size_t i = 0; ok && i <= so->mask; i++) {
        SEnt e = so->table[i];
        if (!LIVE(&e)) continue;
        int r;
        if (dict) {
            sp_Value dummy;
            r = sp_dict_get(vm, SP_DICT(other), e.key, &dummy);
        } else {
            r = contains_entry(vm, S(other), e.key, e.hash);
        }
        ok = r >= 0 && (r == 1 || add_entry(vm, S(rv), e.key, e.hash));
    }
    sp_unpin(vm, 1);
    return ok ? rv : SP_ERRV;
}

static bool symdiff_entry(sp_VM *vm, SpSet *so, sp_Value key, int64_t hash) {
    int r = discard_entry(vm, so, key, hash);
    return r >= 0 && (r == 1 || add_entry(vm, so, key, hash));
}

bool spc_set_symdiff_update(sp_VM *vm, sp_Value set, sp_Value other) {
    SpSet *so = S(set);
    if (SP_O(other) == SP_O(set)) {
        set_clear(vm, so);
        return true;
    }
    if (sp_isdict(other)) {
        size_t pos = 0;
        sp_Value k;
        while (sp_dict_next(SP_DICT(other), &pos, &k, NULL))
            if (!symdiff_entry(vm, so, k, spc_dict_hash_at(SP_DICT(other), pos))) return false;
        return true;
    }
    sp_Value ov = SPC_ISANYSET(other) ? other : spc_set_from(vm, basetype(set), other);
    if (sp_iserr(ov) || !sp_pin(vm, ov)) return false;
    bool ok = true;
    for (size_t i = 0; ok && i <= S(ov)->mask; i++) {
        SEnt e = S(ov)->table[i];
        if (LIVE(&e)) ok = symdiff_entry(vm, so, e.key, e.hash);
    }
    sp_unpin(vm, 1);
    return ok;
}

static sp_Value set_symdiff(sp_VM *vm, sp_Value so, sp_Value other) {
    sp_Value r = spc_set_from(vm, basetype(so), other);
    if (sp_iserr(r) || !sp_pin(vm, r)) return SP_ERRV;
    bool ok = spc_set_symdiff_update(vm, r, so);
    sp_unpin(vm, 1);
    return ok ? r : SP_ERRV;
}

static sp_Value set_union(sp_VM *vm, sp_Value so, sp_Value other) {
    sp_Value r = set_copy(vm, so);
    if (sp_iserr(r) || SP_O(other) == SP_O(so) || !sp_pin(vm, r)) return r;
    bool ok = spc_set_update(vm, r, other);
    sp_unpin(vm, 1);
    return ok ? r : SP_ERRV;
}

/* Swap the contents of two sets (intersection_update). */
static void swap_bodies(SpSet *a, SpSet *b) {
    SEnt tmp[MINSIZE];
    bool asmall = a->table == a->small, bsmall = b->table == b->small;
    SEnt *at = a->table, *bt = b->table;
    memcpy(tmp, a->small, sizeof tmp);
    memcpy(a->small, b->small, sizeof tmp);
    memcpy(b->small, tmp, sizeof tmp);
    a->table = bsmall ? a->small : bt;
    b->table = asmall ? b->small : at;
    size_t t;
    t = a->fill, a->fill = b->fill, b->fill = t;
    t = a->used, a->used = b->used, b->used = t;
    t = a->mask, a->mask = b->mask, b->mask = t;
    int64_t h = a->hash;
    a->hash = b->hash;
    b->hash = h;
    a->layout++;
    b->layout++;
}

/* Is every element of a in b?  a, b: sets or dict views (any iterable a). */
int spc_all_contained(sp_VM *vm, sp_Value a, sp_Value b) {
    sp_Value it = sp_iter(vm, a);
    if (sp_iserr(it) || !sp_pin(vm, it)) return -1;
    int r = 1;
    for (;;) {
        sp_Value x = sp_next(vm, it);
        if (sp_isnull(x)) break;
        if (sp_iserr(x)) {
            r = -1;
            break;
        }
        r = sp_contains(vm, b, x);
        if (r <= 0) break;
        if (!sp_check_limits(vm)) {
            r = -1;
            break;
        }
    }
    sp_unpin(vm, 1);
    return r;
}

static int set_issubset(sp_VM *vm, sp_Value so, sp_Value other) {
    if (!SPC_ISANYSET(other)) {
        sp_Value t = spc_set_from(vm, &sp_t_set, other);
        if (sp_iserr(t) || !sp_pin(vm, t)) return -1;
        int r = set_issubset(vm, so, t);
        sp_unpin(vm, 1);
        return r;
    }
    if (S(so)->used > S(other)->used) return 0;
    for (size_t i = 0; i <= S(so)->mask; i++) {
        SEnt e = S(so)->table[i];
        if (!LIVE(&e)) continue;
        int r = contains_entry(vm, S(other), e.key, e.hash);
        if (r <= 0) return r;
    }
    return 1;
}

typedef struct Probe {
    SpSet *so;
    bool found;
} Probe;

/* spc_foreach callback that stops (returns false without an error) once
 * an element of the set is seen (found) or missing (!found). */
static bool probe_cb(sp_VM *vm, void *ud, sp_Value x) {
    Probe *p = ud;
    int r = contains_key(vm, p->so, x, NULL);
    if (r < 0) return false;
    if ((r == 1) == p->found) {
        p->so = NULL; /* decided */
        return false;
    }
    return true;
}

/* any(x in so for x in other) when want_in, else all(x in so ...). */
static int scan_other(sp_VM *vm, SpSet *so, sp_Value other, bool want_in) {
    Probe p = {so, want_in};
    if (spc_foreach(vm, other, probe_cb, &p)) return !want_in;
    if (p.so) return -1; /* a real error */
    return want_in;
}

static int set_issuperset(sp_VM *vm, sp_Value so, sp_Value other) {
    if (SPC_ISANYSET(other)) return set_issubset(vm, other, so);
    return scan_other(vm, S(so), other, false);
}

static int set_isdisjoint(sp_VM *vm, sp_Value sov, sp_Value other) {
    SpSet *so = S(sov);
    if (SP_O(other) == SP_O(sov)) return so->used == 0;
    if (SPC_ISANYSET(other)) {
        SpSet *o = S(other);
        if (o->used > so->used) {
            SpSet *t = so;
            so = o;
            o = t;
        }
        for (size_t i = 0; i <= o->mask; i++) {
            SEnt e = o->table[i];
            if (!LIVE(&e)) continue;
            int r = contains_entry(vm, so, e.key, e.hash);
            if (r) return r < 0 ? -1 : 0;
        }
        return 1;
    }
    int r = scan_other(vm, so, other, true);
    return r < 0 ? r : !r;
}

/* ------------------------------------------------------------ slots */

static sp_Value set_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    bool frozen = sp_issubtype(t, &sp_t_frozenset);
    const char *name = frozen ? "frozenset" : "set";
    if (!spc_nokw(vm, name, kw) || !spc_nargs(vm, name, nargs, 0, 1)) return SP_ERRV;
    if (frozen && t == &sp_t_frozenset && nargs == 1 && sp_istype(args[0], &sp_t_frozenset))
        return args[0];
    SpSet *so = set_alloc(vm, t);
    if (!so) return SP_ERRV;
    if (nargs == 0) return sp_objv(so);
    if (!sp_pin(vm, sp_objv(so))) return SP_ERRV;
    bool ok = spc_set_update(vm, sp_objv(so), args[0]);
    sp_unpin(vm, 1);
    return ok ? sp_objv(so) : SP_ERRV;
}

static sp_Value set_repr(sp_VM *vm, sp_Value self) {
    const char *tn = sp_typename(self);
    bool plain = sp_istype(self, &sp_t_set);
    if (S(self)->used == 0) return sp_fmt(vm, "%s()", tn);
    int st = sp_repr_enter(vm, SP_O(self));
    if (st <= 0) return st < 0 ? SP_ERRV : sp_fmt(vm, "%s(...)", tn);
    sp_Value l = sp_list_from_iter(vm, self);
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = !sp_iserr(l) && sp_pin(vm, l);
    if (ok) {
        ok = (plain || sp_buf_addf(&b, "%s(", tn)) && sp_buf_addc(&b, '{');
        for (size_t i = 0; ok && i < SP_LIST(l)->n; i++)
            ok = (i == 0 || sp_buf_adds(&b, ", ")) && sp_buf_addv(&b, SP_LIST(l)->items[i], true) &&
                 sp_check_limits(vm);
        ok = ok && sp_buf_addc(&b, '}') && (plain || sp_buf_addc(&b, ')'));
        sp_unpin(vm, 1);
    }
    sp_repr_leave(vm, SP_O(self));
    if (!ok) {
        sp_buf_free(&b);
        return SP_ERRV;
    }
    return sp_buf_tostr(&b);
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; }

static bool frozenset_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    (void)vm;
    SpSet *so = S(self);
    if (so->hash != -1) {
        *out = so->hash;
        return true;
    }
    uint64_t h = 0;
    for (size_t i = 0; i <= so->mask; i++)
        if (LIVE(&so->table[i])) h ^= shuffle_bits((uint64_t)so->table[i].hash);
    h ^= ((uint64_t)so->used + 1) * 1927868237ULL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923ULL;
    if (h == UINT64_MAX) h = 590923713ULL;
    so->hash = (int64_t)h;
    *out = so->hash;
    return true;
}

static sp_Value set_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    if (!SPC_ISANYSET(a) || !SPC_ISANYSET(b)) return SP_NOTIMPL;
    SpSet *x = S(a), *y = S(b);
    int r;
    switch (op) {
    case SP_EQ: case SP_NE:
        if (x->used != y->used) r = 0;
        else if (spc_is(a, &sp_t_frozenset) && spc_is(b, &sp_t_frozenset) && x->hash != -1 &&
                 y->hash != -1 && x->hash != y->hash)
            r = 0;
        else r = set_issubset(vm, a, b);
        if (r >= 0 && op == SP_NE) r = !r;
        break;
    case SP_LE: r = set_issubset(vm, a, b); break;
    case SP_GE: r = set_issuperset(vm, a, b); break;
    case SP_LT: r = x->used < y->used ? set_issubset(vm, a, b) : 0; break;
    default: r = x->used > y->used ? set_issuperset(vm, a, b) : 0; break;
    }
    return r < 0 ? SP_ERRV : sp_bool(r);
}

static int64_t set_len(sp_VM *vm, sp_Value self) {
    (void)vm;
    return (int64_t)S(self)->used;
}

static int set_contains(sp_VM *vm, sp_Value self, sp_Value x) { return contains_key(vm, S(self), x, NULL); }

static sp_Value setiter_new(sp_VM *vm, sp_Value set);
extern sp_Type sp_t_set_iterator;

static sp_Value set_iter(sp_VM *vm, sp_Value self) { return setiter_new(vm, self); }

static sp_Value intersection_update(sp_VM *vm, sp_Value so, sp_Value other) {
    sp_Value t = spc_set_intersection(vm, so, other);
    if (sp_iserr(t)) return t;
    swap_bodies(S(so), S(t));
    return so;
}

static sp_Value set_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    bool inplace = op >= SP_OP_INPLACE;
    int base = inplace ? op - SP_OP_INPLACE : op;
    if (!SPC_ISANYSET(a) || !SPC_ISANYSET(b)) return SP_NOTIMPL;
    if (inplace && !spc_is(a, &sp_t_set)) return SP_NOTIMPL; /* frozenset: a | b */
    switch (base) {
    case SP_OP_OR:
        if (!inplace) return set_union(vm, a, b);
        return spc_set_update(vm, a, b) ? a : SP_ERRV;
    case SP_OP_AND:
        return inplace ? intersection_update(vm, a, b) : spc_set_intersection(vm, a, b);
    case SP_OP_SUB:
        if (!inplace) return set_difference(vm, a, b);
        return spc_set_discard_all(vm, a, b) ? a : SP_ERRV;
    case SP_OP_XOR:
        if (!inplace) return set_symdiff(vm, a, b);
        return spc_set_symdiff_update(vm, a, b) ? a : SP_ERRV;
    default: return SP_NOTIMPL;
    }
}

static void set_traverse(sp_VM *vm, sp_Obj *o) {
    SpSet *so = (SpSet *)o;
    for (size_t i = 0; i <= so->mask; i++) sp_gc_markv(vm, so->table[i].key);
}

static void set_finalize(sp_VM *vm, sp_Obj *o) {
    SpSet *so = (SpSet *)o;
    if (so->table != so->small) sp_free(vm, so->table, (so->mask + 1) * sizeof(SEnt));
    so->table = so->small;
    so->mask = MINSIZE - 1;
}

/* ------------------------------------------------------------ methods */

/* Mutators need a set; the others accept either kind. */
#define MUT(name) spc_self(vm, args, nargs, &sp_t_set, name)
static bool any_self(sp_VM *vm, sp_Value *args, int nargs, const char *name) {
    if (nargs >= 1 && SPC_ISANYSET(args[0])) return true;
    return spc_self(vm, args, nargs, &sp_t_set, name);
}
#define ANY(name) any_self(vm, args, nargs, name)
#define SO S(args[0])

/* "set.add" or "frozenset.union" for argument errors. */
static const char *qual(sp_Value self, const char *name, char *buf, size_t n) {
    size_t tl = strlen(basetype(self)->name), nl = strlen(name);
    if (tl + nl + 2 > n) return name;
    memcpy(buf, basetype(self)->name, tl);
    buf[tl] = '.';
    memcpy(buf + tl + 1, name, nl + 1);
    return buf;
}
#define QUAL(name) qual(args[0], name, qbuf, sizeof qbuf)

static sp_Value m_add(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!MUT("add") || !spc_onearg(vm, "set.add", nargs - 1, kw)) return SP_ERRV;
    return add_key(vm, SO, args[1]) ? SP_NONEV : SP_ERRV;
}

/* remove/discard: 1 removed, 0 absent, -1 error (set keys as frozensets). */
static int discard_key(sp_VM *vm, SpSet *so, sp_Value key) {
    int64_t where;
    int r = contains_key(vm, so, key, &where);
    if (r != 1) return r;
    /* contains_key may have probed with a frozenset copy: delete by slot */
    so->table[where].key = SP_NULLV;
    so->table[where].hash = -1;
    so->used--;
    return 1;
}

static sp_Value m_remove(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!MUT("remove") || !spc_onearg(vm, "set.remove", nargs - 1, kw)) return SP_ERRV;
    int r = discard_key(vm, SO, args[1]);
    if (r < 0) return SP_ERRV;
    if (r == 0) {
        sp_Value t = sp_tuple_pack(vm, 1, &args[1]);
        return sp_iserr(t) ? t : sp_raise_args(vm, &sp_t_KeyError, t);
    }
    return SP_NONEV;
}

static sp_Value m_discard(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!MUT("discard") || !spc_onearg(vm, "set.discard", nargs - 1, kw)) return SP_ERRV;
    return discard_key(vm, SO, args[1]) < 0 ? SP_ERRV : SP_NONEV;
}

static sp_Value m_pop(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!MUT("pop") || !spc_noargs(vm, "set.pop", nargs - 1, kw)) return SP_ERRV;
    SpSet *so = SO;
    if (so->used == 0) return sp_raise(vm, &sp_t_KeyError, "pop from an empty set");
    size_t i = so->finger & so->mask;
    while (!LIVE(&so->table[i])) i = i == so->mask ? 0 : i + 1;
    sp_Value k = so->table[i].key;
    so->table[i].key = SP_NULLV;
    so->table[i].hash = -1;
    so->used--;
    so->finger = i + 1;
    return k;
}

static sp_Value m_clear(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!MUT("clear") || !spc_noargs(vm, "set.clear", nargs - 1, kw)) return SP_ERRV;
    set_clear(vm, SO);
    return SP_NONEV;
}

static sp_Value m_copy(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    char qbuf[40];
    if (!ANY("copy") || !spc_noargs(vm, QUAL("copy"), nargs - 1, kw)) return SP_ERRV;
    if (sp_istype(args[0], &sp_t_frozenset)) return args[0];
    return set_copy(vm, args[0]);
}

/* Methods taking *others: fold fn over the arguments. */
typedef sp_Value (*SetBin)(sp_VM *, sp_Value, sp_Value);

static sp_Value fold(sp_VM *vm, sp_Value *args, int nargs, SetBin fn) {
    sp_Value acc = set_copy(vm, args[0]);
    for (int i = 1; i < nargs && !sp_iserr(acc); i++) {
        if (!sp_pin(vm, acc)) return SP_ERRV;
        acc = fn(vm, acc, args[i]);
        sp_unpin(vm, 1);
    }
    return acc;
}

static sp_Value update_into(sp_VM *vm, sp_Value so, sp_Value other) {
    return spc_set_update(vm, so, other) ? so : SP_ERRV;
}

static sp_Value discard_into(sp_VM *vm, sp_Value so, sp_Value other) {
    return spc_set_discard_all(vm, so, other) ? so : SP_ERRV;
}

static sp_Value m_union(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    char qbuf[40];
    if (!ANY("union") || !spc_nokw(vm, QUAL("union"), kw)) return SP_ERRV;
    return fold(vm, args, nargs, update_into);
}

static sp_Value m_intersection(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    char qbuf[40];
    if (!ANY("intersection") || !spc_nokw(vm, QUAL("intersection"), kw)) return SP_ERRV;
    if (nargs == 1) return set_copy(vm, args[0]);
    sp_Value acc = args[0];
    for (int i = 1; i < nargs && !sp_iserr(acc); i++) {
        if (!sp_pin(vm, acc)) return SP_ERRV;
        acc = spc_set_intersection(vm, acc, args[i]);
        sp_unpin(vm, 1);
    }
    return acc;
}

static sp_Value m_difference(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    char qbuf[40];
    if (!ANY("difference") || !spc_nokw(vm, QUAL("difference"), kw)) return SP_ERRV;
    if (nargs == 1) return set_copy(vm, args[0]);
    sp_Value r = set_difference(vm, args[0], args[1]);
    for (int i = 2; i < nargs && !sp_iserr(r); i++) {
        if (!sp_pin(vm, r)) return SP_ERRV;
        r = discard_into(vm, r, args[i]);
        sp_unpin(vm, 1);
    }
    return r;
}

static sp_Value m_symmetric_difference(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    char qbuf[40];
    if (!ANY("symmetric_difference") || !spc_onearg(vm, QUAL("symmetric_difference"), nargs - 1, kw))
        return SP_ERRV;
    return set_symdiff(vm, args[0], args[1]);
}

static sp_Value m_update(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!MUT("update") || !spc_nokw(vm, "set.update", kw)) return SP_ERRV;
    for (int i = 1; i < nargs; i++)
        if (!spc_set_update(vm, args[0], args[i])) return SP_ERRV;
    return SP_NONEV;
}

static sp_Value m_intersection_update(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!MUT("intersection_update") || !spc_nokw(vm, "set.intersection_update", kw)) return SP_ERRV;
    sp_Value t = m_intersection(vm, args, nargs, NULL);
    if (sp_iserr(t)) return t;
    swap_bodies(SO, S(t));
    return SP_NONEV;
}

static sp_Value m_difference_update(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!MUT("difference_update") || !spc_nokw(vm, "set.difference_update", kw)) return SP_ERRV;
    for (int i = 1; i < nargs; i++)
        if (!spc_set_discard_all(vm, args[0], args[i])) return SP_ERRV;
    return SP_NONEV;
}

static sp_Value m_symmetric_difference_update(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!MUT("symmetric_difference_update") ||
        !spc_onearg(vm, "set.symmetric_difference_update", nargs - 1, kw))
        return SP_ERRV;
    return spc_set_symdiff_update(vm, args[0], args[1]) ? SP_NONEV : SP_ERRV;
}

typedef int (*SetPred)(sp_VM *, sp_Value, sp_Value);

static sp_Value pred(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, const char *name, SetPred fn) {
    char qbuf[40];
    if (!ANY(name) || !spc_onearg(vm, QUAL(name), nargs - 1, kw)) return SP_ERRV;
    int r = fn(vm, args[0], args[1]);
    return r < 0 ? SP_ERRV : sp_bool(r);
}

static sp_Value m_issubset(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return pred(vm, args, nargs, kw, "issubset", set_issubset);
}
static sp_Value m_issuperset(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return pred(vm, args, nargs, kw, "issuperset", set_issuperset);
}
static sp_Value m_isdisjoint(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    return pred(vm, args, nargs, kw, "isdisjoint", set_isdisjoint);
}

#define SHARED_METHODS                                                                             \
    {"copy", m_copy, 0}, {"union", m_union, 0}, {"intersection", m_intersection, 0},              \
    {"difference", m_difference, 0}, {"symmetric_difference", m_symmetric_difference, 0},         \
    {"issubset", m_issubset, 0}, {"issuperset", m_issuperset, 0}, {"isdisjoint", m_isdisjoint, 0}

static const sp_MethodDef set_methods[] = {
    {"add", m_add, 0}, {"remove", m_remove, 0}, {"discard", m_discard, 0}, {"pop", m_pop, 0},
    {"clear", m_clear, 0}, {"update", m_update, 0},
    {"intersection_update", m_intersection_update, 0},
    {"difference_update", m_difference_update, 0},
    {"symmetric_difference_update", m_symmetric_difference_update, 0},
    SHARED_METHODS,
    {NULL, NULL, 0},
};

static const sp_MethodDef frozenset_methods[] = {SHARED_METHODS, {NULL, NULL, 0}};

sp_Type sp_t_set = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "set",
    .base = &sp_t_object,
    .flags = SP_TF_BASETYPE | SP_TF_UNHASHABLE,
    .methods = set_methods,
    .traverse = set_traverse,
    .finalize = set_finalize,
    .new_ = set_new,
    .repr = set_repr,
    .richcmp = set_richcmp,
    .len = set_len,
    .iter = set_iter,
    .contains = set_contains,
    .binop = set_binop,
};

sp_Type sp_t_frozenset = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "frozenset",
    .base = &sp_t_object,
    .flags = SP_TF_BASETYPE,
    .methods = frozenset_methods,
    .traverse = set_traverse,
    .finalize = set_finalize,
    .new_ = set_new,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcmp = set_richcmp,
    .len = set_len,
    .iter = set_iter,
    .contains = set_contains,
    .binop = set_binop,
};

/* ------------------------------------------------------------ iterator */

extern sp_Type sp_t_set_iterator;

typedef struct SetIter {
    sp_Obj h;
    sp_Value set; /* SP_NULL once exhausted */
    size_t pos, used;
} SetIter;

static sp_Value setiter_new(sp_VM *vm, sp_Value set) {
    SetIter *it = sp_newobj(vm, &sp_t_set_iterator, sizeof *it);
    if (!it) return SP_ERRV;
    it->set = set;
    it->used = S(set)->used;
    return sp_objv(it);
}

static sp_Value setiter_next(sp_VM *vm, sp_Value self) {
    SetIter *it = (SetIter *)SP_O(self);
    if (sp_isnull(it->set)) return SP_NULLV;
    SpSet *so = S(it->set);
    if (it->used != so->used) {
        it->used = SIZE_MAX;
        return sp_raise(vm, &sp_t_RuntimeError, "Set changed size during iteration");
    }
    SEnt *e;
    if (!set_next_entry(so, &it->pos, &e)) {
        it->set = SP_NULLV;
        return SP_NULLV;
    }
    return e->key;
}

static sp_Value setiter_iter(sp_VM *vm, sp_Value self) {
    (void)vm;
    return self;
}

static void setiter_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_markv(vm, ((SetIter *)o)->set); }

sp_Type sp_t_set_iterator = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "set_iterator", .base = &sp_t_object,
    .traverse = setiter_traverse, .repr = spc_obj_repr, .iter = setiter_iter, .next = setiter_next,
};

/* A snapshot holds [set (None once exhausted), entries already seen,
 * whether the set changed size]: table positions change on load. */
static int setiter_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint) {
    SetIter *it = (SetIter *)o;
    size_t pos = 0, seen = 0;
    SEnt *e;
    (void)vm, (void)hint;
    if (sp_isnull(it->set)) return v[0] = SP_NONEV, v[1] = v[2] = sp_int(0), 3;
    while (pos < it->pos && set_next_entry(S(it->set), &pos, &e)) seen++;
    v[0] = it->set, v[1] = sp_int((int64_t)seen), v[2] = sp_bool(it->used != S(it->set)->used);
    return 3;
}

static sp_Obj *setiter_alloc(sp_VM *vm, uint32_t h) { return (void)h, sp_newobj(vm, &sp_t_set_iterator, sizeof(SetIter)); }

static bool setiter_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int n) {
    SetIter *it = (SetIter *)o;
    int64_t seen;
    bool isset = n == 3 && (sp_istype(v[0], &sp_t_set) || sp_istype(v[0], &sp_t_frozenset));
    if (n != 3 || !(isset || sp_isnone(v[0])) || !sp_isbool(v[2]) ||
        !sp_snap_int(vm, v[1], 0, isset ? (int64_t)S(v[0])->used : 0, &seen))
        return sp_raise(vm, &sp_t_ValueError, "bad set iterator"), false;
    it->set = isset ? v[0] : SP_NULLV, it->pos = 0;
    if (!isset) return true;
    SEnt *e;
    for (int64_t i = 0; i < seen; i++) set_next_entry(S(v[0]), &it->pos, &e);
    it->used = v[2].u.i ? SIZE_MAX : S(v[0])->used;
    return true;
}

const sp_SnapKind sp_snap_set[] = {
    {"set_iterator", &sp_t_set_iterator, true, setiter_save, setiter_alloc, setiter_fill},
    {NULL, NULL, false, NULL, NULL, NULL},
};
