/* fuzz_input.c - bytes as an --input JSON value, then a program that walks
 * it through repr, json round trips, hashing, sorting and comparison. */
#include "fuzz_common.h"

static const char program[] =
    "import json\n"
    "s = json.dumps(x)\n"
    "r = repr(x)\n"
    "y = json.loads(s)\n"
    "assert y == x or s != s or 'NaN' in s\n"
    "t = str(x) + f'{x!r:>3}'\n"
    "h = hash(s) ^ hash(r)\n"
    "k = sorted(set(r))\n"
    "if isinstance(x, (list, dict)):\n"
    "    n = len(x)\n"
    "    c = list(x)[:5]\n"
    "    m = x.copy()\n"
    "    m == x\n"
    "[x, x]\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    sandpy *sp = fz_new();
    if (!sp) return 0;
    sandpy_status st = sandpy_set_input_json(sp, "x", (const char *)data, size);
    if (st == SANDPY_OK) st = sandpy_exec(sp, program, sizeof program - 1, "<input>");
    fz_read_outcome(sp, st);
    /* the host-side decoder, too */
    sandpy_value v = sandpy_from_json(sp, (const char *)data, size);
    size_t n;
    if (v) (void)sandpy_to_json(sp, v, &n), (void)sandpy_repr(sp, v, &n);
    fz_still_usable(sp);
    sandpy_free(sp);
    return 0;
}
