# Binary-operator dunders and property getters run as frames of the VM loop
# (issue 7): NotImplemented and reflected operands, exceptions and their
# attributes, recursion depth and messages, classes mutated mid-call.


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        if isinstance(o, int):
            return V(self.x + o)
        return NotImplemented

    def __sub__(self, o):
        return NotImplemented

    def __mul__(self, o):
        return NotImplemented

    def __index__(self):
        return 2

    def __repr__(self):
        return "V(%r)" % (self.x,)


class W:
    def __radd__(self, o):
        return ("W.radd", o)

    def __rsub__(self, o):
        return ("W.rsub", o)


class SubV(V):
    def __radd__(self, o):
        return ("SubV.radd", o)


print(V(1) + V(2), V(1) + 5)
print(V(1) + W())          # NotImplemented, then W.__radd__
print(V(1) - W())          # V.__sub__ declines, W.__rsub__
print(V(1) + SubV(3))      # the subclass's reflected method goes first
print(V(3) * [1, 2])       # declined, then list * V.__index__()
for a, b in [(V(1), V(2)), (V(1), "s"), (V(1), 2.5)]:
    try:
        print(a - b)
    except TypeError as e:
        print("TypeError:", e)
try:
    V(1) + "s"
except TypeError as e:
    print("TypeError:", e)


class Boom:
    def __add__(self, o):
        raise ValueError("boom %r" % (o,))

    def __sub__(self, o, extra):
        return 0

    def __mul__(self, o):
        yield o


try:
    Boom() + 1
except ValueError as e:
    print("ValueError:", e)
try:
    Boom() - 1
except TypeError as e:
    print("TypeError:", e)
g = Boom() * 7
print(type(g).__name__, list(g))


class Mut:
    def __add__(self, o):
        Mut.__add__ = lambda self, o: "replaced"
        return "first"


m = Mut()
print(m + 1, m + 1, m + 1)
Mut.__add__ = None
try:
    m + 1
except TypeError as e:
    print("TypeError:", e)
del Mut.__add__
try:
    m + 1
except TypeError as e:
    print("TypeError:", e)


class Callable:
    def __call__(self, a):
        return ("callable", a)


class Odd:
    __add__ = Callable()
    __sub__ = staticmethod(lambda a: ("static", a))


print(Odd() + 1, Odd() - 2)


class P:
    def __init__(self):
        self.n = 0

    @property
    def a(self):
        self.n += 1
        return self.n

    @property
    def bad(self):
        return self.missing

    @property
    def raw(self):
        raise AttributeError("plain")

    @property
    def args(self, extra):
        return extra

    @property
    def gen(self):
        yield 1


p = P()
print(p.a, p.a, p.a)
for name in ("bad", "raw"):
    try:
        getattr(p, name)
    except AttributeError as e:
        print("AttributeError:", e, e.name, type(e.obj).__name__)
try:
    p.bad
except AttributeError as e:
    print("AttributeError:", e, e.name, type(e.obj).__name__)
try:
    p.raw
except AttributeError as e:
    print("AttributeError:", e, e.name, e.obj is p)
try:
    p.args
except TypeError as e:
    print("TypeError:", e)
print(type(p.gen).__name__)


class Fallback(P):
    def __getattr__(self, name):
        return "getattr:" + name


f = Fallback()
print(f.bad, f.raw, f.a)


class Swap:
    @property
    def v(self):
        Swap.v = 5
        return "getter"


s = Swap()
print(s.v, s.v)
s2 = Swap()
print(s2.v)


class Deep:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        global D
        D = self.n
        return Deep(self.n + 1) + o

    @property
    def p(self):
        global D
        D = self.n
        return Deep(self.n + 1).p


def rec(n):
    global D
    D = n
    Deep(n)
    return rec(n + 1)


class Init:
    def __init__(self, n):
        global D
        D = n
        Init(n + 1)


for fn in (lambda: Deep(0) + 1, lambda: Deep(0).p, lambda: rec(0), lambda: Init(0)):
    D = None
    try:
        fn()
    except RecursionError as e:
        print(D, e)


def down(k):
    if k == 0:
        return Deep(0) + 1
    return down(k - 1)


for k in (10, 500):
    try:
        down(k)
    except RecursionError as e:
        print(k, D, e)
print(Deep(0).n, "still fine")


class Acc(V):
    def __iadd__(self, o):
        self.x += 100 * o
        return self


v = V(1)
v += 2
a = Acc(1)
a += 2
print(v, a)


class Hooked:
    def __getattribute__(self, name):
        if name == "p":
            return "hooked"
        return object.__getattribute__(self, name)

    @property
    def p(self):
        return "property"

    @property
    def q(self):
        return "q property"


h = Hooked()
print(h.p, h.q)


class C:
    def __init__(self, k):
        self.k = k

    def __eq__(self, o):
        return self.k == o.k if isinstance(o, C) else NotImplemented

    def __lt__(self, o):
        if isinstance(o, C):
            return self.k < o.k
        if isinstance(o, str) and o == "raise":
            raise LookupError("lt")
        if isinstance(o, str) and o == "odd":
            return [self.k]
        return NotImplemented


class G:
    def __gt__(self, o):
        return ("G.gt", type(o).__name__)

    def __eq__(self, o):
        return "G.eq"


class SubC(C):
    def __gt__(self, o):
        return "SubC.gt"


a, b = C(1), C(2)
print(a == C(1), a == b, a != b, a < b, b < a, a < b < C(3), C(3) > b)
print(a == 1, a != 1, a == a, a < G(), a == G(), a < SubC(0), a == SubC(1))
print(a < "odd")
for x, y in ((a, 1), (a, "s")):
    try:
        x < y
    except TypeError as e:
        print("TypeError:", e)
try:
    a < "raise"
except LookupError as e:
    print("LookupError:", e)
print(sorted([C(3), C(1), C(2)])[0].k, max([C(3), C(5), C(2)]).k)


class Flaky:
    def __eq__(self, o):
        del Flaky.__eq__
        return "once"


fl = Flaky()
print(fl == 1, fl == 1, fl == fl)


class DeepEq:
    def __init__(self, n):
        self.n = n

    def __lt__(self, o):
        global D
        D = self.n
        return DeepEq(self.n + 1) < o


for fn in (lambda: DeepEq(0) < 1, lambda: Deep(0) + 1):
    try:
        fn()
    except RecursionError as e:
        print(D, e)


# reflected operands: a's builtin slot declines, then b.__rop__(a) as a frame
class R:
    def __init__(self, n): self.n = n
    def __radd__(self, o):
        global D
        D = self.n
        return o + R(self.n + 1)
    def __rsub__(self, o):
        return ("rsub", o)
    def __rmul__(self, o):
        return NotImplemented
    def __index__(self):
        return 3
    def __rtruediv__(self, o):
        raise ZeroDivisionError("custom")
class S(int):
    def __radd__(self, o): return "S.radd"
class T:
    def __radd__(self, o): return "T.radd"
print(5 - R(0))
print([1, 2] * R(0))
try:
    3 * R(0)
except TypeError as e:
    print("TypeError:", e)
try:
    1.5 / R(0)
except ZeroDivisionError as e:
    print("ZDE:", e)
print(1 + S(2), S(2) + 1, 1 + T(), "x" + T(), [1] + T(), None is None)
try:
    None + R(0)
except RecursionError as e:
    print(D, e)
try:
    1 + R(0)
except RecursionError as e:
    print(D, e)
def down(k):
    return 1 + R(0) if k == 0 else down(k - 1)
try:
    down(300)
except RecursionError as e:
    print(D, e)


class Count:
    n = 0

    def __call__(self, o):
        Count.n += 1
        return NotImplemented


class RS:
    __radd__ = Count()
    __rsub__ = staticmethod(lambda o: ("static rsub", o))


try:
    1 + RS()
except TypeError as e:
    print("TypeError:", e, Count.n)
print(2 - RS(), Count.n)
