/* fuzz_snap.c - bytes as a snapshot: the code loader and the state loader,
 * then whatever loaded is run or resumed under the usual tight limits.
 *
 * The fuzz build defines FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION, under
 * which sp_snap.c skips only the keyed-hash comparison, so mutations reach
 * the parser behind it (a real host's bytes must also pass the hash).  The
 * harness repairs the header's length field so most inputs get that far.
 *
 * Built with -DFUZZ_SNAP_SEEDS it is instead a seed maker:
 *   fuzz_snap_seeds DIR FILE.py...  writes DIR/code-N (each file compiled and
 * dumped) and DIR/state-N (the agent scripts below paused and dumped). */
#include "fuzz_common.h"

#include <stdio.h>

static sandpy_value tool_sync(sandpy *sp, void *ud, const sandpy_value *args, size_t nargs,
                              sandpy_value kwargs) {
    (void)ud, (void)kwargs;
    return nargs ? args[0] : sandpy_none(sp);
}

static void fz_register(sandpy *sp) {
    sandpy_register_pausing(sp, "tool");
    sandpy_register_pausing(sp, "fetch");
    sandpy_register(sp, "echo", tool_sync, NULL);
}

/* Answer up to a few pending calls; the budget bounds each resume. */
static sandpy_status fz_drive(sandpy *sp, sandpy_status st) {
    for (int i = 0; i < 4 && st == SANDPY_PAUSED; i++) {
        const sandpy_call *c = sandpy_pending(sp);
        if (!c) break;
        uint64_t id = c->id;
        st = (i & 1) ? sandpy_resume_error(sp, id, "ValueError", "no")
                     : sandpy_resume(sp, id, sandpy_int(sp, i));
        if (st == SANDPY_PAUSED || st == SANDPY_OK || st == SANDPY_ERROR) {
            size_t n;
            (void)sandpy_snapshot(sp, &n); /* dumping a loaded state must hold too */
        }
    }
    return st;
}

#ifndef FUZZ_SNAP_SEEDS
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 33) return 0;
    /* first byte picks the loader; the rest is the snapshot, length fixed */
    uint8_t *buf = malloc(size - 1);
    if (!buf) return 0;
    memcpy(buf, data + 1, size - 1);
    size_t n = size - 1;
    if (n >= 32) {
        uint64_t plen = n - 32;
        for (int i = 0; i < 8; i++) buf[16 + i] = (uint8_t)(plen >> (8 * i));
    }
    sandpy *sp = fz_new();
    if (!sp) return free(buf), 0;
    fz_register(sp);
    sandpy_status st;
    if (data[0] & 1) {
        sandpy_code *code = sandpy_code_load(sp, buf, n);
        st = code ? fz_drive(sp, sandpy_start(sp, code)) : SANDPY_ERROR;
    } else {
        st = sandpy_snapshot_load(sp, buf, n);
        if (st == SANDPY_PAUSED || st == SANDPY_OK) st = fz_drive(sp, st);
    }
    if (st == SANDPY_OK || st == SANDPY_ERROR) fz_read_outcome(sp, st);
    free(buf);
    fz_still_usable(sp);
    sandpy_free(sp);
    return 0;
}
#else
static const char *const agents[] = {
    "x = tool(1)\ny = [tool(i) for i in range(3)]\nx, y\n",
    "def g(n):\n    for i in range(n):\n        yield fetch(i)\nt = 0\nfor v in g(5):\n"
    "    t += v\nt\n",
    "d = {'a': [1, 2.5, 'x', None], 'b': (b'z', {3})}\ntry:\n    r = tool(d)\n"
    "except ValueError as e:\n    r = str(e)\nd['r'] = r\nd\n",
    "def f(a, *, k=2):\n    s = 0\n    while a:\n        s += tool(a) * k\n        a -= 1\n"
    "    return s\nf(3)\n",
    "acc = []\nfor i in range(4):\n    try:\n        acc.append(fetch(i))\n    finally:\n"
    "        acc.append(-i)\nsum(acc), 10**30 + echo(1)\n",
    /* classes, instances, keys hashed by Python, a cycle (sp_snap.c K_TYPE/K_INST) */
    "from dataclasses import dataclass\nclass B:\n    def __init__(self, x): self.x = x\n"
    "    def __hash__(self): return hash(self.x)\n    @property\n    def d(self): return self.x * 2\n"
    "class C(B):\n    me = None\nclass E(KeyError): pass\nclass L(list): pass\n@dataclass\nclass P:\n"
    "    a: int\nC.me = C(1)\nm = C.me.d\nks = {B(2): P(3), (C, 1): L([1])}\n"
    "try:\n    raise E('k')\nexcept E as e:\n    err = e\nr = tool(ks)\nks[B(2)], C.me.d, err, fetch(r)\n",
    /* module objects that describe themselves (sp_snap.h kinds) */
    "import re, random\nfrom collections import deque, defaultdict, Counter\nfrom functools import partial\n"
    "from datetime import date, datetime, timedelta, timezone\np = re.compile(r'(a)(b)?')\nm = p.match('ab')\n"
    "q = deque([1, 'x'], maxlen=5)\nq.append(q)\ndd = defaultdict(list, k=[1])\nc = Counter('aab')\n"
    "pa = partial(max, 3)\nrg = random.Random(1)\nrandom.random()\ns = {1, 2, 3}\nsi = iter(s)\nnext(si)\n"
    "t = {date(2020, 1, 2): datetime(2021, 5, 6, 7, tzinfo=timezone(timedelta(hours=2)))}\n"
    "r = tool(1)\nm.span(1), list(q)[:2], dd, c, pa(r), rg.random(), random.random(), list(si), t\n",
    /* hashlib state, namedtuple classes, classes deriving from tuple/set/collections types */
    "import hashlib\nfrom collections import namedtuple, deque, OrderedDict\nh = hashlib.sha1(b'x' * 70)\n"
    "Pt = namedtuple('Pt', 'x y', defaults=[0])\nclass P(Pt): pass\nclass T(tuple): pass\nclass S(frozenset): pass\n"
    "class Q(deque): pass\nclass O(OrderedDict): pass\nk = {P(1): T((2,)), S({3}): Pt(4), T((5,)): Q([6], 3)}\n"
    "o = O(a=k)\nr = tool(1)\nh.update(b'y')\nh.hexdigest(), k, o, Pt(r)\n",
    /* itertools in flight, datetime class constants, a method call pending in a handler */
    "import itertools as it\nfrom datetime import timezone, date\ng = it.groupby('aab')\nk, gr = next(g)\n"
    "a, b = it.tee(range(9))\nxs = [it.count(2, 3), it.cycle('ab'), it.islice(range(20), 1, 9, 2),\n"
    "      it.product('ab', repeat=2), it.permutations('abc', 2), it.combinations('abcd', 3),\n"
    "      it.combinations_with_replacement('ab', 2), it.zip_longest('a', 'bcd'), it.accumulate([1, 2]),\n"
    "      it.chain('a', 'b'), it.pairwise('abc'), it.starmap(max, [(1, 2)]), g, gr, a, b]\n"
    "for x in xs:\n    next(x, None)\nz = [timezone.min, date.max]\n"
    "try:\n    raise KeyError(1)\nexcept KeyError:\n    s = '-'.join((str(tool(1)), 'x'))\n"
    "[list(it.islice(x, 4)) for x in xs], z, s\n",
    /* callable iterators; a pause in a finally body with an exception in
     * flight (an except block's handled-exception slot); a with's handler */
    "cs = [iter([9, 3, 2, 1].pop, 9), iter(lambda: 0, 0), iter(echo, 1)]\nnext(cs[0])\n"
    "class M:\n    def __enter__(self): return self\n    def __exit__(self, *a): return True\n"
    "try:\n    try:\n        raise ValueError(tool(1))\n    finally:\n        fetch(0)\n"
    "except ValueError as e:\n    r = e\nwith M():\n    raise KeyError(1)\n[list(c) for c in cs[:2]], r\n",
};

static void put(const char *dir, const char *kind, int i, const uint8_t *p, size_t n, int sel) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s-%d", dir, kind, i);
    FILE *f = fopen(path, "wb");
    if (!f) return;
    fputc(sel, f);
    fwrite(p, 1, n, f);
    fclose(f);
}

static char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *s = malloc(1 << 16);
    *n = s ? fread(s, 1, (1 << 16) - 1, f) : 0;
    fclose(f);
    return s;
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    for (int i = 2; i < argc; i++) {
        size_t n = 0, dn = 0;
        char *src = slurp(argv[i], &n);
        sandpy *sp = src ? fz_new() : NULL;
        sandpy_code *code = sp ? sandpy_compile(sp, src, n, argv[i], NULL, 0) : NULL;
        const uint8_t *d = code ? sandpy_code_dump(sp, code, &dn) : NULL;
        if (d) put(argv[1], "code", i, d, dn, 1);
        if (sp) sandpy_free(sp);
        free(src);
    }
    for (size_t i = 0; i < sizeof agents / sizeof *agents; i++) {
        sandpy *sp = fz_new();
        fz_register(sp);
        sandpy_code *code = sandpy_compile(sp, agents[i], strlen(agents[i]), "<agent>", NULL, 0);
        sandpy_status st = code ? sandpy_start(sp, code) : SANDPY_ERROR;
        for (int k = 0; st == SANDPY_PAUSED; k++) {
            size_t dn;
            const uint8_t *d = sandpy_snapshot(sp, &dn);
            if (d) put(argv[1], "state", (int)(i * 100 + (size_t)k), d, dn, 0);
            st = sandpy_resume(sp, sandpy_pending(sp)->id, sandpy_int(sp, k));
        }
        sandpy_free(sp);
    }
    return 0;
}
#endif
