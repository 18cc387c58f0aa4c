/* sp_class.c - user-defined classes: heap types, their instances and the
 * data model.
 *
 * A class is a heap type (HeapType below, metatype `type`).  Its MRO is a
 * tuple computed by C3; attribute lookup walks it, reading the namespace
 * dict of Python classes and the method/getset tables of builtin ones.
 * The C slots of a class (repr, richcmp, binop...) are chosen when it is
 * created: a dispatcher that calls the dunder method when a Python class in
 * the MRO defines one before a builtin type that implements the slot,
 * otherwise that builtin type's slot itself.  Dispatchers look the method
 * up again on every call, so they stay right when methods are replaced.
 *
 * Instance layouts come from the "solid" builtin base: object (Inst: a
 * header and a dict), BaseException (sp_Exc, whose dict is reused), list
 * and dict (the builtin layout followed by a dict pointer).  Builtin code
 * only ever sees its own layout at the start of the object.
 *
 * Every call into Python from here goes through sp_call (recursion guard)
 * and roots fresh values it still needs with sp_pin. */
#include "sp_class.h"

#include <stdalign.h>
#include <stddef.h>

#include "sp_code.h"
#include "sp_cont.h"
#include "sp_exc.h"

/* A lookup remembered by a class: valid while vm->class_epoch is
 * unchanged (no class namespace changed since).  The key is an interned
 * attribute name (never freed) or a dunder's C string; values are
 * borrowed from the class dicts, which the epoch proves unchanged. */
enum { NCACHE = 64 }; /* 16 sets of 4 (cache_set) */
typedef struct CacheEnt {
    const void *key;
    uint64_t epoch;
    int slot;        /* dunders: the slot asked for + 2; attributes: 0 */
    int kind;
    sp_Value v;
    const void *p;   /* sp_GetSetDef, sp_MethodDef or builtin type */
    sp_Type *owner;
    int32_t ix;      /* attributes: where name was last found in an instance
                      * dict (self-checking, see sp_dict_at); -1: none yet */
} CacheEnt;

typedef struct HeapType {
    sp_Type t;
    sp_Str *namestr;  /* t.name points into it */
    sp_Type *solid;   /* builtin type deciding the instance layout */
    uint32_t dictoff; /* offset of the instance's sp_Dict pointer, 0: none */
    uint32_t hflags;  /* HT_* */
    sp_Type *slotbase; /* the nearest class of the base chain adding __slots__ (NULL: none) */
    CacheEnt cache[NCACHE];
    /* sp_class_new_for_init's answer (the __init__ to run as a frame, or
     * SP_NULLV: the general path), valid while new_epoch == class_epoch + 1 */
    uint64_t new_epoch;
    sp_Value new_init;
} HeapType;

/* Hooks a class defines (found in a Python class of its MRO). */
enum {
    HT_GETATTR = 1, HT_GETATTRIBUTE = 2, HT_SETATTR = 4, HT_DELATTR = 8,
    HT_GET = 16, HT_SET = 32, HT_DELETE = 64, HT_SLOTS = 128,
    HT_ABSTRACT = 256 /* a true __abstractmethods__ was set: instances refused (abc) */
};

typedef struct Inst {
    sp_Obj h;
    sp_Dict *dict;
} Inst;

typedef struct Func1 { /* staticmethod, classmethod */
    sp_Obj h;
    sp_Value func;
} Func1;

typedef struct Prop {
    sp_Obj h;
    sp_Value fget, fset, fdel, doc, name; /* None when absent */
} Prop;

typedef struct Super {
    sp_Obj h;
    sp_Type *type;    /* lookups start after it in objtype's MRO */
    sp_Value obj;     /* instance or class */
    sp_Type *objtype;
} Super;

static void inst_traverse(sp_VM *vm, sp_Obj *o);

#define HT(t) ((HeapType *)(t))
#define TYPEV(v) ((sp_Type *)SP_O(v))

static bool is_class(sp_Type *t) { return (t->flags & SP_TF_HEAPTYPE) && t->traverse == inst_traverse; }
static bool is_type(sp_Value v) { return v.tag == SP_OBJ && sp_isinst(v, &sp_t_type); }
/* A metaclass: a class deriving from type, whose instances are classes. */
static bool is_meta(sp_Type *t) { return is_class(t) && HT(t)->solid == &sp_t_type; }

static sp_Str *intern(sp_VM *vm, const char *s) {
    sp_Value v = sp_str_intern_cstr(vm, s);
    return sp_iserr(v) ? NULL : SP_STR(v);
}

static bool is_dunder(sp_Str *s) {
    return s->len > 4 && s->data[0] == '_' && s->data[1] == '_' && s->data[s->len - 1] == '_' &&
           s->data[s->len - 2] == '_';
}

/* ================================================================ MRO walks */

/* Iterates a type's MRO: the tuple of a class, the base chain (plus
 * object) of a builtin type. */
typedef struct MroIt {
    sp_Tuple *mro;
    size_t i;
    sp_Type *cur;
    bool obj_done;
} MroIt;

static void mro_start(MroIt *it, sp_Type *t) {
    it->mro = sp_istuple(t->mro) ? SP_TUPLE(t->mro) : NULL;
    it->i = 0;
    it->cur = t;
    it->obj_done = false;
}

static sp_Type *mro_next(MroIt *it) {
    if (it->mro) return it->i < it->mro->n ? TYPEV(it->mro->items[it->i++]) : NULL;
    sp_Type *t = it->cur;
    if (t) {
        it->cur = t->base;
        if (t == &sp_t_object) it->obj_done = true;
        return t;
    }
    if (it->obj_done) return NULL;
    it->obj_done = true;
    return &sp_t_object;
}

/* Methods builtin types expose to classes only (super().__init__(...) on
 * a list subclass, BaseException.__new__). */
static sp_Value m_list_init(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);
static sp_Value m_dict_init(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);
static sp_Value m_exc_new(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);
static const sp_MethodDef list_extra[] = {{"__init__", m_list_init, 0}, {NULL, NULL, 0}};
static const sp_MethodDef dict_extra[] = {{"__init__", m_dict_init, 0}, {NULL, NULL, 0}};
static const sp_MethodDef exc_extra[] = {{"__new__", m_exc_new, SP_METH_STATIC}, {NULL, NULL, 0}};

static const sp_MethodDef *find_def(const sp_MethodDef *m, sp_Str *name) {
    for (; m && m->name; m++)
        if (sp_str_eqc(name, m->name)) return m;
    return NULL;
}

static const sp_MethodDef *slot_wrapper(sp_Type *k, sp_Str *name);

static const sp_MethodDef *own_method(sp_Type *k, sp_Str *name) {
    const sp_MethodDef *m = find_def(k->methods, name);
    if (m) return m;
    if ((m = slot_wrapper(k, name))) return m;
    if ((m = sp_sub_extra(k, name))) return m;
    if (k == &sp_t_list) return find_def(list_extra, name);
    if (k == &sp_t_dict) return find_def(dict_extra, name);
    if (k == &sp_t_BaseException) return find_def(exc_extra, name);
    return NULL;
}

static const sp_GetSetDef *own_getset(sp_Type *k, sp_Str *name) {
    for (const sp_GetSetDef *g = k->getsets; g && g->name; g++)
        if (sp_str_eqc(name, g->name)) return g;
    return NULL;
}

enum { A_NONE, A_VALUE, A_GETSET, A_METHOD };
typedef struct Attr {
    int kind;
    sp_Value v;               /* A_VALUE: from a class namespace */
    const sp_GetSetDef *g;    /* A_GETSET */
    const sp_MethodDef *m;    /* A_METHOD */
    sp_Type *owner;
} Attr;

/* 4-way set associative: a class's hot names must not evict each other. */
enum { NWAYS = 4 };
static CacheEnt *cache_set(sp_Type *t, const void *key, int slot) {
    uint64_t h = (uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15ull +
                 (uint64_t)(int64_t)slot * 0xC2B2AE3D27D4EB4Full;
    return &HT(t)->cache[(h >> 60) * NWAYS];
}

static CacheEnt *cache_hit(sp_VM *vm, sp_Type *t, const void *key, int slot) {
    CacheEnt *e = cache_set(t, key, slot);
    for (int i = 0; i < NWAYS; i++)
        if (e[i].key == key && e[i].slot == slot && e[i].epoch == vm->class_epoch) return &e[i];
    return NULL;
}

/* The entry to fill: the set's oldest goes (first in, first out). */
static CacheEnt *cache_slot(sp_Type *t, const void *key, int slot) {
    CacheEnt *e = cache_set(t, key, slot);
    memmove(e + 1, e, (NWAYS - 1) * sizeof *e);
    return e;
}

static void find_attr_walk(sp_Type *t, size_t skip, sp_Str *name, Attr *a);

/* super() lookups skip part of the MRO: their entries are keyed apart. */
enum { SUPER_KEY = -1000, SUPER_MAX = 900 };

/* The cache entry of attribute `name` of class t (its MRO from entry
 * `skip`), filled on a miss; NULL when the lookup is not cacheable.  The
 * entry is only valid until the next call that can run Python code. */
static CacheEnt *attr_ent(sp_VM *vm, sp_Type *t, size_t skip, sp_Str *name) {
    if (!name->interned || !is_class(t) || skip > SUPER_MAX) return NULL;
    int slot = skip ? SUPER_KEY - (int)skip : 0;
    CacheEnt *e = cache_hit(vm, t, name, slot);
    if (e) return e;
    Attr a;
    find_attr_walk(t, skip, name, &a);
    if (a.kind == A_NONE) a.v = SP_NULLV, a.m = NULL, a.owner = NULL;
    e = cache_slot(t, name, slot);
    *e = (CacheEnt){name, vm->class_epoch, slot, a.kind, a.v,
                    a.kind == A_GETSET ? (const void *)a.g : (const void *)a.m, a.owner, -1};
    return e;
}

static void attr_from(const CacheEnt *e, Attr *a) {
    a->kind = e->kind;
    a->v = e->v;
    a->g = e->p;
    a->m = e->p;
    a->owner = e->owner;
}

/* Look name up along t's MRO, skipping its first `skip` entries. */
static void find_attr_vm(sp_VM *vm, sp_Type *t, size_t skip, sp_Str *name, Attr *a) {
    CacheEnt *e = attr_ent(vm, t, skip, name);
    if (e) attr_from(e, a);
    else find_attr_walk(t, skip, name, a);
}
#define find_attr(t, skip, name, a) find_attr_vm(vm, t, skip, name, a)

static void find_attr_walk(sp_Type *t, size_t skip, sp_Str *name, Attr *a) {
    MroIt it;
    mro_start(&it, t);
    a->kind = A_NONE;
    for (sp_Type *k; (k = mro_next(&it));) {
        if (skip) {
            skip--;
            continue;
        }
        a->owner = k;
        if (k->flags & SP_TF_HEAPTYPE) {
            if (!k->dict) continue;
            a->v = sp_dict_gets(k->dict, name);
            if (!sp_isnull(a->v)) {
                a->kind = A_VALUE;
                return;
            }
            continue;
        }
        if ((a->g = own_getset(k, name))) {
            a->kind = A_GETSET;
            return;
        }
        if ((a->m = own_method(k, name))) {
            a->kind = A_METHOD;
            return;
        }
    }
}

/* A name defined by a Python class of t's MRO: SP_NULLV if none. */
static sp_Value class_value(sp_VM *vm, sp_Type *t, sp_Str *name) {
    Attr a;
    find_attr(t, 0, name, &a);
    return a.kind == A_VALUE ? a.v : SP_NULLV;
}

/* ================================================================ calls */

enum { SMALL = 8 };

/* f(first, *args, **kw) */
static sp_Value call_with(sp_VM *vm, sp_Value f, sp_Value first, sp_Value *args, int nargs,
                          sp_Tuple *kw) {
    if (!kw && nargs < SMALL) { /* dunders: no size arithmetic, no memcpy call */
        sp_Value a[SMALL];
        a[0] = first;
        for (int i = 0; i < nargs; i++) a[i + 1] = args[i];
        return sp_call(vm, f, a, nargs + 1, NULL);
    }
    size_t total = (size_t)nargs + (kw ? kw->n : 0) + 1, bytes;
    if (!sp_size_mul(vm, total, sizeof(sp_Value), &bytes)) return SP_ERRV;
    sp_Value small[SMALL], *a = total <= SMALL ? small : sp_malloc(vm, bytes);
    if (!a) return SP_ERRV;
    a[0] = first;
    if (total > 1) memcpy(a + 1, args, bytes - sizeof(sp_Value));
    sp_Value r = sp_call(vm, f, a, nargs + 1, kw);
    if (a != small) sp_free(vm, a, bytes);
    return r;
}

static sp_Value new_bound(sp_VM *vm, sp_Value self, sp_Value func) {
    sp_BoundMethod *m = sp_newobj(vm, &sp_t_boundmethod, sizeof *m);
    if (!m) return SP_ERRV;
    m->self = self;
    m->func = func;
    return sp_objv(m);
}

static sp_Value bind_def(sp_VM *vm, const sp_MethodDef *m, sp_Type *owner, sp_Value self,
                         sp_Type *type) {
    if (m->flags & SP_METH_STATIC) return sp_cfunc_new(vm, m->name, m->fn, SP_NULLV, NULL);
    if (m->flags & SP_METH_CLASS) return sp_cfunc_new(vm, m->name, m->fn, sp_objv(type), owner->name);
    return sp_cfunc_new(vm, m->name, m->fn, self, owner->name);
}

static sp_Value prop_get(sp_VM *vm, Prop *p, sp_Value self);
static bool prop_set(sp_VM *vm, Prop *p, sp_Value self, sp_Value v);

/* The descriptor protocol (__get__) for a class attribute v found for
 * self (SP_NULLV: looked up on the class itself) of type `type`. */
static sp_Value member_get(sp_VM *vm, sp_Value m, sp_Value obj);
static bool add_members(sp_VM *vm, sp_Type *t);
static bool slot_layouts_ok(sp_VM *vm, sp_Tuple *bases);
static void set_slotbase(sp_Type *t);

static sp_Value descr_get(sp_VM *vm, sp_Value v, sp_Value self, sp_Type *type) {
    sp_Type *vt = sp_typeof(v);
    if (vt == &sp_t_function) return sp_isnull(self) ? v : new_bound(vm, self, v);
    if (vt == &sp_t_staticmethod) return ((Func1 *)SP_O(v))->func;
    if (vt == &sp_t_classmethod) return new_bound(vm, sp_objv(type), ((Func1 *)SP_O(v))->func);
    if (vt == &sp_t_property) return sp_isnull(self) ? v : prop_get(vm, (Prop *)SP_O(v), self);
    if (vt == &sp_t_member) return sp_isnull(self) ? v : member_get(vm, v, self);
    if (vt->flags & SP_TF_DESCR) { /* a native descriptor (functools' lru_cache wrapper) */
        sp_Str *n = intern(vm, "__get__");
        const sp_MethodDef *g = n ? sp_find_method(vt, n) : NULL;
        sp_Value a[3] = {v, sp_isnull(self) ? SP_NONEV : self, sp_objv(type)};
        if (g) return g->fn(vm, a, 3, NULL);
    }
    if (vt == &sp_t_cfunc) { /* an unbound builtin method stored in a class (x = object.__repr__) */
        sp_CFunc *c = (sp_CFunc *)SP_O(v);
        if (sp_isnull(self) || !sp_isnull(c->self) || !c->qualprefix) return v;
        return sp_cfunc_new(vm, c->name, c->fn, self, c->qualprefix);
    }
    if (is_class(vt) && (HT(vt)->hflags & HT_GET)) {
        sp_Str *n = intern(vm, "__get__");
        if (!n) return SP_ERRV;
        sp_Value get = class_value(vm, vt, n), a[2] = {sp_isnull(self) ? SP_NONEV : self, sp_objv(type)};
        if (!sp_isnull(get)) return call_with(vm, get, v, a, 2, NULL);
    }
    return v;
}

static bool is_data_descr(sp_Value v) {
    sp_Type *vt = sp_typeof(v);
    return vt == &sp_t_property || (is_class(vt) && (HT(vt)->hflags & (HT_SET | HT_DELETE)));
}

/* Call a class attribute f as a method of self. */
static sp_Value call_meth(sp_VM *vm, sp_Value f, sp_Value self, sp_Value *args, int nargs,
                          sp_Tuple *kw) {
    if (sp_istype(f, &sp_t_function)) return call_with(vm, f, self, args, nargs, kw);
    sp_Value b = descr_get(vm, f, self, sp_typeof(self));
    if (sp_iserr(b) || !sp_pin(vm, b)) return SP_ERRV;
    sp_Value r = sp_call(vm, b, args, nargs, kw);
    sp_unpin(vm, 1);
    return r;
}

/* f(self, *args) for a slot called from C (a dict hashing or comparing
 * keys).  A plain Python function is run at once: CPython's slot functions
 * vectorcall it, so its frame is the only recursion level, where sp_call
 * would add one (" while calling a Python object") and call_meth/call_with
 * cost ~150 instructions.  The nested loop's C stack is still checked;
 * without a stack base to check against, the general path counts it. */
static sp_Value call_slot(sp_VM *vm, sp_Value f, sp_Value self, sp_Value *args, int nargs) {
    if (f.tag == SP_OBJ && SP_O(f)->type == &sp_t_function && vm->cstack_base) {
        sp_Func *fn = SP_AS(sp_Func, f);
        if (fn->code->fastcall && fn->code->argcount == nargs + 1) {
            if (!sp_cstack_ok(vm))
                return sp_raise(vm, &sp_t_RecursionError, "maximum recursion depth exceeded");
            sp_Value a[2] = {self, nargs ? args[0] : SP_NULLV};
            return sp_vm_call(vm, fn, a, nargs + 1, NULL);
        }
    }
    return call_meth(vm, f, self, args, nargs, NULL);
}

/* ================================================================ slots */

enum {
    SL_REPR, SL_STR, SL_HASH, SL_CMP, SL_TRUTHY, SL_LEN, SL_ITER, SL_NEXT, SL_GETITEM,
    SL_SETITEM, SL_CONTAINS, SL_BINOP, SL_UNOP, SL_CALL, SL_FORMAT, SL_COUNT_
};

static bool has_slot(sp_Type *k, int s) {
    switch (s) {
    case SL_REPR: return k->repr;
    case SL_STR: return k->str;
    case SL_HASH: return k->hash || (k->flags & SP_TF_UNHASHABLE);
    case SL_CMP: return k->richcmp;
    case SL_TRUTHY: return k->truthy;
    case SL_LEN: return k->len;
    case SL_ITER: return k->iter;
    case SL_NEXT: return k->next;
    case SL_GETITEM: return k->getitem;
    case SL_SETITEM: return k->setitem;
    case SL_CONTAINS: return k->contains;
    case SL_BINOP: return k->binop;
    case SL_UNOP: return k->unop;
    case SL_CALL: return k->call;
    default: return k->format;
    }
}

/* The dunder `name` for slot s of type t: 1 with *f a class attribute of a
 * Python class, 2 with *st the first builtin type implementing the slot
 * (s < 0: builtin types never count), 0 if neither, -1 on error. */
static int find_dunder_walk(sp_VM *vm, sp_Type *t, const char *name, int s, sp_Value *f,
                            sp_Type **st) {
    sp_Str *n = intern(vm, name);
    if (!n) return -1;
    MroIt it;
    mro_start(&it, t);
    for (sp_Type *k; (k = mro_next(&it));) {
        if (k->flags & SP_TF_HEAPTYPE) {
            *f = k->dict ? sp_dict_gets(k->dict, n) : SP_NULLV;
            if (!sp_isnull(*f)) return 1;
        } else if (s >= 0 && has_slot(k, s)) {
            *st = sp_sub_slots(k);
            return 2;
        }
    }
    return 0;
}

static int find_dunder(sp_VM *vm, sp_Type *t, const char *name, int s, sp_Value *f,
                       sp_Type **st) {
    if (!is_class(t)) return find_dunder_walk(vm, t, name, s, f, st);
    CacheEnt *e = cache_hit(vm, t, name, s + 2);
    if (e) {
        *f = e->v;
        *st = (sp_Type *)(uintptr_t)e->p;
        return e->kind;
    }
    *f = SP_NULLV;
    *st = NULL;
    int k = find_dunder_walk(vm, t, name, s, f, st);
    if (k >= 0) *cache_slot(t, name, s + 2) = (CacheEnt){name, vm->class_epoch, s + 2, k, *f, *st, NULL, -1};
    return k;
}

/* self.name(*args) when a Python class defines it; SP_NULLV if not. */
static sp_Value call_dunder(sp_VM *vm, sp_Value self, const char *name, sp_Value *args, int nargs) {
    sp_Value f;
    sp_Type *st;
    int k = find_dunder(vm, sp_typeof(self), name, -1, &f, &st);
    if (k < 0) return SP_ERRV;
    return k == 1 ? call_meth(vm, f, self, args, nargs, NULL) : SP_NULLV;
}

/* The common shape of a dispatcher: the Python method, the builtin slot,
 * or a fallback. */
#define DISPATCH(name, slot, pycall, builtin, fallback)                    \
    do {                                                                   \
        sp_Value f;                                                        \
        sp_Type *st;                                                       \
        switch (find_dunder(vm, sp_typeof(self), name, slot, &f, &st)) {   \
        case 1: pycall;                                                    \
        case 2: builtin;                                                   \
        case 0: fallback;                                                  \
        default: return SP_ERRV;                                           \
        }                                                                  \
    } while (0)

static sp_Value s_repr(sp_VM *vm, sp_Value self) {
    DISPATCH("__repr__", SL_REPR, return call_meth(vm, f, self, NULL, 0, NULL),
             return st->repr(vm, self), return sp_fmt(vm, "<%T object>", self));
}

static sp_Value s_str(sp_VM *vm, sp_Value self) {
    DISPATCH("__str__", SL_STR, return call_meth(vm, f, self, NULL, 0, NULL),
             return st->str(vm, self), return sp_repr(vm, self));
}

static sp_Value s_format(sp_VM *vm, sp_Value self, sp_Str *spec) {
    sp_Value r, a = sp_objv(spec);
    DISPATCH("__format__", SL_FORMAT, r = call_meth(vm, f, self, &a, 1, NULL); break,
             return st->format(vm, self, spec), r = SP_NULLV; break);
    if (sp_isnull(r)) {
        if (spec->len == 0) return sp_str(vm, self);
        return sp_raise(vm, &sp_t_TypeError, "unsupported format string passed to %T.__format__",
                        self);
    }
    if (sp_iserr(r) || sp_isstr(r)) return r;
    return sp_raise(vm, &sp_t_TypeError, "__format__ must return a str, not %T", r);
}

static bool unhashable(sp_VM *vm, sp_Value self) {
    sp_raise(vm, &sp_t_TypeError, "unhashable type: '%T'", self);
    return false;
}

/* A class's hash slot.  sp_hash adds no recursion level for it (CPython's
 * PyObject_Hash adds none either): the builtin case counts its own. */
bool sp_class_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    sp_Value f, r;
    sp_Type *st;
    bool ok;
    switch (find_dunder(vm, sp_typeof(self), "__hash__", SL_HASH, &f, &st)) {
    case 1:
        if (sp_isnone(f)) return unhashable(vm, self);
        r = call_slot(vm, f, self, NULL, 0);
        if (sp_iserr(r)) return false;
        if (!sp_isintlike(r)) {
            sp_raise(vm, &sp_t_TypeError, "__hash__ method should return an integer");
            return false;
        }
        /* CPython keeps a result that fits a machine word (-1 is reserved) */
        if (!sp_isint(r) && !sp_isbool(r)) return sp_hash(vm, r, out);
        *out = r.u.i == -1 ? -2 : r.u.i;
        return true;
    case 2:
        if (!st->hash) return unhashable(vm, self);
        if (!SP_ENTER_PY(vm, "")) return false;
        ok = st->hash(vm, self, out);
        SP_LEAVE(vm);
        return ok;
    case 0: *out = (int64_t)sp_obj_id(vm, SP_O(self)); return true;
    default: return false;
    }
}

static const char *const cmp_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

static sp_Value s_richcmp(sp_VM *vm, sp_Value self, sp_Value other, int op) {
    sp_Value r;
    DISPATCH(cmp_names[op], SL_CMP, return call_slot(vm, f, self, &other, 1),
             return st->richcmp(vm, self, other, op), r = SP_NOTIMPL; break);
    if (op != SP_NE) return r;
    /* object.__ne__: the inverse of __eq__ */
    r = s_richcmp(vm, self, other, SP_EQ);
    if (sp_iserr(r) || sp_isnotimpl(r)) return r;
    int t = sp_truthy(vm, r);
    return t < 0 ? SP_ERRV : sp_bool(!t);
}

static int s_truthy(sp_VM *vm, sp_Value self) {
    sp_Value f, r;
    sp_Type *st;
    switch (find_dunder(vm, sp_typeof(self), "__bool__", SL_TRUTHY, &f, &st)) {
    case 1:
        r = call_meth(vm, f, self, NULL, 0, NULL);
        if (sp_iserr(r)) return -1;
        if (sp_isbool(r)) return (int)r.u.i;
        sp_raise(vm, &sp_t_TypeError, "__bool__ should return bool, returned %T", r);
        return -1;
    case 2: return st->truthy(vm, self);
    case 0: {
        sp_Type *t = sp_typeof(self);
        if (!t->len) return 1;
        int64_t n = t->len(vm, self);
        return n < 0 ? -1 : n > 0;
    }
    default: return -1;
    }
}

static int64_t s_len(sp_VM *vm, sp_Value self) {
    sp_Value f, r;
    sp_Type *st;
    switch (find_dunder(vm, sp_typeof(self), "__len__", SL_LEN, &f, &st)) {
    case 1:
        r = call_meth(vm, f, self, NULL, 0, NULL);
        if (sp_iserr(r)) return -1;
        r = sp_index_value(vm, r);
        if (sp_iserr(r)) return -1;
        if (sp_int_sign(r) < 0) {
            sp_raise(vm, &sp_t_ValueError, "__len__() should return >= 0");
            return -1;
        }
        if (!sp_isint(r)) {
            sp_raise(vm, &sp_t_OverflowError, "cannot fit 'int' into an index-sized integer");
            return -1;
        }
        return r.u.i;
    case 2: return st->len(vm, self);
    case 0:
        sp_raise(vm, &sp_t_TypeError, "object of type '%T' has no len()", self);
        return -1;
    default: return -1;
    }
}

static sp_Value not_iterable(sp_VM *vm, sp_Value self) {
    return sp_raise(vm, &sp_t_TypeError, "'%T' object is not iterable", self);
}

static sp_Value s_iter(sp_VM *vm, sp_Value self) {
    sp_Value r;
    DISPATCH("__iter__", SL_ITER, if (sp_isnone(f)) return not_iterable(vm, self);
             r = call_meth(vm, f, self, NULL, 0, NULL); break,
             return st->iter(vm, self), r = SP_NULLV; break);
    if (sp_isnull(r)) { /* the old sequence protocol: __getitem__ from 0 */
        sp_Value f;
        sp_Type *st;
        int k = find_dunder(vm, sp_typeof(self), "__getitem__", SL_GETITEM, &f, &st);
        if (k < 0) return SP_ERRV;
        if (k == 0) return not_iterable(vm, self);
        return spc_seqiter_new(vm, &sp_t_seq_iterator, self, 0);
    }
    if (sp_iserr(r) || sp_typeof(r)->next) return r;
    return sp_raise(vm, &sp_t_TypeError, "iter() returned non-iterator of type '%T'", r);
}

static sp_Value s_next(sp_VM *vm, sp_Value self) {
    sp_Value r;
    DISPATCH("__next__", SL_NEXT, r = call_meth(vm, f, self, NULL, 0, NULL); break,
             return st->next(vm, self),
             return sp_raise(vm, &sp_t_TypeError, "'%T' object is not an iterator", self));
    if (sp_iserr(r) && sp_err_matches(vm, &sp_t_StopIteration) && !vm->limit_hit) {
        sp_err_clear(vm);
        return SP_NULLV;
    }
    return r;
}

static sp_Value s_getitem(sp_VM *vm, sp_Value self, sp_Value key) {
    DISPATCH("__getitem__", SL_GETITEM, return call_meth(vm, f, self, &key, 1, NULL),
             return st->getitem(vm, self, key),
             return sp_raise(vm, &sp_t_TypeError, "'%T' object is not subscriptable", self));
}

static bool s_setitem(sp_VM *vm, sp_Value self, sp_Value key, sp_Value val) {
    bool del = sp_isnull(val);
    sp_Value f, r, a[2] = {key, val};
    sp_Type *st;
    switch (find_dunder(vm, sp_typeof(self), del ? "__delitem__" : "__setitem__", SL_SETITEM, &f,
                        &st)) {
    case 1: r = call_meth(vm, f, self, a, del ? 1 : 2, NULL); return !sp_iserr(r);
    case 2: return st->setitem(vm, self, key, val);
    case 0:
        if (del) sp_raise(vm, &sp_t_TypeError, sp_isintlike(key)
                          ? "'%T' object doesn't support item deletion"
                          : "'%T' object does not support item deletion", self);
        else sp_raise(vm, &sp_t_TypeError, "'%T' object does not support item assignment", self);
        return false;
    default: return false;
    }
}

/* `in` by iteration, when no __contains__ is left. */
static int contains_iter(sp_VM *vm, sp_Value self, sp_Value item) {
    sp_Value it = sp_iter(vm, self);
    if (sp_iserr(it) || !sp_pin(vm, it)) return -1;
    int found = 0;
    while (found == 0) {
        sp_Value x = sp_next(vm, it);
        if (sp_iserr(x)) found = -1;
        else if (sp_isnull(x)) break;
        else if ((found = sp_eq(vm, x, item)) == 0 && !sp_check_limits(vm)) found = -1;
    }
    sp_unpin(vm, 1);
    return found;
}

static int s_contains(sp_VM *vm, sp_Value self, sp_Value item) {
    sp_Value f, r;
    sp_Type *st;
    switch (find_dunder(vm, sp_typeof(self), "__contains__", SL_CONTAINS, &f, &st)) {
    case 1:
        r = call_meth(vm, f, self, &item, 1, NULL);
        return sp_iserr(r) ? -1 : sp_truthy(vm, r);
    case 2: return st->contains(vm, self, item);
    case 0: return contains_iter(vm, self, item);
    default: return -1;
    }
}

static sp_Value s_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    DISPATCH("__call__", SL_CALL, return call_meth(vm, f, self, args, nargs, kw),
             return st->call(vm, self, args, nargs, kw),
             return sp_raise(vm, &sp_t_TypeError, "'%T' object is not callable", self));
}

static const char *const unop_names[] = {"__neg__", "__pos__", "__invert__", "__abs__"};

static sp_Value s_unop(sp_VM *vm, int op, sp_Value self) {
    DISPATCH(unop_names[op], SL_UNOP, return call_meth(vm, f, self, NULL, 0, NULL),
             return st->unop(vm, op, self), return SP_NOTIMPL);
}

/* [op][0] a.__op__(b), [1] b.__rop__(a), [2] a.__iop__(b) */
static const char *const binop_names[SP_OP_COUNT_][3] = {
    {"__add__", "__radd__", "__iadd__"},
    {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"},
    {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    {"__mod__", "__rmod__", "__imod__"},
    {"__pow__", "__rpow__", "__ipow__"},
    {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__rshift__", "__rrshift__", "__irshift__"},
    {"__and__", "__rand__", "__iand__"},
    {"__or__", "__ror__", "__ior__"},
    {"__xor__", "__rxor__", "__ixor__"},
};

/* One side of a binary operation: self.name(other), or the builtin slot
 * of self's type (called with the original operand order a, b). */
static sp_Value binop_side(sp_VM *vm, sp_Value self, const char *name, sp_Value other, int op,
                           sp_Value a, sp_Value b) {
    DISPATCH(name, SL_BINOP, return call_meth(vm, f, self, &other, 1, NULL),
             if (op >= SP_OP_INPLACE && st != &sp_t_list && st != &sp_t_dict && st != &sp_t_set)
                 return SP_NOTIMPL; /* int has no in-place slot: x |= y falls back to __or__ */
             return st->binop(vm, op, a, b),
             return SP_NOTIMPL);
}

static sp_Value s_binop(sp_VM *vm, int op, sp_Value a, sp_Value b);

/* Does b's type override the reflected method a's type has? */
static bool overrides(sp_VM *vm, sp_Type *ta, sp_Type *tb, const char *rname) {
    sp_Value fa = SP_NULLV, fb = SP_NULLV;
    sp_Type *st;
    if (find_dunder(vm, tb, rname, -1, &fb, &st) != 1) return false;
    if (find_dunder(vm, ta, rname, -1, &fa, &st) != 1) return true;
    return !sp_is(fa, fb);
}

/* CPython's SLOT1BINFULL: a.__op__(b), then b.__rop__(a); a subclass's
 * reflected method goes first. */
static sp_Value s_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (op >= SP_OP_INPLACE)
        return binop_side(vm, a, binop_names[op - SP_OP_INPLACE][2], b, op, a, b);
    const char *name = binop_names[op][0], *rname = binop_names[op][1];
    sp_Type *ta = sp_typeof(a), *tb = sp_typeof(b);
    bool do_other = ta != tb && tb->binop == s_binop;
    sp_Value r;
    if (ta->binop == s_binop) {
        if (do_other && sp_issubtype(tb, ta) && overrides(vm, ta, tb, rname)) {
            r = binop_side(vm, b, rname, a, op, a, b);
            if (!sp_isnotimpl(r)) return r;
            do_other = false;
        }
        r = binop_side(vm, a, name, b, op, a, b);
        if (!sp_isnotimpl(r) || ta == tb) return r;
    }
    return do_other ? binop_side(vm, b, rname, a, op, a, b) : SP_NOTIMPL;
}

/* A function the VM can run as a frame of its loop. */
static bool plain_func(sp_Value f) {
    return sp_istype(f, &sp_t_function) && !(SP_AS(sp_Func, f)->code->flags & SP_CO_GENERATOR);
}

/* binop1 then s_binop start with a.__op__(b) unless b's class, a subclass
 * of a's, may go first: that case stays on the general path. */
sp_Value sp_class_binop_fn(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    sp_Type *ta = sp_typeof(a), *tb = sp_typeof(b);
    if (op >= SP_OP_INPLACE || ta->binop != s_binop || (ta != tb && sp_issubtype(tb, ta)))
        return SP_NULLV;
    sp_Value f;
    sp_Type *st;
    int k = find_dunder(vm, ta, binop_names[op][0], SL_BINOP, &f, &st);
    if (k < 0) return SP_ERRV;
    return k == 1 && plain_func(f) ? f : SP_NULLV;
}

/* sp_richcmp then s_richcmp start with a.__op__(b) unless b's class, a
 * subclass of a's, goes first. */
sp_Value sp_class_richcmp_fn(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    sp_Type *ta = sp_typeof(a), *tb = sp_typeof(b);
    if (ta->richcmp != s_richcmp || (ta != tb && (tb->flags & SP_TF_HEAPTYPE) && sp_issubtype(tb, ta)))
        return SP_NULLV;
    sp_Value f;
    sp_Type *st;
    int k = find_dunder(vm, ta, cmp_names[op], SL_CMP, &f, &st);
    if (k < 0) return SP_ERRV;
    return k == 1 && plain_func(f) ? f : SP_NULLV;
}

sp_Value sp_class_rbinop_fn(sp_VM *vm, int op, sp_Value a, sp_Value b, sp_Value *r) {
    sp_Type *ta = sp_typeof(a), *tb = sp_typeof(b);
    *r = SP_NULLV;
    if (op >= SP_OP_INPLACE || tb->binop != s_binop || ta->binop == s_binop || sp_issubtype(tb, ta))
        return SP_NULLV;
    /* binop1: a's slot first (the class is looked at after: it may run code) */
    sp_Value x = ta->binop ? ta->binop(vm, op, a, b) : SP_NOTIMPL;
    if (!sp_isnotimpl(x)) return *r = x, SP_NULLV;
    sp_Value f;
    sp_Type *st;
    int k = find_dunder(vm, tb, binop_names[op][1], SL_BINOP, &f, &st);
    if (k < 0) return *r = SP_ERRV, SP_NULLV;
    if (k == 1 && plain_func(f)) return f;
    x = s_binop(vm, op, a, b); /* binop1's b side (a's skipped there), then the end */
    *r = sp_isnotimpl(x) ? sp_binop_rest(vm, op, a, b, true) : x;
    return SP_NULLV;
}

/* s_binop after a.__op__(b) gave NotImplemented (not a subclass case). */
sp_Value sp_class_binop_reflected(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    sp_Type *ta = sp_typeof(a), *tb = sp_typeof(b);
    if (ta == tb || tb->binop != s_binop) return SP_NOTIMPL;
    return binop_side(vm, b, binop_names[op][1], a, op, a, b);
}

/* ------------------------------------------------ choosing a class's slots */

static const char *const *slot_names(int s) {
    static const char *const repr_[] = {"__repr__", NULL}, *const str_[] = {"__str__", NULL},
                             *const hash_[] = {"__hash__", NULL},
                             *const cmp_[] = {"__lt__", "__le__", "__eq__", "__ne__",
                                              "__gt__", "__ge__", NULL},
                             *const truthy_[] = {"__bool__", NULL}, *const len_[] = {"__len__", NULL},
                             *const iter_[] = {"__iter__", NULL},
                             *const next_[] = {"__next__", NULL},
                             *const getitem_[] = {"__getitem__", NULL},
                             *const setitem_[] = {"__setitem__", "__delitem__", NULL},
                             *const contains_[] = {"__contains__", NULL},
                             *const unop_[] = {"__neg__", "__pos__", "__invert__", "__abs__", NULL},
                             *const call_[] = {"__call__", NULL},
                             *const format_[] = {"__format__", NULL};
    static const char *const *const tab[] = {repr_, str_, hash_, cmp_, truthy_, len_,
                                             iter_, next_, getitem_, setitem_, contains_,
                                             NULL, unop_, call_, format_};
    return tab[s];
}

static bool dict_has(sp_VM *vm, sp_Dict *d, const char *name, bool *out) {
    sp_Str *n = intern(vm, name);
    if (!n) return false;
    if (!sp_isnull(sp_dict_gets(d, n))) *out = true;
    return true;
}

/* Does the Python class k define any dunder of slot s? */
static bool defines(sp_VM *vm, sp_Type *k, int s, bool *out) {
    *out = false;
    if (!k->dict) return true;
    if (s == SL_BINOP) {
        for (int op = 0; op < SP_OP_COUNT_; op++)
            for (int j = 0; j < 3; j++)
                if (!dict_has(vm, k->dict, binop_names[op][j], out)) return false;
        return true;
    }
    for (const char *const *n = slot_names(s); *n; n++)
        if (!dict_has(vm, k->dict, *n, out)) return false;
    return true;
}

static void set_slot(sp_Type *t, int s, const sp_Type *from) {
    switch (s) {
    case SL_REPR: t->repr = from ? from->repr : s_repr; break;
    case SL_STR: t->str = from ? from->str : s_str; break;
    case SL_HASH: t->hash = from && from->hash ? from->hash : sp_class_hash; break;
    case SL_CMP: t->richcmp = from ? from->richcmp : s_richcmp; break;
    case SL_TRUTHY: t->truthy = from ? from->truthy : s_truthy; break;
    case SL_LEN: t->len = from ? from->len : s_len; break;
    case SL_ITER: t->iter = from ? from->iter : s_iter; break;
    case SL_NEXT: t->next = from ? from->next : s_next; break;
    case SL_GETITEM: t->getitem = from ? from->getitem : s_getitem; break;
    case SL_SETITEM: t->setitem = from ? from->setitem : s_setitem; break;
    case SL_CONTAINS: t->contains = from ? from->contains : s_contains; break;
    case SL_BINOP: t->binop = from ? from->binop : s_binop; break;
    case SL_UNOP: t->unop = from ? from->unop : s_unop; break;
    case SL_CALL: t->call = from ? from->call : s_call; break;
    default: t->format = from ? from->format : s_format; break;
    }
}

/* Clear a slot that nothing provides (a type copied from object has
 * repr etc. set, everything else NULL). */
static void clear_slot(sp_Type *t, int s) {
    static const sp_Type none_; /* all slots NULL */
    set_slot(t, s, &none_);
    if (s == SL_HASH) t->hash = NULL;
}

static bool fix_slot(sp_VM *vm, sp_Type *t, int s) {
    MroIt it;
    mro_start(&it, t);
    for (sp_Type *k; (k = mro_next(&it));) {
        if (!sp_check_limits(vm)) return false;
        if (k->flags & SP_TF_HEAPTYPE) {
            bool d;
            if (!defines(vm, k, s, &d)) return false;
            if (d) return set_slot(t, s, NULL), true;
        } else if (has_slot(k, s)) {
            set_slot(t, s, sp_sub_slots(k));
            return true;
        }
    }
    clear_slot(t, s);
    return true;
}

static const struct {
    const char *name;
    uint32_t flag;
} hook_names[] = {
    {"__getattr__", HT_GETATTR}, {"__getattribute__", HT_GETATTRIBUTE},
    {"__setattr__", HT_SETATTR}, {"__delattr__", HT_DELATTR}, {"__get__", HT_GET},
    {"__set__", HT_SET},         {"__delete__", HT_DELETE},
};

/* Recompute what the class defines (at creation and whenever a dunder
 * attribute of the class itself is set). */
static bool fix_class(sp_VM *vm, sp_Type *t) {
    for (int s = 0; s < SL_COUNT_; s++)
        if (!fix_slot(vm, t, s)) return false;
    if (!t->iter && t->getitem) t->iter = s_iter; /* the old sequence protocol */
    uint32_t fl = HT(t)->hflags & (HT_SLOTS | HT_ABSTRACT);
    for (size_t i = 0; i < sizeof hook_names / sizeof hook_names[0]; i++) {
        sp_Str *n = intern(vm, hook_names[i].name);
        if (!n) return false;
        if (!sp_isnull(class_value(vm, t, n))) fl |= hook_names[i].flag;
    }
    HT(t)->hflags = fl;
    return true;
}

/* ------------------------------------------------ slot wrappers */

/* Builtin types implement most dunders as C slots only; list.__repr__(x),
 * super().__getitem__(k) or dict.__setitem__(self, k, v) reach them
 * through these natives.  A wrapper calls the slot of the first builtin
 * type in type(self)'s MRO that has it, so a builtin slot only ever sees
 * its own layout (and never re-enters a Python override). */
static sp_Type *wrap_owner(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw, int nwant, int s,
                           const char *name) {
    if (!sp_no_kwargs(vm, name, kw) || !sp_check_nargs(vm, name, n - 1, nwant, nwant)) return NULL;
    MroIt it;
    mro_start(&it, sp_typeof(a[0]));
    for (sp_Type *k; (k = mro_next(&it));)
        if (!(k->flags & SP_TF_HEAPTYPE) && has_slot(k, s)) return sp_sub_slots(k);
    sp_raise(vm, &sp_t_TypeError, "'%T' object has no %s", a[0], name);
    return NULL;
}

static sp_Value bool_or_err(int r) { return r < 0 ? SP_ERRV : sp_bool(r); }

#define WRAP(fname, dunder, s, nwant, body)                                                    \
    static sp_Value fname(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {                     \
        sp_Type *k = wrap_owner(vm, a, n, kw, nwant, s, dunder);                             \
        if (!k) return SP_ERRV;                                                               \
        body;                                                                                 \
    }
WRAP(w_repr, "__repr__", SL_REPR, 0, return k->repr(vm, a[0]))
WRAP(w_str, "__str__", SL_STR, 0, return k->str(vm, a[0]))
WRAP(w_len, "__len__", SL_LEN, 0, int64_t r = k->len(vm, a[0]); return r < 0 ? SP_ERRV : sp_int(r))
WRAP(w_bool, "__bool__", SL_TRUTHY, 0, return bool_or_err(k->truthy(vm, a[0])))
WRAP(w_iter, "__iter__", SL_ITER, 0, return k->iter(vm, a[0]))
WRAP(w_getitem, "__getitem__", SL_GETITEM, 1, return k->getitem(vm, a[0], a[1]))
WRAP(w_setitem, "__setitem__", SL_SETITEM, 2,
     return k->setitem(vm, a[0], a[1], a[2]) ? SP_NONEV : SP_ERRV)
WRAP(w_delitem, "__delitem__", SL_SETITEM, 1,
     return k->setitem(vm, a[0], a[1], SP_NULLV) ? SP_NONEV : SP_ERRV)
WRAP(w_contains, "__contains__", SL_CONTAINS, 1, return bool_or_err(k->contains(vm, a[0], a[1])))
WRAP(w_format, "__format__", SL_FORMAT, 1,
     if (!sp_isstr(a[1]))
         return sp_raise(vm, &sp_t_TypeError, "__format__() argument must be str, not %A", a[1]);
     return k->format(vm, a[0], SP_STR(a[1])))
WRAP(w_next, "__next__", SL_NEXT, 0, sp_Value r = k->next(vm, a[0]);
     return sp_isnull(r) ? sp_raise_args(vm, &sp_t_StopIteration, sp_objv(&sp_empty_tuple)) : r)

#define WRAP_CMP(fname, op) WRAP(fname, cmp_names[op], SL_CMP, 1, return k->richcmp(vm, a[0], a[1], op))
WRAP_CMP(w_lt, SP_LT)
WRAP_CMP(w_le, SP_LE)
WRAP_CMP(w_eq, SP_EQ)
WRAP_CMP(w_ne, SP_NE)
WRAP_CMP(w_gt, SP_GT)
WRAP_CMP(w_ge, SP_GE)

#define WRAP_UNOP(fname, op) WRAP(fname, unop_names[op], SL_UNOP, 0, return k->unop(vm, op, a[0]))
WRAP_UNOP(w_neg, SP_UOP_NEG)
WRAP_UNOP(w_pos, SP_UOP_POS)
WRAP_UNOP(w_invert, SP_UOP_INVERT)
WRAP_UNOP(w_abs, SP_UOP_ABS)

/* a.__op__(b), b.__rop__(a) (operands swapped back), a.__iop__(b) */
#define WRAP_BINOP(nm, op)                                                                      \
    WRAP(w_##nm, binop_names[op][0], SL_BINOP, 1, return k->binop(vm, op, a[0], a[1]))          \
    WRAP(w_r##nm, binop_names[op][1], SL_BINOP, 1, return k->binop(vm, op, a[1], a[0]))         \
    WRAP(w_i##nm, binop_names[op][2], SL_BINOP, 1,                                              \
         return k->binop(vm, op + SP_OP_INPLACE, a[0], a[1]))
WRAP_BINOP(add, SP_OP_ADD)
WRAP_BINOP(sub, SP_OP_SUB)
WRAP_BINOP(mul, SP_OP_MUL)
WRAP_BINOP(matmul, SP_OP_MATMUL)
WRAP_BINOP(truediv, SP_OP_TRUEDIV)
WRAP_BINOP(floordiv, SP_OP_FLOORDIV)
WRAP_BINOP(mod, SP_OP_MOD)
WRAP_BINOP(pow, SP_OP_POW)
WRAP_BINOP(lshift, SP_OP_LSHIFT)
WRAP_BINOP(rshift, SP_OP_RSHIFT)
WRAP_BINOP(and, SP_OP_AND)
WRAP_BINOP(or, SP_OP_OR)
WRAP_BINOP(xor, SP_OP_XOR)

typedef struct WrapDef {
    sp_MethodDef d;
    int slot, inplace;
} WrapDef;

#define WD(nm, s) {{"__" #nm "__", w_##nm, 0}, s, 0}
#define WDB(nm) WD(nm, SL_BINOP), WD(r##nm, SL_BINOP), {{"__i" #nm "__", w_i##nm, 0}, SL_BINOP, 1}
static const WrapDef wrap_defs[] = {
    WD(repr, SL_REPR), WD(str, SL_STR), WD(len, SL_LEN), WD(bool, SL_TRUTHY),
    WD(iter, SL_ITER), WD(next, SL_NEXT), WD(getitem, SL_GETITEM), WD(setitem, SL_SETITEM),
    WD(delitem, SL_SETITEM), WD(contains, SL_CONTAINS), WD(format, SL_FORMAT),
    WD(lt, SL_CMP), WD(le, SL_CMP), WD(eq, SL_CMP), WD(ne, SL_CMP), WD(gt, SL_CMP), WD(ge, SL_CMP),
    WD(neg, SL_UNOP), WD(pos, SL_UNOP), WD(invert, SL_UNOP), WD(abs, SL_UNOP),
    WDB(add), WDB(sub), WDB(mul), WDB(matmul), WDB(truediv), WDB(floordiv), WDB(mod), WDB(pow),
    WDB(lshift), WDB(rshift), WDB(and), WDB(or), WDB(xor),
};

/* The wrapper of dunder `name` if builtin type k implements its slot. */
static const sp_MethodDef *slot_wrapper(sp_Type *k, sp_Str *name) {
    if (!is_dunder(name)) return NULL;
    for (size_t i = 0; i < sizeof wrap_defs / sizeof wrap_defs[0]; i++) {
        const WrapDef *w = &wrap_defs[i];
        if (!sp_str_eqc(name, w->d.name)) continue;
        if (w->inplace && k != &sp_t_list && k != &sp_t_dict && k != &sp_t_set) return NULL;
        return has_slot(k, w->slot) && (w->slot != SL_HASH) ? &w->d : NULL;
    }
    return NULL;
}

const sp_MethodDef *sp_class_slot_method(sp_Type *t, sp_Str *name) {
    const sp_MethodDef *m = sp_sub_extra(t, name); /* int.__new__ */
    return m ? m : slot_wrapper(t, name);
}

/* ================================================================ instances */

/* dictoff of variable-sized layouts (tuple): the pointer ends the block */
enum { DICT_AT_END = UINT32_MAX };

static sp_Dict **dict_slot(sp_Value self) {
    if (self.tag != SP_OBJ) return NULL;
    sp_Obj *o = SP_O(self);
    if (!is_class(o->type) || !HT(o->type)->dictoff) return NULL;
    uint32_t off = HT(o->type)->dictoff;
    return (sp_Dict **)(void *)((char *)o + (off == DICT_AT_END ? o->size - sizeof(sp_Dict *) : off));
}

static sp_Dict *ensure_dict(sp_VM *vm, sp_Dict **dp) {
    if (!*dp) {
        sp_Value d = sp_dict_new(vm);
        if (sp_iserr(d)) return NULL;
        *dp = SP_DICT(d);
    }
    return *dp;
}

static void inst_traverse(sp_VM *vm, sp_Obj *o) {
    HeapType *ht = HT(o->type);
    if (ht->t.flags & SP_TF_BOX) sp_gc_markv(vm, ((sp_Box *)o)->val);
    else if (ht->solid->traverse) ht->solid->traverse(vm, o);
    if (ht->dictoff && ht->solid != &sp_t_BaseException)
        sp_gc_marko(vm, (sp_Obj *)*dict_slot(sp_objv(o)));
}

/* name in instance dict d, first where cache entry e (may be NULL) last
 * found it: instances of a class mostly share their key order. */
static sp_Value inst_lookup(sp_Dict *d, sp_Str *name, CacheEnt *e) {
    if (e) {
        sp_Value v = sp_dict_at(d, e->ix, name);
        if (!sp_isnull(v)) return v;
    }
    int64_t ix = sp_dict_index_of(d, name);
    if (ix < 0) return SP_NULLV;
    sp_Value v = sp_dict_at(d, ix, name);
    if (sp_isnull(v)) return sp_dict_gets(d, name); /* an equal key, not this str */
    if (e) e->ix = (int32_t)ix;
    return v;
}

static bool is_dict_name(sp_Str *name) { return name->len == 8 && sp_str_eqc(name, "__dict__"); }

static sp_Value no_attr(sp_VM *vm, sp_Value self, sp_Str *name) {
    return sp_raise(vm, &sp_t_AttributeError, "'%T' object has no attribute '%U'", self, name);
}

static int slot_allowed(sp_VM *vm, sp_Type *t, sp_Str *name);

/* Deleting an unset attribute that __slots__ names: CPython's member
 * descriptor raises AttributeError with the bare name. */
static void unset_slot(sp_VM *vm, sp_Value self, sp_Str *name) {
    int r = slot_allowed(vm, sp_typeof(self), name);
    if (r > 0) sp_raise(vm, &sp_t_AttributeError, "%U", name);
    else if (r == 0) no_attr(vm, self, name);
}

/* object.__getattribute__: data descriptors of the class, the instance
 * dict, then other class attributes.  SP_NULLV when absent. */
static sp_Value generic_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    sp_Type *t = sp_typeof(self);
    Attr a;
    CacheEnt *e = attr_ent(vm, t, 0, name);
    if (e) attr_from(e, &a);
    else find_attr_walk(t, 0, name, &a);
    if (a.kind == A_GETSET) return a.g->get(vm, a.owner == &sp_t_object ? self : sp_unbox(self));
    if (a.kind == A_VALUE && is_data_descr(a.v)) return descr_get(vm, a.v, self, t);
    sp_Dict **dp = dict_slot(self);
    if (dp) {
        if (*dp) {
            sp_Value v = inst_lookup(*dp, name, e);
            if (!sp_isnull(v)) return v;
        }
        if (is_dict_name(name) && !(HT(t)->hflags & HT_SLOTS)) {
            sp_Dict *d = ensure_dict(vm, dp);
            return d ? sp_objv(d) : SP_ERRV;
        }
    }
    if (a.kind == A_VALUE) return descr_get(vm, a.v, self, t);
    if (a.kind == A_METHOD) return bind_def(vm, a.m, a.owner, self, t);
    return sp_sub_solid(HT(t)->solid) ? sp_sub_getattr(vm, self, name) : SP_NULLV;
}

/* object.__getattribute__, or type's for the classes a metaclass makes. */
static sp_Value base_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    if (is_meta(sp_typeof(self))) return sp_t_type.getattr(vm, self, name);
    return generic_getattr(vm, self, name);
}

static sp_Value inst_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    sp_Type *t = sp_typeof(self);
    uint32_t fl = HT(t)->hflags;
    if (!(fl & (HT_GETATTRIBUTE | HT_GETATTR)) && HT(t)->solid != &sp_t_type)
        return generic_getattr(vm, self, name); /* the common case, without a hook */
    sp_Value r, nv = sp_objv(name);
    if (fl & HT_GETATTRIBUTE) {
        r = call_dunder(vm, self, "__getattribute__", &nv, 1);
        if (sp_isnull(r)) r = base_getattr(vm, self, name);
    } else {
        r = base_getattr(vm, self, name);
    }
    if (!(fl & HT_GETATTR)) return r;
    if (sp_iserr(r)) {
        if (!sp_err_matches(vm, &sp_t_AttributeError) || vm->limit_hit) return r;
        sp_err_clear(vm);
    } else if (!sp_isnull(r)) {
        return r;
    }
    r = call_dunder(vm, self, "__getattr__", &nv, 1);
    return r;
}

enum { SLOT_KEY = -100 }; /* cache entries of slot_allowed */
static int slot_allowed_walk(sp_VM *vm, sp_Type *t, sp_Str *name);

static int slot_allowed(sp_VM *vm, sp_Type *t, sp_Str *name) {
    if (!name->interned) return slot_allowed_walk(vm, t, name);
    CacheEnt *e = cache_hit(vm, t, name, SLOT_KEY);
    if (e) return e->kind;
    int r = slot_allowed_walk(vm, t, name);
    if (r >= 0) *cache_slot(t, name, SLOT_KEY) = (CacheEnt){name, vm->class_epoch, SLOT_KEY, r, SP_NULLV, NULL, NULL, -1};
    return r;
}

/* Is name a slot of t's instances: a member descriptor (its mangled
 * name) in the namespace of a class of the MRO?  Instances limited to
 * their slots (HT_SLOTS: every Python class of the MRO declares
 * __slots__, none with "__dict__") may set no other name; the values
 * still live in the instance dict. */
static int slot_allowed_walk(sp_VM *vm, sp_Type *t, sp_Str *name) {
    (void)vm;
    MroIt it;
    mro_start(&it, t);
    for (sp_Type *k; (k = mro_next(&it));)
        if ((k->flags & SP_TF_HEAPTYPE) && k->dict && sp_istype(sp_dict_gets(k->dict, name), &sp_t_member))
            return 1;
    return 0;
}

static bool descr_set(sp_VM *vm, sp_Value d, sp_Value self, sp_Value v) {
    if (sp_istype(d, &sp_t_property)) return prop_set(vm, (Prop *)SP_O(d), self, v);
    bool del = sp_isnull(v);
    sp_Value a[2] = {self, v};
    sp_Value r = call_dunder(vm, d, del ? "__delete__" : "__set__", a, del ? 1 : 2);
    if (sp_isnull(r)) {
        sp_raise(vm, &sp_t_AttributeError, del ? "__delete__" : "__set__");
        return false;
    }
    return !sp_iserr(r);
}

/* object.__setattr__ / __delattr__ (v SP_NULL). */
static bool generic_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    sp_Type *t = sp_typeof(self);
    Attr a;
    CacheEnt *e = attr_ent(vm, t, 0, name);
    if (e) attr_from(e, &a);
    else find_attr_walk(t, 0, name, &a);
    if (a.kind == A_GETSET) {
        if (a.owner == &sp_t_object && sp_str_eqc(name, "__class__")) return sp_sub_set_class(vm, self, v);
        if (a.g->set) return a.g->set(vm, sp_unbox(self), v);
        sp_raise(vm, &sp_t_AttributeError, "attribute '%U' of '%s' objects is not writable", name,
                 a.owner->name);
        return false;
    }
    if (a.kind == A_VALUE && is_data_descr(a.v)) return descr_set(vm, a.v, self, v);
    sp_Dict **dp = dict_slot(self);
    if (!dp) {
        no_attr(vm, self, name);
        return false;
    }
    int32_t ix = e ? e->ix : -1; /* slot_allowed may evict e */
    if (HT(t)->hflags & HT_SLOTS) {
        int ok = slot_allowed(vm, t, name);
        if (ok <= 0) return ok == 0 ? sp_sub_setattr_denied(vm, self, name, v) : false;
    } else if (is_dict_name(name)) {
        if (sp_isnull(v)) {
            sp_raise(vm, &sp_t_TypeError, "cannot delete __dict__");
            return false;
        }
        if (!sp_isdict(v)) {
            sp_raise(vm, &sp_t_TypeError, "__dict__ must be set to a dictionary, not a '%T'", v);
            return false;
        }
        *dp = SP_DICT(v);
        return true;
    }
    if (sp_isnull(v)) {
        int r = *dp ? sp_dict_del(vm, *dp, sp_objv(name)) : 0;
        if (r == 0) unset_slot(vm, self, name);
        return r > 0;
    }
    if (*dp && sp_dict_put_at(*dp, ix, name, v)) return true;
    sp_Dict *d = ensure_dict(vm, dp);
    return d && sp_dict_sets(vm, d, name, v);
}

static bool inst_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    uint32_t fl = HT(sp_typeof(self))->hflags;
    bool del = sp_isnull(v);
    if (fl & (del ? HT_DELATTR : HT_SETATTR)) {
        sp_Value a[2] = {sp_objv(name), v};
        sp_Value r = call_dunder(vm, self, del ? "__delattr__" : "__setattr__", a, del ? 1 : 2);
        if (!sp_isnull(r)) return !sp_iserr(r);
    }
    if (is_meta(sp_typeof(self))) return sp_t_type.setattr(vm, self, name, v);
    return generic_setattr(vm, self, name, v);
}

/* ------------------------------------------------ construction */

/* "Can't instantiate abstract class A with abstract methods f, g" (names sorted) */
static sp_Value abstract_error(sp_VM *vm, sp_Type *t) {
    sp_Str *n = intern(vm, "__abstractmethods__");
    sp_Value am = n ? sp_dict_gets(t->dict, n) : SP_ERRV;
    sp_Value l = sp_isnull(am) ? sp_list_with_cap(vm, 0) : sp_list_from_iter(vm, am);
    if (sp_iserr(l) || !sp_pin(vm, l)) return SP_ERRV;
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_list_sort(vm, SP_LIST(l), SP_NULLV, false);
    for (size_t i = 0; ok && i < SP_LIST(l)->n; i++)
        ok = (!i || sp_buf_adds(&b, ", ")) && sp_buf_addv(&b, SP_LIST(l)->items[i], false);
    size_t cnt = SP_LIST(l)->n;
    sp_unpin(vm, 1);
    sp_Value s = ok ? sp_buf_tostr(&b) : (sp_buf_free(&b), SP_ERRV);
    if (sp_iserr(s)) return s;
    return sp_raise(vm, &sp_t_TypeError, "Can't instantiate abstract class %s with abstract method%s %S",
                    t->name, cnt > 1 ? "s" : "", s);
}

static sp_Value alloc_instance(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    HeapType *ht = HT(t);
    if (ht->solid == &sp_t_BaseException) return sp_exc_new_slot(vm, t, args, nargs, kw);
    if (ht->solid == &sp_t_type) return sp_meta_type_new(vm, t, args, nargs, kw);
    if ((ht->hflags & HT_ABSTRACT) && ht->solid == &sp_t_object) return abstract_error(vm, t);
    if (sp_sub_solid(ht->solid)) return sp_sub_new(vm, t, ht->solid, args, nargs, kw);
    size_t size = ht->solid == &sp_t_object ? sizeof(Inst) : ht->dictoff + sizeof(sp_Dict *);
    sp_Obj *o = sp_newobj(vm, t, size); /* zeroed: an empty list/dict */
    return o ? sp_objv(o) : SP_ERRV;
}

static sp_Value list_init(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (kw && kw->n) return sp_raise(vm, &sp_t_TypeError, "list() takes no keyword arguments");
    if (nargs > 1)
        return sp_raise(vm, &sp_t_TypeError, "list expected at most 1 argument, got %d", nargs);
    sp_List *l = SP_LIST(self);
    l->n = 0; /* list.__init__ clears: the buffer stays and is reused */
    if (nargs && !sp_list_extend(vm, l, args[0])) return SP_ERRV;
    return SP_NONEV;
}

static sp_Value dict_init(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs > 1)
        return sp_raise(vm, &sp_t_TypeError, "dict expected at most 1 argument, got %d", nargs);
    sp_Dict *d = SP_DICT(self);
    if (nargs && !sp_dict_update(vm, d, args[0])) return SP_ERRV;
    for (size_t i = 0; kw && i < kw->n; i++)
        if (!sp_dict_set(vm, d, kw->items[i], args[nargs + (int)i])) return SP_ERRV;
    return SP_NONEV;
}

static bool is_solid(sp_Value self, sp_Type *solid) {
    return sp_isinst(self, solid) && self.tag == SP_OBJ;
}

static sp_Value m_list_init(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!is_solid(args[0], &sp_t_list))
        return sp_raise(vm, &sp_t_TypeError, "descriptor '__init__' requires a 'list' object");
    return list_init(vm, args[0], args + 1, nargs - 1, kw);
}

static sp_Value m_dict_init(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!is_solid(args[0], &sp_t_dict))
        return sp_raise(vm, &sp_t_TypeError, "descriptor '__init__' requires a 'dict' object");
    return dict_init(vm, args[0], args + 1, nargs - 1, kw);
}

static sp_Value kw_error(sp_VM *vm, sp_Type *t) {
    return sp_raise(vm, &sp_t_TypeError, "%s() takes no keyword arguments", t->name);
}

/* BaseException.__new__(cls, *args) */
static sp_Value m_exc_new(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs < 1 || !is_type(args[0]) || !sp_isexc_type(TYPEV(args[0])))
        return sp_raise(vm, &sp_t_TypeError, "BaseException.__new__(X): X is not a subtype of BaseException");
    sp_Type *t = TYPEV(args[0]);
    if (is_class(t)) return alloc_instance(vm, t, args + 1, nargs - 1, kw);
    return t->new_(vm, t, args + 1, nargs - 1, kw);
}

/* The builtin __init__ a class inherits when no Python class defines one. */
static sp_Value base_init(sp_VM *vm, sp_Type *t, sp_Value obj, sp_Value *args, int nargs,
                          sp_Tuple *kw, bool has_new) {
    sp_Type *solid = HT(t)->solid;
    if (solid == &sp_t_list) return list_init(vm, obj, args, nargs, kw);
    if (solid == &sp_t_dict) return dict_init(vm, obj, args, nargs, kw);
    if (solid == &sp_t_type) return sp_meta_type_init(vm, nargs, kw);
    if (solid == &sp_t_BaseException) {
        if (kw && kw->n && !sp_issubtype(t, &sp_t_ImportError)) return kw_error(vm, t);
        return SP_NONEV;
    }
    if (sp_sub_solid(solid)) return sp_sub_init(vm, solid, obj, args, nargs, kw);
    if ((nargs || (kw && kw->n)) && !has_new && !sp_dt_args_ok(t))
        return sp_raise(vm, &sp_t_TypeError, "%s() takes no arguments", t->name);
    return SP_NONEV;
}

/* Calling a class: __new__, then __init__ if the result is an instance. */
static sp_Value class_call_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value f, obj;
    sp_Type *st;
    int k = find_dunder(vm, t, "__new__", -1, &f, &st);
    if (k < 0) return SP_ERRV;
    if (k == 1) {
        if (sp_istype(f, &sp_t_staticmethod)) f = ((Func1 *)SP_O(f))->func;
        obj = call_with(vm, f, sp_objv(t), args, nargs, kw);
    } else {
        obj = alloc_instance(vm, t, args, nargs, kw);
    }
    if (sp_iserr(obj) || !sp_isinst(obj, t)) return obj;
    if (!sp_pin(vm, obj)) return SP_ERRV;
    sp_Value r;
    int ki = find_dunder(vm, t, "__init__", -1, &f, &st);
    if (ki < 0) r = SP_ERRV;
    else if (ki == 1) r = call_meth(vm, f, obj, args, nargs, kw);
    else r = base_init(vm, t, obj, args, nargs, kw, k == 1);
    sp_unpin(vm, 1);
    if (sp_iserr(r)) return r;
    if (!sp_isnone(r))
        return sp_raise(vm, &sp_t_TypeError, "__init__() should return None, not '%T'", r);
    return obj;
}

/* The VM's fast path for calling a class (no Python __new__, a plain
 * Python __init__): a new instance with *init set, for the VM to run
 * __init__ in its own loop; SP_NULLV when the general protocol applies. */
sp_Value sp_class_new_for_init(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw,
                               sp_Value *init) {
    if (t->new_ != class_call_new || !is_class(t)) return SP_NULLV;
    HeapType *ht = HT(t);
    if (ht->new_epoch != vm->class_epoch + 1) { /* two dunder lookups per instance otherwise */
        sp_Value f;
        sp_Type *st;
        int k = find_dunder(vm, t, "__new__", -1, &f, &st);
        if (k < 0) return SP_ERRV;
        ht->new_init = SP_NULLV;
        if (k == 0) {
            k = find_dunder(vm, t, "__init__", -1, &f, &st);
            if (k < 0) return SP_ERRV;
            if (k == 1 && sp_istype(f, &sp_t_function) &&
                !(((sp_Func *)SP_O(f))->code->flags & SP_CO_GENERATOR))
                ht->new_init = f;
        }
        ht->new_epoch = vm->class_epoch + 1;
    }
    if (sp_isnull(ht->new_init)) return SP_NULLV;
    *init = ht->new_init;
    return alloc_instance(vm, t, args, nargs, kw);
}

/* ------------------------------------------------ object's methods */

static bool want_self(sp_VM *vm, const char *name, int nargs, int n) {
    if (nargs == n + 1) return true;
    sp_raise(vm, &sp_t_TypeError, "%s expected %d argument%s, got %d", name, n, n == 1 ? "" : "s",
             nargs - 1);
    return false;
}

static bool name_arg(sp_VM *vm, sp_Value v) {
    if (sp_isstr(v)) return true;
    sp_raise(vm, &sp_t_TypeError, "attribute name must be string, not '%T'", v);
    return false;
}

/* object.__setattr__(o, name, v) / __delattr__: never on a builtin type. */
static sp_Value obj_set(sp_VM *vm, sp_Value o, sp_Value name, sp_Value v) {
    if (!name_arg(vm, name)) return SP_ERRV;
    if (is_type(o))
        return sp_raise(vm, &sp_t_TypeError, "can't apply this %s to type object",
                        sp_isnull(v) ? "__delattr__" : "__setattr__");
    bool ok = is_class(sp_typeof(o)) ? generic_setattr(vm, o, SP_STR(name), v)
                                     : sp_setattr(vm, o, SP_STR(name), v);
    return ok ? SP_NONEV : SP_ERRV;
}

sp_Value sp_class_obj_setattr(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__setattr__", kw) || !want_self(vm, "__setattr__", nargs, 2))
        return SP_ERRV;
    return obj_set(vm, args[0], args[1], args[2]);
}

sp_Value sp_class_obj_delattr(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__delattr__", kw) || !want_self(vm, "__delattr__", nargs, 1))
        return SP_ERRV;
    return obj_set(vm, args[0], args[1], SP_NULLV);
}

sp_Value sp_class_obj_getattribute(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__getattribute__", kw) || !want_self(vm, "__getattribute__", nargs, 1) ||
        !name_arg(vm, args[1]))
        return SP_ERRV;
    sp_Str *name = SP_STR(args[1]);
    sp_Value r = is_type(args[0]) ? sp_t_type.getattr(vm, args[0], name) /* type.__getattribute__ */
                 : is_class(sp_typeof(args[0])) ? generic_getattr(vm, args[0], name)
                 : sp_getattr_opt(vm, args[0], name);
    return sp_isnull(r) ? no_attr(vm, args[0], name) : r;
}

sp_Value sp_class_obj_init_subclass(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs > 1 || (kw && kw->n))
        return sp_raise(vm, &sp_t_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                        is_type(args[0]) ? TYPEV(args[0])->name : "object");
    return SP_NONEV;
}

/* The first class from t down its bases that does not define __new__ in
 * Python, for "is not safe, use X.__new__()". */
static sp_Type *static_new_base(sp_VM *vm, sp_Type *t) {
    sp_Str *n = intern(vm, "__new__");
    while (n && is_class(t) && !sp_isnull(sp_dict_gets(t->dict, n)) && t->base) t = t->base;
    return t;
}

sp_Value sp_class_obj_new(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs < 1) return sp_raise(vm, &sp_t_TypeError, "object.__new__(): not enough arguments");
    if (!is_type(args[0]))
        return sp_raise(vm, &sp_t_TypeError, "object.__new__(X): X is not a type object (%T)",
                        args[0]);
    sp_Type *t = TYPEV(args[0]);
    if (t == &sp_t_object) {
        if (nargs > 1 || (kw && kw->n))
            return sp_raise(vm, &sp_t_TypeError, "object() takes no arguments");
        return sp_t_object.new_(vm, t, NULL, 0, NULL);
    }
    if (!is_class(t) || HT(t)->solid != &sp_t_object)
        return sp_raise(vm, &sp_t_TypeError, "object.__new__(%s) is not safe, use %s.__new__()",
                        t->name, static_new_base(vm, t)->name);
    if (nargs > 1 || (kw && kw->n)) {
        sp_Value f;
        sp_Type *st;
        int kn = find_dunder(vm, t, "__new__", -1, &f, &st);
        int ki = kn < 0 ? -1 : find_dunder(vm, t, "__init__", -1, &f, &st);
        if (kn < 0 || ki < 0) return SP_ERRV;
        if (kn == 1)
            return sp_raise(vm, &sp_t_TypeError,
                            "object.__new__() takes exactly one argument (the type to instantiate)");
        if (ki != 1) return sp_raise(vm, &sp_t_TypeError, "%s() takes no arguments", t->name);
    }
    return alloc_instance(vm, t, NULL, 0, NULL);
}

/* ================================================================ creating classes */

/* The layout-deciding builtin type of a base, NULL if not subclassable. */
static sp_Type *solid_of(sp_Type *b) {
    if (is_class(b)) return HT(b)->solid;
    if (b->flags & SP_TF_HEAPTYPE) return NULL;
    if (b == &sp_t_object || b == &sp_t_list || b == &sp_t_dict || b == &sp_t_type) return b;
    if (sp_sub_solid(b)) return sp_sub_solid(b);
    if ((b->flags & SP_TF_EXCEPTION) && b->traverse == sp_exc_traverse) return &sp_t_BaseException;
    return NULL;
}

/* The MRO of a base as an array (its tuple, or its builtin chain). */
static size_t mro_len(sp_Type *t) {
    MroIt it;
    size_t n = 0;
    mro_start(&it, t);
    while (mro_next(&it)) n++;
    return n;
}

typedef struct Seq {
    sp_Type **items;
    size_t n, pos;
} Seq;

static bool in_tail(Seq *seqs, size_t nseq, sp_Type *c) {
    for (size_t i = 0; i < nseq; i++)
        for (size_t j = seqs[i].pos + 1; j < seqs[i].n; j++)
            if (seqs[i].items[j] == c) return true;
    return false;
}

static sp_Value mro_error(sp_VM *vm, Seq *seqs, size_t nseq) {
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_buf_adds(&b, "Cannot create a consistent method resolution\norder (MRO) for bases");
    sp_Type *seen[64];
    size_t nseen = 0;
    for (size_t i = 0; ok && i < nseq; i++) {
        if (seqs[i].pos >= seqs[i].n) continue;
        sp_Type *h = seqs[i].items[seqs[i].pos];
        bool dup = false;
        for (size_t k = 0; k < nseen; k++) dup |= seen[k] == h;
        if (dup) continue;
        if (nseen < 64) seen[nseen++] = h;
        ok = sp_buf_adds(&b, nseen == 1 ? " " : ", ") && sp_buf_adds(&b, h->name);
    }
    if (!ok) return sp_buf_free(&b), SP_ERRV;
    sp_Value msg = sp_buf_tostr(&b);
    return sp_iserr(msg) ? msg : sp_raise(vm, &sp_t_TypeError, "%S", msg);
}

/* C3 linearization of t over its bases: the merge of the bases' MROs and
 * the list of bases. */
static sp_Value c3_merge(sp_VM *vm, sp_Type *t, Seq *seqs, size_t nseq, size_t total) {
    sp_Value mro = sp_tuple_new(vm, total + 1);
    if (sp_iserr(mro)) return mro;
    sp_Tuple *m = SP_TUPLE(mro);
    size_t n = 0;
    m->items[n++] = sp_objv(t);
    for (;;) {
        /* quadratic in the depth of the hierarchy: a deep chain must still
         * meet the deadline (the VM polls by instruction count only) */
        if (!sp_check_limits(vm)) return SP_ERRV;
        sp_Type *next = NULL;
        bool any = false;
        for (size_t i = 0; i < nseq && !next; i++) {
            if (seqs[i].pos >= seqs[i].n) continue;
            any = true;
            sp_Type *c = seqs[i].items[seqs[i].pos];
            if (!in_tail(seqs, nseq, c)) next = c;
        }
        if (!any) break;
        if (!next) return mro_error(vm, seqs, nseq);
        m->items[n++] = sp_objv(next);
        for (size_t i = 0; i < nseq; i++)
            if (seqs[i].pos < seqs[i].n && seqs[i].items[seqs[i].pos] == next) seqs[i].pos++;
    }
    m->n = n; /* shrink in place: the tail slots (None) are never read */
    return mro;
}

static sp_Value compute_mro(sp_VM *vm, sp_Type *t, sp_Tuple *bases) {
    size_t nseq = bases->n + 1, total = bases->n, bytes, sbytes;
    for (size_t i = 0; i < bases->n; i++) total += mro_len(TYPEV(bases->items[i]));
    if (!sp_size_mul(vm, total, sizeof(sp_Type *), &bytes) ||
        !sp_size_mul(vm, nseq, sizeof(Seq), &sbytes))
        return SP_ERRV;
    sp_Type **all = sp_malloc(vm, bytes);
    Seq *seqs = all ? sp_malloc(vm, sbytes) : NULL;
    if (!seqs) {
        if (all) sp_free(vm, all, bytes);
        return SP_ERRV;
    }
    size_t k = 0;
    for (size_t i = 0; i < bases->n; i++) {
        MroIt it;
        mro_start(&it, TYPEV(bases->items[i]));
        seqs[i] = (Seq){all + k, 0, 0};
        for (sp_Type *c; (c = mro_next(&it));) all[k++] = c, seqs[i].n++;
    }
    seqs[bases->n] = (Seq){all + k, bases->n, 0};
    for (size_t i = 0; i < bases->n; i++) all[k++] = TYPEV(bases->items[i]);
    sp_Value mro = c3_merge(vm, t, seqs, nseq, total);
    sp_free(vm, seqs, sbytes);
    sp_free(vm, all, bytes);
    return mro;
}

/* Check the bases; pick the solid layout and the best base (__base__). */
static bool check_bases(sp_VM *vm, sp_Tuple *bases, sp_Type **solid, sp_Type **best) {
    *solid = &sp_t_object;
    *best = NULL;
    for (size_t i = 0; i < bases->n; i++) {
        sp_Value bv = bases->items[i];
        if (!is_type(bv)) {
            sp_raise(vm, &sp_t_TypeError, "bases must be types");
            return false;
        }
        sp_Type *b = TYPEV(bv), *s = solid_of(b);
        for (size_t j = 0; j < i; j++)
            if (SP_O(bases->items[j]) == SP_O(bv)) {
                sp_raise(vm, &sp_t_TypeError, "duplicate base class %s", b->name);
                return false;
            }
        if (!s) {
            sp_raise(vm, &sp_t_TypeError, "type '%s' is not an acceptable base type", b->name);
            return false;
        }
        if (s != &sp_t_object && *solid != &sp_t_object && s != *solid) {
            sp_raise(vm, &sp_t_TypeError, "multiple bases have instance lay-out conflict");
            return false;
        }
        if (!*best || (s != &sp_t_object && *solid == &sp_t_object)) *best = b;
        if (s != &sp_t_object) *solid = s;
    }
    return true;
}

static size_t dict_offset(sp_Type *solid) {
    if (solid == &sp_t_object) return offsetof(Inst, dict);
    if (solid == &sp_t_BaseException) return offsetof(sp_Exc, dict);
    if (sp_sub_boxed(solid)) return offsetof(sp_Box, dict);
    if (sp_sub_solid(solid)) return DICT_AT_END;
    size_t a = alignof(sp_Dict *), size = solid == &sp_t_list ? sizeof(sp_List) : solid->basicsize;
    return (size + a - 1) / a * a;
}

static sp_Value make_func1(sp_VM *vm, sp_Type *t, sp_Value f) {
    Func1 *o = sp_newobj(vm, t, sizeof *o);
    if (!o) return SP_ERRV;
    o->func = f;
    return sp_objv(o);
}

/* The namespace as the class keeps it: __new__ as a staticmethod,
 * __init_subclass__ and __class_getitem__ as classmethods, __hash__ None
 * when __eq__ is defined alone, __classcell__ filled and removed. */
static bool setup_dict(sp_VM *vm, sp_Type *t, sp_Dict *d) {
    static const char *const wrap[] = {"__new__", "__init_subclass__", "__class_getitem__"};
    for (int i = 0; i < 3; i++) {
        sp_Str *n = intern(vm, wrap[i]);
        if (!n) return false;
        sp_Value f = sp_dict_gets(d, n);
        if (!sp_istype(f, &sp_t_function)) continue;
        f = make_func1(vm, i == 0 ? &sp_t_staticmethod : &sp_t_classmethod, f);
        if (sp_iserr(f) || !sp_dict_sets(vm, d, n, f)) return false;
    }
    sp_Str *eq = intern(vm, "__eq__"), *hash = intern(vm, "__hash__"),
           *doc = intern(vm, "__doc__"), *cell = intern(vm, "__classcell__"),
           *qn = intern(vm, "__qualname__");
    if (!eq || !hash || !doc || !cell || !qn) return false;
    if (!sp_isnull(sp_dict_gets(d, eq)) && sp_isnull(sp_dict_gets(d, hash)) &&
        !sp_dict_sets(vm, d, hash, SP_NONEV))
        return false;
    if (sp_isnull(sp_dict_gets(d, doc)) && !sp_dict_sets(vm, d, doc, SP_NONEV)) return false;
    sp_Value q = sp_dict_gets(d, qn);
    if (!sp_isnull(q) && !sp_isstr(q)) {
        sp_raise(vm, &sp_t_TypeError, "type __qualname__ must be a str, not %T", q);
        return false;
    }
    sp_Value c = sp_dict_gets(d, cell);
    if (sp_isnull(c)) return true;
    if (!sp_istype(c, &sp_t_cell)) {
        sp_raise(vm, &sp_t_TypeError, "__classcell__ must be a nonlocal cell, not %T", c);
        return false;
    }
    ((sp_Cell *)SP_O(c))->v = sp_objv(t);
    return sp_dict_del(vm, d, sp_objv(cell)) >= 0;
}

static bool has_slots_decl(sp_VM *vm, sp_Type *t) {
    sp_Str *sl = intern(vm, "__slots__"), *dn = intern(vm, "__dict__");
    if (!sl || !dn) return false;
    MroIt it;
    mro_start(&it, t);
    for (sp_Type *k; (k = mro_next(&it));) {
        if (!(k->flags & SP_TF_HEAPTYPE)) continue;
        sp_Value s = sp_dict_gets(k->dict, sl);
        if (sp_isnull(s)) return false;
        if (sp_isstr(s) && sp_str_eq(SP_STR(s), dn)) return false;
        if (sp_istuple(s))
            for (size_t i = 0; i < SP_TUPLE(s)->n; i++)
                if (sp_isstr(SP_TUPLE(s)->items[i]) && sp_str_eq(SP_STR(SP_TUPLE(s)->items[i]), dn))
                    return false;
    }
    return true;
}

/* __set_name__ for the new class's attributes (property, user descriptors). */
static bool set_names(sp_VM *vm, sp_Type *t) {
    sp_Value items = sp_list_with_cap(vm, 0);
    if (sp_iserr(items) || !sp_pin(vm, items)) return false;
    size_t pos = 0;
    sp_Value k, v;
    bool ok = true;
    while (ok && sp_dict_next(t->dict, &pos, &k, &v))
        if (sp_istype(v, &sp_t_property)) ((Prop *)SP_O(v))->name = k;
        else if (is_class(sp_typeof(v)))
            ok = sp_list_append(vm, SP_LIST(items), k) && sp_list_append(vm, SP_LIST(items), v);
    for (size_t i = 0; ok && i + 1 < SP_LIST(items)->n; i += 2) {
        sp_Value a[2] = {sp_objv(t), SP_LIST(items)->items[i]};
        sp_Value r = call_dunder(vm, SP_LIST(items)->items[i + 1], "__set_name__", a, 2);
        ok = !sp_iserr(r);
    }
    sp_unpin(vm, 1);
    return ok;
}

/* super(t, t).__init_subclass__(**kw) */
static bool init_subclass(sp_VM *vm, sp_Type *t, sp_Value *kwv, sp_Tuple *kw) {
    sp_Str *n = intern(vm, "__init_subclass__");
    if (!n) return false;
    Attr a;
    find_attr(t, 1, n, &a);
    sp_Value self = sp_objv(t), r;
    if (a.kind == A_VALUE) {
        sp_Value f = descr_get(vm, a.v, SP_NULLV, t);
        if (sp_iserr(f) || !sp_pin(vm, f)) return false;
        r = sp_call(vm, f, kwv, 0, kw);
        sp_unpin(vm, 1);
    } else {
        r = sp_class_obj_init_subclass(vm, &self, 1, kw);
    }
    return !sp_iserr(r);
}

/* Everything the instance layout needs before any attribute lookup (a
 * new class, or a snapshot's class shell). */
static void init_layout(HeapType *ht, sp_Type *solid) {
    sp_Type *t = &ht->t;
    ht->solid = solid;
    ht->dictoff = (uint32_t)dict_offset(solid);
    t->traverse = inst_traverse;
    t->finalize = solid->finalize;
    t->new_ = class_call_new;
    t->getattr = inst_getattr;
    t->setattr = inst_setattr;
    t->repr = sp_t_object.repr;
}

static sp_Value type_new(sp_VM *vm, sp_Type *meta, sp_Str *name, sp_Tuple *bases, sp_Dict *ns,
                         sp_Value *kwv, sp_Tuple *kw) {
    sp_Value objv = sp_objv(&sp_t_object);
    sp_Value bt = bases->n ? sp_objv(bases) : sp_tuple_pack(vm, 1, &objv);
    if (sp_iserr(bt)) return bt;
    sp_Type *solid, *best;
    if (!check_bases(vm, SP_TUPLE(bt), &solid, &best) || !slot_layouts_ok(vm, SP_TUPLE(bt))) return SP_ERRV;
    HeapType *ht = sp_newobj(vm, meta, sizeof *ht);
    if (!ht || !sp_pin(vm, sp_objv(ht))) return SP_ERRV;
    vm->class_epoch++; /* it may reuse a freed class's address: the VM's caches key on it */
    sp_Type *t = &ht->t;
    sp_Value r = SP_ERRV, d = sp_dict_new(vm);
    ht->namestr = name;
    t->name = name->data;
    t->base = best;
    t->bases = bt;
    t->mro = SP_NULLV;
    t->flags = SP_TF_HEAPTYPE | SP_TF_BASETYPE;
    init_layout(ht, solid);
    if (sp_iserr(d)) goto done;
    t->dict = SP_DICT(d);
    if (!sp_dict_update(vm, t->dict, sp_objv(ns))) goto done;
    t->mro = compute_mro(vm, t, SP_TUPLE(bt));
    if (sp_iserr(t->mro)) {
        t->mro = SP_NULLV;
        goto done;
    }
    MroIt it;
    mro_start(&it, t);
    for (sp_Type *k; (k = mro_next(&it));)
        t->flags |= k->flags & (SP_TF_EXCEPTION | SP_TF_SEQUENCE | SP_TF_MAPPING);
    if (sp_sub_boxed(solid)) t->flags |= SP_TF_BOX;
    if (!add_members(vm, t) || !setup_dict(vm, t, t->dict)) goto done;
    set_slotbase(t);
    if (has_slots_decl(vm, t)) ht->hflags |= HT_SLOTS;
    if (!fix_class(vm, t) || !set_names(vm, t) || !init_subclass(vm, t, kwv, kw)) goto done;
    r = sp_objv(t);
done:
    sp_unpin(vm, 1);
    return r;
}

void sp_class_type_traverse(sp_VM *vm, sp_Obj *o) {
    sp_Type *t = (sp_Type *)o;
    if (!is_class(t)) return;
    if (HT(t)->namestr) sp_gc_marko(vm, &HT(t)->namestr->h); /* NULL in a snapshot's shell */
    sp_gc_marko(vm, (sp_Obj *)t->dict);
    sp_gc_markv(vm, t->mro);
    sp_gc_markv(vm, t->bases);
    if (t->base) sp_gc_marko(vm, &t->base->h);
}

/* Keywords of a class statement without metaclass= (*meta, SP_NULLV if
 * absent): *names/kwv[0..] are what the metaclass and __init_subclass__
 * get.  *names is a new tuple when one was dropped; kwv (the caller's
 * argument area) is then reordered in place, metaclass last, so every
 * value stays rooted there. */
static bool strip_metaclass(sp_VM *vm, sp_Tuple *kw, sp_Value *kwv, sp_Value *names,
                            sp_Value *meta) {
    *names = kw ? sp_objv(kw) : SP_NULLV;
    *meta = SP_NULLV;
    size_t n = kw ? kw->n : 0, at = n;
    for (size_t i = 0; i < n; i++)
        if (sp_str_eqc(SP_STR(kw->items[i]), "metaclass")) at = i;
    if (at == n) return true;
    *meta = kwv[at];
    *names = n > 1 ? sp_tuple_new(vm, n - 1) : SP_NULLV;
    if (sp_iserr(*names)) return false;
    for (size_t j = 0, k = 0; j < n; j++)
        if (j != at) {
            SP_TUPLE(*names)->items[k] = kw->items[j];
            kwv[k++] = kwv[j];
        }
    kwv[n - 1] = *meta;
    return true;
}

/* The bases a class statement lists, with CPython's __mro_entries__ for
 * non-class bases (list[int] -> list); typing's special forms (Generic[T],
 * Protocol) contribute their origin when it is a class, else nothing. */
static sp_Value resolve_bases(sp_VM *vm, sp_Value *b, int n) {
    sp_Value orig = sp_tuple_pack(vm, (size_t)n, b);
    bool plain = true;
    for (int i = 0; i < n; i++) plain &= is_type(b[i]);
    if (sp_iserr(orig) || plain) return orig;
    sp_Value l = sp_list_with_cap(vm, (size_t)n);
    if (sp_iserr(l) || !sp_pin(vm, orig) || !sp_pin(vm, l)) return SP_ERRV;
    bool ok = true;
    for (int i = 0; ok && i < n; i++) {
        if (is_type(b[i])) {
            ok = sp_list_append(vm, SP_LIST(l), b[i]);
            continue;
        }
        sp_Value me = sp_getattrs(vm, b[i], "__mro_entries__");
        if (!sp_iserr(me)) {
            sp_Value r = sp_call1(vm, me, orig);
            if (sp_iserr(r)) ok = false;
            else if (!sp_istuple(r))
                ok = (sp_raise(vm, &sp_t_TypeError, "__mro_entries__ must return a tuple"), false);
            else ok = sp_list_extend(vm, SP_LIST(l), r);
            continue;
        }
        if (!sp_err_matches(vm, &sp_t_AttributeError)) break;
        sp_err_clear(vm);
        sp_Value o = strncmp(sp_typename(b[i]), "typing.", 7) == 0
                         ? sp_getattrs(vm, b[i], "__origin__") : SP_NONEV;
        if (sp_iserr(o)) sp_err_clear(vm);
        else if (is_type(o)) ok = sp_list_append(vm, SP_LIST(l), o);
        else if (!sp_istype(b[i], &sp_t_type) && strncmp(sp_typename(b[i]), "typing.", 7) != 0)
            ok = (sp_raise(vm, &sp_t_TypeError, "bases must be types"), false);
    }
    sp_Value r = ok && !sp_err_occurred(vm) ? sp_tuple_from_iter(vm, l) : SP_ERRV;
    sp_unpin(vm, 2);
    return r;
}

/* __build_class__(func, name, *bases, metaclass=type, **kw) */
static sp_Value bi_build_class(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs < 2) return sp_raise(vm, &sp_t_TypeError, "__build_class__: not enough arguments");
    if (!sp_istype(args[0], &sp_t_function))
        return sp_raise(vm, &sp_t_TypeError, "__build_class__: func must be a function");
    if (!sp_isstr(args[1]))
        return sp_raise(vm, &sp_t_TypeError, "__build_class__: name is not a string");
    sp_Value names, *vals = args + nargs, meta;
    if (!strip_metaclass(vm, kw, vals, &names, &meta)) return SP_ERRV;
    sp_Value bases = resolve_bases(vm, args + 2, nargs - 2), r = SP_ERRV;
    if (sp_iserr(bases) || !sp_pin(vm, names) || !sp_pin(vm, bases)) return SP_ERRV;
    sp_Tuple *kwn = sp_istuple(names) ? SP_TUPLE(names) : NULL;
    meta = sp_meta_calc(vm, meta, SP_TUPLE(bases)); /* rooted by the keywords or the bases */
    sp_Value ns = sp_iserr(meta) ? meta : sp_meta_prepare(vm, meta, args[1], bases, vals, kwn);
    if (!sp_iserr(ns) && sp_pin(vm, ns)) {
        sp_Value res = sp_vm_call_locals(vm, (sp_Func *)SP_O(args[0]), SP_DICT(ns));
        if (sp_iserr(res)) r = res;
        else if (SP_O(meta) == &sp_t_type.h)
            r = type_new(vm, &sp_t_type, SP_STR(args[1]), SP_TUPLE(bases), SP_DICT(ns), vals, kwn);
        else
            r = sp_meta_call(vm, meta, args[1], bases, ns, vals, kwn);
        sp_unpin(vm, 1);
    }
    sp_unpin(vm, 2); /* the keyword values stay rooted in the caller's frame */
    return r;
}

sp_CFunc sp_build_class_fn = {.h = SP_STATIC_HDR(&sp_t_cfunc), .name = "__build_class__",
                              .fn = bi_build_class};

/* The __module__ of classes made by type(): the caller's __name__. */
static sp_Value caller_module(sp_VM *vm) {
    sp_Str *n = intern(vm, "__name__");
    if (!n) return SP_ERRV;
    sp_Dict *g = vm->frame ? vm->frame->globals : vm->globals;
    sp_Value m = g ? sp_dict_gets(g, n) : SP_NULLV;
    return sp_isnull(m) ? sp_str_intern_cstr(vm, "builtins") : m;
}

sp_Value sp_class_type_new(sp_VM *vm, sp_Type *meta, sp_Value name, sp_Value bases, sp_Value dict,
                           sp_Value *kwv, sp_Tuple *kw) {
    if (!sp_isstr(name))
        return sp_raise(vm, &sp_t_TypeError, "type.__new__() argument 1 must be str, not %T", name);
    if (!sp_istuple(bases))
        return sp_raise(vm, &sp_t_TypeError, "type.__new__() argument 2 must be tuple, not %T", bases);
    if (dict.tag != SP_OBJ || !sp_isinst(dict, &sp_t_dict))
        return sp_raise(vm, &sp_t_TypeError, "type.__new__() argument 3 must be dict, not %T", dict);
    sp_Value ns = sp_dict_new(vm);
    if (sp_iserr(ns) || !sp_pin(vm, ns)) return SP_ERRV;
    sp_Value r = SP_ERRV;
    sp_Str *mk = intern(vm, "__module__");
    if (mk && sp_dict_update(vm, SP_DICT(ns), dict)) {
        sp_Value m = sp_dict_gets(SP_DICT(ns), mk);
        if (sp_isnull(m)) m = caller_module(vm);
        if (!sp_iserr(m) && sp_dict_sets(vm, SP_DICT(ns), mk, m))
            r = type_new(vm, meta, SP_STR(name), SP_TUPLE(bases), SP_DICT(ns), kwv, kw);
    }
    sp_unpin(vm, 1);
    return r;
}

/* ================================================================ class attributes */

/* ------------------------------------------------ mappingproxy */

/* C.__dict__: a read-only view of a class namespace (of a fresh dict for
 * builtin types, which have none to show). */
typedef struct Proxy {
    sp_Obj h;
    sp_Value dict;
} Proxy;

static sp_Type t_proxy;
#define PX(v) SP_DICT(((Proxy *)SP_O(v))->dict)

static void proxy_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_markv(vm, ((Proxy *)o)->dict); }

static sp_Value proxy_new(sp_VM *vm, sp_Value d) {
    Proxy *p = sp_newobj(vm, &t_proxy, sizeof *p);
    if (!p) return SP_ERRV;
    p->dict = d;
    return sp_objv(p);
}

sp_Value sp_class_proxy(sp_VM *vm, sp_Value d) { return proxy_new(vm, d); }

static sp_Value proxy_repr(sp_VM *vm, sp_Value self) {
    return sp_fmt(vm, "mappingproxy(%R)", sp_objv(PX(self)));
}
static sp_Value proxy_str(sp_VM *vm, sp_Value self) { return sp_str(vm, sp_objv(PX(self))); }
static sp_Value proxy_getitem(sp_VM *vm, sp_Value self, sp_Value k) {
    return sp_getitem(vm, sp_objv(PX(self)), k);
}
static int64_t proxy_len(sp_VM *vm, sp_Value self) { return sp_len(vm, sp_objv(PX(self))); }
static sp_Value proxy_iter(sp_VM *vm, sp_Value self) { return sp_iter(vm, sp_objv(PX(self))); }
static int proxy_contains(sp_VM *vm, sp_Value self, sp_Value k) {
    return sp_contains(vm, sp_objv(PX(self)), k);
}
static sp_Value proxy_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    return sp_richcmp(vm, sp_objv(PX(a)), b, op);
}

/* Only the dict's read-only methods. */
static sp_Value proxy_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    static const char *const ok[] = {"keys", "values", "items", "get", "copy", NULL};
    for (int i = 0; ok[i]; i++)
        if (sp_str_eqc(name, ok[i])) return sp_getattr_opt(vm, sp_objv(PX(self)), name);
    return sp_generic_getattr(vm, self, name);
}

static sp_Type t_proxy = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "mappingproxy",
    .base = &sp_t_object,
    .flags = SP_TF_MAPPING,
    .traverse = proxy_traverse,
    .repr = proxy_repr,
    .str = proxy_str,
    .richcmp = proxy_richcmp,
    .len = proxy_len,
    .iter = proxy_iter,
    .getitem = proxy_getitem,
    .contains = proxy_contains,
    .getattr = proxy_getattr,
};

/* vars(int): a new dict of the type's own methods (never shared state). */
static sp_Value static_dict(sp_VM *vm, sp_Type *t) {
    sp_Value d = sp_dict_new(vm);
    if (sp_iserr(d) || !sp_pin(vm, d)) return SP_ERRV;
    bool ok = true;
    for (const sp_MethodDef *m = t->methods; ok && m && m->name; m++) {
        sp_Value k = sp_str_intern_cstr(vm, m->name);
        sp_Value f = sp_iserr(k) ? k : bind_def(vm, m, t, SP_NULLV, t);
        ok = !sp_iserr(f) && sp_dict_sets(vm, SP_DICT(d), SP_STR(k), f);
    }
    /* and the dunders of its C slots ('__len__' in list.__dict__, as abc hooks test) */
    for (size_t i = 0; ok && i < sizeof wrap_defs / sizeof wrap_defs[0]; i++) {
        sp_Value k = sp_str_intern_cstr(vm, wrap_defs[i].d.name);
        const sp_MethodDef *m = sp_iserr(k) ? NULL : slot_wrapper(t, SP_STR(k));
        sp_Value f = sp_iserr(k) ? k : m ? bind_def(vm, m, t, SP_NULLV, t) : SP_NULLV;
        ok = !sp_iserr(f) && (sp_isnull(f) || sp_dict_sets(vm, SP_DICT(d), SP_STR(k), f));
    }
    sp_unpin(vm, 1);
    return ok ? d : SP_ERRV;
}

/* CPython's type_getattro: data descriptors of the metaclass, then the
 * class's MRO, then the metaclass's other attributes bound to the class. */
sp_Value sp_class_type_getattr(sp_VM *vm, sp_Type *t, sp_Str *name) {
    sp_Type *meta = t->h.type;
    Attr a, m = {.kind = A_NONE};
    if (is_meta(meta)) {
        find_attr(meta, 0, name, &m);
        if (m.kind == A_VALUE && is_data_descr(m.v)) return descr_get(vm, m.v, sp_objv(t), meta);
        if (m.kind == A_GETSET) return m.g->get(vm, sp_objv(t));
    }
    find_attr(t, 0, name, &a);
    if (a.kind == A_VALUE) return descr_get(vm, a.v, SP_NULLV, t);
    if (a.kind == A_METHOD) return bind_def(vm, a.m, a.owner, SP_NULLV, t);
    if (m.kind == A_NONE && !is_meta(meta) && (m.m = find_def(meta->methods, name)))
        m.kind = A_METHOD, m.owner = meta; /* type's own methods (C.mro) */
    if (m.kind == A_VALUE) return descr_get(vm, m.v, sp_objv(t), meta);
    if (m.kind == A_METHOD) return bind_def(vm, m.m, m.owner, sp_objv(t), meta);
    /* a read-only copy: the namespace itself stays private (CPython's mappingproxy) */
    if (sp_str_eqc(name, "__dict__")) {
        sp_Value d = is_class(t) ? sp_objv(t->dict) : static_dict(vm, t);
        return sp_iserr(d) ? d : proxy_new(vm, d);
    }
    if (sp_str_eqc(name, "__annotations__") && is_class(t)) { /* created empty on first use */
        sp_Value d = sp_dict_new(vm);
        vm->class_epoch++;
        return sp_iserr(d) || !sp_dict_sets(vm, t->dict, name, d) ? SP_ERRV : d;
    }
    return sp_dt_constant(t, name); /* date.min seen from a class deriving from date */
}

/* CPython's Py_TPFLAGS_IS_ABSTRACT follows the truth of __abstractmethods__. */
static bool set_abstract(sp_VM *vm, sp_Type *t, sp_Value v) {
    int on = sp_isnull(v) ? 0 : sp_truthy(vm, v);
    if (on < 0) return false;
    HT(t)->hflags = on ? HT(t)->hflags | HT_ABSTRACT : HT(t)->hflags & ~(uint32_t)HT_ABSTRACT;
    return true;
}

static bool readonly(sp_VM *vm) {
    sp_raise(vm, &sp_t_AttributeError, "readonly attribute");
    return false;
}

/* A dunder of t changed: recompute the slots of t and of every class
 * inheriting from it.  Classes keep no list of subclasses, so this walks
 * the heap; it only happens when a program patches a special method. */
static bool fix_subclasses(sp_VM *vm, sp_Type *t) {
    for (sp_Obj *o = vm->objects; o; o = o->gcnext) {
        if (!sp_issubtype(o->type, &sp_t_type) || !is_class((sp_Type *)o) ||
            !sp_issubtype((sp_Type *)o, t))
            continue;
        if (!fix_class(vm, (sp_Type *)o) || !sp_check_limits(vm)) return false;
    }
    return true;
}

bool sp_class_type_setattr(sp_VM *vm, sp_Type *t, sp_Str *name, sp_Value v) {
    if (!is_class(t)) {
        sp_raise(vm, &sp_t_TypeError, "cannot set '%U' attribute of immutable type '%s'", name,
                 t->name);
        return false;
    }
    if (is_meta(t->h.type)) { /* a property of the metaclass */
        Attr m;
        find_attr(t->h.type, 0, name, &m);
        if (m.kind == A_VALUE && is_data_descr(m.v)) return descr_set(vm, m.v, sp_objv(t), v);
    }
    if (is_dunder(name)) {
        if (sp_str_eqc(name, "__mro__") || sp_str_eqc(name, "__base__")) return readonly(vm);
        if (sp_str_eqc(name, "__bases__")) {
            sp_raise(vm, &sp_t_TypeError, "__bases__ assignment is not supported");
            return false;
        }
        if (sp_str_eqc(name, "__dict__")) {
            sp_raise(vm, &sp_t_AttributeError, "attribute '__dict__' of 'type' objects is not writable");
            return false;
        }
        if (sp_str_eqc(name, "__class__")) {
            sp_raise(vm, &sp_t_TypeError,
                     "__class__ assignment only supported for mutable types or ModuleType subclasses");
            return false;
        }
        if (sp_str_eqc(name, "__name__") || sp_str_eqc(name, "__qualname__")) {
            if (!sp_isstr(v)) {
                sp_raise(vm, &sp_t_TypeError, "can only assign string to %s.%U, not '%T'", t->name,
                         name, sp_isnull(v) ? SP_NONEV : v);
                return false;
            }
            if (name->data[2] == 'n') {
                HT(t)->namestr = SP_STR(v);
                t->name = SP_STR(v)->data;
                return true;
            }
        }
    }
    vm->class_epoch++;
    if (sp_isnull(v)) {
        int r = sp_dict_del(vm, t->dict, sp_objv(name));
        if (r == 0)
            sp_raise(vm, &sp_t_AttributeError, "type object '%s' has no attribute '%U'", t->name,
                     name);
        if (r <= 0) return false;
    } else if (!sp_dict_sets(vm, t->dict, name, v)) {
        return false;
    }
    if (!is_dunder(name)) return true;
    if (sp_str_eqc(name, "__abstractmethods__")) return set_abstract(vm, t, v); /* no slot */
    return fix_subclasses(vm, t);
}

bool sp_class_method(sp_VM *vm, sp_Value o, sp_Str *name, sp_Value *fn, uint32_t *off) {
    sp_Type *t = sp_typeof(o);
    if (!is_class(t) || is_meta(t) || (HT(t)->hflags & HT_GETATTRIBUTE)) return false;
    Attr a;
    find_attr(t, 0, name, &a);
    if (a.kind != A_VALUE || !sp_istype(a.v, &sp_t_function)) return false;
    sp_Dict **dp = dict_slot(o);
    if (dp && *dp && !sp_isnull(sp_dict_gets(*dp, name))) return false;
    *fn = a.v;
    *off = name->interned && t->getattr == inst_getattr ? HT(t)->dictoff : DICT_AT_END;
    return true;
}

/* generic_getattr's first step for a property, without a hook before it. */
sp_Value sp_class_getter(sp_VM *vm, sp_Value o, sp_Str *name) {
    sp_Type *t = sp_typeof(o);
    if (!is_class(t) || is_meta(t) || t->getattr != inst_getattr ||
        (HT(t)->hflags & (HT_GETATTRIBUTE | HT_GETATTR)))
        return SP_NULLV;
    CacheEnt *e = attr_ent(vm, t, 0, name);
    if (!e || e->kind != A_VALUE || sp_typeof(e->v) != &sp_t_property) return SP_NULLV;
    sp_Value g = ((Prop *)SP_O(e->v))->fget;
    return plain_func(g) ? g : SP_NULLV;
}

uint32_t sp_class_dict_site(sp_VM *vm, sp_Value o, sp_Str *name, bool store, int64_t *ix) {
    sp_Type *t = sp_typeof(o);
    if (!is_class(t) || is_meta(t) || !name->interned || is_dict_name(name) ||
        t->getattr != inst_getattr || t->setattr != inst_setattr)
        return 0;
    uint32_t off = HT(t)->dictoff, fl = HT(t)->hflags;
    if (!off || off == DICT_AT_END || (fl & (store ? HT_SETATTR : HT_GETATTRIBUTE))) return 0;
    CacheEnt *e = attr_ent(vm, t, 0, name);
    if (!e || e->kind == A_GETSET || (e->kind == A_VALUE && is_data_descr(e->v))) return 0;
    if (store && (fl & HT_SLOTS) && slot_allowed(vm, t, name) != 1) return 0;
    sp_Dict *d = *dict_slot(o);
    *ix = d ? sp_dict_index_of(d, name) : -1;
    return off;
}

/* ================================================================ super */

#define SUP(v) ((Super *)SP_O(v))

/* The type whose MRO super() walks, for obj (instance or class). */
static sp_Type *super_check(sp_VM *vm, sp_Type *type, sp_Value obj) {
    if (is_type(obj) && sp_issubtype(TYPEV(obj), type)) return TYPEV(obj);
    if (sp_isinst(obj, type)) return sp_typeof(obj);
    sp_raise(vm, &sp_t_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

/* Zero-argument super(): __class__ and the first argument of the calling
 * Python function. */
static bool super_frame(sp_VM *vm, sp_Value *type, sp_Value *obj) {
    sp_Frame *f = vm->frame;
    if (!f || !f->func || f->code->argcount + f->code->kwonlyargcount +
                                  !!(f->code->flags & SP_CO_VARARGS) == 0) {
        sp_raise(vm, &sp_t_RuntimeError, "super(): no arguments");
        return false;
    }
    sp_Code *c = f->code;
    sp_Value *L = sp_frame_locals(f);
    *obj = L[0];
    for (uint32_t i = 0; c->cell2arg && i < c->ncells; i++)
        if (c->cell2arg[i] == 0) *obj = ((sp_Cell *)SP_O(L[c->nlocals + i]))->v;
    if (sp_isnull(*obj)) {
        sp_raise(vm, &sp_t_RuntimeError, "super(): arg[0] deleted");
        return false;
    }
    for (uint32_t i = 0; i < c->nfree; i++) {
        uint32_t slot = c->nlocals + c->ncells + i;
        if (!sp_str_eqc(c->localnames[slot], "__class__")) continue;
        *type = ((sp_Cell *)SP_O(L[slot]))->v;
        if (sp_isnull(*type)) {
            sp_raise(vm, &sp_t_RuntimeError, "super(): empty __class__ cell");
            return false;
        }
        if (!is_type(*type)) {
            sp_raise(vm, &sp_t_RuntimeError, "super(): __class__ is not a type (%T)", *type);
            return false;
        }
        return true;
    }
    sp_raise(vm, &sp_t_RuntimeError, "super(): __class__ cell not found");
    return false;
}

static sp_Value super_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    if (!sp_no_kwargs(vm, "super", kw)) return SP_ERRV;
    sp_Value type, obj;
    if (nargs == 0) {
        if (!super_frame(vm, &type, &obj)) return SP_ERRV;
    } else if (nargs == 2) {
        type = args[0], obj = args[1];
        if (!is_type(type))
            return sp_raise(vm, &sp_t_TypeError, "super() argument 1 must be a type, not %T", type);
    } else {
        return sp_raise(vm, &sp_t_TypeError, nargs == 1 ? "super() with one argument is not supported"
                                                        : "super() takes at most 2 arguments (%d given)",
                        nargs);
    }
    sp_Type *ot = super_check(vm, TYPEV(type), obj);
    if (!ot) return SP_ERRV;
    Super *s = sp_newobj(vm, &sp_t_super, sizeof *s);
    if (!s) return SP_ERRV;
    s->type = TYPEV(type), s->obj = obj, s->objtype = ot;
    return sp_objv(s);
}

static sp_Value super_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    Super *s = SUP(self);
    if (!sp_str_eqc(name, "__class__")) {
        /* skip objtype's MRO up to and including s->type */
        MroIt it;
        size_t skip = 0;
        mro_start(&it, s->objtype);
        for (sp_Type *k; (k = mro_next(&it)) && k != s->type;) skip++;
        Attr a;
        find_attr(s->objtype, skip + 1, name, &a);
        bool on_class = sp_is(s->obj, sp_objv(s->objtype));
        sp_Value inst = on_class ? SP_NULLV : s->obj;
        if (a.kind == A_VALUE) return descr_get(vm, a.v, inst, s->objtype);
        if (a.kind == A_METHOD) return bind_def(vm, a.m, a.owner, inst, s->objtype);
        if (a.kind == A_GETSET && !on_class) return a.g->get(vm, s->obj);
    }
    return sp_generic_getattr(vm, self, name);
}

static sp_Value super_repr(sp_VM *vm, sp_Value self) {
    Super *s = SUP(self);
    return sp_fmt(vm, "<super: <class '%s'>, <%s object>>", s->type->name, s->objtype->name);
}

static void super_traverse(sp_VM *vm, sp_Obj *o) {
    Super *s = (Super *)o;
    sp_gc_marko(vm, &s->type->h);
    sp_gc_markv(vm, s->obj);
    sp_gc_marko(vm, &s->objtype->h);
}

sp_Type sp_t_super = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "super",
    .base = &sp_t_object,
    .traverse = super_traverse,
    .new_ = super_new,
    .repr = super_repr,
    .getattr = super_getattr,
};

/* ================================================================ staticmethod, classmethod */

#define F1(v) ((Func1 *)SP_O(v))

/* __isabstractmethod__ of a wrapper: true if any wrapped function has a
 * true one (abc.abstractmethod under property/classmethod/staticmethod). */
static sp_Value is_abstract(sp_VM *vm, const sp_Value *fs, int n) {
    sp_Str *nm = intern(vm, "__isabstractmethod__");
    if (!nm) return SP_ERRV;
    for (int i = 0; i < n; i++) {
        if (sp_isnone(fs[i])) continue;
        sp_Value v = sp_getattr_opt(vm, fs[i], nm);
        int t = sp_iserr(v) ? -1 : sp_isnull(v) ? 0 : sp_truthy(vm, v);
        if (t) return t < 0 ? SP_ERRV : SP_TRUEV;
    }
    return SP_FALSEV;
}

static void func1_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_markv(vm, ((Func1 *)o)->func); }

static sp_Value func1_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (kw && kw->n) return kw_error(vm, t);
    if (nargs != 1)
        return sp_raise(vm, &sp_t_TypeError, "%s expected 1 argument, got %d", t->name, nargs);
    return make_func1(vm, t, args[0]);
}

static sp_Value func1_repr(sp_VM *vm, sp_Value self) {
    return sp_fmt(vm, "<%s(%R)>", sp_typename(self), F1(self)->func);
}

static sp_Value func1_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    if (sp_str_eqc(name, "__func__") || sp_str_eqc(name, "__wrapped__")) return F1(self)->func;
    if (sp_str_eqc(name, "__isabstractmethod__")) return is_abstract(vm, &F1(self)->func, 1);
    if (sp_str_eqc(name, "__name__") || sp_str_eqc(name, "__qualname__") ||
        sp_str_eqc(name, "__doc__") || sp_str_eqc(name, "__module__")) {
        sp_Value v = sp_getattr_opt(vm, F1(self)->func, name);
        if (!sp_isnull(v)) return v;
    }
    return sp_generic_getattr(vm, self, name);
}

static sp_Value sm_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    return sp_call(vm, F1(self)->func, args, nargs, kw);
}

/* __get__(obj, type=None) of both */
static sp_Value m_func1_get(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__get__", kw) || !sp_check_nargs(vm, "__get__", nargs - 1, 1, 2))
        return SP_ERRV;
    sp_Value self = args[0];
    if (sp_istype(self, &sp_t_staticmethod)) return F1(self)->func;
    sp_Value owner = nargs > 2 && !sp_isnone(args[2]) ? args[2] : sp_objv(sp_typeof(args[1]));
    return new_bound(vm, owner, F1(self)->func);
}

static const sp_MethodDef func1_methods[] = {{"__get__", m_func1_get, 0}, {NULL, NULL, 0}};

#define FUNC1_TYPE(var, nm, callfn)                                                         \
    sp_Type var = {.h = SP_STATIC_HDR(&sp_t_type), .name = nm, .base = &sp_t_object,        \
                   .flags = SP_TF_BASETYPE, .methods = func1_methods,                       \
                   .traverse = func1_traverse, .new_ = func1_new, .call = callfn,           \
                   .repr = func1_repr, .getattr = func1_getattr};
FUNC1_TYPE(sp_t_staticmethod, "staticmethod", sm_call)
FUNC1_TYPE(sp_t_classmethod, "classmethod", NULL)

/* ================================================================ property */

#define PR(v) ((Prop *)SP_O(v))

static void prop_traverse(sp_VM *vm, sp_Obj *o) {
    Prop *p = (Prop *)o;
    sp_gc_markv(vm, p->fget);
    sp_gc_markv(vm, p->fset);
    sp_gc_markv(vm, p->fdel);
    sp_gc_markv(vm, p->doc);
    sp_gc_markv(vm, p->name);
}

static sp_Value prop_make(sp_VM *vm, sp_Value fget, sp_Value fset, sp_Value fdel, sp_Value doc,
                          sp_Value name) {
    Prop *p = sp_newobj(vm, &sp_t_property, sizeof *p);
    if (!p) return SP_ERRV;
    p->fget = fget, p->fset = fset, p->fdel = fdel, p->doc = doc, p->name = name;
    if (sp_isnone(doc) && !sp_isnone(fget)) { /* the getter's docstring */
        sp_Str *dn = intern(vm, "__doc__");
        if (!dn || !sp_pin(vm, sp_objv(p))) return SP_ERRV;
        sp_Value d = sp_getattr_opt(vm, fget, dn);
        sp_unpin(vm, 1);
        if (sp_iserr(d)) return d;
        if (!sp_isnull(d)) p->doc = d;
    }
    return sp_objv(p);
}

static sp_Value or_none(sp_Value v) { return sp_isnull(v) ? SP_NONEV : v; }

static sp_Value prop_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    sp_Value a[4];
    if (!sp_parse_args(vm, "property", args, nargs, kw, "|fget,fset,fdel,doc", a)) return SP_ERRV;
    return prop_make(vm, or_none(a[0]), or_none(a[1]), or_none(a[2]), or_none(a[3]), SP_NONEV);
}

/* "property 'x' of 'A' object has no getter" */
static sp_Value prop_missing(sp_VM *vm, Prop *p, sp_Value self, const char *what) {
    sp_Value qn = sp_getattrs(vm, sp_objv(sp_typeof(self)), "__qualname__");
    if (sp_iserr(qn)) return qn;
    if (sp_isstr(p->name))
        return sp_raise(vm, &sp_t_AttributeError, "property %R of %R object has no %s", p->name, qn,
                        what);
    return sp_raise(vm, &sp_t_AttributeError, "property of %R object has no %s", qn, what);
}

static sp_Value prop_get(sp_VM *vm, Prop *p, sp_Value self) {
    if (sp_isnone(p->fget)) return prop_missing(vm, p, self, "getter");
    return sp_call1(vm, p->fget, self);
}

static bool prop_set(sp_VM *vm, Prop *p, sp_Value self, sp_Value v) {
    bool del = sp_isnull(v);
    sp_Value f = del ? p->fdel : p->fset;
    if (sp_isnone(f)) return prop_missing(vm, p, self, del ? "deleter" : "setter"), false;
    return !sp_iserr(del ? sp_call1(vm, f, self) : sp_call2(vm, f, self, v));
}

static sp_Value prop_copy(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, const char *name,
                          int which) {
    if (!sp_no_kwargs(vm, name, kw) || !sp_check_nargs(vm, name, nargs - 1, 1, 1)) return SP_ERRV;
    Prop *p = PR(args[0]);
    sp_Value f[3] = {p->fget, p->fset, p->fdel};
    f[which] = args[1];
    /* a docstring taken from the old getter follows the new one */
    sp_Value doc = which == 0 ? SP_NONEV : p->doc;
    return prop_make(vm, f[0], f[1], f[2], doc, p->name);
}

static sp_Value m_getter(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return prop_copy(vm, a, n, kw, "getter", 0);
}
static sp_Value m_setter(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return prop_copy(vm, a, n, kw, "setter", 1);
}
static sp_Value m_deleter(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return prop_copy(vm, a, n, kw, "deleter", 2);
}

static sp_Value m_prop_get(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__get__", kw) || !sp_check_nargs(vm, "__get__", nargs - 1, 1, 2))
        return SP_ERRV;
    if (sp_isnone(args[1])) return args[0];
    return prop_get(vm, PR(args[0]), args[1]);
}

static sp_Value m_prop_set(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__set__", kw) || !sp_check_nargs(vm, "__set__", nargs - 1, 2, 2))
        return SP_ERRV;
    return prop_set(vm, PR(args[0]), args[1], args[2]) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_prop_delete(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__delete__", kw) || !sp_check_nargs(vm, "__delete__", nargs - 1, 1, 1))
        return SP_ERRV;
    return prop_set(vm, PR(args[0]), args[1], SP_NULLV) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_prop_set_name(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__set_name__", kw) || !sp_check_nargs(vm, "__set_name__", nargs - 1, 2, 2))
        return SP_ERRV;
    PR(args[0])->name = args[2];
    return SP_NONEV;
}

static const sp_MethodDef prop_methods[] = {
    {"getter", m_getter, 0},          {"setter", m_setter, 0},
    {"deleter", m_deleter, 0},        {"__get__", m_prop_get, 0},
    {"__set__", m_prop_set, 0},       {"__delete__", m_prop_delete, 0},
    {"__set_name__", m_prop_set_name, 0}, {NULL, NULL, 0},
};

static sp_Value g_fget(sp_VM *vm, sp_Value s) { (void)vm; return PR(s)->fget; }
static sp_Value g_fset(sp_VM *vm, sp_Value s) { (void)vm; return PR(s)->fset; }
static sp_Value g_fdel(sp_VM *vm, sp_Value s) { (void)vm; return PR(s)->fdel; }
static sp_Value g_pdoc(sp_VM *vm, sp_Value s) { (void)vm; return PR(s)->doc; }
static bool s_pdoc(sp_VM *vm, sp_Value s, sp_Value v) {
    (void)vm;
    PR(s)->doc = or_none(v);
    return true;
}
static sp_Value g_pabstract(sp_VM *vm, sp_Value s) {
    sp_Value fs[3] = {PR(s)->fget, PR(s)->fset, PR(s)->fdel};
    return is_abstract(vm, fs, 3);
}

static const sp_GetSetDef prop_getsets[] = {
    {"fget", g_fget, NULL}, {"fset", g_fset, NULL}, {"fdel", g_fdel, NULL},
    {"__doc__", g_pdoc, s_pdoc}, {"__isabstractmethod__", g_pabstract, NULL}, {NULL, NULL, NULL},
};

sp_Type sp_t_property = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "property",
    .base = &sp_t_object,
    .flags = SP_TF_BASETYPE,
    .methods = prop_methods,
    .getsets = prop_getsets,
    .traverse = prop_traverse,
    .new_ = prop_new,
};

/* ================================================================ __slots__ */

/* A slot's member descriptor, in the class namespace as CPython shows it
 * (C.x is <member 'x' of 'C' objects>).  The values themselves still live
 * in the instance dict: __slots__ only limits which names an instance
 * without __dict__ may set (HT_SLOTS), so the VM's dict caches and the
 * snapshot format stay as they are. */
typedef struct Member {
    sp_Obj h;
    sp_Value name;  /* str, the mangled slot name */
    sp_Value owner; /* the class declaring it */
} Member;

#define MB(v) ((Member *)SP_O(v))

static sp_Value member_new(sp_VM *vm, sp_Value name, sp_Type *owner) {
    Member *m = sp_newobj(vm, &sp_t_member, sizeof *m);
    if (!m) return SP_ERRV;
    m->name = name, m->owner = sp_objv(owner);
    return sp_objv(m);
}

static bool member_applies(sp_VM *vm, sp_Value m, sp_Value obj) {
    if (sp_isinst(obj, TYPEV(MB(m)->owner))) return true;
    sp_raise(vm, &sp_t_TypeError, "descriptor '%S' for '%s' objects doesn't apply to a '%T' object",
             MB(m)->name, TYPEV(MB(m)->owner)->name, obj);
    return false;
}

/* obj's value of slot m (descr_get); AttributeError when unset. */
static sp_Value member_get(sp_VM *vm, sp_Value m, sp_Value obj) {
    if (!member_applies(vm, m, obj)) return SP_ERRV;
    sp_Dict **dp = dict_slot(obj);
    sp_Value v = dp && *dp ? sp_dict_gets(*dp, SP_STR(MB(m)->name)) : SP_NULLV;
    return sp_isnull(v) ? no_attr(vm, obj, SP_STR(MB(m)->name)) : v;
}

/* obj.slot = v, or del obj.slot (v SP_NULL: AttributeError naming the
 * slot alone when unset, as CPython's member_set). */
static bool member_set(sp_VM *vm, sp_Value m, sp_Value obj, sp_Value v) {
    if (!member_applies(vm, m, obj)) return false;
    sp_Dict **dp = dict_slot(obj);
    sp_Str *name = SP_STR(MB(m)->name);
    if (!dp) return no_attr(vm, obj, name), false;
    if (sp_isnull(v)) {
        int r = *dp ? sp_dict_del(vm, *dp, MB(m)->name) : 0;
        if (r == 0) sp_raise(vm, &sp_t_AttributeError, "%U", name);
        return r > 0;
    }
    sp_Dict *d = ensure_dict(vm, dp);
    return d && sp_dict_sets(vm, d, name, v);
}

static sp_Value m_member_get(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__get__", kw) || !sp_check_nargs(vm, "__get__", nargs - 1, 1, 2)) return SP_ERRV;
    if (sp_isnone(args[1])) return args[0];
    return member_get(vm, args[0], args[1]);
}

static sp_Value m_member_set(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__set__", kw) || !sp_check_nargs(vm, "__set__", nargs - 1, 2, 2)) return SP_ERRV;
    return member_set(vm, args[0], args[1], args[2]) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_member_delete(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__delete__", kw) || !sp_check_nargs(vm, "__delete__", nargs - 1, 1, 1))
        return SP_ERRV;
    return member_set(vm, args[0], args[1], SP_NULLV) ? SP_NONEV : SP_ERRV;
}

static sp_Value member_repr(sp_VM *vm, sp_Value self) {
    return sp_fmt(vm, "<member '%S' of '%s' objects>", MB(self)->name, TYPEV(MB(self)->owner)->name);
}

static void member_traverse(sp_VM *vm, sp_Obj *o) {
    sp_gc_markv(vm, ((Member *)o)->name);
    sp_gc_markv(vm, ((Member *)o)->owner);
}

static sp_Value g_mname(sp_VM *vm, sp_Value s) { (void)vm; return MB(s)->name; }
static sp_Value g_mowner(sp_VM *vm, sp_Value s) { (void)vm; return MB(s)->owner; }
static sp_Value g_mdoc(sp_VM *vm, sp_Value s) { (void)vm, (void)s; return SP_NONEV; }
static sp_Value g_mqualname(sp_VM *vm, sp_Value s) {
    sp_Value q = sp_getattrs(vm, MB(s)->owner, "__qualname__");
    return sp_iserr(q) ? q : sp_fmt(vm, "%S.%S", q, MB(s)->name);
}

static const sp_MethodDef member_methods[] = {
    {"__get__", m_member_get, 0}, {"__set__", m_member_set, 0},
    {"__delete__", m_member_delete, 0}, {NULL, NULL, 0},
};
static const sp_GetSetDef member_getsets[] = {
    {"__name__", g_mname, NULL}, {"__qualname__", g_mqualname, NULL},
    {"__objclass__", g_mowner, NULL}, {"__doc__", g_mdoc, NULL}, {NULL, NULL, NULL},
};

sp_Type sp_t_member = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "member_descriptor",
    .base = &sp_t_object,
    .methods = member_methods,
    .getsets = member_getsets,
    .traverse = member_traverse,
    .repr = member_repr,
};

/* copy/deepcopy of an instance limited to its slots: CPython's state is
 * (None, {slot: value}) and each value is restored with setattr. */
bool sp_class_slotted(sp_Type *t) { return is_class(t) && (HT(t)->hflags & HT_SLOTS); }

sp_Value sp_class_slot_state(sp_VM *vm, sp_Value self) {
    sp_Dict **dp = dict_slot(self);
    if (!dp || !*dp || !sp_dict_len(*dp)) return SP_NONEV;
    sp_Value d = sp_dict_new(vm);
    return sp_iserr(d) || !sp_dict_update(vm, SP_DICT(d), sp_objv(*dp)) ? SP_ERRV : d;
}

bool sp_class_set_slots(sp_VM *vm, sp_Value self, sp_Value state) {
    if (!sp_isdict(state)) return sp_raise(vm, &sp_t_TypeError, "slot state must be a dict"), false;
    sp_Value k, v;
    for (size_t pos = 0; sp_dict_next(SP_DICT(state), &pos, &k, &v);) {
        if (!sp_isstr(k)) return sp_raise(vm, &sp_t_TypeError, "attribute name must be string"), false;
        if (!sp_setattr(vm, self, SP_STR(k), v) || !sp_check_limits(vm)) return false;
    }
    return true;
}

/* Snapshots (a kind in sp_snap_collections): [name owner]. */
int sp_class_member_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint) {
    (void)vm, (void)hint;
    v[0] = ((Member *)o)->name, v[1] = ((Member *)o)->owner;
    return 2;
}

sp_Obj *sp_class_member_alloc(sp_VM *vm, uint32_t hint) {
    (void)hint;
    sp_Value n = sp_str_intern_cstr(vm, "?"), m = sp_iserr(n) ? n : member_new(vm, n, &sp_t_object);
    return sp_iserr(m) ? NULL : SP_O(m);
}

bool sp_class_member_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int n) {
    if (n != 2 || !sp_isstr(v[0]) || !is_type(v[1]) || !is_class(TYPEV(v[1])))
        return sp_raise(vm, &sp_t_ValueError, "bad member descriptor"), false;
    ((Member *)o)->name = v[0], ((Member *)o)->owner = v[1];
    return true;
}

/* CPython's _Py_Mangle: __x in class _C is _C__x. */
static sp_Value mangle(sp_VM *vm, sp_Type *t, sp_Value name) {
    sp_Str *n = SP_STR(name);
    const char *cls = t->name;
    while (*cls == '_') cls++;
    if (n->len < 3 || n->data[0] != '_' || n->data[1] != '_' || !*cls ||
        (n->data[n->len - 1] == '_' && n->data[n->len - 2] == '_') || memchr(n->data, '.', n->len))
        return name;
    return sp_fmt(vm, "_%s%S", cls, name);
}

/* One name of __slots__: checked, and its member added (kept in *nmem). */
static bool add_member(sp_VM *vm, sp_Type *t, sp_Value name, int *seen_dict) {
    if (!sp_isstr(name))
        return sp_raise(vm, &sp_t_TypeError, "__slots__ items must be strings, not '%T'", name), false;
    sp_Value f = sp_getattrs(vm, name, "isidentifier");
    sp_Value id = sp_iserr(f) ? f : sp_call0(vm, f);
    if (sp_iserr(id)) return false;
    if (!sp_truthy(vm, id)) return sp_raise(vm, &sp_t_TypeError, "__slots__ must be identifiers"), false;
    if (sp_str_eqc(SP_STR(name), "__dict__")) {
        if ((*seen_dict)++)
            return sp_raise(vm, &sp_t_TypeError, "__dict__ slot disallowed: we already got one"), false;
        return true;
    }
    if (sp_str_eqc(SP_STR(name), "__weakref__")) return true;
    sp_Type *solid = HT(t)->solid;
    if (solid == &sp_t_tuple || solid == &sp_t_int || solid == &sp_t_bytes)
        return sp_raise(vm, &sp_t_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                        solid->name), false;
    sp_Value key = mangle(vm, t, name);
    if (sp_iserr(key) || !sp_pin(vm, key)) return false;
    sp_Value old = sp_dict_gets(t->dict, SP_STR(key));
    bool ok = true;
    if (!sp_isnull(old) && !(sp_istype(old, &sp_t_member) && TYPEV(MB(old)->owner) == t))
        ok = (sp_raise(vm, &sp_t_ValueError, "%R in __slots__ conflicts with class variable", key), false);
    sp_Value m = ok && sp_isnull(old) ? member_new(vm, key, t) : SP_NONEV;
    ok = ok && !sp_iserr(m) && (!sp_isnull(old) || sp_dict_sets(vm, t->dict, SP_STR(key), m));
    sp_unpin(vm, 1);
    return ok;
}

/* Does class k add slots of its own (CPython's extra_ivars)? */
static bool own_slots(sp_Type *k) {
    size_t pos = 0;
    sp_Value v;
    while (k->dict && sp_dict_next(k->dict, &pos, NULL, &v))
        if (sp_istype(v, &sp_t_member) && TYPEV(MB(v)->owner) == k) return true;
    return false;
}

/* t's slotbase: the nearest class of its base chain adding slots
 * (CPython's solid_base as far as __slots__ go), NULL if none. */
static void set_slotbase(sp_Type *t) {
    HT(t)->slotbase = own_slots(t) ? t : t->base && is_class(t->base) ? HT(t->base)->slotbase : NULL;
}

/* Bases whose slots come from unrelated classes cannot be combined. */
static bool slot_layouts_ok(sp_VM *vm, sp_Tuple *bases) {
    sp_Type *win = NULL;
    for (size_t i = 0; i < bases->n; i++) {
        sp_Type *b = TYPEV(bases->items[i]), *sb = is_class(b) ? HT(b)->slotbase : NULL;
        if (!sb || (win && sp_issubtype(win, sb))) continue;
        if (win && !sp_issubtype(sb, win))
            return sp_raise(vm, &sp_t_TypeError, "multiple bases have instance lay-out conflict"), false;
        win = sb;
    }
    return true;
}

/* The member descriptors of a new class's own __slots__ (str or iterable). */
static bool add_members(sp_VM *vm, sp_Type *t) {
    sp_Str *sl = intern(vm, "__slots__");
    sp_Value s = sl ? sp_dict_gets(t->dict, sl) : SP_ERRV;
    if (sp_isnull(s)) return true;
    sp_Value names = sp_iserr(s) ? s : sp_isstr(s) ? sp_tuple_pack(vm, 1, &s) : sp_tuple_from_iter(vm, s);
    if (sp_iserr(names) || !sp_pin(vm, names)) return false;
    int seen_dict = 0;
    bool ok = true;
    for (size_t i = 0; ok && i < SP_TUPLE(names)->n; i++)
        ok = add_member(vm, t, SP_TUPLE(names)->items[i], &seen_dict) && sp_check_limits(vm);
    sp_unpin(vm, 1);
    return ok;
}

/* ================================================================ snapshots */

/* sp_snap.c saves a class as its name, metaclass, bases, namespace and
 * flags, and rebuilds it here without running any Python code (no
 * __set_name__, __init_subclass__ or metaclass call): first an empty
 * shell, so instances can be made before the class is complete, then,
 * once its bases are rebuilt, the class itself. */

sp_Type *sp_class_solid(sp_Type *t) { return is_class(t) ? HT(t)->solid : NULL; }
sp_Str *sp_class_name(sp_Type *t) { return HT(t)->namestr; }
uint32_t sp_class_flags(sp_Type *t) { return HT(t)->hflags & (HT_SLOTS | HT_ABSTRACT); }

/* NULL without an exception when solid cannot be a class's layout. */
sp_Type *sp_class_shell(sp_VM *vm, sp_Type *solid) {
    /* sp_snap.c refuses instances of tuple/set classes (their payload) itself */
    if ((solid->flags & SP_TF_HEAPTYPE) || solid_of(solid) != solid) return NULL;
    HeapType *ht = sp_newobj(vm, &sp_t_type, sizeof *ht);
    if (!ht) return NULL;
    sp_Type *t = &ht->t;
    t->name = "?";
    t->flags = SP_TF_HEAPTYPE | SP_TF_BASETYPE | (sp_sub_boxed(solid) ? SP_TF_BOX : 0);
    t->mro = t->bases = SP_NULLV;
    init_layout(ht, solid);
    return t;
}

static bool restore_error(sp_VM *vm, const char *why) {
    sp_raise(vm, &sp_t_TypeError, "%s", why);
    return false;
}

/* Completes a shell; every class among meta and bases is complete. */
bool sp_class_restore(sp_VM *vm, sp_Type *t, sp_Type *meta, sp_Str *name, sp_Tuple *bases,
                      sp_Dict *dict, uint32_t flags) {
    HeapType *ht = HT(t);
    sp_Type *solid, *best;
    if (!bases->n) return restore_error(vm, "no bases");
    if (!check_bases(vm, bases, &solid, &best)) return false;
    if (solid != ht->solid) return restore_error(vm, "layout changed");
    for (size_t i = 0; i < bases->n; i++)
        if (is_class(TYPEV(bases->items[i])) && !sp_istuple(TYPEV(bases->items[i])->mro))
            return restore_error(vm, "base not ready");
    if (meta != &sp_t_type && !(is_meta(meta) && sp_istuple(meta->mro)))
        return restore_error(vm, "bad metaclass");
    t->h.type = meta;
    ht->namestr = name;
    t->name = name->data;
    t->base = best;
    t->bases = sp_objv(bases);
    t->dict = dict;
    t->mro = compute_mro(vm, t, bases);
    if (sp_iserr(t->mro)) return t->mro = SP_NULLV, false;
    MroIt it;
    mro_start(&it, t);
    for (sp_Type *k; (k = mro_next(&it));)
        t->flags |= k->flags & (SP_TF_EXCEPTION | SP_TF_SEQUENCE | SP_TF_MAPPING);
    ht->hflags = flags & (HT_SLOTS | HT_ABSTRACT);
    set_slotbase(t);
    vm->class_epoch++;
    return fix_class(vm, t);
}

/* A bare instance of class t (the solid's empty value), made without
 * calling __new__ or __init__. */
sp_Value sp_class_alloc(sp_VM *vm, sp_Type *t) {
    if (!is_class(t) || is_meta(t)) return sp_raise(vm, &sp_t_TypeError, "not a class");
    return alloc_instance(vm, t, NULL, 0, NULL);
}

/* Where an instance keeps its __dict__ (NULL: nowhere). */
sp_Dict **sp_class_dictp(sp_Value self) { return dict_slot(self); }

/* Does hashing an instance of t call a Python __hash__?  -1 on error. */
int sp_class_user_hash(sp_VM *vm, sp_Type *t) {
    if (!is_class(t) || t->hash != sp_class_hash) return 0;
    sp_Value f;
    sp_Type *st;
    int k = find_dunder(vm, t, "__hash__", SL_HASH, &f, &st);
    return k < 0 ? -1 : k == 1 && !sp_isnone(f);
}
