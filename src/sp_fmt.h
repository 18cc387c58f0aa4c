/* sp_fmt.h - private to sp_fmt.c and sp_float.c: decimal digit generation
 * for doubles and CPython's float layout (Python/pystrtod.c's
 * format_float_short), shared by repr(), format() and %-formatting. */
#ifndef SP_FMT_H
#define SP_FMT_H

#include "sp.h"

/* A double's decimal digits as David Gay's dtoa would return them: no
 * trailing zeros, value = 0.DIGITS * 10**decpt; zero is "0" with decpt 1.
 * A double has at most 767 significant digits and 309 integer digits, so
 * the buffer bounds every mode (longer requests only add zeros). */
#define SP_DIG_MAX 1500
typedef struct sp_Digits {
    char d[SP_DIG_MAX];
    int n;          /* digit count */
    int decpt;
    bool neg;       /* sign bit (also for -0.0) */
    char special;   /* 0 finite, 'i' infinity, 'n' nan */
} sp_Digits;

/* mode 0: shortest round-trip; 2: prec significant digits (prec >= 1);
 * 3: prec digits after the point (prec >= 0).  Correctly rounded. */
void sp_dtoa(double x, int mode, int64_t prec, sp_Digits *dg);

/* 10**k for k = 0..22: the powers of ten a double holds exactly. */
extern const double sp_pow10[23];

/* Layout flags (CPython's Py_DTSF_*). */
enum { SP_DTSF_SIGN = 1, SP_DTSF_ADD_DOT_0 = 2, SP_DTSF_ALT = 4, SP_DTSF_NO_NEG_0 = 8 };

/* PyOS_double_to_string into a growable buffer: code is one of e E f F g G
 * r (repr digits), flags SP_DTSF_*. */
bool sp_buf_double(sp_Buf *b, double x, char code, int64_t prec, int flags);

#endif
