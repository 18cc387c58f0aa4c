/* test_compile.c - private compiler invariants the differential cases
 * cannot see. */
#include "harness.h"
#include "sp_code.h"

int main(void) {
    /* sp_compile.c's quick stack-effect table is a copy of sp_op_effect for
     * the commonest opcodes: a drift would only show as wrong max depths */
    CHECK(sp_compile_quick_mismatch() == -1);
    return t_report();
}
