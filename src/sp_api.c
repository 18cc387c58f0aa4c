/* sp_api.c - the public embedding API (include/sandpy.h) over the VM.
 *
 * Everything the host sees is either a status code or a string owned by
 * the sandpy object and valid until the next call that runs code. */
#include "sp.h"
#include "sandpy.h"

#include <stdio.h>

enum { H_RESULT = 0, H_NSLOTS };

struct sandpy {
    sp_VM *vm;
    sandpy_config cfg;
    sp_Value result;       /* rooted through vm->host */
    sp_Buf json, repr;     /* cached renderings of the result */
    sp_Buf etype, emsg, etb;
};

static void host_write(void *ud, int stream, const char *s, size_t n) {
    sandpy *sp = ud;
    if (sp->cfg.write) sp->cfg.write(sp->cfg.write_ud, stream, s, n);
}

/* Keep the result alive across collections: slot 0 of vm->host. */
static void set_result(sandpy *sp, sp_Value v) {
    sp->result = v;
    if (sp->vm->host && sp->vm->host->n > H_RESULT) sp->vm->host->items[H_RESULT] = v;
}

sandpy *sandpy_new(const sandpy_config *cfg) {
    sandpy_config c;
    memset(&c, 0, sizeof c);
    if (cfg) c = *cfg;
    sp_VM *vm = sp_vm_new(c.alloc, c.alloc_ud);
    if (!vm) return NULL;
    sandpy *sp = sp_malloc(vm, sizeof *sp);
    sp_Value host = sp ? sp_list_new(vm, H_NSLOTS) : SP_ERRV;
    if (!sp || sp_iserr(host)) {
        sp_vm_free(vm);
        return NULL;
    }
    memset(sp, 0, sizeof *sp);
    sp->vm = vm;
    sp->cfg = c;
    vm->host = SP_LIST(host);
    vm->write = host_write;
    vm->write_ud = sp;
    vm->userdata = c.userdata;
    vm->mem_limit = c.max_memory;
    vm->alloc_limit = c.max_allocations;
    if (c.max_recursion > 0) vm->pydepth_max = c.max_recursion;
    sp_Buf *bufs[] = {&sp->json, &sp->repr, &sp->etype, &sp->emsg, &sp->etb};
    for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++) sp_buf_init(vm, bufs[i]);
    set_result(sp, SP_NONEV);
    return sp;
}

void sandpy_free(sandpy *sp) {
    if (!sp) return;
    sp_VM *vm = sp->vm;
    sp_Buf *bufs[] = {&sp->json, &sp->repr, &sp->etype, &sp->emsg, &sp->etb};
    for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++) sp_buf_free(bufs[i]);
    sp_free(vm, sp, sizeof *sp);
    sp_vm_free(vm);
}

void sandpy_interrupt(sandpy *sp) { sp->vm->interrupt = 1; }

size_t sandpy_memory_used(const sandpy *sp) { return sp->vm->mem_used; }
size_t sandpy_memory_peak(const sandpy *sp) { return sp->vm->mem_peak; }

/* Set a C-string buffer; on allocation failure it stays empty. */
static void buf_set(sp_Buf *b, const char *s, size_t n) {
    b->n = 0;
    if (!sp_buf_add(b, s, n)) b->n = 0;
}

/* Turn the pending exception into the host-visible error strings.  Runs
 * with limits lifted: describing a MemoryError must not fail for lack of
 * memory, and the text is bounded by the exception itself. */
static sandpy_status capture_error(sandpy *sp) {
    sp_VM *vm = sp->vm;
    sp_Value exc = sp_err_fetch(vm);
    size_t lim = vm->mem_limit;
    uint64_t alim = vm->alloc_limit, ilim = vm->instr_limit;
    double dl = vm->deadline;
    vm->mem_limit = 0, vm->alloc_limit = 0, vm->deadline = 0, vm->instr_limit = 0;
    sp_Value name = sp_str_cstr(vm, sp_typeof(exc)->name);
    buf_set(&sp->etype, sp_iserr(name) ? "MemoryError" : SP_STR(name)->data,
            sp_iserr(name) ? 11 : SP_STR(name)->len);
    sp_Value msg = sp_exc_str(vm, exc);
    if (sp_iserr(msg)) sp_err_clear(vm), buf_set(&sp->emsg, "", 0);
    else buf_set(&sp->emsg, SP_STR(msg)->data, SP_STR(msg)->len);
    sp_Value tb = sp_format_exc(vm, exc);
    if (sp_iserr(tb)) sp_err_clear(vm), buf_set(&sp->etb, sp->etype.p, sp->etype.n);
    else buf_set(&sp->etb, SP_STR(tb)->data, SP_STR(tb)->len);
    vm->mem_limit = lim, vm->alloc_limit = alim, vm->deadline = dl, vm->instr_limit = ilim;
    set_result(sp, SP_NONEV);
    return SANDPY_ERROR;
}

/* Arm the per-run limits; they count from the start of this call. */
static void arm_limits(sandpy *sp) {
    sp_VM *vm = sp->vm;
    vm->limit_hit = false;
    vm->interrupt = 0;
    vm->deadline = sp->cfg.max_duration > 0 ? sp_now() + sp->cfg.max_duration : 0;
    vm->instr_limit = sp->cfg.max_instructions ? vm->instr_count + sp->cfg.max_instructions : 0;
    vm->nallocs = 0;
    vm->cdepth = 0;
    vm->pydepth = 0;
    char here;
    vm->cstack_base = &here;
}

sandpy_status sandpy_set_input_json(sandpy *sp, const char *name, const char *json, size_t len) {
    sp_VM *vm = sp->vm;
    arm_limits(sp);
    sp_Value v = sp_json_loads(vm, json, len);
    if (sp_iserr(v) || !sp_pin(vm, v)) return capture_error(sp);
    sp_Value k = sp_str_intern_cstr(vm, name);
    bool ok = !sp_iserr(k) && sp_dict_sets(vm, vm->globals, SP_STR(k), v);
    sp_unpin(vm, 1);
    vm->cstack_base = NULL;
    return ok ? SANDPY_OK : capture_error(sp);
}

sandpy_status sandpy_exec(sandpy *sp, const char *src, size_t len, const char *filename) {
    sp_VM *vm = sp->vm;
    arm_limits(sp);
    sp->json.n = sp->repr.n = 0;
    sp_Value code = sp_compile(vm, src, len, filename ? filename : "<string>");
    sp_Value r = SP_ERRV;
    if (!sp_iserr(code) && sp_pin(vm, code)) {
        r = sp_run_code(vm, code, vm->globals);
        sp_unpin(vm, 1);
    }
    sandpy_status st = sp_iserr(r) ? capture_error(sp) : SANDPY_OK;
    if (st == SANDPY_OK) set_result(sp, r);
    vm->cstack_base = NULL;
    return st;
}

static const char *render(sandpy *sp, sp_Buf *b, bool json, size_t *len) {
    sp_VM *vm = sp->vm;
    if (!b->n) {
        arm_limits(sp);
        sp_Value s = json ? sp_json_dumps(vm, sp->result) : sp_repr(vm, sp->result);
        vm->cstack_base = NULL;
        if (sp_iserr(s)) {
            capture_error(sp);
            return NULL;
        }
        buf_set(b, SP_STR(s)->data, SP_STR(s)->len);
    }
    if (len) *len = b->n;
    return b->p ? b->p : "";
}

const char *sandpy_result_json(sandpy *sp, size_t *len) { return render(sp, &sp->json, true, len); }
const char *sandpy_result_repr(sandpy *sp, size_t *len) { return render(sp, &sp->repr, false, len); }

const char *sandpy_error_type(sandpy *sp) { return sp->etype.p ? sp->etype.p : ""; }
const char *sandpy_error_message(sandpy *sp) { return sp->emsg.p ? sp->emsg.p : ""; }
const char *sandpy_error_traceback(sandpy *sp) { return sp->etb.p ? sp->etb.p : ""; }
