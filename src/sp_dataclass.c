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
    sp_Value g = sp_dict_new(vm), name = sp_str_intern_cstr(vm, "dataclasses");
    if (sp_iserr(g) || sp_iserr(name) || !sp_pin(vm, g)) return false;
    sp_Dict *d = SP_DICT(g);
    bool ok = false;
    sp_Value comp = sp_cfunc_new(vm, "_compile", dc_compile, SP_NULLV, NULL);
    sp_Value nk = sp_str_intern_cstr(vm, "__name__"), ck = sp_str_intern_cstr(vm, "_compile");
    if (sp_iserr(comp) || sp_iserr(nk) || sp_iserr(ck) || !sp_dict_sets(vm, d, SP_STR(nk), name) ||
        !sp_dict_sets(vm, d, SP_STR(ck), comp))
        goto done;
    sp_Value code = sp_compile(vm, SP_DATACLASS_PY, sizeof SP_DATACLASS_PY - 1, "dataclasses.py");
    if (sp_iserr(code) || !sp_pin(vm, code)) goto done;
    ok = !sp_iserr(sp_run_code(vm, code, d));
    sp_unpin(vm, 1);
    for (int i = 0; ok && public_names[i]; i++) {
        sp_Value k = sp_str_intern_cstr(vm, public_names[i]);
        ok = !sp_iserr(k) && sp_module_add(vm, m, public_names[i], sp_dict_gets(d, SP_STR(k)));
    }
done:
    sp_unpin(vm, 1);
    return ok;
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
