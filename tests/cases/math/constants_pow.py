import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.tau, 'math.tau')
_t(lambda: math.e, 'math.e')
_t(lambda: math.pi, 'math.pi')
_t(lambda: math.inf, 'math.inf')
_t(lambda: math.nan, 'math.nan')
_t(lambda: math.pow(2, 0.5), 'math.pow(2, 0.5)')
_t(lambda: math.pow(float("nan"), 0), 'math.pow(float("nan"), 0)')
_t(lambda: math.sqrt(2), 'math.sqrt(2)')
