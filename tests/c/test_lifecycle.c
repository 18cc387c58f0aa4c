/* test_lifecycle.c - many interpreters: 1000 created and destroyed with
 * every byte returned (a counting allocator), and 8 threads each running
 * its own interpreter with pauses (build with -fsanitize=thread to race-
 * check: make test-tsan). */
#include "sandpy.h"
#include "harness.h"

#include <pthread.h>
#include <stdlib.h>

typedef struct {
    long live, peak, calls;
} Counter;

static void *count_alloc(void *ud, void *p, size_t oldn, size_t newn) {
    Counter *c = ud;
    c->live += (long)newn - (long)(p ? oldn : 0);
    if (c->live > c->peak) c->peak = c->live;
    c->calls++;
    if (!newn) {
        free(p);
        return NULL;
    }
    return realloc(p, newn);
}

static void test_many(void) {
    Counter c = {0, 0, 0};
    sandpy_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.alloc = count_alloc;
    cfg.alloc_ud = &c;
    int ok = 0;
    for (int i = 0; i < 1000; i++) {
        sandpy *sp = sandpy_new(&cfg);
        if (!sp) break;
        sandpy_register_pausing(sp, "tool");
        const char *src = "d = {str(i): [i] * 3 for i in range(20)}\nlen(d) + tool(len(d))";
        sandpy_status st = sandpy_feed(sp, src, strlen(src));
        if (i % 2 && st == SANDPY_PAUSED) { /* odd ones finish, even ones are dropped paused */
            st = sandpy_resume(sp, sandpy_pending(sp)->id, sandpy_int(sp, 1));
            int64_t r = 0;
            ok += st == SANDPY_OK && sandpy_as_int(sp, sandpy_result(sp), &r) && r == 21;
        } else {
            ok += st == SANDPY_PAUSED;
        }
        sandpy_free(sp);
    }
    CHECK(ok == 1000);
    CHECK(c.live == 0);
    if (c.live) fprintf(stderr, "leaked %ld bytes\n", c.live);
    /* a failing allocator: creation fails cleanly or works, never crashes */
    sandpy_config tiny = cfg;
    tiny.max_memory = 512;
    sandpy *sp = sandpy_new(&tiny);
    if (sp) {
        CHECK(sandpy_feed(sp, "[0] * 1000", 10) == SANDPY_ERROR);
        sandpy_free(sp);
    }
    CHECK(c.live == 0);
}

static void *worker(void *arg) {
    int id = (int)(intptr_t)arg, *ok = malloc(sizeof *ok);
    *ok = 1;
    sandpy *sp = sandpy_new(NULL);
    sandpy_register_pausing(sp, "tool");
    char src[256];
    snprintf(src, sizeof src,
             "def f(n):\n    return sum(i * %d for i in range(n))\n"
             "t = 0\nfor k in range(20):\n    t += tool(k) + f(200)\nt", id);
    sandpy_status st = sandpy_feed(sp, src, strlen(src));
    while (st == SANDPY_PAUSED) {
        const sandpy_call *c = sandpy_pending(sp);
        int64_t k = 0;
        sandpy_as_int(sp, sandpy_item(sp, c->args, 0), &k);
        st = sandpy_resume(sp, c->id, sandpy_int(sp, k));
    }
    int64_t r = 0;
    int64_t want = 190 + 20 * (int64_t)id * 19900;
    *ok = st == SANDPY_OK && sandpy_as_int(sp, sandpy_result(sp), &r) && r == want;
    sandpy_free(sp);
    return ok;
}

static void test_threads(void) {
    pthread_t th[8];
    for (int i = 0; i < 8; i++) pthread_create(&th[i], NULL, worker, (void *)(intptr_t)(i + 1));
    for (int i = 0; i < 8; i++) {
        void *r;
        pthread_join(th[i], &r);
        CHECK(r && *(int *)r);
        free(r);
    }
}

/* A fresh interpreter makes its function registry, futures table and
 * code list on first use: every reader must take "none yet" as empty. */
static void test_fresh(void) {
    sandpy *sp = sandpy_new(NULL);
    CHECK(sandpy_settle(sp, 7, sandpy_int(sp, 1)) == SANDPY_INVALID);
    CHECK_STR(sandpy_error_type(sp), "ValueError");
    sandpy_code_free(sp, NULL);
    size_t n = 0;
    const uint8_t *snap = sandpy_snapshot(sp, &n);
    uint8_t *copy = snap ? malloc(n) : NULL;
    if (copy) memcpy(copy, snap, n);
    sandpy *sp2 = sandpy_new(NULL);
    CHECK(copy && sandpy_snapshot_load(sp2, copy, n) == SANDPY_OK);
    CHECK(sandpy_register_pausing(sp2, "tool") == SANDPY_OK);
    CHECK(sandpy_feed(sp2, "x = 1\nx + 1", 11) == SANDPY_OK);
    int64_t r = 0;
    CHECK(sandpy_as_int(sp2, sandpy_result(sp2), &r) && r == 2);
    free(copy);
    sandpy_free(sp2);
    sandpy_free(sp);
}

int main(void) {
    test_fresh();
    test_many();
    test_threads();
    return t_report();
}
