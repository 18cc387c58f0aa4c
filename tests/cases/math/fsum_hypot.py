import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.pow(x=1,y=2), 'math.pow(x=1,y=2)')
_t(lambda: math.fsum([0.1]*10), 'math.fsum([0.1]*10)')
_t(lambda: math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), 'math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])')
_t(lambda: math.hypot(3,4), 'math.hypot(3,4)')
_t(lambda: math.hypot(1,1,1), 'math.hypot(1,1,1)')
_t(lambda: math.hypot(), 'math.hypot()')
_t(lambda: math.dist((1,2,3),(4,5,6)), 'math.dist((1,2,3),(4,5,6))')
