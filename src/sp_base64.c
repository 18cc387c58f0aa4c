/* sp_base64.c - the base64 module and the part of binascii it stands on
 * (binascii.Error, a ValueError, is what base64's decoders raise; the
 * binascii module is importable for `except binascii.Error`).
 *
 * Decoding follows CPython 3.11's binascii.a2b_base64 exactly, including
 * its non-strict mode (characters outside the alphabet are skipped, input
 * after the padding is ignored) and strict mode (b64decode(validate=True)).
 * Output sizes are bounded by the input: no hostile size can make these
 * allocate more than a small multiple of what the caller passed in. */
#include "sp_cont.h"
#include "sp_exc.h"

static sp_Type t_error = SP_EXC_TYPE_INIT("binascii.Error", &sp_t_ValueError, NULL, sp_exc_base_str, NULL);
static sp_Type t_incomplete = SP_EXC_TYPE_INIT("binascii.Incomplete", &sp_t_Exception, NULL, sp_exc_base_str, NULL);

static sp_Value error(sp_VM *vm, const char *msg) { return sp_raise(vm, &t_error, "%s", msg); }

static const char b64_alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_val(uint8_t c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* ------------------------------------------------------------ input data */

typedef struct Data {
    const uint8_t *p;
    size_t n;
} Data;

/* A bytes-like argument (only bytes exist here). */
static bool bytes_arg(sp_VM *vm, sp_Value v, Data *d, const char *fmt) {
    if (sp_istype(v, &sp_t_bytes)) {
        d->p = SP_BYTES(v)->data, d->n = SP_BYTES(v)->len;
        return true;
    }
    sp_raise(vm, &sp_t_TypeError, fmt, sp_typename(v));
    return false;
}

/* bytes, or a str of ASCII characters (the decoders' "ascii_buffer"). */
static bool ascii_arg(sp_VM *vm, sp_Value v, Data *d, const char *fmt) {
    if (sp_isstr(v)) {
        if (!SP_STR(v)->ascii) {
            sp_raise(vm, &sp_t_ValueError, "string argument should contain only ASCII characters");
            return false;
        }
        d->p = (const uint8_t *)SP_STR(v)->data, d->n = SP_STR(v)->len;
        return true;
    }
    return bytes_arg(vm, v, d, fmt);
}

#define DECODE_DATA_MSG "argument should be a bytes-like object or ASCII string, not '%s'"
#define BYTES_MSG "a bytes-like object is required, not '%s'"
#define MEMVIEW_MSG "memoryview: a bytes-like object is required, not '%s'"
#define EXPECTED_MSG "expected bytes-like object, not %s"
#define BUFFER_MSG "argument should be bytes, buffer or ASCII string, not '%s'"

/* sp_parse_args, then the first argument as data: bytes-like, or for
 * decoders (ascii) also an ASCII str; fmt words the TypeError. */
static bool data_args(sp_VM *vm, const char *fn, sp_Value *args, int nargs, sp_Tuple *kw, const char *spec,
                      sp_Value *o, Data *d, bool ascii, const char *fmt) {
    return sp_parse_args(vm, fn, args, nargs, kw, spec, o) &&
           (ascii ? ascii_arg(vm, o[0], d, fmt) : bytes_arg(vm, o[0], d, fmt));
}

/* A scratch buffer of n bytes: the result is built in it, then copied. */
static uint8_t *scratch(sp_VM *vm, size_t n) { return sp_malloc(vm, n ? n : 1); }

static sp_Value finish(sp_VM *vm, uint8_t *buf, size_t cap, size_t len) {
    sp_Value r = sp_bytes_new(vm, buf, len);
    sp_free(vm, buf, cap ? cap : 1);
    return r;
}

/* The bytes built in b, less its last cut bytes (if ok); frees b. */
static sp_Value buf_bytes(sp_VM *vm, sp_Buf *b, size_t cut, bool ok) {
    sp_Value r = ok ? sp_bytes_new(vm, b->p ? b->p : "", b->n > cut ? b->n - cut : 0) : SP_ERRV;
    sp_buf_free(b);
    return r;
}

/* ------------------------------------------------------------ base64 core */

/* d in base 2**bits (6: base64, 5: base32, 4: base16): each group of
 * bytes that fills whole characters (3, 5 or 1 bytes) becomes its
 * characters; a short last group is completed with '='. */
static sp_Value radix_encode(sp_VM *vm, Data d, const char *alpha, int bits, bool newline) {
    size_t gb = bits == 6 ? 3 : bits == 5 ? 5 : 1, gc = gb * 8 / (size_t)bits, cap;
    if (!sp_size_mul(vm, d.n / gb + (d.n % gb != 0), gc, &cap)) return SP_ERRV;
    cap += newline;
    uint8_t *out = scratch(vm, cap);
    if (!out) return SP_ERRV;
    size_t o = 0;
    for (size_t i = 0; i < d.n; i += gb) {
        size_t k = d.n - i < gb ? d.n - i : gb, used = (8 * k + (size_t)bits - 1) / (size_t)bits;
        uint64_t v = 0;
        for (size_t j = 0; j < gb; j++) v = v << 8 | (j < k ? d.p[i + j] : 0);
        for (size_t j = 0; j < gc; j++)
            out[o++] = (uint8_t)(j < used ? alpha[(v >> ((size_t)bits * (gc - 1 - j))) & ((1u << bits) - 1)] : '=');
    }
    if (newline) out[o++] = '\n';
    return finish(vm, out, cap, o);
}

/* alt: the two characters standing for '+' and '/', or NULL. */
static sp_Value b64_encode(sp_VM *vm, Data d, bool newline, const char *alt) {
    char alpha[64];
    memcpy(alpha, b64_alpha, 64);
    if (alt) alpha[62] = alt[0], alpha[63] = alt[1];
    return radix_encode(vm, d, alpha, 6, newline);
}

/* binascii.a2b_base64(data, strict_mode): CPython 3.11's state machine. */
static sp_Value b64_decode(sp_VM *vm, Data d, bool strict) {
    if (strict && d.n > 0 && d.p[0] == '=') return error(vm, "Leading padding not allowed");
    size_t cap = d.n / 4 * 3 + 3, o = 0;
    uint8_t *out = scratch(vm, cap);
    if (!out) return SP_ERRV;
    int quad = 0, pads = 0;
    bool padding = false;
    unsigned left = 0;
    const char *err = NULL;
    for (size_t i = 0; i < d.n; i++) {
        uint8_t c = d.p[i];
        if (c == '=') {
            padding = true;
            if (quad >= 2 && quad + ++pads >= 4) { /* the quad is complete: stop here */
                if (strict && i + 1 < d.n) err = "Excess data after padding";
                goto done;
            }
            continue;
        }
        int v = b64_val(c);
        if (v < 0) {
            if (strict) {
                err = "Only base64 data is allowed";
                break;
            }
            continue;
        }
        if (strict && padding) {
            err = "Discontinuous padding not allowed";
            break;
        }
        pads = 0;
        switch (quad) {
        case 0: left = (unsigned)v; break;
        case 1: out[o++] = (uint8_t)((left << 2) | ((unsigned)v >> 4)); left = (unsigned)v & 0x0f; break;
        case 2: out[o++] = (uint8_t)((left << 4) | ((unsigned)v >> 2)); left = (unsigned)v & 0x03; break;
        default: out[o++] = (uint8_t)((left << 6) | (unsigned)v); left = 0; break;
        }
        quad = (quad + 1) & 3;
    }
    if (!err && quad == 1) {
        sp_free(vm, out, cap);
        return sp_raise(vm, &t_error,
                        "Invalid base64-encoded string: number of data characters (%lld) cannot be 1 more "
                        "than a multiple of 4",
                        (long long)(o / 3 * 4 + 1));
    }
    if (!err && quad != 0) err = "Incorrect padding";
done:
    if (err) {
        sp_free(vm, out, cap);
        return error(vm, err);
    }
    return finish(vm, out, cap, o);
}

/* bytes.translate-style mapping of two characters, in a fresh copy. */
static sp_Value translated(sp_VM *vm, Data d, const char from[2], const char to[2], Data *out, uint8_t **buf) {
    *buf = scratch(vm, d.n);
    if (!*buf) return SP_ERRV;
    for (size_t i = 0; i < d.n; i++) {
        uint8_t c = d.p[i];
        (*buf)[i] = c == (uint8_t)from[0] ? (uint8_t)to[0] : c == (uint8_t)from[1] ? (uint8_t)to[1] : c;
    }
    out->p = *buf, out->n = d.n;
    return SP_NONEV;
}

/* assert len(altchars) == 2, repr(altchars) */
static bool altchars_arg(sp_VM *vm, sp_Value v, Data *alt, bool decode) {
    if (decode ? !ascii_arg(vm, v, alt, DECODE_DATA_MSG) : !bytes_arg(vm, v, alt, BYTES_MSG))
        return false;
    if (alt->n == 2) return true;
    sp_Value b = sp_bytes_new(vm, alt->p, alt->n); /* the message shows it as bytes */
    sp_Value r = sp_iserr(b) ? b : sp_repr(vm, b);
    if (!sp_iserr(r)) {
        sp_Value args = sp_tuple_pack(vm, 1, &r);
        if (!sp_iserr(args)) sp_raise_args(vm, &sp_t_AssertionError, args);
    }
    return false;
}

/* ------------------------------------------------------------ base64 functions */

static sp_Value f_b64encode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    Data d, alt;
    if (!data_args(vm, "b64encode", args, nargs, kw, "s|altchars", o, &d, false, BYTES_MSG)) return SP_ERRV;
    bool has_alt = !sp_isnull(o[1]) && !sp_isnone(o[1]);
    if (has_alt && !altchars_arg(vm, o[1], &alt, false)) return SP_ERRV;
    return b64_encode(vm, d, false, has_alt ? (const char *)alt.p : NULL);
}

static sp_Value decode_with(sp_VM *vm, Data d, const char *from, const char *to, bool strict) {
    if (!from) return b64_decode(vm, d, strict);
    Data t;
    uint8_t *buf;
    if (sp_iserr(translated(vm, d, from, to, &t, &buf))) return SP_ERRV;
    sp_Value r = b64_decode(vm, t, strict);
    sp_free(vm, buf, d.n ? d.n : 1);
    return r;
}

static sp_Value f_b64decode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[3];
    Data d, alt;
    if (!data_args(vm, "b64decode", args, nargs, kw, "s|altchars,validate", o, &d, true, DECODE_DATA_MSG))
        return SP_ERRV;
    bool has_alt = !sp_isnull(o[1]) && !sp_isnone(o[1]);
    if (has_alt && !altchars_arg(vm, o[1], &alt, true)) return SP_ERRV;
    int strict = sp_isnull(o[2]) ? 0 : sp_truthy(vm, o[2]);
    if (strict < 0) return SP_ERRV;
    return decode_with(vm, d, has_alt ? (const char *)alt.p : NULL, "+/", strict);
}

static sp_Value f_standard_b64encode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!data_args(vm, "standard_b64encode", args, nargs, kw, "s", o, &d, false, BYTES_MSG)) return SP_ERRV;
    return b64_encode(vm, d, false, NULL);
}

static sp_Value f_standard_b64decode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!data_args(vm, "standard_b64decode", args, nargs, kw, "s", o, &d, true, DECODE_DATA_MSG)) return SP_ERRV;
    return b64_decode(vm, d, false);
}

static sp_Value f_urlsafe_b64encode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!data_args(vm, "urlsafe_b64encode", args, nargs, kw, "s", o, &d, false, BYTES_MSG)) return SP_ERRV;
    return b64_encode(vm, d, false, "-_");
}

static sp_Value f_urlsafe_b64decode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!data_args(vm, "urlsafe_b64decode", args, nargs, kw, "s", o, &d, true, DECODE_DATA_MSG)) return SP_ERRV;
    return decode_with(vm, d, "-_", "+/", false);
}

/* encodebytes: lines of 76 characters (57 input bytes), each ending in \n. */
static sp_Value f_encodebytes(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!data_args(vm, "encodebytes", args, nargs, kw, "s", o, &d, false, EXPECTED_MSG)) return SP_ERRV;
    sp_Buf b;
    sp_buf_init(vm, &b);
    for (size_t i = 0; i < d.n; i += 57) {
        Data chunk = {d.p + i, d.n - i < 57 ? d.n - i : 57};
        sp_Value line = b64_encode(vm, chunk, true, NULL);
        if (sp_iserr(line) || !sp_buf_add(&b, SP_BYTES(line)->data, SP_BYTES(line)->len) ||
            !sp_check_limits(vm)) {
            sp_buf_free(&b);
            return SP_ERRV;
        }
    }
    return buf_bytes(vm, &b, 0, true);
}

static sp_Value f_decodebytes(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!data_args(vm, "decodebytes", args, nargs, kw, "s", o, &d, false, EXPECTED_MSG)) return SP_ERRV;
    return b64_decode(vm, d, false);
}

/* ------------------------------------------------------------ base32 */

static const char b32_std[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
static const char b32_hex[] = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

static sp_Value b32_encode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, const char *fname,
                           const char *alpha) {
    sp_Value o[1];
    Data d;
    if (!data_args(vm, fname, args, nargs, kw, "s", o, &d, false, MEMVIEW_MSG)) return SP_ERRV;
    return radix_encode(vm, d, alpha, 5, false);
}

static sp_Value f_b32encode(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return b32_encode(vm, a, n, kw, "b32encode", b32_std);
}

static sp_Value f_b32hexencode(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) {
    return b32_encode(vm, a, n, kw, "b32hexencode", b32_hex);
}

/* base64._b32decode: whole 8-character quanta; the padding count decides
 * how many bytes the last one yields. */
static sp_Value b32_decode(sp_VM *vm, Data d, const char *alpha, bool casefold, int map01) {
    if (d.n % 8) return error(vm, "Incorrect padding");
    size_t len = d.n, cap = d.n / 8 * 5, o = 0;
    while (len > 0 && d.p[len - 1] == '=') len--;
    size_t pad = d.n - len;
    uint8_t *out = scratch(vm, cap);
    if (!out) return SP_ERRV;
    uint64_t acc = 0;
    for (size_t i = 0; i < len; i += 8) {
        acc = 0;
        for (size_t j = i; j < i + 8 && j < len; j++) {
            uint8_t c = d.p[j];
            if (map01 >= 0 && c == '0') c = 'O';
            else if (map01 >= 0 && c == '1') c = (uint8_t)map01;
            if (casefold && c >= 'a' && c <= 'z') c = (uint8_t)(c - 32);
            const char *at = c ? memchr(alpha, c, 32) : NULL;
            if (!at) {
                sp_free(vm, out, cap ? cap : 1);
                return error(vm, "Non-base32 digit found");
            }
            acc = (acc << 5) | (uint64_t)(at - alpha);
        }
        for (int k = 4; k >= 0; k--) out[o++] = (uint8_t)(acc >> (8 * k));
    }
    if (pad != 0 && pad != 1 && pad != 3 && pad != 4 && pad != 6) {
        sp_free(vm, out, cap ? cap : 1);
        return error(vm, "Incorrect padding");
    }
    if (pad && o) { /* the last quantum had (8 - pad) characters */
        acc <<= 5 * pad;
        size_t keep = (43 - 5 * pad) / 8;
        o -= 5;
        for (size_t k = 0; k < keep; k++) out[o++] = (uint8_t)(acc >> (8 * (4 - k)));
    }
    return finish(vm, out, cap, o);
}

static sp_Value f_b32decode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[3];
    Data d, m;
    if (!data_args(vm, "b32decode", args, nargs, kw, "s|casefold,map01", o, &d, true, DECODE_DATA_MSG)) return SP_ERRV;
    int casefold = sp_isnull(o[1]) ? 0 : sp_truthy(vm, o[1]), map01 = -1;
    if (casefold < 0) return SP_ERRV;
    if (!sp_isnull(o[2]) && !sp_isnone(o[2])) {
        if (!ascii_arg(vm, o[2], &m, DECODE_DATA_MSG)) return SP_ERRV;
        if (m.n != 1) {
            sp_Value r = sp_repr(vm, o[2]);
            sp_Value a = sp_iserr(r) ? r : sp_tuple_pack(vm, 1, &r);
            return sp_iserr(a) ? a : sp_raise_args(vm, &sp_t_AssertionError, a);
        }
        map01 = m.p[0];
    }
    return b32_decode(vm, d, b32_std, casefold, map01);
}

static sp_Value f_b32hexdecode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    Data d;
    if (!data_args(vm, "b32hexdecode", args, nargs, kw, "s|casefold", o, &d, true, DECODE_DATA_MSG)) return SP_ERRV;
    int casefold = sp_isnull(o[1]) ? 0 : sp_truthy(vm, o[1]);
    return casefold < 0 ? SP_ERRV : b32_decode(vm, d, b32_hex, casefold, -1);
}

/* ------------------------------------------------------------ base16 / hex */

static sp_Value hex_encode(sp_VM *vm, Data d, bool upper) {
    return radix_encode(vm, d, upper ? "0123456789ABCDEF" : "0123456789abcdef", 4, false);
}

static int hexval(uint8_t c, bool lower_ok) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (lower_ok && c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static sp_Value hex_decode(sp_VM *vm, Data d) {
    if (d.n % 2) return error(vm, "Odd-length string");
    uint8_t *out = scratch(vm, d.n / 2);
    if (!out) return SP_ERRV;
    for (size_t i = 0; i < d.n; i += 2) {
        int hi = hexval(d.p[i], true), lo = hexval(d.p[i + 1], true);
        if (hi < 0 || lo < 0) {
            sp_free(vm, out, d.n / 2 ? d.n / 2 : 1);
            return error(vm, "Non-hexadecimal digit found");
        }
        out[i / 2] = (uint8_t)(hi << 4 | lo);
    }
    return finish(vm, out, d.n / 2, d.n / 2);
}

static sp_Value f_b16encode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!data_args(vm, "b16encode", args, nargs, kw, "s", o, &d, false, BYTES_MSG)) return SP_ERRV;
    return hex_encode(vm, d, true);
}

static sp_Value f_b16decode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    Data d;
    if (!data_args(vm, "b16decode", args, nargs, kw, "s|casefold", o, &d, true, DECODE_DATA_MSG)) return SP_ERRV;
    int casefold = sp_isnull(o[1]) ? 0 : sp_truthy(vm, o[1]);
    if (casefold < 0) return SP_ERRV;
    for (size_t i = 0; i < d.n; i++)
        if (hexval(d.p[i], casefold) < 0) return error(vm, "Non-base16 digit found");
    return hex_decode(vm, d);
}

/* ------------------------------------------------------------ base85 / Ascii85 */

static const char b85_alpha[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~";

/* An option's truth value (absent: false); -1 on error. */
static int flag(sp_VM *vm, sp_Value v) { return sp_isnull(v) ? 0 : sp_truthy(vm, v); }

/* base64._85encode: each big-endian 32-bit word as 5 digits.  A short last
 * word is zero-filled and, unless pad, cut to its length + 1 digits;
 * Ascii85 folds a zero word to 'z' and, with foldspaces, four spaces to 'y'. */
static bool b85_encode(sp_VM *vm, Data d, const char *alpha, bool pad, bool folds, bool foldspaces, sp_Buf *b) {
    for (size_t i = 0; i < d.n; i += 4) {
        size_t k = d.n - i < 4 ? d.n - i : 4, keep = k < 4 && !pad ? k + 1 : 5;
        uint32_t w = 0;
        for (size_t j = 0; j < 4; j++) w = w << 8 | (j < k ? d.p[i + j] : 0);
        bool z = folds && w == 0 && keep == 5, y = foldspaces && w == 0x20202020u;
        char out[5];
        for (int j = 4; j >= 0; j--) out[j] = alpha[w % 85], w /= 85;
        if (z || y) keep = 1, out[0] = z ? 'z' : 'y';
        if (!sp_buf_add(b, out, keep) || !sp_check_limits(vm)) return false;
    }
    return true;
}

/* Five base-85 digit values to 4 big-endian bytes; false on overflow. */
static bool put85(const uint8_t v[5], sp_Buf *b, bool *overflow) {
    uint64_t acc = 0;
    for (int i = 0; i < 5; i++) acc = acc * 85 + v[i];
    *overflow = acc > 0xffffffffu;
    uint8_t out[4] = {(uint8_t)(acc >> 24), (uint8_t)(acc >> 16), (uint8_t)(acc >> 8), (uint8_t)acc};
    return !*overflow && sp_buf_add(b, out, 4);
}

static sp_Value f_b85encode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    Data d;
    if (!data_args(vm, "b85encode", args, nargs, kw, "b|pad", o, &d, false, MEMVIEW_MSG)) return SP_ERRV;
    int pad = flag(vm, o[1]);
    sp_Buf b;
    sp_buf_init(vm, &b);
    return buf_bytes(vm, &b, 0, pad >= 0 && b85_encode(vm, d, b85_alpha, pad, false, false, &b));
}

/* a85encode's wrapcol as CPython uses it: max(minimum, wrapcol) as a
 * range() step; 0 when no wrapping. */
static bool wrapcol_arg(sp_VM *vm, sp_Value v, int64_t min, int64_t *w) {
    int on = flag(vm, v), gt = on > 0 ? sp_lt(vm, sp_int(min), v) : 0;
    *w = 0;
    if (on <= 0 || gt < 0) return on == 0;
    if (!gt) *w = min;
    else if (sp_isintlike(v) && !sp_isint(v) && !sp_isbool(v)) *w = INT64_MAX; /* one line */
    else return sp_index(vm, v, w);
    return true;
}

/* Output in lines of w characters; Adobe's closing "~>" must fit on the last. */
static bool wrap_lines(Data e, int64_t w, bool adobe, sp_Buf *b) {
    size_t step = (size_t)w, last = 0;
    for (size_t i = 0; i < e.n; i += step) {
        last = e.n - i < step ? e.n - i : step;
        if ((i && !sp_buf_addc(b, '\n')) || !sp_buf_add(b, e.p + i, last)) return false;
        if (e.n - i <= step) break;
    }
    return !adobe || last + 2 <= step || sp_buf_addc(b, '\n');
}

static sp_Value f_a85encode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[5];
    Data d;
    if (!data_args(vm, "a85encode", args, nargs, kw, "b|$foldspaces,wrapcol,pad,adobe", o, &d, false, MEMVIEW_MSG))
        return SP_ERRV;
    int spaces = flag(vm, o[1]), pad = spaces < 0 ? -1 : flag(vm, o[3]), adobe = pad < 0 ? -1 : flag(vm, o[4]);
    int64_t w;
    if (adobe < 0 || !wrapcol_arg(vm, o[2], adobe ? 2 : 1, &w)) return SP_ERRV;
    char alpha[85];
    for (int i = 0; i < 85; i++) alpha[i] = (char)('!' + i);
    sp_Buf e, b;
    sp_buf_init(vm, &e);
    sp_buf_init(vm, &b);
    bool ok = (!adobe || sp_buf_adds(&e, "<~")) && b85_encode(vm, d, alpha, pad, true, spaces, &e);
    if (ok && w) {
        ok = wrap_lines((Data){(const uint8_t *)e.p, e.n}, w, adobe, &b);
        sp_Buf t = e;
        e = b, b = t;
    }
    sp_buf_free(&b);
    return buf_bytes(vm, &e, 0, ok && (!adobe || sp_buf_adds(&e, "~>")));
}

static bool a85_error(sp_VM *vm, const char *msg, int c) {
    if (c < 0) sp_raise(vm, &sp_t_ValueError, "%s", msg);
    else {
        sp_Buf m;
        sp_buf_init(vm, &m);
        if (sp_buf_adds(&m, msg) && sp_buf_addcp(&m, (uint32_t)c)) {
            sp_Value s = sp_buf_tostr(&m);
            if (!sp_iserr(s)) sp_raise(vm, &sp_t_ValueError, "%S", s);
        } else sp_buf_free(&m);
    }
    return false;
}

/* a85decode's loop over data + "uuuu": digits gather in fives; 'z' (and
 * 'y' with foldspaces) stand for a whole word; ignorechars are skipped. */
static bool a85_decode(sp_VM *vm, Data d, bool spaces, sp_Value ignore, sp_Buf *b, size_t *cut) {
    uint8_t cur[5];
    int nc = 0;
    bool over;
    for (size_t i = 0; i < d.n + 4; i++) {
        uint8_t x = i < d.n ? d.p[i] : 'u';
        if (x >= '!' && x <= 'u') {
            cur[nc++] = (uint8_t)(x - '!');
            if (nc == 5 && (nc = 0, !put85(cur, b, &over))) return over ? a85_error(vm, "Ascii85 overflow", -1) : false;
        } else if (x == 'z' || (spaces && x == 'y')) {
            if (nc) return a85_error(vm, x == 'z' ? "z inside Ascii85 5-tuple" : "y inside Ascii85 5-tuple", -1);
            if (!sp_buf_add(b, x == 'z' ? "\0\0\0\0" : "    ", 4)) return false;
        } else {
            int in = sp_istype(ignore, &sp_t_bytes) ? memchr(SP_BYTES(ignore)->data, x, SP_BYTES(ignore)->len) != NULL
                                                     : sp_contains(vm, ignore, sp_int(x));
            if (in <= 0) return in < 0 ? false : a85_error(vm, "Non-Ascii85 digit found: ", x);
        }
        if (!sp_check_limits(vm)) return false;
    }
    *cut = (size_t)(4 - nc);
    return true;
}

static sp_Value f_a85decode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[4];
    Data d;
    if (!data_args(vm, "a85decode", args, nargs, kw, "b|$foldspaces,adobe,ignorechars", o, &d, true, DECODE_DATA_MSG))
        return SP_ERRV;
    int spaces = flag(vm, o[1]), adobe = spaces < 0 ? -1 : flag(vm, o[2]);
    if (adobe < 0) return SP_ERRV;
    if (adobe) {
        if (d.n < 2 || memcmp(d.p + d.n - 2, "~>", 2))
            return sp_raise(vm, &sp_t_ValueError, "Ascii85 encoded byte sequences must end with b'~>'");
        bool start = !memcmp(d.p, "<~", 2); /* b[2:-2] */
        d.p += start ? 2 : 0, d.n = d.n < (start ? 4u : 2u) ? 0 : d.n - (start ? 4 : 2);
    }
    sp_Value ignore = sp_isnull(o[3]) ? sp_bytes_new(vm, " \t\n\r\v", 5) : o[3];
    if (sp_iserr(ignore) || !sp_pin(vm, ignore)) return SP_ERRV;
    sp_Buf b;
    size_t cut = 0;
    sp_buf_init(vm, &b);
    bool ok = a85_decode(vm, d, spaces, ignore, &b, &cut);
    sp_unpin(vm, 1);
    return buf_bytes(vm, &b, cut, ok);
}

static sp_Value f_b85decode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!data_args(vm, "b85decode", args, nargs, kw, "b", o, &d, true, DECODE_DATA_MSG)) return SP_ERRV;
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = true, over = false;
    for (size_t i = 0; ok && i < d.n; i += 5) {
        uint8_t v[5];
        for (size_t j = 0; ok && j < 5; j++) {
            const char *at = i + j < d.n ? memchr(b85_alpha, d.p[i + j], 85) : b85_alpha + 84; /* '~' pads */
            if (!at) ok = false, sp_raise(vm, &sp_t_ValueError, "bad base85 character at position %zu", i + j);
            else v[j] = (uint8_t)(at - b85_alpha);
        }
        if (ok && !(ok = put85(v, &b, &over)) && over)
            sp_raise(vm, &sp_t_ValueError, "base85 overflow in hunk starting at byte %zu", i);
        ok = ok && sp_check_limits(vm);
    }
    return buf_bytes(vm, &b, (5 - d.n % 5) % 5, ok);
}

/* ------------------------------------------------------------ binascii */

static sp_Value f_hexlify(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!data_args(vm, "hexlify", args, nargs, kw, "data", o, &d, false, BYTES_MSG)) return SP_ERRV;
    return hex_encode(vm, d, false);
}

static sp_Value f_unhexlify(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!data_args(vm, "unhexlify", args, nargs, kw, "hexstr", o, &d, true, BUFFER_MSG)) return SP_ERRV;
    return hex_decode(vm, d);
}

static sp_Value f_b2a_base64(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    Data d;
    if (!data_args(vm, "b2a_base64", args, nargs, kw, "data|$newline", o, &d, false, BYTES_MSG)) return SP_ERRV;
    int nl = sp_isnull(o[1]) ? 1 : sp_truthy(vm, o[1]);
    return nl < 0 ? SP_ERRV : b64_encode(vm, d, nl, NULL);
}

static sp_Value f_a2b_base64(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    Data d;
    if (!data_args(vm, "a2b_base64", args, nargs, kw, "data|$strict_mode", o, &d, true, BUFFER_MSG)) return SP_ERRV;
    int strict = sp_isnull(o[1]) ? 0 : sp_truthy(vm, o[1]);
    return strict < 0 ? SP_ERRV : b64_decode(vm, d, strict);
}

static sp_Value f_crc32(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    Data d;
    if (!data_args(vm, "crc32", args, nargs, kw, "data|crc", o, &d, false, BYTES_MSG)) return SP_ERRV;
    uint32_t crc = 0;
    if (!sp_isnull(o[1])) {
        sp_Value m = sp_binop(vm, SP_OP_AND, o[1], sp_int(0xffffffff));
        if (sp_iserr(m)) return m;
        crc = (uint32_t)m.u.i;
    }
    crc = ~crc;
    for (size_t i = 0; i < d.n; i++) {
        crc ^= d.p[i];
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return sp_int((int64_t)(uint32_t)~crc);
}

/* ------------------------------------------------------------ modules */

static const sp_MethodDef base64_funcs[] = {
    {"b64encode", f_b64encode, 0}, {"b64decode", f_b64decode, 0},
    {"standard_b64encode", f_standard_b64encode, 0}, {"standard_b64decode", f_standard_b64decode, 0},
    {"urlsafe_b64encode", f_urlsafe_b64encode, 0}, {"urlsafe_b64decode", f_urlsafe_b64decode, 0},
    {"b32encode", f_b32encode, 0}, {"b32decode", f_b32decode, 0},
    {"b32hexencode", f_b32hexencode, 0}, {"b32hexdecode", f_b32hexdecode, 0},
    {"b16encode", f_b16encode, 0}, {"b16decode", f_b16decode, 0},
    {"a85encode", f_a85encode, 0}, {"a85decode", f_a85decode, 0},
    {"b85encode", f_b85encode, 0}, {"b85decode", f_b85decode, 0},
    {"encodebytes", f_encodebytes, 0}, {"decodebytes", f_decodebytes, 0}, {NULL, NULL, 0},
};

static const sp_MethodDef binascii_funcs[] = {
    {"hexlify", f_hexlify, 0}, {"b2a_hex", f_hexlify, 0}, {"unhexlify", f_unhexlify, 0},
    {"a2b_hex", f_unhexlify, 0}, {"b2a_base64", f_b2a_base64, 0}, {"a2b_base64", f_a2b_base64, 0},
    {"crc32", f_crc32, 0}, {NULL, NULL, 0},
};

bool sp_binascii_init(sp_VM *vm, sp_Module *m) {
    return sp_module_add_funcs(vm, m, binascii_funcs) && sp_module_add(vm, m, "Error", sp_objv(&t_error)) &&
           sp_module_add(vm, m, "Incomplete", sp_objv(&t_incomplete));
}

bool sp_base64_init(sp_VM *vm, sp_Module *m) {
    sp_Value name = sp_str_intern_cstr(vm, "binascii");
    sp_Value ba = sp_iserr(name) ? name : sp_import(vm, SP_STR(name));
    return !sp_iserr(ba) && sp_module_add(vm, m, "binascii", ba) && sp_module_add_funcs(vm, m, base64_funcs);
}
