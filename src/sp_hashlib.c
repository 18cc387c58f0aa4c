/* sp_hashlib.c - the hashlib module over sp_hash.c: md5, sha1, sha224,
 * sha256, sha384, sha512 and new(), with the names and messages of
 * CPython 3.11's OpenSSL-backed hashlib (constructors are "openssl_md5",
 * their data argument is `string`, objects are "_hashlib.HASH").
 * Hashing polls the limits per block, so huge inputs stop on time. */
#include "sp_hash.h"
#include "sp_snap.h"

typedef struct HashObj {
    sp_Obj h;
    sp_HashCtx c;
} HashObj;

static sp_Type t_hash;
#define HO(v) ((HashObj *)SP_O(v))

/* A bytes-like argument (bytes is the sandbox's only buffer type). */
static bool data_arg(sp_VM *vm, sp_Value v, const uint8_t **p, size_t *n) {
    if (sp_istype(v, &sp_t_bytes)) {
        *p = SP_BYTES(v)->data, *n = SP_BYTES(v)->len;
        return true;
    }
    sp_raise(vm, &sp_t_TypeError, sp_isstr(v) ? "Strings must be encoded before hashing"
                                              : "object supporting the buffer API required");
    return false;
}

/* data SP_NULL: nothing to hash yet. */
static sp_Value hash_new(sp_VM *vm, const sp_HashAlg *alg, sp_Value data) {
    const uint8_t *p = NULL;
    size_t n = 0;
    if (!sp_isnull(data) && !data_arg(vm, data, &p, &n)) return SP_ERRV;
    HashObj *o = sp_newobj(vm, &t_hash, sizeof *o);
    if (!o) return SP_ERRV;
    sp_hash_init(&o->c, alg);
    return sp_hash_update(vm, &o->c, p, n) ? sp_objv(o) : SP_ERRV;
}

/* ------------------------------------------------------------ constructors */

static sp_Value construct(sp_VM *vm, int i, const char *fname, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    if (!sp_parse_args(vm, fname, args, nargs, kw, "|string,$usedforsecurity", a)) return SP_ERRV;
    return hash_new(vm, sp_hash_algs[i], a[0]);
}

#define CTOR(i, alg)                                                             \
    static sp_Value f_##alg(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) { \
        return construct(vm, i, "openssl_" #alg, args, nargs, kw);              \
    }
CTOR(0, md5)
CTOR(1, sha1)
CTOR(2, sha224)
CTOR(3, sha256)
CTOR(4, sha384)
CTOR(5, sha512)

/* Keywords new() passes on to _hashlib.new(name, string, *, usedforsecurity)
 * after binding its own (name, data=b'', **kwargs): CPython's messages. */
static bool new_extra_kw(sp_VM *vm, sp_Str **extra, int nextra) {
    if (nextra > 1) {
        sp_raise(vm, &sp_t_TypeError, "new() takes at most 3 arguments (%d given)", 2 + nextra);
        return false;
    }
    if (nextra == 0 || sp_str_eqc(extra[0], "usedforsecurity")) return true;
    if (sp_str_eqc(extra[0], "string"))
        sp_raise(vm, &sp_t_TypeError, "argument for new() given by name ('string') and position (2)");
    else
        sp_raise(vm, &sp_t_TypeError, "'%U' is an invalid keyword argument for new()", extra[0]);
    return false;
}

static sp_Value f_new(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (nargs > 2)
        return sp_raise(vm, &sp_t_TypeError, "__hash_new() takes from 1 to 2 positional arguments but %d were given", nargs);
    sp_Value v[2] = {nargs > 0 ? args[0] : SP_NULLV, nargs > 1 ? args[1] : SP_NULLV};
    sp_Str *extra[2];
    int nextra = 0;
    for (size_t j = 0; kw && j < kw->n; j++) {
        sp_Str *k = SP_STR(kw->items[j]);
        int at = sp_str_eqc(k, "name") ? 0 : sp_str_eqc(k, "data") ? 1 : -1;
        if (at < 0) {
            if (nextra < 2) extra[nextra] = k;
            nextra++;
        } else if (!sp_isnull(v[at])) {
            return sp_raise(vm, &sp_t_TypeError, "__hash_new() got multiple values for argument '%U'", k);
        } else {
            v[at] = args[nargs + (int)j];
        }
    }
    if (sp_isnull(v[0])) return sp_raise(vm, &sp_t_TypeError, "__hash_new() missing 1 required positional argument: 'name'");
    int64_t h;
    if (!sp_isstr(v[0]) && !sp_hash(vm, v[0], &h)) return SP_ERRV; /* `name in {...}` */
    if (!new_extra_kw(vm, extra, nextra)) return SP_ERRV;
    if (!sp_isstr(v[0])) return sp_raise(vm, &sp_t_TypeError, "name must be a string");
    const uint8_t *p;
    size_t n;
    if (!sp_isnull(v[1]) && !data_arg(vm, v[1], &p, &n)) return SP_ERRV;
    const sp_HashAlg *alg = sp_hash_find(SP_STR(v[0])->data, SP_STR(v[0])->len);
    if (!alg) return sp_raise(vm, &sp_t_ValueError, "unsupported hash type %U", SP_STR(v[0]));
    return hash_new(vm, alg, v[1]);
}

/* ------------------------------------------------------------ HASH objects */

static HashObj *self_of(sp_VM *vm, const char *meth, sp_Value *args, int nargs, sp_Tuple *kw, int want) {
    if (!sp_no_kwargs(vm, meth, kw)) return NULL;
    if (want == 1 && nargs != 2) {
        sp_raise(vm, &sp_t_TypeError, "%s() takes exactly one argument (%d given)", meth, nargs - 1);
        return NULL;
    }
    if (want == 0 && !sp_check_nargs(vm, meth, nargs - 1, 0, 0)) return NULL;
    return HO(args[0]);
}

static sp_Value m_update(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    HashObj *o = self_of(vm, "HASH.update", args, nargs, kw, 1);
    const uint8_t *p;
    size_t n;
    if (!o || !data_arg(vm, args[1], &p, &n)) return SP_ERRV;
    return sp_hash_update(vm, &o->c, p, n) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_digest(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    HashObj *o = self_of(vm, "HASH.digest", args, nargs, kw, 0);
    uint8_t d[SP_HASH_MAX_DIGEST];
    return o ? sp_bytes_new(vm, d, sp_hash_final(&o->c, d)) : SP_ERRV;
}

#define DIGITS "0123456789abcdef"

static sp_Value m_hexdigest(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    HashObj *o = self_of(vm, "HASH.hexdigest", args, nargs, kw, 0);
    if (!o) return SP_ERRV;
    uint8_t d[SP_HASH_MAX_DIGEST];
    char hex[2 * SP_HASH_MAX_DIGEST];
    size_t n = sp_hash_final(&o->c, d);
    for (size_t i = 0; i < n; i++) hex[2 * i] = DIGITS[d[i] >> 4], hex[2 * i + 1] = DIGITS[d[i] & 15];
    return sp_str_new(vm, hex, 2 * n);
}

static sp_Value m_copy(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    HashObj *o = self_of(vm, "HASH.copy", args, nargs, kw, 0);
    HashObj *c = o ? sp_newobj(vm, &t_hash, sizeof *c) : NULL;
    if (!c) return SP_ERRV;
    c->c = o->c;
    return sp_objv(c);
}

static sp_Value g_name(sp_VM *vm, sp_Value self) { return sp_str_intern_cstr(vm, HO(self)->c.alg->name); }
static sp_Value g_digest_size(sp_VM *vm, sp_Value self) { (void)vm; return sp_int(HO(self)->c.alg->digest_size); }
static sp_Value g_block_size(sp_VM *vm, sp_Value self) { (void)vm; return sp_int(HO(self)->c.alg->block_size); }

static sp_Value hash_repr(sp_VM *vm, sp_Value self) {
    return sp_fmt(vm, "<%s _hashlib.HASH object @ 0x%llx>", HO(self)->c.alg->name,
                  (unsigned long long)sp_obj_id(vm, SP_O(self)));
}

static const sp_MethodDef hash_methods[] = {
    {"update", m_update, 0}, {"digest", m_digest, 0}, {"hexdigest", m_hexdigest, 0}, {"copy", m_copy, 0},
    {NULL, NULL, 0},
};

static const sp_GetSetDef hash_getsets[] = {
    {"name", g_name, NULL}, {"digest_size", g_digest_size, NULL}, {"block_size", g_block_size, NULL},
    {NULL, NULL, NULL},
};

static sp_Type t_hash = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "_hashlib.HASH",
    .base = &sp_t_object,
    .methods = hash_methods,
    .getsets = hash_getsets,
    .repr = hash_repr,
};

/* ------------------------------------------------------------ snapshots */

/* [algorithm name, the 8 state words (64 bytes, little-endian), bytes
 * hashed so far, the partial block]; fill checks the block agrees. */
static int hash_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint) {
    const sp_HashCtx *c = &((HashObj *)o)->c;
    uint8_t h[64];
    (void)hint;
    for (int i = 0; i < 64; i++) h[i] = (uint8_t)(c->h[i / 8] >> (8 * (i % 8)));
    if (c->n > INT64_MAX) return sp_raise(vm, &sp_t_OverflowError, "hash too long"), -1;
    v[0] = sp_str_intern_cstr(vm, c->alg->name), v[1] = sp_bytes_new(vm, h, 64);
    v[2] = sp_int((int64_t)c->n), v[3] = sp_bytes_new(vm, c->buf, c->nbuf);
    return sp_iserr(v[0]) || sp_iserr(v[1]) || sp_iserr(v[3]) ? -1 : 4;
}

static sp_Obj *hash_alloc(sp_VM *vm, uint32_t h) {
    (void)h;
    HashObj *o = sp_newobj(vm, &t_hash, sizeof *o);
    if (o) sp_hash_init(&o->c, sp_hash_algs[0]);
    return o ? &o->h : NULL;
}

static bool hash_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int n) {
    const sp_HashAlg *alg = n == 4 && sp_isstr(v[0]) ? sp_hash_find(SP_STR(v[0])->data, SP_STR(v[0])->len) : NULL;
    int64_t len;
    if (!alg || !sp_istype(v[1], &sp_t_bytes) || SP_BYTES(v[1])->len != 64 || !sp_istype(v[3], &sp_t_bytes) ||
        !sp_snap_int(vm, v[2], 0, INT64_MAX, &len) || SP_BYTES(v[3])->len != (uint64_t)len % alg->block_size)
        return sp_raise(vm, &sp_t_ValueError, "bad hash state"), false;
    sp_HashCtx *c = &((HashObj *)o)->c;
    sp_hash_init(c, alg);
    memset(c->h, 0, sizeof c->h);
    for (int i = 0; i < 64; i++) c->h[i / 8] |= (uint64_t)SP_BYTES(v[1])->data[i] << (8 * (i % 8));
    c->n = (uint64_t)len, c->nbuf = SP_BYTES(v[3])->len;
    memcpy(c->buf, SP_BYTES(v[3])->data, c->nbuf);
    return true;
}

const sp_SnapKind sp_snap_hashlib[] = {
    {"_hashlib.HASH", &t_hash, true, hash_save, hash_alloc, hash_fill},
    {NULL, NULL, false, NULL, NULL, NULL},
};

/* ------------------------------------------------------------ module */

static const sp_MethodDef ctors[] = {
    {"openssl_md5", f_md5, 0}, {"openssl_sha1", f_sha1, 0}, {"openssl_sha224", f_sha224, 0},
    {"openssl_sha256", f_sha256, 0}, {"openssl_sha384", f_sha384, 0}, {"openssl_sha512", f_sha512, 0},
    {NULL, NULL, 0},
};

/* algorithms_guaranteed / algorithms_available: what this build has. */
static sp_Value names_set(sp_VM *vm) {
    sp_Value s = sp_set_new(vm, &sp_t_set);
    if (sp_iserr(s) || !sp_pin(vm, s)) return SP_ERRV;
    for (int i = 0; sp_hash_algs[i] && !sp_iserr(s); i++) {
        sp_Value n = sp_str_intern_cstr(vm, sp_hash_algs[i]->name);
        if (sp_iserr(n) || sp_set_add(vm, s, n) < 0) s = SP_ERRV;
    }
    sp_unpin(vm, 1);
    return s;
}

bool sp_hashlib_init(sp_VM *vm, sp_Module *m) {
    for (int i = 0; ctors[i].name; i++) {
        sp_Value f = sp_cfunc_new(vm, ctors[i].name, ctors[i].fn, SP_NULLV, NULL);
        if (sp_iserr(f) || !sp_module_add(vm, m, sp_hash_algs[i]->name, f)) return false;
    }
    sp_Value f = sp_cfunc_new(vm, "__hash_new", f_new, SP_NULLV, NULL);
    if (sp_iserr(f) || !sp_module_add(vm, m, "new", f)) return false;
    sp_Value g = names_set(vm);
    if (sp_iserr(g) || !sp_module_add(vm, m, "algorithms_guaranteed", g)) return false;
    sp_Value a = names_set(vm);
    return !sp_iserr(a) && sp_module_add(vm, m, "algorithms_available", a);
}
