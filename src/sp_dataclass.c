/* sp_dataclass.c - the dataclasses module.
 *
 * Written in Python (src/sp_dataclass.py, embedded by tools/embed_py.py):
 * like CPython's, it generates __init__/__repr__/__eq__... as source and
 * compiles them.  The compiler is reachable only through the private
 * globals of that code (no Python object exposes a function's globals);
 * user code sees the public names, copied into the module. */
#include "sp_class.h"
#include "sp_dataclass_py.h"

/* _compile(src, globals): run src as a module body in globals. */
static sp_Value dc_compile(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "_compile", kw) || !sp_check_nargs(vm, "_compile", nargs, 2, 2))
        return SP_ERRV;
    if (!sp_isstr(args[0]) || !sp_isdict(args[1]))
        return sp_raise(vm, &sp_t_TypeError, "_compile(str, dict)");
    sp_Str *src = SP_STR(args[0]);
    sp_Value code = sp_compile(vm, src->data, src->len, "<string>");
    if (sp_iserr(code) || !sp_pin(vm, code)) return SP_ERRV;
    sp_Value r = sp_run_code(vm, code, SP_DICT(args[1]));
    sp_unpin(vm, 1);
    return sp_iserr(r) ? r : args[1];
}

static const char *const public_names[] = {
    "dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING",
    "fields", "asdict", "astuple", "replace", "is_dataclass", NULL,
};

bool sp_dataclasses_init(sp_VM *vm, sp_Module *m) {
    static const sp_MethodDef privates[] = {{"_compile", dc_compile, 0}, {NULL, NULL, 0}};
    return sp_pymod_load(vm, m, SP_DATACLASS_PY, sizeof SP_DATACLASS_PY - 1, "dataclasses.py",
                         privates, public_names);
}

/* __future__: its features are compile-time flags (the compiler reads
 * `from __future__ import annotations`); the module only has to exist. */
bool sp_future_init(sp_VM *vm, sp_Module *m) {
    static const char *const features[] = {"annotations", "division", "absolute_import",
                                           "print_function", "unicode_literals", "generator_stop",
                                           "nested_scopes", "generators", "with_statement", NULL};
    for (int i = 0; features[i]; i++)
        if (!sp_module_add(vm, m, features[i], SP_TRUEV)) return false;
    return true;
}
