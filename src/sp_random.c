/* sp_random.c - the random module: CPython 3.11's Mersenne Twister
 * (_randommodule.c) and the Python-level algorithms of Lib/random.py
 * (_randbelow_with_getrandbits, shuffle, sample, choices, gauss), so a given
 * seed yields exactly CPython's sequence.
 *
 * The sandbox has no entropy source: a generator that was never seeded
 * raises instead of inventing a seed.  The module functions are methods
 * bound to one hidden Random instance created at import.
 * TODO: a host hook (like vm->clock) to supply a default seed. */
#include <math.h>
#include <stdio.h>

#include "sp.h"

#define MT_N 624
#define MT_M 397

typedef struct Rng {
    sp_Obj h;
    uint32_t mt[MT_N];
    int mti;
    bool seeded, has_gauss;
    double gauss_next;
} Rng;

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

static double rnd(Rng *r) {
    uint32_t a = genrand(r) >> 5, b = genrand(r) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

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

/* ------------------------------------------------------------ seeding */

static sp_Value seed_int(sp_VM *vm, Rng *r, sp_Value n) {
    sp_Buf b;
    sp_buf_init(vm, &b);
    n = sp_unop(vm, SP_UOP_ABS, n);
    while (!sp_iserr(n) && sp_int_sign(n) != 0) {
        sp_Value lo = sp_binop(vm, SP_OP_AND, n, sp_int(0xffffffff));
        if (sp_iserr(lo)) { n = lo; break; }
        uint32_t w = (uint32_t)lo.u.i;
        if (!sp_buf_add(&b, &w, sizeof w) || !sp_check_limits(vm)) { n = SP_ERRV; break; }
        n = sp_binop(vm, SP_OP_RSHIFT, n, sp_int(32));
    }
    if (sp_iserr(n)) { sp_buf_free(&b); return SP_ERRV; }
    uint32_t zero = 0;
    size_t len = b.n / sizeof(uint32_t);
    uint32_t *key = len ? (uint32_t *)(void *)b.p : &zero;
    init_by_array(r, key, len ? len : 1);
    sp_buf_free(&b);
    r->seeded = true;
    r->has_gauss = false;
    return SP_NONEV;
}

static sp_Value do_seed(sp_VM *vm, Rng *r, sp_Value a) {
    if (sp_isnull(a) || sp_isnone(a))
        return sp_raise(vm, &sp_t_RuntimeError, "random: no entropy in the sandbox; call random.seed(n) first");
    if (sp_isintlike(a)) return seed_int(vm, r, sp_isbool(a) ? sp_int(a.u.i) : a);
    if (sp_isfloat(a)) {
        int64_t h;
        if (!sp_hash(vm, a, &h)) return SP_ERRV;
        return seed_int(vm, r, sp_int(h));
    }
    if (sp_isstr(a) || sp_istype(a, &sp_t_bytes))
        return sp_raise(vm, &sp_t_NotImplementedError, "random.seed(): str and bytes seeds are not supported in the sandbox; use an int");
    return sp_raise(vm, &sp_t_TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
}

/* ------------------------------------------------------------ methods */

static Rng *self_rng(sp_VM *vm, sp_Value *args, int nargs) {
    if (nargs < 1 || !sp_istype(args[0], &sp_t_Random_)) {
        sp_raise(vm, &sp_t_TypeError, "descriptor requires a 'Random' object");
        return NULL;
    }
    Rng *r = (Rng *)SP_O(args[0]);
    if (r->seeded) return r;
    sp_raise(vm, &sp_t_RuntimeError, "random: no entropy in the sandbox; call random.seed(n) first");
    return NULL;
}

/* Parse method arguments (self excluded from spec). */
#define PARSE(fn, spec, out) \
    (r = self_rng(vm, args, nargs), r && sp_parse_args(vm, fn, args + 1, nargs - 1, kw, spec, out))

static sp_Value m_seed(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    if (nargs < 1 || !sp_istype(args[0], &sp_t_Random_)) return sp_raise(vm, &sp_t_TypeError, "seed() needs a Random");
    if (!sp_parse_args(vm, "seed", args + 1, nargs - 1, kw, "|a,version", a)) return SP_ERRV;
    return do_seed(vm, (Rng *)SP_O(args[0]), a[0]);
}

static sp_Value m_random(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[1];
    return PARSE("random", "", a) ? sp_float(rnd(r)) : SP_ERRV;
}

static sp_Value m_getrandbits(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[1];
    int64_t k;
    if (!PARSE("getrandbits", "k", a) || !sp_index(vm, a[0], &k)) return SP_ERRV;
    if (k < 0) return sp_raise(vm, &sp_t_ValueError, "number of bits must be non-negative");
    if (k <= 63) return sp_int((int64_t)bits64(r, (int)k));
    size_t words = (size_t)((k - 1) / 32 + 1), hexlen;
    if (!sp_size_mul(vm, words, 8, &hexlen)) return SP_ERRV;
    char *hex = sp_malloc(vm, hexlen + 1);
    if (!hex) return SP_ERRV;
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t w = genrand(r);
        if (k < 32) w >>= (32 - k);
        char tmp[9];
        snprintf(tmp, sizeof tmp, "%08x", (unsigned)w);
        memcpy(hex + (words - 1 - i) * 8, tmp, 8);
    }
    sp_Value v = sp_int_from_str(vm, hex, hexlen, 16);
    sp_free(vm, hex, hexlen + 1);
    return v;
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
        ok = ok && in == 0 && sp_set_add(vm, sel, sp_int(j)) == 1 && !sp_iserr(v = sp_getitem(vm, pop, sp_int(j)));
        if (ok) res->items[i] = v;
    }
    sp_unpin(vm, 1);
    return ok;
}

static sp_Value m_sample(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[3];
    int64_t k;
    if (!PARSE("sample", "population,k|$counts", a)) return SP_ERRV;
    sp_Type *t = sp_typeof(a[0]);
    if (sp_issubtype(t, &sp_t_dict) || sp_issubtype(t, &sp_t_set) || sp_issubtype(t, &sp_t_frozenset))
        return sp_raise(vm, &sp_t_TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    if (!sp_isnull(a[2]) && !sp_isnone(a[2]))
        return sp_raise(vm, &sp_t_NotImplementedError, "sample(): counts= is not supported");
    int64_t n = sp_len(vm, a[0]);
    if (n < 0 || !sp_index(vm, a[1], &k)) return SP_ERRV;
    if (k < 0 || k > n) return sp_raise(vm, &sp_t_ValueError, "Sample larger than population or is negative");
    double setsize = 21;
    if (k > 5) setsize += pow(4.0, ceil(log((double)k * 3) / log(4.0)));
    sp_Value res = sp_list_new(vm, (size_t)k);
    if (sp_iserr(res) || !sp_pin(vm, res)) return SP_ERRV;
    bool ok = (double)n <= setsize ? sample_pool(vm, r, a[0], n, SP_LIST(res))
                                   : sample_set(vm, r, a[0], n, SP_LIST(res));
    sp_unpin(vm, 1);
    return ok ? res : SP_ERRV;
}

static sp_Value m_uniform(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[2];
    double x, y;
    if (!PARSE("uniform", "a,b", a) || !sp_as_double(vm, a[0], &x) || !sp_as_double(vm, a[1], &y)) return SP_ERRV;
    return sp_float(x + (y - x) * rnd(r));
}

static sp_Value m_gauss(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    Rng *r;
    sp_Value a[2];
    double mu = 0.0, sigma = 1.0, z;
    if (!PARSE("gauss", "|mu,sigma", a)) return SP_ERRV;
    if ((!sp_isnull(a[0]) && !sp_as_double(vm, a[0], &mu)) || (!sp_isnull(a[1]) && !sp_as_double(vm, a[1], &sigma)))
        return SP_ERRV;
    if (r->has_gauss) {
        z = r->gauss_next;
        r->has_gauss = false;
    } else {
        double x2pi = rnd(r) * 6.283185307179586, g2rad = sqrt(-2.0 * log(1.0 - rnd(r)));
        z = cos(x2pi) * g2rad;
        r->gauss_next = sin(x2pi) * g2rad;
        r->has_gauss = true;
    }
    return sp_float(mu + z * sigma);
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
        if (sp_iserr(v)) { sp_unpin(vm, 1); return v; }
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
            return sp_raise(vm, &sp_t_TypeError, "The number of choices must be a keyword argument: k=%lld", (long long)a[1].u.i);
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
        if (sp_iserr(v)) { sp_unpin(vm, 1); return v; }
        SP_LIST(res)->items[i] = v;
    }
    sp_unpin(vm, 1);
    return res;
}

static const sp_MethodDef random_methods[] = {
    {"seed", m_seed, 0},
    {"random", m_random, 0},
    {"getrandbits", m_getrandbits, 0},
    {"randrange", m_randrange, 0},
    {"randint", m_randint, 0},
    {"choice", m_choice, 0},
    {"shuffle", m_shuffle, 0},
    {"sample", m_sample, 0},
    {"uniform", m_uniform, 0},
    {"gauss", m_gauss, 0},
    {"choices", m_choices, 0},
    {NULL, NULL, 0},
};

static sp_Value random_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[1];
    if (!sp_parse_args(vm, "Random", args, nargs, kw, "|x", a)) return SP_ERRV;
    Rng *r = sp_newobj(vm, t, sizeof *r);
    if (!r) return SP_ERRV;
    if (!sp_isnull(a[0]) && !sp_isnone(a[0])) {
        if (!sp_pin(vm, sp_objv(r))) return SP_ERRV;
        sp_Value s = do_seed(vm, r, a[0]);
        sp_unpin(vm, 1);
        if (sp_iserr(s)) return s;
    }
    return sp_objv(r);
}

sp_Type sp_t_Random_ = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "Random",
    .base = &sp_t_object,
    .methods = random_methods,
    .new_ = random_new,
};

bool sp_random_init(sp_VM *vm, sp_Module *m) {
    Rng *r = sp_newobj(vm, &sp_t_Random_, sizeof *r);
    if (!r || !sp_module_add(vm, m, "Random", sp_objv(&sp_t_Random_)) || !sp_module_add(vm, m, "_inst", sp_objv(r)))
        return false;
    for (const sp_MethodDef *d = random_methods; d->name; d++) {
        sp_Value f = sp_cfunc_new(vm, d->name, d->fn, sp_objv(r), "Random");
        if (sp_iserr(f) || !sp_module_add(vm, m, d->name, f)) return false;
    }
    return true;
}
