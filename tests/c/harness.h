/* harness.h - a tiny test harness for the C API tests: each test binary
 * prints failures as they happen and ends with "N passed, N failed". */
#ifndef HARNESS_H
#define HARNESS_H

#include <stdio.h>
#include <string.h>

static int t_pass, t_fail;

#define CHECK(cond) do { \
        if (cond) t_pass++; \
        else { t_fail++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } \
    } while (0)
#define CHECK_STR(a, b) do { \
        const char *a_ = (a), *b_ = (b); \
        if (a_ && b_ && !strcmp(a_, b_)) t_pass++; \
        else { t_fail++; fprintf(stderr, "FAIL %s:%d: %s == \"%s\" (got \"%s\")\n", __FILE__, \
                                 __LINE__, #a, b_ ? b_ : "(null)", a_ ? a_ : "(null)"); } \
    } while (0)

/* Reads a whole small file (a snapshot handed to a child process) into a
 * static buffer; NULL if it cannot. */
static inline const unsigned char *t_slurp(const char *path, size_t *n) {
    static unsigned char buf[1 << 20];
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    *n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    return buf;
}

static int t_report(void) {
    printf("%d passed, %d failed\n", t_pass, t_fail);
    return t_fail ? 1 : 0;
}

#endif
