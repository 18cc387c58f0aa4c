class Loud(str):
    def __repr__(self):
        return "Loud(" + super().__repr__() + ")"
    def __getitem__(self, i):
        return Loud(super().__getitem__(i).upper())
    def __add__(self, other):
        return Loud(super().__add__(other))
l = Loud("abc")
print(repr(l), l[0], repr(l[1]), repr(l + "d"), type(l + "d").__name__, len(l))
class Clamped(int):
    def __new__(cls, v, lo=0, hi=10):
        return super().__new__(cls, max(lo, min(hi, v)))
    def __add__(self, o):
        return Clamped(super().__add__(o))
    def __eq__(self, o):
        return super().__eq__(o)
    def __hash__(self):
        return super().__hash__()
    def __lt__(self, o):
        return super().__lt__(o)
c = Clamped(50)
print(c, c + 100, Clamped(-5), c == 10, hash(c) == hash(10), c < 11, sorted([Clamped(5), Clamped(2)]))
class Vec(tuple):
    def __new__(cls, *xs):
        return super().__new__(cls, xs)
    def __add__(self, o):
        return Vec(*(a + b for a, b in zip(self, o)))
    def __mul__(self, k):
        return Vec(*(a * k for a in self))
    def __repr__(self):
        return "Vec" + super().__repr__()
v = Vec(1, 2) + Vec(3, 4)
print(v, v * 3, len(v), v[0], Vec(), tuple.__repr__(v))
class Ordered(dict):
    def __repr__(self):
        return "O" + super().__repr__()
    def __getitem__(self, k):
        return super().__getitem__(k) * 2
o = Ordered(a=1)
print(o, o["a"], o.get("a"), dict.__getitem__(o, "a"))
