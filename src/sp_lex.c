/* sp_lex.c - tokenizer (CPython 3.11 tokenizer.c semantics and messages).
 *
 * Linear in the input: every byte is looked at a bounded number of times.
 * Errors are raised as soon as the offending token is requested, as
 * CPython's tokenizer does, so an earlier parse error wins. */
#include <stdio.h>
#include <stdlib.h>

#include "sp_lex.h"
#include "sp_unidata.h"

static const char *const tok_names[T_KW_FIRST_] = {
    "ENDMARKER", "NEWLINE", "INDENT", "DEDENT", "NAME", "NUMBER", "STRING",
    "(", ")", "[", "]", "{", "}", ":", ",", ";", "+", "-", "*", "/", "|", "&", "<", ">",
    "=", ".", "%", "==", "!=", "<=", ">=", "~", "^", "<<", ">>", "**", "+=", "-=", "*=",
    "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//", "//=", "@", "@=", "->",
    "...", ":=",
};
/* The keywords, NUL-padded: keyword() reads the first 8 bytes of each as a word. */
static const char kw_text[T_COUNT_ - T_KW_FIRST_][9] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
    "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
    "raise", "return", "try", "while", "with", "yield",
};

const char *sp_tok_name(int kind) {
    if (kind >= T_KW_FIRST_ && kind < T_COUNT_) return kw_text[kind - T_KW_FIRST_];
    return kind >= 0 && kind < T_KW_FIRST_ ? tok_names[kind] : "?";
}

/* ------------------------------------------------------------- errors */

static size_t count_chars(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* [*ls, *le) = the bytes of line `line` (1-based) without its newline. */
static bool find_line(const char *src, size_t n, int line, size_t *ls, size_t *le) {
    size_t i = 0;
    for (int l = 1; l < line; l++) {
        const char *nl = memchr(src + i, '\n', n - i);
        if (!nl) return false;
        i = (size_t)(nl - src) + 1;
    }
    size_t e = i;
    while (e < n && src[e] != '\n' && src[e] != '\r') e++;
    *ls = i;
    *le = e;
    return true;
}

static sp_Value offset_val(const char *ln, size_t len, int col) {
    if (col < 0) return sp_int(col);
    size_t c = (size_t)col < len ? (size_t)col : len;
    return sp_int((int64_t)count_chars(ln, c) + 1 + ((size_t)col > len ? (int64_t)col - (int64_t)len : 0));
}

sp_Value sp_synerr_new(sp_VM *vm, sp_Type *type, const char *filename, const char *src,
                       size_t n, int line, int col, int end_line, int end_col, const char *msg) {
    size_t ls = 0, le = 0, els = 0, ele = 0;
    bool have = src && line > 0 && find_line(src, n, line, &ls, &le);
    bool ehave = src && end_line > 0 && find_line(src, n, end_line, &els, &ele);
    sp_Value items[6];
    items[0] = sp_str_cstr(vm, filename ? filename : "<string>");
    if (sp_iserr(items[0])) return SP_ERRV;
    items[1] = line > 0 ? sp_int(line) : SP_NONEV;
    items[2] = have ? offset_val(src + ls, le - ls, col) : (line > 0 ? sp_int(col + 1) : SP_NONEV);
    items[3] = SP_NONEV;
    if (have) {
        sp_Buf b;
        sp_buf_init(vm, &b);
        if (!sp_buf_add(&b, src + ls, le - ls) || !sp_buf_addc(&b, '\n')) {
            sp_buf_free(&b);
            return SP_ERRV;
        }
        items[3] = sp_buf_tostr(&b);
        if (sp_iserr(items[3])) return SP_ERRV;
    }
    items[4] = end_line > 0 ? sp_int(end_line) : SP_NONEV;
    items[5] = ehave ? offset_val(src + els, ele - els, end_col)
                     : (end_line > 0 ? sp_int(end_col < 0 ? end_col : end_col + 1) : SP_NONEV);
    sp_Value loc = sp_tuple_pack(vm, 6, items);
    if (sp_iserr(loc)) return SP_ERRV;
    sp_Value args[2];
    args[0] = sp_str_cstr(vm, msg);
    if (sp_iserr(args[0])) return SP_ERRV;
    args[1] = loc;
    sp_Value tup = sp_tuple_pack(vm, 2, args);
    if (sp_iserr(tup)) return SP_ERRV;
    return sp_exc_new(vm, type, tup);
}

void sp_lex_raise(sp_Lex *L, sp_Type *type, int line, int col, int end_line, int end_col,
                  const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    char *msg = small;
    size_t sz = 0;
    if (k >= (int)sizeof small) {
        sz = (size_t)k + 1;
        msg = sp_malloc(L->vm, sz);
        if (!msg) return;
        va_start(ap, fmt);
        vsnprintf(msg, sz, fmt, ap);
        va_end(ap);
    } else if (k < 0) {
        small[0] = 0;
    }
    sp_Value e = sp_synerr_new(L->vm, type, L->filename, L->fullsrc, L->fulln, line, col,
                               end_line, end_col, msg);
    if (msg != small) sp_free(L->vm, msg, sz);
    if (!sp_iserr(e)) sp_raisev(L->vm, e);
}

/* Error positioned as CPython's tokenizer does it: the offset is the
 * number of characters before `pos` on the current line. */
static bool err_at(sp_Lex *L, size_t pos, const char *msg) {
    int col = (int)(pos - L->line_start) - 1;
    if (col < 0) col = 0;
    sp_lex_raise(L, &sp_t_SyntaxError, L->line, col, L->line, col, "%s", msg);
    return false;
}

/* ------------------------------------------------------------- init */

void sp_lex_init(sp_Lex *L, sp_VM *vm, const char *src, size_t n, const char *filename) {
    memset(L, 0, offsetof(sp_Lex, indent));
    L->indent[0] = L->altindent[0] = 0;
    L->vm = vm;
    L->src = L->fullsrc = src;
    L->n = L->fulln = n;
    L->line = 1;
    L->filename = filename;
    L->at_bol = true;
}

void sp_lex_init_sub(sp_Lex *L, const sp_Lex *parent, size_t start, size_t end, int line,
                     size_t line_start) {
    memset(L, 0, offsetof(sp_Lex, indent));
    L->indent[0] = L->altindent[0] = 0;
    L->vm = parent->vm;
    L->src = parent->fullsrc;
    L->fullsrc = parent->fullsrc;
    L->fulln = parent->fulln;
    L->n = end;
    L->pos = start;
    L->line = line;
    L->line_start = line_start;
    L->filename = parent->filename;
    L->no_indent = true;
    L->level = 1; /* as if wrapped in "(...)", like CPython does */
    L->paren[0] = '(';
}

/* ------------------------------------------------------------- helpers */

/* Out of the hot path of sp_lex_next (fewer registers to save per token). */
#if defined(__GNUC__)
#define COLD __attribute__((noinline))
#else
#define COLD
#endif
#if defined(__GNUC__)
#define UNREACHABLE() __builtin_unreachable()
#else
#define UNREACHABLE() ((void)0)
#endif
/* sp_lex_ahead's scanners and loop: gcc's inlining budget would put some
 * out of line, as the loop has two instances (sp_lex_ahead, sp_lex_fill). */
#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

static inline int cur(sp_Lex *L) { return L->pos < L->n ? (unsigned char)L->src[L->pos] : -1; }
static inline int peekc(sp_Lex *L, size_t k) {
    return L->pos + k < L->n ? (unsigned char)L->src[L->pos + k] : -1;
}

/* Byte classes: C_GAP bytes separate tokens (comment, newline,
 * continuation, and the end, class_at() past n), C_PUNCT, C_OPEN and
 * C_CLOSE are one-byte operators (the last two brackets), C_OP starts an
 * operator that may be longer (or is an invalid character), and
 * identifier bytes are the digits, C_NAME (ASCII letters and '_') and
 * C_NAMEU (every non-ASCII byte: verify_identifier checks those).  The order matters: a name scan
 * runs over C_DIGIT..C_NAME and stops for the fast path at C_NAMEU or
 * C_QUOTE (a string prefix), a plain int must not be followed by C_DOT or
 * above.  256 entries: a byte indexes it without a range check. */
enum { C_OP = 0, C_PUNCT, C_OPEN, C_CLOSE, C_BLANK, C_GAP, C_DOT, C_DIGIT, C_NAME, C_NAMEU, C_QUOTE, C_COUNT_ };
#define N4 C_NAME, C_NAME, C_NAME, C_NAME
#define N16 N4, N4, N4, N4
#define U4 C_NAMEU, C_NAMEU, C_NAMEU, C_NAMEU
#define U16 U4, U4, U4, U4
/* The byte classes and the string body stops (one table: one base address
 * for the loops that use both). */
static const struct {
    unsigned char classes[256], stops[256];
} tabs = {.classes = {
    ['\t'] = C_BLANK, ['\f'] = C_BLANK, [' '] = C_BLANK,
    ['\n'] = C_GAP, ['\r'] = C_GAP, ['#'] = C_GAP, ['\\'] = C_GAP,
    ['('] = C_OPEN, ['['] = C_OPEN, ['{'] = C_OPEN, [')'] = C_CLOSE, [']'] = C_CLOSE, ['}'] = C_CLOSE,
    [','] = C_PUNCT, [';'] = C_PUNCT, ['~'] = C_PUNCT,
    ['.'] = C_DOT, ['"'] = C_QUOTE, ['\''] = C_QUOTE,
    ['0'] = C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT,
    ['A'] = N16, N4, N4, C_NAME, C_NAME, ['_'] = C_NAME, ['a'] = N16, N4, N4, C_NAME, C_NAME,
    [128] = U16, U16, U16, U16, U16, U16, U16, U16},
    /* the bytes that end the one-line body of a '...' string (bit 1), of a "..." string (bit 2);
     * those that may be the second byte of an operator (bit 4: op_kind) */
    .stops = {['\''] = 1, ['"'] = 2, ['\\'] = 3, ['\n'] = 3, ['\r'] = 3,
              ['='] = 4, ['>'] = 4, ['<'] = 4, ['*'] = 4, ['/'] = 4, ['.'] = 4}};
#undef N4
#undef N16
#undef U4
#undef U16
static inline int byte_class(int c) { return c < 0 ? C_GAP : tabs.classes[c]; }
/* The class of s[i], C_GAP at the end. */
static inline int class_at(const unsigned char *s, size_t i, size_t n) { return i < n ? tabs.classes[s[i]] : C_GAP; }
static inline bool is_id_char(int c) {
    int k = byte_class(c);
    return k >= C_DIGIT && k <= C_NAMEU;
}
static inline bool is_digit(int c) { return c >= '0' && c <= '9'; }

/* Consume a newline ("\n", "\r\n" or "\r") at pos; true if there was one. */
static bool eat_newline(sp_Lex *L) {
    int c = cur(L);
    if (c == '\r') {
        L->pos++;
        if (cur(L) == '\n') L->pos++;
    } else if (c == '\n') {
        L->pos++;
    } else {
        return false;
    }
    L->line++;
    L->line_start = L->pos;
    return true;
}

/* A token from here (end 0 until tok_end), every field written. */
static void tok_begin(sp_Lex *L, sp_Tok *t, int kind) {
    t->head = SP_TOK_HEAD(kind, SP_TOK_LEVEL(L->level) | SP_TOK_FLAGS(SP_TOK_END));
    t->start = L->pos;
    t->end = 0;
    t->line = t->end_line = L->line;
    t->col = t->end_col = (int)(L->pos - L->line_start);
}
static inline void tok_end(sp_Lex *L, sp_Tok *t) {
    t->end = L->pos;
    t->end_line = L->line;
    t->end_col = (int)(L->pos - L->line_start);
    t->flags = SP_TOK_END;
}

/* ------------------------------------------------------------- indentation */

static bool indent_error(sp_Lex *L, sp_Type *type, size_t pos, const char *msg) {
    (void)pos;
    size_t e = L->pos;
    while (e < L->n && L->src[e] != '\n' && L->src[e] != '\r') e++;
    if (type == &sp_t_IndentationError && msg[0] == 'u')
        sp_lex_raise(L, type, L->line, (int)(e - L->line_start), L->line, -1, "%s", msg);
    else
        sp_lex_raise(L, type, L->line, 0, L->line, type == &sp_t_TabError ? -2 : -2, "%s", msg);
    return false;
}

/* At the start of a logical line: measure the indentation and queue
 * INDENT/DEDENT tokens (CPython's algorithm, including the tab-size-1
 * "alt" column for TabError).  Blank and comment-only lines are skipped. */
static bool do_indent(sp_Lex *L) {
    int col = 0, alt = 0;
    for (;;) {
        int c = cur(L);
        if (c == ' ') col++, alt++;
        else if (c == '\t') col = (col / 8 + 1) * 8, alt++;
        else if (c == '\f') col = alt = 0;
        else break;
        L->pos++;
    }
    int c = cur(L);
    if (c == '#' || c == '\n' || c == '\r' || c == -1) return true; /* blank line */
    if (c == '\\') return true; /* continuation: CPython treats it as part of the line */
    L->at_bol = false;
    int top = L->nindent;
    if (col == L->indent[top]) {
        if (alt != L->altindent[top])
            return indent_error(L, &sp_t_TabError, L->pos, "inconsistent use of tabs and spaces in indentation");
    } else if (col > L->indent[top]) {
        if (top + 1 >= SP_MAX_INDENT)
            return indent_error(L, &sp_t_IndentationError, L->pos, "too many levels of indentation");
        if (alt <= L->altindent[top])
            return indent_error(L, &sp_t_TabError, L->pos, "inconsistent use of tabs and spaces in indentation");
        L->nindent++;
        L->indent[L->nindent] = col;
        L->altindent[L->nindent] = alt;
        L->pending = 1;
    } else {
        int k = 0;
        while (L->nindent > 0 && col < L->indent[L->nindent]) L->nindent--, k++;
        if (col != L->indent[L->nindent])
            return indent_error(L, &sp_t_IndentationError, L->pos, "unindent does not match any outer indentation level");
        if (alt != L->altindent[L->nindent])
            return indent_error(L, &sp_t_TabError, L->pos, "inconsistent use of tabs and spaces in indentation");
        L->pending = -k;
    }
    return true;
}

/* ------------------------------------------------------------- numbers */

/* Digits with single underscores between them; `ok` tests one digit. */
static bool digit_run(sp_Lex *L, bool (*ok)(int), const char *kind) {
    for (;;) {
        while (ok(cur(L))) L->pos++;
        if (cur(L) != '_') return true;
        L->pos++;
        if (!ok(cur(L))) {
            char msg[64];
            snprintf(msg, sizeof msg, "invalid %s literal", kind);
            return err_at(L, L->pos, msg);
        }
    }
}
static bool dec_ok(int c) { return is_digit(c); }
static bool hex_ok(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static bool oct_ok(int c) { return c >= '0' && c <= '7'; }
static bool bin_ok(int c) { return c == '0' || c == '1'; }

/* CPython's verify_end_of_number: a number directly followed by a name
 * character is an error, except for the keywords that may follow it. */
static bool end_of_number(sp_Lex *L, const char *kind) {
    int c = cur(L);
    if (!is_id_char(c)) return true;
    static const char *const ok[] = {"and", "else", "for", "if", "in", "is", "not", "or", NULL};
    for (int i = 0; ok[i]; i++) {
        size_t k = strlen(ok[i]);
        if (L->pos + k <= L->n && memcmp(L->src + L->pos, ok[i], k) == 0) return true;
    }
    char msg[64];
    snprintf(msg, sizeof msg, "invalid %s literal", kind);
    return err_at(L, L->pos, msg);
}

static bool radix_number(sp_Lex *L, sp_Tok *t, bool (*ok)(int), const char *kind) {
    L->pos += 2; /* 0x */
    for (;;) {
        if (cur(L) == '_') L->pos++;
        if (!ok(cur(L))) {
            int c = cur(L);
            if (is_digit(c) && ok != hex_ok) {
                char msg[64];
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
                return err_at(L, L->pos + 1, msg);
            }
            char msg[64];
            snprintf(msg, sizeof msg, "invalid %s literal", kind);
            return err_at(L, L->pos, msg);
        }
        while (ok(cur(L))) L->pos++;
        if (cur(L) != '_') break;
    }
    int c = cur(L);
    if (is_digit(c)) { /* e.g. 0b12 */
        char msg[64];
        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
        return err_at(L, L->pos + 1, msg);
    }
    t->sub = SP_NUM_INT;
    return end_of_number(L, kind);
}

/* Fraction, exponent and imaginary suffix after the integer part. */
static bool number_tail(sp_Lex *L, sp_Tok *t, bool frac) {
    if (frac || cur(L) == '.') {
        if (!frac) L->pos++;
        t->sub = SP_NUM_FLOAT;
        if (is_digit(cur(L)) && !digit_run(L, dec_ok, "decimal")) return false;
    }
    int c = cur(L);
    if (c == 'e' || c == 'E') {
        size_t save = L->pos;
        L->pos++;
        if (cur(L) == '+' || cur(L) == '-') L->pos++;
        if (!is_digit(cur(L))) {
            L->pos = save;
            return err_at(L, L->pos, "invalid decimal literal");
        }
        if (!digit_run(L, dec_ok, "decimal")) return false;
        t->sub = SP_NUM_FLOAT;
    }
    c = cur(L);
    if (c == 'j' || c == 'J') {
        L->pos++;
        t->sub = SP_NUM_IMAG;
        return end_of_number(L, "imaginary");
    }
    return end_of_number(L, "decimal");
}

/* Every number but a plain decimal int (sp_lex_next lexes those): floats,
 * radix prefixes, underscores, errors. */
static COLD bool number_slow(sp_Lex *L, sp_Tok *t) {
    t->kind = T_NUMBER;
    int c = cur(L);
    if (c == '.') { /* .5 */
        L->pos++;
        return digit_run(L, dec_ok, "decimal") && number_tail(L, t, true);
    }
    if (c == '0') {
        int d = peekc(L, 1);
        if (d == 'x' || d == 'X') return radix_number(L, t, hex_ok, "hexadecimal");
        if (d == 'o' || d == 'O') return radix_number(L, t, oct_ok, "octal");
        if (d == 'b' || d == 'B') return radix_number(L, t, bin_ok, "binary");
        /* leading zeros: only 0s, unless it turns out to be a float */
        bool nonzero = false;
        size_t zeros_end = 0;
        for (;;) {
            while (cur(L) == '0') L->pos++;
            zeros_end = L->pos;
            if (is_digit(cur(L))) {
                nonzero = true;
                if (!digit_run(L, dec_ok, "decimal")) return false;
            }
            if (cur(L) != '_') break;
            L->pos++;
            if (!is_digit(cur(L))) return err_at(L, L->pos, "invalid decimal literal");
        }
        (void)zeros_end;
        int e = cur(L);
        if (e == '.' || e == 'e' || e == 'E' || e == 'j' || e == 'J') return number_tail(L, t, false);
        if (nonzero) {
            sp_lex_raise(L, &sp_t_SyntaxError, L->line, (int)(t->start - L->line_start),
                         L->line, (int)(t->start - L->line_start) + 1,
                         "leading zeros in decimal integer literals are not permitted; "
                         "use an 0o prefix for octal integers");
            return false;
        }
        t->sub = SP_NUM_INT;
        return end_of_number(L, "decimal");
    }
    return digit_run(L, dec_ok, "decimal") && number_tail(L, t, false);
}

/* ------------------------------------------------------------- strings */

/* pos is at the opening quote; t->sub holds the prefix flags. */
static bool lex_string(sp_Lex *L, sp_Tok *t) {
    int q = cur(L);
    bool triple = peekc(L, 1) == q && peekc(L, 2) == q;
    size_t ql = triple ? 3 : 1;
    L->pos += ql;
    for (;;) {
        /* skip the ordinary bytes in one tight loop */
        const char *src = L->src;
        size_t i = L->pos, n = L->n;
        for (unsigned char b; i < n && (b = (unsigned char)src[i]) != q && b != '\\' && b != '\n' && b != '\r';) i++;
        L->pos = i;
        int c = cur(L);
        if (c == -1 || (!triple && (c == '\n' || c == '\r'))) {
            int sl = t->line, sc = t->col;
            /* at EOF CPython names the line of the last character read */
            int dl = L->line - (L->pos > 0 && L->src[L->pos - 1] == '\n');
            if (triple)
                sp_lex_raise(L, &sp_t_SyntaxError, sl, sc, sl, sc,
                             "unterminated triple-quoted string literal (detected at line %d)", dl);
            else
                sp_lex_raise(L, &sp_t_SyntaxError, sl, sc, sl, sc,
                             "unterminated string literal (detected at line %d)", L->line);
            return false;
        }
        if (c == '\\') {
            L->pos++;
            if (!eat_newline(L) && cur(L) != -1) L->pos++;
            continue;
        }
        if (c == '\n' || c == '\r') {
            eat_newline(L);
            continue;
        }
        if (c == q && (!triple || (peekc(L, 1) == q && peekc(L, 2) == q))) {
            L->pos += ql;
            return true;
        }
        L->pos++;
    }
}

/* A string with a prefix (b'', f"", ...), out of the hot path of names. */
static COLD bool prefixed_string(sp_Lex *L, sp_Tok *t) {
    t->kind = T_STRING;
    return lex_string(L, t);
}

/* If the identifier [s, s+k) is a valid string prefix, its SP_STR_* flags
 * (SP_STR_U alone for "u"), else -1. */
static int string_prefix(const char *s, size_t k) {
    int f = 0;
    if (k > 2) return -1;
    for (size_t i = 0; i < k; i++) {
        int c = s[i] | 0x20, bit;
        if (c == 'r') bit = SP_STR_RAW;
        else if (c == 'b') bit = SP_STR_BYTES;
        else if (c == 'f') bit = SP_STR_F;
        else if (c == 'u') bit = SP_STR_U;
        else return -1;
        if (f & bit) return -1;
        f |= bit;
    }
    if ((f & SP_STR_U) && k > 1) return -1;
    if ((f & SP_STR_BYTES) && (f & SP_STR_F)) return -1;
    return f;
}

/* Keywords by a perfect hash of the name as a little-endian word of its
 * (at most 8) bytes: one multiplication, one candidate, one comparison
 * (every name is looked up here).  The multiplier is one of those that
 * map the 35 keywords to distinct 6-bit slots. */
static const unsigned char kw_slot[64] = {
    [2] = T_WHILE, [3] = T_TRUE, [5] = T_ELSE, [6] = T_TRY, [8] = T_FALSE, [12] = T_CONTINUE,
    [15] = T_NONLOCAL, [17] = T_EXCEPT, [18] = T_DEF, [21] = T_FROM, [24] = T_NOT, [25] = T_IF,
    [26] = T_AWAIT, [27] = T_PASS, [28] = T_WITH, [33] = T_ASYNC, [34] = T_ASSERT, [35] = T_YIELD,
    [36] = T_RETURN, [38] = T_OR, [39] = T_BREAK, [40] = T_RAISE, [42] = T_CLASS, [43] = T_DEL,
    [44] = T_LAMBDA, [45] = T_AS, [48] = T_IS, [50] = T_IMPORT, [53] = T_GLOBAL, [54] = T_IN,
    [55] = T_NONE, [56] = T_FOR, [59] = T_AND, [60] = T_FINALLY, [62] = T_ELIF};
#define KW_MUL 0x812e3b32bf67ae3dull

/* 8 bytes at p as a little-endian word (compilers make this one load). */
static inline uint64_t le64(const unsigned char *p) {
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

/* The kind of the name s[0, k): a keyword or T_NAME; s[0, avail) may be read. */
static ALWAYS_INLINE int keyword(const unsigned char *s, size_t k, size_t avail) {
    if (k - 2 > 6) return T_NAME; /* keywords have 2 to 8 bytes */
    uint64_t w = 0;
    if (avail >= 8) {
        w = le64(s) & (~0ull >> (64 - 8 * k));
    } else { /* near the end of the source */
        for (size_t i = 0; i < k; i++) w |= (uint64_t)s[i] << 8 * i;
    }
    int i = kw_slot[(w * KW_MUL) >> 58];
    return i && le64((const unsigned char *)kw_text[i - T_KW_FIRST_]) == w ? i : T_NAME;
}

/* ------------------------------------------------------------- operators */

/* Each operator byte: its token alone, followed by '=', doubled, and
 * doubled then '=' (0: none).  "->" and "..." are the only others. */
typedef struct OpKinds {
    unsigned char one, eq, twice, twice_eq;
} OpKinds;
static const OpKinds op_kinds[128] = {
    ['('] = {T_LPAR, 0, 0, 0}, [')'] = {T_RPAR, 0, 0, 0}, ['['] = {T_LSQB, 0, 0, 0},
    [']'] = {T_RSQB, 0, 0, 0}, ['{'] = {T_LBRACE, 0, 0, 0}, ['}'] = {T_RBRACE, 0, 0, 0},
    [','] = {T_COMMA, 0, 0, 0}, [';'] = {T_SEMI, 0, 0, 0}, ['.'] = {T_DOT, 0, 0, 0},
    ['~'] = {T_TILDE, 0, 0, 0}, [':'] = {T_COLON, T_COLONEQUAL, 0, 0},
    ['='] = {T_EQUAL, T_EQEQUAL, 0, 0}, ['!'] = {0, T_NOTEQUAL, 0, 0},
    ['+'] = {T_PLUS, T_PLUSEQUAL, 0, 0}, ['-'] = {T_MINUS, T_MINEQUAL, 0, 0},
    ['%'] = {T_PERCENT, T_PERCENTEQUAL, 0, 0}, ['&'] = {T_AMPER, T_AMPEREQUAL, 0, 0},
    ['|'] = {T_VBAR, T_VBAREQUAL, 0, 0}, ['^'] = {T_CIRCUMFLEX, T_CIRCUMFLEXEQUAL, 0, 0},
    ['@'] = {T_AT, T_ATEQUAL, 0, 0},
    ['*'] = {T_STAR, T_STAREQUAL, T_DOUBLESTAR, T_DOUBLESTAREQUAL},
    ['/'] = {T_SLASH, T_SLASHEQUAL, T_DOUBLESLASH, T_DOUBLESLASHEQUAL},
    ['<'] = {T_LESS, T_LESSEQUAL, T_LEFTSHIFT, T_LEFTSHIFTEQUAL},
    ['>'] = {T_GREATER, T_GREATEREQUAL, T_RIGHTSHIFT, T_RIGHTSHIFTEQUAL},
};
_Static_assert(T_COUNT_ < 256, "token kinds fit a byte");

static COLD bool bracket(sp_Lex *L, int kind) {
    if (kind == T_LPAR || kind == T_LSQB || kind == T_LBRACE) {
        if (L->level >= SP_MAX_PAREN_DEPTH) return err_at(L, L->pos, "too many nested parentheses");
        L->paren[L->level] = L->src[L->pos - 1];
        L->paren_line[L->level] = L->line;
        L->paren_col[L->level] = (int)(L->pos - 1 - L->line_start);
        L->level++;
        return true;
    }
    if (kind != T_RPAR && kind != T_RSQB && kind != T_RBRACE) return true;
    char close = L->src[L->pos - 1];
    int min = L->no_indent ? 1 : 0;
    char msg[128];
    if (L->level <= min) {
        snprintf(msg, sizeof msg, "unmatched '%c'", close);
        return err_at(L, L->pos, msg);
    }
    char open = L->paren[L->level - 1];
    if ((open == '(' && close != ')') || (open == '[' && close != ']') || (open == '{' && close != '}')) {
        int ol = L->paren_line[L->level - 1];
        if (ol != L->line)
            snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                     close, open, ol);
        else
            snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c'", close, open);
        return err_at(L, L->pos, msg);
    }
    L->level--;
    return true;
}

/* ------------------------------------------------------------- main */

static inline bool lex_end(sp_Lex *L, sp_Tok *t) {
    if (L->line_has_tok && !L->no_indent && L->level == 0) {
        tok_begin(L, t, T_NEWLINE);
        L->line_has_tok = false;
        return true;
    }
    if (L->nindent > 0 && !L->no_indent) {
        L->nindent--;
        tok_begin(L, t, T_DEDENT);
        return true;
    }
    tok_begin(L, t, T_END);
    return true;
}

/* Non-ASCII identifiers: every code point must be XID_Start (first) or
 * XID_Continue, as CPython's verify_identifier (without NFKC folding). */
static COLD bool verify_identifier(sp_Lex *L, size_t s, size_t e) {
    for (size_t i = s; i < e;) {
        size_t at = i;
        uint32_t cp = sp_utf8_next(L->src, &i);
        bool ok = cp == '_' || (cp < 128 && is_id_char((int)cp) && (at > s || !is_digit((int)cp))) ||
                  sp_uni_has(cp, at == s ? SP_U_XID_START : SP_U_XID_CONTINUE);
        if (ok) continue;
        char msg[80];
        if (!sp_uni_has(cp, SP_U_PRINTABLE))
            snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", (unsigned)cp);
        else
            snprintf(msg, sizeof msg, "invalid character '%.*s' (U+%04X)", (int)(i - at), L->src + at, (unsigned)cp);
        return err_at(L, at + 1, msg);
    }
    return true;
}

static bool lex_name(sp_Lex *L, sp_Tok *t) {
    size_t s = L->pos, i = s;
    unsigned bits = 0;
    for (unsigned char c; i < L->n && is_id_char(c = (unsigned char)L->src[i]); i++) bits |= c;
    L->pos = i;
    if (bits >= 128 && !verify_identifier(L, s, L->pos)) return false;
    int q = cur(L);
    if (q == '"' || q == '\'') {
        int f = string_prefix(L->src + s, L->pos - s);
        if (f >= 0) {
            t->sub = f;
            return prefixed_string(L, t);
        }
    }
    t->kind = keyword((const unsigned char *)L->src + s, L->pos - s, L->n - s);
    return true;
}

static COLD bool bad_char(sp_Lex *L, int c) {
    if (c < 32 || c == 127) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", (unsigned)c);
        return err_at(L, L->pos + 1, msg);
    }
    return err_at(L, L->pos + 1, "invalid syntax");
}

/* At the start of a logical line (or with INDENT/DEDENT tokens queued):
 * 1 when *t holds one of those, 0 when there is none, -1 on error. */
static COLD int line_start(sp_Lex *L, sp_Tok *t) {
    if (!L->pending) {
        if (!do_indent(L)) return -1;
        if (!L->pending) return 0;
    }
    if (L->pending > 0) {
        L->pending--;
        tok_begin(L, t, T_INDENT);
        t->col = t->end_col = t->col > 0 ? t->col - 1 : 0;
        return 1;
    }
    L->pending++;
    tok_begin(L, t, T_DEDENT);
    return 1;
}

/* Between tokens, at a C_GAP byte c: a comment, a newline (a NEWLINE token
 * if the logical line had tokens), a line continuation or the end.
 * 1 when *t holds a token, 0 to scan on, -1 on error. */
static COLD int lex_gap(sp_Lex *L, sp_Tok *t, int c) {
    if (c == '#') {
        while (c != -1 && c != '\n' && c != '\r') c = (L->pos++, cur(L));
    }
    if (c == -1) return lex_end(L, t), 1;
    if (c == '\n' || c == '\r') {
        if (L->line_has_tok && L->level == 0 && !L->no_indent) {
            tok_begin(L, t, T_NEWLINE);
            eat_newline(L);
            tok_end(L, t);
            t->end_line = t->line;
            t->end_col = t->col + 1;
            L->line_has_tok = false;
            L->at_bol = true;
            return 1;
        }
        eat_newline(L);
        if (L->level == 0) L->at_bol = true;
        return 0;
    }
    L->pos++; /* the backslash */
    if (cur(L) == -1) {
        sp_lex_raise(L, &sp_t_SyntaxError, L->line, (int)(L->pos - L->line_start), L->line, -1,
                     "unexpected EOF while parsing");
        return -1;
    }
    if (!eat_newline(L))
        return err_at(L, L->pos + 1, "unexpected character after line continuation character"), -1;
    L->at_bol = false;
    if (cur(L) == -1 && !L->no_indent) {
        sp_lex_raise(L, &sp_t_SyntaxError, L->line, 0, L->line, -1, "unexpected EOF while parsing");
        return -1;
    }
    return 0;
}

/* Operators: the kind of the longest match at s[pos] = c, a C_OP,
 * C_PUNCT, C_OPEN, C_CLOSE or C_DOT byte (< 128); *e is past it.  0: c
 * starts none (an invalid character). */
static ALWAYS_INLINE int op_kind(const unsigned char *s, size_t pos, size_t n, int c, size_t *e) {
    const OpKinds *o = &op_kinds[c];
    int c1 = pos + 1 < n ? s[pos + 1] : 0; /* the source holds no NUL */
    if (tabs.stops[c1] & 4) { /* every longer operator: c1 is c (doubled), '=' or '>' */
        int c2 = pos + 2 < n ? s[pos + 2] : 0;
        if (c1 == c && o->twice) {
            if (c2 == '=') return *e = pos + 3, o->twice_eq;
            return *e = pos + 2, o->twice;
        }
        if (c1 == '=' && o->eq) return *e = pos + 2, o->eq;
        if (c == '-' && c1 == '>') return *e = pos + 2, T_RARROW;
        if (c == '.' && c1 == '.' && c2 == '.') return *e = pos + 3, T_ELLIPSIS;
    }
    *e = pos + 1;
    return o->one;
}

/* Any token at L->pos (not a gap): sp_lex_next's cases that need more
 * than one forward scan (prefixed or multi-line strings, non-ASCII names,
 * numbers other than plain ints, bracket limits and mismatches, errors). */
static COLD bool lex_token(sp_Lex *L, sp_Tok *t) {
    t->kind = T_NAME;
    t->sub = 0;
    t->level = L->level;
    t->start = L->pos;
    t->line = L->line;
    t->col = (int)(L->pos - L->line_start);
    L->line_has_tok = true;
    const unsigned char *s = (const unsigned char *)L->src;
    int c = s[L->pos];
    bool ok;
    switch (tabs.classes[c]) {
    case C_NAME: case C_NAMEU: ok = lex_name(L, t); break;
    case C_QUOTE: t->kind = T_STRING; ok = lex_string(L, t); break;
    case C_DIGIT: ok = number_slow(L, t); break;
    default: /* C_OP, C_PUNCT, C_OPEN, C_CLOSE, C_DOT */
        if (c == '.' && is_digit(peekc(L, 1))) {
            ok = number_slow(L, t);
            break;
        }
        size_t e;
        t->kind = op_kind(s, L->pos, L->n, c, &e);
        if (!t->kind) return bad_char(L, c);
        L->pos = e;
        ok = t->kind > T_RBRACE || bracket(L, t->kind);
        break;
    }
    if (!ok) return false;
    tok_end(L, t);
    return true;
}

/* Between tokens (sp_lex_next found a gap byte, or a line start): skip to
 * the next token and lex it, or produce NEWLINE/INDENT/DEDENT/ENDMARKER. */
static COLD bool lex_lines(sp_Lex *L, sp_Tok *t) {
    for (;;) {
        /* at_bol is only set at bracket level 0 of a module lexer */
        if (L->pending | L->at_bol) {
            int r = line_start(L, t);
            if (r) return r > 0;
        }
        int c = cur(L), cls;
        while ((cls = byte_class(c)) == C_BLANK) c = (L->pos++, cur(L));
        /* a token: pending and at_bol are clear now (line_start found a
         * non-blank line, or lex_gap a continuation), so sp_lex_next takes
         * its fast path and does not come back here */
        if (cls != C_GAP) return sp_lex_next(L, t);
        int r = lex_gap(L, t, c);
        if (r) return r > 0;
    }
}

/* ------------------------------------------------------------- the fast path */

/* sp_lex_ahead lexes runs of the common tokens (names, keywords,
 * operators, plain ints, plain one-line strings) with the lexer state in
 * locals, written back once per run.  It goes on past line ends (lex_gap's
 * NEWLINE, comments, blank lines, lines that keep the indentation) and
 * ends with lex_end's tokens at the end.  It stops before anything else:
 * an INDENT or DEDENT, indentation with tabs or form feeds, a
 * continuation, a token the scanners below decline (-1), an invalid
 * character or a bracket error.  Those go through lex_lines and lex_token,
 * which keep L->pos current and raise the errors.  So a token never fails
 * in sp_lex_ahead, and lexing ahead changes nothing but when the work is
 * done. */

/* An ASCII name: its kind (keyword or T_NAME), -1 if a non-ASCII byte
 * (to verify) or a quote (after a string prefix?) follows. */
static ALWAYS_INLINE int scan_name(const unsigned char *s, size_t pos, size_t n, size_t *pe) {
    size_t e = pos + 1;
    int cls;
    while ((unsigned)((cls = class_at(s, e, n)) - C_DIGIT) <= C_NAME - C_DIGIT) e++;
    if (cls >= C_NAMEU) return -1;
    *pe = e;
    return keyword(s + pos, e - pos, n - pos);
}

/* A decimal int without underscores, then nothing that could continue a number. */
static ALWAYS_INLINE int scan_int(const unsigned char *s, size_t pos, size_t n, size_t *pe) {
    size_t e = pos + 1;
    while (e < n && is_digit(s[e])) e++;
    if ((s[pos] == '0' && e > pos + 1) || class_at(s, e, n) >= C_DOT) return -1;
    *pe = e;
    return T_NUMBER; /* sub SP_NUM_INT */
}

/* A string on one line without backslashes, not empty (maybe a triple quote). */
static ALWAYS_INLINE int scan_str(const unsigned char *s, size_t pos, size_t n, size_t *pe) {
    int q = s[pos], stop = tabs.stops[q];
    size_t e = pos + 1;
    if (e >= n || s[e] == q) return -1;
    while (e < n && !(tabs.stops[s[e]] & stop)) e++;
    if (e >= n || s[e] != q) return -1;
    *pe = e + 1;
    return T_STRING;
}

/* A C_OP or (dot) C_DOT byte: -1 for an invalid character or ".5". */
static ALWAYS_INLINE int scan_op(const unsigned char *s, size_t pos, size_t n, size_t *pe, bool dot) {
    if (dot && pos + 1 < n && is_digit(s[pos + 1])) return -1;
    int k = op_kind(s, pos, n, s[pos], pe);
    return k ? k : -1;
}

/* A one-line token [pos, e), written in four stores: no col (sp_tok_cols
 * derives it where it is read), no SP_TOK_END (its end follows from col,
 * start and end). */
static inline void put_tok(sp_Tok *t, int kind, int line, size_t pos, size_t e, int lv) {
    t->head = SP_TOK_HEAD(kind, SP_TOK_LEVEL(lv));
    t->line = line;
    t->start = pos;
    t->end = e;
}

/* sp_lex_ahead keeps line and bracket level in one word w, as a token's
 * head and line are laid out (SP_TOK_WORD with kind 0): three stores a
 * token, and one register less in its loop. */
#define W_LINE SP_TOK_WORD(0, 1)
#define W_LEVEL SP_TOK_WORD(SP_TOK_LEVEL(1), 0)
static inline int w_line(uint64_t w) { return (int)((w / W_LINE) & 0xffffffffu); }
static inline int w_level(uint64_t w) { return (int)((w / W_LEVEL) & 0xff); }
static inline void put_wtok(sp_Tok *t, int kind, uint64_t w, size_t pos, size_t e) {
    w |= SP_TOK_WORD(SP_TOK_HEAD(kind, 0), 0);
    memcpy(t, &w, sizeof w);
    t->start = pos;
    t->end = e;
}

/* The bracket level after the opening bracket c at level lv, column col:
 * -1 at the limit (bracket() reports it). */
static inline int scan_open(sp_Lex *L, int c, int lv, int line, int col) {
    if (lv >= SP_MAX_PAREN_DEPTH) return -1;
    L->paren[lv] = (char)c;
    L->paren_line[lv] = line;
    L->paren_col[lv] = col;
    return lv + 1;
}

/* The bracket level after the closing bracket c at level lv: -1 for an
 * unmatched or mismatched one (bracket() reports those).  c is its
 * opener's code plus 1 for ')', plus 2 for ']' and '}', and no other pair
 * of ( [ { and ) ] } is 1 or 2 apart. */
static inline int scan_close(const sp_Lex *L, int c, int lv) {
    if (lv <= (int)L->no_indent || (unsigned)(c - L->paren[lv - 1] - 1) > 1) return -1;
    return lv - 1;
}

/* At a line start (bracket level 0 of a module lexer, nothing queued):
 * *pos past the indentation if that is spaces only and the line is blank
 * (a comment, the end; *tok false) or keeps the current indentation (*tok
 * true).  false when do_indent must measure it: a tab or form feed, an
 * INDENT or DEDENT, a continuation. */
static inline bool same_indent(const sp_Lex *L, const unsigned char *s, size_t n, size_t *pos, bool *tok) {
    size_t p = *pos;
    while (p < n && s[p] == ' ') p++;
    int cls = class_at(s, p, n);
    if (cls == C_BLANK || (p < n && s[p] == '\\')) return false;
    *tok = cls != C_GAP;
    size_t col = p - *pos;
    if (*tok && (col != (size_t)L->indent[L->nindent] || col != (size_t)L->altindent[L->nindent])) return false;
    *pos = p;
    return true;
}

/* The end of the newline ("\n", "\r\n" or "\r") at pos. */
static inline size_t newline_end(const unsigned char *s, size_t pos, size_t n) {
    return pos + 1 + (s[pos] == '\r' && pos + 1 < n && s[pos + 1] == '\n');
}

/* The NEWLINE token of lex_gap for the newline [pos, e). */
static inline void put_newline(sp_Tok *t, int line, size_t ls, size_t pos, size_t e) {
    put_tok(t, T_NEWLINE, line, pos, e, 0);
    t->col = (int)(pos - ls);
    t->flags = SP_TOK_END;
    t->end_line = line;
    t->end_col = t->col + 1;
}

/* sp_lex_ahead at pos, on the line starting at ls: if a token comes next
 * (it will be t, the first on its line in this run), its col, for
 * sp_tok_cols.  A col is written only here, at most once per line. */
static inline void col_next(const unsigned char *s, size_t n, size_t pos, size_t ls, sp_Tok *t, const sp_Tok *te) {
    while (class_at(s, pos, n) == C_BLANK) pos++;
    if (t < te) t->col = (int)(pos - ls);
}

/* The tokens at the end (lex_end's: NEWLINE, DEDENTs, ENDMARKER) into
 * [t, te), the end of them returned. */
static ALWAYS_INLINE sp_Tok *ahead_end(sp_Lex *L, sp_Tok *t, const sp_Tok *te) {
    while (t < te) {
        lex_end(L, t);
        if (t++->kind == T_END) break;
    }
    return t;
}

/* sp_lex_fill's bookkeeping (see sp_Fill): a bracket at t on level lv
 * (its token's level). */
static inline void fill_bracket(sp_Fill *f, const sp_Tok *t, bool open, int lv) {
    int32_t i = (int32_t)(t - f->tk);
    if (open) {
        f->open[lv] = i;
        f->grp[i] = (sp_Grp){0, -1, false, false, false};
    } else {
        int32_t o = f->open[lv - 1];
        f->pair[i] = o;
        f->pair[o] = i;
    }
}

/* The grp of the bracket around a token on level lv > f->top. */
static inline sp_Grp *fill_grp(sp_Fill *f, int lv) { return &f->grp[f->open[lv - 1]]; }

/* A keyword or operator the caller marks (c = f->cls[kind]) at t on level lv. */
static COLD void fill_mark(sp_Fill *f, const sp_Tok *t, int kind, int lv, unsigned c) {
    if (c & f->stop) f->stopped = true;
    if (kind == T_IF) f->nif++;
    if (lv <= f->top) return; /* not in brackets */
    sp_Grp *g = fill_grp(f, lv);
    switch (kind) {
    case T_COMMA: g->ncomma++; break;
    case T_COLON: g->colon |= !g->ncomma && g->first_for < 0; break;
    case T_FOR: if (g->first_for < 0) g->first_for = (int32_t)(t - f->tk); break;
    case T_LAMBDA: g->lambda = true; break;
    case T_STAR: case T_DOUBLESTAR: { /* an item starts after the opener or a comma */
        int p = t[-1].kind;
        g->star |= p == T_COMMA || p == T_LPAR || p == T_LSQB || p == T_LBRACE;
        break;
    }
    default: break;
    }
}

/* Any token but a bracket. */
static inline void fill_note(sp_Fill *f, const sp_Tok *t, int kind, int lv) {
    unsigned c = f->cls[kind];
    if (c & f->mark) fill_mark(f, t, kind, lv, c);
}

/* The same for a token from sp_lex_next. */
static void fill_tok(sp_Fill *f, const sp_Tok *t) {
    int k = t->kind;
    if (k >= T_LPAR && k <= T_RBRACE) fill_bracket(f, t, (k - T_LPAR) % 2 == 0, t->level);
    else fill_note(f, t, k, t->level);
}

/* sp_lex_ahead, and with f sp_lex_fill's run (f NULL: gcc drops its part). */
static ALWAYS_INLINE size_t ahead(sp_Lex *L, sp_Tok *q, size_t max, sp_Fill *f) {
    const unsigned char *s = (const unsigned char *)L->src;
    size_t n = L->n, pos = L->pos, ls = L->line_start;
    uint64_t w = SP_TOK_WORD(SP_TOK_LEVEL(L->level), L->line); /* see put_wtok */
    int c = 0;
    bool bol = L->at_bol, tok = false;
    /* t: the next token; the logical line has tokens if t > lt (no lt:
     * it had some before this run) */
    sp_Tok *t = q, *te = q + max, *lt = L->line_has_tok ? NULL : q;
    if (L->pending || (bol && !same_indent(L, s, n, &pos, &tok))) return 0;
    col_next(s, n, pos, ls, t, te);
    for (bol &= !tok;;) {
        int cls, kind;
        size_t e = 0;
        while ((cls = class_at(s, pos, n)) == C_BLANK) pos++;
        switch (cls) {
        case C_NAME: kind = scan_name(s, pos, n, &e); break;
        case C_PUNCT: /* , ; ~ */
            e = pos + 1;
            kind = op_kinds[s[pos]].one;
            if (f && kind == T_COMMA) { /* the most common of fill_mark's */
                if (t == te) goto out;
                put_wtok(t++, kind, w, pos, e);
                int lv = w_level(w);
                if (lv > f->top) fill_grp(f, lv)->ncomma++;
                pos = e;
                continue;
            }
            break;
        case C_OPEN: case C_CLOSE: { /* the level changes after the token */
            int b = s[pos], lv = w_level(w);
            int nlv = cls == C_OPEN ? scan_open(L, b, lv, w_line(w), (int)(pos - ls)) : scan_close(L, b, lv);
            if (nlv < 0 || t == te) goto out;
            put_wtok(t++, op_kinds[b].one, w, pos, pos + 1);
            if (f) fill_bracket(f, t - 1, cls == C_OPEN, lv);
            w += cls == C_OPEN ? W_LEVEL : -W_LEVEL;
            pos++;
            continue;
        }
        case C_OP: kind = scan_op(s, pos, n, &e, false); break;
        case C_DOT: kind = scan_op(s, pos, n, &e, true); break;
        case C_DIGIT: kind = scan_int(s, pos, n, &e); break;
        case C_QUOTE: kind = scan_str(s, pos, n, &e); break;
        case C_GAP: /* lex_gap's cases but a continuation */
            c = pos < n ? s[pos] : -1;
            if (c == '#') {
                while (pos < n && s[pos] != '\n' && s[pos] != '\r') pos++;
                c = pos < n ? s[pos] : -1;
            }
            if (c != '\n' && c != '\r') goto out; /* the end or a continuation */
            e = newline_end(s, pos, n);
            bool top = w_level(w) == 0;
            if ((!lt || t > lt) && top && !L->no_indent) {
                if (t == te) goto out;
                put_newline(t++, w_line(w), ls, pos, e);
                lt = t;
            }
            pos = ls = e;
            w += W_LINE;
            if (top) {
                bol = true;
                if (!same_indent(L, s, n, &pos, &tok)) goto out; /* do_indent's work */
                bol = !tok; /* at a blank line: lexed on as a gap */
            }
            col_next(s, n, pos, ls, t, te);
            continue;
        case C_NAMEU: kind = -1; break;
        default: UNREACHABLE(); /* C_BLANK: no range check for the jump table */
        }
        if (kind < 0 || t == te) break;
        put_wtok(t++, kind, w, pos, e);
        if (f && kind > T_RBRACE) fill_note(f, t - 1, kind, w_level(w));
        pos = e;
    }
out:
    L->pos = pos;
    L->line = w_line(w);
    L->line_start = ls;
    L->level = w_level(w);
    L->at_bol = bol;
    L->line_has_tok = !lt || t > lt;
    return (size_t)((c == -1 ? ahead_end(L, t, te) : t) - q);
}

size_t sp_lex_ahead(sp_Lex *L, sp_Tok *q, size_t max) { return ahead(L, q, max, NULL); }

bool sp_lex_fill(sp_Lex *L, sp_Fill *f) {
    sp_Tok *t = f->tk + f->n;
    size_t k = ahead(L, t, f->cap - f->n, f);
    if (!k) {
        if (!sp_lex_next(L, t)) return false;
        fill_tok(f, t);
        k = 1;
    }
    f->n += k;
    return true;
}

void sp_tok_cols(sp_Tok *q, size_t k) {
    /* the first token of the run and of each line in it has its col (see
     * col_next): the line's start follows */
    int line = 0;
    size_t ls = 0;
    for (size_t i = 0; i < k; i++) {
        sp_Tok *t = &q[i];
        if (t->flags & SP_TOK_END) continue; /* a col of its own */
        if (i == 0 || t->line != line) {
            line = t->line;
            ls = t->start - (size_t)t->col;
        } else {
            t->col = (int)(t->start - ls);
        }
    }
}

/* One token: sp_lex_ahead's cases without its loop.  sp_lex_next jumps
 * through a table on the first byte's class to one small function per
 * kind (tail calls with few live values: few registers to save). */
#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

typedef bool NextFn(sp_Lex *L, sp_Tok *t, const unsigned char *s, size_t pos, size_t n);

/* The one-line token [pos, e) of the given kind, or lex_token for k < 0. */
static inline bool tok_done(sp_Lex *L, sp_Tok *t, int kind, size_t pos, size_t e, int lv) {
    if (kind < 0) return lex_token(L, t);
    int line = L->line;
    t->col = (int)(pos - L->line_start);
    L->pos = e;
    L->line_has_tok = true;
    put_tok(t, kind, line, pos, e, lv);
    return true;
}

static NOINLINE bool next_name(sp_Lex *L, sp_Tok *t, const unsigned char *s, size_t pos, size_t n) {
    size_t e = 0;
    int k = scan_name(s, pos, n, &e);
    return tok_done(L, t, k, pos, e, L->level);
}

static NOINLINE bool next_op1(sp_Lex *L, sp_Tok *t, const unsigned char *s, size_t pos, size_t n) {
    (void)n;
    int c = s[pos], cls = tabs.classes[c], lv = L->level;
    if (cls != C_PUNCT) {
        int nlv = cls == C_OPEN ? scan_open(L, c, lv, L->line, (int)(pos - L->line_start)) : scan_close(L, c, lv);
        if (nlv < 0) return lex_token(L, t);
        L->level = nlv;
    }
    return tok_done(L, t, op_kinds[c].one, pos, pos + 1, lv);
}

static NOINLINE bool next_op(sp_Lex *L, sp_Tok *t, const unsigned char *s, size_t pos, size_t n) {
    size_t e = 0;
    int k = scan_op(s, pos, n, &e, s[pos] == '.');
    return tok_done(L, t, k, pos, e, L->level);
}

static NOINLINE bool next_int(sp_Lex *L, sp_Tok *t, const unsigned char *s, size_t pos, size_t n) {
    size_t e = 0;
    int k = scan_int(s, pos, n, &e);
    return tok_done(L, t, k, pos, e, L->level);
}

static NOINLINE bool next_str(sp_Lex *L, sp_Tok *t, const unsigned char *s, size_t pos, size_t n) {
    size_t e = 0;
    int k = scan_str(s, pos, n, &e);
    return tok_done(L, t, k, pos, e, L->level);
}

static bool next_slow(sp_Lex *L, sp_Tok *t, const unsigned char *s, size_t pos, size_t n) {
    (void)s, (void)pos, (void)n;
    return lex_token(L, t);
}

static bool next_gap(sp_Lex *L, sp_Tok *t, const unsigned char *s, size_t pos, size_t n) {
    (void)s, (void)pos, (void)n;
    return lex_lines(L, t);
}

static NextFn *const next_fns[C_COUNT_] = {
    [C_OP] = next_op, [C_PUNCT] = next_op1, [C_OPEN] = next_op1, [C_CLOSE] = next_op1, [C_BLANK] = next_gap, [C_GAP] = next_gap,
    [C_QUOTE] = next_str, [C_DOT] = next_op, [C_DIGIT] = next_int, [C_NAME] = next_name,
    [C_NAMEU] = next_slow};

bool sp_lex_next(sp_Lex *L, sp_Tok *t) {
    if (L->pending | L->at_bol) return lex_lines(L, t);
    const unsigned char *s = (const unsigned char *)L->src;
    size_t n = L->n, pos = L->pos;
    int cls;
    while ((cls = class_at(s, pos, n)) == C_BLANK) pos++;
    L->pos = pos;
    return next_fns[cls](L, t, s, pos, n);
}
