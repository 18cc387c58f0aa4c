/* test_pool.c - the object pool under churn: host memory stays near what
 * the program holds.  (A sweep once dropped the free slots of every class
 * the nursery had none of, so each collection carved new pages: a program
 * holding a few KiB grew its host memory without bound.) */
#include "harness.h"
#include "sandpy.h"

#include <stdlib.h>

typedef struct Host {
    size_t now, peak;
} Host;

static void *host_alloc(void *ud, void *ptr, size_t oldsize, size_t newsize) {
    Host *h = ud;
    if (!newsize) {
        free(ptr);
        h->now -= oldsize;
        return NULL;
    }
    void *p = realloc(ptr, newsize);
    if (p) {
        h->now += newsize - oldsize;
        if (h->now > h->peak) h->peak = h->now;
    }
    return p;
}

int main(void) {
    /* objects of several sizes made and dropped: the live set stays small */
    static const char churn[] =
        "class P:\n"
        "    def __init__(self, x): self.x = x\n"
        "keep = []\n"
        "for i in range(300000):\n"
        "    t = (i, i + 1, P(i), [i], {'k': i})\n"
        "    if i % 1000 == 0: keep.append(t)\n"
        "len(keep)\n";
    Host h = {0, 0};
    sandpy_config c = {0};
    c.alloc = host_alloc;
    c.alloc_ud = &h;
    sandpy *sp = sandpy_new(&c);
    CHECK(sp != NULL);
    if (sp) {
        CHECK(sandpy_exec(sp, churn, sizeof churn - 1, "<churn>") == SANDPY_OK);
        /* 300 kept tuples and the interpreter: well under 4 MiB of host memory */
        if (h.peak >= ((size_t)4 << 20)) fprintf(stderr, "host peak %zu bytes\n", h.peak);
        CHECK(h.peak < ((size_t)4 << 20));
        sandpy_free(sp);
    }
    CHECK(h.now == 0);
    return t_report();
}
