import functools
from functools import *
def add(a, b): return a + b
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
p = partial(add, 1)
_t(lambda: p(2), 'p(2)')
_t(lambda: repr(p).split(" at ")[0], 'repr(p).split(" at ")[0]')
_t(lambda: repr(partial(add, 1, b=3))[-10:], 'repr(partial(add, 1, b=3))[-10:]')
_t(lambda: partial(add, b=3)(a=1), 'partial(add, b=3)(a=1)')
_t(lambda: partial(), 'partial()')
_t(lambda: partial(1), 'partial(1)')
_t(lambda: repr(partial(partial(add, 1), 2))[-8:], 'repr(partial(partial(add, 1), 2))[-8:]')
_t(lambda: partial(partial(add, b=1), a=2)(), 'partial(partial(add, b=1), a=2)()')
_t(lambda: partial(add, 1).args, 'partial(add, 1).args')
_t(lambda: partial(add, 1, b=2).keywords, 'partial(add, 1, b=2).keywords')
_t(lambda: partial(add).func is add, 'partial(add).func is add')
_t(lambda: partial(add, b=2)(1, b=5), 'partial(add, b=2)(1, b=5)')
_t(lambda: partial(print, sep="-"), 'partial(print, sep="-")')
_t(lambda: partial(add, 1)(2, 3), 'partial(add, 1)(2, 3)')
