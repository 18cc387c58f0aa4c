/* driver.c - the sandpy side of the benchmark suite, on the public API only.
 *
 *   driver FILE            run FILE in a fresh interpreter; print() output on stdout and
 *                          `time: <seconds>` (parse + compile + run) on stderr
 *   driver --latency N     N x (sandpy_new + compile + run the latency snippet + sandpy_free);
 *                          `per_iter_us: <float>` on stderr
 *   driver --memory        `idle_bytes: <n>`: sandpy_memory_used right after sandpy_new
 *
 * No limits are set: CPython and Monty run the same workloads without any either. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sandpy.h"

static const char SNIPPET[] = "x = {'a': [1, 2, 3]}; y = [v * 2 for v in x['a']]";

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void write_out(void *ud, int stream, const char *text, size_t len) {
    (void)ud;
    fwrite(text, 1, len, stream == 2 ? stderr : stdout);
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger) free(buf);
            buf = bigger;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static int run_file(const char *path) {
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        perror(path);
        return 2;
    }
    sandpy *sp = sandpy_new(&(sandpy_config){.write = write_out});
    if (!sp) {
        fputs("sandpy_new failed\n", stderr);
        return 2;
    }
    double t0 = now();
    sandpy_status st = sandpy_exec(sp, src, len, path);
    double t1 = now();
    fflush(stdout);
    int rc = 0;
    if (st == SANDPY_OK) {
        fprintf(stderr, "time: %.6f\n", t1 - t0);
    } else {
        fprintf(stderr, "%s\n", sandpy_error_traceback(sp));
        rc = 1;
    }
    sandpy_free(sp);
    free(src);
    return rc;
}

static int latency(long n) {
    double t0 = now();
    for (long i = 0; i < n; i++) {
        sandpy *sp = sandpy_new(NULL);
        if (!sp || sandpy_exec(sp, SNIPPET, sizeof SNIPPET - 1, "<snippet>") != SANDPY_OK) {
            fprintf(stderr, "latency snippet failed: %s\n", sp ? sandpy_error_traceback(sp) : "");
            sandpy_free(sp);
            return 1;
        }
        sandpy_free(sp);
    }
    double t1 = now();
    fprintf(stderr, "per_iter_us: %.3f\n", (t1 - t0) / (double)n * 1e6);
    return 0;
}

static int memory(void) {
    sandpy *sp = sandpy_new(NULL);
    if (!sp) return 1;
    fprintf(stderr, "idle_bytes: %zu\n", sandpy_memory_used(sp));
    sandpy_free(sp);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "--latency") == 0 && atol(argv[2]) > 0)
        return latency(atol(argv[2]));
    if (argc == 2 && strcmp(argv[1], "--memory") == 0) return memory();
    if (argc == 2 && argv[1][0] != '-') return run_file(argv[1]);
    fputs("usage: driver FILE | --latency N | --memory\n", stderr);
    return 2;
}
