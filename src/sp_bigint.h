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

/* Where the compiler has a 128-bit type, the hot loops read pairs of
 * digits as one 64-bit word (memcpy: digit arrays are only 4-aligned)
 * and multiply 64x64->128: half the loop trips and a quarter of the
 * multiplies.  Pairing digits into words needs a little-endian layout;
 * elsewhere (or with -DSP_NO_WIDE, to test them) the plain 32-bit loops
 * run. */
#if defined(__SIZEOF_INT128__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && !defined(SP_NO_WIDE)
#define SP_WIDE 1
typedef unsigned __int128 sp_u128;

static inline uint64_t sp_ld64(const sp_digit *p) {
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return w;
}

static inline void sp_st64(sp_digit *p, uint64_t w) { memcpy(p, &w, sizeof w); }
#endif

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
/* Decimal conversion divides by SP_DEC_CHUNK = 10^SP_DEC_CHUNK_DIGITS per
 * pass: the largest power of ten one division step handles. */
#ifdef SP_WIDE
#define SP_DEC_CHUNK UINT64_C(10000000000000000000)
#define SP_DEC_CHUNK_DIGITS 19
#else
#define SP_DEC_CHUNK UINT64_C(1000000000)
#define SP_DEC_CHUNK_DIGITS 9
#endif
/* q = a / SP_DEC_CHUNK (q may alias a); returns a % SP_DEC_CHUNK. */
uint64_t sp_mag_divmod_dec(sp_digit *q, const sp_digit *a, size_t n);
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
