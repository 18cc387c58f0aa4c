import functools
from functools import *
def add(a, b): return a + b
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
@lru_cache(maxsize=2)
def sq(x):
    print("computing", x)
    return x * x
_t(lambda: sq(2), 'sq(2)')
_t(lambda: sq(2), 'sq(2)')
_t(lambda: sq(3), 'sq(3)')
_t(lambda: sq(4), 'sq(4)')
_t(lambda: sq(2), 'sq(2)')
_t(lambda: sq.cache_info(), 'sq.cache_info()')
_t(lambda: sq.cache_info().hits, 'sq.cache_info().hits')
_t(lambda: sq.cache_clear(), 'sq.cache_clear()')
_t(lambda: sq.cache_info(), 'sq.cache_info()')
_t(lambda: sq.__name__, 'sq.__name__')
_t(lambda: sq.__wrapped__(5), 'sq.__wrapped__(5)')
_t(lambda: sq.cache_parameters(), 'sq.cache_parameters()')
