# Comprehensions: all kinds, nested, with conditions, names from the module.
data = {'a': [1, 2, 3], 'b': [4, 5]}
scale = 10
print([v * scale for v in data['a']])
print({k: len(v) for k, v in data.items()})
print({v % 2 for vs in data.values() for v in vs})
print(list(v for v in range(5) if v != 2))
print(sum(x * x for x in range(10)))
print([[r * c for c in range(3)] for r in range(3)])
print([(i, j) for i in range(3) for j in range(i) if (i + j) % 2])
print([y for x in [[1, 2], [3]] for y in x if y > 1 if y < 3])
print({(a, b): a * b for a, b in zip('xyz', range(3))})
print([x for x in [x for x in range(4)]])
print([[y for y in x] for x in ['ab', 'cd']])
print(sorted({c for c in 'mississippi'}))
gen = (c.upper() for c in 'abc')
print(next(gen), list(gen))
rows = [{'id': i, 'ok': i % 2 == 0} for i in range(6)]
print([r['id'] for r in rows if r['ok'] and r['id'] > 0])
print([i if i % 2 else -i for i in range(5)])
print([not i for i in (0, 1)], [i for i in range(3) if not i])
