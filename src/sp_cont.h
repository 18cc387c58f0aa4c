/* sp_cont.h - private glue shared by the container modules (sp_list.c,
 * sp_tuple.c, sp_dict.c, sp_set.c, sp_range.c, sp_iter.c).  Nothing here is
 * part of the sp.h contract. */
#ifndef SP_CONT_H
#define SP_CONT_H

#include "sp.h"

/* Exact-or-subclass checks (CPython's PyList_Check etc.). */
static inline bool spc_is(sp_Value v, sp_Type *t) {
    return v.tag == SP_OBJ && (v.u.o->type == t || sp_issubtype(v.u.o->type, t));
}
#define SPC_ISLIST(v) spc_is(v, &sp_t_list)
#define SPC_ISTUPLE(v) spc_is(v, &sp_t_tuple)
#define SPC_ISDICT(v) spc_is(v, &sp_t_dict)
#define SPC_ISANYSET(v) (spc_is(v, &sp_t_set) || spc_is(v, &sp_t_frozenset))
/* A list or tuple whose items iteration may read directly: exact, or a
 * subclass that does not override __iter__ (CPython iterates the others). */
#define SPC_ISSEQ_ITER(v) \
    ((v).tag == SP_OBJ && ((v).u.o->type->iter == sp_t_list.iter || (v).u.o->type->iter == sp_t_tuple.iter))

/* Argument-count errors in CPython's wording.
 * nargs: "NAME expected at least/most/exactly..., got N" (min/max -1: none)
 * noargs: "Q() takes no arguments (N given)"
 * onearg: "Q() takes exactly one argument (N given)"
 * nokw: "Q() takes no keyword arguments" */
bool spc_nargs(sp_VM *vm, const char *name, int nargs, int min, int max);
bool spc_noargs(sp_VM *vm, const char *qual, int nargs, sp_Tuple *kw);
bool spc_onearg(sp_VM *vm, const char *qual, int nargs, sp_Tuple *kw);
bool spc_nokw(sp_VM *vm, const char *qual, sp_Tuple *kw);

/* A sequence index: int-like or __index__ -> normalised against len.
 * On a non-int raises "<what> indices must be integers or slices, not T".
 * Returns false on error (including out of range: "<what> index out of
 * range" unless msg is given). */
bool spc_seq_index(sp_VM *vm, sp_Value key, int64_t len, const char *what, const char *oor,
                   int64_t *out);
/* start/stop arguments of index(): clamp like CPython's _PyEval_SliceIndex. */
bool spc_clamp_index(sp_VM *vm, sp_Value v, int64_t len, int64_t *out);
/* Saturating conversion of an int-like (or __index__) to int64 for slices. */
bool spc_slice_int(sp_VM *vm, sp_Value v, int64_t *out);
/* Bounds of a[lo:hi] that are ints or None (None -> 0 / INT64_MAX), so no
 * slice object is needed; false for anything else (bigints, __index__). */
static inline bool spc_int_bounds(sp_Value a, sp_Value b, int64_t *lo, int64_t *hi) {
    if (a.tag == SP_INT || a.tag == SP_BOOL) *lo = a.u.i;
    else if (sp_isnone(a)) *lo = 0;
    else return false;
    if (b.tag == SP_INT || b.tag == SP_BOOL) *hi = b.u.i;
    else if (sp_isnone(b)) *hi = INT64_MAX;
    else return false;
    return true;
}
/* Repetition count for seq * n (OverflowError for bigints, <0 -> 0). */
bool spc_repeat_count(sp_VM *vm, sp_Value n, int64_t *out);

/* Items of an exact-or-sub list/tuple (the list may change under user code:
 * call again after every callback). */
static inline sp_Value *spc_items(sp_Value v, size_t *n) {
    if (v.u.o->type == &sp_t_list || !sp_issubtype(v.u.o->type, &sp_t_tuple)) {
        sp_List *l = (sp_List *)v.u.o;
        *n = l->n;
        return l->items;
    }
    sp_Tuple *t = (sp_Tuple *)v.u.o;
    *n = t->n;
    return t->items;
}
/* Lexicographic rich comparison of two lists or two tuples (sp_tuple.c). */
sp_Value spc_seq_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op);
/* "[a, b]" style repr of a list/tuple's items between open/close
 * (one-element tuples get the trailing comma). */
sp_Value spc_seq_repr(sp_VM *vm, sp_Value seq, const char *open, const char *close);
/* CPython's tuple hash over n values (xxHash-based). */
bool spc_hash_items(sp_VM *vm, const sp_Value *items, size_t n, int64_t *out);
/* items[lo..lo+n*step) into a new list or tuple (t = &sp_t_list/&sp_t_tuple). */
sp_Value spc_slice_items(sp_VM *vm, sp_Type *t, const sp_Value *items, int64_t start,
                         int64_t step, int64_t n);
/* Count / index of x in a list/tuple, re-reading the sequence after each
 * comparison.  index: -1 error, -2 not found. */
int64_t spc_seq_count(sp_VM *vm, sp_Value seq, sp_Value x);
int64_t spc_seq_find(sp_VM *vm, sp_Value seq, sp_Value x, int64_t start, int64_t stop);
/* list.index / tuple.index (notfound NULL: "%R is not in list"). */
sp_Value spc_index_method(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, const char *notfound);

/* Iterators over list/tuple/generic sequences (sp_iter.c). */
extern sp_Type sp_t_list_iterator, sp_t_list_reverseiterator, sp_t_tuple_iterator,
    sp_t_seq_iterator;
sp_Value spc_seqiter_new(sp_VM *vm, sp_Type *t, sp_Value seq, int64_t pos);
/* iter(fn, sentinel); TypeError unless fn is callable. */
sp_Value spc_calliter_new(sp_VM *vm, sp_Value fn, sp_Value sentinel);

/* Drive an iterable: calls fn(ud, item) for each item; fn returns false to
 * fail.  Fast paths for list/tuple/set/dict.  false: error pending. */
bool spc_foreach(sp_VM *vm, sp_Value iterable, bool (*fn)(sp_VM *, void *, sp_Value), void *ud);

/* Is t a class namedtuple() made?  (sp_collections.c) */
bool spc_is_ntclass(sp_Type *t);
/* typing.NamedTuple (a base for class statements, or called). */
sp_Value spc_typing_namedtuple(void);

/* Sets (sp_set.c): new set of type t filled from an iterable (NULLV: empty). */
sp_Value spc_set_from(sp_VM *vm, sp_Type *t, sp_Value iterable);
bool spc_set_update(sp_VM *vm, sp_Value set, sp_Value iterable);
bool spc_set_discard_all(sp_VM *vm, sp_Value set, sp_Value iterable);
bool spc_set_symdiff_update(sp_VM *vm, sp_Value set, sp_Value iterable);
sp_Value spc_set_intersection(sp_VM *vm, sp_Value set, sp_Value other);
/* issubset(a, b) where both are anysets or dict views (contains via sp_contains). */
int spc_all_contained(sp_VM *vm, sp_Value a, sp_Value b);

/* Dicts (sp_dict.c). */
/* A dict of (static) subtype t followed by `extra` zeroed bytes at *extrap:
 * collections' dict subclasses keep their own fields there. */
void *spc_dict_alloc_ex(sp_VM *vm, sp_Type *t, size_t extra, void **extrap);
/* The hash stored with the entry sp_dict_next just returned (pos - 1). */
int64_t spc_dict_hash_at(sp_Dict *d, size_t pos);
/* Snapshot loading: add an entry with a known hash without comparing keys
 * (no user __eq__ runs); the caller guarantees the key is new. */
bool spc_dict_append(sp_VM *vm, sp_Dict *d, sp_Value key, int64_t hash, sp_Value val);
int64_t spc_set_hash_at(sp_Value set, size_t pos);
bool spc_set_append(sp_VM *vm, sp_Value set, sp_Value key, int64_t hash);
/* Are the items of a dict view (exact keys/items) tested against a set?
 * 1 keys view, 2 items view, 0 otherwise. */
int spc_dictview_kind(sp_Value v);
int spc_dictview_contains(sp_VM *vm, sp_Value view, sp_Value x);

/* Checks args[0] is a t (unbound method calls). */
bool spc_self(sp_VM *vm, sp_Value *args, int nargs, sp_Type *t, const char *name);

/* Common repr of "<typename object at 0x...>". */
sp_Value spc_obj_repr(sp_VM *vm, sp_Value self);

#endif
