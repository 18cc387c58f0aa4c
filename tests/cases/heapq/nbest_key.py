import heapq
import itertools
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: heapq.nlargest(3, ['apple', 'fig', 'banana', 'kiwi'], key=len))
t(lambda: heapq.nsmallest(2, [{'p': 3}, {'p': 1}, {'p': 2}], key=lambda d: d['p']))
t(lambda: heapq.nlargest(2, [(1, 'b'), (1, 'a'), (0, 'z')], key=lambda p: p[0]))
t(lambda: heapq.nsmallest(0, [1, 2], key=abs))
t(lambda: heapq.nlargest(10, [-3, 1, -2], key=abs))
t(lambda: heapq.nsmallest(2, iter([5, -6, 1]), key=abs))
t(lambda: heapq.nlargest(1, [], key=len))
t(lambda: heapq.nlargest(2, [1, 'a'], key=str))
