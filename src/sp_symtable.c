/* sp_symtable.c - scope analysis (CPython 3.11's symtable.c, in C).
 *
 * Pass 1 walks the AST and records, for every block (module, function,
 * lambda, comprehension, class), how it uses each name.  Pass 2
 * (analyze_block) resolves each name to LOCAL, GLOBAL_EXPLICIT,
 * GLOBAL_IMPLICIT, FREE or CELL with CPython's results (by walking the
 * scope chain instead of copying name sets), so closures see
 * the same variables: a parameter is always local to its own function, a
 * name bound in an enclosing function and used in a nested one becomes a
 * cell there and a free variable in every block in between. */
#include "sp_symtable.h"

#include <stdio.h>

/* ------------------------------------------------------------ name tables */

/* The same pointer is common (a name looked up through the node that
 * defined it, the compiler's own tables); otherwise names are short and
 * equal when the hashes are: compared in line, not by a strcmp call. */
static inline bool nt_same(const sp_NEnt *e, const char *name, uint32_t h) {
    if (e->hash != h) return false;
    const char *a = e->name;
    if (a == name) return true;
    while (*a && *a == *name) a++, name++;
    return *a == *name;
}

static int32_t nt_find(const sp_NameTab *t, const char *name, uint32_t h) {
    if (!t->icap) {
        for (size_t k = 0; k < t->n; k++)
            if (nt_same(&t->e[k], name, h)) return (int32_t)k;
        return -1;
    }
    size_t mask = t->icap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        int32_t k = t->idx[i];
        if (k < 0) return -1;
        if (nt_same(&t->e[k], name, h)) return (int32_t)k;
    }
}

/* A block of bytes for a table: from the arena when the table has one
 * (the old block is left there, the arena goes at once), else the heap. */
static void *nt_mem(sp_VM *vm, sp_Arena *a, void *old, size_t oldbytes, size_t bytes) {
    if (!a) return sp_realloc(vm, old, oldbytes, bytes);
    void *p = sp_arena_raw(a, bytes);
    if (p && oldbytes) memcpy(p, old, oldbytes);
    return p;
}

static void nt_mem_free(sp_VM *vm, const sp_NameTab *t, void *p, size_t bytes) {
    if (p && !t->arena) sp_free(vm, p, bytes);
}

static bool nt_grow_entries(sp_VM *vm, sp_NameTab *t) {
    size_t nc = t->cap ? t->cap * 2 : SP_NT_FIRST, bytes;
    if (!sp_size_mul(vm, nc, sizeof(sp_NEnt), &bytes)) return false;
    sp_NEnt *e = nt_mem(vm, t->arena, t->e, t->cap * sizeof(sp_NEnt), bytes);
    if (!e) return false;
    t->e = e;
    t->cap = nc;
    return true;
}

/* Room for one more entry; the index appears past SP_NT_SCAN entries. */
static bool nt_grow(sp_VM *vm, sp_NameTab *t) {
    if (t->n == t->cap && !nt_grow_entries(vm, t)) return false;
    if (t->n + 1 <= SP_NT_SCAN || (t->n + 1) * 2 <= t->icap) return true;
    size_t ni = t->icap ? t->icap * 2 : 4 * SP_NT_SCAN, bytes;
    if (!sp_size_mul(vm, ni, sizeof(int32_t), &bytes)) return false;
    int32_t *idx = nt_mem(vm, t->arena, NULL, 0, bytes);
    if (!idx) return false;
    for (size_t i = 0; i < ni; i++) idx[i] = -1;
    for (size_t k = 0; k < t->n; k++) {
        size_t i = t->e[k].hash & (ni - 1);
        while (idx[i] >= 0) i = (i + 1) & (ni - 1);
        idx[i] = (int32_t)k;
    }
    nt_mem_free(vm, t, t->idx, t->icap * sizeof(int32_t));
    t->idx = idx;
    t->icap = ni;
    return true;
}

/* A new last entry for name (flags 0); NULL on MemoryError. */
static sp_NEnt *nt_append(sp_VM *vm, sp_NameTab *t, const char *name, uint32_t h) {
    if (t->n >= INT32_MAX - 1) return sp_nomem(vm);
    if (!nt_grow(vm, t)) return NULL;
    sp_NEnt *e = &t->e[t->n];
    *e = (sp_NEnt){.name = name, .hash = h};
    if (t->icap) {
        size_t i = h & (t->icap - 1);
        while (t->idx[i] >= 0) i = (i + 1) & (t->icap - 1);
        t->idx[i] = (int32_t)t->n;
    }
    t->n++;
    return e;
}

/* The entry for name, created (flags 0) if absent; NULL on MemoryError. */
sp_NEnt *sp_nt_add(sp_VM *vm, sp_NameTab *t, const char *name) {
    uint32_t h = sp_nt_hash(name);
    int32_t k = nt_find(t, name, h);
    return k >= 0 ? &t->e[k] : nt_append(vm, t, name, h);
}

sp_NEnt *sp_nt_push_slow(sp_VM *vm, sp_NameTab *t, const char *name) {
    return nt_append(vm, t, name, sp_nt_hash(name));
}

sp_NEnt *sp_nt_get(const sp_NameTab *t, const char *name) {
    int32_t k = nt_find(t, name, sp_nt_hash(name));
    return k >= 0 ? &t->e[k] : NULL;
}

void sp_nt_free(sp_VM *vm, sp_NameTab *t) {
    nt_mem_free(vm, t, t->e, t->cap * sizeof(sp_NEnt));
    nt_mem_free(vm, t, t->idx, t->icap * sizeof(int32_t));
    t->e = NULL, t->idx = NULL;
    t->n = t->cap = t->icap = 0;
}

sp_NEnt *sp_scope_get(sp_Scope *s, const char *name) { return s->syms.n ? sp_nt_get(&s->syms, name) : NULL; }

/* CPython's _Py_Mangle: __x inside class C is _C__x (dunders, dotted
 * names and all-underscore class names excepted).  NULL: MemoryError. */
const char *sp_mangle(sp_Arena *a, const char *priv, const char *name) {
    if (!priv || name[0] != '_' || name[1] != '_') return name;
    size_t n = strlen(name);
    if ((name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.')) return name;
    while (*priv == '_') priv++;
    if (!*priv) return name;
    size_t pn = strlen(priv);
    char *m = sp_arena_alloc(a, 1 + pn + n + 1);
    if (!m) return NULL;
    m[0] = '_';
    memcpy(m + 1, priv, pn);
    memcpy(m + 1 + pn, name, n + 1);
    return m;
}

/* ------------------------------------------------------------ errors */

void sp_st_error(sp_VM *vm, const char *filename, const char *src, size_t n, const sp_Node *at,
                 const char *fmt, const char *name) {
    sp_Buf b;
    sp_buf_init(vm, &b);
    if (!sp_buf_addf(&b, fmt, name ? name : "") || !sp_buf_addc(&b, '\0')) {
        sp_buf_free(&b);
        return;
    }
    /* CPython's compiler-stage errors read the line back from the file, so
     * a pseudo-file such as "<string>" (-c) or "<stdin>" gets no text. */
    sp_Value e = filename && filename[0] == '<'
                     ? sp_syntax_error(vm, filename, at->lineno, 0, b.p)
                     : sp_syntax_error_at(vm, filename, src, n, at->lineno, at->col, at->end_lineno,
                                          at->end_col, b.p);
    sp_buf_free(&b);
    if (!sp_iserr(e)) sp_raisev(vm, e);
}

void sp_st_recursion(sp_VM *vm) {
    sp_raise(vm, &sp_t_RecursionError, "maximum recursion depth exceeded during compilation");
}

static bool st_err(sp_SymTable *st, const sp_Node *at, const char *fmt, const char *name) {
    sp_st_error(st->vm, st->filename, st->src, st->srclen, at, fmt, name);
    return false;
}

/* ------------------------------------------------------------ blocks */

static bool map_put(sp_SymTable *st, const sp_Node *node, sp_Scope *s) {
    if ((st->mapn + 1) * 2 > st->mapcap) {
        size_t nc = st->mapcap ? st->mapcap * 2 : 8, bytes;
        if (!sp_size_mul(st->vm, nc, sizeof *st->map, &bytes)) return false;
        void *m = sp_arena_alloc(st->arena, bytes);
        if (!m) return false;
        sp_ScopeMapEnt *old = st->map;
        size_t oldcap = st->mapcap;
        st->map = m;
        st->mapcap = nc;
        st->mapn = 0;
        for (size_t i = 0; i < oldcap; i++) {
            if (old[i].node && !map_put(st, old[i].node, old[i].scope)) return false;
        }
    }
    size_t mask = st->mapcap - 1, i = ((uintptr_t)node >> 4) * 2654435761u & mask;
    while (st->map[i].node) i = (i + 1) & mask;
    st->map[i].node = node;
    st->map[i].scope = s;
    st->mapn++;
    return true;
}

/* The module's scope is not in the map (a snippet without nested blocks
 * makes none); capacities are powers of two. */
sp_Scope *sp_symtable_scope(sp_SymTable *st, const sp_Node *node) {
    if (st->top && st->top->node == node) return st->top;
    if (!st->mapcap) return NULL;
    size_t mask = st->mapcap - 1, i = ((uintptr_t)node >> 4) * 2654435761u & mask;
    for (; st->map[i].node; i = (i + 1) & mask)
        if (st->map[i].node == node) return st->map[i].scope;
    return NULL;
}

static bool enter_block(sp_SymTable *st, const char *name, int kind, const sp_Node *node) {
    /* the scope and the first entries of its table: one piece (every
     * block has a symbol) */
    sp_Scope *s = sp_arena_raw(st->arena, sizeof *s + SP_NT_FIRST * sizeof(sp_NEnt));
    if (!s) return false;
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->parent = st->cur;
    s->syms.arena = st->arena;
    s->syms.e = (sp_NEnt *)(s + 1);
    s->syms.cap = SP_NT_FIRST;
    if (st->cur) {
        sp_Scope *p = st->cur;
        s->nested = p->nested || p->kind == SP_BLOCK_FUNCTION;
        if (p->nchildren == p->capchildren) {
            size_t nc = p->capchildren ? p->capchildren * 2 : 4, bytes;
            if (!sp_size_mul(st->vm, nc, sizeof(sp_Scope *), &bytes)) return false;
            sp_Scope **c = sp_arena_raw(st->arena, bytes);
            if (!c) return false;
            if (p->nchildren) memcpy(c, p->children, p->nchildren * sizeof(sp_Scope *));
            p->children = c;
            p->capchildren = nc;
        }
        p->children[p->nchildren++] = s;
    } else {
        st->top = s;
    }
    st->cur = s;
    return s == st->top || map_put(st, node, s);
}

static void exit_block(sp_SymTable *st) { st->cur = st->cur->parent; }

static bool defer_def(sp_SymTable *st, const char *name, int flag) {
    if (st->npend == st->cappend) {
        size_t nc = st->cappend ? st->cappend * 2 : 16, bytes;
        if (!sp_size_mul(st->vm, nc, sizeof(sp_PendDef), &bytes)) return false;
        sp_PendDef *p = sp_arena_raw(st->arena, bytes);
        if (!p) return false;
        if (st->npend) memcpy(p, st->pend, st->npend * sizeof(sp_PendDef));
        st->pend = p;
        st->cappend = nc;
    }
    st->pend[st->npend++] = (sp_PendDef){name, flag};
    st->pendflags |= flag;
    return true;
}

/* Enter the listed module-level names, in order, as add_def_in would
 * have (the module is never a comprehension and has no parameters). */
static bool materialize(sp_SymTable *st) {
    if (!st->deferring) return true;
    st->deferring = false;
    for (size_t i = 0; i < st->npend; i++) {
        sp_NEnt *e = sp_nt_add(st->vm, &st->top->syms, st->pend[i].name);
        if (!e) return false;
        e->flags |= st->pend[i].flag;
    }
    return true;
}

/* Record a use or definition of name in scope s (CPython's
 * symtable_add_def_helper). */
static bool add_def_in(sp_SymTable *st, sp_Scope *s, const char *name, int flag, const sp_Node *at) {
    const char *shown = name;
    if (st->private_ && !(name = sp_mangle(st->arena, st->private_, name))) return false;
    if (s == st->top && st->deferring) return defer_def(st, name, flag);
    sp_NEnt *e = sp_nt_add(st->vm, &s->syms, name);
    if (!e) return false;
    if ((flag & SP_DEF_PARAM) && (e->flags & SP_DEF_PARAM))
        return st_err(st, at, "duplicate argument '%s' in function definition", shown);
    int val = e->flags | flag;
    if (s->comp_iter_target) {
        if (val & (SP_DEF_GLOBAL | SP_DEF_NONLOCAL))
            return st_err(st, at, "comprehension inner loop cannot rebind assignment expression target '%s'", shown);
        val |= SP_DEF_COMP_ITER;
    }
    e->flags = val;
    if (flag & SP_DEF_PARAM) {
        if (s->nparams == s->capparams) {
            size_t nc = s->capparams ? s->capparams * 2 : 8, bytes;
            if (!sp_size_mul(st->vm, nc, sizeof(char *), &bytes)) return false;
            const char **p = sp_arena_alloc(st->arena, bytes);
            if (!p) return false;
            if (s->nparams) memcpy(p, s->params, s->nparams * sizeof(char *));
            s->params = p;
            s->capparams = nc;
        }
        s->params[s->nparams++] = name;
    }
    return true;
}

static bool add_def(sp_SymTable *st, const char *name, int flag, const sp_Node *at) {
    return add_def_in(st, st->cur, name, flag, at);
}

/* The symbol of name in the current block (mangled), or NULL. */
static sp_NEnt *lookup(sp_SymTable *st, sp_Scope *s, const char *name) {
    const char *m = sp_mangle(st->arena, st->private_, name);
    return m ? sp_nt_get(&s->syms, m) : NULL;
}

static bool record_directive(sp_SymTable *st, sp_Scope *s, const char *name, const sp_Node *at) {
    if (s == st->top && !materialize(st)) return false;
    name = sp_mangle(st->arena, st->private_, name);
    if (!name) return false;
    sp_NEnt *e = sp_nt_add(st->vm, &s->syms, name);
    if (!e) return false;
    if (!e->dir) e->dir = at;
    return true;
}

/* ------------------------------------------------------------ pass 1 */

static bool visit_expr(sp_SymTable *st, const sp_Node *e);
static bool visit_stmt(sp_SymTable *st, const sp_Node *s);

static bool visit_exprs(sp_SymTable *st, const sp_NodeList *l) {
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i] && !visit_expr(st, l->items[i])) return false;
    return true;
}

static bool visit_stmts(sp_SymTable *st, const sp_NodeList *l) {
    for (size_t i = 0; i < l->n; i++)
        if (!visit_stmt(st, l->items[i])) return false;
    return true;
}

static bool visit_opt(sp_SymTable *st, const sp_Node *e) { return !e || visit_expr(st, e); }

static bool visit_params(sp_SymTable *st, const sp_NodeList *l) {
    for (size_t i = 0; i < l->n; i++)
        if (!add_def(st, l->items[i]->u.arg.name, SP_DEF_PARAM, l->items[i])) return false;
    return true;
}

static bool visit_arguments(sp_SymTable *st, const sp_Node *a) {
    if (!visit_params(st, &a->u.arguments.posonlyargs) || !visit_params(st, &a->u.arguments.args) ||
        !visit_params(st, &a->u.arguments.kwonlyargs))
        return false;
    const sp_Node *va = a->u.arguments.vararg, *kw = a->u.arguments.kwarg;
    if (va && !add_def(st, va->u.arg.name, SP_DEF_PARAM, va)) return false;
    if (kw && !add_def(st, kw->u.arg.name, SP_DEF_PARAM, kw)) return false;
    st->cur->varargs = va != NULL;
    st->cur->varkw = kw != NULL;
    return true;
}

/* Defaults are evaluated in the enclosing block. */
static bool visit_defaults(sp_SymTable *st, const sp_Node *a) {
    return visit_exprs(st, &a->u.arguments.defaults) && visit_exprs(st, &a->u.arguments.kw_defaults);
}

static bool visit_alias(sp_SymTable *st, const sp_Node *a) {
    const char *store = a->u.alias.asname ? a->u.alias.asname : a->u.alias.name;
    if (strcmp(a->u.alias.name, "*") == 0) {
        if (st->cur->kind != SP_BLOCK_MODULE)
            return st_err(st, a, "import * only allowed at module level", NULL);
        return true;
    }
    const char *dot = strchr(store, '.');
    if (dot) {
        char *first = sp_arena_strdup(st->arena, store, (size_t)(dot - store));
        if (!first) return false;
        store = first;
    }
    return add_def(st, store, SP_DEF_IMPORT, a);
}

static bool visit_global(sp_SymTable *st, const sp_Node *s, bool nonlocal) {
    static const char *const msgs[2][4] = {
        {"name '%s' is parameter and global", "name '%s' is used prior to global declaration",
         "annotated name '%s' can't be global", "name '%s' is assigned to before global declaration"},
        {"name '%s' is parameter and nonlocal", "name '%s' is used prior to nonlocal declaration",
         "annotated name '%s' can't be nonlocal",
         "name '%s' is assigned to before nonlocal declaration"}};
    /* nonlocal at module level is an error of pass 2 (analyze_name), as
     * in CPython: a later pass-1 error is reported first */
    if (st->cur == st->top && !materialize(st)) return false;
    for (size_t i = 0; i < s->u.global.names.n; i++) {
        const char *name = s->u.global.names.items[i];
        sp_NEnt *e = lookup(st, st->cur, name);
        int cur = e ? e->flags : 0;
        if (cur & (SP_DEF_PARAM | SP_DEF_LOCAL | SP_USE | SP_DEF_ANNOT)) {
            int m = (cur & SP_DEF_PARAM) ? 0 : (cur & SP_USE) ? 1 : (cur & SP_DEF_ANNOT) ? 2 : 3;
            return st_err(st, s, msgs[nonlocal][m], name);
        }
        if (!add_def(st, name, nonlocal ? SP_DEF_NONLOCAL : SP_DEF_GLOBAL, s) ||
            !record_directive(st, st->cur, name, s))
            return false;
    }
    return true;
}

static bool visit_annassign(sp_SymTable *st, const sp_Node *s) {
    const sp_Node *t = s->u.annassign.target;
    if (t->kind != SP_N_NAME) return visit_expr(st, t) && visit_opt(st, s->u.annassign.value);
    /* (the error below is never raised at module level: no lookup there) */
    sp_NEnt *e = st->cur->kind == SP_BLOCK_MODULE ? NULL : lookup(st, st->cur, t->u.name.id);
    int cur = e ? e->flags : 0;
    if ((cur & (SP_DEF_GLOBAL | SP_DEF_NONLOCAL)) && st->cur->kind != SP_BLOCK_MODULE &&
        s->u.annassign.simple)
        return st_err(st, s,
                      (cur & SP_DEF_GLOBAL) ? "annotated name '%s' can't be global"
                                            : "annotated name '%s' can't be nonlocal",
                      t->u.name.id);
    if (s->u.annassign.simple) {
        if (!add_def(st, t->u.name.id, SP_DEF_ANNOT | SP_DEF_LOCAL, t)) return false;
    } else if (s->u.annassign.value && !add_def(st, t->u.name.id, SP_DEF_LOCAL, t)) {
        return false;
    }
    /* Annotations are never evaluated by sandpy, so they are not visited. */
    return visit_opt(st, s->u.annassign.value);
}

static bool depth_enter(sp_SymTable *st) {
    /* CPython allows 3 levels per Python frame (COMPILER_STACK_FRAME_SCALE) */
    if (++st->depth > 3 * SP_MAX_AST_DEPTH || !sp_cstack_ok(st->vm)) {
        st->depth--;
        sp_st_recursion(st->vm);
        return false;
    }
    return true;
}

static bool visit_pattern(sp_SymTable *st, const sp_Node *p) {
    if (!p) return true;
    if (!depth_enter(st)) return false;
    bool ok = true;
    switch (p->kind) {
    case SP_N_MATCHVALUE: ok = visit_expr(st, p->u.matchvalue.value); break;
    case SP_N_MATCHSEQUENCE:
    case SP_N_MATCHOR:
        for (size_t i = 0; ok && i < p->u.matchseq.patterns.n; i++)
            ok = visit_pattern(st, p->u.matchseq.patterns.items[i]);
        break;
    case SP_N_MATCHMAPPING:
        ok = visit_exprs(st, &p->u.matchmapping.keys);
        for (size_t i = 0; ok && i < p->u.matchmapping.patterns.n; i++)
            ok = visit_pattern(st, p->u.matchmapping.patterns.items[i]);
        if (ok && p->u.matchmapping.rest) ok = add_def(st, p->u.matchmapping.rest, SP_DEF_LOCAL, p);
        break;
    case SP_N_MATCHCLASS:
        ok = visit_expr(st, p->u.matchclass.cls);
        for (size_t i = 0; ok && i < p->u.matchclass.patterns.n; i++)
            ok = visit_pattern(st, p->u.matchclass.patterns.items[i]);
        for (size_t i = 0; ok && i < p->u.matchclass.kwd_patterns.n; i++)
            ok = visit_pattern(st, p->u.matchclass.kwd_patterns.items[i]);
        break;
    case SP_N_MATCHSTAR:
        if (p->u.matchstar.name) ok = add_def(st, p->u.matchstar.name, SP_DEF_LOCAL, p);
        break;
    case SP_N_MATCHAS:
        ok = visit_pattern(st, p->u.matchas.pattern);
        if (ok && p->u.matchas.name) ok = add_def(st, p->u.matchas.name, SP_DEF_LOCAL, p);
        break;
    default: break;
    }
    st->depth--;
    return ok;
}

static bool visit_funcdef(sp_SymTable *st, const sp_Node *s) {
    if (!add_def(st, s->u.funcdef.name, SP_DEF_LOCAL, s) || !visit_defaults(st, s->u.funcdef.args) ||
        !visit_exprs(st, &s->u.funcdef.decorators) ||
        !enter_block(st, s->u.funcdef.name, SP_BLOCK_FUNCTION, s) ||
        !visit_arguments(st, s->u.funcdef.args) || !visit_stmts(st, &s->u.funcdef.body))
        return false;
    exit_block(st);
    return true;
}

static bool visit_classdef(sp_SymTable *st, const sp_Node *s) {
    if (!add_def(st, s->u.classdef.name, SP_DEF_LOCAL, s) || !visit_exprs(st, &s->u.classdef.bases))
        return false;
    for (size_t i = 0; i < s->u.classdef.keywords.n; i++)
        if (!visit_expr(st, s->u.classdef.keywords.items[i]->u.keyword.value)) return false;
    if (!visit_exprs(st, &s->u.classdef.decorators) ||
        !enter_block(st, s->u.classdef.name, SP_BLOCK_CLASS, s))
        return false;
    const char *saved = st->private_;
    st->private_ = s->u.classdef.name;
    bool ok = visit_stmts(st, &s->u.classdef.body);
    st->private_ = saved;
    if (!ok) return false;
    exit_block(st);
    return true;
}

static bool visit_try(sp_SymTable *st, const sp_Node *s) {
    if (!visit_stmts(st, &s->u.try_.body) || !visit_stmts(st, &s->u.try_.orelse)) return false;
    for (size_t i = 0; i < s->u.try_.handlers.n; i++) {
        const sp_Node *h = s->u.try_.handlers.items[i];
        if (!visit_opt(st, h->u.handler.type)) return false;
        if (h->u.handler.name && !add_def(st, h->u.handler.name, SP_DEF_LOCAL, h)) return false;
        if (!visit_stmts(st, &h->u.handler.body)) return false;
    }
    return visit_stmts(st, &s->u.try_.finalbody);
}

static bool visit_stmt_(sp_SymTable *st, const sp_Node *s) {
    switch (s->kind) {
    case SP_N_FUNCTIONDEF: return visit_funcdef(st, s);
    case SP_N_CLASSDEF: return visit_classdef(st, s);
    case SP_N_RETURN: return visit_opt(st, s->u.ret.value);
    case SP_N_DELETE: return visit_exprs(st, &s->u.del.targets);
    case SP_N_ASSIGN: return visit_exprs(st, &s->u.assign.targets) && visit_expr(st, s->u.assign.value);
    case SP_N_AUGASSIGN: return visit_expr(st, s->u.augassign.target) && visit_expr(st, s->u.augassign.value);
    case SP_N_ANNASSIGN: return visit_annassign(st, s);
    case SP_N_FOR:
        return visit_expr(st, s->u.for_.target) && visit_expr(st, s->u.for_.iter) &&
               visit_stmts(st, &s->u.for_.body) && visit_stmts(st, &s->u.for_.orelse);
    case SP_N_WHILE:
        return visit_expr(st, s->u.while_.test) && visit_stmts(st, &s->u.while_.body) &&
               visit_stmts(st, &s->u.while_.orelse);
    case SP_N_IF:
        return visit_expr(st, s->u.if_.test) && visit_stmts(st, &s->u.if_.body) &&
               visit_stmts(st, &s->u.if_.orelse);
    case SP_N_WITH:
        for (size_t i = 0; i < s->u.with.items.n; i++) {
            const sp_Node *it = s->u.with.items.items[i];
            if (!visit_expr(st, it->u.withitem.context_expr) || !visit_opt(st, it->u.withitem.optional_vars))
                return false;
        }
        return visit_stmts(st, &s->u.with.body);
    case SP_N_MATCH:
        if (!visit_expr(st, s->u.match.subject)) return false;
        for (size_t i = 0; i < s->u.match.cases.n; i++) {
            const sp_Node *c = s->u.match.cases.items[i];
            if (!visit_pattern(st, c->u.match_case.pattern) || !visit_opt(st, c->u.match_case.guard) ||
                !visit_stmts(st, &c->u.match_case.body))
                return false;
        }
        return true;
    case SP_N_RAISE: return visit_opt(st, s->u.raise.exc) && visit_opt(st, s->u.raise.cause);
    case SP_N_TRY: return visit_try(st, s);
    case SP_N_ASSERT: return visit_expr(st, s->u.assert_.test) && visit_opt(st, s->u.assert_.msg);
    case SP_N_IMPORT:
    case SP_N_IMPORTFROM: {
        const sp_NodeList *l = s->kind == SP_N_IMPORT ? &s->u.import.names : &s->u.importfrom.names;
        for (size_t i = 0; i < l->n; i++)
            if (!visit_alias(st, l->items[i])) return false;
        return true;
    }
    case SP_N_GLOBAL: return visit_global(st, s, false);
    case SP_N_NONLOCAL: return visit_global(st, s, true);
    case SP_N_EXPR: return visit_expr(st, s->u.expr.value);
    default: return true; /* pass, break, continue */
    }
}

static bool visit_stmt(sp_SymTable *st, const sp_Node *s) {
    if (!depth_enter(st)) return false;
    bool ok = visit_stmt_(st, s);
    st->depth--;
    return ok;
}

/* A walrus inside a comprehension binds in the nearest enclosing function
 * or module block (CPython's symtable_extend_namedexpr_scope). */
static bool extend_namedexpr_scope(sp_SymTable *st, const sp_Node *target) {
    const char *name = target->u.name.id;
    for (sp_Scope *s = st->cur; s; s = s->parent) {
        if (s->comp) {
            sp_NEnt *e = lookup(st, s, name);
            if (e && (e->flags & SP_DEF_COMP_ITER))
                return st_err(st, target,
                              "assignment expression cannot rebind comprehension iteration variable '%s'",
                              name);
            continue;
        }
        if (s->kind == SP_BLOCK_FUNCTION) {
            sp_NEnt *e = lookup(st, s, name);
            int flag = (e && (e->flags & SP_DEF_GLOBAL)) ? SP_DEF_GLOBAL : SP_DEF_NONLOCAL;
            return add_def(st, name, flag, target) && record_directive(st, st->cur, name, target) &&
                   add_def_in(st, s, name, SP_DEF_LOCAL, target);
        }
        if (s->kind == SP_BLOCK_MODULE)
            return add_def(st, name, SP_DEF_GLOBAL, target) && record_directive(st, st->cur, name, target) &&
                   add_def_in(st, s, name, SP_DEF_GLOBAL, target);
        return st_err(st, target, "assignment expression within a comprehension cannot be used in a class body",
                      NULL);
    }
    return true;
}

static bool visit_namedexpr(sp_SymTable *st, const sp_Node *e) {
    if (st->cur->comp_iter_expr > 0)
        return st_err(st, e, "assignment expression cannot be used in a comprehension iterable expression",
                      NULL);
    if (st->cur->comp && !extend_namedexpr_scope(st, e->u.namedexpr.target)) return false;
    return visit_expr(st, e->u.namedexpr.value) && visit_expr(st, e->u.namedexpr.target);
}

static bool visit_comprehension(sp_SymTable *st, const sp_Node *g, bool first) {
    st->cur->comp_iter_target = 1;
    bool ok = visit_expr(st, g->u.comprehension.target);
    st->cur->comp_iter_target = 0;
    if (!ok) return false;
    if (!first) {
        st->cur->comp_iter_expr++;
        ok = visit_expr(st, g->u.comprehension.iter);
        st->cur->comp_iter_expr--;
        if (!ok) return false;
    }
    return visit_exprs(st, &g->u.comprehension.ifs);
}

static bool visit_comp(sp_SymTable *st, const sp_Node *e) {
    static const char *const names[] = {"", "listcomp", "setcomp", "dictcomp", "genexpr"};
    int kind = e->kind == SP_N_LISTCOMP  ? SP_COMP_LIST
               : e->kind == SP_N_SETCOMP ? SP_COMP_SET
               : e->kind == SP_N_DICTCOMP ? SP_COMP_DICT
                                          : SP_COMP_GEN;
    const sp_NodeList *gens = &e->u.comp.generators;
    const sp_Node *outer = gens->items[0];
    for (size_t i = 0; i < gens->n; i++)
        if (gens->items[i]->u.comprehension.is_async)
            return st_err(st, gens->items[i], "asynchronous comprehensions are not supported", NULL);
    st->cur->comp_iter_expr++;
    bool ok = visit_expr(st, outer->u.comprehension.iter);
    st->cur->comp_iter_expr--;
    if (!ok || !enter_block(st, names[kind], SP_BLOCK_FUNCTION, e)) return false;
    st->cur->comp = kind;
    if (!add_def(st, ".0", SP_DEF_PARAM, e)) return false;
    for (size_t i = 0; i < gens->n; i++)
        if (!visit_comprehension(st, gens->items[i], i == 0)) return false;
    if (!visit_opt(st, e->u.comp.key) || !visit_opt(st, e->u.comp.value) || !visit_opt(st, e->u.comp.elt))
        return false;
    if (kind == SP_COMP_GEN) st->cur->generator = true;
    bool await = st->cur->comp_await;
    exit_block(st);
    if (await) /* there are no async functions to be inside of */
        return st_err(st, e, "asynchronous comprehension outside of an asynchronous function", NULL);
    return true;
}

static bool visit_yield(sp_SymTable *st, const sp_Node *e) {
    static const char *const msgs[] = {"", "'yield' inside list comprehension",
                                       "'yield' inside set comprehension",
                                       "'yield' inside dict comprehension",
                                       "'yield' inside generator expression"};
    if (!visit_opt(st, e->u.yield.value)) return false;
    st->cur->generator = true;
    if (st->cur->comp) return st_err(st, e, msgs[st->cur->comp], NULL);
    return true;
}

static bool visit_lambda(sp_SymTable *st, const sp_Node *e) {
    if (!visit_defaults(st, e->u.lambda.args) || !enter_block(st, "lambda", SP_BLOCK_FUNCTION, e) ||
        !visit_arguments(st, e->u.lambda.args) || !visit_expr(st, e->u.lambda.body))
        return false;
    exit_block(st);
    return true;
}

static bool visit_expr_(sp_SymTable *st, const sp_Node *e) {
    switch (e->kind) {
    case SP_N_BOOLOP: return visit_exprs(st, &e->u.boolop.values);
    case SP_N_NAMEDEXPR: return visit_namedexpr(st, e);
    case SP_N_BINOP: return visit_expr(st, e->u.binop.left) && visit_expr(st, e->u.binop.right);
    case SP_N_UNARYOP: return visit_expr(st, e->u.unaryop.operand);
    case SP_N_LAMBDA: return visit_lambda(st, e);
    case SP_N_IFEXP:
        return visit_expr(st, e->u.ifexp.test) && visit_expr(st, e->u.ifexp.body) &&
               visit_expr(st, e->u.ifexp.orelse);
    case SP_N_DICT: return visit_exprs(st, &e->u.dict.keys) && visit_exprs(st, &e->u.dict.values);
    case SP_N_SET: return visit_exprs(st, &e->u.set.elts);
    case SP_N_LISTCOMP:
    case SP_N_SETCOMP:
    case SP_N_DICTCOMP:
    case SP_N_GENERATOREXP: return visit_comp(st, e);
    case SP_N_YIELD:
    case SP_N_YIELDFROM: return visit_yield(st, e);
    case SP_N_AWAIT:
        if (!visit_expr(st, e->u.await_.value)) return false;
        if (st->cur->comp) st->cur->comp_await = true;
        return true;
    case SP_N_COMPARE: return visit_expr(st, e->u.compare.left) && visit_exprs(st, &e->u.compare.comparators);
    case SP_N_CALL:
        if (!visit_expr(st, e->u.call.func) || !visit_exprs(st, &e->u.call.args)) return false;
        for (size_t i = 0; i < e->u.call.keywords.n; i++)
            if (!visit_expr(st, e->u.call.keywords.items[i]->u.keyword.value)) return false;
        return true;
    case SP_N_FORMATTEDVALUE:
        return visit_expr(st, e->u.formatted.value) && visit_opt(st, e->u.formatted.format_spec);
    case SP_N_JOINEDSTR: return visit_exprs(st, &e->u.joined.values);
    case SP_N_ATTRIBUTE: return visit_expr(st, e->u.attribute.value);
    case SP_N_SUBSCRIPT: return visit_expr(st, e->u.subscript.value) && visit_expr(st, e->u.subscript.slice);
    case SP_N_STARRED: return visit_expr(st, e->u.starred.value);
    case SP_N_SLICE:
        return visit_opt(st, e->u.slice.lower) && visit_opt(st, e->u.slice.upper) &&
               visit_opt(st, e->u.slice.step);
    case SP_N_NAME:
        if (!add_def(st, e->u.name.id, e->ctx == SP_CTX_LOAD ? SP_USE : SP_DEF_LOCAL, e)) return false;
        /* super() implicitly reads __class__ (zero-argument super). */
        if (e->ctx == SP_CTX_LOAD && st->cur->kind == SP_BLOCK_FUNCTION && e->u.name.id[0] == 's' &&
            strcmp(e->u.name.id, "super") == 0)
            return add_def(st, "__class__", SP_USE, e);
        return true;
    case SP_N_LIST:
    case SP_N_TUPLE: return visit_exprs(st, &e->u.seq.elts);
    default: return true; /* constants */
    }
}

static bool visit_expr(sp_SymTable *st, const sp_Node *e) {
    if (!depth_enter(st)) return false;
    bool ok = visit_expr_(st, e);
    st->depth--;
    return ok;
}

/* ------------------------------------------------------------ pass 2
 *
 * CPython's analyze_block hands every child copies of the "bound" and
 * "global" name sets and collects the children's "free" sets back.  The
 * same resolution reads straight off the scope chain, with no sets: a
 * name that a block neither binds nor declares is FREE when an enclosing
 * block binds it for nested code, else GLOBAL_IMPLICIT.  Walking out from
 * the block, the first enclosing
 *   - function that declares the name global ends the walk (unbound);
 *   - function that binds it (not global/nonlocal there) is the binder;
 *   - class is transparent (its bindings are invisible to nested code),
 *     except that it binds __class__ for its methods (super());
 *   - module ends the walk (module bindings are globals).
 * A FREE name passes through every block between its user and the binder
 * (FREE there, or SP_DEF_FREE_CLASS on a class that binds it), and the
 * binder's LOCAL becomes a CELL.  Blocks are resolved parents first, so a
 * binder is final when a nested block marks it; errors come in CPython's
 * order (a block's names, then its children in order). */

static uint64_t name_bit(uint32_t hash) { return (uint64_t)1 << (hash & 63); }

static sp_Scope *binder(const sp_Scope *s, const sp_NEnt *use) {
    if (!(s->visible & name_bit(use->hash)) && strcmp(use->name, "__class__") != 0)
        return NULL; /* no enclosing function binds it: skip the walk */
    for (sp_Scope *p = s->parent; p && p->kind != SP_BLOCK_MODULE; p = p->parent) {
        if (p->kind == SP_BLOCK_CLASS) {
            if (strcmp(use->name, "__class__") == 0) return p;
            continue;
        }
        int32_t k = nt_find(&p->syms, use->name, use->hash); /* one hash for the whole walk */
        sp_NEnt *e = k >= 0 ? &p->syms.e[k] : NULL;
        if (!e || (e->flags & SP_DEF_NONLOCAL)) continue;
        if (e->flags & SP_DEF_GLOBAL) return NULL;
        if (e->flags & SP_DEF_BOUND) return p;
    }
    return NULL;
}

/* name is FREE in s and bound in f: pass it through the blocks between. */
static bool mark_free(sp_SymTable *st, sp_Scope *s, sp_Scope *f, const char *name) {
    for (sp_Scope *p = s->parent; p != f; p = p->parent) {
        sp_NEnt *e = sp_nt_get(&p->syms, name);
        if (!e) {
            if (!(e = sp_nt_add(st->vm, &p->syms, name))) return false;
            e->scope = SP_SC_FREE;
        } else if (p->kind == SP_BLOCK_CLASS && (e->flags & (SP_DEF_BOUND | SP_DEF_GLOBAL))) {
            e->flags |= SP_DEF_FREE_CLASS;
        }
    }
    sp_NEnt *e = sp_nt_add(st->vm, &f->syms, name); /* a class's __class__ may be new */
    if (!e) return false;
    e->scope = SP_SC_CELL;
    return true;
}

static bool analyze_name(sp_SymTable *st, sp_Scope *s, sp_NEnt *e) {
    int flags = e->flags;
    const char *name = e->name;
    if (flags & SP_DEF_GLOBAL) {
        if (flags & SP_DEF_NONLOCAL) return st_err(st, e->dir, "name '%s' is nonlocal and global", name);
        e->scope = SP_SC_GLOBAL_EXPLICIT;
        return true;
    }
    if (flags & SP_DEF_NONLOCAL) {
        if (s->kind == SP_BLOCK_MODULE)
            return st_err(st, e->dir, "nonlocal declaration not allowed at module level", NULL);
    } else if (flags & SP_DEF_BOUND) {
        e->scope = SP_SC_LOCAL;
        return true;
    }
    sp_Scope *f = binder(s, e);
    if (!f) {
        if (flags & SP_DEF_NONLOCAL) return st_err(st, e->dir, "no binding for nonlocal '%s' found", name);
        e->scope = SP_SC_GLOBAL_IMPLICIT;
        return true;
    }
    e->scope = SP_SC_FREE;
    return mark_free(st, s, f, name);
}

static bool analyze_block(sp_SymTable *st, sp_Scope *s) {
    if (!depth_enter(st)) return false;
    bool ok = true;
    /* what nested blocks may find bound: s->visible plus, for a function,
     * its locals (a class is transparent, the module ends the walk) */
    uint64_t visible = s->kind == SP_BLOCK_CLASS ? s->visible : 0;
    /* mark_free only adds to enclosing blocks: s->syms.n is stable */
    for (size_t k = 0; ok && k < s->syms.n; k++) {
        sp_NEnt *e = &s->syms.e[k];
        ok = analyze_name(st, s, e);
        if (s->kind == SP_BLOCK_FUNCTION && e->scope == SP_SC_LOCAL) visible |= name_bit(e->hash);
    }
    if (s->kind == SP_BLOCK_FUNCTION) visible |= s->visible;
    for (size_t i = 0; ok && i < s->nchildren; i++) {
        s->children[i]->visible = visible;
        ok = analyze_block(st, s->children[i]);
    }
    st->depth--;
    return ok;
}

/* ------------------------------------------------------------ entry */

bool sp_symtable_build(sp_SymTable *st, sp_VM *vm, sp_Arena *arena, const sp_Node *mod,
                       const char *filename, const char *src, size_t n) {
    memset(st, 0, sizeof *st);
    st->vm = vm;
    st->arena = arena;
    st->filename = filename;
    st->src = src;
    st->srclen = n;
    if (!enter_block(st, "top", SP_BLOCK_MODULE, mod)) return false;
    st->deferring = true;
    if (!visit_stmts(st, &mod->u.module.body)) return false;
    /* a declared global changes the module's own ops: resolve them all */
    if ((st->pendflags & (SP_DEF_GLOBAL | SP_DEF_NONLOCAL)) && !materialize(st)) return false;
    return analyze_block(st, st->top);
}

/* Scopes and their tables live in the arena, which goes with the AST. */
void sp_symtable_free(sp_SymTable *st) { memset(st, 0, sizeof *st); }
