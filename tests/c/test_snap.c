/* test_snap.c - snapshots: code objects and paused runs dumped, loaded
 * (here and in a fresh process), resumed with the same result as an
 * uninterrupted run; forks are independent; corrupt, truncated and
 * hostile bytes are rejected without crashing. */
#include "sandpy.h"
#include "harness.h"

#include <stdlib.h>

#include "sp_api.h" /* opcodes, to patch dumped bytecode; paused frames, to corrupt them */

static const char *PROG =
    "def double(x):\n"
    "    return fetch(x) * 2\n"
    "def gen(items):\n"
    "    for i, v in enumerate(items):\n"
    "        yield fetch(v) + i\n"
    "acc = []\n"
    "data = {'a': 1, 'b': 2, 'c': 3}\n"
    "for k, v in data.items():\n"
    "    try:\n"
    "        acc.append((k, double(v)))\n"
    "    except ValueError as e:\n"
    "        acc.append((k, str(e)))\n"
    "for x in gen([10, 20]):\n"
    "    acc.append(x)\n"
    "acc.append([fetch(c) for c in 'xy'])\n"
    "for a, b in zip(range(2), (7, 8)):\n"
    "    acc.append(a + fetch(b))\n"
    "big = 2 ** 100 + fetch(0)\n"
    "acc.append(str(big))\n"
    "acc.append({1.5, frozenset([1])} == {frozenset([1]), 1.5})\n"
    "acc\n";

/* fetch(v): v*10 for numbers, len*100 for strings; raises for 2. */
static sandpy_status answer(sandpy *sp) {
    const sandpy_call *c = sandpy_pending(sp);
    sandpy_value a = sandpy_item(sp, c->args, 0);
    int64_t n = 0;
    if (sandpy_kind_of(sp, a) == SANDPY_K_STR) n = 100 * sandpy_len(sp, a);
    else sandpy_as_int(sp, a, &n), n = (int64_t)((uint64_t)n * 10);
    if (n == 20) return sandpy_resume_error(sp, c->id, "ValueError", "two is bad");
    return sandpy_resume(sp, c->id, sandpy_int(sp, n));
}

static sandpy *mk(void) {
    sandpy *sp = sandpy_new(NULL);
    sandpy_register_pausing(sp, "fetch");
    return sp;
}

static char *finish(sandpy *sp, sandpy_status st) {
    while (st == SANDPY_PAUSED) st = answer(sp);
    const char *j = st == SANDPY_OK ? sandpy_result_json(sp, NULL) : sandpy_error_traceback(sp);
    return strdup(j ? j : "?");
}

static char *uninterrupted_of(const char *prog) {
    sandpy *sp = mk();
    char *r = finish(sp, sandpy_feed(sp, prog, strlen(prog)));
    sandpy_free(sp);
    return r;
}

static char *uninterrupted(void) { return uninterrupted_of(PROG); }

/* Run prog until the k-th pause; returns a malloc'd copy of the snapshot. */
static uint8_t *paused_snapshot_of(const char *prog, int k, size_t *len) {
    sandpy *sp = mk();
    sandpy_status st = sandpy_feed(sp, prog, strlen(prog));
    for (int i = 0; i < k && st == SANDPY_PAUSED; i++) st = answer(sp);
    uint8_t *copy = NULL;
    const uint8_t *s = st == SANDPY_PAUSED ? sandpy_snapshot(sp, len) : NULL;
    if (!s) fprintf(stderr, "snapshot at %d: %s\n", k, sandpy_error_traceback(sp));
    else copy = malloc(*len), memcpy(copy, s, *len);
    sandpy_free(sp);
    return copy;
}

static uint8_t *paused_snapshot(int k, size_t *len) { return paused_snapshot_of(PROG, k, len); }

static char *resume_snapshot(const uint8_t *s, size_t len) {
    sandpy *sp = mk();
    sandpy_status st = sandpy_snapshot_load(sp, s, len);
    char *r = st == SANDPY_PAUSED ? finish(sp, st) : strdup(sandpy_error_traceback(sp));
    sandpy_free(sp);
    return r;
}

/* Each of prog's first n pauses dumped, loaded in a fresh interpreter and
 * resumed ends as the uninterrupted run (want). */
static void every_pause(const char *prog, int n, const char *want) {
    for (int k = 0; k < n; k++) {
        size_t len;
        uint8_t *s = paused_snapshot_of(prog, k, &len);
        CHECK(s != NULL);
        if (!s) continue;
        char *got = resume_snapshot(s, len);
        CHECK_STR(got, want);
        free(got);
        free(s);
    }
}

static void test_every_pause(const char *want) { every_pause(PROG, 10, want); }

/* Pauses inside comprehensions inlined into module code (sp_code.h): the
 * comprehension's block, its slots and the recursion depth it takes
 * survive the load (the probe inside one reaches one level less). */
static const char *CPROG =
    "def r(n):\n"
    "    return r(n - 1) + 1 if n else 0\n"
    "def probe():\n"
    "    lo, hi = 0, 3000\n"
    "    while lo < hi:\n"
    "        mid = (lo + hi + 1) // 2\n"
    "        try:\n"
    "            r(mid)\n"
    "            lo = mid\n"
    "        except RecursionError:\n"
    "            hi = mid - 1\n"
    "    return lo\n"
    "acc = []\n"
    "acc.append([fetch(c) * 2 for c in 'abc' if c != 'b'])\n"
    "acc.append({k: fetch(k) for k in (1, 3)})\n"
    "acc.append(sorted({fetch(v) + i for i, v in enumerate([4, 5])}))\n"
    "try:\n"
    "    acc.append([fetch(n) for n in (1, 2)])\n"
    "except ValueError as e:\n"
    "    acc.append(str(e))\n"
    "    err = e\n"
    "acc.append([x for x in [fetch(6)] + [fetch(7) for _ in 'a']])\n"
    "acc.append([fetch(1) + probe() for _ in 'a'])\n"
    "acc.append(probe())\n"
    "acc.append([fetch(8) for n in (1, 2)][0])\n"
    "try:\n"
    "    raise err\n"
    "except ValueError as e2:\n"
    "    acc.append(e2 is err)\n"
    "acc\n";

static void test_comprehensions(void) {
    char *want = uninterrupted_of(CPROG);
    CHECK_STR(want, "[[200, 200], {\"1\": 10, \"3\": 30}, [40, 51], \"two is bad\", [60, 70], [1006], 997, 80, true]");
    every_pause(CPROG, 13, want);
    free(want);
    const char *uncaught = "x = 1\ny = [fetch(n)\n     for n in (9, 2)]\n";
    want = uninterrupted_of(uncaught);
    CHECK(strstr(want, "line 2, in <module>\n  File \"<stdin>\", line 2, in <listcomp>\nValueError: two is bad") != NULL);
    every_pause(uncaught, 2, want);
    free(want);
}

static void test_forks(void) {
    size_t len;
    uint8_t *s = paused_snapshot(3, &len);
    sandpy *a = mk(), *b = mk();
    CHECK(sandpy_snapshot_load(a, s, len) == SANDPY_PAUSED);
    CHECK(sandpy_snapshot_load(b, s, len) == SANDPY_PAUSED);
    /* the same interpreter can load twice too: the second replaces the first */
    CHECK(sandpy_snapshot_load(b, s, len) == SANDPY_PAUSED);
    CHECK(sandpy_pending(a)->id == sandpy_pending(b)->id);
    sandpy_status sa = sandpy_resume_error(a, sandpy_pending(a)->id, "KeyError", "fork a");
    char *ra = finish(a, sa), *rb = finish(b, answer(b));
    CHECK(strcmp(ra, rb) != 0);
    CHECK(strstr(ra, "KeyError") != NULL);
    free(ra), free(rb);
    sandpy_free(a), sandpy_free(b);
    free(s);
}

static void test_code_snapshot(void) {
    sandpy *sp = sandpy_new(NULL);
    const char *names[] = {"n"};
    const char *src = "def f(k):\n    return [i * k for i in range(n)]\nf(3)";
    sandpy_code *c = sandpy_compile(sp, src, strlen(src), "c.py", names, 1);
    size_t len;
    const uint8_t *d = sandpy_code_dump(sp, c, &len);
    CHECK(d != NULL);
    uint8_t *copy = malloc(len);
    memcpy(copy, d, len);
    sandpy *other = sandpy_new(NULL);
    sandpy_code *c2 = sandpy_code_load(other, copy, len);
    CHECK(c2 != NULL);
    CHECK(sandpy_input_json(other, "n", "4", 1) == SANDPY_OK);
    CHECK(sandpy_start(other, c2) == SANDPY_OK);
    CHECK_STR(sandpy_result_json(other, NULL), "[0, 3, 6, 9]");
    copy[len / 2] ^= 1;
    CHECK(sandpy_code_load(other, copy, len) == NULL);
    CHECK_STR(sandpy_error_message(other), "invalid snapshot: checksum mismatch");
    CHECK(sandpy_snapshot_load(other, copy, len) == SANDPY_INVALID); /* wrong kind */
    free(copy);
    sandpy_free(other), sandpy_free(sp);
}

/* The REPL between feeds: globals, functions and imports survive. */
static void test_repl_snapshot(void) {
    sandpy *sp = sandpy_new(NULL);
    const char *src = "import json\ndef f(x):\n    return json.dumps([x, x])\ncount = 41";
    CHECK(sandpy_feed(sp, src, strlen(src)) == SANDPY_OK);
    size_t len;
    const uint8_t *s = sandpy_snapshot(sp, &len);
    sandpy *b = sandpy_new(NULL);
    CHECK(s && sandpy_snapshot_load(b, s, len) == SANDPY_OK);
    CHECK(sandpy_feed(b, "f(count + 1)", 12) == SANDPY_OK);
    CHECK_STR(sandpy_result_json(b, NULL), "\"[42, 42]\"");
    sandpy_free(b), sandpy_free(sp);
}

/* Limits and accounting carry over: the loaded run keeps its budget. */
static void test_limits(void) {
    sandpy_config cfg = {0};
    cfg.max_memory = 200 << 10;
    sandpy *sp = sandpy_new(&cfg);
    size_t len;
    uint8_t *s = paused_snapshot(2, &len);
    sandpy_register_pausing(sp, "fetch");
    CHECK(sandpy_snapshot_load(sp, s, len) == SANDPY_PAUSED);
    CHECK(sandpy_memory_used(sp) < (200 << 10));
    free(s);
    sandpy_free(sp);
}

static uint64_t rng = 88172645463325252ULL;
static uint64_t rnd(void) {
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return rng;
}

/* Re-tag bytes with the (all-zero) key, as a hostile producer could. */
static uint64_t sip(const uint8_t *p, size_t n);
static void retag(uint8_t *s, size_t len) {
    uint64_t mac = sip(s + 32, len - 32);
    for (int i = 0; i < 8; i++) s[24 + i] = (uint8_t)(mac >> (8 * i));
}

/* rounds loads of s (len bytes) with a few bytes changed, then validly
 * tagged (m is scratch); whatever loads runs or fails cleanly.  Returns
 * how many loaded. */
static int mutated_runs(const uint8_t *s, uint8_t *m, size_t len, int rounds) {
    sandpy_config cfg = {0};
    cfg.max_memory = 8 << 20;
    int loaded = 0;
    for (int i = 0; i < rounds; i++) {
        memcpy(m, s, len);
        for (int k = 0, n = 1 + (int)(rnd() % 4); k < n; k++) {
            size_t at = 32 + rnd() % (len - 32);
            m[at] = (uint8_t)(rnd() % 3 == 0 ? m[at] ^ (1u << (rnd() % 8)) : rnd());
        }
        retag(m, len);
        sandpy *sp = sandpy_new(&cfg);
        sandpy_register_pausing(sp, "fetch");
        sandpy_status st = sandpy_snapshot_load(sp, m, len);
        if (st == SANDPY_PAUSED) {
            loaded++;
            for (int steps = 0; st == SANDPY_PAUSED && steps < 50; steps++) st = answer(sp);
        }
        sandpy_free(sp);
    }
    return loaded;
}

static void test_hostile(void) {
    size_t len;
    uint8_t *s = paused_snapshot(5, &len), *m = malloc(len);
    sandpy_config cfg = {0};
    cfg.max_memory = 8 << 20;
    int invalid = 0, loaded = 0;
    for (size_t cut = 0; cut < len; cut += 1 + cut / 16) { /* truncated */
        sandpy *sp = sandpy_new(&cfg);
        invalid += sandpy_snapshot_load(sp, s, cut) == SANDPY_INVALID;
        sandpy_free(sp);
    }
    CHECK(invalid > 0);
    loaded = mutated_runs(s, m, len, 3000);
    CHECK(loaded >= 0);
    free(m), free(s);
}

/* Every itertools kind and callable iterators in flight, mutated (their
 * fill hooks check what next() relies on). */
static const char *ITPROG =
    "import itertools as it\n"
    "objs = [it.count(1), it.cycle('ab'), it.repeat(1, 3), it.accumulate([1, 2]), it.chain([1], [2]),\n"
    "        it.islice(range(9), 1, 7, 2), it.pairwise('abc'), it.product('ab', 'c'), it.permutations('abc', 2),\n"
    "        it.combinations('abc', 2), it.combinations_with_replacement('ab', 2), it.zip_longest('a', 'bc'),\n"
    "        it.starmap(max, [(1, 2)]), it.takewhile(bool, [1, 0]), it.groupby('aab'), *it.tee('abc'),\n"
    "        it.compress('ab', [1]), it.dropwhile(bool, [1, 0]), it.filterfalse(None, [0]),\n"
    "        iter([9, 3, 2, 1].pop, 9), iter(lambda: 0, 0)]\n"
    "for o in objs:\n    next(o, None)\n"
    "fetch(1)\n"
    "[list(it.islice(o, 20)) for o in objs]\n";

static void test_hostile_itertools(void) {
    sandpy *sp = mk();
    size_t len = 0;
    const uint8_t *d = sandpy_feed(sp, ITPROG, strlen(ITPROG)) == SANDPY_PAUSED ? sandpy_snapshot(sp, &len) : NULL;
    CHECK(d != NULL);
    uint8_t *s = d ? malloc(len) : NULL, *m = d ? malloc(len) : NULL;
    if (d) memcpy(s, d, len), mutated_runs(s, m, len, 3000);
    free(s), free(m);
    sandpy_free(sp);
}

/* LEB128, as sp_snap.c writes counts and code words: the length of the
 * varint at p (0 if it runs past end), its value in *v. */
static size_t uvarint(const uint8_t *p, const uint8_t *end, uint32_t *v) {
    uint64_t x = 0;
    for (size_t n = 0; n < 5 && p + n < end; n++) {
        x |= (uint64_t)(p[n] & 0x7F) << (7 * n);
        if (!(p[n] & 0x80)) return *v = (uint32_t)x, n + 1;
    }
    return 0;
}

static size_t put_uvarint(uint8_t *p, uint32_t v) {
    size_t n = 0;
    for (; v >= 0x80; v >>= 7) p[n++] = (uint8_t)(v | 0x80);
    p[n++] = (uint8_t)v;
    return n;
}

/* The dump of src with its first instruction pair of opcodes (a, b)
 * rewritten by fix (to words of the same encoded size), retagged; NULL if
 * no such pair was found. */
static uint8_t *patched(const char *src, uint32_t a, uint32_t b, void (*fix)(uint32_t *w), size_t *len) {
    sandpy *sp = sandpy_new(NULL);
    sandpy_code *c = sandpy_compile(sp, src, strlen(src), "v.py", NULL, 0);
    const uint8_t *d = c ? sandpy_code_dump(sp, c, len) : NULL;
    uint8_t *m = d ? malloc(*len) : NULL, *hit = NULL;
    if (m) memcpy(m, d, *len);
    for (size_t i = 32; m && !hit && i < *len; i++) {
        uint32_t w[2];
        size_t n0 = uvarint(m + i, m + *len, &w[0]), n1 = n0 ? uvarint(m + i + n0, m + *len, &w[1]) : 0;
        if (!n1 || SP_OPCODE(w[0]) != a || SP_OPCODE(w[1]) != b) continue;
        fix(w);
        uint8_t enc[10];
        size_t e = put_uvarint(enc, w[0]);
        e += put_uvarint(enc + e, w[1]);
        if (e != n0 + n1) continue;
        memcpy(m + i, enc, e);
        hit = m;
    }
    sandpy_free(sp);
    if (hit) retag(hit, *len);
    else free(m);
    return hit;
}

/* `LOAD_CONST 2; STORE_NAME x; JUMP top` -> `...; POP_JUMP_IF_TRUE top;
 * JUMP top`: depths agree, but a conditional jump never polls limits. */
static void back_cond(uint32_t *w) { w[0] = SP_INSTR(SP_POP_JUMP_IF_TRUE, SP_OPARG(w[1])); }
/* kwnames from another constant (the tuple (1,), see below) */
static void kw_const1(uint32_t *w) { w[0] = SP_INSTR(SP_LOAD_CONST, 1); }
/* a closure of a non-cell */
static void fake_cell(uint32_t *w) { w[0] = SP_INSTR(SP_LOAD_CONST, 0); }

static void expect_rejected(uint8_t *m, size_t len, const char *why) {
    CHECK(m != NULL);
    if (!m) return;
    sandpy *sp = sandpy_new(NULL);
    bool refused = sandpy_code_load(sp, m, len) == NULL;
    CHECK(refused);
    const char *msg = refused ? sandpy_error_message(sp) : NULL;
    CHECK(msg && strstr(msg, why));
    if (!msg || !strstr(msg, why)) fprintf(stderr, "  got: %s\n", msg ? msg : "(null)");
    sandpy_free(sp);
    free(m);
}

/* `"a,b".split(",", 1)` as a tuple: the method def would become a value */
static void meth_as_value(uint32_t *w) { w[1] = SP_INSTR(SP_BUILD_TUPLE, SP_OPARG(w[1]) + 2); }
/* `x = 1` inside a try in a for loop: POP_TOP pops the loop's iterator */
static void pop_below(uint32_t *w) {
    uint32_t a = SP_OPARG(w[0]);
    w[0] = SP_INSTR(SP_POP_TOP, SP_OPARG(w[1])), w[1] = SP_INSTR(SP_LOAD_CONST, a);
}
/* `f(1, 2)` as CALL_METHOD 1: no LOAD_METHOD pair below */
static void call_method(uint32_t *w) { w[1] = SP_INSTR(SP_CALL_METHOD, SP_OPARG(w[1]) - 1); }
/* a with's handler keeping __exit__'s result: RERAISE would raise a bool */
static void reraise_result(uint32_t *w) { w[1] = SP_INSTR(SP_NOP, SP_OPARG(w[1])); }

/* an inlined comprehension's slots past the code's locals; a block or a
 * return inside one; its block popped as a handler's */
static void comp_slots(uint32_t *w) { w[1] = SP_INSTR(SP_COMP_ENTER, SP_COMP_ARG(0, 0, 2)); }
static void comp_setup(uint32_t *w) { w[1] = SP_INSTR(SP_SETUP_FINALLY, SP_OPARG(w[1])); }
static void comp_return(uint32_t *w) { w[1] = SP_INSTR(SP_RETURN_VALUE, SP_OPARG(w[1])); }
static void comp_pop(uint32_t *w) { w[0] = SP_INSTR(SP_POP_BLOCK, SP_OPARG(w[0])); }

/* Bytecode shapes the verifier must refuse in loaded code (issue 5). */
static void test_verifier(void) {
    size_t len;
    uint8_t *m = patched("while 1:\n    x = 2\n", SP_STORE_NAME, SP_JUMP, back_cond, &len);
    expect_rejected(m, len, "bad instruction");
    m = patched("t = 0\nu = (1,)\ndef f(**k):\n    return k\nf(a=1)\n", SP_LOAD_CONST, SP_CALL_KW, kw_const1,
                &len);
    expect_rejected(m, len, "keyword name is not a str");
    m = patched("x = 'a,b'.split(',', 1)\n", SP_LOAD_CONST, SP_CALL_METHOD, meth_as_value, &len);
    expect_rejected(m, len, "LOAD_METHOD result used as a value");
    m = patched("for i in range(2):\n    try:\n        x = 1\n    except E:\n        pass\n", SP_LOAD_CONST,
                SP_STORE_NAME, pop_below, &len);
    expect_rejected(m, len, "value stack popped below a block");
    m = patched("def f(a, b):\n    return a\nx = f(1, 2)\n", SP_LOAD_CONST, SP_CALL, call_method, &len);
    expect_rejected(m, len, "method call without its LOAD_METHOD");
    m = patched("with m:\n    pass\n", SP_WITH_EXCEPT_START, SP_POP_JUMP_IF_TRUE, reraise_result, &len);
    expect_rejected(m, len, "RERAISE of a non-exception");
    const char *comp = "y = [v for v in 'ab']\n";
    m = patched(comp, SP_GET_ITER, SP_COMP_ENTER, comp_slots, &len);
    expect_rejected(m, len, "bad instruction");
    m = patched(comp, SP_COMP_ENTER, SP_FOR_ITER, comp_setup, &len);
    expect_rejected(m, len, "block or frame exit in a comprehension");
    m = patched(comp, SP_COMP_ENTER, SP_FOR_ITER, comp_return, &len);
    expect_rejected(m, len, "block or frame exit in a comprehension");
    m = patched(comp, SP_COMP_EXIT, SP_STORE_NAME, comp_pop, &len);
    expect_rejected(m, len, "block popped out of order");
    m = patched("def g():\n    a = 1\n    def h():\n        return a\n    return h()\ng()\n",
                SP_LOAD_CLOSURE, SP_BUILD_TUPLE, fake_cell, &len);
    CHECK(m != NULL);
    sandpy *sp = sandpy_new(NULL);
    sandpy_code *c = m ? sandpy_code_load(sp, m, len) : NULL;
    CHECK(c && sandpy_start(sp, c) == SANDPY_ERROR);
    CHECK_STR(sandpy_error_type(sp), "SystemError");
    sandpy_free(sp);
    free(m);
}

/* Paused frames whose slots or blocks the code at their position could
 * not have made (issue 5): the paused run's module frame is corrupted in
 * memory, dumped, and the load must refuse it. */
static const char *FPROG = "a, b = 'a', 'b'\n"
                           "s = '-'.join((a, b, str(fetch(1))))\n"
                           "try:\n    fetch(2)\nexcept ValueError:\n    t = fetch(3)\n"
                           "s + str(t)\n";

typedef void (*Corrupt)(sp_Frame *f);
static void swap_pair(sp_Frame *f) { /* the method def in the self slot */
    sp_Value v = f->stack[0];
    f->stack[0] = f->stack[1], f->stack[1] = v;
}
static void def_as_value(sp_Frame *f) { f->stack[3] = f->stack[0], f->stack[4] = f->stack[1]; }
static void null_value(sp_Frame *f) { f->stack[2] = (sp_Value){0}; }
static void null_self(sp_Frame *f) { f->stack[1] = (sp_Value){0}; }
static void null_method(sp_Frame *f) { f->stack[0] = (sp_Value){0}; }
static void other_handler(sp_Frame *f) { sp_frame_blocks(f)[0].handler++; }
static void int_saved_exc(sp_Frame *f) { f->stack[0] = sp_int(5); }

/* inside an inlined comprehension: its block another one's, or an except block */
static void comp_handler(sp_Frame *f) { sp_frame_blocks(f)[0].handler = -2; }
static void comp_as_except(sp_Frame *f) { sp_frame_blocks(f)[0].handler = -1; }
static void comp_level(sp_Frame *f) { sp_frame_blocks(f)[0].level++; }

static void frame_case_in(const char *prog, int pause, Corrupt fix, const char *want) {
    sandpy *sp = mk();
    sandpy_status st = sandpy_feed(sp, prog, strlen(prog));
    for (int i = 0; i < pause && st == SANDPY_PAUSED; i++) st = answer(sp);
    CHECK(st == SANDPY_PAUSED);
    if (st != SANDPY_PAUSED) return sandpy_free(sp);
    int depth = (int)(sp->vm->frame->sp - sp->vm->frame->stack);
    if (prog == FPROG) CHECK(depth == (pause ? pause - 1 : 5)); /* [join, '-', a, b, str], [], [None] */
    if (fix) fix(sp->vm->frame);
    size_t len;
    const uint8_t *s = sandpy_snapshot(sp, &len);
    CHECK(s != NULL);
    sandpy *b = mk();
    st = s ? sandpy_snapshot_load(b, s, len) : SANDPY_ERROR;
    if (!fix) {
        char *got = finish(b, st);
        CHECK_STR(got, want);
        free(got);
    } else {
        CHECK(st == SANDPY_INVALID);
        const char *msg = sandpy_error_message(b);
        CHECK(msg && strstr(msg, want));
        if (!msg || !strstr(msg, want)) fprintf(stderr, "  pause %d got: %s\n", pause, msg ? msg : "(null)");
    }
    if (fix) fix(sp->vm->frame); /* swap back what the run would trip over when freed */
    sandpy_free(b), sandpy_free(sp);
}

/* What a bare `raise` re-raises must be an exception. */
static void test_exc_info(void) {
    sandpy *sp = mk(), *b = mk();
    CHECK(sandpy_feed(sp, FPROG, strlen(FPROG)) == SANDPY_PAUSED);
    sp_exec(sp->vm)->exc_info = sp_int(5);
    size_t len;
    const uint8_t *s = sandpy_snapshot(sp, &len);
    CHECK(s && sandpy_snapshot_load(b, s, len) == SANDPY_INVALID);
    CHECK(strstr(sandpy_error_message(b), "bad state") != NULL);
    sp_exec(sp->vm)->exc_info = SP_NULLV;
    sandpy_free(b), sandpy_free(sp);
}

/* A frame paused in a finally body while an exception is in flight: the
 * slot above the saved one holds what its RERAISE will raise, which must
 * be an exception after a load too. */
static void exc_slot_case(bool corrupt) {
    static const char src[] = "try:\n    x = fetch(2)\nfinally:\n    y = fetch(1)\n";
    sandpy *sp = mk(), *b = mk();
    sandpy_status st = sandpy_feed(sp, src, strlen(src));
    st = st == SANDPY_PAUSED ? answer(sp) : st; /* fetch(2) raises; fetch(1) pauses */
    CHECK(st == SANDPY_PAUSED && sp->vm->frame->sp - sp->vm->frame->stack == 2); /* [None, exc] */
    if (st != SANDPY_PAUSED) return sandpy_free(b), sandpy_free(sp);
    sp_Value *slot = &sp->vm->frame->stack[1], exc = *slot;
    if (corrupt) *slot = sp_int(5);
    size_t len;
    const uint8_t *s = sandpy_snapshot(sp, &len);
    *slot = exc;
    st = s ? sandpy_snapshot_load(b, s, len) : SANDPY_ERROR;
    if (corrupt) {
        CHECK(st == SANDPY_INVALID && strstr(sandpy_error_message(b), "frame stack does not match its code"));
    } else {
        char *got = finish(b, st);
        CHECK(strstr(got, "ValueError: two is bad") != NULL);
        free(got);
    }
    sandpy_free(b), sandpy_free(sp);
}

static void frame_case(int pause, Corrupt fix, const char *want) { frame_case_in(FPROG, pause, fix, want); }

static void test_frame_slots(void) {
    const char *bad_frame = "frame stack does not match its code";
    const char *comp = "y = [fetch(v) for v in (4, 5)]\ny\n";
    frame_case_in(comp, 1, NULL, "[40, 50]");
    frame_case_in(comp, 1, comp_handler, bad_frame);
    frame_case_in(comp, 1, comp_as_except, bad_frame);
    frame_case_in(comp, 0, comp_level, bad_frame);
    for (int k = 0; k < 3; k++) frame_case(k, NULL, "\"a-b-1030\"");
    frame_case(0, swap_pair, bad_frame);
    frame_case(0, def_as_value, bad_frame);
    frame_case(0, null_value, bad_frame);
    frame_case(0, null_self, bad_frame);
    frame_case(0, null_method, bad_frame);
    frame_case(1, other_handler, bad_frame);
    frame_case(2, int_saved_exc, bad_frame);
    exc_slot_case(false);
    exc_slot_case(true);
}

static int child(const char *path) {
    size_t n;
    const uint8_t *buf = t_slurp(path, &n);
    if (!buf) return 2;
    char *r = resume_snapshot(buf, n);
    printf("%s\n", r);
    free(r);
    return 0;
}

static void test_fresh_process(const char *self, const char *want) {
    size_t len;
    uint8_t *s = paused_snapshot(4, &len);
    const char *path = "snap_test.bin";
    FILE *f = fopen(path, "wb");
    fwrite(s, 1, len, f);
    fclose(f);
    char cmd[512], out[4096] = "";
    snprintf(cmd, sizeof cmd, "%s --child %s", self, path);
    FILE *p = popen(cmd, "r");
    size_t n = p ? fread(out, 1, sizeof out - 1, p) : 0;
    if (p) pclose(p);
    out[n] = 0;
    if (n && out[n - 1] == '\n') out[n - 1] = 0;
    CHECK_STR(out, want);
    remove(path);
    free(s);
}

/* Dicts of one shape holding every value kind the dump's per-dict fast
 * path writes or hands to its slow path (floats, builtins, None, bools,
 * big ints, shared and short/long/non-ASCII strs), across a pause. */
static void test_shaped_values(void) {
    static const char src[] =
        "rows = [{'a': 1.5 * i, 'b': len if i % 2 else None, 'c': -i, 'd': i % 3 == 0,\n"
        "         'e': 'x' * (i % 140) + chr(233 + i % 3), 'f': 2 ** 70 + i, 'g': 'shared'} for i in range(300)]\n"
        "n = fetch(1)\n"
        "[n, sum(r['a'] for r in rows), sum(r['b'] is len for r in rows), sum(r['c'] for r in rows),\n"
        " sum(r['d'] for r in rows), sum(len(r['e']) for r in rows), rows[-1]['e'][-3:], rows[7]['f'],\n"
        " len({id(r['g']) for r in rows})]\n";
    sandpy *sp = mk();
    sandpy_status st = sandpy_feed(sp, src, strlen(src));
    CHECK(st == SANDPY_PAUSED);
    size_t len;
    const uint8_t *snap = st == SANDPY_PAUSED ? sandpy_snapshot(sp, &len) : NULL;
    uint8_t *s = snap ? malloc(len) : NULL;
    CHECK(s != NULL);
    if (s) memcpy(s, snap, len);
    char *want = finish(sp, st), *got = s ? resume_snapshot(s, len) : strdup("?");
    CHECK_STR(got, want);
    CHECK(strstr(want, "1180591620717411303431") != NULL);
    free(want), free(got), free(s);
    sandpy_free(sp);
}

/* Loads over a loaded state: the old state's memory comes back (the
 * collector counts it as debt), a fresh interpreter does not collect what
 * it has just loaded, and both stay usable. */
static void test_reload_memory(void) {
    static const char src[] = "rows = [{'id': i, 'name': 'n%d' % i} for i in range(2000)]\nn = fetch(1)\n";
    sandpy *sp = mk();
    CHECK(sandpy_feed(sp, src, strlen(src)) == SANDPY_PAUSED);
    size_t len, one = 0, most = 0;
    const uint8_t *snap = sandpy_snapshot(sp, &len);
    uint8_t *s = snap ? malloc(len) : NULL;
    CHECK(s != NULL);
    if (s) memcpy(s, snap, len);
    sandpy *b = mk();
    for (int i = 0; s && i < 40; i++) {
        CHECK(sandpy_snapshot_load(b, s, len) == SANDPY_PAUSED);
        size_t used = sandpy_memory_used(b);
        if (i == 0) one = used;
        if (used > most) most = used;
    }
    CHECK(one > 100000 && most < 4 * one);
    if (!(most < 4 * one)) fprintf(stderr, "reload: one state %zu bytes, peak %zu\n", one, most);
    CHECK(sandpy_resume(b, sandpy_pending(b)->id, sandpy_int(b, 7)) == SANDPY_OK);
    free(s);
    sandpy_free(b), sandpy_free(sp);
}

int main(int argc, char **argv) {
    if (argc == 3 && !strcmp(argv[1], "--child")) return child(argv[2]);
    char *want = uninterrupted();
    CHECK(strstr(want, "two is bad") != NULL);
    test_every_pause(want);
    test_comprehensions();
    test_forks();
    test_code_snapshot();
    test_repl_snapshot();
    test_limits();
    test_fresh_process(argv[0], want);
    test_hostile();
    test_verifier();
    test_frame_slots();
    test_exc_info();
    test_hostile_itertools();
    test_shaped_values();
    test_reload_memory();
    free(want);
    return t_report();
}

/* The unkeyed tag (sp_snap.c's fastsum: four multiply-rotate lanes over
 * 32-byte blocks), for retagging mutated bytes. */
#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
static uint64_t rd(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = (v << 8) | p[i];
    return v;
}
static uint64_t lane(uint64_t acc, uint64_t m) {
    acc += m * 0xC2B2AE3D27D4EB4FULL;
    return ROTL(acc, 31) * 0x9E3779B185EBCA87ULL;
}
static uint64_t sip(const uint8_t *p, size_t n) {
    uint64_t a = 0x60EA27EEADC0B5D6ULL, b = 0xC2B2AE3D27D4EB4FULL, c = 0, d = 0x61C8864E7A143579ULL;
    size_t i = 0;
    for (; i + 32 <= n; i += 32)
        a = lane(a, rd(p + i)), b = lane(b, rd(p + i + 8)), c = lane(c, rd(p + i + 16)), d = lane(d, rd(p + i + 24));
    uint64_t h = ROTL(a, 1) + ROTL(b, 7) + ROTL(c, 12) + ROTL(d, 18) + n;
    for (; i + 8 <= n; i += 8) h = lane(h, rd(p + i));
    for (; i < n; i++) h = (h ^ p[i]) * 0x100000001B3ULL;
    h ^= h >> 33, h *= 0xFF51AFD7ED558CCDULL, h ^= h >> 29, h *= 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 32);
}
