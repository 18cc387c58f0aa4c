import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.gamma(5), 'math.gamma(5)')
_t(lambda: math.gamma(0.5), 'math.gamma(0.5)')
_t(lambda: math.lgamma(10), 'math.lgamma(10)')
_t(lambda: math.erf(0.5), 'math.erf(0.5)')
_t(lambda: math.erfc(0.5), 'math.erfc(0.5)')
_t(lambda: math.expm1(1e-10), 'math.expm1(1e-10)')
_t(lambda: math.prod(range(1, 20)), 'math.prod(range(1, 20))')
_t(lambda: math.prod([1.5, 2]), 'math.prod([1.5, 2])')
_t(lambda: math.prod(['a'], start=3), "math.prod(['a'], start=3)")
