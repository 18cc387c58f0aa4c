/* fuzz_qc.c - the two compilers against each other: whatever program the
 * quick compiler (sp_qc.c) takes must compile to the same bytes with the
 * full one (sp_compile.c), and giving up must raise nothing (the fuzzing
 * form of tests/c/test_qc.c). */
#include "fuzz_common.h"
#include "sp_api.h"

/* The dumped bytes of a code object (a copy: the API reuses its buffer). */
static uint8_t *dumped(sandpy *sp, sp_Value code, size_t *n) {
    sandpy_code *h = sp_api_add_code(sp, code, sp_objv(&sp_empty_tuple));
    const uint8_t *d = h ? sandpy_code_dump(sp, h, n) : NULL;
    uint8_t *copy = d ? malloc(*n) : NULL;
    if (copy) memcpy(copy, d, *n);
    return copy;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    sandpy *sp = fz_new();
    if (!sp) return 0;
    sp_VM *vm = sp->vm;
    sp_Value q = sp_qc_compile(vm, (const char *)data, size, "<fuzz>");
    if (sp_isnull(q)) {
        if (sp_err_occurred(vm)) abort();
    } else {
        size_t nq = 0, nf = 0;
        uint8_t *dq = dumped(sp, q, &nq);
        sp_Value f = sp_compile_ast(vm, (const char *)data, size, "<fuzz>");
        if (sp_iserr(f)) {
            /* only running out of the limits may stop the second compile */
            const char *t = sp_err_occurred(vm) ? sp_typename(vm->exc) : "";
            if (strcmp(t, "MemoryError") && strcmp(t, "TimeoutError")) abort();
        } else {
            uint8_t *df = dumped(sp, f, &nf);
            if (dq && df && (nq != nf || memcmp(dq, df, nq))) abort();
            free(df);
        }
        free(dq);
    }
    sandpy_free(sp);
    return 0;
}
