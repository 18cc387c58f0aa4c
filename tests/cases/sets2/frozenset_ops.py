a = frozenset([1, 2])
print(a | {3}, {3} | a, a & frozenset([2]), hash(a) == hash(frozenset([2, 1])), {a: 1}[frozenset([1, 2])])
