/* sp_value_api.c - host value handles (include/sandpy.h, "values").
 *
 * Every value handed to the host sits in the handle arena (vm->host past
 * the API's own slots), which is what keeps it alive: the host never
 * frees a value.  A call that runs code, or sandpy_values_reset, empties
 * the arena and bumps the epoch carried by each handle.  Strings given out
 * point into str/bytes objects that are themselves arena values. */
#include "sp_api.h"

/* ------------------------------------------------------------ the arena */

sandpy_value sp_api_push(sandpy *sp, sp_Value v) {
    sp_VM *vm = sp->vm;
    if (sp_iserr(v)) return sp_api_capture(sp, SANDPY_ERROR), 0;
    if (!vm->host) { /* no safe point here: v stays alive unrooted */
        sp_Value l = sp_list_with_cap(vm, 0);
        if (sp_iserr(l)) return sp_api_capture(sp, SANDPY_ERROR), 0;
        vm->host = SP_LIST(l);
    }
    if (!sp_list_append(vm, vm->host, v)) return sp_api_capture(sp, SANDPY_ERROR), 0;
    return ((uint64_t)sp->epoch << 32) | (uint64_t)(H_NSLOTS + vm->host->n - 1);
}

bool sp_api_get(sandpy *sp, sandpy_value h, sp_Value *out) {
    uint64_t i = h & 0xFFFFFFFFu;
    sp_List *l = sp->vm->host;
    if ((h >> 32) != sp->epoch || i < H_NSLOTS || !l || i - H_NSLOTS >= l->n) {
        sp_api_invalid(sp, &sp_t_ValueError, "invalid or stale sandpy value handle");
        return false;
    }
    *out = l->items[i - H_NSLOTS];
    return true;
}

size_t sp_api_mark(sandpy *sp) { return H_NSLOTS + (sp->vm->host ? sp->vm->host->n : 0); }

void sp_api_truncate(sandpy *sp, size_t n, bool bump) {
    sp_List *l = sp->vm->host;
    if (n < H_NSLOTS) n = H_NSLOTS;
    if (l && n - H_NSLOTS < l->n) l->n = n - H_NSLOTS;
    if (bump) sp->epoch++;
}

void sandpy_values_reset(sandpy *sp) { sp_api_truncate(sp, H_NSLOTS, true); }

/* Value ops may run Python code (a user __eq__ or __repr__): arm the
 * limits around them unless a run is already in charge. */
static void enter(sandpy *sp) {
    sp_VM *vm = sp->vm;
    if (sp->busy) return;
    char here;
    vm->cstack_base = &here; /* approximate: our callers are shallow */
    vm->limit_hit = false;
    vm->deadline = sp->cfg.max_duration > 0 ? sp_now() + sp->cfg.max_duration : 0;
    vm->instr_limit = sp->cfg.max_instructions ? vm->instr_count + sp->cfg.max_instructions : 0;
}

static void leave(sandpy *sp) {
    if (!sp->busy) sp->vm->cstack_base = NULL;
}

/* Push the result of an operation that may have run code. */
static sandpy_value done(sandpy *sp, sp_Value v) {
    sandpy_value h = sp_api_push(sp, v);
    leave(sp);
    return h;
}

static int fail(sandpy *sp) {
    sp_api_capture(sp, SANDPY_ERROR);
    leave(sp);
    return 0;
}

/* ------------------------------------------------------------ building */

sandpy_value sandpy_none(sandpy *sp) { return sp_api_push(sp, SP_NONEV); }
sandpy_value sandpy_bool(sandpy *sp, int b) { return sp_api_push(sp, sp_bool(b != 0)); }
sandpy_value sandpy_int(sandpy *sp, int64_t i) { return sp_api_push(sp, sp_int(i)); }
sandpy_value sandpy_float(sandpy *sp, double d) { return sp_api_push(sp, sp_float(d)); }

sandpy_value sandpy_int_text(sandpy *sp, const char *dec, size_t len) {
    return sp_api_push(sp, sp_int_from_str(sp->vm, dec, len, 10));
}

sandpy_value sandpy_str(sandpy *sp, const char *utf8, size_t len) {
    if (sp_utf8_check(utf8, len) < 0) return sp_api_invalid(sp, &sp_t_UnicodeError, "invalid UTF-8"), 0;
    return sp_api_push(sp, sp_str_new(sp->vm, utf8, len));
}

sandpy_value sandpy_bytes(sandpy *sp, const void *p, size_t len) {
    return sp_api_push(sp, sp_bytes_new(sp->vm, p, len));
}

/* n handles into a fresh tuple or list. */
static sandpy_value seq(sandpy *sp, const sandpy_value *items, size_t n, bool list) {
    sp_VM *vm = sp->vm;
    sp_Value s = list ? sp_list_new(vm, n) : sp_tuple_new(vm, n);
    if (sp_iserr(s)) return sp_api_push(sp, s);
    sp_Value *dst = list ? SP_LIST(s)->items : SP_TUPLE(s)->items;
    for (size_t i = 0; i < n; i++)
        if (!sp_api_get(sp, items[i], &dst[i])) return 0;
    return sp_api_push(sp, s);
}

sandpy_value sandpy_list(sandpy *sp, const sandpy_value *items, size_t n) { return seq(sp, items, n, true); }
sandpy_value sandpy_tuple(sandpy *sp, const sandpy_value *items, size_t n) { return seq(sp, items, n, false); }
sandpy_value sandpy_dict(sandpy *sp) { return sp_api_push(sp, sp_dict_new(sp->vm)); }

sandpy_value sandpy_set(sandpy *sp, int frozen) {
    return sp_api_push(sp, sp_set_new(sp->vm, frozen ? &sp_t_frozenset : &sp_t_set));
}

/* The container behind handle h if it has exactly type t. */
static bool get_typed(sandpy *sp, sandpy_value h, sp_Type *t, sp_Value *out) {
    if (!sp_api_get(sp, h, out)) return false;
    if (sp_istype(*out, t)) return true;
    sp_api_invalid(sp, &sp_t_TypeError, "sandpy value has the wrong type for this call");
    return false;
}

int sandpy_list_append(sandpy *sp, sandpy_value list, sandpy_value item) {
    sp_Value l, v;
    if (!get_typed(sp, list, &sp_t_list, &l) || !sp_api_get(sp, item, &v)) return 0;
    return sp_list_append(sp->vm, SP_LIST(l), v) ? 1 : fail(sp);
}

int sandpy_dict_set(sandpy *sp, sandpy_value dict, sandpy_value key, sandpy_value val) {
    sp_Value d, k, v;
    if (!get_typed(sp, dict, &sp_t_dict, &d) || !sp_api_get(sp, key, &k) || !sp_api_get(sp, val, &v))
        return 0;
    enter(sp);
    if (!sp_dict_set(sp->vm, SP_DICT(d), k, v)) return fail(sp);
    leave(sp);
    return 1;
}

int sandpy_dict_sets(sandpy *sp, sandpy_value dict, const char *key, sandpy_value val) {
    sandpy_value k = sandpy_str(sp, key, strlen(key));
    return k ? sandpy_dict_set(sp, dict, k, val) : 0;
}

int sandpy_set_add(sandpy *sp, sandpy_value set, sandpy_value item) {
    sp_Value s, v;
    if (!sp_api_get(sp, set, &s) || !sp_api_get(sp, item, &v)) return 0;
    if (!sp_istype(s, &sp_t_set) && !sp_istype(s, &sp_t_frozenset))
        return sp_api_invalid(sp, &sp_t_TypeError, "sandpy value is not a set"), 0;
    enter(sp);
    if (sp_set_add(sp->vm, s, v) < 0) return fail(sp);
    leave(sp);
    return 1;
}

sandpy_value sandpy_from_json(sandpy *sp, const char *json, size_t len) {
    enter(sp);
    return done(sp, sp_json_loads(sp->vm, json, len));
}

/* ------------------------------------------------------------ inspecting */

sandpy_kind sandpy_kind_of(sandpy *sp, sandpy_value h) {
    sp_Value v;
    if (!sp_api_get(sp, h, &v)) return SANDPY_K_INVALID;
    switch (v.tag) {
    case SP_NONE: return SANDPY_K_NONE;
    case SP_BOOL: return SANDPY_K_BOOL;
    case SP_INT: return SANDPY_K_INT;
    case SP_FLOAT: return SANDPY_K_FLOAT;
    }
    static const struct { sp_Type *t; sandpy_kind k; } kinds[] = {
        {&sp_t_bigint_, SANDPY_K_INT}, {&sp_t_str, SANDPY_K_STR}, {&sp_t_bytes, SANDPY_K_BYTES},
        {&sp_t_list, SANDPY_K_LIST}, {&sp_t_tuple, SANDPY_K_TUPLE}, {&sp_t_dict, SANDPY_K_DICT},
        {&sp_t_set, SANDPY_K_SET}, {&sp_t_frozenset, SANDPY_K_FROZENSET}};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (sp_istype(v, kinds[i].t)) return kinds[i].k;
    return SANDPY_K_OTHER;
}

const char *sandpy_type_name(sandpy *sp, sandpy_value h) {
    sp_Value v;
    return sp_api_get(sp, h, &v) ? sp_typename(v) : NULL;
}

int sandpy_as_bool(sandpy *sp, sandpy_value h) {
    sp_Value v;
    if (!sp_api_get(sp, h, &v)) return -1;
    enter(sp);
    int r = sp_truthy(sp->vm, v);
    if (r < 0) return fail(sp), -1;
    leave(sp);
    return r;
}

int sandpy_as_int(sandpy *sp, sandpy_value h, int64_t *out) {
    sp_Value v;
    if (!sp_api_get(sp, h, &v)) return 0;
    if (v.tag == SP_INT || v.tag == SP_BOOL) return *out = v.u.i, 1;
    if (sp_istype(v, &sp_t_bigint_)) return sp_api_invalid(sp, &sp_t_OverflowError, "int too big for int64"), 0;
    return sp_api_invalid(sp, &sp_t_TypeError, "sandpy value is not an int"), 0;
}

const char *sandpy_int_to_text(sandpy *sp, sandpy_value h, size_t *len) {
    sp_Value v;
    if (!sp_api_get(sp, h, &v)) return NULL;
    if (!sp_isintlike(v)) return sp_api_invalid(sp, &sp_t_TypeError, "sandpy value is not an int"), NULL;
    if (v.tag == SP_BOOL) v = sp_int(v.u.i);
    return sandpy_as_str(sp, sp_api_push(sp, sp_int_to_str(sp->vm, v, 10)), len);
}

int sandpy_as_float(sandpy *sp, sandpy_value h, double *out) {
    sp_Value v;
    if (!sp_api_get(sp, h, &v)) return 0;
    if (v.tag == SP_FLOAT) return *out = v.u.f, 1;
    if (!sp_isintlike(v)) return sp_api_invalid(sp, &sp_t_TypeError, "sandpy value is not a number"), 0;
    return sp_int_to_double(sp->vm, v, out) ? 1 : fail(sp);
}

const char *sandpy_as_str(sandpy *sp, sandpy_value h, size_t *len) {
    sp_Value v;
    if (!h || !get_typed(sp, h, &sp_t_str, &v)) return NULL;
    if (len) *len = SP_STR(v)->len;
    return SP_STR(v)->data;
}

const uint8_t *sandpy_as_bytes(sandpy *sp, sandpy_value h, size_t *len) {
    sp_Value v;
    if (!get_typed(sp, h, &sp_t_bytes, &v)) return NULL;
    if (len) *len = SP_BYTES(v)->len;
    return SP_BYTES(v)->data;
}

int64_t sandpy_len(sandpy *sp, sandpy_value h) {
    sp_Value v;
    if (!sp_api_get(sp, h, &v)) return -1;
    enter(sp);
    int64_t n = sp_len(sp->vm, v);
    if (n < 0) return fail(sp), -1;
    leave(sp);
    return n;
}

sandpy_value sandpy_item(sandpy *sp, sandpy_value h, size_t i) {
    sp_Value v;
    if (!sp_api_get(sp, h, &v)) return 0;
    if (!sp_islist(v) && !sp_istuple(v))
        return sp_api_invalid(sp, &sp_t_TypeError, "sandpy value is not a list or tuple"), 0;
    size_t n = sp_islist(v) ? SP_LIST(v)->n : SP_TUPLE(v)->n;
    if (i >= n) return sp_api_invalid(sp, &sp_t_IndexError, "index out of range"), 0;
    return sp_api_push(sp, sp_islist(v) ? SP_LIST(v)->items[i] : SP_TUPLE(v)->items[i]);
}

int sandpy_next(sandpy *sp, sandpy_value h, size_t *pos, sandpy_value *key, sandpy_value *val) {
    sp_Value c, k, v = SP_NONEV;
    if (!sp_api_get(sp, h, &c)) return 0;
    bool more;
    if (sp_isdict(c)) more = sp_dict_next(SP_DICT(c), pos, &k, &v);
    else if (sp_istype(c, &sp_t_set) || sp_istype(c, &sp_t_frozenset)) more = sp_set_next(c, pos, &k);
    else return sp_api_invalid(sp, &sp_t_TypeError, "sandpy value is not a dict or set"), 0;
    if (!more) return 0;
    if (key && !(*key = sp_api_push(sp, k))) return 0;
    if (val && !(*val = sp_api_push(sp, v))) return 0;
    return 1;
}

sandpy_value sandpy_dict_get(sandpy *sp, sandpy_value h, const char *key) {
    sp_Value d;
    if (!get_typed(sp, h, &sp_t_dict, &d)) return 0;
    sp_Value k = sp_str_new(sp->vm, key, strlen(key)), v;
    if (sp_iserr(k)) return sp_api_push(sp, k);
    enter(sp);
    int r = sp_dict_get(sp->vm, SP_DICT(d), k, &v);
    if (r <= 0) return r < 0 ? (sandpy_value)fail(sp) : (leave(sp), 0);
    return done(sp, v);
}

const char *sandpy_repr(sandpy *sp, sandpy_value h, size_t *len) {
    sp_Value v;
    if (!sp_api_get(sp, h, &v)) return NULL;
    enter(sp);
    return sandpy_as_str(sp, done(sp, sp_repr(sp->vm, v)), len);
}

const char *sandpy_to_json(sandpy *sp, sandpy_value h, size_t *len) {
    sp_Value v;
    if (!sp_api_get(sp, h, &v)) return NULL;
    enter(sp);
    return sandpy_as_str(sp, done(sp, sp_json_dumps(sp->vm, v)), len);
}
