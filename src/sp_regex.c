/* sp_regex.c - regular expressions: parser, compiler and matcher.
 *
 * The parser follows CPython's re/_parser.py step for step (so error
 * messages and positions agree) and builds a node tree; the compiler turns
 * it into a program for a backtracking matcher with Perl/sre priorities.
 *
 * Why it cannot hang: the continuation of a thread depends only on (pc,
 * pos) -- captures never influence matching unless the pattern has
 * backreferences or conditionals -- so a state that was explored once
 * never needs exploring again.  The matcher records explored states at
 * jump targets in a hash set, bounding a whole search by O(program x
 * input).  The one piece of extra state sre has, "did this iteration of a
 * loop whose body can match empty advance?", is folded into the key (see
 * loopk).  Lookaround and atomic bodies stop at their first success, so
 * their states are forgotten when each invocation ends (the undo log).
 * Patterns with backreferences fall back to plain backtracking, polled
 * against the VM's time limit like everything else. */
#include "sp_regex.h"
#include "sp_unidata.h"

#define MAXREP 4294967295LL /* CPython's MAXREPEAT: also "unbounded" */

/* ================================================================ chars */

/* sre's case helpers use the first code point of the full mapping (as
 * _PyUnicode_ToLowercase does). */
static uint32_t lower1(uint32_t c) {
    if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    uint32_t o[3];
    sp_uni_map(c, SP_UMAP_LOWER, o);
    return o[0];
}
static uint32_t upper1(uint32_t c) {
    if (c < 128) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    uint32_t o[3];
    sp_uni_map(c, SP_UMAP_UPPER, o);
    return o[0];
}
static uint32_t alower(uint32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
static uint32_t aupper(uint32_t c) { return (c >= 'a' && c <= 'z') ? c - 32 : c; }

/* Lowercase letters sre treats as equal (re/_casefix.py), mapped to the
 * smallest member of their class. */
static const uint32_t casefix[][2] = {
    {0x131, 0x69}, {0x17f, 0x73}, {0x3b9, 0x345}, {0x3bc, 0xb5}, {0x3c3, 0x3c2},
    {0x3d0, 0x3b2}, {0x3d1, 0x3b8}, {0x3d5, 0x3c6}, {0x3d6, 0x3c0}, {0x3f0, 0x3ba},
    {0x3f1, 0x3c1}, {0x3f5, 0x3b5}, {0x1c80, 0x432}, {0x1c81, 0x434}, {0x1c82, 0x43e},
    {0x1c83, 0x441}, {0x1c84, 0x442}, {0x1c85, 0x442}, {0x1c86, 0x44a}, {0x1c87, 0x463},
    {0x1e9b, 0x1e61}, {0x1fbe, 0x345}, {0x1fd3, 0x390}, {0x1fe3, 0x3b0}, {0xa64b, 0x1c88},
    {0xfb06, 0xfb05},
};
#define NCASEFIX (sizeof casefix / sizeof casefix[0])

static uint32_t fixrep(uint32_t c) {
    if (c < 0x131) return c;
    for (size_t i = 0; i < NCASEFIX; i++)
        if (casefix[i][0] == c) return casefix[i][1];
    return c;
}
/* The case-insensitive identity of a character (unicode or ascii rules). */
static uint32_t fold(uint32_t c, bool ascii) { return ascii ? alower(c) : fixrep(lower1(c)); }
static bool iscased(uint32_t c, bool ascii) {
    if (ascii) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return lower1(c) != c || upper1(c) != c;
}

static bool is_digit(uint32_t c, bool ascii) {
    if (c < 128 || ascii) return c >= '0' && c <= '9';
    return sp_uni_decimal(c) >= 0;
}
static bool is_space(uint32_t c, bool ascii) {
    if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (!ascii && c >= 28 && c <= 31);
    return !ascii && sp_uni_has(c, SP_U_SPACE);
}
static bool is_word(uint32_t c, bool ascii) {
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return !ascii && (sp_uni_rec(c)->flags & (SP_U_ALPHA | SP_U_DECIMAL | SP_U_DIGIT | SP_U_NUMERIC));
}

/* ================================================================ nodes */

enum { N_EMPTY, N_CHAR, N_ANY, N_CLASS, N_CAT, N_ALT, N_GROUP, N_REPEAT, N_LOOK, N_ATOMIC,
       N_BREF, N_AT, N_COND };
enum { AT_BEG, AT_BEG_STR, AT_END, AT_END_STR, AT_BOUND, AT_NONBOUND };
enum { CAT_DIGIT, CAT_NOT_DIGIT, CAT_SPACE, CAT_NOT_SPACE, CAT_WORD, CAT_NOT_WORD };
enum { CI_LIT, CI_RANGE, CI_CAT };
enum { G_LAZY, G_GREEDY, G_POSSESSIVE };

/* kid/next/alt2 are node indexes (-1: none); children of CAT and ALT are
 * chained through next.  lo/hi: the width (getwidth) in characters. */
typedef struct Node {
    uint8_t op, greedy;
    int32_t a, b;
    int64_t min, max;
    int32_t kid, next, alt2;
    int64_t lo, hi;
} Node;

typedef struct CItem {
    uint8_t kind;
    uint32_t lo, hi;
} CItem;
typedef struct Cls {
    int32_t start, count;
    bool neg;
} Cls;
typedef struct Name {
    int64_t start, len; /* in the pattern's code points */
    int group;
} Name;

/* ================================================================ program */

enum { I_CHAR, I_CHARI, I_ANY, I_ANYALL, I_CLASS, I_SPLIT, I_JMP, I_SAVE, I_MATCH, I_AT,
       I_LOOK, I_LOOKEND, I_LSET, I_LCHK, I_BREF, I_COND, I_REP1 };
/* I_REP1 x: a repeat of the one-character test at pc+1 (reps[x] holds its
 * bounds), continuing at pc+2: sre's REPEAT_ONE.  It keeps one backtrack
 * frame however many characters it takes, so `.*` over a long subject
 * costs no memory per character. */
/* fl bits: CHARI/CLASS/BREF/AT: F_ICASE, F_ASCII, F_MULTI; LOOK: L_* */
enum { F_ICASE = 1, F_ASCII = 2, F_MULTI = 4 };
enum { L_BEHIND = 1, L_NEG = 2, L_ATOMIC = 4 };

typedef struct Inst {
    uint8_t op, fl;
    int32_t x, y;
    int32_t chain; /* enclosing nullable loops (index into chains), -1 */
} Inst;

typedef struct Chain {
    int32_t reg, parent;
} Chain;

typedef struct Rep {
    int64_t min, max;
    bool greedy;
} Rep;

struct sp_Regex {
    Inst *code;
    size_t ncode, codecap;
    CItem *items;
    size_t itemcap;
    Cls *cls;
    size_t clscap;
    Chain *chains;
    size_t chaincap;
    Rep *reps;
    size_t nreps, repcap;
    int32_t *mbase; /* memo slot base per pc (codecap entries), -1: not a join point */
    Name *names;
    size_t nnames, namecap;
    char *namebuf;  /* UTF-8 names, in order */
    size_t namebytes;
    uint32_t *pat;  /* the pattern's code points (names point into it) */
    size_t npat;
    int groups, nregs, flags;
    int64_t nmemo;  /* memo slots per position */
    int32_t firstc; /* the char every match starts with, -1: unknown */
    bool backtrack; /* backreferences/conditionals: no memo */
};

int sp_re_groups(const sp_Regex *re) { return re->groups; }
int sp_re_flags(const sp_Regex *re) { return re->flags; }

/* Grow *p (elements of sz bytes) to hold at least need elements. */
static bool grow(sp_VM *vm, void **p, size_t *cap, size_t need, size_t sz) {
    if (need <= *cap) return true;
    size_t nc = *cap ? *cap : 8, bytes, old;
    while (nc < need) nc *= 2;
    if (!sp_size_mul(vm, nc, sz, &bytes) || !sp_size_mul(vm, *cap, sz, &old)) return false;
    void *q = sp_realloc(vm, *p, old, bytes);
    if (!q) return false;
    *p = q;
    *cap = nc;
    return true;
}

/* ================================================================ parser */

typedef struct Tok {
    int len; /* 0: end of pattern, 1: a char, 2: backslash + c */
    uint32_t c;
} Tok;

typedef struct Parser {
    sp_VM *vm;
    sp_ReError *err;
    const uint32_t *s;
    int64_t n, index;
    Tok next;
    Node *nodes;
    size_t nn, ncap;
    CItem *items;
    size_t ni, icap;
    Cls *cls;
    size_t ncls, clscap;
    Name *names;
    size_t nnames, namecap;
    int64_t *gwlo, *gwhi; /* group widths, gwlo -1: still open */
    size_t gwcap, gwhicap; /* apart: one may grow and the other fail */
    int groups;           /* state.groups - 1 */
    int flags;
    int lookbehindgroups; /* -1: None */
    int64_t *refpos;      /* (group, pos) pairs of conditional references */
    size_t nref, refcap;
    bool bytes;           /* a bytes pattern: no \u \U \N, no 'u' flag */
} Parser;

static sp_Value cps_str(sp_VM *vm, const uint32_t *s, int64_t n) {
    sp_Buf b;
    sp_buf_init(vm, &b);
    for (int64_t i = 0; i < n; i++)
        if (!sp_buf_addcp(&b, s[i])) {
            sp_buf_free(&b);
            return SP_ERRV;
        }
    return sp_buf_tostr(&b);
}

static bool pending(Parser *p) {
    p->err->kind = SP_REERR_PENDING;
    p->err->msg = SP_NULLV;
    return false;
}

static bool set_err(sp_ReError *e, int kind, int64_t pos, sp_Value msg) {
    if (sp_iserr(msg)) {
        e->kind = SP_REERR_PENDING;
        e->msg = SP_NULLV;
        return false;
    }
    e->kind = kind;
    e->pos = pos;
    e->msg = msg;
    return false;
}

static int64_t tell(Parser *p) { return p->index - p->next.len; }

/* error(msg) at tell() - offset; the format is sp_fmt's. */
static bool perr(Parser *p, int64_t offset, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    sp_Value m = sp_vfmt(p->vm, fmt, ap);
    va_end(ap);
    return set_err(p->err, SP_REERR_RE, tell(p) - offset, m);
}

/* The pattern text [a, b) as a str, for messages. */
static sp_Value ptext(Parser *p, int64_t a, int64_t b) { return cps_str(p->vm, p->s + a, b - a); }

static bool tnext(Parser *p) {
    int64_t i = p->index;
    if (i >= p->n) {
        p->next.len = 0;
        return true;
    }
    uint32_t c = p->s[i];
    if (c == '\\') {
        if (++i >= p->n) {
            p->next.len = 0;
            p->index = p->n;
            return set_err(p->err, SP_REERR_RE, p->n - 1,
                           sp_str_cstr(p->vm, "bad escape (end of pattern)"));
        }
        p->next.len = 2;
        p->next.c = p->s[i];
    } else {
        p->next.len = 1;
        p->next.c = c;
    }
    p->index = i + 1;
    return true;
}
static bool tget(Parser *p, Tok *t) {
    *t = p->next;
    return tnext(p);
}
static bool isch(Tok t, uint32_t c) { return t.len == 1 && t.c == c; }
/* source.match(c): 1 matched, 0 not, -1 error */
static int tmatch(Parser *p, uint32_t c) {
    if (!isch(p->next, c)) return 0;
    return tnext(p) ? 1 : -1;
}

static int hexval(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
    return -1;
}
static bool isoct(Tok t) { return t.len == 1 && t.c >= '0' && t.c <= '7'; }
static bool isdig(Tok t) { return t.len == 1 && t.c >= '0' && t.c <= '9'; }
static bool isletter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* getwhile(n, HEXDIGITS) accumulating the value; returns digits taken or -1. */
static int gethex(Parser *p, int n, uint64_t *v) {
    int k = 0;
    while (k < n && p->next.len == 1 && hexval(p->next.c) >= 0) {
        *v = *v * 16 + (uint64_t)hexval(p->next.c);
        if (!tnext(p)) return -1;
        k++;
    }
    return k;
}

static bool isident(const uint32_t *s, int64_t n) {
    if (n == 0) return false;
    for (int64_t i = 0; i < n; i++) {
        uint32_t c = s[i];
        if (c == '_' || isletter(c) || (i && c >= '0' && c <= '9')) continue;
        if (c < 128 || !sp_uni_has(c, i ? SP_U_XID_CONTINUE : SP_U_XID_START)) return false;
    }
    return true;
}

/* getuntil(terminator, name): the name is s[*a, *a + *len). */
static bool getuntil(Parser *p, uint32_t term, const char *what, int64_t *a, int64_t *len) {
    *a = tell(p);
    *len = 0;
    for (;;) {
        Tok c;
        if (!tget(p, &c)) return false;
        if (c.len == 0) {
            if (!*len) return perr(p, 0, "missing %s", what);
            return perr(p, *len, "missing %c, unterminated name", (int)term);
        }
        if (isch(c, term)) {
            if (!*len) return perr(p, 1, "missing %s", what);
            return true;
        }
        *len += c.len;
    }
}

static bool checkgroupname(Parser *p, int64_t a, int64_t len, int64_t offset) {
    if (isident(p->s + a, len)) return true;
    sp_Value nm = ptext(p, a, a + len);
    if (sp_iserr(nm)) return pending(p);
    return perr(p, len + offset, "bad character in group name %R", nm);
}

static int lookup_name(Parser *p, int64_t a, int64_t len) {
    for (size_t i = 0; i < p->nnames; i++)
        if (p->names[i].len == len &&
            memcmp(p->s + p->names[i].start, p->s + a, (size_t)len * sizeof(uint32_t)) == 0)
            return p->names[i].group;
    return -1;
}

static int32_t newnode(Parser *p, int op) {
    if (!grow(p->vm, (void **)&p->nodes, &p->ncap, p->nn + 1, sizeof(Node))) return pending(p), -1;
    Node *n = &p->nodes[p->nn];
    memset(n, 0, sizeof *n);
    n->op = (uint8_t)op;
    n->kid = n->next = n->alt2 = -1;
    if (op == N_CHAR || op == N_ANY || op == N_CLASS) n->lo = n->hi = 1;
    return (int32_t)p->nn++;
}

static bool checkgroup(Parser *p, int g) { return g <= p->groups && g >= 1 && p->gwlo[g] >= 0; }

static bool checklookbehindgroup(Parser *p, int g) {
    if (p->lookbehindgroups < 0) return true;
    if (!checkgroup(p, g)) return perr(p, 0, "cannot refer to an open group");
    if (g >= p->lookbehindgroups)
        return perr(p, 0, "cannot refer to group defined in the same lookbehind subpattern");
    return true;
}

/* An escape's result (CPython's "code"): a literal, a category, an
 * anchor, or a group reference. */
enum { E_LIT, E_CAT, E_AT, E_REF };
typedef struct Code {
    int kind;
    uint32_t v;
} Code;

static const char *const esc_map = "a\007b\010f\014n\012r\015t\011v\013\\\\";

static uint32_t simple_escape(uint32_t c, bool inclass) {
    for (const char *e = esc_map; *e; e += 2)
        if ((uint32_t)(uint8_t)e[0] == c && (inclass || c != 'b')) return (uint8_t)e[1];
    return 0;
}

static int category(uint32_t c) {
    switch (c) {
    case 'd': return CAT_DIGIT;
    case 'D': return CAT_NOT_DIGIT;
    case 's': return CAT_SPACE;
    case 'S': return CAT_NOT_SPACE;
    case 'w': return CAT_WORD;
    case 'W': return CAT_NOT_WORD;
    }
    return -1;
}

static bool bad_escape(Parser *p, int64_t start) {
    sp_Value t = ptext(p, start, tell(p));
    if (sp_iserr(t)) return pending(p);
    return perr(p, tell(p) - start, "bad escape %S", t);
}

static bool incomplete(Parser *p, int64_t start) {
    sp_Value t = ptext(p, start, tell(p));
    if (sp_iserr(t)) return pending(p);
    return perr(p, tell(p) - start, "incomplete escape %S", t);
}

static bool octal_range(Parser *p, int64_t start) {
    sp_Value t = ptext(p, start, tell(p));
    if (sp_iserr(t)) return pending(p);
    return perr(p, tell(p) - start, "octal escape value %S outside of range 0-0o377", t);
}

/* \x \u \U \N: shared by both escape flavours; 1 handled, 0 not, -1 err. */
static int num_escape(Parser *p, uint32_t c, int64_t start, Code *out) {
    uint64_t v = 0;
    if (p->bytes && c != 'x') return 0;
    int want = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (want) {
        int k = gethex(p, want, &v);
        if (k < 0) return -1;
        if (k != want) return incomplete(p, start) ? 1 : -1;
        if (v > 0x10FFFF) return bad_escape(p, start) ? 1 : -1;
        out->kind = E_LIT;
        out->v = (uint32_t)v;
        return 1;
    }
    if (c == 'N') {
        int r = tmatch(p, '{');
        if (r < 0) return -1;
        if (!r) return perr(p, 0, "missing {") ? 1 : -1;
        int64_t a, len;
        if (!getuntil(p, '}', "character name", &a, &len)) return -1;
        /* No name database in the sandbox: every name is unknown. */
        sp_Value nm = ptext(p, a, a + len);
        if (sp_iserr(nm)) return pending(p), -1;
        perr(p, len + 4, "undefined character name %R", nm);
        return -1;
    }
    return 0;
}

static bool class_escape(Parser *p, uint32_t c, int64_t start, Code *out) {
    uint32_t e = simple_escape(c, true);
    if (e) return out->kind = E_LIT, out->v = e, true;
    if (category(c) >= 0) return out->kind = E_CAT, out->v = (uint32_t)category(c), true;
    int r = num_escape(p, c, start, out);
    if (r) return r > 0;
    if (c >= '0' && c <= '7') {
        uint32_t v = c - '0';
        for (int k = 0; k < 2 && isoct(p->next); k++) {
            v = v * 8 + (p->next.c - '0');
            if (!tnext(p)) return false;
        }
        if (v > 0377) return octal_range(p, start);
        return out->kind = E_LIT, out->v = v, true;
    }
    if (c >= '8' && c <= '9') return bad_escape(p, start);
    if (isletter(c)) return bad_escape(p, start);
    out->kind = E_LIT;
    out->v = c;
    return true;
}

static bool escape(Parser *p, uint32_t c, int64_t start, Code *out) {
    int cat = category(c);
    if (cat >= 0) return out->kind = E_CAT, out->v = (uint32_t)cat, true;
    int at = c == 'A' ? AT_BEG_STR : c == 'Z' ? AT_END_STR : c == 'b' ? AT_BOUND
           : c == 'B' ? AT_NONBOUND : -1;
    if (at >= 0) return out->kind = E_AT, out->v = (uint32_t)at, true;
    uint32_t e = simple_escape(c, false);
    if (e) return out->kind = E_LIT, out->v = e, true;
    int r = num_escape(p, c, start, out);
    if (r) return r > 0;
    if (c == '0') {
        uint32_t v = 0;
        for (int k = 0; k < 2 && isoct(p->next); k++) {
            v = v * 8 + (p->next.c - '0');
            if (!tnext(p)) return false;
        }
        return out->kind = E_LIT, out->v = v, true;
    }
    if (c >= '1' && c <= '9') {
        uint32_t d1 = c - '0';
        int64_t group = d1;
        if (isdig(p->next)) {
            uint32_t d2 = p->next.c - '0';
            if (!tnext(p)) return false;
            group = d1 * 10 + d2;
            if (d1 < 8 && d2 < 8 && isoct(p->next)) {
                uint32_t v = d1 * 64 + d2 * 8 + (p->next.c - '0');
                if (!tnext(p)) return false;
                if (v > 0377) return octal_range(p, start);
                return out->kind = E_LIT, out->v = v, true;
            }
        }
        if (group <= p->groups) {
            if (!checkgroup(p, (int)group)) return perr(p, tell(p) - start, "cannot refer to an open group");
            if (!checklookbehindgroup(p, (int)group)) return false;
            return out->kind = E_REF, out->v = (uint32_t)group, true;
        }
        return perr(p, tell(p) - start - 1, "invalid group reference %d", (int)group);
    }
    if (isletter(c)) return bad_escape(p, start);
    out->kind = E_LIT;
    out->v = c;
    return true;
}

/* ---------------------------------------------------------------- sets */

static bool add_item(Parser *p, int kind, uint32_t lo, uint32_t hi) {
    if (!grow(p->vm, (void **)&p->items, &p->icap, p->ni + 1, sizeof(CItem))) return pending(p);
    p->items[p->ni].kind = (uint8_t)kind;
    p->items[p->ni].lo = lo;
    p->items[p->ni].hi = hi;
    p->ni++;
    return true;
}

static bool add_code(Parser *p, Code c) {
    return add_item(p, c.kind == E_CAT ? CI_CAT : CI_LIT, c.v, c.v);
}

/* "bad character range a-b" with the exact source text of both ends. */
static bool bad_range(Parser *p, int64_t a) {
    sp_Value t = ptext(p, a, tell(p));
    if (sp_iserr(t)) return pending(p);
    return perr(p, tell(p) - a, "bad character range %S", t);
}

/* Set item: a literal or escape token already read as `t` at `at`. */
static bool set_code(Parser *p, Tok t, int64_t at, Code *c) {
    if (t.len == 2) return class_escape(p, t.c, at, c);
    c->kind = E_LIT;
    c->v = t.c;
    return true;
}

/* A class node for the items from cl.start to the end of the table. */
static int32_t new_class(Parser *p, Cls cl) {
    cl.count = (int32_t)(p->ni - (size_t)cl.start);
    if (!grow(p->vm, (void **)&p->cls, &p->clscap, p->ncls + 1, sizeof(Cls))) return pending(p), -1;
    int32_t n = newnode(p, N_CLASS);
    if (n < 0) return -1;
    p->cls[p->ncls] = cl;
    p->nodes[n].a = (int32_t)p->ncls++;
    return n;
}

static int32_t parse_set(Parser *p) {
    int64_t here = tell(p) - 1;
    Cls cl = {(int32_t)p->ni, 0, false};
    int r = tmatch(p, '^');
    if (r < 0) return -1;
    cl.neg = r;
    for (;;) {
        int64_t at = tell(p);
        Tok t;
        if (!tget(p, &t)) return -1;
        if (t.len == 0) return perr(p, tell(p) - here, "unterminated character set"), -1;
        if (isch(t, ']') && p->ni > (size_t)cl.start) break;
        Code c1, c2;
        if (!set_code(p, t, at, &c1)) return -1;
        if ((r = tmatch(p, '-')) < 0) return -1;
        if (!r) {
            if (!add_code(p, c1)) return -1;
            continue;
        }
        int64_t at2 = tell(p);
        Tok t2;
        if (!tget(p, &t2)) return -1;
        if (t2.len == 0) return perr(p, tell(p) - here, "unterminated character set"), -1;
        if (isch(t2, ']')) {
            if (!add_code(p, c1) || !add_item(p, CI_LIT, '-', '-')) return -1;
            break;
        }
        if (!set_code(p, t2, at2, &c2)) return -1;
        if (c1.kind != E_LIT || c2.kind != E_LIT || c2.v < c1.v) return bad_range(p, at), -1;
        if (!add_item(p, CI_RANGE, c1.v, c2.v)) return -1;
    }
    return new_class(p, cl);
}

/* _parse_sub: alternatives that are all one character or a non-negated
 * set become one set (so `(?:a|b)*` repeats a one-character test). */
static int32_t alt_char(const Parser *p, int32_t k) {
    for (;;) {
        const Node *n = &p->nodes[k];
        if (n->op == N_CHAR || (n->op == N_CLASS && !p->cls[n->a].neg)) return k;
        if (n->op != N_CAT || n->kid < 0 || p->nodes[n->kid].next >= 0) return -1;
        k = n->kid;
    }
}

/* 1: *out is the set, 0: not applicable, -1: error. */
static int alt_to_class(Parser *p, int32_t head, int32_t *out) {
    for (int32_t k = head; k >= 0; k = p->nodes[k].next)
        if (alt_char(p, k) < 0) return 0;
    Cls cl = {(int32_t)p->ni, 0, false};
    for (int32_t k = head; k >= 0; k = p->nodes[k].next) {
        const Node *n = &p->nodes[alt_char(p, k)];
        if (n->op == N_CHAR) {
            if (!add_item(p, CI_LIT, (uint32_t)n->a, (uint32_t)n->a)) return -1;
            continue;
        }
        Cls src = p->cls[n->a];
        for (int32_t i = 0; i < src.count; i++) {
            CItem it = p->items[src.start + i]; /* a copy: add_item may move the table */
            if (!add_item(p, it.kind, it.lo, it.hi)) return -1;
        }
    }
    *out = new_class(p, cl);
    return *out < 0 ? -1 : 1;
}

/* ---------------------------------------------------------------- widths */

static int64_t wadd(int64_t a, int64_t b) { return a + b > MAXREP ? MAXREP : a + b; }
static int64_t wmul(int64_t a, int64_t b) {
    if (a == 0 || b == 0) return 0;
    return a > MAXREP / b ? MAXREP : (a * b > MAXREP ? MAXREP : a * b);
}

/* ---------------------------------------------------------------- groups */

static int64_t parse_sub(Parser *p, bool verbose, int nested, int32_t *out);

static bool opengroup(Parser *p, int64_t na, int64_t nlen, bool named, int *gid) {
    int g = p->groups + 1;
    if (g > SP_RE_MAX_GROUPS) return perr(p, named ? nlen + 1 : 0, "too many groups");
    if (named) {
        int og = lookup_name(p, na, nlen);
        if (og >= 0) {
            sp_Value nm = ptext(p, na, na + nlen);
            if (sp_iserr(nm)) return pending(p);
            return perr(p, nlen + 1, "redefinition of group name %R as group %d; was group %d", nm,
                        g, og);
        }
        if (!grow(p->vm, (void **)&p->names, &p->namecap, p->nnames + 1, sizeof(Name)))
            return pending(p);
        p->names[p->nnames++] = (Name){na, nlen, g};
    }
    if (!grow(p->vm, (void **)&p->gwlo, &p->gwcap, (size_t)g + 1, sizeof(int64_t)) ||
        !grow(p->vm, (void **)&p->gwhi, &p->gwhicap, (size_t)g + 1, sizeof(int64_t)))
        return pending(p);
    p->gwlo[g] = -1;
    p->gwhi[g] = 0;
    p->groups = g;
    *gid = g;
    return true;
}

/* _parse_flags: returns 1 for scoped flags (add and del set), 0 for global
 * flags (merged into p->flags), -1 on error. */
static int flagbit(uint32_t c) {
    switch (c) {
    case 'i': return SP_RE_I;
    case 'L': return SP_RE_L;
    case 'm': return SP_RE_M;
    case 's': return SP_RE_S;
    case 'x': return SP_RE_X;
    case 'a': return SP_RE_A;
    case 't': return SP_RE_T;
    case 'u': return SP_RE_U;
    }
    return 0;
}
#define TYPE_FLAGS (SP_RE_A | SP_RE_L | SP_RE_U)

static bool flag_err(Parser *p, Tok c, const char *alt) {
    bool alpha = c.len == 1 && (isletter(c.c) || (c.c >= 128 && sp_uni_has(c.c, SP_U_ALPHA)));
    return perr(p, c.len, "%s", alpha ? "unknown flag" : alt);
}

static int parse_flags(Parser *p, Tok c, int *add, int *del) {
    *add = *del = 0;
    if (!isch(c, '-')) {
        for (;;) {
            int f = flagbit(c.c);
            if (c.c == 'L' && !p->bytes)
                return perr(p, 0, "bad inline flags: cannot use 'L' flag with a str pattern"), -1;
            if (c.c == 'u' && p->bytes)
                return perr(p, 0, "bad inline flags: cannot use 'u' flag with a bytes pattern"), -1;
            *add |= f;
            if ((f & TYPE_FLAGS) && (*add & TYPE_FLAGS) != f)
                return perr(p, 0, "bad inline flags: flags 'a', 'u' and 'L' are incompatible"), -1;
            if (!tget(p, &c)) return -1;
            if (c.len == 0) return perr(p, 0, "missing -, : or )"), -1;
            if (isch(c, ')') || isch(c, '-') || isch(c, ':')) break;
            if (c.len != 1 || !flagbit(c.c)) return flag_err(p, c, "missing -, : or )"), -1;
        }
    }
    if (isch(c, ')')) {
        p->flags |= *add;
        return 0;
    }
    if (*add & SP_RE_T) return perr(p, 1, "bad inline flags: cannot turn on global flag"), -1;
    if (isch(c, '-')) {
        if (!tget(p, &c)) return -1;
        if (c.len == 0) return perr(p, 0, "missing flag"), -1;
        if (c.len != 1 || !flagbit(c.c)) return flag_err(p, c, "missing flag"), -1;
        for (;;) {
            int f = flagbit(c.c);
            if (f & TYPE_FLAGS)
                return perr(p, 0, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'"), -1;
            *del |= f;
            if (!tget(p, &c)) return -1;
            if (c.len == 0) return perr(p, 0, "missing :"), -1;
            if (isch(c, ':')) break;
            if (c.len != 1 || !flagbit(c.c)) return flag_err(p, c, "missing :"), -1;
        }
    }
    if (*del & SP_RE_T) return perr(p, 1, "bad inline flags: cannot turn off global flag"), -1;
    if (*add & *del) return perr(p, 1, "bad inline flags: flag turned on and off"), -1;
    return 1;
}

/* Appends item to the list headed by *head / *tail (node indexes). */
static void append(Parser *p, int32_t *head, int32_t *tail, int32_t n) {
    if (*tail < 0) *head = n;
    else p->nodes[*tail].next = n;
    *tail = n;
}

static int32_t wrap(Parser *p, int op, int32_t kid) {
    int32_t n = newnode(p, op);
    if (n < 0) return -1;
    p->nodes[n].kid = kid;
    if (kid >= 0 && op != N_LOOK) {
        p->nodes[n].lo = p->nodes[kid].lo;
        p->nodes[n].hi = p->nodes[kid].hi;
    }
    return n;
}

static bool close_paren(Parser *p, int64_t start) {
    int r = tmatch(p, ')');
    if (r < 0) return false;
    if (!r) return perr(p, tell(p) - start, "missing ), unterminated subpattern");
    return true;
}

static int32_t parse_seq(Parser *p, bool verbose, int nested, bool first);

/* (?(cond)yes|no) after "(?(" */
static int32_t parse_cond(Parser *p, bool verbose, int nested, int64_t start) {
    int64_t a, len;
    if (!getuntil(p, ')', "group name", &a, &len)) return -1;
    int g;
    if (isident(p->s + a, len)) {
        g = lookup_name(p, a, len);
        if (g < 0) {
            sp_Value nm = ptext(p, a, a + len);
            if (sp_iserr(nm)) return pending(p), -1;
            return perr(p, len + 1, "unknown group name %R", nm), -1;
        }
    } else {
        int64_t v = 0;
        bool ok = len > 0 && len < 10;
        for (int64_t i = 0; ok && i < len; i++) {
            ok = p->s[a + i] >= '0' && p->s[a + i] <= '9';
            v = v * 10 + (p->s[a + i] - '0');
        }
        if (!ok) {
            sp_Value nm = ptext(p, a, a + len);
            if (sp_iserr(nm)) return pending(p), -1;
            return perr(p, len + 1, "bad character in group name %R", nm), -1;
        }
        if (!v) return perr(p, len + 1, "bad group number"), -1;
        if (v > SP_RE_MAX_GROUPS) return perr(p, len + 1, "invalid group reference %d", (int)v), -1;
        g = (int)v;
        if (!grow(p->vm, (void **)&p->refpos, &p->refcap, p->nref + 2, sizeof(int64_t)))
            return pending(p), -1;
        p->refpos[p->nref++] = g;
        p->refpos[p->nref++] = tell(p) - len - 1;
    }
    if (!checklookbehindgroup(p, g)) return -1;
    int32_t yes = parse_seq(p, verbose, nested + 1, false), no = -1;
    if (yes < 0) return -1;
    int r = tmatch(p, '|');
    if (r < 0) return -1;
    if (r) {
        if ((no = parse_seq(p, verbose, nested + 1, false)) < 0) return -1;
        if (isch(p->next, '|')) return perr(p, 0, "conditional backref with more than two branches"), -1;
    }
    if (!close_paren(p, start)) return -1;
    int32_t n = newnode(p, N_COND);
    if (n < 0) return -1;
    Node *nd = &p->nodes[n];
    nd->a = g;
    nd->kid = yes;
    nd->alt2 = no;
    nd->lo = no < 0 ? 0 : (p->nodes[yes].lo < p->nodes[no].lo ? p->nodes[yes].lo : p->nodes[no].lo);
    nd->hi = p->nodes[yes].hi;
    if (no >= 0 && p->nodes[no].hi > nd->hi) nd->hi = p->nodes[no].hi;
    return n;
}

/* A lookaround after "(?=", "(?!", "(?<=" or "(?<!". */
static int32_t parse_look(Parser *p, bool verbose, int nested, int64_t start, bool behind, bool neg) {
    int saved = p->lookbehindgroups;
    if (behind && saved < 0) p->lookbehindgroups = p->groups + 1;
    int32_t body;
    if (parse_sub(p, verbose, nested + 1, &body) < 0) return -1;
    if (behind && saved < 0) p->lookbehindgroups = -1;
    if (!close_paren(p, start)) return -1;
    int32_t n = wrap(p, N_LOOK, body);
    if (n < 0) return -1;
    p->nodes[n].a = behind;
    p->nodes[n].b = neg;
    return n;
}

/* What follows "(": returns the node, -2 for "nothing to add" (comments,
 * global flags, named backreference handled inline), -1 on error. */
static int32_t parse_group(Parser *p, bool *verbose, int nested, bool first, bool empty_so_far) {
    int64_t start = tell(p) - 1;
    bool capture = true, atomic = false, named = false;
    int64_t na = 0, nlen = 0;
    int add = 0, del = 0;
    int r = tmatch(p, '?');
    if (r < 0) return -1;
    if (r) {
        Tok c;
        if (!tget(p, &c)) return -1;
        if (c.len == 0) return perr(p, 0, "unexpected end of pattern"), -1;
        if (isch(c, 'P')) {
            if ((r = tmatch(p, '<')) < 0) return -1;
            if (r) {
                if (!getuntil(p, '>', "group name", &na, &nlen) || !checkgroupname(p, na, nlen, 1))
                    return -1;
                named = true;
            } else if ((r = tmatch(p, '=')) != 0) {
                if (r < 0 || !getuntil(p, ')', "group name", &na, &nlen) ||
                    !checkgroupname(p, na, nlen, 1))
                    return -1;
                int g = lookup_name(p, na, nlen);
                if (g < 0) {
                    sp_Value nm = ptext(p, na, na + nlen);
                    if (sp_iserr(nm)) return pending(p), -1;
                    return perr(p, nlen + 1, "unknown group name %R", nm), -1;
                }
                if (!checkgroup(p, g)) return perr(p, nlen + 1, "cannot refer to an open group"), -1;
                if (!checklookbehindgroup(p, g)) return -1;
                int32_t n = newnode(p, N_BREF);
                if (n < 0) return -1;
                p->nodes[n].a = g;
                p->nodes[n].lo = p->gwlo[g];
                p->nodes[n].hi = p->gwhi[g];
                return n;
            } else {
                if (!tget(p, &c)) return -1;
                if (c.len == 0) return perr(p, 0, "unexpected end of pattern"), -1;
                sp_Value t = ptext(p, tell(p) - c.len, tell(p));
                if (sp_iserr(t)) return pending(p), -1;
                return perr(p, c.len + 2, "unknown extension ?P%S", t), -1;
            }
        } else if (isch(c, ':')) {
            capture = false;
        } else if (isch(c, '#')) {
            for (;;) {
                if (p->next.len == 0)
                    return perr(p, tell(p) - start, "missing ), unterminated comment"), -1;
                Tok t;
                if (!tget(p, &t)) return -1;
                if (isch(t, ')')) return -2;
            }
        } else if (isch(c, '=') || isch(c, '!')) {
            return parse_look(p, *verbose, nested, start, false, c.c == '!');
        } else if (isch(c, '<')) {
            if (!tget(p, &c)) return -1;
            if (c.len == 0) return perr(p, 0, "unexpected end of pattern"), -1;
            if (!isch(c, '=') && !isch(c, '!')) {
                sp_Value t = ptext(p, tell(p) - c.len, tell(p));
                if (sp_iserr(t)) return pending(p), -1;
                return perr(p, c.len + 2, "unknown extension ?<%S", t), -1;
            }
            return parse_look(p, *verbose, nested, start, true, c.c == '!');
        } else if (isch(c, '(')) {
            return parse_cond(p, *verbose, nested, start);
        } else if (isch(c, '>')) {
            capture = false;
            atomic = true;
        } else if ((c.len == 1 && flagbit(c.c)) || isch(c, '-')) {
            r = parse_flags(p, c, &add, &del);
            if (r < 0) return -1;
            if (r == 0) {
                if (!first || !empty_so_far)
                    return perr(p, tell(p) - start, "global flags not at the start of the expression"), -1;
                *verbose = (p->flags & SP_RE_X) != 0;
                return -2;
            }
            capture = false;
        } else {
            sp_Value t = ptext(p, tell(p) - c.len, tell(p));
            if (sp_iserr(t)) return pending(p), -1;
            return perr(p, c.len + 1, "unknown extension ?%S", t), -1;
        }
    }
    int gid = -1;
    if (capture && !opengroup(p, na, nlen, named, &gid)) return -1;
    bool sub_verbose = (*verbose || (add & SP_RE_X)) && !(del & SP_RE_X);
    int32_t body;
    if (parse_sub(p, sub_verbose, nested + 1, &body) < 0 || !close_paren(p, start)) return -1;
    if (gid > 0) {
        p->gwlo[gid] = p->nodes[body].lo;
        p->gwhi[gid] = p->nodes[body].hi;
    }
    int32_t n = wrap(p, atomic ? N_ATOMIC : N_GROUP, body);
    if (n < 0) return -1;
    p->nodes[n].a = gid;
    p->nodes[n].b = add | (del << 16);
    return n;
}

/* A quantifier token `t` at `here` applies to the last item. 1 applied,
 * 0 it was a literal '{', -1 error. */
static int parse_repeat(Parser *p, Tok t, int64_t here, int32_t *last) {
    int64_t min = 0, max = MAXREP;
    if (t.c == '?') max = 1;
    else if (t.c == '+') min = 1;
    else if (t.c == '{') {
        if (isch(p->next, '}')) return 0;
        int64_t lo = -1, hi = -1;
        bool big = false;
        while (isdig(p->next)) {
            lo = (lo < 0 ? 0 : lo) * 10 + (p->next.c - '0');
            if (lo >= MAXREP) big = true, lo = MAXREP;
            if (!tnext(p)) return -1;
        }
        int r = tmatch(p, ',');
        if (r < 0) return -1;
        if (r) {
            while (isdig(p->next)) {
                hi = (hi < 0 ? 0 : hi) * 10 + (p->next.c - '0');
                if (hi >= MAXREP) big = true, hi = MAXREP;
                if (!tnext(p)) return -1;
            }
        } else hi = lo;
        if ((r = tmatch(p, '}')) <= 0) {
            if (r < 0) return -1;
            p->index = here;
            if (!tnext(p)) return -1;
            return 0;
        }
        if (big) return set_err(p->err, SP_REERR_OVERFLOW, -1,
                                sp_str_cstr(p->vm, "the repetition number is too large")), -1;
        if (lo >= 0) min = lo;
        if (hi >= 0) {
            max = hi;
            if (max < min) return perr(p, tell(p) - here, "min repeat greater than max repeat"), -1;
        }
    }
    int64_t off = tell(p) - here + 1;
    Node *it = *last >= 0 ? &p->nodes[*last] : NULL;
    if (!it || it->op == N_AT) return perr(p, off, "nothing to repeat"), -1;
    if (it->op == N_REPEAT) return perr(p, off, "multiple repeat"), -1;
    int greedy = G_GREEDY, r;
    if ((r = tmatch(p, '?')) < 0) return -1;
    if (r) greedy = G_LAZY;
    else {
        if ((r = tmatch(p, '+')) < 0) return -1;
        if (r) greedy = G_POSSESSIVE;
    }
    int32_t n = newnode(p, N_REPEAT);
    if (n < 0) return -1;
    Node *nd = &p->nodes[n], *kid = &p->nodes[*last];
    nd->min = min;
    nd->max = max;
    nd->greedy = (uint8_t)greedy;
    nd->kid = *last;
    nd->next = kid->next;
    kid->next = -1;
    nd->lo = wmul(kid->lo, min);
    nd->hi = wmul(kid->hi, max);
    *last = n;
    return 1;
}

static bool is_special(uint32_t c) { return c < 128 && strchr(".\\[{()*+?^$|", (int)c) && c; }

/* _parse: a sequence up to '|' or ')'.  Returns an N_CAT node. */
static int32_t parse_seq(Parser *p, bool verbose, int nested, bool first) {
    if (!SP_ENTER(p->vm)) return pending(p), -1;
    int32_t head = -1, tail = -1, prev = -1, res = -1;
    int64_t lo = 0, hi = 0;
    for (;;) {
        Tok t = p->next;
        if (t.len == 0 || isch(t, '|') || isch(t, ')')) break;
        int64_t at = tell(p);
        if (!tnext(p)) goto out;
        if (verbose && t.len == 1) {
            if (t.c == ' ' || (t.c >= 9 && t.c <= 13)) continue;
            if (t.c == '#') {
                for (;;) {
                    Tok u;
                    if (!tget(p, &u)) goto out;
                    if (u.len == 0 || isch(u, '\n')) break;
                }
                continue;
            }
        }
        int32_t n = -1;
        if (t.len == 2) {
            Code c;
            if (!escape(p, t.c, at, &c)) goto out;
            int op = c.kind == E_LIT ? N_CHAR : c.kind == E_AT ? N_AT : c.kind == E_REF ? N_BREF : N_CLASS;
            if (c.kind == E_CAT) {
                if (!add_item(p, CI_CAT, c.v, c.v) ||
                    !grow(p->vm, (void **)&p->cls, &p->clscap, p->ncls + 1, sizeof(Cls)))
                    goto out;
                p->cls[p->ncls++] = (Cls){(int32_t)p->ni - 1, 1, false};
                c.v = (uint32_t)p->ncls - 1;
            }
            if ((n = newnode(p, op)) < 0) goto out;
            p->nodes[n].a = (int32_t)c.v;
            if (c.kind == E_REF) {
                p->nodes[n].lo = p->gwlo[c.v];
                p->nodes[n].hi = p->gwhi[c.v];
            }
        } else if (!is_special(t.c)) {
            if ((n = newnode(p, N_CHAR)) < 0) goto out;
            p->nodes[n].a = (int32_t)t.c;
        } else if (t.c == '[') {
            if ((n = parse_set(p)) < 0) goto out;
        } else if (t.c == '*' || t.c == '+' || t.c == '?' || t.c == '{') {
            int r = parse_repeat(p, t, at + 1, &tail);
            if (r < 0) goto out;
            if (r > 0) {
                if (prev < 0) head = tail;
                else p->nodes[prev].next = tail;
                continue;
            }
            if ((n = newnode(p, N_CHAR)) < 0) goto out;
            p->nodes[n].a = '{';
        } else if (t.c == '.') {
            if ((n = newnode(p, N_ANY)) < 0) goto out;
        } else if (t.c == '(') {
            n = parse_group(p, &verbose, nested, first, head < 0);
            if (n == -1) goto out;
            if (n == -2) continue;
        } else { /* ^ $ */
            if ((n = newnode(p, N_AT)) < 0) goto out;
            p->nodes[n].a = t.c == '^' ? AT_BEG : AT_END;
        }
        prev = tail;
        append(p, &head, &tail, n);
    }
    if ((res = newnode(p, N_CAT)) < 0) goto out;
    for (int32_t k = head; k >= 0; k = p->nodes[k].next) {
        lo = wadd(lo, p->nodes[k].lo);
        hi = wadd(hi, p->nodes[k].hi);
    }
    p->nodes[res].kid = head;
    p->nodes[res].lo = lo;
    p->nodes[res].hi = hi;
out:
    SP_LEAVE(p->vm);
    return res;
}

/* _parse_sub: alternatives.  Returns 0 / -1, the node in *out. */
static int64_t parse_sub(Parser *p, bool verbose, int nested, int32_t *out) {
    int32_t head = -1, tail = -1;
    int count = 0;
    for (;;) {
        int32_t s = parse_seq(p, verbose, nested + 1, !nested && count == 0);
        if (s < 0) return -1;
        append(p, &head, &tail, s);
        count++;
        int r = tmatch(p, '|');
        if (r < 0) return -1;
        if (!r) break;
        if (!nested) verbose = (p->flags & SP_RE_X) != 0;
    }
    if (count == 1) {
        *out = head;
        return 0;
    }
    int set = alt_to_class(p, head, out);
    if (set) return set < 0 ? -1 : 0;
    int32_t n = newnode(p, N_ALT);
    if (n < 0) return -1;
    int64_t lo = MAXREP - 1, hi = 0;
    for (int32_t k = head; k >= 0; k = p->nodes[k].next) {
        if (p->nodes[k].lo < lo) lo = p->nodes[k].lo;
        if (p->nodes[k].hi > hi) hi = p->nodes[k].hi;
    }
    p->nodes[n].kid = head;
    p->nodes[n].lo = lo;
    p->nodes[n].hi = hi;
    *out = n;
    return 0;
}

/* ================================================================ compiler */

typedef struct Comp {
    sp_VM *vm;
    sp_ReError *err;
    Parser *p;
    Inst *code;
    size_t n, cap;
    Chain *chains;
    size_t nchains, chcap;
    Rep *reps;
    size_t nreps, repcap;
    int32_t chain;
    int nregs;
    bool backtrack;
} Comp;

static int32_t emit(Comp *c, int op, int fl, int32_t x, int32_t y) {
    if (c->n >= SP_RE_MAX_PROG) {
        set_err(c->err, SP_REERR_OVERFLOW, -1,
                sp_str_cstr(c->vm, "regular expression code size limit exceeded"));
        return -1;
    }
    if (!grow(c->vm, (void **)&c->code, &c->cap, c->n + 1, sizeof(Inst))) {
        c->err->kind = SP_REERR_PENDING;
        return -1;
    }
    c->code[c->n] = (Inst){(uint8_t)op, (uint8_t)fl, x, y, c->chain};
    return (int32_t)c->n++;
}

static int combine_flags(int flags, int add, int del) {
    if (add & TYPE_FLAGS) flags &= ~TYPE_FLAGS;
    return (flags | add) & ~del;
}

static int cfl(int flags) {
    return ((flags & SP_RE_I) ? F_ICASE : 0) | ((flags & SP_RE_A) ? F_ASCII : 0) |
           ((flags & SP_RE_M) ? F_MULTI : 0);
}

static bool comp_node(Comp *c, int32_t nd, int flags);

static bool comp_list(Comp *c, int32_t k, int flags) {
    for (; k >= 0; k = c->p->nodes[k].next)
        if (!comp_node(c, k, flags)) return false;
    return true;
}

static bool comp_alt(Comp *c, int32_t k, int flags) {
    int32_t fix = -1; /* chain of JMPs to patch to the end, through y */
    for (; k >= 0; k = c->p->nodes[k].next) {
        int32_t split = -1;
        if (c->p->nodes[k].next >= 0 && (split = emit(c, I_SPLIT, 0, 0, 0)) < 0) return false;
        if (split >= 0) c->code[split].x = (int32_t)c->n;
        if (!comp_node(c, k, flags)) return false;
        if (split >= 0) {
            int32_t j = emit(c, I_JMP, 0, 0, fix);
            if (j < 0) return false;
            fix = j;
            c->code[split].y = (int32_t)c->n;
        }
    }
    while (fix >= 0) {
        int32_t nx = c->code[fix].y;
        c->code[fix].x = (int32_t)c->n;
        c->code[fix].y = 0;
        fix = nx;
    }
    return true;
}

/* One optional iteration or loop body; nullable bodies record where the
 * iteration began so an empty iteration goes on to the tail (sre's
 * "zero-width match protection").  *chk gets the LCHK to patch, or -1. */
static bool comp_iter(Comp *c, Node *n, int flags, int32_t *chk) {
    Node *kid = &c->p->nodes[n->kid];
    *chk = -1;
    if (kid->lo > 0) return comp_node(c, n->kid, flags);
    int reg = c->nregs++;
    if (!grow(c->vm, (void **)&c->chains, &c->chcap, c->nchains + 1, sizeof(Chain))) {
        c->err->kind = SP_REERR_PENDING;
        return false;
    }
    c->chains[c->nchains] = (Chain){reg, c->chain};
    int32_t saved = c->chain;
    if (emit(c, I_LSET, 0, reg, 0) < 0) return false;
    c->chain = (int32_t)c->nchains++;
    bool ok = comp_node(c, n->kid, flags) && (*chk = emit(c, I_LCHK, 0, reg, 0)) >= 0;
    c->chain = saved;
    return ok;
}

/* The one-character test a repeat's body comes down to (through
 * non-capturing groups without flags and one-item sequences, as sre's
 * _simple), or -1. */
static int32_t one_char(const Parser *p, int32_t k) {
    for (;;) {
        const Node *n = &p->nodes[k];
        if (n->op == N_CHAR || n->op == N_ANY || n->op == N_CLASS) return k;
        if (n->op == N_GROUP && n->a < 0 && n->b == 0) k = n->kid;
        else if (n->op == N_CAT && n->kid >= 0 && p->nodes[n->kid].next < 0) k = n->kid;
        else return -1;
    }
}

/* A repeat of one character test becomes I_REP1 + the test. */
static bool comp_rep1(Comp *c, Node *n, int32_t test, int flags) {
    if (!grow(c->vm, (void **)&c->reps, &c->repcap, c->nreps + 1, sizeof(Rep))) {
        c->err->kind = SP_REERR_PENDING;
        return false;
    }
    c->reps[c->nreps] = (Rep){n->min, n->max, n->greedy != G_LAZY};
    return emit(c, I_REP1, 0, (int32_t)c->nreps++, 0) >= 0 && comp_node(c, test, flags);
}

/* x{min,max} as copies of the body and SPLIT loops. */
static bool comp_loops(Comp *c, int32_t nd, int flags) {
    Node *n = &c->p->nodes[nd];
    int64_t min = n->min, max = n->max;
    bool greedy = n->greedy != G_LAZY;
    int32_t chk;
    for (int64_t i = 0; i < min; i++)
        if (!comp_node(c, c->p->nodes[nd].kid, flags)) return false;
    if (max == MAXREP) {
        int32_t loop = emit(c, I_SPLIT, 0, 0, 0);
        if (loop < 0 || !comp_iter(c, &c->p->nodes[nd], flags, &chk) || emit(c, I_JMP, 0, loop, 0) < 0)
            return false;
        int32_t body = loop + 1, exit = (int32_t)c->n;
        c->code[loop].x = greedy ? body : exit;
        c->code[loop].y = greedy ? exit : body;
        if (chk >= 0) c->code[chk].y = exit;
        return true;
    }
    /* x{m,n}: nested optional copies; the SPLITs and LCHKs to patch
     * with the common exit are chained through y (-1 ends). */
    int32_t splits = -1, chks = -1;
    for (int64_t i = min; i < max; i++) {
        int32_t s = emit(c, I_SPLIT, 0, 0, splits);
        if (s < 0 || !comp_iter(c, &c->p->nodes[nd], flags, &chk)) return false;
        splits = s;
        if (chk >= 0) c->code[chk].y = chks, chks = chk;
    }
    int32_t exit = (int32_t)c->n;
    while (splits >= 0) {
        Inst *in = &c->code[splits];
        splits = in->y;
        in->x = greedy ? (int32_t)(in - c->code) + 1 : exit;
        in->y = greedy ? exit : (int32_t)(in - c->code) + 1;
    }
    while (chks >= 0) {
        Inst *in = &c->code[chks];
        chks = in->y;
        in->y = exit;
    }
    return true;
}

static bool comp_repeat(Comp *c, int32_t nd, int flags) {
    Node *n = &c->p->nodes[nd];
    int32_t look = -1, test = one_char(c->p, n->kid);
    if (n->greedy == G_POSSESSIVE && (look = emit(c, I_LOOK, L_ATOMIC, 0, 0)) < 0) return false;
    bool ok = test >= 0 ? comp_rep1(c, &c->p->nodes[nd], test, flags) : comp_loops(c, nd, flags);
    if (!ok) return false;
    if (look >= 0) {
        if (emit(c, I_LOOKEND, 0, 0, 0) < 0) return false;
        c->code[look].x = (int32_t)c->n;
    }
    return true;
}

static bool comp_look(Comp *c, Node *n, int flags) {
    int fl = n->op == N_ATOMIC ? L_ATOMIC : (n->a ? L_BEHIND : 0) | (n->b ? L_NEG : 0);
    int32_t width = 0;
    if (n->op == N_LOOK && n->a) {
        Node *kid = &c->p->nodes[n->kid];
        if (kid->lo != kid->hi)
            return set_err(c->err, SP_REERR_RE, -1,
                           sp_str_cstr(c->vm, "look-behind requires fixed-width pattern"));
        if (kid->lo > INT32_MAX)
            return set_err(c->err, SP_REERR_OVERFLOW, -1,
                           sp_str_cstr(c->vm, "regular expression code size limit exceeded"));
        width = (int32_t)kid->lo;
    }
    int32_t kid = n->kid;
    int32_t at = emit(c, I_LOOK, fl, 0, width);
    if (at < 0 || !comp_node(c, kid, flags) || emit(c, I_LOOKEND, 0, 0, 0) < 0) return false;
    c->code[at].x = (int32_t)c->n;
    return true;
}

static bool comp_char(Comp *c, uint32_t ch, int flags) {
    bool ascii = (flags & SP_RE_A) != 0;
    if ((flags & SP_RE_I) && iscased(ch, ascii))
        return emit(c, I_CHARI, ascii ? F_ASCII : 0, (int32_t)fold(ch, ascii), 0) >= 0;
    return emit(c, I_CHAR, 0, (int32_t)ch, 0) >= 0;
}

static bool comp_node2(Comp *c, int32_t nd, int flags) {
    Node *n = &c->p->nodes[nd];
    switch (n->op) {
    case N_CHAR: return comp_char(c, (uint32_t)n->a, flags);
    case N_ANY: return emit(c, (flags & SP_RE_S) ? I_ANYALL : I_ANY, 0, 0, 0) >= 0;
    case N_CLASS: return emit(c, I_CLASS, cfl(flags), n->a, 0) >= 0;
    case N_CAT: return comp_list(c, n->kid, flags);
    case N_ALT: return comp_alt(c, n->kid, flags);
    case N_GROUP: {
        int32_t g = n->a, kid = n->kid;
        int f = combine_flags(flags, n->b & 0xffff, n->b >> 16);
        if (g < 0) return comp_node(c, kid, f);
        return emit(c, I_SAVE, 0, 2 * g, 0) >= 0 && comp_node(c, kid, f) &&
               emit(c, I_SAVE, 0, 2 * g + 1, 0) >= 0;
    }
    case N_REPEAT: return comp_repeat(c, nd, flags);
    case N_LOOK:
    case N_ATOMIC: return comp_look(c, n, flags);
    case N_BREF:
        c->backtrack = true;
        return emit(c, I_BREF, cfl(flags), n->a, 0) >= 0;
    case N_AT: {
        int kind = n->a, fl = cfl(flags);
        return emit(c, I_AT, fl, kind, 0) >= 0;
    }
    case N_COND: {
        c->backtrack = true;
        int32_t g = n->a, yes = n->kid, no = n->alt2;
        int32_t at = emit(c, I_COND, 0, g, 0);
        if (at < 0 || !comp_node(c, yes, flags)) return false;
        int32_t j = emit(c, I_JMP, 0, 0, 0);
        if (j < 0) return false;
        c->code[at].y = (int32_t)c->n;
        if (no >= 0 && !comp_node(c, no, flags)) return false;
        c->code[j].x = (int32_t)c->n;
        return true;
    }
    }
    return true;
}

static bool comp_node(Comp *c, int32_t nd, int flags) {
    if (!SP_ENTER(c->vm)) {
        c->err->kind = SP_REERR_PENDING;
        return false;
    }
    bool ok = comp_node2(c, nd, flags);
    SP_LEAVE(c->vm);
    return ok;
}

/* ================================================================ compile */

static void parser_free(Parser *p) {
    sp_VM *vm = p->vm;
    sp_free(vm, p->nodes, p->ncap * sizeof(Node));
    sp_free(vm, p->gwlo, p->gwcap * sizeof(int64_t));
    sp_free(vm, p->gwhi, p->gwhicap * sizeof(int64_t));
    sp_free(vm, p->refpos, p->refcap * sizeof(int64_t));
}

void sp_re_free(sp_VM *vm, sp_Regex *re) {
    if (!re) return;
    sp_free(vm, re->code, re->codecap * sizeof(Inst));
    sp_free(vm, re->items, re->itemcap * sizeof(CItem));
    sp_free(vm, re->cls, re->clscap * sizeof(Cls));
    sp_free(vm, re->chains, re->chaincap * sizeof(Chain));
    sp_free(vm, re->reps, re->repcap * sizeof(Rep));
    if (re->mbase) sp_free(vm, re->mbase, re->codecap * sizeof(int32_t));
    sp_free(vm, re->names, re->namecap * sizeof(Name));
    sp_free(vm, re->namebuf, re->namebytes);
    sp_free(vm, re->pat, (re->npat ? re->npat : 1) * sizeof(uint32_t));
    sp_free(vm, re, sizeof *re);
}

/* Decode the UTF-8 pattern (bytes patterns: a character per byte). */
static uint32_t *decode(sp_VM *vm, const char *s, size_t n, bool raw, size_t *count) {
    size_t k = 0, bytes;
    for (size_t i = 0; i < n; i++) k += raw || ((uint8_t)s[i] & 0xC0) != 0x80;
    if (!sp_size_mul(vm, k ? k : 1, sizeof(uint32_t), &bytes)) return NULL;
    uint32_t *u = sp_malloc(vm, bytes);
    if (!u) return NULL;
    for (size_t i = 0, j = 0; i < n; j++) u[j] = raw ? (uint8_t)s[i++] : sp_utf8_next(s, &i);
    *count = k;
    return u;
}

/* Memo slots: one per join point and enclosing nullable-loop depth. */
static bool plan_memo(sp_VM *vm, sp_Regex *re, sp_ReError *err) {
    size_t bytes;
    if (!sp_size_mul(vm, re->codecap, sizeof(int32_t), &bytes)) return false;
    int32_t *mb = sp_malloc(vm, bytes);
    if (!mb) return false;
    re->mbase = mb;
    for (size_t i = 0; i < re->ncode; i++) mb[i] = -1;
    mb[0] = 0;
    for (size_t i = 0; i < re->ncode; i++) {
        Inst *in = &re->code[i];
        if (in->op == I_SPLIT) mb[in->x] = mb[in->y] = 0;
        else if (in->op == I_JMP || in->op == I_LOOK) mb[in->x] = 0;
        else if (in->op == I_LCHK || in->op == I_COND) mb[in->y] = 0;
        else if (in->op == I_REP1) mb[i + 2] = 0;
    }
    int64_t s = 0;
    for (size_t i = 0; i < re->ncode; i++) {
        if (mb[i] < 0) continue;
        mb[i] = (int32_t)s;
        s += 1;
        for (int32_t ch = re->code[i].chain; ch >= 0; ch = re->chains[ch].parent) s++;
        re->nmemo = s;
        if (s >= (1 << 23)) {
            set_err(err, SP_REERR_OVERFLOW, -1,
                    sp_str_cstr(vm, "regular expression code size limit exceeded"));
            return false;
        }
    }
    return true;
}

static bool copy_names(sp_VM *vm, sp_Regex *re) {
    sp_Buf b;
    sp_buf_init(vm, &b);
    for (size_t i = 0; i < re->nnames; i++)
        for (int64_t k = 0; k < re->names[i].len; k++)
            if (!sp_buf_addcp(&b, re->pat[re->names[i].start + k])) {
                sp_buf_free(&b);
                return false;
            }
    re->namebuf = sp_malloc(vm, b.n + 1);
    if (re->namebuf) {
        re->namebytes = b.n + 1;
        if (b.n) memcpy(re->namebuf, b.p, b.n);
    }
    sp_buf_free(&b);
    return re->namebuf != NULL;
}

bool sp_re_name(const sp_Regex *re, size_t i, const char **name, size_t *len, int *group) {
    if (i >= re->nnames) return false;
    size_t off = 0;
    for (size_t k = 0; k < i; k++)
        for (int64_t j = 0; j < re->names[k].len; j++) off += sp_utf8_len(re->pat[re->names[k].start + j]);
    size_t l = 0;
    for (int64_t j = 0; j < re->names[i].len; j++) l += sp_utf8_len(re->pat[re->names[i].start + j]);
    *name = re->namebuf + off;
    *len = l;
    *group = re->names[i].group;
    return true;
}

static bool parse_all(Parser *p, int flags, int32_t *root) {
    p->flags = flags;
    if (!tnext(p) || parse_sub(p, (flags & SP_RE_X) != 0, 0, root) < 0) return false;
    int f = p->flags;
    const char *bad = NULL;
    if (p->bytes) { /* _parser.fix_flags */
        if (f & SP_RE_U) bad = "cannot use UNICODE flag with a bytes pattern";
        else if ((f & SP_RE_L) && (f & SP_RE_A)) bad = "ASCII and LOCALE flags are incompatible";
    } else if (f & SP_RE_L) bad = "cannot use LOCALE flag with a str pattern";
    else if (!(f & SP_RE_A)) f |= SP_RE_U;
    else if (f & SP_RE_U) bad = "ASCII and UNICODE flags are incompatible";
    if (bad) return set_err(p->err, SP_REERR_VALUE, -1, sp_str_cstr(p->vm, bad));
    p->flags = f;
    if (p->next.len) return perr(p, 0, "unbalanced parenthesis");
    for (size_t i = 0; i < p->nref; i += 2)
        if (p->refpos[i] > p->groups)
            return set_err(p->err, SP_REERR_RE, p->refpos[i + 1],
                           sp_fmt(p->vm, "invalid group reference %d", (int)p->refpos[i]));
    return true;
}

sp_Regex *sp_re_compile(sp_VM *vm, const char *pat, size_t n, int flags, sp_ReError *err) {
    memset(err, 0, sizeof *err);
    err->pos = -1;
    err->msg = SP_NULLV;
    sp_Regex *re = sp_calloc(vm, sizeof *re);
    if (!re) return err->kind = SP_REERR_PENDING, NULL;
    bool raw = (flags & SP_RE_BYTES) != 0;
    flags &= ~SP_RE_BYTES;
    re->pat = decode(vm, pat, n, raw, &re->npat);
    if (!re->pat) {
        sp_free(vm, re, sizeof *re);
        return err->kind = SP_REERR_PENDING, NULL;
    }
    Parser p = {0};
    p.vm = vm;
    p.err = err;
    p.s = re->pat;
    p.n = (int64_t)re->npat;
    p.lookbehindgroups = -1;
    p.bytes = raw;
    Comp c = {0};
    c.vm = vm;
    c.err = err;
    c.p = &p;
    c.chain = -1;
    int32_t root;
    bool ok = parse_all(&p, flags, &root);
    if (ok) {
        re->flags = p.flags;
        re->groups = p.groups;
        ok = emit(&c, I_SAVE, 0, 0, 0) >= 0 && comp_node(&c, root, p.flags | (raw ? SP_RE_A : 0)) &&
             emit(&c, I_SAVE, 0, 1, 0) >= 0 && emit(&c, I_MATCH, 0, 0, 0) >= 0;
    }
    /* the program owns every table from here on (sp_re_free frees them) */
    re->items = p.items, re->itemcap = p.icap;
    re->cls = p.cls, re->clscap = p.clscap;
    re->names = p.names, re->nnames = p.nnames, re->namecap = p.namecap;
    re->code = c.code, re->ncode = c.n, re->codecap = c.cap;
    re->chains = c.chains, re->chaincap = c.chcap;
    re->reps = c.reps, re->nreps = c.nreps, re->repcap = c.repcap;
    parser_free(&p);
    if (ok) {
        re->nregs = c.nregs;
        re->backtrack = c.backtrack;
        ok = plan_memo(vm, re, err) && copy_names(vm, re);
    }
    if (!ok) {
        if (!err->kind) err->kind = SP_REERR_PENDING;
        sp_re_free(vm, re);
        return NULL;
    }
    re->firstc = re->code[1].op == I_CHAR && re->mbase[1] < 0 ? re->code[1].x : -1;
    return re;
}

/* ================================================================ matcher */

enum { F_BRANCH, F_RESTORE, F_MARK, F_REP };
/* BRANCH: resume at (pc, pos).  RESTORE: slots[pc] = val.  MARK: an open
 * lookaround/atomic group: pc is its I_LOOK, pos where it was entered,
 * val the undo log level, aux the enclosing mark.  REP: an I_REP1 at pc
 * whose continuation was last tried at pos; val is the last position
 * left to try (the lowest when greedy, the highest when lazy). */
typedef struct sp_ReFrame {
    int32_t kind, pc;
    int64_t pos, val, aux;
} Frame;

typedef struct sp_ReMemo {
    uint64_t key;
    uint32_t gen, on;
} Memo;

/* Per I_REP1 of a matcher.  [from, to): characters known to pass the
 * test (for the current end); stop: the run really ends at `to`.  [lo,
 * hi]: continuation positions explored in search generation gen (a
 * summary of the memo, so a search restarting inside a long run skips
 * them in O(1) instead of revisiting each). */
typedef struct sp_ReRepC {
    int64_t from, to, endv, lo, hi;
    uint32_t gen;
    bool stop;
} RepC;

static size_t nslots(const sp_Regex *re) { return 2 * ((size_t)re->groups + 1) + 1 + (size_t)re->nregs; }
#define LASTIDX(re) (2 * ((size_t)(re)->groups + 1))

bool sp_re_matcher_init(sp_ReMatcher *m, sp_VM *vm, const sp_Regex *re, const sp_ReText *t) {
    memset(m, 0, sizeof *m);
    m->vm = vm;
    m->re = re;
    m->t = *t;
    m->mark = -1;
    size_t bytes;
    if (!sp_size_mul(vm, nslots(re), sizeof(int64_t), &bytes)) return false;
    m->slots = sp_malloc(vm, bytes);
    if (!m->slots) return false;
    if (!re->nreps) return true;
    if (!sp_size_mul(vm, re->nreps, sizeof(RepC), &bytes)) return false;
    m->rc = sp_malloc(vm, bytes);
    for (size_t i = 0; m->rc && i < re->nreps; i++) m->rc[i] = (RepC){0, 0, -1, 0, -1, 0, false};
    return m->rc != NULL;
}

void sp_re_matcher_free(sp_ReMatcher *m) {
    sp_VM *vm = m->vm;
    if (m->slots) sp_free(vm, m->slots, nslots(m->re) * sizeof(int64_t));
    sp_free(vm, m->stack, m->stcap * sizeof(Frame));
    sp_free(vm, m->memo, m->memocap * sizeof(Memo));
    sp_free(vm, m->undo, m->undocap * sizeof(uint64_t));
    if (m->bits) sp_free(vm, m->bits, m->nwords * sizeof(uint64_t));
    if (m->rc) sp_free(vm, m->rc, m->re->nreps * sizeof(RepC));
    m->rc = NULL;
    m->bits = NULL;
    m->slots = NULL;
    m->stack = NULL;
    m->memo = NULL;
    m->undo = NULL;
}

static inline uint32_t CH(const sp_ReMatcher *m, int64_t i) {
    return m->t.b ? m->t.b[i] : m->t.u[i];
}

static bool push(sp_ReMatcher *m, int kind, int32_t pc, int64_t pos, int64_t val, int64_t aux) {
    if (m->sp == m->stcap &&
        !grow(m->vm, (void **)&m->stack, &m->stcap, m->sp + 1, sizeof(Frame)))
        return false;
    m->stack[m->sp++] = (Frame){kind, pc, pos, val, aux};
    return true;
}

static bool set_slot(sp_ReMatcher *m, size_t i, int64_t v) {
    if (!push(m, F_RESTORE, (int32_t)i, 0, m->slots[i], 0)) return false;
    m->slots[i] = v;
    return true;
}

/* ---------------------------------------------------------------- memo */

/* Two representations of the explored-state set.  A dense bitmap (slot x
 * position) when it is small: each search clears only the rows it
 * touched.  Otherwise a hash set whose entries carry the search's
 * generation, so starting a search clears nothing. */
#define KEYPOS(k) ((int64_t)((k) & (((uint64_t)1 << 40) - 1)))

static uint64_t mhash(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
}


/* Rehash into a table of nc entries, keeping the live entries: those of
 * this search that can still be visited (pos >= the current start; inside
 * a lookaround body keep everything, its states may lie before it). */
static bool memo_rehash(sp_ReMatcher *m, size_t nc, int64_t lo) {
    size_t bytes, count = 0;
    if (!sp_size_mul(m->vm, nc, sizeof(Memo), &bytes)) return false;
    Memo *t = sp_calloc(m->vm, bytes);
    if (!t) return false;
    for (size_t i = 0; i < m->memocap; i++) {
        Memo *e = &m->memo[i];
        if (e->gen != m->gen || KEYPOS(e->key) < lo) continue;
        size_t j = mhash(e->key) & (nc - 1);
        while (t[j].gen == m->gen) j = (j + 1) & (nc - 1);
        t[j] = *e;
        count++;
    }
    sp_free(m->vm, m->memo, m->memocap * sizeof(Memo));
    m->memo = t;
    m->memocap = nc;
    m->memocount = count;
    return true;
}

/* A search moves its start forward and never looks back at states before
 * it, so a full table is first purged of those: memory follows the span
 * being explored, not the whole subject. */
static bool memo_grow(sp_ReMatcher *m) {
    if (m->memocap && m->mark < 0) {
        size_t live = 0;
        for (size_t i = 0; i < m->memocap; i++)
            live += m->memo[i].gen == m->gen && KEYPOS(m->memo[i].key) >= m->start_at;
        if (live * 4 <= m->memocap) return memo_rehash(m, m->memocap, m->start_at);
    }
    return memo_rehash(m, m->memocap ? m->memocap * 2 : 1024, 0);
}

/* Marks key visited: 1 if it already was, 0 if newly, -1 on error.
 * Entries of older generations (earlier searches) count as empty. */
static int memo_visit(sp_ReMatcher *m, uint64_t key) {
    if ((m->memocount + 1) * 2 > m->memocap && !memo_grow(m)) return -1;
    size_t mask = m->memocap - 1, j = mhash(key) & mask;
    for (;; j = (j + 1) & mask) {
        Memo *e = &m->memo[j];
        if (e->gen != m->gen) {
            e->key = key;
            e->gen = m->gen;
            e->on = 1;
            m->memocount++;
            return 0;
        }
        if (e->key == key) {
            if (e->on) return 1;
            e->on = 1;
            return 0;
        }
    }
}

static void memo_forget(sp_ReMatcher *m, uint64_t key) {
    if (m->bits) {
        uint64_t bit = (uint64_t)KEYPOS(key) * (uint64_t)m->re->nmemo + ((key >> 40) - 1);
        m->bits[bit >> 6] &= ~((uint64_t)1 << (bit & 63));
        return;
    }
    size_t mask = m->memocap - 1, j = mhash(key) & mask;
    for (;; j = (j + 1) & mask) {
        Memo *e = &m->memo[j];
        if (e->gen != m->gen) return;
        if (e->key == key) {
            e->on = 0;
            return;
        }
    }
}

static void undo_to(sp_ReMatcher *m, size_t level) {
    while (m->nundo > level) memo_forget(m, m->undo[--m->nundo]);
}

/* How many of the innermost nullable loops around pc began their current
 * iteration exactly here: the only state besides (pc, pos) that the
 * continuation depends on. */
static int64_t loopk(const sp_ReMatcher *m, int32_t ch, int64_t pos) {
    const sp_Regex *re = m->re;
    int64_t k = 0;
    size_t base = LASTIDX(re) + 1;
    while (ch >= 0 && m->slots[base + (size_t)re->chains[ch].reg] == pos) {
        k++;
        ch = re->chains[ch].parent;
    }
    return k;
}

/* 1: seen before (fail this thread), 0: go on, -1: error. */
static int memo_check(sp_ReMatcher *m, int32_t pc, int64_t pos) {
    const sp_Regex *re = m->re;
    uint64_t slot = (uint64_t)re->mbase[pc] + (uint64_t)loopk(m, re->code[pc].chain, pos);
    uint64_t key = ((slot + 1) << 40) | (uint64_t)pos;
    int r;
    if (m->bits) {
        uint64_t bit = (uint64_t)pos * (uint64_t)re->nmemo + slot, w = bit >> 6, b = (uint64_t)1 << (bit & 63);
        r = (m->bits[w] & b) != 0;
        m->bits[w] |= b;
        if (pos < m->rlo) m->rlo = pos;
        if (pos > m->rhi) m->rhi = pos;
    } else r = memo_visit(m, key);
    if (r != 0 || m->mark < 0) return r;
    if (m->nundo == m->undocap &&
        !grow(m->vm, (void **)&m->undo, &m->undocap, m->nundo + 1, sizeof(uint64_t)))
        return -1;
    m->undo[m->nundo++] = key;
    return 0;
}

/* ---------------------------------------------------------------- tests */

static bool cat_match(uint32_t cat, uint32_t c, bool ascii) {
    switch (cat) {
    case CAT_DIGIT: return is_digit(c, ascii);
    case CAT_NOT_DIGIT: return !is_digit(c, ascii);
    case CAT_SPACE: return is_space(c, ascii);
    case CAT_NOT_SPACE: return !is_space(c, ascii);
    case CAT_WORD: return is_word(c, ascii);
    default: return !is_word(c, ascii);
    }
}

static bool in_range(uint32_t c, const CItem *it) { return c >= it->lo && c <= it->hi; }

/* Case-insensitive range test: some character of the range has the same
 * case-insensitive identity as c (sre builds the lowered set; we probe
 * the usual preimages of c's identity instead). */
static bool range_icase(uint32_t c, const CItem *it, bool ascii) {
    if (in_range(c, it)) return true;
    if (ascii) return in_range(alower(c), it) || in_range(aupper(c), it);
    uint32_t lo = lower1(c), f = fixrep(lo);
    if (in_range(lo, it) || in_range(upper1(lo), it) || in_range(f, it) || in_range(upper1(f), it))
        return true;
    for (size_t i = 0; i < NCASEFIX; i++)
        if (casefix[i][1] == f && (in_range(casefix[i][0], it) || in_range(upper1(casefix[i][0]), it)))
            return true;
    return false;
}

static bool class_match(const sp_Regex *re, int32_t ci, int fl, uint32_t c) {
    const Cls *cl = &re->cls[ci];
    bool ascii = fl & F_ASCII, icase = fl & F_ICASE, hit = false;
    uint32_t fc = icase ? fold(c, ascii) : c;
    for (int32_t i = 0; i < cl->count && !hit; i++) {
        const CItem *it = &re->items[cl->start + i];
        switch (it->kind) {
        case CI_LIT: hit = icase ? fold(it->lo, ascii) == fc : it->lo == c; break;
        case CI_RANGE: hit = icase ? range_icase(c, it, ascii) : in_range(c, it); break;
        default: hit = cat_match(it->lo, c, ascii); break;
        }
    }
    return hit != cl->neg;
}

static bool at_match(const sp_ReMatcher *m, int kind, int fl, int64_t pos) {
    int64_t end = m->end;
    bool ascii = fl & F_ASCII;
    switch (kind) {
    case AT_BEG: return pos == 0 || ((fl & F_MULTI) && CH(m, pos - 1) == '\n');
    case AT_BEG_STR: return pos == 0;
    case AT_END:
        if (fl & F_MULTI) return pos == end || CH(m, pos) == '\n';
        return pos == end || (pos + 1 == end && CH(m, pos) == '\n');
    case AT_END_STR: return pos == end;
    default: {
        if (end == 0) return false;
        bool before = pos > 0 && is_word(CH(m, pos - 1), ascii);
        bool here = pos < end && is_word(CH(m, pos), ascii);
        return (before != here) == (kind == AT_BOUND);
    }
    }
}

static bool bref_match(sp_ReMatcher *m, const Inst *in, int64_t *pos) {
    int64_t s = m->slots[2 * (size_t)in->x], e = m->slots[2 * (size_t)in->x + 1];
    if (s < 0 || e < s) return false;
    if (e - s > m->end - *pos) return false;
    bool icase = in->fl & F_ICASE, ascii = in->fl & F_ASCII;
    for (int64_t i = 0; i < e - s; i++) {
        uint32_t a = CH(m, s + i), b = CH(m, *pos + i);
        if (a == b) continue;
        if (!icase) return false;
        if (ascii ? alower(a) != alower(b) : lower1(a) != lower1(b)) return false;
    }
    *pos += e - s;
    return true;
}

/* One-character tests (the instruction's op is one of them). */
static inline bool test1(const sp_ReMatcher *m, const Inst *in, int64_t pos) {
    uint32_t c = CH(m, pos);
    switch (in->op) {
    case I_CHAR: return c == (uint32_t)in->x;
    case I_CHARI: return fold(c, in->fl & F_ASCII) == (uint32_t)in->x;
    case I_ANY: return c != '\n';
    case I_ANYALL: return true;
    default: return class_match(m->re, in->x, in->fl, c);
    }
}

/* ---------------------------------------------------------------- REP1 */

/* Where the run of passing characters from q ends, looking no further
 * than lim; -1 on error.  Runs are cached, so entering the same run again
 * (a search moving its start through it) does not rescan it. */
static int64_t run_end(sp_ReMatcher *m, int32_t pc, RepC *rc, int64_t q, int64_t lim) {
    const Inst *t = &m->re->code[pc + 1];
    int64_t p = q;
    if (rc->endv == m->end && q >= rc->from && q <= rc->to) {
        if (rc->stop || rc->to >= lim) return rc->to < lim ? rc->to : lim;
        p = rc->to;
    } else rc->from = q;
    for (;;) {
        int64_t stop = lim - p > 65536 ? p + 65536 : lim;
        while (p < stop && test1(m, t, p)) p++;
        if (p < stop || p == lim) break;
        if (!sp_check_limits(m->vm)) return -1;
    }
    rc->to = p;
    rc->endv = m->end;
    rc->stop = p < lim || p == m->end;
    return p;
}

/* The explored-span summary is exact only where the memo key is (cont,
 * pos) alone and no lookaround will forget the states. */
static bool rep_summary(const sp_ReMatcher *m, int32_t pc, const RepC *rc) {
    return !m->re->backtrack && m->re->code[pc + 2].chain < 0 && rc->gen == m->gen;
}

/* The next continuation position to try from p (stepping down when
 * greedy), skipping the explored span. */
static int64_t rep_skip(const sp_ReMatcher *m, int32_t pc, const RepC *rc, int64_t p, bool greedy) {
    if (rep_summary(m, pc, rc) && p >= rc->lo && p <= rc->hi) return greedy ? rc->lo - 1 : rc->hi + 1;
    return p;
}

/* Records that the continuation is tried at p. */
static void rep_visit(sp_ReMatcher *m, int32_t pc, RepC *rc, int64_t p) {
    if (m->re->backtrack || m->re->code[pc + 2].chain >= 0 || m->mark >= 0) return;
    if (rc->gen != m->gen || p < rc->lo - 1 || p > rc->hi + 1) {
        rc->gen = m->gen;
        rc->lo = rc->hi = p;
    } else if (p < rc->lo) rc->lo = p;
    else if (p > rc->hi) rc->hi = p;
}

/* Enters I_REP1 at *pos: 1 go on at the continuation, 0 fail, -1 error. */
static int rep_enter(sp_ReMatcher *m, int32_t *pc, int64_t *pos) {
    const Inst *in = &m->re->code[*pc];
    const Rep *rp = &m->re->reps[in->x];
    RepC *rc = &m->rc[in->x];
    int64_t q = *pos, lim = rp->max >= m->end - q ? m->end : q + rp->max;
    int64_t r = run_end(m, *pc, rc, q, lim), a = q + rp->min;
    if (r < 0) return -1;
    if (r < a) return 0;
    int64_t p = rep_skip(m, *pc, rc, rp->greedy ? r : a, rp->greedy);
    if (rp->greedy ? p < a : p > r) return 0;
    if ((rp->greedy ? p > a : p < r) && !push(m, F_REP, *pc, p, rp->greedy ? a : r, 0)) return -1;
    rep_visit(m, *pc, rc, p);
    *pc += 2;
    *pos = p;
    return 1;
}

/* Backtracks into the REP frame f: true if it resumes (pc, pos set). */
static bool rep_next(sp_ReMatcher *m, Frame *f, int32_t *pc, int64_t *pos) {
    const Inst *in = &m->re->code[f->pc];
    bool greedy = m->re->reps[in->x].greedy;
    RepC *rc = &m->rc[in->x];
    int64_t p = rep_skip(m, f->pc, rc, greedy ? f->pos - 1 : f->pos + 1, greedy);
    if (greedy ? p < f->val : p > f->val) return false;
    f->pos = p;
    if (p != f->val) m->sp++; /* keep the frame for the next position */
    rep_visit(m, f->pc, rc, p);
    *pc = f->pc + 2;
    *pos = p;
    return true;
}

/* ---------------------------------------------------------------- run */

/* The body of the innermost lookaround/atomic group matched at pos. */
static bool look_succeeded(sp_ReMatcher *m, int32_t *pc, int64_t *pos) {
    Frame *mk = &m->stack[m->mark];
    const Inst *L = &m->re->code[mk->pc];
    int64_t mpos = mk->pos, prev = mk->aux;
    size_t level = (size_t)mk->val, at = (size_t)m->mark;
    undo_to(m, level);
    m->mark = prev;
    if (L->fl & L_NEG) { /* undo the body's captures, then fail */
        while (m->sp > at) {
            Frame *f = &m->stack[--m->sp];
            if (f->kind == F_RESTORE) m->slots[f->pc] = f->val;
        }
        return false;
    }
    /* a cut: drop the body's alternatives, keep its capture undo records */
    size_t w = at;
    for (size_t r = at + 1; r < m->sp; r++)
        if (m->stack[r].kind == F_RESTORE) m->stack[w++] = m->stack[r];
    m->sp = w;
    *pc = L->x;
    if (!(L->fl & L_ATOMIC)) *pos = mpos;
    return true;
}

/* Pops to the next alternative: 1 resumed (pc and pos set), 0 exhausted. */
static int backtrack(sp_ReMatcher *m, int32_t *pc, int64_t *pos) {
    while (m->sp) {
        Frame *f = &m->stack[--m->sp];
        switch (f->kind) {
        case F_BRANCH:
            *pc = f->pc;
            *pos = f->pos;
            return 1;
        case F_RESTORE: m->slots[f->pc] = f->val; break;
        case F_REP:
            if (rep_next(m, f, pc, pos)) return 1;
            break;
        default: { /* a lookaround body failed */
            const Inst *L = &m->re->code[f->pc];
            undo_to(m, (size_t)f->val);
            m->mark = f->aux;
            if (L->fl & L_NEG) {
                *pc = L->x;
                *pos = f->pos;
                return 1;
            }
        }
        }
    }
    return 0;
}

static int run(sp_ReMatcher *m, int64_t start) {
    const sp_Regex *re = m->re;
    const Inst *code = re->code;
    bool memo = !re->backtrack;
    int32_t pc = 0;
    int64_t pos = start, end = m->end;
    for (;;) {
        if (--m->budget <= 0) {
            m->budget = 1024;
            if (!sp_check_limits(m->vm)) return -1;
        }
        if (memo && re->mbase[pc] >= 0) {
            int r = memo_check(m, pc, pos);
            if (r < 0) return -1;
            if (r) goto fail;
        }
        const Inst *in = &code[pc];
        switch (in->op) {
        case I_CHAR:
        case I_CHARI:
        case I_ANY:
        case I_ANYALL:
        case I_CLASS:
            if (pos >= end || !test1(m, in, pos)) goto fail;
            pc++, pos++;
            continue;
        case I_REP1: {
            int r = rep_enter(m, &pc, &pos);
            if (r < 0) return -1;
            if (!r) goto fail;
            continue;
        }
        case I_SPLIT:
            if (!push(m, F_BRANCH, in->y, pos, 0, 0)) return -1;
            pc = in->x;
            continue;
        case I_JMP: pc = in->x; continue;
        case I_SAVE:
            if (!set_slot(m, (size_t)in->x, pos)) return -1;
            if ((in->x & 1) && in->x > 1 && !set_slot(m, LASTIDX(re), in->x / 2)) return -1;
            pc++;
            continue;
        case I_MATCH:
            if ((m->mode == SP_RE_FULL && pos != end) || (m->advance && pos == m->start)) goto fail;
            return 1;
        case I_AT:
            if (!at_match(m, in->x, in->fl, pos)) goto fail;
            pc++;
            continue;
        case I_LOOK: {
            int64_t from = pos;
            if (in->fl & L_BEHIND) {
                if (pos < in->y) {
                    if (!(in->fl & L_NEG)) goto fail;
                    pc = in->x;
                    continue;
                }
                from = pos - in->y;
            }
            if (!push(m, F_MARK, pc, pos, (int64_t)m->nundo, m->mark)) return -1;
            m->mark = (int64_t)m->sp - 1;
            pc++;
            pos = from;
            continue;
        }
        case I_LOOKEND:
            if (!look_succeeded(m, &pc, &pos)) goto fail;
            continue;
        case I_LSET:
            if (!set_slot(m, LASTIDX(re) + 1 + (size_t)in->x, pos)) return -1;
            pc++;
            continue;
        case I_LCHK: pc = pos == m->slots[LASTIDX(re) + 1 + (size_t)in->x] ? in->y : pc + 1; continue;
        case I_BREF:
            if (!bref_match(m, in, &pos)) goto fail;
            pc++;
            continue;
        case I_COND: {
            int64_t s = m->slots[2 * (size_t)in->x], e = m->slots[2 * (size_t)in->x + 1];
            pc = (in->x <= re->groups && s >= 0 && e >= s) ? pc + 1 : in->y;
            continue;
        }
        }
    fail:
        if (!backtrack(m, &pc, &pos)) return 0;
    }
}

/* Allocates the bitmap on first use if it fits SP_RE_BITMAP_MAX, and
 * clears the rows the previous search touched. */
static bool memo_bits_prepare(sp_ReMatcher *m) {
    const sp_Regex *re = m->re;
    if (re->backtrack) return true;
    if (!m->bits && !m->nobits) {
        uint64_t nbits = (uint64_t)re->nmemo * (uint64_t)(m->t.n + 1);
        if (nbits / 8 > SP_RE_BITMAP_MAX) {
            m->nobits = true;
            return true;
        }
        m->nwords = (size_t)(nbits / 64 + 1);
        m->bits = sp_calloc(m->vm, m->nwords * sizeof(uint64_t));
        if (!m->bits) return false;
        m->rlo = INT64_MAX;
        m->rhi = -1;
    }
    if (m->bits && m->rhi >= m->rlo) {
        uint64_t a = (uint64_t)m->rlo * (uint64_t)re->nmemo / 64;
        uint64_t b = ((uint64_t)m->rhi + 1) * (uint64_t)re->nmemo / 64 + 1;
        if (b > m->nwords) b = m->nwords;
        memset(m->bits + a, 0, (size_t)(b - a) * sizeof(uint64_t));
        m->rlo = INT64_MAX;
        m->rhi = -1;
    }
    return true;
}

int sp_re_exec(sp_ReMatcher *m, int64_t pos, int64_t endpos, int mode, int64_t *out) {
    const sp_Regex *re = m->re;
    size_t ns = nslots(re);
    if (endpos > m->t.n) endpos = m->t.n;
    if (pos < 0) pos = 0;
    if (pos > endpos) return 0;
    if (endpos >= ((int64_t)1 << 40)) {
        sp_raise(m->vm, &sp_t_OverflowError, "string too long for a regular expression");
        return -1;
    }
    m->end = endpos;
    m->mode = mode & 3;
    m->advance = (mode & SP_RE_ADVANCE) != 0;
    m->start = pos;
    mode &= 3;
    if (++m->gen == 0) { /* generation wrap: really clear the table */
        if (m->memo) memset(m->memo, 0, m->memocap * sizeof(Memo));
        m->gen = 1;
    }
    m->memocount = 0;
    if (!memo_bits_prepare(m)) return -1;
    for (int64_t s = pos; s <= endpos; s++) {
        if (mode == SP_RE_SEARCH && re->firstc >= 0) {
            while (s < endpos && CH(m, s) != (uint32_t)re->firstc) s++;
            if (s >= endpos) return 0;
        }
        for (size_t i = 0; i < ns; i++) m->slots[i] = -1;
        m->start_at = s;
        m->sp = 0;
        m->mark = -1;
        m->nundo = 0;
        int r = run(m, s);
        if (r < 0) return -1;
        if (r) {
            memcpy(out, m->slots, (LASTIDX(re) + 1) * sizeof(int64_t));
            return 1;
        }
        if (mode != SP_RE_SEARCH) break;
    }
    return 0;
}
