# Lambdas: parameters of every kind, defaults, in calls, displays and comprehensions.
totals = {'ann': 37.5, 'bob': 12.25, 'cy': 99.99}
print(sorted(totals, key=lambda n: -totals[n]), max(totals.items(), key=lambda kv: kv[1]))
add = lambda a, b=1, *rest, scale=2, **extra: (a + b + sum(rest)) * scale + len(extra)
print(add(1), add(1, 2, 3, 4, scale=1, x=0), (lambda: 'now')(), (lambda *a: a)(1, 2))
ops = {'neg': lambda x: -x, 'sq': lambda x: x * x}
print([ops[k](3) for k in sorted(ops)], list(map(lambda s: s.upper(), ['a', 'b'])))
pairs = [(1, 'b'), (2, 'a')]
pairs.sort(key=lambda p: p[1])
print(pairs, list(filter(lambda v: v % 2, range(7))), add.__name__, ops['sq'].__qualname__)
count = 0
count += 1
count *= 10
print(count, (lambda: [i * 2 for i in range(3)])())
