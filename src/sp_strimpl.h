/* sp_strimpl.h - private to sp_str.c, sp_strmeth.c and sp_bytes.c: the
 * byte-level algorithms str and bytes share (str is UTF-8, and a match of
 * valid UTF-8 inside valid UTF-8 always starts on a character boundary, so
 * searching, splitting and replacing work on bytes for both types). */
#ifndef SP_STRIMPL_H
#define SP_STRIMPL_H

#include "sp.h"
#include "sp_unidata.h"

/* A prepared needle for linear-time search (Crochemore-Perrin two-way:
 * O(n + m) time, O(1) space, so hostile inputs cannot go quadratic). */
typedef struct sp_Finder {
    const uint8_t *x;
    int64_t m;
    int64_t ell;    /* critical factorization: left part is x[0..ell] (-1: empty) */
    int64_t per;    /* period (or the shift used in the non-periodic case) */
    bool periodic;
    bool rev;       /* search from the right */
} sp_Finder;

void sp_finder_init(sp_Finder *f, const void *needle, size_t m, bool rev);
/* First (rev: last) match in hay[0..n); -1 if none. */
int64_t sp_finder_find(const sp_Finder *f, const void *hay, size_t n);
int64_t sp_bfind(const void *hay, size_t n, const void *needle, size_t m, bool rev);
/* Non-overlapping occurrences, at most maxcount (m > 0). */
size_t sp_bcount(const void *hay, size_t n, const void *needle, size_t m, size_t maxcount);

/* A scan of n bytes with no allocation and no loop of its own to poll in
 * (find, count, in): long ones poll the limits once. */
static inline bool sp_scan_poll(sp_VM *vm, size_t n) {
    return n < SP_POLL_BYTES || sp_check_limits_now(vm);
}

/* SipHash-1-3 of raw bytes, never -1 (str and bytes hash the same way). */
int64_t sp_bytes_hash_raw(const void *p, size_t n);

/* Code point <-> byte offset in a str: O(1) for ASCII, O(1) amortised for
 * a big non-ASCII str (sp_stridx.c), a walk for a short one.  Never raise. */
size_t sp_str_byteoff(sp_VM *vm, const sp_Str *s, size_t ci);
size_t sp_str_charidx(sp_VM *vm, const sp_Str *s, size_t bi);
size_t sp_str_walkoff(const sp_Str *s, size_t ci); /* the walk (sp_str.c) */
/* The byte offset k code points on from bi in valid UTF-8 (the walk's
 * step; the data's NUL ends a skip that reaches the end). */
static inline size_t sp_utf8_skip(const char *s, size_t bi, size_t k) {
    const uint8_t *p = (const uint8_t *)s;
    while (k--) do bi++; while ((p[bi] & 0xC0) == 0x80);
    return bi;
}
size_t sp_utf8_count(const char *p, size_t n); /* code points in valid UTF-8 */

/* Argument helpers with CPython's exact messages. */
bool sp_arg_ssize(sp_VM *vm, sp_Value v, int64_t *out);    /* "... cannot be interpreted as an integer" */
bool sp_arg_slice_index(sp_VM *vm, sp_Value v, int64_t *out); /* None/absent keeps *out */
/* "name() takes at least/at most N argument(s) (M given)" (n excludes self). */
bool sp_arg_count_paren(sp_VM *vm, const char *name, int n, int min, int max);
/* "name expected at least/at most N argument(s), got M". */
bool sp_arg_count_expected(sp_VM *vm, const char *name, int n, int min, int max);
bool sp_arg_nokw(sp_VM *vm, const char *qual, sp_Tuple *kw); /* "str.find() takes no keyword arguments" */
/* Method conventions (nargs counts self; tname "str" or "bytes"):
 * none: "str.upper() takes no arguments (1 given)"; one: "... exactly one
 * argument"; pos: positional-only, "expected" counts; span: (sub[, start[, end]]). */
bool sp_arg_none(sp_VM *vm, const char *tname, const char *name, int nargs, sp_Tuple *kw);
bool sp_arg_one(sp_VM *vm, const char *tname, const char *name, int nargs, sp_Tuple *kw);
bool sp_arg_pos(sp_VM *vm, const char *tname, const char *name, int nargs, sp_Tuple *kw, int min,
                int max);
bool sp_arg_span(sp_VM *vm, const char *tname, const char *name, sp_Value *args, int nargs,
                 sp_Tuple *kw, int64_t *start, int64_t *end);
bool sp_arg_cint(sp_VM *vm, sp_Value v, int64_t *out); /* C int range (_PyLong_AsInt) */
/* CPython's ADJUST_INDICES: clamp [start, end) into [0, len]. */
void sp_adjust_indices(int64_t *start, int64_t *end, int64_t len);

/* Codecs (sp_bytes.c decodes, sp_str.c encodes). */
sp_Value sp_bytes_decode(sp_VM *vm, const uint8_t *p, size_t n, sp_Value encoding, sp_Value errors);
sp_Value sp_str_encode(sp_VM *vm, sp_Str *s, sp_Value encoding, sp_Value errors);
/* Canonical codec name ("utf-8", "ascii", "latin-1") or NULL + LookupError. */
const char *sp_codec_lookup(sp_VM *vm, sp_Str *name);
/* Error handlers, looked up lazily: an unknown name only fails on an error. */
enum { SP_ERR_STRICT, SP_ERR_IGNORE, SP_ERR_REPLACE, SP_ERR_BACKSLASH, SP_ERR_XMLREF,
       SP_ERR_SURR_ESCAPE, SP_ERR_SURR_PASS, SP_ERR_UNKNOWN };
int sp_codec_errors(sp_Value errors); /* errors: SP_NULL or a str */
bool sp_codec_unknown_handler(sp_VM *vm, sp_Value errors);

/* --- shared by str (uni: units are UTF-8 code points) and bytes (units are bytes) */
typedef sp_Value (*sp_MakeFn)(sp_VM *vm, const char *p, size_t n);
/* split()/rsplit(): sep NULL splits on runs of whitespace; maxsplit < 0: no limit. */
sp_Value sp_split_impl(sp_VM *vm, const char *p, size_t n, const char *sep, size_t m,
                       int64_t maxsplit, bool rev, bool uni, sp_MakeFn make);
/* strip: which 1 left, 2 right, 3 both; chars NULL: whitespace.  Sets [*b0, *b1). */
bool sp_strip_impl(sp_VM *vm, const char *p, size_t n, const char *chars, size_t cn, int which,
                   bool uni, size_t *b0, size_t *b1);
/* Replace up to maxcount occurrences of old (empty old: between units); out
 * NULL only counts.  Returns the number of replacements. */
size_t sp_replace_impl(const char *p, size_t n, const char *old, size_t on, const char *nw,
                       size_t nn, size_t maxcount, bool uni, char *out);
/* Is unit c whitespace (str.isspace / bytes.isspace rules)? */
static inline bool sp_unit_space(uint32_t c, bool uni) {
    if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (uni && c >= 0x1c && c <= 0x1f);
    return uni && sp_uni_has(c, SP_U_SPACE);
}
/* The unit at byte i (value and byte length) / the start of the unit before i. */
static inline uint32_t sp_unit_at(const char *p, size_t i, bool uni, size_t *n) {
    if (!uni || (uint8_t)p[i] < 0x80) return *n = 1, (uint8_t)p[i];
    size_t k = i;
    uint32_t c = sp_utf8_next(p, &k);
    *n = k - i;
    return c;
}
static inline size_t sp_unit_before(const char *p, size_t i, bool uni) {
    i--;
    while (uni && ((uint8_t)p[i] & 0xC0) == 0x80) i--;
    return i;
}

/* Case conversion of ASCII units (str fast path, and all of bytes). */
enum { SP_CASE_UPPER, SP_CASE_LOWER, SP_CASE_TITLE, SP_CASE_CAPITALIZE, SP_CASE_SWAPCASE,
       SP_CASE_CASEFOLD };
void sp_ascii_convert(const char *src, char *dst, size_t n, int mode);
/* Character-class predicates (str.isalpha ... bytes.isalpha: bytes use the
 * ASCII subset of the same tables). */
enum { SP_Q_ALPHA, SP_Q_DECIMAL, SP_Q_DIGIT, SP_Q_NUMERIC, SP_Q_SPACE, SP_Q_ALNUM,
       SP_Q_PRINTABLE, SP_Q_UPPER, SP_Q_LOWER, SP_Q_TITLE, SP_Q_IDENT, SP_Q_ASCII };
bool sp_units_are(const char *p, size_t n, bool uni, int q);

extern const sp_MethodDef sp_str_methods[];

#endif
