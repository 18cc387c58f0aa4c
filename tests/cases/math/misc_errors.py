import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.prod([1,2], 3), 'math.prod([1,2], 3)')
_t(lambda: math.dist([1],[1,2]), 'math.dist([1],[1,2])')
_t(lambda: math.dist(1,2), 'math.dist(1,2)')
_t(lambda: math.hypot("a"), 'math.hypot("a")')
_t(lambda: math.isclose(1,2,rel_tol=-1), 'math.isclose(1,2,rel_tol=-1)')
_t(lambda: math.isclose(1), 'math.isclose(1)')
