from itertools import *
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: count(), 'count()')
_t(lambda: count(5), 'count(5)')
_t(lambda: count(5, 2), 'count(5, 2)')
_t(lambda: count(1.5), 'count(1.5)')
_t(lambda: count(0, 1.0), 'count(0, 1.0)')
_t(lambda: count("a"), 'count("a")')
_t(lambda: count(10**30, -1), 'count(10**30, -1)')
_t(lambda: repeat(1), 'repeat(1)')
_t(lambda: repeat("a", 3), 'repeat("a", 3)')
_t(lambda: repeat(1, -5), 'repeat(1, -5)')
_t(lambda: repeat(), 'repeat()')
_t(lambda: repeat(1, times=2), 'repeat(1, times=2)')
_t(lambda: repeat(1, 2.0), 'repeat(1, 2.0)')
