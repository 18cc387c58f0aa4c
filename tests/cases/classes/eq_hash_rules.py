class NoEq: pass
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, Eq) and self.v == o.v
class EqHash(Eq):
    def __hash__(self): return hash(self.v)
a = NoEq()
print(a == a, a == NoEq(), a != NoEq(), hash(a) == hash(a))
print(Eq(1) == Eq(1), Eq(1) != Eq(2), Eq(1) != Eq(1), Eq.__hash__)
try:
    hash(Eq(1))
except TypeError as e:
    print(e)
try:
    {Eq(1)}
except TypeError as e:
    print(e)
s = {EqHash(1), EqHash(1), EqHash(2)}
print(len(s), EqHash(2) in s, {EqHash(3): "x"}[EqHash(3)])
