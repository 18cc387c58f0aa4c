/* sp_regex.h - the regular expression engine behind the re module.
 *
 * A pattern (CPython 3.11 syntax, parsed with _parser.py's exact error
 * messages and positions) compiles to a small program for a backtracking
 * matcher.  Without backreferences or conditionals the matcher memoizes
 * every (join-point, position) state it has explored, so a match runs in
 * time linear in the input whatever the pattern; with them it backtracks
 * plainly and polls the VM's time limit.  Positions are code point indexes. */
#ifndef SP_REGEX_H
#define SP_REGEX_H

#include "sp.h"

/* Limits SP_RE_MAX_PROG, SP_RE_BITMAP_MAX, SP_RE_MAX_GROUPS: see sp_conf.h. */

/* CPython's flag values (re.I == 2 ...). */
enum {
    SP_RE_T = 1, SP_RE_I = 2, SP_RE_L = 4, SP_RE_M = 8, SP_RE_S = 16, SP_RE_U = 32,
    SP_RE_X = 64, SP_RE_DEBUG = 128, SP_RE_A = 256
};

/* Why a compile failed.  RE: re.error(msg, pattern, pos) (pos -1: none);
 * OVERFLOW / VALUE: OverflowError / ValueError(msg); PENDING: an exception
 * (MemoryError, RecursionError) is already pending in the VM. */
enum { SP_REERR_RE = 1, SP_REERR_OVERFLOW, SP_REERR_VALUE, SP_REERR_PENDING };
typedef struct sp_ReError {
    int kind;
    int64_t pos;
    sp_Value msg; /* str, or SP_NULL for PENDING */
} sp_ReError;

typedef struct sp_Regex sp_Regex;

/* Or'ed into sp_re_compile's flags: the pattern is bytes (one character
 * per byte, ASCII classes and case rules, as sre for bytes patterns). */
#define SP_RE_BYTES (1 << 24)

sp_Regex *sp_re_compile(sp_VM *vm, const char *pat, size_t n, int flags, sp_ReError *err);
void sp_re_free(sp_VM *vm, sp_Regex *re);
int sp_re_groups(const sp_Regex *re); /* capturing groups, group 0 excluded */
int sp_re_flags(const sp_Regex *re);  /* final flags: inline ones and U added */
/* Named groups, i from 0: false past the end.  name is UTF-8. */
bool sp_re_name(const sp_Regex *re, size_t i, const char **name, size_t *len, int *group);

/* The subject: exactly one of b (all code points < 128) or u is set. */
typedef struct sp_ReText {
    const uint8_t *b;
    const uint32_t *u;
    int64_t n;
} sp_ReText;

enum { SP_RE_MATCH, SP_RE_SEARCH, SP_RE_FULL };
/* Or'ed into the mode after an empty match (sre's must_advance): a match
 * may not end where the search starts. */
#define SP_RE_ADVANCE 8

/* Matcher state for one subject, reused by the successive searches of
 * findall/sub/split (its buffers survive between them). */
typedef struct sp_ReMatcher {
    sp_VM *vm;
    const sp_Regex *re;
    sp_ReText t;
    int64_t end;
    int64_t start;        /* where this search began */
    int64_t start_at;     /* where the current attempt began */
    int mode;
    bool advance;
    int64_t *slots;       /* captures, lastindex, loop registers */
    struct sp_ReFrame *stack;
    size_t sp, stcap;
    int64_t mark;         /* innermost open lookaround/atomic frame, -1 */
    struct sp_ReMemo *memo;
    size_t memocap, memocount;
    uint32_t gen;
    uint64_t *bits;       /* dense memo, NULL: use the hash set */
    size_t nwords;
    int64_t rlo, rhi;     /* rows of bits touched since the last clear */
    bool nobits;
    uint64_t *undo;
    size_t nundo, undocap;
    struct sp_ReRepC *rc; /* per I_REP1: cached run ends and explored spans */
    int budget;
} sp_ReMatcher;

bool sp_re_matcher_init(sp_ReMatcher *m, sp_VM *vm, const sp_Regex *re, const sp_ReText *t);
void sp_re_matcher_free(sp_ReMatcher *m);
/* Match at pos (MATCH/FULL) or at the first position from pos (SEARCH),
 * looking at [0, endpos).  On 1, out[0 .. 2*(groups+1)) holds the spans
 * (-1: unset) and out[2*(groups+1)] the lastindex (-1: None).
 * Returns 1, 0 (no match) or -1 (exception pending). */
int sp_re_exec(sp_ReMatcher *m, int64_t pos, int64_t endpos, int mode, int64_t *out);

#endif
