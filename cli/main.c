/* sandpy CLI - built on the public API only.
 *
 *   sandpy [options] FILE.py | -c CODE | -
 *
 * Exit 0 on success, 1 on an uncaught exception or syntax error (traceback
 * on stderr, last line "ExcType: message"); bad usage also exits 1. */
#include "sandpy.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define MAX_INPUTS 64

typedef struct {
    sandpy_config cfg;
    const char *inputs[MAX_INPUTS];
    int ninputs;
    int json, time;
    long bench_n;
    uint64_t seed;                 /* --random-seed */
    const char *code, *file;
} Opts;

static void out_write(void *ud, int stream, const char *s, size_t n) {
    (void)ud;
    fwrite(s, 1, n, stream == 2 ? stderr : stdout);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Test hook (tests/alloc_fail.py): SANDPY_FAIL_ALLOC=N makes the N-th
 * allocation the library asks for fail (0: none), and the count is
 * reported on stderr at exit, so every out-of-memory path can be tried. */
typedef struct {
    unsigned long long n, fail;
} FailAlloc;

static void *fail_alloc(void *ud, void *p, size_t oldsize, size_t newsize) {
    FailAlloc *fa = ud;
    (void)oldsize;
    if (newsize == 0) {
        free(p);
        return NULL;
    }
    return ++fa->n == fa->fail ? NULL : realloc(p, newsize);
}

static uint64_t fixed_seed(void *ud) { return *(const uint64_t *)ud; }

static int usage(const char *msg) {
    fprintf(stderr, "sandpy: %s\n"
            "usage: sandpy [--max-memory=BYTES] [--max-duration=SECONDS] [--max-recursion=N]\n"
            "              [--max-allocations=N] [--max-instructions=N] [--input NAME=JSON|@FILE]\n"
            "              [--random-seed=N] [--json] [--time] [--bench-startup N]\n"
            "              (FILE.py | -c CODE | -)\n", msg);
    return 1;
}

/* Whole file (or stdin for "-") into a NUL-terminated malloc'd buffer. */
static char *read_all(const char *path, size_t *len) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    while (p) {
        n += fread(p + n, 1, cap - n - 1, f);
        if (n < cap - 1) break;
        char *q = realloc(p, cap * 2);
        if (!q) { free(p); p = NULL; break; }
        p = q, cap *= 2;
    }
    int err = ferror(f);
    if (f != stdin) fclose(f);
    if (!p || err) { free(p); return NULL; }
    p[n] = 0;
    *len = n;
    return p;
}

static int parse_num(const char *s, double *out) {
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    return !(errno || end == s || *end || *out < 0);
}

/* --name=VALUE numeric options; returns 1 handled, 0 not ours, -1 bad. */
static int num_opt(Opts *o, const char *a) {
    static const char *const names[] = {"--max-memory=", "--max-duration=", "--max-recursion=",
                                        "--max-allocations=", "--max-instructions="};
    for (int i = 0; i < 5; i++) {
        size_t n = strlen(names[i]);
        if (strncmp(a, names[i], n)) continue;
        double v;
        if (!parse_num(a + n, &v)) return -1;
        switch (i) {
        case 0: o->cfg.max_memory = (size_t)v; break;
        case 1: o->cfg.max_duration = v; break;
        case 2: o->cfg.max_recursion = v > 1e9 ? 1000000000 : (int)v; break;
        case 3: o->cfg.max_allocations = (uint64_t)v; break;
        default: o->cfg.max_instructions = (uint64_t)v; break;
        }
        return 1;
    }
    return 0;
}

static int parse_opts(Opts *o, int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int r = num_opt(o, a);
        if (r < 0) return usage("bad numeric option value");
        if (r) continue;
        if (!strcmp(a, "--json")) o->json = 1;
        else if (!strcmp(a, "--time")) o->time = 1;
        else if (!strncmp(a, "--random-seed=", 14)) {
            char *end;
            errno = 0;
            o->seed = strtoull(a + 14, &end, 10);
            if (errno || end == a + 14 || *end || a[14] == '-') return usage("bad --random-seed value");
            o->cfg.random_seed = fixed_seed;
            o->cfg.random_seed_ud = &o->seed;
        }
        else if (!strcmp(a, "--input") || !strncmp(a, "--input=", 8)) {
            const char *v = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v || !strchr(v, '=')) return usage("--input needs NAME=JSON");
            if (o->ninputs == MAX_INPUTS) return usage("too many --input");
            o->inputs[o->ninputs++] = v;
        } else if (!strcmp(a, "--bench-startup")) {
            if (i + 1 >= argc || (o->bench_n = atol(argv[++i])) <= 0)
                return usage("--bench-startup needs a count");
        } else if (!strcmp(a, "-c")) {
            if (i + 1 >= argc) return usage("-c needs an argument");
            o->code = argv[++i];
            return 0;
        } else if (a[0] == '-' && a[1] == '-') {
            return usage("unknown option");
        } else {
            o->file = a;
            return 0;
        }
    }
    return usage("no program given");
}

/* CPython's handling of an uncaught SystemExit: no traceback; code None or
 * 0 exits 0 (-1 here: stop, but successfully), another int exits non-zero
 * (1: the CLI's only failure code), anything else is printed.  The code is
 * judged by its str(). */
static int system_exit(sandpy *sp) {
    const char *m = sandpy_error_message(sp), *p = m + (*m == '-');
    if (!*m || !strcmp(m, "None") || !strcmp(m, "False")) return -1;
    if (!strcmp(m, "True")) return 1;
    if (*p && strspn(p, "0123456789") == strlen(p)) return strspn(p, "0") == strlen(p) ? -1 : 1;
    fprintf(stderr, "%s\n", m);
    return 1;
}

static int report_error(sandpy *sp) {
    fflush(stdout);
    if (!strcmp(sandpy_error_type(sp), "SystemExit")) return system_exit(sp);
    const char *tb = sandpy_error_traceback(sp);
    fputs(tb, stderr);
    if (*tb && tb[strlen(tb) - 1] != '\n') fputc('\n', stderr);
    return 1;
}

/* Bind one --input NAME=JSON or NAME=@file. */
static int bind_input(sandpy *sp, const char *spec) {
    const char *eq = strchr(spec, '=');
    char name[256];
    size_t nl = (size_t)(eq - spec);
    if (nl == 0 || nl >= sizeof name) return usage("bad --input name");
    memcpy(name, spec, nl);
    name[nl] = 0;
    const char *val = eq + 1;
    size_t len = strlen(val);
    char *data = NULL;
    if (val[0] == '@') {
        data = read_all(val + 1, &len);
        if (!data) {
            fprintf(stderr, "sandpy: cannot read %s: %s\n", val + 1, strerror(errno));
            return 1;
        }
        val = data;
    }
    sandpy_status st = sandpy_set_input_json(sp, name, val, len);
    free(data);
    return st == SANDPY_OK ? 0 : report_error(sp);
}

static int run_once(const Opts *o, const char *src, size_t len, const char *fname, int quiet) {
    sandpy *sp = sandpy_new(&o->cfg);
    if (!sp) { fputs("MemoryError\n", stderr); return 1; }
    int rc = 0;
    for (int i = 0; i < o->ninputs && !rc; i++) rc = bind_input(sp, o->inputs[i]);
    if (!rc && sandpy_exec(sp, src, len, fname) != SANDPY_OK) rc = report_error(sp);
    if (!rc && o->json && !quiet) {
        size_t n;
        const char *j = sandpy_result_json(sp, &n);
        if (!j) rc = report_error(sp);
        else fwrite(j, 1, n, stdout), fputc('\n', stdout);
    }
    sandpy_free(sp);
    return rc < 0 ? 0 : rc;
}

/* The CLI runs on the main thread, whose stack the OS sizes (ulimit -s,
 * usually 8 MiB): let sandpy use half of it, up to 4 MiB, so that depth
 * is decided by the recursion limit as in CPython, not by the library's
 * conservative default for small host threads. */
static size_t stack_budget(void) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) != 0) return 0;
    size_t lim = rl.rlim_cur == RLIM_INFINITY ? (size_t)8 << 20 : (size_t)rl.rlim_cur;
    size_t half = lim / 2, cap = (size_t)4 << 20;
    return half < ((size_t)256 << 10) ? 0 : half < cap ? half : cap;
}

int main(int argc, char **argv) {
    Opts o;
    memset(&o, 0, sizeof o);
    o.cfg.max_stack = stack_budget();
    o.cfg.max_memory = (size_t)256 << 20;
#ifdef SP_GC_STRESS /* collecting at every safe point is ~100x slower (make test-gcstress) */
    o.cfg.max_duration = 600.0;
#else
    o.cfg.max_duration = 10.0;
#endif
    o.cfg.max_recursion = 1000;
    o.cfg.write = out_write;
    FailAlloc fa = {0, 0};
    const char *fail_env = getenv("SANDPY_FAIL_ALLOC");
    if (fail_env) {
        fa.fail = strtoull(fail_env, NULL, 10);
        o.cfg.alloc = fail_alloc;
        o.cfg.alloc_ud = &fa;
    }
    int rc = parse_opts(&o, argc, argv);
    if (rc) return rc;
    size_t len;
    char *src = NULL;
    const char *fname = "<string>";
    if (o.code) {
        len = strlen(o.code);
    } else {
        src = read_all(o.file, &len);
        if (!src) {
            fprintf(stderr, "sandpy: can't open file '%s': %s\n", o.file, strerror(errno));
            return 1;
        }
        fname = strcmp(o.file, "-") ? o.file : "<stdin>";
    }
    const char *code = o.code ? o.code : src;
    double t0 = now();
    if (o.bench_n) {
        for (long i = 0; i < o.bench_n && !rc; i++) rc = run_once(&o, code, len, fname, 1);
        fprintf(stderr, "per_iter_us: %.3f\n", (now() - t0) * 1e6 / (double)o.bench_n);
    } else {
        rc = run_once(&o, code, len, fname, 0);
    }
    if (o.time) fprintf(stderr, "elapsed: %.6f\n", now() - t0);
    free(src);
    fflush(stdout);
    if (fail_env) fprintf(stderr, "sandpy: allocations: %llu\n", fa.n);
    return rc ? 1 : 0;
}
