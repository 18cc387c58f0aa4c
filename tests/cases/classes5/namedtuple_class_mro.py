# class P(NamedTuple): one class (P, tuple, object), as CPython builds it
from typing import NamedTuple
from collections import namedtuple


class P(NamedTuple):
    """doc P"""
    x: int
    y: float = 2.0

    def norm(self):
        return self.x + self.y

    @property
    def double(self):
        return self.x * 2

    @classmethod
    def origin(cls):
        return cls(0, 0.0)


p = P(1)
print(p, p.norm(), p.double, P.origin())
print(P._fields, P._field_defaults, P.__match_args__)
print(P.__mro__)
print(P.__bases__, P.__base__)
print(P.mro())
print(P.__orig_bases__[0] is NamedTuple, len(P.__orig_bases__))
print(type(P) is type, P.__name__, P.__qualname__, P.__module__, P.__doc__)
print(p._replace(x=5), p._asdict(), P._make([3, 4]))
print(isinstance(p, tuple), issubclass(P, tuple), P.__annotations__)
print(P.__slots__, hasattr(p, "__dict__"))
print(P.norm.__qualname__, P.origin.__qualname__)
print(repr(P), str(p))


class Q(P):
    def norm(self):
        return 100


q = Q(3, 4)
print(q, q.norm(), q.double, Q._fields)
print(Q.__mro__)
print(Q.__bases__, Q.__base__)
print(type(q._replace(x=1)).__name__, Q._make([1, 2]), hasattr(q, "__dict__"))
q.z = 3
print(q.z, q.__dict__)


class R(Q):
    pass


print(R.__mro__, R(1, 2), isinstance(R(1, 2), P))

try:
    p.x = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)

match p:
    case P(a, b):
        print("match", a, b)
print(P(y=3, x=1) == (1, 3), hash(P(1, 2)) == hash((1, 2.0)), P(1, 2) < P(2, 0))


class WithRepr(NamedTuple):
    a: int
    b: str = "z"

    def __repr__(self):
        return f"<WR {self.a} {self.b}>"

    def __str__(self):
        return "str-WR"

    def total(self):
        return len(self) + self.a


w = WithRepr(7)
print(repr(w), str(w), w.total(), [w], w._replace(b="q"))


class Empty(NamedTuple):
    pass


print(Empty(), Empty._fields, Empty.__mro__, len(Empty()))

for bad in ("x: int = 1\n    y: int", "_x: int"):
    try:
        exec_ns = {}
        if bad.startswith("x"):
            class Bad(NamedTuple):
                x: int = 1
                y: int
        else:
            class Bad(NamedTuple):
                _x: int
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

try:
    P(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    P()
except TypeError as e:
    print("TypeError", e)

# functional form and collections.namedtuple classes
Pt = NamedTuple("Pt", [("a", int), ("b", int)])
print(Pt(1, 2), Pt.__mro__, Pt.__bases__)
N = namedtuple("N", "a b")
n = N(1, 2)
print(type(n).__mro__, N.__bases__, N.__base__, type(N) is type, N.__class__)


class M(N):
    def s(self):
        return self.a + self.b


print(M.__mro__, M.__bases__, M(1, 2), M(1, 2).s())
