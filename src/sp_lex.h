/* sp_lex.h - the tokenizer, private to sp_lex.c and sp_parse.c.
 *
 * A pull tokenizer in the style of CPython's tokenizer.c: it produces one
 * token at a time (NEWLINE, INDENT, DEDENT at line level), tracks bracket
 * nesting, and reports CPython's tokenizer errors.  Strings are returned
 * undecoded (prefix flags and body span); sp_parse.c decodes them.
 */
#ifndef SP_LEX_H
#define SP_LEX_H

#include "sp_ast.h"

enum {
    T_END = 0, T_NEWLINE, T_INDENT, T_DEDENT, T_NAME, T_NUMBER, T_STRING,
    /* operators */
    T_LPAR, T_RPAR, T_LSQB, T_RSQB, T_LBRACE, T_RBRACE, T_COLON, T_COMMA, T_SEMI,
    T_PLUS, T_MINUS, T_STAR, T_SLASH, T_VBAR, T_AMPER, T_LESS, T_GREATER, T_EQUAL,
    T_DOT, T_PERCENT, T_EQEQUAL, T_NOTEQUAL, T_LESSEQUAL, T_GREATEREQUAL, T_TILDE,
    T_CIRCUMFLEX, T_LEFTSHIFT, T_RIGHTSHIFT, T_DOUBLESTAR, T_PLUSEQUAL, T_MINEQUAL,
    T_STAREQUAL, T_SLASHEQUAL, T_PERCENTEQUAL, T_AMPEREQUAL, T_VBAREQUAL,
    T_CIRCUMFLEXEQUAL, T_LEFTSHIFTEQUAL, T_RIGHTSHIFTEQUAL, T_DOUBLESTAREQUAL,
    T_DOUBLESLASH, T_DOUBLESLASHEQUAL, T_AT, T_ATEQUAL, T_RARROW, T_ELLIPSIS,
    T_COLONEQUAL,
    /* keywords (soft keywords match/case/_ stay T_NAME) */
    T_KW_FIRST_,
    T_FALSE = T_KW_FIRST_, T_NONE, T_TRUE, T_AND, T_AS, T_ASSERT, T_ASYNC, T_AWAIT,
    T_BREAK, T_CLASS, T_CONTINUE, T_DEF, T_DEL, T_ELIF, T_ELSE, T_EXCEPT, T_FINALLY,
    T_FOR, T_FROM, T_GLOBAL, T_IF, T_IMPORT, T_IN, T_IS, T_LAMBDA, T_NONLOCAL, T_NOT,
    T_OR, T_PASS, T_RAISE, T_RETURN, T_TRY, T_WHILE, T_WITH, T_YIELD,
    T_COUNT_
};

/* NUMBER token sub-kinds */
enum { SP_NUM_INT = 0, SP_NUM_FLOAT, SP_NUM_IMAG };

/* STRING token flags */
enum { SP_STR_RAW = 1, SP_STR_BYTES = 2, SP_STR_F = 4, SP_STR_U = 8 };

/* sp_Tok.flags */
enum { SP_TOK_END = 1 }; /* end_line/end_col hold its end */

/* A token.  Most are written by the lexer's fast path (sp_lex_ahead,
 * sp_lex_next's small functions), a few stores each: its end is then on
 * its line, `end - start` bytes after col, end_line/end_col are not
 * written (no SP_TOK_END), and sp_lex_ahead writes the col of only the
 * first token of a line in a run: sp_tok_cols fills in the others for
 * the readers of positions (sp_parse.c; the quick compiler reads lines
 * only).  Read the end with sp_tok_end_line/sp_tok_end_col. */
typedef struct sp_Tok {
    union {
        struct {
            uint8_t kind;
            uint8_t sub;              /* NUMBER: SP_NUM_*, STRING: SP_STR_* */
            uint8_t level;            /* bracket depth before this token */
            uint8_t flags;            /* SP_TOK_* */
        };
        uint32_t head;                /* the four in one store (SP_TOK_HEAD) */
    };
    int line, col;                    /* col: 0-based byte offset in line (see above) */
    int end_line, end_col;            /* only with SP_TOK_END */
    size_t start, end;                /* byte span in the source (STRING: prefix and quotes included) */
} sp_Tok;
_Static_assert(SP_MAX_PAREN_DEPTH < 256, "a token's level fits a byte");
/* sp_Tok.head of kind, level and flags (sub 0):
 * SP_TOK_HEAD(kind, SP_TOK_LEVEL(level) | SP_TOK_FLAGS(flags)). */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define SP_TOK_LEVEL(lv) ((uint32_t)(lv) << 8)
#define SP_TOK_FLAGS(f) ((uint32_t)(f))
#define SP_TOK_HEAD(kind, rest) ((uint32_t)(kind) << 24 | (rest))
#else
#define SP_TOK_LEVEL(lv) ((uint32_t)(lv) << 16)
#define SP_TOK_FLAGS(f) ((uint32_t)(f) << 24)
#define SP_TOK_HEAD(kind, rest) ((uint32_t)(kind) | (rest))
#endif

/* A token's first 8 bytes, head and line, as one word (one store). */
_Static_assert(offsetof(sp_Tok, line) == 4, "head and line fill a word");
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define SP_TOK_WORD(head, line) ((uint64_t)(head) << 32 | (uint32_t)(line))
#else
#define SP_TOK_WORD(head, line) ((uint64_t)(uint32_t)(line) << 32 | (uint32_t)(head))
#endif

static inline int sp_tok_end_line(const sp_Tok *t) { return t->flags & SP_TOK_END ? t->end_line : t->line; }
static inline int sp_tok_end_col(const sp_Tok *t) {
    return t->flags & SP_TOK_END ? t->end_col : t->col + (int)(t->end - t->start);
}

typedef struct sp_Lex {
    sp_VM *vm;
    const char *src;
    size_t n, pos;
    size_t line_start;    /* byte offset of the current physical line */
    int line;
    const char *filename;
    const char *fullsrc;  /* the whole module (error text lines) */
    size_t fulln;
    /* indentation */
    int nindent;          /* index of the top of the stacks */
    int pending;          /* >0: INDENTs to emit, <0: DEDENTs */
    bool at_bol;          /* at the start of a logical line */
    bool line_has_tok;    /* the current logical line produced a token */
    bool eof_done;
    bool no_indent;       /* sub-lexer for an f-string expression */
    /* brackets */
    int level;
    /* the stacks (last: only their used part is ever read) */
    int indent[SP_MAX_INDENT + 1], altindent[SP_MAX_INDENT + 1];
    char paren[SP_MAX_PAREN_DEPTH + 1];
    int paren_line[SP_MAX_PAREN_DEPTH + 1], paren_col[SP_MAX_PAREN_DEPTH + 1];
} sp_Lex;

/* Whole-module lexer; src must be valid UTF-8 without NUL bytes. */
void sp_lex_init(sp_Lex *L, sp_VM *vm, const char *src, size_t n, const char *filename);
/* Lexer over src[start, end) of a module (an f-string expression), as if
 * inside brackets; positions stay those of the module. */
void sp_lex_init_sub(sp_Lex *L, const sp_Lex *parent, size_t start, size_t end, int line,
                     size_t line_start);
/* Next token; false with the error raised. */
bool sp_lex_next(sp_Lex *L, sp_Tok *t);
/* Up to max next tokens into q[0..k), k returned: the run of common tokens
 * (names, keywords, operators, plain ints and one-line strings, NEWLINE,
 * the tokens at the end) from here, over comments, blank lines and lines
 * that keep the indentation, to the next INDENT or DEDENT, continuation
 * or any token that needs more work or is an error.  Never fails: 0 means
 * "call sp_lex_next", and a sequence of sp_lex_next calls gives the same
 * tokens either way. */
size_t sp_lex_ahead(sp_Lex *L, sp_Tok *q, size_t max);
/* The col of each of q[0, k), the tokens of one sp_lex_ahead call. */
void sp_tok_cols(sp_Tok *q, size_t k);

/* What a bracket's top level holds, for the quick compiler's group(): its
 * commas, its first `for` (-1: none) and a ':' before both; with a lambda
 * there (its parameters' commas and its ':' are its own) group() scans. */
typedef struct sp_Grp {
    int32_t ncomma, first_for;
    bool colon, lambda, star; /* star: an item starts with * or ** */
} sp_Grp;

/* The quick compiler's token array, filled as it is lexed: brackets paired
 * and their top levels noted while the tokens are in registers (a second
 * pass over the array cost ~20 instructions a token). */
typedef struct sp_Fill {
    sp_Tok *tk;           /* tokens [0, n), room for cap */
    int32_t *pair;        /* of a bracket: the index of its partner */
    sp_Grp *grp;          /* of an opening bracket: its top level */
    size_t n, cap;
    /* the keywords and operators with cls[kind] & mark are looked at: with
     * & stop, the caller never handles them (stopped is set, the tokens go
     * on); `if`s are counted in nif; `: for lambda * **` are noted in their
     * bracket's grp.  A `,` is always counted there, never a stop. */
    const uint16_t *cls;
    unsigned mark, stop;
    bool stopped;
    int top;              /* the bracket level outside any bracket (L->no_indent) */
    size_t nif;
    int32_t open[SP_MAX_PAREN_DEPTH]; /* by bracket level: the index of its opener */
} sp_Fill;

/* The next run of tokens (sp_lex_ahead's, or sp_lex_next's one token when
 * it has none) into f->tk[n, cap), n < cap, n moved past them; false with
 * the error raised.  The tokens and runs are those of sp_lex_ahead and
 * sp_lex_next (tools/lexdump.c --fill checks it, and the notes). */
bool sp_lex_fill(sp_Lex *L, sp_Fill *f);

/* Raise a SyntaxError-family exception at a source position (line 1-based,
 * col 0-based byte offset; col < 0: none, end_col -1 passes -1 through). */
void sp_lex_raise(sp_Lex *L, sp_Type *type, int line, int col, int end_line, int end_col,
                  const char *fmt, ...);

/* The exception instance for sp_syntax_error*: args (msg, (filename,
 * line, offset, text, end_line, end_offset)), offsets converted from byte
 * columns to CPython's 1-based character offsets (a negative column is
 * passed through).  text is the source line, None if line is out of range. */
sp_Value sp_synerr_new(sp_VM *vm, sp_Type *type, const char *filename, const char *src,
                       size_t n, int line, int col, int end_line, int end_col, const char *msg);

const char *sp_tok_name(int kind); /* "(" or "if" etc. */
/* Line and line start of the byte offset pos inside token tok (sp_parse.c). */
void sp_tok_pos_line(const char *src, const sp_Tok *tok, size_t pos, int *line, size_t *ls);
/* A STRING token's text between its quotes: src[*body, *body_end) (sp_parse.c). */
void sp_tok_str_body(const char *src, const sp_Tok *t, size_t *body, size_t *body_end);
/* A NUMBER token's digits without prefix or underscores (sp_parse.c, see there). */
size_t sp_numlit_digits(const char *s, size_t len, int sub, char *d, int *base);

#endif
