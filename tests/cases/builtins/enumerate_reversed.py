for i, c in enumerate('xyz', start=10):
    print(i, c)
print(list(reversed('abc')), list(reversed(range(4))), list(reversed({1: 2, 3: 4})))
try:
    reversed(5)
except TypeError as e:
    print(e)
