import heapq
import itertools
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: list(heapq.merge([1], ['a'])))
t(lambda: list(heapq.merge([1, 2], 5)))
t(lambda: list(heapq.merge([1, 2], [3], key=1)))
t(lambda: list(heapq.merge([None], [None])))
def boom():
    yield 1
    raise ValueError('source failed')
t(lambda: list(heapq.merge(boom(), [5])))
t(lambda: list(heapq.merge([3, 1], [2], key=lambda x: 1 / (x - 2))))
