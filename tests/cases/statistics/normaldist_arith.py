import statistics as st
from statistics import NormalDist
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

n = NormalDist(100, 15)
print(n + 5, 5 + n, n - 5, 5 - n, n * 2, 2 * n, n * -2, n / 3, n / -4)
print(-n, +n, n + NormalDist(3, 4), n - NormalDist(3, 4), NormalDist(3, 4) - n)
print(n == NormalDist(100, 15), n == NormalDist(100.0, 15.0), n != NormalDist(100, 16), n == 100, n != 'x')
print(hash(n) == hash(NormalDist(100.0, 15.0)), len({n, NormalDist(100, 15), NormalDist(1, 1)}))
temperature_february = NormalDist(5, 2.5)
print(temperature_february * (9 / 5) + 32)
x = NormalDist(1.5, 0.5)
x += 1
print(x, x is not None)
print(isinstance(n, NormalDist), type(n), NormalDist.__name__, NormalDist.__module__)
