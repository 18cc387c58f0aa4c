/* fuzz_source.c - raw bytes as a program: lexer, parser, compiler, VM. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    sandpy *sp = fz_new();
    if (!sp) return 0;
    sandpy_status st = sandpy_exec(sp, (const char *)data, size, "<fuzz>");
    fz_read_outcome(sp, st);
    fz_still_usable(sp);
    sandpy_free(sp);
    return 0;
}
