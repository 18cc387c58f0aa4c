/* sp_pymod.c - standard modules written in Python (abc, enum, and the
 * loader dataclasses uses too).
 *
 * Each source (src/sp_<name>.py) is embedded as a C string by
 * tools/embed_py.py and compiled at import into a private globals dict,
 * where a module may also find a few natives meant only for it; user code
 * sees only the public names, copied into the module.  No Python object
 * exposes a function's globals, so those natives stay private. */
#include "sp_class.h"
#include "sp_abc_py.h"
#include "sp_enum_py.h"

bool sp_pymod_load(sp_VM *vm, sp_Module *m, const char *src, size_t n, const char *file,
                   const sp_MethodDef *privates, const char *const *names) {
    sp_Value g = sp_dict_new(vm), nk = sp_str_intern_cstr(vm, "__name__");
    if (sp_iserr(g) || sp_iserr(nk) || !sp_pin(vm, g)) return false;
    sp_Dict *d = SP_DICT(g);
    bool ok = sp_dict_sets(vm, d, SP_STR(nk), sp_objv(m->name));
    for (; ok && privates && privates->name; privates++) {
        sp_Value f = sp_cfunc_new(vm, privates->name, privates->fn, SP_NULLV, NULL);
        sp_Value k = sp_iserr(f) ? f : sp_str_intern_cstr(vm, privates->name);
        ok = !sp_iserr(k) && sp_dict_sets(vm, d, SP_STR(k), f);
    }
    sp_Value code = ok ? sp_compile(vm, src, n, file) : SP_ERRV;
    if (!sp_iserr(code) && sp_pin(vm, code)) {
        ok = !sp_iserr(sp_run_code(vm, code, d));
        sp_unpin(vm, 1);
    } else {
        ok = false;
    }
    for (int i = 0; ok && names[i]; i++) {
        sp_Value k = sp_str_intern_cstr(vm, names[i]);
        sp_Value v = sp_iserr(k) ? k : sp_dict_gets(d, SP_STR(k));
        ok = !sp_iserr(v) && (sp_isnull(v) || sp_module_add(vm, m, names[i], v));
    }
    /* Snapshots refer to these globals by the key " NAME" (sp_snap.c), which
     * no import statement can spell. */
    sp_Value pk = ok ? sp_fmt(vm, " %U", m->name) : SP_ERRV;
    ok = ok && !sp_iserr(pk) && sp_dict_set(vm, vm->modules, pk, g);
    sp_unpin(vm, 1);
    return ok;
}

bool sp_abc_init(sp_VM *vm, sp_Module *m) {
    static const char *const names[] = {
        "ABC", "ABCMeta", "abstractmethod", "abstractclassmethod", "abstractstaticmethod",
        "abstractproperty", "get_cache_token", "update_abstractmethods", NULL,
    };
    return sp_pymod_load(vm, m, SP_ABC_PY, sizeof SP_ABC_PY - 1, "abc.py", NULL, names);
}

/* _mappingproxy(d): EnumType.__members__, a read-only view of a dict. */
static sp_Value en_proxy(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "_mappingproxy", kw) || !sp_check_nargs(vm, "_mappingproxy", nargs, 1, 1))
        return SP_ERRV;
    if (!sp_isdict(args[0])) return sp_raise(vm, &sp_t_TypeError, "_mappingproxy(dict)");
    return sp_class_proxy(vm, args[0]);
}

bool sp_enum_init(sp_VM *vm, sp_Module *m) {
    static const sp_MethodDef privates[] = {{"_mappingproxy", en_proxy, 0}, {NULL, NULL, 0}};
    static const char *const names[] = {
        "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum", "EnumType", "EnumMeta",
        "auto", "unique", "member", "nonmember", "property", "FlagBoundary", "STRICT",
        "CONFORM", "EJECT", "KEEP", NULL,
    };
    return sp_pymod_load(vm, m, SP_ENUM_PY, sizeof SP_ENUM_PY - 1, "enum.py", privates, names);
}
