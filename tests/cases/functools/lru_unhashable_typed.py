import functools
from functools import *
def add(a, b): return a + b
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
@lru_cache
def ident(x): return x
_t(lambda: ident(1), 'ident(1)')
_t(lambda: ident([1]), 'ident([1])')
_t(lambda: ident.cache_info(), 'ident.cache_info()')
_t(lambda: lru_cache(maxsize="a"), 'lru_cache(maxsize="a")')
@lru_cache(maxsize=None, typed=True)
def tt(x): return type(x).__name__
_t(lambda: (tt(1), tt(1.0), tt(True)), '(tt(1), tt(1.0), tt(True))')
_t(lambda: tt.cache_info(), 'tt.cache_info()')
@lru_cache(maxsize=0)
def z(x): return x
_t(lambda: (z(1), z(1), z.cache_info()), '(z(1), z(1), z.cache_info())')
