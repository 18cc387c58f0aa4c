sq = lambda x: x * x
print(sq(7), list(map(sq, range(5))), list(filter(lambda x: x % 2, range(10))), list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])))
print((lambda *a, **k: (a, k))(1, x=2), list(filter(None, [0, 1, '', 'a', None])))
