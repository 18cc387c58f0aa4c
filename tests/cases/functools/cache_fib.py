import functools
from functools import *
def add(a, b): return a + b
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
@cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
_t(lambda: fib(80), 'fib(80)')
_t(lambda: fib.cache_info(), 'fib.cache_info()')
