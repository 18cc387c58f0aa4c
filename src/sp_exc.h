/* sp_exc.h - for modules that define their own static exception types
 * (json.JSONDecodeError): the slots of sp_exc.c, to build a type object
 * with SP_EXC_TYPE_INIT.  Attributes beyond args live in sp_Exc.dict. */
#ifndef SP_EXC_H
#define SP_EXC_H

#include "sp.h"

void sp_exc_traverse(sp_VM *vm, sp_Obj *o);
sp_Value sp_exc_new_slot(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw);
sp_Value sp_exc_repr(sp_VM *vm, sp_Value self);
sp_Value sp_exc_base_str(sp_VM *vm, sp_Value self); /* BaseException.__str__ */
sp_Value sp_exc_getattr(sp_VM *vm, sp_Value self, sp_Str *name);
bool sp_exc_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v);

#define SP_EXC_TYPE_INIT(NAME, BASE, GS_, STR, METHODS)                                    \
    {                                                                                      \
        .h = SP_STATIC_HDR(&sp_t_type), .name = NAME, .base = BASE,                        \
        .flags = SP_TF_BASETYPE | SP_TF_EXCEPTION, .methods = METHODS, .getsets = GS_,     \
        .traverse = sp_exc_traverse, .new_ = sp_exc_new_slot, .repr = sp_exc_repr,         \
        .str = STR, .getattr = sp_exc_getattr, .setattr = sp_exc_setattr,                  \
    }

#endif
