print(list(zip('abc', range(10))), dict(zip('ab', [1, 2])))
