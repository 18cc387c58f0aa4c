from dataclasses import dataclass, FrozenInstanceError
@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
try:
    p.x = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del p.y
except AttributeError as e:
    print(e)
print(hash(p) == hash(Point(1, 2)), {p: "a"}[Point(1, 2)], p)
s = {Point(1), Point(1), Point(2)}
print(len(s))
p.x = 9
