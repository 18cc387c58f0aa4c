import math
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
_t(lambda: math.asinh(1), 'math.asinh(1)')
_t(lambda: math.acosh(0.5), 'math.acosh(0.5)')
_t(lambda: math.atanh(1), 'math.atanh(1)')
_t(lambda: math.hypot(1e308, 1e308), 'math.hypot(1e308, 1e308)')
_t(lambda: math.hypot(float("nan"), float("inf")), 'math.hypot(float("nan"), float("inf"))')
_t(lambda: math.fsum([1e308, 1e308, -1e308]), 'math.fsum([1e308, 1e308, -1e308])')
_t(lambda: math.fsum(iter([1, 2, 3.5])), 'math.fsum(iter([1, 2, 3.5]))')
_t(lambda: math.isqrt(True), 'math.isqrt(True)')
_t(lambda: math.lgamma(-1.5), 'math.lgamma(-1.5)')
_t(lambda: math.gamma(-1.5), 'math.gamma(-1.5)')
_t(lambda: math.gamma(171.5), 'math.gamma(171.5)')
_t(lambda: math.log(2.0**-1074), 'math.log(2.0**-1074)')
_t(lambda: math.hypot(1.5, 2.5, 3.5, 4.5), 'math.hypot(1.5, 2.5, 3.5, 4.5)')
_t(lambda: math.hypot(0.1, 0.2), 'math.hypot(0.1, 0.2)')
_t(lambda: math.dist([0.1, 0.7], [0.3, 0.4]), 'math.dist([0.1, 0.7], [0.3, 0.4])')
