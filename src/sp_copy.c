/* sp_copy.c - the copy module: copy() and deepcopy().
 *
 * The builtin containers are copied directly; instances of user classes
 * follow CPython's protocol (__copy__ / __deepcopy__, else a new instance
 * from cls.__new__(cls) whose state, __getstate__() or the instance dict,
 * is copied and restored with __setstate__ or a dict update).  Native
 * types without a copy protocol are immutable for our purposes and are
 * returned as they are.
 *
 * deepcopy recurses in C over user data: every level is counted against
 * the shared recursion budget (two units for a list or dict level, as
 * CPython's deepcopy + _deepcopy_list frames), so a deeply nested value
 * ends in RecursionError.  The memo (id -> copy) is a Python dict that
 * __deepcopy__ methods receive, and it makes cycles and shared
 * references come out as in the original. */
#include "sp_class.h"
#include "sp_code.h"
#include "sp_cont.h"
#include "sp_exc.h"

static sp_Value call_method(sp_VM *vm, sp_Value obj, const char *name, sp_Value *args, int n) {
    sp_Value m = sp_getattrs(vm, obj, name);
    if (sp_iserr(m) || !sp_pin(vm, m)) return SP_ERRV;
    sp_Value r = sp_call(vm, m, args, n, NULL);
    sp_unpin(vm, 1);
    return r;
}

/* The class's own attribute `name` (SP_NULLV if none). */
static sp_Value class_attr(sp_VM *vm, sp_Value x, const char *name) {
    sp_Value n = sp_str_intern_cstr(vm, name);
    return sp_iserr(n) ? n : sp_type_lookup(vm, sp_typeof(x), SP_STR(n));
}

static bool is_atomic(sp_Value x) {
    if (x.tag != SP_OBJ) return true;
    sp_Type *t = sp_typeof(x);
    return t == &sp_t_str || t == &sp_t_bytes || t == &sp_t_bigint_ || t == &sp_t_range ||
           t == &sp_t_cfunc || t == &sp_t_NotImplementedType || t == &sp_t_ellipsis ||
           sp_isinst(x, &sp_t_type) || t == &sp_t_function || t == &sp_t_property;
}

static bool is_user(sp_Value x) { return (sp_typeof(x)->flags & SP_TF_HEAPTYPE) != 0; }

static sp_Value memo_key(sp_VM *vm, sp_Value x) {
    return sp_int((int64_t)(sp_obj_id(vm, SP_O(x)) & INT64_MAX));
}

/* ------------------------------------------------------------ instances */

/* cls.__new__(cls), then state (deep-copied when memo is set) restored. */
static sp_Value deepcopy_in(sp_VM *vm, sp_Value x, sp_Value memo);

static sp_Value reconstruct(sp_VM *vm, sp_Value x, sp_Value memo) {
    sp_Value cls = sp_objv(sp_typeof(x));
    sp_Type *solid = sp_class_solid(sp_typeof(x));
    /* CPython's date.__reduce__ carries the fields only: no __dict__ state */
    if (solid && sp_dt_solid(solid)) return sp_dt_clone(vm, x);
    sp_Value y = call_method(vm, cls, "__new__", &cls, 1);
    if (sp_iserr(y) || !sp_pin(vm, y)) return SP_ERRV;
    sp_Value r = SP_ERRV;
    if (!sp_isnull(memo) && !sp_setitem(vm, memo, memo_key(vm, x), y)) goto out;
    sp_Value gs = class_attr(vm, x, "__getstate__");
    bool slotted = sp_isnull(gs) && sp_class_slotted(sp_typeof(x));
    sp_Value state = sp_iserr(gs) ? gs : slotted ? sp_class_slot_state(vm, x)
                                       : sp_isnull(gs) ? sp_getattrs(vm, x, "__dict__")
                                                        : call_method(vm, x, "__getstate__", NULL, 0);
    if (sp_iserr(state)) goto out;
    if (sp_isnull(state) || sp_isnone(state)) {
        r = y;
        goto out;
    }
    if (!sp_isnull(memo)) state = deepcopy_in(vm, state, memo);
    if (sp_iserr(state) || !sp_pin(vm, state)) goto out;
    sp_Value ss = class_attr(vm, x, "__setstate__");
    if (!sp_iserr(ss) && !sp_isnull(ss)) r = call_method(vm, y, "__setstate__", &state, 1);
    else if (!sp_iserr(ss) && slotted) r = sp_class_set_slots(vm, y, state) ? SP_NONEV : SP_ERRV;
    else if (!sp_iserr(ss)) {
        sp_Value d = sp_getattrs(vm, y, "__dict__");
        r = sp_iserr(d) ? d : call_method(vm, d, "update", &state, 1);
    }
    sp_unpin(vm, 1);
    if (!sp_iserr(r)) r = y;
out:
    sp_unpin(vm, 1);
    return r;
}

/* ------------------------------------------------------------ copy */

/* copy and deepcopy are Python functions in CPython: their messages. */
static bool py_args(sp_VM *vm, const char *f, sp_Value *args, int nargs, sp_Tuple *kw,
                    const char *spec, sp_Value *o, int max) {
    if (nargs == 0 && (!kw || kw->n == 0)) {
        sp_raise(vm, &sp_t_TypeError, "%s() missing 1 required positional argument: 'x'", f);
        return false;
    }
    if (nargs > max) {
        if (max == 1) sp_raise(vm, &sp_t_TypeError, "%s() takes 1 positional argument but %d were given", f, nargs);
        else sp_raise(vm, &sp_t_TypeError, "%s() takes from 1 to %d positional arguments but %d were given", f, max, nargs);
        return false;
    }
    return sp_parse_args(vm, f, args, nargs, kw, spec, o);
}

static sp_Value shallow(sp_VM *vm, sp_Value x) {
    if (is_atomic(x)) return x;
    sp_Type *t = sp_typeof(x);
    if (t == &sp_t_tuple || t == &sp_t_frozenset) return x;
    if (t == &sp_t_list) return sp_list_from_iter(vm, x);
    if (t == &sp_t_dict) {
        sp_Value d = sp_dict_new(vm);
        return sp_iserr(d) || !sp_dict_update(vm, SP_DICT(d), x) ? SP_ERRV : d;
    }
    if (t == &sp_t_set) return spc_set_from(vm, &sp_t_set, x);
    sp_Value cp = class_attr(vm, x, "__copy__");
    if (sp_iserr(cp) || !sp_isnull(cp)) return sp_iserr(cp) ? cp : call_method(vm, x, "__copy__", NULL, 0);
    if (is_user(x)) return reconstruct(vm, x, SP_NULLV);
    if (SPC_ISLIST(x) || SPC_ISDICT(x) || SPC_ISANYSET(x)) { /* native subclasses (Counter...) */
        sp_Value c = class_attr(vm, x, "copy");
        if (!sp_iserr(c) && !sp_isnull(c)) return call_method(vm, x, "copy", NULL, 0);
    }
    return x;
}

static sp_Value f_copy(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    if (!py_args(vm, "copy", args, nargs, kw, "x", o, 1)) return SP_ERRV;
    return shallow(vm, o[0]);
}

/* ------------------------------------------------------------ deepcopy */

static bool enter(sp_VM *vm, int units) {
    for (int i = 0; i < units; i++)
        if (!SP_ENTER_PY(vm, " while calling a Python object")) {
            while (i-- > 0) SP_LEAVE(vm);
            return false;
        }
    return true;
}

static void leave(sp_VM *vm, int units) {
    while (units-- > 0) SP_LEAVE(vm);
}

typedef struct Deep {
    sp_Value memo, out;
} Deep;

static bool deep_append(sp_VM *vm, void *ud, sp_Value item) {
    Deep *d = ud;
    sp_Value y = deepcopy_in(vm, item, d->memo);
    return !sp_iserr(y) && sp_list_append(vm, SP_LIST(d->out), y);
}

/* y = empty container registered in the memo, then filled. */
static sp_Value deep_list(sp_VM *vm, sp_Value x, sp_Value memo) {
    sp_Value y = sp_list_with_cap(vm, 0);
    if (sp_iserr(y) || !sp_pin(vm, y)) return SP_ERRV;
    Deep d = {memo, y};
    bool ok = sp_setitem(vm, memo, memo_key(vm, x), y) && spc_foreach(vm, x, deep_append, &d);
    sp_unpin(vm, 1);
    return ok ? y : SP_ERRV;
}

static sp_Value deep_dict(sp_VM *vm, sp_Value x, sp_Value memo) {
    sp_Value y = sp_dict_new(vm);
    if (sp_iserr(y) || !sp_pin(vm, y)) return SP_ERRV;
    bool ok = sp_setitem(vm, memo, memo_key(vm, x), y);
    sp_Value items = ok ? sp_list_from_iter(vm, call_method(vm, x, "items", NULL, 0)) : SP_ERRV;
    ok = !sp_iserr(items) && sp_pin(vm, items);
    for (size_t i = 0; ok && i < SP_LIST(items)->n; i++) {
        sp_Tuple *kv = SP_TUPLE(SP_LIST(items)->items[i]);
        sp_Value k = deepcopy_in(vm, kv->items[0], memo);
        ok = !sp_iserr(k) && sp_pin(vm, k);
        if (!ok) break;
        sp_Value v = deepcopy_in(vm, kv->items[1], memo);
        ok = !sp_iserr(v) && sp_dict_set(vm, SP_DICT(y), k, v);
        sp_unpin(vm, 1);
    }
    if (!sp_iserr(items)) sp_unpin(vm, 1);
    sp_unpin(vm, 1);
    return ok ? y : SP_ERRV;
}

/* Items deep-copied into a list (tuples, sets). */
static sp_Value deep_items(sp_VM *vm, sp_Value x, sp_Value memo) {
    sp_Value l = sp_list_with_cap(vm, 0);
    if (sp_iserr(l) || !sp_pin(vm, l)) return SP_ERRV;
    Deep d = {memo, l};
    bool ok = spc_foreach(vm, x, deep_append, &d);
    sp_unpin(vm, 1);
    return ok ? l : SP_ERRV;
}

static sp_Value deep_tuple(sp_VM *vm, sp_Value x, sp_Value memo) {
    sp_Value l = deep_items(vm, x, memo), y;
    if (sp_iserr(l)) return l;
    int found = sp_dict_get(vm, SP_DICT(memo), memo_key(vm, x), &y); /* a cycle made it already */
    if (found) return found < 0 ? SP_ERRV : y;
    sp_Tuple *t = SP_TUPLE(x);
    for (size_t i = 0; i < t->n; i++)
        if (!sp_is(t->items[i], SP_LIST(l)->items[i])) return sp_tuple_from_iter(vm, l);
    return x;
}

/* Native containers without their own deep copy (Counter, deque...):
 * a shallow copy whose items are then replaced by deep copies. */
static sp_Value deep_native(sp_VM *vm, sp_Value x, sp_Value memo) {
    sp_Value y = shallow(vm, x);
    if (sp_iserr(y) || sp_is(x, y) || !sp_pin(vm, y)) return sp_iserr(y) || sp_is(x, y) ? y : SP_ERRV;
    sp_Value r = SP_ERRV;
    if (!sp_setitem(vm, memo, memo_key(vm, x), y)) goto out;
    bool mapping = SPC_ISDICT(x);
    sp_Value src = mapping ? call_method(vm, x, "items", NULL, 0) : x;
    sp_Value items = sp_iserr(src) ? src : deep_items(vm, src, memo);
    if (sp_iserr(items) || !sp_pin(vm, items)) goto out;
    sp_Value c = call_method(vm, y, "clear", NULL, 0);
    if (!sp_iserr(c)) c = call_method(vm, y, mapping || SPC_ISANYSET(x) ? "update" : "extend", &items, 1);
    sp_unpin(vm, 1);
    if (!sp_iserr(c)) r = y;
out:
    sp_unpin(vm, 1);
    return r;
}

static sp_Value deep_dispatch(sp_VM *vm, sp_Value x, sp_Value memo) {
    sp_Type *t = sp_typeof(x);
    if (t == &sp_t_list) return deep_list(vm, x, memo);
    if (t == &sp_t_dict) return deep_dict(vm, x, memo);
    if (t == &sp_t_tuple) return deep_tuple(vm, x, memo);
    if (t == &sp_t_set || t == &sp_t_frozenset) {
        sp_Value l = deep_items(vm, x, memo);
        sp_Value y = sp_iserr(l) ? l : spc_set_from(vm, t, l);
        return sp_iserr(y) || sp_setitem(vm, memo, memo_key(vm, x), y) ? y : SP_ERRV;
    }
    sp_Value dc = class_attr(vm, x, "__deepcopy__");
    if (sp_iserr(dc)) return dc;
    if (!sp_isnull(dc)) return call_method(vm, x, "__deepcopy__", &memo, 1);
    if (is_user(x)) return reconstruct(vm, x, memo);
    return deep_native(vm, x, memo);
}

static sp_Value deepcopy_in(sp_VM *vm, sp_Value x, sp_Value memo) {
    if (is_atomic(x)) return x;
    sp_Value y;
    int found = sp_dict_get(vm, SP_DICT(memo), memo_key(vm, x), &y);
    if (found) return found < 0 ? SP_ERRV : y;
    int units = sp_istuple(x) ? 3 : 2;
    if (!enter(vm, units)) return SP_ERRV;
    y = sp_check_limits(vm) ? deep_dispatch(vm, x, memo) : SP_ERRV;
    leave(vm, units);
    return y;
}

static sp_Value f_deepcopy(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[3];
    if (!py_args(vm, "deepcopy", args, nargs, kw, "x|memo,_nil", o, 3)) return SP_ERRV;
    sp_Value memo = o[1];
    if (sp_isnull(memo) || sp_isnone(memo)) {
        memo = sp_dict_new(vm);
        if (sp_iserr(memo)) return memo;
    } else if (!SPC_ISDICT(memo)) { /* CPython fails on memo.get */
        sp_Value g = sp_getattrs(vm, memo, "get");
        if (sp_iserr(g)) return g;
        return sp_raise(vm, &sp_t_TypeError, "deepcopy() memo must be a dict, not '%T'", memo);
    }
    if (!sp_pin(vm, memo)) return SP_ERRV;
    sp_Value r = deepcopy_in(vm, o[0], memo);
    sp_unpin(vm, 1);
    return r;
}

/* ------------------------------------------------------------ module */

static sp_Type t_error = SP_EXC_TYPE_INIT("copy.Error", &sp_t_Exception, NULL, sp_exc_base_str, NULL);

static const sp_MethodDef copy_funcs[] = {
    {"copy", f_copy, 0}, {"deepcopy", f_deepcopy, 0}, {NULL, NULL, 0},
};

bool sp_copy_init(sp_VM *vm, sp_Module *m) {
    return sp_module_add_funcs(vm, m, copy_funcs) && sp_module_add(vm, m, "Error", sp_objv(&t_error)) &&
           sp_module_add(vm, m, "error", sp_objv(&t_error));
}
