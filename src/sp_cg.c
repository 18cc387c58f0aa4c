/* sp_cg.c - the code generator's core shared by both compilers (see
 * sp_cg.h): tables, emitting with depth tracking, labels, units. */
#include "sp_cg.h"
#include "sp_names.h"

#include <stdio.h>

void sp_cg_internal(C *c, const char *what) {
    if (c->err) return;
    sp_raise(c->vm, &sp_t_SystemError, "compiler: %s", what);
    c->err = true;
}

/* ------------------------------------------------------------ tables */

/* Past the first block (sp_cg_first_cap): to the heap, doubling. */
bool sp_cg_grow_slow(C *c, void **p, size_t *cap, size_t need, size_t elsize) {
    size_t nc = *cap ? *cap * 2 : sp_cg_first_cap(elsize), bytes;
    while (nc < need) nc *= 2;
    if (!sp_size_mul(c->vm, nc, elsize, &bytes)) return false;
    void *np;
    if (nc == sp_cg_first_cap(elsize)) {
        np = sp_arena_raw(c->arena, bytes);
    } else if (*cap == sp_cg_first_cap(elsize)) {
        if ((np = sp_malloc(c->vm, bytes))) memcpy(np, *p, *cap * elsize), c->nheap++;
    } else {
        np = sp_realloc(c->vm, *p, *cap * elsize, bytes);
        if (np && !*cap) c->nheap++;
    }
    if (!np) return false;
    *p = np;
    *cap = nc;
    return true;
}

static uint32_t val_hash(sp_Value v) {
    uint64_t x = (uint64_t)v.u.i ^ ((uint64_t)v.tag << 59);
    x ^= x >> 31;
    x *= 0x9E3779B97F4A7C15u;
    return (uint32_t)(x >> 32);
}


int32_t sp_cg_vt_add_slow(C *c, ValTab *t, sp_Value v) {
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
    if (t->n >= SP_MAX_OPARG) return sp_cg_internal(c, "too many constants"), -1;
    if (!grow(c, (void **)&t->v, &t->cap, t->n + 1, sizeof(sp_Value))) return fail(c), -1;
    if (t->n + 1 <= VT_SCAN) {
        t->v[t->n] = v;
        t->seen |= (uint64_t)1 << vt_bit(v);
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
        else c->nheap++;
        t->idx = idx;
        t->icap = ni;
    }
    size_t i = h & (t->icap - 1);
    while (t->idx[i] >= 0) i = (i + 1) & (t->icap - 1);
    t->idx[i] = (int32_t)t->n;
    t->v[t->n] = v;
    return (int32_t)t->n++;
}

/* Forget the entries from n on (a folded display takes its items back).
 * seen keeps their bits: a bit only ever means "maybe there". */
void sp_cg_vt_truncate(C *c, ValTab *t, size_t n) {
    if (n >= t->n) return;
    t->n = n;
    if (!t->icap) return;
    if (n <= VT_SCAN) { /* back to a scanned table, as it was at n */
        sp_free(c->vm, t->idx, t->icap * sizeof(int32_t));
        t->idx = NULL, t->icap = 0;
        c->nheap--;
        return;
    }
    for (size_t i = 0; i < t->icap; i++) t->idx[i] = -1;
    for (size_t k = 0; k < n; k++) {
        size_t i = val_hash(t->v[k]) & (t->icap - 1);
        while (t->idx[i] >= 0) i = (i + 1) & (t->icap - 1);
        t->idx[i] = (int32_t)k;
    }
}

static inline void vt_free(C *c, ValTab *t) {
    sp_cg_grow_free(c, t->v, t->cap, sizeof(sp_Value));
    if (t->idx) sp_free(c->vm, t->idx, t->icap * sizeof(int32_t)), c->nheap--;
}

/* The entry of name in a name table, added at the end if new (its index
 * in flags). */
static sp_NEnt *nt_entry(C *c, sp_NameTab *t, const char *name) {
    if (c->err) return NULL;
    size_t n = t->n;
    sp_NEnt *e = sp_nt_add(c->vm, t, name);
    if (!e) return fail(c), NULL;
    if (t->n != n) e->flags = (int)n; /* new */
    return e;
}

int32_t sp_cg_nt_index(C *c, sp_NameTab *t, const char *name) {
    sp_NEnt *e = nt_entry(c, t, name);
    return e ? e->flags : -1;
}

static __attribute__((noinline)) int32_t nt_index_slow(C *c, sp_NameTab *t, sp_Str *name) {
    sp_NEnt *e = nt_entry(c, t, name->data);
    if (!e) return -1;
    if (!e->str) e->str = name;
    return e->flags;
}

/* Interned strs are equal when their pointers are: a small table whose
 * entries all carry their str (the quick compiler's) is searched by
 * pointer, and a new name is appended with no search by text. */
int32_t sp_cg_nt_index_str(C *c, sp_NameTab *t, sp_Str *name) {
    size_t n = t->n;
    if (c->err || t->icap || n >= t->cap || n >= SP_NT_SCAN) return nt_index_slow(c, t, name);
    for (size_t k = 0; k < n; k++) {
        if (t->e[k].str == name) return t->e[k].flags;
        if (!t->e[k].str) return nt_index_slow(c, t, name);
    }
    sp_NEnt *e = sp_nt_push(c->vm, t, name->data); /* with room: no call, never NULL */
    e->flags = (int)n, e->str = name;
    return (int32_t)n;
}

int32_t sp_cg_nt_fresh(C *c, sp_NameTab *t, const char *name, sp_Str *str) {
    if (c->err) return -1;
    size_t n = t->n;
    sp_NEnt *e = sp_nt_push(c->vm, t, name);
    if (!e) return fail(c), -1;
    e->flags = (int)n, e->str = str;
    return (int32_t)n;
}

int32_t sp_cg_name_index(C *c, const char *name) {
    if (c->err) return -1;
    return vt_add(c, &c->u->names, sp_str_intern_cstr(c->vm, name));
}
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

/* Depths d, b arrive at label l (by a jump or by falling through). */
static void meet(Unit *u, uint32_t l, int d, int b) {
    Label *lb = &u->labels[l];
    if (lb->depth == LBL_UNSET) lb->depth = d, lb->blocks = b;
    else if (lb->depth != d || lb->blocks != b) u->depth_lost = true;
}

/* How an instruction moves control, for the depths and for linking
 * jumps: the jumps (whose argument, as emitted, is a label) come last. */
enum { FL_PLAIN, FL_END, FL_POP_BLOCK, FL_PUSH_BLOCK, FL_JUMP, FL_POP_JUMP, FL_OR_POP, FL_FOR_ITER, FL_SETUP,
       FL_SEND };
static const uint8_t flow[SP_NOPCODES_] = {
    [SP_RETURN_VALUE] = FL_END, [SP_RAISE_VARARGS] = FL_END, [SP_RERAISE] = FL_END,
    [SP_POP_BLOCK] = FL_POP_BLOCK, [SP_POP_EXCEPT] = FL_POP_BLOCK, [SP_COMP_EXIT] = FL_POP_BLOCK,
    [SP_COMP_ENTER] = FL_PUSH_BLOCK,
    [SP_JUMP] = FL_JUMP, [SP_POP_JUMP_IF_FALSE] = FL_POP_JUMP, [SP_POP_JUMP_IF_TRUE] = FL_POP_JUMP,
    [SP_JUMP_IF_FALSE_OR_POP] = FL_OR_POP, [SP_JUMP_IF_TRUE_OR_POP] = FL_OR_POP,
    [SP_FOR_ITER] = FL_FOR_ITER, [SP_SETUP_FINALLY] = FL_SETUP, [SP_SEND_FROM] = FL_SEND,
};

/* push + 1 for op with argument a as its quick[] entry says, 0: the entry
 * does not say. */
static int quick_push1(const sp_CgQuick *q, uint32_t a) {
    if (q->push1) return q->push1;
    return (q->flags & SP_QARG0) && a ? 0 : q->flags & 15;
}

/* The opcode whose quick[] entry disagrees with sp_op_effect, or -1 (a
 * check for tests/c/test_compile.c: the table is a copy for speed). */
int sp_compile_quick_mismatch(void) {
    for (int op = 0; op < SP_NOPCODES_; op++) {
        const sp_CgQuick *q = &sp_cg_quick[op];
        if (q->push1 ? q->flags != 0 && (q->flags != -1 || flow[op] != FL_END) : q->flags < 0) return op;
        for (uint32_t a = 0; quick_push1(q, 0) && a < 4; a++) {
            int pop, push;
            if (!sp_op_effect(SP_INSTR(op, a), &pop, &push) || pop != q->base + q->per * (int)a ||
                push + 1 != quick_push1(q, a))
                return op;
            if (!q->per) break; /* the argument does not count (or only 0 is in the table; valid for every such op) */
        }
    }
    return -1;
}

/* The jump just emitted (op, to label l) gets the label's pc, or waits in
 * its chain. */
static void link_jump(Unit *u, uint32_t op, uint32_t l) {
    Label *lb = &u->labels[l];
    size_t pc = u->ncode - 1;
    if (lb->pc >= 0) {
        u->code[pc] = SP_INSTR(op, (uint32_t)lb->pc);
        return;
    }
    u->code[pc] = SP_INSTR(op, lb->chain & SP_MAX_OPARG); /* cut only in code too large anyway */
    lb->chain = (uint32_t)pc + 1;
    u->npend++;
}

/* sp_op_effect for an op the table lacks: pops << 32 | pushes (pops
 * INT_MAX: invalid).  Apart, so that the caller keeps no locals in memory. */
static __attribute__((noinline)) int64_t effect(uint32_t w) {
    int pop = 0, push = 0;
    if (!sp_op_effect(w, &pop, &push)) pop = INT_MAX;
    return (int64_t)pop << 32 | (uint32_t)push;
}

/* The depths before an instruction are never above the maxima (each was
 * reached), so only a push or a new block can raise them. */
void sp_cg_track_slow(Unit *u, uint32_t w) {
    uint32_t op = SP_OPCODE(w), a = SP_OPARG(w);
    const sp_CgQuick *q = &sp_cg_quick[op];
    int f = flow[op];
    if (f >= FL_JUMP) link_jump(u, op, a);
    int d = u->depth;
    if (d < 0) return; /* unreachable: the verifier skips it too */
    int pop = q->base + q->per * (int)a, push = quick_push1(q, a) - 1;
    if (push < 0) {
        int64_t e = effect(w);
        pop = (int)(e >> 32), push = (int)(uint32_t)e;
    }
    if (pop > d) {
        u->depth_lost = true;
        return;
    }
    int nd = d - pop + push, b = u->blocks;
    switch (f) {
    case FL_END: nd = -1; break;
    case FL_JUMP: meet(u, a, d, b), nd = -1; break;
    case FL_POP_JUMP: meet(u, a, nd, b); break;
    case FL_OR_POP: meet(u, a, d, b); break;
    case FL_FOR_ITER: meet(u, a, d - 1, b); break;
    case FL_SETUP: /* its handler is reached with (prev exc) pushed, inside its block */
        meet(u, a, d + 2, b + 1);
        if (d + 2 > u->maxdepth) u->maxdepth = d + 2;
        /* fall through - it pushes a block too */
    case FL_PUSH_BLOCK:
        if (++b > u->maxblocks) u->maxblocks = b;
        break;
    case FL_POP_BLOCK:
        if (--b < 0) u->depth_lost = true;
        break;
    default: break; /* SEND_FROM: its label is the next instruction, reached by falling through */
    }
    u->depth = nd, u->blocks = b;
    if (nd > u->maxdepth) u->maxdepth = nd;
}

/* ------------------------------------------------------------ emitting */

/* The line table is written as instructions are emitted: a new run when
 * the line changes (as sp_code_new would derive it from per-instruction
 * lines).  The first run is implied while it is the only one (nruns 0):
 * it starts at 0, on runline, which a unit opens with at its first line,
 * mostly its first instruction's, so that the first emit is not a slow
 * one.  (runline and nruns are all there is of it: a compiler that takes
 * instructions back restores the two.) */
static void set_run(Unit *u, size_t r, size_t pc, int line) {
    u->runs[2 * r] = (uint32_t)pc;
    u->runs[2 * r + 1] = (uint32_t)(line < 0 ? 0 : line);
    u->nruns = r + 1;
}

static bool new_run(C *c, Unit *u) {
    if (u->ncode) { /* else the implied first run moves to this line */
        if (!u->nruns) set_run(u, 0, 0, u->runline);
        if (!grow(c, (void **)&u->runs, &u->capruns, 2 * u->nruns + 2, sizeof(uint32_t))) return false;
        set_run(u, u->nruns, u->ncode, c->lineno);
    }
    u->runline = c->lineno;
    return true;
}

/* Growing the code array, a new line run and the errors. */
void sp_cg_emit_slow(C *c, int op, int64_t arg) {
    if (c->err) return;
    Unit *u = c->u;
    if (arg < 0 || arg > (int64_t)SP_MAX_OPARG) return sp_cg_internal(c, "argument out of range");
    if (!grow(c, (void **)&u->code, &u->capcode, u->ncode + 1, sizeof(uint32_t)) ||
        (c->lineno != u->runline && !new_run(c, u)))
        return fail(c);
    uint32_t w = SP_INSTR(op, (uint32_t)arg);
    u->code[u->ncode++] = w;
    track(u, w);
}

/* Apart, so that the inline path keeps nothing across a call. */
static __attribute__((noinline)) void load_const_slow(C *c, sp_Value v) {
    emit(c, SP_LOAD_CONST, sp_cg_vt_add_slow(c, &c->u->consts, v));
}

/* vt_add and emit for a constant. */
void sp_cg_load_const(C *c, sp_Value v) {
    Unit *u = c->u;
    size_t n = u->consts.n;
    if (c->err || n >= VT_SCAN || sp_iserr(v)) return load_const_slow(c, v);
    int32_t k = const_put(&u->consts, n, v);
    if (u->ncode >= u->capcode || c->lineno != u->runline) return sp_cg_emit_slow(c, SP_LOAD_CONST, k);
    uint32_t w = SP_INSTR(SP_LOAD_CONST, (uint32_t)k);
    u->code[u->ncode++] = w;
    track(u, w);
}

void sp_cg_first_const(C *c, sp_Value v) {
    ValTab *t = &c->u->consts;
    if (c->err || t->n || sp_iserr(v)) sp_cg_vt_add_slow(c, t, v);
    else const_put(t, 0, v);
}

/* Apart (and a tail call), so that sp_cg_label saves no registers. */
static __attribute__((noinline)) int32_t label_grow(C *c) {
    Unit *u = c->u;
    if (!sp_cg_grow_slow(c, (void **)&u->labels, &u->caplabels, u->nlabels + 1, sizeof(Label))) return fail(c), -1;
    return sp_cg_label(c);
}

int32_t sp_cg_label(C *c) {
    Unit *u = c->u;
    if (c->err) return -1;
    if (u->nlabels >= u->caplabels) return label_grow(c);
    u->labels[u->nlabels] = (Label){-1, LBL_UNSET, 0, 0};
    return (int32_t)u->nlabels++;
}

void sp_cg_bind(C *c, int32_t l) {
    if (c->err) return;
    Unit *u = c->u;
    Label *lb = &u->labels[l];
    if (lb->pc >= 0) return sp_cg_internal(c, "label bound twice"); /* its jumps were patched */
    lb->pc = (int32_t)u->ncode;
    u->boundat = u->ncode + 1;
    for (uint32_t at = lb->chain, next; at; at = next) {
        uint32_t w = u->code[at - 1];
        u->code[at - 1] = SP_INSTR(SP_OPCODE(w), (uint32_t)lb->pc);
        u->npend--;
        if ((next = SP_OPARG(w)) >= at) break; /* links go back: else the code is too large (cut links) */
    }
    if (u->depth >= 0) {
        meet(u, (uint32_t)l, u->depth, u->blocks);
    } else if (lb->depth >= 0) {
        u->depth = lb->depth, u->blocks = lb->blocks;
    } else {
        lb->depth = LBL_DEAD;
    }
}

/* ------------------------------------------------------------ units */

/* Every unit has code, a line run and a constant, most have names,
 * labels and locals: their first blocks (grow's and sp_nt_add's first
 * capacities, so grow_free leaves them) follow it, in one piece that a
 * spare unit still has. */
#define UNIT_BYTES                                                                                          \
    (sizeof(Unit) + 2 * sp_cg_first_cap(sizeof(sp_Value)) * sizeof(sp_Value) +                              \
     2 * sp_cg_first_cap(sizeof(uint32_t)) * sizeof(uint32_t) + sp_cg_first_cap(sizeof(Label)) * sizeof(Label) + \
     SP_NT_FIRST * sizeof(sp_NEnt))

/* A new unit when the arena's chunk is full: made a spare, then opened. */
static __attribute__((noinline)) Unit *unit_open_grow(C *c, int kind, int firstline, const char *name, int nm) {
    Unit *u = sp_arena_raw(c->arena, UNIT_BYTES);
    if (!u) return fail(c), NULL;
    u->parent = c->spare;
    c->spare = u;
    return sp_cg_unit_open(c, kind, firstline, name, nm);
}

/* Units live in the arena and are reused: as many as the deepest nesting,
 * not one per function.  Every field but fb is set here, one by one: a
 * memset of the 400-odd bytes (a `rep stos`) cost as much as the rest of
 * the function.  Nothing here calls (the arena's fast path is certain), so
 * nothing is saved. */
Unit *sp_cg_unit_open(C *c, int kind, int firstline, const char *name, int nm) {
    if (c->err) return NULL;
    size_t ci = sp_cg_first_cap(sizeof(uint32_t)), cv = sp_cg_first_cap(sizeof(sp_Value));
    size_t cl = sp_cg_first_cap(sizeof(Label));
    Unit *u = c->spare;
    if (u) c->spare = u->parent;
    else if (UNIT_BYTES > (size_t)(c->arena->end - c->arena->p)) return unit_open_grow(c, kind, firstline, name, nm);
    else u = sp_arena_raw(c->arena, UNIT_BYTES);
    _Static_assert(sizeof(Unit) % _Alignof(sp_Value) == 0, "the first blocks follow the unit, aligned");
    sp_Value *first = (sp_Value *)(u + 1);
    _Static_assert(sizeof(void *) != 8 || offsetof(Unit, fb) == 440, "a new Unit field: set it in sp_cg_unit_open");
    u->parent = c->u, u->scope = NULL;
    u->kind = kind;
    u->name = name, u->qualname = NULL;
    u->private_ = kind == U_CLASS ? name : c->u ? c->u->private_ : NULL;
    u->code = (uint32_t *)(first + 2 * cv), u->ncode = 0, u->capcode = ci;
    u->runs = u->code + ci, u->nruns = 0, u->capruns = ci;
    u->firstline = firstline ? firstline : 1;
    u->runline = u->firstline;
    u->labels = (Label *)(u->runs + ci), u->nlabels = 0, u->caplabels = cl;
    u->depth = u->blocks = u->maxdepth = u->maxblocks = 0;
    u->depth_lost = false;
    u->npend = u->boundat = 0;
    u->serial = c->nunits++;
    u->nm = nm;
    u->consts = (ValTab){first, 0, cv, NULL, 0, 0};
    u->names = (ValTab){first + cv, 0, cv, NULL, 0, 0};
    u->varnames = (sp_NameTab){(sp_NEnt *)(u->labels + cl), 0, SP_NT_FIRST, NULL, 0, c->arena};
    u->cells = (sp_NameTab){NULL, 0, 0, NULL, 0, c->arena};
    u->frees = (sp_NameTab){NULL, 0, 0, NULL, 0, c->arena};
    u->nfb = u->argcount = u->posonly = u->kwonly = 0;
    u->flags = kind == U_MODULE ? SP_CO_MODULE : kind == U_CLASS ? SP_CO_CLASS : 0;
    c->u = u;
    return u;
}

/* What grow put on the heap (apart: sp_cg_unit_free saves no registers). */
static __attribute__((noinline)) void unit_free_heap(C *c, Unit *u) {
    sp_cg_grow_free(c, u->code, u->capcode, sizeof(uint32_t));
    sp_cg_grow_free(c, u->runs, u->capruns, sizeof(uint32_t));
    sp_cg_grow_free(c, u->labels, u->caplabels, sizeof(Label));
    vt_free(c, &u->consts);
    vt_free(c, &u->names);
    u->parent = c->spare;
    c->spare = u;
}

/* A snippet's units never leave their first blocks: nothing on the heap,
 * nothing to look at. */
void sp_cg_unit_free(C *c, Unit *u) {
    if (c->nheap) return unit_free_heap(c, u);
    u->parent = c->spare;
    c->spare = u;
}

/* Code that may fall off its end, or a label there (bound last: labels
 * are bound in the order of their pcs). */
static bool needs_implicit_return(Unit *u) {
    if (!u->ncode) return true;
    int last = SP_OPCODE(u->code[u->ncode - 1]);
    return (last != SP_RETURN_VALUE && last != SP_RERAISE && last != SP_RAISE_VARARGS && last != SP_JUMP) ||
           u->boundat == u->ncode + 1;
}

/* The interned str of a name: one-character names and ".0" (every
 * comprehension's argument) are static strs found without hashing. */
static sp_Value intern_name(C *c, const char *s) {
    if (s[0] && !s[1] && (uint8_t)s[0] < 0x80) return sp_objv((sp_Str *)(uintptr_t)&sp_chars[(uint8_t)s[0]]);
    if (s[0] == '.' && s[1] == '0' && !s[2]) return sp_objv(SP_NAME(dot0));
    return sp_str_intern_cstr(c->vm, s);
}

/* The interned str of every entry of a name table, kept in the entry:
 * done before the code object exists, whose arrays are then written with
 * nothing left to fail. */
static bool intern_entries_(C *c, sp_NameTab *t) {
    for (size_t k = 0; k < t->n; k++) {
        if (t->e[k].str) continue;
        sp_Value s = intern_name(c, t->e[k].name);
        if (sp_iserr(s)) return false;
        t->e[k].str = SP_STR(s);
    }
    return true;
}

/* Most tables are empty (cells, frees): no call then. */
static inline bool intern_entries(C *c, sp_NameTab *t) { return !t->n || intern_entries_(c, t); }

static void put_names(sp_Str **dst, const sp_NameTab *t) {
    for (size_t k = 0; k < t->n; k++) dst[t->e[k].flags] = t->e[k].str;
}

/* The unit's arrays and fields into the code object sp_code_alloc made. */
static void fill_code(C *c, const Unit *u, sp_Code *co) {
    memcpy(co->code, u->code, u->ncode * sizeof *u->code);
    for (size_t r = 0; r < u->nruns; r++) /* a run or two: no call, a pair a move */
        memcpy(co->linetab + 2 * r, u->runs + 2 * r, 2 * sizeof *u->runs);
    memcpy(co->consts, u->consts.v, u->consts.n * sizeof *u->consts.v);
    for (size_t i = 0; i < u->names.n; i++) co->names[i] = SP_STR(u->names.v[i]); /* interned by name_index */
    put_names(co->localnames, &u->varnames);
    put_names(co->localnames + u->varnames.n, &u->cells);
    put_names(co->localnames + u->varnames.n + u->cells.n, &u->frees);
    co->argcount = u->argcount, co->posonlyargcount = u->posonly, co->kwonlyargcount = u->kwonly;
    co->flags = u->flags, co->firstline = u->firstline;
    co->filename = SP_STR(c->filename_v), co->source = c->source_v;
}

sp_Value sp_cg_unit_code(C *c) {
    Unit *u = c->u;
    if (needs_implicit_return(u)) {
        load_none(c);
        emit0(c, SP_RETURN_VALUE);
    }
    if (c->err) return SP_ERRV;
    if (u->npend) return sp_cg_internal(c, "unbound label"), SP_ERRV;
    if (!u->nruns) set_run(u, 0, 0, u->runline); /* there is an instruction: the room too */
    /* A top-level unit's qualname is its name (the same pointer): share the str. */
    sp_Value name = u->nm ? sp_objv((sp_Str *)(uintptr_t)&sp_names[u->nm]) : intern_name(c, u->name);
    sp_Value qual = u->qualname == u->name ? name : sp_str_cstr(c->vm, u->qualname);
    if (sp_iserr(name) || sp_iserr(qual) || !intern_entries(c, &u->varnames) || !intern_entries(c, &u->cells) ||
        !intern_entries(c, &u->frees))
        return fail(c), SP_ERRV;
    sp_CodeShape sh = {.ncode = u->ncode, .nruns = u->nruns, .nconsts = u->consts.n, .nnames = u->names.n,
                       .nlocals = u->varnames.n, .ncells = u->cells.n, .nfree = u->frees.n};
    sp_Code *co = sp_code_alloc(c->vm, &sh, SP_STR(name));
    if (!co) return fail(c), SP_ERRV;
    fill_code(c, u, co);
    co->qualname = SP_STR(qual);
    sp_Value res = sp_code_seal(c->vm, co, !u->depth_lost, u->maxdepth, u->maxblocks);
    if (sp_iserr(res)) fail(c);
    return res;
}

/* ------------------------------------------------------------ constants */

sp_Value sp_cg_int(C *c, const char *s, size_t len, int base, int lineno) {
    if (base == 10 && len > SP_INT_MAX_STR_DIGITS) {
        char msg[320];
        snprintf(msg, sizeof msg,
                 "Exceeds the limit (%d digits) for integer string conversion: value has %zu digits; "
                 "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for "
                 "huge integer literals to avoid decimal conversion limits.",
                 SP_INT_MAX_STR_DIGITS, len);
        sp_Value exc = sp_syntax_error(c->vm, c->filename, lineno, 0, msg);
        if (!sp_iserr(exc)) sp_raisev(c->vm, exc);
        return SP_ERRV;
    }
    /* most literals are a few decimal digits: skip the bignum parser */
    if (base == 10 && len > 0 && len <= 18) {
        int64_t v = 0;
        size_t i = 0;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) v = v * 10 + (s[i] - '0');
        if (i == len) return sp_int(v);
    }
    return sp_int_from_str(c->vm, s, len, base);
}

/* -v for the literal v of `-1`, `-1.5` (CPython folds these). */
sp_Value sp_cg_neg(C *c, sp_Value v) {
    if (sp_isint(v) && v.u.i != INT64_MIN) v.u.i = -v.u.i;
    else if (sp_isfloat(v)) v.u.f = -v.u.f;
    else if (!sp_iserr(v)) v = sp_unop(c->vm, SP_UOP_NEG, v);
    return v;
}

/* frozenset(tuple(frozenset(items))), built the way CPython's compiler
 * builds a constant set display (fold, then merge_consts re-creates the
 * frozenset), so that iteration order matches CPython exactly. */
sp_Value sp_cg_frozenset(C *c, sp_Value items) {
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

