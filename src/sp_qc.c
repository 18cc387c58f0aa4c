/* sp_qc.c - the quick compiler: source to bytecode in one pass over the
 * tokens, with no syntax tree and no symbol pass, for the programs agents
 * send most: module-level assignments, augmented assignments, expression
 * statements, if/elif/else, for, while, break, continue, pass, imports,
 * raise, assert and module-level functions (def with every parameter kind
 * but positional-only, return), over expressions without walrus or
 * starred items (comprehensions and lambdas included).
 *
 * It emits through sp_cg.h what sp_compile.c emits for the same program,
 * instruction for instruction, constant for constant and line for line
 * (tests/c/test_qc.c compares the two on every test program).  Anything it
 * does not handle and every error make it give up without a trace, and
 * sp_compile compiles the program from the start: which compiler ran never
 * shows.  It is cheaper because nothing is built twice: the tokens go into
 * one array, the scope of a name is known where it is used (module names
 * are NAME ops; in a comprehension its targets are fast locals and other
 * names globals; a function's body is read twice, first only to learn the
 * names it binds), and where code order is not source order (assignment
 * targets, comprehension elements, conditional expressions, conditions)
 * the compiler re-reads a token range instead of walking a tree.  A
 * function's locals that its comprehensions use become its cells (the
 * first pass notes what each comprehension uses); a free variable of any
 * other kind (nested functions, a comprehension using what an enclosing
 * comprehension binds) makes it give up.  A module-level list, set or dict
 * comprehension nesting no scope is inlined as sp_compile.c inlines it
 * (inlinable, inline_comp). */
#include "sp_cg.h"
#include "sp_lex.h"
#include "sp_names.h"

#include <stdlib.h>

/* What an expression was: a literal (CPython's Constant node) or a folded
 * constant (-1, a tuple of constants), whose value is then in q->cv. */
enum { K_OTHER, K_CONST, K_FOLD };

/* Token classes: where scans stop, and what is never handled. */
enum { X_END = 1, X_STMT = 2, X_IN = 4, X_NEVER = 8, X_OPEN = 16, X_CMP = 32, X_LOOK = 64, X_AUG = 128, X_GRP = 256,
       X_BOOL = 512 };

#define CLOSER (X_END | X_STMT | X_IN | X_LOOK)
#define ENDALL (X_END | X_STMT | X_IN)
#define AUG (X_END | X_STMT | X_IN | X_AUG)
static const uint16_t cls[T_COUNT_] = {
    [T_END] = ENDALL | X_LOOK, [T_NEWLINE] = ENDALL, [T_SEMI] = ENDALL, [T_INDENT] = ENDALL, [T_DEDENT] = ENDALL,
    [T_RPAR] = CLOSER, [T_RSQB] = CLOSER, [T_RBRACE] = CLOSER,
    [T_LPAR] = X_OPEN, [T_LSQB] = X_OPEN, [T_LBRACE] = X_OPEN,
    [T_COLON] = X_END | X_STMT | X_IN | X_GRP, [T_EQUAL] = X_END | X_STMT | X_IN,
    [T_COMMA] = X_END | X_GRP, [T_IF] = X_END | X_IN | X_LOOK, [T_ELSE] = X_END | X_IN, [T_FOR] = X_END | X_IN | X_GRP,
    [T_LAMBDA] = X_GRP, [T_STAR] = X_GRP, [T_DOUBLESTAR] = X_GRP,
    [T_AS] = X_END | X_IN, [T_FROM] = X_END | X_IN, [T_IN] = X_IN | X_CMP,
    [T_PLUSEQUAL] = AUG, [T_MINEQUAL] = AUG, [T_STAREQUAL] = AUG, [T_SLASHEQUAL] = AUG,
    [T_PERCENTEQUAL] = AUG, [T_AMPEREQUAL] = AUG, [T_VBAREQUAL] = AUG, [T_CIRCUMFLEXEQUAL] = AUG,
    [T_LEFTSHIFTEQUAL] = AUG, [T_RIGHTSHIFTEQUAL] = AUG, [T_DOUBLESTAREQUAL] = AUG,
    [T_DOUBLESLASHEQUAL] = AUG,
    [T_LESS] = X_CMP, [T_GREATER] = X_CMP, [T_EQEQUAL] = X_CMP, [T_NOTEQUAL] = X_CMP,
    [T_LESSEQUAL] = X_CMP, [T_GREATEREQUAL] = X_CMP, [T_IS] = X_CMP, [T_NOT] = X_CMP,
    [T_AND] = X_BOOL, [T_OR] = X_BOOL,
    [T_CLASS] = X_NEVER,
    [T_WITH] = X_NEVER, [T_GLOBAL] = X_NEVER, [T_NONLOCAL] = X_NEVER,
    [T_AWAIT] = X_NEVER, [T_ASYNC] = X_NEVER, [T_AT] = X_NEVER, [T_ATEQUAL] = X_NEVER | AUG, [T_COLONEQUAL] = X_NEVER | ENDALL,
};
#undef CLOSER
#undef ENDALL
#undef AUG

/* Binary operators: precedence (0: none) and SP_OP_*; augmented
 * assignment tokens map to their operator too. */
static const uint8_t prec[T_COUNT_] = {
    [T_VBAR] = 1, [T_CIRCUMFLEX] = 2, [T_AMPER] = 3, [T_LEFTSHIFT] = 4, [T_RIGHTSHIFT] = 4,
    [T_PLUS] = 5, [T_MINUS] = 5, [T_STAR] = 6, [T_SLASH] = 6, [T_DOUBLESLASH] = 6, [T_PERCENT] = 6,
};
static const uint8_t binop[T_COUNT_] = {
    [T_VBAR] = SP_OP_OR, [T_CIRCUMFLEX] = SP_OP_XOR, [T_AMPER] = SP_OP_AND,
    [T_LEFTSHIFT] = SP_OP_LSHIFT, [T_RIGHTSHIFT] = SP_OP_RSHIFT, [T_PLUS] = SP_OP_ADD,
    [T_MINUS] = SP_OP_SUB, [T_STAR] = SP_OP_MUL, [T_SLASH] = SP_OP_TRUEDIV,
    [T_DOUBLESLASH] = SP_OP_FLOORDIV, [T_PERCENT] = SP_OP_MOD,
    [T_PLUSEQUAL] = SP_OP_ADD, [T_MINEQUAL] = SP_OP_SUB, [T_STAREQUAL] = SP_OP_MUL,
    [T_SLASHEQUAL] = SP_OP_TRUEDIV, [T_PERCENTEQUAL] = SP_OP_MOD, [T_AMPEREQUAL] = SP_OP_AND,
    [T_VBAREQUAL] = SP_OP_OR, [T_CIRCUMFLEXEQUAL] = SP_OP_XOR, [T_LEFTSHIFTEQUAL] = SP_OP_LSHIFT,
    [T_RIGHTSHIFTEQUAL] = SP_OP_RSHIFT, [T_DOUBLESTAREQUAL] = SP_OP_POW,
    [T_DOUBLESLASHEQUAL] = SP_OP_FLOORDIV,
};

/* A comprehension being compiled: the names its targets bind. */
typedef struct Comp {
    struct Comp *up;
    const sp_Tok **name; /* each name (tokens of the module, or of an f-string field) */
    int32_t *slot;   /* its varnames index + 1; 0 until first used */
    size_t n;
    const sp_Tok *open;  /* its opening bracket (the same in both passes of a function) */
    const sp_Tok **free; /* the function's cells it uses, sorted: its free variables */
    size_t nfree;
    bool inl;            /* inlined into the module's code (inline_comp) */
} Comp;

/* A module-level function being compiled: its parameters, then the names
 * its body binds (found by a first pass over the body), all fast locals. */
typedef struct Fn {
    const sp_Tok **name;
    int32_t *slot;     /* varnames index + 1; 0 until first used */
    size_t n, nparams;
    bool collect;      /* the first pass: only learning which names are bound */
    bool generator;    /* a yield in its body (the first pass finds it) */
    /* names comprehensions use that they do not bind (first pass: each with
     * the comprehension's opening bracket); those the function binds are
     * its cells (sorted, CPython's order) and the comprehensions' free variables */
    const sp_Tok **use_comp, **use_name;
    size_t nuse, capuse;
    const sp_Tok **cell;
    size_t ncell;
    const struct Comp *outer; /* a lambda: the comprehension it is in, */
    struct Fn *up;            /* and the function (names they bind would be free variables) */
    const sp_Tok *key;        /* a lambda or a def in a def: its first token (NULL: a module-level def) */
    bool lambda;
    const sp_Tok **free;      /* in a module-level def: the def's cells it uses, sorted */
    size_t nfree;
} Fn;

/* What fill learns of a bracket's top level for group() (sp_lex.h). */
typedef sp_Grp Grp;

typedef struct Q {
    C c;             /* the emitter; c.arena holds tokens and units */
    sp_Lex *L;       /* the module's lexer (f-string fields lex under it) */
    sp_Tok *tk;      /* the tokens, T_END last */
    int32_t *pair;   /* of a bracket: the index of its partner */
    Grp *grp;        /* of an opening bracket: what its top level holds */
    size_t nt, i;    /* token count, cursor */
    size_t nif;      /* `if` tokens (none: no conditional expression to look for) */
    Comp *comp;      /* innermost comprehension; NULL: module or function level */
    Fn *fn;          /* the function being compiled; NULL: module level */
    sp_Value cv;     /* the value of the last K_CONST / K_FOLD expression */
    bool num;        /* that K_CONST is a number (-1 folds, -True does not) */
    int cline;       /* and the line of its token */
    int gline;       /* the line of enclosing parentheses a tuple here takes */
    int nest;
    uintptr_t stk_lo, stk_span; /* sp_cstack_ok's bounds: the stack is fine in [lo, lo + span) */
} Q;

static int exprlist(Q *q, size_t e);
static bool fill(Q *q, sp_Lex *L);

/* Give up: every emitter is a no-op from here (c.err) and the caller
 * compiles the program with sp_compile.c. */
static void quit(Q *q) { q->c.err = true; }

static bool live(Q *q) { return !q->c.err; }
static int K(const Q *q) { return q->tk[q->i].kind; }
static int KA(const Q *q, size_t j) { return q->tk[j].kind; }
static int LINE(const Q *q, size_t j) { return q->tk[j].line; }
static void next(Q *q) { q->i += q->tk[q->i].kind != T_END; }

static bool want(Q *q, int k) {
    if (K(q) == k) return next(q), true;
    quit(q);
    return false;
}

static void at_line(Q *q, int line, int op, int64_t arg) {
    q->c.lineno = line;
    emit(&q->c, op, arg);
}

static void load_at(Q *q, int line, sp_Value v) {
    q->c.lineno = line;
    load_const(&q->c, v);
}

/* sp_cstack_ok with its bounds worked out once (stack_bounds): one
 * subtraction and a compare at every level. */
static bool enter(Q *q) {
    char here;
    if (++q->nest > SP_QC_MAX_NEST || (uintptr_t)&here - q->stk_lo >= q->stk_span) return quit(q), false;
    return true;
}

/* |here - base| < budget, as an interval of addresses (any with no base). */
static void stack_bounds(Q *q, const sp_VM *vm) {
    size_t b = vm->cstack_budget;
    if (!vm->cstack_base) q->stk_lo = 0, q->stk_span = UINTPTR_MAX;
    else if (!b) q->stk_lo = 0, q->stk_span = 0;
    else q->stk_lo = (uintptr_t)vm->cstack_base - (b - 1), q->stk_span = b > UINTPTR_MAX / 2 ? UINTPTR_MAX : 2 * b - 1;
}

/* The token after the one at j at its bracket level: a group is skipped whole. */
static inline size_t over(const Q *q, size_t j) {
    return cls[q->tk[j].kind] & X_OPEN ? (size_t)q->pair[j] + 1 : j + 1;
}

/* The ':' of the lambda at j (the lambdas in its defaults have their own),
 * or, if it has none, the token that ends its expression (a closing
 * bracket, a line end). */
static size_t lambda_colon(const Q *q, size_t j) {
    for (int depth = 0;; j = over(q, j)) {
        int k = q->tk[j].kind;
        if (k == T_LAMBDA) depth++;
        else if (k == T_COLON && --depth == 0) return j;
        else if ((cls[k] & X_STMT) && k != T_EQUAL && k != T_COLON) return j;
    }
}

/* As over, and a lambda's parameters and ':' are its own. */
static inline size_t past(const Q *q, size_t j) {
    if (q->tk[j].kind != T_LAMBDA) return over(q, j);
    j = lambda_colon(q, j);
    return j + (q->tk[j].kind == T_COLON);
}

/* The first token of kind k in [j, e) at this level, or e. */
static size_t find(const Q *q, size_t j, size_t e, int k) {
    while (j < e && q->tk[j].kind != k) j = past(q, j);
    return j < e ? j : e;
}

/* The first token from j on at this bracket level in a class of stop
 * (T_END stops every scan). */
static size_t scan(const Q *q, size_t j, unsigned stop) {
    while (!(cls[q->tk[j].kind] & stop)) j = past(q, j);
    return j;
}

/* scan(q, j, X_STMT), noting whether a top-level comma was passed (an
 * expression list that is a tuple). */
static size_t scan_stmt(const Q *q, size_t j, bool *comma) {
    int k;
    bool c = false;
    while (!(cls[k = q->tk[j].kind] & X_STMT)) c |= k == T_COMMA, j = past(q, j);
    *comma = c;
    return j;
}

/* Items separated by top-level commas in [j, e), a trailing comma allowed;
 * *comma: whether there is one (a tuple). */
static size_t count_items(const Q *q, size_t j, size_t e, bool *comma) {
    size_t n = j < e, c = 0;
    for (size_t k = find(q, j, e, T_COMMA); k < e; k = find(q, k + 1, e, T_COMMA)) {
        c++;
        n += k + 1 < e;
    }
    *comma = c > 0;
    return n;
}

/* What a bracketed group holds at its top level, in one scan. */
typedef struct Group {
    size_t close, items;     /* its closing token; items between commas */
    size_t first_for;        /* a comprehension's first `for`, or close */
    bool comma, colon;       /* a comma; a ':' in the first item (a dict) */
    bool star;               /* an item starting with * or ** */
} Group;

static Group group_scan(const Q *q, size_t open) {
    size_t close = (size_t)q->pair[open], j = open + 1;
    Group g = {close, j < close, close, false, false, false};
    for (; j < close; j = past(q, j)) {
        int k = q->tk[j].kind;
        if ((k == T_STAR || k == T_DOUBLESTAR) && (j == open + 1 || q->tk[j - 1].kind == T_COMMA)) g.star = true;
        if (k == T_COMMA) g.comma = true, g.items += j + 1 < close;
        else if (k == T_FOR && g.first_for == close) g.first_for = j;
        else if (k == T_COLON && !g.comma && g.first_for == close) g.colon = true;
    }
    return g;
}

static inline Group group(const Q *q, size_t open) {
    const Grp *r = &q->grp[open];
    if (r->lambda) return group_scan(q, open);
    size_t close = (size_t)q->pair[open];
    size_t items = (open + 1 < close) + (size_t)r->ncomma - (q->tk[close - 1].kind == T_COMMA);
    return (Group){close, items, r->first_for < 0 ? close : (size_t)r->first_for, r->ncomma > 0, r->colon, r->star};
}

/* The line an expression starting at token j has as a node: a group is
 * its content, so `(\n a) + 1` starts on the line of `a` (sp_parse.c
 * positions nodes so; CPython would say the line of the `(`). */
static int group_line(const Q *q, size_t j);
static inline int start_line(const Q *q, size_t j) {
    return q->tk[j].kind == T_LPAR ? group_line(q, j) : q->tk[j].line;
}

static int group_line(const Q *q, size_t j) {
    size_t first = j;
    while (q->tk[j].kind == T_LPAR) {
        Group g = group(q, j);
        if (g.close == j + 1 || g.comma || g.first_for < g.close) { /* a tuple: at the outermost '(' */
            while (j > first && (size_t)q->pair[j - 1] == (size_t)q->pair[j] + 1) j--; /* of those just around it */
            break;
        }
        j++;
    }
    return q->tk[j].line;
}

/* ------------------------------------------------------------ constants */

/* Any other number literal (out of line: literal() stays small). */
static __attribute__((noinline)) sp_Value number_slow(Q *q, const sp_Tok *t) {
    const char *s = q->c.src + t->start;
    size_t len = t->end - t->start;
    if (t->sub == SP_NUM_IMAG) return quit(q), SP_NONEV; /* the full compiler's error */
    char *d = sp_arena_raw(q->c.arena, len + 1);
    if (!d) return quit(q), SP_NONEV;
    int base;
    size_t k = sp_numlit_digits(s, len, t->sub, d, &base);
    if (t->sub == SP_NUM_FLOAT) return sp_float(strtod(d, NULL)); /* overflow gives inf, as CPython */
    if (base == 10 && k > SP_INT_MAX_STR_DIGITS) return quit(q), SP_NONEV; /* the full compiler's error */
    sp_Value v = sp_cg_int(&q->c, d, k, base, t->line);
    if (sp_iserr(v)) quit(q);
    return v;
}

static sp_Value number(Q *q, size_t j) {
    const sp_Tok *t = &q->tk[j];
    const char *s = q->c.src + t->start;
    size_t len = t->end - t->start;
    if (t->sub == SP_NUM_INT && len <= 18 && (s[0] != '0' || len == 1)) { /* plain decimal: most literals */
        int64_t v = 0;
        size_t i = 0;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) v = v * 10 + (s[i] - '0');
        if (i == len) return sp_int(v);
    }
    return number_slow(q, t);
}

/* The body of the string token t: [*b, *e) without prefix and quotes. */
static void body(const Q *q, const sp_Tok *t, const char **b, const char **e) {
    size_t s, end;
    sp_tok_str_body(q->c.src, t, &s, &end);
    *b = q->c.src + s, *e = q->c.src + end;
}

/* string() of any other literal, out of line (its decoder's buffers made
 * string() save every register). */
static __attribute__((noinline)) sp_Value string_slow(Q *q, size_t j) {
    bool bytes = q->tk[j].sub & SP_STR_BYTES;
    const char *b, *end;
    sp_Value v;
    size_t total = 0, e = j;
    for (; KA(q, e) == T_STRING; e++) {
        const sp_Tok *t = &q->tk[e];
        if ((t->sub & SP_STR_F) || ((t->sub & SP_STR_BYTES) != 0) != bytes) return quit(q), SP_NONEV;
        total += t->end - t->start;
    }
    char *buf = sp_arena_raw(q->c.arena, total + 1);
    if (!buf) return quit(q), SP_NONEV;
    size_t k = 0;
    for (size_t i = j; i < e; i++) {
        char msg[160];
        bool whole;
        body(q, &q->tk[i], &b, &end);
        size_t n = sp_strlit_decode(b, (size_t)(end - b), q->tk[i].sub, buf + k, msg, &whole);
        if (n == (size_t)-1) return quit(q), SP_NONEV; /* the full compiler's error */
        k += n;
    }
    v = bytes ? sp_bytes_new(q->c.vm, buf, k) : sp_str_intern(q->c.vm, buf, k);
    if (sp_iserr(v)) quit(q);
    return v;
}

/* The str or bytes of adjacent string tokens from j (not f-strings),
 * decoded by the parser's decoder; one str token without escapes or CRs
 * (most literals) is its bytes. */
static sp_Value string(Q *q, size_t j) {
    if (!(q->tk[j].sub & (SP_STR_BYTES | SP_STR_F)) && KA(q, j + 1) != T_STRING) {
        const char *b, *end;
        body(q, &q->tk[j], &b, &end);
        const char *c = b;
        while (c < end && *c != '\\' && *c != '\r') c++;
        if (c == end) {
            sp_Value v = sp_str_intern(q->c.vm, b, (size_t)(end - b));
            if (sp_iserr(v)) quit(q);
            return v;
        }
    }
    return string_slow(q, j);
}

/* ------------------------------------------------------------ f-strings */

/* A JoinedStr being emitted: its pending literal text and its parts so
 * far (sp_compile.c's joined(): the parts, then BUILD_STRING). */
typedef struct Fs {
    Q *q;
    size_t tok;            /* the string token being read */
    char *lit;             /* pending text */
    size_t nlit, cap;
    size_t nparts;
    bool first_fv;         /* the first part is a formatted value */
    size_t xs, xe, ss, se; /* the field being read: expression, spec body */
    int sflags, slvl;
} Fs;

static bool fs_room(Fs *f, size_t n) {
    if (f->nlit + n <= f->cap) return true;
    size_t cap = (f->nlit + n) * 2 + 16;
    char *b = sp_arena_raw(f->q->c.arena, cap);
    if (!b) return quit(f->q), false;
    if (f->nlit) memcpy(b, f->lit, f->nlit);
    f->lit = b, f->cap = cap;
    return true;
}

static bool fsq_text(void *ctx, const char *s, size_t n, int flags) {
    Fs *f = ctx;
    char msg[160];
    bool whole;
    if (!fs_room(f, n)) return false;
    size_t k = sp_strlit_decode(s, n, flags, f->lit + f->nlit, msg, &whole);
    if (k == (size_t)-1) return quit(f->q), false;
    f->nlit += k;
    return true;
}

static void fs_flush(Fs *f) {
    if (!f->nlit) return;
    Q *q = f->q;
    sp_Value v = sp_str_intern(q->c.vm, f->lit, f->nlit);
    if (sp_iserr(v)) return quit(q);
    load_at(q, LINE(q, f->tok), v);
    f->nlit = 0;
    f->nparts++;
}

/* The JoinedStr's value: '' for no part, one formatted value as it is,
 * else BUILD_STRING (sp_compile.c's joined()). */
static void fs_end(Fs *f, int line) {
    Q *q = f->q;
    fs_flush(f);
    if (!f->nparts) load_at(q, line, sp_str_intern(q->c.vm, "", 0));
    else if (f->nparts > 1 || !f->first_fv) at_line(q, line, SP_BUILD_STRING, (int64_t)f->nparts);
}

static bool fsq_error(void *ctx, const char *msg) {
    (void)msg;
    quit(((Fs *)ctx)->q);
    return false;
}

static bool fsq_expr(void *ctx, size_t xs, size_t xe) {
    Fs *f = ctx;
    f->xs = xs, f->xe = xe;
    return true;
}

static bool fsq_spec(void *ctx, size_t ss, size_t se, int flags, int lvl) {
    Fs *f = ctx;
    f->ss = ss, f->se = se, f->sflags = flags, f->slvl = lvl;
    return true;
}

/* Compile a field's expression from its own tokens; its first line. */
static int fs_value(Q *q, size_t tok, size_t xs, size_t xe) {
    int line;
    size_t ls;
    sp_tok_pos_line(q->c.src, &q->tk[tok], xs, &line, &ls);
    sp_Lex *sub = sp_arena_raw(q->c.arena, sizeof *sub);
    if (!sub) return quit(q), 0;
    sp_lex_init_sub(sub, q->L, xs, xe, line, ls);
    sp_Tok *tk = q->tk;
    int32_t *pair = q->pair;
    Grp *grp = q->grp;
    size_t nt = q->nt, i = q->i, nif = q->nif;
    int first = 0;
    if (!fill(q, sub)) {
        quit(q);
    } else {
        first = q->tk[0].line;
        q->i = 0;
        exprlist(q, q->nt - 1);
        if (q->i != q->nt - 1) quit(q);
    }
    q->tk = tk, q->pair = pair, q->grp = grp, q->nt = nt, q->i = i, q->nif = nif;
    return first;
}

static void fs_walk(Fs *f, size_t s, size_t e, int flags, int lvl);

static bool fsq_field(void *ctx, size_t xs, size_t doc, int conv, bool spec) {
    Fs *f = ctx;
    Q *q = f->q;
    if (doc && !fsq_text(f, q->c.src + xs, doc - xs, SP_STR_RAW)) return false;
    fs_flush(f);
    size_t ss = f->ss, se = f->se;
    int sflags = f->sflags, slvl = f->slvl;
    int xline = fs_value(q, f->tok, xs, f->xe);
    int flags = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    if (spec && live(q)) {
        Fs sf = {.q = q, .tok = f->tok};
        fs_walk(&sf, ss, se, sflags, slvl);
        fs_end(&sf, xline);
        flags |= 4;
    }
    at_line(q, LINE(q, f->tok), SP_FORMAT_VALUE, flags);
    f->first_fv |= f->nparts == 0;
    f->nparts++;
    return live(q);
}

static void fs_walk(Fs *f, size_t s, size_t e, int flags, int lvl) {
    sp_FsVisit v = {f, fsq_text, fsq_expr, fsq_spec, fsq_field, fsq_error};
    if (!enter(f->q)) return;
    if (!sp_fs_walk(f->q->c.src, s, e, flags, lvl, &v)) quit(f->q);
    f->q->nest--;
}

/* Adjacent string tokens with an f-string among them: a JoinedStr. */
static __attribute__((noinline)) int fstring(Q *q) {
    size_t j = q->i;
    Fs f = {.q = q};
    for (; K(q) == T_STRING && live(q); next(q)) {
        const sp_Tok *t = &q->tk[q->i];
        const char *b, *e;
        if (t->sub & SP_STR_BYTES) return quit(q), K_OTHER;
        f.tok = q->i;
        body(q, t, &b, &e);
        if (t->sub & SP_STR_F) fs_walk(&f, (size_t)(b - q->c.src), (size_t)(e - q->c.src), t->sub, 0);
        else fsq_text(&f, b, (size_t)(e - b), t->sub);
    }
    fs_end(&f, LINE(q, j));
    return K_OTHER;
}

/* The value of a literal token (CPython's Constant node). */
static inline __attribute__((always_inline)) sp_Value literal(Q *q, size_t j) {
    switch (KA(q, j)) {
    case T_NUMBER: return number(q, j);
    case T_STRING: return string(q, j);
    case T_TRUE: return SP_TRUEV;
    case T_FALSE: return SP_FALSEV;
    case T_NONE: return SP_NONEV;
    case T_ELLIPSIS: return sp_objv(&sp_Ellipsis_obj);
    default: return quit(q), SP_NONEV;
    }
}

/* Whether the string tokens from j hold an f-string (a JoinedStr). */
static bool has_f(const Q *q, size_t j) {
    for (; q->tk[j].kind == T_STRING; j++)
        if (q->tk[j].sub & SP_STR_F) return true;
    return false;
}

static bool is_literal(int k) {
    return k == T_NUMBER || k == T_STRING || k == T_TRUE || k == T_FALSE || k == T_NONE || k == T_ELLIPSIS;
}

/* Truth of a literal test, as sp_compile.c's const_truth. */
static int truth(Q *q, size_t j) {
    sp_Value v = literal(q, j);
    if (!live(q)) return 0;
    if (sp_isint(v)) return v.u.i != 0;
    if (sp_isfloat(v)) return v.u.f != 0.0;
    if (KA(q, j) == T_STRING) return sp_truthy(q->c.vm, v) > 0;
    if (KA(q, j) == T_NUMBER) return 1; /* a big int is not zero */
    return KA(q, j) == T_TRUE || KA(q, j) == T_ELLIPSIS;
}

/* Code emitted since a mark can be taken back when it turns out to be a
 * constant display the full compiler folds (only LOAD_CONSTs were
 * emitted since). */
typedef struct Mark {
    size_t ncode, nruns, nconsts;
    int runline, depth, maxdepth;
} Mark;

static Mark mark(Q *q) {
    Unit *u = q->c.u;
    return (Mark){u->ncode, u->nruns, u->consts.n, u->runline, u->depth, u->maxdepth};
}

static void rewind_to(Q *q, const Mark *m) {
    Unit *u = q->c.u;
    u->ncode = m->ncode, u->nruns = m->nruns, u->runline = m->runline;
    u->depth = m->depth, u->maxdepth = m->maxdepth;
    sp_cg_vt_truncate(&q->c, &u->consts, m->nconsts);
}

/* ------------------------------------------------------------ names */

/* CPython's forbidden_name: __debug__ is a constant the full compiler
 * handles (and rejects as a target). */
static bool is_debug(const Q *q, const sp_Tok *t) {
    return t->end - t->start == 9 && memcmp(q->c.src + t->start, "__debug__", 9) == 0;
}

static int32_t name_idx(Q *q, size_t j) {
    const sp_Tok *t = &q->tk[j];
    if (is_debug(q, t)) return quit(q), 0;
    return vt_add(&q->c, &q->c.u->names, sp_str_intern(q->c.vm, q->c.src + t->start, t->end - t->start));
}

static bool same_name(const Q *q, const sp_Tok *x, const sp_Tok *y);

/* The index of name t in the names v[0, n), or -1. */
static int list_find(const Q *q, const sp_Tok *const *v, size_t n, const sp_Tok *t) {
    for (size_t k = 0; k < n; k++)
        if (same_name(q, v[k], t)) return (int)k;
    return -1;
}

static bool same_name(const Q *q, const sp_Tok *x, const sp_Tok *y) {
    size_t n = x->end - x->start;
    if (n != y->end - y->start) return false;
    const char *a = q->c.src + x->start, *b = q->c.src + y->start;
    for (size_t i = 0; i < n; i++) /* names are short: no call */
        if (a[i] != b[i]) return false;
    return true;
}


/* The varnames slot of a local, given at its first use (CPython's order). */
static int32_t local_slot(Q *q, const sp_Tok *t, int32_t *slot) {
    if (*slot) return *slot - 1;
    if (is_debug(q, t)) return quit(q), 0;
    sp_Value s = sp_str_intern(q->c.vm, q->c.src + t->start, t->end - t->start);
    int32_t i = sp_iserr(s) ? -1 : sp_cg_nt_index_str(&q->c, &q->c.u->varnames, SP_STR(s));
    if (i < 0) return quit(q), 0;
    *slot = i + 1;
    return i;
}

static void use(Q *q, Fn *fn, const sp_Tok *key, const sp_Tok *t);

/* Whether a function or comprehension around fn binds t: then t is a
 * free variable of fn, which the quick compiler does not pass through. */
static bool bound_around(const Q *q, const Fn *fn, const sp_Tok *t) {
    for (const Fn *f = fn; f; f = f->up) {
        for (const Comp *cp = f->outer; cp; cp = cp->up)
            if (list_find(q, cp->name, cp->n, t) >= 0) return true;
        if (f != fn && list_find(q, f->name, f->n, t) >= 0) return true;
    }
    return false;
}

/* A name op in a function: DEREF for its cells, FAST for its other
 * locals, GLOBAL for the rest.  The first pass only learns the bound
 * names (its code is thrown away). */
static __attribute__((noinline)) void fn_nameop(Q *q, Fn *fn, size_t j, int line, bool store) {
    const sp_Tok *t = &q->tk[j];
    int k = list_find(q, fn->name, fn->n, t);
    if (fn->collect) { /* its code is thrown away: no name to intern */
        if (store && k < 0) fn->name[fn->n++] = t;
        if (is_debug(q, t)) return quit(q);
        return at_line(q, line, store ? SP_STORE_NAME : SP_LOAD_NAME, 0);
    }
    if (k < 0) {
        bool direct = fn->key && !fn->outer && fn->up && !fn->up->key; /* in a module-level def */
        if (direct && fn->up->collect) use(q, fn->up, fn->key, t);
        int f = direct ? list_find(q, fn->free, fn->nfree, t) : -1;
        if (f >= 0 && !store) return at_line(q, line, SP_LOAD_DEREF, (int64_t)q->c.u->cells.n + f);
        if (bound_around(q, fn, t) && !(direct && fn->up->collect)) return quit(q);
        return store ? quit(q) : at_line(q, line, SP_LOAD_GLOBAL, name_idx(q, j));
    }
    int c = list_find(q, fn->cell, fn->ncell, t);
    if (c >= 0) return at_line(q, line, store ? SP_STORE_DEREF : SP_LOAD_DEREF, c);
    at_line(q, line, store ? SP_STORE_FAST : SP_LOAD_FAST, local_slot(q, t, &fn->slot[k]));
}

/* strcmp's order of two names (sp_compile.c sorts cells and frees so). */
static int name_cmp(const Q *q, const sp_Tok *x, const sp_Tok *y) {
    size_t a = x->end - x->start, b = y->end - y->start;
    int c = memcmp(q->c.src + x->start, q->c.src + y->start, a < b ? a : b);
    return c ? c : (a > b) - (a < b);
}

/* The distinct names of use_name[i] for which keep(i) holds, sorted, added
 * to the table tab (a unit's cells or frees) in that order. */
static size_t pick_names(Q *q, const Fn *fn, const sp_Tok *comp, sp_NameTab *tab, const sp_Tok ***out) {
    const sp_Tok **v = sp_arena_raw(q->c.arena, (fn->nuse + 1) * sizeof *v);
    if (!v) return quit(q), 0;
    size_t n = 0;
    for (size_t i = 0; i < fn->nuse; i++) {
        const sp_Tok *t = fn->use_name[i];
        bool want = comp ? fn->use_comp[i] == comp && list_find(q, fn->cell, fn->ncell, t) >= 0
                         : list_find(q, fn->name, fn->n, t) >= 0;
        if (!want || list_find(q, v, n, t) >= 0) continue;
        size_t k = n++;
        for (; k > 0 && name_cmp(q, v[k - 1], t) > 0; k--) v[k] = v[k - 1];
        v[k] = t;
    }
    for (size_t k = 0; k < n && live(q); k++) {
        const char *s = sp_arena_strdup(q->c.arena, q->c.src + v[k]->start, v[k]->end - v[k]->start);
        if (!s || sp_cg_nt_index(&q->c, tab, s) < 0) quit(q);
    }
    *out = v;
    return n;
}

/* First pass: the comprehension or lambda whose first token is key uses
 * name t (if fn binds t, it becomes a cell and their free variable). */
static void use(Q *q, Fn *fn, const sp_Tok *key, const sp_Tok *t) {
    if (fn->nuse == fn->capuse) {
        size_t cap = fn->capuse * 2 + 16;
        const sp_Tok **c = sp_arena_raw(q->c.arena, 2 * cap * sizeof *c);
        if (!c) return quit(q);
        if (fn->nuse) memcpy(c, fn->use_comp, fn->nuse * sizeof *c), memcpy(c + cap, fn->use_name, fn->nuse * sizeof *c);
        fn->use_comp = c, fn->use_name = c + cap, fn->capuse = cap;
    }
    fn->use_comp[fn->nuse] = key, fn->use_name[fn->nuse++] = t;
}

/* First pass: comprehension cp and those around it use name t. */
static void fn_use(Q *q, Fn *fn, const Comp *cp, const sp_Tok *t) {
    for (; cp && live(q); cp = cp->up) use(q, fn, cp->open, t);
}

static void comp_nameop(Q *q, Comp *cp, size_t j, int line, bool store);

/* Whether the full compiler gives the comprehension scope of a use of t
 * a __class__ (a load of super, or __class__ itself). */
static bool super_name(const Q *q, const sp_Tok *t, bool store) {
    size_t n = t->end - t->start;
    const char *s = q->c.src + t->start;
    return (!store && n == 5 && !memcmp(s, "super", 5)) || (n == 9 && !memcmp(s, "__class__", 9));
}

/* A name op: NAME at module level; in a function or a comprehension FAST
 * for the names it binds, GLOBAL for the rest (a name an enclosing
 * function or comprehension binds would be a free variable: not handled). */
static __attribute__((noinline)) void nameop(Q *q, size_t j, int line, bool store) {
    if (q->comp) return comp_nameop(q, q->comp, j, line, store);
    if (q->fn) return fn_nameop(q, q->fn, j, line, store);
    at_line(q, line, store ? SP_STORE_NAME : SP_LOAD_NAME, name_idx(q, j));
}

/* In a comprehension: apart, so that a module-level name saves no registers. */
static __attribute__((noinline)) void comp_nameop(Q *q, Comp *cp, size_t j, int line, bool store) {
    if (cp->inl && super_name(q, &q->tk[j], store)) return quit(q); /* (inline_comp's) */
    int k = list_find(q, cp->name, cp->n, &q->tk[j]);
    if (k < 0) {
        for (Comp *up = cp->up; up; up = up->up)
            if (list_find(q, up->name, up->n, &q->tk[j]) >= 0) return quit(q);
        if (store) return quit(q);
        if (q->fn && q->fn->collect) fn_use(q, q->fn, cp, &q->tk[j]);
        int f = list_find(q, cp->free, cp->nfree, &q->tk[j]);
        if (f >= 0) return at_line(q, line, SP_LOAD_DEREF, (int64_t)q->c.u->cells.n + f);
        if (q->fn && !q->fn->collect && list_find(q, q->fn->name, q->fn->n, &q->tk[j]) >= 0) return quit(q);
        if (q->fn && bound_around(q, q->fn, &q->tk[j])) return quit(q); /* a lambda's comprehension */
        return at_line(q, line, SP_LOAD_GLOBAL, name_idx(q, j));
    }
    at_line(q, line, store ? SP_STORE_FAST : SP_LOAD_FAST, local_slot(q, &q->tk[j], &cp->slot[k]));
}

/* del name: in a def the name is a local (the first pass notes it). */
static void del_name(Q *q, size_t j, int line) {
    const sp_Tok *t = &q->tk[j];
    Fn *fn = q->fn;
    if (q->comp) return quit(q);
    if (fn && fn->collect && list_find(q, fn->name, fn->n, t) < 0) fn->name[fn->n++] = t;
    if (!fn || fn->collect) return at_line(q, line, SP_DELETE_NAME, name_idx(q, j));
    int k = list_find(q, fn->name, fn->n, t), c = list_find(q, fn->cell, fn->ncell, t);
    if (k < 0) return quit(q);
    if (c >= 0) return at_line(q, line, SP_DELETE_DEREF, c);
    at_line(q, line, SP_DELETE_FAST, local_slot(q, t, &fn->slot[k]));
}

/* ------------------------------------------------------------ expressions */

static int expression(Q *q);
static int disjunction(Q *q);
static int factor(Q *q);
static int binary(Q *q, int min);
static void cond(Q *q, size_t e, bool when, int32_t label, int line);
static void store(Q *q, size_t s, size_t e);

/* n items up to token e, CPython's starunpack_helper: each pushed, then
 * build n; or, from a starred item or the first of more than STACK_GUIDE
 * items on, built and each added (extended by a starred one: its value a
 * bitwise_or in a display, an expression in a call).  Returns whether it
 * was built so; vals[k] (if vals) is item k's value when it is constant. */
static bool star_items(Q *q, size_t e, size_t n, int line, int build, bool call, sp_Value *vals, bool *consts) {
    int add = build == SP_BUILD_SET ? SP_SET_ADD : SP_LIST_APPEND;
    bool built = n > STACK_GUIDE;
    if (built) at_line(q, line, build, 0);
    for (size_t k = 0; k < n && live(q); k++) {
        if (K(q) == T_STAR) {
            if (!built) at_line(q, line, build, (int64_t)k);
            built = true, *consts = false;
            next(q);
            if (call) expression(q);
            else binary(q, 1);
            at_line(q, line, build == SP_BUILD_SET ? SP_SET_UPDATE : SP_LIST_EXTEND, 1);
        } else {
            *consts &= expression(q) != K_OTHER;
            if (vals) vals[k] = q->cv;
            if (built) at_line(q, line, add, 1);
        }
        if (K(q) == T_COMMA) next(q);
        else if (q->i != e) return quit(q), built;
    }
    if (q->i != e) quit(q);
    return built;
}

/* Elements up to the closing token e of a tuple, list or set display.  A
 * tuple or a set of more than two items made only of constants is folded
 * as sp_compile.c does. */
static int items(Q *q, size_t e, size_t n, int line, int build, bool tuple) {
    Mark m = mark(q);
    sp_Value *vals = n ? sp_arena_raw(q->c.arena, n * sizeof *vals) : NULL;
    if (n && !vals) return quit(q), K_OTHER;
    bool consts = true, built = star_items(q, e, n, line, build, false, vals, &consts);
    if (!live(q)) return K_OTHER;
    bool fold = consts && (tuple || (build == SP_BUILD_SET && n > 2));
    if (fold) {
        sp_Value t = sp_tuple_new(q->c.vm, n);
        if (sp_iserr(t)) return quit(q), K_OTHER;
        for (size_t k = 0; k < n; k++) SP_TUPLE(t)->items[k] = vals[k];
        rewind_to(q, &m);
        if (tuple) {
            q->cv = t;
            load_at(q, line, t);
            return K_FOLD;
        }
        sp_Value fs = sp_cg_frozenset(&q->c, t);
        if (sp_iserr(fs)) return quit(q), K_OTHER;
        at_line(q, line, SP_BUILD_SET, 0);
        load_at(q, line, fs);
        at_line(q, line, SP_SET_UPDATE, 1);
        return K_OTHER;
    }
    if (!built) at_line(q, line, tuple ? SP_BUILD_TUPLE : build, (int64_t)n);
    else if (tuple) at_line(q, line, SP_LIST_TO_TUPLE, 0);
    return K_OTHER;
}

/* The pending run of pairs of a dict being built as one BUILD_MAP,
 * merged into the dict so far with op if there is one. */
static void map_run(Q *q, int line, size_t *run, bool *have, int op) {
    if (!*run) return;
    at_line(q, line, SP_BUILD_MAP, (int64_t)*run);
    if (*have) at_line(q, line, op, 1);
    *have = true, *run = 0;
}

/* **m in a dict display (op DICT_UPDATE, m a bitwise_or) or in a call's
 * keywords (DICT_MERGE, an expression). */
static void map_unpack(Q *q, int line, size_t *run, bool *have, int op) {
    map_run(q, line, run, have, op);
    if (!*have) at_line(q, line, SP_BUILD_MAP, 0);
    *have = true;
    next(q);
    if (op == SP_DICT_MERGE) expression(q);
    else binary(q, 1);
    at_line(q, line, op, 1);
}

/* {k: v, **m, ...}: BUILD_MAP of at most STACK_GUIDE / 2 pairs, merged. */
static void dict_items(Q *q, size_t e, int line) {
    size_t run = 0;
    bool have = false;
    while (q->i < e && live(q)) {
        if (K(q) == T_DOUBLESTAR) {
            map_unpack(q, line, &run, &have, SP_DICT_UPDATE);
        } else {
            expression(q);
            want(q, T_COLON);
            expression(q);
            if (++run * 2 >= STACK_GUIDE) map_run(q, line, &run, &have, SP_DICT_UPDATE);
        }
        if (K(q) == T_COMMA) next(q);
        else if (q->i != e) return quit(q);
    }
    map_run(q, line, &run, &have, SP_DICT_UPDATE);
    if (!have) at_line(q, line, SP_BUILD_MAP, 0);
}

/* One `for` clause of a comprehension: token positions. */
typedef struct Clause {
    size_t target, in, iter_end; /* 'for' target 'in' iter */
    size_t ifs, nifs;            /* first `if` and how many (each ends at the next) */
} Clause;

/* The clauses from the first `for` at f to the closing token e, and the
 * names their targets bind (only names and parentheses in targets). */
static size_t clauses(Q *q, size_t f, size_t e, Clause **out, Comp *cp) {
    size_t n = 0, names = 0;
    Clause *cl = sp_arena_raw(q->c.arena, ((e - f) / 3 + 1) * sizeof *cl); /* `for t in` at least, each */
    cp->name = sp_arena_raw(q->c.arena, (e - f) * sizeof *cp->name);
    if (!cl || !cp->name) return quit(q), 0;
    for (size_t j = f; j < e; n++) {
        Clause *c = &cl[n];
        if (KA(q, j) != T_FOR) return quit(q), 0;
        c->target = j + 1;
        c->in = scan(q, j + 1, X_IN);
        if (KA(q, c->in) != T_IN || c->in == j + 1) return quit(q), 0;
        for (size_t t = j + 1; t < c->in; t++) {
            int tk = KA(q, t);
            if (tk == T_NAME) cp->name[names++] = &q->tk[t];
            else if (tk != T_COMMA && tk != T_LPAR && tk != T_RPAR) return quit(q), 0;
        }
        c->iter_end = scan(q, c->in + 1, X_END);
        c->ifs = c->iter_end, c->nifs = 0;
        for (j = c->iter_end; KA(q, j) == T_IF; j = scan(q, j + 1, X_END)) c->nifs++;
        if (j != e && KA(q, j) != T_FOR) return quit(q), 0;
    }
    cp->n = names;
    cp->slot = sp_arena_alloc(q->c.arena, (names ? names : 1) * sizeof *cp->slot);
    if (!cp->slot) quit(q);
    *out = cl;
    return n;
}

/* The element (or key: value) of a comprehension, in its innermost loop. */
static void comp_element(Q *q, int nm, size_t open, size_t f, int line, int depth) {
    q->i = open + 1;
    expression(q);
    if (nm == SP_NM_dictcomp) {
        want(q, T_COLON);
        expression(q);
    }
    if (q->i != f) return quit(q);
    switch (nm) {
    case SP_NM_genexpr: at_line(q, line, SP_YIELD_VALUE, 0); return at_line(q, line, SP_POP_TOP, 0);
    case SP_NM_listcomp: return at_line(q, line, SP_LIST_APPEND, depth + 1);
    case SP_NM_setcomp: return at_line(q, line, SP_SET_ADD, depth + 1);
    default: return at_line(q, line, SP_MAP_ADD, depth + 1);
    }
}

/* A nested unit's qualname (sp_compile.c's set_qualname). */
static bool qualify(Q *q, Unit *u) {
    Unit *p = u->parent;
    u->qualname = u->name;
    if (p->kind == U_MODULE) return true;
    const char *mid = p->kind == U_FUNCTION || p->kind == U_LAMBDA ? ".<locals>." : ".";
    size_t lp = strlen(p->qualname), lm = strlen(mid), ln = strlen(u->name);
    char *s = sp_arena_alloc(q->c.arena, lp + lm + ln + 1);
    if (!s) return quit(q), false;
    memcpy(s, p->qualname, lp);
    memcpy(s + lp, mid, lm);
    memcpy(s + lp + lm, u->name, ln + 1);
    u->qualname = s;
    return true;
}

/* The nested loops (sp_compile.c's comp_generator, one clause a level). */
static void comp_loops(Q *q, const Clause *cl, size_t n, size_t gi, int nm, size_t open, size_t f, int line) {
    if (!live(q) || !enter(q)) return;
    int32_t start = sp_cg_label(&q->c), cleanup = sp_cg_label(&q->c), anchor = sp_cg_label(&q->c);
    if (gi == 0) {
        if (!q->comp->inl) at_line(q, line, SP_LOAD_FAST, 0);
    } else {
        q->i = cl[gi].in + 1;
        disjunction(q);
        if (q->i != cl[gi].iter_end) quit(q);
        at_line(q, line, SP_GET_ITER, 0);
    }
    sp_cg_bind(&q->c, start);
    at_line(q, line, SP_FOR_ITER, anchor);
    store(q, cl[gi].target, cl[gi].in);
    size_t j = cl[gi].ifs;
    for (size_t k = 0; k < cl[gi].nifs && live(q); k++) {
        size_t e = scan(q, j + 1, X_END);
        q->i = j + 1;
        cond(q, e, false, cleanup, line);
        j = e;
    }
    if (gi + 1 < n) comp_loops(q, cl, n, gi + 1, nm, open, f, line);
    else comp_element(q, nm, open, f, line, (int)gi + 1);
    sp_cg_bind(&q->c, cleanup);
    at_line(q, line, SP_JUMP, start);
    sp_cg_bind(&q->c, anchor);
    q->nest--;
}

/* The free variables of fn (a lambda or def in a module-level def, unit
 * u): the cells of the def around it that it uses. */
static void frees_of(Q *q, Fn *fn, Unit *u) {
    if (fn->up && !fn->up->key && !fn->outer && !fn->up->collect)
        fn->nfree = pick_names(q, fn->up, fn->key, &u->frees, &fn->free);
}

/* The closure of a function being made here: the cells (of the function
 * or comprehension being compiled) that it uses. */
static void closure(Q *q, int line, const sp_Tok *const *free, size_t nfree) {
    for (size_t k = 0; k < nfree && live(q); k++) {
        int d = q->comp ? list_find(q, q->comp->free, q->comp->nfree, free[k])
                        : list_find(q, q->fn->cell, q->fn->ncell, free[k]);
        if (d < 0) return quit(q);
        at_line(q, line, SP_LOAD_CLOSURE, (int64_t)q->c.u->cells.n * (q->comp != NULL) + d);
    }
    if (nfree) at_line(q, line, SP_BUILD_TUPLE, (int64_t)nfree);
}

/* The `for`s in tokens [j, e); SIZE_MAX with a lambda there. */
static size_t fors_in(const Q *q, size_t j, size_t e) {
    size_t fors = 0;
    bool lambda = false;
    for (; j < e; j++) {
        int k = q->tk[j].kind;
        fors += k == T_FOR, lambda |= k == T_LAMBDA;
    }
    return lambda ? SIZE_MAX : fors;
}

/* Whether sp_compile.c inlines the comprehension (its inlinable), from the
 * tokens: a list, set or dict comprehension at module level with no lambda
 * and no `for` but its clauses' past its first iterable.  What the tokens
 * do not show (a lambda or a comprehension in an f-string's field, super
 * and __class__, which the full compiler finds in its scope) makes the
 * quick compiler give up where it meets them (Comp.inl). */
static bool inlinable(const Q *q, int nm, size_t open, size_t close, const Clause *cl, size_t n) {
    if (nm == SP_NM_genexpr || q->fn || q->comp) return false;
    /* the element, then past the first iterable (the first clause's targets are names) */
    return !fors_in(q, open + 1, cl[0].target - 1) && fors_in(q, cl[0].iter_end, close) == n - 1;
}

/* The comprehension inlined (sp_compile.c's comprehension): fresh slots
 * for its targets, the first iterable, COMP_ENTER, the loops on the
 * targets' slots and global names, COMP_EXIT.  false: it does not fit. */
static bool inline_comp(Q *q, int nm, Comp *cp, const Clause *cl, size_t n, size_t open, int line) {
    size_t nd = 0, first = q->c.u->varnames.n;
    for (size_t k = 0; k < cp->n; k++) nd += list_find(q, cp->name, k, cp->name[k]) < 0;
    if (!sp_cg_comp_fits(q->c.u, nd)) return false;
    for (size_t k = 0; k < cp->n && live(q); k++) {
        const sp_Tok *t = cp->name[k];
        if (list_find(q, cp->name, k, t) >= 0) continue;
        sp_Value v = is_debug(q, t) ? SP_ERRV : sp_str_intern(q->c.vm, q->c.src + t->start, t->end - t->start);
        int32_t i = sp_iserr(v) ? -1 : sp_cg_nt_fresh(&q->c, &q->c.u->varnames, SP_STR(v)->data, SP_STR(v));
        if (i < 0) return quit(q), true;
        cp->slot[k] = i + 1;
    }
    size_t close = (size_t)q->pair[open];
    q->i = cl[0].in + 1;
    disjunction(q);
    if (q->i != cl[0].iter_end) return quit(q), true;
    at_line(q, line, SP_GET_ITER, 0);
    at_line(q, line, SP_COMP_ENTER, SP_COMP_ARG(nm - SP_NM_listcomp, first, nd));
    cp->inl = true;
    q->comp = cp;
    comp_loops(q, cl, n, 0, nm, open, cl[0].target - 1, line);
    q->comp = cp->up;
    at_line(q, line, SP_COMP_EXIT, 0);
    q->i = close + 1;
    return true;
}

/* [x for ...], {x for ...}, {k: v for ...}, (x for ...): a function made
 * and called with the first iterable, as CPython 3.11 (or inlined). */
static int comprehension(Q *q, int nm, size_t open, size_t f, int line) {
    size_t close = (size_t)q->pair[open];
    Comp cp = {q->comp, NULL, NULL, 0, &q->tk[open], NULL, 0, false};
    Clause *cl = NULL;
    if (q->comp && q->comp->inl) return quit(q), K_OTHER;
    size_t n = clauses(q, f, close, &cl, &cp);
    if (live(q) && inlinable(q, nm, open, close, cl, n) && inline_comp(q, nm, &cp, cl, n, open, line)) return K_OTHER;
    Unit *u = live(q) ? sp_cg_unit_open(&q->c, U_COMP, line, sp_names[nm].data, nm) : NULL;
    if (!u) return quit(q), K_OTHER;
    if (!qualify(q, u)) return K_OTHER;
    u->argcount = 1;
    if (nm == SP_NM_genexpr) u->flags |= SP_CO_GENERATOR;
    sp_cg_nt_index_str(&q->c, &u->varnames, SP_NAME(dot0));
    if (q->fn && !q->fn->collect) cp.nfree = pick_names(q, q->fn, cp.open, &u->frees, &cp.free);
    first_const(&q->c, SP_NONEV);
    q->comp = &cp;
    if (nm != SP_NM_genexpr)
        at_line(q, line, nm == SP_NM_listcomp ? SP_BUILD_LIST : nm == SP_NM_setcomp ? SP_BUILD_SET : SP_BUILD_MAP, 0);
    comp_loops(q, cl, n, 0, nm, open, f, line);
    if (nm != SP_NM_genexpr) at_line(q, line, SP_RETURN_VALUE, 0);
    q->c.lineno = line;
    sp_Value code = live(q) ? sp_cg_unit_code(&q->c) : SP_ERRV;
    sp_cg_unit_free(&q->c, sp_cg_unit_pop(&q->c));
    q->comp = cp.up;
    if (!live(q) || sp_iserr(code)) return quit(q), K_OTHER;
    closure(q, line, cp.free, cp.nfree);
    load_at(q, line, code);
    at_line(q, line, SP_MAKE_FUNCTION, cp.nfree ? 8 : 0);
    q->i = cl[0].in + 1;
    disjunction(q);
    if (q->i != cl[0].iter_end) return quit(q), K_OTHER;
    at_line(q, line, SP_GET_ITER, 0);
    at_line(q, line, SP_CALL, 1);
    q->i = close + 1;
    return K_OTHER;
}

/* ( ... ): the empty tuple, a generator expression, a tuple or a group
 * (which is its content: `(x)` is x, positions included). */
/* yield [values] / yield from x up to token e, in a def (not a lambda,
 * nor a comprehension: the full compiler's errors); the def is a
 * generator (sp_compile.c's Yield, YieldFrom). */
static int yield_(Q *q, size_t e) {
    Fn *fn = q->fn;
    int line = LINE(q, q->i);
    if (!fn || fn->lambda || q->comp) return quit(q), K_OTHER;
    fn->generator = true;
    next(q);
    if (K(q) == T_FROM) {
        next(q);
        expression(q);
        int32_t end = sp_cg_label(&q->c);
        at_line(q, line, SP_GET_YIELD_FROM_ITER, 0);
        load_at(q, line, SP_NONEV);
        at_line(q, line, SP_SEND_FROM, end);
        sp_cg_bind(&q->c, end);
        return K_OTHER;
    }
    if (q->i == e) load_at(q, line, SP_NONEV);
    else exprlist(q, e);
    at_line(q, line, SP_YIELD_VALUE, 0);
    return K_OTHER;
}

/* paren, bracket, brace and fstring are out of line: inlined, they made atom()
 * (a name or a literal, mostly) save every register. */
static __attribute__((noinline)) int paren(Q *q) {
    size_t open = q->i;
    Group g = group(q, open);
    if (KA(q, open + 1) == T_YIELD) { /* (yield x) */
        q->gline = 0;
        next(q);
        yield_(q, g.close);
        want(q, T_RPAR);
        return K_OTHER;
    }
    /* a tuple or generator expression in more parentheses is positioned at
     * the outermost '(' (sp_parse.c's atom does so) */
    int line = q->gline ? q->gline : LINE(q, open);
    q->gline = 0;
    if (g.first_for < g.close) return comprehension(q, SP_NM_genexpr, open, g.first_for, line);
    next(q);
    if (g.close == open + 1 || g.comma) {
        int k = items(q, g.close, g.items, line, SP_BUILD_LIST, true);
        next(q);
        return k;
    }
    if (KA(q, open + 1) == T_LPAR && (size_t)q->pair[open + 1] == g.close - 1) q->gline = line;
    int k = expression(q);
    q->gline = 0;
    want(q, T_RPAR);
    return k;
}

static __attribute__((noinline)) int bracket(Q *q) {
    size_t open = q->i;
    Group g = group(q, open);
    if (g.first_for < g.close) return comprehension(q, SP_NM_listcomp, open, g.first_for, LINE(q, open));
    next(q);
    items(q, g.close, g.items, LINE(q, open), SP_BUILD_LIST, false);
    next(q);
    return K_OTHER;
}

static __attribute__((noinline)) int brace(Q *q) {
    size_t open = q->i;
    Group g = group(q, open);
    int line = LINE(q, open);
    bool dict = g.close == open + 1 || g.colon || KA(q, open + 1) == T_DOUBLESTAR;
    if (g.first_for < g.close) return comprehension(q, dict ? SP_NM_dictcomp : SP_NM_setcomp, open, g.first_for, line);
    next(q);
    if (dict) dict_items(q, g.close, line);
    else items(q, g.close, g.items, line, SP_BUILD_SET, false);
    next(q);
    return K_OTHER;
}

static int atom(Q *q) {
    size_t j = q->i;
    switch (K(q)) {
    case T_NAME:
        next(q);
        nameop(q, j, LINE(q, j), false);
        return K_OTHER;
    case T_LPAR: return paren(q);
    case T_LSQB: return bracket(q);
    case T_LBRACE: return brace(q);
    default:
        if (!is_literal(K(q))) return quit(q), K_OTHER;
        if (K(q) == T_STRING && has_f(q, j)) return fstring(q);
        q->cv = literal(q, j);
        q->num = K(q) == T_NUMBER;
        q->cline = LINE(q, j);
        next(q);
        while (KA(q, j) == T_STRING && K(q) == T_STRING) next(q); /* 'a' 'b' */
        load_at(q, LINE(q, j), q->cv);
        return K_CONST;
    }
}

/* A keyword argument's name at the cursor, noted in kw[*nkw] (a repeated
 * or forbidden one: the full compiler's error); the cursor then at its value. */
static bool kw_name(Q *q, size_t *kw, size_t *nkw) {
    for (size_t k = 0; k < *nkw; k++)
        if (same_name(q, &q->tk[kw[k]], &q->tk[q->i])) return quit(q), false;
    if (is_debug(q, &q->tk[q->i])) return quit(q), false;
    kw[(*nkw)++] = q->i;
    q->i += 2;
    return true;
}

static sp_Value name_str(Q *q, size_t j) {
    const sp_Tok *t = &q->tk[j];
    sp_Value s = sp_str_intern(q->c.vm, q->c.src + t->start, t->end - t->start);
    if (sp_iserr(s)) quit(q);
    return s;
}

static bool is_kw_at(const Q *q, size_t j) {
    return (KA(q, j) == T_NAME && KA(q, j + 1) == T_EQUAL) || KA(q, j) == T_DOUBLESTAR;
}

/* f(*a, **k) and mixes (sp_compile.c's call_ex), the cursor after '(':
 * the positional arguments as a list (or the one starred iterable), the
 * keywords as a dict, CALL_EX; a positional argument after a keyword
 * (they are reordered in the AST) gives up. */
static void call_ex(Q *q, int line, size_t close, size_t *kw) {
    size_t npos = 0, first_kw = q->i, nkw = 0, run = 0;
    while (first_kw < close && !is_kw_at(q, first_kw)) {
        npos++;
        first_kw = find(q, first_kw, close, T_COMMA);
        first_kw += first_kw < close;
    }
    bool consts = true, have = false;
    if (npos == 1 && K(q) == T_STAR) {
        next(q);
        expression(q);
        if (K(q) == T_COMMA) next(q);
    } else if (!star_items(q, first_kw, npos, line, SP_BUILD_LIST, true, NULL, &consts)) {
        at_line(q, line, SP_BUILD_LIST, (int64_t)npos);
    }
    if (q->i != first_kw) return quit(q);
    if (first_kw == close) return next(q), at_line(q, line, SP_CALL_EX, 0);
    while (q->i < close && live(q)) {
        if (K(q) == T_DOUBLESTAR) {
            map_unpack(q, line, &run, &have, SP_DICT_MERGE);
        } else {
            if (!is_kw_at(q, q->i)) return quit(q);
            load_at(q, line, name_str(q, q->i));
            if (!kw_name(q, kw, &nkw)) return;
            expression(q);
            run++;
        }
        if (K(q) == T_COMMA) next(q);
        else if (q->i != close) return quit(q);
    }
    map_run(q, line, &run, &have, SP_DICT_MERGE);
    next(q);
    at_line(q, line, SP_CALL_EX, 1);
}

/* f(a, b, k=v): CALL n, CALL_KW n with the names' tuple, or the METHOD
 * forms after LOAD_METHOD. */
static void call(Q *q, int line, bool meth) {
    size_t open = q->i, close = (size_t)q->pair[open], n = 0, nkw = 0;
    Group g = group(q, open);
    if (g.first_for < close) { /* f(x for x in y): a generator expression, the only argument */
        if (g.comma) return quit(q);
        comprehension(q, SP_NM_genexpr, open, g.first_for, LINE(q, open));
        return at_line(q, line, meth ? SP_CALL_METHOD : SP_CALL, 1);
    }
    next(q);
    size_t *kw = sp_arena_raw(q->c.arena, (close - open) * sizeof *kw);
    if (!kw) return quit(q);
    if (g.star) return meth ? quit(q) : call_ex(q, line, close, kw);
    while (q->i < close && live(q)) {
        if (K(q) == T_NAME && KA(q, q->i + 1) == T_EQUAL) {
            if (!kw_name(q, kw, &nkw)) return;
        } else if (nkw) {
            return quit(q);
        }
        expression(q);
        n++;
        if (K(q) == T_COMMA) next(q);
        else if (q->i != close) return quit(q);
    }
    next(q);
    if (!nkw) return at_line(q, line, meth ? SP_CALL_METHOD : SP_CALL, (int64_t)n);
    sp_Value t = sp_tuple_new(q->c.vm, nkw);
    if (sp_iserr(t)) return quit(q);
    for (size_t k = 0; k < nkw && live(q); k++) SP_TUPLE(t)->items[k] = name_str(q, kw[k]);
    load_at(q, line, t);
    at_line(q, line, meth ? SP_CALL_METHOD_KW : SP_CALL_KW, (int64_t)n);
}

/* The key of a[...] with `a` pushed: an expression, or a slice; returns
 * true for a two-bound slice (its bounds pushed, for the *_SLICE ops).
 * aug: a slice is always built (augmented assignment, sp_compile.c's slice()). */
static bool subscript_key(Q *q, int line, bool aug) {
    Group g = group(q, q->i);
    next(q);
    if (g.comma) return quit(q), false;
    if (!g.colon) {
        expression(q);
        want(q, T_RSQB);
        return false;
    }
    if (K(q) == T_COLON) load_at(q, line, SP_NONEV);
    else expression(q);
    want(q, T_COLON);
    if (K(q) == T_COLON || K(q) == T_RSQB) load_at(q, line, SP_NONEV);
    else expression(q);
    bool step = false;
    if (K(q) == T_COLON) {
        next(q);
        if (K(q) != T_RSQB) expression(q), step = true;
    }
    want(q, T_RSQB);
    if (step || aug) at_line(q, line, SP_BUILD_SLICE, step ? 3 : 2);
    return !step && !aug;
}

/* An atom and its trailers (.name, (args), [key]) up to token stop. */
static size_t primary_end(const Q *q, size_t j);

/* Whether the group at open is, through any more parentheses, one primary
 * ending in an attribute: (a.b), ((f().b)) -- called, it is a method call. */
static bool attr_group(const Q *q, size_t open) {
    for (;;) {
        size_t close = (size_t)q->pair[open];
        if (primary_end(q, open + 1) != close) return false;
        if (KA(q, open + 1) != T_LPAR || (size_t)q->pair[open + 1] != close - 1)
            return KA(q, close - 1) == T_NAME && KA(q, close - 2) == T_DOT;
        open++;
    }
}

/* (a.b)(x): the group's LOAD_ATTR, just emitted, becomes LOAD_METHOD. */
static void group_method(Q *q, int line) {
    Unit *u = q->c.u;
    uint32_t w = u->ncode ? u->code[u->ncode - 1] : 0;
    if (SP_OPCODE(w) != SP_LOAD_ATTR || u->depth < 0) return quit(q);
    u->code[u->ncode - 1] = SP_INSTR(SP_LOAD_METHOD, SP_OPARG(w));
    if (++u->depth > u->maxdepth) u->maxdepth = u->depth;
    call(q, line, true);
}

static int primary(Q *q, size_t stop) {
    int line = start_line(q, q->i);
    size_t s = q->i;
    int k = atom(q);
    if (KA(q, s) == T_LPAR && K(q) == T_LPAR && q->i < stop && !group(q, q->i).star && attr_group(q, s))
        group_method(q, line), k = K_OTHER;
    while (q->i < stop && live(q)) {
        switch (K(q)) {
        case T_DOT: {
            next(q);
            size_t name = q->i;
            if (!want(q, T_NAME)) break;
            if (K(q) == T_LPAR && q->i < stop && !group(q, q->i).star) {
                at_line(q, LINE(q, name), SP_LOAD_METHOD, name_idx(q, name));
                call(q, line, true);
            } else {
                at_line(q, LINE(q, name), SP_LOAD_ATTR, name_idx(q, name));
            }
            break;
        }
        case T_LPAR: call(q, line, false); break;
        case T_LSQB: {
            bool two = subscript_key(q, line, false);
            at_line(q, line, two ? SP_BINARY_SLICE : SP_BINARY_SUBSCR, 0);
            break;
        }
        default: return k;
        }
        k = K_OTHER;
    }
    return k;
}

/* The token after the primary starting at j (an atom and its trailers),
 * 0 if j starts none. */
static size_t primary_end(const Q *q, size_t j) {
    int k = q->tk[j].kind;
    if (cls[k] & X_OPEN) j = (size_t)q->pair[j] + 1;
    else if (k == T_STRING) while (q->tk[j].kind == T_STRING) j++;
    else if (k == T_NAME || is_literal(k)) j++;
    else return 0;
    for (;;) {
        k = q->tk[j].kind;
        if (k == T_DOT && q->tk[j + 1].kind == T_NAME) j += 2;
        else if (k == T_LPAR || k == T_LSQB) j = (size_t)q->pair[j] + 1;
        else return j;
    }
}

static int power(Q *q) {
    int k = K(q), after = KA(q, q->i + 1);
    if ((k == T_NAME || k == T_NUMBER) && after != T_DOT && after != T_LPAR && after != T_LSQB && after != T_DOUBLESTAR)
        return atom(q); /* a lone name or number: most operands */
    int line = start_line(q, q->i);
    k = primary(q, SIZE_MAX);
    if (K(q) != T_DOUBLESTAR) return k;
    next(q);
    factor(q);
    at_line(q, line, SP_BINARY_OP, SP_OP_POW);
    return K_OTHER;
}

/* -x, +x, ~x (k); `-` before a number literal is folded (sp_compile.c's
 * const_of).  Out of line: inlined, it made every operand save registers. */
static __attribute__((noinline)) int unary(Q *q, int k) {
    int line = LINE(q, q->i);
    if (!enter(q)) return K_OTHER;
    next(q);
    Mark m = mark(q);
    if (factor(q) == K_CONST && q->num && k == T_MINUS) { /* -1, -(1.5): the operand was its LOAD_CONST */
        rewind_to(q, &m);
        q->cv = sp_cg_neg(&q->c, q->cv);
        if (sp_iserr(q->cv)) quit(q);
        load_at(q, line, q->cv);
        q->nest--;
        return K_FOLD;
    }
    at_line(q, line, SP_UNARY_OP, k == T_MINUS ? SP_UOP_NEG : k == T_PLUS ? SP_UOP_POS : SP_UOP_INVERT);
    q->nest--;
    return K_OTHER;
}

static int factor(Q *q) {
    int k = K(q);
    return k == T_MINUS || k == T_PLUS || k == T_TILDE ? unary(q, k) : power(q);
}

/* Binary operators by precedence climbing (all left-associative). */
static int binary(Q *q, int min) {
    int line = start_line(q, q->i);
    int k = factor(q);
    while (prec[K(q)] >= min && live(q)) {
        int op = binop[K(q)], p = prec[K(q)];
        next(q);
        if (!enter(q)) return K_OTHER;
        binary(q, p + 1);
        q->nest--;
        at_line(q, line, SP_BINARY_OP, op);
        k = K_OTHER;
    }
    return k;
}

/* A comparison operator at the cursor (consumed), or -1. */
static int cmp_op(Q *q) {
    int k = K(q), op;
    switch (k) {
    case T_LESS: op = SP_LT; break;
    case T_LESSEQUAL: op = SP_LE; break;
    case T_EQEQUAL: op = SP_EQ; break;
    case T_NOTEQUAL: op = SP_NE; break;
    case T_GREATER: op = SP_GT; break;
    case T_GREATEREQUAL: op = SP_GE; break;
    case T_IN: op = SP_CMP_IN; break;
    case T_IS: op = KA(q, q->i + 1) == T_NOT ? (next(q), SP_CMP_ISNOT) : SP_CMP_IS; break;
    case T_NOT:
        if (KA(q, q->i + 1) != T_IN) return -1;
        next(q);
        op = SP_CMP_NOTIN;
        break;
    default: return -1;
    }
    const sp_Tok *t = &q->tk[q->i];
    if (k == T_NOTEQUAL && q->c.src[t->start] == '<') return quit(q), -1; /* `<>`: the full compiler's error */
    next(q);
    return op;
}

static void compare_emit(Q *q, int line, int op) {
    if (op <= SP_GE) at_line(q, line, SP_COMPARE_OP, op);
    else if (op <= SP_CMP_ISNOT) at_line(q, line, SP_IS_OP, op - SP_CMP_IS);
    else at_line(q, line, SP_CONTAINS_OP, op - SP_CMP_IN);
}

/* After `a op b`: the rest of a chain a < b < c, each middle operand
 * kept for the next comparison (sp_compile.c's compare_prefix); jump is
 * taken to cleanup when a link is false.  Leaves the last comparison's
 * result on the stack. */
static void chain(Q *q, int line, int op, int jump, int32_t cleanup) {
    for (int next_op; live(q) && (next_op = cmp_op(q)) >= 0; op = next_op) {
        at_line(q, line, SP_SWAP, 2);
        at_line(q, line, SP_COPY, 2);
        compare_emit(q, line, op);
        at_line(q, line, jump, cleanup);
        binary(q, 1);
    }
    compare_emit(q, line, op);
}

static bool is_cmp_at(const Q *q) {
    int k = K(q);
    return (cls[k] & X_CMP) && (k != T_NOT || KA(q, q->i + 1) == T_IN);
}

static int comparison(Q *q) {
    int line = start_line(q, q->i);
    int k = binary(q, 1);
    int op = cmp_op(q);
    if (op < 0) return k;
    binary(q, 1);
    if (!is_cmp_at(q)) {
        compare_emit(q, line, op);
        return K_OTHER;
    }
    int32_t cleanup = sp_cg_label(&q->c), end = sp_cg_label(&q->c);
    chain(q, line, op, SP_JUMP_IF_FALSE_OR_POP, cleanup);
    at_line(q, line, SP_JUMP, end);
    sp_cg_bind(&q->c, cleanup);
    at_line(q, line, SP_SWAP, 2);
    at_line(q, line, SP_POP_TOP, 0);
    sp_cg_bind(&q->c, end);
    return K_OTHER;
}

static int inversion(Q *q) {
    if (K(q) != T_NOT) return comparison(q);
    int line = LINE(q, q->i);
    if (!enter(q)) return K_OTHER;
    next(q);
    inversion(q);
    at_line(q, line, SP_UNARY_NOT, 0);
    q->nest--;
    return K_OTHER;
}

/* a and b / a or b: the value of the first operand deciding it. */
static int boolop(Q *q, int tok) {
    int line = start_line(q, q->i);
    int k = tok == T_AND ? inversion(q) : boolop(q, T_AND);
    if (K(q) != tok) return k;
    int32_t end = sp_cg_label(&q->c);
    while (K(q) == tok && live(q)) {
        at_line(q, line, tok == T_AND ? SP_JUMP_IF_FALSE_OR_POP : SP_JUMP_IF_TRUE_OR_POP, end);
        next(q);
        if (tok == T_AND) inversion(q);
        else boolop(q, T_AND);
    }
    sp_cg_bind(&q->c, end);
    return K_OTHER;
}

/* Most operands are one primary (a name, x[k], f(a)) before , ) ] : for
 * if: that primary, without the descent through every precedence level. */
static int disjunction(Q *q) {
    size_t e = primary_end(q, q->i);
    if (e && (cls[KA(q, e)] & X_END)) /* an atom alone (a display too) needs no trailer loop */
        return e == over(q, q->i) ? atom(q) : primary(q, SIZE_MAX);
    if (e && prec[KA(q, e)] && (cls[KA(q, scan(q, e, X_END | X_CMP | X_BOOL))] & X_END))
        return binary(q, 1); /* arithmetic only: no and/or/not/comparison levels */
    return boolop(q, T_OR);
}

/* body if test else orelse: the test first (sp_compile.c's ifexp).  Out
 * of line, as lambda_: inlined, they made expression() save every register. */
static __attribute__((noinline)) int ifexp(Q *q, size_t at_if) {
    size_t s = q->i, at_else = scan(q, at_if + 1, X_END);
    int line = start_line(q, s);
    if (KA(q, at_else) != T_ELSE) return quit(q), K_OTHER;
    int32_t orelse = sp_cg_label(&q->c), end = sp_cg_label(&q->c);
    q->i = at_if + 1;
    cond(q, at_else, false, orelse, line);
    q->i = s;
    disjunction(q);
    if (q->i != at_if) return quit(q), K_OTHER;
    at_line(q, line, SP_JUMP, end);
    sp_cg_bind(&q->c, orelse);
    q->i = at_else + 1;
    expression(q);
    sp_cg_bind(&q->c, end);
    return K_OTHER;
}

static __attribute__((noinline)) int lambda_(Q *q);

/* The descent (apart: a lone operand saves no registers). */
static __attribute__((noinline)) int expression_(Q *q) {
    if (!enter(q)) return K_OTHER;
    if (K(q) == T_LAMBDA) {
        int k = lambda_(q);
        q->nest--;
        return k;
    }
    int k;
    size_t e;
    if (q->nif && KA(q, e = scan(q, q->i, X_END)) == T_IF) k = ifexp(q, e);
    else k = disjunction(q);
    q->nest--;
    return k;
}

static int expression(Q *q) {
    if (!live(q)) return K_OTHER;
    int t = K(q), after = KA(q, q->i + 1);
    if ((cls[after] & X_END) && after != T_IF && (t == T_NAME || is_literal(t)))
        return atom(q); /* a lone name or literal (most items and arguments): no descent */
    return expression_(q);
}

/* An expression list up to token e: one expression, or a tuple (if
 * comma: a top-level comma is known to be in it). */
static int exprlist_(Q *q, size_t e, bool comma) {
    if (!comma) return expression(q);
    size_t n = count_items(q, q->i, e, &comma);
    return items(q, e, n, start_line(q, q->i), SP_BUILD_LIST, true);
}

static int exprlist(Q *q, size_t e) {
    return exprlist_(q, e, find(q, q->i, e, T_COMMA) < e);
}

/* A statement's value up to e: an expression list, or a yield. */
static int value(Q *q, size_t e, bool comma) {
    return K(q) == T_YIELD ? yield_(q, e) : exprlist_(q, e, comma);
}

/* ------------------------------------------------------------ conditions */

/* Jump to label when bool([q->i, e)) == when: sp_compile.c's jump_if on
 * token ranges (the shape is known before any code: and/or/not split
 * the range, a chain of comparisons tests each link). */
static void cond_chain(Q *q, size_t e, bool when, int32_t label) {
    int line = start_line(q, q->i);
    int32_t cleanup = sp_cg_label(&q->c), end = sp_cg_label(&q->c);
    binary(q, 1);
    int op = cmp_op(q);
    if (op < 0) return quit(q);
    binary(q, 1);
    chain(q, line, op, SP_POP_JUMP_IF_FALSE, cleanup);
    if (q->i != e) return quit(q);
    at_line(q, line, when ? SP_POP_JUMP_IF_TRUE : SP_POP_JUMP_IF_FALSE, label);
    at_line(q, line, SP_JUMP, end);
    sp_cg_bind(&q->c, cleanup);
    at_line(q, line, SP_POP_TOP, 0);
    if (!when) at_line(q, line, SP_JUMP, label);
    sp_cg_bind(&q->c, end);
}

/* Comparison operators at this level of [j, e). */
static int count_cmps(const Q *q, size_t j, size_t e) {
    int n = 0;
    while (j < e) {
        int k = q->tk[j].kind;
        if ((cls[k] & X_CMP) && k != T_NOT) n++;
        else if (k == T_NOT && j + 1 < e && q->tk[j + 1].kind == T_IN) n++, j++;
        j = over(q, j);
    }
    return n;
}

/* The operands of a boolean operator tok in [s, e), each jumping. */
static bool cond_split(Q *q, size_t s, size_t e, int tok, bool when, int32_t label, int line) {
    size_t op = find(q, s, e, tok);
    if (op == e) return false;
    bool mid = tok == T_OR; /* where the non-last operands jump */
    int32_t next_l = when == mid ? label : sp_cg_label(&q->c);
    while (op < e && live(q)) {
        q->i = s;
        cond(q, op, mid, next_l, line);
        s = op + 1;
        op = find(q, s, e, tok);
    }
    q->i = s;
    cond(q, e, when, label, line);
    if (next_l != label) sp_cg_bind(&q->c, next_l);
    return true;
}

static void cond(Q *q, size_t e, bool when, int32_t label, int line) {
    size_t s = q->i;
    if (!live(q) || s >= e || !enter(q)) return quit(q);
    bool comma;
    size_t lit = s;
    while (lit < e && KA(q, lit) == T_STRING) lit++;
    if ((e == s + 1 && is_literal(KA(q, s))) || (lit == e && lit > s)) { /* while True: */
        if (truth(q, s) == (int)when) at_line(q, line, SP_JUMP, label);
        q->i = e;
    } else if (KA(q, s) == T_LPAR && (size_t)q->pair[s] == e - 1 && s + 2 < e &&
               find(q, s + 1, e - 1, T_FOR) == e - 1 && (count_items(q, s + 1, e - 1, &comma), !comma)) {
        int outer = q->gline ? q->gline : LINE(q, s); /* a tuple in it: at the outermost '(' (see paren) */
        bool nested = KA(q, s + 1) == T_LPAR && (size_t)q->pair[s + 1] == e - 2;
        q->i = s + 1; /* a group is its content */
        q->gline = nested ? outer : 0;
        cond(q, e - 1, when, label, line);
        q->gline = 0;
        q->i = e;
    } else if (find(q, s, e, T_IF) < e) { /* a conditional expression */
        expression(q);
        at_line(q, line, when ? SP_POP_JUMP_IF_TRUE : SP_POP_JUMP_IF_FALSE, label);
    } else if (cond_split(q, s, e, T_OR, when, label, line) || cond_split(q, s, e, T_AND, when, label, line)) {
        q->i = e;
    } else if (KA(q, s) == T_NOT) {
        q->i = s + 1;
        cond(q, e, !when, label, line);
    } else if (count_cmps(q, s, e) > 1) {
        cond_chain(q, e, when, label);
    } else { /* no and/or at this level: a comparison (which stops at an `or` after it) */
        comparison(q);
        at_line(q, line, when ? SP_POP_JUMP_IF_TRUE : SP_POP_JUMP_IF_FALSE, label);
    }
    if (q->i != e) quit(q);
    q->nest--;
}

/* ------------------------------------------------------------ targets */

/* a, b = ... / (a, b) / [a, b]: UNPACK_SEQUENCE then each target. */
static void unpack(Q *q, size_t s, size_t e, int line) {
    bool comma;
    size_t n = count_items(q, s, e, &comma);
    if (!n) return quit(q);
    at_line(q, line, SP_UNPACK_SEQUENCE, (int64_t)n);
    for (size_t k = 0; k < n && live(q); k++) {
        size_t c = find(q, s, e, T_COMMA);
        if (KA(q, s) == T_STAR) return quit(q);
        store(q, s, c);
        s = c + 1;
    }
}

/* The object of an attribute or subscript target starting at s: the
 * primary up to token end; false (given up) if it is not one. */
static bool target_object(Q *q, size_t s, size_t end) {
    q->i = s;
    primary(q, end);
    if (q->i != end) return quit(q), false;
    return true;
}

/* Store TOS into the target [s, e) (sp_compile.c's store). */
static void store(Q *q, size_t s, size_t e) {
    if (e == s + 1 && KA(q, s) == T_NAME && live(q)) { /* the common target: no descent */
        nameop(q, s, LINE(q, s), true);
        q->i = e;
        return;
    }
    if (!live(q) || s >= e || !enter(q)) return quit(q);
    int line = start_line(q, s);
    int k = KA(q, s);
    bool comma;
    if ((k == T_LPAR || k == T_LSQB) && (size_t)q->pair[s] == e - 1) {
        count_items(q, s + 1, e - 1, &comma);
        if (k == T_LPAR && !comma) store(q, s + 1, e - 1); /* (a) is a */
        else unpack(q, s + 1, e - 1, line);
    } else if (count_items(q, s, e, &comma), comma) {
        unpack(q, s, e, line);
    } else if (e > s + 2 && KA(q, e - 1) == T_NAME && KA(q, e - 2) == T_DOT) {
        if (q->comp) return quit(q);
        if (!target_object(q, s, e - 2)) return;
        at_line(q, line, SP_STORE_ATTR, name_idx(q, e - 1));
    } else if (KA(q, e - 1) == T_RSQB && (size_t)q->pair[e - 1] > s) {
        if (q->comp) return quit(q);
        size_t open = (size_t)q->pair[e - 1];
        if (!target_object(q, s, open)) return;
        bool two = subscript_key(q, line, false);
        at_line(q, line, two ? SP_STORE_SLICE : SP_STORE_SUBSCR, 0);
    } else {
        quit(q);
    }
    q->i = e;
    q->nest--;
}

/* ------------------------------------------------------------ statements */

static void statement(Q *q, bool top);
static void simple_stmts(Q *q, bool top);

/* The body after ':': an indented block or simple statements. */
static void block(Q *q) {
    if (!want(q, T_COLON)) return;
    if (K(q) != T_NEWLINE) return simple_stmts(q, false);
    next(q);
    if (!want(q, T_INDENT)) return;
    while (K(q) != T_DEDENT && K(q) != T_END && live(q)) statement(q, false);
    want(q, T_DEDENT);
}

static void if_(Q *q) {
    int line = LINE(q, q->i);
    int32_t next_l = sp_cg_label(&q->c), end = sp_cg_label(&q->c);
    size_t colon = scan(q, q->i + 1, X_STMT);
    next(q);
    cond(q, colon, false, next_l, line);
    block(q);
    if (K(q) == T_ELIF || K(q) == T_ELSE) {
        at_line(q, line, SP_JUMP, end);
        sp_cg_bind(&q->c, next_l);
        if (K(q) == T_ELIF) if_(q); /* an If in the else branch, as in the AST */
        else next(q), block(q);
    } else {
        sp_cg_bind(&q->c, next_l);
    }
    sp_cg_bind(&q->c, end);
}

static bool push_block(Q *q, int kind, int32_t start, int32_t exit, const sp_Tok *name) {
    Unit *u = q->c.u;
    if (u->nfb >= MAXBLOCKS) return quit(q), false;
    u->fb[u->nfb++] = (FBlock){kind, start, exit, name};
    return true;
}

/* The `as` name of an except clause is cleared on every way out of it. */
static void clear_name(Q *q, size_t j, int line) {
    load_at(q, line, SP_NONEV);
    nameop(q, j, line, true);
    del_name(q, j, line);
}

/* Code leaving block fb early (sp_compile.c's unwind_one for the blocks
 * made here); preserve: a return value is kept on top. */
static void finally_body(Q *q, const sp_Tok *fin);
static void unwind_one(Q *q, const FBlock *fb, bool preserve, int line) {
    const sp_Tok *name = fb->datum;
    switch (fb->kind) {
    case FB_FOR:
    case FB_POP_VALUE:
        if (preserve) at_line(q, line, SP_SWAP, 2);
        return at_line(q, line, SP_POP_TOP, 0);
    case FB_TRY_EXCEPT: return at_line(q, line, SP_POP_BLOCK, 0);
    case FB_FINALLY_TRY: /* name: its `finally` */
        at_line(q, line, SP_POP_BLOCK, 0);
        if (preserve && !push_block(q, FB_POP_VALUE, -1, -1, NULL)) return;
        finally_body(q, name);
        if (preserve) q->c.u->nfb--;
        return;
    case FB_FINALLY_END: /* ( prev exc ) */
        if (preserve) at_line(q, line, SP_SWAP, 2);
        at_line(q, line, SP_POP_TOP, 0);
        if (preserve) at_line(q, line, SP_SWAP, 2);
        return at_line(q, line, SP_POP_EXCEPT, 0);
    case FB_HANDLER_CLEANUP:
        if (name) at_line(q, line, SP_POP_BLOCK, 0);
        if (preserve) at_line(q, line, SP_SWAP, 2);
        at_line(q, line, SP_POP_EXCEPT, 0);
        if (name) clear_name(q, (size_t)(name - q->tk), line);
        return;
    default: return; /* FB_WHILE, FB_EXC_HANDLER */
    }
}

/* Every block (return) or those up to the innermost loop (break,
 * continue: false if there is none, else *loop is it).  Each block's
 * cleanup is compiled with only the blocks outside it active. */
static bool unwind(Q *q, bool preserve, FBlock *loop, int line) {
    Unit *u = q->c.u;
    int n = u->nfb;
    FBlock saved[MAXBLOCKS];
    memcpy(saved, u->fb, (size_t)n * sizeof *saved);
    bool found = false;
    for (int i = n - 1; i >= 0 && live(q) && !found; i--) {
        if (loop && (saved[i].kind == FB_WHILE || saved[i].kind == FB_FOR)) {
            *loop = saved[i], found = true;
        } else {
            u->nfb = i;
            unwind_one(q, &saved[i], preserve, line);
        }
    }
    memcpy(u->fb, saved, (size_t)n * sizeof *saved);
    u->nfb = n;
    return found;
}

/* The block after the `finally` at fin, compiled where the cursor is not. */
static void finally_body(Q *q, const sp_Tok *fin) {
    size_t at = q->i;
    q->i = (size_t)(fin - q->tk) + 1;
    block(q);
    q->i = at;
}

/* The token after the block whose ':' is at j (a suite: through its DEDENT). */
static size_t skip_block(const Q *q, size_t j) {
    j = scan(q, j, X_STMT);
    if (KA(q, j) != T_COLON) return j;
    if (KA(q, ++j) != T_NEWLINE) {
        while (KA(q, j) != T_NEWLINE && KA(q, j) != T_END) j++;
        return j + (KA(q, j) == T_NEWLINE);
    }
    if (KA(q, ++j) != T_INDENT) return j;
    for (int depth = 0; KA(q, j) != T_END; j++) {
        if (KA(q, j) == T_INDENT) depth++;
        else if (KA(q, j) == T_DEDENT && --depth == 0) return j + 1;
    }
    return j;
}

/* try: ... except [T [as name]]: ... [else: ...], the cursor at the
 * body's ':' (sp_compile.c's try_except). */
static void handler(Q *q, int32_t end);
static void try_except(Q *q, int line) {
    int32_t h = sp_cg_label(&q->c), orelse = sp_cg_label(&q->c), end = sp_cg_label(&q->c);
    at_line(q, line, SP_SETUP_FINALLY, h);
    if (!push_block(q, FB_TRY_EXCEPT, -1, -1, NULL)) return;
    block(q);
    q->c.u->nfb--;
    at_line(q, line, SP_POP_BLOCK, 0);
    at_line(q, line, SP_JUMP, orelse);
    sp_cg_bind(&q->c, h);
    if (K(q) != T_EXCEPT || !push_block(q, FB_EXC_HANDLER, -1, -1, NULL)) return quit(q);
    while (K(q) == T_EXCEPT && live(q)) handler(q, end);
    q->c.u->nfb--;
    at_line(q, line, SP_RERAISE, 0);
    sp_cg_bind(&q->c, orelse);
    if (K(q) == T_ELSE) next(q), block(q);
    sp_cg_bind(&q->c, end);
}

/* try ... finally: the final body compiled for the normal way out, for
 * the exceptional one and for each return/break/continue leaving the try
 * (sp_compile.c's try_finally); its `finally` is found first. */
static void try_(Q *q) {
    int line = LINE(q, q->i);
    size_t fin = skip_block(q, q->i + 1);
    bool handlers = KA(q, fin) == T_EXCEPT;
    while (KA(q, fin) == T_EXCEPT || KA(q, fin) == T_ELSE) fin = skip_block(q, fin + 1);
    next(q);
    if (KA(q, fin) != T_FINALLY) return try_except(q, line);
    int32_t h = sp_cg_label(&q->c), end = sp_cg_label(&q->c);
    at_line(q, line, SP_SETUP_FINALLY, h);
    if (!push_block(q, FB_FINALLY_TRY, -1, -1, &q->tk[fin])) return;
    if (handlers) try_except(q, line);
    else block(q);
    q->c.u->nfb--;
    at_line(q, line, SP_POP_BLOCK, 0);
    if (q->i != fin) return quit(q);
    next(q);
    block(q);
    size_t after = q->i;
    at_line(q, line, SP_JUMP, end);
    sp_cg_bind(&q->c, h);
    if (!push_block(q, FB_FINALLY_END, -1, -1, NULL)) return;
    finally_body(q, &q->tk[fin]);
    q->c.u->nfb--;
    at_line(q, line, SP_RERAISE, 0);
    sp_cg_bind(&q->c, end);
    q->i = after;
}

/* One except clause; the stack is ( prev exc ) on entry. */
static void handler(Q *q, int32_t end) {
    int line = LINE(q, q->i);
    int32_t next_l = sp_cg_label(&q->c);
    next(q);
    bool typed = K(q) != T_COLON;
    if (typed) {
        if (K(q) == T_STAR) return quit(q);
        expression(q);
        at_line(q, line, SP_CHECK_EXC_MATCH, 0);
        at_line(q, line, SP_POP_JUMP_IF_FALSE, next_l);
    }
    if (K(q) == T_AS) {
        size_t name = q->i + 1;
        next(q);
        if (!want(q, T_NAME)) return;
        int32_t cleanup = sp_cg_label(&q->c);
        nameop(q, name, line, true);
        at_line(q, line, SP_SETUP_FINALLY, cleanup);
        if (!push_block(q, FB_HANDLER_CLEANUP, -1, -1, &q->tk[name])) return;
        block(q);
        q->c.u->nfb--;
        at_line(q, line, SP_POP_BLOCK, 0);
        at_line(q, line, SP_POP_EXCEPT, 0);
        clear_name(q, name, line);
        at_line(q, line, SP_JUMP, end);
        sp_cg_bind(&q->c, cleanup);
        clear_name(q, name, line);
        at_line(q, line, SP_RERAISE, 0);
    } else {
        at_line(q, line, SP_POP_TOP, 0);
        if (!push_block(q, FB_HANDLER_CLEANUP, -1, -1, NULL)) return;
        block(q);
        q->c.u->nfb--;
        at_line(q, line, SP_POP_EXCEPT, 0);
        at_line(q, line, SP_JUMP, end);
    }
    if (!typed && K(q) == T_EXCEPT) return quit(q); /* the full compiler's error: a bare except not last */
    sp_cg_bind(&q->c, next_l);
}

/* The body of a loop pushed with start, then its else clause ahead of
 * `after` (where the loop's test or iterator exits) and end (break). */
static void loop_rest(Q *q, int line, int32_t start, int32_t after, int32_t end) {
    block(q);
    q->c.u->nfb--;
    at_line(q, line, SP_JUMP, start);
    sp_cg_bind(&q->c, after);
    if (K(q) == T_ELSE) next(q), block(q);
    sp_cg_bind(&q->c, end);
}

static void while_(Q *q) {
    int line = LINE(q, q->i);
    int32_t start = sp_cg_label(&q->c), orelse = sp_cg_label(&q->c), end = sp_cg_label(&q->c);
    size_t colon = scan(q, q->i + 1, X_STMT);
    next(q);
    sp_cg_bind(&q->c, start);
    cond(q, colon, false, orelse, line);
    if (push_block(q, FB_WHILE, start, end, NULL)) loop_rest(q, line, start, orelse, end);
}

static void for_(Q *q) {
    size_t s = q->i;
    int line = LINE(q, s);
    size_t in = scan(q, s + 1, X_IN), colon = scan(q, in + 1, X_STMT);
    if (KA(q, in) != T_IN || KA(q, colon) != T_COLON) return quit(q);
    int32_t start = sp_cg_label(&q->c), cleanup = sp_cg_label(&q->c), end = sp_cg_label(&q->c);
    q->i = in + 1;
    exprlist(q, colon);
    if (q->i != colon) return quit(q);
    at_line(q, line, SP_GET_ITER, 0);
    sp_cg_bind(&q->c, start);
    at_line(q, line, SP_FOR_ITER, cleanup);
    if (!push_block(q, FB_FOR, start, end, NULL)) return;
    store(q, s + 1, in);
    q->i = colon;
    loop_rest(q, line, start, cleanup, end);
}

/* ------------------------------------------------------------ functions */

/* return [v]: a value that is not a literal is computed before the loops
 * are left, a literal after (sp_compile.c's return_). */
static void return_(Q *q) {
    int line = LINE(q, q->i);
    next(q);
    if (!q->fn) return quit(q); /* outside a function: the full compiler's error */
    size_t e = scan(q, q->i, X_STMT);
    bool bare = e == q->i;
    Mark m = mark(q);
    int k = bare ? K_CONST : exprlist(q, e);
    if (q->i != e) return quit(q);
    bool preserve = k != K_CONST;
    sp_Value v = bare ? SP_NONEV : q->cv;
    int vline = bare ? line : q->cline;
    if (!preserve) rewind_to(q, &m);
    unwind(q, preserve, NULL, line);
    if (!preserve) load_at(q, vline, v);
    at_line(q, line, SP_RETURN_VALUE, 0);
}

/* A parameter list: names, `name=default`, `*`, `*args`, `**kw` (no `/`,
 * no annotations).  Fills fn->name in CPython's slot order. */
typedef struct Params {
    size_t *pos, npos, *kw, nkw;  /* positional and keyword-only names (token indexes) */
    size_t *pdef, npdef;          /* the positional defaults' first tokens */
    size_t *kdef;                 /* a keyword-only name's default, or 0 */
    size_t star, dstar;           /* *args and **kw names, or 0 */
    int close;                    /* what ends the list: ')' or a lambda's ':' */
} Params;

/* The token after an annotation starting at j, 0 if it is not of the
 * simple shapes checked here (then the quick compiler gives up).  sandpy
 * never evaluates annotations (sp_compile.c), so one only has to be valid:
 * dotted names, subscripted by annotations (list[int], dict[str, Any],
 * Callable[[int], str]), None, ..., strings (decoded, for their errors),
 * and unions of them with |. */
static size_t ann_end(Q *q, size_t j) {
    if (!enter(q)) return 0;
    for (;;) {
        int k = KA(q, j);
        if (k == T_NAME) {
            while (KA(q, ++j) == T_DOT)
                if (KA(q, ++j) != T_NAME) return q->nest--, 0;
        } else if (k == T_STRING) {
            string(q, j);
            while (KA(q, j) == T_STRING) j++;
            if (!live(q)) return q->nest--, 0;
        } else if (k == T_NONE || k == T_ELLIPSIS) {
            j++;
        } else if (k != T_LSQB) {
            return q->nest--, 0;
        }
        if (KA(q, j) == T_LSQB) { /* items: annotations separated by commas */
            size_t close = (size_t)q->pair[j];
            if (k != T_LSQB && close == j + 1) return q->nest--, 0; /* int[]: a subscript needs a key */
            for (j++; j < close;) {
                if (!(j = ann_end(q, j))) return q->nest--, 0;
                if (KA(q, j) == T_COMMA) j++;
                else if (j != close) return q->nest--, 0;
            }
            j = close + 1;
        }
        if (KA(q, j) != T_VBAR) return q->nest--, j;
        j++;
    }
}

/* Past the annotation at the cursor's ':' if there is one (false: not
 * one ann_end takes). */
static bool skip_ann(Q *q) {
    if (K(q) != T_COLON) return true;
    size_t e = ann_end(q, q->i + 1);
    if (!e) return quit(q), false;
    q->i = e;
    return true;
}

static bool params(Q *q, size_t open, size_t close, Params *p) {
    size_t room = close - open + 1;
    p->pos = sp_arena_raw(q->c.arena, 4 * room * sizeof(size_t));
    if (!p->pos) return quit(q), false;
    p->kw = p->pos + room, p->pdef = p->kw + room, p->kdef = p->pdef + room;
    bool kwonly = false;
    for (q->i = open + 1; q->i < close && live(q);) {
        int k = K(q);
        if (p->dstar) return quit(q), false;
        if (k == T_STAR || k == T_DOUBLESTAR) {
            if (k == T_STAR && kwonly) return quit(q), false;
            next(q);
            if (K(q) == T_NAME) {
                *(k == T_STAR ? &p->star : &p->dstar) = q->i;
                next(q);
                if (p->close == T_RPAR && !skip_ann(q)) return false;
            } else if (k == T_DOUBLESTAR || kwonly) {
                return quit(q), false;
            }
            if (k == T_STAR) kwonly = true;
        } else if (k == T_NAME) {
            size_t name = q->i, def = 0;
            next(q);
            if (p->close == T_RPAR && !skip_ann(q)) return false;
            if (K(q) == T_EQUAL) {
                next(q);
                def = q->i;
                q->i = scan(q, q->i, X_END);
            } else if (!kwonly && p->npdef) {
                return quit(q), false; /* a non-default after a default: the full compiler's error */
            }
            if (kwonly) p->kdef[p->nkw] = def, p->kw[p->nkw++] = name;
            else p->pos[p->npos++] = name;
            if (def && !kwonly) p->pdef[p->npdef++] = def;
        } else {
            return quit(q), false;
        }
        if (K(q) == T_COMMA) next(q);
        else if (q->i != close) return quit(q), false;
    }
    if (kwonly && !p->star && !p->nkw) return quit(q), false; /* a bare * needs names after it */
    return live(q);
}

/* The defaults (evaluated where the def is): a tuple, constant if each
 * is, then a dict of the keyword-only ones; MAKE_FUNCTION's flags. */
static uint32_t defaults(Q *q, const Params *p, int line) {
    uint32_t flags = 0;
    if (p->npdef) {
        Mark m = mark(q);
        sp_Value t = sp_tuple_new(q->c.vm, p->npdef);
        if (sp_iserr(t)) return quit(q), 0;
        bool consts = true;
        for (size_t i = 0; i < p->npdef && live(q); i++) {
            q->i = p->pdef[i];
            consts &= expression(q) != K_OTHER;
            if (K(q) != T_COMMA && K(q) != p->close) return quit(q), 0; /* f(a=b c) */
            SP_TUPLE(t)->items[i] = q->cv;
        }
        if (consts) {
            rewind_to(q, &m);
            load_at(q, line, t);
        } else {
            at_line(q, line, SP_BUILD_TUPLE, (int64_t)p->npdef);
        }
        flags |= 1;
    }
    size_t nk = 0;
    for (size_t i = 0; i < p->nkw && live(q); i++) {
        if (!p->kdef[i]) continue;
        const sp_Tok *t = &q->tk[p->kw[i]];
        sp_Value s = sp_str_intern(q->c.vm, q->c.src + t->start, t->end - t->start);
        if (sp_iserr(s)) return quit(q), 0;
        load_at(q, line, s);
        q->i = p->kdef[i];
        expression(q);
        if (K(q) != T_COMMA && K(q) != p->close) return quit(q), 0;
        nk++;
    }
    if (nk) at_line(q, line, SP_BUILD_MAP, (int64_t)nk), flags |= 2;
    return flags;
}

/* The parameters, in slot order, become the function's first names. */
static bool fn_params(Q *q, Fn *fn, const Params *p) {
    for (size_t i = 0; i < p->npos + p->nkw + (p->star != 0) + (p->dstar != 0); i++) {
        size_t j = i < p->npos ? p->pos[i] : i < p->npos + p->nkw ? p->kw[i - p->npos]
                   : i == p->npos + p->nkw && p->star ? p->star : p->dstar;
        const sp_Tok *t = &q->tk[j];
        if (list_find(q, fn->name, fn->n, t) >= 0) return quit(q), false; /* duplicate argument */
        fn->name[fn->n++] = t;
    }
    fn->nparams = fn->n;
    return true;
}

/* Whether the statement at j is a str literal ("doc", ("doc")), and *s
 * its first string token (sp_compile.c's is_docstring). */
static bool doc_at(const Q *q, size_t j, size_t *s) {
    size_t open = 0, e;
    while (KA(q, j + open) == T_LPAR) open++;
    *s = e = j + open;
    if (KA(q, e) != T_STRING || has_f(q, e) || (q->tk[e].sub & SP_STR_BYTES)) return false;
    while (KA(q, e) == T_STRING) e++;
    for (size_t k = 0; k < open; k++, e++)
        if (KA(q, e) != T_RPAR) return false;
    return KA(q, e) == T_NEWLINE || KA(q, e) == T_SEMI || KA(q, e) == T_END;
}

/* The body's docstring: its first statement if that is a str literal. */
static bool docstring(Q *q, size_t colon, sp_Value *doc) {
    size_t j = colon + 1;
    if (KA(q, j) == T_NEWLINE) j += 1 + (KA(q, j + 1) == T_INDENT); /* NEWLINE INDENT */
    if (!doc_at(q, j, &j)) return false;
    *doc = string(q, j);
    return live(q);
}

/* lambda params: body (sp_compile.c's lambda): a function of one
 * expression; names the enclosing comprehension or function binds would be
 * free variables (it gives up on them). */
static int lambda_(Q *q) {
    size_t s = q->i, colon = lambda_colon(q, s);
    int line = LINE(q, s);
    Params p = {0};
    p.close = T_COLON;
    if (KA(q, colon) != T_COLON || !params(q, s, colon, &p)) return quit(q), K_OTHER;
    Fn fn = {0};
    if (q->comp && q->comp->inl) return quit(q), K_OTHER; /* (inline_comp's) */
    fn.name = sp_arena_raw(q->c.arena, q->nt * sizeof *fn.name);
    fn.slot = sp_arena_alloc(q->c.arena, q->nt * sizeof *fn.slot);
    if (!fn.name || !fn.slot || !fn_params(q, &fn, &p)) return quit(q), K_OTHER;
    fn.outer = q->comp, fn.up = q->fn, fn.key = &q->tk[s], fn.lambda = true;
    q->c.lineno = line;
    uint32_t flags = defaults(q, &p, line);
    Unit *u = live(q) ? sp_cg_unit_open(&q->c, U_LAMBDA, line, sp_names[SP_NM_lambda].data, SP_NM_lambda) : NULL;
    if (!u || !qualify(q, u)) return quit(q), K_OTHER;
    frees_of(q, &fn, u);
    u->argcount = (int)p.npos, u->kwonly = (int)p.nkw;
    if (p.star) u->flags |= SP_CO_VARARGS;
    if (p.dstar) u->flags |= SP_CO_VARKW;
    for (size_t i = 0; i < fn.nparams; i++) local_slot(q, fn.name[i], &fn.slot[i]);
    first_const(&q->c, SP_NONEV); /* a lambda has no docstring */
    Comp *comp = q->comp;
    Fn *up = q->fn;
    q->comp = NULL, q->fn = &fn;
    q->i = colon + 1;
    expression(q);
    at_line(q, line, SP_RETURN_VALUE, 0);
    q->comp = comp, q->fn = up;
    sp_Value code = live(q) ? sp_cg_unit_code(&q->c) : SP_ERRV;
    sp_cg_unit_free(&q->c, sp_cg_unit_pop(&q->c));
    if (sp_iserr(code)) return quit(q), K_OTHER;
    closure(q, line, fn.free, fn.nfree);
    load_at(q, line, code);
    at_line(q, line, SP_MAKE_FUNCTION, flags | (fn.nfree ? 8 : 0));
    return K_OTHER;
}

/* The code of def name(params) with q->fn = fn: the body is read twice,
 * first to learn the names it binds (its locals), then to emit its code. */
static sp_Value fn_code(Q *q, Fn *fn, const Params *p, size_t name, size_t colon, int line) {
    fn->collect = true;
    Unit *scratch = sp_cg_unit_open(&q->c, U_FUNCTION, line, "", 0);
    if (!scratch) return SP_ERRV;
    scratch->qualname = scratch->name;
    q->i = colon;
    block(q);
    size_t end = q->i;
    sp_cg_unit_free(&q->c, sp_cg_unit_pop(&q->c));
    fn->collect = false;
    const sp_Tok *t = &q->tk[name];
    const char *fname = sp_arena_strdup(q->c.arena, q->c.src + t->start, t->end - t->start);
    Unit *u = live(q) && fname ? sp_cg_unit_open(&q->c, U_FUNCTION, line, fname, 0) : NULL;
    if (!u || !qualify(q, u)) return SP_ERRV;
    if (fn->generator) u->flags |= SP_CO_GENERATOR;
    frees_of(q, fn, u);
    fn->ncell = pick_names(q, fn, NULL, &u->cells, &fn->cell);
    u->argcount = (int)p->npos, u->kwonly = (int)p->nkw;
    if (p->star) u->flags |= SP_CO_VARARGS;
    if (p->dstar) u->flags |= SP_CO_VARKW;
    for (size_t i = 0; i < fn->nparams; i++) local_slot(q, fn->name[i], &fn->slot[i]);
    sp_Value doc;
    if (docstring(q, colon, &doc)) u->flags |= SP_CO_HASDOC, first_const(&q->c, doc);
    else first_const(&q->c, SP_NONEV);
    q->i = colon;
    block(q);
    if (q->i != end) quit(q);
    q->c.lineno = line;
    sp_Value code = live(q) ? sp_cg_unit_code(&q->c) : SP_ERRV;
    sp_cg_unit_free(&q->c, sp_cg_unit_pop(&q->c));
    return code;
}

/* def f(params) [-> ann]: body, at module level or in a module-level def
 * (whose locals it may read: they are cells then; deeper nesting gives up). */
static void funcdef(Q *q) {
    size_t s = q->i;
    int line = LINE(q, s);
    Fn *up = q->fn;
    if (q->comp || (up && up->key)) return quit(q);
    next(q);
    size_t name = q->i;
    if (!want(q, T_NAME) || K(q) != T_LPAR) return quit(q);
    size_t open = q->i, close = (size_t)q->pair[open];
    Params p = {0};
    p.close = T_RPAR;
    if (!params(q, open, close, &p)) return;
    Fn fn = {0};
    fn.name = sp_arena_raw(q->c.arena, q->nt * sizeof *fn.name);
    fn.slot = sp_arena_alloc(q->c.arena, q->nt * sizeof *fn.slot);
    if (!fn.name || !fn.slot || !fn_params(q, &fn, &p)) return quit(q);
    fn.up = up, fn.key = up ? &q->tk[s] : NULL;
    q->c.lineno = line;
    uint32_t flags = defaults(q, &p, line);
    size_t colon = close + 1;
    if (KA(q, colon) == T_RARROW && !(colon = ann_end(q, colon + 1))) return quit(q);
    q->fn = &fn; /* only for fn_code: fn dies with this call */
    sp_Value code = fn_code(q, &fn, &p, name, colon, line);
    q->fn = up;
    if (sp_iserr(code)) return quit(q);
    closure(q, line, fn.free, fn.nfree);
    load_at(q, line, code);
    at_line(q, line, SP_MAKE_FUNCTION, flags | (fn.nfree ? 8 : 0));
    nameop(q, name, line, true);
}

/* raise [exc [from cause]] (sp_compile.c's raise_). */
static void raise_(Q *q) {
    int line = LINE(q, q->i), n = 0;
    next(q);
    size_t e = scan(q, q->i, X_STMT);
    if (q->i < e) {
        expression(q);
        n = 1;
        if (K(q) == T_FROM) {
            next(q);
            expression(q);
            n = 2;
        }
    }
    if (q->i != e) return quit(q);
    at_line(q, line, SP_RAISE_VARARGS, n);
}

/* assert test[, msg]: raise AssertionError(msg) unless the test holds. */
static void assert_(Q *q) {
    int line = LINE(q, q->i);
    next(q);
    size_t e = scan(q, q->i, X_STMT), comma = find(q, q->i, e, T_COMMA);
    int32_t end = sp_cg_label(&q->c);
    cond(q, comma, true, end, line);
    at_line(q, line, SP_LOAD_ASSERTION_ERROR, 0);
    if (comma < e) {
        q->i = comma + 1;
        expression(q);
        at_line(q, line, SP_CALL, 1);
    }
    if (q->i != e) return quit(q);
    at_line(q, line, SP_RAISE_VARARGS, 1);
    sp_cg_bind(&q->c, end);
}

static void loop_exit(Q *q, bool brk) {
    int line = LINE(q, q->i);
    next(q);
    FBlock loop;
    if (!unwind(q, false, &loop, line)) return quit(q); /* outside a loop: the full compiler's error */
    if (!brk) return at_line(q, line, SP_JUMP, loop.start);
    unwind_one(q, &loop, false, line);
    at_line(q, line, SP_JUMP, loop.exit);
}

/* a.b.c as a dotted name: its text (tokens may have spaces between). */
static const char *dotted(Q *q, size_t *top_len) {
    size_t s = q->i, len = 0;
    for (;;) {
        if (K(q) != T_NAME) return quit(q), NULL;
        len += q->tk[q->i].end - q->tk[q->i].start + 1;
        next(q);
        if (K(q) != T_DOT) break;
        next(q);
    }
    char *d = sp_arena_raw(q->c.arena, len);
    if (!d) return quit(q), NULL;
    size_t k = 0;
    for (size_t j = s; j < q->i; j += 2) {
        const sp_Tok *t = &q->tk[j];
        if (j > s) d[k++] = '.';
        else *top_len = t->end - t->start;
        memcpy(d + k, q->c.src + t->start, t->end - t->start);
        k += t->end - t->start;
    }
    d[k] = 0;
    return d;
}

static void import_(Q *q, int line) {
    do {
        next(q);
        size_t first = q->i, top = 0;
        const char *name = dotted(q, &top);
        if (!name) return;
        at_line(q, line, SP_IMPORT_NAME, sp_cg_name_index(&q->c, name));
        if (K(q) == T_AS) {
            next(q);
            if (K(q) != T_NAME) return quit(q);
            nameop(q, q->i, line, true);
            next(q);
        } else {
            if (name[top]) { /* `import a.b` binds a */
                at_line(q, line, SP_POP_TOP, 0);
                at_line(q, line, SP_IMPORT_NAME, name_idx(q, first));
            }
            nameop(q, first, line, true);
        }
    } while (K(q) == T_COMMA && live(q));
}

static void from_(Q *q, int line) {
    next(q);
    size_t top;
    const char *mod = dotted(q, &top);
    if (!mod || strcmp(mod, "__future__") == 0 || !want(q, T_IMPORT)) return quit(q);
    at_line(q, line, SP_IMPORT_NAME, sp_cg_name_index(&q->c, mod));
    bool paren = K(q) == T_LPAR;
    if (paren) next(q);
    while (live(q)) {
        size_t name = q->i, as = q->i;
        if (!want(q, T_NAME)) return;
        if (K(q) == T_AS) {
            next(q);
            as = q->i;
            if (!want(q, T_NAME)) return;
        }
        at_line(q, line, SP_IMPORT_FROM, name_idx(q, name));
        nameop(q, as, line, true);
        if (K(q) != T_COMMA) break;
        next(q);
        if (paren && K(q) == T_RPAR) break;
    }
    if (paren) want(q, T_RPAR);
    at_line(q, line, SP_POP_TOP, 0);
}

/* x op= v (sp_compile.c's augassign). */
static void augassign(Q *q, size_t s, size_t op_at) {
    int line = LINE(q, s), op = binop[KA(q, op_at)] + SP_OP_INPLACE;
    size_t e = op_at;
    if (e == s) return quit(q); /* `+= 1`: no target */
    if (e == s + 1 && KA(q, s) == T_NAME) {
        nameop(q, s, line, false);
        q->i = op_at + 1;
        expression(q);
        at_line(q, line, SP_BINARY_OP, op);
        return nameop(q, s, line, true);
    }
    if (e > s + 2 && KA(q, e - 1) == T_NAME && KA(q, e - 2) == T_DOT) {
        int32_t name = name_idx(q, e - 1);
        if (!target_object(q, s, e - 2)) return;
        at_line(q, line, SP_COPY, 1);
        at_line(q, line, SP_LOAD_ATTR, name);
        q->i = op_at + 1;
        expression(q);
        at_line(q, line, SP_BINARY_OP, op);
        at_line(q, line, SP_SWAP, 2);
        return at_line(q, line, SP_STORE_ATTR, name);
    }
    if (KA(q, e - 1) != T_RSQB || (size_t)q->pair[e - 1] <= s) return quit(q);
    size_t open = (size_t)q->pair[e - 1];
    if (!target_object(q, s, open)) return;
    subscript_key(q, line, true);
    at_line(q, line, SP_COPY, 2);
    at_line(q, line, SP_COPY, 2);
    at_line(q, line, SP_BINARY_SUBSCR, 0);
    q->i = op_at + 1;
    expression(q);
    at_line(q, line, SP_BINARY_OP, op);
    at_line(q, line, SP_SWAP, 3);
    at_line(q, line, SP_SWAP, 2);
    at_line(q, line, SP_STORE_SUBSCR, 0);
}

/* t1 = t2 = value: the value, then each target left to right. */
static void assign(Q *q, size_t s, size_t eq) {
    int line = LINE(q, s);
    size_t ends[SP_QC_MAX_TARGETS], n = 0, v = eq + 1, e;
    bool comma;
    ends[n++] = eq;
    while (KA(q, e = scan_stmt(q, v, &comma)) == T_EQUAL) {
        if (n == SP_QC_MAX_TARGETS) return quit(q);
        ends[n++] = e;
        v = e + 1;
    }
    q->i = v;
    value(q, e, comma);
    if (q->i != e) return quit(q);
    for (size_t k = 0, t = s; k < n && live(q); t = ends[k++] + 1) {
        if (k + 1 < n) at_line(q, line, SP_COPY, 1);
        store(q, t, ends[k]);
    }
    q->i = e;
}

/* An expression statement: POP_TOP, nothing for a literal, or the run's
 * result (RETURN_VALUE) for the module's last statement. */
static void expr_stmt(Q *q, size_t e, bool comma, bool top) {
    int line = LINE(q, q->i);
    Mark m = mark(q);
    int k = value(q, e, comma);
    if (q->i != e) return quit(q);
    size_t j = e + (KA(q, e) == T_SEMI);
    while (KA(q, j) == T_NEWLINE) j++;
    if (top && KA(q, j) == T_END) return at_line(q, line, SP_RETURN_VALUE, 0);
    if (k == K_CONST) return rewind_to(q, &m);
    at_line(q, line, SP_POP_TOP, 0);
}

/* x: ann [= value]: the value stored, the annotation only checked; without
 * a value nothing runs, but in a def x is a local. */
static void annassign(Q *q, size_t s, size_t colon) {
    size_t e = ann_end(q, colon + 1);
    Fn *fn = q->fn;
    if (!e || is_debug(q, &q->tk[s])) return quit(q);
    if (KA(q, e) != T_EQUAL) {
        if (fn && fn->collect && list_find(q, fn->name, fn->n, &q->tk[s]) < 0) fn->name[fn->n++] = &q->tk[s];
        q->i = e;
        return;
    }
    bool comma;
    size_t end = scan_stmt(q, e + 1, &comma);
    if (KA(q, end) == T_EQUAL) return quit(q); /* x: t = y = 1: the full compiler's error */
    q->i = e + 1;
    value(q, end, comma);
    if (q->i != end) return quit(q);
    store(q, s, s + 1);
    q->i = end;
}

/* One target of del in [s, e) (sp_compile.c's del_target). */
static void del_target(Q *q, size_t s, size_t e, int line) {
    if (!live(q) || s >= e || !enter(q)) return quit(q);
    int k = KA(q, s);
    if (e == s + 1 && k == T_NAME) {
        del_name(q, s, line);
    } else if ((k == T_LPAR || k == T_LSQB) && (size_t)q->pair[s] == e - 1) {
        bool comma;
        count_items(q, s + 1, e - 1, &comma);
        if (k == T_LPAR && !comma) del_target(q, s + 1, e - 1, line); /* (a) is a */
        else for (size_t j = s + 1, c; j < e - 1 && live(q); j = c + 1) del_target(q, j, c = find(q, j, e - 1, T_COMMA), line);
    } else if (e > s + 2 && KA(q, e - 1) == T_NAME && KA(q, e - 2) == T_DOT) {
        if (!target_object(q, s, e - 2)) return;
        at_line(q, line, SP_DELETE_ATTR, name_idx(q, e - 1));
    } else if (KA(q, e - 1) == T_RSQB && (size_t)q->pair[e - 1] > s) {
        size_t open = (size_t)q->pair[e - 1];
        if (!target_object(q, s, open)) return;
        subscript_key(q, line, true);
        at_line(q, line, SP_DELETE_SUBSCR, 0);
    } else {
        quit(q);
    }
    q->nest--;
}

static void del_(Q *q, int line) {
    next(q);
    size_t e = scan(q, q->i, X_STMT), s = q->i;
    if (e == s) return quit(q);
    for (size_t c; s < e && live(q); s = c + 1) del_target(q, s, c = find(q, s, e, T_COMMA), line);
    q->i = e;
}

static void simple(Q *q, bool top) {
    size_t s = q->i;
    int line = LINE(q, s);
    switch (K(q)) {
    case T_PASS: return next(q);
    case T_BREAK: return loop_exit(q, true);
    case T_CONTINUE: return loop_exit(q, false);
    case T_IMPORT: return import_(q, line);
    case T_RETURN: return return_(q);
    case T_RAISE: return raise_(q);
    case T_ASSERT: return assert_(q);
    case T_FROM: return from_(q, line);
    case T_DEL: return del_(q, line);
    default: break;
    }
    bool comma;
    size_t e = scan_stmt(q, s, &comma);
    int k = KA(q, e);
    if (k == T_EQUAL) return assign(q, s, e);
    if (cls[k] & X_AUG) return augassign(q, s, e); /* x op= v */
    if (k == T_COLON && e == s + 1 && KA(q, s) == T_NAME) return annassign(q, s, e);
    if (k == T_NEWLINE || k == T_SEMI || k == T_END) return expr_stmt(q, e, comma, top);
    quit(q);
}

static void simple_stmts(Q *q, bool top) {
    for (;;) {
        simple(q, top);
        if (!live(q)) return;
        if (K(q) == T_SEMI) next(q);
        if (K(q) == T_NEWLINE) return next(q);
        if (K(q) == T_END) return;
        if (!q->i || q->tk[q->i - 1].kind != T_SEMI) return quit(q);
    }
}

static void statement(Q *q, bool top) {
    if (!live(q) || !enter(q)) return;
    if (!sp_check_limits(q->c.vm)) return quit(q);
    switch (K(q)) {
    case T_IF: if_(q); break;
    case T_WHILE: while_(q); break;
    case T_FOR: for_(q); break;
    case T_TRY: try_(q); break;
    case T_DEF: funcdef(q); break;
    default: simple_stmts(q, top); break;
    }
    q->nest--;
}

/* ------------------------------------------------------------ driver */

/* Room for one more token: the arrays double, up to SP_QC_MAX_TOKENS. */
static bool tk_grow(Q *q, sp_Fill *f) {
    size_t cap = f->cap;
    if (cap * 2 > SP_QC_MAX_TOKENS) return false;
    sp_Tok *t = sp_arena_raw(q->c.arena, 2 * cap * sizeof *t);
    int32_t *p = sp_arena_raw(q->c.arena, 2 * cap * sizeof *p);
    Grp *g = sp_arena_raw(q->c.arena, 2 * cap * sizeof *g);
    if (!t || !p || !g) return false;
    memcpy(t, f->tk, cap * sizeof *t);
    memcpy(p, f->pair, cap * sizeof *p);
    memcpy(g, f->grp, cap * sizeof *g);
    f->tk = t, f->pair = p, f->grp = g, f->cap = 2 * cap;
    return true;
}

/* Lex the whole program into the token array (runs of common tokens at
 * once; the lexer pairs brackets and notes their top levels, sp_Fill);
 * false (without an exception) at a token the compiler never handles. */
static bool fill(Q *q, sp_Lex *L) {
    sp_Fill f;
    f.n = 0, f.cap = 64, f.cls = cls, f.mark = X_NEVER | X_GRP | X_LOOK, f.stop = X_NEVER;
    f.stopped = false, f.top = L->no_indent, f.nif = q->nif;
    f.tk = sp_arena_raw(q->c.arena, f.cap * sizeof *f.tk);
    f.pair = sp_arena_raw(q->c.arena, f.cap * sizeof *f.pair);
    f.grp = sp_arena_raw(q->c.arena, f.cap * sizeof *f.grp);
    if (!f.tk || !f.pair || !f.grp) return false;
    do {
        size_t n = f.n;
        if ((n == f.cap && !tk_grow(q, &f)) || !sp_lex_fill(L, &f)) return false;
        /* tokens are work, charged as the parser charges them (limits, interrupts),
         * once per run (a run fits the free room: at most SP_QC_MAX_TOKENS / 2) */
        if (!sp_check_limits_n(q->c.vm, (unsigned)(f.n - n)) || f.stopped) return false;
    } while (f.tk[f.n - 1].kind != T_END);
    if (f.n == f.cap && !tk_grow(q, &f)) return false;
    f.tk[f.n] = f.tk[f.n - 1]; /* a second END after it: a look one past is safe */
    q->tk = f.tk, q->pair = f.pair, q->grp = f.grp, q->nt = f.n, q->nif = f.nif;
    return L->level == f.top; /* every bracket closed */
}

static sp_Value module(Q *q) {
    if (!sp_cg_unit_open(&q->c, U_MODULE, 1, sp_names[SP_NM_module].data, SP_NM_module)) return SP_ERRV;
    q->c.u->qualname = q->c.u->name;
    size_t first = 0;
    while (KA(q, first) == T_NEWLINE) first++;
    if (doc_at(q, first, &first)) return quit(q), SP_ERRV; /* a docstring */
    while (K(q) != T_END && live(q)) {
        if (K(q) == T_NEWLINE) next(q);
        else statement(q, true);
    }
    q->c.lineno = 1;
    return live(q) ? sp_cg_unit_code(&q->c) : SP_ERRV;
}

sp_Value sp_qc_compile(sp_VM *vm, const char *src, size_t n, const char *filename) {
    if (n > SP_QC_MAX_SOURCE || memchr(src, 0, n)) return SP_NULLV;
    int64_t nchars = sp_utf8_check(src, n);
    if (nchars < 0) return SP_NULLV;
    sp_Arena arena;
    sp_arena_init(&arena, vm);
    Q q; /* cleared past c.st, the AST compiler's symbol table (half of it: never read here) */
    _Static_assert(offsetof(Q, c.arena) == offsetof(Q, c.st) + sizeof q.c.st && offsetof(Q, c.st) == sizeof q.c.vm,
                   "Q starts with c.vm and c.st");
    memset((char *)&q + offsetof(Q, c.arena), 0, sizeof q - offsetof(Q, c.arena));
    C *c = &q.c;
    c->vm = vm, c->arena = &arena, c->filename = filename, c->src = src, c->n = n, c->lineno = 1;
    stack_bounds(&q, vm);
    sp_Lex *L = sp_arena_raw(&arena, sizeof *L); /* sp_lex_init clears what it reads */
    sp_Value code = SP_ERRV;
    q.L = L;
    if (L) {
        sp_lex_init(L, vm, src, n, filename);
        if (fill(&q, L)) {
            c->filename_v = sp_str_filename(vm, filename);
            c->source_v = sp_str_from(vm, src, n, (size_t)nchars);
            if (!sp_iserr(c->filename_v) && !sp_iserr(c->source_v)) code = module(&q);
        }
    }
    while (c->u) sp_cg_unit_free(c, sp_cg_unit_pop(c));
    sp_arena_free(&arena);
    if (sp_iserr(code) || c->err) {
        sp_err_clear(vm); /* sp_compile.c reports what is wrong, if anything */
        return SP_NULLV;
    }
    return code;
}
