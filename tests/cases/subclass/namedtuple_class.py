from typing import NamedTuple
from collections import namedtuple
class P(NamedTuple):
    """A point."""
    x: int
    y: float = 0.0
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
p = P(3, 4.0)
print(p, repr(p), p.x, p.y, p.norm(), p._fields, P._fields, P._field_defaults, p._asdict(), P(1))
q = p._replace(x=6)
print(q, type(q).__name__, q.norm(), P._make([1, 2]), P._make([1, 2]).norm(), p == (3, 4.0), len(p), p[0], tuple(p), isinstance(p, tuple))
match p:
    case P(x, y):
        print("match", x, y)
match p:
    case P(x=3, y=yy):
        print("kw", yy)
try:
    P()
except TypeError as e:
    print(e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError")
Q = NamedTuple("Q", [("a", int), ("b", str)])
print(Q(1, "z"), Q._fields)
class Base(namedtuple("Base", "a b")):
    def total(self):
        return self.a + self.b
    __slots__ = ()
b = Base(1, 2)
print(b, b.total(), b._replace(a=10).total(), Base._make([3, 4]), b.a, Base._fields)
import json
print(json.dumps(p), hash(p) == hash((3, 4.0)), sorted([P(2), P(1)]))
print(P.__doc__, P.__name__)
