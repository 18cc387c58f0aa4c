t = (1, 'a', 2.5)
print(t, t[1], t[-1], t[::-1], len(t), t + (3,), t * 2, (1,), (), 'a' in t, t.count(1), t.index('a'))
print((1, 2) < (1, 3), (1, 2) == (1, 2), tuple([1, 2]), hash((1, 2)) == hash((1, 2)), hash((1, 2)), hash(()), hash((1, (2, 3))))
a, b, c = t
print(a, b, c)
