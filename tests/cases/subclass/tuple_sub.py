class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def swap(self):
        return Pair(self[1], self[0])
    @property
    def first(self):
        return self[0]
p = Pair(1, 2)
print(p, repr(p), type(p).__name__, p.swap(), p.first, len(p), p[0], p[-1], p + (3,), type(p + (3,)).__name__)
print(p == (1, 2), (1, 2) == p, hash(p) == hash((1, 2)), p < (1, 3), p * 2, list(p), 2 in p, p.count(1), p.index(2))
a, b = p
print(a, b, tuple(p), type(tuple(p)).__name__, p[:1], type(p[:]).__name__, sorted(Pair(3, 1)))
p.label = "x"
print(p.label, p.__dict__, {p: 1}[(1, 2)])
class T(tuple):
    pass
t = T([1, 2, 3])
print(t, T(), T("ab"), T(range(3)), isinstance(t, tuple), T(x for x in [5, 6]))
