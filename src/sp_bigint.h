/* sp_bigint.h - arbitrary-precision magnitudes (sp_bigint.c) and the heap
 * int object (sp_int.c).  Private to sp_int.c / sp_bigint.c.
 *
 * A magnitude is a little-endian array of 32-bit digits.  Functions that
 * take (a, an) accept leading zero digits unless stated otherwise; results
 * report their trimmed length. */
#ifndef SP_BIGINT_H
#define SP_BIGINT_H

#include "sp.h"

typedef uint32_t sp_digit;
typedef uint64_t sp_ddigit;
#define SP_DIGIT_BITS 32

/* An int outside int64.  n >= 2, d[n-1] != 0; sign kept apart so the
 * magnitude routines never see it.  Immutable once returned to Python. */
typedef struct sp_BigInt {
    sp_Obj h;
    size_t n;
    bool neg;
    sp_digit d[];
} sp_BigInt;

#define SP_BIG(v) ((sp_BigInt *)(v).u.o)

size_t sp_mag_trim(const sp_digit *a, size_t n);
uint64_t sp_mag_bitlen(const sp_digit *a, size_t n);
int sp_mag_cmp(const sp_digit *a, size_t an, const sp_digit *b, size_t bn);
/* r = a + b; r needs max(an, bn) + 1 digits and may alias a or b. */
size_t sp_mag_add(sp_digit *r, const sp_digit *a, size_t an, const sp_digit *b, size_t bn);
/* r = a - b for a >= b; r needs an digits and may alias a or b. */
size_t sp_mag_sub(sp_digit *r, const sp_digit *a, size_t an, const sp_digit *b, size_t bn);
/* a = a * m + add in place; returns the carry out. */
sp_digit sp_mag_muladd1(sp_digit *a, size_t n, sp_digit m, sp_digit add);
/* q = a / d (q may alias a, or be NULL); returns a % d. */
sp_digit sp_mag_divmod1(sp_digit *q, const sp_digit *a, size_t n, sp_digit d);
/* r[0..an+bn) = a * b; r must not alias a or b.  false: MemoryError or a
 * limit fired (exception pending). */
bool sp_mag_mul(sp_VM *vm, sp_digit *r, const sp_digit *a, size_t an, const sp_digit *b, size_t bn);
/* Knuth D.  q gets an-bn+1 digits, r gets bn digits; either may be NULL.
 * b must be trimmed and non-zero, an >= bn; q, r must not alias a or b. */
bool sp_mag_divmod(sp_VM *vm, sp_digit *q, sp_digit *r, const sp_digit *a, size_t an,
                   const sp_digit *b, size_t bn);
/* r = a << bits, r needs an + bits/32 + 1 digits (no alias). */
size_t sp_mag_shl(sp_digit *r, const sp_digit *a, size_t an, uint64_t bits);
/* r = a >> bits (r may alias a); *lost tells whether one bits were dropped. */
size_t sp_mag_shr(sp_digit *r, const sp_digit *a, size_t an, uint64_t bits, bool *lost);
/* Two's complement negation over n digits, in place. */
void sp_mag_negate(sp_digit *a, size_t n);

#endif
