/* sp_func.c - code objects (with the bytecode verifier), functions, cells,
 * argument binding and object ids (bound methods are in sp_misc.c).
 *
 * The verifier exists so that a compiler bug becomes a SystemError at
 * compile time instead of a wild read in the interpreter loop: the loop
 * trusts every argument and never checks stack bounds. */
#include "sp_code.h"
#include "sp_names.h"

#include <stdio.h>

/* ================================================================ code */

static size_t code_nlocalsplus(const sp_Code *c) { return (size_t)c->nlocals + c->ncells + c->nfree; }

static void code_traverse(sp_VM *vm, sp_Obj *o) {
    sp_Code *c = (sp_Code *)o;
    for (uint32_t i = 0; i < c->nconsts; i++) sp_gc_markv(vm, c->consts[i]);
    for (uint32_t i = 0; i < c->nnames; i++) sp_gc_marko(vm, (sp_Obj *)c->names[i]);
    if (c->localnames)
        for (size_t i = 0; i < code_nlocalsplus(c); i++) sp_gc_marko(vm, (sp_Obj *)c->localnames[i]);
    sp_gc_marko(vm, (sp_Obj *)c->name);
    sp_gc_marko(vm, (sp_Obj *)c->qualname);
    sp_gc_marko(vm, (sp_Obj *)c->filename);
    sp_gc_markv(vm, c->source);
}

static sp_Value code_repr(sp_VM *vm, sp_Value self) {
    sp_Code *c = SP_AS(sp_Code, self);
    return sp_fmt(vm, "<code object %U at 0x%llx, file \"%U\", line %d>", c->name,
                  (unsigned long long)sp_obj_id(vm, &c->h), c->filename, c->firstline);
}

sp_Type sp_t_code = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "code",
    .base = &sp_t_object,
    .traverse = code_traverse, /* no finalizer: the arrays are part of the object */
    .repr = code_repr,
};

int sp_code_line(const sp_Code *c, uint32_t pc) {
    uint32_t lo = 0, hi = c->nlinetab;
    if (!hi) return c->firstline;
    while (hi - lo > 1) { /* last run starting at or before pc */
        uint32_t mid = (lo + hi) / 2;
        if (c->linetab[2 * mid] <= pc) lo = mid;
        else hi = mid;
    }
    return (int)c->linetab[2 * lo + 1];
}

/* Allocate and copy n items of size sz (n may be 0: NULL result is fine). */
static bool copy_array(sp_VM *vm, void **dst, const void *src, size_t n, size_t sz) {
    size_t bytes;
    *dst = NULL;
    if (!n) return true;
    if (!sp_size_mul(vm, n, sz, &bytes)) return false;
    if (!(*dst = sp_malloc(vm, bytes))) return false;
    if (src) memcpy(*dst, src, bytes);
    return true;
}

static bool bad_code(sp_VM *vm, sp_Code *c, uint32_t pc, const char *why) {
    sp_raise(vm, &sp_t_SystemError, "bad bytecode in %U at %u: %s", c->name, (unsigned)pc, why);
    return false;
}

/* Interned copies of str values; any non-str is a compiler bug. */
static inline bool intern_names(sp_VM *vm, sp_Code *c, sp_Str **dst, const sp_Value *src, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (!sp_isstr(src[i])) return bad_code(vm, c, 0, "name is not a str");
        sp_Value s = SP_STR(src[i])->interned ? src[i] /* the compiler's are */
                                              : sp_str_intern(vm, SP_STR(src[i])->data, SP_STR(src[i])->len);
        if (sp_iserr(s)) return false;
        dst[i] = SP_STR(s);
    }
    return true;
}

static bool is_ident(sp_Str *s) {
    if (!s->len || s->len > 64) return false;
    for (size_t i = 0; i < s->len; i++) {
        char ch = s->data[i];
        if (!(ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9')))
            return false;
    }
    return true;
}

/* Intern identifier-like str constants (and those inside tuples, i.e. the
 * kwnames of CALL_KW), so keyword binding is mostly a pointer compare. */
static bool intern_const(sp_VM *vm, sp_Value *v, int depth) {
    if (sp_isstr(*v) && !SP_STR(*v)->interned && is_ident(SP_STR(*v))) {
        sp_Value s = sp_str_intern(vm, SP_STR(*v)->data, SP_STR(*v)->len);
        if (sp_iserr(s)) return false;
        *v = s;
    } else if (sp_istuple(*v) && depth == 0) {
        /* tuples are immutable to Python, but a constant we are building
         * is still ours to canonicalise */
        sp_Tuple *t = SP_TUPLE(*v);
        for (size_t i = 0; i < t->n; i++)
            if (!intern_const(vm, &t->items[i], 1)) return false;
    }
    return true;
}

/* Which index space an argument lives in, for range checks. */
static bool check_arg(sp_Code *c, uint32_t w) {
    uint32_t a = SP_OPARG(w);
    switch ((sp_Opcode)SP_OPCODE(w)) {
    case SP_LOAD_CONST: return a < c->nconsts;
    case SP_LOAD_FAST: case SP_STORE_FAST: case SP_DELETE_FAST: return a < c->nlocals;
    case SP_LOAD_DEREF: case SP_STORE_DEREF: case SP_DELETE_DEREF: case SP_LOAD_CLOSURE:
    case SP_LOAD_CLASSDEREF:
        return a < c->ncells + c->nfree;
    case SP_LOAD_GLOBAL: case SP_STORE_GLOBAL: case SP_DELETE_GLOBAL: case SP_LOAD_NAME:
    case SP_STORE_NAME: case SP_DELETE_NAME: case SP_LOAD_ATTR: case SP_STORE_ATTR:
    case SP_DELETE_ATTR: case SP_LOAD_METHOD: case SP_IMPORT_NAME: case SP_IMPORT_FROM:
        return a < c->nnames;
    case SP_JUMP: case SP_POP_JUMP_IF_FALSE: case SP_POP_JUMP_IF_TRUE:
    case SP_JUMP_IF_FALSE_OR_POP: case SP_JUMP_IF_TRUE_OR_POP: case SP_FOR_ITER:
    case SP_SETUP_FINALLY:
        return a < c->ncode;
    case SP_COMP_ENTER: return SP_COMP_FIRST(a) + SP_COMP_N(a) <= c->nlocals;
    default: return true;
    }
}

/* Loops must pass a limit poll: the VM polls at a backward JUMP, at calls
 * and at generator steps, never at a conditional jump, a for-loop's exit
 * or an exception handler.  So only JUMP may go backward.  (A loop made of
 * raises alone must push a handler block per turn: with handlers always
 * after their SETUP_FINALLY, the lowest SETUP in such a cycle could not be
 * reached again without a backward JUMP.)  The VM's fused pairs (an int
 * constant with its operator, a compare with its conditional jump) take
 * the second instruction's own target, and run as the plain pair when
 * something jumps between them. */
static bool forward_only(uint32_t w) {
    switch ((sp_Opcode)SP_OPCODE(w)) {
    case SP_POP_JUMP_IF_FALSE: case SP_POP_JUMP_IF_TRUE: case SP_JUMP_IF_FALSE_OR_POP:
    case SP_JUMP_IF_TRUE_OR_POP: case SP_FOR_ITER: case SP_SETUP_FINALLY:
        return true;
    default: return false;
    }
}

static bool is_kwcall(uint32_t w) {
    return SP_OPCODE(w) == SP_CALL_KW || SP_OPCODE(w) == SP_CALL_METHOD_KW;
}

/* The VM trusts CALL_KW's kwnames to be a tuple of str no longer than the
 * argument count: so the compiler's shape is required, the kwnames
 * constant loaded right before the call (and flow_edge lets nothing jump
 * between the two).  The items are checked by sp_code_check_kwnames: a
 * snapshot fills its tuples after making the code. */
static bool kwnames_ok(sp_Code *c, uint32_t pc) {
    uint32_t lw = pc ? c->code[pc - 1] : 0;
    if (!pc || SP_OPCODE(lw) != SP_LOAD_CONST) return false;
    sp_Value k = c->consts[SP_OPARG(lw)]; /* index checked: pc - 1 came first */
    return sp_istuple(k) && SP_TUPLE(k)->n && SP_TUPLE(k)->n <= SP_OPARG(c->code[pc]);
}

bool sp_code_check_kwnames(sp_VM *vm, sp_Code *c) {
    for (uint32_t pc = 1; pc < c->ncode; pc++) {
        if (!is_kwcall(c->code[pc])) continue;
        sp_Tuple *k = SP_TUPLE(c->consts[SP_OPARG(c->code[pc - 1])]); /* as kwnames_ok found */
        for (size_t i = 0; i < k->n; i++)
            if (!sp_isstr(k->items[i])) return bad_code(vm, c, pc, "keyword name is not a str");
    }
    return true;
}

/* Checks of one instruction that need no depths (unreachable code too). */
static bool check_instr(sp_Code *c, uint32_t pc) {
    uint32_t w = c->code[pc];
    if (SP_OPCODE(w) >= SP_NOPCODES_ || !check_arg(c, w)) return false;
    if (forward_only(w) && SP_OPARG(w) <= pc) return false;
    return !is_kwcall(w) || kwnames_ok(c, pc);
}

/* Besides depths, the flow tracks two stacks the VM trusts (issue 5):
 * the LOAD_METHOD pairs not yet called (their first slot may hold a
 * method def and their second a bare NULL, values only CALL_METHOD may
 * read) and the blocks (handler, or -1 for an except block, and level).
 * Both are persistent lists of Node: a pc holds its top node (-1: empty),
 * an edge passes the lists in cpair/cblock, and paths that meet must hold
 * the very same nodes.  An except block also knows whether the exception
 * its handler entry pushed is still in its slot: RERAISE raises only that
 * (so it always raises an exception), and a loaded frame's slot must hold
 * one. */
typedef struct Node {
    int32_t a, level, up; /* pair: a = the method's slot; block: a = handler */
    int32_t saved;        /* an except block's slot of the exception it replaced */
    int32_t exc;          /* an except block's slot of its handled exception, -1 once gone */
} Node;

typedef struct Flow {
    int32_t *depth, *bdepth, *pair, *block;
    uint32_t *work;
    Node *nodes;
    size_t nwork, nnodes, capnodes;
    int32_t cpair, cblock;
    int maxd, maxb;
} Flow;

static bool flow_edge(sp_VM *vm, sp_Code *c, Flow *fl, uint32_t from, uint32_t to, int d, int b) {
    if (to >= c->ncode) return bad_code(vm, c, from, "falls off the end");
    if (is_kwcall(c->code[to]) && to != from + 1) return bad_code(vm, c, from, "jump into a call");
    if (d < 0 || b < 0) return bad_code(vm, c, from, "stack underflow");
    if (fl->depth[to] >= 0) {
        if (fl->depth[to] != d || fl->bdepth[to] != b)
            return bad_code(vm, c, to, "inconsistent stack depth");
        if (fl->pair[to] != fl->cpair || fl->block[to] != fl->cblock)
            return bad_code(vm, c, to, "inconsistent method calls or blocks");
        return true;
    }
    fl->depth[to] = d, fl->bdepth[to] = b;
    fl->pair[to] = fl->cpair, fl->block[to] = fl->cblock;
    if (d > fl->maxd) fl->maxd = d;
    if (b > fl->maxb) fl->maxb = b;
    fl->work[fl->nwork++] = to;
    return true;
}

/* The lowest slots an instruction reads (*rd) and pops or overwrites
 * (*wr); d its depth, pop as sp_op_effect says. */
static void reach(uint32_t w, int d, int pop, int *rd, int *wr) {
    int a = (int)SP_OPARG(w);
    *rd = *wr = d - pop;
    switch ((sp_Opcode)SP_OPCODE(w)) {
    case SP_COPY: *rd = d - a, *wr = d; break;
    case SP_SWAP: case SP_ROT_N: *rd = *wr = d - a; break;
    case SP_CHECK_EXC_MATCH: *rd = d - 2, *wr = d - 1; break;
    case SP_WITH_EXCEPT_START: *rd = d - 3, *wr = d; break; /* the exit below the except block */
    case SP_LIST_APPEND: case SP_SET_ADD: case SP_LIST_EXTEND: case SP_SET_UPDATE:
    case SP_DICT_UPDATE:
        *rd = d - 1 - a;
        break;
    case SP_MAP_ADD: *rd = d - 2 - a; break;
    case SP_DICT_MERGE: *rd = d - 3 - a; break;
    default: break;
    }
}

static int32_t new_node(Flow *fl, int32_t up, int32_t a, int32_t level) {
    fl->nodes[fl->nnodes] = (Node){a, level, up, level, -1}; /* room: flow_run counted them */
    return (int32_t)fl->nnodes++;
}

/* The pair and block rules of one instruction; sets the lists of its
 * successors (SETUP_FINALLY pushes its blocks in flow_step).  A pair is
 * read only by its CALL_METHOD; nothing pops below a block's level (the
 * slots unwinding returns to), nor below an except block's saved
 * exception, which only its POP_EXCEPT pops (unwinding restores it from
 * the level: only `SWAP 2; POP_EXCEPT`, a return's, may move it).
 * RERAISE pops the innermost except block's handled exception, still in
 * its slot; anything popping or overwriting that slot makes a copy of the
 * block without it. */
static bool flow_lists(sp_VM *vm, sp_Code *c, Flow *fl, uint32_t pc, int d, int pop) {
    uint32_t w = c->code[pc];
    sp_Opcode op = (sp_Opcode)SP_OPCODE(w);
    int32_t p = fl->pair[pc], bk = fl->block[pc];
    int rd, wr;
    reach(w, d, pop, &rd, &wr);
    fl->cpair = p, fl->cblock = bk;
    if (op == SP_CALL_METHOD || op == SP_CALL_METHOD_KW) {
        if (p < 0 || fl->nodes[p].a != rd) return bad_code(vm, c, pc, "method call without its LOAD_METHOD");
        fl->cpair = fl->nodes[p].up;
    } else if (p >= 0 && rd <= fl->nodes[p].a + 1) {
        return bad_code(vm, c, pc, "LOAD_METHOD result used as a value");
    }
    if (op == SP_RERAISE && (bk < 0 || fl->nodes[bk].a != -1 || fl->nodes[bk].exc != d - 1))
        return bad_code(vm, c, pc, "RERAISE of a non-exception");
    bool pops = op == SP_POP_BLOCK || op == SP_POP_EXCEPT || op == SP_COMP_EXIT;
    if (bk < 0) {
        if (pops) return bad_code(vm, c, pc, "no block to pop");
    } else {
        const Node *b = &fl->nodes[bk];
        bool exc = b->a == -1;
        /* the VM unwinds a comprehension block on its own: nothing goes on it */
        if (b->a < -1 && (op == SP_SETUP_FINALLY || op == SP_COMP_ENTER || op == SP_RETURN_VALUE ||
                          op == SP_YIELD_VALUE || op == SP_SEND_FROM))
            return bad_code(vm, c, pc, "block or frame exit in a comprehension");
        int kind = b->a >= 0 ? SP_POP_BLOCK : exc ? SP_POP_EXCEPT : SP_COMP_EXIT;
        if (pops && (kind != (int)op || (exc && wr != b->saved)))
            return bad_code(vm, c, pc, "block popped out of order");
        if (pops) {
            fl->cblock = b->up;
        } else if (exc && b->saved != b->level) {
            return bad_code(vm, c, pc, "saved exception moved");
        } else if (exc && op == SP_SWAP && SP_OPARG(w) == 2 && wr == b->saved) {
            fl->cblock = new_node(fl, b->up, -1, b->level);
            fl->nodes[fl->cblock].saved = wr + 1;
        } else if (wr < b->level + exc) {
            return bad_code(vm, c, pc, "value stack popped below a block");
        } else if (exc && wr <= b->exc && op != SP_RERAISE) {
            fl->cblock = new_node(fl, b->up, -1, b->level);
        }
    }
    if (op == SP_LOAD_METHOD) fl->cpair = new_node(fl, p, d - 1, 0);
    return true;
}

/* One instruction of the abstract interpretation. */
static bool flow_step(sp_VM *vm, sp_Code *c, Flow *fl, uint32_t pc) {
    uint32_t w = c->code[pc], a = SP_OPARG(w);
    int d = fl->depth[pc], b = fl->bdepth[pc], pop, push;
    /* (flow_run checked every instruction's argument range already) */
    if (!sp_op_effect(w, &pop, &push)) return bad_code(vm, c, pc, "bad argument");
    if (pop > d) return bad_code(vm, c, pc, "stack underflow");
    int nd = d - pop + push, avail = d - pop;
    switch ((sp_Opcode)SP_OPCODE(w)) {
    case SP_COPY: if (a < 1 || (int)a > d) return bad_code(vm, c, pc, "bad COPY"); break;
    case SP_SWAP: if (a < 2 || (int)a > d) return bad_code(vm, c, pc, "bad SWAP"); break;
    case SP_ROT_N: if (a < 2 || (int)a > d) return bad_code(vm, c, pc, "bad ROT_N"); break;
    case SP_CHECK_EXC_MATCH: if (d < 2) return bad_code(vm, c, pc, "stack underflow"); break;
    case SP_WITH_EXCEPT_START: if (d < 3) return bad_code(vm, c, pc, "stack underflow"); break;
    case SP_LIST_APPEND: case SP_SET_ADD: case SP_LIST_EXTEND: case SP_SET_UPDATE:
    case SP_DICT_UPDATE:
        if (a < 1 || (int)a > avail) return bad_code(vm, c, pc, "bad collection index");
        break;
    case SP_MAP_ADD: if (a < 1 || (int)a > avail) return bad_code(vm, c, pc, "bad MAP_ADD"); break;
    case SP_DICT_MERGE: if (a < 1 || (int)a + 2 > avail) return bad_code(vm, c, pc, "bad DICT_MERGE"); break;
    default: break;
    }
    if (!flow_lists(vm, c, fl, pc, d, pop)) return false;
    switch ((sp_Opcode)SP_OPCODE(w)) {
    case SP_RETURN_VALUE: case SP_RAISE_VARARGS: case SP_RERAISE:
        return true;
    case SP_JUMP:
        return flow_edge(vm, c, fl, pc, a, d, b);
    case SP_POP_JUMP_IF_FALSE: case SP_POP_JUMP_IF_TRUE:
        return flow_edge(vm, c, fl, pc, a, nd, b) && flow_edge(vm, c, fl, pc, pc + 1, nd, b);
    case SP_JUMP_IF_FALSE_OR_POP: case SP_JUMP_IF_TRUE_OR_POP:
        return flow_edge(vm, c, fl, pc, a, d, b) && flow_edge(vm, c, fl, pc, pc + 1, nd, b);
    case SP_FOR_ITER:
        return flow_edge(vm, c, fl, pc, a, d - 1, b) && flow_edge(vm, c, fl, pc, pc + 1, nd, b);
    case SP_SETUP_FINALLY: { /* the handler runs under an except block at the same level */
        int32_t up = fl->cblock;
        fl->cblock = new_node(fl, up, -1, d);
        fl->nodes[fl->cblock].exc = d + 1;
        if (!flow_edge(vm, c, fl, pc, a, d + 2, b + 1)) return false;
        fl->cblock = new_node(fl, up, (int32_t)a, d);
        return flow_edge(vm, c, fl, pc, pc + 1, d, b + 1);
    }
    case SP_COMP_ENTER: /* its block's level is the collection's slot, under the iterator */
        fl->cblock = new_node(fl, fl->cblock, SP_COMP_HANDLER(pc), d - 1);
        return flow_edge(vm, c, fl, pc, pc + 1, nd, b + 1);
    case SP_POP_BLOCK: case SP_COMP_EXIT:
        return flow_edge(vm, c, fl, pc, pc + 1, d, b - 1);
    case SP_POP_EXCEPT:
        return flow_edge(vm, c, fl, pc, pc + 1, nd, b - 1);
    default:
        return flow_edge(vm, c, fl, pc, pc + 1, nd, b);
    }
}

/* depth, bdepth, pair, block and work share one block of 5 * n words. */
static void flow_free(sp_VM *vm, Flow *fl, size_t n) {
    if (fl->depth) sp_free(vm, fl->depth, 5 * n * sizeof(int32_t));
    if (fl->nodes) sp_free(vm, fl->nodes, fl->capnodes * sizeof(Node));
}

/* The abstract interpretation over the whole code: depths per pc (-1:
 * unreachable).  The caller frees fl with flow_free. */
static bool flow_run(sp_VM *vm, sp_Code *c, Flow *fl) {
    size_t n = c->ncode;
    if (!n) return bad_code(vm, c, 0, "empty code");
    _Static_assert(sizeof(uint32_t) == sizeof(int32_t), "flow words");
    if (!copy_array(vm, (void **)&fl->depth, NULL, 5 * n, sizeof(int32_t))) return false;
    fl->bdepth = fl->depth + n, fl->pair = fl->depth + 2 * n, fl->block = fl->depth + 3 * n;
    fl->work = (uint32_t *)(fl->depth + 4 * n);
    for (size_t i = 0; i < n; i++) fl->depth[i] = -1;
    size_t setups = 0;
    for (size_t i = 0; i < n; i++) { /* unreachable code must still be well formed */
        if (!check_instr(c, (uint32_t)i)) return bad_code(vm, c, (uint32_t)i, "bad instruction");
        uint32_t op = SP_OPCODE(c->code[i]); /* each pc is stepped once: its nodes */
        fl->capnodes += op == SP_LOAD_METHOD || op == SP_SWAP || op == SP_COMP_ENTER ? 1
                        : op == SP_SETUP_FINALLY                                   ? 2
                                                                                   : 0;
        setups += op == SP_SETUP_FINALLY;
    }
    /* with except blocks, any pc but a SETUP_FINALLY may drop one's exception */
    if (setups) fl->capnodes += n - setups;
    if (fl->capnodes && !copy_array(vm, (void **)&fl->nodes, NULL, fl->capnodes, sizeof(Node))) {
        fl->capnodes = 0;
        return false;
    }
    fl->depth[0] = 0, fl->bdepth[0] = 0, fl->pair[0] = fl->block[0] = -1;
    fl->work[fl->nwork++] = 0;
    while (fl->nwork)
        if (!flow_step(vm, c, fl, fl->work[--fl->nwork])) return false;
    return true;
}

/* Computes stacksize and maxblocks; rejects malformed code.  Not inlined:
 * its frame would weigh on sp_code_seal, which mostly skips it. */
static __attribute__((noinline)) bool verify(sp_VM *vm, sp_Code *c) {
    Flow fl = {0};
    bool ok = flow_run(vm, c, &fl);
    if (ok) {
        c->stacksize = fl.maxd + 2; /* two scratch slots, see sp_vm.c */
        c->maxblocks = fl.maxb;
    }
    flow_free(vm, &fl, c->ncode);
    return ok;
}

/* A loaded frame's blocks must be the verifier's, top down; an except
 * block's slot holds the exception unwinding restores (None or one) and,
 * while the verifier says so, the next slot its handled exception. */
static bool is_exc(sp_Value v) { return sp_isobj(v) && sp_isinst(v, &sp_t_BaseException); }

static bool blocks_fit(const Flow *fl, int32_t n, const sp_Block *b, int nb, const sp_Value *s, int depth) {
    for (int i = nb - 1; i >= 0; i--, n = fl->nodes[n].up) {
        const Node *x = n < 0 ? NULL : &fl->nodes[n];
        if (!x || b[i].handler != x->a || b[i].level != (uint32_t)x->level || x->saved != x->level) return false;
        sp_Value e = b[i].level < (uint32_t)depth ? s[b[i].level] : SP_NULLV;
        if (b[i].handler == -1 && !sp_isnone(e) && !is_exc(e)) return false;
        if (x->exc >= 0 && (x->exc >= depth || !is_exc(s[x->exc]))) return false;
    }
    return n < 0;
}

/* Every slot holds a plain value except a pending LOAD_METHOD pair's:
 * (method def, its self) or (value, self or a bare NULL). */
static bool stack_fits(const Flow *fl, int32_t p, const sp_Value *s, int depth) {
    for (int i = depth - 1; i >= 0; i--) {
        int m = p >= 0 ? fl->nodes[p].a : -2; /* the next pair's (method, self) slots: m, m + 1 */
        if (i > m + 1) {
            if (sp_isnull(s[i])) return false;
            continue;
        }
        if (i != m + 1) return false;
        bool mdef = sp_isnull(s[m]), snull = sp_isnull(s[i]);
        if ((mdef && !s[m].u.o) || (snull && (s[i].u.o || mdef))) return false;
        i = m, p = fl->nodes[p].up;
    }
    return p < 0;
}

/* One verifier pass for a loaded frame: its depth and block count, then
 * its blocks and slots. */
int sp_code_frame_fits(sp_VM *vm, sp_Code *c, uint32_t pc, int below, const sp_Block *blocks, int nblocks,
                       const sp_Value *stack, int depth) {
    Flow fl = {0};
    int r = SP_FRAME_BAD_CODE;
    if (flow_run(vm, c, &fl)) {
        r = SP_FRAME_BAD_STATE;
        if (pc < c->ncode && fl.depth[pc] >= 0 && fl.depth[pc] - below == depth && fl.bdepth[pc] == nblocks)
            r = blocks_fit(&fl, fl.block[pc], blocks, nblocks, stack, depth) && stack_fits(&fl, fl.pair[pc], stack, depth)
                    ? SP_FRAME_FITS : SP_FRAME_BAD_STACK;
    }
    flow_free(vm, &fl, c->ncode);
    return r;
}

/* The compiler's depths, trusted. */
static inline void trust_depth(sp_Code *c, int stacksize, int maxblocks) {
    c->stacksize = stacksize + 2; /* as verify() */
    c->maxblocks = maxblocks;
}

/* Depths from the compiler (trusted) or from the verifier. */
static bool check_depth(sp_VM *vm, sp_Code *c, bool known, int stacksize, int maxblocks) {
#ifndef SP_CHECK_DEPTH
    if (known) return trust_depth(c, stacksize, maxblocks), true;
#endif
    if (!verify(vm, c)) return false;
    if (known && (c->stacksize != stacksize + 2 || c->maxblocks != maxblocks))
        return bad_code(vm, c, 0, "compiler depth differs from the verifier's");
    return true;
}

/* Run-length (first pc, line) pairs from one line per instruction: the
 * number of runs, and the pairs when out is not NULL. */
static size_t linetab(const int32_t *lines, size_t n, uint32_t *out) {
    size_t runs = 0;
    for (size_t i = 0; lines && i < n; i++)
        if (i == 0 || lines[i] != lines[i - 1]) {
            if (out) out[2 * runs] = (uint32_t)i, out[2 * runs + 1] = (uint32_t)(lines[i] < 0 ? 0 : lines[i]);
            runs++;
        }
    return runs;
}

/* A parameter that is also a cell is copied into its cell at entry (the
 * classic closure-over-parameter case): cell2arg says which, NULL if none. */
static void build_cell2arg(sp_Code *c, int32_t *room) {
    int nparams = c->argcount + c->kwonlyargcount + !!(c->flags & SP_CO_VARARGS) +
                  !!(c->flags & SP_CO_VARKW);
    for (uint32_t i = 0; i < c->ncells; i++) {
        room[i] = -1;
        for (int j = 0; j < nparams; j++)
            if (c->localnames[c->nlocals + i] == c->localnames[j]) room[i] = j, c->cell2arg = room;
    }
}

/* A failed code object is garbage; emptied, it traverses safely anyway. */
static sp_Value code_drop(sp_Code *c) {
    c->nconsts = c->nnames = c->nlocals = c->ncells = c->nfree = 0;
    return SP_ERRV;
}

/* SP_MAX_OPARG is 2**24 - 1: a count over it has a higher bit set, which
 * their or keeps. */
static bool too_large(const sp_CodeShape *sh) {
    _Static_assert((SP_MAX_OPARG & (SP_MAX_OPARG + 1)) == 0, "SP_MAX_OPARG + 1 is a power of two");
    return (sh->ncode | sh->nconsts | sh->nnames | (sh->nlocals + sh->ncells + sh->nfree)) > SP_MAX_OPARG;
}

static void *bad_shape(sp_VM *vm, sp_Str *name, const char *why) {
    sp_raise(vm, &sp_t_SystemError, "bad bytecode in %U at %u: %s", name, 0u, why);
    return NULL;
}

/* One block: the object, then its arrays (consts, names, localnames,
 * code, line table, cell2arg), 8-byte items first.  Not zeroed (a memset
 * of the whole object cost a tenth of it): the caller fills every array
 * and the fields from argcount to source, sp_code_seal the rest. */
sp_Code *sp_code_alloc(sp_VM *vm, const sp_CodeShape *sh, sp_Str *name) {
    if (too_large(sh)) return bad_shape(vm, name, "code too large");
    if (sh->nruns > sh->ncode) return bad_shape(vm, name, "bad line table"); /* all < 2**24: no overflow below */
    size_t nlp = sh->nlocals + sh->ncells + sh->nfree;
    size_t size = sizeof(sp_Code) + sh->nconsts * sizeof(sp_Value) + (sh->nnames + nlp) * sizeof(sp_Str *) +
                  (sh->ncode + 2 * sh->nruns + sh->ncells) * sizeof(uint32_t);
    _Static_assert(sizeof(void *) != 8 || sizeof(sp_Code) == 192, "a new sp_Code field: set it in sp_code_alloc");
    sp_Code *c = sp_newobj_raw(vm, &sp_t_code, size);
    if (!c) return NULL;
    c->cell2arg = NULL;
    c->stacksize = c->maxblocks = c->framesize = c->blockslots = 0;
    c->fastcall = false;
    c->consts = (sp_Value *)(c + 1);
    c->names = (sp_Str **)(c->consts + sh->nconsts);
    c->localnames = c->names + sh->nnames;
    c->code = (uint32_t *)(c->localnames + nlp);
    c->linetab = c->code + sh->ncode;
    c->nconsts = (uint32_t)sh->nconsts, c->nnames = (uint32_t)sh->nnames, c->ncode = (uint32_t)sh->ncode;
    c->nlocals = (uint32_t)sh->nlocals, c->ncells = (uint32_t)sh->ncells, c->nfree = (uint32_t)sh->nfree;
    c->nlinetab = (uint32_t)sh->nruns;
    c->name = name;
    return c;
}

/* A str not yet interned or a tuple: the constants intern_const may change. */
static inline bool may_intern(sp_Value v) {
    return v.tag == SP_OBJ &&
           (v.u.o->type == &sp_t_tuple || (v.u.o->type == &sp_t_str && !((sp_Str *)v.u.o)->interned));
}

/* Constants from the first one that may change on. */
static bool intern_consts(sp_VM *vm, sp_Code *c, size_t from) {
    for (size_t i = from; i < c->nconsts; i++)
        if (may_intern(c->consts[i]) && !intern_const(vm, &c->consts[i], 0)) return false;
    return true;
}

/* Apart, so that sealing needs no saved registers (a tail call). */
static __attribute__((noinline)) sp_Value frame_too_large(sp_VM *vm, sp_Code *c) {
    bad_code(vm, c, 0, "frame too large");
    return SP_ERRV;
}

/* The frame's layout from the depths: the last step of sealing. */
static inline sp_Value seal_frame(sp_VM *vm, sp_Code *c) {
    c->blockslots = (int)((c->maxblocks * sizeof(sp_Block) + sizeof(sp_Value) - 1) / sizeof(sp_Value));
    c->fastcall = !c->kwonlyargcount && !c->ncells && !c->nfree &&
                  !(c->flags & (SP_CO_VARARGS | SP_CO_VARKW | SP_CO_GENERATOR));
    size_t fs = SP_FRAME_HDR_SLOTS + (size_t)sp_code_blockslots(c) + code_nlocalsplus(c) + (size_t)c->stacksize;
    if (fs > SP_MAX_OPARG) return frame_too_large(vm, c);
    c->framesize = (int)fs;
    return sp_objv(c);
}

/* Constants from i on to intern, cells, depths to verify. */
static __attribute__((noinline)) sp_Value seal_slow(sp_VM *vm, sp_Code *c, size_t i, bool depth_known,
                                                    int stacksize, int maxblocks) {
    if (i < c->nconsts && !intern_consts(vm, c, i)) return code_drop(c);
    if (c->ncells) build_cell2arg(c, (int32_t *)(c->linetab + 2 * c->nlinetab));
    if (!check_depth(vm, c, depth_known, stacksize, maxblocks)) return SP_ERRV;
    return seal_frame(vm, c);
}

/* Most compiled code has no constant to intern and no cell: no call. */
sp_Value sp_code_seal(sp_VM *vm, sp_Code *c, bool depth_known, int stacksize, int maxblocks) {
#ifndef SP_CHECK_DEPTH
    if (depth_known && !c->ncells) {
        const sp_Value *v = c->consts, *end = v + c->nconsts;
        while (v < end && !may_intern(*v)) v++;
        if (v == end) return trust_depth(c, stacksize, maxblocks), seal_frame(vm, c);
        return seal_slow(vm, c, (size_t)(v - c->consts), true, stacksize, maxblocks);
    }
#endif
    return seal_slow(vm, c, 0, depth_known, stacksize, maxblocks);
}

/* Everything a spec says is checked: snapshots (untrusted bytes) come
 * this way. */
sp_Value sp_code_new(sp_VM *vm, const sp_CodeSpec *s) {
    if (!sp_isstr(s->name) || !sp_isstr(s->qualname) || !sp_isstr(s->filename))
        return sp_raise(vm, &sp_t_SystemError, "code object needs str names");
    sp_CodeShape sh = {.ncode = s->ncode, .nconsts = s->nconsts, .nnames = s->nnames,
                       .nlocals = s->nlocals, .ncells = s->ncells, .nfree = s->nfree};
    if (too_large(&sh)) return bad_shape(vm, SP_STR(s->name), "code too large"), SP_ERRV;
    int nparams = s->argcount + s->kwonlyargcount + !!(s->flags & SP_CO_VARARGS) +
                  !!(s->flags & SP_CO_VARKW);
    if (s->argcount < 0 || s->kwonlyargcount < 0 || s->posonlyargcount < 0 ||
        s->posonlyargcount > s->argcount || (size_t)nparams > s->nlocals)
        return bad_shape(vm, SP_STR(s->name), "bad parameter counts"), SP_ERRV;
    sh.nruns = s->lines ? linetab(s->lines, s->ncode, NULL) : s->nruns;
    sp_Code *c = sp_code_alloc(vm, &sh, SP_STR(s->name));
    if (!c) return SP_ERRV;
    if (s->lines) linetab(s->lines, s->ncode, c->linetab);
    else if (sh.nruns) memcpy(c->linetab, s->runs, 2 * sh.nruns * sizeof *c->linetab);
    if (s->ncode) memcpy(c->code, s->code, s->ncode * sizeof *c->code);
    if (s->nconsts) memcpy(c->consts, s->consts, s->nconsts * sizeof *c->consts);
    c->argcount = s->argcount, c->posonlyargcount = s->posonlyargcount;
    c->kwonlyargcount = s->kwonlyargcount, c->flags = s->flags, c->firstline = s->firstline;
    c->qualname = SP_STR(s->qualname), c->filename = SP_STR(s->filename);
    c->source = sp_isstr(s->source) ? s->source : SP_NONEV;
    if (!intern_names(vm, c, c->names, s->names, s->nnames) ||
        !intern_names(vm, c, c->localnames, s->varnames, s->nlocals) ||
        !intern_names(vm, c, c->localnames + s->nlocals, s->cellvars, s->ncells) ||
        !intern_names(vm, c, c->localnames + s->nlocals + s->ncells, s->freevars, s->nfree))
        return code_drop(c);
    return sp_code_seal(vm, c, false, 0, 0);
}

/* ================================================================ ids */

/* Ids are a per-VM counter, never the host address: deterministic output
 * and no pointer leaks.  The table maps live addresses to ids; an entry of
 * a dead object is inherited by the next object at that address, which
 * matches CPython's "ids of dead objects may be reused". */
static uint64_t id_hash(sp_Obj *o) {
    uint64_t h = (uint64_t)(uintptr_t)o;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 32);
}

static bool id_grow(sp_VM *vm, sp_Exec *x) {
    size_t cap = x->idcap ? x->idcap * 2 : 64, bytes;
    if (!sp_size_mul(vm, cap, sizeof(sp_IdEnt), &bytes)) return false;
    sp_IdEnt *t = sp_calloc(vm, bytes);
    if (!t) return false;
    for (size_t i = 0; i < x->idcap; i++) {
        sp_IdEnt *e = &x->ids[i];
        if (!e->o) continue;
        size_t j = id_hash(e->o) & (cap - 1);
        while (t[j].o) j = (j + 1) & (cap - 1);
        t[j] = *e;
    }
    if (x->ids) sp_free(vm, x->ids, x->idcap * sizeof(sp_IdEnt));
    x->ids = t, x->idcap = cap;
    return true;
}

uint64_t sp_obj_id(sp_VM *vm, sp_Obj *o) {
    sp_Exec *x = sp_exec(vm);
    if (!x) return 0;
    if (x->nids * 2 >= x->idcap && !id_grow(vm, x)) return 0;
    size_t j = id_hash(o) & (x->idcap - 1);
    while (x->ids[j].o && x->ids[j].o != o) j = (j + 1) & (x->idcap - 1);
    if (!x->ids[j].o) {
        x->ids[j].o = o;
        x->ids[j].id = 0x7f0000100000ull + 0x30 * ++x->nextid; /* looks like an address */
        x->nids++;
    }
    return x->ids[j].id;
}

/* ================================================================ cells */

static void cell_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_markv(vm, ((sp_Cell *)o)->v); }

static sp_Value cell_repr(sp_VM *vm, sp_Value self) {
    sp_Cell *c = SP_AS(sp_Cell, self);
    if (sp_isnull(c->v)) return sp_fmt(vm, "<cell at 0x%llx: empty>", (unsigned long long)sp_obj_id(vm, &c->h));
    return sp_fmt(vm, "<cell at 0x%llx: %s object>", (unsigned long long)sp_obj_id(vm, &c->h),
                  sp_typename(c->v));
}

sp_Type sp_t_cell = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "cell",
    .base = &sp_t_object,
    .traverse = cell_traverse,
    .repr = cell_repr,
};

sp_Value sp_cell_new(sp_VM *vm, sp_Value v) {
    sp_Cell *c = sp_newobj(vm, &sp_t_cell, sizeof *c);
    if (!c) return SP_ERRV;
    c->v = v;
    return sp_objv(c);
}

/* ================================================================ functions */

static void func_traverse(sp_VM *vm, sp_Obj *o) {
    sp_Func *f = (sp_Func *)o;
    sp_gc_marko(vm, &f->code->h);
    sp_gc_marko(vm, (sp_Obj *)f->globals);
    sp_gc_marko(vm, (sp_Obj *)f->name);
    sp_gc_marko(vm, (sp_Obj *)f->qualname);
    sp_gc_markv(vm, f->defaults);
    sp_gc_markv(vm, f->kwdefaults);
    sp_gc_markv(vm, f->closure);
    sp_gc_markv(vm, f->doc);
    sp_gc_markv(vm, f->module);
    sp_gc_marko(vm, (sp_Obj *)f->dict);
}

sp_Value sp_func_new(sp_VM *vm, sp_Code *code, sp_Dict *globals) {
    /* not zeroed: every field is written here */
    _Static_assert(sizeof(void *) != 8 || sizeof(sp_Func) == 152, "a new sp_Func field: set it in sp_func_new");
    sp_Func *f = sp_newobj_raw(vm, &sp_t_function, sizeof *f);
    if (!f) return SP_ERRV;
    f->dict = NULL;
    f->code = code, f->globals = globals;
    f->name = code->name, f->qualname = code->qualname;
    f->defaults = f->kwdefaults = f->closure = SP_NULLV;
    f->doc = (code->flags & SP_CO_HASDOC) && code->nconsts && sp_isstr(code->consts[0])
                 ? code->consts[0] : SP_NONEV;
    f->module = sp_dict_at(globals, 0, SP_NAME(name)); /* first in new globals: no probe */
    if (sp_isnull(f->module)) f->module = sp_dict_gets(globals, SP_NAME(name)); /* a static str */
    if (sp_isnull(f->module)) f->module = SP_NONEV;
    return sp_objv(f);
}

static sp_Value func_repr(sp_VM *vm, sp_Value self) {
    sp_Func *f = SP_AS(sp_Func, self);
    return sp_fmt(vm, "<function %U at 0x%llx>", f->qualname, (unsigned long long)sp_obj_id(vm, &f->h));
}

static sp_Value func_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    return sp_vm_call(vm, SP_AS(sp_Func, self), args, nargs, kw);
}

static sp_Value opt_none(sp_Value v) { return sp_isnull(v) ? SP_NONEV : v; }

/* function.__get__(obj, type=None): a bound method, or the function
 * itself when obj is None (CPython's func_descr_get). */
static sp_Value m_func_get(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__get__", kw) || !sp_check_nargs(vm, "__get__", nargs - 1, 1, 2))
        return SP_ERRV;
    if (sp_isnone(args[1])) {
        if (nargs < 3 || sp_isnone(args[2]))
            return sp_raise(vm, &sp_t_TypeError, "__get__(None, None) is invalid");
        return args[0];
    }
    sp_BoundMethod *m = sp_newobj(vm, &sp_t_boundmethod, sizeof *m);
    if (!m) return SP_ERRV;
    m->self = args[1];
    m->func = args[0];
    return sp_objv(m);
}

/* Only harmless attributes: never __globals__, __code__, __closure__ or
 * __builtins__ (they would be ways out of the sandbox). */
static sp_Value func_getattr(sp_VM *vm, sp_Value self, sp_Str *name) {
    sp_Func *f = SP_AS(sp_Func, self);
    if (name->len > 4 && name->data[0] == '_' && name->data[1] == '_') {
        if (sp_str_eqc(name, "__get__")) return sp_cfunc_new(vm, "__get__", m_func_get, self, "function");
        if (sp_str_eqc(name, "__name__")) return sp_objv(f->name);
        if (sp_str_eqc(name, "__qualname__")) return sp_objv(f->qualname);
        if (sp_str_eqc(name, "__doc__")) return f->doc;
        if (sp_str_eqc(name, "__module__")) return f->module;
        if (sp_str_eqc(name, "__defaults__")) return opt_none(f->defaults);
        if (sp_str_eqc(name, "__kwdefaults__")) return opt_none(f->kwdefaults);
        if (sp_str_eqc(name, "__dict__")) {
            if (!f->dict) {
                sp_Value d = sp_dict_new(vm);
                if (sp_iserr(d)) return d;
                f->dict = SP_DICT(d);
            }
            return sp_objv(f->dict);
        }
    }
    if (f->dict) {
        sp_Value v = sp_dict_gets(f->dict, name);
        if (!sp_isnull(v)) return v;
    }
    return sp_generic_getattr(vm, self, name);
}

static bool set_str_attr(sp_VM *vm, sp_Str **slot, sp_Value v, const char *what) {
    if (!sp_isstr(v)) {
        sp_raise(vm, &sp_t_TypeError, "%s must be set to a string object", what);
        return false;
    }
    *slot = SP_STR(v);
    return true;
}

static bool func_setattr(sp_VM *vm, sp_Value self, sp_Str *name, sp_Value v) {
    sp_Func *f = SP_AS(sp_Func, self);
    static const char *const ro[] = {"__globals__", "__code__", "__closure__", "__builtins__", NULL};
    for (int i = 0; ro[i]; i++)
        if (sp_str_eqc(name, ro[i])) {
            sp_raise(vm, &sp_t_AttributeError, "readonly attribute");
            return false;
        }
    bool del = sp_isnull(v);
    if (sp_str_eqc(name, "__name__") || sp_str_eqc(name, "__qualname__")) {
        if (del) v = SP_NONEV;
        return set_str_attr(vm, sp_str_eqc(name, "__name__") ? &f->name : &f->qualname, v,
                            name->data);
    }
    if (sp_str_eqc(name, "__doc__")) return f->doc = del ? SP_NONEV : v, true;
    if (sp_str_eqc(name, "__module__")) return f->module = del ? SP_NONEV : v, true;
    if (sp_str_eqc(name, "__defaults__") || sp_str_eqc(name, "__kwdefaults__")) {
        bool kwd = name->data[2] == 'k';
        if (del || sp_isnone(v)) v = SP_NULLV;
        else if (!(kwd ? sp_isdict(v) : sp_istuple(v))) {
            sp_raise(vm, &sp_t_TypeError, "%s must be set to a %s object", name->data,
                     kwd ? "dict" : "tuple");
            return false;
        }
        *(kwd ? &f->kwdefaults : &f->defaults) = v;
        return true;
    }
    if (!f->dict) {
        if (del) goto missing;
        sp_Value d = sp_dict_new(vm);
        if (sp_iserr(d)) return false;
        f->dict = SP_DICT(d);
    }
    if (!del) return sp_dict_sets(vm, f->dict, name, v);
    int r = sp_dict_del(vm, f->dict, sp_objv(name));
    if (r != 0) return r > 0;
missing:
    sp_raise(vm, &sp_t_AttributeError, "'function' object has no attribute '%U'", name);
    return false;
}

sp_Type sp_t_function = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "function",
    .base = &sp_t_object,
    .traverse = func_traverse,
    .call = func_call,
    .repr = func_repr,
    .getattr = func_getattr,
    .setattr = func_setattr,
};

/* ================================================================ binding */

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" as CPython lists names. */
static bool add_names(sp_Buf *b, sp_Str **names, const int *idx, int n) {
    for (int i = 0; i < n; i++) {
        const char *sep = i == 0 ? "" : n == 2 ? " and " : i == n - 1 ? ", and " : ", ";
        if (!sp_buf_adds(b, sep) || !sp_buf_addc(b, '\'') ||
            !sp_buf_add(b, names[idx[i]]->data, names[idx[i]]->len) || !sp_buf_addc(b, '\''))
            return false;
    }
    return true;
}

/* Missing parameters among localsplus[start, end) (kwonly: those without
 * a kw default were left NULL by the caller). */
static bool missing_args(sp_VM *vm, sp_Func *f, sp_Value *L, int start, int end, bool kwonly) {
    sp_Code *c = f->code;
    int idx[64], n = 0, total = 0;
    for (int i = start; i < end; i++)
        if (sp_isnull(L[i])) {
            if (n < 64) idx[n++] = i;
            total++;
        }
    sp_Buf b;
    sp_buf_init(vm, &b);
    bool ok = sp_buf_addf(&b, "%s() missing %d required %s argument%s: ", f->qualname->data,
                          total, kwonly ? "keyword-only" : "positional", total == 1 ? "" : "s") &&
              add_names(&b, c->localnames, idx, n);
    sp_Value msg = ok ? sp_buf_tostr(&b) : (sp_buf_free(&b), SP_ERRV);
    if (!sp_iserr(msg)) sp_raise(vm, &sp_t_TypeError, "%S", msg);
    return false;
}

static bool too_many_positional(sp_VM *vm, sp_Func *f, sp_Value *L, int given) {
    sp_Code *c = f->code;
    int kwonly_given = 0;
    for (int i = c->argcount; i < c->argcount + c->kwonlyargcount; i++)
        kwonly_given += !sp_isnull(L[i]);
    int defcount = sp_istuple(f->defaults) ? (int)SP_TUPLE(f->defaults)->n : 0;
    char sig[64], kwsig[96] = "";
    bool plural;
    if (defcount) {
        int atleast = c->argcount - defcount;
        snprintf(sig, sizeof sig, "from %d to %d", atleast < 0 ? 0 : atleast, c->argcount);
        plural = true;
    } else {
        snprintf(sig, sizeof sig, "%d", c->argcount);
        plural = c->argcount != 1;
    }
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %d keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    sp_raise(vm, &sp_t_TypeError, "%U() takes %s positional argument%s but %d%s %s given",
             f->qualname, sig, plural ? "s" : "", given, kwsig,
             given == 1 && !kwonly_given ? "was" : "were");
    return false;
}

static int find_param(sp_Code *c, sp_Str *name, int start, int end) {
    for (int i = start; i < end; i++)
        if (c->localnames[i] == name) return i;
    for (int i = start; i < end; i++)
        if (sp_str_eq(c->localnames[i], name)) return i;
    return -1;
}

/* No **kwargs and a keyword matched nothing: maybe it names a
 * positional-only parameter (CPython lists all such keywords). */
static bool bad_keyword(sp_VM *vm, sp_Func *f, sp_Tuple *kw, sp_Str *name) {
    sp_Code *c = f->code;
    sp_Buf b;
    sp_buf_init(vm, &b);
    int n = 0;
    for (size_t j = 0; j < kw->n; j++) {
        sp_Str *k = SP_STR(kw->items[j]);
        if (find_param(c, k, 0, c->posonlyargcount) < 0) continue;
        if ((n++ && !sp_buf_adds(&b, ", ")) || !sp_buf_add(&b, k->data, k->len)) {
            sp_buf_free(&b);
            return false;
        }
    }
    if (!n) {
        sp_buf_free(&b);
        sp_raise(vm, &sp_t_TypeError, "%U() got an unexpected keyword argument '%U'", f->qualname, name);
        return false;
    }
    sp_Value s = sp_buf_tostr(&b);
    if (!sp_iserr(s))
        sp_raise(vm, &sp_t_TypeError,
                 "%U() got some positional-only arguments passed as keyword arguments: '%S'",
                 f->qualname, s);
    return false;
}

/* Keyword arguments into parameters or the **kwargs dict. */
static bool bind_keywords(sp_VM *vm, sp_Func *f, sp_Value *L, sp_Value *kwvals, sp_Tuple *kw,
                          sp_Dict *kwdict) {
    sp_Code *c = f->code;
    int total = c->argcount + c->kwonlyargcount;
    for (size_t j = 0; j < kw->n; j++) {
        if (!sp_isstr(kw->items[j])) {
            sp_raise(vm, &sp_t_TypeError, "keywords must be strings");
            return false;
        }
        sp_Str *name = SP_STR(kw->items[j]);
        int i = find_param(c, name, c->posonlyargcount, total);
        if (i < 0) {
            if (!kwdict) return bad_keyword(vm, f, kw, name);
            if (!sp_dict_sets(vm, kwdict, name, kwvals[j])) return false;
            continue;
        }
        if (!sp_isnull(L[i])) {
            sp_raise(vm, &sp_t_TypeError, "%U() got multiple values for argument '%U'", f->qualname, name);
            return false;
        }
        L[i] = kwvals[j];
    }
    return true;
}

/* Defaults, then the missing-argument errors (CPython's order). */
static bool bind_defaults(sp_VM *vm, sp_Func *f, sp_Value *L, int nargs) {
    sp_Code *c = f->code;
    if (nargs < c->argcount) {
        sp_Tuple *d = sp_istuple(f->defaults) ? SP_TUPLE(f->defaults) : NULL;
        int64_t defcount = d ? (int64_t)d->n : 0, m = c->argcount - defcount;
        for (int64_t i = nargs; i < m; i++)
            if (sp_isnull(L[i])) return missing_args(vm, f, L, 0, (int)m, false);
        for (int64_t i = nargs > m ? nargs - m : 0; i < defcount; i++)
            if (sp_isnull(L[m + i])) L[m + i] = d->items[i];
    }
    int end = c->argcount + c->kwonlyargcount;
    bool missing = false;
    for (int i = c->argcount; i < end; i++) {
        if (!sp_isnull(L[i])) continue;
        sp_Value v = sp_isdict(f->kwdefaults) ? sp_dict_gets(SP_DICT(f->kwdefaults), c->localnames[i])
                                              : SP_NULLV;
        if (sp_isnull(v)) missing = true;
        L[i] = v;
    }
    return missing ? missing_args(vm, f, L, c->argcount, end, true) : true;
}

/* Binds args into L[0..nparams) (all SP_NULL on entry). */
static bool bind_args(sp_VM *vm, sp_Func *f, sp_Value *L, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Code *c = f->code;
    int total = c->argcount + c->kwonlyargcount, n = nargs < c->argcount ? nargs : c->argcount;
    if (n) memcpy(L, args, (size_t)n * sizeof *L);
    int slot = total;
    if (c->flags & SP_CO_VARARGS) {
        sp_Value t = nargs > n ? sp_tuple_pack(vm, (size_t)(nargs - n), args + n)
                               : sp_objv(&sp_empty_tuple);
        if (sp_iserr(t)) return false;
        L[slot++] = t;
    }
    sp_Dict *kwdict = NULL;
    if (c->flags & SP_CO_VARKW) {
        sp_Value d = sp_dict_new(vm);
        if (sp_iserr(d)) return false;
        kwdict = SP_DICT(d);
        L[slot] = d;
    }
    if (kw && kw->n && !bind_keywords(vm, f, L, args + nargs, kw, kwdict)) return false;
    if (nargs > c->argcount && !(c->flags & SP_CO_VARARGS))
        return too_many_positional(vm, f, L, nargs);
    return bind_defaults(vm, f, L, nargs);
}

/* (sp_vm.c's call_frame inlines the simple case: keep the two in step.) */
/* LOAD_DEREF trusts its slots to be cells, and MAKE_FUNCTION in loaded
 * code takes any tuple as the closure. */
static bool all_cells(const sp_Tuple *cl) {
    for (size_t i = 0; i < cl->n; i++)
        if (!sp_istype(cl->items[i], &sp_t_cell)) return false;
    return true;
}

bool sp_frame_init(sp_VM *vm, sp_Frame *fr, sp_Func *f, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_Code *c = f->code;
    sp_frame_init_module(fr, c, f->globals, NULL);
    fr->func = f;
    sp_Value *L = sp_frame_locals(fr);
    bool simple = !kw && nargs == c->argcount && !c->kwonlyargcount &&
                  !(c->flags & (SP_CO_VARARGS | SP_CO_VARKW));
    if (simple) { /* the common case */
        if (nargs) memcpy(L, args, (size_t)nargs * sizeof *L);
    } else if (!bind_args(vm, f, L, args, nargs, kw)) {
        return false;
    }
    for (uint32_t i = 0; i < c->ncells; i++) {
        int a = c->cell2arg ? c->cell2arg[i] : -1;
        sp_Value cell = sp_cell_new(vm, a >= 0 ? L[a] : SP_NULLV);
        if (sp_iserr(cell)) return false;
        L[c->nlocals + i] = cell;
    }
    if (c->nfree) {
        sp_Tuple *cl = sp_istuple(f->closure) ? SP_TUPLE(f->closure) : NULL;
        if (!cl || cl->n != c->nfree || !all_cells(cl)) {
            sp_raise(vm, &sp_t_SystemError, "bad closure for %U", f->qualname);
            return false;
        }
        memcpy(L + c->nlocals + c->ncells, cl->items, c->nfree * sizeof *L); /* nfree > 0 */
    }
    return true;
}
