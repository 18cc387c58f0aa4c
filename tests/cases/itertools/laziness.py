from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
a, b = tee(iter([1, 2, 3]))
print(next(a), list(b), list(a))
g = groupby("aabb")
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2))
it = iter([1,2,3,4,5])
print(list(islice(it, 2)), list(it))
it = iter(range(10))
print(list(takewhile(lambda x: x < 3, it)), list(it))
c = count(3)
next(c); print(c, repr(repeat([1,2])))
r = repeat(1, 3); next(r); print(r)
