import heapq
import itertools
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

g = heapq.merge(itertools.count(0, 3), itertools.count(1, 3), itertools.count(2, 3))
print(list(itertools.islice(g, 12)))
g = heapq.merge(iter(range(0, 10**18, 2)), iter(range(1, 10**18, 2)))
print([next(g) for _ in range(7)])
pulled = []
def src(name, items):
    for x in items:
        pulled.append((name, x))
        yield x
g = heapq.merge(src('a', [1, 4, 9]), src('b', [2, 3, 10]))
print(pulled)
print(next(g), pulled)
print(next(g), next(g), pulled)
print(list(g), pulled)
