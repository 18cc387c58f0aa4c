s = {3, 1, 2}
print(s, len(s), 2 in s, {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
s.add(10); s.discard(1); s.remove(2); print(s, s.pop(), s)
print(set(), frozenset([1, 2]), set('abca') == {'a', 'b', 'c'}, {1, 2} <= {1, 2, 3}, {1} < {1}, {1, 2}.isdisjoint({3}))
print({1, 2}.union([3], (4,)), {1, 2, 3}.intersection({2, 3}, [3]), {5, 6}.difference({5}), {1}.symmetric_difference([2]))
