/* sp_json.c - the json module: a recursive-descent decoder and an encoder
 * whose output and error messages are byte-identical to CPython 3.11's.
 *
 * Both directions recurse over user data, guarded by SP_ENTER and by the
 * Python recursion limit (as CPython's Py_EnterRecursiveCall). */
#include "sp_exc.h"
#include "sp_strimpl.h"

#include <math.h>

/* ============================================================ errors */

static sp_Type t_jde;

/* JSONDecodeError(msg, doc, pos): "msg: line L column C (char P)". */
static sp_Value decode_error_new(sp_VM *vm, sp_Value msg, sp_Value doc, int64_t pos) {
    int64_t line = 1, col = pos + 1, ci = 0;
    if (sp_isstr(doc)) {
        sp_Str *d = SP_STR(doc);
        for (size_t i = 0; i < d->len && ci < pos; ci++) {
            uint32_t c = sp_utf8_next(d->data, &i);
            if (c == '\n') line++, col = pos - ci;
        }
    }
    sp_Value full = sp_fmt(vm, "%S: line %lld column %lld (char %lld)", msg, (long long)line,
                           (long long)col, (long long)pos);
    sp_Value args = sp_iserr(full) ? full : sp_tuple_pack(vm, 1, &full);
    sp_Value e = sp_iserr(args) ? args : sp_exc_new(vm, &t_jde, args);
    if (sp_iserr(e)) return e;
    const char *names[] = {"msg", "doc", "pos", "lineno", "colno"};
    sp_Value vals[] = {msg, doc, sp_int(pos), sp_int(line), sp_int(col)};
    for (int i = 0; i < 5; i++) {
        sp_Value k = sp_str_intern_cstr(vm, names[i]);
        if (sp_iserr(k) || !sp_setattr(vm, e, SP_STR(k), vals[i])) return SP_ERRV;
    }
    return e;
}

static sp_Value jde_new(sp_VM *vm, sp_Type *t, sp_Value *args, int nargs, sp_Tuple *kw) {
    (void)t;
    sp_Value o[3];
    int64_t pos;
    if (!sp_parse_args(vm, "JSONDecodeError", args, nargs, kw, "msg,doc,pos", o) ||
        !sp_index(vm, o[2], &pos))
        return SP_ERRV;
    return decode_error_new(vm, o[0], o[1], pos);
}

static sp_Type t_jde = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "json.decoder.JSONDecodeError",
    .base = &sp_t_ValueError,
    .flags = SP_TF_BASETYPE | SP_TF_EXCEPTION,
    .traverse = sp_exc_traverse,
    .new_ = jde_new,
    .repr = sp_exc_repr,
    .str = sp_exc_base_str,
    .getattr = sp_exc_getattr,
    .setattr = sp_exc_setattr,
};

/* ============================================================ decoder */

typedef struct Dec {
    sp_VM *vm;
    const char *s;
    size_t n;
    sp_Value doc; /* the str being decoded, SP_NULL: make it on error */
    sp_Value object_hook, pairs_hook, parse_float, parse_int, parse_constant; /* SP_NULL: none */
    bool strict;
    int depth;
    /* Object keys seen in this parse, by a hash of their bytes: a repeated
     * key reuses one str (and its cached hash), as CPython's memo does.
     * Only without object hooks, when every key made stays reachable from
     * the containers being built (pinned), so no entry can dangle. */
    bool memo;
    sp_Str *keys[64];
} Dec;

static sp_Value dec_fail(Dec *d, const char *msg, size_t at) {
    sp_VM *vm = d->vm;
    int64_t pos = 0;
    for (size_t i = 0; i < at && i < d->n; i++) pos += ((uint8_t)d->s[i] & 0xC0) != 0x80;
    if (sp_isnull(d->doc)) d->doc = sp_str_new(vm, d->s, d->n);
    sp_Value m = sp_iserr(d->doc) ? d->doc : sp_str_cstr(vm, msg);
    sp_Value e = sp_iserr(m) ? m : decode_error_new(vm, m, d->doc, pos);
    return sp_iserr(e) ? e : sp_raisev(vm, e);
}

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static size_t skip_ws(Dec *d, size_t i) {
    if (i < d->n && (uint8_t)d->s[i] > ' ') return i; /* the usual case */
    while (i < d->n && is_ws(d->s[i])) i++;
    return i;
}

static bool enter(Dec *d, const char *what) {
    sp_VM *vm = d->vm;
    if (vm->pydepth + ++d->depth > vm->pydepth_max || !SP_ENTER(vm)) {
        if (sp_err_occurred(vm)) sp_err_clear(vm);
        else SP_LEAVE(vm);
        d->depth--;
        sp_raise(vm, &sp_t_RecursionError,
                 "maximum recursion depth exceeded while decoding a JSON %s from a unicode string",
                 what);
        return false;
    }
    return true;
}
static void leave(Dec *d) {
    d->depth--;
    SP_LEAVE(d->vm);
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Four hex digits at s[i..]; -1 if not. */
static int32_t hex4(Dec *d, size_t i) {
    if (d->n - i < 4 || i > d->n) return -1;
    int32_t v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(d->s[i + k]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

/* \uXXXX at s[*i] (just past the 'u'), with surrogate pairs joined. */
static bool dec_uescape(Dec *d, size_t *i, sp_Buf *b) {
    int32_t c = hex4(d, *i);
    if (c < 0) return dec_fail(d, "Invalid \\uXXXX escape", *i - 1), false;
    *i += 4;
    if (c >= 0xD800 && c <= 0xDBFF && *i + 1 < d->n && d->s[*i] == '\\' && d->s[*i + 1] == 'u') {
        int32_t c2 = hex4(d, *i + 2);
        if (c2 < 0) return dec_fail(d, "Invalid \\uXXXX escape", *i + 1), false;
        if (c2 >= 0xDC00 && c2 <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (c2 - 0xDC00);
            *i += 6;
        }
    }
    return sp_buf_addcp(b, (uint32_t)c);
}

static const char *simple_escape(char c) {
    switch (c) {
    case '"': return "\"";
    case '\\': return "\\";
    case '/': return "/";
    case 'b': return "\b";
    case 'f': return "\f";
    case 'n': return "\n";
    case 'r': return "\r";
    case 't': return "\t";
    default: return NULL;
    }
}

/* Scanning 8 bytes at a time (SWAR): a nonzero result flags the word's
 * bytes equal to c / below c.  Bytes above a true hit may be flagged
 * falsely, never below one, so a byte loop resumes at the first hit. */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull
static inline uint64_t load8(const char *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}
static inline uint64_t has_byte(uint64_t w, uint8_t c) {
    uint64_t x = w ^ (ONES * c);
    return (x - ONES) & ~x & HIGHS;
}
static inline uint64_t has_below(uint64_t w, uint8_t c) { return (w - ONES * c) & ~w & HIGHS; }

/* Bytes of a word before its first flagged byte (flags: has_byte's form),
 * where the byte order lets us count them; else 0 (a byte loop decides). */
static inline size_t before_hit(uint64_t flags) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return (size_t)__builtin_ctzll(flags) >> 3;
#else
    (void)flags;
    return 0;
#endif
}

static bool plain_byte(Dec *d, uint8_t c) {
    return c != '"' && c != '\\' && (c >= 0x20 || !d->strict);
}

/* The end of the run of plain bytes from j; *high ORs in their top bits. */
static size_t dec_plain(Dec *d, size_t j, uint64_t *high) {
    uint64_t ctl = d->strict ? 0x20 : 0, h = 0;
    for (; j + 8 <= d->n; j += 8) {
        uint64_t w = load8(d->s + j);
        uint64_t f = has_byte(w, '"') | has_byte(w, '\\') | has_below(w, (uint8_t)ctl);
        if (f) {
            size_t k = before_hit(f);
            h |= k ? w & (~0ull >> (64 - 8 * k)) : 0; /* little-endian: the first k bytes */
            j += k;
            break;
        }
        h |= w;
    }
    for (; j < d->n && plain_byte(d, (uint8_t)d->s[j]); j++) h |= (uint8_t)d->s[j];
    *high |= h & HIGHS;
    return j;
}

/* A str of valid UTF-8; ascii: no byte has its top bit (no counting). */
static sp_Value dec_str_new(Dec *d, const char *p, size_t n, bool ascii) {
    return sp_str_from(d->vm, p, n, ascii ? n : sp_utf8_count(p, n));
}

/* A key without escapes: the memoized str for its bytes, or a new one. */
static sp_Value memo_key(Dec *d, const char *p, size_t n, bool ascii) {
    sp_Str **slot = &d->keys[(n * 31 + (uint8_t)p[0] * 7 + (uint8_t)p[n - 1]) & 63];
    if (*slot && (*slot)->len == n && memcmp((*slot)->data, p, n) == 0) return sp_objv(*slot);
    sp_Value k = dec_str_new(d, p, n, ascii);
    if (!sp_iserr(k)) *slot = SP_STR(k);
    return k;
}

/* A string whose opening quote is at s[*i - 1]; *i ends past the closing
 * one.  key: an object key (memoized when possible). */
static sp_Value dec_string(Dec *d, size_t *i, bool key) {
    size_t begin = *i - 1;
    uint64_t high = 0;
    size_t j = dec_plain(d, *i, &high);
    if (j < d->n && d->s[j] == '"') { /* no escapes: straight from the text */
        const char *p = d->s + *i;
        size_t n = j - *i;
        *i = j + 1;
        return key && d->memo && n ? memo_key(d, p, n, !high) : dec_str_new(d, p, n, !high);
    }
    j = *i;
    sp_Buf b;
    sp_buf_init(d->vm, &b);
    for (;;) {
        size_t run = j;
        j = dec_plain(d, j, &high);
        if (!sp_buf_add(&b, d->s + run, j - run)) goto fail;
        if (j >= d->n) {
            dec_fail(d, "Unterminated string starting at", begin);
            goto fail;
        }
        char c = d->s[j];
        if (c == '"') break;
        if (c != '\\') {
            dec_fail(d, "Invalid control character at", j);
            goto fail;
        }
        if (j + 1 >= d->n) {
            dec_fail(d, "Unterminated string starting at", begin);
            goto fail;
        }
        c = d->s[j + 1];
        const char *esc = simple_escape(c);
        if (esc) {
            if (!sp_buf_addc(&b, *esc)) goto fail;
            j += 2;
        } else if (c == 'u') {
            j += 2;
            if (!dec_uescape(d, &j, &b)) goto fail;
        } else {
            dec_fail(d, "Invalid \\escape", j);
            goto fail;
        }
    }
    *i = j + 1;
    return sp_buf_tostr(&b);
fail:
    sp_buf_free(&b);
    return SP_ERRV;
}

static bool lit(Dec *d, size_t i, const char *w) {
    size_t n = strlen(w);
    return d->n - i >= n && memcmp(d->s + i, w, n) == 0;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static sp_Value dec_constant(Dec *d, size_t *i, const char *name, double v) {
    *i += strlen(name);
    if (sp_isnull(d->parse_constant)) return sp_float(v);
    sp_Value s = sp_str_cstr(d->vm, name);
    return sp_iserr(s) ? s : sp_call1(d->vm, d->parse_constant, s);
}

/* -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? ; SP_NULLV if no number here. */
static sp_Value dec_number(Dec *d, size_t *i) {
    size_t j = *i, start = j;
    if (j < d->n && d->s[j] == '-') j++;
    if (j >= d->n || !is_digit(d->s[j])) return SP_NULLV;
    if (d->s[j] == '0') j++;
    else while (j < d->n && is_digit(d->s[j])) j++;
    bool isfloat = false;
    if (j + 1 < d->n && d->s[j] == '.' && is_digit(d->s[j + 1])) {
        isfloat = true;
        for (j += 2; j < d->n && is_digit(d->s[j]);) j++;
    }
    if (j < d->n && (d->s[j] == 'e' || d->s[j] == 'E')) {
        size_t k = j + 1;
        if (k < d->n && (d->s[k] == '+' || d->s[k] == '-')) k++;
        if (k < d->n && is_digit(d->s[k])) {
            isfloat = true;
            for (j = k; j < d->n && is_digit(d->s[j]);) j++;
        }
    }
    *i = j;
    sp_Value hook = isfloat ? d->parse_float : d->parse_int;
    if (!sp_isnull(hook)) {
        sp_Value s = sp_str_new(d->vm, d->s + start, j - start);
        return sp_iserr(s) ? s : sp_call1(d->vm, hook, s);
    }
    const char *t = d->s + start;
    size_t n = j - start;
    if (isfloat) {
        double f;
        return sp_float_fast(t, n, &f) ? sp_float(f) : sp_float_from_str(d->vm, t, n);
    }
    if (n > 18) return sp_int_from_str(d->vm, t, n, 10);
    int64_t v = 0; /* at most 18 digits: no overflow */
    for (size_t k = t[0] == '-'; k < n; k++) v = v * 10 + (t[k] - '0');
    return sp_int(t[0] == '-' ? -v : v);
}

static sp_Value dec_value(Dec *d, size_t *i);

static sp_Value dec_array(Dec *d, size_t *i) {
    sp_VM *vm = d->vm;
    sp_Value lv = sp_list_new(vm, 0);
    if (sp_iserr(lv) || !sp_pin(vm, lv)) return SP_ERRV;
    sp_Value r = SP_ERRV;
    size_t j = skip_ws(d, *i);
    if (j < d->n && d->s[j] == ']') {
        j++;
        r = lv;
    }
    while (sp_iserr(r)) {
        sp_Value v = dec_value(d, &j);
        if (sp_iserr(v) || !sp_list_append(vm, SP_LIST(lv), v) || !sp_check_limits(vm)) break;
        j = skip_ws(d, j);
        if (j < d->n && d->s[j] == ']') {
            j++;
            r = lv;
        } else if (j >= d->n || d->s[j] != ',') {
            dec_fail(d, "Expecting ',' delimiter", j);
            break;
        } else {
            j = skip_ws(d, j + 1);
        }
    }
    sp_unpin(vm, 1);
    *i = j;
    return r;
}

/* The finished pairs (a list of 2-tuples) or dict through the hooks. */
static sp_Value obj_finish(Dec *d, sp_Value pairs, sp_Value dict) {
    if (!sp_isnull(d->pairs_hook)) return sp_call1(d->vm, d->pairs_hook, pairs);
    if (!sp_isnull(d->object_hook)) return sp_call1(d->vm, d->object_hook, dict);
    return dict;
}

static bool obj_add(Dec *d, sp_Value coll, sp_Value k, sp_Value v) {
    if (sp_isdict(coll)) return sp_dict_sets(d->vm, SP_DICT(coll), SP_STR(k), v);
    sp_Value kv[2] = {k, v};
    sp_Value t = sp_tuple_pack(d->vm, 2, kv);
    return !sp_iserr(t) && sp_list_append(d->vm, SP_LIST(coll), t);
}

/* Parse members into coll (a dict, or a list of pairs for pairs_hook). */
static bool dec_members(Dec *d, size_t *i, sp_Value coll) {
    sp_VM *vm = d->vm;
    size_t j = skip_ws(d, *i);
    bool ok = false;
    if (j < d->n && d->s[j] == '}') return *i = j + 1, true;
    for (;;) {
        if (j >= d->n || d->s[j] != '"') {
            dec_fail(d, "Expecting property name enclosed in double quotes", j);
            break;
        }
        j++;
        sp_Value k = dec_string(d, &j, true);
        if (sp_iserr(k) || !sp_pin(vm, k)) break;
        j = skip_ws(d, j);
        sp_Value v = SP_ERRV;
        if (j >= d->n || d->s[j] != ':') dec_fail(d, "Expecting ':' delimiter", j);
        else j = skip_ws(d, j + 1), v = dec_value(d, &j);
        bool added = !sp_iserr(v) && obj_add(d, coll, k, v);
        sp_unpin(vm, 1);
        if (!added || !sp_check_limits(vm)) break;
        j = skip_ws(d, j);
        if (j < d->n && d->s[j] == '}') {
            j++;
            ok = true;
            break;
        }
        if (j >= d->n || d->s[j] != ',') {
            dec_fail(d, "Expecting ',' delimiter", j);
            break;
        }
        j = skip_ws(d, j + 1);
    }
    *i = j;
    return ok;
}

static sp_Value dec_object(Dec *d, size_t *i) {
    sp_VM *vm = d->vm;
    bool pairs = !sp_isnull(d->pairs_hook);
    sp_Value coll = pairs ? sp_list_new(vm, 0) : sp_dict_new(vm);
    if (sp_iserr(coll) || !sp_pin(vm, coll)) return SP_ERRV;
    sp_Value r = SP_ERRV;
    if (dec_members(d, i, coll)) r = obj_finish(d, pairs ? coll : SP_NULLV, coll);
    sp_unpin(vm, 1);
    return r;
}

/* One value at s[*i] (no leading whitespace). */
static sp_Value dec_value(Dec *d, size_t *i) {
    size_t j = *i;
    char c = j < d->n ? d->s[j] : 0;
    sp_Value r;
    switch (c) {
    case '"':
        *i = j + 1;
        return dec_string(d, i, false);
    case '[':
    case '{':
        if (!enter(d, c == '[' ? "array" : "object")) return SP_ERRV;
        *i = j + 1;
        r = c == '[' ? dec_array(d, i) : dec_object(d, i);
        leave(d);
        return r;
    case 'n': if (lit(d, j, "null")) return *i = j + 4, SP_NONEV; break;
    case 't': if (lit(d, j, "true")) return *i = j + 4, SP_TRUEV; break;
    case 'f': if (lit(d, j, "false")) return *i = j + 5, SP_FALSEV; break;
    case 'N': if (lit(d, j, "NaN")) return dec_constant(d, i, "NaN", NAN); break;
    case 'I': if (lit(d, j, "Infinity")) return dec_constant(d, i, "Infinity", INFINITY); break;
    case '-':
        if (lit(d, j, "-Infinity")) return dec_constant(d, i, "-Infinity", -INFINITY);
        /* fall through */
    default:
        r = dec_number(d, i);
        if (!sp_isnull(r)) return r;
    }
    return dec_fail(d, "Expecting value", j);
}

static sp_Value decode(Dec *d) {
    if (d->n >= 3 && memcmp(d->s, "\xEF\xBB\xBF", 3) == 0)
        return dec_fail(d, "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
    d->memo = sp_isnull(d->object_hook) && sp_isnull(d->pairs_hook);
    size_t i = skip_ws(d, 0);
    sp_Value v = dec_value(d, &i);
    if (sp_iserr(v)) return v;
    i = skip_ws(d, i);
    if (i != d->n) {
        if (!sp_pin(d->vm, v)) return SP_ERRV;
        dec_fail(d, "Extra data", i);
        sp_unpin(d->vm, 1);
        return SP_ERRV;
    }
    return v;
}

sp_Value sp_json_loads(sp_VM *vm, const char *s, size_t n) {
    /* Host bytes (--input, sandpy_from_json): strings made from them must
     * be valid UTF-8, as every str is. */
    size_t a = 0; /* an ASCII prefix needs no checking, 8 bytes at a time */
    for (uint64_t w; a + 8 <= n && (memcpy(&w, s + a, 8), !(w & 0x8080808080808080ull));) a += 8;
    if (sp_utf8_check(s + a, n - a) < 0)
        return sp_raise(vm, &sp_t_UnicodeDecodeError, "'utf-8' codec can't decode input");
    Dec d = {.vm = vm, .s = s, .n = n, .strict = true};
    return decode(&d);
}

/* ============================================================ encoder */

typedef struct Enc {
    sp_VM *vm;
    sp_Buf b;
    bool skipkeys, ensure_ascii, check_circular, allow_nan, sort_keys;
    sp_Str *indent; /* NULL: compact */
    sp_Str *item_sep, *key_sep;
    sp_Value deflt; /* SP_NULL: none */
    sp_Obj **active; /* containers being encoded (circular check) */
    size_t nactive, capactive;
    int depth;
} Enc;

static bool enc_value(Enc *e, sp_Value v, int level);

/* Appends write into the buffer's spare room inline; sp_buf_reserve
 * (which accounts the memory) only runs when it is full.  No NUL is kept:
 * sp_buf_tostr takes the length. */
static inline bool put(Enc *e, const char *p, size_t n) {
    sp_Buf *b = &e->b;
    if (b->cap - b->n <= n && !sp_buf_reserve(b, n)) return false;
    memcpy(b->p + b->n, p, n);
    b->n += n;
    return true;
}
static inline bool put1(Enc *e, char c) { return put(e, &c, 1); }
static inline bool puts_(Enc *e, const char *s) { return put(e, s, strlen(s)); }

static bool add_str(Enc *e, sp_Str *s) { return put(e, s->data, s->len); }

/* The end of the run of bytes from i that stand for themselves. */
static size_t enc_plain(Enc *e, const sp_Str *s, size_t i) {
    uint64_t high = e->ensure_ascii ? HIGHS : 0;
    for (; i + 8 <= s->len; i += 8) {
        uint64_t w = load8(s->data + i);
        uint64_t f = has_byte(w, '"') | has_byte(w, '\\') | has_byte(w, 0x7f) |
                     has_below(w, 0x20) | (w & high);
        if (f) {
            i += before_hit(f);
            break;
        }
    }
    for (uint8_t u; i < s->len && (u = (uint8_t)s->data[i]) >= 0x20 && u != '"' && u != '\\' &&
                    (u < 0x7f || (u >= 0x80 && !e->ensure_ascii));)
        i++;
    return i;
}

/* \\uXXXX (lower-case hex) for a code unit u < 0x10000. */
static bool put_u(Enc *e, uint32_t u) {
    static const char hex[] = "0123456789abcdef";
    char t[6] = {'\\', 'u', hex[u >> 12 & 15], hex[u >> 8 & 15], hex[u >> 4 & 15], hex[u & 15]};
    return put(e, t, 6);
}

static bool enc_string(Enc *e, sp_Str *s) {
    if (!sp_buf_reserve(&e->b, s->len + 2) || !put1(e, '"')) return false;
    for (size_t i = 0; i < s->len;) {
        /* a run of bytes that stand for themselves goes in one copy */
        size_t run = enc_plain(e, s, i);
        if (run > i) {
            if (!put(e, s->data + i, run - i)) return false;
            i = run;
            continue;
        }
        size_t at = i;
        uint32_t c = sp_utf8_next(s->data, &i);
        const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n"
                          : c == '\r' ? "\\r" : c == '\t' ? "\\t" : c == '\b' ? "\\b"
                          : c == '\f' ? "\\f" : NULL;
        bool ok;
        if (esc) ok = puts_(e, esc);
        else if (c < 0x20 || (e->ensure_ascii && c >= 0x7f && c < 0x10000))
            ok = put_u(e, c);
        else if (e->ensure_ascii && c >= 0x10000)
            ok = put_u(e, 0xD800 + ((c - 0x10000) >> 10)) && put_u(e, 0xDC00 + ((c - 0x10000) & 0x3FF));
        else ok = put(e, s->data + at, i - at);
        if (!ok) return false;
    }
    return put1(e, '"');
}

static bool enc_float(Enc *e, double f) {
    if (!isfinite(f)) {
        if (!e->allow_nan) {
            sp_raise(e->vm, &sp_t_ValueError, "Out of range float values are not JSON compliant");
            return false;
        }
        return puts_(e, f != f ? "NaN" : f > 0 ? "Infinity" : "-Infinity");
    }
    char buf[32];
    size_t n = sp_double_repr(f, buf);
    return put(e, buf, n);
}

static bool enc_int(Enc *e, sp_Value v) {
    if (sp_isint(v)) { /* digits backwards from the end of tmp */
        char tmp[24], *q = tmp + sizeof tmp;
        uint64_t u = v.u.i < 0 ? -(uint64_t)v.u.i : (uint64_t)v.u.i;
        do *--q = (char)('0' + u % 10);
        while (u /= 10);
        if (v.u.i < 0) *--q = '-';
        return put(e, q, (size_t)(tmp + sizeof tmp - q));
    }
    sp_Value s = sp_int_to_str(e->vm, v, 10);
    return !sp_iserr(s) && add_str(e, SP_STR(s));
}

static bool newline_indent(Enc *e, int level) {
    if (!put1(e, '\n')) return false;
    for (int i = 0; i < level; i++)
        if (!add_str(e, e->indent)) return false;
    return true;
}

/* Circular check: push o unless it is already being encoded. */
static bool enc_push(Enc *e, sp_Obj *o) {
    if (!e->check_circular) return true;
    for (size_t i = 0; i < e->nactive; i++)
        if (e->active[i] == o) {
            sp_raise(e->vm, &sp_t_ValueError, "Circular reference detected");
            return false;
        }
    if (e->nactive == e->capactive) {
        size_t cap = e->capactive ? e->capactive * 2 : 16;
        sp_Obj **p = sp_realloc(e->vm, e->active, e->capactive * sizeof *p, cap * sizeof *p);
        if (!p) return false;
        e->active = p;
        e->capactive = cap;
    }
    e->active[e->nactive++] = o;
    return true;
}
static void enc_pop(Enc *e) {
    if (e->check_circular) e->nactive--;
}

/* Open bracket, or the empty form; *empty says which. */
static bool enc_open(Enc *e, char open, size_t n, int level) {
    if (!put1(e, open)) return false;
    return n == 0 || !e->indent || newline_indent(e, level + 1);
}
static bool enc_close(Enc *e, char close, size_t n, int level) {
    if (n && e->indent && !newline_indent(e, level)) return false;
    return put1(e, close);
}
static bool enc_sep(Enc *e, int level) {
    return add_str(e, e->item_sep) && (!e->indent || newline_indent(e, level + 1));
}

/* Subclasses too (a dict subclass, a namedtuple), as CPython's encoder. */
static bool isa(sp_Value v, sp_Type *t) { return v.tag == SP_OBJ && sp_isinst(v, t); }

static bool enc_list(Enc *e, sp_Value v, int level) {
    bool lst = isa(v, &sp_t_list);
    size_t n = lst ? SP_LIST(v)->n : SP_TUPLE(v)->n;
    if (!enc_open(e, '[', n, level)) return false;
    for (size_t i = 0;; i++) {
        /* re-read: default() may have mutated the list */
        size_t len = lst ? SP_LIST(v)->n : SP_TUPLE(v)->n;
        if (i >= len) break;
        sp_Value x = lst ? SP_LIST(v)->items[i] : SP_TUPLE(v)->items[i];
        if ((i && !enc_sep(e, level)) || !enc_value(e, x, level + 1)) return false;
    }
    return enc_close(e, ']', n, level);
}

/* A dict key as its JSON string; false with *skip set to skip the item. */
static bool enc_key(Enc *e, sp_Value k, bool *skip) {
    *skip = false;
    k = sp_unbox(k);
    if (sp_isstr(k)) return enc_string(e, SP_STR(k));
    if (!sp_isfloat(k) && !sp_isbool(k) && !sp_isnone(k) && !sp_isintlike(k)) {
        if (e->skipkeys) return *skip = true, false;
        sp_raise(e->vm, &sp_t_TypeError, "keys must be str, int, float, bool or None, not %T", k);
        return false;
    }
    if (!put1(e, '"')) return false;
    bool ok = sp_isfloat(k) ? enc_float(e, k.u.f)
              : sp_isbool(k) ? puts_(e, k.u.i ? "true" : "false")
              : sp_isnone(k) ? puts_(e, "null")
              : enc_int(e, k);
    return ok && put1(e, '"');
}

static bool enc_item(Enc *e, sp_Value k, sp_Value v, int level, bool *first) {
    size_t mark = e->b.n;
    if (!*first && !enc_sep(e, level)) return false;
    bool skip;
    if (!enc_key(e, k, &skip)) {
        if (!skip) return false;
        e->b.n = mark;
        return true;
    }
    *first = false;
    return add_str(e, e->key_sep) && enc_value(e, v, level + 1);
}

/* The items as a sorted list of (key, value) tuples, as CPython does. */
static sp_Value sorted_items(Enc *e, sp_Dict *d) {
    sp_VM *vm = e->vm;
    sp_Value l = sp_list_with_cap(vm, sp_dict_len(d));
    size_t pos = 0;
    sp_Value kv[2];
    while (!sp_iserr(l) && sp_dict_next(d, &pos, &kv[0], &kv[1])) {
        sp_Value t = sp_tuple_pack(vm, 2, kv);
        if (sp_iserr(t) || !sp_list_append(vm, SP_LIST(l), t)) return SP_ERRV;
    }
    if (sp_iserr(l) || !sp_pin(vm, l)) return SP_ERRV;
    bool ok = sp_list_sort(vm, SP_LIST(l), SP_NULLV, false);
    sp_unpin(vm, 1);
    return ok ? l : SP_ERRV;
}

static bool enc_dict(Enc *e, sp_Value v, int level) {
    sp_Dict *d = SP_DICT(v);
    size_t n = sp_dict_len(d);
    bool first = true, ok = enc_open(e, '{', n, level);
    if (ok && e->sort_keys && n) {
        sp_Value l = sorted_items(e, d);
        if (sp_iserr(l) || !sp_pin(e->vm, l)) return false;
        for (size_t i = 0; ok && i < SP_LIST(l)->n; i++) {
            sp_Tuple *t = SP_TUPLE(SP_LIST(l)->items[i]);
            ok = enc_item(e, t->items[0], t->items[1], level, &first);
        }
        sp_unpin(e->vm, 1);
    } else if (ok) {
        size_t pos = 0;
        sp_Value k, x;
        while (ok && sp_dict_next(d, &pos, &k, &x)) ok = enc_item(e, k, x, level, &first);
    }
    return ok && enc_close(e, '}', n, level);
}

static bool enc_default(Enc *e, sp_Value v, int level) {
    sp_VM *vm = e->vm;
    if (sp_isnull(e->deflt)) {
        sp_raise(vm, &sp_t_TypeError, "Object of type %s is not JSON serializable",
                 sp_typename(v));
        return false;
    }
    if (v.tag == SP_OBJ && !enc_push(e, SP_O(v))) return false;
    sp_Value r = sp_call1(vm, e->deflt, v);
    bool ok = !sp_iserr(r) && sp_pin(vm, r);
    if (ok) {
        ok = enc_value(e, r, level);
        sp_unpin(vm, 1);
    }
    if (v.tag == SP_OBJ) enc_pop(e);
    return ok;
}

static bool enc_container(Enc *e, sp_Value v, int level) {
    sp_VM *vm = e->vm;
    if (vm->pydepth + ++e->depth > vm->pydepth_max || !SP_ENTER(vm)) {
        if (sp_err_occurred(vm)) sp_err_clear(vm);
        else SP_LEAVE(vm);
        e->depth--;
        sp_raise(vm, &sp_t_RecursionError,
                 "maximum recursion depth exceeded while encoding a JSON object");
        return false;
    }
    /* Pinned: default() may drop the container from its parent and collect. */
    bool ok = sp_check_limits(vm) && sp_pin(vm, v);
    if (ok && !(ok = enc_push(e, SP_O(v)))) sp_unpin(vm, 1);
    if (ok) {
        ok = isa(v, &sp_t_dict) ? enc_dict(e, v, level) : enc_list(e, v, level);
        enc_pop(e);
        sp_unpin(vm, 1);
    }
    SP_LEAVE(vm);
    e->depth--;
    return ok;
}

static bool enc_value(Enc *e, sp_Value v, int level) {
    v = sp_unbox(v); /* an int/float/str subclass encodes as its value, as CPython's */
    switch (v.tag) {
    case SP_NONE: return puts_(e, "null");
    case SP_BOOL: return puts_(e, v.u.i ? "true" : "false");
    case SP_INT: return enc_int(e, v);
    case SP_FLOAT: return enc_float(e, v.u.f);
    default: break;
    }
    if (sp_isstr(v)) return enc_string(e, SP_STR(v));
    if (isa(v, &sp_t_list) || isa(v, &sp_t_tuple) || isa(v, &sp_t_dict))
        return enc_container(e, v, level);
    if (sp_isintlike(v)) return enc_int(e, v);
    return enc_default(e, v, level);
}

static sp_Value encode(Enc *e, sp_Value v) {
    sp_buf_init(e->vm, &e->b);
    bool ok = enc_value(e, v, 0);
    sp_free(e->vm, e->active, e->capactive * sizeof *e->active);
    if (!ok) {
        sp_buf_free(&e->b);
        return SP_ERRV;
    }
    /* ensure_ascii escapes everything else but the separators and indent:
     * then the length in code points is known without counting */
    bool ascii = e->ensure_ascii && (!e->item_sep || e->item_sep->ascii) &&
                 (!e->key_sep || e->key_sep->ascii) && (!e->indent || e->indent->ascii);
    if (!ascii) return sp_buf_tostr(&e->b);
    sp_Value r = sp_str_from(e->vm, e->b.p ? e->b.p : "", e->b.n, e->b.n);
    sp_buf_free(&e->b);
    return r;
}

static void enc_defaults(Enc *e, sp_VM *vm) {
    memset(e, 0, sizeof *e);
    e->vm = vm;
    e->ensure_ascii = e->check_circular = e->allow_nan = true;
    e->deflt = SP_NULLV;
}

sp_Value sp_json_dumps(sp_VM *vm, sp_Value v) {
    Enc e;
    enc_defaults(&e, vm);
    sp_Value is = sp_str_intern_cstr(vm, ", "), ks = sp_str_intern_cstr(vm, ": ");
    if (sp_iserr(is) || sp_iserr(ks)) return SP_ERRV;
    e.item_sep = SP_STR(is);
    e.key_sep = SP_STR(ks);
    return encode(&e, v);
}

/* ============================================================ module */

/* Keyword names accepted, in the order of the outputs. */
static const char *const dumps_kw[] = {"skipkeys", "ensure_ascii", "check_circular", "allow_nan",
                                       "cls", "indent", "separators", "default", "sort_keys", NULL};
static const char *const loads_kw[] = {"cls", "object_hook", "parse_float", "parse_int",
                                       "parse_constant", "object_pairs_hook", "strict", NULL};

/* Collect keyword values by name (CPython passes unknown ones on to
 * JSONEncoder/JSONDecoder, whose __init__ rejects them). */
static bool get_kwargs(sp_VM *vm, sp_Value *vals, sp_Tuple *kw, const char *const *names,
                       const char *cls, sp_Value *out) {
    size_t nn = 0;
    while (names[nn]) out[nn] = SP_NULLV, nn++;
    for (size_t j = 0; kw && j < kw->n; j++) {
        sp_Str *k = SP_STR(kw->items[j]);
        size_t i = 0;
        while (i < nn && !sp_str_eqc(k, names[i])) i++;
        if (i == nn) {
            sp_raise(vm, &sp_t_TypeError, "%s.__init__() got an unexpected keyword argument '%U'",
                     cls, k);
            return false;
        }
        out[i] = vals[j];
    }
    return true;
}

static bool positional(sp_VM *vm, const char *f, int nargs, int want) {
    if (nargs == want) return true;
    if (nargs < want)
        sp_raise(vm, &sp_t_TypeError, "%s() missing 1 required positional argument: '%s'", f,
                 want == 1 ? (f[0] == 'd' ? "obj" : "s") : "fp");
    else
        sp_raise(vm, &sp_t_TypeError, "%s() takes %d positional argument%s but %d were given", f,
                 want, want == 1 ? "" : "s", nargs);
    return false;
}

static int flag(sp_VM *vm, sp_Value v, bool dflt) {
    return sp_isnull(v) ? dflt : sp_truthy(vm, v);
}

/* separators=(item, key): any 2-item iterable of str. */
static bool enc_separators(Enc *e, sp_Value seps) {
    sp_VM *vm = e->vm;
    sp_Value t = sp_tuple_from_iter(vm, seps);
    if (sp_iserr(t)) return false;
    size_t n = SP_TUPLE(t)->n;
    if (n != 2) {
        if (n < 2)
            sp_raise(vm, &sp_t_ValueError, "not enough values to unpack (expected 2, got %d)", (int)n);
        else sp_raise(vm, &sp_t_ValueError, "too many values to unpack (expected 2)");
        return false;
    }
    for (int i = 0; i < 2; i++)
        if (!sp_isstr(SP_TUPLE(t)->items[i])) {
            sp_raise(vm, &sp_t_TypeError, "make_encoder() argument %d must be str, not %T", 6 + i,
                     SP_TUPLE(t)->items[i]);
            return false;
        }
    e->item_sep = SP_STR(SP_TUPLE(t)->items[0]);
    e->key_sep = SP_STR(SP_TUPLE(t)->items[1]);
    return true;
}

/* o: skipkeys, ensure_ascii, check_circular, allow_nan, cls, indent,
 * separators, default, sort_keys. */
static bool enc_setup(Enc *e, sp_Value *o) {
    sp_VM *vm = e->vm;
    int f[5] = {flag(vm, o[0], false), flag(vm, o[1], true), flag(vm, o[2], true),
                flag(vm, o[3], true), flag(vm, o[8], false)};
    for (int i = 0; i < 5; i++)
        if (f[i] < 0) return false;
    e->skipkeys = f[0], e->ensure_ascii = f[1], e->check_circular = f[2];
    e->allow_nan = f[3], e->sort_keys = f[4];
    if (!sp_isnull(o[4]) && !sp_isnone(o[4])) {
        sp_raise(vm, &sp_t_TypeError, "json: cls= is not supported");
        return false;
    }
    bool ind = !sp_isnull(o[5]) && !sp_isnone(o[5]);
    if (ind) {
        sp_Value s = o[5];
        if (!sp_isstr(s)) {
            sp_Value sp = sp_str_intern_cstr(vm, " ");
            s = sp_iserr(sp) ? sp : sp_binop(vm, SP_OP_MUL, sp, s);
        }
        if (sp_iserr(s) || !sp_pin(vm, s)) return false;
        e->indent = SP_STR(s);
    }
    if (!sp_isnull(o[7]) && !sp_isnone(o[7])) e->deflt = o[7];
    if (!sp_isnull(o[6]) && !sp_isnone(o[6])) return enc_separators(e, o[6]);
    sp_Value is = sp_str_intern_cstr(vm, ind ? "," : ", "), ks = sp_str_intern_cstr(vm, ": ");
    if (sp_iserr(is) || sp_iserr(ks)) return false;
    e->item_sep = SP_STR(is);
    e->key_sep = SP_STR(ks);
    return true;
}

static sp_Value dumps_impl(sp_VM *vm, sp_Value obj, sp_Value *kwv, sp_Tuple *kw) {
    sp_Value o[9];
    if (!get_kwargs(vm, kwv, kw, dumps_kw, "JSONEncoder", o)) return SP_ERRV;
    Enc e;
    enc_defaults(&e, vm);
    size_t pins = vm->npins;
    /* pins the indent string and separators while user code may run */
    sp_Value r = SP_ERRV;
    if (enc_setup(&e, o)) {
        if ((!e.item_sep || sp_pin(vm, sp_objv(e.item_sep))) &&
            (!e.key_sep || sp_pin(vm, sp_objv(e.key_sep))))
            r = encode(&e, obj);
    }
    sp_unpin(vm, vm->npins - pins);
    return r;
}

static sp_Value j_dumps(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!positional(vm, "dumps", nargs, 1)) return SP_ERRV;
    return dumps_impl(vm, args[0], args + 1, kw);
}

static sp_Value j_dump(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!positional(vm, "dump", nargs, 2)) return SP_ERRV;
    sp_Value s = dumps_impl(vm, args[0], args + 2, kw);
    if (sp_iserr(s) || !sp_pin(vm, s)) return SP_ERRV;
    sp_Value w = sp_getattrs(vm, args[1], "write");
    sp_Value r = sp_iserr(w) ? w : sp_call1(vm, w, s);
    sp_unpin(vm, 1);
    return sp_iserr(r) ? r : SP_NONEV;
}

static sp_Value loads_impl(sp_VM *vm, sp_Value s, sp_Value *kwv, sp_Tuple *kw) {
    sp_Value o[7];
    if (!get_kwargs(vm, kwv, kw, loads_kw, "JSONDecoder", o)) return SP_ERRV;
    Dec d = {.vm = vm, .doc = s, .strict = true};
    if (sp_isstr(s)) {
        d.s = SP_STR(s)->data, d.n = SP_STR(s)->len;
    } else if (sp_istype(s, &sp_t_bytes)) {
        d.s = (const char *)SP_BYTES(s)->data, d.n = SP_BYTES(s)->len;
        if (d.n >= 3 && memcmp(d.s, "\xEF\xBB\xBF", 3) == 0) d.s += 3, d.n -= 3;
        if (sp_utf8_check(d.s, d.n) < 0)
            return sp_raise(vm, &sp_t_UnicodeDecodeError, "'utf-8' codec can't decode input");
        d.doc = SP_NULLV;
    } else {
        return sp_raise(vm, &sp_t_TypeError,
                        "the JSON object must be str, bytes or bytearray, not %T", s);
    }
    if (!sp_isnull(o[0]) && !sp_isnone(o[0]))
        return sp_raise(vm, &sp_t_TypeError, "json: cls= is not supported");
    sp_Value *hooks[] = {&d.object_hook, &d.parse_float, &d.parse_int, &d.parse_constant,
                         &d.pairs_hook};
    for (int i = 0; i < 5; i++) *hooks[i] = sp_isnone(o[i + 1]) ? SP_NULLV : o[i + 1];
    int strict = flag(vm, o[6], true);
    if (strict < 0) return SP_ERRV;
    d.strict = strict;
    return decode(&d);
}

static sp_Value j_loads(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!positional(vm, "loads", nargs, 1)) return SP_ERRV;
    return loads_impl(vm, args[0], args + 1, kw);
}

static sp_Value j_load(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!positional(vm, "load", nargs, 1)) return SP_ERRV;
    sp_Value rd = sp_getattrs(vm, args[0], "read");
    sp_Value s = sp_iserr(rd) ? rd : sp_call0(vm, rd);
    if (sp_iserr(s) || !sp_pin(vm, s)) return SP_ERRV;
    sp_Value r = loads_impl(vm, s, args + 1, kw);
    sp_unpin(vm, 1);
    return r;
}

static const sp_MethodDef json_funcs[] = {
    {"dumps", j_dumps, 0}, {"dump", j_dump, 0}, {"loads", j_loads, 0}, {"load", j_load, 0},
    {NULL, NULL, 0},
};

bool sp_json_init(sp_VM *vm, sp_Module *m) {
    return sp_module_add_funcs(vm, m, json_funcs) &&
           sp_module_add(vm, m, "JSONDecodeError", sp_objv(&t_jde));
}
