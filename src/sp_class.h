/* sp_class.h - user-defined classes (sp_class.c): the hooks other modules
 * call.  A class is a heap type (sp_Type with SP_TF_HEAPTYPE) whose slots
 * dispatch to dunder methods found along its MRO. */
#ifndef SP_CLASS_H
#define SP_CLASS_H

#include "sp.h"

/* Builtins (sp_builtins.c's table). */
extern sp_CFunc sp_build_class_fn;
extern sp_Type sp_t_super, sp_t_property, sp_t_staticmethod, sp_t_classmethod;
/* A __slots__ member descriptor (C.x) and its snapshot hooks (the kind
 * sits in sp_snap_collections). */
extern sp_Type sp_t_member;
int sp_class_member_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint);
sp_Obj *sp_class_member_alloc(sp_VM *vm, uint32_t hint);
bool sp_class_member_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int n);
/* copy module: instances without a __dict__ (every class of the MRO has
 * __slots__): their slot values as a fresh dict (None if none), restored
 * by setattr. */
bool sp_class_slotted(sp_Type *t);
sp_Value sp_class_slot_state(sp_VM *vm, sp_Value self);
bool sp_class_set_slots(sp_VM *vm, sp_Value self, sp_Value state);

/* type.__new__(meta, name, bases, dict, **kw) once meta is settled:
 * checks the arguments, copies dict, runs __set_name__/__init_subclass__. */
sp_Value sp_class_type_new(sp_VM *vm, sp_Type *meta, sp_Value name, sp_Value bases, sp_Value dict,
                           sp_Value *kwv, sp_Tuple *kw);
/* Attribute get/set on a heap type object (C.x, C.x = v). */
sp_Value sp_class_type_getattr(sp_VM *vm, sp_Type *t, sp_Str *name);
bool sp_class_type_setattr(sp_VM *vm, sp_Type *t, sp_Str *name, sp_Value v);
/* GC traversal of a heap type object (sp_t_type's traverse slot). */
void sp_class_type_traverse(sp_VM *vm, sp_Obj *o);
/* LOAD_METHOD on an instance of a heap type: true with *fn set when name
 * is a plain Python function of the class (not shadowed by the instance),
 * so the VM calls fn(o, ...) without allocating a bound method. */
bool sp_class_method(sp_VM *vm, sp_Value o, sp_Str *name, sp_Value *fn, uint32_t *off);
/* *off above: the offset of the instance dict pointer (0: none) when the
 * answer holds for every instance of o's class whose dict lacks name,
 * while vm->class_epoch is unchanged; UINT32_MAX when it may not. */
/* LOAD_ATTR/STORE_ATTR's per-site caches (sp_vm.c): when o.name is read
 * from o's instance dict if it holds name (store: always written into that
 * dict, made if need be), no hook, data descriptor or __slots__ refusal of
 * its class getting in the way, the offset of o's dict pointer, with *ix
 * name's entry in it (-1: none yet); 0 otherwise.  True for every instance
 * of o's class while vm->class_epoch is unchanged. */
uint32_t sp_class_dict_site(sp_VM *vm, sp_Value o, sp_Str *name, bool store, int64_t *ix);
/* Calling class t from the VM: when __init__ is a plain Python function
 * (and no __new__ is), a new instance with *init set, so the VM runs
 * __init__ in its own loop; SP_NULLV otherwise (use t's new_ slot). */
sp_Value sp_class_new_for_init(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw,
                               sp_Value *init);
/* Dunders and property getters the VM runs as frames of its own loop
 * (no nested run(): CPython's recursion accounting, one level each).
 * sp_class_binop_fn: the plain Python function f when sp_binop(op, a, b)
 * (op not in-place) starts by calling f(a, b) with nothing tried before
 * it; SP_NULLV otherwise, SP_ERRV on error.  If f returns NotImplemented,
 * sp_binop_rest(op, a, b) (sp_obj.c) does the rest of sp_binop, starting
 * with sp_class_binop_reflected: b.__rop__(a) when s_binop would try it,
 * else NotImplemented. */
sp_Value sp_class_binop_fn(sp_VM *vm, int op, sp_Value a, sp_Value b);
sp_Value sp_class_binop_reflected(sp_VM *vm, int op, sp_Value a, sp_Value b);
/* The reflected case, b an instance of a class and a not (nor of a base
 * of b's): sp_binop's first steps, a's slot then s_binop, are done here up
 * to the Python function f it comes down to, returned for the VM to run
 * as f(b, a); else SP_NULLV with *r the result (SP_NULLV: not this case,
 * nothing called).  After f, sp_binop_rest(..., true) finishes. */
sp_Value sp_class_rbinop_fn(sp_VM *vm, int op, sp_Value a, sp_Value b, sp_Value *r);
sp_Value sp_binop_rest(sp_VM *vm, int op, sp_Value a, sp_Value b, bool reflected);
/* The same for sp_richcmp(a, b, op): the function f(a, b) it starts with,
 * the VM holding sp_richcmp's " in comparison" level while f runs; if f
 * returns NotImplemented, sp_richcmp_rest (sp_obj.c) finishes. */
sp_Value sp_class_richcmp_fn(sp_VM *vm, sp_Value a, sp_Value b, int op);
sp_Value sp_richcmp_rest(sp_VM *vm, sp_Value a, sp_Value b, int op);
/* The plain Python getter g of a property that o.name reads, when
 * sp_getattr(o, name) is exactly g(o) (no hook; AttributeError gets its
 * name/obj as sp_getattr sets them); SP_NULLV otherwise. */
sp_Value sp_class_getter(sp_VM *vm, sp_Value o, sp_Str *name);
/* The native wrapping the C slot behind dunder `name` when builtin type t
 * implements it (list.__repr__, dict.__getitem__): for sp_find_method. */
const sp_MethodDef *sp_class_slot_method(sp_Type *t, sp_Str *name);

/* object's methods that need the class machinery (sp_misc.c's table). */
sp_Value sp_class_obj_new(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);
sp_Value sp_class_obj_setattr(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);
sp_Value sp_class_obj_delattr(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);
sp_Value sp_class_obj_getattribute(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);
sp_Value sp_class_obj_init_subclass(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);

/* Snapshots (sp_snap.c): a class's parts and its rebuilding without
 * running Python code.  sp_class_solid is NULL for anything but a class. */
sp_Type *sp_class_solid(sp_Type *t);
sp_Str *sp_class_name(sp_Type *t);
uint32_t sp_class_flags(sp_Type *t);
sp_Type *sp_class_shell(sp_VM *vm, sp_Type *solid);
bool sp_class_restore(sp_VM *vm, sp_Type *t, sp_Type *meta, sp_Str *name, sp_Tuple *bases,
                      sp_Dict *dict, uint32_t flags);
sp_Value sp_class_alloc(sp_VM *vm, sp_Type *t);
sp_Dict **sp_class_dictp(sp_Value self);
int sp_class_user_hash(sp_VM *vm, sp_Type *t);
bool sp_class_hash(sp_VM *vm, sp_Value self, int64_t *out); /* a class's hash slot */

/* Metaclasses (sp_meta.c).  A class statement: the metaclass (explicit
 * one, SP_NULLV if none, refined by the bases' metaclasses), its
 * namespace (__prepare__) and the call meta(name, bases, ns, **kw). */
sp_Value sp_meta_calc(sp_VM *vm, sp_Value meta, sp_Tuple *bases);
sp_Value sp_meta_prepare(sp_VM *vm, sp_Value meta, sp_Value name, sp_Value bases, sp_Value *kwv,
                         sp_Tuple *kw);
sp_Value sp_meta_call(sp_VM *vm, sp_Value meta, sp_Value name, sp_Value bases, sp_Value ns,
                      sp_Value *kwv, sp_Tuple *kw);
/* type.__new__(meta, *args, **kw) and type.__init__'s argument check
 * (nargs without self): the builtin part of a metaclass's construction. */
sp_Value sp_meta_type_new(sp_VM *vm, sp_Type *meta, sp_Value *args, int nargs, sp_Tuple *kw);
sp_Value sp_meta_type_init(sp_VM *vm, int nargs, sp_Tuple *kw);
/* type(name, bases, dict): a base's metaclass, if any, makes the class. */
sp_Value sp_meta_type3(sp_VM *vm, sp_Value *args);
/* isinstance/issubclass(v, cls) when type(cls) is a Python metaclass. */
int sp_meta_check(sp_VM *vm, sp_Value v, sp_Value cls, bool sub);
/* type's methods reachable from Python (type.__new__, C.mro...). */
extern const sp_MethodDef sp_meta_type_methods[];

/* Classes deriving from int, float, str, bytes (boxed instances), tuple,
 * namedtuple classes, set and frozenset (embedded layout).  (sp_subclass.c) */
sp_Type *sp_sub_solid(sp_Type *b);   /* the layout builtin b gives, NULL if none here */
bool sp_sub_boxed(sp_Type *solid);   /* instances are sp_Box */
sp_Type *sp_sub_slots(sp_Type *k);   /* whose C slots serve a class for builtin k */
sp_Value sp_sub_new(sp_VM *vm, sp_Type *t, sp_Type *solid, sp_Value *args, int nargs, sp_Tuple *kw);
sp_Value sp_sub_init(sp_VM *vm, sp_Type *solid, sp_Value self, sp_Value *args, int nargs,
                     sp_Tuple *kw);
const sp_MethodDef *sp_sub_extra(sp_Type *k, sp_Str *name); /* int.__new__, set.__init__... */
bool sp_sub_set_class(sp_VM *vm, sp_Value self, sp_Value v); /* obj.__class__ = v */
/* Attributes the builtin base serves itself (namedtuple fields); SP_NULLV if none. */
sp_Value sp_sub_getattr(sp_VM *vm, sp_Value self, sp_Str *name);
/* Raises the error for an attribute __slots__ does not allow (a namedtuple
 * field: "can't set attribute"); false. */
bool sp_sub_setattr_denied(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v);

/* Classes deriving from defaultdict, OrderedDict, Counter and deque: the
 * type's own layout, __dict__ pointer at the end (sp_collections.c). */
sp_Type *sp_coll_solid(sp_Type *b); /* b if it is one of those, else NULL */
bool sp_dt_stateless(sp_Type *b);  /* datetime.tzinfo: classes deriving from it are laid out as object's */
bool sp_dt_args_ok(sp_Type *t);    /* a tzinfo class: object.__init__ ignores arguments */
/* date, time, datetime, timedelta: b if it is one of those, else NULL; an
 * instance of a class deriving from one is made by solid->new_(vm, t, ...)
 * or, bare with valid fields (snapshots), by sp_dt_alloc. */
sp_Type *sp_dt_solid(sp_Type *b);
sp_Value sp_dt_alloc(sp_VM *vm, sp_Type *t, sp_Type *solid);
sp_Value sp_dt_constant(sp_Type *t, sp_Str *name); /* D.min for a class D(date); SP_NULLV if none */
sp_Value sp_dt_clone(sp_VM *vm, sp_Value x);       /* copy of such an instance's fields (copy module) */
sp_Value sp_coll_alloc(sp_VM *vm, sp_Type *t, sp_Type *solid); /* empty instance */
sp_Value sp_coll_init(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw);
/* What __mro__ (drop) and __bases__ show of a tuple of types, and __base__
 * of a type: without the hidden class under a typing.NamedTuple class. */
sp_Value sp_nt_shown(sp_VM *vm, sp_Value types, bool drop);
sp_Type *sp_nt_shown_base(sp_Type *t);
bool sp_nt_meta(sp_Type *t); /* namedtuple classes' metatype: type() shows `type` */

/* list[int] and int | None (sp_generic.c) */
sp_Value sp_generic_alias(sp_VM *vm, sp_Value origin, sp_Value args);
sp_Value sp_generic_or(sp_VM *vm, int op, sp_Value a, sp_Value b); /* type's binop slot */
sp_Value sp_generic_type_getitem(sp_VM *vm, sp_Value cls, sp_Value key); /* type's getitem */

/* dataclasses and __future__ (sp_dataclass.c) */
bool sp_dataclasses_init(sp_VM *vm, sp_Module *m);
/* Modules written in Python (sp_pymod.c): run src (embedded) with the
 * natives `privates` in its private globals, then copy `names` into m. */
bool sp_pymod_load(sp_VM *vm, sp_Module *m, const char *src, size_t n, const char *file,
                   const sp_MethodDef *privates, const char *const *names);
bool sp_abc_init(sp_VM *vm, sp_Module *m);
bool sp_enum_init(sp_VM *vm, sp_Module *m);
/* A read-only mappingproxy over dict d (C.__dict__, EnumType.__members__). */
sp_Value sp_class_proxy(sp_VM *vm, sp_Value d);
bool sp_future_init(sp_VM *vm, sp_Module *m);

#endif
