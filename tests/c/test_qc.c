/* test_qc.c - the quick compiler (sp_qc.c) against the full one
 * (sp_compile.c): for every program it takes, the two code objects must
 * be identical, byte for byte in their dumped form (instructions, constants,
 * names, locals, line table, flags, stack sizes, nested code objects), and
 * it must never take a program the full compiler rejects.
 *
 * Programs: every .py under tests/ and bench/, each also cut into its
 * top-level statements one at a time and into every prefix of lines (so
 * that the subset inside bigger files is exercised too), plus mutations of
 * each line (a token dropped or doubled: most are syntax errors the quick
 * compiler must leave alone). */
#include "harness.h"
#include "sp_api.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>

static size_t taken, tried;

static char *dup_dump(sandpy *sp, sp_Value code, size_t *n) {
    sandpy_code *h = sp_api_add_code(sp, code, sp_tuple_new(sp->vm, 0));
    if (!h) return NULL;
    const uint8_t *d = sandpy_code_dump(sp, h, n);
    char *copy = d ? malloc(*n) : NULL;
    if (copy) memcpy(copy, d, *n);
    sandpy_code_free(sp, h);
    return copy;
}

static void compare(const char *src, size_t n, const char *what) {
    sandpy *sp = sandpy_new(NULL);
    if (!sp) return;
    sp_VM *vm = sp->vm;
    tried++;
    sp_Value q = sp_qc_compile(vm, src, n, "<qc>");
    if (sp_isnull(q)) {
        CHECK(!sp_err_occurred(vm)); /* giving up raises nothing */
        sandpy_free(sp);
        return;
    }
    taken++;
    size_t nq = 0, nf = 0;
    char *dq = dup_dump(sp, q, &nq);
    sp_Value f = sp_compile_ast(vm, src, n, "<qc>");
    if (sp_iserr(f)) {
        fprintf(stderr, "FAIL %s: the quick compiler took a program the full one rejects:\n%.*s\n---\n", what,
                (int)(n > 400 ? 400 : n), src);
        t_fail++;
    } else {
        char *df = dup_dump(sp, f, &nf);
        bool same = dq && df && nq == nf && memcmp(dq, df, nq) == 0;
        if (!same)
            fprintf(stderr, "FAIL %s: code differs (%zu vs %zu bytes):\n%.*s\n---\n", what, nq, nf,
                    (int)(n > 400 ? 400 : n), src);
        CHECK(same);
        free(df);
    }
    free(dq);
    sandpy_free(sp);
}

/* Each line dropped or doubled, one token-ish edit at a time. */
static void mutations(const char *src, size_t n, const char *path) {
    char *buf = malloc(2 * n + 2);
    if (!buf) return;
    size_t line = 0;
    for (size_t i = 0; i < n && line < 200; line++) {
        size_t e = i;
        while (e < n && src[e] != '\n') e++;
        /* drop a character from the middle of the line, double the line */
        if (e > i + 1) {
            size_t mid = i + (e - i) / 2, k = 0;
            memcpy(buf, src, mid), k = mid;
            memcpy(buf + k, src + mid + 1, n - mid - 1), k += n - mid - 1;
            compare(buf, k, path);
        }
        size_t k = 0;
        memcpy(buf, src, e), k = e;
        memcpy(buf + k, src + i, e - i), k += e - i;
        memcpy(buf + k, src + e, n - e), k += n - e;
        compare(buf, k, path);
        i = e + 1;
    }
    free(buf);
}

/* Every prefix of whole lines, and each top-level statement alone. */
static void pieces(const char *src, size_t n, const char *path) {
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && src[i] != '\n') continue;
        compare(src, i, path);
        size_t next = i + 1;
        bool top = next < n && src[next] != ' ' && src[next] != '\t' && src[next] != '\n' && src[next] != '#' &&
                   strncmp(src + next, "else", 4) && strncmp(src + next, "elif", 4) && strncmp(src + next, "except", 6) &&
                   strncmp(src + next, "finally", 7) && src[next] != ')' && src[next] != ']' && src[next] != '}';
        if (top || i >= n) {
            if (i > start) compare(src + start, i - start, path);
            start = next;
        }
    }
}

/* Under ThreadSanitizer (CI's test-tsan, which is there for the API's
 * threads) only every 16th file gets its prefixes and mutations: the
 * whole walk is slower there than the ctest timeout allows, and the plain
 * and ASan runs cover every file. */
#if defined(__SANITIZE_THREAD__)
#define TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TSAN 1
#endif
#endif
#ifdef TSAN
enum { PIECES_STRIDE = 16 };
#else
enum { PIECES_STRIDE = 1 };
#endif

static void file(const char *path) {
    static unsigned nfile;
    FILE *fp = fopen(path, "rb");
    if (!fp) return;
    fseek(fp, 0, SEEK_END);
    long len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *src = len > 0 && len < (1 << 20) ? malloc((size_t)len) : NULL;
    size_t n = src ? fread(src, 1, (size_t)len, fp) : 0;
    fclose(fp);
    if (!src) return;
    compare(src, n, path);
    if (n < 20000 && nfile++ % PIECES_STRIDE == 0) {
        pieces(src, n, path);
        mutations(src, n, path);
    }
    free(src);
}

static void walk(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        size_t l = strlen(path);
        if (S_ISDIR(st.st_mode)) walk(path);
        else if (l > 3 && !strcmp(path + l - 3, ".py")) file(path);
    }
    closedir(d);
}

/* Shapes the test programs lack (dotted imports need a module the sandbox
 * does not have) and near-misses the quick compiler must leave alone. */
static const char *const extra[] = {
    "import a.b.c\nimport a.b as c, d\nfrom a.b import (c, d as e,)\nfrom a import b\n",
    "import a . b\nx = a.b\n", "from a import (b)\n", "from a import b,\n", "from a import , b\n",
    "from a import *\n", "from . import a\n", "from __future__ import annotations\nx: int = 1\n",
    "import a as b.c\n", "x = 1\nelif y: pass\n", "if x: for y in z: pass\n", "if x: y = 1; z = 2\n",
    "x = 1 +\n", "f(a=1, a=2)\n", "f(a=1, b)\n", "f(a, *b)\n", "f(**k)\n", "f(x for x in y)\n",
    "f(x for x in y, 1)\n", "f(\n x\n for x in y)\n", "o.m(\n (x,\n y) for x, y in z if x)\n",
    "f(1, x for x in y)\n", "def o(n, *a, k=1, **kw):\n def i(x, y=n) -> int:\n  \"doc\"\n  return x + n + k + len(a) + len(kw) + m + g\n m = 1\n return i\n",
    "def o(n):\n def i():\n  return [n for _ in n]\n return i\n", "def o(n):\n def i():\n  return lambda: n\n return i\n",
    "def o(n):\n def i():\n  n = 2\n  return n\n return i\n", "def o(n):\n def i():\n  yield n\n  yield from i()\n return i\n",
    "def o(n):\n try:\n  def i(): return n\n except E as e:\n  def j(): return e\n return i, j\n",
    "def o(n):\n def i(): return i, j\n def j(): return i\n return [i, j]\n", "def o():\n def i(): pass\n del i\n",
    "def o(n):\n def n(): return n\n return n\n", "def o(n):\n def i(): return n\n n = 1\n del n\n",
    "def o(n):\n f = lambda: n\n def i(): return f, n\n return i\n", "def g(n):\n for i in range(n):\n  yield i\n  x = yield\n  y: int = yield i, 2\n yield from range(2)\n return 5\n",
    "yield 1\n", "def g():\n yield yield 1\n", "def g():\n return yield 1\n", "def g():\n return (yield 1)\n",
    "def g():\n x += yield 1\n", "def g():\n f((yield), (yield from a))\n", "def g():\n [(yield) for a in b]\n",
    "def g():\n lambda: (yield)\n", "def g():\n for a in yield b: pass\n", "def g():\n yield from\n",
    "def g():\n yield from a, b\n", "def g():\n x = yield from a\n", "def g():\n print(f'{(yield)}')\n",
    "def g():\n (yield\n  1)\n", "def g():\n try:\n  yield 1\n finally:\n  yield 2\n", "del a\n", "del a, b.c, d[1], e[1:2], f[::2], (g, [h, i]),\n", "del\n", "del a,, b\n",
    "del (a)\n", "del ()\n", "del []\n", "del a + b\n", "del f()\n", "del __debug__\n", "del a.__debug__\n",
    "def f(x):\n y = 1\n del x, y\n return [z for z in y]\n", "def f():\n del g\n g = 1\n", "def f(a):\n del a[0], a.b\n",
    "def f(n):\n del n\n return lambda: n\n", "def f(n):\n g = lambda: n\n del n\n return g\n", "x = 1\ndel (x), x[\n 0]\n", "def f(a: int, b: list[int] = [], *c: str, d: 'X' = 1, **e: dict[str, Any]) -> None:\n pass\n",
    "def f(a: int | None, b: Callable[[int], str], c: a.b.C[...]) -> 'Q':\n return a\n", "def f(a: 1):\n pass\n",
    "def f(a: (int)):\n pass\n", "def f(a: f'x'):\n pass\n", "def f(a: '\\N{nope}'):\n pass\n", "def f() -> :\n pass\n",
    "def f(a:):\n pass\n", "def f(a: int[]):\n pass\n", "def f(a: [int,]):\n pass\n", "def f(*, a: int):\n pass\n",
    "def f(*: int, a):\n pass\n", "lambda a: int: 1\n", "x: int = 5\n", "x: int\n", "x: list[int] = 1, 2\n",
    "x: int = y = 1\n", "(x): int = 1\n", "x.y: int = 1\n", "x[0]: int = 1\n", "__debug__: int = 1\n", "__debug__: int\n",
    "def f():\n x: int\n return x\n", "def f():\n x: int = 1\n return x\n", "x: int =\n", "x: = 1\n",
    "def f(a: int, a: str):\n pass\n", "def f(a: 'x' 'y', b: b'z'):\n pass\n", "def f(n):\n return lambda xs: [x + n for x in xs]\n",
    "def f(n):\n g = lambda xs: [x + m for x in xs]\n m = 1\n return g\n",
    "def f(n):\n return [lambda: [y + x for y in n] for x in n]\n", "x = [lambda: [y + x for y in z] for x in z]\n",
    "def f(n):\n return lambda a: lambda b: [a + b + c + n for c in a]\n", "{**a}\n", "{**a, b}\n", "{*a, **b}\n", "{**a for a in b}\n", "[**a]\n", "f(*a, b)\n",
    "f(a=1, *b)\n", "f(**a, *b)\n", "f(**a, b)\n", "f(*a, a=1, a=2)\n", "f(*a, __debug__=1)\n", "o.m(\n *a,\n **b)\n",
    "(o.m)(*a)\n", "f(*a, *b, c, d=1, **e, f=2)\n", "x = *a\n", "x = *a,\n", "[*a for b in c]\n", "print(*a or b)\n",
    "[*a or b]\n", "{**a or b}\n", "{**a | b, 'k': *c}\n", "f(* *a)\n", "f(**)\n", "f(*)\n", "try:\n pass\n", "try: pass\nfinally: pass\nexcept: pass\n",
    "try: pass\nexcept: pass\nexcept E: pass\n", "try: pass\nelse: pass\n", "try: pass\nfinally:\n return 1\n",
    "for x in y:\n try: break\n finally:\n  try: continue\n  except E as e: pass\n",
    "try: pass\nexcept* E: pass\n", "try: pass\nexcept E, F: pass\n", "try: pass\nexcept E as a.b: pass\n",
    "try: pass\nexcept E as __debug__: pass\n", "try: x\nexcept (E, F) as e: y\nelse: z\nfinally: w\n",
    "def f():\n for x in y:\n  try:\n   return [x]\n  except E as e:\n   return e\n  finally:\n   del_ = 1\n", "if a or b: pass\n", "while a and f(1) or not b.c[2]: pass\n",
    "if (a or b) and (c or not d): x = 1\nelif a < b < c or d: x = 2\n", "if a or lambda: b or c: pass\n",
    "x = [v for v in y if v or not v and w]\n", "assert a or b, c\n", "if a or\\\n b: pass\n", "f(a=x for x in y)\n", "for a, b in c: pass\n", "for a, in c: pass\n",
    "[a for a, b in c]\n", "[a for a, (b, c) in d for e, f in g]\n", "for a, b, in c, d: pass\n", "(a) += 1\n", "a, b += 1\n", "[x for x in y if a else b]\n", "x = (yield)\n",
    "1 = x\n", "None = 1\n", "f() = 1\n", "a + b = 1\n", "a.b + c.d = 1\n", "x[0] + y[1] = 2\n",
    "del x\n", "x <> y\n", "__debug__ = 1\n", "x = __debug__\n", "print \"x\"\n", "x = 1 y = 2\n",
    "if x = 1: pass\n", "x = 1;;\n", "x = 1; if y: pass\n", "for x in y z: pass\n", "while x y: pass\n",
    "x = [1, *a]\n", "x = {**a}\n", "x = {1: 2, **a}\n", "x = {a: b for a in c for b in a}\n",
    "[[y for y in x] for x in z]\n", "[[x for y in z] for x in w]\n", "[x := 1]\n", "x = a[1, 2]\n",
    "x = a[1:2, 3]\n", "x = -True\n", "x = --1\n", "x = -(1)\n", "x = -(1).real\n", "x = -1 ** 2\n",
    "x = (-1) ** 2\n", "x = 'a' 'b'\n", "x = 'a\\n'\n", "x = b'a'\n", "x = f'{a}'\n", "x = 1j\n",
    "x = 0777\n", "x = 1__0\n", "x = 1e\n", "x = 1_000_000_000_000_000_000_000\n", "x = 0x_ff + 0b1 + 0o7\n",
    "'doc'\nx = 1\n", "\n\n'doc'\n", "x = 1\n'not doc'\n", "x\n", "x;\n", "x; y;\n", "break\n",
    "continue\n", "for x in y:\n    break\nelse:\n    continue\n", "while 1:\n  if x: break\n  continue\n",
    "if a:\n  pass\nelif b:\n  pass\nelse:\n  pass\nx\n", "if a and (b or c) and not (d or e): pass\n",
    "if (a, b): pass\n", "if (): pass\n", "if (a for a in b): pass\n", "if a if b else c: pass\n",
    "x = a if b else c if d else e\n", "x = [a if b else c for d in e if f if g]\n",
    "while a < b < c: pass\n", "if not a < b < c: x\n", "if a < b < c or d: pass\n",
    "x = a < b < c\nx = a < b\nx = a is not b\nx = a not in b\n", "x = not a\n", "if not not a: pass\n",
    "x = 1 if 2 else 3\n", "while 0:\n  x\nelse:\n  y\n", "while '':\n  x\n", "while 'a':\n  x\n",
    "while 0.0: x\n", "while 1e-400: x\n", "while 00: x\n", "while 0b0: x\n", "while ...: x\n",
    "while None: x\n", "x = (\n  1,\n  2)\n", "x = [\n  a,\n  b]\n", "x = (a\n  .b\n  .c(\n  d))\n",
    "x = {\n  1: a,\n  b: 2}[\n  k]\n", "(x\n).y = 1\n", "x[\n1] = 2\n", "x \\\n  = 1\n",
    "a.b[c].d = e\n", "a.b(c).d = e\n", "a[b][c] = d\n", "a[:] = b\n", "a[::] = b\n", "a[1:2:3] += b\n",
    "a[b:c] += d\n", "x = a[::], a[:], a[1:], a[:1], a[1:2:3]\n", "x, *y = z\n", "[x, y], z = a\n",
    "(x, y), = a\n", "() = x\n", "[] = x\n", "x = ()\ny = (1,)\nz = (1, 2,)\n", "x = {1, 2, 3, 4}\n",
    "x = {1, a, 3}\n", "x = {(1, 2), (3, 4), 5}\n", "x = {'a', 'b', 'c'}\n",
    "x = [a for a in b]\ny = {a for a in b}\nz = {a: 1 for a in b}\nw = (a for a in b)\n",
    "x = [(a, b) for (a, b) in c]\n", "x = [a for a.b in c]\n", "x = [a for a[0] in c]\n",
    "x = [a for [a, b] in c]\n", "x = [lambda: 1]\n", "x = [a async for a in b]\n", "x = [await a]\n",
    "x = 'a' 'b'\n", "x = b'x' b'y'\n", "x = 'a' b'b'\n", "x = '\\N{DASH}'\n", "x = '\\x4'\n",
    "while 'a' 'b': x\n", "if '' '': x\n", "if '' 'a': x\n", "while b'': x\n", "x = r'\\n' '\\t'\n",
    "x = '\\u00e9\\U0001F600\\101\\0'\n", "x = '\\ud800'\n", "x = b'\\xff\\n'\n", "x = b'\xc3\xa9'\n",
    "x = '''a\nb'''\n", "x = 'a\\\nb'\n", "x = 'a\r\nb'\n", "x = '''a\r\nb'''\n", "x = 'q' f'{a}'\n",
    "x = rb'\\d' br'x'\n", "x = U'a' R'\\b'\n", "x = 'a' 'b'.upper()\n", "x = ('a'\n  'b')\n",
    "def f(a, b=2, *c, d, e=5, **g):\n    return a\n", "def f(a=1, b):\n    pass\n", "def f(*, **k): pass\n",
    "def f(*a, *b): pass\n", "def f(a, a): pass\n", "def f(**k, a): pass\n", "def f(*): pass\n",
    "def f(a, /, b): pass\n", "def f(a: int): pass\n", "def f() -> int: pass\n", "return 1\n",
    "def f():\n    'doc'\n    return 1\n", "def f():\n    'doc' 'more'\n", "def f():\n    b'doc'\n",
    "def f():\n    f'doc'\n", "def f(): 'doc'; return 2\n", "def f():\n    return\n", "def f():\n    return (1)\n",
    "def f():\n    return 1, 2\n", "def f():\n    return -1\n", "def f(x):\n    for a in x:\n        for b in a:\n            return b\n",
    "def f(x):\n    for a in x:\n        while a:\n            return 'k'\n", "def f(x):\n    for a in x:\n        return a + 1\n",
    "def f(x):\n    while x:\n        return\n", "def f(x):\n    x += 1\n    y = x\n    return y\n",
    "def f():\n    return y\ny = 1\n", "def f():\n    print(x)\n    x = 1\n", "def f():\n    import json\n    return json\n",
    "def f(k):\n    return [i * k for i in range(3)]\n", "def f(k):\n    return [i for i in k]\n",
    "def f():\n    def g(): pass\n", "def f():\n    global x\n", "def f():\n    yield 1\n",
    "def f():\n    return f'{x}'\n", "def f(a=[1], b={'k': (1, 2)}, *, c=-1, d='s'):\n    pass\n",
    "def f(a=(1, 2), b=(3, (4, -5))): pass\n", "def f(a=x, b=1): pass\n", "def __debug__(): pass\n",
    "def f(__debug__): pass\n", "if x:\n    def f(): return 1\nelse:\n    def f(): return 2\n",
    "for i in r:\n    def f(): return i\n", "def f(a,): pass\n", "def f(,): pass\n", "def f(a, *, b, c=1, **d):\n    return a, b, c, d\n",
    "def f():\n    break\n", "def f():\n    for x in y:\n        continue\n", "def f(): return lambda: 1\n",
    "def f(x):\n    return x if x else -x\n", "def f(x):\n    if x:\n        return 1\n    elif not x:\n        return 2\n    return 3\n",
    "def f(k):\n    return [i * k for i in range(3)]\n", "def f(k):\n    m = 2\n    return [[i * k * m for i in r] for r in k]\n",
    "def f(k):\n    return {a: k for a in k if a != k}, (x + k for x in k)\n", "def f(a, b):\n    c = [b for _ in a]\n    b = 1\n    return c\n",
    "def f(k):\n    return [f'{k}{i}' for i in k]\n", "def f(k):\n    return [[j for j in i if j > k] for i in k]\n",
    "def f(b, a):\n    return [a + b for _ in a]\n", "def f(k):\n    k = [k for _ in k]\n    return [k for _ in k]\n",
    "def f():\n    return [x for x in g]\ng = 1\n", "def f(k):\n    return [[k for _ in j] for j in k]\n",
    "def f(*a, **k):\n    return [a, k for _ in a]\n", "def f(*a, **k):\n    return [(a, k) for _ in a]\n",
    "raise\n", "raise ValueError\n", "raise ValueError('x')\n", "raise E from None\n", "raise E from e\n",
    "raise E,\n", "raise E from\n", "raise a, b\n", "def f():\n    raise KeyError(1)\n", "if x: raise E\n",
    "assert x\n", "assert x, 'msg'\n", "assert x, f'{y}'\n", "assert a and b, m\n", "assert not a < b < c\n",
    "assert (x, 'm')\n", "assert x if y else z, w\n", "assert\n", "assert x,\n", "assert x, y, z\n",
    "assert 1\n", "assert 0, 'never'\n", "def f(x):\n    assert x > 0, x\n    return x\n",
    "y = lambda a, b=1: a\n", "y = lambda *c, d: c\n", "y = lambda a, b=1, *c, d, **e: a\n", "x = [lambda a, b: a, 1]\n",
    "x = {1: lambda a, b: a}\n", "f(lambda a, b: a, 2)\n", "x = lambda: (yield)\n", "x = [lambda: i for i in r]\n",
    "def f(k):\n    return lambda: k\n", "def f(k):\n    return lambda x: x + 1\n", "x = lambda: lambda: 1\n",
    "x = lambda a: lambda: a\n", "x = lambda a=lambda: 1: a\n", "x = lambda a, a: 1\n", "x = lambda a=1, b: 1\n",
    "x = lambda *: 1\n", "x = lambda: x if y else z\n", "x = lambda: 1, 2\n", "x = (lambda: 1)()\n",
    "x = sorted(d, key=lambda k: -d[k]['n'])\n", "x = lambda a: [a for _ in a]\n", "x = a[lambda: 1]\n",
    "x = {lambda: 1}\n", "x = lambda a: f'{a}'\n", "x += 1\n", "x.y += 1\n", "x[0] += 1\n", "x[1:2] += y\n",
    "x = lambda: (1, 2)\n", "x = lambda __debug__: 1\n", "x = lambda: __debug__\n",
    "x = f(key=lambda key=lambda t: t[1], r=1)\n", "x = lambda a=lambda b=lambda: 1: b: a\n",
    "x = [lambda a=lambda: 2: a, 1]\n", "x = {lambda: 1: 2}\n", "x = lambda a=(lambda: 1): a\n",
    "x = a @ b\n", "x @= b\n", "x = a or b and c or d\n", "x = (a or b) or c\n", "x = a and (b and c)\n",
};

/* f-string bodies two parts at a time, under each prefix and quote:
 * fields, conversions, specs nested to the limit, and the errors. */
static const char *const fs_parts[] = {
    "{x}", "{x!r}", "{x!s:>10}", "{x:{w}}", "{x=}", "{x = !r}", "{x=:>5}", "{{", "}}", "{", "}", "{x!z}",
    "{x!}", "{!r}", "{:}", "{=}", "{ }", "{x#}", "{x\\n}", "{'a'}", "{\"b\"}", "{x[0]}", "{(x)}",
    "{x:{y:{z}}}", "{x:{y}}", "\\N{DASH}", "\\x41", "abc", "{x!r:}", "{x:=3}", "{x!=y}", "{x<y}",
    "{a['b']}", "{x:{{}}}", "{[}", "{(]}", "{x)}", "{x!rr}", "{lambda: 1}", "{x:\\n}", "{x, y}", "{*x}",
    "{[i for i in x]}", "{x\n}", "{\nx}", "\n", "{f'{x}'}", "{x:{'a'}}",
};

static void fstrings(void) {
    static const char *const pre[] = {"f", "rf", "F"}, *const quote[] = {"'", "\"", "'''"};
    size_t np = sizeof fs_parts / sizeof *fs_parts;
    char buf[256];
    for (size_t a = 0; a < np; a++)
        for (size_t b = 0; b < np; b++) {
            const char *p = pre[(a + b) % 3], *q = quote[(a * 7 + b) % 3];
            int n = snprintf(buf, sizeof buf, "x = 1; y = 2\nprint(%s%s%s%s%s, x)\n", p, q, fs_parts[a], fs_parts[b], q);
            compare(buf, (size_t)n, "f-string");
        }
}

/* `test_qc --taken FILE...`: whether the quick compiler takes each whole
 * file (a tool for extending it; compares nothing). */
static int report_taken(int argc, char **argv) {
    for (int i = 2; i < argc; i++) {
        FILE *fp = fopen(argv[i], "rb");
        char buf[1 << 16];
        size_t n = fp ? fread(buf, 1, sizeof buf, fp) : 0;
        if (fp) fclose(fp);
        sandpy *sp = sandpy_new(NULL);
        if (!sp) return 1;
        bool took = !sp_isnull(sp_qc_compile(sp->vm, buf, n, "<qc>"));
        printf("%s %s\n", took ? "taken    " : "not taken", argv[i]);
        sandpy_free(sp);
    }
    return 0;
}

/* Scopes nested in every way the quick compiler might take: module or
 * def at the top, then up to three lambdas / list comprehensions /
 * generator expressions, the innermost using any subset of the names
 * the levels bind (and a global), each comprehension iterating over a
 * name of the level around it; a def may bind a name after the use. */
static void scope_level(char *buf, size_t cap, const char *kinds, int lvl, int depth, unsigned uses, int src) {
    size_t n = strlen(buf);
    if (lvl == depth) {
        static const char *const nm[] = {"p0", "v1", "v2", "v3", "g"};
        bool any = false;
        for (int i = 0; i < 5; i++)
            if (uses & (1u << i)) n += (size_t)snprintf(buf + n, cap - n, "%s%s", any ? " + " : "", nm[i]), any = true;
        if (!any) snprintf(buf + n, cap - n, "0");
        return;
    }
    char k = kinds[lvl];
    const char *from = src & (1 << lvl) ? "g" : lvl ? (kinds[lvl - 1] == 'L' ? "v" : "v") : "p0";
    char fromv[8];
    snprintf(fromv, sizeof fromv, "%s%s", from, lvl && !(src & (1 << lvl)) ? (const char[]){(char)('0' + lvl), 0} : "");
    if (k == 'L') {
        n += (size_t)snprintf(buf + n, cap - n, "(lambda v%d: ", lvl + 1);
        scope_level(buf, cap, kinds, lvl + 1, depth, uses, src);
        n = strlen(buf);
        snprintf(buf + n, cap - n, ")");
    } else {
        n += (size_t)snprintf(buf + n, cap - n, "%c", k == 'C' ? '[' : '(');
        scope_level(buf, cap, kinds, lvl + 1, depth, uses, src);
        n = strlen(buf);
        snprintf(buf + n, cap - n, " for v%d in %s%c", lvl + 1, fromv, k == 'C' ? ']' : ')');
    }
}

static void scopes(void) {
    static const char kind[] = "LCG";
    char buf[512], kinds[4] = {0};
    for (int depth = 1; depth <= 3; depth++)
        for (int combo = 0; combo < 27; combo++) {
            if (depth < 3 && combo >= (depth == 1 ? 3 : 9)) break;
            for (int d = 0, c = combo; d < depth; d++, c /= 3) kinds[d] = kind[c % 3];
            kinds[depth] = 0;
            for (unsigned uses = 0; uses < 32; uses++)
                for (int top = 0; top < 3; top++) {
                    int src = (int)(uses * 7 + (unsigned)top) & 7;
                    size_t n = (size_t)snprintf(buf, sizeof buf, top ? "def f(p0):\n    r = " : "p0 = 1\nr = ");
                    buf[n] = 0;
                    scope_level(buf, sizeof buf, kinds, 0, depth, uses, src);
                    n = strlen(buf);
                    if (top) snprintf(buf + n, sizeof buf - n, "\n%s    return r\n", top == 2 ? "    v2 = 1\n" : "");
                    else snprintf(buf + n, sizeof buf - n, "\n");
                    compare(buf, strlen(buf), "scopes");
                }
        }
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--taken") == 0) return report_taken(argc, argv);
    for (size_t i = 0; i < sizeof extra / sizeof *extra; i++) compare(extra[i], strlen(extra[i]), "extra");
    fstrings();
    scopes();
    if (argc > 1) {
        for (int i = 1; i < argc; i++) file(argv[i]);
    } else {
        walk("tests");
        walk("bench");
    }
    fprintf(stderr, "quick compiler: took %zu of %zu programs\n", taken, tried);
    CHECK(taken > 0);
    return t_report();
}
