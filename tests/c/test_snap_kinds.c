/* test_snap_kinds.c - what a paused run can hold survives a snapshot: user
 * classes and their instances (dataclasses, exceptions, list and dict
 * subclasses, properties, class and static methods), bound methods, keys
 * with a Python __hash__, module identity, generators in flight, cycles,
 * hashlib state, namedtuple classes and tuple/set/collections subclasses.
 * Each program is run uninterrupted, then snapshotted and loaded into a
 * fresh interpreter at every pause; the printed output must be the same.
 * One case also resumes in a fresh process.  Snapshots never run user
 * code (__reduce__, __getstate__, __hash__, __eq__ are not called). */
#include "sandpy.h"
#include "harness.h"

#include <stdlib.h>

typedef struct Out {
    char buf[8192];
    size_t n;
} Out;

static void out_write(void *ud, int stream, const char *text, size_t len) {
    Out *o = ud;
    (void)stream;
    if (o->n + len < sizeof o->buf) memcpy(o->buf + o->n, text, len), o->n += len;
    o->buf[o->n] = 0;
}

static sandpy *mk(Out *o) {
    sandpy_config cfg = {0};
    cfg.write = out_write;
    cfg.write_ud = o;
    sandpy *sp = sandpy_new(&cfg);
    sandpy_register_pausing(sp, "fetch");
    return sp;
}

static sandpy_status answer(sandpy *sp, int k) {
    return sandpy_resume(sp, sandpy_pending(sp)->id, sandpy_int(sp, k));
}

static void finish(sandpy *sp, sandpy_status st, Out *o, int k) {
    while (st == SANDPY_PAUSED) st = answer(sp, ++k);
    if (st != SANDPY_OK) out_write(o, 2, sandpy_error_traceback(sp), strlen(sandpy_error_traceback(sp)));
}

/* Output of src run straight through. */
static void straight(const char *src, Out *o) {
    sandpy *sp = mk(o);
    finish(sp, sandpy_feed(sp, src, strlen(src)), o, 0);
    sandpy_free(sp);
}

/* Output of src with a dump + load into a new interpreter at every pause
 * (the output printed before each dump is carried by hand). */
static void hopping(const char *src, Out *o) {
    sandpy *sp = mk(o);
    sandpy_status st = sandpy_feed(sp, src, strlen(src));
    for (int k = 1; st == SANDPY_PAUSED; k++) {
        size_t len;
        const uint8_t *s = sandpy_snapshot(sp, &len);
        if (!s) {
            out_write(o, 2, sandpy_error_traceback(sp), strlen(sandpy_error_traceback(sp)));
            break;
        }
        uint8_t *copy = malloc(len);
        memcpy(copy, s, len);
        sandpy_free(sp);
        sp = mk(o);
        st = sandpy_snapshot_load(sp, copy, len);
        free(copy);
        if (st != SANDPY_PAUSED) {
            out_write(o, 2, sandpy_error_traceback(sp), strlen(sandpy_error_traceback(sp)));
            break;
        }
        st = answer(sp, k);
    }
    if (st == SANDPY_ERROR) out_write(o, 2, sandpy_error_traceback(sp), strlen(sandpy_error_traceback(sp)));
    sandpy_free(sp);
}

static void same(const char *name, const char *src, const char *must) {
    Out a = {.n = 0}, b = {.n = 0};
    straight(src, &a);
    hopping(src, &b);
    if (strcmp(a.buf, b.buf)) fprintf(stderr, "case %s differs:\n--- straight\n%s--- hopping\n%s", name, a.buf, b.buf);
    CHECK(strcmp(a.buf, b.buf) == 0);
    if (must && !strstr(a.buf, must)) fprintf(stderr, "case %s: missing %s in\n%s", name, must, a.buf);
    CHECK(!must || strstr(a.buf, must) != NULL);
}

static const char *CLASSES =
    "class Base:\n"
    "    kind = 'base'\n"
    "    def __init__(self, x): self.x = x\n"
    "    def show(self): return f'{type(self).__name__}({self.x})'\n"
    "    @property\n"
    "    def double(self): return self.x * 2\n"
    "    @classmethod\n"
    "    def make(cls, v): return cls(v)\n"
    "    @staticmethod\n"
    "    def util(a): return a + 1\n"
    "class Child(Base):\n"
    "    kind = 'child'\n"
    "    def show(self): return 'child:' + super().show()\n"
    "c = Child.make(fetch(0))\n"
    "m = c.show\n"
    "print(m(), c.double, Base.util(2), Child.kind, Child.__mro__)\n"
    "c.x = fetch(0)\n"
    "print(m(), c.double, isinstance(c, Base), type(c) is Child, Child.make is not None)\n"
    "Child.kind = 'changed'\n"
    "print(fetch(0), Child.kind, Base.kind, c.kind)\n"
    "class Sl:\n"
    "    __slots__ = ('a', 'b')\n"
    "class Sl2(Sl):\n"
    "    __slots__ = ('c',)\n"
    "s = Sl2()\n"
    "s.a, s.c = fetch(0), [s]\n"
    "try:\n"
    "    s.z = 1\n"
    "except AttributeError as e:\n"
    "    print(e)\n"
    "print(s.a, s.c[0] is s, hasattr(s, 'b'), Sl.a, Sl2.c, type(Sl.b).__name__, Sl.a.__objclass__)\n";

static const char *DATA =
    "from dataclasses import dataclass, field, fields\n"
    "import dataclasses\n"
    "@dataclass(order=True)\n"
    "class P:\n"
    "    a: int\n"
    "    b: str = 'z'\n"
    "    tags: list = field(default_factory=list)\n"
    "@dataclass(frozen=True)\n"
    "class F:\n"
    "    k: int\n"
    "p = P(1)\n"
    "got = fetch(0)\n"
    "print(p, P(got) > p, [f.name for f in fields(p)], dataclasses.asdict(p))\n"
    "print({F(1): 'one'}[F(1)], F(2) == F(2), hash(F(3)) == hash(F(3)))\n"
    "try:\n"
    "    F(1).k = 5\n"
    "except dataclasses.FrozenInstanceError as e:\n"
    "    print('frozen', e)\n";

static const char *EXC_AND_SUBCLASSES =
    "class MyErr(ValueError):\n"
    "    def __init__(self, msg, code):\n"
    "        super().__init__(msg)\n"
    "        self.code = code\n"
    "class L(list):\n"
    "    def total(self): return sum(self)\n"
    "class D(dict):\n"
    "    def __missing__(self, k): return k * 2\n"
    "try:\n"
    "    raise MyErr('bad', 7)\n"
    "except MyErr as e:\n"
    "    err = e\n"
    "class N(int):\n"
    "    def twice(self): return self * 2\n"
    "class S(str):\n"
    "    pass\n"
    "nums = [N(3), N(2**80), S('abc')]\n"
    "nums[0].tag = 'x'\n"
    "l = L([1, 2])\n"
    "d = D(a=1)\n"
    "fetch(0)\n"
    "l.append(fetch(0))\n"
    "print(err, err.code, err.args, type(err).__name__, isinstance(err, ValueError))\n"
    "print(l, l.total(), type(l).__name__, d['q'], d, isinstance(d, dict))\n"
    "try:\n"
    "    raise err\n"
    "except ValueError as e2:\n"
    "    print('caught', e2 is err, e2.code)\n"
    "print(nums, nums[0].twice(), nums[0].tag, nums[1] + 1, nums[2].upper(), type(nums[2]).__name__)\n";

/* __hash__/__eq__ count their calls: a dump or load adds none. */
static const char *HASHES =
    "calls = []\n"
    "class H:\n"
    "    def __init__(self, v): self.v = v\n"
    "    def __hash__(self):\n"
    "        calls.append('h')\n"
    "        return hash(self.v)\n"
    "    def __eq__(self, o):\n"
    "        calls.append('e')\n"
    "        return isinstance(o, H) and o.v == self.v\n"
    "    def __reduce__(self): print('REDUCE CALLED'); return (H, (0,))\n"
    "    def __getstate__(self): print('GETSTATE CALLED'); return {}\n"
    "class Plain:\n"
    "    pass\n"
    "a, b = Plain(), Plain()\n"
    "hs = {H(1): 'one', H(2): 'two'}\n"
    "ids = {a: 'a', b: 'b', Plain: 'cls', (a, 1): 'tuple', len: 'builtin'}\n"
    "s = {H(5), H(6)}\n"
    "other = {range(3): 'r', frozenset({1, (2, 3)}): 'fs', (1.5, None, b'x'): 't', 2**70: 'big'}\n"
    "inner = frozenset({7})\n" /* met before the frozenset and tuple keys holding it */
    "nest = {frozenset({inner, 8}): 'n', (inner, 9): 't2'}\n"
    "Plain.single = Plain()\n"
    "Plain.single.cls = Plain\n"
    "di = iter(other)\n"
    "next(di)\n"
    "n = len(calls)\n"
    "fetch(0)\n"
    "print(len(calls) - n)\n"
    "print(hs[H(1)], H(2) in hs, ids[a], ids[b], ids[Plain], ids[(a, 1)], ids[len], H(5) in s)\n"
    "print(sorted(hs.values()), len(s), list(di))\n"
    "print(other[range(3)], other[frozenset({(2, 3), 1})], other[(1.5, None, b'x')], other[2**70])\n"
    "print(Plain.single.cls is Plain, isinstance(Plain.single, Plain))\n"
    "print(nest[frozenset({frozenset({7}), 8})], nest[(frozenset({7}), 9)])\n";

static const char *MODULES =
    "import json, math\n"
    "import collections\n"
    "j = json\n"
    "holder = {'m': math, 'dumps': json.dumps, 'fn': math.sqrt}\n"
    "fetch(0)\n"
    "print(j is json, holder['m'] is math, holder['dumps'] is json.dumps, holder['fn'](16.0))\n"
    "print(json.dumps({'a': [1, 2]}), collections.OrderedDict is not None)\n";

static const char *GENERATORS =
    "class Tree:\n"
    "    def __init__(self, v, kids=()): self.v, self.kids = v, list(kids)\n"
    "    def walk(self):\n"
    "        yield self.v\n"
    "        for k in self.kids:\n"
    "            yield from k.walk()\n"
    "t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])\n"
    "t.parent = t\n"
    "t.kids[0].up = t\n"
    "seen = []\n"
    "g = t.walk()\n"
    "for v in g:\n"
    "    seen.append(v + fetch(v))\n"
    "it = iter([10, 20, 30])\n"
    "first = next(it)\n"
    "print(seen, first + fetch(0), list(it), t.parent is t, t.kids[0].up is t)\n";

static const char *REGEX =
    "import re\n"
    "p = re.compile(r'(?P<word>[a-z]+)-(\\d+)', re.I)\n"
    "b = re.compile(b'x+')\n"
    "m = p.search('see ABC-12 and d\\u00e9f-7', fetch(0) - 1)\n"
    "ms = list(p.finditer('\\u00e9\\u00e9 ab-1 cd-22'))\n"
    "keyed = {p: 'pat'}\n"
    "print(fetch(0), m.group(0), m.span(), m['word'], m.groupdict(), m.pos, m.lastindex, m.re is p)\n"
    "print([x.span(2) for x in ms], [x.group() for x in ms], p.flags, p.pattern, b.findall(b'axxbx'))\n"
    "print(keyed[re.compile(r'(?P<word>[a-z]+)-(\\d+)', re.I)], p.sub(r'\\2', 'q-9'), p.groupindex)\n";

static const char *COLLECTIONS =
    "from collections import deque, defaultdict, Counter, OrderedDict\n"
    "from functools import partial\n"
    "import collections\n"
    "dq = deque([1, 2, 3], maxlen=4)\n"
    "dq.appendleft(0)\n"
    "dq.append(dq)\n"
    "dd = defaultdict(list)\n"
    "dd['a'].append(1)\n"
    "c = Counter('abracadabra')\n"
    "od = OrderedDict([('z', 1), ('a', 2)])\n"
    "od.move_to_end('z')\n"
    "def add(a, b, c=0): return a + b + c\n"
    "pa = partial(add, 10, c=5)\n"
    "s = {3, 1, 2, 'x'}\n"
    "si = iter(s)\n"
    "first = next(si)\n"
    "kind = collections.deque\n"
    "ci = iter(c)\n"
    "next(ci)\n"
    "fetch(0)\n"
    "dd['b'].append(fetch(0))\n"
    "print(len(dq), dq[0], dq[-1] is dq, dq.maxlen, dict(dd), dd['new'], c.most_common(2), list(od), od)\n"
    "print(pa(fetch(0)), pa.args, pa.keywords, {pa: 1}[pa], kind is deque)\n"
    "print(sorted([first] + list(si), key=str), len(s), list(ci))\n";

static const char *DATES =
    "from datetime import date, datetime, time, timedelta, timezone, UTC\n"
    "d = date(2024, 2, 29)\n"
    "dt = datetime(2024, 3, 1, 12, 30, 5, 123, tzinfo=timezone(timedelta(hours=-5), 'EST'))\n"
    "u = datetime(2020, 1, 1, tzinfo=UTC)\n"
    "t = time(23, 59, fold=1)\n"
    "td = timedelta(days=-3, seconds=7, microseconds=9)\n"
    "by_day = {d: 'leap', td: 'delta'}\n"
    "fetch(0)\n"
    "print(d + timedelta(days=fetch(0)), dt, dt.utcoffset(), dt.tzname(), u.tzinfo is UTC, t, t.fold, td)\n"
    "print(by_day[date(2024, 2, 29)], by_day[timedelta(days=-3, seconds=7, microseconds=9)], dt.astimezone(UTC))\n";

/* Instances of classes deriving from the datetime types keep their
 * layout (not a plain object's): fields, class, __dict__ and the class's
 * methods come back. */
static const char *DATE_CLASSES =
    "import datetime as dt\n"
    "class D(dt.date):\n"
    "    def half(self): return self.day // 2\n"
    "class DT(dt.datetime): pass\n"
    "class T(dt.time): pass\n"
    "class TD(dt.timedelta): pass\n"
    "class Z(dt.tzinfo):\n"
    "    def utcoffset(self, d): return dt.timedelta(hours=2)\n"
    "    def __repr__(self): return 'Z()'\n"
    "d = D(2024, 2, 28)\n"
    "d.tag = [d]\n"
    "x = DT(2024, 3, 1, 12, 30, 5, 123, tzinfo=Z())\n"
    "t = T(23, 59, tzinfo=dt.timezone.utc, fold=1)\n"
    "td = TD(days=-3, seconds=7)\n"
    "keys = {d: 'day', td: 'delta'}\n"
    "fetch(0)\n"
    "print(repr(d), d.half(), d.tag[0] is d, repr(d + dt.timedelta(days=fetch(0))), repr(x), x.utcoffset())\n"
    "print(repr(t), repr(td), type(td + td).__name__, keys[dt.date(2024, 2, 28)], keys[td], D.min)\n";

static const char *RANDOM =
    "import random\n"
    "random.seed(42)\n"
    "r = random.Random(7)\n"
    "r.gauss(0, 1)\n"
    "a = [random.random() for _ in range(3)]\n"
    "fetch(0)\n"
    "b = [random.random() for _ in range(3)] + [random.randint(1, 100)]\n"
    "fetch(0)\n"
    "print(a, b, r.random(), r.gauss(0, 1), random.choice('abcdef'), r.getstate()[1][:3])\n";

static const char *HASHLIB =
    "import hashlib\n"
    "h = hashlib.sha256(b'abc')\n"
    "m = hashlib.md5()\n"
    "m.update(b'x' * 100)\n"
    "big = hashlib.sha512(b'y' * 300)\n"
    "n = hashlib.new('sha1', b'q')\n"
    "fetch(0)\n"
    "h.update(b'def')\n"
    "print(h.hexdigest(), m.hexdigest(), big.hexdigest()[:16], h.name, m.copy().digest_size)\n"
    "n.update(bytes(fetch(0)))\n"
    "print(n.hexdigest(), n.name, big.block_size, hashlib.sha224().hexdigest()[:8])\n";

/* Instances of classes deriving from tuple, set, frozenset, a namedtuple
 * class and the collections types. */
static const char *SUBCLASSES =
    "from collections import namedtuple, deque, defaultdict, Counter, OrderedDict\n"
    "class T(tuple):\n"
    "    def first(self): return self[0]\n"
    "class S(set):\n"
    "    pass\n"
    "class FS(frozenset):\n"
    "    def total(self): return sum(self)\n"
    "Pt = namedtuple('Pt', 'x y')\n"
    "class P2(Pt):\n"
    "    def norm(self): return self.x + self.y\n"
    "t, s, fs, p, q = T((1, 2)), S({3, 4}), FS({5, 6}), P2(1, 2), Pt(7, 8)\n"
    "t.tag = 'tt'\n"
    "s.tag = 'ss'\n"
    "s.add(s.tag)\n"
    "class DQ(deque):\n"
    "    def peek(self): return self[0]\n"
    "class DD(defaultdict):\n"
    "    pass\n"
    "class C(Counter):\n"
    "    pass\n"
    "class OD(OrderedDict):\n"
    "    pass\n"
    "dq, dd, c, od = DQ([1, 2], maxlen=5), DD(list), C('hello'), OD(a=1, b=2)\n"
    "dd['k'].append(1)\n"
    "dq.note = 'n'\n"
    "dq.append(dq)\n"
    "keyed = {t: 1, fs: 2, p: 3, q: 4}\n"
    "from typing import NamedTuple\n"
    "class TN(NamedTuple):\n"
    "    a: int\n"
    "    b: str = 'z'\n"
    "Dflt = namedtuple('Dflt', ['u', 'v'], defaults=[9])\n"
    "tn, df = TN(1), Dflt(2)\n"
    "fetch(0)\n"
    "print(tn, tn._replace(a=fetch(0)), TN._fields, Pt._make([1, 2]), df, Dflt(3, 4), Dflt._field_defaults, Pt, TN.__mro__, TN.__bases__)\n"
    "print(t, t.first(), t.tag, type(t).__name__, sorted(s, key=str), s.tag, type(s).__name__)\n"
    "print(sorted(fs), fs.total(), p, p.norm(), q, type(p).__name__, isinstance(p, Pt))\n"
    "dq.popleft()\n"
    "dq.append(fetch(0))\n"
    "print(len(dq), dq[0] is dq, dq.peek() is dq, dq.maxlen, dq.note, dd, dd['z'], c.most_common(2), od)\n"
    "od.move_to_end('a')\n"
    "print(od, type(dq).__name__, type(c).__name__, c['l'] + fetch(0), type(dd).__name__)\n"
    "print(keyed[(1, 2)], keyed[frozenset({5, 6})], keyed[Pt(1, 2)], keyed[(7, 8)], hash(t) == hash((1, 2)))\n";

static const char *ITERTOOLS =
    "import itertools as it\n"
    "import datetime as dt\n"
    "def mk():\n"
    "    g = it.groupby('aabbbc')\n"
    "    k, grp = next(g)\n"
    "    t1, t2 = it.tee(iter(range(100)))\n"
    "    return [it.count(5, 2), it.cycle('xyz'), it.repeat('r', 4), it.accumulate([1, 2, 3, 4]),\n"
    "            it.chain([1, 2], (3, 4)), it.islice(range(50), 2, 40, 3), it.pairwise('abcde'),\n"
    "            it.product('ab', repeat=2), it.permutations(range(4), 2), it.combinations('abcd', 2),\n"
    "            it.combinations_with_replacement('ab', 3), it.zip_longest('ab', 'wxyz', fillvalue='-'),\n"
    "            it.starmap(pow, [(2, 3), (3, 2), (4, 1)]), it.takewhile(lambda x: x < 3, range(9)),\n"
    "            it.dropwhile(lambda x: x < 3, range(9)), it.filterfalse(None, [0, 1, 0, 2]),\n"
    "            it.compress('abcdef', [1, 0, 1, 0, 1, 1]), grp, t1, t2, it.accumulate([3, 1], max, initial=2),\n"
    "            it.product(), it.permutations('abc'), it.combinations('ab', 3)], g\n"
    "objs, g = mk()\n"
    "keyed = {objs[0]: 'count'}\n"
    "for step in range(3):\n"
    "    row = []\n"
    "    for o in objs:\n"
    "        row.append(next(o, 'end'))\n"
    "        row.append(next(o, 'end'))\n"
    "    k, grp = next(g, ('end', ()))\n"
    "    print(fetch(step), row, k, list(grp))\n"
    "print(keyed[objs[0]], [list(it.islice(o, 5)) for o in objs])\n"
    "print(dt.timezone.min, dt.timezone.max, dt.date.min, dt.timedelta.resolution)\n"
    "zs = [dt.timezone.min, dt.timezone.max, dt.datetime.max, dt.time.min, dt.timezone.utc]\n"
    "fetch(9)\n"
    "print(zs, zs[0] is dt.timezone.min, zs[2] is dt.datetime.max)\n";

/* iter(f, sentinel) in flight: a closure, a callable instance, a bound
 * builtin method, a partial; one driving a for loop across the pauses,
 * one exhausted, one a dict key. */
static const char *CALLITER =
    "import functools\n"
    "class Counter:\n"
    "    def __init__(self): self.n = 0\n"
    "    def __call__(self):\n"
    "        self.n += 1\n"
    "        return self.n\n"
    "def gen_fn():\n"
    "    data, pos = [1, 2, 3, None, 5], [0]\n"
    "    def f():\n"
    "        pos[0] += 1\n"
    "        return data[pos[0] - 1]\n"
    "    return f\n"
    "its = [iter(gen_fn(), None), iter(Counter(), 4), iter([5, 6, 7, 8].pop, 5),\n"
    "       iter(functools.partial(next, iter('abcx')), 'x')]\n"
    "done = iter(lambda: 1, 1)\n"
    "print(list(done))\n"
    "keyed = {its[0]: 'first'}\n"
    "for x in iter(Counter(), 3):\n"
    "    print(fetch(x), [next(i, 'end') for i in its])\n"
    "print(keyed[its[0]], [list(i) for i in its], list(done), type(done).__name__)\n";

static int child(const char *path) {
    size_t n;
    const uint8_t *buf = t_slurp(path, &n);
    if (!buf) return 2;
    Out o = {.n = 0};
    sandpy *sp = mk(&o);
    finish(sp, sandpy_snapshot_load(sp, buf, n), &o, 1);
    sandpy_free(sp);
    fputs(o.buf, stdout);
    return 0;
}

/* The class program paused once, finished by another process. */
static void test_fresh_process(const char *self) {
    Out a = {.n = 0}, b = {.n = 0};
    straight(CLASSES, &a);
    sandpy *sp = mk(&b);
    sandpy_status st = sandpy_feed(sp, CLASSES, strlen(CLASSES));
    st = answer(sp, 1); /* first pause answered here, the rest over there */
    size_t len;
    const uint8_t *s = st == SANDPY_PAUSED ? sandpy_snapshot(sp, &len) : NULL;
    CHECK(s != NULL);
    const char *path = "snap_kinds_test.bin";
    FILE *f = fopen(path, "wb");
    if (s && f) fwrite(s, 1, len, f);
    if (f) fclose(f);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s --child %s", self, path);
    FILE *p = popen(cmd, "r");
    size_t n = p ? fread(b.buf + b.n, 1, sizeof b.buf - b.n - 1, p) : 0;
    if (p) pclose(p);
    b.buf[b.n + n] = 0;
    CHECK_STR(b.buf, a.buf);
    remove(path);
    sandpy_free(sp);
}

/* Objects of types not listed still make the dump fail cleanly. */
static void test_unsupported(void) {
    Out o = {.n = 0};
    sandpy *sp = mk(&o);
    const char *src = "import re\nh = re.finditer('a', 'aa')\nfetch(0)\n";
    CHECK(sandpy_feed(sp, src, strlen(src)) == SANDPY_PAUSED);
    size_t len;
    const uint8_t *s = sandpy_snapshot(sp, &len);
    CHECK(s == NULL);
    if (!s) CHECK(strstr(sandpy_error_message(sp), "cannot snapshot") != NULL);
    sandpy_free(sp);
}

int main(int argc, char **argv) {
    if (argc == 3 && !strcmp(argv[1], "--child")) return child(argv[2]);
    same("classes", CLASSES, "child:Child(2) 4 True");
    same("dataclasses", DATA, "frozen cannot assign to field 'k'");
    same("exceptions", EXC_AND_SUBCLASSES, "caught True 7");
    same("hashes", HASHES, "one True a b cls tuple builtin True");
    same("modules", MODULES, "True True True 4.0");
    same("generators", GENERATORS, "True True");
    same("regex", REGEX, "ABC-12 (4, 10) ABC");
    same("collections", COLLECTIONS, "True 4 {'a': [1], 'b': [2]}");
    same("datetime", DATES, "leap delta");
    same("datetime classes", DATE_CLASSES, "D(2024, 2, 28) 14 True D(2024, 3, 1) DT(2024, 3, 1, 12, 30, 5, 123, tzinfo=Z())");
    same("random", RANDOM, "[0.6394267984578837, 0.025010755222666936");
    same("hashlib", HASHLIB, "sha256 16");
    same("subclasses", SUBCLASSES, "True");
    same("itertools", ITERTOOLS, "count [[");
    same("callable iterators", CALLITER, "first [[3], [3], [6], ['c']] [] callable_iterator");
    test_fresh_process(argv[0]);
    test_unsupported();
    return t_report();
}
