from dataclasses import dataclass, field, KW_ONLY
from typing import ClassVar, Optional, List
@dataclass(repr=False, eq=False)
class Plain:
    a: int
p = Plain(1)
print(p.a, repr(p).startswith("<__main__.Plain object"), p == Plain(1))
@dataclass
class WithClassVar:
    count: ClassVar[int] = 0
    x: int = 1
print(WithClassVar(), WithClassVar.count, WithClassVar.__match_args__)
@dataclass
class Opt:
    a: Optional[int] = None
    b: List[str] = field(default_factory=list)
    c: "int" = 3
print(Opt(), Opt(1, ["x"]))
@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3
print(KW(1, c=5), KW.__match_args__)
try:
    KW(1, 2)
except TypeError as e:
    print(e)
@dataclass(unsafe_hash=True)
class UH:
    a: int
print(hash(UH(1)) == hash(UH(1)))
@dataclass(kw_only=True)
class AllKW:
    a: int
    b: int = 0
print(AllKW(a=1))
