/* sp_compile.c - AST -> bytecode (the shapes of CPython 3.10/3.11's
 * compile.c, on sandpy's block-stack instruction set, see sp_code.h).
 *
 * One Unit per code object being built (module, function, lambda,
 * comprehension, class body); units nest like the source.  Jumps are
 * emitted against label ids and resolved when the unit is finished.
 * Errors are sticky: the first failure sets c->err with the exception
 * pending, and every emitter is a no-op from then on, so the recursive
 * code generators need not check after each call. */
#include "sp_cg.h"
#include "sp_names.h"

#include <stdio.h>
#include <stdlib.h>

/* ------------------------------------------------------------ errors */

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

/* ------------------------------------------------------------ names */

static const char *mangle(C *c, const char *name) {
    const char *m = sp_mangle(c->arena, c->u->private_, name);
    if (!m) fail(c);
    return m ? m : name;
}

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
    for (size_t i = 0; i < n; i++) sp_cg_nt_index(c, out, v[i]);
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

static Unit *unit_push(C *c, int kind, const sp_Node *node, const char *name, int nm) {
    if (c->err) return NULL;
    sp_Scope *s = sp_symtable_scope(&c->st, node);
    if (!s) return sp_cg_internal(c, "no scope for block"), NULL;
    Unit *u = sp_cg_unit_open(c, kind, node->lineno, name, nm);
    if (!u) return NULL;
    u->scope = s;
    set_qualname(c, u);
    /* a function's locals are among its symbols: room for them at once */
    size_t bytes;
    if (s->kind == SP_BLOCK_FUNCTION && s->syms.n) {
        if (!sp_size_mul(c->vm, s->syms.n, sizeof(sp_NEnt), &bytes) ||
            !(u->varnames.e = sp_arena_raw(c->arena, bytes)))
            return fail(c), u;
        u->varnames.cap = s->syms.n;
    }
    for (size_t i = 0; i < s->nparams; i++) sp_cg_nt_index(c, &u->varnames, s->params[i]);
    cells_and_frees(c, u, &s->syms);
    if (s->generator) u->flags |= SP_CO_GENERATOR;
    if (s->varargs) u->flags |= SP_CO_VARARGS;
    if (s->varkw) u->flags |= SP_CO_VARKW;
    return u;
}

/* A unit named '<module>', '<listcomp>', ...: its name is the static str. */
static Unit *unit_push_nm(C *c, int kind, const sp_Node *node, int nm) {
    return unit_push(c, kind, node, sp_names[nm].data, nm);
}

/* ------------------------------------------------------------ names */

static bool fast_unit(Unit *u) { return u->scope->kind == SP_BLOCK_FUNCTION; }

static int32_t deref_index(C *c, Unit *u, const char *name) {
    sp_NEnt *e = sp_nt_get(&u->cells, name);
    if (e) return e->flags;
    e = sp_nt_get(&u->frees, name);
    if (e) return (int32_t)u->cells.n + e->flags;
    sp_cg_internal(c, "unknown cell variable");
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
                : kind == 0                          ? sp_cg_nt_index(c, &u->varnames, name)
                : kind == 1                          ? deref_index(c, u, name)
                                                     : sp_cg_name_index(c, name);
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
    case FB_WHILE:
    case FB_EXC_HANDLER: return;
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
    return sp_cg_int(c, e->u.constant.s, e->u.constant.len, e->u.constant.base, e->lineno);
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
            v = sp_cg_neg(c, const_of(c, e->u.unaryop.operand));
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
    int32_t cleanup = sp_cg_label(c), end = sp_cg_label(c);
    compare_prefix(c, e, SP_JUMP_IF_FALSE_OR_POP, cleanup);
    emit(c, SP_JUMP, end);
    sp_cg_bind(c, cleanup); /* ( b false ) */
    emit(c, SP_SWAP, 2);
    emit0(c, SP_POP_TOP);
    sp_cg_bind(c, end);
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
        int32_t next = cond == cond2 ? label : sp_cg_label(c);
        const sp_NodeList *v = &e->u.boolop.values;
        for (size_t i = 0; i + 1 < v->n; i++) jump_if(c, v->items[i], cond2, next);
        jump_if(c, v->items[v->n - 1], cond, label);
        if (next != label) sp_cg_bind(c, next);
        c->depth--;
        return;
    }
    if (e->kind == SP_N_COMPARE && e->u.compare.comparators.n > 1) {
        int32_t cleanup = sp_cg_label(c), end = sp_cg_label(c);
        int saved = c->lineno;
        c->lineno = e->lineno;
        compare_prefix(c, e, SP_POP_JUMP_IF_FALSE, cleanup);
        emit(c, cond ? SP_POP_JUMP_IF_TRUE : SP_POP_JUMP_IF_FALSE, label);
        emit(c, SP_JUMP, end);
        sp_cg_bind(c, cleanup);
        emit0(c, SP_POP_TOP);
        if (!cond) emit(c, SP_JUMP, label);
        sp_cg_bind(c, end);
        c->lineno = saved;
        return;
    }
    expr(c, e);
    emit(c, cond ? SP_POP_JUMP_IF_TRUE : SP_POP_JUMP_IF_FALSE, label);
}

static void boolop(C *c, const sp_Node *e) {
    int32_t end = sp_cg_label(c);
    int op = e->u.boolop.op == SP_BOOL_AND ? SP_JUMP_IF_FALSE_OR_POP : SP_JUMP_IF_TRUE_OR_POP;
    const sp_NodeList *v = &e->u.boolop.values;
    for (size_t i = 0; i + 1 < v->n; i++) {
        expr(c, v->items[i]);
        emit(c, op, end);
    }
    expr(c, v->items[v->n - 1]);
    sp_cg_bind(c, end);
}

static void ifexp(C *c, const sp_Node *e) {
    int32_t orelse = sp_cg_label(c), end = sp_cg_label(c);
    jump_if(c, e->u.ifexp.test, false, orelse);
    expr(c, e->u.ifexp.body);
    emit(c, SP_JUMP, end);
    sp_cg_bind(c, orelse);
    expr(c, e->u.ifexp.orelse);
    sp_cg_bind(c, end);
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

static void set_display(C *c, const sp_Node *e) {
    const sp_NodeList *l = &e->u.set.elts;
    sp_Value items = l->n > 2 ? const_tuple(c, l) : SP_NULLV;
    if (sp_iserr(items)) return fail(c);
    if (sp_isnull(items))
        return starunpack(c, l, 0, SP_BUILD_SET, SP_SET_ADD, SP_SET_UPDATE, false);
    sp_Value fs = sp_cg_frozenset(c, items);
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
        emit(c, SP_LOAD_METHOD, sp_cg_name_index(c, mangle(c, f->u.attribute.attr)));
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
    int32_t end = sp_cg_label(c);
    emit0(c, SP_GET_YIELD_FROM_ITER);
    load_none(c);
    emit(c, SP_SEND_FROM, end);
    sp_cg_bind(c, end);
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
    sp_Value code = sp_cg_unit_code(c);
    Unit *child = sp_cg_unit_pop(c);
    if (!sp_iserr(code)) make_function(c, child, code, flags);
    sp_cg_unit_free(c, child);
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

/* The nested loops of a comprehension body; depth = iterators on the stack
 * (an inlined one's first iterator is on it already, not in .0). */
static void comp_generator(C *c, const sp_Node *e, size_t gi, int depth, bool inl) {
    const sp_NodeList *gens = &e->u.comp.generators;
    const sp_Node *g = gens->items[gi];
    int32_t start = sp_cg_label(c), cleanup = sp_cg_label(c), anchor = sp_cg_label(c);
    if (gi == 0) {
        if (!inl) emit(c, SP_LOAD_FAST, 0);
    } else {
        expr(c, g->u.comprehension.iter);
        emit0(c, SP_GET_ITER);
    }
    sp_cg_bind(c, start);
    emit(c, SP_FOR_ITER, anchor);
    depth++;
    store(c, g->u.comprehension.target);
    for (size_t i = 0; i < g->u.comprehension.ifs.n; i++) jump_if(c, g->u.comprehension.ifs.items[i], false, cleanup);
    if (gi + 1 < gens->n) {
        if (!depth_enter(c)) return;
        comp_generator(c, e, gi + 1, depth, inl);
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
    sp_cg_bind(c, cleanup);
    emit(c, SP_JUMP, start);
    sp_cg_bind(c, anchor);
}

/* CPython 3.12 inlines list, set and dict comprehensions (PEP 709);
 * sandpy does at module level, keeping 3.11's observables (sp_code.h),
 * when the comprehension's scope nests none (no lambda, comprehension or
 * generator expression past its first iterable), binds nothing outside
 * (a walrus) and has no __class__ (super(): 3.11's error names the
 * function's missing cell).  sp_qc.c decides the same from the tokens. */
static bool inlinable(C *c, const sp_Node *e, const sp_Scope *s) {
    if (e->kind == SP_N_GENERATOREXP || c->u->kind != U_MODULE || s->nchildren) return false;
    for (size_t k = 0; k < s->syms.n; k++) {
        const sp_NEnt *y = &s->syms.e[k];
        if ((y->flags & (SP_DEF_GLOBAL | SP_DEF_NONLOCAL)) || strcmp(y->name, "__class__") == 0) return false;
    }
    return true;
}

/* Each name target t binds in comprehension scope s, in source order:
 * counted (*n), or given a fresh slot of the unit that nameop finds in
 * the symbol (set). */
static void target_names(C *c, sp_Scope *s, const sp_Node *t, size_t *n, bool set) {
    if (c->err || !depth_enter(c)) return;
    if (t->kind == SP_N_NAME) {
        sp_NEnt *e = sp_scope_get(s, t->u.name.id);
        if (!e) {
            sp_cg_internal(c, "no symbol for a target");
        } else if (!e->slot) { /* the first time the name is met */
            e->slot = set ? sp_cg_nt_fresh(c, &c->u->varnames, e->name, NULL) + 1 : 1;
            e->unit = c->u->serial;
            *n += !set;
        }
    } else if (t->kind == SP_N_TUPLE || t->kind == SP_N_LIST) {
        for (size_t i = 0; i < t->u.seq.elts.n; i++) target_names(c, s, t->u.seq.elts.items[i], n, set);
    } else if (t->kind == SP_N_STARRED) {
        target_names(c, s, t->u.starred.value, n, set);
    }
    c->depth--;
}

/* The comprehension's targets' fresh slots as COMP_ENTER's argument, or
 * -1 when they do not fit it (then the symbols are as they were). */
static int64_t comp_slots(C *c, const sp_Node *e, sp_Scope *s) {
    const sp_NodeList *gens = &e->u.comp.generators;
    size_t n = 0, first = c->u->varnames.n;
    for (int set = 0; set < 2; set++) {
        for (size_t k = 0; k < s->syms.n; k++) s->syms.e[k].slot = 0; /* (a comprehension's: unused) */
        if (set && !sp_cg_comp_fits(c->u, n)) return -1;
        for (size_t i = 0; i < gens->n; i++) target_names(c, s, gens->items[i]->u.comprehension.target, &n, set);
    }
    return SP_COMP_ARG(s->comp - SP_COMP_LIST, first, n);
}

static void comprehension(C *c, const sp_Node *e) {
    int nm = e->kind == SP_N_LISTCOMP    ? SP_NM_listcomp
             : e->kind == SP_N_SETCOMP  ? SP_NM_setcomp
             : e->kind == SP_N_DICTCOMP ? SP_NM_dictcomp
                                        : SP_NM_genexpr;
    const sp_Node *outer = e->u.comp.generators.items[0];
    sp_Scope *s = sp_symtable_scope(&c->st, e);
    int64_t arg = s && inlinable(c, e, s) ? comp_slots(c, e, s) : -1;
    if (arg >= 0) { /* the body on the comprehension's names, in this unit */
        expr(c, outer->u.comprehension.iter);
        emit0(c, SP_GET_ITER);
        emit(c, SP_COMP_ENTER, arg);
        sp_Scope *saved = c->u->scope;
        c->u->scope = s;
        comp_generator(c, e, 0, 0, true);
        c->u->scope = saved;
        return emit0(c, SP_COMP_EXIT);
    }
    if (!unit_push_nm(c, U_COMP, e, nm)) return;
    c->u->argcount = 1;
    first_const(c, SP_NONEV);
    if (e->kind == SP_N_LISTCOMP) emit(c, SP_BUILD_LIST, 0);
    else if (e->kind == SP_N_SETCOMP) emit(c, SP_BUILD_SET, 0);
    else if (e->kind == SP_N_DICTCOMP) emit(c, SP_BUILD_MAP, 0);
    comp_generator(c, e, 0, 0, false);
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
        emit(c, SP_LOAD_ATTR, sp_cg_name_index(c, mangle(c, e->u.attribute.attr)));
        c->lineno = saved;
        return;
    }
    case SP_N_SUBSCRIPT:
        expr(c, e->u.subscript.value);
        return emit0(c, subscript_key(c, e->u.subscript.slice) ? SP_BINARY_SLICE : SP_BINARY_SUBSCR);
    case SP_N_STARRED: return error_at(c, e, "can't use starred expression here", NULL);
    case SP_N_NAME: return nameop(c, e->u.name.id, LOAD);
    case SP_N_SLICE: return slice(c, e);
    default: return sp_cg_internal(c, "unexpected expression node");
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
        emit(c, SP_STORE_ATTR, sp_cg_name_index(c, mangle(c, t->u.attribute.attr)));
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
        emit(c, SP_DELETE_ATTR, sp_cg_name_index(c, mangle(c, t->u.attribute.attr)));
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
        int32_t name = sp_cg_name_index(c, mangle(c, t->u.attribute.attr));
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
    int32_t next = sp_cg_label(c), end = sp_cg_label(c);
    jump_if(c, s->u.if_.test, false, next);
    stmts(c, &s->u.if_.body);
    if (s->u.if_.orelse.n) {
        emit(c, SP_JUMP, end);
        sp_cg_bind(c, next);
        stmts(c, &s->u.if_.orelse);
    } else {
        sp_cg_bind(c, next);
    }
    sp_cg_bind(c, end);
}

static void while_(C *c, const sp_Node *s) {
    int32_t start = sp_cg_label(c), orelse = sp_cg_label(c), end = sp_cg_label(c);
    sp_cg_bind(c, start);
    jump_if(c, s->u.while_.test, false, orelse);
    push_fb(c, s, FB_WHILE, start, end, NULL);
    stmts(c, &s->u.while_.body);
    pop_fb(c);
    emit(c, SP_JUMP, start);
    sp_cg_bind(c, orelse);
    stmts(c, &s->u.while_.orelse);
    sp_cg_bind(c, end);
}

static void for_(C *c, const sp_Node *s) {
    if (s->u.for_.is_async) return error_at(c, s, "'async for' is not supported", NULL);
    int32_t start = sp_cg_label(c), cleanup = sp_cg_label(c), end = sp_cg_label(c);
    expr(c, s->u.for_.iter);
    emit0(c, SP_GET_ITER);
    sp_cg_bind(c, start);
    emit(c, SP_FOR_ITER, cleanup);
    push_fb(c, s, FB_FOR, start, end, NULL);
    store(c, s->u.for_.target);
    stmts(c, &s->u.for_.body);
    pop_fb(c);
    emit(c, SP_JUMP, start);
    sp_cg_bind(c, cleanup);
    stmts(c, &s->u.for_.orelse);
    sp_cg_bind(c, end);
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
    int32_t end = sp_cg_label(c);
    jump_if(c, s->u.assert_.test, true, end);
    emit0(c, SP_LOAD_ASSERTION_ERROR);
    if (s->u.assert_.msg) {
        expr(c, s->u.assert_.msg);
        emit(c, SP_CALL, 1);
    }
    emit(c, SP_RAISE_VARARGS, 1);
    sp_cg_bind(c, end);
}

/* One except clause; the stack is ( prev exc ) on entry. */
static void handler(C *c, const sp_Node *h, int32_t end) {
    int32_t next = sp_cg_label(c);
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
        int32_t cleanup = sp_cg_label(c);
        nameop(c, name, STORE);
        emit(c, SP_SETUP_FINALLY, cleanup);
        push_fb(c, h, FB_HANDLER_CLEANUP, -1, -1, name);
        stmts(c, &h->u.handler.body);
        pop_fb(c);
        emit0(c, SP_POP_BLOCK);
        emit0(c, SP_POP_EXCEPT);
        clear_name(c, name);
        emit(c, SP_JUMP, end);
        sp_cg_bind(c, cleanup);
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
    sp_cg_bind(c, next);
    c->lineno = saved;
}

static void try_except(C *c, const sp_Node *s) {
    int32_t h = sp_cg_label(c), orelse = sp_cg_label(c), end = sp_cg_label(c);
    const sp_NodeList *hs = &s->u.try_.handlers;
    emit(c, SP_SETUP_FINALLY, h);
    push_fb(c, s, FB_TRY_EXCEPT, -1, -1, NULL);
    stmts(c, &s->u.try_.body);
    pop_fb(c);
    emit0(c, SP_POP_BLOCK);
    emit(c, SP_JUMP, orelse);
    sp_cg_bind(c, h);
    push_fb(c, s, FB_EXC_HANDLER, -1, -1, NULL);
    for (size_t i = 0; i < hs->n && !c->err; i++) {
        if (!hs->items[i]->u.handler.type && i + 1 < hs->n)
            return error_at(c, hs->items[i], "default 'except:' must be last", NULL);
        handler(c, hs->items[i], end);
    }
    pop_fb(c);
    emit0(c, SP_RERAISE);
    sp_cg_bind(c, orelse);
    stmts(c, &s->u.try_.orelse);
    sp_cg_bind(c, end);
}

static void try_finally(C *c, const sp_Node *s) {
    int32_t h = sp_cg_label(c), end = sp_cg_label(c);
    emit(c, SP_SETUP_FINALLY, h);
    push_fb(c, s, FB_FINALLY_TRY, -1, -1, s);
    if (s->u.try_.handlers.n) try_except(c, s);
    else stmts(c, &s->u.try_.body);
    pop_fb(c);
    emit0(c, SP_POP_BLOCK);
    stmts(c, &s->u.try_.finalbody);
    emit(c, SP_JUMP, end);
    sp_cg_bind(c, h); /* ( prev exc ) */
    push_fb(c, s, FB_FINALLY_END, -1, -1, NULL);
    stmts(c, &s->u.try_.finalbody);
    pop_fb(c);
    emit0(c, SP_RERAISE);
    sp_cg_bind(c, end);
}

/* The target is stored before the handler block is set up: the block's
 * stack level then holds only __exit__, as the handler expects. */
static void with_(C *c, const sp_Node *s, size_t pos) {
    const sp_Node *item = s->u.with.items.items[pos];
    int32_t h = sp_cg_label(c), sup = sp_cg_label(c), end = sp_cg_label(c);
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
    sp_cg_bind(c, h); /* ( exit prev exc ) */
    emit0(c, SP_WITH_EXCEPT_START);
    emit(c, SP_POP_JUMP_IF_TRUE, sup);
    emit0(c, SP_RERAISE);
    sp_cg_bind(c, sup);
    emit0(c, SP_POP_TOP);
    emit0(c, SP_POP_EXCEPT);
    emit0(c, SP_POP_TOP);
    sp_cg_bind(c, end);
}

static void import_(C *c, const sp_Node *s) {
    const sp_NodeList *l = &s->u.import.names;
    for (size_t i = 0; i < l->n && !c->err; i++) {
        const sp_Node *a = l->items[i];
        const char *name = a->u.alias.name, *dot = strchr(name, '.');
        emit(c, SP_IMPORT_NAME, sp_cg_name_index(c, name));
        if (a->u.alias.asname) {
            nameop(c, a->u.alias.asname, STORE);
        } else if (dot) {
            /* `import a.b` binds the top-level package a */
            char *top = sp_arena_strdup(c->arena, name, (size_t)(dot - name));
            if (!top) return fail(c);
            emit0(c, SP_POP_TOP);
            emit(c, SP_IMPORT_NAME, sp_cg_name_index(c, top));
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
    emit(c, SP_IMPORT_NAME, sp_cg_name_index(c, mod));
    const sp_NodeList *l = &s->u.importfrom.names;
    if (l->n == 1 && strcmp(l->items[0]->u.alias.name, "*") == 0) return emit0(c, SP_IMPORT_STAR);
    for (size_t i = 0; i < l->n && !c->err; i++) {
        const sp_Node *a = l->items[i];
        emit(c, SP_IMPORT_FROM, sp_cg_name_index(c, a->u.alias.name));
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
    if (!unit_push(c, U_FUNCTION, s, s->u.funcdef.name, 0)) return;
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
    if (!unit_push(c, U_CLASS, s, name, 0)) return;
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
    sp_cg_grow_free(c, pc->fail, pc->capfail, sizeof(int32_t));
}

static int32_t fail_label(C *c, PC *pc, size_t pops) {
    if (c->err) return -1;
    if (!grow(c, (void **)&pc->fail, &pc->capfail, pops + 1, sizeof(int32_t))) return fail(c), -1;
    while (pc->nfail <= pops) pc->fail[pc->nfail++] = sp_cg_label(c);
    return pc->fail[pops];
}

/* Jump out of the pattern, dropping what it keeps on the stack. */
static void jump_fail(C *c, PC *pc, int op) {
    emit(c, op, fail_label(c, pc, (size_t)pc->on_top + pc->stores.n));
}

static void emit_fail_pops(C *c, PC *pc) {
    for (size_t k = pc->nfail; k-- > 0 && !c->err;) {
        sp_cg_bind(c, pc->fail[k]);
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
    int32_t end = sp_cg_label(c);
    sp_NameTab control = {0};
    int saved = c->lineno;
    for (size_t i = 0; i < alts->n && !c->err; i++)
        or_alt(c, alts->items[i], i == 0, i + 1 == alts->n, pc, &control, end);
    c->lineno = saved;
    emit0(c, SP_POP_TOP); /* no alternative matched */
    jump_fail(c, pc, SP_JUMP);
    sp_cg_bind(c, end);
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
    if (!n) return sp_cg_internal(c, "match without cases");
    int32_t end = sp_cg_label(c);
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
    sp_cg_bind(c, end);
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
    sp_Value code = sp_cg_unit_code(c);
    sp_cg_unit_free(c, sp_cg_unit_pop(c));
    return code;
}

sp_Value sp_compile(sp_VM *vm, const char *src, size_t n, const char *filename) {
    sp_Value code = sp_qc_compile(vm, src, n, filename);
    return sp_isnull(code) ? sp_compile_ast(vm, src, n, filename) : code;
}

sp_Value sp_compile_ast(sp_VM *vm, const char *src, size_t n, const char *filename) {
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
        c.filename_v = sp_str_filename(vm, filename);
        c.source_v = sp_str_from(vm, src, n, mod->u.module.nchars); /* counted by sp_parse */
        if (!sp_iserr(c.filename_v) && !sp_iserr(c.source_v)) res = module(&c, mod);
    }
    while (c.u) sp_cg_unit_free(&c, sp_cg_unit_pop(&c));
    sp_symtable_free(&c.st);
    sp_arena_free(&ast);
    return c.err ? SP_ERRV : res;
}
