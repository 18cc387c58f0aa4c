import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.fsum([1e308, 1e308]), 'math.fsum([1e308, 1e308])')
_t(lambda: math.fsum([float("inf"), -float("inf")]), 'math.fsum([float("inf"), -float("inf")])')
