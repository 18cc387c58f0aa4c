class A:
    def __init__(self):
        self.items = []
    def add(self, *xs, **kw):
        self.items.extend(xs)
        if kw.get("sort"):
            self.items.sort()
        return self
    def __len__(self): return len(self.items)
a = A().add(3, 1).add(2, sort=True)
print(a.items, len(a), A.add(a, 0).items)
m = a.add
print(m(9).items, m.__self__ is a)
print(getattr(a, "add")(5).items[-1], callable(getattr(A, "add")))
print(A.__init__.__name__, A.add.__qualname__, type(a).add is A.add)
