from typing import NamedTuple
from collections import namedtuple
class Point(NamedTuple):
    x: int
    y: int
Color = namedtuple("Color", "r g b")
class Named(namedtuple("Named", "name value")):
    def upper(self):
        return self.name.upper()
def where(v):
    match v:
        case Point(0, 0): return "origin"
        case Point(x, 0): return f"x-axis {x}"
        case Point(x=0, y=y): return f"y-axis {y}"
        case Color(r, g, b) if r == g == b: return f"grey {r}"
        case Named(name, value): return f"named {name}={value}"
        case (a, b): return f"pair {a},{b}"
        case _: return "other"
for v in [Point(0, 0), Point(3, 0), Point(0, 4), Point(1, 2), Color(5, 5, 5), Color(1, 2, 3), Named("k", 9)]:
    print(where(v))
n = Named("abc", 1)
print(n, n.upper(), n._replace(value=2), Named._make(["q", 3]).upper(), n.name, Named._fields)
n.extra = 5
print(n.extra, vars(n))
