import heapq
import itertools
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge()), list(heapq.merge([])), list(heapq.merge([], [1])))
print(list(heapq.merge([1, 1, 2], [1, 2, 2])))
print(list(heapq.merge('ace', 'bdf')))
print(list(heapq.merge((1, 4), iter([2, 3]), range(0, 10, 5))))
print(list(heapq.merge([1.0, 2], [1, 2.0])))
g = heapq.merge([1], [2])
print(type(g).__name__, iter(g) is g, next(g), list(g), list(g))
