import functools
from functools import *
def add(a, b): return a + b
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        "inner doc"
        return f(*a, **k)
    return inner
@deco
def hello(x):
    "hello doc"
    return x
_t(lambda: hello(3), 'hello(3)')
_t(lambda: hello.__name__, 'hello.__name__')
_t(lambda: hello.__doc__, 'hello.__doc__')
_t(lambda: hello.__wrapped__.__name__, 'hello.__wrapped__.__name__')
_t(lambda: hello.__qualname__, 'hello.__qualname__')
_t(lambda: WRAPPER_ASSIGNMENTS, 'WRAPPER_ASSIGNMENTS')
_t(lambda: WRAPPER_UPDATES, 'WRAPPER_UPDATES')
def w2(): pass
_t(lambda: update_wrapper(w2, hello).__name__, 'update_wrapper(w2, hello).__name__')
_t(lambda: w2.__wrapped__ is hello, 'w2.__wrapped__ is hello')
