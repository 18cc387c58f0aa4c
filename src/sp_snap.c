/* sp_snap.c - snapshots: a compiled code object, or the interpreter's
 * whole state (a PAUSED run, or the REPL between feeds), to bytes and back.
 *
 * Format (version 6): a 32-byte header ("SANDPY", u8 version, u8 0, u8
 * kind, u8 tag kind, 6 bytes 0, u64 payload length, u64 tag of the
 * payload: keyed SipHash-2-4, or a fast unkeyed sum when no key is set),
 * then the payload: u32 object count, the object records, the roots.
 * Counts, indexes and lengths are LEB128 varints; ints are zigzag varints;
 * floats and stored hashes 8 raw bytes.  A record is [u8 kind][len][body]
 * and its index is its position: records come in discovery order.  The
 * dump writes the roots on a side buffer, numbering each object the first
 * time a reference to it is written (its index + 1 sits in its header
 * meanwhile); the objects numbered form the queue of records, written in
 * turn (each numbering what it refers to), and the roots follow them.  A
 * dict with the keys of the last plain dict written in full names that
 * record instead of its keys (V_SHAPE); the load clones its table.  The
 * load scans the record headers once, then walks the bodies in passes: 0
 * makes empty class shells (instances need their layout; namedtuple
 * classes too), 1 every other object, from the last record back; an
 * object needed to make another (a code's constants, a generator's code,
 * a bound method's self) is made first, on demand, nesting under the C
 * stack guard.  Then, in index order, 2 fills most (tuple-based instances
 * too), 3 fills dicts, sets, instances and namedtuple classes (every
 * tuple a key hashes through is complete by then; a frozenset key is
 * filled on demand; a dict's shape source comes before it); the classes
 * are rebuilt, bases first (sp_class_restore); 4 fills module objects
 * (sp_snap.h; one another's values first, on demand), 5 dict iterators.
 * Neither dumping nor loading runs Python code: no __reduce__, __hash__
 * or __eq__.  Versions before 6 are refused ("unsupported version"; 6: a
 * traceback entry's kind, inlined comprehensions' opcodes and blocks).
 *
 * One routine per kind writes an object; the references it writes are
 * what joins the queue, so the two cannot disagree.
 *
 * Builtins (types, functions, singletons) go by name; a host function by
 * its registered name; modules, and every object an imported module holds,
 * by module and attribute name (one identity after the load); code objects
 * are rebuilt through sp_code_new, so the bytecode verifier checks them
 * again, and a frame's ip, stack depth and blocks must match what the
 * verifier computes.  The objects of other modules' private types
 * (iterators, range, slice, property...) are described by field layouts
 * below, checked against the object size; the types of datetime,
 * collections (namedtuple classes too), functools.partial, re, random,
 * hashlib, itertools, set and callable iterators describe themselves
 * (sp_snap.h); an instance of a class deriving from one of them is
 * [class][that kind's values][__dict__], filled in pass 4.  Unsupported
 * objects (re.finditer's iterator...) make the dump fail with a clear
 * error instead of writing a partial state.
 *
 * Trust: the keyed hash authenticates the bytes when the host sets
 * cfg.snapshot_key; any change is rejected before parsing.  Every count
 * and index is bounds-checked either way, and allocation goes through the
 * interpreter's limits. */
#include "sp_api.h"
#include "sp_class.h"
#include "sp_cont.h"
#include "sp_snap.h"
#include "sp_strimpl.h"

enum { SNAP_VERSION = 6, HDR = 32, KIND_CODE = 1, KIND_STATE = 2 };

/* Object kinds. */
enum {
    K_STR = 1, K_BYTES, K_BIGINT, K_TUPLE, K_LIST, K_DICT, K_SET, K_FROZENSET, K_CODE, K_FUNC,
    K_CELL, K_GEN, K_EXC, K_TB, K_MODULE, K_BOUND, K_CFUNC, K_EXTFN, K_FUTURE, K_LAYOUT,
    K_TYPE, K_INST, K_MODREF, K_NATIVE, K_NTYPE, K_LAST = K_NTYPE
};
/* How a dict or set entry's hash comes back (keys other than str and int):
 * recomputed (no user code can run for it), the key's identity, or the
 * stored hash (a Python __hash__ is involved: never called). */
enum { H_NATIVE = 0, H_IDENTITY, H_STORED };
/* Value tags. */
enum { V_NULL = 0, V_NONE, V_BOOL, V_INT, V_FLOAT, V_OBJ, V_BUILTIN, V_METHODDEF, V_EMPTYTUPLE, V_STR, V_MODSTATIC };
/* A dict body [n][V_SHAPE][idx][n values]: the same keys, in the same
 * order, as the plain dict record idx, which comes earlier (its index
 * table is cloned on load: nothing is hashed or compared). */
enum { V_SHAPE = 0x40, SHAPE_MAX = 16 };

/* ================================================================ SipHash-2-4 */

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND(v0, v1, v2, v3) do { \
        v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32); \
        v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2; \
        v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0; \
        v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32); \
    } while (0)

static uint64_t rd64(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = (v << 8) | p[i];
    return v;
}

static uint64_t siphash(const uint8_t key[16], const uint8_t *p, size_t n) {
    uint64_t k0 = rd64(key), k1 = rd64(key + 8);
    uint64_t v0 = 0x736f6d6570736575ULL ^ k0, v1 = 0x646f72616e646f6dULL ^ k1;
    uint64_t v2 = 0x6c7967656e657261ULL ^ k0, v3 = 0x7465646279746573ULL ^ k1;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t m = rd64(p + i);
        v3 ^= m;
        SIPROUND(v0, v1, v2, v3);
        SIPROUND(v0, v1, v2, v3);
        v0 ^= m;
    }
    uint64_t b = (uint64_t)n << 56;
    for (size_t j = 0; i + j < n; j++) b |= (uint64_t)p[i + j] << (8 * j);
    v3 ^= b;
    SIPROUND(v0, v1, v2, v3);
    SIPROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    for (int r = 0; r < 4; r++) SIPROUND(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

/* Without a key the tag only detects corruption (anyone can compute a
 * SipHash under the all-zero key), so it is this much faster sum instead:
 * four 64-bit multiply-rotate lanes over 32-byte blocks, then a mix. */
static uint64_t lane(uint64_t acc, uint64_t m) {
    acc += m * 0xC2B2AE3D27D4EB4FULL;
    return ROTL(acc, 31) * 0x9E3779B185EBCA87ULL;
}

static uint64_t rd64le(const uint8_t *p) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
#else
    return rd64(p);
#endif
}

static inline void wr64le(uint8_t *p, uint64_t v) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(p, &v, 8);
#else
    for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
#endif
}

static uint64_t fastsum(const uint8_t *p, size_t n) {
    uint64_t a = 0x60EA27EEADC0B5D6ULL, b = 0xC2B2AE3D27D4EB4FULL, c = 0, d = 0x61C8864E7A143579ULL;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        a = lane(a, rd64le(p + i)), b = lane(b, rd64le(p + i + 8));
        c = lane(c, rd64le(p + i + 16)), d = lane(d, rd64le(p + i + 24));
    }
    uint64_t h = ROTL(a, 1) + ROTL(b, 7) + ROTL(c, 12) + ROTL(d, 18) + n;
    for (; i + 8 <= n; i += 8) h = lane(h, rd64le(p + i));
    for (; i < n; i++) h = (h ^ p[i]) * 0x100000001B3ULL;
    h ^= h >> 33, h *= 0xFF51AFD7ED558CCDULL, h ^= h >> 29, h *= 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 32);
}

static bool zero_key(const uint8_t key[16]) {
    uint8_t z = 0;
    for (int i = 0; i < 16; i++) z |= key[i];
    return !z;
}

/* The header's tag: byte 9 says which (0 SipHash-2-4, 1 the fast sum). */
static uint64_t tag_of(const uint8_t key[16], const uint8_t *p, size_t n) {
    return zero_key(key) ? fastsum(p, n) : siphash(key, p, n);
}

/* ================================================================ layouts */

/* Objects of types private to other modules, described field by field:
 * 'v' an sp_Value, 'o' an object pointer, '8' 8 plain bytes, '1' one byte;
 * natural alignment, total rounded to 8.  'd' is a dict pointer whose
 * following '8' is an entry position (translated, as holes are dropped). */
typedef struct Layout {
    const char *name, *fields;
} Layout;

static const Layout layouts[] = {
    {"list_iterator", "S8"}, {"tuple_iterator", "S8"}, {"list_reverseiterator", "S8"},
    {"reversed", "v8"}, {"range_iterator", "888"}, {"str_ascii_iterator", "o8"},
    {"str_iterator", "o8"}, {"bytes_iterator", "o8"}, {"dict_keyiterator", "d888"},
    {"dict_valueiterator", "d888"}, {"dict_itemiterator", "d888"},
    {"dict_reversekeyiterator", "d888"}, {"enumerate", "vI"}, {"zip", "Tv1"}, {"map", "Tv1"},
    {"filter", "Tv1"}, {"range", "8888"}, {"slice", "vvv"}, {"staticmethod", "v"},
    {"classmethod", "v"}, {"property", "vvvvv"},
};
#define NLAYOUTS (sizeof layouts / sizeof *layouts)

/* Value fields may be typed: 'S' a list or tuple, 'T' a tuple, 'I' an int
 * (each or SP_NULL), 'v' anything. */
static bool is_val_field(char f) { return f == 'v' || f == 'S' || f == 'T' || f == 'I'; }
static size_t field_size(char f) { return f == '1' ? 1 : is_val_field(f) ? sizeof(sp_Value) : 8; }

static bool field_ok(char f, sp_Value v) {
    if (f == 'v' || sp_isnull(v)) return true;
    if (f == 'S') return sp_islist(v) || sp_istuple(v);
    if (f == 'T') return sp_istuple(v);
    return sp_isintlike(v);
}

static size_t layout_size(const char *f) {
    size_t at = sizeof(sp_Obj);
    for (; *f; f++) {
        size_t s = field_size(*f), al = s > 8 ? 8 : s;
        at = (at + al - 1) / al * al + s;
    }
    return (at + 7) / 8 * 8;
}

static const Layout *layout_of(sp_Type *t) {
    for (size_t i = 0; i < NLAYOUTS; i++)
        if (!strcmp(layouts[i].name, t->name)) return &layouts[i];
    return NULL;
}

/* The type object behind a layout name, found by making a sample object
 * (the types themselves are private to their modules). */
static sp_Type *probe_type(sp_VM *vm, const char *name) {
    static const char *const src[][2] = {
        {"list_iterator", "l"}, {"tuple_iterator", "t"}, {"range_iterator", "r"},
        {"str_ascii_iterator", "a"}, {"str_iterator", "u"}, {"bytes_iterator", "b"},
        {"dict_keyiterator", "d"}, {"dict_valueiterator", "dvalues"},
        {"dict_itemiterator", "ditems"}, {"dict_reversekeyiterator", "D"},
        {"list_reverseiterator", "L"},
    };
    sp_Type *direct[] = {&sp_t_reversed, &sp_t_enumerate, &sp_t_zip, &sp_t_map, &sp_t_filter,
                         &sp_t_range, &sp_t_slice, &sp_t_staticmethod, &sp_t_classmethod, &sp_t_property};
    for (size_t i = 0; i < sizeof direct / sizeof *direct; i++)
        if (!strcmp(direct[i]->name, name)) return direct[i];
    for (size_t i = 0; i < sizeof src / sizeof *src; i++) {
        if (strcmp(src[i][0], name)) continue;
        const char *how = src[i][1];
        sp_Value one = sp_int(1), s;
        switch (how[0]) {
        case 'l': case 'L': s = sp_list_new(vm, 0); break;
        case 't': s = sp_tuple_pack(vm, 1, &one); break;
        case 'r': s = sp_t_range.new_(vm, &sp_t_range, &one, 1, NULL); break;
        case 'a': s = sp_str_new(vm, "a", 1); break;
        case 'u': s = sp_str_new(vm, "\xc3\xa9", 2); break;
        case 'b': s = sp_bytes_new(vm, "", 0); break;
        default: s = sp_dict_new(vm); break;
        }
        if (!sp_iserr(s) && how[1]) s = sp_getattrs(vm, s, how + 1);
        if (!sp_iserr(s) && how[1]) s = sp_call0(vm, s);
        if (!sp_iserr(s) && (how[0] == 'D' || how[0] == 'L'))
            s = sp_t_reversed.new_(vm, &sp_t_reversed, &s, 1, NULL);
        else if (!sp_iserr(s)) s = sp_iter(vm, s);
        if (sp_iserr(s)) return NULL;
        return sp_typeof(s);
    }
    return NULL;
}

/* ================================================================ natives */

/* Module types that describe themselves (sp_snap.h). */
static const sp_SnapKind *const natives[] = {sp_snap_datetime, sp_snap_collections, sp_snap_functools,
                                             sp_snap_re,       sp_snap_random,      sp_snap_set,
                                             sp_snap_hashlib,  sp_snap_itertools, sp_snap_iter,
                                             sp_snap_classes};

/* Kinds of classes are records of kind K_NTYPE: made in pass 0. */
static bool class_kind(const sp_SnapKind *k) {
    for (const sp_SnapKind *c = sp_snap_classes; c->name; c++)
        if (c == k) return true;
    return false;
}

/* The builtin layout of an instance of t: a class's solid, tuple for a
 * namedtuple class; NULL for other types. */
static sp_Type *inst_solid(sp_Type *t) { return spc_is_ntclass(t) ? &sp_t_tuple : sp_class_solid(t); }

static const sp_SnapKind *native_of(sp_Type *t) {
    for (size_t i = 0; i < sizeof natives / sizeof *natives; i++)
        for (const sp_SnapKind *k = natives[i]; k->name; k++)
            if (k->type == t) return k;
    return NULL;
}

static const sp_SnapKind *native_named(const char *s, size_t n) {
    for (size_t i = 0; i < sizeof natives / sizeof *natives; i++)
        for (const sp_SnapKind *k = natives[i]; k->name; k++)
            if (strlen(k->name) == n && !memcmp(k->name, s, n)) return k;
    return NULL;
}

bool sp_snap_int(sp_VM *vm, sp_Value v, int64_t lo, int64_t hi, int64_t *out) {
    if (!sp_isint(v) || v.u.i < lo || v.u.i > hi) return sp_raise(vm, &sp_t_ValueError, "bad field"), false;
    *out = v.u.i;
    return true;
}

/* ================================================================ dump */

/* While a dump runs, an object's index + 1 sits in the upper bits of its
 * header's gcflags (no collection can run meanwhile); dump_free clears it. */
enum { IDX_SHIFT = 8, MODREF = 4 };
#define IDX_MAX ((1u << (32 - IDX_SHIFT)) - 2)

typedef struct Dump {
    sandpy *sp;
    sp_VM *vm;
    sp_Buf *w;              /* where put writes: side for the roots, then out */
    sp_Buf *out, side;
    bool ok;
    size_t n;               /* objects found so far; records 0..n-1 are written in turn */
    sp_Obj **objs;          /* index -> object: the queue of records to write */
    struct ModRef { sp_Obj *o; sp_Value mod, attr; } *mrefs; /* module-owned objects, by name */
    size_t nmref, mrefcap;
    size_t objcap, objlim;  /* objlim: min(objcap, IDX_MAX), numbering's inline bound */
    sp_Value shape[SHAPE_MAX]; /* the keys of the last plain dict written out in full */
    uint32_t nshape, shape_idx;
    uint8_t shape_hdr[8];   /* [nshape][V_SHAPE][shape_idx] encoded once */
    size_t shape_hlen;
} Dump;

static bool fail(Dump *d, sp_Type *t, const char *fmt, const char *arg) {
    if (d->ok) sp_raise(d->vm, t, fmt, arg);
    d->ok = false;
    return false;
}

/* Grow an array of n items of size sz to hold one more. */
static bool grow(Dump *d, void **p, size_t *cap, size_t n, size_t sz) {
    if (n < *cap) return true;
    size_t nc = *cap ? *cap * 2 : 256;
    void *q = sp_realloc(d->vm, *p, *cap * sz, nc * sz);
    if (!q) return d->ok = false;
    *p = q, *cap = nc;
    return true;
}

/* A new object's index: the order in which the dump first met it, which
 * is also the position of its record (queued here, written in turn).
 * Inline while the queue has room; index_of grows it. */
static inline uint32_t number(Dump *d, sp_Obj *o) {
    uint32_t idx = (uint32_t)d->n;
    o->gcflags |= (idx + 1) << IDX_SHIFT;
    d->objs[idx] = o;
    d->n++;
    return idx;
}

static uint32_t index_of(Dump *d, sp_Obj *o) {
    if (d->n < d->objlim) return number(d, o);
    if (d->n >= IDX_MAX) return fail(d, &sp_t_MemoryError, "snapshot: %s", "too many objects"), 0;
    if (!grow(d, (void **)&d->objs, &d->objcap, d->n, sizeof *d->objs)) return 0;
    d->objlim = d->objcap < IDX_MAX ? d->objcap : IDX_MAX;
    return number(d, o);
}

/* Every write checks for room; only growing leaves the inline path.
 * After a failure writes go on into a valid buffer and are discarded. */
static inline bool room(Dump *d, size_t n) {
    sp_Buf *w = d->w;
    if (w->cap - w->n >= n) return true;
    if (d->ok && sp_buf_reserve(w, n)) return true;
    return d->ok = false;
}

static inline void put(Dump *d, const void *p, size_t n) {
    if (room(d, n)) memcpy(d->w->p + d->w->n, p, n), d->w->n += n;
}

static inline void put_u8(Dump *d, uint8_t v) {
    if (room(d, 1)) d->w->p[d->w->n++] = (char)v;
}

/* Counts, indexes and lengths are LEB128 varints (1 byte below 128),
 * optionally after a tag byte (one room check for both). */
static inline uint8_t *enc_u(uint8_t *q, uint64_t v) {
    if (v < 0x80) return *q = (uint8_t)v, q + 1;
    if (v < 0x4000) return q[0] = (uint8_t)(v | 0x80), q[1] = (uint8_t)(v >> 7), q + 2;
    for (; v >= 0x80; v >>= 7) *q++ = (uint8_t)(v | 0x80);
    *q++ = (uint8_t)v;
    return q;
}

static inline void put_tagged(Dump *d, int tag, uint64_t v) {
    if (!room(d, 11)) return;
    uint8_t *p = (uint8_t *)d->w->p + d->w->n, *q = p;
    if (tag >= 0) *q++ = (uint8_t)tag;
    d->w->n += (size_t)(enc_u(q, v) - p);
}

static inline void put_u64(Dump *d, uint64_t v) { put_tagged(d, -1, v); }
static inline void put_u32(Dump *d, uint32_t v) { put_tagged(d, -1, v); }

/* Floats and hashes: 8 raw bytes, little-endian. */
static void put_raw64(Dump *d, uint64_t v) {
    uint8_t b[8];
    for (int i = 0; i < 8; i++) b[i] = (uint8_t)(v >> (8 * i));
    put(d, b, 8);
}

static void put_bytes(Dump *d, const void *p, size_t n) {
    if (n > UINT32_MAX) return (void)fail(d, &sp_t_OverflowError, "snapshot: %s too long", "string");
    put_u32(d, (uint32_t)n);
    put(d, p, n);
}

/* A static builtin by its builtins name. */
static const char *builtin_name(sp_VM *vm, sp_Obj *o) {
    extern const char *sp_builtin_name_(size_t i);
    for (size_t i = 0; sp_builtin_name_(i); i++) {
        const char *n = sp_builtin_name_(i);
        sp_Value k = sp_str_intern_cstr(vm, n);
        if (!sp_iserr(k) && sp_builtin_lookup(vm, SP_STR(k)).u.o == o) return n;
    }
    return NULL;
}

/* Class constants of a module's static types (datetime.timezone.min) go
 * by "type.name", name one of these, read through the static type's own
 * getattr (C code, never a user's); SP_NULLV if there is none. */
static const char *const class_consts[] = {"min", "max", "resolution", "utc"};

static sp_Value class_const(sp_VM *vm, sp_Value t, const char *name, size_t n) {
    size_t i = 0;
    while (i < sizeof class_consts / sizeof *class_consts && (strlen(class_consts[i]) != n || memcmp(class_consts[i], name, n)))
        i++;
    if (i == sizeof class_consts / sizeof *class_consts || !sp_isobj(t) || !(SP_O(t)->gcflags & SP_GC_STATIC) ||
        !sp_issubtype(sp_typeof(t), &sp_t_type))
        return SP_NULLV;
    sp_Value k = sp_str_intern_cstr(vm, class_consts[i]);
    sp_Value v = sp_iserr(k) ? k : sp_getattr(vm, t, SP_STR(k));
    if (sp_iserr(v)) sp_err_clear(vm);
    return sp_isobj(v) ? v : SP_NULLV;
}

/* Where module m's namespace holds o (or a class constant that is o):
 * the attribute name in buf; false if nowhere. */
static bool modstatic_name(sp_VM *vm, sp_Dict *ns, sp_Obj *o, char *buf, size_t cap) {
    size_t pos, n;
    sp_Value a, v, c;
    for (int pass = 0; pass < 2; pass++)
        for (pos = 0; sp_dict_next(ns, &pos, &a, &v);) {
            if (!sp_isstr(a) || (n = SP_STR(a)->len) + 12 > cap) continue;
            memcpy(buf, SP_STR(a)->data, n), buf[n] = 0;
            if (pass == 0 && sp_isobj(v) && SP_O(v) == o) return true;
            for (size_t i = 0; pass == 1 && i < sizeof class_consts / sizeof *class_consts; i++)
                if (sp_isobj(c = class_const(vm, v, class_consts[i], strlen(class_consts[i]))) && SP_O(c) == o)
                    return buf[n] = '.', strcpy(buf + n + 1, class_consts[i]), true;
        }
    return false;
}

/* A static object a module holds (collections.deque...): by module and
 * attribute name.  Static objects are shared between interpreters, so
 * they never carry an index in their header. */
static bool put_modstatic(Dump *d, sp_Obj *o) {
    size_t pos = 0;
    sp_Value k, m;
    char name[256];
    while (d->vm->modules && sp_dict_next(d->vm->modules, &pos, &k, &m)) {
        if (!sp_istype(m, &sp_t_module) || SP_STR(k)->data[0] == ' ') continue;
        if (!modstatic_name(d->vm, SP_AS(sp_Module, m)->dict, o, name, sizeof name)) continue;
        put_u8(d, V_MODSTATIC);
        put_bytes(d, SP_STR(k)->data, SP_STR(k)->len);
        put_bytes(d, name, strlen(name));
        return true;
    }
    return false;
}

/* The values put_val leaves out of its fast path. */
static void put_val_slow(Dump *d, sp_Value v) {
    switch (v.tag) {
    case SP_NULL:
        if (v.u.o) { /* LOAD_METHOD's static method def */
            const sp_MethodDef *m = (const sp_MethodDef *)(uintptr_t)v.u.o;
            put_u8(d, V_METHODDEF);
            put_bytes(d, m->name, strlen(m->name));
        } else {
            put_u8(d, V_NULL);
        }
        return;
    case SP_NONE: put_u8(d, V_NONE); return;
    case SP_OBJ: break;
    default: fail(d, &sp_t_SystemError, "snapshot: %s value", "error"); return;
    }
    sp_Obj *o = v.u.o; /* static: a builtin or a module's, by name */
    if (o == &sp_empty_tuple.h) return put_u8(d, V_EMPTYTUPLE);
    if (o->type == &sp_t_str) { /* a C constant string */
        put_u8(d, V_STR);
        put_bytes(d, SP_STR(v)->data, SP_STR(v)->len);
        return;
    }
    const char *n = builtin_name(d->vm, o);
    if (n) return put_u8(d, V_BUILTIN), put_bytes(d, n, strlen(n));
    if (!put_modstatic(d, o)) fail(d, &sp_t_TypeError, "cannot snapshot the builtin object %s", o->type->name);
}

/* The common values written at q, which has room for 11 bytes: heap
 * objects by index, ints (zigzag: small negatives stay short), bools
 * ([V_BOOL][0 or 1]), floats and None; NULL for the others (builtins,
 * C constant strs, method defs: put_val_slow). */
static inline uint8_t *enc_val(Dump *d, uint8_t *q, sp_Value v) {
    uint64_t u;
    if (v.tag == SP_OBJ) { /* an if chain: cheaper than a jump table here */
        uint32_t f = v.u.o->gcflags, seen = f >> IDX_SHIFT;
        if (f & SP_GC_STATIC) return NULL;
        *q++ = V_OBJ, u = seen ? seen - 1 : d->n < d->objlim ? number(d, v.u.o) : index_of(d, v.u.o);
    } else if (v.tag == SP_INT) {
        *q++ = V_INT, u = ((uint64_t)v.u.i << 1) ^ (v.u.i < 0 ? ~(uint64_t)0 : 0);
    } else if (v.tag == SP_BOOL) {
        return q[0] = V_BOOL, q[1] = v.u.i != 0, q + 2;
    } else if (v.tag == SP_NONE) {
        return *q = V_NONE, q + 1;
    } else if (v.tag == SP_FLOAT) { /* 8 raw bytes, little-endian */
        memcpy(&u, &v.u.f, 8), *q = V_FLOAT, wr64le(q + 1, u);
        return q + 9;
    } else {
        return NULL;
    }
    return enc_u(q, u);
}

static void put_val(Dump *d, sp_Value v) {
    if (!room(d, 11)) return;
    uint8_t *e = enc_val(d, (uint8_t *)d->w->p + d->w->n, v);
    if (e) d->w->n = (size_t)(e - (uint8_t *)d->w->p);
    else put_val_slow(d, v);
}

/* n values, up to 64 per capacity check. */
static void put_vals(Dump *d, const sp_Value *vals, size_t n) {
    size_t i = 0;
    while (i < n && room(d, 11 * 64)) {
        uint8_t *p = (uint8_t *)d->w->p, *q = p + d->w->n, *e;
        size_t stop = n - i < 64 ? n : i + 64;
        for (; i < stop && (e = enc_val(d, q, vals[i])); i++) q = e;
        d->w->n = (size_t)(q - p);
        if (i < stop) put_val_slow(d, vals[i++]);
    }
}

static void put_obj(Dump *d, void *o) { put_val(d, o ? sp_objv(o) : SP_NULLV); }

/* ------------------------------------------------------------ per kind */

static void io_seq(Dump *d, const sp_Value *items, size_t n) {
    put_u32(d, (uint32_t)n);
    put_vals(d, items, n);
}

/* Keys hash the same after a load when hashing them runs no Python code
 * and depends on their contents only (id-based parts are recomputed). */
static bool plain_key(Dump *d, sp_Value k, int depth) {
    if (!sp_isobj(k) || (SP_O(k)->gcflags & SP_GC_STATIC)) return true;
    sp_Type *t = SP_O(k)->type;
    if ((t->flags & SP_TF_HEAPTYPE) || native_of(t)) return false;
    if (t == &sp_t_type && sp_class_solid((sp_Type *)SP_O(k))) /* a class: its metaclass's hash */
        return sp_class_user_hash(d->vm, t) == 0;
    if (t != &sp_t_tuple && !spc_is_ntclass(t)) return true;
    if (depth > 32) return false;
    for (size_t i = 0; i < SP_TUPLE(k)->n; i++)
        if (!plain_key(d, SP_TUPLE(k)->items[i], depth + 1)) return false;
    return true;
}

/* A dict or set entry's key and, unless it is a str or an int, how its
 * hash comes back (H_*). */
static void put_key(Dump *d, sp_Value k, int64_t hash) {
    put_val(d, k);
    if (sp_isint(k) || sp_isstr(k)) return;
    sp_Type *t = sp_typeof(k), *solid = sp_class_solid(t);
    const sp_SnapKind *nk = native_of(t);
    if (nk) return put_u8(d, nk->idhash ? H_IDENTITY : H_STORED), nk->idhash ? (void)0 : put_raw64(d, (uint64_t)hash);
    if (plain_key(d, k, 0)) return put_u8(d, H_NATIVE);
    if ((solid == &sp_t_object || solid == &sp_t_BaseException || solid == &sp_t_type) &&
        sp_class_user_hash(d->vm, t) == 0)
        return put_u8(d, H_IDENTITY);
    put_u8(d, H_STORED);
    put_raw64(d, (uint64_t)hash);
}

/* A dict with the keys of the shape (the last plain dict written in
 * full): its body read in place, written under one capacity check; false
 * for another dict. */
static inline bool shaped(Dump *d, sp_Dict *dict) {
    size_t n = d->nshape, stride;
    const sp_Value *first = n ? spc_dict_keys_are(dict, d->shape, n, &stride) : NULL;
    if (first) { /* [n][V_SHAPE][idx][values] in one capacity check */
        if (!room(d, 8 + 11 * n)) return true;
        uint8_t *p = (uint8_t *)d->w->p, *q = p + d->w->n;
        memcpy(q, d->shape_hdr, 8), q += d->shape_hlen;
        const char *at = (const char *)first;
        for (size_t i = 0; i < n; i++, at += stride) {
            sp_Value val = *(const sp_Value *)(const void *)at;
            uint8_t *e = enc_val(d, q, val);
            if (e) {
                q = e;
                continue;
            }
            d->w->n = (size_t)(q - p);
            put_val_slow(d, val); /* a builtin, a method def: then room again */
            if (!room(d, 11 * n)) return true;
            p = (uint8_t *)d->w->p, q = p + d->w->n;
        }
        d->w->n = (size_t)(q - p);
        return true;
    }
    return false;
}

/* The other dicts: [n] then key, hash mode and value per entry.  idx is
 * the plain dict's own index (UINT32_MAX for a subclass instance), which
 * may become the shape later dicts refer to (its record is out by then:
 * records go in index order). */
static void dict_entries(Dump *d, sp_Dict *dict, uint32_t idx) {
    size_t pos = 0, n = sp_dict_len(dict);
    sp_Value k, v;
    put_u32(d, (uint32_t)n);
    bool remember = idx != UINT32_MAX && n && n <= SHAPE_MAX;
    for (uint32_t i = 0; sp_dict_next(dict, &pos, &k, &v); i++) {
        put_key(d, k, spc_dict_hash_at(dict, pos)), put_val(d, v);
        if (remember) d->shape[i] = k;
    }
    if (!remember) return;
    uint8_t *q = enc_u(d->shape_hdr, n);
    *q++ = V_SHAPE, q = enc_u(q, idx);
    d->nshape = (uint32_t)n, d->shape_idx = idx, d->shape_hlen = (size_t)(q - d->shape_hdr);
}

static void io_dict(Dump *d, sp_Dict *dict, uint32_t idx) {
    if (!shaped(d, dict)) dict_entries(d, dict, idx);
}

static void io_set(Dump *d, sp_Value s) {
    size_t pos = 0, n = 0;
    sp_Value k;
    while (sp_set_next(s, &pos, &k)) n++;
    put_u32(d, (uint32_t)n);
    for (pos = 0; sp_set_next(s, &pos, &k);) put_key(d, k, spc_set_hash_at(s, pos));
}

static void io_code(Dump *d, sp_Code *c) {
    size_t nlp = (size_t)c->nlocals + c->ncells + c->nfree;
    put_obj(d, c->name), put_obj(d, c->qualname), put_obj(d, c->filename), put_val(d, c->source);
    put_u32(d, c->flags), put_u32(d, (uint32_t)c->argcount), put_u32(d, (uint32_t)c->posonlyargcount);
    put_u32(d, (uint32_t)c->kwonlyargcount), put_u32(d, (uint32_t)c->firstline);
    put_u32(d, c->ncode);
    for (uint32_t i = 0; i < c->ncode; i++) put_u32(d, c->code[i]);
    for (uint32_t i = 0; i < c->ncode; i++) put_u32(d, (uint32_t)sp_code_line(c, i));
    io_seq(d, c->consts, c->nconsts);
    put_u32(d, c->nnames);
    for (uint32_t i = 0; i < c->nnames; i++) put_obj(d, c->names[i]);
    put_u32(d, c->nlocals), put_u32(d, c->ncells), put_u32(d, c->nfree);
    for (size_t i = 0; i < nlp; i++) put_obj(d, c->localnames[i]);
}

static void io_func(Dump *d, sp_Func *f) {
    put_obj(d, f->code), put_obj(d, f->globals), put_obj(d, f->name), put_obj(d, f->qualname);
    put_val(d, f->defaults), put_val(d, f->kwdefaults), put_val(d, f->closure);
    put_val(d, f->doc), put_val(d, f->module), put_obj(d, f->dict);
}

/* A frame: [code func globals locals][ip depth retmode nblocks][blocks]
 * [result][localsplus][stack]. */
static void io_frame(Dump *d, sp_Frame *f) {
    sp_Code *c = f->code;
    sp_Value *L = sp_frame_locals(f);
    size_t nlp = (size_t)c->nlocals + c->ncells + c->nfree, depth = (size_t)(f->sp - f->stack);
    put_obj(d, c), put_obj(d, f->func), put_obj(d, f->globals), put_obj(d, f->locals);
    put_u32(d, (uint32_t)(f->ip - c->code)), put_u32(d, (uint32_t)depth);
    put_u8(d, f->retmode), put_u32(d, (uint32_t)f->nblocks);
    for (int i = 0; i < f->nblocks; i++) {
        put_u32(d, (uint32_t)sp_frame_blocks(f)[i].handler);
        put_u32(d, sp_frame_blocks(f)[i].level);
    }
    put_val(d, f->result);
    for (size_t i = 0; i < nlp + depth; i++) put_val(d, L[i]);
}

static void io_gen(Dump *d, sp_Gen *g) {
    put_obj(d, g->name), put_obj(d, g->qualname), put_val(d, g->exc_state), put_val(d, g->retval);
    put_u8(d, (uint8_t)g->state);
    if (g->state != SP_GEN_DONE) io_frame(d, g->frame);
}

static void io_exc_fields(Dump *d, sp_Exc *e) {
    put_val(d, e->args), put_val(d, e->cause), put_val(d, e->context);
    put_u8(d, e->suppress_context), put_obj(d, e->tb), put_obj(d, e->dict);
}

static void io_exc(Dump *d, sp_Exc *e) {
    const char *t = builtin_name(d->vm, &e->h.type->h);
    if (!t) return (void)fail(d, &sp_t_TypeError, "cannot snapshot an exception of class %s", e->h.type->name);
    put_bytes(d, t, strlen(t));
    io_exc_fields(d, e);
}

/* A class: [solid] (read first, to make an empty shell), then
 * [metaclass name bases namespace flags].  The MRO and the slots are
 * recomputed on load; no Python code runs either way. */
static void io_type(Dump *d, sp_Type *t) {
    put_obj(d, sp_class_solid(t)); /* a builtin or a module's static type */
    put_obj(d, t->h.type), put_obj(d, sp_class_name(t)), put_val(d, t->bases), put_obj(d, t->dict);
    put_u32(d, sp_class_flags(t));
}

static void io_native_vals(Dump *d, sp_Obj *o, const sp_SnapKind *k, bool hint);

/* An instance: [class][the solid's own body][__dict__ unless an exception].
 * A boxed int/float/str/bytes is [class][value][__dict__]. */
static void io_inst(Dump *d, sp_Obj *o) {
    sp_Type *t = o->type, *solid = inst_solid(t);
    sp_Value v = sp_objv(o);
    const sp_SnapKind *nk = native_of(solid);
    put_obj(d, t);
    if (solid == &sp_t_BaseException) return io_exc_fields(d, (sp_Exc *)o);
    if (sp_sub_boxed(solid)) return put_val(d, ((sp_Box *)o)->val), put_obj(d, ((sp_Box *)o)->dict);
    if (solid == &sp_t_list) io_seq(d, SP_LIST(v)->items, SP_LIST(v)->n);
    else if (solid == &sp_t_dict) io_dict(d, SP_DICT(v), UINT32_MAX);
    else if (solid == &sp_t_tuple) io_seq(d, SP_TUPLE(v)->items, SP_TUPLE(v)->n);
    else if (solid == &sp_t_set || solid == &sp_t_frozenset) io_set(d, v);
    else if (nk && !class_kind(nk)) io_native_vals(d, o, nk, false); /* deque, defaultdict... */
    else if (solid != &sp_t_object) return (void)fail(d, &sp_t_TypeError, "cannot snapshot a '%s' object", t->name);
    sp_Dict **dp = sp_class_dictp(v);
    put_obj(d, dp ? *dp : NULL);
}

/* A native function: a builtin by name, a module's function by module and
 * name, or a method bound to self. */
static void io_cfunc(Dump *d, sp_CFunc *f) {
    sp_VM *vm = d->vm;
    if (!sp_isnull(f->self)) {
        put_u8(d, 2), put_bytes(d, f->name, strlen(f->name)), put_val(d, f->self);
        return;
    }
    size_t pos = 0;
    sp_Value k, m, v;
    while (vm->modules && sp_dict_next(vm->modules, &pos, &k, &m)) {
        if (!sp_istype(m, &sp_t_module)) continue;
        v = sp_dict_gets(SP_AS(sp_Module, m)->dict, (sp_Str *)sp_str_intern_cstr(vm, f->name).u.o);
        if (sp_istype(v, &sp_t_cfunc) && SP_AS(sp_CFunc, v)->fn == f->fn) {
            put_u8(d, 1), put_bytes(d, SP_STR(k)->data, SP_STR(k)->len);
            put_bytes(d, f->name, strlen(f->name));
            return;
        }
    }
    fail(d, &sp_t_TypeError, "cannot snapshot the native function %s", f->name);
}

static void io_layout(Dump *d, sp_Obj *o, const Layout *l) {
    if (o->size != layout_size(l->fields))
        return (void)fail(d, &sp_t_SystemError, "snapshot: layout of %s changed", l->name);
    put_bytes(d, l->name, strlen(l->name));
    size_t at = sizeof(sp_Obj);
    sp_Dict *dict = NULL;
    for (const char *f = l->fields; *f; f++) {
        size_t s = field_size(*f), al = s > 8 ? 8 : s;
        at = (at + al - 1) / al * al;
        char *p = (char *)o + at;
        sp_Value v;
        uint64_t u = 0;
        if (is_val_field(*f)) memcpy(&v, p, sizeof v), put_val(d, v);
        else if (*f == 'o' || *f == 'd') memcpy(&dict, p, sizeof dict), put_obj(d, dict);
        else if (*f == '1') put_u8(d, (uint8_t)*p);
        else if (f > l->fields && f[-1] == 'd' && dict) { /* entry position -> live entries before it */
            size_t pos = 0, live = 0;
            memcpy(&u, p, 8);
            while (sp_dict_next(dict, &pos, NULL, NULL) && pos - 1 < u) live++;
            put_u64(d, live);
        } else memcpy(&u, p, 8), put_u64(d, u);
        at += s;
    }
}

/* A module object: [name][hint][n][values]; the values are read last. */
static void io_native_vals(Dump *d, sp_Obj *o, const sp_SnapKind *k, bool hint) {
    sp_Value vals[SP_SNAP_MAXV];
    uint32_t h = 0;
    int n = k->save(d->vm, o, vals, &h);
    if (n < 0 || n > SP_SNAP_MAXV) return (void)(d->ok = false);
    if (hint) put_u32(d, h);
    put_u8(d, (uint8_t)n);
    for (int i = 0; i < n; i++) put_val(d, vals[i]);
}

static void io_native(Dump *d, sp_Obj *o) {
    const sp_SnapKind *k = native_of(o->type);
    put_bytes(d, k->name, strlen(k->name));
    io_native_vals(d, o, k, true);
}

static int kind_of(sp_Obj *o) {
    if (o->gcflags & MODREF) return K_MODREF;
    static const struct { sp_Type *t; int k; } kinds[] = {
        {&sp_t_dict, K_DICT}, {&sp_t_str, K_STR}, {&sp_t_tuple, K_TUPLE}, {&sp_t_list, K_LIST},
        {&sp_t_bytes, K_BYTES}, {&sp_t_bigint_, K_BIGINT}, {&sp_t_set, K_SET},
        {&sp_t_frozenset, K_FROZENSET}, {&sp_t_code, K_CODE}, {&sp_t_function, K_FUNC},
        {&sp_t_cell, K_CELL}, {&sp_t_generator, K_GEN}, {&sp_t_tb_, K_TB}, {&sp_t_module, K_MODULE},
        {&sp_t_boundmethod, K_BOUND}, {&sp_t_cfunc, K_CFUNC}, {&sp_t_extfn, K_EXTFN}};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (o->type == kinds[i].t) return kinds[i].k;
    if (o->type == &sp_t_future_) return K_FUTURE;
    if (sp_isinst(sp_objv(o), &sp_t_type) && sp_class_solid((sp_Type *)o)) return K_TYPE;
    if ((o->type->flags & SP_TF_HEAPTYPE) || spc_is_ntclass(o->type)) return inst_solid(o->type) ? K_INST : 0;
    if (sp_isexc_type(o->type) && !(o->type->flags & SP_TF_HEAPTYPE)) return K_EXC;
    if (native_of(o->type)) return class_kind(native_of(o->type)) ? K_NTYPE : K_NATIVE;
    return layout_of(o->type) ? K_LAYOUT : 0;
}

static void io_obj(Dump *d, sp_Obj *o, int kind) {
    sp_Value v = sp_objv(o);
    switch (kind) {
    case K_STR: put_u8(d, (uint8_t)SP_STR(v)->interned), put_bytes(d, SP_STR(v)->data, SP_STR(v)->len); break;
    case K_BYTES: put_bytes(d, SP_BYTES(v)->data, SP_BYTES(v)->len); break;
    case K_BIGINT: {
        sp_Value s = sp_int_to_str(d->vm, v, 16);
        if (sp_iserr(s)) d->ok = false;
        else put_bytes(d, SP_STR(s)->data, SP_STR(s)->len);
        break;
    }
    case K_TUPLE: io_seq(d, SP_TUPLE(v)->items, SP_TUPLE(v)->n); break;
    case K_LIST: io_seq(d, SP_LIST(v)->items, SP_LIST(v)->n); break;
    case K_DICT: io_dict(d, SP_DICT(v), (o->gcflags >> IDX_SHIFT) - 1); break;
    case K_SET: case K_FROZENSET: io_set(d, v); break;
    case K_CODE: io_code(d, (sp_Code *)o); break;
    case K_FUNC: io_func(d, (sp_Func *)o); break;
    case K_CELL: put_val(d, ((sp_Cell *)o)->v); break;
    case K_GEN: io_gen(d, (sp_Gen *)o); break;
    case K_EXC: io_exc(d, (sp_Exc *)o); break;
    case K_TB:
        put_obj(d, ((sp_TB *)o)->next), put_obj(d, ((sp_TB *)o)->code), put_u32(d, (uint32_t)((sp_TB *)o)->line);
        put_u8(d, (uint8_t)((sp_TB *)o)->kind);
        break;
    case K_MODULE: put_bytes(d, ((sp_Module *)o)->name->data, ((sp_Module *)o)->name->len); break;
    case K_BOUND: put_val(d, ((sp_BoundMethod *)o)->self), put_val(d, ((sp_BoundMethod *)o)->func); break;
    case K_CFUNC: io_cfunc(d, (sp_CFunc *)o); break;
    case K_EXTFN: put_obj(d, ((sp_ExtFn *)o)->name), put_u8(d, (uint8_t)((sp_ExtFn *)o)->pausing); break;
    case K_FUTURE: {
        sp_Future *f = (sp_Future *)o;
        put_u64(d, f->id), put_u8(d, (uint8_t)f->state), put_val(d, f->value);
        break;
    }
    case K_LAYOUT: io_layout(d, o, layout_of(o->type)); break;
    case K_TYPE: io_type(d, (sp_Type *)o); break;
    case K_MODREF: /* a module's own object of a native type keeps its state (random._inst) */
        for (size_t i = 0; i < d->nmref; i++)
            if (d->mrefs[i].o == o) put_val(d, d->mrefs[i].mod), put_val(d, d->mrefs[i].attr);
        if (native_of(o->type)) io_native_vals(d, o, native_of(o->type), false);
        break;
    case K_NATIVE: case K_NTYPE: io_native(d, o); break;
    case K_INST:
        if (sp_class_solid(o->type) == &sp_t_type) fail(d, &sp_t_TypeError, "cannot snapshot a '%s' object", o->type->name);
        else io_inst(d, o);
        break;
    default: fail(d, &sp_t_TypeError, "cannot snapshot a '%s' object", o->type->name);
    }
}

/* n < 128 bytes; 4 to 16 as two overlapping fixed-size moves, no call. */
static inline void copy_short(uint8_t *q, const char *s, size_t n) {
    if (n >= 8 && n <= 16) memcpy(q, s, 8), memcpy(q + n - 8, s + n - 8, 8);
    else if (n >= 4 && n < 8) memcpy(q, s, 4), memcpy(q + n - 4, s + n - 4, 4);
    else memcpy(q, s, n);
}

static size_t varint_size(uint64_t v) {
    size_t n = 1;
    for (; v >= 0x80; v >>= 7) n++;
    return n;
}

/* An object's record, [kind][length][body], written when the queue
 * reaches it; what its body refers to joins the queue.  A str's length is
 * known up front; other bodies get one length byte, patched afterwards
 * (a longer body moves up to make room for its varint). */
static void write_record(Dump *d, sp_Obj *o) {
    if (o->type == &sp_t_str && !(o->gcflags & MODREF)) { /* [K_STR][len][interned][n][bytes] */
        sp_Str *s = (sp_Str *)o;
        if (s->len > UINT32_MAX) return (void)fail(d, &sp_t_OverflowError, "snapshot: %s too long", "string");
        if (!room(d, s->len + 12)) return;
        if (s->len < 0x7e) { /* the usual short one: four header bytes, no varint loops */
            uint8_t *q = (uint8_t *)d->w->p + d->w->n;
            q[0] = K_STR, q[1] = (uint8_t)(s->len + 2), q[2] = (uint8_t)s->interned, q[3] = (uint8_t)s->len;
            copy_short(q + 4, s->data, s->len), d->w->n += s->len + 4;
            return;
        }
        put_tagged(d, K_STR, 1 + varint_size(s->len) + s->len);
        d->w->p[d->w->n++] = (char)s->interned;
        put_tagged(d, -1, s->len);
        memcpy(d->w->p + d->w->n, s->data, s->len), d->w->n += s->len;
        return;
    }
    bool plain_dict = o->type == &sp_t_dict && !(o->gcflags & MODREF); /* the common record */
    int kind = plain_dict ? K_DICT : kind_of(o);
    if (!room(d, 2)) return;
    size_t at = d->w->n + 1;
    d->w->p[at - 1] = (char)kind, d->w->n += 2;
    if (!plain_dict) io_obj(d, o, kind);
    else if (!shaped(d, (sp_Dict *)o)) dict_entries(d, (sp_Dict *)o, (o->gcflags >> IDX_SHIFT) - 1);
    if (!d->ok) return;
    size_t len = d->w->n - at - 1, extra = varint_size(len) - 1;
    if (extra && !room(d, extra)) return;
    uint8_t *p = (uint8_t *)d->w->p + at;
    if (extra) memmove(p + 1 + extra, p + 1, len), d->w->n += extra;
    for (; len >= 0x80; len >>= 7) *p++ = (uint8_t)(len | 0x80);
    *p = (uint8_t)len;
}

/* ------------------------------------------------------------ roots */

static size_t chain_len(sp_VM *vm) {
    size_t n = 0;
    for (sp_Frame *f = vm->frame; f; f = f->prev) n++;
    return n;
}

/* The interpreter's state: REPL globals, run globals, result, futures,
 * exec state, the frame chain outermost first, API counters. */
static void io_state(Dump *d) {
    sandpy *sp = d->sp;
    sp_VM *vm = d->vm;
    sp_Exec *x = sp_exec(vm);
    put_obj(d, vm->globals);
    put_val(d, sp_api_slot(sp, H_GLOBALS)), put_val(d, sp_api_slot(sp, H_RESULT));
    put_val(d, sp_api_slot(sp, H_FUTURES));
    put_val(d, x->exc_info), put_val(d, x->pending), put_u8(d, x->pause_names);
    put_u64(d, sp->next_id), put_u8(d, (uint8_t)sp->has_call), put_u64(d, sp->call.id);
    uint64_t el;
    memcpy(&el, &sp->elapsed, 8);
    put_raw64(d, el), put_u64(d, sp->instr_used);
    size_t n = chain_len(vm);
    put_u32(d, (uint32_t)n);
    for (size_t i = n; i-- > 0;) {
        sp_Frame *f = vm->frame;
        for (size_t k = 0; k < i; k++) f = f->prev;
        put_u8(d, f->gen != NULL);
        if (f->gen) put_obj(d, f->gen), put_u8(d, f->retmode);
        else io_frame(d, f);
    }
}

/* Objects of the imported modules (their namespaces and what they hold)
 * are written as (module, attribute) and found again on load in the
 * modules the loader imports, so they keep one identity with them.  A key
 * starting with a space names a module's private globals (dataclasses). */
static bool mark_mref(Dump *d, sp_Value o, sp_Value mod, sp_Value attr) {
    if (!sp_isobj(o) || (SP_O(o)->gcflags & (SP_GC_STATIC | MODREF)) || sp_isstr(o)) return true;
    if (!grow(d, (void **)&d->mrefs, &d->mrefcap, d->nmref, sizeof *d->mrefs)) return false;
    d->mrefs[d->nmref++] = (struct ModRef){SP_O(o), mod, attr};
    SP_O(o)->gcflags |= MODREF;
    return true;
}

static bool mark_modules(Dump *d) {
    size_t pos = 0, p2;
    sp_Value k, m, a, v;
    while (d->vm->modules && sp_dict_next(d->vm->modules, &pos, &k, &m)) {
        sp_Dict *ns = sp_istype(m, &sp_t_module) ? SP_AS(sp_Module, m)->dict : sp_isdict(m) ? SP_DICT(m) : NULL;
        if (!ns || !mark_mref(d, sp_objv(ns), k, SP_NONEV)) continue;
        for (p2 = 0; sp_dict_next(ns, &p2, &a, &v);)
            if (!mark_mref(d, v, k, a)) return false;
    }
    return d->ok;
}

static void io_code_root(Dump *d, const sandpy_code *c) { put_val(d, c->code), put_val(d, c->inputs); }

static void dump_free(Dump *d) {
    sp_VM *vm = d->vm;
    for (size_t i = 0; i < d->n; i++) d->objs[i]->gcflags &= (1u << IDX_SHIFT) - 1;
    for (size_t i = 0; i < d->nmref; i++) d->mrefs[i].o->gcflags &= ~(uint32_t)MODREF;
    if (d->mrefs) sp_free(vm, d->mrefs, d->mrefcap * sizeof *d->mrefs);
    if (d->objs) sp_free(vm, d->objs, d->objcap * sizeof *d->objs);
    sp_buf_free(&d->side);
}

/* One visit per object: the roots are written on a side buffer first,
 * queuing the objects they hold; the records follow in queue order (each
 * queuing what it holds), then the roots.  The output buffer keeps its
 * size between dumps. */
static const uint8_t *dump(sandpy *sp, int kind, const sandpy_code *code, size_t *len) {
    sp_VM *vm = sp->vm;
    Dump d = {.sp = sp, .vm = vm, .out = &sp->snap, .ok = true};
    if (sp->busy) return sp_api_invalid(sp, &sp_t_RuntimeError, "sandpy: cannot snapshot from a callback"), NULL;
    if (kind == KIND_STATE && !sp_exec(vm)) return sp_api_capture(sp, SANDPY_ERROR), NULL;
    sp_buf_init(vm, &d.side);
    sp->snap.n = 0;
    uint8_t hdr[HDR + 4] = {'S', 'A', 'N', 'D', 'P', 'Y', SNAP_VERSION, 0, (uint8_t)kind,
                            (uint8_t)zero_key(sp->cfg.snapshot_key)};
    d.w = d.out;
    put(&d, hdr, HDR + 4); /* + the object count, patched below */
    mark_modules(&d);
    for (size_t i = 0; kind == KIND_STATE && i < d.nmref && d.ok; i++)
        if (native_of(d.mrefs[i].o->type)) index_of(&d, d.mrefs[i].o); /* its state travels */
    d.w = &d.side;
    if (kind == KIND_STATE) io_state(&d);
    else io_code_root(&d, code);
    d.w = d.out;
    for (size_t i = 0; i < d.n && d.ok; i++) write_record(&d, d.objs[i]);
    put(&d, d.side.p, d.side.n);
    dump_free(&d);
    if (!d.ok) {
        sp->snap.n = 0;
        return sp_api_capture(sp, SANDPY_INVALID), NULL;
    }
    uint32_t n = (uint32_t)d.n;
    uint8_t *p = (uint8_t *)sp->snap.p;
    for (int i = 0; i < 4; i++) p[HDR + i] = (uint8_t)(n >> (8 * i));
    uint64_t plen = sp->snap.n - HDR, mac = tag_of(sp->cfg.snapshot_key, p + HDR, plen);
    for (int i = 0; i < 8; i++) p[16 + i] = (uint8_t)(plen >> (8 * i)), p[24 + i] = (uint8_t)(mac >> (8 * i));
    *len = sp->snap.n;
    return p;
}

const uint8_t *sandpy_code_dump(sandpy *sp, const sandpy_code *code, size_t *len) {
    if (!code) return sp_api_invalid(sp, &sp_t_ValueError, "no code"), NULL;
    return dump(sp, KIND_CODE, code, len);
}

const uint8_t *sandpy_snapshot(sandpy *sp, size_t *len) { return dump(sp, KIND_STATE, NULL, len); }

void sp_snap_free(sandpy *sp) { sp_buf_free(&sp->snap); }

/* ================================================================ load */

/* A class read from the snapshot, rebuilt once its bases are. */
typedef struct TypeRec {
    sp_Type *t;
    sp_Value meta, name, bases, dict;
    uint32_t flags;
    uint8_t state;          /* 0 waiting, 1 being rebuilt, 2 done */
} TypeRec;

/* Where a record's body is (found by one scan over the headers). */
typedef struct Rec {
    const uint8_t *body;
    uint32_t len;
} Rec;

typedef struct Load {
    sandpy *sp;
    sp_VM *vm;
    const uint8_t *p, *end;
    bool ok;
    sp_Obj **objs;
    uint32_t nobj;
    uint8_t *kinds;         /* index -> kind, then (kinds + nobj) index -> fill pass */
    Rec *recs;              /* index -> body */
    const uint8_t *roots;   /* after the records */
    bool skip;              /* values are read past, not resolved */
    bool creating;          /* pass 1: a reference to an object not made yet makes it */
    bool eager;             /* pass 4: a reference to a module object fills it first */
    uint32_t npass[6];      /* how many records each fill pass has */
    TypeRec *types;         /* the classes, in record order */
    size_t ntypes, typecap;
} Load;

static bool bad(Load *l, const char *why) {
    if (l->ok) sp_raise(l->vm, &sp_t_ValueError, "invalid snapshot: %s", why);
    l->ok = false;
    return false;
}

static bool need(Load *l, size_t n) { return (size_t)(l->end - l->p) >= n || bad(l, "truncated"); }

static inline uint8_t get_u8(Load *l) { return l->p < l->end ? *l->p++ : (bad(l, "truncated"), 0); }

/* A varint (see put_tagged): at most 10 bytes, every byte bounds-checked. */
static uint64_t get_varint(Load *l) {
    uint64_t v = 0;
    for (unsigned s = 0; s < 64; s += 7) {
        if (l->p >= l->end) return bad(l, "truncated"), 0;
        uint8_t b = *l->p++;
        v |= (uint64_t)(b & 0x7f) << s;
        if (!(b & 0x80)) return v;
    }
    return bad(l, "bad varint"), 0;
}

static inline uint64_t get_u64(Load *l) { /* inline: the common one- and two-byte cases */
    const uint8_t *p = l->p;
    if (l->end - p >= 2 && p[0] < 0x80) return l->p++, p[0];
    if (l->end - p >= 2 && p[1] < 0x80) return l->p += 2, (uint64_t)(p[0] & 0x7f) | (uint64_t)p[1] << 7;
    return get_varint(l);
}

static inline uint32_t get_u32(Load *l) {
    uint64_t v = get_u64(l);
    return v <= UINT32_MAX ? (uint32_t)v : (bad(l, "bad count"), 0);
}

static uint64_t get_raw64(Load *l) {
    if (!need(l, 8)) return 0;
    uint64_t v = rd64(l->p);
    l->p += 8;
    return v;
}

static const char *get_bytes(Load *l, size_t *n) {
    *n = get_u32(l);
    if (!need(l, *n)) return *n = 0, "";
    const char *s = (const char *)l->p;
    l->p += *n;
    return s;
}

/* A str value from bytes (validated UTF-8). */
static sp_Value get_str(Load *l, bool intern) {
    size_t n;
    const char *s = get_bytes(l, &n);
    if (!l->ok) return SP_ERRV;
    int64_t cps = sp_utf8_check(s, n);
    if (cps < 0) return bad(l, "bad UTF-8"), SP_ERRV;
    sp_Value v = intern ? sp_str_intern(l->vm, s, n) : sp_str_from(l->vm, s, n, (size_t)cps);
    if (sp_iserr(v)) l->ok = false;
    return v;
}

static sp_Value builtin(Load *l, const char *name, size_t n) {
    sp_Value k = sp_str_intern(l->vm, name, n);
    if (sp_iserr(k)) return l->ok = false, k;
    sp_Value v = sp_builtin_lookup(l->vm, SP_STR(k));
    if (sp_isnull(v)) return bad(l, "unknown builtin"), SP_ERRV;
    return v;
}

static bool make_now(Load *l, uint32_t idx);
static bool fill_now(Load *l, uint32_t idx);
enum { FILLED = 0xff, BUSY = 0xfe }; /* a record's fill pass once filled, while being made or filled */

/* A reference off get_val's fast path: read past (skip), not made yet
 * (pass 1 makes it now), or a module object to fill first (pass 4). */
static sp_Value get_ref(Load *l, uint32_t i) {
    if (!l->ok) return SP_ERRV;
    if (i < l->nobj && l->skip) return SP_NONEV;
    if (i >= l->nobj) return bad(l, "bad reference"), SP_ERRV;
    if (!l->objs[i] && !(l->creating && make_now(l, i))) return l->ok ? bad(l, "bad reference"), SP_ERRV : SP_ERRV;
    if (l->eager && l->kinds[l->nobj + i] == 4 && !fill_now(l, i)) return SP_ERRV;
    return sp_objv(l->objs[i]);
}

/* A value; SP_ERRV (l->ok false) on error.  Method defs come back as
 * SP_NULL-tagged values carrying the name str (resolved by the frame). */
static sp_Value get_val(Load *l) {
    uint8_t t = get_u8(l);
    size_t n;
    const char *s;
    sp_Value v;
    switch (t) {
    case V_NULL: return SP_NULLV;
    case V_NONE: return SP_NONEV;
    case V_BOOL: return sp_bool(get_u8(l) != 0);
    case V_INT: {
        uint64_t u = get_u64(l);
        return sp_int((int64_t)(u >> 1) ^ -(int64_t)(u & 1));
    }
    case V_FLOAT: {
        uint64_t b = get_raw64(l);
        double f;
        memcpy(&f, &b, 8);
        return sp_float(f);
    }
    case V_OBJ: {
        uint32_t i = get_u32(l);
        if (i < l->nobj && l->objs[i] && l->ok && !l->skip && !l->eager) return sp_objv(l->objs[i]);
        return get_ref(l, i);
    }
    case V_BUILTIN: s = get_bytes(l, &n); return l->ok ? builtin(l, s, n) : SP_ERRV;
    case V_METHODDEF:
        v = get_str(l, true);
        if (sp_iserr(v)) return v;
        { sp_Value m = SP_NULLV; m.pad_ = 1; m.u.o = SP_O(v); return m; }
    case V_EMPTYTUPLE: return sp_objv(&sp_empty_tuple);
    case V_STR: return get_str(l, true);
    case V_MODSTATIC: {
        sp_Value mod = get_str(l, true), attr = l->ok ? get_str(l, true) : SP_ERRV;
        if (!l->ok) return SP_ERRV;
        sp_Value m = SP_STR(mod)->data[0] == ' ' ? SP_ERRV : sp_import(l->vm, SP_STR(mod));
        sp_Str *full = SP_STR(attr);
        const char *dot = memchr(full->data, '.', full->len); /* a class constant */
        if (dot && !sp_iserr(m)) attr = sp_str_intern(l->vm, full->data, (size_t)(dot - full->data));
        v = sp_iserr(m) || sp_iserr(attr) ? SP_NULLV : sp_dict_gets(SP_AS(sp_Module, m)->dict, SP_STR(attr));
        if (dot && !sp_isnull(v)) v = class_const(l->vm, v, dot + 1, full->len - (size_t)(dot + 1 - full->data));
        if (!sp_isobj(v)) return bad(l, "unknown module attribute"), SP_ERRV;
        return v;
    }
    }
    return bad(l, "bad value tag"), SP_ERRV;
}

static bool is_methoddef(sp_Value v) { return v.tag == SP_NULL && v.pad_ == 1; }

/* A value that must be an object of type t (or absent if opt). */
static void *get_typed(Load *l, sp_Type *t, bool opt) {
    sp_Value v = get_val(l);
    if (!l->ok) return NULL;
    if (opt && (sp_isnull(v) || sp_isnone(v)) && !is_methoddef(v)) return NULL;
    if (!sp_istype(v, t)) return bad(l, "wrong object type"), NULL;
    return SP_O(v);
}

/* A plain value (no method def outside frames). */
static sp_Value get_plain(Load *l) {
    sp_Value v = get_val(l);
    if (is_methoddef(v)) return bad(l, "misplaced method"), SP_ERRV;
    return v;
}

/* ------------------------------------------------------------ frames */

static bool resolve_methoddefs(Load *l, sp_Value *stack, size_t depth) {
    for (size_t i = 0; i < depth; i++) {
        if (!is_methoddef(stack[i])) continue;
        if (i + 1 >= depth) return bad(l, "method without self");
        const sp_MethodDef *m = sp_find_method(sp_typeof(stack[i + 1]), (sp_Str *)stack[i].u.o);
        if (!m) return bad(l, "unknown method");
        stack[i] = SP_NULLV;
        stack[i].u.o = (sp_Obj *)(uintptr_t)m;
    }
    return true;
}

/* A frame resumes by pushing a value after one of these (a call, a
 * for-loop step, a yield, a paused global load): any other position would
 * let that value land where the verifier proved another (CALL_KW's
 * kwnames constant, say). */
static bool resumable(uint32_t w) {
    switch ((sp_Opcode)SP_OPCODE(w)) {
    case SP_CALL: case SP_CALL_KW: case SP_CALL_METHOD: case SP_CALL_METHOD_KW: case SP_CALL_EX:
    case SP_FOR_ITER: case SP_SEND_FROM: case SP_YIELD_VALUE: case SP_LOAD_GLOBAL: case SP_LOAD_NAME:
        return true;
    default: return false;
    }
}

/* A frame's saved position: after a call (or a yield, a for-loop step, a
 * global load), where it holds one slot less than the verifier's depth,
 * or suspended in SEND_FROM (the same depth); or a created generator's
 * start.  The depths themselves are checked with the slots (frame_fits). */
static bool check_position(Load *l, sp_Code *c, uint32_t ip, uint32_t depth, uint32_t nblocks, bool created) {
    if (created) return (ip == 0 && depth == 0 && nblocks == 0) || bad(l, "bad created generator");
    if (ip == 0 || ip >= c->ncode || !resumable(c->code[ip - 1])) return bad(l, "bad instruction pointer");
    return true;
}

/* The frame against the verifier, in one pass: depth and block count
 * (bytes read so far stayed within the code's stacksize and maxblocks),
 * blocks, method defs and bare NULLs only where the verifier puts them.
 * A created generator's start (pc 0, nothing on its stacks) always fits. */
static bool frame_fits(Load *l, sp_Frame *f, sp_Code *c, uint32_t ip, uint32_t depth, bool created) {
    if (created) return true;
    int below = SP_OPCODE(c->code[ip - 1]) == SP_SEND_FROM ? 0 : 1;
    switch (sp_code_frame_fits(l->vm, c, ip, below, sp_frame_blocks(f), f->nblocks, f->stack, (int)depth)) {
    case SP_FRAME_FITS: return true;
    case SP_FRAME_BAD_STATE: return bad(l, "frame state does not match its code");
    case SP_FRAME_BAD_STACK: return bad(l, "frame stack does not match its code");
    default: return l->ok = false;
    }
}

static bool get_blocks(Load *l, sp_Frame *f, uint32_t n, uint32_t depth) {
    for (uint32_t i = 0; i < n; i++) {
        int32_t h = (int32_t)get_u32(l);
        uint32_t lvl = get_u32(l);
        /* (a comprehension block's handler, -2 - pc, is the verifier's to check) */
        if ((h >= 0 && (uint32_t)h >= f->code->ncode) || (h < -1 && SP_COMP_PC(h) >= f->code->ncode) ||
            lvl > depth || (h < 0 && lvl >= depth))
            return bad(l, "bad block");
        sp_frame_blocks(f)[i] = (sp_Block){h, lvl};
    }
    return l->ok;
}

/* Reads a frame record into f (whose memory has room for code c's frame).
 * c must be the frame's code (read by the caller). */
static bool get_frame_body(Load *l, sp_Frame *f, sp_Code *c, bool created) {
    sp_Func *fn = get_typed(l, &sp_t_function, true);
    sp_Dict *g = get_typed(l, &sp_t_dict, false), *loc = get_typed(l, &sp_t_dict, true);
    uint32_t ip = get_u32(l), depth = get_u32(l);
    uint8_t rm = get_u8(l);
    uint32_t nb = get_u32(l);
    if (!l->ok) return false;
    if (rm > 3 || (int)nb > c->maxblocks || (int)depth > c->stacksize - 2) return bad(l, "bad frame");
    if (!check_position(l, c, ip, depth, nb, created)) return false;
    sp_frame_init_module(f, c, g, loc);
    f->func = fn;
    f->ip = c->code + ip;
    f->retmode = rm;
    if (!get_blocks(l, f, nb, depth)) return false;
    f->nblocks = (int32_t)nb;
    f->result = get_plain(l);
    size_t nlp = (size_t)c->nlocals + c->ncells + c->nfree;
    sp_Value *L = sp_frame_locals(f);
    for (size_t i = 0; i < nlp + depth && l->ok; i++) {
        L[i] = i < nlp ? get_plain(l) : get_val(l);
        if (i >= c->nlocals && i < nlp && !sp_istype(L[i], &sp_t_cell)) return bad(l, "cell expected");
    }
    f->sp = f->stack + depth;
    if (!l->ok) return false;
    return frame_fits(l, f, c, ip, depth, created) && resolve_methoddefs(l, f->stack, depth);
}

/* ------------------------------------------------------------ objects */

/* n more plain values appended to *vals (growing it). */
static bool read_vals(Load *l, sp_Value **vals, size_t *n, size_t more) {
    if (!l->ok || !need(l, more)) return false;
    sp_Value *p = sp_realloc(l->vm, *vals, *n * sizeof **vals, (*n + more) * sizeof **vals);
    if (!p) return l->ok = false;
    /* *n always equals the allocated count, so the caller frees it exactly
     * even when reading stops halfway. */
    size_t base = *n;
    *vals = p;
    *n = base + more;
    for (size_t i = 0; i < more; i++) p[base + i] = l->ok ? get_plain(l) : SP_NONEV;
    return l->ok;
}

/* Rebuilt through sp_code_new: the verifier checks it again. */
static sp_Value load_code(Load *l) {
    sp_CodeSpec s;
    memset(&s, 0, sizeof s);
    s.name = get_plain(l), s.qualname = get_plain(l), s.filename = get_plain(l), s.source = get_plain(l);
    s.flags = get_u32(l), s.argcount = (int)get_u32(l), s.posonlyargcount = (int)get_u32(l);
    s.kwonlyargcount = (int)get_u32(l), s.firstline = (int)get_u32(l);
    if (l->ok && ((uint32_t)s.argcount > SP_MAX_OPARG || (uint32_t)s.posonlyargcount > SP_MAX_OPARG ||
                  (uint32_t)s.kwonlyargcount > SP_MAX_OPARG)) /* sums of them must not overflow */
        return bad(l, "bad parameter counts"), SP_ERRV;
    s.ncode = get_u32(l);
    if (!l->ok || !need(l, s.ncode * (size_t)2)) return SP_ERRV; /* >= 1 byte per word and per line */
    size_t bytes = s.ncode * (size_t)8 + 8, nv = 0;
    uint32_t *words = sp_malloc(l->vm, bytes);
    sp_Value *vals = NULL, r = SP_ERRV;
    if (!words) return l->ok = false, SP_ERRV;
    int32_t *lines = (int32_t *)(words + s.ncode);
    for (size_t i = 0; i < s.ncode; i++) words[i] = get_u32(l);
    for (size_t i = 0; i < s.ncode; i++) lines[i] = (int32_t)get_u32(l);
    s.nconsts = get_u32(l);
    if (read_vals(l, &vals, &nv, s.nconsts) && (s.nnames = get_u32(l), read_vals(l, &vals, &nv, s.nnames))) {
        s.nlocals = get_u32(l), s.ncells = get_u32(l), s.nfree = get_u32(l);
        if (read_vals(l, &vals, &nv, s.nlocals + s.ncells + s.nfree)) {
            s.code = words, s.lines = lines, s.consts = vals, s.names = vals + s.nconsts;
            s.varnames = s.names + s.nnames, s.cellvars = s.varnames + s.nlocals;
            s.freevars = s.cellvars + s.ncells;
            r = sp_code_new(l->vm, &s);
            if (sp_iserr(r)) l->ok = false;
        }
    }
    sp_free(l->vm, words, bytes);
    if (vals) sp_free(l->vm, vals, nv * sizeof *vals);
    return r;
}

/* A method bound to self: found along the static types of self's class
 * (no Python lookup).  For a class's instance that needs the class's MRO
 * (a namedtuple base's method), which is rebuilt later: a placeholder now
 * (its name and self already give its hash), resolved in pass 4. */
static sp_Value unresolved(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)args, (void)nargs, (void)kw;
    return sp_raise(vm, &sp_t_SystemError, "snapshot: unresolved method");
}

/* The first method called k of the static types along t's MRO (its base
 * chain for a static type or a class not rebuilt yet). */
static const sp_MethodDef *static_method(sp_Type *t, sp_Str *k, sp_Type **owner) {
    sp_Tuple *mro = (t->flags & SP_TF_HEAPTYPE) && sp_istuple(t->mro) ? SP_TUPLE(t->mro) : NULL;
    for (size_t i = 0; mro ? i < mro->n : t != NULL; i++) {
        sp_Type *m = mro ? (sp_Type *)SP_O(mro->items[i]) : t;
        const sp_MethodDef *md = (m->flags & SP_TF_HEAPTYPE) ? NULL : sp_find_method(m, k);
        if (md && !(md->flags & (SP_METH_STATIC | SP_METH_CLASS))) return *owner = m, md;
        if (!mro) t = t->base;
    }
    return NULL;
}

/* [2][name][self] -> the method's name (interned) and self. */
static sp_Str *bound_parts(Load *l, sp_Value *self) {
    size_t n;
    const char *s = get_bytes(l, &n);
    *self = get_plain(l);
    sp_Value k = l->ok && n < 64 ? sp_str_intern(l->vm, s, n) : SP_ERRV;
    return l->ok && !sp_iserr(k) ? SP_STR(k) : (bad(l, "bad method name"), NULL);
}

static sp_Value load_bound_cfunc(Load *l) {
    sp_Value self;
    sp_Str *k = bound_parts(l, &self);
    if (!k) return SP_ERRV;
    sp_Type *t = sp_typeof(self), *solid = sp_class_solid(t), *owner = NULL;
    const sp_MethodDef *md = static_method(solid ? solid : t, k, &owner);
    if (md) return sp_cfunc_new(l->vm, md->name, md->fn, self, owner->name);
    if (solid) return sp_cfunc_new(l->vm, k->data, unresolved, self, NULL);
    sp_Value m = sp_getattrs(l->vm, self, k->data);
    if (sp_iserr(m) || !sp_istype(m, &sp_t_cfunc)) return bad(l, "bad method"), SP_ERRV;
    return m;
}

static void fill_cfunc(Load *l, sp_CFunc *c) {
    sp_Value self;
    get_u8(l);
    sp_Str *k = bound_parts(l, &self);
    sp_Type *owner = NULL;
    const sp_MethodDef *md = k ? static_method(sp_typeof(self), k, &owner) : NULL;
    if (!md || !sp_is(self, c->self)) return (void)(l->ok && bad(l, "bad method"));
    c->name = md->name, c->fn = md->fn, c->qualprefix = owner->name;
}

static sp_Value load_cfunc(Load *l) {
    uint8_t how = get_u8(l);
    if (how == 2) return load_bound_cfunc(l);
    if (how != 1) return bad(l, "bad native function"), SP_ERRV;
    sp_Value mod = get_str(l, true), attr = get_str(l, true);
    if (!l->ok) return SP_ERRV;
    sp_Value m = sp_import(l->vm, SP_STR(mod));
    sp_Value f = sp_iserr(m) ? m : sp_dict_gets(SP_AS(sp_Module, m)->dict, SP_STR(attr));
    if (!sp_istype(f, &sp_t_cfunc)) return bad(l, "unknown native function"), SP_ERRV;
    return f;
}

static sp_Value load_extfn(Load *l) {
    sp_Value name = get_plain(l);
    uint8_t pausing = get_u8(l);
    if (!l->ok || !sp_isstr(name)) return bad(l, "bad external function"), SP_ERRV;
    sp_Value exts = sp_api_slot(l->sp, H_EXTS); /* None: nothing registered */
    sp_Value e = sp_isdict(exts) ? sp_dict_gets(SP_DICT(exts), SP_STR(name)) : SP_NULLV;
    if (!sp_isnull(e) && SP_AS(sp_ExtFn, e)->pausing == pausing) return e;
    sp_ExtFn *x = sp_newobj(l->vm, &sp_t_extfn, sizeof *x); /* not registered (yet): calls fail cleanly */
    if (!x) return l->ok = false, SP_ERRV;
    x->name = SP_STR(name), x->pausing = pausing, x->idx = UINT32_MAX;
    return sp_objv(x);
}

static sp_Value load_layout_shell(Load *l) {
    size_t n;
    const char *s = get_bytes(l, &n);
    for (size_t i = 0; l->ok && i < NLAYOUTS; i++) {
        if (strlen(layouts[i].name) != n || memcmp(layouts[i].name, s, n)) continue;
        sp_Type *t = probe_type(l->vm, layouts[i].name);
        if (!t) return l->ok = false, SP_ERRV;
        sp_Obj *o = sp_newobj(l->vm, t, layout_size(layouts[i].fields));
        return o ? sp_objv(o) : (l->ok = false, SP_ERRV);
    }
    return bad(l, "unknown object layout"), SP_ERRV;
}

static void fill_exc_fields(Load *l, sp_Exc *e) {
    e->args = get_plain(l), e->cause = get_plain(l), e->context = get_plain(l);
    e->suppress_context = get_u8(l) != 0;
    e->tb = get_typed(l, &sp_t_tb_, true), e->dict = get_typed(l, &sp_t_dict, true);
    if (l->ok && !sp_istuple(e->args)) bad(l, "bad exception");
}

/* ------------------------------------------------------------ classes */

/* Pass 0: an empty class (the layout it gives its instances), numbered in
 * the borrowed basicsize field until it is rebuilt. */
static sp_Value create_type(Load *l) {
    sp_Value solid = get_plain(l);
    if (!l->ok) return SP_ERRV;
    if (!sp_isinst(solid, &sp_t_type) || !(SP_O(solid)->gcflags & SP_GC_STATIC)) return bad(l, "bad class layout"), SP_ERRV;
    if (l->ntypes == l->typecap) {
        size_t nc = l->typecap ? l->typecap * 2 : 16;
        TypeRec *p = sp_realloc(l->vm, l->types, l->typecap * sizeof *p, nc * sizeof *p);
        if (!p) return l->ok = false, SP_ERRV;
        l->types = p, l->typecap = nc;
    }
    sp_Type *t = sp_class_shell(l->vm, (sp_Type *)SP_O(solid));
    if (!t) return l->ok ? (bad(l, "bad class layout"), SP_ERRV) : SP_ERRV;
    t->basicsize = l->ntypes;
    l->types[l->ntypes++] = (TypeRec){.t = t};
    return sp_objv(t);
}

static void fill_type(Load *l, sp_Type *t) {
    get_plain(l); /* the solid, read in pass 0 */
    TypeRec *r = &l->types[t->basicsize];
    r->meta = get_plain(l), r->name = get_plain(l), r->bases = get_plain(l), r->dict = get_plain(l);
    r->flags = get_u32(l);
    if (l->ok && !(sp_isinst(r->meta, &sp_t_type) && sp_isstr(r->name) && sp_istuple(r->bases) && sp_isdict(r->dict)))
        bad(l, "bad class");
}

/* A shell among a class's metaclass and bases, not rebuilt yet. */
static TypeRec *pending_dep(Load *l, TypeRec *r) {
    sp_Tuple *b = SP_TUPLE(r->bases);
    for (size_t i = 0; i <= b->n; i++) {
        sp_Value v = i < b->n ? b->items[i] : r->meta;
        if (!sp_isinst(v, &sp_t_type)) continue;
        sp_Type *t = (sp_Type *)SP_O(v);
        if (sp_class_solid(t) && !sp_istuple(t->mro) && t->basicsize < l->ntypes && l->types[t->basicsize].t == t &&
            l->types[t->basicsize].state != 2)
            return &l->types[t->basicsize];
    }
    return NULL;
}

/* Rebuilds every class after its bases and metaclass (depth first over an
 * explicit stack: a cycle among bases is an error). */
static bool restore_types(Load *l) {
    size_t bytes = l->ntypes * sizeof(TypeRec *), n = 0;
    TypeRec **stk = l->ntypes ? sp_malloc(l->vm, bytes) : NULL;
    if (l->ntypes && !stk) return l->ok = false;
    for (size_t i = 0; i < l->ntypes && l->ok; i++) {
        if (l->types[i].state) continue;
        l->types[i].state = 1, stk[n++] = &l->types[i];
        while (n && l->ok) {
            TypeRec *r = stk[n - 1], *dep = pending_dep(l, r);
            if (dep && dep->state == 1) bad(l, "cyclic class bases");
            else if (dep) dep->state = 1, stk[n++] = dep;
            else {
                r->t->basicsize = 0;
                if (!sp_class_restore(l->vm, r->t, (sp_Type *)SP_O(r->meta), SP_STR(r->name), SP_TUPLE(r->bases),
                                      SP_DICT(r->dict), r->flags))
                    bad(l, "bad class");
                r->state = 2, n--;
            }
        }
    }
    if (stk) sp_free(l->vm, stk, bytes);
    return l->ok;
}

/* An instance: the class is a shell made in pass 0. */
static sp_Value create_inst(Load *l) {
    sp_Value tv = get_plain(l);
    if (!l->ok) return SP_ERRV;
    sp_Type *t = sp_isinst(tv, &sp_t_type) ? (sp_Type *)SP_O(tv) : NULL, *solid = t ? inst_solid(t) : NULL;
    if (!solid || solid == &sp_t_type) return bad(l, "bad instance class"), SP_ERRV;
    sp_Value v;
    if (sp_sub_boxed(solid)) {
        sp_Obj *o = sp_newobj(l->vm, t, sizeof(sp_Box));
        return o ? sp_objv(o) : (l->ok = false, SP_ERRV);
    }
    if (solid == &sp_t_tuple) { /* [n][items] */
        uint32_t n = get_u32(l);
        if (!need(l, n)) return SP_ERRV;
        sp_Tuple *o = sp_newobj(l->vm, t, sp_inst_size(t, sizeof(sp_Tuple) + n * sizeof(sp_Value)));
        if (!o) return l->ok = false, SP_ERRV;
        o->hash = -1, o->n = n;
        for (uint32_t i = 0; i < n; i++) o->items[i] = SP_NONEV;
        return sp_objv(o);
    }
    const sp_SnapKind *nk = native_of(solid);
    if (solid == &sp_t_set || solid == &sp_t_frozenset) v = solid->new_(l->vm, t, NULL, 0, NULL);
    else if (sp_dt_solid(solid)) v = sp_dt_alloc(l->vm, t, solid); /* date...: its own layout, filled last */
    else if (nk && sp_coll_solid(solid)) v = sp_coll_alloc(l->vm, t, solid);
    else if (sp_sub_solid(solid)) return bad(l, "unsupported instance layout"), SP_ERRV;
    else v = sp_class_alloc(l->vm, t);
    if (sp_iserr(v)) l->ok = false;
    return v;
}

/* A dict or set entry's key and its hash (see put_key).  A frozenset in
 * it is filled first (it may come later in index order): make_now left
 * its index in its header. */
static bool native_key(Load *l, sp_Value k, int depth) {
    if (!sp_isobj(k)) return !sp_isnull(k);
    sp_Obj *o = SP_O(k);
    sp_Type *t = o->type;
    if ((t->flags & SP_TF_HEAPTYPE) || native_of(t)) return false;
    if (t == &sp_t_frozenset && (o->gcflags >> IDX_SHIFT)) {
        uint32_t idx = (o->gcflags >> IDX_SHIFT) - 1;
        uint8_t pass = l->kinds[l->nobj + idx];
        return pass == FILLED || (pass != BUSY && fill_now(l, idx));
    }
    if (t != &sp_t_tuple && !spc_is_ntclass(t)) return true;
    for (size_t i = 0; depth < 32 && i < SP_TUPLE(k)->n; i++)
        if (!native_key(l, SP_TUPLE(k)->items[i], depth + 1)) return false;
    return depth < 32;
}

static sp_Value get_key(Load *l, int64_t *h) {
    sp_Value k = get_plain(l);
    if (!l->ok) return k;
    if (sp_isint(k)) return *h = sp_hash_i64(k.u.i), k;
    if (sp_isstr(k)) return *h = sp_str_hash(SP_STR(k)), k;
    switch (get_u8(l)) {
    case H_NATIVE:
        if (!native_key(l, k, 0)) return bad(l, "bad key"), SP_ERRV;
        if (!sp_hash(l->vm, k, h)) return bad(l, "unhashable key"), SP_ERRV;
        return k;
    case H_IDENTITY:
        if (!sp_isobj(k)) return bad(l, "bad key"), SP_ERRV;
        return *h = (int64_t)sp_obj_id(l->vm, SP_O(k)), k;
    case H_STORED: *h = (int64_t)get_raw64(l); return k;
    }
    return bad(l, "bad key"), SP_ERRV;
}


/* A dict with the keys of an earlier, filled, plain dict (V_SHAPE). */
static void fill_shape(Load *l, sp_Dict *dict, uint32_t n) {
    sp_Value vals[SHAPE_MAX];
    l->p++;
    uint32_t x = get_u32(l);
    if (!l->ok || n > SHAPE_MAX || x >= l->nobj || l->kinds[x] != K_DICT || l->kinds[l->nobj + x] != FILLED ||
        sp_dict_len((sp_Dict *)l->objs[x]) != n)
        return (void)bad(l, "bad dict shape");
    for (uint32_t i = 0; i < n && l->ok; i++)
        if (sp_isnull(vals[i] = get_plain(l)) && l->ok) bad(l, "missing value");
    if (l->ok && !spc_dict_clone_keys(l->vm, dict, (sp_Dict *)l->objs[x], vals, n)) l->ok = false;
}

static void fill_entries(Load *l, sp_Value v, bool isdict) {
    uint32_t n = get_u32(l);
    if (isdict && n && l->p < l->end && *l->p == V_SHAPE) return fill_shape(l, SP_DICT(v), n);
    for (uint32_t i = 0; i < n && l->ok; i++) {
        int64_t h = 0;
        sp_Value k = get_key(l, &h), x = isdict && l->ok ? get_plain(l) : SP_NONEV;
        if (!l->ok) break;
        if (sp_isnull(x)) return (void)bad(l, "missing value");
        if (isdict ? !spc_dict_append(l->vm, SP_DICT(v), k, h, x) : !spc_set_append(l->vm, v, k, h)) l->ok = false;
    }
}

static void fill_native(Load *l, sp_Obj *o, const sp_SnapKind *k);
static void fill_seq(Load *l, sp_Value *items, size_t n);

static void fill_inst(Load *l, sp_Obj *o) {
    sp_Value v = sp_objv(o);
    sp_Type *solid = inst_solid(o->type);
    get_plain(l); /* the class, read in pass 1 */
    if (solid == &sp_t_BaseException) return fill_exc_fields(l, (sp_Exc *)o);
    if (sp_sub_boxed(solid)) {
        sp_Box *b = (sp_Box *)o;
        sp_Value x = get_plain(l);
        b->dict = get_typed(l, &sp_t_dict, true);
        bool okv = solid == &sp_t_int     ? sp_isint(x) || sp_istype(x, &sp_t_bigint_)
                   : solid == &sp_t_float ? sp_isfloat(x)
                                          : sp_istype(x, solid);
        if (l->ok && !okv) return (void)bad(l, "bad boxed value");
        b->val = x;
        return;
    }
    if (solid == &sp_t_list) {
        uint32_t n = get_u32(l);
        if (!need(l, n)) return;
        for (uint32_t i = 0; i < n && l->ok; i++) {
            sp_Value x = get_plain(l);
            if (l->ok && (sp_isnull(x) || !sp_list_append(l->vm, SP_LIST(v), x))) bad(l, "bad item");
        }
    } else if (solid == &sp_t_dict) {
        fill_entries(l, v, true);
    } else if (solid == &sp_t_tuple) {
        fill_seq(l, SP_TUPLE(v)->items, SP_TUPLE(v)->n);
    } else if (solid == &sp_t_set || solid == &sp_t_frozenset) {
        fill_entries(l, v, false);
    } else if (solid != &sp_t_object) {
        fill_native(l, o, native_of(solid));
    }
    sp_Dict *dict = get_typed(l, &sp_t_dict, true), **dp = sp_class_dictp(v);
    if (l->ok && dict && !dp) bad(l, "instance without a __dict__");
    if (l->ok && dp) *dp = dict;
}

static sp_Value load_modref(Load *l) {
    sp_Value mod = get_plain(l), attr = get_plain(l);
    if (!l->ok || !sp_isstr(mod) || !(sp_isnone(attr) || sp_isstr(attr))) return bad(l, "bad module reference"), SP_ERRV;
    sp_Str *k = SP_STR(mod);
    sp_Value key = k->len && k->data[0] == ' ' ? sp_str_intern(l->vm, k->data + 1, k->len - 1) : mod;
    if (sp_iserr(key) || sp_iserr(sp_import(l->vm, SP_STR(key)))) return bad(l, "unknown module"), SP_ERRV;
    sp_Value m = sp_dict_gets(l->vm->modules, k);
    sp_Dict *ns = sp_istype(m, &sp_t_module) ? SP_AS(sp_Module, m)->dict : sp_isdict(m) ? SP_DICT(m) : NULL;
    sp_Value v = !ns ? SP_NULLV : sp_isnone(attr) ? sp_objv(ns) : sp_dict_gets(ns, SP_STR(attr));
    if (!sp_isobj(v)) return bad(l, "unknown module attribute"), SP_ERRV;
    return v;
}

static sp_Value load_native_shell(Load *l, bool isclass) {
    size_t n;
    const char *s = get_bytes(l, &n);
    const sp_SnapKind *k = l->ok ? native_named(s, n) : NULL;
    uint32_t hint = get_u32(l);
    if (!l->ok || !k || class_kind(k) != isclass) return bad(l, "unknown object type"), SP_ERRV;
    sp_Obj *o = k->alloc(l->vm, hint);
    return o ? sp_objv(o) : (l->ok = false, SP_ERRV);
}

/* The last pass: a module object from its values (checked by its fill). */
static void fill_native(Load *l, sp_Obj *o, const sp_SnapKind *k) {
    sp_Value vals[SP_SNAP_MAXV];
    uint8_t n = get_u8(l);
    if (n > SP_SNAP_MAXV) return (void)bad(l, "bad object state");
    for (int i = 0; i < n && l->ok; i++) vals[i] = get_plain(l);
    if (!l->ok) return;
    if (!k->fill(l->vm, o, vals, n)) {
        sp_err_clear(l->vm);
        bad(l, "bad object state");
    }
}

/* Pass 1: the object itself (complete for immutable leaves). */
static sp_Value create(Load *l, int kind) {
    sp_VM *vm = l->vm;
    uint32_t n;
    switch (kind) {
    case K_STR: { bool in = get_u8(l); return get_str(l, in); }
    case K_BYTES: { size_t k; const char *s = get_bytes(l, &k); return l->ok ? sp_bytes_new(vm, s, k) : SP_ERRV; }
    case K_BIGINT: {
        size_t k;
        const char *s = get_bytes(l, &k);
        sp_Value v = l->ok ? sp_int_from_str(vm, s, k, 16) : SP_ERRV;
        return sp_iserr(v) ? (bad(l, "bad int"), v) : v;
    }
    case K_TUPLE: case K_LIST:
        n = get_u32(l);
        if (!need(l, n)) return SP_ERRV;
        return kind == K_TUPLE ? sp_tuple_new(vm, n) : sp_list_new(vm, n);
    case K_DICT: return sp_dict_new(vm);
    case K_SET: return sp_set_new(vm, &sp_t_set);
    case K_FROZENSET: return sp_set_new(vm, &sp_t_frozenset);
    case K_CODE: return load_code(l);
    case K_FUNC: { sp_Obj *o = sp_newobj(vm, &sp_t_function, sizeof(sp_Func)); return o ? sp_objv(o) : SP_ERRV; }
    case K_CELL: return sp_cell_new(vm, SP_NULLV);
    case K_GEN: {
        l->skip = true; /* name..retval may refer forward */
        for (int i = 0; i < 4; i++) get_val(l);
        l->skip = false;
        uint8_t st = get_u8(l);
        sp_Code *c = st != SP_GEN_DONE ? get_typed(l, &sp_t_code, false) : NULL;
        if (!l->ok) return SP_ERRV;
        sp_Gen *g = sp_gen_alloc(vm, c);
        if (g && c) g->frame->code = c;
        return g ? sp_objv(g) : SP_ERRV;
    }
    case K_EXC: {
        size_t k;
        const char *s = get_bytes(l, &k);
        sp_Value t = l->ok ? builtin(l, s, k) : SP_ERRV;
        if (!l->ok || !sp_isinst(t, &sp_t_type) || !sp_isexc_type((sp_Type *)SP_O(t)))
            return bad(l, "bad exception type"), SP_ERRV;
        return sp_exc_new(vm, (sp_Type *)SP_O(t), sp_objv(&sp_empty_tuple));
    }
    case K_TB: { sp_Obj *o = sp_newobj(vm, &sp_t_tb_, sizeof(sp_TB)); return o ? sp_objv(o) : SP_ERRV; }
    case K_MODULE: { sp_Value s = get_str(l, true); return l->ok ? sp_import(vm, SP_STR(s)) : s; }
    case K_BOUND: { sp_Obj *o = sp_newobj(vm, &sp_t_boundmethod, sizeof(sp_BoundMethod)); return o ? sp_objv(o) : SP_ERRV; }
    case K_CFUNC: return load_cfunc(l);
    case K_EXTFN: return load_extfn(l);
    case K_FUTURE: { sp_Obj *o = sp_newobj(vm, &sp_t_future_, sizeof(sp_Future)); return o ? sp_objv(o) : SP_ERRV; }
    case K_LAYOUT: return load_layout_shell(l);
    case K_INST: return create_inst(l);
    case K_MODREF: return load_modref(l);
    case K_NATIVE: return load_native_shell(l, false);
    }
    return bad(l, "bad object kind"), SP_ERRV;
}

static void fill_seq(Load *l, sp_Value *items, size_t n) {
    if (get_u32(l) != n) bad(l, "bad length");
    for (size_t i = 0; i < n && l->ok; i++)
        if (sp_isnull(items[i] = get_plain(l))) bad(l, "missing item");
}

/* The exception being handled (what a bare `raise` raises): one or none. */
static bool exc_or_none(sp_Value v) { return sp_isnull(v) || (sp_isobj(v) && sp_isinst(v, &sp_t_BaseException)); }

static void fill_gen(Load *l, sp_Gen *g) {
    sp_Value name = get_plain(l), qual = get_plain(l);
    g->exc_state = get_plain(l), g->retval = get_plain(l);
    uint8_t st = get_u8(l);
    if (!l->ok || !sp_isstr(name) || !sp_isstr(qual) || st > SP_GEN_DONE || !exc_or_none(g->exc_state))
        return (void)bad(l, "bad generator");
    g->name = SP_STR(name), g->qualname = SP_STR(qual);
    if (st != SP_GEN_DONE) {
        sp_Code *c = get_typed(l, &sp_t_code, false);
        if (l->ok && c != g->frame->code) return (void)bad(l, "generator changed code");
        if (!l->ok || !get_frame_body(l, g->frame, c, st == SP_GEN_CREATED)) return;
        uint32_t op = g->frame->ip > c->code ? SP_OPCODE(g->frame->ip[-1]) : SP_NOP;
        if (st == SP_GEN_SUSPENDED && op != SP_YIELD_VALUE && op != SP_SEND_FROM)
            return (void)bad(l, "suspended generator not at a yield");
        g->frame->gen = g;
        g->frame->prev = NULL;
    }
    g->state = st;
}

static void fill_layout(Load *l, sp_Obj *o) {
    size_t n;
    get_bytes(l, &n);
    const Layout *lay = layout_of(o->type);
    size_t at = sizeof(sp_Obj);
    sp_Dict *dict = NULL;
    for (const char *f = lay->fields; *f && l->ok; f++) {
        size_t s = field_size(*f), al = s > 8 ? 8 : s;
        at = (at + al - 1) / al * al;
        char *p = (char *)o + at;
        if (is_val_field(*f)) {
            sp_Value v = get_plain(l);
            if (l->ok && !field_ok(*f, v)) return (void)bad(l, "bad iterator field");
            memcpy(p, &v, sizeof v);
        } else if (*f == 'o' || *f == 'd') {
            sp_Value v = get_plain(l);
            /* any dict subclass shares dict's table (classes are rebuilt by now) */
            bool okt = *f == 'd' ? sp_isinst(v, &sp_t_dict) : (sp_istype(v, &sp_t_str) || sp_istype(v, &sp_t_bytes));
            if (!sp_isnull(v) && !okt) return (void)bad(l, "bad iterator field");
            dict = sp_isnull(v) ? NULL : (sp_Dict *)SP_O(v);
            memcpy(p, &dict, sizeof dict);
        } else if (*f == '1') {
            *p = (char)get_u8(l);
        } else {
            uint64_t u = get_u64(l);
            if (f > lay->fields && f[-1] == 'd' && dict && u > sp_dict_len(dict)) return (void)bad(l, "bad position");
            size_t lim = !dict ? 0 : ((sp_Obj *)dict)->type == &sp_t_str ? ((sp_Str *)dict)->len : ((sp_Bytes *)dict)->len;
            if (f > lay->fields && f[-1] == 'o' && dict && u > lim) return (void)bad(l, "bad position");
            memcpy(p, &u, 8);
        }
        at += s;
    }
}

/* Pass 2: the contents of mutable (possibly cyclic) objects. */
static void fill(Load *l, int kind, sp_Obj *o) {
    sp_Value v = sp_objv(o);
    switch (kind) {
    case K_TUPLE: fill_seq(l, SP_TUPLE(v)->items, SP_TUPLE(v)->n); break;
    case K_LIST: fill_seq(l, SP_LIST(v)->items, SP_LIST(v)->n); break;
    case K_DICT: case K_SET: case K_FROZENSET: fill_entries(l, v, kind == K_DICT); break;
    case K_TYPE: fill_type(l, (sp_Type *)o); break;
    case K_INST: fill_inst(l, o); break;
    case K_FUNC: {
        sp_Func *f = (sp_Func *)o;
        f->code = get_typed(l, &sp_t_code, false), f->globals = get_typed(l, &sp_t_dict, false);
        f->name = get_typed(l, &sp_t_str, false), f->qualname = get_typed(l, &sp_t_str, false);
        f->defaults = get_plain(l), f->kwdefaults = get_plain(l), f->closure = get_plain(l);
        f->doc = get_plain(l), f->module = get_plain(l), f->dict = get_typed(l, &sp_t_dict, true);
        bool okd = sp_isnull(f->defaults) || sp_istuple(f->defaults);
        bool okk = sp_isnull(f->kwdefaults) || sp_isdict(f->kwdefaults);
        bool okc = sp_isnull(f->closure) || (sp_istuple(f->closure) && SP_TUPLE(f->closure)->n == (l->ok ? f->code->nfree : 0));
        if (l->ok && !(okd && okk && okc)) bad(l, "bad function");
        break;
    }
    case K_CELL: ((sp_Cell *)o)->v = get_plain(l); break;
    case K_GEN: fill_gen(l, (sp_Gen *)o); break;
    case K_EXC: {
        size_t n;
        get_bytes(l, &n);
        fill_exc_fields(l, (sp_Exc *)o);
        break;
    }
    case K_TB: {
        sp_TB *t = (sp_TB *)o;
        t->next = get_typed(l, &sp_t_tb_, true), t->code = get_typed(l, &sp_t_code, false);
        t->line = (int)get_u32(l);
        t->kind = get_u8(l);
        if (t->kind > SP_TB_DICTCOMP) bad(l, "bad traceback entry");
        break;
    }
    case K_BOUND: ((sp_BoundMethod *)o)->self = get_plain(l), ((sp_BoundMethod *)o)->func = get_plain(l); break;
    case K_FUTURE: {
        sp_Future *f = (sp_Future *)o;
        f->id = get_u64(l), f->state = get_u8(l), f->value = get_plain(l);
        if (f->state > 2) bad(l, "bad future");
        break;
    }
    case K_LAYOUT: fill_layout(l, o); break;
    case K_CFUNC: fill_cfunc(l, (sp_CFunc *)o); break;
    case K_NATIVE: case K_NTYPE: {
        size_t n;
        get_bytes(l, &n), get_u32(l);
        fill_native(l, o, native_of(o->type));
        break;
    }
    case K_MODREF: get_plain(l), get_plain(l), fill_native(l, o, native_of(o->type)); break;
    }
}

/* A namedtuple instance holds one item per field (read by index). */
static bool check_nt_insts(Load *l) {
    for (uint32_t i = 0; i < l->nobj && l->ok; i++) {
        if (l->kinds[i] != K_INST || inst_solid(l->objs[i]->type) != &sp_t_tuple) continue;
        int64_t nf = sp_snap_nt_fields(l->objs[i]->type);
        if (nf >= 0 && (size_t)nf != ((sp_Tuple *)l->objs[i])->n) bad(l, "bad namedtuple");
    }
    return l->ok;
}

/* Code made in pass 1 saw its constant tuples still empty. */
static bool check_codes(Load *l) {
    for (uint32_t i = 0; i < l->nobj && l->ok; i++)
        if (l->kinds[i] == K_CODE && !sp_code_check_kwnames(l->vm, (sp_Code *)l->objs[i])) l->ok = false;
    return l->ok;
}

/* A closure holds cells (its tuple may be filled after the function). */
static bool check_closures(Load *l) {
    for (uint32_t i = 0; i < l->nobj && l->ok; i++) {
        sp_Value c = l->kinds[i] == K_FUNC ? ((sp_Func *)l->objs[i])->closure : SP_NULLV;
        for (size_t k = 0; sp_istuple(c) && k < SP_TUPLE(c)->n; k++)
            if (!sp_istype(SP_TUPLE(c)->items[k], &sp_t_cell)) return bad(l, "bad closure");
    }
    return l->ok;
}

/* make_now left a frozenset's index in its header: cleared at the end. */
static void unmark_frozensets(Load *l) {
    for (uint32_t i = 0; l->kinds && i < l->nobj; i++)
        if (l->kinds[i] == K_FROZENSET && l->objs[i]) l->objs[i]->gcflags &= (1u << IDX_SHIFT) - 1;
}

/* Which pass fills a kind: 3 for those that hash their parts (every
 * tuple and range is complete by then), 4 for module objects (their
 * values are complete), 5 for dict iterators, 2 for the rest; 0 none. */
static int fill_pass(int kind, sp_Obj *o) {
    if (kind == K_LAYOUT) /* dict iterators check positions against the full dict */
        return strchr(layout_of(o->type)->fields, 'd') ? 5 : 2;
    if (kind == K_NATIVE || kind == K_MODREF) return kind == K_NATIVE || native_of(o->type) ? 4 : 0;
    if (kind == K_CFUNC) return ((sp_CFunc *)o)->fn == unresolved ? 4 : 0;
    if (kind == K_INST) { /* a tuple's items before any hashing, a deque's values last */
        sp_Type *solid = inst_solid(o->type);
        return solid == &sp_t_tuple ? 2 : native_of(solid) ? 4 : 3;
    }
    if (kind == K_STR || kind == K_BYTES || kind == K_BIGINT || kind == K_CODE || kind == K_MODULE || kind == K_EXTFN)
        return 0; /* complete once made */
    return kind == K_DICT || kind == K_SET || kind == K_FROZENSET || kind == K_NTYPE ? 3 : 2;
}

/* One scan over the record headers finds every body (a record's index
 * is its position). */
static bool scan(Load *l) {
    for (uint32_t r = 0; r < l->nobj && l->ok; r++) {
        uint8_t kind = get_u8(l);
        uint32_t len = get_u32(l);
        if (!l->ok || !need(l, len)) return false;
        if (!kind || kind > K_LAST) return bad(l, "bad record kind");
        l->kinds[r] = kind;
        l->recs[r] = (Rec){l->p, len};
        l->p += len;
    }
    l->roots = l->p;
    return l->ok;
}

/* Classes: made in pass 0, before any instance (and any reference). */
static bool early(uint8_t kind) { return kind == K_TYPE || kind == K_NTYPE; }

/* Makes record idx's object (pass 0 the classes', pass 1 the others').
 * In pass 1 a reference to an object not made yet makes it first (a
 * code's constants, a generator's code, a bound method's self...): the
 * nesting is bounded by the C stack guard, and a record needed while it
 * is being made is refused. */
static void make_at(Load *l, uint32_t idx) {
    uint8_t kind = l->kinds[idx], *fp = l->kinds + l->nobj;
    fp[idx] = BUSY;
    l->p = l->recs[idx].body, l->end = l->p + l->recs[idx].len;
    sp_Value v = !early(kind) ? create(l, kind) : kind == K_TYPE ? create_type(l) : load_native_shell(l, true);
    if (l->ok && !sp_isobj(v)) bad(l, "bad object");
    if (l->ok) {
        l->objs[idx] = SP_O(v), fp[idx] = (uint8_t)fill_pass(kind, SP_O(v));
        l->npass[fp[idx]]++;
        if (kind == K_FROZENSET) SP_O(v)->gcflags |= (idx + 1) << IDX_SHIFT; /* for native_key */
    }
}

/* Fills record idx's object.  Records are filled in index order, pass
 * by pass, but a frozenset is filled when a key needs its hash, and a
 * module object when another one's values refer to it (a Match its
 * Pattern, a datetime its timezone): like making, that nests. */
static void fill_at(Load *l, uint32_t idx) {
    uint8_t *fp = l->kinds + l->nobj;
    fp[idx] = BUSY;
    l->p = l->recs[idx].body, l->end = l->p + l->recs[idx].len;
    fill(l, l->kinds[idx], l->objs[idx]);
    fp[idx] = FILLED;
}

/* at(l, idx) from inside another record's body: guarded, and the reader
 * put back where it was. */
static bool nested(Load *l, uint32_t idx, void (*at)(Load *, uint32_t)) {
    if (!SP_ENTER(l->vm)) return l->ok = false;
    const uint8_t *p = l->p, *end = l->end;
    at(l, idx);
    l->p = p, l->end = end;
    SP_LEAVE(l->vm);
    return l->ok;
}

static bool make_now(Load *l, uint32_t idx) {
    if (l->kinds[l->nobj + idx] == BUSY || early(l->kinds[idx]) != !l->creating) return bad(l, "bad reference");
    return nested(l, idx, make_at);
}

static bool fill_now(Load *l, uint32_t idx) { return nested(l, idx, fill_at); }

/* Pass 0 makes the classes' shells, pass 1 every other object (from the
 * last record back: what a record refers to usually comes after it),
 * passes 2 to 5 fill them (fill_pass), in index order. */
static bool records(Load *l, int pass) {
    const uint8_t *end = l->end;
    uint8_t *fp = l->kinds + l->nobj;
    l->creating = pass == 1;
    if (pass < 2) {
        for (uint32_t r = 0; r < l->nobj && l->ok; r++) {
            uint32_t idx = pass ? l->nobj - 1 - r : r;
            if (!l->objs[idx] && early(l->kinds[idx]) == !pass) make_at(l, idx);
        }
    } else {
        l->eager = pass == 4;
        for (uint32_t idx = 0, left = l->npass[pass]; idx < l->nobj && left && l->ok; idx++)
            if (fp[idx] == pass) left--, fill_at(l, idx);
    }
    l->creating = l->eager = false;
    l->p = l->roots, l->end = end;
    return l->ok;
}

/* ------------------------------------------------------------ state */

/* How a frame returns must fit what its caller is doing (sp_vm.c's
 * RET_PUSH, RET_EXIT, RET_FORITER, RET_SEND): the outermost exits the
 * loop, the others return into a call, a for-loop step or a yield from. */
static bool returns_ok(sp_Frame *caller, int rm) {
    if (!caller) return rm == 1;
    uint32_t op = SP_OPCODE(caller->ip[-1]);
    switch (rm) {
    case 0: return op == SP_CALL || op == SP_CALL_KW || op == SP_CALL_METHOD ||
                   op == SP_CALL_METHOD_KW || op == SP_CALL_EX;
    case 2: return op == SP_FOR_ITER;
    case 3: return op == SP_SEND_FROM;
    default: return false;
    }
}

static bool load_chain(Load *l) {
    sp_VM *vm = l->vm;
    uint32_t n = get_u32(l);
    if (!l->ok || n > (uint32_t)vm->pydepth_max + 1) return bad(l, "bad frame count");
    for (uint32_t i = 0; i < n && l->ok; i++) {
        sp_Frame *f, *caller = vm->frame;
        if (get_u8(l)) {
            sp_Gen *g = get_typed(l, &sp_t_generator, false);
            uint8_t rm = get_u8(l);
            if (!l->ok || g->state != SP_GEN_RUNNING || g->frame->prev || g->frame == vm->frame)
                return bad(l, "bad generator frame");
            f = g->frame;
            f->retmode = rm;
        } else {
            sp_Code *c = get_typed(l, &sp_t_code, false);
            if (!l->ok || !(f = sp_vm_push_frame(vm, c, vm->globals))) return l->ok = false;
            f->prev = NULL;
            if (!get_frame_body(l, f, c, false)) return false;
        }
        if (!returns_ok(caller, f->retmode)) return bad(l, "frame does not fit its caller");
        sp_vm_link_frame(vm, f);
    }
    return l->ok;
}

/* Running generators found outside the chain would never resume. */
static bool check_running(Load *l) {
    for (uint32_t i = 0; i < l->nobj; i++) {
        if (l->kinds[i] != K_GEN || ((sp_Gen *)l->objs[i])->state != SP_GEN_RUNNING) continue;
        sp_Frame *f = l->vm->frame;
        while (f && f != ((sp_Gen *)l->objs[i])->frame) f = f->prev;
        if (!f) return bad(l, "running generator outside the frames");
    }
    return true;
}

static bool load_state(Load *l) {
    sandpy *sp = l->sp;
    sp_VM *vm = l->vm;
    sp_Exec *x = sp_exec(vm);
    if (!x) return l->ok = false;
    sp_Dict *main = get_typed(l, &sp_t_dict, false);
    sp_Value g = get_plain(l), res = get_plain(l), futs = get_plain(l);
    sp_Value exc_info = get_plain(l), pending = get_plain(l);
    bool names = get_u8(l) != 0;
    uint64_t next_id = get_u64(l);
    bool has_call = get_u8(l) != 0;
    uint64_t call_id = get_u64(l), el = get_raw64(l), iu = get_u64(l);
    if (!l->ok) return false;
    if (!(sp_isnone(g) || sp_isdict(g)) || !(sp_isnone(futs) || sp_isdict(futs)) ||
        (has_call && !sp_istuple(pending)) || !exc_or_none(exc_info))
        return bad(l, "bad state");
    if (has_call && (SP_TUPLE(pending)->n != 3 || !sp_istuple(SP_TUPLE(pending)->items[1]) ||
                     !sp_isdict(SP_TUPLE(pending)->items[2]) ||
                     !(sp_isstr(SP_TUPLE(pending)->items[0]) || sp_istype(SP_TUPLE(pending)->items[0], &sp_t_extfn))))
        return bad(l, "bad pending call");
    sp_vm_abandon(vm);
    vm->globals = main;
    if (!load_chain(l) || !check_running(l) || has_call != (vm->frame != NULL)) {
        bad(l, "frames without a pending call");
        sp_vm_abandon(vm);
        return l->ok = false;
    }
    x->exc_info = exc_info, x->pending = has_call ? pending : SP_NULLV, x->pause_names = names;
    sp_api_setslot(sp, H_GLOBALS, g), sp_api_setslot(sp, H_RESULT, res), sp_api_setslot(sp, H_FUTURES, futs);
    sp->next_id = next_id, sp->instr_used = iu;
    memcpy(&sp->elapsed, &el, 8);
    sp->has_call = 0;
    if (has_call) sp_api_fill_call(sp, call_id);
    return true;
}

/* Header and keyed hash; on success l->p/end delimit the payload. */
static bool open_snap(Load *l, const uint8_t *data, size_t len, int kind) {
    if (!data || len < HDR + 4) return bad(l, "truncated");
    if (memcmp(data, "SANDPY", 6)) return bad(l, "not a sandpy snapshot");
    if (data[6] != SNAP_VERSION || data[7] != 0) return bad(l, "unsupported version");
    if (data[8] != kind) return bad(l, kind == KIND_CODE ? "not a code snapshot" : "not a state snapshot");
    uint64_t plen = rd64(data + 16), mac = rd64(data + 24);
    if (plen != len - HDR) return bad(l, "truncated");
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION /* lets fuzzers reach the parser */
    if (data[9] != zero_key(l->sp->cfg.snapshot_key) || tag_of(l->sp->cfg.snapshot_key, data + HDR, plen) != mac)
        return bad(l, "checksum mismatch");
#else
    (void)mac;
#endif
    l->p = data + HDR + 4, l->end = data + len;
    l->nobj = (uint32_t)data[HDR] | (uint32_t)data[HDR + 1] << 8 | (uint32_t)data[HDR + 2] << 16 |
              (uint32_t)data[HDR + 3] << 24;
    if (l->nobj > (plen - 4) / 2) return bad(l, "bad object count"); /* a record takes >= 2 bytes */
    size_t n = l->nobj ? l->nobj : 1;
    l->objs = sp_calloc(l->vm, n * sizeof *l->objs);
    l->kinds = l->objs ? sp_calloc(l->vm, 2 * n) : NULL;
    l->recs = l->kinds ? sp_malloc(l->vm, n * sizeof *l->recs) : NULL;
    return l->recs || (l->ok = false);
}

static void load_free(Load *l) {
    size_t n = l->nobj ? l->nobj : 1;
    if (l->objs) sp_free(l->vm, l->objs, n * sizeof *l->objs);
    if (l->kinds) sp_free(l->vm, l->kinds, 2 * n);
    if (l->recs) sp_free(l->vm, l->recs, n * sizeof *l->recs);
    if (l->types) sp_free(l->vm, l->types, l->typecap * sizeof *l->types);
}

/* Loading runs no Python code (no collection), but lifts nothing: the
 * memory limit holds.  limits are armed like a run for the probes. */
static bool load(sandpy *sp, const uint8_t *data, size_t len, int kind, Load *l) {
    *l = (Load){.sp = sp, .vm = sp->vm, .ok = true};
    if (sp->busy) return sp_api_invalid(sp, &sp_t_RuntimeError, "sandpy: cannot load from a callback"), false;
    sp_VM *vm = sp->vm;
    const char *base = vm->cstack_base;
    char here;
    if (!base) vm->cstack_base = &here; /* objects made on demand nest (make_now) */
    vm->gc_paused++;
    bool ok = open_snap(l, data, len, kind) && scan(l) && records(l, 0) && records(l, 1) && records(l, 2) &&
              check_closures(l) && records(l, 3) && restore_types(l) && check_nt_insts(l) && check_codes(l) &&
              records(l, 4) && records(l, 5);
    unmark_frozensets(l);
    vm->gc_paused--;
    vm->cstack_base = base;
    return ok;
}

sandpy_code *sandpy_code_load(sandpy *sp, const uint8_t *data, size_t len) {
    Load l;
    sandpy_code *c = NULL;
    if (load(sp, data, len, KIND_CODE, &l)) {
        sp_Value code = get_plain(&l), in = get_plain(&l);
        if (l.ok && sp_istype(code, &sp_t_code) && sp_istuple(in)) c = sp_api_add_code(sp, code, in);
        else bad(&l, "bad code roots");
    }
    if (!l.ok) sp_api_capture(sp, SANDPY_INVALID);
    load_free(&l);
    return c;
}

sandpy_status sandpy_snapshot_load(sandpy *sp, const uint8_t *data, size_t len) {
    Load l;
    if (!sp->busy) sandpy_values_reset(sp);
    size_t used_before = sp->vm->mem_used;
    if (load(sp, data, len, KIND_STATE, &l)) {
        sp->vm->gc_paused++;
        load_state(&l);
        sp->vm->gc_paused--;
    }
    load_free(&l);
    if (!l.ok) return sp_api_capture(sp, SANDPY_INVALID);
    sp_gc_after_load(sp->vm, used_before); /* everything is rooted again: the old state may go */
    return sp->has_call ? SANDPY_PAUSED : SANDPY_OK;
}
