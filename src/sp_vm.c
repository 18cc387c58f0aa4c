/* sp_vm.c - the interpreter loop.
 *
 * Python-to-Python calls never recurse in C: a call pushes a frame onto
 * the VM's data stack (chunks that never move, so frames and stack slots
 * have stable addresses) and the same loop continues in it.  Generator
 * frames live inside their generator objects and are linked into the
 * frame chain while they run; FOR_ITER and SEND_FROM switch into them
 * without recursing either.  Only C code calling back into Python (a sort
 * key, a user __eq__ reached from a native) starts a nested loop.
 *
 * GC safety: collection happens only inside sp_gc_maybe (here, and in
 * sp_next from C iteration loops) or nested user code, and marks every
 * frame from vm->frame down through its saved sp.
 * So every instruction that can call out does SAVE() first, with its
 * operands still on the stack.  New objects held only in C are parked in
 * the scratch slots above the stack (sp_code_new reserves two).
 *
 * Pausing (issue 5) hooks into do_call: a native "external function"
 * will make run() SAVE() and return a PAUSED status with the whole state
 * in frames (data-stack chunks + generator objects), to be resumed by
 * pushing the host's value (or raising its exception) in the innermost
 * frame and re-entering run() at frame->ip.  Nothing here keeps a raw C
 * pointer that is not an offset into a frame, a chunk or a GC object. */
#include "sp_code.h"
#include "sp_class.h"
#include "sp_iter.h" /* FOR_ITER steps list and tuple iterators in line */
#include <math.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The loop is big enough that gcc stops inlining on its own.  And it
 * starts on a cache line: its code is then laid out the same wherever the
 * linker puts it, so a change elsewhere in the library cannot move its
 * jump targets across line boundaries (a wall-time effect callgrind does
 * not see: session 7's wordcount swing was of that kind). */
#if defined(__GNUC__)
#define LOOP_INLINE inline __attribute__((always_inline))
#define LOOP_ALIGNED __attribute__((aligned(64)))
#else
#define LOOP_INLINE inline
#define LOOP_ALIGNED
#endif

struct sp_Chunk {
    sp_Chunk *prev, *next;   /* next: a spare kept for reuse */
    sp_Value *prev_top;      /* stack_top of prev when we moved here */
    size_t size;             /* slots */
    sp_Value data[];
};

/* How a frame hands its result to the caller (sp_Frame.retmode).
 * RET_BINOP, RET_RBINOP (b.__rop__(a)), RET_CMP and RET_ATTR: a dunder
 * or property getter called by
 * BINARY_OP / COMPARE_OP / LOAD_ATTR, whose operands stay on the caller's
 * stack (a RET_CMP frame holds a C level: sp_richcmp's " in comparison"). */
enum { RET_PUSH = 0, RET_EXIT, RET_FORITER, RET_SEND, RET_INIT, RET_BINOP, RET_ATTR, RET_CMP,
       RET_RBINOP };
/* run() entry modes (sp_gen_run's too). */
enum { MODE_NORMAL = 0, MODE_THROW, MODE_SENDRET, MODE_RAISE };
/* or'ed into the mode: this loop may return SP_RUN_PAUSE (issue 5) */
enum { MODE_PAUSABLE = 8 };

_Static_assert(offsetof(sp_Frame, localsplus) <= SP_FRAME_HDR_SLOTS * sizeof(sp_Value),
               "frame header slots");

/* ------------------------------------------------------------ state */

/* The lookup caches (a few KiB to clear) come at the CACHE_AFTER-th poll:
 * a snippet that neither loops nor calls much never pays for them. */
enum { CACHE_AFTER = 64 };
_Static_assert(CACHE_AFTER < SP_POLL_INTERVAL, "cache poll before the first full poll");

/* The loop state and the first data-stack chunk are one block, filling a
 * region slot (so it comes with the VM's own host block): the first run
 * allocates once.  The first chunk goes with the state, never alone. */
enum {
    EXEC_BYTES = SP_REGION_SLOT,
    FIRST_CHUNK = (EXEC_BYTES - sizeof(sp_Exec) - sizeof(sp_Chunk)) / sizeof(sp_Value)
};
_Static_assert(sizeof(sp_Exec) % 16 == 0, "the first chunk after the state stays 16-byte aligned");
_Static_assert(sizeof(void *) != 8 || sizeof(sp_Exec) == 96,
               "sp_exec sets every field of sp_Exec: a new one needs its store there");

sp_Exec *sp_exec(sp_VM *vm) {
    if (vm->exec) return vm->exec;
    sp_Exec *x = sp_malloc(vm, EXEC_BYTES);
    if (!x) return NULL;
    sp_Chunk *c = (sp_Chunk *)(void *)(x + 1);
    /* field by field: a memset (or a compound literal) of the 96 bytes
     * is a `rep stos`, whose start-up costs more than these stores */
    x->chunk = c;
    x->exc_info = x->pending = SP_NULLV;
    x->poll = CACHE_AFTER;
    x->ids = NULL;
    x->nids = x->idcap = 0;
    x->nextid = 0;
    x->pause_names = false;
    x->caches = NULL;
    *c = (sp_Chunk){.size = FIRST_CHUNK};
    vm->stack = vm->stack_top = c->data;
    vm->stack_end = c->data + c->size;
    vm->exec = x;
    return x;
}

static void free_chunks(sp_VM *vm, sp_Chunk *c) {
    while (c) {
        sp_Chunk *n = c->next;
        sp_free(vm, c, sizeof *c + c->size * sizeof(sp_Value));
        c = n;
    }
}

void sp_vm_free_exec(sp_VM *vm) {
    sp_Exec *x = vm->exec;
    if (!x) return;
    free_chunks(vm, ((sp_Chunk *)(void *)(x + 1))->next); /* the first goes with x */
    if (x->ids) sp_free(vm, x->ids, x->idcap * sizeof *x->ids);
    sp_free(vm, x->caches, sizeof *x->caches);
    sp_free(vm, x, EXEC_BYTES);
    vm->exec = NULL;
    vm->stack = vm->stack_top = vm->stack_end = NULL;
}

void sp_frame_mark(sp_VM *vm, sp_Frame *f) {
    sp_gc_marko(vm, &f->code->h);
    sp_gc_marko(vm, (sp_Obj *)f->func);
    sp_gc_marko(vm, (sp_Obj *)f->globals);
    sp_gc_marko(vm, (sp_Obj *)f->locals);
    sp_gc_marko(vm, (sp_Obj *)f->gen);
    sp_gc_markv(vm, f->result);
    for (sp_Value *p = sp_frame_locals(f); p < f->sp; p++) sp_gc_markv(vm, *p);
}

void sp_vm_mark_roots(sp_VM *vm) {
    sp_Exec *x = vm->exec;
    if (!x) return;
    sp_gc_markv(vm, x->exc_info);
    sp_gc_markv(vm, x->pending);
    for (sp_Frame *f = vm->frame; f; f = f->prev) sp_frame_mark(vm, f);
}

/* ------------------------------------------------------------ data stack */

static bool next_chunk(sp_VM *vm, sp_Exec *x, size_t need) {
    sp_Chunk *cur = x->chunk, *c = cur ? cur->next : NULL;
    if (c && c->size < need) {
        free_chunks(vm, c);
        c = NULL;
    }
    if (!c) { /* (the first came with x: sp_exec) */
        size_t size = need > SP_STACK_CHUNK ? need : SP_STACK_CHUNK, bytes;
        if (!sp_size_mul(vm, size, sizeof(sp_Value), &bytes)) return false;
        c = sp_malloc(vm, sizeof *c + bytes);
        if (!c) return false;
        c->size = size;
        c->next = NULL;
    }
    c->prev = cur;
    c->prev_top = vm->stack_top;
    if (cur) cur->next = c;
    x->chunk = c;
    vm->stack = vm->stack_top = c->data;
    vm->stack_end = c->data + c->size;
    return true;
}

static inline sp_Frame *push_frame(sp_VM *vm, sp_Exec *x, sp_Code *c) {
    size_t n = (size_t)c->framesize;
    if ((size_t)(vm->stack_end - vm->stack_top) < n && !next_chunk(vm, x, n)) return NULL;
    sp_Frame *f = (sp_Frame *)vm->stack_top;
    vm->stack_top += n;
    return f;
}

/* Frames are popped in LIFO order; leaving the first frame of a chunk
 * goes back to the previous chunk (the emptied one stays as a spare). */
static void pop_frame(sp_VM *vm, sp_Exec *x, sp_Frame *f) {
    vm->stack_top = (sp_Value *)f;
    sp_Chunk *c = x->chunk;
    if (vm->stack_top == c->data && c->prev) {
        x->chunk = c->prev;
        vm->stack_top = c->prev_top;
        vm->stack = x->chunk->data;
        vm->stack_end = x->chunk->data + x->chunk->size;
    }
}

static bool depth_ok(sp_VM *vm) {
    /* C levels (a comparison, a builtin call) share the budget, as in CPython */
    if (vm->pydepth + vm->cdepth < vm->pydepth_max) return true;
    sp_raise(vm, &sp_t_RecursionError, "maximum recursion depth exceeded");
    return false;
}

/* A data-stack frame for calling f, arguments bound; NULL on error. */
static sp_Frame *call_frame(sp_VM *vm, sp_Exec *x, sp_Func *fn, sp_Value *args, int nargs,
                            sp_Tuple *kw) {
    if (!depth_ok(vm)) return NULL;
    sp_Code *c = fn->code;
    sp_Frame *nf = push_frame(vm, x, c);
    if (!nf) return NULL;
    if (!kw && nargs == c->argcount && !c->kwonlyargcount && !c->ncells && !c->nfree &&
        !(c->flags & (SP_CO_VARARGS | SP_CO_VARKW))) {
        /* the common call, inline: sp_frame_init's simple case */
        sp_frame_init_module(nf, c, fn->globals, NULL);
        nf->func = fn;
        for (int i = 0; i < nargs; i++) sp_frame_locals(nf)[i] = args[i];
    } else if (!sp_frame_init(vm, nf, fn, args, nargs, kw)) {
        pop_frame(vm, x, nf);
        return NULL;
    }
    vm->pydepth++;
    return nf;
}

/* The inline call: a plain Python function (sp_Code.fastcall) given
 * exactly its positional arguments, with room left in the current chunk.
 * NULL means "take the general path", never an error: that path redoes
 * every check and raises what needs raising. */
static inline sp_Frame *fast_frame(sp_VM *vm, sp_Value callee, const sp_Value *args, int nargs) {
    if (callee.tag != SP_OBJ || SP_O(callee)->type != &sp_t_function) return NULL;
    sp_Func *fn = SP_AS(sp_Func, callee);
    sp_Code *c = fn->code;
    if (!c->fastcall || nargs != c->argcount || vm->pydepth + vm->cdepth >= vm->pydepth_max ||
        vm->stack_end - vm->stack_top < c->framesize)
        return NULL;
    sp_Frame *nf = (sp_Frame *)vm->stack_top;
    vm->stack_top += c->framesize;
    nf->code = c;
    nf->func = fn;
    nf->globals = fn->globals;
    nf->locals = NULL;
    nf->ip = c->code;
    nf->gen = NULL;
    nf->result = SP_NULLV;
    nf->nblocks = 0;
    nf->retmode = RET_PUSH;
    sp_Value *L = nf->localsplus + c->blockslots;
    int i = 0;
    for (; i < nargs; i++) L[i] = args[i];
    for (; i < (int)c->nlocals; i++) L[i] = SP_NULLV;
    nf->stack = nf->sp = L + c->nlocals;
    vm->pydepth++;
    return nf;
}

/* ------------------------------------------------------------ exceptions */

static sp_Exc *as_exc(sp_Value v) {
    return sp_isobj(v) && sp_isexc_type(sp_typeof(v)) ? SP_AS(sp_Exc, v) : NULL;
}

/* CPython's implicit chaining: an exception raised while exc_info is
 * being handled gets it as __context__, breaking any cycle it would make
 * (bounded walk: chains can be long, and may already be cyclic). */
void sp_exc_set_context(sp_VM *vm, sp_Value exc, bool force) {
    sp_Exc *e = as_exc(exc);
    sp_Exec *x = vm->exec;
    if (!e || !x || sp_isnull(x->exc_info) || sp_is(x->exc_info, exc)) return;
    if (!force && !sp_isnull(e->context)) return;
    sp_Exc *o = as_exc(x->exc_info);
    for (int steps = 0; o && steps < 100000; steps++) {
        /* a limit replaces the exception being raised (both callers unwind next) */
        if ((steps & 1023) == 1023 && !sp_check_limits(vm)) return;
        sp_Exc *c = as_exc(o->context);
        if (!c) break;
        if (c == e) {
            o->context = SP_NULLV;
            break;
        }
        o = c;
    }
    e->context = x->exc_info;
}

static int frame_line(sp_Frame *f) {
    const sp_Code *c = f->code;
    return f->ip > c->code ? sp_code_line(c, (uint32_t)(f->ip - c->code - 1)) : c->firstline;
}

/* A traceback entry; on allocation failure the entry is lost but the
 * original exception stays pending, unless that failure hit a limit: then
 * the limit's error ends the run. */
static void tb_here(sp_VM *vm, sp_Code *c, int line, int kind) {
    sp_Value exc = vm->exc;
    if (!sp_tb_add(vm, exc, c, line, kind) && !vm->limit_hit) vm->exc = exc;
}

/* ---- inlined comprehensions (sp_code.h's top comment) */

/* The kind of the comprehension f is running in (its innermost block is
 * then that comprehension's: nothing goes on one), or SP_TB_FRAME. */
static int comp_kind(sp_Frame *f) {
    int32_t h = f->nblocks > 0 ? sp_frame_blocks(f)[f->nblocks - 1].handler : 0;
    return h < -1 ? (int)SP_COMP_KIND(SP_OPARG(f->code->code[SP_COMP_PC(h)])) + 1 : SP_TB_FRAME;
}

/* A traceback entry for f (or the comprehension it is in) at its line. */
static void add_tb(sp_VM *vm, sp_Frame *f) { tb_here(vm, f->code, frame_line(f), comp_kind(f)); }

/* COMP_ENTER at pc, sp past the iterator: what calling the comprehension's
 * function would check, its block and its empty collection. */
static sp_Value comp_enter(sp_VM *vm, sp_Frame *f, sp_Value *sp, uint32_t pc) {
    if (!depth_ok(vm)) return SP_ERRV;
    uint32_t kind = SP_COMP_KIND(SP_OPARG(f->code->code[pc]));
    sp_Value r = kind == 0 ? sp_list_of(vm, sp, 0) : kind == 1 ? sp_set_new(vm, &sp_t_set) : sp_dict_with_room(vm, 0);
    if (sp_iserr(r)) return r;
    sp_frame_blocks(f)[f->nblocks++] = (sp_Block){SP_COMP_HANDLER(pc), (uint32_t)(sp - f->stack - 1)};
    vm->pydepth++;
    return r;
}

/* Leaving the comprehension of block handler h: as its frame would go,
 * its targets go (no value stays alive in their slots). */
static void comp_leave(sp_VM *vm, sp_Frame *f, int32_t h) {
    uint32_t a = SP_OPARG(f->code->code[SP_COMP_PC(h)]);
    sp_Value *L = sp_frame_locals(f) + SP_COMP_FIRST(a);
    for (uint32_t i = 0, n = SP_COMP_N(a); i < n; i++) L[i] = SP_NULLV;
    vm->pydepth--;
}

/* An exception leaving it: the enclosing entry, on the line the call
 * would have had (COMP_ENTER's). */
static void comp_unwind(sp_VM *vm, sp_Frame *f, int32_t h) {
    comp_leave(vm, f, h);
    tb_here(vm, f->code, sp_code_line(f->code, SP_COMP_PC(h)), comp_kind(f));
}

static sp_Value name_error(sp_VM *vm, sp_Str *name) {
    sp_raise(vm, &sp_t_NameError, "name '%U' is not defined", name);
    sp_exc_set_name_obj(vm, name, SP_NULLV);
    return SP_ERRV;
}

static sp_Value unbound_local(sp_VM *vm, sp_Code *c, uint32_t i) {
    return sp_raise(vm, &sp_t_UnboundLocalError,
                    "cannot access local variable '%U' where it is not associated with a value",
                    c->localnames[i]);
}

static sp_Value unbound_deref(sp_VM *vm, sp_Code *c, uint32_t i) {
    if (i < c->ncells) return unbound_local(vm, c, c->nlocals + i);
    return sp_raise(vm, &sp_t_NameError,
                    "cannot access free variable '%U' where it is not associated with a value "
                    "in enclosing scope", c->localnames[c->nlocals + i]);
}

/* "f()" / "A.f()" / "int object" for call error messages (CPython's
 * _PyObject_FunctionStr). */
static sp_Value func_str(sp_VM *vm, sp_Value fn) {
    if (sp_istype(fn, &sp_t_boundmethod)) fn = SP_AS(sp_BoundMethod, fn)->func;
    if (sp_istype(fn, &sp_t_function)) {
        sp_Func *f = SP_AS(sp_Func, fn);
        if (sp_isstr(f->module) && !sp_str_eqc(SP_STR(f->module), "builtins"))
            return sp_fmt(vm, "%S.%U()", f->module, f->qualname);
        return sp_fmt(vm, "%U()", f->qualname);
    }
    if (sp_istype(fn, &sp_t_cfunc)) {
        sp_CFunc *c = SP_AS(sp_CFunc, fn);
        if (c->qualprefix) return sp_fmt(vm, "%s.%s()", c->qualprefix, c->name);
        return sp_fmt(vm, "%s()", c->name);
    }
    if (sp_isinst(fn, &sp_t_type)) return sp_fmt(vm, "%s()", ((sp_Type *)SP_O(fn))->name);
    return sp_fmt(vm, "%s object", sp_typename(fn));
}

/* ------------------------------------------------------------ slow paths */

/* Builtins are static and interned names live as long as the VM, so a
 * remembered lookup never goes stale (a binary search of strcmps saved). */
static sp_Value builtin_cached(sp_VM *vm, sp_Str *name) {
    sp_Exec *x = vm->exec;
    if (!x || !x->caches || !name->interned) return sp_builtin_lookup(vm, name);
    uint64_t h = (uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15ull;
    sp_BCacheEnt *e = &x->caches->bcache[h >> (64 - SP_BCACHE_BITS)];
    if (e->name == name) return e->v;
    sp_Value v = sp_builtin_lookup(vm, name);
    if (sp_isnull(v) || (sp_isobj(v) && (SP_O(v)->gcflags & SP_GC_STATIC))) {
        e->name = name;
        e->v = v;
        e->g = NULL;
    }
    return v;
}

/* name is not a key of the globals g: its builtin, and the memory of that
 * for global_hinted (g watched: sp_dict.c bumps vm->gkeys_epoch when a
 * watched dict gains a key or dies). */
static sp_Value builtin_absent(sp_VM *vm, sp_Caches *c, sp_Dict *g, sp_Str *name, size_t k) {
    sp_Value v = builtin_cached(vm, name);
    sp_BCacheEnt *b = &c->bcache[k];
    sp_Obj *go = (sp_Obj *)(void *)g; /* sp_Dict starts with its header */
    if (b->name == name && !sp_isnull(v) && go->type == &sp_t_dict) {
        go->objflags |= SP_DICT_WATCHED;
        b->g = g;
        b->epoch = vm->gkeys_epoch;
    }
    return v;
}

static sp_Value load_global_opt(sp_VM *vm, sp_Dict *g, sp_Str *name) {
    sp_Value v = sp_dict_gets(g, name);
    return sp_isnull(v) ? builtin_cached(vm, name) : v;
}

/* global_hinted's misses (out of line: the hits are inlined in the loop):
 * look name up in g, renewing the hint, else the builtins. */
static sp_Value global_lookup(sp_VM *vm, sp_Caches *c, sp_Dict *g, sp_Str *name, size_t k) {
    int64_t ix = sp_dict_index_of(g, name);
    if (ix < 0) return builtin_absent(vm, c, g, name, k);
    c->gcache[k] = (sp_GCacheEnt){name, ix};
    sp_Value v = sp_dict_at(g, ix, name);
    return sp_isnull(v) ? sp_dict_gets(g, name) : v; /* an equal key, not this str */
}

/* A global by its entry hint (self-checking: see sp_dict_at), or a
 * builtin known to be missing from g; else looked up.  SP_NULLV: no such
 * name. */
static LOOP_INLINE sp_Value global_hinted(sp_VM *vm, sp_Exec *x, sp_Dict *g, sp_Str *name) {
    sp_Caches *c = x->caches;
    if (!c) return load_global_opt(vm, g, name);
    uint64_t h = (uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15ull;
    size_t k = h >> (64 - SP_BCACHE_BITS); /* builtin_cached's slot too */
    const sp_GCacheEnt *e = &c->gcache[k];
    sp_Value v = e->name == name ? sp_dict_at(g, e->ix, name) : SP_NULLV;
    if (!sp_isnull(v)) return v;
    const sp_BCacheEnt *b = &c->bcache[k];
    if (b->g == g && b->name == name && b->epoch == vm->gkeys_epoch) return b->v;
    return global_lookup(vm, c, g, name, k);
}

/* A store into a globals dict, by the entry hint when it holds. */
static inline bool global_store(sp_VM *vm, sp_Exec *x, sp_Dict *g, sp_Str *name, sp_Value v) {
    if (x->caches) {
        uint64_t h = (uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15ull;
        sp_GCacheEnt *e = &x->caches->gcache[h >> (64 - SP_BCACHE_BITS)];
        if (e->name == name && sp_dict_put_at(g, e->ix, name, v)) return true;
    }
    return sp_dict_sets(vm, g, name, v);
}

static sp_Value load_name(sp_VM *vm, sp_Exec *x, sp_Frame *f, sp_Str *name) {
    if (f->locals && f->locals != f->globals) {
        sp_Value v = sp_dict_gets(f->locals, name);
        if (!sp_isnull(v)) return v;
    }
    sp_Value v = global_hinted(vm, x, f->globals, name);
    return sp_isnull(v) ? name_error(vm, name) : v;
}

static sp_Value no_locals(sp_VM *vm) {
    return sp_raise(vm, &sp_t_SystemError, "no locals found");
}

static bool del_name(sp_VM *vm, sp_Dict *d, sp_Str *name) {
    int r = sp_dict_del(vm, d, sp_objv(name));
    if (r == 0) name_error(vm, name);
    return r > 0;
}

/* ( [defaults] [kwdefaults] [closure] code -- func ) with sp at the top. */
static sp_Value make_function(sp_VM *vm, sp_Frame *f, sp_Value *sp, uint32_t flags) {
    sp_Value code = *--sp;
    if (!sp_istype(code, &sp_t_code)) return sp_raise(vm, &sp_t_SystemError, "MAKE_FUNCTION needs code");
    sp_Value fv = sp_func_new(vm, SP_AS(sp_Code, code), f->globals);
    if (sp_iserr(fv)) return fv;
    sp_Func *fn = SP_AS(sp_Func, fv);
    if (flags & 8) fn->closure = *--sp;
    if (flags & 2) fn->kwdefaults = *--sp;
    if (flags & 1) fn->defaults = *--sp;
    return fv;
}

static sp_Value unpack_count_error(sp_VM *vm, size_t want, size_t got, bool atleast) {
    if (got > want && !atleast)
        return sp_raise(vm, &sp_t_ValueError, "too many values to unpack (expected %zu)", want);
    return sp_raise(vm, &sp_t_ValueError, "not enough values to unpack (expected %s%zu, got %zu)",
                    atleast ? "at least " : "", want, got);
}

/* Items of v as an array (a tuple/list's own, or a fresh list parked in
 * scratch[0]); at most `limit` items are pulled from an iterator, so an
 * endless one fails fast.  scratch[] is rooted by the caller. */
static bool unpack_items(sp_VM *vm, sp_Value v, size_t limit, sp_Value *scratch,
                         sp_Value **items, size_t *n) {
    if (sp_istuple(v) || sp_islist(v)) {
        *items = sp_istuple(v) ? SP_TUPLE(v)->items : SP_LIST(v)->items;
        *n = sp_istuple(v) ? SP_TUPLE(v)->n : SP_LIST(v)->n;
        return true;
    }
    sp_Type *t = sp_typeof(v);
    if (!t->iter && !t->getitem) {
        sp_raise(vm, &sp_t_TypeError, "cannot unpack non-iterable %s object", t->name);
        return false;
    }
    sp_Value l = sp_list_with_cap(vm, 4), it;
    if (sp_iserr(l)) return false;
    scratch[0] = l;
    if (sp_iserr(it = sp_iter(vm, v))) return false;
    scratch[1] = it;
    while (SP_LIST(l)->n < limit) {
        sp_Value x = sp_next(vm, it);
        if (sp_iserr(x)) return false;
        if (sp_isnull(x)) break;
        if (!sp_list_append(vm, SP_LIST(l), x)) return false;
    }
    *items = SP_LIST(l)->items;
    *n = SP_LIST(l)->n;
    return true;
}

/* UNPACK_SEQUENCE / UNPACK_EX: v is at sp[-1]; results replace it with
 * the first item on top.  before/after: star form (star < 0: plain). */
static bool unpack(sp_VM *vm, sp_Frame *f, sp_Value *sp, uint32_t before, uint32_t after, bool star) {
    sp_Value v = sp[-1], *items;
    size_t n, want = (size_t)before + after;
    f->sp = sp + 2; /* scratch slots rooted */
    sp[0] = sp[1] = SP_NONEV;
    if (!unpack_items(vm, v, star ? SIZE_MAX : want + 1, sp, &items, &n)) return false;
    if (star ? n < want : n != want) {
        unpack_count_error(vm, want, n, star);
        return false;
    }
    sp_Value *dst = sp - 1, mid = SP_NULLV;
    if (star) { /* the starred list is built before dst is overwritten */
        mid = sp_list_new(vm, n - want);
        if (sp_iserr(mid)) return false;
        if (n > want) memcpy(SP_LIST(mid)->items, items + before, (n - want) * sizeof *items);
    }
    /* dst[0] is v's own slot; nothing can collect v while we copy */
    if (!star) {
        for (size_t i = 0; i < n; i++) dst[n - 1 - i] = items[i];
        return true;
    }
    size_t k = 0;
    for (uint32_t i = 0; i < after; i++) dst[k++] = items[n - 1 - i];
    dst[k++] = mid;
    for (uint32_t i = 0; i < before; i++) dst[k++] = items[before - 1 - i];
    return true;
}

static sp_Value build_string(sp_VM *vm, sp_Value *items, uint32_t n) {
    size_t len = 0, clen = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (!sp_isstr(items[i])) return sp_raise(vm, &sp_t_SystemError, "BUILD_STRING of non-str");
        len += SP_STR(items[i])->len, clen += SP_STR(items[i])->clen;
        if (len > SP_MAX_ALLOC) return sp_nomem(vm), SP_ERRV;
    }
    if (n == 1) return items[0];
    sp_Str *s = sp_str_alloc(vm, len, clen);
    if (!s) return SP_ERRV;
    size_t at = 0;
    for (uint32_t i = 0; i < n; i++) {
        memcpy(s->data + at, SP_STR(items[i])->data, SP_STR(items[i])->len);
        at += SP_STR(items[i])->len;
    }
    return sp_objv(s);
}

static sp_Value format_value(sp_VM *vm, sp_Value v, uint32_t flags, sp_Value spec) {
    switch (flags & 3) {
    case 1: v = sp_str(vm, v); break;
    case 2: v = sp_repr(vm, v); break;
    case 3: v = sp_ascii(vm, v); break;
    }
    if (sp_iserr(v)) return v;
    if (!(flags & 4) && sp_isstr(v)) return v;
    if (!(flags & 4)) {
        spec = sp_str_intern(vm, "", 0);
        if (sp_iserr(spec)) return spec;
    }
    if (!sp_isstr(spec)) return sp_raise(vm, &sp_t_SystemError, "format spec is not a str");
    return sp_format(vm, v, SP_STR(spec));
}

/* ( k1 v1 .. kn vn -- dict ); the dict waits in the scratch slot. */
static sp_Value build_map(sp_VM *vm, sp_Frame *f, sp_Value *sp, uint32_t n) {
    sp_Value d = sp_dict_with_room(vm, n);
    if (sp_iserr(d)) return d;
    sp[0] = d;
    f->sp = sp + 1;
    sp_Value *kv = sp - 2 * (size_t)n;
    for (uint32_t i = 0; i < n; i++)
        if (!sp_dict_set(vm, SP_DICT(d), kv[2 * i], kv[2 * i + 1])) return SP_ERRV;
    return d;
}

static sp_Value build_set(sp_VM *vm, sp_Frame *f, sp_Value *sp, uint32_t n) {
    sp_Value s = sp_set_new(vm, &sp_t_set);
    if (sp_iserr(s)) return s;
    sp[0] = s;
    f->sp = sp + 1;
    for (sp_Value *p = sp - n; p < sp; p++)
        if (sp_set_add(vm, s, *p) < 0) return SP_ERRV;
    return s;
}

static bool not_iterable(sp_Value v) {
    sp_Type *t = sp_typeof(v);
    return !t->iter && !t->getitem;
}

static bool list_extend(sp_VM *vm, sp_Value list, sp_Value it) {
    if (not_iterable(it)) {
        sp_raise(vm, &sp_t_TypeError, "Value after * must be an iterable, not %s", sp_typename(it));
        return false;
    }
    return sp_list_extend(vm, SP_LIST(list), it);
}

/* {*a, ...}: sp_set_update merges a set argument the way CPython does,
 * which is what makes set display order match. */
static bool set_update(sp_VM *vm, sp_Value set, sp_Value it) { return sp_set_update(vm, set, it); }

static bool dup_keyword(sp_VM *vm, sp_Value fn, sp_Value k) {
    sp_Value fs = func_str(vm, fn);
    if (!sp_iserr(fs))
        sp_raise(vm, &sp_t_TypeError, "%S got multiple values for keyword argument '%S'", fs, k);
    return false;
}

/* One item of {**m} (fn SP_NULL) or f(**m) into dict. */
static bool merge_one(sp_VM *vm, sp_Value dict, sp_Value k, sp_Value v, sp_Value fn) {
    if (!sp_isnull(fn)) {
        if (!sp_isstr(k)) {
            sp_raise(vm, &sp_t_TypeError, "keywords must be strings");
            return false;
        }
        if (!sp_isnull(sp_dict_gets(SP_DICT(dict), SP_STR(k)))) return dup_keyword(vm, fn, k);
    }
    return sp_dict_set(vm, SP_DICT(dict), k, v);
}

static bool not_mapping(sp_VM *vm, sp_Value m, sp_Value fn) {
    if (sp_isnull(fn)) {
        sp_raise(vm, &sp_t_TypeError, "'%s' object is not a mapping", sp_typename(m));
        return false;
    }
    sp_Value fs = func_str(vm, fn);
    if (!sp_iserr(fs))
        sp_raise(vm, &sp_t_TypeError, "%S argument after ** must be a mapping, not %s", fs,
                 sp_typename(m));
    return false;
}

/* A non-dict mapping (issue 3): keys(), then m[k] for each key. */
static bool merge_mapping(sp_VM *vm, sp_Value dict, sp_Value m, sp_Value fn, sp_Value keys) {
    sp_Value ks = sp_call0(vm, keys);
    if (sp_iserr(ks) || sp_iserr(ks = sp_list_from_iter(vm, ks)) || !sp_pin(vm, ks)) return false;
    bool ok = true;
    for (size_t i = 0; ok && i < SP_LIST(ks)->n; i++) {
        sp_Value k = SP_LIST(ks)->items[i], v = sp_getitem(vm, m, k);
        ok = !sp_iserr(v) && sp_pin(vm, v);
        if (!ok) break;
        ok = merge_one(vm, dict, k, v, fn);
        sp_unpin(vm, 1);
    }
    sp_unpin(vm, 1);
    return ok;
}

/* {**m} and f(**m).  fn (f(**m) only) names the callee in errors. */
static bool dict_merge(sp_VM *vm, sp_Value dict, sp_Value m, sp_Value fn) {
    /* a dict subclass is read directly unless it overrides __iter__ (CPython) */
    if (sp_isdict(m) || (m.tag == SP_OBJ && sp_isinst(m, &sp_t_dict) &&
                         sp_typeof(m)->iter == sp_t_dict.iter)) {
        size_t pos = 0;
        sp_Value k, v;
        while (sp_dict_next(SP_DICT(m), &pos, &k, &v))
            if (!merge_one(vm, dict, k, v, fn)) return false;
        return true;
    }
    sp_Value keys = sp_getattrs(vm, m, "keys");
    if (!sp_iserr(keys)) return merge_mapping(vm, dict, m, fn, keys);
    if (!sp_err_matches(vm, &sp_t_AttributeError)) return false;
    sp_err_clear(vm);
    return not_mapping(vm, m, fn);
}

static bool is_exc_class(sp_Value t) {
    return sp_isinst(t, &sp_t_type) && sp_isexc_type((sp_Type *)SP_O(t));
}

/* except T: 1 match, 0 no match, -1 error. */
static int exc_match(sp_VM *vm, sp_Value exc, sp_Value t) {
    if (sp_istuple(t)) {
        for (size_t i = 0; i < SP_TUPLE(t)->n; i++)
            if (!is_exc_class(SP_TUPLE(t)->items[i])) goto bad;
        for (size_t i = 0; i < SP_TUPLE(t)->n; i++)
            if (sp_isinst(exc, (sp_Type *)SP_O(SP_TUPLE(t)->items[i]))) return 1;
        return 0;
    }
    if (is_exc_class(t)) return sp_isinst(exc, (sp_Type *)SP_O(t));
bad:
    sp_raise(vm, &sp_t_TypeError,
             "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

/* raise exc [from cause]; leaves the exception pending (always false). */
static bool do_raise(sp_VM *vm, sp_Value exc, sp_Value cause, bool has_cause) {
    bool cls = is_exc_class(exc), valid = cls || as_exc(exc);
    sp_raisev(vm, exc); /* instantiates classes, type-checks */
    if (!valid || !has_cause || (cls && !sp_isinst(vm->exc, (sp_Type *)SP_O(exc)))) return false;
    sp_Value pending = vm->exc;
    if (sp_isnone(cause)) {
        cause = SP_NULLV;
    } else if (is_exc_class(cause)) {
        vm->exc = SP_NULLV;
        if (!sp_pin(vm, pending)) return false;
        cause = sp_call0(vm, cause);
        sp_unpin(vm, 1);
        if (sp_iserr(cause)) return false;
        vm->exc = pending;
        if (!as_exc(cause)) {
            sp_raise(vm, &sp_t_TypeError,
                     "calling %R should have returned an instance of BaseException, not %s",
                     cause, sp_typename(cause));
            return false;
        }
    } else if (!as_exc(cause)) {
        sp_raise(vm, &sp_t_TypeError, "exception causes must derive from BaseException");
        return false;
    }
    sp_Exc *e = as_exc(pending);
    e->cause = cause;
    e->suppress_context = true;
    return false;
}

static sp_Value special(sp_VM *vm, sp_Value o, const char *name) {
    sp_Value n = sp_str_intern_cstr(vm, name);
    return sp_iserr(n) ? n : sp_getattr_opt(vm, o, SP_STR(n));
}

/* ( mgr -- exit enter_result ): sp[-1] is mgr and sp[0] a free slot. */
static bool before_with(sp_VM *vm, sp_Value *sp) {
    sp_Value mgr = sp[-1], enter = special(vm, mgr, "__enter__");
    if (sp_iserr(enter)) return false;
    if (sp_isnull(enter)) {
        sp_raise(vm, &sp_t_TypeError, "'%s' object does not support the context manager protocol",
                 sp_typename(mgr));
        return false;
    }
    sp[0] = enter; /* rooted while looking up __exit__ (caller saved sp + 1) */
    sp_Value exit = special(vm, mgr, "__exit__");
    if (sp_iserr(exit)) return false;
    if (sp_isnull(exit)) {
        sp_raise(vm, &sp_t_TypeError,
                 "'%s' object does not support the context manager protocol (missed __exit__ method)",
                 sp_typename(mgr));
        return false;
    }
    sp[-1] = exit;
    sp_Value r = sp_call0(vm, enter);
    if (sp_iserr(r)) return false;
    sp[0] = r;
    return true;
}

static sp_Value import_from(sp_VM *vm, sp_Value mod, sp_Str *name) {
    sp_Value v = sp_getattr_opt(vm, mod, name);
    if (!sp_isnull(v)) return v;
    if (sp_istype(mod, &sp_t_module))
        return sp_raise(vm, &sp_t_ImportError, "cannot import name '%U' from '%U' (unknown location)",
                        name, SP_AS(sp_Module, mod)->name);
    return sp_raise(vm, &sp_t_ImportError, "cannot import name '%U'", name);
}

static bool import_star(sp_VM *vm, sp_Frame *f, sp_Value mod) {
    if (!f->locals) return !sp_iserr(no_locals(vm));
    if (!sp_istype(mod, &sp_t_module)) {
        sp_raise(vm, &sp_t_TypeError, "from-import-* object has no __dict__ and no __all__");
        return false;
    }
    sp_Dict *d = SP_AS(sp_Module, mod)->dict;
    size_t pos = 0;
    sp_Value k, v;
    while (sp_dict_next(d, &pos, &k, &v))
        if (sp_isstr(k) && SP_STR(k)->data[0] != '_' && !sp_dict_set(vm, f->locals, k, v))
            return false;
    return true;
}

/* ( exit prev exc -- exit prev exc res ) */
static sp_Value with_except(sp_VM *vm, sp_Value *sp) {
    sp_Value args[3] = {sp_objv(sp_typeof(sp[-1])), sp[-1], SP_NONEV};
    return sp_call(vm, sp[-3], args, 3, NULL);
}

/* CALL_EX operands into a vectorcall array.  Layout of out[]: [spare,
 * positional..., keyword values...]; the spare slot lets a bound method
 * put self in front.  kwnames (a new tuple) goes to *kwt. */
typedef struct CallEx {
    sp_Value *a;
    size_t cap;
    int nargs;
    sp_Tuple *kw;
} CallEx;

static bool callex_args(sp_VM *vm, sp_Value fn, sp_Value args, sp_Value kwargs, CallEx *ce) {
    if (!sp_istuple(args) && !sp_islist(args)) {
        sp_Value fs = func_str(vm, fn);
        if (!sp_iserr(fs))
            sp_raise(vm, &sp_t_TypeError, "%S argument after * must be an iterable, not %s", fs,
                     sp_typename(args));
        return false;
    }
    sp_Value *pos = sp_istuple(args) ? SP_TUPLE(args)->items : SP_LIST(args)->items;
    size_t np = sp_istuple(args) ? SP_TUPLE(args)->n : SP_LIST(args)->n;
    size_t nk = sp_isdict(kwargs) ? sp_dict_len(SP_DICT(kwargs)) : 0;
    if (np + nk > INT32_MAX / 2) return sp_nomem(vm), false;
    if (!sp_size_mul(vm, np + nk + 1, sizeof(sp_Value), &ce->cap)) return false;
    if (!(ce->a = sp_malloc(vm, ce->cap))) return false;
    if (np) memcpy(ce->a + 1, pos, np * sizeof(sp_Value));
    ce->nargs = (int)np;
    ce->kw = NULL;
    if (!nk) return true;
    sp_Value t = sp_tuple_new(vm, nk);
    if (sp_iserr(t)) return false;
    ce->kw = SP_TUPLE(t);
    size_t p = 0, i = 0;
    sp_Value k, v;
    while (sp_dict_next(SP_DICT(kwargs), &p, &k, &v) && i < nk) {
        if (!sp_isstr(k)) {
            sp_raise(vm, &sp_t_TypeError, "keywords must be strings");
            return false;
        }
        ce->kw->items[i] = k;
        ce->a[1 + np + i++] = v;
    }
    return true;
}

static void callex_free(sp_VM *vm, CallEx *ce) {
    if (ce->a) sp_free(vm, ce->a, ce->cap);
    ce->a = NULL;
}

/* *args that is neither a tuple nor a list becomes a tuple first (in the
 * args slot, so it stays rooted). */
static bool callex_normalize(sp_VM *vm, sp_Value fn, sp_Value *argslot) {
    if (sp_istuple(*argslot) || sp_islist(*argslot)) return true;
    if (not_iterable(*argslot)) {
        sp_Value fs = func_str(vm, fn);
        if (!sp_iserr(fs))
            sp_raise(vm, &sp_t_TypeError, "%S argument after * must be an iterable, not %s", fs,
                     sp_typename(*argslot));
        return false;
    }
    sp_Value t = sp_tuple_from_iter(vm, *argslot);
    if (sp_iserr(t)) return false;
    *argslot = t;
    return true;
}

/* ------------------------------------------------------------ generators */

/* Link a generator's frame on top of the chain (it becomes vm->frame). */
static bool gen_start(sp_VM *vm, sp_Exec *x, sp_Gen *g, sp_Value in, int mode, int rm) {
    if (g->state == SP_GEN_RUNNING) {
        sp_raise(vm, &sp_t_ValueError, "generator already executing");
        return false;
    }
    if (!depth_ok(vm)) return false;
    sp_Frame *gf = g->frame;
    if (mode == SP_RESUME_SENDRET) {
        gf->sp[-1] = in;
    } else if (mode == SP_RESUME_SEND && g->state == SP_GEN_SUSPENDED) {
        *gf->sp++ = in;
        if (SP_OPCODE(gf->ip[-1]) == SP_SEND_FROM) gf->ip--; /* keep delegating */
    }
    g->state = SP_GEN_RUNNING;
    /* A generator sees the caller's handled exception unless it is inside
     * one of its own handlers (CPython chains gi_exc_state to the caller's).
     * While running, exc_state holds the caller's. */
    sp_Value t = x->exc_info;
    if (!sp_isnull(g->exc_state)) x->exc_info = g->exc_state;
    g->exc_state = t;
    gf->prev = vm->frame;
    gf->retmode = (uint8_t)rm;
    vm->frame = gf;
    vm->pydepth++;
    return true;
}

/* The generator's frame stops running (yield: suspended, else done). */
static void gen_stop(sp_Exec *x, sp_Gen *g, bool done) {
    sp_Value own = x->exc_info, caller = g->exc_state;
    x->exc_info = caller;
    g->exc_state = done || sp_is(own, caller) ? SP_NULLV : own;
    g->state = done ? SP_GEN_DONE : SP_GEN_SUSPENDED;
    g->frame->prev = NULL;
}

/* yield from a non-generator: next() or send().  SP_RUN_YIELD with the
 * value to pass up, SP_RUN_RETURN with the delegation's result. */
static int send_other(sp_VM *vm, sp_Value recv, sp_Value v, sp_Value *out) {
    sp_Value r;
    if (sp_isnone(v)) {
        r = sp_next(vm, recv);
        if (sp_isnull(r)) return *out = SP_NONEV, SP_RUN_RETURN;
    } else {
        sp_Value m = sp_getattrs(vm, recv, "send");
        r = sp_iserr(m) ? m : sp_call1(vm, m, v);
    }
    if (!sp_iserr(r)) return *out = r, SP_RUN_YIELD;
    if (!sp_err_matches(vm, &sp_t_StopIteration)) return SP_RUN_ERROR;
    *out = sp_stopiter_value(sp_err_fetch(vm));
    return SP_RUN_RETURN;
}

/* ------------------------------------------------------------ fast paths */

static inline bool i64_add(int64_t a, int64_t b, int64_t *r) {
#if defined(__GNUC__)
    return !__builtin_add_overflow(a, b, r);
#else
    if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b)) return false;
    *r = a + b;
    return true;
#endif
}

static inline bool i64_sub(int64_t a, int64_t b, int64_t *r) {
#if defined(__GNUC__)
    return !__builtin_sub_overflow(a, b, r);
#else
    if ((b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b)) return false;
    *r = a - b;
    return true;
#endif
}

static inline bool i64_mul(int64_t a, int64_t b, int64_t *r) {
#if defined(__GNUC__)
    return !__builtin_mul_overflow(a, b, r);
#else
    if (a == 0 || b == 0) return *r = 0, true;
    if ((a == -1 && b == INT64_MIN) || (b == -1 && a == INT64_MIN)) return false;
    int64_t p = (int64_t)((uint64_t)a * (uint64_t)b);
    if (p / b != a) return false;
    *r = p;
    return true;
#endif
}

/* A result the next instruction will copy (STORE_FAST, RETURN_VALUE, a
 * call's arguments: 16-byte loads) is written as one 16-byte store: as a
 * tag word and a payload, the load could not be forwarded from the two
 * pending stores and would wait for them to retire (a store-forwarding
 * stall, ~12 cycles on x86, on nearly every arithmetic result). */
static inline void put_num(sp_Value *slot, uint32_t tag, uint64_t bits) {
#ifdef __SSE2__ /* built in a register: through memory it would stall the same way */
    _mm_storeu_si128((__m128i *)(void *)slot, _mm_set_epi64x((long long)bits, (long long)tag));
#else
    slot->tag = tag;
    slot->pad_ = 0;
    slot->u.i = (int64_t)bits;
#endif
}

static inline void put_int(sp_Value *slot, int64_t i) { put_num(slot, SP_INT, (uint64_t)i); }

static inline void put_float(sp_Value *slot, double d) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    put_num(slot, SP_FLOAT, bits);
}

/* Small-int binary ops; false means "take the generic path" (overflow,
 * division by zero, unsupported op), which promotes or raises. */
static LOOP_INLINE bool int_binop(uint32_t op, int64_t a, int64_t b, sp_Value *out) {
    int64_t r;
    /* + and - ahead of the jump table: one indirect jump per site
     * mispredicts whenever the operator changes */
    if ((op & 15) == SP_OP_ADD || (op & 15) == SP_OP_SUB) {
        if ((op & 15) == SP_OP_ADD ? !i64_add(a, b, &r) : !i64_sub(a, b, &r)) return false;
        put_int(out, r);
        return true;
    }
    switch (op & 15) {
    case SP_OP_ADD: if (!i64_add(a, b, &r)) return false; break;
    case SP_OP_SUB: if (!i64_sub(a, b, &r)) return false; break;
    case SP_OP_MUL: if (!i64_mul(a, b, &r)) return false; break;
    case SP_OP_FLOORDIV:
        if (b == 0 || (a == INT64_MIN && b == -1)) return false;
        r = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) r--;
        break;
    case SP_OP_MOD:
        if (b == 0 || b == -1) return false;
        r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) r += b;
        break;
    case SP_OP_TRUEDIV: {
        const int64_t lim = (int64_t)1 << 53; /* exact in a double: one rounding */
        if (b == 0 || a > lim || a < -lim || b > lim || b < -lim) return false;
        put_float(out, (double)a / (double)b);
        return true;
    }
    case SP_OP_AND: r = a & b; break;
    case SP_OP_OR: r = a | b; break;
    case SP_OP_XOR: r = a ^ b; break;
    case SP_OP_LSHIFT:
        if (b < 0 || b >= 63 || a > (INT64_MAX >> b) || a < (INT64_MIN >> b)) return false;
        r = (int64_t)((uint64_t)a << b);
        break;
    case SP_OP_RSHIFT:
        if (b < 0) return false;
        r = b >= 64 ? (a < 0 ? -1 : 0) : a >> b;
        break;
    default: return false;
    }
    put_int(out, r);
    return true;
}

/* The float cases that cannot raise; false: the general path (which
 * raises, or handles the operator).  `**` only for a positive finite base
 * and finite exponent, where float_pow is the C library's pow unless it
 * overflows (an inf result: left to sp_binop to raise). */
static inline bool float_binop(uint32_t op, double a, double b, double *out) {
    switch (op & 15) {
    case SP_OP_ADD: *out = a + b; return true;
    case SP_OP_SUB: *out = a - b; return true;
    case SP_OP_MUL: *out = a * b; return true;
    case SP_OP_TRUEDIV:
        if (b == 0) return false;
        *out = a / b;
        return true;
    case SP_OP_POW:
        if (!(a > 0 && a < INFINITY && isfinite(b))) return false;
    {
        double d = pow(a, b);
        if (!(d < INFINITY)) return false;
        *out = d;
        return true;
    }
    default:
        return false;
    }
}

/* Branch-free: bit 3*op + (sign of a-b)+1 of a truth table (op <= SP_GE
 * as the verifier checks; op & 7 keeps the shift defined regardless). */
static inline bool cmp_i64(int op, int64_t a, int64_t b) {
    int c = (a > b) - (a < b) + 1;
    return (0x34A99u >> (3 * (op & 7) + c)) & 1;
}

static inline bool cmp_f64(int op, double a, double b) {
    switch (op) {
    case SP_LT: return a < b;
    case SP_LE: return a <= b;
    case SP_EQ: return a == b;
    case SP_NE: return a != b;
    case SP_GT: return a > b;
    default: return a >= b;
    }
}

/* o[i] for an exact list or tuple and an index in range (negative from
 * the end); false: the general path.  *out may be o's own slot. */
static inline bool seq_item(sp_Value o, int64_t i, sp_Value *out) {
    const sp_Value *items;
    int64_t n;
    if (sp_islist(o)) items = SP_LIST(o)->items, n = (int64_t)SP_LIST(o)->n;
    else if (sp_istuple(o)) items = SP_TUPLE(o)->items, n = (int64_t)SP_TUPLE(o)->n;
    else return false;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return false;
    *out = items[i];
    return true;
}

/* Truth of the common immediates; -2: ask sp_truthy. */
static inline int fast_truth(sp_Value v) {
    switch (v.tag) {
    case SP_BOOL: case SP_INT: return v.u.i != 0;
    case SP_NONE: return 0;
    case SP_FLOAT: return v.u.f != 0;
    default: return -2;
    }
}

/* sp_find_method for LOAD_METHOD, remembered per VM: static types and
 * their tables are immutable and interned names live as long as the VM,
 * so an entry never goes stale.  (Fibonacci hashing of the pair; a miss
 * demotes the set's first entry to the second way.) */
static inline const sp_MethodDef *find_method_cached(sp_Exec *x, sp_Type *t, sp_Str *name) {
    if (!x->caches || !name->interned || !(t->h.gcflags & SP_GC_STATIC)) return sp_find_method(t, name);
    uint64_t h = ((uint64_t)(uintptr_t)t ^ ((uint64_t)(uintptr_t)name << 7)) * 0x9E3779B97F4A7C15ull;
    sp_MCacheEnt *set = x->caches->mcache[h >> (64 - SP_MCACHE_BITS)];
    if (set[0].t == t && set[0].name == name) return set[0].m;
    if (set[1].t == t && set[1].name == name) return set[1].m;
    set[1] = set[0];
    set[0] = (sp_MCacheEnt){t, name, sp_find_method(t, name)};
    return set[0].m;
}

/* The set of a site table for the instruction before ip and o's type:
 * hashing the type too spreads a site seeing several classes (a method of
 * a base class) over several sets, where two such sites sharing one
 * 2-way set would evict each other on every call. */
static inline uint64_t site_hash(const uint32_t *ip, sp_Value o) {
    uint64_t t = o.tag == SP_OBJ ? (uint64_t)(uintptr_t)SP_O(o)->type : 0;
    return ((uint64_t)(uintptr_t)ip ^ (t << 7)) * 0x9E3779B97F4A7C15ull;
}

/* LOAD_ATTR/STORE_ATTR's site entries (see sp_ACacheEnt): the pair for
 * the instruction before ip and o's type (shared with the pairs hashed
 * alike), and the one vouching (or refusing) for o.name. */
static inline sp_ACacheEnt *attr_site(sp_Exec *x, const uint32_t *ip, sp_Value o, int store) {
    return x->caches->acache[store][site_hash(ip, o) >> (64 - SP_ACACHE_BITS)];
}

static inline bool attr_is(sp_VM *vm, const sp_ACacheEnt *e, sp_Type *t, sp_Str *name) {
    return e->t == t && e->name == name && e->epoch == vm->class_epoch;
}

static inline sp_ACacheEnt *attr_find(sp_VM *vm, sp_ACacheEnt *e, sp_Value o, sp_Str *name) {
    if (o.tag != SP_OBJ) return NULL;
    sp_Type *t = SP_O(o)->type;
    return attr_is(vm, e, t, name) ? e : attr_is(vm, e + 1, t, name) ? e + 1 : NULL;
}

/* o's dict when the site vouches for o.name (its entry ix still to check). */
static inline sp_Dict *attr_dict(sp_VM *vm, sp_ACacheEnt **e, sp_Value o, sp_Str *name) {
    if (!(*e = attr_find(vm, *e, o, name)) || !(*e)->off) return NULL;
    return *(sp_Dict **)(void *)((char *)SP_O(o) + (*e)->off);
}

static inline sp_MSiteEnt *method_site(sp_Exec *x, const uint32_t *ip, sp_Value o) {
    return x->caches->msite[site_hash(ip, o) >> (64 - SP_MSITE_BITS)];
}

/* The way of the site's pair remembering o.name for class t, or NULL. */
static inline sp_MSiteEnt *method_find(sp_VM *vm, sp_MSiteEnt *e, sp_Type *t, sp_Str *name) {
    for (int k = 0; k < 2; k++)
        if (e[k].t == t && e[k].name == name && e[k].epoch == vm->class_epoch) return e + k;
    return NULL;
}

/* A store the site vouches for, into the dict at *dp (made if need be,
 * as object.__setattr__ would), that the dict's hint missed. */
static bool attr_store(sp_VM *vm, sp_ACacheEnt *e, sp_Dict **dp, sp_Str *name, sp_Value v) {
    if (!*dp) {
        sp_Value d = sp_dict_new(vm);
        if (sp_iserr(d)) return false;
        *dp = SP_DICT(d);
    }
    int64_t ix = sp_dict_sets_at(vm, *dp, name, v); /* the hint comes back with it */
    if (ix < 0) return false;
    e->ix = (int32_t)ix;
    return true;
}

/* After the general path: renew the hint, or ask the class afresh (off 0
 * remembers a refusal: a property, a hook...), the older way giving way. */
static void attr_fill(sp_VM *vm, sp_ACacheEnt *e, sp_Value o, sp_Str *name, bool store) {
    if (o.tag != SP_OBJ || !(SP_O(o)->type->flags & SP_TF_HEAPTYPE)) return;
    sp_ACacheEnt *m = attr_find(vm, e, o, name);
    if (m) {
        sp_Dict *d = m->off ? *(sp_Dict **)(void *)((char *)SP_O(o) + m->off) : NULL;
        m->ix = d ? (int32_t)sp_dict_index_of(d, name) : -1;
        return;
    }
    int64_t ix = -1;
    uint32_t off = sp_class_dict_site(vm, o, name, store, &ix);
    e[1] = e[0];
    e[0] = (sp_ACacheEnt){name, SP_O(o)->type, vm->class_epoch, off, (int32_t)ix};
}

/* A pause inside a dunder frame is refused as it was when dunders ran
 * nested loops (extfn_call's "cannot pause here"): snapshots know only
 * call, for-loop and yield-from frames. */
static bool in_dunder(sp_Frame *f) {
    for (; f && f->retmode != RET_EXIT; f = f->prev)
        if (f->retmode >= RET_BINOP) return true;
    return false;
}

/* Limits and collection: at backward jumps and calls, every state saved. */
static bool safe_point(sp_VM *vm, sp_Exec *x) {
    if (x->poll <= 0 && !x->caches) { /* not a full poll: that stays every SP_POLL_INTERVAL */
        if (!(x->caches = sp_calloc(vm, sizeof *x->caches))) return false;
        x->poll = SP_POLL_INTERVAL - CACHE_AFTER;
    } else if (x->poll <= 0) {
        x->poll = SP_POLL_INTERVAL;
        vm->instr_count += SP_POLL_INTERVAL;
        if (!sp_check_limits(vm)) return false;
    }
    sp_gc_maybe(vm);
    return true;
}

/* Restore exc_info from EXCEPT_HANDLER blocks left by a return/yield out
 * of a handler, so the compiler need not emit POP_EXCEPTs for it. */
static void drop_blocks(sp_Exec *x, sp_Frame *f) {
    sp_Block *b = sp_frame_blocks(f);
    while (f->nblocks > 0) {
        sp_Block *k = &b[--f->nblocks];
        if (k->handler == -1) { /* (the verifier keeps comprehension blocks out of here) */
            sp_Value prev = f->stack[k->level];
            x->exc_info = sp_isnone(prev) ? SP_NULLV : prev;
        }
    }
}

/* The pending request of a paused run: (what, args tuple, kwargs dict). */
static sp_Value pause_request(sp_VM *vm, sp_Value what, sp_Value *args, int nargs, sp_Tuple *kw) {
    int npos = nargs; /* keyword values follow the positional ones */
    sp_Value t = sp_tuple_new(vm, 3), a = sp_tuple_pack(vm, (size_t)npos, args);
    sp_Value d = sp_dict_new(vm);
    if (sp_iserr(t) || sp_iserr(a) || sp_iserr(d)) return SP_ERRV;
    for (int i = 0; kw && i < (int)kw->n; i++)
        if (!sp_dict_set(vm, SP_DICT(d), kw->items[i], args[npos + i])) return SP_ERRV;
    SP_TUPLE(t)->items[0] = what;
    SP_TUPLE(t)->items[1] = a;
    SP_TUPLE(t)->items[2] = d;
    return t;
}

/* ------------------------------------------------------------ the loop */

#define SP_OPLIST(X) \
    X(NOP) X(POP_TOP) X(COPY) X(SWAP) X(LOAD_CONST) X(LOAD_FAST) X(STORE_FAST) X(DELETE_FAST) \
    X(LOAD_DEREF) X(STORE_DEREF) X(DELETE_DEREF) X(LOAD_CLOSURE) X(LOAD_CLASSDEREF) \
    X(LOAD_GLOBAL) X(STORE_GLOBAL) X(DELETE_GLOBAL) X(LOAD_NAME) X(STORE_NAME) X(DELETE_NAME) \
    X(LOAD_ATTR) X(STORE_ATTR) X(DELETE_ATTR) X(LOAD_METHOD) X(BINARY_SUBSCR) X(STORE_SUBSCR) \
    X(DELETE_SUBSCR) X(BUILD_SLICE) X(BINARY_OP) X(UNARY_OP) X(UNARY_NOT) X(COMPARE_OP) \
    X(IS_OP) X(CONTAINS_OP) X(JUMP) X(POP_JUMP_IF_FALSE) X(POP_JUMP_IF_TRUE) \
    X(JUMP_IF_FALSE_OR_POP) X(JUMP_IF_TRUE_OR_POP) X(GET_ITER) X(FOR_ITER) X(BUILD_TUPLE) \
    X(BUILD_LIST) X(BUILD_SET) X(BUILD_MAP) X(BUILD_STRING) X(LIST_APPEND) X(SET_ADD) \
    X(MAP_ADD) X(LIST_EXTEND) X(SET_UPDATE) X(DICT_UPDATE) X(DICT_MERGE) X(LIST_TO_TUPLE) \
    X(FORMAT_VALUE) X(UNPACK_SEQUENCE) X(UNPACK_EX) X(CALL) X(CALL_KW) X(CALL_METHOD) \
    X(CALL_METHOD_KW) X(CALL_EX) X(MAKE_FUNCTION) X(RETURN_VALUE) X(LOAD_BUILD_CLASS) \
    X(SETUP_FINALLY) X(POP_BLOCK) X(POP_EXCEPT) X(RAISE_VARARGS) X(RERAISE) \
    X(CHECK_EXC_MATCH) X(BEFORE_WITH) X(WITH_EXCEPT_START) X(LOAD_ASSERTION_ERROR) \
    X(YIELD_VALUE) X(GET_YIELD_FROM_ITER) X(SEND_FROM) X(IMPORT_NAME) X(IMPORT_FROM) \
    X(IMPORT_STAR) X(SET_RESULT) X(LOAD_RESULT) X(GET_LEN) X(MATCH_SEQUENCE) X(MATCH_MAPPING) \
    X(MATCH_KEYS) X(MATCH_CLASS) X(ROT_N) X(BINARY_SLICE) X(STORE_SLICE) X(COMP_ENTER) X(COMP_EXIT)

#define COUNT_OP(op) +1
_Static_assert(0 SP_OPLIST(COUNT_OP) == SP_NOPCODES_, "SP_OPLIST must list every opcode");

#if defined(__GNUC__) && !defined(SP_NO_COMPUTED_GOTO)
#define USE_GOTO 1
#define TARGET(op) L_##op:
#define DISPATCH() goto *labels[SP_OPCODE(*ip++)]
#else
#define TARGET(op) case SP_##op:
#define DISPATCH() goto dispatch
#endif

/* The argument is re-read from the word just executed rather than kept in a
 * loop-wide variable: one register less for the whole loop, and no more
 * instructions (the load replaces a register move). */
#define ARG SP_OPARG(ip[-1])
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define SAVE() (f->ip = ip, f->sp = sp)
#define LOAD() (co = f->code, ip = f->ip, sp = f->sp, L = sp_frame_locals(f))
#define JUMPTO(t) (ip = co->code + (t))
#define CHECK(v) do { if (sp_iserr(v)) goto error; } while (0)
#define POLL() do { \
        if (--x->poll <= 0 || vm->gc_debt >= vm->gc_threshold) { \
            SAVE(); \
            if (!safe_point(vm, x)) goto error; \
        } \
    } while (0)
/* CALL/CALL_METHOD's shortcut into fast_frame (the result lands at cbase). */
#define FAST_CALL() do { \
        sp_Frame *nf_ = fast_frame(vm, callee, cargs, cnargs); \
        if (nf_) { \
            f->ip = ip; \
            f->sp = cbase; \
            nf_->prev = f; \
            vm->frame = f = nf_; \
            co = nf_->code; /* LOAD() from what fast_frame just wrote */ \
            ip = co->code; \
            sp = nf_->sp; \
            L = sp - co->nlocals; \
            POLL(); \
            DISPATCH(); \
        } \
    } while (0)
#define CELL(i) SP_AS(sp_Cell, L[co->nlocals + (i)])
/* The compiler's accumulators (list/set/dict under construction) are
 * checked, not trusted: a loaded snapshot's stack is data (issue 5). */
#define EXPECT(v, t) do { if (!sp_istype(v, t)) goto bad_stack; } while (0)

static LOOP_ALIGNED int run(sp_VM *vm, sp_Frame *f, int mode, sp_Value *out) {
    sp_Exec *x = vm->exec;
    sp_Code *co;
    const uint32_t *ip;
    sp_Value *sp, *L, r;
    int ctx = 1;
    /* call in progress: callee(cargs[0..cnargs), ckw), result goes to cbase */
    sp_Value callee, *cargs, *cbase;
    int cnargs;
    sp_Tuple *ckw;
    int rm_new;
    sp_Frame *callf;
    bool cmp;
    CallEx ce = {0};
    bool pausable = mode & MODE_PAUSABLE;

    LOAD();
    mode &= ~MODE_PAUSABLE;
    if (mode == MODE_THROW || mode == MODE_RAISE) {
        ctx = mode == MODE_RAISE;
        goto error_tb;
    }
#ifdef USE_GOTO
#define LABEL_OP(op) [SP_##op] = &&L_##op,
    static const void *const labels[SP_NOPCODES_] = {SP_OPLIST(LABEL_OP)};
    DISPATCH();
#else
dispatch:
    switch ((sp_Opcode)SP_OPCODE(*ip++)) {
#endif

    TARGET(NOP) DISPATCH();
    TARGET(POP_TOP) { sp--; DISPATCH(); }
    /* The hottest opcodes use block-local values: `r` lives across the
     * whole loop, so gcc keeps it in memory and every write to it is a store */
    TARGET(COPY) { sp_Value v = sp[-(int)ARG]; PUSH(v); DISPATCH(); }
    TARGET(SWAP) {
        sp_Value v = sp[-1];
        sp[-1] = sp[-(int)ARG];
        sp[-(int)ARG] = v;
        DISPATCH();
    }
    TARGET(LOAD_CONST) {
        sp_Value v = co->consts[ARG];
        /* `x + 1`, `n < 2`: an int constant met by BINARY_OP/COMPARE_OP on
         * an int, `b[3]` on a list or tuple take one dispatch (the next opcode
         * is read first: only those three guarantee a value below) */
        if (v.tag == SP_INT) {
            uint32_t nw = *ip;
            if (SP_OPCODE(nw) == SP_BINARY_OP) {
                if (sp[-1].tag == SP_INT && int_binop(SP_OPARG(nw), sp[-1].u.i, v.u.i, &sp[-1])) {
                    ip++;
                    DISPATCH();
                }
            } else if (SP_OPCODE(nw) == SP_COMPARE_OP) {
                if (sp[-1].tag == SP_INT) {
                    ip++;
                    cmp = cmp_i64((int)SP_OPARG(nw), sp[-1].u.i, v.u.i);
                    goto cmp_done;
                }
            } else if (SP_OPCODE(nw) == SP_BINARY_SUBSCR) { /* b[3] */
                if (seq_item(sp[-1], v.u.i, &sp[-1])) {
                    ip++;
                    DISPATCH();
                }
            }
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_FAST) {
        sp_Value v = L[ARG];
        if (sp_isnull(v)) {
            unbound_local(vm, co, ARG);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_FAST) { L[ARG] = POP(); DISPATCH(); }
    TARGET(DELETE_FAST) {
        if (sp_isnull(L[ARG])) {
            unbound_local(vm, co, ARG);
            goto error;
        }
        L[ARG] = SP_NULLV;
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        r = CELL(ARG)->v;
        if (sp_isnull(r)) {
            unbound_deref(vm, co, ARG);
            goto error;
        }
        PUSH(r);
        DISPATCH();
    }
    TARGET(STORE_DEREF) { CELL(ARG)->v = POP(); DISPATCH(); }
    TARGET(DELETE_DEREF) {
        if (sp_isnull(CELL(ARG)->v)) {
            unbound_deref(vm, co, ARG);
            goto error;
        }
        CELL(ARG)->v = SP_NULLV;
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) { PUSH(L[co->nlocals + ARG]); DISPATCH(); }
    TARGET(LOAD_CLASSDEREF) {
        r = f->locals ? sp_dict_gets(f->locals, co->localnames[co->nlocals + ARG]) : SP_NULLV;
        if (sp_isnull(r)) r = CELL(ARG)->v;
        if (sp_isnull(r)) {
            unbound_deref(vm, co, ARG);
            goto error;
        }
        PUSH(r);
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        r = global_hinted(vm, x, f->globals, co->names[ARG]);
        if (sp_isnull(r)) {
            r = name_error(vm, co->names[ARG]);
            if (pausable && x->pause_names) goto pause_name;
            goto error;
        }
        PUSH(r);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        if (!global_store(vm, x, f->globals, co->names[ARG], sp[-1])) goto error;
        sp--;
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        if (!del_name(vm, f->globals, co->names[ARG])) goto error;
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        r = load_name(vm, x, f, co->names[ARG]);
        if (sp_iserr(r) && pausable && x->pause_names) goto pause_name;
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        if (!f->locals) CHECK(no_locals(vm));
        SAVE(); /* a __prepare__'d namespace (dict subclass) may define __setitem__ */
        if (((sp_Obj *)f->locals)->type == &sp_t_dict
                ? !global_store(vm, x, f->locals, co->names[ARG], sp[-1])
                : !sp_setitem(vm, sp_objv(f->locals), sp_objv(co->names[ARG]), sp[-1]))
            goto error;
        sp--;
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        if (!f->locals) CHECK(no_locals(vm));
        if (!del_name(vm, f->locals, co->names[ARG])) goto error;
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        sp_ACacheEnt *site = x->caches ? attr_site(x, ip, sp[-1], 0) : NULL, *e = site;
        if (e) {
            sp_Dict *d = attr_dict(vm, &e, sp[-1], co->names[ARG]);
            if (d && !sp_isnull(r = sp_dict_at(d, e->ix, co->names[ARG]))) {
                sp[-1] = r;
                DISPATCH();
            }
        }
        /* A property's getter runs as a frame, warm site or not (the depth
         * it costs must not depend on the cache).  A site entry rules it
         * out: only the general path below makes them. */
        if (!e && sp[-1].tag == SP_OBJ &&
            (SP_O(sp[-1])->type->flags & SP_TF_HEAPTYPE) &&
            !sp_isnull(callee = sp_class_getter(vm, sp[-1], co->names[ARG]))) {
            cargs = sp - 1;
            cnargs = 1;
            rm_new = RET_ATTR;
            goto dunder_call;
        }
        SAVE();
        CHECK(r = sp_getattr(vm, sp[-1], co->names[ARG]));
        if (site) attr_fill(vm, site, sp[-1], co->names[ARG], false);
        sp[-1] = r;
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        sp_ACacheEnt *site = x->caches ? attr_site(x, ip, sp[-1], 1) : NULL, *e = site;
        if (e && (e = attr_find(vm, e, sp[-1], co->names[ARG])) && e->off) {
            /* vouched for: the value goes to the instance dict, whatever it holds */
            sp_Dict **dp = (sp_Dict **)(void *)((char *)SP_O(sp[-1]) + e->off);
            if (!*dp || !sp_dict_put_at(*dp, e->ix, co->names[ARG], sp[-2])) {
                SAVE();
                if (!attr_store(vm, e, dp, co->names[ARG], sp[-2])) goto error;
            }
            sp -= 2;
            DISPATCH();
        }
        SAVE();
        if (!sp_setattr(vm, sp[-1], co->names[ARG], sp[-2])) goto error;
        if (site) attr_fill(vm, site, sp[-1], co->names[ARG], true);
        sp -= 2;
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        SAVE();
        if (!sp_setattr(vm, sp[-1], co->names[ARG], SP_NULLV)) goto error;
        sp--;
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        /* A plain method of a static type is called without creating a
         * bound method: ( o -- methoddef o ), the def as a NULL-tagged
         * value the GC ignores (it is static). */
        sp_Value o = sp[-1];
        sp_Type *t = sp_typeof(o);
        uint32_t off;
        if (!t->getattr && !(t->flags & SP_TF_HEAPTYPE)) {
            const sp_MethodDef *m = find_method_cached(x, t, co->names[ARG]);
            if (m && !(m->flags & (SP_METH_STATIC | SP_METH_CLASS))) {
                sp[-1] = SP_NULLV;
                sp[-1].u.o = (sp_Obj *)(uintptr_t)m;
                PUSH(o);
                DISPATCH();
            }
        } else if (t->flags & SP_TF_HEAPTYPE) { /* a Python method of a class: ( o -- func o ) */
            sp_MSiteEnt *site = x->caches ? method_site(x, ip, o) : NULL;
            sp_MSiteEnt *e = site ? method_find(vm, site, t, co->names[ARG]) : NULL;
            if (e) {
                sp_Dict *d = e->off ? *(sp_Dict **)(void *)((char *)SP_O(o) + e->off) : NULL;
                if (!d || sp_dict_index_of(d, co->names[ARG]) < 0) {
                    sp[-1] = e->fn;
                    PUSH(o);
                    DISPATCH();
                }
            } else if (sp_class_method(vm, o, co->names[ARG], &r, &off)) {
                if (site && off != UINT32_MAX) {
                    site[1] = site[0];
                    site[0] = (sp_MSiteEnt){co->names[ARG], t, vm->class_epoch, r, off};
                }
                sp[-1] = r;
                PUSH(o);
                DISPATCH();
            }
        }
        SAVE();
        CHECK(r = sp_getattr(vm, o, co->names[ARG]));
        sp[-1] = r;
        PUSH(SP_NULLV);
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        if (sp_isint(sp[-1]) && seq_item(sp[-2], sp[-1].u.i, &sp[-2])) {
            sp--;
            DISPATCH();
        }
        sp_Value o = sp[-2], k = sp[-1];
        if (sp_isstr(k) && sp_isdict(o)) { /* d['key'], exact types: a hit only */
            r = sp_dict_gets(SP_DICT(o), SP_STR(k)); /* runs no user code */
            if (!sp_isnull(r)) {
                sp[-2] = r;
                sp--;
                DISPATCH();
            }
        }
        SAVE();
        CHECK(r = sp_getitem(vm, o, k));
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        sp_Value o = sp[-2], k = sp[-1];
        if (sp_isint(k) && sp_islist(o)) {
            int64_t i = k.u.i, n = (int64_t)SP_LIST(o)->n;
            if (i < 0) i += n;
            if (i >= 0 && i < n) {
                SP_LIST(o)->items[i] = sp[-3];
                sp -= 3;
                DISPATCH();
            }
        }
        SAVE();
        if (!sp_setitem(vm, o, k, sp[-3])) goto error;
        sp -= 3;
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        SAVE();
        if (!sp_delitem(vm, sp[-2], sp[-1])) goto error;
        sp -= 2;
        DISPATCH();
    }
    /* o[a:b]: no slice object for a str/list/tuple with int/None bounds;
     * otherwise one replaces b's slot (rooted) and goes the generic way */
    TARGET(BINARY_SLICE) {
        r = sp_seq_slice(vm, sp[-3], sp[-2], sp[-1]);
        if (sp_isnull(r)) {
            CHECK(r = sp_slice_new(vm, sp[-2], sp[-1], SP_NONEV));
            sp[-1] = r;
            SAVE();
            r = sp_getitem(vm, sp[-3], r);
        }
        CHECK(r);
        sp[-3] = r;
        sp -= 2;
        DISPATCH();
    }
    TARGET(STORE_SLICE) {
        SAVE(); /* the list store may iterate user code */
        int k = sp_list_store_slice(vm, sp[-3], sp[-2], sp[-1], sp[-4]);
        if (!k) {
            CHECK(r = sp_slice_new(vm, sp[-2], sp[-1], SP_NONEV));
            sp[-1] = r;
            k = sp_setitem(vm, sp[-3], r, sp[-4]) ? 1 : -1;
        }
        if (k < 0) goto error;
        sp -= 4;
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        sp_Value step = ARG == 3 ? POP() : SP_NONEV;
        CHECK(r = sp_slice_new(vm, sp[-2], sp[-1], step));
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    TARGET(BINARY_OP) {
        /* int/int and float/float first, straight from the slots: nothing
         * stays live into the general path (holding a and b there made gcc
         * spill them on every operation) */
        if (sp[-2].tag == SP_FLOAT && sp[-1].tag == SP_FLOAT) {
            double d;
            if (float_binop(ARG, sp[-2].u.f, sp[-1].u.f, &d)) {
                put_float(&sp[-2], d);
                sp--;
                DISPATCH();
            }
        } else if (sp[-2].tag == SP_INT && sp[-1].tag == SP_INT) {
            if (int_binop(ARG, sp[-2].u.i, sp[-1].u.i, &sp[-2])) {
                sp--;
                DISPATCH();
            }
        }
        goto binop_general;
    }
    binop_general: {
        sp_Value a = sp[-2], b = sp[-1];
        double d; /* float with int: int64 -> double rounds as int.__float__ does */
        if (a.tag == SP_FLOAT && b.tag == SP_INT) {
            if (float_binop(ARG, a.u.f, (double)b.u.i, &d)) goto float_done;
        } else if (a.tag == SP_INT && b.tag == SP_FLOAT) {
            if (float_binop(ARG, (double)a.u.i, b.u.f, &d)) goto float_done;
        } else if (a.tag != SP_INT || b.tag != SP_INT) {
            if (a.tag == SP_OBJ && (SP_O(a)->type->flags & SP_TF_HEAPTYPE)) {
                CHECK(callee = sp_class_binop_fn(vm, (int)ARG, a, b));
                if (!sp_isnull(callee)) {
                    cargs = sp - 2;
                    cnargs = 2;
                    rm_new = RET_BINOP;
                    goto dunder_call;
                }
            }
            if (b.tag != SP_OBJ || !(SP_O(b)->type->flags & SP_TF_HEAPTYPE)) goto binop_slow;
            SAVE();
            callee = sp_class_rbinop_fn(vm, (int)ARG, a, b, &r);
            if (!sp_isnull(callee)) { /* b.__rop__(a): the pair swapped in the scratch slots */
                sp[0] = b;
                sp[1] = a;
                cargs = sp;
                cnargs = 2;
                rm_new = RET_RBINOP;
                goto dunder_call;
            }
            if (!sp_isnull(r)) {
                CHECK(r);
                goto binop_done;
            }
        }
    binop_slow:
        SAVE();
        CHECK(r = sp_binop(vm, (int)ARG, a, b));
        goto binop_done;
    float_done:
        r = sp_float(d);
    binop_done:
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    TARGET(UNARY_OP) {
        sp_Value a = sp[-1];
        if (ARG == SP_UOP_NEG && a.tag == SP_INT && a.u.i != INT64_MIN) {
            sp[-1].u.i = -a.u.i;
            DISPATCH();
        }
        if (ARG == SP_UOP_NEG && a.tag == SP_FLOAT) {
            sp[-1].u.f = -a.u.f;
            DISPATCH();
        }
        SAVE();
        CHECK(r = sp_unop(vm, (int)ARG, a));
        sp[-1] = r;
        DISPATCH();
    }
    TARGET(UNARY_NOT) {
        int t = fast_truth(sp[-1]);
        if (t == -2) {
            SAVE();
            if ((t = sp_truthy(vm, sp[-1])) < 0) goto error;
        }
        sp[-1] = sp_bool(!t);
        DISPATCH();
    }
    TARGET(COMPARE_OP) {
        sp_Value a = sp[-2], b = sp[-1];
        if (a.tag == SP_INT && b.tag == SP_INT) {
            cmp = cmp_i64((int)ARG, a.u.i, b.u.i);
        } else if (a.tag == SP_FLOAT && b.tag == SP_FLOAT) {
            cmp = cmp_f64((int)ARG, a.u.f, b.u.f);
        } else {
            if (a.tag == SP_OBJ && (SP_O(a)->type->flags & SP_TF_HEAPTYPE)) {
                CHECK(callee = sp_class_richcmp_fn(vm, a, b, (int)ARG));
                if (!sp_isnull(callee)) {
                    cargs = sp - 2;
                    cnargs = 2;
                    rm_new = RET_CMP;
                    goto dunder_call;
                }
            }
            SAVE();
            CHECK(r = sp_richcmp(vm, a, b, (int)ARG));
            sp[-2] = r;
            sp--;
            DISPATCH();
        }
        sp--;
    cmp_done: /* a plain compare's result cmp, for the slot sp[-1]: a
               * conditional jump right after it takes it at once */
        if (SP_OPCODE(*ip) == SP_POP_JUMP_IF_FALSE || SP_OPCODE(*ip) == SP_POP_JUMP_IF_TRUE) {
            ip++;
            sp--;
            if (cmp == (SP_OPCODE(ip[-1]) == SP_POP_JUMP_IF_TRUE)) JUMPTO(ARG);
            DISPATCH();
        }
        sp[-1] = sp_bool(cmp);
        DISPATCH();
    }
    TARGET(IS_OP) {
        bool is = sp_is(sp[-2], sp[-1]);
        sp[-2] = sp_bool(is != (ARG == 1));
        sp--;
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        SAVE();
        int c = sp_contains(vm, sp[-1], sp[-2]);
        if (c < 0) goto error;
        sp[-2] = sp_bool((c == 1) != (ARG == 1));
        sp--;
        DISPATCH();
    }
    TARGET(JUMP) {
        if (co->code + ARG < ip) POLL(); /* backward: a loop iteration */
        JUMPTO(ARG);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        int t = fast_truth(sp[-1]);
        if (t == -2) {
            SAVE();
            if ((t = sp_truthy(vm, sp[-1])) < 0) goto error;
        }
        sp--;
        if (!t) JUMPTO(ARG);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        int t = fast_truth(sp[-1]);
        if (t == -2) {
            SAVE();
            if ((t = sp_truthy(vm, sp[-1])) < 0) goto error;
        }
        sp--;
        if (t) JUMPTO(ARG);
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        int t = fast_truth(sp[-1]);
        if (t == -2) {
            SAVE();
            if ((t = sp_truthy(vm, sp[-1])) < 0) goto error;
        }
        if (!t) JUMPTO(ARG);
        else sp--;
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        int t = fast_truth(sp[-1]);
        if (t == -2) {
            SAVE();
            if ((t = sp_truthy(vm, sp[-1])) < 0) goto error;
        }
        if (t) JUMPTO(ARG);
        else sp--;
        DISPATCH();
    }
    TARGET(GET_ITER) {
        if (!sp_istype(sp[-1], &sp_t_generator)) {
            SAVE();
            CHECK(r = sp_istype(sp[-1], &sp_t_list) ? spc_seqiter_new(vm, &sp_t_list_iterator, sp[-1], 0)
                                                    : sp_iter(vm, sp[-1]));
            sp[-1] = r;
        }
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        sp_Value it = sp[-1];
        if (sp_istype(it, &sp_t_list_iterator) || sp_istype(it, &sp_t_tuple_iterator)) {
            r = sp_seqiter_items_next(SP_AS(sp_SeqIter, it)); /* no call; cannot fail */
        } else if (sp_istype(it, &sp_t_generator)) {
            sp_Gen *g = SP_AS(sp_Gen, it);
            if (g->state == SP_GEN_DONE) {
                sp--;
                JUMPTO(ARG);
                DISPATCH();
            }
            SAVE();
            if (!gen_start(vm, x, g, SP_NONEV, SP_RESUME_SEND, RET_FORITER)) goto error;
            f = g->frame;
            LOAD();
            POLL();
            DISPATCH();
        } else {
            SAVE();
            sp_Type *t = sp_typeof(it);
            r = t->next ? t->next(vm, it) : sp_next(vm, it);
        }
        if (sp_isnull(r)) {
            sp--;
            JUMPTO(ARG);
            DISPATCH();
        }
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }
    TARGET(BUILD_TUPLE) {
        CHECK(r = sp_tuple_pack(vm, ARG, sp - ARG));
        sp -= ARG;
        PUSH(r);
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        sp -= ARG; /* dropped on failure too: the run is unwinding */
        CHECK(r = sp_list_of(vm, sp, ARG));
        PUSH(r);
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        SAVE();
        CHECK(r = build_set(vm, f, sp, ARG));
        sp -= ARG;
        PUSH(r);
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        SAVE();
        CHECK(r = build_map(vm, f, sp, ARG));
        sp -= 2 * (size_t)ARG;
        PUSH(r);
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        CHECK(r = build_string(vm, sp - ARG, ARG));
        sp -= ARG;
        PUSH(r);
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        EXPECT(sp[-(int)ARG - 1], &sp_t_list);
        if (!sp_list_append(vm, SP_LIST(sp[-(int)ARG - 1]), sp[-1])) goto error;
        sp--;
        DISPATCH();
    }
    TARGET(SET_ADD) {
        EXPECT(sp[-(int)ARG - 1], &sp_t_set);
        SAVE();
        if (sp_set_add(vm, sp[-(int)ARG - 1], sp[-1]) < 0) goto error;
        sp--;
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        EXPECT(sp[-(int)ARG - 2], &sp_t_dict);
        SAVE();
        if (!sp_dict_set(vm, SP_DICT(sp[-(int)ARG - 2]), sp[-2], sp[-1])) goto error;
        sp -= 2;
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        EXPECT(sp[-(int)ARG - 1], &sp_t_list);
        SAVE();
        if (!list_extend(vm, sp[-(int)ARG - 1], sp[-1])) goto error;
        sp--;
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        EXPECT(sp[-(int)ARG - 1], &sp_t_set);
        SAVE();
        if (!set_update(vm, sp[-(int)ARG - 1], sp[-1])) goto error;
        sp--;
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        EXPECT(sp[-(int)ARG - 1], &sp_t_dict);
        SAVE();
        if (!dict_merge(vm, sp[-(int)ARG - 1], sp[-1], SP_NULLV)) goto error;
        sp--;
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        EXPECT(sp[-(int)ARG - 1], &sp_t_dict);
        SAVE();
        if (!dict_merge(vm, sp[-(int)ARG - 1], sp[-1], sp[-(int)ARG - 3])) goto error;
        sp--;
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        EXPECT(sp[-1], &sp_t_list);
        CHECK(r = sp_tuple_pack(vm, SP_LIST(sp[-1])->n, SP_LIST(sp[-1])->items));
        sp[-1] = r;
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        SAVE();
        bool spec = ARG & 4;
        CHECK(r = format_value(vm, sp[-1 - spec], ARG, spec ? sp[-1] : SP_NULLV));
        sp -= spec;
        sp[-1] = r;
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        sp_Value v = sp[-1];
        if (sp_istuple(v) && SP_TUPLE(v)->n == ARG) {
            sp--;
            for (uint32_t i = ARG; i-- > 0;) PUSH(SP_TUPLE(v)->items[i]);
            DISPATCH();
        }
        SAVE();
        if (!unpack(vm, f, sp, ARG, 0, false)) goto error;
        sp += (int)ARG - 1;
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        SAVE();
        if (!unpack(vm, f, sp, ARG & 0xFF, ARG >> 8, true)) goto error;
        sp += (ARG & 0xFF) + (ARG >> 8);
        DISPATCH();
    }
    TARGET(CALL) {
        cnargs = (int)ARG;
        cargs = sp - cnargs;
        cbase = cargs - 1;
        callee = *cbase;
        ckw = NULL;
        goto try_fast;
    }
    TARGET(CALL_KW) {
        if (!sp_istuple(sp[-1]) || SP_TUPLE(sp[-1])->n > ARG) goto bad_kwnames;
        ckw = SP_TUPLE(sp[-1]);
        cnargs = (int)ARG - (int)ckw->n;
        cargs = sp - 1 - ARG;
        cbase = cargs - 1;
        callee = *cbase;
        goto do_call;
    }
    TARGET(CALL_METHOD) {
        ckw = NULL;
        cnargs = (int)ARG;
        cbase = sp - ARG - 2;
        callee = cbase[0];
        if (sp_isnull(cbase[1])) goto do_method;
        cargs = cbase + 1; /* (function, self): a method of a Python class */
        cnargs++;
    try_fast: /* CALL's too: one copy of the inline call keeps the loop compact */
        FAST_CALL();
        goto do_call;
    }
    TARGET(CALL_METHOD_KW) {
        if (!sp_istuple(sp[-1]) || SP_TUPLE(sp[-1])->n > ARG) goto bad_kwnames;
        ckw = SP_TUPLE(sp[-1]);
        cnargs = (int)ARG - (int)ckw->n;
        cbase = sp - ARG - 3;
    do_method:
        callee = cbase[0];
        if (sp_isnull(cbase[1])) { /* (attr, NULL): a plain call */
            cargs = cbase + 2;
        } else {                   /* (method, self): self is args[0] */
            cargs = cbase + 1;
            cnargs++;
        }
        goto do_call;
    }
    TARGET(CALL_EX) {
        sp_Value *base = sp - 2 - (ARG & 1);
        SAVE();
        if (!callex_normalize(vm, base[0], &base[1])) goto error;
        if (!callex_args(vm, base[0], base[1], (ARG & 1) ? sp[-1] : SP_NULLV, &ce)) {
            callex_free(vm, &ce);
            goto error;
        }
        if (ce.kw) PUSH(sp_objv(ce.kw)); /* rooted in the scratch slot during the call */
        callee = base[0];
        cbase = base;
        cargs = ce.a + 1;
        cnargs = ce.nargs;
        ckw = ce.kw;
        goto do_call;
    }
    TARGET(MAKE_FUNCTION) {
        CHECK(r = make_function(vm, f, sp, ARG));
        sp -= 1 + (ARG & 1) + ((ARG >> 1) & 1) + ((ARG >> 3) & 1);
        PUSH(r);
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        r = POP();
        if (f->retmode == RET_PUSH && !f->nblocks && !f->gen) { /* the plain return of a call */
            sp_Frame *prev = f->prev;
            pop_frame(vm, x, f);
            vm->pydepth--;
            vm->frame = f = prev;
            LOAD();
            PUSH(r);
            DISPATCH();
        }
        if (f->nblocks) drop_blocks(x, f);
        sp_Frame *prev = f->prev;
        int rm = f->retmode;
        if (f->gen) gen_stop(x, f->gen, true);
        else pop_frame(vm, x, f);
        vm->pydepth -= 1 + (rm == RET_INIT);
        vm->frame = prev;
        if (rm == RET_EXIT) {
            *out = r;
            return SP_RUN_RETURN;
        }
        f = prev;
        LOAD();
        if (rm == RET_PUSH) PUSH(r);
        else if (rm == RET_INIT) { /* the new instance is the result; __init__ returns None */
            if (!sp_isnone(r)) {
                sp_raise(vm, &sp_t_TypeError, "__init__() should return None, not '%T'", r);
                goto error;
            }
        } else if (rm == RET_FORITER) sp--, JUMPTO(SP_OPARG(ip[-1]));
        else if (rm >= RET_BINOP && rm != RET_ATTR) {
            if (rm == RET_CMP) SP_LEAVE(vm);
            if (sp_isnotimpl(r)) { /* declined: the other operand's turn, and on */
                SAVE();
                CHECK(r = rm == RET_CMP ? sp_richcmp_rest(vm, sp[-2], sp[-1], (int)SP_OPARG(ip[-1]))
                                        : sp_binop_rest(vm, (int)SP_OPARG(ip[-1]), sp[-2], sp[-1],
                                                        rm == RET_RBINOP));
            }
            sp[-2] = r;
            sp--;
        } else sp[-1] = r; /* RET_SEND: the delegation's result replaces recv; RET_ATTR: o */
        DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
        CHECK(r = sp_str_intern_cstr(vm, "__build_class__"));
        r = sp_builtin_lookup(vm, SP_STR(r));
        if (sp_isnull(r)) r = sp_raise(vm, &sp_t_NameError, "__build_class__ not found");
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }
    TARGET(SETUP_FINALLY) {
        sp_Block *b = &sp_frame_blocks(f)[f->nblocks++];
        b->handler = (int32_t)ARG;
        b->level = (uint32_t)(sp - f->stack);
        DISPATCH();
    }
    TARGET(POP_BLOCK) { f->nblocks--; DISPATCH(); }
    TARGET(POP_EXCEPT) {
        r = POP();
        x->exc_info = sp_isnone(r) ? SP_NULLV : r;
        f->nblocks--;
        DISPATCH();
    }
    TARGET(RAISE_VARARGS) {
        SAVE();
        if (ARG == 0) {
            if (sp_isnull(x->exc_info)) {
                sp_raise(vm, &sp_t_RuntimeError, "No active exception to reraise");
                goto error;
            }
            vm->exc = x->exc_info;
            goto reraise;
        }
        do_raise(vm, sp[-(int)ARG], sp[-1], ARG == 2);
        sp_exc_set_context(vm, vm->exc, true);
        ctx = 0;
        goto error_tb;
    }
    TARGET(RERAISE) {
        vm->exc = POP();
        goto reraise;
    }
    TARGET(CHECK_EXC_MATCH) {
        int m = exc_match(vm, sp[-2], sp[-1]);
        if (m < 0) goto error;
        sp[-1] = sp_bool(m);
        DISPATCH();
    }
    TARGET(BEFORE_WITH) {
        f->ip = ip, f->sp = sp + 1, sp[0] = SP_NONEV;
        if (!before_with(vm, sp)) goto error;
        sp++;
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        SAVE();
        CHECK(r = with_except(vm, sp));
        PUSH(r);
        DISPATCH();
    }
    TARGET(LOAD_ASSERTION_ERROR) { PUSH(sp_objv(&sp_t_AssertionError)); DISPATCH(); }
    TARGET(YIELD_VALUE) {
        r = POP();
    do_yield:
        if (!f->gen) {
            sp_raise(vm, &sp_t_SystemError, "yield outside a generator frame");
            goto error;
        }
        SAVE();
        sp_Frame *prev = f->prev;
        int rm = f->retmode;
        gen_stop(x, f->gen, false);
        vm->pydepth--;
        vm->frame = prev;
        if (rm == RET_EXIT) {
            *out = r;
            return SP_RUN_YIELD;
        }
        f = prev;
        LOAD();
        if (rm == RET_FORITER) {
            PUSH(r);
            DISPATCH();
        }
        goto do_yield; /* RET_SEND: the delegating generator yields it in turn */
    }
    TARGET(GET_YIELD_FROM_ITER) {
        if (!sp_istype(sp[-1], &sp_t_generator)) {
            SAVE();
            CHECK(r = sp_iter(vm, sp[-1]));
            sp[-1] = r;
        }
        DISPATCH();
    }
    TARGET(SEND_FROM) {
        sp_Value recv = sp[-2];
        if (sp_istype(recv, &sp_t_generator)) {
            sp_Gen *g = SP_AS(sp_Gen, recv);
            if (g->state == SP_GEN_DONE) {
                sp--;
                sp[-1] = SP_NONEV;
                DISPATCH();
            }
            if (g->state == SP_GEN_CREATED && !sp_isnone(sp[-1])) {
                sp_raise(vm, &sp_t_TypeError, "can't send non-None value to a just-started generator");
                goto error;
            }
            r = POP();
            SAVE();
            if (!gen_start(vm, x, g, r, SP_RESUME_SEND, RET_SEND)) goto error;
            f = g->frame;
            LOAD();
            DISPATCH();
        }
        SAVE();
        int st = send_other(vm, recv, sp[-1], &r);
        if (st == SP_RUN_ERROR) goto error;
        sp--;
        if (st == SP_RUN_YIELD) goto do_yield;
        sp[-1] = r;
        DISPATCH();
    }
    TARGET(IMPORT_NAME) {
        SAVE();
        CHECK(r = sp_import(vm, co->names[ARG]));
        PUSH(r);
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        SAVE();
        CHECK(r = import_from(vm, sp[-1], co->names[ARG]));
        PUSH(r);
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        SAVE();
        if (!import_star(vm, f, sp[-1])) goto error;
        sp--;
        DISPATCH();
    }
    TARGET(SET_RESULT) { f->result = POP(); DISPATCH(); }
    TARGET(LOAD_RESULT) {
        PUSH(sp_isnull(f->result) ? SP_NONEV : f->result);
        DISPATCH();
    }
    /* ---- match statement (the work is in sp_match.c) */
    TARGET(GET_LEN) {
        SAVE();
        int64_t n = sp_len(vm, sp[-1]);
        if (n < 0) goto error;
        PUSH(sp_int(n));
        DISPATCH();
    }
    TARGET(MATCH_SEQUENCE) { r = sp_bool(sp_match_isseq(sp[-1])); PUSH(r); DISPATCH(); }
    TARGET(MATCH_MAPPING) { r = sp_bool(sp_match_ismap(sp[-1])); PUSH(r); DISPATCH(); }
    TARGET(MATCH_KEYS) {
        SAVE();
        CHECK(r = sp_match_keys(vm, sp[-2], sp[-1]));
        PUSH(r);
        DISPATCH();
    }
    TARGET(MATCH_CLASS) {
        SAVE();
        CHECK(r = sp_match_class(vm, sp[-3], sp[-2], ARG, sp[-1]));
        sp -= 2;
        sp[-1] = r;
        DISPATCH();
    }
    TARGET(COMP_ENTER) {
        SAVE();
        CHECK(r = comp_enter(vm, f, sp, (uint32_t)(ip - 1 - co->code)));
        sp[0] = sp[-1];
        sp[-1] = r;
        sp++;
        DISPATCH();
    }
    TARGET(COMP_EXIT) {
        comp_leave(vm, f, sp_frame_blocks(f)[--f->nblocks].handler);
        DISPATCH();
    }
    TARGET(ROT_N) {
        r = sp[-1];
        memmove(sp - ARG + 1, sp - ARG, (ARG - 1) * sizeof *sp);
        sp[-(int)ARG] = r;
        DISPATCH();
    }
#ifndef USE_GOTO
    default:
        sp_raise(vm, &sp_t_SystemError, "bad opcode");
        goto error;
    }
#endif

dunder_call: /* callee(cargs..) from BINARY_OP/COMPARE_OP/LOAD_ATTR, operands left on the stack */
    SAVE();
    if (rm_new == RET_CMP && !SP_ENTER_PY(vm, " in comparison")) goto error;
    callf = fast_frame(vm, callee, cargs, cnargs);
    if (!callf && !(callf = call_frame(vm, x, SP_AS(sp_Func, callee), cargs, cnargs, NULL))) {
        if (rm_new == RET_CMP) SP_LEAVE(vm);
        goto error;
    }
enter_callf: /* the callee's frame made: link it (retmode rm_new) and run it */
    callf->prev = f;
    callf->retmode = (uint8_t)rm_new;
    vm->frame = f = callf;
    LOAD();
    POLL();
    DISPATCH();

do_call:
    /* Calling a class whose __init__ is a Python function runs that frame
     * in this loop (no C recursion): the instance waits in the callable's
     * slot and RETURN_VALUE (RET_INIT) leaves it as the result. */
    rm_new = RET_PUSH;
    if (callee.tag == SP_OBJ && SP_O(callee)->type == &sp_t_type &&
        (SP_AS(sp_Type, callee)->flags & SP_TF_HEAPTYPE)) {
        sp_Value init;
        SAVE();
        /* CPython's type call holds a recursion level of its own while
         * __init__ runs (so RET_INIT frames count two) */
        r = vm->cdepth + vm->pydepth < vm->pydepth_max /* as sp_call's SP_ENTER_PY */
                ? sp_class_new_for_init(vm, SP_AS(sp_Type, callee), cargs, cnargs, ckw, &init)
                : sp_raise(vm, &sp_t_RecursionError,
                           "maximum recursion depth exceeded while calling a Python object");
        if (sp_iserr(r)) {
            callex_free(vm, &ce);
            goto error;
        }
        if (!sp_isnull(r)) {
            *cbase = *--cargs = r;
            cnargs++;
            callee = init;
            rm_new = RET_INIT;
        }
    }
    /* A bound Python method puts self in the slot before the arguments
     * (the callable's, the NULL of LOAD_METHOD, or CALL_EX's spare). */
    if (sp_istype(callee, &sp_t_boundmethod) &&
        sp_istype(SP_AS(sp_BoundMethod, callee)->func, &sp_t_function)) {
        sp_BoundMethod *bm = SP_AS(sp_BoundMethod, callee);
        *--cargs = bm->self;
        cnargs++;
        callee = bm->func;
    }
    if (sp_istype(callee, &sp_t_function)) {
        sp_Func *fn = SP_AS(sp_Func, callee);
        if (!(fn->code->flags & SP_CO_GENERATOR)) {
            SAVE();
            vm->pydepth += rm_new == RET_INIT;
            callf = ckw ? NULL : fast_frame(vm, callee, cargs, cnargs);
            if (!callf) callf = call_frame(vm, x, fn, cargs, cnargs, ckw);
            callex_free(vm, &ce);
            if (!callf) {
                vm->pydepth -= rm_new == RET_INIT;
                goto error;
            }
            f->sp = cbase + (rm_new == RET_INIT);
            goto enter_callf;
        }
        r = sp_gen_new(vm, fn, cargs, cnargs, ckw);
    } else if (callee.tag == SP_NULL && callee.u.o) {
        /* a method def from LOAD_METHOD (a bare NULL can only come from a
         * hostile snapshot: it falls through to "not callable") */
        const sp_MethodDef *m = (const sp_MethodDef *)(uintptr_t)callee.u.o;
        SAVE();
        r = SP_ERRV;
        if (SP_ENTER(vm)) {
            r = m->fn(vm, cargs, cnargs, ckw);
            SP_LEAVE(vm);
        }
    } else if (sp_istype(callee, &sp_t_cfunc) && sp_isnull(SP_AS(sp_CFunc, callee)->self) &&
               !SP_AS(sp_CFunc, callee)->qualprefix) {
        /* a builtin function (len, isinstance...): sp_call's and
         * cfunc_call's plain case, without the two indirections */
        SAVE();
        r = SP_ERRV;
        if (SP_ENTER_PY(vm, " while calling a Python object")) {
            r = SP_AS(sp_CFunc, callee)->fn(vm, cargs, cnargs, ckw);
            SP_LEAVE(vm);
        }
    } else if (pausable && sp_istype(callee, &sp_t_extfn) && SP_AS(sp_ExtFn, callee)->pausing &&
               !in_dunder(f)) {
        /* The run stops here; its result will be pushed at cbase by
         * sp_vm_resume, as if the call had returned. */
        SAVE();
        r = pause_request(vm, callee, cargs, cnargs, ckw);
        callex_free(vm, &ce);
        CHECK(r);
        x->pending = r;
        f->sp = cbase;
        return SP_RUN_PAUSE;
    } else {
        SAVE();
        r = sp_call(vm, callee, cargs, cnargs, ckw);
    }
    callex_free(vm, &ce);
    CHECK(r);
    sp = cbase;
    PUSH(r);
    DISPATCH();

pause_name: /* ( -- v ): resumed by pushing the host's value */
    if (!sp_err_matches(vm, &sp_t_NameError)) goto error;
    sp_err_clear(vm);
    SAVE();
    CHECK(r = pause_request(vm, sp_objv(co->names[ARG]), NULL, 0, NULL));
    x->pending = r;
    return SP_RUN_PAUSE;

bad_stack:
    sp_raise(vm, &sp_t_SystemError, "corrupt value stack");
    goto error;
bad_kwnames:
    sp_raise(vm, &sp_t_SystemError, "kwnames must be a tuple");
error:
    ctx = 1;
error_tb:
    SAVE();
    add_tb(vm, f);
    if (ctx) sp_exc_set_context(vm, vm->exc, false);
unwind: {
    sp_Block *blocks = sp_frame_blocks(f);
    while (f->nblocks > 0) {
        sp_Block b = blocks[--f->nblocks];
        sp_Value *lvl = f->stack + b.level;
        if (b.handler < 0) {
            if (b.handler == -1) x->exc_info = sp_isnone(lvl[0]) ? SP_NULLV : lvl[0];
            else comp_unwind(vm, f, b.handler);
            continue;
        }
        if (vm->limit_hit) continue; /* limits are not catchable */
        sp = lvl;
        PUSH(sp_isnull(x->exc_info) ? SP_NONEV : x->exc_info);
        PUSH(vm->exc);
        x->exc_info = vm->exc;
        vm->exc = SP_NULLV;
        blocks[f->nblocks++] = (sp_Block){-1, b.level};
        JUMPTO(b.handler);
        DISPATCH();
    }
}
    { /* no handler: the frame ends with the exception */
        sp_Frame *prev = f->prev;
        int rm = f->retmode;
        if (f->gen) {
            gen_stop(x, f->gen, true);
            sp_gen_fix_stopiteration(vm);
        } else {
            pop_frame(vm, x, f);
        }
        vm->pydepth -= 1 + (rm == RET_INIT);
        vm->frame = prev;
        if (rm == RET_EXIT) return SP_RUN_ERROR;
        f = prev;
        LOAD();
        if (rm == RET_CMP) SP_LEAVE(vm);
        if (rm == RET_ATTR && sp_err_matches(vm, &sp_t_AttributeError))
            sp_exc_set_name_obj(vm, co->names[SP_OPARG(ip[-1])], sp[-1]); /* as sp_getattr */
        ctx = 0;
        goto error_tb;
    }
reraise:
    SAVE();
    goto unwind;
}

/* ------------------------------------------------------------ entry points */

static int enter(sp_VM *vm, sp_Frame *nf, int mode, sp_Value *out) {
    nf->prev = vm->frame;
    nf->retmode = RET_EXIT;
    vm->frame = nf;
    return run(vm, nf, mode, out);
}

sp_Value sp_run_code(sp_VM *vm, sp_Value code, sp_Dict *globals) {
    if (!sp_istype(code, &sp_t_code)) return sp_raise(vm, &sp_t_SystemError, "not a code object");
    sp_Exec *x = sp_exec(vm);
    if (!x || !depth_ok(vm)) return SP_ERRV;
    sp_Code *c = SP_AS(sp_Code, code);
    sp_Frame *nf = push_frame(vm, x, c);
    if (!nf) return SP_ERRV;
    sp_frame_init_module(nf, c, globals, globals);
    vm->pydepth++;
    sp_Value out;
    return enter(vm, nf, MODE_NORMAL, &out) == SP_RUN_RETURN ? out : SP_ERRV;
}

sp_Value sp_vm_call(sp_VM *vm, sp_Func *fn, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (fn->code->flags & SP_CO_GENERATOR) return sp_gen_new(vm, fn, args, nargs, kw);
    sp_Exec *x = sp_exec(vm);
    if (!x) return SP_ERRV;
    sp_Frame *nf = kw ? NULL : fast_frame(vm, sp_objv(fn), args, nargs);
    if (!nf && !(nf = call_frame(vm, x, fn, args, nargs, kw))) return SP_ERRV;
    sp_Value out;
    return enter(vm, nf, MODE_NORMAL, &out) == SP_RUN_RETURN ? out : SP_ERRV;
}

sp_Value sp_vm_call_locals(sp_VM *vm, sp_Func *fn, sp_Dict *locals) {
    sp_Exec *x = sp_exec(vm);
    if (!x) return SP_ERRV;
    sp_Frame *nf = call_frame(vm, x, fn, NULL, 0, NULL);
    if (!nf) return SP_ERRV;
    nf->locals = locals;
    sp_Value out;
    return enter(vm, nf, MODE_NORMAL, &out) == SP_RUN_RETURN ? out : SP_ERRV;
}

int sp_gen_run(sp_VM *vm, sp_Gen *g, sp_Value in, int mode, sp_Value *out) {
    sp_Exec *x = sp_exec(vm);
    if (!x) return SP_RUN_ERROR;
    sp_Frame *caller = vm->frame;
    if (!gen_start(vm, x, g, in, mode, RET_EXIT)) return SP_RUN_ERROR;
    vm->frame = caller; /* enter() links it again */
    if (mode == SP_RESUME_THROW) vm->exc = in;
    return enter(vm, g->frame, mode == SP_RESUME_THROW ? MODE_THROW : MODE_NORMAL, out);
}

/* ------------------------------------------------------------ pausable runs */

int sp_vm_start(sp_VM *vm, sp_Code *c, sp_Dict *globals, sp_Value *out) {
    sp_Exec *x = sp_exec(vm);
    if (!x || !depth_ok(vm)) return SP_RUN_ERROR;
    sp_Frame *nf = push_frame(vm, x, c);
    if (!nf) return SP_RUN_ERROR;
    sp_frame_init_module(nf, c, globals, globals);
    vm->pydepth++;
    return enter(vm, nf, MODE_NORMAL | MODE_PAUSABLE, out);
}

bool sp_vm_paused(sp_VM *vm) {
    sp_Exec *x = vm->exec;
    return x && !sp_isnull(x->pending);
}

int sp_vm_resume(sp_VM *vm, sp_Value v, bool raise, sp_Value *out) {
    sp_Exec *x = vm->exec;
    if (!sp_vm_paused(vm) || !vm->frame) {
        sp_raise(vm, &sp_t_RuntimeError, "no paused run to resume");
        return SP_RUN_ERROR;
    }
    x->pending = SP_NULLV;
    sp_Frame *f = vm->frame;
    if (raise) {
        vm->exc = v;
        return run(vm, f, MODE_RAISE | MODE_PAUSABLE, out);
    }
    *f->sp++ = v;
    return run(vm, f, MODE_NORMAL | MODE_PAUSABLE, out);
}

/* Generators caught running in the dropped frames end as finished. */
void sp_vm_abandon(sp_VM *vm) {
    sp_Exec *x = vm->exec;
    if (!x) return;
    for (sp_Frame *f = vm->frame, *prev; f; f = prev) {
        prev = f->prev;
        if (f->gen) {
            f->gen->state = SP_GEN_DONE;
            f->gen->exc_state = SP_NULLV;
            f->prev = NULL;
        }
    }
    vm->frame = NULL;
    x->pending = SP_NULLV;
    x->exc_info = SP_NULLV;
    sp_Chunk *c = x->chunk;
    while (c && c->prev) c = c->prev;
    x->chunk = c;
    vm->stack = vm->stack_top = c ? c->data : NULL;
    vm->stack_end = c ? c->data + c->size : NULL;
    vm->pydepth = 0;
}

sp_Frame *sp_vm_push_frame(sp_VM *vm, sp_Code *c, sp_Dict *globals) {
    sp_Exec *x = sp_exec(vm);
    sp_Frame *f = x ? push_frame(vm, x, c) : NULL;
    if (f) sp_frame_init_module(f, c, globals, NULL);
    return f;
}

void sp_vm_link_frame(sp_VM *vm, sp_Frame *f) {
    f->prev = vm->frame;
    vm->frame = f;
    vm->pydepth++;
    for (int i = 0; i < f->nblocks; i++) vm->pydepth += sp_frame_blocks(f)[i].handler < -1;
}
