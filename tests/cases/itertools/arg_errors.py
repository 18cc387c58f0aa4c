from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: type(tee([1])[0]), 'type(tee([1])[0])')
_t(lambda: type(count()), 'type(count())')
_t(lambda: count.__name__, 'count.__name__')
_t(lambda: product(1), 'product(1)')
_t(lambda: zip_longest(1), 'zip_longest(1)')
_t(lambda: accumulate([1], None, 5), 'accumulate([1], None, 5)')
_t(lambda: count(1, "a"), 'count(1, "a")')
_t(lambda: repeat(1, 10**30), 'repeat(1, 10**30)')
_t(lambda: next(takewhile(1, [1])), 'next(takewhile(1, [1]))')
