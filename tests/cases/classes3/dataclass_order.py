from dataclasses import dataclass
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
vs = [Version(1, 2), Version(1), Version(0, 9, 9), Version(1, 2, 1)]
print(sorted(vs))
print(Version(1) < Version(1, 0, 1), Version(2) >= Version(1, 9), max(vs))
try:
    Version(1) < (1, 0, 0)
except TypeError as e:
    print(e)
try:
    @dataclass(order=True, eq=False)
    class Bad:
        a: int
except ValueError as e:
    print(e)
try:
    @dataclass(order=True)
    class Bad2:
        a: int
        def __lt__(self, o): return True
except TypeError as e:
    print(e)
