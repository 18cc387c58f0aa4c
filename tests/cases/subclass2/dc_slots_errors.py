from dataclasses import dataclass
try:
    @dataclass(slots=True)
    class R:
        __slots__ = ('a',)
        a: int
except TypeError as e:
    print(e)
try:
    @dataclass(weakref_slot=True)
    class R2:
        a: int
except TypeError as e:
    print(e)
@dataclass(slots=True, order=True)
class O:
    a: int
print(sorted([O(3), O(1)]))
