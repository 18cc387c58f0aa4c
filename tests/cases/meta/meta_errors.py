class Meta(type): pass
tests = [
    lambda: type.__new__(int, "x", (), {}),
    lambda: type.__new__(5, "x", (), {}),
    lambda: type.__new__(Meta, "x"),
    lambda: Meta(),
    lambda: Meta("a"),
    lambda: Meta("a", "b", "c", "d"),
    lambda: type.__init__(Meta, 1, 2),
    lambda: type.__init__(Meta, "x", x=1),
    lambda: Meta("x", (5,), {}),
    lambda: Meta("x", (), {}, 3),
    lambda: object.__new__(Meta),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError:", e)
class M(type):
    def __init__(cls, *a):
        super().__init__(*a)
        cls.ok = True
X = M("X", (), {})
print(X.ok)
