import heapq
import itertools
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(heapq.merge([7, 5, 1], [8, 4, 2], reverse=True)))
print(list(heapq.merge(['b', 'a'], ['cc', 'c'], key=str.upper, reverse=True)))
recs = [[('a', 1), ('c', 3)], [('b', 1), ('d', 2)], [('e', 0)]]
print(list(heapq.merge(*recs, key=lambda r: r[1])))
print(list(heapq.merge(*[[(1, 'x'), (2, 'a')], [(1, 'b'), (3, 'c')]], key=lambda p: p[0])))
print(list(heapq.merge([5, 3, 3, 1], [4, 3, 2], [3], reverse=True)))
print(list(heapq.merge([{'t': 1}, {'t': 5}], [{'t': 2}], key=lambda d: d['t'])))
print(list(heapq.merge([1, 2], [3], key=None, reverse=False)))
