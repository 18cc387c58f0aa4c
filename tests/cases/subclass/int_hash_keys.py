class I(int): pass
d = {1: "one", I(2): "two"}
print(d[I(1)], d[2], I(1) in d, 2 in d, {I(1), 1, True}, len({I(5), 5}), sorted({I(3): 0, 1: 0}))
s = set([I(1), I(2)])
print(1 in s, I(3) in s, s == {1, 2}, frozenset([I(1)]) == frozenset([1]))
