import functools
from functools import *
def add(a, b): return a + b
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
class C:
    def __init__(self): self.n = 0
    @cached_property
    def val(self):
        self.n += 1
        return self.n * 10
c = C()
_t(lambda: (c.val, c.val, c.n), '(c.val, c.val, c.n)')
_t(lambda: type(C.val).__name__, 'type(C.val).__name__')
class M:
    def __init__(self, k): self.k = k
    @lru_cache(maxsize=None)
    def f(self, x): return self.k * x
_t(lambda: (M(2).f(3), M(3).f(3)), '(M(2).f(3), M(3).f(3))')
