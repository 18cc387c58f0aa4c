/* sp_parse.c - recursive-descent parser for Python 3.11 (CPython's grammar,
 * precedence and SyntaxError messages for the common mistakes).
 *
 * Tokens come from sp_lex.c through a growable lookahead queue (the match
 * soft keyword and parenthesized with-items need to look a line ahead).
 * Recursion over user input goes through enter()/leave(): a depth counter
 * (SP_MAX_AST_DEPTH, MemoryError as CPython's parser stack overflow) plus
 * the real-stack guard SP_ENTER.  Left-associative chains are loops. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "sp_lex.h"

typedef struct P {
    sp_VM *vm;
    sp_Arena *A;
    sp_Lex *L;
    sp_Tok *q;          /* lookahead queue: q[qh..qn) seen, q[qn..qb) lexed ahead */
    sp_Tok *tok;        /* the current token q[qh], NULL until lexed (sync_tok) */
    sp_Tok *q0;         /* its first buffer, in the arena (a bigger one is on the heap) */
    size_t qh, qn, qb, qcap;
    size_t qlim;        /* q[qn..qlim) can be seen without a poll (see_ahead) */
    unsigned ntok;      /* tokens lexed (polls the limits) */
    int pend_line, pend_col; /* end of the last consumed token (fin) */
    sp_Tok endtok;      /* returned after an error */
    int depth;
    int fdepth;         /* inside f-string expressions */
    bool no_comma_hint; /* parsing the 2nd expression of "a b" */
    bool in_call_args;  /* the next named_expression is a call argument */
    bool failed;
} P;

typedef struct Vec {
    sp_Node **items;
    size_t n, cap;
} Vec;

#if defined(__GNUC__)
#define COLD __attribute__((noinline))
#define HOT_INLINE inline __attribute__((always_inline))
#else
#define COLD
#define HOT_INLINE inline
#endif

#define TRY(x) do { if (!(x)) return NULL; } while (0)
#define TRYB(x) do { if (!(x)) return false; } while (0)
#define PARENS 1 /* sp_Node.pad_ bit */

static sp_Node *expression(P *p);
static sp_Node *named_expression(P *p);
static sp_Node *star_expressions(P *p);
static sp_Node *star_named_expression(P *p);
static sp_Node *bitor(P *p);
static sp_Node *disjunction(P *p);
static sp_Node *yield_expr(P *p);
static sp_Node *primary(P *p);
static sp_Node *strings(P *p);
static sp_Node *pattern(P *p);
static bool block(P *p, sp_NodeList *out, const char *what, int line);
static bool statement(P *p, Vec *out);
static sp_Node *group_body(P *p, int close, int line, int col);
static void *ferr(P *p, const sp_Tok *tok, size_t pos, const char *msg);

/* ------------------------------------------------------------- errors */

static void *verr(P *p, sp_Type *type, int line, int col, int eline, int ecol,
                  const char *fmt, va_list ap) {
    if (p->failed) return NULL;
    p->failed = true;
    char msg[512];
    int k = 0;
    if (p->fdepth > 0) k = snprintf(msg, sizeof msg, "f-string: ");
    vsnprintf(msg + k, sizeof msg - (size_t)k, fmt, ap);
    sp_lex_raise(p->L, type, line, col, eline, ecol, "%s", msg);
    return NULL;
}

static void *err_at(P *p, int line, int col, int eline, int ecol, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verr(p, &sp_t_SyntaxError, line, col, eline, ecol, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *err_node(P *p, const sp_Node *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verr(p, &sp_t_SyntaxError, n->lineno, n->col, n->end_lineno, n->end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *err_tok(P *p, const sp_Tok *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verr(p, &sp_t_SyntaxError, t->line, t->col, sp_tok_end_line(t), sp_tok_end_col(t), fmt, ap);
    va_end(ap);
    return NULL;
}

static void *err_indent(P *p, int line, int col, int eline, int ecol, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verr(p, &sp_t_IndentationError, line, col, eline, ecol, fmt, ap);
    va_end(ap);
    return NULL;
}

/* Lexer errors are raised by sp_lex.c; remember that one is pending. */
static void lex_failed(P *p) { p->failed = true; }

/* ------------------------------------------------------------- tokens */

/* The queue: q[qh..qn) are the tokens the parser has seen (q[qh] is the
 * current one), q[qn..qb) were lexed ahead and not yet seen.  Lexing
 * ahead (sp_lex_ahead) fills the queue with runs of the common tokens in
 * one call; a token is only "seen" (charged to the limits) when the parser
 * first asks for it, and sp_lex_ahead never fails, so lexer errors and
 * limit checks happen exactly where they would lexing one token at a time. */

/* Room to lex at the end of the full queue: slide the unread tokens to the
 * front, or grow (only when as many tokens as the queue holds are seen:
 * a long lookahead). */
static COLD bool queue_room(P *p) {
    if (p->qh > 0) {
        memmove(p->q, p->q + p->qh, (p->qb - p->qh) * sizeof *p->q);
        p->qn -= p->qh;
        p->qb -= p->qh;
        p->qh = 0;
        return true;
    }
    size_t nc = p->qcap ? p->qcap * 2 : 16, bytes; /* f-string fields start empty */
    if (!sp_size_mul(p->vm, nc, sizeof *p->q, &bytes)) return false;
    bool first = p->q == p->q0;
    sp_Tok *nq = sp_realloc(p->vm, first ? NULL : p->q, first ? 0 : p->qcap * sizeof *p->q, bytes);
    if (!nq) return false;
    if (first) memcpy(nq, p->q0, p->qcap * sizeof *p->q);
    p->q = nq;
    p->qcap = nc;
    return true;
}

/* tok is q[qh], the current token, or NULL when the queue is empty: the
 * parser reads the current token a few times per token (every level
 * checks it), so that is a load.  Tokens are seen on first use, so a
 * lexer error never hides an earlier parse error. */
static inline void sync_tok(P *p) { p->tok = p->qh < p->qn ? &p->q[p->qh] : NULL; }

/* qlim: tokens lexed ahead that the parser can see with no poll due
 * (advance sees them inline).  Set by lex_more and fstring_expr, the only
 * places besides see_next that change qn, qb or ntok. */
static inline void see_ahead(P *p) {
    unsigned r = p->ntok & 15, free = r ? 16 - r : 0;
    p->qlim = p->qn + (p->qb - p->qn < free ? p->qb - p->qn : free);
}

/* See the next token lexed ahead if no poll is due (inline, no call). */
static inline bool see_next(P *p) {
    if (p->qn >= p->qlim || p->failed) return false;
    p->ntok++;
    p->qn++;
    return true;
}

/* Lex at q[qb] (there is room): a run of tokens, or one by sp_lex_next
 * and the run after it. */
static bool lex_ahead(P *p) {
    sp_Tok *q = p->q + p->qb;
    size_t room = p->qcap - p->qb, k = sp_lex_ahead(p->L, q, room);
    if (!k) { /* a line start or end, or a token that needs more work: then the rest of a line */
        if (!sp_lex_next(p->L, q++)) return false;
        k = sp_lex_ahead(p->L, q, room - 1);
        p->qb++;
    }
    sp_tok_cols(q, k);
    p->qb += k;
    return true;
}

/* See one more token at the end of the queue.  Each token is a unit of
 * work for the limits (as a loop iteration in C code), charged 16 at a
 * time: a token costs far less than a poll. */
static bool lex_more(P *p) {
    if (p->failed) return false;
    bool ok = (p->qn < p->qb || p->qb < p->qcap || queue_room(p)) &&
              ((p->ntok++ & 15) != 0 || sp_check_limits_n(p->vm, 16)) && (p->qn < p->qb || lex_ahead(p));
    if (ok) p->qn++;
    else lex_failed(p);
    sync_tok(p); /* queue_room may have moved the queue */
    see_ahead(p);
    return ok;
}

/* The current token of an empty queue: the next token lexed ahead, or
 * lexed into q[0] of the reset queue. */
static sp_Tok *lex_cur(P *p) {
    if (see_next(p)) return p->tok = &p->q[p->qh];
    if (p->qn == p->qb) p->qh = p->qn = p->qb = 0;
    return lex_more(p) ? p->tok : &p->endtok;
}

static sp_Tok *peekn(P *p, size_t k) {
    while (p->qn - p->qh <= k)
        if (!see_next(p) && !lex_more(p)) return &p->endtok;
    return &p->q[p->qh + k];
}

static inline sp_Tok *peek(P *p) { return p->tok ? p->tok : lex_cur(p); }
static inline int kind(P *p) { return peek(p)->kind; }
static inline bool at(P *p, int k) { return kind(p) == k; }

/* Only the end of the consumed token is kept (for fin): code that needs
 * more of it reads the token before advancing. */
static HOT_INLINE void advance(P *p) {
    sp_Tok *t = peek(p);
    p->pend_line = sp_tok_end_line(t);
    p->pend_col = sp_tok_end_col(t);
    if (p->qh < p->qn) p->qh++;
    p->tok = p->qh < p->qn || see_next(p) ? &p->q[p->qh] : NULL;
}

static inline bool accept(P *p, int k) {
    if (!at(p, k)) return false;
    advance(p);
    return true;
}

/* Is the NAME token t the identifier s? */
static bool tok_is(P *p, const sp_Tok *t, const char *s) {
    size_t k = strlen(s);
    return t->kind == T_NAME && t->end - t->start == k && memcmp(p->L->src + t->start, s, k) == 0;
}

/* CPython's _PyPegen_set_syntax_error: the generic message for the token
 * where parsing stopped. */
static COLD void *generic(P *p) {
    sp_Tok *t = peek(p);
    if (p->failed) return NULL;
    if (t->kind == T_INDENT)
        return err_indent(p, t->line, t->col, t->line, -1, "unexpected indent");
    if (t->kind == T_DEDENT)
        return err_indent(p, t->line, t->col, t->line, -1, "unexpected unindent");
    if (t->kind == T_END && p->L->level > (p->L->no_indent ? 1 : 0)) {
        int l = p->L->level - 1;
        return err_at(p, p->L->paren_line[l], p->L->paren_col[l], p->L->paren_line[l], -1,
                      "'%c' was never closed", p->L->paren[l]);
    }
    if (t->kind == T_END && p->fdepth == 0 && t->col == 0 && t->line > 1)
        return err_at(p, t->line, 0, t->line, 0, "invalid syntax");
    return err_tok(p, t, "invalid syntax");
}

static bool expect(P *p, int k) {
    if (accept(p, k)) return true;
    generic(p);
    return false;
}

/* A forced token (CPython's &&): "expected 'x'". */
static bool expect_forced(P *p, int k) {
    if (accept(p, k)) return true;
    sp_Tok *t = peek(p);
    err_tok(p, t, "expected '%s'", sp_tok_name(k));
    return false;
}

/* ------------------------------------------------------------- depth */

static bool enter(P *p) {
    if (++p->depth > SP_MAX_AST_DEPTH) {
        p->depth--;
        if (!p->failed) {
            p->failed = true;
            sp_raise_args(p->vm, &sp_t_MemoryError, sp_objv(&sp_empty_tuple));
        }
        return false;
    }
    if (!SP_ENTER(p->vm)) {
        p->depth--;
        p->failed = true;
        return false;
    }
    return true;
}

static void leave(P *p) {
    p->depth--;
    SP_LEAVE(p->vm);
}

/* ------------------------------------------------------------- nodes */

/* Every node has the full size: a constant-size clear is a few stores,
 * cheaper than a size lookup and a memset call. */
static sp_Node *mk(P *p, int k, int line, int col) {
    sp_Node *n = sp_arena_raw(p->A, sizeof *n);
    if (!n) {
        p->failed = true;
        return NULL;
    }
#if defined(__GNUC__)
    n = __builtin_assume_aligned(n, 16); /* arena blocks are */
#endif
    /* two halves: gcc clears each with 16-byte stores (one memset of the
     * whole node becomes a `rep stos`, ~20 instructions more per node) */
    _Static_assert(sizeof *n > 64 && sizeof *n <= 128, "node size");
    memset(n, 0, 64);
    memset((char *)n + 64, 0, sizeof *n - 64);
    n->kind = (uint16_t)k;
    n->lineno = n->end_lineno = line;
    n->col = n->end_col = col;
    return n;
}

static inline sp_Node *mkt(P *p, int k, const sp_Tok *t) { return mk(p, k, t->line, t->col); }

/* New node of kind k starting where `from` starts. */
static inline sp_Node *mkn(P *p, int k, const sp_Node *from) { return mk(p, k, from->lineno, from->col); }

static sp_Node *fin(P *p, sp_Node *n) {
    if (n) {
        n->end_lineno = p->pend_line;
        n->end_col = p->pend_col;
    }
    return n;
}

static void end_as(sp_Node *n, const sp_Node *last) {
    n->end_lineno = last->end_lineno;
    n->end_col = last->end_col;
}

static COLD bool vgrow(P *p, Vec *v) {
    /* no overflow: cap items were allocated already (the arena refuses
     * sizes over SP_MAX_ALLOC) */
    size_t nc = v->cap ? v->cap * 2 : 4;
    sp_Node **ni = sp_arena_raw(p->A, nc * sizeof *ni);
    if (!ni) return p->failed = true, false;
    if (v->n) memcpy(ni, v->items, v->n * sizeof *ni);
    v->items = ni;
    v->cap = nc;
    return true;
}

static bool vpush(P *p, Vec *v, sp_Node *x) {
    if (v->n == v->cap && !vgrow(p, v)) return false;
    v->items[v->n++] = x;
    return true;
}

static sp_NodeList vlist(Vec *v) {
    sp_NodeList l;
    l.items = v->items;
    l.n = v->n;
    return l;
}

static const char *tok_str(P *p, const sp_Tok *t) {
    size_t n = t->end - t->start; /* a token is shorter than SP_MAX_ALLOC */
    char *s = sp_arena_raw(p->A, n + 1);
    if (!s) return p->failed = true, NULL;
    const char *src = p->L->src + t->start;
    if (n <= 8) { /* most names: a few byte moves beat a memcpy call */
        for (size_t i = 0; i < n; i++) s[i] = src[i];
    } else {
        memcpy(s, src, n);
    }
    s[n] = 0;
    return s;
}

static const char *expect_name(P *p) {
    if (!at(p, T_NAME)) return generic(p);
    const char *s = tok_str(p, peek(p));
    advance(p);
    return s;
}

static sp_Node *name_node(P *p, const sp_Tok *t, int ctx) {
    sp_Node *n = mkt(p, SP_N_NAME, t);
    TRY(n);
    TRY(n->u.name.id = tok_str(p, t));
    n->ctx = (uint8_t)ctx;
    n->end_lineno = sp_tok_end_line(t);
    n->end_col = sp_tok_end_col(t);
    return n;
}

/* ------------------------------------------------------------- targets */

/* CPython's _PyPegen_get_expr_name. */
static const char *expr_name(const sp_Node *e) {
    switch (e->kind) {
    case SP_N_ATTRIBUTE: return "attribute";
    case SP_N_SUBSCRIPT: return "subscript";
    case SP_N_STARRED: return "starred";
    case SP_N_NAME: return "name";
    case SP_N_LIST: return "list";
    case SP_N_TUPLE: return "tuple";
    case SP_N_LAMBDA: return "lambda";
    case SP_N_CALL: return "function call";
    case SP_N_BOOLOP: case SP_N_BINOP: case SP_N_UNARYOP: return "expression";
    case SP_N_GENERATOREXP: return "generator expression";
    case SP_N_YIELD: case SP_N_YIELDFROM: return "yield expression";
    case SP_N_AWAIT: return "await expression";
    case SP_N_LISTCOMP: return "list comprehension";
    case SP_N_SETCOMP: return "set comprehension";
    case SP_N_DICTCOMP: return "dict comprehension";
    case SP_N_DICT: return "dict literal";
    case SP_N_SET: return "set display";
    case SP_N_JOINEDSTR: case SP_N_FORMATTEDVALUE: return "f-string expression";
    case SP_N_CONSTANT:
        switch (e->u.constant.kind) {
        case SP_CONST_NONE: return "None";
        case SP_CONST_TRUE: return "True";
        case SP_CONST_FALSE: return "False";
        case SP_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case SP_N_COMPARE: return "comparison";
    case SP_N_IFEXP: return "conditional expression";
    case SP_N_NAMEDEXPR: return "named expression";
    default: return "expression";
    }
}

/* The first sub-expression of a target that cannot be assigned/deleted
 * (CPython's _PyPegen_get_invalid_target), or NULL if e is valid. */
static const sp_Node *invalid_target(const sp_Node *e, bool del) {
    for (;;) {
        switch (e->kind) {
        case SP_N_LIST: case SP_N_TUPLE:
            for (size_t i = 0; i < e->u.seq.elts.n; i++) {
                const sp_Node *b = invalid_target(e->u.seq.elts.items[i], del);
                if (b) return b;
            }
            return NULL;
        case SP_N_STARRED:
            if (del) return e;
            e = e->u.starred.value;
            continue;
        case SP_N_NAME: case SP_N_ATTRIBUTE: case SP_N_SUBSCRIPT:
            return NULL;
        default:
            return e;
        }
    }
}

static bool forbidden_name(P *p, const sp_Node *n) {
    const char *id = n->u.name.id;
    if (id[0] == '_' && strcmp(id, "__debug__") == 0) {
        err_node(p, n, "cannot assign to __debug__");
        return true;
    }
    return false;
}

/* Set ctx on a valid target tree (iterative over the spine, recursive only
 * into List/Tuple elements which were built under the depth guard). */
static bool set_ctx(P *p, sp_Node *e, int ctx) {
    for (;;) {
        e->ctx = (uint8_t)ctx;
        if (e->kind == SP_N_NAME) return ctx == SP_CTX_LOAD || !forbidden_name(p, e);
        if (e->kind == SP_N_STARRED) {
            e = e->u.starred.value;
            continue;
        }
        if (e->kind == SP_N_LIST || e->kind == SP_N_TUPLE) {
            TRYB(enter(p));
            bool ok = true;
            for (size_t i = 0; ok && i < e->u.seq.elts.n; i++) ok = set_ctx(p, e->u.seq.elts.items[i], ctx);
            leave(p);
            return ok;
        }
        return true;
    }
}

/* Validate and convert an expression into an assignment (or del) target. */
static bool to_target(P *p, sp_Node *e, int ctx) {
    const sp_Node *bad = invalid_target(e, ctx == SP_CTX_DEL);
    if (bad) {
        err_node(p, bad, ctx == SP_CTX_DEL ? "cannot delete %s" : "cannot assign to %s", expr_name(bad));
        return false;
    }
    return set_ctx(p, e, ctx);
}

/* ------------------------------------------------------------- numbers */

/* The digits of the NUMBER token s[0, len) of kind sub into d (room for
 * len + 1), without a 0x/0o/0b prefix or underscores and NUL-terminated:
 * their count, and *base.  Shared with sp_qc.c. */
size_t sp_numlit_digits(const char *s, size_t len, int sub, char *d, int *base) {
    size_t k = 0, i = 0;
    *base = 10;
    if (sub == SP_NUM_INT && len > 1 && s[0] == '0') {
        int c = s[1] | 0x20;
        *base = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 10;
        if (*base != 10) i = 2;
    }
    for (; i < len; i++)
        if (s[i] != '_') d[k++] = s[i];
    d[k] = 0;
    return k;
}

static COLD sp_Node *number(P *p) {
    const sp_Tok *t = peek(p);
    if (t->sub == SP_NUM_IMAG) {
        sp_Tok c = *t;
        advance(p);
        return err_tok(p, &c, "complex numbers are not supported");
    }
    sp_Node *n = mkt(p, SP_N_CONSTANT, t);
    TRY(n);
    int sub = t->sub;
    const char *s = p->L->src + t->start;
    size_t len = t->end - t->start;
    advance(p);
    fin(p, n);
    char *d = sp_arena_raw(p->A, len + 1);
    if (!d) return p->failed = true, NULL;
    int base;
    size_t k = sp_numlit_digits(s, len, sub, d, &base);
    if (sub == SP_NUM_FLOAT) {
        n->u.constant.kind = SP_CONST_FLOAT;
        n->u.constant.f = strtod(d, NULL); /* overflow gives inf, as CPython */
    } else {
        n->u.constant.kind = SP_CONST_INT;
        n->u.constant.base = base;
    }
    n->u.constant.s = d;
    n->u.constant.len = k;
    return n;
}

/* ------------------------------------------------------------- strings */

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static size_t put_utf8(char *o, uint32_t cp) {
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decode the literal text s[0..n) (escapes unless raw, \r\n -> \n) into o,
 * which has room for n bytes (decoding never grows).  tok locates errors.
 * Returns the output length or (size_t)-1 on error. */
/* The text of a string literal's body s[0, n) (flags: SP_STR_*) into o,
 * which has room for n bytes; (size_t)-1 on an invalid escape, with the
 * message (CPython's) in msg (160 bytes) and *whole set when it is about
 * the whole token rather than an escape.  Shared with sp_qc.c. */
size_t sp_strlit_decode(const char *s, size_t n, int flags, char *o, char *msg, bool *whole) {
    bool raw = flags & SP_STR_RAW, bytes = flags & SP_STR_BYTES;
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (bytes && c >= 0x80) {
            snprintf(msg, 160, "bytes can only contain ASCII literal characters");
            *whole = true;
            return (size_t)-1;
        }
        if (c == '\r') {
            o[k++] = '\n';
            i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (c != '\\' || raw) {
            o[k++] = (char)c;
            i++;
            continue;
        }
        if (raw) {
            o[k++] = '\\';
            i++;
            continue;
        }
        size_t esc = i;
        i++;
        int e = i < n ? (unsigned char)s[i++] : -1;
        uint32_t cp = 0;
        int digits = 0;
        const char *what = NULL;
        switch (e) {
        case '\n': continue;
        case '\r': if (i < n && s[i] == '\n') i++; continue;
        case '\\': o[k++] = '\\'; continue;
        case '\'': o[k++] = '\''; continue;
        case '"': o[k++] = '"'; continue;
        case 'a': o[k++] = '\a'; continue;
        case 'b': o[k++] = '\b'; continue;
        case 'f': o[k++] = '\f'; continue;
        case 'n': o[k++] = '\n'; continue;
        case 'r': o[k++] = '\r'; continue;
        case 't': o[k++] = '\t'; continue;
        case 'v': o[k++] = '\v'; continue;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            cp = (uint32_t)(e - '0');
            for (int j = 0; j < 2 && i < n && s[i] >= '0' && s[i] <= '7'; j++) cp = cp * 8 + (uint32_t)(s[i++] - '0');
            if (bytes) o[k++] = (char)(cp & 0xFF);
            else k += put_utf8(o + k, cp);
            continue;
        case 'x': digits = 2; what = "truncated \\xXX escape"; break;
        case 'u': digits = bytes ? 0 : 4; what = "truncated \\uXXXX escape"; break;
        case 'U': digits = bytes ? 0 : 8; what = "truncated \\UXXXXXXXX escape"; break;
        case 'N':
            if (!bytes) {
                snprintf(msg, 160, "\\N{...} escapes are not supported");
                *whole = false;
                return (size_t)-1;
            }
            break;
        default: break;
        }
        if (!digits) { /* unknown escape: kept as is */
            o[k++] = '\\';
            i = esc + 1;
            continue;
        }
        for (int j = 0; j < digits; j++) {
            int h = i < n ? hexval((unsigned char)s[i]) : -1;
            if (h < 0) {
                snprintf(msg, 160, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s",
                         (int)esc, (int)(i - 1 < esc ? esc : i - 1), what);
                *whole = false;
                return (size_t)-1;
            }
            cp = cp * 16 + (uint32_t)h;
            i++;
        }
        if (bytes) {
            o[k++] = (char)cp;
        } else if (cp > 0x10FFFF) {
            snprintf(msg, 160, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: "
                     "illegal Unicode character", (int)esc, (int)(i - 1));
            *whole = false;
            return (size_t)-1;
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            snprintf(msg, 160, "(unicode error) surrogate code points are not supported");
            *whole = false;
            return (size_t)-1;
        } else {
            k += put_utf8(o + k, cp);
        }
    }
    return k;
}

static size_t decode(P *p, const sp_Tok *tok, const char *s, size_t n, int flags, char *o) {
    char msg[160];
    bool whole = false;
    size_t k = sp_strlit_decode(s, n, flags, o, msg, &whole);
    if (k == (size_t)-1) whole ? err_tok(p, tok, "%s", msg) : ferr(p, tok, 0, msg);
    return k;
}

/* Growable byte buffer in the arena for the concatenated literal text. */
typedef struct Text {
    char *s;
    size_t n, cap;
} Text;

static bool text_reserve(P *p, Text *t, size_t extra) {
    if (t->cap - t->n > extra) return true;
    size_t nc = t->cap * 2 + extra + 16;
    if (nc < t->cap || nc > SP_MAX_ALLOC) return p->failed = true, sp_nomem(p->vm), false;
    char *ns = sp_arena_raw(p->A, nc);
    if (!ns) return p->failed = true, false;
    if (t->n) memcpy(ns, t->s, t->n);
    t->s = ns;
    t->cap = nc;
    return true;
}

static bool text_decode(P *p, Text *t, const sp_Tok *tok, const char *s, size_t n, int flags) {
    TRYB(text_reserve(p, t, n + 1));
    size_t k = decode(p, tok, s, n, flags, t->s + t->n);
    if (k == (size_t)-1) return false;
    t->n += k;
    t->s[t->n] = 0;
    return true;
}

static sp_Node *str_const(P *p, const sp_Tok *t, Text *txt, int kind, int flags) {
    sp_Node *c = mkt(p, SP_N_CONSTANT, t);
    TRY(c);
    if (!txt->s) {
        TRY(text_reserve(p, txt, 1));
        txt->s[0] = 0;
    }
    c->u.constant.kind = kind;
    c->u.constant.flags = flags;
    c->u.constant.s = txt->s;
    c->u.constant.len = txt->n;
    return c;
}

/* f-string state: the JoinedStr values being built plus pending text. */
typedef struct FStr {
    Vec parts;
    Text lit;
    const sp_Tok *tok;
    int uflag;
} FStr;

static bool fs_flush(P *p, FStr *f) {
    if (f->lit.n == 0) return true;
    sp_Node *c = str_const(p, f->tok, &f->lit, SP_CONST_STR, SP_CONSTF_FSTRING | f->uflag);
    TRYB(c);
    memset(&f->lit, 0, sizeof f->lit);
    return vpush(p, &f->parts, c);
}

/* Line and line start of byte offset `pos` inside token tok (shared). */
void sp_tok_pos_line(const char *src, const sp_Tok *tok, size_t pos, int *line, size_t *ls) {
    int l = tok->line;
    size_t start = tok->start - (size_t)tok->col;
    for (size_t i = tok->start; i < pos; i++) {
        if (src[i] == '\n' || (src[i] == '\r' && (i + 1 >= pos || src[i + 1] != '\n'))) {
            l++;
            start = i + 1;
        }
    }
    *line = l;
    *ls = start;
}

/* f-string and escape errors: CPython 3.11 reports them just past the
 * end of the string token. */
static void *ferr(P *p, const sp_Tok *tok, size_t pos, const char *msg) {
    (void)pos;
    int fd = p->fdepth;
    p->fdepth = 0; /* msg already has its prefix */
    err_at(p, sp_tok_end_line(tok), sp_tok_end_col(tok), sp_tok_end_line(tok), sp_tok_end_col(tok), "%s", msg);
    p->fdepth = fd;
    return NULL;
}

/* Parse the expression text src[s..e) of an f-string field. */
static sp_Node *fstring_expr(P *p, const sp_Tok *tok, size_t s, size_t e) {
    int line;
    size_t ls;
    sp_tok_pos_line(p->L->src, tok, s, &line, &ls);
    sp_Lex sub, *saveL = p->L;
    sp_Tok *sq = p->q, *stok = p->tok;
    size_t sh = p->qh, sn = p->qn, sb = p->qb, sc = p->qcap;
    int spl = p->pend_line, spc = p->pend_col;
    sp_lex_init_sub(&sub, saveL, s, e, line, ls);
    p->L = &sub;
    p->q = p->tok = NULL;
    p->qh = p->qn = p->qb = p->qcap = p->qlim = 0;
    p->fdepth++;
    sp_Node *r = group_body(p, T_END, line, (int)(s - ls));
    if (r && !at(p, T_END)) r = generic(p);
    p->fdepth--;
    if (p->q != p->q0) sp_free(p->vm, p->q, p->qcap * sizeof *p->q);
    p->L = saveL;
    p->q = sq;
    p->tok = stok;
    p->qh = sh;
    p->qn = sn;
    p->qb = sb;
    p->qcap = sc;
    see_ahead(p); /* the field's tokens counted too */
    p->pend_line = spl;
    p->pend_col = spc;
    return r;
}

/* ------------------------------------------------------------- f-strings
 *
 * sp_fs_walk scans an f-string body once for both compilers: the parser
 * builds JoinedStr nodes from what it reports, sp_qc.c emits code.  It
 * reports literal text (undecoded), doubled braces, and for each field its
 * expression, then its format spec body (to walk again one level down),
 * then the field as a whole; every error is CPython's message, reported
 * in CPython's order (an expression's own errors before the conversion's). */

static bool fs_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* The end of the expression of the field at i (CPython's
 * fstring_find_expr); NULL or the error message. */
static const char *fs_expr_end(const char *src, size_t i, size_t e, size_t *xe, char *msg) {
    char stack[SP_MAX_PAREN_DEPTH];
    int depth = 0, quote = 0, qlen = 0;
    for (; i < e; i++) {
        char c = src[i];
        if (c == '\\') return "f-string expression part cannot include a backslash";
        if (quote) {
            if (c == quote && (qlen == 1 || (i + 2 < e && src[i + 1] == c && src[i + 2] == c))) {
                i += (size_t)qlen - 1;
                quote = 0;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            qlen = (i + 2 < e && src[i + 1] == c && src[i + 2] == c) ? 3 : 1;
            i += (size_t)qlen - 1;
            continue;
        }
        if (c == '[' || c == '(' || c == '{') {
            if (depth >= SP_MAX_PAREN_DEPTH) return "f-string: too many nested parenthesis";
            stack[depth++] = c;
            continue;
        }
        if (c == '#') return "f-string expression part cannot include '#'";
        if (depth == 0 && (c == '!' || c == ':' || c == '}' || c == '=' || c == '>' || c == '<')) {
            if (i + 1 < e && src[i + 1] == '=' && c != ':' && c != '}') {
                i++;
                continue;
            }
            if (c == '>' || c == '<') continue;
            break;
        }
        if (c == ']' || c == ')' || c == '}') {
            if (!depth) return snprintf(msg, 160, "f-string: unmatched '%c'", c), msg;
            char o = stack[--depth];
            if ((o == '(' && c != ')') || (o == '[' && c != ']') || (o == '{' && c != '}')) {
                snprintf(msg, 160, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
                return msg;
            }
        }
    }
    if (quote) return "f-string: unterminated string";
    if (depth) return snprintf(msg, 160, "f-string: unmatched '%c'", stack[depth - 1]), msg;
    if (i >= e) return "f-string: expecting '}'";
    *xe = i;
    return NULL;
}

/* The field whose expression starts at *pos (after '{'); *pos ends after
 * its closing '}'. */
static bool fs_field(const char *src, size_t *pos, size_t e, int flags, int lvl, const sp_FsVisit *v) {
    char msg[160];
    size_t xs = *pos, i;
    if (lvl >= 2) return v->error(v->ctx, "f-string: expressions nested too deeply");
    const char *err = fs_expr_end(src, xs, e, &i, msg);
    if (err) return v->error(v->ctx, err);
    size_t k = xs;
    while (k < i && fs_blank(src[k])) k++;
    if (k == i) {
        if (src[i] == '!') return v->error(v->ctx, "f-string: expression required before '!'");
        if (src[i] == ':') return v->error(v->ctx, "f-string: expression required before ':'");
        if (src[i] == '=') return v->error(v->ctx, "f-string: expression required before '='");
        return v->error(v->ctx, "f-string: empty expression not allowed");
    }
    if (!v->expr(v->ctx, xs, i)) return false;
    size_t doc = 0; /* f'{x = }': the text "x = " is kept, verbatim */
    if (src[i] == '=') {
        for (i++; i < e && fs_blank(src[i]); i++) {}
        doc = i;
        if (i >= e) return v->error(v->ctx, "f-string: expecting '}'");
    }
    int conv = -1;
    if (src[i] == '!') {
        if (++i >= e) return v->error(v->ctx, "f-string: expecting '}'");
        conv = (unsigned char)src[i];
        if (conv != 's' && conv != 'r' && conv != 'a')
            return v->error(v->ctx, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        if (++i >= e || (src[i] != ':' && src[i] != '}')) return v->error(v->ctx, "f-string: expecting '}'");
    }
    bool spec = i < e && src[i] == ':';
    if (spec) { /* the spec ends at the matching '}' (fields inside are balanced) */
        size_t ss = ++i;
        for (int d = 0; i < e && (src[i] != '}' || d > 0); i++) d += src[i] == '{' ? 1 : src[i] == '}' ? -1 : 0;
        if (!v->spec(v->ctx, ss, i, flags, lvl + 1)) return false;
    }
    if (i >= e || src[i] != '}') return v->error(v->ctx, "f-string: expecting '}'");
    *pos = i + 1;
    if (doc && conv == -1 && !spec) conv = 'r';
    return v->field(v->ctx, xs, doc, conv, spec);
}

/* Literal text and fields of src[s..e) (CPython's fstring_find_literal). */
bool sp_fs_walk(const char *src, size_t s, size_t e, int flags, int lvl, const sp_FsVisit *v) {
    size_t i = s;
    while (i < e) {
        size_t ls = i;
        while (i < e && src[i] != '{' && src[i] != '}') {
            if (src[i] == '\\' && !(flags & SP_STR_RAW) && i + 1 < e) {
                if (src[i + 1] == 'N' && i + 2 < e && src[i + 2] == '{')
                    return v->error(v->ctx, "\\N{...} escapes are not supported");
                if (src[i + 1] != '{' && src[i + 1] != '}') i++; /* "\{" still opens a field */
            }
            i++;
        }
        if (!v->text(v->ctx, src + ls, i - ls, flags)) return false;
        if (i >= e) break;
        char c = src[i];
        if (i + 1 < e && src[i + 1] == c && lvl == 0) { /* {{ or }} */
            if (!v->text(v->ctx, src + i, 1, SP_STR_RAW)) return false;
            i += 2;
            continue;
        }
        if (c == '}') return v->error(v->ctx, "f-string: single '}' is not allowed");
        i++;
        if (!fs_field(src, &i, e, flags, lvl, v)) return false;
    }
    return true;
}

/* The parser's side: JoinedStr values into an FStr. */
typedef struct FsCtx {
    P *p;
    FStr *f;
    const sp_Tok *tok;
    sp_Node *x, *spec; /* the field being built */
} FsCtx;

static bool fs_text(void *ctx, const char *s, size_t n, int flags) {
    FsCtx *fc = ctx;
    return text_decode(fc->p, &fc->f->lit, fc->tok, s, n, flags);
}

static bool fs_error(void *ctx, const char *msg) {
    FsCtx *fc = ctx;
    ferr(fc->p, fc->tok, 0, msg);
    return false;
}

static bool fs_expr(void *ctx, size_t xs, size_t xe) {
    FsCtx *fc = ctx;
    return (fc->x = fstring_expr(fc->p, fc->tok, xs, xe)) != NULL;
}

static bool fstring_body(P *p, FStr *f, const sp_Tok *tok, size_t s, size_t e, int flags, int lvl);

static bool fs_spec(void *ctx, size_t ss, size_t se, int flags, int lvl) {
    FsCtx *fc = ctx;
    P *p = fc->p;
    FStr sf;
    memset(&sf, 0, sizeof sf);
    sf.tok = fc->tok;
    sp_Node *x = fc->x;
    TRYB(enter(p));
    bool ok = fstring_body(p, &sf, fc->tok, ss, se, flags, lvl) && fs_flush(p, &sf);
    leave(p);
    TRYB(ok);
    TRYB(fc->spec = mk(p, SP_N_JOINEDSTR, x->lineno, x->col));
    fc->spec->u.joined.values = vlist(&sf.parts);
    return true;
}

static bool fs_done(void *ctx, size_t xs, size_t doc, int conv, bool spec) {
    FsCtx *fc = ctx;
    P *p = fc->p;
    FStr *f = fc->f;
    const sp_Tok *tok = fc->tok;
    if (doc) { /* the "x=" text comes before the value */
        TRYB(text_reserve(p, &f->lit, doc - xs + 1));
        memcpy(f->lit.s + f->lit.n, p->L->src + xs, doc - xs);
        f->lit.n += doc - xs;
        f->lit.s[f->lit.n] = 0;
    }
    TRYB(fs_flush(p, f));
    sp_Node *fv = mk(p, SP_N_FORMATTEDVALUE, tok->line, tok->col);
    TRYB(fv);
    fv->end_lineno = sp_tok_end_line(tok);
    fv->end_col = sp_tok_end_col(tok);
    fv->u.formatted.value = fc->x;
    fv->u.formatted.conversion = conv;
    fv->u.formatted.format_spec = spec ? fc->spec : NULL;
    fc->x = fc->spec = NULL;
    return vpush(p, &f->parts, fv);
}

static bool fstring_body(P *p, FStr *f, const sp_Tok *tok, size_t s, size_t e, int flags, int lvl) {
    FsCtx fc = {p, f, tok, NULL, NULL};
    sp_FsVisit v = {&fc, fs_text, fs_expr, fs_spec, fs_done, fs_error};
    return sp_fs_walk(p->L->src, s, e, flags, lvl, &v);
}

/* The text between the quotes of STRING token t: after the prefix letters
 * and the quotes (the lexer checked them). */
void sp_tok_str_body(const char *src, const sp_Tok *t, size_t *body, size_t *body_end) {
    size_t s = t->start;
    while (src[s] != '"' && src[s] != '\'') s++;
    size_t ql = t->end - s >= 6 && src[s + 1] == src[s] && src[s + 2] == src[s] ? 3 : 1;
    *body = s + ql;
    *body_end = t->end - ql;
}

/* The first literal of strings() when it is not an f-string and holds
 * nothing to decode (no backslash, no \r; ASCII if bytes): its text as it
 * stands, with the allocation text_decode would make; then it is consumed.
 * 1 done, 0 not this case (nothing done), -1 error. */
static int plain_first(P *p, const sp_Tok *t, Text *lit) {
    size_t b, e;
    sp_tok_str_body(p->L->src, t, &b, &e);
    const char *s = p->L->src + b;
    size_t n = e - b;
    unsigned char hi = (t->sub & SP_STR_BYTES) ? 0x80 : 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == '\r' || (c & hi)) return 0;
    }
    if (!text_reserve(p, lit, n + 1)) return -1;
    memcpy(lit->s, s, n);
    lit->s[n] = 0;
    lit->n = n;
    advance(p);
    return 1;
}

/* Adjacent string literals: one Constant, or a JoinedStr if any is an
 * f-string. */
static COLD sp_Node *strings(P *p) {
    sp_Tok first = *peek(p);
    bool bytes = first.sub & SP_STR_BYTES, anyf = false;
    FStr f;
    memset(&f, 0, sizeof f);
    f.uflag = (first.sub & SP_STR_U) ? SP_CONSTF_U : 0;
    if (!(first.sub & SP_STR_F)) {
        int r = plain_first(p, &first, &f.lit);
        TRY(r >= 0);
        if (r && !at(p, T_STRING))
            return fin(p, str_const(p, &first, &f.lit, bytes ? SP_CONST_BYTES : SP_CONST_STR, f.uflag));
    }
    sp_Tok tk; /* the string being decoded (f.tok) */
    while (at(p, T_STRING)) {
        tk = *peek(p);
        if (((tk.sub & SP_STR_BYTES) != 0) != bytes) {
            while (at(p, T_STRING)) advance(p);
            return err_at(p, p->pend_line, p->pend_col, p->pend_line, p->pend_col,
                          "cannot mix bytes and nonbytes literals");
        }
        advance(p);
        f.tok = &tk;
        size_t body, body_end;
        sp_tok_str_body(p->L->src, &tk, &body, &body_end);
        if (tk.sub & SP_STR_F) {
            anyf = true;
            TRY(enter(p));
            bool ok = fstring_body(p, &f, &tk, body, body_end, tk.sub, 0);
            leave(p);
            TRY(ok);
        } else {
            TRY(text_decode(p, &f.lit, &tk, p->L->src + body, body_end - body, tk.sub));
        }
    }
    if (!anyf) {
        sp_Node *c = str_const(p, &first, &f.lit, bytes ? SP_CONST_BYTES : SP_CONST_STR, f.uflag);
        return fin(p, c);
    }
    TRY(fs_flush(p, &f));
    sp_Node *j = mkt(p, SP_N_JOINEDSTR, &first);
    TRY(j);
    j->u.joined.values = vlist(&f.parts);
    return fin(p, j);
}

/* ------------------------------------------------------------- atoms */

static bool starts_expr(int k) {
    static const bool starts[T_COUNT_] = {
        [T_NAME] = 1, [T_NUMBER] = 1, [T_STRING] = 1, [T_LPAR] = 1, [T_LSQB] = 1, [T_LBRACE] = 1,
        [T_MINUS] = 1, [T_PLUS] = 1, [T_TILDE] = 1, [T_ELLIPSIS] = 1, [T_NONE] = 1, [T_TRUE] = 1,
        [T_FALSE] = 1, [T_NOT] = 1, [T_LAMBDA] = 1, [T_AWAIT] = 1};
    return starts[k];
}

static sp_Node *constant(P *p, int ck) {
    sp_Node *n = mkt(p, SP_N_CONSTANT, peek(p));
    TRY(n);
    advance(p);
    n->u.constant.kind = ck;
    return fin(p, n);
}

/* for_if_clauses of a comprehension. */
static COLD bool comp_clauses(P *p, sp_NodeList *out) {
    Vec v = {0};
    while (at(p, T_FOR) || (at(p, T_ASYNC) && peekn(p, 1)->kind == T_FOR)) {
        sp_Node *c = mkt(p, SP_N_COMPREHENSION, peek(p));
        TRYB(c);
        if (accept(p, T_ASYNC)) c->u.comprehension.is_async = true;
        advance(p); /* for */
        Vec tv = {0};
        sp_Tok tstart = *peek(p);
        bool comma = false; /* the target list ended with a comma */
        for (;;) {
            sp_Node *t;
            if (at(p, T_STAR)) {
                sp_Tok st = *peek(p);
                advance(p);
                sp_Node *inner = bitor(p);
                TRYB(inner);
                TRYB(t = mkt(p, SP_N_STARRED, &st));
                t->u.starred.value = inner;
                fin(p, t);
            } else {
                TRYB(t = bitor(p));
            }
            TRYB(vpush(p, &tv, t));
            if (!at(p, T_COMMA)) break;
            advance(p);
            if ((comma = at(p, T_IN))) break;
        }
        sp_Node *target = tv.items[0];
        if (tv.n > 1 || comma) {
            TRYB(target = mkt(p, SP_N_TUPLE, &tstart));
            target->u.seq.elts = vlist(&tv);
            fin(p, target);
        }
        if (!at(p, T_IN)) {
            const sp_Node *bad = invalid_target(target, false);
            if (bad) return err_node(p, bad, "cannot assign to %s", expr_name(bad)), false;
            return generic(p), false;
        }
        TRYB(to_target(p, target, SP_CTX_STORE));
        advance(p);
        c->u.comprehension.target = target;
        TRYB(c->u.comprehension.iter = disjunction(p));
        Vec ifs = {0};
        while (accept(p, T_IF)) {
            sp_Node *cond = disjunction(p);
            TRYB(cond);
            TRYB(vpush(p, &ifs, cond));
        }
        c->u.comprehension.ifs = vlist(&ifs);
        fin(p, c);
        TRYB(vpush(p, &v, c));
    }
    *out = vlist(&v);
    return true;
}

static bool is_comp_start(P *p) {
    return at(p, T_FOR) || (at(p, T_ASYNC) && peekn(p, 1)->kind == T_FOR);
}

static COLD sp_Node *comprehension(P *p, int k, sp_Node *elt, int line, int col, int close) {
    if (elt->kind == SP_N_STARRED)
        return err_node(p, elt, "iterable unpacking cannot be used in comprehension");
    sp_Node *n = mk(p, k, line, col);
    TRY(n);
    n->u.comp.elt = elt;
    TRY(comp_clauses(p, &n->u.comp.generators));
    TRY(expect(p, close));
    return fin(p, n);
}

/* Comma-separated elements up to `close` (list, set, tuple). */
static bool elements(P *p, Vec *v, sp_Node *first, int close) {
    if (first) TRYB(vpush(p, v, first));
    while (accept(p, T_COMMA)) {
        if (at(p, close)) break;
        sp_Node *e = star_named_expression(p);
        TRYB(e);
        TRYB(vpush(p, v, e));
    }
    return expect(p, close);
}

static sp_Node *seq_node(P *p, int k, int line, int col, Vec *v) {
    sp_Node *n = mk(p, k, line, col);
    TRY(n);
    n->u.seq.elts = vlist(v);
    return fin(p, n);
}

/* Contents of "( ... )" after the '(' (also an f-string field, close ==
 * T_END): group, tuple, generator expression or yield. */
static sp_Node *group_body(P *p, int close, int line, int col) {
    if (close != T_END && accept(p, close)) {
        sp_Node *t = mk(p, SP_N_TUPLE, line, col);
        return fin(p, t);
    }
    if (at(p, T_YIELD)) {
        sp_Node *y = yield_expr(p);
        TRY(y);
        if (close != T_END) TRY(expect(p, close));
        y->pad_ |= PARENS;
        return y;
    }
    sp_Node *e = star_named_expression(p);
    TRY(e);
    if (is_comp_start(p)) {
        if (close == T_END) return generic(p);
        return comprehension(p, SP_N_GENERATOREXP, e, line, col, close);
    }
    if (at(p, T_COMMA)) {
        Vec v = {0};
        if (close == T_END) {
            TRY(vpush(p, &v, e));
            while (accept(p, T_COMMA) && !at(p, T_END)) {
                sp_Node *x = star_named_expression(p);
                TRY(x);
                TRY(vpush(p, &v, x));
            }
            return seq_node(p, SP_N_TUPLE, line, col, &v);
        }
        TRY(elements(p, &v, e, close));
        sp_Node *t = seq_node(p, SP_N_TUPLE, line, col, &v);
        if (t) t->pad_ |= PARENS;
        return t;
    }
    if (e->kind == SP_N_STARRED) return err_node(p, e, "cannot use starred expression here");
    if (close != T_END) TRY(expect(p, close));
    e->pad_ |= PARENS;
    return e;
}

static COLD sp_Node *dict_or_set(P *p) {
    sp_Tok open = *peek(p);
    advance(p);
    if (accept(p, T_RBRACE)) {
        sp_Node *d = mkt(p, SP_N_DICT, &open);
        return fin(p, d);
    }
    Vec keys = {0}, vals = {0};
    sp_Node *first;
    if (at(p, T_DOUBLESTAR)) {
        advance(p);
        sp_Node *v = bitor(p);
        TRY(v);
        if (is_comp_start(p)) return err_at(p, open.line, open.col + 1, p->pend_line, p->pend_col,
                                            "dict unpacking cannot be used in dict comprehension");
        TRY(vpush(p, &keys, NULL));
        TRY(vpush(p, &vals, v));
    } else {
        TRY(first = star_named_expression(p));
        if (at(p, T_COLON) && first->kind != SP_N_STARRED) {
            advance(p);
            sp_Node *v = expression(p);
            TRY(v);
            if (is_comp_start(p)) {
                sp_Node *n = mkt(p, SP_N_DICTCOMP, &open);
                TRY(n);
                n->u.comp.key = first;
                n->u.comp.value = v;
                TRY(comp_clauses(p, &n->u.comp.generators));
                TRY(expect(p, T_RBRACE));
                return fin(p, n);
            }
            TRY(vpush(p, &keys, first));
            TRY(vpush(p, &vals, v));
        } else {
            if (is_comp_start(p)) return comprehension(p, SP_N_SETCOMP, first, open.line, open.col, T_RBRACE);
            Vec v = {0};
            TRY(elements(p, &v, first, T_RBRACE));
            sp_Node *s = mkt(p, SP_N_SET, &open);
            TRY(s);
            s->u.set.elts = vlist(&v);
            return fin(p, s);
        }
    }
    while (accept(p, T_COMMA)) {
        if (at(p, T_RBRACE)) break;
        if (accept(p, T_DOUBLESTAR)) {
            sp_Node *v = bitor(p);
            TRY(v);
            TRY(vpush(p, &keys, NULL));
            TRY(vpush(p, &vals, v));
            continue;
        }
        sp_Node *k = expression(p);
        TRY(k);
        if (!at(p, T_COLON)) {
            if (at(p, T_COMMA) || at(p, T_RBRACE))
                return err_at(p, k->lineno, k->col, k->end_lineno, -1, "':' expected after dictionary key");
            return generic(p);
        }
        advance(p);
        sp_Node *v = expression(p);
        TRY(v);
        TRY(vpush(p, &keys, k));
        TRY(vpush(p, &vals, v));
    }
    TRY(expect(p, T_RBRACE));
    sp_Node *d = mkt(p, SP_N_DICT, &open);
    TRY(d);
    d->u.dict.keys = vlist(&keys);
    d->u.dict.values = vlist(&vals);
    return fin(p, d);
}

static COLD sp_Node *list_atom(P *p) {
    sp_Tok open = *peek(p);
    advance(p);
    TRY(enter(p));
    sp_Node *r = NULL;
    Vec v = {0};
    if (accept(p, T_RSQB)) {
        r = seq_node(p, SP_N_LIST, open.line, open.col, &v);
    } else {
        sp_Node *e = star_named_expression(p);
        if (e && is_comp_start(p)) r = comprehension(p, SP_N_LISTCOMP, e, open.line, open.col, T_RSQB);
        else if (e && elements(p, &v, e, T_RSQB)) r = seq_node(p, SP_N_LIST, open.line, open.col, &v);
    }
    leave(p);
    return r;
}

static sp_Node *atom(P *p) {
    sp_Tok *t = peek(p);
    switch (t->kind) {
    case T_NAME: {
        sp_Node *n = name_node(p, t, SP_CTX_LOAD);
        advance(p);
        return n;
    }
    case T_NUMBER: return number(p);
    case T_STRING: return strings(p);
    case T_NONE: return constant(p, SP_CONST_NONE);
    case T_TRUE: return constant(p, SP_CONST_TRUE);
    case T_FALSE: return constant(p, SP_CONST_FALSE);
    case T_ELLIPSIS: return constant(p, SP_CONST_ELLIPSIS);
    case T_LPAR: {
        int line = t->line, col = t->col;
        advance(p);
        TRY(enter(p));
        sp_Node *r = group_body(p, T_RPAR, line, col);
        leave(p);
        if (r && (r->kind == SP_N_TUPLE || r->kind == SP_N_GENERATOREXP)) {
            r->lineno = line;
            r->col = col;
            fin(p, r);
        }
        return r;
    }
    case T_LSQB: return list_atom(p);
    case T_LBRACE: {
        TRY(enter(p));
        sp_Node *r = dict_or_set(p);
        leave(p);
        return r;
    }
    default:
        return generic(p);
    }
}

/* ------------------------------------------------------------- primary */

static sp_Node *slice_item(P *p) {
    sp_Tok st = *peek(p);
    sp_Node *lo = NULL;
    if (!at(p, T_COLON)) {
        if (at(p, T_STAR)) return star_named_expression(p);
        TRY(lo = named_expression(p));
        if (!at(p, T_COLON)) return lo;
    }
    advance(p);
    sp_Node *s = mkt(p, SP_N_SLICE, &st);
    TRY(s);
    s->u.slice.lower = lo;
    if (!at(p, T_COLON) && !at(p, T_COMMA) && !at(p, T_RSQB)) TRY(s->u.slice.upper = expression(p));
    if (accept(p, T_COLON) && !at(p, T_COMMA) && !at(p, T_RSQB)) TRY(s->u.slice.step = expression(p));
    return fin(p, s);
}

static COLD sp_Node *slices(P *p) {
    sp_Tok st = *peek(p);
    sp_Node *first = slice_item(p);
    TRY(first);
    if (!at(p, T_COMMA)) {
        if (first->kind == SP_N_STARRED) return err_node(p, first, "cannot use starred expression here");
        return first;
    }
    Vec v = {0};
    TRY(vpush(p, &v, first));
    while (accept(p, T_COMMA) && !at(p, T_RSQB)) {
        sp_Node *x = slice_item(p);
        TRY(x);
        TRY(vpush(p, &v, x));
    }
    return seq_node(p, SP_N_TUPLE, st.line, st.col, &v);
}

static sp_Node *keyword_node(P *p, const sp_Tok *st, const char *arg, sp_Node *value) {
    sp_Node *k = mkt(p, SP_N_KEYWORD, st);
    TRY(k);
    k->u.keyword.arg = arg;
    k->u.keyword.value = value;
    return fin(p, k);
}

/* Call arguments after '(' (also class bases). */
static COLD bool call_args(P *p, sp_NodeList *args, sp_NodeList *kws, int oline, int ocol) {
    Vec a = {0}, k = {0};
    bool seen_kw = false, seen_kwunpack = false;
    while (!at(p, T_RPAR)) {
        sp_Tok st = *peek(p);
        if (accept(p, T_DOUBLESTAR)) {
            sp_Node *v = expression(p);
            TRYB(v);
            sp_Node *kw = keyword_node(p, &st, NULL, v);
            TRYB(kw && vpush(p, &k, kw));
            seen_kwunpack = true;
        } else if (at(p, T_STAR)) {
            advance(p);
            sp_Node *v = expression(p);
            TRYB(v);
            if (seen_kwunpack)
                return err_at(p, st.line, st.col, v->end_lineno, v->end_col,
                              "iterable argument unpacking follows keyword argument unpacking"), false;
            sp_Node *s = mkt(p, SP_N_STARRED, &st);
            TRYB(s);
            s->u.starred.value = v;
            fin(p, s);
            if (is_comp_start(p) && !a.n && !k.n)
                return err_node(p, s, "iterable unpacking cannot be used in comprehension"), false;
            TRYB(vpush(p, &a, s));
        } else if (at(p, T_NAME) && peekn(p, 1)->kind == T_EQUAL) {
            advance(p);
            const char *name = tok_str(p, &st);
            TRYB(name);
            advance(p);
            sp_Node *v = expression(p);
            TRYB(v);
            sp_Node *kw = keyword_node(p, &st, name, v);
            TRYB(kw && vpush(p, &k, kw));
            seen_kw = true;
        } else {
            p->in_call_args = true; /* a stray '=' gets the keyword-argument message */
            sp_Node *e = named_expression(p);
            TRYB(e);
            if (at(p, T_EQUAL)) {
                sp_Tok eq = *peek(p);
                if (e->kind == SP_N_CONSTANT && (e->u.constant.kind <= SP_CONST_FALSE))
                    return err_at(p, e->lineno, e->col, sp_tok_end_line(&eq), sp_tok_end_col(&eq), "cannot assign to %s", expr_name(e)), false;
                return err_at(p, e->lineno, e->col, sp_tok_end_line(&eq), sp_tok_end_col(&eq),
                              "expression cannot contain assignment, perhaps you meant \"==\"?"), false;
            }
            if (is_comp_start(p)) {
                sp_Node *g = mkn(p, SP_N_GENERATOREXP, e);
                TRYB(g);
                g->u.comp.elt = e;
                TRYB(comp_clauses(p, &g->u.comp.generators));
                fin(p, g);
                if (a.n || k.n || !at(p, T_RPAR)) {
                    if (a.n == 0 && k.n == 0 && at(p, T_COMMA) && peekn(p, 1)->kind == T_RPAR) {
                        advance(p);
                    } else {
                        return err_node(p, g, "Generator expression must be parenthesized"), false;
                    }
                }
                g->lineno = oline;
                g->col = ocol;
                g->end_lineno = sp_tok_end_line(peek(p));
                g->end_col = sp_tok_end_col(peek(p));
                e = g;
            } else if (seen_kwunpack) {
                return err_node(p, e, "positional argument follows keyword argument unpacking"), false;
            } else if (seen_kw) {
                return err_node(p, e, "positional argument follows keyword argument"), false;
            }
            TRYB(vpush(p, &a, e));
        }
        if (!accept(p, T_COMMA)) break;
    }
    TRYB(expect(p, T_RPAR));
    *args = vlist(&a);
    *kws = vlist(&k);
    return true;
}

static sp_Node *primary(P *p) {
    sp_Node *e = atom(p);
    TRY(e);
    for (;;) {
        int k = kind(p);
        if (k == T_DOT) {
            advance(p);
            if (!at(p, T_NAME)) return generic(p);
            sp_Node *a = mkn(p, SP_N_ATTRIBUTE, e);
            TRY(a);
            a->u.attribute.value = e;
            TRY(a->u.attribute.attr = tok_str(p, peek(p)));
            advance(p);
            e = fin(p, a);
        } else if (k == T_LPAR) {
            int oline = peek(p)->line, ocol = peek(p)->col;
            advance(p);
            sp_Node *c = mkn(p, SP_N_CALL, e);
            TRY(c);
            c->u.call.func = e;
            TRY(enter(p));
            bool ok = call_args(p, &c->u.call.args, &c->u.call.keywords, oline, ocol);
            leave(p);
            TRY(ok);
            e = fin(p, c);
        } else if (k == T_LSQB) {
            advance(p);
            sp_Node *s = mkn(p, SP_N_SUBSCRIPT, e);
            TRY(s);
            s->u.subscript.value = e;
            TRY(enter(p));
            s->u.subscript.slice = slices(p);
            leave(p);
            TRY(s->u.subscript.slice);
            TRY(expect(p, T_RSQB));
            e = fin(p, s);
        } else {
            return e;
        }
    }
}

/* ------------------------------------------------------------- operators */

static COLD sp_Node *await_primary(P *p) {
    sp_Tok st = *peek(p);
    advance(p);
    sp_Node *v = primary(p);
    TRY(v);
    sp_Node *a = mkt(p, SP_N_AWAIT, &st);
    TRY(a);
    a->u.await_.value = v;
    return fin(p, a);
}

static sp_Node *factor(P *p);

/* b ** (the '**' consumed): the exponent is a factor, so 2 ** -1 works. */
static COLD sp_Node *power(P *p, sp_Node *b) {
    TRY(enter(p));
    sp_Node *r = factor(p);
    leave(p);
    TRY(r);
    sp_Node *n = mkn(p, SP_N_BINOP, b);
    TRY(n);
    n->u.binop.left = b;
    n->u.binop.op = SP_OP_POW;
    n->u.binop.right = r;
    return fin(p, n);
}

static sp_Node *wrap_unary(P *p, sp_Tok *ops, size_t n, sp_Node *e) {
    while (n-- > 0) {
        sp_Node *u = mkt(p, SP_N_UNARYOP, &ops[n]);
        TRY(u);
        int k = ops[n].kind;
        u->u.unaryop.op = k == T_NOT ? SP_UOP_NOT : k == T_MINUS ? SP_UOP_NEG : k == T_PLUS ? SP_UOP_POS : SP_UOP_INVERT;
        u->u.unaryop.operand = e;
        end_as(u, e);
        e = u;
    }
    return e;
}

/* Collect a run of prefix operator tokens (isnot: 'not', else - + ~). */
static bool collect_prefix(P *p, bool isnot, sp_Tok **ops, size_t *n) {
    size_t cap = 0;
    *ops = NULL;
    *n = 0;
    for (;;) {
        int k = kind(p);
        if (isnot ? k != T_NOT : (k != T_MINUS && k != T_PLUS && k != T_TILDE)) return true;
        if (*n == cap) {
            size_t nc = cap ? cap * 2 : 8;
            sp_Tok *no = sp_arena_raw(p->A, nc * sizeof *no);
            if (!no) return p->failed = true, false;
            if (*n) memcpy(no, *ops, *n * sizeof *no);
            *ops = no;
            cap = nc;
        }
        (*ops)[(*n)++] = *peek(p);
        advance(p);
        if ((int)*n + p->depth >= SP_MAX_AST_DEPTH) {
            p->depth += (int)*n;
            enter(p); /* raises the depth error */
            p->depth -= (int)*n;
            return false;
        }
    }
}

/* - + ~ ...: the operand is a factor without prefix, a power. */
static COLD sp_Node *unary(P *p) {
    sp_Tok *ops;
    size_t n;
    TRYB(collect_prefix(p, false, &ops, &n));
    p->depth += (int)n;
    sp_Node *e = factor(p);
    p->depth -= (int)n;
    TRY(e);
    return wrap_unary(p, ops, n, e);
}

/* factor: ('-' | '+' | '~') factor | await_primary ['**' factor]. */
static sp_Node *factor(P *p) {
    int k = kind(p);
    if (k == T_MINUS || k == T_PLUS || k == T_TILDE) return unary(p);
    sp_Node *b = k == T_AWAIT ? await_primary(p) : primary(p);
    TRY(b);
    return accept(p, T_DOUBLESTAR) ? power(p, b) : b;
}

/* The binary operator levels, loosest first.  `not` is a prefix operator
 * between `and` and the comparisons; the unary - + ~ and ** bind tighter
 * than all of them (factor). */
enum {
    PREC_OR = 1, PREC_AND, PREC_NOT, PREC_CMP, PREC_BITOR, PREC_XOR, PREC_BITAND, PREC_SHIFT,
    PREC_ARITH, PREC_TERM
};

/* The level of each operator token (0: none) and its BinOp/BoolOp op.
 * `not` is listed for `not in`, confirmed by cmp_op. */
static const struct { unsigned char prec, op; } binops[T_COUNT_] = {
    [T_OR] = {PREC_OR, SP_BOOL_OR}, [T_AND] = {PREC_AND, SP_BOOL_AND},
    [T_LESS] = {PREC_CMP, 0}, [T_LESSEQUAL] = {PREC_CMP, 0}, [T_EQEQUAL] = {PREC_CMP, 0},
    [T_NOTEQUAL] = {PREC_CMP, 0}, [T_GREATER] = {PREC_CMP, 0}, [T_GREATEREQUAL] = {PREC_CMP, 0},
    [T_IN] = {PREC_CMP, 0}, [T_NOT] = {PREC_CMP, 0}, [T_IS] = {PREC_CMP, 0},
    [T_VBAR] = {PREC_BITOR, SP_OP_OR}, [T_CIRCUMFLEX] = {PREC_XOR, SP_OP_XOR},
    [T_AMPER] = {PREC_BITAND, SP_OP_AND},
    [T_LEFTSHIFT] = {PREC_SHIFT, SP_OP_LSHIFT}, [T_RIGHTSHIFT] = {PREC_SHIFT, SP_OP_RSHIFT},
    [T_PLUS] = {PREC_ARITH, SP_OP_ADD}, [T_MINUS] = {PREC_ARITH, SP_OP_SUB},
    [T_STAR] = {PREC_TERM, SP_OP_MUL}, [T_SLASH] = {PREC_TERM, SP_OP_TRUEDIV},
    [T_DOUBLESLASH] = {PREC_TERM, SP_OP_FLOORDIV}, [T_PERCENT] = {PREC_TERM, SP_OP_MOD},
    [T_AT] = {PREC_TERM, SP_OP_MATMUL},
};

/* A lone name or number followed by a token that continues no operator
 * level (a comma, a closing bracket, `=`, `for`...): every level from
 * disjunction (named: named_expression) down to primary would return the
 * atom unchanged, so the common operand skips them.  (Not after a lexer
 * error: the slow path reports it exactly as before.) */
static bool lone_atom(P *p, bool named) {
    sp_Tok *t = peek(p);
    if (t->kind != T_NAME && (t->kind != T_NUMBER || t->sub == SP_NUM_IMAG)) return false;
    switch ((p->qn - p->qh > 1 ? t + 1 : peekn(p, 1))->kind) {
    case T_COMMA: case T_RPAR: case T_RSQB: case T_RBRACE: case T_COLON: case T_NEWLINE:
    case T_SEMI: case T_FOR:
        return !p->failed;
    case T_EQUAL: case T_IF: /* continue a named_expression / an expression */
        return !named && !p->failed;
    default:
        return false;
    }
}

static sp_Node *binary(P *p, int minprec);

static int cmp_op(P *p) {
    switch (kind(p)) {
    case T_LESS: advance(p); return SP_LT;
    case T_LESSEQUAL: advance(p); return SP_LE;
    case T_EQEQUAL: advance(p); return SP_EQ;
    case T_NOTEQUAL: advance(p); return SP_NE;
    case T_GREATER: advance(p); return SP_GT;
    case T_GREATEREQUAL: advance(p); return SP_GE;
    case T_IN: advance(p); return SP_CMP_IN;
    case T_NOT:
        if (peekn(p, 1)->kind != T_IN) return -1;
        advance(p);
        advance(p);
        return SP_CMP_NOTIN;
    case T_IS:
        advance(p);
        return accept(p, T_NOT) ? SP_CMP_ISNOT : SP_CMP_IS;
    default: return -1;
    }
}

/* A comparison chain after its first operator (op, consumed). */
static sp_Node *comparison(P *p, sp_Node *l, int op) {
    Vec cs = {0};
    int *ops = NULL;
    size_t n = 0, cap = 0;
    do {
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 4;
            int *no = sp_arena_raw(p->A, nc * sizeof *no);
            if (!no) return p->failed = true, NULL;
            if (n) memcpy(no, ops, n * sizeof *no);
            ops = no;
            cap = nc;
        }
        ops[n++] = op;
        sp_Node *r = binary(p, PREC_BITOR);
        TRY(r);
        TRY(vpush(p, &cs, r));
    } while ((op = cmp_op(p)) >= 0);
    sp_Node *c = mkn(p, SP_N_COMPARE, l);
    TRY(c);
    c->u.compare.left = l;
    c->u.compare.ops = ops;
    c->u.compare.comparators = vlist(&cs);
    return fin(p, c);
}

/* and / or after their first operand: flat BoolOp value lists, as CPython. */
static sp_Node *boolop(P *p, sp_Node *l, int tok, int prec) {
    Vec v = {0};
    TRY(vpush(p, &v, l));
    while (accept(p, tok)) {
        sp_Node *r = binary(p, prec + 1);
        TRY(r);
        TRY(vpush(p, &v, r));
    }
    sp_Node *b = mkn(p, SP_N_BOOLOP, l);
    TRY(b);
    b->u.boolop.op = binops[tok].op;
    b->u.boolop.values = vlist(&v);
    return fin(p, b);
}

/* `not` ... (the operand is a comparison). */
static COLD sp_Node *inversion(P *p) {
    sp_Tok *ops;
    size_t n;
    TRYB(collect_prefix(p, true, &ops, &n));
    p->depth += (int)n;
    sp_Node *e = binary(p, PREC_CMP);
    p->depth -= (int)n;
    TRY(e);
    return wrap_unary(p, ops, n, e);
}

/* Every binary operator, by precedence climbing: one loop per operand
 * instead of a function per level.  The right operand of a left
 * associative operator binds tighter (prec + 1); the recursion depth is
 * bounded by the number of levels. */
static sp_Node *binary(P *p, int minprec) {
    sp_Node *l = minprec <= PREC_NOT && at(p, T_NOT) ? inversion(p) : factor(p);
    for (;;) {
        TRY(l);
        int k = kind(p), prec = binops[k].prec;
        if (prec < minprec) return l;
        if (prec == PREC_CMP) {
            int op = cmp_op(p);
            if (op < 0) return l;
            l = comparison(p, l, op);
        } else if (prec <= PREC_AND) {
            l = boolop(p, l, k, prec);
        } else {
            advance(p);
            sp_Node *r = lone_atom(p, false) ? atom(p) : prec < PREC_TERM ? binary(p, prec + 1) : factor(p);
            TRY(r);
            sp_Node *n = mkn(p, SP_N_BINOP, l);
            TRY(n);
            n->u.binop.left = l;
            n->u.binop.op = binops[k].op;
            n->u.binop.right = r;
            end_as(n, r);
            l = n;
        }
    }
}

static sp_Node *bitor(P *p) { return binary(p, PREC_BITOR); }
static sp_Node *disjunction(P *p) { return binary(p, PREC_OR); }

/* ------------------------------------------------------------- parameters */

static sp_Node *arg_node(P *p, bool annotations) {
    sp_Tok st = *peek(p);
    const char *name = expect_name(p);
    TRY(name);
    sp_Node *a = mkt(p, SP_N_ARG, &st);
    TRY(a);
    a->u.arg.name = name;
    if (annotations && accept(p, T_COLON)) TRY(a->u.arg.annotation = expression(p));
    return fin(p, a);
}

/* Parameters of def (close ')', annotations) or lambda (close ':'). */
static sp_Node *parameters(P *p, int close, bool ann) {
    sp_Node *args = mkt(p, SP_N_ARGUMENTS, peek(p));
    TRY(args);
    Vec pos = {0}, defs = {0}, kwo = {0}, kwd = {0};
    size_t nposonly = 0;
    bool star = false, slash = false;
    while (!at(p, close)) {
        sp_Tok st = *peek(p);
        if (args->u.arguments.kwarg)
            return err_tok(p, &st, "arguments cannot follow var-keyword argument");
        if (accept(p, T_SLASH)) {
            if (slash) return err_tok(p, &st, "/ may appear only once");
            if (star) return err_tok(p, &st, "/ must be ahead of *");
            if (pos.n == 0) return err_tok(p, &st, "invalid syntax");
            slash = true;
            nposonly = pos.n;
        } else if (accept(p, T_DOUBLESTAR)) {
            TRY(args->u.arguments.kwarg = arg_node(p, ann));
        } else if (accept(p, T_STAR)) {
            if (star) return err_tok(p, &st, "* argument may appear only once");
            star = true;
            if (at(p, T_NAME)) {
                TRY(args->u.arguments.vararg = arg_node(p, ann));
            } else if (at(p, close) || (at(p, T_COMMA) && peekn(p, 1)->kind == T_DOUBLESTAR) ||
                       (at(p, T_COMMA) && peekn(p, 1)->kind == close)) {
                return err_tok(p, &st, "named arguments must follow bare *");
            }
        } else {
            sp_Node *a = arg_node(p, ann);
            TRY(a);
            sp_Node *d = NULL;
            if (accept(p, T_EQUAL)) TRY(d = expression(p));
            if (star) {
                TRY(vpush(p, &kwo, a));
                TRY(vpush(p, &kwd, d));
            } else {
                if (!d && defs.n) return err_node(p, a, "non-default argument follows default argument");
                TRY(vpush(p, &pos, a));
                if (d) TRY(vpush(p, &defs, d));
            }
        }
        if (!accept(p, T_COMMA)) break;
    }
    if (!at(p, close)) return generic(p);
    Vec po = {0}, pa = {0};
    for (size_t i = 0; i < pos.n; i++) TRY(vpush(p, i < nposonly ? &po : &pa, pos.items[i]));
    args->u.arguments.posonlyargs = vlist(&po);
    args->u.arguments.args = vlist(&pa);
    args->u.arguments.defaults = vlist(&defs);
    args->u.arguments.kwonlyargs = vlist(&kwo);
    args->u.arguments.kw_defaults = vlist(&kwd);
    return fin(p, args);
}

/* ------------------------------------------------------------- expressions */

static COLD sp_Node *lambdef(P *p) {
    sp_Tok st = *peek(p);
    advance(p);
    sp_Node *l = mkt(p, SP_N_LAMBDA, &st);
    TRY(l);
    TRY(l->u.lambda.args = parameters(p, T_COLON, false));
    TRY(expect(p, T_COLON));
    TRY(l->u.lambda.body = expression(p));
    return fin(p, l);
}

/* CPython's invalid_expression: two expressions in a row inside brackets
 * (not after a soft keyword, which may start a statement). */
static COLD sp_Node *forgot_comma(P *p, sp_Node *a, const sp_Tok *first) {
    if (tok_is(p, first, "match") || tok_is(p, first, "case") || tok_is(p, first, "_")) return a;
    if (a->kind == SP_N_NAME && at(p, T_STRING)) return a;
    if (p->no_comma_hint) return a;
    p->no_comma_hint = true;
    sp_Node *b = expression(p);
    p->no_comma_hint = false;
    TRY(b);
    return err_at(p, a->lineno, a->col, b->end_lineno, b->end_col, "invalid syntax. Perhaps you forgot a comma?");
}

/* expression; lone: try the lone-atom shortcut (named_expression already
 * did, and the shortcut changes nothing but the cost). */
static sp_Node *expression_(P *p, bool lone) {
    if (at(p, T_LAMBDA)) {
        TRY(enter(p));
        sp_Node *l = lambdef(p);
        leave(p);
        return l;
    }
    sp_Tok first, *t0 = peek(p); /* only what forgot_comma reads */
    first.kind = t0->kind;
    first.start = t0->start;
    first.end = t0->end;
    sp_Node *b = lone && lone_atom(p, false) ? atom(p) : disjunction(p);
    TRY(b);
    if (!at(p, T_IF)) {
        sp_Tok *t = peek(p);
        return t->level > 0 && starts_expr(t->kind) ? forgot_comma(p, b, &first) : b;
    }
    advance(p);
    sp_Node *test = disjunction(p);
    TRY(test);
    if (!at(p, T_ELSE)) {
        if (at(p, T_COLON)) return generic(p);
        return err_at(p, b->lineno, b->col, test->end_lineno, test->end_col, "expected 'else' after 'if' expression");
    }
    advance(p);
    TRY(enter(p));
    sp_Node *orelse = expression(p);
    leave(p);
    TRY(orelse);
    sp_Node *n = mkn(p, SP_N_IFEXP, b);
    TRY(n);
    n->u.ifexp.test = test;
    n->u.ifexp.body = b;
    n->u.ifexp.orelse = orelse;
    return fin(p, n);
}

static sp_Node *expression(P *p) { return expression_(p, true); }

static bool is_bitor_level(const sp_Node *e);

/* CPython's invalid_named_expression: `if x = 1:` and the like. */
static COLD sp_Node *eq_for_compare(P *p, sp_Node *a) {
    bool name = a->kind == SP_N_NAME && !(a->pad_ & PARENS);
    if (!starts_expr(peekn(p, 1)->kind) || (!name && !is_bitor_level(a))) return a;
    advance(p);
    sp_Node *b = bitor(p);
    TRY(b);
    if (at(p, T_EQUAL) || at(p, T_COLONEQUAL)) return a;
    if (name)
        return err_at(p, a->lineno, a->col, b->end_lineno, b->end_col,
                      "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return err_node(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(a));
}

static sp_Node *named_expression(P *p) {
    bool arg = p->in_call_args;
    p->in_call_args = false;
    if (lone_atom(p, true)) return atom(p); /* the common element or argument */
    sp_Node *e = expression_(p, false);
    TRY(e);
    if (at(p, T_EQUAL) && !arg) return eq_for_compare(p, e);
    if (!at(p, T_COLONEQUAL)) return e;
    if (e->kind != SP_N_NAME || (e->pad_ & PARENS))
        return err_node(p, e, "cannot use assignment expressions with %s", expr_name(e));
    advance(p);
    sp_Node *v = expression(p);
    TRY(v);
    sp_Node *n = mkn(p, SP_N_NAMEDEXPR, e);
    TRY(n);
    e->ctx = SP_CTX_STORE;
    n->u.namedexpr.target = e;
    n->u.namedexpr.value = v;
    return fin(p, n);
}

static sp_Node *starred(P *p) {
    sp_Tok st = *peek(p);
    advance(p);
    sp_Node *v = bitor(p);
    TRY(v);
    sp_Node *s = mkt(p, SP_N_STARRED, &st);
    TRY(s);
    s->u.starred.value = v;
    return fin(p, s);
}

static sp_Node *star_named_expression(P *p) {
    return at(p, T_STAR) ? starred(p) : named_expression(p);
}

static sp_Node *star_expression(P *p) { return at(p, T_STAR) ? starred(p) : expression(p); }

/* star_expressions: a bare tuple when there is a comma. */
static sp_Node *star_expressions(P *p) {
    sp_Node *e = star_expression(p);
    TRY(e);
    if (!at(p, T_COMMA)) return e;
    Vec v = {0};
    TRY(vpush(p, &v, e));
    while (accept(p, T_COMMA)) {
        if (!starts_expr(kind(p)) && !at(p, T_STAR)) break;
        sp_Node *x = star_expression(p);
        TRY(x);
        TRY(vpush(p, &v, x));
    }
    sp_Node *t = mkn(p, SP_N_TUPLE, e);
    TRY(t);
    t->u.seq.elts = vlist(&v);
    return fin(p, t);
}

static sp_Node *yield_expr(P *p) {
    sp_Tok st = *peek(p);
    advance(p);
    if (accept(p, T_FROM)) {
        sp_Node *y = mkt(p, SP_N_YIELDFROM, &st);
        TRY(y);
        TRY(y->u.yield.value = expression(p));
        return fin(p, y);
    }
    sp_Node *y = mkt(p, SP_N_YIELD, &st);
    TRY(y);
    if (starts_expr(kind(p)) || at(p, T_STAR)) TRY(y->u.yield.value = star_expressions(p));
    return fin(p, y);
}

/* ------------------------------------------------------------- simple statements */

static sp_Node *stmt1(P *p, int k, const sp_Tok *st) {
    sp_Node *n = mkt(p, k, st);
    return fin(p, n);
}

static const char *dotted_name(P *p) {
    sp_Tok st = *peek(p);
    if (!at(p, T_NAME)) return generic(p);
    size_t end = st.end;
    advance(p);
    while (at(p, T_DOT) && peekn(p, 1)->kind == T_NAME) {
        advance(p);
        end = peek(p)->end;
        advance(p);
    }
    if (at(p, T_DOT)) {
        advance(p);
        return generic(p);
    }
    /* keep the text but drop any whitespace between the parts */
    size_t n = end - st.start, k = 0;
    char *s = sp_arena_alloc(p->A, n + 1);
    if (!s) return p->failed = true, NULL;
    for (size_t i = 0; i < n; i++) {
        char c = p->L->src[st.start + i];
        if (c != ' ' && c != '\t' && c != '\\' && c != '\n' && c != '\r' && c != '\f') s[k++] = c;
    }
    s[k] = 0;
    return s;
}

static sp_Node *alias(P *p, bool dotted) {
    sp_Tok st = *peek(p);
    sp_Node *a = mkt(p, SP_N_ALIAS, &st);
    TRY(a);
    TRY(a->u.alias.name = dotted ? dotted_name(p) : expect_name(p));
    if (accept(p, T_AS)) TRY(a->u.alias.asname = expect_name(p));
    return fin(p, a);
}

static sp_Node *import_stmt(P *p, const sp_Tok *st) {
    Vec v = {0};
    do {
        sp_Node *a = alias(p, true);
        TRY(a);
        TRY(vpush(p, &v, a));
    } while (accept(p, T_COMMA));
    sp_Node *n = mkt(p, SP_N_IMPORT, st);
    TRY(n);
    n->u.import.names = vlist(&v);
    return fin(p, n);
}

static sp_Node *from_stmt(P *p, const sp_Tok *st) {
    sp_Node *n = mkt(p, SP_N_IMPORTFROM, st);
    TRY(n);
    int level = 0;
    for (;;) {
        if (accept(p, T_DOT)) level++;
        else if (accept(p, T_ELLIPSIS)) level += 3;
        else break;
    }
    if (level == 0 || !at(p, T_IMPORT)) TRY(n->u.importfrom.module = dotted_name(p));
    n->u.importfrom.level = level;
    TRY(expect(p, T_IMPORT));
    Vec v = {0};
    if (at(p, T_STAR)) {
        sp_Node *a = mkt(p, SP_N_ALIAS, peek(p));
        TRY(a);
        advance(p);
        a->u.alias.name = "*";
        fin(p, a);
        TRY(vpush(p, &v, a));
    } else {
        bool paren = accept(p, T_LPAR);
        for (;;) {
            sp_Node *a = alias(p, false);
            TRY(a);
            TRY(vpush(p, &v, a));
            if (!at(p, T_COMMA)) break;
            sp_Tok comma = *peek(p);
            advance(p);
            if (paren && at(p, T_RPAR)) break;
            if (!paren && !at(p, T_NAME))
                return err_tok(p, &comma, "trailing comma not allowed without surrounding parentheses");
        }
        if (paren) TRY(expect(p, T_RPAR));
    }
    n->u.importfrom.names = vlist(&v);
    return fin(p, n);
}

static sp_Node *global_stmt(P *p, const sp_Tok *st, int k) {
    sp_Node *n = mkt(p, k, st);
    TRY(n);
    const char **names = NULL;
    size_t cnt = 0, cap = 0;
    do {
        const char *s = expect_name(p);
        TRY(s);
        if (cnt == cap) {
            size_t nc = cap ? cap * 2 : 4;
            const char **nn = sp_arena_alloc(p->A, nc * sizeof *nn);
            if (!nn) return p->failed = true, NULL;
            if (cnt) memcpy(nn, names, cnt * sizeof *nn);
            names = nn;
            cap = nc;
        }
        names[cnt++] = s;
    } while (accept(p, T_COMMA));
    n->u.global.names.items = names;
    n->u.global.names.n = cnt;
    return fin(p, n);
}

static int augop(int k) {
    switch (k) {
    case T_PLUSEQUAL: return SP_OP_ADD;
    case T_MINEQUAL: return SP_OP_SUB;
    case T_STAREQUAL: return SP_OP_MUL;
    case T_ATEQUAL: return SP_OP_MATMUL;
    case T_SLASHEQUAL: return SP_OP_TRUEDIV;
    case T_DOUBLESLASHEQUAL: return SP_OP_FLOORDIV;
    case T_PERCENTEQUAL: return SP_OP_MOD;
    case T_DOUBLESTAREQUAL: return SP_OP_POW;
    case T_LEFTSHIFTEQUAL: return SP_OP_LSHIFT;
    case T_RIGHTSHIFTEQUAL: return SP_OP_RSHIFT;
    case T_AMPEREQUAL: return SP_OP_AND;
    case T_VBAREQUAL: return SP_OP_OR;
    case T_CIRCUMFLEXEQUAL: return SP_OP_XOR;
    default: return -1;
    }
}

static sp_Node *rhs(P *p) { return at(p, T_YIELD) ? yield_expr(p) : star_expressions(p); }

/* Is e a bitwise_or-level expression as written (CPython's grammar
 * position for the "Maybe you meant '=='" hint)? */
static bool is_bitor_level(const sp_Node *e) {
    if (e->pad_ & PARENS) return e->kind != SP_N_TUPLE && e->kind != SP_N_GENERATOREXP;
    switch (e->kind) {
    case SP_N_COMPARE: case SP_N_BOOLOP: case SP_N_IFEXP: case SP_N_LAMBDA:
    case SP_N_NAMEDEXPR: case SP_N_STARRED: case SP_N_YIELD: case SP_N_YIELDFROM:
    case SP_N_TUPLE: case SP_N_LIST: case SP_N_GENERATOREXP:
        return false;
    case SP_N_UNARYOP: return e->u.unaryop.op != SP_UOP_NOT;
    case SP_N_CONSTANT: return e->u.constant.kind > SP_CONST_FALSE;
    default: return true;
    }
}

static sp_Node *assignment(P *p, sp_Node *first, const sp_Tok *st) {
    Vec targets = {0};
    sp_Node *value = first;
    sp_Tok after;
    while (at(p, T_EQUAL)) {
        advance(p);
        after = *peek(p);
        sp_Node *next = rhs(p);
        TRY(next);
        const sp_Node *bad = invalid_target(value, false);
        if ((value->kind == SP_N_YIELD || value->kind == SP_N_YIELDFROM) && !(value->pad_ & PARENS))
            return err_node(p, value, "assignment to yield expression not possible");
        if (bad) {
            if (targets.n == 0 && is_bitor_level(value) && !at(p, T_EQUAL) && !at(p, T_COLONEQUAL) &&
                after.kind != T_NOT && after.kind != T_LAMBDA && after.kind != T_STAR && after.kind != T_YIELD)
                return err_node(p, bad == value ? value : bad,
                                "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(value));
            return err_node(p, bad, "cannot assign to %s", expr_name(bad));
        }
        TRY(set_ctx(p, value, SP_CTX_STORE));
        TRY(vpush(p, &targets, value));
        value = next;
    }
    sp_Node *n = mkt(p, SP_N_ASSIGN, st);
    TRY(n);
    n->u.assign.targets = vlist(&targets);
    n->u.assign.value = value;
    return fin(p, n);
}

static sp_Node *annassign(P *p, sp_Node *t, const sp_Tok *st) {
    if (t->kind == SP_N_TUPLE || t->kind == SP_N_LIST)
        return err_node(p, t, "only single target (not %s) can be annotated", expr_name(t));
    if (t->kind != SP_N_NAME && t->kind != SP_N_ATTRIBUTE && t->kind != SP_N_SUBSCRIPT)
        return err_node(p, t, "illegal target for annotation");
    advance(p); /* ':' */
    sp_Node *n = mkt(p, SP_N_ANNASSIGN, st);
    TRY(n);
    TRY(set_ctx(p, t, SP_CTX_STORE));
    n->u.annassign.target = t;
    n->u.annassign.simple = t->kind == SP_N_NAME && !(t->pad_ & PARENS);
    TRY(n->u.annassign.annotation = expression(p));
    if (accept(p, T_EQUAL)) TRY(n->u.annassign.value = rhs(p));
    return fin(p, n);
}

static sp_Node *expr_stmt(P *p, const sp_Tok *st) {
    sp_Node *e = rhs(p);
    TRY(e);
    if (at(p, T_EQUAL)) return assignment(p, e, st);
    if (at(p, T_COLON)) {
        if (e->kind == SP_N_TUPLE && !(e->pad_ & PARENS)) {
            sp_Node *f0 = e->u.seq.elts.items[0];
            return err_at(p, f0->lineno, f0->col, f0->end_lineno, f0->end_col,
                          "only single target (not tuple) can be annotated");
        }
        return annassign(p, e, st);
    }
    int op = augop(kind(p));
    if (op >= 0) {
        if (e->kind != SP_N_NAME && e->kind != SP_N_ATTRIBUTE && e->kind != SP_N_SUBSCRIPT)
            return err_node(p, e, "'%s' is an illegal expression for augmented assignment", expr_name(e));
        TRY(set_ctx(p, e, SP_CTX_STORE));
        advance(p);
        sp_Node *n = mkt(p, SP_N_AUGASSIGN, st);
        TRY(n);
        n->u.augassign.target = e;
        n->u.augassign.op = op;
        TRY(n->u.augassign.value = rhs(p));
        return fin(p, n);
    }
    if (e->kind == SP_N_NAME && (strcmp(e->u.name.id, "print") == 0 || strcmp(e->u.name.id, "exec") == 0) &&
        starts_expr(kind(p)) && peek(p)->level == 0) {
        sp_Node *x = star_expressions(p);
        TRY(x);
        return err_at(p, e->lineno, e->col, x->end_lineno, x->end_col,
                      "Missing parentheses in call to '%s'. Did you mean %s(...)?", e->u.name.id, e->u.name.id);
    }
    sp_Node *n = mkt(p, SP_N_EXPR, st);
    TRY(n);
    n->u.expr.value = e;
    return fin(p, n);
}

static sp_Node *del_stmt(P *p, const sp_Tok *st) {
    Vec v = {0};
    do {
        if (at(p, T_NEWLINE) || at(p, T_SEMI)) break;
        sp_Node *t = at(p, T_STAR) ? starred(p) : bitor(p);
        TRY(t);
        TRY(vpush(p, &v, t));
    } while (accept(p, T_COMMA));
    if (v.n == 0) return generic(p);
    if (!at(p, T_NEWLINE) && !at(p, T_SEMI)) return generic(p);
    for (size_t i = 0; i < v.n; i++) TRY(to_target(p, v.items[i], SP_CTX_DEL));
    sp_Node *n = mkt(p, SP_N_DELETE, st);
    TRY(n);
    n->u.del.targets = vlist(&v);
    return fin(p, n);
}

static sp_Node *simple_stmt(P *p) {
    sp_Tok st = *peek(p);
    switch (st.kind) {
    case T_PASS: advance(p); return stmt1(p, SP_N_PASS, &st);
    case T_BREAK: advance(p); return stmt1(p, SP_N_BREAK, &st);
    case T_CONTINUE: advance(p); return stmt1(p, SP_N_CONTINUE, &st);
    case T_RETURN: {
        advance(p);
        sp_Node *n = mkt(p, SP_N_RETURN, &st);
        TRY(n);
        if (starts_expr(kind(p)) || at(p, T_STAR)) TRY(n->u.ret.value = star_expressions(p));
        return fin(p, n);
    }
    case T_RAISE: {
        advance(p);
        sp_Node *n = mkt(p, SP_N_RAISE, &st);
        TRY(n);
        if (starts_expr(kind(p))) {
            TRY(n->u.raise.exc = expression(p));
            if (accept(p, T_FROM)) TRY(n->u.raise.cause = expression(p));
        }
        return fin(p, n);
    }
    case T_GLOBAL: advance(p); return global_stmt(p, &st, SP_N_GLOBAL);
    case T_NONLOCAL: advance(p); return global_stmt(p, &st, SP_N_NONLOCAL);
    case T_DEL: advance(p); return del_stmt(p, &st);
    case T_ASSERT: {
        advance(p);
        sp_Node *n = mkt(p, SP_N_ASSERT, &st);
        TRY(n);
        TRY(n->u.assert_.test = expression(p));
        if (accept(p, T_COMMA)) TRY(n->u.assert_.msg = expression(p));
        return fin(p, n);
    }
    case T_IMPORT: advance(p); return import_stmt(p, &st);
    case T_FROM: advance(p); return from_stmt(p, &st);
    default:
        if (!starts_expr(st.kind) && st.kind != T_STAR && st.kind != T_YIELD) return generic(p);
        return expr_stmt(p, &st);
    }
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static bool simple_stmts(P *p, Vec *out) {
    for (;;) {
        sp_Node *s = simple_stmt(p);
        TRYB(s);
        TRYB(vpush(p, out, s));
        if (accept(p, T_NEWLINE)) return true;
        if (!accept(p, T_SEMI)) return generic(p), false;
        if (accept(p, T_NEWLINE)) return true;
    }
}

/* ------------------------------------------------------------- compound statements */

static bool colon(P *p) {
    if (accept(p, T_COLON)) return true;
    if (at(p, T_NEWLINE)) return err_tok(p, peek(p), "expected ':'"), false;
    return generic(p), false;
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts */
static bool block(P *p, sp_NodeList *out, const char *what, int line) {
    Vec v = {0};
    if (!accept(p, T_NEWLINE)) {
        TRYB(simple_stmts(p, &v));
        *out = vlist(&v);
        return true;
    }
    if (!at(p, T_INDENT)) {
        sp_Tok *t = peek(p);
        if (p->failed) return false;
        err_indent(p, t->line, t->col, sp_tok_end_line(t), sp_tok_end_col(t), "expected an indented block after %s on line %d",
                   what, line);
        return false;
    }
    advance(p);
    TRYB(enter(p));
    bool ok = true;
    while (ok && !at(p, T_DEDENT) && !at(p, T_END)) ok = statement(p, &v);
    leave(p);
    TRYB(ok);
    TRYB(expect(p, T_DEDENT));
    *out = vlist(&v);
    return true;
}

static bool else_block(P *p, sp_NodeList *out) {
    sp_Tok st = *peek(p);
    if (!accept(p, T_ELSE)) return true;
    TRYB(expect_forced(p, T_COLON));
    return block(p, out, "'else' statement", st.line);
}

static sp_Node *if_stmt(P *p) {
    sp_Tok st = *peek(p);
    advance(p);
    sp_Node *n = mkt(p, SP_N_IF, &st);
    TRY(n);
    TRY(n->u.if_.test = named_expression(p));
    TRY(colon(p));
    TRY(block(p, &n->u.if_.body, st.kind == T_IF ? "'if' statement" : "'elif' statement", st.line));
    if (at(p, T_ELIF)) {
        sp_Node *e = if_stmt(p);
        TRY(e);
        Vec v = {0};
        TRY(vpush(p, &v, e));
        n->u.if_.orelse = vlist(&v);
    } else {
        TRY(else_block(p, &n->u.if_.orelse));
    }
    return fin(p, n);
}

static sp_Node *while_stmt(P *p) {
    sp_Tok st = *peek(p);
    advance(p);
    sp_Node *n = mkt(p, SP_N_WHILE, &st);
    TRY(n);
    TRY(n->u.while_.test = named_expression(p));
    TRY(colon(p));
    TRY(block(p, &n->u.while_.body, "'while' statement", st.line));
    TRY(else_block(p, &n->u.while_.orelse));
    return fin(p, n);
}

/* star_targets of for / comprehension (stops before 'in'). */
static sp_Node *target_list(P *p, int stop) {
    sp_Tok st = *peek(p);
    Vec v = {0};
    bool comma = false;
    for (;;) {
        sp_Node *t = at(p, T_STAR) ? starred(p) : bitor(p);
        TRY(t);
        TRY(vpush(p, &v, t));
        if (!accept(p, T_COMMA)) break;
        comma = true;
        if (at(p, stop)) break;
    }
    sp_Node *t = v.items[0];
    if (v.n > 1 || comma) TRY(t = seq_node(p, SP_N_TUPLE, st.line, st.col, &v));
    return t;
}

static sp_Node *for_stmt(P *p, const sp_Tok *st, bool is_async) {
    advance(p); /* for */
    sp_Node *n = mkt(p, SP_N_FOR, st);
    TRY(n);
    n->u.for_.is_async = is_async;
    sp_Node *t = target_list(p, T_IN);
    TRY(t);
    if (!at(p, T_IN)) {
        const sp_Node *bad = invalid_target(t, false);
        if (bad) return err_node(p, bad, "cannot assign to %s", expr_name(bad));
        return generic(p);
    }
    TRY(to_target(p, t, SP_CTX_STORE));
    advance(p);
    n->u.for_.target = t;
    TRY(n->u.for_.iter = star_expressions(p));
    TRY(colon(p));
    TRY(block(p, &n->u.for_.body, "'for' statement", st->line));
    TRY(else_block(p, &n->u.for_.orelse));
    return fin(p, n);
}

static sp_Node *with_item(P *p) {
    sp_Node *w = mkt(p, SP_N_WITHITEM, peek(p));
    TRY(w);
    TRY(w->u.withitem.context_expr = expression(p));
    if (accept(p, T_AS)) {
        sp_Node *t = at(p, T_STAR) ? starred(p) : bitor(p);
        TRY(t);
        if (!at(p, T_COMMA) && !at(p, T_RPAR) && !at(p, T_COLON)) return generic(p);
        TRY(to_target(p, t, SP_CTX_STORE));
        w->u.withitem.optional_vars = t;
    }
    return fin(p, w);
}

/* Does the '(' at the current token close right before a ':'? */
static bool paren_then_colon(P *p) {
    int depth = 0;
    for (size_t k = 0;; k++) {
        sp_Tok *t = peekn(p, k);
        switch (t->kind) {
        case T_LPAR: case T_LSQB: case T_LBRACE: depth++; break;
        case T_RPAR: case T_RSQB: case T_RBRACE:
            if (--depth == 0) return peekn(p, k + 1)->kind == T_COLON;
            break;
        case T_NEWLINE: case T_END: return false;
        default: break;
        }
    }
}

static sp_Node *with_stmt(P *p, const sp_Tok *st, bool is_async) {
    advance(p); /* with */
    sp_Node *n = mkt(p, SP_N_WITH, st);
    TRY(n);
    n->u.with.is_async = is_async;
    Vec v = {0};
    bool paren = at(p, T_LPAR) && paren_then_colon(p);
    if (paren) advance(p);
    for (;;) {
        sp_Node *w = with_item(p);
        TRY(w);
        TRY(vpush(p, &v, w));
        if (!accept(p, T_COMMA)) break;
        if (paren && at(p, T_RPAR)) break;
    }
    if (paren) TRY(expect(p, T_RPAR));
    n->u.with.items = vlist(&v);
    TRY(colon(p));
    TRY(block(p, &n->u.with.body, "'with' statement", st->line));
    return fin(p, n);
}

static sp_Node *except_clause(P *p, int *star) {
    sp_Tok st = *peek(p);
    advance(p);
    bool is_star = accept(p, T_STAR);
    if (*star >= 0 && *star != (int)is_star)
        return err_tok(p, &st, "cannot have both 'except' and 'except*' on the same 'try'");
    *star = is_star;
    sp_Node *h = mkt(p, SP_N_EXCEPTHANDLER, &st);
    TRY(h);
    if (!at(p, T_COLON)) {
        if (is_star && at(p, T_NEWLINE)) return err_tok(p, peek(p), "expected one or more exception types");
        if (!is_star && at(p, T_NEWLINE)) return err_tok(p, peek(p), "expected ':'");
        sp_Node *t = expression(p);
        TRY(t);
        if (at(p, T_COMMA)) {
            sp_Node *t2;
            advance(p);
            TRY(t2 = expression(p));
            return err_at(p, t->lineno, t->col, t2->end_lineno, t2->end_col,
                          "multiple exception types must be parenthesized");
        }
        h->u.handler.type = t;
        if (accept(p, T_AS)) TRY(h->u.handler.name = expect_name(p));
    } else if (is_star) {
        return err_tok(p, peek(p), "expected one or more exception types");
    }
    TRY(colon(p));
    TRY(block(p, &h->u.handler.body, is_star ? "'except*' statement" : "'except' statement", st.line));
    return fin(p, h);
}

static sp_Node *try_stmt(P *p) {
    sp_Tok st = *peek(p);
    advance(p);
    sp_Node *n = mkt(p, SP_N_TRY, &st);
    TRY(n);
    TRY(expect_forced(p, T_COLON));
    TRY(block(p, &n->u.try_.body, "'try' statement", st.line));
    Vec hs = {0};
    int star = -1;
    while (at(p, T_EXCEPT)) {
        sp_Node *h = except_clause(p, &star);
        TRY(h);
        TRY(vpush(p, &hs, h));
    }
    n->u.try_.handlers = vlist(&hs);
    n->u.try_.is_star = star == 1;
    if (hs.n) TRY(else_block(p, &n->u.try_.orelse));
    sp_Tok ft = *peek(p);
    if (accept(p, T_FINALLY)) {
        TRY(expect_forced(p, T_COLON));
        TRY(block(p, &n->u.try_.finalbody, "'finally' statement", ft.line));
    } else if (!hs.n) {
        return err_tok(p, peek(p), "expected 'except' or 'finally' block");
    }
    return fin(p, n);
}

static bool decorators(P *p, Vec *v) {
    while (accept(p, T_AT)) {
        sp_Node *d = named_expression(p);
        TRYB(d);
        TRYB(vpush(p, v, d));
        TRYB(expect(p, T_NEWLINE));
    }
    return true;
}

static sp_Node *funcdef(P *p, const sp_Tok *st, bool is_async, Vec *decos) {
    advance(p); /* def */
    sp_Node *n = mkt(p, SP_N_FUNCTIONDEF, st);
    TRY(n);
    n->u.funcdef.is_async = is_async;
    n->u.funcdef.decorators = vlist(decos);
    TRY(n->u.funcdef.name = expect_name(p));
    TRY(expect_forced(p, T_LPAR));
    TRY(enter(p));
    n->u.funcdef.args = parameters(p, T_RPAR, true);
    leave(p);
    TRY(n->u.funcdef.args);
    TRY(expect(p, T_RPAR));
    if (accept(p, T_RARROW)) TRY(n->u.funcdef.returns = expression(p));
    TRY(expect_forced(p, T_COLON));
    TRY(block(p, &n->u.funcdef.body, "function definition", st->line));
    return fin(p, n);
}

static sp_Node *classdef(P *p, const sp_Tok *st, Vec *decos) {
    advance(p); /* class */
    sp_Node *n = mkt(p, SP_N_CLASSDEF, st);
    TRY(n);
    n->u.classdef.decorators = vlist(decos);
    TRY(n->u.classdef.name = expect_name(p));
    if (at(p, T_LPAR)) {
        int oline = peek(p)->line, ocol = peek(p)->col;
        advance(p);
        TRY(enter(p));
        bool ok = call_args(p, &n->u.classdef.bases, &n->u.classdef.keywords, oline, ocol);
        leave(p);
        TRY(ok);
    }
    TRY(colon(p));
    TRY(block(p, &n->u.classdef.body, "class definition", st->line));
    return fin(p, n);
}

/* ------------------------------------------------------------- match */

static sp_Node *pat_node(P *p, int k, const sp_Tok *st) { return mkt(p, k, st); }

static bool is_capture_name(P *p) {
    sp_Tok *t = peek(p);
    if (t->kind != T_NAME || tok_is(p, t, "_")) return false;
    int k = peekn(p, 1)->kind;
    return k != T_DOT && k != T_LPAR && k != T_EQUAL;
}

/* signed_number ['+' | '-' imaginary]: complex literals are rejected. */
static sp_Node *literal_number(P *p) {
    sp_Tok st = *peek(p);
    bool neg = accept(p, T_MINUS);
    if (!at(p, T_NUMBER)) return generic(p);
    sp_Node *v = number(p);
    TRY(v);
    if (neg) {
        sp_Node *u = mkt(p, SP_N_UNARYOP, &st);
        TRY(u);
        u->u.unaryop.op = SP_UOP_NEG;
        u->u.unaryop.operand = v;
        v = fin(p, u);
    }
    if (at(p, T_PLUS) || at(p, T_MINUS)) {
        advance(p);
        if (at(p, T_NUMBER) && peek(p)->sub == SP_NUM_IMAG) return err_tok(p, peek(p), "complex numbers are not supported");
        if (at(p, T_NUMBER)) {
            sp_Tok nt = *peek(p);
            return err_tok(p, &nt, "imaginary number required in complex literal");
        }
        return generic(p);
    }
    return v;
}

/* Dotted name value pattern or class pattern name: Name(.attr)*. */
static sp_Node *name_or_attr(P *p) {
    sp_Node *e = name_node(p, peek(p), SP_CTX_LOAD);
    TRY(e);
    advance(p);
    while (at(p, T_DOT)) {
        advance(p);
        if (!at(p, T_NAME)) return generic(p);
        sp_Node *a = mkn(p, SP_N_ATTRIBUTE, e);
        TRY(a);
        a->u.attribute.value = e;
        TRY(a->u.attribute.attr = tok_str(p, peek(p)));
        advance(p);
        e = fin(p, a);
    }
    return e;
}

static sp_Node *mapping_key(P *p) {
    if (at(p, T_STRING)) {
        sp_Node *s = strings(p);
        if (s && s->kind == SP_N_JOINEDSTR) return err_node(p, s, "patterns may only match literals and attribute lookups");
        return s;
    }
    if (at(p, T_NONE)) return constant(p, SP_CONST_NONE);
    if (at(p, T_TRUE)) return constant(p, SP_CONST_TRUE);
    if (at(p, T_FALSE)) return constant(p, SP_CONST_FALSE);
    if (at(p, T_NAME)) {
        sp_Node *e = name_or_attr(p);
        if (e && e->kind == SP_N_NAME) return generic(p);
        return e;
    }
    return literal_number(p);
}

/* Comma-separated patterns until `close`; star allowed. */
static bool pattern_list(P *p, Vec *v, int close) {
    while (!at(p, close)) {
        sp_Node *x = pattern(p);
        TRYB(x);
        TRYB(vpush(p, v, x));
        if (!accept(p, T_COMMA)) break;
    }
    return expect(p, close);
}

static sp_Node *class_pattern(P *p, sp_Node *cls) {
    sp_Node *n = mkn(p, SP_N_MATCHCLASS, cls);
    TRY(n);
    n->u.matchclass.cls = cls;
    advance(p); /* ( */
    Vec pos = {0}, kp = {0};
    const char **names = NULL;
    size_t cnt = 0;
    while (!at(p, T_RPAR)) {
        if (at(p, T_NAME) && peekn(p, 1)->kind == T_EQUAL) {
            const char *nm = tok_str(p, peek(p));
            TRY(nm);
            advance(p);
            advance(p);
            sp_Node *x = pattern(p);
            TRY(x);
            const char **nn = sp_arena_alloc(p->A, (cnt + 1) * sizeof *nn); /* few keywords: fine */
            if (!nn) return p->failed = true, NULL;
            if (cnt) memcpy(nn, names, cnt * sizeof *nn);
            names = nn;
            names[cnt++] = nm;
            TRY(vpush(p, &kp, x));
        } else {
            sp_Node *x = pattern(p);
            TRY(x);
            if (cnt) return err_node(p, x, "positional patterns follow keyword patterns");
            TRY(vpush(p, &pos, x));
        }
        if (!accept(p, T_COMMA)) break;
    }
    TRY(expect(p, T_RPAR));
    n->u.matchclass.patterns = vlist(&pos);
    n->u.matchclass.kwd_attrs.items = names;
    n->u.matchclass.kwd_attrs.n = cnt;
    n->u.matchclass.kwd_patterns = vlist(&kp);
    return fin(p, n);
}

static sp_Node *mapping_pattern(P *p) {
    sp_Tok st = *peek(p);
    advance(p);
    sp_Node *n = pat_node(p, SP_N_MATCHMAPPING, &st);
    TRY(n);
    Vec keys = {0}, pats = {0};
    while (!at(p, T_RBRACE)) {
        if (accept(p, T_DOUBLESTAR)) {
            if (!at(p, T_NAME) || tok_is(p, peek(p), "_")) return generic(p);
            TRY(n->u.matchmapping.rest = expect_name(p));
            accept(p, T_COMMA);
            break;
        }
        sp_Node *k = mapping_key(p);
        TRY(k);
        TRY(expect(p, T_COLON));
        sp_Node *v = pattern(p);
        TRY(v);
        TRY(vpush(p, &keys, k));
        TRY(vpush(p, &pats, v));
        if (!accept(p, T_COMMA)) break;
    }
    TRY(expect(p, T_RBRACE));
    n->u.matchmapping.keys = vlist(&keys);
    n->u.matchmapping.patterns = vlist(&pats);
    return fin(p, n);
}

static sp_Node *value_pattern(P *p, sp_Node *v, const sp_Tok *st) {
    sp_Node *n = pat_node(p, SP_N_MATCHVALUE, st);
    TRY(n);
    n->u.matchvalue.value = v;
    return fin(p, n);
}

static sp_Node *closed_pattern(P *p) {
    sp_Tok st = *peek(p);
    switch (st.kind) {
    case T_NONE: case T_TRUE: case T_FALSE: {
        advance(p);
        sp_Node *n = pat_node(p, SP_N_MATCHSINGLETON, &st);
        TRY(n);
        n->u.matchsingleton.value = st.kind == T_NONE ? SP_CONST_NONE : st.kind == T_TRUE ? SP_CONST_TRUE : SP_CONST_FALSE;
        return fin(p, n);
    }
    case T_STRING: {
        sp_Node *s = strings(p);
        TRY(s);
        if (s->kind == SP_N_JOINEDSTR) return err_node(p, s, "patterns may only match literals and attribute lookups");
        return value_pattern(p, s, &st);
    }
    case T_NUMBER: case T_MINUS: {
        sp_Node *v = literal_number(p);
        TRY(v);
        return value_pattern(p, v, &st);
    }
    case T_STAR: {
        advance(p);
        sp_Node *n = pat_node(p, SP_N_MATCHSTAR, &st);
        TRY(n);
        if (!at(p, T_NAME)) return generic(p);
        if (!tok_is(p, peek(p), "_")) TRY(n->u.matchstar.name = tok_str(p, peek(p)));
        advance(p);
        return fin(p, n);
    }
    case T_NAME: {
        if (tok_is(p, &st, "_") && peekn(p, 1)->kind != T_DOT && peekn(p, 1)->kind != T_LPAR) {
            advance(p);
            return fin(p, pat_node(p, SP_N_MATCHAS, &st));
        }
        if (is_capture_name(p)) {
            advance(p);
            sp_Node *n = pat_node(p, SP_N_MATCHAS, &st);
            TRY(n);
            TRY(n->u.matchas.name = tok_str(p, &st));
            return fin(p, n);
        }
        sp_Node *e = name_or_attr(p);
        TRY(e);
        if (at(p, T_LPAR)) return class_pattern(p, e);
        if (e->kind == SP_N_NAME) return generic(p);
        return value_pattern(p, e, &st);
    }
    case T_LPAR: case T_LSQB: {
        int close = st.kind == T_LPAR ? T_RPAR : T_RSQB;
        advance(p);
        TRY(enter(p));
        Vec v = {0};
        sp_Node *r = NULL;
        if (st.kind == T_LPAR && !at(p, T_RPAR)) {
            sp_Node *x = pattern(p);
            if (x && accept(p, T_RPAR)) {
                leave(p);
                return x; /* group */
            }
            if (x && vpush(p, &v, x) && expect(p, T_COMMA) && pattern_list(p, &v, close)) r = x;
        } else if (pattern_list(p, &v, close)) {
            r = (sp_Node *)&v;
        }
        leave(p);
        TRY(r);
        sp_Node *n = pat_node(p, SP_N_MATCHSEQUENCE, &st);
        TRY(n);
        n->u.matchseq.patterns = vlist(&v);
        return fin(p, n);
    }
    case T_LBRACE: {
        TRY(enter(p));
        sp_Node *r = mapping_pattern(p);
        leave(p);
        return r;
    }
    default:
        return generic(p);
    }
}

static sp_Node *or_pattern(P *p) {
    sp_Tok st = *peek(p);
    sp_Node *first = closed_pattern(p);
    TRY(first);
    if (!at(p, T_VBAR)) return first;
    Vec v = {0};
    TRY(vpush(p, &v, first));
    while (accept(p, T_VBAR)) {
        sp_Node *x = closed_pattern(p);
        TRY(x);
        TRY(vpush(p, &v, x));
    }
    sp_Node *n = pat_node(p, SP_N_MATCHOR, &st);
    TRY(n);
    n->u.matchseq.patterns = vlist(&v);
    return fin(p, n);
}

/* pattern: or_pattern ['as' NAME] */
static sp_Node *pattern(P *p) {
    sp_Tok st = *peek(p);
    sp_Node *o = or_pattern(p);
    TRY(o);
    if (!accept(p, T_AS)) return o;
    if (!at(p, T_NAME)) return generic(p);
    if (tok_is(p, peek(p), "_")) return err_tok(p, peek(p), "cannot use '_' as a target");
    sp_Node *n = pat_node(p, SP_N_MATCHAS, &st);
    TRY(n);
    n->u.matchas.pattern = o;
    TRY(n->u.matchas.name = tok_str(p, peek(p)));
    advance(p);
    return fin(p, n);
}

/* patterns: open_sequence_pattern | pattern */
static sp_Node *patterns(P *p) {
    sp_Tok st = *peek(p);
    sp_Node *first = pattern(p);
    TRY(first);
    if (!at(p, T_COMMA)) return first;
    Vec v = {0};
    TRY(vpush(p, &v, first));
    while (accept(p, T_COMMA) && !at(p, T_COLON) && !tok_is(p, peek(p), "if")) {
        if (at(p, T_IF)) break;
        sp_Node *x = pattern(p);
        TRY(x);
        TRY(vpush(p, &v, x));
    }
    sp_Node *n = pat_node(p, SP_N_MATCHSEQUENCE, &st);
    TRY(n);
    n->u.matchseq.patterns = vlist(&v);
    return fin(p, n);
}

/* Soft keyword: 'match' starts a match statement if the logical line has
 * the shape  match <subject> ':' NEWLINE  (first ':' at bracket depth 0). */
static bool is_match_stmt(P *p) {
    if (!tok_is(p, peek(p), "match")) return false;
    int k1 = peekn(p, 1)->kind;
    if (!starts_expr(k1) && k1 != T_STAR) return false;
    /* these cannot continue an expression statement starting with the
     * name `match`: it is a match statement (maybe missing its ':') */
    if (k1 == T_NAME || k1 == T_NUMBER || k1 == T_STRING || k1 == T_LBRACE || k1 == T_TILDE ||
        k1 == T_NONE || k1 == T_TRUE || k1 == T_FALSE || k1 == T_ELLIPSIS || k1 == T_NOT || k1 == T_AWAIT)
        return true;
    int depth = 0;
    for (size_t k = 1;; k++) {
        sp_Tok *t = peekn(p, k);
        switch (t->kind) {
        case T_LPAR: case T_LSQB: case T_LBRACE: depth++; break;
        case T_RPAR: case T_RSQB: case T_RBRACE: depth--; break;
        case T_COLON:
            if (depth == 0) return peekn(p, k + 1)->kind == T_NEWLINE;
            break;
        case T_NEWLINE: case T_END: case T_SEMI: case T_EQUAL: return false;
        case T_LAMBDA: if (depth == 0) return false; break;
        default: break;
        }
    }
}

static sp_Node *match_stmt(P *p) {
    sp_Tok st = *peek(p);
    advance(p);
    sp_Node *n = mkt(p, SP_N_MATCH, &st);
    TRY(n);
    sp_Node *subj = star_named_expression(p);
    TRY(subj);
    if (at(p, T_COMMA)) {
        Vec v = {0};
        TRY(vpush(p, &v, subj));
        while (accept(p, T_COMMA) && !at(p, T_COLON)) {
            sp_Node *x = star_named_expression(p);
            TRY(x);
            TRY(vpush(p, &v, x));
        }
        sp_Node *t = mkn(p, SP_N_TUPLE, subj);
        TRY(t);
        t->u.seq.elts = vlist(&v);
        subj = fin(p, t);
    }
    n->u.match.subject = subj;
    TRY(colon(p));
    TRY(expect(p, T_NEWLINE));
    if (!at(p, T_INDENT)) {
        sp_Tok *t = peek(p);
        return err_indent(p, t->line, t->col, sp_tok_end_line(t), sp_tok_end_col(t),
                          "expected an indented block after 'match' statement on line %d", st.line);
    }
    advance(p);
    Vec cases = {0};
    TRY(enter(p));
    bool ok = true;
    while (ok && !at(p, T_DEDENT) && !at(p, T_END)) {
        sp_Tok ct = *peek(p);
        if (!tok_is(p, &ct, "case")) {
            generic(p);
            ok = false;
            break;
        }
        advance(p);
        sp_Node *c = mkt(p, SP_N_MATCH_CASE, &ct);
        ok = c && (c->u.match_case.pattern = patterns(p)) != NULL;
        if (ok && accept(p, T_IF)) ok = (c->u.match_case.guard = named_expression(p)) != NULL;
        ok = ok && colon(p) && block(p, &c->u.match_case.body, "'case' statement", ct.line);
        ok = ok && vpush(p, &cases, fin(p, c));
    }
    leave(p);
    TRY(ok);
    TRY(expect(p, T_DEDENT));
    n->u.match.cases = vlist(&cases);
    return fin(p, n);
}

/* ------------------------------------------------------------- statements */

static sp_Node *compound(P *p, Vec *decos) {
    sp_Tok st = *peek(p);
    if (decos->n && st.kind != T_DEF && st.kind != T_CLASS && st.kind != T_ASYNC) return generic(p);
    switch (st.kind) {
    case T_IF: return if_stmt(p);
    case T_WHILE: return while_stmt(p);
    case T_FOR: return for_stmt(p, &st, false);
    case T_WITH: return with_stmt(p, &st, false);
    case T_TRY: return try_stmt(p);
    case T_DEF: return funcdef(p, &st, false, decos);
    case T_CLASS: return classdef(p, &st, decos);
    case T_ASYNC:
        advance(p);
        if (at(p, T_DEF)) return funcdef(p, &st, true, decos);
        if (decos->n) return generic(p);
        if (at(p, T_FOR)) return for_stmt(p, &st, true);
        if (at(p, T_WITH)) return with_stmt(p, &st, true);
        return generic(p);
    default:
        return match_stmt(p);
    }
}

static bool statement(P *p, Vec *out) {
    int k = kind(p);
    if (k == T_AT || k == T_IF || k == T_WHILE || k == T_FOR || k == T_WITH || k == T_TRY ||
        k == T_DEF || k == T_CLASS || k == T_ASYNC || is_match_stmt(p)) {
        Vec decos = {0};
        TRYB(decorators(p, &decos));
        sp_Node *s = compound(p, &decos);
        TRYB(s);
        return vpush(p, out, s);
    }
    return simple_stmts(p, out);
}

/* ------------------------------------------------------------- entry */

/* The source's code points, or -1 with SyntaxError pending. */
static int64_t check_source(sp_VM *vm, const char *src, size_t n, const char *filename) {
    if (memchr(src, 0, n)) {
        sp_Value m = sp_str_cstr(vm, "source code string cannot contain null bytes");
        if (sp_iserr(m)) return false;
        sp_Value t = sp_tuple_pack(vm, 1, &m);
        if (!sp_iserr(t)) sp_raise_args(vm, &sp_t_SyntaxError, t);
        return -1;
    }
    int64_t nchars = sp_utf8_check(src, n);
    if (nchars >= 0) return nchars;
    /* find the offending byte for CPython's message */
    size_t i = 0, ls = 0;
    int line = 1;
    while (i < n) {
        unsigned char c = (unsigned char)src[i];
        if (c == '\n') line++, ls = i + 1;
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || (len > 1 && sp_utf8_check(src + i, i + len <= n ? len : n - i) < 0)) {
            const char *why = len == 0 ? "invalid start byte" : i + len > n ? "unexpected end of data"
                                                                            : "invalid continuation byte";
            char msg[160];
            snprintf(msg, sizeof msg, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s",
                     c, (int)(i - ls), why);
            sp_Value e = sp_synerr_new(vm, &sp_t_SyntaxError, filename, NULL, 0, line, (int)(i - ls), line, -1, msg);
            if (!sp_iserr(e)) sp_raisev(vm, e);
            return -1;
        }
        i += len;
    }
    return -1; /* not reached: sp_utf8_check rejects only what the loop finds */
}

sp_Node *sp_parse(sp_VM *vm, sp_Arena *arena, const char *src, size_t n, const char *filename) {
    int64_t nchars = check_source(vm, src, n, filename);
    if (nchars < 0) return NULL;
    /* the lexer and the first lookahead buffer live in the arena too */
    enum { QFIRST = 16 };
    sp_Lex *L = sp_arena_raw(arena, sizeof *L); /* sp_lex_init clears what it reads */
    sp_Tok *q0 = L ? sp_arena_raw(arena, QFIRST * sizeof *q0) : NULL;
    if (!q0) return NULL;
    sp_lex_init(L, vm, src, n, filename);
    P p;
    memset(&p, 0, sizeof p);
    p.vm = vm;
    p.A = arena;
    p.L = L;
    p.q = p.q0 = q0;
    p.qcap = QFIRST;
    p.endtok.kind = T_END;
    sp_Node *mod = mk(&p, SP_N_MODULE, 1, 0);
    Vec body = {0};
    while (mod && !p.failed && !at(&p, T_END)) {
        if (at(&p, T_NEWLINE)) { /* e.g. a line holding only ';'? no: NEWLINE alone */
            advance(&p);
            continue;
        }
        if (!statement(&p, &body)) break;
    }
    if (p.q != p.q0) sp_free(vm, p.q, p.qcap * sizeof *p.q);
    if (p.failed || !mod) {
        if (!sp_err_occurred(vm)) sp_nomem(vm);
        return NULL;
    }
    mod->u.module.body = vlist(&body);
    mod->u.module.nchars = (size_t)nchars;
    return mod;
}

sp_Value sp_syntax_error(sp_VM *vm, const char *filename, int line, int col, const char *msg) {
    return sp_synerr_new(vm, &sp_t_SyntaxError, filename, NULL, 0, line, col - 1, line, col - 1, msg);
}

sp_Value sp_syntax_error_at(sp_VM *vm, const char *filename, const char *src, size_t n,
                            int line, int col, int end_line, int end_col, const char *msg) {
    return sp_synerr_new(vm, &sp_t_SyntaxError, filename, src, n, line, col, end_line, end_col, msg);
}
