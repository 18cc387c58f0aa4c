/* sp_cg.h - the code generator's core, private to the two compilers:
 * sp_compile.c (AST -> bytecode, the whole language) and sp_qc.c (tokens
 * -> bytecode in one pass, for the common subset of small programs).
 *
 * Both emit through this layer, so for a program both accept they make
 * the same code object bit for bit (tests/c/test_qc.c compares them):
 * units and their tables, emitting with the stack/block depth tracking
 * sp_code_new trusts, labels, and finishing a unit into a code object.
 * Errors are sticky (c->err): after the first failure every emitter is a
 * no-op, so generators need not check after each call. */
#ifndef SP_CG_H
#define SP_CG_H

#include "sp_code.h"
#include "sp_symtable.h"

#include <limits.h>

#define MAXBLOCKS 20 /* CPython's CO_MAXBLOCKS: "too many statically nested blocks" */
#define STACK_GUIDE 30 /* CPython's STACK_USE_GUIDELINE: build big displays piecewise */

enum { U_MODULE, U_FUNCTION, U_LAMBDA, U_COMP, U_CLASS };
enum { FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
       FB_HANDLER_CLEANUP, FB_POP_VALUE,
       FB_EXC_HANDLER /* around except clauses: counts toward MAXBLOCKS, as in CPython */ };

typedef struct FBlock {
    int kind;
    int32_t start, exit;   /* loops: continue / break targets */
    const void *datum;     /* FINALLY_TRY: the try node; HANDLER_CLEANUP: name */
} FBlock;

/* Constants and names: values deduplicated by identity of their bits
 * (interned str by pointer, numbers by tag+value so 1, 1.0 and True stay
 * distinct). */
typedef struct ValTab {
    sp_Value *v;
    size_t n, cap;
    int32_t *idx;
    size_t icap;
    uint64_t seen;  /* constants: vt_bit of each of the first VT_SCAN (more after a truncate) */
} ValTab;

typedef struct Unit Unit;
/* A jump target: its pc once bound, and the depths jumps bring to it.
 * A jump to a label not bound yet waits in its chain: its argument holds
 * 1 + the pc of the previous one (0: none), patched when it is bound. */
typedef struct Label {
    int32_t pc;             /* -1: not bound yet */
    int depth, blocks;      /* LBL_UNSET, LBL_DEAD (bound while unreachable) or the depths */
    uint32_t chain;         /* 1 + the pc of the last waiting jump, 0: none */
} Label;
enum { LBL_UNSET = -1, LBL_DEAD = -2 };

struct Unit {
    Unit *parent;
    sp_Scope *scope;
    int kind;
    const char *name, *qualname;
    const char *private_;   /* class name for mangling __names, or NULL */
    uint32_t *code;
    size_t ncode, capcode;
    uint32_t *runs;         /* the line table: (first instruction, line) pairs */
    size_t nruns, capruns;
    int runline;            /* the line of the last run (nruns 0: of the implied first) */
    Label *labels;
    size_t nlabels, caplabels;
    int depth, blocks;      /* at the next instruction, as the verifier sees them; <0: unreachable */
    int maxdepth, maxblocks;
    bool depth_lost;        /* the linear tracking gave up: sp_code_new verifies */
    size_t npend;           /* jumps waiting for their label (0 when the unit is done) */
    size_t boundat;         /* 1 + the pc of the last label bound (0: none) */
    uint32_t serial;        /* units pushed before this one (symbols cache their slot per unit) */
    int nm;                 /* SP_NM_ index of a static name ('<module>', ...); 0: none */
    ValTab consts, names;
    sp_NameTab varnames, cells, frees; /* name -> index (in flags), in the arena */
    int nfb;
    int argcount, posonly, kwonly;
    uint32_t flags;
    int firstline;
    FBlock fb[MAXBLOCKS];   /* last: unit_push clears the fields before it */
};

typedef struct C {
    sp_VM *vm;
    sp_SymTable st;
    sp_Arena *arena;            /* qualnames and other small strings (the AST's arena) */
    const char *filename, *src;
    size_t n;
    sp_Value filename_v, source_v;
    Unit *u;
    Unit *spare;                /* freed units, linked through parent, reused */
    const sp_Node *loc;         /* innermost node being compiled (error location) */
    int lineno, depth;
    bool err;
    bool future_ann;            /* from __future__ import annotations */
    uint32_t nunits;            /* units pushed so far */
    size_t nheap;               /* blocks grow and the constant indexes hold on the heap */
} C;

/* ------------------------------------------------------------ errors */

static inline void fail(C *c) { c->err = true; }
void sp_cg_internal(C *c, const char *what); /* SystemError "compiler: what" */

/* ------------------------------------------------------------ tables */

/* Every emit checks room: the check is inline, the growing is not.
 * Instruction arrays start at 32 entries, enough for a snippet.  That
 * first block comes from the arena (a bump, freed with the AST), so a
 * snippet's compile makes no heap calls for its arrays; an array that
 * outgrows it moves to the heap.  A capacity of exactly first_cap means
 * "in the arena". */
static inline size_t sp_cg_first_cap(size_t elsize) { return elsize <= 4 ? 32 : 8; }
bool sp_cg_grow_slow(C *c, void **p, size_t *cap, size_t need, size_t elsize);
static inline bool grow(C *c, void **p, size_t *cap, size_t need, size_t elsize) {
    return need <= *cap || sp_cg_grow_slow(c, p, cap, need, elsize);
}
/* Frees what grow allocated (a first block lives in the arena: left alone). */
static inline void sp_cg_grow_free(C *c, void *p, size_t cap, size_t elsize) {
    if (p && cap != sp_cg_first_cap(elsize)) sp_free(c->vm, p, cap * elsize), c->nheap--;
}

/* Small tables (most of them) are searched linearly, without an index.
 * Every table starts with room for that many (sp_cg_unit_open). */
enum { VT_SCAN = 8 };
_Static_assert(VT_SCAN <= 8, "a table's first block (sp_cg_first_cap: 8 or more) holds VT_SCAN values");
int32_t sp_cg_vt_add_slow(C *c, ValTab *t, sp_Value v);

static inline bool val_same(sp_Value a, sp_Value b) { return a.tag == b.tag && a.u.i == b.u.i; }

/* Index of v in t, added if new.  A small table (n < VT_SCAN: no index,
 * room) is a scan and a store (no call, no hash). */
static inline int32_t vt_add(C *c, ValTab *t, sp_Value v) {
    size_t n = t->n;
    if (c->err || n >= VT_SCAN || sp_iserr(v)) return sp_cg_vt_add_slow(c, t, v);
    for (size_t k = 0; k < n; k++)
        if (val_same(t->v[k], v)) return (int32_t)k;
    t->v[n] = v;
    t->n = n + 1;
    return (int32_t)n;
}

/* One of 64 bits for a constant: small ints apart, pointers by their low
 * bits past the alignment. */
static inline unsigned vt_bit(sp_Value v) {
    uint64_t x = (uint64_t)v.u.i;
    return (unsigned)((x ^ x >> 4) + v.tag) & 63;
}

/* vt_add for the constants of a small table (n < VT_SCAN): most are new,
 * and a new one's bit is mostly not in seen, so it is stored with no
 * scan.  (Names are searched again and again: a scan of a few serves them
 * better.) */
static inline int32_t const_put(ValTab *t, size_t n, sp_Value v) {
    unsigned bit = vt_bit(v);
    uint64_t seen = t->seen;
    t->seen = seen | (uint64_t)1 << bit;
    if (seen >> bit & 1)
        for (size_t k = 0; k < n; k++)
            if (val_same(t->v[k], v)) return (int32_t)k;
    t->v[n] = v;
    t->n = n + 1;
    return (int32_t)n;
}

void sp_cg_vt_truncate(C *c, ValTab *t, size_t n);
int32_t sp_cg_nt_index(C *c, sp_NameTab *t, const char *name); /* added at the end if new */
/* The same for an interned name (its str is kept: unit_code need not intern it). */
int32_t sp_cg_nt_index_str(C *c, sp_NameTab *t, sp_Str *name);
int32_t sp_cg_name_index(C *c, const char *name);              /* in the unit's names */
/* A new entry for name even if t has one (str: its interned str or NULL):
 * an inlined comprehension's target gets a slot of its own, which its
 * uses find through the compiler's own memory of it, never by name. */
int32_t sp_cg_nt_fresh(C *c, sp_NameTab *t, const char *name, sp_Str *str);
/* Whether a comprehension with n distinct target names can be inlined
 * into unit u (COMP_ENTER's argument holds its slots). */
static inline bool sp_cg_comp_fits(const Unit *u, size_t n) {
    return n <= SP_COMP_MAXN && u->varnames.n <= SP_COMP_MAXFIRST;
}

/* ------------------------------------------------------------ emitting */

/* Pops and pushes of the instructions emitted most: base + per * argument
 * pops; push + 1 in push1 for a plain instruction (no jump, no block),
 * which track follows inline, or in flags for one that moves control
 * (sp_cg_track_slow's); all 0: ask sp_op_effect.  SP_QARG0 (in flags):
 * the entry holds for argument 0 only (MAKE_FUNCTION: the flags pop their
 * items; slow).  flags -1 (SP_QE): a plain instruction nothing follows
 * (RETURN_VALUE), inline too.  Bytes, so that an emit whose op is known
 * only at run time loads each with one instruction.  Each entry is what
 * sp_op_effect says for the op (tests/c/test_compile.c checks;
 * -DSP_CHECK_DEPTH compares every compiled code object against the
 * verifier).  Here, not in sp_cg.c, so that an emit of a constant op folds
 * its effect at compile time. */
typedef struct sp_CgQuick {
    uint8_t base, per, push1;
    int8_t flags;
} sp_CgQuick;
enum { SP_QARG0 = 1 << 6 };
#define SP_QK(base, per, push) {(base), (per), (push) + 1, 0}
#define SP_QE(base) {(base), 0, 1, -1}
#define SP_QF(base, push) {(base), 0, 0, (push) + 1}
#define SP_QF0(base, push) {(base), 0, 0, ((push) + 1) | SP_QARG0}
static const sp_CgQuick sp_cg_quick[SP_NOPCODES_] = {
    [SP_POP_TOP] = SP_QK(1, 0, 0), [SP_COPY] = SP_QK(0, 0, 1), [SP_LOAD_CONST] = SP_QK(0, 0, 1),
    [SP_LOAD_FAST] = SP_QK(0, 0, 1), [SP_STORE_FAST] = SP_QK(1, 0, 0), [SP_LOAD_DEREF] = SP_QK(0, 0, 1),
    [SP_STORE_DEREF] = SP_QK(1, 0, 0), [SP_LOAD_GLOBAL] = SP_QK(0, 0, 1), [SP_STORE_GLOBAL] = SP_QK(1, 0, 0),
    [SP_LOAD_NAME] = SP_QK(0, 0, 1), [SP_STORE_NAME] = SP_QK(1, 0, 0), [SP_LOAD_ATTR] = SP_QK(1, 0, 1),
    [SP_STORE_ATTR] = SP_QK(2, 0, 0), [SP_LOAD_METHOD] = SP_QK(1, 0, 2), [SP_BINARY_SUBSCR] = SP_QK(2, 0, 1),
    [SP_STORE_SUBSCR] = SP_QK(3, 0, 0), [SP_GET_ITER] = SP_QK(1, 0, 1), [SP_LIST_APPEND] = SP_QK(1, 0, 0),
    [SP_SET_ADD] = SP_QK(1, 0, 0), [SP_MAP_ADD] = SP_QK(2, 0, 0), [SP_LOAD_CLOSURE] = SP_QK(0, 0, 1),
    [SP_BINARY_SLICE] = SP_QK(3, 0, 1), [SP_STORE_SLICE] = SP_QK(4, 0, 0), [SP_LIST_TO_TUPLE] = SP_QK(1, 0, 1),
    [SP_IMPORT_NAME] = SP_QK(0, 0, 1), [SP_IMPORT_FROM] = SP_QK(1, 0, 2), [SP_YIELD_VALUE] = SP_QK(1, 0, 1),
    [SP_LIST_EXTEND] = SP_QK(1, 0, 0), [SP_MAKE_FUNCTION] = SP_QF0(1, 1),
    /* an argument the compiler gives is always valid: only its effect counts */
    [SP_BINARY_OP] = SP_QK(2, 0, 1), [SP_COMPARE_OP] = SP_QK(2, 0, 1), [SP_IS_OP] = SP_QK(2, 0, 1),
    [SP_CONTAINS_OP] = SP_QK(2, 0, 1), [SP_UNARY_OP] = SP_QK(1, 0, 1), [SP_UNARY_NOT] = SP_QK(1, 0, 1),
    [SP_BUILD_TUPLE] = SP_QK(0, 1, 1), [SP_BUILD_LIST] = SP_QK(0, 1, 1), [SP_BUILD_SET] = SP_QK(0, 1, 1),
    [SP_BUILD_STRING] = SP_QK(0, 1, 1), [SP_BUILD_MAP] = SP_QK(0, 2, 1), [SP_CALL] = SP_QK(1, 1, 1),
    [SP_CALL_KW] = SP_QK(2, 1, 1), [SP_CALL_METHOD] = SP_QK(2, 1, 1), [SP_CALL_METHOD_KW] = SP_QK(3, 1, 1),
    [SP_RETURN_VALUE] = SP_QE(1), [SP_RERAISE] = SP_QE(1), [SP_JUMP] = SP_QF(0, 0),
    [SP_POP_JUMP_IF_FALSE] = SP_QF(1, 0), [SP_POP_JUMP_IF_TRUE] = SP_QF(1, 0),
    [SP_JUMP_IF_FALSE_OR_POP] = SP_QF(1, 0), [SP_JUMP_IF_TRUE_OR_POP] = SP_QF(1, 0),
    [SP_FOR_ITER] = SP_QF(1, 2), [SP_SETUP_FINALLY] = SP_QF(0, 0), [SP_POP_BLOCK] = SP_QF(0, 0),
    [SP_POP_EXCEPT] = SP_QF(1, 0), [SP_COMP_ENTER] = SP_QF(1, 2), [SP_COMP_EXIT] = SP_QF(0, 0),
};
#undef SP_QK
#undef SP_QE
#undef SP_QF
#undef SP_QF0
void sp_cg_track_slow(Unit *u, uint32_t w);
void sp_cg_emit_slow(C *c, int op, int64_t arg);

/* Stack depth after w: a quick op at a reachable depth (d < 0 fails the
 * pop test) needs no more than the new depth (-1 after an end: it is
 * unreachable).  The argument is < 2**24: twice it fits. */
static inline void track(Unit *u, uint32_t w) {
    const sp_CgQuick *q = &sp_cg_quick[SP_OPCODE(w)];
    int d = u->depth, pop = q->base + q->per * (int)SP_OPARG(w);
    if (!q->push1 || pop > d) return sp_cg_track_slow(u, w);
    d = (d + q->push1 - 1 - pop) | q->flags; /* a plain op's flags: 0, or -1 after an end */
    u->depth = d;
    if (d > u->maxdepth) u->maxdepth = d;
}

/* Most instructions stay on the line of the one before and fit. */
static inline void emit(C *c, int op, int64_t arg) {
    Unit *u = c->u;
    if (c->err || (uint64_t)arg > SP_MAX_OPARG || u->ncode >= u->capcode || c->lineno != u->runline)
        return sp_cg_emit_slow(c, op, arg);
    uint32_t w = SP_INSTR(op, (uint32_t)arg);
    u->code[u->ncode++] = w;
    track(u, w);
}

static inline void emit0(C *c, int op) { emit(c, op, 0); }

int32_t sp_cg_label(C *c);          /* a new label, -1 after an error */
void sp_cg_bind(C *c, int32_t l);   /* the label is the next instruction */

/* The most frequent emit, out of line (each compiler made a copy anyway). */
void sp_cg_load_const(C *c, sp_Value v);
static inline void load_const(C *c, sp_Value v) { sp_cg_load_const(c, v); }
/* consts[0] of a function: its docstring or None. */
void sp_cg_first_const(C *c, sp_Value v);
static inline void first_const(C *c, sp_Value v) { sp_cg_first_const(c, v); }
static inline void load_none(C *c) { load_const(c, SP_NONEV); }

/* ------------------------------------------------------------ units */

/* Push a unit for a code object named name (nm: its static name, 0 if
 * none) starting at firstline; NULL on failure.  The caller fills in
 * scope, varnames, cells, frees and flags. */
Unit *sp_cg_unit_open(C *c, int kind, int firstline, const char *name, int nm);
/* Detach the innermost unit (the caller frees it with sp_cg_unit_free). */
static inline Unit *sp_cg_unit_pop(C *c) {
    Unit *u = c->u;
    c->u = u->parent;
    return u;
}
void sp_cg_unit_free(C *c, Unit *u);
/* Finish the innermost unit into a code object (the unit stays pushed). */
sp_Value sp_cg_unit_code(C *c);

/* The int of a literal's digits (base 2..36, underscores removed); a
 * decimal literal over the digit limit is CPython's SyntaxError. */
sp_Value sp_cg_int(C *c, const char *s, size_t len, int base, int lineno);
sp_Value sp_cg_neg(C *c, sp_Value v); /* the folded -v of a number literal */
/* A constant set display's frozenset, iterating in CPython's order. */
sp_Value sp_cg_frozenset(C *c, sp_Value items);

#endif
