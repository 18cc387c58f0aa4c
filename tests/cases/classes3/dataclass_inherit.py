from dataclasses import dataclass, field, fields
@dataclass
class Base:
    id: int
    name: str = "base"
@dataclass
class Child(Base):
    extra: list = field(default_factory=list)
    name: str = "child"
c = Child(1)
print(c, [f.name for f in fields(c)], Child.__match_args__)
@dataclass
class WithPost:
    a: int
    b: int = 0
    total: int = field(init=False, default=0)
    def __post_init__(self):
        self.total = self.a + self.b
print(WithPost(2, 3), WithPost(1).total)
@dataclass
class NoRepr:
    a: int
    b: int = field(repr=False, compare=False)
print(NoRepr(1, 2), NoRepr(1, 2) == NoRepr(1, 3))
