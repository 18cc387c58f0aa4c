import functools
from functools import *
def add(a, b): return a + b
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
_t(lambda: (V(1) <= V(2), V(2) >= V(1), V(3) > V(1), V(1) > V(1), V(1) >= V(1)), '(V(1) <= V(2), V(2) >= V(1), V(3) > V(1), V(1) > V(1), V(1) >= V(1))')
_t(lambda: V.__gt__.__name__, 'V.__gt__.__name__')
class N: pass
_t(lambda: total_ordering(N), 'total_ordering(N)')
