/* sp_lex.c - tokenizer (CPython 3.11 tokenizer.c semantics and messages).
 *
 * Linear in the input: every byte is looked at a bounded number of times.
 * Errors are raised as soon as the offending token is requested, as
 * CPython's tokenizer does, so an earlier parse error wins. */
#include <stdio.h>
#include <stdlib.h>

#include "sp_lex.h"
#include "sp_unidata.h"

static const char *const tok_names[T_COUNT_] = {
    "ENDMARKER", "NEWLINE", "INDENT", "DEDENT", "NAME", "NUMBER", "STRING",
    "(", ")", "[", "]", "{", "}", ":", ",", ";", "+", "-", "*", "/", "|", "&", "<", ">",
    "=", ".", "%", "==", "!=", "<=", ">=", "~", "^", "<<", ">>", "**", "+=", "-=", "*=",
    "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//", "//=", "@", "@=", "->",
    "...", ":=",
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
    "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
    "raise", "return", "try", "while", "with", "yield",
};

const char *sp_tok_name(int kind) {
    return kind >= 0 && kind < T_COUNT_ ? tok_names[kind] : "?";
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

static inline int cur(sp_Lex *L) { return L->pos < L->n ? (unsigned char)L->src[L->pos] : -1; }
static inline int peekc(sp_Lex *L, size_t k) {
    return L->pos + k < L->n ? (unsigned char)L->src[L->pos + k] : -1;
}

/* Byte classes, in the order sp_lex_next tests them: C_GAP bytes separate
 * tokens (comment, newline, continuation, and the end, cur() == -1), C_OP
 * starts an operator (or is an invalid character), and identifier bytes
 * are the digits and C_NAME: ASCII letters, '_' and every non-ASCII byte
 * (verify_identifier checks those).  Names are the most common tokens. */
enum { C_OP = 0, C_BLANK, C_GAP, C_DOT, C_QUOTE, C_DIGIT, C_NAME };
static const unsigned char byte_classes[128] = {
    ['\t'] = C_BLANK, ['\f'] = C_BLANK, [' '] = C_BLANK,
    ['\n'] = C_GAP, ['\r'] = C_GAP, ['#'] = C_GAP, ['\\'] = C_GAP,
    ['.'] = C_DOT, ['"'] = C_QUOTE, ['\''] = C_QUOTE,
    ['0'] = C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT,
    ['A'] = C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME,
    C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME,
    C_NAME, C_NAME, C_NAME,
    ['_'] = C_NAME,
    ['a'] = C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME,
    C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME, C_NAME,
    C_NAME, C_NAME, C_NAME};
static inline int byte_class(int c) { return c < 0 ? C_GAP : c < 128 ? byte_classes[c] : C_NAME; }
static inline bool is_id_char(int c) { return byte_class(c) >= C_DIGIT; }
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

static void tok_begin(sp_Lex *L, sp_Tok *t, int kind) {
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->start = L->pos;
    t->line = t->end_line = L->line;
    t->col = t->end_col = (int)(L->pos - L->line_start);
    t->level = L->level;
}
/* tok_begin for the tokens that tok_end completes, setting every field
 * without clearing the struct first (it runs for every token). */
static inline void tok_start(sp_Lex *L, sp_Tok *t) {
    t->kind = T_NAME;
    t->sub = 0;
    t->level = L->level;
    t->start = L->pos;
    t->line = L->line;
    t->col = (int)(L->pos - L->line_start);
}
static inline void tok_end(sp_Lex *L, sp_Tok *t) {
    t->end = L->pos;
    t->end_line = L->line;
    t->end_col = (int)(L->pos - L->line_start);
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

static COLD bool number_slow(sp_Lex *L, sp_Tok *t);

static inline bool lex_number(sp_Lex *L, sp_Tok *t) {
    t->kind = T_NUMBER;
    /* The common case, a decimal int without underscores, followed by
     * nothing that could continue a number: one scan, no checks. */
    size_t i = L->pos;
    while (i < L->n && is_digit((unsigned char)L->src[i])) i++;
    int next = i < L->n ? (unsigned char)L->src[i] : -1;
    if (i > L->pos && (L->src[L->pos] != '0' || i == L->pos + 1) && next != '.' && !is_id_char(next)) {
        L->pos = i;
        t->sub = SP_NUM_INT;
        return true;
    }
    return number_slow(L, t);
}

/* Every other number: floats, radix prefixes, underscores, errors. */
static COLD bool number_slow(sp_Lex *L, sp_Tok *t) {
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

/* Keywords by a perfect hash of the first and last bytes and the length
 * (every name is looked up here): one candidate, compared byte by byte. */
static const unsigned char kw_hash[128] = {
    [0] = T_BREAK, [11] = T_DEL, [17] = T_GLOBAL, [25] = T_FROM, [26] = T_NONLOCAL,
    [29] = T_LAMBDA, [32] = T_FINALLY, [34] = T_FALSE, [37] = T_IN, [39] = T_ASYNC, [41] = T_NONE,
    [42] = T_TRY, [47] = T_TRUE, [48] = T_AND, [50] = T_RETURN, [64] = T_ELSE, [66] = T_CONTINUE,
    [73] = T_DEF, [74] = T_YIELD, [75] = T_ELIF, [77] = T_IF, [78] = T_RAISE, [79] = T_FOR,
    [83] = T_WHILE, [84] = T_AS, [87] = T_OR, [89] = T_CLASS, [92] = T_IS, [98] = T_AWAIT,
    [99] = T_ASSERT, [101] = T_PASS, [103] = T_EXCEPT, [107] = T_IMPORT, [109] = T_NOT,
    [115] = T_WITH};

static int keyword(const char *s, size_t k) {
    if (k < 2 || k > 8) return T_NAME;
    unsigned h = ((unsigned char)s[0] + 11u * (unsigned char)s[k - 1] + (unsigned)k) & 127;
    int i = kw_hash[h];
    if (!i) return T_NAME;
    /* s holds no NUL: a shorter keyword fails on its terminator */
    const char *w = tok_names[i];
    for (size_t j = 0; j < k; j++)
        if (w[j] != s[j]) return T_NAME;
    return w[k] == 0 ? i : T_NAME;
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

static bool lex_end(sp_Lex *L, sp_Tok *t) {
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
    t->kind = keyword(L->src + s, L->pos - s);
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

/* Operators: the longest match (a C_OP byte c < 128 at pos). */
static inline bool lex_op(sp_Lex *L, sp_Tok *t, int c) {
    const char *s = L->src + L->pos;
    size_t avail = L->n - L->pos;
    int c1 = avail >= 2 ? s[1] : 0; /* the source holds no NUL */
    const OpKinds *o = &op_kinds[c];
    int k = o->one, len = 1;
    if (c1 == c || c1 == '=' || c1 == '>') { /* every longer operator */
        int c2 = avail >= 3 ? s[2] : 0;
        if (c1 == c && o->twice) {
            if (c2 == '=') k = o->twice_eq, len = 3;
            else k = o->twice, len = 2;
        } else if (c1 == '=' && o->eq) {
            k = o->eq, len = 2;
        } else if (c == '-' && c1 == '>') {
            k = T_RARROW, len = 2;
        } else if (c == '.' && c1 == '.' && c2 == '.') {
            k = T_ELLIPSIS, len = 3;
        }
    }
    if (!k) return bad_char(L, c);
    L->pos += (size_t)len;
    t->kind = k;
    _Static_assert(T_LPAR < T_RBRACE && T_RBRACE - T_LPAR == 5, "brackets come first among the operators");
    _Static_assert(T_LSQB - T_LPAR == 2 && T_LBRACE - T_LPAR == 4, "( [ { alternate with ) ] }");
    if (k > T_RBRACE) return true;
    /* the common bracket cases inline; limits and mismatches in bracket() */
    int lv = L->level;
    if (((k - T_LPAR) & 1) == 0) {
        if (lv >= SP_MAX_PAREN_DEPTH) return bracket(L, k);
        L->paren[lv] = (char)c;
        L->paren_line[lv] = L->line;
        L->paren_col[lv] = (int)(L->pos - 1 - L->line_start);
        L->level = lv + 1;
        return true;
    }
    if (lv <= (int)L->no_indent || L->paren[lv - 1] != (c == ')' ? '(' : c - 2)) return bracket(L, k);
    L->level = lv - 1;
    return true;
}

bool sp_lex_next(sp_Lex *L, sp_Tok *t) {
    int c, cls;
    for (;;) {
        /* at_bol is only set at bracket level 0 of a module lexer */
        if (L->pending | L->at_bol) {
            int r = line_start(L, t);
            if (r) return r > 0;
        }
        c = cur(L);
        while ((cls = byte_class(c)) == C_BLANK) c = (L->pos++, cur(L));
        if (cls != C_GAP) break;
        int r = lex_gap(L, t, c);
        if (r) return r > 0;
    }
    tok_start(L, t);
    L->line_has_tok = true;
    bool ok;
    switch (cls) {
    case C_NAME: ok = lex_name(L, t); break;
    case C_DIGIT: ok = lex_number(L, t); break;
    case C_QUOTE: t->kind = T_STRING; ok = lex_string(L, t); break;
    default: /* C_OP and C_DOT: one call site, so lex_op is inlined */
        ok = cls == C_DOT && is_digit(peekc(L, 1)) ? lex_number(L, t) : lex_op(L, t, c);
        break;
    }
    if (!ok) return false;
    tok_end(L, t);
    return true;
}
