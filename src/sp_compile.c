/* sp_compile.c - AST -> bytecode (the shapes of CPython 3.10/3.11's
 * compile.c, on sandpy's block-stack instruction set, see sp_code.h).
 *
 * One Unit per code object being built (module, function, lambda,
 * comprehension, class body); units nest like the source.  Jumps are
 * emitted against label ids and resolved when the unit is finished.
 * Errors are sticky: the first failure sets c->err with the exception
 * pending, and every emitter is a no-op from then on, so the recursive
 * code generators need not check after each call. */
#include "sp_code.h"
#include "sp_names.h"
#include "sp_symtable.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#define MAXBLOCKS 20 /* CPython's CO_MAXBLOCKS: "too many statically nested blocks" */
#define STACK_GUIDE 30 /* CPython's STACK_USE_GUIDELINE: build big displays piecewise */

enum { U_MODULE, U_FUNCTION, U_LAMBDA, U_COMP, U_CLASS };
enum { FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
       FB_HANDLER_CLEANUP, FB_POP_VALUE };

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
} ValTab;

typedef struct Unit Unit;
/* A jump target: its pc once bound, and the depths jumps bring to it. */
typedef struct Label {
    int32_t pc;             /* -1: not bound yet */
    int depth, blocks;      /* LBL_UNSET, LBL_DEAD (bound while unreachable) or the depths */
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
    int runline;            /* c->lineno of the last run (INT_MIN: none yet) */
    Label *labels;
    size_t nlabels, caplabels;
    int depth, blocks;      /* at the next instruction, as the verifier sees them; <0: unreachable */
    int maxdepth, maxblocks;
    bool depth_lost;        /* the linear tracking gave up: sp_code_new verifies */
    size_t firstjump;       /* 1 + pc of the first jump (0: none), where label resolution starts */
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
} C;

/* ------------------------------------------------------------ errors */

static void fail(C *c) { c->err = true; }

static void error_at(C *c, const sp_Node *at, const char *fmt, const char *name) {
    if (c->err) return;
    sp_st_error(c->vm, c->filename, c->src, c->n, at, fmt, name);
    c->err = true;
}

/* CPython's forbidden_name: __debug__ can never be bound. */
static bool is_debug(const char *name) { return name[0] == '_' && strcmp(name, "__debug__") == 0; }

static bool forbidden(C *c, const char *name, int ctx) {
    if (!is_debug(name)) return false;
    error_at(c, c->loc, ctx == SP_CTX_DEL ? "cannot delete __debug__" : "cannot assign to __debug__", NULL);
    return true;
}

static void internal(C *c, const char *what) {
    if (c->err) return;
    sp_raise(c->vm, &sp_t_SystemError, "compiler: %s", what);
    c->err = true;
}

/* ------------------------------------------------------------ tables */

/* Every emit checks room: the check is inline, the growing is not.
 * Instruction arrays start at 32 entries, enough for a snippet.  That
 * first block comes from the arena (a bump, freed with the AST), so a
 * snippet's compile makes no heap calls for its arrays; an array that
 * outgrows it moves to the heap.  A capacity of exactly first_cap means
 * "in the arena": grow_free leaves such a block alone. */
static bool grow_slow(C *c, void **p, size_t *cap, size_t need, size_t elsize);
static inline bool grow(C *c, void **p, size_t *cap, size_t need, size_t elsize) {
    return need <= *cap || grow_slow(c, p, cap, need, elsize);
}

static size_t first_cap(size_t elsize) { return elsize <= 4 ? 32 : 8; }

static bool grow_slow(C *c, void **p, size_t *cap, size_t need, size_t elsize) {
    size_t nc = *cap ? *cap * 2 : first_cap(elsize), bytes;
    while (nc < need) nc *= 2;
    if (!sp_size_mul(c->vm, nc, elsize, &bytes)) return false;
    void *np;
    if (nc == first_cap(elsize)) {
        np = sp_arena_raw(c->arena, bytes);
    } else if (*cap == first_cap(elsize)) {
        if ((np = sp_malloc(c->vm, bytes))) memcpy(np, *p, *cap * elsize);
    } else {
        np = sp_realloc(c->vm, *p, *cap * elsize, bytes);
    }
    if (!np) return false;
    *p = np;
    *cap = nc;
    return true;
}

static void grow_free(C *c, void *p, size_t cap, size_t elsize) {
    if (p && cap != first_cap(elsize)) sp_free(c->vm, p, cap * elsize);
}

static uint32_t val_hash(sp_Value v) {
    uint64_t x = (uint64_t)v.u.i ^ ((uint64_t)v.tag << 59);
    x ^= x >> 31;
    x *= 0x9E3779B97F4A7C15u;
    return (uint32_t)(x >> 32);
}

static bool val_same(sp_Value a, sp_Value b) { return a.tag == b.tag && a.u.i == b.u.i; }

/* Small tables (most of them) are searched linearly, without an index. */
enum { VT_SCAN = 8 };

static int32_t vt_add_slow(C *c, ValTab *t, sp_Value v) {
    if (c->err) return -1;
    if (sp_iserr(v)) return fail(c), -1;
    uint32_t h = t->icap || t->n >= VT_SCAN ? val_hash(v) : 0;
    if (t->icap) {
        for (size_t i = h & (t->icap - 1);; i = (i + 1) & (t->icap - 1)) {
            int32_t k = t->idx[i];
            if (k < 0) break;
            if (val_same(t->v[k], v)) return k;
        }
    } else {
        for (size_t k = 0; k < t->n; k++)
            if (val_same(t->v[k], v)) return (int32_t)k;
    }
    if (t->n >= SP_MAX_OPARG) return internal(c, "too many constants"), -1;
    if (!grow(c, (void **)&t->v, &t->cap, t->n + 1, sizeof(sp_Value))) return fail(c), -1;
    if (t->n + 1 <= VT_SCAN) {
        t->v[t->n] = v;
        return (int32_t)t->n++;
    }
    if ((t->n + 1) * 2 > t->icap) {
        size_t ni = t->icap ? t->icap * 2 : 4 * VT_SCAN, bytes;
        if (!sp_size_mul(c->vm, ni, sizeof(int32_t), &bytes)) return fail(c), -1;
        int32_t *idx = sp_malloc(c->vm, bytes);
        if (!idx) return fail(c), -1;
        for (size_t i = 0; i < ni; i++) idx[i] = -1;
        for (size_t k = 0; k < t->n; k++) {
            size_t i = val_hash(t->v[k]) & (ni - 1);
            while (idx[i] >= 0) i = (i + 1) & (ni - 1);
            idx[i] = (int32_t)k;
        }
        if (t->idx) sp_free(c->vm, t->idx, t->icap * sizeof(int32_t));
        t->idx = idx;
        t->icap = ni;
    }
    size_t i = h & (t->icap - 1);
    while (t->idx[i] >= 0) i = (i + 1) & (t->icap - 1);
    t->idx[i] = (int32_t)t->n;
    t->v[t->n] = v;
    return (int32_t)t->n++;
}

/* Index of v in t, added if new.  A small table with room is a scan and
 * a store (no call, no hash). */
static int32_t vt_add(C *c, ValTab *t, sp_Value v) {
    if (c->err || t->icap || sp_iserr(v)) return vt_add_slow(c, t, v);
    for (size_t k = 0; k < t->n; k++)
        if (val_same(t->v[k], v)) return (int32_t)k;
    if (t->n >= VT_SCAN || t->n >= t->cap) return vt_add_slow(c, t, v);
    t->v[t->n] = v;
    return (int32_t)t->n++;
}

static void vt_free(C *c, ValTab *t) {
    grow_free(c, t->v, t->cap, sizeof(sp_Value));
    if (t->idx) sp_free(c->vm, t->idx, t->icap * sizeof(int32_t));
}

/* Index of name in a name table, added at the end if new. */
static int32_t nt_index(C *c, sp_NameTab *t, const char *name) {
    if (c->err) return -1;
    size_t n = t->n;
    sp_NEnt *e = sp_nt_add(c->vm, t, name);
    if (!e) return fail(c), -1;
    if (t->n != n) e->flags = (int)n; /* new */
    return e->flags;
}

static const char *mangle(C *c, const char *name) {
    const char *m = sp_mangle(c->arena, c->u->private_, name);
    if (!m) fail(c);
    return m ? m : name;
}

static int32_t name_index(C *c, const char *name) {
    if (c->err) return -1;
    return vt_add(c, &c->u->names, sp_str_intern_cstr(c->vm, name));
}

/* ------------------------------------------------------------ emitting */

/* ------------------------------------------------------------ depths
 *
 * The stack and block depths of every reachable instruction, computed the
 * way the verifier's flow analysis does (sp_func.c flow_step) but in one
 * linear pass while emitting, so sp_code_new can skip the verifier for
 * compiled code.  Code is emitted in order and every jump names a label,
 * so an instruction is reached by falling through (depth known) or from a
 * label whose depth an earlier jump recorded.  Whatever this cannot see
 * (a label bound while unreachable and jumped to later, two jumps that
 * disagree) sets depth_lost, and sp_code_new verifies as for any code. */

static void reach(Unit *u, int d, int b) {
    if (d > u->maxdepth) u->maxdepth = d;
    if (b > u->maxblocks) u->maxblocks = b;
}

/* Depths d, b arrive at label lb (by a jump or by falling through). */
static void meet(Unit *u, Label *lb, int d, int b) {
    if (lb->depth == LBL_UNSET) lb->depth = d, lb->blocks = b;
    else if (lb->depth != d || lb->blocks != b) u->depth_lost = true;
}

static void jump_depth(Unit *u, uint32_t l, int d, int b) {
    meet(u, &u->labels[l], d, b);
    reach(u, d, b);
}

/* Pops and pushes + 1 of the plain instructions emitted most (no jump, no
 * block, no argument-dependent effect); 0: ask sp_op_effect.  Each entry
 * is what sp_op_effect says for the op: -DSP_CHECK_DEPTH compares every
 * compiled code object against the verifier. */
#define QK(pop, push) (uint8_t)((pop) << 4 | ((push) + 1))
static const uint8_t quick[SP_NOPCODES_] = {
    [SP_POP_TOP] = QK(1, 0), [SP_COPY] = QK(0, 1), [SP_LOAD_CONST] = QK(0, 1),
    [SP_LOAD_FAST] = QK(0, 1), [SP_STORE_FAST] = QK(1, 0), [SP_LOAD_DEREF] = QK(0, 1),
    [SP_STORE_DEREF] = QK(1, 0), [SP_LOAD_GLOBAL] = QK(0, 1), [SP_STORE_GLOBAL] = QK(1, 0),
    [SP_LOAD_NAME] = QK(0, 1), [SP_STORE_NAME] = QK(1, 0), [SP_LOAD_ATTR] = QK(1, 1),
    [SP_STORE_ATTR] = QK(2, 0), [SP_LOAD_METHOD] = QK(1, 2), [SP_BINARY_SUBSCR] = QK(2, 1),
    [SP_STORE_SUBSCR] = QK(3, 0), [SP_GET_ITER] = QK(1, 1), [SP_LIST_APPEND] = QK(1, 0),
    [SP_SET_ADD] = QK(1, 0), [SP_MAP_ADD] = QK(2, 0), [SP_LOAD_CLOSURE] = QK(0, 1),
};
#undef QK

/* The opcode whose quick[] entry disagrees with sp_op_effect, or -1 (a
 * check for tests/c/test_compile.c: the table is a copy for speed). */
int sp_compile_quick_mismatch(void) {
    for (int op = 0; op < SP_NOPCODES_; op++) {
        int pop, push;
        if (quick[op] && (!sp_op_effect(SP_INSTR(op, 0), &pop, &push) || quick[op] >> 4 != pop ||
                          (quick[op] & 15) != push + 1))
            return op;
    }
    return -1;
}

static bool is_jump(int op);

static void track_slow(Unit *u, uint32_t w) {
    if (!u->firstjump && is_jump(SP_OPCODE(w))) u->firstjump = u->ncode; /* its pc + 1 */
    int d = u->depth, b = u->blocks, pop, push;
    if (d < 0) return; /* unreachable: the verifier skips it too */
    uint32_t a = SP_OPARG(w);
    if (!sp_op_effect(w, &pop, &push) || pop > d) {
        u->depth_lost = true;
        return;
    }
    int nd = d - pop + push;
    switch ((sp_Opcode)SP_OPCODE(w)) {
    case SP_RETURN_VALUE: case SP_RAISE_VARARGS: case SP_RERAISE: nd = -1; break;
    case SP_JUMP: jump_depth(u, a, d, b), nd = -1; break;
    case SP_POP_JUMP_IF_FALSE: case SP_POP_JUMP_IF_TRUE: jump_depth(u, a, nd, b); break;
    case SP_JUMP_IF_FALSE_OR_POP: case SP_JUMP_IF_TRUE_OR_POP: jump_depth(u, a, d, b); break;
    case SP_FOR_ITER: jump_depth(u, a, d - 1, b); break;
    case SP_SETUP_FINALLY: jump_depth(u, a, d + 2, b + 1), b++; break;
    case SP_POP_BLOCK: case SP_POP_EXCEPT: b--; break;
    default: break;
    }
    if (b < 0) u->depth_lost = true;
    u->depth = nd, u->blocks = b;
    if (nd >= 0) reach(u, nd, b);
}

/* A quick op at a reachable depth (d < 0 fails the pop test) needs no
 * more than the new depth. */
static inline void track(Unit *u, uint32_t w) {
    unsigned q = quick[SP_OPCODE(w)];
    int d = u->depth;
    if (!q || (int)(q >> 4) > d) return track_slow(u, w);
    d += (int)(q & 15) - 1 - (int)(q >> 4);
    u->depth = d;
    if (d > u->maxdepth) u->maxdepth = d;
}

/* The line table is written as instructions are emitted: a new run when
 * the line changes (as sp_code_new would derive it from per-instruction
 * lines). */
static bool new_run(C *c, Unit *u) {
    if (!grow(c, (void **)&u->runs, &u->capruns, 2 * u->nruns + 2, sizeof(uint32_t))) return false;
    u->runs[2 * u->nruns] = (uint32_t)u->ncode;
    u->runs[2 * u->nruns + 1] = (uint32_t)(c->lineno < 0 ? 0 : c->lineno);
    u->nruns++;
    u->runline = c->lineno;
    return true;
}

/* Growing the code array, a new line run and the errors. */
static __attribute__((noinline)) void emit_slow(C *c, int op, int64_t arg) {
    if (c->err) return;
    Unit *u = c->u;
    if (arg < 0 || arg > (int64_t)SP_MAX_OPARG) return internal(c, "argument out of range");
    if (!grow(c, (void **)&u->code, &u->capcode, u->ncode + 1, sizeof(uint32_t)) ||
        (c->lineno != u->runline && !new_run(c, u)))
        return fail(c);
    uint32_t w = SP_INSTR(op, (uint32_t)arg);
    u->code[u->ncode++] = w;
    track(u, w);
}

/* Most instructions stay on the line of the one before and fit. */
static void emit(C *c, int op, int64_t arg) {
    Unit *u = c->u;
    if (c->err || (uint64_t)arg > SP_MAX_OPARG || u->ncode >= u->capcode || c->lineno != u->runline)
        return emit_slow(c, op, arg);
    uint32_t w = SP_INSTR(op, (uint32_t)arg);
    u->code[u->ncode++] = w;
    track(u, w);
}

static void emit0(C *c, int op) { emit(c, op, 0); }

static int32_t new_label(C *c) {
    Unit *u = c->u;
    if (c->err) return -1;
    if (!grow(c, (void **)&u->labels, &u->caplabels, u->nlabels + 1, sizeof(Label))) return fail(c), -1;
    u->labels[u->nlabels] = (Label){-1, LBL_UNSET, 0};
    return (int32_t)u->nlabels++;
}

static void bind(C *c, int32_t l) {
    if (c->err) return;
    Unit *u = c->u;
    Label *lb = &u->labels[l];
    lb->pc = (int32_t)u->ncode;
    if (u->depth >= 0) {
        meet(u, lb, u->depth, u->blocks);
    } else if (lb->depth >= 0) {
        u->depth = lb->depth, u->blocks = lb->blocks;
    } else {
        lb->depth = LBL_DEAD;
    }
}

static bool is_jump(int op) {
    switch (op) {
    case SP_JUMP: case SP_POP_JUMP_IF_FALSE: case SP_POP_JUMP_IF_TRUE:
    case SP_JUMP_IF_FALSE_OR_POP: case SP_JUMP_IF_TRUE_OR_POP: case SP_FOR_ITER:
    case SP_SETUP_FINALLY: case SP_SEND_FROM:
        return true;
    default: return false;
    }
}

static void load_const(C *c, sp_Value v) {
    int32_t i = vt_add(c, &c->u->consts, v);
    emit(c, SP_LOAD_CONST, i);
}

/* consts[0] of a function: its docstring or None. */
static void first_const(C *c, sp_Value v) { vt_add(c, &c->u->consts, v); }

static void load_none(C *c) { load_const(c, SP_NONEV); }

/* ------------------------------------------------------------ units */

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool is_cell(const sp_NEnt *e) { return e->scope == SP_SC_CELL; }
static bool is_free(const sp_NEnt *e) { return e->scope == SP_SC_FREE || (e->flags & SP_DEF_FREE_CLASS); }

/* The n names of syms that pass the test, sorted (CPython's order of
 * cellvars and freevars), into out. */
static void collect_vars(C *c, const sp_NameTab *syms, bool (*test)(const sp_NEnt *), size_t n,
                         sp_NameTab *out) {
    size_t bytes;
    if (!sp_size_mul(c->vm, n, sizeof(char *), &bytes)) return fail(c);
    const char **v = sp_arena_raw(c->arena, bytes);
    if (!v) return fail(c);
    n = 0;
    for (size_t k = 0; k < syms->n; k++)
        if (test(&syms->e[k])) v[n++] = syms->e[k].name;
    if (n > 1) qsort(v, n, sizeof(char *), cmp_names);
    for (size_t i = 0; i < n; i++) nt_index(c, out, v[i]);
}

/* Most blocks have neither cells nor free variables: one scan says so. */
static void cells_and_frees(C *c, Unit *u, const sp_NameTab *syms) {
    size_t ncell = 0, nfree = 0;
    for (size_t k = 0; k < syms->n; k++) ncell += is_cell(&syms->e[k]), nfree += is_free(&syms->e[k]);
    if (ncell) collect_vars(c, syms, is_cell, ncell, &u->cells);
    if (nfree) collect_vars(c, syms, is_free, nfree, &u->frees);
}

static const char *concat3(C *c, const char *a, const char *b, const char *d) {
    size_t la = strlen(a), lb = strlen(b), ld = strlen(d);
    char *s = sp_arena_alloc(c->arena, la + lb + ld + 1);
    if (!s) return fail(c), "";
    memcpy(s, a, la);
    memcpy(s + la, b, lb);
    memcpy(s + la + lb, d, ld + 1);
    return s;
}

/* CPython's compiler_set_qualname. */
static void set_qualname(C *c, Unit *u) {
    Unit *p = u->parent;
    u->qualname = u->name;
    if (!p || p->kind == U_MODULE) return;
    if (u->kind == U_FUNCTION || u->kind == U_CLASS) {
        sp_NEnt *e = sp_scope_get(p->scope, u->name);
        if (e && e->scope == SP_SC_GLOBAL_EXPLICIT) return;
    }
    bool fn = p->kind == U_FUNCTION || p->kind == U_LAMBDA;
    u->qualname = concat3(c, p->qualname, fn ? ".<locals>." : ".", u->name);
}

static Unit *unit_push(C *c, int kind, const sp_Node *node, const char *name) {
    if (c->err) return NULL;
    sp_Scope *s = sp_symtable_scope(&c->st, node);
    if (!s) return internal(c, "no scope for block"), NULL;
    /* units live in the arena and are reused: as many as the deepest
     * nesting, not one per function */
    Unit *u = c->spare;
    if (u) c->spare = u->parent;
    else if (!(u = sp_arena_raw(c->arena, sizeof *u))) return fail(c), NULL;
    memset(u, 0, offsetof(Unit, fb)); /* fb[0..nfb) is written before it is read */
    u->parent = c->u;
    u->scope = s;
    u->kind = kind;
    u->name = name;
    u->private_ = c->u ? c->u->private_ : NULL;
    if (kind == U_CLASS) u->private_ = name;
    u->firstline = node->lineno ? node->lineno : 1;
    u->runline = INT_MIN;
    u->serial = c->nunits++;
    /* every unit has code, a line run and a constant, most have names and
     * labels: their first blocks (grow's first capacities, so grow_free
     * leaves them) in one piece */
    size_t ci = first_cap(sizeof(uint32_t)), cv = first_cap(sizeof(sp_Value)), cl = first_cap(sizeof(Label));
    sp_Value *first =
        sp_arena_raw(c->arena, 2 * cv * sizeof(sp_Value) + 2 * ci * sizeof(uint32_t) + cl * sizeof(Label));
    if (!first) return fail(c), NULL;
    u->consts.v = first, u->consts.cap = cv;
    u->names.v = first + cv, u->names.cap = cv;
    u->code = (uint32_t *)(first + 2 * cv), u->capcode = ci;
    u->runs = u->code + ci, u->capruns = ci;
    u->labels = (Label *)(u->runs + ci), u->caplabels = cl;
    c->u = u;
    set_qualname(c, u);
    u->varnames.arena = u->cells.arena = u->frees.arena = c->arena;
    /* a function's locals are among its symbols: room for them at once */
    size_t bytes;
    if (s->kind == SP_BLOCK_FUNCTION && s->syms.n) {
        if (!sp_size_mul(c->vm, s->syms.n, sizeof(sp_NEnt), &bytes) ||
            !(u->varnames.e = sp_arena_raw(c->arena, bytes)))
            return fail(c), u;
        u->varnames.cap = s->syms.n;
    }
    for (size_t i = 0; i < s->nparams; i++) nt_index(c, &u->varnames, s->params[i]);
    cells_and_frees(c, u, &s->syms);
    if (s->generator) u->flags |= SP_CO_GENERATOR;
    if (s->varargs) u->flags |= SP_CO_VARARGS;
    if (s->varkw) u->flags |= SP_CO_VARKW;
    if (kind == U_MODULE) u->flags |= SP_CO_MODULE;
    if (kind == U_CLASS) u->flags |= SP_CO_CLASS;
    return u;
}

static void unit_free(C *c, Unit *u) {
    grow_free(c, u->code, u->capcode, sizeof(uint32_t));
    grow_free(c, u->runs, u->capruns, sizeof(uint32_t));
    grow_free(c, u->labels, u->caplabels, sizeof(Label));
    vt_free(c, &u->consts);
    vt_free(c, &u->names);
    u->parent = c->spare;
    c->spare = u;
}

/* Detach the innermost unit (the caller frees it with unit_free). */
static Unit *unit_pop(C *c) {
    Unit *u = c->u;
    c->u = u->parent;
    return u;
}

static bool needs_implicit_return(Unit *u) {
    if (!u->ncode) return true;
    int last = SP_OPCODE(u->code[u->ncode - 1]);
    if (last != SP_RETURN_VALUE && last != SP_RERAISE && last != SP_RAISE_VARARGS && last != SP_JUMP)
        return true;
    for (size_t i = 0; i < u->nlabels; i++)
        if (u->labels[i].pc == (int32_t)u->ncode) return true;
    return false;
}

/* str values of a name table's names, in index order (in the arena). */
static sp_Value *name_values(C *c, sp_NameTab *t) {
    if (!t->n || c->err) return NULL;
    size_t bytes;
    if (!sp_size_mul(c->vm, t->n, sizeof(sp_Value), &bytes)) return fail(c), NULL;
    sp_Value *v = sp_arena_raw(c->arena, bytes);
    if (!v) return fail(c), NULL;
    for (size_t k = 0; k < t->n; k++) {
        v[t->e[k].flags] = sp_str_intern_cstr(c->vm, t->e[k].name);
        if (sp_iserr(v[t->e[k].flags])) fail(c);
    }
    return v;
}

/* Finish the innermost unit into a code object (the unit stays pushed). */
/* A unit named '<module>', '<listcomp>', ...: its name is the static str. */
static Unit *unit_push_nm(C *c, int kind, const sp_Node *node, int nm) {
    Unit *u = unit_push(c, kind, node, sp_names[nm].data);
    if (u) u->nm = nm;
    return u;
}

static sp_Value unit_code(C *c) {
    Unit *u = c->u;
    if (needs_implicit_return(u)) {
        load_none(c);
        emit0(c, SP_RETURN_VALUE);
    }
    if (c->err) return SP_ERRV;
    for (size_t i = u->firstjump ? u->firstjump - 1 : u->ncode; i < u->ncode; i++) {
        int op = SP_OPCODE(u->code[i]);
        if (!is_jump(op)) continue;
        int32_t t = u->labels[SP_OPARG(u->code[i])].pc;
        if (t < 0) return internal(c, "unbound label"), SP_ERRV;
        u->code[i] = SP_INSTR(op, (uint32_t)t);
    }
    sp_Value *vn = name_values(c, &u->varnames), *cv = name_values(c, &u->cells),
             *fv = name_values(c, &u->frees);
    sp_Value res = SP_ERRV;
    /* A top-level unit's qualname is its name (the same pointer): share the str. */
    sp_Value name = u->nm ? sp_objv((sp_Str *)(uintptr_t)&sp_names[u->nm]) : sp_str_intern_cstr(c->vm, u->name);
    sp_Value qual = u->qualname == u->name ? name : sp_str_cstr(c->vm, u->qualname);
    if (!c->err && !sp_iserr(name) && !sp_iserr(qual)) {
        sp_CodeSpec sp = {
            .code = u->code, .ncode = u->ncode, .runs = u->runs, .nruns = u->nruns,
            .consts = u->consts.v, .nconsts = u->consts.n,
            .names = u->names.v, .nnames = u->names.n,
            .varnames = vn, .nlocals = u->varnames.n,
            .cellvars = cv, .ncells = u->cells.n,
            .freevars = fv, .nfree = u->frees.n,
            .argcount = u->argcount, .posonlyargcount = u->posonly, .kwonlyargcount = u->kwonly,
            .flags = u->flags, .firstline = u->firstline,
            .name = name, .qualname = qual, .filename = c->filename_v, .source = c->source_v,
            .depth_known = !u->depth_lost, .stacksize = u->maxdepth, .maxblocks = u->maxblocks,
        };
        res = sp_code_new(c->vm, &sp);
    }
    if (sp_iserr(res)) fail(c);
    return res;
}

/* ------------------------------------------------------------ names */

static bool fast_unit(Unit *u) { return u->scope->kind == SP_BLOCK_FUNCTION; }

static int32_t deref_index(C *c, Unit *u, const char *name) {
    sp_NEnt *e = sp_nt_get(&u->cells, name);
    if (e) return e->flags;
    e = sp_nt_get(&u->frees, name);
    if (e) return (int32_t)u->cells.n + e->flags;
    internal(c, "unknown cell variable");
    return -1;
}

enum { LOAD = SP_CTX_LOAD, STORE = SP_CTX_STORE, DEL = SP_CTX_DEL };

/* CPython's compiler_nameop: pick FAST / DEREF / GLOBAL / NAME. */
static void nameop(C *c, const char *name, int ctx) {
    static const int ops[4][3] = {
        {SP_LOAD_FAST, SP_STORE_FAST, SP_DELETE_FAST},
        {SP_LOAD_DEREF, SP_STORE_DEREF, SP_DELETE_DEREF},
        {SP_LOAD_GLOBAL, SP_STORE_GLOBAL, SP_DELETE_GLOBAL},
        {SP_LOAD_NAME, SP_STORE_NAME, SP_DELETE_NAME}};
    if (c->err) return;
    Unit *u = c->u;
    if (ctx == LOAD && is_debug(name)) return load_const(c, SP_TRUEV);
    if (ctx != LOAD && forbidden(c, name, ctx)) return;
    name = mangle(c, name);
    sp_NEnt *e = sp_scope_get(u->scope, name);
    int scope = e ? e->scope : SP_SC_NONE, kind = 3;
    switch (scope) {
    case SP_SC_FREE:
    case SP_SC_CELL: kind = 1; break;
    case SP_SC_LOCAL: kind = fast_unit(u) ? 0 : 3; break;
    case SP_SC_GLOBAL_IMPLICIT: kind = fast_unit(u) ? 2 : 3; break;
    case SP_SC_GLOBAL_EXPLICIT: kind = 2; break;
    default: break;
    }
    /* a symbol belongs to one block, usually compiled by one unit: its
     * index is found once (the first use interns the name) */
    int32_t i = e && e->slot && e->unit == u->serial ? e->slot - 1
                : kind == 0                          ? nt_index(c, &u->varnames, name)
                : kind == 1                          ? deref_index(c, u, name)
                                                     : name_index(c, name);
    if (e && i >= 0) e->slot = i + 1, e->unit = u->serial;
    int op = ops[kind][ctx];
    if (kind == 1 && ctx == LOAD && u->scope->kind == SP_BLOCK_CLASS) op = SP_LOAD_CLASSDEREF;
    emit(c, op, i);
}

/* ------------------------------------------------------------ blocks */

static void stmt(C *c, const sp_Node *s);
static void stmts(C *c, const sp_NodeList *l);
static void expr(C *c, const sp_Node *e);

static void push_fb(C *c, const sp_Node *at, int kind, int32_t start, int32_t exit, const void *datum) {
    Unit *u = c->u;
    if (c->err) return;
    if (u->nfb >= MAXBLOCKS) return error_at(c, at, "too many statically nested blocks", NULL);
    u->fb[u->nfb++] = (FBlock){kind, start, exit, datum};
}

static void pop_fb(C *c) {
    if (!c->err) c->u->nfb--;
}

static void with_exit_call(C *c) {
    load_none(c);
    load_none(c);
    load_none(c);
    emit(c, SP_CALL, 3);
    emit0(c, SP_POP_TOP);
}

static void clear_name(C *c, const char *name) {
    load_none(c);
    nameop(c, name, STORE);
    nameop(c, name, DEL);
}

/* Code that leaves one frame block early (return/break/continue);
 * preserve: keep the value on top of the stack (return). */
static void unwind_one(C *c, const FBlock *fb, bool preserve) {
    switch (fb->kind) {
    case FB_WHILE: return;
    case FB_FOR:
    case FB_POP_VALUE:
        if (preserve) emit(c, SP_SWAP, 2);
        emit0(c, SP_POP_TOP);
        return;
    case FB_TRY_EXCEPT: emit0(c, SP_POP_BLOCK); return;
    case FB_FINALLY_TRY: {
        const sp_Node *t = fb->datum;
        emit0(c, SP_POP_BLOCK);
        if (preserve) push_fb(c, t, FB_POP_VALUE, -1, -1, NULL);
        stmts(c, &t->u.try_.finalbody);
        if (preserve) pop_fb(c);
        return;
    }
    case FB_FINALLY_END: /* ( prev exc ) */
        if (preserve) emit(c, SP_SWAP, 2);
        emit0(c, SP_POP_TOP);
        if (preserve) emit(c, SP_SWAP, 2);
        emit0(c, SP_POP_EXCEPT);
        return;
    case FB_WITH: /* ( exit ) */
        emit0(c, SP_POP_BLOCK);
        if (preserve) emit(c, SP_SWAP, 2);
        with_exit_call(c);
        return;
    case FB_HANDLER_CLEANUP: /* ( prev ) */
        if (fb->datum) emit0(c, SP_POP_BLOCK);
        if (preserve) emit(c, SP_SWAP, 2);
        emit0(c, SP_POP_EXCEPT);
        if (fb->datum) clear_name(c, fb->datum);
        return;
    }
}

/* Unwind every block (return) or up to the innermost loop (break and
 * continue; *loop receives it, or stays NULL if there is none).  Each
 * block's cleanup is compiled with only the blocks outside it active. */
static void unwind_stack(C *c, bool preserve, FBlock *loop, bool *found) {
    Unit *u = c->u;
    int n = u->nfb;
    FBlock saved[MAXBLOCKS];
    memcpy(saved, u->fb, (size_t)n * sizeof(FBlock));
    for (int i = n - 1; i >= 0 && !c->err; i--) {
        if (loop && (saved[i].kind == FB_WHILE || saved[i].kind == FB_FOR)) {
            *loop = saved[i];
            *found = true;
            break;
        }
        u->nfb = i;
        unwind_one(c, &saved[i], preserve);
    }
    memcpy(u->fb, saved, (size_t)n * sizeof(FBlock));
    u->nfb = n;
}

/* ------------------------------------------------------------ constants */

static bool depth_enter(C *c) {
    if (++c->depth > 3 * SP_MAX_AST_DEPTH || !sp_cstack_ok(c->vm)) {
        c->depth--;
        sp_st_recursion(c->vm);
        fail(c);
        return false;
    }
    return true;
}


static sp_Value int_const(C *c, const sp_Node *e) {
    const char *s = e->u.constant.s;
    size_t len = e->u.constant.len;
    if (e->u.constant.base == 10 && len > SP_INT_MAX_STR_DIGITS) {
        char msg[320];
        snprintf(msg, sizeof msg,
                 "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; "
                 "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for "
                 "huge integer literals to avoid decimal conversion limits.",
                 SP_INT_MAX_STR_DIGITS, len);
        sp_Value exc = sp_syntax_error(c->vm, c->filename, e->lineno, 0, msg);
        if (!sp_iserr(exc)) sp_raisev(c->vm, exc);
        return SP_ERRV;
    }
    /* most literals are a few decimal digits: skip the bignum parser */
    if (e->u.constant.base == 10 && len > 0 && len <= 18) {
        int64_t v = 0;
        size_t i = 0;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) v = v * 10 + (s[i] - '0');
        if (i == len) return sp_int(v);
    }
    return sp_int_from_str(c->vm, s, len, e->u.constant.base);
}

static sp_Value const_of(C *c, const sp_Node *e);

/* A constant tuple display (nested constant tuples and negative numbers
 * included), SP_NULLV if some element is not constant. */
static sp_Value const_tuple(C *c, const sp_NodeList *l) {
    for (size_t i = 0; i < l->n; i++) {
        const sp_Node *x = l->items[i];
        bool neg = x->kind == SP_N_UNARYOP && x->u.unaryop.op == SP_UOP_NEG &&
                   x->u.unaryop.operand->kind == SP_N_CONSTANT;
        if (x->kind != SP_N_CONSTANT && !neg && !(x->kind == SP_N_TUPLE)) return SP_NULLV;
    }
    sp_Value t = sp_tuple_new(c->vm, l->n);
    if (sp_iserr(t)) return t;
    for (size_t i = 0; i < l->n; i++) {
        sp_Value v = const_of(c, l->items[i]);
        if (sp_isnull(v) || sp_iserr(v)) return v;
        SP_TUPLE(t)->items[i] = v;
    }
    return t;
}

/* The value of a constant expression, SP_NULLV if e is not one. */
static sp_Value const_of(C *c, const sp_Node *e) {
    if (!depth_enter(c)) return SP_ERRV;
    sp_Value v = SP_NULLV;
    if (e->kind == SP_N_CONSTANT) {
        switch (e->u.constant.kind) {
        case SP_CONST_NONE: v = SP_NONEV; break;
        case SP_CONST_TRUE: v = SP_TRUEV; break;
        case SP_CONST_FALSE: v = SP_FALSEV; break;
        case SP_CONST_ELLIPSIS: v = sp_objv(&sp_Ellipsis_obj); break;
        case SP_CONST_INT: v = int_const(c, e); break;
        case SP_CONST_FLOAT: v = sp_float(e->u.constant.f); break;
        case SP_CONST_STR: v = sp_str_intern(c->vm, e->u.constant.s, e->u.constant.len); break;
        case SP_CONST_BYTES: v = sp_bytes_new(c->vm, e->u.constant.s, e->u.constant.len); break;
        }
    } else if (e->kind == SP_N_UNARYOP && e->u.unaryop.op == SP_UOP_NEG &&
               e->u.unaryop.operand->kind == SP_N_CONSTANT) {
        int k = e->u.unaryop.operand->u.constant.kind;
        if (k == SP_CONST_INT || k == SP_CONST_FLOAT) {
            v = const_of(c, e->u.unaryop.operand);
            if (sp_isint(v) && v.u.i != INT64_MIN) v.u.i = -v.u.i;
            else if (sp_isfloat(v)) v.u.f = -v.u.f;
            else if (!sp_iserr(v)) v = sp_unop(c->vm, SP_UOP_NEG, v);
        }
    } else if (e->kind == SP_N_TUPLE && e->ctx == SP_CTX_LOAD) {
        v = const_tuple(c, &e->u.seq.elts);
    }
    c->depth--;
    return v;
}

/* Truth value of a literal test (`while 1:`), -1 if not a literal. */
static int const_truth(const sp_Node *e) {
    if (e->kind != SP_N_CONSTANT) return -1;
    switch (e->u.constant.kind) {
    case SP_CONST_NONE: case SP_CONST_FALSE: return 0;
    case SP_CONST_TRUE: case SP_CONST_ELLIPSIS: return 1;
    case SP_CONST_FLOAT: return e->u.constant.f != 0.0;
    case SP_CONST_INT:
        for (size_t i = 0; i < e->u.constant.len; i++)
            if (e->u.constant.s[i] != '0') return 1;
        return 0;
    default: return e->u.constant.len != 0;
    }
}

static bool is_docstring(const sp_NodeList *body) {
    if (!body->n || body->items[0]->kind != SP_N_EXPR) return false;
    const sp_Node *v = body->items[0]->u.expr.value;
    return v->kind == SP_N_CONSTANT && v->u.constant.kind == SP_CONST_STR;
}

/* ------------------------------------------------------------ expressions */

static void exprs(C *c, const sp_NodeList *l) {
    for (size_t i = 0; i < l->n && !c->err; i++) expr(c, l->items[i]);
}

static void opt_expr(C *c, const sp_Node *e) {
    if (e) expr(c, e);
    else load_none(c);
}

static void compare_op(C *c, int op) {
    if (op <= SP_GE) emit(c, SP_COMPARE_OP, op);
    else if (op <= SP_CMP_ISNOT) emit(c, SP_IS_OP, op - SP_CMP_IS);
    else emit(c, SP_CONTAINS_OP, op - SP_CMP_IN);
}

/* Push the middle operands of a chain a < b < c: each is evaluated once
 * and kept (SWAP/COPY) for the next comparison. */
static void compare_prefix(C *c, const sp_Node *e, int jump, int32_t cleanup) {
    size_t n = e->u.compare.comparators.n;
    expr(c, e->u.compare.left);
    for (size_t i = 0; i + 1 < n; i++) {
        expr(c, e->u.compare.comparators.items[i]);
        emit(c, SP_SWAP, 2);
        emit(c, SP_COPY, 2);
        compare_op(c, e->u.compare.ops[i]);
        emit(c, jump, cleanup);
    }
    expr(c, e->u.compare.comparators.items[n - 1]);
    compare_op(c, e->u.compare.ops[n - 1]);
}

static void compare(C *c, const sp_Node *e) {
    if (e->u.compare.comparators.n == 1) {
        expr(c, e->u.compare.left);
        expr(c, e->u.compare.comparators.items[0]);
        compare_op(c, e->u.compare.ops[0]);
        return;
    }
    int32_t cleanup = new_label(c), end = new_label(c);
    compare_prefix(c, e, SP_JUMP_IF_FALSE_OR_POP, cleanup);
    emit(c, SP_JUMP, end);
    bind(c, cleanup); /* ( b false ) */
    emit(c, SP_SWAP, 2);
    emit0(c, SP_POP_TOP);
    bind(c, end);
}

/* Jump to label if bool(e) == cond (CPython's compiler_jump_if). */
static void jump_if(C *c, const sp_Node *e, bool cond, int32_t label) {
    if (c->err) return;
    int t = const_truth(e);
    if (t >= 0) {
        if (t == (int)cond) emit(c, SP_JUMP, label);
        return;
    }
    if (e->kind == SP_N_UNARYOP && e->u.unaryop.op == SP_UOP_NOT) {
        if (!depth_enter(c)) return;
        jump_if(c, e->u.unaryop.operand, !cond, label);
        c->depth--;
        return;
    }
    if (e->kind == SP_N_BOOLOP) {
        if (!depth_enter(c)) return;
        bool cond2 = e->u.boolop.op == SP_BOOL_OR;
        int32_t next = cond == cond2 ? label : new_label(c);
        const sp_NodeList *v = &e->u.boolop.values;
        for (size_t i = 0; i + 1 < v->n; i++) jump_if(c, v->items[i], cond2, next);
        jump_if(c, v->items[v->n - 1], cond, label);
        if (next != label) bind(c, next);
        c->depth--;
        return;
    }
    if (e->kind == SP_N_COMPARE && e->u.compare.comparators.n > 1) {
        int32_t cleanup = new_label(c), end = new_label(c);
        int saved = c->lineno;
        c->lineno = e->lineno;
        compare_prefix(c, e, SP_POP_JUMP_IF_FALSE, cleanup);
        emit(c, cond ? SP_POP_JUMP_IF_TRUE : SP_POP_JUMP_IF_FALSE, label);
        emit(c, SP_JUMP, end);
        bind(c, cleanup);
        emit0(c, SP_POP_TOP);
        if (!cond) emit(c, SP_JUMP, label);
        bind(c, end);
        c->lineno = saved;
        return;
    }
    expr(c, e);
    emit(c, cond ? SP_POP_JUMP_IF_TRUE : SP_POP_JUMP_IF_FALSE, label);
}

static void boolop(C *c, const sp_Node *e) {
    int32_t end = new_label(c);
    int op = e->u.boolop.op == SP_BOOL_AND ? SP_JUMP_IF_FALSE_OR_POP : SP_JUMP_IF_TRUE_OR_POP;
    const sp_NodeList *v = &e->u.boolop.values;
    for (size_t i = 0; i + 1 < v->n; i++) {
        expr(c, v->items[i]);
        emit(c, op, end);
    }
    expr(c, v->items[v->n - 1]);
    bind(c, end);
}

static void ifexp(C *c, const sp_Node *e) {
    int32_t orelse = new_label(c), end = new_label(c);
    jump_if(c, e->u.ifexp.test, false, orelse);
    expr(c, e->u.ifexp.body);
    emit(c, SP_JUMP, end);
    bind(c, orelse);
    expr(c, e->u.ifexp.orelse);
    bind(c, end);
}

/* Displays with starred items: [*a, b], (*a,), {*a}; CPython's
 * starunpack_helper.  Tuples are built as lists then converted. */
static void starunpack(C *c, const sp_NodeList *l, size_t pushed, int build, int add, int extend, bool tuple) {
    size_t n = l->n;
    bool star = false;
    for (size_t i = 0; i < n; i++) star |= l->items[i]->kind == SP_N_STARRED;
    if (!star && n <= STACK_GUIDE) {
        exprs(c, l);
        emit(c, tuple ? SP_BUILD_TUPLE : build, (int64_t)(n + pushed));
        return;
    }
    bool built = false;
    if (n > STACK_GUIDE) {
        emit(c, build, (int64_t)pushed);
        built = true;
    }
    for (size_t i = 0; i < n && !c->err; i++) {
        const sp_Node *x = l->items[i];
        if (x->kind == SP_N_STARRED) {
            if (!built) emit(c, build, (int64_t)(i + pushed));
            built = true;
            expr(c, x->u.starred.value);
            emit(c, extend, 1);
        } else {
            expr(c, x);
            if (built) emit(c, add, 1);
        }
    }
    if (tuple) emit0(c, SP_LIST_TO_TUPLE);
}

static void tuple_display(C *c, const sp_Node *e) {
    sp_Value v = const_of(c, e);
    if (sp_iserr(v)) return fail(c);
    if (!sp_isnull(v)) return load_const(c, v);
    starunpack(c, &e->u.seq.elts, 0, SP_BUILD_LIST, SP_LIST_APPEND, SP_LIST_EXTEND, true);
}

/* frozenset(tuple(frozenset(items))), built the way CPython's compiler
 * builds a constant set display (fold, then merge_consts re-creates the
 * frozenset), so that iteration order matches CPython exactly. */
static sp_Value const_frozenset(C *c, sp_Value items) {
    sp_Value fs = SP_NULLV;
    for (int pass = 0; pass < 2; pass++) {
        sp_Value next = sp_set_new(c->vm, &sp_t_frozenset);
        if (sp_iserr(next)) return next;
        if (pass == 0) {
            for (size_t i = 0; i < SP_TUPLE(items)->n; i++)
                if (sp_set_add(c->vm, next, SP_TUPLE(items)->items[i]) < 0) return SP_ERRV;
        } else {
            sp_Value k;
            for (size_t pos = 0; sp_set_next(fs, &pos, &k);)
                if (sp_set_add(c->vm, next, k) < 0) return SP_ERRV;
        }
        fs = next;
    }
    return fs;
}

static void set_display(C *c, const sp_Node *e) {
    const sp_NodeList *l = &e->u.set.elts;
    sp_Value items = l->n > 2 ? const_tuple(c, l) : SP_NULLV;
    if (sp_iserr(items)) return fail(c);
    if (sp_isnull(items))
        return starunpack(c, l, 0, SP_BUILD_SET, SP_SET_ADD, SP_SET_UPDATE, false);
    sp_Value fs = const_frozenset(c, items);
    if (sp_iserr(fs)) return fail(c);
    emit(c, SP_BUILD_SET, 0);
    load_const(c, fs);
    emit(c, SP_SET_UPDATE, 1);
}

static void dict_display(C *c, const sp_Node *e) {
    const sp_NodeList *k = &e->u.dict.keys, *v = &e->u.dict.values;
    bool have = false;
    size_t run = 0;
    for (size_t i = 0; i <= k->n && !c->err; i++) {
        bool unpack = i < k->n && !k->items[i];
        if (run && (i == k->n || unpack || run * 2 >= STACK_GUIDE)) {
            emit(c, SP_BUILD_MAP, (int64_t)run);
            if (have) emit(c, SP_DICT_UPDATE, 1);
            have = true;
            run = 0;
        }
        if (i == k->n) break;
        if (unpack) {
            if (!have) emit(c, SP_BUILD_MAP, 0);
            have = true;
            expr(c, v->items[i]);
            emit(c, SP_DICT_UPDATE, 1);
        } else {
            expr(c, k->items[i]);
            expr(c, v->items[i]);
            run++;
        }
    }
    if (!have) emit(c, SP_BUILD_MAP, 0);
}

static void slice(C *c, const sp_Node *e) {
    if (e->kind != SP_N_SLICE) return expr(c, e);
    opt_expr(c, e->u.slice.lower);
    opt_expr(c, e->u.slice.upper);
    if (e->u.slice.step) expr(c, e->u.slice.step);
    emit(c, SP_BUILD_SLICE, e->u.slice.step ? 3 : 2);
}

/* A subscript's key; a two-bound slice (load/store) pushes just its bounds
 * for BINARY_SLICE/STORE_SLICE, as CPython 3.12 does: returns true then. */
static bool subscript_key(C *c, const sp_Node *e) {
    if (e->kind != SP_N_SLICE || e->u.slice.step) {
        slice(c, e);
        return false;
    }
    opt_expr(c, e->u.slice.lower);
    opt_expr(c, e->u.slice.upper);
    return true;
}

static void formatted(C *c, const sp_Node *e) {
    int conv = e->u.formatted.conversion;
    int flags = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    expr(c, e->u.formatted.value);
    if (e->u.formatted.format_spec) {
        expr(c, e->u.formatted.format_spec);
        flags |= 4;
    }
    emit(c, SP_FORMAT_VALUE, flags);
}

static void joined(C *c, const sp_Node *e) {
    const sp_NodeList *l = &e->u.joined.values;
    if (l->n == 0) return load_const(c, sp_str_intern(c->vm, "", 0));
    exprs(c, l);
    if (l->n > 1 || l->items[0]->kind != SP_N_FORMATTEDVALUE) emit(c, SP_BUILD_STRING, (int64_t)l->n);
}

/* Keyword names must be distinct (CPython's validate_keywords). */
static bool check_keywords(C *c, const sp_NodeList *kw) {
    sp_NameTab seen = {0};
    bool ok = true;
    for (size_t i = 0; i < kw->n && ok; i++) {
        const char *a = kw->items[i]->u.keyword.arg;
        if (!a) continue;
        if (forbidden(c, a, STORE)) {
            ok = false;
        } else if (sp_nt_get(&seen, a)) {
            error_at(c, kw->items[i], "keyword argument repeated: %s", a);
            ok = false;
        } else if (!sp_nt_add(c->vm, &seen, a)) {
            fail(c);
            ok = false;
        }
    }
    sp_nt_free(c->vm, &seen);
    return ok;
}

/* ( -- kwnames ) for the plain keyword arguments, values pushed first. */
static void kw_values(C *c, const sp_NodeList *kw) {
    sp_Value t = sp_tuple_new(c->vm, kw->n);
    if (sp_iserr(t)) return fail(c);
    for (size_t i = 0; i < kw->n && !c->err; i++) {
        sp_Value s = sp_str_intern_cstr(c->vm, kw->items[i]->u.keyword.arg);
        if (sp_iserr(s)) return fail(c);
        SP_TUPLE(t)->items[i] = s;
        expr(c, kw->items[i]->u.keyword.value);
    }
    load_const(c, t);
}

/* f(*args, **kw) and mixes: ( f [pushed args] -- f args [kwargs] ), then
 * CALL_EX. */
static void call_ex(C *c, size_t pushed, const sp_NodeList *args, const sp_NodeList *kw) {
    if (!pushed && args->n == 1 && args->items[0]->kind == SP_N_STARRED)
        expr(c, args->items[0]->u.starred.value);
    else
        starunpack(c, args, pushed, SP_BUILD_LIST, SP_LIST_APPEND, SP_LIST_EXTEND, false);
    if (!kw->n) return emit(c, SP_CALL_EX, 0);
    bool have = false;
    size_t run = 0;
    for (size_t i = 0; i <= kw->n && !c->err; i++) {
        bool unpack = i < kw->n && !kw->items[i]->u.keyword.arg;
        if (run && (i == kw->n || unpack)) {
            emit(c, SP_BUILD_MAP, (int64_t)run);
            if (have) emit(c, SP_DICT_MERGE, 1);
            have = true;
            run = 0;
        }
        if (i == kw->n) break;
        if (unpack) {
            if (!have) emit(c, SP_BUILD_MAP, 0);
            have = true;
            expr(c, kw->items[i]->u.keyword.value);
            emit(c, SP_DICT_MERGE, 1);
        } else {
            load_const(c, sp_str_intern_cstr(c->vm, kw->items[i]->u.keyword.arg));
            expr(c, kw->items[i]->u.keyword.value);
            run++;
        }
    }
    emit(c, SP_CALL_EX, 1);
}

static bool needs_call_ex(const sp_NodeList *args, const sp_NodeList *kw) {
    bool ex = false;
    for (size_t i = 0; i < args->n; i++) ex |= args->items[i]->kind == SP_N_STARRED;
    for (size_t i = 0; i < kw->n; i++) ex |= kw->items[i]->u.keyword.arg == NULL;
    return ex;
}

/* The arguments of a call whose callable and `pushed` first arguments
 * are on the stack (CPython's compiler_call_helper). */
static void call_helper(C *c, size_t pushed, const sp_NodeList *args, const sp_NodeList *kw) {
    if (!check_keywords(c, kw)) return;
    if (needs_call_ex(args, kw)) return call_ex(c, pushed, args, kw);
    exprs(c, args);
    int64_t n = (int64_t)(pushed + args->n + kw->n);
    if (kw->n) {
        kw_values(c, kw);
        emit(c, SP_CALL_KW, n);
    } else {
        emit(c, SP_CALL, n);
    }
}

static void call(C *c, const sp_Node *e) {
    const sp_NodeList *args = &e->u.call.args, *kw = &e->u.call.keywords;
    const sp_Node *f = e->u.call.func;
    if (f->kind != SP_N_ATTRIBUTE || needs_call_ex(args, kw)) {
        expr(c, f);
        return call_helper(c, 0, args, kw);
    }
    if (!check_keywords(c, kw)) return;
    bool meth = true;
    if (meth) {
        expr(c, f->u.attribute.value);
        int saved = c->lineno;
        c->lineno = f->end_lineno;
        emit(c, SP_LOAD_METHOD, name_index(c, mangle(c, f->u.attribute.attr)));
        c->lineno = saved;
    } else {
        expr(c, f);
    }
    exprs(c, args);
    int64_t n = (int64_t)(args->n + kw->n);
    if (kw->n) {
        kw_values(c, kw);
        emit(c, meth ? SP_CALL_METHOD_KW : SP_CALL_KW, n);
    } else {
        emit(c, meth ? SP_CALL_METHOD : SP_CALL, n);
    }
}

static void yield_from(C *c) {
    int32_t end = new_label(c);
    emit0(c, SP_GET_YIELD_FROM_ITER);
    load_none(c);
    emit(c, SP_SEND_FROM, end);
    bind(c, end);
}

static bool in_function(C *c) { return c->u->scope->kind == SP_BLOCK_FUNCTION; }

/* Closure cells for the child's free variables, then MAKE_FUNCTION. */
static void make_function(C *c, Unit *child, sp_Value code, uint32_t flags) {
    if (c->err) return;
    size_t nfree = child->frees.n;
    if (nfree) {
        /* entries were added in freevar order: e[k] has index k */
        for (size_t k = 0; k < nfree && !c->err; k++)
            emit(c, SP_LOAD_CLOSURE, deref_index(c, c->u, child->frees.e[k].name));
        emit(c, SP_BUILD_TUPLE, (int64_t)nfree);
        flags |= 8;
    }
    load_const(c, code);
    emit(c, SP_MAKE_FUNCTION, flags);
}

/* Defaults are evaluated in the enclosing scope: ( -- [defaults] [kwdefaults] ). */
static uint32_t defaults(C *c, const sp_Node *a) {
    uint32_t flags = 0;
    const sp_NodeList *d = &a->u.arguments.defaults;
    if (d->n) {
        sp_Value t = const_tuple(c, d);
        if (sp_iserr(t)) fail(c);
        else if (!sp_isnull(t)) load_const(c, t);
        else {
            exprs(c, d);
            emit(c, SP_BUILD_TUPLE, (int64_t)d->n);
        }
        flags |= 1;
    }
    const sp_NodeList *kd = &a->u.arguments.kw_defaults, *ko = &a->u.arguments.kwonlyargs;
    size_t nk = 0;
    for (size_t i = 0; i < kd->n && !c->err; i++) {
        if (!kd->items[i]) continue;
        load_const(c, sp_str_intern_cstr(c->vm, mangle(c, ko->items[i]->u.arg.name)));
        expr(c, kd->items[i]);
        nk++;
    }
    if (nk) {
        emit(c, SP_BUILD_MAP, (int64_t)nk);
        flags |= 2;
    }
    return flags;
}

static void check_params(C *c, const sp_NodeList *l) {
    for (size_t i = 0; i < l->n; i++) forbidden(c, l->items[i]->u.arg.name, STORE);
}

/* Parameters named __debug__ (CPython's compiler_check_debug_args). */
static void check_args(C *c, const sp_Node *a) {
    check_params(c, &a->u.arguments.posonlyargs);
    check_params(c, &a->u.arguments.args);
    check_params(c, &a->u.arguments.kwonlyargs);
    if (a->u.arguments.vararg) forbidden(c, a->u.arguments.vararg->u.arg.name, STORE);
    if (a->u.arguments.kwarg) forbidden(c, a->u.arguments.kwarg->u.arg.name, STORE);
}

static void set_argcounts(Unit *u, const sp_Node *a) {
    u->posonly = (int)a->u.arguments.posonlyargs.n;
    u->argcount = u->posonly + (int)a->u.arguments.args.n;
    u->kwonly = (int)a->u.arguments.kwonlyargs.n;
}

/* Finish the innermost unit, pop it and create its function in the parent. */
static void finish_function(C *c, uint32_t flags) {
    sp_Value code = unit_code(c);
    Unit *child = unit_pop(c);
    if (!sp_iserr(code)) make_function(c, child, code, flags);
    unit_free(c, child);
}

static void lambda(C *c, const sp_Node *e) {
    check_args(c, e->u.lambda.args);
    uint32_t flags = defaults(c, e->u.lambda.args);
    int saved = c->lineno;
    if (!unit_push_nm(c, U_LAMBDA, e, SP_NM_lambda)) return;
    set_argcounts(c->u, e->u.lambda.args);
    first_const(c, SP_NONEV); /* a lambda has no docstring */
    expr(c, e->u.lambda.body);
    if (c->u->scope->generator) emit0(c, SP_POP_TOP);
    else emit0(c, SP_RETURN_VALUE);
    finish_function(c, flags);
    c->lineno = saved;
}

static void store(C *c, const sp_Node *t);

/* The nested loops of a comprehension body; depth = iterators on the stack. */
static void comp_generator(C *c, const sp_Node *e, size_t gi, int depth) {
    const sp_NodeList *gens = &e->u.comp.generators;
    const sp_Node *g = gens->items[gi];
    int32_t start = new_label(c), cleanup = new_label(c), anchor = new_label(c);
    if (gi == 0) {
        emit(c, SP_LOAD_FAST, 0);
    } else {
        expr(c, g->u.comprehension.iter);
        emit0(c, SP_GET_ITER);
    }
    bind(c, start);
    emit(c, SP_FOR_ITER, anchor);
    depth++;
    store(c, g->u.comprehension.target);
    for (size_t i = 0; i < g->u.comprehension.ifs.n; i++) jump_if(c, g->u.comprehension.ifs.items[i], false, cleanup);
    if (gi + 1 < gens->n) {
        if (!depth_enter(c)) return;
        comp_generator(c, e, gi + 1, depth);
        c->depth--;
    } else {
        switch (e->kind) {
        case SP_N_GENERATOREXP:
            expr(c, e->u.comp.elt);
            emit0(c, SP_YIELD_VALUE);
            emit0(c, SP_POP_TOP);
            break;
        case SP_N_LISTCOMP: expr(c, e->u.comp.elt); emit(c, SP_LIST_APPEND, depth + 1); break;
        case SP_N_SETCOMP: expr(c, e->u.comp.elt); emit(c, SP_SET_ADD, depth + 1); break;
        default:
            expr(c, e->u.comp.key);
            expr(c, e->u.comp.value);
            emit(c, SP_MAP_ADD, depth + 1);
            break;
        }
    }
    bind(c, cleanup);
    emit(c, SP_JUMP, start);
    bind(c, anchor);
}

static void comprehension(C *c, const sp_Node *e) {
    int nm = e->kind == SP_N_LISTCOMP    ? SP_NM_listcomp
             : e->kind == SP_N_SETCOMP  ? SP_NM_setcomp
             : e->kind == SP_N_DICTCOMP ? SP_NM_dictcomp
                                        : SP_NM_genexpr;
    const sp_Node *outer = e->u.comp.generators.items[0];
    if (!unit_push_nm(c, U_COMP, e, nm)) return;
    c->u->argcount = 1;
    first_const(c, SP_NONEV);
    if (e->kind == SP_N_LISTCOMP) emit(c, SP_BUILD_LIST, 0);
    else if (e->kind == SP_N_SETCOMP) emit(c, SP_BUILD_SET, 0);
    else if (e->kind == SP_N_DICTCOMP) emit(c, SP_BUILD_MAP, 0);
    comp_generator(c, e, 0, 0);
    if (e->kind != SP_N_GENERATOREXP) emit0(c, SP_RETURN_VALUE);
    finish_function(c, 0);
    expr(c, outer->u.comprehension.iter);
    emit0(c, SP_GET_ITER);
    emit(c, SP_CALL, 1);
}

static void expr_(C *c, const sp_Node *e) {
    switch (e->kind) {
    case SP_N_BOOLOP: return boolop(c, e);
    case SP_N_NAMEDEXPR:
        expr(c, e->u.namedexpr.value);
        emit(c, SP_COPY, 1);
        return store(c, e->u.namedexpr.target);
    case SP_N_BINOP:
        expr(c, e->u.binop.left);
        expr(c, e->u.binop.right);
        return emit(c, SP_BINARY_OP, e->u.binop.op);
    case SP_N_UNARYOP: {
        sp_Value v = const_of(c, e);
        if (sp_iserr(v)) return fail(c);
        if (!sp_isnull(v)) return load_const(c, v);
        expr(c, e->u.unaryop.operand);
        if (e->u.unaryop.op == SP_UOP_NOT) return emit0(c, SP_UNARY_NOT);
        return emit(c, SP_UNARY_OP, e->u.unaryop.op);
    }
    case SP_N_LAMBDA: return lambda(c, e);
    case SP_N_IFEXP: return ifexp(c, e);
    case SP_N_DICT: return dict_display(c, e);
    case SP_N_SET: return set_display(c, e);
    case SP_N_LIST: return starunpack(c, &e->u.seq.elts, 0, SP_BUILD_LIST, SP_LIST_APPEND, SP_LIST_EXTEND, false);
    case SP_N_TUPLE: return tuple_display(c, e);
    case SP_N_LISTCOMP:
    case SP_N_SETCOMP:
    case SP_N_DICTCOMP:
    case SP_N_GENERATOREXP: return comprehension(c, e);
    case SP_N_YIELD:
        if (!in_function(c)) return error_at(c, e, "'yield' outside function", NULL);
        opt_expr(c, e->u.yield.value);
        return emit0(c, SP_YIELD_VALUE);
    case SP_N_YIELDFROM:
        if (!in_function(c)) return error_at(c, e, "'yield' outside function", NULL);
        expr(c, e->u.yield.value);
        return yield_from(c);
    case SP_N_AWAIT:
        return error_at(c, e, in_function(c) ? "'await' outside async function" : "'await' outside function",
                        NULL);
    case SP_N_COMPARE: return compare(c, e);
    case SP_N_CALL: return call(c, e);
    case SP_N_FORMATTEDVALUE: return formatted(c, e);
    case SP_N_JOINEDSTR: return joined(c, e);
    case SP_N_CONSTANT: {
        sp_Value v = const_of(c, e);
        if (sp_iserr(v)) return fail(c);
        return load_const(c, v);
    }
    case SP_N_ATTRIBUTE: {
        expr(c, e->u.attribute.value);
        int saved = c->lineno;
        c->lineno = e->end_lineno;
        emit(c, SP_LOAD_ATTR, name_index(c, mangle(c, e->u.attribute.attr)));
        c->lineno = saved;
        return;
    }
    case SP_N_SUBSCRIPT:
        expr(c, e->u.subscript.value);
        return emit0(c, subscript_key(c, e->u.subscript.slice) ? SP_BINARY_SLICE : SP_BINARY_SUBSCR);
    case SP_N_STARRED: return error_at(c, e, "can't use starred expression here", NULL);
    case SP_N_NAME: return nameop(c, e->u.name.id, LOAD);
    case SP_N_SLICE: return slice(c, e);
    default: return internal(c, "unexpected expression node");
    }
}

static void expr(C *c, const sp_Node *e) {
    if (c->err || !depth_enter(c)) return;
    int saved = c->lineno;
    const sp_Node *sloc = c->loc;
    c->lineno = e->lineno;
    c->loc = e;
    expr_(c, e);
    c->lineno = saved;
    c->loc = sloc;
    c->depth--;
}

/* ------------------------------------------------------------ targets */

/* UNPACK_SEQUENCE / UNPACK_EX for a tuple or list target. */
static void unpack(C *c, const sp_Node *t) {
    const sp_NodeList *l = &t->u.seq.elts;
    bool star = false;
    for (size_t i = 0; i < l->n && !c->err; i++) {
        if (l->items[i]->kind != SP_N_STARRED) continue;
        if (star) return error_at(c, t, "multiple starred expressions in assignment", NULL);
        size_t after = l->n - i - 1;
        if (i >= (1u << 8) || after >= (1u << 16))
            return error_at(c, t, "too many expressions in star-unpacking assignment", NULL);
        emit(c, SP_UNPACK_EX, (int64_t)(i | (after << 8)));
        star = true;
    }
    if (!star) emit(c, SP_UNPACK_SEQUENCE, (int64_t)l->n);
    for (size_t i = 0; i < l->n && !c->err; i++) {
        const sp_Node *x = l->items[i];
        store(c, x->kind == SP_N_STARRED ? x->u.starred.value : x);
    }
}

/* Store TOS into an assignment target ( v -- ). */
static void store(C *c, const sp_Node *t) {
    if (c->err || !depth_enter(c)) return;
    int saved = c->lineno;
    const sp_Node *sloc = c->loc;
    c->lineno = t->lineno;
    c->loc = t;
    switch (t->kind) {
    case SP_N_NAME: nameop(c, t->u.name.id, STORE); break;
    case SP_N_ATTRIBUTE:
        if (forbidden(c, t->u.attribute.attr, STORE)) break;
        expr(c, t->u.attribute.value);
        emit(c, SP_STORE_ATTR, name_index(c, mangle(c, t->u.attribute.attr)));
        break;
    case SP_N_SUBSCRIPT:
        expr(c, t->u.subscript.value);
        emit0(c, subscript_key(c, t->u.subscript.slice) ? SP_STORE_SLICE : SP_STORE_SUBSCR);
        break;
    case SP_N_TUPLE:
    case SP_N_LIST: unpack(c, t); break;
    case SP_N_STARRED: error_at(c, t, "starred assignment target must be in a list or tuple", NULL); break;
    default: error_at(c, t, "cannot assign to expression", NULL); break;
    }
    c->lineno = saved;
    c->loc = sloc;
    c->depth--;
}

static void del_target(C *c, const sp_Node *t) {
    if (c->err || !depth_enter(c)) return;
    const sp_Node *sloc = c->loc;
    c->loc = t;
    switch (t->kind) {
    case SP_N_NAME: nameop(c, t->u.name.id, DEL); break;
    case SP_N_ATTRIBUTE:
        expr(c, t->u.attribute.value);
        emit(c, SP_DELETE_ATTR, name_index(c, mangle(c, t->u.attribute.attr)));
        break;
    case SP_N_SUBSCRIPT:
        expr(c, t->u.subscript.value);
        slice(c, t->u.subscript.slice);
        emit0(c, SP_DELETE_SUBSCR);
        break;
    case SP_N_TUPLE:
    case SP_N_LIST:
        for (size_t i = 0; i < t->u.seq.elts.n; i++) del_target(c, t->u.seq.elts.items[i]);
        break;
    default: error_at(c, t, "cannot delete expression", NULL); break;
    }
    c->loc = sloc;
    c->depth--;
}

/* ------------------------------------------------------------ statements */

static void assign(C *c, const sp_Node *s) {
    const sp_NodeList *t = &s->u.assign.targets;
    expr(c, s->u.assign.value);
    for (size_t i = 0; i < t->n && !c->err; i++) {
        if (i + 1 < t->n) emit(c, SP_COPY, 1);
        store(c, t->items[i]);
    }
}

/* The target is evaluated once: a.b += v loads a once, a[k] loads a, k once. */
static void augassign(C *c, const sp_Node *s) {
    const sp_Node *t = s->u.augassign.target;
    int op = s->u.augassign.op + SP_OP_INPLACE;
    switch (t->kind) {
    case SP_N_NAME:
        nameop(c, t->u.name.id, LOAD);
        expr(c, s->u.augassign.value);
        emit(c, SP_BINARY_OP, op);
        nameop(c, t->u.name.id, STORE);
        return;
    case SP_N_ATTRIBUTE: {
        int32_t name = name_index(c, mangle(c, t->u.attribute.attr));
        expr(c, t->u.attribute.value);
        emit(c, SP_COPY, 1);
        emit(c, SP_LOAD_ATTR, name);
        expr(c, s->u.augassign.value);
        emit(c, SP_BINARY_OP, op);
        emit(c, SP_SWAP, 2);
        emit(c, SP_STORE_ATTR, name);
        return;
    }
    case SP_N_SUBSCRIPT:
        expr(c, t->u.subscript.value);
        slice(c, t->u.subscript.slice);
        emit(c, SP_COPY, 2);
        emit(c, SP_COPY, 2);
        emit0(c, SP_BINARY_SUBSCR);
        expr(c, s->u.augassign.value);
        emit(c, SP_BINARY_OP, op);
        emit(c, SP_SWAP, 3);
        emit(c, SP_SWAP, 2);
        emit0(c, SP_STORE_SUBSCR);
        return;
    default: return error_at(c, t, "illegal expression for augmented assignment", NULL);
    }
}

/* The source text of a node (annotations under `from __future__ import
 * annotations`). */
static sp_Value node_source(C *c, const sp_Node *e) {
    size_t off[2] = {0, 0}, line = 1, i = 0;
    int want[2][2] = {{e->lineno, e->col}, {e->end_lineno, e->end_col}};
    for (int k = 0; k < 2; k++) {
        for (; line < (size_t)want[k][0] && i < c->n; i++)
            if (c->src[i] == '\n') line++;
        off[k] = i + (size_t)want[k][1];
        if (off[k] > c->n) off[k] = c->n;
    }
    return off[1] > off[0] ? sp_str_new(c->vm, c->src + off[0], off[1] - off[0])
                           : sp_str_new(c->vm, "", 0);
}

/* A class body stores the annotations of simple names in __annotations__,
 * evaluated (or their source text, under the future import); a complex
 * target's annotation is evaluated and dropped.  Elsewhere annotations are
 * never evaluated (sandpy keeps no module __annotations__), but a complex
 * target's object and index are, as in CPython. */
static void class_annotation(C *c, const sp_Node *s) {
    const sp_Node *t = s->u.annassign.target, *a = s->u.annassign.annotation;
    if (c->u->kind != U_CLASS) return;
    if (s->u.annassign.simple) {
        if (c->future_ann) load_const(c, node_source(c, a));
        else expr(c, a);
        nameop(c, "__annotations__", LOAD);
        load_const(c, sp_str_intern_cstr(c->vm, mangle(c, t->u.name.id)));
        emit0(c, SP_STORE_SUBSCR);
    } else if (!c->future_ann) {
        expr(c, a);
        emit0(c, SP_POP_TOP);
    }
}

static void annassign(C *c, const sp_Node *s) {
    const sp_Node *t = s->u.annassign.target;
    if (s->u.annassign.value) {
        expr(c, s->u.annassign.value);
        store(c, t);
        return class_annotation(c, s);
    }
    if (t->kind == SP_N_ATTRIBUTE) {
        expr(c, t->u.attribute.value);
        emit0(c, SP_POP_TOP);
    } else if (t->kind == SP_N_SUBSCRIPT) {
        expr(c, t->u.subscript.value);
        emit0(c, SP_POP_TOP);
        slice(c, t->u.subscript.slice);
        emit0(c, SP_POP_TOP);
    }
    class_annotation(c, s);
}

/* Does a class body annotate anything (CPython's find_ann)? */
static bool find_ann(const sp_NodeList *body) {
    for (size_t i = 0; i < body->n; i++) {
        const sp_Node *s = body->items[i];
        bool f = false;
        switch (s->kind) {
        case SP_N_ANNASSIGN: return true;
        case SP_N_FOR: f = find_ann(&s->u.for_.body) || find_ann(&s->u.for_.orelse); break;
        case SP_N_WHILE: f = find_ann(&s->u.while_.body) || find_ann(&s->u.while_.orelse); break;
        case SP_N_IF: f = find_ann(&s->u.if_.body) || find_ann(&s->u.if_.orelse); break;
        case SP_N_WITH: f = find_ann(&s->u.with.body); break;
        case SP_N_TRY:
            f = find_ann(&s->u.try_.body) || find_ann(&s->u.try_.orelse) ||
                find_ann(&s->u.try_.finalbody);
            for (size_t h = 0; !f && h < s->u.try_.handlers.n; h++)
                f = find_ann(&s->u.try_.handlers.items[h]->u.handler.body);
            break;
        case SP_N_MATCH:
            for (size_t k = 0; !f && k < s->u.match.cases.n; k++)
                f = find_ann(&s->u.match.cases.items[k]->u.match_case.body);
            break;
        default: break;
        }
        if (f) return true;
    }
    return false;
}

/* `from __future__ import annotations` at the top of the module. */
static bool future_annotations(const sp_Node *mod) {
    const sp_NodeList *body = &mod->u.module.body;
    for (size_t i = 0; i < body->n; i++) {
        const sp_Node *s = body->items[i];
        if (i == 0 && is_docstring(body)) continue;
        if (s->kind != SP_N_IMPORTFROM || !s->u.importfrom.module ||
            strcmp(s->u.importfrom.module, "__future__") != 0)
            return false;
        for (size_t k = 0; k < s->u.importfrom.names.n; k++)
            if (strcmp(s->u.importfrom.names.items[k]->u.alias.name, "annotations") == 0) return true;
    }
    return false;
}

static void if_(C *c, const sp_Node *s) {
    int32_t next = new_label(c), end = new_label(c);
    jump_if(c, s->u.if_.test, false, next);
    stmts(c, &s->u.if_.body);
    if (s->u.if_.orelse.n) {
        emit(c, SP_JUMP, end);
        bind(c, next);
        stmts(c, &s->u.if_.orelse);
    } else {
        bind(c, next);
    }
    bind(c, end);
}

static void while_(C *c, const sp_Node *s) {
    int32_t start = new_label(c), orelse = new_label(c), end = new_label(c);
    bind(c, start);
    jump_if(c, s->u.while_.test, false, orelse);
    push_fb(c, s, FB_WHILE, start, end, NULL);
    stmts(c, &s->u.while_.body);
    pop_fb(c);
    emit(c, SP_JUMP, start);
    bind(c, orelse);
    stmts(c, &s->u.while_.orelse);
    bind(c, end);
}

static void for_(C *c, const sp_Node *s) {
    if (s->u.for_.is_async) return error_at(c, s, "'async for' is not supported", NULL);
    int32_t start = new_label(c), cleanup = new_label(c), end = new_label(c);
    expr(c, s->u.for_.iter);
    emit0(c, SP_GET_ITER);
    bind(c, start);
    emit(c, SP_FOR_ITER, cleanup);
    push_fb(c, s, FB_FOR, start, end, NULL);
    store(c, s->u.for_.target);
    stmts(c, &s->u.for_.body);
    pop_fb(c);
    emit(c, SP_JUMP, start);
    bind(c, cleanup);
    stmts(c, &s->u.for_.orelse);
    bind(c, end);
}

static void return_(C *c, const sp_Node *s) {
    if (!in_function(c)) return error_at(c, s, "'return' outside function", NULL);
    const sp_Node *v = s->u.ret.value;
    bool preserve = v && v->kind != SP_N_CONSTANT;
    if (preserve) expr(c, v);
    unwind_stack(c, preserve, NULL, NULL);
    if (!v) load_none(c);
    else if (!preserve) expr(c, v);
    emit0(c, SP_RETURN_VALUE);
}

static void loop_exit(C *c, const sp_Node *s, bool brk) {
    FBlock loop;
    bool found = false;
    unwind_stack(c, false, &loop, &found);
    if (c->err) return;
    if (!found)
        return error_at(c, s, brk ? "'break' outside loop" : "'continue' not properly in loop", NULL);
    if (brk) {
        unwind_one(c, &loop, false);
        emit(c, SP_JUMP, loop.exit);
    } else {
        emit(c, SP_JUMP, loop.start);
    }
}

static void raise_(C *c, const sp_Node *s) {
    int n = 0;
    if (s->u.raise.exc) {
        expr(c, s->u.raise.exc);
        n = 1;
        if (s->u.raise.cause) {
            expr(c, s->u.raise.cause);
            n = 2;
        }
    }
    emit(c, SP_RAISE_VARARGS, n);
}

static void assert_(C *c, const sp_Node *s) {
    int32_t end = new_label(c);
    jump_if(c, s->u.assert_.test, true, end);
    emit0(c, SP_LOAD_ASSERTION_ERROR);
    if (s->u.assert_.msg) {
        expr(c, s->u.assert_.msg);
        emit(c, SP_CALL, 1);
    }
    emit(c, SP_RAISE_VARARGS, 1);
    bind(c, end);
}

/* One except clause; the stack is ( prev exc ) on entry. */
static void handler(C *c, const sp_Node *h, int32_t end) {
    int32_t next = new_label(c);
    int saved = c->lineno;
    c->lineno = h->lineno;
    if (h->u.handler.type) {
        expr(c, h->u.handler.type);
        emit0(c, SP_CHECK_EXC_MATCH);
        emit(c, SP_POP_JUMP_IF_FALSE, next);
    }
    const char *name = h->u.handler.name;
    if (name) {
        /* `as e`: e is cleared on every way out of the handler */
        int32_t cleanup = new_label(c);
        nameop(c, name, STORE);
        emit(c, SP_SETUP_FINALLY, cleanup);
        push_fb(c, h, FB_HANDLER_CLEANUP, -1, -1, name);
        stmts(c, &h->u.handler.body);
        pop_fb(c);
        emit0(c, SP_POP_BLOCK);
        emit0(c, SP_POP_EXCEPT);
        clear_name(c, name);
        emit(c, SP_JUMP, end);
        bind(c, cleanup);
        clear_name(c, name);
        emit0(c, SP_RERAISE);
    } else {
        emit0(c, SP_POP_TOP);
        push_fb(c, h, FB_HANDLER_CLEANUP, -1, -1, NULL);
        stmts(c, &h->u.handler.body);
        pop_fb(c);
        emit0(c, SP_POP_EXCEPT);
        emit(c, SP_JUMP, end);
    }
    bind(c, next);
    c->lineno = saved;
}

static void try_except(C *c, const sp_Node *s) {
    int32_t h = new_label(c), orelse = new_label(c), end = new_label(c);
    const sp_NodeList *hs = &s->u.try_.handlers;
    emit(c, SP_SETUP_FINALLY, h);
    push_fb(c, s, FB_TRY_EXCEPT, -1, -1, NULL);
    stmts(c, &s->u.try_.body);
    pop_fb(c);
    emit0(c, SP_POP_BLOCK);
    emit(c, SP_JUMP, orelse);
    bind(c, h);
    for (size_t i = 0; i < hs->n && !c->err; i++) {
        if (!hs->items[i]->u.handler.type && i + 1 < hs->n)
            return error_at(c, hs->items[i], "default 'except:' must be last", NULL);
        handler(c, hs->items[i], end);
    }
    emit0(c, SP_RERAISE);
    bind(c, orelse);
    stmts(c, &s->u.try_.orelse);
    bind(c, end);
}

static void try_finally(C *c, const sp_Node *s) {
    int32_t h = new_label(c), end = new_label(c);
    emit(c, SP_SETUP_FINALLY, h);
    push_fb(c, s, FB_FINALLY_TRY, -1, -1, s);
    if (s->u.try_.handlers.n) try_except(c, s);
    else stmts(c, &s->u.try_.body);
    pop_fb(c);
    emit0(c, SP_POP_BLOCK);
    stmts(c, &s->u.try_.finalbody);
    emit(c, SP_JUMP, end);
    bind(c, h); /* ( prev exc ) */
    push_fb(c, s, FB_FINALLY_END, -1, -1, NULL);
    stmts(c, &s->u.try_.finalbody);
    pop_fb(c);
    emit0(c, SP_RERAISE);
    bind(c, end);
}

/* The target is stored before the handler block is set up: the block's
 * stack level then holds only __exit__, as the handler expects. */
static void with_(C *c, const sp_Node *s, size_t pos) {
    const sp_Node *item = s->u.with.items.items[pos];
    int32_t h = new_label(c), sup = new_label(c), end = new_label(c);
    expr(c, item->u.withitem.context_expr);
    emit0(c, SP_BEFORE_WITH);
    if (item->u.withitem.optional_vars) store(c, item->u.withitem.optional_vars);
    else emit0(c, SP_POP_TOP);
    emit(c, SP_SETUP_FINALLY, h);
    push_fb(c, s, FB_WITH, -1, -1, NULL);
    if (pos + 1 < s->u.with.items.n) with_(c, s, pos + 1);
    else stmts(c, &s->u.with.body);
    pop_fb(c);
    emit0(c, SP_POP_BLOCK);
    with_exit_call(c);
    emit(c, SP_JUMP, end);
    bind(c, h); /* ( exit prev exc ) */
    emit0(c, SP_WITH_EXCEPT_START);
    emit(c, SP_POP_JUMP_IF_TRUE, sup);
    emit0(c, SP_RERAISE);
    bind(c, sup);
    emit0(c, SP_POP_TOP);
    emit0(c, SP_POP_EXCEPT);
    emit0(c, SP_POP_TOP);
    bind(c, end);
}

static void import_(C *c, const sp_Node *s) {
    const sp_NodeList *l = &s->u.import.names;
    for (size_t i = 0; i < l->n && !c->err; i++) {
        const sp_Node *a = l->items[i];
        const char *name = a->u.alias.name, *dot = strchr(name, '.');
        emit(c, SP_IMPORT_NAME, name_index(c, name));
        if (a->u.alias.asname) {
            nameop(c, a->u.alias.asname, STORE);
        } else if (dot) {
            /* `import a.b` binds the top-level package a */
            char *top = sp_arena_strdup(c->arena, name, (size_t)(dot - name));
            if (!top) return fail(c);
            emit0(c, SP_POP_TOP);
            emit(c, SP_IMPORT_NAME, name_index(c, top));
            nameop(c, top, STORE);
        } else {
            nameop(c, name, STORE);
        }
    }
}

static void importfrom(C *c, const sp_Node *s) {
    const char *mod = s->u.importfrom.module ? s->u.importfrom.module : "";
    int level = s->u.importfrom.level;
    if (level > 0) { /* relative: the dots are kept in the name */
        size_t ml = strlen(mod);
        char *full = sp_arena_alloc(c->arena, (size_t)level + ml + 1);
        if (!full) return fail(c);
        memset(full, '.', (size_t)level);
        memcpy(full + level, mod, ml + 1);
        mod = full;
    }
    emit(c, SP_IMPORT_NAME, name_index(c, mod));
    const sp_NodeList *l = &s->u.importfrom.names;
    if (l->n == 1 && strcmp(l->items[0]->u.alias.name, "*") == 0) return emit0(c, SP_IMPORT_STAR);
    for (size_t i = 0; i < l->n && !c->err; i++) {
        const sp_Node *a = l->items[i];
        emit(c, SP_IMPORT_FROM, name_index(c, a->u.alias.name));
        nameop(c, a->u.alias.asname ? a->u.alias.asname : a->u.alias.name, STORE);
    }
    emit0(c, SP_POP_TOP);
}

static void funcdef(C *c, const sp_Node *s) {
    if (s->u.funcdef.is_async) return error_at(c, s, "'async def' is not supported", NULL);
    const sp_NodeList *decos = &s->u.funcdef.decorators, *body = &s->u.funcdef.body;
    check_args(c, s->u.funcdef.args);
    exprs(c, decos);
    uint32_t flags = defaults(c, s->u.funcdef.args);
    if (!unit_push(c, U_FUNCTION, s, s->u.funcdef.name)) return;
    set_argcounts(c->u, s->u.funcdef.args);
    bool doc = is_docstring(body);
    if (doc) {
        c->u->flags |= SP_CO_HASDOC;
        first_const(c, const_of(c, body->items[0]->u.expr.value));
    } else {
        first_const(c, SP_NONEV);
    }
    for (size_t i = doc ? 1 : 0; i < body->n && !c->err; i++) stmt(c, body->items[i]);
    finish_function(c, flags);
    c->lineno = s->lineno;
    for (size_t i = decos->n; i-- > 0;) emit(c, SP_CALL, 1);
    nameop(c, s->u.funcdef.name, STORE);
}

/* CPython's protocol: __build_class__(body_func, name, *bases, **kw); the
 * body runs with a fresh namespace and returns the __class__ cell (for
 * zero-argument super) or None. */
static void classdef(C *c, const sp_Node *s) {
    const sp_NodeList *decos = &s->u.classdef.decorators, *body = &s->u.classdef.body;
    const char *name = s->u.classdef.name;
    exprs(c, decos);
    emit0(c, SP_LOAD_BUILD_CLASS);
    if (!unit_push(c, U_CLASS, s, name)) return;
    nameop(c, "__name__", LOAD);
    nameop(c, "__module__", STORE);
    load_const(c, sp_str_cstr(c->vm, c->u->qualname));
    nameop(c, "__qualname__", STORE);
    if (find_ann(body)) { /* SETUP_ANNOTATIONS */
        emit(c, SP_BUILD_MAP, 0);
        nameop(c, "__annotations__", STORE);
    }
    size_t i = 0;
    if (is_docstring(body)) {
        expr(c, body->items[0]->u.expr.value);
        nameop(c, "__doc__", STORE);
        i = 1;
    }
    for (; i < body->n && !c->err; i++) stmt(c, body->items[i]);
    c->lineno = s->lineno;
    if (!c->err && sp_nt_get(&c->u->cells, "__class__")) {
        emit(c, SP_LOAD_CLOSURE, deref_index(c, c->u, "__class__"));
        emit(c, SP_COPY, 1);
        nameop(c, "__classcell__", STORE);
    } else {
        load_none(c);
    }
    emit0(c, SP_RETURN_VALUE);
    finish_function(c, 0);
    load_const(c, sp_str_intern_cstr(c->vm, name));
    call_helper(c, 2, &s->u.classdef.bases, &s->u.classdef.keywords);
    for (size_t k = decos->n; k-- > 0;) emit(c, SP_CALL, 1);
    nameop(c, name, STORE);
}

/* ------------------------------------------------------------ match */

/* CPython 3.11's pattern compilation.  While a case's pattern runs, the
 * values it captured wait on the stack (the newest deepest) under `on_top`
 * items still being matched; the names are bound only once the whole
 * pattern matched.  A failing test jumps to fail[k], which pops the k
 * items above the case's base and falls into fail[k-1]; fail[0] goes on
 * with the next case. */
typedef struct PC {
    sp_NameTab stores;  /* captured names in capture order */
    int32_t *fail;
    size_t nfail, capfail;
    int on_top;
    bool allow_irrefutable;
} PC;

static void pattern(C *c, const sp_Node *p, PC *pc);

static void pc_free(C *c, PC *pc) {
    sp_nt_free(c->vm, &pc->stores);
    grow_free(c, pc->fail, pc->capfail, sizeof(int32_t));
}

static int32_t fail_label(C *c, PC *pc, size_t pops) {
    if (c->err) return -1;
    if (!grow(c, (void **)&pc->fail, &pc->capfail, pops + 1, sizeof(int32_t))) return fail(c), -1;
    while (pc->nfail <= pops) pc->fail[pc->nfail++] = new_label(c);
    return pc->fail[pops];
}

/* Jump out of the pattern, dropping what it keeps on the stack. */
static void jump_fail(C *c, PC *pc, int op) {
    emit(c, op, fail_label(c, pc, (size_t)pc->on_top + pc->stores.n));
}

static void emit_fail_pops(C *c, PC *pc) {
    for (size_t k = pc->nfail; k-- > 0 && !c->err;) {
        bind(c, pc->fail[k]);
        if (k) emit0(c, SP_POP_TOP);
    }
    pc->nfail = 0;
}

static void rot(C *c, size_t n) {
    if (n > 1) emit(c, SP_ROT_N, (int64_t)n);
}

static bool is_wildcard(const sp_Node *p) {
    return p->kind == SP_N_MATCHAS && !p->u.matchas.pattern && !p->u.matchas.name;
}

/* Capture TOS as name (NULL: discard it): it goes under everything kept. */
static void pat_store(C *c, PC *pc, const char *name, const sp_Node *at) {
    if (!name) return emit0(c, SP_POP_TOP);
    if (forbidden(c, name, STORE)) return;
    if (sp_nt_get(&pc->stores, name))
        return error_at(c, at, "multiple assignments to name '%s' in pattern", name);
    rot(c, (size_t)pc->on_top + pc->stores.n + 1);
    if (!c->err && !sp_nt_add(c->vm, &pc->stores, name)) fail(c);
}

/* Sub-patterns may be irrefutable. */
static void subpattern(C *c, const sp_Node *p, PC *pc) {
    bool saved = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    pattern(c, p, pc);
    pc->allow_irrefutable = saved;
}

static void pat_as(C *c, const sp_Node *p, PC *pc) {
    const char *name = p->u.matchas.name;
    if (!p->u.matchas.pattern) {
        if (!pc->allow_irrefutable) {
            if (name) return error_at(c, p, "name capture '%s' makes remaining patterns unreachable", name);
            return error_at(c, p, "wildcard makes remaining patterns unreachable", NULL);
        }
        return pat_store(c, pc, name, p);
    }
    pc->on_top++;
    emit(c, SP_COPY, 1);
    pattern(c, p->u.matchas.pattern, pc);
    pc->on_top--;
    pat_store(c, pc, name, p);
}

static void pat_value(C *c, const sp_Node *p, PC *pc) {
    expr(c, p->u.matchvalue.value);
    emit(c, SP_COMPARE_OP, SP_EQ);
    jump_fail(c, pc, SP_POP_JUMP_IF_FALSE);
}

static void pat_singleton(C *c, const sp_Node *p, PC *pc) {
    int v = p->u.matchsingleton.value;
    load_const(c, v == SP_CONST_NONE ? SP_NONEV : sp_bool(v == SP_CONST_TRUE));
    emit(c, SP_IS_OP, 0);
    jump_fail(c, pc, SP_POP_JUMP_IF_FALSE);
}

/* ( seq -- ) len(seq) `op` n, else fail (the subject is kept meanwhile). */
static void len_check(C *c, PC *pc, size_t n, int op) {
    emit0(c, SP_GET_LEN);
    load_const(c, sp_int((int64_t)n));
    emit(c, SP_COMPARE_OP, op);
    jump_fail(c, pc, SP_POP_JUMP_IF_FALSE);
}

/* Every item unpacked onto the stack, then matched in order. */
static void seq_unpack(C *c, const sp_NodeList *l, size_t star, PC *pc) {
    size_t n = l->n;
    if (star < n) {
        size_t after = n - star - 1;
        if (star >= (1u << 8) || after >= (1u << 16))
            return error_at(c, c->loc, "too many expressions in star-unpacking sequence pattern", NULL);
        emit(c, SP_UNPACK_EX, (int64_t)(star | (after << 8)));
    } else {
        emit(c, SP_UNPACK_SEQUENCE, (int64_t)n);
    }
    pc->on_top += (int)n;
    for (size_t i = 0; i < n && !c->err; i++) {
        const sp_Node *x = l->items[i];
        pc->on_top--;
        if (i == star) pat_store(c, pc, x->u.matchstar.name, x);
        else subpattern(c, x, pc);
    }
}

/* With a `*_` only the items that matter are fetched by index (from the
 * end through len(), as the subject may not support negative indexes). */
static void seq_subscr(C *c, const sp_NodeList *l, size_t star, PC *pc) {
    size_t n = l->n;
    pc->on_top++;
    for (size_t i = 0; i < n && !c->err; i++) {
        const sp_Node *x = l->items[i];
        if (i == star || is_wildcard(x)) continue;
        emit(c, SP_COPY, 1);
        if (i < star) {
            load_const(c, sp_int((int64_t)i));
        } else {
            emit0(c, SP_GET_LEN);
            load_const(c, sp_int((int64_t)(n - i)));
            emit(c, SP_BINARY_OP, SP_OP_SUB);
        }
        emit0(c, SP_BINARY_SUBSCR);
        subpattern(c, x, pc);
    }
    pc->on_top--;
    emit0(c, SP_POP_TOP);
}

static void pat_sequence(C *c, const sp_Node *p, PC *pc) {
    const sp_NodeList *l = &p->u.matchseq.patterns;
    size_t n = l->n, star = n;
    bool only_wild = true, star_wild = false;
    for (size_t i = 0; i < n; i++) {
        const sp_Node *x = l->items[i];
        if (x->kind == SP_N_MATCHSTAR) {
            if (star < n) return error_at(c, p, "multiple starred names in sequence pattern", NULL);
            star_wild = !x->u.matchstar.name;
            only_wild &= star_wild;
            star = i;
        } else {
            only_wild &= is_wildcard(x);
        }
    }
    pc->on_top++;
    emit0(c, SP_MATCH_SEQUENCE);
    jump_fail(c, pc, SP_POP_JUMP_IF_FALSE);
    if (star == n) len_check(c, pc, n, SP_EQ);
    else if (n > 1) len_check(c, pc, n - 1, SP_GE);
    pc->on_top--;
    if (only_wild) emit0(c, SP_POP_TOP);
    else if (star_wild) seq_subscr(c, l, star, pc);
    else seq_unpack(c, l, star, pc);
}

/* The keys tuple of a mapping pattern ( -- keys ), checking that literal
 * keys are distinct (by value, as CPython: 1, 1.0 and True collide). */
static void mapping_keys(C *c, const sp_Node *p) {
    const sp_NodeList *keys = &p->u.matchmapping.keys;
    sp_Value seen = sp_set_new(c->vm, &sp_t_set), all = sp_tuple_new(c->vm, keys->n);
    if (sp_iserr(seen) || sp_iserr(all)) return fail(c);
    bool allconst = true;
    for (size_t i = 0; i < keys->n && !c->err; i++) {
        const sp_Node *k = keys->items[i];
        sp_Value v = k->kind == SP_N_ATTRIBUTE ? SP_NULLV : const_of(c, k);
        if (sp_iserr(v)) return fail(c);
        if (sp_isnull(v) && k->kind != SP_N_ATTRIBUTE)
            return error_at(c, k, "mapping pattern keys may only match literals and attribute lookups", NULL);
        if (sp_isnull(v)) {
            allconst = false;
            continue;
        }
        int dup = sp_set_contains(c->vm, seen, v);
        if (dup < 0 || sp_set_add(c->vm, seen, v) < 0) return fail(c);
        if (dup) {
            sp_Value r = sp_repr(c->vm, v);
            if (sp_iserr(r)) return fail(c);
            return error_at(c, p, "mapping pattern checks duplicate key (%s)", SP_STR(r)->data);
        }
        SP_TUPLE(all)->items[i] = v;
    }
    if (allconst) return load_const(c, all);
    exprs(c, keys);
    emit(c, SP_BUILD_TUPLE, (int64_t)keys->n);
}

/* rest = dict(subject) minus the matched keys: ( subject keys -- rest ). */
static void mapping_rest(C *c, size_t n) {
    emit(c, SP_BUILD_MAP, 0);
    emit(c, SP_SWAP, 3);
    emit(c, SP_DICT_UPDATE, 2);
    emit(c, SP_UNPACK_SEQUENCE, (int64_t)n);
    for (size_t k = n; k > 0 && !c->err; k--) {
        emit(c, SP_COPY, (int64_t)k + 1);
        emit(c, SP_SWAP, 2);
        emit0(c, SP_DELETE_SUBSCR);
    }
}

/* ( -- ) fail unless TOS (popped) is not None. */
static void fail_if_none(C *c, PC *pc) {
    emit(c, SP_COPY, 1);
    load_none(c);
    emit(c, SP_IS_OP, 1);
    jump_fail(c, pc, SP_POP_JUMP_IF_FALSE);
}

/* Match the n values on the stack (first on top) against pats in order. */
static void match_values(C *c, const sp_NodeList *pats, size_t first, size_t n, PC *pc) {
    for (size_t i = 0; i < n && !c->err; i++) {
        pc->on_top--;
        const sp_Node *x = pats->items[first + i];
        if (is_wildcard(x)) emit0(c, SP_POP_TOP);
        else subpattern(c, x, pc);
    }
}

static void pat_mapping(C *c, const sp_Node *p, PC *pc) {
    const sp_NodeList *pats = &p->u.matchmapping.patterns;
    const char *rest = p->u.matchmapping.rest;
    size_t n = pats->n;
    pc->on_top++;
    emit0(c, SP_MATCH_MAPPING);
    jump_fail(c, pc, SP_POP_JUMP_IF_FALSE);
    if (!n && !rest) {
        pc->on_top--;
        return emit0(c, SP_POP_TOP);
    }
    if (n) len_check(c, pc, n, SP_GE);
    mapping_keys(c, p);
    emit0(c, SP_MATCH_KEYS);
    pc->on_top += 2;
    fail_if_none(c, pc);
    emit(c, SP_UNPACK_SEQUENCE, (int64_t)n);
    pc->on_top += (int)n - 1;
    for (size_t i = 0; i < n && !c->err; i++) {
        pc->on_top--;
        subpattern(c, pats->items[i], pc);
    }
    pc->on_top -= 2;
    if (!rest) {
        emit0(c, SP_POP_TOP);
        return emit0(c, SP_POP_TOP);
    }
    mapping_rest(c, n);
    pat_store(c, pc, rest, p);
}

/* Keyword attribute names: assignable and distinct. */
static bool check_kwd_attrs(C *c, const sp_Node *p) {
    const sp_NameList *a = &p->u.matchclass.kwd_attrs;
    const sp_NodeList *kp = &p->u.matchclass.kwd_patterns;
    sp_NameTab seen = {0};
    bool ok = true;
    for (size_t i = 0; i < a->n && ok; i++) {
        const sp_Node *sloc = c->loc;
        c->loc = kp->items[i];
        if (forbidden(c, a->items[i], STORE)) ok = false;
        else if (sp_nt_get(&seen, a->items[i]))
            error_at(c, kp->items[i], "attribute name repeated in class pattern: %s", a->items[i]), ok = false;
        else if (!sp_nt_add(c->vm, &seen, a->items[i])) fail(c), ok = false;
        c->loc = sloc;
    }
    sp_nt_free(c->vm, &seen);
    return ok;
}

static void pat_class(C *c, const sp_Node *p, PC *pc) {
    const sp_NameList *attrs = &p->u.matchclass.kwd_attrs;
    size_t npos = p->u.matchclass.patterns.n, nkw = attrs->n;
    if (!check_kwd_attrs(c, p)) return;
    if (npos + nkw >= SP_MAX_OPARG) return error_at(c, p, "too many sub-patterns in class pattern", NULL);
    expr(c, p->u.matchclass.cls);
    sp_Value names = sp_tuple_new(c->vm, nkw);
    if (sp_iserr(names)) return fail(c);
    for (size_t i = 0; i < nkw; i++) {
        sp_Value s = sp_str_intern_cstr(c->vm, attrs->items[i]);
        if (sp_iserr(s)) return fail(c);
        SP_TUPLE(names)->items[i] = s;
    }
    load_const(c, names);
    emit(c, SP_MATCH_CLASS, (int64_t)npos);
    pc->on_top++;
    fail_if_none(c, pc);
    emit(c, SP_UNPACK_SEQUENCE, (int64_t)(npos + nkw));
    pc->on_top += (int)(npos + nkw) - 1;
    match_values(c, &p->u.matchclass.patterns, 0, npos, pc);
    match_values(c, &p->u.matchclass.kwd_patterns, 0, nkw, pc);
}

/* Put the captures of an alternative (on the stack in its own capture
 * order, first on top) into the first alternative's order. */
static void reorder_captures(C *c, const sp_NameTab *control, sp_NameTab *alt) {
    size_t n = alt->n, bytes;
    if (n < 2) return;
    if (!sp_size_mul(c->vm, n, sizeof(char *), &bytes)) return fail(c);
    const char **cur = sp_malloc(c->vm, bytes); /* cur[d]: name at depth d+1 */
    if (!cur) return fail(c);
    for (size_t d = 0; d < n; d++) cur[d] = alt->e[d].name, alt->e[d].flags = (int)d;
    for (size_t k = n - 1; k >= 1 && !c->err; k--) {
        size_t j = (size_t)sp_nt_get(alt, control->e[k].name)->flags;
        if (j == k) continue;
        size_t moves[2] = {j, k};
        for (int m = 0; m < 2; m++) { /* bring it to the top, then down to depth k+1 */
            size_t d = moves[m];
            if (!d) continue;
            emit(c, SP_SWAP, (int64_t)d + 1);
            const char *t = cur[0];
            cur[0] = cur[d], cur[d] = t;
            sp_nt_get(alt, cur[0])->flags = 0;
            sp_nt_get(alt, cur[d])->flags = (int)d;
        }
    }
    sp_free(c->vm, cur, bytes);
}

static bool same_names(const sp_NameTab *a, const sp_NameTab *b) {
    if (a->n != b->n) return false;
    for (size_t i = 0; i < a->n; i++)
        if (!sp_nt_get(b, a->e[i].name)) return false;
    return true;
}

/* One alternative of an OR pattern, on a copy of the subject; the first
 * one's captures become *control.  Jumps to end on success. */
static void or_alt(C *c, const sp_Node *alt, bool first, bool last, PC *pc, sp_NameTab *control,
                   int32_t end) {
    PC sub = {0};
    sub.allow_irrefutable = last && pc->allow_irrefutable;
    c->lineno = alt->lineno;
    emit(c, SP_COPY, 1);
    pattern(c, alt, &sub);
    if (!c->err && first) {
        *control = sub.stores;
        memset(&sub.stores, 0, sizeof sub.stores);
    } else if (!c->err && !same_names(control, &sub.stores)) {
        error_at(c, c->loc, "alternative patterns bind different names", NULL);
    } else {
        reorder_captures(c, control, &sub.stores);
    }
    emit(c, SP_JUMP, end);
    emit_fail_pops(c, &sub);
    pc_free(c, &sub);
}

static void pat_or(C *c, const sp_Node *p, PC *pc) {
    const sp_NodeList *alts = &p->u.matchseq.patterns;
    int32_t end = new_label(c);
    sp_NameTab control = {0};
    int saved = c->lineno;
    for (size_t i = 0; i < alts->n && !c->err; i++)
        or_alt(c, alts->items[i], i == 0, i + 1 == alts->n, pc, &control, end);
    c->lineno = saved;
    emit0(c, SP_POP_TOP); /* no alternative matched */
    jump_fail(c, pc, SP_JUMP);
    bind(c, end);
    /* ( stores.. on_top.. subject captures.. ): move the captures down */
    size_t nrots = control.n + 1 + (size_t)pc->on_top + pc->stores.n;
    for (size_t i = 0; i < control.n && !c->err; i++) {
        rot(c, nrots);
        const char *name = control.e[i].name;
        if (sp_nt_get(&pc->stores, name))
            error_at(c, c->loc, "multiple assignments to name '%s' in pattern", name);
        else if (!sp_nt_add(c->vm, &pc->stores, name))
            fail(c);
    }
    sp_nt_free(c->vm, &control);
    emit0(c, SP_POP_TOP);
}

/* Match the subject on top of the stack (consumed either way).  c->loc
 * is left at the last pattern compiled: CPython reports some errors there. */
static void pattern(C *c, const sp_Node *p, PC *pc) {
    if (c->err || !depth_enter(c)) return;
    int saved = c->lineno;
    c->lineno = p->lineno;
    c->loc = p;
    switch (p->kind) {
    case SP_N_MATCHVALUE: pat_value(c, p, pc); break;
    case SP_N_MATCHSINGLETON: pat_singleton(c, p, pc); break;
    case SP_N_MATCHSEQUENCE: pat_sequence(c, p, pc); break;
    case SP_N_MATCHMAPPING: pat_mapping(c, p, pc); break;
    case SP_N_MATCHCLASS: pat_class(c, p, pc); break;
    case SP_N_MATCHAS: pat_as(c, p, pc); break;
    case SP_N_MATCHOR: pat_or(c, p, pc); break;
    default: error_at(c, p, "invalid syntax", NULL); break; /* a star outside a sequence */
    }
    c->lineno = saved;
    c->depth--;
}

/* One case; keep: the subject stays for later cases (popped on success). */
static void match_case(C *c, const sp_Node *m, bool keep, bool last, int32_t end) {
    const sp_Node *pat = m->u.match_case.pattern, *guard = m->u.match_case.guard;
    PC pc = {0};
    pc.allow_irrefutable = guard || last;
    c->lineno = pat->lineno;
    if (keep) emit(c, SP_COPY, 1);
    pattern(c, pat, &pc);
    for (size_t k = 0; k < pc.stores.n && !c->err; k++) nameop(c, pc.stores.e[k].name, STORE);
    if (guard) jump_if(c, guard, false, fail_label(c, &pc, 0));
    if (keep) emit0(c, SP_POP_TOP);
    stmts(c, &m->u.match_case.body);
    emit(c, SP_JUMP, end);
    c->lineno = pat->lineno;
    emit_fail_pops(c, &pc);
    pc_free(c, &pc);
}

/* The subject is evaluated once; a trailing `case _:` needs no copy. */
static void match_(C *c, const sp_Node *s) {
    const sp_NodeList *cases = &s->u.match.cases;
    size_t n = cases->n;
    if (!n) return internal(c, "match without cases");
    int32_t end = new_label(c);
    expr(c, s->u.match.subject);
    const sp_Node *dflt = cases->items[n - 1];
    bool has_default = n > 1 && is_wildcard(dflt->u.match_case.pattern);
    size_t ncase = n - has_default;
    for (size_t i = 0; i < ncase && !c->err; i++)
        match_case(c, cases->items[i], i + 1 != ncase, i + 1 == n, end);
    if (has_default) {
        c->lineno = dflt->u.match_case.pattern->lineno;
        if (dflt->u.match_case.guard) jump_if(c, dflt->u.match_case.guard, false, end);
        stmts(c, &dflt->u.match_case.body);
    }
    bind(c, end);
}

static void stmt_(C *c, const sp_Node *s) {
    switch (s->kind) {
    case SP_N_FUNCTIONDEF: return funcdef(c, s);
    case SP_N_CLASSDEF: return classdef(c, s);
    case SP_N_RETURN: return return_(c, s);
    case SP_N_DELETE:
        for (size_t i = 0; i < s->u.del.targets.n; i++) del_target(c, s->u.del.targets.items[i]);
        return;
    case SP_N_ASSIGN: return assign(c, s);
    case SP_N_AUGASSIGN: return augassign(c, s);
    case SP_N_ANNASSIGN: return annassign(c, s);
    case SP_N_FOR: return for_(c, s);
    case SP_N_WHILE: return while_(c, s);
    case SP_N_IF: return if_(c, s);
    case SP_N_WITH:
        if (s->u.with.is_async) return error_at(c, s, "'async with' is not supported", NULL);
        return with_(c, s, 0);
    case SP_N_MATCH: return match_(c, s);
    case SP_N_RAISE: return raise_(c, s);
    case SP_N_TRY:
        if (s->u.try_.is_star) return error_at(c, s, "'except*' is not supported", NULL);
        if (s->u.try_.finalbody.n) return try_finally(c, s);
        return try_except(c, s);
    case SP_N_ASSERT: return assert_(c, s);
    case SP_N_IMPORT: return import_(c, s);
    case SP_N_IMPORTFROM: return importfrom(c, s);
    case SP_N_EXPR:
        if (s->u.expr.value->kind == SP_N_CONSTANT) return; /* no effect */
        expr(c, s->u.expr.value);
        return emit0(c, SP_POP_TOP);
    case SP_N_BREAK: return loop_exit(c, s, true);
    case SP_N_CONTINUE: return loop_exit(c, s, false);
    default: return; /* pass, global, nonlocal */
    }
}

static void stmt(C *c, const sp_Node *s) {
    if (c->err || !depth_enter(c)) return;
    if (!sp_check_limits(c->vm)) {
        c->depth--;
        return fail(c);
    }
    int saved = c->lineno;
    const sp_Node *sloc = c->loc;
    c->lineno = s->lineno;
    c->loc = s;
    stmt_(c, s);
    c->lineno = saved;
    c->loc = sloc;
    c->depth--;
}

static void stmts(C *c, const sp_NodeList *l) {
    for (size_t i = 0; i < l->n && !c->err; i++) stmt(c, l->items[i]);
}

/* ------------------------------------------------------------ module */

static sp_Value module(C *c, const sp_Node *mod) {
    const sp_NodeList *body = &mod->u.module.body;
    if (!unit_push_nm(c, U_MODULE, mod, SP_NM_module)) return SP_ERRV;
    size_t i = 0;
    if (is_docstring(body)) {
        c->lineno = body->items[0]->lineno;
        expr(c, body->items[0]->u.expr.value);
        if (body->n > 1) nameop(c, "__doc__", STORE);
        else emit(c, SP_COPY, 1), nameop(c, "__doc__", STORE), emit0(c, SP_RETURN_VALUE);
        i = 1;
    }
    for (; i < body->n && !c->err; i++) {
        const sp_Node *s = body->items[i];
        if (i + 1 == body->n && s->kind == SP_N_EXPR) {
            /* the run result: the value of a final expression statement */
            c->lineno = s->lineno;
            expr(c, s->u.expr.value);
            emit0(c, SP_RETURN_VALUE);
        } else {
            stmt(c, s);
        }
    }
    sp_Value code = unit_code(c);
    unit_free(c, unit_pop(c));
    return code;
}

sp_Value sp_compile(sp_VM *vm, const char *src, size_t n, const char *filename) {
    sp_Arena ast;
    sp_arena_init(&ast, vm);
    sp_Node *mod = sp_parse(vm, &ast, src, n, filename);
    if (!mod) {
        sp_arena_free(&ast);
        return SP_ERRV;
    }
    C c;
    memset(&c, 0, sizeof c);
    c.vm = vm;
    c.filename = filename;
    c.src = src;
    c.n = n;
    c.lineno = 1;
    c.future_ann = future_annotations(mod);
    c.arena = &ast; /* AST, scopes and names: one arena, freed at once */
    sp_Value res = SP_ERRV;
    if (sp_symtable_build(&c.st, vm, &ast, mod, filename, src, n)) {
        c.filename_v = sp_str_cstr(vm, filename);
        c.source_v = sp_str_from(vm, src, n, mod->u.module.nchars); /* counted by sp_parse */
        if (!sp_iserr(c.filename_v) && !sp_iserr(c.source_v)) res = module(&c, mod);
    }
    while (c.u) unit_free(&c, unit_pop(&c));
    sp_symtable_free(&c.st);
    sp_arena_free(&ast);
    return c.err ? SP_ERRV : res;
}
