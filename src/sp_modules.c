/* sp_modules.c - the module type and import.
 *
 * There is no file system behind import: a module is either already in
 * vm->modules or built by one of the native init functions listed below.
 * Anything else (os, sys, subprocess...) is ModuleNotFoundError. */
#include "sp_class.h"

#define MOD(v) ((sp_Module *)SP_O(v))

/* ------------------------------------------------------------ the type */

static void module_traverse(sp_VM *vm, sp_Obj *o) {
    sp_Module *m = (sp_Module *)o;
    sp_gc_marko(vm, (sp_Obj *)m->name);
    sp_gc_marko(vm, (sp_Obj *)m->dict);
}

static sp_Value module_repr(sp_VM *vm, sp_Value self) {
    sp_Module *m = MOD(self);
    if (sp_str_eqc(m->name, "__main__")) return sp_fmt(vm, "<module '__main__'>");
    return sp_fmt(vm, "<module '%U' (built-in)>", m->name);
}

static sp_Value module_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    sp_Module *m = MOD(self);
    sp_Value v = sp_dict_gets(m->dict, name);
    if (!sp_isnull(v)) return v;
    if (sp_str_eqc(name, "__dict__")) return sp_objv(m->dict);
    return sp_generic_getattr(vm, self, name);
}

static bool module_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    sp_Module *m = MOD(self);
    if (!sp_isnull(v)) return sp_dict_sets(vm, m->dict, name, v);
    int r = sp_dict_del(vm, m->dict, sp_objv(name));
    if (r == 0)
        sp_raise(vm, &sp_t_AttributeError, "module '%U' has no attribute '%U'", m->name, name);
    return r > 0;
}

sp_Type sp_t_module = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "module",
    .base = &sp_t_object,
    .traverse = module_traverse,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = module_setattr,
};

/* No Python code runs here, so nothing can be collected: no pins. */
sp_Value sp_module_new(sp_VM *vm, const char *name) {
    sp_Value nm = sp_str_intern_cstr(vm, name), d = sp_dict_new(vm);
    if (sp_iserr(nm) || sp_iserr(d)) return SP_ERRV;
    sp_Module *m = sp_newobj(vm, &sp_t_module, sizeof *m);
    if (!m) return SP_ERRV;
    m->name = SP_STR(nm);
    m->dict = SP_DICT(d);
    if (!sp_module_add(vm, m, "__name__", nm) || !sp_module_add(vm, m, "__doc__", SP_NONEV))
        return SP_ERRV;
    return sp_objv(m);
}

bool sp_module_add(sp_VM *vm, sp_Module *m, const char *name, sp_Value v) {
    sp_Value k = sp_str_intern_cstr(vm, name);
    return !sp_iserr(k) && sp_dict_sets(vm, m->dict, SP_STR(k), v);
}

bool sp_module_add_funcs(sp_VM *vm, sp_Module *m, const sp_MethodDef *defs) {
    for (; defs->name; defs++) {
        sp_Value f = sp_cfunc_new(vm, defs->name, defs->fn, SP_NULLV, NULL);
        if (sp_iserr(f) || !sp_module_add(vm, m, defs->name, f)) return false;
    }
    return true;
}

/* ------------------------------------------------------------ import */

typedef struct NativeModule {
    const char *name;
    sp_ModuleInit init;
} NativeModule;

/* Every importable module.  Nothing here may reach the host. */
static const NativeModule native_modules[] = {
    {"json", sp_json_init},
    {"re", sp_re_init},
    {"typing", sp_typing_init},
    {"math", sp_math_init},
    {"itertools", sp_itertools_init},
    {"functools", sp_functools_init},
    {"operator", sp_operator_init},
    {"copy", sp_copy_init},
    {"string", sp_string_init},
    {"base64", sp_base64_init},
    {"binascii", sp_binascii_init},
    {"collections", sp_collections_init},
    {"datetime", sp_datetime_init},
    {"statistics", sp_statistics_init},
    {"textwrap", sp_textwrap_init},
    {"heapq", sp_heapq_init},
    {"bisect", sp_bisect_init},
    {"random", sp_random_init},
    {"hashlib", sp_hashlib_init},
    {"dataclasses", sp_dataclasses_init},
    {"abc", sp_abc_init},
    {"enum", sp_enum_init},
    {"__future__", sp_future_init},
};

static const NativeModule *find_native(const char *name, size_t len) {
    for (size_t i = 0; i < sizeof native_modules / sizeof native_modules[0]; i++)
        if (strlen(native_modules[i].name) == len && memcmp(native_modules[i].name, name, len) == 0)
            return &native_modules[i];
    return NULL;
}

/* "import a.b" with no package a reports a, as CPython does. */
static sp_Value not_found(sp_VM *vm, sp_Str *name) {
    const char *dot = memchr(name->data, '.', name->len);
    size_t n = name->len;
    if (dot && !find_native(name->data, (size_t)(dot - name->data))) n = (size_t)(dot - name->data);
    sp_Value nm = sp_str_new(vm, name->data, n);
    sp_Value msg = sp_iserr(nm) ? nm : sp_fmt(vm, "No module named '%S'", nm);
    sp_Value args = sp_iserr(msg) ? msg : sp_tuple_pack(vm, 1, &msg);
    sp_Value e = sp_iserr(args) ? args : sp_exc_new(vm, &sp_t_ModuleNotFoundError, args);
    sp_Value key = sp_iserr(e) ? e : sp_str_intern_cstr(vm, "name");
    if (sp_iserr(key) || !sp_setattr(vm, e, SP_STR(key), nm)) return SP_ERRV;
    return sp_raisev(vm, e);
}

sp_Value sp_import(sp_VM *vm, sp_Str *name) {
    if (!vm->modules) {
        sp_Value d = sp_dict_new(vm);
        if (sp_iserr(d)) return d;
        vm->modules = SP_DICT(d);
    }
    sp_Value m = sp_dict_gets(vm->modules, name);
    if (!sp_isnull(m)) return m;
    const NativeModule *nm = find_native(name->data, name->len);
    if (!nm) return not_found(vm, name);
    m = sp_module_new(vm, nm->name);
    if (sp_iserr(m)) return m;
    /* Registered before init (as CPython) so a failed init can be undone. */
    if (!sp_dict_sets(vm, vm->modules, name, m)) return SP_ERRV;
    if (!nm->init(vm, MOD(m))) {
        sp_Value exc = sp_err_fetch(vm);
        sp_dict_del(vm, vm->modules, sp_objv(name));
        vm->exc = exc;
        return SP_ERRV;
    }
    return m;
}
