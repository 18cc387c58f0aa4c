/* seccomp_run.c - a minimal sandpy CLI that confines itself with a seccomp
 * filter before the interpreter exists: only memory management, the clock,
 * write() to fd 1 and 2, and exit are allowed; any other system call kills
 * the process (SIGSYS).  `make test-seccomp` runs the hostile corpus through
 * it (tests/hostile/run.py --bin ...): proof that no program can reach the
 * file system, the network or other processes.  Linux only.
 *
 *   sandpy-seccomp [--max-memory=B --max-duration=S --max-recursion=N
 *                   --max-allocations=N --max-instructions=N]
 *                  [--input=NAME=@FILE] (FILE | - | -c CODE)
 *
 * Exit 0 on success, 1 on an exception (traceback on stderr). */
#include "sandpy.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define ARCH AUDIT_ARCH_AARCH64
#else
#error "seccomp_run.c: add this architecture's AUDIT_ARCH"
#endif

#define ALLOW(nr) BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), \
                  BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)

static int confine(void) {
    struct sock_filter f[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARCH, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        /* write(fd, ...) only to stdout and stderr */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_write, 0, 5),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 1, 2, 0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 2, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        ALLOW(SYS_brk), ALLOW(SYS_mmap), ALLOW(SYS_munmap), ALLOW(SYS_mremap),
        ALLOW(SYS_madvise), ALLOW(SYS_mprotect),
        ALLOW(SYS_clock_gettime), ALLOW(SYS_gettimeofday),
        ALLOW(SYS_exit), ALLOW(SYS_exit_group), ALLOW(SYS_rt_sigreturn),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
    };
    struct sock_fprog prog = {(unsigned short)(sizeof f / sizeof f[0]), f};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) return -1;
    return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
}

/* Output goes straight to write(2): stdio could make other calls. */
static void put(int fd, const char *s, size_t n) {
    while (n) {
        ssize_t k = write(fd, s, n);
        if (k <= 0 && errno != EINTR) return;
        if (k > 0) s += k, n -= (size_t)k;
    }
}

static void out_write(void *ud, int stream, const char *s, size_t n) {
    (void)ud;
    put(stream == 2 ? 2 : 1, s, n);
}

static char *read_all(FILE *f, size_t *len) {
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    while (p) {
        n += fread(p + n, 1, cap - n, f);
        if (n < cap) break;
        char *q = realloc(p, cap *= 2);
        if (!q) free(p);
        p = q;
    }
    *len = n;
    return p;
}

static int limit_opt(sandpy_config *c, const char *a) {
    static const char *const names[] = {"--max-memory=", "--max-duration=", "--max-recursion=",
                                        "--max-allocations=", "--max-instructions="};
    for (int i = 0; i < 5; i++) {
        size_t k = strlen(names[i]);
        if (strncmp(a, names[i], k)) continue;
        double v = strtod(a + k, NULL);
        if (i == 0) c->max_memory = (size_t)v;
        else if (i == 1) c->max_duration = v;
        else if (i == 2) c->max_recursion = v > 1e9 ? 1000000000 : (int)v;
        else if (i == 3) c->max_allocations = (uint64_t)v;
        else c->max_instructions = (uint64_t)v;
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    sandpy_config c;
    memset(&c, 0, sizeof c);
    c.max_memory = (size_t)256 << 20; /* the CLI's defaults */
    c.max_duration = 10.0;
    c.write = out_write;
    const char *code = NULL, *file = NULL, *input = NULL;
    for (int i = 1; i < argc && !code && !file; i++) {
        if (limit_opt(&c, argv[i])) continue;
        if (!strncmp(argv[i], "--input=", 8) && strstr(argv[i], "=@")) {
            input = argv[i] + 8;
            continue;
        }
        if (!strcmp(argv[i], "-c") && i + 1 < argc) code = argv[++i];
        else file = argv[i];
    }
    size_t len = code ? strlen(code) : 0;
    char *src = NULL;
    if (file) {
        FILE *f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
        src = f ? read_all(f, &len) : NULL;
        if (!src) return fprintf(stderr, "sandpy-seccomp: cannot read %s\n", file), 2;
    } else if (!code) {
        return fprintf(stderr, "usage: sandpy-seccomp [limits] (FILE | - | -c CODE)\n"), 2;
    }
    char iname[64] = "";
    char *ijson = NULL;
    size_t ilen = 0;
    if (input) { /* NAME=@FILE, read now: files are out of reach later */
        const char *at = strstr(input, "=@");
        FILE *f = fopen(at + 2, "rb");
        ijson = f ? read_all(f, &ilen) : NULL;
        if (!ijson || (size_t)(at - input) >= sizeof iname)
            return fprintf(stderr, "sandpy-seccomp: bad --input %s\n", input), 2;
        memcpy(iname, input, (size_t)(at - input));
        iname[at - input] = 0;
    }
    fflush(NULL);
    void *volatile warm = malloc(64); /* glibc seeds malloc with getrandom() on */
    free(warm);                       /* first use (volatile: keep the call) */
    if (confine()) return perror("seccomp"), 2;
    sandpy *sp = sandpy_new(&c);
    int rc = 0;
    if (!sp) {
        put(2, "MemoryError\n", 12);
        rc = 1;
    } else if ((ijson && sandpy_set_input_json(sp, iname, ijson, ilen) != SANDPY_OK) ||
               sandpy_exec(sp, code ? code : src, len, file ? file : "<string>") != SANDPY_OK) {
        const char *tb = sandpy_error_traceback(sp);
        put(2, tb, strlen(tb));
        if (*tb && tb[strlen(tb) - 1] != '\n') put(2, "\n", 1);
        rc = 1;
    }
    sandpy_free(sp);
    free(src);
    free(ijson);
    _exit(rc); /* exit_group, no stdio teardown */
}
