/* test_robust.c - crash containment through the library (issue 4):
 *  - N-deep lists, dicts and tuples (N = 1e3, 1e5, 1e6) through repr, str,
 *    ==, <, hash, len, json.dumps/loads, copying and freeing, and N-deep
 *    source, all on a thread with a 256 KiB stack: each gives a value or a
 *    Python exception, never a crash (run under ASan+UBSan by test-asan);
 *  - the interpreter stays usable after hitting its memory limit;
 *  - sandpy_interrupt from another thread stops a loop that catches
 *    everything;
 *  - the instruction budget stops C loops too. */
#include "harness.h"
#include "sandpy.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

/* ThreadSanitizer keeps its large per-thread state in TLS, which glibc
 * carves from the top of the thread's stack: give it room on top of the
 * 256 KiB a host thread would have. */
#if defined(__SANITIZE_THREAD__)
#define SMALL_STACK (256 * 1024 + 2048 * 1024)
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SMALL_STACK (256 * 1024 + 2048 * 1024)
#endif
#endif
#ifndef SMALL_STACK
#define SMALL_STACK (256 * 1024)
#endif

static const char *const DEEP_OK_ERRORS[] = {"RecursionError", "MemoryError", "TypeError",
                                             "SyntaxError", "ValueError", NULL};

static int accepted(sandpy *sp, sandpy_status st) {
    if (st == SANDPY_OK) return 1;
    if (st != SANDPY_ERROR) return 0;
    for (int i = 0; DEEP_OK_ERRORS[i]; i++)
        if (!strcmp(sandpy_error_type(sp), DEEP_OK_ERRORS[i])) return 1;
    fprintf(stderr, "unexpected: %s\n", sandpy_error_traceback(sp));
    return 0;
}

static sandpy_status run(sandpy *sp, const char *src) {
    return sandpy_exec(sp, src, strlen(src), "<robust>");
}

static sandpy *deep_vm(void) {
    sandpy_config c;
    memset(&c, 0, sizeof c);
    c.max_memory = (size_t)1 << 30;
    c.max_duration = 60;
    c.max_stack = 160 * 1024; /* below the thread's 256 KiB, ASan frames included */
    return sandpy_new(&c);
}

static void deep_data(int n, const char *seed, const char *wrap, const char *loads) {
    static const char *const ops[] = {
        "repr(x)", "str(x)", "x == y", "x != y", "x < y", "hash(x)", "len(x)", "[x] == [y]",
        "json.dumps(x)", "json.loads(S)", "json.loads(json.dumps(x))", "list(x)", "x[:]",
        "f'{x}'", "print(x)", "sorted([x, y])", "{x: 1}", "y in [x]", NULL};
    sandpy *sp = deep_vm();
    CHECK(sp != NULL);
    if (!sp) return;
    char src[512];
    snprintf(src, sizeof src,
             "import json\nN = %d\ndef build():\n    x = %s\n    for i in range(N):\n"
             "        x = %s\n    return x\nx = build()\ny = build()\nS = %s\n",
             n, seed, wrap, loads);
    sandpy_status st = run(sp, src);
    CHECK(accepted(sp, st));
    if (st == SANDPY_OK) {
        for (int i = 0; ops[i]; i++) {
            int ok = accepted(sp, run(sp, ops[i]));
            CHECK(ok);
            if (!ok) fprintf(stderr, "  (%s, N=%d, %s)\n", wrap, n, ops[i]);
        }
    }
    CHECK(run(sp, "x = y = S = None\njunk = [[i] for i in range(100000)]\n1") == SANDPY_OK);
    sandpy_free(sp); /* frees whatever is left, without recursion */
}

static void deep_source(int n) {
    static const char *const shapes[][2] = {{"(", ")"}, {"[", "]"}, {"{", "}"}, {"-", ""},
                                            {"not ", ""}, {"f(", ")"}, {"lambda: ", ""}};
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        size_t a = strlen(shapes[s][0]), b = strlen(shapes[s][1]);
        char *src = malloc((size_t)n * (a + b) + 8);
        if (!src) return;
        char *p = src;
        memcpy(p, "x = ", 4), p += 4;
        for (int i = 0; i < n; i++) memcpy(p, shapes[s][0], a), p += a;
        *p++ = '1';
        for (int i = 0; i < n; i++) memcpy(p, shapes[s][1], b), p += b;
        sandpy *sp = deep_vm();
        if (sp) {
            int ok = accepted(sp, sandpy_exec(sp, src, (size_t)(p - src), "<deep>"));
            CHECK(ok);
            if (!ok) fprintf(stderr, "  (source %s x %d)\n", shapes[s][0], n);
            sandpy_free(sp);
        }
        free(src);
    }
}

static void *deep_thread(void *arg) {
    (void)arg;
    static const int sizes[] = {1000, 100000, 1000000};
    for (int i = 0; i < 3; i++) {
        deep_data(sizes[i], "[]", "[x]", "'[' * N + ']' * N");
        deep_data(sizes[i], "{}", "{'k': x}", "'{\"k\":' * N + '0' + '}' * N");
        deep_data(sizes[i], "()", "(x,)", "'[' * N + ']' * N");
        deep_source(sizes[i]);
    }
    return NULL;
}

static void test_small_stack(void) {
    pthread_attr_t attr;
    pthread_t th;
    pthread_attr_init(&attr);
    CHECK(pthread_attr_setstacksize(&attr, SMALL_STACK) == 0);
    int rc = pthread_create(&th, &attr, deep_thread, NULL);
    if (rc == 0) pthread_join(th, NULL);
    CHECK(rc == 0); /* after the join: the thread's CHECKs count too */
    pthread_attr_destroy(&attr);
}

/* Hitting the memory limit ends the run; the host can run the next one. */
static void test_usable_after_memory_limit(void) {
    sandpy_config c;
    memset(&c, 0, sizeof c);
    c.max_memory = (size_t)32 << 20;
    sandpy *sp = sandpy_new(&c);
    CHECK(run(sp, "def f():\n    keep = []\n    while True:\n        try:\n"
                  "            keep.append([0] * 1000)\n        except MemoryError:\n"
                  "            pass\nf()\n") == SANDPY_ERROR);
    CHECK_STR(sandpy_error_type(sp), "MemoryError");
    CHECK(run(sp, "sum(range(10))") == SANDPY_OK);
    int64_t v = 0;
    CHECK(sandpy_as_int(sp, sandpy_result(sp), &v) && v == 45);
    sandpy_status st = run(sp, "len([0] * 1000000)"); /* the garbage was reclaimed */
    CHECK(st == SANDPY_OK);
    if (st != SANDPY_OK) fprintf(stderr, "%s (%zu bytes in use)\n", sandpy_error_traceback(sp), sandpy_memory_used(sp));
    sandpy_free(sp);
}

static void *interrupter(void *arg) {
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
    sandpy_interrupt(arg);
    return NULL;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void test_interrupt(void) {
    sandpy *sp = sandpy_new(NULL);
    pthread_t th;
    CHECK(pthread_create(&th, NULL, interrupter, sp) == 0);
    double t0 = now();
    CHECK(run(sp, "while True:\n    try:\n        while True:\n            pass\n"
                  "    except BaseException:\n        pass\n") == SANDPY_ERROR);
    CHECK(now() - t0 < 5.0);
    CHECK_STR(sandpy_error_type(sp), "KeyboardInterrupt");
    pthread_join(th, NULL);
    CHECK(run(sp, "1 + 1") == SANDPY_OK);
    sandpy_free(sp);
}

/* The deterministic budget counts C-loop iterations too. */
static void test_instructions_in_c_loops(void) {
    sandpy_config c;
    memset(&c, 0, sizeof c);
    c.max_instructions = 1000000;
    sandpy *sp = sandpy_new(&c);
    CHECK(run(sp, "sum(range(10**18))") == SANDPY_ERROR);
    CHECK_STR(sandpy_error_type(sp), "TimeoutError");
    CHECK(run(sp, "sorted(range(1000))[-1]") == SANDPY_OK);
    sandpy_free(sp);
}

int main(void) {
    test_usable_after_memory_limit();
    test_interrupt();
    test_instructions_in_c_loops();
    test_small_stack();
    return t_report();
}
