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

/* A scratch buffer of n bytes: the result is built in it, then copied. */
static uint8_t *scratch(sp_VM *vm, size_t n) { return sp_malloc(vm, n ? n : 1); }

static sp_Value finish(sp_VM *vm, uint8_t *buf, size_t cap, size_t len) {
    sp_Value r = sp_bytes_new(vm, buf, len);
    sp_free(vm, buf, cap ? cap : 1);
    return r;
}

/* ------------------------------------------------------------ base64 core */

static sp_Value b64_encode(sp_VM *vm, Data d, bool newline, const char *alt) {
    size_t groups = d.n / 3 + (d.n % 3 != 0), cap;
    if (!sp_size_mul(vm, groups, 4, &cap)) return SP_ERRV;
    cap += newline;
    uint8_t *out = scratch(vm, cap);
    if (!out) return SP_ERRV;
    size_t o = 0;
    for (size_t i = 0; i < d.n; i += 3) {
        uint32_t v = (uint32_t)d.p[i] << 16;
        if (i + 1 < d.n) v |= (uint32_t)d.p[i + 1] << 8;
        if (i + 2 < d.n) v |= d.p[i + 2];
        for (int k = 0; k < 4; k++) {
            char c = b64_alpha[(v >> (18 - 6 * k)) & 63];
            if (alt && c == '+') c = alt[0];
            else if (alt && c == '/') c = alt[1];
            out[o++] = (uint8_t)(k <= 1 || i + (size_t)k <= d.n ? c : '=');
        }
    }
    if (newline) out[o++] = '\n';
    return finish(vm, out, cap, o);
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
    if (decode ? !ascii_arg(vm, v, alt, DECODE_DATA_MSG) : !bytes_arg(vm, v, alt, "a bytes-like object is required, not '%s'"))
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
    if (!sp_parse_args(vm, "b64encode", args, nargs, kw, "s|altchars", o) ||
        !bytes_arg(vm, o[0], &d, "a bytes-like object is required, not '%s'"))
        return SP_ERRV;
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
    if (!sp_parse_args(vm, "b64decode", args, nargs, kw, "s|altchars,validate", o) ||
        !ascii_arg(vm, o[0], &d, DECODE_DATA_MSG))
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
    if (!sp_parse_args(vm, "standard_b64encode", args, nargs, kw, "s", o) ||
        !bytes_arg(vm, o[0], &d, "a bytes-like object is required, not '%s'"))
        return SP_ERRV;
    return b64_encode(vm, d, false, NULL);
}

static sp_Value f_standard_b64decode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!sp_parse_args(vm, "standard_b64decode", args, nargs, kw, "s", o) || !ascii_arg(vm, o[0], &d, DECODE_DATA_MSG))
        return SP_ERRV;
    return b64_decode(vm, d, false);
}

static sp_Value f_urlsafe_b64encode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!sp_parse_args(vm, "urlsafe_b64encode", args, nargs, kw, "s", o) ||
        !bytes_arg(vm, o[0], &d, "a bytes-like object is required, not '%s'"))
        return SP_ERRV;
    return b64_encode(vm, d, false, "-_");
}

static sp_Value f_urlsafe_b64decode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!sp_parse_args(vm, "urlsafe_b64decode", args, nargs, kw, "s", o) || !ascii_arg(vm, o[0], &d, DECODE_DATA_MSG))
        return SP_ERRV;
    return decode_with(vm, d, "-_", "+/", false);
}

/* encodebytes: lines of 76 characters (57 input bytes), each ending in \n. */
static sp_Value f_encodebytes(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!sp_parse_args(vm, "encodebytes", args, nargs, kw, "s", o) ||
        !bytes_arg(vm, o[0], &d, "expected bytes-like object, not %s"))
        return SP_ERRV;
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
    sp_Value r = sp_bytes_new(vm, b.p ? b.p : "", b.n);
    sp_buf_free(&b);
    return r;
}

static sp_Value f_decodebytes(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!sp_parse_args(vm, "decodebytes", args, nargs, kw, "s", o) ||
        !bytes_arg(vm, o[0], &d, "expected bytes-like object, not %s"))
        return SP_ERRV;
    return b64_decode(vm, d, false);
}

/* ------------------------------------------------------------ base32 */

static const char b32_std[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
static const char b32_hex[] = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

static sp_Value b32_encode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw, const char *fname,
                           const char *alpha) {
    sp_Value o[1];
    Data d;
    if (!sp_parse_args(vm, fname, args, nargs, kw, "s", o) ||
        !bytes_arg(vm, o[0], &d, "memoryview: a bytes-like object is required, not '%s'"))
        return SP_ERRV;
    size_t groups = d.n / 5 + (d.n % 5 != 0), cap;
    if (!sp_size_mul(vm, groups, 8, &cap)) return SP_ERRV;
    uint8_t *out = scratch(vm, cap);
    if (!out) return SP_ERRV;
    static const int used[] = {0, 2, 4, 5, 7, 8}; /* output chars carrying data for 0..5 bytes */
    for (size_t i = 0, o_ = 0; i < d.n; i += 5) {
        uint64_t v = 0;
        size_t k = d.n - i < 5 ? d.n - i : 5;
        for (size_t j = 0; j < 5; j++) v = (v << 8) | (j < k ? d.p[i + j] : 0);
        for (int j = 0; j < 8; j++) out[o_++] = (uint8_t)(j < used[k] ? alpha[(v >> (35 - 5 * j)) & 31] : '=');
    }
    return finish(vm, out, cap, cap);
}

static sp_Value f_b32encode(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return b32_encode(vm, a, n, kw, "b32encode", b32_std); }
static sp_Value f_b32hexencode(sp_VM *vm, sp_Value *a, int n, sp_Tuple *kw) { return b32_encode(vm, a, n, kw, "b32hexencode", b32_hex); }

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
    if (!sp_parse_args(vm, "b32decode", args, nargs, kw, "s|casefold,map01", o) || !ascii_arg(vm, o[0], &d, DECODE_DATA_MSG))
        return SP_ERRV;
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
    if (!sp_parse_args(vm, "b32hexdecode", args, nargs, kw, "s|casefold", o) || !ascii_arg(vm, o[0], &d, DECODE_DATA_MSG))
        return SP_ERRV;
    int casefold = sp_isnull(o[1]) ? 0 : sp_truthy(vm, o[1]);
    return casefold < 0 ? SP_ERRV : b32_decode(vm, d, b32_hex, casefold, -1);
}

/* ------------------------------------------------------------ base16 / hex */

static sp_Value hex_encode(sp_VM *vm, Data d, bool upper) {
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    size_t cap;
    if (!sp_size_mul(vm, d.n, 2, &cap)) return SP_ERRV;
    uint8_t *out = scratch(vm, cap);
    if (!out) return SP_ERRV;
    for (size_t i = 0; i < d.n; i++) out[2 * i] = (uint8_t)digits[d.p[i] >> 4], out[2 * i + 1] = (uint8_t)digits[d.p[i] & 15];
    return finish(vm, out, cap, cap);
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
    if (!sp_parse_args(vm, "b16encode", args, nargs, kw, "s", o) ||
        !bytes_arg(vm, o[0], &d, "a bytes-like object is required, not '%s'"))
        return SP_ERRV;
    return hex_encode(vm, d, true);
}

static sp_Value f_b16decode(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    Data d;
    if (!sp_parse_args(vm, "b16decode", args, nargs, kw, "s|casefold", o) || !ascii_arg(vm, o[0], &d, DECODE_DATA_MSG))
        return SP_ERRV;
    int casefold = sp_isnull(o[1]) ? 0 : sp_truthy(vm, o[1]);
    if (casefold < 0) return SP_ERRV;
    for (size_t i = 0; i < d.n; i++)
        if (hexval(d.p[i], casefold) < 0) return error(vm, "Non-base16 digit found");
    return hex_decode(vm, d);
}

/* ------------------------------------------------------------ binascii */

static sp_Value f_hexlify(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!sp_parse_args(vm, "hexlify", args, nargs, kw, "data", o) ||
        !bytes_arg(vm, o[0], &d, "a bytes-like object is required, not '%s'"))
        return SP_ERRV;
    return hex_encode(vm, d, false);
}

static sp_Value f_unhexlify(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[1];
    Data d;
    if (!sp_parse_args(vm, "unhexlify", args, nargs, kw, "hexstr", o) ||
        !ascii_arg(vm, o[0], &d, "argument should be bytes, buffer or ASCII string, not '%s'"))
        return SP_ERRV;
    return hex_decode(vm, d);
}

static sp_Value f_b2a_base64(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    Data d;
    if (!sp_parse_args(vm, "b2a_base64", args, nargs, kw, "data|$newline", o) ||
        !bytes_arg(vm, o[0], &d, "a bytes-like object is required, not '%s'"))
        return SP_ERRV;
    int nl = sp_isnull(o[1]) ? 1 : sp_truthy(vm, o[1]);
    return nl < 0 ? SP_ERRV : b64_encode(vm, d, nl, NULL);
}

static sp_Value f_a2b_base64(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    Data d;
    if (!sp_parse_args(vm, "a2b_base64", args, nargs, kw, "data|$strict_mode", o) ||
        !ascii_arg(vm, o[0], &d, "argument should be bytes, buffer or ASCII string, not '%s'"))
        return SP_ERRV;
    int strict = sp_isnull(o[1]) ? 0 : sp_truthy(vm, o[1]);
    return strict < 0 ? SP_ERRV : b64_decode(vm, d, strict);
}

static sp_Value f_crc32(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Value o[2];
    Data d;
    if (!sp_parse_args(vm, "crc32", args, nargs, kw, "data|crc", o) ||
        !bytes_arg(vm, o[0], &d, "a bytes-like object is required, not '%s'"))
        return SP_ERRV;
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
