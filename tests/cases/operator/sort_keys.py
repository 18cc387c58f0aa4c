from operator import itemgetter, attrgetter, methodcaller
rows = [
    {"name": "bob", "age": 31, "city": "Oslo"},
    {"name": "amy", "age": 25, "city": "Rome"},
    {"name": "cat", "age": 31, "city": "Bern"},
]
print([r["name"] for r in sorted(rows, key=itemgetter("age", "name"))])
print([r["name"] for r in sorted(rows, key=itemgetter("city"), reverse=True)])
pairs = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(pairs, key=itemgetter(1, 0)), max(pairs, key=itemgetter(1)))
class P:
    def __init__(self, name, addr):
        self.name, self.addr = name, addr
class Addr:
    def __init__(self, zip):
        self.zip = zip
ps = [P("x", Addr(30)), P("y", Addr(10)), P("z", Addr(20))]
print([p.name for p in sorted(ps, key=attrgetter("addr.zip"))])
print(attrgetter("name", "addr.zip")(ps[0]))
print(sorted(["Banana", "apple", "Cherry"], key=methodcaller("lower")))
print(list(map(methodcaller("replace", "a", "A", 1), ["banana", "cat"])))
print(repr(itemgetter("a", 1)), repr(attrgetter("x.y", "z")), repr(methodcaller("f", 1, k="v")))
