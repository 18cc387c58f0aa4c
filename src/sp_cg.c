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

/* Every emit checks room: the check is inline, the growing is not.
 * Instruction arrays start at 32 entries, enough for a snippet.  That
 * first block comes from the arena (a bump, freed with the AST), so a
 * snippet's compile makes no heap calls for its arrays; an array that
 * outgrows it moves to the heap.  A capacity of exactly first_cap means
 * "in the arena": grow_free leaves such a block alone. */
static size_t first_cap(size_t elsize) { return elsize <= 4 ? 32 : 8; }

bool sp_cg_grow_slow(C *c, void **p, size_t *cap, size_t need, size_t elsize) {
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

void sp_cg_grow_free(C *c, void *p, size_t cap, size_t elsize) {
    if (p && cap != first_cap(elsize)) sp_free(c->vm, p, cap * elsize);
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

/* Forget the entries from n on (a folded display takes its items back). */
void sp_cg_vt_truncate(C *c, ValTab *t, size_t n) {
    if (n >= t->n) return;
    t->n = n;
    if (!t->icap) return;
    if (n <= VT_SCAN) { /* back to a scanned table, as it was at n */
        sp_free(c->vm, t->idx, t->icap * sizeof(int32_t));
        t->idx = NULL, t->icap = 0;
        return;
    }
    for (size_t i = 0; i < t->icap; i++) t->idx[i] = -1;
    for (size_t k = 0; k < n; k++) {
        size_t i = val_hash(t->v[k]) & (t->icap - 1);
        while (t->idx[i] >= 0) i = (i + 1) & (t->icap - 1);
        t->idx[i] = (int32_t)k;
    }
}

static void vt_free(C *c, ValTab *t) {
    sp_cg_grow_free(c, t->v, t->cap, sizeof(sp_Value));
    if (t->idx) sp_free(c->vm, t->idx, t->icap * sizeof(int32_t));
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

int32_t sp_cg_nt_index_str(C *c, sp_NameTab *t, sp_Str *name) {
    sp_NEnt *e = nt_entry(c, t, name->data);
    if (!e) return -1;
    if (!e->str) e->str = name;
    return e->flags;
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
const uint8_t sp_cg_quick[SP_NOPCODES_] = {
    [SP_POP_TOP] = QK(1, 0), [SP_COPY] = QK(0, 1), [SP_LOAD_CONST] = QK(0, 1),
    [SP_LOAD_FAST] = QK(0, 1), [SP_STORE_FAST] = QK(1, 0), [SP_LOAD_DEREF] = QK(0, 1),
    [SP_STORE_DEREF] = QK(1, 0), [SP_LOAD_GLOBAL] = QK(0, 1), [SP_STORE_GLOBAL] = QK(1, 0),
    [SP_LOAD_NAME] = QK(0, 1), [SP_STORE_NAME] = QK(1, 0), [SP_LOAD_ATTR] = QK(1, 1),
    [SP_STORE_ATTR] = QK(2, 0), [SP_LOAD_METHOD] = QK(1, 2), [SP_BINARY_SUBSCR] = QK(2, 1),
    [SP_STORE_SUBSCR] = QK(3, 0), [SP_GET_ITER] = QK(1, 1), [SP_LIST_APPEND] = QK(1, 0),
    [SP_SET_ADD] = QK(1, 0), [SP_MAP_ADD] = QK(2, 0), [SP_LOAD_CLOSURE] = QK(0, 1),
    /* an argument the compiler gives is always valid: only its effect counts */
    [SP_BINARY_OP] = QK(2, 1), [SP_COMPARE_OP] = QK(2, 1), [SP_IS_OP] = QK(2, 1),
    [SP_CONTAINS_OP] = QK(2, 1), [SP_UNARY_OP] = QK(1, 1), [SP_UNARY_NOT] = QK(1, 1),
    [SP_BINARY_SLICE] = QK(3, 1), [SP_STORE_SLICE] = QK(4, 0), [SP_LIST_TO_TUPLE] = QK(1, 1),
    [SP_IMPORT_NAME] = QK(0, 1), [SP_IMPORT_FROM] = QK(1, 2), [SP_YIELD_VALUE] = QK(1, 1),
};
#undef QK

/* The opcode whose quick[] entry disagrees with sp_op_effect, or -1 (a
 * check for tests/c/test_compile.c: the table is a copy for speed). */
int sp_compile_quick_mismatch(void) {
    for (int op = 0; op < SP_NOPCODES_; op++) {
        int pop, push;
        if (sp_cg_quick[op] && (!sp_op_effect(SP_INSTR(op, 0), &pop, &push) || sp_cg_quick[op] >> 4 != pop ||
                          (sp_cg_quick[op] & 15) != push + 1))
            return op;
    }
    return -1;
}

static bool is_jump(int op);

void sp_cg_track_slow(Unit *u, uint32_t w) {
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

/* ------------------------------------------------------------ emitting */

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

int32_t sp_cg_label(C *c) {
    Unit *u = c->u;
    if (c->err) return -1;
    if (!grow(c, (void **)&u->labels, &u->caplabels, u->nlabels + 1, sizeof(Label))) return fail(c), -1;
    u->labels[u->nlabels] = (Label){-1, LBL_UNSET, 0};
    return (int32_t)u->nlabels++;
}

void sp_cg_bind(C *c, int32_t l) {
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

/* ------------------------------------------------------------ units */

/* Units live in the arena and are reused: as many as the deepest nesting,
 * not one per function. */
Unit *sp_cg_unit_open(C *c, int kind, int firstline, const char *name, int nm) {
    if (c->err) return NULL;
    Unit *u = c->spare;
    if (u) c->spare = u->parent;
    else if (!(u = sp_arena_raw(c->arena, sizeof *u))) return fail(c), NULL;
    memset(u, 0, offsetof(Unit, fb)); /* fb[0..nfb) is written before it is read */
    u->parent = c->u;
    u->kind = kind;
    u->name = name;
    u->nm = nm;
    u->private_ = c->u ? c->u->private_ : NULL;
    if (kind == U_CLASS) u->private_ = name;
    u->firstline = firstline ? firstline : 1;
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
    u->varnames.arena = u->cells.arena = u->frees.arena = c->arena;
    if (kind == U_MODULE) u->flags |= SP_CO_MODULE;
    if (kind == U_CLASS) u->flags |= SP_CO_CLASS;
    c->u = u;
    return u;
}

void sp_cg_unit_free(C *c, Unit *u) {
    sp_cg_grow_free(c, u->code, u->capcode, sizeof(uint32_t));
    sp_cg_grow_free(c, u->runs, u->capruns, sizeof(uint32_t));
    sp_cg_grow_free(c, u->labels, u->caplabels, sizeof(Label));
    vt_free(c, &u->consts);
    vt_free(c, &u->names);
    u->parent = c->spare;
    c->spare = u;
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

/* The interned str of a name: one-character names and ".0" (every
 * comprehension's argument) are static strs found without hashing. */
static sp_Value intern_name(C *c, const char *s) {
    if (s[0] && !s[1] && (uint8_t)s[0] < 0x80) return sp_objv((sp_Str *)(uintptr_t)&sp_chars[(uint8_t)s[0]]);
    if (s[0] == '.' && s[1] == '0' && !s[2]) return sp_objv(SP_NAME(dot0));
    return sp_str_intern_cstr(c->vm, s);
}

/* The interned str of a name-table entry (kept if it was added with it). */
static sp_Value entry_str(C *c, const sp_NEnt *e) {
    return e->str ? sp_objv(e->str) : intern_name(c, e->name);
}

/* str values of a name table's names, in index order (in the arena). */
static sp_Value *name_values_(C *c, sp_NameTab *t) {
    size_t bytes;
    if (!sp_size_mul(c->vm, t->n, sizeof(sp_Value), &bytes)) return fail(c), NULL;
    sp_Value *v = sp_arena_raw(c->arena, bytes);
    if (!v) return fail(c), NULL;
    for (size_t k = 0; k < t->n; k++) {
        v[t->e[k].flags] = entry_str(c, &t->e[k]);
        if (sp_iserr(v[t->e[k].flags])) fail(c);
    }
    return v;
}

/* Most tables are empty (cells, frees): no call then. */
static inline sp_Value *name_values(C *c, sp_NameTab *t) {
    return !t->n || c->err ? NULL : name_values_(c, t);
}

sp_Value sp_cg_unit_code(C *c) {
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
        if (t < 0) return sp_cg_internal(c, "unbound label"), SP_ERRV;
        u->code[i] = SP_INSTR(op, (uint32_t)t);
    }
    sp_Value *vn = name_values(c, &u->varnames), *cv = name_values(c, &u->cells),
             *fv = name_values(c, &u->frees);
    sp_Value res = SP_ERRV;
    /* A top-level unit's qualname is its name (the same pointer): share the str. */
    sp_Value name = u->nm ? sp_objv((sp_Str *)(uintptr_t)&sp_names[u->nm]) : intern_name(c, u->name);
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

