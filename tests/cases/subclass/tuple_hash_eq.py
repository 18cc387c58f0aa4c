class T(tuple):
    def __eq__(self, other):
        return len(self) == len(other)
    def __hash__(self):
        return len(self)
a = T((1, 2))
print(a == (3, 4), a != (1,), (3, 4) == a, {a: 1}.get(T((9, 9))), hash(a), a in [(5, 6)])
class U(tuple): pass
print(U((1, 2)) == (1, 2), hash(U((1, 2))) == hash((1, 2)), {U((1,)): 2}[(1,)], U((1, [2]))[1])
try:
    hash(U((1, [2])))
except TypeError as e:
    print("TypeError", e)
