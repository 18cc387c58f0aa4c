from enum import Enum, member, nonmember
class Kind(Enum):
    A = 1
    B = nonmember(2)
    def f(x):
        return x
    C = member(f)
print([k.name for k in Kind], Kind.B, Kind.C.value.__name__)
class Ctx(Enum):
    LOW = 1
    HIGH = 2
    _private_note = "not allowed?" if False else None
    def is_high(self):
        return self is Ctx.HIGH
print([c.is_high() for c in Ctx], Ctx._private_note)
