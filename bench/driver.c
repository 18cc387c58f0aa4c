/* driver.c - the sandpy side of the benchmark suite, on the public API only.
 *
 *   driver FILE            run FILE in a fresh interpreter; print() output on stdout and
 *                          `time: <seconds>` (parse + compile + run) on stderr
 *   driver --armed FILE    the same with every limit armed (high enough never to fire)
 *   driver --latency N     N x (sandpy_new + compile + run the latency snippet + sandpy_free);
 *                          `per_iter_us: <float>` on stderr
 *   driver --memory        `idle_bytes: <n>`: sandpy_memory_used right after sandpy_new
 *   driver --snapshot N    a run paused while holding 1000 small dicts: dumped N times,
 *                          loaded N times into fresh interpreters and N times into one;
 *                          `dump_us:`, `load_us:`, `load_reuse_us:` and `snapshot_bytes:`
 *                          on stderr (see snapshot())
 *   driver --json-io N     1000 records x 3 keys handed in as JSON, reshaped by precompiled
 *                          code, the result read back as JSON, N times; `json_io_us:` (median)
 *
 * No limits are set (but with --armed): CPython and Monty run the workloads without any. */
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

/* armed: every limit set, high enough never to fire, to measure what
 * checking them costs (issue 4 allows at most 10%). */
static int run_file(const char *path, int armed) {
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        perror(path);
        return 2;
    }
    sandpy_config cfg = {.write = write_out};
    if (armed) {
        cfg.max_memory = (size_t)8 << 30;
        cfg.max_allocations = UINT64_MAX / 2;
        cfg.max_instructions = UINT64_MAX / 2;
        cfg.max_duration = 3600.0;
        cfg.max_recursion = 1000;
    }
    sandpy *sp = sandpy_new(&cfg);
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

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *t, long n) {
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    return t[n / 2];
}

static const char SNAP_SRC[] =
    "rows = [{'id': i, 'name': 'item%d' % i, 'ok': i % 2 == 0} for i in range(1000)]\n"
    "got = fetch(len(rows))\n";

/* One load of the snapshot into sp (fresh: a new interpreter each time);
 * seconds, or -1 on failure. */
static double load_once(sandpy *sp, const uint8_t *snap, size_t len, int fresh) {
    sandpy *b = fresh ? sandpy_new(NULL) : sp;
    if (fresh) sandpy_register_pausing(b, "fetch");
    double t0 = now();
    sandpy_status st = sandpy_snapshot_load(b, snap, len);
    double t = now() - t0;
    if (st != SANDPY_PAUSED) fprintf(stderr, "load failed: %s\n", sandpy_error_traceback(b)), t = -1;
    if (fresh) sandpy_free(b);
    return t;
}

/* dump_us: median dump.  load_us: median load into a fresh interpreter, as
 * in the process that resumes a run (its first touch of new memory
 * included).  load_reuse_us: mean of loads into one interpreter, each
 * replacing the last, so collecting the old state is amortised in (a
 * median there flips with how often the collector's threshold comes
 * round). */
static int snapshot(long n) {
    sandpy *sp = sandpy_new(NULL);
    sandpy_register_pausing(sp, "fetch");
    if (sandpy_exec(sp, SNAP_SRC, sizeof SNAP_SRC - 1, "<snap>") != SANDPY_PAUSED) {
        fprintf(stderr, "snapshot program did not pause: %s\n", sandpy_error_traceback(sp));
        return 1;
    }
    double *td = malloc((size_t)n * sizeof *td), *tl = malloc((size_t)n * sizeof *tl), reuse = 0;
    size_t len = 0;
    const uint8_t *s = NULL;
    for (long i = 0; i < n; i++) {
        double t0 = now();
        s = sandpy_snapshot(sp, &len);
        td[i] = now() - t0;
    }
    uint8_t *copy = s ? malloc(len) : NULL;
    if (copy) memcpy(copy, s, len);
    int rc = !copy;
    if (!copy) fprintf(stderr, "dump failed: %s\n", sandpy_error_traceback(sp));
    for (long i = 0; i < n && !rc; i++) rc = (tl[i] = load_once(NULL, copy, len, 1)) < 0;
    for (long i = 0; i < n && !rc; i++) {
        double t = load_once(sp, copy, len, 0);
        rc = t < 0;
        reuse += t;
    }
    if (!rc)
        fprintf(stderr, "dump_us: %.3f\nload_us: %.3f\nload_reuse_us: %.3f\nsnapshot_bytes: %zu\n",
                median(td, n) * 1e6, median(tl, n) * 1e6, reuse / (double)n * 1e6, len);
    free(td), free(tl), free(copy);
    sandpy_free(sp);
    return rc;
}

static const char JSON_SRC[] =
    "[{'key': r['id'], 'total': r['price'] * r['qty']} for r in orders if r['qty']]";

static int json_io(long n) {
    size_t cap = 64 << 10, len = 0;
    char *json = malloc(cap);
    len += (size_t)snprintf(json, cap, "[");
    for (int i = 0; i < 1000; i++)
        len += (size_t)snprintf(json + len, cap - len, "%s{\"id\": \"r%d\", \"price\": %d.25, \"qty\": %d}",
                                i ? ", " : "", i, i % 97, i % 7);
    len += (size_t)snprintf(json + len, cap - len, "]");
    sandpy *sp = sandpy_new(NULL);
    const char *names[] = {"orders"};
    sandpy_code *code = sandpy_compile(sp, JSON_SRC, sizeof JSON_SRC - 1, "<json>", names, 1);
    double *t = malloc((size_t)n * sizeof *t);
    size_t outlen = 0;
    for (long i = 0; i < n; i++) {
        double t0 = now();
        const char *out = NULL;
        if (sandpy_input_json(sp, "orders", json, len) == SANDPY_OK && sandpy_start(sp, code) == SANDPY_OK)
            out = sandpy_result_json(sp, &outlen);
        t[i] = now() - t0;
        if (!out) {
            fprintf(stderr, "json-io failed: %s\n", sandpy_error_traceback(sp));
            return 1;
        }
    }
    fprintf(stderr, "json_io_us: %.3f\njson_in_bytes: %zu\njson_out_bytes: %zu\n", median(t, n) * 1e6, len,
            outlen);
    free(t), free(json);
    sandpy_free(sp);
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
    if (argc == 3 && strcmp(argv[1], "--snapshot") == 0 && atol(argv[2]) > 0) return snapshot(atol(argv[2]));
    if (argc == 3 && strcmp(argv[1], "--json-io") == 0 && atol(argv[2]) > 0) return json_io(atol(argv[2]));
    if (argc == 2 && argv[1][0] != '-') return run_file(argv[1], 0);
    if (argc == 3 && strcmp(argv[1], "--armed") == 0) return run_file(argv[2], 1);
    fputs("usage: driver [--armed] FILE | --latency N | --memory | --snapshot N | --json-io N\n",
          stderr);
    return 2;
}
