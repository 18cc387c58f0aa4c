/* sp_symtable.h - scope analysis for the compiler (private to
 * sp_symtable.c and sp_compile.c).  Follows CPython 3.11's symtable.c:
 * a first pass records how each block uses each name, a second pass
 * resolves every name to local / global / free / cell. */
#ifndef SP_SYMTABLE_H
#define SP_SYMTABLE_H

#include "sp_ast.h"

/* How a block uses a name (CPython's DEF_* flags). */
enum {
    SP_DEF_GLOBAL = 1,      /* global statement */
    SP_DEF_LOCAL = 2,       /* assigned in the block */
    SP_DEF_PARAM = 4,       /* parameter */
    SP_DEF_NONLOCAL = 8,    /* nonlocal statement */
    SP_USE = 16,            /* read */
    SP_DEF_FREE_CLASS = 32, /* free in a method, bound in the class body */
    SP_DEF_IMPORT = 64,     /* bound by import */
    SP_DEF_ANNOT = 128,     /* annotated (`x: int`) */
    SP_DEF_COMP_ITER = 256  /* comprehension iteration variable */
};
#define SP_DEF_BOUND (SP_DEF_LOCAL | SP_DEF_PARAM | SP_DEF_IMPORT)

/* Resolved scope of a name. */
enum { SP_SC_NONE = 0, SP_SC_LOCAL, SP_SC_GLOBAL_EXPLICIT, SP_SC_GLOBAL_IMPLICIT,
       SP_SC_FREE, SP_SC_CELL };

enum { SP_BLOCK_MODULE = 0, SP_BLOCK_FUNCTION, SP_BLOCK_CLASS };

/* Comprehension kinds (for "'yield' inside list comprehension"). */
enum { SP_COMP_NONE = 0, SP_COMP_LIST, SP_COMP_SET, SP_COMP_DICT, SP_COMP_GEN };

/* A name table: insertion-ordered entries plus an open-addressing index.
 * Used for the symbols of a block (in the AST's arena) and for the
 * compiler's name -> index maps. */
typedef struct sp_NEnt {
    const char *name;
    uint32_t hash;
    int flags;              /* SP_DEF_* / SP_USE (the compiler: the index) */
    int scope;              /* SP_SC_* after analysis */
    union {
        const sp_Node *dir; /* first global/nonlocal statement naming it */
        sp_Str *str;        /* the compiler's tables: the interned name, if known */
    };
    int32_t slot;           /* the compiler: 1 + the index the name ops of unit
                               number `unit` use (co_names, varnames or cells) */
    uint32_t unit;          /* (a block compiled twice, in a finally body, has two) */
} sp_NEnt;

/* Most tables hold a handful of names: up to SP_NT_SCAN entries they are
 * searched linearly, without an index. */
enum { SP_NT_SCAN = 8, SP_NT_FIRST = 4 };

typedef struct sp_NameTab {
    sp_NEnt *e;
    size_t n, cap;
    int32_t *idx;           /* icap slots, -1 empty; NULL while n <= SP_NT_SCAN */
    size_t icap;
    sp_Arena *arena;        /* non-NULL: memory from there (sp_nt_free is a no-op) */
} sp_NameTab;

/* Entry for name, added with flags 0 if absent (NULL: MemoryError). */
sp_NEnt *sp_nt_add(sp_VM *vm, sp_NameTab *t, const char *name);

static inline uint32_t sp_nt_hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

/* The same for a name the caller knows is absent: no search, and while
 * the table is small and has room, no call. */
sp_NEnt *sp_nt_push_slow(sp_VM *vm, sp_NameTab *t, const char *name);
static inline sp_NEnt *sp_nt_push(sp_VM *vm, sp_NameTab *t, const char *name) {
    if (t->n >= t->cap || t->n >= SP_NT_SCAN) return sp_nt_push_slow(vm, t, name); /* below it: no index */
    sp_NEnt *e = &t->e[t->n++];
    *e = (sp_NEnt){.name = name, .hash = sp_nt_hash(name)};
    return e;
}
sp_NEnt *sp_nt_get(const sp_NameTab *t, const char *name);
void sp_nt_free(sp_VM *vm, sp_NameTab *t);

typedef struct sp_Scope sp_Scope;
struct sp_Scope {
    int kind;               /* SP_BLOCK_* */
    int comp;               /* SP_COMP_* for comprehension scopes */
    const char *name;
    const sp_Node *node;
    sp_Scope *parent;
    sp_Scope **children;
    size_t nchildren, capchildren;
    sp_NameTab syms;
    const char **params;    /* parameter names in slot order */
    size_t nparams, capparams;
    bool nested;            /* inside a function */
    bool generator;
    bool varargs, varkw;
    bool comp_await;        /* await inside a comprehension */
    uint64_t visible;       /* pass 2: bit (hash & 63) of every name an enclosing
                               function binds for nested code (a Bloom filter) */
    int comp_iter_target, comp_iter_expr; /* visiting state */
};

typedef struct sp_ScopeMapEnt {
    const sp_Node *node;
    sp_Scope *scope;
} sp_ScopeMapEnt;

/* A module-level use or definition not yet entered in the module's table. */
typedef struct sp_PendDef {
    const char *name;
    int flag;
} sp_PendDef;

typedef struct sp_SymTable {
    sp_VM *vm;
    sp_Arena *arena;         /* scopes, children arrays, the node map (the AST's arena) */
    const char *filename, *src;
    size_t srclen;
    sp_Scope *top, *cur;
    const char *private_;    /* enclosing class name, for mangling */
    sp_ScopeMapEnt *map;     /* node -> scope, open addressing */
    size_t mapn, mapcap;
    int depth;
    /* Module-level names resolve to NAME ops unless declared global (by a
     * global statement or a comprehension's walrus), so while nothing
     * asks, their uses are only listed (deferring); the module's table is
     * filled from the list when something needs it, and stays empty when
     * nothing does (the compiler then finds no symbol: a NAME op). */
    bool deferring;
    int pendflags;           /* every flag listed */
    sp_PendDef *pend;
    size_t npend, cappend;
} sp_SymTable;

/* Build and analyse.  false: SyntaxError/RecursionError/MemoryError
 * pending.  Everything lives in the arena: sp_symtable_free only forgets. */
bool sp_symtable_build(sp_SymTable *st, sp_VM *vm, sp_Arena *arena, const sp_Node *mod,
                       const char *filename, const char *src, size_t n);
void sp_symtable_free(sp_SymTable *st);
sp_Scope *sp_symtable_scope(sp_SymTable *st, const sp_Node *node);
/* The entry for name in the scope or NULL. */
sp_NEnt *sp_scope_get(sp_Scope *s, const char *name);

/* Private name mangling (__x in class C -> _C__x); the result is name
 * itself or allocated in a; NULL on MemoryError. */
const char *sp_mangle(sp_Arena *a, const char *priv, const char *name);

/* Shared with sp_compile.c: a SyntaxError located at node. */
void sp_st_error(sp_VM *vm, const char *filename, const char *src, size_t n, const sp_Node *at,
                 const char *fmt, const char *name);
/* RecursionError "maximum recursion depth exceeded during compilation". */
void sp_st_recursion(sp_VM *vm);

#endif
