/* fuzz_common.h - shared by the libFuzzer harnesses: one interpreter per
 * input under tight limits, so a hostile input ends in an exception fast. */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include "sandpy.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static sandpy *fz_new(void) {
    sandpy_config c;
    memset(&c, 0, sizeof c);
    c.max_memory = (size_t)32 << 20;
    c.max_instructions = 200000; /* deterministic: reproducible crashes */
    c.max_duration = 2.0;        /* backstop for long C work */
    c.max_recursion = 200;
    return sandpy_new(&c);
}

/* The interpreter must stay usable after whatever the input did (unless
 * its globals still hold the memory the limit allows). */
static void fz_still_usable(sandpy *sp) {
    static const char probe[] = "_probe = [1, 2, 3]\nsum(_probe) * 2\n";
    if (sandpy_exec(sp, probe, sizeof probe - 1, "<probe>") != SANDPY_OK) {
        if (strcmp(sandpy_error_type(sp), "MemoryError") ||
            sandpy_memory_used(sp) < ((size_t)16 << 20))
            abort();
        return;
    }
    int64_t v = 0;
    if (!sandpy_as_int(sp, sandpy_result(sp), &v) || v != 12) abort();
}

/* Touch everything a host reads after a run. */
static void fz_read_outcome(sandpy *sp, sandpy_status st) {
    size_t n;
    if (st == SANDPY_OK) {
        (void)sandpy_result_repr(sp, &n);
        (void)sandpy_result_json(sp, &n);
    } else {
        const sandpy_error *e = sandpy_error_get(sp);
        if (!e || !e->type || !e->traceback) abort();
        for (size_t i = 0; i < e->nframes; i++)
            if (!e->frames[i].file || !e->frames[i].function || !e->frames[i].source) abort();
    }
}

#endif
