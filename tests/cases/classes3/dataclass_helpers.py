from dataclasses import dataclass, field, asdict, astuple, replace, fields, is_dataclass
@dataclass
class Inner:
    v: int
@dataclass
class Outer:
    name: str
    inner: Inner
    items: list = field(default_factory=list)
    mapping: dict = field(default_factory=dict)
o = Outer("o", Inner(1), [Inner(2), 3], {"k": Inner(4)})
print(asdict(o))
print(astuple(o))
o2 = replace(o, name="o2")
print(o2.name, o2.inner is o.inner, o == o2)
print(is_dataclass(o), is_dataclass(Outer), is_dataclass(1), [f.name for f in fields(Outer)])
try:
    asdict(1)
except TypeError as e:
    print(e)
try:
    fields(1)
except TypeError as e:
    print(e)
