/* sp_snap.h - how a module's private object types join snapshots
 * (sp_snap.c).  A module describes each type by a sp_SnapKind: the dump
 * asks it for a few plain values describing an object (objects made for
 * that, such as a list of a deque's items, are written like any other),
 * and the load makes an empty object first (pass 1, so cycles through it
 * resolve) and fills it from the values last, once every other object is
 * complete.  fill must check everything: the values come from untrusted
 * bytes.  No Python code may run in either hook. */
#ifndef SP_SNAP_H
#define SP_SNAP_H

#include "sp.h"

enum { SP_SNAP_MAXV = 10 };

typedef struct sp_SnapKind {
    const char *name;   /* stable: it is part of the format */
    sp_Type *type;
    bool idhash;        /* hashed by identity: a dict key is rehashed on load */
    /* Up to SP_SNAP_MAXV values and a size hint for alloc; -1 on error. */
    int (*save)(sp_VM *vm, sp_Obj *o, sp_Value *vals, uint32_t *hint);
    sp_Obj *(*alloc)(sp_VM *vm, uint32_t hint);
    /* false with an exception pending when the values do not fit. */
    bool (*fill)(sp_VM *vm, sp_Obj *o, const sp_Value *vals, int n);
} sp_SnapKind;

/* Each module's kinds, ended by a NULL name. */
extern const sp_SnapKind sp_snap_datetime[], sp_snap_collections[], sp_snap_functools[],
    sp_snap_re[], sp_snap_random[], sp_snap_set[], sp_snap_hashlib[], sp_snap_itertools[],
    sp_snap_iter[];

/* Kinds of classes (namedtuple classes): made before any instance and
 * filled before the classes deriving from them are rebuilt. */
extern const sp_SnapKind sp_snap_classes[];
enum { SP_NT_NAME_MAX = 1 << 16 };
/* The field count of the namedtuple class t is or derives from, else -1. */
int64_t sp_snap_nt_fields(sp_Type *t);

/* In sp_dict.c: the empty dict d gets src's keys and hashes (src holds n
 * entries, no holes) and the values vals; false with an exception pending. */
bool spc_dict_clone_keys(sp_VM *vm, sp_Dict *d, const sp_Dict *src, const sp_Value *vals, size_t n);
/* Whether d holds exactly the n keys (the same objects, or the same inline
 * bits), in that order and without holes: then its first value, the i-th
 * at (const char *)first + i * *stride (entries stay put while nothing
 * runs), else NULL. */
const sp_Value *spc_dict_keys_are(const sp_Dict *d, const sp_Value *keys, size_t n, size_t *stride);

/* Shared checks for fill: v is an int in [lo, hi] (stored in *out). */
bool sp_snap_int(sp_VM *vm, sp_Value v, int64_t lo, int64_t hi, int64_t *out);

#endif
