from collections import namedtuple
Emp = namedtuple("Emp", ["name", "dept", "salary"], defaults=[0])
rows = [Emp("ann", "eng", 10), Emp("bob", "ops"), Emp._make(["cy", "eng", 7])]
for r in rows:
    print(r, r.name, r._asdict())
print(sorted(rows, key=lambda r: r.salary))
print(max(rows, key=lambda r: r.salary).name, Emp._field_defaults)
name, dept, sal = rows[0]
print(name, dept, sal, tuple(rows[1]), rows[1][1:])
print(Emp("a", "b", 1) == ("a", "b", 1), Emp("a", "b") < Emp("a", "c"))
E = namedtuple("E", "")
print(E(), E._fields, len(E()))
print(namedtuple("P", "x y", module="geom"))
