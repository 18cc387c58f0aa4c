/* sp_random.c - the random module: CPython 3.11's Mersenne Twister
 * (_randommodule.c) and the Python-level algorithms of Lib/random.py
 * (seeding, _randbelow_with_getrandbits, shuffle, sample, choices,
 * getstate/setstate), so a given seed yields exactly CPython's sequence.
 * The continuous distributions are in sp_randvar.c.
 *
 * The sandbox has no entropy source: a generator given no seed (at import,
 * Random(), seed() or seed(None)) takes it from the host's random_seed
 * hook, else uses SP_RANDOM_DEFAULT_SEED, never the operating system.  The
 * module functions are methods bound to one hidden Random created at
 * import. */
#include <math.h>

#include "sp_hash.h"
#include "sp_random.h"
#include "sp_snap.h"

#define MT_N SP_MT_N
#define MT_M 397
/* The seed when neither the program nor the host gives one: as seed(0). */
#define SP_RANDOM_DEFAULT_SEED 0

typedef sp_Rng Rng;

extern sp_Type sp_t_Random_;

static void init_genrand(Rng *r, uint32_t s) {
    r->mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        r->mt[i] = 1812433253U * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + (uint32_t)i;
    r->mti = MT_N;
}

static void init_by_array(Rng *r, const uint32_t *key, size_t len) {
    uint32_t *mt = r->mt;
    init_genrand(r, 19650218U);
    size_t i = 1, j = 0, k = MT_N > len ? MT_N : len;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++, j++;
        if (i >= MT_N) mt[0] = mt[MT_N - 1], i = 1;
        if (j >= len) j = 0;
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) mt[0] = mt[MT_N - 1], i = 1;
    }
    mt[0] = 0x80000000U;
}

static uint32_t genrand(Rng *r) {
    static const uint32_t mag01[2] = {0x0U, 0x9908b0dfU};
    uint32_t y, *mt = r->mt;
    if (r->mti >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1U];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & 0x80000000U) | (mt[kk + 1] & 0x7fffffffU);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1U];
        }
        y = (mt[MT_N - 1] & 0x80000000U) | (mt[0] & 0x7fffffffU);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1U];
        r->mti = 0;
    }
    y = mt[r->mti++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

double sp_rng_random(Rng *r) {
    uint32_t a = genrand(r) >> 5, b = genrand(r) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}
#define rnd sp_rng_random

/* getrandbits(k) for 0 <= k <= 64: the first word is the low one. */
static uint64_t bits64(Rng *r, int k) {
    if (k == 0) return 0;
    if (k <= 32) return genrand(r) >> (32 - k);
    uint64_t lo = genrand(r), hi = genrand(r) >> (64 - k);
    return lo | hi << 32;
}

/* Random._randbelow_with_getrandbits, n > 0. */
static uint64_t randbelow(Rng *r, uint64_t n) {
    int k = 0;
    while (k < 64 && (n >> k)) k++;
    uint64_t v = bits64(r, k);
    while (v >= n) v = bits64(r, k);
    return v;
}

/* getrandbits(k) as little-endian bytes: the words of k bits, the last
 * one shifted down to its top (k % 32) bits.  buf holds ceil(k/32) words. */
static bool fill_bits(sp_VM *vm, Rng *r, uint8_t *buf, uint64_t k) {
    for (uint64_t i = 0; k; i++) {
        uint32_t w = genrand(r);
        if (k < 32) w >>= 32 - k;
        for (int b = 0; b < 4; b++) buf[4 * i + (uint64_t)b] = (uint8_t)(w >> 8 * b);
        k -= k < 32 ? k : 32;
        if ((i & 1023) == 1023 && !sp_check_limits(vm)) return false;
    }
    return true;
}

/* ------------------------------------------------------------ seeding */

/* init_by_array over the 32-bit words of the non-negative number whose
 * bytes are p[0..n) (little- or big-endian), high zero words dropped as
 * CPython sizes the key from the number's bit length. */
static bool seed_bytes(sp_VM *vm, Rng *r, const uint8_t *p, size_t n, bool little) {
    size_t nw = n / 4 + 1, size;
    if (!sp_size_mul(vm, nw, sizeof(uint32_t), &size)) return false;
    uint32_t *key = sp_calloc(vm, size);
    if (!key) return false;
    for (size_t i = 0; i < n; i++) key[i / 4] |= (uint32_t)(little ? p[i] : p[n - 1 - i]) << (8 * (i % 4));
    while (nw > 1 && key[nw - 1] == 0) nw--;
    init_by_array(r, key, nw);
    sp_free(vm, key, size);
    r->gauss_next = SP_NONEV;
    return true;
}

static bool seed_u64(sp_VM *vm, Rng *r, uint64_t u) {
    uint8_t b[8];
    for (int i = 0; i < 8; i++) b[i] = (uint8_t)(u >> 8 * i);
    return seed_bytes(vm, r, b, 8, true);
}

/* abs(n) of a big int, through its hex text (linear, unlike shifting). */
static bool seed_bigint(sp_VM *vm, Rng *r, sp_Value n) {
    sp_Value a = sp_unop(vm, SP_UOP_ABS, n);
    sp_Value hex = sp_iserr(a) ? a : sp_int_to_str(vm, a, 16);
    if (sp_iserr(hex)) return false;
    const char *h = SP_STR(hex)->data + 2; /* after "0x" */
    size_t nd = SP_STR(hex)->len - 2, nb = nd / 2 + 1;
    uint8_t *b = sp_calloc(vm, nb);
    if (!b) return false;
    for (size_t i = 0; i < nd; i++) { /* nibble i from the low end */
        char c = h[nd - 1 - i];
        unsigned v = (unsigned)(c <= '9' ? c - '0' : c - 'a' + 10);
        b[i / 2] |= (uint8_t)(v << 4 * (i % 2));
    }
    bool ok = seed_bytes(vm, r, b, nb, true);
    sp_free(vm, b, nb);
    return ok;
}

/* Version 2 str/bytes seeds: int.from_bytes(a + sha512(a).digest()). */
static bool seed_sha512(sp_VM *vm, Rng *r, const uint8_t *p, size_t n) {
    size_t size = n + SP_HASH_MAX_DIGEST;
    if (size < n) return sp_nomem(vm), false;
    uint8_t *b = sp_malloc(vm, size);
    if (!b) return false;
    sp_HashCtx c;
    sp_hash_init(&c, sp_hash_find("sha512", 6));
    bool ok = sp_hash_update(vm, &c, p, n);
    if (ok) {
        memcpy(b, p, n);
        sp_hash_final(&c, b + n);
        ok = seed_bytes(vm, r, b, size, false);
    }
    sp_free(vm, b, size);
    return ok;
}

/* Version 1 str/bytes seeds: the old string hash over code points. */
static bool seed_v1(sp_VM *vm, Rng *r, sp_Value a) {
    bool str = sp_isstr(a);
    const uint8_t *p = str ? (const uint8_t *)SP_STR(a)->data : SP_BYTES(a)->data;
    size_t n = str ? SP_STR(a)->len : SP_BYTES(a)->len, len = 0;
    uint64_t x = 0;
    for (size_t i = 0; i < n; len++) {
        uint32_t c = str ? sp_utf8_next((const char *)p, &i) : p[i++];
        if (len == 0) x = (uint64_t)c << 7;
        x = (1000003 * x) ^ c;
    }
    return seed_u64(vm, r, x ^ len);
}

/* Random.seed(a, version): the Python layer's dispatch, then the C one
 * (ints by value, other objects by hash). */
static bool do_seed(sp_VM *vm, Rng *r, sp_Value a, sp_Value version) {
    if (sp_isnull(a) || sp_isnone(a))
        return seed_u64(vm, r, vm->random_seed ? vm->random_seed(vm->random_seed_ud) : SP_RANDOM_DEFAULT_SEED);
    bool text = sp_isstr(a) || sp_istype(a, &sp_t_bytes);
    int v1 = 0, v2 = sp_isnull(version);
    if (text && !v2 && ((v1 = sp_eq(vm, version, sp_int(1))) < 0 || (!v1 && (v2 = sp_eq(vm, version, sp_int(2))) < 0)))
        return false;
    if (text && v1) return seed_v1(vm, r, a);
    if (text && v2) {
        if (sp_isstr(a)) return seed_sha512(vm, r, (const uint8_t *)SP_STR(a)->data, SP_STR(a)->len);
        return seed_sha512(vm, r, SP_BYTES(a)->data, SP_BYTES(a)->len);
    }
    if (!text && !sp_isintlike(a) && !sp_isfloat(a)) {
        sp_raise(vm, &sp_t_TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        return false;
    }
    if (sp_isint(a) || sp_isbool(a)) return seed_u64(vm, r, a.u.i < 0 ? 0 - (uint64_t)a.u.i : (uint64_t)a.u.i);
    if (sp_isintlike(a)) return seed_bigint(vm, r, a);
    int64_t h;
    return sp_hash(vm, a, &h) && seed_u64(vm, r, (uint64_t)h);
}

/* ------------------------------------------------------------ state */

static sp_Value getstate(sp_VM *vm, Rng *r) {
    sp_Value st = sp_tuple_new(vm, MT_N + 1);
    if (sp_iserr(st) || !sp_pin(vm, st)) return SP_ERRV;
    for (int i = 0; i < MT_N; i++) SP_AS(sp_Tuple, st)->items[i] = sp_int(r->mt[i]);
    SP_AS(sp_Tuple, st)->items[MT_N] = sp_int(r->mti);
    sp_Value items[3] = {sp_int(3), st, sp_isnull(r->gauss_next) ? SP_NONEV : r->gauss_next};
    sp_Value res = sp_tuple_pack(vm, 3, items);
    sp_unpin(vm, 1);
    return res;
}

/* PyLong_AsUnsignedLong, truncated to 32 bits as _random does. */
static bool state_word(sp_VM *vm, sp_Value v, uint32_t *out) {
    if (!sp_isintlike(v)) {
        sp_raise(vm, &sp_t_TypeError, "an integer is required");
        return false;
    }
    if (sp_int_sign(v) < 0) {
        sp_raise(vm, &sp_t_OverflowError, "can't convert negative value to unsigned int");
        return false;
    }
    if (sp_isint(v) || sp_isbool(v)) {
        *out = (uint32_t)v.u.i;
        return true;
    }
    sp_Value top = sp_binop(vm, SP_OP_RSHIFT, v, sp_int(64)), lo;
    if (sp_iserr(top)) return false;
    if (sp_int_sign(top) != 0) {
        sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C unsigned long");
        return false;
    }
    if (sp_iserr(lo = sp_binop(vm, SP_OP_AND, v, sp_int(0xffffffff)))) return false;
    *out = (uint32_t)lo.u.i;
    return true;
}

/* _random.Random.setstate: validate everything before touching r. */
static bool set_internal(sp_VM *vm, Rng *r, sp_Value st) {
    if (!sp_isinst(st, &sp_t_tuple)) {
        sp_raise(vm, &sp_t_TypeError, "state vector must be a tuple");
        return false;
    }
    sp_Tuple *t = SP_AS(sp_Tuple, st);
    if (t->n != MT_N + 1) {
        sp_raise(vm, &sp_t_ValueError, "state vector is the wrong size");
        return false;
    }
    uint32_t mt[MT_N];
    for (int i = 0; i < MT_N; i++)
        if (!state_word(vm, t->items[i], &mt[i])) return false;
    int64_t index;
    if (sp_isintlike(t->items[MT_N]) && !sp_isint(t->items[MT_N]) && !sp_isbool(t->items[MT_N])) {
        sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C long");
        return false;
    }
    if (!sp_index(vm, t->items[MT_N], &index)) return false;
    if (index < 0 || index > MT_N) {
        sp_raise(vm, &sp_t_ValueError, "invalid state");
        return false;
    }
    memcpy(r->mt, mt, sizeof mt);
    r->mti = (int)index;
    return true;
}

/* Random.setstate: version 3 is ours; version 2 (Python 2.x) stored
 * signed words, reduced mod 2**32 first. */
static sp_Value setstate(sp_VM *vm, Rng *r, sp_Value state) {
    sp_Value ver = sp_getitem(vm, state, sp_int(0));
    int v3 = sp_iserr(ver) ? -1 : sp_eq(vm, ver, sp_int(3)), v2 = 0;
    if (v3 < 0 || (!v3 && (v2 = sp_eq(vm, ver, sp_int(2))) < 0)) return SP_ERRV;
    if (!v3 && !v2)
        return sp_raise(vm, &sp_t_ValueError, "state with version %S passed to Random.setstate() of version 3", ver);
    sp_Value parts = sp_tuple_from_iter(vm, state);
    if (sp_iserr(parts)) return parts;
    sp_Tuple *p = SP_AS(sp_Tuple, parts);
    if (p->n != 3) {
        if (p->n > 3) return sp_raise(vm, &sp_t_ValueError, "too many values to unpack (expected 3)");
        return sp_raise(vm, &sp_t_ValueError, "not enough values to unpack (expected 3, got %d)", (int)p->n);
    }
    r->gauss_next = p->items[2];
    sp_Value internal = p->items[1];
    if (!sp_pin(vm, parts)) return SP_ERRV;
    if (v2) {
        internal = sp_tuple_from_iter(vm, internal);
        sp_Tuple *t = sp_iserr(internal) ? NULL : SP_AS(sp_Tuple, internal);
        for (size_t i = 0; t && i < t->n; i++) {
            sp_Value m = sp_binop(vm, SP_OP_MOD, t->items[i], sp_int(1LL << 32));
            if (sp_iserr(m)) internal = m, t = NULL;
            else t->items[i] = m;
        }
    }
    bool ok = !sp_iserr(internal) && set_internal(vm, r, internal);
    sp_unpin(vm, 1);
    return ok ? SP_NONEV : SP_ERRV;
}

/* ------------------------------------------------------------ methods */

sp_Rng *sp_rng_self(sp_VM *vm, sp_Value *args, int nargs) {
    if (nargs >= 1 && sp_istype(args[0], &sp_t_Random_)) return (Rng *)SP_O(args[0]);
    sp_raise(vm, &sp_t_TypeError, "descriptor requires a 'Random' object");
    return NULL;
}

/* Parse method arguments (self excluded from spec). */
#define PARSE(fn, spec, out) \
    (r = sp_rng_self(vm, args, nargs), r && sp_parse_args(vm, fn, args + 1, nargs - 1, kw, spec, out))

static sp_Value m_seed(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[2];
    return PARSE("seed", "|a,version", a) && do_seed(vm, r, a[0], a[1]) ? SP_NONEV : SP_ERRV;
}

static sp_Value m_getstate(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[1];
    return PARSE("getstate", "", a) ? getstate(vm, r) : SP_ERRV;
}

static sp_Value m_setstate(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[1];
    return PARSE("setstate", "state", a) ? setstate(vm, r, a[0]) : SP_ERRV;
}

static sp_Value m_random(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[1];
    return PARSE("random", "", a) ? sp_float(rnd(r)) : SP_ERRV;
}

/* getrandbits' C int argument. */
static bool nbits_arg(sp_VM *vm, sp_Value v, int64_t *k) {
    if (!sp_index(vm, v, k) && !sp_err_matches(vm, &sp_t_IndexError)) return false;
    if (sp_err_occurred(vm) || *k > INT32_MAX || *k < INT32_MIN) {
        sp_err_clear(vm);
        sp_raise(vm, &sp_t_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    if (*k >= 0) return true;
    sp_raise(vm, &sp_t_ValueError, "number of bits must be non-negative");
    return false;
}

/* k random bits as little-endian bytes (ceil(k/32) words, zero-padded). */
static uint8_t *rand_bits(sp_VM *vm, Rng *r, int64_t k, size_t *size) {
    if (!sp_size_mul(vm, (size_t)(k + 31) / 32, 4, size)) return NULL;
    uint8_t *buf = sp_malloc(vm, *size ? *size : 1);
    if (buf && !fill_bits(vm, r, buf, (uint64_t)k)) {
        sp_free(vm, buf, *size ? *size : 1);
        return NULL;
    }
    return buf;
}

static sp_Value getrandbits(sp_VM *vm, Rng *r, sp_Value kv) {
    int64_t k;
    size_t size;
    if (!nbits_arg(vm, kv, &k)) return SP_ERRV;
    if (k <= 63) return sp_int((int64_t)bits64(r, (int)k));
    uint8_t *buf = rand_bits(vm, r, k, &size);
    sp_Value b = buf ? sp_bytes_new(vm, buf, (size_t)(k + 7) / 8) : SP_ERRV;
    if (buf) sp_free(vm, buf, size);
    if (sp_iserr(b) || !sp_pin(vm, b)) return SP_ERRV;
    sp_Value from = sp_getattrs(vm, sp_objv(&sp_t_int), "from_bytes");
    sp_Value order = sp_iserr(from) ? from : sp_str_intern_cstr(vm, "little");
    sp_Value res = sp_iserr(order) ? order : sp_call2(vm, from, b, order);
    sp_unpin(vm, 1);
    return res;
}

static sp_Value m_getrandbits(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[1];
    return PARSE("getrandbits", "k", a) ? getrandbits(vm, r, a[0]) : SP_ERRV;
}

/* randbytes(n) = getrandbits(n * 8).to_bytes(n, 'little'). */
static sp_Value m_randbytes(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[1];
    int64_t k;
    size_t size;
    if (!PARSE("randbytes", "n", a)) return SP_ERRV;
    sp_Value bits = sp_binop(vm, SP_OP_MUL, a[0], sp_int(8));
    if (sp_iserr(bits) || !nbits_arg(vm, bits, &k)) return SP_ERRV;
    uint8_t *buf = rand_bits(vm, r, k, &size);
    if (!buf) return SP_ERRV;
    sp_Value res = sp_bytes_new(vm, buf, (size_t)k / 8);
    sp_free(vm, buf, size ? size : 1);
    return res;
}

/* Random._index for randrange: ints, and integral floats (3.11 deprecated
 * path; the DeprecationWarning is not shown). */
static bool rr_index(sp_VM *vm, sp_Value v, const char *what, int64_t *out) {
    if (sp_isfloat(v)) {
        double d = v.u.f;
        if (d != floor(d) || !isfinite(d)) {
            sp_raise(vm, &sp_t_ValueError, "non-integer %s for randrange()", what);
            return false;
        }
        v = sp_int_from_double(vm, d);
        if (sp_iserr(v)) return false;
    }
    return sp_index(vm, v, out);
}

static bool sub_ok(sp_VM *vm, int64_t a, int64_t b, int64_t *out) {
    if (!__builtin_sub_overflow(a, b, out)) return true;
    sp_raise(vm, &sp_t_OverflowError, "randrange() range too large for the sandbox");
    return false;
}

static sp_Value randrange(sp_VM *vm, Rng *r, sp_Value start, sp_Value stop, sp_Value step) {
    int64_t istart, istop, istep = 1, width, n;
    if (!rr_index(vm, start, "arg 1", &istart)) return SP_ERRV;
    if (sp_isnull(stop) || sp_isnone(stop)) {
        if (!sp_isnull(step)) return sp_raise(vm, &sp_t_TypeError, "Missing a non-None stop argument");
        if (istart > 0) return sp_int((int64_t)randbelow(r, (uint64_t)istart));
        return sp_raise(vm, &sp_t_ValueError, "empty range for randrange()");
    }
    if (!rr_index(vm, stop, "stop", &istop) || !sub_ok(vm, istop, istart, &width)) return SP_ERRV;
    if (!sp_isnull(step) && !rr_index(vm, step, "step", &istep)) return SP_ERRV;
    if (istep == 1) {
        if (width > 0) return sp_int(istart + (int64_t)randbelow(r, (uint64_t)width));
        return sp_raise(vm, &sp_t_ValueError, "empty range for randrange() (%lld, %lld, %lld)", (long long)istart,
                        (long long)istop, (long long)width);
    }
    if (istep == 0) return sp_raise(vm, &sp_t_ValueError, "zero step for randrange()");
    /* Python floor division of (width + step -/+ 1) by step. */
    int64_t adj = istep > 0 ? istep - 1 : istep + 1, num;
    if (__builtin_add_overflow(width, adj, &num)) return sp_raise(vm, &sp_t_OverflowError, "randrange() range too large");
    n = num / istep;
    if ((num % istep != 0) && ((num < 0) != (istep < 0))) n--;
    if (n <= 0) return sp_raise(vm, &sp_t_ValueError, "empty range for randrange()");
    int64_t off = (int64_t)randbelow(r, (uint64_t)n), res;
    if (__builtin_mul_overflow(off, istep, &res) || __builtin_add_overflow(res, istart, &res))
        return sp_raise(vm, &sp_t_OverflowError, "randrange() range too large");
    return sp_int(res);
}

static sp_Value m_randrange(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[3];
    return PARSE("randrange", "start|stop,step", a) ? randrange(vm, r, a[0], a[1], a[2]) : SP_ERRV;
}

static sp_Value m_randint(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[2];
    if (!PARSE("randint", "a,b", a)) return SP_ERRV;
    sp_Value b1 = sp_binop(vm, SP_OP_ADD, a[1], sp_int(1));
    return sp_iserr(b1) ? b1 : randrange(vm, r, a[0], b1, SP_NULLV);
}

static sp_Value m_choice(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[1];
    if (!PARSE("choice", "seq", a)) return SP_ERRV;
    int64_t n = sp_len(vm, a[0]);
    if (n < 0) return SP_ERRV;
    if (n == 0) return sp_raise(vm, &sp_t_IndexError, "Cannot choose from an empty sequence");
    return sp_getitem(vm, a[0], sp_int((int64_t)randbelow(r, (uint64_t)n)));
}

static bool swap_items(sp_VM *vm, sp_Value x, int64_t i, int64_t j) {
    if (sp_islist(x) && (size_t)i < SP_LIST(x)->n && (size_t)j < SP_LIST(x)->n) {
        sp_Value *it = SP_LIST(x)->items, t = it[i];
        it[i] = it[j], it[j] = t;
        return true;
    }
    sp_Value a = sp_getitem(vm, x, sp_int(i));
    if (sp_iserr(a) || !sp_pin(vm, a)) return false;
    sp_Value b = sp_getitem(vm, x, sp_int(j));
    bool ok = !sp_iserr(b) && sp_pin(vm, b);
    if (ok) {
        ok = sp_setitem(vm, x, sp_int(i), b) && sp_setitem(vm, x, sp_int(j), a);
        sp_unpin(vm, 1);
    }
    sp_unpin(vm, 1);
    return ok;
}

static sp_Value m_shuffle(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[1];
    if (!PARSE("shuffle", "x", a)) return SP_ERRV;
    int64_t n = sp_len(vm, a[0]);
    if (n < 0) return SP_ERRV;
    for (int64_t i = n - 1; i > 0; i--) {
        int64_t j = (int64_t)randbelow(r, (uint64_t)i + 1);
        if (!swap_items(vm, a[0], i, j) || !sp_check_limits(vm)) return SP_ERRV;
    }
    return SP_NONEV;
}

/* sample's pool strategy: a copy of the population, vacancies refilled. */
static bool sample_pool(sp_VM *vm, Rng *r, sp_Value pop, int64_t n, sp_List *res) {
    sp_Value pool = sp_list_from_iter(vm, pop);
    if (sp_iserr(pool)) return false;
    sp_Value *p = SP_LIST(pool)->items;
    if ((int64_t)SP_LIST(pool)->n != n) {
        sp_raise(vm, &sp_t_RuntimeError, "population changed size during sample()");
        return false;
    }
    for (size_t i = 0; i < res->n; i++) {
        int64_t j = (int64_t)randbelow(r, (uint64_t)(n - (int64_t)i));
        res->items[i] = p[j];
        p[j] = p[n - (int64_t)i - 1];
        if (!sp_check_limits(vm)) return false;
    }
    return true;
}

/* sample's set strategy: redraw indices already taken. */
static bool sample_set(sp_VM *vm, Rng *r, sp_Value pop, int64_t n, sp_List *res) {
    sp_Value sel = sp_set_new(vm, &sp_t_set);
    if (sp_iserr(sel) || !sp_pin(vm, sel)) return false;
    bool ok = true;
    for (size_t i = 0; ok && i < res->n; i++) {
        int64_t j;
        int in;
        do {
            j = (int64_t)randbelow(r, (uint64_t)n);
            in = sp_set_contains(vm, sel, sp_int(j));
        } while (in == 1 && (ok = sp_check_limits(vm)));
        sp_Value v = SP_ERRV;
        ok = ok && in == 0 && sp_set_add(vm, sel, sp_int(j)) == 1 && !sp_iserr(v = sp_getitem(vm, pop, sp_int(j))) &&
             sp_check_limits(vm);
        if (ok) res->items[i] = v;
    }
    sp_unpin(vm, 1);
    return ok;
}

/* cum_weights as a list: the running sums of weights (itertools.accumulate). */
static sp_Value accumulate(sp_VM *vm, sp_Value weights) {
    sp_Value l = sp_list_from_iter(vm, weights);
    if (sp_iserr(l) || !sp_pin(vm, l)) return SP_ERRV;
    sp_List *L = SP_LIST(l);
    for (size_t i = 1; i < L->n; i++) {
        sp_Value s = sp_binop(vm, SP_OP_ADD, L->items[i - 1], L->items[i]);
        if (sp_iserr(s)) { sp_unpin(vm, 1); return s; }
        if (i < L->n) L->items[i] = s;
    }
    sp_unpin(vm, 1);
    return l;
}

/* isinstance(population, collections.abc.Sequence) for what exists here. */
static bool is_sequence(sp_Value v) {
    sp_Type *t = sp_typeof(v);
    return sp_issubtype(t, &sp_t_list) || sp_issubtype(t, &sp_t_tuple) || sp_issubtype(t, &sp_t_str) ||
           sp_issubtype(t, &sp_t_bytes) || sp_issubtype(t, &sp_t_range) || (t->flags & SP_TF_SEQUENCE);
}

/* `if not 0 <= k <= n` as Python evaluates it, then `[None] * k`. */
static bool sample_k(sp_VM *vm, sp_Value kv, int64_t n, int64_t *k) {
    sp_Value c = sp_richcmp(vm, sp_int(0), kv, SP_LE);
    int in = sp_iserr(c) ? -1 : sp_truthy(vm, c);
    if (in == 1) in = sp_iserr(c = sp_richcmp(vm, kv, sp_int(n), SP_LE)) ? -1 : sp_truthy(vm, c);
    if (in < 0) return false;
    if (!in) {
        sp_raise(vm, &sp_t_ValueError, "Sample larger than population or is negative");
        return false;
    }
    if (sp_isintlike(kv)) return sp_index(vm, kv, k);
    sp_raise(vm, &sp_t_TypeError, "can't multiply sequence by non-int of type '%T'", kv);
    return false;
}

/* k distinct items of a sequence of length n, by CPython's strategies. */
static sp_Value sample_of(sp_VM *vm, Rng *r, sp_Value pop, int64_t n, int64_t k) {
    double setsize = 21;
    if (k > 5) setsize += pow(4.0, ceil(log((double)k * 3) / log(4.0)));
    sp_Value res = sp_list_new(vm, (size_t)k);
    if (sp_iserr(res) || !sp_pin(vm, res)) return SP_ERRV;
    bool ok = (double)n <= setsize ? sample_pool(vm, r, pop, n, SP_LIST(res))
                                   : sample_set(vm, r, pop, n, SP_LIST(res));
    sp_unpin(vm, 1);
    return ok ? res : SP_ERRV;
}

/* sample(population, k, counts=...): sample range(sum(counts)) and map
 * each pick back through the running counts. */
static sp_Value sample_counts(sp_VM *vm, Rng *r, sp_Value pop, int64_t n, sp_Value counts, sp_Value kv) {
    sp_Value cum = accumulate(vm, counts), rng = SP_ERRV, sel = SP_ERRV;
    if (sp_iserr(cum) || !sp_pin(vm, cum)) return SP_ERRV;
    sp_List *L = SP_LIST(cum);
    int64_t total_n, k;
    if ((int64_t)L->n != n) {
        sp_raise(vm, &sp_t_ValueError, "The number of counts does not match the population");
    } else if (L->n == 0) {
        sp_raise(vm, &sp_t_IndexError, "pop from empty list");
    } else {
        sp_Value total = L->items[--L->n];
        if (!sp_isintlike(total)) sp_raise(vm, &sp_t_TypeError, "Counts must be integers");
        else if (sp_int_sign(total) <= 0) sp_raise(vm, &sp_t_ValueError, "Total of counts must be greater than zero");
        else rng = sp_call1(vm, sp_objv(&sp_t_range), total);
    }
    if (!sp_iserr(rng) && sp_pin(vm, rng)) {
        if ((total_n = sp_len(vm, rng)) >= 0 && sample_k(vm, kv, total_n, &k)) sel = sample_of(vm, r, rng, total_n, k);
        sp_unpin(vm, 1);
    }
    if (!sp_iserr(sel) && sp_pin(vm, sel)) {
        sp_List *S = SP_LIST(sel);
        for (size_t i = 0; i < S->n && !sp_iserr(sel); i++) {
            int64_t ix = sp_bisect_right(vm, cum, S->items[i], 0, (int64_t)L->n);
            sp_Value v = ix < 0 ? SP_ERRV : sp_getitem(vm, pop, sp_int(ix));
            if (sp_iserr(v)) sel = v;
            else S->items[i] = v;
        }
        sp_unpin(vm, 1);
    }
    sp_unpin(vm, 1);
    return sel;
}

static sp_Value m_sample(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[3];
    int64_t k;
    if (!PARSE("sample", "population,k|$counts", a)) return SP_ERRV;
    if (!is_sequence(a[0]))
        return sp_raise(vm, &sp_t_TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    int64_t n = sp_len(vm, a[0]);
    if (n < 0) return SP_ERRV;
    if (!sp_isnull(a[2]) && !sp_isnone(a[2])) return sample_counts(vm, r, a[0], n, a[2], a[1]);
    return sample_k(vm, a[1], n, &k) ? sample_of(vm, r, a[0], n, k) : SP_ERRV;
}

static sp_Value choices_weighted(sp_VM *vm, Rng *r, sp_Value pop, int64_t n, sp_Value cum, int64_t k) {
    int64_t m = sp_len(vm, cum);
    if (m < 0) return SP_ERRV;
    if (m != n) return sp_raise(vm, &sp_t_ValueError, "The number of weights does not match the population");
    double total;
    sp_Value last = n ? sp_getitem(vm, cum, sp_int(-1)) : sp_raise(vm, &sp_t_IndexError, "list index out of range");
    if (sp_iserr(last) || !sp_as_double(vm, last, &total)) return SP_ERRV;
    if (total <= 0.0) return sp_raise(vm, &sp_t_ValueError, "Total of weights must be greater than zero");
    if (!isfinite(total)) return sp_raise(vm, &sp_t_ValueError, "Total of weights must be finite");
    sp_Value res = sp_list_new(vm, (size_t)k);
    if (sp_iserr(res) || !sp_pin(vm, res)) return SP_ERRV;
    for (int64_t i = 0; i < k; i++) {
        int64_t ix = sp_bisect_right(vm, cum, sp_float(rnd(r) * total), 0, n - 1);
        sp_Value v = ix < 0 ? SP_ERRV : sp_getitem(vm, pop, sp_int(ix));
        if (sp_iserr(v) || !sp_check_limits(vm)) { sp_unpin(vm, 1); return SP_ERRV; }
        SP_LIST(res)->items[i] = v;
    }
    sp_unpin(vm, 1);
    return res;
}

static sp_Value m_choices(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[4];
    int64_t k = 1;
    if (!PARSE("choices", "population|weights,$cum_weights,k", a)) return SP_ERRV;
    int64_t n = sp_len(vm, a[0]);
    if (n < 0 || (!sp_isnull(a[3]) && !sp_index(vm, a[3], &k))) return SP_ERRV;
    if (k < 0) k = 0;
    bool w = !sp_isnull(a[1]) && !sp_isnone(a[1]), cw = !sp_isnull(a[2]) && !sp_isnone(a[2]);
    if (w && cw) return sp_raise(vm, &sp_t_TypeError, "Cannot specify both weights and cumulative weights");
    if (w || cw) {
        if (w && sp_isint(a[1]))
            return sp_raise(vm, &sp_t_TypeError, "The number of choices must be a keyword argument: k=%lld",
                            (long long)a[1].u.i);
        sp_Value cum = w ? accumulate(vm, a[1]) : a[2];
        if (sp_iserr(cum) || !sp_pin(vm, cum)) return SP_ERRV;
        sp_Value res = choices_weighted(vm, r, a[0], n, cum, k);
        sp_unpin(vm, 1);
        return res;
    }
    sp_Value res = sp_list_new(vm, (size_t)k);
    if (sp_iserr(res) || !sp_pin(vm, res)) return SP_ERRV;
    for (int64_t i = 0; i < k; i++) {
        sp_Value v = sp_getitem(vm, a[0], sp_int((int64_t)floor(rnd(r) * (double)n)));
        if (sp_iserr(v) || !sp_check_limits(vm)) { sp_unpin(vm, 1); return SP_ERRV; }
        SP_LIST(res)->items[i] = v;
    }
    sp_unpin(vm, 1);
    return res;
}

static const sp_MethodDef random_methods[] = {
    {"seed", m_seed, 0},
    {"getstate", m_getstate, 0},
    {"setstate", m_setstate, 0},
    {"random", m_random, 0},
    {"getrandbits", m_getrandbits, 0},
    {"randbytes", m_randbytes, 0},
    {"randrange", m_randrange, 0},
    {"randint", m_randint, 0},
    {"choice", m_choice, 0},
    {"shuffle", m_shuffle, 0},
    {"sample", m_sample, 0},
    {"choices", m_choices, 0},
#define SP_RANDVAR_DEF(n) {#n, sp_randvar_##n, 0},
    SP_RANDVAR_METHODS(SP_RANDVAR_DEF)
#undef SP_RANDVAR_DEF
    {NULL, NULL, 0},
};

/* Random(x=None): seeded at once, from the host when x is None. */
static sp_Value random_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[1];
    if (!sp_parse_args(vm, "Random", args, nargs, kw, "|x", a)) return SP_ERRV;
    Rng *r = sp_newobj(vm, t, sizeof *r);
    if (!r || !sp_pin(vm, sp_objv(r))) return SP_ERRV;
    bool ok = do_seed(vm, r, a[0], SP_NULLV);
    sp_unpin(vm, 1);
    return ok ? sp_objv(r) : SP_ERRV;
}

static void random_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_markv(vm, ((Rng *)o)->gauss_next); }

sp_Type sp_t_Random_ = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "Random",
    .base = &sp_t_object,
    .methods = random_methods,
    .traverse = random_traverse,
    .new_ = random_new,
};

/* A snapshot holds [the MT words as little-endian bytes, index, gauss
 * spare], so a paused run continues the same sequence after a load (the
 * module's hidden instance too: sp_snap.c saves module-held objects). */
static int rng_save(sp_VM *vm, sp_Obj *o, sp_Value *v, uint32_t *hint) {
    Rng *r = (Rng *)o;
    uint8_t b[MT_N * 4];
    (void)hint;
    for (int i = 0; i < MT_N; i++)
        for (int k = 0; k < 4; k++) b[4 * i + k] = (uint8_t)(r->mt[i] >> (8 * k));
    v[0] = sp_bytes_new(vm, b, sizeof b), v[1] = sp_int(r->mti), v[2] = r->gauss_next;
    return sp_iserr(v[0]) ? -1 : 3;
}

static sp_Obj *rng_alloc(sp_VM *vm, uint32_t h) {
    Rng *r = sp_newobj(vm, &sp_t_Random_, sizeof *r);
    (void)h;
    if (r) r->mti = MT_N, r->gauss_next = SP_NONEV;
    return (sp_Obj *)r;
}

static bool rng_fill(sp_VM *vm, sp_Obj *o, const sp_Value *v, int n) {
    Rng *r = (Rng *)o;
    int64_t mti;
    if (n != 3 || !sp_istype(v[0], &sp_t_bytes) || SP_BYTES(v[0])->len != MT_N * 4 || !sp_snap_int(vm, v[1], 0, MT_N, &mti))
        return sp_raise(vm, &sp_t_ValueError, "bad random state"), false;
    const uint8_t *b = (const uint8_t *)SP_BYTES(v[0])->data;
    for (int i = 0; i < MT_N; i++)
        r->mt[i] = (uint32_t)b[4 * i] | (uint32_t)b[4 * i + 1] << 8 | (uint32_t)b[4 * i + 2] << 16 | (uint32_t)b[4 * i + 3] << 24;
    r->mti = (int)mti, r->gauss_next = v[2];
    return true;
}

const sp_SnapKind sp_snap_random[] = {
    {"random.Random", &sp_t_Random_, true, rng_save, rng_alloc, rng_fill},
    {NULL, NULL, false, NULL, NULL, NULL},
};

bool sp_random_init(sp_VM *vm, sp_Module *m) {
    sp_Value r = random_new(vm, &sp_t_Random_, NULL, 0, NULL);
    if (sp_iserr(r) || !sp_module_add(vm, m, "Random", sp_objv(&sp_t_Random_)) || !sp_module_add(vm, m, "_inst", r))
        return false;
    for (const sp_MethodDef *d = random_methods; d->name; d++) {
        sp_Value f = sp_cfunc_new(vm, d->name, d->fn, r, "Random");
        if (sp_iserr(f) || !sp_module_add(vm, m, d->name, f)) return false;
    }
    return true;
}
