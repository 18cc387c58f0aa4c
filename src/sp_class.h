/* sp_class.h - user-defined classes (sp_class.c): the hooks other modules
 * call.  A class is a heap type (sp_Type with SP_TF_HEAPTYPE) whose slots
 * dispatch to dunder methods found along its MRO. */
#ifndef SP_CLASS_H
#define SP_CLASS_H

#include "sp.h"

/* Builtins (sp_builtins.c's table). */
extern sp_CFunc sp_build_class_fn;
extern sp_Type sp_t_super, sp_t_property, sp_t_staticmethod, sp_t_classmethod;

/* type(name, bases, dict) */
sp_Value sp_class_type_new(sp_VM *vm, sp_Value name, sp_Value bases, sp_Value dict);
/* Attribute get/set on a heap type object (C.x, C.x = v). */
sp_Value sp_class_type_getattr(sp_VM *vm, sp_Type *t, sp_Str *name);
bool sp_class_type_setattr(sp_VM *vm, sp_Type *t, sp_Str *name, sp_Value v);
/* GC traversal of a heap type object (sp_t_type's traverse slot). */
void sp_class_type_traverse(sp_VM *vm, sp_Obj *o);
/* LOAD_METHOD on an instance of a heap type: true with *fn set when name
 * is a plain Python function of the class (not shadowed by the instance),
 * so the VM calls fn(o, ...) without allocating a bound method. */
bool sp_class_method(sp_VM *vm, sp_Value o, sp_Str *name, sp_Value *fn);
/* Calling class t from the VM: when __init__ is a plain Python function
 * (and no __new__ is), a new instance with *init set, so the VM runs
 * __init__ in its own loop; SP_NULLV otherwise (use t's new_ slot). */
sp_Value sp_class_new_for_init(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw,
                               sp_Value *init);
/* The native wrapping the C slot behind dunder `name` when builtin type t
 * implements it (list.__repr__, dict.__getitem__): for sp_find_method. */
const sp_MethodDef *sp_class_slot_method(sp_Type *t, sp_Str *name);

/* object's methods that need the class machinery (sp_misc.c's table). */
sp_Value sp_class_obj_new(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);
sp_Value sp_class_obj_setattr(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);
sp_Value sp_class_obj_delattr(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);
sp_Value sp_class_obj_getattribute(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);
sp_Value sp_class_obj_init_subclass(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw);

/* list[int] and int | None (sp_generic.c) */
sp_Value sp_generic_alias(sp_VM *vm, sp_Value origin, sp_Value args);
sp_Value sp_generic_or(sp_VM *vm, int op, sp_Value a, sp_Value b); /* type's binop slot */
sp_Value sp_generic_type_getitem(sp_VM *vm, sp_Value cls, sp_Value key); /* type's getitem */

/* dataclasses and __future__ (sp_dataclass.c) */
bool sp_dataclasses_init(sp_VM *vm, sp_Module *m);
bool sp_future_init(sp_VM *vm, sp_Module *m);

#endif
