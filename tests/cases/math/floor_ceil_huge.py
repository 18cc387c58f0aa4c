import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.floor(float("inf")), 'math.floor(float("inf"))')
_t(lambda: math.floor(float("nan")), 'math.floor(float("nan"))')
_t(lambda: math.ceil(1e300), 'math.ceil(1e300)')
_t(lambda: math.isqrt(1.0), 'math.isqrt(1.0)')
