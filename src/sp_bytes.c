/* sp_bytes.c - the bytes type and the decoders (bytes -> str).
 *
 * Searching, splitting, stripping and replacing reuse the byte-level
 * engines of sp_strmeth.c with units = bytes; case and character classes
 * are the ASCII subset of the str tables, as CPython's bytes methods are. */
#include "sp_strimpl.h"

#include <stdio.h>

#define SELF (SP_BYTES(args[0]))
#define BDATA(b) ((const char *)(b)->data)

static sp_Bytes *bytes_alloc(sp_VM *vm, size_t n) {
    if (n > SP_MAX_ALLOC) return sp_nomem(vm);
    sp_Bytes *b = sp_newobj(vm, &sp_t_bytes, sizeof(sp_Bytes) + n + 1);
    if (!b) return NULL;
    b->hash = -1;
    b->len = n;
    b->data[n] = 0;
    return b;
}

sp_Value sp_bytes_new(sp_VM *vm, const void *p, size_t n) {
    sp_Bytes *b = bytes_alloc(vm, n);
    if (!b) return SP_ERRV;
    if (n) memcpy(b->data, p, n);
    return sp_objv(b);
}

static sp_Value mk_bytes(sp_VM *vm, const char *p, size_t n) { return sp_bytes_new(vm, p, n); }

static bool need_bytes(sp_VM *vm, sp_Value v) {
    if (sp_istype(v, &sp_t_bytes)) return true;
    sp_raise(vm, &sp_t_TypeError, "a bytes-like object is required, not '%s'", sp_typename(v));
    return false;
}

/* ------------------------------------------------------------ decode */

static bool decode_error(sp_VM *vm, const char *codec, const uint8_t *p, size_t start,
                         size_t end, const char *reason) {
    char hex[8]; /* sp_raise's format has no field widths */
    snprintf(hex, sizeof hex, "0x%02x", (unsigned)p[start]);
    if (end - start == 1)
        sp_raise(vm, &sp_t_UnicodeDecodeError,
                 "'%s' codec can't decode byte %s in position %zu: %s", codec, hex, start, reason);
    else
        sp_raise(vm, &sp_t_UnicodeDecodeError,
                 "'%s' codec can't decode bytes in position %zu-%zu: %s", codec, start, end - 1,
                 reason);
    return false;
}

/* Apply the error handler to the undecodable bytes p[start..end). */
static bool decode_bad(sp_VM *vm, sp_Buf *b, size_t *clen, const char *codec, const uint8_t *p,
                       size_t start, size_t end, const char *reason, int eh, sp_Value errors) {
    switch (eh) {
    case SP_ERR_IGNORE: return true;
    case SP_ERR_REPLACE: return ++*clen, sp_buf_addcp(b, 0xFFFD);
    case SP_ERR_BACKSLASH:
        for (size_t i = start; i < end; i++, *clen += 4)
            if (!sp_buf_addf(b, "\\x%02x", (unsigned)p[i])) return false;
        return true;
    case SP_ERR_SURR_ESCAPE:
        for (size_t i = start; i < end; i++, ++*clen)
            if (!sp_buf_addcp(b, 0xDC00 + p[i])) return false;
        return true;
    case SP_ERR_UNKNOWN: return sp_codec_unknown_handler(vm, errors);
    default: return decode_error(vm, codec, p, start, end, reason);
    }
}

/* Length of the bad sequence at p[i] (CPython's ranges) and its reason;
 * 0 if p[i..] starts a valid sequence of *ok bytes. */
static size_t utf8_bad(const uint8_t *p, size_t n, size_t i, size_t *ok, const char **why) {
    uint8_t c = p[i], lo = 0x80, hi = 0xBF;
    size_t k;
    if (c >= 0xC2 && c <= 0xDF) k = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        k = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *why = "invalid start byte";
        return 1;
    }
    for (size_t j = 1; j <= k; j++) {
        if (i + j >= n) {
            *why = "unexpected end of data";
            return n - i;
        }
        uint8_t d = p[i + j];
        if (j == 1 ? d < lo || d > hi : (d & 0xC0) != 0x80) {
            *why = "invalid continuation byte";
            return j;
        }
    }
    *ok = k + 1;
    return 0;
}

sp_Value sp_bytes_decode(sp_VM *vm, const uint8_t *p, size_t n, sp_Value encoding,
                         sp_Value errors) {
    if (n == 0) return sp_str_from(vm, "", 0, 0); /* CPython skips the codec lookup */
    const char *codec = sp_isnull(encoding) ? "utf-8" : sp_codec_lookup(vm, SP_STR(encoding));
    if (!codec) return SP_ERRV;
    bool utf8 = codec[0] == 'u', ascii = codec[0] == 'a';
    if (utf8) {
        int64_t cl = sp_utf8_check((const char *)p, n);
        if (cl >= 0) return sp_str_from(vm, (const char *)p, n, (size_t)cl);
    }
    int eh = sp_codec_errors(errors);
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!sp_buf_reserve(&b, n)) return SP_ERRV;
    size_t clen = 0, i = 0;
    while (i < n) {
        size_t ok = 1, bad = 0;
        const char *why = "ordinal not in range(128)";
        if (p[i] < 0x80) bad = 0;
        else if (utf8) bad = utf8_bad(p, n, i, &ok, &why);
        else if (ascii) bad = 1;
        if (bad) {
            if (!decode_bad(vm, &b, &clen, codec, p, i, i + bad, why, eh, errors)) goto fail;
            i += bad;
            continue;
        }
        bool added = utf8 || p[i] < 0x80 ? sp_buf_add(&b, p + i, ok) : sp_buf_addcp(&b, p[i]);
        if (!added) goto fail;
        clen++;
        i += ok;
    }
    sp_Value r = sp_str_from(vm, b.p ? b.p : "", b.n, clen);
    sp_buf_free(&b);
    return r;
fail:
    sp_buf_free(&b);
    return SP_ERRV;
}

/* ------------------------------------------------------- construction */

static sp_Value bytes_from_iter(sp_VM *vm, sp_Value src) {
    sp_Value it = sp_iter(vm, src);
    if (sp_iserr(it)) {
        if (!sp_err_matches(vm, &sp_t_TypeError)) return it;
        sp_err_clear(vm);
        return sp_raise(vm, &sp_t_TypeError, "cannot convert '%s' object to bytes",
                        sp_typename(src));
    }
    if (!sp_pin(vm, it)) return SP_ERRV; /* next() may run Python code and collect */
    sp_Buf b;
    sp_buf_init(vm, &b);
    sp_Value r = SP_ERRV;
    for (;;) {
        sp_Value x = sp_next(vm, it);
        if (sp_iserr(x)) goto done;
        if (sp_isnull(x)) break;
        int64_t v;
        if (!sp_arg_ssize(vm, x, &v)) goto done;
        if (v < 0 || v > 255) {
            sp_raise(vm, &sp_t_ValueError, "bytes must be in range(0, 256)");
            goto done;
        }
        if (!sp_buf_addc(&b, (char)v)) goto done;
    }
    r = sp_bytes_new(vm, b.p ? b.p : "", b.n);
done:
    sp_buf_free(&b);
    sp_unpin(vm, 1);
    return r;
}

static sp_Value bytes_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    sp_Value a[3];
    if (!sp_parse_args(vm, "bytes", args, nargs, kw, "|source,encoding,errors", a)) return SP_ERRV;
    static const char *const names[] = {"encoding", "errors"};
    for (int k = 1; k < 3; k++)
        if (!sp_isnull(a[k]) && !sp_isstr(a[k]))
            return sp_raise(vm, &sp_t_TypeError, "bytes() argument '%s' must be str, not %A",
                            names[k - 1], a[k]);
    sp_Value src = a[0];
    if (sp_isnull(src)) {
        if (!sp_isnull(a[1]) || !sp_isnull(a[2]))
            return sp_raise(vm, &sp_t_TypeError, "encoding or errors without sequence argument");
        return sp_bytes_new(vm, "", 0);
    }
    if (sp_isstr(src)) {
        if (sp_isnull(a[1]))
            return sp_raise(vm, &sp_t_TypeError, "string argument without an encoding");
        return sp_str_encode(vm, SP_STR(src), a[1], a[2]);
    }
    if (!sp_isnull(a[1]))
        return sp_raise(vm, &sp_t_TypeError, "encoding without a string argument");
    if (!sp_isnull(a[2]))
        return sp_raise(vm, &sp_t_TypeError, "errors without a string argument");
    if (sp_istype(src, &sp_t_bytes)) return src;
    if (src.tag == SP_INT || src.tag == SP_BOOL) {
        if (src.u.i < 0) return sp_raise(vm, &sp_t_ValueError, "negative count");
        sp_Bytes *b = bytes_alloc(vm, (size_t)src.u.i);
        if (!b) return SP_ERRV;
        memset(b->data, 0, b->len);
        return sp_objv(b);
    }
    if (sp_istype(src, &sp_t_bigint_))
        return sp_raise(vm, &sp_t_OverflowError, "cannot fit 'int' into an index-sized integer");
    return bytes_from_iter(vm, src);
}

/* ------------------------------------------------------- type slots */

static sp_Value bytes_repr(sp_VM *vm, sp_Value self) {
    sp_Bytes *s = SP_BYTES(self);
    char q = memchr(s->data, '\'', s->len) && !memchr(s->data, '"', s->len) ? '"' : '\'';
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!sp_buf_reserve(&b, s->len + 3) || !sp_buf_addc(&b, 'b') || !sp_buf_addc(&b, q)) goto fail;
    for (size_t i = 0; i < s->len; i++) {
        uint8_t c = s->data[i];
        bool ok;
        if (c == (uint8_t)q || c == '\\') ok = sp_buf_addc(&b, '\\') && sp_buf_addc(&b, (char)c);
        else if (c == '\t') ok = sp_buf_add(&b, "\\t", 2);
        else if (c == '\n') ok = sp_buf_add(&b, "\\n", 2);
        else if (c == '\r') ok = sp_buf_add(&b, "\\r", 2);
        else if (c < 0x20 || c >= 0x7f) ok = sp_buf_addf(&b, "\\x%02x", (unsigned)c);
        else ok = sp_buf_addc(&b, (char)c);
        if (!ok) goto fail;
    }
    if (!sp_buf_addc(&b, q)) goto fail;
    sp_Value r = sp_str_from(vm, b.p, b.n, b.n);
    sp_buf_free(&b);
    return r;
fail:
    sp_buf_free(&b);
    return SP_ERRV;
}

static bool bytes_hash(sp_VM *vm, sp_Value self, int64_t *out) {
    (void)vm;
    sp_Bytes *b = SP_BYTES(self);
    if (b->hash == -1) {
        int64_t h = sp_bytes_hash_raw(b->data, b->len);
        if (b->h.gcflags & SP_GC_STATIC) return *out = h, true;
        b->hash = h;
    }
    *out = b->hash;
    return true;
}

static sp_Value bytes_richcmp(sp_VM *vm, sp_Value a, sp_Value b, int op) {
    (void)vm;
    if (!sp_istype(a, &sp_t_bytes) || !sp_istype(b, &sp_t_bytes)) return SP_NOTIMPL;
    sp_Bytes *x = SP_BYTES(a), *y = SP_BYTES(b);
    size_t n = x->len < y->len ? x->len : y->len;
    int c = n ? memcmp(x->data, y->data, n) : 0;
    if (c == 0) c = (x->len > y->len) - (x->len < y->len);
    return sp_cmp_result(c, op);
}

static int64_t bytes_len(sp_VM *vm, sp_Value self) {
    (void)vm;
    return (int64_t)SP_BYTES(self)->len;
}

/* A byte value from an int argument: "byte must be in range(0, 256)". */
static bool byte_value(sp_VM *vm, sp_Value v, uint8_t *out) {
    int64_t i = 0;
    if (!sp_istype(v, &sp_t_bigint_) && !sp_arg_ssize(vm, v, &i)) return false;
    if (sp_istype(v, &sp_t_bigint_) || i < 0 || i > 255) {
        sp_raise(vm, &sp_t_ValueError, "byte must be in range(0, 256)");
        return false;
    }
    *out = (uint8_t)i;
    return true;
}

/* The needle of find/count/in: bytes, or an int naming one byte. */
static bool needle_arg(sp_VM *vm, sp_Value v, uint8_t *one, const char **p, size_t *n) {
    if (sp_istype(v, &sp_t_bytes)) {
        *p = BDATA(SP_BYTES(v));
        *n = SP_BYTES(v)->len;
        return true;
    }
    if (!sp_isintlike(v)) {
        sp_raise(vm, &sp_t_TypeError, "argument should be integer or bytes-like object, not '%s'",
                 sp_typename(v));
        return false;
    }
    if (!byte_value(vm, v, one)) return false;
    *p = (const char *)one;
    *n = 1;
    return true;
}

static int bytes_contains(sp_VM *vm, sp_Value self, sp_Value item) {
    sp_Bytes *s = SP_BYTES(self);
    uint8_t one;
    const char *p;
    size_t n;
    if (!sp_istype(item, &sp_t_bytes) && !sp_isintlike(item)) return need_bytes(vm, item) - 1;
    if (!needle_arg(vm, item, &one, &p, &n) || !sp_scan_poll(vm, s->len)) return -1;
    return sp_bfind(s->data, s->len, p, n, false) >= 0;
}

static sp_Value bytes_getitem(sp_VM *vm, sp_Value self, sp_Value key) {
    sp_Bytes *s = SP_BYTES(self);
    if (key.tag == SP_INT || key.tag == SP_BOOL) {
        int64_t i = key.u.i;
        if (i < 0) i += (int64_t)s->len;
        if (i < 0 || i >= (int64_t)s->len)
            return sp_raise(vm, &sp_t_IndexError, "index out of range");
        return sp_int(s->data[i]);
    }
    if (sp_istype(key, &sp_t_slice)) {
        int64_t start, stop, step;
        int64_t n = sp_slice_indices(vm, key, (int64_t)s->len, &start, &stop, &step);
        if (n < 0) return SP_ERRV;
        if (step == 1 && (size_t)n == s->len) return self;
        sp_Bytes *r = bytes_alloc(vm, (size_t)n);
        if (!r) return SP_ERRV;
        for (int64_t k = 0; k < n; k++) r->data[k] = s->data[start + k * step];
        return sp_objv(r);
    }
    sp_Value ci = sp_class_index(vm, key); /* a class with __index__ */
    if (!sp_isnull(ci)) return sp_iserr(ci) ? ci : bytes_getitem(vm, self, ci);
    if (sp_istype(key, &sp_t_bigint_))
        return sp_raise(vm, &sp_t_IndexError, "cannot fit 'int' into an index-sized integer");
    return sp_raise(vm, &sp_t_TypeError, "byte indices must be integers or slices, not %s",
                    sp_typename(key));
}

static sp_Value bytes_repeat(sp_VM *vm, sp_Value sv, sp_Value nv) {
    sp_Bytes *s = SP_BYTES(sv);
    if (sp_istype(nv, &sp_t_bigint_))
        return sp_raise(vm, &sp_t_OverflowError, "cannot fit 'int' into an index-sized integer");
    int64_t n = nv.u.i;
    if (n <= 0 || s->len == 0) return sp_bytes_new(vm, "", 0);
    if (n == 1) return sv;
    if ((uint64_t)n > (uint64_t)INT64_MAX / s->len)
        return sp_raise(vm, &sp_t_OverflowError, "repeated bytes are too long");
    size_t total;
    if (!sp_size_mul(vm, s->len, (size_t)n, &total)) return SP_ERRV;
    sp_Bytes *r = bytes_alloc(vm, total);
    if (!r) return SP_ERRV;
    memcpy(r->data, s->data, s->len);
    for (size_t done = s->len; done < total;) {
        size_t k = done < total - done ? done : total - done;
        memcpy(r->data + done, r->data, k);
        done += k;
    }
    return sp_objv(r);
}

static bool is_int_operand(sp_Value v) {
    return v.tag == SP_INT || v.tag == SP_BOOL || sp_istype(v, &sp_t_bigint_);
}

static sp_Value bytes_binop(sp_VM *vm, int op, sp_Value a, sp_Value b) {
    if (op >= SP_OP_INPLACE) op -= SP_OP_INPLACE;
    bool ab = sp_istype(a, &sp_t_bytes), bb = sp_istype(b, &sp_t_bytes);
    if (op == SP_OP_ADD && ab) {
        if (!bb) {
            if (sp_typeof(b)->flags & SP_TF_HEAPTYPE) return SP_NOTIMPL; /* __radd__ may apply */
            return sp_raise(vm, &sp_t_TypeError, "can't concat %s to bytes", sp_typename(b));
        }
        sp_Bytes *x = SP_BYTES(a), *y = SP_BYTES(b);
        if (y->len > SP_MAX_ALLOC - x->len) return sp_nomem(vm), SP_ERRV;
        sp_Bytes *r = bytes_alloc(vm, x->len + y->len);
        if (!r) return SP_ERRV;
        memcpy(r->data, x->data, x->len);
        memcpy(r->data + x->len, y->data, y->len);
        return sp_objv(r);
    }
    if (op == SP_OP_MOD && ab) return sp_bytes_percent(vm, a, b);
    if (op == SP_OP_MUL) {
        if (ab && is_int_operand(b)) return bytes_repeat(vm, a, b);
        if (bb && is_int_operand(a)) return bytes_repeat(vm, b, a);
    }
    return SP_NOTIMPL;
}

/* ------------------------------------------------------- iterator */

typedef struct BytesIter {
    sp_Obj h;
    sp_Bytes *b;
    size_t pos;
} BytesIter;

static sp_Type sp_t_bytes_iter;

static sp_Value bytes_iter(sp_VM *vm, sp_Value self) {
    BytesIter *it = sp_newobj(vm, &sp_t_bytes_iter, sizeof *it);
    if (!it) return SP_ERRV;
    it->b = SP_BYTES(self);
    return sp_objv(it);
}

static sp_Value bytesiter_next(sp_VM *vm, sp_Value self) {
    (void)vm;
    BytesIter *it = SP_AS(BytesIter, self);
    if (it->pos >= it->b->len) return SP_NULLV;
    return sp_int(it->b->data[it->pos++]);
}

static sp_Value bytesiter_self(sp_VM *vm, sp_Value self) {
    (void)vm;
    return self;
}

static void bytesiter_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_marko(vm, &((BytesIter *)o)->b->h); }

static sp_Type sp_t_bytes_iter = {
    .h = SP_STATIC_HDR(&sp_t_type), .name = "bytes_iterator", .base = &sp_t_object,
    .traverse = bytesiter_traverse, .iter = bytesiter_self, .next = bytesiter_next,
};

/* ------------------------------------------------------------ methods */

static sp_Value bytes_decode_m(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    if (!sp_parse_args(vm, "decode", args + 1, nargs - 1, kw, "|encoding,errors", a))
        return SP_ERRV;
    static const char *const names[] = {"encoding", "errors"};
    for (int k = 0; k < 2; k++)
        if (!sp_isnull(a[k]) && !sp_isstr(a[k]))
            return sp_raise(vm, &sp_t_TypeError, "decode() argument '%s' must be str, not %A",
                            names[k], a[k]);
    return sp_bytes_decode(vm, SELF->data, SELF->len, a[0], a[1]);
}

/* find/rfind/index/rindex/count share (sub, start, end) parsing. */
typedef struct BSpan {
    const char *p, *sub;
    size_t n, m;
    uint8_t one;
    int64_t start, end;
} BSpan;

static bool bspan(sp_VM *vm, const char *name, sp_Value *args, int nargs, sp_Tuple *kw,
                  BSpan *s, bool needle) {
    if (!sp_arg_span(vm, "bytes", name, args, nargs, kw, &s->start, &s->end)) return false;
    if (needle && !needle_arg(vm, args[1], &s->one, &s->sub, &s->m)) return false;
    sp_adjust_indices(&s->start, &s->end, (int64_t)SELF->len);
    s->p = BDATA(SELF) + (s->start < s->end ? s->start : 0);
    s->n = s->start < s->end ? (size_t)(s->end - s->start) : 0;
    return sp_scan_poll(vm, s->n);
}

static sp_Value bfind_common(sp_VM *vm, const char *name, sp_Value *args, int nargs,
                             sp_Tuple *kw, bool rev, bool raise) {
    BSpan s;
    if (!bspan(vm, name, args, nargs, kw, &s, true)) return SP_ERRV;
    int64_t r = -1;
    if (s.end - s.start >= (int64_t)s.m) {
        r = sp_bfind(s.p, s.n, s.sub, s.m, rev);
        if (r >= 0) r += s.start;
    }
    if (r < 0 && raise) return sp_raise(vm, &sp_t_ValueError, "subsection not found");
    return sp_int(r);
}

static sp_Value bytes_find(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bfind_common(vm, "find", a, n, kw, false, false);
}
static sp_Value bytes_rfind(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bfind_common(vm, "rfind", a, n, kw, true, false);
}
static sp_Value bytes_index(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bfind_common(vm, "index", a, n, kw, false, true);
}
static sp_Value bytes_rindex(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bfind_common(vm, "rindex", a, n, kw, true, true);
}

static sp_Value bytes_count(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    BSpan s;
    if (!bspan(vm, "count", args, nargs, kw, &s, true)) return SP_ERRV;
    if (s.end - s.start < (int64_t)s.m) return sp_int(0);
    if (s.m == 0) return sp_int(s.end - s.start + 1);
    return sp_int((int64_t)sp_bcount(s.p, s.n, s.sub, s.m, SIZE_MAX));
}

static bool btail(const BSpan *s, const sp_Bytes *sub, bool end) {
    if (s->end - s->start < (int64_t)sub->len) return false;
    const char *at = end ? s->p + s->n - sub->len : s->p;
    return sub->len == 0 || memcmp(at, sub->data, sub->len) == 0;
}

static sp_Value baffix(sp_VM *vm, const char *name, sp_Value *args, int nargs, sp_Tuple *kw,
                       bool end) {
    BSpan s;
    if (!bspan(vm, name, args, nargs, kw, &s, false)) return SP_ERRV;
    sp_Value sub = args[1];
    if (sp_istype(sub, &sp_t_bytes)) return sp_bool(btail(&s, SP_BYTES(sub), end));
    if (!sp_istuple(sub))
        return sp_raise(vm, &sp_t_TypeError,
                        "%s first arg must be bytes or a tuple of bytes, not %s", name,
                        sp_typename(sub));
    for (size_t i = 0; i < SP_TUPLE(sub)->n; i++) {
        sp_Value x = SP_TUPLE(sub)->items[i];
        if (!need_bytes(vm, x)) return SP_ERRV;
        if (btail(&s, SP_BYTES(x), end)) return SP_TRUEV;
    }
    return SP_FALSEV;
}

static sp_Value bytes_startswith(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return baffix(vm, "startswith", a, n, kw, false);
}
static sp_Value bytes_endswith(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return baffix(vm, "endswith", a, n, kw, true);
}

static sp_Value bsplit_common(sp_VM *vm, const char *name, sp_Value *args, int nargs,
                              sp_Tuple *kw, bool rev) {
    sp_Value a[2];
    int64_t maxsplit = -1;
    if (!sp_parse_args(vm, name, args + 1, nargs - 1, kw, "|sep,maxsplit", a)) return SP_ERRV;
    if (!sp_isnull(a[1]) && !sp_arg_ssize(vm, a[1], &maxsplit)) return SP_ERRV;
    sp_Bytes *sep = NULL;
    if (!sp_isnull(a[0]) && !sp_isnone(a[0])) {
        if (!need_bytes(vm, a[0])) return SP_ERRV;
        sep = SP_BYTES(a[0]);
    }
    return sp_split_impl(vm, BDATA(SELF), SELF->len, sep ? BDATA(sep) : NULL, sep ? sep->len : 0,
                         maxsplit, rev, false, mk_bytes);
}

static sp_Value bytes_split(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bsplit_common(vm, "split", a, n, kw, false);
}
static sp_Value bytes_rsplit(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bsplit_common(vm, "rsplit", a, n, kw, true);
}

static sp_Value bytes_splitlines(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[1];
    int64_t keep = 0;
    if (!sp_parse_args(vm, "splitlines", args + 1, nargs - 1, kw, "|keepends", a)) return SP_ERRV;
    if (!sp_isnull(a[0]) && !sp_arg_cint(vm, a[0], &keep)) return SP_ERRV;
    const char *p = BDATA(SELF);
    size_t n = SELF->len, i = 0;
    sp_Value l = sp_list_with_cap(vm, 4);
    if (sp_iserr(l)) return l;
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] != '\n' && p[j] != '\r') j++;
        size_t eol = j;
        if (j < n) j += p[j] == '\r' && j + 1 < n && p[j + 1] == '\n' ? 2 : 1;
        if (keep) eol = j;
        sp_Value piece = sp_bytes_new(vm, p + i, eol - i);
        if (sp_iserr(piece) || !sp_list_append(vm, SP_LIST(l), piece)) return SP_ERRV;
        i = j;
    }
    return l;
}

static sp_Value bstrip_common(sp_VM *vm, const char *name, sp_Value *args, int nargs,
                              sp_Tuple *kw, int which) {
    if (!sp_arg_pos(vm, "bytes", name, nargs, kw, 0, 1)) return SP_ERRV;
    sp_Bytes *s = SELF, *chars = NULL;
    if (nargs > 1 && !sp_isnone(args[1])) {
        if (!need_bytes(vm, args[1])) return SP_ERRV;
        chars = SP_BYTES(args[1]);
    }
    size_t b0, b1;
    if (!sp_strip_impl(vm, BDATA(s), s->len, chars ? BDATA(chars) : NULL, chars ? chars->len : 0,
                       which, false, &b0, &b1))
        return SP_ERRV;
    if (b0 == 0 && b1 == s->len) return args[0];
    return sp_bytes_new(vm, s->data + b0, b1 - b0);
}

static sp_Value bytes_strip(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bstrip_common(vm, "strip", a, n, kw, 3);
}
static sp_Value bytes_lstrip(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bstrip_common(vm, "lstrip", a, n, kw, 1);
}
static sp_Value bytes_rstrip(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bstrip_common(vm, "rstrip", a, n, kw, 2);
}

static sp_Value bytes_replace(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_arg_pos(vm, "bytes", "replace", nargs, kw, 2, 3) || !need_bytes(vm, args[1]) ||
        !need_bytes(vm, args[2]))
        return SP_ERRV;
    int64_t maxc = -1;
    if (nargs > 3 && !sp_arg_ssize(vm, args[3], &maxc)) return SP_ERRV;
    sp_Bytes *s = SELF, *old = SP_BYTES(args[1]), *nw = SP_BYTES(args[2]);
    size_t limit = maxc < 0 ? SIZE_MAX : (size_t)maxc;
    size_t count = sp_replace_impl(BDATA(s), s->len, BDATA(old), old->len, BDATA(nw), nw->len,
                                   limit, false, NULL);
    if (count == 0) return args[0];
    size_t grow, total = s->len - count * old->len;
    if (!sp_size_mul(vm, count, nw->len, &grow)) return SP_ERRV;
    if (grow > SP_MAX_ALLOC - total) return sp_nomem(vm), SP_ERRV;
    sp_Bytes *r = bytes_alloc(vm, total + grow);
    if (!r) return SP_ERRV;
    sp_replace_impl(BDATA(s), s->len, BDATA(old), old->len, BDATA(nw), nw->len, limit, false,
                    (char *)r->data);
    return sp_objv(r);
}

static sp_Value bytes_join(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_arg_one(vm, "bytes", "join", nargs, kw)) return SP_ERRV;
    sp_Value seq = args[1];
    if (!sp_islist(seq) && !sp_istuple(seq)) {
        sp_Value it = sp_iter(vm, seq);
        if (sp_iserr(it)) {
            if (!sp_err_matches(vm, &sp_t_TypeError)) return it;
            sp_err_clear(vm);
            return sp_raise(vm, &sp_t_TypeError, "can only join an iterable");
        }
        if (sp_iserr(seq = sp_list_from_iter(vm, it))) return seq;
    }
    sp_Value *items = sp_islist(seq) ? SP_LIST(seq)->items : SP_TUPLE(seq)->items;
    size_t n = sp_islist(seq) ? SP_LIST(seq)->n : SP_TUPLE(seq)->n, total = 0;
    sp_Bytes *sep = SELF;
    for (size_t i = 0; i < n; i++) {
        if (!sp_istype(sp_unbox(items[i]), &sp_t_bytes)) /* bytes subclasses join as their value */
            return sp_raise(vm, &sp_t_TypeError,
                            "sequence item %zu: expected a bytes-like object, %s found", i,
                            sp_typename(items[i]));
        size_t add = SP_BYTES(sp_unbox(items[i]))->len + (i ? sep->len : 0);
        if (add > SP_MAX_ALLOC - total) return sp_nomem(vm), SP_ERRV;
        total += add;
    }
    sp_Bytes *r = bytes_alloc(vm, total);
    if (!r) return SP_ERRV;
    uint8_t *o = r->data;
    for (size_t i = 0; i < n; i++) {
        sp_Bytes *x = SP_BYTES(sp_unbox(items[i]));
        if (i) memcpy(o, sep->data, sep->len), o += sep->len;
        memcpy(o, x->data, x->len);
        o += x->len;
    }
    return sp_objv(r);
}

static sp_Value bpartition_common(sp_VM *vm, const char *name, sp_Value *args, int nargs,
                                  sp_Tuple *kw, bool rev) {
    if (!sp_arg_one(vm, "bytes", name, nargs, kw) || !need_bytes(vm, args[1])) return SP_ERRV;
    sp_Bytes *s = SELF, *sep = SP_BYTES(args[1]);
    if (sep->len == 0) return sp_raise(vm, &sp_t_ValueError, "empty separator");
    int64_t k = sp_bfind(s->data, s->len, sep->data, sep->len, rev);
    sp_Value parts[3];
    if (k < 0) {
        sp_Value e = sp_bytes_new(vm, "", 0);
        if (sp_iserr(e)) return e;
        parts[0] = rev ? e : args[0];
        parts[1] = e;
        parts[2] = rev ? args[0] : e;
    } else {
        size_t at = (size_t)k;
        parts[0] = sp_bytes_new(vm, s->data, at);
        parts[1] = args[1];
        parts[2] = sp_bytes_new(vm, s->data + at + sep->len, s->len - at - sep->len);
        if (sp_iserr(parts[0]) || sp_iserr(parts[2])) return SP_ERRV;
    }
    return sp_tuple_pack(vm, 3, parts);
}

static sp_Value bytes_partition(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bpartition_common(vm, "partition", a, n, kw, false);
}
static sp_Value bytes_rpartition(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bpartition_common(vm, "rpartition", a, n, kw, true);
}

static sp_Value baffix_remove(sp_VM *vm, const char *name, sp_Value *args, int nargs,
                              sp_Tuple *kw, bool suffix) {
    if (!sp_arg_one(vm, "bytes", name, nargs, kw) || !need_bytes(vm, args[1])) return SP_ERRV;
    sp_Bytes *s = SELF, *a = SP_BYTES(args[1]);
    if (a->len == 0 || a->len > s->len) return args[0];
    const uint8_t *at = suffix ? s->data + s->len - a->len : s->data;
    if (memcmp(at, a->data, a->len) != 0) return args[0];
    return sp_bytes_new(vm, suffix ? s->data : s->data + a->len, s->len - a->len);
}

static sp_Value bytes_removeprefix(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return baffix_remove(vm, "removeprefix", a, n, kw, false);
}
static sp_Value bytes_removesuffix(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return baffix_remove(vm, "removesuffix", a, n, kw, true);
}

/* center/ljust/rjust/zfill: pad with one fill byte. */
static sp_Value bpad(sp_VM *vm, sp_Value self, int64_t width, int how, uint8_t fill) {
    sp_Bytes *s = SP_BYTES(self);
    if (width <= (int64_t)s->len) return self;
    int64_t marg = width - (int64_t)s->len;
    int64_t left = how < 0 ? 0 : how > 0 ? marg : marg / 2 + (marg & width & 1);
    sp_Bytes *r = bytes_alloc(vm, (size_t)width);
    if (!r) return SP_ERRV;
    memset(r->data, fill, (size_t)width);
    memcpy(r->data + left, s->data, s->len);
    return sp_objv(r);
}

static sp_Value bjustify(sp_VM *vm, const char *name, sp_Value *args, int nargs, sp_Tuple *kw,
                         int how) {
    if (!sp_arg_pos(vm, "bytes", name, nargs, kw, 1, 2)) return SP_ERRV;
    int64_t width;
    if (!sp_arg_ssize(vm, args[1], &width)) return SP_ERRV;
    uint8_t fill = ' ';
    if (nargs > 2) {
        if (!sp_istype(args[2], &sp_t_bytes) || SP_BYTES(args[2])->len != 1)
            return sp_raise(vm, &sp_t_TypeError,
                            "%s() argument 2 must be a byte string of length 1, not %s", name,
                            sp_typename(args[2]));
        fill = SP_BYTES(args[2])->data[0];
    }
    return bpad(vm, args[0], width, how, fill);
}

static sp_Value bytes_ljust(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bjustify(vm, "ljust", a, n, kw, -1);
}
static sp_Value bytes_rjust(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bjustify(vm, "rjust", a, n, kw, 1);
}
static sp_Value bytes_center(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return bjustify(vm, "center", a, n, kw, 0);
}

static sp_Value bytes_zfill(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    int64_t width;
    if (!sp_arg_one(vm, "bytes", "zfill", nargs, kw) || !sp_arg_ssize(vm, args[1], &width))
        return SP_ERRV;
    sp_Value r = bpad(vm, args[0], width, 1, '0');
    if (sp_iserr(r) || SP_O(r) == SP_O(args[0])) return r;
    sp_Bytes *s = SELF, *d = SP_BYTES(r);
    if (s->len && (s->data[0] == '+' || s->data[0] == '-')) {
        d->data[0] = s->data[0];
        d->data[d->len - s->len] = '0';
    }
    return r;
}

#define BCASE(name, mode)                                                            \
    static sp_Value bytes_##name(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) { \
        if (!sp_arg_none(vm, "bytes", #name, nargs, kw)) return SP_ERRV;             \
        sp_Bytes *r = bytes_alloc(vm, SELF->len);                                    \
        if (!r) return SP_ERRV;                                                      \
        sp_ascii_convert(BDATA(SELF), (char *)r->data, SELF->len, mode);             \
        return sp_objv(r);                                                           \
    }
BCASE(upper, SP_CASE_UPPER)
BCASE(lower, SP_CASE_LOWER)
BCASE(title, SP_CASE_TITLE)
BCASE(capitalize, SP_CASE_CAPITALIZE)
BCASE(swapcase, SP_CASE_SWAPCASE)

#define BPRED(name, q)                                                               \
    static sp_Value bytes_##name(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) { \
        if (!sp_arg_none(vm, "bytes", #name, nargs, kw)) return SP_ERRV;             \
        return sp_bool(sp_units_are(BDATA(SELF), SELF->len, false, q));              \
    }
BPRED(isalpha, SP_Q_ALPHA)
BPRED(isdigit, SP_Q_DIGIT)
BPRED(isalnum, SP_Q_ALNUM)
BPRED(isspace, SP_Q_SPACE)
BPRED(isupper, SP_Q_UPPER)
BPRED(islower, SP_Q_LOWER)
BPRED(istitle, SP_Q_TITLE)
BPRED(isascii, SP_Q_ASCII)

/* hex(sep=None, bytes_per_sep=1): groups count from the right when
 * bytes_per_sep > 0, from the left when < 0. */
static sp_Value bytes_hex(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value a[2];
    if (!sp_parse_args(vm, "hex", args + 1, nargs - 1, kw, "|sep,bytes_per_sep", a)) return SP_ERRV;
    int64_t group = 1;
    char sep = 0;
    if (!sp_isnull(a[0]) && !sp_isnone(a[0])) {
        const char *p;
        size_t n;
        if (sp_isstr(a[0])) p = SP_STR(a[0])->data, n = SP_STR(a[0])->clen;
        else if (sp_istype(a[0], &sp_t_bytes)) p = BDATA(SP_BYTES(a[0])), n = SP_BYTES(a[0])->len;
        else return sp_raise(vm, &sp_t_TypeError, "object of type '%s' has no len()",
                             sp_typename(a[0]));
        if (n != 1) return sp_raise(vm, &sp_t_ValueError, "sep must be length 1.");
        if ((uint8_t)p[0] >= 0x80) return sp_raise(vm, &sp_t_ValueError, "sep must be ASCII.");
        sep = p[0];
    }
    if (!sp_isnull(a[1]) && !sp_arg_cint(vm, a[1], &group)) return SP_ERRV;
    sp_Bytes *s = SELF;
    uint64_t g = sep && group ? (uint64_t)(group < 0 ? -group : group) : 0;
    size_t nsep = g && s->len ? (s->len - 1) / g : 0, total;
    if (!sp_size_mul(vm, s->len, 2, &total)) return SP_ERRV;
    sp_Str *r = sp_str_alloc(vm, total + nsep, total + nsep);
    if (!r) return SP_ERRV;
    static const char hexd[] = "0123456789abcdef";
    char *o = r->data;
    for (size_t i = 0; i < s->len; i++) {
        /* a separator goes before byte i when a group boundary falls there */
        size_t from = group < 0 ? i : s->len - i;
        if (g && i && from % g == 0) *o++ = sep;
        *o++ = hexd[s->data[i] >> 4];
        *o++ = hexd[s->data[i] & 15];
    }
    return sp_objv(r);
}

static int hexval(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}

static sp_Value bytes_fromhex(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_arg_one(vm, "bytes", "fromhex", nargs, kw)) return SP_ERRV;
    if (!sp_isstr(args[1]))
        return sp_raise(vm, &sp_t_TypeError, "fromhex() argument must be str, not %A", args[1]);
    sp_Str *s = SP_STR(args[1]);
    sp_Buf b;
    sp_buf_init(vm, &b);
    size_t i = 0, ci = 0;
    while (i < s->len) {
        uint32_t c = sp_utf8_next(s->data, &i);
        if (c < 128 && sp_unit_space(c, false)) {
            ci++;
            continue;
        }
        uint32_t d = i < s->len ? sp_utf8_next(s->data, &i) : 0x110000;
        int hi = hexval(c), lo = hexval(d);
        if (hi < 0 || lo < 0) {
            sp_buf_free(&b);
            return sp_raise(vm, &sp_t_ValueError,
                            "non-hexadecimal number found in fromhex() arg at position %zu",
                            hi < 0 ? ci : ci + 1);
        }
        ci += 2;
        if (!sp_buf_addc(&b, (char)(hi << 4 | lo))) return sp_buf_free(&b), SP_ERRV;
    }
    sp_Value r = sp_bytes_new(vm, b.p ? b.p : "", b.n);
    sp_buf_free(&b);
    return r;
}

static const sp_MethodDef bytes_methods[] = {
    {"capitalize", bytes_capitalize, 0},
    {"center", bytes_center, 0},
    {"count", bytes_count, 0},
    {"decode", bytes_decode_m, 0},
    {"endswith", bytes_endswith, 0},
    {"find", bytes_find, 0},
    {"fromhex", bytes_fromhex, SP_METH_CLASS},
    {"hex", bytes_hex, 0},
    {"index", bytes_index, 0},
    {"isalnum", bytes_isalnum, 0},
    {"isalpha", bytes_isalpha, 0},
    {"isascii", bytes_isascii, 0},
    {"isdigit", bytes_isdigit, 0},
    {"islower", bytes_islower, 0},
    {"isspace", bytes_isspace, 0},
    {"istitle", bytes_istitle, 0},
    {"isupper", bytes_isupper, 0},
    {"join", bytes_join, 0},
    {"ljust", bytes_ljust, 0},
    {"lower", bytes_lower, 0},
    {"lstrip", bytes_lstrip, 0},
    {"partition", bytes_partition, 0},
    {"removeprefix", bytes_removeprefix, 0},
    {"removesuffix", bytes_removesuffix, 0},
    {"replace", bytes_replace, 0},
    {"rfind", bytes_rfind, 0},
    {"rindex", bytes_rindex, 0},
    {"rjust", bytes_rjust, 0},
    {"rpartition", bytes_rpartition, 0},
    {"rsplit", bytes_rsplit, 0},
    {"rstrip", bytes_rstrip, 0},
    {"split", bytes_split, 0},
    {"splitlines", bytes_splitlines, 0},
    {"startswith", bytes_startswith, 0},
    {"strip", bytes_strip, 0},
    {"swapcase", bytes_swapcase, 0},
    {"title", bytes_title, 0},
    {"upper", bytes_upper, 0},
    {"zfill", bytes_zfill, 0},
    {NULL, NULL, 0},
};

sp_Type sp_t_bytes = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "bytes",
    .base = &sp_t_object,
    .methods = bytes_methods,
    .new_ = bytes_new,
    .repr = bytes_repr,
    .hash = bytes_hash,
    .richcmp = bytes_richcmp,
    .len = bytes_len,
    .iter = bytes_iter,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .binop = bytes_binop,
};
