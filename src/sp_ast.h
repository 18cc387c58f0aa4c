/* sp_ast.h - the abstract syntax tree produced by the parser (sp_parse.c)
 * and consumed by the compiler (sp_compile.c).
 *
 * The shape follows CPython 3.11's ast module closely, so the compiler can
 * follow CPython's code generation: one sp_Node struct for every node, a
 * kind tag, positions, and a union holding the fields of that kind.
 *
 *  - Every node, list and string lives in one sp_Arena, freed in one go
 *    after compilation.  Nothing in the tree is a GC object.
 *  - Identifiers are NUL-terminated C strings (UTF-8) in the arena; the
 *    compiler interns them.  String constants are byte spans (s, len), also
 *    NUL-terminated; a str constant is valid UTF-8, a bytes constant holds
 *    raw bytes (may contain NULs, use len).
 *  - "Optional" child nodes are NULL when absent.  Lists never have NULL
 *    items unless the field comment says so (Dict.keys for **d,
 *    arguments.kw_defaults for kw-only args without default).
 *  - Positions are CPython's: lineno/end_lineno 1-based, col/end_col
 *    0-based UTF-8 byte offsets within the line.
 *  - Async forms (async def/for/with, await, async comprehensions) are
 *    parsed and flagged (is_async / SP_N_AWAIT); the compiler may reject them.
 *
 * This header only grows: existing kinds and fields keep their meaning.
 */
#ifndef SP_AST_H
#define SP_AST_H

#include "sp.h"

typedef struct sp_Node sp_Node;

/* ------------------------------------------------------------- arena */

typedef struct sp_ArenaChunk sp_ArenaChunk;
typedef struct sp_Arena {
    sp_VM *vm;
    sp_ArenaChunk *chunks; /* newest first */
    char *p, *end;         /* free space in the newest chunk */
    size_t total;          /* bytes obtained from sp_malloc */
} sp_Arena;

void sp_arena_init(sp_Arena *a, sp_VM *vm);
/* Zeroed, 16-byte aligned; NULL with MemoryError pending on failure. */
void *sp_arena_alloc(sp_Arena *a, size_t n);
/* The same without the zeroing, for buffers the caller fills.  Inline:
 * the AST, scopes and units all come from here.  (The free space is a
 * multiple of 16, so n fitting means its rounded size fits.) */
void *sp_arena_grow(sp_Arena *a, size_t n); /* any n; a new chunk if needed */
static inline void *sp_arena_raw(sp_Arena *a, size_t n) {
    if (n && n <= (size_t)(a->end - a->p)) {
        void *r = a->p;
        a->p += (n + 15) & ~(size_t)15;
        return r;
    }
    return sp_arena_grow(a, n);
}
/* Copy of s[0..n) plus a NUL terminator. */
char *sp_arena_strdup(sp_Arena *a, const char *s, size_t n);
void sp_arena_free(sp_Arena *a);

/* ------------------------------------------------------------- lists */

typedef struct sp_NodeList {
    sp_Node **items;
    size_t n;
} sp_NodeList;

typedef struct sp_NameList {
    const char **items;
    size_t n;
} sp_NameList;

/* ------------------------------------------------------------- kinds */

enum sp_NodeKind {
    SP_N_MODULE = 1,
    /* statements */
    SP_N_FUNCTIONDEF, /* also async def (is_async) */
    SP_N_CLASSDEF,
    SP_N_RETURN,
    SP_N_DELETE,
    SP_N_ASSIGN,
    SP_N_AUGASSIGN,
    SP_N_ANNASSIGN,
    SP_N_FOR,         /* also async for */
    SP_N_WHILE,
    SP_N_IF,
    SP_N_WITH,        /* also async with */
    SP_N_MATCH,
    SP_N_RAISE,
    SP_N_TRY,         /* also try/except* (is_star) */
    SP_N_ASSERT,
    SP_N_IMPORT,
    SP_N_IMPORTFROM,
    SP_N_GLOBAL,
    SP_N_NONLOCAL,
    SP_N_EXPR,
    SP_N_PASS,
    SP_N_BREAK,
    SP_N_CONTINUE,
    /* expressions */
    SP_N_BOOLOP,
    SP_N_NAMEDEXPR,
    SP_N_BINOP,
    SP_N_UNARYOP,
    SP_N_LAMBDA,
    SP_N_IFEXP,
    SP_N_DICT,
    SP_N_SET,
    SP_N_LISTCOMP,
    SP_N_SETCOMP,
    SP_N_DICTCOMP,
    SP_N_GENERATOREXP,
    SP_N_AWAIT,
    SP_N_YIELD,
    SP_N_YIELDFROM,
    SP_N_COMPARE,
    SP_N_CALL,
    SP_N_FORMATTEDVALUE,
    SP_N_JOINEDSTR,
    SP_N_CONSTANT,
    SP_N_ATTRIBUTE,
    SP_N_SUBSCRIPT,
    SP_N_STARRED,
    SP_N_NAME,
    SP_N_LIST,
    SP_N_TUPLE,
    SP_N_SLICE,
    /* auxiliary nodes */
    SP_N_COMPREHENSION,
    SP_N_EXCEPTHANDLER,
    SP_N_ARGUMENTS,
    SP_N_ARG,
    SP_N_KEYWORD,
    SP_N_ALIAS,
    SP_N_WITHITEM,
    SP_N_MATCH_CASE,
    /* patterns (match statement) */
    SP_N_MATCHVALUE,
    SP_N_MATCHSINGLETON,
    SP_N_MATCHSEQUENCE,
    SP_N_MATCHMAPPING,
    SP_N_MATCHCLASS,
    SP_N_MATCHSTAR,
    SP_N_MATCHAS,
    SP_N_MATCHOR,
    SP_N_KIND_COUNT_
};

/* Expression context of Name, Attribute, Subscript, Starred, List, Tuple. */
enum { SP_CTX_LOAD = 0, SP_CTX_STORE, SP_CTX_DEL };

/* BoolOp.op */
enum { SP_BOOL_AND = 0, SP_BOOL_OR };

/* UnaryOp.op: SP_UOP_NEG, SP_UOP_POS, SP_UOP_INVERT from sp.h, or: */
enum { SP_UOP_NOT = 8 };

/* Compare.ops: SP_LT..SP_GE from sp.h (0..5), then: */
enum { SP_CMP_IS = 6, SP_CMP_ISNOT, SP_CMP_IN, SP_CMP_NOTIN };

/* BinOp.op and AugAssign.op: SP_OP_ADD..SP_OP_XOR from sp.h (never the
 * SP_OP_INPLACE variants; AugAssign implies in-place). */

/* Constant.kind */
enum {
    SP_CONST_NONE = 0,
    SP_CONST_TRUE,
    SP_CONST_FALSE,
    SP_CONST_ELLIPSIS,
    SP_CONST_INT,   /* s/len: digits, no prefix, no underscores; base 2/8/10/16 */
    SP_CONST_FLOAT, /* f */
    SP_CONST_STR,   /* s/len: UTF-8, escapes already decoded */
    SP_CONST_BYTES  /* s/len: raw bytes */
};

/* Constant.flags */
enum {
    SP_CONSTF_FSTRING = 1, /* a literal part inside a JoinedStr */
    SP_CONSTF_U = 2        /* had a u prefix (CPython's kind='u') */
};

/* FormattedValue.conversion: -1 for none, else 's', 'r' or 'a'. */

/* ------------------------------------------------------------- nodes */

struct sp_Node {
    uint16_t kind;   /* enum sp_NodeKind */
    uint8_t ctx;     /* SP_CTX_*, for the kinds listed above */
    uint8_t pad_;    /* parser-private (bit 0: written in parentheses) */
    int lineno, col, end_lineno, end_col;
    union {
        struct {
            sp_NodeList body;
            size_t nchars; /* the source's code points (counted by its UTF-8 check) */
        } module;

        /* ---- statements ---- */
        struct {
            const char *name;
            sp_Node *args;           /* SP_N_ARGUMENTS */
            sp_NodeList body;
            sp_NodeList decorators;  /* in source order */
            sp_Node *returns;        /* annotation or NULL */
            bool is_async;
        } funcdef;
        struct {
            const char *name;
            sp_NodeList bases;       /* may contain Starred */
            sp_NodeList keywords;    /* SP_N_KEYWORD, arg NULL for **kw */
            sp_NodeList body;
            sp_NodeList decorators;
        } classdef;
        struct { sp_Node *value; } ret;           /* value may be NULL */
        struct { sp_NodeList targets; } del;      /* ctx DEL */
        struct {
            sp_NodeList targets;  /* a = b = value: [a, b], ctx STORE */
            sp_Node *value;
        } assign;
        struct { sp_Node *target; int op; sp_Node *value; } augassign;
        struct {
            sp_Node *target;
            sp_Node *annotation;
            sp_Node *value;       /* NULL for `x: int` */
            bool simple;          /* target is a plain Name not in parens */
        } annassign;
        struct {
            sp_Node *target, *iter;
            sp_NodeList body, orelse;
            bool is_async;
        } for_;
        struct { sp_Node *test; sp_NodeList body, orelse; } while_;
        struct { sp_Node *test; sp_NodeList body, orelse; } if_;  /* elif: nested If in orelse */
        struct {
            sp_NodeList items;    /* SP_N_WITHITEM */
            sp_NodeList body;
            bool is_async;
        } with;
        struct {
            sp_Node *subject;
            sp_NodeList cases;    /* SP_N_MATCH_CASE */
        } match;
        struct { sp_Node *exc, *cause; } raise;   /* both may be NULL */
        struct {
            sp_NodeList body;
            sp_NodeList handlers; /* SP_N_EXCEPTHANDLER */
            sp_NodeList orelse, finalbody;
            bool is_star;         /* except* */
        } try_;
        struct { sp_Node *test, *msg; } assert_;  /* msg may be NULL */
        struct { sp_NodeList names; } import;     /* SP_N_ALIAS */
        struct {
            const char *module;   /* dotted, NULL for `from . import x` */
            sp_NodeList names;    /* SP_N_ALIAS; a single "*" for import * */
            int level;            /* number of leading dots */
        } importfrom;
        struct { sp_NameList names; } global;     /* Global and Nonlocal */
        struct { sp_Node *value; } expr;          /* expression statement */

        /* ---- expressions ---- */
        struct { int op; sp_NodeList values; } boolop;   /* >= 2 values */
        struct { sp_Node *target, *value; } namedexpr;   /* target: Name, STORE */
        struct { sp_Node *left; int op; sp_Node *right; } binop;
        struct { int op; sp_Node *operand; } unaryop;
        struct { sp_Node *args; sp_Node *body; } lambda; /* args: SP_N_ARGUMENTS */
        struct { sp_Node *test, *body, *orelse; } ifexp;
        struct {
            sp_NodeList keys;     /* NULL item: `**values[i]` */
            sp_NodeList values;
        } dict;
        struct { sp_NodeList elts; } set;
        struct {
            sp_Node *elt;         /* ListComp, SetComp, GeneratorExp */
            sp_Node *key, *value; /* DictComp (elt NULL) */
            sp_NodeList generators; /* SP_N_COMPREHENSION */
        } comp;
        struct { sp_Node *value; } await_;
        struct { sp_Node *value; } yield;        /* Yield (value may be NULL) and YieldFrom */
        struct {
            sp_Node *left;
            int *ops;             /* n entries, SP_LT.. / SP_CMP_* */
            sp_NodeList comparators;
        } compare;
        struct {
            sp_Node *func;
            sp_NodeList args;     /* may contain Starred */
            sp_NodeList keywords; /* SP_N_KEYWORD */
        } call;
        struct {
            sp_Node *value;
            int conversion;       /* -1, 's', 'r', 'a' */
            sp_Node *format_spec; /* SP_N_JOINEDSTR or NULL */
        } formatted;
        struct { sp_NodeList values; } joined;   /* Constant (str) and FormattedValue */
        struct {
            int kind;             /* SP_CONST_* */
            int flags;            /* SP_CONSTF_* */
            int base;             /* SP_CONST_INT */
            const char *s;        /* INT, STR, BYTES; NUL-terminated */
            size_t len;
            double f;             /* FLOAT */
        } constant;
        struct { sp_Node *value; const char *attr; } attribute;
        struct { sp_Node *value, *slice; } subscript;  /* slice: expr, Slice or Tuple */
        struct { sp_Node *value; } starred;
        struct { const char *id; } name;
        struct { sp_NodeList elts; } seq;         /* List and Tuple */
        struct { sp_Node *lower, *upper, *step; } slice; /* each may be NULL */

        /* ---- auxiliary ---- */
        struct {
            sp_Node *target, *iter;
            sp_NodeList ifs;
            bool is_async;
        } comprehension;
        struct {
            sp_Node *type;        /* NULL for bare except */
            const char *name;     /* `as name`, or NULL */
            sp_NodeList body;
        } handler;
        struct {
            sp_NodeList posonlyargs; /* SP_N_ARG */
            sp_NodeList args;        /* SP_N_ARG */
            sp_Node *vararg;         /* SP_N_ARG or NULL */
            sp_NodeList kwonlyargs;  /* SP_N_ARG */
            sp_NodeList kw_defaults; /* same length as kwonlyargs, NULL items: none */
            sp_Node *kwarg;          /* SP_N_ARG or NULL */
            sp_NodeList defaults;    /* for the last len(defaults) of posonly+args */
        } arguments;
        struct { const char *name; sp_Node *annotation; } arg;
        struct { const char *arg; sp_Node *value; } keyword; /* arg NULL: **value */
        struct { const char *name; const char *asname; } alias; /* name dotted; asname may be NULL */
        struct { sp_Node *context_expr, *optional_vars; } withitem;
        struct { sp_Node *pattern, *guard; sp_NodeList body; } match_case;

        /* ---- patterns ---- */
        struct { sp_Node *value; } matchvalue;    /* constant, -x, a+bj, dotted name */
        struct { int value; } matchsingleton;     /* SP_CONST_NONE/TRUE/FALSE */
        struct { sp_NodeList patterns; } matchseq; /* MatchSequence and MatchOr */
        struct {
            sp_NodeList keys;     /* expressions (constants / dotted names) */
            sp_NodeList patterns;
            const char *rest;     /* **rest, or NULL */
        } matchmapping;
        struct {
            sp_Node *cls;         /* Name or Attribute */
            sp_NodeList patterns;
            sp_NameList kwd_attrs;
            sp_NodeList kwd_patterns;
        } matchclass;
        struct { const char *name; } matchstar;   /* NULL for *_ */
        struct {
            sp_Node *pattern;     /* NULL for a bare capture / wildcard */
            const char *name;     /* NULL for _ */
        } matchas;
    } u;
};

/* ------------------------------------------------------------- entry points */

/* Parse a whole module.  Returns the SP_N_MODULE node (allocated in
 * `arena`), or NULL with SyntaxError (or MemoryError / RecursionError)
 * pending in vm->exc. */
sp_Node *sp_parse(sp_VM *vm, sp_Arena *arena, const char *src, size_t n, const char *filename);
/* A string literal's body decoded (sp_parse.c; see there). */
size_t sp_strlit_decode(const char *s, size_t n, int flags, char *o, char *msg, bool *whole);
/* An f-string body walked once for both compilers (sp_parse.c): what it
 * holds, reported in order; a callback returning false stops the walk. */
typedef struct sp_FsVisit {
    void *ctx;
    bool (*text)(void *ctx, const char *s, size_t n, int flags); /* literal text, undecoded */
    bool (*expr)(void *ctx, size_t xs, size_t xe);                /* a field's expression src[xs, xe) */
    bool (*spec)(void *ctx, size_t ss, size_t se, int flags, int lvl); /* its format spec body */
    /* the field is complete: doc > 0 for f'{x=}' (its text src[xs, doc) comes first), conv -1/'s'/'r'/'a' */
    bool (*field)(void *ctx, size_t xs, size_t doc, int conv, bool spec);
    bool (*error)(void *ctx, const char *msg);                    /* CPython's message */
} sp_FsVisit;
bool sp_fs_walk(const char *src, size_t s, size_t e, int flags, int lvl, const sp_FsVisit *v);

/* Debug dump in the style of ast.dump(); false on MemoryError. */
bool sp_ast_dump(sp_Buf *b, const sp_Node *n);
/* The same with every node's positions appended (differential tests). */
bool sp_ast_dump_pos(sp_Buf *b, const sp_Node *n);
const char *sp_node_kind_name(int kind);

#endif
