class K:
    def __init__(self, a, b): self.a, self.b = a, b
    def __eq__(self, o): return (self.a, self.b) == (o.a, o.b)
    def __hash__(self): return hash((self.a, self.b))
d = {K(1, 2): "x"}
print(d[K(1, 2)], K(1, 2) in d, len({K(1, 2), K(1, 2), K(2, 1)}))
class Big:
    def __hash__(self): return 2 ** 100
print(hash(Big()) == hash(2 ** 100))
class NegOne:
    def __hash__(self): return -1
print(hash(NegOne()))
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print(e)
class Child(K): pass
print(hash(Child(1, 2)) == hash(K(1, 2)))
class EqOnlyChild(K):
    def __eq__(self, o): return False
try:
    hash(EqOnlyChild(1, 2))
except TypeError as e:
    print(e)
