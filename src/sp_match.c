/* sp_match.c - runtime support for the match statement: the work behind
 * MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS and MATCH_CLASS (see
 * sp_code.h), with CPython 3.11's semantics (ceval.c's match_keys and
 * match_class).  The compiler does the rest with ordinary opcodes.
 *
 * These run user code (__eq__, __hash__, a mapping's get, properties), so
 * every object built here is pinned while that can happen. */
#include "sp_code.h"

/* Does t or one of its bases carry flag?  Heap types list their bases in
 * the MRO; static ones have the single base chain. */
static bool type_flag(sp_Type *t, uint32_t flag) {
    if (sp_istuple(t->mro)) {
        sp_Tuple *m = SP_TUPLE(t->mro);
        for (size_t i = 0; i < m->n; i++)
            if (sp_isobj(m->items[i]) && (((sp_Type *)SP_O(m->items[i]))->flags & flag)) return true;
        return false;
    }
    for (; t; t = t->base)
        if (t->flags & flag) return true;
    return false;
}

bool sp_match_isseq(sp_Value v) {
    if (!sp_isobj(v)) return false;
    sp_Type *t = v.u.o->type;
    if (t == &sp_t_list || t == &sp_t_tuple) return true;
    if (t == &sp_t_str || t == &sp_t_dict) return false;
    return sp_issubtype(t, &sp_t_list) || sp_issubtype(t, &sp_t_tuple) ||
           sp_issubtype(t, &sp_t_range) || type_flag(t, SP_TF_SEQUENCE);
}

bool sp_match_ismap(sp_Value v) {
    if (!sp_isobj(v)) return false;
    sp_Type *t = v.u.o->type;
    return t == &sp_t_dict || sp_issubtype(t, &sp_t_dict) || type_flag(t, SP_TF_MAPPING);
}

/* Operands the compiler always builds the same way; a forged snapshot
 * stack must still not be trusted. */
static sp_Value bad_operand(sp_VM *vm, const char *op) {
    return sp_raise(vm, &sp_t_SystemError, "%s: bad operand", op);
}

/* ------------------------------------------------------------ MATCH_KEYS */

/* CPython adds each key to a set before looking it up: an unhashable key
 * raises TypeError, a key equal to an earlier one ValueError. */
static bool check_dup_key(sp_VM *vm, sp_Tuple *keys, size_t i, int64_t *hashes) {
    if (!sp_hash(vm, keys->items[i], &hashes[i])) return false;
    for (size_t j = 0; j < i; j++) {
        if (hashes[j] != hashes[i]) continue;
        int eq = sp_eq(vm, keys->items[j], keys->items[i]);
        if (eq < 0) return false;
        if (eq) {
            sp_raise(vm, &sp_t_ValueError, "mapping pattern checks duplicate key (%R)", keys->items[i]);
            return false;
        }
    }
    return true;
}

/* map[key] for an exact dict, else map.get(key, dummy): 1 found, 0 missing. */
static int lookup(sp_VM *vm, sp_Value map, sp_Value get, sp_Value dummy, sp_Value key, sp_Value *out) {
    if (sp_isnull(get)) return sp_dict_get(vm, SP_DICT(map), key, out);
    *out = sp_call2(vm, get, key, dummy);
    if (sp_iserr(*out)) return -1;
    return sp_is(*out, dummy) ? 0 : 1;
}

/* The values tuple: vals is pinned by the caller, get and dummy too. */
static sp_Value fill_values(sp_VM *vm, sp_Value map, sp_Tuple *keys, sp_Value vals, sp_Value get,
                            sp_Value dummy, int64_t *hashes) {
    for (size_t i = 0; i < keys->n; i++) {
        if (!sp_check_limits(vm) || !check_dup_key(vm, keys, i, hashes)) return SP_ERRV;
        sp_Value v;
        int f = lookup(vm, map, get, dummy, keys->items[i], &v);
        if (f < 0) return SP_ERRV;
        if (f == 0) return SP_NONEV;
        SP_TUPLE(vals)->items[i] = v;
    }
    return vals;
}

sp_Value sp_match_keys(sp_VM *vm, sp_Value map, sp_Value keys) {
    if (!sp_istuple(keys)) return bad_operand(vm, "MATCH_KEYS");
    sp_Tuple *k = SP_TUPLE(keys);
    if (!k->n) return sp_objv(&sp_empty_tuple);
    int64_t small[16], *hashes = small;
    size_t hbytes = 0;
    if (k->n > 16) {
        if (!sp_size_mul(vm, k->n, sizeof(int64_t), &hbytes) || !(hashes = sp_malloc(vm, hbytes)))
            return SP_ERRV;
    }
    size_t npins = 0;
    sp_Value r = sp_tuple_new(vm, k->n), get = SP_NULLV, dummy = SP_NULLV;
    if (sp_iserr(r) || !sp_pin(vm, r)) goto done;
    npins++;
    if (!sp_isdict(map)) { /* the mapping's own get (never __missing__) */
        get = sp_getattrs(vm, map, "get");
        if (sp_iserr(get) || !sp_pin(vm, get)) goto fail;
        npins++;
        dummy = sp_call0(vm, sp_objv(&sp_t_object));
        if (sp_iserr(dummy) || !sp_pin(vm, dummy)) goto fail;
        npins++;
    }
    r = fill_values(vm, map, k, r, get, dummy, hashes);
    goto done;
fail:
    r = SP_ERRV;
done:
    sp_unpin(vm, npins);
    if (hashes != small) sp_free(vm, hashes, hbytes);
    return r;
}

/* ------------------------------------------------------------ MATCH_CLASS */

/* Types whose single positional sub-pattern matches the subject itself
 * (CPython's _Py_TPFLAGS_MATCH_SELF, inherited by subclasses). */
static bool match_self(sp_Type *t) {
    static sp_Type *const self_types[] = {&sp_t_int, &sp_t_float, &sp_t_str, &sp_t_bytes,
                                          &sp_t_list, &sp_t_tuple, &sp_t_dict, &sp_t_set,
                                          &sp_t_frozenset}; /* bool is an int */
    for (size_t i = 0; i < sizeof self_types / sizeof *self_types; i++)
        if (sp_issubtype(t, self_types[i])) return true;
    return false;
}

/* getattr(o, name) with AttributeError turned into SP_NULLV. */
static sp_Value attr_or_null(sp_VM *vm, sp_Value o, sp_Str *name) {
    sp_Value v = sp_getattr_opt(vm, o, name);
    if (sp_iserr(v) && sp_err_matches(vm, &sp_t_AttributeError)) {
        sp_err_clear(vm);
        return SP_NULLV;
    }
    return v;
}

/* Attribute i of attrs, named names[i]; SP_NULLV: the subject lacks it. */
static sp_Value class_attr(sp_VM *vm, sp_Type *t, sp_Value subj, sp_Value *names, size_t i) {
    sp_Str *name = SP_STR(names[i]);
    for (size_t j = 0; j < i; j++) {
        if (!sp_check_limits(vm)) return SP_ERRV;
        if (!sp_isnull(names[j]) && sp_str_eq(SP_STR(names[j]), name))
            return sp_raise(vm, &sp_t_TypeError, "%s() got multiple sub-patterns for attribute %R",
                            t->name, names[i]);
    }
    return attr_or_null(vm, subj, name);
}

/* The positional attribute names (a str tuple), or via *self the subject
 * itself; SP_NULLV if the type accepts none. */
static sp_Value match_args(sp_VM *vm, sp_Type *t, uint32_t npos, bool *self) {
    sp_Value cls = sp_objv(t), name = sp_str_intern_cstr(vm, "__match_args__");
    if (sp_iserr(name)) return name;
    sp_Value ma = attr_or_null(vm, cls, SP_STR(name));
    if (sp_iserr(ma)) return ma;
    size_t allowed;
    *self = false;
    if (sp_isnull(ma)) {
        *self = match_self(t);
        allowed = *self ? 1 : 0;
    } else if (!sp_istype(ma, &sp_t_tuple)) {
        return sp_raise(vm, &sp_t_TypeError, "%s.__match_args__ must be a tuple (got %T)", t->name, ma);
    } else {
        allowed = SP_TUPLE(ma)->n;
    }
    if (allowed < npos)
        return sp_raise(vm, &sp_t_TypeError, "%s() accepts %zu positional sub-pattern%s (%u given)",
                        t->name, allowed, allowed == 1 ? "" : "s", (unsigned)npos);
    return ma;
}

/* attrs[0..n) from the names, n = npos + nkw. */
static sp_Value fill_attrs(sp_VM *vm, sp_Type *t, sp_Value subj, sp_Value attrs, sp_Value *names) {
    sp_Tuple *a = SP_TUPLE(attrs);
    for (size_t i = 0; i < a->n; i++) {
        if (sp_isnull(names[i])) continue; /* the subject itself, already there */
        if (!sp_isstr(names[i])) /* only __match_args__ items can be other things */
            return sp_raise(vm, &sp_t_TypeError, "__match_args__ elements must be strings (got %T)",
                            names[i]);
        sp_Value v = class_attr(vm, t, subj, names, i);
        if (sp_iserr(v)) return v;
        if (sp_isnull(v)) return SP_NONEV;
        a->items[i] = v;
    }
    return attrs;
}

/* names[i] for every attribute: __match_args__ items then the keywords;
 * SP_NULLV for the subject itself (match-self types). */
static sp_Value *attr_names(sp_VM *vm, sp_Value ma, bool self, uint32_t npos, sp_Tuple *kw, size_t *bytes) {
    size_t n = (size_t)npos + kw->n;
    sp_Value *names;
    if (!sp_size_mul(vm, n ? n : 1, sizeof(sp_Value), bytes) || !(names = sp_malloc(vm, *bytes)))
        return NULL;
    for (size_t i = 0; i < npos; i++) names[i] = self ? SP_NULLV : SP_TUPLE(ma)->items[i];
    for (size_t i = 0; i < kw->n; i++) names[npos + i] = kw->items[i];
    return names;
}

sp_Value sp_match_class(sp_VM *vm, sp_Value subj, sp_Value cls, uint32_t npos, sp_Value kwnames) {
    if (!sp_istuple(kwnames)) return bad_operand(vm, "MATCH_CLASS");
    sp_Tuple *kw = SP_TUPLE(kwnames);
    for (size_t i = 0; i < kw->n; i++)
        if (!sp_isstr(kw->items[i])) return bad_operand(vm, "MATCH_CLASS");
    if (!sp_isobj(cls) || !sp_isinst(cls, &sp_t_type))
        return sp_raise(vm, &sp_t_TypeError, "called match pattern must be a type");
    sp_Type *t = (sp_Type *)SP_O(cls);
    if (!sp_issubtype(sp_typeof(subj), t)) return SP_NONEV;
    bool self = false;
    sp_Value ma = SP_NULLV;
    if (npos) {
        ma = match_args(vm, t, npos, &self);
        if (sp_iserr(ma)) return ma;
    }
    size_t bytes, npins = 0;
    sp_Value r = SP_ERRV;
    sp_Value *names = attr_names(vm, ma, self, npos, kw, &bytes);
    if (!names) return SP_ERRV;
    if (!sp_pin(vm, ma)) goto done; /* __match_args__ may be a fresh tuple */
    npins++;
    sp_Value attrs = sp_tuple_new(vm, (size_t)npos + kw->n);
    if (sp_iserr(attrs) || !sp_pin(vm, attrs)) goto done;
    npins++;
    if (self) SP_TUPLE(attrs)->items[0] = subj;
    r = fill_attrs(vm, t, subj, attrs, names);
done:
    sp_unpin(vm, npins);
    sp_free(vm, names, bytes);
    return r;
}
