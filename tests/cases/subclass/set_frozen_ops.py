class S(set): pass
class F(frozenset): pass
a, b = S([1, 2, 3]), F([2, 3, 4])
print(sorted(a & b), type(a & b).__name__, type(b & a).__name__, sorted(a - b), sorted(a ^ b), a <= {1, 2, 3}, b > {2})
a |= {9}
print(type(a).__name__, sorted(a), len(a), 9 in a)
a.discard(9)
a.update([7, 8])
print(sorted(a), sorted(a.union([0])), type(a.union([0])).__name__, a.isdisjoint({100}))
print(F() == frozenset(), hash(F()) == hash(frozenset()), {F([1]): "x"}[frozenset([1])], F([1, 1, 2]))
print(sorted(set(F([3, 1]))), frozenset(F([1])), type(frozenset(F([1]))).__name__)
s = S()
s.attr = "y"
print(s, s.attr, repr(S([1])), bool(S()), bool(S([0])))
