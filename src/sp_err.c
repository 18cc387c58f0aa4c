/* sp_err.c - raising exceptions, message formatting, the C recursion
 * guard and limit polling. */
#include "sp.h"

#include <stdio.h>
#include <time.h>

/* Append one %-directive's output.  Returns false on error (pending). */
static bool fmt_one(sp_Buf *b, const char **pf, va_list *ap) {
    const char *f = *pf;
    char spec[24];
    size_t sn = 0;
    spec[sn++] = '%';
    /* flags, width, precision and length modifiers pass through to C */
    while (*f && strchr("-+ #0123456789.*lzh", *f)) {
        if (sn < sizeof spec - 2) spec[sn++] = *f;
        f++;
    }
    char c = *f ? *f++ : '%';
    *pf = f;
    spec[sn++] = c;
    spec[sn] = 0;
    bool star = strchr(spec, '*') != NULL;
    switch (c) {
    case 'S': return sp_buf_addv(b, va_arg(*ap, sp_Value), false);
    case 'R': return sp_buf_addv(b, va_arg(*ap, sp_Value), true);
    case 'T': return sp_buf_adds(b, sp_typename(va_arg(*ap, sp_Value)));
    case 'A': { /* Argument Clinic's spelling: None itself, else the type name */
        sp_Value v = va_arg(*ap, sp_Value);
        return sp_buf_adds(b, sp_isnone(v) ? "None" : sp_typename(v));
    }
    case 'N': return sp_buf_adds(b, va_arg(*ap, sp_Type *)->name);
    case 'U': {
        sp_Str *s = va_arg(*ap, sp_Str *);
        return sp_buf_add(b, s->data, s->len);
    }
    case '%': return sp_buf_addc(b, '%');
    case 's':
        if (star) { /* only "%.*s": a byte count and a pointer */
            int n = va_arg(*ap, int);
            const char *s = va_arg(*ap, const char *);
            return sp_buf_add(b, s, n > 0 ? (size_t)n : 0);
        }
        return sp_buf_addf(b, spec, va_arg(*ap, const char *));
    case 'c': return sp_buf_addf(b, spec, va_arg(*ap, int));
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        if (strstr(spec, "ll")) return sp_buf_addf(b, spec, va_arg(*ap, long long));
        if (strchr(spec, 'z')) return sp_buf_addf(b, spec, va_arg(*ap, size_t));
        if (strchr(spec, 'l')) return sp_buf_addf(b, spec, va_arg(*ap, long));
        return sp_buf_addf(b, spec, va_arg(*ap, int));
    case 'f': case 'g': case 'e': return sp_buf_addf(b, spec, va_arg(*ap, double));
    default: return sp_buf_add(b, spec, sn);
    }
}

sp_Value sp_vfmt(sp_VM *vm, const char *fmt, va_list ap) {
    sp_Buf b;
    sp_buf_init(vm, &b);
    va_list aq;
    va_copy(aq, ap);
    const char *f = fmt;
    while (*f) {
        const char *pct = strchr(f, '%');
        size_t n = pct ? (size_t)(pct - f) : strlen(f);
        if (!sp_buf_add(&b, f, n)) goto fail;
        f += n;
        if (!*f) break;
        f++;
        if (!fmt_one(&b, &f, &aq)) goto fail;
    }
    va_end(aq);
    return sp_buf_tostr(&b);
fail:
    va_end(aq);
    sp_buf_free(&b);
    return SP_ERRV;
}

sp_Value sp_fmt(sp_VM *vm, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    sp_Value s = sp_vfmt(vm, fmt, ap);
    va_end(ap);
    return s;
}

sp_Value sp_raise_args(sp_VM *vm, sp_Type *t, sp_Value args) {
    sp_Value e = sp_exc_new(vm, t, args);
    if (sp_iserr(e)) return e;
    vm->exc = e;
    return SP_ERRV;
}

sp_Value sp_raise(sp_VM *vm, sp_Type *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    sp_Value msg = sp_vfmt(vm, fmt, ap);
    va_end(ap);
    if (sp_iserr(msg)) return msg;
    sp_Value args = sp_tuple_pack(vm, 1, &msg);
    if (sp_iserr(args)) return args;
    return sp_raise_args(vm, t, args);
}

/* raise X: an instance, or a class that is instantiated with no args. */
sp_Value sp_raisev(sp_VM *vm, sp_Value exc) {
    if (sp_istype(exc, &sp_t_type) && sp_isexc_type((sp_Type *)SP_O(exc))) {
        exc = sp_call(vm, exc, NULL, 0, NULL);
        if (sp_iserr(exc)) return exc;
        if (!sp_isexc_type(sp_typeof(exc)))
            return sp_raise(vm, &sp_t_TypeError,
                            "calling %R should have returned an instance of BaseException, "
                            "not %T", exc, exc);
    }
    if (!sp_isexc_type(sp_typeof(exc)))
        return sp_raise(vm, &sp_t_TypeError, "exceptions must derive from BaseException");
    vm->exc = exc;
    return SP_ERRV;
}

bool sp_err_occurred(sp_VM *vm) { return !sp_isnull(vm->exc); }

bool sp_err_matches(sp_VM *vm, sp_Type *t) {
    return !sp_isnull(vm->exc) && sp_issubtype(sp_typeof(vm->exc), t);
}

void sp_err_clear(sp_VM *vm) { vm->exc = SP_NULLV; }

sp_Value sp_err_fetch(sp_VM *vm) {
    sp_Value e = vm->exc;
    vm->exc = SP_NULLV;
    return e;
}

/* ------------------------------------------------------- guards */

bool sp_enter_fail(sp_VM *vm, const char *what) {
    /* SP_ENTER already counted this level; the caller will not SP_LEAVE. */
    vm->cdepth--;
    sp_raise(vm, &sp_t_RecursionError, "maximum recursion depth exceeded%s", what);
    return false;
}

bool sp_enter_slow(sp_VM *vm) { return sp_enter_fail(vm, ""); }

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static bool limit_stop(sp_VM *vm, sp_Type *t, const char *msg) {
    sp_raise(vm, t, "%s", msg);
    vm->limit_hit = true;
    return false;
}

static bool poll_limits(sp_VM *vm) {
    vm->cwork = 0;
    vm->poll_mark = vm->instr_count;
    if (vm->interrupt) {
        vm->interrupt = 0;
        return limit_stop(vm, &sp_t_KeyboardInterrupt, "");
    }
    if (vm->deadline > 0 && now_seconds() > vm->deadline)
        return limit_stop(vm, &sp_t_TimeoutError, "execution time limit exceeded");
    if (vm->instr_limit && vm->instr_count > vm->instr_limit)
        return limit_stop(vm, &sp_t_TimeoutError, "instruction limit exceeded");
    return true;
}

/* A call from the interpreter loop (instr_count moved since the last full
 * poll) always checks; calls from C loops read the clock only every
 * SP_CPOLL_INTERVAL units of work, and each unit counts as an instruction,
 * so the deterministic budget also stops C loops (sum(range(10**18))). */
bool sp_check_limits_n(sp_VM *vm, unsigned n) {
    if (vm->instr_count == vm->poll_mark) {
        vm->cwork += n;
        if (vm->cwork < SP_CPOLL_INTERVAL && !vm->interrupt) return true;
        vm->instr_count += vm->cwork;
    }
    return poll_limits(vm);
}

bool sp_check_limits(sp_VM *vm) { return sp_check_limits_n(vm, 1); }

bool sp_check_limits_now(sp_VM *vm) {
    if (vm->instr_count == vm->poll_mark) vm->cwork = SP_CPOLL_INTERVAL - 1;
    return sp_check_limits(vm);
}

double sp_now(void) { return now_seconds(); }

/* ---------------------------------------------- repr of cycles */

int sp_repr_enter(sp_VM *vm, sp_Obj *o) {
    if (!vm->repr_active) {
        sp_Value l = sp_list_with_cap(vm, 8);
        if (sp_iserr(l)) return -1;
        vm->repr_active = SP_LIST(l);
    }
    sp_List *a = vm->repr_active;
    for (size_t i = a->n; i-- > 0;)
        if (a->items[i].u.o == o) return 0;
    return sp_list_append(vm, a, sp_objv(o)) ? 1 : -1;
}

void sp_repr_leave(sp_VM *vm, sp_Obj *o) {
    sp_List *a = vm->repr_active;
    if (a && a->n && a->items[a->n - 1].u.o == o) a->n--;
}
