/* sp_api.c - the public embedding API (include/sandpy.h): lifecycle,
 * errors, compiling and running, the REPL, external functions, pausing.
 *
 * A run is a module frame started by sp_vm_start in some globals (fresh
 * ones for sandpy_start, the persistent main module for the REPL).  It
 * ends OK, with an error, or PAUSED with every frame still on the VM's
 * data stack; sandpy_resume* continues it.  Values are in sp_value_api.c,
 * snapshots in sp_snap.c. */
#include "sp_api.h"
#include "sp_names.h"
#include "sp_pool.h" /* SP_POOL_WHOLESALE */

#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

/* ================================================================ lifecycle */

static void host_write(void *ud, int stream, const char *s, size_t n) {
    sandpy *sp = ud;
    if (sp->cfg.write) sp->cfg.write(sp->cfg.write_ud, stream, s, n);
}

/* The container in slot i (H_EXTS, H_FUTURES: a dict; H_CODES: a list),
 * made on first use: most interpreters register no function and settle
 * no future, and a snippet run through sandpy_exec compiles no handle.
 * Readers treat None as empty. */
static sp_Value lazy_slot(sandpy *sp, int i, bool list) {
    sp_Value v = sp_api_slot(sp, i);
    if (!sp_isnone(v)) return v;
    v = list ? sp_list_new(sp->vm, 0) : sp_dict_new(sp->vm);
    if (!sp_iserr(v)) sp_api_setslot(sp, i, v);
    return v;
}

/* The VM's settings from the config (a default one leaves them as
 * sp_vm_new set them: every field of the config zero). */
static void configure(sandpy *sp, const sandpy_config *c) {
    sp_VM *vm = sp->vm;
    sp->cfg = *c;
    vm->mem_limit = c->max_memory;
    vm->alloc_limit = c->max_allocations;
    if (c->max_recursion > 0) vm->pydepth_max = c->max_recursion;
    if (c->max_stack) vm->cstack_budget = c->max_stack;
    vm->clock = c->clock;
    vm->clock_ud = c->clock_ud;
    vm->random_seed = c->random_seed;
    vm->random_seed_ud = c->random_seed_ud;
}

sandpy *sandpy_new(const sandpy_config *cfg) {
    sandpy *sp;
    sp_VM *vm = sp_vm_new(cfg ? cfg->alloc : NULL, cfg ? cfg->alloc_ud : NULL, sizeof *sp, (void **)&sp);
    if (!vm) return NULL;
    /* sp is zeroed, in vm's block: so is its config, and both buffers are
     * empty (sp_buf_init) but for their VM */
    sp->vm = vm;
    sp->epoch = 1;
    sp->ebuf.vm = sp->snap.vm = vm;
    vm->write = host_write;
    vm->write_ud = sp;
    vm->userdata = sp;
    if (cfg) configure(sp, cfg);
    return sp;
}

void sandpy_free(sandpy *sp) {
    if (!sp) return;
    sp_VM *vm = sp->vm;
    if (!SP_POOL_WHOLESALE) { /* else these go with the pool */
        sp_buf_free(&sp->ebuf);
        sp_snap_free(sp);
        if (sp->frames) sp_free(vm, sp->frames, sp->framecap * sizeof *sp->frames);
        for (uint32_t i = 0; i < sp->next; i++) sp_free(vm, sp->ext[i].name, sp->ext[i].namelen + 1);
        if (sp->ext) sp_free(vm, sp->ext, sp->extcap * sizeof *sp->ext);
    }
    sp_vm_free(vm); /* sp too */
}

void *sandpy_userdata(sandpy *sp) { return sp->cfg.userdata; }
void sandpy_interrupt(sandpy *sp) { sp->vm->interrupt = 1; }
size_t sandpy_memory_used(const sandpy *sp) { return sp->vm->mem_used; }
size_t sandpy_memory_peak(const sandpy *sp) { return sp_mem_peak(sp->vm); }

/* ================================================================ errors */

/* Drop the pending exception of a step of describing an error; if memory
 * ran out, the description would be partial (a type without its message,
 * a traceback without its type: an uncaught SystemExit(3) read as a
 * success), so fixup reports a plain MemoryError instead.  Another failure
 * (a __str__ that raises) leaves that part empty, as the traceback
 * formatter does. */
static void lost(sandpy *sp) {
    sp_Value e = sp_err_fetch(sp->vm);
    if (sp_isnull(e) || sp_isinst(e, &sp_t_MemoryError)) sp->elost = true;
}

/* Append s + NUL to the error buffer; returns its offset (0 = ""). */
static size_t put(sandpy *sp, const char *s, size_t n) {
    sp_Buf *b = &sp->ebuf;
    size_t at = b->n;
    if (!n) return 0;
    if (!sp_buf_add(b, s, n) || !sp_buf_addc(b, 0)) return lost(sp), b->n = at, 0;
    return at;
}

static size_t put_str(sandpy *sp, sp_Value v) {
    return sp_isstr(v) ? put(sp, SP_STR(v)->data, SP_STR(v)->len) : 0;
}

/* Line `line` of the code's source, stripped (as the traceback shows it). */
static size_t put_line(sandpy *sp, sp_Code *c, int line) {
    if (!sp_isstr(c->source) || line < 1) return 0;
    const char *s = SP_STR(c->source)->data, *end = s + SP_STR(c->source)->len;
    for (int l = 1; l < line && s; l++) s = memchr(s, '\n', (size_t)(end - s)), s = s ? s + 1 : s;
    if (!s) return 0;
    const char *e = memchr(s, '\n', (size_t)(end - s));
    if (!e) e = end;
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\f')) e--;
    return put(sp, s, (size_t)(e - s));
}

static int64_t int_attr(sp_VM *vm, sp_Value exc, const char *name) {
    sp_Value v = sp_getattrs(vm, exc, name);
    if (sp_iserr(v)) sp_err_clear(vm);
    return sp_isint(v) ? v.u.i : 0;
}

/* Frames from the traceback chain; offsets stay in the pointer fields
 * until the buffer stops moving (fixup). */
static void put_frames(sandpy *sp, sp_Exc *e) {
    size_t n = 0;
    for (sp_TB *t = (sp_TB *)e->tb; t; t = t->next) n++;
    if (n > sp->framecap) {
        void *p = sp_realloc(sp->vm, sp->frames, sp->framecap * sizeof *sp->frames, n * sizeof *sp->frames);
        if (!p) return lost(sp);
        sp->frames = p, sp->framecap = n;
    }
    n = 0;
    for (sp_TB *t = (sp_TB *)e->tb; t; t = t->next, n++) {
        sandpy_frame *f = &sp->frames[n];
        f->file = (const char *)(uintptr_t)put_str(sp, sp_objv(t->code->filename));
        f->function = (const char *)(uintptr_t)put_str(sp, sp_objv(sp_tb_name(t)));
        f->source = (const char *)(uintptr_t)put_line(sp, t->code, t->line);
        f->line = t->line;
    }
    sp->err.nframes = n;
}

static const char *at(sandpy *sp, const char *off) {
    return sp->ebuf.p && (uintptr_t)off ? sp->ebuf.p + (uintptr_t)off : "";
}

static void fixup(sandpy *sp) {
    sandpy_error *r = &sp->err;
    if (sp->elost) {
        memset(r, 0, sizeof *r);
        r->type = r->traceback = "MemoryError";
        r->message = r->file = "";
        r->frames = sp->frames;
        return;
    }
    r->type = at(sp, r->type), r->message = at(sp, r->message);
    r->traceback = at(sp, r->traceback), r->file = at(sp, r->file);
    /* Out of memory while describing: the type alone, or MemoryError. */
    if (!*r->type) r->type = "MemoryError";
    if (!*r->traceback) r->traceback = r->type;
    for (size_t i = 0; i < r->nframes; i++) {
        sandpy_frame *f = &sp->frames[i];
        f->file = at(sp, f->file), f->function = at(sp, f->function), f->source = at(sp, f->source);
    }
    r->frames = sp->frames;
}

static void describe(sandpy *sp, sp_Value exc) {
    sp_VM *vm = sp->vm;
    sandpy_error *r = &sp->err;
    memset(r, 0, sizeof *r);
    sp->ebuf.n = 0, sp->elost = false;
    put(sp, "", 1); /* offset 0 means "" */
    r->type = (const char *)(uintptr_t)put(sp, sp_typename(exc), strlen(sp_typename(exc)));
    bool syntax = sp_isinst(exc, &sp_t_SyntaxError);
    sp_Value msg = syntax ? sp_getattrs(vm, exc, "msg") : sp_exc_str(vm, exc);
    if (sp_iserr(msg)) lost(sp);
    r->message = (const char *)(uintptr_t)put_str(sp, msg);
    sp_Value tb = sp_format_exc(vm, exc);
    if (sp_iserr(tb)) lost(sp);
    r->traceback = (const char *)(uintptr_t)put_str(sp, tb);
    if (!sp_isobj(exc) || !sp_isexc_type(sp_typeof(exc))) return;
    put_frames(sp, SP_AS(sp_Exc, exc));
    if (syntax) {
        sp_Value fn = sp_getattrs(vm, exc, "filename");
        if (sp_iserr(fn)) lost(sp);
        r->file = (const char *)(uintptr_t)put_str(sp, fn);
        r->line = (int)int_attr(vm, exc, "lineno");
        r->column = (int)int_attr(vm, exc, "offset");
    } else if (r->nframes) {
        r->file = sp->frames[r->nframes - 1].file;
        r->line = sp->frames[r->nframes - 1].line;
    }
}

/* Runs with limits lifted: describing a MemoryError must not fail for lack
 * of memory, and the text is bounded by the exception itself. */
sandpy_status sp_api_capture(sandpy *sp, sandpy_status st) {
    sp_VM *vm = sp->vm;
    sp_Value exc = sp_err_fetch(vm);
    if (sp_isnull(exc)) exc = sp_objv(vm->memerr);
    size_t lim = vm->mem_limit;
    uint64_t alim = vm->alloc_limit, ilim = vm->instr_limit;
    double dl = vm->deadline;
    bool hit = vm->limit_hit;
    vm->mem_limit = 0, vm->alloc_limit = 0, vm->deadline = 0, vm->instr_limit = 0;
    vm->limit_hit = false;
    sp_api_setslot(sp, H_ERR, exc);
    sp_api_setslot(sp, H_RESULT, SP_NONEV);
    describe(sp, exc);
    fixup(sp);
    vm->mem_limit = lim, vm->alloc_limit = alim, vm->deadline = dl, vm->instr_limit = ilim;
    vm->limit_hit = hit;
    return st;
}

sandpy_status sp_api_invalid(sandpy *sp, sp_Type *t, const char *msg) {
    sp_raise(sp->vm, t, "%s", msg);
    return sp_api_capture(sp, SANDPY_INVALID);
}

const sandpy_error *sandpy_error_get(sandpy *sp) {
    if (!sp->err.type) sp->err.type = sp->err.message = sp->err.traceback = sp->err.file = "";
    return &sp->err;
}
const char *sandpy_error_type(sandpy *sp) { return sandpy_error_get(sp)->type; }
const char *sandpy_error_message(sandpy *sp) { return sandpy_error_get(sp)->message; }
const char *sandpy_error_traceback(sandpy *sp) { return sandpy_error_get(sp)->traceback; }

/* An exception instance from a host-given type name ("ValueError"); an
 * unknown or non-exception name gives RuntimeError("Name: message"). */
static sp_Value host_exc(sandpy *sp, const char *type, const char *msg) {
    sp_VM *vm = sp->vm;
    sp_Value n = sp_str_intern_cstr(vm, type ? type : "RuntimeError");
    if (sp_iserr(n)) return n;
    sp_Value t = sp_builtin_lookup(vm, SP_STR(n));
    sp_Value m = msg ? sp_str_new(vm, msg, strlen(msg)) : SP_NULLV;
    if (msg && sp_utf8_check(msg, strlen(msg)) < 0) m = sp_str_cstr(vm, "<invalid UTF-8>");
    if (sp_iserr(m)) return m;
    if (sp_isnull(t) || !sp_isinst(t, &sp_t_type) || !sp_isexc_type((sp_Type *)SP_O(t))) {
        t = sp_objv(&sp_t_RuntimeError);
        m = sp_fmt(vm, "%s: %s", type, msg ? msg : "");
        if (sp_iserr(m)) return m;
    }
    sp_Value args = sp_isnull(m) ? sp_objv(&sp_empty_tuple) : sp_tuple_pack(vm, 1, &m);
    return sp_iserr(args) ? args : sp_exc_new(vm, (sp_Type *)SP_O(t), args);
}

/* ================================================================ code handles */

static void hostcode_traverse(sp_VM *vm, sp_Obj *o) {
    sandpy_code *c = (sandpy_code *)o;
    sp_gc_markv(vm, c->code);
    sp_gc_markv(vm, c->inputs);
}

sp_Type sp_t_hostcode_ = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "sandpy_code",
    .base = &sp_t_object,
    .traverse = hostcode_traverse,
};

sandpy_code *sp_api_add_code(sandpy *sp, sp_Value code, sp_Value inputs) {
    sp_Value codes = lazy_slot(sp, H_CODES, true);
    sandpy_code *c = sp_iserr(codes) ? NULL : sp_newobj(sp->vm, &sp_t_hostcode_, sizeof *c);
    if (!c) return sp_api_capture(sp, SANDPY_ERROR), NULL;
    c->code = code, c->inputs = inputs, c->slot = SP_LIST(codes)->n;
    if (!sp_list_append(sp->vm, SP_LIST(codes), sp_objv(c))) return sp_api_capture(sp, SANDPY_ERROR), NULL;
    return c;
}

void sandpy_code_free(sandpy *sp, sandpy_code *c) {
    if (!c) return; /* a live handle: H_CODES is a list */
    sp_List *codes = SP_LIST(sp_api_slot(sp, H_CODES));
    if (c->slot >= codes->n || SP_O(codes->items[c->slot]) != &c->h) return;
    sandpy_code *last = (sandpy_code *)SP_O(codes->items[codes->n - 1]);
    codes->items[c->slot] = sp_objv(last);
    last->slot = c->slot;
    codes->n--;
}

/* The names as a tuple of str (checked UTF-8). */
static sp_Value name_tuple(sandpy *sp, const char *const *names, size_t n) {
    sp_Value t = sp_tuple_new(sp->vm, n);
    for (size_t i = 0; i < n && !sp_iserr(t); i++) {
        size_t len = strlen(names[i]);
        sp_Value s = sp_utf8_check(names[i], len) < 0
                         ? sp_raise(sp->vm, &sp_t_ValueError, "input name is not valid UTF-8")
                         : sp_str_intern(sp->vm, names[i], len);
        if (sp_iserr(s)) return s;
        SP_TUPLE(t)->items[i] = s;
    }
    return t;
}

/* ================================================================ runs */


/* The clock that times runs.  With a duration limit it is the precise
 * monotonic clock, which the deadline is checked against.  Without one
 * the time only feeds the running seconds a snapshot carries, and the
 * coarse clock (the last tick: a few ms; the same base) reads in ~5 ns
 * instead of ~27: two precise reads were ~5% of a fresh snippet's wall
 * time, though callgrind counts them as a few instructions. */
static double run_clock(const sandpy *sp) {
#ifdef CLOCK_MONOTONIC_COARSE
    struct timespec ts;
    if (!(sp->cfg.max_duration > 0) && clock_gettime(CLOCK_MONOTONIC_COARSE, &ts) == 0)
        return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
#endif
    (void)sp;
    return sp_now();
}

/* Time and instruction budgets: what is left of this run's. */
static void arm(sandpy *sp) {
    sp_VM *vm = sp->vm;
    char here;
    vm->cstack_base = &here; /* the API entry is shallow: close enough */
    vm->cdepth = 0;
    vm->limit_hit = false;
    /* relaxed: the flag carries no data, and a seq_cst store is an xchg
     * (a full barrier: ~4% of a fresh "pass" in wall time) */
    atomic_store_explicit(&vm->interrupt, 0, memory_order_relaxed);
    /* A run that ended at the memory limit leaves its garbage: reclaim it
     * (a safe point: everything live is rooted) so the next run has room. */
    if (vm->mem_limit && vm->mem_used > vm->mem_limit / 2) sp_gc_collect(vm);
    sp->t_start = run_clock(sp);
    sp->instr_start = vm->instr_count;
    double left = sp->cfg.max_duration - sp->elapsed;
    vm->deadline = sp->cfg.max_duration > 0 ? sp->t_start + (left > 0 ? left : 0) : 0;
    uint64_t ileft = sp->cfg.max_instructions > sp->instr_used ? sp->cfg.max_instructions - sp->instr_used : 1;
    vm->instr_limit = sp->cfg.max_instructions ? vm->instr_count + ileft : 0;
    sp->busy = 1;
}

/* Refuse to run code from inside a callback. */
static bool can_run(sandpy *sp) {
    if (!sp->busy) return true;
    sp_api_invalid(sp, &sp_t_RuntimeError, "sandpy: cannot run code from inside a host callback");
    return false;
}

/* A new run (compiling included): fresh budgets. */
static bool begin(sandpy *sp) {
    if (!can_run(sp)) return false;
    sp->elapsed = 0, sp->instr_used = 0;
    sp->vm->nallocs = 0;
    arm(sp);
    return true;
}

void sp_api_fill_call(sandpy *sp, uint64_t id) {
    sp_Value p = sp->vm->exec ? ((sp_Exec *)sp->vm->exec)->pending : SP_NULLV;
    sp_Value what = SP_TUPLE(p)->items[0];
    bool fn = sp_istype(what, &sp_t_extfn);
    sp->call.id = id;
    sp->call.kind = fn ? SANDPY_CALL_FUNCTION : SANDPY_CALL_NAME;
    sp->call.name = fn ? SP_AS(sp_ExtFn, what)->name->data : SP_STR(what)->data;
    sp->call.args = sp_api_push(sp, SP_TUPLE(p)->items[1]);
    sp->call.kwargs = sp_api_push(sp, SP_TUPLE(p)->items[2]);
    sp->has_call = 1;
}

static sandpy_status finish(sandpy *sp, int st, sp_Value out) {
    sp_VM *vm = sp->vm;
    /* Only a paused run has a use for its time (its resumption's budget,
     * a snapshot): the next run begins at 0 (begin). */
    if (st == SP_RUN_PAUSE) sp->elapsed += run_clock(sp) - sp->t_start;
    sp->instr_used += vm->instr_count - sp->instr_start;
    sp->busy = 0;
    sandpy_status r = SANDPY_OK;
    if (st == SP_RUN_RETURN) sp_api_setslot(sp, H_RESULT, out);
    else if (st == SP_RUN_PAUSE) sp_api_fill_call(sp, ++sp->next_id), r = SANDPY_PAUSED;
    else r = sp_api_capture(sp, SANDPY_ERROR);
    vm->cstack_base = NULL;
    return r;
}

/* Start code in globals (after begin): the previous (maybe paused) run is
 * dropped and every outstanding value handle expires. */
static sandpy_status run_in(sandpy *sp, sp_Value code, sp_Value globals) {
    sp_VM *vm = sp->vm;
    sp_vm_abandon(vm);
    sp->has_call = 0;
    sp_api_setslot(sp, H_GLOBALS, globals);
    sp_api_setslot(sp, H_INPUTS, SP_NONEV);
    sp_api_setslot(sp, H_RESULT, SP_NONEV);
    sandpy_values_reset(sp);
    sp_Value out = SP_NONEV;
    int st = sp_vm_start(vm, SP_AS(sp_Code, code), SP_DICT(globals), &out);
    return finish(sp, st, out);
}

/* Fresh module globals: __name__, the external functions, the inputs
 * (exactly the declared ones). */
static bool fresh_globals(sandpy *sp, sp_Value declared, sp_Value *out) {
    sp_VM *vm = sp->vm;
    sp_Value g = sp_dict_new_globals(vm), in = sp_api_slot(sp, H_INPUTS), exts = sp_api_slot(sp, H_EXTS);
    if (sp_iserr(g)) return false;
    *out = g;
    if (sp_isdict(exts) && !sp_dict_update(vm, SP_DICT(g), exts)) return false; /* __name__ is set */
    size_t given = sp_isdict(in) ? sp_dict_len(SP_DICT(in)) : 0;
    for (size_t i = 0; i < SP_TUPLE(declared)->n; i++) {
        sp_Str *name = SP_STR(SP_TUPLE(declared)->items[i]);
        sp_Value x = given ? sp_dict_gets(SP_DICT(in), name) : SP_NULLV;
        if (sp_isnull(x)) return !sp_iserr(sp_raise(vm, &sp_t_ValueError, "missing input '%U'", name));
        if (!sp_dict_sets(vm, SP_DICT(g), name, x)) return false;
    }
    if (given != SP_TUPLE(declared)->n) {
        sp_raise(vm, &sp_t_ValueError, "inputs given that the code does not declare");
        return false;
    }
    return true;
}

sandpy_code *sandpy_compile(sandpy *sp, const char *src, size_t len, const char *filename,
                            const char *const *input_names, size_t ninputs) {
    sp_VM *vm = sp->vm;
    if (!begin(sp)) return NULL;
    sp_Value names = name_tuple(sp, input_names, ninputs), code = SP_ERRV;
    if (!sp_iserr(names) && sp_pin(vm, names)) {
        code = sp_compile(vm, src, len, filename ? filename : "<string>");
        sp_unpin(vm, 1);
    }
    sp->busy = 0;
    vm->cstack_base = NULL;
    if (sp_iserr(code)) return sp_api_capture(sp, SANDPY_ERROR), NULL;
    return sp_api_add_code(sp, code, names);
}

sandpy_status sandpy_start(sandpy *sp, const sandpy_code *code) {
    sp_Value g;
    if (!code) return sp_api_invalid(sp, &sp_t_ValueError, "no code");
    if (!begin(sp)) return SANDPY_INVALID;
    if (!fresh_globals(sp, code->inputs, &g)) {
        sp_api_setslot(sp, H_INPUTS, SP_NONEV);
        sp->busy = 0;
        return sp_api_capture(sp, SANDPY_INVALID);
    }
    return run_in(sp, code->code, g);
}

/* ------------------------------------------------------------ inputs */

sandpy_status sandpy_input(sandpy *sp, const char *name, sandpy_value h) {
    sp_VM *vm = sp->vm;
    sp_Value v, d = sp_api_slot(sp, H_INPUTS);
    if (!sp_api_get(sp, h, &v)) return SANDPY_INVALID;
    if (!sp_isdict(d)) {
        if (sp_iserr(d = sp_dict_new(vm))) return sp_api_capture(sp, SANDPY_ERROR);
        sp_api_setslot(sp, H_INPUTS, d);
    }
    size_t n = strlen(name);
    if (sp_utf8_check(name, n) < 0) return sp_api_invalid(sp, &sp_t_ValueError, "input name is not valid UTF-8");
    sp_Value k = sp_str_intern(vm, name, n);
    if (sp_iserr(k) || !sp_dict_sets(vm, SP_DICT(d), SP_STR(k), v)) return sp_api_capture(sp, SANDPY_ERROR);
    return SANDPY_OK;
}

sandpy_status sandpy_input_json(sandpy *sp, const char *name, const char *json, size_t len) {
    sandpy_value v = sandpy_from_json(sp, json, len);
    return v ? sandpy_input(sp, name, v) : SANDPY_ERROR;
}

sandpy_status sandpy_set_input_json(sandpy *sp, const char *name, const char *json, size_t len) {
    return sandpy_input_json(sp, name, json, len);
}

/* ------------------------------------------------------------ results */

sandpy_value sandpy_result(sandpy *sp) { return sp_api_push(sp, sp_api_slot(sp, H_RESULT)); }

const char *sandpy_result_json(sandpy *sp, size_t *len) {
    sandpy_value r = sandpy_result(sp);
    return r ? sandpy_to_json(sp, r, len) : NULL;
}

const char *sandpy_result_repr(sandpy *sp, size_t *len) {
    sandpy_value r = sandpy_result(sp);
    return r ? sandpy_repr(sp, r, len) : NULL;
}

const char *sandpy_run_json(sandpy *sp, const char *src, size_t len, const char *const *names,
                            const char *const *json, size_t ninputs, size_t *outlen) {
    sandpy_code *c = sandpy_compile(sp, src, len, "<string>", names, ninputs);
    sandpy_status st = c ? SANDPY_OK : SANDPY_ERROR;
    for (size_t i = 0; i < ninputs && st == SANDPY_OK; i++)
        st = sandpy_input_json(sp, names[i], json[i], strlen(json[i]));
    if (st == SANDPY_OK) st = sandpy_start(sp, c);
    sandpy_code_free(sp, c);
    if (st == SANDPY_PAUSED) {
        sp_vm_abandon(sp->vm);
        sp->has_call = 0;
        sp_api_invalid(sp, &sp_t_RuntimeError, "sandpy_run_json: the code called a pausing function");
    }
    return st == SANDPY_OK ? sandpy_result_json(sp, outlen) : NULL;
}

/* ================================================================ REPL */

sandpy_status sandpy_exec(sandpy *sp, const char *src, size_t len, const char *filename) {
    sp_VM *vm = sp->vm;
    if (!begin(sp)) return SANDPY_INVALID;
    sp_Value in = sp_api_slot(sp, H_INPUTS), code = SP_ERRV;
    if (!sp_isdict(in) || sp_dict_update(vm, vm->globals, in))
        code = sp_compile(vm, src, len, filename ? filename : "<string>");
    sp_api_setslot(sp, H_INPUTS, SP_NONEV);
    if (sp_iserr(code)) return finish(sp, SP_RUN_ERROR, code);
    sp_api_setslot(sp, H_RESULT, code); /* rooted until run_in holds it in its frame */
    return run_in(sp, code, sp_objv(vm->globals));
}

sandpy_status sandpy_feed(sandpy *sp, const char *src, size_t len) {
    return sandpy_exec(sp, src, len, "<stdin>");
}

/* ================================================================ external functions */

static sp_Ext *ext_of(sandpy *sp, sp_ExtFn *e) {
    if (e->idx < sp->next && sp->ext[e->idx].namelen == e->name->len &&
        !memcmp(sp->ext[e->idx].name, e->name->data, e->name->len))
        return &sp->ext[e->idx];
    for (uint32_t i = 0; i < sp->next; i++)
        if (sp->ext[i].namelen == e->name->len && !memcmp(sp->ext[i].name, e->name->data, e->name->len))
            return e->idx = i, &sp->ext[i];
    return NULL;
}

/* Host callback arguments as handles: positional into hs[], keywords as a
 * dict handle. */
static bool callback_args(sandpy *sp, sp_Value *args, int npos, sp_Tuple *kw, sandpy_value *hs,
                          sandpy_value *kwh) {
    for (int i = 0; i < npos; i++)
        if (!(hs[i] = sp_api_push(sp, args[i]))) return false;
    sp_Value d = sp_dict_new(sp->vm);
    for (size_t i = 0; kw && i < kw->n && !sp_iserr(d); i++)
        if (!sp_dict_set(sp->vm, SP_DICT(d), kw->items[i], args[npos + i])) d = SP_ERRV;
    return (*kwh = sp_api_push(sp, d)) != 0;
}

static sp_Value callback(sandpy *sp, sp_ExtFn *e, sp_Ext *x, sp_Value *args, int nargs, sp_Tuple *kw) {
    sp_VM *vm = sp->vm;
    int npos = nargs; /* keyword values follow the positional ones */
    size_t mark = sp_api_mark(sp), bytes = (size_t)npos * sizeof(sandpy_value);
    sandpy_value *hs = npos ? sp_malloc(vm, bytes) : NULL, kwh = 0, r = 0;
    sp_Value out = SP_ERRV;
    if ((hs || !npos) && callback_args(sp, args, npos, kw, hs, &kwh)) {
        r = x->fn(sp, x->ud, hs, (size_t)npos, kwh);
        if (!sp_isnull(vm->exc)) out = SP_ERRV;
        else if (r && sp_api_get(sp, r, &out)) /* the host's value */;
        else if (!r) sp_raise(vm, &sp_t_RuntimeError, "external function '%U' returned no value", e->name);
    }
    if (sp_isnull(vm->exc) && sp_iserr(out)) sp_raise(vm, &sp_t_RuntimeError, "external function '%U' failed", e->name);
    if (hs) sp_free(vm, hs, bytes);
    sp_api_truncate(sp, mark, false);
    return out;
}

/* Calls that do not come straight from a pausable run's loop. */
static sp_Value extfn_call(sp_VM *vm, sp_Value self, sp_Value *args, int nargs, sp_Tuple *kw) {
    sandpy *sp = vm->userdata;
    sp_ExtFn *e = SP_AS(sp_ExtFn, self);
    sp_Ext *x = ext_of(sp, e);
    if (!x) return sp_raise(vm, &sp_t_RuntimeError, "external function '%U' is not registered", e->name);
    if (!x->fn)
        return sp_raise(vm, &sp_t_RuntimeError,
                        "external function '%U' cannot pause here: it was called from inside a "
                        "builtin (a key function, map(), a generator consumed by list()...)", e->name);
    return callback(sp, e, x, args, nargs, kw);
}

static void extfn_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_marko(vm, &((sp_ExtFn *)o)->name->h); }

static sp_Value extfn_repr(sp_VM *vm, sp_Value self) {
    return sp_fmt(vm, "<built-in function %U>", SP_AS(sp_ExtFn, self)->name);
}

sp_Type sp_t_extfn = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "builtin_function_or_method",
    .base = &sp_t_object,
    .traverse = extfn_traverse,
    .call = extfn_call,
    .repr = extfn_repr,
};

static sp_Ext *ext_slot(sandpy *sp, const char *name, size_t n) {
    for (uint32_t i = 0; i < sp->next; i++)
        if (sp->ext[i].namelen == n && !memcmp(sp->ext[i].name, name, n)) return &sp->ext[i];
    if (sp->next == sp->extcap) {
        uint32_t cap = sp->extcap ? sp->extcap * 2 : 8;
        sp_Ext *p = sp_realloc(sp->vm, sp->ext, sp->extcap * sizeof *p, cap * sizeof *p);
        if (!p) return NULL;
        sp->ext = p, sp->extcap = cap;
    }
    sp_Ext *x = &sp->ext[sp->next];
    if (!(x->name = sp_malloc(sp->vm, n + 1))) return NULL;
    memcpy(x->name, name, n + 1);
    x->namelen = n;
    sp->next++;
    return x;
}

static sandpy_status reg(sandpy *sp, const char *name, sandpy_fn fn, void *ud) {
    sp_VM *vm = sp->vm;
    size_t n = strlen(name);
    if (!n || sp_utf8_check(name, n) < 0) return sp_api_invalid(sp, &sp_t_ValueError, "bad function name");
    sp_Value k = sp_str_intern(vm, name, n), exts = lazy_slot(sp, H_EXTS, false);
    sp_Ext *x = sp_iserr(k) || sp_iserr(exts) ? NULL : ext_slot(sp, name, n);
    sp_ExtFn *e = x ? sp_newobj(vm, &sp_t_extfn, sizeof *e) : NULL;
    if (!e) return sp_api_capture(sp, SANDPY_ERROR);
    x->fn = fn, x->ud = ud;
    e->name = SP_STR(k), e->pausing = fn == NULL, e->idx = (uint32_t)(x - sp->ext);
    if (!sp_dict_sets(vm, SP_DICT(exts), SP_STR(k), sp_objv(e)) ||
        !sp_dict_sets(vm, vm->globals, SP_STR(k), sp_objv(e)))
        return sp_api_capture(sp, SANDPY_ERROR);
    return SANDPY_OK;
}

sandpy_status sandpy_register(sandpy *sp, const char *name, sandpy_fn fn, void *ud) {
    if (!fn) return sp_api_invalid(sp, &sp_t_ValueError, "no function");
    return reg(sp, name, fn, ud);
}

sandpy_status sandpy_register_pausing(sandpy *sp, const char *name) { return reg(sp, name, NULL, NULL); }

sandpy_value sandpy_raise(sandpy *sp, const char *exc_type, const char *message) {
    sp_Value e = host_exc(sp, exc_type, message);
    if (!sp_iserr(e)) sp_raisev(sp->vm, e);
    if (!sp->busy) sp_api_capture(sp, SANDPY_ERROR); /* nobody to raise into: just report */
    return 0;
}

void sandpy_pause_on_unknown_names(sandpy *sp, int on) {
    sp_Exec *x = sp_exec(sp->vm);
    if (x) x->pause_names = on != 0;
    else sp_api_capture(sp, SANDPY_ERROR);
}

/* ================================================================ pausing */

const sandpy_call *sandpy_pending(sandpy *sp) { return sp->has_call ? &sp->call : NULL; }

static bool check_call(sandpy *sp, uint64_t id) {
    if (!can_run(sp)) return false;
    if (sp->has_call && sp->call.id == id) return true;
    char msg[96];
    snprintf(msg, sizeof msg, "no pending call with id %llu (already answered?)", (unsigned long long)id);
    sp_api_invalid(sp, &sp_t_ValueError, msg);
    return false;
}

static sandpy_status resume(sandpy *sp, sp_Value v, bool raise) {
    sp_VM *vm = sp->vm;
    if (!raise && sp->call.kind == SANDPY_CALL_NAME) { /* a lazily supplied global stays bound */
        sp_Value n = sp_str_intern_cstr(vm, sp->call.name);
        if (sp_iserr(n) || !sp_dict_sets(vm, vm->frame->globals, SP_STR(n), v))
            return sp_api_capture(sp, SANDPY_INVALID);
    }
    sp->has_call = 0;
    sp_api_setslot(sp, H_RESULT, v); /* rooted until the frame holds it */
    sandpy_values_reset(sp);
    arm(sp);
    sp_Value out = SP_NONEV;
    int st = sp_vm_resume(vm, v, raise, &out);
    return finish(sp, st, out);
}

sandpy_status sandpy_resume(sandpy *sp, uint64_t id, sandpy_value result) {
    sp_Value v;
    if (!check_call(sp, id) || !sp_api_get(sp, result, &v)) return SANDPY_INVALID;
    return resume(sp, v, false);
}

sandpy_status sandpy_resume_json(sandpy *sp, uint64_t id, const char *json, size_t len) {
    if (!check_call(sp, id)) return SANDPY_INVALID;
    sandpy_value v = sandpy_from_json(sp, json, len);
    return v ? sandpy_resume(sp, id, v) : SANDPY_INVALID;
}

sandpy_status sandpy_resume_error(sandpy *sp, uint64_t id, const char *exc_type, const char *message) {
    if (!check_call(sp, id)) return SANDPY_INVALID;
    sp_Value e;
    if (!exc_type && sp->call.kind == SANDPY_CALL_NAME)
        e = sp_raise(sp->vm, &sp_t_NameError, "name '%s' is not defined", sp->call.name), e = sp_err_fetch(sp->vm);
    else
        e = host_exc(sp, exc_type ? exc_type : "RuntimeError",
                     message ? message : (exc_type ? NULL : "external call failed"));
    if (sp_iserr(e)) return sp_api_capture(sp, SANDPY_INVALID);
    return resume(sp, e, true);
}

/* ------------------------------------------------------------ futures */

/* Python code can only hold a future until asyncio support can await it. */

static void future_traverse(sp_VM *vm, sp_Obj *o) { sp_gc_markv(vm, ((sp_Future *)o)->value); }

static sp_Value future_repr(sp_VM *vm, sp_Value self) {
    sp_Future *f = SP_AS(sp_Future, self);
    static const char *const st[] = {"pending", "finished", "failed"};
    return sp_fmt(vm, "<ExternalFuture id=%llu %s>", (unsigned long long)f->id, st[f->state]);
}

sp_Type sp_t_future_ = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "ExternalFuture",
    .base = &sp_t_object,
    .traverse = future_traverse,
    .repr = future_repr,
};

sandpy_status sandpy_resume_future(sandpy *sp, uint64_t id) {
    if (!check_call(sp, id)) return SANDPY_INVALID;
    sp_Value futs = lazy_slot(sp, H_FUTURES, false);
    sp_Future *f = sp_iserr(futs) ? NULL : sp_newobj(sp->vm, &sp_t_future_, sizeof *f);
    if (!f) return sp_api_capture(sp, SANDPY_INVALID);
    f->id = id, f->value = SP_NONEV;
    if (!sp_dict_set(sp->vm, SP_DICT(futs), sp_int((int64_t)id), sp_objv(f)))
        return sp_api_capture(sp, SANDPY_INVALID);
    return resume(sp, sp_objv(f), false);
}

static sandpy_status settle(sandpy *sp, uint64_t id, sp_Value v, int state) {
    sp_Value futs = sp_api_slot(sp, H_FUTURES), f;
    sp_Dict *d = sp_isdict(futs) ? SP_DICT(futs) : NULL;
    if (!d || sp_dict_get(sp->vm, d, sp_int((int64_t)id), &f) <= 0 || sp_dict_del(sp->vm, d, sp_int((int64_t)id)) <= 0)
        return sp_api_invalid(sp, &sp_t_ValueError, "no unsettled future with this id");
    SP_AS(sp_Future, f)->state = state;
    SP_AS(sp_Future, f)->value = v;
    return SANDPY_OK;
}

sandpy_status sandpy_settle(sandpy *sp, uint64_t id, sandpy_value result) {
    sp_Value v;
    return sp_api_get(sp, result, &v) ? settle(sp, id, v, 1) : SANDPY_INVALID;
}

sandpy_status sandpy_settle_error(sandpy *sp, uint64_t id, const char *exc_type, const char *message) {
    sp_Value e = host_exc(sp, exc_type, message);
    return sp_iserr(e) ? sp_api_capture(sp, SANDPY_INVALID) : settle(sp, id, e, 2);
}
