class Tags(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)
        return self
t = Tags(["a"])
t.add_all("b", "c")
print(sorted(t), type(t).__name__, len(t), "a" in t, isinstance(t, set), t == {"a", "b", "c"})
u = t | {"z"}
print(type(u).__name__, sorted(u), type(t & {"a"}).__name__, type(t.copy()).__name__)
t.label = 1
print(t.label, Tags(), repr(Tags([1])), Tags("aa"))
class Named(set):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name
n = Named("x", [1, 2])
print(n.name, sorted(n), repr(n))
class FS(frozenset):
    def __repr__(self):
        return "FS" + repr(sorted(self))
f = FS([3, 1])
print(f, hash(f) == hash(frozenset([1, 3])), {f: 1}[frozenset([1, 3])], f | {2}, type(f | {2}).__name__)
print(FS(), frozenset.__new__(FS, [1]), type(frozenset.__new__(FS, [1])).__name__)
