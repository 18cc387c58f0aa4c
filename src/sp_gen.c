/* sp_gen.c - generator objects: the C-facing protocol (next, send, throw,
 * close) over sp_gen_run.  Inside the interpreter loop FOR_ITER and
 * SEND_FROM resume generators directly, without coming through here.
 *
 * A generator object carries its frame in the same allocation, right
 * after the header, so a suspended generator is one GC object. */
#include "sp_code.h"

static size_t gen_hdr(void) {
    return (sizeof(sp_Gen) + sizeof(sp_Value) - 1) / sizeof(sp_Value) * sizeof(sp_Value);
}

static void gen_traverse(sp_VM *vm, sp_Obj *o) {
    sp_Gen *g = (sp_Gen *)o;
    sp_gc_marko(vm, (sp_Obj *)g->name);
    sp_gc_marko(vm, (sp_Obj *)g->qualname);
    sp_gc_markv(vm, g->exc_state);
    sp_gc_markv(vm, g->retval);
    if (g->state != SP_GEN_DONE) sp_frame_mark(vm, g->frame);
}

sp_Value sp_gen_new(sp_VM *vm, sp_Func *fn, sp_Value *args, int nargs, sp_Tuple *kw) {
    size_t bytes;
    if (!sp_size_mul(vm, (size_t)fn->code->framesize, sizeof(sp_Value), &bytes)) return SP_ERRV;
    sp_Gen *g = sp_newobj(vm, &sp_t_generator, gen_hdr() + bytes);
    if (!g) return SP_ERRV;
    g->name = fn->name;
    g->qualname = fn->qualname;
    g->exc_state = SP_NULLV;
    g->retval = SP_NONEV;
    g->state = SP_GEN_DONE; /* until the frame is complete */
    g->frame = (sp_Frame *)((char *)g + gen_hdr());
    if (!sp_frame_init(vm, g->frame, fn, args, nargs, kw)) return SP_ERRV;
    g->frame->gen = g;
    g->frame->prev = NULL;
    g->state = SP_GEN_CREATED;
    return sp_objv(g);
}

sp_Gen *sp_gen_alloc(sp_VM *vm, sp_Code *c) {
    size_t bytes, slots = c ? (size_t)c->framesize : SP_FRAME_HDR_SLOTS;
    if (!sp_size_mul(vm, slots, sizeof(sp_Value), &bytes)) return NULL;
    sp_Gen *g = sp_newobj(vm, &sp_t_generator, gen_hdr() + bytes);
    if (!g) return NULL;
    g->exc_state = SP_NULLV;
    g->retval = SP_NONEV;
    g->state = SP_GEN_DONE;
    g->frame = (sp_Frame *)((char *)g + gen_hdr());
    g->frame->gen = g;
    return g;
}

sp_Value sp_stopiter_value(sp_Value exc) {
    if (!sp_isobj(exc) || !sp_isexc_type(sp_typeof(exc))) return SP_NONEV;
    sp_Value a = SP_AS(sp_Exc, exc)->args;
    return sp_istuple(a) && SP_TUPLE(a)->n ? SP_TUPLE(a)->items[0] : SP_NONEV;
}

/* PEP 479: a StopIteration escaping a generator frame becomes a
 * RuntimeError whose cause is that StopIteration. */
void sp_gen_fix_stopiteration(sp_VM *vm) {
    if (!sp_err_matches(vm, &sp_t_StopIteration)) return;
    sp_Value si = vm->exc;
    if (!sp_pin(vm, si)) return;
    sp_raise(vm, &sp_t_RuntimeError, "generator raised StopIteration");
    sp_unpin(vm, 1);
    if (!sp_isinst(vm->exc, &sp_t_RuntimeError)) return; /* MemoryError */
    sp_Exc *e = SP_AS(sp_Exc, vm->exc);
    e->cause = si;
    e->context = si;
    e->suppress_context = true;
}

static sp_Value raise_stopiteration(sp_VM *vm, sp_Value v) {
    if (sp_isnone(v)) return sp_raise_args(vm, &sp_t_StopIteration, sp_objv(&sp_empty_tuple));
    sp_Value t = sp_tuple_pack(vm, 1, &v);
    return sp_iserr(t) ? t : sp_raise_args(vm, &sp_t_StopIteration, t);
}

static bool delegating(sp_Gen *g) {
    return g->state == SP_GEN_SUSPENDED && SP_OPCODE(g->frame->ip[-1]) == SP_SEND_FROM;
}

static int resume(sp_VM *vm, sp_Gen *g, sp_Value in, int mode, sp_Value *out) {
    if (!SP_ENTER(vm)) return SP_RUN_ERROR;
    int st = sp_gen_run(vm, g, in, mode, out);
    SP_LEAVE(vm);
    return st;
}

static int send_ex(sp_VM *vm, sp_Gen *g, sp_Value in, int mode, sp_Value *out);
static bool gen_close(sp_VM *vm, sp_Gen *g);

/* close() of whatever a yield-from is delegating to. */
static bool close_iter(sp_VM *vm, sp_Value it) {
    if (sp_istype(it, &sp_t_generator)) return gen_close(vm, SP_AS(sp_Gen, it));
    sp_Value n = sp_str_intern_cstr(vm, "close");
    sp_Value m = sp_iserr(n) ? n : sp_getattr_opt(vm, it, SP_STR(n));
    if (sp_iserr(m)) return false;
    return sp_isnull(m) || !sp_iserr(sp_call0(vm, m));
}

/* throw() into a generator suspended in SEND_FROM goes to the
 * subiterator first, as CPython's gen_throw does.  THROW_IN: the
 * subiterator had nothing to say, throw the original into g. */
enum { THROW_IN = 100 };

static int throw_delegate(sp_VM *vm, sp_Gen *g, sp_Value exc, sp_Value *out) {
    sp_Value recv = g->frame->sp[-1], r = SP_NONEV;
    int st;
    g->state = SP_GEN_RUNNING; /* the delegator counts as running meanwhile */
    if (sp_isinst(exc, &sp_t_GeneratorExit)) {
        st = close_iter(vm, recv) ? THROW_IN : SP_RUN_ERROR;
    } else if (sp_istype(recv, &sp_t_generator)) {
        st = send_ex(vm, SP_AS(sp_Gen, recv), exc, SP_RESUME_THROW, &r);
    } else {
        sp_Value n = sp_str_intern_cstr(vm, "throw");
        sp_Value m = sp_iserr(n) ? n : sp_getattr_opt(vm, recv, SP_STR(n));
        if (sp_isnull(m)) st = THROW_IN;
        else if (sp_iserr(m) || sp_iserr(r = sp_call1(vm, m, exc))) st = SP_RUN_ERROR;
        else st = SP_RUN_YIELD;
        if (st == SP_RUN_ERROR && sp_err_matches(vm, &sp_t_StopIteration)) {
            r = sp_stopiter_value(sp_err_fetch(vm));
            st = SP_RUN_RETURN;
        }
    }
    g->state = SP_GEN_SUSPENDED;
    if (st == SP_RUN_YIELD) return *out = r, SP_RUN_YIELD;
    if (st == SP_RUN_RETURN) return resume(vm, g, r, SP_RESUME_SENDRET, out);
    if (st == SP_RUN_ERROR) exc = sp_err_fetch(vm); /* the subiterator's error goes in instead */
    return resume(vm, g, exc, SP_RESUME_THROW, out);
}

static int send_ex(sp_VM *vm, sp_Gen *g, sp_Value in, int mode, sp_Value *out) {
    if (g->state == SP_GEN_RUNNING) {
        sp_raise(vm, &sp_t_ValueError, "generator already executing");
        return SP_RUN_ERROR;
    }
    if (g->state == SP_GEN_DONE) {
        if (mode == SP_RESUME_THROW) return sp_raisev(vm, in), SP_RUN_ERROR;
        return *out = SP_NONEV, SP_RUN_RETURN;
    }
    if (g->state == SP_GEN_CREATED && mode == SP_RESUME_SEND && !sp_isnone(in)) {
        sp_raise(vm, &sp_t_TypeError, "can't send non-None value to a just-started generator");
        return SP_RUN_ERROR;
    }
    if (mode == SP_RESUME_THROW && delegating(g)) {
        if (!sp_pin(vm, in)) return SP_RUN_ERROR;
        int st = throw_delegate(vm, g, in, out);
        sp_unpin(vm, 1);
        return st;
    }
    return resume(vm, g, in, mode, out);
}

static bool gen_close(sp_VM *vm, sp_Gen *g) {
    if (g->state == SP_GEN_CREATED || g->state == SP_GEN_DONE) {
        g->state = SP_GEN_DONE;
        return true;
    }
    sp_Value ge = sp_exc_new(vm, &sp_t_GeneratorExit, sp_objv(&sp_empty_tuple)), r;
    if (sp_iserr(ge) || !sp_pin(vm, ge)) return false;
    int st = send_ex(vm, g, ge, SP_RESUME_THROW, &r);
    sp_unpin(vm, 1);
    if (st == SP_RUN_YIELD) {
        sp_raise(vm, &sp_t_RuntimeError, "generator ignored GeneratorExit");
        return false;
    }
    if (st == SP_RUN_RETURN) return true;
    if (sp_err_matches(vm, &sp_t_GeneratorExit) || sp_err_matches(vm, &sp_t_StopIteration)) {
        sp_err_clear(vm);
        return true;
    }
    return false;
}

/* ------------------------------------------------------------ Python API */

#define GEN(v) SP_AS(sp_Gen, v)

static sp_Value gen_iter(sp_VM *vm, sp_Value self) {
    (void)vm;
    return self;
}

/* The slot protocol says SP_NULLV at the end; the return value waits in
 * retval for builtin next(), which raises StopIteration(value). */
static sp_Value gen_next(sp_VM *vm, sp_Value self) {
    sp_Value out;
    int st = send_ex(vm, GEN(self), SP_NONEV, SP_RESUME_SEND, &out);
    if (st != SP_RUN_RETURN) return st == SP_RUN_YIELD ? out : SP_ERRV;
    GEN(self)->retval = out;
    return SP_NULLV;
}

sp_Value sp_gen_return_value(sp_Value it) {
    if (!sp_istype(it, &sp_t_generator)) return SP_NONEV;
    sp_Value v = GEN(it)->retval;
    GEN(it)->retval = SP_NONEV; /* reported once, as CPython */
    return v;
}

/* Result of send()/throw() called from Python. */
static sp_Value as_call_result(sp_VM *vm, int st, sp_Value out) {
    if (st == SP_RUN_YIELD) return out;
    if (st == SP_RUN_RETURN) return raise_stopiteration(vm, out);
    return SP_ERRV;
}

static sp_Value gen_send_m(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "send", kw) || !sp_check_nargs(vm, "send", nargs - 1, 1, 1)) return SP_ERRV;
    sp_Value out;
    return as_call_result(vm, send_ex(vm, GEN(args[0]), args[1], SP_RESUME_SEND, &out), out);
}

static sp_Value gen_next_m(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__next__", kw) || !sp_check_nargs(vm, "__next__", nargs - 1, 0, 0))
        return SP_ERRV;
    sp_Value out;
    return as_call_result(vm, send_ex(vm, GEN(args[0]), SP_NONEV, SP_RESUME_SEND, &out), out);
}

static sp_Value gen_iter_m(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "__iter__", kw) || !sp_check_nargs(vm, "__iter__", nargs - 1, 0, 0))
        return SP_ERRV;
    return args[0];
}

static bool is_exc_class(sp_Value t) {
    return sp_isinst(t, &sp_t_type) && sp_isexc_type((sp_Type *)SP_O(t));
}

/* throw(type[, value[, tb]]) or throw(instance) -> the instance. */
static sp_Value throw_exc(sp_VM *vm, sp_Value typ, sp_Value val) {
    if (is_exc_class(typ)) {
        if (sp_isinst(val, (sp_Type *)SP_O(typ))) return val;
        if (sp_isnone(val)) return sp_call0(vm, typ);
        if (sp_istuple(val)) return sp_call(vm, typ, SP_TUPLE(val)->items, (int)SP_TUPLE(val)->n, NULL);
        return sp_call1(vm, typ, val);
    }
    if (sp_isobj(typ) && sp_isexc_type(sp_typeof(typ))) {
        if (!sp_isnone(val))
            return sp_raise(vm, &sp_t_TypeError, "instance exception may not have a separate value");
        return typ;
    }
    return sp_raise(vm, &sp_t_TypeError,
                    "exceptions must be classes or instances deriving from BaseException, not %s",
                    sp_typename(typ));
}

static sp_Value gen_throw_m(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "throw", kw) || !sp_check_nargs(vm, "throw", nargs - 1, 1, 3)) return SP_ERRV;
    if (nargs > 3 && !sp_isnone(args[3]))
        return sp_raise(vm, &sp_t_TypeError, "throw() third argument must be a traceback object");
    sp_Value exc = throw_exc(vm, args[1], nargs > 2 ? args[2] : SP_NONEV), out;
    if (sp_iserr(exc) || !sp_pin(vm, exc)) return SP_ERRV;
    int st = send_ex(vm, GEN(args[0]), exc, SP_RESUME_THROW, &out);
    sp_unpin(vm, 1);
    return as_call_result(vm, st, out);
}

static sp_Value gen_close_m(sp_VM *vm, sp_Value *args, int nargs, sp_Tuple *kw) {
    if (!sp_no_kwargs(vm, "close", kw) || !sp_check_nargs(vm, "close", nargs - 1, 0, 0)) return SP_ERRV;
    return gen_close(vm, GEN(args[0])) ? SP_NONEV : SP_ERRV;
}

static sp_Value gen_repr(sp_VM *vm, sp_Value self) {
    return sp_fmt(vm, "<generator object %U at 0x%llx>", GEN(self)->qualname,
                  (unsigned long long)sp_obj_id(vm, SP_O(self)));
}

static sp_Value gen_name(sp_VM *vm, sp_Value self) { (void)vm; return sp_objv(GEN(self)->name); }
static sp_Value gen_qualname(sp_VM *vm, sp_Value self) { (void)vm; return sp_objv(GEN(self)->qualname); }
static sp_Value gen_running(sp_VM *vm, sp_Value self) {
    (void)vm;
    return sp_bool(GEN(self)->state == SP_GEN_RUNNING);
}
static sp_Value gen_suspended(sp_VM *vm, sp_Value self) {
    (void)vm;
    return sp_bool(GEN(self)->state == SP_GEN_SUSPENDED);
}

static bool set_name(sp_VM *vm, sp_Str **slot, sp_Value v, const char *what) {
    if (!sp_isstr(v)) {
        sp_raise(vm, &sp_t_TypeError, "%s must be set to a string object", what);
        return false;
    }
    *slot = SP_STR(v);
    return true;
}
static bool gen_set_name(sp_VM *vm, sp_Value self, sp_Value v) {
    return set_name(vm, &GEN(self)->name, v, "__name__");
}
static bool gen_set_qualname(sp_VM *vm, sp_Value self, sp_Value v) {
    return set_name(vm, &GEN(self)->qualname, v, "__qualname__");
}

static const sp_MethodDef gen_methods[] = {
    {"send", gen_send_m, 0},
    {"throw", gen_throw_m, 0},
    {"close", gen_close_m, 0},
    {"__next__", gen_next_m, 0},
    {"__iter__", gen_iter_m, 0},
    {NULL, NULL, 0},
};

/* Never gi_frame, gi_code or gi_yieldfrom: no way to frames and code. */
static const sp_GetSetDef gen_getsets[] = {
    {"__name__", gen_name, gen_set_name},
    {"__qualname__", gen_qualname, gen_set_qualname},
    {"gi_running", gen_running, NULL},
    {"gi_suspended", gen_suspended, NULL},
    {NULL, NULL, NULL},
};

sp_Type sp_t_generator = {
    .h = SP_STATIC_HDR(&sp_t_type),
    .name = "generator",
    .base = &sp_t_object,
    .methods = gen_methods,
    .getsets = gen_getsets,
    .traverse = gen_traverse,
    .repr = gen_repr,
    .iter = gen_iter,
    .next = gen_next,
};
