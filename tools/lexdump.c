/* lexdump.c - differential harness and micro-benchmark for the front end.
 *
 *   lexdump [--tokens|--ast|--both] FILE...   every token of each file with all its
 *                                             fields (or the error: type and repr of
 *                                             its args), the AST with positions, or both
 *   lexdump --ahead FILE...                   the tokens again, lexed in runs by
 *                                             sp_lex_ahead (sp_lex_next when it has none):
 *                                             must print what --tokens prints
 *   lexdump --fill FILE...                    the same lexed by sp_lex_fill (the quick compiler's
 *                                             fill), its pairs and bracket notes checked
 *   lexdump --bench N FILE...                 lex each file N times (tokens only, no
 *                                             output but a count): for callgrind
 *   lexdump --bench-ahead N FILE...           the same lexing in runs (sp_lex_ahead)
 *   lexdump --bench-parse N FILE...           the same for sp_parse
 *
 * Build against a library build (private headers, so it is not a test):
 *   cc -std=c11 -O2 -Isrc -Iinclude -o /tmp/lexdump tools/lexdump.c BUILD/libsandpy.a -lm
 * (add -DNO_AHEAD for a tree from before sp_lex_ahead, -DNO_COLS for one
 * from before sp_tok_cols: its lexer wrote every token's col, -DNO_FILL for
 * one from before sp_lex_fill).
 * Two builds of the tree (before and after a front-end change) must print the
 * same bytes for every source: tools/lexdiff.py runs them over the tests, the
 * benchmarks and mutations of them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sp_api.h"
#include "sp_lex.h"

static char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, len = 0;
    char *b = malloc(cap + 1);
    for (size_t k; b && (k = fread(b + len, 1, cap - len, f)) > 0;) {
        len += k;
        if (len == cap) {
            char *nb = realloc(b, cap * 2 + 1);
            if (!nb) free(b);
            b = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (b) b[len] = 0;
    *n = len;
    return b;
}

/* The pending exception: its type and the repr of its args. */
static void print_err(sp_VM *vm) {
    sp_Value e = sp_err_fetch(vm);
    printf("ERROR %s ", sp_typename(e));
    sp_Value r = sp_isinst(e, &sp_t_BaseException) ? sp_repr(vm, ((sp_Exc *)e.u.o)->args) : SP_ERRV;
    if (sp_iserr(r)) {
        sp_err_clear(vm);
        printf("<no repr>\n");
    } else {
        printf("%.*s\n", (int)SP_STR(r)->len, SP_STR(r)->data);
    }
}

/* lexable: what sp_parse checks before it starts the lexer */
static bool lexable(const char *s, size_t n) { return !memchr(s, 0, n) && sp_utf8_check(s, n) >= 0; }

static void print_tok(const sp_Tok *t) {
    printf("%s %d:%d-%d:%d [%zu,%zu) sub=%d lv=%d\n", sp_tok_name(t->kind), t->line, t->col,
           sp_tok_end_line(t), sp_tok_end_col(t), t->start, t->end, t->sub, t->level);
}

#ifdef NO_COLS
#define sp_tok_cols(q, k) ((void)(q), (void)(k))
#endif

/* Runs of 1..7 tokens, so that every run boundary is met somewhere.
 * -DNO_AHEAD builds this file against a tree without sp_lex_ahead. */
static void dump_ahead(sp_VM *vm, const char *s, size_t n) {
#ifdef NO_AHEAD
#define sp_lex_ahead(L, q, max) ((void)(L), (void)(q), (size_t)(max) * 0)
#endif
    if (!lexable(s, n)) {
        printf("UNLEXABLE\n");
        return;
    }
    sp_Lex L;
    sp_lex_init(&L, vm, s, n, "<f>");
    sp_Tok q[8];
    for (size_t k = 0, run = 0;; run++) {
        memset(q, 0x5a, sizeof q);
        size_t got = sp_lex_ahead(&L, q, run % 7 + 1);
        sp_tok_cols(q, got);
        if (!got) {
            if (!sp_lex_next(&L, q)) {
                print_err(vm);
                return;
            }
            got = 1;
        }
        for (size_t i = 0; i < got; i++, k++) {
            print_tok(&q[i]);
            if (q[i].kind == T_END || k > 10 * n + 100) return;
        }
    }
}

#ifndef NO_FILL
/* sp_lex_fill's pairs and bracket notes against the old two-pass fill of
 * sp_qc.c (a mismatch prints a line: --tokens of the old tree shows none). */
static void check_fill(const sp_Fill *f) {
    int32_t stack[SP_MAX_PAREN_DEPTH + 1];
    size_t depth = 0, nif = 0;
    for (size_t i = 0; i < f->n; i++) {
        int k = f->tk[i].kind;
        bool open = k == T_LPAR || k == T_LSQB || k == T_LBRACE;
        if (k == T_IF) nif++;
        if (open) {
            stack[depth++] = (int32_t)i;
            sp_Grp g = {0, -1, false, false, false};
            for (size_t j = i + 1, d = 0; j < f->n && (d || f->tk[j].kind < T_RPAR || f->tk[j].kind > T_RBRACE ||
                                                        (f->tk[j].kind - T_LPAR) % 2 == 0); j++) {
                int c = f->tk[j].kind, p = f->tk[j - 1].kind;
                if (c >= T_LPAR && c <= T_RBRACE) d += (c - T_LPAR) % 2 ? -1 : 1;
                else if (d) continue;
                else if (c == T_COMMA) g.ncomma++;
                else if (c == T_STAR || c == T_DOUBLESTAR) g.star |= p == T_COMMA || p == T_LPAR || p == T_LSQB || p == T_LBRACE;
                else if (c == T_LAMBDA) g.lambda = true;
                else if (c == T_COLON) g.colon |= !g.ncomma && g.first_for < 0;
                else if (c == T_FOR && g.first_for < 0) g.first_for = (int32_t)j;
            }
            const sp_Grp *h = &f->grp[i];
            if (g.ncomma != h->ncomma || g.first_for != h->first_for || g.colon != h->colon || g.lambda != h->lambda ||
                g.star != h->star)
                printf("FILL GRP MISMATCH at token %zu\n", i);
        } else if (k >= T_LPAR && k <= T_RBRACE && depth) {
            depth--;
            if (f->pair[i] != stack[depth] || f->pair[stack[depth]] != (int32_t)i)
                printf("FILL PAIR MISMATCH at token %zu\n", i);
        }
    }
    if (nif != f->nif) printf("FILL IF MISMATCH\n");
}

/* The tokens as the quick compiler's fill lexes them (sp_lex_fill), in
 * runs of 1..7 tokens as --ahead: must print what --tokens prints. */
static void dump_fill(sp_VM *vm, const char *s, size_t n) {
    if (!lexable(s, n)) {
        printf("UNLEXABLE\n");
        return;
    }
    static const uint16_t cls[T_COUNT_] = {[T_COMMA] = 1, [T_COLON] = 1, [T_FOR] = 1, [T_LAMBDA] = 1, [T_STAR] = 1,
                                           [T_DOUBLESTAR] = 1, [T_IF] = 1, [T_CLASS] = 3};
    size_t max = 10 * n + 110;
    sp_Fill f = {.tk = calloc(max, sizeof(sp_Tok)), .pair = calloc(max, sizeof(int32_t)),
                 .grp = calloc(max, sizeof(sp_Grp)), .cls = cls, .mark = 1, .stop = 2};
    sp_Lex L;
    sp_lex_init(&L, vm, s, n, "<f>");
    f.top = L.no_indent;
    for (size_t run = 0; f.tk && f.pair && f.grp && f.n < max - 8; run++) {
        size_t k = f.n;
        memset(f.tk + k, 0x5a, 8 * sizeof *f.tk);
        f.cap = k + run % 7 + 1;
        if (!sp_lex_fill(&L, &f)) {
            print_err(vm);
            break;
        }
        sp_tok_cols(f.tk + k, f.n - k);
        for (size_t i = k; i < f.n; i++) print_tok(&f.tk[i]);
        if (f.tk[f.n - 1].kind == T_END) {
            check_fill(&f);
            break;
        }
    }
    free(f.tk), free(f.pair), free(f.grp);
}
#endif

static void dump_tokens(sp_VM *vm, const char *s, size_t n) {
    if (!lexable(s, n)) {
        printf("UNLEXABLE\n");
        return;
    }
    sp_Lex L;
    sp_lex_init(&L, vm, s, n, "<f>");
    for (size_t k = 0;; k++) {
        sp_Tok t;
        memset(&t, 0x5a, sizeof t); /* a field left unset shows */
        if (!sp_lex_next(&L, &t)) {
            print_err(vm);
            return;
        }
        print_tok(&t);
        if (t.kind == T_END || k > 10 * n + 100) return;
    }
}

static void dump_ast(sp_VM *vm, const char *s, size_t n) {
    sp_Arena a;
    sp_arena_init(&a, vm);
    sp_Node *m = sp_parse(vm, &a, s, n, "<f>");
    if (!m) {
        print_err(vm);
    } else {
        sp_Buf b;
        sp_buf_init(vm, &b);
        if (sp_ast_dump_pos(&b, m)) printf("%.*s\n", (int)b.n, b.p);
        else print_err(vm);
        sp_buf_free(&b);
    }
    sp_arena_free(&a);
}

static long bench(sp_VM *vm, const char *s, size_t n, long reps, bool parse, bool ahead) {
    long ntok = 0;
    for (long r = 0; r < reps; r++) {
#ifndef NO_AHEAD
        if (ahead) {
            sp_Lex L;
            sp_lex_init(&L, vm, s, n, "<f>");
            sp_Tok q[64];
            for (;;) {
                size_t k = sp_lex_ahead(&L, q, 64);
                ntok += (long)k;
                if (k && q[k - 1].kind == T_END) break; /* it lexes the end too */
                if (k) continue;
                if (!sp_lex_next(&L, q)) {
                    sp_err_clear(vm);
                    break;
                }
                ntok++;
                if (q[0].kind == T_END) break;
            }
            continue;
        }
#else
        (void)ahead;
#endif
        if (parse) {
            sp_Arena a;
            sp_arena_init(&a, vm);
            if (!sp_parse(vm, &a, s, n, "<f>")) sp_err_clear(vm);
            sp_arena_free(&a);
            continue;
        }
        sp_Lex L;
        sp_lex_init(&L, vm, s, n, "<f>");
        sp_Tok t;
        do {
            if (!sp_lex_next(&L, &t)) {
                sp_err_clear(vm);
                break;
            }
            ntok++;
        } while (t.kind != T_END);
    }
    return ntok;
}

int main(int argc, char **argv) {
    int mode = 0, i = 1;
    long reps = 0;
    if (argc > 1 && strcmp(argv[1], "--tokens") == 0) mode = 0, i = 2;
    else if (argc > 1 && strcmp(argv[1], "--ast") == 0) mode = 1, i = 2;
    else if (argc > 1 && strcmp(argv[1], "--both") == 0) mode = 2, i = 2;
    else if (argc > 1 && strcmp(argv[1], "--ahead") == 0) mode = 5, i = 2;
#ifndef NO_FILL
    else if (argc > 1 && strcmp(argv[1], "--fill") == 0) mode = 7, i = 2;
#endif
    else if (argc > 2 && strncmp(argv[1], "--bench", 7) == 0)
        mode = strcmp(argv[1], "--bench-parse") == 0 ? 4 : strcmp(argv[1], "--bench-ahead") == 0 ? 6 : 3,
        reps = atol(argv[2]), i = 3;
    sandpy *sp = sandpy_new(NULL);
    if (!sp) return 2;
    sp_VM *vm = sp->vm;
    long ntok = 0;
    for (; i < argc; i++) {
        size_t n;
        char *s = slurp(argv[i], &n);
        if (!s) {
            printf("== %s: unreadable\n", argv[i]);
            continue;
        }
        if (mode == 5 || mode == 7) {
            printf("== %s\n", argv[i]);
#ifndef NO_FILL
            if (mode == 7) dump_fill(vm, s, n);
            else
#endif
                dump_ahead(vm, s, n);
        } else if (mode >= 3) {
            if (lexable(s, n)) ntok += bench(vm, s, n, reps, mode == 4, mode == 6);
        } else {
            printf("== %s\n", argv[i]);
            if (mode != 1) dump_tokens(vm, s, n);
            if (mode != 0) dump_ast(vm, s, n);
        }
        free(s);
    }
    if (mode == 3 || mode == 4 || mode == 6) printf("%ld tokens\n", ntok);
    sandpy_free(sp);
    return 0;
}
